//! The one interpreter of the model in `schema.rs`: checks a JSON document against an
//! [`Object`] while it is being read, and collects findings in document order.
//!
//! The walk is a serde `DeserializeSeed` driven by the rules, so one engine serves JSON text
//! (`serde_json::Deserializer`) and a parsed `serde_json::Value` (which is a `Deserializer`
//! too), and no tree of the document is ever built:
//! - an array's items are checked one at a time and dropped; what the array's own rules need
//!   (the keys that must not repeat, the ids an update keeps) is all that is kept;
//! - an object keeps only the members its rules look at (`destination_type` for
//!   `destination_id`, say), and only as borrowed text where the input allows;
//! - a value the rules do not look into (an unknown member, a free-form object) is read
//!   past, never stored.
//!
//! So time and memory grow with the document's size, not with its shape. The limits of
//! INTERFACE.md live here too: nesting deeper than [`MAX_DEPTH`] stops the walk (the
//! recursion is bounded by it, whatever the input), at most [`MAX_ISSUES`] findings are
//! kept (the rest are counted), and text quoted from the payload is cut to
//! [`MAX_QUOTED`] characters. Paths are built only for findings: a valid payload allocates
//! nothing for them.

use crate::checks::{self, integer, Finding};
use crate::report::{Segment, Severity};
use crate::schema::{ArrayOf, Field, KeyedList, Object, Rule, Shape};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;

/// Deepest nesting of arrays and objects a document may have (INTERFACE.md, "Limits").
pub const MAX_DEPTH: usize = 128;
/// Most issues a report holds; past it, one `report.truncated` says how many were left out.
pub const MAX_ISSUES: usize = 1000;
/// Longest text quoted from a payload into a param or message, in characters; "did you
/// mean" is computed only for text at most this long.
pub const MAX_QUOTED: usize = 64;

/// A hash table to an index (a set maps to 0). Natively hashed by foldhash, seeded at random
/// for each process, rather than SipHash: hashing was a quarter of an update keeping a
/// thousand routing rules, every key hashed again each time a table grew. The npm package
/// keeps SipHash, which serde_json's maps link into it anyway (foldhash was 3.3 KB more).
pub(crate) type Table<K> = HashMap<K, usize, Hashing>;
#[cfg(not(channel_rules_pkg))]
type Hashing = foldhash::fast::RandomState;
#[cfg(channel_rules_pkg)]
type Hashing = std::hash::RandomState;

/// The table of names the walk and the update use: one type, so one copy of the table's
/// code in the wasm package. The other is by [`Key`].
pub(crate) type Names<'a> = Table<Cow<'a, str>>;

/// A finding tied to where it was found; the message is rendered later, in the locale.
#[derive(Debug, Clone)]
pub struct Located {
    /// Where.
    pub path: Vec<Segment>,
    /// What.
    pub finding: Finding,
}

/// A path under construction, one stack frame a step.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    /// The document.
    Root,
    /// A member of the parent.
    Key(&'a Path<'a>, &'a str),
    /// An item of the parent.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The path as segments, root first.
    pub fn to_vec(&self) -> Vec<Segment> {
        let mut depth = 0;
        let mut p = self;
        while let Path::Key(parent, _) | Path::Index(parent, _) = p {
            depth += 1;
            p = parent;
        }
        let mut out = Vec::with_capacity(depth);
        let mut p = self;
        loop {
            match p {
                Path::Root => break,
                Path::Key(parent, k) => {
                    out.push(Segment::Key((*k).to_string()));
                    p = parent;
                }
                Path::Index(parent, i) => {
                    out.push(Segment::Index(*i));
                    p = parent;
                }
            }
        }
        out.reverse();
        out
    }
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// The findings kept, in document order (at most [`MAX_ISSUES`]).
    pub found: Vec<Located>,
    /// How many more there were.
    pub omitted: usize,
    /// Whether one of those left out was an error.
    pub omitted_error: bool,
    /// Whether a member of the top-level object was repeated (a create's kind, perhaps,
    /// whose last value decides its rules).
    pub top_repeated: bool,
}

/// Why a walk stopped before the end of the document.
#[derive(Debug)]
pub enum Stopped<E> {
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The deserializer's own error (malformed JSON text).
    Input(E),
}

/// Which findings a walk keeps (and counts against the report's limit): with `within` (a
/// JSON Pointer), those at or below it, one field's issues however many the rest has; with
/// `errors_only`, the errors; with `repeats_only`, the repeated member names
/// (`field.duplicate`) alone.
#[derive(Clone, Copy, Default)]
pub struct Scope<'a> {
    /// Only the findings at or below this pointer.
    pub within: Option<&'a str>,
    /// Only the errors.
    pub errors_only: bool,
    /// Only the repeated member names.
    pub repeats_only: bool,
}

/// Walks the document `d` against `schema`; `current` is the state an update replaces, if
/// known; `scope` says which findings are kept.
pub fn walk<'de, D: Deserializer<'de>>(
    schema: &Object,
    d: D,
    current: Option<&Value>,
    scope: Scope,
) -> Result<Walked, Stopped<D::Error>> {
    let mut w = Walker {
        within: scope.within.map(Box::from),
        floor: match (scope.repeats_only, scope.errors_only) {
            (true, _) => Floor::RepeatsOnly,
            (false, true) => Floor::Errors,
            (false, false) => Floor::Warnings,
        },
        ..Walker::default()
    };
    let seed = Node {
        w: &mut w,
        shape: NodeShape::Object(schema, None),
        nullable: false,
        path: &Path::Root,
        cur: Cur::Given(current),
        secret: false,
        keep: false,
    };
    match seed.deserialize(d) {
        Ok(_) => Ok(Walked {
            found: w.out,
            omitted: w.omitted,
            omitted_error: w.omitted_error,
            top_repeated: w.top_repeated,
        }),
        Err(_) if w.too_deep => Err(Stopped::TooDeep),
        Err(e) => Err(Stopped::Input(e)),
    }
}

