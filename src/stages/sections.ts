/**
 * Normalised lines → sections. Finds the headings of a report in the GB/T 9704 styles
 * (一、 / (一) / 1. / (1)), as 第一部分 or 第一章, or as bare short lines; takes the
 * highest style in use as the top-level parts; names each part from the cue words in
 * data/section-cues.tsv and from its year; cuts out problems paragraphs that stand inside
 * another part; and sets page junk, signatures, annex glossaries and the closing
 * exhortation apart as 前言/其他. The result covers every line once, in order.
 */
import {readList, readWords} from '../lexicon.js';
import type {Section, SectionKind} from '../types.js';
import {isJunkLine} from './junk.js';

/** Heading styles, highest first. */
const STYLES = ['part', 'chinese', 'bare', 'chineseParen', 'arabic', 'arabicParen'] as const;
type Style = (typeof STYLES)[number];

export interface Heading {
  style: Style;
  /** The heading's words without its number. */
  title: string;
  /** The heading part of the line, before any text that runs on after it. */
  text: string;
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

/** How far into a part a problems paragraph may stand when the part is a plan. */
const PLAN_PROBLEM_WINDOW = 2;
/** How far into a paragraph its problems opener must stand. */
const OPENER_WINDOW = 40;

let cues: [string, SectionKind][] | undefined;
let openers: string[] | undefined;
let planOpeners: string[] | undefined;
let problemHeadings: string[] | undefined;

/** Reads a heading from a line, or returns null when the line is running text. */
export function readHeading(line: string): Heading | null {
  const text = line.trim();
  if (text === '') return null;
  for (const [style, pattern] of HEADING_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rest = (match[1] ?? '').trim();
    // A heading may run on into its first sentence: （一）强化组织领导。一是…
    const end = rest.search(/[。；;！!？?]/);
    const title = end >= 0 ? rest.slice(0, end) : rest;
    if (title.length === 0 || title.length > 60) return null;
    return {style, title, text: text.slice(0, text.length - rest.length + title.length)};
  }
  if (isBareHeading(text)) return {style: 'bare', title: text, text};
  return null;
}

/** Tells whether a line without a number is a heading: short, unpunctuated, with a cue. */
function isBareHeading(text: string): boolean {
  if (/^(附件|附表)\s*[0-9一二三四五六七八九十]*$/.test(text)) return true;
  if (text.length < 4 || text.length > 36 || /[。；;，,：:！!？?、]$/.test(text) || /[。；;！!？?]/.test(text)) return false;
  if (isJunkLine(text) || text.startsWith('——') || /(报告|总结)$/.test(text)) return false;
  return classifyTitle(text, null) !== null;
}

/** Names the section a part's heading announces, from its cue words and its year. */
export function classifyTitle(title: string, reportYear: number | null): SectionKind | null {
  cues ??= readList('section-cues.tsv').map(([cue, kind]) => [cue ?? '', (kind ?? '其他') as SectionKind]);
  const has = (kind: SectionKind): boolean => cues!.some(([cue, k]) => k === kind && title.includes(cue));
  if (has('问题')) return '问题';
  if (has('责任')) return '责任';
  const year = /((?:19|20)[0-9]{2})年/.exec(title);
  const headingYear = year ? Number(year[1]) : null;
  // A five-year chapter is 其他 unless it is this year's review (2025年和“十四五”时期工作回顾).
  if (has('其他') && !(headingYear !== null && headingYear === reportYear)) {
    if (!(/回顾/.test(title) && !/十五五|今后五年/.test(title))) return '其他';
  }
  if (/十四五|五年/.test(title) && /回顾|成就/.test(title) && !/十五五|今后/.test(title)) return '成效';
  if (headingYear !== null && reportYear !== null) {
    if (headingYear > reportYear) return '计划';
    if (headingYear === reportYear && !has('计划')) return '成效';
  }
  if (has('计划')) return '计划';
  if (has('成效')) return '成效';
  return null;
}

/** Splits the lines of a report into sections that cover every line once, in order. */
export function splitSections(lines: readonly string[], reportYear: number | null): Section[] {
  if (lines.length === 0) return [];
  const headings = lines.map(readHeading);
  const annexStart = findAnnex(lines, headings);
  const mainEnd = annexStart >= 0 ? annexStart : lines.length;
  const topStyle = chooseTopStyle(headings.slice(0, mainEnd), reportYear);

  // Top-level parts of the main text, each named by its heading or, when the heading names
  // a topic only (004: 二、着力规范行政权力运行), by the part before it.
  const parts: Section[] = [];
  let previous: SectionKind = '成效';
  for (let i = 0; i < mainEnd; i++) {
    const heading = headings[i];
    if (!heading || heading.style !== topStyle) continue;
    const kind: SectionKind = classifyTitle(heading.title, reportYear) ?? (previous === '计划' ? '计划' : '成效');
    parts.push({kind, heading: heading.text, start: i, end: i});
    previous = kind;
  }

  if (parts.length === 0) return setApartEnding(lines, paragraphSections(lines, mainEnd, reportYear));

  const sections: Section[] = [];
  const firstStart = parts[0]?.start ?? mainEnd;
  if (firstStart > 0) sections.push({kind: '前言', heading: '', start: 0, end: firstStart - 1});
  parts.forEach((part, index) => {
    part.end = (parts[index + 1]?.start ?? mainEnd) - 1;
    sections.push(part);
  });
  const main = setApartEnding(lines, sections.flatMap((section) => splitOutProblems(lines, section)));
  if (annexStart < 0) return main;
  return setApartEnding(lines, [...main, ...annexSections(lines, headings, annexStart, reportYear)]);
}

/** Picks the style of the top-level parts: the highest style that marks out named parts. */
function chooseTopStyle(headings: readonly (Heading | null)[], reportYear: number | null): Style | null {
  for (const style of STYLES) {
    const ofStyle = headings.filter((h): h is Heading => h !== null && h.style === style);
    const named = ofStyle.filter((h) => classifyTitle(h.title, reportYear) !== null);
    if (style === 'bare' ? named.length >= 2 : ofStyle.length >= 2 && named.length >= 1) return style;
    if (ofStyle.length === 1 && named.length === 1 && style !== 'bare') return style;
  }
  return null;
}

/** Finds where annexes begin (a line 附件 or 附件1 after the main text), or -1. */
function findAnnex(lines: readonly string[], headings: readonly (Heading | null)[]): number {
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    if (headings[i]?.style === 'bare' && /^(附件|附表)\s*[0-9一二三四五六七八九十]*$/.test(headings[i]!.title)) return i;
  }
  return -1;
}

