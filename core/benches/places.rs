//! Places: loading the gazetteer, and resolving a place mention in a question.
//!
//! Run with `cargo bench -p boussole-core --bench places`. Goals: loading under 50 ms,
//! resolving a mention under 20 µs.

use std::hint::black_box;
use std::path::Path;

use boussole_core::places::Gazetteer;
use boussole_core::understand::find_place;
use criterion::{Criterion, criterion_group, criterion_main};

const MENTIONS: [&str; 8] = [
    "y a quoi près de Brest pour les lycéens ?",
    "à Saint-Étienne",
    "Saint-Louis à La Réunion",
    "dans le 29",
    "en Haute-Corse",
    "près de 44000",
    "escap game nise",
    "bonjour, je voudrais savoir s'il y a des visites d'usine cette semaine",
];

/// Resident memory of this process, in bytes (Linux; 0 elsewhere).
fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/gazetteer");
    let before = resident_bytes();
    let kept = Gazetteer::load(&dir).unwrap();
    let after = resident_bytes();
    println!(
        "gazetteer resident memory: {:.1} MB ({} communes and arrondissements)",
        (after.saturating_sub(before)) as f64 / 1e6,
        kept.communes().len()
    );
    drop(kept);
    c.bench_function("gazetteer/load", |b| {
        b.iter_with_large_drop(|| Gazetteer::load(&dir).unwrap())
    });
    let gazetteer = Gazetteer::load(&dir).unwrap();
    let mut group = c.benchmark_group("gazetteer/resolve");
    for mention in MENTIONS {
        group.bench_function(mention, |b| {
            b.iter(|| find_place(&gazetteer, black_box(mention), |_| false))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
