// Stress harness, wasm under Node (`make stress` runs it after the native one; see
// scripts/stress.sh):
//
//   node scripts/bench/stress.mjs [--only NAME,...] [--timeout SECS]
//
// The same rows as examples/stress.rs, from the same files: that program writes every row's
// document to target/stress/ with a manifest, rows.json (run here first with --write-only
// when the manifest is missing). Each row is checked in a fresh `node` process (this script
// again, `--child NAME`) importing the built package (pkg/node.js, which instantiates the
// wasm; build it with scripts/wasm-build.sh), so the peak memory is that row's own. The
// child reads the row's text, times `validate(target, text, options)` (the string is JSON
// text the library parses; `options` the parsed options file, as a caller passes them;
// the time includes the report's trip back as JSON and JSON.parse), and reports:
//   - peak RSS: VmHWM of /proc/self/status at the end (the process's true peak, which a
//     sampler cannot see while the synchronous call blocks the event loop), minus the
//     baseline row's (a tiny valid document, same way);
//   - wasm memory: the size of the wasm `memory` export after the call (linear memory only
//     grows, so this is its peak), minus the baseline's;
//   - report: bytes of JSON.stringify(report).
// Bounds (the README, "Limits"): at most 3 s; peak RSS and
// wasm memory each at most 10x the document's size (payload and options text) plus 32 MB; a
// report of at most 1 MB; at most 1,001 issues; the codes the spec says the row gives. A row
// past --timeout (default 120 s) is killed and fails. Prints a table, writes it to
// target/stress/wasm.json, exits 1 when any row fails. MB is 2^20 bytes.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, 'target/stress');
const MB = 2 ** 20;
const TIME_LIMIT_S = 3;
const MAX_REPORT = MB;
const MAX_ISSUES = 1001;

/** Peak resident set of this process in KiB (VmHWM), or the current RSS when unreadable. */
function hwmKb() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {}
  return Math.round(process.memoryUsage().rss / 1024);
}

