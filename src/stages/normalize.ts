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

/** Share of traditional-only characters at or above which a text is traditional. */
const TRADITIONAL_SHARE = 0.9;
/** Share below which the traditional characters are stray ones in a simplified text. */
const SIMPLIFIED_SHARE = 0.1;

let charSets: {traditional: RegExp; simplified: RegExp} | undefined;

/** Normalises every line of a report; the number of lines never changes. */
export function normalize(lines: readonly string[]): Normalized {
  const folded = lines.map(foldLine);
  const script = detectScript(folded);
  if (script === 'simplified' || script === '') return {lines: folded, script};
  const convert = simplifiedConverter();
  return {lines: folded.map((line) => convert(line)), script};
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
  const sets = scriptCharSets();
  let traditional = 0;
  let simplified = 0;
  for (const line of lines) {
    traditional += line.match(sets.traditional)?.length ?? 0;
    simplified += line.match(sets.simplified)?.length ?? 0;
  }
  const total = traditional + simplified;
  if (total === 0) return lines.some((line) => /[\u4e00-\u9fff]/.test(line)) ? 'simplified' : '';
  const share = traditional / total;
  if (share >= TRADITIONAL_SHARE) return 'traditional';
  if (share < SIMPLIFIED_SHARE) return 'simplified';
  return 'mixed';
}

/** Builds the character classes of traditional-only and simplified-only characters once. */
function scriptCharSets(): {traditional: RegExp; simplified: RegExp} {
  if (charSets) return charSets;
  const {traditional, simplified} = scriptChars();
  // A character class is matched by binary search in V8, much faster than a Set per character.
  charSets = {traditional: new RegExp(`[${traditional}]`, 'g'), simplified: new RegExp(`[${simplified}]`, 'g')};
  return charSets;
}
