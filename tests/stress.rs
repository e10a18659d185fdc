//! The limits of the README ("Limits") as a guard in
//! `cargo test`: the cheap rows of the stress harness (tests/support/stress_rows.rs, the
//! same documents `make stress` measures at 1 MB and 10 MB) at [`BYTES`] each, and the
//! update keeping [`RULES`] routing rules, with the bounds of `make stress` loosened 3x:
//! - time (`validate_str` plus serializing the report) at most 3 s;
//! - peak memory at most 3 x (10 x the document's size + 32 MB), where peak memory is the
//!   most heap in use at once during the check (this binary's global allocator counts every
//!   allocation; deterministic, unlike RSS), above what was in use before it, plus the
//!   document's text (payload and options, as `make stress` counts them);
//! - a serialized report of at most 3 MB;
//! - not loosened, since they are rules and not costs: at most 1,001 issues (1,000 and
//!   `report.truncated`) and the codes the spec says the row gives.
//!
//! `cargo test` builds without optimizations (the crate and its dependencies), about 10 to
//! 30 times slower than `make stress`'s release build; the sizes are chosen so that a
//! linear validator meets 3 s there (see their comments). One `#[test]` only, so no other test
//! allocates in this binary while a row is measured.

#[path = "support/stress_rows.rs"]
mod rows;

use channel_rules::{validate_str, Options, Target};
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The size of each sized row: 1 MB, the smaller size `make stress` measures. Measured in
/// the debug build on a 2-core machine: 0.01 to 0.26 s a row for every row whose rules were
/// linear by then (the Bird pattern's compile took 1.7 s before its length was bounded), so
/// a linear validator has about 10x room under 3 s.
const BYTES: usize = rows::MB;
/// Routing rules kept by the update row (the issue's 10,000: quadratic took 2.39 s in a
/// release build).
const RULES: usize = 10_000;

const TIME_LIMIT_S: f64 = 3.0;
const MAX_REPORT: usize = 3 * rows::MB;
const MAX_ISSUES: usize = 1001;

/// The system allocator, counting the bytes in use and the most in use at once.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only counters are updated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MB: f64 = rows::MB as f64;

#[test]
fn cheap_rows_stay_within_the_limits() {
    let mut failures = Vec::new();
    println!(
        "{:<26} {:>9} {:>9} {:>10} {:>10} {:>8}  verdict",
        "row", "doc size", "time", "peak heap", "report", "issues"
    );
    for row in rows::at(BYTES, RULES) {
        let doc = (row.build)(row.param);
        let bytes = doc.bytes();
        let target: Target = doc.target.parse().unwrap();

        let before = IN_USE.load(Relaxed);
        PEAK.store(before, Relaxed);
        let start = Instant::now();
        let options: Options = match &doc.options {
            Some(o) => serde_json::from_str(o).unwrap(),
            None => Options::default(),
        };
        let report = validate_str(target, &doc.text, &options);
        let serialized = serde_json::to_string(&report).unwrap();
        let seconds = start.elapsed().as_secs_f64();
        let peak = PEAK.load(Relaxed) - before + bytes;

        let mem_limit = 3 * (10 * bytes + 32 * rows::MB);
        let codes: BTreeSet<&str> = report.issues.iter().map(|i| i.code.as_str()).collect();
        let mut why = Vec::new();
        if seconds > TIME_LIMIT_S {
            why.push(format!("time > {TIME_LIMIT_S} s"));
        }
        if peak > mem_limit {
            why.push(format!("peak > {:.0} MB", mem_limit as f64 / MB));
        }
        if serialized.len() > MAX_REPORT {
            why.push("report > 3 MB".to_string());
        }
        if report.issues.len() > MAX_ISSUES {
            why.push(format!("issues > {MAX_ISSUES}"));
        }
        for code in doc.expect {
            if !codes.contains(code) {
                why.push(format!("no {code}"));
            }
        }
        let line = format!(
            "{:<26} {:>9} {:>9} {:>10} {:>10} {:>8}  {}",
            row.name,
            format!("{:.0} KB", bytes as f64 / 1024.0),
            format!("{:.0} ms", seconds * 1e3),
            format!("{:.1} MB", peak as f64 / MB),
            format!("{:.1} MB", serialized.len() as f64 / MB),
            report.issues.len(),
            if why.is_empty() {
                "PASS".to_string()
            } else {
                format!("FAIL ({})", why.join(", "))
            }
        );
        println!("{line}");
        if !why.is_empty() {
            failures.push(line);
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows past the limits (bounds 3x make stress's; {}):\n{}",
        failures.len(),
        "tests/stress.rs",
        failures.join("\n")
    );
}
