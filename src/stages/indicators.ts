/**
 * Normalised lines → indicators (docs/tables.md, indicators). Blanks out what only looks like a
 * quantity (titles in 《》, document numbers, quoted slogans, ordinals, the names in
 * data/not-quantities.txt), reads the quantities that remain, drops dates, and gives each
 * its label (the thing counted, by jieba's parts of speech) and its category.
 */
import {alternation, readList, readWords} from '../lexicon.js';
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

/** Characters without which a line holds no numeral, so nothing needs blanking. */
const MAY_HOLD_NUMBER = /[0-9零〇一二两三四五六七八九十几数上百千万亿]/;
/** Words that make a count of 次/场/期/轮 a count of events. */
const EVENT_WORDS = /培训|会议|讲座|行动|活动|排查|座谈|演练|宣传|研究|评查|评审|督查|调研/;
/** A rate's base at the end of a label's words: 每人每月, 每千人. */
const RATE_BASE_AT_END = /(?:每(?:人|户|名|月|年|天|日|千人|万人|百人|亩))+$/;
/** A period between a thing and its number (水利投资五年累计完成, 近三年来). */
const PERIOD_AT_END = /(?:近|过去)?[一二三四五六七八九十两]{1,2}年(?:来|间)?$/;
/** Text that only joins the figures of a list (、, 和, a comma). */
const LIST_JOIN = /^[、，,和及与\s]*$/;
/** Marks that end the clause a label is looked for in. */
const CLAUSE_BREAK = /[，,。；;：:！!？?、（）()“”"《》【】\s]/;
const SENTENCE_BREAK = /[。；;！!？?]/;
/** The same marks by character code, for the loops that look at every character. */
const isClauseBreak = charTest(CLAUSE_BREAK);
const isSentenceBreak = charTest(SENTENCE_BREAK);
/** Adverbs that belong to a label: they tell done from not done. */
const KEPT_ADVERBS = new Set(['已', '未', '尚未', '已经', '未能', '正在']);
/** A character that writes a number. */
const NUMERAL_CHAR = /[0-9０-９零〇一二两三四五六七八九十百千万亿几数半]/;
/** One Chinese character. */
const HAN_CHAR = /^\p{Script=Han}$/u;
/** Longest label kept; the rest of a long clause is context, not the thing counted. */
const MAX_LABEL = 16;

let lexicon:
  | {masks: RegExp | null; maskPatterns: {pattern: RegExp; required: string}[]; trailing: string[]; leading: string[]; openers: string[]; fillersByFirst: Map<number, string[]>; categories: [string, Category][]; anyCue: RegExp; yearCues: string[]}
  | undefined;

/** Reads the word lists indicators need, once. */
function words(): NonNullable<typeof lexicon> {
  if (lexicon) return lexicon;
  const entries = readWords('not-quantities.txt');
  const fillers = readList('label-fillers.tsv');
  const plain = entries.filter((entry) => !entry.startsWith('/'));
  lexicon = {
    masks: plain.length > 0 ? new RegExp(alternation(plain), 'g') : null,
    maskPatterns: entries.filter((entry) => entry.startsWith('/')).map((entry) => ({pattern: new RegExp(entry.slice(1, -1), 'g'), required: requiredText(entry.slice(1, -1))})),
    trailing: [...fillers.filter((row) => row[1] === 'trailing').map((row) => row[0]!), ...hedgesBefore()].sort((a, b) => b.length - a.length),
    leading: fillers.filter((row) => row[1] === 'leading').map((row) => row[0]!).sort((a, b) => b.length - a.length),
    openers: fillers.filter((row) => row[1] === 'intent').map((row) => row[0]!).sort((a, b) => b.length - a.length),
    categories: readList('categories.tsv').map(([cue, category]) => [cue ?? '', (category ?? 'other') as Category]),
    anyCue: new RegExp(alternation(readList('categories.tsv').map(([cue]) => cue ?? '').filter(Boolean))),
    yearCues: readWords('year-durations.txt').sort((a, b) => b.length - a.length),
    fillersByFirst: new Map(),
  };
  // The fillers, trailing then leading, by their first character, each list in that order
  // (the first that fits wins).
  for (const word of [...lexicon.trailing, ...lexicon.leading]) {
    const list = lexicon.fillersByFirst.get(word.charCodeAt(0));
    if (list) list.push(word);
    else lexicon.fillersByFirst.set(word.charCodeAt(0), [word]);
  }
  return lexicon;
}

/** The hedges written before a number (超, 近, 约 …), which never belong to a label. */
function hedgesBefore(): string[] {
  return readList('qualifiers.tsv').filter((row) => row[1] === 'before').map((row) => row[0]!);
}

/** Finds the indicators on every line; `skip` tells which lines state none (page junk). */
export function findIndicators(lines: readonly string[], labels = true): FoundIndicator[] {
  const out: FoundIndicator[] = [];
  lines.forEach((line, index) => {
    if (isJunkLine(line) || !/[0-9一二三四五六七八九十两]/.test(line)) return;
    // A loop, not push(...): one long line can hold hundreds of thousands of indicators.
    for (const found of indicatorsInLine(line, index, labels)) out.push(found);
  });
  return out;
}

/**
 * Finds the indicators in one line. Without `labels`, no label is given and jieba is not
 * needed (what `reports check` wants: how many, not what).
 */
export function indicatorsInLine(line: string, index = 0, labels = true): FoundIndicator[] {
  const masked = maskNonQuantities(line);
  const found: FoundIndicator[] = [];
  let previousEnd = 0;
  let previousLabel = '';
  let respectively: {items: string[]; next: number; qualifier: Quantity['qualifier']} | null = null;
  let listed: string[] | null = null;
  for (let quantity of findQuantities(masked)) {
    const raw = line.slice(quantity.start, quantity.end);
    if (!isIndicator(line, quantity)) continue;
    const clauseStart = Math.max(previousEnd, clauseStartBefore(line, quantity.start));
    let label = labels ? labelOf(line, clauseStart, quantity) : '';
    // 黄金、白银产量分别增长5%、2%: the listed things take the figures in turn.
    let items = respectivelyItems(line, previousEnd, quantity.start);
    const between = line.slice(previousEnd, quantity.start);
    if (items) listed = items;
    else if (!sameSentence(line, previousEnd, quantity.start)) listed = null;
    else if (listed && goesOverList(between, line.slice(quantity.end))) items = listed;
    // Only a hedge written before the number (超98.5%) is carried on, not one after it (5%左右).
    if (items) respectively = {items, next: 0, qualifier: /^[0-9零〇一二两三四五六七八九十几数]/.test(raw) ? '' : quantity.qualifier};
    else if (respectively && !LIST_JOIN.test(between)) respectively = null;
    // 分别超98.5%和99%: a hedge before the first figure of the list holds for the others.
    if (respectively && !items && quantity.qualifier === '' && respectively.qualifier !== '') {
      quantity = {...quantity, qualifier: respectively.qualifier};
    }
    if (labels && respectively && respectively.next < respectively.items.length) {
      label = respectively.items[respectively.next++]!;
    }
    // 突破1万亿元、达1.4万亿元, 从75.6%提升至76.5%: a second figure with only fillers before
    // it counts the same thing as the first.
    if (isFillerLabel(label) && previousLabel !== '' && sameSentence(line, previousEnd, quantity.start)) {
      label = previousLabel;
    }
    previousLabel = label;
    quantity = withRateBase(line, clauseStartBefore(line, quantity.start), quantity);
    // 收到信访件4件，其中已办结4件: a count of the same unit in the same sentence whose own
    // words name no category is of the same kind as the one before it.
    let category = categorize(quantity.unit, label);
    const previous = found[found.length - 1];
    if (previous && previous.unit === quantity.unit && continuesCount(line, previous.end, quantity.start) && labelCategory(label, quantity.unit) === null) {
      category = previous.category;
    }
    // Written out rather than spread from the quantity: one object shape for every indicator.
    found.push({
      raw,
      value: quantity.value,
      valueMax: quantity.valueMax,
      unit: quantity.unit,
      qualifier: quantity.qualifier,
      start: quantity.start,
      end: quantity.end,
      line: index,
      label,
      category,
      sentence: sentenceAround(line, quantity.start, quantity.end),
    });
    previousEnd = quantity.end;
  }
  return found;
}

/**
 * Tells whether a figure starts the sentence's list of things over (`between`: the words
 * since the figure before it; `after`: the text after it): a second 分别 with no list of its
 * own (…分别达到42160元、21870元，分别增长4.9%、7.2%), or a list of figures with only fillers
 * before it (…分别达到28964元和15286元，增长7.9%和8.6%).
 */
function goesOverList(between: string, after: string): boolean {
  if (between.includes('分别')) return true;
  return !LIST_JOIN.test(between) && isFillerLabel(trimTrailing(between.replace(/^[，,\s]+/, ''))) && /^[、和及与]\s*[0-9]/.test(after);
}

/** Blanks out (with spaces, keeping offsets) the parts of a line that state no quantity. */
export function maskNonQuantities(line: string): string {
  const {masks, maskPatterns} = words();
  const blank = (m: string): string => ' '.repeat(m.length);
  if (!MAY_HOLD_NUMBER.test(line)) return line;
  // The listed names and patterns first: some need the 第 or 届 around them to be seen.
  // A pattern is tried only on a line that holds the text every match of it holds.
  let out = line;
  for (const {pattern, required} of maskPatterns) if (out.includes(required)) out = out.replace(pattern, blank);
  if (out.includes('》')) out = out.replace(/《[^》]*》/g, blank);
  if (out.includes('号')) out = out.replace(/[〔［\[][^〕］\]]{0,20}[〕］\]][^，。；]{0,8}?号/g, blank);
  if (out.includes('”')) out = out.replace(/“[^”]{0,12}”/g, (m) => (/[0-9一二三四五六七八九十两百千万]/.test(m) ? blank(m) : m));
  if (out.includes('"')) out = out.replace(/"[^"]{0,12}"/g, (m) => (/[0-9一二三四五六七八九十两百千万]/.test(m) ? blank(m) : m));
  if (out.includes('一')) out = out.replace(/一([\u4e00-\u9fff])一([\u4e00-\u9fff])/g, blank);
  if (out.includes('第')) out = out.replace(/第[0-9一二三四五六七八九十百千两]+/g, blank);
  return masks === null ? out : out.replace(masks, blank);
}

