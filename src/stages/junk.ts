/**
 * Web-page furniture: tells whether a line is navigation, a portal metadata block, a share
 * or print button, from the patterns in data/page-junk.txt.
 */
import {readWords} from '../lexicon.js';

let patterns: RegExp[] | undefined;

/** Tells whether a (normalised) line is page furniture rather than report text. */
export function isJunkLine(line: string): boolean {
  const text = line.trim();
  if (text === '') return false;
  patterns ??= readWords('page-junk.txt').map((source) => new RegExp(source));
  return patterns.some((pattern) => pattern.test(text));
}
