//! The invariants every fuzz target holds each report to, and the targets' bodies (the
//! `fuzz_targets/*.rs` files only hand their input to a function here).
//!
//! Every report, whatever the input ([`check_report`]):
//! - `valid` is true exactly when no issue is an error;
//! - every issue's `pointer` is `pointer_of(path)`, and the path resolves in the document,
//!   or names a missing member of an object that is there, or is `""`; a malformed or too
//!   deep text has exactly one issue, at `""`;
//! - codes are in the code table with their severity; messages rendered, at most
//!   [`MAX_MESSAGE`] characters;
//! - no credential appears in the serialized report, its `Debug` or its `Display`
//!   ([`leaked_credential`] says what counts as one);
//! - the limits of shared/spec/INTERFACE.md ("Limits"): at most 1,000 issues and then one
//!   last `report.truncated` at `""`; quoted text in params cut to 64 characters plus
//!   `...`; deeper than 128 levels is one `json.too_deep`; a member name given twice in one
//!   object is `field.duplicate` at the later one.
//!
//! `FUZZ_SKIP_LIMITS=1` in the environment turns the limit checks off (to look for other
//! bugs while the limits are not implemented).

pub mod embedded;
pub mod gen;
pub mod json;
pub mod setup;
pub mod targets;

use channel_rules::codes::CODES;
use channel_rules::unstable::messages;
use channel_rules::unstable::schema::describe::describe;
use channel_rules::unstable::vendors::yeastar::providers::PROVIDERS;
use channel_rules::{
    pointer_of, validate, Issue, Kind, Locale, Options, Report, Segment, Severity, Target,
};
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Most issues a report lists before `report.truncated` (INTERFACE.md, "Limits").
pub const MAX_ISSUES: usize = 1000;
/// Deepest nesting checked; deeper text is `json.too_deep` (INTERFACE.md, "Limits").
pub const MAX_DEPTH: usize = 128;
/// Longest quoted text in a param, before the `...` (INTERFACE.md, "Limits").
pub const MAX_QUOTED: usize = 64;
/// A bound on messages: a template, and a few quoted texts of at most 67 characters.
pub const MAX_MESSAGE: usize = 600;
/// Params whose text is the rules' own (a pattern and what it describes), never the
/// payload's, so not cut. None of them is longer than 64 characters today either.
pub const LONG_PARAMS: &[&str] = &["pattern", "expected"];

/// Options from their parts (`Options` is `#[non_exhaustive]`: no struct expression).
pub fn options(
    channel: Option<Kind>,
    current: Option<Value>,
    locale: Locale,
    assignment_modes: Option<Vec<String>>,
) -> Options {
    let mut o = Options::default();
    o.channel = channel;
    o.current = current;
    o.locale = locale;
    o.assignment_modes = assignment_modes;
    o
}

/// Whether the limit invariants are checked (not when `FUZZ_SKIP_LIMITS` is set).
pub fn limits_checked() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("FUZZ_SKIP_LIMITS").is_none_or(|v| v.is_empty()))
}

/// Panics with the report attached, so that a crash says what was seen.
macro_rules! fail {
    ($report:expr, $($arg:tt)*) => {
        panic!("invariant failed: {}\nreport: {}", format!($($arg)*),
            serde_json::to_string(&$report).unwrap_or_default())
    };
}
pub(crate) use fail;

/// What the report is about.
pub enum Doc<'a> {
    /// A document (parsed from the text, or given as a value).
    Value(&'a Value),
    /// Text that is not one JSON value (`json.syntax` expected).
    Malformed,
    /// Bytes that are not UTF-8 (`json.syntax`, or `json.too_deep` when also too deep and
    /// the depth is read first).
    NotUtf8 {
        /// Nested deeper than [`MAX_DEPTH`] (as far as a lossy reading tells).
        deep: bool,
    },
    /// Text nested deeper than [`MAX_DEPTH`]; `well_formed` when it is certainly JSON
    /// otherwise (then only `json.too_deep` is right).
    TooDeep {
        /// Well-formed apart from its depth (`None`: not known).
        well_formed: Option<bool>,
    },
}

/// Checks a report of `target` on `doc` under `options` (see the module docs).
pub fn check_report(target: Target, doc: &Doc, options: &Options, report: &Report) {
    check_report_with(target, doc, options, report, None, true)
}

/// [`check_report`], except that credentials are looked for in the report's strings one by
/// one, not also in its JSON, `Debug` and `Display` forms (which add no string of their
/// own, only escapes and punctuation; see [`leaked_credential`]). For a report that is
/// also checked in full elsewhere (the structured target's value report, equal to its text
/// report).
pub fn check_report_quick(target: Target, doc: &Doc, options: &Options, report: &Report) {
    check_report_with(target, doc, options, report, None, false)
}

