(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var settings = data.settings || {};
  var LABELS = settings.labelsAtOverview || 60;  // at most this many labels on screen...
  var MANY_AT = 0.9;  // ...until zoomed in to about natural size
  var EVERY_AT = 3;  // from here on every label is drawn
  var FONT = 13;  // on-screen label size in pixels
  var MAX_CHARS = 42;  // a drawn label longer than this is cut (details show it whole)
  data.nodes.forEach(function (n) {
    n.label = "";
    n.search = (n.name + " " + (n.caption || "")).toLowerCase();
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var focusNode = data.nodes.filter(function (n) { return n.focus; })[0] || null;
  var hidden = {};
  var unfolded = {};
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
  function shown(n) {
    if (hidden[n.group]) { return false; }
    if (n.foldOf) { return !unfolded[n.foldOf]; }
    if (n.fold && !unfolded[n.fold]) { return false; }
    return inRange(n.first, n.last);
  }
  var nodeView = new vis.DataView(nodes, { filter: shown });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return inRange(e.first, e.last); } });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.docketgraphNetwork = network;

  // Labels: the highest-ranked nodes on screen whose labels do not overlap, drawn at
  // FONT pixels whatever the zoom; at most LABELS of them until zoomed in to about natural
  // size, then as many as fit; every label from EVERY_AT on.
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = FONT + "px arial";
  var widths = {};
  function cut(name) { return name.length > MAX_CHARS ? name.slice(0, MAX_CHARS - 1) + "\u2026" : name; }
  function width(text) {
    if (!(text in widths)) { widths[text] = measure.measureText(text).width; }
    return widths[text];
  }
  var current = {};  // id -> label drawn now
  var fontNow = {};
  var labelled = 0;
  function relabel() {
    var s = network.getScale();
    var all = s >= EVERY_AT;
    var budget = s >= MANY_AT ? Infinity : LABELS;
    var fontSize = FONT / s;
    var w = container.clientWidth, h = container.clientHeight;
    var ids = nodeView.getIds();
    var pos = network.getPositions(ids);
    var selected = {};
    network.getSelectedNodes().forEach(function (id) { selected[id] = true; });
    var order = nodeView.get({ fields: ["id", "rank", "name", "size", "foldOf"] });
    order.sort(function (a, b) {
      return (selected[b.id] ? 1 : 0) - (selected[a.id] ? 1 : 0) || a.rank - b.rank;
    });
    var boxes = [], want = {}, count = 0;
    for (var i = 0; i < order.length; i++) {
      var n = order[i];
      var p = pos[n.id];
      if (!p) { continue; }
      var d = network.canvasToDOM(p);
      var text = cut(n.name);
      var tw = width(text) + 6, r = (n.size || 10) * s;
      var box = n.foldOf
        ? { x0: d.x - tw / 2 - 6, x1: d.x + tw / 2 + 6, y0: d.y - FONT, y1: d.y + FONT }
        : { x0: d.x - tw / 2, x1: d.x + tw / 2, y0: d.y + r, y1: d.y + r + FONT + 4 };
      if (box.x1 < 0 || box.x0 > w || box.y1 < 0 || box.y0 - r * 2 > h) { continue; }  // off screen
      if (!all) {
        if (count >= budget) { break; }
        var clash = false;
        for (var j = 0; j < boxes.length && !clash; j++) {
          var o = boxes[j];
          clash = box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1;
        }
        if (clash && !selected[n.id] && !n.foldOf) { continue; }
        boxes.push(box);
      }
      want[n.id] = text;
      count++;
    }
    var changes = [];
    Object.keys(current).forEach(function (id) {
      if (!(id in want) && current[id]) { changes.push({ id: id, label: "" }); current[id] = ""; }
    });
    Object.keys(want).forEach(function (id) {
      if (current[id] !== want[id] || fontNow[id] !== fontSize) {
        changes.push({ id: id, label: want[id], font: { size: fontSize } });
        current[id] = want[id];
        fontNow[id] = fontSize;
      }
    });
    labelled = count;
    if (changes.length) { nodes.update(changes); }
    document.body.setAttribute("data-labels", String(count));
  }
  var timer = null;
  function later() {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(function () { timer = null; relabel(); }, 120);
  }
  network.on("zoom", later);
  network.on("dragEnd", later);
  network.on("resize", later);

  var details = document.getElementById("details");
  var status = document.getElementById("status");
  function show(lines) { details.textContent = lines.join("\n"); }
  var LINK = /^https:\/\/www\.courtlistener\.com\/\?/;
  function showNode(n) {
    show([n.name].concat(n.info || []));
    if (n.link && LINK.test(n.link)) {  // a search for the case's docket on CourtListener
      var a = document.createElement("a");
      a.href = n.link;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      a.textContent = "Find this docket on CourtListener";
      details.appendChild(document.createTextNode("\n"));
      details.appendChild(a);
    }
  }
  function overview() {
    network.fit({ animation: false });
    if (focusNode && nodeView.get(focusNode.id)) {
      // centred on the focus, zoomed out just enough to show every node shown
      var c = network.getPosition(focusNode.id);
      var pos = network.getPositions(nodeView.getIds());
      var dx = 1, dy = 1;
      Object.keys(pos).forEach(function (id) {
        var n = nodes.get(id), r = (n && n.size) || 10;
        dx = Math.max(dx, Math.abs(pos[id].x - c.x) + r);
        dy = Math.max(dy, Math.abs(pos[id].y - c.y) + r + 20);
      });
      var scale = 0.95 * Math.min(container.clientWidth / (2 * dx), container.clientHeight / (2 * dy));
      network.moveTo({ position: c, scale: Math.min(scale, 1.5), animation: false });
      network.selectNodes([focusNode.id]);
      showNode(focusNode);
    }
    relabel();
  }
  function settled() {
    if (!document.body.hasAttribute("data-settled")) {
      overview();
      network.once("afterDrawing", function () { document.body.setAttribute("data-settled", "1"); });
      network.redraw();
    }
  }
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      if (focusNode) { nodes.update({ id: focusNode.id, fixed: false }); }  // held still while it settled
      settled();
    });
  } else {
    network.once("afterDrawing", function () { window.setTimeout(settled, 0); });
  }
  if (!data.nodes.length) { window.setTimeout(settled, 0); }  // nothing to draw: done now

  function refresh() {
    nodeView.refresh(); edgeView.refresh();
    var real = nodeView.get({ filter: function (n) { return !n.foldOf; } }).length;
    var total = data.nodes.filter(function (n) { return !n.foldOf; }).length;
    status.textContent = real + " of " + total + " nodes, " +
      edgeView.length + " of " + edges.length + " edges shown";
    Array.prototype.forEach.call(document.querySelectorAll("button.fold"), function (b) {
      var k = b.getAttribute("data-kind");
      var m = /\d+/.exec(b.textContent);
      b.textContent = (unfolded[k] ? "fold " : "show ") + (m ? m[0] : "");
    });
    later();
  }
  function unfold(kind, on) {
    unfolded[kind] = on;
    refresh();
  }
  network.on("click", function (p) {
    if (p.nodes.length) {
      var n = nodes.get(p.nodes[0]);
      if (n.foldOf) { unfold(n.foldOf, true); }
      showNode(n);
    } else if (p.edges.length) {
      var e = edges.get(p.edges[0]);
      var a = nodes.get(e.from), b = nodes.get(e.to);
      show([a.name + " \u2194 " + b.name, "weight: " + e.value].concat(e.info || []));
    }
    later();
  });
  Array.prototype.forEach.call(document.querySelectorAll("input.kind"), function (box) {
    box.addEventListener("change", function () { hidden[box.value] = !box.checked; refresh(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.fold"), function (b) {
    b.addEventListener("click", function (ev) {
      ev.preventDefault();
      var k = b.getAttribute("data-kind");
      unfold(k, !unfolded[k]);
    });
  });
  function dates() {
    range.from = fromBox.value === initial.from ? "" : fromBox.value;
    range.to = toBox.value === initial.to ? "" : toBox.value;
    refresh();
  }
  fromBox.addEventListener("change", dates);
  toBox.addEventListener("change", dates);

  // Search: every match counted (folded ones too); "Next hit" centres each in turn.
  var searchBox = document.getElementById("search");
  var hitsBox = document.getElementById("hits");
  var hits = [], hitAt = -1;
  function goTo(n) {
    if (n.fold && !unfolded[n.fold]) { unfold(n.fold, true); }
    network.selectNodes([n.id]);
    network.moveTo({ position: network.getPosition(n.id), scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(n);
    later();
  }
  function search() {
    var q = searchBox.value.toLowerCase().trim();
    hits = []; hitAt = -1;
    if (!q) { hitsBox.textContent = ""; network.unselectAll(); later(); return; }
    hits = nodes.get({ filter: function (n) {
      return !n.foldOf && !hidden[n.group] && inRange(n.first, n.last) && n.search.indexOf(q) >= 0;
    } });
    hits.sort(function (a, b) { return a.rank - b.rank; });
    var folded = hits.filter(function (n) { return n.fold && !unfolded[n.fold]; }).length;
    hitsBox.textContent = hits.length + (hits.length === 1 ? " hit" : " hits") +
      (folded ? " (" + folded + " folded)" : "");
    var visible = hits.filter(function (n) { return !(n.fold && !unfolded[n.fold]); });
    network.selectNodes(visible.map(function (n) { return n.id; }));
    if (visible.length) {  // the first is shown; "Next hit" starts from it
      network.focus(visible[0].id, { scale: Math.max(network.getScale(), 1.0), animation: false });
      showNode(visible[0]);
    }
    later();
  }
  searchBox.addEventListener("input", search);
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); document.getElementById("next-hit").click(); }
  });
  document.getElementById("next-hit").addEventListener("click", function () {
    if (!hits.length) { return; }
    hitAt = (hitAt + 1) % hits.length;
    goTo(hits[hitAt]);
    hitsBox.textContent = (hitAt + 1) + " of " + hits.length + (hits.length === 1 ? " hit" : " hits");
  });
  document.getElementById("fit").addEventListener("click", function () {
    network.fit({ animation: false });
    later();
  });
  document.getElementById("reset").addEventListener("click", function () {
    searchBox.value = ""; hits = []; hitAt = -1; hitsBox.textContent = "";
    hidden = {}; unfolded = {};
    Array.prototype.forEach.call(document.querySelectorAll("input.kind"), function (b) { b.checked = true; });
    fromBox.value = initial.from; toBox.value = initial.to;
    range.from = ""; range.to = "";
    network.unselectAll();
    refresh();
    overview();
  });

  window.docketgraphView = {
    network: network,
    nodes: nodes,
    relabel: relabel,
    overview: overview,
    unfold: unfold,
    labelled: function () { return labelled; }
  };
})();
