// Raw-byte fixtures (fixtures/encodings, made once from the same short report): every
// encoding is detected, not assumed, and decodes to the same text.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {decode, mostlyUtf8Stats} from '../../src/stages/decode.js';

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

describe('telling a mostly-UTF-8 file', () => {
  /** The whole count, without stopping early. */
  const counted = (data: Uint8Array) => mostlyUtf8Stats(data, false);

  it('stops early only when the rest of the bytes could not make it so', () => {
    // UTF-8 Chinese with stray bytes, GB18030-like pairs, and the two mixed at random.
    const utf8 = fc.constantFrom(...[...Buffer.from('法治政府建设年度报告，办结案件12件。')].map((byte) => [byte]));
    const gb = fc.tuple(fc.integer({min: 0x81, max: 0xfe}), fc.integer({min: 0x40, max: 0xfe}));
    const stray = fc.integer({min: 0x80, max: 0xff}).map((byte) => [byte]);
    const piece = fc.oneof({arbitrary: utf8, weight: 20}, {arbitrary: gb, weight: 2}, {arbitrary: stray, weight: 1});
    fc.assert(fc.property(fc.array(piece, {maxLength: 400}), (pieces) => {
      const data = Uint8Array.from(pieces.flat());
      expect(mostlyUtf8Stats(data)).toEqual(counted(data));
    }), {numRuns: 2000});
  });

  it('decides as the whole count does when the share is near the line', () => {
    // Stray bytes first, then two-byte sequences (é): the early test's best case is exact here.
    fc.assert(fc.property(fc.integer({min: 1, max: 40}), fc.integer({min: 0, max: 400}), fc.boolean(), (strays, pairs, strayFirst) => {
      const stray = Array<number>(strays).fill(0xff);
      const valid = Array.from({length: pairs}, () => [0xc3, 0xa9]).flat();
      const data = Uint8Array.from(strayFirst ? [...stray, ...valid] : [...valid, ...stray]);
      expect(mostlyUtf8Stats(data)).toEqual(counted(data));
    }), {numRuns: 3000});
  });
});
