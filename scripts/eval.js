#!/usr/bin/env node
// Measures accuracy against the hand-labelled gold files in fixtures/gold: section accuracy
// (share of characters whose section is right; precision and recall of 问题 lines) and
// indicator precision, recall and field accuracy. `--errors` lists every miss to look at.
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {analyzeFile} from '../dist/index.js';
import {checkThresholds, record} from './eval-gate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'fixtures');
const showErrors = process.argv.includes('--errors');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);
const SOURCE_FOLDERS = ['seeds', 'gwr', 'synthetic', 'heldout', 'heldout-indicators'];

/** Finds the report a gold file labels, by its base name, in the fixture folders. */
function sourceOf(base) {
  for (const folder of SOURCE_FOLDERS) {
    const file = path.join(fixtures, folder, `${base}.txt`);
    if (existsSync(file)) return file;
  }
  throw new Error(`no report for gold file ${base}`);
}

const cache = new Map();
/** Analyses a fixture report once. */
function analyse(file) {
  if (!cache.has(file)) cache.set(file, analyzeFile({file, bytes: readFileSync(file)}, {words: false, keywords: 0}));
  return cache.get(file);
}

const ratio = (a, b) => (b === 0 ? 1 : a / b);
const pct = (x) => x.toFixed(3);
const pad = (text, width) => String(text) + ' '.repeat(Math.max(0, width - [...String(text)].length * (/[\u4e00-\u9fff]/.test(text) ? 2 : 1)));

