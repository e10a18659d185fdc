//! Stress harness, native (`make stress` runs it; see scripts/stress.sh).
//!
//! ```text
//! cargo run --release --example stress -- [--only NAME,...] [--timeout SECS] [--write-only]
//! ```
//!
//! Writes every row's document (tests/support/stress_rows.rs, the hostile inputs of project
//! the hardening review's and more) as JSON text to `target/stress/NAME.json` (options, when a row has
//! them, to `NAME.options.json`) with a manifest, `target/stress/rows.json`, which the wasm
//! harness (scripts/bench/stress.mjs) reads too. Then it checks each row in a fresh child
//! process (this program again, `--child NAME`), so the peak memory is that row's own: the
//! child reads the files, times `validate_str` plus serializing the report, and prints its
//! peak resident set (`VmHWM` of /proc/self/status). The peak of a child checking a tiny
//! valid document (the row `baseline`, same way) is subtracted.
//!
//! The bounds (the README, "Limits"), per row: at most 1 s,
//! peak memory at most 10x the document's size (payload and options text) plus 32 MB, a
//! serialized report of at most 1 MB, at most 1,001 issues (1,000 and `report.truncated`),
//! and the codes the spec says the input gives. A row past `--timeout` (default 60 s) is
//! killed and fails. Prints a table; writes it to `target/stress/native.json` too. Exit
//! status 1 when any row fails.
//!
//! `--write-only` only writes the documents and the manifest. MB is 2^20 bytes.

#[path = "../tests/support/stress_rows.rs"]
mod rows;

use channel_rules::{validate_str, Options, Target};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const MB: f64 = rows::MB as f64;
const TIME_LIMIT_S: f64 = 1.0;
const MAX_REPORT: usize = rows::MB;
const MAX_ISSUES: usize = 1001;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/stress")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        return child(args.get(1).expect("--child NAME"));
    }
    let mut only: Option<Vec<String>> = None;
    let mut timeout = 60.0;
    let mut write_only = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--only" => {
                only = Some(
                    it.next()
                        .expect("--only NAME,...")
                        .split(',')
                        .map(str::to_string)
                        .collect(),
                )
            }
            "--timeout" => {
                timeout = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--timeout SECS")
            }
            "--write-only" => write_only = true,
            _ => {
                eprintln!("usage: stress [--only NAME,...] [--timeout SECS] [--write-only]");
                return ExitCode::from(2);
            }
        }
    }
    let manifest = write_rows();
    if write_only {
        println!("wrote {} rows to {}", manifest.len(), dir().display());
        return ExitCode::SUCCESS;
    }

    let base = run_child("baseline", timeout);
    let Ok(base) = base else {
        eprintln!("the baseline row failed: {:?}", base.err());
        return ExitCode::FAILURE;
    };
    let base_kb = base["hwm_kb"].as_u64().unwrap_or(0);
    println!(
        "native, release build; each row in a fresh process; peak RSS is VmHWM minus the baseline's ({:.1} MB)",
        base_kb as f64 / 1024.0
    );
    println!(
        "bounds: time <= {TIME_LIMIT_S} s (validate_str + serializing the report), peak <= 10 x size + 32 MB, report <= 1 MB, issues <= {MAX_ISSUES}"
    );
    header();
    let mut results = Vec::new();
    let mut failed = 0;
    for row in manifest.iter().filter(|r| r["name"] != "baseline") {
        let name = row["name"].as_str().unwrap();
        if let Some(only) = &only {
            if !only.iter().any(|o| o == name) {
                continue;
            }
        }
        let bytes = row["bytes"].as_u64().unwrap() as usize;
        let got = run_child(name, timeout);
        let result = judge(row, bytes, base_kb, got);
        if result["verdict"] != "PASS" {
            failed += 1;
        }
        print_row(&result);
        results.push(result);
    }
    println!(
        "{} of {} rows within the bounds",
        results.len() - failed,
        results.len()
    );
    let out = dir().join("native.json");
    std::fs::write(&out, serde_json::to_string_pretty(&results).unwrap()).unwrap();
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes every row's files and the manifest; returns the manifest.
fn write_rows() -> Vec<Value> {
    let dir = dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut manifest = Vec::new();
    for row in rows::all() {
        let doc = (row.build)(row.param);
        let file = format!("{}.json", row.name);
        std::fs::write(dir.join(&file), &doc.text).unwrap();
        let options_file = doc.options.as_ref().map(|o| {
            let f = format!("{}.options.json", row.name);
            std::fs::write(dir.join(&f), o).unwrap();
            f
        });
        manifest.push(json!({
            "name": row.name,
            "about": row.about,
            "target": doc.target,
            "file": file,
            "options_file": options_file,
            "bytes": doc.bytes(),
            "expect": doc.expect,
        }));
    }
    std::fs::write(
        dir.join("rows.json"),
        serde_json::to_string_pretty(&manifest).unwrap(),
    )
    .unwrap();
    manifest
}

