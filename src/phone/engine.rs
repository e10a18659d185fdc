//! Run-time half of the phone engine: libphonenumber's parsing and validation algorithms
//! (as in its Python port, `phonenumberutil.py`) over the tables that `compile.rs` made at
//! build time.
//!
//! The tables ship in a sequential form (the smallest measured): one chunk per territory,
//! in territory order. A territory's chunk is read into flat arrays (`Decoded`) the first
//! time a number needs that territory, once for the life of the process: about 250 KB for
//! all of them. There is no cache to evict, so after a territory's first number every number
//! costs the same, whatever came before. Reading all the chunks at the first number cost
//! 1.7 ms of the first call in wasm (Node 20, measured with eager compilation); reading the
//! one or few a number needs costs microseconds.

use std::sync::OnceLock;

use super::{Analysis, Number, NumberType, ParseError};

/// One territory's metadata (a region, or a non-geographic calling code such as +800).
/// Its automata and programs are in its chunk of `BLOB` (chunks in territory order, `chunk`
/// bytes each): a header of four 2-byte words (the set of automata present: bit n for
/// description n of `compile::DESCS`, bit 11 for leading digits; then the lengths of the
/// national-prefix program, the transform rule and the international-prefix program), the
/// automata in bit order, then the three parts.
pub struct Territory {
    /// ISO 3166 code; `[0, 0]` for the non-geographic `001`.
    pub region: [u8; 2],
    pub code: u16,
    /// Bit 0: same mobile and fixed-line pattern.
    pub flags: u8,
    pub npp_groups: u8,
    /// Indices into `LENGTHS`: possible lengths per description (bit order of
    /// `compile::DESCS`), then the general description's local-only lengths.
    pub lengths: [u8; 12],
    /// Bytes of the territory's chunk in `BLOB`.
    pub chunk: u16,
}

include!(concat!(env!("OUT_DIR"), "/phone_tables.rs"));

impl Territory {
    fn region(&'static self) -> &'static str {
        match &self.region {
            [0, 0] => "001",
            // Generated from ASCII region codes.
            r => std::str::from_utf8(r).unwrap_or("ZZ"),
        }
    }

    fn length_set(&self, i: usize) -> u32 {
        LENGTHS[self.lengths[i] as usize]
    }

    fn same_mobile_and_fixed(&self) -> bool {
        self.flags & 1 != 0
    }

    fn index(&'static self) -> usize {
        (self as *const Territory as usize - TERRITORIES.as_ptr() as usize)
            / std::mem::size_of::<Territory>()
    }

    /// The territory's tables, read from its chunk the first time they are needed.
    fn decoded(&'static self) -> &'static Decoded {
        let i = self.index();
        DECODED[i].get_or_init(|| decode(chunk_offsets()[i] as usize, self.chunk as usize))
    }
}

// ---------------------------------------------------------------------------------------
// Decoded tables

/// A reference to a state: 0 is the dead state, `0x8000 | t` is tail `t` (a set of
/// remaining lengths), otherwise node `n - 1`.
type Ref = u16;
const TAIL: u16 = 0x8000;

/// One territory's tables: its automata as flat arrays, and its programs.
struct Decoded {
    /// Start of each description's automaton (0: none), then of the leading digits.
    roots: [Ref; 12],
    /// Per node, the reference for each digit.
    rows: Vec<[Ref; 10]>,
    accepting: Vec<bool>,
    /// Per tail, bit n: accepts when n digits remain.
    tails: Vec<u32>,
    npp: &'static [u8],
    transform: &'static [u8],
    idd: &'static [u8],
}

/// Each territory's tables, once read (see the module docs).
static DECODED: [OnceLock<Decoded>; TERRITORY_COUNT] = [const { OnceLock::new() }; TERRITORY_COUNT];

/// Where each territory's chunk starts in `BLOB` (the chunks follow one another).
fn chunk_offsets() -> &'static [u32; TERRITORY_COUNT] {
    static OFFSETS: OnceLock<[u32; TERRITORY_COUNT]> = OnceLock::new();
    OFFSETS.get_or_init(|| {
        let mut at = [0u32; TERRITORY_COUNT];
        let mut next = 0u32;
        for (slot, t) in at.iter_mut().zip(TERRITORIES.iter()) {
            *slot = next;
            next += u32::from(t.chunk);
        }
        at
    })
}

#[inline]
fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

struct Reader {
    at: usize,
}

impl Reader {
    fn byte(&mut self) -> u8 {
        self.at += 1;
        BLOB[self.at - 1]
    }

