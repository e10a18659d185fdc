//! The findings: [`Issue`], [`Severity`], [`Report`] and the JSON Pointer they carry.
//!
//! The JSON shape of these types is fixed by `shared/spec/INTERFACE.md` and is the same on
//! every surface (Rust, CLI, JavaScript).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;

/// How bad a finding is.
///
/// An **error** means the vendor would reject the request or silently lose data; a
/// **warning** means the vendor accepts it as written but it is very likely a mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// The vendor would reject the payload, or it would lose data.
    Error,
    /// Accepted by the vendor as written, but very likely a mistake.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One step of a path into a JSON document: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Segment {
    /// An array index (serialized as a JSON number).
    Index(usize),
    /// An object member name (serialized as a JSON string).
    Key(String),
}

/// Renders a path as an RFC 6901 JSON Pointer (`""` is the whole document).
pub fn pointer_of(path: &[Segment]) -> String {
    let mut out = String::with_capacity(
        path.iter()
            .map(|s| match s {
                Segment::Key(k) => k.len() + 1,
                Segment::Index(_) => 4,
            })
            .sum(),
    );
    for seg in path {
        out.push('/');
        match seg {
            Segment::Index(i) => out.push_str(itoa::Buffer::new().format(*i)),
            Segment::Key(k) if !k.contains(['~', '/']) => out.push_str(k),
            Segment::Key(k) => {
                for c in k.chars() {
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c => out.push(c),
                    }
                }
            }
        }
    }
    out
}

/// A JSON Pointer that is not one (RFC 6901): not empty and not starting with `/`, or with
/// a `~` not followed by `0` or `1`. A caller's mistake (a `TypeError` in JavaScript).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} is not a JSON Pointer: it must be \"\" (the whole document) or start with '/', with '~' written '~0' and '/' in a name '~1'", crate::Quoted(pointer))]
pub struct InvalidPointer {
    /// The text given.
    pub pointer: String,
}

/// Checks that `pointer` is an RFC 6901 JSON Pointer.
pub fn check_pointer(pointer: &str) -> Result<(), InvalidPointer> {
    let bad_tilde = pointer
        .match_indices('~')
        .any(|(i, _)| !matches!(pointer.as_bytes().get(i + 1), Some(b'0' | b'1')));
    if (!pointer.is_empty() && !pointer.starts_with('/')) || bad_tilde {
        return Err(InvalidPointer {
            pointer: pointer.to_string(),
        });
    }
    Ok(())
}

/// Whether the value at `inner` is the value at `outer` or inside it (`/dids/1/k` is inside
/// `/dids/1` and `""`; `/dids/10` is not inside `/dids/1`).
pub fn is_within(inner: &str, outer: &str) -> bool {
    inner
        .strip_prefix(outer)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// One finding about one value of the payload.
///
/// ```
/// use channel_rules::{validate_str, Options, Target};
///
/// let report = validate_str(
///     Target::YeastarMessageChannelUpdate,
///     r#"{"id": 0}"#,
///     &Options::default(),
/// );
/// let issue = &report.issues[0];
/// assert_eq!(issue.pointer, "/id");
/// assert_eq!(issue.code, "integer.too_small");
/// assert_eq!(issue.params["min"], 1);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// RFC 6901 JSON Pointer to the value the issue is about.
    pub pointer: String,
    /// The same location as an array of keys and indexes.
    pub path: Vec<Segment>,
    /// Error or warning.
    pub severity: Severity,
    /// Stable dotted code; see the code table in `docs/CODES.md`.
    pub code: String,
    /// Human-readable message in the requested locale; never contains a credential.
    pub message: String,
    /// The values the message was built from; never a credential.
    pub params: Params,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The pointer holds the payload's member names: escaped like the message's quotes.
        let pointer = crate::messages::escape_controls(&self.pointer);
        let at = if pointer.is_empty() {
            "(document)"
        } else {
            &pointer
        };
        write!(
            f,
            "{at}: {}: {} [{}]",
            self.severity, self.message, self.code
        )
    }
}

/// The params of an issue: each name with its JSON value, in the order the check gave them,
/// written as a JSON object. A handful at most, so a lookup is a scan: no hashing and no
/// allocation for a name (the rules' names are static text).
///
/// ```
/// use channel_rules::{validate_str, Options, Target};
///
/// let report = validate_str(Target::YeastarMessageChannelUpdate, r#"{"id": 0}"#, &Options::default());
/// let params = &report.issues[0].params;
/// assert_eq!(params["min"], 1);
/// assert_eq!(params.get("max"), None);
/// assert_eq!(serde_json::to_string(params).unwrap(), r#"{"min":1}"#);
/// for (name, value) in params {
///     assert_eq!((name, value), ("min", &serde_json::json!(1)));
/// }
/// ```
#[derive(Debug, Clone, Default)]
pub struct Params(Vec<(Cow<'static, str>, Value)>);

impl Params {
    /// No params.
    pub const fn new() -> Params {
        Params(Vec::new())
    }

    /// The value of param `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Whether there is a param `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Sets param `name` (in place when it is there, else last).
    pub fn insert(&mut self, name: impl Into<Cow<'static, str>>, value: Value) {
        let name = name.into();
        match self.0.iter_mut().find(|(k, _)| *k == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }

    /// The params in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.into_iter()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Params {
    type Item = (&'a str, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Cow<'static, str>, Value)>,
        fn(&'a (Cow<'static, str>, Value)) -> (&'a str, &'a Value),
    >;
    /// The params in order, as [`Params::iter`] gives them.
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (&**k, v))
    }
}