/** Names each annex by its title: a list of next year's projects is a plan, a glossary is not. */
function annexSections(
  lines: readonly string[], headings: readonly (Heading | null)[], start: number, reportYear: number | null,
): Section[] {
  const out: Section[] = [];
  for (let i = start; i < lines.length; i++) {
    const heading = headings[i];
    if (i === start || (heading?.style === 'bare' && /^(附件|附表)/.test(heading.title))) {
      const titleLine = lines.slice(i + 1).find((line) => line.trim() !== '') ?? '';
      const kind = classifyTitle(titleLine, reportYear);
      out.push({kind: kind === '计划' ? '计划' : '其他', heading: lines[i]!.trim(), start: i, end: i});
    }
    out[out.length - 1]!.end = i;
  }
  return out;
}

/**
 * Splits a report written without part headings by its paragraphs: the opening (page junk,
 * title, the sentence that ends 报告如下) is 前言; the review follows; a problems paragraph
 * is 问题; from the first paragraph that opens with a plan (下一步…, or the next year) on,
 * it is 计划.
 */
function paragraphSections(lines: readonly string[], end: number, reportYear: number | null): Section[] {
  planOpeners ??= readWords('plan-openers.txt');
  let opening = 0;
  for (let i = 0; i < end; i++) {
    const text = lines[i]!.trim();
    if (text === '' || isJunkLine(text) || text.length < 40 && !/[。；;]/.test(text)) continue;
    opening = /如下[:：]?$/.test(text) || /^各位代表/.test(text) ? i + 1 : i;
    break;
  }
  let planStart = end;
  for (let i = opening; i < end; i++) {
    const head = lines[i]!.trim().slice(0, 12);
    const year = /^((?:19|20)[0-9]{2})年/.exec(head);
    if (planOpeners.some((opener) => head.includes(opener)) || (year && reportYear !== null && Number(year[1]) === reportYear + 1)) {
      planStart = i;
      break;
    }
  }
  const sections: Section[] = [];
  if (opening > 0) sections.push({kind: '前言', heading: '', start: 0, end: opening - 1});
  if (planStart > opening) sections.push({kind: '成效', heading: '', start: opening, end: planStart - 1});
  if (planStart < end) sections.push({kind: '计划', heading: '', start: planStart, end: end - 1});
  return sections.flatMap((section) => splitOutProblems(lines, section));
}

