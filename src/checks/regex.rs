//! A value that must itself be a regular expression (\[003\] `contactIdentifierFormatOverride.
//! pattern`), in RE2 syntax as Rust's `regex` reads it: nested classes, class set operations
//! (`&&`, `--`, `~~`) and the Unicode classes that RE2, Go and `regex` all name (`\pL`,
//! `\p{Greek}`: the general categories, the scripts of Unicode 15.0, and `Any`).
//!
//! The library never matches with such a pattern; it only has to tell whether the pattern
//! compiles. So this is a syntax checker, not an engine: it follows `regex`'s parser rule for
//! rule (tests compare the two on generated patterns) and estimates the size of the automaton
//! that would be compiled, without building either, as `regex-lite` counts it (tests compare
//! the counts where they cross the limit). In the wasm package that is about 16 KB (gzipped)
//! less than compiling with `regex-lite`, which has no Unicode classes at all.
//!
//! \[decision\] What bounds a hostile pattern: at most [`MAX_PATTERN`] characters, nested at
//! most 250 levels deep as `regex`'s parser counts them (250 nested groups compile), and
//! a compiled automaton of at most 1 MiB as `regex-lite` counts it on a 64-bit machine (32
//! bytes a state, 8 a class range, 4 a branch; the same figure on every surface).

use super::Finding;

/// \[decision\] The longest pattern checked, in characters. The vendor states no bound; a
/// contact identifier's format is a line, and the bound keeps checking small whatever the
/// payload holds.
pub const MAX_PATTERN: usize = 1024;

/// The largest automaton a pattern may compile to, in bytes.
const SIZE_LIMIT: u64 = 1 << 20;

/// How deeply a pattern may nest, as `regex`'s parser counts by default: groups, repetitions,
/// alternations, concatenations, bracketed classes, and inside those a union of items and a
/// set operation are each a level (250 nested groups compile, 251 do not).
const NEST_LIMIT: u32 = 250;

/// Checks that `s` compiles.
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn compiles(s: &str, out: &mut Vec<Finding>) {
    let length = s.chars().count();
    if length > MAX_PATTERN {
        out.push(
            Finding::error("regex.invalid")
                .with("reason", "too_long")
                .with("max", MAX_PATTERN)
                .with("length", length),
        );
        return;
    }
    if let Err(why) = check(s) {
        out.push(Finding::error("regex.invalid").with("reason", why.reason()));
    }
}

/// \[decision\] The construct that keeps a pattern from compiling, named by the issue's
/// `reason` (RULES: "the issue names the construct that does not").
#[derive(Clone, Copy, Debug, PartialEq)]
enum Why {
    LookAround,
    Backreference,
    UnicodeClass,
    Escape,
    Group,
    GroupName,
    Flags,
    Repetition,
    Class,
    NoUnicode,
    TooDeep,
    TooBig,
}

impl Why {
    /// The `reason` param: one of `REASONS`.
    fn reason(self) -> &'static str {
        REASONS[self as usize]
    }
}

/// Every `reason` of `regex.invalid` but `too_long`, in the order of the constructs.
pub const REASONS: [&str; 12] = [
    "look_around",
    "backreference",
    "unicode_class",
    "escape",
    "group",
    "group_name",
    "flags",
    "repetition",
    "class",
    "no_unicode",
    "too_deep",
    "too_big",
];

type Checked<T> = Result<T, Why>;

/// A class's ranges of code points, first and last.
type Ranges = Vec<(u32, u32)>;

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn check(s: &str) -> Checked<()> {
    let mut p = Parser {
        s,
        pos: 0,
        depth: 0,
        flags: Flags::default(),
        names: Vec::new(),
        once: 0,
        unicode: 0,
    };
    let root = p.alternation()?;
    // The capture group of the whole match (two states and its name slot), and the match.
    let size = root
        .size
        .saturating_add(3 * STATE + CAPTURE)
        .saturating_add(p.once);
    if root.height > NEST_LIMIT {
        return Err(Why::TooDeep);
    }
    if size > SIZE_LIMIT {
        return Err(Why::TooBig);
    }
    Ok(())
}

/// `regex-lite`'s sizes: a state, a capture group's name slot.
const STATE: u64 = 32;
const CAPTURE: u64 = 16;
const RANGE: u64 = 8;
const TARGET: u64 = 4;

/// What the checker keeps of a sub-expression: how deep its tree is, what one copy of it
/// compiles to, and whether it can match the empty string (which changes how `*` compiles).
#[derive(Clone, Copy)]
struct Node {
    height: u32,
    size: u64,
    empty: bool,
}

impl Node {
    const EMPTY: Node = Node {
        height: 0,
        size: STATE,
        empty: true,
    };

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn class(ranges: u64) -> Node {
        Node {
            height: 0,
            size: STATE.saturating_add(RANGE.saturating_mul(ranges)),
            empty: false,
        }
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn above(subs: &[Node]) -> u32 {
        1 + subs.iter().map(|n| n.height).max().unwrap_or(0)
    }
}

/// An escape or a class item: a character, a class, a Unicode class (by how many ranges
/// it has), or an assertion.
enum Item {
    Char(char),
    Class(Vec<(u32, u32)>),
    Unicode(u64),
    Look,
}

#[derive(Clone, Copy, Default)]
struct Flags {
    case_insensitive: bool,
    dot_all: bool,
    crlf: bool,
    whitespace: bool,
    /// Unicode off (`(?-u)`): `regex` then refuses what could match bytes that are not
    /// UTF-8 (`.`, `\W`, a negated class, `\xFF`) and anything but ASCII in a class.
    bytes: bool,
}

struct Parser<'a> {
    s: &'a str,
    pos: usize,
    depth: u32,
    flags: Flags,
    names: Vec<&'a str>,
    /// What the capture groups' names cost once, however often their group is copied.
    once: u64,
    /// The ranges of the Unicode classes in the bracketed class being read.
    unicode: u64,
}