    fn leb128(&mut self) -> u32 {
        let mut v = 0u32;
        let mut shift = 0;
        loop {
            let b = self.byte();
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return v;
            }
            shift += 7;
        }
    }

    fn take(&mut self, len: usize) -> &'static [u8] {
        self.at += len;
        &BLOB[self.at - len..self.at]
    }

    /// One automaton (see `compile::Packer`); returns its start.
    fn automaton(&mut self, t: &mut Decoded) -> Ref {
        let tail_base = t.tails.len() as u16;
        for _ in 0..self.leb128() {
            let m = self.leb128();
            t.tails.push(m);
        }
        let start = self.leb128() as u16;
        if start != 1 {
            return TAIL | (tail_base + start / 2 - 1);
        }
        let node_base = t.rows.len();
        self.node(t, node_base, tail_base)
    }

    /// A node record and the records of the nodes it places; returns its reference.
    fn node(&mut self, t: &mut Decoded, node_base: usize, tail_base: u16) -> Ref {
        let me = t.rows.len();
        t.rows.push([0; 10]);
        let head = self.byte();
        t.accepting.push(head & 0x10 != 0);
        let mut edges = [(0u16, 0u32); 10];
        let k = (head & 0x0f) as usize;
        for e in edges.iter_mut().take(k) {
            let set = match self.byte() {
                255 => {
                    let set = u16_at(&BLOB, self.at);
                    self.at += 2;
                    set
                }
                i => CLASSES[i as usize],
            };
            *e = (set, self.leb128());
        }
        let mut row = [0; 10];
        for &(set, v) in edges.iter().take(k) {
            let r = match v {
                0 => self.node(t, node_base, tail_base),
                v if v & 1 == 1 => (node_base + (v as usize >> 1) + 1) as Ref,
                v => TAIL | (tail_base + (v / 2 - 1) as u16),
            };
            let mut digits = set & 0x3ff;
            while digits != 0 {
                row[digits.trailing_zeros() as usize] = r;
                digits &= digits - 1;
            }
        }
        t.rows[me] = row;
        (me + 1) as Ref
    }
}

/// Reads the territory chunk of `len` bytes at `at`: a header of four 2-byte words, the
/// automata, the programs.
fn decode(at: usize, len: usize) -> Decoded {
    let mut t = Decoded {
        roots: [0; 12],
        rows: Vec::new(),
        accepting: Vec::new(),
        tails: Vec::new(),
        npp: &[],
        transform: &[],
        idd: &[],
    };
    let present = u16_at(&BLOB, at);
    let mut r = Reader { at: at + 8 };
    for bit in 0..t.roots.len() {
        if present & (1 << bit) != 0 {
            t.roots[bit] = r.automaton(&mut t);
        }
    }
    t.npp = r.take(u16_at(&BLOB, at + 2) as usize);
    t.transform = r.take(u16_at(&BLOB, at + 4) as usize);
    t.idd = r.take(u16_at(&BLOB, at + 6) as usize);
    debug_assert_eq!(r.at, at + len, "the chunk read to its end");
    t
}

/// Whether the automaton from `root` accepts all of `digits` (`prefix`: some prefix of
/// them).
fn walk(t: &Decoded, root: Ref, digits: &[u8], prefix: bool) -> bool {
    let mut r = root;
    let mut pos = 0;
    loop {
        if r == 0 {
            return false;
        }
        if r & TAIL != 0 {
            let lengths = t.tails[(r & !TAIL) as usize];
            let left = digits.len() - pos;
            return if prefix {
                left >= 31 || lengths & ((2u32 << left) - 1) != 0
            } else {
                left < 32 && lengths & (1 << left) != 0
            };
        }
        let node = (r - 1) as usize;
        if prefix && t.accepting[node] {
            return true;
        }
        match digits.get(pos) {
            Some(&d) if d.is_ascii_digit() => {
                r = t.rows[node][(d - b'0') as usize];
                pos += 1;
            }
            Some(_) => return false,
            None => return t.accepting[node],
        }
    }
}

