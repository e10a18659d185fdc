//! A regular expression the value must match: the rules' own fixed patterns (a Twilio
//! Account SID, `HH:MM`, an identifier), never one from a payload.
//!
//! These patterns are constants written in a small subset of the syntax that `regex`,
//! RE2 and JSON Schema's ECMA-262 read alike: ASCII literals and escapes (`\.`, `\d`),
//! classes with ranges (`[0-9A-Fa-f]`, `[A-Za-z0-9_-]`), groups `(...)` and `(?:...)`,
//! alternation, the quantifiers `?`, `*`, `+`, `{n}` and `{n,m}`, and `^` and `$` at the
//! ends of the whole pattern (so an anchored pattern's alternation is inside a group:
//! `^(a|b)$`, since `^a|b$` is `(^a)|(b$)` to those engines). So they need no regular-expression engine at run time, and
//! none is compiled at a payload's first check (compiling the Twilio SID pattern with
//! `regex` took milliseconds): the `pattern!` macro turns each into a
//! position automaton (Glushkov's: one position per class of the expanded pattern, at most
//! 128, each with the set of positions that may follow it), then that into a deterministic
//! automaton (the subset construction, over classes of bytes the pattern treats alike), in
//! a `const`: so the compiler does it when it builds the crate, and a pattern outside the
//! subset, or whose automaton would outgrow its tables, does not compile. A match is one
//! table step a byte, with no backtracking. The wasm package then
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
    /// The class of each ASCII byte.
    classes: &'static [u8; 128],
    /// A state's row: its transition for each class, then its flags.
    width: usize,
    table: &'static [u8],
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
    if (start_anchored || end_anchored) && top_level_alternation(s, begin, p.end) {
        panic!("an anchored rule pattern with `|` at its top: write the group it means, ^(a|b)$");
    }
    let f = p.alt(&mut c);
    if p.i != p.end {
        panic!("unbalanced `)` in a rule pattern");
    }
    c.meta.first = f.first;
    c.meta.last = f.last;
    c.meta.nullable = f.nullable;
    c
}

