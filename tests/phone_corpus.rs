//! Replays the phone corpora of `tests/phone/` through `channel_rules::phone` and requires
//! full agreement with the reference they were generated from (Python `phonenumbers`, the
//! version in `phone::METADATA_VERSION`; regenerate with `scripts/phone/reference.sh`).
//!
//! - `validity.json`: `parse(input, None)`, then `analyze`: the parse error, or the E.164
//!   form, validity, region and type, each compared.
//! - `normalize.json`: `normalize(input, region)`: the parse error or the E.164 form.
//!
//! Every case is replayed (a panic in the engine counts as a disagreement, too); the failure
//! message counts disagreements by field and shows the first ones.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Once;

use channel_rules::phone;
use serde_json::{Map, Value};

/// How many disagreeing cases the failure message shows.
const SHOWN: usize = 40;
/// The validity corpus must be at least this big.
const MIN_VALIDITY_CASES: usize = 4000;

/// One field on which the engine and the reference disagree.
struct Mismatch {
    field: &'static str,
    expected: String,
    got: String,
}

impl Mismatch {
    fn new(field: &'static str, expected: impl Into<String>, got: impl Into<String>) -> Self {
        Mismatch {
            field,
            expected: expected.into(),
            got: got.into(),
        }
    }
}

/// Every disagreement of one corpus.
#[derive(Default)]
struct Tally {
    cases: usize,
    disagreeing: usize,
    by_field: BTreeMap<&'static str, usize>,
    shown: Vec<String>,
}

impl Tally {
    fn record(&mut self, label: String, mismatches: Vec<Mismatch>) {
        self.cases += 1;
        if mismatches.is_empty() {
            return;
        }
        self.disagreeing += 1;
        for m in &mismatches {
            *self.by_field.entry(m.field).or_default() += 1;
        }
        if self.shown.len() < SHOWN {
            let mut line = label;
            for m in &mismatches {
                let _ = write!(
                    line,
                    "\n      {}: expected {}, got {}",
                    m.field, m.expected, m.got
                );
            }
            self.shown.push(line);
        }
    }

    /// Fails, with a summary, unless there is no disagreement at all.
    fn assert_none(&self, what: &str) {
        assert!(self.cases > 0, "{what}: no case was replayed");
        if self.disagreeing == 0 {
            return;
        }
        let by_field: Vec<String> = self
            .by_field
            .iter()
            .map(|(field, n)| format!("{field} {n}"))
            .collect();
        let mut msg = format!(
            "{what}: {} of {} cases disagree with the reference\n  disagreements by field: {}\n  first {}:\n",
            self.disagreeing,
            self.cases,
            by_field.join(", "),
            self.shown.len()
        );
        for line in &self.shown {
            let _ = writeln!(msg, "    {line}");
        }
        panic!("{msg}");
    }
}

thread_local! {
    static REPLAYING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic into an `Err` with its message. The panic hook stays quiet
/// for these panics only (on this thread, while replaying), so other failures still print.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !REPLAYING.with(Cell::get) {
                previous(info);
            }
        }));
    });
    REPLAYING.with(|r| r.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    REPLAYING.with(|r| r.set(false));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(non-string panic)".to_string())
    })
}

/// The cases of `tests/phone/<name>`, after checking its header.
fn load(name: &str) -> Vec<Map<String, Value>> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "phone", name]
        .iter()
        .collect();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    let reference = format!("phonenumbers {}", phone::METADATA_VERSION);
    assert_eq!(
        doc["header"]["reference"].as_str(),
        Some(reference.as_str()),
        "{}: generated from another reference than phone::METADATA_VERSION; \
         regenerate it with scripts/phone/reference.sh",
        path.display()
    );
    let cases: Vec<Map<String, Value>> = doc["cases"]
        .as_array()
        .unwrap_or_else(|| panic!("{}: no \"cases\" array", path.display()))
        .iter()
        .enumerate()
        .map(|(i, case)| {
            case.as_object()
                .unwrap_or_else(|| panic!("{}: case {i} is not an object", path.display()))
                .clone()
        })
        .collect();
    assert_eq!(
        doc["header"]["cases"].as_u64(),
        Some(cases.len() as u64),
        "{}: the header's case count does not match the cases",
        path.display()
    );
    cases
}

