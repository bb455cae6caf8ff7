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
interface OpenCCModule {
  Converter(options: {from: string; to: string}): Converter;
}

let toSimplified: Converter | undefined;

/**
 * Loads OpenCC's Taiwan/Hong Kong traditional → mainland simplified converter once, from the
 * package's traditional → simplified build (110 kB of code against 1.2 MB for the full one:
 * 4 MB and 10 ms less a thread, and the same conversion).
 */
export function simplifiedConverter(): Converter {
  // The Taiwan table also folds the Hong Kong variants we meet (綫, 裏), so one suffices.
  toSimplified ??= (require('opencc-js/t2cn') as OpenCCModule).Converter({from: 'tw', to: 'cn'});
  return toSimplified;
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
