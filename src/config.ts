/**
 * Command-line options → one validated Config, with defaults filled in. Stages only ever
 * see the Config; a bad option is a UsageError (exit status 2) naming the option and what
 * it got.
 */
import {availableParallelism} from 'node:os';
import path from 'node:path';
import {REPORT_EXTENSIONS, UsageError} from './stages/discover.js';
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
  const lang = raw.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, got ${JSON.stringify(lang)}`);
  return {
    cwd,
    format: format as Config['format'],
    extensions: extensionList(raw.ext),
    lang,
    bom: raw.bom ?? false,
    jobs: positiveInteger('--jobs', raw.jobs, availableParallelism()),
    quiet: raw.quiet ?? false,
    outDir: path.resolve(cwd, raw.output ?? 'reports-out'),
    keywords: positiveInteger('--keywords', raw.keywords, 10, true),
    maxFileBytes: positiveInteger('--max-file-size', raw.maxFileSize, DEFAULT_MAX_FILE_MB) * 1024 * 1024,
  };
}

/** Reads the --ext list (comma-separated, dots optional), keeping only known report extensions. */
function extensionList(value: string | undefined): string[] {
  if (value === undefined) return [...REPORT_EXTENSIONS];
  const extensions = [...new Set(value.split(',').map((part) => part.trim().replace(/^\*?\./, '').toLowerCase()).filter((part) => part !== ''))];
  const unknown = extensions.filter((extension) => !REPORT_EXTENSIONS.includes(extension));
  if (extensions.length === 0 || unknown.length > 0) {
    throw new UsageError(`--ext takes a comma-separated list of ${REPORT_EXTENSIONS.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return extensions;
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
  config?: string;
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
