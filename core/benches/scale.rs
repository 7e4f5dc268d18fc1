//! Boussole at full scale, on synthetic agendas (never shown as real data): import
//! throughput, index build, cold start, p50/p99 time to answer, resident memory of a
//! running bot, and the same questions answered by SQLite FTS5 with an R*Tree, given the
//! same understood filters.
//!
//! Run with `cargo bench -p boussole-core --bench scale` (sizes: `BOUSSOLE_BENCH_SIZES`,
//! default `7400,100000`). It prints one report per size.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use boussole_core::Boussole;
use boussole_core::import::{self, Context};
use boussole_core::index::SearchIndex;
use boussole_core::load::{load, load_cached, write_events};
use boussole_core::places::{Area, Point, Territory};
use boussole_core::search::Scope;
use boussole_core::synthetic;
use boussole_core::understand::Request;
use boussole_core::understand::slots::SlotMatcher;
use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, params_from_iter};

/// The questions timed, as students type them (places, dates, audiences, themes, typos).
const QUESTIONS: [&str; 16] = [
    "événements près de Brest pour lycéens",
    "escape game",
    "visite d'usine près de Lyon",
    "des visites d'entreprise à moins de 50 km de Toulouse",
    "événements en Normandie",
    "job dating à Nantes le jeudi 21 novembre",
    "ya koi pr les lyceens ds le 29 demain",
    "escap game nise",
    "atelier robotique pour les collégiens près de Caen",
    "métallurgie en Auvergne-Rhône-Alpes",
    "événements en outre-mer",
    "conférence sur l'énergie à Paris",
    "portes ouvertes dans le Nord",
    "les métiers de l'aéronautique à Toulouse",
    "événements demain matin à Marseille",
    "salon de l'industrie à Lille cette semaine",
];

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Peak resident memory, in MB (10^6 bytes).
fn resident_peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb * 1024.0 / 1e6)
}

fn resident_now_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1e6
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")
}

/// The child process: a running bot on `data` with its built index under `index`, which
/// answers every question, then reports its peak resident memory.
fn child(data: &Path, index: &Path) {
    let started = Instant::now();
    let knowledge = load_cached(data, &bundled(), Some(index)).unwrap();
    let loaded = started.elapsed();
    eprintln!("child: resident after loading {:.1} MB", resident_now_mb());
    let analyzer = Boussole::analyzer(&knowledge);
    let (index, _) = SearchIndex::open_or_build(index, &knowledge, analyzer).unwrap();
    let opened = started.elapsed();
    let boussole = Boussole::new(knowledge, index);
    let ready = started.elapsed();
    eprintln!(
        "child: data loaded {loaded:?}, index opened {opened:?}, ready {ready:?}, resident now {:.1} MB",
        resident_now_mb()
    );
    // More rounds to profile the answers (`perf record`), one by default.
    let rounds: usize = std::env::var("BOUSSOLE_BENCH_CHILD_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for _ in 0..rounds {
        for question in QUESTIONS {
            std::hint::black_box(boussole.ask(question, now()));
        }
    }
    println!("{:.1}", resident_peak_mb());
}

/// SQLite FTS5 + R*Tree holding the same events.
struct Sqlite {
    connection: Connection,
}

