//! `boussole eval`: a question set run through the conversation, and through the
//! baseline, with every failure printed and the scores last.

use std::io::Write;

use boussole_core::Boussole;
use boussole_core::dialogue::Conversation;
use boussole_core::eval::{Case, baseline, check};
use chrono::DateTime;

/// Runs the cases; returns Boussole's score in percent.
pub fn run(boussole: &Boussole, cases: &[Case]) -> anyhow::Result<f64> {
    let mut out = std::io::stdout().lock();
    let (mut passed, mut baseline_passed) = (0usize, 0usize);
    for case in cases {
        let now = DateTime::parse_from_rfc3339(&case.now).map_err(|err| {
            anyhow::anyhow!("line {}: invalid \"now\" {:?}: {err}", case.line, case.now)
        })?;
        let mut conversation = Conversation::new();
        let mut ok = true;
        let mut baseline_ok = true;
        for (turn_index, turn) in case.turns.iter().enumerate() {
            let answer = boussole.reply(&mut conversation, &turn.q, now);
            let failures = check(&turn.expect, &answer);
            if !failures.is_empty() {
                ok = false;
                let turn_label = if case.turns.len() > 1 {
                    format!(" turn {}", turn_index + 1)
                } else {
                    String::new()
                };
                writeln!(out, "FAIL line {}{turn_label}: {:?}", case.line, turn.q)?;
                for failure in failures {
                    writeln!(out, "    expected {failure}")?;
                }
            }
            baseline_ok &= check(&turn.expect, &baseline(boussole, &turn.q)).is_empty();
        }
        passed += usize::from(ok);
        baseline_passed += usize::from(baseline_ok);
    }
    let percent = |n: usize| 100.0 * n as f64 / cases.len().max(1) as f64;
    writeln!(
        out,
        "baseline (raw question, escaped, through tantivy's QueryParser): {baseline_passed}/{} = {:.1} %",
        cases.len(),
        percent(baseline_passed)
    )?;
    writeln!(
        out,
        "boussole: {passed}/{} = {:.1} %",
        cases.len(),
        percent(passed)
    )?;
    Ok(percent(passed))
}
