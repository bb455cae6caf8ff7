/**
 * .doc (Word 97–2003 binary) → lines, with word-extractor: the main text only (headers,
 * footers, notes and text boxes are kept apart by the library), tables as tab-separated
 * rows, one line per paragraph. `filterUnicode: false` keeps “ ” and — as written (the
 * library's default rewrites them to ASCII). An encrypted document is refused by the flag
 * in its File Information Block, since the library would return scrambled text.
 */
import type {Lines} from '../../types.js';
import {docParagraphs, type DocParagraph} from './doc-lists.js';
import {ExtractError} from './errors.js';

/** Extracts the body text of a .doc file as lines (the n-th line is line n of the text). */
export async function docLines(bytes: Uint8Array): Promise<Lines> {
  if (isEncryptedDoc(bytes)) throw new ExtractError('encrypted');
  const {default: WordExtractor} = await import('word-extractor');
  let body: string;
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = (document.getBody as (options: {filterUnicode: boolean}) => string)({filterUnicode: false});
  } catch (error) {
    throw new ExtractError('damaged', (error as Error).message);
  }
  const text = body
    .split(/\r\n|\r|\n/)
    // Word marks cells with tabs already; a row that ends in one keeps no empty last cell.
    .map((line) => line.replace(/[ \u00a0]+$/u, '').replace(/\t+$/, '').trim())
    .filter((line) => line !== '');
  // The list labels are read apart (word-extractor drops them); a file whose list tables
  // cannot be read keeps its text without them.
  const paragraphs = await docParagraphs(bytes).catch(() => [] as DocParagraph[]);
  const labelled = withLabels(text, paragraphs);
  return {text: labelled, source: labelled.map((_, i) => i + 1), sourceLineCount: labelled.length};
}

/** Lines to compare paragraphs by: no whitespace at all. */
const squeeze = (text: string): string => text.replace(/\s+/gu, '');

/**
 * Puts each numbered paragraph's label before its line: walks the paragraphs in order and
 * matches each to the next line with the same text (table cells, which word-extractor
 * joins into rows, match none and are passed over).
 */
export function withLabels(lines: readonly string[], paragraphs: readonly DocParagraph[]): string[] {
  const out = [...lines];
  let next = 0;
  for (const paragraph of paragraphs) {
    const key = squeeze(paragraph.text);
    if (key === '') continue;
    const found = out.findIndex((line, index) => index >= next && squeeze(line) === key);
    if (found < 0) continue;
    if (paragraph.label !== '') out[found] = `${paragraph.label}${out[found]}`;
    next = found + 1;
  }
  return out;
}

/**
 * Tells whether a Word binary file is encrypted: its WordDocument stream starts on a
 * sector with the File Information Block (magic 0xA5EC), whose flag fEncrypted is 0x0100.
 */
export function isEncryptedDoc(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 512) return false;
  const sectorSize = 1 << view.getUint16(30, true);
  if (sectorSize < 512 || sectorSize > 4096) return false;
  for (let offset = sectorSize; offset + 12 <= bytes.length; offset += sectorSize) {
    if (view.getUint16(offset, true) !== 0xa5ec) continue;
    const nFib = view.getUint16(offset + 2, true);
    if (nFib < 0x0065 || nFib > 0x0200) continue;
    return (view.getUint16(offset + 10, true) & 0x0100) !== 0;
  }
  return false;
}