impl<'a> Parser<'a> {
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn char(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn is(&self, c: char) -> bool {
        self.char() == Some(c)
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn done(&self) -> bool {
        self.pos == self.s.len()
    }

    /// Moves past the current character; whether one is left.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn bump(&mut self) -> bool {
        if let Some(c) = self.char() {
            self.pos += c.len_utf8();
        }
        !self.done()
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn bump_if(&mut self, prefix: &str) -> bool {
        let yes = self.s[self.pos..].starts_with(prefix);
        if yes {
            self.pos += prefix.len();
        }
        yes
    }

    /// Under the `x` flag, moves past white space and `#` comments.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn space(&mut self) {
        if !self.flags.whitespace {
            return;
        }
        while let Some(c) = self.char() {
            if c.is_whitespace() {
                self.bump();
            } else if c == '#' {
                while let Some(c) = self.char() {
                    self.bump();
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn bump_space(&mut self) -> bool {
        if !self.bump() {
            return false;
        }
        self.space();
        !self.done()
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn peek(&self) -> Option<char> {
        let c = self.char()?;
        self.s[self.pos + c.len_utf8()..].chars().next()
    }

    /// The character after the current one, past white space under `x`, as `regex-lite`
    /// peeks: a `#` starts a comment, whose first other character is the answer; with
    /// nothing but white space left, the character right after the current one.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn peek_space(&self) -> Option<char> {
        if !self.flags.whitespace {
            return self.peek();
        }
        let c = self.char()?;
        let rest = &self.s[self.pos + c.len_utf8()..];
        let mut comment = false;
        for ch in rest.chars() {
            if ch.is_whitespace() {
                continue;
            } else if !comment && ch == '#' {
                comment = true;
            } else {
                return Some(ch);
            }
        }
        rest.chars().next()
    }

    /// A sequence of alternatives, up to a `)` (left for the group) or the end.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn alternation(&mut self) -> Checked<Node> {
        if self.depth > NEST_LIMIT {
            return Err(Why::TooDeep);
        }
        let depth = self.depth;
        self.depth += 1;
        let mut branches = Vec::new();
        let mut concat: Vec<Node> = Vec::new();
        // Whether the last item was a group of flags alone (`(?i)`), which nothing repeats.
        let mut flags = false;
        loop {
            self.space();
            let Some(c) = self.char() else { break };
            let after_flags = std::mem::replace(&mut flags, false);
            match c {
                '(' => {
                    let old = self.flags;
                    match self.group()? {
                        Some(sub) => {
                            concat.push(sub);
                            self.flags = old;
                        }
                        // Flags alone compile to nothing, but are an item of the
                        // concatenation (which they can make one: `(?i)a`).
                        None => {
                            flags = true;
                            concat.push(Node {
                                height: 0,
                                size: 0,
                                empty: true,
                            });
                        }
                    }
                    if !self.is(')') {
                        return Err(Why::Group);
                    }
                    self.bump();
                }
                ')' if depth == 0 => return Err(Why::Group),
                ')' => break,
                '|' => {
                    branches.push(Self::concat(&concat));
                    concat.clear();
                    self.bump();
                }
                '[' => {
                    concat.push(self.class()?);
                }
                '?' | '*' | '+' | '{' => {
                    if after_flags {
                        return Err(Why::Repetition);
                    }
                    let sub = concat.pop().ok_or(Why::Repetition)?;
                    let (min, max) = if c == '{' {
                        self.counted()?
                    } else {
                        if self.bump() && self.is('?') {
                            self.bump();
                        }
                        match c {
                            '?' => (0, Some(1)),
                            '*' => (0, None),
                            _ => (1, None),
                        }
                    };
                    concat.push(repetition(sub, min, max));
                }
                _ => {
                    self.bump();
                    let item = match c {
                        '\\' => self.escape()?,
                        '.' if self.flags.bytes => return Err(Why::NoUnicode),
                        '.' => Item::Class(self.dot()),
                        '^' | '$' => Item::Look,
                        c => Item::Char(c),
                    };
                    concat.push(match item {
                        // Both cases of an ASCII letter under `i`.
                        Item::Char(c) if self.flags.case_insensitive && c.is_ascii_alphabetic() => {
                            Node::class(2)
                        }
                        Item::Char(_) => Node {
                            height: 0,
                            size: STATE,
                            empty: false,
                        },
                        Item::Class(ranges) => Node::class(ranges.len() as u64),
                        Item::Unicode(ranges) => Node::class(ranges),
                        Item::Look => Node {
                            height: 0,
                            size: STATE,
                            empty: true,
                        },
                    });
                }
            }
        }
        self.depth -= 1;
        branches.push(Self::concat(&concat));
        Ok(match branches[..] {
            [one] => one,
            _ => Node {
                height: Node::above(&branches),
                // A split with a branch to each, and the state they all end in.
                size: branches.iter().fold(2 * STATE, |a, b| {
                    a.saturating_add(b.size).saturating_add(TARGET)
                }),
                empty: branches.iter().any(|b| b.empty),
            },
        })
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn concat(subs: &[Node]) -> Node {
        match subs {
            [] => Node::EMPTY,
            [one] => *one,
            _ => Node {
                height: Node::above(subs),
                size: subs.iter().fold(0, |a, b| a.saturating_add(b.size)),
                empty: subs.iter().all(|b| b.empty),
            },
        }
    }

    /// A group at its `(`: `Some` of its contents, or `None` for flags alone (`(?i)`).
    /// Leaves the parser at the closing `)`.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn group(&mut self) -> Checked<Option<Node>> {
        self.bump_space();
        if ["?=", "?!", "?<=", "?<!"].iter().any(|p| self.bump_if(p)) {
            return Err(Why::LookAround);
        }
        let named = self.bump_if("?P<") || self.bump_if("?<");
        if named {
            let name = self.name()?;
            self.once += CAPTURE + name.len() as u64 + 4;
        } else if self.bump_if("?") {
            if self.done() {
                return Err(Why::Group);
            }
            let start = self.pos;
            self.flags()?;
            if self.is(')') {
                return if self.pos == start {
                    Err(Why::Flags) // `(?)`
                } else {
                    Ok(None)
                };
            }
            self.bump(); // the `:`
            let sub = self.alternation()?;
            return Ok(Some(Node {
                height: sub.height + 1,
                ..sub
            }));
        } else {
            self.once += CAPTURE;
        }
        let sub = self.alternation()?;
        Ok(Some(Node {
            height: sub.height + 1,
            size: sub.size.saturating_add(2 * STATE),
            empty: sub.empty,
        }))
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn name(&mut self) -> Checked<&'a str> {
        let start = self.pos;
        while let Some(c) = self.char().filter(|&c| c != '>') {
            let ok = if self.pos == start {
                c == '_' || c.is_alphabetic()
            } else {
                matches!(c, '_' | '.' | '[' | ']') || c.is_alphanumeric()
            };
            if !ok {
                return Err(Why::GroupName);
            }
            self.bump();
        }
        let name = &self.s[start..self.pos];
        if self.done() || name.is_empty() || self.names.contains(&name) {
            return Err(Why::GroupName);
        }
        self.bump();
        self.names.push(name);
        Ok(name)
    }

    /// The flags of `(?flags)` or `(?flags:`, up to the `)` or `:`.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn flags(&mut self) -> Checked<()> {
        let mut negate = false;
        let mut last_negation = false;
        let mut seen = 0u32;
        while let Some(c) = self.char().filter(|&c| c != ':' && c != ')') {
            if c == '-' {
                if negate {
                    return Err(Why::Flags);
                }
                negate = true;
                last_negation = true;
            } else {
                last_negation = false;
                let on = !negate;
                let bit = match c {
                    'i' => {
                        self.flags.case_insensitive = on;
                        0
                    }
                    'm' => 1,
                    's' => {
                        self.flags.dot_all = on;
                        2
                    }
                    'U' => 3,
                    'R' => {
                        self.flags.crlf = on;
                        4
                    }
                    'x' => {
                        self.flags.whitespace = on;
                        5
                    }
                    'u' => {
                        self.flags.bytes = !on;
                        6
                    }
                    _ => return Err(Why::Flags),
                };
                if seen & (1 << bit) != 0 {
                    return Err(Why::Flags);
                }
                seen |= 1 << bit;
            }
            if !self.bump() {
                return Err(Why::Flags);
            }
        }
        if last_negation {
            return Err(Why::Flags);
        }
        Ok(())
    }

    /// `{min}`, `{min,}` or `{min,max}` at its `{`, and a lazy `?` after it.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn counted(&mut self) -> Checked<(u32, Option<u32>)> {
        if !self.bump_space() {
            return Err(Why::Repetition);
        }
        let min = self.decimal()?;
        let mut max = Some(min);
        if self.is(',') {
            if !self.bump_space() {
                return Err(Why::Repetition);
            }
            max = if self.is('}') {
                None
            } else {
                Some(self.decimal()?)
            };
        }
        if !self.is('}') {
            return Err(Why::Repetition);
        }
        if self.bump_space() && self.is('?') {
            self.bump();
        }
        if max.is_some_and(|max| min > max) {
            return Err(Why::Repetition);
        }
        Ok((min, max))
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn decimal(&mut self) -> Checked<u32> {
        while self.char().is_some_and(char::is_whitespace) {
            self.bump();
        }
        let mut value: Option<u32> = None;
        while let Some(d) = self.char().and_then(|c| c.to_digit(10)) {
            value = Some(
                value
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(d))
                    .ok_or(Why::Repetition)?,
            );
            self.bump_space();
        }
        while self.char().is_some_and(char::is_whitespace) {
            self.bump_space();
        }
        value.ok_or(Why::Repetition)
    }

    /// An escape, after its `\`.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn escape(&mut self) -> Checked<Item> {
        let c = self.char().ok_or(Why::Escape)?;
        match c {
            '0'..='9' => return Err(Why::Backreference),
            'p' | 'P' => return self.unicode_class(),
            'x' | 'u' | 'U' => return self.hex(c),
            'D' | 'S' | 'W' if self.flags.bytes => return Err(Why::NoUnicode),
            'd' | 's' | 'w' | 'D' | 'S' | 'W' => {
                self.bump();
                let mut ranges = match c.to_ascii_lowercase() {
                    'd' => posix("digit"),
                    's' => posix("space"),
                    _ => posix("word"),
                }
                .unwrap_or_default();
                if c.is_ascii_uppercase() {
                    negate(&mut ranges);
                }
                return Ok(Item::Class(ranges));
            }
            _ => {}
        }
        self.bump();
        let meta = matches!(
            c,
            '\\' | '.'
                | '+'
                | '*'
                | '?'
                | '('
                | ')'
                | '|'
                | '['
                | ']'
                | '{'
                | '}'
                | '^'
                | '$'
                | '#'
                | '&'
                | '-'
                | '~'
        );
        if meta || (c.is_ascii() && !c.is_ascii_alphanumeric() && c != '<' && c != '>') {
            return Ok(Item::Char(c));
        }
        match c {
            // The control characters themselves: a class range compares them.
            'a' => Ok(Item::Char('\x07')),
            'f' => Ok(Item::Char('\x0C')),
            't' => Ok(Item::Char('\t')),
            'n' => Ok(Item::Char('\n')),
            'r' => Ok(Item::Char('\r')),
            'v' => Ok(Item::Char('\x0B')),
            'A' | 'z' | 'B' | '<' | '>' => Ok(Item::Look),
            'b' => {
                if self.is('{') {
                    self.word_boundary()?;
                }
                Ok(Item::Look)
            }
            _ => Err(Why::Escape),
        }
    }

    /// `\pL`, `\PL`, `\p{Greek}` or `\P{Greek}`, at the `p`: a class of [`UNICODE_NAMES`]
    /// (negated or not, it costs as many ranges as the class has). `regex` has no
    /// `\p{^Greek}`, which RE2 and Go read as `\P{Greek}`: refused.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn unicode_class(&mut self) -> Checked<Item> {
        let refused = Why::UnicodeClass;
        if !self.bump_space() {
            return Err(refused);
        }
        let mut name = String::new();
        if self.is('{') {
            while self.bump_space() && !self.is('}') {
                name.extend(self.char());
            }
            if self.done() {
                return Err(refused);
            }
        } else {
            name.extend(self.char());
        }
        self.bump_space();
        let ranges = UNICODE_NAMES
            .split(' ')
            .position(|n| n == name)
            .ok_or(refused)?;
        if self.flags.bytes {
            return Err(Why::NoUnicode);
        }
        Ok(Item::Unicode(UNICODE_RANGES[ranges].into()))
    }

