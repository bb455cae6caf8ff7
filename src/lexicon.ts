/**
 * Loads the word lists under `data/`: plain text, one entry a line, `#` starts a comment,
 * fields separated by tabs. Each list is read once, on first use, and cached.
 */
import {readFileSync} from 'node:fs';

const dataDir = new URL('../data/', import.meta.url);
const cache = new Map<string, string[][]>();

/** Reads `data/<name>` into rows of tab-separated fields, comments and blanks dropped. */
export function readList(name: string): string[][] {
  let rows = cache.get(name);
  if (!rows) {
    rows = parseList(readFileSync(new URL(name, dataDir), 'utf8'));
    cache.set(name, rows);
  }
  return rows;
}

/** Parses the text of a word list into rows of fields. */
export function parseList(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const content = line.replace(/(^|\s)#.*$/, '').trimEnd();
    if (content.trim() === '') continue;
    rows.push(content.split('\t').map((field) => field.trim()));
  }
  return rows;
}

/** Reads the first field of each row of `data/<name>`. */
export function readWords(name: string): string[] {
  return readList(name).map((row) => row[0] ?? '');
}

/** Builds a regular expression that matches any of `words`, longest first. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
