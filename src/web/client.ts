// The browser script that draws the charts over the server-rendered page (served as /static/charts.js). Pages
// work without it: every chart's numbers are also in a table or list on the page.
export const CHARTS_JS = String.raw`
(function () {
  'use strict';
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  var builders = {
    functionTree: function (d) {
      return {
        tooltip: { formatter: function (p) { return p.name + '：' + p.value + ' 万元'; } },
        series: [{ type: 'treemap', name: '全部', data: d.tree, leafDepth: 1, roam: false,
          label: { formatter: '{b}\n{c}' }, upperLabel: { show: true, height: 24 },
          breadcrumb: { show: true }, levels: [{ itemStyle: { borderWidth: 2, gapWidth: 2 } }, { itemStyle: { gapWidth: 1 } }] }]
      };
    },
    pie: function (d) {
      return { tooltip: { trigger: 'item', formatter: '{b}：{c} 万元（{d}%）' }, legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: d.items, label: { formatter: '{b}\n{c}' } }] };
    },
    bars: function (d) {
      if (d.horizontal) {
        return { tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 10, right: 30, top: 40, bottom: 20, containLabel: true },
          yAxis: { type: 'category', data: d.categories, inverse: true }, xAxis: { type: 'value', name: d.unit || '万元' },
          series: d.series.map(function (s) { return { type: 'bar', name: s.name, data: s.data }; }) };
      }
      return { tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 60, right: 20, top: 40, bottom: 60, containLabel: true },
        xAxis: { type: 'category', data: d.categories, axisLabel: { interval: 0, rotate: d.categories.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', name: d.unit || '万元' },
        series: d.series.map(function (s) { return { type: 'bar', name: s.name, data: s.data }; }) };
    }
  };
  function draw(el) {
    var d = data(el.getAttribute('data-chart'));
    var build = d && builders[d.type];
    if (!build || typeof echarts === 'undefined') return;
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.on('finished', function () { el.setAttribute('data-chart-ready', '1'); });
    chart.setOption(build(d));
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.querySelectorAll('[data-chart]').forEach(draw);
})();
`;
