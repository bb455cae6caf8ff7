// Reading .docx, .doc and .pdf: each extractor against the text a reader should get, the
// same report in four formats giving the same analysis, and documents that cannot be read.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {zipSync} from 'fflate';
import {describe, expect, it} from 'vitest';
import {analyzeSource} from '../src/analyze-source.js';
import type {AnalyzeOptions} from '../src/analyze.js';
import {docLines, withLabels} from '../src/stages/extract/doc.js';
import {docxLines, formatNumber} from '../src/stages/extract/docx.js';
import {extractDocument} from '../src/stages/extract/index.js';
import {pdfLines} from '../src/stages/extract/pdf.js';
import {removeProducerSpaces} from '../src/stages/extract/spacing.js';
import type {FileResult} from '../src/types.js';

const root = path.resolve(import.meta.dirname, '..');
const samples = path.join(root, 'fixtures/formats/samples');
const SAMPLES = ['s000', 's001', 's002', 's003', 's004'];
const bytesOf = (file: string): Buffer => readFileSync(path.join(root, 'fixtures/formats', file));
/** The text a reader should get (LibreOffice's sources, hand-checked): one paragraph a line. */
const expected = (sample: string): string[] => readFileSync(path.join(samples, `${sample}.txt`), 'utf8').split('\n').filter((line) => line !== '');
/** Lines with all whitespace taken out (PDF gives a plain space where the source had U+00A0). */
const squeeze = (lines: readonly string[]): string[] => lines.map((line) => line.replace(/\s+/gu, ''));
const OPTIONS: AnalyzeOptions = {words: false, keywords: 0, labels: false};
const analyse = (file: string, lang?: 'zh' | 'en'): Promise<FileResult> =>
  analyzeSource({file, bytes: bytesOf(file)}, lang ? {...OPTIONS, lang} : OPTIONS);

