/**
 * .docx (Office Open XML) → lines. A small walker over word/document.xml with
 * numbering.xml and styles.xml: one line per paragraph, one per table row (cells joined by
 * a tab), Word's automatic numbering restored as text (一、 （一） 1.), and headers, footers,
 * deleted text, field codes and the fallback copies of mc:AlternateContent left out. The
 * archive is inflated in a stream that stops at a size limit, so a zip bomb is refused by
 * its declared or inflated size before it fills memory.
 */
import {DOMParser, type Element, type Node} from '@xmldom/xmldom';
import {Unzip, UnzipInflate} from 'fflate';
import type {Lines} from '../../types.js';
import {ExtractError} from './errors.js';

/** The WordprocessingML namespace. */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** The markup-compatibility namespace (mc:AlternateContent). */
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** The parts of the package the walker reads. */
const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];

/** Largest inflated size accepted for one part and for all of them, in bytes. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

/** Extracts the text of a .docx file as lines (the n-th line is line n of the text). */
export function docxLines(bytes: Uint8Array, limit = MAX_PART_BYTES): Lines {
  const parts = unzipParts(bytes, PARTS, limit);
  const documentXml = parts.get('word/document.xml');
  if (!documentXml) throw new ExtractError('damaged', 'word/document.xml is missing (not a Word document?)', '缺少 word/document.xml（不是 Word 文档？）');
  const document = parseXml(documentXml);
  const numbering = new Numbering(parts.get('word/numbering.xml'), parts.get('word/styles.xml'));
  const body = firstChild(document.documentElement, 'body');
  const text: string[] = [];
  if (body) walkBlocks(body, numbering, text);
  return {text, source: text.map((_, i) => i + 1), sourceLineCount: text.length};
}

/** Inflates the named parts of a zip archive, refusing any part over `limit` bytes. */
function unzipParts(bytes: Uint8Array, names: readonly string[], limit: number): Map<string, string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ExtractError('damaged', 'not a zip archive', '不是 zip 压缩包');
  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (!names.includes(file.name)) return;
    // The declared size is checked before a byte is inflated; the running count below
    // catches an archive that declares less than it holds.
    if ((file.originalSize ?? 0) > limit) {
      failure = new ExtractError('tooLarge', `${file.name} declares ${file.originalSize} bytes inflated, over the limit of ${limit}`, `${file.name} 声明解压后 ${file.originalSize} 字节，超过上限 ${limit} 字节`);
      return;
    }
    const pieces: Uint8Array[] = [];
    chunks.set(file.name, pieces);
    file.ondata = (error, data) => {
      if (failure) return;
      if (error) {
        failure = new ExtractError('damaged', error.message);
        return;
      }
      total += data.length;
      if (total > limit) {
        failure = new ExtractError('tooLarge', `more than ${limit} bytes inflated`, `解压后超过 ${limit} 字节`);
        file.terminate();
        return;
      }
      pieces.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    const step = 64 * 1024;
    for (let offset = 0; offset < bytes.length && !failure; offset += step) {
      unzip.push(bytes.subarray(offset, Math.min(bytes.length, offset + step)), offset + step >= bytes.length);
    }
  } catch (error) {
    if (!failure) throw new ExtractError('damaged', (error as Error).message);
  }
  if (failure) throw failure;
  const decoder = new TextDecoder('utf-8');
  const parts = new Map<string, string>();
  for (const [name, pieces] of chunks) {
    const joined = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
    let at = 0;
    for (const piece of pieces) {
      joined.set(piece, at);
      at += piece.length;
    }
    parts.set(name, decoder.decode(joined));
  }
  return parts;
}

/** Parses an XML part, turning a parse error into a damaged-document error. */
function parseXml(xml: string): Document {
  try {
    return new DOMParser({onError: (level, message) => {
      if (level === 'fatalError') throw new ExtractError('damaged', message);
    }}).parseFromString(xml, 'application/xml') as unknown as Document;
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw new ExtractError('damaged', (error as Error).message);
  }
}

type Document = {documentElement: Element};

/** Lists the element children of a node in the W namespace, or with the given local name. */
function children(node: Node, local?: string): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    if (local === undefined || (element.namespaceURI === W && element.localName === local)) out.push(element);
  }
  return out;
}

/** Returns the first W child with the given local name. */
function firstChild(node: Node, local: string): Element | undefined {
  return children(node, local)[0];
}

/** Reads a w:val-like attribute in the W namespace. */
function attr(element: Element | undefined, name = 'val'): string | null {
  if (!element) return null;
  return element.getAttributeNS(W, name) ?? element.getAttribute(`w:${name}`);
}