// Description bits (order of compile::DESCS).
const ORDERED_TYPES: [(usize, NumberType); 8] = [
    (1, NumberType::PremiumRate),
    (2, NumberType::TollFree),
    (3, NumberType::SharedCost),
    (4, NumberType::Voip),
    (5, NumberType::PersonalNumber),
    (6, NumberType::Pager),
    (7, NumberType::Uan),
    (8, NumberType::Voicemail),
];
const FIXED: usize = 9;
const MOBILE: usize = 10;
const LEADING: usize = 11;

const MIN_LENGTH_FOR_NSN: usize = 2;
const MAX_LENGTH_FOR_NSN: usize = 17;
const MAX_INPUT_STRING_LENGTH: usize = 250;

/// `_match_national_number(number, general_desc, False)`.
fn matches_general(t: &'static Territory, digits: &[u8]) -> bool {
    let d = t.decoded();
    walk(d, d.roots[0], digits, false)
}

fn has_length(mask: u32, len: usize) -> bool {
    len < 32 && mask & (1 << len) != 0
}

/// `_is_number_matching_desc` for description `i`.
fn matches_desc(t: &'static Territory, i: usize, digits: &[u8]) -> bool {
    has_length(t.length_set(i), digits.len()) && {
        let d = t.decoded();
        walk(d, d.roots[i], digits, false)
    }
}

/// `_number_type_helper`.
fn number_type(t: &'static Territory, nsn: &[u8]) -> NumberType {
    if !matches_desc(t, 0, nsn) {
        return NumberType::Unknown;
    }
    for (i, ty) in ORDERED_TYPES {
        if matches_desc(t, i, nsn) {
            return ty;
        }
    }
    let same = t.same_mobile_and_fixed();
    if matches_desc(t, FIXED, nsn) {
        if same || matches_desc(t, MOBILE, nsn) {
            NumberType::FixedLineOrMobile
        } else {
            NumberType::FixedLine
        }
    } else if !same && matches_desc(t, MOBILE, nsn) {
        NumberType::Mobile
    } else {
        NumberType::Unknown
    }
}

