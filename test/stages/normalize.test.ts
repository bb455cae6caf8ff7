// Folding, pinyin removal and script conversion never change the number of lines.
import {describe, expect, it} from 'vitest';
import {detectScript, foldLine, normalize} from '../../src/stages/normalize.js';
import {htmlLines, splitLines} from '../../src/stages/extract.js';
import {scriptChars, scriptCharsFromOpenCC} from '../../src/stages/script-chars.js';

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
