// The npm package against the stack a form would use instead, in one run (`make bench`
// runs it): ajv 8 (draft 2020-12, with ajv-formats) over the JSON Schema this library
// exports, plus libphonenumber-js/max for number validity, the anchor of the size-and-speed
// goals.
//
//   node scripts/bench/package.mjs [--json OUT]
//
// 1. Size: what a browser loads, gzip -9: our entry (pkg/index.js with api.js and the
//    wasm-bindgen glue) bundled and minified by esbuild, plus the .wasm; against the anchor's
//    entry (scripts/bench/anchor.mjs, which embeds the exported schema) bundled the same way.
// 2. Start-up: import + instantiate + first validation in a fresh Node process, median of
//    9, ours and the anchor's interleaved.
// 3. Per call, in one process, interleaved batches: a valid and an invalid Twilio create
//    payload (objects in), ours `validate` against the anchor's validate.
// Prints the figures, the ratios (ours / anchor) and PASS or FAIL per goal.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = `${ROOT}target/bench/package`;
const COLD_RUNS = 9;
const BATCHES = 15;
const BATCH_MS = 40;

export const VALID = {
  name: 'Front desk SMS',
  webhook_url_type: 'fqdn',
  channel: 'twilio',
  account_data: [
    { k: 'account_sid', v: 'QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==' },
    { k: 'auth_token', v: 'c2VjcmV0LXRva2Vu' },
  ],
  dids: [{ did_number: '+12125551234', destination_type: 'queue', destination_id: '6001' }],
};
export const INVALID = { ...VALID, webhook_url_type: 'ftp', dids: [{ did_number: '+1 212 555', destination_type: 'queue' }] };

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function bundle(entry, out) {
  execFileSync(`${ROOT}node_modules/.bin/esbuild`, [entry, '--bundle', '--minify', '--format=esm', '--platform=browser', `--outfile=${out}`, '--log-level=warning']);
  return readFileSync(out);
}

function sizes() {
  const ours = bundle(`${ROOT}pkg/index.js`, `${OUT}/ours.js`);
  const wasm = readFileSync(`${ROOT}pkg/wasm/channel_rules_bg.wasm`);
  const anchor = bundle(`${ROOT}scripts/bench/anchor.mjs`, `${OUT}/anchor.js`);
  return { ours: gz(ours) + gz(wasm), oursJs: gz(ours), oursWasm: gz(wasm), anchor: gz(anchor) };
}

/** One cold start in a fresh process: ms from before import to after the first answer. */
function cold(which) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', which], { encoding: 'utf8' });
  return Number(out.trim());
}

async function coldChild(which) {
  const t0 = performance.now();
  if (which === 'ours') {
    const m = await import(`${ROOT}pkg/node.js`);
    m.validate('yeastar.message_channel.create', VALID);
  } else {
    const m = await import(`${ROOT}scripts/bench/anchor.mjs`);
    m.validate(VALID);
  }
  process.stdout.write(`${performance.now() - t0}\n`);
}

/** Mean µs a call of `fn`, in batches of BATCH_MS. */
function batch(fn) {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < BATCH_MS) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
    t = performance.now();
  }
  return ((t - t0) * 1000) / n;
}

async function perCall() {
  const ours = await import(`${ROOT}pkg/node.js`);
  const anchor = await import(`${ROOT}scripts/bench/anchor.mjs`);
  const check = (r, want) => {
    if (r !== want) throw new Error(`a validator disagrees: expected valid=${want}`);
  };
  check(ours.validate('yeastar.message_channel.create', VALID).valid, true);
  check(anchor.validate(VALID), true);
  check(ours.validate('yeastar.message_channel.create', INVALID).valid, false);
  check(anchor.validate(INVALID), false);
  const runs = {
    oursValid: () => ours.validate('yeastar.message_channel.create', VALID),
    anchorValid: () => anchor.validate(VALID),
    oursInvalid: () => ours.validate('yeastar.message_channel.create', INVALID),
    anchorInvalid: () => anchor.validate(INVALID),
  };
  for (const fn of Object.values(runs)) batch(fn); // warm up
  const got = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let b = 0; b < BATCHES; b++) for (const [k, fn] of Object.entries(runs)) got[k].push(batch(fn));
  return Object.fromEntries(Object.entries(got).map(([k, v]) => [k, median(v)]));
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--cold') return coldChild(args[1]);
  const jsonOut = args[0] === '--json' ? args[1] : null;
  mkdirSync(OUT, { recursive: true });
  const schema = execFileSync(`${ROOT}target/release/channel-rules`, ['schema', '--target', 'yeastar.message_channel.create']);
  writeFileSync(`${OUT}/create.schema.json`, schema);

  const size = sizes();
  const coldOurs = [];
  const coldAnchor = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    coldOurs.push(cold('ours'));
    coldAnchor.push(cold('anchor'));
  }
  const start = { ours: median(coldOurs), anchor: median(coldAnchor) };
  const call = await perCall();

  const goal = (ratio, bar) => (ratio <= bar ? 'PASS' : 'FAIL');
  const rows = [
    ['size (gzip -9, what a browser loads)', kb(size.ours), kb(size.anchor), size.ours / size.anchor, '< 1.0', size.ours < size.anchor ? 'PASS' : 'FAIL'],
    ['start-up (import + first validation)', `${start.ours.toFixed(1)} ms`, `${start.anchor.toFixed(1)} ms`, start.ours / start.anchor, '<= 0.15', goal(start.ours / start.anchor, 0.15)],
    ['valid payload, per call', `${call.oursValid.toFixed(2)} us`, `${call.anchorValid.toFixed(2)} us`, call.oursValid / call.anchorValid, '<= 0.5', goal(call.oursValid / call.anchorValid, 0.5)],
    ['invalid payload, per call', `${call.oursInvalid.toFixed(2)} us`, `${call.anchorInvalid.toFixed(2)} us`, call.oursInvalid / call.anchorInvalid, '<= 0.5', goal(call.oursInvalid / call.anchorInvalid, 0.5)],
  ];
  console.log(`package against ajv + ajv-formats + libphonenumber-js/max (Node ${process.version}); ours: ${kb(size.oursJs)} JS + ${kb(size.oursWasm)} wasm`);
  console.log(`${'figure'.padEnd(40)} ${'ours'.padStart(10)} ${'anchor'.padStart(10)} ${'ratio'.padStart(7)}  goal     verdict`);
  for (const [name, a, b, r, bar, v] of rows) {
    console.log(`${name.padEnd(40)} ${a.padStart(10)} ${b.padStart(10)} ${r.toFixed(2).padStart(7)}  ${bar.padEnd(8)} ${v}`);
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ size, start, call }, null, 2));
}

await main();
