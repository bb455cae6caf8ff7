// The sample reports of the pipeline issue: sections with their line ranges, title, org
// and year of each, and the indicators the issue names, field by field.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {analyzeFile} from '../src/analyze.js';
import {cut, isWord} from '../src/stages/segment.js';
import type {FileResult} from '../src/types.js';

const results = new Map<string, FileResult>();
/** Analyses a sample report once. */
function seed(id: string): FileResult {
  const names: Record<string, string> = {
    '000': '000_c35e7c647163d1aa.txt', '001': '001_0244ca3677c79978.txt', '002': '002_1da8540b38c41ad1.txt',
    '003': '003_5d2ab5fed4f2549d.txt', '004': '004_55f8869aa2a36b96.txt',
  };
  if (!results.has(id)) {
    const bytes = readFileSync(new URL(`../fixtures/seeds/${names[id]}`, import.meta.url));
    results.set(id, analyzeFile({file: names[id]!, bytes}, {words: true, keywords: 5}));
  }
  return results.get(id)!;
}

/** The sections of a report as `kind start-end heading`. */
function sections(id: string): string[] {
  return seed(id).sections.map((s) => `${s.section} ${s.line_start}-${s.line_end} ${s.heading}`);
}

describe('sections of the sample reports', () => {
  it('000: headed parts 工作成效 / 存在问题 / 工作计划', () => {
    expect(sections('000')).toEqual(['前言 1-1 ', '成效 2-20 一、工作成效', '问题 21-22 二、存在问题', '计划 23-28 三、工作计划']);
  });
  it('001: 成效, 责任 and 计划, and no 问题', () => {
    expect(sections('001')).toEqual([
      '前言 1-1 ',
      '成效 2-9 一、关于本部门2021年推进法治政府建设的主要举措和成效',
      '责任 10-11 二、2021年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况',
      '计划 12-18 三、2022年推进法治政府建设的工作思路目标举措',
    ]);
  });
  it('002: page junk before the title is 前言', () => {
    expect(sections('002')).toEqual(['前言 1-9 ', '成效 10-65 一、工作回顾', '问题 66-69 二、存在问题', '计划 70-74 三、2020年的工作展望']);
  });
  it('003: a year in the heading tells review from plan', () => {
    expect(sections('003')).toEqual(['前言 1-1 ', '成效 2-14 一、2024年工作情况', '问题 15-16 二、存在的主要问题', '计划 17-20 三、2025年工作计划']);
  });
  it('004: six parts, the signature and page junk after them are 其他', () => {
    expect(sections('004').map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([
      '前言 1-15', '成效 16-25', '成效 26-35', '成效 36-53', '成效 54-71', '问题 72-75', '计划 76-83', '其他 84-92',
    ]);
    expect(seed('004').report.sections).toBe('成效;问题;计划');
  });
  it('counts words and ranks keywords per section', () => {
    const plan = seed('000').sections[3]!;
    const text = readFileSync(new URL('../fixtures/seeds/000_c35e7c647163d1aa.txt', import.meta.url), 'utf8').split('\n');
    // The section's words are jieba's words (not punctuation) over exactly lines 23-28.
    const words = text.slice(plan.line_start - 1, plan.line_end).flatMap((line) => cut(line).filter(isWord));
    expect([plan.line_start, plan.line_end]).toEqual([23, 28]);
    expect(plan.words).toBe(words.length);
    expect(seed('000').report.words).toBe(seed('000').sections.reduce((sum, s) => sum + s.words, 0));
    expect(plan.keywords).toHaveLength(5);
    expect(plan.keywords).toContain('依法行政');
  });
});

describe('metadata of the sample reports', () => {
  // 东凤镇 (a town government, CORPUS.md) is named by its place alone; the body is its government.
  it.each([
    ['000', '', '连平县民政局', 2019, 'simplified', 'county', '连平县', '民政局', ''],
    ['001', '重庆市长寿区民政局2021年度法治政府建设年度报告', '重庆市长寿区民政局', 2021, 'traditional', 'county', '重庆市长寿区', '民政局', ''],
    ['002', '东凤镇关于2019年法治政府建设的工作情况报告', '东凤镇人民政府', 2019, 'simplified', 'township', '东凤镇', '人民政府', '2020-03-30'],
    ['003', '', '清远市清城区民政局', 2024, 'simplified', 'county', '清远市清城区', '民政局', ''],
    ['004', '晋中市民政局2021年法治政府建设情况报告', '晋中市民政局', 2021, 'simplified', 'city', '晋中市', '民政局', '2022-03-07'],
  ])('%s: title %j, org %s, year %d', (id, title, org, year, script, level, region, department, published) => {
    const {report} = seed(id);
    expect([report.title, report.org, report.year, report.script, report.status]).toEqual([title, org, year, script, 'ok']);
    expect([report.kind, report.level, report.region, report.department, report.published])
      .toEqual(['法治政府建设年度报告', level, region, department, published]);
  });
});

describe('indicators named in the pipeline issue', () => {
  /** Finds the one indicator of a report whose sentence holds `context` and whose raw is `raw`. */
  function indicator(id: string, raw: string, context: string) {
    const matches = seed(id).indicators.filter((i) => i.raw === raw && i.sentence.includes(context));
    expect(matches).toHaveLength(1);
    return matches[0]!;
  }

  it('结婚2297对', () => {
    const i = indicator('000', '2297对', '结婚2297对');
    expect([i.value, i.unit, i.category, i.section, i.label, i.line]).toEqual([2297, '对', 'registrations', '成效', '结婚', 10]);
  });
  it('约5346万元', () => {
    const i = indicator('003', '约5346万元', '最低生活保障资金约5346万元');
    expect([i.value, i.value_max, i.unit, i.qualifier, i.category, i.label]).toEqual([53460000, null, '元', '≈', 'funds', '最低生活保障资金']);
  });
  it('603.25万元', () => {
    const i = indicator('003', '约603.25万元', '约603.25万元');
    expect([i.value, i.unit, i.qualifier, i.category]).toEqual([6032500, '元', '≈', 'funds']);
  });
  it('办结率达100%', () => {
    const i = indicator('000', '100%', '办结率达100%');
    expect([i.value, i.unit, i.category, i.label]).toEqual([100, '%', 'rates', '办结率']);
  });
  it('合格率为68.5%', () => {
    const i = indicator('000', '68.5%', '合格率为68.5%');
    expect([i.value, i.unit, i.category, i.label]).toEqual([68.5, '%', 'rates', '合格率']);
  });
  it('近300人次', () => {
    const i = indicator('002', '近300人次', '法律咨询近300人次');
    expect([i.value, i.unit, i.qualifier, i.category, i.label]).toEqual([300, '人次', '<', 'people', '法律咨询']);
  });
  it('共登记社会组织211家', () => {
    const i = indicator('000', '211家', '社会组织211家');
    expect([i.value, i.unit, i.label, i.category]).toEqual([211, '家', '社会组织', 'registrations']);
  });
});