/** Walks block-level content (paragraphs, tables, content controls) into lines. */
function walkBlocks(container: Element, numbering: Numbering, out: string[]): void {
  for (const element of children(container)) {
    if (element.namespaceURI === MC && element.localName === 'AlternateContent') {
      // Choice and Fallback hold the same content twice: read the first branch only.
      const branch = children(element)[0];
      if (branch) walkBlocks(branch, numbering, out);
      continue;
    }
    if (element.namespaceURI !== W) continue;
    if (element.localName === 'p') {
      const line = paragraphText(element, numbering);
      if (line.trim() !== '') out.push(line.trim());
    } else if (element.localName === 'tbl') {
      for (const row of children(element, 'tr')) {
        const cells = children(row, 'tc').map((cell) => {
          const inner: string[] = [];
          walkBlocks(cell, numbering, inner);
          return inner.join(' ');
        });
        if (cells.some((cell) => cell !== '')) out.push(cells.join('\t'));
      }
    } else if (element.localName === 'sdt') {
      const content = firstChild(element, 'sdtContent');
      if (content) walkBlocks(content, numbering, out);
    } else if (['customXml', 'ins', 'smartTag'].includes(element.localName ?? '')) {
      walkBlocks(element, numbering, out);
    }
  }
}

/** The text of one paragraph, its automatic number first. */
function paragraphText(paragraph: Element, numbering: Numbering): string {
  const properties = firstChild(paragraph, 'pPr');
  const label = numbering.labelFor(properties);
  const state = {inField: false, text: ''};
  walkRuns(paragraph, state);
  return label + state.text;
}

/** Collects the visible text of runs, skipping deleted text and field instructions. */
function walkRuns(container: Element, state: {inField: boolean; text: string}): void {
  for (const element of children(container)) {
    if (element.namespaceURI === MC && element.localName === 'AlternateContent') {
      const branch = children(element)[0];
      if (branch) walkRuns(branch, state);
      continue;
    }
    if (element.namespaceURI !== W) continue;
    switch (element.localName) {
      case 'pPr': case 'rPr': case 'del': case 'moveFrom': case 'instrText': case 'delText':
        break;
      case 'fldChar': {
        // Between begin and separate stands the field's code; its result follows.
        const type = attr(element, 'fldCharType');
        if (type === 'begin') state.inField = true;
        else if (type === 'separate' || type === 'end') state.inField = false;
        break;
      }
      case 't':
        if (!state.inField) state.text += element.textContent ?? '';
        break;
      case 'tab':
        if (!state.inField) state.text += '\t';
        break;
      case 'br': case 'cr':
        if (!state.inField && attr(element, 'type') !== 'page') state.text += ' ';
        break;
      case 'noBreakHyphen':
        state.text += '-';
        break;
      case 'sym': {
        const code = Number.parseInt(attr(element, 'char') ?? '', 16);
        if (Number.isFinite(code) && code >= 0x20 && code < 0xf000) state.text += String.fromCharCode(code);
        break;
      }
      case 'r': case 'hyperlink': case 'ins': case 'moveTo': case 'smartTag': case 'customXml': case 'fldSimple':
      case 'sdt': case 'sdtContent': case 'bdo': case 'dir':
        walkRuns(element, state);
        break;
      default:
        break;
    }
  }
}

/** One level of a list: its format, its text with %n placeholders, and what follows it. */
interface Level {
  format: string;
  text: string;
  start: number;
  suffix: string;
}

/**
 * Word's automatic numbering: the definitions of numbering.xml, the paragraph styles that
 * carry a list, and the running counters, so each numbered paragraph gets its label.
 */
