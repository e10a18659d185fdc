// A page using the entry without top-level await: `await init()` first.
import { init, validate, version } from 'channel-rules/init';
import { show } from './show.js';

init().then(() => show(validate, version));
