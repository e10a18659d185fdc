//! Structure-aware payloads for the `structured` target: documents built from the rules' own
//! description (`describe(target, options)`: field names, types, requiredness, enum values,
//! bounds, patterns, credential keys), so that most inputs get past the JSON layer and into
//! the rules, with near misses, wrong types and junk members mixed in.

use crate::embedded;
use base64::Engine as _;
use channel_rules::unstable::schema::describe::{describe, CheckKind, FieldInfo, KeyedListInfo};
use channel_rules::unstable::vendors::yeastar::providers::{KEY_NAMES, KIND_IDS};
use channel_rules::{Kind, Target};
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// Choices drawn from the fuzzer's bytes; when they run out, every choice is the first one.
pub struct G<'a> {
    u: arbitrary::Unstructured<'a>,
}

impl<'a> G<'a> {
    /// Choices from `data`.
    pub fn new(data: &'a [u8]) -> G<'a> {
        G {
            u: arbitrary::Unstructured::new(data),
        }
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            0
        } else {
            self.u.int_in_range(0..=n - 1).unwrap_or(0)
        }
    }
    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability `num / den`; false once the bytes are used up.
    pub fn chance(&mut self, num: u8, den: u8) -> bool {
        !self.u.is_empty() && self.u.ratio(num, den).unwrap_or(false)
    }
    /// One of `items` (which must not be empty).
    pub fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        &items[self.below(items.len())]
    }
    /// A byte.
    pub fn byte(&mut self) -> u8 {
        self.u.arbitrary().unwrap_or(0)
    }
    /// Whether the bytes are used up.
    pub fn is_empty(&self) -> bool {
        self.u.is_empty()
    }
}

/// One place of a target's document, as `describe` gives it.
#[derive(Debug, Default, Clone)]
pub struct Node {
    /// `string`, `integer`, `boolean`, `object`, `array` or `any`.
    pub json_type: &'static str,
    /// Must be present.
    pub required: bool,
    /// `null` allowed.
    pub nullable: bool,
    /// The checks on the value.
    pub checks: Vec<CheckKind>,
    /// For `account_data`: its keys.
    pub keyed: Option<KeyedListInfo>,
    /// Members, in order (objects).
    pub members: Vec<(String, Node)>,
    /// Items (arrays).
    pub item: Option<Box<Node>>,
}

impl Node {
    fn object() -> Node {
        Node {
            json_type: "object",
            ..Node::default()
        }
    }
    fn member(&mut self, name: &str) -> &mut Node {
        let i = match self.members.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                self.members.push((name.to_string(), Node::object()));
                self.members.len() - 1
            }
        };
        &mut self.members[i].1
    }
    fn item_mut(&mut self) -> &mut Node {
        self.item.get_or_insert_with(|| Box::new(Node::object()))
    }
    /// The node at a document path (indexes go to the item node).
    pub fn at(&self, path: &[channel_rules::Segment]) -> Option<&Node> {
        let mut n = self;
        for s in path {
            n = match s {
                channel_rules::Segment::Key(k) => &n.members.iter().find(|(m, _)| m == k)?.1,
                channel_rules::Segment::Index(_) => n.item.as_deref()?,
                _ => return None,
            };
        }
        Some(n)
    }
}

/// The tree of a target's fields.
pub fn tree(rows: &[FieldInfo]) -> Node {
    let mut root = Node::object();
    for f in rows {
        let (last, parents) = f.path.split_last().expect("a field has a name");
        let mut n = &mut root;
        for p in parents {
            n = if p == "-" { n.item_mut() } else { n.member(p) };
        }
        let n = if last == "-" {
            n.item_mut()
        } else {
            n.member(last)
        };
        n.json_type = f.json_type;
        n.required = f.required;
        n.nullable = f.nullable;
        n.checks = f.checks.iter().map(|c| c.check.clone()).collect();
        n.keyed = f.keyed_list.clone();
    }
    root
}

