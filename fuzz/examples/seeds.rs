//! Writes the seed corpus (`fuzz/corpus/<target>/`) from the fixtures and the phone corpus,
//! and the dictionary `fuzz/json.dict` from the rules. Run from the repository root by
//! `fuzz/seed.sh` (it needs no libFuzzer):
//!
//! ```sh
//! cargo run --manifest-path fuzz/Cargo.toml --no-default-features --example seeds
//! ```
//!
//! Every payload of `tests/fixtures/**/*.json` (`payload`, `payload_text`, `payload_file`,
//! and `base` with its `without` / `with` edits) becomes a `validate_str` input with the
//! case's target and options in the header (fuzz/src/setup.rs), and a `validate_field` input
//! with the pointer of the case's first expected issue; `normalize_phone` cases and every
//! 40th case of `tests/phone/*.json` become `phone` inputs; `structured` and
//! `complete_update` get pseudo-random bytes; `fuzz/regressions/TARGET/*` are copied in.
//! Files are named by a hash of their content, so repeats are written once.

use channel_rules::unstable::schema::describe::{describe, CheckKind};
use channel_rules::unstable::vendors::yeastar::providers::{KEY_NAMES, KIND_IDS};
use channel_rules::{Kind, Locale, Target};
use channel_rules_fuzz::{setup, targets};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixture_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
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

fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The fixture edits (tests/fixtures/README.md): remove a pointer.
fn remove(doc: &mut Value, pointer: &str) {
    let t = tokens(pointer);
    let Some((last, parents)) = t.split_last() else {
        return;
    };
    let mut cur = doc;
    for p in parents {
        cur = match cur {
            Value::Object(m) => match m.get_mut(p) {
                Some(v) => v,
                None => return,
            },
            Value::Array(a) => match p.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                Some(v) => v,
                None => return,
            },
            _ => return,
        };
    }
    match cur {
        Value::Object(m) => {
            m.shift_remove(last);
        }
        Value::Array(a) => {
            if let Some(i) = last.parse::<usize>().ok().filter(|i| *i < a.len()) {
                a.remove(i);
            }
        }
        _ => {}
    }
}

/// The fixture edits: set a pointer (missing parents created, `/-` appends).
fn set(doc: &mut Value, pointer: &str, value: Value) {
    let t = tokens(pointer);
    let Some((last, parents)) = t.split_last() else {
        *doc = value;
        return;
    };
    let mut cur = doc;
    for p in parents {
        cur = match cur {
            Value::Object(m) => m
                .entry(p.clone())
                .or_insert_with(|| Value::Object(Map::new())),
            Value::Array(a) => match p.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                Some(v) => v,
                None => return,
            },
            _ => return,
        };
    }
    match cur {
        Value::Object(m) => {
            m.insert(last.clone(), value);
        }
        Value::Array(a) if last == "-" => a.push(value),
        Value::Array(a) => match last.parse::<usize>() {
            Ok(i) if i == a.len() => a.push(value),
            Ok(i) if i < a.len() => a[i] = value,
            _ => {}
        },
        _ => {}
    }
}

struct Writer {
    root: PathBuf,
    written: usize,
    bytes: usize,
}

impl Writer {
    fn put(&mut self, target: &str, data: &[u8]) {
        // FNV-1a, 64 bits: a stable name, so a repeated input is one file.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in data {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        let dir = self.root.join(target);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{h:016x}"));
        if !path.exists() {
            std::fs::write(&path, data).unwrap();
            self.written += 1;
            self.bytes += data.len();
        }
    }
}

