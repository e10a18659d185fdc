//! The library is safe to call from many threads at once (shared schemas, lazily built tables,
//! the phone engine's caches): every fixture case's payload (tests/fixtures/README.md:
//! `payload`, `payload_text`, `payload_file`, or a base edited by `without` and `with`; with
//! its target and options) and every payload of `bases.json` under every target, checked
//! from 8 threads at once, each in its own order, must give exactly the report it gives
//! checked alone on one thread.

use channel_rules::Report;

const THREADS: usize = 8;

#[path = "support/cases.rs"]
mod cases;
use cases::{cases, Case};

/// A permutation of `0..n` for thread `t`: a rotation, reversed on odd threads, then
/// shuffled by a small deterministic generator seeded by `t`.
fn order(n: usize, t: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).map(|i| (i + t * n / THREADS) % n).collect();
    if t % 2 == 1 {
        v.reverse();
    }
    let mut state = 0x9E37_79B9_7F4A_7C15_u64.wrapping_mul(t as u64 + 1);
    for i in (1..n).rev() {
        if t < 2 {
            break; // threads 0 and 1 keep a plain order
        }
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        v.swap(i, (state % (i as u64 + 1)) as usize);
    }
    v
}

#[test]
fn every_fixture_gives_the_same_report_from_eight_threads_at_once() {
    let cases = cases();
    assert!(cases.len() > 100, "only {} cases found", cases.len());
    // The threads go first, so they also build the lazily made rules and tables at once
    // (the test runs alone in its binary); the single-threaded results come after.
    let threaded: Vec<Vec<(usize, Report)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let cases = &cases;
                s.spawn(move || {
                    order(cases.len(), t)
                        .into_iter()
                        .map(|i| (i, cases[i].run()))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a thread panicked"))
            .collect()
    });
    let expected: Vec<Report> = cases.iter().map(Case::run).collect();
    let cases = &cases;
    let mismatches: Vec<String> = threaded
        .iter()
        .enumerate()
        .flat_map(|(t, results)| {
            results
                .iter()
                .filter(|(i, got)| *got != expected[*i])
                .map(move |(i, _)| format!("thread {t}: {}", cases[*i].label))
        })
        .collect();
    println!("{} calls on each of {THREADS} threads", cases.len());
    assert!(
        mismatches.is_empty(),
        "{} reports differ from the single-threaded ones:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
