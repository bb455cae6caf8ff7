/**
 * The analysis of one file, as one pure function from its path and bytes to its rows and
 * messages: decode → extract lines → normalise → metadata → sections → words →
 * indicators. It touches no file system, so it can run in a worker thread, and it never
 * throws for bad content: a file that cannot be analysed becomes a row with status error.
 */
import {checkReport, type CheckInput, type Language} from './check/rules.js';
import type {CheckSettings} from './check/settings.js';
import {message, oneLine, RULES} from './messages.js';
import type {FileResult, Indicator, Lines, Message, ReportRow, Section, SectionRow} from './types.js';
import {decode} from './stages/decode.js';
import {htmlLines, looksLikeHtml, splitLines} from './stages/extract.js';
import {findIndicators} from './stages/indicators.js';
import {readMetadata} from './stages/metadata.js';
import {normalize} from './stages/normalize.js';
import {splitSections} from './stages/sections.js';
import {countWords, DEFAULT_SEGMENTER, keywords, useSegmenter, type SegmenterName} from './stages/segment.js';

/** What the analysis of one file needs to know besides its bytes. */
export interface AnalyzeOptions {
  /** Count words and rank keywords (loads jieba's dictionary). */
  words: boolean;
  /** Keywords listed per section. */
  keywords: number;
  /** Label indicators (jieba's parts of speech); default true. */
  labels?: boolean;
  /** The jieba engine; default jieba-rs. */
  segmenter?: SegmenterName;
  /** Run the completeness rules, adding their findings to the messages. */
  check?: {settings: CheckSettings; lang: Language};
}

/** One input file: how it is named in the output, and its bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

/** Analyses one file; content problems become messages, never exceptions. */
export function analyzeFile(source: SourceFile, options: AnalyzeOptions): FileResult {
  try {
    return analyzeBytes(source, options);
  } catch (error) {
    // A bug must not cost the user the rest of the run: report it against this file.
    const reason = `internal error while analysing: ${oneLine(error instanceof Error ? error.message : String(error))}`;
    return failedFile(source.file, reason, '', RULES.internal);
  }
}

/** The row for a file that could not be analysed, with the message saying why. */
export function failedFile(file: string, reason: string, encoding: string, ruleId: string): FileResult {
  return {
    report: emptyReport(file, {status: 'error', error: reason, encoding}),
    kind: '',
    sections: [],
    indicators: [],
    messages: [message(file, 'error', ruleId, reason)],
  };
}

