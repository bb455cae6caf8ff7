// The report page builder (src/report/page.ts) on results written here by hand: what each
// part of the page says, escaping, determinism, offline; and `reports report`'s default output.
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {main} from '../src/cli.js';
import {chooseMetrics, compareReports} from '../src/compare.js';
import {buildReportPage, escapeHtml, formatValue, mostStatedMetrics, type PageInput} from '../src/report/page.js';
import type {Indicator, Message, ReportRow, SectionRow} from '../src/types.js';

const root = path.resolve(import.meta.dirname, '..');
const temp = mkdtempSync(path.join(tmpdir(), 'reports-page-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

/** A report row with the fields the page reads. */
function row(file: string, org: string, year: number | null, fields: Partial<ReportRow> = {}): ReportRow {
  return {
    file, title: '', org, year, encoding: 'utf-8', script: 'simplified', chars: 1000, words: 400, sections: '成效;问题;计划',
    indicators: 3, status: 'ok', error: '', kind: '政府工作报告', level: 'county', region: '', department: '人民政府', published: '', ...fields,
  };
}

/** A figure mapped to a metric. */
function figure(file: string, metric: string, value: number, unit: string, target = false): Indicator {
  return {
    file, year: null, org: '', section: target ? '计划' : '成效', line: 3, category: 'rates', label: '', raw: `${value}${unit}`, value, value_max: null,
    unit, qualifier: '', sentence: '', region: '', level: '', page: null, metric, target: target ? 'yes' : '',
  };
}

/** A 问题 row of the sections table. */
function problems(file: string, keywords: string[], lines: [number, number] = [5, 6]): SectionRow {
  return {file, section: '问题', heading: '二、存在的问题', line_start: lines[0], line_end: lines[1], chars: 180, words: 80, keywords};
}

const finding = (file: string, ruleId: string, severity: Message['severity']): Message => ({file, line: 0, column: 0, ruleId, severity, reason: ''});

const A = 'a/甲县-2021.txt';
const B = 'b/乙市-2020.txt';
const C = 'c/<script>-2022.txt';
const reports: PageInput['reports'] = [
  {report: row(A, '甲县人民政府', 2021), problems: [problems(A, ['短板', '营商环境'])], excerpts: [{line: 5, text: '经济总量偏小，产业结构不优…'}]},
  {report: row(B, '乙市人民政府', 2020, {level: 'city'}), problems: [], excerpts: []},
  {report: row(C, '<script>alert("x")</script>', 2022, {kind: '法治政府建设年度报告'}), problems: [problems(C, ['<b>不足</b>'], [9, 9])], excerpts: [{line: 9, text: 'a & b <i>'}]},
  {report: row('d/坏.pdf', '', null, {status: 'error', error: '文档已加密（设有密码），无法读取', kind: '', level: '', sections: '', indicators: 0}), problems: [], excerpts: []},
];
const figures = [
  {report: reports[0]!.report, indicators: [figure(A, 'gdp_growth', 7.8, '%'), figure(A, 'gdp_growth', 8, '%', true), figure(A, 'gdp', 12220000000, '元')]},
  {report: reports[1]!.report, indicators: [figure(B, 'gdp_growth', 6.5, '%')]},
  {report: reports[2]!.report, indicators: []},
  {report: reports[3]!.report, indicators: []},
];
const findings = [finding(C, 'required-section', 'error'), finding(C, 'thin-problems', 'warning'), finding(A, 'thin-problems', 'warning'), finding('d/坏.pdf', 'document-encrypted', 'error')];

/** The page of the hand-made corpus, with the metrics most reports state. */
function page(lang: 'zh' | 'en' = 'zh', chosen = mostStatedMetrics(figures)): string {
  return buildReportPage({reports, table: compareReports(figures, chosen), findings, lang});
}

/** The texts drawn inside the page's SVG charts. */
function svgTexts(html: string): string[] {
  return [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].flatMap(([svg]) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!));
}

describe('the report page', () => {
  it('charts the metrics most reports state, each in its own SVG with its Chinese name, goals apart from results', () => {
    expect(mostStatedMetrics(figures).map((m) => m.id)).toEqual(['gdp_growth', 'gdp']);
    const html = page();
    expect(html.match(/<svg /g)).toHaveLength(2);
    const texts = svgTexts(html);
    expect(texts).toContain('地区生产总值增长（%）');
    expect(texts).toContain('地区生产总值（元）');
    // Bodies by pinyin (甲 jia before 乙 yi), each with its year; values in the metric's unit.
    expect(texts.filter((t) => /人民政府/.test(t))).toEqual(['甲县人民政府 2021', '乙市人民政府 2020', '甲县人民政府 2021']);
    expect(texts).toEqual(expect.arrayContaining(['7.8%', '8%', '6.5%', '122.2亿元', '实际完成', '预期目标']));
    // The goal is drawn dashed in its own colour, only in the chart that has one.
    const [growth, gdp] = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(growth).toMatch(/stroke="#e0892b"[^>]*stroke-dasharray/);
    expect(gdp).not.toMatch(/#e0892b/);
    expect(html).toContain('2 份报告给出实际数，1 份给出预期目标（共 4 份）');
  });

  it('gives the corpus at a glance: by kind, year and level, findings by rule', () => {
    const html = page();
    expect(html).toContain('<p class="summary">共 4 份报告（3 份已分析，1 份无法分析），2020–2022 年度；2 张指标图；完整性检查：2 个错误、2 个警告，2 份报告不完整。</p>');
    expect(html).toMatch(/<caption>按报告类型<\/caption>.*<td>政府工作报告<\/td><td class="n"><span class="bar" style="width:100%"><\/span><span class="count">2<\/span>.*<td>法治政府建设年度报告<\/td><td class="n"><span class="bar" style="width:50%"><\/span><span class="count">1</);
    expect(html).toMatch(/<caption>按年度<\/caption>.*<td>2020<\/td>.*<td>2021<\/td>.*<td>2022<\/td>/);
    expect(html).toMatch(/<caption>按行政层级<\/caption>.*<td>市级<\/td>.*<td>县级<\/td>.*<span class="count">2</);
    expect(html).toMatch(/<code>required-section<\/code><\/td><td>缺少必需的部分<\/td><td class="n error">1<\/td><td class="n">0<\/td><td class="n">1<\/td>/);
    expect(html).toMatch(/<code>thin-problems<\/code><\/td><td>[^<]+<\/td><td class="n">0<\/td><td class="n warning">2<\/td><td class="n">2<\/td>/);
  });

  it('sets the problems parts side by side with their keywords and opening words', () => {
    const html = page();
    expect(html).toMatch(/<article class="card"><h3>甲县人民政府 <span class="year">2021<\/span><\/h3><p class="file">a\/甲县-2021\.txt<\/p><div class="part"><p class="heading">二、存在的问题<\/p><p class="where">第 5–6 行，180 字<\/p><p class="keywords"><span class="kw">短板<\/span> <span class="kw">营商环境<\/span><\/p><blockquote>经济总量偏小，产业结构不优…<\/blockquote>/);
    expect(html).toContain('<p class="none">没有找到问题部分的报告：b/乙市-2020.txt</p>');
  });

  it('lists every report in its table, a failed one with its reason', () => {
    const html = page();
    const table = html.slice(html.indexOf('<table class="reports">'));
    expect(table.match(/<tr class="status-/g)).toHaveLength(4);
    expect(table).toContain('<tr class="status-ok"><td class="file">a/甲县-2021.txt</td><td>甲县人民政府</td><td>县级</td><td>政府工作报告</td><td class="n">2021</td><td>成效、问题、计划</td><td class="n">3</td><td>正常</td></tr>');
    expect(table).toContain('<td>无法分析：文档已加密（设有密码），无法读取</td>');
  });

  it('escapes every text from a report, and holds no script nor anything fetched', () => {
    const html = page();
    expect(html).not.toMatch(/<script|<b>不足|<i>|src=|<link|url\(|@import/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<span class="kw">&lt;b&gt;不足&lt;/b&gt;</span>');
    expect(html).toContain('<blockquote>a &amp; b &lt;i&gt;</blockquote>');
    expect(escapeHtml(`<a href='x'>&"`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
    // A date comes only when the caller passes one.
    expect(html).not.toContain('class="note"');
    const dated = buildReportPage({reports, table: compareReports(figures, []), findings, lang: 'zh', note: '生成于 2026-12-01 <UTC>'});
    expect(dated).toContain('<p class="note">生成于 2026-12-01 &lt;UTC&gt;</p>');
  });

  it('is the same page for the same input, whatever was drawn before', () => {
    const first = page();
    page('en');
    expect(page()).toBe(first);
    expect(first).not.toMatch(/zr\d+-/);
    expect(first.match(/class="chart1-cls-0"/)).not.toBeNull();
    expect(first.match(/class="chart2-cls-0"/)).not.toBeNull();
  });

  it('speaks English with --lang en', () => {
    const html = page('en');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<h1>Reports at a glance</h1>');
    expect(html).toContain('<p class="summary">4 reports (3 analysed, 1 failed), 2020–2022; 2 charts; completeness: 2 errors, 2 warnings, 2 reports incomplete.</p>');
    expect(svgTexts(html)).toEqual(expect.arrayContaining(['地区生产总值增长 gdp_growth (%)', 'Result', 'Target', '12.22B 元']));
    expect(html).not.toMatch(/报告概览|实际完成|<h2>三、/);
  });

  it('says so where a chosen metric has no figure, or no metric is stated at all', () => {
    const html = page('zh', chooseMetrics(['new_urban_jobs', 'gdp_growth']));
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('<figcaption><strong>城镇新增就业（人）</strong></figcaption><p class="none">没有报告给出这一指标。</p>');
    const bare = buildReportPage({reports, table: compareReports([], []), findings: [], lang: 'zh'});
    expect(bare).toContain('这些报告中没有可比较的指标。');
    expect(bare).toContain('所有报告都通过了完整性检查。');
  });

  it('names a row by its file where the report names no body or two rows would read the same, and draws at most 40 rows', () => {
    const many = Array.from({length: 42}, (_, i) => ({report: row(`x/${String(i).padStart(2, '0')}.txt`, i < 2 ? '丙县人民政府' : '', i < 2 ? 2020 : null), indicators: [figure(`x/${i}.txt`, 'gdp_growth', i + 1, '%')]}));
    const html = buildReportPage({reports: many.map(({report}) => ({report, problems: [], excerpts: []})), table: compareReports(many, chooseMetrics(['gdp_growth'])), findings: [], lang: 'zh'});
    const texts = svgTexts(html);
    expect(texts).toEqual(expect.arrayContaining(['丙县人民政府 2020 (00.txt)', '丙县人民政府 2020 (01.txt)', '02.txt', '39.txt']));
    expect(texts).not.toContain('40.txt');
    expect(html).toContain('42 份报告给出实际数，0 份给出预期目标（共 42 份）；图中列出前 40 份。');
  });

  it('counts one report and an empty file in English', () => {
    const one: PageInput['reports'] = [
      {report: row(A, '甲县人民政府', 2021), problems: [], excerpts: []},
      {report: row('e.txt', '', null, {status: 'empty', kind: '', level: '', sections: '', indicators: 0}), problems: [], excerpts: []},
    ];
    const html = buildReportPage({reports: one, table: compareReports([figures[0]!], chooseMetrics(['gdp'])), findings: [finding(A, 'year', 'error')], lang: 'en'});
    expect(html).toContain('<p class="summary">2 reports (1 analysed, 1 empty), 2021; 1 chart; completeness: 1 error, 0 warnings, 1 report incomplete.</p>');
    expect(html).toContain('<td>empty</td></tr>');
    expect(html).toContain('Results in 1, targets in 0 of 1 reports.');
  });

  it('says a figure in its unit, large ones in 万 and 亿 (English: K, M, B)', () => {
    expect(formatValue(7.8, '%', 'zh')).toBe('7.8%');
    expect(formatValue(3833, '人', 'zh')).toBe('3833人');
    expect(formatValue(925000, '人', 'zh')).toBe('92.5万人');
    expect(formatValue(12220000000, '元', 'zh')).toBe('122.2亿元');
    expect(formatValue(12220000000, '元', 'en')).toBe('12.22B 元');
    expect(formatValue(925000, '人', 'en')).toBe('925K 人');
    expect(formatValue(5370000, '元', 'en')).toBe('5.37M 元');
  });
});

describe('reports report', () => {
  it('writes report.html in the working folder by default', async () => {
    let stderr = '';
    const file = path.join(root, 'fixtures/gwr-local/安国市-2021.txt');
    const status = await main({argv: ['report', file], cwd: temp, stdout: {write: () => true}, stderr: {write: (t: string) => (stderr += t)}, env: {}});
    expect({status, stderr}).toEqual({status: 0, stderr: 'reports: 已写入 report.html：1 份报告，8 个指标\n'});
    const html = readFileSync(path.join(temp, 'report.html'), 'utf8');
    expect(html).toContain('<td>安国市人民政府</td><td>县级</td><td>政府工作报告</td><td class="n">2021</td>');
    expect(existsSync(path.join(temp, `.report.html.${process.pid}.tmp`))).toBe(false);
  });
});
