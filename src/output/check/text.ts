/**
 * Check findings → text for people: findings grouped by file as `line:col severity message
 * rule-id` (`-` in place of
 * the line for a finding about the whole file), then one summary line.
 */
import type {ChalkInstance} from 'chalk';
import {compareMessages, plural, say} from '../../messages.js';
import {SEVERITY_WORDS} from '../report-text.js';
import {countFindings, type CheckedFile} from './types.js';

/** Formats findings for a terminal; `paint` colours them or leaves them plain. */
export function formatCheckText(files: readonly CheckedFile[], paint: ChalkInstance, lang: 'zh' | 'en'): string {
  let out = '';
  for (const file of files) {
    if (file.findings.length === 0) continue;
    out += `${paint.underline(file.file)}\n`;
    const rows = [...file.findings].sort(compareMessages).map((f) => {
      // A finding about the whole file (line 0) has no place in it.
      const place = f.line > 0 ? `${f.line}:${f.column || 1}` : '-';
      const word = say(SEVERITY_WORDS[f.severity], lang);
      const severity = f.severity === 'error' ? paint.red(word) : paint.yellow(word);
      return {place, severity, plain: word, reason: f.reason, rule: f.ruleId};
    });
    const width = Math.max(...rows.map((r) => r.place.length));
    const wordWidth = lang === 'en' ? 8 : 6;
    const widthOf = (text: string): number => [...text].reduce((sum, c) => sum + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    for (const r of rows) out += `  ${r.place.padEnd(width)}  ${r.severity}${' '.repeat(wordWidth - widthOf(r.plain))}${r.reason}  ${paint.dim(r.rule)}\n`;
    out += '\n';
  }
  const {errors, warnings} = countFindings(files);
  const failing = files.filter((f) => f.findings.some((x) => x.severity === 'error')).length;
  const summary = lang === 'en'
    ? `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}; ${failing} incomplete`
    : `${files.length}个文件：${errors}个错误，${warnings}个警告；${failing}个文件不完整`;
  return out + (errors > 0 ? paint.red(`✖ ${summary}`) : paint.green(`✔ ${summary}`)) + '\n';
}
