/**
 * Words, by jieba. The only module that loads a segmenter: `jieba-rs` (@node-rs/jieba,
 * prebuilt, the default) or `nodejieba` (an optional dependency compiled from C++, for
 * those who need its exact output). The engine loads on first use, once per process or
 * worker, so commands that never segment never pay for it. HMM is on, so unknown words
 * (提振, 施策) stay whole; numbers are kept whole (jieba cuts `5346` into single digits).
 * A line is tagged once: its words are counted and its parts of speech serve the labels.
 * Keywords are ranked by TF-IDF with the engine's IDF table and jieba's stop words.
 */
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {readList, readWords} from '../lexicon.js';

const require = createRequire(import.meta.url);

/** The segmenters there are; the first is the default. */
export const SEGMENTERS = ['jieba-rs', 'nodejieba'] as const;
export type SegmenterName = (typeof SEGMENTERS)[number];
export const DEFAULT_SEGMENTER: SegmenterName = 'jieba-rs';

/** The npm package behind each segmenter. */
const PACKAGES: Record<SegmenterName, string> = {'jieba-rs': '@node-rs/jieba', nodejieba: 'nodejieba'};

/** A word with its part of speech, as jieba tags it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** What the rest of the program needs from an engine. */
interface Engine {
  cut(text: string): string[];
  tag(text: string): TaggedWord[];
  /** jieba's IDF table: lines of `word weight`. */
  idfBytes(): Buffer;
}

/**
 * The frequency given to the words of data/jieba-words.txt: the median of jieba's
 * dictionary, as nodejieba gives inserted words. Some stay below their parts (占比 is
 * cut 占/比), and `tag` joins those.
 */
const USER_WORD_FREQUENCY = 3;

const engines = new Map<SegmenterName, Engine>();
let current: SegmenterName = DEFAULT_SEGMENTER;
let engine: Engine | undefined;
/** The words of data/jieba-words.txt with their parts of speech. */
let userWords: Map<string, string> | undefined;
const idfTables = new Map<SegmenterName, IdfTable>();

/** Chooses the engine later calls use; it loads on first use. */
export function useSegmenter(name: SegmenterName): void {
  if (name !== current) {
    current = name;
    engine = engines.get(name);
  }
}

/** Tells whether a segmenter's package is installed. */
export function segmenterInstalled(name: SegmenterName): boolean {
  try {
    require.resolve(PACKAGES[name]);
    return true;
  } catch {
    return false;
  }
}

/** Loads the chosen engine and its dictionary, once per process (or worker). */
function loadEngine(): Engine {
  if (engine) return engine;
  userWords ??= new Map(readList('jieba-words.txt').map(([word, pos]) => [word ?? '', pos ?? 'n']));
  engine = current === 'nodejieba' ? loadNodejieba(userWords) : loadJiebaRs(userWords);
  engines.set(current, engine);
  return engine;
}

/** @node-rs/jieba with jieba's dictionary and ours; HMM on for words not in them. */
function loadJiebaRs(words: ReadonlyMap<string, string>): Engine {
  const {Jieba} = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const {dict} = require('@node-rs/jieba/dict') as {dict: Buffer};
  const jieba = Jieba.withDict(dict);
  const lines = [...words].filter(([word]) => word).map(([word, pos]) => `${word} ${USER_WORD_FREQUENCY} ${pos}`);
  jieba.loadDict(Buffer.from(lines.join('\n')));
  return {
    cut: (text) => jieba.cut(text, true),
    tag: (text) => jieba.tag(text, true),
    idfBytes: () => readFileSync(require.resolve('@node-rs/jieba/idf.txt')),
  };
}

/** nodejieba (cppjieba), loaded only when asked for: an optional dependency. */
function loadNodejieba(words: ReadonlyMap<string, string>): Engine {
  let loaded: {
    load(): void;
    insertWord(word: string, tag?: string): boolean;
    cut(sentence: string, hmm?: boolean): string[];
    tag(sentence: string): TaggedWord[];
    DEFAULT_IDF_DICT: string;
  };
  try {
    loaded = require('nodejieba') as typeof loaded;
  } catch (error) {
    throw new Error(`the nodejieba segmenter is not installed (${(error as Error).message.split('\n')[0]})`);
  }
  loaded.load();
  for (const [word, pos] of words) if (word) loaded.insertWord(word, pos);
  return {
    cut: (text) => loaded.cut(text),
    tag: (text) => loaded.tag(text),
    idfBytes: () => readFileSync(loaded.DEFAULT_IDF_DICT),
  };
}

/** Matches a run of characters jieba would split but that form one number. */
const NUMBERISH = /^[0-9.,%]+$/;