/// Whether the territory's leading-digits pattern matches at the start (`re.match`);
/// `None` when it has none.
fn leading_match(t: &'static Territory, digits: &[u8]) -> Option<bool> {
    let d = t.decoded();
    let root = d.roots[LEADING];
    (root != 0).then(|| walk(d, root, digits, true))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Length {
    Possible,
    LocalOnly,
    TooShort,
    TooLong,
    Invalid,
}

/// `_test_number_length(number, metadata)` for the general description.
fn test_length(t: &Territory, len: usize) -> Length {
    let possible = t.length_set(0);
    if has_length(t.length_set(11), len) {
        return Length::LocalOnly;
    }
    let min = possible.trailing_zeros() as usize;
    let max = 31 - possible.leading_zeros() as usize;
    if min == len {
        Length::Possible
    } else if min > len {
        Length::TooShort
    } else if max < len {
        Length::TooLong
    } else if has_length(possible, len) {
        Length::Possible
    } else {
        Length::Invalid
    }
}

// ---------------------------------------------------------------------------------------
// Backtracking programs (national and international prefixes)

const NO_POS: usize = usize::MAX;

/// Runs the program at `pc` from `pos`: the end of the first match, leftmost-first as
/// Python's `re` finds it. The compiler rejects patterns that could loop.
fn run(
    prog: &[u8],
    mut pc: usize,
    input: &[u8],
    mut pos: usize,
    caps: &mut [usize; 20],
) -> Option<usize> {
    use super::ops as op;
    loop {
        match prog[pc] {
            op::CHAR => {
                let set = u16_at(prog, pc + 1);
                match input.get(pos) {
                    Some(&d) if d.is_ascii_digit() && set & (1 << (d - b'0')) != 0 => {
                        pos += 1;
                        pc += 3;
                    }
                    _ => return None,
                }
            }
            op::SPLIT => {
                let first = u16_at(prog, pc + 1) as usize;
                if let Some(end) = run(prog, first, input, pos, caps) {
                    return Some(end);
                }
                pc = u16_at(prog, pc + 3) as usize;
            }
            op::JMP => pc = u16_at(prog, pc + 1) as usize,
            op::SAVE => {
                let slot = prog[pc + 1] as usize;
                let old = caps[slot];
                caps[slot] = pos;
                if let Some(end) = run(prog, pc + 2, input, pos, caps) {
                    return Some(end);
                }
                caps[slot] = old;
                return None;
            }
            op::END => {
                if pos != input.len() {
                    return None;
                }
                pc += 1;
            }
            op::MATCH => return Some(pos),
            _ => return None,
        }
    }
}

fn program_match(prog: &[u8], input: &[u8], caps: &mut [usize; 20]) -> Option<usize> {
    run(prog, 0, input, 0, caps)
}

/// What `strip_national_prefix` made of a number, without copying it when it can say so.
enum Stripped {
    Unchanged,
    /// The number from this index on (the prefix removed).
    From(usize),
    /// The number transformed by the territory's rule.
    New(Vec<u8>),
}

impl Stripped {
    fn of<'a>(&'a self, number: &'a [u8]) -> &'a [u8] {
        match self {
            Stripped::Unchanged => number,
            Stripped::From(i) => &number[*i..],
            Stripped::New(v) => v,
        }
    }

    /// The stripped number in `number`'s own storage, when it is a copy of the number.
    fn apply(self, mut number: Vec<u8>) -> Vec<u8> {
        match self {
            Stripped::Unchanged => number,
            Stripped::From(i) => {
                number.drain(..i);
                number
            }
            Stripped::New(v) => v,
        }
    }
}

/// `_maybe_strip_national_prefix_carrier_code`: the number without its national prefix
/// (or transformed by the territory's rule), or unchanged.
fn strip_national_prefix(t: &'static Territory, number: &[u8]) -> Stripped {
    let parts = t.decoded();
    let npp = parts.npp;
    if npp.is_empty() || number.is_empty() {
        return Stripped::Unchanged;
    }
    let mut caps = [NO_POS; 20];
    let Some(end) = program_match(npp, number, &mut caps) else {
        return Stripped::Unchanged;
    };
    let viable = matches_general(t, number);
    let last = t.npp_groups as usize;
    let last_missing = last == 0 || caps[2 * last + 1] == NO_POS || caps[2 * last] == NO_POS;
    let result = match parts.transform {
        rule if !rule.is_empty() && !last_missing => {
            let mut out = Vec::with_capacity(number.len() + rule.len());
            for &b in rule {
                if b >= 0xf0 {
                    let g = (b - 0xf0) as usize;
                    let (s, e) = (caps[2 * g], caps[2 * g + 1]);
                    if s != NO_POS && e != NO_POS {
                        out.extend_from_slice(&number[s..e]);
                    }
                } else {
                    out.push(b);
                }
            }
            out.extend_from_slice(&number[end..]);
            Stripped::New(out)
        }
        _ => Stripped::From(end),
    };
    if viable && !matches_general(t, result.of(number)) {
        return Stripped::Unchanged;
    }
    result
}

// ---------------------------------------------------------------------------------------
// Lookups

fn territories_for(code: u16) -> &'static [Territory] {
    match CODE_INDEX.get(code as usize) {
        Some(&i) if i != 255 => {
            let (_, first, count) = CODES[i as usize];
            &TERRITORIES[first as usize..first as usize + count as usize]
        }
        _ => &[],
    }
}

/// The geographic territory with region code `region` (as given; libphonenumber compares
/// region codes as upper case).
fn territory_for_region(region: &str) -> Option<&'static Territory> {
    if region.len() != 2 {
        return None;
    }
    let upper = region.to_ascii_uppercase();
    TERRITORIES.iter().find(|t| t.region == upper.as_bytes())
}

/// Whether `region` is a supported region code as libphonenumber checks default regions
/// (upper-case ISO 3166 codes only; `001` is not a region one can dial from).
pub fn is_supported_region(region: &str) -> bool {
    region.len() == 2 && TERRITORIES.iter().any(|t| t.region == region.as_bytes())
}

