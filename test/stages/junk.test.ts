// Page furniture: the lines of a web page that are not report text, and report lines that look close.
import {describe, expect, it} from 'vitest';
import {isJunkLine} from '../../src/stages/junk.js';

describe('isJunkLine', () => {
  it.each([
    '打印', '【打印本页】', '【字体：大 中 小】', '无障碍', '您当前的位置：首页 > 政务公开', '发布日期：2020-03-30',
    '索引号：11140700MB1952311J/2022-00012', '上一篇：关于…', '主办单位：晋中市民政局', '粤ICP备05070829号', '扫一扫在手机打开当前页',
  ])('%j is page furniture', (line) => {
    expect(isJunkLine(line)).toBe(true);
  });

  it.each([
    '', '一、工作成效', '全年共受理信访案件148宗，办结率达100%。', '发布日期前完成全部整改。', '来源于群众的意见建议得到及时办理。', '打印机等办公设备采购12台。',
  ])('%j is not', (line) => {
    expect(isJunkLine(line)).toBe(false);
  });

  it('ignores the white space around a line', () => {
    expect(isJunkLine('  打印  ')).toBe(true);
  });
});
