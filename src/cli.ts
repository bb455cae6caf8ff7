/**
 * The command line: parses flags with commander, turns them into a Config, runs the
 * library and returns the exit status (0 done, 1 check found errors, 2 could not run).
 * All input and output is injected, so tests run it in-process exactly as the bin does.
 */
import {readFileSync} from 'node:fs';
import {Chalk} from 'chalk';
import {Command, CommanderError} from 'commander';
import {resolveCheckConfig, resolveConfig, type CheckOptions, type RawOptions} from './config.js';
import {oneLine} from './messages.js';
import {UsageError} from './stages/discover.js';

/** Where the command line reads and writes; the bin passes the process's own. */
export interface MainParameters {
  argv: readonly string[];
  cwd: string;
  stdout: Writer;
  stderr: Writer;
  env?: Record<string, string | undefined>;
}

/** The part of a stream `main` writes to. */
export interface Writer {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Runs the command line and resolves to its exit status. */
export async function main({argv, cwd, stdout, stderr, env = {}}: MainParameters): Promise<number> {
  const paint = new Chalk({level: stderr.isTTY && env.NO_COLOR === undefined && env.FORCE_COLOR !== '0' ? 1 : 0});
  let status = 0;
  const program = new Command('reports')
    .description('Analyse corpora of Chinese government reports: sections, numeric indicators, completeness.')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .showHelpAfterError('(run `reports --help` for usage)')
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
      outputError: (text, write) => write(paint.red(text)),
    });

  const withCommon = (command: Command): Command =>
    command
      .argument('<paths...>', 'report files, or folders searched for *.txt, *.md, *.html, *.htm')
      .option('--format <format>', 'table format: csv, json or ndjson', 'csv')
      .option('--bom', 'start CSV with a UTF-8 byte-order mark, so Excel reads Chinese text correctly')
      .option('--jobs <n>', 'worker threads (default: number of cores)')
      .option('--keywords <n>', 'keywords listed per section', '10')
      .option('--max-file-size <mb>', 'refuse files larger than this many megabytes', '64')
      .option('--segmenter <name>', 'jieba engine: jieba-rs (default) or nodejieba (optional, compiled)')
      .option('-q, --quiet', 'print no summary or progress, only errors');

  withCommon(program.command('analyze').description('the whole analysis: writes reports, sections and indicators tables into a folder'))
    .option('-o, --output <dir>', 'folder for the tables', 'reports-out')
    .action(async (paths: string[], options: RawOptions) => {
      const {runAnalyze} = await import('./commands.js');
      status = await runAnalyze(paths, resolveConfig(options, cwd), {stderr, paint});
    });
  withCommon(program.command('metrics').description('the indicators table on stdout, for piping into spreadsheets'))
    .action(async (paths: string[], options: RawOptions) => {
      const {runToStdout} = await import('./commands.js');
      status = await runToStdout('indicators', paths, resolveConfig(options, cwd), {stdout, stderr, paint});
    });
  withCommon(program.command('sections').description('the sections table on stdout'))
    .action(async (paths: string[], options: RawOptions) => {
      const {runToStdout} = await import('./commands.js');
      status = await runToStdout('sections', paths, resolveConfig(options, cwd), {stdout, stderr, paint});
    });

  program
    .command('check')
    .description('completeness of each report, for CI: exit 1 when any finding is an error')
    .argument('<paths...>', 'report files, or folders searched for *.txt, *.md, *.html, *.htm')
    .option('--format <format>', 'text, json, junit, github or sarif', 'text')
    .option('--lang <lang>', 'language of the messages: zh or en', 'zh')
    .option('--config <file>', `rules config (default: ${'reports.config.json'} here or in a parent folder)`)
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--jobs <n>', 'worker threads (default: number of cores)')
    .option('--max-file-size <mb>', 'refuse files larger than this many megabytes', '64')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .action(async (paths: string[], options: CheckOptions) => {
      const {runCheck} = await import('./commands.js');
      status = await runCheck(paths, resolveCheckConfig(options, cwd), {stdout, stderr, paint});
    });

  try {
    await program.parseAsync([...argv], {from: 'user'});
    return status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError')) {
      stderr.write(`${paint.red('reports:')} ${error.message}\n`);
      return 2;
    }
    if (isWriteFailure(error)) {
      stderr.write(`${paint.red('reports:')} cannot write output: ${oneLine((error as Error).message)}\n`);
      return 2;
    }
    throw error;
  }
}

/** Tells whether an error comes from writing output (a full disk, a closed folder). */
function isWriteFailure(error: unknown): boolean {
  const {code, syscall} = (error ?? {}) as NodeJS.ErrnoException;
  // A folder that cannot be made (ENOENT under /proc) is a write failure too.
  return typeof code === 'string' && (['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST'].includes(code) || syscall === 'mkdir');
}

/** The version in package.json. */
export function packageVersion(): string {
  const file = new URL('../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as {version: string}).version;
}

