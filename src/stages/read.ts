/**
 * A discovered file → its bytes: the only file-system read of the pipeline. A file that
 * cannot be read (vanished, no permission, a folder, too large) becomes a failure reason,
 * so the run goes on with the other files.
 */
import {lstat, open} from 'node:fs/promises';
import {RULES} from '../messages.js';

/** The bytes of a file, or why they could not be had. */
export type ReadResult = {bytes: Uint8Array} | {failure: string; ruleId: string};

/** Reads a whole file, refusing one larger than `maxBytes`. */
export async function readSource(absolute: string, maxBytes: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(absolute, 'r');
    const info = await handle.stat();
    if (!info.isFile()) return {failure: 'cannot read it: not a regular file', ruleId: RULES.readFailed};
    if (info.size > maxBytes) {
      return {
        failure: `file too large: ${formatMegabytes(info.size)} MB, over the limit of ${formatMegabytes(maxBytes)} MB (see --max-file-size)`,
        ruleId: RULES.tooLarge,
      };
    }
    return {bytes: await handle.readFile()};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const link = code === 'ENOENT' ? await lstat(absolute).then((info) => info.isSymbolicLink(), () => false) : false;
    const why = link ? 'it is a symbolic link to nothing (a broken link)'
      : code === 'ENOENT' ? 'it no longer exists (removed after it was found)' : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'EISDIR' ? 'it is a folder' : code === 'ELOOP' ? 'too many symbolic links (a link loop)'
      : (error as Error).message;
    return {failure: `cannot read it: ${why}`, ruleId: RULES.readFailed};
  } finally {
    await handle?.close();
  }
}

/** Writes a byte count in megabytes with one decimal. */
function formatMegabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
