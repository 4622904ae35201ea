// Report pages: charts drawn with ECharts from the page's JSON data blocks, and the Print button.
// No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  // Colour-blind-safe palette (Okabe-Ito); series also differ by symbol, so colour is never the only cue.
  var COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
  var SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];

  function draw(element) {
    var source = document.getElementById(element.dataset.chart);
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    if (!data.categories || data.categories.length === 0) {
      element.hidden = true;
      return;
    }
    var unit = data.unit || '';
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      color: COLOURS,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + (unit ? ' ' + unit : ''); } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: data.categories, axisLabel: { hideOverlap: true, rotate: data.categories.length > 12 ? 30 : 0 } },
      yAxis: { type: 'value', max: unit === '%' ? 100 : null, minInterval: 1,
        axisLabel: { formatter: unit ? '{value} ' + unit : '{value}' } },
      series: data.series.map(function (s, i) {
        return { name: s.name, type: data.type, data: s.data, connectNulls: false,
          symbol: SYMBOLS[i % SYMBOLS.length], symbolSize: 7, barMaxWidth: 36,
          itemStyle: data.type === 'bar' ? { decal: { symbol: SYMBOLS[i % SYMBOLS.length] } } : undefined };
      }),
      aria: { enabled: true, decal: { show: data.type === 'bar' } }
    });
    element.dataset.drawn = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
  }

  function start() {
    document.querySelectorAll('[data-chart]').forEach(draw);
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
