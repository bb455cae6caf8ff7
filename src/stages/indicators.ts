/**
 * Normalised lines → indicators (spec/indicators.md). Blanks out what only looks like a
 * quantity (titles in 《》, document numbers, quoted slogans, ordinals, the names in
 * data/not-quantities.txt), reads the quantities that remain, drops dates, and gives each
 * its label (the thing counted, by jieba's parts of speech) and its category.
 */
import {readList, readWords} from '../lexicon.js';
import type {Category, Quantity} from '../types.js';
import {isJunkLine} from './junk.js';
import {findQuantities, unitInfo} from './quantity.js';
import {tag} from './segment.js';

/** An indicator as found on one line, before it is placed in a report. */
export interface FoundIndicator extends Quantity {
  /** Index of the line it stands on. */
  line: number;
  label: string;
  category: Category;
  sentence: string;
}

/** Marks that end the clause a label is looked for in. */
const CLAUSE_BREAK = /[，,。；;：:！!？?、（）()“”"《》【】\s]/;
const SENTENCE_BREAK = /[。；;！!？?]/;
/** Adverbs that belong to a label: they tell done from not done. */
const KEPT_ADVERBS = new Set(['已', '未', '尚未', '已经', '未能', '正在']);
/** Longest label kept; the rest of a long clause is context, not the thing counted. */
const MAX_LABEL = 16;

let lexicon:
  | {masks: string[]; maskPatterns: RegExp[]; trailing: string[]; leading: string[]; categories: [string, Category][]; yearCues: string[]}
  | undefined;

/** Reads the word lists indicators need, once. */
function words(): NonNullable<typeof lexicon> {
  if (lexicon) return lexicon;
  const entries = readWords('not-quantities.txt');
  const fillers = readList('label-fillers.tsv');
  lexicon = {
    masks: entries.filter((entry) => !entry.startsWith('/')).sort((a, b) => b.length - a.length),
    maskPatterns: entries.filter((entry) => entry.startsWith('/')).map((entry) => new RegExp(entry.slice(1, -1), 'g')),
    trailing: fillers.filter((row) => row[1] === 'trailing').map((row) => row[0]!).sort((a, b) => b.length - a.length),
    leading: fillers.filter((row) => row[1] === 'leading').map((row) => row[0]!).sort((a, b) => b.length - a.length),
    categories: readList('categories.tsv').map(([cue, category]) => [cue ?? '', (category ?? 'other') as Category]),
    yearCues: readWords('year-durations.txt').sort((a, b) => b.length - a.length),
  };
  return lexicon;
}

/** Finds the indicators on every line; `skip` tells which lines state none (page junk). */
export function findIndicators(lines: readonly string[], skip: (index: number) => boolean = () => false): FoundIndicator[] {
  const out: FoundIndicator[] = [];
  lines.forEach((line, index) => {
    if (skip(index) || isJunkLine(line) || !/[0-9一二三四五六七八九十两]/.test(line)) return;
    out.push(...indicatorsInLine(line, index));
  });
  return out;
}

/** Finds the indicators in one line. */
export function indicatorsInLine(line: string, index = 0): FoundIndicator[] {
  const masked = maskNonQuantities(line);
  const found: FoundIndicator[] = [];
  let previousEnd = 0;
  let previousLabel = '';
  for (const quantity of findQuantities(masked)) {
    const raw = line.slice(quantity.start, quantity.end);
    if (!isIndicator(line, quantity)) continue;
    const clauseStart = Math.max(previousEnd, clauseStartBefore(line, quantity.start));
    let label = labelOf(line, clauseStart, quantity);
    // 突破1万亿元、达1.4万亿元: a second figure with only a filler before it counts the same thing.
    if ((label === '' || words().trailing.includes(label)) && previousLabel !== '' && sameSentence(line, previousEnd, quantity.start)) {
      label = previousLabel;
    }
    previousLabel = label;
    found.push({
      ...quantity,
      raw,
      line: index,
      label,
      category: categorize(quantity.unit, label, line.slice(Math.max(0, quantity.start - 30), quantity.start)),
      sentence: sentenceAround(line, quantity.start, quantity.end),
    });
    previousEnd = quantity.end;
  }
  return found;
}

/** Blanks out (with spaces, keeping offsets) the parts of a line that state no quantity. */
export function maskNonQuantities(line: string): string {
  const {masks, maskPatterns} = words();
  const blank = (m: string): string => ' '.repeat(m.length);
  let out = line
    .replace(/《[^》]*》/g, blank)
    .replace(/[〔［\[][^〕］\]]{0,20}[〕］\]][^，。；]{0,8}?号/g, blank)
    .replace(/“[^”]{0,12}”/g, (m) => (/[0-9一二三四五六七八九十两百千万]/.test(m) ? blank(m) : m))
    .replace(/"[^"]{0,12}"/g, (m) => (/[0-9一二三四五六七八九十两百千万]/.test(m) ? blank(m) : m))
    .replace(/一([\u4e00-\u9fff])一([\u4e00-\u9fff])/g, blank)
    .replace(/第[0-9一二三四五六七八九十百千两]+/g, blank);
  for (const pattern of maskPatterns) out = out.replace(pattern, blank);
  for (const entry of masks) if (out.includes(entry)) out = out.split(entry).join(blank(entry));
  return out;
}

