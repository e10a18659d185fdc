// The JavaScript API of channel-rules (shared/spec/INTERFACE.md), over the wasm exports.
//
// Every function is synchronous: the entry points (index.js for browsers and bundlers,
// node.js for Node) instantiate the wasm before anything imports this module's functions.
// Structured values cross the boundary as JSON text (see src/wasm.rs for why; phoneInfo,
// called on every keystroke, as one short line instead), so what comes back is always plain
// objects and arrays, never Maps or class instances.

import * as wasm from './wasm/channel_rules.js';

/** The library's nesting limit (INTERFACE.md, "Limits"). */
const MAX_DEPTH = 128;

/**
 * Whether `value` nests deeper than MAX_DEPTH, a cycle counting as endless nesting. Each
 * object is measured once (its height is kept), and nothing is entered past the limit, so
 * the cost is bounded by the value's size and the recursion by the limit.
 */
function tooDeep(value) {
  const heights = new Map();
  const open = new Set();
  const height = (v, depth) => {
    if (v === null || typeof v !== 'object') return 0;
    if (open.has(v) || depth > MAX_DEPTH) return Infinity;
    const known = heights.get(v);
    if (known !== undefined) return known;
    open.add(v);
    let h = 0;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      h = Math.max(h, height(child, depth + 1));
      if (h === Infinity) break;
    }
    open.delete(v);
    heights.set(v, h + 1);
    return h + 1;
  };
  return height(value, 1) > MAX_DEPTH;
}

/** JSON text for a payload: strings are taken as JSON text, anything else is serialized. */
function payloadText(payload) {
  if (typeof payload === 'string') return payload;
  let text;
  try {
    text = JSON.stringify(payload);
  } catch (e) {
    // Too deep for JSON.stringify, or a cycle: that is a finding about the payload, so the
    // library reports it (json.too_deep, in the caller's locale) from text just past the
    // limit. A BigInt or a throwing toJSON is not a JSON value at all: the caller's mistake.
    if (tooDeep(payload)) return '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1);
    throw new TypeError(`payload cannot be written as JSON: ${e.message}`);
  }
  // `undefined`, a function or a symbol: there is no document, which the rules see as null.
  return text === undefined ? 'null' : text;
}

/** JSON text for options; `""` when there are none. */
function optionsText(options) {
  if (options === undefined || options === null) return '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(
      'options must be an object with any of: channel, current, locale, assignment_modes',
    );
  }
  try {
    return JSON.stringify(options);
  } catch (e) {
    throw new TypeError(`options cannot be written as JSON: ${e.message}`);
  }
}

function targetId(target) {
  if (typeof target !== 'string') {
    throw new TypeError(`target must be a string; known targets: ${targets().join(', ')}`);
  }
  return target;
}

/**
 * Checks a payload against a target's rules.
 * @param {string} target a target id, such as "yeastar.message_channel.create"
 * @param {unknown} payload a plain value, or JSON text (malformed text is an issue at "")
 * @param {object} [options] channel, current, locale, assignment_modes
 * @returns {{valid: boolean, issues: object[]}}
 */
export function validate(target, payload, options) {
  return report(targetId(target), payloadText(payload), optionsText(options), false);
}

// The payload's JSON text goes in as UTF-8 bytes, which `TextEncoder` writes in one call
// (lone surrogates become U+FFFD, as wasm-bindgen's own copy of a string makes them), into
// one 64 KB buffer kept for the purpose: `encode` allocated a new buffer every call, most of
// its 0.8 us on a Twilio payload in Node, where `encodeInto` takes a tenth of that. The glue
// copies the bytes into the wasm memory before the call, so the buffer is free again after
// it. Text whose UTF-8 does not fit goes in as a string, which the glue writes into the wasm
// memory itself: no second copy of a large document is held while the call lasts, for a
// slower copy (a character at a time while the text is ASCII).
const encoder = new TextEncoder();
const SCRATCH_BYTES = 65535;
let scratch = null;
const NO_ISSUES = '[true,[]]';

/**
 * The report of JSON text. The wasm side writes it positionally (src/wasm.rs, `Positional`:
 * `[valid, [[pointer, path, severity, code, message, params], ...]]`), read back here into
 * the records; a valid payload without a finding is not parsed at all.
 */
