//! Build-time half of the phone engine: turns libphonenumber's metadata
//! (`src/phone/metadata.json`) into the tables that `src/phone/engine.rs` reads.
//!
//! This file is compiled twice: by `build.rs` (which runs [`generate`]) and, for its unit
//! tests, inside the library under `cfg(test)`. It uses only `std` and `serde_json`.
//!
//! Every pattern in the metadata is a regular expression over decimal digits, written with a
//! small subset of the syntax: digits, `\d`, classes such as `[2-57-9]`, groups `(...)` and
//! `(?:...)`, alternation, the bounded quantifiers `?`, `{n}` and `{n,m}`, and `$`. No
//! pattern has an unbounded quantifier, so every language is finite.
//!
//! - The national-number patterns of a territory (general description, fixed line, mobile
//!   and the rest) become ONE deterministic automaton whose accepting states carry a bit
//!   mask saying which descriptions matched. Validity and type then cost one walk over the
//!   digits, whatever the territory.
//! - The leading-digits patterns (which territory of a shared calling code a number belongs
//!   to) become automata too, read with "matches at the start" semantics.
//! - The national-prefix and international-prefix patterns need what automata do not give:
//!   the end of the leftmost-first match and capture groups (for the transform rules such
//!   as Argentina's `9$1`). They become short programs for a backtracking matcher with
//!   Python's `re` semantics (greedy, first alternative first).

use std::collections::HashMap;
use std::fmt::Write as _;

/// Parsed pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// One digit out of a set (bit d = digit d).
    Set(u16),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    Rep(Box<Node>, u32, u32),
    /// Capture group with its 1-based index.
    Cap(usize, Box<Node>),
    /// `$`
    End,
}

/// Parses a pattern; returns the tree and the number of capture groups.
pub fn parse(pattern: &str) -> Result<(Node, usize), String> {
    let mut p = Parser {
        s: pattern.as_bytes(),
        i: 0,
        caps: 0,
    };
    let node = p.alt()?;
    if p.i != p.s.len() {
        return Err(format!("unexpected `{}` at {} in {pattern}", p.s[p.i] as char, p.i));
    }
    Ok((node, p.caps))
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    caps: usize,
}

