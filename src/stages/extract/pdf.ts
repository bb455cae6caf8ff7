/**
 * .pdf → lines. pdf.js gives positioned runs of text per page; this module rebuilds the
 * visual lines, sets running headers, footers and page numbers apart (lines near the top
 * or bottom that repeat on many pages), and joins the wrapped lines of a paragraph into
 * one line (no space between Chinese characters). A paragraph starts at an indent, after a
 * short line, at a heading number, at a change of font size or after a gap. Each line of
 * the result keeps the page it starts on. pdf.js's packed CMaps ship with it, so PDFs
 * whose Chinese fonts are not embedded (STSong with UniGB-UCS2-H) still give their text.
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Lines} from '../../types.js';
import {ExtractError} from './errors.js';
import {removeProducerSpaces, THIN_SPACE_EM} from './spacing.js';

/** Pages above which a PDF is refused as too large to analyse. */
export const MAX_PAGES = 5000;

/** Share of the page height, at the top and at the bottom, where running lines stand. */
const MARGIN_ZONE = 0.12;

/** One run of text as pdf.js gives it. */
interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** A visual line of a page: its text and geometry. */
export interface VisualLine {
  text: string;
  page: number;
  /** Left and right edge, and baseline, in page units (origin bottom left). */
  x: number;
  right: number;
  y: number;
  /** Font size of its first run. */
  size: number;
  /** Whether the line holds cells of a table row (runs set far apart, joined by tabs). */
  cells: boolean;
}

/** Where pdf.js's files (CMaps, standard fonts) are installed. */
function pdfjsFolder(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<Pdfjs> | null = null;

/**
 * Loads pdf.js (the build for Node) and its worker code into this thread, once. The
 * build's core-js polyfills replace two working built-ins of Node 20 for the whole thread,
 * Array.prototype.push and JSON.parse, with slower ones (a quarter of pdf.js's own time
 * went to that push, and the rest of the analysis in the same worker would pay too), so the
 * native ones are put back; the polyfills that add what Node 20 lacks stay.
 */
function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push')!;
    const parse = Object.getOwnPropertyDescriptor(JSON, 'parse')!;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The worker code runs in this thread ("fake worker"); loaded now, so its polyfills
    // are in place before the built-ins are restored.
    const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    (globalThis as {pdfjsWorker?: unknown}).pdfjsWorker = await import(workerModule);
    Object.defineProperty(Array.prototype, 'push', push);
    Object.defineProperty(JSON, 'parse', parse);
    return pdfjs;
  })();
  return loading;
}