fn str_field<'a>(case: &'a Map<String, Value>, key: &str) -> &'a str {
    case.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("corpus case without string {key:?}: {case:?}"))
}

/// A string or null member (`region`).
fn opt_str_field<'a>(case: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    match case.get(key) {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) => None,
        _ => panic!("corpus case without string-or-null {key:?}: {case:?}"),
    }
}

fn show(value: Option<&str>) -> String {
    value.map_or_else(|| "null".to_string(), |s| format!("{s:?}"))
}

/// The case's expected parse error, if it has one.
fn expected_error(case: &Map<String, Value>) -> Option<&str> {
    case.contains_key("error").then(|| str_field(case, "error"))
}

#[test]
fn validity_corpus_agrees_with_reference() {
    let cases = load("validity.json");
    assert!(
        cases.len() >= MIN_VALIDITY_CASES,
        "tests/phone/validity.json has {} cases, fewer than {MIN_VALIDITY_CASES}",
        cases.len()
    );
    let mut tally = Tally::default();
    for case in &cases {
        let input = str_field(case, "input");
        let label = format!("{input:?} ({})", str_field(case, "from"));
        let got = guarded(|| phone::parse(input, None).map(|n| (n.e164(), phone::analyze(&n))));
        let mut mismatches = Vec::new();
        match (expected_error(case), got) {
            (_, Err(panic)) => mismatches.push(Mismatch::new("panic", "no panic", panic)),
            (Some(error), Ok(Err(got))) => {
                if got.as_str() != error {
                    mismatches.push(Mismatch::new("error", error, got.as_str()));
                }
            }
            (Some(error), Ok(Ok((e164, _)))) => {
                mismatches.push(Mismatch::new("error", error, format!("parsed as {e164}")))
            }
            (None, Ok(Err(got))) => mismatches.push(Mismatch::new(
                "parse",
                format!("parsed as {}", str_field(case, "e164")),
                got.as_str(),
            )),
            (None, Ok(Ok((e164, analysis)))) => {
                let want_e164 = str_field(case, "e164");
                if e164 != want_e164 {
                    mismatches.push(Mismatch::new("e164", want_e164, e164.clone()));
                }
                let want_valid = case
                    .get("valid")
                    .and_then(Value::as_bool)
                    .unwrap_or_else(|| panic!("corpus case without boolean \"valid\": {case:?}"));
                if analysis.valid != want_valid {
                    mismatches.push(Mismatch::new(
                        "valid",
                        want_valid.to_string(),
                        analysis.valid.to_string(),
                    ));
                }
                let want_region = opt_str_field(case, "region");
                if analysis.region != want_region {
                    mismatches.push(Mismatch::new(
                        "region",
                        show(want_region),
                        show(analysis.region),
                    ));
                }
                // The check's own path judges validity without the type (the likeliest
                // descriptions first): for a number that reads back as its E.164 form, it
                // must say what the reference says.
                let reads_back = phone::parse(&e164, None).is_ok_and(|n| n.e164() == e164);
                if reads_back {
                    let (valid, region) = match phone::classify(&e164[1..]) {
                        phone::Verdict::Valid { region } => (true, region),
                        _ => (false, None),
                    };
                    if (valid, region.as_deref()) != (want_valid, want_region.filter(|_| valid)) {
                        mismatches.push(Mismatch::new(
                            "classify",
                            format!("{want_valid} {}", show(want_region)),
                            format!("{valid} {}", show(region.as_deref())),
                        ));
                    }
                }
                let want_type = str_field(case, "type");
                if analysis.number_type.as_str() != want_type {
                    mismatches.push(Mismatch::new(
                        "type",
                        want_type,
                        analysis.number_type.as_str(),
                    ));
                }
            }
        }
        tally.record(label, mismatches);
    }
    tally.assert_none("tests/phone/validity.json (parse with no region, then analyze)");
}