/** Cuts one line into words; digits, decimal points and separators stay one token. */
export function cut(line: string): string[] {
  if (line === '') return [];
  return mergeNumbers(loadEngine().cut(line));
}

/** Tags the words of a text with their parts of speech; numbers and our words stay whole. */
export function tag(text: string): TaggedWord[] {
  if (text === '') return [];
  const tagged = loadEngine().tag(text);
  const merged: TaggedWord[] = [];
  for (const item of tagged) {
    const last = merged[merged.length - 1];
    if (last && NUMBERISH.test(last.word) && NUMBERISH.test(item.word)) last.word += item.word;
    // jieba weighs some added words below their parts (占比 stays 占/比): join them here.
    else if (last && userWords?.has(last.word + item.word)) merged[merged.length - 1] = {word: last.word + item.word, tag: userWords.get(last.word + item.word)!};
    else merged.push({word: item.word, tag: NUMBERISH.test(item.word) ? 'm' : item.tag});
  }
  return merged;
}

/** Joins adjacent tokens that are pieces of one number. */
function mergeNumbers(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const last = out.length - 1;
    if (last >= 0 && NUMBERISH.test(token) && NUMBERISH.test(out[last]!)) out[last] += token;
    else out.push(token);
  }
  return out;
}

/** Matches a token that is a word to count. */
const WORDISH = /[\p{L}\p{N}]/u;

/** Tells whether a token is a word to count: it holds a letter, digit or Chinese character. */
export function isWord(token: string): boolean {
  return WORDISH.test(token);
}

/** Matches a word that can be a keyword: it holds a Chinese character. */
const HAN = /\p{Script=Han}/u;

/** Ranks words by TF-IDF, from their frequencies in a text, and returns the top `count`. */
export function keywords(frequencies: ReadonlyMap<string, number>, count: number): string[] {
  if (count <= 0) return [];
  const table = idfTable();
  const scored: {word: string; score: number}[] = [];
  for (const [word, tf] of frequencies) {
    if (word.length < 2 || !HAN.test(word) || table.stopWords.has(word)) continue;
    scored.push({word, score: tf * (table.weight(word) ?? table.median)});
  }
  return scored
    .sort((a, b) => b.score - a.score || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, count)
    .map((entry) => entry.word);
}

interface IdfTable {
  weight(word: string): number | undefined;
  median: number;
  stopWords: Set<string>;
}

/**
 * Reads jieba's IDF weights (260,000 words) into an open-addressing hash table over the
 * file's own bytes: a Map of strings would cost each worker some 100 MB more at its peak.
 * Unknown words get the median weight, as jieba's own extractor does.
 */
function idfTable(): IdfTable {
  const loadedTable = idfTables.get(current);
  if (loadedTable) return loadedTable;
  const bytes = loadEngine().idfBytes();
  const starts: number[] = [];
  const ends: number[] = [];
  const weights: number[] = [];
  for (let line = 0; line < bytes.length; ) {
    let next = bytes.indexOf(10, line);
    if (next < 0) next = bytes.length;
    const space = bytes.lastIndexOf(32, next);
    if (space > line) {
      starts.push(line);
      ends.push(space);
      weights.push(Number(bytes.toString('latin1', space + 1, next)));
    }
    line = next + 1;
  }
  const size = 2 ** Math.ceil(Math.log2(starts.length * 2 + 1));
  const slots = new Int32Array(size).fill(-1);
  for (let i = 0; i < starts.length; i++) {
    let slot = hashBytes(bytes, starts[i]!, ends[i]!) & (size - 1);
    while (slots[slot] !== -1) slot = (slot + 1) & (size - 1);
    slots[slot] = i;
  }
  const sorted = Float64Array.from(weights).sort();
  // Words already looked up, so each distinct word is hashed once per worker.
  const known = new Map<string, number | undefined>();
  const table: IdfTable = {
    weight(word) {
      if (known.has(word)) return known.get(word);
      const value = lookup(word);
      known.set(word, value);
      return value;
    },
    median: sorted[sorted.length >> 1] ?? 10,
    stopWords: new Set(readWords('stop-words.txt')),
  };
  /** Finds a word's weight in the table. */
  function lookup(word: string): number | undefined {
    const key = Buffer.from(word);
    for (let slot = hashBytes(key, 0, key.length) & (size - 1); slots[slot] !== -1; slot = (slot + 1) & (size - 1)) {
      const i = slots[slot]!;
      if (ends[i]! - starts[i]! === key.length && key.compare(bytes, starts[i]!, ends[i]!) === 0) {
        return weights[i];
      }
    }
    return undefined;
  }
  idfTables.set(current, table);
  return table;
}

/** FNV-1a hash of a byte range. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}
