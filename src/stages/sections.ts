/**
 * Doc → sections. Decides the kind of every paragraph from the evidence of the text, and
 * then the best sequence of kinds over the paragraphs:
 * - headings (the highest style in use that names parts, data/section-cues.tsv) are strong
 *   evidence for their part; a heading that names a topic only gives none;
 * - time: the reported year, 一年来/过去一年 (review), 下一步/明年/the next year/今年 in a
 *   work report (plan), the five-year plan period ahead (outline), where a paragraph opens;
 * - vocabulary: the density of problem words and a concessive opening (problems), result
 *   verbs (review), modal words (plan), from data/section-evidence.tsv;
 * - order: a small sequence model (Viterbi) over the orders real reports use, 前言 → 成效
 *   and 责任 → 问题 → 其他 → 计划 → 其他, where changing kind inside a part costs more than
 *   at a heading.
 * Annexes, signatures, page furniture and the closing exhortation are set apart after.
 * The result covers every line once, in order.
 */
import {buildDoc, type Doc} from '../doc.js';
import {alternation, readList, readWords} from '../lexicon.js';
import type {Section, SectionKind} from '../types.js';
import {classifyTitle, isSignatureName, planPeriodOf, planPeriodsIn, STYLES, type Heading, type Style} from './headings.js';

export {classifyTitle, isSignatureName, readHeading, type Heading} from './headings.js';

/** The kind of report, which decides what 今年 means (see data/time-words.tsv). */
export type ReportKindHint = 'rule-of-law' | 'government-work' | 'other';

/** What the sections stage needs to know besides the Doc. */
export interface SectionContext {
  reportYear: number | null;
  kind?: ReportKindHint;
}

/** The states of the sequence model, in the order reports put them. */
const STATES = ['前言', '成效', '责任', '问题', '其他', '计划', '责任后'] as const;
type State = (typeof STATES)[number];
const S: Record<SectionKind, number> = {前言: 0, 成效: 1, 责任: 2, 问题: 3, 其他: 4, 计划: 5};
/** 责任 after the plans (a report that puts the leaders' duty last) may not lead back to the review. */
const AFTER_PLAN_RESPONSIBILITY = 6;
/** The section kind each state stands for. */
const KIND_OF: Record<State, SectionKind> = {前言: '前言', 成效: '成效', 责任: '责任', 问题: '问题', 其他: '其他', 计划: '计划', 责任后: '责任'};

/** Cost of moving from one kind to the next, by the order of parts; Infinity where reports never go. */
const ORDER: number[][] = (() => {
  const never = Infinity;
  const m: Record<State, Partial<Record<State, number>>> = {
    前言: {前言: 0, 成效: 0, 责任: 0, 问题: 1, 其他: 1, 计划: 2},
    成效: {成效: 0, 责任: 0, 问题: 0, 其他: 0, 计划: 0},
    责任: {成效: 0, 责任: 0, 问题: 0, 其他: 0, 计划: 0},
    问题: {成效: 0.5, 责任: 0.5, 问题: 0, 其他: 0, 计划: 0},
    其他: {成效: 1, 责任: 1, 问题: 1, 其他: 0, 计划: 0},
    计划: {责任后: 1, 问题: 1.5, 其他: 0.5, 计划: 0},
    责任后: {责任后: 0, 计划: 0, 其他: 0},
  };
  return STATES.map((from) => STATES.map((to) => m[from][to] ?? never));
})();

/** Extra cost of changing kind inside a part, where no heading announces the change. */
const SWITCH_IN_PART = 1.5;
/** Extra cost of changing kind at a paragraph that points back to the one before. */
const CONTINUATION = 2;
/** Weight of a heading that names its part's kind, for every paragraph of the part. */
const PART_PRIOR = 2.5;
/** Weight of a problems sub-heading for the paragraphs under it. */
const HEADING_PRIOR = 4;
/** How far into a paragraph its opening words count as where it opens. */
const HEAD = 16;