/// [`check_report`], with the places of the text when a repeated member name hides some of
/// them from the parsed document (a pointer may then name either value).
pub fn check_report_with(
    target: Target,
    doc: &Doc,
    options: &Options,
    report: &Report,
    paths: Option<&json::Paths>,
    serialized: bool,
) {
    // `valid` is false exactly when an error is listed; a truncated report is also invalid
    // when an error was left out (INTERFACE.md, "Limits"), so there only "an error listed
    // means invalid" is checked.
    let has_error = report.issues.iter().any(|i| i.severity == Severity::Error);
    let truncated = limits_checked()
        && report
            .issues
            .last()
            .is_some_and(|i| i.code == "report.truncated");
    let excused = truncated && !report.valid;
    if report.valid == has_error && !excused {
        fail!(
            report,
            "valid is {} with has_error {}",
            report.valid,
            has_error
        );
    }
    for issue in &report.issues {
        check_issue(issue, report, options);
    }
    check_truncation(report);
    match doc {
        Doc::Value(v) if limits_checked() && json::depth(v) > MAX_DEPTH => {
            one_document_issue(report, &["json.too_deep"]);
        }
        Doc::Value(v) => {
            for issue in &report.issues {
                check_location(v, issue, report, paths);
                if matches!(issue.code.as_str(), "json.syntax" | "json.too_deep") {
                    fail!(report, "{} for a document that parses", issue.code);
                }
            }
            if let Some(leak) = leaked_credential(target, v, options, report, paths, serialized) {
                fail!(report, "credential {leak:?} appears in the report");
            }
        }
        Doc::Malformed => {
            one_document_issue(report, &["json.syntax"]);
        }
        Doc::NotUtf8 { deep: false } => one_document_issue(report, &["json.syntax"]),
        Doc::NotUtf8 { deep: true } => {
            one_document_issue(report, &["json.syntax", "json.too_deep"])
        }
        Doc::TooDeep { well_formed } => {
            if !limits_checked() {
                one_document_issue(report, &["json.syntax", "json.too_deep"]);
            } else if *well_formed == Some(true) {
                one_document_issue(report, &["json.too_deep"]);
            } else {
                one_document_issue(report, &["json.too_deep", "json.syntax"]);
            }
            let i = &report.issues[0];
            if limits_checked()
                && i.code == "json.too_deep"
                && i.params.get("limit") != Some(&Value::from(MAX_DEPTH))
            {
                fail!(report, "json.too_deep without limit {MAX_DEPTH}");
            }
        }
    }
    let shown = format!("{options:?}");
    if let Some(cur) = &options.current {
        for c in candidates(cur) {
            if shown.contains(c.as_str()) {
                fail!(report, "Options Debug shows {c:?} of current");
            }
        }
    }
}

/// A report that must be exactly one error at `""` with one of `codes`.
fn one_document_issue(report: &Report, codes: &[&str]) {
    let ok = report.issues.len() == 1
        && report.issues[0].pointer.is_empty()
        && report.issues[0].severity == Severity::Error
        && codes.contains(&report.issues[0].code.as_str())
        && !report.valid;
    if !ok {
        fail!(
            report,
            "expected one error at \"\" with a code of {codes:?}"
        );
    }
}

/// The issue on its own: pointer vs path, code, severity, message, params.
fn check_issue(issue: &Issue, report: &Report, options: &Options) {
    if issue.pointer != pointer_of(&issue.path) {
        fail!(
            report,
            "pointer {:?} is not the pointer of its path {:?}",
            issue.pointer,
            issue.path
        );
    }
    match CODES.iter().find(|c| c.code == issue.code) {
        None => fail!(report, "code {} is not in the code table", issue.code),
        Some(c) => {
            if c.severity != "either" && c.severity != issue.severity.as_str() {
                fail!(
                    report,
                    "{} is a {} in the code table, reported as {}",
                    c.code,
                    c.severity,
                    issue.severity
                );
            }
        }
    }
    if issue.message.is_empty() || has_placeholder(issue) {
        fail!(report, "message not rendered: {:?}", issue.message);
    }
    if limits_checked() {
        let n = issue.message.chars().count();
        if n > MAX_MESSAGE {
            fail!(report, "message of {n} characters (most {MAX_MESSAGE})");
        }
        for (k, v) in &issue.params {
            if !LONG_PARAMS.contains(&k) {
                check_quoted(k, v, report, options);
            }
        }
    }
}

/// A param's text (strings, also inside lists) is cut to 64 characters plus `...`. The
/// caller's own `assignment_modes` (listed as `allowed`) are not the payload's text.
fn check_quoted(name: &str, v: &Value, report: &Report, options: &Options) {
    match v {
        Value::String(s) if options.assignment_modes.iter().flatten().any(|m| m == s) => {}
        Value::String(s) => {
            let n = s.chars().count();
            if n > MAX_QUOTED + 3 || (n > MAX_QUOTED && !s.ends_with("...")) {
                fail!(
                    report,
                    "param {name} has {n} characters (most {MAX_QUOTED} and '...')"
                );
            }
        }
        Value::Array(a) => a
            .iter()
            .for_each(|v| check_quoted(name, v, report, options)),
        Value::Object(m) => m
            .values()
            .for_each(|v| check_quoted(name, v, report, options)),
        _ => {}
    }
}

