//! Native benchmark of the phone engine (`make bench` runs it; see scripts/bench/run.sh).
//!
//! ```text
//! cargo run --release --example bench_phone -- [CORPUS] [--json OUT]
//! ```
//!
//! Over the example numbers of every region, as given (the cases of CORPUS, by default
//! `tests/phone/validity.json`, whose `from` names an example without a change), it measures
//! `phone::parse` + `phone::analyze` per number: each number is run many times in a row
//! (a batch), batches go round all the numbers several times, and a number's cost is its
//! mean over the batches. It prints the median, p99 and max of those costs, p99 / median,
//! and the mean over all numbers; then the first call in a fresh process (this program run
//! again as a child, several times, median), and a cold pass: every number once in a fresh
//! process, where every one-time cost (reading a territory's tables) falls. The
//! `phonenumber` crate (a dev-dependency, kept only to be measured against) gets the same,
//! plus how often each engine disagrees with the corpus's `valid` verdicts. `--json OUT`
//! also writes the figures for the summary.
//!
//! `bench_phone --rounds N CORPUS` only runs `parse` + `analyze` over the example numbers N
//! times and prints how many numbers: `make bench` runs it under callgrind with two values
//! of N, so the difference is the instruction count of the numbers alone.
//!
//! No benchmark crate: `std::time::Instant` and `std::hint::black_box`.

use channel_rules::phone;
use serde_json::{json, Value};
use std::hint::black_box;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The number timed by the first-call runs.
const FIRST_CALL_NUMBER: &str = "+442079460857";
/// Fresh processes for the first-call figure.
const FIRST_CALL_RUNS: usize = 9;
/// Fresh processes for the cold-pass figure.
const COLD_PASS_RUNS: usize = 5;
/// Rounds over all the numbers; a number's cost is its mean over these.
const BATCHES: usize = 11;
/// Each batch of one number runs for about this long (the repetition count is calibrated).
const BATCH_NS: f64 = 50_000.0;

/// One case of the validity corpus.
struct Case {
    input: String,
    /// The reference's `is_valid_number` (false when the reference could not parse it).
    valid: bool,
    /// An example number exactly as the metadata gives it.
    as_given: bool,
}

/// An engine under test: parse + validity, region and type; returns the validity.
struct Engine {
    name: &'static str,
    check: fn(&str) -> bool,
}

fn ours(input: &str) -> bool {
    match phone::parse(black_box(input), None) {
        Ok(number) => {
            let analysis = phone::analyze(&number);
            black_box((&number, analysis));
            analysis.valid
        }
        Err(e) => {
            black_box(e);
            false
        }
    }
}

fn phonenumber_crate(input: &str) -> bool {
    match phonenumber::parse(None, black_box(input)) {
        Ok(number) => {
            let valid = number.is_valid();
            let region = number.country().id();
            let kind = number.number_type(&phonenumber::metadata::DATABASE);
            black_box((&number, region, kind));
            valid
        }
        Err(e) => {
            black_box(e);
            false
        }
    }
}

const ENGINES: [Engine; 2] = [
    Engine {
        name: "channel-rules",
        check: ours,
    },
    Engine {
        name: "phonenumber crate",
        check: phonenumber_crate,
    },
];

/// `from` names an example as given when one of its `;`-separated parts is
/// "<region> <type> example" ("001 (+800) toll_free example" for non-geographic codes);
/// the changed ones go on ("... example +1 digit (0)") and the random ones start "random:".
fn is_as_given(from: &str) -> bool {
    from.split(';').any(|part| {
        let part = part.trim();
        !part.starts_with("random:") && part.ends_with(" example")
    })
}

fn load(path: &str) -> Result<Vec<Case>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let cases = doc
        .get("cases")
        .unwrap_or(&doc)
        .as_array()
        .ok_or_else(|| format!("{path}: no array of cases"))?;
    cases
        .iter()
        .map(|c| {
            let input = c["input"]
                .as_str()
                .ok_or_else(|| format!("{path}: a case without input: {c}"))?;
            Ok(Case {
                input: input.to_owned(),
                valid: c["valid"].as_bool().unwrap_or(false),
                as_given: c["from"].as_str().is_some_and(is_as_given),
            })
        })
        .collect()
}

