// Every example of indicators in docs/tables.md and more, each with the exact value, range, unit and hedge.
import {describe, expect, it} from 'vitest';
import {parseQuantity} from '../../src/stages/quantity.js';

const cases: [string, number, number | null, string, string][] = [
  // raw, value, value_max, unit, qualifier
  ['约5346万元', 53460000, null, '元', '≈'],
  ['近300人次', 300, null, '人次', '<'],
  ['4.5%-5%', 4.5, 5, '%', ''],
  ['4.5%—5%', 4.5, 5, '%', ''],
  ['3至5个', 3, 5, '个', ''],
  ['5～10万元', 50000, 100000, '元', ''],
  ['1万-5万元', 10000, 50000, '元', ''],
  ['十几个', 11, 19, '个', ''],
  ['几十个', 20, 90, '个', ''],
  ['数十个', 20, 90, '个', ''],
  ['几百人', 200, 900, '人', ''],
  ['数百人', 200, 900, '人', ''],
  ['两三个', 2, 3, '个', ''],
  ['三四十人', 30, 40, '人', ''],
  ['上百人', 100, null, '人', '>'],
  ['上千家', 1000, null, '家', '>'],
  ['上万人', 10000, null, '人', '>'],
  ['3000多元', 3000, null, '元', '>'],
  ['0.4个百分点', 0.4, null, '个百分点', ''],
  ['六个百分点', 6, null, '个百分点', ''],
  ['3541.07万元', 35410700, null, '元', ''],
  ['16.4亿元', 1640000000, null, '元', ''],
  ['1,100万元', 11000000, null, '元', ''],
  ['两千人', 2000, null, '人', ''],
  ['二百余万元', 2000000, null, '元', '>'],
  ['一百九十万零三千九百七十一元', 1903971, null, '元', ''],
  ['13万2千人', 132000, null, '人', ''],
  ['十余万人次', 100000, null, '人次', '>'],
  ['九成', 90, null, '%', ''],
  ['两成', 20, null, '%', ''],
  ['100000万元', 1000000000, null, '元', ''],
  ['一万多人', 10000, null, '人', '>'],
  ['1.2万余人次', 12000, null, '人次', '>'],
  ['9千多份', 9000, null, '份', '>'],
  ['5.2万亿元', 5200000000000, null, '元', ''],
  ['630元/人/月', 630, null, '元/人/月', ''],
  ['27微克/立方米', 27, null, '微克/立方米', ''],
  ['58万元/人', 580000, null, '元/人', ''],
  ['100%', 100, null, '%', ''],
  ['0件', 0, null, '件', ''],
  ['20.86天', 20.86, null, '天', ''],
  ['30个工作日', 30, null, '个工作日', ''],
  ['不超过10分钟', 10, null, '分钟', '≤'],
  ['不少于3次', 3, null, '次', '≥'],
  ['5%左右', 5, null, '%', '≈'],
  ['30万人以上', 300000, null, '人', '>'],
  ['1000万余元', 10000000, null, '元', '>'],
  ['２２９７对', 2297, null, '对', ''],
  ['超千亿元', 100000000000, null, '元', '>'],
];

describe('parseQuantity', () => {
  it.each(cases)('%s → %d', (raw, value, valueMax, unit, qualifier) => {
    const q = parseQuantity(raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    expect(q).not.toBeNull();
    expect([q!.value, q!.valueMax, q!.unit, q!.qualifier]).toEqual([value, valueMax, unit, qualifier]);
  });

  it.each(['11月20日', '一是', '十四五', '5·12', '12345', '近一半', '翻番', '', '万', '...%%', '第'])(
    'reads no quantity in %j',
    (text) => {
      expect(parseQuantity(text)).toBeNull();
    },
  );

  it('reads 2019年 as 2019 years: telling it from a date is the indicators stage’s job', () => {
    expect(parseQuantity('2019年')).toMatchObject({value: 2019, valueMax: null, unit: '年', qualifier: ''});
  });
});
