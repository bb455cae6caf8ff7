// The help of every command is in one language: Chinese by default, English with --lang en.
import {describe, expect, it} from 'vitest';
import {main} from '../src/cli.js';

/** The help text of a command (or of the program, for ''). */
async function help(command: string, ...extra: string[]): Promise<string> {
  let out = '';
  const argv = [...(command ? [command] : []), '--help', ...extra];
  expect(await main({argv, cwd: process.cwd(), stdout: {write: (t: string) => (out += t)}, stderr: {write: () => true}, env: {}})).toBe(0);
  return out;
}

describe('help', () => {
  it.each(['', 'analyze', 'metrics', 'sections', 'check', 'report', 'compare'])('of %j has no English description in Chinese', async (command) => {
    const text = await help(command);
    expect(text).toMatch(/^用法： reports/);
    // Three English words in a row are an untranslated description (option names and placeholders are not).
    expect(text.split('\n').filter((line) => /[a-z]{2,} [a-z]{2,} [a-z]{2,}/i.test(line.replace(/<[^>]+>|\[[^\]]+\]/g, '')))).toEqual([]);
  });

  it.each(['', 'analyze', 'metrics', 'sections', 'check', 'report', 'compare'])('of %j is all English with --lang en', async (command) => {
    const text = await help(command, '--lang', 'en');
    expect(text).toMatch(/^Usage: reports/);
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
