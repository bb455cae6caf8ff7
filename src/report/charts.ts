/**
 * The charts of the report page, drawn as SVG text on the server with echarts (its SVG
 * renderer in server mode, no canvas, no browser): one horizontal bar chart per metric, a
 * bar per report for the result and a lighter, dashed bar for the goal. The same data
 * always gives the same SVG: no animation, and echarts' per-instance ids are renamed after
 * the chart's place on the page.
 */
import * as echarts from 'echarts/core';
import {BarChart} from 'echarts/charts';
import {GridComponent, LegendComponent, TitleComponent} from 'echarts/components';
import {SVGRenderer} from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** Fonts that hold Chinese on Windows, macOS and Linux, then any sans-serif (single quotes: the SVG puts it in a style attribute). */
export const FONT_STACK = "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

/** One bar chart: a title, a row per report, a result and a goal per row. */
export interface BarChartSpec {
  /** A prefix unique on the page, for the ids and classes inside the SVG. */
  id: string;
  title: string;
  /** The row labels, top to bottom (report body and year). */
  rows: string[];
  results: (number | null)[];
  targets: (number | null)[];
  /** The legend's words for a result and a goal. */
  resultName: string;
  targetName: string;
  /** Formats a value for the bar labels and the axis (7.8%, 122.2亿元). */
  format: (value: number) => string;
  width: number;
}

const RESULT_COLOUR = '#2f6db5';
const TARGET_COLOUR = '#e0892b';
/** Height of one report's row, and of the title, legend and axis around them, in pixels. */
const ROW_HEIGHT = 34;
const FRAME_HEIGHT = 96;

/** Draws a chart as an SVG string; the chart is disposed of, or the process would never exit. */
export function renderBarChart(spec: BarChartSpec): string {
  const height = FRAME_HEIGHT + ROW_HEIGHT * spec.rows.length;
  const chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: spec.width, height});
  const hasTargets = spec.targets.some((value) => value !== null);
  const hasResults = spec.results.some((value) => value !== null);
  const label = {show: true, position: 'right' as const, fontSize: 11, color: '#333', formatter: (p: {value: unknown}) => (typeof p.value === 'number' ? spec.format(p.value) : '')};
  const series = [];
  if (hasResults) {
    series.push({name: spec.resultName, type: 'bar' as const, data: spec.results.map((value) => value ?? '-'), itemStyle: {color: RESULT_COLOUR}, label, barMaxWidth: 14, barGap: '15%'});
  }
  if (hasTargets) {
    series.push({
      name: spec.targetName, type: 'bar' as const, data: spec.targets.map((value) => value ?? '-'),
      itemStyle: {color: '#fbe3c8', borderColor: TARGET_COLOUR, borderType: 'dashed' as const, borderWidth: 1.5}, label, barMaxWidth: 14, barGap: '15%',
    });
  }
  try {
    chart.setOption({
      animation: false,
      textStyle: {fontFamily: FONT_STACK},
      title: {text: spec.title, left: 0, top: 4, textStyle: {fontSize: 15, fontWeight: 'bold', fontFamily: FONT_STACK, color: '#1d2a3a'}},
      legend: {top: 30, left: 0, itemWidth: 16, itemHeight: 10, textStyle: {fontFamily: FONT_STACK}},
      grid: {left: 8, right: 80, top: 60, bottom: 28},
      xAxis: {type: 'value', axisLabel: {formatter: (value: number) => spec.format(value), fontSize: 10, hideOverlap: true}, splitLine: {lineStyle: {color: '#e5e8ee'}}},
      yAxis: {type: 'category', inverse: true, data: spec.rows, axisLabel: {fontSize: 12, color: '#1d2a3a'}, axisTick: {show: false}},
      series,
    });
    return renameIds(chart.renderToSVGString(), spec.id);
  } finally {
    chart.dispose();
  }
}

/**
 * Renames zrender's ids after the chart's id: its instance prefix (zr0-, zr7-) and its style
 * classes, numbered by a counter that runs across charts (cls-60), renumbered from 0 in order
 * of appearance. Ids then differ between the charts of a page and never between runs.
 */
function renameIds(svg: string, id: string): string {
  const classes = new Map<string, number>();
  return svg.replace(/\bzr\d+-(cls-(\d+))?/g, (_match, cls: string | undefined, n: string | undefined) => {
    if (cls === undefined) return `${id}-`;
    if (!classes.has(n!)) classes.set(n!, classes.size);
    return `${id}-cls-${classes.get(n!)}`;
  });
}