async function child(name) {
  const manifest = JSON.parse(readFileSync(join(dir, 'rows.json'), 'utf8'));
  const row = manifest.find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}`);
  const api = await import('../../pkg/node.js');
  // pkg/node.js has instantiated the module; wasm-bindgen's init returns the instance's
  // exports (memory among them) without instantiating again once that is done.
  const { default: init } = await import('../../pkg/wasm/channel_rules.js');
  const exports = await init();
  const memory = exports?.memory;
  if (!(memory instanceof WebAssembly.Memory)) throw new Error('no wasm memory export found');

  const text = readFileSync(join(dir, row.file), 'utf8');
  const options = row.options_file
    ? JSON.parse(readFileSync(join(dir, row.options_file), 'utf8'))
    : undefined;

  const start = performance.now();
  const report = api.validate(row.target, text, options);
  const ms = performance.now() - start;

  const reportBytes = Buffer.byteLength(JSON.stringify(report));
  const codes = [...new Set(report.issues.map((i) => i.code))].sort().slice(0, 20);
  process.stdout.write(
    JSON.stringify({
      ms,
      hwm_kb: hwmKb(),
      wasm_bytes: memory.buffer.byteLength,
      report_bytes: reportBytes,
      issues: report.issues.length,
      valid: report.valid,
      codes,
    }) + '\n',
  );
}

/** Runs `--child NAME` in a fresh node; its figures, or `{ error }`. */
function runChild(name, timeout) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name], {
    encoding: 'utf8',
    timeout: timeout * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 16 * MB,
  });
  if (r.error?.code === 'ETIMEDOUT') return { error: `timeout: killed after ${timeout} s` };
  if (r.error) return { error: String(r.error.message) };
  if (r.status !== 0) {
    const first = (r.stderr || '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('at ') && !l.startsWith('file://') && l !== '^');
    return { error: `crashed (${r.signal ?? `exit ${r.status}`}) ${(first ?? '').slice(0, 100)}` };
  }
  try {
    return JSON.parse(r.stdout.trim());
  } catch (e) {
    return { error: `no figures from the child: ${e.message}` };
  }
}

function size(b) {
  if (b >= 1000 * 1024) return `${(b / MB).toFixed(1)} MB`;
  if (b >= 1024) return `${(b / 1024).toFixed(0)} KB`;
  return `${Math.round(b)} B`;
}

function judge(row, base, got) {
  const bytes = row.bytes;
  const memLimit = 10 * bytes + 32 * MB;
  if (got.error) return { name: row.name, bytes, verdict: 'FAIL', why: [got.error] };
  const seconds = got.ms / 1000;
  const peak = Math.max(0, got.hwm_kb - base.hwm_kb) * 1024;
  const wasm = Math.max(0, got.wasm_bytes - base.wasm_bytes);
  const why = [];
  if (seconds > TIME_LIMIT_S) why.push(`time > ${TIME_LIMIT_S} s`);
  if (peak > memLimit) why.push(`peak RSS > ${(memLimit / MB).toFixed(0)} MB`);
  if (wasm > memLimit) why.push(`wasm memory > ${(memLimit / MB).toFixed(0)} MB`);
  if (got.report_bytes > MAX_REPORT) why.push('report > 1 MB');
  if (got.issues > MAX_ISSUES) why.push(`issues > ${MAX_ISSUES}`);
  for (const code of row.expect) if (!got.codes.includes(code)) why.push(`no ${code}`);
  return {
    name: row.name,
    bytes,
    seconds,
    peak_bytes: peak,
    wasm_bytes: wasm,
    report_bytes: got.report_bytes,
    issues: got.issues,
    codes: got.codes,
    verdict: why.length ? 'FAIL' : 'PASS',
    why,
  };
}

function line(cells) {
  const [name, ...rest] = cells;
  const widths = [9, 9, 10, 10, 10, 8];
  return [name.padEnd(26), ...rest.slice(0, -1).map((c, i) => c.padStart(widths[i]))].join(' ') +
    '  ' + rest[rest.length - 1];
}

async function main(args) {
  let only;
  let timeout = 120;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--only') only = args[++i].split(',');
    else if (args[i] === '--timeout') timeout = Number(args[++i]);
    else {
      console.error('usage: stress.mjs [--only NAME,...] [--timeout SECS]');
      process.exit(2);
    }
  }
  if (!existsSync(join(root, 'pkg/wasm/channel_rules_bg.wasm'))) {
    console.error('no wasm package in pkg/wasm: build it first (scripts/wasm-build.sh)');
    process.exit(2);
  }
  if (!existsSync(join(dir, 'rows.json'))) {
    const r = spawnSync('cargo', ['run', '--quiet', '--release', '--example', 'stress', '--', '--write-only'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) process.exit(2);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'rows.json'), 'utf8'));
  const base = runChild('baseline', timeout);
  if (base.error) {
    console.error(`the baseline row failed: ${base.error}`);
    process.exit(1);
  }
  console.log(
    `wasm (Node ${process.version}); each row in a fresh node process; peak RSS is VmHWM minus the ` +
      `baseline's (${size(base.hwm_kb * 1024)}), wasm memory the memory export's size minus the ` +
      `baseline's (${size(base.wasm_bytes)})`,
  );
  console.log(
    `bounds: time <= ${TIME_LIMIT_S} s (validate() with JSON text), peak RSS and wasm memory each ` +
      `<= 10 x size + 32 MB, report <= 1 MB, issues <= ${MAX_ISSUES}`,
  );
  console.log(line(['row', 'doc size', 'time', 'peak RSS', 'wasm mem', 'report', 'issues', 'verdict']));
  const results = [];
  for (const row of manifest) {
    if (row.name === 'baseline' || (only && !only.includes(row.name))) continue;
    const r = judge(row, base, runChild(row.name, timeout));
    results.push(r);
    const fmt = (v, f) => (v === undefined ? '-' : f(v));
    console.log(
      line([
        r.name,
        size(r.bytes),
        fmt(r.seconds, (s) => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(1)} ms`)),
        fmt(r.peak_bytes, size),
        fmt(r.wasm_bytes, size),
        fmt(r.report_bytes, size),
        fmt(r.issues, String),
        r.verdict + (r.why.length ? ` (${r.why.join(', ')})` : ''),
      ]),
    );
  }
  const failed = results.filter((r) => r.verdict !== 'PASS').length;
  console.log(`${results.length - failed} of ${results.length} rows within the bounds`);
  writeFileSync(join(dir, 'wasm.json'), JSON.stringify(results, null, 2) + '\n');
  process.exit(failed ? 1 : 0);
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await child(args[1]);
} else {
  await main(args);
}