/** The kinds of word in data/section-evidence.tsv. */
const EVIDENCE_KINDS = ['problem', 'concession', 'result', 'plan'] as const;
type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
let evidenceWords: Map<EvidenceKind, EvidenceWords> | undefined;
let openers: string[] | undefined;
let problemHeadings: string[] | undefined;

/** Splits the lines of a report into sections (a convenience over `sectionsOf` for plain lines). */
export function splitSections(lines: readonly string[], reportYear: number | null, kind?: ReportKindHint): Section[] {
  const source = lines.map((_, i) => i + 1);
  const doc = buildDoc('', {text: [...lines], source, sourceLineCount: lines.length}, lines, '');
  return sectionsOf(doc, kind ? {reportYear, kind} : {reportYear});
}

/** Splits a report into sections that cover every line once, in order. */
export function sectionsOf(doc: Doc, context: SectionContext): Section[] {
  const {lines, headings} = doc;
  if (lines.length === 0) return [];
  const year = context.reportYear;
  const annexStart = findAnnex(lines, headings);
  const mainEnd = annexStart >= 0 ? annexStart : lines.length;
  const topStyle = chooseTopStyle(headings.slice(0, mainEnd), year);

  // The parts: each top-level heading starts one; its kind when the heading names one.
  const parts: Part[] = [];
  for (let i = 0; i < mainEnd; i++) {
    const heading = headings[i];
    if (heading && heading.style === topStyle) {
      const kind = classifyTitle(heading.title, year);
      parts.push({start: i, kind, joinsPlan: kind !== null && kind !== '计划' && joinsPlan(heading.title, year)});
    }
  }
  const forcedOpening = parts.length > 0 ? openingSentenceEnd(doc, parts[0]!.start) : openingSentenceEnd(doc, mainEnd, 0);

  const kinds = classifyParagraphs(doc, context, parts, forcedOpening, mainEnd, topStyle);
  const sections = toSections(doc, kinds, parts.map((part) => part.start), mainEnd);
  const main = setApartEnding(doc, sections, true);
  if (annexStart < 0) return main;
  return [...main, ...setApartEnding(doc, annexSections(doc, annexStart, year), false)];
}

/** A top-level part: where its heading stands and the kind it names (null: a topic only). */
interface Part {
  start: number;
  kind: SectionKind | null;
  /** Whether the heading joins the plans to its kind (存在的不足和下一步工作打算). */
  joinsPlan: boolean;
}

/** Tells whether a heading joins, with 和/及/与, a plan that names its own time (…和2021年的主要任务). */
function joinsPlan(title: string, reportYear: number | null): boolean {
  return title.split(/和|及|与|暨/).slice(1).some((piece) =>
    /(?:19|20)[0-9]{2}年|今年|明年|本年|下一步|下步|下一年度|下阶段/.test(piece) && classifyTitle(piece, reportYear) === '计划');
}

/** One paragraph of the main text: its line, its part, and what its words say. */
interface Unit {
  line: number;
  part: number;
  /** The evidence for each state, without the pull of the part's heading. */
  scores: number[];
  /** The kind the part's heading names, which pulls the paragraph to it. */
  headingKind: SectionKind | null;
  /** Whether the paragraph opens by pointing back to the one before (上述, 以上). */
  continues: boolean;
}

