//! `ask` on the bundled data: the time to answer one question (understanding, search,
//! composing the reply), p50 and p99 over a varied question set, and the time to load the
//! data and build the index in memory.
//!
//! Run with `cargo bench -p boussole-core --bench ask`. Goal: p50 under 1 ms.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use boussole_core::Boussole;
use boussole_core::load::load;
use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::QUESTIONS;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn bench(c: &mut Criterion) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let now = DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();

    c.bench_function("load data + build index in RAM", |b| {
        b.iter(|| Boussole::in_memory(load(&data).unwrap()).unwrap())
    });

    let boussole = Boussole::in_memory(load(&data).unwrap()).unwrap();
    let mut group = c.benchmark_group("ask");
    for question in QUESTIONS.iter().take(6) {
        group.bench_function(*question, |b| {
            b.iter(|| boussole.ask(black_box(question), now))
        });
    }
    group.finish();

    // p50 and p99 over the whole set, each question answered 200 times.
    let mut timings = Vec::with_capacity(QUESTIONS.len() * 200);
    for _ in 0..200 {
        for question in QUESTIONS {
            let started = Instant::now();
            black_box(boussole.ask(black_box(question), now));
            timings.push(started.elapsed());
        }
    }
    timings.sort_unstable();
    println!(
        "ask over {} questions x 200: p50 {:?}, p99 {:?}, max {:?}",
        QUESTIONS.len(),
        percentile(&timings, 0.50),
        percentile(&timings, 0.99),
        timings[timings.len() - 1]
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
