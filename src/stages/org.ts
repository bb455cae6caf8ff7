/**
 * Normalised lines → the reporting body: its name (清远市清城区民政局), place (清远市清城区),
 * organ (民政局) and administrative level. Sources are weighed in order of trust: the
 * title, the page's <title>, the delivery line of a work report (——在…人民代表大会…上),
 * portal fields (来源, 发布机构, 信息来源), the opening subject (2022年，司法部坚持…),
 * 现将<body>…报告如下, the signature block, and last 我局/我县/我市 resolved to a body
 * named elsewhere. A body is a name: Han characters, a place and an organ, or a national
 * organ; never a label or a fragment of a sentence. Empty is better than wrong.
 */
import {readWords} from '../lexicon.js';
import {isJunkLine} from './junk.js';
import {type Level, readPlaces} from './places.js';

/** Where a body was found, from the most trusted source to the least. */
export type BodySource =
  | 'title' | 'page-title' | 'delivery' | 'speaker' | 'portal' | 'opening' | 'report-intro' | 'signature' | 'self-reference' | '';

/** The reporting body of a report. */
export interface Body {
  /** The name, as the report writes it (a place alone stands for its government: 东凤镇). */
  org: string;
  /** The place, as specific as the report tells (保定市清苑区); '' for a national organ. */
  region: string;
  /** The administrative level of the body's place; '' when unknown. */
  level: Level | '';
  /** The organ (人民政府, 民政局, 街道办事处, 司法部). */
  department: string;
  source: BodySource;
}

/** What the body finder needs besides the lines. */
export interface BodyContext {
  /** The title line of the report, or ''. */
  title: string;
  /** The HTML page's <title>, or ''. */
  pageTitle?: string;
  /** A government work report: the body is the government on whose behalf it is given. */
  governmentWork: boolean;
  /** For each line, whether it is page furniture (from the Doc); read from the line when absent. */
  junk?: readonly boolean[];
}

export const NO_BODY: Body = {org: '', region: '', level: '', department: '', source: ''};

/**
 * Tells whether an org is a name: a body whose places the division list knows (or knows
 * renamed), with an organ; what the evaluation holds every org found to.
 */
export function isName(org: string): boolean {
  return readBody(org, true) !== null;
}

/**
 * An organ's name after its place: a few characters of its line of work, then an organ
 * word (民政 + 局, 卫生健康 + 委员会); the alternatives are tried longest first at each length.
 */
const ORGAN = /^([\u4e00-\u9fff]{0,12}?)(人民政府|政府|街道办事处|办事处|管理委员会|委员会|办公室|人民法院|人民检察院|局|厅|委|办|中心|院|署|部)/;
/** The same, for a whole name: the organ word ends it (人民政府办公室, not 人民政府). */
const WHOLE_ORGAN = new RegExp(`${ORGAN.source}$`);
/** Organ words that may follow another as its office (人民政府 + 办公室). */
const SUB_ORGAN = /^(办公室|委员会|管理委员会|办事处|中心)/;
/** Characters that end a name: function words and verbs that open the rest of a sentence. */
const NOT_IN_ORGAN = /[全本我各该此其每的了在对把被将从以是于年月日个级一二三四五六七八九十]|坚持|推进|深入|认真|切实|紧紧|围绕|积极|按照|根据|通过|加强|不断/;
/** Names of national organs: ministries (司法部), 国家…局, …总局, 国务院. */
const NATIONAL = /^(?:中华人民共和国)?(?:[\u4e00-\u9fff]{2,6}部|国家[\u4e00-\u9fff]{2,10}(?:局|委员会|署)|[\u4e00-\u9fff]{2,8}总(?:局|署)|国务院)$/;
/** Words a title holds after the body's name (关于, 2021年, 法治政府建设, 政府工作报告). */
const TITLE_TAIL = /(关于|法治政府建设|依法行政|法治建设|(?:人民)?政府工作报告|工作报告|工作情况|情况|年度|工作|报告|总结|的).*$/;
const YEAR_WORD = /((?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})年度?/g;
/** Labels of portal fields that name the publishing body. */
const PORTAL_FIELD = /(?:信息来源|来源单位|来源|发布机构|发布单位|发文单位|发文机关|发布部门)\s*[:：]\s*([\u4e00-\u9fff]{2,30})/g;

/**
 * Reads a name as a body: a place (or chain of places) and an organ, or a national organ.
 * Returns null for anything else: labels, fragments, place-less words. `strict` takes a
 * place by its shape only when the list knows its stem (see placeLevel), for names read
 * out of running text.
 */
