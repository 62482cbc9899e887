/* global echarts, ResizeObserver */
// ECharts (served from the installed package) with the page's fonts, SVG rendering and no
// animation, so charts are crisp, readable in tests and identical in every screenshot.

export const FONT_FAMILY = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

/** Colours by figure kind, the same in tables (CSS) and charts. */
export const KIND_COLOURS = { REPORTED: '#c8161d', COMPUTED: '#2f6fb3', DERIVED: '#b7791f', SYNTHETIC: '#6b7280' };

/** Distinct colours for criteria in a stacked chart. */
export const SERIES_COLOURS = ['#c8161d', '#e0a100', '#2f6fb3', '#3f9b6b', '#8c4fb0', '#d2691e', '#5b6b7b', '#b0305c', '#2a9d8f', '#7a8b2c'];

const live = new Set();

/** Draws `option` in `element` (which must have a size) and keeps it sized to it; returns the chart. */
export function mountChart(element, option) {
  const chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, color: SERIES_COLOURS, ...option });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(element);
  live.add({ chart, observer });
  return chart;
}

/** Frees every chart of the page being left. */
export function disposeCharts() {
  for (const { chart, observer } of live) {
    observer.disconnect();
    chart.dispose();
  }
  live.clear();
}
