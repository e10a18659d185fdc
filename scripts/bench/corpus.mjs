// The phone corpus as the benchmarks read it (one definition for scripts/bench/*.mjs;
// examples/bench_phone.rs has the same rule in Rust).

import { readFileSync } from 'node:fs';

/**
 * Whether a case's `from` names an example number as given: one of its `;`-separated parts
 * is "<region> <type> example" ("001 (+800) toll_free example" for non-geographic codes);
 * changed ones go on ("... example +1 digit (0)"), random ones start "random:".
 */
export const isAsGiven = (from) =>
  typeof from === 'string' &&
  from.split(';').some((p) => !p.trim().startsWith('random:') && p.trim().endsWith(' example'));

/** The cases of a corpus file: `{ input, valid, asGiven }`. */
export function loadCases(path) {
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  return (Array.isArray(doc) ? doc : doc.cases).map((c) => ({
    input: c.input,
    valid: c.valid === true,
    asGiven: isAsGiven(c.from),
  }));
}