function report(id, text, opts, errorsOnly) {
  let answer;
  // At least one byte for each UTF-16 unit: longer text cannot fit.
  if (text.length <= SCRATCH_BYTES) {
    if (scratch === null) scratch = new Uint8Array(SCRATCH_BYTES);
    const { read, written } = encoder.encodeInto(text, scratch);
    if (read === text.length) answer = wasm.validate(id, scratch.subarray(0, written), opts, errorsOnly);
  }
  if (answer === undefined) answer = wasm.validate_text(id, text, opts, errorsOnly);
  if (answer === NO_ISSUES) return { valid: true, issues: [] };
  return fromPositional(JSON.parse(answer));
}

/** A report's records from its positional form (`[valid, rows]`). */
function fromPositional([valid, rows]) {
  return { valid, issues: fromRows(rows) };
}

/** Issue records from `[[pointer, path, severity, code, message, params], ...]`. */
function fromRows(rows) {
  const issues = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [pointer, path, severity, code, message, params] = rows[i];
    issues[i] = { pointer, path, severity, code, message, params };
  }
  return issues;
}

/**
 * The JSON Schema (draft 2020-12) of a target's payload, written from the rules: with a
 * `channel` option, that kind alone. What JSON Schema cannot say (number validity, repeats
 * across items, update hazards, ...) is named in its `description`; warnings are never
 * schema failures, so the schema never rejects a payload `validate` calls valid.
 * @param {string} target a target id
 * @param {object} [options] channel
 * @returns {object} the schema
 */
export function jsonSchema(target, options) {
  return JSON.parse(wasm.json_schema(targetId(target), optionsText(options)));
}

/**
 * The whole body of a Yeastar message-channel update, written from the channel's current
 * state and the changes (Yeastar updates replace what they omit): members the changes leave
 * out keep their current value, `account_data` comes only from the changes, `dids` are
 * edited by `id` (or `did_number`) and deleted only by `{ id, delete: true }`.
 * @param {object} current the channel as the PBX returns it
 * @param {object} changes the members to change
 * @param {object} [options] channel, locale
 * @returns {{payload: object, report: {valid: boolean, issues: object[]}}} the body, and
 *   `validate` of it for yeastar.message_channel.update with `current`
 */
export function completeUpdate(current, changes, options) {
  const text = (value, name) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new TypeError(`completeUpdate: ${name} must be an object`);
    }
    try {
      return JSON.stringify(value);
    } catch (e) {
      throw new TypeError(`completeUpdate: ${name} cannot be written as JSON: ${e.message}`);
    }
  };
  const [payload, report] = JSON.parse(
    wasm.complete_update(text(current, 'current'), text(changes, 'changes'), optionsText(options)),
  );
  return { payload, report: fromPositional(report) };
}

/**
 * The issues about one field: the value at `pointer` (a JSON Pointer such as
 * "/dids/0/did_number"; "" is the whole payload) or inside it, in document order. The whole
 * payload is checked, since rules cross fields; a missing field is found at the pointer
 * where it would be.
 * @param {string} target a target id
 * @param {string} pointer an RFC 6901 JSON Pointer
 * @param {unknown} payload a plain value, or JSON text
 * @param {object} [options] channel, current, locale, assignment_modes
 * @returns {object[]} the issues
 */
export function validateField(target, pointer, payload, options) {
  if (typeof pointer !== 'string') throw new TypeError('validateField: pointer must be a string (a JSON Pointer such as "/dids/0/did_number")');
  return fromRows(JSON.parse(wasm.validate_field(targetId(target), pointer, payloadText(payload), optionsText(options))));
}

/**
 * A Standard Schema (https://standardschema.dev, version 1) of a target, for form and
 * validation libraries that accept one: `schema['~standard'].validate(value)` gives
 * `{ value }` when no issue is an error, else `{ issues }` with the errors (each a full
 * issue record, whose `message` and `path` are what Standard Schema reads). Warnings do not
 * fail; use `validate` to see them. `value` is checked as a value: a string is the JSON
 * string, not JSON text. The target and options are checked at once (a `TypeError`).
 * @param {string} target a target id
 * @param {object} [options] channel, current, locale, assignment_modes
 */
export function standardSchema(target, options) {
  const id = targetId(target);
  const opts = optionsText(options);
  report(id, 'null', opts, true); // throws now for an unknown target or option
  return {
    '~standard': {
      version: 1,
      vendor: 'channel-rules',
      validate(value) {
        const text = typeof value === 'string' ? JSON.stringify(value) : payloadText(value);
        // The errors alone: no warning uses up the report's limit of 1,000 issues.
        const checked = report(id, text, opts, true);
        if (checked.valid) return { value };
        return { issues: checked.issues };
      },
    },
  };
}