/// Per-number costs, in nanoseconds, and what is printed of them.
struct Figures {
    costs: Vec<(f64, usize)>,
    median: f64,
    p99: f64,
    max: f64,
    mean: f64,
    reps: usize,
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn measure(numbers: &[&str], check: fn(&str) -> bool) -> Figures {
    // Warm-up, and calibration: how many repetitions make a batch of about BATCH_NS.
    for _ in 0..3 {
        for n in numbers {
            black_box(check(n));
        }
    }
    let start = Instant::now();
    for n in numbers {
        black_box(check(n));
    }
    let per_call = start.elapsed().as_nanos() as f64 / numbers.len() as f64;
    let reps = ((BATCH_NS / per_call.max(1.0)) as usize).clamp(3, 10_000);

    let mut total = vec![0.0f64; numbers.len()];
    for _ in 0..BATCHES {
        for (i, n) in numbers.iter().enumerate() {
            let start = Instant::now();
            for _ in 0..reps {
                black_box(check(black_box(n)));
            }
            total[i] += start.elapsed().as_nanos() as f64 / reps as f64;
        }
    }
    let costs: Vec<(f64, usize)> = total
        .iter()
        .enumerate()
        .map(|(i, t)| (t / BATCHES as f64, i))
        .collect();
    let mut sorted: Vec<f64> = costs.iter().map(|c| c.0).collect();
    sorted.sort_by(f64::total_cmp);
    Figures {
        median: percentile(&sorted, 50.0),
        p99: percentile(&sorted, 99.0),
        max: *sorted.last().expect("numbers"),
        mean: sorted.iter().sum::<f64>() / sorted.len() as f64,
        costs,
        reps,
    }
}

/// Runs this program again, once per run, to time the first call in a fresh process.
fn first_call(engine: &str) -> Result<Vec<f64>, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut times = Vec::new();
    for _ in 0..FIRST_CALL_RUNS {
        let out = Command::new(&exe)
            .args(["--first-call", engine])
            .output()
            .map_err(|e| format!("{}: {e}", exe.display()))?;
        let text = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            return Err(format!("first-call child failed: {text}"));
        }
        times.push(
            text.trim()
                .parse::<f64>()
                .map_err(|e| format!("{e}: {text}"))?,
        );
    }
    times.sort_by(f64::total_cmp);
    Ok(times)
}

/// The child of [`first_call`]: one call, its time in nanoseconds on standard output.
fn first_call_child(engine: &str) -> ExitCode {
    let Some(e) = ENGINES.iter().find(|e| e.name == engine) else {
        eprintln!("unknown engine {engine:?}");
        return ExitCode::from(2);
    };
    let start = Instant::now();
    let valid = (e.check)(FIRST_CALL_NUMBER);
    let ns = start.elapsed().as_nanos();
    black_box(valid);
    println!("{ns}");
    ExitCode::SUCCESS
}

/// The child of [`cold_pass`]: every example number once, in corpus order, in this fresh
/// process; prints the total and the slowest call in nanoseconds, and that number.
fn cold_pass_child(engine: &str, corpus: &str) -> ExitCode {
    let Some(e) = ENGINES.iter().find(|e| e.name == engine) else {
        eprintln!("unknown engine {engine:?}");
        return ExitCode::from(2);
    };
    let cases = match load(corpus) {
        Ok(c) => c,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::from(2);
        }
    };
    // Loading the corpus built and freed a large JSON tree, leaving glibc's malloc with a
    // great many small free chunks; its first larger request then consolidates them all,
    // which was measured here at 3-5 ms inside whichever number came first. That is the
    // harness's heap, not the engine: one mid-sized request takes the consolidation first.
    black_box(Vec::<u8>::with_capacity(64 * 1024));
    let (mut total, mut max, mut slowest) = (0u128, 0u128, "");
    for c in cases.iter().filter(|c| c.as_given) {
        let start = Instant::now();
        black_box((e.check)(&c.input));
        let ns = start.elapsed().as_nanos();
        total += ns;
        if ns > max {
            (max, slowest) = (ns, &c.input);
        }
    }
    println!("{total} {max} {slowest}");
    ExitCode::SUCCESS
}

/// Each number's first call: the example numbers once each, in a fresh process (so every
/// one-time cost, such as reading a territory's tables, falls inside it), median of runs.
fn cold_pass(engine: &str, corpus: &str) -> Result<(f64, f64, String), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut runs = Vec::new();
    for _ in 0..COLD_PASS_RUNS {
        let out = Command::new(&exe)
            .args(["--cold-pass", engine, corpus])
            .output()
            .map_err(|e| format!("{}: {e}", exe.display()))?;
        let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let parts: Vec<&str> = text.splitn(3, ' ').collect();
        match (out.status.success(), parts.as_slice()) {
            (true, [total, max, number]) => runs.push((
                total.parse::<f64>().map_err(|e| format!("{e}: {text}"))?,
                max.parse::<f64>().map_err(|e| format!("{e}: {text}"))?,
                number.to_string(),
            )),
            _ => return Err(format!("cold-pass child failed: {text}")),
        }
    }
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(runs.swap_remove(runs.len() / 2))
}

/// `--rounds N CORPUS`: our engine over the example numbers N times, for callgrind.
fn rounds(n: &str, corpus: &str) -> ExitCode {
    let (Ok(n), Ok(cases)) = (n.parse::<usize>(), load(corpus)) else {
        eprintln!("usage: bench_phone --rounds N CORPUS");
        return ExitCode::from(2);
    };
    let numbers: Vec<&str> = cases
        .iter()
        .filter(|c| c.as_given)
        .map(|c| c.input.as_str())
        .collect();
    let mut valid = 0usize;
    for _ in 0..n {
        for number in &numbers {
            valid += usize::from(ours(number));
        }
    }
    println!("{} numbers, {n} rounds, {valid} valid", numbers.len());
    ExitCode::SUCCESS
}