class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, {abstractId: string; overrides: Map<number, Partial<Level>>}>();
  private readonly styles = new Map<string, {numId: string | null; ilvl: number | null; basedOn: string | null}>();
  private readonly counters = new Map<string, number[]>();

  /** Reads the numbering and style definitions (either may be absent). */
  constructor(numberingXml: string | undefined, stylesXml: string | undefined) {
    if (numberingXml) {
      const root = parseXml(numberingXml).documentElement;
      for (const abstract of children(root, 'abstractNum')) {
        this.abstracts.set(attr(abstract, 'abstractNumId') ?? '', readLevels(abstract));
      }
      for (const num of children(root, 'num')) {
        const overrides = new Map<number, Partial<Level>>();
        for (const override of children(num, 'lvlOverride')) {
          const ilvl = Number(attr(override, 'ilvl') ?? 0);
          const level: Partial<Level> = {};
          const start = attr(firstChild(override, 'startOverride'));
          if (start !== null) level.start = Number(start);
          const lvl = firstChild(override, 'lvl');
          if (lvl) Object.assign(level, readLevel(lvl));
          overrides.set(ilvl, level);
        }
        this.nums.set(attr(num, 'numId') ?? '', {abstractId: attr(firstChild(num, 'abstractNumId')) ?? '', overrides});
      }
    }
    if (stylesXml) {
      for (const style of children(parseXml(stylesXml).documentElement, 'style')) {
        const numPr = firstChild(firstChild(style, 'pPr') ?? style, 'numPr');
        const ilvl = attr(firstChild(numPr ?? style, 'ilvl'));
        this.styles.set(attr(style, 'styleId') ?? '', {
          numId: numPr ? attr(firstChild(numPr, 'numId')) : null,
          ilvl: ilvl === null ? null : Number(ilvl),
          basedOn: attr(firstChild(style, 'basedOn')),
        });
      }
    }
  }

  /** Returns the label of a paragraph with these properties, counting it; '' when unnumbered. */
  labelFor(properties: Element | undefined): string {
    const {numId, ilvl} = this.listOf(properties);
    if (numId === null || numId === '0') return '';
    const num = this.nums.get(numId);
    if (!num) return '';
    const levels = this.abstracts.get(num.abstractId);
    const levelOf = (index: number): Level | undefined => {
      const base = levels?.get(index);
      const override = num.overrides.get(index);
      return base || override ? {format: 'decimal', text: '', start: 1, suffix: 'tab', ...base, ...override} : undefined;
    };
    const level = levelOf(ilvl);
    if (!level) return '';
    let counts = this.counters.get(numId);
    if (!counts) {
      counts = [];
      this.counters.set(numId, counts);
    }
    counts[ilvl] = (counts[ilvl] ?? levelOf(ilvl)!.start - 1) + 1;
    // A deeper level starts again after each item of a shallower one.
    counts.length = ilvl + 1;
    if (level.format === 'none' || level.text === '') return '';
    const label = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const count = counts![index] ?? levelOf(index)?.start ?? 1;
      return formatNumber(count, index === ilvl ? level.format : levelOf(index)?.format ?? 'decimal');
    });
    const separator = level.suffix === 'nothing' ? '' : ' ';
    return label + separator;
  }

  /** Finds the list and level of a paragraph, directly or through its style chain. */
  private listOf(properties: Element | undefined): {numId: string | null; ilvl: number} {
    const numPr = properties ? firstChild(properties, 'numPr') : undefined;
    let numId = numPr ? attr(firstChild(numPr, 'numId')) : null;
    let ilvl = numPr ? attr(firstChild(numPr, 'ilvl')) : null;
    let styleId = properties ? attr(firstChild(properties, 'pStyle')) : null;
    for (let depth = 0; styleId && depth < 16 && (numId === null || ilvl === null); depth++) {
      const style = this.styles.get(styleId);
      if (!style) break;
      numId ??= style.numId;
      if (ilvl === null && style.ilvl !== null) ilvl = String(style.ilvl);
      styleId = style.basedOn;
    }
    return {numId, ilvl: Number(ilvl ?? 0)};
  }
}

/** Reads the levels of an abstract numbering definition. */
function readLevels(abstract: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of children(abstract, 'lvl')) {
    levels.set(Number(attr(lvl, 'ilvl') ?? 0), {format: 'decimal', text: '', start: 1, suffix: 'tab', ...readLevel(lvl)});
  }
  return levels;
}

/** Reads the parts of one level definition that are present. */
function readLevel(lvl: Element): Partial<Level> {
  const level: Partial<Level> = {};
  const start = attr(firstChild(lvl, 'start'));
  if (start !== null) level.start = Number(start);
  const format = attr(firstChild(lvl, 'numFmt'));
  if (format !== null) level.format = format;
  const text = attr(firstChild(lvl, 'lvlText'));
  if (text !== null) level.text = text;
  const suffix = attr(firstChild(lvl, 'suff'));
  if (suffix !== null) level.suffix = suffix;
  return level;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/** Writes a list counter in one of Word's number formats. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'taiwaneseCounting': case 'taiwaneseCountingThousand':
    case 'ideographTraditional' as string:
      return chineseCount(n, CHINESE_DIGITS, ['', '十', '百', '千']);
    case 'chineseLegalSimplified':
      return chineseCount(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerLetter': return letters(n);
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'bullet': case 'none': return '';
    default: return String(n);
  }
}

/** Writes n (1–9999) in Chinese counting: 十一, 二十, 一百零五. */
function chineseCount(n: number, digits: readonly string[], units: readonly string[]): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((digit, index) => {
    const unit = units[parts.length - 1 - index]!;
    if (digit === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += digits[digit] + unit;
  });
  // 十一, not 一十一, in counting style.
  return n >= 10 && n < 20 ? out.replace(/^[一壹]/, '') : out;
}

/** Writes n as letters: a … z, aa … */
function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Writes n as a Roman numeral. */
function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, symbol] of table) while (n >= value) {
    out += symbol;
    n -= value;
  }
  return out;
}
