/**
 * The commands behind the command line: run the pipeline over the input files and write
 * its tables and messages. Loaded only when a command runs, so that `reports --version`
 * and usage errors never pay for the pipeline's modules.
 */
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {Chalk, type ChalkInstance} from 'chalk';
import {describeFsError, plural, say} from './messages.js';
import {closeRows, formatRows, formatTable} from './output/format.js';
import {formatMessages} from './output/report-text.js';
import {rowsOf, type TableName} from './output/tables.js';
import {openAtomic, type AtomicFile} from './output/write.js';
import {runPipeline, type Needs} from './pipeline.js';
import {discover, REPORT_EXTENSIONS, UsageError, type FoundFile} from './stages/discover.js';
import type {Config, FileResult, Message} from './types.js';
import type {Writer} from './cli.js';
import {findConfig, loadSettings, RULE_IDS} from './check/settings.js';
import type {CheckConfig} from './config.js';
import {formatCheckGithub} from './output/check/github.js';
import {formatCheckJson} from './output/check/json.js';
import {formatCheckJunit} from './output/check/junit.js';
import {formatCheckSarif} from './output/check/sarif.js';
import {formatCheckText} from './output/check/text.js';
import {countFindings, type CheckedFile} from './output/check/types.js';
import {RULES} from './messages.js';
import {readSource} from './stages/read.js';
import {ExtractError} from './stages/extract/errors.js';
import {extractDocument} from './stages/extract/index.js';

export interface Streams {
  stdout: Writer;
  stderr: Writer;
  paint: ChalkInstance;
  /** Stops the run early (closed pipe, Ctrl-C). */
  signal?: AbortSignal | undefined;
}

/** `reports analyze`: writes the three tables into the output folder, then a summary. */
export async function runAnalyze(paths: string[], config: Config, {stderr, paint, signal}: Omit<Streams, 'stdout'>): Promise<number> {
  const started = performance.now();
  const files = await discoverOrFail(paths, config);
  const extension = config.format === 'csv' ? 'csv' : config.format;
  const tables: TableName[] = ['reports', 'sections', 'indicators'];
  const outputs = new Map<TableName, {file: AtomicFile; wrote: boolean; target: string}>();
  try {
    for (const table of tables) {
      const target = path.join(config.outDir, `${table}.${extension}`);
      outputs.set(table, {file: await openAtomic(target), wrote: false, target});
    }
  } catch (error) {
    await Promise.all([...outputs.values()].map((output) => output.file.abort()));
    throw cannotWrite(config.outDir, error);
  }

  const totals = {ok: 0, empty: 0, error: 0, sections: 0, indicators: 0};
  const messages: Message[] = [];
  const progress = await startProgress(files.length, config, stderr);
  try {
    await runPipeline(files, config, {words: true}, async (result, index, size) => {
      for (const table of tables) {
        const output = outputs.get(table)!;
        const rows = rowsOf(table, result);
        await output.file.write(formatRows(table, rows, config.format, {header: index === 0, bom: config.bom, first: !output.wrote}));
        output.wrote ||= rows.length > 0;
      }
      tally(totals, result);
      messages.push(...result.messages);
      progress?.advance(size);
    }, signal);
    for (const output of outputs.values()) await output.file.write(closeRows(config.format, output.wrote));
    for (const output of outputs.values()) await output.file.commit();
  } catch (error) {
    await Promise.all([...outputs.values()].map((output) => output.file.abort()));
    throw error;
  } finally {
    progress?.stop();
  }

  reportMessages(messages, config, stderr, paint);
  if (!config.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const written = [...outputs.values()].map((output) => path.relative(config.cwd, output.target) || output.target).join(', ');
    const failed = (text: string): string => (totals.error ? paint.red(text) : text);
    stderr.write(`${paint.bold('reports:')} ${say({
      zh: `分析了 ${files.length} 个文件，用时 ${seconds} 秒：${totals.ok} 个正常，${totals.empty} 个为空，${failed(`${totals.error} 个失败`)}；` +
        `${totals.sections} 个部分，${totals.indicators} 个指标；已写入 ${written}`,
      en: `analysed ${plural(files.length, 'file')} in ${seconds} s: ${totals.ok} ok, ${totals.empty} empty, ${failed(`${totals.error} failed`)}; ` +
        `${plural(totals.sections, 'section')}, ${plural(totals.indicators, 'indicator')}; wrote ${written}`,
    }, config.lang)}\n`);
  }
  return 0;
}

