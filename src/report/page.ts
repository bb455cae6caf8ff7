/**
 * The report page of `reports report` (docs/report.md): one self-contained HTML page, CSS
 * and SVG inline, that reads offline and with no script. It holds the corpus at a glance
 * (reports by kind, year and level, completeness findings by rule), a chart per metric by
 * body and year, the 问题 parts side by side with their keywords, and the table of reports.
 * A pure function of the analysis results, the compare table and the findings: every text
 * from a report is escaped, and the same input gives the same page byte for byte.
 */
import path from 'node:path';
import type {CompareTable, MetricColumn, ReportFigures} from '../compare.js';
import {say, type Language, type Text} from '../messages.js';
import {readMetrics, type Metric} from '../stages/metrics.js';
import type {Excerpt, Message, ReportRow, SectionRow} from '../types.js';
import {FONT_STACK, renderBarChart} from './charts.js';

/** One report as the page shows it: its row, its 问题 rows of the sections table, their opening words. */
export interface PageReport {
  report: ReportRow;
  problems: readonly SectionRow[];
  excerpts: readonly Excerpt[];
}

/** What the page is built from. */
export interface PageInput {
  reports: readonly PageReport[];
  /** The compare table of the charted metrics (compareReports with the chosen metrics). */
  table: CompareTable;
  /** The completeness findings of the run, as `reports check` gives them. */
  findings: readonly Message[];
  lang: Language;
  /** A line under the summary (when, from what); none when absent, so the page stays the same run to run. */
  note?: string;
}

/** Metrics charted when none are chosen: at most this many. */
export const DEFAULT_CHART_COUNT = 8;
/** Reports drawn in one chart at most; the caption says how many more state the figure. */
export const MAX_CHART_ROWS = 40;
/** Width of a chart, in pixels; the page scales it down to its column. */
const CHART_WIDTH = 600;

/** The page's own words, in both languages. */
const WORDS = {
  title: {zh: '报告概览', en: 'Reports at a glance'},
  glance: {zh: '一、总体情况', en: '1. Overview'},
  charts: {zh: '二、主要指标', en: '2. Main figures'},
  problems: {zh: '三、存在的问题', en: '3. Problems the reports admit'},
  table: {zh: '四、报告列表', en: '4. The reports'},
  byKind: {zh: '按报告类型', en: 'By kind'},
  byYear: {zh: '按年度', en: 'By year'},
  byLevel: {zh: '按行政层级', en: 'By level'},
  byRule: {zh: '完整性检查（按规则）', en: 'Completeness findings by rule'},
  kind: {zh: '类型', en: 'Kind'},
  year: {zh: '年度', en: 'Year'},
  level: {zh: '层级', en: 'Level'},
  reports: {zh: '报告数', en: 'Reports'},
  rule: {zh: '规则', en: 'Rule'},
  meaning: {zh: '含义', en: 'What it finds'},
  errors: {zh: '错误', en: 'Errors'},
  warnings: {zh: '警告', en: 'Warnings'},
  affected: {zh: '涉及报告', en: 'Reports'},
  noFindings: {zh: '所有报告都通过了完整性检查。', en: 'Every report passed the completeness checks.'},
  unknown: {zh: '未识别', en: 'unknown'},
  result: {zh: '实际完成', en: 'Result'},
  target: {zh: '预期目标', en: 'Target'},
  noCharts: {zh: '这些报告中没有可比较的指标。', en: 'These reports state no figure of the catalogue.'},
  noFigure: {zh: '没有报告给出这一指标。', en: 'No report states this figure.'},
  noProblems: {zh: '没有找到问题部分的报告：', en: 'Reports with no problems part found: '},
  file: {zh: '文件', en: 'File'},
  org: {zh: '报告主体', en: 'Body'},
  sections: {zh: '部分', en: 'Sections'},
  indicators: {zh: '指标数', en: 'Indicators'},
  status: {zh: '状态', en: 'Status'},
} satisfies Record<string, Text>;

/** The administrative levels in the page's language. */
const LEVELS: Record<string, Text> = {
  national: {zh: '国家', en: 'national'},
  province: {zh: '省级', en: 'province'},
  city: {zh: '市级', en: 'city'},
  county: {zh: '县级', en: 'county'},
  township: {zh: '乡镇', en: 'township'},
};

/** The statuses of a file in the page's language. */
const STATUSES: Record<ReportRow['status'], Text> = {
  ok: {zh: '正常', en: 'ok'},
  empty: {zh: '无文本', en: 'empty'},
  error: {zh: '无法分析', en: 'failed'},
};

