// Headings of every GB/T 9704 level and the section rules on small reports built here.
import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {alternation, readList} from '../../src/lexicon.js';
import {classifyTitle, readHeading, splitSections, wordStartCounter} from '../../src/stages/sections.js';

/** Sections of a report as `kind start-end` over 1-based lines. */
function sections(text: string, year: number | null = 2023, kind?: 'government-work' | 'rule-of-law'): string[] {
  return splitSections(text.split('\n'), year, kind).map((s) => `${s.kind} ${s.start + 1}-${s.end + 1}`);
}

describe('readHeading', () => {
  it.each([
    ['一、工作成效', 'chinese', '工作成效'],
    ['十二、其他需要报告的情况', 'chinese', '其他需要报告的情况'],
    ['（一）强化组织领导。一是健全机制。', 'chineseParen', '强化组织领导'],
    ['(二)严格执法', 'chineseParen', '严格执法'],
    ['1.加强学习', 'arabic', '加强学习'],
    ['1、加强学习', 'arabic', '加强学习'],
    ['1.2021年工作情况', 'arabic', '2021年工作情况'],
    ['（1）开展培训', 'arabicParen', '开展培训'],
    ['第一部分 主要举措和成效', 'part', '主要举措和成效'],
    ['第三章　存在的问题', 'part', '存在的问题'],
    ['存在的不足和原因', 'bare', '存在的不足和原因'],
    ['附件2', 'bare', '附件2'],
  ])('%s', (line, style, title) => {
    expect(readHeading(line)).toMatchObject({style, title});
  });

  it.each(['一是加强领导，落实责任。', '1.5万人参加培训', '2023年，我局坚持依法行政。', '某县司法局2023年法治政府建设年度报告', ''])(
    'reads no heading in %j',
    (line) => {
      expect(readHeading(line)).toBeNull();
    },
  );
});

describe('classifyTitle', () => {
  it.each([
    ['主要举措和成效', '成效'],
    ['存在的不足和原因', '问题'],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', '责任'],
    ['下一步工作打算', '计划'],
    ['2024年工作安排', '计划'],
    ['2023年工作情况', '成效'],
    ['2024年工作情况', '计划'],
    ['“十五五”时期主要目标任务', '其他'],
    ['2025年和“十四五”时期工作回顾', '成效'],
    ['全面加强政府自身建设', '其他'],
    ['严格规范公正文明执法', null],
  ])('%s → %s (report on 2023)', (title, kind) => {
    expect(classifyTitle(title, 2023)).toBe(kind);
  });
});

describe('splitSections', () => {
  it('cuts a problems sub-part out of the review it stands in', () => {
    const text = ['某局2023年报告', '一、2023年工作情况', '（一）依法决策', '建立重大决策合法性审查机制。', '（二）存在的主要问题', '执法力量不足，专业人才缺乏。', '二、2024年工作计划', '加强队伍建设。'].join('\n');
    expect(sections(text)).toEqual(['前言 1-1', '成效 2-4', '问题 5-6', '计划 7-8']);
  });

  it('splits a report without part headings by its paragraphs', () => {
    const text = [
      '某镇2023年法治政府建设情况报告',
      '2023年，我镇在县委县政府领导下扎实推进法治政府建设，现将有关情况报告如下：',
      '全年共办理行政复议案件12件，组织法治培训5期，覆盖干部群众800余人次。',
      '同时，我们也清醒认识到，工作中还存在一些问题，执法人员专业素质有待提高。',
      '下一步，我镇将继续加强法治宣传教育，提升依法行政水平。',
      '2024年，计划举办法治讲座不少于6场。',
    ].join('\n');
    expect(sections(text)).toEqual(['前言 1-2', '成效 3-3', '问题 4-4', '计划 5-6']);
  });

  it('names topic-only parts after the part before them, and sets annexes and endings apart', () => {
    const text = [
      '各位代表：',
      '一、2023年工作回顾',
      '经济平稳增长，地区生产总值增长5.2%。',
      '同时，我们也清醒看到，发展中还存在不少困难和问题。',
      '二、2024年重点工作',
      '（一）扩大有效需求',
      '三、加快建设现代化产业体系',
      '培育新兴产业集群。',
      '各位代表！让我们团结一心，奋勇前进！',
      '附件',
      '名词解释',
      '1.“四上”企业：指规模以上企业。',
    ].join('\n');
    expect(sections(text)).toEqual(['前言 1-1', '成效 2-3', '问题 4-4', '计划 5-6', '计划 7-8', '其他 9-9', '其他 10-12']);
  });

  it('covers every line exactly once', () => {
    const text = '一、工作成效\n\n做了工作。\n二、存在问题\n\n问题不少。\n\n三、下一步计划\n继续努力。\n\n\n';
    const rows = splitSections(text.split('\n'), 2023);
    expect(rows[0]!.start).toBe(0);
    expect(rows[rows.length - 1]!.end).toBe(text.split('\n').length - 1);
    rows.slice(1).forEach((row, i) => expect(row.start).toBe(rows[i]!.end + 1));
  });
});

