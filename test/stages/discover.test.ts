// Finding report files under PATHs: which files, in which order, named how; and what
// happens to a folder that cannot be listed (the file system's failure is injected).
import {mkdirSync, mkdtempSync, readdir, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runPipeline} from '../../src/pipeline.js';
import {resolveConfig} from '../../src/config.js';
import {discover, UsageError, type DiscoverFs} from '../../src/stages/discover.js';

const temp = mkdtempSync(path.join(tmpdir(), 'reports-discover-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

beforeAll(() => {
  for (const dir of ['tree/b', 'tree/a/deep', 'tree/.hidden', 'tree/node_modules/x', 'tree/locked']) mkdirSync(path.join(temp, dir), {recursive: true});
  for (const file of ['tree/z.txt', 'tree/b/r.HTML', 'tree/a/deep/x.md', 'tree/a/y.htm', 'tree/.hidden/h.txt', 'tree/node_modules/x/n.txt', 'tree/a/skip.xlsx', 'tree/locked/l.txt', 'single.txt']) {
    writeFileSync(path.join(temp, file), '一、工作成效');
  }
  symlinkSync('../b', path.join(temp, 'tree/a/link-to-b'));
});

describe('discover', () => {
  it('finds report files recursively, sorted by path, skipping hidden folders, node_modules and other extensions', async () => {
    const found = await discover(['tree'], temp);
    expect(found.map((f) => f.file)).toEqual(['tree/a/deep/x.md', 'tree/a/y.htm', 'tree/b/r.HTML', 'tree/locked/l.txt', 'tree/z.txt']);
    expect(found[0]!.absolute).toBe(path.join(temp, 'tree/a/deep/x.md'));
    expect(found.every((f) => f.failure === undefined)).toBe(true);
  });

  it('lists a file given twice, or inside a folder also given, once', async () => {
    const found = await discover(['tree/z.txt', 'tree', 'single.txt', './tree/z.txt'], temp);
    expect(found.map((f) => f.file)).toEqual(['single.txt', 'tree/a/deep/x.md', 'tree/a/y.htm', 'tree/b/r.HTML', 'tree/locked/l.txt', 'tree/z.txt']);
  });

  it('takes a file given by name whatever its extension', async () => {
    expect((await discover(['tree/a/skip.xlsx'], temp)).map((f) => f.file)).toEqual(['tree/a/skip.xlsx']);
  });

  it('refuses a PATH that does not exist, in both languages', async () => {
    const error = await discover(['nope'], temp).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).text).toEqual({zh: 'nope：没有这个文件或文件夹；请检查路径', en: 'nope: no such file or folder; check the path'});
  });

  it('says a PATH it may not look at is a permission problem, not a missing file', async () => {
    const denied: DiscoverFs = {
      stat: (async () => { throw Object.assign(new Error('EACCES: permission denied'), {code: 'EACCES'}); }) as unknown as typeof stat,
      readdir,
    };
    const error = (await discover(['tree'], temp, undefined, denied).catch((e: unknown) => e)) as UsageError;
    expect(error.text.en).toBe('tree: permission denied; check the path');
  });

  it('gives an unreadable subfolder a row saying why, and keeps the rest', async () => {
    const failing: DiscoverFs = {
      stat,
      readdir: ((folder: string, options: unknown, callback: (error: Error | null, entries?: unknown[]) => void) => {
        if (folder.endsWith('locked')) callback(Object.assign(new Error('EACCES: permission denied, scandir'), {code: 'EACCES'}));
        else (readdir as (f: string, o: unknown, c: typeof callback) => void)(folder, options, callback);
      }) as unknown as typeof readdir,
    };
    const found = await discover(['tree'], temp, undefined, failing);
    expect(found.map((f) => [f.file, f.failure?.reason.en ?? ''])).toEqual([
      ['tree/a/deep/x.md', ''], ['tree/a/y.htm', ''], ['tree/b/r.HTML', ''], ['tree/locked', 'cannot read the folder: permission denied'], ['tree/z.txt', ''],
    ]);
    const rows: string[] = [];
    await runPipeline(found, resolveConfig({jobs: '1'}, temp), {words: false}, (result) => {
      rows.push(`${result.report.file} ${result.report.status} ${result.report.error}`.trim());
    });
    expect(rows).toContain('tree/locked error 无法读取文件夹：没有权限（permission denied）');
    expect(rows).toHaveLength(5);
  });
});
