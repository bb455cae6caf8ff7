// Indicators → metrics (docs/metrics.md): the same figure under one id, goals told from results.
import {describe, expect, it} from 'vitest';
import {indicatorsInLine} from '../../src/stages/indicators.js';
import {assignMetrics, compareFigures, isTarget, readMetrics} from '../../src/stages/metrics.js';
import type {Indicator} from '../../src/types.js';

/** The metric of each figure of a sentence, as `raw→metric`. */
function metrics(sentence: string): string[] {
  const found = indicatorsInLine(sentence);
  const ids = assignMetrics([sentence], found);
  return found.map((indicator, i) => `${indicator.raw}→${ids[i] || '-'}`);
}

describe('the catalogue', () => {
  it('has unique ids, a unit and a description for every metric', () => {
    const all = readMetrics();
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    for (const metric of all) {
      expect(metric.id).toMatch(/^[a-z0-9_]+$/);
      expect(metric.unit).not.toBe('');
      expect(metric.about).not.toBe('');
    }
  });
});

describe('assignMetrics', () => {
  it('puts the different wordings of one registration under one id', () => {
    expect(metrics('全年共办理结婚登记4279对、离婚登记2750对。')).toEqual(['4279对→marriage_registrations', '2750对→divorce_registrations']);
    expect(metrics('结婚2297对,离婚985对。')).toEqual(['2297对→marriage_registrations', '985对→divorce_registrations']);
  });

  it('tells received, decided and corrected review cases apart by the verb of their clause', () => {
    expect(metrics('全年收到行政复议申请68件，受理61件，审结58件，其中撤销、确认违法或责令履行12件。')).toEqual([
      '68件→admin_review_cases', '61件→admin_review_cases', '58件→admin_review_decided', '12件→admin_review_corrected',
    ]);
  });

  it('tells a level in 元 from its growth in %, and leaves shares and sectors out', () => {
    expect(metrics('全年地区生产总值完成386.5亿元，增长7.2%。')).toEqual(['386.5亿元→gdp', '7.2%→gdp_growth']);
    expect(metrics('服务业增加值占地区生产总值比重达到52%，海洋生产总值增长6%。')).toEqual(['52%→-', '6%→-']);
  });

  it('maps the urban and rural halves of 城乡 to their own metrics', () => {
    expect(metrics('城乡居民人均可支配收入分别达到42160元、21870元，分别增长4.9%、7.2%。')).toEqual([
      '42160元→urban_income', '21870元→rural_income', '4.9%→urban_income_growth', '7.2%→rural_income_growth',
    ]);
  });

  it('maps nothing that the catalogue does not name', () => {
    expect(metrics('全年律师为群众提供法律咨询近300人次。')).toEqual(['近300人次→-']);
  });
});

describe('isTarget', () => {
  it('takes the plans, target words, forward time words and a later deadline year as goals', () => {
    const place = (section: '计划' | '成效' | '其他', sentence: string, raw: string, reportYear: number, line = sentence) => isTarget({section, line, sentence, raw, reportYear, partOpening: ''});
    expect(place('计划', '开展普法活动20场。', '20场', 2024)).toBe(true);
    expect(place('成效', '主要预期目标是：生产总值增长6%左右。', '6%左右', 2024)).toBe(true);
    expect(place('其他', '到2030年，森林覆盖率达到60%。', '60%', 2025)).toBe(true);
    expect(place('成效', '到2024年底，森林覆盖率达到58%。', '58%', 2024)).toBe(false);
    expect(place('成效', '争取上级资金4.3亿元。', '4.3亿元', 2008)).toBe(false);
    const outline = '今后五年的主要目标是：地区生产总值年均增长8%左右；规模以上工业企业达到1000户以上。';
    expect(place('其他', '规模以上工业企业达到1000户以上。', '1000户以上', 2021, outline)).toBe(true);
    expect(place('成效', '过去一年，我们做了这些：新增就业1.2万人。', '1.2万人', 2021)).toBe(false);
    const inPart = (partOpening: string, reportYear: number) => isTarget({section: '其他', line: '城镇化率年均提升1个百分点。', sentence: '城镇化率年均提升1个百分点。', raw: '1个百分点', reportYear, partOpening});
    expect(inPart('二、关于“十五五”规划纲要', 2025)).toBe(true);
    expect(inPart('三、“十四五”时期的主要成就', 2025)).toBe(false);
  });
});

describe('compareFigures', () => {
  it('ranks a figure named by its label and for one year before one over five years', () => {
    const gdp = readMetrics().find((m) => m.id === 'gdp_growth')!;
    const row = (line: number, label: string, sentence: string, raw: string): Indicator =>
      ({line, label, sentence, raw} as Partial<Indicator> as Indicator);
    const fiveYears = row(3, '地区生产总值', '五年来地区生产总值年均增长6.8%。', '6.8%');
    const year = row(9, '地区生产总值', '全年地区生产总值增长5.1%。', '5.1%');
    expect([fiveYears, year].sort((a, b) => compareFigures(gdp, a, b)).map((r) => r.raw)).toEqual(['5.1%', '6.8%']);
  });
});
