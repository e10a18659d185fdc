//! The check command's output formats: text for people, JSON for scripts, SARIF 2.1.0 and
//! GitHub workflow annotations for CI. Every format has a record for a file that could not
//! be read. Text from a payload (member names in pointers, quoted values in messages) is
//! escaped before it reaches a terminal.

use crate::positions::Positions;
use channel_rules::codes::CODES;
use channel_rules::{escape_controls, Issue, Report, Severity};
use clap::ValueEnum;
use serde_json::{json, Value};
use std::io::{self, Write};

/// `--format` of `check`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Github,
}

/// `--color`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Colour {
    Auto,
    Always,
    Never,
}

impl Colour {
    /// Whether to colour output going to a terminal (`terminal`) or not: auto colours a
    /// terminal unless `NO_COLOR` is set to anything but the empty string (no-color.org).
    pub fn on(self, terminal: bool) -> bool {
        match self {
            Colour::Always => true,
            Colour::Never => false,
            Colour::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

/// The largest file whose issues get a line and column: the positions come from a second
/// parse that keeps every node's span, whose memory grows faster than the library's check.
pub const POSITIONS_UP_TO: usize = 1 << 20;

/// A line and a column, both from 1.
type LineColumn = (usize, usize);

/// One file, checked or not.
pub struct Checked {
    file: String,
    outcome: Outcome,
}

enum Outcome {
    Unreadable(String),
    Report {
        report: Report,
        /// The issues' line and column, when the file is text.
        at: Vec<Option<LineColumn>>,
    },
}

impl Checked {
    /// A file that could not be read, and why.
    pub fn unreadable(file: &str, why: String) -> Checked {
        Checked {
            file: file.to_string(),
            outcome: Outcome::Unreadable(why),
        }
    }

    /// A file's report; `bytes`, the file as read, give the issues' positions (none for
    /// text over [`POSITIONS_UP_TO`] bytes, whose syntax tree would cost more than the
    /// check itself).
    pub fn report(file: &str, report: Report, bytes: Option<Vec<u8>>) -> Checked {
        let bytes = bytes.filter(|b| b.len() <= POSITIONS_UP_TO);
        let text = bytes.as_deref().map(String::from_utf8_lossy);
        let at = match &text {
            Some(t) => {
                let mut p = Positions::new(t);
                report.issues.iter().map(|i| Some(p.of(i))).collect()
            }
            None => vec![None; report.issues.len()],
        };
        Checked {
            file: file.to_string(),
            outcome: Outcome::Report { report, at },
        }
    }

    pub fn is_unreadable(&self) -> bool {
        matches!(self.outcome, Outcome::Unreadable(_))
    }

    pub fn why_unreadable(&self) -> Option<&str> {
        match &self.outcome {
            Outcome::Unreadable(why) => Some(why),
            Outcome::Report { .. } => None,
        }
    }

    pub fn has_error(&self) -> bool {
        matches!(&self.outcome, Outcome::Report { report, .. } if !report.valid)
    }

    fn issues(&self) -> impl Iterator<Item = (&Issue, Option<LineColumn>)> {
        let (issues, at): (&[Issue], &[Option<LineColumn>]) = match &self.outcome {
            Outcome::Report { report, at } => (&report.issues, at),
            Outcome::Unreadable(_) => (&[], &[]),
        };
        issues.iter().zip(at.iter().copied())
    }
}

/// Writes the results of `check` in `format`.
pub fn write(
    out: &mut impl Write,
    format: Format,
    colour: bool,
    results: &[Checked],
) -> io::Result<()> {
    match format {
        Format::Text => text(out, colour, results),
        Format::Json => json_lines(out, results),
        Format::Sarif => write_json(out, &sarif(results), true),
        Format::Github => github(out, results),
    }
}

/// Writes `value` as JSON and a newline. JSON escapes only the C0 controls; what else could
/// forge or hide text on a terminal (C1 controls, line separators, bidirectional overrides,
/// zero-width characters: what the messages escape) is written as `\u` escapes too, which
/// a JSON reader reads back as the same strings. They can only be inside strings: JSON's
/// own syntax is ASCII.
pub fn write_json(
    out: &mut impl Write,
    value: &impl serde::Serialize,
    pretty: bool,
) -> io::Result<()> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(io::Error::other)?;
    // Line by line: a pretty form's line breaks are its own, not a string's.
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(escape_controls(line).as_bytes())?;
    }
    writeln!(out)
}

fn severity(s: Severity, colour: bool) -> String {
    match (colour, s) {
        (false, s) => s.to_string(),
        (true, Severity::Error) => "\x1b[1;31merror\x1b[0m".to_string(),
        (true, Severity::Warning) => "\x1b[1;33mwarning\x1b[0m".to_string(),
        (true, s) => s.to_string(),
    }
}

/// `FILE:POINTER:LINE:COLUMN: severity: message [code]`, a line an issue.
pub fn text_issues(out: &mut impl Write, c: &Checked, colour: bool) -> io::Result<()> {
    let file = escape_controls(&c.file);
    if let Some(why) = c.why_unreadable() {
        return writeln!(
            out,
            "{file}: {}: {}",
            severity(Severity::Error, colour),
            escape_controls(why)
        );
    }
    for (issue, at) in c.issues() {
        let at = at.map_or_else(String::new, |(l, col)| format!(":{l}:{col}"));
        writeln!(
            out,
            "{file}:{}{at}: {}: {} [{}]",
            escape_controls(&issue.pointer),
            severity(issue.severity, colour),
            escape_controls(&issue.message),
            issue.code
        )?;
    }
    Ok(())
}

fn text(out: &mut impl Write, colour: bool, results: &[Checked]) -> io::Result<()> {
    for c in results {
        text_issues(out, c, colour)?;
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let checked = results.iter().filter(|c| !c.is_unreadable()).count();
    let all = || results.iter().flat_map(Checked::issues);
    let errors = all().filter(|(i, _)| i.severity == Severity::Error).count();
    let warnings = all()
        .filter(|(i, _)| i.severity == Severity::Warning)
        .count();
    let unreadable = results.len() - checked;
    let mut line = format!(
        "{} checked: {}, {}",
        plural(checked, "file", "files"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    );
    if unreadable > 0 {
        line.push_str(&format!(
            "; {} could not be read",
            plural(unreadable, "file", "files")
        ));
    }
    writeln!(out, "{line}")
}

/// One report for one file (pretty), else one a line with its `file`; an unreadable file
/// is `{"file", "error"}`.
fn json_lines(out: &mut impl Write, results: &[Checked]) -> io::Result<()> {
    let record = |c: &Checked| match &c.outcome {
        Outcome::Unreadable(why) => json!({ "file": c.file, "error": why }),
        Outcome::Report { report, .. } => {
            let mut v = serde_json::to_value(report).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                m.insert("file".into(), Value::String(c.file.clone()));
            }
            v
        }
    };
    match results {
        [one] => match &one.outcome {
            Outcome::Report { report, .. } => write_json(out, report, true),
            Outcome::Unreadable(_) => write_json(out, &record(one), true),
        },
        many => many
            .iter()
            .try_for_each(|c| write_json(out, &record(c), false)),
    }
}

/// A file name as a SARIF artifact URI (a relative reference): every byte outside the
/// unreserved set and `/` percent-encoded.
fn uri(file: &str) -> String {
    let mut s = String::new();
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// SARIF 2.1.0: one run, a rule per issue code (its meaning from the code table), a result
/// per issue with the file's line and column and the pointer as a logical location; files
/// that could not be read are tool notifications, and the run then did not succeed.
fn sarif(results: &[Checked]) -> Value {
    let rules: Vec<Value> = CODES
        .iter()
        .map(|c| {
            let mut rule = json!({
                "id": c.code,
                "shortDescription": { "text": c.meaning },
            });
            if c.severity != "either" {
                rule["defaultConfiguration"] = json!({ "level": c.severity });
            }
            rule
        })
        .collect();
    let mut found = Vec::new();
    let mut notes = Vec::new();
    for c in results {
        if let Some(why) = c.why_unreadable() {
            notes.push(json!({
                "level": "error",
                "message": { "text": why },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&c.file) } } }],
            }));
            continue;
        }
        for (issue, at) in c.issues() {
            let mut physical = json!({ "artifactLocation": { "uri": uri(&c.file) } });
            if let Some((line, column)) = at {
                physical["region"] = json!({ "startLine": line, "startColumn": column });
            }
            let index = CODES.iter().position(|k| k.code == issue.code);
            found.push(json!({
                "ruleId": issue.code,
                "ruleIndex": index,
                "level": issue.severity.as_str(),
                "message": { "text": issue.message },
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{ "fullyQualifiedName": issue.pointer, "kind": "member" }],
                }],
            }));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "channel-rules",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": notes.is_empty(),
                "toolExecutionNotifications": notes,
            }],
            "results": found,
        }],
    })
}

/// A workflow command's data: `%`, CR and LF escaped (GitHub's toolkit rules).
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: `:` and `,` escaped too.
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `::error file=F,line=L,col=C,title=CODE::message`, a line an issue.
fn github(out: &mut impl Write, results: &[Checked]) -> io::Result<()> {
    for c in results {
        let file = gh_property(&escape_controls(&c.file));
        if let Some(why) = c.why_unreadable() {
            writeln!(
                out,
                "::error file={file}::{}",
                gh_data(&escape_controls(why))
            )?;
            continue;
        }
        for (issue, at) in c.issues() {
            let at = at.map_or_else(String::new, |(l, col)| format!(",line={l},col={col}"));
            writeln!(
                out,
                "::{} file={file}{at},title={}::{}",
                issue.severity,
                gh_property(&issue.code),
                gh_data(&format!(
                    "{}: {}",
                    escape_controls(&issue.pointer),
                    escape_controls(&issue.message)
                ))
            )?;
        }
    }
    Ok(())
}
