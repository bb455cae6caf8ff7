// Bad and odd inputs beside good ones, built at run time from bytes the test writes: every
// file gets exactly one row saying what became of it, and the good files' indicators are
// the same as in a run without the bad ones.
import {spawn} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {analyzeFile} from '../src/analyze.js';
import {main} from '../src/cli.js';
import {runPipeline} from '../src/pipeline.js';
import {resolveConfig} from '../src/config.js';
import {discover} from '../src/stages/discover.js';

const root = path.resolve(import.meta.dirname, '..');
const temp = mkdtempSync(path.join(tmpdir(), 'reports-bad-'));
const corpus = path.join(temp, 'corpus');
const goodOnly = path.join(temp, 'good-only');
afterAll(() => rmSync(temp, {recursive: true, force: true}));

const seed = (name: string): string => path.join(root, 'fixtures/seeds', name);
const GOOD = {'a-good.txt': '000_c35e7c647163d1aa.txt', '名字 with space "q", 逗号.txt': '003_5d2ab5fed4f2549d.txt'};

beforeAll(() => {
  mkdirSync(path.join(corpus, 'nested/deeper'), {recursive: true});
  mkdirSync(goodOnly);
  for (const [name, source] of Object.entries(GOOD)) {
    copyFileSync(seed(source), path.join(corpus, name));
    copyFileSync(seed(source), path.join(goodOnly, name));
  }
  writeFileSync(path.join(corpus, 'empty.txt'), '');
  writeFileSync(path.join(corpus, 'blank.md'), '\n \n\t\n');
  // A PNG saved as .txt: its header has NUL bytes.
  writeFileSync(path.join(corpus, 'image.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex'));
  // A truncated download: UTF-8 with two stray bytes in the middle.
  const text = readFileSync(seed('002_1da8540b38c41ad1.txt'));
  const at = text.indexOf(Buffer.from('一、工作回顾'));
  writeFileSync(path.join(corpus, 'nested/stray.txt'), Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe]), text.subarray(at)]));
  // One line of 3 MB with no line break.
  writeFileSync(path.join(corpus, 'nested/deeper/one-line.htm'), `<p>${'共受理信访案件148宗，办结率达100%。'.repeat(130_000)}</p>`);
  symlinkSync('nowhere.txt', path.join(corpus, 'dangling.txt'));
  symlinkSync('loop-b.txt', path.join(corpus, 'loop-a.txt'));
  symlinkSync('loop-a.txt', path.join(corpus, 'loop-b.txt'));
  symlinkSync('..', path.join(corpus, 'nested/parent-loop'));
  writeFileSync(path.join(corpus, 'ignored.xlsx'), 'not a report extension');
});

/** Runs the CLI in-process. */
async function run(...argv: string[]): Promise<{code: number; out: string; err: string}> {
  let out = '';
  let err = '';
  const code = await main({argv, cwd: temp, stdout: {write: (t: string) => (out += t)}, stderr: {write: (t: string) => (err += t)}, env: {}});
  return {code, out, err};
}

