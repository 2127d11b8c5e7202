// The browser script that draws the charts over the server-rendered page (served as /static/charts.js). Pages
// work without it: every chart's numbers are also in the data table behind it, shown when there is no script.
// Labels and tooltips print each point's `text`, formatted on the server by the portal's one formatter.
export const CHARTS_JS = String.raw`
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function text(p) { return p && p.data && p.data.text !== undefined ? p.data.text : '—'; }
  function axisTooltip(params) {
    var list = Array.isArray(params) ? params : [params];
    return [list[0].axisValueLabel || list[0].name].concat(list.map(function (p) { return p.marker + p.seriesName + '：' + text(p); })).join('<br>');
  }
  var builders = {
    functionTree: function (d) {
      return {
        tooltip: { formatter: function (p) { return p.name + '：' + text(p); } },
        series: [{ type: 'treemap', name: '全部', data: d.tree, leafDepth: 1, roam: false,
          label: { formatter: function (p) { return p.name + '\n' + text(p); } }, upperLabel: { show: true, height: 24 },
          breadcrumb: { show: true }, levels: [{ itemStyle: { borderWidth: 2, gapWidth: 2 } }, { itemStyle: { gapWidth: 1 } }] }]
      };
    },
    pie: function (d) {
      return { tooltip: { trigger: 'item', formatter: function (p) { return p.name + '：' + text(p) + '（' + p.percent.toFixed(2) + '%）'; } }, legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['35%', '62%'], data: d.items, label: { formatter: function (p) { return p.name + '\n' + text(p); } } }] };
    },
    bars: function (d, width) {
      var labelWidth = Math.max(60, Math.min(180, Math.round(width * 0.35)));
      var series = d.series.map(function (s) { return { type: 'bar', name: s.name, data: s.data }; });
      if (d.horizontal) {
        return { tooltip: { trigger: 'axis', formatter: axisTooltip }, legend: { top: 0, type: 'scroll' }, grid: { left: 8, right: 24, top: 40, bottom: 20, containLabel: true },
          yAxis: { type: 'category', data: d.categories, inverse: true, axisLabel: { width: labelWidth, overflow: 'truncate' } },
          xAxis: { type: 'value', name: d.unit || '万元', axisLabel: { hideOverlap: true } }, series: series };
      }
      return { tooltip: { trigger: 'axis', formatter: axisTooltip }, legend: { top: 0, type: 'scroll' }, grid: { left: 8, right: 16, top: 60, bottom: 20, containLabel: true },
        // the value axis's unit sits above the grid: the room under the legend keeps the two apart
        xAxis: { type: 'category', data: d.categories, axisLabel: { interval: 0, rotate: d.categories.length > 6 || width < 480 ? 30 : 0, width: labelWidth, overflow: 'truncate' } },
        yAxis: { type: 'value', name: d.unit || '万元' }, series: series };
    }
  };
  function draw(el) {
    var d = data(el.getAttribute('data-chart'));
    var build = d && builders[d.type];
    if (!build || typeof echarts === 'undefined') return;
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.on('finished', function () { el.setAttribute('data-chart-ready', '1'); });
    chart.setOption(build(d, el.clientWidth));
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.querySelectorAll('[data-chart]').forEach(draw);
})();
`;