/// At most 1,000 issues, then one `report.truncated` at `""`, last, with `limit`.
fn check_truncation(report: &Report) {
    if !limits_checked() {
        return;
    }
    let n = report.issues.len();
    let truncated: Vec<usize> = (0..n)
        .filter(|&i| report.issues[i].code == "report.truncated")
        .collect();
    match truncated.as_slice() {
        [] if n > MAX_ISSUES => fail!(
            report,
            "{n} issues and no report.truncated (at most {MAX_ISSUES})"
        ),
        [] => {}
        [i] => {
            let t = &report.issues[*i];
            if *i != n - 1 || n != MAX_ISSUES + 1 {
                fail!(report, "report.truncated at index {i} of {n} issues (must be the last, after {MAX_ISSUES})");
            }
            if !t.pointer.is_empty() || t.params.get("limit") != Some(&Value::from(MAX_ISSUES)) {
                fail!(
                    report,
                    "report.truncated must be at \"\" with limit {MAX_ISSUES}"
                );
            }
        }
        _ => fail!(report, "report.truncated {} times", truncated.len()),
    }
}

/// The `{param}` names of every template of `code` (any locale, any reason).
fn template_params(code: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    for l in Locale::ALL {
        for (k, t) in messages::catalogue(*l) {
            if *k == code || k.strip_prefix(code).is_some_and(|r| r.starts_with('#')) {
                let mut rest = *t;
                while let Some(open) = rest.find('{') {
                    let after = &rest[open + 1..];
                    let Some(close) = after.find('}') else { break };
                    out.insert(after[..close].to_string());
                    rest = &after[close + 1..];
                }
            }
        }
    }
    out
}

/// Whether the message still has one of its template's `{param}` placeholders (one that
/// does not come from a param's own text, which may be anything).
fn has_placeholder(issue: &Issue) -> bool {
    static P: OnceLock<std::collections::HashMap<&'static str, HashSet<String>>> = OnceLock::new();
    let all = P.get_or_init(|| {
        CODES
            .iter()
            .map(|c| (c.code, template_params(c.code)))
            .collect()
    });
    let Some(names) = all.get(issue.code.as_str()) else {
        return false;
    };
    let quoted = serde_json::to_string(&issue.params).unwrap_or_default();
    names.iter().any(|n| {
        let ph = format!("{{{n}}}");
        issue.message.contains(&ph) && !quoted.contains(&ph)
    })
}