/// Whether `s[from..to]` has a `|` outside every group and class (escapes skipped): there,
/// `^` and `$` would belong to one alternative only, as regex, RE2 and ECMA-262 read them.
const fn top_level_alternation(s: &[u8], from: usize, to: usize) -> bool {
    let (mut i, mut depth, mut in_class) = (from, 0usize, false);
    while i < to {
        match s[i] {
            b'\\' => i += 1,
            b'[' if !in_class => in_class = true,
            b']' if in_class => in_class = false,
            b'(' if !in_class => depth += 1,
            b')' if !in_class && depth > 0 => depth -= 1,
            b'|' if !in_class && depth == 0 => return true,
            _ => {}
        }
        i += 1;
    }
    false
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

/// The most byte classes a pattern's automaton tells apart (bytes every position treats
/// alike are one class; class 0 is the bytes no position reads, non-ASCII ones included).
const MAX_CLASSES: usize = 64;

/// The most states of a pattern's deterministic automaton; [`DEAD`] is not one of them.
const MAX_STATES: usize = 255;

/// A transition to no state: the text cannot match any more.
const DEAD: u8 = u8::MAX;

/// State flags, in the last column of each state's row: the text matches here, whatever
/// follows (`EARLY`), or if it ends here (`END`).
const EARLY: u8 = 1;
const END: u8 = 2;

/// The deterministic automaton of a pattern, built from its position automaton by the
/// subset construction in a `const` (so, like [`compile`], when the crate is), in buffers
/// of the largest size; [`shrink_dfa`] keeps the part in use.
pub struct Built {
    classes: [u8; 128],
    width: usize,
    states: usize,
    table: [u8; MAX_STATES * (MAX_CLASSES + 1)],
}

/// The set of positions whose class holds byte `b`.
const fn reading(c: &Compiled<MAX>, b: u8) -> u128 {
    let mut set = 0u128;
    let mut q = 0;
    while q < c.len {
        if class_has(&c.positions[q].class, b) {
            set |= 1 << q;
        }
        q += 1;
    }
    set
}

/// Where `x` is among `list[from..*len]`, added at the end when it is not there; panics
/// (a compile error in a `const`) with `full` when the list is.
const fn index_of<const N: usize>(
    list: &mut [u128; N],
    len: &mut usize,
    from: usize,
    x: u128,
    full: &'static str,
) -> usize {
    let mut i = from;
    while i < *len && list[i] != x {
        i += 1;
    }
    if i == *len {
        if i == N {
            panic!("{}", full);
        }
        list[i] = x;
        *len += 1;
    }
    i
}

/// The deterministic automaton of `c`. Panics (a compile error in a `const`) past 64 byte
/// classes or 255 states.
pub const fn determinize(c: &Compiled<MAX>) -> Built {
    // Byte classes: bytes read by the same positions.
    let mut masks = [0u128; MAX_CLASSES];
    let mut k = 1; // class 0: the empty set
    let mut classes = [0u8; 128];
    let mut b = 0u8;
    while b < 128 {
        let j = index_of(
            &mut masks,
            &mut k,
            0,
            reading(c, b),
            "a rule pattern with too many byte classes",
        );
        classes[b as usize] = j as u8;
        b += 1;
    }
    let m = c.meta;
    let width = k + 1;
    let empty_anywhere = m.nullable && !m.start_anchored;
    // State 0 is the start (no byte read yet), never the target of a transition; the others
    // are the sets of positions that read the last byte.
    let mut sets = [0u128; MAX_STATES];
    let mut states = 1;
    let mut table = [0u8; MAX_STATES * (MAX_CLASSES + 1)];
    let mut i = 0;
    while i < states {
        let set = sets[i];
        let start = i == 0;
        let mut candidates = if start || !m.start_anchored {
            m.first
        } else {
            0
        };
        let mut rest = set;
        while rest != 0 {
            candidates |= c.positions[rest.trailing_zeros() as usize].follow;
            rest &= rest - 1;
        }
        let mut class = 0;
        while class < k {
            let next = candidates & masks[class];
            let to = if next == 0 && m.start_anchored {
                DEAD
            } else {
                index_of(
                    &mut sets,
                    &mut states,
                    1,
                    next,
                    "a rule pattern with too many states",
                ) as u8
            };
            table[i * width + class] = to;
            class += 1;
        }
        let ends = set & m.last != 0 || m.nullable && (start || empty_anywhere);
        let mut flags = 0;
        if ends {
            flags |= END;
            if !m.end_anchored {
                flags |= EARLY;
            }
        }
        table[i * width + k] = flags;
        i += 1;
    }
    Built {
        classes,
        width,
        states,
        table,
    }
}

impl Built {
    /// The length of its table.
    pub const fn table_len(&self) -> usize {
        self.states * self.width
    }

    /// The automaton, for matching (tests build one at run time).
    #[cfg(test)]
    fn automaton(&'static self) -> Automaton {
        Automaton {
            classes: &self.classes,
            width: self.width,
            table: &self.table[..self.table_len()],
        }
    }
}

/// A pattern's deterministic automaton, its table `T` bytes long.
#[derive(Debug)]
pub struct Dfa<const T: usize> {
    classes: [u8; 128],
    width: usize,
    table: [u8; T],
}

/// The part of `b` in use (`T` is `b.table_len()`).
pub const fn shrink_dfa<const T: usize>(b: &Built) -> Dfa<T> {
    if b.table_len() != T {
        panic!("shrink to the table's length");
    }
    let mut table = [0u8; T];
    let mut i = 0;
    while i < T {
        table[i] = b.table[i];
        i += 1;
    }
    Dfa {
        classes: b.classes,
        width: b.width,
        table,
    }
}

impl<const T: usize> Dfa<T> {
    /// The automaton, for matching.
    pub fn automaton(&'static self) -> Automaton {
        Automaton {
            classes: &self.classes,
            width: self.width,
            table: &self.table,
        }
    }
}

impl Automaton {
    /// Whether `s` matches: one table step a byte, stopping at the first byte after which
    /// the answer is known. One copy serves every check (not inlined into them).
    #[inline(never)]
    pub fn is_match(&self, s: &str) -> bool {
        let flags = self.width - 1;
        let mut row = 0;
        for &b in s.as_bytes() {
            if self.table[row + flags] & EARLY != 0 {
                return true;
            }
            let class = if b < 128 { self.classes[b as usize] } else { 0 };
            match self.table[row + class as usize] {
                DEAD => return false,
                to => row = to as usize * self.width,
            }
        }
        self.table[row + flags] & END != 0
    }
}

/// A rule's fixed pattern, compiled when the crate is (see [`crate::checks::pattern`]):
/// `pattern!("^#[0-9A-Fa-f]{6}$", "a colour as #RRGGBB")` is an `Arc<Pattern>`.
macro_rules! pattern {
    ($source:literal, $describes:literal $(,)?) => {{
        use $crate::checks::pattern::{compile, determinize, shrink_dfa, Built, Dfa};
        const BUILT: Built = determinize(&compile($source));
        const T: usize = BUILT.table_len();
        static DFA: Dfa<T> = shrink_dfa::<T>(&BUILT);
        $crate::schema::Pattern::new($source, $describes, DFA.automaton())
    }};
}
pub(crate) use pattern;

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiled at run time, as `pattern!` does in a `const`.
    fn a(source: &str) -> Automaton {
        Box::leak(Box::new(determinize(&compile(source)))).automaton()
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
    fn the_limits_are_the_ones_the_docs_name() {
        assert_eq!(
            (MAX_CLASSES, MAX_STATES),
            (64, 255),
            "determinize's docs name them"
        );
        // 128 positions of one class: the start and 128 more states, within the limit.
        assert!(a("^a{128}$").is_match(&"a".repeat(128)));
        assert!(!a("^a{128}$").is_match(&"a".repeat(129)));
        let determinized = |source: &'static str| {
            std::panic::catch_unwind(|| determinize(&compile(source))).is_ok()
        };
        // 63 distinct literals make 63 classes besides the empty one; 64 are one too many.
        assert!(determinized(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
        ));
        assert!(!determinized(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
        ));
        // The ninth byte from the end: 2^9 subsets, past 255 states; the seventh fits.
        assert!(determinized("[ab]*a[ab]{6}"));
        assert!(!determinized("[ab]*a[ab]{8}"));
    }

    /// `^a|b$` is `(^a)|(b$)` to regex, RE2 and ECMA-262, but the subset reads its anchors as
    /// the whole pattern's: an alternation at the top of an anchored pattern is refused, so
    /// a rule writes the group it means.
    #[test]
    fn top_level_alternation_with_an_anchor_is_refused() {
        for source in ["^a|b$", "^a|b", "a|b$", "^(a)|b$"] {
            assert!(refused(source), "{source}");
        }
        for source in ["a|b", "^(a|b)$", "^(?:a|b)c$", "^[|]$", "^a\\|b$"] {
            assert!(!refused(source), "{source}");
        }
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
                let Ok(built) = std::panic::catch_unwind(|| determinize(&compile(&source))) else {
                    prop_assume!(false);
                    return Ok(());
                };
                let ours = Box::leak(Box::new(built)).automaton();
                let theirs = regex_lite::Regex::new(&source).unwrap();
                prop_assert_eq!(ours.is_match(&text), theirs.is_match(&text), "{} on {:?}", source, text);
            }
        }
    }
}
