// The report page runs one pass per file for everything it shows: words and keywords, the
// metrics, the 问题 excerpts and the completeness findings. That pass must give each table
// exactly what its own command's pass gives, and the findings `reports check` gives.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {analyzeSource} from '../src/analyze-source.js';
import {RULE_DEFAULTS, type CheckSettings} from '../src/check/settings.js';

const root = path.resolve(import.meta.dirname, '..');
const settings = structuredClone(RULE_DEFAULTS) as CheckSettings;
const folders = ['seeds', 'gwr', 'gwr-local', 'encodings', 'sections-test', 'formats/samples'];
const files = folders.flatMap((folder) => readdirSync(path.join(root, 'fixtures', folder)).filter((name) => /\.(txt|html|docx|pdf)$/.test(name)).map((name) => `fixtures/${folder}/${name}`));

describe('one pass for the report page', () => {
  it.each(files)('%s: the tables of analyze, the figures of compare, the findings of check', async (file) => {
    const bytes = readFileSync(path.join(root, file));
    const together = await analyzeSource({file, bytes}, {words: true, keywords: 10, check: {settings, lang: 'zh'}, excerpts: 120});
    const analyze = await analyzeSource({file, bytes}, {words: true, keywords: 10});
    const compare = await analyzeSource({file, bytes}, {words: false, keywords: 10});
    const check = await analyzeSource({file, bytes}, {words: false, keywords: 10, labels: false, check: {settings, lang: 'zh'}});
    expect(together.report).toEqual(analyze.report);
    expect(together.sections).toEqual(analyze.sections);
    expect(together.indicators).toEqual(analyze.indicators);
    expect(together.indicators.map((i) => i.metric)).toEqual(compare.indicators.map((i) => i.metric));
    expect(together.messages).toEqual(check.messages);
    // The excerpts stand one for each 问题 part, each inside a 问题 row of the sections table.
    const problems = together.sections.filter((row) => row.section === '问题');
    for (const excerpt of together.excerpts ?? []) {
      expect(problems.some((row) => row.line_start <= excerpt.line && excerpt.line <= row.line_end)).toBe(true);
      expect([...excerpt.text].length).toBeLessThanOrEqual(121);
    }
    expect((together.excerpts ?? []).length > 0).toBe(problems.length > 0);
  });
});
