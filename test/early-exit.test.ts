// Early exits through the spawned bin: a reader that closes the pipe (| head), a closed
// stderr, Ctrl-C. Each must stop the worker threads cleanly: exiting under a busy worker
// aborted the process in jieba's native code (exit 134), so the pipe case runs in a loop.
import {spawn} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {main, Stopped} from '../src/cli.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/reports.js');

/** Spawns the bin; `onOut` sees stdout as it comes. Resolves to the exit code, signal and stderr. */
function run(args: string[], onOut: (text: string, child: ReturnType<typeof spawn>) => void, closeStderr = false): Promise<{code: number | null; signal: string | null; err: string}> {
  const child = spawn(process.execPath, [bin, ...args], {cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1'}});
  let err = '';
  if (closeStderr) child.stderr!.destroy();
  else child.stderr!.on('data', (chunk: Buffer) => (err += chunk));
  child.stdout!.on('data', (chunk: Buffer) => onOut(chunk.toString(), child));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({code, signal, err})));
}

describe('an early exit in-process', () => {
  it('stops after the row being written when the signal aborts, with the reason’s status', async () => {
    const stop = new AbortController();
    const written: string[] = [];
    const stdout = {write: (text: string) => { written.push(text); if (written.length === 2) stop.abort(new Stopped(0)); return true; }};
    const code = await main({argv: ['metrics', 'fixtures/seeds', '--jobs', '2'], cwd: root, stdout, stderr: {write: () => true}, env: {}, signal: stop.signal});
    expect(code).toBe(0);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^file,year,org,section,line,category,label,raw,value,value_max,unit,qualifier,sentence,region,level,page,metric,target\nfixtures\/seeds\/000_c35e7c647163d1aa\.txt,/);
  });

  it('returns 130 for an interruption without a reason of its own', async () => {
    const stop = new AbortController();
    stop.abort();
    const code = await main({argv: ['check', 'fixtures/seeds'], cwd: root, stdout: {write: () => true}, stderr: {write: () => true}, env: {}, signal: stop.signal});
    expect(code).toBe(130);
  });
});

describe('early exits', () => {
  it('exits 0, quietly, when the reader closes the pipe after one line (5 times)', async () => {
    for (let i = 0; i < 5; i++) {
      let lines = 0;
      const result = await run(['metrics', 'fixtures/seeds', 'fixtures/gwr', '--jobs', '2'], (text, child) => {
        lines += text.split('\n').length - 1;
        if (lines >= 1) child.stdout!.destroy();
      });
      expect(result).toEqual({code: 0, signal: null, err: ''});
    }
  });

  it('keeps the run’s own status when stderr is closed', async () => {
    // The stray bytes give a warning on stderr, which nobody reads any more.
    const warned = await run(['metrics', 'fixtures/encodings/utf8-stray-bytes.txt', 'fixtures/seeds', '--jobs', '2'], () => undefined, true);
    expect([warned.code, warned.signal]).toEqual([0, null]);
    const incomplete = await run(['check', 'fixtures/seeds/001_0244ca3677c79978.txt'], () => undefined, true);
    expect(incomplete.code).toBe(1);
  });

  it('exits 130 on Ctrl-C in the middle of a run with workers', async () => {
    for (let i = 0; i < 2; i++) {
      let sent = false;
      const result = await run(['metrics', 'fixtures/gwr', 'fixtures/seeds', 'fixtures/heldout', '--jobs', '2'], (_text, child) => {
        if (!sent) child.kill('SIGINT');
        sent = true;
      });
      expect([result.code, result.signal, result.err]).toEqual([130, null, '']);
    }
  });
});
