/**
 * The completeness rules of `reports check`, over one analysed report. Each finding is a
 * Message with the rule's id and severity, placed on a source line where it applies, and
 * worded in Chinese or English. Pure: what a report holds in, findings out.
 */
import {readList, readWords} from '../lexicon.js';
import {message, type Language} from '../messages.js';
import type {Message, SectionKind, Severity} from '../types.js';
import {isJunkLine} from '../stages/junk.js';
import type {Doc} from '../doc.js';
import type {ReportKind} from '../stages/metadata.js';
import type {CheckSettings, RuleId, RuleSeverity} from './settings.js';

/** What the rules look at in one report. */
/** A Doc all stages have run over: what the completeness rules read. */
export type CheckedDoc = Doc & Required<Pick<Doc, 'meta' | 'sections' | 'indicators'>>;

export type {Language} from '../messages.js';

/** The parts each kind of report must have, in the words of the rules that ask for them. */
const REQUIRED: Record<ReportKind, [SectionKind, string, string][]> = {
  'rule-of-law': [
    ['成效', '主要举措和成效', 'main measures and results'],
    ['问题', '存在的不足和原因', 'shortcomings and their causes'],
    ['责任', '党政主要负责人履行推进法治建设第一责任人职责的情况', "how the principal leaders fulfilled their duty as first responsible persons"],
    ['计划', '下一年度的主要安排', "the main arrangements for the next year"],
  ],
  'government-work': [
    ['成效', '过去一年工作回顾', "review of the past year's work"],
    ['问题', '存在的困难和问题', 'difficulties and problems'],
    ['计划', '今年工作安排', "this year's work arrangements"],
  ],
  other: [
    ['成效', '工作成效', 'results of the work'],
    ['计划', '下一步工作计划', 'plans for the next period'],
  ],
};

/** Words that name a concrete shortcoming. */
const PROBLEM_WORDS = /不足|问题|不够|有待|薄弱|短板|差距|滞后|不强|不高|欠缺|困难|不到位|不完善|不健全|不平衡|压力|风险|隐患|缺乏|偏低|偏弱/;

let mojibake: RegExp | undefined;
let responsibility: {cue: string; needsLaw: boolean}[] | undefined;

/** Tells whether a report covers its leaders' first-responsibility duty anywhere in its text. */
function mentionsResponsibility(lines: readonly string[]): boolean {
  responsibility ??= readList('responsibility-cues.txt').map(([cue, context]) => ({cue: cue ?? '', needsLaw: context === 'law'}));
  return lines.some((line) => responsibility!.some(({cue, needsLaw}) => line.includes(cue) && (!needsLaw || /法治|依法/.test(line))));
}

/** Runs every rule that is not off over one report. */
export function checkReport(input: CheckedDoc, settings: CheckSettings, lang: Language): Message[] {
  const findings: Message[] = [];
  const add = (rule: RuleId, severity: RuleSeverity, zh: string, en: string, index = -1): void => {
    if (severity === 'off') return;
    const line = index >= 0 ? input.source[index] ?? index + 1 : 0;
    findings.push(message(input.file, severity as Severity, rule, lang === 'en' ? en : zh, line, line > 0 ? 1 : 0));
  };
  requiredSections(input, settings, add);
  emptySections(input, settings, add);
  thinProblems(input, settings, add);
  years(input, settings, add);
  publishDeadline(input, settings, add);
  if (input.indicators.length === 0) add('no-indicators', settings['no-indicators'].severity, '全文没有任何数字指标', 'the report states no number at all');
  decoding(input, settings, add);
  duplicateParagraphs(input, settings, add);
  return findings;
}

type Add = (rule: RuleId, severity: RuleSeverity, zh: string, en: string, index?: number) => void;

/** required-section: the parts the kind of report must have are there. */
function requiredSections(input: CheckedDoc, settings: CheckSettings, add: Add): void {
  // A part is there when it holds text: a heading alone (二、存在的不足和下一步打算 over plans
  // only) does not give the content the regulation asks for.
  const kinds = new Set(input.sections.filter((section) => charsBesidesHeading(input, section) > 0).map((section) => section.kind));
  for (const [kind, zh, en] of REQUIRED[input.meta.kind]) {
    if (kinds.has(kind)) continue;
    // The first-responsible-person content may stand under another part.
    if (kind === '责任' && mentionsResponsibility(input.lines)) continue;
    add('required-section', settings['required-section'].severity, `缺少“${zh}”部分`, `missing the part “${zh}” (${en})`);
  }
}

/** Counts the characters of a part's lines up to `end` besides its heading, white space aside. */
function charsBesidesHeading(input: CheckedDoc, section: CheckedDoc['sections'][number], end = section.end): number {
  const first = (input.lines[section.start] ?? '').trim();
  const rest = first.slice(section.heading === '' ? 0 : section.heading.length);
  return (rest + input.lines.slice(section.start + 1, end + 1).join('')).replace(/\s+/g, '').length;
}

