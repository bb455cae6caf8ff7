/**
 * The rules of `reports check`, their default severities and thresholds, and the config
 * file that changes them (reports.config.json, found upward from the working folder, or
 * --config FILE). A bad config is a ConfigError: exit status 2 with a message naming the
 * file, the key and what it got.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {oneLine, type Text} from '../messages.js';

export type RuleSeverity = 'error' | 'warning' | 'off';

/** Every rule with its default severity and options. */
export const RULE_DEFAULTS = {
  'required-section': {severity: 'error' as RuleSeverity},
  'empty-section': {severity: 'warning' as RuleSeverity, minChars: 20},
  'thin-problems': {severity: 'warning' as RuleSeverity, minChars: 60},
  year: {severity: 'error' as RuleSeverity, planSeverity: 'warning' as RuleSeverity},
  'publish-deadline': {severity: 'warning' as RuleSeverity, month: 4, day: 1},
  'no-indicators': {severity: 'warning' as RuleSeverity},
  decoding: {severity: 'error' as RuleSeverity},
  'duplicate-paragraph': {severity: 'warning' as RuleSeverity, minChars: 50},
};

export type RuleId = keyof typeof RULE_DEFAULTS;
export type CheckSettings = {[K in RuleId]: (typeof RULE_DEFAULTS)[K]};
export const RULE_IDS = Object.keys(RULE_DEFAULTS) as RuleId[];

/** The name of the config file looked for upward from the working folder. */
export const CONFIG_NAME = 'reports.config.json';

/** A config file that cannot be used. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** Builds the error from its message in both languages (`message` is the English one). */
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** Finds the config file: the one given, else reports.config.json here or in a parent folder. */
export function findConfig(cwd: string, given: string | undefined): string | null {
  if (given !== undefined) {
    const file = path.resolve(cwd, given);
    if (!existsSync(file)) throw new ConfigError({zh: `${given}：没有这个配置文件；请检查 --config 的路径`, en: `${given}: no such config file; check the path given to --config`});
    return file;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, CONFIG_NAME);
    if (existsSync(file)) return file;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The segmenters a config file may name (see src/stages/segment.ts). */
const SEGMENTER_NAMES = ['jieba-rs', 'nodejieba'];

/** Reads the `segmenter` a config file names, or undefined when it names none. */
export function loadSegmenter(file: string | null): 'jieba-rs' | 'nodejieba' | undefined {
  if (file === null) return undefined;
  const config = parseConfig(file);
  resolveSettings(config, file);
  return isObject(config) ? (config.segmenter as 'jieba-rs' | 'nodejieba' | undefined) : undefined;
}

/** Loads and validates a config file, returning the settings of every rule. */
export function loadSettings(file: string | null): CheckSettings {
  if (file === null) return structuredClone(RULE_DEFAULTS);
  return resolveSettings(parseConfig(file), file);
}

/** Reads a config file as JSON. */
function parseConfig(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError({zh: `${file}：不是有效的 JSON（${oneLine((error as Error).message)}）；请修正该文件`, en: `${file}: not valid JSON (${oneLine((error as Error).message)}); fix the file`});
  }
}

/** Validates a parsed config object and fills in defaults. */
export function resolveSettings(config: unknown, file = CONFIG_NAME): CheckSettings {
  const settings = structuredClone(RULE_DEFAULTS) as Record<string, Record<string, unknown>>;
  if (!isObject(config)) throw new ConfigError({zh: `${file}：应为一个对象，实际是 ${JSON.stringify(config)}`, en: `${file}: expected an object, got ${JSON.stringify(config)}`});
  for (const key of Object.keys(config)) {
    if (key !== 'rules' && key !== 'segmenter') {
      throw new ConfigError({
        zh: `${file}：未知的键 ${JSON.stringify(key)}（只能是 "rules" 或 "segmenter"）`,
        en: `${file}: unknown key ${JSON.stringify(key)} (expected "rules" or "segmenter")`,
      });
    }
  }
  if (config.segmenter !== undefined && !SEGMENTER_NAMES.includes(config.segmenter as string)) {
    throw new ConfigError({
      zh: `${file}："segmenter" 须为 ${SEGMENTER_NAMES.join('、')} 之一，实际是 ${JSON.stringify(config.segmenter)}`,
      en: `${file}: "segmenter" must be one of ${SEGMENTER_NAMES.join(', ')}, got ${JSON.stringify(config.segmenter)}`,
    });
  }
  const rules = config.rules ?? {};
  if (!isObject(rules)) throw new ConfigError({zh: `${file}："rules" 应为一个对象，实际是 ${JSON.stringify(rules)}`, en: `${file}: "rules" must be an object, got ${JSON.stringify(rules)}`});
  for (const [id, value] of Object.entries(rules)) {
    const defaults = settings[id];
    if (!defaults) throw new ConfigError({zh: `${file}：未知的规则 ${JSON.stringify(id)}（规则有 ${RULE_IDS.join(', ')}）`, en: `${file}: unknown rule ${JSON.stringify(id)} (rules are ${RULE_IDS.join(', ')})`});
    const where = `${file}: rules[${JSON.stringify(id)}]`;
    const options = typeof value === 'string' ? {severity: value} : value;
    if (!isObject(options)) throw new ConfigError({zh: `${where} 应为严重级别或一个对象，实际是 ${JSON.stringify(value)}`, en: `${where} must be a severity or an object, got ${JSON.stringify(value)}`});
    for (const [option, setting] of Object.entries(options)) {
      const current = defaults[option];
      if (current === undefined) {
        throw new ConfigError({zh: `${where}：未知的选项 ${JSON.stringify(option)}（选项有 ${Object.keys(defaults).join(', ')}）`, en: `${where}: unknown option ${JSON.stringify(option)} (options are ${Object.keys(defaults).join(', ')})`});
      }
      if (typeof current === 'string') {
        if (!['error', 'warning', 'off'].includes(setting as string)) {
          throw new ConfigError({zh: `${where}.${option} 应为 "error"、"warning" 或 "off"，实际是 ${JSON.stringify(setting)}`, en: `${where}.${option} must be "error", "warning" or "off", got ${JSON.stringify(setting)}`});
        }
      } else if (!Number.isInteger(setting) || (setting as number) < 0) {
        throw new ConfigError({zh: `${where}.${option} 应为不小于 0 的整数，实际是 ${JSON.stringify(setting)}`, en: `${where}.${option} must be a whole number of at least 0, got ${JSON.stringify(setting)}`});
      }
      defaults[option] = setting;
    }
  }
  return settings as CheckSettings;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