fn main() {
    let repo = std::env::current_dir().unwrap();
    let fixtures = repo.join("tests/fixtures");
    assert!(fixtures.is_dir(), "run from the repository root");
    let corpus = repo.join("fuzz/corpus");
    // Rewritten whole, so that removed fixtures leave no seed behind.
    let _ = std::fs::remove_dir_all(&corpus);
    let mut w = Writer {
        root: corpus,
        written: 0,
        bytes: 0,
    };

    let bases: Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(fixtures.join("bases.json")).unwrap())
            .unwrap();
    let mut files = Vec::new();
    fixture_files(&fixtures, &mut files);
    let regions = targets::regions();

    for f in &files {
        let file: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        for case in file["cases"].as_array().into_iter().flatten() {
            let case = case.as_object().unwrap();
            let options = case.get("options").cloned().unwrap_or(Value::Null);
            let locale: Locale = options
                .get("locale")
                .and_then(|l| serde_json::from_value(l.clone()).ok())
                .unwrap_or_default();
            // Bird's patterns, for the `pattern` target.
            if let Some(p) = case
                .get("with")
                .and_then(|w| w.get("/contactIdentifierFormatOverride/pattern"))
                .and_then(Value::as_str)
            {
                w.put("pattern", p.as_bytes());
            }
            if let Some(call) = case.get("normalize_phone") {
                let input = call["input"].as_str().unwrap_or("");
                let region = call.get("region").and_then(Value::as_str);
                w.put("phone", &phone_seed(regions, input, region, locale));
                continue;
            }
            let Some(target) = case
                .get("target")
                .and_then(Value::as_str)
                .and_then(|t| t.parse::<Target>().ok())
            else {
                continue;
            };
            let payload: Vec<u8> = if let Some(v) = case.get("payload") {
                serde_json::to_vec(v).unwrap()
            } else if let Some(t) = case.get("payload_text").and_then(Value::as_str) {
                t.as_bytes().to_vec()
            } else if let Some(p) = case.get("payload_file").and_then(Value::as_str) {
                let v: Value =
                    serde_json::from_str(&std::fs::read_to_string(repo.join(p)).unwrap())
                        .unwrap_or(Value::Null);
                serde_json::to_vec(&v).unwrap()
            } else if let Some(b) = case.get("base").and_then(Value::as_str) {
                let mut doc = bases[b].clone();
                for p in case
                    .get("without")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    remove(&mut doc, p.as_str().unwrap());
                }
                for (p, v) in case
                    .get("with")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    set(&mut doc, p, v.clone());
                }
                serde_json::to_vec(&doc).unwrap()
            } else {
                continue;
            };
            let channel: Option<Kind> = options
                .get("channel")
                .and_then(Value::as_str)
                .and_then(|k| k.parse().ok());
            let current = options.get("current").cloned().or_else(|| {
                case.get("current_base")
                    .and_then(Value::as_str)
                    .map(|b| bases[b].clone())
            });
            let current_text = current.map(|c| serde_json::to_string(&c).unwrap());
            let modes: Option<Vec<String>> = options
                .get("assignment_modes")
                .and_then(|m| serde_json::from_value(m.clone()).ok());
            let header = setup::encode(
                target,
                channel,
                locale,
                current_text.as_deref(),
                modes.as_deref(),
            );
            let mut seed = header.clone();
            seed.extend_from_slice(&payload);
            w.put("validate_str", &seed);
            let pointer = case
                .get("expect")
                .and_then(|e| e.get(0))
                .and_then(|e| e.get("pointer"))
                .and_then(Value::as_str)
                .unwrap_or("");
            if pointer.len() < 256 {
                let mut seed = header;
                seed.push(0);
                seed.push(pointer.len() as u8);
                seed.extend_from_slice(pointer.as_bytes());
                seed.extend_from_slice(&payload);
                w.put("validate_field", &seed);
            }
        }
    }

    // The phone corpus of the reference: every 40th case.
    for (name, with_region) in [("normalize.json", true), ("validity.json", false)] {
        let path = repo.join("tests/phone").join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let v: Value = serde_json::from_str(&text).unwrap();
        for case in v["cases"].as_array().into_iter().flatten().step_by(40) {
            let input = case["input"].as_str().unwrap_or("");
            let region = if with_region {
                case.get("region").and_then(Value::as_str)
            } else {
                None
            };
            w.put("phone", &phone_seed(regions, input, region, Locale::En));
        }
    }

    // structured: pseudo-random bytes (a fixed xorshift), for a varied start.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for n in 0..48 {
        let len = 64 + (n % 8) * 128;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        w.put("structured", &bytes);
        w.put("complete_update", &bytes);
    }

    // Inputs kept on purpose (fuzz/regressions/TARGET/): bugs found once, and inputs that
    // once fooled the invariants.
    if let Ok(dirs) = std::fs::read_dir(repo.join("fuzz/regressions")) {
        for d in dirs.flatten().filter(|d| d.path().is_dir()) {
            let target = d.file_name().to_string_lossy().into_owned();
            for f in std::fs::read_dir(d.path()).unwrap().flatten() {
                w.put(&target, &std::fs::read(f.path()).unwrap());
            }
        }
    }

    std::fs::write(repo.join("fuzz/json.dict"), dictionary()).unwrap();
    println!(
        "fuzz/corpus: {} files, {} bytes; fuzz/json.dict written",
        w.written, w.bytes
    );
}