    /// `\b{start}` and the like, at the `{`; a `{` that cannot start one is left for a
    /// counted repetition of `\b`.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn word_boundary(&mut self) -> Checked<()> {
        let start = self.pos;
        if !self.bump_space() {
            return Err(Why::Escape);
        }
        let valid = |c: char| c.is_ascii_alphabetic() || c == '-';
        if !self.char().is_some_and(valid) {
            self.pos = start;
            return Ok(());
        }
        let mut name = String::new();
        while let Some(c) = self.char().filter(|&c| valid(c)) {
            name.push(c);
            self.bump_space();
        }
        if !self.is('}') {
            return Err(Why::Escape);
        }
        self.bump();
        match name.as_str() {
            "start" | "end" | "start-half" | "end-half" => Ok(()),
            _ => Err(Why::Escape),
        }
    }

    /// `\x41`, `\u0041`, `\U00000041` or `\x{41}`, at the letter.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn hex(&mut self, kind: char) -> Checked<Item> {
        let digits = match kind {
            'x' => 2,
            'u' => 4,
            _ => 8,
        };
        if !self.bump_space() {
            return Err(Why::Escape);
        }
        let mut value = 0u32;
        let digit = |c: Option<char>| c.and_then(|c| c.to_digit(16)).ok_or(Why::Escape);
        if self.is('{') {
            let mut any = false;
            while self.bump_space() && !self.is('}') {
                value = value.saturating_mul(16).saturating_add(digit(self.char())?);
                any = true;
            }
            if self.done() {
                return Err(Why::Escape);
            }
            self.bump_space();
            if !any {
                return Err(Why::Escape);
            }
        } else {
            for i in 0..digits {
                if i > 0 && !self.bump_space() {
                    return Err(Why::Escape);
                }
                value = value * 16 + digit(self.char())?;
            }
            self.bump_space();
            // With Unicode off, `\x80` to `\xFF` are bytes, which no UTF-8 text holds alone.
            if kind == 'x' && value >= 0x80 && self.flags.bytes {
                return Err(Why::NoUnicode);
            }
        }
        char::from_u32(value).map(Item::Char).ok_or(Why::Escape)
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn dot(&self) -> Vec<(u32, u32)> {
        const MAX: u32 = char::MAX as u32;
        if self.flags.dot_all {
            vec![(0, MAX)]
        } else if self.flags.crlf {
            vec![(0, 9), (0xb, 0xc), (0xe, MAX)]
        } else {
            vec![(0, 9), (0xb, MAX)]
        }
    }

    /// A bracketed class at its `[`, as compiled: its ranges, with those of the Unicode
    /// classes in it counted rather than listed.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn class(&mut self) -> Checked<Node> {
        self.unicode = 0;
        let (ranges, height) = self.bracket()?;
        Ok(Node {
            height,
            ..Node::class((ranges.len() as u64).saturating_add(self.unicode))
        })
    }

    /// A bracketed class at its `[`, nested in another or not: its ranges (those of its
    /// Unicode classes counted in `unicode`) and its height as `regex` counts it (the class,
    /// a union of two items or more, a set operation: a level each).
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn bracket(&mut self) -> Checked<(Ranges, u32)> {
        if self.depth > NEST_LIMIT {
            return Err(Why::TooDeep);
        }
        self.depth += 1;
        let mut union = Vec::new();
        // `unicode` counts the Unicode classes of this class's union alone, from here.
        let outer = std::mem::take(&mut self.unicode);
        // The items of the union being read, and the height of the highest.
        let (mut items, mut highest) = (0u32, 0u32);
        if !self.bump_space() {
            return Err(Why::Class);
        }
        let negated = self.is('^');
        if negated && !self.bump_space() {
            return Err(Why::Class);
        }
        while self.is('-') {
            union.push((u32::from('-'), u32::from('-')));
            items += 1;
            if !self.bump_space() {
                return Err(Why::Class);
            }
        }
        if union.is_empty() && self.is(']') {
            union.push((u32::from(']'), u32::from(']')));
            items += 1;
            if !self.bump_space() {
                return Err(Why::Class);
            }
        }
        // A union of two items or more is a level above them.
        let height = |items: u32, highest: u32| highest + u32::from(items > 1);
        // The set operation waiting for its right side: its operator, left side, the left
        // side's height and the ranges of its Unicode classes.
        let mut pending: Option<(char, Ranges, u32, u64)> = None;
        // An estimate of the Unicode classes' ranges after a set operation: an intersection
        // has no more than the smaller side, a difference no more than the left side.
        let unicode = |op: char, left: u64, right: u64| match op {
            '&' => left.min(right),
            '-' => left,
            _ => left.saturating_add(right),
        };
        loop {
            self.space();
            let c = self.char().ok_or(Why::Class)?;
            let twice = self.peek() == Some(c);
            match c {
                '[' => {
                    match self.posix_class() {
                        Some(ranges) => union.extend(ranges?),
                        None => {
                            let (ranges, h) = self.bracket()?;
                            union.extend(ranges);
                            highest = highest.max(h);
                        }
                    }
                    items += 1;
                }
                ']' => {
                    self.bump();
                    let mut set = height(items, highest);
                    if let Some((op, lhs, lhs_height, lhs_unicode)) = pending.take() {
                        union = apply(op, lhs, union);
                        set = 1 + lhs_height.max(set);
                        self.unicode = unicode(op, lhs_unicode, self.unicode);
                    }
                    canonical(&mut union);
                    if self.flags.case_insensitive {
                        for i in 0..union.len() {
                            let (a, b) = union[i];
                            let (lo, hi, shift) = if a <= 0x7a && b >= 0x61 {
                                (a.max(0x61), b.min(0x7a), 0u32.wrapping_sub(32))
                            } else if a <= 0x5a && b >= 0x41 {
                                (a.max(0x41), b.min(0x5a), 32)
                            } else {
                                continue;
                            };
                            union.push((lo.wrapping_add(shift), hi.wrapping_add(shift)));
                        }
                        canonical(&mut union);
                    }
                    if negated {
                        // With Unicode off, the complement holds bytes past ASCII.
                        if self.flags.bytes {
                            return Err(Why::NoUnicode);
                        }
                        negate(&mut union);
                    }
                    self.depth -= 1;
                    // What this class's Unicode classes add to the class it is in.
                    self.unicode = self.unicode.saturating_add(outer);
                    return Ok((union, set + 1));
                }
                // A set operation: what came before is its left side, left to right
                // (`[a-z&&b-y--c]` is `(a-z && b-y) -- c`).
                '&' | '-' | '~' if twice => {
                    self.bump();
                    self.bump();
                    let right = height(items, highest);
                    let right_unicode = std::mem::take(&mut self.unicode);
                    pending = Some(match pending.take() {
                        Some((op, lhs, h, u)) => (
                            c,
                            apply(op, lhs, std::mem::take(&mut union)),
                            1 + h.max(right),
                            unicode(op, u, right_unicode),
                        ),
                        None => (c, std::mem::take(&mut union), right, right_unicode),
                    });
                    (items, highest) = (0, 0);
                }
                _ => {
                    self.class_range(&mut union)?;
                    items += 1;
                }
            }
        }
    }

    /// A class item, or a range of two.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn class_range(&mut self, union: &mut Vec<(u32, u32)>) -> Checked<()> {
        let first = self.class_item()?;
        self.space();
        if self.done() {
            return Err(Why::Class);
        }
        if !self.is('-') || matches!(self.peek_space(), Some(']' | '-')) {
            match first {
                Item::Char(c) => union.push((c as u32, c as u32)),
                Item::Class(ranges) => union.extend(ranges),
                Item::Unicode(ranges) => self.unicode = self.unicode.saturating_add(ranges),
                Item::Look => return Err(Why::Class),
            }
            return Ok(());
        }
        if !self.bump_space() {
            return Err(Why::Class);
        }
        let second = self.class_item()?;
        match (first, second) {
            (Item::Char(a), Item::Char(b)) if a <= b => {
                union.push((a as u32, b as u32));
                Ok(())
            }
            _ => Err(Why::Class),
        }
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn class_item(&mut self) -> Checked<Item> {
        let c = self.char().ok_or(Why::Class)?;
        self.bump();
        let item = if c == '\\' {
            self.escape()?
        } else {
            Item::Char(c)
        };
        // With Unicode off, a class holds ASCII alone.
        match item {
            Item::Char(c) if self.flags.bytes && !c.is_ascii() => Err(Why::NoUnicode),
            item => Ok(item),
        }
    }

    /// `[:alpha:]` or `[:^alpha:]` inside a class, at its `[`; `None` (the parser where it
    /// was) when it is not one.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn posix_class(&mut self) -> Option<Checked<Ranges>> {
        let start = self.pos;
        let found = (|| {
            if !self.bump() || !self.is(':') || !self.bump() {
                return None;
            }
            let negated = self.is('^');
            if negated && !self.bump() {
                return None;
            }
            let name_start = self.pos;
            while !self.is(':') && self.bump() {}
            let name = &self.s[name_start..self.pos];
            if self.done() || !self.bump_if(":]") {
                return None;
            }
            let mut ranges = posix(name)?;
            if negated {
                // With Unicode off, the complement holds bytes past ASCII.
                if self.flags.bytes {
                    return Some(Err(Why::NoUnicode));
                }
                negate(&mut ranges);
            }
            Some(Ok(ranges))
        })();
        if found.is_none() {
            self.pos = start;
        }
        found
    }
}

