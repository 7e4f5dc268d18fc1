//! The OpenAgenda importer, against real API v2 responses (`../shared/openagenda/`) and
//! small records in the other export formats.

mod common;

use std::path::PathBuf;

use boussole_core::import::{Context, Schema, read};
use boussole_core::model::{Audience, EventType, Status};
use boussole_core::progress::{Progress, Silent, Task};
use boussole_core::understand::slots::SlotMatcher;
use common::boussole;

fn shared(name: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/openagenda")
        .join(name);
    std::fs::read_to_string(path).ok()
}

fn import(text: &str, schema: Option<&Schema>) -> Result<boussole_core::import::Imported, String> {
    let knowledge = boussole().knowledge();
    let slots = SlotMatcher::new(&knowledge.thesaurus);
    let context = Context {
        schema,
        gazetteer: &knowledge.gazetteer,
        slots: &slots,
        progress: &Silent,
    };
    read("test.json", text, &context)
}

#[test]
fn the_real_albi_agenda_imports_whole() {
    let (Some(events), Some(agenda)) =
        (shared("albi-events.v2.json"), shared("albi-agenda.v2.json"))
    else {
        eprintln!("../shared/openagenda not found: skipped");
        return;
    };
    let schema = Schema::parse(&agenda).unwrap();
    assert_eq!(schema.label("types-de-publics", 19), Some("Tout public"));
    let imported = import(&events, Some(&schema)).unwrap();
    assert_eq!(imported.events.len(), 75, "{:?}", imported.skipped);
    assert!(imported.skipped.is_empty());
    // Custom choice fields are resolved through the schema and mapped.
    assert!(
        imported
            .events
            .iter()
            .any(|e| e.types.contains(&EventType::Conference))
    );
    assert!(
        imported
            .events
            .iter()
            .any(|e| e.themes.iter().any(|t| t == "Tout public"))
    );
    // Places are checked against the gazetteer: Albi is 81004 in the Tarn, Occitanie.
    let albi = imported
        .events
        .iter()
        .filter(|e| e.place.insee.as_deref() == Some("81004"))
        .count();
    assert!(albi > 50, "{albi}");
    assert!(
        imported
            .events
            .iter()
            .all(|e| e.place.region.as_deref() == Some("76") || e.online)
    );
    // No personal data: no e-mail address, no phone, no member, anywhere.
    for event in &imported.events {
        let text = format!("{event:?}");
        assert!(!text.contains('@'), "{}: {text}", event.id);
        assert!(event.registration.iter().all(|r| r.starts_with("http")));
    }
    // Times in the venue's time zone, from offsets.
    let brocante = imported.events.iter().find(|e| e.id == "48516406").unwrap();
    assert_eq!(brocante.start_iso(), "2023-11-25T07:00:00+01:00");
}

#[test]
fn the_list_envelope_reads_like_an_array() {
    let Some(events) = shared("albi-events.v2.json") else {
        return;
    };
    let envelope = format!("{{\"total\": 75, \"events\": {events}, \"after\": null}}");
    assert_eq!(import(&envelope, None).unwrap().events.len(), 75);
}

const LEGACY: &str = r#"[{
  "uid": 123, "title": {"fr": "Visite d'usine", "en": "Factory tour"},
  "description": {"fr": "Une visite."},
  "timings": [{"start": "2024-11-21T08:00:00.000Z", "end": "2024-11-21T10:00:00.000Z"}],
  "tags": [{"label": {"fr": "métallurgie"}}],
  "location": {"name": "Usine", "city": "Brest", "postalCode": "29200", "latitude": 48.39, "longitude": -4.48},
  "member": {"name": "Jean Dupont", "email": "jean@example.org", "phone": "0600000000"},
  "age": {"min": 12, "max": 16}
}]"#;

#[test]
fn the_legacy_export_with_utc_timings_and_tags() {
    let imported = import(LEGACY, None).unwrap();
    let event = &imported.events[0];
    assert_eq!(event.id, "123");
    assert_eq!(event.title, "Visite d'usine");
    assert_eq!(
        event.start_iso(),
        "2024-11-21T09:00:00+01:00",
        "UTC to Paris time"
    );
    assert_eq!(
        event.place.insee.as_deref(),
        Some("29019"),
        "found by postal code and city"
    );
    assert!(event.themes.iter().any(|t| t == "métallurgie"));
    assert!(event.audiences.contains(&Audience::Collegiens));
    assert!(event.audiences.contains(&Audience::Lyceens));
    assert!(
        !format!("{event:?}").contains("Dupont"),
        "the member is never imported"
    );
}

