// Raw-byte fixtures (fixtures/encodings, made once from the same short report): every
// encoding is detected, not assumed, and decodes to the same text.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {decode} from '../../src/stages/decode.js';

const bytes = (name: string): Uint8Array => readFileSync(new URL(`../../fixtures/encodings/${name}`, import.meta.url));
const expected = readFileSync(new URL('../../fixtures/encodings/utf8-bom.txt', import.meta.url), 'utf8').replace(/^\ufeff/, '');

describe('decode', () => {
  it.each([
    ['utf8-bom.txt', 'utf-8-bom'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['gbk.txt', 'gb18030'],
    ['gb18030.txt', 'gb18030'],
  ])('detects %s as %s', (name, encoding) => {
    const decoded = decode(bytes(name));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(expected);
    expect(decoded.replaced).toBe(0);
  });

  it('detects Big5 without a marker', () => {
    const decoded = decode(bytes('big5.txt'));
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text.split('\n')[0]).toBe('長壽區民政局2021年度法治政府建設年度報告');
  });

  it('keeps a mostly-UTF-8 file as UTF-8, replacing the stray bytes', () => {
    const decoded = decode(bytes('utf8-stray-bytes.txt'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.replaced).toBe(2);
    expect(decoded.text).toContain('\uFFFD\uFFFD法治宣传');
    expect(decoded.text).toContain('约5346万元');
  });

  it('refuses binary files', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]);
    const decoded = decode(png);
    expect(decoded.failure).toEqual({zh: '不是文本文件：含有 NUL 字节，二进制文件才会这样', en: 'not a text file: it contains NUL bytes, as binary files do'});
    expect(decoded.text).toBe('');
  });

  it('decodes an empty file to empty text', () => {
    expect(decode(new Uint8Array())).toEqual({text: '', encoding: 'utf-8', replaced: 0});
  });
});
