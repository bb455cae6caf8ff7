/**
 * The command line: parses flags with commander, turns them into a Config, runs the
 * library and returns the exit status (0 done, 1 check found errors, 2 could not run).
 * All input and output is injected, so tests run it in-process exactly as the bin does.
 */
import {readFileSync} from 'node:fs';
import {Chalk} from 'chalk';
import {Command, CommanderError} from 'commander';
import {resolveCheckConfig, resolveConfig, type CheckOptions, type RawOptions} from './config.js';
import {helpIn} from './help.js';
import {describeFsError, say, type Language, type Text} from './messages.js';
import {UsageError} from './stages/discover.js';

/** Where the command line reads and writes; the bin passes the process's own. */
export interface MainParameters {
  argv: readonly string[];
  cwd: string;
  stdout: Writer;
  stderr: Writer;
  env?: Record<string, string | undefined>;
  /** Aborted to stop the run early (a closed pipe, Ctrl-C); its reason may be a `Stopped`. */
  signal?: AbortSignal;
}

/** Why a run was stopped from outside, and the exit status that goes with it. */
export class Stopped extends Error {
  override name = 'Stopped';
  /** Stops with `status`: 0 when the reader closed the pipe, 130 for Ctrl-C, 143 when terminated. */
  constructor(readonly status: number) {
    super(`stopped (exit status ${status})`);
  }
}

/** The part of a stream `main` writes to. */
export interface Writer {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Runs the command line and resolves to its exit status. */
export async function main({argv, cwd, stdout, stderr, env = {}, signal}: MainParameters): Promise<number> {
  const lang = languageOf(argv);
  const paint = new Chalk({level: stderr.isTTY && env.NO_COLOR === undefined && env.FORCE_COLOR !== '0' ? 1 : 0});
  let status = 0;
  const program = new Command('reports')
    .description('Analyse corpora of Chinese government reports: sections, numeric indicators, completeness.')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .option('--lang <lang>', 'language of the messages: zh (default) or en')
    .exitOverride()
    .configureHelp(helpIn(lang))
    .configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
      // Commander's own errors are printed in the run's language by the catch below.
      outputError: () => undefined,
    });

  /** The options of every command that reads a corpus: which files, how, and what to say. */
  const withInputs = (command: Command, langText = 'language of the messages: zh (default) or en'): Command =>
    command
      .option('--ext <list>', 'extensions searched for in folders, comma-separated (default: all of the above)')
      .option('--jobs <n>', 'threads analysing files, the main one included (default: number of cores)')
      .option('--max-file-size <mb>', 'refuse files larger than this many megabytes', '64')
      .option('--segmenter <name>', 'jieba engine: jieba-rs (default) or nodejieba (optional, compiled)')
      .option('-q, --quiet', 'print no summary or progress, only errors')
      .option('--lang <lang>', langText);
  /** The options of a command that writes a table. */
  const withTable = (command: Command): Command =>
    command
      .option('--format <format>', 'table format: csv, json or ndjson', 'csv')
      .option('--bom', 'start CSV with a UTF-8 byte-order mark, so Excel reads Chinese text correctly');
  const withCommon = (command: Command): Command =>
    withInputs(withTable(command.argument('<paths...>', PATHS_TEXT)).option('--keywords <n>', 'keywords listed per section', '10'));

  withCommon(program.command('analyze').description('the whole analysis: writes reports, sections and indicators tables into a folder'))
    .option('-o, --output <dir>', 'folder for the tables', 'reports-out')
    .action(async (paths: string[], options: RawOptions) => {
      const {runAnalyze} = await import('./commands.js');
      status = await runAnalyze(paths, resolveConfig(withLang(options), cwd), {stderr, paint, signal});
    });
  withCommon(program.command('metrics').description('the indicators table on stdout, for piping into spreadsheets'))
    .action(async (paths: string[], options: RawOptions) => {
      const {runToStdout} = await import('./commands.js');
      status = await runToStdout('indicators', paths, resolveConfig(withLang(options), cwd), {stdout, stderr, paint, signal});
    });
  withCommon(program.command('sections').description('the sections table on stdout'))
    .action(async (paths: string[], options: RawOptions) => {
      const {runToStdout} = await import('./commands.js');
      status = await runToStdout('sections', paths, resolveConfig(withLang(options), cwd), {stdout, stderr, paint, signal});
    });

  withInputs(withTable(program
    .command('compare')
    .description('a wide table on stdout: one row per report, one column per metric, for pivot tables')
    .argument('[paths...]', PATHS_TEXT)
    .option('--metrics <ids>', 'metrics to compare, comma-separated ids (default: every metric some report states)')
    .option('--list-metrics', 'print the catalogue of metrics instead')))
    .action(async (paths: string[], options: RawOptions & {metrics?: string; listMetrics?: boolean}) => {
      const {runCompare} = await import('./commands.js');
      const choice = {metrics: metricList(options.metrics), listMetrics: options.listMetrics ?? false};
      status = await runCompare(paths, resolveConfig(withLang(options), cwd), choice, {stdout, stderr, paint, signal});
    });

  withInputs(program
    .command('report')
    .description('one self-contained HTML page: the corpus at a glance, a chart per metric, the problems parts, the reports')
    .argument('<paths...>', PATHS_TEXT)
    .option('-o, --output <file>', 'the page to write', 'report.html')
    .option('--metrics <ids>', 'metrics to chart, comma-separated ids (default: the 8 metrics most reports state)')
    .option('--keywords <n>', 'keywords listed per section', '10'), 'language of the messages and of the page: zh (default) or en')
    .action(async (paths: string[], options: RawOptions & {metrics?: string}) => {
      const {runReport} = await import('./commands.js');
      const {output = 'report.html', ...rest} = options;
      status = await runReport(paths, resolveConfig(withLang(rest), cwd), {metrics: metricList(options.metrics), output}, {stderr, paint, signal});
    });

  program
    .command('text')
    .description('the text extracted from one file, each line with its number (and page, for PDFs): where `line` points')
    .argument('<file>', 'a report file: .txt, .md, .html, .docx, .doc or .pdf')
    .option('--lang <lang>', 'language of the messages: zh (default) or en')
    .option('--max-file-size <mb>', 'refuse files larger than this many megabytes', '64')
    .action(async (file: string, options: RawOptions) => {
      const {runText} = await import('./commands.js');
      status = await runText(file, resolveConfig(withLang(options), cwd), {stdout, stderr, paint});
    });

  program
    .command('check')
    .description('completeness of each report, for CI: exit 1 when any finding is an error')
    .argument('<paths...>', PATHS_TEXT)
    .option('--format <format>', 'text, json, junit, github or sarif', 'text')
    .option('--lang <lang>', 'language of the messages: zh (default) or en')
    .option('--ext <list>', 'extensions searched for in folders, comma-separated (default: all of the above)')
    .option('--config <file>', `rules config (default: ${'reports.config.json'} here or in a parent folder)`)
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--jobs <n>', 'threads analysing files, the main one included (default: number of cores)')
    .option('--max-file-size <mb>', 'refuse files larger than this many megabytes', '64')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .action(async (paths: string[], options: CheckOptions) => {
      const {runCheck} = await import('./commands.js');
      status = await runCheck(paths, resolveCheckConfig(withLang(options), cwd), {stdout, stderr, paint, signal});
    });

  /** Adds the --lang given before the command (`reports --lang en check …`) to a command's options. */
  function withLang<T extends {lang?: string}>(options: T): T {
    return {...options, lang: options.lang ?? program.opts<{lang?: string}>().lang};
  }

  const fail = (text: Text): number => {
    stderr.write(`${paint.red('reports:')} ${say(text, lang)}\n`);
    return 2;
  };
  try {
    await program.parseAsync([...argv], {from: 'user'});
    return signal?.aborted ? stoppedStatus(signal.reason) : status;
  } catch (error) {
    if (signal?.aborted) return stoppedStatus(signal.reason);
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      return fail(commanderText(error));
    }
    if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError')) return fail((error as UsageError).text);
    if (isWriteFailure(error)) {
      const why = describeFsError(error);
      return fail({zh: `无法写入输出：${why.zh}；请换一个输出位置`, en: `cannot write the output: ${why.en}; choose another place for it`});
    }
    throw error;
  }
}