/** What each rule of `reports check` (and each reason a file could not be read) finds. */
const RULE_MEANINGS: Record<string, Text> = {
  'required-section': {zh: '缺少必需的部分', en: 'a required part is missing'},
  'empty-section': {zh: '部分只有标题、几乎没有正文', en: 'a part with a heading and almost no text'},
  'thin-problems': {zh: '问题部分过短或没有具体问题', en: 'a problems part too short or naming no concrete problem'},
  year: {zh: '找不到报告年度，或计划年度不对', en: 'no reported year, or the plan names another year'},
  'publish-deadline': {zh: '法治政府报告晚于次年4月1日公开', en: 'a rule-of-law report published after 1 April of the next year'},
  'no-indicators': {zh: '全文没有数字指标', en: 'the report states no number'},
  decoding: {zh: '乱码或替换字符', en: 'mojibake or replacement characters'},
  'duplicate-paragraph': {zh: '重复的段落', en: 'a paragraph repeated'},
  'empty-file': {zh: '文件没有文本', en: 'the file has no text'},
  'read-failed': {zh: '无法读取文件', en: 'the file cannot be read'},
  'binary-file': {zh: '不是文本文件', en: 'not a text file'},
  'file-too-large': {zh: '文件过大', en: 'the file is too large'},
  'document-damaged': {zh: '文档已损坏', en: 'the document is damaged'},
  'document-encrypted': {zh: '文档已加密', en: 'the document is encrypted'},
  'document-too-large': {zh: '文档解压后过大', en: 'the document is too large once inflated'},
  'no-text-layer': {zh: 'PDF 没有文本层', en: 'the PDF has no text layer'},
  'internal-error': {zh: '内部错误', en: 'internal error'},
};

const collator = new Intl.Collator('zh-Hans-CN');

/**
 * Chooses the metrics to chart when none are asked for: those stated (as a result or a
 * goal) by the most reports, ties in the catalogue's order, at most `limit`.
 */
export function mostStatedMetrics(reports: readonly ReportFigures[], limit = DEFAULT_CHART_COUNT): Metric[] {
  const catalogue = readMetrics();
  const counts = catalogue.map((metric, order) => ({metric, order, count: reports.filter(({indicators}) => indicators.some((i) => i.metric === metric.id)).length}));
  return counts.filter(({count}) => count > 0).sort((a, b) => b.count - a.count || a.order - b.order).slice(0, limit).map(({metric}) => metric);
}

