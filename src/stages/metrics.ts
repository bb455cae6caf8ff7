/**
 * Indicators → metrics (docs/metrics.md): puts the same figure of different reports under
 * one id of the catalogue in data/metrics.tsv (办理结婚登记, 结婚登记, 共登记结婚 →
 * marriage_registrations), tells a goal from a result, and ranks the figures one report
 * gives for one metric. Pure functions over the lines and the indicators found on them.
 */
import {alternation, readList, readWords} from '../lexicon.js';
import type {Indicator, Section, SectionKind} from '../types.js';
import {planPeriodOf, planPeriodsIn} from './headings.js';
import type {FoundIndicator} from './indicators.js';
import {unitInfo} from './quantity.js';
import {tag} from './segment.js';

/** One metric of the catalogue. */
export interface Metric {
  id: string;
  name: string;
  /** The unit that names the metric's column; the first of `units`. */
  unit: string;
  units: readonly string[];
  category: string;
  /** The kind of report the metric is typical of. */
  kind: string;
  label: RegExp | null;
  context: RegExp | null;
  action: RegExp | null;
  not: RegExp | null;
  about: string;
}

/** What an indicator's metric is judged on: its label, unit, and the words around it. */
export interface MetricEvidence {
  label: string;
  unit: string;
  /** Whether the label names the thing counted (政协提案), not only a deed (受理, 审结); asked only when needed. */
  namesThing: () => boolean;
  /** The sentence up to the figure. */
  before: string;
  /** The figure's own words before it: its clause since the figure before it. */
  local: string;
  /** The words that govern it: `local`, or for an item of a list (合同47份、规范性文件5件), the first item's. */
  governing: string;
  /** The rest of its clause after it, up to the next figure (对112件案件依法从轻减轻处罚). */
  rest: string;
  /** The text right after the figure. */
  after: string;
}

/** Marks that end a sentence, a clause, and an item of a list, as sets of character codes. */
const SENTENCE_END = codes('。；;！!？?');
const CLAUSE_END = codes('。；;！!？?，,：:');
const ITEM_END = codes('。；;！!？?，,：:、');
/** A verb of change right before a figure (增加300元, 比上年增长12亿元). */
const CHANGE_BEFORE = /(?:增加|增长|提高|减少|下降|增收|多)[了]?$/;
let catalogue: Metric[] | undefined;
let targetCues: RegExp | undefined;
let thresholdNoun: RegExp | undefined;
let lookBackWords: RegExp | undefined;
/** The units some metric of the catalogue is given in. */
let metricUnits: ReadonlySet<string> | undefined;

/** Reads the catalogue of metrics, once. */
export function readMetrics(): readonly Metric[] {
  catalogue ??= readList('metrics.tsv').map(parseMetric);
  return catalogue;
}

/** Turns a row of data/metrics.tsv into a Metric. */
function parseMetric(fields: string[]): Metric {
  const [id = '', name = '', unit = '', category = '', kind = '', label = '', context = '', action = '', not = '', about = ''] = fields;
  const pattern = (source: string): RegExp | null => (source === '' ? null : new RegExp(source));
  const units = unit.split('|');
  return {id, name, unit: units[0]!, units, category, kind, label: pattern(label), context: pattern(context), action: pattern(action), not: pattern(not), about};
}

/** The metric whose conditions the evidence meets first in the catalogue, or null. */
export function metricOf(evidence: MetricEvidence, metrics: readonly Metric[] = readMetrics()): Metric | null {
  const {label, unit, namesThing, before, local, governing, rest, after} = evidence;
  if (label === '' && local === '') return null;
  thresholdNoun ??= new RegExp(`^(?:以上|以下)?的?(?:${alternation(readWords('threshold-nouns.txt'))})`);
  if (thresholdNoun.test(after)) return null;
  // 农民人均纯收入增加300元: money after a verb of change is how much it changed, not a level.
  if (unitInfo(unit)?.kind === 'money' && CHANGE_BEFORE.test(local)) return null;
  const own = local + rest;
  const governed = governing + rest;
  for (const metric of metrics) {
    if (!metric.units.includes(unit)) continue;
    if (metric.label && !metric.label.test(label)) continue;
    // What a figure is about is in its label or its own words; a label that names no thing
    // (受理, 审结) takes it from the sentence before (收到行政复议申请68件，受理61件).
    if (metric.context && !metric.context.test(label) && !metric.context.test(own) && (!metric.context.test(before) || namesThing())) continue;
    if (metric.action && !metric.action.test(label) && !metric.action.test(governed)) continue;
    if (metric.not && (metric.not.test(label) || metric.not.test(local) || metric.not.test(rest))) continue;
    return metric;
  }
  return null;
}

