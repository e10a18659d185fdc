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
        return Err(format!(
            "unexpected `{}` at {} in {pattern}",
            p.s[p.i] as char, p.i
        ));
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

    /// Serialises the automaton for `engine.rs` (see [`Packer`]). Only for automata of one
    /// pattern (accept masks 0 or 1).
    pub fn pack(&self, packer: &mut Packer, out: &mut Vec<u8>) -> Result<(), String> {
        packer.pack(self, out)
    }
}

/// Writes automata in a sequential form that `engine.rs` reads once, at first use, into
/// flat tables. Sequential, because references to where things are cost more than the
/// things (measured: a random-access layout with short relative references was 15% larger
/// gzipped).
///
/// Most states of these automata are "any digit, then the same": the `\d{6}` ends of the
/// patterns. A state from which every path is such a chain is a *tail*: all that matters
/// is how many digits remain, so a tail is a set of remaining lengths (bit n: n digits). The
/// other states, *nodes*, are written depth first, each placed right after the first edge
/// that reaches it.
///
/// An automaton is: the number of tails and each tail's length set (LEB128); then the start
/// (LEB128 reference); then the nodes. A node is a header byte (number of edges; `0x10`
/// when accepting), then per edge its digit set (an index in the shared table, or 255 and
/// two bytes) and a LEB128 reference: 0 is a node placed here (its record follows, after
/// those of the nodes placed by earlier edges), odd `2i + 1` is the node placed i-th in this
/// automaton, even `2t + 2` is tail t.
#[derive(Debug, Default)]
pub struct Packer {
    pub classes: Vec<u16>,
    class_index: HashMap<u16, u8>,
    /// How often each digit set was written (to order the table for a second pass).
    counts: HashMap<u16, usize>,
}

