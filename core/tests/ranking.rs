//! Ranking: text relevance combined with the slots, and what is relaxed when nothing fits.

mod common;

use boussole_core::action::Action;
use boussole_core::understand::Intent;
use common::{at, boussole, event_ids as ids, now};

#[test]
fn themes_rank_the_most_specific_event_first() {
    assert_eq!(
        ids("énergie nucléaire")[0],
        "visite-des-ateliers-turbines-alternateurs-et-assemblage-darabelle-solutions"
    );
    assert_eq!(
        ids("hydroelectricite")[0],
        "visite-de-lusine-hydroelectrique-de-castirla-8279411"
    );
    assert_eq!(ids("des trucs sur le verre")[0], "75991871");
    assert_eq!(
        ids("BTP")[0],
        "vinci-visite-dun-chantier-de-metro-et-activites-autour-des-travaux-souterrains-et-du-genie-civil"
    );
}

#[test]
fn audience_and_girls_boost() {
    let collegiens = boussole().ask("visites pour les collégiens", now());
    assert_eq!(collegiens.understood.audiences.len(), 1);
    let first = boussole()
        .knowledge()
        .event(&collegiens.events[0].id)
        .unwrap();
    assert!(
        first
            .audiences
            .contains(&boussole_core::model::Audience::Collegiens)
    );
    let girls = ids("des événements pour les filles dans la tech");
    assert!(girls[..3].contains(&"20397866".to_string()), "{girls:?}");
}

#[test]
fn organizers_rank_their_own_events_before_their_partnerships() {
    assert_eq!(
        ids("EDF")[0],
        "visite-de-lusine-hydroelectrique-de-castirla-8279411"
    );
    assert_eq!(ids("CESI")[0], "90204075");
}

#[test]
fn dates_filter_and_are_relaxed_when_nothing_fits() {
    let thursday = ids("événements le jeudi 21 novembre");
    assert!(thursday.contains(&"brest-industy-9361782".to_string()));
    assert!(
        !thursday.contains(&"75991871".to_string()),
        "14 November is not the 21st"
    );
    let answer = boussole().ask("escape game le 25 novembre", now());
    assert!(
        answer
            .reply()
            .contains("Je n'ai trouvé aucun événement lundi 25 novembre"),
        "{}",
        answer.reply()
    );
    assert_eq!(answer.understood.relaxed, ["dates: lundi 25 novembre"]);
    assert_eq!(answer.events.len(), 3, "the escape games of other days");
    let tomorrow = boussole().ask("événements demain", at("2024-11-19T08:00:00+01:00"));
    assert!(
        tomorrow.reply().contains("mercredi 20 novembre"),
        "the reply says the date understood"
    );
}

#[test]
fn words_that_match_nothing_in_scope_are_relaxed_and_said() {
    let answer = boussole().ask("escape game à Brest", now());
    assert_eq!(answer.events[0].id, "brest-industy-9361782");
    assert!(
        answer
            .reply()
            .contains("Je n'ai rien trouvé qui corresponde exactement à moins de 30 km de Brest"),
        "{}",
        answer.reply()
    );
}

#[test]
fn online_events_on_request() {
    assert_eq!(
        ids("événements en ligne"),
        ["forindustrie-lunivers-extraordinaire"]
    );
    assert_eq!(
        ids("un jeu vidéo à distance")[0],
        "forindustrie-lunivers-extraordinaire"
    );
}

#[test]
fn ambiguities_offer_the_other_reading() {
    let answer = boussole().ask("Saint-Denis", now());
    assert!(
        answer
            .actions
            .iter()
            .any(|a| matches!(a, Action::Ask { label, .. } if label == "Saint-Denis (93)")),
        "{:?}",
        answer.actions
    );
    let answer = boussole().ask("événements le 29", now());
    assert_eq!(
        answer.understood.dates.as_ref().unwrap().label,
        "vendredi 29 novembre"
    );
    assert!(
        answer.actions.iter().any(
            |a| matches!(a, Action::Ask { question, .. } if question == "événements dans le 29")
        ),
        "{:?}",
        answer.actions
    );
}

#[test]
fn facts_and_portraits_compete_with_events() {
    let answer = boussole().ask("les métiers de l'énergie", now());
    assert_eq!(answer.intent, Intent::Events);
    assert!(!answer.events.is_empty());
    assert!(
        answer.reply().contains("À savoir aussi"),
        "{}",
        answer.reply()
    );
    let robots = boussole().ask("un métier avec des robots", now());
    assert!(robots.reply().contains("Océane"), "{}", robots.reply());
}

#[test]
fn after_the_edition_the_reply_says_so() {
    let answer = boussole().ask("escape game", at("2025-03-01T10:00:00+01:00"));
    assert_eq!(answer.events.len(), 3);
    assert!(
        answer.reply().contains("ont déjà eu lieu"),
        "{}",
        answer.reply()
    );
}
