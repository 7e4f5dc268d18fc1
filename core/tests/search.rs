//! Search over the bundled data, through the public API.

use std::path::Path;
use std::sync::OnceLock;

use boussole_core::Boussole;
use boussole_core::index::Kind;
use boussole_core::load::load;
use boussole_core::understand::Intent;
use chrono::{DateTime, FixedOffset};

fn boussole() -> &'static Boussole {
    static BOUSSOLE: OnceLock<Boussole> = OnceLock::new();
    BOUSSOLE.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        Boussole::in_memory(load(&data).unwrap()).unwrap()
    })
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap()
}

fn event_ids(question: &str) -> Vec<String> {
    boussole()
        .ask(question, now())
        .events
        .into_iter()
        .map(|e| e.id)
        .collect()
}

#[test]
fn escape_game_finds_the_three_escape_games() {
    let ids = event_ids("escape game");
    let mut top3 = ids[..3].to_vec();
    top3.sort();
    assert_eq!(
        top3,
        [
            "escape-game-a-la-decouverte-des-principes-fondamentaux-de-lindustrie-40",
            "escape-game-de-la-metallurgie-azureenne",
            "escape-gamelenergie-est-la-clef",
        ]
    );
}

#[test]
fn accents_and_case_do_not_change_the_results() {
    assert_eq!(
        event_ids("visite d'usine hydroélectrique"),
        event_ids("VISITE USINE HYDROELECTRIQUE")
    );
    assert_eq!(
        event_ids("visite d'usine hydroélectrique")[0],
        "visite-de-lusine-hydroelectrique-de-castirla-8279411"
    );
}

#[test]
fn the_commune_and_the_organizer_find_their_event() {
    for (question, id) in [
        (
            "evenements a belfort",
            "visite-des-ateliers-turbines-alternateurs-et-assemblage-darabelle-solutions",
        ),
        (
            "les événements de Vinci",
            "vinci-visite-dun-chantier-de-metro-et-activites-autour-des-travaux-souterrains-et-du-genie-civil",
        ),
        (
            "maroquinerie",
            "visite-des-ateliers-de-la-manufacture-camille-fournet",
        ),
        (
            "biomasse",
            "decouverte-dune-usine-de-production-electrique-a-la-biomasse-4806292",
        ),
        ("Duralex", "75991871"),
    ] {
        assert_eq!(
            event_ids(question).first().map(String::as_str),
            Some(id),
            "{question}"
        );
    }
}

#[test]
fn lyceens_in_any_spelling_reach_the_same_events() {
    let reference = event_ids("lycéens");
    assert!(!reference.is_empty());
    for spelling in ["lyceen", "Lycéennes", "LYCEE", "lycées"] {
        assert_eq!(event_ids(spelling), reference, "{spelling}");
    }
}

#[test]
fn figures_come_with_their_source() {
    let answer = boussole().ask(
        "combien de recrutements sont prévus dans l'industrie en 2024 ?",
        now(),
    );
    assert_eq!(answer.intent, Intent::Facts);
    assert_eq!(answer.facts[0].id, "projets-de-recrutement-2024");
    assert!(answer.reply.contains("260 000"), "{}", answer.reply);
    assert!(answer.reply.contains("France Travail"), "{}", answer.reply);
}

#[test]
fn role_models_are_found_by_what_they_do() {
    let answer = boussole().ask("qui construit des sous-marins ?", now());
    assert_eq!(answer.intent, Intent::Portraits);
    assert!(answer.reply.contains("Charlotte") && answer.reply.contains("Naval Group"));
}

#[test]
fn the_week_answers_about_price() {
    let answer = boussole().ask("les événements sont payants ?", now());
    assert_eq!(answer.intent, Intent::About);
    assert!(answer.reply.contains("gratuits"), "{}", answer.reply);
}

#[test]
fn query_syntax_is_just_text() {
    for question in [
        "title:* OR (",
        "\"unbalanced",
        "AND OR NOT",
        "id:75991871^100",
        "a~2 [x TO y]",
    ] {
        let answer = boussole().ask(question, now());
        assert!(!answer.reply.is_empty(), "{question}");
    }
    // The words of a would-be query still count as words.
    let hits = boussole()
        .index()
        .search("kind:event title:(escape)", &[Kind::Event], 5);
    assert!(
        hits.iter()
            .any(|h| h.id == "escape-game-de-la-metallurgie-azureenne")
    );
}

#[test]
fn hostile_input_gets_an_answer() {
    let huge = "usine ".repeat(20_000); // 120 KB
    let answer = boussole().ask(&huge, now());
    assert!(
        answer.reply.contains("très longue"),
        "{}",
        &answer.reply[..100]
    );
    for question in [
        "\u{0}\u{7}\u{1b}[31m",
        "🏭🚀",
        "\u{202E}usine\u{200B}",
        "<script>alert(1)</script>",
        "'; DROP TABLE events; --",
    ] {
        let answer = boussole().ask(question, now());
        assert!(!answer.reply.is_empty(), "{question:?}");
    }
    assert_eq!(boussole().ask("🏭🚀", now()).intent, Intent::Unknown);
}

#[test]
fn gibberish_is_not_understood() {
    let answer = boussole().ask("asdkjh qwpoeiru", now());
    assert_eq!(answer.intent, Intent::Unknown);
    assert!(answer.events.is_empty());
}
