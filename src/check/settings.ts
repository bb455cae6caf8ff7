/**
 * The rules of `reports check`, their default severities and thresholds, and the config
 * file that changes them (reports.config.json, found upward from the working folder, or
 * --config FILE). A bad config is a ConfigError: exit status 2 with a message naming the
 * file, the key and what it got.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';

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
}

/** Finds the config file: the one given, else reports.config.json here or in a parent folder. */
export function findConfig(cwd: string, given: string | undefined): string | null {
  if (given !== undefined) {
    const file = path.resolve(cwd, given);
    if (!existsSync(file)) throw new ConfigError(`${given}: no such config file`);
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
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** Validates a parsed config object and fills in defaults. */
export function resolveSettings(config: unknown, file = CONFIG_NAME): CheckSettings {
  const settings = structuredClone(RULE_DEFAULTS) as Record<string, Record<string, unknown>>;
  if (!isObject(config)) throw new ConfigError(`${file}: expected an object, got ${JSON.stringify(config)}`);
  for (const key of Object.keys(config)) {
    if (key !== 'rules' && key !== 'segmenter') throw new ConfigError(`${file}: unknown key ${JSON.stringify(key)} (expected "rules" or "segmenter")`);
  }
  if (config.segmenter !== undefined && !SEGMENTER_NAMES.includes(config.segmenter as string)) {
    throw new ConfigError(`${file}: "segmenter" must be one of ${SEGMENTER_NAMES.join(', ')}, got ${JSON.stringify(config.segmenter)}`);
  }
  const rules = config.rules ?? {};
  if (!isObject(rules)) throw new ConfigError(`${file}: "rules" must be an object, got ${JSON.stringify(rules)}`);
  for (const [id, value] of Object.entries(rules)) {
    const defaults = settings[id];
    if (!defaults) throw new ConfigError(`${file}: unknown rule ${JSON.stringify(id)} (rules are ${RULE_IDS.join(', ')})`);
    const where = `${file}: rules[${JSON.stringify(id)}]`;
    const options = typeof value === 'string' ? {severity: value} : value;
    if (!isObject(options)) throw new ConfigError(`${where} must be a severity or an object, got ${JSON.stringify(value)}`);
    for (const [option, setting] of Object.entries(options)) {
      const current = defaults[option];
      if (current === undefined) {
        throw new ConfigError(`${where}: unknown option ${JSON.stringify(option)} (options are ${Object.keys(defaults).join(', ')})`);
      }
      if (typeof current === 'string') {
        if (!['error', 'warning', 'off'].includes(setting as string)) {
          throw new ConfigError(`${where}.${option} must be "error", "warning" or "off", got ${JSON.stringify(setting)}`);
        }
      } else if (!Number.isInteger(setting) || (setting as number) < 0) {
        throw new ConfigError(`${where}.${option} must be a whole number of at least 0, got ${JSON.stringify(setting)}`);
      }
      defaults[option] = setting;
    }
  }
  return settings as CheckSettings;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
