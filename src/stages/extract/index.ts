/**
 * The extraction step: a file's bytes → lines, by the kind of file. The kind comes from
 * the bytes first (%PDF, a zip, an OLE compound file) and the extension second, so a
 * misnamed attachment is still read. Plain text and HTML are decoded and split here too,
 * so `reports text` shows every format the same way. Binary formats are async (pdf.js,
 * word-extractor) and run before the pure analysis, in the same worker.
 */
import {decode} from '../decode.js';
import {textLines} from '../extract.js';
import type {Lines} from '../../types.js';
import {ExtractError} from './errors.js';

/** The kinds of document the extraction step reads. */
export type DocumentKind = 'docx' | 'doc' | 'pdf' | 'text';

/** The extensions of binary documents, and their kind. */
export const DOCUMENT_EXTENSIONS: Record<string, Exclude<DocumentKind, 'text'>> = {docx: 'docx', doc: 'doc', pdf: 'pdf'};

/** A document's lines and what it was read as (the `encoding` column of its row). */
export interface Extracted {
  lines: Lines;
  /** docx, doc or pdf; for text, the decoded encoding. */
  encoding: string;
  /** Pages of a PDF, else 0. */
  pages: number;
}

/** Tells the kind of a file from its first bytes, else from its extension. */
export function documentKind(file: string, bytes: Uint8Array): DocumentKind {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'docx';
  // An OLE file named .docx is a password-protected .docx (Office wraps it so).
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) return extension === 'docx' ? 'docx' : 'doc';
  return DOCUMENT_EXTENSIONS[extension] ?? 'text';
}

/** Tells whether a file needs the async extraction step (a binary document). */
export function isBinaryDocument(file: string, bytes: Uint8Array): boolean {
  return documentKind(file, bytes) !== 'text';
}

/** Turns a binary document's bytes into lines; throws ExtractError for one that cannot be read. */
export async function extractDocument(file: string, bytes: Uint8Array): Promise<Extracted> {
  const kind = documentKind(file, bytes);
  if (kind === 'pdf') {
    const {pdfLines} = await import('./pdf.js');
    const {pages, ...lines} = await pdfLines(bytes);
    return {lines, encoding: 'pdf', pages};
  }
  const ole = bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0) === 0xd0cf11e0;
  if (kind === 'docx' && !ole) {
    const {docxLines} = await import('./docx.js');
    return {lines: docxLines(bytes), encoding: 'docx', pages: 0};
  }
  if (kind === 'doc' || kind === 'docx') {
    // An OLE file holding an EncryptedPackage is a password-protected .docx.
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new ExtractError('encrypted');
    }
    const {docLines} = await import('./doc.js');
    return {lines: await docLines(bytes), encoding: 'doc', pages: 0};
  }
  const decoded = decode(bytes);
  if (decoded.failure) throw new ExtractError('damaged', decoded.failure.en, decoded.failure.zh);
  const lines = textLines(file, decoded.text);
  return {lines, encoding: decoded.encoding, pages: 0};
}
