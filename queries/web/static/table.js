// Sortable tables: click a heading to sort by that column (numbers as numbers); text is
// compared as text, and cells are only moved, never rewritten (no HTML is built here).
(function () {
  "use strict";
  function value(cell) {
    var t = (cell.textContent || "").trim();
    var n = Number(t.replace(/,/g, ""));
    return t !== "" && !isNaN(n) ? { n: n, t: t } : { n: null, t: t.toLowerCase() };
  }
  function sortBy(table, th, index) {
    var body = table.tBodies[0];
    if (!body) return;
    var asc = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a.cells[index] || a), y = value(b.cells[index] || b), r;
      if (x.n !== null && y.n !== null) r = x.n - y.n;
      else if (x.n !== null) r = -1;
      else if (y.n !== null) r = 1;
      else r = x.t < y.t ? -1 : x.t > y.t ? 1 : 0;
      return asc ? r : -r;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function init() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var head = table.tHead && table.tHead.rows[0];
      if (!head) return;
      Array.prototype.forEach.call(head.cells, function (th, i) {
        th.tabIndex = 0;
        th.addEventListener("click", function () { sortBy(table, th, i); });
        th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(table, th, i); });
      });
    });
    document.body.setAttribute("data-ready", "1");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
