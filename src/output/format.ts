/**
 * Rows → text, one pure function per format. CSV is RFC 4180 through csv-stringify, with
 * an optional UTF-8 byte-order mark so Excel reads Chinese correctly, and text cells that a
 * spreadsheet would run as a formula neutralised (numeric columns stay numbers: csv-
 * stringify's own escape_formulas would turn -3.2 into '-3.2). JSON is one array; NDJSON is
 * one object a line.
 */
import {stringify} from 'csv-stringify/sync';
import {formatNumber} from '../stages/quantity.js';
import {COLUMNS, NUMERIC_COLUMNS, type Cell, type TableName} from './tables.js';

export type TableFormat = 'csv' | 'json' | 'ndjson';

/** Formats the header (when `header`) and the given rows of a table. */
export function formatRows(
  table: TableName, rows: readonly Record<string, Cell>[], format: TableFormat,
  options: {header: boolean; bom: boolean; first: boolean},
): string {
  return formatColumns(COLUMNS[table], rows, format, options);
}

/** Formats the header and rows of a table whose columns are given (the wide table of compare). */
export function formatColumns(
  columns: readonly string[], rows: readonly Record<string, Cell>[], format: TableFormat,
  {header, bom, first}: {header: boolean; bom: boolean; first: boolean},
): string {
  if (format === 'csv') return (bom && header ? '\ufeff' : '') + csvRecords(columns, rows, header);
  if (format === 'ndjson') return rows.map((row) => JSON.stringify(ordered(columns, row)) + '\n').join('');
  // JSON: an array written in pieces, so rows can stream; the caller closes it.
  return rows.map((row, i) => (first && i === 0 ? '[\n' : ',\n') + JSON.stringify(ordered(columns, row))).join('');
}

/** Closes a JSON array started by `formatRows` (or writes an empty one). */
export function closeRows(format: TableFormat, wroteAny: boolean): string {
  if (format !== 'json') return '';
  return wroteAny ? '\n]\n' : '[]\n';
}

/** Formats a whole table at once: one of the three by name, or any by its columns. */
export function formatTable(table: TableName | readonly string[], rows: readonly Record<string, Cell>[], format: TableFormat, bom: boolean): string {
  const columns = typeof table === 'string' ? COLUMNS[table] : table;
  return formatColumns(columns, rows, format, {header: true, bom, first: true}) + closeRows(format, rows.length > 0);
}

/** Keeps the columns of a row in the table's order. */
function ordered(columns: readonly string[], row: Record<string, Cell>): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const column of columns) out[column] = row[column] ?? null;
  return out;
}

/** The options every CSV record is written with. */
const CSV_OPTIONS = {eof: true, record_delimiter: 'unix'} as const;
/** Matches a cell csv-stringify would quote: one holding a comma, a quote or a line break. */
const NEEDS_QUOTES = /[,"\n]/;

/**
 * Writes the header (when asked) and the rows as CSV records. csv-stringify writes the header
 * and every record that has a cell to quote; a record with none, most of them, is its cells
 * joined by commas, which is what csv-stringify would write, without its per-cell work.
 */
function csvRecords(columns: readonly string[], rows: readonly Record<string, Cell>[], header: boolean): string {
  let text = header ? stringify([[...columns]], CSV_OPTIONS) : '';
  const numeric = columns.map((column) => NUMERIC_COLUMNS.has(column));
  // Records to quote are handed to csv-stringify together, a run at a time (each call
  // costs it a reading of its options).
  let toQuote: string[][] = [];
  for (const row of rows) {
    let quote = false;
    let line = '';
    const cells: string[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const value = row[columns[i]!] ?? null;
      const cell = typeof value === 'number' ? formatNumber(value) : value === null ? '' : textCell(value, numeric[i]!);
      // Numbers never need quotes.
      if (!quote && typeof value === 'string' && NEEDS_QUOTES.test(cell)) quote = true;
      cells[i] = cell;
      line += i === 0 ? cell : `,${cell}`;
    }
    if (quote) {
      toQuote.push(cells);
      continue;
    }
    if (toQuote.length > 0) {
      text += stringify(toQuote, CSV_OPTIONS);
      toQuote = [];
    }
    text += `${line}\n`;
  }
  if (toQuote.length > 0) text += stringify(toQuote, CSV_OPTIONS);
  return text;
}

/** Writes a text cell: a number in a numeric column as it is, any other text with formula triggers neutralised. */
function textCell(value: string, numeric: boolean): string {
  if (numeric && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return value;
  return neutralizeFormula(value);
}

/** The first characters of a formula, by code: =, +, -, @, tab, carriage return. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/**
 * Prefixes a text cell that starts like a formula (=, +, -, @, tab, carriage return) with a
 * quote, as OWASP advises for CSV injection; a plain number such as -3.2 is left alone.
 */
export function neutralizeFormula(text: string): string {
  if (FORMULA_START.has(text.charCodeAt(0)) && !/^[+-]?[0-9]+(\.[0-9]+)?%?$/.test(text)) return `'${text}`;
  return text;
}
