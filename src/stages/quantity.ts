/**
 * Quantities in text: numerals (Arabic, Chinese, mixed, vague), magnitudes, ranges, units
 * and hedges, per docs/tables.md (indicators). Values are computed in exact decimal arithmetic
 * (16.4亿 is 1640000000, never 1639999999.9999998). Nothing here throws on odd input: it
 * finds no quantity instead.
 */
import {alternation, readList, readWords} from '../lexicon.js';
import type {Qualifier, Quantity} from '../types.js';

/** An exact decimal: `digits / 10^scale`. */
interface Decimal {
  digits: bigint;
  scale: number;
}

/** What a unit is, from data/units.tsv. */
export interface UnitInfo {
  category: string;
  kind: 'money' | 'rate' | 'count' | 'measure' | 'duration';
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = {十: 1, 百: 2, 千: 3};
const BIG_UNITS: Record<string, number> = {万: 4, 亿: 8};
/** What a character is to a numeral, as bits: a Chinese digit, a small or a big magnitude. */
const DIGIT = 1;
const SMALL = 2;
const BIG = 4;
const NUMERAL_KIND = (() => {
  const table = new Uint8Array(0x10000);
  for (const [chars, kind] of [[CHINESE_DIGITS, DIGIT], [SMALL_UNITS, SMALL], [BIG_UNITS, BIG]] as const) {
    for (const c of Object.keys(chars)) table[c.charCodeAt(0)]! |= kind;
  }
  return table;
})();

/** Tells what one character is to a numeral (see NUMERAL_KIND) by a table look-up; 0 for anything else. */
function kindOf(c: string): number {
  return c.length === 1 ? NUMERAL_KIND[c.charCodeAt(0)]! : 0;
}

/** Characters a quantity may run through. */
const ARABIC = /^\d+(?:,\d{3})+(?:\.\d+)?|^\d+(?:\.\d+)?/;
const RANGE_SEPARATORS = new Set(['-', '—', '–', '~', '～', '至', '到']);
/**
 * Measure words after which a lone Chinese 一 means "a" (建立一套制度, 打造一批品牌) rather
 * than the count 1; with 名, 次, 家 and the like, 一 still counts (聘请一名法律顾问).
 */
const ARTICLE_MEASURES = new Set(['个', '批', '套', '项', '支', '种', '条', '类', '张', '处', '座', '块', '部', '件', '份', '本', '幅', '间', '门', '节', '款', '轮', '起']);

let tables:
  | {units: Map<string, UnitInfo>; unitWords: string[]; unitPattern: RegExp; before: Map<string, Qualifier>; beforePattern: RegExp;
      inner: Map<string, Qualifier>; after: Map<string, Qualifier>; afterPattern: RegExp; unitsStartingWith: Set<string>}
  | undefined;

/** Reads the unit and qualifier lists once. */
function lexicon(): NonNullable<typeof tables> {
  if (tables) return tables;
  const units = new Map<string, UnitInfo>();
  for (const [unit, category, kind] of readList('units.tsv')) {
    if (unit && category && kind) units.set(unit, {category, kind: kind as UnitInfo['kind']});
  }
  const before = new Map<string, Qualifier>();
  const inner = new Map<string, Qualifier>();
  const after = new Map<string, Qualifier>();
  for (const [word, position, symbol] of readList('qualifiers.tsv')) {
    if (!word || !symbol) continue;
    const map = position === 'before' ? before : position === 'inner' ? inner : after;
    map.set(word, symbol as Qualifier);
  }
  // A compound unit is a unit followed by per-something parts: 元/人/月, 微克/立方米.
  const per = '(?:/(?:人|月|年|天|日|户|次|床|平方米|立方米|吨|公斤|亩|小时|千瓦时|百亿元|万元|人次|千人|万人))*';
  tables = {
    units,
    unitWords: readWords('unit-words.txt'),
    unitPattern: new RegExp(`^(?:${alternation([...units.keys()])})${per}`),
    before,
    beforePattern: new RegExp(`(?:${alternation([...before.keys()])})$`),
    inner,
    after,
    afterPattern: new RegExp(`^(?:${alternation([...after.keys()])})`),
    unitsStartingWith: new Set([...units.keys()].map((unit) => unit[0]!)),
  };
  return tables;
}

/** Tells what a unit is, or undefined for text that is no unit we know. */
export function unitInfo(unit: string): UnitInfo | undefined {
  const {units} = lexicon();
  const known = units.get(unit);
  if (known !== undefined) return known;
  // 元/人/月 is what 元 is; a unit without a slash has no other name (and no array to split).
  const slash = unit.indexOf('/');
  return slash < 0 ? undefined : units.get(unit.slice(0, slash));
}

/** A numeral read from text: its value range and how far it reaches. */
interface Numeral {
  min: Decimal;
  max: Decimal | null;
  end: number;
  qualifier: Qualifier;
  /** True when a magnitude word (万, 亿, 千 …) is part of the numeral. */
  scaled: boolean;
  /** True when the numeral is the lone Chinese 一, which mostly means "a" rather than 1. */
  article: boolean;
  /** True when written with Chinese numerals only. */
  chinese: boolean;
}

/** Parses a standalone quantity such as `约5346万元`; null when the text is not one. */
export function parseQuantity(text: string): Quantity | null {
  const found = findQuantities(text);
  const first = found[0];
  return first && first.start === 0 && first.end === text.length ? first : null;
}

/** Finds every quantity with a unit in one line of text, left to right. */
export function findQuantities(line: string): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < line.length; i++) {
    // Only characters that can begin a numeral are looked at; the rest of a line is skipped.
    if (NUMERAL_START[line.charCodeAt(i)] !== 1) continue;
    const quantity = isNumeralStart(line, i) && mayHaveUnit(line, i) ? readQuantity(line, i) : null;
    if (quantity) {
      out.push(quantity);
      i = quantity.end - 1;
    }
  }
  return out;
}