/** The error for an output that cannot be written, saying why and what to do. */
function cannotWrite(target: string, error: unknown): UsageError {
  const why = describeFsError(error);
  return new UsageError({zh: `无法写入 ${target}：${why.zh}；请换一个输出位置`, en: `cannot write ${target}: ${why.en}; choose another place for the output`});
}

/** `reports metrics` and `reports sections`: one table on stdout, messages on stderr. */
export async function runToStdout(table: TableName, paths: string[], config: Config, {stdout, stderr, paint, signal}: Streams): Promise<number> {
  const files = await discoverOrFail(paths, config);
  const messages: Message[] = [];
  let wrote = false;
  const progress = await startProgress(files.length, config, stderr);
  const needs: Needs = {words: table === 'sections'};
  try {
    await runPipeline(files, config, needs, async (result, index, size) => {
      const rows = rowsOf(table, result);
      await writeTo(stdout, formatRows(table, rows, config.format, {header: index === 0, bom: config.bom, first: !wrote}), signal);
      wrote ||= rows.length > 0;
      messages.push(...result.messages);
      progress?.advance(size);
    }, signal);
  } finally {
    progress?.stop();
  }
  stdout.write(closeRows(config.format, wrote));
  reportMessages(messages, config, stderr, paint);
  return 0;
}

/**
 * `reports compare`: the wide table on stdout, one row per report and one column per metric
 * (docs/metrics.md); with `listMetrics`, the catalogue of metrics instead.
 */
export async function runCompare(
  paths: string[], config: Config, choice: {metrics: readonly string[] | null; listMetrics: boolean}, {stdout, stderr, paint, signal}: Streams,
): Promise<number> {
  const {chooseMetrics, compareReports} = await import('./compare.js');
  if (choice.listMetrics) {
    const {readMetrics} = await import('./stages/metrics.js');
    const rows = readMetrics().map(({id, name, unit, units, category, kind, about}) => ({id, name, unit, units: units.join('|'), category, kind, about}));
    await writeTo(stdout, formatTable(['id', 'name', 'unit', 'units', 'category', 'kind', 'about'], rows, config.format, config.bom), signal);
    return 0;
  }
  if (paths.length === 0) {
    throw new UsageError({zh: '缺少要比较的报告文件或文件夹；运行 reports compare --help 查看用法', en: 'no report files or folders to compare; run reports compare --help for usage'});
  }
  const chosen = chooseMetrics(choice.metrics);
  const files = await discoverOrFail(paths, config);
  const reports = await collectFigures(files, config, stderr, signal);
  const table = compareReports(reports.figures, chosen);
  await writeTo(stdout, formatTable(table.columns, table.rows, config.format, config.bom), signal);
  reportMessages(reports.messages, config, stderr, paint);
  return 0;
}

/** Characters quoted from the start of each 问题 part on the report page. */
const EXCERPT_CHARS = 120;

/**
 * `reports report`: one self-contained HTML page (docs/report.md) written atomically to
 * `output`: the corpus at a glance, a chart per metric, the 问题 parts, the reports. One
 * pass gives the words, the figures and the completeness findings together.
 */
export async function runReport(
  paths: string[], config: Config, choice: {metrics: readonly string[] | null; output: string}, {stderr, paint, signal}: Omit<Streams, 'stdout'>,
): Promise<number> {
  const {chooseMetrics, compareReports} = await import('./compare.js');
  const {buildReportPage, mostStatedMetrics} = await import('./report/page.js');
  const chosen = chooseMetrics(choice.metrics);
  const target = path.resolve(config.cwd, choice.output);
  const relative = path.relative(config.cwd, target);
  const shown = relative === '' || relative.startsWith('..') ? target : relative;
  const files = await discoverOrFail(paths, config);
  const settings = loadSettings(findConfig(config.cwd, undefined));
  let output: AtomicFile | undefined;
  try {
    output = await openAtomic(target);
  } catch (error) {
    throw cannotWrite(shown, error);
  }
  try {
    const {figures, messages} = await collectFigures(files, config, stderr, signal, {words: true, check: {settings, lang: config.lang}, excerpts: EXCERPT_CHARS});
    // The check rules' findings are for the page; what went wrong reading a file goes on stderr too.
    const findings = findingsOf(messages);
    const metrics = chosen ?? mostStatedMetrics(figures);
    const table = compareReports(figures, metrics);
    const page = buildReportPage({
      reports: figures.map((result) => ({report: result.report, problems: result.sections.filter((row) => row.section === '问题'), excerpts: result.excerpts ?? []})),
      table,
      findings,
      lang: config.lang,
    });
    await output.write(page);
    await output.commit();
    reportMessages(messages.filter((m) => !CHECK_RULES.has(m.ruleId)), config, stderr, paint);
    if (!config.quiet) {
      stderr.write(`reports: ${say({
        zh: `已写入 ${shown}：${files.length} 份报告，${metrics.length} 个指标`,
        en: `wrote ${shown}: ${plural(files.length, 'report')}, ${plural(metrics.length, 'metric')}`,
      }, config.lang)}\n`);
    }
  } catch (error) {
    await output.abort();
    throw isFsError(error) ? cannotWrite(shown, error) : error;
  }
  return 0;
}

