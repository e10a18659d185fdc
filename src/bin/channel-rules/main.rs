//! The `channel-rules` command: checks payload files against a target's rules.
//!
//! Thin on purpose: it parses arguments, reads files, calls the library, prints reports
//! (`output.rs`, with positions from `positions.rs`). Exit status: 0 when no file has an
//! error, 1 when any has, 2 for a usage error, an unknown target or kind, or a file that
//! cannot be read.

mod output;
mod positions;

use channel_rules::{
    escape_controls, parse_json, validate_bytes, Kind, Locale, Options, Report, Target,
};
use clap::{Parser, Subcommand, ValueEnum};
use output::{Checked, Colour, Format};
use serde_json::Value;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXIT_STATUS: &str = "\
Exit status:
  0  no file has an error (warnings allowed)
  1  some file has an error (malformed JSON included)
  2  a usage error, an unknown target or kind, a file that cannot be read, or (update)
     inputs that contradict each other";

#[derive(Parser)]
#[command(
    name = "channel-rules",
    version,
    about = "Checks message-channel configuration payloads as the vendors' APIs document them",
    after_help = EXIT_STATUS
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check payload files (or - for standard input, or a directory: its *.json files)
    /// against a target.
    #[command(after_help = EXIT_STATUS)]
    Check {
        /// The target id, such as yeastar.message_channel.create (see `channel-rules targets`).
        #[arg(long, value_parser = parse_target)]
        target: Target,
        /// The Yeastar channel kind, for updates (twilio, whatsapp, facebook, ...).
        #[arg(long, value_parser = parse_kind)]
        channel: Option<Kind>,
        /// A JSON file with the channel's current state, for updates.
        #[arg(long, value_name = "FILE")]
        current: Option<String>,
        /// Language of messages: en, zh-CN or pt-BR.
        #[arg(long, value_parser = parse_locale, default_value = "en")]
        locale: Locale,
        /// Healthing's allowed assignment_mode values, comma-separated.
        #[arg(long, value_name = "MODES", value_delimiter = ',')]
        assignment_modes: Option<Vec<String>>,
        /// Output format: text (a line an issue, FILE:POINTER:LINE:COLUMN), json (a report
        /// a file), sarif (SARIF 2.1.0) or github (workflow annotations).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Colour in text output: auto (a terminal, and NO_COLOR unset), always or never.
        #[arg(long, value_enum, default_value_t = Colour::Auto)]
        color: Colour,
        /// Files to check; - reads standard input; a directory means its *.json files, sorted.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// Write the whole Yeastar message-channel update body from the channel's current state
    /// and the changes (updates replace what they omit), and check it. The body goes to
    /// standard output; in text, the issues go to standard error.
    #[command(after_help = EXIT_STATUS)]
    Update {
        /// A JSON file with the channel's current state, as the PBX returns it.
        #[arg(long, value_name = "FILE")]
        current: String,
        /// The Yeastar channel kind, when current does not say it.
        #[arg(long, value_parser = parse_kind)]
        channel: Option<Kind>,
        /// Language of messages: en, zh-CN or pt-BR.
        #[arg(long, value_parser = parse_locale, default_value = "en")]
        locale: Locale,
        /// Output format: text (the body, issues on standard error) or json
        /// ({"payload", "report"}).
        #[arg(long, value_enum, default_value_t = Plain::Text)]
        format: Plain,
        /// Colour in the issues on standard error: auto, always or never.
        #[arg(long, value_enum, default_value_t = Colour::Auto)]
        color: Colour,
        /// A JSON file with the changes (a partial update); - reads standard input.
        #[arg(value_name = "CHANGES_FILE")]
        changes: String,
    },
    /// Print the JSON Schema (draft 2020-12) of a target's payload, written from the rules;
    /// what JSON Schema cannot say is named in its description.
    Schema {
        /// The target id (see `channel-rules targets`).
        #[arg(long, value_parser = parse_target)]
        target: Target,
        /// The Yeastar channel kind: that kind's schema alone.
        #[arg(long, value_parser = parse_kind)]
        channel: Option<Kind>,
    },
    /// List the target ids, one a line.
    Targets,
    /// What libphonenumber's metadata says of phone numbers: E.164 form, validity, region and
    /// type. Exit status 1 when any number is invalid or cannot be read.
    Phone {
        /// Default region for national numbers: an ISO 3166 code in upper case, such as US.
        #[arg(long)]
        region: Option<String>,
        /// Output format: text (one line a number) or json (one object a line).
        #[arg(long, value_enum, default_value_t = Plain::Text)]
        format: Plain,
        /// Numbers as typed, such as "+44 20 7946 0857" or "(212) 555-1234".
        #[arg(required = true, value_name = "NUMBER")]
        numbers: Vec<String>,
    },
}