pub fn leb128(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

impl Packer {
    /// Writes the digit set of an edge: its index in the shared table, or, once the table
    /// is full, 255 and the 2-byte set.
    fn class(&mut self, mask: u16, out: &mut Vec<u8>) {
        *self.counts.entry(mask).or_default() += 1;
        if let Some(&i) = self.class_index.get(&mask) {
            out.push(i);
        } else if self.classes.len() < 255 {
            let i = self.classes.len() as u8;
            self.classes.push(mask);
            self.class_index.insert(mask, i);
            out.push(i);
        } else {
            out.push(255);
            out.extend_from_slice(&mask.to_le_bytes());
        }
    }

    /// A packer whose table holds the 255 digit sets this one wrote most, most used first.
    pub fn by_use(&self) -> Packer {
        let mut sets: Vec<(u16, usize)> = self.counts.iter().map(|(&m, &c)| (m, c)).collect();
        sets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut p = Packer::default();
        for (i, (m, _)) in sets.into_iter().take(255).enumerate() {
            p.classes.push(m);
            p.class_index.insert(m, i as u8);
        }
        p
    }

    fn pack(&mut self, dfa: &Dfa, out: &mut Vec<u8>) -> Result<(), String> {
        let n = dfa.next.len();
        if dfa.accept.iter().any(|&a| a > 1) {
            return Err("packing an automaton of several patterns".into());
        }
        // Tails: the length set of every state that is one (memoised; the automaton has no
        // cycles).
        fn tail(dfa: &Dfa, s: usize, memo: &mut [Option<Option<u32>>]) -> Option<u32> {
            if let Some(known) = memo[s] {
                return known;
            }
            let row = &dfa.next[s];
            let acc = u32::from(dfa.accept[s] != 0);
            let result = if row.iter().all(Option::is_none) {
                Some(acc)
            } else if row.iter().all(|t| t.is_some() && *t == row[0]) {
                tail(dfa, row[0].unwrap() as usize, memo).map(|rest| acc | rest << 1)
            } else {
                None
            };
            memo[s] = Some(result);
            result
        }
        let mut memo = vec![None; n];
        let tail_of: Vec<Option<u32>> = (0..n).map(|s| tail(dfa, s, &mut memo)).collect();
        // Tail table, most used first.
        let mut uses: HashMap<u32, usize> = HashMap::new();
        for (s, row) in dfa.next.iter().enumerate() {
            if tail_of[s].is_none() {
                for t in row.iter().flatten() {
                    if let Some(m) = tail_of[*t as usize] {
                        *uses.entry(m).or_default() += 1;
                    }
                }
            }
        }
        if let Some(m) = tail_of[0] {
            *uses.entry(m).or_default() += 1;
        }
        let mut tails: Vec<(u32, usize)> = uses.into_iter().collect();
        tails.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let tail_id: HashMap<u32, u32> = tails
            .iter()
            .enumerate()
            .map(|(i, &(m, _))| (m, i as u32))
            .collect();
        leb128(out, tails.len() as u32);
        for &(m, _) in &tails {
            leb128(out, m);
        }
        if let Some(m) = tail_of[0] {
            leb128(out, 2 * tail_id[&m] + 2);
            return Ok(());
        }
        leb128(out, 1);
        // Placement: depth first, each node by the first edge that reaches it.
        fn place(
            s: usize,
            dfa: &Dfa,
            tail_of: &[Option<u32>],
            index: &mut [u32],
            order: &mut Vec<usize>,
        ) {
            index[s] = order.len() as u32;
            order.push(s);
            for t in dfa.next[s].iter().flatten() {
                let t = *t as usize;
                if tail_of[t].is_none() && index[t] == u32::MAX {
                    place(t, dfa, tail_of, index, order);
                }
            }
        }
        let mut index = vec![u32::MAX; n];
        let mut order = Vec::new();
        place(0, dfa, &tail_of, &mut index, &mut order);
        // Which (node, target) edges placed their target: replay the placement.
        let mut placed_by: Vec<Option<usize>> = vec![None; n];
        {
            let mut seen = vec![false; n];
            seen[0] = true;
            fn replay(
                s: usize,
                dfa: &Dfa,
                tail_of: &[Option<u32>],
                seen: &mut [bool],
                by: &mut [Option<usize>],
            ) {
                for t in dfa.next[s].iter().flatten() {
                    let t = *t as usize;
                    if tail_of[t].is_none() && !seen[t] {
                        seen[t] = true;
                        by[t] = Some(s);
                        replay(t, dfa, tail_of, seen, by);
                    }
                }
            }
            replay(0, dfa, &tail_of, &mut seen, &mut placed_by);
        }
        for &s in &order {
            // Edges grouped by target, in the order of their first digit.
            let mut list: Vec<(u16, usize)> = Vec::new();
            for (d, t) in dfa.next[s].iter().enumerate() {
                if let Some(t) = t {
                    let t = *t as usize;
                    match list.iter_mut().find(|(_, x)| *x == t) {
                        Some((m, _)) => *m |= 1 << d,
                        None => list.push((1 << d, t)),
                    }
                }
            }
            out.push(list.len() as u8 | if dfa.accept[s] != 0 { 0x10 } else { 0 });
            for &(mask, t) in &list {
                self.class(mask, out);
                let v = match tail_of[t] {
                    Some(m) => 2 * tail_id[&m] + 2,
                    None if placed_by[t] == Some(s) => 0,
                    None => 2 * index[t] + 1,
                };
                leb128(out, v);
            }
        }
        Ok(())
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
            c => {
                return Err(format!(
                    "unsupported `{}` in transform rule {rule}",
                    c as char
                ))
            }
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
    // Two passes: the first counts the digit sets, the second writes them with the most
    // used in the one-byte table.
    let mut counting = Packer::default();
    generate_with(metadata_json, &mut counting)?;
    generate_with(metadata_json, &mut counting.by_use())
}

fn generate_with(metadata_json: &str, packer: &mut Packer) -> Result<(String, Stats), String> {
    let doc: serde_json::Value =
        serde_json::from_str(metadata_json).map_err(|e| format!("metadata.json: {e}"))?;
    let version = doc["version"].as_str().ok_or("no version")?;
    let territories = doc["territories"].as_array().ok_or("no territories")?;
    let mut blob: Vec<u8> = Vec::new();
    let mut stats = Stats::default();
    let mut rows = String::new();
    let mut by_code: Vec<(u16, usize)> = Vec::new();
    let mut length_sets: Vec<u32> = Vec::new();
    let str_of = |v: &serde_json::Value| v.as_str().filter(|s| !s.is_empty()).map(str::to_owned);
    for (index, t) in territories.iter().enumerate() {
        let region = t["region"].as_str().ok_or("no region")?;
        let cc = t["country_code"].as_u64().ok_or("no country code")? as u16;
        let ctx = |e: String| format!("{region} (+{cc}): {e}");
        if by_code.last().map(|&(c, _)| c) != Some(cc) {
            by_code.push((cc, index));
        }
        // Possible lengths per description, then the general description's local-only
        // lengths, as indices into one table of length sets.
        let mut pats = Vec::new();
        let mut lengths = [0u32; 12];
        for (bit, name) in DESCS.iter().enumerate() {
            let d = &t["descs"][*name];
            if d.is_null() {
                continue;
            }
            lengths[bit] = if d["lengths"].as_array().is_some_and(|a| !a.is_empty()) {
                lengths_mask(&d["lengths"]).map_err(ctx)?
            } else {
                // Python: an empty list of possible lengths does not filter.
                u32::MAX
            };
            if bit == 0 {
                lengths[11] = lengths_mask(&d["local"]).map_err(ctx)?;
            }
            if let Some(p) = str_of(&d["pattern"]) {
                let (node, _) = parse(&p).map_err(ctx)?;
                pats.push((node, 1u16 << bit));
            }
        }
        let mut length_index = [0u8; 12];
        for (i, &m) in lengths.iter().enumerate() {
            let at = match length_sets.iter().position(|&x| x == m) {
                Some(at) => at,
                None => {
                    length_sets.push(m);
                    length_sets.len() - 1
                }
            };
            length_index[i] = u8::try_from(at).map_err(|_| "more than 256 length sets")?;
        }
        // One automaton per description (measured: the product of a territory's patterns,
        // one walk for all, packed 10% larger), and one for the leading digits.
        let leading = str_of(&t["leading_digits"]);
        let mut present = 0u16;
        let mut body: Vec<u8> = Vec::new();
        for (node, bit) in &pats {
            let dfa = Dfa::build(&[(node.clone(), 1)]).map_err(ctx)?;
            stats.dfa_states += dfa.next.len();
            let before = body.len();
            dfa.pack(packer, &mut body).map_err(ctx)?;
            stats.dfa_bytes += body.len() - before;
            present |= bit;
        }
        if let Some(p) = &leading {
            let dfa = Dfa::build(&[(parse(p).map_err(ctx)?.0, 1)]).map_err(ctx)?;
            dfa.pack(packer, &mut body).map_err(ctx)?;
            present |= 1 << 11;
        }
        // Then the programs, and their lengths in the chunk's header.
        let mut head: Vec<u16> = vec![present];
        let mut flags = 0u8;
        let mut npp_groups = 0;
        if let Some(p) = str_of(&t["national_prefix_for_parsing"]) {
            let (code, caps) = program(&p).map_err(ctx)?;
            npp_groups = caps;
            head.push(code.len() as u16);
            stats.program_bytes += code.len();
            body.extend_from_slice(&code);
        } else {
            head.push(0);
        }
        match str_of(&t["national_prefix_transform_rule"]) {
            Some(r) => {
                if npp_groups == 0 {
                    return Err(ctx("a transform rule without groups".into()));
                }
                let rule = transform(&r).map_err(ctx)?;
                head.push(rule.len() as u16);
                body.extend_from_slice(&rule);
            }
            None => head.push(0),
        }
        if let Some(p) = str_of(&t["international_prefix"]) {
            let (code, _) = program(&p).map_err(ctx)?;
            head.push(code.len() as u16);
            stats.program_bytes += code.len();
            body.extend_from_slice(&code);
        } else {
            head.push(0);
        }
        if t["same_mobile_and_fixed_line_pattern"].as_bool() == Some(true) {
            flags |= 1;
        }
        let chunk_start = blob.len();
        for h in head {
            blob.extend_from_slice(&h.to_le_bytes());
        }
        blob.extend_from_slice(&body);
        let chunk = u16::try_from(blob.len() - chunk_start)
            .map_err(|_| ctx("a territory's chunk over 65535 bytes".into()))?;
        let code_bytes = match region {
            "001" => [0, 0],
            r if r.len() == 2 => [r.as_bytes()[0], r.as_bytes()[1]],
            r => return Err(format!("region code {r}")),
        };
        let _ = writeln!(
            rows,
            "    Territory {{ region: {code_bytes:?}, code: {cc}, flags: {flags}, \
             npp_groups: {npp_groups}, lengths: {length_index:?}, chunk: {chunk} }},"
        );
    }
    stats.territories = territories.len();
    stats.blob_bytes = blob.len();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated by build.rs from src/phone/metadata.json. Do not edit."
    );
    let _ = writeln!(out, "pub const VERSION: &str = {version:?};");
    rust_bytes(&mut out, "BLOB", &blob);
    let _ = writeln!(
        out,
        "pub static CLASSES: [u16; {}] = {:?};",
        packer.classes.len(),
        packer.classes
    );
    let _ = writeln!(
        out,
        "pub static LENGTHS: [u32; {}] = {:?};",
        length_sets.len(),
        length_sets
    );
    let _ = writeln!(
        out,
        "pub const TERRITORY_COUNT: usize = {};",
        territories.len()
    );
    let _ = writeln!(
        out,
        "pub static TERRITORIES: [Territory; TERRITORY_COUNT] = ["
    );
    out.push_str(&rows);
    out.push_str("];\n");
    // Calling code -> (first territory, count); the first is the code's main territory.
    let _ = writeln!(
        out,
        "pub static CODES: [(u16, u16, u8); {}] = [",
        by_code.len()
    );
    let mut index = vec![255u8; 1000];
    for (i, &(cc, first)) in by_code.iter().enumerate() {
        let end = by_code.get(i + 1).map_or(territories.len(), |&(_, f)| f);
        let _ = writeln!(out, "    ({cc}, {first}, {}),", end - first);
        index[cc as usize] = u8::try_from(i).map_err(|_| "more than 255 calling codes")?;
    }
    out.push_str("];\n");
    // Calling code -> index in CODES (255: not assigned).
    rust_bytes(&mut out, "CODE_INDEX", &index);
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
