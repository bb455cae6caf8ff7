/**
 * Headings: reads the heading of a line in the GB/T 9704 styles (一、 / (一) / 1. / (1)),
 * as 第一部分 or 第一章, or as a bare short line, and names the section a heading's words
 * announce (data/section-cues.tsv), weighing the year it names against the reported year
 * and the five-year plan period that year falls in. Read once per line when the document
 * model is built; every stage after that reads the heading from the model.
 */
import {readList} from '../lexicon.js';
import type {SectionKind} from '../types.js';
import {isJunkLine} from './junk.js';

/** Heading styles, highest first. */
export const STYLES = ['part', 'chinese', 'bare', 'chineseParen', 'arabic', 'arabicParen'] as const;
export type Style = (typeof STYLES)[number];

export interface Heading {
  style: Style;
  /** The heading's words without its number. */
  title: string;
  /** The heading part of the line, before any text that runs on after it. */
  text: string;
  /** Whether text runs on after the heading on the same line (（一）强化组织领导。一是…). */
  runsOn: boolean;
}

const CN = '[一二三四五六七八九十]{1,3}';
const HEADING_PATTERNS: [Style, RegExp][] = [
  ['part', new RegExp(`^第${CN}(?:部分|章|篇)[、，,.：:\\s]*(.*)$`)],
  ['chinese', new RegExp(`^${CN}[、.．](?!是)(.*)$`)],
  ['chineseParen', new RegExp(`^[(（]${CN}[)）][、.]?(.*)$`)],
  // 1.2021年工作情况 is a heading, 1.5万 is a number: after N. only a year may follow directly.
  ['arabic', /^[0-9]{1,2}(?:[、]|\.(?![0-9])|\.(?=(?:19|20)[0-9]{2}年))(.*)$/],
  ['arabicParen', /^[(（][0-9]{1,2}[)）](.*)$/],
];

let cues: [string, SectionKind][] | undefined;

/** Reads a heading from a line, or returns null when the line is running text. */
export function readHeading(line: string): Heading | null {
  const text = line.trim();
  if (text === '') return null;
  for (const [style, pattern] of HEADING_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rest = (match[1] ?? '').trim();
    // A heading may run on into its first sentence: （一）强化组织领导。一是…; a colon
    // heading of older reports ends at its colon: 一、关于2009年工作回顾：…
    const end = rest.search(/[。；;！!？?：:]/);
    const title = end >= 0 ? rest.slice(0, end) : rest;
    if (title.length === 0 || title.length > 60) return null;
    const runsOn = end >= 0 && rest.slice(end + 1).trim().length > 0;
    return {style, title, text: text.slice(0, text.length - rest.length + title.length), runsOn};
  }
  if (isBareHeading(text)) return {style: 'bare', title: text, text, runsOn: false};
  return null;
}

/** Tells whether a line without a number is a heading: short, unpunctuated, with a cue. */
function isBareHeading(text: string): boolean {
  if (/^(附件|附表)\s*[0-9一二三四五六七八九十]*[：:]?$/.test(text)) return true;
  // A colon heading of older reports (关于2009年工作回顾：) is one phrase, with no comma in it.
  const title = /[，,]/.test(text) ? text : text.replace(/[：:]$/, '');
  if (title.length < 4 || title.length > 36 || /[。；;，,：:！!？?、]$/.test(title) || /[。；;！!？?]/.test(title)) return false;
  if (isJunkLine(title) || title.startsWith('——') || /(报告|总结)$/.test(title)) return false;
  // Two short phrases set apart by a space are a heading of their own (正确把握形势　坚定发展信心).
  // (Each phrase of four characters or more: 县长 周立新 is a speaker line.)
  if (/^[\u4e00-\u9fff“”"]{4,12} +[\u4e00-\u9fff“”"]{4,16}$/.test(title) && !/[长任记]$/.test(title.split(/ +/)[0]!)) return true;
  return classifyTitle(title, null) !== null;
}

/** The number of the five-year plan (十四五 = 14) whose years include `year`. */
export function planPeriodOf(year: number): number {
  return Math.floor((year - 1951) / 5);
}

const PERIOD_NUMERALS: Record<string, number> = {
  十: 10, 十一: 11, 十二: 12, 十三: 13, 十四: 14, 十五: 15, 十六: 16, 十七: 17, 十八: 18, 十九: 19,
};

/** The five-year plan periods a text names (“十四五” → 14, “十五”规划 → 10). */
export function planPeriodsIn(text: string): number[] {
  const out: number[] = [];
  const pattern = /(十[一二三四五六七八九]?)五(?=[”"’]|规划|时期|期间|计划|末|以来|开局|收官)/g;
  for (const match of text.matchAll(pattern)) {
    const period = PERIOD_NUMERALS[match[1]!];
    if (period !== undefined) out.push(period);
  }
  return out;
}

/**
 * Names the section a part's heading announces, from its cue words, its year and the plan
 * period it names; null when the heading names a topic only.
 */
export function classifyTitle(title: string, reportYear: number | null): SectionKind | null {
  cues ??= readList('section-cues.tsv').map(([cue, kind]) => [cue ?? '', (kind ?? '其他') as SectionKind]);
  const has = (kind: SectionKind): boolean => cues!.some(([cue, k]) => k === kind && title.includes(cue));
  if (has('问题')) return '问题';
  if (has('责任')) return '责任';
  const year = /((?:19|20)[0-9]{2})年/.exec(title);
  const headingYear = year ? Number(year[1]) : null;
  // A five-year plan period: the one ahead of the reported year is the outline (其他), the
  // one the reported year closes is reviewed (2025年和“十四五”时期工作回顾).
  const periods = planPeriodsIn(title);
  if (periods.length > 0 && reportYear !== null) {
    const current = planPeriodOf(reportYear);
    const ahead = periods.some((period) => period > current);
    // …推动“十五五”开好局、起好步: the first year of the period ahead is this year's plan.
    if (ahead && /开好局|开局|起好步|起步/.test(title)) return '计划';
    if (ahead && !(headingYear === reportYear && /回顾/.test(title))) return '其他';
    if (periods.includes(current) && /回顾|成就|成绩/.test(title)) return '成效';
  }
  if (has('其他') && !(headingYear !== null && headingYear === reportYear)) {
    if (!(/回顾/.test(title) && !/今后五年/.test(title))) return '其他';
  }
  if (/五年/.test(title) && /回顾|成就/.test(title) && !/今后|未来/.test(title)) return '成效';
  if (/今后五年|未来五年/.test(title)) return '其他';
  if (headingYear !== null && reportYear !== null) {
    if (headingYear > reportYear) return '计划';
    if (headingYear === reportYear && !has('计划')) return '成效';
  }
  if (has('计划')) return '计划';
  if (has('成效')) return '成效';
  return null;
}

/** Tells whether a short line is the name of an office signing the report (石坝乡人民政府). */
export function isSignatureName(text: string): boolean {
  return text.length >= 3 && text.length <= 30 && !/[。；;，,：:！!？?0-9]/.test(text) && /(局|政府|委员会|办公室|办事处|镇|街道|厅|委|中心)$/.test(text);
}