/** The characters a numeral can begin with, marked in a table by character code. */
const NUMERAL_START = (() => {
  const table = new Uint8Array(0x10000);
  for (const c of '0123456789零〇一二两三四五六七八九十几数上百千万亿') table[c.charCodeAt(0)] = 1;
  return table;
})();

/** Tells whether a numeral can start at `i`: a digit not glued to a preceding number. */
function isNumeralStart(line: string, i: number): boolean {
  const c = line[i]!;
  const prev = line[i - 1] ?? '';
  if (c >= '0' && c <= '9') return !isDigit(prev) && !((prev === '.' || prev === ',') && isDigit(line[i - 2] ?? ''));
  // 超千亿元, 近万人: a bare magnitude starts a numeral right after a hedge.
  if ((kindOf(c) & (SMALL | BIG)) !== 0 && c !== '十') {
    return lexicon().beforePattern.test(line.slice(Math.max(0, i - 4), i));
  }
  if ((kindOf(c) & DIGIT) !== 0 || c === '十' || c === '几' || c === '数' || c === '上') {
    return (kindOf(prev) & (DIGIT | SMALL | BIG)) === 0 && !isDigit(prev);
  }
  return false;
}

/** Characters a numeral is written with (and 余, 多 between it and its unit). */
const NUMERAL_CHARS = new Set('0123456789.,零〇一二两三四五六七八九十百千万亿几数余多上');

/**
 * Tells cheaply whether a numeral at `start` can have a unit: some character after it, before
 * the first that cannot be part of a numeral, may begin a unit, a range or a spaced unit.
 * Most candidates are a 一 inside a word (进一步, 统一), which need not be read at all.
 */
function mayHaveUnit(line: string, start: number): boolean {
  const {unitsStartingWith} = lexicon();
  for (let i = start + 1; i < line.length; i++) {
    const c = line[i]!;
    if (unitsStartingWith.has(c) || RANGE_SEPARATORS.has(c) || c === ' ') return true;
    if (!NUMERAL_CHARS.has(c)) return false;
  }
  return false;
}

/** Tells whether a character is an ASCII digit. */
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9' && c.length === 1;
}

