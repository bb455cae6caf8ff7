/**
 * Check findings → GitHub Actions workflow commands (`::error file=…,line=…,title=…::…`),
 * which annotate the files of a pull request.
 */
import {compareMessages} from '../../messages.js';
import type {CheckedFile} from './types.js';

/** Formats findings as workflow commands, one a line. */
export function formatCheckGithub(files: readonly CheckedFile[]): string {
  let out = '';
  for (const file of files) {
    for (const f of [...file.findings].sort(compareMessages)) {
      // A finding about the whole file has no line: GitHub shows it on the file.
      const properties = [`file=${property(file.file)}`];
      if (f.line > 0) properties.push(`line=${f.line}`);
      if (f.line > 0 && f.column > 0) properties.push(`col=${f.column}`);
      properties.push(`title=${property(f.ruleId)}`);
      out += `::${f.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${data(f.reason)}\n`;
    }
  }
  return out;
}

/** Escapes the message of a workflow command. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
