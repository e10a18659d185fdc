// Types of the `channel-rules/init` entry: the main entry's, plus `init`.
export * from './index.js';

/**
 * Instantiates the wasm; `await` it once before any other call of this entry (the main
 * entry, `channel-rules`, does this itself with top-level await). Returns the same promise
 * on every call. `source` is where the `.wasm` is (a URL, a `Response`, its bytes, a promise
 * of one of those, or a compiled `WebAssembly.Module`); by default the file shipped beside
 * the entry. Every other function of this entry throws an `Error` when called before.
 */
export function init(
  source?: string | URL | Request | Response | BufferSource | WebAssembly.Module | Promise<Response | BufferSource>,
): Promise<void>;
