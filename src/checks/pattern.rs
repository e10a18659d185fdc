//! A regular expression the value must match: the rules' own fixed patterns (a Twilio
//! Account SID, `HH:MM`, an identifier), never one from a payload.
//!
//! These patterns are constants written in a small subset of the syntax that `regex`,
//! RE2 and JSON Schema's ECMA-262 read alike: ASCII literals and escapes (`\.`, `\d`),
//! classes with ranges (`[0-9A-Fa-f]`, `[A-Za-z0-9_-]`), groups `(...)` and `(?:...)`,
//! alternation, the quantifiers `?`, `*`, `+`, `{n}` and `{n,m}`, and `^` and `$` at the
//! ends of the whole pattern. So they need no regular-expression engine at run time, and
//! none is compiled at a payload's first check (compiling the Twilio SID pattern with
//! `regex` took milliseconds): the `pattern!` macro turns each into a
//! position automaton (Glushkov's: one state per class of the expanded pattern, at most
//! 128, each with the set of states that may follow it) in a `const`, so the compiler
//! does it when it builds the crate, and a pattern outside the subset does not compile.
//! A match is one pass over the value's bytes with no backtracking. The wasm package then
//! carries neither a regex matcher nor a pattern compiler for them (Bird's `pattern` field,
//! which a payload supplies, still needs a parser: [`super::regex`]).

use super::Finding;
use crate::schema::Pattern;

/// Matches `p`.
pub fn matches(s: &str, p: &Pattern, out: &mut Vec<Finding>) {
    if !p.automaton.is_match(s) {
        out.push(
            Finding::error("pattern.mismatch")
                .with("pattern", p.source)
                .with("expected", p.describes),
        );
    }
}

/// A set of ASCII bytes (bit b of the pair = byte b).
type Class = [u64; 2];

const fn class_has(c: &Class, b: u8) -> bool {
    b < 128 && c[(b >> 6) as usize] & (1 << (b & 63)) != 0
}

const fn class_add(c: &mut Class, lo: u8, hi: u8) {
    let mut b = lo;
    while b <= hi {
        c[(b >> 6) as usize] |= 1 << (b & 63);
        b += 1;
    }
}

/// The most positions an automaton has: a set of them is one `u128`.
pub const MAX: usize = 128;

/// One position of the expanded pattern: the bytes it reads, and the positions that may
/// read the next byte.
#[derive(Debug, Clone, Copy)]
pub struct Position {
    class: Class,
    follow: u128,
}

/// A pattern compiled by [`compile`], with room for `N` positions.
#[derive(Debug)]
pub struct Compiled<const N: usize> {
    positions: [Position; N],
    len: usize,
    meta: Meta,
}

#[derive(Debug, Clone, Copy)]
struct Meta {
    /// The positions that may read the first byte, and those that may read the last.
    first: u128,
    last: u128,
    /// Whether the pattern matches the empty text.
    nullable: bool,
    /// `^`: the match starts at the first byte (else anywhere).
    start_anchored: bool,
    /// `$`: the match ends at the last byte (else anywhere).
    end_anchored: bool,
}

/// The automaton of a rule's pattern, as [`Pattern`] holds it.
#[derive(Debug, Clone, Copy)]
pub struct Automaton {
    positions: &'static [Position],
    meta: Meta,
}

/// What a sub-expression begins and ends with.
#[derive(Clone, Copy)]
struct Frag {
    first: u128,
    last: u128,
    nullable: bool,
}

const EMPTY: Frag = Frag {
    first: 0,
    last: 0,
    nullable: true,
};

/// Compiles `source` (for `pattern!`, in a `const`). Panics, which in a
/// `const` is a compile error, on a pattern outside the subset.
pub const fn compile(source: &str) -> Compiled<MAX> {
    let s = source.as_bytes();
    let start_anchored = !s.is_empty() && s[0] == b'^';
    let begin = start_anchored as usize;
    // `\$` at the end is a literal dollar, not the anchor.
    let mut backslashes = 0;
    while s.len() >= backslashes + 2 && s[s.len() - 2 - backslashes] == b'\\' {
        backslashes += 1;
    }
    let end_anchored = s.len() > begin && s[s.len() - 1] == b'$' && backslashes % 2 == 0;
    let mut c = Compiled {
        positions: [Position {
            class: [0; 2],
            follow: 0,
        }; MAX],
        len: 0,
        meta: Meta {
            first: 0,
            last: 0,
            nullable: true,
            start_anchored,
            end_anchored,
        },
    };
    let mut p = Parser {
        s,
        i: begin,
        end: s.len() - end_anchored as usize,
    };
    let f = p.alt(&mut c);
    if p.i != p.end {
        panic!("unbalanced `)` in a rule pattern");
    }
    c.meta.first = f.first;
    c.meta.last = f.last;
    c.meta.nullable = f.nullable;
    c
}

