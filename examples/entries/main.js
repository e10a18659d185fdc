// A page using the main entry: ready once the import resolves (top-level await).
import { validate, version } from 'channel-rules';
import { show } from './show.js';

show(validate, version);