/// The described tree of `target` for the kind `kind` (cached).
pub fn schema(target: Target, kind: Option<Kind>) -> &'static Node {
    static T: OnceLock<HashMap<(usize, Option<usize>), Node>> = OnceLock::new();
    let all = T.get_or_init(|| {
        let mut m = HashMap::new();
        for (ti, t) in Target::ALL.iter().enumerate() {
            let mut kinds = vec![None];
            if t.id().starts_with("yeastar.message_channel") {
                kinds.extend(Kind::all().map(Some));
            }
            for k in kinds {
                let o = crate::options(k, None, channel_rules::Locale::En, None);
                m.insert((ti, k.map(Kind::index)), tree(&describe(*t, &o)));
            }
        }
        m
    });
    let ti = Target::ALL.iter().position(|t| *t == target).unwrap();
    all.get(&(ti, kind.map(Kind::index)))
        .or_else(|| all.get(&(ti, None)))
        .unwrap()
}

/// Words of the rules and of the real payloads: member names of every target, enum
/// values, kind ids, credential keys, and every string of the bases and examples.
pub fn vocabulary() -> &'static [String] {
    static V: OnceLock<Vec<String>> = OnceLock::new();
    V.get_or_init(|| {
        let mut s: BTreeSet<String> = BTreeSet::new();
        for t in Target::ALL {
            let mut kinds = vec![None];
            kinds.extend(Kind::all().map(Some));
            for k in kinds {
                let o = crate::options(k, None, channel_rules::Locale::En, None);
                for f in describe(*t, &o) {
                    s.extend(f.path.iter().filter(|p| *p != "-").cloned());
                    for c in &f.checks {
                        if let CheckKind::OneOf { allowed } = &c.check {
                            s.extend(allowed.iter().cloned());
                        }
                    }
                }
            }
        }
        s.extend(KIND_IDS.iter().map(|k| k.to_string()));
        s.extend(KEY_NAMES.iter().map(|k| k.to_string()));
        s.extend(harvested().iter().cloned());
        s.into_iter().collect()
    })
}