/// `_extract_country_code`: the assigned calling code `full` starts with, and the rest.
fn extract_country_code(full: &[u8]) -> Option<(u16, &[u8])> {
    if full.first().is_none_or(|&d| d == b'0') {
        return None;
    }
    (1..=3.min(full.len())).find_map(|n| {
        let code = full[..n]
            .iter()
            .fold(0u16, |acc, &d| acc * 10 + u16::from(d - b'0'));
        (!territories_for(code).is_empty()).then(|| (code, &full[n..]))
    })
}

/// The calling code (1 to 3 digits) that `digits` starts with, if any is assigned.
pub fn calling_code(digits: &str) -> Option<u16> {
    let d = digits.as_bytes();
    if !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    extract_country_code(d).map(|(c, _)| c)
}

// ---------------------------------------------------------------------------------------
// Text

/// The decimal value of a Unicode decimal digit (`\p{Nd}`), for the scripts forms see.
fn digit_value(c: char) -> Option<u8> {
    // Each Unicode decimal-digit range is ten consecutive code points from its zero.
    const ZEROS: &[u32] = &[
        0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
        0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
        0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
        0xff10,
    ];
    if c.is_ascii() {
        return c.is_ascii_digit().then(|| c as u8 - b'0');
    }
    let u = c as u32;
    ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&u))
        .map(|&z| (u - z) as u8)
}

fn is_plus(c: char) -> bool {
    c == '+' || c == '\u{ff0b}'
}

/// `_VALID_PUNCTUATION` (which includes `x`; matched case-insensitively).
fn is_punctuation(c: char) -> bool {
    matches!(c,
        '-' | 'x' | 'X' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30fc}' | '\u{ff0d}'..='\u{ff0f}'
        | ' ' | '\u{a0}' | '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{3000}' | '(' | ')'
        | '\u{ff08}' | '\u{ff09}' | '\u{ff3b}' | '\u{ff3d}' | '.' | '[' | ']' | '/' | '~'
        | '\u{2053}' | '\u{223c}' | '\u{ff5e}')
}

/// The keypad digit of a letter (`_ALPHA_MAPPINGS`).
fn keypad(c: char) -> Option<u8> {
    let d = match c.to_ascii_uppercase() {
        'A'..='C' => 2,
        'D'..='F' => 3,
        'G'..='I' => 4,
        'J'..='L' => 5,
        'M'..='O' => 6,
        'P'..='S' => 7,
        'T'..='V' => 8,
        'W'..='Z' => 9,
        _ => return None,
    };
    Some(b'0' + d)
}

/// Whether the number part of `input` starts with a plus sign: libphonenumber's test of
/// international text (after `_extract_possible_number`).
pub fn is_international(input: &str) -> bool {
    extract_possible_number(input).starts_with(is_plus)
}

/// `_extract_possible_number`: from the first `+` or digit, without trailing symbols or a
/// second number.
fn extract_possible_number(input: &str) -> &str {
    let Some(start) = input.find(|c: char| is_plus(c) || digit_value(c).is_some()) else {
        return "";
    };
    let mut s = &input[start..];
    // Trailing characters that are neither word characters nor `#` (underscore counts as
    // unwanted).
    s = s.trim_end_matches(|c: char| c == '_' || !(c == '#' || c.is_alphanumeric()));
    // A second number: a slash or backslash, spaces, then `x`.
    let b = s.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'/' || b[i] == b'\\' {
            let mut j = i + 1;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            if j < b.len() && b[j] == b'x' {
                s = &s[..i];
                break;
            }
        }
    }
    s
}

/// `_is_viable_phone_number`, without extensions (which this engine does not read).
fn is_viable(s: &str) -> bool {
    let count = s.chars().count();
    if count < MIN_LENGTH_FOR_NSN {
        return false;
    }
    if count == 2 && s.chars().all(|c| digit_value(c).is_some()) {
        return true;
    }
    let mut chars = s.chars().peekable();
    while chars.next_if(|&c| is_plus(c)).is_some() {}
    let mut digits = 0;
    for c in chars {
        if digit_value(c).is_some() {
            digits += 1;
        } else if !(is_punctuation(c) || c == '*' || (digits >= 3 && c.is_ascii_alphabetic())) {
            return false;
        }
    }
    digits >= 3
}