#[test]
fn the_opendatasoft_export_as_json_and_csv() {
    let json = r#"[{"uid": "9", "title_fr": "Job dating", "description_fr": "Rencontres.",
        "firstdate_begin": "2024-11-19T09:00:00+01:00", "lastdate_end": "2024-11-19T12:00:00+01:00",
        "location_city": "Nantes", "location_postalcode": "44000", "location_insee": "44109",
        "location_coordinates": {"lat": 47.21, "lon": -1.55}, "keywords_fr": ["job dating"]}]"#;
    let imported = import(json, None).unwrap();
    assert_eq!(imported.events[0].place.commune.as_deref(), Some("Nantes"));
    assert!(imported.events[0].types.contains(&EventType::JobDating));
    let csv = "uid;title_fr;description_fr;firstdate_begin;lastdate_end;location_city;location_insee;location_coordinates;attendancemode;status\n\
               10;\"Salon; industrie\";Un salon.;2024-11-20T09:00:00+0100;2024-11-20T17:00:00+0100;Caen;14118;49.18, -0.36;1;6\n";
    let imported = import(csv, None).unwrap();
    let event = &imported.events[0];
    assert_eq!(event.title, "Salon; industrie");
    assert_eq!(event.status, Status::Cancelled);
    assert_eq!(imported.flagged.len(), 1, "cancelled events are flagged");
}

#[test]
fn bad_records_are_skipped_with_their_field_and_bad_files_refused() {
    let text = r#"[
      {"uid": 1, "title": {"fr": "Sans date"}, "location": {"insee": "29019"}},
      {"uid": 2, "title": {"fr": "Nulle part"}, "timings": [{"begin": "2024-11-21T09:00:00+01:00", "end": "2024-11-21T10:00:00+01:00"}], "location": {"insee": "00000", "city": "Atlantide"}},
      {"title": {"fr": "Sans uid"}},
      {"uid": 4, "title": {"fr": "Bonne"}, "timings": [{"begin": "2024-11-21T09:00:00+01:00", "end": "2024-11-21T10:00:00+01:00"}], "location": {"insee": "29019"}}
    ]"#;
    let imported = import(text, None).unwrap();
    assert_eq!(imported.events.len(), 1);
    assert_eq!(imported.skipped.len(), 3);
    assert!(
        imported.skipped[0].contains("record #1 (uid 1): field `timings`"),
        "{:?}",
        imported.skipped
    );
    assert!(
        imported.skipped[1].contains("record #2 (uid 2): field `location.insee`"),
        "{:?}",
        imported.skipped
    );
    assert!(
        imported.skipped[2].contains("record #3 (uid ?): field `uid`"),
        "{:?}",
        imported.skipped
    );
    assert!(
        import("[{\"uid\": 1,", None)
            .unwrap_err()
            .contains("truncated")
    );
    assert!(
        import("{\"total\": 3}", None)
            .unwrap_err()
            .contains("expected")
    );
    assert!(
        import("hello", None)
            .unwrap_err()
            .contains("neither JSON nor")
    );
}

#[test]
fn synthetic_agendas_are_deterministic_and_say_they_are_fictitious() {
    let knowledge = boussole().knowledge();
    let a = boussole_core::synthetic::openagenda_records(knowledge, 50, 7);
    let b = boussole_core::synthetic::openagenda_records(knowledge, 50, 7);
    assert_eq!(a, b);
    for record in &a {
        assert!(
            record["description"]["fr"]
                .as_str()
                .unwrap()
                .starts_with("Événement fictif")
        );
        assert!(
            record["canonicalUrl"]
                .as_str()
                .unwrap()
                .starts_with("https://example.invalid/")
        );
    }
    let imported = import(&serde_json::to_string(&a).unwrap(), None).unwrap();
    assert_eq!(imported.events.len(), 50, "{:?}", imported.skipped);
}

/// A synthetic agenda of 600 events, imported into a data set of its own: (its temporary
/// folder, the data set, the index folder, the bundled data).
fn synthetic_agenda(name: &str, seed: u64) -> (PathBuf, PathBuf, PathBuf, PathBuf) {
    let knowledge = boussole().knowledge();
    let records = boussole_core::synthetic::openagenda_records(knowledge, 600, seed);
    let events = import(&serde_json::to_string(&records).unwrap(), None)
        .unwrap()
        .events;
    let dir = std::env::temp_dir().join(format!("boussole-{name}-{}", std::process::id()));
    let (data, cache) = (dir.join("data"), dir.join("index"));
    let _ = std::fs::remove_dir_all(&dir);
    boussole_core::load::write_events(&data, events).unwrap();
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    (dir, data, cache, bundled)
}

