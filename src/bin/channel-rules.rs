//! The `channel-rules` command: checks payload files against a target's rules.
//!
//! Thin on purpose: it parses arguments, reads files, calls the library, prints reports.
//! Exit status: 0 when no file has an error, 1 when any has, 2 for a usage error, an
//! unknown target or kind, or a file that cannot be read.

use channel_rules::messages::escape_controls;
use channel_rules::{validate_bytes, Kind, Locale, Options, Report, Severity, Target};
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::Value;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "channel-rules",
    version,
    about = "Checks message-channel configuration payloads as the vendors' APIs document them"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check payload files (or - for standard input) against a target.
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
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files to check; - reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// Write the whole Yeastar message-channel update body from the channel's current state
    /// and the changes (updates replace what they omit), and check it. The body goes to
    /// standard output; in text, the issues go to standard error.
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
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A JSON file with the changes (a partial update); - reads standard input.
        #[arg(value_name = "CHANGES_FILE")]
        changes: String,
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
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Numbers as typed, such as "+44 20 7946 0857" or "(212) 555-1234".
        #[arg(required = true, value_name = "NUMBER")]
        numbers: Vec<String>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
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

fn read(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut s = Vec::new();
        std::io::stdin().read_to_end(&mut s)?;
        Ok(s)
    } else {
        std::fs::read(path)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
        Command::Update {
            current,
            channel,
            locale,
            format,
            changes,
        } => {
            let options = Options {
                channel,
                locale,
                ..Options::default()
            };
            update(&current, &changes, &options, format)
        }
        Command::Check {
            target,
            channel,
            current,
            locale,
            assignment_modes,
            format,
            files,
        } => {
            let current = match current.map(|p| load_current(&p)).transpose() {
                Ok(c) => c,
                Err(msg) => {
                    eprintln!("channel-rules: {msg}");
                    return ExitCode::from(2);
                }
            };
            let options = Options {
                channel,
                current,
                locale,
                assignment_modes,
            };
            check(target, &options, format, &files)
        }
    }
}

