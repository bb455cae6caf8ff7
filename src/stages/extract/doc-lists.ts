/**
 * Word 97–2003 automatic numbering, which word-extractor does not read: the list tables of
 * a .doc (PlfLst, PlfLfo), its paragraph properties (sprmPIlfo, sprmPIlvl, directly or
 * through the paragraph's style in the STSH) and its pieces of text, turned into the label
 * each numbered paragraph shows (一、 1. （一）). Layouts from [MS-DOC]; the compound file
 * is opened with word-extractor's own reader.
 */
import {createRequire} from 'node:module';
import {formatNumber} from './docx.js';

/** A paragraph of the main text in file order: its text and its automatic label ('' if none). */
export interface DocParagraph {
  text: string;
  label: string;
}

/** The number formats of [MS-DOC] 2.9.175 (MSONFC), by code, as Word's names. */
const NFC: Record<number, string> = {
  0x00: 'decimal', 0x01: 'upperRoman', 0x02: 'lowerRoman', 0x03: 'upperLetter', 0x04: 'lowerLetter',
  0x0e: 'decimalFullWidth', 0x12: 'decimalEnclosedCircle', 0x13: 'decimalFullWidth2', 0x16: 'decimalZero',
  0x17: 'bullet', 0x1c: 'decimalEnclosedCircleChinese', 0x1e: 'ideographTraditional', 0x21: 'taiwaneseCounting',
  0x23: 'taiwaneseCountingThousand', 0x25: 'chineseCounting', 0x26: 'chineseLegalSimplified',
  0x27: 'chineseCountingThousand', 0xff: 'none',
};

/** One level of a list: start, format, text with placeholders (U+0000–U+0008 = levels), separator. */
interface Level {
  start: number;
  format: string;
  text: string;
  follow: string;
}

/** Reads the named streams of an OLE compound file with word-extractor's reader. */
async function oleStreams(bytes: Uint8Array, names: readonly string[]): Promise<Map<string, Buffer>> {
  const require = createRequire(import.meta.url);
  const OleCompoundDoc = require('word-extractor/lib/ole-compound-doc.js') as new (reader: unknown) => {read(): Promise<{stream(name: string): NodeJS.ReadableStream | null}>};
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (buffer: Buffer) => unknown;
  const document = await new OleCompoundDoc(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).read();
  const streams = new Map<string, Buffer>();
  for (const name of names) {
    let stream: NodeJS.ReadableStream | null = null;
    try {
      stream = document.stream(name);
    } catch {
      stream = null;
    }
    if (!stream) continue;
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      stream!.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream!.on('error', reject);
      stream!.on('end', resolve);
    });
    streams.set(name, Buffer.concat(chunks));
  }
  return streams;
}

/** Lists the paragraphs of a .doc's main text with the automatic label of each. */
export async function docParagraphs(bytes: Uint8Array): Promise<DocParagraph[]> {
  const streams = await oleStreams(bytes, ['WordDocument', '0Table', '1Table']);
  const word = streams.get('WordDocument');
  if (!word || word.length < 0x2f2 || word.readUInt16LE(0) !== 0xa5ec) return [];
  const table = streams.get((word.readUInt16LE(0x0a) & 0x0200) !== 0 ? '1Table' : '0Table');
  if (!table) return [];
  const slice = (at: number): Buffer => {
    const fc = word.readUInt32LE(at);
    const lcb = word.readUInt32LE(at + 4);
    return lcb > 0 && fc + lcb <= table.length ? table.subarray(fc, fc + lcb) : Buffer.alloc(0);
  };
  // The LVLs follow PlfLst in the table stream, beyond its declared size.
  const lists = readLists(word.readUInt32LE(0x02e6) > 0 ? table.subarray(word.readUInt32LE(0x02e2)) : Buffer.alloc(0));
  const overrides = readOverrides(slice(0x02ea));
  const styles = readStyles(slice(0x00a2));
  const pieces = readPieces(slice(0x01a2));
  const counters = new Map<number, number[]>();
  const paragraphs: DocParagraph[] = [];
  for (const {fcStart, fcEnd, istd, sprms} of readParagraphProperties(word, slice(0x0102))) {
    const text = textOf(word, pieces, fcStart, fcEnd);
    let {ilfo, ilvl} = sprms;
    // Numbering inherited from the paragraph's style and the styles it is based on.
    for (let style = styles.get(istd), depth = 0; style && depth < 16 && (ilfo === null || ilvl === null); depth++) {
      ilfo ??= style.ilfo;
      ilvl ??= style.ilvl;
      style = style.base === null ? undefined : styles.get(style.base);
    }
    paragraphs.push({text, label: ilfo ? labelOf(ilfo, ilvl ?? 0, lists, overrides, counters) : ''});
  }
  return paragraphs;
}

