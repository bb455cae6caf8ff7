// jieba through our wrapper, with every engine installed here: numbers stay whole, words are
// counted, keywords ranked by TF-IDF, and labels come out the same. CI builds nodejieba, so
// there both engines must run (the last test fails when one is missing).
import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {indicatorsInLine} from '../../src/stages/indicators.js';
import {countWords, cut, DEFAULT_SEGMENTER, isWord, keywords, segmenterInstalled, SEGMENTERS, shareIdfTable, tag, taggerByCut, useSegmenter} from '../../src/stages/segment.js';

const engines = SEGMENTERS.filter(segmenterInstalled);
const ran = new Set<string>();

/** The label of the first indicator in a sentence. */
function labelIn(text: string): string {
  return indicatorsInLine(text)[0]?.label ?? '(none)';
}

describe.each(engines)('segment with %s', (engine) => {
  it('keeps numbers whole, which jieba alone cuts into digits', () => {
    useSegmenter(engine);
    expect(cut('累计发放资金约5346万元，办结率达98.5%，共1,100件')).toEqual(
      expect.arrayContaining(['5346', '98.5%', '1,100']),
    );
    expect(cut('约5346万元')).not.toContain('5');
    ran.add(engine);
  });

  it('joins the report words jieba splits (占比) and tags them as nouns', () => {
    useSegmenter(engine);
    expect(tag('绿色电力占比').map((t) => t.word)).toEqual(['绿色', '电力', '占比']);
    expect(tag('绿色电力占比').at(-1)?.tag).toBe('n');
  });

  it('gives back the text it was given, word by word', () => {
    useSegmenter(engine);
    const text = '全年共受理信访案件148宗，同比下降3.2%。';
    expect(cut(text).join('')).toBe(text);
  });

  it('counts words once per line, numbers whole, punctuation not', () => {
    useSegmenter(engine);
    const {count, frequency} = countWords(['全年共受理信访案件1,148宗。', '', '信访案件办结率100%']);
    expect(frequency.get('1,148')).toBe(1);
    expect(frequency.get('100%')).toBe(1);
    expect(frequency.has('。')).toBe(false);
    expect(count).toBe([...frequency.values()].reduce((a, b) => a + b, 0));
    expect(count).toBe(cut('全年共受理信访案件1,148宗').length + cut('信访案件办结率100%').length);
  });

  it('labels indicators by the words before or after the number', () => {
    useSegmenter(engine);
    expect(labelIn('累计发放最低生活保障资金约5346万元。')).toBe('最低生活保障资金');
    expect(labelIn('全年共受理信访案件148宗。')).toBe('信访案件');
    expect(labelIn('今年5月,我镇14所中小学开展了法治教育。')).toBe('中小学');
    expect(labelIn('收到信访件4件，其中已办结4件')).toBe('信访件');
  });

  it('keeps a word jieba may cut in two (占/道, 一/产) whole in a label', () => {
    useSegmenter(engine);
    expect(labelIn('取缔占道经营1.13万处次。')).toBe('取缔占道经营');
    expect(labelIn('一产增加值增长6%左右。')).toBe('一产增加值');
    // A measure word after a numeral still ends the label.
    expect(labelIn('开展三次培训12场')).toBe('培训');
  });
});

describe('the default engine', () => {
  it('is jieba-rs, and keeps words it does not know whole (HMM)', () => {
    expect(DEFAULT_SEGMENTER).toBe('jieba-rs');
    useSegmenter('jieba-rs');
    expect(cut('提振消费，施策精准')).toEqual(expect.arrayContaining(['提振', '施策']));
  });
});

describe('segment', () => {
  it('counts letters, digits and Chinese as words, not punctuation', () => {
    expect(['法治', '148', 'ABC', '，', '。', ' ', 'é', '①'].map(isWord)).toEqual([true, true, true, false, false, false, true, true]);
  });

  it('ranks keywords by TF-IDF, skipping stop words, single characters and numbers', () => {
    useSegmenter(DEFAULT_SEGMENTER);
    const frequencies = new Map([['的', 50], ['法治', 5], ['依法行政', 3], ['148', 9], ['局', 9], ['工作', 6]]);
    expect(keywords(frequencies, 2)).toEqual(['法治', '依法行政']);
    expect(keywords(frequencies, 1)).toEqual(['法治']);
    expect(keywords(frequencies, 0)).toEqual([]);
  });

  it('ranks many words as a full sort would, ties in code-unit order', () => {
    useSegmenter(DEFAULT_SEGMENTER);
    const words = ['法治', '政府', '建设', '依法行政', '行政复议', '执法', '公开', '信访', '案件', '培训', '宣传', '普法'];
    const frequencies = new Map(words.map((word, i) => [word, (i % 4) + 1]));
    const all = keywords(frequencies, words.length);
    expect(new Set(all)).toEqual(new Set(words));
    for (let n = 1; n <= words.length; n++) expect(keywords(frequencies, n)).toEqual(all.slice(0, n));
  });

  it('runs with every engine where CI builds them', () => {
    if (process.env.CI) expect(engines).toEqual([...SEGMENTERS]);
    expect(engines).toContain('jieba-rs');
  });
});