/// The ranges of `{min,max}` applied to `sub`, as `regex-lite` compiles it.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn repetition(sub: Node, min: u32, max: Option<u32>) -> Node {
    match (min, max) {
        (0, Some(0)) => return Node::EMPTY,
        (1, Some(1)) => return sub,
        _ => {}
    }
    let copies = |n: u32| sub.size.saturating_mul(u64::from(n));
    // A split state with its two branches.
    let split = STATE + 2 * TARGET;
    let size = match (min, max) {
        (0, Some(1)) => sub.size.saturating_add(split + STATE),
        (0, None) if !sub.empty => sub.size.saturating_add(split),
        (0, None) => sub.size.saturating_add(2 * split + STATE),
        (n, None) => copies(n).saturating_add(split),
        (n, Some(m)) if n == m => copies(n),
        (n, Some(m)) => {
            let prefix = if n == 0 { STATE } else { copies(n) };
            let rest = sub
                .size
                .saturating_add(split)
                .saturating_mul(u64::from(m - n));
            prefix.saturating_add(STATE).saturating_add(rest)
        }
    };
    Node {
        height: sub.height + 1,
        size,
        empty: min == 0 || sub.empty,
    }
}

/// The ranges of a POSIX class name.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn posix(name: &str) -> Option<Vec<(u32, u32)>> {
    let ranges: &[(u8, u8)] = match name {
        "alnum" => &[(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')],
        "alpha" => &[(b'A', b'Z'), (b'a', b'z')],
        "ascii" => &[(0, 0x7f)],
        "blank" => &[(b'\t', b'\t'), (b' ', b' ')],
        "cntrl" => &[(0, 0x1f), (0x7f, 0x7f)],
        "digit" => &[(b'0', b'9')],
        "graph" => &[(b'!', b'~')],
        "lower" => &[(b'a', b'z')],
        "print" => &[(b' ', b'~')],
        "punct" => &[(b'!', b'/'), (b':', b'@'), (b'[', b'`'), (b'{', b'~')],
        "space" => &[(b'\t', b'\r'), (b' ', b' ')],
        "upper" => &[(b'A', b'Z')],
        "word" => &[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')],
        "xdigit" => &[(b'0', b'9'), (b'A', b'F'), (b'a', b'f')],
        _ => return None,
    };
    Some(ranges.iter().map(|&(a, b)| (a.into(), b.into())).collect())
}

/// \[decision\] The Unicode classes a pattern may name: those that RE2, Go's `regexp` and
/// Rust's `regex` all accept, spelled as all three spell them (`regex` would also take
/// `\p{greek}` or `\p{Letter}`; RE2 would not). That is the general categories but `Cs`
/// (surrogates, which `regex` refuses), the scripts of Unicode 15.0 (Go's and RE2's tables:
/// `regex` has 16.0's, whose seven new scripts the others lack), and `Any`. Sorted, one
/// space between names.
const UNICODE_NAMES: &str = "Adlam Ahom Anatolian_Hieroglyphs Any Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid C Canadian_Aboriginal Carian Caucasian_Albanian Cc Cf Chakma Cham Cherokee Chorasmian Co Common Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi L Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Ll Lm Lo Lt Lu Lycian Lydian M Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Mc Me Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Mn Modi Mongolian Mro Multani Myanmar N Nabataean Nag_Mundari Nandinagari Nd New_Tai_Lue Newa Nko Nl No Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya P Pahawh_Hmong Palmyrene Pau_Cin_Hau Pc Pd Pe Pf Phags_Pa Phoenician Pi Po Ps Psalter_Pahlavi Rejang Runic S Samaritan Saurashtra Sc Sharada Shavian Siddham SignWriting Sinhala Sk Sm So Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Z Zanabazar_Square Zl Zp Zs";

/// How many ranges each class of [`UNICODE_NAMES`] has, what it costs in the size estimate,
/// counted in the tables of `regex-syntax` 0.8.12 (Unicode 16.0.0).
const UNICODE_RANGES: [u16; 199] = [
    3, 3, 1, 1, 59, 4, 2, 2, 2, 2, 2, 14, 4, 3, 3, 1, 2, 1, 736, 3, 1, 2, 2, 21, 2, 4, 3, 1, 3,
    174, 3, 4, 6, 1, 10, 1, 5, 8, 1, 5, 2, 1, 1, 36, 10, 6, 1, 15, 36, 14, 6, 16, 22, 14, 2, 1, 3,
    9, 6, 2, 29, 2, 2, 3, 2, 13, 14, 3, 2, 8, 3, 4, 2, 2, 677, 11, 39, 3, 5, 3, 7, 2, 662, 75, 528,
    10, 651, 1, 2, 321, 1, 1, 7, 2, 2, 3, 7, 190, 5, 1, 3, 2, 3, 1, 3, 357, 2, 6, 3, 5, 4, 144, 2,
    1, 3, 71, 4, 2, 2, 12, 72, 2, 4, 1, 1, 3, 2, 1, 1, 2, 1, 1, 1, 1, 14, 2, 2, 198, 5, 1, 1, 6,
    20, 76, 10, 1, 2, 11, 193, 79, 3, 2, 2, 236, 2, 2, 21, 1, 1, 2, 3, 13, 31, 65, 187, 1, 2, 1, 2,
    1, 4, 2, 3, 2, 5, 2, 2, 18, 2, 4, 13, 1, 2, 7, 3, 2, 1, 2, 1, 8, 2, 2, 3, 2, 8, 1, 1, 1, 7,
];

/// A class set operation (`&&`, `--` or `~~`, by its character) on two sets of ranges.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn apply(op: char, mut a: Vec<(u32, u32)>, mut b: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    canonical(&mut a);
    canonical(&mut b);
    let minus = |a: &[(u32, u32)], b: &[(u32, u32)]| {
        let mut not_b = b.to_vec();
        negate(&mut not_b);
        intersect(a, &not_b)
    };
    match op {
        '&' => intersect(&a, &b),
        '-' => minus(&a, &b),
        _ => {
            let mut both = minus(&a, &b);
            both.extend(minus(&b, &a));
            both
        }
    }
}

/// The ranges in both of two canonical sets.
fn intersect(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        let (lo, hi) = (a[i].0.max(b[j].0), a[i].1.min(b[j].1));
        if lo <= hi {
            out.push((lo, hi));
        }
        if a[i].1 < b[j].1 {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Sorts and merges ranges that overlap or touch.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn canonical(ranges: &mut Vec<(u32, u32)>) {
    // A heap sort: not an insertion sort, which a class of 2,500 ranges (`[\W\W...]`) made
    // 80 times slower than `regex-lite` (8 ms a pattern); not `sort_unstable`, 3.9 KB of
    // the wasm package gzipped, where this is a few hundred bytes.
    *ranges = std::collections::BinaryHeap::from(std::mem::take(ranges)).into_sorted_vec();
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for &(a, b) in ranges.iter() {
        match merged.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    *ranges = merged;
}

/// The complement of canonical ranges among the Unicode scalar values.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn negate(ranges: &mut Vec<(u32, u32)>) {
    canonical(ranges);
    let mut out = Vec::with_capacity(ranges.len() + 1);
    let mut next = 0u32;
    for &(a, b) in ranges.iter() {
        if a > next {
            out.push((next, scalar_before(a)));
        }
        next = scalar_after(b);
    }
    if next <= char::MAX as u32 {
        out.push((next, char::MAX as u32));
    }
    *ranges = out;
}

/// The scalar value before `c` (skipping the surrogates).
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn scalar_before(c: u32) -> u32 {
    if c == 0xe000 {
        0xd7ff
    } else {
        c - 1
    }
}

/// The scalar value after `c` (skipping the surrogates).
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn scalar_after(c: u32) -> u32 {
    if c == 0xd7ff {
        0xe000
    } else {
        c + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(p: &str) -> bool {
        let mut out = Vec::new();
        compiles(p, &mut out);
        out.is_empty()
    }

    /// The verdict of `regex`'s parser (RE2 syntax as Rust reads it), the reference: what
    /// `regex::Regex::new` refuses but for its size limit (40 times faster than building).
    fn theirs(p: &str) -> bool {
        regex_syntax::Parser::new().parse(p).is_ok()
    }

    /// Whether `regex-lite` compiles `p` within the size limit: the reference for the size
    /// of what a pattern compiles to.
    fn lite(p: &str) -> bool {
        regex_lite::RegexBuilder::new(p)
            .size_limit(SIZE_LIMIT as usize)
            .nest_limit(NEST_LIMIT)
            .build()
            .is_ok()
    }

    /// The `reason` a refused pattern is reported with.
    fn reason(p: &str) -> String {
        let mut out = Vec::new();
        compiles(p, &mut out);
        let [finding] = &out[..] else {
            panic!("{p:?}: {} findings", out.len())
        };
        finding
            .params
            .get("reason")
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn the_issue_names_the_construct() {
        let deep = format!("{}a{}", "(".repeat(260), ")".repeat(260));
        for (p, why) in [
            ("a(?=b)", "look_around"),
            ("(?<!a)b", "look_around"),
            ("[a&&[b]", "class"),
            ("(a)\\1", "backreference"),
            ("\\p{^Greek}", "unicode_class"),
            ("\\p{Cs}", "unicode_class"),
            ("\\pX", "unicode_class"),
            ("\\p{}", "unicode_class"),
            ("\\p{L", "unicode_class"),
            ("\\p", "unicode_class"),
            ("\\q", "escape"),
            ("\\x{110000}", "escape"),
            ("(a", "group"),
            ("a)", "group"),
            ("(?P<1>a)", "group_name"),
            ("(?P<n>a)(?P<n>b)", "group_name"),
            ("(?z)a", "flags"),
            ("(?i-)a", "flags"),
            ("*a", "repetition"),
            ("a{3,2}", "repetition"),
            ("a{99999999999}", "repetition"),
            ("[z-a]", "class"),
            ("[a", "class"),
            ("(?-u).", "no_unicode"),
            ("(?-u)\\W", "no_unicode"),
            ("(?-u)[^a]", "no_unicode"),
            ("(?-u)[é]", "no_unicode"),
            ("(?-u)\\xFF", "no_unicode"),
            ("(?-u)[[:^alpha:]]", "no_unicode"),
            ("(?-u)\\pL", "no_unicode"),
            (deep.as_str(), "too_deep"),
            ("((a{1000}){1000}){1000}", "too_big"),
        ] {
            assert_eq!(reason(p), why, "{p:?}");
            assert!(
                !theirs(p) || why.starts_with("too_"),
                "regex compiles {p:?}"
            );
        }
        assert_eq!(reason(&"a".repeat(MAX_PATTERN + 1)), "too_long");
    }

    /// Every reason has its message (and so, by the catalogue test, one in every locale).
    /// \[decision\] The Unicode classes are those RE2, Go and `regex` all have: every one
    /// compiles with `regex`, and names only `regex` knows are refused.
    #[test]
    fn unicode_classes_every_engine_has() {
        let names: Vec<&str> = UNICODE_NAMES.split(' ').collect();
        assert_eq!(names.len(), UNICODE_RANGES.len());
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
        for name in &names {
            for p in [format!("\\p{{{name}}}"), format!("[^\\P{{{name}}}a]")] {
                assert!(ok(&p) && theirs(&p), "{p}");
            }
            if name.len() == 1 {
                assert!(
                    ok(&format!("\\p{name}")) && ok(&format!("\\P{name}")),
                    "{name}"
                );
            }
        }
        for p in [
            "\\p{greek}",
            "\\p{Letter}",
            "\\p{Script=Greek}",
            "\\p{sc:Greek}",
            "\\p{Garay}",
            "\\p{Alphabetic}",
        ] {
            assert!(theirs(p), "{p}: regex has it");
            assert_eq!(reason(p), "unicode_class", "{p}");
        }
        // As many ranges as the class has, in the size of what it compiles to.
        // `\p{C}` has 736 ranges: a copy is a state and 736 ranges of 8 bytes, 5,920 bytes,
        // and 1 MiB holds 177 copies with the rest of the automaton.
        let most = (1..400)
            .take_while(|n| ok(&format!("\\p{{C}}{{{n}}}")))
            .last();
        assert_eq!(most, Some(177));
        // A union adds its classes' ranges; an intersection has at most the smaller side's,
        // a difference the left side's (a review found them summed).
        assert!(!ok("[\\p{C}\\p{C}]{100}") && !ok("[[\\p{C}]\\p{C}]{100}"));
        assert!(ok("[\\p{C}&&\\p{Greek}]{500}") && ok("[\\p{Greek}&&[\\p{C}]]{500}"));
        assert!(ok("[\\p{C}--\\p{C}]{177}") && !ok("[\\p{C}--\\p{C}]{178}"));
        assert!(ok("[\\p{Greek}~~\\p{Greek}]{500}") && !ok("[\\p{C}~~\\p{Greek}]{177}"));
    }

    #[test]
    fn every_reason_has_a_message() {
        let keys: Vec<&str> = crate::messages::catalogue(crate::target::Locale::En)
            .iter()
            .map(|(k, _)| *k)
            .collect();
        for why in REASONS.iter().chain(&["too_long"]) {
            let key = format!("regex.invalid#{why}");
            assert!(keys.contains(&key.as_str()), "no message for {key}");
        }
    }

    #[test]
    fn compiles_or_not() {
        for p in [
            "^\\+?[0-9]{7,15}$",
            "\\d+\\w*",
            "[[:alpha:]]+(?i)x",
            "[\\w&&\\d]",
            "(?P<a>x)(?<b>y)",
            "\\b{start}x\\b{end}",
            "(?x) a b # comment\n c",
            "\\x{10FFFF}\\u00e9\\U0001F600",
            "[^\\x00-\\x{10FFFF}]",
            "\\pL\\PL\\p{L}\\P{Lu}\\p{Greek}\\p{Any}[\\p{Han}\\d]",
            "(?x)\\p{ Greek }",
            "[a[b]]",
            "[[a-z]--[aeiou]]",
            "[&&]",
            "[a&&]",
            "(?-u)\\w+\\x{E9}é[a-z\\d][[:alpha:]]\\x7F(?u:.)",
        ] {
            assert!(ok(p), "{p}");
        }
        for p in [
            "\\p{Latin1}",
            "([a-z]",
            "a)",
            "(?=a)",
            "(?<!a)b",
            "\\1",
            "*a",
            "a{2,1}",
            "a{,5}",
            "[z-a]",
            "[\\d-z]",
            "(?P<a>x)(?P<a>y)",
            "(?)",
            "(?i-)",
            "(?ii)",
            "\\e",
            "\\x{D800}",
            "[a[b]",
            "a{99999999999}",
        ] {
            assert!(!ok(p), "{p}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let nested = |n: usize| format!("{}a{}", "(".repeat(n), ")".repeat(n));
        assert!(ok(&nested(250)));
        assert!(!ok(&nested(300)));
        // Repetitions nest in the tree without groups.
        assert!(ok(&format!("a{}", "*".repeat(NEST_LIMIT as usize))));
        assert!(!ok(&format!("a{}", "*".repeat(NEST_LIMIT as usize + 1))));
    }

    /// The deepest pattern of each shape that `regex`'s parser takes is the deepest taken
    /// here: every kind of level counts as it counts them.
    #[test]
    fn nesting_as_regex_counts() {
        type Shape = fn(usize) -> String;
        let shapes: &[(&str, Shape)] = &[
            ("groups", |n| format!("{}a{}", "(".repeat(n), ")".repeat(n))),
            ("groups, a concatenation inside", |n| {
                format!("{}ab{}", "(".repeat(n), ")".repeat(n))
            }),
            ("non-capturing", |n| {
                format!("{}a{}", "(?:".repeat(n), ")".repeat(n))
            }),
            ("flags in each", |n| {
                format!("{}a{}", "((?i)".repeat(n), ")".repeat(n))
            }),
            ("flags groups", |n| {
                format!("{}a{}", "(?i:".repeat(n), ")".repeat(n))
            }),
            ("alternations", |n| {
                format!("{}a{}", "(b|".repeat(n), ")".repeat(n))
            }),
            ("repetitions", |n| format!("a{}", "+".repeat(n))),
            ("classes", |n| {
                format!("{}a{}", "[".repeat(n), "]".repeat(n))
            }),
            ("classes of two", |n| {
                format!("{}a{}", "[b".repeat(n), "]".repeat(n))
            }),
            ("set operations", |n| {
                format!("{}a{}", "[b&&".repeat(n), "]".repeat(n))
            }),
            ("chained operations", |n| format!("[a{}]", "&&a".repeat(n))),
            ("a class in groups", |n| {
                format!("{}[ab]{}", "(".repeat(n), ")".repeat(n))
            }),
        ];
        for (name, shape) in shapes {
            // Within the length checked (past it nothing is parsed).
            let within = |n: usize| shape(n).chars().count() <= MAX_PATTERN;
            let deepest = (1..400)
                .take_while(|&n| within(n) && theirs(&shape(n)))
                .last();
            let ours = (1..400).take_while(|&n| ok(&shape(n))).last();
            assert!(
                deepest.is_some_and(|d| d < 399),
                "{name}: regex takes them all"
            );
            assert_eq!(ours, deepest, "{name}");
            let past = shape(deepest.unwrap() + 1);
            if within(deepest.unwrap() + 1) {
                assert_eq!(reason(&past), "too_deep", "{name}");
            }
        }
    }

    #[test]
    fn long_patterns_are_refused_unparsed() {
        let mut out = Vec::new();
        compiles(&"a".repeat(MAX_PATTERN), &mut out);
        assert!(out.is_empty());
        compiles(&"a".repeat(MAX_PATTERN + 1), &mut out);
        assert_eq!(out[0].params["reason"], "too_long");
    }

    /// The size of the compiled automaton, where it crosses the limit, against
    /// `regex-lite`'s own count (64-bit).
    #[test]
    fn size_limit_as_regex_lite_counts() {
        for (pattern, at) in [
            ("a{N}", 1),
            ("[a-z]{N}", 1),
            ("(?:ab|cd){N}", 1),
            ("(a){N}", 1),
            ("(?i:x){N}", 1),
            ("a{0,N}", 1),
            ("(?:a*){N}", 1),
            ("(?:a?){N,}", 1),
            ("\\W{N}", 1),
            ("(?:a{1,N})+", 1),
        ] {
            // The largest N that regex-lite compiles, found by bisection, compiles here
            // too, and N + at does not.
            let build = |n: u32| lite(&pattern.replace('N', &n.to_string()));
            let (mut lo, mut hi) = (1u32, 1u32 << 20);
            assert!(build(lo) && !build(hi), "{pattern}");
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if build(mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let mine = |n: u32| check(&pattern.replace('N', &n.to_string())).is_ok();
            assert!(mine(lo), "{pattern} with N = {lo}");
            assert!(!mine(lo + at), "{pattern} with N = {}", lo + at);
        }
    }

    /// Generated patterns from the pieces of the syntax, against `regex`: the same verdict
    /// on every one. (`regex-lite`, which the checker first followed, differs from `regex`
    /// on some: it repeats what came before a group of flags, `a(?i)*`, and refuses a
    /// case-insensitive escape as the end of a range, `(?i)[\x41-Z]`.)
    #[test]
    fn agrees_with_regex() {
        const PIECES: &[&str] = &[
            "a",
            "b",
            "Z",
            "0",
            "-",
            "]",
            "[",
            "[^",
            "(",
            ")",
            "(?:",
            "(?i)",
            "(?x)",
            "(?s",
            "(?-i:",
            "(?P<n>",
            "(?<m>",
            "(?=",
            "(?!",
            "|",
            "*",
            "+",
            "?",
            "??",
            "{2}",
            "{1,3}",
            "{2,}",
            "{,2}",
            "{3,1}",
            "{",
            "}",
            "\\",
            "\\d",
            "\\W",
            "\\b",
            "\\B",
            "\\b{start}",
            "\\b{x}",
            "\\b{start-half}",
            "\\b{end-half}",
            "\\b{ end }",
            "\\b{-}",
            "(?P<_a>",
            "(?<1>",
            "(?<a.b[0]>",
            "{ 2}",
            "{2 ,3}",
            "{ 1, }",
            "{1 }",
            "\\x{ 41 }",
            "\\x 41",
            "\\pL",
            "\\p{Greek}",
            "\\P{Lu}",
            "\\p{^L}",
            "[[a-c]",
            "a(?i)",
            "(?-u)",
            "(?u)",
            "(?-u:",
            "\\xE9",
            "\\x{E9}",
            "\\W",
            "\\1",
            "\\x41",
            "\\x{1F600}",
            "\\x{}",
            "\\u00",
            "\\.",
            "\\-",
            "\\<",
            "\\e",
            "\\z",
            "\\A",
            "[:alpha:]",
            "[:^digit:]",
            "[:nope:]",
            ":",
            "&&",
            "--",
            "~~",
            "&",
            "~",
            " ",
            "#",
            "\n",
            "^",
            "$",
            ".",
            "é",
            "\\é",
            "a-z",
            "z-a",
            "\\d-z",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        // Inside a class: items, ranges, escapes, set operations, POSIX names, spacing.
        const CLASS: &[&str] = &[
            "a",
            "z",
            "-",
            "]",
            "[",
            "^",
            "\\d",
            "\\W",
            "\\b",
            "\\x41",
            "\\t",
            "\\n",
            "\\v",
            "\\r",
            "\\a",
            "\\f",
            "\\-",
            "\\]",
            "[:alpha:]",
            "[:^space:]",
            "[:x:]",
            ":",
            "&&",
            "--",
            "~~",
            "&",
            "~",
            " ",
            "#",
            "\n",
            "a-z",
            "z-a",
            "\\d-z",
            "é",
            "\\pL",
            "\\p{Greek}",
            "\\PN",
            "[a-c]",
            "[^b]",
            "[[:digit:]",
        ];
        let mut checked = 0;
        let mut compiling = 0;
        for round in 0..400_000 {
            let mut p = String::new();
            if round % 2 == 1 {
                p.push_str(["", "(?x)", "(?i)", "(?xi)", "(?-u)", "(?i-u)"][next(6)]);
                p.push_str(["[", "[^", "a[", "(?:["][next(4)]);
                for _ in 0..1 + next(6) {
                    p.push_str(CLASS[next(CLASS.len())]);
                }
                p.push_str(["]", "", "]+", "])"][next(4)]);
            } else {
                for _ in 0..1 + next(8) {
                    p.push_str(PIECES[next(PIECES.len())]);
                }
            }
            let (a, b) = (ok(&p), theirs(&p));
            assert_eq!(a, b, "{p:?}: ours {a}, regex {b}");
            checked += 1;
            compiling += usize::from(a);
        }
        eprintln!("{compiling} of {checked}");
        // Both verdicts are well represented.
        assert!(
            compiling > checked / 10 && compiling < checked * 9 / 10,
            "{compiling}"
        );
    }
}
