(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hidden = {};
  var range = { from: "", to: "" };
  var fromBox = document.getElementById("date-from");
  var toBox = document.getElementById("date-to");
  var initial = { from: fromBox.value, to: toBox.value };
  function inRange(first, last) {
    if (!first && !last) { return true; }  // undated: always shown
    if (range.from && last && last < range.from) { return false; }
    if (range.to && first && first > range.to) { return false; }
    return true;
  }
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return !hidden[n.group] && inRange(n.first, n.last); }
  });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return inRange(e.first, e.last); } });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.docketgraphNetwork = network;
  function settled() {
    if (!document.body.hasAttribute("data-settled")) {
      document.body.setAttribute("data-settled", "1");
    }
  }
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", settled);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", settled);
  }
  if (!data.nodes.length) { window.setTimeout(settled, 0); }  // nothing to draw: done now
  var details = document.getElementById("details");
  var status = document.getElementById("status");
  function show(lines) { details.textContent = lines.join("\n"); }
  network.on("click", function (p) {
    if (p.nodes.length) {
      var n = nodes.get(p.nodes[0]);
      show([n.label].concat(n.info || []));
    } else if (p.edges.length) {
      var e = edges.get(p.edges[0]);
      var a = nodes.get(e.from), b = nodes.get(e.to);
      show([a.label + " \u2194 " + b.label, "weight: " + e.value].concat(e.info || []));
    }
  });
  function refresh() {
    nodeView.refresh(); edgeView.refresh();
    status.textContent = nodeView.length + " of " + nodes.length + " nodes, " +
      edgeView.length + " of " + edges.length + " edges shown";
  }
  Array.prototype.forEach.call(document.querySelectorAll("input.kind"), function (box) {
    box.addEventListener("change", function () { hidden[box.value] = !box.checked; refresh(); });
  });
  function dates() {
    range.from = fromBox.value === initial.from ? "" : fromBox.value;
    range.to = toBox.value === initial.to ? "" : toBox.value;
    refresh();
  }
  fromBox.addEventListener("change", dates);
  toBox.addEventListener("change", dates);
  document.getElementById("search").addEventListener("input", function (ev) {
    var q = ev.target.value.toLowerCase();
    if (!q) { network.unselectAll(); return; }
    var hits = nodeView.get({ filter: function (n) { return n.label.toLowerCase().indexOf(q) >= 0; } });
    network.selectNodes(hits.map(function (n) { return n.id; }));
    if (hits.length) { network.focus(hits[0].id, { scale: 1.0, animation: false }); }
  });
})();