/** Counts a numbered paragraph and writes its label. */
function labelOf(ilfo: number, ilvl: number, lists: Map<number, Level[]>, overrides: number[], counters: Map<number, number[]>): string {
  const lsid = overrides[ilfo - 1];
  const levels = lsid === undefined ? undefined : lists.get(lsid);
  const level = levels?.[ilvl];
  if (!levels || !level) return '';
  const counts = counters.get(lsid!) ?? [];
  counters.set(lsid!, counts);
  counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
  counts.length = ilvl + 1;
  if (level.format === 'none' || level.text === '') return '';
  let label = '';
  for (const char of level.text) {
    const code = char.charCodeAt(0);
    if (code < 9) label += formatNumber(counts[code] ?? levels[code]?.start ?? 1, levels[code]?.format ?? 'decimal');
    else label += char;
  }
  return label + level.follow;
}

/** Reads PlfLst: the lists by lsid, each with its levels (one for a simple list, else nine). */
function readLists(data: Buffer): Map<number, Level[]> {
  const lists = new Map<number, Level[]>();
  if (data.length < 2) return lists;
  const count = data.readInt16LE(0);
  let at = 2 + count * 28;
  for (let i = 0; i < count && at <= data.length; i++) {
    const lstf = 2 + i * 28;
    const lsid = data.readInt32LE(lstf);
    const simple = (data[lstf + 26]! & 0x01) !== 0;
    const levels: Level[] = [];
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const read = readLevel(data, at);
      if (!read) return lists;
      levels.push(read.level);
      at = read.next;
    }
    lists.set(lsid, levels);
  }
  return lists;
}

/** Reads one LVL (LVLF, its grpprls, its number text); returns it and where the next starts. */
function readLevel(data: Buffer, at: number): {level: Level; next: number} | null {
  if (at + 28 > data.length) return null;
  const start = data.readInt32LE(at);
  const format = NFC[data[at + 4]!] ?? 'decimal';
  const follow = data[at + 15] === 2 ? '' : ' ';
  const cbChpx = data[at + 24]!;
  const cbPapx = data[at + 25]!;
  let next = at + 28 + cbPapx + cbChpx;
  if (next + 2 > data.length) return null;
  const cch = data.readUInt16LE(next);
  const text = data.subarray(next + 2, next + 2 + cch * 2).toString('utf16le');
  next += 2 + cch * 2;
  return {level: {start, format, text, follow}, next};
}

/** Reads PlfLfo: the lsid each list override (ilfo − 1) points to. */
function readOverrides(data: Buffer): number[] {
  if (data.length < 4) return [];
  const count = data.readInt32LE(0);
  const out: number[] = [];
  for (let i = 0; i < count && 4 + i * 16 + 16 <= data.length; i++) out.push(data.readInt32LE(4 + i * 16));
  return out;
}

/** The list properties of a paragraph style, and the style it is based on. */
interface StyleLists {
  ilfo: number | null;
  ilvl: number | null;
  base: number | null;
}

/** Reads the STSH: for each paragraph style, its list (sprmPIlfo, sprmPIlvl) and base style. */
function readStyles(data: Buffer): Map<number, StyleLists> {
  const styles = new Map<number, StyleLists>();
  if (data.length < 6) return styles;
  const cbStshi = data.readUInt16LE(0);
  const count = data.readUInt16LE(2);
  const cbBase = data.readUInt16LE(4);
  let at = 2 + cbStshi;
  for (let istd = 0; istd < count && at + 2 <= data.length; istd++) {
    const cbStd = data.readUInt16LE(at);
    const std = at + 2;
    at = std + cbStd;
    if (cbStd === 0 || std + cbBase + 2 > data.length) continue;
    const kind = data.readUInt16LE(std + 2) & 0x000f;
    const base = data.readUInt16LE(std + 2) >> 4;
    if (kind !== 1) continue;
    const cch = data.readUInt16LE(std + cbBase);
    let upx = std + cbBase + 2 + (cch + 1) * 2;
    if (upx % 2 === 1) upx++;
    if (upx + 4 > std + cbStd) continue;
    const cbUpx = data.readUInt16LE(upx);
    const sprms = readSprms(data.subarray(upx + 4, Math.min(upx + 2 + cbUpx, std + cbStd)));
    styles.set(istd, {...sprms, base: base === 0x0fff ? null : base});
  }
  return styles;
}