/** Gives every line of the main text a kind: evidence per paragraph, then the best sequence. */
function classifyParagraphs(
  doc: Doc, context: SectionContext, parts: readonly Part[],
  forcedOpening: number, mainEnd: number, topStyle: Style | null,
): SectionKind[] {
  const {lines, headings} = doc;
  const kinds = new Array<SectionKind>(lines.length).fill('前言');
  const units: Unit[] = [];
  let part = -1;
  // The kind each part is taken for: its heading's, until a plan opening turns it (below).
  const partKinds = parts.map((p) => p.kind);
  // Parts as the sequence model sees them: a plan opening without a heading starts one too.
  let segment = 0;
  let virtual = 0;
  let subPartStyle: Style | null = null;
  let previousPartKind: SectionKind | null = null;
  for (let i = forcedOpening; i < mainEnd; i++) {
    if (part + 1 < parts.length && parts[part + 1]!.start === i) {
      previousPartKind = part >= 0 ? (partKinds[part] ?? previousPartKind) : null;
      part++;
      segment++;
      subPartStyle = null;
    }
    const text = lines[i]!.trim();
    if (text === '') continue;
    const heading = headings[i] ?? null;
    const scores = new Array<number>(STATES.length).fill(0);
    // A heading's words are evidence for its own part; a heading that names only a topic
    // takes the evidence of the paragraph it leads into.
    const namedPartHeading = part >= 0 && parts[part]!.start === i && parts[part]!.kind !== null;
    const evidenceLine = heading && !heading.runsOn && !namedPartHeading ? nextText(lines, i + 1, mainEnd) : i;
    const planOpening = !namedPartHeading && addEvidence(scores, evidenceLine >= 0 ? lines[evidenceLine]!.trim() : text, doc, evidenceLine, context);
    // The paragraph that opens this year's plan (今年是…之年, 今年…主要预期目标是) starts the
    // plan where no heading does: in an outline, a part named by topic only, or a review.
    // A heading that joins the plans to its kind (…和下一步工作打算) lets 下一步… start them too.
    const opensNext = part >= 0 && parts[part]!.joinsPlan && doc.times[i]!.some((time) => time.offset < 4 && time.relation === 'next');
    // (Once the plans have come, a later part is no outline that runs on into them.)
    const planCame = partKinds.slice(0, Math.max(0, part)).includes('计划');
    const turnable = part >= 0 && !planCame && partKinds[part] !== '计划' && ((partKinds[part] !== '问题' && partKinds[part] !== '责任') || parts[part]!.joinsPlan);
    if ((planOpening || opensNext) && heading === null && turnable) {
      partKinds[part] = '计划';
      virtual++;
    }
    // Reports review before they plan: where nothing else tells, the first paragraphs lean to
    // the review and the last to the plans.
    const position = (i - forcedOpening) / Math.max(1, mainEnd - forcedOpening);
    bump(scores, S.成效, 0.3 * (1 - position));
    bump(scores, S.计划, 0.3 * position);
    if (part < 0) {
      bump(scores, ...openingPrior(parts));
    } else {
      const partKind = partKinds[part]!;
      if (partKind !== null) {
        // Reviews and plans often hold a problems paragraph: their heading speaks against it less.
        // (A plan answers the problems it opens with, in its first paragraphs only.)
        const early = i - parts[part]!.start <= 4;
        if (partKind === '成效' || partKind === '其他' || (partKind === '计划' && early)) bump(scores, S.问题, PART_PRIOR / 2);
      } else if (previousPartKind !== null && parts[part]!.start === i) {
        // A heading that names a topic only leans, weakly, to the kind of the part before it.
        bump(scores, S[previousPartKind], 0.3);
      }
    }
    // A sub-part headed 存在的主要问题 inside another part, up to the next heading of its style.
    if (heading && heading.style !== topStyle && heading.style !== 'bare') {
      subPartStyle = heading.style !== subPartStyle && isProblemsHeading(heading.title) ? heading.style : heading.style === subPartStyle ? null : subPartStyle;
    }
    if (subPartStyle !== null) bump(scores, S.问题, HEADING_PRIOR + 2);
    // The heading line of a part whose heading names its kind is of that kind.
    const partKind = part >= 0 ? parts[part]!.kind : null;
    scores[AFTER_PLAN_RESPONSIBILITY] = scores[S.责任]!;
    if (partKind !== null && parts[part]!.start === i) {
      scores.forEach((_, k) => {
        if (k !== S[partKind] && !(partKind === '责任' && k === AFTER_PLAN_RESPONSIBILITY)) scores[k] = -Infinity;
      });
    }
    // A paragraph that opens by pointing back (围绕上述目标, 为实现以上目标) goes on with the one before.
    const continues = /^(?:围绕|为实现|实现|按照|根据|落实|为完成|完成)(?:上述|以上|前述|这些)/.test(text);
    units.push({line: i, part: segment + virtual, scores, headingKind: part >= 0 ? partKinds[part]! : null, continues});
  }

  const path = viterbi(units);
  let current: State = '前言';
  let u = 0;
  for (let i = 0; i < mainEnd; i++) {
    if (u < units.length && units[u]!.line === i) current = path[u++]!;
    kinds[i] = i < forcedOpening ? '前言' : KIND_OF[current];
  }
  return kinds;
}

