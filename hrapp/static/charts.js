// Charts: every element with data-chart="ID" is drawn by ECharts (served by the app from node_modules) from the
// option in <script type="application/json" id="ID">, in the page's language. The table beside each chart holds
// the same numbers for screen readers and export.
(function () {
  "use strict";
  function draw() {
    if (typeof echarts === "undefined") { return; }
    var locale = (document.documentElement.lang || "zh").toLowerCase().indexOf("zh") === 0 ? "ZH" : "EN";
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var source = document.getElementById(element.dataset.chart);
      if (!source) { return; }
      var chart = echarts.init(element, null, {locale: locale, renderer: "svg"});
      chart.setOption(JSON.parse(source.textContent));
      element.dataset.chartReady = "1";
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
