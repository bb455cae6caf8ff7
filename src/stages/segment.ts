/**
 * Words, by jieba. The only module that imports nodejieba: its dictionary loads on first
 * use (about a second), so commands that never segment never pay for it. Numbers are kept
 * whole (jieba cuts `5346` into single digits), and keywords are ranked by TF-IDF with
 * jieba's own IDF table and stop words.
 */
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {readList} from '../lexicon.js';

const require = createRequire(import.meta.url);

interface Jieba {
  load(): void;
  insertWord(word: string, tag?: string): boolean;
  cut(sentence: string, strict?: boolean): string[];
  tag(sentence: string): {word: string; tag: string}[];
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
}

/** A word with its part of speech, as jieba tags it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

let jieba: Jieba | undefined;
/** The words of data/jieba-words.txt with their parts of speech. */
let userWords: Map<string, string> | undefined;
let idf: IdfTable | undefined;

/** Loads nodejieba and its dictionary once per process (or worker). */
function loadJieba(): Jieba {
  if (!jieba) {
    const loaded = require('nodejieba') as Jieba;
    loaded.load();
    userWords = new Map(readList('jieba-words.txt').map(([word, pos]) => [word ?? '', pos ?? 'n']));
    for (const [word, pos] of userWords) if (word) loaded.insertWord(word, pos);
    jieba = loaded;
  }
  return jieba;
}

/** Matches a run of characters jieba would split but that form one number. */
const NUMBERISH = /^[0-9.,%]+$/;

/** Cuts one line into words; digits, decimal points and separators stay one token. */
export function cut(line: string): string[] {
  if (line === '') return [];
  return mergeNumbers(loadJieba().cut(line));
}

/** Tags the words of a short text with their parts of speech. */
export function tag(text: string): TaggedWord[] {
  if (text === '') return [];
  const tagged = loadJieba().tag(text);
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

/** Tells whether a token is a word to count: it holds a letter, digit or Chinese character. */
export function isWord(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

/** Ranks words by TF-IDF, from their frequencies in a text, and returns the top `count`. */
export function keywords(frequencies: ReadonlyMap<string, number>, count: number): string[] {
  if (count <= 0) return [];
  const table = idfTable();
  return [...frequencies]
    .filter(([word]) => word.length >= 2 && /\p{Script=Han}/u.test(word) && !table.stopWords.has(word))
    .map(([word, tf]) => ({word, score: tf * (table.weight(word) ?? table.median)}))
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
  if (idf) return idf;
  const j = loadJieba();
  const bytes = readFileSync(j.DEFAULT_IDF_DICT);
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
  const stopWords = new Set(readFileSync(j.DEFAULT_STOP_WORD_DICT, 'utf8').split(/\r?\n/).filter(Boolean));
  // Words already looked up, so each distinct word is hashed once per worker.
  const known = new Map<string, number | undefined>();
  idf = {
    weight(word) {
      if (known.has(word)) return known.get(word);
      const value = lookup(word);
      known.set(word, value);
      return value;
    },
    median: sorted[sorted.length >> 1] ?? 10,
    stopWords,
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
  return idf;
}

/** FNV-1a hash of a byte range. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}
