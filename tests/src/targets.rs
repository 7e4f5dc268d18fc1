//! Fuzz targets: one function per entry point that takes outside input, each asserting
//! what must hold whatever the bytes (no panic, a kind answer, data that loads).
//!
//! The same functions serve three drivers: cargo-fuzz (`tests/fuzz/`, libFuzzer), the
//! replay of the committed corpora (`tests/tests/fuzz.rs`), and proptest's bounded runs
//! in CI. A crash found by any of them is a regression test here.

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use boussole_core::answer::Answer;
use boussole_core::dialogue::Conversation;
use boussole_core::import::{self, Context, Schema};
use boussole_core::model::Knowledge;
use boussole_core::places::{GAZETTEER_FILES, Gazetteer, Point};
use boussole_core::progress::Silent;
use boussole_core::understand::find_place;
use boussole_core::understand::slots::SlotMatcher;
use boussole_core::{Boussole, Outcome, action, limits, load};
use chrono::{DateTime, FixedOffset};

use crate::data_dir;

/// A fuzz target: any bytes in, a panic when what must hold does not.
pub type Target = fn(&[u8]);

/// The targets, by name (the names of `tests/fuzz/fuzz_targets/*.rs` and of the corpora
/// folders).
pub const TARGETS: [(&str, Target); 6] = [
    ("conversation", conversation),
    ("payload", payload),
    ("import", import),
    ("toml", toml),
    ("snapshot", snapshot),
    ("gazetteer", gazetteer),
];

/// The bundled data, loaded once, with an index in memory.
pub fn boussole() -> &'static Boussole {
    static BOUSSOLE: OnceLock<Boussole> = OnceLock::new();
    BOUSSOLE.get_or_init(|| {
        let knowledge = load::load(&data_dir()).expect("the bundled data loads");
        Boussole::in_memory(knowledge).expect("an index in memory")
    })
}

/// Clocks a conversation may run on: the week, far before and after it, extreme offsets.
const CLOCKS: [&str; 6] = [
    "2024-11-18T09:00:00+01:00",
    "2024-11-24T23:59:59+01:00",
    "2013-02-12T04:30:00-02:00",
    "0000-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59-23:59",
    "2024-02-29T12:00:00+14:00",
];

/// What must hold of every answer: a reply in words, blocks that render, buttons whose
/// payloads fit a Telegram callback, JSON that serializes, a sane radius.
pub fn check_answer(answer: &Answer) {
    assert!(
        answer.reply().chars().any(char::is_alphabetic),
        "an empty reply"
    );
    assert!(!boussole_core::answer::reply::plain(&answer.blocks).is_empty());
    for action in &answer.actions {
        if let Some(payload) = action.payload() {
            assert!(payload.len() <= action::MAX_PAYLOAD, "{payload}");
        }
    }
    let json = serde_json::to_value(answer).expect("an answer serializes");
    assert!(json["reply"].is_string() && json["events"].is_array());
    if let Some(radius) = answer.understood.radius_km {
        assert!(
            radius > 0.0 && radius <= limits::MAX_RADIUS_KM,
            "radius {radius}"
        );
    }
}

/// A conversation: up to 16 turns, one a line. A line starting with byte 1 is a button
/// payload; byte 2, a shared position (two little-endian `f64`, then the words); any
/// other line, a message. The first byte picks the clock.
pub fn conversation(data: &[u8]) {
    let boussole = boussole();
    let clock = CLOCKS[usize::from(data.first().copied().unwrap_or(0)) % CLOCKS.len()];
    let now = DateTime::parse_from_rfc3339(clock).expect("a clock");
    let mut conversation = Conversation::new();
    for line in data.split(|&b| b == b'\n').take(16) {
        turn(boussole, &mut conversation, line, now);
    }
}

