//! The bundled data: the 19 events of the press kit, its facts, portraits and the week.

use std::path::{Path, PathBuf};

use boussole_core::load::{DataError, load, load_with};
use boussole_core::model::{Audience, Knowledge};
use chrono::NaiveDate;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn knowledge() -> Knowledge {
    load(&data_dir()).expect("the bundled data loads")
}

const PRESS_KIT_IDS: [&str; 19] = [
    "escape-gamelenergie-est-la-clef",
    "visite-des-ateliers-turbines-alternateurs-et-assemblage-darabelle-solutions",
    "brest-industy-9361782",
    "75991871",
    "visite-de-lusine-hydroelectrique-de-castirla-8279411",
    "escape-game-a-la-decouverte-des-principes-fondamentaux-de-lindustrie-40",
    "20397866",
    "salon-made-in-guyane-5650422",
    "forindustrie-lunivers-extraordinaire",
    "village-de-lindustrie-4203657",
    "decouverte-dune-usine-de-production-electrique-a-la-biomasse-4806292",
    "la-journee-portes-ouvertes-du-parm",
    "la-nuit-de-lorientation-rochefort",
    "90204075",
    "vinci-visite-dun-chantier-de-metro-et-activites-autour-des-travaux-souterrains-et-du-genie-civil",
    "47276463",
    "escape-game-de-la-metallurgie-azureenne",
    "visite-des-ateliers-de-la-manufacture-camille-fournet",
    "bercy-fait-son-industrie-2024",
];

#[test]
fn all_nineteen_press_kit_events_with_their_ids() {
    let knowledge = knowledge();
    let mut ids: Vec<&str> = knowledge.events.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    let mut expected = PRESS_KIT_IDS.to_vec();
    expected.sort_unstable();
    assert_eq!(ids, expected);
}

#[test]
fn ids_are_the_last_segment_of_the_openagenda_link() {
    for event in knowledge().events {
        if event.link.contains("openagenda.com") {
            assert!(
                event.link.ends_with(&format!("/{}", event.id)),
                "{}",
                event.id
            );
        }
    }
}

#[test]
fn coordinates_are_in_france_and_dates_around_the_week() {
    let knowledge = knowledge();
    let window_start = NaiveDate::from_ymd_opt(2024, 11, 4).unwrap();
    let window_end = NaiveDate::from_ymd_opt(2024, 12, 9).unwrap();
    for event in &knowledge.events {
        assert!(
            event.first_day() >= window_start,
            "{} starts too early",
            event.id
        );
        assert!(event.last_day() <= window_end, "{} ends too late", event.id);
        if event.online {
            continue;
        }
        let (lat, lon) = (event.place.lat.unwrap(), event.place.lon.unwrap());
        let metropole = (41.0..51.5).contains(&lat) && (-5.5..10.0).contains(&lon);
        let overseas = event
            .place
            .departement
            .as_deref()
            .is_some_and(|d| d.starts_with("97"));
        assert!(metropole || overseas, "{} at {lat},{lon}", event.id);
    }
}

#[test]
fn overseas_events_keep_their_own_time_zone() {
    let knowledge = knowledge();
    let offset = |id: &str| {
        knowledge
            .event(id)
            .unwrap()
            .start_instant()
            .offset()
            .local_minus_utc()
            / 3600
    };
    assert_eq!(offset("20397866"), -4); // Guadeloupe
    assert_eq!(offset("salon-made-in-guyane-5650422"), -3);
    assert_eq!(offset("la-journee-portes-ouvertes-du-parm"), -4); // Martinique
    assert_eq!(
        offset("decouverte-dune-usine-de-production-electrique-a-la-biomasse-4806292"),
        4
    );
    assert_eq!(offset("brest-industy-9361782"), 1);
}

#[test]
fn press_kit_corrections_hold() {
    let knowledge = knowledge();
    // The kit places Tergnier in Saint-Pierre-et-Miquelon: it is in the Aisne.
    let fournet = knowledge
        .event("visite-des-ateliers-de-la-manufacture-camille-fournet")
        .unwrap();
    assert_eq!(fournet.place.insee.as_deref(), Some("02738"));
    assert_eq!(fournet.place.departement.as_deref(), Some("02"));
    assert_eq!(fournet.place.region.as_deref(), Some("32"));
    // Footnote markers glued to "83" and "154".
    let indirect = knowledge.fact("emplois-indirects").unwrap();
    assert_eq!((indirect.value, indirect.value_max), (83.0, Some(154.0)));
    // Bercy: 22 November 2024, 9 h to 16 h, for collégiens and lycéens.
    let bercy = knowledge.event("bercy-fait-son-industrie-2024").unwrap();
    assert_eq!(bercy.start_iso(), "2024-11-22T09:00:00+01:00");
    assert!(bercy.audiences.contains(&Audience::Collegiens));
}

#[test]
fn every_fact_has_a_source_a_year_and_its_figure_in_its_sentence() {
    let knowledge = knowledge();
    assert!(
        knowledge.facts.len() >= 30,
        "{} facts",
        knowledge.facts.len()
    );
    for fact in &knowledge.facts {
        assert!(!fact.cited_as.is_empty(), "{}", fact.id);
        assert!((2011..=2030).contains(&fact.year), "{}", fact.id);
        assert!(fact.statement.contains(&fact.figure), "{}", fact.id);
    }
    for (id, figure) in [
        ("emplois-a-pourvoir", "66 000"),
        ("projets-de-recrutement-2024", "260 000"),
        ("salaires-industrie", "13 %"),
        ("part-des-femmes", "30 %"),
        ("nombre-evenements", "7 400"),
        ("participants-attendus", "5,6 millions"),
        ("job-dating-sessions", "831"),
        ("ouvertures-usines-2023", "189"),
        ("emissions-industrie", "18 %"),
    ] {
        assert_eq!(
            knowledge.fact(id).map(|f| f.figure.as_str()),
            Some(figure),
            "{id}"
        );
    }
}

