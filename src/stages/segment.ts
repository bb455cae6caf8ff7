/**
 * Words, by jieba. The only module that loads a segmenter: `jieba-rs` (@node-rs/jieba,
 * prebuilt, the default) or `nodejieba` (an optional dependency compiled from C++, for
 * those who need its exact output). The engine loads on first use, once per process or
 * worker, so commands that never segment never pay for it. HMM is on, so unknown words
 * (提振, 施策) stay whole; numbers are kept whole (jieba cuts `5346` into single digits).
 * Each line is cut once and its words counted; the labels tag only the text before a figure.
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

/**
 * Loads an engine now rather than on first use (a worker does, while the main thread builds
 * the IDF table it will share); a failure is left to the first use, which reports it per file.
 */
export function preloadSegmenter(name: SegmenterName): void {
  useSegmenter(name);
  try {
    loadEngine();
  } catch {
    // Reported by the first file that needs the engine.
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

/**
 * An engine's IDF table (lines of `word weight`), read from its package without loading its
 * dictionary: the main thread builds the shared table while a worker loads its engine, and
 * loads its own only when its first file needs it, so the two loads do not contend.
 */
function idfBytes(name: SegmenterName): Buffer {
  if (name === 'jieba-rs') return readFileSync(require.resolve('@node-rs/jieba/idf.txt'));
  // Requiring nodejieba loads no dictionary (its load() does).
  return readFileSync(requireNodejieba().DEFAULT_IDF_DICT);
}

/** @node-rs/jieba with jieba's dictionary and ours; HMM on for words not in them. */
function loadJiebaRs(words: ReadonlyMap<string, string>): Engine {
  const {Jieba} = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  const lines = [...words].filter(([word]) => word).map(([word, pos]) => `${word} ${USER_WORD_FREQUENCY} ${pos}`);
  jieba.loadDict(Buffer.from(lines.join('\n')));
  return {
    cut: (text) => jieba.cut(text, true),
    tag: taggerByCut((text) => jieba.cut(text, true), (text) => jieba.tag(text, true)),
  };
}

/** Most words whose part of speech is remembered; the memo is emptied past this. */
const TAG_MEMO_LIMIT = 50_000;
/** Remembered for a word that jieba cuts apart when it stands alone: tag its text whole. */
const SPLIT_ALONE = '';

/**
 * Tags as jieba-rs does, at two thirds of the cost. jieba-rs tags the words of its own cut, each by
 * the word alone (its dictionary's part of speech, else x, m or eng by its characters), and
 * building an object per word is most of a tag call's time: so the text is cut, and each
 * word's part of speech is asked once and remembered. A word jieba cuts apart when it stands
 * alone has no part of speech to ask, and a text holding one is tagged whole. The output is
 * the engine's own (a test compares the two on every fixture report).
 */
export function taggerByCut(cutText: (text: string) => string[], tagText: (text: string) => TaggedWord[]): (text: string) => TaggedWord[] {
  const memo = new Map<string, string>();
  return (text) => {
    const words = cutText(text);
    const tagged: TaggedWord[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      let pos = memo.get(word);
      if (pos === undefined) {
        const alone = tagText(word);
        pos = alone.length === 1 && alone[0]!.word === word ? alone[0]!.tag : SPLIT_ALONE;
        if (memo.size >= TAG_MEMO_LIMIT) memo.clear();
        memo.set(word, pos);
      }
      if (pos === SPLIT_ALONE) return tagText(text);
      tagged[i] = {word, tag: pos};
    }
    return tagged;
  };
}

/** The nodejieba module, or an error saying it is not installed. */
function requireNodejieba(): {
  load(): void;
  insertWord(word: string, tag?: string): boolean;
  cut(sentence: string, hmm?: boolean): string[];
  tag(sentence: string): TaggedWord[];
  DEFAULT_IDF_DICT: string;
} {
  try {
    return require('nodejieba') as ReturnType<typeof requireNodejieba>;
  } catch (error) {
    throw new Error(`the nodejieba segmenter is not installed (${(error as Error).message.split('\n')[0]})`);
  }
}

/** nodejieba (cppjieba), loaded only when asked for: an optional dependency. */
function loadNodejieba(words: ReadonlyMap<string, string>): Engine {
  const loaded = requireNodejieba();
  loaded.load();
  for (const [word, pos] of words) if (word) loaded.insertWord(word, pos);
  return {
    cut: (text) => loaded.cut(text),
    tag: (text) => loaded.tag(text),
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
    if (last && isNumberish(last.word) && isNumberish(item.word)) last.word += item.word;
    // jieba weighs some added words below their parts (占比 stays 占/比): join them here.
    else if (last && userWords?.has(last.word + item.word)) merged[merged.length - 1] = {word: last.word + item.word, tag: userWords.get(last.word + item.word)!};
    // The engine's own objects are kept (they are new on every call); a number is tagged m.
    else merged.push(item.tag === 'm' || !isNumberish(item.word) ? item : {word: item.word, tag: 'm'});
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
  const code = token.charCodeAt(0);
  // Chinese characters and ASCII letters and digits, without a regular expression.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)) return true;
  return WORDISH.test(token);
}

/** Tells whether a token is a piece of a number: digits, decimal points, separators, %. */
function isNumberish(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (!((code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2c || code === 0x25)) return false;
  }
  return token.length > 0;
}

/** The words of some lines: how many, and how often each occurs. */
export interface WordCounts {
  count: number;
  frequency: Map<string, number>;
}

/**
 * Cuts each line once and counts its words (numbers whole, punctuation not counted),
 * keeping only counts, so memory stays small on big files.
 */
export function countWords(lines: readonly string[]): WordCounts {
  const frequency = new Map<string, number>();
  let count = 0;
  for (const line of lines) {
    if (line === '') continue;
    const tokens = loadEngine().cut(line);
    for (let i = 0; i < tokens.length; i++) {
      let token = tokens[i]!;
      if (isNumberish(token)) while (i + 1 < tokens.length && isNumberish(tokens[i + 1]!)) token += tokens[++i]!;
      if (!isWord(token)) continue;
      count++;
      frequency.set(token, (frequency.get(token) ?? 0) + 1);
    }
  }
  return {count, frequency};
}

/** Matches a word that can be a keyword: it holds a Chinese character. */
const HAN = /\p{Script=Han}/u;

/** Ranks words by TF-IDF, from their frequencies in a text, and returns the top `count`. */
export function keywords(frequencies: ReadonlyMap<string, number>, count: number): string[] {
  if (count <= 0) return [];
  const table = idfTable();
  // The best `count` so far, best first: a section has thousands of words, we keep ten.
  const top: {word: string; score: number}[] = [];
  for (const [word, tf] of frequencies) {
    // A word that could not beat the last of a full list even with the highest weight is
    // not looked up: most words of a section occur once or twice.
    if (top.length === count && tf * table.highest < top[count - 1]!.score) continue;
    if (word.length < 2 || !HAN.test(word) || table.stopWords.has(word)) continue;
    const score = tf * (table.weight(word) ?? table.median);
    if (top.length === count && !ranksBefore(score, word, top[count - 1]!)) continue;
    let at = Math.min(top.length, count - 1);
    while (at > 0 && ranksBefore(score, word, top[at - 1]!)) at--;
    if (top.length === count) top.pop();
    top.splice(at, 0, {word, score});
  }
  return top.map((entry) => entry.word);
}

/** Tells whether a word with `score` ranks before an entry: higher score, then code-unit order. */
function ranksBefore(score: number, word: string, entry: {word: string; score: number}): boolean {
  return score > entry.score || (score === entry.score && word < entry.word);
}

interface IdfTable {
  weight(word: string): number | undefined;
  median: number;
  /** The highest weight a word can get (known or not). */
  highest: number;
  stopWords: Set<string>;
  /** The table itself, in memory other threads can share. */
  shared: SharedIdf;
}

/** Most words whose weight is remembered; the memo is emptied past this, so it never grows without bound. */
const MEMO_LIMIT = 50_000;

/**
 * jieba's IDF weights as an open-addressing hash table over the file's own bytes, all in one
 * block of shared memory: worker threads take the main thread's table instead of each
 * building its own (some 14 MB and 60 ms a thread). Layout: the weights (Float64), then the
 * start and end of each word in the bytes and the slots (Int32), then the bytes.
 */
export interface SharedIdf {
  segmenter: SegmenterName;
  memory: SharedArrayBuffer;
  /** Room for this many entries (the file's lines). */
  capacity: number;
  size: number;
  median: number;
  highest: number;
}

/** Builds the current engine's IDF table, or gives the one built already, to share with workers. */
export function shareIdfTable(): SharedIdf {
  return idfTable().shared;
}

/** Uses an IDF table built by another thread for its engine. */
export function adoptIdfTable(shared: SharedIdf): void {
  if (!idfTables.has(shared.segmenter)) idfTables.set(shared.segmenter, idfTableOver(shared));
}

/**
 * Reads jieba's IDF weights (260,000 words) into the shared table, once per engine: a Map of
 * strings would cost each thread some 100 MB more at its peak. Words looked up are remembered.
 * Unknown words get the median weight, as jieba's own extractor does.
 */
function idfTable(): IdfTable {
  const loadedTable = idfTables.get(current);
  if (loadedTable) return loadedTable;
  const table = idfTableOver(buildIdf(idfBytes(current)));
  idfTables.set(current, table);
  return table;
}

/** Lays out the lines of an IDF file (`word weight`) as a shared hash table. */
function buildIdf(file: Uint8Array): SharedIdf {
  let lines = 0;
  for (let at = file.indexOf(10); at >= 0; at = file.indexOf(10, at + 1)) lines++;
  const capacity = lines + 1;
  // Slots for at least a third more than the entries: probes stay short, the table small.
  const size = 2 ** Math.ceil(Math.log2(capacity * 4 / 3 + 1));
  const memory = new SharedArrayBuffer(capacity * 8 + capacity * 8 + size * 4 + file.length);
  const {weights, starts, ends, slots, bytes} = viewsOf(memory, capacity, size);
  bytes.set(file);
  let entries = 0;
  for (let line = 0; line < file.length; ) {
    let next = file.indexOf(10, line);
    if (next < 0) next = file.length;
    const space = file.lastIndexOf(32, next);
    if (space > line) {
      starts[entries] = line;
      ends[entries] = space;
      weights[entries++] = parseDecimal(file, space + 1, next);
    }
    line = next + 1;
  }
  slots.fill(-1);
  for (let i = 0; i < entries; i++) {
    let slot = hashBytes(bytes, starts[i]!, ends[i]!) & (size - 1);
    while (slots[slot] !== -1) slot = (slot + 1) & (size - 1);
    slots[slot] = i;
  }
  const median = entries > 0 ? nthSmallest(weights.slice(0, entries), entries >> 1) : 10;
  let highest = median;
  for (let i = 0; i < entries; i++) if (weights[i]! > highest) highest = weights[i]!;
  return {segmenter: current, memory, capacity, size, median, highest};
}

/** The typed arrays over a shared IDF table's memory. */
function viewsOf(memory: SharedArrayBuffer, capacity: number, size: number): {weights: Float64Array; starts: Int32Array; ends: Int32Array; slots: Int32Array; bytes: Uint8Array} {
  const weights = new Float64Array(memory, 0, capacity);
  const starts = new Int32Array(memory, capacity * 8, capacity);
  const ends = new Int32Array(memory, capacity * 12, capacity);
  const slots = new Int32Array(memory, capacity * 16, size);
  const bytes = new Uint8Array(memory, capacity * 16 + size * 4);
  return {weights, starts, ends, slots, bytes};
}

/** The look-ups over a shared IDF table, with this thread's memo of words looked up. */
function idfTableOver(shared: SharedIdf): IdfTable {
  const {weights, starts, ends, slots, bytes} = viewsOf(shared.memory, shared.capacity, shared.size);
  const size = shared.size;
  const key = new Uint8Array(256);
  const encoder = new TextEncoder();
  /** Finds a word's weight in the table, or NaN. */
  const lookup = (word: string): number => {
    if (word.length * 3 > key.length) return NaN;
    const length = encoder.encodeInto(word, key).written;
    for (let slot = hashBytes(key, 0, length) & (size - 1); slots[slot] !== -1; slot = (slot + 1) & (size - 1)) {
      const i = slots[slot]!;
      if (ends[i]! - starts[i]! === length && equalBytes(key, bytes, starts[i]!, length)) return weights[i]!;
    }
    return NaN;
  };
  const memo = new Map<string, number>();
  return {
    weight(word) {
      let value = memo.get(word);
      if (value === undefined) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        value = lookup(word);
        memo.set(word, value);
      }
      return Number.isNaN(value) ? undefined : value;
    },
    median: shared.median,
    highest: shared.highest,
    shared,
    stopWords: new Set([...readWords('stop-words.txt'), ...readWords('genre-stop-words.txt')]),
  };
}

/** Finds the `n`-th smallest of some numbers (0-based) in linear time, reordering them (quickselect). */
function nthSmallest(values: Float64Array, n: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (n <= j) high = j;
    else if (n >= i) low = i;
    else break;
  }
  return values[n]!;
}

/** Reads a decimal number (`13.900677652`) from ASCII bytes, without making a string. */
function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  let value = 0;
  let scale = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte === 0x2e) scale = 1;
    else if (byte >= 0x30 && byte <= 0x39) {
      value = value * 10 + (byte - 0x30);
      if (scale) scale *= 10;
    } else if (byte !== 0x0d) return Number(Buffer.from(bytes.subarray(start, end)).toString('latin1'));
  }
  return scale ? value / scale : value;
}

/** Tells whether `length` bytes of `key` equal those of `bytes` from `start`. */
function equalBytes(key: Uint8Array, bytes: Uint8Array, start: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (key[i] !== bytes[start + i]) return false;
  return true;
}

/** FNV-1a hash of a byte range. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}
