// A page using the entry without top-level await under Vite's dev server: the bundler gives
// the `.wasm` asset's URL (`?url`), so it is found whether or not Vite pre-bundles the package.
import { init, validate, version } from 'channel-rules/init';
import wasmUrl from 'channel-rules/channel_rules_bg.wasm?url';
import { show } from './show.js';

init(wasmUrl).then(() => show(validate, version));