/** Reads the two list sprms of a grpprl. */
function readSprms(grpprl: Buffer): {ilfo: number | null; ilvl: number | null} {
  let ilfo: number | null = null;
  let ilvl: number | null = null;
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    const size = operandSize(grpprl, sprm, at);
    if (sprm === 0x460b && at + 2 <= grpprl.length) ilfo = grpprl.readInt16LE(at);
    if (sprm === 0x260a && at < grpprl.length) ilvl = grpprl[at]!;
    at += size;
  }
  // 0 is no list; 0xF801 (−2047) explicitly turns a style's numbering off.
  return {ilfo: ilfo !== null && ilfo <= 0 ? 0 : ilfo, ilvl};
}

/** Returns the size of a sprm's operand ([MS-DOC] 2.2.5.1, spra). */
function operandSize(grpprl: Buffer, sprm: number, at: number): number {
  switch (sprm >> 13) {
    case 0: case 1: return 1;
    case 2: case 4: case 5: return 2;
    case 3: return 4;
    case 7: return 3;
    default:
      // Variable: a byte of length, or two for the table definitions.
      if (sprm === 0xd608 || sprm === 0xd606) return at + 2 <= grpprl.length ? grpprl.readUInt16LE(at) + 1 : grpprl.length;
      return at < grpprl.length ? grpprl[at]! + 1 : grpprl.length;
  }
}

/** A piece of the text: its file position and whether it holds 8-bit (compressed) characters. */
interface Piece {
  fc: number;
  compressed: boolean;
  cpStart: number;
  cpEnd: number;
}

/** Reads the piece table of the Clx. */
function readPieces(clx: Buffer): Piece[] {
  let at = 0;
  while (at < clx.length && clx[at] === 0x01) at += 3 + clx.readUInt16LE(at + 1);
  if (clx[at] !== 0x02 || at + 5 > clx.length) return [];
  const lcb = clx.readUInt32LE(at + 1);
  const plc = clx.subarray(at + 5, at + 5 + lcb);
  const count = (lcb - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const raw = plc.readUInt32LE((count + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    pieces.push({fc: compressed ? (raw & 0x3fffffff) / 2 : raw, compressed, cpStart: plc.readUInt32LE(i * 4), cpEnd: plc.readUInt32LE((i + 1) * 4)});
  }
  return pieces;
}

/** Decodes the text between two file positions, by the piece that holds it. */
function textOf(word: Buffer, pieces: readonly Piece[], fcStart: number, fcEnd: number): string {
  const piece = pieces.find((p) => fcStart >= p.fc && fcStart < p.fc + (p.cpEnd - p.cpStart) * (p.compressed ? 1 : 2));
  const end = Math.min(fcEnd, word.length);
  const raw = piece?.compressed ? word.subarray(fcStart, end).toString('latin1') : word.subarray(fcStart, end - ((end - fcStart) % 2)).toString('utf16le');
  // Field codes stand between U+0013 and U+0014; the field's result follows until U+0015.
  return raw.replace(/\u0013[^\u0013\u0014\u0015]*\u0014?/g, '').replace(/[\u0000-\u001f\u0015]/g, (c) => (c === '\t' ? '\t' : ''));
}

/** Reads the paragraph runs of the PAPX FKPs: their file range, style and list sprms. */
function* readParagraphProperties(word: Buffer, plcBtePapx: Buffer): Generator<{fcStart: number; fcEnd: number; istd: number; sprms: {ilfo: number | null; ilvl: number | null}}> {
  if (plcBtePapx.length < 12) return;
  const count = (plcBtePapx.length - 4) / 8;
  for (let i = 0; i < count; i++) {
    const pn = plcBtePapx.readUInt32LE((count + 1) * 4 + i * 4);
    const fkp = word.subarray(pn * 512, pn * 512 + 512);
    if (fkp.length < 512) continue;
    const crun = fkp[511]!;
    for (let j = 0; j < crun; j++) {
      const fcStart = fkp.readUInt32LE(j * 4);
      const fcEnd = fkp.readUInt32LE((j + 1) * 4);
      const offset = fkp[(crun + 1) * 4 + j * 13]! * 2;
      if (offset === 0) {
        yield {fcStart, fcEnd, istd: 0, sprms: {ilfo: null, ilvl: null}};
        continue;
      }
      const cb = fkp[offset]!;
      const papx = cb !== 0 ? fkp.subarray(offset + 1, offset + 1 + 2 * cb - 1) : fkp.subarray(offset + 2, offset + 2 + 2 * fkp[offset + 1]!);
      if (papx.length < 2) continue;
      yield {fcStart, fcEnd, istd: papx.readUInt16LE(0), sprms: readSprms(papx.subarray(2))};
    }
  }
}