/// `_normalize`: keypad letters become digits when there are three letters or more;
/// otherwise only the digits are kept.
fn normalize_digits(s: &str) -> Vec<u8> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.as_bytes().to_vec(); // what a number typed as E.164 holds
    }
    let alpha = s.chars().filter(char::is_ascii_alphabetic).count() >= 3;
    s.chars()
        .filter_map(|c| match digit_value(c) {
            Some(d) => Some(b'0' + d),
            None if alpha => keypad(c),
            None => None,
        })
        .collect()
}

/// `_maybe_extract_country_code`: the calling code and national number, or (0, empty)
/// when the number is national.
fn maybe_extract_country_code(
    number: &str,
    region: Option<&'static Territory>,
) -> Result<(u16, Vec<u8>), ParseError> {
    if number.is_empty() {
        return Ok((0, Vec::new()));
    }
    let after_plus = number.trim_start_matches(is_plus);
    let (international, full) = if after_plus.len() != number.len() {
        (true, normalize_digits(after_plus))
    } else {
        let full = normalize_digits(number);
        match region.map(|t| t.decoded().idd).filter(|p| !p.is_empty()) {
            Some(idd) => {
                let mut caps = [NO_POS; 20];
                match program_match(idd, &full, &mut caps) {
                    // Country calling codes never start with 0.
                    Some(end) if full.get(end) != Some(&b'0') => (true, full[end..].to_vec()),
                    _ => (false, full),
                }
            }
            None => (false, full),
        }
    };
    if international {
        if full.len() <= MIN_LENGTH_FOR_NSN {
            return Err(ParseError::TooShortAfterIdd);
        }
        return match extract_country_code(&full) {
            Some((code, rest)) => {
                let consumed = full.len() - rest.len();
                let mut national = full;
                national.drain(..consumed);
                Ok((code, national))
            }
            None => Err(ParseError::InvalidCountryCode),
        };
    }
    if let Some(t) = region {
        let code = t.code.to_string();
        if let Some(rest) = full.strip_prefix(code.as_bytes()) {
            let stripped = strip_national_prefix(t, rest);
            let potential = stripped.of(rest);
            if (!matches_general(t, &full) && matches_general(t, potential))
                || test_length(t, full.len()) == Length::TooLong
            {
                return Ok((t.code, potential.to_vec()));
            }
        }
    }
    Ok((0, Vec::new()))
}

/// `parse(input, default_region)`.
pub fn parse(input: &str, default_region: Option<&str>) -> Result<Number, ParseError> {
    if input.len() > MAX_INPUT_STRING_LENGTH && input.chars().count() > MAX_INPUT_STRING_LENGTH {
        return Err(ParseError::TooLong);
    }
    let number = extract_possible_number(input);
    if !is_viable(number) {
        return Err(ParseError::NotANumber);
    }
    let starts_with_plus = number.starts_with(is_plus);
    let valid_region = default_region.is_some_and(is_supported_region);
    if !valid_region && !starts_with_plus {
        return Err(ParseError::InvalidCountryCode);
    }
    let region = default_region.and_then(territory_for_region);
    let (code, mut national) = match maybe_extract_country_code(number, region) {
        Err(ParseError::InvalidCountryCode) if starts_with_plus => {
            let (code, national) =
                maybe_extract_country_code(number.trim_start_matches(is_plus), region)?;
            if code == 0 {
                return Err(ParseError::InvalidCountryCode);
            }
            (code, national)
        }
        other => other?,
    };
    let (code, territory) = if code != 0 {
        (code, territories_for(code).first())
    } else {
        national.extend(normalize_digits(number));
        match region {
            Some(t) => (t.code, Some(t)),
            None => (0, None),
        }
    };
    if national.len() < MIN_LENGTH_FOR_NSN {
        return Err(ParseError::TooShortNsn);
    }
    if let Some(t) = territory {
        let stripped = strip_national_prefix(t, &national);
        if !matches!(
            test_length(t, stripped.of(&national).len()),
            Length::TooShort | Length::LocalOnly | Length::Invalid
        ) {
            national = stripped.apply(national);
        }
    }
    if national.len() < MIN_LENGTH_FOR_NSN {
        return Err(ParseError::TooShortNsn);
    }
    if national.len() > MAX_LENGTH_FOR_NSN {
        return Err(ParseError::TooLong);
    }
    Ok(Number {
        country_code: code,
        // Only ASCII digits were pushed.
        national_number: String::from_utf8(national).unwrap_or_default(),
    })
}

