// Replays every fixture of tests/fixtures/ through the wasm package, with the checks of the
// native harness (tests/fixtures.rs): the same issues in the same order (pointer, code,
// severity), expected params as a subset, and the same invariants on every report. Each
// case also checks validateField at every pointer its report names.
// Format: tests/fixtures/README.md. One fixture format, two surfaces.
//
// Payloads go to `validate` as JSON text written by ./lossless-json.mjs, so numbers such as
// `1.0` or `18446744073709551615` reach the library exactly as the fixture writes them (a
// fixture's `"payload": "x"` is the JSON string "x", never JSON text to parse).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate, validateField, normalizePhone, completeUpdate, codes } from 'channel-rules';

const UPDATE = 'yeastar.message_channel.update';
import { parse, stringify, clone, plain } from './lossless-json.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures');
const bases = parse(readFileSync(join(fixtures, 'bases.json'), 'utf8'));
const knownCodes = new Set(codes().map((c) => c.code));

function fixtureFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return fixtureFiles(p);
      return name.endsWith('.json') && name !== 'bases.json' ? [p] : [];
    });
}

/** Splits a JSON Pointer into unescaped tokens. */
const tokens = (pointer) =>
  pointer
    .split('/')
    .slice(1)
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));

/** RFC 6901 pointer of a path, as the library writes it. */
const pointerOf = (path) =>
  path.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

function remove(doc, pointer) {
  const t = tokens(pointer);
  const last = t.pop();
  let cur = doc;
  for (const p of t) {
    cur = Array.isArray(cur) ? cur[Number(p)] : cur[p];
    assert.ok(cur !== undefined && cur !== null, `no ${pointer}`);
  }
  if (Array.isArray(cur)) {
    cur.splice(Number(last), 1);
  } else {
    assert.ok(Object.hasOwn(cur, last), `nothing at ${pointer}`);
    delete cur[last];
  }
}

function set(doc, pointer, value) {
  const t = tokens(pointer);
  if (t.length === 0) return value;
  const last = t.pop();
  let cur = doc;
  for (const p of t) {
    if (Array.isArray(cur)) {
      cur = cur[Number(p)];
    } else {
      if (!Object.hasOwn(cur, p)) cur[p] = {};
      cur = cur[p];
    }
  }
  if (Array.isArray(cur)) {
    if (last === '-') cur.push(value);
    else cur[Number(last)] = value;
  } else {
    cur[last] = value;
  }
  return doc;
}

/** The JSON text of a case's payload. */
function payloadOf(c) {
  if ('payload' in c) return stringify(c.payload);
  if ('payload_text' in c) return c.payload_text;
  if ('payload_file' in c) return readFileSync(join(root, c.payload_file), 'utf8');
  assert.ok(Object.hasOwn(bases, c.base), `no base ${c.base}`);
  let doc = clone(bases[c.base]);
  for (const p of c.without ?? []) remove(doc, p);
  for (const [p, v] of Object.entries(c.with ?? {})) doc = set(doc, p, clone(v));
  return stringify(doc);
}

/** Every account_data value of a document: the credentials that must never be echoed. */
function secrets(doc) {
  const items = doc?.account_data;
  if (!Array.isArray(items)) return [];
  return items
    .map((i) => i?.v)
    .filter((v) => typeof v === 'string' && [...v].length >= 4);
}

/** Whether a message still has a `{param}` placeholder (a lowercase name in braces). */
const hasPlaceholder = (message) =>
  message
    .split('{')
    .slice(1)
    .some((rest) => {
      const end = rest.indexOf('}');
      return end > 0 && /^[a-z_]+$/.test(rest.slice(0, end));
    });

const isPlainObject = (v) =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

function checkInvariants(report, secretValues) {
  assert.ok(isPlainObject(report), 'the report is a plain object');
  assert.deepEqual(Object.keys(report), ['valid', 'issues']);
  assert.ok(Array.isArray(report.issues));
  const hasError = report.issues.some((i) => i.severity === 'error');
  assert.equal(report.valid, !hasError, 'valid flag');
  for (const issue of report.issues) {
    assert.ok(isPlainObject(issue) && isPlainObject(issue.params), 'plain objects, no Maps');
    assert.deepEqual(Object.keys(issue), ['pointer', 'path', 'severity', 'code', 'message', 'params']);
    assert.equal(issue.pointer, pointerOf(issue.path), 'pointer vs path');
    assert.ok(knownCodes.has(issue.code), `code ${issue.code} is not in the code table`);
    assert.ok(issue.message.length > 0, 'empty message');
    assert.ok(!hasPlaceholder(issue.message), `unrendered message ${JSON.stringify(issue.message)}`);
  }
  const out = JSON.stringify(report);
  for (const s of secretValues) {
    assert.ok(!out.includes(s), 'a credential value leaked into the output');
  }
}