/**
 * What the text before the first part heading is, after the opening sentence: the opening
 * when the first part is the review; the review itself when the first part comes after it
 * (problems, outline, plans), since every report reviews before it plans.
 */
function openingPrior(parts: readonly Part[]): [number, number] {
  // Without part headings, the text after the opening sentence starts with the review.
  if (parts.length === 0) return [S.成效, 0.5];
  const first = parts[0]!.kind;
  if (first === '成效' || first === '责任') return [S.前言, 1.5];
  if (first === null) return [S.前言, 0.5];
  return [S.成效, 1];
}

/**
 * How strongly a part's heading pulls its paragraphs: a part headed as the problems or the
 * leaders' duty (the regulation's own parts) holds its text whatever words it uses; a review
 * or a plan may turn where its content does.
 */
function partPrior(kind: SectionKind): number {
  return kind === '问题' || kind === '责任' ? 3 * PART_PRIOR : PART_PRIOR;
}

/**
 * Finds the most likely sequence of kinds for the paragraphs, by the order of parts. A part's
 * heading pulls its paragraphs to its kind until the content turns to another kind (other
 * than a problems paragraph, which reviews and plans hold); from there on it no longer pulls,
 * so a part can change kind where its content does. Each state is a kind and whether the
 * part has so turned.
 */
function viterbi(units: readonly Unit[]): State[] {
  if (units.length === 0) return [];
  const n = STATES.length;
  // Until the part turns, its heading pulls to the kind it names.
  const emit = (unit: Unit, k: number, turned: boolean): number => {
    if (unit.headingKind === null) return unit.scores[k]!;
    const kind = KIND_OF[STATES[k]!];
    const pulled = !turned && kind === unit.headingKind;
    return unit.scores[k]! + (pulled ? partPrior(unit.headingKind) : 0);
  };
  const turns = (unit: Unit, k: number): boolean => unit.headingKind !== null && KIND_OF[STATES[k]!] !== unit.headingKind && STATES[k] !== '问题';
  // score[k + n * turned]
  let score = new Array<number>(2 * n).fill(-Infinity);
  for (let k = 0; k < n; k++) {
    const turned = turns(units[0]!, k);
    score[k + n * Number(turned)] = emit(units[0]!, k, turned) - ORDER[S.前言]![k]!;
  }
  const back: number[][] = [];
  for (let t = 1; t < units.length; t++) {
    const unit = units[t]!;
    const boundary = unit.part !== units[t - 1]!.part;
    const next = new Array<number>(2 * n).fill(-Infinity);
    const from = new Array<number>(2 * n).fill(0);
    for (let a = 0; a < 2 * n; a++) {
      if (score[a] === -Infinity) continue;
      const kindA = a % n;
      const turnedA = a >= n && !boundary;
      for (let b = 0; b < n; b++) {
        const cost = ORDER[kindA]![b]! + (kindA !== b && !boundary ? SWITCH_IN_PART + (unit.continues ? CONTINUATION : 0) : 0);
        if (cost === Infinity) continue;
        const turned = turnedA || turns(unit, b);
        const state = b + n * Number(turned);
        const value = score[a]! - cost + emit(unit, b, turned);
        if (value > next[state]!) [next[state], from[state]] = [value, a];
      }
    }
    back.push(from);
    score = next;
  }
  let best = 0;
  for (let k = 1; k < 2 * n; k++) if (score[k]! > score[best]!) best = k;
  const path = new Array<State>(units.length);
  for (let t = units.length - 1; t >= 0; t--) {
    path[t] = STATES[best % n]!;
    if (t > 0) best = back[t - 1]![best]!;
  }
  return path;
}

