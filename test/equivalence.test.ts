// One report in every form it arrives in gives the same indicators: UTF-8 with and without
// BOM, GB18030, UTF-16 LE, CRLF line ends, traditional script and HTML.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import OpenCC from 'opencc-js';
import {describe, expect, it} from 'vitest';
import {analyzeFile} from '../src/analyze.js';

const root = path.resolve(import.meta.dirname, '..');
const text = readFileSync(path.join(root, 'fixtures/seeds/003_5d2ab5fed4f2549d.txt'), 'utf8');
const toTraditional = OpenCC.Converter({from: 'cn', to: 'tw'});
const html = `<!DOCTYPE html>\n<html><head><title>报告</title><style>p {margin: 0}</style></head>\n<body>\n${text
  .split('\n')
  .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
  .join('\n')}\n<script>var views = "1234人";</script>\n</body></html>\n`;

const forms: [string, string, Uint8Array][] = [
  ['utf-8', 'r.txt', Buffer.from(text)],
  ['utf-8 with BOM', 'r.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ['GB18030', 'r.txt', iconv.encode(text, 'gb18030')],
  ['UTF-16 LE', 'r.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
  ['CRLF', 'r.txt', Buffer.from(text.replace(/\n/g, '\r\n'))],
  ['traditional script', 'r.txt', Buffer.from(toTraditional(text))],
];

/** The indicators of one form of the report. */
function indicators(file: string, bytes: Uint8Array, fields: (i: ReturnType<typeof analyzeFile>['indicators'][number]) => unknown[]): unknown[] {
  return analyzeFile({file, bytes}, {words: false, keywords: 0}).indicators.map(fields);
}

describe('the same report in every form', () => {
  const reference = indicators('r.txt', forms[0]![2], (i) => [i.line, i.value, i.unit, i.section]);

  it('has indicators to compare', () => {
    expect(reference).toHaveLength(51);
    expect(reference[0]).toEqual([8, 53460000, '元', '成效']);
  });

  it.each(forms.slice(1))('%s gives the same line, value, unit and section', (_name, file, bytes) => {
    expect(indicators(file, bytes, (i) => [i.line, i.value, i.unit, i.section])).toEqual(reference);
  });

  it('HTML gives the same values and units', () => {
    const values = (file: string, bytes: Uint8Array): unknown[] => indicators(file, bytes, (i) => [i.value, i.unit]);
    expect(values('r.html', Buffer.from(html))).toEqual(values('r.txt', forms[0]![2]));
  });
});
