/**
 * Runs the analysis over a list of files: reads each (the edge), analyses it (pure), and
 * hands the results on in path order, whatever order they finish in.
 */
import {analyzeFile, failedFile, type AnalyzeOptions} from './analyze.js';
import type {FoundFile} from './stages/discover.js';
import {readSource} from './stages/read.js';
import type {Config, FileResult} from './types.js';

/** Called for each file's result, in the order of `files`. */
export type ResultSink = (result: FileResult, index: number) => void;

/** What a command needs from the per-file analysis. */
export interface Needs {
  words: boolean;
}

/** Analyses every file and passes each result to `sink`, in order. */
export async function runPipeline(files: readonly FoundFile[], config: Config, needs: Needs, sink: ResultSink): Promise<void> {
  const options: AnalyzeOptions = {words: needs.words, keywords: config.keywords};
  for (const [index, found] of files.entries()) {
    const read = await readSource(found.absolute, config.maxFileBytes);
    const result = 'bytes' in read
      ? analyzeFile({file: found.file, bytes: read.bytes}, options)
      : failedFile(found.file, read.failure, '', read.ruleId);
    sink(result, index);
  }
}
