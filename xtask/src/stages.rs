//! The stages of `cargo xtask test`: one line per stage with its result and time, the test
//! counts summed over every runner, and a summary at the end.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

static PASSED: AtomicUsize = AtomicUsize::new(0);
static FAILED: AtomicUsize = AtomicUsize::new(0);

#[derive(Default)]
pub struct Stages {
    done: Vec<(String, bool, f64)>,
}

impl Stages {
    /// Runs one stage and records how it went; on failure prints the summary and stops.
    pub fn run<T>(&mut self, name: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
        println!("\n==> {name}");
        let start = Instant::now();
        let result = f();
        let secs = start.elapsed().as_secs_f64();
        let ok = result.is_ok();
        println!("{} {name} ({secs:.1} s)", if ok { "PASS" } else { "FAIL" });
        self.done.push((name.to_string(), ok, secs));
        result.map_err(|e| {
            self.summary();
            format!("stage `{name}` failed: {e}")
        })
    }

    pub fn check(&mut self, name: &str, f: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
        self.run(name, f)
    }

    fn summary(&self) {
        println!("\nSummary");
        for (name, ok, secs) in &self.done {
            println!("  {} {secs:>7.1} s  {name}", if *ok { "PASS" } else { "FAIL" });
        }
        let total: f64 = self.done.iter().map(|d| d.2).sum();
        println!("  total {total:.1} s");
        println!(
            "tests: {} passed, {} failed",
            PASSED.load(Ordering::Relaxed),
            FAILED.load(Ordering::Relaxed)
        );
    }

    pub fn finish(self) -> Result<(), String> {
        self.summary();
        Ok(())
    }
}

/// Runs a test runner, adding the counts it reports to the totals.
/// Counts checks made by the xtask itself (the mdBook preprocessor's) as passed tests.
pub fn add_passed(n: usize) {
    PASSED.fetch_add(n, Ordering::Relaxed);
}

pub fn counted(c: Command) -> Result<(), String> {
    crate::cmd::run_watching(c, |line| {
        let (passed, failed) = parse_counts(line);
        PASSED.fetch_add(passed, Ordering::Relaxed);
        FAILED.fetch_add(failed, Ordering::Relaxed);
    })
}

/// Counts from a closing line of cargo test / wasm-bindgen-test (`test result: ok. 3 passed;
/// 0 failed; …`) or of Playwright (`  12 passed (9.1s)`, `  1 failed`).
fn parse_counts(line: &str) -> (usize, usize) {
    let line = line.trim();
    let body = if let Some(rest) = line.strip_prefix("test result:") {
        rest
    } else if line.starts_with(|c: char| c.is_ascii_digit()) {
        line
    } else {
        return (0, 0);
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    let mut counts = (0, 0);
    for pair in words.windows(2) {
        let Ok(n) = pair[0].parse::<usize>() else {
            continue;
        };
        match pair[1].trim_end_matches([';', ',']) {
            "passed" => counts.0 += n,
            "failed" => counts.1 += n,
            _ => {}
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::parse_counts;

    #[test]
    fn reads_the_closing_lines_of_each_runner() {
        fn check(line: &str, expected: (usize, usize)) {
            assert_eq!(parse_counts(line), expected, "{line:?}");
        }
        check("test result: ok. 33 passed; 0 failed; 0 ignored; 0 measured", (33, 0));
        check("test result: FAILED. 30 passed; 3 failed; 0 ignored", (30, 3));
        check("  7 passed (12.4s)", (7, 0));
        check("  1 failed", (0, 1));
        check("  ✓  1 [chromium] › a.spec.ts:3:1 › 2 passed twice (1.0s)", (0, 0));
        check("running 3 tests", (0, 0));
    }
}