/** Reads a quantity (numeral, range, unit and hedges) starting at `start`, if there is one. */
function readQuantity(line: string, start: number): Quantity | null {
  const {unitPattern, afterPattern, beforePattern, units} = lexicon();
  const first = readNumeral(line, start);
  if (!first) return null;

  let min = first.min;
  let max = first.max;
  let qualifier = first.qualifier;
  let end = first.end;
  let unit = matchUnit(line, end, unitPattern);

  // A range: 3至5个, 4.5%-5%, 5～10万元 (the lower end takes the upper end's magnitude).
  const separator = line[end + (unit?.length ?? 0)];
  if (separator !== undefined && RANGE_SEPARATORS.has(separator) && max === null) {
    const secondStart = end + (unit?.length ?? 0) + 1;
    const second = isNumeralStart(line, secondStart) || /[0-9]/.test(line[secondStart] ?? '')
      ? readNumeral(line, secondStart)
      : null;
    const secondUnit = second ? matchUnit(line, second.end, unitPattern) : null;
    if (second && second.max === null && secondUnit && (unit === null || unit === secondUnit)) {
      if (!first.scaled && second.scaled) min = scale(min, magnitudeOf(line.slice(secondStart, second.end)));
      max = second.min;
      end = second.end;
      unit = secondUnit;
      if (!qualifier) qualifier = second.qualifier;
    }
  }
  if (unit === null) return null;
  end += unit.length;
  unit = unit.trim();
  // 3000成功首飞: 成 that starts a word is no share (九成以上, 九成的 are).
  if (unit === '成' && /[\u4e00-\u9fff]/.test(line[end] ?? '') && !/[以左多的]/.test(line[end] ?? '')) return null;

  const afterMatch = afterPattern.exec(line.slice(end, end + 4));
  if (afterMatch) {
    qualifier = lexicon().after.get(afterMatch[0]) ?? qualifier;
    end += afterMatch[0].length;
  }
  let rawStart = start;
  const beforeMatch = beforePattern.exec(line.slice(Math.max(0, start - 4), start));
  if (beforeMatch && !qualifier) {
    qualifier = lexicon().before.get(beforeMatch[0]) ?? '';
    rawStart = start - beforeMatch[0].length;
  } else if (beforeMatch) {
    rawStart = start - beforeMatch[0].length;
  }

  // Per spec: 成 is a share in tenths (九成 → 90 %); the other units keep their numbers.
  let finalUnit = unit;
  if (unit === '成') {
    min = scale(min, 1);
    if (max) max = scale(max, 1);
    finalUnit = '%';
  }
  const slash = finalUnit.indexOf('/');
  if (!units.has(slash < 0 ? finalUnit : finalUnit.slice(0, slash)) && !units.has(finalUnit)) return null;
  if (first.article && max === null && ARTICLE_MEASURES.has(unit)) return null;
  return {
    raw: line.slice(rawStart, end),
    value: toNumber(min),
    valueMax: max === null ? null : toNumber(max),
    unit: finalUnit,
    qualifier,
    start: rawStart,
    end,
  };
}

/** Matches the unit at `i`, or null. */
function matchUnit(line: string, i: number, pattern: RegExp): string | null {
  const match = pattern.exec(line.slice(i, i + 12));
  // 3部署, 5项目: a word that only begins with a measure word.
  if (match && lexicon().unitWords.some((word) => line.startsWith(word, i) && word.length > match[0].length)) return null;
  if (match) return match[0];
  // One space may stand between a number and its unit (100 个县).
  if (line[i] === ' ' && /[0-9]/.test(line[i - 1] ?? '')) {
    const spaced = pattern.exec(line.slice(i + 1, i + 13));
    if (spaced) return ` ${spaced[0]}`;
  }
  return null;
}

/** Counts the powers of ten the magnitude words of a numeral stand for (万 → 4). */
function magnitudeOf(text: string): number {
  let power = 0;
  for (const c of text) power += BIG_UNITS[c] ?? 0;
  const last = text[text.length - 1] ?? '';
  if (power === 0 && (kindOf(last) & SMALL) !== 0) power = SMALL_UNITS[last]!;
  return power;
}

