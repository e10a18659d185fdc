// Entry point without top-level await, for bundlers that cannot use it (Vite 6 and older
// with their default build target, webpack without `experiments.topLevelAwait`):
//
//   import { init, validate } from 'channel-rules/init';
//   await init();            // once, before any other call
//   validate('yeastar.message_channel.create', payload);
//
// `init()` fetches and instantiates the wasm (bundlers see `new URL('…', import.meta.url)`
// and ship the `.wasm` as an asset); it returns the same promise every time it is called.
// Every other export is the main entry's function, synchronous once `init()` has resolved,
// and an Error that says so when called before (pkg/test/init.test.mjs keeps the list of
// names equal to the main entry's).
import initWasm from './wasm/channel_rules.js';
import * as api from './api.js';

let started;
let ready = false;

/**
 * Instantiates the wasm, once. `source` is where the `.wasm` is (a URL, a `Response`, its
 * bytes, a promise of one of those, or a `WebAssembly.Module`); by default the file beside
 * this module.
 */
export function init(source) {
  started ??= initWasm({ module_or_path: source ?? new URL('./wasm/channel_rules_bg.wasm', import.meta.url) }).then(() => {
    ready = true;
  });
  return started;
}

const guarded = (name) => {
  const f = api[name];
  return (...args) => {
    if (!ready) throw new Error(`channel-rules/init: ${name}() was called before \`await init()\` resolved`);
    return f(...args);
  };
};

export const codes = guarded('codes');
export const completeUpdate = guarded('completeUpdate');
export const describe = guarded('describe');
export const encodeSecret = guarded('encodeSecret');
export const jsonSchema = guarded('jsonSchema');
export const kinds = guarded('kinds');
export const locales = guarded('locales');
export const normalizePhone = guarded('normalizePhone');
export const phoneInfo = guarded('phoneInfo');
export const standardSchema = guarded('standardSchema');
export const targets = guarded('targets');
export const validate = guarded('validate');
export const validateField = guarded('validateField');
export const version = guarded('version');
