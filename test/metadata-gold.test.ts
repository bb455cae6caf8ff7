// Metadata against the hand-labelled gold: each known report and each opening to tune on,
// field by field; the test set only in aggregate (year ≥ 0.97, org ≥ 0.90, every org a
// name), so that no file's error is ever shown for it. Org is compared as in
// scripts/eval.js: trimmed, a place alone equal to its government.
import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {analyzeFile} from '../src/analyze.js';
import {isName, readBody} from '../src/stages/org.js';

const gold = new URL('../fixtures/gold/metadata/', import.meta.url);

interface Gold {file: string; org: string; year: number; kind: string; level: string}

/** The labelled openings of one folder, with their reports' bytes. */
function folder(name: string): Array<Gold & {bytes: Buffer}> {
  const dir = new URL(`${name}/`, gold);
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => {
    const g = JSON.parse(readFileSync(new URL(n, dir), 'utf8')) as Gold;
    return {...g, bytes: readFileSync(new URL(g.file, dir))};
  });
}

/** Reads an org as its body's full name, so 东凤镇 and 东凤镇人民政府 compare equal. */
function canonical(org: string): string {
  const name = org.replace(/\s+/g, '');
  return name === '' ? '' : readBody(name)?.org ?? name;
}

/** The year, org, kind and level found for a report. */
function found(file: string, bytes: Buffer) {
  const {report} = analyzeFile({file, bytes}, {words: false, keywords: 0, labels: false});
  return {year: report.year, org: report.org, kind: report.kind, level: report.level};
}

describe('metadata of the openings to tune on', () => {
  it.each(folder('tune').map((g) => [g.file, g] as const))('%s', (_, g) => {
    const r = found(g.file, g.bytes);
    expect([r.year, canonical(r.org), r.kind, r.level]).toEqual([g.year, canonical(g.org), g.kind, g.level]);
  });
});

describe('metadata of the known reports', () => {
  const rows = readFileSync(new URL('seeds.tsv', gold), 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((row) => row.split('\t'));
  it.each(rows)('%s', (file, _title, org, year, kind, level) => {
    const r = found(file!, readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url)));
    expect([r.year, canonical(r.org), r.kind, r.level]).toEqual([Number(year), canonical(org!), kind, level]);
  });
});

describe('metadata of the test set, in aggregate only', () => {
  it('year ≥ 0.97, org ≥ 0.90, and every org a name', () => {
    const set = folder('test');
    let year = 0;
    let org = 0;
    let notNames = 0;
    for (const g of set) {
      const r = found(g.file, g.bytes);
      if (r.year === g.year) year++;
      if (canonical(r.org) === canonical(g.org)) org++;
      if (r.org !== '' && !isName(r.org)) notNames++;
    }
    expect(set.length).toBeGreaterThanOrEqual(14);
    expect({year: year / set.length >= 0.97, org: org / set.length >= 0.9, notNames}).toEqual({year: true, org: true, notNames: 0});
  });
});