/// Every string value of the bases and examples (real ids, numbers, dates, URLs, names).
pub fn harvested() -> &'static [String] {
    static H: OnceLock<Vec<String>> = OnceLock::new();
    H.get_or_init(|| {
        fn walk(v: &Value, out: &mut BTreeSet<String>) {
            match v {
                Value::String(s) => {
                    out.insert(s.clone());
                }
                Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
                Value::Object(m) => m.values().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        let mut s = BTreeSet::new();
        for (_, v) in embedded::payloads() {
            walk(v, &mut s);
        }
        s.into_iter().collect()
    })
}

/// What a whole document's generation shares.
pub struct Ctx {
    /// The Healthing assignment modes given as options.
    pub modes: Option<Vec<String>>,
    /// Make one huge array or object (to reach the issue limit); used up by the first.
    pub flood: std::cell::Cell<bool>,
}

impl Ctx {
    /// A context; `flood` allows one huge array or object.
    pub fn new(modes: Option<Vec<String>>, flood: bool) -> Ctx {
        Ctx {
            modes,
            flood: std::cell::Cell::new(flood),
        }
    }
    fn flood(&self, g: &mut G, num: u8, den: u8) -> bool {
        self.flood.get() && g.chance(num, den) && {
            self.flood.set(false);
            true
        }
    }
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ODD: &[&str] = &[
    " ", "\t", "\n", "\r", "\u{0}", "\u{7f}", "\u{a0}", "\u{200b}", "\u{feff}", "é", "中", "😀",
    "\u{301}", "~", "/", "~0", "~1", "\\", "\"", "'", "{", "}", "[", "]", "%", "+", "=", "-", "_",
    ".", ":", "#", "?", "&", "\u{ff0b}", "\u{ff11}", "٣",
];

impl G<'_> {
    /// A secret-looking string: mixed case and digits, 8 to 31 characters.
    pub fn secret(&mut self) -> String {
        let n = self.range(8, 31);
        let mut s = String::from(*self.pick(&["S3cr3t", "sk_live_", "Tok", "P@ss", "AKIA", ""]));
        for _ in 0..n {
            s.push(*self.pick(ALNUM) as char);
        }
        s
    }

    /// A string from the odd characters, the vocabulary and letters.
    pub fn junk_string(&mut self) -> String {
        match self.below(8) {
            0 => self.pick(vocabulary()).clone(),
            1 => self.secret(),
            2 => String::new(),
            3 => {
                let c = *self.pick(ODD);
                c.repeat(self.range(1, 3))
            }
            4 => "x".repeat(self.range(60, 140)),
            5 => {
                let w = self.pick(vocabulary()).clone();
                typo(self, &w)
            }
            _ => {
                let n = self.range(1, 12);
                let mut s = String::new();
                for _ in 0..n {
                    if self.chance(1, 4) {
                        s.push_str(ODD[self.below(ODD.len())]);
                    } else {
                        s.push(*self.pick(ALNUM) as char);
                    }
                }
                s
            }
        }
    }

    /// A member name for a junk member.
    pub fn junk_name(&mut self, siblings: &[String]) -> String {
        if !siblings.is_empty() && self.chance(1, 3) {
            let s = self.pick(siblings).clone();
            return typo(self, &s);
        }
        self.junk_string()
    }
}

/// A near miss of `s`: a letter dropped, doubled, swapped or changed in case, a space added.
pub fn typo(g: &mut G, s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    if c.is_empty() {
        return "x".into();
    }
    let i = g.below(c.len());
    match g.below(6) {
        0 => {
            c.remove(i);
        }
        1 => c.insert(i, c[i]),
        2 if i + 1 < c.len() => c.swap(i, i + 1),
        3 => c[i] = c[i].to_ascii_uppercase(),
        4 => c.push(' '),
        _ => c.insert(i, *g.pick(&['_', '-', '.', 'e', '0'])),
    }
    c.into_iter().collect()
}

/// Any JSON value, up to `depth` levels.
pub fn junk(g: &mut G, depth: usize) -> Value {
    match g.below(if depth == 0 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => Value::Bool(g.chance(1, 2)),
        2 => number(g),
        3 | 4 => Value::String(g.junk_string()),
        5 => {
            let n = g.below(4);
            Value::Array((0..n).map(|_| junk(g, depth - 1)).collect())
        }
        _ => {
            let n = g.below(4);
            let mut m = Map::new();
            for _ in 0..n {
                let k = g.junk_name(&[]);
                m.insert(k, junk(g, depth - 1));
            }
            Value::Object(m)
        }
    }
}

fn number(g: &mut G) -> Value {
    match g.below(12) {
        0 => Value::from(0),
        1 => Value::from(-1),
        2 => Value::from(1),
        3 => Value::from(i64::MIN),
        4 => Value::from(i64::MAX),
        5 => Value::from(u64::MAX),
        6 => Value::from(1.5),
        7 => Value::from(1e300),
        8 => Value::from(-0.0),
        9 => Value::from(2.0),
        10 => Value::from(g.byte() as i64 - 64),
        _ => Value::from(g.range(0, 100_000) as u64),
    }
}

/// An integer for an `integer` field with these checks.
fn integer(g: &mut G, checks: &[CheckKind]) -> Value {
    let mut opts: Vec<Value> = Vec::new();
    for c in checks {
        if let CheckKind::Integer { min, max, allowed } = c {
            for v in allowed.iter().flat_map(|a| a.iter()) {
                opts.push(Value::from(*v));
            }
            for b in [min, max].into_iter().flatten() {
                opts.extend([
                    Value::from(*b),
                    Value::from(b.saturating_sub(1)),
                    Value::from(b.saturating_add(1)),
                ]);
            }
        }
    }
    if opts.is_empty() || g.chance(1, 6) {
        if g.chance(1, 4) {
            return Value::String(g.pick(&["1", "0", "true", ""]).to_string());
        }
        return number(g);
    }
    g.pick(&opts).clone()
}

/// A phone number, often almost right.
pub fn phone(g: &mut G) -> String {
    const NUMBERS: &[&str] = &[
        "+12125551234",
        "+442079460857",
        "+15567778888",
        "+4915123456789",
        "+861012345678",
        "+5511987654321",
        "+81312345678",
        "+919876543210",
        "+24762889",
        "+80012345678",
        "+3906698",
        "+79123456789",
        "+5491123456789",
        "+375291234567",
        "+8613800138000",
        "+4402079460857",
        "+1234567890",
        "+99912345678",
    ];
    let mut s = match g.below(4) {
        0 => {
            let cc = *g.pick(&[
                "1", "7", "20", "33", "39", "44", "49", "55", "61", "86", "91", "247", "375",
                "800", "882", "979", "999", "0",
            ]);
            let n = g.range(3, 14);
            let digits: String = (0..n).map(|_| (b'0' + g.below(10) as u8) as char).collect();
            format!("+{cc}{digits}")
        }
        _ => g.pick(NUMBERS).to_string(),
    };
    for _ in 0..g.below(3) {
        s = match g.below(12) {
            0 => s.replacen('+', "00", 1),
            1 => s.replacen('+', "", 1),
            2 => s.replacen('+', "\u{ff0b}", 1),
            3 => {
                let at = g.range(1, s.len().max(1));
                let at = (1..=at).rev().find(|i| s.is_char_boundary(*i)).unwrap_or(0);
                let sep = *g.pick(&[" ", "-", ".", "(", ")", "/", "\u{a0}", "\t", "x"]);
                format!("{}{sep}{}", &s[..at], &s[at..])
            }
            4 => format!("{s}{}", g.below(10)),
            5 => s
                .chars()
                .take(s.chars().count().saturating_sub(1))
                .collect(),
            6 => format!("{s} ext. 12"),
            7 => format!("tel:{s}"),
            8 => s.replacen('+', "+0", 1),
            9 => format!(" {s} "),
            10 => format!("{s}FLOWERS"),
            _ => s.replace('1', "\u{ff11}"),
        };
    }
    s
}

fn hex(g: &mut G, n: usize) -> String {
    (0..n)
        .map(|_| *g.pick(b"0123456789abcdef") as char)
        .collect()
}

/// A UUID or a near miss.
pub fn uuid(g: &mut G) -> String {
    let s = format!(
        "{}-{}-{}-{}-{}",
        hex(g, 8),
        hex(g, 4),
        hex(g, 4),
        hex(g, 4),
        hex(g, 12)
    );
    match g.below(10) {
        0 => s.to_uppercase(),
        1 => s.replace('-', ""),
        2 => format!("{{{s}}}"),
        3 => format!("urn:uuid:{s}"),
        4 => s[1..].to_string(),
        5 => s.replacen('a', "g", 1),
        6 => "00000000-0000-0000-0000-000000000000".into(),
        _ => s,
    }
}

/// An RFC 3339 date-time or a near miss.
pub fn datetime(g: &mut G) -> String {
    let y = *g.pick(&[2024, 2023, 1970, 0, 9999, 2100]);
    let mo = g.range(0, 13);
    let d = g.range(0, 32);
    let h = g.range(0, 25);
    let mi = g.range(0, 60);
    let s = g.range(0, 61);
    let frac = *g.pick(&["", ".986", ".1", ".123456789123", "."]);
    let off = *g.pick(&["Z", "z", "+05:30", "-00:00", "+24:00", "", "+0530", "+05"]);
    let sep = *g.pick(&["T", "t", " ", "_"]);
    let common = g.chance(3, 4);
    if common {
        // Mostly plausible values, so that the leap-year and range rules are reached.
        format!(
            "{y:04}-{:02}-{:02}{sep}{:02}:{:02}:{:02}{frac}{off}",
            mo.clamp(1, 12),
            d.clamp(1, 31),
            h.min(23),
            mi,
            s.min(60)
        )
    } else {
        format!("{y:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{frac}{off}")
    }
}

/// An `https://` URL or a near miss.
pub fn url(g: &mut G) -> String {
    let scheme = *g.pick(&[
        "https://", "https://", "https://", "http://", "HTTPS://", "ftp://", "https:/", "https:",
        "//", "",
    ]);
    let host = *g.pick(&[
        "example.com",
        "api.twilio.com",
        "localhost",
        "[::1]",
        "192.168.0.1",
        "",
        "xn--bcher-kva.example",
        "exa mple.com",
        "example.com.",
        "例え.jp",
        "a..b",
        "-a.com",
        "user:pw@example.com",
    ]);
    let port = *g.pick(&[
        "",
        "",
        ":443",
        ":0",
        ":65535",
        ":65536",
        ":99999999999",
        ":abc",
        ":",
    ]);
    let path = *g.pick(&["", "/", "/sms/send?x=1#f", "/a b", "/%zz", "/\u{0}"]);
    format!("{scheme}{host}{port}{path}")
}

/// A regular expression, often one that does not compile or is huge.
pub fn regex(g: &mut G) -> String {
    const RES: &[&str] = &[
        "^[a-z]+$",
        "(",
        ")",
        "[",
        "a{2,1}",
        "\\",
        "(?P<n>x)",
        "(?i)abc",
        "\\p{Greek}",
        "\\p{Nope}",
        "a{1000}{1000}",
        "(a|b)*c",
        "^\\+?[0-9]{7,15}$",
        "[[:alpha:]]",
        "(?<=a)b",
        "\\d+",
        "",
        "x{99999}",
        "(\\w{50}){50}",
        "[^\\x00-\\x{10FFFF}]",
        "(?x) a # comment",
        "\\b\\B",
    ];
    if g.chance(1, 3) {
        let n = g.range(1, 12);
        (0..n)
            .map(|_| *g.pick(b"()[]{}*+?|^$\\.-,:0123456789aZ") as char)
            .collect()
    } else {
        g.pick(RES).to_string()
    }
}

/// A credential value for a key with these checks (mostly standard base64).
fn credential(g: &mut G, checks: &[CheckKind]) -> String {
    let raw = match g.below(8) {
        0 => format!("AC{}", hex(g, 32)),
        1 => uuid(g),
        2 => format!("{:07}", g.range(0, 9_999_999)),
        3 => "pässwörd-中文".into(),
        4 => String::new(),
        _ => g.secret(),
    };
    if checks.iter().any(|c| matches!(c, CheckKind::HttpsUrl)) && g.chance(3, 4) {
        return url(g);
    }
    if checks.iter().any(|c| matches!(c, CheckKind::Chars { .. })) && g.chance(3, 4) {
        return string(g, &Ctx::new(None, false), checks);
    }
    let std = base64::engine::general_purpose::STANDARD;
    let enc = if g.chance(1, 8) {
        std.encode([0xff, 0xfe, 0x00, 0x80, g.byte()])
    } else {
        std.encode(raw.as_bytes())
    };
    match g.below(12) {
        0 => raw,
        1 => base64::engine::general_purpose::URL_SAFE.encode(raw.as_bytes()),
        2 => enc.trim_end_matches('=').to_string(),
        3 => format!("{} {}", &enc[..enc.len() / 2], &enc[enc.len() / 2..]),
        4 => format!("{enc}\n"),
        5 => std.encode(enc.as_bytes()),
        6 => format!("{enc}="),
        7 => enc.chars().skip(1).collect(),
        _ => enc,
    }
}

/// A string value for a field with these checks.
pub fn string(g: &mut G, ctx: &Ctx, checks: &[CheckKind]) -> String {
    if checks.is_empty() || g.chance(1, 16) {
        return g.junk_string();
    }
    let c = if g.chance(3, 4) {
        &checks[0]
    } else {
        g.pick(checks)
    };
    match c {
        CheckKind::OneOf { allowed } => {
            let mut pool: Vec<String> = allowed.clone();
            if let Some(m) = &ctx.modes {
                pool.extend(m.iter().cloned());
            }
            if pool.is_empty() {
                return g.junk_string();
            }
            let s = g.pick(&pool).clone();
            match g.below(8) {
                0 => typo(g, &s),
                1 => s.to_uppercase(),
                _ => s,
            }
        }
        CheckKind::Chars { min, max } => {
            let max = max.unwrap_or(200);
            let n = *g.pick(&[*min, max, max + 1, min.saturating_sub(1), 1, 5, 20]);
            let fill = *g.pick(&["a", "é", "中", "😀", " ", "x", "Ab1"]);
            let mut s: String = std::iter::repeat_n(fill, n)
                .collect::<String>()
                .chars()
                .take(n)
                .collect();
            if g.chance(1, 8) && !s.is_empty() {
                let odd = ODD[g.below(ODD.len())];
                s.replace_range(0..s.chars().next().unwrap().len_utf8(), odd);
            }
            s
        }
        CheckKind::NotBlank => " ".repeat(g.range(0, 3)),
        CheckKind::Digits { min, max } => {
            let max = max.unwrap_or(20);
            let n = *g.pick(&[*min, max, max + 1, min.saturating_sub(1)]);
            let mut s: String = (0..n).map(|_| (b'0' + g.below(10) as u8) as char).collect();
            if g.chance(1, 5) {
                s.push(*g.pick(&['a', ' ', '-', '٣', '+']));
            }
            s
        }
        CheckKind::E164 => phone(g),
        CheckKind::Base64 { decoded } => {
            let d: Vec<CheckKind> = decoded.iter().map(|c| c.check.clone()).collect();
            credential(g, &d)
        }
        CheckKind::HttpsUrl => url(g),
        CheckKind::Uuid => uuid(g),
        CheckKind::DateTime => datetime(g),
        CheckKind::Regex => regex(g),
        CheckKind::Pattern { pattern, .. } => {
            if pattern.contains("HH") || pattern.contains("[0-5][0-9]") {
                let h = g.range(0, 25);
                let m = g.range(0, 60);
                return format!("{h:02}:{m:02}");
            }
            match g.below(4) {
                0 => g.pick(harvested()).clone(),
                1 => {
                    let w = g.pick(harvested()).clone();
                    typo(g, &w)
                }
                2 => url(g),
                _ => g.junk_string(),
            }
        }
        CheckKind::Integer { .. } => g.range(0, 100).to_string(),
        CheckKind::AnyOf { any_of } => {
            let alternatives: Vec<CheckKind> = any_of.iter().map(|c| c.check.clone()).collect();
            if alternatives.is_empty() {
                return g.junk_string();
            }
            let i = g.below(alternatives.len());
            string(g, ctx, &alternatives[i..=i])
        }
        // A check added to the model later: junk until the generator knows it.
        #[allow(unreachable_patterns)]
        _ => g.junk_string(),
    }
}

/// A value for `node`.
pub fn value(g: &mut G, ctx: &Ctx, node: &Node, depth: usize) -> Value {
    if depth > 10 {
        return junk(g, 1);
    }
    if node.nullable && g.chance(1, 8) {
        return Value::Null;
    }
    if g.chance(1, 24) {
        return junk(g, 2);
    }
    match node.json_type {
        "object" if node.members.is_empty() => junk(g, 2),
        "object" => object(g, ctx, node, depth),
        "array" => match &node.keyed {
            Some(k) => keyed(g, ctx, k),
            None => array(g, ctx, node, depth),
        },
        "string" => Value::String(string(g, ctx, &node.checks)),
        "integer" => integer(g, &node.checks),
        "boolean" => Value::Bool(g.chance(1, 2)),
        _ => junk(g, 2),
    }
}

/// An object of `node`'s members: required ones mostly there, optional ones half the
/// time, sometimes junk members.
pub fn object(g: &mut G, ctx: &Ctx, node: &Node, depth: usize) -> Value {
    let mut m = Map::new();
    for (name, child) in &node.members {
        let include = if child.required {
            !g.chance(1, 12)
        } else {
            g.chance(1, 2)
        };
        if include {
            let v = value(g, ctx, child, depth + 1);
            m.insert(name.clone(), v);
        }
    }
    let names: Vec<String> = node.members.iter().map(|(n, _)| n.clone()).collect();
    if g.chance(1, 8) {
        for _ in 0..g.range(1, 3) {
            let k = g.junk_name(&names);
            m.insert(k, junk(g, 2));
        }
    }
    if ctx.flood(g, 1, 4) {
        for i in 0..g.range(200, 1500) {
            m.insert(
                format!(
                    "{}{i}",
                    g.pick(
                        &names
                            .iter()
                            .map(String::as_str)
                            .chain(["x"])
                            .collect::<Vec<_>>()
                    )
                ),
                Value::Null,
            );
        }
    }
    if g.chance(1, 8) {
        let mut v: Vec<(String, Value)> = m.into_iter().collect();
        v.reverse();
        m = v.into_iter().collect();
    }
    Value::Object(m)
}

fn array(g: &mut G, ctx: &Ctx, node: &Node, depth: usize) -> Value {
    let Some(item) = node.item.as_deref() else {
        return Value::Array((0..g.below(3)).map(|_| junk(g, 1)).collect());
    };
    let n = if ctx.flood(g, 1, 3) {
        g.range(1001, 1500)
    } else if g.chance(1, 8) {
        g.range(5, 12)
    } else {
        g.below(4)
    };
    let mut items: Vec<Value> = Vec::with_capacity(n);
    for _ in 0..n {
        if !items.is_empty() && (g.chance(1, 10) || (n > 1000 && g.chance(1, 2))) {
            let i = g.below(items.len());
            let again = items[i].clone();
            items.push(again);
        } else {
            items.push(value(g, ctx, item, depth + 1));
        }
    }
    Value::Array(items)
}

/// An `account_data` list: `{k, v}` items with the kind's keys, other kinds' keys, near
/// misses and secrets typed in the wrong place, sometimes repeated, sometimes with extra
/// members (a secret as a member name among them).
pub fn keyed(g: &mut G, ctx: &Ctx, info: &KeyedListInfo) -> Value {
    let n = if ctx.flood(g, 1, 3) {
        g.range(500, 1200)
    } else {
        g.below(6)
    };
    let mut items: Vec<Value> = Vec::with_capacity(n);
    for i in 0..n {
        if g.chance(1, 16) {
            items.push(if g.chance(1, 2) {
                Value::String(g.secret())
            } else {
                junk(g, 1)
            });
            continue;
        }
        if !items.is_empty() && g.chance(1, 12) {
            let again = items[g.below(items.len())].clone();
            items.push(again);
            continue;
        }
        let own = (!info.keys.is_empty()).then(|| &info.keys[i.min(info.keys.len() - 1)]);
        let (key, checks): (Value, Vec<CheckKind>) = match g.below(10) {
            0 => (
                Value::String(g.pick(KEY_NAMES).to_string()),
                vec![CheckKind::Base64 { decoded: vec![] }],
            ),
            1 => (Value::String(g.secret()), vec![]),
            2 => {
                let k = KEY_NAMES[g.below(KEY_NAMES.len())];
                (Value::String(typo(g, k)), vec![])
            }
            3 => (junk(g, 0), vec![]),
            4 if !info.keys.is_empty() => {
                let k = g.pick(&info.keys);
                (
                    Value::String(k.key.to_string()),
                    k.checks.iter().map(|c| c.check.clone()).collect(),
                )
            }
            _ => match own {
                Some(k) => (
                    Value::String(k.key.to_string()),
                    k.checks.iter().map(|c| c.check.clone()).collect(),
                ),
                None => (
                    Value::String(g.pick(KEY_NAMES).to_string()),
                    vec![CheckKind::Base64 { decoded: vec![] }],
                ),
            },
        };
        let val = if g.chance(1, 16) {
            junk(g, 0)
        } else {
            Value::String(credential(g, &checks))
        };
        let mut m = Map::new();
        if !g.chance(1, 16) {
            m.insert(info.key_member.to_string(), key);
        }
        if !g.chance(1, 16) {
            m.insert(info.value_member.to_string(), val);
        }
        if g.chance(1, 8) {
            let name = match g.below(4) {
                0 => typo(g, info.value_member),
                1 => g.pick(&["key", "value", "K", "V", "secret"]).to_string(),
                _ => g.secret(),
            };
            let v = if g.chance(1, 2) {
                Value::String(g.secret())
            } else {
                junk(g, 1)
            };
            m.insert(name, v);
        }
        if g.chance(1, 10) {
            let mut v: Vec<(String, Value)> = m.into_iter().collect();
            v.reverse();
            m = v.into_iter().collect();
        }
        items.push(Value::Object(m));
    }
    let _ = ctx;
    Value::Array(items)
}