/** Adds what a paragraph's own words say about its kind to its scores. */
function addEvidence(scores: number[], text: string, doc: Doc, line: number, context: SectionContext): boolean {
  const year = context.reportYear;
  const body = text.replace(/^各位代表[！!：:，,]?/, '');
  // Problems faced or solved are no problems admitted: 面对困难和挑战, 解决群众急难愁盼问题
  // (but 亟待解决的问题 are).
  const admitted = body.replace(/(?:面对|面临着?新的|遇到|克服|战胜|应对|化解|(?<!亟待|有待|需要|尚待|仍需|亟需|急需|需)解决|破解|攻克|排除)[^，。；;：:]{0,10}?(?:问题|困难|挑战|风险|矛盾|短板|压力|隐患)(?:(?:和|与|及|、)?(?:问题|困难|挑战|风险|矛盾|短板|压力|隐患))*/g, (m) => ' '.repeat(m.length))
    // Rectifying or screening for problems is a task, not an admission: 问题整改, 排查隐患.
    .replace(/矛盾纠纷|(?:发现|查找|查摆|梳理|排查|收集|反馈|反映)[^，。；;]{0,10}?(?:问题|隐患)|(?:问题|隐患|风险)(?:整改|排查|清零|治理|化解)|(?:整改|排查|治理|化解)[^，。；;]{0,6}?(?:问题|隐患|风险)/g, (m) => ' '.repeat(m.length));
  const shift = text.length - body.length;
  const length = Math.max(body.length, 20);
  const words = vocabulary();
  const count = (kind: EvidenceKind, within = body): number => words.get(kind)!.count(within);

  // Time: where the paragraph opens.
  const times = line >= 0 ? doc.times[line] ?? [] : [];
  const years = line >= 0 ? doc.years[line] ?? [] : [];
  let reviewFromTime = 0;
  for (const time of times) {
    if (time.offset - shift >= HEAD || time.offset < shift) continue;
    // 审视一年来的工作，…: looking back frames what follows (often the problems); not a review.
    if (/(?:审视|回顾|总结|反思|对照|看)$/.test(text.slice(Math.max(shift, time.offset - 3), time.offset))) continue;
    if (time.relation === 'review' || time.relation === 'period') {
      bump(scores, S.成效, 2.5);
      reviewFromTime += 2.5;
    }
    else if (time.relation === 'next') bump(scores, S.计划, 2.5);
    else if (time.relation === 'outline') bump(scores, S.其他, 3);
    else if (time.relation === 'current') bump(scores, context.kind === 'government-work' ? S.计划 : S.成效, context.kind === 'government-work' ? 2.5 : 1);
    else if (time.relation === 'previous' && context.kind === 'government-work') bump(scores, S.成效, 1);
  }
  if (year !== null) {
    for (const mention of years) {
      if (mention.offset - shift >= 8 || mention.offset < shift) continue;
      if (mention.year === year) bump(scores, S.成效, 1.5);
      else if (mention.year === year + 1) bump(scores, S.计划, 2.5);
    }
    // A paragraph about the five-year period ahead opens with it (“十四五”时期…).
    const ahead = (text: string): boolean => planPeriodsIn(text).some((period) => period > planPeriodOf(year));
    if (/^[“"‘]?十/.test(body) && ahead(body.slice(0, 8))) bump(scores, S.其他, 3);
    else if (ahead(body.slice(0, 30)) && !/开局|起步|第一年|首年/.test(body.slice(0, 40))) bump(scores, S.其他, 2);
  }
  // The formula that opens the year's plan: 今年是…之年, 今年…主要预期目标是, 总体要求是.
  const opensWithPlan = times.some((time) => time.offset - shift < HEAD && (time.relation === 'next' || (time.relation === 'current' && context.kind === 'government-work')))
    || (year !== null && years.some((mention) => mention.offset - shift < 8 && mention.year === year + 1));
  const planOpening = /是.{0,80}(?:之年|第一年|开局年|起步年)|预期目标|总体要求/.test(body.slice(0, 150)) && opensWithPlan;
  if (planOpening) bump(scores, S.计划, 3);
  else if (/^[^。]{0,30}(?:主要)?预期目标|^[^。]{0,12}总体要求/.test(body)) bump(scores, S.计划, 3);

  // The paragraph that closes a review: the results are owed to…, and thanks to all.
  if (/成绩的取得|这是[^。]{2,40}的结果|体会到|体会是|深切体会|启示是|表示(?:衷心|诚挚|崇高)的?(?:感谢|敬意)|致以(?:衷心|诚挚|崇高)的?(?:感谢|敬意)/.test(body.slice(0, 80))) bump(scores, S.成效, 3);
  // Vocabulary: results, plans, problems.
  bump(scores, S.成效, Math.min(1.5, (count('result') / length) * 100 * 0.4));

  bump(scores, S.计划, Math.min(1.5, (count('plan') / length) * 100 * 0.4));
  openers ??= readWords('problem-openers.txt');
  const opening = body.slice(0, 40);
  let problems = 0;
  if (openers.some((opener) => opening.includes(opener))) problems += 4;
  // A concessive turn where the paragraph opens (同时…, 尽管取得一定成绩，但…, 在看到成绩的同时…).
  // The problems follow the turn: 成绩…，但… / 同时，…还存在…; not 会遇到困难，但只要…就….
  const opens = admitted.slice(0, 120);
  const turn = opens.search(words.get('concession')!.pattern);
  if (turn >= 0 && count('problem', opens.slice(turn)) > 0) {
    problems += 3;
    // 五年来的成绩有目共睹，但…: the time opens the concession, not a review.
    bump(scores, S.成效, -reviewFromTime);
  }
  // A sentence that names problems and then lists them: …困难和挑战，主要是：… / 问题也不容回避：…
  const announcement = /^[^；;！!？?]{0,80}?(?:：|:|主要是|主要表现在|具体表现为)/.exec(admitted)?.[0] ?? '';
  if (/问题|困难|挑战|短板|不足|差距|弱项/.test(announcement)) problems += 3;
  const density = (count('problem', admitted) / length) * 100;
  if (density >= 1.5) problems += Math.min(4, density / 2 + 1);
  // The promise to solve the problems just named belongs with them.
  if (/^(?:针对|对于|对|就)(?:上述|以上|这些|存在的|前述)(?:问题|不足|困难)|^对此[，,]/.test(body)) problems += 5;
  // (加以解决, with no object of its own: the problems just named.)
  else if (body.length < 100 && /(?:加以|予以)(?:解决|改进|整改|克服)/.test(body)) problems += 4;
  // Problems listed one by one (一是…二是…).
  if (/一是.*二是/.test(body) && density >= 1.5) problems += 2;
  bump(scores, S.问题, problems);
  return planOpening;
}

/** Adds `value` to the score of one kind. */
function bump(scores: number[], kind: number, value: number): void {
  scores[kind] = (scores[kind] ?? 0) + value;
}

/** The words of one kind of evidence: a pattern matching where one starts, and a count of those places. */
interface EvidenceWords {
  pattern: RegExp;
  count(text: string): number;
}

/** The evidence words by kind (data/section-evidence.tsv). */
function vocabulary(): Map<EvidenceKind, EvidenceWords> {
  if (!evidenceWords) {
    const words = new Map<EvidenceKind, string[]>(EVIDENCE_KINDS.map((kind) => [kind, []]));
    for (const [word, kind] of readList('section-evidence.tsv')) if (word) words.get(kind as EvidenceKind)?.push(word);
    evidenceWords = new Map([...words].map(([kind, list]) => [kind, {pattern: new RegExp(`(?=${alternation(list)})`, 'g'), count: wordStartCounter(list)}]));
  }
  return evidenceWords;
}

/**
 * Counts the places in a text where one of some words starts (one count a place, words may
 * overlap): what matching `(?=word|word…)` globally counts, but looking only at places whose
 * character starts a word, where the pattern tries every word at every place.
 */
export function wordStartCounter(words: readonly string[]): (text: string) => number {
  const byFirst = new Map<number, string[]>();
  for (const word of new Set(words)) {
    if (word === '') continue;
    const first = word.charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push(word);
    else byFirst.set(first, [word]);
  }
  const starts = new Uint8Array(0x10000);
  for (const first of byFirst.keys()) starts[first] = 1;
  return (text) => {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      if (starts[text.charCodeAt(i)] === 0) continue;
      for (const word of byFirst.get(text.charCodeAt(i))!) {
        if (text.startsWith(word, i)) {
          count++;
          break;
        }
      }
    }
    return count;
  };
}

/** The index of the first non-blank line at or after `from`, before `end`, or -1. */
function nextText(lines: readonly string[], from: number, end: number): number {
  for (let i = from; i < end; i++) if (lines[i]!.trim() !== '') return i;
  return -1;
}

/**
 * Where the opening ends that is 前言 whatever follows: page furniture, the title, date and
 * speaker lines, the salutation, and the sentence that ends 报告如下 or 请予审议. Without
 * part headings the first paragraph of text ends it too when it announces the report.
 */
function openingSentenceEnd(doc: Doc, end: number, none = end): number {
  const {lines, junk} = doc;
  for (let i = 0; i < end; i++) {
    const text = lines[i]!.trim();
    if (text === '' || junk[i] || (text.length < 40 && !/[。；;]/.test(text))) continue;
    if (/如下[:：。]?$|请予审议|提出意见[。]?$/.test(text) || /^各位代表[！!：:，,]?$/.test(text)) return i + 1;
    return i;
  }
  return none;
}

/** Turns the kind of every line into runs: sections over whole lines, in order. */
function toSections(doc: Doc, kinds: readonly SectionKind[], partStarts: readonly number[], mainEnd: number): Section[] {
  const {lines, headings} = doc;
  const starts = new Set(partStarts);
  const sections: Section[] = [];
  for (let i = 0; i < mainEnd; i++) {
    let kind = kinds[i]!;
    // A blank line goes with the paragraph before it.
    if (lines[i]!.trim() === '' && sections.length > 0) kind = sections[sections.length - 1]!.kind;
    const last = sections[sections.length - 1];
    if (last && last.kind === kind && !starts.has(i)) {
      last.end = i;
      continue;
    }
    const heading = headings[i];
    const named = heading && (starts.has(i) || (kind === '问题' && heading.style !== 'bare' && isProblemsHeading(heading.title)));
    sections.push({kind, heading: named ? heading.text : '', start: i, end: i});
  }
  return sections;
}

/**
 * Picks the style of the top-level parts: of the styles that mark out parts (two headings or
 * more, or a single one that names a kind; bare lines only when one names a kind), the
 * outermost, whose first heading comes first. A report may name topics only in its part
 * headings, so names do not decide which style is on top.
 */
function chooseTopStyle(headings: readonly (Heading | null)[], reportYear: number | null): Style | null {
  let best: Style | null = null;
  let bestFirst = Infinity;
  for (const style of STYLES) {
    const at = headings.flatMap((h, i) => (h !== null && h.style === style ? [i] : []));
    const named = at.filter((i) => classifyTitle(headings[i]!.title, reportYear) !== null);
    const marksParts = style === 'bare' ? at.length >= 2 && named.length >= 1 : at.length >= 2 || named.length === 1;
    if (marksParts && at[0]! < bestFirst) [best, bestFirst] = [style, at[0]!];
  }
  return best;
}

/** Finds where annexes begin (a line 附件 or 附件1 after the first quarter of the text), or -1. */
function findAnnex(lines: readonly string[], headings: readonly (Heading | null)[]): number {
  for (let i = Math.floor(lines.length / 4); i < lines.length; i++) {
    const title = headings[i]?.style === 'bare' ? headings[i]!.title : '';
    if (/^(附件|附表)\s*[0-9一二三四五六七八九十]*[：:]?$/.test(title) || isGlossaryTitle(lines[i]!.trim())) return i;
  }
  return -1;
}

/** Tells whether a heading opens a glossary (名词解释), which ends a work report like an annex. */
function isGlossaryTitle(title: string): boolean {
  return /^(?:名词解释|名词注释|注释|附注|注解)[：:]?$/.test(title);
}

/** Names each annex by its title: next year's projects are a plan, the year's progress a review, a glossary neither. */
function annexSections(doc: Doc, start: number, reportYear: number | null): Section[] {
  const {lines, headings} = doc;
  const out: Section[] = [];
  for (let i = start; i < lines.length; i++) {
    const heading = headings[i];
    // A glossary (名词解释) after an annex is an annex of its own.
    if (i > start && heading?.style === 'bare' && out[out.length - 1]!.kind !== '其他' && !/^(附件|附表)/.test(heading.title) && classifyTitle(heading.title, reportYear) === '其他') {
      out.push({kind: '其他', heading: lines[i]!.trim(), start: i, end: i});
      continue;
    }
    if (i === start || (heading?.style === 'bare' && /^(附件|附表)/.test(heading.title))) {
      const titleLine = lines.slice(i + 1).find((line) => line.trim() !== '') ?? '';
      const kind = isGlossaryTitle(lines[i]!.trim()) ? '其他' : classifyTitle(titleLine, reportYear);
      out.push({kind: kind === '计划' || kind === '成效' ? kind : '其他', heading: lines[i]!.trim(), start: i, end: i});
    }
    out[out.length - 1]!.end = i;
  }
  return out;
}

/** Tells whether a sub-heading's words announce the problems (存在的主要问题). */
function isProblemsHeading(title: string): boolean {
  problemHeadings ??= readWords('problem-headings.txt');
  return problemHeadings.some((phrase) => title.startsWith(phrase));
}

/**
 * Sets the ending apart as 其他: page furniture and signature lines after the last text,
 * and a closing exhortation (各位代表！…) that ends the main text. In the main text, short
 * lines that are no sentences after the last paragraph are page furniture too (版权所有,
 * 网站地图, 责任编辑).
 */
function setApartEnding(doc: Doc, sections: Section[], main: boolean): Section[] {
  const {lines, junk} = doc;
  const last = sections[sections.length - 1];
  if (!last || last.kind === '其他' || last.kind === '前言') return sections;
  let start = last.end + 1;
  for (let i = last.end; i > last.start; i--) {
    const text = lines[i]!.trim();
    if (text === '') continue;
    if (junk[i] || isPageNote(text) || (main && (isSignature(text) || isFurniture(text)))) {
      start = i;
      continue;
    }
    break;
  }
  // The closing words to the deputies, when they are the last paragraph of a work report.
  const closing = previousText(lines, start - 1, last.start);
  if (closing >= 0 && /^各位代表[！!，,]/.test(lines[closing]!.trim()) && !/^各位代表[，,]?(?:过去|一年来|五年来)/.test(lines[closing]!.trim())) start = closing;
  if (start > last.end) return sections;
  while (start <= last.end && lines[start]!.trim() === '') start++;
  const kept = {...last, end: start - 1};
  const ending: Section = {kind: '其他', heading: '', start, end: last.end};
  return [...sections.slice(0, -1), ...(kept.end >= kept.start ? [kept] : []), ending];
}

/** Tells whether a line is a page's note on the text (（责任编辑：…）, （来源：…）) or the formula 特此报告. */
function isPageNote(text: string): boolean {
  if (/^[（(【\[].{0,60}[）)】\]]$/.test(text) && /来源|编辑|审核|校对|打印|关闭|发布|联系人|联系电话/.test(text)) return true;
  return /^特此(?:报告|汇报)[。！!]?$/.test(text);
}

/** Tells whether a line after the last paragraph is page furniture: short, no sentence, no heading number. */
function isFurniture(text: string): boolean {
  return text.length <= 24 && !/[。；;！!？?]/.test(text) && !/^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、])/.test(text);
}

/** The index of the last non-blank line at or before `from`, not before `floor`, or -1. */
function previousText(lines: readonly string[], from: number, floor: number): number {
  for (let i = from; i > floor; i--) if (lines[i]!.trim() !== '') return i;
  return -1;
}

/** Tells whether a short line is a signature: the body's name or the date of the report. */
function isSignature(text: string): boolean {
  if (/^(?:(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月([0-9一二三四五六七八九十]{1,3}日)?$/.test(text)) return true;
  return isSignatureName(text);
}
