// The segmenter option: --segmenter, or "segmenter" in reports.config.json, validated once;
// an engine that is not installed stops the run with one line (here: as if nodejieba were not).
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';

const installed = vi.hoisted(() => ({nodejieba: true}));
vi.mock('../src/stages/segment.js', async (original) => ({
  ...(await original<typeof import('../src/stages/segment.js')>()),
  segmenterInstalled: (name: string) => name === 'jieba-rs' || installed.nodejieba,
}));

const {resolveConfig, defaultJobs} = await import('../src/config.js');
const {main} = await import('../src/cli.js');

const folders: string[] = [];
/** A fresh folder holding a reports.config.json with `config`. */
function folderWithConfig(config: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'reports-segmenter-'));
  folders.push(dir);
  writeFileSync(path.join(dir, 'reports.config.json'), JSON.stringify(config));
  return dir;
}

afterEach(() => {
  installed.nodejieba = true;
  for (const dir of folders.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe('the segmenter option', () => {
  it('is jieba-rs unless --segmenter or the config file says otherwise', () => {
    const plain = folderWithConfig({rules: {}});
    expect(resolveConfig({}, plain).segmenter).toBe('jieba-rs');
    expect(resolveConfig({segmenter: 'nodejieba'}, plain).segmenter).toBe('nodejieba');
    const configured = folderWithConfig({segmenter: 'nodejieba'});
    expect(resolveConfig({}, configured).segmenter).toBe('nodejieba');
    expect(resolveConfig({segmenter: 'jieba-rs'}, configured).segmenter).toBe('jieba-rs');
  });

  it('refuses an engine the config file names wrongly, naming the key', () => {
    const dir = folderWithConfig({segmenter: 'hanlp'});
    expect(() => resolveConfig({}, dir)).toThrow(/"segmenter" must be one of jieba-rs, nodejieba, got "hanlp"/);
  });

  it('stops with one line when the engine asked for is not installed', async () => {
    installed.nodejieba = false;
    const dir = folderWithConfig({rules: {}});
    let stderr = '';
    const status = await main({argv: ['metrics', 'fixtures/seeds', '--segmenter', 'nodejieba', '--lang', 'en'], cwd: process.cwd(), stdout: {write: () => true}, stderr: {write: (text: string) => (stderr += text)}});
    expect(status).toBe(2);
    expect(stderr).toBe('reports: segmenter nodejieba is not installed: run `npm install nodejieba` (it compiles C++), or use the default, jieba-rs\n');
    expect(() => resolveConfig({}, folderWithConfig({segmenter: 'nodejieba'}))).toThrow(/nodejieba/);
    expect(resolveConfig({}, dir).segmenter).toBe('jieba-rs');
  });
});

describe('default --jobs', () => {
  it('is one per core, as many as free memory holds, at least one', () => {
    const MiB = 1024 * 1024;
    expect(defaultJobs(2, 16 * 1024 * MiB)).toBe(2);
    expect(defaultJobs(8, 500 * MiB)).toBe(2);
    expect(defaultJobs(4, 100 * MiB)).toBe(1);
    expect(defaultJobs(1, 16 * 1024 * MiB)).toBe(1);
  });
});
