/**
 * The three tables of docs/tables.md: their columns, in their fixed order, and how a result
 * becomes rows of plain cells. Adding a column is fine; renaming or reordering one breaks
 * the scripts and spreadsheets built on them.
 */
import type {FileResult, Indicator, ReportRow, SectionRow} from '../types.js';

export type Cell = string | number | null;
export type TableName = 'reports' | 'sections' | 'indicators';

/** Column names of each table, in order. */
export const COLUMNS: Record<TableName, readonly string[]> = {
  reports: ['file', 'title', 'org', 'year', 'encoding', 'script', 'chars', 'words', 'sections', 'indicators', 'status', 'error', 'kind', 'level', 'region', 'department', 'published'],
  sections: ['file', 'section', 'heading', 'line_start', 'line_end', 'chars', 'words', 'keywords'],
  indicators: ['file', 'year', 'org', 'section', 'line', 'category', 'label', 'raw', 'value', 'value_max', 'unit', 'qualifier', 'sentence', 'region', 'level', 'page', 'metric', 'target'],
};

/** Columns whose cells are numbers (never neutralised as formulas in CSV). */
export const NUMERIC_COLUMNS = new Set(['year', 'chars', 'words', 'indicators', 'line_start', 'line_end', 'line', 'value', 'value_max', 'page']);

/** The rows one file contributes to a table. */
export function rowsOf(table: TableName, result: FileResult): Record<string, Cell>[] {
  if (table === 'reports') return [reportCells(result.report)];
  if (table === 'sections') return result.sections.map(sectionCells);
  return result.indicators.map(indicatorCells);
}

function reportCells(row: ReportRow): Record<string, Cell> {
  return {...row};
}

function sectionCells(row: SectionRow): Record<string, Cell> {
  return {...row, keywords: row.keywords.join(';')};
}

/** An indicator is already a row of cells; it is written out, never changed, so it is not copied. */
function indicatorCells(row: Indicator): Record<string, Cell> {
  return row as unknown as Record<string, Cell>;
}
