/**
 * The analysis of one file, as one pure function from its path and bytes to its rows and
 * messages: decode → extract lines → normalise → metadata → sections → words →
 * indicators. It touches no file system, so it can run in a worker thread, and it never
 * throws for bad content: a file that cannot be analysed becomes a row with status error.
 */
import {checkReport, type CheckedDoc} from './check/rules.js';
import type {CheckSettings} from './check/settings.js';
import {message, oneLine, RULES, say, type Language, type Text} from './messages.js';
import type {Excerpt, FileResult, Indicator, Lines, Message, ReportRow, Section, SectionRow} from './types.js';
import type {Extracted} from './stages/extract/index.js';
import {decode} from './stages/decode.js';
import {textLines} from './stages/extract.js';
import {findIndicators} from './stages/indicators.js';
import {assignMetrics, targetsOf} from './stages/metrics.js';
import {KIND_NAMES, readMetadata} from './stages/metadata.js';
import {normalize} from './stages/normalize.js';
import {sectionsOf} from './stages/sections.js';
import {buildDoc, type Doc, type SectionWords} from './doc.js';
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
  /** Language of the messages: Chinese (default) or English. */
  lang?: Language;
  /** Characters of text kept from the start of each 问题 part, for the report page; none when absent. */
  excerpts?: number;
}

/** One input file: how it is named in the output, and its bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
  /** The lines of a binary document (.docx, .doc, .pdf), extracted by the async step before. */
  extracted?: Extracted;
}

/** Analyses one file; content problems become messages, never exceptions. */
export function analyzeFile(source: SourceFile, options: AnalyzeOptions): FileResult {
  try {
    return analyzeBytes(source, options);
  } catch (error) {
    // A bug must not cost the user the rest of the run: report it against this file.
    return failedFile(source.file, internalError(error), '', RULES.internal, options.lang);
  }
}

/** Says that the analysis itself failed (a bug), with the error's own words. */
export function internalError(error: unknown): Text {
  const detail = oneLine(error instanceof Error ? error.message : String(error));
  return {zh: `分析时出现内部错误（这是程序缺陷，请报告）：${detail}`, en: `internal error while analysing (a bug; please report it): ${detail}`};
}

/** The row for a file that could not be analysed, with the message saying why. */
export function failedFile(file: string, why: Text, encoding: string, ruleId: string, lang: Language = 'zh'): FileResult {
  const reason = say(why, lang);
  return {
    report: emptyReport(file, {status: 'error', error: reason, encoding}),
    kind: '',
    sections: [],
    indicators: [],
    messages: [message(file, 'error', ruleId, reason)],
  };
}

function analyzeBytes({file, bytes, extracted}: SourceFile, options: AnalyzeOptions): FileResult {
  useSegmenter(options.segmenter ?? DEFAULT_SEGMENTER);
  const messages: Message[] = [];
  const lang = options.check?.lang ?? options.lang ?? 'zh';
  const decoded = extracted ? {text: '', encoding: extracted.encoding, replaced: 0} as ReturnType<typeof decode> : decode(bytes);
  if (decoded.failure) return failedFile(file, decoded.failure, '', RULES.binary, lang);
  if (decoded.replaced > 0) {
    const n = decoded.replaced;
    messages.push(message(file, 'warning', RULES.decodeReplaced, say({
      zh: `${n} 个字节不是有效的 ${decoded.encoding}，已替换为 U+FFFD；请检查文件是否完整`,
      en: `${n} byte${n === 1 ? ' is' : 's are'} not valid ${decoded.encoding} and ${n === 1 ? 'was' : 'were'} replaced with U+FFFD; check that the file is complete`,
    }, lang)));
  }

  const lines: Lines = extracted ? extracted.lines : textLines(file, decoded.text);
  const {lines: text, script} = normalize(lines.text);
  const chars = countChars(text.join(''));
  if (chars === 0) {
    // For a completeness check an empty file is an error: it lacks every part.
    messages.push(message(file, options.check ? 'error' : 'warning', RULES.empty, say({zh: '文件没有任何文本', en: 'the file has no text'}, lang)));
    return {report: emptyReport(file, {status: 'empty', encoding: decoded.encoding}), kind: '', sections: [], indicators: [], messages};
  }

  const doc = buildDoc(file, lines, text, script, lines.title ? normalize([lines.title]).lines[0] ?? '' : '');
  for (const stage of STAGES) stage.run(doc, options);
  const result = toResult(doc, decoded.encoding, chars, messages);
  if (options.excerpts) result.excerpts = problemExcerpts(doc, options.excerpts);
  // The completeness rules read the finished Doc; they are no stage of the analysis.
  if (options.check) result.messages.push(...checkReport(doc as CheckedDoc, options.check.settings, options.check.lang));
  return result;
}

