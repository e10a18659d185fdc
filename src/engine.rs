//! The one interpreter of the model in `schema.rs`: walks a `serde_json::Value` against an
//! [`Object`] and collects findings in document order.
//!
//! The walk recurses only where the schema has structure, so its depth is bounded by the
//! rules, never by the payload: a deeply nested unknown value is reported once and not
//! entered. Paths are built lazily: a valid payload allocates nothing for them.

use crate::checks::{self, integer, Finding};
use crate::report::Segment;
use crate::schema::{ArrayOf, Field, KeyedList, Object, Rule, Shape};
use serde_json::{Map, Value};
use std::collections::HashMap;

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
        let mut out = Vec::new();
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

/// Walks `doc` against `schema`; `current` is the state an update replaces, if known.
pub fn run(schema: &Object, doc: &Value, current: Option<&Value>) -> Vec<Located> {
    let mut w = Walker { out: Vec::new() };
    w.object(schema, doc, &Path::Root, current);
    w.out
}

struct Walker {
    out: Vec<Located>,
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

impl Walker {
    fn push(&mut self, path: &Path, finding: Finding) {
        self.out.push(Located {
            path: path.to_vec(),
            finding,
        });
    }

    fn push_all(&mut self, path: &Path, findings: Vec<Finding>) {
        if !findings.is_empty() {
            let p = path.to_vec();
            for f in findings {
                self.out.push(Located {
                    path: p.clone(),
                    finding: f,
                });
            }
        }
    }

    fn mismatch(&mut self, path: &Path, expected: &str, v: &Value) {
        self.push(
            path,
            Finding::error("type.mismatch")
                .with("expected", expected)
                .with("found", type_of(v)),
        );
    }

    fn field(&mut self, f: &Field, v: &Value, path: &Path, cur: Option<&Value>) {
        if v.is_null() && f.nullable {
            return;
        }
        self.shape(&f.shape, v, path, cur, false);
    }

    fn shape(&mut self, shape: &Shape, v: &Value, path: &Path, cur: Option<&Value>, secret: bool) {
        match shape {
            Shape::Any => {}
            Shape::Bool => {
                if !v.is_boolean() {
                    self.mismatch(path, "boolean", v);
                }
            }
            Shape::Int(rule) => match v {
                Value::Number(n) if integer::is_integer(n) => {
                    let mut found = Vec::new();
                    integer::check(n, rule, &mut found);
                    self.push_all(path, found);
                }
                _ => self.mismatch(path, "integer", v),
            },
            Shape::Str(checks) => match v {
                Value::String(s) => {
                    let mut found = Vec::new();
                    checks::apply_all(checks, s, secret, &mut found);
                    self.push_all(path, found);
                }
                _ => self.mismatch(path, "string", v),
            },
            Shape::Object(obj) => self.object(obj, v, path, cur),
            Shape::FreeObject => {
                if !v.is_object() {
                    self.mismatch(path, "object", v);
                }
            }
            Shape::Array(arr) => self.array(arr, v, path, cur),
            Shape::KeyedList(list) => self.keyed(list, v, path),
        }
    }

    fn object(&mut self, obj: &Object, v: &Value, path: &Path, cur: Option<&Value>) {
        let Value::Object(map) = v else {
            self.mismatch(path, "object", v);
            return;
        };
        for rule in &obj.rules {
            if let Rule::UncheckedWithoutKind { field } = rule {
                if map.contains_key(*field) {
                    self.push(
                        path,
                        Finding::warning("channel.kind_unknown").with("field", *field),
                    );
                }
            }
        }
        let cur_map = cur.and_then(Value::as_object);
        for (name, value) in map {
            let here = Path::Key(path, name);
            match obj.field(name) {
                Some(f) => self.field(f, value, &here, cur_map.and_then(|c| c.get(name))),
                None => {
                    let mut finding = Finding::error("field.unknown").with("field", name.as_str());
                    finding.severity = obj.unknown;
                    if let Some(s) = checks::suggest(name, obj.fields.iter().map(|f| f.name)) {
                        finding = finding.with("suggestion", s);
                    }
                    self.push(&here, finding);
                }
            }
            self.member_rules(obj, map, name, &here);
        }
        for f in &obj.fields {
            if f.required && !map.contains_key(f.name) {
                self.push(
                    &Path::Key(path, f.name),
                    Finding::error("field.required").with("field", f.name),
                );
            }
        }
        for rule in &obj.rules {
            if let Rule::RequiredWhen { field, when } = rule {
                let already = obj.field(field).is_some_and(|f| f.required);
                if !already && !map.contains_key(*field) && when.holds(map) {
                    let values: Vec<Value> = when.any_of.iter().map(|l| l.to_json()).collect();
                    self.push(
                        &Path::Key(path, field),
                        Finding::error("field.required_when")
                            .with("field", *field)
                            .with("when", when.field)
                            .with("is", values),
                    );
                }
            }
        }
        if let Some(cur_map) = cur_map {
            for f in obj.fields.iter().filter(|f| f.cleared_if_omitted) {
                let had = cur_map.get(f.name).is_some_and(|v| !v.is_null());
                if had && !map.contains_key(f.name) {
                    self.push(
                        &Path::Key(path, f.name),
                        Finding::warning("update.clears_field").with("field", f.name),
                    );
                }
            }
        }
    }

