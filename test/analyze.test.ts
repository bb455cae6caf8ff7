// analyzeFile as a whole: HTML pages whose blocks share source lines, and what a row holds.
import {describe, expect, it} from 'vitest';
import {analyzeFile} from '../src/analyze.js';

const page = (separator: string): Buffer =>
  Buffer.from(['<html><body>', '<h1>某局2023年法治政府建设年度报告</h1>', '<p>一、工作成效</p>', '<p>办结案件12件。</p>', '<p>二、存在问题</p>', '<p>人员不足。</p>', '<p>三、2024年工作计划</p>', '<p>继续努力。</p>', '</body></html>'].join(separator));

describe('analyzeFile on HTML', () => {
  it('gives each block on its own line its section', () => {
    const result = analyzeFile({file: 'a.html', bytes: page('\n')}, {words: true, keywords: 0});
    expect(result.sections.map((s) => `${s.section} ${s.line_start}-${s.line_end}`)).toEqual(['前言 1-2', '成效 3-4', '问题 5-6', '计划 7-9']);
    expect(result.indicators.map((i) => [i.line, i.raw, i.section])).toEqual([[4, '12件', '成效']]);
  });

  it('keeps every line covered and no text lost when all blocks stand on one line', () => {
    const spread = analyzeFile({file: 'a.html', bytes: page('\n')}, {words: true, keywords: 0});
    const minified = analyzeFile({file: 'a.html', bytes: page('')}, {words: true, keywords: 0});
    expect(minified.sections.map((s) => [s.line_start, s.line_end])).toEqual([[1, 1]]);
    expect(minified.sections[0]!.chars).toBe(spread.sections.reduce((sum, s) => sum + s.chars, 0));
    expect(minified.report.sections).toBe('成效;问题;计划');
  });
});
