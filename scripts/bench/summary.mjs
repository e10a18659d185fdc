// The last part of `make bench`: the goals of the phone engine against the figures that
// scripts/bench/run.sh measured in this run (target/bench/{native,size,node}.json), with
// PASS or FAIL beside each. Measured figures only: a figure that is missing is FAIL.
//
//   node scripts/bench/summary.mjs [DIR]      (DIR: target/bench)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'target/bench';
const read = (name) => {
  try {
    return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
};
const native = read('native')?.['channel-rules'];
const size = read('size');
const node = read('node');
const ours = node?.ours;
const lpn = node?.lpn;

const us = (ns) => `${(ns / 1000).toFixed(3)} us`;
const ms = (x) => `${x.toFixed(2)} ms`;
const kb = (b) => `${(b / 1000).toFixed(1)} KB (${b} bytes)`;
const x = (r) => `${r.toFixed(2)}`;

const rows = [
  ['engine share of the package, gzip -9', '<= 40 KB', size?.engine_gzip, (v) => v <= 40_000, kb,
    size && `package ${kb(size.package_gzip)}; libphonenumber-js max bundle ${kb(size.lpn_max_bundle_gzip)}`],
  ['Node: first phoneInfo after import', '<= 5 ms', ours?.first_ms, (v) => v <= 5, ms,
    ours && lpn && `import ${ms(ours.import_ms)}; libphonenumber-js: first call ${ms(lpn.first_ms)}, import ${ms(lpn.import_ms)}`],
  ['wasm (Node): mean per number', '<= 2 us', ours?.mean_ns, (v) => v <= 2000, us,
    ours && lpn && `median ${us(ours.median_ns)}; libphonenumber-js mean ${us(lpn.mean_ns)} (ours / theirs ${x(ours.mean_ns / lpn.mean_ns)})`],
  ['native: mean per number', '<= 0.5 us', native?.mean_ns, (v) => v <= 500, us,
    native && `median ${us(native.median_ns)}; first call in a fresh process ${us(native.first_call_ns)}`],
  ['native: p99 / median', '<= 3', native?.p99_over_median, (v) => v <= 3, x,
    native && `p99 ${us(native.p99_ns)}, max ${us(native.max_ns)}`],
  ['wasm (Node): p99 / median', '<= 3', ours?.p99_over_median, (v) => v <= 3, x,
    ours && lpn && `p99 ${us(ours.p99_ns)}, max ${us(ours.max_ns)}; libphonenumber-js ${x(lpn.p99_over_median)}`],
];

const width = [48, 10, 26];
console.log('');
console.log('Phone engine goals (this run)');
console.log(`${'goal'.padEnd(width[0])} ${'target'.padEnd(width[1])} ${'measured'.padEnd(width[2])} verdict`);
let failed = 0;
for (const [goal, target, value, ok, fmt, note] of rows) {
  const measured = value === undefined || Number.isNaN(value) ? 'not measured' : fmt(value);
  const pass = value !== undefined && !Number.isNaN(value) && ok(value);
  if (!pass) failed++;
  console.log(`${goal.padEnd(width[0])} ${target.padEnd(width[1])} ${measured.padEnd(width[2])} ${pass ? 'PASS' : 'FAIL'}`);
  if (note) console.log(`${''.padEnd(width[0] + 2)}${note}`);
}
console.log(`${rows.length - failed} of ${rows.length} goals met`);
if (native && ours) {
  console.log(
    `(correctness, not a goal here: disagreements with the corpus's \`valid\`: native ` +
      `${native.disagreements}, wasm ${ours.disagreements} of ${node.numbers} example numbers; ` +
      `${native.disagreements_all}, ${ours.disagreements_all} of all cases)`,
  );
}
