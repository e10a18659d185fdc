// Node benchmark of the wasm package's phone numbers against libphonenumber-js/max, in one
// run (`make bench` runs it; see scripts/bench/run.sh):
//
//   node scripts/bench/phone.mjs [--corpus tests/phone/validity.json] [--json OUT]
//
// - Cold start, in fresh child processes (this file run with --cold), median of several:
//   the time of `import` and of the FIRST call after it (phoneInfo for the package;
//   parsePhoneNumberFromString + isValid + getType for libphonenumber-js/max).
// - Per number, over the corpus's example numbers as given (the cases whose `from` names an
//   example without a change, as examples/bench_phone.rs reads them): each number is run
//   many times in a row (a batch), batches go round all the numbers several times, and a
//   number's cost is its mean over the batches; median, p99, max, p99 / median and the mean
//   over all numbers. Both libraries answer the same questions (validity, region, type,
//   E.164), in the same process, on the same numbers; ratios are ours / theirs.
// - How often each disagrees with the corpus's `valid` (the reference, Python phonenumbers).
//
// The package is loaded from pkg/node.js, as Node resolves `import 'channel-rules'`.

import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadCases } from './corpus.mjs';

const ROOT = new URL('../../', import.meta.url);
const PKG = new URL('pkg/node.js', ROOT);
const LPN = 'libphonenumber-js/max';
const FIRST_CALL_NUMBER = '+442079460857';
const COLD_RUNS = 9;
const BATCHES = 11;
// Long enough that a garbage-collection pause (tenths of a millisecond, now and then) adds
// little to the one number whose batch it lands in.
const BATCH_NS = 100_000;
// The JIT needs several thousand calls before a function runs at its final speed.
const WARM_UP_MS = 500;

/** What each library is asked: the same facts phoneInfo answers. Returns the validity. */
const WORKLOADS = {
  ours: (m) => (input) => m.phoneInfo(input).valid,
  lpn: (m) => (input) => {
    const n = m.parsePhoneNumberFromString(input);
    if (n === undefined) return false;
    const valid = n.isValid();
    sink = `${n.getType()}${n.country}${n.number}`;
    return valid;
  },
  lpnIsValid: (m) => (input) => m.isValidPhoneNumber(input),
};
let sink;

const load = (name) => (name === 'ours' ? import(PKG) : import(LPN));

// --- child: one cold start -------------------------------------------------------------
if (process.argv[2] === '--cold') {
  const name = process.argv[3];
  const t0 = performance.now();
  const m = await load(name);
  const t1 = performance.now();
  const valid = WORKLOADS[name](m)(FIRST_CALL_NUMBER);
  const t2 = performance.now();
  if (valid !== true) throw new Error(`${name}: ${FIRST_CALL_NUMBER} should be valid`);
  process.stdout.write(JSON.stringify({ import_ms: t1 - t0, first_ms: t2 - t1 }));
  process.exit(0);
}

// --- arguments --------------------------------------------------------------------------
let corpusPath = fileURLToPath(new URL('tests/phone/validity.json', ROOT));
let jsonOut;
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--corpus') corpusPath = process.argv[++i];
  else if (a === '--json') jsonOut = process.argv[++i];
  else {
    console.error('usage: node scripts/bench/phone.mjs [--corpus FILE] [--json OUT]');
    process.exit(2);
  }
}

// --- the corpus -------------------------------------------------------------------------
const cases = loadCases(corpusPath);
const bench = cases.filter((c) => c.asGiven);
const numbers = bench.map((c) => c.input);
if (numbers.length === 0) throw new Error(`${corpusPath}: no example numbers as given`);

// --- measuring --------------------------------------------------------------------------
const median = (xs) => percentile([...xs].sort((a, b) => a - b), 50);
/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

function cold(name) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', name], {
      encoding: 'utf8',
    });
    runs.push(JSON.parse(out));
  }
  return {
    import_ms: median(runs.map((r) => r.import_ms)),
    first_ms: median(runs.map((r) => r.first_ms)),
    first_runs: runs.map((r) => r.first_ms),
  };
}

/** Time of one pass over all the numbers, per call, in nanoseconds. */
function pass(check) {
  let acc = 0;
  const t = process.hrtime.bigint();
  for (const n of numbers) acc += check(n) ? 1 : 0;
  sink = acc;
  return Number(process.hrtime.bigint() - t) / numbers.length;
}

