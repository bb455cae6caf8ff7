/**
 * Bytes → text. Owns encoding detection: byte-order marks first, then strict UTF-8, then a
 * statistical guess (chardet) between the legacy Chinese encodings, GB18030 (a superset of
 * GBK and GB2312) and Big5. A file that is UTF-8 but for a few stray bytes stays UTF-8,
 * with the bad bytes replaced and a warning, rather than being misread as GB18030.
 */
import chardet from 'chardet';
import type {Text} from '../messages.js';

/** What decoding a file gave: its text, the encoding used, and anything worth saying. */
export interface Decoded {
  text: string;
  /** WHATWG label of the encoding used (`utf-8`, `gb18030`, `big5`, `utf-16le`, …). */
  encoding: string;
  /** Number of bytes that could not be decoded and became U+FFFD. */
  replaced: number;
  /** Set when the bytes are not text at all; `text` is then empty. */
  failure?: Text;
}

/** Bytes of a sample large enough for chardet to be sure, small enough to stay fast. */
const SAMPLE_BYTES = 16 * 1024;

/** Share of valid multi-byte sequences above which a not-quite-UTF-8 file is UTF-8. */
const MOSTLY_UTF8 = 0.9;

/** Legacy encodings we accept from the detector, by its name, with their WHATWG label. */
const LEGACY: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

/** Why a file with NUL bytes is not read as text. */
const NUL_BYTES: Text = {zh: '含有 NUL 字节，二进制文件才会这样', en: 'it contains NUL bytes, as binary files do'};

/** Decodes the bytes of one file, detecting the encoding. */
export function decode(bytes: Uint8Array): Decoded {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) {
    return hasNul(utf8)
      ? binary(NUL_BYTES)
      : {text: utf8, encoding: 'utf-8', replaced: 0};
  }

  const stats = mostlyUtf8Stats(bytes);
  if (stats !== null) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return {text, encoding: 'utf-8', replaced: stats.invalid};
  }

  // Most Chinese legacy files are GBK, whose lead bytes 0x81–0xA0 Big5 does not allow: when
  // Big5 cannot read the bytes and GB18030 can, there is nothing to guess.
  if (tryDecode('big5', bytes) === null) {
    const text = tryDecode('gb18030', bytes);
    if (text !== null && !hasNul(text)) return {text, encoding: 'gb18030', replaced: 0};
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  // GB2312 text (most GBK files) never has a trail byte below 0xA1; Big5 text has one in
  // about a third of its characters. Without any in many characters, it is GB.
  if (onlyHighTrails(sample)) {
    const text = tryDecode('gb18030', bytes);
    if (text !== null && !hasNul(text)) return {text, encoding: 'gb18030', replaced: 0};
  }
  const candidates = chardet
    .analyse(sample)
    .map((match) => LEGACY[match.name])
    .filter((label): label is string => label !== undefined);
  for (const label of [...new Set([...candidates, 'gb18030', 'big5'])]) {
    const text = tryDecode(label, bytes);
    if (text !== null && !hasNul(text)) return {text, encoding: label, replaced: 0};
  }

  if (bytes.includes(0)) return binary(NUL_BYTES);
  // Neither strict decoder accepts it: keep the most likely reading and count the damage.
  const label = candidates[0] ?? 'gb18030';
  const text = new TextDecoder(label).decode(bytes);
  const replaced = countReplacements(text);
  if (replaced > text.length / 10) {
    return binary({zh: `不是任何支持的编码的文本（${replaced} 个字节无法解码）`, en: `it is not text in any supported encoding (${replaced} undecodable bytes)`});
  }
  return {text, encoding: label, replaced};
}

/** Decodes a file that starts with a byte-order mark, or returns null when it has none. */
function decodeWithBom(bytes: Uint8Array): Decoded | null {
  const [b0, b1, b2] = bytes;
  let label: string | null = null;
  let skip = 0;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) [label, skip] = ['utf-8', 3];
  else if (b0 === 0xff && b1 === 0xfe) [label, skip] = ['utf-16le', 2];
  else if (b0 === 0xfe && b1 === 0xff) [label, skip] = ['utf-16be', 2];
  if (label === null) return null;
  const body = bytes.subarray(skip);
  const text = new TextDecoder(label).decode(body);
  const encoding = label === 'utf-8' ? 'utf-8-bom' : label;
  return {text, encoding, replaced: countReplacements(text)};
}

/** Decodes strictly, or returns null when the bytes are not valid in that encoding. */
function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, {fatal: true}).decode(bytes);
  } catch {
    return null;
  }
}

/** Characters of two bytes a sample needs before its trail bytes tell GB from Big5. */
const TRAIL_EVIDENCE = 64;

/** Tells whether a sample has many two-byte characters and none with a trail byte below 0xA1. */
function onlyHighTrails(sample: Uint8Array): boolean {
  let pairs = 0;
  for (let i = 0; i < sample.length - 1; ) {
    if (sample[i]! < 0x80) {
      i++;
      continue;
    }
    if (sample[i + 1]! < 0xa1) return false;
    pairs++;
    i += 2;
  }
  return pairs >= TRAIL_EVIDENCE;
}

/**
 * Counts well-formed multi-byte UTF-8 sequences and bytes that fit none, when the first are
 * at least MOSTLY_UTF8 of all; else null. With `early`, the count stops as soon as the rest
 * of the bytes, all well formed, could no longer make them so (a GB18030 file is told after a
 * tenth of its bytes or so); without, it goes to the end (the tests compare the two).
 */
export function mostlyUtf8Stats(bytes: Uint8Array, early = true): {valid: number; invalid: number} | null {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
      if (!early) continue;
      // At most one well-formed sequence in every two bytes left: the best share they can reach.
      const best = valid + (bytes.length - i) / 2;
      if (best / (best + invalid) < MOSTLY_UTF8 - 1e-9) return null;
    }
  }
  return valid > 0 && valid / (valid + invalid) >= MOSTLY_UTF8 ? {valid, invalid} : null;
}

/** Counts U+FFFD replacement characters. */
export function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

/** Tells whether decoded text holds NUL characters, which text files never do. */
function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

/** The result for bytes that are not text. */
function binary(why: Text): Decoded {
  return {text: '', encoding: '', replaced: 0, failure: {zh: `不是文本文件：${why.zh}`, en: `not a text file: ${why.en}`}};
}
