// The JavaScript API of channel-rules (shared/spec/INTERFACE.md), over the wasm exports.
//
// Every function is synchronous: the entry points (index.js for browsers and bundlers,
// node.js for Node) instantiate the wasm before anything imports this module's functions.
// Structured values cross the boundary as JSON text (see src/wasm.rs for why), so what
// comes back is always plain objects and arrays, never Maps or class instances.

import * as wasm from './wasm/channel_rules.js';

/** JSON text for a payload: strings are taken as JSON text, anything else is serialized. */
function payloadText(payload) {
  if (typeof payload === 'string') return payload;
  let text;
  try {
    text = JSON.stringify(payload);
  } catch (e) {
    // A cycle, a BigInt, a throwing toJSON: no JSON document could be sent, so this is the
    // caller's mistake rather than a finding about a payload.
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
  return JSON.parse(wasm.validate(targetId(target), payloadText(payload), optionsText(options)));
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

/** The library's version (the crate's and this package's). */
export function version() {
  return wasm.version();
}