/// The `phone` command: one line (text) or one JSON object (json) a number.
fn phone(region: Option<&str>, format: Format, numbers: &[String]) -> ExitCode {
    let region = match channel_rules::UnknownRegion::check(region) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("channel-rules: {e}");
            return ExitCode::from(2);
        }
    };
    let mut all_valid = true;
    let mut out = std::io::stdout().lock();
    for input in numbers {
        let (line, valid) = match channel_rules::phone::parse(input, region) {
            Ok(n) => {
                let a = channel_rules::phone::analyze(&n);
                let line = match format {
                    Format::Text => format!(
                        "{input}: {} {} {} {}",
                        n.e164(),
                        if a.valid { "valid" } else { "invalid" },
                        a.region.unwrap_or("-"),
                        a.number_type.as_str()
                    ),
                    Format::Json => serde_json::json!({
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
                    Format::Text => {
                        format!("{input}: cannot be read as a number: {e} [{}]", e.as_str())
                    }
                    Format::Json => serde_json::json!({
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

/// Writes `value` as JSON and a newline, keeping the kind of an output error (so a closed
/// pipe is told apart).
fn write_json(
    out: &mut impl Write,
    value: &impl serde::Serialize,
    pretty: bool,
) -> std::io::Result<()> {
    let written = if pretty {
        serde_json::to_writer_pretty(&mut *out, value)
    } else {
        serde_json::to_writer(&mut *out, value)
    };
    written.map_err(|e| match e.io_error_kind() {
        Some(kind) => std::io::Error::from(kind),
        None => std::io::Error::other(e),
    })?;
    writeln!(out)
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
    let _ = writeln!(
        std::io::stderr(),
        "channel-rules: cannot write the output: {e}"
    );
    ExitCode::from(2)
}

/// The `update` command: the body on standard output (or `{payload, report}` in json), the
/// report's issues on standard error in text. Exit status as `check`; 2 as well when the
/// inputs contradict each other.
fn update(current: &str, changes: &str, options: &Options, format: Format) -> ExitCode {
    let fail = |msg: &dyn std::fmt::Display| {
        let _ = writeln!(std::io::stderr(), "channel-rules: {msg}");
        ExitCode::from(2)
    };
    let current = match load_current(current) {
        Ok(c) => c,
        Err(msg) => return fail(&msg),
    };
    let bytes = match read(changes) {
        Ok(b) => b,
        Err(e) => return fail(&format!("cannot read {changes}: {e}")),
    };
    let (body, report) = match serde_json::from_slice::<Value>(&bytes) {
        // Malformed changes: the syntax error is the report, and there is no body.
        Err(_) => (
            None,
            validate_bytes(Target::YeastarMessageChannelUpdate, &bytes, options),
        ),
        Ok(ch) => match channel_rules::complete_update(&current, &ch, options) {
            Ok((body, report)) => (Some(body), report),
            Err(e) => return fail(&escape_controls(&e.to_string())),
        },
    };
    let mut out = std::io::stdout().lock();
    let written = match format {
        Format::Json => {
            let v = serde_json::json!({ "payload": body, "report": report });
            write_json(&mut out, &v, true)
        }
        Format::Text => {
            let shown = match &body {
                Some(b) => write_json(&mut out, b, true),
                None => Ok(()),
            };
            let mut err = std::io::stderr().lock();
            shown.and_then(|_| {
                print_text(&mut err, "body", &report, std::io::stderr().is_terminal())
            })
        }
    };
    if let Err(e) = written {
        return write_failed(&e, status(report.valid));
    }
    status(report.valid)
}

/// Reads the `--current` file. Its content holds credentials: errors never quote it.
fn load_current(path: &str) -> Result<Value, String> {
    let bytes = read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{path} is not JSON (line {}, column {})",
            e.line(),
            e.column()
        )
    })
}

fn check(target: Target, options: &Options, format: Format, files: &[String]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let colour = format == Format::Text && std::io::stdout().is_terminal();
    let (mut errors, mut warnings, mut unreadable) = (0usize, 0usize, false);
    let mut any_error = false;
    for file in files {
        let text = match read(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("channel-rules: cannot read {file}: {e}");
                unreadable = true;
                continue;
            }
        };
        let report = validate_bytes(target, &text, options);
        any_error |= !report.valid;
        errors += report.errors().count();
        warnings += report.warnings().count();
        let written = match format {
            Format::Text => print_text(&mut out, file, &report, colour),
            Format::Json if files.len() == 1 => write_json(&mut out, &report, true),
            Format::Json => {
                let mut v = serde_json::to_value(&report).unwrap_or(Value::Null);
                if let Value::Object(m) = &mut v {
                    m.insert("file".into(), Value::String(file.clone()));
                }
                write_json(&mut out, &v, false)
            }
        };
        if let Err(e) = written {
            return write_failed(&e, status(!any_error));
        }
    }
    if format == Format::Text {
        let _ = writeln!(
            out,
            "{} file{} checked: {errors} error{}, {warnings} warning{}",
            files.len(),
            if files.len() == 1 { "" } else { "s" },
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" },
        );
    }
    if unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_text(
    out: &mut impl Write,
    file: &str,
    report: &Report,
    colour: bool,
) -> std::io::Result<()> {
    for issue in &report.issues {
        let sev = match (colour, issue.severity) {
            (false, s) => s.to_string(),
            (true, Severity::Error) => "\x1b[1;31merror\x1b[0m".to_string(),
            (true, Severity::Warning) => "\x1b[1;33mwarning\x1b[0m".to_string(),
        };
        // The pointer holds the payload's member names: escaped like the message's quotes.
        writeln!(
            out,
            "{}:{}: {sev}: {} [{}]",
            escape_controls(file),
            escape_controls(&issue.pointer),
            escape_controls(&issue.message),
            issue.code
        )?;
    }
    Ok(())
}
