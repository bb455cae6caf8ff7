/**
 * A discovered file → its bytes: the only file-system read of the pipeline. A file that
 * cannot be read (vanished, no permission, a folder, a link loop, too large) becomes a
 * failure saying why, so the run goes on with the other files.
 */
import {closeSync, constants, fstatSync, lstatSync, openSync, readSync} from 'node:fs';
import {describeFsError, RULES, type Text} from '../messages.js';

/** The bytes of a file, or why they could not be had. */
export type ReadResult = {bytes: Uint8Array} | {failure: Text; ruleId: string};

/**
 * Reads a whole file, refusing one larger than `maxBytes`. The calls are synchronous: a
 * report is read in well under a millisecond, and each asynchronous call cost more of this
 * thread's time than the read itself (five calls a file through the thread pool).
 */
export async function readSource(absolute: string, maxBytes: number): Promise<ReadResult> {
  let handle: number | undefined;
  try {
    // Non-blocking, so that opening a named pipe returns at once (to be refused as no
    // regular file) instead of waiting for a writer, with every signal unheard.
    handle = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(handle);
    if (!info.isFile()) return cannotRead({zh: '这不是普通文件', en: 'not a regular file'});
    if (info.size > maxBytes) {
      const size = formatMegabytes(info.size);
      const limit = formatMegabytes(maxBytes);
      return {
        failure: {
          zh: `文件太大：${size} MB，超过 ${limit} MB 的上限（可用 --max-file-size 调整）`,
          en: `file too large: ${size} MB, over the limit of ${limit} MB (raise it with --max-file-size)`,
        },
        ruleId: RULES.tooLarge,
      };
    }
    return {bytes: readAll(handle, info.size)};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      let link = false;
      try {
        link = lstatSync(absolute).isSymbolicLink();
      } catch {
        // Gone altogether.
      }
      return cannotRead(link
        ? {zh: '这是指向不存在文件的符号链接（断开的链接）', en: 'it is a symbolic link to nothing (a broken link)'}
        : {zh: '文件已不存在（找到后被删除）', en: 'it no longer exists (removed after it was found)'});
    }
    return cannotRead(describeFsError(error));
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

/** Reads an open file to its end: `size` bytes as its status said, or more if it grew since. */
function readAll(handle: number, size: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.max(size, 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const read = readSync(handle, buffer, length, buffer.length - length, length);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/** The failure of a file that could not be read, with the cause. */
function cannotRead(why: Text): ReadResult {
  return {failure: {zh: `无法读取：${why.zh}`, en: `cannot read it: ${why.en}`}, ruleId: RULES.readFailed};
}

/** Writes a byte count in megabytes with one decimal. */
function formatMegabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