/// The formats of the commands that print one thing a line.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Plain {
    Text,
    Json,
}

fn parse_target(s: &str) -> Result<Target, String> {
    s.parse()
        .map_err(|e: channel_rules::UnknownTarget| e.to_string())
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    s.parse()
        .map_err(|e: channel_rules::UnknownKind| e.to_string())
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    s.parse()
        .map_err(|e: channel_rules::UnknownLocale| e.to_string())
}

fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut s = Vec::new();
        std::io::stdin().read_to_end(&mut s)?;
        Ok(s)
    } else {
        std::fs::read(path)
    }
}

/// Standard input can be read once: `-` named twice (or as `--current` and a file too) is a
/// usage error, where the second read would find it empty.
fn stdin_once<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<(), String> {
    match names.into_iter().filter(|n| *n == "-").count() {
        0 | 1 => Ok(()),
        _ => Err("standard input (-) can be read only once; give the other inputs as files".into()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let once = match &cli.command {
        Command::Update {
            current, changes, ..
        } => stdin_once([current.as_str(), changes.as_str()]),
        Command::Check { current, files, .. } => {
            stdin_once(current.iter().chain(files).map(String::as_str))
        }
        _ => Ok(()),
    };
    if let Err(msg) = once {
        return fail(&msg);
    }
    match cli.command {
        Command::Targets => {
            let mut out = std::io::stdout().lock();
            for t in Target::ALL {
                if let Err(e) = writeln!(out, "{}", t.id()) {
                    return write_failed(&e, ExitCode::SUCCESS);
                }
            }
            ExitCode::SUCCESS
        }
        Command::Phone {
            region,
            format,
            numbers,
        } => phone(region.as_deref(), format, &numbers),
        Command::Schema { target, channel } => {
            let mut options = Options::new();
            options.channel = channel;
            let schema = channel_rules::json_schema(target, &options);
            match output::write_json(&mut std::io::stdout().lock(), &schema, true) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => write_failed(&e, ExitCode::SUCCESS),
            }
        }
        Command::Update {
            current,
            channel,
            locale,
            format,
            color,
            changes,
        } => {
            let mut options = Options::new().with_locale(locale);
            options.channel = channel;
            let colour = color.on(std::io::stderr().is_terminal());
            update(&current, &changes, &options, format, colour)
        }
        Command::Check {
            target,
            channel,
            current,
            locale,
            assignment_modes,
            format,
            color,
            files,
        } => {
            let current = match current.map(|p| load_current(&p)).transpose() {
                Ok(c) => c,
                Err(msg) => return fail(&msg),
            };
            let mut options = Options::new().with_locale(locale);
            options.channel = channel;
            options.current = current;
            options.assignment_modes = assignment_modes;
            let colour = color.on(std::io::stdout().is_terminal());
            check(target, &options, format, colour, &files)
        }
    }
}

/// A message on standard error, exit status 2.
fn fail(msg: &dyn std::fmt::Display) -> ExitCode {
    let _ = writeln!(
        std::io::stderr(),
        "channel-rules: {}",
        escape_controls(&msg.to_string())
    );
    ExitCode::from(2)
}

/// The `phone` command: one line (text) or one JSON object (json) a number.
fn phone(region: Option<&str>, format: Plain, numbers: &[String]) -> ExitCode {
    let region = match channel_rules::UnknownRegion::check(region) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let mut all_valid = true;
    let mut out = std::io::stdout().lock();
    for input in numbers {
        let (line, valid) = match channel_rules::phone::parse(input, region) {
            Ok(n) => {
                let a = channel_rules::phone::analyze(&n);
                let line = match format {
                    Plain::Text => format!(
                        "{input}: {} {} {} {}",
                        n.e164(),
                        if a.valid { "valid" } else { "invalid" },
                        a.region.unwrap_or("-"),
                        a.number_type.as_str()
                    ),
                    Plain::Json => serde_json::json!({
                        "input": input,
                        "e164": n.e164(),
                        "valid": a.valid,
                        "region": a.region,
                        "type": a.number_type.as_str(),
                    })
                    .to_string(),
                };
                (line, a.valid)
            }
            Err(e) => {
                let line = match format {
                    Plain::Text => {
                        format!("{input}: cannot be read as a number: {e} [{}]", e.as_str())
                    }
                    Plain::Json => serde_json::json!({
                        "input": input,
                        "valid": false,
                        "error": e.as_str(),
                    })
                    .to_string(),
                };
                (line, false)
            }
        };
        all_valid &= valid;
        if let Err(e) = writeln!(out, "{}", escape_controls(&line)) {
            return write_failed(&e, status(all_valid));
        }
    }
    status(all_valid)
}

fn status(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Output could not be written. A reader that closed the pipe (`| head`) has what it
/// wanted: stop quietly with `so_far`, the status of what was done; any other failure is
/// said on standard error (exit 2).
fn write_failed(e: &std::io::Error, so_far: ExitCode) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return so_far;
    }
    fail(&format!("cannot write the output: {e}"))
}

