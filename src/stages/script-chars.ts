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
 * variants pass knows 505 first characters, the simplifying pass 3,283): half the time. A
 * text with an ideographic description sequence or a character beyond U+FFFF, which OpenCC
 * steps over in its own way, goes to OpenCC's converter whole.
 */
export function skippingConverter(opencc: OpenCCModule, from: string, to: string): Converter {
  // OpenCC's own converter builds its tries again: made only for the rare text that needs it.
  let whole: Converter | undefined;
  const passes = [...opencc.Locale.from[from]!, ...opencc.Locale.to[to]!].map((group) => {
    const trie = new opencc.Trie();
    trie.loadDictGroup(group);
    const starts = new Uint8Array(0x10000);
    for (const code of trie.map.keys()) if (code <= 0xffff) starts[code] = 1;
    return {trie, starts};
  });
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0x2ff0 && code <= 0x2fff)) return (whole ??= opencc.Converter({from, to}))(text);
    }
    let out = text;
    for (const {trie, starts} of passes) {
      const parts: string[] = [];
      let copied = 0;
      for (let i = 0; i < out.length; ) {
        const match = starts[out.charCodeAt(i)] === 1 ? trie.matchPrefix(out, i) : null;
        if (match === null) {
          i++;
          continue;
        }
        if (copied < i) parts.push(out.slice(copied, i));
        parts.push(match.value);
        i = copied = match.end;
      }
      if (copied === 0 && parts.length === 0) continue;
      if (copied < out.length) parts.push(out.slice(copied));
      out = parts.join('');
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
