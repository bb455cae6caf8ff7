// The read edge failing as a real disk does (no permission, a link loop), injected into
// node:fs, so the test runs as root too (CI does). Each file keeps its row with the
// cause in the run's language, the other files are analysed, and the run exits 0.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse} from 'csv-parse/sync';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {main} from '../src/cli.js';
import {readSource} from '../src/stages/read.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => Object.assign(new Error(`${code}: injected`), {code});
  const openSync = (file: string, ...rest: unknown[]): number => {
    if (String(file).endsWith('secret.txt')) throw fail('EACCES');
    if (String(file).endsWith('circular.txt')) throw fail('ELOOP');
    if (String(file).endsWith('odd.txt')) throw fail('EIO');
    return (actual.openSync as (...a: unknown[]) => number)(file, ...rest);
  };
  return {...actual, default: {...actual, openSync}, openSync};
});

const temp = mkdtempSync(path.join(tmpdir(), 'reports-read-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));
mkdirSync(path.join(temp, 'in'));
for (const name of ['secret.txt', 'circular.txt', 'good.txt']) writeFileSync(path.join(temp, 'in', name), '一、工作成效\n办结案件12件。');

/** Runs `reports analyze` in-process and returns the status and the reports table by file. */
async function analyze(...extra: string[]): Promise<{code: number; err: string; rows: Record<string, string>}> {
  let err = '';
  const out = path.join(temp, `out-${extra.join('')}`);
  const code = await main({argv: ['analyze', 'in', '-o', out, ...extra], cwd: temp, stdout: {write: () => true}, stderr: {write: (t: string) => (err += t)}, env: {}});
  const table: Record<string, string>[] = parse(readFileSync(path.join(out, 'reports.csv')), {columns: true});
  return {code, err, rows: Object.fromEntries(table.map((row) => [row.file, `${row.status} ${row.error}`.trim()]))};
}

describe('a file the system refuses to read', () => {
  it('keeps its row with the cause, in Chinese by default', async () => {
    const {code, err, rows} = await analyze();
    expect(code).toBe(0);
    expect(rows).toEqual({
      'in/circular.txt': 'error 无法读取：符号链接太多（链接循环）',
      'in/good.txt': 'ok',
      'in/secret.txt': 'error 无法读取：没有权限（permission denied）',
    });
    expect(err).toMatch(/^reports: in\/secret\.txt 错误 无法读取：没有权限（permission denied）  read-failed$/m);
  });

  it('and in English with --lang en', async () => {
    const {rows} = await analyze('--lang', 'en');
    expect(rows['in/secret.txt']).toBe('error cannot read it: permission denied');
    expect(rows['in/circular.txt']).toBe('error cannot read it: too many symbolic links (a link loop)');
  });

  it('keeps the system’s words for a cause it has no name for', async () => {
    expect(await readSource(path.join(temp, 'in', 'odd.txt'), 1e6)).toEqual({failure: {zh: '无法读取：EIO: injected', en: 'cannot read it: EIO: injected'}, ruleId: 'read-failed'});
  });
});

describe('a named pipe among the files', () => {
  // Opening one for reading waited for a writer for ever, and no signal was heard meanwhile:
  // the built command runs in a child with a time limit, so a hang fails the test.
  it.skipIf(process.platform === 'win32')('is refused as no regular file, and the run goes on', () => {
    const dir = path.join(temp, 'pipe');
    mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, 'a.txt')]);
    writeFileSync(path.join(dir, 'b.txt'), '一、工作成效\n办结案件12件。');
    const bin = fileURLToPath(new URL('../bin/reports.js', import.meta.url));
    const run = spawnSync(process.execPath, [bin, 'analyze', 'pipe', '-o', 'out-pipe'], {cwd: temp, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL'});
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/pipe\/a\.txt 错误 无法读取：这不是普通文件/);
    expect(readFileSync(path.join(temp, 'out-pipe', 'reports.csv'), 'utf8')).toMatch(/pipe\/b\.txt,.*,ok,/);
  });
});