/**
 * The longest run of plain characters that every match of a pattern holds, or '' when none
 * can be told: a run outside groups and character classes, the character before a quantifier
 * left out; a pattern with an alternative at its top level holds none.
 */
export function requiredText(source: string): string {
  let best = '';
  let run = '';
  let depth = 0;
  const close = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      close();
      i++;
    } else if (c === '[') {
      close();
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') {
      close();
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (c === '|' && depth === 0) {
      return '';
    } else if ('?*+{'.includes(c)) {
      run = run.slice(0, -1);
      close();
      if (c === '{') while (i < source.length && source[i] !== '}') i++;
    } else if ('^$.|'.includes(c) || depth > 0) {
      close();
    } else {
      run += c;
    }
  }
  close();
  return best;
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
  // 11月20日 is a date; 由15日压缩至10日 a time limit.
  if (quantity.unit === '日' && /[月号\-—.\/]$|^$/.test(line.slice(Math.max(0, quantity.start - 1), quantity.start)) && quantity.start > 0) return false;
  if (quantity.unit === '日' && /[0-9一二三四五六七八九十]月\s*$/.test(line.slice(Math.max(0, quantity.start - 4), quantity.start))) return false;
  if (quantity.unit === '个月' && /^(以来|来)/.test(after)) return false;
  // 元 glued to a following character is a word (元旦, 元宵), not money.
  if (quantity.unit === '元' && /^[旦宵素]/.test(after)) return false;
  return true;
}