/// The string value of the top-level `member` of JSON text, as [`top_level_string`] reads
/// it when the member is not repeated, found by a scan of the bytes up to it that follows
/// only strings and nesting: a create payload's kind, which decides the rules of the one
/// walk, for the cost of a loop over the text before it.
///
/// `Some(None)` when the text is not an object or the object has no such member, or its
/// value is not a string. `None` when the scan cannot be sure of the answer: an escape in
/// the value, or in a member name before it (which may spell `member`). The caller then
/// asks [`top_level_string`], as it does when the walk finds a top-level member repeated
/// ([`Walked::top_repeated`]: the last one decides). For malformed text any answer serves:
/// its report is the syntax error alone, whatever the rules.
pub fn scan_top_level_string<'t>(text: &'t str, member: &str) -> Option<Option<&'t str>> {
    let b = text.as_bytes();
    let ws = |i: &mut usize| {
        while matches!(b.get(*i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            *i += 1;
        }
    };
    // The end of the string that starts at `i` (its closing quote), and whether it has an
    // escape.
    let string_end = |i: usize| -> Option<(usize, bool)> {
        let mut escaped = false;
        let mut j = i + 1;
        loop {
            j += b.get(j..)?.iter().position(|&c| c == b'"' || c == b'\\')?;
            if b[j] == b'"' {
                return Some((j, escaped));
            }
            escaped = true;
            j += 2;
        }
    };
    let mut i = 0;
    ws(&mut i);
    if b.get(i) != Some(&b'{') {
        return Some(None);
    }
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let (end, escaped) = string_end(i)?;
                let name = &text[i + 1..end];
                i = end + 1;
                if depth != 1 {
                    continue;
                }
                let mut j = i;
                ws(&mut j);
                if b.get(j) != Some(&b':') {
                    continue; // a value, not a member name
                }
                if escaped {
                    return None;
                }
                if name != member {
                    continue;
                }
                j += 1;
                ws(&mut j);
                if b.get(j) != Some(&b'"') {
                    return Some(None);
                }
                let (end, escaped) = string_end(j)?;
                return (!escaped).then_some(Some(&text[j + 1..end]));
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(None);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Some(None)
}

/// The string value of a top-level `member` of a document, read past everything else (a
/// create payload's kind decides its rules before the walk). `None` as well for text the
/// walk itself will report as malformed or too deep.
pub fn top_level_string<'de, D: Deserializer<'de>>(d: D, member: &'static str) -> Option<String> {
    struct Top<'a> {
        w: &'a mut Walker,
        member: &'static str,
    }
    impl<'de> Visitor<'de> for Top<'_> {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut found = None;
            while let Some(key) = map.next_key_seed(KeySeed)? {
                // The last of repeated members, as `JSON.parse` keeps it.
                if key == self.member {
                    found = map.next_value_seed(Text { w: self.w })?;
                } else {
                    map.next_value_seed(Skip { w: self.w })?;
                }
            }
            Ok(found)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Skip { w: self.w }.visit_seq(seq).map(|_| None)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    impl<'de> DeserializeSeed<'de> for Top<'_> {
        type Value = Option<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    /// A string value, kept; anything else read past.
    struct Text<'a> {
        w: &'a mut Walker,
    }
    impl<'de> DeserializeSeed<'de> for Text<'_> {
        type Value = Option<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            match Node::scalar(self.w).deserialize(d)? {
                Seen::Str(s) => Ok(Some(s.into_owned())),
                _ => Ok(None),
            }
        }
    }
    let mut w = Walker::default();
    Top { w: &mut w, member }.deserialize(d).ok().flatten()
}

#[derive(Default)]
struct Walker {
    out: Vec<Located>,
    omitted: usize,
    omitted_error: bool,
    top_repeated: bool,
    depth: usize,
    too_deep: bool,
    /// Only the findings at or below this pointer are kept ([`Scope`]).
    within: Option<Box<str>>,
    /// Which severities are kept ([`Scope`]).
    floor: Floor,
}

/// Which findings a walk keeps, by severity ([`Scope`]).
#[derive(Clone, Copy, Default, PartialEq, PartialOrd)]
enum Floor {
    /// Nothing but the repeated member names (of either severity).
    RepeatsOnly,
    /// The errors.
    Errors,
    /// Errors and warnings.
    #[default]
    Warnings,
}

impl Floor {
    /// Whether a finding of `severity`, other than a repeated member name, is kept.
    fn keeps(self, severity: Severity) -> bool {
        match severity {
            Severity::Error => self >= Floor::Errors,
            _ => self == Floor::Warnings,
        }
    }
}

/// The JSON type name of a value, as messages say it.
pub fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if integer::is_integer(n) => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Text from the payload as a param may quote it: at most [`MAX_QUOTED`] characters, cut
/// with `...`.
pub fn quote(s: &str) -> String {
    match s.char_indices().nth(MAX_QUOTED) {
        None => s.to_string(),
        Some((end, _)) => format!("{}...", &s[..end]),
    }
}

impl Walker {
    /// Whether the report is full: findings from here on are only counted.
    fn full(&self) -> bool {
        self.out.len() >= MAX_ISSUES
    }

    fn count_omitted(&mut self, severity: Severity) {
        self.omitted += 1;
        self.omitted_error |= severity == Severity::Error;
    }

    /// Whether a finding of `severity` at `path`, other than a repeated member name, is kept
    /// at all ([`Scope`]).
    fn wanted(&self, path: &Path, severity: Severity) -> bool {
        self.floor.keeps(severity) && self.covers(path)
    }

    /// Whether the [`Scope`]'s pointer keeps findings at `path`.
    fn covers(&self, path: &Path) -> bool {
        self.within.as_deref().is_none_or(|outer| {
            crate::report::is_within(&crate::report::pointer_of(&path.to_vec()), outer)
        })
    }

    /// Whether a finding of `severity` at `path` is to be kept: `false` outside the walk's
    /// [`Scope`] (then it is not counted either), or when the report is full (then it is
    /// counted as left out). Every finding passes here once, before it is built where
    /// building it costs something.
    fn keeps(&mut self, path: &Path, severity: Severity) -> bool {
        self.wanted(path, severity) && self.room(severity)
    }

    /// Whether the report has room for a finding of `severity` that the [`Scope`] keeps;
    /// when it is full, the finding is counted as left out.
    fn room(&mut self, severity: Severity) -> bool {
        if self.full() {
            self.count_omitted(severity);
            return false;
        }
        true
    }

    /// [`Walker::push`] of a repeated member name, which a walk of the repeats alone
    /// ([`Floor::RepeatsOnly`]) keeps whatever its severity.
    fn push_repeat(&mut self, path: &Path, finding: Finding) {
        let kept = self.floor == Floor::RepeatsOnly || self.floor.keeps(finding.severity);
        if kept && self.covers(path) && self.room(finding.severity) {
            self.put(path, finding);
        }
    }

    fn push(&mut self, path: &Path, finding: Finding) {
        if self.keeps(path, finding.severity) {
            self.put(path, finding);
        }
    }

    /// Keeps a finding that [`Walker::keeps`] has let through.
    fn put(&mut self, path: &Path, finding: Finding) {
        self.out.push(Located {
            path: path.to_vec(),
            finding,
        });
    }

