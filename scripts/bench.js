#!/usr/bin/env node
// Measures `reports analyze` end to end on a generated corpus: wall time, MB/s, files/s and
// peak memory for --jobs 1 and the default, plus start-up times. Not part of npm test.
//   npm run bench                       2,000 files (about 40 MB)
//   npm run bench -- --files 20000 --jobs 2   a larger corpus, to check memory stays flat
//   npm run bench -- --format-copies 40       copies of each format sample (.txt/.docx/.doc/.pdf)
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import iconv from 'iconv-lite';
import OpenCC from 'opencc-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const fileCount = Number(argument('files', '2000'));
const keep = process.argv.includes('--keep');
const jobList = argument('jobs', `1,${availableParallelism()}`).split(',').map(Number);

// Sources: every sample report shipped in fixtures/.
const sources = ['seeds', 'gwr', 'synthetic', 'heldout'].flatMap((folder) =>
  readdirSync(path.join(root, 'fixtures', folder))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(root, 'fixtures', folder, name), 'utf8')),
);
const toTraditional = OpenCC.Converter({from: 'cn', to: 'tw'});

/** Writes report `i`: a sample with its numbers varied, in one of five encodings or forms. */
function makeReport(dir, i) {
  const text = sources[i % sources.length].replace(/\d+/g, (n) => String(Number(n) + (i % 97)));
  const sub = path.join(dir, `batch-${String(Math.floor(i / 500)).padStart(3, '0')}`);
  mkdirSync(sub, {recursive: true});
  const name = path.join(sub, `report-${String(i).padStart(6, '0')}`);
  switch (i % 5) {
    case 0: return writeFileSync(`${name}.txt`, iconv.encode(text, 'gb18030'));
    case 1: return writeFileSync(`${name}.txt`, toTraditional(text));
    case 2: return writeFileSync(`${name}.html`, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>报告</title><script>var a=1;</script></head><body>\n${text.split('\n').map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}\n</body></html>\n`);
    case 3: return writeFileSync(`${name}.txt`, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]));
    default: return writeFileSync(`${name}.txt`, text);
  }
}

/** Sums the sizes of the files under a folder. */
function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

/** Runs the bin with the memory hook; returns wall seconds, peak RSS in MB and the status. */
function run(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', path.join(root, 'scripts/rss-hook.cjs'), path.join(root, 'bin/reports.js'), ...args], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 30});
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Number(/maxrss-kb=(\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024;
  if (child.status !== 0) throw new Error(`reports ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  return {seconds, rss};
}

/** The median wall time of several runs. */
function medianSeconds(args, times = 5) {
  const all = Array.from({length: times}, () => run(args).seconds).sort((a, b) => a - b);
  return all[Math.floor(times / 2)];
}

const dir = mkdtempSync(path.join(tmpdir(), 'reports-bench-'));
try {
  const corpus = path.join(dir, 'corpus');
  for (let i = 0; i < fileCount; i++) makeReport(corpus, i);
  const megabytes = folderBytes(corpus) / 1e6;
  console.log(`corpus: ${fileCount} files, ${megabytes.toFixed(1)} MB (UTF-8, GB18030, UTF-16, traditional, HTML) in ${corpus}`);
  console.log(`machine: ${availableParallelism()} cores, node ${process.version}\n`);

  const results = [];
  for (const jobs of jobList) {
    const {seconds, rss} = run(['analyze', corpus, '-o', path.join(dir, `out-${jobs}`), '--quiet', '--jobs', String(jobs)]);
    results.push({jobs, seconds});
    console.log(`reports analyze --jobs ${jobs}: ${seconds.toFixed(1)} s, ${(megabytes / seconds).toFixed(2)} MB/s, ${(fileCount / seconds).toFixed(1)} files/s, peak RSS ${rss.toFixed(0)} MB`);
  }
  if (results.length === 2) {
    const [one, many] = results;
    const same = ['reports.csv', 'sections.csv', 'indicators.csv'].every(
      (table) => readFileSync(path.join(dir, `out-${one.jobs}/${table}`), 'utf8') === readFileSync(path.join(dir, `out-${many.jobs}/${table}`), 'utf8'),
    );
    console.log(`speed-up with ${many.jobs} jobs: ${(one.seconds / many.seconds).toFixed(2)}x; output identical: ${same ? 'yes' : 'NO'}`);
  }
  console.log('');

  const sample = path.join(root, 'fixtures/seeds/000_c35e7c647163d1aa.txt');
  console.log(`start-up: reports --version ${(medianSeconds(['--version']) * 1000).toFixed(0)} ms (median of 5)`);
  console.log(`start-up: reports check on one sample report ${(medianSeconds(['check', sample]) * 1000).toFixed(0)} ms (median of 5)`);
  console.log(`start-up: reports metrics on one sample report ${(medianSeconds(['metrics', sample]) * 1000).toFixed(0)} ms (median of 5, loads jieba)`);
  console.log('');
  await benchFormats({dir, run, copies: Number(argument('format-copies', '40')), jobs: jobList[jobList.length - 1]});
} finally {
  if (keep) console.log(`kept ${dir}`);
  else rmSync(dir, {recursive: true, force: true});
}

// ---- formats: throughput per input format (.txt, .docx, .doc, .pdf) --------------------
// One self-contained function, so it can be merged into any shape of this script: it
// needs a scratch folder, a `run(args) → {seconds, rss}` that runs the bin, the number of
// copies of each sample and the --jobs to use.

/**
 * Measures each format on the five samples of fixtures/formats/samples, copied `copies`
 * times: the extraction step alone, in this process (files/s, and pages/s for PDF), and
 * `reports analyze --ext FORMAT` end to end (files/s, MB/s, peak RSS).
 */
async function benchFormats({dir, run, copies, jobs}) {
  const samples = path.join(root, 'fixtures/formats/samples');
  const {extractDocument} = await import(path.join(root, 'dist/stages/extract/index.js'));
  console.log(`formats: the 5 samples of fixtures/formats/samples, ${copies} copies each, --jobs ${jobs}`);
  for (const format of ['txt', 'docx', 'doc', 'pdf']) {
    const names = readdirSync(samples).filter((name) => name.endsWith(`.${format}`)).sort();
    const folder = path.join(dir, `format-${format}`);
    mkdirSync(folder, {recursive: true});
    let bytes = 0;
    for (let copy = 0; copy < copies; copy++) {
      for (const name of names) {
        const data = readFileSync(path.join(samples, name));
        writeFileSync(path.join(folder, `${String(copy).padStart(3, '0')}-${name}`), data);
        bytes += data.length;
      }
    }
    // The extraction step alone, one file after another: after a warm-up, three passes.
    const inputs = names.map((name) => ({name, data: readFileSync(path.join(samples, name))}));
    let pages = 0;
    for (const {name, data} of inputs) pages += (await extractDocument(name, data)).pages;
    const passes = Math.max(3, Math.ceil(30 / names.length));
    const started = process.hrtime.bigint();
    for (let pass = 0; pass < passes; pass++) for (const {name, data} of inputs) await extractDocument(name, data);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const perSecond = (names.length * passes) / seconds;
    const pageRate = format === 'pdf' ? `, ${((pages * passes) / seconds).toFixed(1)} pages/s (${pages} pages in 5 files)` : '';
    console.log(`  ${format.padEnd(4)} extract only: ${perSecond.toFixed(1)} files/s${pageRate}`);
    const files = names.length * copies;
    const end = run(['analyze', folder, '-o', path.join(dir, `out-format-${format}`), '--quiet', '--jobs', String(jobs), '--ext', format]);
    const endPages = format === 'pdf' ? `, ${((pages * copies) / end.seconds).toFixed(1)} pages/s` : '';
    console.log(`  ${format.padEnd(4)} analyze: ${files} files (${(bytes / 1e6).toFixed(1)} MB) in ${end.seconds.toFixed(1)} s, ${(files / end.seconds).toFixed(1)} files/s${endPages}, peak RSS ${end.rss.toFixed(0)} MB`);
  }
}
// ---- end of formats ----------------------------------------------------------------------
