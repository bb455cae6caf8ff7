// The reporting body from each of its sources, in order of trust, and the traps unseen
// reports set: labels, doubled suffixes, navigation lines, sentence fragments.
import {describe, expect, it} from 'vitest';
import {htmlLines} from '../../src/stages/extract.js';
import {readMetadata} from '../../src/stages/metadata.js';
import {bodyAt, findBody, isName, readBody} from '../../src/stages/org.js';

/** The body fields of a report's metadata, as one array to compare. */
function body(lines: string[], pageTitle = ''): [string, string, string, string] {
  const meta = readMetadata(lines, pageTitle);
  return [meta.org, meta.region, meta.level, meta.department];
}

describe('readBody: a name is a place and an organ, or a national organ', () => {
  it.each([
    ['保定市清苑区民政局', '保定市清苑区民政局', '保定市清苑区', 'county', '民政局'],
    ['湖南省生态环境厅', '湖南省生态环境厅', '湖南省', 'province', '生态环境厅'],
    ['晋中市民政局', '晋中市民政局', '晋中市', 'city', '民政局'],
    ['安国市人民政府', '安国市人民政府', '安国市', 'county', '人民政府'],
    ['东凤镇', '东凤镇人民政府', '东凤镇', 'township', '人民政府'],
    ['小营街道办事处', '小营街道办事处', '小营街道', 'township', '街道办事处'],
    ['赣州市政府', '赣州市人民政府', '赣州市', 'city', '人民政府'],
    ['司法部', '司法部', '', 'national', '司法部'],
    // 徐水县 became 徐水区 in 2015: the list lacks it, its shape makes it a county.
    ['徐水县人民政府', '徐水县人民政府', '徐水县', 'county', '人民政府'],
    ['云川市交通运输局', '云川市交通运输局', '云川市', 'city', '交通运输局'],
  ])('%s → %s', (name, org, region, level, department) => {
    expect(readBody(name)).toMatchObject({org, region, level, department});
  });

  it('reads a place’s suffix written twice as the place once: 南昌县县', () => {
    expect(readBody('南昌县县')).toMatchObject({org: '南昌县人民政府', region: '南昌县', level: 'county'});
    expect(readBody('南昌县县政府')).toMatchObject({org: '南昌县人民政府', department: '人民政府'});
  });

  it('holds names out of running text to places the list knows: 围绕市 and 按程序报县 are none', () => {
    expect(isName('围绕市市场监管局')).toBe(false);
    expect(isName('按程序报县司法局')).toBe(false);
    expect(isName('徐水县人民政府')).toBe(true);
    expect(bodyAt('围绕市委中心工作', 0)).toBeNull();
  });

  it.each(['标题：保定市人民政府', '入选全省乡村建设示范县', '全县', '本网', '政府官网', '市法制办', '政策法规处', '开题报告', '依法治县委员会'])(
    'is no name: %s', (text) => {
      expect(readBody(text)).toBeNull();
    });
});

describe('bodyAt: the body that starts a stretch of running text', () => {
  it.each([
    ['司法部坚持以习近平新时代中国特色社会主义思想为指导', '司法部'],
    ['东凤镇在市委、市政府的正确领导下', '东凤镇人民政府'],
    ['鹤龙街坚持党建引领', '鹤龙街道办事处'],
    ['清城区民政局坚持以人民为中心', '清城区民政局'],
  ])('%s → %s', (text, org) => {
    expect(bodyAt(text, 0)?.org).toBe(org);
  });
  it('takes no phrase that merely ends like an organ (服务大局, 法治政府) for one', () => {
    expect(bodyAt('涞水县服务大局，推进依法行政', 0)?.org).toBe('涞水县人民政府');
    expect(bodyAt('涞水县法治政府建设取得新成效', 0)?.org).toBe('涞水县人民政府');
    expect(bodyAt('涞水县人民政府办公室关于印发', 0)?.org).toBe('涞水县人民政府办公室');
    expect(body(['2021年，我县法治政府建设取得新成效。', '涞水县…涞水县…'])[0]).toBe('涞水县人民政府');
  });

  it('finds none in a sentence that opens with no name', () => {
    expect(bodyAt('全市各级部门坚持依法行政', 0)).toBeNull();
  });
});