/** Tells whether an error comes from the file system (writing or renaming the output), not from the run. */
function isFsError(error: unknown): boolean {
  const {code, syscall} = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && typeof syscall === 'string';
}

/** Runs the analysis for what compare and the report page need: each report with its mapped figures. */
async function collectFigures(
  files: FoundFile[], config: Config, stderr: Writer, signal: AbortSignal | undefined, needs: Needs = {words: false},
): Promise<{figures: FileResult[]; messages: Message[]}> {
  const figures: FileResult[] = [];
  const messages: Message[] = [];
  const progress = await startProgress(files.length, config, stderr);
  try {
    await runPipeline(files, config, needs, (result, _index, size) => {
      // Only mapped figures are kept: a corpus of thousands of reports stays small in memory.
      figures.push({...result, indicators: result.indicators.filter((indicator) => indicator.metric !== '')});
      messages.push(...result.messages);
      progress?.advance(size);
    }, signal);
  } finally {
    progress?.stop();
  }
  return {figures, messages};
}

/** Finds the input files, or stops the run (exit 2) when there are none. */
async function discoverOrFail(paths: string[], config: Pick<Config, 'cwd'> & Partial<Pick<Config, 'extensions'>>): Promise<FoundFile[]> {
  const extensions = config.extensions ?? REPORT_EXTENSIONS;
  const files = await discover(paths, config.cwd, extensions);
  if (files.length === 0) {
    const patterns = extensions.map((extension) => `*.${extension}`).join(', ');
    throw new UsageError({
      zh: `在 ${paths.join('、')} 中没有找到报告文件（查找的是 ${patterns}）；请给出报告所在的文件夹`,
      en: `no report files found in ${paths.join(', ')} (looked for ${patterns}); give the folder the reports are in`,
    });
  }
  return files;
}

/** Prints the warnings and errors of the run on stderr (errors even when quiet). */
function reportMessages(messages: readonly Message[], config: Config, stderr: Writer, paint: ChalkInstance): void {
  const shown = messages.filter((m) => m.severity === 'error' || (!config.quiet && m.severity === 'warning'));
  if (shown.length > 0) stderr.write(formatMessages(shown, paint, config.lang));
}

/** Adds a file's result to the run's totals. */
function tally(totals: {ok: number; empty: number; error: number; sections: number; indicators: number}, result: FileResult): void {
  totals[result.report.status]++;
  totals.sections += result.sections.length;
  totals.indicators += result.indicators.length;
}

/** Writes text to a stream, waiting when the reader is slower than the run (back-pressure). */
async function writeTo(writer: Writer, text: string, signal?: AbortSignal): Promise<void> {
  if (text === '' || signal?.aborted) return;
  const ok = writer.write(text);
  const stream = writer as Writer & {once?: (event: string, listener: () => void) => unknown};
  if (ok === false && typeof stream.once === 'function') {
    // A reader that closed the pipe never drains it: stop waiting when the run is stopped.
    await new Promise<void>((resolve) => {
      stream.once!('drain', resolve);
      signal?.addEventListener('abort', () => resolve(), {once: true});
    });
  }
}

/** A progress bar on stderr: files done, MB/s and the time left. */
interface Progress {
  advance(bytes: number): void;
  stop(): void;
}

/** Files above which a run is long enough for a progress bar. */
const PROGRESS_MIN_FILES = 5;

