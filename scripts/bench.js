#!/usr/bin/env node
// Measures `reports analyze` end to end on real reports: throughput (MB/s, files/s), CPU time
// (which the load of a shared machine moves less than wall time) and peak memory for --jobs 1
// and the default, that the output is the same for both, whether memory
// stays flat on a corpus three times as large, the wall time on the five sample reports, and
// the same corpora through a Python pipeline (OpenCC + jieba + regexes) for a ratio at both
// sizes. Not part of npm test.
//   npm run bench                                  a corpus of at least 10 MB, 3 runs each
//   npm run bench -- --mb 20 --runs 5              a larger corpus, more runs
//   npm run bench -- --peer PATH/peer.py           the Python pipeline to compare with
//   npm run bench -- --keep                        keep the corpus and outputs
//   npm run bench -- --format-copies 40            copies of each format sample (.txt/.docx/.doc/.pdf)
// The corpus: every report in fixtures/seeds, fixtures/gwr, fixtures/gwr-local and the
// synthetic gold reports (fixtures/synthetic), copied until the size is reached; of each three
// copies one is as shipped, one GB18030 and one in traditional script, all .txt so that the
// Python pipeline reads every file too. The machine is shared: figures are medians of --runs.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {availableParallelism, freemem, loadavg, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import iconv from 'iconv-lite';
import OpenCC from 'opencc-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const targetMb = Number(argument('mb', '10'));
const runs = Number(argument('runs', '3'));
const keep = process.argv.includes('--keep');
const defaultPeer = path.join(root, 'scripts/peer/peer.py');
const peer = argument('peer', existsSync(defaultPeer) ? defaultPeer : '');

const SOURCE_FOLDERS = ['seeds', 'gwr', 'gwr-local', 'synthetic'];
const sources = SOURCE_FOLDERS.flatMap((folder) =>
  readdirSync(path.join(root, 'fixtures', folder))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({name: `${folder}-${name}`, bytes: readFileSync(path.join(root, 'fixtures', folder, name))})),
);
const toTraditional = OpenCC.Converter({from: 'cn', to: 'tw'});
const utf8 = new TextDecoder('utf-8', {fatal: true});