export function readBody(name: string, strict = false): Body | null {
  const text = name.replace(/\s+/g, '');
  if (!/^[\u4e00-\u9fff]{2,40}$/.test(text)) return null;
  const placed = readPlaces(text, strict);
  if (placed.places.length === 0) {
    // A national organ's local bureau (国家税务总局涞水县税务局) is at its place's level.
    for (let k = 3; k <= text.length - 3; k++) {
      if (!NATIONAL.test(text.slice(0, k))) continue;
      const local = readBody(text.slice(k), strict);
      if (local && local.region !== '') return {...local, org: text};
    }
    if (!NATIONAL.test(text) || NOT_IN_ORGAN.test(text.replace(/^中华人民共和国/, ''))) return null;
    return {org: text, region: '', level: 'national', department: text.replace(/^中华人民共和国/, ''), source: ''};
  }
  const region = placed.places.join('');
  const level = placed.level!;
  // A place's suffix written twice (南昌县县政府, 南昌县县) is the place once.
  let rest = placed.rest.replace(/^([县区市镇乡])(?=人民政府$|政府$|$)/, (suffix) => (region.endsWith(suffix) ? '' : suffix));
  if (rest === '') {
    // A place alone stands for its government (东凤镇 → 东凤镇人民政府).
    const street = /街道$/.test(region);
    const department = street ? '街道办事处' : '人民政府';
    return {org: region + (street ? '办事处' : department), region, level, department, source: ''};
  }
  const organ = WHOLE_ORGAN.exec(rest);
  if (!organ || NOT_IN_ORGAN.test(organ[1]!)) return null;
  if (/^(?:[省市县区镇乡])?(?:人民)?政府$/.test(rest)) rest = '人民政府';
  const department = rest === '办事处' && region.endsWith('街道') ? '街道办事处' : rest;
  return {org: region + rest, region, level, department, source: ''};
}

let organLines: Set<string> | undefined;

/**
 * Tells whether an organ read from running text is one: a government (人民政府, 政府,
 * 街道办事处), a court or procuratorate, or a line of work from data/organ-lines.txt before
 * its organ word (民政 + 局), so that 服务大局 or 法治政府 is no organ.
 */
function isOrganInText(line: string, organ: string, afterPlace: boolean): boolean {
  if (/^(?:人民政府|政府|街道办事处|办事处)$/.test(organ)) return afterPlace && line === '';
  if (/^(?:人民法院|人民检察院)$/.test(organ)) return afterPlace && line === '';
  organLines ??= new Set(readWords('organ-lines.txt'));
  return organLines.has(line) || (!afterPlace && /^国家/.test(line));
}

/**
 * Reads the body that starts at `at` in running text (2022年，司法部坚持… → 司法部;
 * 东凤镇在市委… → 东凤镇人民政府), or null. Running text holds many phrases that end like
 * an organ, so the organ must be one (isOrganInText).
 */
export function bodyAt(text: string, at: number): Body | null {
  const head = text.slice(at, at + 40).match(/^[\u4e00-\u9fff]+/)?.[0] ?? '';
  const placed = readPlaces(head, true);
  if (placed.places.length === 0) {
    const organ = ORGAN.exec(head);
    return organ && isOrganInText(organ[1]!, organ[2]!, false) ? readBody(organ[0], true) : null;
  }
  const region = placed.places.join('');
  const organ = ORGAN.exec(placed.rest);
  if (organ && isOrganInText(organ[1]!, organ[2]!, true)) {
    let name = organ[0];
    const office = SUB_ORGAN.exec(placed.rest.slice(name.length));
    if (office) name += office[0];
    const body = readBody(region + name, true);
    if (body) return body;
  }
  return readBody(region, true);
}