/**
 * Reads a numeral at `start`: Arabic or Chinese digits with 十/百/千/万/亿, in any mix
 * (13万2千, 1.2万, 一百九十万零三千九百七十一), vague forms (十几, 几十, 数百, 两三,
 * 三四十, 上千) and 余/多 between the number and its unit.
 */
function readNumeral(line: string, start: number): Numeral | null {
  const {unitsStartingWith, inner} = lexicon();
  let i = start;
  let qualifier: Qualifier = '';

  // 上百/上千/上万: at least that many.
  if (line[i] === '上') {
    const power = SMALL_UNITS[line[i + 1] ?? ''] ?? BIG_UNITS[line[i + 1] ?? ''];
    if (power === undefined || line[i + 1] === '十') return null;
    return {min: {digits: 10n ** BigInt(power), scale: 0}, max: null, end: i + 2, qualifier: '>', scaled: true, article: false, chinese: true};
  }

  // Evaluate with a lower and an upper reading, which differ only for vague numerals.
  const low = newAccumulator();
  const high = newAccumulator();
  let vague = false;
  let scaled = false;
  let chinese = true;
  let digitsRead = 0;
  let lastWasDigit = false;

  while (i < line.length) {
    const c = line[i]!;
    const arabic = /[0-9]/.test(c) ? ARABIC.exec(line.slice(i, i + 40)) : null;
    if (arabic) {
      if (lastWasDigit) break;
      const value = parseArabic(arabic[0]);
      low.current = value;
      high.current = value;
      chinese = false;
      lastWasDigit = true;
      digitsRead++;
      i += arabic[0].length;
      continue;
    }
    if ((kindOf(c) & DIGIT) !== 0) {
      const digit = CHINESE_DIGITS[c]!;
      const nextDigit = CHINESE_DIGITS[line[i + 1] ?? ''];
      // 两三个, 三四十人: two neighbouring digits are a range.
      if (!lastWasDigit && nextDigit === digit + 1 && digit > 0) {
        low.current = fromInt(digit);
        high.current = fromInt(nextDigit);
        vague = true;
        lastWasDigit = true;
        digitsRead++;
        i += 2;
        continue;
      }
      if (lastWasDigit) {
        // 二〇二六: digits in a row are positional, as in years.
        if (low.current && low.section.digits === 0n && low.total.digits === 0n && !vague) {
          low.current = fromInt(Number(low.current.digits) * 10 + digit);
          high.current = low.current;
          i++;
          continue;
        }
        break;
      }
      if (c === '零' || c === '〇') {
        i++;
        continue;
      }
      // 5万亿两个台阶: after 万 or 亿, a digit with no magnitude of its own is not part of it.
      const previous = line[i - 1] ?? '';
      if ((kindOf(previous) & BIG) !== 0 && (kindOf(line[i + 1] ?? '') & (SMALL | BIG)) === 0) break;
      low.current = fromInt(digit);
      high.current = fromInt(digit);
      lastWasDigit = true;
      digitsRead++;
      i++;
      continue;
    }
    if (c === '几' || c === '数') {
      // 十几 → 11 to 19; 几十/数十 → 20 to 90.
      const afterTen = low.section.digits > 0n && low.current === null;
      const nextIsUnit = (kindOf(line[i + 1] ?? '') & (SMALL | BIG)) !== 0;
      if (!afterTen && !nextIsUnit) break;
      if (c === '数' && afterTen) break;
      low.current = fromInt(afterTen ? 1 : 2);
      high.current = fromInt(9);
      vague = true;
      lastWasDigit = true;
      digitsRead++;
      i++;
      continue;
    }
    if ((kindOf(c) & (SMALL | BIG)) !== 0) {
      // 千瓦, 千米, 千克: the character begins a unit here, not a magnitude.
      if (unitsStartingWith.has(c) && digitsRead > 0 && startsUnit(line, i)) break;
      if (digitsRead === 0 && c !== '十') {
        // 超千亿元, 近万人: a bare magnitude counts once a hedge stands before it.
        if (i !== start || !lexicon().beforePattern.test(line.slice(Math.max(0, start - 4), start))) return null;
        digitsRead = 1;
      }
      if (c === '十') digitsRead = Math.max(digitsRead, 1);
      applyUnit(low, c);
      applyUnit(high, c);
      scaled = scaled || c !== '十' || !chinese;
      lastWasDigit = false;
      i++;
      continue;
    }
    break;
  }
  if (digitsRead === 0 || i === start) return null;
  const min = finish(low);
  const max = vague ? finish(high) : null;
  const text = line.slice(start, i);
  const article = chinese && text === '一';
  // 余 and 多 between number and unit, possibly before a magnitude: 二百余万元, 3000多元.
  for (const [word, symbol] of inner) {
    if (line.startsWith(word, i)) {
      qualifier = symbol;
      i += word.length;
      const power = BIG_UNITS[line[i] ?? ''];
      if (power !== undefined && !startsUnit(line, i)) {
        return {min: scale(min, power), max: max ? scale(max, power) : null, end: i + 1, qualifier, scaled: true, article: false, chinese};
      }
      break;
    }
  }
  return {min, max, end: i, qualifier, scaled, article, chinese};
}