describe('.docx', () => {
  it.each(SAMPLES)('%s: every line as a reader gets it, automatic numbers and table rows included', (sample) => {
    expect(docxLines(bytesOf(`samples/${sample}.docx`)).text).toEqual(expected(sample));
  });

  it('writes list counters in Word formats', () => {
    expect([1, 10, 11, 20, 21, 105].map((n) => formatNumber(n, 'taiwaneseCountingThousand'))).toEqual(['一', '十', '十一', '二十', '二十一', '一百零五']);
    expect(formatNumber(3, 'chineseCounting')).toBe('三');
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('拾贰');
    expect(formatNumber(4, 'decimalEnclosedCircle')).toBe('④');
  });

  it('restores numbering from a style, with its suffix, skips deleted text, field codes and fallback copies', () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
    const styles = `<w:styles ${w}><w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>`
      + `<w:style w:type="paragraph" w:styleId="H2b"><w:basedOn w:val="H2"/></w:style></w:styles>`;
    const numbering = `<w:numbering ${w}><w:abstractNum w:abstractNumId="0">`
      + `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>`
      + `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>`
      + `</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const p = (props: string, runs: string): string => `<w:p><w:pPr>${props}</w:pPr>${runs}</w:p>`;
    const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const document = `<w:document ${w}><w:body>`
      + p('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>', r('工作成效'))
      + p('<w:pStyle w:val="H2b"/>', r('强化领导'))
      + p('<w:pStyle w:val="H2"/>', r('完善制度'))
      + p('', `${r('办结')}<w:del><w:r><w:delText>十二</w:delText></w:r></w:del><w:ins><w:r><w:t>12</w:t></w:r></w:ins>${r('件')}`)
      + p('', `${r('见第')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r('页')}`)
      + p('', `<mc:AlternateContent><mc:Choice Requires="wps">${r('图中文字')}</mc:Choice><mc:Fallback>${r('图中文字')}</mc:Fallback></mc:AlternateContent>`)
      + p('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>', r('存在问题'))
      + p('<w:pStyle w:val="H2"/>', r('人员不足'))
      + `</w:body></w:document>`;
    const zip = zipSync({'word/document.xml': Buffer.from(document), 'word/styles.xml': Buffer.from(styles), 'word/numbering.xml': Buffer.from(numbering)});
    expect(docxLines(zip).text).toEqual(['一、工作成效', '（一）强化领导', '（二）完善制度', '办结12件', '见第3页', '图中文字', '二、存在问题', '（一）人员不足']);
  });

  it('refuses a zip bomb by its inflated size, before it is all inflated', () => {
    const bomb = zipSync({'word/document.xml': new Uint8Array(80 * 1024 * 1024)}, {level: 9});
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => docxLines(bomb)).toThrow(/too large once inflated/);
    // The same check with a small limit: a part of 2 MB against 1 MB.
    const small = zipSync({'word/document.xml': new Uint8Array(2 * 1024 * 1024)});
    expect(() => docxLines(small, 1024 * 1024)).toThrow(/too large/);
  });
});

describe('.doc', () => {
  it.each(SAMPLES)('%s: every line as a reader gets it, automatic numbers, “quotes” and — dashes included', async (sample) => {
    expect((await docLines(bytesOf(`samples/${sample}.doc`))).text).toEqual(expected(sample));
  });

  it('puts each label on the line of its paragraph, passing over table cells and repeated text', () => {
    const lines = ['一、工作成效', '加强领导', '单位\t年份', '加强领导'];
    const paragraphs = [{text: '一、工作成效', label: ''}, {text: '加强领导', label: ''}, {text: '单位', label: ''}, {text: '年份', label: ''}, {text: '加强领导', label: '1. '}];
    expect(withLabels(lines, paragraphs)).toEqual(['一、工作成效', '加强领导', '单位\t年份', '1. 加强领导']);
  });
});

describe('.pdf', () => {
  it.each(SAMPLES)('%s: the same paragraphs as a reader gets, whitespace aside, each with its page', async (sample) => {
    const got = await pdfLines(bytesOf(`samples/${sample}.pdf`));
    expect(squeeze(got.text)).toEqual(squeeze(expected(sample)));
    expect(got.page).toHaveLength(got.text.length);
    expect(got.page![0]).toBe(1);
    expect(got.page![got.page!.length - 1]).toBe(got.pages);
    expect([...got.page!].sort((a, b) => a - b)).toEqual(got.page);
  });

  it('reads Chinese fonts that are not embedded through the shipped CMaps (GBK-EUC-H, UniGB-UCS2-H)', async () => {
    for (const file of ['cmap/cmap-gbk.pdf', 'cmap/cmap-ucs2.pdf']) {
      expect((await pdfLines(bytesOf(file))).text).toEqual(['一、工作成效', '2019年以来，我局认真贯彻落实法治政府建设。']);
    }
  });

  it('drops the narrow gaps producers put between Chinese and Latin, and keeps real spaces', () => {
    expect(removeProducerSpaces('2019\u2009年新成立 17\u2009家')).toBe('2019年新成立 17家');
    expect(removeProducerSpaces('测试报告\u2009000，利用 “12.4”')).toBe('测试报告000，利用 “12.4”');
    expect(removeProducerSpaces('Word\u2009Report')).toBe('Word Report');
  });
});

describe('the same report in four formats', () => {
  it.each(SAMPLES)('%s: the same org, year, sections and indicators from .txt, .docx, .doc and .pdf', async (sample) => {
    const text = await analyse(`samples/${sample}.txt`);
    const indicators = (result: FileResult): string[] => result.indicators.map((i) => `${i.section} ${i.value} ${i.unit}`);
    const parts = (result: FileResult): string[] => result.sections.map((s) => `${s.section} ${s.heading}`);
    expect(text.indicators.length).toBeGreaterThan(10);
    for (const format of ['docx', 'doc', 'pdf']) {
      const other = await analyse(`samples/${sample}.${format}`);
      expect(other.report).toMatchObject({status: 'ok', encoding: format, org: text.report.org, year: text.report.year, sections: text.report.sections});
      expect(parts(other)).toEqual(parts(text));
      if (format !== 'pdf') {
        expect(indicators(other)).toEqual(indicators(text));
        expect(other.indicators.every((i) => i.page === null)).toBe(true);
        continue;
      }
      // PDF: at least 98 % of the indicators, each with its page; no running line anywhere.
      const wanted = indicators(text);
      const found = new Set(indicators(other));
      expect(wanted.filter((i) => found.has(i)).length / wanted.length).toBeGreaterThanOrEqual(0.98);
      expect(other.indicators.every((i) => Number.isInteger(i.page) && i.page! >= 1)).toBe(true);
      const lines = (await extractDocument(`${sample}.pdf`, bytesOf(`samples/${sample}.pdf`))).lines.text;
      expect(lines.filter((line) => /某某市民政局 ?年度法治政府建设报告|^第\s*\d+\s*页$/u.test(line))).toEqual([]);
    }
  });
});

describe('a plain layout: LibreOffice’s import of a .txt (no indent, no gap between paragraphs)', () => {
  const source = readFileSync(path.join(root, 'fixtures/gwr/北京市.txt'), 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');

  it('.docx: every line', () => {
    expect(docxLines(bytesOf('plain/北京市.docx')).text).toEqual(source);
  });

  it('.pdf: the whole text, most paragraphs whole, and the same sections and indicators as the .txt', async () => {
    const got = await pdfLines(bytesOf('plain/北京市.pdf'));
    expect(squeeze(got.text).join('')).toBe(squeeze(source).join(''));
    // A paragraph whose last line happens to fill the line has no cue left: it joins the next.
    const lines = new Set(squeeze(source));
    expect(squeeze(got.text).filter((line) => lines.has(line)).length / source.length).toBeGreaterThanOrEqual(0.9);
    const text = await analyzeSource({file: 'a.txt', bytes: readFileSync(path.join(root, 'fixtures/gwr/北京市.txt'))}, OPTIONS);
    const pdf = await analyse('plain/北京市.pdf');
    expect(pdf.sections.map((s) => `${s.section} ${s.heading}`)).toEqual(text.sections.map((s) => `${s.section} ${s.heading}`));
    const found = new Set(pdf.indicators.map((i) => `${i.section} ${i.value} ${i.unit}`));
    expect(text.indicators.filter((i) => found.has(`${i.section} ${i.value} ${i.unit}`)).length / text.indicators.length).toBeGreaterThanOrEqual(0.98);
  });
});

describe('documents that cannot be read', () => {
  it.each([
    ['bad/encrypted.pdf', 'document-encrypted', '文档已加密（设有密码），无法读取', 'the document is encrypted (password protected) and cannot be read'],
    ['bad/encrypted.doc', 'document-encrypted', '文档已加密（设有密码），无法读取', 'the document is encrypted (password protected) and cannot be read'],
    ['bad/scan.pdf', 'no-text-layer', 'PDF 没有文本层（扫描件？），需先做文字识别（OCR）：共 1 页，没有文字', 'the PDF has no text layer (a scan?); it needs OCR first: 1 page(s), no text'],
  ])('%s: an error row with the reason, in Chinese by default and in English with lang en', async (file, ruleId, zh, en) => {
    const chinese = await analyse(file);
    expect(chinese.report).toMatchObject({status: 'error', error: zh, indicators: 0});
    expect(chinese.messages).toEqual([expect.objectContaining({ruleId, severity: 'error', reason: zh, file})]);
    expect((await analyse(file, 'en')).report.error).toBe(en);
  });

  it('gives a truncated .pdf, .docx or .doc its error row as damaged', async () => {
    for (const format of ['pdf', 'docx', 'doc']) {
      const whole = bytesOf(`samples/s000.${format}`);
      const result = await analyzeSource({file: `cut.${format}`, bytes: whole.subarray(0, 3000)}, {...OPTIONS, lang: 'en'});
      expect(result.report.status, format).toBe('error');
      expect(result.report.error, format).toMatch(/^the document is damaged and cannot be read/);
    }
  });

  it('refuses a password-protected .docx, which is an OLE file holding an EncryptedPackage', async () => {
    // Built here: the compound-file signature and a directory entry named EncryptedPackage
    // (UTF-16), which is what Office writes for an encrypted OOXML document.
    const header = Buffer.alloc(1024);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header);
    Buffer.from('EncryptedPackage', 'utf16le').copy(header, 512);
    const result = await analyzeSource({file: 'locked.docx', bytes: header}, OPTIONS);
    expect(result.report).toMatchObject({status: 'error', error: '文档已加密（设有密码），无法读取', encoding: 'docx'});
  });

  it('reads a document by its bytes when its extension lies', async () => {
    const result = await analyzeSource({file: 'report.txt', bytes: bytesOf('samples/s000.docx')}, OPTIONS);
    expect(result.report).toMatchObject({status: 'ok', encoding: 'docx', sections: '成效;问题;计划'});
  });
});
