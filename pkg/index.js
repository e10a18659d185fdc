// Entry point for browsers and bundlers (Vite, webpack, esbuild): fetches and instantiates
// the wasm with top-level await, so every function is ready once `import` resolves.
// Bundlers see `new URL('…', import.meta.url)` and ship the .wasm as an asset.
import init from './wasm/channel_rules.js';

await init({ module_or_path: new URL('./wasm/channel_rules_bg.wasm', import.meta.url) });

export * from './api.js';
