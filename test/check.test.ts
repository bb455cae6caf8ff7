// reports check: each rule with an input that triggers it and one that does not, the
// config file, and each output format parsed back.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {afterAll, describe, expect, it} from 'vitest';
import {analyzeFile} from '../src/analyze.js';
import {ConfigError, findConfig, resolveSettings, RULE_DEFAULTS, type CheckSettings} from '../src/check/settings.js';
import {main} from '../src/cli.js';
import type {Message} from '../src/types.js';

const root = path.resolve(import.meta.dirname, '..');
const temp = mkdtempSync(path.join(tmpdir(), 'reports-check-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

/** Checks a text (or a fixture's bytes) and returns its findings as `rule severity line`. */
function check(text: string | Uint8Array, settings: CheckSettings = structuredClone(RULE_DEFAULTS), lang: 'zh' | 'en' = 'zh'): Message[] {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  return analyzeFile({file: 'r.txt', bytes}, {words: false, keywords: 0, labels: false, check: {settings, lang}}).messages;
}
const rules = (messages: Message[]): string[] => messages.map((m) => `${m.ruleId} ${m.severity} ${m.line}`);
const fixture = (name: string): Buffer => readFileSync(path.join(root, 'fixtures', name));

const PROBLEMS = '一是执法人员法治素养有待提高，部分执法人员对新法规掌握不够；二是普法宣传的针对性不够强，群众参与度不高；三是基层法治力量薄弱，专业人才缺乏。';
/** A complete small rule-of-law report, to break one rule at a time. */
const COMPLETE = [
  '某县司法局2023年法治政府建设年度报告',
  '一、主要举措和成效',
  '全年共受理行政复议案件12件，办结率达100%。局主要负责人切实履行推进法治建设第一责任人职责，亲自部署重要工作。',
  '二、存在的不足和原因',
  PROBLEMS,
  '三、2024年工作安排',
  '2024年，我局将继续加强执法队伍建设，计划组织执法培训不少于4期，进一步提升依法行政水平。',
  '某县司法局',
  '2024年3月20日',
].join('\n');

describe('check rules', () => {
  it('required-section: a problems heading with nothing of its own under it is no problems part', () => {
    const headingOnly = COMPLETE.replace(`${PROBLEMS}\n`, '');
    const findings = check(headingOnly);
    expect(findings.filter((m) => m.ruleId === 'required-section').map((m) => m.reason)).toEqual(['缺少“存在的不足和原因”部分']);
  });

  it('passes a complete report', () => {
    expect(rules(check(COMPLETE))).toEqual([]);
  });

  it('required-section: names the missing part in the regulation’s words', () => {
    const findings = check(fixture('seeds/001_0244ca3677c79978.txt'));
    expect(findings.map((m) => [m.ruleId, m.severity, m.reason])).toEqual([['required-section', 'error', '缺少“存在的不足和原因”部分']]);
    expect(check(COMPLETE.replace(/二、存在的不足和原因\n.*\n/, ''), undefined, 'en').map((m) => m.reason)).toEqual([
      'missing the part “存在的不足和原因” (shortcomings and their causes)',
    ]);
  });

  it.each(['000_c35e7c647163d1aa', '002_1da8540b38c41ad1', '003_5d2ab5fed4f2549d', '004_55f8869aa2a36b96'])('required-section: seed %s has no error', (name) => {
    expect(check(fixture(`seeds/${name}.txt`)).filter((m) => m.severity === 'error')).toEqual([]);
  });

  it.each(['北京市', '广东省', '江西省', '浙江省', '甘肃省'])('required-section: %s passes, and fails without its problems paragraph', (name) => {
    const text = fixture(`gwr/${name}.txt`).toString('utf8');
    expect(check(text).filter((m) => m.severity === 'error')).toEqual([]);
    const without = text.split('\n').filter((line) => !/清醒|需要向各位代表说明/.test(line.slice(0, 40))).join('\n');
    expect(check(without).map((m) => [m.ruleId, m.reason])).toContainEqual(['required-section', '缺少“存在的困难和问题”部分']);
  });

  it('required-section: the first-responsible-person content may stand inside another part', () => {
    expect(rules(check(COMPLETE))).toEqual([]);
    const without = COMPLETE.replace('局主要负责人切实履行推进法治建设第一责任人职责，亲自部署重要工作。', '');
    expect(check(without).map((m) => m.reason)).toEqual(['缺少“党政主要负责人履行推进法治建设第一责任人职责的情况”部分']);
  });

  it('empty-section: a headed part with no text', () => {
    const text = COMPLETE.replace(PROBLEMS, '无。');
    expect(rules(check(text))).toContain('empty-section warning 4');
  });

  it('thin-problems: a short problems part, and one naming no problem', () => {
    expect(rules(check(COMPLETE.replace(PROBLEMS, '一是执法人员法治素养有待提高，基层法治力量薄弱。')))).toEqual(['thin-problems warning 4']);
    const vague = COMPLETE.replace(PROBLEMS, '我局将在今后的工作中继续努力，认真总结经验，进一步做好各项工作，确保各项任务圆满完成，取得更大成绩，为全县发展作出应有贡献。');
    expect(check(vague).find((m) => m.ruleId === 'thin-problems')?.reason).toBe('“存在的问题”部分没有写明具体问题');
  });

  it('year: none found is an error; a plan for another year a warning', () => {
    expect(rules(check('一、工作成效\n做了很多工作，办结案件12件。'))).toContain('year error 0');
    expect(rules(check(COMPLETE.replace('三、2024年工作安排', '三、2025年工作安排')))).toEqual(['year warning 6']);
  });

  it('publish-deadline: published after 1 April of the following year', () => {
    expect(rules(check(COMPLETE.replace('2024年3月20日', '2024年4月15日')))).toEqual(['publish-deadline warning 9']);
    expect(rules(check(`发布日期：2024-05-06\n${COMPLETE}`))).toContain('publish-deadline warning 1');
  });

  it('no-indicators: a report without a single number', () => {
    const text = COMPLETE.replace(/[0-9]+件|100%|不少于4期/g, '一些');
    expect(rules(check(text))).toEqual(['no-indicators warning 0']);
  });

  it('decoding: replacement characters, and text decoded with the wrong encoding', () => {
    expect(rules(check(COMPLETE.replace('执法人员', '执法\uFFFD员')))).toEqual(['decoding error 5']);
    const garbled = Buffer.from(COMPLETE, 'utf8').toString('latin1');
    const mojibake = new TextDecoder('gb18030').decode(Buffer.from(COMPLETE, 'utf8'));
    expect(garbled).not.toBe(mojibake);
    expect(check(mojibake).map((m) => m.ruleId)).toContain('decoding');
  });

  it('duplicate-paragraph: the same long paragraph twice', () => {
    const twice = COMPLETE.replace('三、2024年工作安排', '全年共受理行政复议案件12件，办结率达100%。局主要负责人切实履行推进法治建设第一责任人职责，亲自部署重要工作。\n三、2024年工作安排');
    expect(rules(check(twice))).toEqual(['duplicate-paragraph warning 6']);
  });
});

describe('check settings', () => {
  it('turns rules off, changes severities and thresholds', () => {
    const settings = resolveSettings({rules: {'no-indicators': 'error', 'thin-problems': {minChars: 1000}, 'required-section': 'off'}});
    expect(settings['no-indicators'].severity).toBe('error');
    expect(settings['thin-problems']).toEqual({severity: 'warning', minChars: 1000});
    expect(rules(check(fixture('seeds/001_0244ca3677c79978.txt'), settings))).toEqual([]);
  });

  it.each([
    [{rules: {nope: 'error'}}, /unknown rule "nope"/],
    [{rules: {year: 'fatal'}}, /rules\["year"\]\.severity must be "error", "warning" or "off", got "fatal"/],
    [{rules: {'thin-problems': {minChars: -1}}}, /minChars must be a whole number of at least 0, got -1/],
    [{rulez: {}}, /unknown key "rulez"/],
    [[], /expected an object/],
  ])('refuses %j', (config, pattern) => {
    expect(() => resolveSettings(config)).toThrow(ConfigError);
    expect(() => resolveSettings(config)).toThrow(pattern);
  });

  it('finds reports.config.json upward from the working folder', () => {
    const dir = path.join(temp, 'a/b/c');
    mkdirSync(dir, {recursive: true});
    writeFileSync(path.join(temp, 'a', 'reports.config.json'), '{"rules": {}}');
    expect(findConfig(dir, undefined)).toBe(path.join(temp, 'a', 'reports.config.json'));
  });
});

describe('check output formats', () => {
  /** Runs `reports check` in-process and returns its exit status and output. */
  async function run(...args: string[]): Promise<{code: number; out: string; err: string}> {
    let out = '';
    let err = '';
    const code = await main({argv: ['check', ...args], cwd: root, stdout: {write: (t: string) => (out += t)}, stderr: {write: (t: string) => (err += t)}, env: {}});
    return {code, out, err};
  }
  const inputs = ['fixtures/seeds', '--lang', 'en'];

  it('json', async () => {
    const {code, out} = await run(...inputs, '--format', 'json');
    expect(code).toBe(1);
    const document = JSON.parse(out);
    expect(document.summary).toEqual({files: 5, errors: 1, warnings: 0});
    expect(document.files[1].findings[0]).toMatchObject({ruleId: 'required-section', severity: 'error'});
  });

  it('sarif', async () => {
    const log = JSON.parse((await run(...inputs, '--format', 'sarif')).out);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules.map((r: {id: string}) => r.id)).toContain('required-section');
    expect(log.runs[0].results).toEqual([expect.objectContaining({ruleId: 'required-section', level: 'error',
      locations: [{physicalLocation: {artifactLocation: {uri: 'fixtures/seeds/001_0244ca3677c79978.txt'}}}]})]);
  });

  it('junit: one testsuite per file, one testcase per rule, warnings kept', async () => {
    writeFileSync(path.join(temp, 'dup.txt'), COMPLETE.replace('三、2024年工作安排', '全年共受理行政复议案件12件，办结率达100%。局主要负责人切实履行推进法治建设第一责任人职责，亲自部署重要工作。\n三、2024年工作安排'));
    const {out} = await run('fixtures/seeds/001_0244ca3677c79978.txt', path.join(temp, 'dup.txt'), '--format', 'junit');
    expect(XMLValidator.validate(out)).toBe(true);
    const xml = new XMLParser({ignoreAttributes: false}).parse(out);
    const suites: Record<string, any>[] = xml.testsuites.testsuite;
    expect(suites).toHaveLength(2);
    const seed = suites.find((suite) => suite['@_name'] === 'fixtures/seeds/001_0244ca3677c79978.txt')!;
    const dup = suites.find((suite) => suite['@_name'].endsWith('dup.txt'))!;
    expect(seed.testcase).toHaveLength(Object.keys(RULE_DEFAULTS).length);
    expect(seed['@_failures']).toBe('1');
    const failed = seed.testcase.find((t: Record<string, unknown>) => t['@_name'] === 'required-section');
    expect(failed.failure['@_message']).toBe('缺少“存在的不足和原因”部分');
    const warned = dup.testcase.find((t: Record<string, unknown>) => t['@_name'] === 'duplicate-paragraph');
    expect(dup['@_failures']).toBe('0');
    expect(warned['system-out']).toMatch(/dup\.txt:\d+:1 警告 与第3行的段落重复/);
    expect(warned.failure).toBeUndefined();
  });

  it('github: workflow commands', async () => {
    const {out} = await run(...inputs, '--format', 'github');
    // A missing part is about the whole file: no line, so GitHub puts it on the file.
    expect(out).toBe('::error file=fixtures/seeds/001_0244ca3677c79978.txt,title=required-section::missing the part “存在的不足和原因” (shortcomings and their causes)\n');
    writeFileSync(path.join(temp, 'late.txt'), COMPLETE.replace('三、2024年工作安排', '三、2025年工作安排'));
    expect((await run(path.join(temp, 'late.txt'), '--format', 'github')).out).toMatch(/^::warning file=[^,]+late\.txt,line=6,col=1,title=year::.+\n$/);
  });

  it('text, and exit statuses', async () => {
    const failing = await run('fixtures/seeds');
    expect(failing.code).toBe(1);
    expect(failing.out).toMatch(/fixtures\/seeds\/001_0244ca3677c79978\.txt\n {2}- {2}错误 {2}缺少“存在的不足和原因”部分 {2}required-section\n/);
    expect((await run('fixtures/seeds', '--lang', 'en')).out).toMatch(/001_0244ca3677c79978\.txt\n {2}- {2}error {3}missing the part “存在的不足和原因” \(shortcomings and their causes\) {2}required-section\n/);
    expect((await run('fixtures/seeds/000_c35e7c647163d1aa.txt')).code).toBe(0);
    expect((await run('fixtures/synthetic/problems-under-plans.txt', 'fixtures/seeds/000_c35e7c647163d1aa.txt', '--max-warnings', '0')).code).toBe(0);
    writeFileSync(path.join(temp, 'noisy.txt'), COMPLETE.replace('三、2024年工作安排', '三、2025年工作安排'));
    expect((await run(path.join(temp, 'noisy.txt'))).code).toBe(0);
    const strict = await run(path.join(temp, 'noisy.txt'), '--max-warnings', '0');
    expect([strict.code, strict.err]).toEqual([1, 'reports: 1 个警告，超过了 --max-warnings 0；请处理这些警告或提高上限\n']);
    const english = await run(path.join(temp, 'noisy.txt'), '--max-warnings', '0', '--lang', 'en');
    expect(english.err).toBe('reports: 1 warning, more than --max-warnings 0; fix them or raise the limit\n');
    expect(english.out).toMatch(/\n {2}6:1 {2}warning {1}.+ {2}year\n/);
  });

  it('writing to a file does not change the exit status', async () => {
    const file = path.join(temp, 'out', 'check.json');
    const {code, out} = await run('fixtures/seeds', '--format', 'json', '-o', file);
    expect([code, out]).toEqual([1, '']);
    expect(JSON.parse(readFileSync(file, 'utf8')).summary.errors).toBe(1);
  });

  it('a bad config or format is a usage error (exit 2)', async () => {
    writeFileSync(path.join(temp, 'bad.json'), '{"rules": {"year": "fatal"}}');
    const bad = await run('fixtures/seeds', '--config', path.join(temp, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^reports: .*bad\.json: rules\["year"\]\.severity 应为 "error"、"warning" 或 "off"，实际是 "fatal"\n$/);
    expect((await run('fixtures/seeds', '--format', 'xml')).code).toBe(2);
    expect((await run('no/such/path')).code).toBe(2);
  });
});