/// The first `N` positions of `c` (`N` is `c.len`).
pub const fn shrink<const N: usize>(c: &Compiled<MAX>) -> Compiled<N> {
    if c.len != N {
        panic!("shrink to the compiled length");
    }
    let mut positions = [Position {
        class: [0; 2],
        follow: 0,
    }; N];
    let mut i = 0;
    while i < N {
        positions[i] = c.positions[i];
        i += 1;
    }
    Compiled {
        positions,
        len: N,
        meta: c.meta,
    }
}

impl<const N: usize> Compiled<N> {
    /// How many positions it has.
    pub const fn positions(&self) -> usize {
        self.len
    }

    /// The automaton, for matching.
    pub fn automaton(&'static self) -> Automaton {
        Automaton {
            positions: &self.positions,
            meta: self.meta,
        }
    }
}

/// Adds `to` to what follows each position of `from`.
const fn follow<const N: usize>(c: &mut Compiled<N>, from: u128, to: u128) {
    let mut set = from;
    while set != 0 {
        c.positions[set.trailing_zeros() as usize].follow |= to;
        set &= set - 1;
    }
}

/// `a` then `b`.
const fn concat<const N: usize>(c: &mut Compiled<N>, a: Frag, b: Frag) -> Frag {
    follow(c, a.last, b.first);
    Frag {
        first: a.first | if a.nullable { b.first } else { 0 },
        last: b.last | if b.nullable { a.last } else { 0 },
        nullable: a.nullable && b.nullable,
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    end: usize,
}

impl Parser<'_> {
    const fn peek(&self) -> Option<u8> {
        if self.i < self.end {
            Some(self.s[self.i])
        } else {
            None
        }
    }

    const fn expect(&mut self, b: u8, message: &'static str) {
        match self.peek() {
            Some(c) if c == b => self.i += 1,
            _ => panic!("{}", message),
        }
    }

    const fn alt<const N: usize>(&mut self, c: &mut Compiled<N>) -> Frag {
        let mut f = self.cat(c);
        while let Some(b'|') = self.peek() {
            self.i += 1;
            let g = self.cat(c);
            f = Frag {
                first: f.first | g.first,
                last: f.last | g.last,
                nullable: f.nullable || g.nullable,
            };
        }
        f
    }

    const fn cat<const N: usize>(&mut self, c: &mut Compiled<N>) -> Frag {
        let mut f = EMPTY;
        loop {
            match self.peek() {
                None | Some(b'|' | b')') => return f,
                _ => {
                    let g = self.quantified(c);
                    f = concat(c, f, g);
                }
            }
        }
    }

    const fn number(&mut self) -> u32 {
        let mut n = 0u32;
        let mut digits = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            n = n * 10 + (d - b'0') as u32;
            digits += 1;
            self.i += 1;
        }
        if digits == 0 || digits > 3 {
            panic!("a count of 1 to 3 digits in a rule pattern");
        }
        n
    }

    /// An atom and its quantifier; a counted one repeats the atom, parsed again for fresh
    /// positions each time.
    const fn quantified<const N: usize>(&mut self, c: &mut Compiled<N>) -> Frag {
        let at = self.i;
        let mut f = self.atom(c);
        match self.peek() {
            Some(b'?') => f.nullable = true,
            Some(b'*') => {
                follow(c, f.last, f.first);
                f.nullable = true;
            }
            Some(b'+') => follow(c, f.last, f.first),
            Some(b'{') => {
                self.i += 1;
                let min = self.number();
                let max = if let Some(b',') = self.peek() {
                    self.i += 1;
                    self.number()
                } else {
                    min
                };
                if max < min || max == 0 {
                    panic!("a counted repetition needs min <= max and max >= 1");
                }
                if !matches!(self.peek(), Some(b'}')) {
                    panic!("unclosed counted repetition in a rule pattern");
                }
                let after = self.i;
                if min == 0 {
                    f.nullable = true;
                }
                let mut k = 1;
                while k < max {
                    self.i = at;
                    let mut g = self.atom(c);
                    if k >= min {
                        g.nullable = true;
                    }
                    f = concat(c, f, g);
                    k += 1;
                }
                self.i = after;
            }
            _ => return f,
        }
        self.i += 1;
        if let Some(b'?' | b'*' | b'+' | b'{') = self.peek() {
            panic!("lazy or stacked quantifiers are not in the subset of rule patterns");
        }
        f
    }

    /// An escaped byte: `\d`, or a punctuation character taken literally.
    const fn escape(&mut self, into: &mut Class) {
        match self.peek() {
            Some(b'd') => class_add(into, b'0', b'9'),
            Some(c) if c.is_ascii_punctuation() => class_add(into, c, c),
            _ => panic!("an escape outside the subset of rule patterns (\\d or punctuation)"),
        }
        self.i += 1;
    }

    const fn atom<const N: usize>(&mut self, c: &mut Compiled<N>) -> Frag {
        let Some(b) = self.peek() else {
            panic!("a rule pattern ends where an atom was expected");
        };
        self.i += 1;
        let mut class = [0; 2];
        match b {
            b'\\' => self.escape(&mut class),
            b'[' => {
                if let Some(b'^') = self.peek() {
                    panic!("negated classes are not in the subset of rule patterns");
                }
                loop {
                    let lo = match self.peek() {
                        Some(b']') => break,
                        Some(b'\\') => {
                            self.i += 1;
                            self.escape(&mut class);
                            continue;
                        }
                        Some(b'[') => panic!("nested classes are not in the subset"),
                        Some(c) if c.is_ascii() => c,
                        _ => panic!("an unclosed or non-ASCII class in a rule pattern"),
                    };
                    self.i += 1;
                    let mut hi = lo;
                    if let Some(b'-') = self.peek() {
                        if self.i + 1 < self.end {
                            let h = self.s[self.i + 1];
                            if h != b']' && h != b'\\' && h.is_ascii() {
                                hi = h;
                                self.i += 2;
                            }
                        }
                    }
                    if hi < lo {
                        panic!("a range out of order in a rule pattern's class");
                    }
                    class_add(&mut class, lo, hi);
                }
                self.i += 1;
                if class[0] == 0 && class[1] == 0 {
                    panic!("an empty class in a rule pattern");
                }
            }
            b'(' => {
                if let Some(b'?') = self.peek() {
                    self.i += 1;
                    self.expect(b':', "only (?: groups are in the subset of rule patterns");
                }
                let f = self.alt(c);
                self.expect(b')', "an unclosed group in a rule pattern");
                return f;
            }
            b'.' | b'^' | b'$' | b'*' | b'+' | b'?' | b'{' | b'}' | b']' | b')' | b'|' => {
                panic!("a metacharacter outside the subset of rule patterns")
            }
            b if b.is_ascii() => class_add(&mut class, b, b),
            _ => panic!("a non-ASCII literal in a rule pattern"),
        }
        let p = c.len;
        if p >= N {
            panic!("a rule pattern of more than 128 positions");
        }
        c.positions[p] = Position { class, follow: 0 };
        c.len += 1;
        Frag {
            first: 1 << p,
            last: 1 << p,
            nullable: false,
        }
    }
}