/** Gives each indicator found on the lines its metric id, or '' when no metric fits. */
export function assignMetrics(lines: readonly string[], found: readonly FoundIndicator[]): string[] {
  const metrics = readMetrics();
  metricUnits ??= new Set(metrics.flatMap((metric) => metric.units));
  const units = metricUnits;
  let previousGoverningStart = 0;
  return found.map((indicator, index) => {
    const previous = found[index - 1];
    const line = lines[indicator.line] ?? '';
    const clauseStart = startOf(line, indicator.start, CLAUSE_END);
    const sameLine = previous !== undefined && previous.line === indicator.line;
    const localStart = sameLine && previous.end > clauseStart ? previous.end : clauseStart;
    // 审查合同协议47份、规范性文件5件: an item of a list shares the verb of the first.
    const governingStart = sameLine && /^[、和及与]/.test(line.slice(previous.end, indicator.start)) ? previousGoverningStart : localStart;
    previousGoverningStart = governingStart;
    // Most figures are in a unit no metric has (个, 亩, 项): nothing more to weigh.
    if (!units.has(indicator.unit)) return '';
    const sentenceStart = startOf(line, indicator.start, SENTENCE_END);
    // 对112件案件依法从轻减轻处罚: where the number comes first, the deed follows it.
    const next = found[index + 1];
    const restEnd = Math.min(endOf(line, indicator.end, ITEM_END), next && next.line === indicator.line ? next.start : line.length);
    const rest = line.slice(indicator.end, restEnd);
    const evidence = {
      label: indicator.label,
      unit: indicator.unit,
      namesThing: once(() => endsInNoun(indicator.label)),
      before: line.slice(sentenceStart, indicator.start),
      local: line.slice(localStart, indicator.start),
      governing: line.slice(governingStart, indicator.start),
      rest,
      after: line.slice(indicator.end, indicator.end + 6),
    };
    return metricOf(evidence, metrics)?.id ?? '';
  });
}

/** Wraps a function of no arguments so that it runs at most once. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** The character codes of some marks, as a table indexed by code (a look-up per character of a line). */
function codes(marks: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const mark of marks) table[mark.charCodeAt(0)] = 1;
  return table;
}

/** Where the stretch that holds offset `at` ends: at the next mark that ends one, or the line's end. */
function endOf(line: string, at: number, end: Uint8Array): number {
  for (let i = at; i < line.length; i++) if (end[line.charCodeAt(i)] === 1) return i;
  return line.length;
}

/**
 * Tells whether a label names the thing it counts: it ends in a noun (jieba's n…, j) and is
 * more than a generic measure (成功率, 总产, 案件).
 */
function endsInNoun(label: string): boolean {
  if (label.length < 4) return false;
  const words = tag(label);
  return /^(n|nr|ns|nt|nz|ng|j)$/.test(words[words.length - 1]?.tag ?? '');
}

/** Where the stretch that holds offset `at` begins, after the last mark that ends one. */
function startOf(line: string, at: number, end: Uint8Array): number {
  for (let i = at - 1; i >= 0; i--) if (end[line.charCodeAt(i)] === 1) return i + 1;
  return 0;
}

/** Where a figure stands, for telling a goal from a result. */
export interface FigurePlace {
  section: SectionKind;
  /** The whole paragraph (line) and the figure's sentence in it. */
  line: string;
  sentence: string;
  raw: string;
  reportYear: number | null;
  /** The first lines of the part (section) it stands in: its heading and opening. */
  partOpening: string;
}

/**
 * Tells whether a figure is a goal rather than a result: it stands in the plans, or words
 * that look ahead come before it in its sentence or open its paragraph (今后五年的主要目标
 * 是：…；…): a target word (预期目标, 力争, data/target-cues.txt), a time word of the next
 * year or the coming years (明年, 下一步, 今后五年, data/time-words.tsv), or a year after
 * the one reported on as a deadline (到2030年).
 */
export function isTarget(place: FigurePlace): boolean {
  const {section, line, sentence, raw, reportYear, partOpening} = place;
  const partAhead = section === '其他' && partLooksAhead(partOpening, reportYear);
  return targetAt(section, wordsBefore(sentence, raw), openingOf(line, reportYear), partAhead, reportYear);
}