describe('a folder of bad and odd inputs', () => {
  it('gives every file exactly one row with its status and reason', async () => {
    const {code, err} = await run('analyze', 'corpus', '-o', 'out', '--lang', 'en');
    expect(code).toBe(0);
    const rows: Record<string, string>[] = parse(readFileSync(path.join(temp, 'out/reports.csv')), {columns: true});
    const status = Object.fromEntries(rows.map((row) => [row.file, `${row.status} ${row.error}`.trim()]));
    expect(status).toEqual({
      'corpus/a-good.txt': 'ok',
      'corpus/blank.md': 'empty',
      'corpus/dangling.txt': 'error cannot read it: it is a symbolic link to nothing (a broken link)',
      'corpus/empty.txt': 'empty',
      'corpus/image.txt': 'error not a text file: it contains NUL bytes, as binary files do',
      'corpus/loop-a.txt': 'error cannot read it: too many symbolic links (a link loop)',
      'corpus/loop-b.txt': 'error cannot read it: too many symbolic links (a link loop)',
      'corpus/nested/deeper/one-line.htm': 'ok',
      'corpus/nested/stray.txt': 'ok',
      'corpus/名字 with space "q", 逗号.txt': 'ok',
    });
    expect(rows.map((row) => row.file)).toEqual([...rows.map((row) => row.file)].sort());
    expect(err).toMatch(/^reports: corpus\/nested\/stray\.txt warning 2 bytes are not valid utf-8 and were replaced with U\+FFFD/m);
    expect(err.split('\n').filter(Boolean).every((line) => line.startsWith('reports: '))).toBe(true);
    expect(err).not.toMatch(/\n\s+at /);
    const oneLine = rows.find((row) => row.file.endsWith('one-line.htm'))!;
    expect(Number(oneLine.indicators)).toBe(260_000);
  });

  it('keeps the good files’ indicators exactly as a run without the bad files', async () => {
    await run('analyze', 'good-only', '-o', 'out-good');
    const indicators = (dir: string): string[] =>
      (parse(readFileSync(path.join(temp, dir, 'indicators.csv')), {columns: true}) as Record<string, string>[])
        .filter((row) => !row.file.includes('stray') && !row.file.includes('one-line'))
        .map((row) => JSON.stringify({...row, file: path.basename(row.file)}));
    expect(indicators('out')).toEqual(indicators('out-good'));
    // Seed 000 has 24 indicators, seed 003 has 51.
    expect(indicators('out')).toHaveLength(24 + 51);
  });

  it('keeps the indicators of a file with stray bytes', async () => {
    const rows: Record<string, string>[] = parse(readFileSync(path.join(temp, 'out/indicators.csv')), {columns: true});
    const stray = rows.filter((row) => row.file.endsWith('stray.txt'));
    expect(stray.find((row) => row.raw === '近300人次')).toMatchObject({value: '300', unit: '人次', qualifier: '<'});
    // The two stray bytes stand before a heading: every indicator of the clean report stays, on its line.
    const clean = analyzeFile({file: 'x', bytes: readFileSync(seed('002_1da8540b38c41ad1.txt'))}, {words: false, keywords: 0}).indicators;
    expect(stray.map((row) => `${row.line} ${row.raw} ${row.value}`)).toEqual(clean.map((i) => `${i.line} ${i.raw} ${i.value}`));
    expect(stray).toHaveLength(59);
  });

  it('reports a file that vanishes between discovery and reading', async () => {
    const dir = path.join(temp, 'vanishing');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'here.txt'), '一、工作成效\n办结案件12件。');
    writeFileSync(path.join(dir, 'gone.txt'), '一、工作成效\n办结案件12件。');
    const files = await discover([dir], temp);
    rmSync(path.join(dir, 'gone.txt'));
    const results: string[] = [];
    await runPipeline(files, resolveConfig({jobs: '1'}, temp), {words: false}, (result) => {
      results.push(`${result.report.file} ${result.report.status} ${result.report.error}`.trim());
    });
    expect(results).toEqual(['vanishing/gone.txt error 无法读取：文件已不存在（找到后被删除）', 'vanishing/here.txt ok']);
  });

  it('says in Chinese, by default, why a file has no figures', async () => {
    const {code, err} = await run('analyze', 'corpus', '-o', 'out-zh');
    expect(code).toBe(0);
    const rows: Record<string, string>[] = parse(readFileSync(path.join(temp, 'out-zh/reports.csv')), {columns: true});
    const status = Object.fromEntries(rows.filter((row) => row.status === 'error').map((row) => [row.file, row.error]));
    expect(status).toEqual({
      'corpus/dangling.txt': '无法读取：这是指向不存在文件的符号链接（断开的链接）',
      'corpus/image.txt': '不是文本文件：含有 NUL 字节，二进制文件才会这样',
      'corpus/loop-a.txt': '无法读取：符号链接太多（链接循环）',
      'corpus/loop-b.txt': '无法读取：符号链接太多（链接循环）',
    });
    expect(err).toMatch(/^reports: corpus\/image\.txt 错误 不是文本文件：含有 NUL 字节，二进制文件才会这样  binary-file$/m);
    expect(err).not.toMatch(/[a-z]{4,} [a-z]{4,}/i);
  });

  it('refuses a folder with no report files, and a path that does not exist (exit 2)', async () => {
    const dir = path.join(temp, 'no-reports');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.xlsx'), 'PK');
    expect(await run('metrics', 'no-reports', '--lang', 'en')).toEqual({code: 2, out: '',
      err: 'reports: no report files found in no-reports (looked for *.txt, *.md, *.html, *.htm, *.docx, *.doc, *.pdf); give the folder the reports are in\n'});
    expect(await run('metrics', 'missing-folder', '--lang', 'en')).toEqual({code: 2, out: '', err: 'reports: missing-folder: no such file or folder; check the path\n'});
    expect(await run('metrics', 'corpus/loop-a.txt', '--lang', 'en')).toEqual({code: 2, out: '', err: 'reports: corpus/loop-a.txt: too many symbolic links (a link loop); check the path\n'});
  });

  it('stops with one line (exit 2) when the output folder cannot be written', async () => {
    const {code, err} = await run('analyze', 'good-only', '-o', 'good-only/a-good.txt/out');
    expect(code).toBe(2);
    expect(err).toMatch(/^reports: 无法写入 .*good-only\/a-good\.txt\/out：路径中有一部分是文件而不是文件夹；请换一个输出位置\n$/);
  });
});

describe('an interrupted run', () => {
  it('leaves no half-written table behind (Ctrl-C)', async () => {
    const big = path.join(temp, 'big');
    mkdirSync(big);
    for (let i = 0; i < 300; i++) copyFileSync(path.join(root, 'fixtures/gwr/广东省.txt'), path.join(big, `r${i}.txt`));
    const out = path.join(temp, 'out-interrupted');
    const child = spawn(process.execPath, [path.join(root, 'bin/reports.js'), 'analyze', big, '-o', out, '--jobs', '1'], {stdio: 'ignore'});
    // Interrupt once the run is under way: its temporary files exist.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const names = (() => { try { return readdirSync(out); } catch { return []; } })();
        if (names.some((name) => name.endsWith('.tmp'))) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        } else if (Date.now() - started > 30_000) {
          clearInterval(poll);
          reject(new Error('the run never started writing'));
        }
      }, 20);
    });
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(exitCode).toBe(130);
    expect(readdirSync(out)).toEqual([]);
  });
});
