// The accuracy gate of `npm run eval`: the evaluation records named figures as it goes
// (record('sections.gold.chars', 0.998)), and at the end they are compared with the floors
// in scripts/eval-thresholds.json. A figure below its floor, or a floor whose figure was
// never recorded, fails the run (exit status 1), so a regression fails CI.
import {readFileSync} from 'node:fs';

const figures = new Map();

/** Records a figure of the evaluation under a stable name. */
export function record(name, value) {
  figures.set(name, value);
}

/** Compares the recorded figures with the floors in `file`, prints them, and returns the exit status. */
export function checkThresholds(file) {
  const floors = JSON.parse(readFileSync(file, 'utf8')).floors;
  const names = [...new Set([...Object.keys(floors), ...figures.keys()])].sort();
  const width = Math.max(...names.map((name) => name.length));
  const failed = [];
  console.log(`\nAccuracy gate (floors in ${file.split('/').slice(-2).join('/')}):`);
  for (const name of names) {
    const value = figures.get(name);
    const floor = floors[name];
    const verdict = floor === undefined ? 'not gated' : value === undefined ? 'MISSING' : value >= floor ? 'ok' : 'BELOW';
    if (verdict === 'MISSING' || verdict === 'BELOW') failed.push(name);
    const shown = value === undefined ? '  -  ' : value.toFixed(3);
    console.log(`  ${name.padEnd(width)}  ${shown}  floor ${floor === undefined ? '  -  ' : floor.toFixed(3)}  ${verdict}`);
  }
  if (failed.length > 0) {
    console.log(`eval: ${failed.length} figure(s) below their floor or missing: ${failed.join(', ')}`);
    return 1;
  }
  console.log('eval: every gated figure is at or above its floor');
  return 0;
}