/// The value at `path`, walking keys into objects and indexes into arrays only.
pub fn resolve<'a>(doc: &'a Value, path: &[Segment]) -> Option<&'a Value> {
    let mut v = doc;
    for s in path {
        v = match (s, v) {
            (Segment::Key(k), Value::Object(m)) => m.get(k)?,
            (Segment::Index(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// [`resolve`], for changing the value.
pub fn resolve_mut<'a>(doc: &'a mut Value, path: &[Segment]) -> Option<&'a mut Value> {
    let mut v = doc;
    for s in path {
        v = match (s, v) {
            (Segment::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Segment::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

/// The issue's path is in the document, or is a missing member of an object that is.
fn check_location(doc: &Value, issue: &Issue, report: &Report, paths: Option<&json::Paths>) {
    if issue.path.is_empty() {
        return;
    }
    if let Some(p) = paths {
        let parent = pointer_of(&issue.path[..issue.path.len() - 1]);
        let member = matches!(issue.path.last(), Some(Segment::Key(_)));
        if p.values.contains(&issue.pointer) || (member && p.objects.contains(&parent)) {
            return;
        }
    }
    if resolve(doc, &issue.path).is_some() {
        if doc.pointer(&issue.pointer).is_none() {
            fail!(
                report,
                "path resolves but pointer {:?} does not",
                issue.pointer
            );
        }
        return;
    }
    let (last, parent) = issue.path.split_last().unwrap();
    let ok = matches!(
        (last, resolve(doc, parent)),
        (Segment::Key(k), Some(Value::Object(m))) if !m.contains_key(k)
    );
    if !ok {
        fail!(
            report,
            "pointer {:?} ({}) is not in the document, nor a missing member of an object in it",
            issue.pointer,
            issue.code
        );
    }
}

// ---- credentials --------------------------------------------------------------------------

/// The names an `account_data` item may use that are no secret: `k`, `v` and every key of
/// the provider table.
fn key_vocabulary() -> &'static HashSet<&'static str> {
    static V: OnceLock<HashSet<&'static str>> = OnceLock::new();
    V.get_or_init(|| {
        let mut s: HashSet<&str> = ["k", "v"].into();
        for p in PROVIDERS {
            s.extend(p.required.iter().chain(p.optional));
        }
        s
    })
}

/// Whether a string found in `account_data` counts as a credential for the leak check:
/// 6 characters or more, no whitespace, a letter, and something besides `a-z`, `_`, `.`
/// (upper case, a digit or a symbol), and not a character name a message may print for a
/// character of the value (`U+000B`).
fn is_candidate(s: &str) -> bool {
    s.chars().count() >= 6
        && !s.chars().any(char::is_whitespace)
        && s.chars().any(|c| c.is_alphabetic())
        && s.chars()
            .any(|c| !(c.is_ascii_lowercase() || c == '_' || c == '.'))
        && !(s.starts_with("U+") && s[2..].chars().all(|c| c.is_ascii_hexdigit()))
        && !key_vocabulary().contains(s)
}

/// Every string inside `doc.account_data` (values, and member names of the items other than
/// the key vocabulary), whatever its shape.
fn collect_account_data(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|v| collect_account_data(v, out)),
        Value::Object(m) => {
            for (k, v) in m {
                out.push(k.clone());
                collect_account_data(v, out);
            }
        }
        _ => {}
    }
}

/// The credential candidates of a document (or `current`).
pub fn candidates(doc: &Value) -> Vec<String> {
    let mut all = Vec::new();
    if let Some(ad) = doc.get("account_data") {
        if doc.is_object() {
            collect_account_data(ad, &mut all);
        }
    }
    let mut seen = HashSet::new();
    all.into_iter()
        .filter(|s| is_candidate(s) && seen.insert(s.clone()))
        .collect()
}

/// Every string and member name of a document outside its top-level `account_data`.
fn strings_outside(doc: &Value, out: &mut Vec<String>) {
    fn all(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|v| all(v, out)),
            Value::Object(m) => {
                for (k, v) in m {
                    out.push(k.clone());
                    all(v, out);
                }
            }
            _ => {}
        }
    }
    match doc {
        Value::Object(m) => {
            for (k, v) in m {
                out.push(k.clone());
                if k != "account_data" {
                    all(v, out);
                }
            }
        }
        other => all(other, out),
    }
}

/// Text the library writes of its own: messages of every locale, codes, target ids, and
/// every target's description (field names, patterns, enum values, docs, key names).
fn boilerplate() -> &'static str {
    static B: OnceLock<String> = OnceLock::new();
    B.get_or_init(|| {
        let mut s = String::new();
        for l in Locale::ALL {
            for (k, t) in messages::catalogue(*l) {
                s.push_str(k);
                s.push('\0');
                s.push_str(t);
                s.push('\0');
            }
        }
        for c in CODES {
            s.push_str(c.code);
            s.push('\0');
            s.push_str(c.meaning);
            s.push('\0');
        }
        s.push_str(&serde_json::to_string(PROVIDERS).unwrap());
        let mut rows = std::collections::BTreeSet::new();
        for t in Target::ALL {
            s.push_str(t.id());
            s.push('\0');
            let mut kinds: Vec<Option<Kind>> = vec![None];
            kinds.extend(Kind::all().map(Some));
            for k in kinds {
                let o = options(k, None, Locale::En, None);
                rows.extend(
                    describe(*t, &o)
                        .iter()
                        .map(|f| serde_json::to_string(f).unwrap()),
                );
            }
        }
        for r in rows {
            s.push_str(&r);
            s.push('\0');
        }
        s
    })
}

/// Every string of a report one by one: pointers, path segments, codes, messages, param
/// names and values.
fn report_strings(report: &Report) -> Vec<String> {
    fn value(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|v| value(v, out)),
            Value::Object(m) => {
                for (k, v) in m {
                    out.push(k.clone());
                    value(v, out);
                }
            }
            other => out.push(other.to_string()),
        }
    }
    let mut out = Vec::new();
    for i in &report.issues {
        out.push(i.pointer.clone());
        for s in &i.path {
            if let Segment::Key(k) = s {
                out.push(k.clone());
            }
        }
        out.push(i.code.clone());
        out.push(i.message.clone());
        for (k, v) in &i.params {
            out.push(k.to_string());
            value(v, &mut out);
        }
    }
    out
}

/// The document with every credential candidate in its `account_data` replaced by a
/// placeholder (names kept unique).
fn with_placeholders(doc: &Value) -> Value {
    fn ph(s: &str, n: &mut usize) -> String {
        if is_candidate(s) {
            *n += 1;
            format!("ph{n}")
        } else {
            s.to_string()
        }
    }
    fn walk(v: &Value, n: &mut usize) -> Value {
        match v {
            Value::String(s) => Value::String(ph(s, n)),
            Value::Array(a) => Value::Array(a.iter().map(|v| walk(v, n)).collect()),
            Value::Object(m) => {
                let mut out = Map::new();
                for (k, v) in m {
                    let k2 = ph(k, n);
                    let v2 = walk(v, n);
                    out.insert(k2, v2);
                }
                Value::Object(out)
            }
            other => other.clone(),
        }
    }
    let mut d = doc.clone();
    if let Some(ad) = d.get_mut("account_data") {
        let mut n = 0;
        *ad = walk(ad, &mut n);
    }
    d
}

/// Characters that make a candidate unfit for a search in serialized text (JSON and Debug
/// escape them, and they join neighbouring fields).
const STRUCTURAL: &[char] = &['"', '\\', ',', ':', '{', '}', '[', ']', '(', ')'];

fn appears(strings: &[String], outputs: &[String], c: &str) -> bool {
    strings.iter().any(|s| s.contains(c))
        || (!c.contains(STRUCTURAL) && outputs.iter().any(|o| o.contains(c)))
}

