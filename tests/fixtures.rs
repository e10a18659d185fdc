//! Replays every fixture file under `tests/fixtures/` (format: `tests/fixtures/README.md`).

use channel_rules::{
    codes::CODES, complete_update, normalize_phone, pointer_of, validate, validate_str, Issue,
    Options, Report, Target,
};
use serde_json::{Map, Value};

#[path = "support/cases.rs"]
mod cases;
use cases::{bases, fixture_files, payload_of, root, Payload};

/// Every `account_data` value of a document (the credentials that must never be echoed).
fn secrets(doc: &Value, out: &mut Vec<String>) {
    let known = |k: &str| {
        channel_rules::unstable::vendors::yeastar::providers::KEY_NAMES.contains(&k)
            || k == "k"
            || k == "v"
    };
    let mut keep = |s: &str| {
        if s.chars().count() >= 4 && !known(s) {
            out.push(s.to_string());
        }
    };
    if let Some(items) = doc.get("account_data").and_then(Value::as_array) {
        for item in items.iter().filter_map(Value::as_object) {
            // Every text inside an item but the keys some kind uses: values, unknown keys,
            // and the names of members other than k and v.
            for (name, value) in item {
                keep(name);
                if let Some(s) = value.as_str() {
                    keep(s);
                }
            }
        }
    }
}

/// Whether a message still has a `{param}` placeholder (a lowercase name in braces).
fn has_placeholder(message: &str) -> bool {
    message.split('{').skip(1).any(|rest| {
        rest.split_once('}').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        })
    })
}

fn check_invariants(label: &str, report: &Report, secrets: &[String]) {
    let has_error = report
        .issues
        .iter()
        .any(|i| i.severity == channel_rules::Severity::Error);
    assert_eq!(report.valid, !has_error, "{label}: valid flag");
    check_issues(label, &report.issues);
    let outputs = [
        serde_json::to_string(report).unwrap(),
        format!("{report:?}"),
        format!("{report}"),
    ];
    for s in secrets {
        for out in &outputs {
            assert!(
                !out.contains(s.as_str()),
                "{label}: a credential value leaked into the output"
            );
        }
    }
}

/// What every issue must be: its pointer matches its path, its code is documented, its
/// message rendered.
fn check_issues(label: &str, issues: &[Issue]) {
    for issue in issues {
        assert_eq!(
            issue.pointer,
            pointer_of(&issue.path),
            "{label}: pointer vs path"
        );
        assert!(
            CODES.iter().any(|c| c.code == issue.code),
            "{label}: code {} is not in the code table",
            issue.code
        );
        assert!(!issue.message.is_empty(), "{label}: empty message");
        assert!(
            !has_placeholder(&issue.message),
            "{label}: unrendered message {:?}",
            issue.message
        );
    }
}

