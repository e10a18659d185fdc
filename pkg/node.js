// Entry point for Node (>= 18): reads the wasm next to this file and instantiates it with
// top-level await (Node's fetch cannot read file: URLs), so every function is ready once
// `import` resolves.
import { readFile } from 'node:fs/promises';
import init from './wasm/channel_rules.js';

await init({ module_or_path: await readFile(new URL('./wasm/channel_rules_bg.wasm', import.meta.url)) });

export * from './api.js';
