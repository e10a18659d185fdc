// A JSON reader and writer that keep every number exactly as written.
//
// The fixtures say things JavaScript numbers cannot: `1.0` is not the integer `1`, and
// `18446744073709551615` is an integer. The native harness keeps them (serde_json), so the
// Node harness reads fixtures with this parser, edits them, writes them back to JSON text
// with the numbers as written, and hands that text to `validate`: the library then sees
// the very document the Rust harness builds.

/** A number literal, kept as its source text. */
export class RawNumber {
  constructor(text) {
    this.text = text;
  }
  /** The nearest JavaScript number (for options, which go through JSON.stringify). */
  toJSON() {
    return Number(this.text);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SPACE = /[ \t\n\r]*/y;

/** Parses JSON text; numbers become RawNumber, everything else the usual values. */
export function parse(text) {
  let i = 0;
  const fail = (what) => {
    throw new SyntaxError(`lossless JSON: ${what} at offset ${i}`);
  };
  const space = () => {
    SPACE.lastIndex = i;
    SPACE.exec(text);
    i = SPACE.lastIndex;
  };
  const token = (re) => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return null;
    i = re.lastIndex;
    return m[0];
  };
  const literal = (word, value) => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail('unexpected token');
  };
  const value = () => {
    space();
    const c = text[i];
    if (c === '{') {
      i += 1;
      const obj = {};
      space();
      if (text[i] === '}') {
        i += 1;
        return obj;
      }
      for (;;) {
        space();
        const key = token(STRING);
        if (key === null) fail('expected a member name');
        space();
        if (text[i] !== ':') fail("expected ':'");
        i += 1;
        // defineProperty: a member called __proto__ is data, as in serde_json.
        Object.defineProperty(obj, JSON.parse(key), {
          value: value(),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return obj;
        } else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i += 1;
      const arr = [];
      space();
      if (text[i] === ']') {
        i += 1;
        return arr;
      }
      for (;;) {
        arr.push(value());
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return arr;
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return JSON.parse(token(STRING) ?? fail('bad string'));
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    const n = token(NUMBER);
    return n === null ? fail('unexpected token') : new RawNumber(n);
  };
  const v = value();
  space();
  if (i !== text.length) fail('trailing text');
  return v;
}

/** Writes a value back to JSON text, RawNumbers as written. */
export function stringify(v) {
  if (v instanceof RawNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(stringify).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${stringify(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** A deep copy that keeps RawNumbers. */
export function clone(v) {
  if (v instanceof RawNumber) return v;
  if (Array.isArray(v)) return v.map(clone);
  if (v !== null && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, { value: clone(x), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

/** The plain JavaScript value (RawNumbers as numbers), for comparisons and options. */
export function plain(v) {
  return JSON.parse(stringify(v));
}