/// The child: checks one row and prints its figures as one JSON line.
fn child(name: &str) -> ExitCode {
    let dir = dir();
    let manifest: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("rows.json")).unwrap()).unwrap();
    let row = manifest
        .into_iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no row {name}"));
    let target: Target = row["target"].as_str().unwrap().parse().unwrap();
    let options: Options = match row["options_file"].as_str() {
        Some(f) => serde_json::from_str(&std::fs::read_to_string(dir.join(f)).unwrap()).unwrap(),
        None => Options::default(),
    };
    let text = std::fs::read_to_string(dir.join(row["file"].as_str().unwrap())).unwrap();
    drop(row);

    let start = Instant::now();
    let report = validate_str(target, &text, &options);
    let serialized = serde_json::to_string(&report).unwrap();
    let elapsed = start.elapsed();

    let codes: BTreeSet<&str> = report.issues.iter().map(|i| i.code.as_str()).collect();
    let line = json!({
        "ns": elapsed.as_nanos() as u64,
        "hwm_kb": vm_hwm_kb(),
        "report_bytes": serialized.len(),
        "issues": report.issues.len(),
        "valid": report.valid,
        "codes": codes.iter().take(20).collect::<Vec<_>>(),
    });
    println!("{line}");
    ExitCode::SUCCESS
}

/// Peak resident set of this process, in KiB (`VmHWM` of /proc/self/status).
fn vm_hwm_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Runs `--child NAME` in a fresh process; its JSON line, or why there is none.
fn run_child(name: &str, timeout: f64) -> Result<Value, String> {
    let stderr_path = dir().join(format!("{name}.stderr"));
    let stderr = std::fs::File::create(&stderr_path).map_err(|e| e.to_string())?;
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--child", name])
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed().as_secs_f64() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timeout: killed after {timeout} s"));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut out = String::new();
    use std::io::Read;
    child.stdout.take().unwrap().read_to_string(&mut out).ok();
    if !status.success() {
        let err = std::fs::read_to_string(&stderr_path).unwrap_or_default();
        let first = err
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .chars()
            .take(100)
            .collect::<String>();
        return Err(format!("crashed ({status}) {first}"));
    }
    serde_json::from_str(out.trim()).map_err(|e| format!("no figures from the child: {e}"))
}

/// A result row: the figures and the verdict against the bounds.
fn judge(row: &Value, bytes: usize, base_kb: u64, got: Result<Value, String>) -> Value {
    let name = &row["name"];
    let mem_limit = 10 * bytes + 32 * rows::MB;
    let got = match got {
        Ok(v) => v,
        Err(why) => {
            return json!({"name": name, "bytes": bytes, "verdict": "FAIL", "why": [why]});
        }
    };
    let seconds = got["ns"].as_u64().unwrap() as f64 / 1e9;
    let peak = got["hwm_kb"].as_u64().unwrap().saturating_sub(base_kb) as usize * 1024;
    let report = got["report_bytes"].as_u64().unwrap() as usize;
    let issues = got["issues"].as_u64().unwrap() as usize;
    let codes: Vec<&str> = got["codes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut why = Vec::new();
    if seconds > TIME_LIMIT_S {
        why.push(format!("time > {TIME_LIMIT_S} s"));
    }
    if peak > mem_limit {
        why.push(format!("peak > {:.0} MB", mem_limit as f64 / MB));
    }
    if report > MAX_REPORT {
        why.push("report > 1 MB".to_string());
    }
    if issues > MAX_ISSUES {
        why.push(format!("issues > {MAX_ISSUES}"));
    }
    for code in row["expect"].as_array().unwrap() {
        let code = code.as_str().unwrap();
        if !codes.contains(&code) {
            why.push(format!("no {code}"));
        }
    }
    json!({
        "name": name,
        "bytes": bytes,
        "seconds": seconds,
        "peak_bytes": peak,
        "report_bytes": report,
        "issues": issues,
        "codes": codes,
        "verdict": if why.is_empty() { "PASS" } else { "FAIL" },
        "why": why,
    })
}

fn header() {
    println!(
        "{:<26} {:>9} {:>9} {:>10} {:>10} {:>8}  verdict",
        "row", "doc size", "time", "peak RSS", "report", "issues"
    );
}

fn size(b: f64) -> String {
    if b >= 1000.0 * 1024.0 {
        format!("{:.1} MB", b / MB)
    } else if b >= 1024.0 {
        format!("{:.0} KB", b / 1024.0)
    } else {
        format!("{b:.0} B")
    }
}

fn print_row(r: &Value) {
    let f = |k: &str| r[k].as_f64();
    let why = r["why"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    println!(
        "{:<26} {:>9} {:>9} {:>10} {:>10} {:>8}  {}{}",
        r["name"].as_str().unwrap(),
        size(f("bytes").unwrap()),
        f("seconds").map_or("-".into(), |s| if s >= 1.0 {
            format!("{s:.2} s")
        } else {
            format!("{:.1} ms", s * 1e3)
        }),
        f("peak_bytes").map_or("-".into(), size),
        f("report_bytes").map_or("-".into(), size),
        r["issues"].as_u64().map_or("-".into(), |n| n.to_string()),
        r["verdict"].as_str().unwrap(),
        if why.is_empty() {
            String::new()
        } else {
            format!(" ({why})")
        }
    );
}
