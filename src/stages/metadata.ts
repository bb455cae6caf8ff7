/**
 * Normalised lines → who reported on which year: the title line, the reporting body (found
 * by ./org.ts) with its place, organ and level, the year reported on (not the year
 * published: a 2026 government work report reviews 2025), the date of publication or
 * signature, and the kind of report, which decides what `check` requires of it.
 */
import {buildDoc, yearsIn, type Doc} from '../doc.js';
import {classifyTitle, type Heading} from './headings.js';
import {findBody, pageTitleReport} from './org.js';
import type {Level} from './places.js';

/** What metadata reads of the Doc: the lines, the heading and junk flag of each, the page title. */
export type MetadataInput = Pick<Doc, 'lines' | 'headings' | 'junk' | 'pageTitle'>;

/** Tells whether a heading is a numbered one (一、…), which a title never is. */
function isNumberedHeading(heading: Heading | null): boolean {
  return heading !== null && heading.style !== 'bare';
}

/** The kinds of report the tool knows the required parts of. */
export type ReportKind = 'rule-of-law' | 'government-work' | 'other';

/** The kinds of report as the tables name them. */
export const KIND_NAMES: Record<ReportKind, string> = {
  'rule-of-law': '法治政府建设年度报告',
  'government-work': '政府工作报告',
  other: '其他工作报告',
};

export interface Metadata {
  title: string;
  /** Index of the title line, or -1 when the report has none (or the title is the page's). */
  titleLine: number;
  org: string;
  /** The place of the body, as specific as the report tells (保定市清苑区); ''. */
  region: string;
  /** The administrative level of the body's place; '' when unknown. */
  level: Level | '';
  /** The organ (人民政府, 民政局, 街道办事处); ''. */
  department: string;
  year: number | null;
  kind: ReportKind;
  /** The date of publication (portal metadata) or signature, ISO (2022-03-07); ''. */
  published: string;
  /** Line index of the publication date, or -1. */
  publishedLine: number;
}

/** How far into a report its title may stand (after page junk). */
const TITLE_WINDOW = 25;

/**
 * Reads title, body, year, kind and publication date from the lines of a report; for an
 * HTML page, `pageTitle` is its <title>, used when no line of the text is a title.
 */
export function readMetadata(input: MetadataInput | readonly string[], title = ''): Metadata {
  const doc = isLines(input) ? buildDoc('', {text: [...input], source: [], sourceLineCount: input.length}, input, '', title) : input;
  const {lines, pageTitle} = doc;
  const titleLine = findTitle(doc);
  const pageReport = pageTitleReport(pageTitle);
  const reportTitle = titleLine >= 0 ? titleText(lines[titleLine]!) : pageReport;
  const head = lines.slice(0, 80).join('\n').slice(0, 3000);
  const kind: ReportKind = /政府工作报告/.test(reportTitle) || (/各位代表/.test(head) && /政府工作|人民代表大会|向大会报告|报告工作/.test(head))
    ? 'government-work'
    : /法治政府|依法行政|法治建设/.test(reportTitle || head.slice(0, 2000))
      ? 'rule-of-law'
      : 'other';
  const year = findYear(doc, reportTitle, kind);
  const body = findBody(lines, {title: reportTitle, pageTitle, governmentWork: kind === 'government-work', junk: doc.junk});
  const published = findPublished(lines);
  return {
    title: reportTitle, titleLine: titleLine >= 0 ? titleLine : -1, org: body.org, region: body.region, level: body.level,
    department: body.department, year, kind, published: published.date, publishedLine: published.index,
  };
}

/** Tells whether the input is plain lines rather than a Doc. */
function isLines(input: MetadataInput | readonly string[]): input is readonly string[] {
  return Array.isArray(input);
}

/** A title line without a label (标题：…) or a bullet before it. */
function titleText(line: string): string {
  return line.trim().replace(/^[•·●◆■□▪※\-*>\s]+/, '').replace(/^(?:标题|题目|文章标题|名称)\s*[:：]\s*/, '').trim();
}

/**
 * Finds the title: an early short line that names a report and does not end a sentence;
 * a navigation item (• 开题报告) or a bare 工作报告 is no title when a fuller one follows.
 */
function findTitle({lines, junk, headings}: MetadataInput): number {
  let seen = 0;
  let generic = -1;
  for (let i = 0; i < lines.length && seen < TITLE_WINDOW; i++) {
    const raw = lines[i]!.trim();
    if (raw === '' || junk[i]) continue;
    seen++;
    if (/^[•·●◆■□▪※>]/.test(raw)) continue;
    const text = titleText(raw);
    if (text.length > 60 || /[。；;，,：:！!？?]/.test(text) || text.startsWith('——') || isNumberedHeading(headings[i] ?? null)) continue;
    if (!(/(报告|总结|情况)$/.test(text) || /(报告|总结)/.test(text) && text.length <= 40)) continue;
    // 工作报告, 开题报告: a report's kind with nothing of its own; keep looking for a fuller one.
    if (text.replace(/\s+/g, '').length <= 4) {
      if (generic < 0) generic = i;
      continue;
    }
    return i;
  }
  return generic >= 0 && /政府工作报告/.test(lines[generic]!) ? generic : -1;
}

