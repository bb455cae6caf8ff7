/**
 * PATH arguments → the sorted list of report files. Folders are searched recursively for
 * the extensions reports come in; hidden folders and node_modules are skipped. A PATH that
 * cannot be used is a usage error for the whole run, not a message about one file; a
 * folder inside it that cannot be read gets a row saying why, like a file that cannot be
 * read. The file system is a parameter, so tests can make it fail the way a real disk does.
 */
import {readdir as readdirCallback} from 'node:fs';
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {compareText, describeFsError, RULES, type Text} from '../messages.js';

/** The extensions of report files searched for in folders. */
export const REPORT_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'docx', 'doc', 'pdf'];

/** A discovered file: its absolute path and how the output names it. */
export interface FoundFile {
  absolute: string;
  /** The path relative to the working folder, with forward slashes. */
  file: string;
  /** Set for a folder that could not be listed: the row says why instead of the files vanishing. */
  failure?: {reason: Text; ruleId: string};
}

/** A PATH argument or an option that cannot be used; the run stops with exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** Builds the error from its message in both languages (`message` is the English one). */
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** The file-system calls discovery makes (node:fs by default). */
export interface DiscoverFs {
  stat: typeof stat;
  readdir: typeof readdirCallback;
}

/** Lists the report files under the given paths, sorted by their display path, each once. */
export async function discover(
  paths: readonly string[], cwd: string, extensions: readonly string[] = REPORT_EXTENSIONS, fs: DiscoverFs = {stat, readdir: readdirCallback},
): Promise<FoundFile[]> {
  const found = new Map<string, FoundFile>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await fs.stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (info instanceof Error) {
      const why = info.code === 'ENOENT' ? {zh: '没有这个文件或文件夹', en: 'no such file or folder'} : describeFsError(info);
      throw new UsageError({zh: `${given}：${why.zh}；请检查路径`, en: `${given}: ${why.en}; check the path`});
    }
    if (info.isFile()) {
      found.set(absolute, {absolute, file: displayPath(cwd, absolute)});
      continue;
    }
    const unreadable = new Map<string, unknown>();
    // fast-glob skips a folder it cannot list without a word; this records it instead.
    const readdir = ((folder: string, options: unknown, callback: (error: Error | null, entries: unknown[]) => void) => {
      fs.readdir(folder, options as {withFileTypes: true}, (error, entries) => {
        if (error) unreadable.set(path.resolve(folder), error);
        callback(null, error ? [] : entries);
      });
    }) as unknown as typeof readdirCallback;
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
      fs: {readdir},
    });
    for (const entry of entries) {
      if (entry.dirent.isDirectory()) continue;
      if (entry.dirent.isSymbolicLink() && (await fs.stat(entry.path).catch(() => null))?.isDirectory()) continue;
      const resolved = path.resolve(entry.path);
      found.set(resolved, {absolute: resolved, file: displayPath(cwd, resolved)});
    }
    for (const [folder, error] of unreadable) {
      if (path.relative(absolute, folder).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')) continue;
      const why = describeFsError(error);
      found.set(folder, {
        absolute: folder,
        file: displayPath(cwd, folder),
        failure: {reason: {zh: `无法读取文件夹：${why.zh}`, en: `cannot read the folder: ${why.en}`}, ruleId: RULES.readFailed},
      });
    }
  }
  return [...found.values()].sort((a, b) => compareText(a.file, b.file));
}

/** Names a file relative to the working folder, with forward slashes on every system. */
function displayPath(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute).split(path.sep).join('/') || path.basename(absolute);
}