#[test]
fn a_large_data_set_loads_from_its_snapshot_until_it_changes() {
    let (dir, data, cache, bundled) = synthetic_agenda("snapshot", 11);
    let first = boussole_core::load::load_cached(&data, &bundled, Some(&cache)).unwrap();
    let snapshots = || -> Vec<String> {
        std::fs::read_dir(&cache)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(snapshots().len(), 1, "{:?}", snapshots());
    let second = boussole_core::load::load_cached(&data, &bundled, Some(&cache)).unwrap();
    assert_eq!(first.events.len(), second.events.len());
    assert_eq!(first.fingerprint, second.fingerprint);
    assert_eq!(first.events[17].id, second.events[17].id);
    // Changed data: a new snapshot, never the stale one.
    let path = data.join("events.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("title = \"", "title = \"Modifié : ", 1),
    )
    .unwrap();
    let third = boussole_core::load::load_cached(&data, &bundled, Some(&cache)).unwrap();
    assert!(third.events[0].title.starts_with("Modifié : "));
    assert_eq!(snapshots().len(), 1, "the old snapshot is removed");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Records what a long task reports.
#[derive(Default)]
struct Recorder(std::cell::RefCell<Vec<String>>);

impl Progress for Recorder {
    fn start(&self, task: Task, total: u64) {
        let task = boussole_core::answer::labels::task(task);
        self.0.borrow_mut().push(format!("start {task} {total}"));
    }
    fn set(&self, done: u64) {
        self.0.borrow_mut().push(format!("set {done}"));
    }
    fn finish(&self) {
        self.0.borrow_mut().push("finish".into());
    }
}

#[test]
fn imports_and_index_builds_report_their_progress() {
    let knowledge = boussole().knowledge();
    let slots = SlotMatcher::new(&knowledge.thesaurus);
    let records: Vec<String> = (0..2_500)
        .map(|n| {
            format!(
                r#"{{"uid": {n}, "title": {{"fr": "Visite {n}"}}, "description": {{"fr": "Une visite."}},
                "timings": [{{"begin": "2024-11-21T09:00:00+01:00", "end": "2024-11-21T11:00:00+01:00"}}],
                "location": {{"city": "Brest", "postalCode": "29200", "insee": "29019", "latitude": 48.39, "longitude": -4.49}}}}"#
            )
        })
        .collect();
    let recorder = Recorder::default();
    let context = Context {
        schema: None,
        gazetteer: &knowledge.gazetteer,
        slots: &slots,
        progress: &recorder,
    };
    let imported = read("many.json", &format!("[{}]", records.join(",")), &context).unwrap();
    assert_eq!(imported.events.len(), 2_500, "{:?}", imported.skipped);
    assert_eq!(
        recorder.0.take(),
        [
            "start import des événements 2500",
            "set 0",
            "set 1000",
            "set 2000",
            "set 2500",
            "finish"
        ]
    );

    let mut data = knowledge.clone();
    data.events = imported.events;
    let root = std::env::temp_dir().join(format!("boussole-progress-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let analyzer = boussole_core::Boussole::analyzer(&data);
    let (_, origin) = boussole_core::index::SearchIndex::open_or_build_with(
        &root,
        &data,
        analyzer.clone(),
        &recorder,
    )
    .unwrap();
    assert_eq!(origin, boussole_core::index::Origin::Built);
    let reported = recorder.0.take();
    assert_eq!(
        reported.first().unwrap(),
        "start indexation des événements 2500"
    );
    assert_eq!(reported.last().unwrap(), "finish");
    // A reused index has nothing to report.
    let (_, origin) =
        boussole_core::index::SearchIndex::open_or_build_with(&root, &data, analyzer, &recorder)
            .unwrap();
    assert_eq!(origin, boussole_core::index::Origin::Reused);
    assert!(recorder.0.take().is_empty());
    let _ = std::fs::remove_dir_all(&root);
}

/// An event record with what an import needs; `extra` overrides or adds fields.
fn record(extra: serde_json::Value) -> serde_json::Value {
    let mut record = serde_json::json!({
        "uid": 4242,
        "title": {"fr": "Visite d'usine"},
        "timings": [{"begin": "2024-11-21T09:00:00+01:00", "end": "2024-11-21T12:00:00+01:00"}],
        "location": {"insee": "29019", "city": "Brest", "latitude": 48.39, "longitude": -4.48},
    });
    if let (Some(record), Some(extra)) = (record.as_object_mut(), extra.as_object()) {
        record.extend(extra.clone());
    }
    record
}

/// What an import of `records` would write, loaded and checked with the bundled files.
fn written_then_loaded(events: &[boussole_core::model::Event]) -> Result<usize, String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let mut files: Vec<(std::path::PathBuf, String)> = boussole_core::load::DATA_FILES
        .iter()
        .map(|name| {
            (
                dir.join(name),
                std::fs::read_to_string(dir.join(name)).unwrap(),
            )
        })
        .collect();
    files[0].1 = boussole_core::load::events_text(events)?;
    let gazetteer = boussole().knowledge().gazetteer.clone();
    boussole_core::load::parse(&files, gazetteer)
        .map(|k| k.events.len())
        .map_err(|err| err.to_string())
}