describe('findBody: each source, in order of trust', () => {
  it('the title', () => {
    expect(body(['重庆市长寿区民政局2021年度法治政府建设年度报告', '2021年，我局…'])).toEqual(['重庆市长寿区民政局', '重庆市长寿区', 'county', '民政局']);
  });

  it('the page’s <title>, without the site name after _, when no line is a title', () => {
    const lines = htmlLines('<html><head><title>2023年株洲市政府工作报告_株洲市人民政府门户网站</title></head><body><p>各位代表：</p><p>现在，我代表市人民政府向大会报告工作，请予审议。</p></body></html>');
    expect(lines.title).toBe('2023年株洲市政府工作报告_株洲市人民政府门户网站');
    const meta = readMetadata(lines.text, lines.title);
    expect([meta.title, meta.org, meta.level, meta.year, meta.kind]).toEqual(['2023年株洲市政府工作报告', '株洲市人民政府', 'city', 2022, 'government-work']);
  });

  it('the delivery line of a work report, and its year: given in January 2003 on 2002', () => {
    const meta = readMetadata(['政府工作报告', '——2003年1月15日在徐水县第十三届人民代表大会第一次会议上', '各位代表：', '现在，我代表县人民政府向大会报告工作。', '过去的一年，全县上下…', '2003年的工作目标是…']);
    expect([meta.org, meta.region, meta.level, meta.year, meta.published]).toEqual(['徐水县人民政府', '徐水县', 'county', 2002, '2003-01-15']);
  });

  it('the speaker line of a work report: 南昌县县长 is 南昌县, not 南昌县县', () => {
    expect(body(['政府工作报告', '南昌县县长 张三', '各位代表：', '现在，我代表县人民政府向大会报告政府工作。'])).toEqual(['南昌县人民政府', '南昌县', 'county', '人民政府']);
  });

  it('portal fields, skipping values that are no body (本网, 市法制办)', () => {
    expect(body(['2021年度法治政府建设工作报告', '来源：本网', '发布机构：遂川县市场监督管理局　成文日期：2022-02-07', '2021年，我局坚持依法行政。'])).toEqual(['遂川县市场监督管理局', '遂川县', 'county', '市场监督管理局']);
  });

  it('the opening subject: 2022年，司法部坚持…', () => {
    expect(body(['2022年法治政府建设年度报告', '2022年，司法部坚持以习近平新时代中国特色社会主义思想为指导。'])).toEqual(['司法部', '', 'national', '司法部']);
    expect(body(['2024年，鹤龙街坚持党建引领，全面推进法治政府建设。'])).toEqual(['鹤龙街道办事处', '鹤龙街道', 'township', '街道办事处']);
  });

  it('现将<body>…报告如下', () => {
    expect(body(['法治政府建设年度报告', '来源：本网', '今年以来，我街道在区委、区政府的领导下依法履职。现将南苑街道办事处2024年法治政府建设年度报告如下：', '一、主要举措'])).toEqual(['南苑街道办事处', '南苑街道', 'township', '街道办事处']);
  });

  it('the signature block', () => {
    expect(body(['关于2023年度法治政府建设情况的报告', '2023年，我局在县委、县政府的坚强领导下依法行政。', '一、主要举措', '做了很多工作。', '安化县卫生健康局', '2024年1月25日'])).toEqual(['安化县卫生健康局', '安化县', 'county', '卫生健康局']);
  });

  it('我市 resolved to the city the report names, 我局 to a bureau named in full', () => {
    expect(body(['关于2016年度法治政府建设情况的报告', '来源：市法制办', '省人民政府：', '一年来，全市上下依法行政，赣州市法治政府建设取得明显成效。现将我市2016年度法治政府建设情况报告如下：'])).toEqual(['赣州市人民政府', '赣州市', 'city', '人民政府']);
    expect(findBody(['我局认真贯彻。', '印发《清远市清城区民政局关于行政执法的通知》。', '我局主要负责人履行职责。'], {title: '', governmentWork: false})).toMatchObject({org: '清远市清城区民政局', source: 'self-reference'});
  });

  it('widens a body to the fullest place the report writes it with', () => {
    expect(body(['2024年，清城区民政局坚持依法行政。', '印发《清远市清城区民政局关于行政执法的通知》。'])).toEqual(['清远市清城区民政局', '清远市清城区', 'county', '民政局']);
  });
});

