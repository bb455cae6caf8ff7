/**
 * The values that flow through the pipeline, from a discovered path to the rows of the
 * output tables. Offsets are 0-based UTF-16 code units within one line; line numbers are
 * 1-based source lines, as an editor shows them.
 */
import type {Language} from './messages.js';

/** The canonical kinds of section a report is split into (docs/tables.md). */
export type SectionKind = '前言' | '成效' | '问题' | '计划' | '责任' | '其他';

/** How the text of a report is written before normalisation. */
export type Script = 'simplified' | 'traditional' | 'mixed' | '';

/** What a file came to: analysed, no text at all, or could not be analysed. */
export type FileStatus = 'ok' | 'empty' | 'error';

/** The categories an indicator can fall in (docs/tables.md, indicators). */
export type Category =
  | 'cases'
  | 'registrations'
  | 'funds'
  | 'people'
  | 'organizations'
  | 'events'
  | 'documents'
  | 'rates'
  | 'other';

/** A hedge on a quantity, normalised (约 → ≈, 近 → <, 余 → >, 不少于 → ≥, 不超过 → ≤). */
export type Qualifier = '' | '≈' | '<' | '>' | '≥' | '≤';

export type Severity = 'info' | 'warning' | 'error';

/** A diagnostic about one file: made by stages, printed by reporters. */
export interface Message {
  file: string;
  /** 1-based source line, or 0 when the message is about the whole file. */
  line: number;
  /** 1-based column in the normalised line, or 0. */
  column: number;
  ruleId: string;
  severity: Severity;
  reason: string;
}

/** The validated settings every stage sees; built once from the command line. */
export interface Config {
  /** Folder that relative input paths and output folders are resolved against. */
  cwd: string;
  format: 'csv' | 'json' | 'ndjson';
  bom: boolean;
  jobs: number;
  quiet: boolean;
  outDir: string;
  /** Number of keywords listed per section. */
  keywords: number;
  /** Files larger than this many bytes are refused with a message instead of read. */
  maxFileBytes: number;
  /** Language of every message of the run: Chinese (default) or English. */
  lang: Language;
  /** Extensions searched for in folders (without the dot). */
  extensions: string[];
  /** The jieba engine that cuts words: jieba-rs (default) or nodejieba. */
  segmenter: 'jieba-rs' | 'nodejieba';
}

/** Text of a file split into lines, each remembering the source line it came from. */
export interface Lines {
  /** The lines, without their line breaks. */
  text: string[];
  /** For each line, the 1-based line of the source file it starts on. */
  source: number[];
  /** Number of lines in the source file. */
  sourceLineCount: number;
  /** The page's <title> (HTML only), as written. */
  title?: string;
  /** For each line, the 1-based page it starts on (PDF only). */
  page?: number[];
}

/** A part of a report: a run of whole lines of one section kind. */
export interface Section {
  kind: SectionKind;
  /** The heading line as normalised text, or '' for a part without a heading. */
  heading: string;
  /** First and last line index (0-based, inclusive) into `Lines.text`. */
  start: number;
  end: number;
}

/** A section as reported: its lines in source numbering, and its word statistics. */
export interface SectionRow {
  file: string;
  section: SectionKind;
  heading: string;
  line_start: number;
  line_end: number;
  chars: number;
  words: number;
  keywords: string[];
}

/** A quantity as parsed from text, before it is placed in a report. */
export interface Quantity {
  raw: string;
  value: number;
  valueMax: number | null;
  unit: string;
  qualifier: Qualifier;
  /** Offsets of `raw` in the string it was parsed from. */
  start: number;
  end: number;
}

/** A numeric indicator found in a report (docs/tables.md, indicators). */
export interface Indicator {
  file: string;
  year: number | null;
  org: string;
  section: SectionKind;
  line: number;
  category: Category;
  label: string;
  raw: string;
  value: number;
  value_max: number | null;
  unit: string;
  qualifier: Qualifier;
  sentence: string;
  /** The reporting body's place and its administrative level, for grouping. */
  region: string;
  level: string;
  /** The PDF page the indicator's line starts on; null for other formats. */
  page: number | null;
  /** The catalogue's id for the figure (data/metrics.tsv), or '' when no metric fits. */
  metric: string;
  /** 'yes' when the figure is a goal rather than a result, else ''. */
  target: '' | 'yes';
}

/** One row of reports.csv: what became of one input file. */
export interface ReportRow {
  file: string;
  title: string;
  org: string;
  year: number | null;
  encoding: string;
  script: Script;
  chars: number;
  words: number;
  sections: string;
  indicators: number;
  status: FileStatus;
  error: string;
  /** 法治政府建设年度报告, 政府工作报告 or 其他工作报告; '' when unread. */
  kind: string;
  /** national, province, city, county or township: the level of the body's place. */
  level: string;
  /** The body's place (保定市清苑区) and organ (民政局, 人民政府). */
  region: string;
  department: string;
  /** ISO date of publication or signature, when the text gives one. */
  published: string;
}

/** Everything the analysis of one file produced. */
export interface FileResult {
  report: ReportRow;
  /** The kind of report recognised: rule-of-law, government-work, other; '' when unread. */
  kind: string;
  sections: SectionRow[];
  indicators: Indicator[];
  messages: Message[];
  /** The opening words of each 问题 part, when asked for (AnalyzeOptions.excerpts). */
  excerpts?: Excerpt[];
}

/** The opening words of a part of a report, and the source line the part starts on. */
export interface Excerpt {
  line: number;
  text: string;
}
