//! A value that must itself be a regular expression (\[003\] `contactIdentifierFormatOverride.
//! pattern`), in the RE2 syntax of Rust's `regex`, read as `regex-lite` reads it: `\d` and
//! `\w` have their ASCII meaning, and a Unicode class such as `\pL` is refused (this build has
//! no Unicode tables, as `regex` built without them has none).
//!
//! The library never matches with such a pattern; it only has to tell whether the pattern
//! compiles. So this is a syntax checker, not an engine: it follows `regex-lite` 0.1's parser
//! rule for rule (tests compare the two on generated patterns) and counts the size of the
//! automaton that would be compiled, without building either. In the wasm package that is
//! about 16 KB (gzipped) less than compiling with `regex-lite`.
//!
//! \[decision\] What bounds a hostile pattern: at most [`MAX_PATTERN`] characters, groups
//! and repetitions nested at most 251 deep (250 nested groups compile, as with `regex`), and
//! a compiled automaton of at most 1 MiB as `regex-lite` counts it on a 64-bit machine (32
//! bytes a state, 8 a class range, 4 a branch; the same figure on every surface).

use super::Finding;

/// \[decision\] The longest pattern checked, in characters. The vendor states no bound; a
/// contact identifier's format is a line, and the bound keeps checking small whatever the
/// payload holds.
pub const MAX_PATTERN: usize = 1024;

/// The largest automaton a pattern may compile to, in bytes.
const SIZE_LIMIT: u64 = 1 << 20;

/// How deeply groups and repetitions may nest: 250 nested groups compile, as with `regex`'s
/// default limit (`regex-lite` counts one level more for the same pattern).
const NEST_LIMIT: u32 = 251;

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
    let refused = match check(s) {
        Ok(()) => return,
        // RE2 syntax has class set operations (`[\w&&\d]`, `--`, `~~`), which `regex-lite`
        // refuses as unsupported, as it refuses look-around: with them taken out, the rest
        // of the pattern must still compile.
        Err(Refused::Unsupported(why)) => {
            let plain = s.replace("&&", "").replace("--", "").replace("~~", "");
            match check(&plain) {
                Ok(()) if plain != s => return,
                Ok(()) => why,
                Err(Refused::Unsupported(why) | Refused::Invalid(why)) => why,
            }
        }
        Err(Refused::Invalid(why)) => why,
    };
    out.push(Finding::error("regex.invalid").with("reason", refused.reason()));
}

/// Why a pattern does not compile: a construct `regex-lite` says "is not supported" of (a
/// class set operation, look-around), or anything else; either way, which construct.
#[derive(Debug, PartialEq)]
enum Refused {
    Unsupported(Why),
    Invalid(Why),
}

/// \[decision\] The construct that keeps a pattern from compiling, named by the issue's
/// `reason` (RULES: "the issue names the construct that does not").
#[derive(Clone, Copy, Debug, PartialEq)]
enum Why {
    LookAround,
    SetOperation,
    Backreference,
    UnicodeClass,
    Escape,
    Group,
    GroupName,
    Flags,
    Repetition,
    Class,
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
    "set_operation",
    "backreference",
    "unicode_class",
    "escape",
    "group",
    "group_name",
    "flags",
    "repetition",
    "class",
    "too_deep",
    "too_big",
];

