/**
 * A discovered file → its bytes: the only file-system read of the pipeline. A file that
 * cannot be read (vanished, no permission, a folder, a link loop, too large) becomes a
 * failure saying why, so the run goes on with the other files. The file system is a
 * parameter, so tests can make it fail the way a real disk does.
 */
import {lstat, open} from 'node:fs/promises';
import {describeFsError, RULES, type Text} from '../messages.js';

/** The bytes of a file, or why they could not be had. */
export type ReadResult = {bytes: Uint8Array} | {failure: Text; ruleId: string};

/** The calls of node:fs/promises the read makes. */
export interface ReadFs {
  open: typeof open;
  lstat: typeof lstat;
}

/** Reads a whole file, refusing one larger than `maxBytes`. */
export async function readSource(absolute: string, maxBytes: number, fs: ReadFs = {open, lstat}): Promise<ReadResult> {
  let handle;
  try {
    handle = await fs.open(absolute, 'r');
    const info = await handle.stat();
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
    return {bytes: await handle.readFile()};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const link = await fs.lstat(absolute).then((info) => info.isSymbolicLink(), () => false);
      return cannotRead(link
        ? {zh: '这是指向不存在文件的符号链接（断开的链接）', en: 'it is a symbolic link to nothing (a broken link)'}
        : {zh: '文件已不存在（找到后被删除）', en: 'it no longer exists (removed after it was found)'});
    }
    return cannotRead(describeFsError(error));
  } finally {
    await handle?.close();
  }
}

/** The failure of a file that could not be read, with the cause. */
function cannotRead(why: Text): ReadResult {
  return {failure: {zh: `无法读取：${why.zh}`, en: `cannot read it: ${why.en}`}, ruleId: RULES.readFailed};
}

/** Writes a byte count in megabytes with one decimal. */
function formatMegabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
