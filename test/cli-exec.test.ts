// The case table through the spawned bin: what a user's shell runs, exit status included.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {cases, countsIn, golden, rowsFound, sanitize} from './cases.js';

const root = path.resolve(import.meta.dirname, '..');
const temp = mkdtempSync(path.join(tmpdir(), 'reports-exec-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

describe('bin/reports.js', () => {
  it.each(cases)('$name', (c) => {
    const out = path.join(temp, c.name.replace(/\W+/g, '-'));
    const run = spawnSync(process.execPath, ['bin/reports.js', ...c.args.map((a) => a.replace('{out}', out))], {
      cwd: root,
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1'},
    });
    expect({status: run.status, stderr: run.stderr}).toMatchObject({status: c.exitCode});
    if (c.golden) expect(sanitize(run.stdout)).toBe(golden(c.golden, sanitize(run.stdout)));
    if (c.rows) expect(rowsFound(run.stdout, c.rows)).toEqual([]);
    if (c.stdout) expect(run.stdout).toMatch(c.stdout);
    if (c.stderr) expect(run.stderr).toMatch(c.stderr);
    for (const [file, pattern] of Object.entries(c.files ?? {})) expect(readFileSync(path.join(out, file), 'utf8')).toMatch(pattern);
    for (const [file, counts] of Object.entries(c.counts ?? {})) expect(countsIn(readFileSync(path.join(out, file), 'utf8'), counts)).toEqual(counts.map(([, n]) => n));
  });
});
