// The command-line cases, one table run twice: in-process through main() (cli-main.test.ts)
// and through the spawned bin (cli-exec.test.ts). `{out}` in args is a fresh temp folder.
export interface CliCase {
  name: string;
  args: string[];
  exitCode: number;
  /** Golden file under test/golden that stdout must equal, after sanitising. */
  golden?: string;
  stdout?: RegExp;
  stderr?: RegExp;
  /** Files the run must leave in `{out}`, with a pattern their text must match. */
  files?: Record<string, RegExp>;
}

export const cases: CliCase[] = [
  {name: 'version', args: ['--version'], exitCode: 0, stdout: /^\d+\.\d+\.\d+\n$/},
  {name: 'help lists the commands', args: ['--help'], exitCode: 0, stdout: /analyze[\s\S]*metrics[\s\S]*sections/},
  {name: 'metrics of the sample reports', args: ['metrics', 'fixtures/seeds'], exitCode: 0, golden: 'metrics-seeds.csv'},
  {name: 'sections of the sample reports', args: ['sections', 'fixtures/seeds'], exitCode: 0, golden: 'sections-seeds.csv'},
  {name: 'sections of the work reports', args: ['sections', 'fixtures/gwr', '--keywords', '5'], exitCode: 0, golden: 'sections-gwr.csv'},
  {name: 'metrics as JSON', args: ['metrics', 'fixtures/encodings/gbk.txt', '--format', 'json'], exitCode: 0, golden: 'metrics-gbk.json'},
  {name: 'metrics as NDJSON', args: ['metrics', 'fixtures/encodings/big5.txt', '--format', 'ndjson'], exitCode: 0, golden: 'metrics-big5.ndjson'},
  {name: 'metrics with a byte-order mark', args: ['metrics', 'fixtures/encodings/utf16le-bom.txt', '--bom'], exitCode: 0, stdout: /^\ufefffile,year,org,section,line,category,label,raw,value/},
  {name: 'a stray byte is a warning, the figures stay', args: ['metrics', 'fixtures/encodings/utf8-stray-bytes.txt'], exitCode: 0, stdout: /约5346万元,53460000,,元,≈/, stderr: /utf8-stray-bytes\.txt warning 2 byte\(s\) are not valid utf-8/},
  {name: 'analyze writes three tables', args: ['analyze', 'fixtures/encodings', '-o', '{out}'], exitCode: 0,
    stderr: /analysed 9 files in [\d.]+ s: 9 ok, 0 empty, 0 failed/,
    files: {
      'reports.csv': /^file,title,org,year,encoding,script,chars,words,sections,indicators,status,error\nfixtures\/encodings\/big5\.txt,长寿区民政局2021年度法治政府建设年度报告,长寿区民政局,2021,big5,traditional,/,
      'sections.csv': /fixtures\/encodings\/gbk\.txt,问题,二、存在问题,4,5,/,
      'indicators.csv': /fixtures\/encodings\/html\.html,2019,连平县民政局,成效,6,cases,信访案件,148宗,148,,宗,,/,
    }},
  {name: 'check: the sample reports, one incomplete', args: ['check', 'fixtures/seeds', 'fixtures/gwr'], exitCode: 1, golden: 'check-samples.txt'},
  {name: 'check: a complete report', args: ['check', 'fixtures/seeds/000_c35e7c647163d1aa.txt'], exitCode: 0, stdout: /^✔ 1个文件：0个错误，0个警告；0个文件不完整\n$/},
  {name: 'check: GitHub workflow commands in English', args: ['check', 'fixtures/seeds', '--format', 'github', '--lang', 'en'], exitCode: 1, golden: 'check-seeds.github'},
  {name: 'check: an unknown language', args: ['check', 'fixtures/seeds', '--lang', 'fr'], exitCode: 2, stderr: /--lang must be zh or en, got "fr"/},
  {name: 'a path that does not exist', args: ['metrics', 'no/such/folder'], exitCode: 2, stderr: /^reports: no\/such\/folder: no such file or folder\n$/},
  {name: 'a folder with no reports', args: ['metrics', 'src'], exitCode: 2, stderr: /no report files found in src \(looked for \*\.txt, \*\.md, \*\.html, \*\.htm\)/},
  {name: 'an unknown format', args: ['metrics', 'fixtures/seeds', '--format', 'xml'], exitCode: 2, stderr: /--format must be one of csv, json, ndjson, got "xml"/},
  {name: 'a bad --jobs', args: ['sections', 'fixtures/seeds', '--jobs', '0'], exitCode: 2, stderr: /--jobs must be a whole number of at least 1, got "0"/},
  {name: 'an unknown command', args: ['frobnicate'], exitCode: 2, stderr: /unknown command 'frobnicate'/},
  {name: 'no path given', args: ['metrics'], exitCode: 2, stderr: /missing required argument 'paths'/},
  {name: 'an output folder that cannot be made', args: ['analyze', 'fixtures/seeds', '-o', '/proc/x/out'], exitCode: 2, stderr: /^reports: cannot write to \/proc\/x\/out: ENOENT[^\n]*mkdir '\/proc\/x'\n$/},
  {name: 'a check report file that cannot be made', args: ['check', 'fixtures/seeds', '-o', '/proc/x/out.txt'], exitCode: 2, stderr: /^reports: cannot write output: ENOENT[^\n]*mkdir '\/proc\/x'\n$/},
  {name: 'an unknown segmenter', args: ['metrics', 'fixtures/seeds', '--segmenter', 'pkuseg'], exitCode: 2, stderr: /^reports: --segmenter must be one of jieba-rs, nodejieba, got "pkuseg"\n$/},
];

/** Replaces what differs between runs and machines (timings) so outputs compare equal. */
export function sanitize(text: string): string {
  return text.replace(/in [\d.]+ s/g, 'in X s');
}