/** Tells for each figure of a document whether it is a goal (isTarget), each part and paragraph read once. */
export function targetsOf(lines: readonly string[], sections: readonly Section[], found: readonly FoundIndicator[], reportYear: number | null): boolean[] {
  const partOfLine = new Array<{kind: SectionKind; ahead: boolean}>(lines.length);
  for (const section of sections) {
    const opening = lines.slice(section.start, Math.min(section.end, section.start + 1) + 1).join('\n');
    const part = {kind: section.kind, ahead: section.kind === '其他' && partLooksAhead(opening, reportYear)};
    for (let i = section.start; i <= section.end; i++) partOfLine[i] = part;
  }
  let lineOpening = {line: -1, opening: {text: '', looksAhead: false}};
  return found.map((indicator) => {
    if (lineOpening.line !== indicator.line) lineOpening = {line: indicator.line, opening: openingOf(lines[indicator.line] ?? '', reportYear)};
    const part = partOfLine[indicator.line] ?? {kind: '其他', ahead: false};
    return targetAt(part.kind, wordsBefore(indicator.sentence, indicator.raw), lineOpening.opening, part.ahead, reportYear);
  });
}

/**
 * Decides goal or result from what stands around a figure: its part's kind and whether the
 * part opens on the coming years, the words of its sentence before it, its paragraph's opening.
 */
function targetAt(section: SectionKind, before: string, opening: {text: string; looksAhead: boolean}, partAhead: boolean, reportYear: number | null): boolean {
  if (section === '计划') return true;
  if (opening.looksAhead || looksAhead(before, reportYear)) return true;
  // A part beside the plans that opens on the years to come (关于“十五五”规划纲要, 今后五年),
  // unless the figure's own words look back (过去五年，…年均增长5.2%).
  lookBackWords ??= timeWords(['review', 'period', 'previous']);
  return partAhead && !lookBackWords.test(before) && !lookBackWords.test(opening.text);
}

/** The words of a sentence before a figure in it. */
function wordsBefore(sentence: string, raw: string): string {
  const at = sentence.indexOf(raw);
  return at >= 0 ? sentence.slice(0, at) : sentence;
}

/** Reads what opens a paragraph up to its colon (今后五年的主要目标是：), and whether it looks ahead. */
function openingOf(line: string, reportYear: number | null): {text: string; looksAhead: boolean} {
  const text = /^[^：:。；;！？]*[：:]/.exec(line)?.[0] ?? '';
  return {text, looksAhead: looksAhead(text, reportYear)};
}

/**
 * Tells whether a part opens on the years to come: an outline word (纲要, 今后五年,
 * data/time-words.tsv), a plan period after the reported year (“十五五” in a 2025 report), or
 * a look-ahead word.
 */
function partLooksAhead(opening: string, reportYear: number | null): boolean {
  if (opening === '') return false;
  if (/纲要|规划建议/.test(opening) || looksAhead(opening, reportYear)) return true;
  return reportYear !== null && planPeriodsIn(opening).some((period) => period > planPeriodOf(reportYear));
}

/** Tells whether a text sets what follows it as a goal (see isTarget). */
function looksAhead(text: string, reportYear: number | null): boolean {
  targetCues ??= lookAheadWords();
  if (targetCues.test(text)) return true;
  if (reportYear === null || (!text.includes('到') && !text.includes('至'))) return false;
  for (const match of text.matchAll(/[到至]((?:19|20)[0-9]{2})年/g)) if (Number(match[1]) > reportYear) return true;
  return false;
}

/** The words that set what follows them as a goal: target cues and forward time words. */
function lookAheadWords(): RegExp {
  return new RegExp(`${alternation(readWords('target-cues.txt'))}|${timeWords(['next', 'outline']).source}`);
}

/** The time words of data/time-words.tsv that place a text in the given relations to the year. */
function timeWords(relations: readonly string[]): RegExp {
  return new RegExp(alternation(readList('time-words.tsv').filter(([, relation]) => relations.includes(relation!)).map(([word]) => word!)));
}

/**
 * Ranks the figures one report gives for one metric, best first: a figure named by its own
 * label before one named only by its sentence, a figure for the year before a figure over
 * several years (年均, 累计, 五年, anywhere before it in its sentence), a goal in the plans
 * before one in an outline, then the earlier line.
 */
export function compareFigures(metric: Metric, a: Indicator, b: Indicator): number {
  return rankOf(metric, a) - rankOf(metric, b) || a.line - b.line;
}

/** The rank of one figure for a metric: lower is better (see compareFigures). */
function rankOf(metric: Metric, indicator: Indicator): number {
  const named = metric.label?.test(indicator.label) || metric.context?.test(indicator.label) ? 0 : 2;
  const before = wordsBefore(indicator.sentence, indicator.raw);
  const overYears = /年均|累计|[二三四五两]年(来|间)|以来|十[一二三四五]五/.test(before) ? 1 : 0;
  // A goal of the year's plans before one of a five-year outline beside them.
  const outlineGoal = indicator.target === 'yes' && indicator.section !== '计划' ? 1 : 0;
  return named + overYears + outlineGoal;
}
