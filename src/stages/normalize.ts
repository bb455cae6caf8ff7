/**
 * Lines → normalised lines, one for one, so line numbers survive. Folds full-width ASCII
 * forms (digits, letters, brackets, %, the comma inside numbers) while keeping Chinese
 * punctuation, removes the pinyin some portals insert after characters (建設(shè)),
 * detects the script and converts traditional or mixed text to simplified with OpenCC.
 */
import {scriptChars, simplifiedConverter} from './script-chars.js';
import type {Script} from '../types.js';

/** The result of normalising the lines of one report. */
export interface Normalized {
  lines: string[];
  script: Script;
}

/**
 * Full-width forms folded to ASCII. Chinese punctuation (，。、：；！？“”《》) is not
 * here: it is kept as written, since sentence splitting and headings rely on it.
 */
const FOLD: Record<string, string> = {
  '（': '(', '）': ')', '％': '%', '．': '.', '＋': '+', '－': '-', '／': '/', '＝': '=',
  '＜': '<', '＞': '>', '＃': '#', '＆': '&', '＠': '@', '［': '[', '］': ']', '｛': '{',
  '｝': '}', '＿': '_', '＊': '*', '＇': "'", '＂': '"', '｜': '|', '＾': '^', '＄': '$',
  '\u3000': ' ', '\u00a0': ' ', '\ufeff': '', '\u200b': '', '\u200c': '', '\u200d': '',
};

/** Matches characters to fold: full-width alphanumerics and the table above. */
const FOLDABLE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a（）％．＋－／＝＜＞＃＆＠［］｛｝＿＊＇＂｜＾＄\u3000\u00a0\ufeff\u200b-\u200d]/g;

/** A pinyin syllable with a tone mark in parentheses right after a Chinese character. */
const PINYIN = /(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g;

/** Characters of a text looked at to tell its script. */
const SCRIPT_SAMPLE = 20_000;
/** Share of traditional-only characters at or above which a text is traditional. */
const TRADITIONAL_SHARE = 0.9;
/** Share below which the traditional characters are stray ones in a simplified text. */
const SIMPLIFIED_SHARE = 0.1;

let charTable: Uint8Array | undefined;
const TRADITIONAL = 1;
const SIMPLIFIED = 2;

/** Normalises every line of a report; the number of lines never changes. */
export function normalize(lines: readonly string[]): Normalized {
  const folded = lines.map(foldLine);
  const script = detectScript(folded);
  if (script === 'simplified' || script === '') return {lines: folded, script};
  return {lines: toSimplified(folded), script};
}

/**
 * Converts lines to simplified script. The text goes through OpenCC in one piece, which costs
 * a quarter less than line by line: no entry of its dictionaries holds a line break, so none
 * matches across one, and the lines come out one for one.
 */
function toSimplified(lines: string[]): string[] {
  const convert = simplifiedConverter();
  if (lines.some((line) => line.includes('\n'))) return lines.map((line) => convert(line));
  return convert(lines.join('\n')).split('\n');
}

/** Folds full-width forms and strips inserted pinyin from one line. */
export function foldLine(line: string): string {
  let out = line.replace(FOLDABLE, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e && FOLD[c] === undefined) return String.fromCharCode(code - 0xfee0);
    return FOLD[c] ?? c;
  });
  // A full-width comma between digit groups is a thousands separator: 1，234 → 1,234.
  out = out.replace(/(?<=\d)，(?=\d{3}(?!\d))/g, ',');
  return out.replace(PINYIN, '');
}

/** Tells whether text is simplified, traditional or a mix, from the characters only one uses. */
export function detectScript(lines: readonly string[]): Script {
  const table = scriptTable();
  let traditional = 0;
  let simplified = 0;
  let seen = 0;
  for (const line of lines) {
    // A sample decides: a few thousand characters tell the scripts apart as well as a book.
    if (seen > SCRIPT_SAMPLE) break;
    seen += line.length;
    for (let i = 0; i < line.length; i++) {
      const kind = table[line.charCodeAt(i)];
      if (kind === TRADITIONAL) traditional++;
      else if (kind === SIMPLIFIED) simplified++;
    }
  }
  const total = traditional + simplified;
  if (total === 0) return lines.some((line) => /[\u4e00-\u9fff]/.test(line)) ? 'simplified' : '';
  const share = traditional / total;
  if (share >= TRADITIONAL_SHARE) return 'traditional';
  if (share < SIMPLIFIED_SHARE) return 'simplified';
  return 'mixed';
}

/** Marks in a table over UTF-16 code units which characters only one script uses. */
function scriptTable(): Uint8Array {
  if (charTable) return charTable;
  const {traditional, simplified} = scriptChars();
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < traditional.length; i++) table[traditional.charCodeAt(i)] = TRADITIONAL;
  for (let i = 0; i < simplified.length; i++) table[simplified.charCodeAt(i)] = SIMPLIFIED;
  charTable = table;
  return table;
}