/// The first credential of the document or of `options.current` that the report shows, if
/// any. A credential is a string inside `account_data` ([`candidates`]); one that also
/// occurs elsewhere in the document or in `current` (inside another string too), or in the
/// library's own text ([`boilerplate`]), or that the report of the same document with the
/// credentials replaced still shows, is not counted: quoting it is then legitimate.
///
/// "Shows" means: inside one of the report's strings (a pointer, a path segment, a code, a
/// message, a param name or value), or, with `serialized`, anywhere in its JSON, `Debug` or
/// `Display` text (for a candidate without quotes, commas, colons, brackets or
/// parentheses, which those forms use to join fields).
pub fn leaked_credential(
    target: Target,
    doc: &Value,
    options: &Options,
    report: &Report,
    paths: Option<&json::Paths>,
    serialized: bool,
) -> Option<String> {
    let mut cands = candidates(doc);
    if let Some(cur) = &options.current {
        cands.extend(candidates(cur));
    }
    if cands.is_empty() {
        return None;
    }
    let strings = report_strings(report);
    let outputs: Vec<String> = if serialized {
        vec![
            serde_json::to_string(report).unwrap(),
            format!("{report:?}"),
            format!("{report}"),
        ]
    } else {
        Vec::new()
    };
    let shown: Vec<&String> = cands
        .iter()
        .filter(|c| appears(&strings, &outputs, c))
        .collect();
    if shown.is_empty() {
        return None;
    }
    let mut elsewhere = Vec::new();
    strings_outside(doc, &mut elsewhere);
    if let Some(cur) = &options.current {
        strings_outside(cur, &mut elsewhere);
    }
    elsewhere.extend(options.assignment_modes.iter().flatten().cloned());
    if let Some(p) = paths {
        elsewhere.extend(p.strings_outside_account_data.iter().cloned());
    }
    let shown: Vec<&String> = shown
        .into_iter()
        .filter(|c| !elsewhere.iter().any(|s| s.contains(c.as_str())))
        // Quoting punctuation around a word of the rules (a "did you mean 'api_key'?" for
        // a `k` of `api_key'`) is the library's text too.
        .filter(|c| {
            let core = c.trim_matches(|ch: char| "'\"()[]{},;:?!.".contains(ch));
            !boilerplate().contains(core)
        })
        .collect();
    if shown.is_empty() {
        return None;
    }
    // The same document without its credentials: what it still shows is not theirs. With a
    // repeated member name the parsed value lacks a part of the text: the text is edited.
    let mut options2 = options.clone();
    options2.current = options.current.as_ref().map(with_placeholders);
    let report2 = match paths {
        Some(p) => channel_rules::validate_str(
            target,
            &p.replace_account_data(&p.text, is_candidate),
            &options2,
        ),
        None => validate(target, &with_placeholders(doc), &options2),
    };
    let strings2 = report_strings(&report2);
    let outputs2 = [
        serde_json::to_string(&report2).unwrap(),
        format!("{report2:?}"),
        format!("{report2}"),
    ];
    shown
        .into_iter()
        .find(|c| !appears(&strings2, &outputs2, c))
        .cloned()
}

// ---- text inputs --------------------------------------------------------------------------

/// How the library must read a text, as the fuzzers work it out on their own; `Ok` with the
/// document when it is JSON within the depth limit.
pub fn read_text(text: &str) -> (Result<Value, Doc<'static>>, json::Scan) {
    let scan = json::scan(text);
    // Without the limit checks, serde_json's own limit (127 levels) is accepted as well.
    let limit = if limits_checked() {
        MAX_DEPTH
    } else {
        MAX_DEPTH - 1
    };
    if scan.max_depth > limit {
        let well_formed = (!scan.uncertain).then_some(scan.well_formed);
        return (Err(Doc::TooDeep { well_formed }), scan);
    }
    let parsed = json::parse_unbounded(text);
    if !scan.uncertain && parsed.is_ok() != scan.well_formed {
        panic!(
            "fuzz harness: json::scan says well-formed {} where serde_json says {:?}",
            scan.well_formed,
            parsed.as_ref().err()
        );
    }
    (parsed.map_err(|_| Doc::Malformed), scan)
}

/// The Yeastar kind whose rules apply, as the library picks it: a create payload's
/// `channel`; for an update the `channel` option, else `current`'s `channel`.
pub fn kind_of(target: Target, doc: &Value, options: &Options) -> Option<Kind> {
    let named = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .and_then(|s| s.parse::<Kind>().ok())
    };
    match target {
        Target::YeastarMessageChannelCreate => named(doc.get("channel")),
        Target::YeastarMessageChannelUpdate => options
            .channel
            .or_else(|| named(options.current.as_ref().and_then(|c| c.get("channel")))),
        _ => None,
    }
}

/// What [`check_text`] learnt of the text.
pub struct TextCheck {
    /// The document, when the text is JSON within the depth limit.
    pub doc: Option<Value>,
    /// Some member name is given twice in one object.
    pub duplicates: bool,
}

/// All the invariants of a report on JSON text (`bytes`, which may not be UTF-8): those of
/// [`check_report`], then `field.duplicate` for every repeated member name, and the report
/// equal to `validate` of the parsed document when no name repeats.
pub fn check_text(target: Target, bytes: &[u8], options: &Options, report: &Report) -> TextCheck {
    check_text_with(target, bytes, options, report, true)
}

