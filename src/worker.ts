/**
 * The body of a worker thread: analyses one file per task. Each worker keeps its own jieba
 * dictionary (loaded as the worker starts, when the run segments) and OpenCC tables (loaded
 * on its first traditional file), reused for every later task; the IDF table of the keywords
 * is the main thread's, in shared memory.
 * A worker is handed the next file before it is done with this one (so it never waits for
 * the main thread); the tasks still run one after the other, since pdf.js keeps per-thread
 * state across awaits and two PDFs in flight in one thread read each other's pages.
 */
import type {AnalyzeOptions} from './analyze.js';
import {analyzeSource} from './analyze-source.js';
import {workerData} from 'node:worker_threads';
import {adoptIdfTable, preloadSegmenter, type SharedIdf, type SegmenterName} from './stages/segment.js';
import type {FileResult} from './types.js';

/** What the pool tells a worker as it starts: the engine to load at once, when the run needs one. */
export interface WorkerSetup {
  segmenter?: SegmenterName;
}

// The engine loads while the main thread builds the IDF table, not after the first task arrives.
const setup = (workerData ?? {}) as WorkerSetup;
if (setup.segmenter) preloadSegmenter(setup.segmenter);

/** A task sent to a worker: one file's name and bytes, and what to compute. */
export interface AnalyzeTask {
  file: string;
  bytes: Uint8Array;
  options: AnalyzeOptions;
  /** The main thread's IDF table, in shared memory, for the keywords. */
  idf?: SharedIdf;
}

/** The task before, settled or not: the next one starts when it has. */
let last: Promise<unknown> = Promise.resolve();

/** Analyses the file of one task once the task before it is done, extracting a binary document's text first. */
export default function analyzeTask({file, bytes, options, idf}: AnalyzeTask): Promise<FileResult> {
  if (idf) adoptIdfTable(idf);
  const result = last.then(() => analyzeSource({file, bytes}, options));
  last = result.catch(() => undefined);
  return result;
}