/** Cuts the problems paragraphs out of a part that is not itself about problems. */
function splitOutProblems(lines: readonly string[], section: Section): Section[] {
  if (section.kind === '问题' || section.kind === '前言') return [section];
  openers ??= readWords('problem-openers.txt');
  const out: Section[] = [];
  let cursor = section.start;
  let paragraphIndex = 0;
  for (let i = section.start + 1; i <= section.end; i++) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    paragraphIndex++;
    const heading = readHeading(text);
    // （四）存在的主要问题 inside a review: the sub-part up to the next heading of its style.
    if (heading !== null && heading.style !== 'bare' && isProblemsHeading(heading.title)) {
      let end = i;
      while (end + 1 <= section.end && readHeading(lines[end + 1]!)?.style !== heading.style) end++;
      if (i > cursor) out.push({...section, heading: cursor === section.start ? section.heading : '', start: cursor, end: i - 1});
      out.push({kind: '问题', heading: heading.text, start: i, end});
      cursor = end + 1;
      i = end;
      continue;
    }
    if (heading !== null) continue;
    if (section.kind === '计划' && paragraphIndex > PLAN_PROBLEM_WINDOW) break;
    if (section.kind === '其他' && !/回顾|成就|五年/.test(section.heading)) break;
    const head = text.slice(0, OPENER_WINDOW);
    if (!openers.some((opener) => head.includes(opener))) continue;
    let end = i;
    while (end + 1 <= section.end && continuesProblems(lines[end + 1]!)) end++;
    while (end + 1 <= section.end && lines[end + 1]!.trim() === '') end++;
    if (i > cursor) out.push({...section, heading: cursor === section.start ? section.heading : '', start: cursor, end: i - 1});
    out.push({kind: '问题', heading: '', start: i, end});
    cursor = end + 1;
    i = end;
  }
  if (cursor <= section.end) out.push({...section, heading: cursor === section.start ? section.heading : '', start: cursor, end: section.end});
  return out;
}

/** Tells whether a sub-heading's words announce the problems (存在的主要问题). */
function isProblemsHeading(title: string): boolean {
  problemHeadings ??= readWords('problem-headings.txt');
  return problemHeadings.some((phrase) => title.startsWith(phrase));
}

/** Tells whether a line goes on with the problems before it: a listed problem or the promise to solve them. */
function continuesProblems(line: string): boolean {
  const text = line.trim();
  if (/^([一二三四五六七八九十]是|[0-9][.、]|[(（][0-9一二三四五六七八九十][)）])/.test(text) && /问题|不足|不够|不强|不高|短板|薄弱|差距|缺乏|滞后|有待/.test(text)) return true;
  if (/^(针对|对于?|就)(上述|以上|这些|存在的)问题/.test(text)) return true;
  return text.length < 80 && /(认真|切实|着力|努力|加以|予以|逐步|研究)(加以)?(解决|改进|整改)|高度重视/.test(text);
}

/**
 * Sets the ending apart as 其他: page junk and signature lines after the last text, and a
 * closing exhortation (各位代表！…) that ends the main text.
 */
function setApartEnding(lines: readonly string[], sections: Section[]): Section[] {
  const last = sections[sections.length - 1];
  if (!last || last.kind === '其他' || last.kind === '前言') return sections;
  let start = last.end + 1;
  for (let i = last.end; i > last.start; i--) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    if (isJunkLine(text) || isSignature(text)) {
      start = i;
      continue;
    }
    break;
  }
  // The closing words to the deputies, when they are the last paragraph of a work report.
  const closing = previousText(lines, start - 1, last.start);
  if (closing >= 0 && /^各位代表[！!]/.test(lines[closing]!.trim())) start = closing;
  if (start > last.end) return sections;
  while (start <= last.end && lines[start]!.trim() === '') start++;
  const kept = {...last, end: start - 1};
  const ending: Section = {kind: '其他', heading: '', start, end: last.end};
  return [...sections.slice(0, -1), ...(kept.end >= kept.start ? [kept] : []), ending];
}

/** The index of the last non-blank line at or before `from`, not before `floor`, or -1. */
function previousText(lines: readonly string[], from: number, floor: number): number {
  for (let i = from; i > floor; i--) if (lines[i]!.trim() !== '') return i;
  return -1;
}

/** Tells whether a short line is a signature: the body's name or the date of the report. */
function isSignature(text: string): boolean {
  if (/^(?:(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月([0-9一二三四五六七八九十]{1,3}日)?$/.test(text)) return true;
  return isSignatureName(text);
}

/** Tells whether a short line is the name of an office signing the report (石坝乡人民政府). */
export function isSignatureName(text: string): boolean {
  return text.length >= 3 && text.length <= 30 && !/[。；;，,：:！!？?0-9]/.test(text) && /(局|政府|委员会|办公室|办事处|镇|街道|厅|委|中心)$/.test(text);
}
