/**
 * Diagnostics as values: constructors for messages, the stable rule ids stages use, and
 * the one sort every reporter relies on.
 */
import type {Message, Severity} from './types.js';

/** Stable ids of the messages stages make; scripts may match on them. */
export const RULES = {
  decodeReplaced: 'decode-replaced',
  binary: 'binary-file',
  readFailed: 'read-failed',
  tooLarge: 'file-too-large',
  empty: 'empty-file',
  internal: 'internal-error',
} as const;

/** The languages messages are written in: Chinese (the default) and English. */
export type Language = 'zh' | 'en';

/** One message in both languages; the run picks one. */
export interface Text {
  zh: string;
  en: string;
}

/** Picks the run's language from a message written in both. */
export function say(text: Text, lang: Language): string {
  return lang === 'en' ? text.en : text.zh;
}

/** Counts things in English, with the plural where it is due (1 warning, 2 warnings). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Says what a failed file-system call ran into, from its error code: a missing file, a
 * permission, a link loop, a file where a folder is needed. Unknown codes keep the system's words.
 */
export function describeFsError(error: unknown): Text {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return {zh: '不存在', en: 'it does not exist'};
    case 'EACCES':
    case 'EPERM': return {zh: '没有权限（permission denied）', en: 'permission denied'};
    case 'ELOOP': return {zh: '符号链接太多（链接循环）', en: 'too many symbolic links (a link loop)'};
    case 'EISDIR': return {zh: '这是一个文件夹', en: 'it is a folder'};
    case 'ENOTDIR':
    case 'EEXIST': return {zh: '路径中有一部分是文件而不是文件夹', en: 'a part of the path is a file, not a folder'};
    case 'ENOSPC': return {zh: '磁盘已满', en: 'the disk is full'};
    case 'EROFS': return {zh: '文件系统只读', en: 'the file system is read-only'};
    case 'ENAMETOOLONG': return {zh: '路径太长', en: 'the path is too long'};
    default: {
      const text = oneLine(error instanceof Error ? error.message : String(error));
      return {zh: text, en: text};
    }
  }
}

/** Makes a message about `file`, at `line` (0 for the whole file). */
export function message(
  file: string,
  severity: Severity,
  ruleId: string,
  reason: string,
  line = 0,
  column = 0,
): Message {
  return {file, line, column, ruleId, severity, reason};
}

/** Orders messages by file, then line, column and rule id, so output is deterministic. */
export function compareMessages(a: Message, b: Message): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId)
  );
}

/** Compares two strings by code unit, independent of the locale the tool runs in. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Collapses an error into one line for a table cell or a terminal. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
