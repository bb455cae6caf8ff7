/**
 * The body of a worker thread: analyses one file per task. Each worker keeps its own jieba
 * dictionary and OpenCC tables, loaded on its first task and reused for every later one.
 */
import type {AnalyzeOptions} from './analyze.js';
import {analyzeSource} from './analyze-source.js';
import type {FileResult} from './types.js';

/** A task sent to a worker: one file's name and bytes, and what to compute. */
export interface AnalyzeTask {
  file: string;
  bytes: Uint8Array;
  options: AnalyzeOptions;
}

/** Analyses the file of one task, extracting a binary document's text first. */
export default function analyzeTask({file, bytes, options}: AnalyzeTask): Promise<FileResult> {
  return analyzeSource({file, bytes}, options);
}
