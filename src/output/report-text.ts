/**
 * Messages → lines for a terminal: `reports: file:line:col severity reason  rule-id`, one a
 * line, in file, line and rule order, in the run's language; colour only when asked for. A
 * message about the whole file names the file alone, with no line.
 */
import type {ChalkInstance} from 'chalk';
import {compareMessages, say, type Language} from '../messages.js';
import type {Message, Severity} from '../types.js';

/** The word for each severity, in each language. */
export const SEVERITY_WORDS: Record<Severity, {zh: string; en: string}> = {
  error: {zh: '错误', en: 'error'},
  warning: {zh: '警告', en: 'warning'},
  info: {zh: '提示', en: 'info'},
};

/** Formats messages one a line; `paint` colours severities, or leaves text plain. */
export function formatMessages(messages: readonly Message[], paint: ChalkInstance, lang: Language = 'zh'): string {
  return [...messages]
    .sort(compareMessages)
    .map((m) => {
      const place = m.line > 0 ? `${m.file}:${m.line}:${m.column || 1}` : m.file;
      const word = say(SEVERITY_WORDS[m.severity], lang);
      const severity = m.severity === 'error' ? paint.red(word) : m.severity === 'warning' ? paint.yellow(word) : paint.blue(word);
      return `reports: ${place} ${severity} ${m.reason}  ${paint.dim(m.ruleId)}\n`;
    })
    .join('');
}