/// `region_code_for_number` (as the territory), with `judge`'s answer there (a number's
/// type, or only whether it has one) when it had to be worked out on the way; `unknown` is
/// the answer of a number that has none.
fn territory_of<J: Copy + PartialEq>(
    number: &Number,
    judge: fn(&'static Territory, &[u8]) -> J,
    unknown: J,
) -> Option<(&'static Territory, Option<J>)> {
    let list = territories_for(number.country_code);
    if list.len() <= 1 {
        return list.first().map(|t| (t, None));
    }
    let nsn = number.national_number.as_bytes();
    list.iter().find_map(|t| match leading_match(t, nsn) {
        Some(matched) => matched.then_some((t, None)),
        None => {
            let j = judge(t, nsn);
            (j != unknown).then_some((t, Some(j)))
        }
    })
}

/// Whether [`number_type`] is other than `Unknown`, with the likeliest descriptions tried
/// first: which one matches decides the type, not the validity, so the order is free here
/// (a valid US number takes two walks instead of ten).
fn has_type(t: &'static Territory, nsn: &[u8]) -> bool {
    matches_desc(t, 0, nsn)
        && (matches_desc(t, FIXED, nsn)
            || (!t.same_mobile_and_fixed() && matches_desc(t, MOBILE, nsn))
            || ORDERED_TYPES.iter().any(|&(i, _)| matches_desc(t, i, nsn)))
}

/// `is_valid_number`, `region_code_for_number` and `number_type` at once.
pub fn analyze(number: &Number) -> Analysis {
    let Some((t, known)) = territory_of(number, number_type, NumberType::Unknown) else {
        return Analysis {
            valid: false,
            region: None,
            number_type: NumberType::Unknown,
        };
    };
    let number_type = known.unwrap_or_else(|| number_type(t, number.national_number.as_bytes()));
    Analysis {
        valid: number_type != NumberType::Unknown,
        region: Some(t.region()),
        number_type,
    }
}

/// [`analyze`] without the type: `is_valid_number` and `region_code_for_number`.
pub fn validity(number: &Number) -> (bool, Option<&'static str>) {
    match territory_of(number, has_type, false) {
        None => (false, None),
        Some((t, known)) => (
            known.unwrap_or_else(|| has_type(t, number.national_number.as_bytes())),
            Some(t.region()),
        ),
    }
}

/// libphonenumber's `is_possible_number_with_reason` for a parsed number, when the length
/// is what is wrong: the length test of the general description of the calling code's main
/// territory. A length dialled only locally counts as too short.
pub fn length_problem(number: &Number) -> Option<super::LengthProblem> {
    let t = territories_for(number.country_code).first()?;
    match test_length(t, number.national_number.len()) {
        Length::Possible => None,
        Length::LocalOnly | Length::TooShort => Some(super::LengthProblem::TooShort),
        Length::TooLong => Some(super::LengthProblem::TooLong),
        Length::Invalid => Some(super::LengthProblem::Invalid),
    }
}

/// Bytes of automata and programs in the tables.
pub fn table_bytes() -> usize {
    BLOB.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, region: Option<&str>) -> (String, Analysis) {
        let n = parse(input, region).unwrap();
        (n.e164(), analyze(&n))
    }

    #[test]
    fn known_numbers() {
        let (e, a) = check("+12125551234", None);
        assert_eq!(e, "+12125551234");
        assert!(a.valid);
        assert_eq!(a.region, Some("US"));
        let (_, a) = check("+442079460857", None);
        assert_eq!((a.valid, a.region), (true, Some("GB")));
        assert_eq!(a.number_type, NumberType::FixedLine);
        let (_, a) = check("+15567778888", None);
        assert!(!a.valid);
        let (_, a) = check("+1234567890", None);
        assert!(!a.valid);
        assert_eq!(
            parse("+8091234567", None),
            Err(ParseError::InvalidCountryCode)
        );
    }

    #[test]
    fn national_input() {
        assert_eq!(check("(212) 555-1234", Some("US")).0, "+12125551234");
        assert_eq!(check("020 7946 0857", Some("GB")).0, "+442079460857");
        assert_eq!(check("011 44 20 7946 0857", Some("US")).0, "+442079460857");
        assert_eq!(
            parse("212 555 1234", None),
            Err(ParseError::InvalidCountryCode)
        );
        assert_eq!(parse("hello", Some("US")), Err(ParseError::NotANumber));
    }
}

