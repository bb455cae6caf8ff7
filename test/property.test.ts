// Properties that must hold for any input: the pipeline never throws, sections cover every
// line once, indicators stand on lines of the file and quote text that is on them; and a
// bounded fuzz run over random bytes finds no crash.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {analyzeFile} from '../src/analyze.js';
import {decode} from '../src/stages/decode.js';
import {splitLines} from '../src/stages/extract.js';
import {normalize} from '../src/stages/normalize.js';

/** Text that looks like reports: headings, numbers, units, hedges, punctuation, line ends. */
const reportish = fc
  .array(
    fc.oneof(
      fc.constantFrom('一、工作成效', '二、存在问题', '三、2025年工作计划', '（一）', '1.', '第一部分', '各位代表！', '同时，我们也清醒认识到'),
      fc.constantFrom('约', '近', '超过', '余', '多', '万', '亿', '元', '人次', '%', '个百分点', '件', '宗', '—', '～', '至', '成'),
      fc.constantFrom('\n', '\r\n', '\r', '，', '。', '、', '《', '》', '“', '”', ' ', '\t'),
      fc.integer({min: 0, max: 100000}).map(String),
      fc.constantFrom('两', '三', '十', '百', '千', '几', '数', '上', '〇', '零', '.', ','),
      fc.string({maxLength: 8}),
    ),
    {maxLength: 60},
  )
  .map((parts) => parts.join(''));

/** Checks the invariants of one analysed text. */
function checkInvariants(text: string): void {
  const result = analyzeFile({file: 'p.txt', bytes: Buffer.from(text)}, {words: false, keywords: 0});
  const lines = splitLines(decode(Buffer.from(text)).text);
  const normalised = normalize(lines.text).lines;
  if (result.report.status === 'ok') {
    const rows = result.sections;
    expect(rows[0]!.line_start).toBe(1);
    expect(rows[rows.length - 1]!.line_end).toBe(lines.sourceLineCount);
    rows.forEach((row, i) => {
      expect(row.line_end).toBeGreaterThanOrEqual(row.line_start);
      if (i > 0) expect(row.line_start).toBe(rows[i - 1]!.line_end + 1);
    });
  } else {
    expect(result.sections).toEqual([]);
  }
  for (const indicator of result.indicators) {
    expect(indicator.line).toBeGreaterThanOrEqual(1);
    expect(indicator.line).toBeLessThanOrEqual(lines.sourceLineCount);
    expect(normalised[indicator.line - 1]).toContain(indicator.raw);
    expect(Number.isFinite(indicator.value)).toBe(true);
  }
}

describe('properties of the pipeline', () => {
  it('holds for any Unicode string', () => {
    fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 300}), checkInvariants), {numRuns: 300});
  });

  it('holds for report-like text', () => {
    fc.assert(fc.property(reportish, checkInvariants), {numRuns: 400});
  });

  it('never throws on random bytes (bounded fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 2000}), (bytes) => {
        const result = analyzeFile({file: 'f.txt', bytes}, {words: false, keywords: 0});
        expect(['ok', 'empty', 'error']).toContain(result.report.status);
        expect(result.report.error).not.toMatch(/internal error/);
      }),
      {numRuns: 500},
    );
  });
});
