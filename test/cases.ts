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
  {name: 'text: a PDF with line numbers and pages, headers and footers left out', args: ['text', 'fixtures/formats/samples/s000.pdf'], exitCode: 0,
    stdout: /^1\t1\t测试报告000\n2\t1\t根据《法治政府建设实施纲要[\s\S]*\n3\t1\t一、工作成效\n[\s\S]*\n36\t4\t单位\t年份\t案件数\t培训人次\n[\s\S]*\n40\t4\t以上报告,请审阅。\n$/},
  {name: 'text: a .docx with its automatic numbers', args: ['text', 'fixtures/formats/samples/s000.docx'], exitCode: 0, stdout: /\n30\t一、加强组织领导\n31\t二、完善制度建设\n32\t三、强化监督检查\n33\t1\. 行政许可事项办理\n/},
  {name: 'text: an encrypted PDF is one line of reason, exit 2', args: ['text', 'fixtures/formats/bad/encrypted.pdf'], exitCode: 2, stderr: /^reports: fixtures\/formats\/bad\/encrypted\.pdf: 文档已加密（设有密码），无法读取\n$/},
  {name: 'metrics of a PDF: each indicator with its page', args: ['metrics', 'fixtures/formats/samples/s000.pdf', '--ext', 'pdf'], exitCode: 0,
    stdout: /^file,year,org,section,line,category,label,raw,value,value_max,unit,qualifier,sentence,page\n[\s\S]*,合格率,68\.5%,68\.5,,%,,[^\n]*,1\n[\s\S]*,计划,25,other,方面,四个,4,,个,,主要做好以下四个方面的工作:,3\n$/},
  {name: 'analyze --ext docx,pdf: only those formats, an error row for a bad document', args: ['analyze', 'fixtures/formats', '--ext', 'docx,.PDF', '-o', '{out}', '--lang', 'en'], exitCode: 0,
    stderr: /scan\.pdf error the PDF has no text layer \(a scan\?\); it needs OCR first: 1 page\(s\), no text {2}no-text-layer\n[\s\S]*analysed 16 files in [\d.]+ s: 14 ok, 0 empty, 2 failed/,
    files: {'reports.csv': /\nfixtures\/formats\/bad\/encrypted\.pdf,,,,pdf,,0,0,,0,error,the document is encrypted \(password protected\) and cannot be read\n/}},
  {name: 'text: a folder is refused', args: ['text', 'fixtures/formats'], exitCode: 2, stderr: /^reports: fixtures\/formats: a folder; reports text takes one file\n$/},
  {name: 'an unknown extension for --ext', args: ['metrics', 'fixtures/formats', '--ext', 'xlsx'], exitCode: 2, stderr: /--ext takes a comma-separated list of txt, md, html, htm, docx, doc, pdf, got "xlsx"/},
  {name: 'a path that does not exist', args: ['metrics', 'no/such/folder'], exitCode: 2, stderr: /^reports: no\/such\/folder: no such file or folder\n$/},
  {name: 'a folder with no reports', args: ['metrics', 'src'], exitCode: 2, stderr: /no report files found in src \(looked for \*\.txt, \*\.md, \*\.html, \*\.htm, \*\.docx, \*\.doc, \*\.pdf\)/},
  {name: 'an unknown format', args: ['metrics', 'fixtures/seeds', '--format', 'xml'], exitCode: 2, stderr: /--format must be one of csv, json, ndjson, got "xml"/},
  {name: 'a bad --jobs', args: ['sections', 'fixtures/seeds', '--jobs', '0'], exitCode: 2, stderr: /--jobs must be a whole number of at least 1, got "0"/},
  {name: 'an unknown command', args: ['frobnicate'], exitCode: 2, stderr: /unknown command 'frobnicate'/},
  {name: 'no path given', args: ['metrics'], exitCode: 2, stderr: /missing required argument 'paths'/},
];

/** Replaces what differs between runs and machines (timings) so outputs compare equal. */
export function sanitize(text: string): string {
  return text.replace(/in [\d.]+ s/g, 'in X s');
}