fn us(ns: f64) -> String {
    format!("{:.3} us", ns / 1000.0)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, engine] = args.as_slice() {
        if flag == "--first-call" {
            return first_call_child(engine);
        }
    }
    if let [flag, engine, corpus] = args.as_slice() {
        if flag == "--cold-pass" {
            return cold_pass_child(engine, corpus);
        }
        if flag == "--rounds" {
            return rounds(engine, corpus);
        }
    }
    let mut corpus = "tests/phone/validity.json".to_string();
    let mut json_out = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json_out = it.next(),
            _ if a.starts_with('-') => {
                eprintln!("usage: bench_phone [CORPUS] [--json OUT]");
                return ExitCode::from(2);
            }
            _ => corpus = a,
        }
    }
    match run(&corpus, json_out.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_phone: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(corpus: &str, json_out: Option<&str>) -> Result<(), String> {
    let cases = load(corpus)?;
    let bench: Vec<&Case> = cases.iter().filter(|c| c.as_given).collect();
    if bench.is_empty() {
        return Err(format!("{corpus}: no example numbers as given"));
    }
    let numbers: Vec<&str> = bench.iter().map(|c| c.input.as_str()).collect();
    println!(
        "native (release), parse + analyze per number, over {} example numbers as given \
         ({corpus}, {} cases in all; phone::METADATA_VERSION {})",
        numbers.len(),
        cases.len(),
        phone::METADATA_VERSION
    );
    println!(
        "  each number: batches of repeated calls, {BATCHES} rounds over all numbers, \
         its cost = mean over the rounds; first call: {FIRST_CALL_NUMBER} in a fresh \
         process, median of {FIRST_CALL_RUNS}"
    );
    let mut report = serde_json::Map::new();
    report.insert("numbers".into(), json!(numbers.len()));
    report.insert("corpus_cases".into(), json!(cases.len()));
    for engine in &ENGINES {
        let f = measure(&numbers, engine.check);
        let first = first_call(engine.name)?;
        let first_median = percentile(&first, 50.0);
        let off_bench = bench
            .iter()
            .filter(|c| (engine.check)(&c.input) != c.valid)
            .count();
        let off_all = cases
            .iter()
            .filter(|c| (engine.check)(&c.input) != c.valid)
            .count();
        println!(
            "  {:<18} median {}  p99 {}  max {}  p99/median {:.2}  mean {}  ({} reps a batch)",
            engine.name,
            us(f.median),
            us(f.p99),
            us(f.max),
            f.p99 / f.median,
            us(f.mean),
            f.reps
        );
        println!(
            "  {:<18} first call in a fresh process: {} (runs: {})",
            "",
            us(first_median),
            first
                .iter()
                .map(|t| format!("{:.1}", t / 1000.0))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let (cold_total, cold_max, cold_slowest) = cold_pass(engine.name, corpus)?;
        println!(
            "  {:<18} cold pass (each number once, in a fresh process, median of {COLD_PASS_RUNS}): \
             mean {}, slowest {} ({cold_slowest})",
            "",
            us(cold_total / numbers.len() as f64),
            us(cold_max)
        );
        let mut slowest = f.costs.clone();
        slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
        println!(
            "  {:<18} slowest: {}",
            "",
            slowest
                .iter()
                .take(3)
                .map(|(t, i)| format!("{} {}", numbers[*i], us(*t)))
                .collect::<Vec<_>>()
                .join(", ")
        );
        println!(
            "  {:<18} disagrees with the corpus's `valid`: {off_bench} of {} example numbers, \
             {off_all} of {} cases in all",
            "",
            bench.len(),
            cases.len()
        );
        report.insert(
            engine.name.into(),
            json!({
                "median_ns": f.median,
                "p99_ns": f.p99,
                "max_ns": f.max,
                "p99_over_median": f.p99 / f.median,
                "mean_ns": f.mean,
                "first_call_ns": first_median,
                "cold_pass_mean_ns": cold_total / numbers.len() as f64,
                "cold_pass_max_ns": cold_max,
                "disagreements": off_bench,
                "disagreements_all": off_all,
            }),
        );
    }
    let (a, b) = (&report["channel-rules"], &report["phonenumber crate"]);
    let ratio = |k: &str| {
        let r = a[k].as_f64().unwrap_or(f64::NAN) / b[k].as_f64().unwrap_or(f64::NAN);
        if r >= 0.1 {
            format!("{r:.2}x")
        } else {
            format!("1/{:.0}", 1.0 / r)
        }
    };
    println!(
        "  channel-rules / phonenumber crate: mean {}, median {}, p99 {}, first call {}; \
         disagreements {} vs {} (example numbers), {} vs {} (all cases)",
        ratio("mean_ns"),
        ratio("median_ns"),
        ratio("p99_ns"),
        ratio("first_call_ns"),
        a["disagreements"],
        b["disagreements"],
        a["disagreements_all"],
        b["disagreements_all"]
    );
    if let Some(path) = json_out {
        let text = serde_json::to_string_pretty(&Value::Object(report)).expect("serializes");
        std::fs::write(path, text + "\n").map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(())
}
