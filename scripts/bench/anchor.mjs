// The anchor of the size-and-speed goals: what a form would use instead of this package,
// ajv 8 (draft 2020-12, all errors, with ajv-formats) over the JSON Schema the library
// exports for yeastar.message_channel.create, plus libphonenumber-js/max for the DIDs'
// number validity (which the library reports too). scripts/bench/package.mjs bundles it
// with esbuild for its size and calls `validate` for its speed. The schema is written by
// `channel-rules schema` into target/bench/package/ before this file is loaded.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import schema from '../../target/bench/package/create.schema.json' with { type: 'json' };

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const check = ajv.compile(schema);

/** Whether `payload` is valid; the DIDs' validity is looked up as the library does. */
export function validate(payload) {
  const ok = check(payload);
  for (const d of Array.isArray(payload?.dids) ? payload.dids : []) {
    if (typeof d?.did_number === 'string') isValidPhoneNumber(d.did_number);
  }
  return ok;
}