type Checked<T> = Result<T, Refused>;

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn check(s: &str) -> Checked<()> {
    let mut p = Parser {
        s,
        pos: 0,
        depth: 0,
        flags: Flags::default(),
        names: Vec::new(),
        once: 0,
    };
    let root = p.alternation()?;
    // The capture group of the whole match (two states and its name slot), and the match.
    let size = root
        .size
        .saturating_add(3 * STATE + CAPTURE)
        .saturating_add(p.once);
    if root.height > NEST_LIMIT {
        return Err(Refused::Invalid(Why::TooDeep));
    }
    if size > SIZE_LIMIT {
        return Err(Refused::Invalid(Why::TooBig));
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
    fn class(ranges: &[(u32, u32)]) -> Node {
        Node {
            height: 0,
            size: STATE + RANGE * ranges.len() as u64,
            empty: false,
        }
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn above(subs: &[Node]) -> u32 {
        1 + subs.iter().map(|n| n.height).max().unwrap_or(0)
    }
}

/// An escape or a class item: a character, a class, or an assertion.
enum Item {
    Char(char),
    Class(Vec<(u32, u32)>),
    Look,
}

#[derive(Clone, Copy, Default)]
struct Flags {
    case_insensitive: bool,
    dot_all: bool,
    crlf: bool,
    whitespace: bool,
}

struct Parser<'a> {
    s: &'a str,
    pos: usize,
    depth: u32,
    flags: Flags,
    names: Vec<&'a str>,
    /// What the capture groups' names cost once, however often their group is copied.
    once: u64,
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
            return Err(Refused::Invalid(Why::TooDeep));
        }
        let depth = self.depth;
        self.depth += 1;
        let mut branches = Vec::new();
        let mut concat: Vec<Node> = Vec::new();
        loop {
            self.space();
            let Some(c) = self.char() else { break };
            match c {
                '(' => {
                    let old = self.flags;
                    if let Some(sub) = self.group()? {
                        concat.push(sub);
                        self.flags = old;
                    }
                    if !self.is(')') {
                        return Err(Refused::Invalid(Why::Group));
                    }
                    self.bump();
                }
                ')' if depth == 0 => return Err(Refused::Invalid(Why::Group)),
                ')' => break,
                '|' => {
                    branches.push(Self::concat(&concat));
                    concat.clear();
                    self.bump();
                }
                '[' => {
                    let ranges = self.class()?;
                    concat.push(Node::class(&ranges));
                }
                '?' | '*' | '+' | '{' => {
                    let sub = concat.pop().ok_or(Refused::Invalid(Why::Repetition))?;
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
                        '.' => Item::Class(self.dot()),
                        '^' | '$' => Item::Look,
                        c => self.literal(c),
                    };
                    concat.push(match item {
                        Item::Char(_) => Node {
                            height: 0,
                            size: STATE,
                            empty: false,
                        },
                        Item::Class(ranges) => Node::class(&ranges),
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
            return Err(Refused::Unsupported(Why::LookAround));
        }
        let named = self.bump_if("?P<") || self.bump_if("?<");
        if named {
            let name = self.name()?;
            self.once += CAPTURE + name.len() as u64 + 4;
        } else if self.bump_if("?") {
            if self.done() {
                return Err(Refused::Invalid(Why::Group));
            }
            let start = self.pos;
            self.flags()?;
            if self.is(')') {
                return if self.pos == start {
                    Err(Refused::Invalid(Why::Flags)) // `(?)`
                } else {
                    Ok(None)
                };
            }
            self.bump(); // the `:`
            return self.alternation().map(Some);
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
                return Err(Refused::Invalid(Why::GroupName));
            }
            self.bump();
        }
        let name = &self.s[start..self.pos];
        if self.done() || name.is_empty() || self.names.contains(&name) {
            return Err(Refused::Invalid(Why::GroupName));
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
                    return Err(Refused::Invalid(Why::Flags));
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
                    'u' => 6,
                    _ => return Err(Refused::Invalid(Why::Flags)),
                };
                if seen & (1 << bit) != 0 {
                    return Err(Refused::Invalid(Why::Flags));
                }
                seen |= 1 << bit;
            }
            if !self.bump() {
                return Err(Refused::Invalid(Why::Flags));
            }
        }
        if last_negation {
            return Err(Refused::Invalid(Why::Flags));
        }
        Ok(())
    }

    /// `{min}`, `{min,}` or `{min,max}` at its `{`, and a lazy `?` after it.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn counted(&mut self) -> Checked<(u32, Option<u32>)> {
        if !self.bump_space() {
            return Err(Refused::Invalid(Why::Repetition));
        }
        let min = self.decimal()?;
        let mut max = Some(min);
        if self.is(',') {
            if !self.bump_space() {
                return Err(Refused::Invalid(Why::Repetition));
            }
            max = if self.is('}') {
                None
            } else {
                Some(self.decimal()?)
            };
        }
        if !self.is('}') {
            return Err(Refused::Invalid(Why::Repetition));
        }
        if self.bump_space() && self.is('?') {
            self.bump();
        }
        if max.is_some_and(|max| min > max) {
            return Err(Refused::Invalid(Why::Repetition));
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
                    .ok_or(Refused::Invalid(Why::Repetition))?,
            );
            self.bump_space();
        }
        while self.char().is_some_and(char::is_whitespace) {
            self.bump_space();
        }
        value.ok_or(Refused::Invalid(Why::Repetition))
    }

    /// An escape, after its `\`.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn escape(&mut self) -> Checked<Item> {
        let c = self.char().ok_or(Refused::Invalid(Why::Escape))?;
        match c {
            // Backreferences and Unicode classes.
            '0'..='9' => return Err(Refused::Invalid(Why::Backreference)),
            'p' | 'P' => return Err(Refused::Invalid(Why::UnicodeClass)),
            'x' | 'u' | 'U' => return self.hex(c),
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
            return Ok(self.literal(c));
        }
        match c {
            'a' | 'f' | 't' | 'n' | 'r' | 'v' => Ok(Item::Char(c)),
            'A' | 'z' | 'B' | '<' | '>' => Ok(Item::Look),
            'b' => {
                if self.is('{') {
                    self.word_boundary()?;
                }
                Ok(Item::Look)
            }
            _ => Err(Refused::Invalid(Why::Escape)),
        }
    }

    /// `\b{start}` and the like, at the `{`; a `{` that cannot start one is left for a
    /// counted repetition of `\b`.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn word_boundary(&mut self) -> Checked<()> {
        let start = self.pos;
        if !self.bump_space() {
            return Err(Refused::Invalid(Why::Escape));
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
            return Err(Refused::Invalid(Why::Escape));
        }
        self.bump();
        match name.as_str() {
            "start" | "end" | "start-half" | "end-half" => Ok(()),
            _ => Err(Refused::Invalid(Why::Escape)),
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
            return Err(Refused::Invalid(Why::Escape));
        }
        let mut value = 0u32;
        let digit = |c: Option<char>| {
            c.and_then(|c| c.to_digit(16))
                .ok_or(Refused::Invalid(Why::Escape))
        };
        if self.is('{') {
            let mut any = false;
            while self.bump_space() && !self.is('}') {
                value = value.saturating_mul(16).saturating_add(digit(self.char())?);
                any = true;
            }
            if self.done() {
                return Err(Refused::Invalid(Why::Escape));
            }
            self.bump_space();
            if !any {
                return Err(Refused::Invalid(Why::Escape));
            }
        } else {
            for i in 0..digits {
                if i > 0 && !self.bump_space() {
                    return Err(Refused::Invalid(Why::Escape));
                }
                value = value * 16 + digit(self.char())?;
            }
            self.bump_space();
        }
        let c = char::from_u32(value).ok_or(Refused::Invalid(Why::Escape))?;
        Ok(self.literal(c))
    }

    /// A literal character outside a class: two cases under `i` for an ASCII letter.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn literal(&self, c: char) -> Item {
        if self.flags.case_insensitive && c.is_ascii_alphabetic() {
            Item::Class(vec![
                (c as u32, c as u32),
                (c as u32 ^ 0x20, c as u32 ^ 0x20),
            ])
        } else {
            Item::Char(c)
        }
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

    /// A bracketed class at its `[`: its ranges as compiled.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn class(&mut self) -> Checked<Vec<(u32, u32)>> {
        let mut union = Vec::new();
        if !self.bump_space() {
            return Err(Refused::Invalid(Why::Class));
        }
        let negated = self.is('^');
        if negated && !self.bump_space() {
            return Err(Refused::Invalid(Why::Class));
        }
        while self.is('-') {
            union.push((u32::from('-'), u32::from('-')));
            if !self.bump_space() {
                return Err(Refused::Invalid(Why::Class));
            }
        }
        if union.is_empty() && self.is(']') {
            union.push((u32::from(']'), u32::from(']')));
            if !self.bump_space() {
                return Err(Refused::Invalid(Why::Class));
            }
        }
        loop {
            self.space();
            let c = self.char().ok_or(Refused::Invalid(Why::Class))?;
            let twice = self.peek() == Some(c);
            match c {
                '[' => match self.posix_class() {
                    Some(ranges) => union.extend(ranges),
                    None => return Err(Refused::Invalid(Why::Class)), // a nested class
                },
                ']' => {
                    self.bump();
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
                        negate(&mut union);
                    }
                    return Ok(union);
                }
                '&' | '-' | '~' if twice => return Err(Refused::Unsupported(Why::SetOperation)),
                _ => self.class_range(&mut union)?,
            }
        }
    }

    /// A class item, or a range of two.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn class_range(&mut self, union: &mut Vec<(u32, u32)>) -> Checked<()> {
        let first = self.class_item()?;
        self.space();
        if self.done() {
            return Err(Refused::Invalid(Why::Class));
        }
        if !self.is('-') || matches!(self.peek_space(), Some(']' | '-')) {
            match first {
                Item::Char(c) => union.push((c as u32, c as u32)),
                Item::Class(ranges) => union.extend(ranges),
                Item::Look => return Err(Refused::Invalid(Why::Class)),
            }
            return Ok(());
        }
        if !self.bump_space() {
            return Err(Refused::Invalid(Why::Class));
        }
        let second = self.class_item()?;
        match (first, second) {
            (Item::Char(a), Item::Char(b)) if a <= b => {
                union.push((a as u32, b as u32));
                Ok(())
            }
            _ => Err(Refused::Invalid(Why::Class)),
        }
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn class_item(&mut self) -> Checked<Item> {
        let c = self.char().ok_or(Refused::Invalid(Why::Class))?;
        self.bump();
        if c == '\\' {
            self.escape()
        } else {
            Ok(Item::Char(c))
        }
    }

    /// `[:alpha:]` or `[:^alpha:]` inside a class, at its `[`; `None` (the parser where it
    /// was) when it is not one.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn posix_class(&mut self) -> Option<Vec<(u32, u32)>> {
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
                negate(&mut ranges);
            }
            Some(ranges)
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

