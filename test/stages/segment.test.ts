// jieba through our wrapper: numbers stay whole, words are counted, keywords ranked by TF-IDF.
import {describe, expect, it} from 'vitest';
import {cut, isWord, keywords, tag} from '../../src/stages/segment.js';

describe('segment', () => {
  it('keeps numbers whole, which jieba alone cuts into digits', () => {
    expect(cut('累计发放资金约5346万元，办结率达98.5%，共1,100件')).toEqual(
      expect.arrayContaining(['5346', '98.5%', '1,100']),
    );
    expect(cut('约5346万元')).not.toContain('5');
  });

  it('joins the report words jieba splits (占比) and tags them as nouns', () => {
    expect(tag('绿色电力占比').map((t) => t.word)).toEqual(['绿色', '电力', '占比']);
  });

  it('gives back the text it was given, word by word', () => {
    const text = '全年共受理信访案件148宗，同比下降3.2%。';
    expect(cut(text).join('')).toBe(text);
  });

  it('counts letters, digits and Chinese as words, not punctuation', () => {
    expect(['法治', '148', 'ABC', '，', '。', ' '].map(isWord)).toEqual([true, true, true, false, false, false]);
  });

  it('ranks keywords by TF-IDF, skipping stop words, single characters and numbers', () => {
    const frequencies = new Map([['的', 50], ['法治', 5], ['依法行政', 3], ['148', 9], ['局', 9], ['工作', 6]]);
    expect(keywords(frequencies, 2)).toEqual(['法治', '依法行政']);
    expect(keywords(frequencies, 0)).toEqual([]);
  });
});