const ALL_DIGITS: u16 = 0x3ff;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn alt(&mut self) -> Result<Node, String> {
        let mut branches = vec![self.cat()?];
        while self.eat(b'|') {
            branches.push(self.cat()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap()
        } else {
            Node::Alt(branches)
        })
    }

    fn cat(&mut self) -> Result<Node, String> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap()
        } else {
            Node::Cat(items)
        })
    }

    fn number(&mut self) -> Result<u32, String> {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i])
            .unwrap()
            .parse()
            .map_err(|_| format!("bad count at {start}"))
    }

    fn quantified(&mut self, mut atom: Node) -> Result<Node, String> {
        loop {
            let (min, max) = if self.eat(b'?') {
                (0, 1)
            } else if self.eat(b'{') {
                let min = self.number()?;
                let max = if self.eat(b',') { self.number()? } else { min };
                if !self.eat(b'}') || max < min {
                    return Err(format!("bad repetition at {}", self.i));
                }
                (min, max)
            } else if matches!(self.peek(), Some(b'*' | b'+')) {
                return Err("unbounded repetition is not supported".into());
            } else {
                return Ok(atom);
            };
            if self.peek() == Some(b'?') {
                return Err("lazy quantifiers are not supported".into());
            }
            atom = Node::Rep(Box::new(atom), min, max);
        }
    }

    fn atom(&mut self) -> Result<Node, String> {
        let c = self.peek().ok_or("unexpected end")?;
        self.i += 1;
        match c {
            b'0'..=b'9' => Ok(Node::Set(1 << (c - b'0'))),
            b'\\' => match self.peek() {
                Some(b'd') => {
                    self.i += 1;
                    Ok(Node::Set(ALL_DIGITS))
                }
                _ => Err(format!("unsupported escape at {}", self.i)),
            },
            b'$' => Ok(Node::End),
            b'[' => {
                let mut set = 0u16;
                loop {
                    let c = self.peek().ok_or("unclosed class")?;
                    self.i += 1;
                    match c {
                        b']' => break,
                        b'\\' => {
                            if !self.eat(b'd') {
                                return Err("unsupported escape in class".into());
                            }
                            set |= ALL_DIGITS;
                        }
                        b'0'..=b'9' => {
                            let lo = c - b'0';
                            let hi = if self.peek() == Some(b'-') {
                                self.i += 1;
                                match self.peek() {
                                    Some(h @ b'0'..=b'9') => {
                                        self.i += 1;
                                        h - b'0'
                                    }
                                    _ => return Err("bad range in class".into()),
                                }
                            } else {
                                lo
                            };
                            for d in lo..=hi {
                                set |= 1 << d;
                            }
                        }
                        _ => return Err(format!("unsupported `{}` in class", c as char)),
                    }
                }
                if set == 0 {
                    return Err("empty class".into());
                }
                Ok(Node::Set(set))
            }
            b'(' => {
                let cap = if self.eat(b'?') {
                    if !self.eat(b':') {
                        return Err("only (?: groups are supported".into());
                    }
                    None
                } else {
                    self.caps += 1;
                    Some(self.caps)
                };
                let inner = self.alt()?;
                if !self.eat(b')') {
                    return Err("unclosed group".into());
                }
                Ok(match cap {
                    Some(n) => Node::Cap(n, Box::new(inner)),
                    None => inner,
                })
            }
            _ => Err(format!("unsupported `{}` at {}", c as char, self.i - 1)),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Automata

#[derive(Default)]
struct Nfa {
    /// Per state: epsilon moves, digit moves, accept tags.
    eps: Vec<Vec<u32>>,
    moves: Vec<Vec<(u16, u32)>>,
    tags: Vec<u16>,
}

impl Nfa {
    fn state(&mut self) -> u32 {
        self.eps.push(Vec::new());
        self.moves.push(Vec::new());
        self.tags.push(0);
        (self.eps.len() - 1) as u32
    }

    /// Adds `node` between `from` and a new state, which it returns.
    fn add(&mut self, node: &Node, from: u32) -> Result<u32, String> {
        Ok(match node {
            Node::Set(set) => {
                let to = self.state();
                self.moves[from as usize].push((*set, to));
                to
            }
            Node::Cat(items) => {
                let mut at = from;
                for item in items {
                    at = self.add(item, at)?;
                }
                at
            }
            Node::Alt(branches) => {
                let to = self.state();
                for b in branches {
                    let end = self.add(b, from)?;
                    self.eps[end as usize].push(to);
                }
                to
            }
            Node::Rep(inner, min, max) => {
                let mut at = from;
                for _ in 0..*min {
                    at = self.add(inner, at)?;
                }
                let to = self.state();
                self.eps[at as usize].push(to);
                for _ in *min..*max {
                    at = self.add(inner, at)?;
                    self.eps[at as usize].push(to);
                }
                to
            }
            Node::Cap(_, inner) => self.add(inner, from)?,
            Node::End => return Err("`$` in a number pattern".into()),
        })
    }

    fn closure(&self, set: &mut Vec<u32>) {
        let mut stack = set.clone();
        while let Some(s) = stack.pop() {
            for &t in &self.eps[s as usize] {
                if !set.contains(&t) {
                    set.push(t);
                    stack.push(t);
                }
            }
        }
        set.sort_unstable();
    }
}

/// A deterministic automaton over digits. State 0 is the start; `None` is the dead state.
#[derive(Debug, Clone, PartialEq)]
pub struct Dfa {
    pub next: Vec<[Option<u32>; 10]>,
    pub accept: Vec<u16>,
}

impl Dfa {
    /// Builds the automaton of the union of `patterns`, each tagged with its bit mask.
    pub fn build(patterns: &[(Node, u16)]) -> Result<Dfa, String> {
        let mut nfa = Nfa::default();
        let start = nfa.state();
        for (node, tag) in patterns {
            let s = nfa.state();
            nfa.eps[start as usize].push(s);
            let end = nfa.add(node, s)?;
            nfa.tags[end as usize] |= tag;
        }
        let mut first = vec![start];
        nfa.closure(&mut first);
        let mut ids: HashMap<Vec<u32>, u32> = HashMap::new();
        let mut sets = vec![first.clone()];
        ids.insert(first, 0);
        let mut dfa = Dfa {
            next: Vec::new(),
            accept: Vec::new(),
        };
        let mut i = 0;
        while i < sets.len() {
            let set = sets[i].clone();
            let mut row = [None; 10];
            for (d, slot) in row.iter_mut().enumerate() {
                let mut to: Vec<u32> = Vec::new();
                for &s in &set {
                    for &(mask, t) in &nfa.moves[s as usize] {
                        if mask & (1 << d) != 0 && !to.contains(&t) {
                            to.push(t);
                        }
                    }
                }
                if to.is_empty() {
                    continue;
                }
                nfa.closure(&mut to);
                let id = *ids.entry(to.clone()).or_insert_with(|| {
                    sets.push(to);
                    (sets.len() - 1) as u32
                });
                *slot = Some(id);
            }
            dfa.next.push(row);
            dfa.accept
                .push(set.iter().fold(0, |m, &s| m | nfa.tags[s as usize]));
            i += 1;
        }
        dfa.minimize()
    }

    /// The smallest equivalent automaton. The languages are finite, so the automaton has no
    /// cycles and two states are equivalent exactly when they accept alike and move alike
    /// to equivalent states: one pass from the deepest states up merges them all.
    fn minimize(&self) -> Result<Dfa, String> {
        let n = self.next.len();
        let mut canon: Vec<Option<u32>> = vec![None; n];
        let mut out = Dfa {
            next: Vec::new(),
            accept: Vec::new(),
        };
        let mut seen: HashMap<(u16, [Option<u32>; 10]), u32> = HashMap::new();
        // Iterative post-order; state 0 must come out last so that it gets the last id.
        let mut on_path = vec![false; n];
        let mut stack: Vec<(u32, usize)> = vec![(0, 0)];
        on_path[0] = true;
        while let Some(&mut (s, ref mut d)) = stack.last_mut() {
            if *d < 10 {
                let t = self.next[s as usize][*d];
                *d += 1;
                if let Some(t) = t {
                    if on_path[t as usize] {
                        return Err("cycle: the pattern's language is not finite".into());
                    }
                    if canon[t as usize].is_none() {
                        on_path[t as usize] = true;
                        stack.push((t, 0));
                    }
                }
                continue;
            }
            stack.pop();
            on_path[s as usize] = false;
            let row = self.next[s as usize].map(|t| t.map(|t| canon[t as usize].unwrap()));
            let key = (self.accept[s as usize], row);
            let id = *seen.entry(key).or_insert_with(|| {
                out.next.push(row);
                out.accept.push(key.0);
                (out.next.len() - 1) as u32
            });
            canon[s as usize] = Some(id);
        }
        // Renumber so that the start is 0 and states come in breadth-first order.
        let root = canon[0].unwrap();
        let mut order = vec![root];
        let mut new_id = vec![u32::MAX; out.next.len()];
        new_id[root as usize] = 0;
        let mut i = 0;
        while i < order.len() {
            for t in out.next[order[i] as usize].iter().flatten() {
                if new_id[*t as usize] == u32::MAX {
                    new_id[*t as usize] = order.len() as u32;
                    order.push(*t);
                }
            }
            i += 1;
        }
        Ok(Dfa {
            next: order
                .iter()
                .map(|&s| out.next[s as usize].map(|t| t.map(|t| new_id[t as usize])))
                .collect(),
            accept: order.iter().map(|&s| out.accept[s as usize]).collect(),
        })
    }

    /// The accept mask after reading all of `digits` (0 when rejected).
    pub fn full(&self, digits: &[u8]) -> u16 {
        let mut s = 0u32;
        for &d in digits {
            match self.next[s as usize][(d - b'0') as usize] {
                Some(t) => s = t,
                None => return 0,
            }
        }
        self.accept[s as usize]
    }

    /// Serialised form read by `engine.rs`. Each state is a header byte (number of edges in
    /// the low nibble; 0x10 when accepting, then the 2-byte mask), then per edge a 2-byte
    /// digit set and the 2-byte offset of the target state. Offsets count from the start of
    /// this automaton; a missing edge means "reject".
    pub fn encode(&self) -> Result<Vec<u8>, String> {
        let mut edges: Vec<Vec<(u16, u32)>> = Vec::new();
        let mut offsets = Vec::with_capacity(self.next.len());
        let mut at = 0usize;
        for (s, row) in self.next.iter().enumerate() {
            let mut list: Vec<(u16, u32)> = Vec::new();
            for (d, t) in row.iter().enumerate() {
                if let Some(t) = t {
                    match list.iter_mut().find(|(_, x)| x == t) {
                        Some((m, _)) => *m |= 1 << d,
                        None => list.push((1 << d, *t)),
                    }
                }
            }
            offsets.push(at);
            at += 1 + if self.accept[s] != 0 { 2 } else { 0 } + 4 * list.len();
            edges.push(list);
        }
        if at > u16::MAX as usize {
            return Err(format!("automaton of {at} bytes does not fit 16-bit offsets"));
        }
        let mut out = Vec::with_capacity(at);
        for (s, list) in edges.iter().enumerate() {
            let acc = self.accept[s];
            out.push(list.len() as u8 | if acc != 0 { 0x10 } else { 0 });
            if acc != 0 {
                out.extend_from_slice(&acc.to_le_bytes());
            }
            for (mask, t) in list {
                out.extend_from_slice(&mask.to_le_bytes());
                out.extend_from_slice(&(offsets[*t as usize] as u16).to_le_bytes());
            }
        }
        Ok(out)
    }
}

// ---------------------------------------------------------------------------------------
// Backtracking programs

/// Program instructions, shared with the engine.
use super::ops as op;

/// Compiles a pattern to a program matching at the start of the input (Python's
/// `re.match`). Returns the program and the number of capture groups.
pub fn program(pattern: &str) -> Result<(Vec<u8>, usize), String> {
    let (node, caps) = parse(pattern)?;
    let mut code = Vec::new();
    emit(&node, &mut code)?;
    code.push(op::MATCH);
    if code.len() > u16::MAX as usize {
        return Err("program too long".into());
    }
    Ok((code, caps))
}

fn emit_u16(code: &mut Vec<u8>, v: usize) {
    code.extend_from_slice(&(v as u16).to_le_bytes());
}

fn patch(code: &mut [u8], at: usize, v: usize) {
    code[at..at + 2].copy_from_slice(&(v as u16).to_le_bytes());
}

fn nullable(node: &Node) -> bool {
    match node {
        Node::Set(_) => false,
        Node::Cat(items) => items.iter().all(nullable),
        Node::Alt(b) => b.iter().any(nullable),
        Node::Rep(inner, min, _) => *min == 0 || nullable(inner),
        Node::Cap(_, inner) => nullable(inner),
        Node::End => true,
    }
}

fn emit(node: &Node, code: &mut Vec<u8>) -> Result<(), String> {
    match node {
        Node::Set(set) => {
            code.push(op::CHAR);
            emit_u16(code, *set as usize);
        }
        Node::Cat(items) => {
            for item in items {
                emit(item, code)?;
            }
        }
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            for (i, b) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    code.push(op::SPLIT);
                    let split = code.len();
                    emit_u16(code, split + 4);
                    emit_u16(code, 0);
                    emit(b, code)?;
                    code.push(op::JMP);
                    jumps.push(code.len());
                    emit_u16(code, 0);
                    let next = code.len();
                    patch(code, split + 2, next);
                } else {
                    emit(b, code)?;
                }
            }
            let end = code.len();
            for j in jumps {
                patch(code, j, end);
            }
        }
        Node::Rep(inner, min, max) => {
            if nullable(inner) && max > min {
                return Err("optional repetition of something that can be empty".into());
            }
            for _ in 0..*min {
                emit(inner, code)?;
            }
            // Greedy optional copies: SPLIT body, out; each can skip the rest.
            let mut outs = Vec::new();
            for _ in *min..*max {
                code.push(op::SPLIT);
                let split = code.len();
                emit_u16(code, split + 4);
                emit_u16(code, 0);
                outs.push(split + 2);
                emit(inner, code)?;
            }
            let end = code.len();
            for o in outs {
                patch(code, o, end);
            }
        }
        Node::Cap(n, inner) => {
            if *n > 9 {
                return Err("more than 9 groups".into());
            }
            code.push(op::SAVE);
            code.push((2 * n) as u8);
            emit(inner, code)?;
            code.push(op::SAVE);
            code.push((2 * n + 1) as u8);
        }
        Node::End => code.push(op::END),
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Metadata to tables

/// Description names in metadata.json, in the order of their bits in the accept masks.
pub const DESCS: [&str; 11] = [
    "general_desc",
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
];

/// Sizes of what [`generate`] wrote, for the build log and the benchmark.
#[derive(Debug, Default)]
pub struct Stats {
    pub territories: usize,
    pub dfa_states: usize,
    pub dfa_bytes: usize,
    pub program_bytes: usize,
    pub blob_bytes: usize,
}

fn lengths_mask(v: &serde_json::Value) -> Result<u32, String> {
    let mut m = 0u32;
    for l in v.as_array().ok_or("lengths not a list")? {
        let l = l.as_i64().ok_or("length not a number")?;
        if l == -1 {
            continue;
        }
        if !(0..32).contains(&l) {
            return Err(format!("length {l} out of range"));
        }
        m |= 1 << l;
    }
    Ok(m)
}

/// Python's `\1` in a transform rule becomes a byte `0xF0 + n`; digits stay digits.
fn transform(rule: &str) -> Result<Vec<u8>, String> {
    let b = rule.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if i + 1 < b.len() && b[i + 1].is_ascii_digit() => {
                out.push(0xf0 + (b[i + 1] - b'0'));
                i += 2;
            }
            b'$' if i + 1 < b.len() && b[i + 1].is_ascii_digit() => {
                out.push(0xf0 + (b[i + 1] - b'0'));
                i += 2;
            }
            c @ b'0'..=b'9' => {
                out.push(c);
                i += 1;
            }
            c => return Err(format!("unsupported `{}` in transform rule {rule}", c as char)),
        }
    }
    Ok(out)
}

