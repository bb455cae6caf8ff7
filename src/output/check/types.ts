/** What the check reporters print: each file with its findings, in path order. */
import type {Message} from '../../types.js';

export interface CheckedFile {
  file: string;
  /** The kind of report recognised (rule-of-law, government-work, other), or '' if unread. */
  kind: string;
  findings: Message[];
}

/** Counts of errors and warnings over all files. */
export function countFindings(files: readonly CheckedFile[]): {errors: number; warnings: number} {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
    }
  }
  return {errors, warnings};
}