impl Automaton {
    /// Whether `s` matches: one pass over its bytes; a start-anchored pattern stops at the
    /// first byte that leaves no position alive.
    pub fn is_match(&self, s: &str) -> bool {
        let m = &self.meta;
        // The positions that read the byte before; an empty match may start anywhere when
        // the start is not anchored.
        let mut cur = 0u128;
        let empty_anywhere = m.nullable && !m.start_anchored;
        for (k, &b) in s.as_bytes().iter().enumerate() {
            if !m.end_anchored && (cur & m.last != 0 || m.nullable && (k == 0 || empty_anywhere)) {
                return true;
            }
            let mut candidates = if k == 0 || !m.start_anchored {
                m.first
            } else {
                0
            };
            let mut set = cur;
            while set != 0 {
                candidates |= self.positions[set.trailing_zeros() as usize].follow;
                set &= set - 1;
            }
            let mut next = 0u128;
            while candidates != 0 {
                let q = candidates.trailing_zeros();
                if class_has(&self.positions[q as usize].class, b) {
                    next |= 1 << q;
                }
                candidates &= candidates - 1;
            }
            if next == 0 && m.start_anchored {
                return false;
            }
            cur = next;
        }
        cur & m.last != 0 || m.nullable && (s.is_empty() || empty_anywhere)
    }
}