/** A stage of the analysis: a named function that reads the Doc and adds its findings to it. */
export interface Stage {
  name: string;
  run: (doc: Doc, options: AnalyzeOptions) => void;
}

/** The stages, in order; each reads what the ones before it added. */
export const STAGES: readonly Stage[] = [
  {name: 'metadata', run: (doc) => { doc.meta = readMetadata(doc); }},
  {name: 'sections', run: (doc) => { doc.sections = sectionsOf(doc, {reportYear: doc.meta!.year, kind: doc.meta!.kind}); }},
  {name: 'words', run: (doc, options) => {
    doc.words = options.words ? doc.sections!.map((section) => sectionWords(doc.lines.slice(section.start, section.end + 1), options.keywords)) : null;
  }},
  {name: 'indicators', run: (doc, options) => { doc.indicators = findIndicators(doc.lines, options.labels ?? true); }},
  {name: 'metrics', run: (doc, options) => {
    doc.metrics = options.labels === false ? [] : assignMetrics(doc.lines, doc.indicators!);
    doc.targets = targetsOf(doc.lines, doc.sections!, doc.indicators!, doc.meta!.year);
  }},
];

/** Turns a finished Doc into the rows of the three tables. */
function toResult(doc: Doc, encoding: string, chars: number, messages: Message[]): FileResult {
  const {file, lines: text} = doc;
  const meta = doc.meta!;
  const sections = doc.sections!;
  const words = doc.words ?? null;
  const kindOfLine = new Array<Section['kind']>(text.length);
  for (const section of sections) for (let i = section.start; i <= section.end; i++) kindOfLine[i] = section.kind;
  const lines: Lines = {text, source: doc.source, sourceLineCount: doc.sourceLineCount};
  const sectionRows = toSectionRows(file, sections, text, lines, words);
  const indicators: Indicator[] = doc.indicators!.map((found, index) => ({
    file,
    year: meta.year,
    org: meta.org,
    section: kindOfLine[found.line] ?? '其他',
    line: doc.source[found.line] ?? found.line + 1,
    category: found.category,
    label: found.label,
    raw: found.raw,
    value: found.value,
    value_max: found.valueMax,
    unit: found.unit,
    qualifier: found.qualifier,
    sentence: found.sentence,
    region: meta.region,
    level: meta.level,
    page: doc.page?.[found.line] ?? null,
    metric: doc.metrics?.[index] ?? '',
    target: doc.targets?.[index] ? 'yes' : '',
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
    encoding,
    script: doc.script,
    chars,
    words: words ? words.reduce((sum, section) => sum + section.count, 0) : 0,
    sections: kinds.join(';'),
    indicators: indicators.length,
    status: 'ok',
    error: '',
    kind: KIND_NAMES[meta.kind],
    level: meta.level,
    region: meta.region,
    department: meta.department,
    published: meta.published,
  };
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


/** Takes the opening words of each 问题 part, its heading left out, with the source line the part starts on. */
function problemExcerpts(doc: Doc, length: number): Excerpt[] {
  return doc.sections!.filter((section) => section.kind === '问题').map((section) => {
    const body = doc.lines.slice(section.heading === '' ? section.start : section.start + 1, section.end + 1).join('').replace(/\s+/g, ' ').trim();
    const chars = [...body];
    return {line: doc.source[section.start] ?? section.start + 1, text: chars.length > length ? `${chars.slice(0, length).join('')}…` : body};
  });
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
    sections: '', indicators: 0, status: 'ok', error: '', kind: '', level: '', region: '', department: '', published: '', ...fields,
  };
}