/** Tells whether a unit from the list starts at `i`. */
function startsUnit(line: string, i: number): boolean {
  const match = lexicon().unitPattern.exec(line.slice(i, i + 12));
  return match !== null && match[0].length > 1;
}

interface Accumulator {
  total: Decimal;
  section: Decimal;
  current: Decimal | null;
}

function newAccumulator(): Accumulator {
  return {total: fromInt(0), section: fromInt(0), current: null};
}

/** Applies a magnitude character to the running value, as Chinese numerals compose. */
function applyUnit(acc: Accumulator, c: string): void {
  const small = SMALL_UNITS[c];
  if (small !== undefined) {
    acc.section = add(acc.section, scale(acc.current ?? fromInt(1), small));
    acc.current = null;
    return;
  }
  const power = BIG_UNITS[c]!;
  const group = add(acc.section, acc.current ?? fromInt(0));
  if (c === '亿') {
    const sum = add(acc.total, group);
    acc.total = scale(sum.digits === 0n ? fromInt(1) : sum, power);
  } else {
    acc.total = add(acc.total, scale(group.digits === 0n ? fromInt(1) : group, power));
  }
  acc.section = fromInt(0);
  acc.current = null;
}

/** The value an accumulator holds once the numeral ends. */
function finish(acc: Accumulator): Decimal {
  return add(add(acc.total, acc.section), acc.current ?? fromInt(0));
}

/** Reads an Arabic number with optional thousands separators and decimals. */
function parseArabic(text: string): Decimal {
  const plain = text.replace(/,/g, '');
  const [whole = '0', fraction = ''] = plain.split('.');
  return {digits: BigInt(whole + fraction), scale: fraction.length};
}

function fromInt(n: number): Decimal {
  return {digits: BigInt(n), scale: 0};
}

function scale(d: Decimal, power: number): Decimal {
  if (power <= d.scale) return {digits: d.digits, scale: d.scale - power};
  return {digits: d.digits * 10n ** BigInt(power - d.scale), scale: 0};
}

function add(a: Decimal, b: Decimal): Decimal {
  const s = Math.max(a.scale, b.scale);
  return {digits: a.digits * 10n ** BigInt(s - a.scale) + b.digits * 10n ** BigInt(s - b.scale), scale: s};
}

/** Converts an exact decimal to the nearest number, through its decimal string. */
function toNumber(d: Decimal): number {
  return Number(toDecimalString(d));
}

/** Writes an exact decimal as a plain decimal string, trailing zeros dropped. */
export function toDecimalString(d: Decimal): string {
  const negative = d.digits < 0n;
  let digits = (negative ? -d.digits : d.digits).toString();
  if (d.scale === 0) return (negative ? '-' : '') + digits;
  digits = digits.padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale).replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (fraction ? `.${fraction}` : '');
}

/** Writes a number as a plain decimal, never in exponent notation. */
export function formatNumber(n: number): string {
  // Below 10^21 an integer's own digits are written out in full, without an exponent.
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return n.toLocaleString('en-US', {useGrouping: false, maximumFractionDigits: 20});
}
