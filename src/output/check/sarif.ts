/** Check findings → SARIF 2.1.0, the format code-scanning services import. */
import {RULE_IDS} from '../../check/settings.js';
import {compareMessages} from '../../messages.js';
import type {CheckedFile} from './types.js';

/** What each rule checks, for the SARIF rule descriptors. */
const DESCRIPTIONS: Record<string, string> = {
  'required-section': 'The parts the kind of report must contain are present.',
  'empty-section': 'A part with a heading has (almost) no text.',
  'thin-problems': 'The problems part is short or names no concrete problem.',
  year: 'The reported year can be found and the plan is for the next year.',
  'publish-deadline': 'A rule-of-law report is published before 1 April of the following year.',
  'no-indicators': 'The report states at least one number.',
  decoding: 'The text has no undecodable characters or mojibake.',
  'duplicate-paragraph': 'No long paragraph appears twice.',
};

/** Formats findings as a SARIF 2.1.0 log. */
export function formatCheckSarif(files: readonly CheckedFile[], version: string): string {
  const ruleIds = [...new Set([...RULE_IDS, ...files.flatMap((file) => file.findings.map((f) => f.ruleId))])];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {driver: {
        name: 'reports',
        version,
        rules: ruleIds.map((id) => ({id, shortDescription: {text: DESCRIPTIONS[id] ?? id}})),
      }},
      results: files.flatMap((file) => [...file.findings].sort(compareMessages).map((f) => ({
        ruleId: f.ruleId,
        ruleIndex: ruleIds.indexOf(f.ruleId),
        level: f.severity === 'error' ? 'error' : 'warning',
        message: {text: f.reason},
        locations: [{physicalLocation: {
          artifactLocation: {uri: file.file.split('/').map(encodeURIComponent).join('/')},
          ...(f.line > 0 ? {region: {startLine: f.line, ...(f.column > 0 ? {startColumn: f.column} : {})}} : {}),
        }}],
      }))),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