    /// Inserts a finding at `at` (earlier findings stay before it); `false` when it is not
    /// kept ([`Walker::keeps`]).
    fn insert(&mut self, at: usize, path: &Path, finding: Finding) -> bool {
        if !self.keeps(path, finding.severity) {
            return false;
        }
        let at = at.min(self.out.len());
        self.out.insert(
            at,
            Located {
                path: path.to_vec(),
                finding,
            },
        );
        true
    }

    fn push_all(&mut self, path: &Path, mut findings: Vec<Finding>) {
        if self.floor != Floor::Warnings {
            findings.retain(|f| self.floor.keeps(f.severity));
        }
        if findings.is_empty() || !self.wanted(path, Severity::Error) {
            return;
        }
        let mut p = Some(path.to_vec());
        let last = findings.len() - 1;
        for (i, f) in findings.into_iter().enumerate() {
            if self.full() {
                self.count_omitted(f.severity);
            } else {
                // The last finding takes the path itself; the others a copy.
                let path = if i == last { p.take() } else { p.clone() };
                self.out.push(Located {
                    path: path.unwrap_or_default(),
                    finding: f,
                });
            }
        }
    }

    fn mismatch(&mut self, path: &Path, expected: &str, found: &str) {
        if self.keeps(path, Severity::Error) {
            self.put(
                path,
                Finding::error("type.mismatch")
                    .with("expected", expected)
                    .with("found", found),
            );
        }
    }

    /// Enters an array or object; `Err` past [`MAX_DEPTH`].
    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.too_deep = true;
            return Err(E::custom("nesting too deep"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }
}

/// What a checked value was, for the rules of its parent: scalars as they were (text
/// borrowed where the input allows), containers by type, objects with the members their
/// parent asked to keep.
#[derive(Debug)]
enum Seen<'de> {
    Null,
    Bool(bool),
    Num(Number),
    Str(Cow<'de, str>),
    /// A string that was not kept.
    Text,
    Array,
    Object(Option<Box<Members<'de>>>),
}

impl<'de> Seen<'de> {
    fn type_name(&self) -> &'static str {
        match self {
            Seen::Null => "null",
            Seen::Bool(_) => "boolean",
            Seen::Num(n) if integer::is_integer(n) => "integer",
            Seen::Num(_) => "number",
            Seen::Str(_) | Seen::Text => "string",
            Seen::Array => "array",
            Seen::Object(_) => "object",
        }
    }

    /// Whether this equals a rule literal (same type, same value).
    fn matches(&self, lit: &crate::schema::Lit) -> bool {
        use crate::schema::Lit;
        match (lit, self) {
            (Lit::Int(i), Seen::Num(n)) => n.as_i64() == Some(*i),
            (Lit::Str(s), Seen::Str(t)) => s == t,
            (Lit::Bool(b), Seen::Bool(c)) => b == c,
            _ => false,
        }
    }

    /// The value as a key to compare items by: strings and numbers only (text borrowed
    /// where the input allows).
    fn key(&self) -> Option<Key<'de>> {
        match self {
            Seen::Str(s) => Some(Key::Str(s.clone())),
            Seen::Num(n) => Some(Key::of_number(n)),
            _ => None,
        }
    }
}

/// A string or number compared across items (a DID, a routing rule's id).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Key<'a> {
    Str(Cow<'a, str>),
    /// An integer (what ids are), held without an allocation: an update with thousands of
    /// rules keys each of them, in `current` and in the payload.
    Int(i128),
    /// Any other number, by its text.
    Num(String),
    /// The values of several members together (a `unique` rule over more than one; a
    /// rule over one keys by its value alone, without a vector: an update with thousands
    /// of rules makes one for each). One key type for every table keeps one hash table's
    /// code in the wasm package.
    Many(Vec<Key<'a>>),
}

impl<'a> Key<'a> {
    /// The key of a value of the caller's `current` state: strings and numbers only, so
    /// nothing nested is ever compared or copied.
    pub(crate) fn of_value(v: &'a Value) -> Option<Key<'a>> {
        match v {
            Value::String(s) => Some(Key::Str(Cow::Borrowed(s))),
            Value::Number(n) => Some(Key::of_number(n)),
            _ => None,
        }
    }

    /// A number's key: integers by value, others by their text (as before, two numbers are
    /// the same key when serde_json writes them alike).
    fn of_number(n: &serde_json::Number) -> Key<'a> {
        match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Key::Int(i128::from(u)),
            (None, Some(i)) => Key::Int(i128::from(i)),
            _ => Key::Num(n.to_string()),
        }
    }
}

/// The members an object kept for its parent, and where each member's findings end.
/// `present` holds each known member once, with its value when kept (at most the object's
/// field count, so a lookup costs nothing that grows with the payload, repeated names
/// included); a repeated member's later value is the one kept, as `JSON.parse` and
/// `serde_json::Value` keep it.
#[derive(Debug, Default)]
struct Members<'de> {
    present: Vec<(&'static str, Option<Seen<'de>>)>,
    /// For each member read: its name and the end of its findings in the report.
    ends: Vec<(&'static str, usize)>,
}

impl<'de> Members<'de> {
    /// Room for `fields` members, allocated once.
    fn with_capacity(fields: usize) -> Members<'de> {
        Members {
            present: Vec::with_capacity(fields),
            ends: Vec::with_capacity(fields),
        }
    }
    fn get(&self, name: &str) -> Option<&Seen<'de>> {
        self.present
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, s)| s.as_ref())
    }
    fn present(&self, name: &str) -> bool {
        self.present.iter().any(|(n, _)| *n == name)
    }
    /// Records member `name`, read with `seen` (kept when `keep`).
    fn read(&mut self, name: &'static str, seen: Seen<'de>, keep: bool, end: usize) {
        match self.present.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) if keep => slot.1 = Some(seen),
            Some(_) => {}
            None => self.present.push((name, keep.then_some(seen))),
        }
        self.ends.push((name, end));
    }
    fn holds(&self, cond: &crate::schema::Cond) -> bool {
        self.get(cond.field)
            .is_some_and(|v| cond.any_of.iter().any(|l| v.matches(l)))
    }
}

/// The current state an object replaces: given, or found by its key once the object has
/// been read (a routing rule by its `id`).
#[derive(Clone, Copy)]
enum Cur<'c> {
    Given(Option<&'c Value>),
    ByKey {
        key: &'static str,
        index: &'c Table<Key<'c>>,
        /// For each current item, [`had`] of it.
        had: &'c [u64],
        /// For each current item first with its key, whether an item of the payload has
        /// that key (set as the item is matched).
        kept: &'c [Cell<bool>],
    },
}