/// The shipped tables read back exactly as the automata they were made from.
#[cfg(test)]
mod packing {
    use super::super::compile::{self, Dfa, DESCS};
    use super::*;

    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    /// Strings the automaton accepts (random walks), near misses and random digits.
    fn samples(dfa: &Dfa, rng: &mut Lcg) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for _ in 0..150 {
            let mut s = Vec::new();
            let mut state = 0usize;
            for _ in 0..18 {
                let moves: Vec<(usize, u32)> = dfa.next[state]
                    .iter()
                    .enumerate()
                    .filter_map(|(d, t)| t.map(|t| (d, t)))
                    .collect();
                if moves.is_empty() || (dfa.accept[state] != 0 && rng.next(4) == 0) {
                    break;
                }
                let (d, t) = moves[rng.next(moves.len() as u64) as usize];
                s.push(b'0' + d as u8);
                state = t as usize;
            }
            let mut near = s.clone();
            if !near.is_empty() {
                let i = rng.next(near.len() as u64) as usize;
                near[i] = b'0' + rng.next(10) as u8;
            }
            let mut longer = s.clone();
            longer.push(b'0' + rng.next(10) as u8);
            let random: Vec<u8> = (0..1 + rng.next(17))
                .map(|_| b'0' + rng.next(10) as u8)
                .collect();
            out.extend([s, near, longer, random]);
        }
        out
    }

    #[test]
    fn chunks_tile_the_blob() {
        let offsets = chunk_offsets();
        let last = TERRITORY_COUNT - 1;
        assert_eq!(offsets[0], 0);
        assert_eq!(
            offsets[last] as usize + TERRITORIES[last].chunk as usize,
            BLOB.len()
        );
        for (i, t) in TERRITORIES.iter().enumerate() {
            // decode's debug assertion checks that each chunk reads to its own end.
            let d = decode(offsets[i] as usize, t.chunk as usize);
            assert_eq!(d.rows.len(), d.accepting.len());
        }
    }

    #[test]
    fn automata_read_back_as_built() {
        let json = std::fs::read_to_string("src/phone/metadata.json").unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let list = doc["territories"].as_array().unwrap();
        assert_eq!(list.len(), TERRITORIES.len());
        let mut rng = Lcg(7);
        let mut checked = 0;
        for (territory, meta) in TERRITORIES.iter().zip(list) {
            assert_eq!(territory.region(), meta["region"].as_str().unwrap());
            let t = territory.decoded();
            let roots = t.roots;
            let mut patterns: Vec<(usize, &str)> = DESCS
                .iter()
                .enumerate()
                .filter_map(|(i, name)| meta["descs"][*name]["pattern"].as_str().map(|p| (i, p)))
                .collect();
            if let Some(p) = meta["leading_digits"].as_str() {
                patterns.push((LEADING, p));
            }
            for (i, p) in patterns {
                assert_ne!(roots[i], 0, "{} {i}", territory.region());
                let dfa = Dfa::build(&[(compile::parse(p).unwrap().0, 1)]).unwrap();
                for s in samples(&dfa, &mut rng) {
                    let expected = if i == LEADING {
                        (0..=s.len()).any(|n| dfa.full(&s[..n]) != 0)
                    } else {
                        dfa.full(&s) != 0
                    };
                    let got = walk(t, roots[i], &s, i == LEADING);
                    assert_eq!(
                        got,
                        expected,
                        "{} {i} {:?}",
                        territory.region(),
                        std::str::from_utf8(&s)
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 500_000, "{checked}");
    }
}