/** Finds the year reported on. */
function findYear({lines, junk, headings}: MetadataInput, title: string, kind: ReportKind): number | null {
  const titleYear = firstYear(title);
  if (kind === 'government-work') {
    // A work report is given early in the year after the one it reviews (2003年…政府工作报告,
    // 2003年1月…在…人民代表大会上: 2002).
    if (titleYear !== null) return titleYear - 1;
    const head = arabicDates(lines.slice(0, 2 * TITLE_WINDOW).join('').replace(/\s+/g, ''));
    const delivered = /((?:19|20)[0-9]{2})年[0-9]{1,2}月(?:[0-9]{1,2}日)?在[\u4e00-\u9fff]{0,30}?人民代表大会/.exec(head);
    if (delivered) return Number(delivered[1]) - 1;
    for (const line of lines.slice(0, TITLE_WINDOW)) {
      const date = /^——\s*((?:19|20)[0-9]{2})年/.exec(line.trim());
      if (date) return Number(date[1]) - 1;
    }
    // The day it was given, alone on a line under the title: （2019年1月8日）.
    for (const line of lines.slice(0, TITLE_WINDOW)) {
      const date = /^[（(【\[—-]*((?:19|20)[0-9]{2})年[0-9]{1,2}月(?:[0-9]{1,2}日)?[）)】\]]?$/.exec(arabicDates(line.replace(/\s+/g, '')));
      if (date) return Number(date[1]) - 1;
    }
    for (const line of lines) {
      if (/回顾/.test(line) && line.length < 40) {
        const year = firstYear(line);
        if (year !== null) return year;
      }
    }
  }
  if (titleYear !== null) return titleYear;
  for (const [i, line] of lines.entries()) {
    if (junk[i]) continue;
    const year = firstYear(line);
    if (year === null) continue;
    // 三、2024年工作计划 plans for the year after the one reported on.
    const heading = headings[i];
    return heading && classifyTitle(heading.title.replace(/(?:19|20)[0-9]{2}年度?/, ''), null) === '计划' ? year - 1 : year;
  }
  return null;
}

/** The first year in running text, skipping titles of documents, ranges and full dates. */
export function firstYear(text: string): number | null {
  // Years in brackets date or number another document (…条例(2019年修订)).
  const cleaned = text.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length));
  for (const {year, offset} of yearsIn(cleaned)) {
    const after = cleaned.slice(offset + 5, offset + 12);
    const before = cleaned.slice(Math.max(0, offset - 1), offset);
    if (/^[0-9]{1,2}月[0-9]{1,2}日/.test(after) && before !== '') continue;
    if (/[-—–~～至到]$/.test(before)) continue;
    return year;
  }
  return null;
}

/**
 * Finds the date of publication: a portal field near the top (发布日期 before 成文日期
 * before a bare 时间), else the date under the signature, else the day a work report was
 * delivered (——2021年1月20日在…人民代表大会…); as an ISO date with its line index.
 */
export function findPublished(lines: readonly string[]): {date: string; index: number} {
  const date = /((?:19|20)[0-9]{2})(?:[-./年])([0-9]{1,2})(?:[-./月])([0-9]{1,2})日?/;
  const iso = (m: RegExpExecArray): string => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const head = Math.min(lines.length, 25);
  for (const label of ['发布日期|发布时间|公开日期', '成文日期|印发日期', '时间']) {
    const field = new RegExp(`(?:${label})\\s*[:：]\\s*(.*)$`);
    for (let i = 0; i < head; i++) {
      const labelled = field.exec(lines[i]!);
      const match = labelled ? date.exec(labelled[1]!) : null;
      if (match && validDate(match)) return {date: iso(match), index: i};
    }
  }
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) {
    const match = /^((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日$/.exec(arabicDates(lines[i]!.trim()));
    if (match && validDate(match)) return {date: iso(match), index: i};
  }
  for (let i = 0; i < head; i++) {
    const match = /((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日在[\u4e00-\u9fff]{0,30}?(?:人民代表大会|$)/.exec(arabicDates(lines[i]!.replace(/\s+/g, '')));
    if (match && validDate(match)) return {date: iso(match), index: i};
  }
  return {date: '', index: -1};
}

const CHINESE_DIGITS: Record<string, number> = {〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9};

/** Reads a Chinese number of one to thirty-one (十二, 二十五, 三十一) as a number. */
function chineseNumber(text: string): number {
  if (!text.includes('十')) return CHINESE_DIGITS[text] ?? NaN;
  const [tens, ones] = text.split('十');
  return (tens === '' ? 1 : CHINESE_DIGITS[tens!] ?? NaN) * 10 + (ones === '' ? 0 : CHINESE_DIGITS[ones!] ?? NaN);
}

/** Writes dates in Chinese numerals (二〇二一年一月二十日) in Arabic ones (2021年1月20日). */
function arabicDates(text: string): string {
  return text.replace(/([〇零O一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?/g, (all, year: string, month?: string, day?: string) => {
    const y = [...year].map((c) => CHINESE_DIGITS[c]).join('');
    const m = month ? chineseNumber(month) : NaN;
    const d = day ? chineseNumber(day) : NaN;
    if (month && Number.isNaN(m) || day && Number.isNaN(d)) return all;
    return `${y}年${month ? `${m}月` : ''}${day ? `${d}日` : ''}`;
  });
}

/** Tells whether a matched year, month and day make a date of the calendar. */
function validDate(match: RegExpExecArray): boolean {
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