/** Tells whether a quantity is an indicator rather than a date, a period or a name. */
function isIndicator(line: string, quantity: Quantity): boolean {
  const after = line.slice(quantity.end, quantity.end + 2);
  if (quantity.unit === '年') {
    if (quantity.value >= 1900 && quantity.value <= 2100) return false;
    const before = line.slice(Math.max(0, quantity.start - 3), quantity.start);
    // 不少于一年, 超过3年 measure a time; 近三年 names a period.
    if (!['>', '≥', '≤'].includes(quantity.qualifier) && !words().yearCues.some((cue) => before.endsWith(cue))) return false;
    if (/^(来|以来|度|级|代)/.test(after)) return false;
  }
  if (quantity.unit === '周' && after.startsWith('年')) return false;
  if (quantity.unit === '个月' && /^(以来|来)/.test(after)) return false;
  // 元 glued to a following character is a word (元旦, 元宵), not money.
  if (quantity.unit === '元' && /^[旦宵素]/.test(after)) return false;
  return true;
}

/** Tells whether no sentence ends between two offsets of a line. */
function sameSentence(line: string, from: number, to: number): boolean {
  return !SENTENCE_BREAK.test(line.slice(from, to));
}

/** Where the clause that holds offset `at` begins. */
function clauseStartBefore(line: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_BREAK.test(line[i]!)) return i + 1;
  return 0;
}

/** The sentence that holds a quantity, trimmed. */
function sentenceAround(line: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_BREAK.test(line[from - 1]!)) from--;
  let to = end;
  while (to < line.length && !SENTENCE_BREAK.test(line[to]!)) to++;
  return line.slice(from, Math.min(line.length, to + 1)).trim();
}

/**
 * Names the thing a quantity counts: the noun phrase before it in its clause, trimmed of
 * fillers and verbs of doing; or, when the number comes first (14所中小学), the noun after it.
 */
function labelOf(line: string, clauseStart: number, quantity: Quantity): string {
  const before = trimTrailing(line.slice(clauseStart, quantity.start));
  const info = unitInfo(quantity.unit);
  const afterText = line.slice(quantity.end, quantity.end + 12);
  const following = info?.kind === 'count' && /^[\u4e00-\u9fff]/.test(afterText) ? nounAfter(afterText) : '';
  if (following) return following;
  const label = trimLeading(before);
  return label.length > MAX_LABEL ? label.slice(-MAX_LABEL) : label;
}

/** Drops fillers from the end of a label (达, 为, 共计 …). */
function trimTrailing(text: string): string {
  let out = text.trim();
  for (let changed = true; changed && out !== ''; ) {
    changed = false;
    for (const word of words().trailing) {
      if (out.endsWith(word) && out.length > word.length) {
        out = out.slice(0, -word.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/**
 * Keeps the noun phrase that ends a clause: walks back from the number over words that
 * can be part of it, and stops at adverbs, pronouns, prepositions and at a verb of doing
 * that governs what was already taken (共登记|社会组织, 受理|信访案件).
 */
function trimLeading(text: string): string {
  if (text === '') return '';
  const tagged = tag(text);
  const {leading} = words();
  let start = tagged.length;
  let taken = '';
  while (start > 0) {
    const {word, tag: pos} = tagged[start - 1]!;
    // 已办结, 未办结: the aspect is what tells the two counts apart, so it stays.
    if (KEPT_ADVERBS.has(word)) {
      start--;
      taken = word + taken;
      continue;
    }
    if (/^(m|q|d|p|c|r|u|uj|ul|ug|uz|x|t|f|y|e|o|zg)$/.test(pos) || /^[0-9]/.test(word)) break;
    // 办理时限: a verb stays when without it only a bare two-character noun would remain.
    if (taken !== '' && leading.includes(word) && taken.length > 2) break;
    if (taken !== '' && pos === 'ns' && taken.length > 1) break;
    start--;
    taken = word + taken;
  }
  return taken.replace(/^[的了和及与]/, '');
}

/** The noun phrase right after a count's measure word (14所中小学开展 → 中小学), or ''. */
function nounAfter(text: string): string {
  const clause = text.split(CLAUSE_BREAK)[0] ?? '';
  if (clause === '') return '';
  const tagged = tag(clause);
  const first = tagged[0];
  if (!first || !/^(n|nr|ns|nt|nz|ng|vn|j|l|b|an)/.test(first.tag)) return '';
  let label = '';
  for (const {word, tag: pos} of tagged) {
    if (!/^(n|nr|ns|nt|nz|ng|vn|j|l|b|an|a)/.test(pos)) break;
    label += word;
  }
  return label;
}

/** Puts an indicator in a category, from its unit first, then from the words around it. */
export function categorize(unit: string, label: string, context: string): Category {
  const info = unitInfo(unit);
  if (info?.kind === 'money') return 'funds';
  if (info?.kind === 'rate' || /率$/.test(label)) return 'rates';
  if (info?.category === 'people') return 'people';
  const {categories} = words();
  for (const text of [label, context]) {
    for (const [cue, category] of categories) {
      if (!text.includes(cue)) continue;
      if (category === 'documents' && info?.kind !== 'count') continue;
      if (category === 'organizations' && !['家', '个', '所', '户'].includes(unit)) continue;
      return category;
    }
  }
  return (info?.category as Category | undefined) ?? 'other';
}
