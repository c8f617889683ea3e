// Draws a chart above each table marked data-chart, from the table's own cells: the numbers stay
// readable as a table (screen readers, no JavaScript), the chart is an addition. Re-runs after
// htmx swaps the board.
(function () {
  function draw(root) {
    if (typeof Chart === "undefined") return;
    root.querySelectorAll("canvas.chart[data-for]").forEach(function (canvas) {
      var table = document.getElementById(canvas.dataset.for);
      if (!table || canvas.dataset.drawn) return;
      var labels = Array.from(table.querySelectorAll("thead th")).map(function (th) { return th.textContent.trim(); });
      var values = Array.from(table.querySelectorAll("tbody td")).map(function (td) {
        return td.dataset.value === "" ? null : Number(td.dataset.value);
      });
      canvas.dataset.drawn = "1";
      new Chart(canvas, {
        type: table.dataset.chart === "bar" ? "bar" : "line",
        data: { labels: labels, datasets: [{ label: table.dataset.label, data: values, spanGaps: false }] },
        options: {
          responsive: true,
          maintainAspectRatio: true,
          aspectRatio: window.innerWidth < 600 ? 1.4 : 2.5,  // taller on a phone, so the points stay apart
          plugins: { legend: { display: false } },
          scales: { x: { ticks: { autoSkip: true, maxRotation: 60 } } }
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSwap", function (event) { draw(event.target); });
})();