/// Compares issues with a case's `expect` (pointer, code, severity in order; params as a
/// subset), pushing what differs to `failures`.
fn compare(label: &str, issues: &[Issue], expected: &[Value], failures: &mut Vec<String>) {
    let got: Vec<(String, String, String)> = issues
        .iter()
        .map(|i| (i.pointer.clone(), i.code.clone(), i.severity.to_string()))
        .collect();
    let want: Vec<(String, String, String)> = expected
        .iter()
        .map(|e| {
            (
                e["pointer"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
                e["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    if got != want {
        failures.push(format!(
            "{label}\n  expected: {want:?}\n  got:      {got:?}\n  messages: {:?}",
            issues.iter().map(|i| &i.message).collect::<Vec<_>>()
        ));
        return;
    }
    for (e, i) in expected.iter().zip(issues) {
        for (k, v) in e
            .get("params")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            // `null` in a fixture means the param must be absent.
            let got = i.params.get(k).unwrap_or(&Value::Null);
            if got != v {
                failures.push(format!(
                    "{label}\n  {} param {k}: expected {v}, got {:?}",
                    i.pointer,
                    i.params.get(k)
                ));
            }
        }
    }
}

/// A `normalize_phone` case (tests/fixtures/README.md): `value`, then the issues, or
/// `refused` for a region the library must refuse.
fn normalize_case(label: &str, case: &Map<String, Value>, failures: &mut Vec<String>) {
    let call = case["normalize_phone"]
        .as_object()
        .expect("normalize_phone object");
    let input = call["input"].as_str().expect("input");
    let region = call.get("region").and_then(Value::as_str);
    let options: Options = serde_json::from_value(
        case.get("options")
            .cloned()
            .unwrap_or(Value::Object(Map::new())),
    )
    .unwrap_or_else(|e| panic!("{label}: options: {e}"));
    let got = normalize_phone(input, region, options.locale);
    if case.get("refused") == Some(&Value::Bool(true)) {
        match got {
            Err(e) => assert_eq!(Some(e.region.as_str()), region, "{label}"),
            Ok(n) => failures.push(format!("{label}\n  expected a refusal, got {n:?}")),
        }
        return;
    }
    let Ok(n) = got else {
        failures.push(format!("{label}\n  refused: {got:?}"));
        return;
    };
    check_issues(label, &n.issues);
    let has_error = n
        .issues
        .iter()
        .any(|i| i.severity == channel_rules::Severity::Error);
    assert_eq!(
        n.value.is_none(),
        has_error,
        "{label}: a value exactly when no error"
    );
    let want = case["value"].as_str();
    if n.value.as_deref() != want {
        failures.push(format!(
            "{label}\n  value: expected {want:?}, got {:?}",
            n.value
        ));
    }
    if let Some(m) = case.get("message").and_then(Value::as_str) {
        if n.issues.first().map(|i| i.message.as_str()) != Some(m) {
            failures.push(format!(
                "{label}\n  message: expected {m:?}, got {:?}",
                n.issues
            ));
        }
    }
    compare(
        label,
        &n.issues,
        case["expect"].as_array().unwrap(),
        failures,
    );
}

/// A `complete_update` case (tests/fixtures/README.md): the body and its report, or
/// `refused` with a fragment of the error.
fn update_case(
    label: &str,
    case: &Map<String, Value>,
    bases: &Map<String, Value>,
    failures: &mut Vec<String>,
) {
    let call = case["complete_update"]
        .as_object()
        .expect("complete_update object");
    let current = match call.get("current_base").and_then(Value::as_str) {
        Some(b) => bases[b].clone(),
        None => call["current"].clone(),
    };
    let changes = &call["changes"];
    let options: Options = serde_json::from_value(
        case.get("options")
            .cloned()
            .unwrap_or(Value::Object(Map::new())),
    )
    .unwrap_or_else(|e| panic!("{label}: options: {e}"));
    let got = complete_update(&current, changes, &options);
    if let Some(fragment) = case.get("refused").and_then(Value::as_str) {
        match got {
            Err(e) if e.to_string().contains(fragment) => {}
            other => failures.push(format!(
                "{label}\n  expected a refusal with {fragment:?}, got {other:?}"
            )),
        }
        return;
    }
    let (body, report) = match got {
        Ok(done) => done,
        Err(e) => {
            failures.push(format!("{label}\n  refused: {e}"));
            return;
        }
    };
    if let Some(want) = case.get("body") {
        if &body != want {
            failures.push(format!(
                "{label}\n  body: expected {want}\n        got      {body}"
            ));
        }
    }
    // The report is `validate` of the body with `current`, exactly.
    let again = validate(
        Target::YeastarMessageChannelUpdate,
        &body,
        &options.clone().with_current(current.clone()),
    );
    assert_eq!(report, again, "{label}: the report is validate of the body");
    let mut secret_values = Vec::new();
    secrets(&current, &mut secret_values);
    secrets(changes, &mut secret_values);
    check_invariants(label, &report, &secret_values);
    compare(
        label,
        &report.issues,
        case["expect"].as_array().unwrap(),
        failures,
    );
}

#[test]
fn fixtures() {
    let bases = bases();
    let mut files = Vec::new();
    fixture_files(&root().join("tests/fixtures"), &mut files);
    assert!(!files.is_empty(), "no fixture files");
    let mut cases = 0;
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let rel = file.strip_prefix(root()).unwrap().display().to_string();
        for case in doc["cases"]
            .as_array()
            .unwrap_or_else(|| panic!("{rel}: no cases"))
        {
            let case = case.as_object().unwrap();
            let name = case["name"].as_str().unwrap();
            let label = format!("{rel}: {name}");
            cases += 1;
            if case.contains_key("normalize_phone") {
                normalize_case(&label, case, &mut failures);
                continue;
            }
            if case.contains_key("complete_update") {
                update_case(&label, case, &bases, &mut failures);
                continue;
            }
            let target: Target = case["target"].as_str().unwrap().parse().unwrap();
            let mut opts_json = case
                .get("options")
                .cloned()
                .unwrap_or(Value::Object(Map::new()));
            if let Some(b) = case.get("current_base").and_then(Value::as_str) {
                opts_json["current"] = bases[b].clone();
            }
            let options: Options = serde_json::from_value(opts_json)
                .unwrap_or_else(|e| panic!("{label}: options: {e}"));
            let payload = payload_of(case, &bases);
            let mut secret_values = Vec::new();
            let report = match &payload {
                Payload::Value(v) => {
                    secrets(v, &mut secret_values);
                    let report = validate(target, v, &options);
                    // The same document as text reads the same (the text path reads a
                    // create's kind by a scan of the text, the value path from the value).
                    let text = validate_str(target, &v.to_string(), &options);
                    assert_eq!(report, text, "{label}: validate_str of the same document");
                    report
                }
                Payload::Text(t) => {
                    if let Ok(v) = serde_json::from_str::<Value>(t) {
                        secrets(&v, &mut secret_values);
                    }
                    validate_str(target, t, &options)
                }
            };
            if let Some(c) = &options.current {
                secrets(c, &mut secret_values);
            }
            check_invariants(&label, &report, &secret_values);
            compare(
                &label,
                &report.issues,
                case["expect"].as_array().unwrap(),
                &mut failures,
            );
        }
    }
    println!("{cases} fixture cases in {} files", files.len());
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