/// Which of the members of `obj` that an omission clears the current object `v` has, not
/// null: bit `j` for the `j`-th of them (an object has at most 64, see the engine's tests).
fn had(obj: &Object, v: Option<&Value>) -> u64 {
    let Some(map) = v.and_then(Value::as_object) else {
        return 0;
    };
    cleared(obj)
        .enumerate()
        .filter(|(_, f)| map.get(f.name).is_some_and(|v| !v.is_null()))
        .fold(0, |mask, (j, _)| mask | 1 << j)
}

/// The members of `obj` that an update clears when it omits them.
fn cleared(obj: &Object) -> impl Iterator<Item = &Field> {
    obj.fields.iter().filter(|f| f.cleared_if_omitted).take(64)
}

impl<'c> Cur<'c> {
    /// The current value of member `name` (known only for a given state).
    fn member(self, name: &str) -> Cur<'c> {
        match self {
            Cur::Given(v) => Cur::Given(v.and_then(|v| v.get(name))),
            Cur::ByKey { .. } => Cur::Given(None),
        }
    }
    /// [`had`] of the current object, once the payload's own members are known. An item
    /// found by its key was read when the index was built (the current items are read
    /// once), and is marked kept.
    fn matched(self, obj: &Object, members: &Members) -> u64 {
        match self {
            Cur::Given(v) => had(obj, v),
            Cur::ByKey {
                key,
                index,
                had,
                kept,
            } => match members
                .get(key)
                .and_then(Seen::key)
                .and_then(|k| index.get(&k))
            {
                Some(&i) => {
                    kept[i].set(true);
                    had[i]
                }
                None => 0,
            },
        }
    }
}

/// What a node of the walk checks its value as.
#[derive(Clone, Copy)]
enum NodeShape<'s> {
    Shape(&'s Shape),
    /// An object, with the array it is an item of (whose rules say what to keep).
    Object(&'s Object, Option<&'s ArrayOf>),
    /// Anything; only strings kept.
    Scalar,
}

/// One value of the document, checked as it is read.
struct Node<'a, 'c> {
    w: &'a mut Walker,
    shape: NodeShape<'a>,
    nullable: bool,
    path: &'a Path<'a>,
    cur: Cur<'c>,
    /// The value is a credential: checks leave out anything derived from its text.
    secret: bool,
    /// Keep a string's text for the parent's rules.
    keep: bool,
}

impl<'a> Node<'a, '_> {
    /// A node that checks nothing and keeps strings (for members read before their rules).
    fn scalar(w: &'a mut Walker) -> Node<'a, 'static> {
        Node {
            w,
            shape: NodeShape::Scalar,
            nullable: true,
            path: &Path::Root,
            cur: Cur::Given(None),
            secret: false,
            keep: true,
        }
    }

    fn expected(&self) -> &'static str {
        match self.shape {
            NodeShape::Shape(s) => s.type_name(),
            NodeShape::Object(..) => "object",
            NodeShape::Scalar => "any",
        }
    }

    /// The value has a type this node does not take.
    fn wrong<'de>(self, seen: Seen<'de>) -> Seen<'de> {
        let expected = self.expected();
        if expected != "any" && !(self.nullable && matches!(seen, Seen::Null)) {
            self.w.mismatch(self.path, expected, seen.type_name());
        }
        seen
    }

    fn number<'de>(self, n: Number) -> Seen<'de> {
        match self.shape {
            NodeShape::Shape(Shape::Int(rule)) if integer::is_integer(&n) => {
                let mut found = Vec::new();
                integer::check(&n, rule, &mut found);
                self.w.push_all(self.path, found);
                Seen::Num(n)
            }
            NodeShape::Shape(Shape::Int(rule)) if integer::beyond_64_bits(&n) => {
                let mut found = Vec::new();
                integer::out_of_range(&n, rule, &mut found);
                self.w.push_all(self.path, found);
                Seen::Num(n)
            }
            NodeShape::Shape(Shape::Any) | NodeShape::Scalar => Seen::Num(n),
            _ => self.wrong(Seen::Num(n)),
        }
    }

    fn string<'de>(self, s: Cow<'de, str>) -> Seen<'de> {
        match self.shape {
            NodeShape::Shape(Shape::Str(checks)) => {
                let mut found = Vec::new();
                checks::apply_all(checks, &s, self.secret, &mut found);
                self.w.push_all(self.path, found);
            }
            NodeShape::Shape(Shape::Any) | NodeShape::Scalar => {}
            _ => return self.wrong(Seen::Text),
        }
        if self.keep {
            Seen::Str(s)
        } else {
            Seen::Text
        }
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_, '_> {
    type Value = Seen<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Seen<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_, '_> {
    type Value = Seen<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Seen<'de>, E> {
        Ok(self.wrong(Seen::Null))
    }

    fn visit_none<E>(self) -> Result<Seen<'de>, E> {
        Ok(self.wrong(Seen::Null))
    }

    fn visit_bool<E>(self, b: bool) -> Result<Seen<'de>, E> {
        match self.shape {
            NodeShape::Shape(Shape::Bool | Shape::Any) | NodeShape::Scalar => Ok(Seen::Bool(b)),
            _ => Ok(self.wrong(Seen::Bool(b))),
        }
    }

    fn visit_i64<E>(self, v: i64) -> Result<Seen<'de>, E> {
        Ok(self.number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Seen<'de>, E> {
        Ok(self.number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Seen<'de>, E> {
        match Number::from_f64(v) {
            Some(n) => Ok(self.number(n)),
            None => Ok(self.wrong(Seen::Null)),
        }
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Seen<'de>, E> {
        Ok(self.string(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Seen<'de>, E> {
        if self.keep {
            Ok(self.string(Cow::Owned(s.to_string())))
        } else {
            // Checked without a copy: nothing is kept.
            match self.shape {
                NodeShape::Shape(Shape::Str(checks)) => {
                    let mut found = Vec::new();
                    checks::apply_all(checks, s, self.secret, &mut found);
                    self.w.push_all(self.path, found);
                    Ok(Seen::Text)
                }
                NodeShape::Shape(Shape::Any) | NodeShape::Scalar => Ok(Seen::Text),
                _ => Ok(self.wrong(Seen::Text)),
            }
        }
    }

    fn visit_string<E>(self, s: String) -> Result<Seen<'de>, E> {
        Ok(self.string(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Seen<'de>, A::Error> {
        match self.shape {
            NodeShape::Shape(Shape::Array(arr)) => {
                self.w.enter()?;
                array(self.w, arr, seq, self.path, self.cur)?;
                self.w.leave();
                Ok(Seen::Array)
            }
            NodeShape::Shape(Shape::KeyedList(list)) => {
                self.w.enter()?;
                keyed(self.w, list, seq, self.path)?;
                self.w.leave();
                Ok(Seen::Array)
            }
            NodeShape::Shape(Shape::Any) | NodeShape::Scalar => {
                Skip { w: self.w }.visit_seq(seq)?;
                Ok(Seen::Array)
            }
            _ => {
                Skip { w: &mut *self.w }.visit_seq(seq)?;
                Ok(self.wrong(Seen::Array))
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Seen<'de>, A::Error> {
        let (obj, item_of) = match self.shape {
            NodeShape::Object(obj, item_of) => (obj, item_of),
            NodeShape::Shape(Shape::Object(obj)) => (&**obj, None),
            NodeShape::Shape(Shape::FreeObject | Shape::Any) | NodeShape::Scalar => {
                Skip { w: self.w }.visit_map(map)?;
                return Ok(Seen::Object(None));
            }
            _ => {
                Skip { w: &mut *self.w }.visit_map(map)?;
                return Ok(self.wrong(Seen::Object(None)));
            }
        };
        self.w.enter()?;
        let members = object(self.w, obj, item_of, map, self.path, self.cur)?;
        self.w.leave();
        Ok(Seen::Object(Some(Box::new(members))))
    }
}

/// Reads a member name, borrowed from the input where it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(s))
    }
    fn visit_str<E>(self, s: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(s))
    }
}

/// Reads a value past without keeping it (only its type), minding the depth limit.
struct Skip<'a> {
    w: &'a mut Walker,
}

impl<'de> DeserializeSeed<'de> for Skip<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.w.enter()?;
        while seq.next_element_seed(Skip { w: self.w })?.is_some() {}
        self.w.leave();
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.w.enter()?;
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Skip { w: self.w })?;
        }
        self.w.leave();
        Ok(())
    }
}

