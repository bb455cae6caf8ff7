// Title, reporting body and the year reported on, from the places reports put them.
import {describe, expect, it} from 'vitest';
import {firstYear, readMetadata} from '../../src/stages/metadata.js';

describe('readMetadata', () => {
  it('takes org and year from the title, skipping page junk before it', () => {
    expect(readMetadata(['下载', '打印', '晋中市民政局2021年法治政府建设情况报告', '来源：', '2021年,市民政局…'])).toMatchObject({
      title: '晋中市民政局2021年法治政府建设情况报告', org: '晋中市民政局', year: 2021, kind: 'rule-of-law',
    });
  });

  it('reads a work report as about the year before its title’s', () => {
    expect(readMetadata(['2026年北京市政府工作报告', '——2026年1月25日在北京市第十六届人民代表大会第四次会议上', '各位代表：', '一、2025年工作回顾'])).toMatchObject({
      org: '北京市人民政府', year: 2025, kind: 'government-work',
    });
    expect(readMetadata(['政府工作报告', '——2026年1月26日在广东省第十四届', '广东省省长 孟凡利', '各位代表：'])).toMatchObject({
      title: '政府工作报告', org: '广东省人民政府', year: 2025,
    });
  });

  it('finds the body from how the report names itself, or from its signature', () => {
    const text = ['根据《法治政府建设实施纲要(2015—2020年)》,我局对2019年度法治政府建设情况进行总结。', '一、工作成效', '截至11月,连平县共登记社会组织211家,全县民政系统…', '民政工作…民政…'];
    expect(readMetadata(text)).toMatchObject({title: '', org: '连平县民政局', year: 2019});
    expect(readMetadata(['一、工作成效', '办结案件12件。', '二、2024年工作计划', '继续努力。', '石坝乡人民政府', '2024年2月10日'])).toMatchObject({
      org: '石坝乡人民政府', year: 2023,
    });
  });

  it('has no year when the text names none', () => {
    expect(readMetadata(['一、工作成效', '做了很多工作。']).year).toBeNull();
  });
});

describe('firstYear', () => {
  it.each([
    ['根据《纲要(2015—2020年)》(厅字〔2019〕28号),2019年度', 2019],
    ['2021—2025年规划期内,2023年', 2023],
    ['发布于2024年3月5日', null],
    ['2024年3月5日', 2024],
  ])('%s → %s', (text, year) => {
    expect(firstYear(text)).toBe(year);
  });
});
