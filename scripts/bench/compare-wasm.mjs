// Compares two wasm builds of the package on phone_info, in one Node process, alternating
// rounds so that a noisy machine moves both alike (how README's table of wasm build choices
// was measured):
//
//   node scripts/bench/compare-wasm.mjs DIR_A DIR_B [CORPUS]
//
// Each DIR holds wasm-bindgen's channel_rules.js and channel_rules_bg.wasm (pkg/wasm, or a
// WASM_OUT directory of scripts/wasm-build.sh). Prints the median over 8 rounds of the mean
// cost a number, over the example numbers as given (as scripts/bench/phone.mjs picks them).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCases } from './corpus.mjs';

const [dirA, dirB, corpus = 'tests/phone/validity.json'] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node scripts/bench/compare-wasm.mjs DIR_A DIR_B [CORPUS]');
  process.exit(2);
}

async function load(dir, tag) {
  // A query string makes each import a module instance of its own.
  const glue = await import(`${pathToFileURL(resolve(dir, 'channel_rules.js'))}?${tag}`);
  await glue.default({ module_or_path: readFileSync(resolve(dir, 'channel_rules_bg.wasm')) });
  return glue.phone_info;
}

const builds = [await load(dirA, 'a'), await load(dirB, 'b')];
const numbers = loadCases(corpus)
  .filter((c) => c.asGiven)
  .map((c) => c.input);

const REPS = 20;
function round(phoneInfo) {
  const start = performance.now();
  for (let r = 0; r < REPS; r += 1) for (const n of numbers) phoneInfo(n, '');
  return ((performance.now() - start) * 1000) / (REPS * numbers.length);
}

for (const b of builds) round(b); // warm-up, and every territory's tables read
const times = [[], []];
for (let i = 0; i < 8; i += 1) builds.forEach((b, k) => times[k].push(round(b)));
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const [a, b] = times.map(median);
console.log(`${numbers.length} example numbers, median of 8 alternating rounds of ${REPS}`);
console.log(`  A ${dirA}: ${a.toFixed(3)} us a number`);
console.log(`  B ${dirB}: ${b.toFixed(3)} us a number (B / A ${(b / a).toFixed(2)})`);