/// A document read into a [`Value`] under the walk's depth limit ([`MAX_DEPTH`] levels, as
/// the checks count them: serde_json's own limit stops one level short of it). Repeated
/// member names keep the last value, as `serde_json::from_str` does.
pub fn value<'de, D: Deserializer<'de>>(d: D) -> Result<Value, Stopped<D::Error>> {
    let mut w = Walker::default();
    match (Build { w: &mut w }).deserialize(d) {
        Ok(v) => Ok(v),
        Err(_) if w.too_deep => Err(Stopped::TooDeep),
        Err(e) => Err(Stopped::Input(e)),
    }
}

/// Builds a value, minding the depth limit.
struct Build<'a> {
    w: &'a mut Walker,
}

impl<'de> DeserializeSeed<'de> for Build<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Build<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.w.enter()?;
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(Build { w: self.w })? {
            items.push(v);
        }
        self.w.leave();
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.w.enter()?;
        let mut members = serde_json::Map::new();
        while let Some(name) = map.next_key::<String>()? {
            let v = map.next_value_seed(Build { w: self.w })?;
            members.insert(name, v);
        }
        self.w.leave();
        Ok(Value::Object(members))
    }
}

/// The severity of a repeated member name: parsers differ on which one they keep, so a
/// request may not say what was checked (an error); a response is read leniently.
fn duplicate_severity(obj: &Object) -> Severity {
    obj.unknown
}

/// Whether an object's rules (or the array it is an item of) look at member `name`.
fn watched(obj: &Object, item_of: Option<&ArrayOf>, name: &str) -> bool {
    let in_rules = obj.rules.iter().any(|r| match r {
        Rule::RequiredWhen { when, .. } | Rule::IgnoredWhen { when, .. } => when.field == name,
        Rule::Before { first, then, when } => *first == name || *then == name || when.field == name,
        Rule::IgnoredForKind { .. } | Rule::UncheckedWithoutKind { .. } => false,
    });
    in_rules
        || item_of.is_some_and(|arr| {
            arr.unique.iter().any(|u| u.fields.contains(&name))
                || arr
                    .replaced_by_key
                    .as_ref()
                    .is_some_and(|rk| rk.key == name)
        })
}

fn object<'de, A: MapAccess<'de>>(
    w: &mut Walker,
    obj: &Object,
    item_of: Option<&ArrayOf>,
    mut map: A,
    path: &Path,
    cur: Cur,
) -> Result<Members<'de>, A::Error> {
    let start = w.out.len();
    let mut members = Members::with_capacity(obj.fields.len());
    let mut unknown_names: Names = Names::default();
    while let Some(name) = map.next_key_seed(KeySeed)? {
        let field = obj.fields.iter().find(|f| f.name == name);
        let repeated = match field {
            Some(f) => members.present(f.name),
            None => unknown_names.insert(name.clone(), 0).is_some(),
        };
        // (No more characters than bytes: only a long name is counted.)
        let long = name.len() > MAX_QUOTED && name.chars().nth(MAX_QUOTED).is_some();
        // A name too long to quote is reported at its object, so the report stays small.
        let named = Path::Key(path, &name);
        let at = if long { path } else { &named };
        if repeated {
            w.top_repeated |= matches!(path, Path::Root);
            let mut f = Finding::error("field.duplicate").with("field", quote(&name));
            f.severity = duplicate_severity(obj);
            w.push_repeat(at, f);
        }
        match field {
            Some(f) => {
                let here = Path::Key(path, f.name);
                let watched = watched(obj, item_of, f.name);
                let seen = map.next_value_seed(Node {
                    w: &mut *w,
                    shape: NodeShape::Shape(&f.shape),
                    nullable: f.nullable,
                    path: &here,
                    cur: cur.member(f.name),
                    secret: false,
                    keep: watched,
                })?;
                let keep =
                    !matches!(seen, Seen::Text | Seen::Array | Seen::Object(None)) && watched;
                members.read(f.name, seen, keep, w.out.len());
            }
            None => {
                // The suggestion is worked out only for a finding that is kept.
                if w.keeps(at, obj.unknown) {
                    let mut finding = Finding::error("field.unknown").with("field", quote(&name));
                    finding.severity = obj.unknown;
                    if let Some(s) = checks::suggest(&name, obj.fields.iter().map(|f| f.name)) {
                        finding = finding.with("suggestion", s);
                    }
                    w.put(at, finding);
                }
                map.next_value_seed(Skip { w: &mut *w })?;
            }
        }
    }
    member_rules(w, obj, &mut members, path);
    // Reported first, at the object, once its members are known.
    let mut first = 0;
    for rule in &obj.rules {
        if let Rule::UncheckedWithoutKind { field } = rule {
            if members.present(field) {
                let f = Finding::warning("channel.kind_unknown").with("field", *field);
                if w.insert(start + first, path, f) {
                    first += 1;
                }
            }
        }
    }
    for end in &mut members.ends {
        end.1 += first;
    }
    for f in &obj.fields {
        if f.required && !members.present(f.name) {
            w.push(
                &Path::Key(path, f.name),
                Finding::error("field.required").with("field", f.name),
            );
        }
    }
    for rule in &obj.rules {
        if let Rule::RequiredWhen { field, when } = rule {
            let already = obj.field(field).is_some_and(|f| f.required);
            if !already && !members.present(field) && members.holds(when) {
                let values: Vec<Value> = when.any_of.iter().map(|l| l.to_json()).collect();
                w.push(
                    &Path::Key(path, field),
                    Finding::error("field.required_when")
                        .with("field", *field)
                        .with("when", when.field)
                        .with("is", values),
                );
            }
        }
    }
    let had = cur.matched(obj, &members);
    for (j, f) in cleared(obj).enumerate() {
        if had & 1 << j != 0 && !members.present(f.name) {
            w.push(
                &Path::Key(path, f.name),
                Finding::warning("update.clears_field").with("field", f.name),
            );
        }
    }
    Ok(members)
}

