// How the pipeline hands files to threads: workers first, each kept TASKS_PER_WORKER files
// deep, the main thread taking the rest one at a time; every file's result comes back for it.
// A stand-in pool (slower than the main thread, as a busy worker is) replaces piscina, which
// needs the build.
import {describe, expect, it} from 'vitest';
import {analyzeSource} from '../src/analyze-source.js';
import {dispatcher, TASKS_PER_WORKER} from '../src/pipeline.js';
import {shareIdfTable, useSegmenter, DEFAULT_SEGMENTER} from '../src/stages/segment.js';
import type {AnalyzeTask} from '../src/worker.js';

/** Twelve small reports, each naming its own count. */
const tasks: AnalyzeTask[] = Array.from({length: 12}, (_, i) => ({
  file: `report-${i}.txt`,
  bytes: Buffer.from(`第${i}份报告\n全年受理行政复议案件${i + 1}件。\n`),
  options: {words: true, keywords: 3, labels: true, lang: 'zh'},
}));

describe('dispatcher', () => {
  it('keeps each worker a few files deep, gives the rest to the main thread, and returns every result', async () => {
    useSegmenter(DEFAULT_SEGMENTER);
    const idf = shareIdfTable();
    const inWorker = new Set<string>();
    let busy = 0;
    let most = 0;
    const pool = {
      async run(task: AnalyzeTask) {
        busy++;
        most = Math.max(most, busy);
        inWorker.add(task.file);
        expect(task.idf).toBe(idf);
        await new Promise((resolve) => setTimeout(resolve, 30));
        busy--;
        return analyzeSource({file: task.file, bytes: task.bytes}, task.options);
      },
    };
    const run = dispatcher(pool, 1, idf);
    const results = await Promise.all(tasks.map(run));
    expect(results.map((result) => result.report.file)).toEqual(tasks.map((task) => task.file));
    expect(results.map((result) => result.indicators[0]?.value)).toEqual(tasks.map((_, i) => i + 1));
    expect(most).toBe(TASKS_PER_WORKER);
    // The main thread took files while the worker was full, the worker took its share.
    expect(inWorker.size).toBeGreaterThanOrEqual(TASKS_PER_WORKER);
    expect(inWorker.size).toBeLessThan(tasks.length);
  });

  it('analyses every file in the main thread when there is no worker', async () => {
    const run = dispatcher(null, 0, undefined);
    const results = await Promise.all(tasks.map(run));
    expect(results.map((result) => result.report.status)).toEqual(tasks.map(() => 'ok'));
    expect(results.map((result) => result.indicators[0]?.label)).toEqual(tasks.map(() => '行政复议案件'));
  });
});
