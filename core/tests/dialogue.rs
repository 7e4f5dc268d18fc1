//! Conversations: follow-ups refer to the last answer.

mod common;

use boussole_core::dialogue::Conversation;
use boussole_core::understand::Intent;
use common::{boussole, now};

fn chat(questions: &[&str]) -> Vec<boussole_core::answer::Answer> {
    let mut conversation = Conversation::new();
    questions
        .iter()
        .map(|q| boussole().reply(&mut conversation, q, now()))
        .collect()
}

#[test]
fn details_of_an_item_by_rank() {
    let answers = chat(&["escape game à Nice", "plus d'infos sur le 1"]);
    assert_eq!(answers[1].intent, Intent::EventDetails);
    assert_eq!(
        answers[1].events[0].id,
        "escape-game-de-la-metallurgie-azureenne"
    );
    assert!(answers[1].reply.contains("Mission Locale"));
    let answers = chat(&["escape game", "le 2", "le premier", "le dernier", "le 9"]);
    assert_eq!(answers[1].events[0].id, answers[0].events[1].id);
    assert_eq!(answers[2].events[0].id, answers[0].events[0].id);
    assert_eq!(answers[3].events[0].id, answers[0].events[2].id);
    assert!(
        answers[4].reply.contains("Il n'y a pas de n° 9"),
        "{}",
        answers[4].reply
    );
}

#[test]
fn a_new_place_keeps_the_rest() {
    let answers = chat(&["escape game près de Brest", "et à Nice ?"]);
    assert_eq!(
        answers[1].events[0].id,
        "escape-game-de-la-metallurgie-azureenne"
    );
    assert_eq!(answers[1].understood.types.len(), 1, "escape game kept");
    let answers = chat(&["événements près de Brest", "et à Caen ?"]);
    assert_eq!(answers[1].events[0].id, "90204075");
}

#[test]
fn a_new_audience_keeps_the_place() {
    let answers = chat(&["événements en Île-de-France", "et pour les collégiens ?"]);
    assert_eq!(
        answers[1].understood.place.as_deref(),
        Some("Île-de-France")
    );
    assert_eq!(answers[1].understood.audiences.len(), 1);
}

#[test]
fn next_pages() {
    let answers = chat(&["événements", "suivants", "encore", "d'autres ?", "suivants"]);
    assert_eq!(answers[0].events.len(), 5);
    assert_eq!(answers[1].events.len(), 5);
    assert_ne!(answers[0].events[0].id, answers[1].events[0].id);
    assert!(
        answers[1].reply.contains("Suite (6 à 10 sur 19)"),
        "{}",
        answers[1].reply
    );
    assert_eq!(answers[3].events.len(), 4, "19 events: 5 + 5 + 5 + 4");
    assert!(
        answers[4].reply.starts_with("C'est tout"),
        "{}",
        answers[4].reply
    );
}

#[test]
fn farther_widens_the_radius() {
    let answers = chat(&["près de Quimper", "plus loin"]);
    assert!(
        answers[0]
            .reply
            .contains("Je n'ai trouvé aucun événement à moins de 30 km")
    );
    assert_eq!(answers[1].understood.radius_km, Some(60.0));
    assert_eq!(answers[1].events[0].id, "brest-industy-9361782");
}

#[test]
fn follow_ups_without_a_list_are_explained() {
    let answers = chat(&["le 2"]);
    assert!(
        answers[0].reply.contains("Pose-moi d'abord une question"),
        "{}",
        answers[0].reply
    );
}

#[test]
fn a_position_answers_the_question_that_asked_for_it() {
    let mut conversation = Conversation::new();
    let asked = boussole().reply(&mut conversation, "un escape game près de moi", now());
    assert!(
        asked.reply.contains("partage ta position"),
        "{}",
        asked.reply
    );
    assert_eq!(
        asked.actions,
        [boussole_core::action::Action::NearMe],
        "the adapter offers its position button"
    );
    let nice = boussole_core::places::Point::new(43.70, 7.27).unwrap();
    let answer = boussole().near_in(&mut conversation, nice, None, "", now());
    assert_eq!(
        answer.understood.types,
        [boussole_core::model::EventType::EscapeGame],
        "{}",
        answer.reply
    );
    assert_eq!(
        answer.events[0].id,
        "escape-game-de-la-metallurgie-azureenne"
    );
    // The wait is over: the next position shared is a plain "what is near me".
    let again = boussole().near_in(&mut conversation, nice, None, "", now());
    assert!(again.understood.types.is_empty(), "{:?}", again.understood);

    // "et près de moi ?" after a list: that list's search, around the position to come.
    let mut conversation = Conversation::new();
    boussole().reply(&mut conversation, "escape game", now());
    let asked = boussole().reply(&mut conversation, "et près de moi ?", now());
    assert!(
        asked.reply.contains("partage ta position"),
        "{}",
        asked.reply
    );
    let answer = boussole().near_in(&mut conversation, nice, None, "", now());
    assert_eq!(
        answer.understood.types,
        [boussole_core::model::EventType::EscapeGame],
        "{}",
        answer.reply
    );
}
