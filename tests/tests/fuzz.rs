//! The fuzz targets (`boussole_tests::targets`): first on every committed input (the
//! seed corpora of `tests/fuzz/corpus/`, grown by cargo-fuzz runs, and the crashes they
//! found, `tests/fuzz/regressions/`), then on inputs proptest generates — a short fuzz
//! of each target on every CI run. cargo-fuzz runs longer: `tests/fuzz/README.md`.

use boussole_tests::repo;
use boussole_tests::targets::{self, TARGETS};
use proptest::prelude::*;

#[test]
fn every_committed_input_passes_its_target() {
    for (name, target) in TARGETS {
        let started = std::time::Instant::now();
        let mut count = 0;
        for folder in ["corpus", "regressions"] {
            let dir = repo().join("tests/fuzz").join(folder).join(name);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.expect("a corpus entry").path();
                let data = std::fs::read(&path).expect("a corpus file");
                let replayed = std::panic::catch_unwind(|| target(&data));
                assert!(replayed.is_ok(), "{name}: {} fails", path.display());
                count += 1;
            }
        }
        assert!(count > 0, "{name}: no committed input");
        eprintln!("{name}: {count} inputs replayed in {:?}", started.elapsed());
    }
}

#[test]
fn a_real_snapshot_reads_back() {
    let knowledge = targets::boussole().knowledge();
    let mut snapshot = format!("{}\n", knowledge.events.len());
    for event in &knowledge.events {
        snapshot.push_str(&serde_json::to_string(event).unwrap());
        snapshot.push('\n');
    }
    let size = snapshot.len() as u64;
    let events = boussole_core::load::parse_snapshot(snapshot.as_bytes(), size).unwrap();
    assert_eq!(events.len(), knowledge.events.len());
    // A huge count is refused before any allocation; so is a truncated snapshot.
    let huge = format!("99999999999999999\n{}", &snapshot[3..]);
    assert!(boussole_core::load::parse_snapshot(huge.as_bytes(), size).is_err());
    let cut = &snapshot[..snapshot.len() / 2];
    assert!(boussole_core::load::parse_snapshot(cut.as_bytes(), cut.len() as u64).is_err());
    targets::snapshot(snapshot.as_bytes());
}

/// Characters students, platforms and attackers send: letters with and without accents,
/// digits and date punctuation, inclusive-writing dots, characters that fold into
/// several words, controls, invisible and bidi marks, combining marks, emoji, anything.
fn character() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        2 => prop::sample::select(vec!['é', 'è', 'à', 'ç', 'ô', 'Œ', 'É', 'ÿ', 'ß', 'ﬁ']),
        2 => prop::char::range('0', '9'),
        2 => prop::sample::select(vec![' ', ' ', '/', ',', '.', '\'', '-', '(', ')', '·', ':', '?']),
        1 => prop::sample::select(vec!['℀', '½', '℅', '㏂', '⅞', 'ﷺ', '㎧', '℁']),
        1 => prop::sample::select(vec!['\0', '\u{1b}', '\r', '\t', '\u{85}', '\u{7f}']),
        1 => prop::sample::select(vec!['\u{200b}', '\u{200d}', '\u{202e}', '\u{2066}', '\u{feff}', '\u{ad}']),
        1 => prop::sample::select(vec!['\u{301}', '\u{308}', '\u{20dd}', '\u{fe0f}']),
        1 => prop::sample::select(vec!['🏭', '👩', '🏽', '🇫', '🇷', '\u{e0067}']),
        1 => any::<char>(),
    ]
}

/// Words of questions, so that generated text reaches dates, places and follow-ups.
fn word() -> impl Strategy<Value = String> {
    let words = vec![
        "escape",
        "game",
        "visite",
        "usine",
        "près",
        "de",
        "Brest",
        "à",
        "Nice",
        "dans",
        "le",
        "29",
        "21",
        "novembre",
        "31",
        "février",
        "jeudi",
        "99",
        "du",
        "au",
        "km",
        "2,5",
        "0",
        "5000",
        "plus",
        "loin",
        "suivants",
        "et",
        "pour",
        "lycéens",
        "moi",
        "demain",
        "en",
        "décembre",
        "2100",
        "99999",
        "1/1/",
        "45/11",
        "ya",
        "koi",
        "pr",
        "combien",
        "salaire",
        "métiers",
        "Saint-Denis",
        "93",
        "75012",
        "Paris",
        "12e",
        "le 2",
        "dernier",
        "aide",
        "merci",
        "/start",
        "cette",
        "semaine",
        "week-end",
    ];
    prop_oneof![
        3 => prop::sample::select(words).prop_map(str::to_string),
        1 => prop::collection::vec(character(), 1..12).prop_map(|c| c.into_iter().collect()),
    ]
}

