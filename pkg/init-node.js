// The `channel-rules/init` entry under Node (>= 18): init.js, with `init()` reading the
// wasm next to this file by default (Node's fetch cannot read file: URLs). Node handles
// top-level await itself, so there the main entry (`channel-rules`) needs no `init()`.
import { readFile } from 'node:fs/promises';
import { init as start } from './init.js';

export * from './init.js';

/** Instantiates the wasm, once; `source` as in init.js, by default the file beside this module. */
export function init(source) {
  return start(source ?? readFile(new URL('./wasm/channel_rules_bg.wasm', import.meta.url)));
}
