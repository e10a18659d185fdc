//! The fixture cases that have a payload (tests/fixtures/README.md: `payload`,
//! `payload_text`, `payload_file`, or a base edited by `without` and `with`), with their
//! target and options, for the tests that replay them all another way (`threads.rs`,
//! `json_schema.rs`). Included with `#[path]`; not a test of its own.

#![allow(dead_code)]

use channel_rules::{validate, validate_str, Options, Report, Target};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub enum Payload {
    Value(Value),
    Text(String),
}

/// One call: what to check, under which target and options.
pub struct Case {
    pub label: String,
    pub target: Target,
    pub options: Options,
    pub payload: Payload,
}

impl Case {
    pub fn run(&self) -> Report {
        match &self.payload {
            Payload::Value(v) => validate(self.target, v, &self.options),
            Payload::Text(t) => validate_str(self.target, t, &self.options),
        }
    }
}

pub fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            fixture_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json")
            && p.file_name().is_some_and(|n| n != "bases.json")
        {
            out.push(p);
        }
    }
}

/// The parent of the value at a JSON Pointer, and the last token (unescaped); `create`
/// makes missing parent objects (the fixtures' `with`).
fn parent<'a>(doc: &'a mut Value, pointer: &str, create: bool) -> (&'a mut Value, String) {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let (last, parents) = tokens.split_last().expect("non-empty pointer");
    let mut cur = doc;
    for p in parents {
        cur = match cur {
            Value::Object(m) => {
                if create && !m.contains_key(p) {
                    m.insert(p.clone(), Value::Object(Map::new()));
                }
                m.get_mut(p).unwrap_or_else(|| panic!("no {pointer}"))
            }
            Value::Array(a) => &mut a[p.parse::<usize>().unwrap()],
            _ => panic!("cannot descend into {pointer}"),
        };
    }
    (cur, last.clone())
}

/// A base edited as a case says: `without` removed, then `with` set.
fn edited(mut doc: Value, case: &Map<String, Value>) -> Value {
    for p in case
        .get("without")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (at, last) = parent(&mut doc, p.as_str().unwrap(), false);
        match at {
            Value::Object(m) => {
                m.shift_remove(&last);
            }
            Value::Array(a) => {
                a.remove(last.parse::<usize>().unwrap());
            }
            _ => panic!("cannot remove {p}"),
        }
    }
    for (p, v) in case
        .get("with")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        if p.is_empty() {
            doc = v.clone();
            continue;
        }
        let (at, last) = parent(&mut doc, p, true);
        match at {
            Value::Object(m) => {
                m.insert(last, v.clone());
            }
            Value::Array(a) if last == "-" => a.push(v.clone()),
            Value::Array(a) => {
                let i: usize = last.parse().unwrap();
                if i == a.len() {
                    a.push(v.clone());
                } else {
                    a[i] = v.clone();
                }
            }
            _ => panic!("cannot set {p}"),
        }
    }
    doc
}

/// The bases the cases edit (`tests/fixtures/bases.json`).
pub fn bases() -> Map<String, Value> {
    serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/bases.json")).unwrap(),
    )
    .unwrap()
}

/// A case's payload: `payload`, `payload_text`, `payload_file`, or its `base` edited.
pub fn payload_of(case: &Map<String, Value>, bases: &Map<String, Value>) -> Payload {
    if let Some(v) = case.get("payload") {
        Payload::Value(v.clone())
    } else if let Some(t) = case.get("payload_text") {
        Payload::Text(t.as_str().unwrap().to_string())
    } else if let Some(f) = case.get("payload_file") {
        Payload::Text(std::fs::read_to_string(root().join(f.as_str().unwrap())).unwrap())
    } else {
        let name = case["base"]
            .as_str()
            .expect("payload, payload_text, payload_file or base");
        let base = bases.get(name).unwrap_or_else(|| panic!("no base {name}"));
        Payload::Value(edited(base.clone(), case))
    }
}

/// Every fixture case with a payload, then every base under every target.
pub fn cases() -> Vec<Case> {
    let bases = bases();
    let mut out = Vec::new();
    let mut files = Vec::new();
    fixture_files(&root().join("tests/fixtures"), &mut files);
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let rel = file.strip_prefix(root()).unwrap().display().to_string();
        for case in doc["cases"].as_array().unwrap() {
            let case = case.as_object().unwrap();
            let Some(target) = case.get("target").and_then(Value::as_str) else {
                continue; // a normalize_phone case
            };
            if case.contains_key("complete_update") {
                continue; // no payload of its own: the body is written from the inputs
            }
            let mut options = case
                .get("options")
                .cloned()
                .unwrap_or(Value::Object(Map::new()));
            if let Some(b) = case.get("current_base").and_then(Value::as_str) {
                options["current"] = bases[b].clone();
            }
            let payload = payload_of(case, &bases);
            out.push(Case {
                label: format!("{rel}: {}", case["name"].as_str().unwrap()),
                target: target.parse().unwrap(),
                options: serde_json::from_value(options).unwrap(),
                payload,
            });
        }
    }
    for (name, base) in &bases {
        for &target in Target::ALL {
            out.push(Case {
                label: format!("bases.json: {name} as {target}"),
                target,
                options: Options::default(),
                payload: Payload::Value(base.clone()),
            });
        }
    }
    out
}
