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