/** Compares issues with a case's `expect`, as the native harness does. */
function compare(issues, expect) {
  const got = issues.map((i) => [i.pointer, i.code, i.severity]);
  const want = expect.map((e) => [e.pointer, e.code, e.severity]);
  assert.deepEqual(got, want, `issues; messages: ${JSON.stringify(issues.map((i) => i.message))}`);
  expect.forEach((e, n) => {
    for (const [k, v] of Object.entries(e.params ?? {})) {
      // `null` in a fixture means the param must be absent.
      if (v === null) assert.ok(!Object.hasOwn(issues[n].params, k), `${e.pointer} param ${k} is absent`);
      else assert.deepEqual(issues[n].params[k], plain(v), `${e.pointer} param ${k}`);
    }
  });
}

/** A `normalize_phone` case: `normalizePhone(input, region, options)`. */
function normalizeCase(c) {
  const { input, region } = c.normalize_phone;
  const call = () => normalizePhone(input, region, plain(c.options ?? {}));
  if (c.refused) {
    assert.throws(call, { name: 'TypeError', message: new RegExp(`unknown region '${region}'`) });
    return;
  }
  const n = call();
  assert.ok(isPlainObject(n), 'a plain object');
  assert.deepEqual(Object.keys(n), c.value === null ? ['issues'] : ['value', 'issues']);
  assert.equal(n.value ?? null, c.value);
  checkInvariants({ valid: n.value !== undefined, issues: n.issues }, []);
  if (c.message !== undefined) assert.equal(n.issues[0].message, c.message);
  compare(n.issues, c.expect);
}

/** A `complete_update` case: `completeUpdate(current, changes, options)`. */
function updateCase(c) {
  const current = plain(c.complete_update.current_base ? bases[c.complete_update.current_base] : c.complete_update.current);
  const changes = plain(c.complete_update.changes);
  const options = plain(c.options ?? {});
  const call = () => completeUpdate(current, changes, options);
  if (c.refused) {
    assert.throws(call, (e) => e instanceof TypeError && e.message.includes(c.refused));
    return;
  }
  const done = call();
  assert.deepEqual(Object.keys(done), ['payload', 'report']);
  if (c.body !== undefined) assert.deepEqual(done.payload, plain(c.body));
  // The report is validate of the body with current, exactly.
  assert.deepEqual(done.report, validate(UPDATE, done.payload, { ...options, current }));
  checkInvariants(done.report, [...secrets(current), ...secrets(changes)]);
  compare(done.report.issues, c.expect);
}

const files = fixtureFiles(fixtures);
let cases = 0;

for (const file of files) {
  const rel = relative(root, file);
  const doc = parse(readFileSync(file, 'utf8'));
  describe(rel, () => {
    assert.ok(Array.isArray(doc.cases), `${rel}: no cases`);
    for (const c of doc.cases) {
      cases += 1;
      if (c.normalize_phone) {
        it(c.name, () => normalizeCase(c));
        continue;
      }
      if (c.complete_update) {
        it(c.name, () => updateCase(c));
        continue;
      }
      it(c.name, () => {
        const options = plain(c.options ?? {});
        if (c.current_base) options.current = plain(bases[c.current_base]);
        const payload = payloadOf(c);
        let parsed;
        try {
          parsed = JSON.parse(payload);
        } catch {
          parsed = undefined;
        }
        const secretValues = [...secrets(parsed), ...secrets(options.current)];

        const report = validate(c.target, payload, options);
        checkInvariants(report, secretValues);

        compare(report.issues, c.expect);

        // validateField on the same payload: at every pointer the report names (and at
        // each of their parents), exactly the issues at or below it.
        const pointers = new Set(['']);
        for (const i of report.issues) {
          for (let n = 1; n <= i.path.length; n += 1) pointers.add(pointerOf(i.path.slice(0, n)));
        }
        for (const p of pointers) {
          const want = report.issues.filter((i) => i.pointer === p || i.pointer.startsWith(`${p}/`));
          assert.deepEqual(validateField(c.target, p, payload, options), want, `validateField at ${JSON.stringify(p)}`);
        }
      });
    }
  });
}

describe('fixture files', () => {
  it('exist and hold cases', () => {
    assert.ok(files.length > 0, 'no fixture files');
    assert.ok(cases > 0, 'no fixture cases');
  });
});