#[test]
fn hostile_fields_are_capped_refused_or_replaced_and_what_is_written_loads() {
    let huge = "Visite ".repeat(1_500_000); // 10 MB
    let records = serde_json::json!([
        record(serde_json::json!({"title": {"fr": huge}, "description": {"fr": huge}})),
        record(serde_json::json!({"uid": "x".repeat(100_000)})),
        record(serde_json::json!({"uid": "../../etc/passwd"})),
        record(serde_json::json!({"uid": 7, "canonicalUrl": "javascript:alert(1)"})),
        record(serde_json::json!({"uid": 8, "registration": [
            {"type": "link", "value": "javascript:alert(1)"},
            {"type": "link", "value": "https://inscription.example/a"}]})),
        record(
            serde_json::json!({"uid": 9, "title": "\u{202e}Visite\u{0}\u{200b} d'usine\u{7}",
            "location": {"insee": "29019", "city": "Brest", "name": "x".repeat(10_000)}})
        ),
        record(
            serde_json::json!({"uid": 10, "keywords": {"fr": (0..500).map(|i| format!("mot {i}")).collect::<Vec<_>>()}})
        ),
        // A multibyte character where an offset would be: skipped, no panic.
        record(
            serde_json::json!({"uid": 11, "timings": [{"begin": "2024-11-21T09:00:00+010é", "end": "2024-11-21T12:00:00+01:00"}]})
        ),
    ]);
    let imported = import(&records.to_string(), None).unwrap();
    let ids: Vec<&str> = imported.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["4242", "7", "8", "9", "10"], "{:?}", imported.skipped);
    let skipped = imported.skipped.join("\n");
    assert_eq!(imported.skipped.len(), 3, "{skipped}");
    assert!(
        skipped.contains("record #2") && skipped.contains("field `uid`"),
        "{skipped}"
    );
    assert!(
        skipped.contains("record #3") && skipped.contains("invalid uid"),
        "{skipped}"
    );
    assert!(
        skipped.contains("record #8") && skipped.contains("field `timings`"),
        "{skipped}"
    );
    assert!(
        skipped.len() < 2_000,
        "reports quote at most a little of a field"
    );
    let [big, linked, registered, cleaned, tagged] = &imported.events[..] else {
        unreachable!()
    };
    assert!(big.title.chars().count() <= 300 && big.title.ends_with('…'));
    assert!(big.description.chars().count() <= 3_000);
    assert!(
        big.notes.iter().any(|n| n.contains("title tronqué")),
        "{:?}",
        big.notes
    );
    assert_eq!(linked.link, "https://openagenda.com/events/7");
    assert_eq!(registered.registration, ["https://inscription.example/a"]);
    assert_eq!(cleaned.title, "Visite d'usine");
    assert!(cleaned.place.venue.as_ref().unwrap().chars().count() <= 200);
    assert_eq!(tagged.themes.len(), 20);
    let flagged = imported.flagged.join("\n");
    assert!(
        flagged.contains("record #1") && flagged.contains("title"),
        "{flagged}"
    );
    assert_eq!(written_then_loaded(&imported.events), Ok(5));
}

#[test]
fn a_corrupt_snapshot_is_rebuilt_from_the_data_not_trusted() {
    let (dir, data, cache, bundled) = synthetic_agenda("corrupt", 3);
    let load = || boussole_core::load::load_cached(&data, &bundled, Some(&cache));
    let first = load().unwrap();
    let snapshot = std::fs::read_dir(&cache)
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&snapshot).unwrap();
    let body = text.split_once('\n').unwrap().1.to_string();
    for corrupt in [
        format!("18446744073709551615\n{body}"), // a count that would allocate terabytes
        format!("600\n{}", &body[..body.len() / 2]), // truncated
        "600\nnot json\n".to_string(),
        // Valid JSON, but a title with a control character: it fails the checks.
        format!(
            "600\n{}",
            body.replacen("\"title\":\"", "\"title\":\"\\u0000", 1)
        ),
    ] {
        std::fs::write(&snapshot, corrupt).unwrap();
        let again = load().expect("a corrupt snapshot is never fatal");
        assert_eq!(again.events.len(), first.events.len());
        assert_eq!(again.events[0].title, first.events[0].title);
        // Rebuilt: the snapshot is whole again.
        assert!(
            std::fs::read_to_string(&snapshot)
                .unwrap()
                .starts_with("600\n")
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