/// A rule's fixed pattern, compiled when the crate is (see [`crate::checks::pattern`]):
/// `pattern!("^#[0-9A-Fa-f]{6}$", "a colour as #RRGGBB")` is an `Arc<Pattern>`.
macro_rules! pattern {
    ($source:literal, $describes:literal $(,)?) => {{
        use $crate::checks::pattern::{compile, shrink, Compiled};
        const N: usize = compile($source).positions();
        static COMPILED: Compiled<N> = shrink::<N>(&compile($source));
        $crate::schema::Pattern::new($source, $describes, COMPILED.automaton())
    }};
}
pub(crate) use pattern;

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiled at run time, as `pattern!` does in a `const`.
    fn a(source: &str) -> Automaton {
        Box::leak(Box::new(compile(source))).automaton()
    }

    fn refused(source: &str) -> bool {
        std::panic::catch_unwind(|| compile(source)).is_err()
    }

    #[test]
    fn the_subset() {
        let sid = a("^AC[0-9a-fA-F]{32}$");
        assert!(sid.is_match(&format!("AC{}", "0a".repeat(16))));
        assert!(!sid.is_match(&format!("AC{}", "0a".repeat(17))));
        assert!(!sid.is_match(&format!("xAC{}", "0a".repeat(16))));
        let time = a("^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$");
        for (s, ok) in [
            ("00:00", true),
            ("23:59", true),
            ("24:00", true),
            ("24:01", false),
            ("7:00", false),
        ] {
            assert_eq!(time.is_match(s), ok, "{s}");
        }
        let id = a("^[A-Za-z0-9_-]+$");
        assert!(id.is_match("a_b-C9"));
        assert!(!id.is_match(""));
        assert!(!id.is_match("a b"));
        assert!(!id.is_match("é"));
        let https = a("^https://");
        assert!(https.is_match("https://x"));
        assert!(!https.is_match("http://x"));
        assert!(a("b+c").is_match("aabbbcd"));
        assert!(a("x\\.\\$$").is_match("ax.$"));
        assert!(!a("x\\.\\$$").is_match("ax.$b"));
    }

    #[test]
    fn outside_the_subset_is_refused() {
        for source in [
            "a.b", "(?=a)", "[^a]", "a{2", "(a", "a)", "\\w", "a+?", "é", "(?i)a", "a^",
        ] {
            assert!(refused(source), "{source}");
        }
        assert!(refused("a{200}"));
        assert!(!refused("a{128}"));
    }

    // The automaton against regex-lite, the engine the rules used before, on generated
    // patterns of the subset and generated text.
    mod against_regex_lite {
        use super::*;
        use proptest::prelude::*;

        fn node() -> impl Strategy<Value = String> {
            let leaf = prop_oneof![
                "[abc]".prop_map(String::from),
                Just("\\d".to_string()),
                Just("[a-c0-1_-]".to_string()),
                Just("\\.".to_string()),
            ];
            leaf.prop_recursive(4, 16, 3, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 1..4).prop_map(|v| v.concat()),
                    prop::collection::vec(inner.clone(), 2..4)
                        .prop_map(|v| format!("(?:{})", v.join("|"))),
                    (
                        inner.clone(),
                        prop_oneof![Just("?"), Just("*"), Just("+"), Just("{2}"), Just("{0,2}")]
                    )
                        .prop_map(|(n, q)| format!("({n}){q}")),
                ]
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn agree(body in node(), start in any::<bool>(), end in any::<bool>(), text in "[abc01_.x-]{0,8}") {
                let source = format!("{}{body}{}", if start { "^" } else { "" }, if end { "$" } else { "" });
                // Nested counted repetitions can outgrow 128 positions.
                let Ok(compiled) = std::panic::catch_unwind(|| compile(&source)) else {
                    prop_assume!(false);
                    return Ok(());
                };
                let ours = Box::leak(Box::new(compiled)).automaton();
                let theirs = regex_lite::Regex::new(&source).unwrap();
                prop_assert_eq!(ours.is_match(&text), theirs.is_match(&text), "{} on {:?}", source, text);
            }
        }
    }
}
