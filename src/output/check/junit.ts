/**
 * Check findings → JUnit XML, as CI servers read test results: one testsuite per file, one
 * testcase per rule. An error is a <failure>; a warning is kept, as the testcase's
 * <system-out>, without failing it.
 */
import {RULE_IDS} from '../../check/settings.js';
import {compareMessages, say, type Language} from '../../messages.js';
import {SEVERITY_WORDS} from '../report-text.js';
import {countFindings, type CheckedFile} from './types.js';

/** Formats findings as JUnit XML. */
export function formatCheckJunit(files: readonly CheckedFile[], lang: Language = 'zh'): string {
  const {errors} = countFindings(files);
  const suites = files.map((file) => {
    const rules = [...new Set([...RULE_IDS, ...file.findings.map((f) => f.ruleId)])];
    const failures = rules.filter((rule) => file.findings.some((f) => f.ruleId === rule && f.severity === 'error')).length;
    const cases = rules.map((rule) => {
      const findings = file.findings.filter((f) => f.ruleId === rule).sort(compareMessages);
      const describe = (f: (typeof findings)[number]): string => `${f.line > 0 ? `${file.file}:${f.line}:${f.column || 1}` : file.file} ${say(SEVERITY_WORDS[f.severity], lang)} ${f.reason}`;
      const failed = findings.filter((f) => f.severity === 'error');
      const warned = findings.filter((f) => f.severity !== 'error');
      let body = '';
      if (failed.length > 0) {
        body += `<failure message="${xml(failed[0]!.reason)}" type="${xml(rule)}">${xml(failed.map(describe).join('\n'))}</failure>`;
      }
      if (warned.length > 0) body += `<system-out>${xml(warned.map(describe).join('\n'))}</system-out>`;
      return `    <testcase name="${xml(rule)}" classname="${xml(file.file)}"${body ? `>${body}</testcase>` : '/>'}`;
    });
    return `  <testsuite name="${xml(file.file)}" tests="${rules.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="reports check" tests="${files.length * RULE_IDS.length}" failures="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Escapes text for an XML attribute or element, dropping characters XML cannot hold. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