// ---- sections ----
// gold/sections: the labelled set the rules were written against; heldout/: reports written
// and labelled by someone who never saw the rules, measured as they came before any change.
for (const [title, folder] of [['Sections (fixtures/gold/sections)', 'gold/sections'], ['Sections, held out (fixtures/heldout)', 'heldout']]) {
console.log(`${title}: character accuracy, 问题 lines precision/recall/F1`);
const sectionTotals = {right: 0, all: 0, tp: 0, fp: 0, fn: 0};
for (const name of readdirSync(path.join(fixtures, folder)).filter((n) => n.endsWith('.sections.json')).sort()) {
  const base = name.replace(/\.sections\.json$/, '');
  if (only && !base.includes(only)) continue;
  const gold = JSON.parse(readFileSync(path.join(fixtures, folder, name), 'utf8'));
  const file = sourceOf(base);
  const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  const goldKind = [];
  for (const span of gold.spans) for (let l = span.from; l <= span.to; l++) goldKind[l] = span.section;
  const predicted = [];
  for (const row of analyse(file).sections) for (let l = row.line_start; l <= row.line_end; l++) predicted[l] = row.section;
  const t = {right: 0, all: 0, tp: 0, fp: 0, fn: 0};
  const wrong = [];
  for (let l = 1; l < goldKind.length; l++) {
    const weight = (lines[l - 1] ?? '').replace(/\s+/g, '').length;
    t.all += weight;
    if (predicted[l] === goldKind[l]) t.right += weight;
    else if (weight > 0) wrong.push(`${l}: gold ${goldKind[l]} got ${predicted[l] ?? '-'}  ${(lines[l - 1] ?? '').trim().slice(0, 40)}`);
    if (weight === 0) continue;
    const p = predicted[l] === '问题';
    const g = goldKind[l] === '问题';
    if (p && g) t.tp++;
    else if (p) t.fp++;
    else if (g) t.fn++;
  }
  for (const key of Object.keys(t)) sectionTotals[key] += t[key];
  const precision = ratio(t.tp, t.tp + t.fp);
  const recall = ratio(t.tp, t.tp + t.fn);
  console.log(`  ${pad(base, 28)} chars ${pct(ratio(t.right, t.all))}  问题 P ${pct(precision)} R ${pct(recall)}`);
  if (showErrors) for (const line of wrong) console.log(`      ${line}`);
}
{
  const t = sectionTotals;
  const precision = ratio(t.tp, t.tp + t.fp);
  const recall = ratio(t.tp, t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  console.log(`  ${pad('OVERALL', 28)} chars ${pct(ratio(t.right, t.all))}  问题 P ${pct(precision)} R ${pct(recall)} F1 ${pct(f1)}`);
  record(`sections.${folder.split('/')[0]}.chars`, ratio(t.right, t.all));
  record(`sections.${folder.split('/')[0]}.problems_f1`, f1);
}
}

// ---- indicators ----
// A label is right when it equals the gold label or one contains the other (年产量 / 新能源汽车年产量).
const sameLabel = (a, b) => a === b || (a !== '' && b !== '' && (a.includes(b) || b.includes(a)));
for (const [title, folder] of [['Indicators (fixtures/gold/indicators)', 'gold/indicators'], ['Indicators, held out (fixtures/heldout-indicators)', 'heldout-indicators']]) {
if (!existsSync(path.join(fixtures, folder))) continue;
console.log(`\n${title}: precision, recall; of matches: qualifier, category, label right`);
const totals = {tp: 0, fp: 0, fn: 0, qualifier: 0, category: 0, label: 0};
for (const name of readdirSync(path.join(fixtures, folder)).filter((n) => n.endsWith('.tsv')).sort()) {
  const base = name.replace(/\.tsv$/, '');
  if (only && !base.includes(only)) continue;
  const rows = readFileSync(path.join(fixtures, folder, name), 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
  const gold = rows.map((row) => {
    const [line, raw, value, valueMax, unit, qualifier, label, category, optional] = row.split('\t');
    return {line: Number(line), raw, value: Number(value), valueMax: valueMax === '' ? null : Number(valueMax), unit, qualifier, label, category, optional: optional === 'y', used: false};
  });
  const predicted = analyse(sourceOf(base)).indicators;
  const t = {tp: 0, fp: 0, fn: 0, qualifier: 0, category: 0, label: 0};
  const errors = [];
  for (const p of predicted) {
    const match = gold.find((g) => !g.used && g.line === p.line && g.value === p.value && g.valueMax === p.value_max && g.unit === p.unit);
    if (!match) {
      t.fp++;
      errors.push(`FP ${p.line}: ${p.raw} → ${p.value} ${p.unit} [${p.label}]`);
      continue;
    }
    match.used = true;
    if (match.optional) continue;
    t.tp++;
    if (match.qualifier === p.qualifier) t.qualifier++;
    else errors.push(`QUAL ${p.line}: ${p.raw} gold '${match.qualifier}' got '${p.qualifier}'`);
    if (match.category === p.category) t.category++;
    else errors.push(`CAT ${p.line}: ${p.raw} [${p.label}] gold ${match.category} got ${p.category}`);
    if (sameLabel(match.label, p.label)) t.label++;
    else errors.push(`LABEL ${p.line}: ${p.raw} gold ${match.label} got ${p.label}`);
  }
  for (const g of gold) {
    if (!g.used && !g.optional) {
      t.fn++;
      errors.push(`FN ${g.line}: ${g.raw} → ${g.value} ${g.unit} [${g.label}]`);
    }
  }
  for (const key of Object.keys(t)) totals[key] += t[key];
  console.log(`  ${pad(base, 28)} P ${pct(ratio(t.tp, t.tp + t.fp))} R ${pct(ratio(t.tp, t.tp + t.fn))}  qualifier ${pct(ratio(t.qualifier, t.tp))} category ${pct(ratio(t.category, t.tp))} label ${pct(ratio(t.label, t.tp))}  (gold ${t.tp + t.fn}, found ${t.tp + t.fp})`);
  if (showErrors) for (const line of errors) console.log(`      ${line}`);
}
console.log(`  ${pad('OVERALL', 28)} P ${pct(ratio(totals.tp, totals.tp + totals.fp))} R ${pct(ratio(totals.tp, totals.tp + totals.fn))}  qualifier ${pct(ratio(totals.qualifier, totals.tp))} category ${pct(ratio(totals.category, totals.tp))} label ${pct(ratio(totals.label, totals.tp))}`);
const set = `indicators.${folder.split('/')[0]}`;
record(`${set}.precision`, ratio(totals.tp, totals.tp + totals.fp));
record(`${set}.recall`, ratio(totals.tp, totals.tp + totals.fn));
for (const field of ['qualifier', 'category', 'label']) record(`${set}.${field}`, ratio(totals[field], totals.tp));
}

// Only a whole run is gated: --only measures a part.
if (!only) process.exitCode = checkThresholds(path.join(root, 'scripts/eval-thresholds.json'));