impl Sqlite {
    fn build(knowledge: &boussole_core::model::Knowledge) -> Sqlite {
        let connection = Connection::open_in_memory().unwrap();
        connection
            .execute_batch(
                "CREATE VIRTUAL TABLE fts USING fts5(title, organizer, themes, body, tokenize = 'unicode61 remove_diacritics 2');
                 CREATE VIRTUAL TABLE geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);
                 CREATE TABLE ev(id INTEGER PRIMARY KEY, dep TEXT, region TEXT, first_day TEXT, last_day TEXT, online INTEGER);
                 CREATE INDEX ev_dep ON ev(dep); CREATE INDEX ev_region ON ev(region); CREATE INDEX ev_day ON ev(first_day);",
            )
            .unwrap();
        let tx = connection.unchecked_transaction().unwrap();
        for (i, e) in knowledge.events.iter().enumerate() {
            let id = i as i64 + 1;
            tx.execute(
                "INSERT INTO fts(rowid, title, organizer, themes, body) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![id, e.title, e.organizer, e.themes.join(" "), e.description],
            )
            .unwrap();
            tx.execute(
                "INSERT INTO ev VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![
                    id,
                    e.place.departement.as_deref(),
                    e.place.region.as_deref(),
                    e.first_day().to_string(),
                    e.last_day().to_string(),
                    e.online
                ],
            )
            .unwrap();
            if let (Some(lat), Some(lon)) = (e.place.lat, e.place.lon) {
                tx.execute(
                    "INSERT INTO geo VALUES (?1, ?2, ?2, ?3, ?3)",
                    rusqlite::params![id, lat, lon],
                )
                .unwrap();
            }
        }
        tx.commit().unwrap();
        Sqlite { connection }
    }

    /// The events of a request, with the same filters Boussole understood.
    fn answer(
        &self,
        request: &Request,
        scope: Option<&Scope>,
        knowledge: &boussole_core::model::Knowledge,
    ) -> Vec<i64> {
        let mut sql = String::from("SELECT e.id FROM ev e");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let terms: Vec<String> = request
            .query
            .split_whitespace()
            .map(|w| format!("\"{}\"", w.replace('"', "")))
            .collect();
        if !terms.is_empty() {
            sql.push_str(" JOIN fts f ON f.rowid = e.id");
        }
        let mut radius = None;
        match scope {
            Some(s) if s.radius_km.is_some() => {
                let center = s.center.unwrap();
                let r = s.radius_km.unwrap();
                let dlat = r / 111.0;
                let dlon = r / (111.0 * center.lat.to_radians().cos().max(0.1));
                sql.push_str(" JOIN geo g ON g.id = e.id AND g.min_lat >= ? AND g.max_lat <= ? AND g.min_lon >= ? AND g.max_lon <= ?");
                args.extend(
                    [
                        center.lat - dlat,
                        center.lat + dlat,
                        center.lon - dlon,
                        center.lon + dlon,
                    ]
                    .map(rusqlite::types::Value::Real),
                );
                radius = Some((center, r));
            }
            _ => {}
        }
        sql.push_str(" WHERE 1 = 1");
        if !terms.is_empty() {
            sql.push_str(" AND fts MATCH ?");
            args.push(rusqlite::types::Value::Text(terms.join(" OR ")));
        }
        area_clause(scope, knowledge, &mut sql, &mut args);
        if let Some(dates) = &request.dates {
            sql.push_str(" AND e.first_day <= ? AND e.last_day >= ?");
            args.push(rusqlite::types::Value::Text(dates.to.to_string()));
            args.push(rusqlite::types::Value::Text(dates.from.to_string()));
        }
        sql.push_str(if terms.is_empty() {
            " ORDER BY e.first_day LIMIT 200"
        } else {
            " ORDER BY bm25(fts) LIMIT 200"
        });
        let mut statement = self.connection.prepare_cached(&sql).unwrap();
        let rows = statement
            .query_map(params_from_iter(args.iter()), |row| row.get::<_, i64>(0))
            .unwrap()
            .filter_map(Result::ok);
        rows.filter(|id| match radius {
            Some((center, r)) => {
                let e = &knowledge.events[*id as usize - 1];
                Point::new(e.place.lat.unwrap_or(0.0), e.place.lon.unwrap_or(0.0))
                    .is_some_and(|p| center.distance_km(p) <= r)
            }
            None => true,
        })
        .take(5)
        .collect()
    }
}

