// The wide table of `reports compare` (docs/metrics.md): cells, ranking, notes, units.
import {describe, expect, it} from 'vitest';
import {chooseMetrics, compareReports, factorTo} from '../src/compare.js';
import {readMetrics} from '../src/stages/metrics.js';
import type {Indicator, ReportRow} from '../src/types.js';

const report = (file: string, org: string, year: number): ReportRow => ({
  file, title: '', org, year, encoding: 'utf-8', script: 'simplified', chars: 0, words: 0, sections: '', indicators: 0,
  status: 'ok', error: '', kind: '政府工作报告', level: 'county', region: org.replace('人民政府', ''), department: '', published: '',
});
const figure = (fields: Partial<Indicator>): Indicator => ({
  file: '', year: null, org: '', section: '成效', line: 1, category: 'rates', label: '地区生产总值', raw: '', value: 0, value_max: null,
  unit: '%', qualifier: '', sentence: '', region: '', level: '', page: null, metric: 'gdp_growth', target: '', ...fields,
});

describe('compareReports', () => {
  it('keeps the year figure over the five-year average and lists the other in notes', () => {
    const table = compareReports([{
      report: report('a.txt', '甲县人民政府', 2021),
      indicators: [
        figure({line: 3, raw: '6.8%', value: 6.8, sentence: '五年来，地区生产总值年均增长6.8%。'}),
        figure({line: 9, raw: '5.1%', value: 5.1, sentence: '全年地区生产总值增长5.1%。'}),
        figure({line: 40, raw: '6%左右', value: 6, qualifier: '≈', target: 'yes', sentence: '预期目标：地区生产总值增长6%左右。'}),
      ],
    }], chooseMetrics(['gdp_growth']));
    expect(table.columns).toEqual(['file', 'org', 'region', 'level', 'kind', 'year', 'gdp_growth (%)', 'gdp_growth.target (%)', 'notes']);
    expect(table.rows[0]).toMatchObject({'file': 'a.txt', 'year': 2021, 'gdp_growth (%)': 5.1, 'gdp_growth.target (%)': 6, 'notes': 'gdp_growth (%): 6.8% (line 3)'});
  });

  it('turns 万吨 and 公斤 into the column’s 吨, and leaves 美元 out of a 元 column', () => {
    const grain = readMetrics().find((m) => m.id === 'grain_output')!;
    expect(factorTo('公斤', grain)).toBe(0.001);
    expect(factorTo('吨', grain)).toBe(1);
    const trade = readMetrics().find((m) => m.id === 'foreign_trade')!;
    expect(factorTo('美元', trade)).toBeNull();
    const table = compareReports([{
      report: report('b.txt', '乙市人民政府', 2020),
      indicators: [
        figure({metric: 'foreign_trade', unit: '美元', raw: '12亿美元', value: 1200000000, label: '进出口总额', category: 'funds'}),
        figure({metric: 'grain_output', unit: '公斤', raw: '3500万公斤', value: 35000000, label: '粮食总产', category: 'other'}),
      ],
    }]);
    expect(table.rows[0]).toMatchObject({'grain_output (吨)': 35000, 'foreign_trade (元)': null, 'notes': 'foreign_trade (元): 12亿美元 (line 1)'});
  });

  it('gives every report a row, and only stated metrics a column when none are chosen', () => {
    const table = compareReports([
      {report: report('a.txt', '甲县人民政府', 2021), indicators: [figure({raw: '5%', value: 5})]},
      {report: report('b.txt', '乙县人民政府', 2022), indicators: []},
    ]);
    expect(table.columns).toEqual(['file', 'org', 'region', 'level', 'kind', 'year', 'gdp_growth (%)', 'notes']);
    expect(table.rows.map((row) => row['gdp_growth (%)'])).toEqual([5, null]);
  });
});