#[test]
fn four_portraits_and_the_week() {
    let knowledge = knowledge();
    let names: Vec<&str> = knowledge
        .portraits
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Charlotte", "Adrien", "Océane", "Mickael"]);
    let week = &knowledge.week;
    assert_eq!((week.edition, week.since), (13, 2011));
    assert_eq!(week.start, NaiveDate::from_ymd_opt(2024, 11, 18).unwrap());
    assert_eq!(week.end, NaiveDate::from_ymd_opt(2024, 11, 24).unwrap());
    for topic in [
        "participer",
        "bercy",
        "industrielles",
        "cmq",
        "mines-telecom",
        "remed",
    ] {
        assert!(knowledge.topic(topic).is_some(), "{topic}");
    }
}

/// Copies the bundled data to a temporary directory, applies `edit` to one file, loads.
fn load_edited(file: &str, edit: impl Fn(String) -> String) -> Result<Knowledge, DataError> {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("boussole-data-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in boussole_core::load::DATA_FILES {
        let text = std::fs::read_to_string(data_dir().join(name)).unwrap();
        let text = if name == file { edit(text) } else { text };
        std::fs::write(dir.join(name), text).unwrap();
    }
    let result = load_with(&dir, &data_dir().join("gazetteer"));
    std::fs::remove_dir_all(&dir).unwrap();
    result
}

fn problems(result: Result<Knowledge, DataError>) -> Vec<String> {
    match result {
        Err(DataError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_bad_record_is_reported_with_file_record_and_field() {
    let found = problems(load_edited("events.toml", |t| {
        t.replacen(
            "audiences = [\"collegiens\"]",
            "audiences = [\"lutins\"]",
            1,
        )
    }));
    assert_eq!(found.len(), 1, "{found:?}");
    let problem = &found[0];
    assert!(problem.contains("events.toml"), "{problem}");
    assert!(
        problem.contains("event #2 (visite-des-ateliers-turbines"),
        "{problem}"
    );
    assert!(problem.contains("field `audiences[0]`"), "{problem}");
    assert!(problem.contains("lutins"), "{problem}");
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let found = problems(load_edited("events.toml", |t| {
        t.replacen("start = \"2024-11-14\"", "start = \"14 novembre\"", 1)
            .replacen("lat = 48.39029", "lat = 148.39029", 1)
    }));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().any(|p| p.contains("field `start`")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.contains("field `place.lat`")),
        "{found:?}"
    );
}

#[test]
fn a_fact_whose_figure_is_not_in_its_sentence_is_refused() {
    let found = problems(load_edited("facts.toml", |t| {
        t.replacen("figure = \"66 000\"", "figure = \"660 000\"", 1)
    }));
    assert!(
        found[0].contains("fact #1 (emplois-a-pourvoir): field `figure`"),
        "{found:?}"
    );
}

#[test]
fn broken_toml_names_the_file_and_line() {
    let found = problems(load_edited("portraits.toml", |t| {
        t.replacen("[[portrait]]", "[[portrait", 1)
    }));
    assert!(
        found[0].contains("portraits.toml: invalid TOML: line"),
        "{found:?}"
    );
}

#[test]
fn a_place_label_that_contradicts_the_gazetteer_is_reported() {
    // The press kit's own mistake: Tergnier placed in Saint-Pierre-et-Miquelon.
    let found = problems(load_edited("events.toml", |t| {
        t.replacen(
            "departement = \"02\"\ndepartement_name = \"Aisne\"\nregion = \"32\"",
            "departement = \"975\"\ndepartement_name = \"Saint-Pierre-et-Miquelon\"\nregion = \"975\"",
            1,
        )
    }));
    assert!(
        found
            .iter()
            .any(|p| p.contains("manufacture-camille-fournet")
                && p.contains("field `place.departement`")
                && p.contains("Tergnier is in département 02 (Aisne)")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.contains("field `place.region`")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.contains("field `place.insee`")),
        "{found:?}"
    );
}

#[test]
fn coordinates_far_from_their_commune_are_reported() {
    let found = problems(load_edited("events.toml", |t| {
        t.replacen("lon = -4.48628", "lon = -3.48628", 1)
    }));
    assert!(
        found
            .iter()
            .any(|p| p.contains("brest-industy") && p.contains("km from Brest")),
        "{found:?}"
    );
}

#[test]
fn a_code_too_long_and_too_many_themes_are_reported() {
    let found = problems(load_edited("events.toml", |t| {
        t.replacen("postcode = \"29200\"", "postcode = \"29200 BREST\"", 1)
    }));
    assert!(
        found
            .iter()
            .any(|p| p.contains("field `place.postcode`") && p.contains("at most 5 ASCII")),
        "{found:?}"
    );

    let found = problems(load_edited("thesaurus.toml", |mut t| {
        for n in 0..50 {
            t.push_str(&format!(
                "\n[[theme]]\ntheme = \"extra {n}\"\nlabel = \"extra {n}\"\nwords = [\"motextra{n}\"]\n"
            ));
        }
        t
    }));
    assert!(
        found
            .iter()
            .any(|p| p.contains("theme #65") && p.contains("at most 64 themes")),
        "{found:?}"
    );
}
