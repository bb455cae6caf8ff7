/**
 * Which characters tell traditional from simplified writing, and the OpenCC converter to
 * simplified. The character lists come from data/script-chars.txt, generated from opencc-js
 * by scripts/gen-script-chars.js, so that detecting the script of a simplified text never
 * loads OpenCC's dictionaries; the converter is loaded only for text that needs it.
 */
import {createRequire} from 'node:module';
import {readList} from '../lexicon.js';

const require = createRequire(import.meta.url);

type Converter = (text: string) => string;
/** A first character that is a word of the pass alone, or that longer words start with. */
const SINGLE = 1;
const LONGER = 2;
/** Reads code units back into a string, in the byte order of this machine's typed arrays. */
const UTF16 = new TextDecoder(new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be');
/** One of OpenCC's dictionary tries: code point → child, and the replacement where a word ends. */
interface OpenCCTrie {
  map: Map<number, unknown>;
  loadDictGroup(group: unknown): void;
  matchPrefix(text: string, at: number): {end: number; value: string} | null;
}
interface OpenCCModule {
  Converter(options: {from: string; to: string}): Converter;
  Trie: new () => OpenCCTrie;
  Locale: {from: Record<string, unknown[]>; to: Record<string, unknown[]>};
}

let toSimplified: Converter | undefined;

/**
 * Loads OpenCC's Taiwan/Hong Kong traditional → mainland simplified converter once, from the
 * package's traditional → simplified build (110 kB of code against 1.2 MB for the full one:
 * 4 MB and 10 ms less a thread, and the same conversion).
 */
export function simplifiedConverter(): Converter {
  // The Taiwan table also folds the Hong Kong variants we meet (綫, 裏), so one suffices.
  toSimplified ??= skippingConverter(require('opencc-js/t2cn') as OpenCCModule, 'tw', 'cn');
  return toSimplified;
}

/**
 * Builds OpenCC's converter from one locale to another that converts as OpenCC does, pass by
 * pass with OpenCC's own tries and longest match, but skips a character no word of the pass
 * begins with by a table look-up, where OpenCC tries its trie at every character (the
 * variants pass knows 505 first characters, the simplifying pass 3,283), and replaces a
 * character that begins no longer word straight from a table: a fraction of the time. A
 * text with an ideographic description sequence or a character beyond U+FFFF, which OpenCC
 * steps over in its own way, goes to OpenCC's converter whole.
 */
export function skippingConverter(opencc: OpenCCModule, from: string, to: string): Converter {
  // OpenCC's own converter builds its tries again: made only for the rare text that needs it.
  let whole: Converter | undefined;
  const passes = [...opencc.Locale.from[from]!, ...opencc.Locale.to[to]!].map((group) => {
    const trie = new opencc.Trie();
    trie.loadDictGroup(group);
    // Per first character: no word starts with it (0), only itself is a word (its
    // replacement is read from `singles`), or longer words start with it too (the trie).
    const starts = new Uint8Array(0x10000);
    const singles: string[] = [];
    for (const [code, node] of trie.map as Map<number, Map<number, unknown> & {trie_val?: string}>) {
      if (code > 0xffff) continue;
      if (node.size === 0 && node.trie_val !== undefined) {
        starts[code] = SINGLE;
        singles[code] = node.trie_val;
      } else starts[code] = LONGER;
    }
    return {trie, starts, singles};
  });
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0x2ff0 && code <= 0x2fff)) return (whole ??= opencc.Converter({from, to}))(text);
    }
    let out = text;
    for (const {trie, starts, singles} of passes) {
      // The text is written out by code unit, and made a string once: a part per changed
      // character cost more than finding the change.
      let units: Uint16Array | null = null;
      let length = 0;
      for (let i = 0; i < out.length; ) {
        const code = out.charCodeAt(i);
        const start = starts[code];
        const match = start === LONGER ? trie.matchPrefix(out, i) : null;
        const value = start === SINGLE ? singles[code]! : match?.value;
        if (value === undefined) {
          if (units !== null) units[length++] = code;
          i++;
          continue;
        }
        if (units === null) {
          units = new Uint16Array(out.length * 2 + 16);
          for (let j = 0; j < i; j++) units[j] = out.charCodeAt(j);
          length = i;
        }
        if (length + value.length > units.length) {
          const larger: Uint16Array = new Uint16Array(units.length * 2 + value.length);
          larger.set(units.subarray(0, length));
          units = larger;
        }
        for (let j = 0; j < value.length; j++) units[length++] = value.charCodeAt(j);
        i = match ? match.end : i + 1;
      }
      if (units !== null) out = UTF16.decode(units.subarray(0, length));
    }
    return out;
  };
}

/** The traditional-only and simplified-only characters, as strings, from the data file. */
export function scriptChars(): {traditional: string; simplified: string} {
  const [traditional = '', simplified = ''] = readList('script-chars.txt').map((row) => row[0] ?? '');
  return {traditional, simplified};
}

/** Computes the same lists from opencc-js itself, running every CJK ideograph through it. */
export function scriptCharsFromOpenCC(): {traditional: string; simplified: string} {
  const all: string[] = [];
  for (let code = 0x4e00; code <= 0x9fff; code++) all.push(String.fromCharCode(code));
  const joined = all.join('\n');
  const asSimplified = simplifiedConverter()(joined).split('\n');
  const asTraditional = (require('opencc-js') as OpenCCModule).Converter({from: 'cn', to: 'tw'})(joined).split('\n');
  let traditional = '';
  let simplified = '';
  all.forEach((c, i) => {
    if (asSimplified[i] !== c && asTraditional[i] === c) traditional += c;
    if (asTraditional[i] !== c && asSimplified[i] === c) simplified += c;
  });
  return {traditional, simplified};
}
