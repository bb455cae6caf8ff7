/**
 * PATH arguments → the sorted list of report files. Folders are searched recursively for
 * the extensions reports come in; hidden folders and node_modules are skipped. A PATH that
 * does not exist is a usage error for the whole run, not a message about one file.
 */
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {compareText} from '../messages.js';

/** The extensions of report files searched for in folders. */
export const REPORT_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'docx', 'doc', 'pdf'];

/** A discovered file: its absolute path and how the output names it. */
export interface FoundFile {
  absolute: string;
  /** The path relative to the working folder, with forward slashes. */
  file: string;
}

/** A PATH argument that cannot be used; the run stops with exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Lists the report files under the given paths, sorted by their display path, each once. */
export async function discover(paths: readonly string[], cwd: string, extensions: readonly string[] = REPORT_EXTENSIONS): Promise<FoundFile[]> {
  const found = new Map<string, FoundFile>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => null);
    if (!info) throw new UsageError(`${given}: no such file or folder`);
    if (info.isFile()) {
      found.set(absolute, {absolute, file: displayPath(cwd, absolute)});
      continue;
    }
    const {default: fg} = await import('fast-glob');
    // Not onlyFiles: a broken or looping symbolic link must still be listed, so that its
    // row says why it could not be read instead of it vanishing from the output.
    const pattern = extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
    const entries = await fg(pattern, {
      cwd: absolute,
      absolute: true,
      dot: false,
      onlyFiles: false,
      objectMode: true,
      // Links to folders are not followed (as ripgrep does): a link to a parent folder
      // would otherwise list the same reports again under endless paths.
      followSymbolicLinks: false,
      caseSensitiveMatch: false,
      ignore: ['**/node_modules/**'],
      suppressErrors: true,
    });
    for (const entry of entries) {
      if (entry.dirent.isDirectory()) continue;
      if (entry.dirent.isSymbolicLink() && (await stat(entry.path).catch(() => null))?.isDirectory()) continue;
      const resolved = path.resolve(entry.path);
      found.set(resolved, {absolute: resolved, file: displayPath(cwd, resolved)});
    }
  }
  return [...found.values()].sort((a, b) => compareText(a.file, b.file));
}

/** Names a file relative to the working folder, with forward slashes on every system. */
function displayPath(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/') || path.basename(absolute);
}
