// Every `reports` command the README shows (quick start, examples, CI) runs as written,
// through the spawned bin, in a scratch folder where `fixtures` is the repo's and `reports/`
// is a folder of sample reports. Each must run (exit 0, or 1 for a check that finds the
// incomplete sample) and write what it says it writes.
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const temp = mkdtempSync(path.join(tmpdir(), 'reports-readme-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));
symlinkSync(path.join(root, 'fixtures'), path.join(temp, 'fixtures'));
cpSync(path.join(root, 'fixtures/seeds'), path.join(temp, 'reports'), {recursive: true});

/** The `reports …` commands in the README's sh and yaml code blocks and inline code. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const commands = new Set<string>();
  for (const [, block] of readme.matchAll(/```(?:sh|yaml)\n([\s\S]*?)```/g)) {
    for (const line of block!.split('\n')) {
      for (const part of line.replace(/\s+#.*$/, '').split('&&')) {
        const command = /(?:^|run: )\s*npx (reports .+)$/.exec(part.trim())?.[1];
        if (command) commands.add(command.trim());
      }
    }
  }
  for (const [, code] of readme.matchAll(/`npx (reports [^`]+)`/g)) commands.add(code!);
  return [...commands];
}

describe('the README’s commands', () => {
  const commands = readmeCommands();

  it('are found', () => {
    expect(commands).toContain('reports analyze fixtures/seeds');
    expect(commands.length).toBeGreaterThanOrEqual(8);
  });

  it.each(commands)('%s', (command) => {
    const [, args, redirect] = /^reports (.+?)(?:\s*>\s*(\S+))?$/.exec(command)!;
    const run = spawnSync(process.execPath, [path.join(root, 'bin/reports.js'), ...args!.split(/\s+/)], {cwd: temp, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
    const expected = / check /.test(` ${args} `) && /fixtures\/seeds|reports\//.test(args!) ? 1 : 0;
    expect({status: run.status, stderr: run.stderr}).toMatchObject({status: expected});
    expect(run.stderr.split('\n').filter(Boolean).every((line) => line.startsWith('reports: '))).toBe(true);
    if (redirect) {
      writeFileSync(path.join(temp, redirect), run.stdout);
      expect(run.stdout).toMatch(/^\ufefffile,year,org,section,line,/);
    }
    const out = /(?:-o|--output) (\S+)/.exec(args!)?.[1];
    if (out && args!.startsWith('check')) expect(statSync(path.join(temp, out)).size).toBeGreaterThan(0);
    else if (out && args!.startsWith('report')) expect(readFileSync(path.join(temp, out), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<svg /);
    else if (out || args!.startsWith('analyze')) {
      for (const table of ['reports', 'sections', 'indicators']) expect(statSync(path.join(temp, out ?? 'reports-out', `${table}.csv`)).size).toBeGreaterThan(0);
    }
    if (!redirect && !out && !args!.startsWith('analyze')) expect(run.stdout.length).toBeGreaterThan(0);
  });
});