/** Finds the reporting body of a report from its sources, in order of trust. */
export function findBody(lines: readonly string[], context: BodyContext): Body {
  const isJunk = (i: number): boolean => context.junk?.[i] ?? isJunkLine(lines[i]!);
  const head = lines.slice(0, 40).filter((line) => line.trim() !== '');
  const headText = head.join('');
  const sources: Array<[BodySource, () => Body | null]> = [
    ['title', () => fromTitle(context.title, lines)],
    ['page-title', () => fromTitle(pageTitleReport(context.pageTitle ?? ''), lines)],
    ['delivery', () => (context.governmentWork ? fromDelivery(headText) : null)],
    ['speaker', () => (context.governmentWork ? fromSpeaker(head, lines) : null)],
    ['portal', () => fromPortal(head)],
    ['opening', () => fromOpening(lines, isJunk)],
    ['report-intro', () => fromReportIntro(lines)],
    ['signature', () => fromSignature(lines, isJunk)],
    ['self-reference', () => fromSelfReference(lines, context)],
  ];
  const selfName = context.governmentWork ? '' : dominantSelfName(lines.join('\n'));
  for (let i = 0; i < sources.length; i++) {
    const [source, find] = sources[i]!;
    let found = find();
    if (!found) continue;
    // A government named first (the site, the place of the opening sentence) gives way to
    // a bureau of the same place named later, when the report calls itself 我局.
    if (/^(?:局|委|办|厅)$/.test(selfName) && /^(?:人民政府|街道办事处)$/.test(found.department)) {
      const government = found;
      const bureau = sources.slice(i + 1).map(([, later]) => later())
        .find((body) => body !== null && body.department.endsWith(selfName) && samePlace(body.region, government.region));
      if (bureau) found = bureau;
    }
    return finish(widen({...found, source}, lines), context);
  }
  return NO_BODY;
}

/** The word a report calls itself by most (我局 → 局, 我县 → 县), or ''. */
function dominantSelfName(text: string): string {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/我(街道|[局镇县区市乡委办厅省])/g)) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** Tells whether two regions name the same place, one perhaps more fully (清远市清城区, 清城区). */
function samePlace(a: string, b: string): boolean {
  return a !== '' && b !== '' && (a.endsWith(b) || b.endsWith(a));
}

/**
 * Gives a body the fullest place the report writes it with: 清城区民政局, named elsewhere
 * as 《清远市清城区民政局关于…》, is 清远市清城区民政局 (a wider place written before it).
 */
function widen(body: Body, lines: readonly string[]): Body {
  if (body.region === '') return body;
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (let at = line.indexOf(body.org); at >= 0; at = line.indexOf(body.org, at + 1)) {
      for (let back = 2; back <= 8 && back <= at; back++) {
        const start = at - back;
        if (start > 0 && /[\u4e00-\u9fff]/.test(line[start - 1]!) && !BEFORE_NAME.test(line[start - 1]!)) continue;
        const wider = readPlaces(line.slice(start, at), true);
        if (wider.places.length === 0 || wider.rest !== '') continue;
        const candidate = readBody(line.slice(start, at) + body.org, true);
        if (candidate && candidate.level === body.level) counts.set(candidate.org, (counts.get(candidate.org) ?? 0) + 1);
      }
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0];
  return best ? {...readBody(best)!, source: body.source} : body;
}

/** Makes a work report's body the government of its place (涞水县 → 涞水县人民政府). */
function finish(body: Body, context: BodyContext): Body {
  if (!context.governmentWork || body.level === 'national' || body.department === '人民政府' && body.org.endsWith('人民政府')) return body;
  return {...body, org: `${body.region}人民政府`, department: '人民政府'};
}

/**
 * The body named in a title: what stands before the year and the kind of report, without
 * a leading 关于 or the party committee of a joint report (中共XX县委 XX县人民政府关于…).
 * A body named only by its level (区民政局) takes its place from the text.
 */
function fromTitle(title: string, lines: readonly string[]): Body | null {
  const name = title
    .replace(YEAR_WORD, '')
    .replace(/^[^\u4e00-\u9fff]+/, '')
    .replace(/^[\u4e00-\u9fff]{1,6}[：:]/, '')
    .replace(/\s+/g, '')
    .replace(/^关于/, '')
    .replace(/^中共[\u4e00-\u9fff]{2,12}?委(?:员会)?(?=[\u4e00-\u9fff]{2,}(?:人民政府|政府))/, '')
    .replace(TITLE_TAIL, '');
  return name.length >= 2 ? readBody(name) ?? partialName(name, lines) : null;
}

/** The part of a page's <title> that names the report, without the site name after _ or -. */
export function pageTitleReport(pageTitle: string): string {
  const parts = pageTitle.split(/\s*[_|｜]\s*|\s+[-—–]+\s+|-{1,2}/).map((part) => part.trim());
  return parts.find((part) => /报告|总结/.test(part) && part.length <= 60) ?? '';
}

