//! `ask` on the bundled data: the time to answer one question (understanding, search,
//! composing the reply), and the time to load the data and build the index in memory.
//!
//! Run with `cargo bench -p boussole-core --bench ask`.

use std::hint::black_box;
use std::path::Path;

use boussole_core::Boussole;
use boussole_core::load::load;
use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};

const QUESTIONS: [&str; 6] = [
    "événements près de Brest pour lycéens",
    "escape game",
    "visite d'usine hydroélectrique",
    "combien on gagne dans l'industrie ?",
    "qui construit des sous-marins ?",
    "c'est quand la semaine de l'industrie ?",
];

fn bench(c: &mut Criterion) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let now = DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();

    c.bench_function("load data + build index in RAM", |b| {
        b.iter(|| Boussole::in_memory(load(&data).unwrap()).unwrap())
    });

    let boussole = Boussole::in_memory(load(&data).unwrap()).unwrap();
    let mut group = c.benchmark_group("ask");
    for question in QUESTIONS {
        group.bench_function(question, |b| {
            b.iter(|| boussole.ask(black_box(question), now))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
