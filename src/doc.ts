/**
 * The document model: one `Doc` per file, built once from its extracted lines. For each
 * line it holds the normalised text, the source line, the heading it is (style, title), whether
 * it is page furniture, and the years and time words it mentions. Every stage after this one
 * reads these from the Doc instead of computing them again; stages add their results to it.
 */
import {alternation, readList} from './lexicon.js';
import {readHeading, type Heading} from './stages/headings.js';
import {isJunkLine} from './stages/junk.js';
import type {FoundIndicator} from './stages/indicators.js';
import type {Metadata} from './stages/metadata.js';
import type {Lines, Script, Section} from './types.js';

/** How a time word places a paragraph relative to the year reported on (data/time-words.tsv). */
export type TimeRelation = 'review' | 'previous' | 'period' | 'next' | 'current' | 'outline';

/** A time word found in a line, and where it stands. */
export interface TimeWord {
  word: string;
  relation: TimeRelation;
  /** Offset in the line, in UTF-16 code units. */
  offset: number;
}

/** A year named in a line (2021年), and where it stands. */
export interface YearMention {
  year: number;
  offset: number;
}

/** One file's text and what is known of each of its lines. */
export interface Doc {
  file: string;
  /** Normalised lines, one per extracted line. */
  lines: string[];
  /** For each line, the 1-based line of the source it starts on. */
  source: number[];
  sourceLineCount: number;
  /** The page's <title> for HTML, normalised like the lines, or ''. */
  pageTitle: string;
  /** For each line, the 1-based page it starts on (PDF only). */
  page?: number[];
  script: Script;
  headings: (Heading | null)[];
  junk: boolean[];
  years: YearMention[][];
  times: TimeWord[][];
  /** Added by the stages, in order: who reported on which year, the sections, their words, the indicators. */
  meta?: Metadata;
  sections?: Section[];
  words?: SectionWords[] | null;
  indicators?: FoundIndicator[];
  /** For each indicator, its metric id ('' for none). */
  metrics?: string[];
  /** For each indicator, whether it is a goal rather than a result. */
  targets?: boolean[];
}

/** The words of a section: how many, and the top keywords. */
export interface SectionWords {
  count: number;
  keywords: string[];
}

let timeWords: {pattern: RegExp; relation: Map<string, TimeRelation>} | undefined;

/** Builds the document model of a file from its extracted and normalised lines. */
export function buildDoc(file: string, extracted: Lines, normalised: readonly string[], script: Script, pageTitle = ''): Doc {
  const lines = [...normalised];
  return {
    file,
    lines,
    source: extracted.source,
    sourceLineCount: extracted.sourceLineCount,
    pageTitle,
    ...(extracted.page ? {page: extracted.page} : {}),
    script,
    headings: lines.map(readHeading),
    junk: lines.map(isJunkLine),
    years: lines.map(yearsIn),
    times: lines.map(timeWordsIn),
  };
}

/** Finds the years a line names (2021年, 2021年度), skipping titles of documents and document numbers. */
export function yearsIn(line: string): YearMention[] {
  if (!/(?:19|20)[0-9]{2}年/.test(line)) return [];
  const cleaned = line
    .replace(/《[^》]*》/g, (m) => ' '.repeat(m.length))
    .replace(/[〔［\[][^〕］\]]*[〕］\]]/g, (m) => ' '.repeat(m.length));
  const out: YearMention[] = [];
  for (const match of cleaned.matchAll(/(?<![0-9])((?:19|20)[0-9]{2})(?=年)/g)) out.push({year: Number(match[1]), offset: match.index});
  return out;
}

/** Finds the time words of a line (一年来, 下一步, 今年…), longest first, without overlaps. */
export function timeWordsIn(line: string): TimeWord[] {
  if (!timeWords) {
    const rows = readList('time-words.tsv');
    const relation = new Map(rows.map(([word, kind]) => [word ?? '', (kind ?? 'review') as TimeRelation]));
    timeWords = {pattern: new RegExp(alternation([...relation.keys()]), 'g'), relation};
  }
  const out: TimeWord[] = [];
  for (const match of line.matchAll(timeWords.pattern)) {
    out.push({word: match[0], relation: timeWords.relation.get(match[0])!, offset: match.index});
  }
  return out;
}
