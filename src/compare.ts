/**
 * The wide table of `reports compare` (docs/metrics.md): one row per report, one column per
 * metric of the catalogue (a result column and, where goals are stated, a target column),
 * each cell the figure the rules rank first, converted to the column's unit; the report's
 * other figures for the same column are listed in `notes`. A pure function of the results.
 */
import {readList} from './lexicon.js';
import type {Cell} from './output/tables.js';
import {unitInfo} from './stages/quantity.js';
import {compareFigures, readMetrics, type Metric} from './stages/metrics.js';
import {UsageError} from './stages/discover.js';
import type {Indicator, ReportRow} from './types.js';

/** What compare needs of one analysed file: its report row and its mapped figures. */
export interface ReportFigures {
  report: ReportRow;
  indicators: readonly Indicator[];
}

/** One metric column of the wide table. */
export interface MetricColumn {
  header: string;
  metric: Metric;
  target: boolean;
}

/** The wide table: its column names in order and its rows. */
export interface CompareTable {
  columns: string[];
  metricColumns: MetricColumn[];
  rows: Record<string, Cell>[];
}

/** The columns that name the report, before the metrics. */
export const REPORT_COLUMNS = ['file', 'org', 'region', 'level', 'kind', 'year'] as const;

/** Checks a --metrics list against the catalogue and returns the metrics, in the list's order. */
export function chooseMetrics(ids: readonly string[] | null): Metric[] | null {
  if (ids === null) return null;
  const catalogue = readMetrics();
  const unknown = ids.filter((id) => !catalogue.some((metric) => metric.id === id));
  if (ids.length === 0 || unknown.length > 0) {
    const known = catalogue.map((metric) => metric.id).join(', ');
    throw new UsageError({
      zh: `--metrics 中有未知的指标 ${unknown.join('、') || '（空）'}；可用的指标：${known}（见 reports compare --list-metrics）`,
      en: `--metrics names unknown metrics ${unknown.join(', ') || '(none)'}; known metrics: ${known} (see reports compare --list-metrics)`,
    });
  }
  return ids.map((id) => catalogue.find((metric) => metric.id === id)!);
}

/**
 * Builds the wide table. With `chosen`, those metrics, each with a result and a target
 * column; else every metric of the catalogue that some report states, with the columns
 * that hold a figure.
 */
export function compareReports(reports: readonly ReportFigures[], chosen: readonly Metric[] | null = null): CompareTable {
  const metricColumns: MetricColumn[] = [];
  for (const metric of chosen ?? readMetrics()) {
    for (const target of [false, true]) {
      const stated = reports.some(({indicators}) => indicators.some((i) => i.metric === metric.id && (i.target === 'yes') === target));
      if (chosen || stated) metricColumns.push({header: headerOf(metric, target), metric, target});
    }
  }
  const rows = reports.map(({report, indicators}) => {
    const row: Record<string, Cell> = {};
    for (const column of REPORT_COLUMNS) row[column] = report[column];
    const notes: string[] = [];
    for (const column of metricColumns) {
      const figures = indicators
        .filter((i) => i.metric === column.metric.id && (i.target === 'yes') === column.target)
        .sort((a, b) => compareFigures(column.metric, a, b));
      const kept = figures.find((figure) => factorTo(figure.unit, column.metric) !== null);
      row[column.header] = kept ? round(kept.value * factorTo(kept.unit, column.metric)!) : null;
      // A range kept as its lower end is noted whole, first; then every other figure.
      const noted = kept && kept.value_max !== null ? [kept] : [];
      for (const figure of [...noted, ...figures.filter((other) => other !== kept)]) notes.push(`${column.header}: ${figure.raw} (line ${figure.line})`);
    }
    row.notes = notes.join('; ');
    return row;
  });
  return {columns: [...REPORT_COLUMNS, ...metricColumns.map((column) => column.header), 'notes'], metricColumns, rows};
}

/** The column name of a metric: its id, `.target` for goals, and the unit (gdp_growth (%)). */
export function headerOf(metric: Metric, target: boolean): string {
  return `${metric.id}${target ? '.target' : ''} (${metric.unit})`;
}

/**
 * The factor that turns a figure's unit into its metric's column unit, or null when it
 * cannot be turned (美元 into 元): the same unit; a count in a measure word the metric lists
 * as its own (宗 for 件); or a factor in data/unit-factors.tsv (公斤 → 吨, 公顷 → 亩).
 */
export function factorTo(unit: string, metric: Pick<Metric, 'unit' | 'units'>): number | null {
  if (unit === metric.unit) return 1;
  for (const [from, to, factor] of readList('unit-factors.tsv')) if (from === unit && to === metric.unit) return Number(factor);
  if (metric.units.includes(unit) && unitInfo(unit)?.kind === 'count' && unitInfo(metric.unit)?.kind === 'count') return 1;
  return null;
}

/** Rounds away the float noise of a conversion (0.1 × 3 → 0.3), keeping ten significant digits. */
function round(value: number): number {
  return Number(value.toPrecision(10));
}