/// [`check_text`]; `revalidate: false` leaves out the comparison with `validate` of the
/// parsed document (for a caller that compares with the report of the same value itself).
pub fn check_text_with(
    target: Target,
    bytes: &[u8],
    options: &Options,
    report: &Report,
    revalidate: bool,
) -> TextCheck {
    let none = TextCheck {
        doc: None,
        duplicates: false,
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        // validate_bytes: invalid UTF-8 is malformed JSON (or too deep, if read first).
        let lossy = String::from_utf8_lossy(bytes);
        let deep = json::scan(&lossy).max_depth > MAX_DEPTH;
        check_report(target, &Doc::NotUtf8 { deep }, options, report);
        return none;
    };
    let (read, scan) = read_text(text);
    let doc = match read {
        Ok(doc) => doc,
        Err(d) => {
            check_report(target, &d, options, report);
            return none;
        }
    };
    let paths = if scan.duplicates.is_empty() {
        None
    } else {
        json::scan_paths(text).paths
    };
    check_report_with(
        target,
        &Doc::Value(&doc),
        options,
        report,
        paths.as_ref(),
        true,
    );
    let truncated = report.issues.iter().any(|i| i.code == "report.truncated");
    if limits_checked() {
        let severity = if target.is_request() {
            Severity::Error
        } else {
            Severity::Warning
        };
        // A repeat inside an `account_data` item may be reported at the item (naming the
        // member could show a secret); anywhere else at the later member itself.
        // A name too long to quote (over 64 characters) may be reported at its object.
        let covers = |issue: &[Segment], dup: &[Segment]| {
            let long =
                matches!(dup.last(), Some(Segment::Key(k)) if k.chars().count() > MAX_QUOTED);
            issue == dup
                || (long && issue == &dup[..dup.len() - 1])
                || (issue.len() >= 2
                    && dup.starts_with(issue)
                    && issue[0] == Segment::Key("account_data".into()))
        };
        let dup_issues: Vec<&Issue> = report
            .issues
            .iter()
            .filter(|i| i.code == "field.duplicate")
            .collect();
        // Required in the objects the rules walk (read past elsewhere, as an unknown member's
        // value is); allowed anywhere a name repeats.
        let tree = gen::schema(target, kind_of(target, &doc, options));
        let walked = |d: &[Segment]| {
            let parent = &d[..d.len() - 1];
            match parent {
                [Segment::Key(a), Segment::Index(_)] if a == "account_data" => {
                    tree.at(&parent[..1]).is_some_and(|n| n.keyed.is_some())
                }
                _ => tree
                    .at(parent)
                    .is_some_and(|n| n.json_type == "object" && !n.members.is_empty()),
            }
        };
        for d in scan.duplicates.iter().filter(|d| walked(d)) {
            if !truncated && !dup_issues.iter().any(|i| covers(&i.path, d)) {
                fail!(
                    report,
                    "member {:?} is given twice, and no field.duplicate is reported there",
                    pointer_of(d)
                );
            }
        }
        for i in &dup_issues {
            if !scan.duplicates.iter().any(|d| covers(&i.path, d)) {
                fail!(
                    report,
                    "field.duplicate at {:?}, where no member name is given twice",
                    i.pointer
                );
            }
            if i.severity != severity {
                fail!(report, "field.duplicate is a {} for {}", i.severity, target);
            }
        }
    }
    if revalidate && scan.duplicates.is_empty() {
        let again = validate(target, &doc, options);
        if &again != report {
            fail!(
                report,
                "validate of the parsed document differs: {}",
                serde_json::to_string(&again).unwrap()
            );
        }
    }
    TextCheck {
        duplicates: !scan.duplicates.is_empty(),
        doc: Some(doc),
    }
}

// ---- validate_field -----------------------------------------------------------------------

/// RFC 6901, as `validate_field` must check it: `""`, or `/` first; every `~` followed by
/// `0` or `1`.
pub fn is_pointer(p: &str) -> bool {
    let b = p.as_bytes();
    (p.is_empty() || p.starts_with('/'))
        && b.iter()
            .enumerate()
            .all(|(i, c)| *c != b'~' || matches!(b.get(i + 1), Some(b'0' | b'1')))
}

/// `inner` is `outer` or below it, segment by segment.
pub fn is_within(inner: &str, outer: &str) -> bool {
    inner == outer || (inner.starts_with(outer) && inner[outer.len()..].starts_with('/'))
}

// ---- complete_update ----------------------------------------------------------------------

/// Every string value and member name in `v`.
fn all_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|v| all_strings(v, out)),
        Value::Object(m) => {
            for (k, v) in m {
                out.push(k.clone());
                all_strings(v, out);
            }
        }
        _ => {}
    }
}

/// The key `complete_update` matches items by: a string or a number (nested values never).
fn item_key(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(format!("s{s}")),
        Value::Number(n) => Some(format!("n{n}")),
        _ => None,
    }
}

