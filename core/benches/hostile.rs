//! The hostile corpus (`tests/hostile/corpus.jsonl`) against normal questions: what the
//! slowest hostile message costs, as a multiple of a normal question. Goal: under 20.
//!
//! Run with `cargo bench -p boussole-core --bench hostile`. A first pass times every
//! message of the corpus (the median of 5 answers each; a conversation counts per
//! message); criterion then measures the slowest ones and a normal question, and the
//! ratio is printed.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use boussole_core::Boussole;
use boussole_core::dialogue::Conversation;
use boussole_core::load::load;
use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::QUESTIONS;

/// The messages of the corpus: (name, the turns of one conversation).
fn corpus() -> Vec<(String, Vec<String>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/hostile/corpus.jsonl");
    let text = std::fs::read_to_string(path).expect("tests/hostile/corpus.jsonl");
    text.lines()
        .filter_map(|line| {
            let entry: serde_json::Value = serde_json::from_str(line).expect("JSON");
            let name = entry["name"].as_str()?.to_string();
            let turns = match entry["kind"].as_str()? {
                "text" => {
                    let times = entry["repeat"].as_u64().unwrap_or(1) as usize;
                    vec![entry["input"].as_str()?.repeat(times)]
                }
                "chat" => entry["turns"]
                    .as_array()?
                    .iter()
                    .filter_map(|t| Some(t.as_str()?.to_string()))
                    .collect(),
                _ => return None,
            };
            Some((name, turns))
        })
        .collect()
}

/// The cost of one message of a conversation: the whole conversation, divided.
fn cost(boussole: &Boussole, turns: &[String], now: DateTime<FixedOffset>) -> Duration {
    let started = Instant::now();
    let mut conversation = Conversation::new();
    for turn in turns {
        black_box(boussole.reply(&mut conversation, black_box(turn), now));
    }
    started.elapsed() / turns.len().max(1) as u32
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn bench(c: &mut Criterion) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let now = DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();
    let boussole = Boussole::in_memory(load(&data).unwrap()).unwrap();

    let normal: Vec<Duration> = QUESTIONS
        .iter()
        .map(|q| {
            median(
                (0..50)
                    .map(|_| cost(&boussole, &[q.to_string()], now))
                    .collect(),
            )
        })
        .collect();
    let normal = median(normal);
    let mut hostile: Vec<(Duration, String, Vec<String>)> = corpus()
        .into_iter()
        .map(|(name, turns)| {
            let time = median((0..5).map(|_| cost(&boussole, &turns, now)).collect());
            (time, name, turns)
        })
        .collect();
    hostile.sort_by_key(|h| std::cmp::Reverse(h.0));
    println!(
        "{} hostile messages; a normal question (median of {}): {normal:?}",
        hostile.len(),
        QUESTIONS.len()
    );
    for (time, name, _) in hostile.iter().take(5) {
        let ratio = time.as_secs_f64() / normal.as_secs_f64();
        println!("  {time:?} ({ratio:.1} normal questions): {name}");
    }

    let mut group = c.benchmark_group("hostile");
    group.bench_function("a normal question: escape game", |b| {
        b.iter(|| boussole.ask(black_box("escape game"), now))
    });
    for (_, name, turns) in hostile.iter().take(3) {
        group.bench_function(name.as_str(), |b| b.iter(|| cost(&boussole, turns, now)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