/** empty-section: a part with a heading and (almost) no text under it. */
function emptySections(input: CheckedDoc, settings: CheckSettings, add: Add): void {
  const {severity, minChars} = settings['empty-section'];
  input.sections.forEach((section, index) => {
    if (section.heading === '' || section.kind === '前言' || section.kind === '其他') return;
    // A part split around a problems paragraph goes on in the rows without a heading after it.
    let end = section.end;
    for (let next = index + 1; input.sections[next]?.heading === ''; next++) end = input.sections[next]!.end;
    const chars = charsBesidesHeading(input, section, end);
    if (chars < minChars) {
      add('empty-section', severity, `“${section.heading}”部分几乎没有内容（${chars}字）`, `the part “${section.heading}” has (almost) no text (${chars} characters)`, section.start);
    }
  });
}

/** thin-problems: the problems part is short, or names no concrete problem. */
function thinProblems(input: CheckedDoc, settings: CheckSettings, add: Add): void {
  const {severity, minChars} = settings['thin-problems'];
  const problems = input.sections.filter((section) => section.kind === '问题');
  if (problems.length === 0) return;
  const text = problems.map((section) => input.lines.slice(section.start, section.end + 1).join('')).join('');
  const chars = text.replace(/\s+/g, '').length;
  const where = problems[0]!.start;
  if (chars < minChars) {
    add('thin-problems', severity, `“存在的问题”部分只有${chars}字，少于${minChars}字`, `the problems part has only ${chars} characters, fewer than ${minChars}`, where);
  } else if (!PROBLEM_WORDS.test(text.replace(/存在的?(主要)?问题|问题和不足|不足和原因/g, ''))) {
    add('thin-problems', severity, '“存在的问题”部分没有写明具体问题', 'the problems part names no concrete problem', where);
  }
}

/** year: a reported year can be found, and the plan part is about the next one. */
function years(input: CheckedDoc, settings: CheckSettings, add: Add): void {
  const {severity, planSeverity} = settings.year;
  const year = input.meta.year;
  if (year === null) {
    add('year', severity, '找不到报告所属的年度', 'no reported year can be found');
    return;
  }
  for (const section of input.sections) {
    if (section.kind !== '计划' || section.heading === '') continue;
    const named = /((?:19|20)[0-9]{2})年/.exec(section.heading);
    if (named && Number(named[1]) !== year + 1) {
      add('year', planSeverity, `计划部分写的是${named[1]}年，报告年度为${year}年，应为${year + 1}年`,
        `the plan part names ${named[1]}, but a report on ${year} plans for ${year + 1}`, section.start);
    }
  }
}

/** publish-deadline: a rule-of-law report is published by 1 April of the following year. */
function publishDeadline(input: CheckedDoc, settings: CheckSettings, add: Add): void {
  const {severity, month, day} = settings['publish-deadline'];
  if (input.meta.kind !== 'rule-of-law' || input.meta.year === null) return;
  if (input.meta.published === '') return;
  const deadline = [input.meta.year + 1, month, day] as const;
  const [y, m, d] = input.meta.published.split('-').map(Number) as [number, number, number];
  const late = y > deadline[0] || (y === deadline[0] && (m > deadline[1] || (m === deadline[1] && d > deadline[2])));
  if (late) {
    const date = input.meta.published;
    add('publish-deadline', severity, `发布日期${date}晚于${deadline[0]}年${month}月${day}日`,
      `published on ${date}, after ${deadline[0]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, input.meta.publishedLine);
  }
}

/** decoding: replacement characters or mojibake in the text. */
function decoding(input: CheckedDoc, settings: CheckSettings, add: Add): void {
  const {severity} = settings.decoding;
  let replaced = 0;
  let firstReplaced = -1;
  input.lines.forEach((line, index) => {
    const count = line.split('\uFFFD').length - 1;
    if (count > 0 && firstReplaced < 0) firstReplaced = index;
    replaced += count;
  });
  if (replaced > 0) {
    add('decoding', severity, `文本中有${replaced}个无法解码的字符（U+FFFD）`, `${replaced} character(s) could not be decoded (U+FFFD)`, firstReplaced);
  }
  mojibake ??= new RegExp(`[${readWords('mojibake.txt').join('')}]|锟斤拷`, 'g');
  const text = input.lines.join('\n');
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const garbled = text.match(mojibake)?.length ?? 0;
  if (garbled >= 10 && garbled > han * 0.05) {
    add('decoding', severity, `文本疑似乱码：${garbled}个字符像是编码识别错误的结果`, `the text looks garbled: ${garbled} characters look like a wrong encoding`);
  }
}

/** duplicate-paragraph: the same long paragraph twice in one report. */
function duplicateParagraphs(input: CheckedDoc, settings: CheckSettings, add: Add): void {
  const {severity, minChars} = settings['duplicate-paragraph'];
  const seen = new Map<string, number>();
  input.lines.forEach((line, index) => {
    const text = line.replace(/\s+/g, '');
    if (text.length < minChars || isJunkLine(line)) return;
    const first = seen.get(text);
    if (first === undefined) {
      seen.set(text, index);
      return;
    }
    const firstLine = input.source[first] ?? first + 1;
    add('duplicate-paragraph', severity, `与第${firstLine}行的段落重复`, `repeats the paragraph of line ${firstLine}`, index);
  });
}
