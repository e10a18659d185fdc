// Replays the phone corpus made by the reference (Python `phonenumbers`; see
// scripts/phone/gen_corpus.py) through the wasm package: the same answers as the native
// replay in tests/phone_corpus.rs, case for case. One corpus, two surfaces.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { phoneInfo, normalizePhone } from 'channel-rules';
import { validatePhoneNumberLength, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('../../', import.meta.url));
const load = (name) => JSON.parse(readFileSync(`${root}tests/phone/${name}`, 'utf8'));

/** Fails with a readable list of the first disagreements, after replaying every case. */
function report(kind, total, wrong) {
  const lines = wrong.slice(0, 30).map((w) => `  ${JSON.stringify(w)}`);
  assert.equal(wrong.length, 0, `${wrong.length} of ${total} ${kind} cases disagree:\n${lines.join('\n')}`);
}

describe('phone corpus through the wasm package', () => {
  it('validity: parse, E.164, valid, region and type as the reference', () => {
    const { header, cases } = load('validity.json');
    assert.ok(cases.length >= 4000, `${cases.length} cases`);
    assert.equal(cases.length, header.cases);
    const wrong = [];
    for (const c of cases) {
      const got = phoneInfo(c.input);
      const expected = 'error' in c
        ? { valid: false, error: c.error }
        : { valid: c.valid, e164: c.e164, region: c.region, type: c.type };
      const seen = 'error' in c
        ? { valid: got.valid, error: got.error }
        : { valid: got.valid, e164: got.e164, region: got.region, type: got.type };
      if (JSON.stringify(seen) !== JSON.stringify(expected)) wrong.push({ input: c.input, from: c.from, expected, got });
      if (!('error' in c)) {
        const code = Number(c.e164.slice(1, 1 + String(got.countryCode).length));
        if (code !== got.countryCode) wrong.push({ input: c.input, countryCode: got.countryCode });
      }
    }
    report('validity', cases.length, wrong);
  });

  it('normalisation: national and international text with a default region', () => {
    const { cases } = load('normalize.json');
    assert.ok(cases.length > 1000, `${cases.length} cases`);
    const wrong = [];
    const refused = [];
    for (const c of cases) {
      // Regions the metadata does not have throw (the corpus has two, as libphonenumber
      // reads them: as none); a value is the reference's E.164 form when that is
      // well-formed E.164 (7 to 15 digits).
      let got;
      try {
        got = normalizePhone(c.input, c.region ?? undefined).value ?? null;
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        refused.push(c.region);
        continue;
      }
      const expected = 'error' in c || !/^\+[1-9][0-9]{6,14}$/.test(c.e164) ? null : c.e164;
      if (got !== expected) wrong.push({ input: c.input, region: c.region, expected, got, error: c.error });
    }
    assert.deepEqual(refused.sort(), ['001', 'XX'], 'the regions refused');
    report('normalisation', cases.length, wrong);
  });
  it("phone.invalid's length reason agrees with libphonenumber-js's validatePhoneNumberLength", () => {
    // Every valid number of the corpus cut short or run long by 1 to 3 digits: where the
    // result is well-formed but not valid, the reason (or none) against libphonenumber-js.
    // Two differences are by design and are the only ones allowed: a length dialled only
    // locally is too short here (libphonenumber-js knows no local-only lengths and says
    // INVALID_LENGTH), and for a number that falls in a region other than its calling
    // code's main one, the length is tested as libphonenumber tests it, against the main
    // region (libphonenumber-js tests the region the digits fall in).
    const { cases } = load('validity.json');
    const reason = { TOO_SHORT: 'too_short', TOO_LONG: 'too_long', INVALID_LENGTH: 'invalid_length' };
    const { country_calling_codes: regions } = createRequire(import.meta.url)('libphonenumber-js/metadata.max.json');
    const otherRegion = (num) => {
      const found = parsePhoneNumberFromString(num);
      return !!found?.country && regions[found.countryCallingCode]?.[0] !== found.country;
    };
    let checked = 0;
    let agreed = 0;
    const wrong = [];
    for (const c of cases) {
      if (!c.valid || !c.e164) continue;
      for (const by of [-3, -2, -1, 1, 2, 3]) {
        const num = by < 0 ? c.e164.slice(0, by) : c.e164 + '5'.repeat(by);
        if (!/^\+[1-9][0-9]{6,14}$/.test(num)) continue;
        const invalid = normalizePhone(num).issues.find((i) => i.code === 'phone.invalid');
        if (!invalid) continue;
        checked++;
        const theirs = reason[validatePhoneNumberLength(num)];
        const ours = invalid.params.reason;
        if (ours === theirs) agreed++;
        else if (!(ours === 'too_short' && theirs === 'invalid_length') && !otherRegion(num)) wrong.push({ num, ours, theirs });
      }
    }
    assert.ok(checked > 5000, `${checked} numbers checked`);
    assert.ok(agreed / checked > 0.99, `${agreed} of ${checked} agree`);
    report('length reason', checked, wrong);
  });
});
