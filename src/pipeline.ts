/**
 * Runs the analysis over a list of files: reads each (the edge), analyses it (pure) in a
 * pool of worker threads, and hands the results on in path order, whatever order they
 * finish in. Only a bounded window of files is in flight, so memory does not grow with the
 * number of files.
 */
import {Piscina} from 'piscina';
import {analyzeFile, failedFile, type AnalyzeOptions} from './analyze.js';
import {oneLine, RULES} from './messages.js';
import type {FoundFile} from './stages/discover.js';
import {readSource} from './stages/read.js';
import type {Config, FileResult} from './types.js';
import type {AnalyzeTask} from './worker.js';

/** Called for each file's result, in the order of `files`; may wait (for a slow reader). */
export type ResultSink = (result: FileResult, index: number, bytes: number) => void | Promise<void>;

/** The settings the pipeline reads: how many workers, keywords per section, largest file. */
export type PipelineConfig = Pick<Config, 'jobs' | 'keywords' | 'maxFileBytes'> & Partial<Pick<Config, 'segmenter'>>;

/** What a command needs from the per-file analysis. */
export interface Needs {
  words: boolean;
  /** Label indicators (needs jieba); default true. */
  labels?: boolean;
  /** Run the completeness rules. */
  check?: AnalyzeOptions['check'];
}

/**
 * Files in flight per worker: enough to keep workers busy while a long report holds up the
 * in-order output (at 4 they waited 8 % of the time), few enough to bound memory.
 */
const WINDOW_PER_JOB = 8;

/**
 * Young generation of each worker, in MB. V8 grows it to 48 MB per thread on a long run,
 * which made peak memory grow with the corpus; at 12 MB garbage collection costs no more
 * time than at the default (6 MB cost some 5 % more CPU).
 */
const YOUNG_GENERATION_MB = 12;

/** The built worker module; tests run from sources, so they use the built one too. */
const workerFile = new URL(import.meta.url.endsWith('.ts') ? '../dist/worker.js' : './worker.js', import.meta.url);

/** Analyses every file and passes each result to `sink`, in order. */
export async function runPipeline(files: readonly FoundFile[], config: PipelineConfig, needs: Needs, sink: ResultSink): Promise<void> {
  const options: AnalyzeOptions = {words: needs.words, keywords: config.keywords, labels: needs.labels ?? true};
  if (needs.check) options.check = needs.check;
  if (config.segmenter) options.segmenter = config.segmenter;
  const jobs = Math.min(config.jobs, files.length);
  if (jobs <= 1) {
    // The next file is read while this one is analysed.
    const analyze = (task: AnalyzeTask): FileResult => analyzeFile({file: task.file, bytes: task.bytes}, task.options);
    let reading = files.length > 0 ? readSource(files[0]!.absolute, config.maxFileBytes) : null;
    for (const [index, found] of files.entries()) {
      const read = await reading!;
      reading = index + 1 < files.length ? readSource(files[index + 1]!.absolute, config.maxFileBytes) : null;
      const {result, size} = await runRead(found, read, analyze, options);
      await sink(result, index, size);
    }
    return;
  }

  const pool = new Piscina<AnalyzeTask, FileResult>({filename: workerFile.href, minThreads: jobs, maxThreads: jobs, resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB}});
  const inFlight = new Map<number, Promise<{result: FileResult; size: number}>>();
  const window = jobs * WINDOW_PER_JOB;
  let next = 0;
  const launch = (): void => {
    while (next < files.length && inFlight.size < window) {
      const index = next++;
      inFlight.set(index, readAndRun(files[index]!, config, (task) => pool.run(task), options));
    }
  };
  try {
    for (let index = 0; index < files.length; index++) {
      launch();
      const {result, size} = await inFlight.get(index)!;
      inFlight.delete(index);
      await sink(result, index, size);
    }
  } finally {
    await pool.destroy();
  }
}

/** Reads one file and analyses it; a failure to read or a crash becomes the file's error row. */
async function readAndRun(
  found: FoundFile, config: PipelineConfig, run: (task: AnalyzeTask) => FileResult | Promise<FileResult>, options: AnalyzeOptions,
): Promise<{result: FileResult; size: number}> {
  return runRead(found, await readSource(found.absolute, config.maxFileBytes), run, options);
}

/** Analyses a file once read; a failure to read or a crash becomes the file's error row. */
async function runRead(
  found: FoundFile, read: Awaited<ReturnType<typeof readSource>>, run: (task: AnalyzeTask) => FileResult | Promise<FileResult>, options: AnalyzeOptions,
): Promise<{result: FileResult; size: number}> {
  if (!('bytes' in read)) return {result: failedFile(found.file, read.failure, '', read.ruleId), size: 0};
  try {
    return {result: await run({file: found.file, bytes: read.bytes, options}), size: read.bytes.length};
  } catch (error) {
    const reason = `internal error while analysing: ${oneLine(error instanceof Error ? error.message : String(error))}`;
    return {result: failedFile(found.file, reason, '', RULES.internal), size: read.bytes.length};
  }
}