fn turn(
    boussole: &Boussole,
    conversation: &mut Conversation,
    line: &[u8],
    now: DateTime<FixedOffset>,
) {
    match line.split_first() {
        Some((1, payload)) => {
            press(
                boussole,
                conversation,
                &String::from_utf8_lossy(payload),
                now,
            );
        }
        Some((2, rest)) if rest.len() >= 16 => {
            let number = |bytes: &[u8]| f64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]));
            let (lat, lon) = (number(&rest[..8]), number(&rest[8..16]));
            let words = String::from_utf8_lossy(&rest[16..]);
            // Adapters answer an impossible position by asking for another.
            if let Some(point) = Point::new(lat, lon) {
                check_answer(&boussole.near_in(conversation, point, None, &words, now));
            }
        }
        _ => {
            let text = String::from_utf8_lossy(line);
            check_answer(&boussole.reply(conversation, &text, now));
        }
    }
}

fn press(
    boussole: &Boussole,
    conversation: &mut Conversation,
    payload: &str,
    now: DateTime<FixedOffset>,
) {
    match boussole.press(conversation, payload, now) {
        Outcome::Answer(answer) => check_answer(&answer),
        Outcome::Calendar { file_name, content } => {
            assert!(file_name.ends_with(".ics") && !file_name.contains('/'));
            assert!(content.starts_with("BEGIN:VCALENDAR"));
        }
        Outcome::Venue(venue) => {
            assert!((-90.0..=90.0).contains(&venue.latitude));
            assert!((-180.0..=180.0).contains(&venue.longitude));
            assert!(!venue.title.is_empty());
        }
    }
}

/// A button payload, tapped after a list (so that ranks point somewhere), then again in
/// a new conversation. A payload that decodes encodes back to itself.
pub fn payload(data: &[u8]) {
    let payload = String::from_utf8_lossy(data);
    let boussole = boussole();
    let now = DateTime::parse_from_rfc3339(CLOCKS[0]).expect("a clock");
    let mut conversation = Conversation::new();
    check_answer(&boussole.reply(&mut conversation, "escape game", now));
    press(boussole, &mut conversation, &payload, now);
    press(boussole, &mut Conversation::new(), &payload, now);
    if let Some(action) = action::Action::from_payload(&payload) {
        assert_eq!(action.payload().as_deref(), Some(&*payload), "round trip");
    }
}

/// An OpenAgenda export of any shape: it imports (or is refused with a message), and
/// what an import would write loads and passes every data check.
pub fn import(data: &[u8]) {
    static PARTS: OnceLock<(SlotMatcher, Schema)> = OnceLock::new();
    let text = String::from_utf8_lossy(data);
    let knowledge = &boussole().knowledge();
    let (slots, schema) = PARTS.get_or_init(|| {
        let schema = Schema::parse(SCHEMA).expect("the test schema");
        (SlotMatcher::new(&knowledge.thesaurus), schema)
    });
    let context = Context {
        schema: Some(schema),
        gazetteer: &knowledge.gazetteer,
        slots,
        progress: &Silent,
    };
    let Ok(imported) = import::read("export.json", &text, &context) else {
        return;
    };
    if imported.events.is_empty() {
        return;
    }
    // As `write_events` merges them: one event an id, the last one read.
    let mut events = imported.events;
    events.reverse();
    let mut seen = std::collections::HashSet::new();
    events.retain(|e| seen.insert(e.id.clone()));
    events.reverse();
    let written = load::events_text(&events).expect("imported events serialize");
    if let Err(err) = with_file(0, written) {
        panic!("an import wrote data that does not load: {err}");
    }
}

/// A choice field as agendas have them, for [`import`].
const SCHEMA: &str = r#"{"schema": {"fields": [{"field": "types-de-publics", "options": [
    {"id": 1, "label": {"fr": "Lycéens"}}, {"id": 2, "label": "Collégiens"},
    {"id": 3, "label": {"fr": "Visite d'entreprise"}}]}]}}"#;

/// A data file of any text, the others bundled: the first byte picks the file
/// ([`load::DATA_FILES`]), the rest is its text. It loads or is refused with problems;
/// what loads can be served.
pub fn toml(data: &[u8]) {
    let Some((&which, text)) = data.split_first() else {
        return;
    };
    let which = usize::from(which) % load::DATA_FILES.len();
    if let Ok(knowledge) = with_file(which, String::from_utf8_lossy(text).into_owned()) {
        serve(knowledge);
    }
}

