// Folding, pinyin removal and script conversion never change the number of lines.
import {describe, expect, it} from 'vitest';
import {detectScript, foldLine, normalize} from '../../src/stages/normalize.js';
import {htmlLines, splitLines} from '../../src/stages/extract.js';
import {createRequire} from 'node:module';
import {scriptChars, scriptCharsFromOpenCC, simplifiedConverter} from '../../src/stages/script-chars.js';

describe('foldLine', () => {
  it('folds full-width digits, letters, brackets, % and the comma inside numbers', () => {
    expect(foldLine('（一）共１，２３４件，占９８．５％，ＡＢＣ')).toBe('(一)共1,234件，占98.5%，ABC');
  });
  it('keeps Chinese punctuation', () => {
    expect(foldLine('一、成效：好；“是”。')).toBe('一、成效：好；“是”。');
  });
  it('removes the pinyin portals insert after characters', () => {
    expect(foldLine('法治建設(shè)和統(tǒng)籌')).toBe('法治建設和統籌');
  });
});

describe('detectScript and normalize', () => {
  it('converts traditional text to simplified, line for line', () => {
    const result = normalize(['重慶市長壽區民政局', '', '關於推進法治政府建設']);
    expect(result.script).toBe('traditional');
    expect(result.lines).toEqual(['重庆市长寿区民政局', '', '关于推进法治政府建设']);
  });
  it('leaves simplified text as it is', () => {
    expect(normalize(['连平县民政局工作报告']).script).toBe('simplified');
  });
  it('calls a text with both scripts in quantity mixed', () => {
    expect(detectScript(['重慶市長壽區民政局推進法治', '连平县民政局推进法治建设工作报告'])).toBe('mixed');
  });
  it('has no script for text without Chinese', () => {
    expect(detectScript(['hello 123'])).toBe('');
  });
});

describe('lines', () => {
  it('ends a line at CRLF, LF and CR, without an extra line for a final break', () => {
    expect(splitLines('a\r\nb\rc\nd\n').text).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('').text).toEqual([]);
  });
  it('takes the visible text of HTML and keeps source line numbers', () => {
    const lines = htmlLines('<html><head><title>t</title><style>p{}</style></head>\n<body>\n<p>第一段 &amp; 更多</p><p>第二段</p>\n<script>var x="隐藏";</script>\n<div>第三段</div></body></html>');
    expect(lines.text).toEqual(['第一段 & 更多', '第二段', '第三段']);
    expect(lines.source).toEqual([3, 3, 5]);
    expect(lines.sourceLineCount).toBe(5);
  });
});

describe('data/script-chars.txt', () => {
  it('matches what the installed opencc-js says (regenerate with scripts/gen-script-chars.js)', () => {
    expect(scriptChars()).toEqual(scriptCharsFromOpenCC());
  });
});

describe('the converter to simplified', () => {
  const opencc = (createRequire(import.meta.url)('opencc-js/t2cn') as {Converter(o: {from: string; to: string}): (text: string) => string}).Converter({from: 'tw', to: 'cn'});
  const convert = simplifiedConverter();

  it('converts every character from U+3000 to U+9FFF as OpenCC does', () => {
    const all: string[] = [];
    for (let code = 0x3000; code <= 0x9fff; code++) all.push(String.fromCharCode(code));
    const text = all.join('');
    expect(convert(text)).toBe(opencc(text));
    expect(convert(text)).not.toBe(text);
  });

  it('takes the longest word of each pass, as OpenCC does, and leaves a simplified text alone', () => {
    // Phrases (著作權, 乾燥), variants (綫, 裏) and characters at the start and the end of a text.
    for (const text of ['著作權人於乾燥天氣裏沿綫巡查，資料庫軟體', '這', '發展與改革委員會關於2023年計劃執行情況的報告', '政府工作报告']) {
      expect(convert(text)).toBe(opencc(text));
    }
    expect(convert('乾燥')).toBe('干燥');
    expect(convert('政府工作报告')).toBe('政府工作报告');
  });

  it('hands a text with a character beyond U+FFFF or an ideographic description sequence to OpenCC', () => {
    for (const text of ['𠮷野家的發展', '⿰木目與發展', '發展⿱艹⿰日月']) expect(convert(text)).toBe(opencc(text));
  });
});