/// The `update` command: the body on standard output (or `{payload, report}` in json), the
/// report's issues on standard error in text. Exit status as `check`; 2 as well when the
/// inputs contradict each other.
fn update(
    current: &str,
    changes: &str,
    options: &Options,
    format: Plain,
    colour: bool,
) -> ExitCode {
    let current = match load_current(current) {
        Ok(c) => c,
        Err(msg) => return fail(&msg),
    };
    let bytes = match read(Path::new(changes)) {
        Ok(b) => b,
        Err(e) => return fail(&format!("cannot read {changes}: {e}")),
    };
    let (body, report) = match parse_json(&bytes, options) {
        // Too deep: refused as the library refuses it (the same error, exit 2).
        Err(report) if too_deep(&report) => {
            return fail(&channel_rules::UpdateError::TooDeep { input: "changes" })
        }
        // Malformed changes: the syntax error is the report, and there is no body.
        Err(report) => (None, report),
        Ok(ch) => match repeats(&bytes, options) {
            // Changes that repeat a member name: parsers differ on which one they keep, so
            // no body is written from them; the report names the repeats (as `check` does).
            repeated if !repeated.is_empty() => (
                None,
                Report {
                    valid: false,
                    issues: repeated,
                },
            ),
            _ => match channel_rules::complete_update(&current, &ch, options) {
                Ok((body, report)) => (Some(body), report),
                Err(e) => return fail(&e),
            },
        },
    };
    let mut out = std::io::stdout().lock();
    let written = match format {
        Plain::Json => output::write_json(
            &mut out,
            &serde_json::json!({ "payload": body, "report": report }),
            true,
        ),
        Plain::Text => {
            let shown = match &body {
                Some(b) => output::write_json(&mut out, b, true),
                None => Ok(()),
            };
            // The pointers are the body's, which has no file: no line and column; without a
            // body they are the changes' own.
            let checked = match body {
                Some(_) => Checked::report("body", report.clone(), None),
                None => Checked::report(changes, report.clone(), Some(bytes)),
            };
            shown.and_then(|_| output::text_issues(&mut std::io::stderr().lock(), &checked, colour))
        }
    };
    if let Err(e) = written {
        return write_failed(&e, status(report.valid));
    }
    status(report.valid)
}

/// Whether the report of text that could not be read says it nests too deep.
fn too_deep(report: &Report) -> bool {
    report.issues.iter().any(|i| i.code == "json.too_deep")
}

/// The `field.duplicate` issues of changes to a message channel: the member names given
/// twice in one object, as `check` reports them, however many other issues come first.
fn repeats(bytes: &[u8], options: &Options) -> Vec<channel_rules::Issue> {
    channel_rules::unstable::repeated_members(Target::YeastarMessageChannelUpdate, bytes, options)
}

