/**
 * Messages → lines for a terminal: `file:line:col severity reason  rule-id`, one a line,
 * in file, line and rule order; colour only when asked for.
 */
import type {ChalkInstance} from 'chalk';
import {compareMessages} from '../messages.js';
import type {Message} from '../types.js';

/** Formats messages one a line; `paint` colours severities, or leaves text plain. */
export function formatMessages(messages: readonly Message[], paint: ChalkInstance): string {
  return [...messages]
    .sort(compareMessages)
    .map((m) => {
      const place = m.line > 0 ? `${m.file}:${m.line}:${m.column || 1}` : m.file;
      const severity = m.severity === 'error' ? paint.red('error') : m.severity === 'warning' ? paint.yellow('warning') : paint.blue('info');
      return `${place} ${severity} ${m.reason}  ${paint.dim(m.ruleId)}\n`;
    })
    .join('');
}