/**
 * The fields of a target, for building forms. The `channel` option names the kind (on a
 * create too); without it, the fields every kind shares.
 */
export function describe(target, options) {
  return JSON.parse(wasm.describe(targetId(target), optionsText(options)));
}

/** Every target id. */
export function targets() {
  return JSON.parse(wasm.targets());
}

/** Every locale tag that messages can be asked in. */
export function locales() {
  return JSON.parse(wasm.locales());
}

/** The Yeastar channel kinds: id, label, family, required and optional credential keys. */
export function kinds() {
  return JSON.parse(wasm.kinds());
}

/** The issue-code table: code, severity ("error", "warning" or "either"), meaning. */
export function codes() {
  return JSON.parse(wasm.codes());
}

/** Standard base64 of the UTF-8 bytes of `raw`, as Yeastar wants credentials. */
export function encodeSecret(raw) {
  if (typeof raw !== 'string') throw new TypeError('encodeSecret takes a string');
  return wasm.encode_secret(raw);
}

/** The default region argument of the phone functions: `''` when there is none. */
function regionArg(fn, region) {
  if (region === undefined || region === null) return '';
  if (typeof region !== 'string') {
    throw new TypeError(`${fn}: region must be a string (an ISO 3166 code such as "US") or undefined`);
  }
  return region;
}

function inputArg(fn, input) {
  if (typeof input !== 'string') throw new TypeError(`${fn}: input must be a string`);
  return input;
}

/**
 * What the number metadata (libphonenumber's) says of a phone number typed as text.
 * International text (`+44 20 7946 0857`) needs no region; national text (`(212) 555-1234`)
 * is read as a number of `region`, an ISO 3166 code in upper case such as "US".
 * @param {string} input
 * @param {string} [region] the default region; `''`, `null` or `undefined` for none. A
 *   region the metadata does not have (`'us'`, `'XX'`, `'001'`) throws a `TypeError`.
 * @returns {{valid: boolean, e164: string, countryCode: number, region: string | null, type: string}
 *   | {valid: false, error: string}} the second when the text cannot be read as a number,
 *   with libphonenumber's parse-error name (`INVALID_COUNTRY_CODE`, `NOT_A_NUMBER`,
 *   `TOO_SHORT_AFTER_IDD`, `TOO_SHORT_NSN`, `TOO_LONG`). Never throws for bad text.
 */
export function phoneInfo(input, region) {
  return phoneFromWire(wasm.phone_info(inputArg('phoneInfo', input), regionArg('phoneInfo', region)));
}

/**
 * phoneInfo's answer from the line src/wasm.rs writes (`VGB 2+442079460857 FIXED_LINE`, or
 * `EINVALID_COUNTRY_CODE`): sliced rather than JSON, which cost more than the engine.
 */
function phoneFromWire(line) {
  const flag = line.charCodeAt(0);
  if (flag === 69 /* E */) return { valid: false, error: line.slice(1) };
  const space = line.indexOf(' ', 5);
  const region = line.slice(1, 4).trimEnd();
  return {
    valid: flag === 86 /* V */,
    e164: line.slice(5, space),
    countryCode: Number(line.slice(6, 6 + line.charCodeAt(4) - 48)),
    region: region === '' ? null : region,
    type: line.slice(space + 1),
  };
}

/**
 * A phone number typed into a form, in the E.164 form the vendors want
 * (`normalizePhone('(212) 555-1234', 'US')` gives `{ value: '+12125551234', issues: [] }`).
 * `value` is there exactly when no issue is an error, and is then a number `validate`
 * accepts as a `did_number`; a number that reads but is not valid for its country gets the
 * same `phone.invalid` warning as there. Issues have pointer `""` (the text).
 * @param {string} input
 * @param {string} [defaultRegion] for national text: an upper-case ISO 3166 code such as
 *   "US"; `''`, `null` or `undefined` for none. A region the metadata does not have throws a
 *   `TypeError`.
 * @param {{locale?: string}} [options] the language of the messages
 * @returns {{value?: string, issues: object[]}}
 */
export function normalizePhone(input, defaultRegion, options) {
  const [value, rows] = JSON.parse(
    wasm.normalize_phone(
      inputArg('normalizePhone', input),
      regionArg('normalizePhone', defaultRegion),
      optionsText(options),
    ),
  );
  const issues = fromRows(rows);
  return value === null ? { issues } : { value, issues };
}

/** The library's version (the crate's and this package's). */
export function version() {
  return wasm.version();
}