/// A case of `normalize.json`: its input, its region and a label for reports.
fn normalize_case(case: &Map<String, Value>) -> (&str, Option<&str>, String) {
    let input = str_field(case, "input");
    let region = opt_str_field(case, "region");
    let label = format!(
        "{input:?} with region {} ({})",
        show(region),
        str_field(case, "from")
    );
    (input, region, label)
}

#[test]
fn normalize_corpus_agrees_with_reference() {
    let cases = load("normalize.json");
    let mut tally = Tally::default();
    for case in &cases {
        let (input, region, label) = normalize_case(case);
        let got = guarded(|| phone::normalize(input, region));
        let mut mismatches = Vec::new();
        match (expected_error(case), got) {
            (_, Err(panic)) => mismatches.push(Mismatch::new("panic", "no panic", panic)),
            (Some(error), Ok(Err(got))) => {
                if got.as_str() != error {
                    mismatches.push(Mismatch::new("error", error, got.as_str()));
                }
            }
            (Some(error), Ok(Ok(e164))) => mismatches.push(Mismatch::new("error", error, e164)),
            (None, Ok(Err(got))) => {
                mismatches.push(Mismatch::new("e164", str_field(case, "e164"), got.as_str()))
            }
            (None, Ok(Ok(e164))) => {
                let want = str_field(case, "e164");
                if e164 != want {
                    mismatches.push(Mismatch::new("e164", want, e164));
                }
            }
        }
        tally.record(label, mismatches);
    }
    tally.assert_none("tests/phone/normalize.json (normalize with a default region)");
}

/// The form helper over the same corpus: `normalize_phone` gives the reference's E.164 form
/// whenever that form is a well-formed E.164 number (7 to 15 digits), no value otherwise, and
/// refuses exactly the regions the metadata does not have.
#[test]
fn normalize_phone_corpus_agrees_with_reference() {
    use channel_rules::{normalize_phone, unstable::checks::phone::form, Locale, Severity};
    let cases = load("normalize.json");
    let mut tally = Tally::default();
    let (mut values, mut refused) = (0, 0);
    for case in &cases {
        let (input, region, label) = normalize_case(case);
        let got = guarded(|| normalize_phone(input, region, Locale::En));
        let supported = region.is_none_or(phone::is_supported_region);
        let want = match expected_error(case) {
            Some(_) => None,
            None => Some(str_field(case, "e164")).filter(|e| form(e).is_ok()),
        };
        let mut mismatches = Vec::new();
        match got {
            Err(panic) => mismatches.push(Mismatch::new("panic", "no panic", panic)),
            Ok(Err(_)) if !supported => refused += 1,
            Ok(Err(e)) => mismatches.push(Mismatch::new("refusal", "none", e.to_string())),
            Ok(Ok(n)) if !supported => {
                mismatches.push(Mismatch::new("refusal", "refused", format!("{n:?}")))
            }
            Ok(Ok(n)) => {
                let has_error = n.issues.iter().any(|i| i.severity == Severity::Error);
                if n.value.as_deref() != want {
                    mismatches.push(Mismatch::new(
                        "value",
                        format!("{want:?}"),
                        format!("{:?}", n.value),
                    ));
                } else if has_error == n.value.is_some() {
                    mismatches.push(Mismatch::new(
                        "issues",
                        "an error exactly when there is no value",
                        format!("{:?}", n.issues),
                    ));
                }
                values += usize::from(n.value.is_some());
            }
        }
        tally.record(label, mismatches);
    }
    println!("normalize_phone: {values} values, {refused} refused regions");
    assert!(values > 1000, "only {values} cases gave a value");
    assert!(refused > 0, "no case had a region to refuse");
    tally.assert_none("tests/phone/normalize.json (normalize_phone)");
}
