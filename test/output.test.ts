// Spreadsheets: CSV round-trips through a real parser, formula triggers are neutralised in
// text cells and numbers stay numbers; JSON and NDJSON parse for any text.
import {parse} from 'csv-parse/sync';
import {stringify} from 'csv-stringify/sync';
import {describe, expect, it} from 'vitest';
import {formatTable, neutralizeFormula} from '../src/output/format.js';
import {COLUMNS, type Cell} from '../src/output/tables.js';

const row = (label: string, sentence: string, value: number): Record<string, Cell> => ({
  file: 'a "b", c.txt', year: 2024, org: '某局', section: '成效', line: 3, category: 'funds', label, raw: '-5%',
  value, value_max: null, unit: '元', qualifier: '≈', sentence,
});

describe('CSV', () => {
  const rows = [row('=SUM(A1)', '第一行\n第二行,带逗号 "引号"', -3.2), row('@cmd', '\t制表', 1640000000), row('+A1', '\rx', 0)];
  const csv = formatTable('indicators', rows, 'csv', true);

  it('starts with a BOM when asked and round-trips quotes, commas and newlines', () => {
    expect(csv.startsWith('\ufefffile,year,org')).toBe(true);
    const parsed: Record<string, string>[] = parse(csv, {columns: true, bom: true});
    expect(parsed).toHaveLength(3);
    expect(parsed[0]!.file).toBe('a "b", c.txt');
    expect(parsed[0]!.sentence).toBe('第一行\n第二行,带逗号 "引号"');
  });

  it('neutralises text that a spreadsheet would run, keeps numbers as numbers', () => {
    const parsed: Record<string, string>[] = parse(csv, {columns: true, bom: true});
    expect(parsed.map((r) => r.label)).toEqual(["'=SUM(A1)", "'@cmd", "'+A1"]);
    expect(parsed.map((r) => r.sentence.slice(0, 2))).toEqual(['第一', "'\t", "'\r"]);
    expect(parsed.map((r) => r.value)).toEqual(['-3.2', '1640000000', '0']);
    expect(parsed[0]!.raw).toBe('-5%');
  });

  it('writes rows with nothing to quote exactly as csv-stringify would, beside rows it quotes', () => {
    // A lone \r, 12.5, 第一行 and a full-width comma need no quotes; the others do.
    const plain = (file: string, sentence: string): Record<string, Cell> => ({...row('投资', sentence, 12.5), file});
    // Records to quote alone, in runs, first and last.
    const mixed = [plain('x,y.txt', '说"否"'), plain('a.txt', '完成投资12.5亿元，增长3%'), plain('b,c.txt', '说"是"'), plain('d.txt', '一行\r中'), plain('e.txt', '两\n行'), plain('f,g.txt', '三'), plain('h.txt', '四')];
    const cells = mixed.map((r) => COLUMNS.indicators.map((column) => (column === 'value' ? '12.5' : String(r[column] ?? ''))));
    const expected = stringify(cells, {header: true, columns: [...COLUMNS.indicators], eof: true, record_delimiter: 'unix'});
    expect(formatTable('indicators', mixed, 'csv', false)).toBe(expected);
    expect(expected.split('\n')[2]).toBe('a.txt,2024,某局,成效,3,funds,投资,-5%,12.5,,元,≈,完成投资12.5亿元，增长3%,,,,,');
  });

  it('neutralizeFormula leaves plain numbers and ordinary text alone', () => {
    expect(neutralizeFormula('-3.2')).toBe('-3.2');
    expect(neutralizeFormula('+5%')).toBe('+5%');
    expect(neutralizeFormula('-cmd')).toBe("'-cmd");
    expect(neutralizeFormula('信访案件')).toBe('信访案件');
  });
});

describe('JSON and NDJSON', () => {
  const nasty = row('\u0000\u2028"}]', '\ud800 lone surrogate \\', 1);
  it('parse back for any text', () => {
    expect(JSON.parse(formatTable('indicators', [nasty, nasty], 'json', false))).toHaveLength(2);
    const lines = formatTable('indicators', [nasty, nasty], 'ndjson', false).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).value)).toEqual([1, 1]);
    expect(JSON.parse(formatTable('indicators', [], 'json', false))).toEqual([]);
  });
});
