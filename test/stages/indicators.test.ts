// What is and is not an indicator in running text (docs/tables.md, indicators), with labels and categories.
import {describe, expect, it} from 'vitest';
import {indicatorsInLine, requiredText} from '../../src/stages/indicators.js';
import {readWords} from '../../src/lexicon.js';

/** The indicators of a sentence as `raw=value unit qualifier [label/category]`. */
function found(text: string): string[] {
  return indicatorsInLine(text).map((i) => `${i.raw}=${i.value}${i.valueMax === null ? '' : `~${i.valueMax}`}${i.unit}${i.qualifier}[${i.label}/${i.category}]`);
}

describe('indicatorsInLine', () => {
  it('gives one indicator per quantity, 0 included', () => {
    expect(found('收到信访件4件，其中已办结4件，未办结0件，办结率达100%。')).toEqual([
      '4件=4件[信访件/cases]',
      '4件=4件[已办结/cases]',
      '0件=0件[未办结/cases]',
      '100%=100%[办结率/rates]',
    ]);
  });

  it('labels the thing counted, dropping verbs of doing', () => {
    expect(found('累计发放最低生活保障资金约5346万元。')).toEqual(['约5346万元=53460000元≈[最低生活保障资金/funds]']);
    expect(found('全年共受理信访案件148宗。')).toEqual(['148宗=148宗[信访案件/cases]']);
    expect(found('办理结婚登记,结婚2297对。')).toEqual(['2297对=2297对[结婚/registrations]']);
  });

  it('labels the thing, not the enumeration, the intent, the verb of result or a note mark', () => {
    expect(found('一是投资4500万元建设月明河桥；二是投资300万元用于绿化。').map((f) => f.split('[')[1])).toEqual(['投资/funds]', '投资/funds]']);
    expect(found('年内力争投资4亿元。')).toEqual(['4亿元=400000000元[投资/funds]']);
    expect(found('全年地区生产总值完成386.5亿元。')).toEqual(['386.5亿元=38650000000元[地区生产总值/funds]']);
    expect(found('关停“散乱污”企业〔31〕374家。')).toEqual(['374家=374家[企业/organizations]']);
  });

  it('keeps a threshold and a mis-tagged word inside a name', () => {
    expect(found('规模以上工业企业达到59家。')).toEqual(['59家=59家[规模以上工业企业/organizations]']);
    expect(found('新增城区临时便民疏导点10处。')).toEqual(['10处=10处[城区临时便民疏导点/other]']);
  });

  it('names what changed before 由/从, across a quoted period', () => {
    expect(found('森林覆盖率由“十二五”末的41.07%提高到49.5%。')).toEqual(['41.07%=41.07%[森林覆盖率/rates]', '49.5%=49.5%[森林覆盖率/rates]']);
  });

  it('gives the two things a pair word names their figures in turn (城乡 → 城镇, 农村)', () => {
    expect(found('城乡居民人均可支配收入分别达到42160元、21870元，分别增长4.9%、7.2%。').map((f) => f.split('[')[1])).toEqual([
      '城镇居民人均可支配收入/funds]', '农村居民人均可支配收入/funds]', '城镇居民人均可支配收入/rates]', '农村居民人均可支配收入/rates]',
    ]);
  });

  it('gives the short items of a list the head of the last, and a second list of figures the same items', () => {
    expect(found('城镇、农村常住居民人均可支配收入分别增长5.1%和7.8%。').map((f) => f.split('[')[1])).toEqual(['城镇常住居民人均可支配收入/rates]', '农村常住居民人均可支配收入/rates]']);
    expect(found('城乡居民人均可支配收入分别达到28964元和15286元，增长7.9%和8.6%。').map((f) => f.split('[')[1])).toEqual([
      '城镇居民人均可支配收入/funds]', '农村居民人均可支配收入/funds]', '城镇居民人均可支配收入/rates]', '农村居民人均可支配收入/rates]',
    ]);
    expect(found('黄金、白银产量分别增长5%、2%。').map((f) => f.split('[')[1])).toEqual(['黄金产量/rates]', '白银产量/rates]']);
  });

  it('labels a count by the noun after it when the number comes first', () => {
    expect(found('今年5月,我镇14所中小学开展了法治教育。')).toEqual(['14所=14所[中小学/organizations]']);
  });

  it('skips dates, document numbers, titles, ordinals, slogans and named days', () => {
    expect(found('根据《法治政府建设实施纲要(2015—2020年)》(厅字〔2019〕28号),2019年11月20日')).toEqual([]);
    expect(found('落实“三会一课”制度,省委“1310”具体部署,第一责任人,二十届三中全会,开展“12·4”宪法宣传')).toEqual([]);
    expect(found('第三批试点,一是加强领导,“十四五”规划,5G基站,拨打12345热线')).toEqual([]);
  });

  it('reads one number shared by two measures once', () => {
    expect(found('参考率、合格率均达100%')).toEqual(['100%=100%[合格率/rates]']);
  });

  it('keeps durations of work but not plan periods', () => {
    expect(found('办理时限压缩至20.86天,五年来,近三年')).toEqual(['20.86天=20.86天[办理时限/other]']);
    expect(indicatorsInLine('连续9年获评优秀').map((i) => [i.value, i.unit])).toEqual([[9, '年']]);
  });
});

describe('requiredText', () => {
  it('finds the plain text every match holds, outside groups and classes, before a quantifier', () => {
    expect(requiredText('[0-9一二三四五六七八九十]{1,3}周年')).toBe('周年');
    expect(requiredText('(?:人大|政协)[一二]{1,2}次(?:全体)?会议')).toBe('会议');
    expect(requiredText('一(.)接着一\\1')).toBe('接着一');
    expect(requiredText('abc?')).toBe('ab');
    expect(requiredText('x{2}yz')).toBe('yz');
  });

  it('gives nothing for a pattern with alternatives at its top level or no plain text', () => {
    expect(requiredText('热线|12345')).toBe('');
    expect(requiredText('[0-9]{3,}(?:热线|服务热线)')).toBe('');
  });

  it('gives for every listed pattern of data/not-quantities.txt a text each of its matches holds', () => {
    const samples = ['十四届人大三次会议', '十九届五中全会', '七十周年', '5G基站', '12345热线', '第一、二轮', '一步接着一步', '二次、三次全会', '一期工程'];
    for (const entry of readWords('not-quantities.txt').filter((word) => word.startsWith('/'))) {
      const source = entry.slice(1, -1);
      for (const sample of samples) for (const match of sample.matchAll(new RegExp(source, 'g'))) expect(match[0]).toContain(requiredText(source));
    }
  });
});
