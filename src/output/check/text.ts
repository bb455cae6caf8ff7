/**
 * Check findings → text for people: findings grouped by file as `line:col severity message
 * rule-id`, then one summary line.
 */
import type {ChalkInstance} from 'chalk';
import {compareMessages} from '../../messages.js';
import {countFindings, type CheckedFile} from './types.js';

/** Formats findings for a terminal; `paint` colours them or leaves them plain. */
export function formatCheckText(files: readonly CheckedFile[], paint: ChalkInstance, lang: 'zh' | 'en'): string {
  let out = '';
  for (const file of files) {
    if (file.findings.length === 0) continue;
    out += `${paint.underline(file.file)}\n`;
    const rows = [...file.findings].sort(compareMessages).map((f) => {
      const place = `${f.line || 1}:${f.column || 1}`;
      const severity = f.severity === 'error' ? paint.red('error') : paint.yellow('warning');
      return {place, severity, plain: f.severity, reason: f.reason, rule: f.ruleId};
    });
    const width = Math.max(...rows.map((r) => r.place.length));
    for (const r of rows) out += `  ${r.place.padEnd(width)}  ${r.severity}${' '.repeat(8 - r.plain.length)}${r.reason}  ${paint.dim(r.rule)}\n`;
    out += '\n';
  }
  const {errors, warnings} = countFindings(files);
  const failing = files.filter((f) => f.findings.some((x) => x.severity === 'error')).length;
  const summary = lang === 'en'
    ? `${errors} error(s), ${warnings} warning(s) in ${files.length} file(s); ${failing} file(s) incomplete`
    : `${files.length}个文件：${errors}个错误，${warnings}个警告；${failing}个文件不完整`;
  return out + (errors > 0 ? paint.red(`✖ ${summary}`) : paint.green(`✔ ${summary}`)) + '\n';
}
