/**
 * Command-line options → one validated Config, with defaults filled in. Stages only ever
 * see the Config; a bad option is a UsageError (exit status 2) naming the option and what
 * it got.
 */
import {availableParallelism, freemem} from 'node:os';
import path from 'node:path';
import {findConfig, loadSegmenter} from './check/settings.js';
import {UsageError} from './stages/discover.js';
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
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  }
  return {
    cwd,
    format: format as Config['format'],
    bom: raw.bom ?? false,
    jobs: positiveInteger('--jobs', raw.jobs, defaultJobs()),
    quiet: raw.quiet ?? false,
    outDir: path.resolve(cwd, raw.output ?? 'reports-out'),
    keywords: positiveInteger('--keywords', raw.keywords, 10, true),
    maxFileBytes: positiveInteger('--max-file-size', raw.maxFileSize, DEFAULT_MAX_FILE_MB) * 1024 * 1024,
    segmenter: chooseSegmenter(raw, cwd),
  };
}

/** The segmenter: --segmenter, else the config file's `segmenter`, else jieba-rs; refused when not installed. */
function chooseSegmenter(raw: RawOptions, cwd: string): SegmenterName {
  const name = raw.segmenter ?? loadSegmenter(findConfig(cwd, raw.config)) ?? DEFAULT_SEGMENTER;
  if (!(SEGMENTERS as readonly string[]).includes(name)) {
    throw new UsageError(`--segmenter must be one of ${SEGMENTERS.join(', ')}, got ${JSON.stringify(name)}`);
  }
  if (!segmenterInstalled(name as SegmenterName)) {
    throw new UsageError(`segmenter ${name} is not installed: run \`npm install ${name}\` (it compiles C++), or use the default, ${DEFAULT_SEGMENTER}`);
  }
  return name as SegmenterName;
}

/** Memory one worker takes at its peak (engine, OpenCC tables, files in flight), in bytes. */
const WORKER_BYTES = 160 * 1024 * 1024;
/** Memory the main thread keeps for itself, in bytes. */
const MAIN_BYTES = 120 * 1024 * 1024;

/** Chooses the number of workers: one per core, as many as free memory holds, at least one. */
export function defaultJobs(cores = availableParallelism(), free = freemem()): number {
  return Math.max(1, Math.min(cores, Math.floor((free - MAIN_BYTES) / WORKER_BYTES)));
}

/** Reads a whole number option; zero only where `allowZero`. */
function positiveInteger(name: string, value: string | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    throw new UsageError(`${name} must be a whole number${allowZero ? '' : ' of at least 1'}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** Options of `reports check`, as commander parses them. */
export interface CheckOptions extends RawOptions {
  lang?: string;
  maxWarnings?: string;
}

const CHECK_FORMATS = ['text', 'json', 'junit', 'github', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The settings of a check run beyond the common Config. */
export interface CheckConfig extends Omit<Config, 'format'> {
  format: CheckFormat;
  lang: 'zh' | 'en';
  configFile: string | undefined;
  maxWarnings: number | null;
  /** Where to write the report, or null for stdout. */
  outFile: string | null;
}

/** Validates the options of `reports check` and fills in defaults. */
export function resolveCheckConfig(raw: CheckOptions, cwd: string): CheckConfig {
  const format = raw.format ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${CHECK_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  }
  const lang = raw.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, got ${JSON.stringify(lang)}`);
  const {output, format: _format, ...common} = raw;
  const base = resolveConfig(common, cwd);
  return {
    ...base,
    format: format as CheckFormat,
    lang,
    configFile: raw.config,
    maxWarnings: raw.maxWarnings === undefined ? null : positiveInteger('--max-warnings', raw.maxWarnings, 0, true),
    outFile: output === undefined ? null : path.resolve(cwd, output),
  };
}
