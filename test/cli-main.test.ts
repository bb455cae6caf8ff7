// The case table through main(), in-process: the same code path as the bin, minus the process.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {main} from '../src/cli.js';
import {cases, countsIn, golden, rowsFound, sanitize} from './cases.js';

const root = path.resolve(import.meta.dirname, '..');
const temp = mkdtempSync(path.join(tmpdir(), 'reports-main-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

describe('main()', () => {
  it.each(cases)('$name', async (c) => {
    const out = path.join(temp, c.name.replace(/\W+/g, '-'));
    let stdout = '';
    let stderr = '';
    const exitCode = await main({
      argv: c.args.map((a) => a.replace('{out}', out)),
      cwd: root,
      stdout: {write: (t: string) => (stdout += t)},
      stderr: {write: (t: string) => (stderr += t)},
      env: {},
    });
    expect({exitCode, stderr}).toMatchObject({exitCode: c.exitCode});
    if (c.golden) expect(sanitize(stdout)).toBe(golden(c.golden, sanitize(stdout)));
    if (c.rows) expect(rowsFound(stdout, c.rows)).toEqual([]);
    if (c.stdout) expect(stdout).toMatch(c.stdout);
    if (c.stderr) expect(stderr).toMatch(c.stderr);
    for (const [file, pattern] of Object.entries(c.files ?? {})) expect(readFileSync(path.join(out, file), 'utf8')).toMatch(pattern);
    for (const [file, counts] of Object.entries(c.counts ?? {})) expect(countsIn(readFileSync(path.join(out, file), 'utf8'), counts)).toEqual(counts.map(([, n]) => n));
  });
});