/** Decodes a source as UTF-8, or null when it is in another encoding (kept as shipped). */
function asText(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Writes copies of the sources into `dir` until it holds `megabytes`; returns the file count. */
function makeCorpus(dir, megabytes) {
  let total = 0;
  let count = 0;
  for (let round = 0; total < megabytes * 1e6; round++) {
    const sub = path.join(dir, `round-${String(round).padStart(3, '0')}`);
    mkdirSync(sub, {recursive: true});
    for (const source of sources) {
      const text = asText(source.bytes);
      const variant = count % 3;
      const bytes = text === null || variant === 0 ? source.bytes : variant === 1 ? iconv.encode(text, 'gb18030') : Buffer.from(toTraditional(text));
      writeFileSync(path.join(sub, source.name), bytes);
      total += bytes.length;
      count++;
    }
  }
  return {files: count, megabytes: total / 1e6};
}

/** Runs the bin with the memory hook; returns wall seconds and peak RSS (all threads) in MiB. */
function runReports(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', path.join(root, 'scripts/rss-hook.cjs'), path.join(root, 'bin/reports.js'), ...args], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 30});
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`reports ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  const rss = Number(/maxrss-kb=(\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024;
  const cpu = Number(/cpu-us=(\d+)/.exec(child.stderr)?.[1] ?? 0) / 1e6;
  return {seconds, rss, cpu};
}

/** Runs a measurement `runs` times; returns the median seconds and CPU time, and the largest peak RSS. */
function repeated(measure, times = runs) {
  const all = Array.from({length: times}, measure);
  const seconds = all.map((run) => run.seconds).sort((a, b) => a - b);
  const cpu = all.map((run) => run.cpu ?? 0).sort((a, b) => a - b);
  return {seconds: seconds[Math.floor(times / 2)], min: seconds[0], max: seconds[times - 1], cpu: cpu[Math.floor(times / 2)], rss: Math.max(...all.map((run) => run.rss ?? 0))};
}

/** The Python that has jieba: --python, else the system's (where Debian's python3-jieba goes), else python3 on PATH. */
const python = [argument('python', ''), '/usr/bin/python3', 'python3'].filter(Boolean).find(
  (candidate) => spawnSync(candidate, ['-c', 'import jieba'], {encoding: 'utf8'}).status === 0,
);

/** Tells whether the Python pipeline can run here, or why not. */
function peerProblem() {
  if (!peer) return 'no peer script (give --peer PATH/peer.py)';
  if (!existsSync(peer)) return `${peer} does not exist`;
  if (!python) return 'python3 with jieba is not installed (apt-get install -y python3-jieba opencc)';
  const opencc = spawnSync('opencc', ['--version'], {encoding: 'utf8'});
  if (opencc.error) return 'the opencc command is not installed (apt-get install -y python3-jieba opencc)';
  return null;
}

const format = (run) => `${run.seconds.toFixed(2)} s (min ${run.min.toFixed(2)}, max ${run.max.toFixed(2)})`;
const dir = mkdtempSync(path.join(tmpdir(), 'reports-bench-'));
try {
  const corpus = path.join(dir, 'corpus');
  const {files, megabytes} = makeCorpus(corpus, targetMb);
  // The default --jobs as the tool chooses it (from cores and free memory).
  const chosen = spawnSync(process.execPath, ['--input-type=module', '-e', `import {defaultJobs} from './dist/config.js'; console.log('jobs=' + defaultJobs())`], {cwd: root, encoding: 'utf8'});
  const jobs = Number(/jobs=(\d+)/.exec(chosen.stdout)?.[1] ?? availableParallelism());
  console.log(`corpus: ${files} files, ${megabytes.toFixed(1)} MB: ${sources.length} reports from fixtures/{${SOURCE_FOLDERS.join(',')}} repeated; as shipped, GB18030, traditional`);
  console.log(`machine: ${availableParallelism()} cores, ${(freemem() / 2 ** 30).toFixed(1)} GiB free, load ${loadavg().map((n) => n.toFixed(2)).join(' ')}; node ${process.version}; default --jobs ${jobs}; median of ${runs} runs\n`);

  const results = new Map();
  for (const [name, extra] of [['--jobs 1', ['--jobs', '1']], [`default (--jobs ${jobs})`, []]]) {
    const out = path.join(dir, `out-${results.size}`);
    const run = repeated(() => runReports(['analyze', corpus, '-o', out, '--quiet', ...extra]));
    results.set(name, {...run, out});
    console.log(`reports analyze, ${name}: ${format(run)}, ${(megabytes / run.seconds).toFixed(2)} MB/s, ${(files / run.seconds).toFixed(1)} files/s, CPU ${run.cpu.toFixed(2)} s, peak RSS ${run.rss.toFixed(0)} MiB`);
  }
  const [one, many] = [...results.values()];
  const same = ['reports.csv', 'sections.csv', 'indicators.csv'].every(
    (table) => readFileSync(path.join(one.out, table), 'utf8') === readFileSync(path.join(many.out, table), 'utf8'),
  );
  console.log(`output of --jobs 1 and --jobs ${jobs} identical: ${same ? 'yes' : 'NO'}`);

  // Memory must not grow with the corpus: the same run on three times as many files.
  const large = path.join(dir, 'corpus-3x');
  const largeCorpus = makeCorpus(large, targetMb * 3);
  const largeRun = repeated(() => runReports(['analyze', large, '-o', path.join(dir, 'out-3x'), '--quiet']));
  console.log(`memory on a corpus 3x as large (${largeCorpus.files} files, ${largeCorpus.megabytes.toFixed(1)} MB), default jobs: peak RSS ${largeRun.rss.toFixed(0)} MiB, the largest of ${runs} runs (${(largeCorpus.megabytes / largeRun.seconds).toFixed(2)} MB/s, CPU ${largeRun.cpu.toFixed(2)} s)`);

  const samples = repeated(() => runReports(['analyze', 'fixtures/seeds', '-o', path.join(dir, 'out-seeds'), '--quiet']), Math.max(runs, 5));
  console.log(`reports analyze fixtures/seeds (5 sample reports): ${format(samples)} wall, peak RSS ${samples.rss.toFixed(0)} MiB`);

  const problem = peerProblem();
  if (problem) {
    console.log(`\nPython pipeline: skipped, ${problem}; no ratio`);
  } else {
    const pythonRun = repeated(() => {
      const started = process.hrtime.bigint();
      const child = spawnSync(python, [peer, corpus, path.join(dir, 'out-peer')], {encoding: 'utf8', maxBuffer: 1 << 30});
      if (child.status !== 0) throw new Error(`${peer} failed (${child.status}): ${child.stderr}`);
      return {seconds: Number(process.hrtime.bigint() - started) / 1e9};
    });
    console.log(`\nPython pipeline (${path.relative(root, peer)}), same corpus: ${format(pythonRun)}, ${(megabytes / pythonRun.seconds).toFixed(2)} MB/s`);
    for (const [name, run] of results) console.log(`reports ${name} against Python: ${(pythonRun.seconds / run.seconds).toFixed(1)}x as fast`);
    // Start-up (loading jieba and the tables, once a thread) weighs less on a larger corpus;
    // the Python pipeline has almost none, so the ratio depends on the corpus's size.
    const started = process.hrtime.bigint();
    const child = spawnSync(python, [peer, large, path.join(dir, 'out-peer-3x')], {encoding: 'utf8', maxBuffer: 1 << 30});
    if (child.status !== 0) throw new Error(`${peer} failed (${child.status}): ${child.stderr}`);
    const pythonLarge = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`Python pipeline on the corpus 3x as large (one run each): ${(largeCorpus.megabytes / pythonLarge).toFixed(2)} MB/s; reports default (--jobs ${jobs}) ${(pythonLarge / largeRun.seconds).toFixed(1)}x as fast`);
  }
  rmSync(large, {recursive: true, force: true});

  // The machine may be shared: the load after the runs says how far to trust the wall times.
  console.log(`load after these runs: ${loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);
  await benchFormats({dir, run: runReports, copies: Number(argument('format-copies', '40')), jobs});
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