/**
 * The things listed before 分别 in the clause that ends at `to` (黄金、白银、镍产量分别增长 →
 * 黄金, 白银, 镍产量), or null when the clause has no such list.
 */
function respectivelyItems(line: string, from: number, to: number): string[] | null {
  const before = line.slice(from, to);
  const at = before.lastIndexOf('分别');
  if (at < 0) return null;
  let start = at;
  while (start > 0 && !/[，,。；;：:！!？?（）()“”"《》]/.test(before[start - 1]!)) start--;
  const items = before
    .slice(start, at)
    .split(/[、和及与]/)
    .map((item) => trimTrailing(item))
    .filter((item) => item !== '');
  if (items.length === 1) return pairedItems(trimLeading(items[0]!) || items[0]!);
  if (items.length < 2) return null;
  items[0] = trimLeading(items[0]!) || items[0]!;
  return withSharedHead(items);
}

/**
 * Gives the short items of a list the head the last one carries (城镇、农村居民人均可支配收入
 * → 城镇居民人均可支配收入; 黄金、白银产量 → 黄金产量): an item is short when it is as long
 * as the word that opens the last item, which then names the same kind of modifier.
 */
function withSharedHead(items: string[]): string[] {
  const last = items[items.length - 1]!;
  const opening = tag(last)[0]?.word ?? last;
  if (opening.length === last.length || opening.length > 3) return items;
  const head = last.slice(opening.length);
  return items.map((item, index) => (index < items.length - 1 && item.length === opening.length ? item + head : item));
}

/**
 * Splits one thing that names a pair (城乡居民人均可支配收入 before 分别) into the two it
 * stands for (城镇居民…, 农村居民…), by data/paired-words.tsv; null when it names none.
 */
function pairedItems(item: string): string[] | null {
  for (const [pair, first, second] of readList('paired-words.tsv')) {
    const at = item.indexOf(pair!);
    if (at >= 0 && first && second) return [first, second].map((part) => item.slice(0, at) + part + item.slice(at + pair!.length));
  }
  return null;
}

/**
 * Adds the base a sum of money is given per, when its clause names it before the number:
 * 孤儿基本生活保障标准每人每月分别提高到2375元和1536元 → 元/人/月. Counts keep their unit
 * (每年举办讲座12场 counts 场; 每千人口床位6.8张 keeps the base in its label).
 */
function withRateBase(line: string, clauseStart: number, quantity: Quantity): Quantity {
  if (quantity.unit.includes('/') || unitInfo(quantity.unit)?.kind !== 'money') return quantity;
  const before = line.slice(clauseStart, quantity.start);
  const run = /((?:每(?:人|户|名|月|年|天|日|千人|万人|百人|亩))+)[^每]*$/.exec(before);
  if (!run) return quantity;
  const bases = [...run[1]!.matchAll(/每(人|户|名|月|年|天|日|千人|万人|百人|亩)/g)].map((m) => m[1]!);
  return {...quantity, unit: [quantity.unit, ...bases.map((base) => (base === '名' ? '人' : base))].join('/')};
}

/** Tells whether a label says nothing of its own: empty, or only filler words. */
function isFillerLabel(label: string): boolean {
  let rest = label;
  for (let changed = true; changed && rest !== ''; ) {
    changed = false;
    for (const word of words().fillersByFirst.get(rest.charCodeAt(0)) ?? []) {
      if (rest.startsWith(word)) {
        rest = rest.slice(word.length);
        changed = true;
        break;
      }
    }
  }
  return rest === '' || /^[和与及或、]$/.test(rest);
}

/** Tells whether the text between two counts goes on about the first (same sentence, or 其中…). */
function continuesCount(line: string, from: number, to: number): boolean {
  let lastBreak = -1;
  for (let i = to - 1; i >= from; i--) {
    if (isSentenceBreak(line.charCodeAt(i))) {
      lastBreak = i;
      break;
    }
  }
  return lastBreak < 0 || /^\s*其中/.test(line.slice(lastBreak + 1, to));
}

/** Makes a test by character code of a one-character pattern, each code tested once, then remembered. */
function charTest(pattern: RegExp): (code: number) => boolean {
  const known = new Uint8Array(0x10000);
  return (code) => {
    let answer = known[code]!;
    if (answer === 0) answer = known[code] = pattern.test(String.fromCharCode(code)) ? 1 : 2;
    return answer === 1;
  };
}

/** Tells whether no sentence ends between two offsets of a line. */
function sameSentence(line: string, from: number, to: number): boolean {
  return !SENTENCE_BREAK.test(line.slice(from, to));
}

/** Where the clause that holds offset `at` begins. */
function clauseStartBefore(line: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (isClauseBreak(line.charCodeAt(i))) return i + 1;
  return 0;
}

/** The sentence that holds a quantity, trimmed. */
function sentenceAround(line: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !isSentenceBreak(line.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < line.length && !isSentenceBreak(line.charCodeAt(to))) to++;
  return line.slice(from, Math.min(line.length, to + 1)).trim();
}

/**
 * Names the thing a quantity counts: the noun phrase before it in its clause, trimmed of
 * fillers and verbs of doing; or, when the number comes first (14所中小学), the noun after it.
 */
function labelOf(line: string, clauseStart: number, quantity: Quantity): string {
  const before = trimTrailing(withoutNoteMarks(line.slice(clauseStart, quantity.start)));
  const info = unitInfo(quantity.unit);
  const afterText = line.slice(quantity.end, quantity.end + 12);
  const following = info?.kind === 'count' && /^[\u4e00-\u9fff]/.test(afterText) ? nounAfter(afterText) : '';
  if (following) return dropOpeners(following);
  let label = dropOpeners(trimLeading(before));
  // 森林覆盖率由“十二五”末的41.07%提高到…: when the words before the number only say from
  // when, the thing is named before 由/从, which a quoted term may have cut off.
  if (label === '') label = nameBeforeFrom(line, clauseStart, quantity.start);
  return label.length > MAX_LABEL ? label.slice(-MAX_LABEL) : label;
}

/** Drops the reference marks of notes (〔31〕, [2]) that stand between a thing and its number. */
function withoutNoteMarks(text: string): string {
  return text.includes('〔') || text.includes('[') ? text.replace(/〔\d{1,3}〕|\[\d{1,3}\]/g, '') : text;
}

/**
 * Drops what opens an item rather than names the thing: the enumeration (一是 … 十是, the
 * list's order) and the intent of a target (力争, 确保), as long as something is left.
 */
function dropOpeners(label: string): string {
  const {openers} = words();
  let out = label;
  for (let changed = true; changed; ) {
    changed = false;
    const numbered = /^[一二三四五六七八九十]{1,2}是/.exec(out);
    const word = numbered ? numbered[0] : openers.find((opener) => out.startsWith(opener));
    if (word !== undefined && out.length > word.length) {
      out = out.slice(word.length);
      changed = true;
    }
  }
  return out;
}

/**
 * The name before 由/从 in a clause that states a change (比重由…的41.07%提高到…), read
 * across quoted terms, or '' when there is none.
 */
function nameBeforeFrom(line: string, clauseStart: number, at: number): string {
  let start = clauseStart;
  while (start > 0 && /[“”"]/.test(line[start - 1]!)) start = clauseStartBefore(line, start - 1);
  const text = line.slice(start, at);
  const from = Math.max(text.lastIndexOf('由'), text.lastIndexOf('从'));
  if (from <= 0) return '';
  return dropOpeners(trimLeading(trimTrailing(text.slice(0, from))));
}

/** Drops fillers from the end of a label (达, 为, 共计 …). */
function trimTrailing(text: string): string {
  let out = text.trim();
  for (let changed = true; changed && out !== ''; ) {
    changed = false;
    // The base of a rate (每人每月) and hedges (超, 近) stand between a thing and its number.
    const stripped = out.replace(RATE_BASE_AT_END, '').replace(PERIOD_AT_END, '');
    if (stripped !== out) {
      out = stripped;
      changed = true;
      continue;
    }
    for (const word of words().trailing) {
      if (out.endsWith(word)) {
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
  // Prepositions and adverbs between the noun and its number (比例从75.6%, 人数由…) go first.
  while (start > 1 && /^(p|d|c|u|uj|ul)$/.test(tagged[start - 1]!.tag) && !KEPT_ADVERBS.has(tagged[start - 1]!.word)) start--;
  while (start > 0) {
    const {word, tag: pos} = tagged[start - 1]!;
    // 已办结, 未办结: the aspect is what tells the two counts apart, so it stays.
    if (KEPT_ADVERBS.has(word)) {
      start--;
      taken = word + taken;
      continue;
    }
    // jieba tags both punctuation and words it does not know as x; only the first stops a label.
    const unknownWord = pos === 'x' && /\p{Script=Han}/u.test(word);
    // A one-character measure word after another lone character that is no numeral or
    // demonstrative (三道, 这道) is half of a word jieba split (占/道 of 占道经营).
    const before = tagged[start - 2];
    const strayMeasure = pos === 'q' && HAN_CHAR.test(word) && before !== undefined && HAN_CHAR.test(before.word) && !/^(m|r|q)$/.test(before.tag);
    // A Chinese numeral fused with the one character after it is an abbreviation (一产 for
    // 第一产业, 两委), which jieba may cut into 一/产: the numeral stays.
    const numeralOfAbbreviation = pos === 'm' && /^[一二三两四五六七八九]$/.test(word) && taken !== '' && tagged[start]!.word.length === 1 && HAN_CHAR.test(tagged[start]!.word);
    // A 'numeral' with no numeral in it is a word jieba mis-tagged (疏导/点).
    const falseNumeral = pos === 'm' && (taken !== '' || word.length === 1) && !NUMERAL_CHAR.test(word) && !/[年月日天多余全每各]/.test(word);
    // 规模以上工业企业, 限额以上: a threshold after a noun is part of the name.
    const threshold = pos === 'f' && /^以[上下]$/.test(word) && taken !== '' && before !== undefined && /^n/.test(before.tag);
    const partOfName = strayMeasure || numeralOfAbbreviation || falseNumeral || threshold;
    if (!partOfName && ((!unknownWord && /^(m|q|d|p|c|r|u|uj|ul|ug|uz|x|t|f|y|e|o)$/.test(pos)) || /^[0-9]/.test(word))) break;
    // 办理时限: a verb stays when without it only a bare two-character noun would remain.
    if (taken !== '' && leading.includes(word) && taken.length > 2) break;
    if (taken !== '' && pos === 'ns' && taken.length > 1) break;
    start--;
    taken = word + taken;
  }
  return taken.replace(/^[的了和及与]/, '');
}

/**
 * The noun phrase right after a count's measure word (14所中小学开展 → 中小学; 34款创新药械
 * 获批 → 创新药械), or '' when no noun follows.
 */
function nounAfter(text: string): string {
  const clause = text.split(CLAUSE_BREAK)[0] ?? '';
  if (clause === '') return '';
  const tagged = tag(clause);
  const nounish = (pos: string, word: string): boolean =>
    /^(n|nr|ns|nt|nz|ng|vn|j|l|b|an|zg)/.test(pos) || (pos === 'x' && /\p{Script=Han}/u.test(word));
  let label = '';
  let sawNoun = false;
  for (const {word, tag: pos} of tagged) {
    if (nounish(pos, word)) {
      label += word;
      sawNoun = true;
      continue;
    }
    // Modifiers before the noun (老旧小区, 创新药械); a verb after it ends the phrase.
    if (!sawNoun && /^(a|v|vn|ad)$/.test(pos) && label.length < 4) {
      label += word;
      continue;
    }
    break;
  }
  return sawNoun ? label : '';
}

/**
 * Puts an indicator in a category: money and rates by their unit, counts of people by
 * theirs; otherwise by the cue words of its label (for organizations, the head noun, which
 * in Chinese ends the phrase: 养老服务中心 is one, 中小学学位 is not); else by the unit.
 */
export function categorize(unit: string, label: string): Category {
  const info = unitInfo(unit);
  if (info?.kind === 'money') return 'funds';
  if (info?.kind === 'rate') return 'rates';
  if (info?.category === 'people') return 'people';
  const cue = labelCategory(label, unit);
  if (cue) return cue;
  return (info?.category as Category | undefined) ?? 'other';
}

/** The category the words of a label point to, or null when they point to none. */
function labelCategory(label: string, unit: string): Category | null {
  const info = unitInfo(unit);
  // Counted in 次/场/期/轮, a meeting, training or campaign is an event even when it is
  // about petitions or disputes (信访干部业务培训3期, 矛盾纠纷排查两三次).
  if (info?.category === 'events' && EVENT_WORDS.test(label)) return 'events';
  // Most labels hold no cue at all: one search tells, before the cues are tried in order.
  if (!words().anyCue.test(label)) return null;
  for (const [cue, category] of words().categories) {
    if (category === 'organizations') {
      if (['家', '个', '所', '户', '间', '座'].includes(unit) && label.endsWith(cue)) return category;
      continue;
    }
    if (!label.includes(cue)) continue;
    if ((category === 'documents' || category === 'events') && info?.kind !== 'count') continue;
    return category;
  }
  return null;
}
