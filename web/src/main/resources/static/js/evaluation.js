// The protocol evaluation's bar charts (Apache ECharts, from WebJars): each reads its figures from the JSON in its
// element's data-chart attribute ({labels, series: [{name, data}]}), the counts rounded to 5 as the tables show them.
// A figure not shown (<5, x) is null: no bar. The tables beside them hold every figure; the charts are decoration
// (role="img" with a text alternative).
document.addEventListener('DOMContentLoaded', function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
    var figures = JSON.parse(element.getAttribute('data-chart'));
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      color: ['#1f5f99', '#9bb8d3'],
      // Drawn on the canvas, not as HTML: ECharts 5.3's HTML tooltip does not escape its labels (fixed in 5.5.1,
      // which WebJars does not serve here), and a school's name comes from the board's directory file.
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      legend: { top: 0 },
      grid: { containLabel: true, left: 8, right: 24, top: 36, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: figures.labels, inverse: true },
      series: figures.series.map(function (s) {
        return { type: 'bar', name: s.name, data: s.data };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-drawn', 'true');
  });
});