/** The place of the congress a work report is delivered to: ——在涞水县第十七届人民代表大会… */
function fromDelivery(headText: string): Body | null {
  const text = headText.replace(/\s+/g, '');
  const match = /在([\u4e00-\u9fff]{2,20}?)第[一二三四五六七八九十0-9]{1,4}届人民代表大会/.exec(text)
    // 阜平县十七届人大五次会议: the congress abbreviated.
    ?? /(?:^|[^\u4e00-\u9fff]|在)([\u4e00-\u9fff]{2,20}?)第?[一二三四五六七八九十]{1,4}届人大[一二三四五六七八九十]{1,3}次会议/.exec(text);
  return match ? placeGovernment(match[1]!) : null;
}

/**
 * The place of the speaker of a work report (广东省省长 孟凡利; 徐水县人民政府县长李保森;
 * 我代表蠡县人民政府; 我代表县人民政府, with the county the report names most).
 */
function fromSpeaker(head: readonly string[], lines: readonly string[]): Body | null {
  for (const line of head) {
    const text = line.replace(/\s+/g, '');
    const speaker = /^([\u4e00-\u9fff]{2,16}?)(?:人民政府)?代?(?:省长|市长|县长|区长|州长|旗长|盟长)[:：]?[\u4e00-\u9fff]{2,4}$/.exec(text);
    if (speaker) {
      const body = placeGovernment(speaker[1]!);
      if (body) return body;
    }
    const behalf = /我代表([\u4e00-\u9fff]{1,16}?人民政府)/.exec(text);
    if (behalf) {
      const body = readBody(behalf[1]!) ?? partialName(behalf[1]!, lines);
      if (body && body.region !== '') return body;
    }
  }
  return null;
}

/** The government of a place named alone (涞水县 → 涞水县人民政府), or null when it is no place. */
function placeGovernment(name: string): Body | null {
  const placed = readPlaces(name);
  if (placed.places.length === 0 || placed.rest !== '') return null;
  const region = placed.places.join('');
  return {org: `${region}人民政府`, region, level: placed.level!, department: '人民政府', source: ''};
}

/** The body in portal fields near the top (来源：晋中市民政局, 发布机构：…). */
function fromPortal(head: readonly string[]): Body | null {
  for (const line of head) {
    for (const match of line.matchAll(PORTAL_FIELD)) {
      const body = readBody(match[1]!);
      if (body) return body;
    }
  }
  return null;
}

/** The subject of the first sentence: 2022年，司法部坚持… / 2024年以来，鹤龙街道… */
function fromOpening(lines: readonly string[], isJunk: (i: number) => boolean): Body | null {
  let seen = 0;
  for (const [i, line] of lines.entries()) {
    const text = line.trim();
    if (text === '' || isJunk(i)) continue;
    if (++seen > 30) break;
    const opening = /(?:^|[。！])\s*(?:(?:19|20)[0-9]{2}年度?(?:以来)?|今年以来|一年来|近年来)[，,]\s*/.exec(text);
    if (!opening) continue;
    const at = opening.index + opening[0].length;
    const body = bodyAt(text, at) ?? partialName(text.slice(at, at + 20).match(/^[\u4e00-\u9fff]+/)?.[0] ?? '', lines, true);
    if (body) return body;
  }
  return null;
}

/** The body in 现将<body>2024年法治政府建设年度报告如下. */
function fromReportIntro(lines: readonly string[]): Body | null {
  for (const line of lines.slice(0, 60)) {
    const match = /现将([\u4e00-\u9fff]{2,40}?)(?:关于)?(?:(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})?年?度?[\u4e00-\u9fff“”]{0,30}?(?:报告|汇报|总结)如下/.exec(line);
    if (!match) continue;
    const name = match[1]!.replace(TITLE_TAIL, '');
    const body = readBody(name) ?? partialName(name, lines, true);
    if (body) return body;
  }
  return null;
}

/** The body signing the report: a short line near the end that is a body's name. */
function fromSignature(lines: readonly string[], isJunk: (i: number) => boolean): Body | null {
  // The signature follows the text: a site's name above the text is no signature.
  const textStart = lines.findIndex((line) => line.trim().length > 60 || /。$/.test(line.trim()));
  let seen = 0;
  for (let i = lines.length - 1; i > textStart && seen < 12; i--) {
    const text = lines[i]!.trim();
    // Page furniture after the signature (打印本页, 主办：…) does not count against it.
    if (text === '' || isJunk(i)) continue;
    seen++;
    const name = text.split(/\s+/)[0] ?? '';
    if (name.length < 3 || name.length > 30) continue;
    const body = readBody(name);
    if (body) return body;
  }
  return null;
}

/**
 * A name whose place is written only as its level (市民政局, 县司法局, 我县, 我局): the
 * place is the one of that level the report names most. Without lines to look in, null.
 */