/// The bundled data with file `which` replaced by `text`, parsed and checked.
fn with_file(which: usize, text: String) -> Result<Knowledge, load::DataError> {
    static TEXTS: OnceLock<Vec<(PathBuf, String)>> = OnceLock::new();
    let bundled = TEXTS.get_or_init(|| {
        load::DATA_FILES
            .iter()
            .map(|name| {
                let path = data_dir().join(name);
                let text = std::fs::read_to_string(&path).expect("a bundled data file");
                (path, text)
            })
            .collect()
    });
    let mut files = bundled.clone();
    files[which].1 = text;
    load::parse(&files, Arc::clone(&boussole().knowledge().gazetteer))
}

/// Knowledge that loaded answers a few questions.
fn serve(knowledge: Knowledge) {
    let boussole = Boussole::in_memory(knowledge).expect("an index of loaded data");
    let now = DateTime::parse_from_rfc3339(CLOCKS[0]).expect("a clock");
    let mut conversation = Conversation::new();
    for question in [
        "escape game à Nice",
        "le 1",
        "combien on gagne ?",
        "plus loin",
    ] {
        check_answer(&boussole.reply(&mut conversation, question, now));
    }
}

/// An events snapshot of any bytes: read, or refused with its line; never trusted for
/// an allocation.
pub fn snapshot(data: &[u8]) {
    if let Ok(events) = load::parse_snapshot(Cursor::new(data), data.len() as u64) {
        assert!(events.len() as u64 * 64 <= data.len() as u64);
    }
}

/// The communes the bundled events are in, and the first few hundred: enough to check
/// and serve the bundled data, small enough to build a gazetteer hundreds of times.
fn few_communes(communes: &str) -> String {
    let used: std::collections::HashSet<String> = boussole()
        .knowledge()
        .events
        .iter()
        .filter_map(|e| e.place.insee.map(|c| c.to_string()))
        .collect();
    communes
        .lines()
        .enumerate()
        .filter(|(i, line)| {
            *i <= 300
                || used
                    .iter()
                    .any(|insee| line.starts_with(&format!("{insee}\t")))
        })
        .map(|(_, line)| format!("{line}\n"))
        .collect()
}

/// A gazetteer file of any text, the others bundled (the communes, a few of them): the first byte picks the file
/// ([`GAZETTEER_FILES`]), the rest is its text. It builds or is refused with problems;
/// what builds finds places, and serves the data when the events still check.
pub fn gazetteer(data: &[u8]) {
    static TEXTS: OnceLock<Vec<(PathBuf, String)>> = OnceLock::new();
    let Some((&which, text)) = data.split_first() else {
        return;
    };
    let bundled = TEXTS.get_or_init(|| {
        GAZETTEER_FILES
            .iter()
            .map(|name| {
                let path = data_dir().join("gazetteer").join(name);
                let text = std::fs::read_to_string(&path).expect("a bundled gazetteer file");
                let text = if *name == "communes.tsv" {
                    few_communes(&text)
                } else {
                    text
                };
                (path, text)
            })
            .collect()
    });
    let mut files = bundled.clone();
    let which = usize::from(which) % files.len();
    files[which].1 = String::from_utf8_lossy(text).into_owned();
    let Ok(gazetteer) = Gazetteer::parse(&files) else {
        return;
    };
    for question in [
        "près de Brest",
        "dans le 29",
        "en Bretagne",
        "75012",
        "Toulouze",
        "outre-mer",
    ] {
        let _ = find_place(&gazetteer, question, |_| false);
    }
    let texts = load::DATA_FILES
        .iter()
        .map(|name| {
            let path = data_dir().join(name);
            let text = std::fs::read_to_string(&path).expect("a bundled data file");
            (path, text)
        })
        .collect::<Vec<_>>();
    if let Ok(knowledge) = load::parse(&texts, Arc::new(gazetteer)) {
        serve(knowledge);
    }
}