function perNumber(check) {
  let acc = 0;
  const warm = performance.now();
  for (let w = 0; w < 10 || performance.now() - warm < WARM_UP_MS; w++) pass(check);
  const perCall = median([pass(check), pass(check), pass(check)]);
  const reps = Math.min(10_000, Math.max(3, Math.floor(BATCH_NS / Math.max(perCall, 1))));
  const total = new Float64Array(numbers.length);
  for (let b = 0; b < BATCHES; b++) {
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i];
      const start = process.hrtime.bigint();
      for (let r = 0; r < reps; r++) acc += check(n) ? 1 : 0;
      total[i] += Number(process.hrtime.bigint() - start) / reps;
    }
  }
  sink = acc;
  const costs = Array.from(total, (t) => t / BATCHES);
  const sorted = [...costs].sort((a, b) => a - b);
  const slowest = costs
    .map((c, i) => [c, numbers[i]])
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3);
  return {
    median_ns: percentile(sorted, 50),
    p99_ns: percentile(sorted, 99),
    max_ns: sorted[sorted.length - 1],
    p99_over_median: percentile(sorted, 99) / percentile(sorted, 50),
    mean_ns: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    reps,
    slowest,
  };
}

function disagreements(check) {
  return {
    disagreements: bench.filter((c) => check(c.input) !== c.valid).length,
    disagreements_all: cases.filter((c) => check(c.input) !== c.valid).length,
  };
}

// --- the run ----------------------------------------------------------------------------
const lpnVersion = JSON.parse(
  readFileSync(new URL('node_modules/libphonenumber-js/package.json', ROOT), 'utf8'),
).version;
const us = (ns) => `${(ns / 1000).toFixed(3)} us`;
const ms = (x) => `${x.toFixed(2)} ms`;
const ratio = (a, b) => {
  const r = a / b;
  return r >= 0.1 ? `${r.toFixed(2)}x` : `1/${(1 / r).toFixed(0)}`;
};

console.log(
  `Node ${process.version}, wasm package (pkg/) vs ${LPN} ${lpnVersion}, over ${numbers.length} ` +
    `example numbers as given (${corpusPath.replace(fileURLToPath(ROOT), '')}, ${cases.length} cases in all)`,
);
console.log(
  `  cold start: fresh node processes, median of ${COLD_RUNS}; first call: ${FIRST_CALL_NUMBER}. ` +
    `Per number: batches of repeated calls, ${BATCHES} rounds, cost = mean over the rounds`,
);

const ours = await load('ours');
const lpn = await load('lpn');
const results = {};
const labels = {
  ours: 'channel-rules phoneInfo',
  lpn: `${LPN} parse+isValid+getType`,
  lpnIsValid: `${LPN} isValidPhoneNumber only`,
};
for (const name of ['ours', 'lpn', 'lpnIsValid']) {
  const check = WORKLOADS[name](name === 'ours' ? ours : lpn);
  const r = { ...perNumber(check), ...disagreements(check) };
  if (name !== 'lpnIsValid') Object.assign(r, cold(name));
  results[name] = r;
  const label = labels[name].padEnd(45);
  console.log(
    `  ${label} median ${us(r.median_ns)}  p99 ${us(r.p99_ns)}  max ${us(r.max_ns)}  ` +
      `p99/median ${r.p99_over_median.toFixed(2)}  mean ${us(r.mean_ns)}  (${r.reps} reps a batch)`,
  );
  const pad = ''.padEnd(45);
  if (r.import_ms !== undefined) {
    console.log(
      `  ${pad} cold: import ${ms(r.import_ms)}, first call ${ms(r.first_ms)} ` +
        `(runs: ${r.first_runs.map((x) => x.toFixed(2)).join(' ')})`,
    );
  }
  console.log(`  ${pad} slowest: ${r.slowest.map(([c, n]) => `${n} ${us(c)}`).join(', ')}`);
  console.log(
    `  ${pad} disagrees with the corpus's \`valid\`: ${r.disagreements} of ${bench.length} ` +
      `example numbers, ${r.disagreements_all} of ${cases.length} cases in all`,
  );
}
const [a, b] = [results.ours, results.lpn];
console.log(
  `  channel-rules / libphonenumber-js (same answers): mean ${ratio(a.mean_ns, b.mean_ns)}, ` +
    `median ${ratio(a.median_ns, b.median_ns)}, p99 ${ratio(a.p99_ns, b.p99_ns)}, ` +
    `import ${ratio(a.import_ms, b.import_ms)}, first call ${ratio(a.first_ms, b.first_ms)}; ` +
    `disagreements ${a.disagreements} vs ${b.disagreements} (example numbers), ` +
    `${a.disagreements_all} vs ${b.disagreements_all} (all cases)`,
);
console.log(
  `  channel-rules / libphonenumber-js isValidPhoneNumber: mean ` +
    `${ratio(a.mean_ns, results.lpnIsValid.mean_ns)}`,
);

if (jsonOut) {
  for (const r of Object.values(results)) delete r.slowest;
  writeFileSync(
    jsonOut,
    `${JSON.stringify({ node: process.version, lpn_version: lpnVersion, numbers: numbers.length, ...results }, null, 2)}\n`,
  );
}