/// The département, région or group of a scope as SQL.
fn area_clause(
    scope: Option<&Scope>,
    knowledge: &boussole_core::model::Knowledge,
    sql: &mut String,
    args: &mut Vec<rusqlite::types::Value>,
) {
    match scope.map(|s| &s.area) {
        Some(Area::Departement(d)) => {
            sql.push_str(" AND e.dep = ?");
            args.push(rusqlite::types::Value::Text(
                knowledge.gazetteer.departement_at(*d).code.to_string(),
            ));
        }
        Some(Area::Region(code)) => {
            sql.push_str(" AND e.region = ?");
            args.push(rusqlite::types::Value::Text(code.to_string()));
        }
        Some(Area::Group { territory, .. }) => {
            let (column, codes) = match territory {
                Territory::Regions(codes) => ("e.region", codes),
                Territory::Departements(codes) => ("e.dep", codes),
            };
            sql.push_str(&format!(
                " AND {column} IN ({})",
                vec!["?"; codes.len()].join(",")
            ));
            args.extend(
                codes
                    .iter()
                    .map(|r| rusqlite::types::Value::Text(r.to_string())),
            );
        }
        _ => {}
    }
}

fn main() {
    if let (Ok(data), Ok(index)) = (
        std::env::var("BOUSSOLE_BENCH_CHILD_DATA"),
        std::env::var("BOUSSOLE_BENCH_CHILD_INDEX"),
    ) {
        child(Path::new(&data), Path::new(&index));
        return;
    }
    if std::env::args().any(|a| a == "--list") {
        return; // cargo test --benches lists benchmarks
    }
    let sizes: Vec<usize> = std::env::var("BOUSSOLE_BENCH_SIZES")
        .unwrap_or_else(|_| "7400,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let base = load(&bundled()).unwrap();
    println!(
        "machine: {} cores; {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::env::consts::ARCH
    );
    for size in sizes {
        let work =
            std::env::temp_dir().join(format!("boussole-scale-{size}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&work);
        let (data, index_root) = (work.join("data"), work.join("index"));
        std::fs::create_dir_all(&data).unwrap();
        let events = import_into(&base, size, &data);
        let boussole = load_and_build(&data, &index_root);
        let times = answer_times(&boussole);
        let rss = peak_memory(&data, &index_root);
        println!("== {events} events");
        report(&times);
        println!("running bot, peak resident memory: {rss} MB");
        drop(boussole);
        if std::env::var_os("BOUSSOLE_BENCH_KEEP").is_some() {
            println!("kept {}", work.display());
        } else {
            let _ = std::fs::remove_dir_all(&work);
        }
    }
}

/// Import: `size` synthetic OpenAgenda v2 records mapped to events and written to
/// `data`. Returns how many events were written.
fn import_into(base: &boussole_core::model::Knowledge, size: usize, data: &Path) -> usize {
    let slots = SlotMatcher::new(&base.thesaurus);
    let records = synthetic::openagenda_records(base, size, 42);
    let text = serde_json::to_string(&records).unwrap();
    drop(records);
    let context = Context {
        schema: None,
        gazetteer: &base.gazetteer,
        slots: &slots,
        progress: &boussole_core::progress::Silent,
    };
    let started = Instant::now();
    let imported = import::read("synthetic", &text, &context).unwrap();
    let import_time = started.elapsed();
    drop(text);
    let events = imported.events.len();
    let started = Instant::now();
    write_events(data, imported.events).unwrap();
    println!(
        "import (map OpenAgenda v2 JSON): {:?} = {:.0} events/s; write events.toml: {:?}",
        import_time,
        events as f64 / import_time.as_secs_f64(),
        started.elapsed()
    );
    events
}

/// Loading the data set (parsing it, and writing its snapshot), building the index on
/// disk, then a cold start with the built index: load (from the snapshot), open, first
/// answer.
fn load_and_build(data: &Path, index_root: &Path) -> Boussole {
    let started = Instant::now();
    let knowledge = load_cached(data, &bundled(), Some(index_root)).unwrap();
    let load_time = started.elapsed();
    let started = Instant::now();
    let (index, _) =
        SearchIndex::open_or_build(index_root, &knowledge, Boussole::analyzer(&knowledge)).unwrap();
    let build_time = started.elapsed();
    drop(index);
    let started = Instant::now();
    let knowledge = load_cached(data, &bundled(), Some(index_root)).unwrap();
    let (index, _) =
        SearchIndex::open_or_build(index_root, &knowledge, Boussole::analyzer(&knowledge)).unwrap();
    let boussole = Boussole::new(knowledge, index);
    std::hint::black_box(boussole.ask(QUESTIONS[0], now()));
    let cold_start = started.elapsed();
    println!("load data set: {load_time:?}; build index: {build_time:?}");
    println!("cold start to first answer (built index): {cold_start:?}");
    boussole
}

/// Sorted times of the whole answer, of Boussole's search alone and of SQLite's, on
/// the same understood requests.
struct Times {
    rounds: usize,
    ours: Vec<Duration>,
    search: Vec<Duration>,
    theirs: Vec<Duration>,
}

/// Time to answer, and the baseline on the same understood requests.
fn answer_times(boussole: &Boussole) -> Times {
    let started = Instant::now();
    let sqlite = Sqlite::build(boussole.knowledge());
    println!("SQLite FTS5+R*Tree build: {:?}", started.elapsed());
    let size = boussole.knowledge().events.len();
    let rounds = if size > 50_000 { 20 } else { 100 };
    let (mut ours, mut search, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
    let today = now().date_naive();
    for _ in 0..rounds {
        for question in QUESTIONS {
            let started = Instant::now();
            std::hint::black_box(boussole.ask(question, now()));
            ours.push(started.elapsed());
            // Both searches get the request already understood: only searching is timed.
            let request = boussole.understand(question, now());
            let started = Instant::now();
            std::hint::black_box(boussole.search_events(&request, None, None, today));
            search.push(started.elapsed());
            let scope = request
                .place
                .as_ref()
                .and_then(|p| Scope::of(p, &boussole.knowledge().gazetteer));
            let started = Instant::now();
            std::hint::black_box(sqlite.answer(&request, scope.as_ref(), boussole.knowledge()));
            theirs.push(started.elapsed());
        }
    }
    ours.sort_unstable();
    search.sort_unstable();
    theirs.sort_unstable();
    Times {
        rounds,
        ours,
        search,
        theirs,
    }
}

/// A running bot in its own process: its peak resident memory, in MB.
fn peak_memory(data: &Path, index_root: &Path) -> String {
    let exe = std::env::current_exe().unwrap();
    let output = std::process::Command::new(exe)
        .env("BOUSSOLE_BENCH_CHILD_DATA", data)
        .env("BOUSSOLE_BENCH_CHILD_INDEX", index_root)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

fn report(times: &Times) {
    let Times {
        rounds,
        ours,
        search,
        theirs,
    } = times;
    let (p50, p99) = (percentile(ours, 0.5), percentile(ours, 0.99));
    let (b50, b99) = (percentile(search, 0.5), percentile(search, 0.99));
    let (s50, s99) = (percentile(theirs, 0.5), percentile(theirs, 0.99));
    println!(
        "answer, {} questions x {rounds}: p50 {p50:?}, p99 {p99:?}",
        QUESTIONS.len()
    );
    println!("Boussole search only (understood request): p50 {b50:?}, p99 {b99:?}");
    println!(
        "SQLite FTS5 + R*Tree, same understood filters (search only): p50 {s50:?}, p99 {s99:?}"
    );
    println!(
        "ratio SQLite / Boussole, search only: p50 {:.2}x, p99 {:.2}x; SQLite search / Boussole whole answer: p50 {:.2}x, p99 {:.2}x",
        s50.as_secs_f64() / b50.as_secs_f64(),
        s99.as_secs_f64() / b99.as_secs_f64(),
        s50.as_secs_f64() / p50.as_secs_f64(),
        s99.as_secs_f64() / p99.as_secs_f64()
    );
}