fn rust_bytes(out: &mut String, name: &str, bytes: &[u8]) {
    let _ = write!(out, "pub static {name}: [u8; {}] = *b\"", bytes.len());
    for &b in bytes {
        let _ = write!(out, "\\x{b:02x}");
    }
    out.push_str("\";\n");
}

/// Generates the Rust source of the tables from the text of metadata.json.
pub fn generate(metadata_json: &str) -> Result<(String, Stats), String> {
    let doc: serde_json::Value =
        serde_json::from_str(metadata_json).map_err(|e| format!("metadata.json: {e}"))?;
    let version = doc["version"].as_str().ok_or("no version")?;
    let territories = doc["territories"].as_array().ok_or("no territories")?;
    let mut blob: Vec<u8> = Vec::new();
    let mut stats = Stats::default();
    let mut rows = String::new();
    let mut by_code: Vec<(u16, usize)> = Vec::new();
    let str_of = |v: &serde_json::Value| v.as_str().filter(|s| !s.is_empty()).map(str::to_owned);
    for (index, t) in territories.iter().enumerate() {
        let region = t["region"].as_str().ok_or("no region")?;
        let cc = t["country_code"].as_u64().ok_or("no country code")? as u16;
        let ctx = |e: String| format!("{region} (+{cc}): {e}");
        if by_code.last().map(|&(c, _)| c) != Some(cc) {
            by_code.push((cc, index));
        }
        // The national-number automaton.
        let mut pats = Vec::new();
        let mut lengths = [0u32; 11];
        let mut present = 0u16;
        let mut local = 0u32;
        for (bit, name) in DESCS.iter().enumerate() {
            let d = &t["descs"][*name];
            if d.is_null() {
                continue;
            }
            lengths[bit] = lengths_mask(&d["lengths"]).map_err(ctx)?;
            if bit == 0 {
                local = lengths_mask(&d["local"]).map_err(ctx)?;
            }
            let has_lengths = !d["lengths"].as_array().map_or(true, |a| a.is_empty());
            if !has_lengths {
                // Python: an empty list of possible lengths does not filter.
                lengths[bit] = u32::MAX;
            }
            if let Some(p) = str_of(&d["pattern"]) {
                let (node, _) = parse(&p).map_err(ctx)?;
                pats.push((node, 1u16 << bit));
                present |= 1 << bit;
            }
        }
        let dfa = Dfa::build(&pats).map_err(ctx)?;
        let enc = dfa.encode().map_err(ctx)?;
        stats.dfa_states += dfa.next.len();
        stats.dfa_bytes += enc.len();
        let dfa_at = blob.len();
        blob.extend_from_slice(&enc);
        // Leading digits: an automaton read with "matches at the start".
        let leading = match str_of(&t["leading_digits"]) {
            Some(p) => {
                let (node, _) = parse(&p).map_err(ctx)?;
                let enc = Dfa::build(&[(node, 1)]).and_then(|d| d.encode()).map_err(ctx)?;
                let at = blob.len();
                blob.extend_from_slice(&enc);
                stats.dfa_bytes += enc.len();
                format!("Some({at})")
            }
            None => "None".into(),
        };
        let mut prog = |key: &str| -> Result<(String, usize), String> {
            match str_of(&t[key]) {
                Some(p) => {
                    let (code, caps) = program(&p).map_err(ctx)?;
                    let at = blob.len();
                    blob.extend_from_slice(&code);
                    stats.program_bytes += code.len();
                    Ok((format!("Some({at})"), caps))
                }
                None => Ok(("None".into(), 0)),
            }
        };
        let (npp, npp_caps) = prog("national_prefix_for_parsing")?;
        let (idd, _) = prog("international_prefix")?;
        let rule = match str_of(&t["national_prefix_transform_rule"]) {
            Some(r) => {
                if npp_caps == 0 {
                    return Err(ctx("a transform rule without groups".into()));
                }
                format!("Some(&{:?})", transform(&r).map_err(ctx)?)
            }
            None => "None".into(),
        };
        let same = t["same_mobile_and_fixed_line_pattern"].as_bool().unwrap_or(false);
        let _ = writeln!(
            rows,
            "    Territory {{ region: {region:?}, code: {cc}, dfa: {dfa_at}, leading: {leading}, \
             npp: {npp}, npp_groups: {npp_caps}, transform: {rule}, idd: {idd}, \
             same_mobile_and_fixed: {same}, present: {present}, lengths: {lengths:?}, \
             local: {local} }},"
        );
    }
    stats.territories = territories.len();
    stats.blob_bytes = blob.len();
    let mut out = String::new();
    let _ = writeln!(out, "// Generated by build.rs from src/phone/metadata.json. Do not edit.");
    let _ = writeln!(out, "pub const VERSION: &str = {version:?};");
    rust_bytes(&mut out, "BLOB", &blob);
    let _ = writeln!(out, "pub static TERRITORIES: [Territory; {}] = [", territories.len());
    out.push_str(&rows);
    out.push_str("];\n");
    // Calling code -> (first territory, count); the first is the code's main territory.
    let _ = writeln!(out, "pub static CODES: [(u16, u16, u8); {}] = [", by_code.len());
    for (i, &(cc, first)) in by_code.iter().enumerate() {
        let end = by_code.get(i + 1).map_or(territories.len(), |&(_, f)| f);
        let _ = writeln!(out, "    ({cc}, {first}, {}),", end - first);
    }
    out.push_str("];\n");
    Ok((out, stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_subset() {
        let (n, caps) = parse("0?(?:(11|2[2-4])15)?").unwrap();
        assert_eq!(caps, 1);
        assert!(matches!(n, Node::Cat(_)));
        assert!(parse("1*").is_err());
        assert!(parse("\\w").is_err());
        assert!(parse("(1").is_err());
        assert!(parse("[5-]").is_err());
    }

    #[test]
    fn automaton_tags_and_minimises() {
        let a = parse("[2-9]\\d{2}").unwrap().0;
        let b = parse("5\\d{2}|3\\d").unwrap().0;
        let dfa = Dfa::build(&[(a, 1), (b, 2)]).unwrap();
        assert_eq!(dfa.full(b"212"), 1);
        assert_eq!(dfa.full(b"512"), 3);
        assert_eq!(dfa.full(b"31"), 2);
        assert_eq!(dfa.full(b"112"), 0);
        assert_eq!(dfa.full(b"5123"), 0);
        // start, after first digit (two kinds: 5 and others; 3 is both "3\d" and "[2-9]"),
        // then shared tails.
        assert_eq!(dfa.next.len(), 9);
    }

    #[test]
    fn transform_rules() {
        assert_eq!(transform("9\\1").unwrap(), vec![b'9', 0xf1]);
        assert!(transform("x").is_err());
    }
}

#[cfg(test)]
mod explore {
    use super::*;
    #[test]
    #[ignore]
    fn stats() {
        let json = std::fs::read_to_string("src/phone/metadata.json").unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut combined = 0;
        let mut separate = 0;
        let mut hist = [0usize; 11];
        let mut full_single = 0;
        let mut single = 0;
        let mut next_is_following = 0;
        let mut edges_total = 0;
        let mut acc = 0;
        let mut big = Vec::new();
        for t in doc["territories"].as_array().unwrap() {
            let mut pats = Vec::new();
            for (bit, name) in DESCS.iter().enumerate() {
                if let Some(p) = t["descs"][*name]["pattern"].as_str() {
                    let n = parse(p).unwrap().0;
                    separate += Dfa::build(&[(n.clone(), 1)]).unwrap().next.len();
                    pats.push((n, 1u16 << bit));
                }
            }
            let d = Dfa::build(&pats).unwrap();
            combined += d.next.len();
            big.push((d.next.len(), t["region"].as_str().unwrap().to_string()));
            for (s, row) in d.next.iter().enumerate() {
                let mut targets: Vec<u32> = row.iter().flatten().copied().collect();
                targets.sort();
                targets.dedup();
                hist[targets.len()] += 1;
                edges_total += targets.len();
                if d.accept[s] != 0 { acc += 1; }
                if targets.len() == 1 {
                    single += 1;
                    if row.iter().all(|x| x.is_some()) { full_single += 1; }
                    if targets[0] as usize == s + 1 { next_is_following += 1; }
                }
            }
        }
        big.sort();
        eprintln!("combined {combined} separate {separate} hist {hist:?} single {single} full_single {full_single} next_following {next_is_following} edges {edges_total} accepting {acc}");
        eprintln!("biggest {:?}", &big[big.len()-10..]);
    }
}