/// A `phone` input (targets::phone): the region byte, then the text.
fn phone_seed(regions: &[String], input: &str, region: Option<&str>, locale: Locale) -> Vec<u8> {
    let l = Locale::ALL.iter().position(|x| *x == locale).unwrap() as u8;
    let mut out = match region {
        None => vec![l << 3],
        Some("") => vec![1 | (l << 3)],
        Some(r) => match regions.iter().position(|x| x == r) {
            Some(i) => vec![2 | (l << 3), i as u8],
            None => {
                let mut v = vec![7 | (l << 3), r.len().min(8) as u8];
                v.extend_from_slice(&r.as_bytes()[..r.len().min(8)]);
                v
            }
        },
    };
    out.extend_from_slice(input.as_bytes());
    out
}

/// An entry of a libFuzzer dictionary: `"..."` with `\\`, `\"` and non-printable bytes
/// as `\xNN`.
fn entry(token: &str) -> String {
    let mut s = String::from("\"");
    for b in token.bytes() {
        match b {
            b'\\' => s.push_str("\\\\"),
            b'"' => s.push_str("\\\""),
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02X}")),
        }
    }
    s.push('"');
    s
}

/// JSON tokens, then the rules' words: member names (each also as `"name":`), enum values
/// and kind ids (as JSON strings), credential keys, and a few values of the checked forms.
fn dictionary() -> String {
    let mut names = BTreeSet::new();
    let mut values = BTreeSet::new();
    for t in Target::ALL {
        let mut kinds = vec![None];
        kinds.extend(Kind::all().map(Some));
        for k in kinds {
            let o = channel_rules_fuzz::options(k, None, Locale::En, None);
            for f in describe(*t, &o) {
                names.extend(f.path.iter().filter(|p| *p != "-").cloned());
                for c in &f.checks {
                    if let CheckKind::OneOf { allowed } = &c.check {
                        values.extend(allowed.iter().cloned());
                    }
                }
            }
        }
    }
    names.extend(KEY_NAMES.iter().map(|s| s.to_string()));
    values.extend(KIND_IDS.iter().map(|s| s.to_string()));
    let mut out = String::from(
        "# libFuzzer dictionary for the JSON targets (validate_str, validate_field).\n\
         # Written by fuzz/seed.sh (fuzz/examples/seeds.rs) from the rules: do not edit.\n\n# JSON\n",
    );
    for t in [
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "\":",
        "true",
        "false",
        "null",
        "-0",
        "0.5",
        "1e999",
        "-9223372036854775808",
        "18446744073709551616",
        "\\u0000",
        "\\ud800",
        "\\ud83d\\ude00",
        "\\\"",
        "\\/",
        "{}",
        "[]",
        "[[[[[[[[",
        "]]]]]]]]",
        "\u{feff}",
        " \n\t",
    ] {
        out.push_str(&entry(t));
        out.push('\n');
    }
    out.push_str("\n# values of the checked forms\n");
    for t in [
        "https://",
        "http://",
        "+1",
        "+44",
        "+12125551234",
        "00",
        "2024-11-21T08:56:12.986Z",
        "T00:00:00Z",
        "+05:30",
        "24:00",
        "3a7c2b1e-0d6f-4f7e-9a2b-1c3d5e7f9a0b",
        "==",
        "AC",
        "minite",
        "#RRGGBB",
        "#1a2B3c",
        "(?P<",
        "\\p{",
    ] {
        out.push_str(&entry(t));
        out.push('\n');
    }
    out.push_str("\n# member names (from describe())\n");
    for n in &names {
        if n.len() <= 60 {
            out.push_str(&entry(&format!("\"{n}\":")));
            out.push('\n');
        }
    }
    out.push_str("\n# enum values and kind ids\n");
    for v in &values {
        if v.len() <= 60 {
            out.push_str(&entry(&format!("\"{v}\"")));
            out.push('\n');
        }
    }
    out
}
