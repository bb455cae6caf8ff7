/**
 * Command-line options → one validated Config, with defaults filled in. Stages only ever
 * see the Config; a bad option is a UsageError (exit status 2) naming the option and what
 * it got.
 */
import {availableParallelism} from 'node:os';
import path from 'node:path';
import {UsageError} from './stages/discover.js';
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
    jobs: positiveInteger('--jobs', raw.jobs, availableParallelism()),
    quiet: raw.quiet ?? false,
    outDir: path.resolve(cwd, raw.output ?? 'reports-out'),
    keywords: positiveInteger('--keywords', raw.keywords, 10, true),
    maxFileBytes: positiveInteger('--max-file-size', raw.maxFileSize, DEFAULT_MAX_FILE_MB) * 1024 * 1024,
  };
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
