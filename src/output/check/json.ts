/** Check findings → one JSON document: every file with its findings, and the totals. */
import {compareMessages} from '../../messages.js';
import {countFindings, type CheckedFile} from './types.js';

/** Formats findings as JSON. */
export function formatCheckJson(files: readonly CheckedFile[]): string {
  const document = {
    files: files.map((file) => ({
      file: file.file,
      kind: file.kind,
      findings: [...file.findings].sort(compareMessages).map((f) => ({
        line: f.line, column: f.column, severity: f.severity, ruleId: f.ruleId, message: f.reason,
      })),
    })),
    summary: {files: files.length, ...countFindings(files)},
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
