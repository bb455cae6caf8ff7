// The command-line cases, one table run twice: in-process through main() (cli-main.test.ts)
// and through the spawned bin (cli-exec.test.ts). `{out}` in args is a fresh temp folder.
// Goldens are small outputs checked by hand; accuracy over many rows is `npm run eval`'s.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

export interface CliCase {
  name: string;
  args: string[];
  exitCode: number;
  /** Golden file under test/golden that stdout must equal, after sanitising. */
  golden?: string;
  stdout?: RegExp;
  /** CSV rows (from the hand-labelled gold) that stdout must hold, each as the start of one line. */
  rows?: string[];
  stderr?: RegExp;
  /** Files the run must leave in `{out}`, with a pattern their text must match. */
  files?: Record<string, RegExp>;
  /** Files the run must leave in `{out}`, with how many times each pattern occurs in their text. */
  counts?: Record<string, [RegExp, number][]>;
}

/** Seed 003's indicators as fixtures/gold/indicators/003_5d2ab5fed4f2549d.tsv labels them (line 8 is 成效 in its gold sections). */
const SEED_003 = 'fixtures/seeds/003_5d2ab5fed4f2549d.txt,2024,清远市清城区民政局';

export const cases: CliCase[] = [
  {name: 'version', args: ['--version'], exitCode: 0, stdout: /^\d+\.\d+\.\d+\n$/},
  {name: 'help lists the commands', args: ['--help'], exitCode: 0, stdout: /analyze[\s\S]*metrics[\s\S]*sections[\s\S]*check/},
  {name: 'help in Chinese by default', args: ['--help'], exitCode: 0, stdout: /^用法： reports \[options\] \[command\]\n\n分析中国政府报告：分出部分、提取数字指标、检查完整性。\n/},
  {name: 'help in English', args: ['check', '--help', '--lang', 'en'], exitCode: 0, stdout: /^Usage: reports check \[options\] <paths\.\.\.>\n\ncompleteness of each report, for CI/},
  {name: 'metrics of a sample report: rows as labelled by hand', args: ['metrics', 'fixtures/seeds/003_5d2ab5fed4f2549d.txt'], exitCode: 0,
    stdout: /^file,year,org,section,line,category,label,raw,value,value_max,unit,qualifier,sentence,region,level,page,metric,target\n/,
    rows: [
      `${SEED_003},成效,8,funds,最低生活保障资金,约5346万元,53460000,,元,≈,"2024年,累计发放`,
      `${SEED_003},成效,8,people,救助流浪乞讨,192人次,192,,人次,,"`,
      `${SEED_003},成效,8,rates,完成率,103%,103,,%,,"`,
    ]},
  {name: 'sections of the sample reports', args: ['sections', 'fixtures/seeds'], exitCode: 0, golden: 'sections-seeds.csv'},
  {name: 'sections of the work reports', args: ['sections', 'fixtures/gwr', '--keywords', '5'], exitCode: 0, golden: 'sections-gwr.csv'},
  {name: 'metrics as JSON', args: ['metrics', 'fixtures/encodings/gbk.txt', '--format', 'json'], exitCode: 0, golden: 'metrics-gbk.json'},
  {name: 'metrics as NDJSON', args: ['metrics', 'fixtures/encodings/big5.txt', '--format', 'ndjson'], exitCode: 0, golden: 'metrics-big5.ndjson'},
  {name: 'metrics with a byte-order mark', args: ['metrics', 'fixtures/encodings/utf16le-bom.txt', '--bom'], exitCode: 0, stdout: /^\ufefffile,year,org,section,line,category,label,raw,value/},
  {name: 'a stray byte is a warning, the figures stay', args: ['metrics', 'fixtures/encodings/utf8-stray-bytes.txt'], exitCode: 0, stdout: /约5346万元,53460000,,元,≈/,
    stderr: /^reports: fixtures\/encodings\/utf8-stray-bytes\.txt 警告 2 个字节不是有效的 utf-8，已替换为 U\+FFFD；请检查文件是否完整  decode-replaced\n$/},
  {name: 'a stray byte, in English', args: ['metrics', 'fixtures/encodings/utf8-stray-bytes.txt', '--lang', 'en'], exitCode: 0,
    stderr: /^reports: fixtures\/encodings\/utf8-stray-bytes\.txt warning 2 bytes are not valid utf-8 and were replaced with U\+FFFD; check that the file is complete  decode-replaced\n$/},
  {name: 'analyze writes three tables', args: ['analyze', 'fixtures/encodings', '-o', '{out}'], exitCode: 0,
    stderr: /\nreports: 分析了 9 个文件，用时 [\d.]+ 秒：9 个正常，0 个为空，0 个失败；\d+ 个部分，\d+ 个指标；已写入 .*reports\.csv, .*sections\.csv, .*indicators\.csv\n$/,
    files: {
      'reports.csv': /^file,title,org,year,encoding,script,chars,words,sections,indicators,status,error,kind,level,region,department,published\nfixtures\/encodings\/big5\.txt,长寿区民政局2021年度法治政府建设年度报告,长寿区民政局,2021,big5,traditional,.*,ok,,法治政府建设年度报告,county,长寿区,民政局,\n/,
      'sections.csv': /fixtures\/encodings\/gbk\.txt,问题,二、存在问题,4,5,/,
      'indicators.csv': /fixtures\/encodings\/html\.html,2019,连平县民政局,成效,6,cases,信访案件,148宗,148,,宗,,.*,连平县,county,,petitions,\n/,
    }},
  {name: 'analyze, in English', args: ['--lang', 'en', 'analyze', 'fixtures/encodings/gbk.txt', '-o', '{out}'], exitCode: 0,
    stderr: /^reports: analysed 1 file in [\d.]+ s: 1 ok, 0 empty, 0 failed; 4 sections, 4 indicators; wrote .*indicators\.csv\n$/},
  {name: 'check: the sample reports, one incomplete', args: ['check', 'fixtures/seeds', 'fixtures/gwr'], exitCode: 1, golden: 'check-samples.txt'},
  {name: 'check: a complete report', args: ['check', 'fixtures/seeds/000_c35e7c647163d1aa.txt'], exitCode: 0, stdout: /^✔ 1个文件：0个错误，0个警告；0个文件不完整\n$/},
  {name: 'check: a complete report, in English', args: ['check', 'fixtures/seeds/000_c35e7c647163d1aa.txt', '--lang', 'en'], exitCode: 0, stdout: /^✔ 0 errors, 0 warnings in 1 file; 0 incomplete\n$/},
  {name: 'check: GitHub workflow commands in English', args: ['check', 'fixtures/seeds', '--format', 'github', '--lang', 'en'], exitCode: 1, golden: 'check-seeds.github'},
  {name: 'check: an unknown language', args: ['check', 'fixtures/seeds', '--lang', 'fr'], exitCode: 2, stderr: /^reports: --lang 须为 zh、en 之一，收到的是 "fr"\n$/},
  {name: 'a path that does not exist', args: ['metrics', 'no/such/folder'], exitCode: 2, stderr: /^reports: no\/such\/folder：没有这个文件或文件夹；请检查路径\n$/},
  {name: 'a path that does not exist, in English', args: ['metrics', 'no/such/folder', '--lang', 'en'], exitCode: 2, stderr: /^reports: no\/such\/folder: no such file or folder; check the path\n$/},
  {name: 'a folder with no reports', args: ['metrics', 'src'], exitCode: 2, stderr: /^reports: 在 src 中没有找到报告文件（查找的是 \*\.txt, \*\.md, \*\.html, \*\.htm, \*\.docx, \*\.doc, \*\.pdf）；请给出报告所在的文件夹\n$/},
  {name: 'an unknown format', args: ['metrics', 'fixtures/seeds', '--format', 'xml', '--lang', 'en'], exitCode: 2, stderr: /^reports: --format must be one of csv, json, ndjson, got "xml"\n$/},
  {name: 'a bad --jobs', args: ['sections', 'fixtures/seeds', '--jobs', '0'], exitCode: 2, stderr: /^reports: --jobs 须为不小于 1 的整数，收到的是 "0"\n$/},
  {name: 'an unknown command', args: ['frobnicate'], exitCode: 2, stderr: /^reports: 未知的命令 'frobnicate'；运行 reports --help 查看用法\n$/},
  {name: 'an unknown option, in English', args: ['metrics', 'fixtures/seeds', '--frob', '--lang', 'en'], exitCode: 2, stderr: /^reports: unknown option '--frob'; run reports --help for usage\n$/},
  {name: 'no path given', args: ['metrics'], exitCode: 2, stderr: /^reports: 缺少必需的参数 'paths'（要分析的文件或文件夹）；运行 reports --help 查看用法\n$/},
  {name: 'check -o under a file', args: ['check', 'fixtures/seeds/000_c35e7c647163d1aa.txt', '-o', 'README.md/y.json'], exitCode: 2,
    stderr: /^reports: 无法写入 README\.md\/y\.json：路径中有一部分是文件而不是文件夹；请换一个输出位置\n$/},
  {name: 'text: a PDF with line numbers and pages, headers and footers left out', args: ['text', 'fixtures/formats/samples/s000.pdf'], exitCode: 0,
    stdout: /^1\t1\t测试报告000\n2\t1\t根据《法治政府建设实施纲要[\s\S]*\n3\t1\t一、工作成效\n[\s\S]*\n36\t4\t单位\t年份\t案件数\t培训人次\n[\s\S]*\n40\t4\t以上报告,请审阅。\n$/},
  {name: 'text: a .docx with its automatic numbers', args: ['text', 'fixtures/formats/samples/s000.docx'], exitCode: 0, stdout: /\n30\t一、加强组织领导\n31\t二、完善制度建设\n32\t三、强化监督检查\n33\t1\. 行政许可事项办理\n/},
  {name: 'text: an encrypted PDF is one line of reason, exit 2', args: ['text', 'fixtures/formats/bad/encrypted.pdf'], exitCode: 2, stderr: /^reports: fixtures\/formats\/bad\/encrypted\.pdf: 文档已加密（设有密码），无法读取\n$/},
  {name: 'metrics of a PDF: each indicator with its page', args: ['metrics', 'fixtures/formats/samples/s000.pdf', '--ext', 'pdf'], exitCode: 0,
    stdout: /^file,year,org,section,line,category,label,raw,value,value_max,unit,qualifier,sentence,region,level,page,metric,target\n[\s\S]*,合格率,68\.5%,68\.5,,%,,[^\n]*,1,,\n[\s\S]*,计划,25,other,方面,四个,4,,个,,主要做好以下四个方面的工作:,连平县,county,3,,yes\n$/},
  {name: 'analyze --ext docx,pdf: only those formats, an error row for a bad document', args: ['analyze', 'fixtures/formats', '--ext', 'docx,.PDF', '-o', '{out}', '--lang', 'en'], exitCode: 0,
    stderr: /scan\.pdf error the PDF has no text layer \(a scan\?\); it needs OCR first: 1 page\(s\), no text {2}no-text-layer\n[\s\S]*analysed 16 files in [\d.]+ s: 14 ok, 0 empty, 2 failed/,
    files: {'reports.csv': /\nfixtures\/formats\/bad\/encrypted\.pdf,,,,pdf,,0,0,,0,error,the document is encrypted \(password protected\) and cannot be read,,,,,\n/}},
  {name: 'compare: one row per report, the chosen metrics as hand-checked (地区生产总值完成122.2亿元，同比增长7.8%; 预期目标：生产总值增长8%左右)',
    args: ['compare', 'fixtures/gwr-local/安国市-2021.txt', '--metrics', 'gdp,gdp_growth'], exitCode: 0,
    stdout: /^file,org,region,level,kind,year,gdp \(元\),gdp\.target \(元\),gdp_growth \(%\),gdp_growth\.target \(%\),notes\nfixtures\/gwr-local\/安国市-2021\.txt,安国市人民政府,安国市,county,政府工作报告,2021,12220000000,,7\.8,8,\n$/},
  {name: 'compare: the same marriages under one column whatever the wording (结婚2297对, 办理结婚登记4279对)',
    args: ['compare', 'fixtures/seeds/000_c35e7c647163d1aa.txt', 'fixtures/seeds/003_5d2ab5fed4f2549d.txt', '--metrics', 'marriage_registrations,divorce_registrations', '--format', 'json'], exitCode: 0,
    stdout: /"file":"fixtures\/seeds\/000_c35e7c647163d1aa\.txt".*"marriage_registrations \(对\)":2297,.*"divorce_registrations \(对\)":985,[\s\S]*"file":"fixtures\/seeds\/003_5d2ab5fed4f2549d\.txt".*"marriage_registrations \(对\)":4279,.*"divorce_registrations \(对\)":2750,/},
  {name: 'compare: an unknown metric', args: ['compare', 'fixtures/seeds', '--metrics', 'gdp,nope'], exitCode: 2, stderr: /^reports: --metrics 中有未知的指标 nope；可用的指标：admin_review_corrected, .*（见 reports compare --list-metrics）\n$/},
  {name: 'compare: no paths', args: ['compare', '--lang', 'en'], exitCode: 2, stderr: /^reports: no report files or folders to compare; run reports compare --help for usage\n$/},
  {name: 'compare --list-metrics: the catalogue', args: ['compare', '--list-metrics'], exitCode: 0,
    stdout: /^id,name,unit,units,category,kind,about\n[\s\S]*\ngdp_growth,地区生产总值增长,%,%,rates,政府工作报告,/},
  {name: 'report: the page of the local work reports names each body, draws 8 metrics, lists 6 reports and 6 problems parts',
    args: ['report', 'fixtures/gwr-local', '-o', '{out}/report.html'], exitCode: 0, stderr: /^reports: 已写入 .*report\.html：6 份报告，8 个指标\n$/,
    files: {'report.html': /<title>报告概览<\/title>[\s\S]*<p class="summary">共 6 份报告（6 份已分析），2009–2022 年度；8 张指标图；[\s\S]*>地区生产总值增长（%）<\/text>[\s\S]*<td>安国市人民政府<\/td><td>县级<\/td><td>政府工作报告<\/td><td class="n">2021<\/td>/},
    counts: {'report.html': [[/<svg /g, 8], [/<tr class="status-ok">/g, 6], [/<article class="card">/g, 6], [/>安国市人民政府 2021<\/text>/g, 8], [/<script/g, 0]]}},
  {name: 'report: the chosen metrics, in English (安国市: 地区生产总值增长 7.8%, goal 8%)',
    args: ['report', 'fixtures/gwr-local/安国市-2021.txt', '--metrics', 'gdp_growth,gdp', '-o', '{out}/page.html', '--lang', 'en', '-q'], exitCode: 0, stderr: /^$/,
    files: {'page.html': /<html lang="en">[\s\S]*<h1>Reports at a glance<\/h1>[\s\S]*>7\.8%<\/text>[\s\S]*>8%<\/text>[\s\S]*>地区生产总值增长 gdp_growth \(%\)<\/text>[\s\S]*>12\.22B 元<\/text>[\s\S]*>地区生产总值 gdp \(元\)<\/text>/},
    counts: {'page.html': [[/<svg /g, 2], [/<tr class="status-/g, 1]]}},
  {name: 'report: an output under a file is one line, exit 2', args: ['report', 'fixtures/seeds', '-o', 'README.md/r.html'], exitCode: 2,
    stderr: /^reports: 无法写入 README\.md\/r\.html：路径中有一部分是文件而不是文件夹；请换一个输出位置\n$/},
  {name: 'report: an output that is a folder is one line, exit 2', args: ['report', 'fixtures/gwr-local/安国市-2021.txt', '-o', 'fixtures', '--lang', 'en'], exitCode: 2,
    stderr: /^reports: cannot write fixtures: [^\n]*; choose another place for the output\n$/},
  {name: 'report: an unknown metric', args: ['report', 'fixtures/seeds', '--metrics', 'nope'], exitCode: 2, stderr: /^reports: --metrics 中有未知的指标 nope；/},
  {name: 'text: a folder is refused', args: ['text', 'fixtures/formats'], exitCode: 2, stderr: /^reports: fixtures\/formats 是文件夹；reports text 只接受一个文件\n$/},
  {name: 'an unknown extension for --ext', args: ['metrics', 'fixtures/formats', '--ext', 'xlsx'], exitCode: 2, stderr: /^reports: --ext 应为以逗号分隔的扩展名（txt、md、html、htm、docx、doc、pdf），收到 "xlsx"\n$/},
  {name: 'an output folder that cannot be made', args: ['analyze', 'fixtures/seeds', '-o', '/proc/x/out'], exitCode: 2, stderr: /^reports: [^\n]*\/proc\/x\/out[^\n]*\n$/},
  {name: 'a check report file that cannot be made', args: ['check', 'fixtures/seeds', '-o', '/proc/x/out.txt'], exitCode: 2, stderr: /^reports: [^\n]*\/proc\/x\/out\.txt[^\n]*\n$/},
  {name: 'an unknown segmenter', args: ['metrics', 'fixtures/seeds', '--segmenter', 'pkuseg'], exitCode: 2, stderr: /^reports: --segmenter 须为 jieba-rs、nodejieba 之一，收到的是 "pkuseg"\n$/},
];

/**
 * The text of a golden file under test/golden. A missing golden fails the test; outside CI,
 * UPDATE_GOLDEN=1 writes it from `actual`, for a person to check by hand before committing.
 */
export function golden(name: string, actual: string): string {
  const file = path.join(import.meta.dirname, 'golden', name);
  if (!existsSync(file)) {
    if (process.env.UPDATE_GOLDEN === '1' && process.env.CI !== 'true') writeFileSync(file, actual);
    else throw new Error(`golden file test/golden/${name} is missing (write it with UPDATE_GOLDEN=1, then check it by hand)`);
  }
  return readFileSync(file, 'utf8');
}

/** Counts how often each pattern (global) occurs in a text. */
export function countsIn(text: string, counts: readonly [RegExp, number][]): number[] {
  return counts.map(([pattern]) => text.match(pattern)?.length ?? 0);
}

/** Checks that each expected row starts exactly one line of the output. */
export function rowsFound(stdout: string, rows: readonly string[]): string[] {
  const lines = stdout.split('\n');
  return rows.filter((row) => lines.filter((line) => line.startsWith(row)).length !== 1);
}

/** Replaces what differs between runs and machines (timings) so outputs compare equal. */
export function sanitize(text: string): string {
  return text.replace(/in [\d.]+ s/g, 'in X s');
}
