/**
 * Normalised lines → who reported on which year: the title line, the reporting body and
 * the year reported on (not the year published: a 2026 government work report reviews 2025),
 * and the kind of report, which decides what `check` requires of it.
 */
import {readWords} from '../lexicon.js';
import {isJunkLine} from './junk.js';
import {classifyTitle, isSignatureName, readHeading} from './sections.js';

/** Tells whether a line is a numbered heading (一、…), which a title never is. */
function isNumberedHeading(text: string): boolean {
  const heading = readHeading(text);
  return heading !== null && heading.style !== 'bare';
}

/** The kinds of report the tool knows the required parts of. */
export type ReportKind = 'rule-of-law' | 'government-work' | 'other';

export interface Metadata {
  title: string;
  /** Index of the title line, or -1 when the report has none. */
  titleLine: number;
  org: string;
  year: number | null;
  kind: ReportKind;
}

/** How far into a report its title may stand (after page junk). */
const TITLE_WINDOW = 25;
const YEAR = /(?<![0-9])((?:19|20)[0-9]{2})(?=年)/g;

/** Reads title, org, year and kind from the lines of a report. */
export function readMetadata(lines: readonly string[]): Metadata {
  const titleLine = findTitle(lines);
  const title = titleLine >= 0 ? lines[titleLine]!.trim() : '';
  const body = lines.join('\n');
  const kind: ReportKind = /政府工作报告/.test(title) || (/各位代表/.test(body.slice(0, 3000)) && /政府工作/.test(body.slice(0, 3000)))
    ? 'government-work'
    : /法治政府|依法行政|法治建设/.test(title || body.slice(0, 2000))
      ? 'rule-of-law'
      : 'other';
  const year = findYear(lines, title, kind);
  const org = findOrg(lines, title, kind);
  return {title, titleLine, org, year, kind};
}

/** Finds the title: an early short line that names a report and does not end a sentence. */
function findTitle(lines: readonly string[]): number {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < TITLE_WINDOW; i++) {
    const text = lines[i]!.trim();
    if (text === '' || isJunkLine(text)) continue;
    seen++;
    if (text.length > 60 || /[。；;，,：:！!？?]$/.test(text) || text.startsWith('——') || isNumberedHeading(text)) continue;
    if (/(报告|总结|情况)$/.test(text) || /(报告|总结)/.test(text) && text.length <= 40) return i;
  }
  return -1;
}

/** Finds the year reported on. */
function findYear(lines: readonly string[], title: string, kind: ReportKind): number | null {
  const titleYear = firstYear(title);
  if (kind === 'government-work') {
    // A work report is given early in the year after the one it reviews.
    if (titleYear !== null) return titleYear - 1;
    for (const line of lines.slice(0, TITLE_WINDOW)) {
      const date = /^——\s*((?:19|20)[0-9]{2})年/.exec(line.trim());
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
  for (const line of lines) {
    if (isJunkLine(line)) continue;
    const year = firstYear(line);
    if (year === null) continue;
    // 三、2024年工作计划 plans for the year after the one reported on.
    const heading = readHeading(line);
    return heading && classifyTitle(heading.title.replace(/(?:19|20)[0-9]{2}年度?/, ''), null) === '计划' ? year - 1 : year;
  }
  return null;
}

/** The first year in running text, skipping titles of documents, ranges and full dates. */
export function firstYear(text: string): number | null {
  const cleaned = text
    .replace(/《[^》]*》/g, (m) => ' '.repeat(m.length))
    .replace(/[〔［\[][^〕］\]]*[〕］\]]/g, (m) => ' '.repeat(m.length))
    .replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length));
  for (const match of cleaned.matchAll(YEAR)) {
    const after = cleaned.slice(match.index + 5, match.index + 12);
    const before = cleaned.slice(Math.max(0, match.index - 1), match.index);
    if (/^[0-9]{1,2}月[0-9]{1,2}日/.test(after) && before !== '') continue;
    if (/[-—–~～至到]$/.test(before)) continue;
    return Number(match[1]);
  }
  return null;
}

/** Finds the reporting body: from the title, else from how the report names itself. */
function findOrg(lines: readonly string[], title: string, kind: ReportKind): string {
  const fromTitle = title
    .replace(/((?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})年度?/g, '')
    .replace(/(关于|法治政府建设|依法行政|法治建设|政府工作报告|工作情况|情况|年度|工作|报告|总结|的).*$/, '')
    .trim();
  if (kind === 'government-work') {
    const place = fromTitle || placeOfSpeaker(lines);
    return place ? `${place.replace(/人民政府$|政府$/, '')}人民政府` : '';
  }
  if (fromTitle.length >= 2) return fromTitle;
  return orgFromText(lines.join('\n')) || orgFromSignature(lines);
}

/** The body named in the signature: a short line near the end ending like an office's name. */
function orgFromSignature(lines: readonly string[]): string {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) {
    const text = lines[i]!.trim();
    if (isSignatureName(text)) return text;
  }
  return '';
}

/** The province, city or county of the speaker line of a work report (广东省省长 …). */
function placeOfSpeaker(lines: readonly string[]): string {
  for (const line of lines.slice(0, TITLE_WINDOW)) {
    const match = /^([\u4e00-\u9fff]{2,8}?[省市县区])(?:省长|市长|县长|区长|代省长|代市长)/.exec(line.trim());
    if (match) return match[1]!;
  }
  return '';
}

/**
 * Finds the body a report calls 我局/我镇/我县: a full name in the text that ends the same
 * way (清远市清城区民政局), else one composed of the place it names most and the line of
 * work it talks about most (连平县 + 民政 + 局).
 */
function orgFromText(text: string): string {
  const selfNames = new Map<string, number>();
  for (const match of text.matchAll(/我([局镇县区市委办厅院街])/g)) {
    selfNames.set(match[1]!, (selfNames.get(match[1]!) ?? 0) + 1);
  }
  const suffix = [...selfNames].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!suffix) return '';
  const fullNames = new Map<string, number>();
  const fullName = new RegExp(`[\\u4e00-\\u9fff]{2,12}?[省市县区镇](?:[\\u4e00-\\u9fff]{2,6}?[市县区])?[\\u4e00-\\u9fff]{0,6}${suffix}(?![\\u4e00-\\u9fff]{0,1}[长])`, 'g');
  for (const match of text.matchAll(fullName)) {
    const name = match[0].replace(/^.*?(?:在|对|由|和|与|将|向|经|是|的|为|举办|推进|按照)/, '');
    if (name.length >= 3 && !/^[我全本各该]/.test(name)) fullNames.set(name, (fullNames.get(name) ?? 0) + 1);
  }
  if (fullNames.size > 0) {
    return [...fullNames].sort((a, b) => b[0].length - a[0].length || b[1] - a[1])[0]![0];
  }
  if (suffix !== '局') return '';
  // A county's name stands after punctuation or a preposition (，连平县共登记; 将连平县人民政府),
  // which sets it apart from words that end in 县 (依法治县, 全县).
  const places = new Map<string, number>();
  for (const match of text.matchAll(/(?<=^|[，,。；;：:、“"（(\s在将对由于是与和及])([\u4e00-\u9fff]{2})县/gm)) {
    places.set(match[1]!, (places.get(match[1]!) ?? 0) + 1);
  }
  const place = [...places].sort((a, b) => b[1] - a[1])[0]?.[0];
  const departments = readWords('departments.txt');
  let best = '';
  let bestCount = 0;
  for (const department of departments) {
    const count = text.split(department).length - 1;
    if (count > bestCount) [best, bestCount] = [department, count];
  }
  return place && best ? `${place}县${best}局` : '';
}