/// Sorts and merges ranges that overlap or touch.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn canonical(ranges: &mut Vec<(u32, u32)>) {
    // Insertion sort: classes are short, and it keeps a sort routine out of the package.
    for i in 1..ranges.len() {
        let mut j = i;
        while j > 0 && ranges[j - 1] > ranges[j] {
            ranges.swap(j - 1, j);
            j -= 1;
        }
    }
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

    fn theirs(p: &str) -> bool {
        let build = |p: &str| {
            regex_lite::RegexBuilder::new(p)
                .size_limit(SIZE_LIMIT as usize)
                .nest_limit(NEST_LIMIT)
                .build()
        };
        match build(p) {
            Ok(_) => true,
            Err(e) if e.to_string().contains("is not supported") => {
                let plain = p.replace("&&", "").replace("--", "").replace("~~", "");
                plain != p && build(&plain).is_ok()
            }
            Err(_) => false,
        }
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
            ("\\pL", "unicode_class"),
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
            ("[[a]]", "class"),
            (deep.as_str(), "too_deep"),
            ("((a{1000}){1000}){1000}", "too_big"),
        ] {
            assert_eq!(reason(p), why, "{p:?}");
            assert!(!theirs(p), "regex-lite compiles {p:?}");
        }
        assert_eq!(reason(&"a".repeat(MAX_PATTERN + 1)), "too_long");
    }

    /// Every reason has its message (and so, by the catalogue test, one in every locale).
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
        ] {
            assert!(ok(p), "{p}");
        }
        for p in [
            "\\pL",
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
            "[a[b]]",
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
            let build = |n: u32| theirs(&pattern.replace('N', &n.to_string()));
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

    /// Generated patterns from the pieces of the syntax, against `regex-lite` with the
    /// same workaround for set operations: the same verdict on every one.
    #[test]
    fn agrees_with_regex_lite() {
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
        ];
        let mut checked = 0;
        let mut compiling = 0;
        for round in 0..400_000 {
            let mut p = String::new();
            if round % 2 == 1 {
                p.push_str(["", "(?x)", "(?i)", "(?xi)"][next(4)]);
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
            assert_eq!(a, b, "{p:?}: ours {a}, regex-lite {b}");
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
