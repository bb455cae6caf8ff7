/**
 * Runs the analysis over a list of files: reads each (the edge), analyses it (pure) in this
 * thread and a pool of worker threads (`--jobs N`: N - 1 workers, since a thread of its own
 * would cost a second copy of the engine and OpenCC, and this thread is mostly idle otherwise;
 * the IDF table is built once, here, and shared), and hands the results on in path order,
 * whatever order they finish in.
 * Only a bounded window of files is in flight, so memory does not grow with the number of
 * files. A run that is stopped early (a closed pipe, Ctrl-C, an error) lets the
 * files already in the workers finish before the workers are shut down: a worker killed in
 * the middle of jieba's native code aborts the whole process.
 */
import {Piscina} from 'piscina';
import {failedFile, internalError, type AnalyzeOptions} from './analyze.js';
import {analyzeSource} from './analyze-source.js';
import {RULES} from './messages.js';
import type {FoundFile} from './stages/discover.js';
import {readSource} from './stages/read.js';
import {DEFAULT_SEGMENTER, shareIdfTable, useSegmenter, type SharedIdf} from './stages/segment.js';
import type {Config, FileResult} from './types.js';
import type {AnalyzeTask, WorkerSetup} from './worker.js';

/** Called for each file's result, in the order of `files`; may wait (for a slow reader). */
export type ResultSink = (result: FileResult, index: number, bytes: number) => void | Promise<void>;

/** The settings the pipeline reads: how many workers, keywords per section, largest file, language, engine. */
export type PipelineConfig = Pick<Config, 'jobs' | 'keywords' | 'maxFileBytes' | 'lang'> & Partial<Pick<Config, 'segmenter'>>;

/** What a command needs from the per-file analysis. */
export interface Needs {
  words: boolean;
  /** Label indicators (needs jieba); default true. */
  labels?: boolean;
  /** Run the completeness rules. */
  check?: AnalyzeOptions['check'];
  /** Keep the opening characters of each 问题 part (the report page). */
  excerpts?: number;
}

/**
 * Files in flight per worker: enough to keep workers busy while a long report holds up the
 * in-order output (at 4 they waited 8 % of the time), few enough to bound memory.
 */
const WINDOW_PER_JOB = 8;

/**
 * Files handed to each worker at once: the one it analyses and those after it, so that it
 * goes on while this thread is busy analysing a file of its own.
 */
export const TASKS_PER_WORKER = 4;

/**
 * Young generation of each worker, in MB. V8 grows it to 48 MB per thread on a long run,
 * which made peak memory grow with the corpus; at 12 MB garbage collection costs no more
 * time than at the default (6 MB cost some 5 % more CPU).
 */
const YOUNG_GENERATION_MB = 12;

/**
 * The module worker threads run. Only the build has one a thread can load; when this module
 * runs from its TypeScript source (under the test runner), files are analysed in the calling
 * thread instead, so in-process tests always run the source, never an older build.
 */
const workerFile: URL | null = import.meta.url.endsWith('.ts') ? null : new URL('./worker.js', import.meta.url);

/**
 * Analyses every file and passes each result to `sink`, in order. When `signal` aborts, no
 * more files are started, the ones started finish, and the run rejects with the signal's reason.
 */
