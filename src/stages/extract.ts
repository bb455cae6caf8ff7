/**
 * Decoded text → lines. Plain text is split at CRLF, LF and CR; HTML is reduced to its
 * visible text with htmlparser2 (scripts, styles and tags dropped), each block element
 * starting a line, and every line remembers the source line it starts on; the page's
 * <title> is kept apart, since it often names the report when the text does not.
 */
import {Parser} from 'htmlparser2';
import type {Lines} from '../types.js';

/** Elements whose content is not visible text. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object']);

/** Elements that start a new line of text where they open and close. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'th', 'thead', 'title',
  'tr', 'ul', 'body', 'html',
]);

/** Tells whether a file is HTML, by its name or by how its text begins. */
export function looksLikeHtml(path: string, text: string): boolean {
  if (/\.html?$/i.test(path)) return true;
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1024));
}

/** Splits a decoded file into lines: an HTML page by its blocks, any other text at its line breaks. */
export function textLines(path: string, text: string): Lines {
  return looksLikeHtml(path, text) ? htmlLines(text) : splitLines(text);
}

/** Splits plain text into lines; a final line break does not open an extra empty line. */
export function splitLines(text: string): Lines {
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return {text: parts, source: parts.map((_, i) => i + 1), sourceLineCount: parts.length};
}

/** Extracts the visible text of an HTML document as lines mapped to source lines. */
export function htmlLines(html: string): Lines {
  const lineStarts = [0];
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 10 || (c === 13 && html.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  const sourceLineCount = splitLines(html).sourceLineCount;
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const text: string[] = [];
  const source: number[] = [];
  let current = '';
  let currentLine = 0;
  let hiddenDepth = 0;
  let inTitle = false;
  let pageTitle = '';
  const breakLine = (): void => {
    if (current.trim() !== '') {
      text.push(current.replace(/[ \t\f\u00a0]+/g, ' ').trim());
      source.push(currentLine);
    }
    current = '';
  };

  const parser: Parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title' && pageTitle === '') inTitle = true;
        if (HIDDEN.has(name)) hiddenDepth++;
        if (BLOCK.has(name)) breakLine();
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (HIDDEN.has(name) && hiddenDepth > 0) hiddenDepth--;
        if (BLOCK.has(name)) breakLine();
      },
      ontext(chunk) {
        if (inTitle) pageTitle += chunk;
        if (hiddenDepth > 0) return;
        // Line breaks in the source text end a line too, so each keeps its own number.
        const first = lineOf(parser.startIndex);
        chunk.split(/\r\n|\r|\n/).forEach((piece, index) => {
          if (index > 0) breakLine();
          if (current.trim() === '' && piece.trim() !== '') currentLine = first + index;
          current += piece;
        });
      },
    },
    {decodeEntities: true, lowerCaseTags: true},
  );
  parser.write(html);
  parser.end();
  breakLine();
  const title = pageTitle.replace(/\s+/g, ' ').trim();
  return title === '' ? {text, source, sourceLineCount} : {text, source, sourceLineCount, title};
}