/** What a PATHs argument may be. */
const PATHS_TEXT = 'report files, or folders searched for *.txt, *.md, *.html, *.htm, *.docx, *.doc, *.pdf';

/** Reads a --metrics list (gdp, gdp_growth) into ids; null when the option is not given. */
function metricList(value: string | undefined): string[] | null {
  return value === undefined ? null : value.split(',').map((id) => id.trim()).filter((id) => id !== '');
}

/** The exit status of a run stopped from outside: the reason's, else 130 (interrupted). */
function stoppedStatus(reason: unknown): number {
  return reason instanceof Stopped ? reason.status : 130;
}

/** Finds the language asked for on the command line, before commander parses it (for its errors). */
export function languageOf(argv: readonly string[]): Language {
  for (const [index, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[index + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'en') return 'en';
  }
  return 'zh';
}

/** Says one of commander's parse errors in both languages, with what to do about it. */
function commanderText(error: CommanderError): Text {
  const name = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /Did you mean (.+?)\?/.exec(error.message)?.[1];
  const hint = {zh: suggestion ? `（是否要用 ${suggestion}？）` : '', en: suggestion ? ` (did you mean ${suggestion}?)` : ''};
  const help = {zh: '运行 reports --help 查看用法', en: 'run reports --help for usage'};
  const text = (zh: string, en: string): Text => ({zh: `${zh}${hint.zh}；${help.zh}`, en: `${en}${hint.en}; ${help.en}`});
  switch (error.code) {
    case 'commander.unknownCommand': return text(`未知的命令 '${name}'`, `unknown command '${name}'`);
    case 'commander.unknownOption': return text(`未知的选项 '${name}'`, `unknown option '${name}'`);
    case 'commander.missingArgument':
      return text(`缺少必需的参数 '${name}'（要分析的文件或文件夹）`, `missing required argument '${name}' (the files or folders to analyse)`);
    case 'commander.optionMissingArgument': return text(`选项 '${name}' 缺少取值`, `option '${name}' needs a value`);
    case 'commander.excessArguments': return text('参数太多', 'too many arguments');
    case 'commander.help': return text('没有指定命令', 'no command given');
    default: {
      const detail = error.message.replace(/^error:\s*/, '');
      return text(`命令行有误（${detail}）`, detail);
    }
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

