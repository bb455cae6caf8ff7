/**
 * Output files, written so that no half-written table is ever left behind: rows go to a
 * temporary file beside the target, which is renamed over it only once complete.
 */
import {createWriteStream, rmSync, type WriteStream} from 'node:fs';
import {mkdir, rename, rm, stat} from 'node:fs/promises';
import path from 'node:path';

/** A file being written: append text, then commit (rename into place) or abort. */
export interface AtomicFile {
  /** Appends text; resolves once the stream can take more (back-pressure). */
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Characters gathered before a write to the file (some 200 kB of Chinese in UTF-8). */
const WRITE_CHUNK_CHARS = 64 * 1024;

/** Temporary files still open, removed if the process exits before they are done. */
const pending = new Set<string>();
let cleanupInstalled = false;

/** Opens `target` for writing through a temporary file in the same folder. */
export async function openAtomic(target: string): Promise<AtomicFile> {
  await makeFolder(path.dirname(target));
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  installCleanup();
  const stream: WriteStream = createWriteStream(temporary);
  pending.add(temporary);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const finish = (): Promise<void> =>
    Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
  // Text is gathered into pieces of some size before it goes to the stream: each write to
  // it costs an encoding and a call to the file system, whatever its length.
  let held = '';
  const flush = async (): Promise<void> => {
    const text = held;
    held = '';
    if (text !== '' && !stream.write(text)) await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failed]);
  };
  return {
    async write(text) {
      held += text;
      if (held.length >= WRITE_CHUNK_CHARS) await flush();
    },
    async commit() {
      await flush();
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
 * Creates a folder and its missing parents, one level at a time. Node's own recursive
 * mkdir retries for ever where a parent cannot be made (ENOENT under /proc); here any
 * failure is thrown at once.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    try {
      if ((await stat(at)).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a folder, '${at}'`), {code: 'ENOTDIR'});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(at);
      if (path.dirname(at) === at) break;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
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
