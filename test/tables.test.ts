// A file's result → rows of each table: the columns in their fixed order, keywords joined,
// one reports row per file whatever became of it.
import {describe, expect, it} from 'vitest';
import {analyzeFile, failedFile} from '../src/analyze.js';
import {COLUMNS, NUMERIC_COLUMNS, rowsOf} from '../src/output/tables.js';

const report = Buffer.from(['某局2023年法治政府建设年度报告', '一、工作成效', '全年共受理信访案件148宗，办结率达100%。', '二、存在问题', '人员不足。', '三、2024年工作计划', '培训不少于3次。'].join('\n'));
const result = analyzeFile({file: 'a.txt', bytes: report}, {words: true, keywords: 2});

describe('rowsOf', () => {
  it('gives one reports row with every column', () => {
    const [row] = rowsOf('reports', result);
    expect(Object.keys(row!).slice(0, COLUMNS.reports.length)).toEqual([...COLUMNS.reports]);
    expect(row).toMatchObject({file: 'a.txt', title: '某局2023年法治政府建设年度报告', org: '', year: 2023, encoding: 'utf-8', script: 'simplified',
      sections: '成效;问题;计划', indicators: 3, status: 'ok', error: ''});
  });

  it('gives a sections row per section, keywords joined by ;', () => {
    const rows = rowsOf('sections', result);
    expect(rows.map((r) => [r.section, r.heading, r.line_start, r.line_end])).toEqual([
      ['前言', '', 1, 1], ['成效', '一、工作成效', 2, 3], ['问题', '二、存在问题', 4, 5], ['计划', '三、2024年工作计划', 6, 7],
    ]);
    expect(rows.every((r) => typeof r.keywords === 'string' && r.keywords.split(';').length <= 2)).toBe(true);
  });

  it('gives an indicators row per quantity, with the columns of the contract', () => {
    const rows = rowsOf('indicators', result);
    expect(rows.map((r) => [r.line, r.section, r.raw, r.value, r.unit, r.qualifier, r.category])).toEqual([
      [3, '成效', '148宗', 148, '宗', '', 'cases'], [3, '成效', '100%', 100, '%', '', 'rates'], [7, '计划', '不少于3次', 3, '次', '≥', 'events'],
    ]);
    for (const column of COLUMNS.indicators) expect(rows[0]).toHaveProperty(column);
  });

  it('still gives a file that failed its one reports row, and no other', () => {
    const failed = failedFile('b.txt', {zh: '无法读取：没有权限（permission denied）', en: 'cannot read it: permission denied'}, '', 'read-failed', 'en');
    expect(rowsOf('reports', failed)).toEqual([expect.objectContaining({file: 'b.txt', status: 'error', error: 'cannot read it: permission denied', indicators: 0})]);
    expect(rowsOf('sections', failed)).toEqual([]);
    expect(rowsOf('indicators', failed)).toEqual([]);
  });

  it('marks the number columns (kept as numbers in CSV)', () => {
    expect([...NUMERIC_COLUMNS].sort()).toEqual(['chars', 'indicators', 'line', 'line_end', 'line_start', 'page', 'value', 'value_max', 'words', 'year']);
  });
});
