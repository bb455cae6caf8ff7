/**
 * Command-line options → one validated Config, with defaults filled in. Stages only ever
 * see the Config; a bad option is a UsageError (exit status 2) naming the option and what
 * it got.
 */
import {availableParallelism, freemem} from 'node:os';
import path from 'node:path';
import {findConfig, loadSegmenter} from './check/settings.js';
import type {Language} from './messages.js';
import {REPORT_EXTENSIONS, UsageError} from './stages/discover.js';
import {DEFAULT_SEGMENTER, segmenterInstalled, SEGMENTERS, type SegmenterName} from './stages/segment.js';
import type {Config} from './types.js';

/** Options as commander parses them: strings, booleans, all optional. */
export interface RawOptions {
  format?: string;
  bom?: boolean;
  jobs?: string;
  quiet?: boolean;
  output?: string;
  keywords?: string;
  maxFileSize?: string;
  ext?: string;
  lang?: string;
  segmenter?: string;
  /** A config file given with --config (`reports check`); else reports.config.json is looked for. */
  config?: string;
}

const FORMATS = ['csv', 'json', 'ndjson'] as const;

/** Default size above which a file is refused rather than read, in megabytes. */
export const DEFAULT_MAX_FILE_MB = 64;

/** Validates raw options and fills in defaults. */
export function resolveConfig(raw: RawOptions, cwd: string): Config {
  const format = raw.format ?? 'csv';
  if (!(FORMATS as readonly string[]).includes(format)) throw badChoice('--format', FORMATS, format);
  return {
    lang: resolveLang(raw.lang),
    cwd,
    format: format as Config['format'],
    extensions: extensionList(raw.ext),
    bom: raw.bom ?? false,
    jobs: positiveInteger('--jobs', raw.jobs, defaultJobs()),
    quiet: raw.quiet ?? false,
    outDir: path.resolve(cwd, raw.output ?? 'reports-out'),
    keywords: positiveInteger('--keywords', raw.keywords, 10, true),
    maxFileBytes: positiveInteger('--max-file-size', raw.maxFileSize, DEFAULT_MAX_FILE_MB) * 1024 * 1024,
    segmenter: chooseSegmenter(raw, cwd),
  };
}

/** Reads the --ext list (comma-separated, dots optional), keeping only known report extensions. */
function extensionList(value: string | undefined): string[] {
  if (value === undefined) return [...REPORT_EXTENSIONS];
  const extensions = [...new Set(value.split(',').map((part) => part.trim().replace(/^\*?\./, '').toLowerCase()).filter((part) => part !== ''))];
  const unknown = extensions.filter((extension) => !REPORT_EXTENSIONS.includes(extension));
  if (extensions.length === 0 || unknown.length > 0) {
    throw new UsageError({
      zh: `--ext 应为以逗号分隔的扩展名（${REPORT_EXTENSIONS.join('、')}），收到 ${JSON.stringify(value)}`,
      en: `--ext takes a comma-separated list of ${REPORT_EXTENSIONS.join(', ')}, got ${JSON.stringify(value)}`,
    });
  }
  return extensions;
}

/** The segmenter: --segmenter, else the config file's `segmenter`, else jieba-rs; refused when not installed. */
function chooseSegmenter(raw: RawOptions, cwd: string): SegmenterName {
  const name = raw.segmenter ?? loadSegmenter(findConfig(cwd, raw.config)) ?? DEFAULT_SEGMENTER;
  if (!(SEGMENTERS as readonly string[]).includes(name)) {
    throw badChoice('--segmenter', SEGMENTERS, name);
  }
  if (!segmenterInstalled(name as SegmenterName)) {
    throw new UsageError({
      zh: `分词引擎 ${name} 没有安装：请运行 \`npm install ${name}\`（需要编译 C++），或使用默认的 ${DEFAULT_SEGMENTER}`,
      en: `segmenter ${name} is not installed: run \`npm install ${name}\` (it compiles C++), or use the default, ${DEFAULT_SEGMENTER}`,
    });
  }
  return name as SegmenterName;
}

/** Memory one worker takes at its peak (engine, OpenCC tables, files in flight), in bytes. */
const WORKER_BYTES = 160 * 1024 * 1024;
/** Memory the main thread takes at its peak: it analyses files too, and writes the output. */
const MAIN_BYTES = 240 * 1024 * 1024;

/**
 * Chooses the number of threads that analyse files (the main thread and the workers): one
 * per core, as many as free memory holds, at least one.
 */
export function defaultJobs(cores = availableParallelism(), free = freemem()): number {
  return Math.max(1, Math.min(cores, 1 + Math.floor((free - MAIN_BYTES) / WORKER_BYTES)));
}

/** Reads a whole number option; zero only where `allowZero`. */
function positiveInteger(name: string, value: string | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    throw new UsageError({
      zh: `${name} 须为${allowZero ? '' : '不小于 1 的'}整数，收到的是 ${JSON.stringify(value)}`,
      en: `${name} must be a whole number${allowZero ? '' : ' of at least 1'}, got ${JSON.stringify(value)}`,
    });
  }
  return n;
}

/** Reads --lang: zh (the default) or en. */
export function resolveLang(value: string | undefined): Language {
  const lang = value ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw badChoice('--lang', ['zh', 'en'], lang);
  return lang;
}

/** The error for an option given a value outside its list. */
function badChoice(name: string, choices: readonly string[], got: string): UsageError {
  return new UsageError({
    zh: `${name} 须为 ${choices.join('、')} 之一，收到的是 ${JSON.stringify(got)}`,
    en: `${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(got)}`,
  });
}

/** Options of `reports check`, as commander parses them. */
export interface CheckOptions extends RawOptions {
  maxWarnings?: string;
}

const CHECK_FORMATS = ['text', 'json', 'junit', 'github', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The settings of a check run beyond the common Config. */
export interface CheckConfig extends Omit<Config, 'format'> {
  format: CheckFormat;
  configFile: string | undefined;
  maxWarnings: number | null;
  /** Where to write the report, or null for stdout. */
  outFile: string | null;
}

/** Validates the options of `reports check` and fills in defaults. */
export function resolveCheckConfig(raw: CheckOptions, cwd: string): CheckConfig {
  const format = raw.format ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) throw badChoice('--format', CHECK_FORMATS, format);
  const {output, format: _format, ...common} = raw;
  const base = resolveConfig(common, cwd);
  return {
    ...base,
    format: format as CheckFormat,
    configFile: raw.config,
    maxWarnings: raw.maxWarnings === undefined ? null : positiveInteger('--max-warnings', raw.maxWarnings, 0, true),
    outFile: output === undefined ? null : path.resolve(cwd, output),
  };
}