/// The same params, whatever their order (as JSON objects compare).
impl PartialEq for Params {
    fn eq(&self, other: &Params) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl std::ops::Index<&str> for Params {
    type Output = Value;
    /// The value of param `name`; panics when there is none, as `serde_json::Map` does.
    fn index(&self, name: &str) -> &Value {
        match self.get(name) {
            Some(v) => v,
            None => panic!("no param {name:?}"),
        }
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(&**k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Params, D::Error> {
        // Through a JSON object: a repeated name keeps its last value, as `JSON.parse` does.
        let map = Map::<String, Value>::deserialize(d)?;
        Ok(Params(
            map.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect(),
        ))
    }
}

/// The result of one validation: every issue, in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Report {
    /// `true` when no issue is an error (warnings never make a payload invalid).
    pub valid: bool,
    /// All issues, in document order.
    pub issues: Vec<Issue>,
}

impl Report {
    /// Builds a report from its issues, computing `valid`.
    pub fn from_issues(issues: Vec<Issue>) -> Report {
        let valid = !issues.iter().any(|i| i.severity == Severity::Error);
        Report { valid, issues }
    }

    /// The issues that are errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    /// The issues that are warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for issue in &self.issues {
            writeln!(f, "{issue}")?;
        }
        write!(
            f,
            "{} ({} errors, {} warnings)",
            if self.valid { "valid" } else { "invalid" },
            self.errors().count(),
            self.warnings().count()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let p = vec![
            Segment::Key("a/b".into()),
            Segment::Index(3),
            Segment::Key("m~n".into()),
        ];
        assert_eq!(pointer_of(&p), "/a~1b/3/m~0n");
        assert_eq!(pointer_of(&[]), "");
    }

    #[test]
    fn within_stops_at_segment_boundaries() {
        assert!(is_within("/dids/1/did_number", "/dids/1"));
        assert!(is_within("/dids/1", "/dids/1"));
        assert!(is_within("/dids/1", ""));
        assert!(is_within("", ""));
        assert!(!is_within("/dids/10", "/dids/1"));
        assert!(!is_within("/dids", "/dids/1"));
        assert!(!is_within("", "/dids"));
    }

    #[test]
    fn pointers_are_checked() {
        for ok in ["", "/", "/dids/0", "/a~1b", "/m~0n", "/x/"] {
            assert!(check_pointer(ok).is_ok(), "{ok}");
        }
        for bad in ["dids", "#/dids", "/a~", "/a~2", "~0"] {
            assert!(check_pointer(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn path_serializes_numbers_and_strings() {
        let p = vec![Segment::Key("dids".into()), Segment::Index(0)];
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"["dids",0]"#);
    }
}

#[cfg(test)]
mod params_tests {
    use super::*;
    use serde_json::json;

    fn params(v: Value) -> Result<Params, serde_json::Error> {
        serde_json::from_value(v)
    }

    #[test]
    fn params_read_and_write_as_json_objects() {
        let p = params(json!({"b": 3, "a": 2})).unwrap();
        assert_eq!(
            p.iter().collect::<Vec<_>>(),
            [("b", &json!(3)), ("a", &json!(2))]
        );
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"b":3,"a":2}"#);
        // A repeated name keeps its first place and its last value, as JSON.parse does.
        let q: Params = serde_json::from_str(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
        assert_eq!(serde_json::to_string(&q).unwrap(), r#"{"b":3,"a":2}"#);
        for not_an_object in [json!([1]), json!("x"), json!(null), json!(1)] {
            assert!(params(not_an_object).is_err());
        }
    }

    #[test]
    fn params_compare_as_objects_and_insert_in_place() {
        let mut p = Params::new();
        p.insert("min", json!(1));
        p.insert("max", json!(2));
        assert_eq!(p, params(json!({"max": 2, "min": 1})).unwrap());
        assert_ne!(p, params(json!({"max": 2})).unwrap());
        assert_ne!(p, params(json!({"max": 2, "min": 3})).unwrap());
        p.insert("min", json!(5));
        assert_eq!(p.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["min", "max"]);
        assert_eq!(
            (p["min"].clone(), p.len(), p.contains_key("max")),
            (json!(5), 2, true)
        );
        assert!(std::panic::catch_unwind(|| p["none"].clone()).is_err());
        assert!(Params::new().is_empty());
    }

    #[test]
    fn a_report_reads_back_as_written() {
        let report = crate::validate_str(
            crate::Target::YeastarMessageChannelCreate,
            r#"{"name": "", "channel": "twilio", "dids": [{"did_number": "+1 212 555"}]}"#,
            &crate::Options::default(),
        );
        assert!(report.issues.iter().any(|i| i.params.len() > 2));
        let text = serde_json::to_string(&report).unwrap();
        let back: Report = serde_json::from_str(&text).unwrap();
        assert_eq!(back, report);
        assert_eq!(serde_json::to_string(&back).unwrap(), text);
    }
}