/** Builds the whole page as an HTML string. */
export function buildReportPage(input: PageInput): string {
  const {lang} = input;
  const w = (text: Text): string => say(text, lang);
  const charts = chartSection(input);
  const body = [
    `<header><h1>${w(WORDS.title)}</h1>`,
    `<p class="summary">${escapeHtml(summaryLine(input, charts.count))}</p>`,
    input.note ? `<p class="note">${escapeHtml(input.note)}</p>` : '',
    '</header>',
    `<section id="glance"><h2>${w(WORDS.glance)}</h2>${glanceSection(input)}</section>`,
    `<section id="charts"><h2>${w(WORDS.charts)}</h2>${charts.html}</section>`,
    `<section id="problems"><h2>${w(WORDS.problems)}</h2>${problemsSection(input)}</section>`,
    `<section id="reports"><h2>${w(WORDS.table)}</h2>${reportsTable(input)}</section>`,
  ].filter((part) => part !== '').join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${w(WORDS.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body><main>\n${body}\n</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

/** Says in one line what the corpus holds: reports, their state, years, charts, findings. */
function summaryLine(input: PageInput, chartCount: number): string {
  const reports = input.reports.map(({report}) => report);
  const count = (status: ReportRow['status']): number => reports.filter((report) => report.status === status).length;
  const years = reports.map((report) => report.year).filter((year): year is number => year !== null);
  const span = years.length === 0 ? '' : Math.min(...years) === Math.max(...years) ? `${Math.min(...years)}` : `${Math.min(...years)}–${Math.max(...years)}`;
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  const warnings = input.findings.filter((f) => f.severity === 'warning').length;
  const incomplete = new Set(input.findings.filter((f) => f.severity === 'error').map((f) => f.file)).size;
  if (input.lang === 'en') {
    const state = [`${count('ok')} analysed`, count('empty') ? `${count('empty')} empty` : '', count('error') ? `${count('error')} failed` : ''].filter(Boolean).join(', ');
    return `${reports.length} report${reports.length === 1 ? '' : 's'} (${state})${span ? `, ${span}` : ''}; ${chartCount} chart${chartCount === 1 ? '' : 's'}; ` +
      `completeness: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${incomplete} report${incomplete === 1 ? '' : 's'} incomplete.`;
  }
  const state = [`${count('ok')} 份已分析`, count('empty') ? `${count('empty')} 份无文本` : '', count('error') ? `${count('error')} 份无法分析` : ''].filter(Boolean).join('，');
  return `共 ${reports.length} 份报告（${state}）${span ? `，${span} 年度` : ''}；${chartCount} 张指标图；完整性检查：${errors} 个错误、${warnings} 个警告，${incomplete} 份报告不完整。`;
}

/** The corpus at a glance: counts by kind, year and level, and the findings by rule. */
function glanceSection(input: PageInput): string {
  const {lang} = input;
  const w = (text: Text): string => say(text, lang);
  const reports = input.reports.map(({report}) => report).filter((report) => report.status === 'ok');
  const unknown = w(WORDS.unknown);
  const byKind = tally(reports.map((report) => report.kind || unknown));
  const byYear = tally(reports.map((report) => (report.year === null ? unknown : String(report.year)))).sort((a, b) => a[0].localeCompare(b[0]));
  const levelOrder = Object.keys(LEVELS);
  const byLevel = tally(reports.map((report) => report.level))
    .sort((a, b) => rank(levelOrder, a[0]) - rank(levelOrder, b[0]))
    .map(([level, n]): [string, number] => [LEVELS[level] ? w(LEVELS[level]) : level || unknown, n]);
  return '<div class="glance">' +
    countTable(w(WORDS.byKind), w(WORDS.kind), w(WORDS.reports), byKind) +
    countTable(w(WORDS.byYear), w(WORDS.year), w(WORDS.reports), byYear) +
    countTable(w(WORDS.byLevel), w(WORDS.level), w(WORDS.reports), byLevel) +
    '</div>' + findingsTable(input);
}

/** A small table of counts with a bar in each row. */
function countTable(caption: string, what: string, howMany: string, rows: readonly [string, number][]): string {
  const most = Math.max(1, ...rows.map(([, n]) => n));
  const body = rows.map(([name, n]) =>
    `<tr><td>${escapeHtml(name)}</td><td class="n"><span class="bar" style="width:${Math.round((n / most) * 100)}%"></span><span class="count">${n}</span></td></tr>`).join('');
  return `<table class="counts"><caption>${caption}</caption><thead><tr><th>${what}</th><th>${howMany}</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** The completeness findings by rule: errors, warnings and the reports they concern. */
function findingsTable(input: PageInput): string {
  const {lang} = input;
  const w = (text: Text): string => say(text, lang);
  if (input.findings.length === 0) return `<p class="passed">${w(WORDS.noFindings)}</p>`;
  const order = Object.keys(RULE_MEANINGS);
  const rules = [...new Set(input.findings.map((f) => f.ruleId))].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  const rows = rules.map((rule) => {
    const found = input.findings.filter((f) => f.ruleId === rule);
    const errors = found.filter((f) => f.severity === 'error').length;
    const warnings = found.filter((f) => f.severity === 'warning').length;
    const meaning = RULE_MEANINGS[rule] ? w(RULE_MEANINGS[rule]) : '';
    return `<tr><td><code>${escapeHtml(rule)}</code></td><td>${meaning}</td><td class="n${errors ? ' error' : ''}">${errors}</td>` +
      `<td class="n${warnings ? ' warning' : ''}">${warnings}</td><td class="n">${new Set(found.map((f) => f.file)).size}</td></tr>`;
  }).join('');
  return `<table class="findings"><caption>${w(WORDS.byRule)}</caption><thead><tr><th>${w(WORDS.rule)}</th><th>${w(WORDS.meaning)}</th>` +
    `<th>${w(WORDS.errors)}</th><th>${w(WORDS.warnings)}</th><th>${w(WORDS.affected)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A chart per metric of the compare table (its result and goal columns together), by body and year. */
function chartSection(input: PageInput): {html: string; count: number} {
  const {lang, table} = input;
  const w = (text: Text): string => say(text, lang);
  const metrics: {metric: Metric; result?: MetricColumn; target?: MetricColumn}[] = [];
  for (const column of table.metricColumns) {
    let entry = metrics.find((m) => m.metric.id === column.metric.id);
    if (!entry) metrics.push(entry = {metric: column.metric});
    entry[column.target ? 'target' : 'result'] = column;
  }
  if (metrics.length === 0) return {html: `<p>${w(WORDS.noCharts)}</p>`, count: 0};
  let count = 0;
  const figures = metrics.map(({metric, result, target}) => {
    const title = lang === 'en' ? `${metric.name} ${metric.id} (${metric.unit})` : `${metric.name}（${metric.unit}）`;
    const cell = (row: Record<string, unknown>, column: MetricColumn | undefined): number | null => {
      const value = column ? row[column.header] : null;
      return typeof value === 'number' ? value : null;
    };
    const stated = table.rows
      .map((row) => ({row, result: cell(row, result), target: cell(row, target)}))
      .filter((entry) => entry.result !== null || entry.target !== null)
      .sort((a, b) => collator.compare(String(a.row.org || a.row.file), String(b.row.org || b.row.file)) || Number(a.row.year ?? 0) - Number(b.row.year ?? 0) || String(a.row.file).localeCompare(String(b.row.file)));
    if (stated.length === 0) return `<figure class="chart"><figcaption><strong>${escapeHtml(title)}</strong></figcaption><p class="none">${w(WORDS.noFigure)}</p></figure>`;
    const shown = stated.slice(0, MAX_CHART_ROWS);
    count++;
    const svg = renderBarChart({
      id: `chart${count}`,
      title,
      rows: rowLabels(shown.map(({row}) => row)),
      results: shown.map((entry) => entry.result),
      targets: shown.map((entry) => entry.target),
      resultName: w(WORDS.result),
      targetName: w(WORDS.target),
      format: (value) => formatValue(value, metric.unit, lang),
      width: CHART_WIDTH,
    });
    const results = stated.filter((entry) => entry.result !== null).length;
    const targets = stated.filter((entry) => entry.target !== null).length;
    const more = stated.length - shown.length;
    const caption = lang === 'en'
      ? `Results in ${results}, targets in ${targets} of ${table.rows.length} reports${more ? `; the first ${shown.length} shown` : ''}.`
      : `${results} 份报告给出实际数，${targets} 份给出预期目标（共 ${table.rows.length} 份）${more ? `；图中列出前 ${shown.length} 份` : ''}。`;
    return `<figure class="chart">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  });
  return {html: `<div class="charts">${figures.join('\n')}</div>`, count};
}

/** Names each chart row by its body (or file) and year, adding the file where two rows would read the same. */
function rowLabels(rows: readonly Record<string, unknown>[]): string[] {
  const labels = rows.map((row) => `${row.org || path.basename(String(row.file))}${row.year === null || row.year === undefined ? '' : ` ${row.year}`}`);
  return labels.map((label, index) => (labels.indexOf(label) === labels.lastIndexOf(label) ? label : `${label} (${path.basename(String(rows[index]!.file))})`));
}

/** The 问题 parts of the reports side by side: heading, keywords, opening words. */
function problemsSection(input: PageInput): string {
  const {lang} = input;
  const w = (text: Text): string => say(text, lang);
  const withProblems = input.reports.filter(({problems}) => problems.length > 0);
  const without = input.reports.filter(({report, problems}) => report.status === 'ok' && problems.length === 0);
  const cards = withProblems.map(({report, problems, excerpts}) => {
    const parts = problems.map((row) => {
      const excerpt = excerpts.find((e) => e.line >= row.line_start && e.line <= row.line_end);
      const where = lang === 'en'
        ? `line${row.line_start === row.line_end ? ` ${row.line_start}` : `s ${row.line_start}–${row.line_end}`}, ${row.chars} characters`
        : `第 ${row.line_start === row.line_end ? row.line_start : `${row.line_start}–${row.line_end}`} 行，${row.chars} 字`;
      return `<div class="part">${row.heading ? `<p class="heading">${escapeHtml(row.heading)}</p>` : ''}` +
        `<p class="where">${escapeHtml(where)}</p>` +
        `<p class="keywords">${row.keywords.map((k) => `<span class="kw">${escapeHtml(k)}</span>`).join(' ')}</p>` +
        (excerpt ? `<blockquote>${escapeHtml(excerpt.text)}</blockquote>` : '') + '</div>';
    }).join('');
    return `<article class="card"><h3>${escapeHtml(report.org || path.basename(report.file))}${report.year === null ? '' : ` <span class="year">${report.year}</span>`}</h3>` +
      `<p class="file">${escapeHtml(report.file)}</p>${parts}</article>`;
  });
  const none = without.length > 0
    ? `<p class="none">${w(WORDS.noProblems)}${without.map(({report}) => escapeHtml(report.file)).join(lang === 'en' ? ', ' : '、')}</p>`
    : '';
  return `<div class="cards">${cards.join('\n')}</div>${none}`;
}

/** The table of reports: file, body, level, kind, year, sections, indicators, status. */
function reportsTable(input: PageInput): string {
  const {lang} = input;
  const w = (text: Text): string => say(text, lang);
  const head = [WORDS.file, WORDS.org, WORDS.level, WORDS.kind, WORDS.year, WORDS.sections, WORDS.indicators, WORDS.status].map((text) => `<th>${w(text)}</th>`).join('');
  const rows = input.reports.map(({report}) => {
    const status = w(STATUSES[report.status]) + (report.error ? `：${report.error}` : '');
    const level = LEVELS[report.level] ? w(LEVELS[report.level]!) : report.level;
    const sections = report.sections.split(';').filter(Boolean).join(lang === 'en' ? ', ' : '、');
    return `<tr class="status-${report.status}"><td class="file">${escapeHtml(report.file)}</td><td>${escapeHtml(report.org)}</td><td>${escapeHtml(level)}</td>` +
      `<td>${escapeHtml(report.kind)}</td><td class="n">${report.year ?? ''}</td><td>${escapeHtml(sections)}</td><td class="n">${report.indicators}</td>` +
      `<td>${escapeHtml(lang === 'en' ? status.replace('：', ': ') : status)}</td></tr>`;
  }).join('\n');
  return `<table class="reports"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** Says a figure in its unit, large numbers in 万 and 亿 (English: thousands, millions, billions). */
export function formatValue(value: number, unit: string, lang: Language): string {
  const short = (n: number): string => String(Number(n.toPrecision(4)));
  if (unit === '%') return `${short(value)}%`;
  const size = Math.abs(value);
  if (lang === 'en') {
    const scaled = size >= 1e9 ? `${short(value / 1e9)}B` : size >= 1e6 ? `${short(value / 1e6)}M` : size >= 1e4 ? `${short(value / 1e3)}K` : short(value);
    return `${scaled} ${unit}`;
  }
  const scaled = size >= 1e8 ? `${short(value / 1e8)}亿` : size >= 1e4 ? `${short(value / 1e4)}万` : short(value);
  return `${scaled}${unit}`;
}

/** Counts the values, most frequent first, ties in their first order. */
function tally(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** The place of a value in an order, unknown values last. */
function rank(order: readonly string[], value: string): number {
  const index = order.indexOf(value);
  return index < 0 ? order.length : index;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);
}

/** The page's style: readable on a laptop screen and in print, charts scaled to their column. */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f5f6f8;color:#1d2a3a;font:14px/1.6 ${FONT_STACK}}
main{max-width:1240px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:19px;margin:32px 0 12px;padding-bottom:6px;border-bottom:2px solid #2f6db5}
h3{font-size:15px;margin:0 0 2px}
.summary{font-size:15px;margin:4px 0}
.note{color:#5b6777;margin:0}
table{border-collapse:collapse;background:#fff}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border:1px solid #dde2ea;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef2f7;font-weight:600}
td.n{text-align:right;white-space:nowrap}
.glance{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start;margin-bottom:16px}
.counts td.n{position:relative;min-width:110px}
.counts .bar{position:absolute;left:0;top:3px;bottom:3px;background:#cfe0f5}
.counts .count{position:relative}
.findings td.error{color:#b3261e;font-weight:bold}
.findings td.warning{color:#9a6100;font-weight:bold}
.passed{color:#1d6b35}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:16px}
figure.chart{margin:0;background:#fff;border:1px solid #dde2ea;border-radius:6px;padding:10px 12px}
figure.chart svg{display:block;max-width:100%;height:auto}
figcaption{color:#5b6777;font-size:12px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:14px}
.card{background:#fff;border:1px solid #dde2ea;border-radius:6px;padding:10px 14px}
.card .year{color:#5b6777;font-weight:normal}
.file{color:#5b6777;font-size:12px;margin:0;word-break:break-all}
.part{margin-top:8px}
.heading{font-weight:600;margin:0}
.where{color:#5b6777;font-size:12px;margin:0}
.keywords{margin:4px 0}
.kw{display:inline-block;background:#fdf0e1;border:1px solid #f0c999;border-radius:10px;padding:0 8px;margin:0 2px 4px 0;font-size:13px}
blockquote{margin:4px 0 0;padding:4px 10px;border-left:3px solid #e0892b;background:#fbfaf7;color:#3a4656;font-size:13px}
.none{color:#5b6777;overflow-wrap:anywhere}
table.reports{width:100%}
table.reports td.file{font-size:12px;word-break:break-all}
tr.status-error td,tr.status-empty td{background:#fdecea}
@media print{body{background:#fff}.charts,.cards{display:block}figure.chart,.card{break-inside:avoid;margin-bottom:12px}}
`;