    /// Rules about member `name`, reported right after the member's own findings.
    fn member_rules(&mut self, obj: &Object, map: &Map<String, Value>, name: &str, here: &Path) {
        for rule in &obj.rules {
            match rule {
                Rule::IgnoredWhen { field, when } if *field == name && when.holds(map) => {
                    let values: Vec<Value> = when.any_of.iter().map(|l| l.to_json()).collect();
                    self.push(
                        here,
                        Finding::warning("field.ignored")
                            .with("field", *field)
                            .with("when", when.field)
                            .with("is", values),
                    );
                }
                Rule::IgnoredForKind {
                    field,
                    kind,
                    used_by,
                } if *field == name => {
                    self.push(
                        here,
                        Finding::warning("field.ignored_for_kind")
                            .with("field", *field)
                            .with("channel", *kind)
                            .with("used_by", used_by.to_vec()),
                    );
                }
                Rule::Before { first, then, when } if *then == name && when.holds(map) => {
                    let well_formed = |m: &str| match (map.get(m), obj.field(m)) {
                        (Some(Value::String(s)), Some(f)) => match &f.shape {
                            Shape::Str(c) => {
                                let mut tmp = Vec::new();
                                checks::apply_all(c, s, false, &mut tmp);
                                tmp.is_empty().then_some(s.as_str())
                            }
                            _ => None,
                        },
                        _ => None,
                    };
                    if let (Some(a), Some(b)) = (well_formed(first), well_formed(then)) {
                        if a >= b {
                            self.push(
                                here,
                                Finding::error("order.not_before")
                                    .with("first", *first)
                                    .with("then", *then),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn array(&mut self, arr: &ArrayOf, v: &Value, path: &Path, cur: Option<&Value>) {
        let Value::Array(items) = v else {
            self.mismatch(path, "array", v);
            return;
        };
        let cur_items: &[Value] = match (&arr.replaced_by_key, cur) {
            (Some(_), Some(Value::Array(c))) => c,
            _ => &[],
        };
        let key_of = |item: &Value| -> Option<Value> {
            let rk = arr.replaced_by_key.as_ref()?;
            item.get(rk.key).filter(|k| !k.is_null()).cloned()
        };
        let mut seen: Vec<HashMap<String, usize>> = vec![HashMap::new(); arr.unique.len()];
        for (i, item) in items.iter().enumerate() {
            let here = Path::Index(path, i);
            let matched = key_of(item)
                .and_then(|k| cur_items.iter().find(|c| key_of(c).as_ref() == Some(&k)));
            let start = self.out.len();
            self.shape(&arr.items, item, &here, matched, false);
            let mut repeats = false;
            for (u, rule) in arr.unique.iter().enumerate() {
                let parts: Option<Vec<&Value>> = rule
                    .fields
                    .iter()
                    .map(|f| item.get(*f).filter(|v| v.is_string() || v.is_number()))
                    .collect();
                let Some(parts) = parts else { continue };
                let key = serde_json::to_string(&parts).unwrap_or_default();
                if let Some(&first) = seen[u].get(&key) {
                    let mut f = Finding::error("array.duplicate")
                        .with("fields", rule.fields.to_vec())
                        .with("first", first);
                    f.severity = rule.severity;
                    if rule.fields.len() == 1 {
                        self.push(&Path::Key(&here, rule.fields[0]), f);
                    } else {
                        self.push(&here, f);
                    }
                    repeats = true;
                } else {
                    seen[u].insert(key, i);
                }
            }
            if repeats {
                self.sort_into_member_order(start, item, here.to_vec().len());
            }
        }
        if let Some(rk) = &arr.replaced_by_key {
            let kept: Vec<Value> = items.iter().filter_map(key_of).collect();
            for c in cur_items {
                if let Some(k) = key_of(c) {
                    if !kept.contains(&k) {
                        // `current` is the caller's data: only an integer id is repeated.
                        let mut f = Finding::warning("update.removes_item").with("key", rk.key);
                        if k.is_u64() {
                            f = f.with("id", k);
                        }
                        if let Some(label) = c.get(rk.label).and_then(Value::as_str) {
                            f = f.with("label", rk.label).with("name", label);
                        }
                        self.push(path, f);
                    }
                }
            }
        }
    }

    /// Puts the findings from `start` on (one array item's, with its repeats appended) into
    /// the item's member order, keeping the walk's order within a member. Item-level repeats
    /// go last.
    fn sort_into_member_order(&mut self, start: usize, item: &Value, depth: usize) {
        let keys: Vec<&String> = item
            .as_object()
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        let rank = |l: &Located| -> usize {
            match l.path.get(depth) {
                Some(Segment::Key(k)) => {
                    keys.iter().position(|m| *m == k).unwrap_or(keys.len()) + 1
                }
                Some(Segment::Index(_)) => keys.len() + 1,
                None if l.finding.code == "array.duplicate" => keys.len() + 2,
                None => 0,
            }
        };
        self.out[start..].sort_by_key(|l| rank(l));
    }

    fn keyed(&mut self, list: &KeyedList, v: &Value, path: &Path) {
        let Value::Array(items) = v else {
            self.mismatch(path, "array", v);
            return;
        };
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let here = Path::Index(path, i);
            let Value::Object(m) = item else {
                self.mismatch(&here, "object", item);
                continue;
            };
            let key = m.get(list.key_member).and_then(Value::as_str);
            let entry = key.and_then(|k| list.entries.iter().find(|e| e.key == k));
            for (name, value) in m {
                let at = Path::Key(&here, name);
                if name == list.key_member {
                    let Value::String(k) = value else {
                        self.mismatch(&at, "string", value);
                        continue;
                    };
                    if k.is_empty() {
                        self.push(&at, Finding::error("string.empty"));
                        continue;
                    }
                    if let Some(&first) = seen.get(k.as_str()) {
                        // A key is named only when it is one of the rules' own: an unknown
                        // `k` may be a secret typed into the wrong member.
                        let mut f = Finding::error("credential.key_duplicate").with("first", first);
                        if let Some(known) = list.vocabulary.iter().find(|n| **n == k.as_str()) {
                            f = f.with("key", *known);
                        }
                        self.push(&at, f);
                    } else {
                        seen.insert(k.as_str(), i);
                    }
                    if !list.open && entry.is_none() {
                        let allowed: Vec<&str> = list.entries.iter().map(|e| e.key).collect();
                        let mut f = Finding::error("credential.key_unknown")
                            .with("channel", list.owner)
                            .with("allowed", allowed.clone());
                        if let Some(known) = list.vocabulary.iter().find(|n| **n == k.as_str()) {
                            f = f.with("key", *known);
                        }
                        if let Some(s) = checks::suggest(k, allowed) {
                            f = f.with("suggestion", s);
                        }
                        self.push(&at, f);
                    }
                } else if name == list.value_member {
                    let Value::String(s) = value else {
                        self.mismatch(&at, "string", value);
                        continue;
                    };
                    if s.is_empty() {
                        self.push(&at, Finding::error("string.empty"));
                    } else if let Some(e) = entry {
                        let mut found = Vec::new();
                        checks::apply_all(&e.value, s, list.secret, &mut found);
                        self.push_all(&at, found);
                    }
                } else {
                    let mut f = Finding::error("field.unknown").with("field", name.as_str());
                    if let Some(s) = checks::suggest(name, [list.key_member, list.value_member]) {
                        f = f.with("suggestion", s);
                    }
                    self.push(&at, f);
                }
            }
            for member in [list.key_member, list.value_member] {
                if !m.contains_key(member) {
                    self.push(
                        &Path::Key(&here, member),
                        Finding::error("field.required").with("field", member),
                    );
                }
            }
        }
        for e in list.entries.iter().filter(|e| e.required) {
            if !seen.contains_key(e.key) {
                self.push(
                    path,
                    Finding::error("credential.key_missing")
                        .with("key", e.key)
                        .with("channel", list.owner),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