// The classes of error seen on reports nobody tuned for (issue 10): each is decided by the
// text's evidence (time words, the year, problem vocabulary, the order of parts).
describe('sections from the evidence of the text', () => {
  it('a plan part whose heading names a topic only is a plan, by its time words', () => {
    const text = [
      '政府工作报告',
      '各位代表：现在，我代表县人民政府向大会报告工作，请予审议。',
      '一、一年接着一年干，各项事业取得新进展新成效',
      '一年来，全县地区生产总值增长6.1%，新建道路42公里。',
      '二、一鼓作气勇争先，全力推动高质量发展开好局、起好步',
      '今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右。',
      '我们将重点抓好五个方面工作。',
    ].join('\n');
    expect(sections(text, 2023, 'government-work')).toEqual(['前言 1-2', '成效 3-4', '计划 5-7']);
  });

  it('finds a problems paragraph in a wording no list holds, in the middle of the review', () => {
    const text = [
      '一、2023年工作回顾',
      '一年来，我们新增城镇就业3200人，完成固定资产投资58亿元。',
      '成绩来之不易，问题也不容回避：产业结构不优，创新能力不强，财政收支矛盾突出，部分群众就业增收压力较大。',
      '这些成绩的取得，是全县人民团结奋斗的结果。',
      '二、2024年工作安排',
      '2024年，我们将着力扩大有效投资。',
    ].join('\n');
    expect(sections(text, 2023, 'government-work')).toEqual(['成效 1-2', '问题 3-3', '成效 4-4', '计划 5-6']);
  });

  it('splits a part that gives the five-year outline and then this year\'s plan where the plan begins', () => {
    const text = [
      '一、2020年工作回顾',
      '过去一年，全县完成地区生产总值156亿元。',
      '二、“十四五”时期目标任务和2021年重点工作',
      '“十四五”时期，全县发展的主要目标是：经济总量迈上新台阶。',
      '未来五年，我们将重点抓好七方面工作。',
      '2021年是“十四五”开局之年。今年全县经济社会发展的主要预期目标是：地区生产总值增长7%。',
      '我们将重点做好以下工作。',
    ].join('\n');
    expect(sections(text, 2020, 'government-work')).toEqual(['成效 1-2', '其他 3-5', '计划 6-7']);
  });

  it('takes a review that has no heading of its own out of the opening', () => {
    const text = [
      '政府工作报告',
      '各位代表：',
      '现在，我代表市人民政府向大会报告工作，请予审议。',
      '过去的一年，全市地区生产总值增长6.5%，完成财政收入82亿元，新增就业1.2万人。',
      '一年来，我们坚持项目带动，建成重点项目36个。',
      '一、今年政府工作的总体要求和主要目标',
      '今年政府工作的总体要求是：坚持稳中求进。',
    ].join('\n');
    expect(sections(text, 2011, 'government-work')).toEqual(['前言 1-3', '成效 4-5', '计划 6-7']);
  });

  it('reads the plan period from the reported year: 十四五 is ahead in 2020 and under review in 2025', () => {
    expect(classifyTitle('“十四五”时期主要目标任务', 2020)).toBe('其他');
    expect(classifyTitle('2025年和“十四五”时期工作回顾', 2025)).toBe('成效');
    expect(classifyTitle('“十六五”时期发展的主要考虑', 2030)).toBe('其他');
  });
});

describe('counting where evidence words start', () => {
  it('counts as the pattern (?=word|…) matched globally does, on every line of the real reports', () => {
    const rows = readList('section-evidence.tsv');
    const kinds = [...new Set(rows.map((row) => row[1]!))];
    const lines = ['seeds', 'gwr', 'gwr-local'].flatMap((folder) => {
      const dir = new URL(`../../fixtures/${folder}/`, import.meta.url);
      return readdirSync(dir).filter((name) => name.endsWith('.txt')).flatMap((name) => {
        try {
          return new TextDecoder('utf-8', {fatal: true}).decode(readFileSync(new URL(name, dir))).split('\n');
        } catch {
          return [];
        }
      });
    });
    let counted = 0;
    for (const kind of kinds) {
      const words = rows.filter((row) => row[1] === kind).map((row) => row[0]!);
      const pattern = new RegExp(`(?=${alternation(words)})`, 'g');
      const count = wordStartCounter(words);
      for (const line of lines) {
        expect(count(line)).toBe(line.match(pattern)?.length ?? 0);
        counted += count(line);
      }
    }
    expect(counted).toBeGreaterThan(1000);
    // Words that overlap or start one another count once a place: 问题 and 问题整改, 不足 in 不足够.
    expect(wordStartCounter(['问题', '问题整改', '题'])('问题整改')).toBe(2);
  });
});
