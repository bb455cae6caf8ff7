// The report page in a real browser: headless Chromium loads the page `reports report`
// writes for fixtures/gwr-local, dumps its DOM and takes a screenshot. The page must render,
// its charts must hold their Chinese labels, and the browser must log no console message
// (the page has no script: any message is an error or a blocked fetch). Runs where
// `chromium` or `chromium-browser` is on PATH; skipped with the reason elsewhere, except
// under CI=true, where a missing browser fails (.ci/run installs it).
import {spawnSync} from 'node:child_process';
import {accessSync, constants, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {main} from '../src/cli.js';

const root = path.resolve(import.meta.dirname, '..');
const INSTALL = 'apt-get install -y chromium fonts-noto-cjk';

/** Finds a Chromium executable on PATH, or null. */
function findChromium(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const file = path.join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

const chromium = findChromium();
const inCi = process.env.CI === 'true';
if (!chromium && !inCi) console.warn(`browser test skipped: no chromium or chromium-browser on PATH (${INSTALL})`);

/** Runs headless Chromium on a page with extra flags; returns its stdout and stderr. */
function browse(page: string, ...flags: string[]): {stdout: string; stderr: string} {
  const run = spawnSync(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--enable-logging=stderr', '--v=0', ...flags, pathToFileURL(page).href], {
    encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  expect(run.status, run.stderr).toBe(0);
  return {stdout: run.stdout, stderr: run.stderr};
}

/** The console messages Chromium logged (console.*, uncaught errors, blocked loads). */
function consoleMessages(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /:CONSOLE[:(\]]|Uncaught/.test(line));
}

describe.runIf(chromium === null && inCi)('the browser test under CI', () => {
  it('has Chromium to run on', () => {
    expect.fail(`no chromium or chromium-browser on PATH: CI must run the browser test (.ci/run: ${INSTALL})`);
  });
});

describe.skipIf(chromium === null)(`the report page in headless Chromium (${chromium ?? `skipped: no chromium on PATH; ${INSTALL}`})`, () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'reports-browser-'));
  afterAll(() => rmSync(temp, {recursive: true, force: true}));
  const page = path.join(temp, 'report.html');

  it('renders, its charts hold their Chinese labels, and it logs no console message', async () => {
    let stderr = '';
    const status = await main({argv: ['report', 'fixtures/gwr-local', '-o', page, '-q'], cwd: root, stdout: {write: () => true}, stderr: {write: (t: string) => (stderr += t)}, env: {}});
    expect({status, stderr}).toEqual({status: 0, stderr: ''});

    const dom = browse(page, '--dump-dom');
    expect(consoleMessages(dom.stderr)).toEqual([]);
    expect(dom.stdout).toContain('<h1>报告概览</h1>');
    const charts = dom.stdout.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(8);
    for (const chart of charts) {
      const texts = [...chart.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
      // Each chart: its title (a metric's Chinese name), the bodies by name and year, the legend.
      expect(texts.find((t) => /^[\u4e00-\u9fff]+（[^）]+）$/.test(t)), chart.slice(0, 200)).toBeDefined();
      expect(texts.filter((t) => /^[\u4e00-\u9fff]+人民政府 \d{4}$/.test(t)).length).toBeGreaterThan(0);
      expect(texts).toContain('实际完成');
    }
    expect(dom.stdout).toContain('>地区生产总值增长（%）</text>');
    expect(dom.stdout.match(/<tr class="status-ok">/g)).toHaveLength(6);

    const screenshot = path.join(temp, 'report.png');
    const shot = browse(page, `--screenshot=${screenshot}`, '--window-size=1280,2400');
    expect(consoleMessages(shot.stderr)).toEqual([]);
    const png = readFileSync(screenshot);
    // A PNG of the window's size, and far from blank: a blank page compresses to a few kB.
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 2400]);
    expect(png.length).toBeGreaterThan(100_000);
    if (process.env.REPORTS_SCREENSHOT) copyFileSync(screenshot, process.env.REPORTS_SCREENSHOT);
  });

  it('fits a 1280 px window: nothing to scroll sideways, however long the lists of files', async () => {
    const wide = path.join(temp, 'wide.html');
    // Run from test/, so that the files are named ../fixtures/…: a list of them joined by 、 has
    // no place to break (、 is no break before a full stop), as real corpora outside the folder.
    const argv = ['report', '../fixtures/seeds', '../fixtures/formats/samples', '../fixtures/gwr-local', '-o', wide, '-q'];
    expect(await main({argv, cwd: path.join(root, 'test'), stdout: {write: () => true}, stderr: {write: () => true}, env: {}})).toBe(0);
    // A copy of the page with a script that writes the document's scrolling width into it.
    const probe = path.join(temp, 'probe.html');
    const measure = "<script>addEventListener('load',()=>document.documentElement.setAttribute('data-width',document.documentElement.scrollWidth+'/'+document.documentElement.clientWidth))</script>";
    writeFileSync(probe, readFileSync(wide, 'utf8').replace('</body>', `${measure}</body>`));
    const dom = browse(probe, '--dump-dom', '--window-size=1280,1200', '--virtual-time-budget=2000').stdout;
    const [scroll, client] = (/data-width="(\d+)\/(\d+)"/.exec(dom) ?? []).slice(1).map(Number);
    expect(client).toBeGreaterThan(1200);
    expect(scroll).toBe(client);
  });

  it('would see a console error: the check above can fail', () => {
    const broken = path.join(temp, 'broken.html');
    writeFileSync(broken, '<!DOCTYPE html><html><body><p>x</p><script>throw new Error("broken page")</script></body></html>');
    expect(consoleMessages(browse(broken, '--dump-dom').stderr).join('\n')).toMatch(/Uncaught Error: broken page/);
  });
});