/** Draws a progress bar on stderr when it is a terminal and the run has more than a few files. */
async function startProgress(total: number, config: Config, stderr: Writer): Promise<Progress | null> {
  if (config.quiet || !stderr.isTTY || total < PROGRESS_MIN_FILES) return null;
  const {default: cliProgress} = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr as NodeJS.WritableStream,
      format: say({zh: 'reports {bar} {value}/{total} 个文件 | {speed} MB/s | 剩余 {eta_formatted}', en: 'reports {bar} {value}/{total} files | {speed} MB/s | ETA {eta_formatted}'}, config.lang),
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let bytes = 0;
  bar.start(total, 0, {speed: '0.0'});
  return {
    advance(size) {
      bytes += size;
      const seconds = (performance.now() - started) / 1000;
      bar.increment(1, {speed: seconds > 0 ? (bytes / 1e6 / seconds).toFixed(1) : '0.0'});
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * `reports text FILE`: the extracted text, one line per row as `line<TAB>text` (PDF:
 * `line<TAB>page<TAB>text`), numbered as the tables number them. A file that cannot be
 * read is a one-line message and exit status 2.
 */
export async function runText(file: string, config: Config, {stdout, stderr, paint}: Streams): Promise<number> {
  const absolute = path.resolve(config.cwd, file);
  if ((await stat(absolute).catch(() => null))?.isDirectory()) {
    throw new UsageError({zh: `${file} 是文件夹；reports text 只接受一个文件`, en: `${file}: a folder; reports text takes one file`});
  }
  const [found] = await discover([file], config.cwd);
  const read = await readSource(found!.absolute, config.maxFileBytes);
  const fail = (reason: string): number => {
    stderr.write(`${paint.red('reports:')} ${found!.file}: ${reason}\n`);
    return 2;
  };
  if (!('bytes' in read)) return fail(say(read.failure, config.lang));
  let extracted;
  try {
    extracted = await extractDocument(found!.file, read.bytes);
  } catch (error) {
    if (error instanceof ExtractError) return fail(error.reason(config.lang));
    throw error;
  }
  const {text, source, page} = extracted.lines;
  const rows = text.map((line, index) => `${source[index]}\t${page ? `${page[index]}\t` : ''}${line}\n`);
  await writeTo(stdout, rows.join(''));
  return 0;
}

/** Messages of the analysis that a completeness report leaves out (the decoding rule says it). */
const NOT_FINDINGS = new Set<string>([RULES.decodeReplaced]);
/** The rules of `reports check`: their findings go on the report page, not on stderr. */
const CHECK_RULES = new Set<string>(RULE_IDS);

/** Keeps the messages of an analysis that are completeness findings. */
function findingsOf(messages: readonly Message[]): Message[] {
  return messages.filter((m) => !NOT_FINDINGS.has(m.ruleId) && m.severity !== 'info');
}

/**
 * `reports check`: runs the completeness rules, prints the findings in the chosen format,
 * and returns 1 when any is an error (or warnings exceed --max-warnings), else 0.
 */
export async function runCheck(paths: string[], config: CheckConfig, {stdout, stderr, paint, signal}: Streams): Promise<number> {
  const settings = loadSettings(findConfig(config.cwd, config.configFile));
  const files = await discoverOrFail(paths, config);
  const checked: CheckedFile[] = [];
  await runPipeline(files, config, {words: false, labels: false, check: {settings, lang: config.lang}}, (result) => {
    checked.push({file: result.report.file, kind: result.kind, findings: findingsOf(result.messages)});
  }, signal);
  const version = (await import('./cli.js')).packageVersion();
  const text =
    config.format === 'json' ? formatCheckJson(checked)
      : config.format === 'junit' ? formatCheckJunit(checked, config.lang)
      : config.format === 'github' ? formatCheckGithub(checked)
      : config.format === 'sarif' ? formatCheckSarif(checked, version)
      : formatCheckText(checked, config.outFile ? new Chalk({level: 0}) : paint, config.lang);
  if (config.outFile) {
    const shown = path.relative(config.cwd, config.outFile) || config.outFile;
    let output: AtomicFile | undefined;
    try {
      output = await openAtomic(config.outFile);
      await output.write(text);
      await output.commit();
    } catch (error) {
      await output?.abort();
      throw cannotWrite(shown, error);
    }
    if (!config.quiet) stderr.write(`reports: ${say({zh: `已写入 ${shown}`, en: `wrote ${shown}`}, config.lang)}\n`);
  } else {
    await writeTo(stdout, text, signal);
  }
  const {errors, warnings} = countFindings(checked);
  if (errors > 0) return 1;
  if (config.maxWarnings !== null && warnings > config.maxWarnings) {
    stderr.write(`reports: ${say({
      zh: `${warnings} 个警告，超过了 --max-warnings ${config.maxWarnings}；请处理这些警告或提高上限`,
      en: `${plural(warnings, 'warning')}, more than --max-warnings ${config.maxWarnings}; fix them or raise the limit`,
    }, config.lang)}\n`);
    return 1;
  }
  return 0;
}