function analyzeBytes({file, bytes}: SourceFile, options: AnalyzeOptions): FileResult {
  useSegmenter(options.segmenter ?? DEFAULT_SEGMENTER);
  const messages: Message[] = [];
  const decoded = decode(bytes);
  if (decoded.failure) return failedFile(file, decoded.failure, '', RULES.binary);
  if (decoded.replaced > 0) {
    messages.push(message(file, 'warning', RULES.decodeReplaced,
      `${decoded.replaced} byte(s) are not valid ${decoded.encoding} and were replaced with U+FFFD`));
  }

  const lines: Lines = looksLikeHtml(file, decoded.text) ? htmlLines(decoded.text) : splitLines(decoded.text);
  const {lines: text, script} = normalize(lines.text);
  const chars = countChars(text.join(''));
  if (chars === 0) {
    // For a completeness check an empty file is an error: it lacks every part.
    messages.push(message(file, options.check ? 'error' : 'warning', RULES.empty, options.check?.lang === 'en' ? 'the file has no text' : options.check ? '文件没有任何文本' : 'the file has no text'));
    return {report: emptyReport(file, {status: 'empty', encoding: decoded.encoding}), kind: '', sections: [], indicators: [], messages};
  }

  const meta = readMetadata(text);
  const sections = splitSections(text, meta.year);
  const kindOfLine = new Array<Section['kind']>(text.length);
  for (const section of sections) for (let i = section.start; i <= section.end; i++) kindOfLine[i] = section.kind;

  const words = options.words ? sections.map((section) => sectionWords(text.slice(section.start, section.end + 1), options.keywords)) : null;
  const sectionRows = toSectionRows(file, sections, text, lines, words);
  const indicators: Indicator[] = findIndicators(text, options.labels ?? true).map((found) => ({
    file,
    year: meta.year,
    org: meta.org,
    section: kindOfLine[found.line] ?? '其他',
    line: lines.source[found.line] ?? found.line + 1,
    category: found.category,
    label: found.label,
    raw: found.raw,
    value: found.value,
    value_max: found.valueMax,
    unit: found.unit,
    qualifier: found.qualifier,
    sentence: found.sentence,
  }));

  const kinds: string[] = [];
  for (const section of sections) {
    if (section.kind !== '前言' && section.kind !== '其他' && kinds[kinds.length - 1] !== section.kind) kinds.push(section.kind);
  }
  const report: ReportRow = {
    file,
    title: meta.title,
    org: meta.org,
    year: meta.year,
    encoding: decoded.encoding,
    script,
    chars,
    words: words ? words.reduce((sum, section) => sum + section.count, 0) : 0,
    sections: kinds.join(';'),
    indicators: indicators.length,
    status: 'ok',
    error: '',
  };
  if (options.check) {
    const input: CheckInput = {file, lines: text, source: lines.source, meta, sections, indicators: indicators.length};
    messages.push(...checkReport(input, options.check.settings, options.check.lang));
  }
  return {report, kind: meta.kind, sections: sectionRows, indicators, messages};
}

/**
 * Turns sections over normalised lines into rows over source lines. Where several text
 * lines share one source line (HTML with many blocks on a line), the line goes to the
 * section that starts last on it; a section left with no line of its own hands its text
 * to the row that takes its line, so rows never overlap and no text is dropped.
 */
function toSectionRows(
  file: string, sections: readonly Section[], text: readonly string[], lines: Lines,
  words: readonly SectionWords[] | null,
): SectionRow[] {
  const rows: SectionRow[] = [];
  let carried = {chars: 0, words: 0};
  sections.forEach((section, index) => {
    const isFirst = index === 0;
    const isLast = index === sections.length - 1;
    const lineStart = isFirst ? 1 : lines.source[section.start] ?? 1;
    const next = sections[index + 1];
    const lineEnd = isLast ? lines.sourceLineCount : (lines.source[next!.start] ?? lines.sourceLineCount) - 1;
    const previous = rows[rows.length - 1];
    const start = previous ? Math.max(lineStart, previous.line_end + 1) : lineStart;
    const count = words?.[index]?.count ?? 0;
    const chars = countChars(text.slice(section.start, section.end + 1).join(''));
    if (start > lineEnd) {
      carried = {chars: carried.chars + chars, words: carried.words + count};
      return;
    }
    rows.push({
      file,
      section: section.kind,
      heading: section.heading,
      line_start: start,
      line_end: lineEnd,
      chars: chars + carried.chars,
      words: count + carried.words,
      keywords: words?.[index]?.keywords ?? [],
    });
    carried = {chars: 0, words: 0};
  });
  return rows;
}

/** The words of a section: how many, and the top keywords. */
interface SectionWords {
  count: number;
  keywords: string[];
}

/** Counts the words of a section's lines and ranks its keywords. */
function sectionWords(lines: readonly string[], keywordCount: number): SectionWords {
  const {count, frequency} = countWords(lines);
  return {count, keywords: keywords(frequency, keywordCount)};
}

/** Counts the characters of a text that are not white space. */
function countChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** A report row with nothing found yet. */
function emptyReport(file: string, fields: Partial<ReportRow>): ReportRow {
  return {
    file, title: '', org: '', year: null, encoding: '', script: '', chars: 0, words: 0,
    sections: '', indicators: 0, status: 'ok', error: '', ...fields,
  };
}