function partialName(name: string, lines: readonly string[], selfToo = false): Body | null {
  if (lines.length === 0) return null;
  const match = (selfToo ? /^(我)?([省市县区镇乡])(.*)$/ : /^()([省市县区镇乡])(.*)$/).exec(name);
  if (!match) return null;
  const suffix = match[2]!;
  let rest = '';
  // 我县 is the county's government, whatever the sentence goes on to say.
  if (!match[1]) {
    const organ = [WHOLE_ORGAN.exec(match[3]!), ORGAN.exec(match[3]!)].find((o) => o && isOrganInText(o[1]!, o[2]!, true));
    if (!organ) return null;
    rest = /^(?:人民)?政府$/.test(organ[0]) ? '' : organ[0];
  }
  const place = mostNamedPlace(lines.join('\n'), suffix);
  return place ? readBody(place + rest) : null;
}

/** Characters after which a name may start in running text: prepositions and conjunctions. */
const BEFORE_NAME = /[在将对由于是与和及向经从至为把同]/;

/** Lists the offsets in a text where a name may start: after punctuation or a preposition. */
function nameStarts(text: string): Array<[string, number]> {
  const starts: Array<[string, number]> = [];
  for (const chunk of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let at = 0; at < chunk.length; at++) if (at === 0 || BEFORE_NAME.test(chunk[at - 1]!)) starts.push([chunk, at]);
  }
  return starts;
}

/**
 * The place ending in `suffix` (县, 市…) that a text names most, where a name may start.
 * Places inside a document's title may be another body's (《重庆市宗教事务条例》): they
 * count only when the text names none outside one, and then only a place named twice, and
 * not at all unless `titlesToo` (when the report gives no level, 我局, a place in a title is
 * too weak a sign).
 */
function mostNamedPlace(text: string, suffix: string, titlesToo = true): string {
  const [outside] = countPlaces(text.replace(/《[^》]*》/g, '，'), suffix);
  if (outside !== '' || !titlesToo) return outside;
  const [inTitles, count] = countPlaces(text, suffix);
  return count >= 2 ? inTitles : '';
}

/** The place ending in `suffix` named most often where a name may start in a text, with its count. */
function countPlaces(text: string, suffix: string): [string, number] {
  const counts = new Map<string, number>();
  for (const [chunk, at] of nameStarts(text)) {
    const placed = readPlaces(chunk.slice(at, at + 16), true);
    const region = placed.places.join('');
    if (region.length > 1 && region.endsWith(suffix)) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0] ?? ['', 0];
}

/**
 * Resolves how a report names itself (我局, 我县, 我镇): to a full name in the text that ends
 * the same way (清远市清城区民政局), or to the place of that level the report names most,
 * with, for a bureau, the line of work it talks about most (连平县 + 民政 + 局).
 */
function fromSelfReference(lines: readonly string[], context: BodyContext): Body | null {
  const text = lines.join('\n');
  const suffix = dominantSelfName(text);
  if (!suffix) return null;
  if (/^(街道|[镇县区市乡省])$/.test(suffix)) {
    const place = mostNamedPlace(text, suffix);
    const body = place ? readBody(place) : null;
    return body && (!context.governmentWork || body.level !== 'national') ? body : null;
  }
  // A bureau or committee: its full name in the text, the longest and most frequent.
  const fullNames = new Map<string, number>();
  for (const [chunk, at] of nameStarts(text)) {
    const body = bodyAt(chunk, at);
    if (body && body.region !== '' && body.department.endsWith(suffix)) fullNames.set(body.org, (fullNames.get(body.org) ?? 0) + 1);
  }
  const best = [...fullNames].sort((a, b) => b[0].length - a[0].length || b[1] - a[1])[0]?.[0];
  if (best) return readBody(best);
  if (suffix !== '局') return null;
  const place = mostNamedPlace(text, '县', false) || mostNamedPlace(text, '区', false) || mostNamedPlace(text, '市', false);
  // The line of work must stand out (at least 3 mentions, twice the next), and 人民政府
  // is no mention of 民政.
  const plain = text.replaceAll('人民政府', '');
  const counts = readWords('departments.txt').map((work) => [work, plain.split(work).length - 1] as const).sort((a, b) => b[1] - a[1]);
  const [work, workCount] = counts[0] ?? ['', 0];
  const runnerUp = counts[1]?.[1] ?? 0;
  return place && workCount >= 3 && workCount >= 2 * runnerUp ? readBody(`${place}${work}局`, true) : null;
}