describe('more shapes of unseen reports', () => {
  it('the congress abbreviated: 阜平县十七届人大五次会议', () => {
    const meta = readMetadata(['阜平县十七届人大五次会议文件(1)', '政府工作报告', '2021年2月5日', '各位代表：', '现在，我代表县人民政府向大会报告工作。', '一、2020年工作回顾']);
    expect([meta.org, meta.level, meta.year]).toEqual(['阜平县人民政府', 'county', 2020]);
  });

  it('a work report’s year from the day it was given, alone under the title', () => {
    expect(readMetadata(['涞水县人民政府工作报告', '（2019年1月8日）', '各位代表：', '过去的一年，全县…', '2019年的主要目标…']).year).toBe(2018);
  });

  it('我代表县人民政府: the county the report names most', () => {
    expect(body(['政府工作报告', '各位代表：', '现在，我代表县人民政府，向大会作政府工作报告。', '过去的一年，涞水县经济平稳运行，涞水县…'])).toEqual(['涞水县人民政府', '涞水县', 'county', '人民政府']);
  });

  it('titles: 关于 first, a joint party–government report, …人民政府工作报告', () => {
    expect(body(['关于清溪县2021年法治政府建设情况的报告'])[0]).toBe('清溪县人民政府');
    expect(body(['中共青溪县委 青溪县人民政府关于2021年度法治政府建设情况的报告'])[0]).toBe('青溪县人民政府');
    const meta = readMetadata(['2003年保定市人民政府工作报告', '各位代表：', '过去的一年…']);
    expect([meta.org, meta.level, meta.year, meta.kind]).toEqual(['保定市人民政府', 'city', 2002, 'government-work']);
  });

  it('a title naming the body by its level only takes the place from the text (区民政局)', () => {
    expect(body(['区民政局2023年法治政府建设年度报告', '2023年，区民政局坚持依法行政。', '武江区养老服务…武江区民政局…'])).toEqual(['武江区民政局', '武江区', 'county', '民政局']);
  });

  it('a government named first gives way to a bureau of its place when the report says 我局', () => {
    expect(body(['2022年法治政府建设工作报告', '来源：涞水县人民政府', '2022年，我局在县委、县政府的领导下依法行政。', '我局办理案件。', '涞水县司法局', '2023年1月10日'])).toEqual(['涞水县司法局', '涞水县', 'county', '司法局']);
  });

  it('the site’s name above the text is no signature', () => {
    expect(body(['南昌县人民政府', '网站首页　政务公开', '2022年，县司法局在县委、县政府的坚强领导下依法行政，推动全县法治政府建设取得新进展。', '一、主要举措和成效', '制定印发《南昌县2022年法治政府建设工作要点》。'])).toEqual(['南昌县司法局', '南昌县', 'county', '司法局']);
    expect(body(['南昌县人民政府', '网站首页　政务公开', '各项工作有序推进，取得新进展。', '一、主要举措和成效', '做了很多工作。'])[0]).toBe('');
  });

  it('a bureau’s line of work is guessed only when it stands out, and 人民政府 is no mention of 民政', () => {
    expect(body(['2022年，我局在遂川县人民政府的领导下依法行政。', '市场监管执法检查。', '我局办理案件。'])[0]).toBe('');
    expect(body(['2022年，我局在遂川县人民政府的领导下依法行政。', '市场监管执法检查3次，市场监管…，市场监管…', '我局办理案件。'])[0]).toBe('遂川县市场监管局');
  });

  it('a place in a document’s title is not taken for a bureau’s own (《重庆市宗教事务条例》)', () => {
    expect(body(['一、主要举措', '我局配合市人大关于《重庆市宗教事务条例》执行情况调研。', '我局民政工作…民政…民政…民政。'])[0]).toBe('');
  });

  it('a place-shaped phrase whose stem the list knows only as a township is no county (瀑河县城段)', () => {
    expect(bodyAt('瀑河县城段整治', 0)).toBeNull();
  });

  it('a signature with page furniture after it', () => {
    expect(body(['法治政府建设年度报告', '一、主要成效', '做了很多工作。', '遂川县司法局', '2023年1月10日', '【打印本页】　【关闭窗口】', '主办：遂川县人民政府办公室'])).toEqual(['遂川县司法局', '遂川县', 'county', '司法局']);
  });

  it('dates in Chinese numerals: the delivery (year reported on) and the signature (published)', () => {
    const work = readMetadata(['政府工作报告', '——二〇〇三年一月十五日在徐水县第十三届人民代表大会第一次会议上', '徐水县县长：王五', '各位代表：', '过去的一年…']);
    expect([work.org, work.year, work.published]).toEqual(['徐水县人民政府', 2002, '2003-01-15']);
    const signed = readMetadata(['关于2021年度法治政府建设情况的报告', '2021年，我局依法行政。', '涞水县司法局', '二〇二二年一月二十五日']);
    expect([signed.org, signed.year, signed.published]).toEqual(['涞水县司法局', 2021, '2022-01-25']);
  });

  it('a national organ’s local bureau is at its place’s level', () => {
    expect(readBody('国家税务总局涞水县税务局')).toMatchObject({org: '国家税务总局涞水县税务局', region: '涞水县', level: 'county', department: '税务局'});
  });
});

describe('traps', () => {
  it('a label before the title is neither title nor body: 标题：保定市人民政府', () => {
    const meta = readMetadata(['标题：保定市人民政府', '保定市清苑区民政局2022年法治政府建设年度报告', '2022年，区民政局坚持依法行政。']);
    expect([meta.title, meta.org, meta.region]).toEqual(['保定市清苑区民政局2022年法治政府建设年度报告', '保定市清苑区民政局', '保定市清苑区']);
  });

  it('a navigation line is no title: • 开题报告', () => {
    const meta = readMetadata(['• 开题报告', '• 毕业论文', '罗田县农业农村局2022年工作总结及2023年工作计划', '2022年，在县委、县政府的正确领导下，我局扎实工作。']);
    expect([meta.title, meta.org, meta.level, meta.kind, meta.year]).toEqual(['罗田县农业农村局2022年工作总结及2023年工作计划', '罗田县农业农村局', 'county', 'other', 2022]);
  });

  it('a sentence fragment is no body: 入选全省乡村建设示范县; empty rather than wrong', () => {
    const meta = readMetadata(['工作总结', '（三）入选全省乡村建设示范县', '全县成功入选全省乡村建设示范县。', '我县共有村庄120个。']);
    expect([meta.org, meta.region, meta.level]).toEqual(['', '', '']);
  });
});
