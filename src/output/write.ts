/**
 * Output files, written so that no half-written table is ever left behind: rows go to a
 * temporary file beside the target, which is renamed over it only once complete.
 */
import {createWriteStream, rmSync, type WriteStream} from 'node:fs';
import {mkdir, rename, rm} from 'node:fs/promises';
import path from 'node:path';

/** A file being written: append text, then commit (rename into place) or abort. */
export interface AtomicFile {
  /** Appends text; resolves once the stream can take more (back-pressure). */
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Temporary files still open, removed if the process exits before they are done. */
const pending = new Set<string>();
let cleanupInstalled = false;

/** Opens `target` for writing through a temporary file in the same folder. */
export async function openAtomic(target: string): Promise<AtomicFile> {
  await mkdir(path.dirname(target), {recursive: true});
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  installCleanup();
  const stream: WriteStream = createWriteStream(temporary);
  pending.add(temporary);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const finish = (): Promise<void> =>
    Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
  return {
    async write(text) {
      if (text !== '' && !stream.write(text)) await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failed]);
    },
    async commit() {
      await finish();
      await rename(temporary, target);
      pending.delete(temporary);
    },
    async abort() {
      stream.destroy();
      await rm(temporary, {force: true});
      pending.delete(temporary);
    },
  };
}

/**
 * Removes temporary files still open when the process exits. Ctrl-C stops the run through
 * main's signal (bin/reports.js), whose error path aborts each file; this is the last net.
 */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  // Synchronous on purpose: the process is about to end.
  process.once('exit', () => {
    for (const file of pending) rmSync(file, {force: true});
  });
}
