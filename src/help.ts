/**
 * The help text (`reports --help`, `reports check --help`) in the run's language. The
 * descriptions are written in English where the commands are defined (src/cli.ts); this
 * module owns their Chinese, looked up when help is drawn, with commander's own titles and
 * built-in descriptions. A description with no Chinese here is shown in English.
 */
import {Help} from 'commander';
import type {Language} from './messages.js';

/** Chinese for each English description and title of the help text. */
const CHINESE: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
  'output the version number': '显示版本号',
  'display help for command': '显示命令的帮助',
  'Analyse corpora of Chinese government reports: sections, numeric indicators, completeness.': '分析中国政府报告：分出部分、提取数字指标、检查完整性。',
  'show stack traces of internal errors': '内部错误时显示调用栈',
  'language of the messages: zh (default) or en': '提示信息的语言：zh（默认）或 en',
  'report files, or folders searched for *.txt, *.md, *.html, *.htm, *.docx, *.doc, *.pdf': '报告文件，或文件夹（在其中查找 *.txt、*.md、*.html、*.htm、*.docx、*.doc、*.pdf）',
  'extensions searched for in folders, comma-separated (default: all of the above)': '在文件夹中查找的扩展名，用逗号分隔（默认：以上全部）',
  'the text extracted from one file, each line with its number (and page, for PDFs): where `line` points': '输出从一个文件中提取的文本，每行带行号（PDF 还带页码）：即表格中 line 所指的行',
  'a report file: .txt, .md, .html, .docx, .doc or .pdf': '一个报告文件：.txt、.md、.html、.docx、.doc 或 .pdf',
  'table format: csv, json or ndjson': '表格格式：csv、json 或 ndjson',
  'start CSV with a UTF-8 byte-order mark, so Excel reads Chinese text correctly': '在 CSV 开头写入 UTF-8 字节顺序标记（BOM），让 Excel 正确读出中文',
  'threads analysing files, the main one included (default: number of cores)': '分析文件的线程数，含主线程（默认：CPU 核数）',
  'jieba engine: jieba-rs (default) or nodejieba (optional, compiled)': '分词引擎：jieba-rs（默认）或 nodejieba（可选，需编译）',
  'keywords listed per section': '每个部分列出的关键词数',
  'refuse files larger than this many megabytes': '拒绝读取大于此大小（MB）的文件',
  'print no summary or progress, only errors': '不显示摘要和进度，只显示错误',
  'the whole analysis: writes reports, sections and indicators tables into a folder': '完整分析：把 reports、sections、indicators 三张表写入一个文件夹',
  'folder for the tables': '存放表格的文件夹',
  'the indicators table on stdout, for piping into spreadsheets': '把指标表输出到标准输出，便于导入电子表格',
  'the sections table on stdout': '把部分表输出到标准输出',
  'completeness of each report, for CI: exit 1 when any finding is an error': '检查每份报告是否完整，供 CI 使用：有错误时退出码为 1',
  'text, json, junit, github or sarif': 'text、json、junit、github 或 sarif',
  'rules config (default: reports.config.json here or in a parent folder)': '规则配置文件（默认：当前或上级文件夹中的 reports.config.json）',
  'fail (exit 1) when there are more warnings than this': '警告多于此数时失败（退出码 1）',
  'write the report to a file instead of stdout': '把检查结果写入文件，而不是标准输出',
  'print nothing on stderr but errors': '标准错误输出上只显示错误',
  'a wide table on stdout: one row per report, one column per metric, for pivot tables': '把宽表输出到标准输出：每份报告一行，每个指标一列，便于做数据透视表',
  'metrics to compare, comma-separated ids': '要比较的指标，用逗号分隔的编号',
  'every metric some report states': '任一报告中出现的全部指标',
  'print the catalogue of metrics instead': '改为列出指标目录',
  'one self-contained HTML page: the corpus at a glance, a chart per metric, the problems parts, the reports': '生成一个独立的 HTML 页面：总体情况、每个指标一张图、各报告的问题部分、报告列表',
  'the page to write': '要写入的页面文件',
  'metrics to chart, comma-separated ids (default: the 8 metrics most reports state)': '要画图的指标，用逗号分隔的编号（默认：给出的报告最多的 8 个指标）',
  'language of the messages and of the page: zh (default) or en': '提示信息和页面的语言：zh（默认）或 en',
};

/** Says a description or title in the language; `(default: x)` after a description too. */
function translate(text: string, lang: Language): string {
  if (lang === 'en') return text;
  if (CHINESE[text] !== undefined) return CHINESE[text]!;
  const [, body, value] = /^(.*?)(?: \(default: (.*)\))?$/s.exec(text) ?? [text, text, undefined];
  const said = CHINESE[body!] ?? body!;
  return value === undefined ? said : `${said}（默认：${CHINESE[value] ?? value}）`;
}

/** The help settings of a command line in the language (commander's configureHelp). */
export function helpIn(lang: Language): Partial<Help> {
  const base = new Help();
  return {
    styleTitle: (title: string) => translate(title, lang),
    commandDescription: (command) => translate(base.commandDescription(command), lang),
    subcommandDescription: (command) => translate(base.subcommandDescription(command), lang),
    optionDescription: (option) => translate(base.optionDescription(option), lang),
    argumentDescription: (argument) => translate(base.argumentDescription(argument), lang),
  };
}