fn message() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..14).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn conversations_never_fail(clock in any::<u8>(), turns in prop::collection::vec(message(), 1..6)) {
        let mut data = vec![clock];
        data.extend(turns.join("\n").into_bytes());
        targets::conversation(&data);
    }

    #[test]
    fn positions_never_fail(lat in any::<f64>(), lon in any::<f64>(), words in message()) {
        let mut data = vec![0u8, 2];
        data.extend(lat.to_le_bytes());
        data.extend(lon.to_le_bytes());
        data.extend(words.into_bytes());
        data.extend(b"\nplus loin\nsuivants");
        targets::conversation(&data);
    }

    #[test]
    fn payloads_never_fail(kind in prop::sample::select(vec!["d:", "c:", "q:", "n", "w", "m", ""]), rest in message()) {
        targets::payload(format!("{kind}{rest}").as_bytes());
    }

    #[test]
    fn snapshots_never_fail(count in "[0-9]{0,25}", lines in prop::collection::vec(message(), 0..4)) {
        targets::snapshot(format!("{count}\n{}", lines.join("\n")).as_bytes());
    }
}

/// A JSON value of any shape, small.
fn json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        message().prop_map(Value::String),
        prop::sample::select(vec![
            "2024-11-21T09:00:00+01:00",
            "2024-11-21T09:00:00+0100",
            "2024-11-21 09:00:00Z",
            "2024-11-21T09:00:00+010é",
            "29019",
            "75112",
            "Brest",
            "https://x.fr/a",
            "javascript:alert(1)",
            "../../etc/passwd",
            "Europe/Paris",
            "Mars/Olympus",
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..5)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "uid",
        "title",
        "fr",
        "description",
        "longDescription",
        "timings",
        "begin",
        "end",
        "start",
        "location",
        "insee",
        "city",
        "postalCode",
        "latitude",
        "longitude",
        "name",
        "timezone",
        "keywords",
        "age",
        "min",
        "max",
        "status",
        "attendanceMode",
        "canonicalUrl",
        "registration",
        "type",
        "value",
        "originAgenda",
        "firstdate_begin",
        "lastdate_end",
        "location_coordinates",
        "lat",
        "lon",
        "types-de-publics",
        "fields",
    ])
    .prop_map(str::to_string)
}

/// A record that has what an event needs, then anything.
fn record() -> impl Strategy<Value = serde_json::Value> {
    (any::<u32>(), message(), prop::collection::btree_map(key(), json(), 0..8)).prop_map(
        |(uid, title, extra)| {
            let mut record = serde_json::json!({
                "uid": uid,
                "title": {"fr": title},
                "timings": [{"begin": "2024-11-21T09:00:00+01:00", "end": "2024-11-21T12:00:00+01:00"}],
                "location": {"insee": "29019", "city": "Brest", "latitude": 48.39, "longitude": -4.48},
            });
            if let Some(object) = record.as_object_mut() {
                object.extend(extra);
            }
            record
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn imports_of_any_shape_write_what_loads(records in prop::collection::vec(record(), 0..4)) {
        let text = serde_json::to_string(&records).unwrap();
        targets::import(text.as_bytes());
    }

    #[test]
    fn imports_of_any_bytes_never_fail(records in prop::collection::vec(json(), 0..4), csv in any::<bool>()) {
        let text = if csv {
            let cells: Vec<String> = records.iter().map(|r| r.to_string()).collect();
            format!("uid;title_fr;firstdate_begin\n{}", cells.join(";"))
        } else {
            serde_json::to_string(&records).unwrap()
        };
        targets::import(text.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// A bundled data file, damaged: a piece cut out and other text put in its place.
    #[test]
    fn damaged_data_files_are_refused_or_served(which in 0u8..5, at in any::<prop::sample::Index>(), cut in 0usize..200, put in message()) {
        let name = boussole_core::load::DATA_FILES[usize::from(which)];
        let text = std::fs::read_to_string(boussole_tests::data_dir().join(name)).unwrap();
        let mut start = at.index(text.len().max(1));
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + cut).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let damaged = format!("{}{put}{}", &text[..start], &text[end..]);
        let mut data = vec![which];
        data.extend(damaged.into_bytes());
        targets::toml(&data);
    }
}