describe('tagging by cut, each word’s part of speech remembered', () => {
  const require = createRequire(import.meta.url);
  const {Jieba} = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  jieba.loadDict(Buffer.from('占比 3 n\n疏导点 3 n'));

  it('gives what jieba-rs’s tag gives, on every line of the fixture reports and on pieces of them', () => {
    const tagByCut = taggerByCut((text) => jieba.cut(text, true), (text) => jieba.tag(text, true));
    const lines = fixtureLines();
    expect(lines.length).toBeGreaterThan(2000);
    let pieces = 0;
    for (const line of lines) {
      expect(tagByCut(line)).toEqual(jieba.tag(line, true));
      // The text before each figure, as the labels tag it.
      for (const match of line.matchAll(/\d/g)) {
        if (match.index < 2 || pieces++ % 3 !== 0) continue;
        const piece = line.slice(Math.max(0, match.index - 12), match.index);
        expect(tagByCut(piece)).toEqual(jieba.tag(piece, true));
      }
    }
    expect(pieces).toBeGreaterThan(10_000);
  });

  it('tags a text whole when one of its words is cut apart alone', () => {
    const calls: string[] = [];
    // A made-up engine: 占比 is one word in a text, but 占/比 alone.
    const cutText = (text: string): string[] => (text === '绿色电力占比' ? ['绿色', '电力', '占比'] : text === '占比' ? ['占', '比'] : [text]);
    const tagText = (text: string) => {
      calls.push(text);
      return cutText(text).map((word) => ({word, tag: text === '绿色电力占比' ? 'whole' : 'n'}));
    };
    const tagByCut = taggerByCut(cutText, tagText);
    expect(tagByCut('绿色电力占比').map((word) => word.tag)).toEqual(['whole', 'whole', 'whole']);
    expect(tagByCut('电力').map((word) => word.tag)).toEqual(['n']);
    // 电力 was asked once: its part of speech is remembered.
    expect(calls.filter((text) => text === '电力')).toEqual(['电力']);
  });
});

/** Every line of the UTF-8 text reports among the fixtures. */
function fixtureLines(): string[] {
  const root = path.resolve(fileURLToPath(import.meta.url), '../../../fixtures');
  const utf8 = new TextDecoder('utf-8', {fatal: true});
  const lines: string[] = [];
  for (const folder of ['seeds', 'gwr', 'gwr-local', 'synthetic', 'heldout']) {
    for (const name of readdirSync(path.join(root, folder)).filter((file) => file.endsWith('.txt')).sort()) {
      let text: string;
      try {
        text = utf8.decode(readFileSync(path.join(root, folder, name)));
      } catch {
        continue;
      }
      lines.push(...text.split('\n').map((line) => line.trim()).filter(Boolean));
    }
  }
  return lines;
}

describe('an IDF table shared with a worker thread', () => {
  it('ranks keywords in the thread that adopts it as in the thread that built it', async () => {
    useSegmenter(DEFAULT_SEGMENTER);
    const shared = shareIdfTable();
    expect(shared.memory).toBeInstanceOf(SharedArrayBuffer);
    // Known words of many weights, one the table lacks (the median weight), a stop word.
    const words = ['法治', '政府', '建设', '依法行政', '行政复议', '执法', '公开', '信访', '培训', '提振施策', '我们'];
    const frequencies = new Map(words.map((word, i) => [word, (i % 3) + 1]));
    const here = keywords(frequencies, 8);
    expect(here).toHaveLength(8);
    // A fresh copy of the module stands for a worker: it has built no table of its own.
    vi.resetModules();
    const worker = await import('../../src/stages/segment.js');
    const handed = structuredClone(shared);
    worker.adoptIdfTable(handed);
    expect(worker.keywords(frequencies, 8)).toEqual(here);
    // It used the table handed to it, not one built anew.
    expect(worker.shareIdfTable()).toBe(handed);
  });
});

afterAll(() => {
  useSegmenter(DEFAULT_SEGMENTER);
  // Every installed engine ran its cases (a skipped describe would leave one out).
  if (ran.size !== engines.length) throw new Error(`engines that ran: ${[...ran].join(', ')} of ${engines.join(', ')}`);
});