/** Extracts the text of a PDF as lines, each with the page it starts on. */
export async function pdfLines(bytes: Uint8Array): Promise<Lines & {pages: number}> {
  const pdfjs = await loadPdfjs();
  const folder = pdfjsFolder();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(folder, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(folder, 'standard_fonts')}${path.sep}`,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new ExtractError('encrypted');
    throw new ExtractError('damaged', (error as Error).message);
  }
  try {
    if (document.numPages > MAX_PAGES) throw new ExtractError('tooLarge', `${document.numPages} pages, over the limit of ${MAX_PAGES}`, `共 ${document.numPages} 页，超过上限 ${MAX_PAGES} 页`);
    const pages: VisualLine[][] = [];
    const heights: number[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      heights.push(page.view[3]! - page.view[1]!);
      pages.push(visualLines(content.items.filter((item) => 'str' in item) as Item[], number));
      page.cleanup();
    }
    if (pages.every((lines) => lines.every((line) => line.text.trim() === ''))) {
      throw new ExtractError('noText', `${document.numPages} page(s), no text`, `共 ${document.numPages} 页，没有文字`);
    }
    const body = dropRunningLines(pages, heights);
    const paragraphs = joinParagraphs(body);
    return {
      text: paragraphs.map((paragraph) => paragraph.text),
      source: paragraphs.map((_, index) => index + 1),
      page: paragraphs.map((paragraph) => paragraph.page),
      sourceLineCount: paragraphs.length,
      pages: document.numPages,
    };
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw new ExtractError('damaged', (error as Error).message);
  } finally {
    await document.destroy();
  }
}

/** Groups a page's runs into visual lines by baseline, each read left to right. */
export function visualLines(items: readonly Item[], page: number): VisualLine[] {
  const runs = items
    .filter((item) => item.str !== '')
    .map((item) => ({
      str: item.str,
      x: item.transform[4]!,
      y: item.transform[5]!,
      size: Math.hypot(item.transform[2]!, item.transform[3]!) || item.height || 1,
      width: item.width,
    }));
  // Lines from top to bottom; runs whose baselines differ by less than a third of their
  // size share a line (superscripts and mixed fonts shift a little).
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: (typeof runs)[] = [];
  for (const run of runs) {
    const group = groups.find((candidate) => Math.abs(candidate[0]!.y - run.y) < Math.min(candidate[0]!.size, run.size) / 3);
    if (group) group.push(run);
    else groups.push([run]);
  }
  const lines: VisualLine[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    const words = group.filter((run) => run.str.trim() !== '');
    if (words.length === 0) continue;
    let text = '';
    let cells = false;
    let end = words[0]!.x;
    for (const run of group) {
      if (run.str.trim() === '') {
        // A space that is only a narrow gap (a producer's spacing between scripts) is
        // marked apart from a real one; the spacing rule drops it next to Chinese.
        if (text !== '' && !text.endsWith('\t')) text += run.width < THIN_SPACE_EM * run.size ? '\u2009' : ' ';
        continue;
      }
      if (text !== '' && run.x - end > 1.5 * run.size) {
        // Runs far apart on one baseline are cells of a table row.
        text = `${text.replace(/[ \u2009]+$/, '')}\t`;
        cells = true;
      }
      text += run.str;
      end = Math.max(end, run.x + run.width);
    }
    const first = words[0]!;
    lines.push({text, page, x: first.x, right: end, y: group[0]!.y, size: first.size, cells});
  }
  return lines;
}

/** Matches a line that is only a page number: 3, - 3 -, 第 3 页, 第3页 共10页, 3/10, Page 3 of 10. */
const PAGE_NUMBER = /^[\s\-—–·•]*(?:第\s*[\d一二三四五六七八九十]+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|\d+(?:\s*[/／]\s*\d+)?|page\s*\d+(?:\s*of\s*\d+)?)[\s\-—–·•]*$/iu;

/** Removes running headers, footers and page numbers from each page's lines. */
export function dropRunningLines(pages: readonly VisualLine[][], heights: readonly number[]): VisualLine[] {
  const inZone = (line: VisualLine): boolean => {
    const height = heights[line.page - 1] ?? 842;
    return line.y > height * (1 - MARGIN_ZONE) || line.y < height * MARGIN_ZONE;
  };
  const key = (line: VisualLine): string => line.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const pagesWith = new Map<string, Set<number>>();
  for (const lines of pages) {
    for (const line of lines) {
      if (!inZone(line)) continue;
      const found = pagesWith.get(key(line)) ?? new Set<number>();
      found.add(line.page);
      pagesWith.set(key(line), found);
    }
  }
  // A line repeated near the edge of at least half the pages (and of two) is a running one.
  const repeatedOn = Math.max(2, Math.ceil(pages.length / 2));
  return pages.flatMap((lines) =>
    lines.filter((line) => !(inZone(line) && (PAGE_NUMBER.test(line.text) || (pagesWith.get(key(line))?.size ?? 0) >= repeatedOn))));
}

/** Matches a heading number at the start of a line: 一、 （一） (一) 1. 1、 第一章. */
const HEADING_NUMBER = /^\s*(?:[一二三四五六七八九十]+[、．.]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[、．.](?!\d)|第[一二三四五六七八九十百]+[章节部分条])/u;

/** Joins the wrapped lines of each paragraph into one line that keeps its first page. */
export function joinParagraphs(lines: readonly VisualLine[]): {text: string; page: number}[] {
  if (lines.length === 0) return [];
  const left = mode(lines.filter((line) => !line.cells).map((line) => line.x)) ?? lines[0]!.x;
  const right = percentile(lines.filter((line) => !line.cells).map((line) => line.right), 0.9) ?? lines[0]!.right;
  const spacing = median(lines.slice(1).map((line, index) => lines[index]!.y - line.y).filter((gap, index) => gap > 0 && lines[index]!.page === lines[index + 1]!.page)) ?? 0;
  const out: {text: string; page: number}[] = [];
  let previous: VisualLine | null = null;
  for (const line of lines) {
    const startsParagraph = previous === null
      || line.cells || previous.cells
      || line.x > left + 0.8 * line.size
      || right - previous.right > firstWordWidth(line) + previous.size
      || HEADING_NUMBER.test(line.text)
      || Math.abs(line.size - previous.size) > 0.5
      || (line.page === previous.page && spacing > 0 && previous.y - line.y > spacing * 1.6);
    if (startsParagraph) {
      out.push({text: line.text, page: line.page});
    } else {
      const last = out[out.length - 1]!;
      last.text = joinWrapped(last.text, line.text);
    }
    previous = line;
  }
  return out
    .map((paragraph) => ({text: removeProducerSpaces(paragraph.text).trim(), page: paragraph.page}))
    .filter((paragraph) => paragraph.text !== '');
}

/** Estimates the width of a line's first unbreakable piece: what would have had to fit on the line before. */
function firstWordWidth(line: VisualLine): number {
  // An opening bracket or quote never ends a line, so it wraps with the character after it;
  // a Latin word or a number wraps whole.
  const piece = /^\s*[“‘《（(〔【「『]*(?:[A-Za-z0-9.,%\-]+|.)/u.exec(line.text)?.[0].trim() ?? '';
  let width = 0;
  for (const char of piece) width += /[\x21-\x7e]/.test(char) ? 0.6 : 1;
  return width * line.size;
}

/** Joins a wrapped line to its paragraph: a space only between two Latin words. */
function joinWrapped(head: string, tail: string): string {
  const a = head.trimEnd();
  const b = tail.trimStart();
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** Returns the most frequent value, rounded to a point, or undefined for none. */
function mode(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Returns the median of the values, or undefined for none. */
function median(values: readonly number[]): number | undefined {
  return percentile(values, 0.5);
}

/** Returns the value below which the given share of the values lie, or undefined for none. */
function percentile(values: readonly number[], share: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}