/// Rules about one member, reported right after the member's own findings (they look at
/// siblings, which may come later in the text).
fn member_rules(w: &mut Walker, obj: &Object, members: &mut Members, path: &Path) {
    let mut shift = 0;
    for i in 0..members.ends.len() {
        let (name, end) = members.ends[i];
        let here = Path::Key(path, name);
        let mut at = end + shift;
        for rule in &obj.rules {
            let finding = match rule {
                Rule::IgnoredWhen { field, when } if *field == name && members.holds(when) => {
                    let values: Vec<Value> = when.any_of.iter().map(|l| l.to_json()).collect();
                    Some(
                        Finding::warning("field.ignored")
                            .with("field", *field)
                            .with("when", when.field)
                            .with("is", values),
                    )
                }
                Rule::IgnoredForKind {
                    field,
                    kind,
                    used_by,
                } if *field == name => Some(
                    Finding::warning("field.ignored_for_kind")
                        .with("field", *field)
                        .with("channel", *kind)
                        .with("used_by", used_by.to_vec()),
                ),
                Rule::Before { first, then, when } if *then == name && members.holds(when) => {
                    let well_formed = |m: &str| match (members.get(m), obj.field(m)) {
                        (
                            Some(Seen::Str(s)),
                            Some(Field {
                                shape: Shape::Str(c),
                                ..
                            }),
                        ) => {
                            let mut tmp = Vec::new();
                            checks::apply_all(c, s, false, &mut tmp);
                            tmp.is_empty().then_some(&**s)
                        }
                        _ => None,
                    };
                    match (well_formed(first), well_formed(then)) {
                        (Some(a), Some(b)) if a >= b => Some(
                            Finding::error("order.not_before")
                                .with("first", *first)
                                .with("then", *then),
                        ),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some(f) = finding {
                if w.insert(at, &here, f) {
                    at += 1;
                    shift += 1;
                }
            }
        }
        members.ends[i].1 = at;
    }
}

fn array<'de, A: SeqAccess<'de>>(
    w: &mut Walker,
    arr: &ArrayOf,
    mut seq: A,
    path: &Path,
    cur: Cur,
) -> Result<(), A::Error> {
    // An update's items are matched to the current ones by key: one index, built once.
    let cur_items: &[Value] = match (&arr.replaced_by_key, cur) {
        (Some(_), Cur::Given(Some(Value::Array(c)))) => c,
        _ => &[],
    };
    let item_of = match &arr.items {
        Shape::Object(obj) => Some(&**obj),
        _ => None,
    };
    let Current {
        keys,
        had: had_of,
        index,
        first_of,
    } = Current::of(arr, item_of, cur_items);
    let kept = vec![Cell::new(false); keys.len()];
    // (Not sized for the current items: an update of 10 MB then peaked 9 MB higher in wasm,
    // 133 to 135 MB against 123 to 125.)
    let mut seen: Vec<Firsts> = (0..arr.unique.len()).map(|_| Firsts::default()).collect();
    let mut i = 0;
    loop {
        let here = Path::Index(path, i);
        let node = Node {
            w: &mut *w,
            shape: match item_of {
                Some(obj) => NodeShape::Object(obj, Some(arr)),
                None => NodeShape::Shape(&arr.items),
            },
            nullable: false,
            path: &here,
            cur: match &arr.replaced_by_key {
                Some(rk) => Cur::ByKey {
                    key: rk.key,
                    index: &index,
                    had: &had_of,
                    kept: &kept,
                },
                None => Cur::Given(None),
            },
            secret: false,
            keep: false,
        };
        let Some(item) = seq.next_element_seed(node)? else {
            break;
        };
        if let Seen::Object(Some(members)) = item {
            unique(w, arr, &members, &mut seen, i, &here);
        }
        i += 1;
    }
    if let Some(rk) = &arr.replaced_by_key {
        removed(w, rk, cur_items, &keys, &first_of, &kept, path);
    }
    Ok(())
}

/// What an update's array knows of the current items, from one read of them: their keys,
/// and what an omission would clear ([`had`]); thousands of them do not fit a core's cache,
/// so they are not read again for each item of the payload. Built out of line, as is
/// [`removed`]: in the wasm package, with them inside the array's walk (hot for every item,
/// so compiled by V8's optimizing tier), the 10 MB update peaked at 131.8 to 133.4 MB of RSS,
/// against 119.0 to 120.3 MB out of line (3 runs each; with `--liftoff-only` both builds
/// peak alike, about 96 MB).
struct Current<'c> {
    keys: Vec<Option<Key<'c>>>,
    had: Vec<u64>,
    /// Each key to its first item (the first of repeated keys wins).
    index: Table<Key<'c>>,
    /// Each item to the first one with its key, where what the payload keeps is marked.
    first_of: Vec<usize>,
}

impl<'c> Current<'c> {
    #[inline(never)]
    fn of(arr: &ArrayOf, item_of: Option<&Object>, cur_items: &'c [Value]) -> Current<'c> {
        let (keys, had_of): (Vec<Option<Key>>, Vec<u64>) = match &arr.replaced_by_key {
            Some(rk) => cur_items
                .iter()
                .map(|c| {
                    let key = c.get(rk.key).and_then(Key::of_value);
                    (key, item_of.map_or(0, |obj| had(obj, Some(c))))
                })
                .unzip(),
            None => (Vec::new(), Vec::new()),
        };
        let mut index = Table::with_capacity_and_hasher(keys.len(), Default::default());
        let first_of = keys
            .iter()
            .enumerate()
            .map(|(i, k)| match k {
                Some(k) => *index.entry(k.clone()).or_insert(i),
                None => i,
            })
            .collect();
        Current {
            keys,
            had: had_of,
            index,
            first_of,
        }
    }
}

/// `update.removes_item` for each current item whose key no item of the payload has.
#[inline(never)]
fn removed(
    w: &mut Walker,
    rk: &crate::schema::ReplaceKey,
    cur_items: &[Value],
    keys: &[Option<Key>],
    first_of: &[usize],
    kept: &[Cell<bool>],
    path: &Path,
) {
    for (j, (c, k)) in cur_items.iter().zip(keys).enumerate() {
        if k.is_none() || kept[first_of[j]].get() {
            continue;
        }
        // `current` is the caller's data: only an integer id is repeated.
        let mut f = Finding::warning("update.removes_item").with("key", rk.key);
        if let Some(id) = c.get(rk.key).filter(|k| k.is_u64()) {
            f = f.with("id", id.clone());
        }
        if let Some(label) = c.get(rk.label).and_then(Value::as_str) {
            f = f.with("label", rk.label).with("name", quote(label));
        }
        w.push(path, f);
    }
}

/// The array's rules on combinations that must not repeat, for item `i`: a repeat of one
/// member is reported right after that member's findings, of several at the item's end.
fn unique<'de>(
    w: &mut Walker,
    arr: &ArrayOf,
    members: &Members<'de>,
    seen: &mut [Firsts<'de>],
    i: usize,
    here: &Path,
) {
    let mut inserts: Vec<(usize, &'static str, Finding)> = Vec::new();
    for (u, rule) in arr.unique.iter().enumerate() {
        let key = |f: &str| members.get(f).and_then(Seen::key);
        let parts = match rule.fields {
            [f] => key(f),
            fields => fields
                .iter()
                .map(|f| key(f))
                .collect::<Option<_>>()
                .map(Key::Many),
        };
        let Some(parts) = parts else { continue };
        if let Some(first) = seen[u].first(parts, i) {
            let mut f = Finding::error("array.duplicate")
                .with("fields", rule.fields.to_vec())
                .with("first", first);
            f.severity = rule.severity;
            if rule.fields.len() == 1 {
                let field = rule.fields[0];
                let end = members
                    .ends
                    .iter()
                    .rev()
                    .find(|(n, _)| *n == field)
                    .map_or(w.out.len(), |(_, e)| *e);
                insert_by_position(&mut inserts, (end, field, f));
            } else {
                insert_by_position(&mut inserts, (usize::MAX, "", f));
            }
        }
    }
    // From the last position back, so earlier positions stay right.
    let mut tail = Vec::new();
    for (at, field, f) in inserts {
        if at == usize::MAX {
            tail.push(f);
        } else {
            w.insert(at, &Path::Key(here, field), f);
        }
    }
    for f in tail.into_iter().rev() {
        w.push(here, f);
    }
}

/// The values a `unique` rule of an array has seen, each with the index of its first item:
/// the first value held as it is, the others hashed (most lists in a payload hold one item,
/// which then costs no hash and no table).
#[derive(Default)]
struct Firsts<'de> {
    one: Option<(Key<'de>, usize)>,
    more: Table<Key<'de>>,
}

impl<'de> Firsts<'de> {
    /// The first item with value `parts`, or `None` after recording item `i` as the first.
    fn first(&mut self, parts: Key<'de>, i: usize) -> Option<usize> {
        match &self.one {
            None => {
                self.one = Some((parts, i));
                None
            }
            Some((one, first)) if *one == parts => Some(*first),
            Some(_) => match self.more.get(&parts) {
                Some(&first) => Some(first),
                None => {
                    self.more.insert(parts, i);
                    None
                }
            },
        }
    }
}

/// Adds `item` to `list`, kept from the last position to the first and, at one position, in
/// the order found: what a stable sort by position would give, without sort code for these
/// tuples in the wasm package (a list holds at most one finding per rule of the array).
fn insert_by_position<'a>(
    list: &mut Vec<(usize, &'a str, Finding)>,
    item: (usize, &'a str, Finding),
) {
    let at = list
        .iter()
        .position(|(p, _, _)| *p < item.0)
        .unwrap_or(list.len());
    list.insert(at, item);
}

/// One `{k, v}` item of a keyed list, as read: its members in order.
enum Part<'de> {
    Key(Seen<'de>),
    Val(Seen<'de>),
    /// A member other than the key and the value: never named, it may hold a secret.
    Other(Option<&'static str>),
    /// A member name given twice (`None`: not the key or the value, so not named).
    Repeated(Option<&'static str>),
}

fn keyed<'de, A: SeqAccess<'de>>(
    w: &mut Walker,
    list: &KeyedList,
    mut seq: A,
    path: &Path,
) -> Result<(), A::Error> {
    let mut seen = SeenKeys {
        entries: vec![None; list.entries.len()],
        others: Names::default(),
    };
    let mut i = 0;
    loop {
        let here = Path::Index(path, i);
        let Some(parts) = seq.next_element_seed(KeyedItem { w: &mut *w, list })? else {
            break;
        };
        match parts {
            Ok(parts) => keyed_item(w, list, parts, &here, &mut seen, i),
            Err(found) => w.mismatch(&here, "object", found),
        }
        i += 1;
    }
    for (e, first) in list.entries.iter().zip(&seen.entries) {
        if e.required && first.is_none() {
            w.push(
                path,
                Finding::error("credential.key_missing")
                    .with("key", e.key)
                    .with("channel", list.owner),
            );
        }
    }
    Ok(())
}

/// The keys a keyed list has had, each with the index of its first item: the list's own
/// keys by entry (no hashing for the usual case), any other key hashed.
struct SeenKeys {
    entries: Vec<Option<usize>>,
    others: Names<'static>,
}

impl SeenKeys {
    /// The first item with key `k` (entry `entry` of the list, if one), or `None` after
    /// recording item `i` as the first.
    fn first(&mut self, k: &str, entry: Option<usize>, i: usize) -> Option<usize> {
        let slot = match entry {
            Some(e) => &mut self.entries[e],
            None => match self.others.get(k) {
                Some(&first) => return Some(first),
                None => {
                    self.others.insert(Cow::Owned(k.to_string()), i);
                    return None;
                }
            },
        };
        match *slot {
            Some(first) => Some(first),
            None => {
                *slot = Some(i);
                None
            }
        }
    }
}

fn keyed_item(
    w: &mut Walker,
    list: &KeyedList,
    parts: Vec<Part>,
    here: &Path,
    seen: &mut SeenKeys,
    i: usize,
) {
    let key = parts.iter().find_map(|p| match p {
        Part::Key(Seen::Str(k)) => Some(&**k),
        _ => None,
    });
    let index = key.and_then(|k| list.entries.iter().position(|e| e.key == k));
    let entry = index.map(|e| &list.entries[e]);
    let (mut has_key, mut has_value) = (false, false);
    for part in &parts {
        match part {
            Part::Key(value) => {
                has_key = true;
                let at = Path::Key(here, list.key_member);
                let Seen::Str(k) = value else {
                    w.mismatch(&at, "string", value.type_name());
                    continue;
                };
                if k.is_empty() {
                    w.push(&at, Finding::error("string.empty"));
                    continue;
                }
                // A key is named only when it is one of the rules' own: an unknown `k` may
                // be a secret typed into the wrong member. (Looked up only for a finding.)
                let known = || list.vocabulary.iter().find(|n| **n == &**k);
                // The entry of this `k` (of a repeated `k` member, maybe not the item's).
                let entry_of_k = if key == Some(&**k) {
                    index
                } else {
                    list.entries.iter().position(|e| e.key == &**k)
                };
                if let Some(first) = seen.first(k, entry_of_k, i) {
                    let mut f = Finding::error("credential.key_duplicate").with("first", first);
                    if let Some(known) = known() {
                        f = f.with("key", *known);
                    }
                    w.push(&at, f);
                }
                if !list.open && entry.is_none() {
                    let allowed: Vec<&str> = list.entries.iter().map(|e| e.key).collect();
                    let mut f = Finding::error("credential.key_unknown")
                        .with("channel", list.owner)
                        .with("allowed", allowed.clone());
                    if list.owner.is_empty() {
                        f = f.with("reason", "any_kind");
                    }
                    if let Some(known) = known() {
                        f = f.with("key", *known);
                    }
                    if let Some(s) = checks::suggest(k, allowed) {
                        f = f.with("suggestion", s);
                    }
                    w.push(&at, f);
                }
            }
            Part::Val(value) => {
                has_value = true;
                let at = Path::Key(here, list.value_member);
                let Seen::Str(s) = value else {
                    w.mismatch(&at, "string", value.type_name());
                    continue;
                };
                if s.is_empty() {
                    w.push(&at, Finding::error("string.empty"));
                } else if let Some(e) = entry {
                    let mut found = Vec::new();
                    checks::apply_all(&e.value, s, list.secret, &mut found);
                    w.push_all(&at, found);
                }
            }
            Part::Other(suggestion) => {
                let mut f = Finding::error("field.unknown").with("reason", "credential_item");
                if let Some(s) = suggestion {
                    f = f.with("suggestion", *s);
                }
                w.push(here, f);
            }
            Part::Repeated(Some(member)) => {
                w.push_repeat(
                    &Path::Key(here, member),
                    Finding::error("field.duplicate").with("field", *member),
                );
            }
            Part::Repeated(None) => {
                w.push_repeat(
                    here,
                    Finding::error("field.duplicate").with("reason", "credential_item"),
                );
            }
        }
    }
    for (member, present) in [(list.key_member, has_key), (list.value_member, has_value)] {
        if !present {
            w.push(
                &Path::Key(here, member),
                Finding::error("field.required").with("field", member),
            );
        }
    }
}

/// Reads one keyed-list item: its parts, or the type it has when it is not an object.
struct KeyedItem<'a> {
    w: &'a mut Walker,
    list: &'a KeyedList,
}

impl<'de> DeserializeSeed<'de> for KeyedItem<'_> {
    type Value = Result<Vec<Part<'de>>, &'static str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyedItem<'_> {
    type Value = Result<Vec<Part<'de>>, &'static str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Err("null"))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err("boolean"))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err("integer"))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err("integer"))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err("number"))
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Err("string"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Skip { w: self.w }.visit_seq(seq)?;
        Ok(Err("array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        self.w.enter()?;
        let (k, v) = (self.list.key_member, self.list.value_member);
        let mut parts = Vec::new();
        let mut others: Names = Names::default();
        let (mut had_k, mut had_v) = (false, false);
        while let Some(name) = map.next_key_seed(KeySeed)? {
            let is_k = name == k;
            if is_k || name == v {
                let (member, had) = if is_k {
                    (k, &mut had_k)
                } else {
                    (v, &mut had_v)
                };
                if *had {
                    parts.push(Part::Repeated(Some(member)));
                }
                *had = true;
                let value = map.next_value_seed(Node::scalar(&mut *self.w))?;
                parts.push(if is_k {
                    Part::Key(value)
                } else {
                    Part::Val(value)
                });
            } else {
                // Never named: a member name inside a credential item may be the secret.
                // A suggestion is safe, being one of the list's own member names.
                if others.insert(name.clone(), 0).is_some() {
                    parts.push(Part::Repeated(None));
                }
                parts.push(Part::Other(checks::suggest(&name, [k, v])));
                map.next_value_seed(Skip { w: &mut *self.w })?;
            }
        }
        self.w.leave();
        Ok(Ok(parts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`had`] holds one bit for each member an omission clears: every object of every
    /// target, for every kind, has at most 64 of them.
    #[test]
    fn cleared_members_fit_a_mask() {
        fn each(shape: &Shape, seen: &mut usize) {
            match shape {
                Shape::Object(obj) => object(obj, seen),
                Shape::Array(arr) => each(&arr.items, seen),
                _ => {}
            }
        }
        fn object(obj: &Object, seen: &mut usize) {
            *seen += 1;
            let n = obj.fields.iter().filter(|f| f.cleared_if_omitted).count();
            assert!(n <= 64, "{} has {n} members an omission clears", obj.title);
            for f in &obj.fields {
                each(&f.shape, seen);
            }
        }
        let mut seen = 0;
        for target in crate::Target::ALL {
            let kinds = crate::Kind::all().map(|k| Some(k.id()));
            for channel in std::iter::once(None).chain(kinds) {
                object(&target.schema(channel, &crate::Options::new()), &mut seen);
            }
        }
        assert!(seen > 100, "only {seen} objects walked");
    }

    #[test]
    fn path_renders_root_first() {
        let root = Path::Root;
        let a = Path::Key(&root, "dids");
        let b = Path::Index(&a, 2);
        assert_eq!(
            b.to_vec(),
            vec![Segment::Key("dids".into()), Segment::Index(2)]
        );
    }

    #[test]
    fn quotes_are_cut() {
        assert_eq!(quote("short"), "short");
        let long = "é".repeat(100);
        let q = quote(&long);
        assert_eq!(q.chars().count(), MAX_QUOTED + 3);
        assert!(q.ends_with("..."));
    }
}