/// The invariants of `complete_update(current, changes, options)` (INTERFACE.md, "Safe
/// updates"; the rules as src/update.rs documents them):
/// - refused (`Err`) only for inputs it may refuse: `current` or `changes` not an object,
///   nested too deep, another id, or routing-rule edits (`dids`) that do not match;
/// - the report is `validate(yeastar.message_channel.update, body)` with `current`, and
///   passes [`check_report`] (no credential of the body or of `current` shown);
/// - `body.account_data` is exactly `changes.account_data` (absent when it has none): no
///   credential of `current` ever reaches the body, unless the changes (or `current`
///   outside its `account_data`) give the same text;
/// - `body.id` is the changes' id, else the current one; every other member the changes
///   give is in the body as given (`dids` given as a list is edited instead); a member of
///   the kind's field table that the changes leave out is kept from `current`;
/// - with `dids` given as a list: every current rule is kept except those deleted by an
///   explicit `{"id": N, "delete": true}`, new rules are added, and no `delete` member is
///   left in the body.
pub fn check_complete_update(
    current: &Value,
    changes: &Value,
    options: &Options,
    result: &Result<(Value, Report), channel_rules::UpdateError>,
) {
    let empty = Report::default();
    let (Some(cur), Some(ch)) = (current.as_object(), changes.as_object()) else {
        if result.is_ok() {
            fail!(
                empty,
                "complete_update accepted a current or changes that is not an object"
            );
        }
        return;
    };
    let deep = json::depth(current) > MAX_DEPTH || json::depth(changes) > MAX_DEPTH;
    let (body, report) = match result {
        Err(e) => {
            let other_id = matches!((ch.get("id"), cur.get("id")), (Some(a), Some(b)) if a != b);
            let edits_dids = ch.get("dids").is_some_and(Value::is_array);
            if !deep && !other_id && !edits_dids {
                fail!(empty, "complete_update refused plain changes: {e}");
            }
            return;
        }
        Ok(r) => r,
    };
    if deep && limits_checked() {
        fail!(
            report,
            "complete_update accepted input nested deeper than {MAX_DEPTH} levels"
        );
    }
    let mut with_current = options.clone();
    with_current.current = Some(current.clone());
    check_report(
        Target::YeastarMessageChannelUpdate,
        &Doc::Value(body),
        &with_current,
        report,
    );
    let again = validate(Target::YeastarMessageChannelUpdate, body, &with_current);
    if &again != report {
        fail!(
            report,
            "the report is not validate of the body with current: {}",
            serde_json::to_string(&again).unwrap()
        );
    }
    let Some(b) = body.as_object() else {
        fail!(report, "the body is not an object");
    };
    if b.get("account_data") != ch.get("account_data") {
        fail!(
            report,
            "account_data of the body is not the one of the changes"
        );
    }
    let mut given = Vec::new();
    all_strings(changes, &mut given);
    strings_outside(current, &mut given);
    let mut sent = Vec::new();
    all_strings(body, &mut sent);
    for c in candidates(current) {
        if sent.iter().any(|s| s.contains(c.as_str()))
            && !given.iter().any(|s| s.contains(c.as_str()))
        {
            fail!(
                report,
                "credential {c:?} of current is copied into the body"
            );
        }
    }
    if b.get("id") != ch.get("id").or_else(|| cur.get("id")) {
        fail!(
            report,
            "id of the body is not the changes' or the current one"
        );
    }
    for (k, v) in ch {
        if !(k == "dids" && v.is_array()) && b.get(k) != Some(v) {
            fail!(
                report,
                "member {k:?} of the changes is not in the body as given"
            );
        }
    }
    let kind = options.channel.or_else(|| {
        cur.get("channel")
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
    });
    let tree = gen::schema(Target::YeastarMessageChannelUpdate, kind);
    for (k, node) in &tree.members {
        if k != "account_data" && cur.contains_key(k) && !ch.contains_key(k) && !b.contains_key(k) {
            fail!(report, "member {k:?} of current is not kept");
        }
        let _ = node;
    }
    // Routing rules edited.
    if let (Some(Value::Array(edits)), Some(Value::Array(out))) = (ch.get("dids"), b.get("dids")) {
        let now: &[Value] = cur
            .get("dids")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice);
        let deleted: Vec<String> = edits
            .iter()
            .filter(|e| e.get("delete") == Some(&Value::Bool(true)))
            .filter_map(|e| item_key(e.get("id")))
            .collect();
        let labels: Vec<&str> = now
            .iter()
            .filter_map(|i| i.get("did_number").and_then(Value::as_str))
            .collect();
        let mut keys_now: Vec<String> = now.iter().filter_map(|i| item_key(i.get("id"))).collect();
        let unique_keys = {
            let n = keys_now.len();
            keys_now.sort();
            keys_now.dedup();
            keys_now.len() == n
        };
        let added = edits
            .iter()
            .filter(|e| match e {
                Value::Object(m) => {
                    m.get("id").is_none()
                        && !m
                            .get("did_number")
                            .and_then(Value::as_str)
                            .is_some_and(|l| labels.contains(&l))
                }
                _ => true,
            })
            .count();
        let labels_unique = {
            let mut l = labels.clone();
            l.sort();
            l.dedup();
            l.len() == labels.len()
        };
        if unique_keys && labels_unique && out.len() != now.len() - deleted.len() + added {
            fail!(
                report,
                "dids: {} current, {} deleted, {} added, but {} in the body",
                now.len(),
                deleted.len(),
                added,
                out.len()
            );
        }
        for item in now {
            if let Some(k) = item_key(item.get("id")) {
                let kept = out
                    .iter()
                    .any(|o| item_key(o.get("id")).as_ref() == Some(&k));
                if unique_keys && !deleted.contains(&k) && !kept {
                    fail!(report, "dids: current rule {k} is neither kept nor deleted");
                }
                if unique_keys && deleted.contains(&k) && kept {
                    fail!(report, "dids: rule {k} is deleted but still in the body");
                }
            }
        }
        if out
            .iter()
            .any(|o| o.get("delete") == Some(&Value::Bool(true)))
        {
            fail!(
                report,
                "dids: a \"delete\": true member is left in the body"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn boilerplate_size() {
        assert!(boilerplate().len() < 400_000, "{}", boilerplate().len());
    }

    #[test]
    fn what_counts_as_a_credential() {
        for yes in ["S3cr3tPassw0rdXYZ", "c2VjcmV0LXRva2Vu", "Twilio", "abc123"] {
            assert!(is_candidate(yes), "{yes}");
        }
        for no in [
            "string",
            "auth_token",
            "U+000B",
            "12345678",
            "a b c d e f",
            "short",
            "api.key_x",
        ] {
            assert!(!is_candidate(no), "{no}");
        }
    }

    fn issue_at(path: Vec<Segment>, message: &str) -> Issue {
        Issue {
            pointer: pointer_of(&path),
            path,
            severity: Severity::Error,
            code: "field.unknown".into(),
            message: message.into(),
            params: channel_rules::Params::new(),
        }
    }

    #[test]
    fn a_secret_member_name_in_account_data_is_caught() {
        let t = Target::YeastarMessageChannelCreate;
        let doc = json!({"channel": "twilio", "account_data": [
            {"k": "auth_token", "v": "c2VjcmV0LXRva2Vu", "S3cr3tPassw0rdXYZ": 1}]});
        let o = Options::default();
        let seg = |s: &str| Segment::Key(s.into());
        // A report naming the member, in its pointer or its message, leaks it.
        let bad = Report::from_issues(vec![issue_at(
            vec![
                seg("account_data"),
                Segment::Index(0),
                seg("S3cr3tPassw0rdXYZ"),
            ],
            "unknown field",
        )]);
        assert_eq!(
            leaked_credential(t, &doc, &o, &bad, None, true).as_deref(),
            Some("S3cr3tPassw0rdXYZ")
        );
        let bad = Report::from_issues(vec![issue_at(vec![], "unknown 'c2VjcmV0LXRva2Vu'")]);
        assert_eq!(
            leaked_credential(t, &doc, &o, &bad, None, true).as_deref(),
            Some("c2VjcmV0LXRva2Vu")
        );
        // The library's own report does not.
        let r = validate(t, &doc, &o);
        assert_eq!(leaked_credential(t, &doc, &o, &r, None, true), None);
        // Named elsewhere in the document too: quoting it is legitimate.
        let doc2 = json!({"S3cr3tPassw0rdXYZ": 2, "account_data": [{"k": "S3cr3tPassw0rdXYZ"}]});
        let ok = Report::from_issues(vec![issue_at(
            vec![seg("S3cr3tPassw0rdXYZ")],
            "unknown field",
        )]);
        assert_eq!(leaked_credential(t, &doc2, &o, &ok, None, true), None);
        // A "did you mean 'api_key'?" for a `k` of `api_key'` quotes the rules, not it.
        let doc3 = json!({"channel": "general", "account_data": [{"k": "api_key'", "v": "x"}]});
        let r = validate(t, &doc3, &o);
        assert!(r.issues.iter().any(|i| i.message.contains("'api_key'")));
        assert_eq!(leaked_credential(t, &doc3, &o, &r, None, true), None);
        // And in current.
        let o2 = options(None, Some(doc.clone()), Locale::En, None);
        let bad = Report::from_issues(vec![issue_at(vec![], "S3cr3tPassw0rdXYZ")]);
        assert!(leaked_credential(
            Target::YeastarMessageChannelUpdate,
            &json!({}),
            &o2,
            &bad,
            None,
            true
        )
        .is_some());
    }

    #[test]
    fn pointers_and_fields() {
        assert!(is_pointer("") && is_pointer("/") && is_pointer("/a~0b~1c") && is_pointer("/x/"));
        assert!(
            !is_pointer("a") && !is_pointer("/a~") && !is_pointer("/a~2") && !is_pointer("#/a")
        );
        assert!(
            is_within("/dids/1/k", "/dids/1")
                && is_within("/a", "")
                && !is_within("/dids/10", "/dids/1")
        );
    }

    #[test]
    fn repeated_names_keep_every_place() {
        let s = json::scan_paths(
            r#"{"dids": [1, {"k": 2}], "dids": [3], "account_data": [{"S3cr3tXY": "v"}], "n": "AbCdEf12"}"#,
        );
        let p = s.paths.unwrap();
        assert!(p.values.contains("/dids/1/k") && p.objects.contains("/dids/1"));
        let t = p.replace_account_data(&p.text, is_candidate);
        assert!(t.contains(r#"[{"ph1": "v"}]"#), "{t}");
        assert!(p
            .strings_outside_account_data
            .contains(&"AbCdEf12".to_string()));
        assert!(!p
            .strings_outside_account_data
            .iter()
            .any(|x| x == "S3cr3tXY"));
    }
}
