(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hidden = {};
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hidden[n.group]; } });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edges }, data.options);
  window.docketgraphNetwork = network;
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    document.body.setAttribute("data-settled", "1");
  });
  if (!data.options.physics || !data.options.physics.enabled) {
    document.body.setAttribute("data-settled", "1");
  }
  var details = document.getElementById("details");
  function show(lines) { details.textContent = lines.join("\n"); }
  network.on("click", function (p) {
    if (p.nodes.length) {
      var n = nodes.get(p.nodes[0]);
      show([n.label, "kind: " + n.group].concat(n.info || []));
    } else if (p.edges.length) {
      var e = edges.get(p.edges[0]);
      var a = nodes.get(e.from), b = nodes.get(e.to);
      show([a.label + " \u2194 " + b.label, "weight: " + e.value].concat(e.info || []));
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll("input.kind"), function (box) {
    box.addEventListener("change", function () { hidden[box.value] = !box.checked; nodeView.refresh(); });
  });
  document.getElementById("search").addEventListener("input", function (ev) {
    var q = ev.target.value.toLowerCase();
    if (!q) { network.unselectAll(); return; }
    var hits = nodes.get({ filter: function (n) { return n.label.toLowerCase().indexOf(q) >= 0; } });
    network.selectNodes(hits.map(function (n) { return n.id; }));
    if (hits.length) { network.focus(hits[0].id, { scale: 1.0 }); }
  });
})();