export async function runPipeline(
  files: readonly FoundFile[], config: PipelineConfig, needs: Needs, sink: ResultSink, signal?: AbortSignal,
): Promise<void> {
  const options: AnalyzeOptions = {words: needs.words, keywords: config.keywords, labels: needs.labels ?? true, lang: config.lang};
  if (needs.check) options.check = needs.check;
  if (needs.excerpts) options.excerpts = needs.excerpts;
  if (config.segmenter) options.segmenter = config.segmenter;
  const jobs = Math.max(1, Math.min(config.jobs, files.length));
  // This thread analyses too, so --jobs N starts N - 1 workers.
  const workers = workerFile ? jobs - 1 : 0;
  const pool = workers > 0
    ? new Piscina<AnalyzeTask, FileResult>({
      filename: workerFile!.href, minThreads: workers, maxThreads: workers, concurrentTasksPerWorker: TASKS_PER_WORKER,
      resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB},
      workerData: needs.words || options.labels ? {segmenter: options.segmenter ?? DEFAULT_SEGMENTER} satisfies WorkerSetup : {},
    })
    : null;
  // The workers use this thread's IDF table, built while they start.
  const idf = pool && needs.words ? sharedIdf(options) : undefined;
  const run = dispatcher(pool, workers, idf);
  const inFlight = new Map<number, Promise<{result: FileResult; size: number}>>();
  // Files are read ahead of their analysis: with one job, the next file while this one is analysed.
  const window = Math.max(2, jobs * WINDOW_PER_JOB);
  let next = 0;
  const launch = (): void => {
    while (next < files.length && inFlight.size < window) {
      const index = next++;
      inFlight.set(index, readAndRun(files[index]!, config, run, options));
    }
  };
  try {
    for (let index = 0; index < files.length; index++) {
      signal?.throwIfAborted();
      launch();
      const {result, size} = await inFlight.get(index)!;
      inFlight.delete(index);
      signal?.throwIfAborted();
      await sink(result, index, size);
    }
  } finally {
    await Promise.allSettled(inFlight.values());
    await pool?.destroy();
  }
}

/**
 * Hands each file read to an analysing thread as one comes free: the workers first, each kept
 * `TASKS_PER_WORKER` files deep so it never waits for this thread, then this thread, one file at
 * a time (pdf.js keeps per-thread state across awaits: two PDFs in flight in one thread read
 * each other's pages), taking the file that has waited longest.
 */
export function dispatcher(pool: Pick<Piscina<AnalyzeTask, FileResult>, 'run'> | null, workers: number, idf: SharedIdf | undefined): (task: AnalyzeTask) => Promise<FileResult> {
  const waiting: {task: AnalyzeTask; resolve: (result: FileResult) => void; reject: (error: unknown) => void}[] = [];
  let inWorkers = 0;
  let here = false;
  const feedWorkers = (): void => {
    while (pool && waiting.length > 0 && inWorkers < workers * TASKS_PER_WORKER) {
      const {task, resolve, reject} = waiting.shift()!;
      inWorkers++;
      pool.run(idf ? {...task, idf} : task).then(resolve, reject).finally(() => {
        inWorkers--;
        dispatch();
      });
    }
  };
  const analyzeHere = (): void => {
    feedWorkers();
    const item = waiting.shift();
    if (!item) {
      here = false;
      return;
    }
    analyzeSource({file: item.task.file, bytes: item.task.bytes}, item.task.options).then(item.resolve, item.reject).finally(() => {
      here = false;
      dispatch();
    });
  };
  const dispatch = (): void => {
    feedWorkers();
    if (waiting.length === 0 || here) return;
    here = true;
    // After the events already due (reads done, results back from workers), so the workers
    // are fed before this thread is taken up.
    if (pool) setImmediate(analyzeHere);
    else analyzeHere();
  };
  return (task) => new Promise<FileResult>((resolve, reject) => {
    waiting.push({task, resolve, reject});
    dispatch();
  });
}

/**
 * Builds the IDF table of the run's engine in this thread, in memory the workers can share;
 * if its table cannot be read (the engine is not installed), each file says so in its row,
 * as without workers.
 */
function sharedIdf(options: AnalyzeOptions): SharedIdf | undefined {
  try {
    useSegmenter(options.segmenter ?? DEFAULT_SEGMENTER);
    return shareIdfTable();
  } catch {
    return undefined;
  }
}

/** Reads one file and analyses it; a failure to read or a crash becomes the file's error row. */
async function readAndRun(
  found: FoundFile, config: PipelineConfig, run: (task: AnalyzeTask) => FileResult | Promise<FileResult>, options: AnalyzeOptions,
): Promise<{result: FileResult; size: number}> {
  if (found.failure) return {result: failedFile(found.file, found.failure.reason, '', found.failure.ruleId, config.lang), size: 0};
  const read = await readSource(found.absolute, config.maxFileBytes);
  if (!('bytes' in read)) return {result: failedFile(found.file, read.failure, '', read.ruleId, config.lang), size: 0};
  try {
    return {result: await run({file: found.file, bytes: read.bytes, options}), size: read.bytes.length};
  } catch (error) {
    return {result: failedFile(found.file, internalError(error), '', RULES.internal, config.lang), size: read.bytes.length};
  }
}