/// Reads the `--current` file as the library reads JSON (its limits, its positions): a
/// JSON object, the channel as the PBX returns it (`check` and `update` alike). Its
/// content holds credentials: errors never quote it.
fn load_current(path: &str) -> Result<Value, String> {
    let bytes = read(Path::new(path)).map_err(|e| format!("cannot read {path}: {e}"))?;
    let current = parse_json(&bytes, &Options::new()).map_err(|report| {
        if too_deep(&report) {
            return format!("{path} is nested more than 128 levels deep");
        }
        let at = |name: &str| report.issues[0].params.get(name).and_then(Value::as_u64);
        match (at("line"), at("column")) {
            (Some(line), Some(column)) => {
                format!("{path} is not JSON (line {line}, column {column})")
            }
            _ => format!("{path} is not JSON"),
        }
    })?;
    if !current.is_object() {
        // The library's own refusal (`update` gets it from complete_update).
        return Err(format!(
            "{path}: {}",
            channel_rules::UpdateError::CurrentNotObject
        ));
    }
    Ok(current)
}

/// A file to check: its path, and its name as the output shows it (a name that is not UTF-8
/// shown with U+FFFD where it is not, but read by its own bytes).
type File = (PathBuf, String);

/// The files to check: as given, but a directory is its `*.json` regular files, sorted (one
/// that cannot be listed is itself an unreadable file, and so is an entry that cannot be
/// read, a dangling link say, when its read fails).
fn expand(files: &[String]) -> Vec<Result<File, (String, String)>> {
    let mut out = Vec::new();
    for f in files {
        let path = Path::new(f);
        if f == "-" || !path.is_dir() {
            out.push(Ok((path.to_path_buf(), f.clone())));
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = Vec::new();
                for entry in entries {
                    match entry {
                        Ok(e) => {
                            let p = e.path();
                            // A regular file, or one whose kind cannot be told (a dangling
                            // link), whose read then fails: never a FIFO or a device, which
                            // a read could wait on or never finish.
                            let regular = std::fs::metadata(&p).map_or(true, |m| m.is_file());
                            if p.extension().is_some_and(|x| x == "json") && regular {
                                found.push(p);
                            }
                        }
                        Err(e) => {
                            out.push(Err((f.clone(), format!("cannot read {f}: {e}"))));
                        }
                    }
                }
                found.sort();
                if found.is_empty() {
                    // Nothing to check is not a pass: a CI job pointed at the wrong folder.
                    out.push(Err((f.clone(), format!("{f} holds no *.json file"))));
                }
                out.extend(found.into_iter().map(|p| {
                    let shown = p.display().to_string();
                    Ok((p, shown))
                }));
            }
            Err(e) => out.push(Err((f.clone(), format!("cannot read {f}: {e}")))),
        }
    }
    out
}

fn check(
    target: Target,
    options: &Options,
    format: Format,
    colour: bool,
    files: &[String],
) -> ExitCode {
    let mut results = Vec::new();
    for f in expand(files) {
        let checked = match f {
            Err((file, why)) => Checked::unreadable(&file, why),
            Ok((path, file)) => match read(&path) {
                Err(e) => Checked::unreadable(&file, format!("cannot read {file}: {e}")),
                Ok(bytes) => {
                    let report = validate_bytes(target, &bytes, options);
                    // JSON output has no positions: no second parse for it.
                    let text = (format != Format::Json).then_some(bytes);
                    Checked::report(&file, report, text)
                }
            },
        };
        results.push(checked);
    }
    let any_error = results.iter().any(|c| c.has_error());
    let unreadable = results.iter().any(Checked::is_unreadable);
    let so_far = if unreadable {
        ExitCode::from(2)
    } else {
        status(!any_error)
    };
    let mut out = std::io::stdout().lock();
    if let Err(e) = output::write(&mut out, format, colour, &results) {
        return write_failed(&e, so_far);
    }
    for c in results
        .iter()
        .filter(|c| format != Format::Text && c.is_unreadable())
    {
        // Said on standard error too, where a person looks for it, whatever the format.
        let _ = writeln!(
            std::io::stderr(),
            "channel-rules: {}",
            escape_controls(c.why_unreadable().unwrap_or(""))
        );
    }
    so_far
}
