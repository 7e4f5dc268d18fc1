//! Conversations: follow-ups refer to the last answer.

mod common;

use boussole_core::answer::{Answer, action_label};
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
    assert!(answers[1].reply().contains("Mission Locale"));
    let answers = chat(&["escape game", "le 2", "le premier", "le dernier", "le 9"]);
    assert_eq!(answers[1].events[0].id, answers[0].events[1].id);
    assert_eq!(answers[2].events[0].id, answers[0].events[0].id);
    assert_eq!(answers[3].events[0].id, answers[0].events[2].id);
    assert!(
        answers[4].reply().contains("Il n'y a pas de n° 9"),
        "{}",
        answers[4].reply()
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
        answers[1].reply().contains("Suite (6 à 10 sur 19)"),
        "{}",
        answers[1].reply()
    );
    assert_eq!(answers[3].events.len(), 4, "19 events: 5 + 5 + 5 + 4");
    assert!(
        answers[4].reply().starts_with("C'est tout"),
        "{}",
        answers[4].reply()
    );
}

#[test]
fn farther_widens_the_radius() {
    let answers = chat(&["près de Quimper", "plus loin"]);
    assert!(
        answers[0]
            .reply()
            .contains("Je n'ai trouvé aucun événement à moins de 30 km")
    );
    assert_eq!(answers[1].understood.radius_km, Some(60.0));
    assert_eq!(answers[1].events[0].id, "brest-industy-9361782");
}

#[test]
fn follow_ups_without_a_list_are_explained() {
    let answers = chat(&["le 2"]);
    assert!(
        answers[0].reply().contains("Pose-moi d'abord une question"),
        "{}",
        answers[0].reply()
    );
}

#[test]
fn a_position_answers_the_question_that_asked_for_it() {
    let mut conversation = Conversation::new();
    let asked = boussole().reply(&mut conversation, "un escape game près de moi", now());
    assert!(
        asked.reply().contains("partage ta position"),
        "{}",
        asked.reply()
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
        answer.reply()
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
        asked.reply().contains("partage ta position"),
        "{}",
        asked.reply()
    );
    let answer = boussole().near_in(&mut conversation, nice, None, "", now());
    assert_eq!(
        answer.understood.types,
        [boussole_core::model::EventType::EscapeGame],
        "{}",
        answer.reply()
    );
}

#[test]
fn a_shared_position_is_used_and_kept_to_about_a_kilometre() {
    use boussole_core::places::Point;
    let near = |lat: f64, lon: f64| {
        let mut conversation = Conversation::new();
        let point = Point::new(lat, lon).unwrap();
        let first = boussole().near_in(&mut conversation, point, None, "", now());
        let wider = boussole().reply(&mut conversation, "plus loin", now());
        (first.events[0].distance_km, wider.events[0].distance_km)
    };
    // Two positions 300 m apart, in the same 0.01° square: the same search, the same
    // distances, before and after "plus loin" (which reuses what was kept).
    let exact = near(48.390_294, -4.486_281);
    assert_eq!(exact, near(48.387_6, -4.489_9));
    assert!(exact.0.is_some());
}

#[test]
fn plus_loin_stops_at_france_wide_and_says_so() {
    let mut questions = vec!["escape game près de Brest"];
    questions.extend(std::iter::repeat_n("plus loin", 8));
    let answers = chat(&questions);
    let radii: Vec<Option<f64>> = answers.iter().map(|a| a.understood.radius_km).collect();
    assert_eq!(
        radii,
        [
            Some(30.0),
            Some(60.0),
            Some(120.0),
            Some(240.0),
            Some(480.0),
            Some(960.0),
            None,
            None,
            None
        ]
    );
    assert!(
        answers[6]
            .reply()
            .contains("dans toute la France, au plus près de Brest")
    );
    assert!(
        answers[7]
            .reply()
            .contains("Je cherche déjà dans toute la France")
    );
    // No "Plus loin" button once France-wide; what fits, nearest first.
    let wider = |a: &boussole_core::action::Action| action_label(a) == "Plus loin";
    assert!(answers[5].actions.iter().any(wider) && !answers[6].actions.iter().any(wider));
    let distances: Vec<f64> = answers[6]
        .events
        .iter()
        .filter_map(|e| e.distance_km)
        .collect();
    assert!(
        distances.len() >= 3 && distances.is_sorted(),
        "nearest first: {distances:?}"
    );
}

/// A button acts on what its own message showed, whatever was asked since: the details
/// of an older list's event, the next page of an older list; on another replica (a
/// conversation that never saw the list), the details still work.
#[test]
fn buttons_act_on_their_own_message() {
    use boussole_core::Outcome;
    use boussole_core::action::Action;
    let mut conversation = Conversation::new();
    let nice = boussole().reply(&mut conversation, "escape game à Nice", now());
    let all = boussole().reply(&mut conversation, "événements", now());
    assert_ne!(nice.events[0].id, all.events[0].id);
    let payload = |answer: &boussole_core::answer::Answer, label: &str| {
        let action = answer
            .actions
            .iter()
            .find(|a| action_label(a) == label)
            .unwrap();
        action.payload().unwrap()
    };
    let details = payload(&nice, "Détails du 1");
    for conversation in [&mut conversation, &mut Conversation::new()] {
        let Outcome::Answer(shown) = boussole().press(conversation, &details, now()) else {
            panic!("details give an answer");
        };
        assert_eq!(shown.events[0].id, nice.events[0].id, "{}", shown.reply());
    }
    let Outcome::Answer(next) =
        boussole().press(&mut conversation, &payload(&all, "Suivants"), now())
    else {
        panic!("a page");
    };
    let _ = boussole().reply(
        &mut conversation,
        "événements près de Brest pour lycéens",
        now(),
    );
    let Outcome::Answer(again) =
        boussole().press(&mut conversation, &payload(&all, "Suivants"), now())
    else {
        panic!("a page");
    };
    assert!(next.reply().contains("Suite (6 à"), "{}", next.reply());
    assert_eq!(next.events, again.events);
    // "le 1" now refers to the list just shown again.
    let first = boussole().reply(&mut conversation, "le 6", now());
    assert_eq!(first.events[0].id, next.events[0].id);
    // Another replica, or a forgotten list: a kind answer, not another list.
    let Outcome::Answer(forgotten) =
        boussole().press(&mut Conversation::new(), &payload(&all, "Suivants"), now())
    else {
        panic!("an answer");
    };
    assert!(
        forgotten.reply().contains("trop ancienne"),
        "{}",
        forgotten.reply()
    );
    assert!(forgotten.events.is_empty());
    for old in ["d:1", "n", "w", "c:1", "d:1:ffffffffffffffff"] {
        let Outcome::Answer(stale) = boussole().press(&mut conversation, old, now()) else {
            panic!("an answer");
        };
        assert!(stale.events.is_empty(), "{old}");
        assert!(
            stale.reply().contains("Repose ta question"),
            "{old}: {}",
            stale.reply()
        );
    }
    assert!(matches!(
        Action::from_payload(&payload(&nice, "Détails du 1")),
        Some(Action::Details { rank: 1, .. })
    ));
}

/// A turn through the engine's one entry point, which must answer.
fn take(conversation: &mut Conversation, turn: boussole_core::Turn) -> Answer {
    match boussole().take(conversation, turn, now()) {
        boussole_core::Outcome::Answer(answer) => *answer,
        boussole_core::Outcome::Calendar { .. } | boussole_core::Outcome::Venue(_) => {
            panic!("an answer expected")
        }
    }
}

/// A structured search (slash-command options) reaches the engine field by field,
/// never as a sentence, and answers as the question would.
#[test]
fn structured_searches_are_turns() {
    use boussole_core::model::{Audience, EventType};
    use boussole_core::{Search, Turn};
    let mut conversation = Conversation::new();
    let asked = boussole().ask("événements près de Brest pour lycéens", now());
    let search = Search {
        place: Some("brest".into()),
        audience: Some(Audience::Lyceens),
        ..Search::default()
    };
    let structured = take(&mut conversation, Turn::Search(search));
    assert_eq!(
        structured.events.first(),
        asked.events.first(),
        "{}",
        structured.reply()
    );
    // "le 1" follows the list a search showed.
    let details = take(&mut conversation, Turn::Text("le 1".into()));
    assert_eq!(details.intent, Intent::EventDetails);
    let escape = Search {
        event_type: Some(EventType::EscapeGame),
        dates: Some("du 18 au 24 novembre".into()),
        ..Search::default()
    };
    let escape = take(&mut conversation, Turn::Search(escape));
    assert!(
        !escape.events.is_empty() && escape.understood.dates.is_some(),
        "{}",
        escape.reply()
    );
}

/// Commands reach the engine as themselves, with the text after them.
#[test]
fn commands_are_turns() {
    use boussole_core::Turn;
    use boussole_core::command::Command;
    let mut conversation = Conversation::new();
    let mut command =
        |command: Command, text: &str| take(&mut conversation, Turn::Command(command, text.into()));
    let asked = boussole().ask("événements près de Brest pour lycéens", now());
    let events = command(Command::Events, "lycéens Brest");
    assert_eq!(events.events.first(), asked.events.first());
    assert_eq!(command(Command::Figures, "").intent, Intent::Facts);
    let salaries = command(Command::Figures, "salaires");
    assert_eq!(salaries.intent, Intent::Facts, "{}", salaries.reply());
    assert_eq!(command(Command::Jobs, "").intent, Intent::Portraits);
    assert_eq!(command(Command::Week, "").intent, Intent::About);
    assert_eq!(command(Command::Start, "").intent, Intent::Greeting);
    assert_eq!(command(Command::Help, "").intent, Intent::Help);
    let all = command(Command::Events, "");
    assert_eq!(all.events.len(), 5, "{}", all.reply());
    command(Command::Forget, "");
    let after = take(&mut conversation, Turn::Text("le 1".into()));
    assert!(after.events.is_empty(), "{}", after.reply());
}

/// After a list or the details of an event, a short question about it speaks of it:
/// the event detailed, else the first of the list; "le suivant" after details details
/// the next one.
#[test]
fn questions_about_the_event_in_focus() {
    let answers = chat(&[
        "escape game à Nice",
        "c'est quand exactement ?",
        "et l'adresse ?",
    ]);
    assert_eq!(
        answers[1].intent,
        Intent::EventDetails,
        "{}",
        answers[1].reply()
    );
    assert_eq!(answers[1].events[0].id, answers[0].events[0].id);
    assert_eq!(
        answers[2].intent,
        Intent::EventDetails,
        "{}",
        answers[2].reply()
    );
    let answers = chat(&["escape game", "le 2", "et le suivant ?", "c'est où ?"]);
    assert_eq!(answers[2].events[0].id, answers[0].events[2].id);
    assert_eq!(answers[3].events[0].id, answers[0].events[2].id);
    // Without a list, the question is answered on its own.
    assert_ne!(chat(&["c'est où ?"])[0].intent, Intent::EventDetails);
}

/// A question about figures in the middle of a search: what follows starts afresh.
#[test]
fn an_aside_does_not_carry_the_filters_over() {
    let answers = chat(&[
        "une visite près de Belfort",
        "combien on gagne dans l'industrie ?",
        "et des job datings ?",
    ]);
    assert_eq!(answers[1].intent, Intent::Facts);
    assert!(
        answers[2].understood.place.is_none(),
        "{:?}",
        answers[2].understood
    );
}

#[test]
fn a_figure_in_another_year() {
    let answers = chat(&[
        "combien d'usines ont ouvert en 2023 ?",
        "et l'année d'avant ?",
        "et en 2019 ?",
        "et l'année d'après ?",
    ]);
    assert_eq!(answers[0].facts[0].id, "ouvertures-usines-2023");
    assert_eq!(answers[1].intent, Intent::Facts);
    assert_eq!(answers[1].facts[0].id, "ouvertures-usines-2022");
    assert!(answers[1].reply().contains("176"), "{}", answers[1].reply());
    assert!(answers[2].facts.is_empty());
    assert!(
        answers[2].reply().contains("pour 2019") && answers[2].reply().contains("2022, 2023"),
        "{}",
        answers[2].reply()
    );
    // Still about the figure shown before the miss: 2022, then the year after.
    assert_eq!(answers[3].facts[0].id, "ouvertures-usines-2023");
}

#[test]
fn a_trait_of_the_role_model_shown() {
    let answers = chat(&[
        "un ingénieur qui fait des puces de téléphone ?",
        "et il a quel âge ?",
        "il bosse dans quel département ?",
        "c'est quelle boîte ?",
    ]);
    assert_eq!(answers[0].portraits[0], "mickael-stmicroelectronics");
    assert!(
        answers[1].reply().starts_with("Mickael a 25 ans."),
        "{}",
        answers[1].reply()
    );
    assert!(
        answers[2]
            .reply()
            .starts_with("Mickael travaille dans l'Isère (38)."),
        "{}",
        answers[2].reply()
    );
    assert!(
        answers[3]
            .reply()
            .starts_with("Mickael travaille chez STMicroelectronics.")
    );
    // The kit gives no age for Océane: said, not made up.
    let answers = chat(&["une apprentie avec des robots ?", "elle a quel âge ?"]);
    assert_eq!(answers[0].portraits[0], "oceane-mga-technologies");
    assert!(
        answers[1].reply().contains("ne dit pas l'âge d'Océane"),
        "{}",
        answers[1].reply()
    );
    // Without a role model shown, the same words are a question of their own.
    let answers = chat(&["escape game à Nice", "il a quel âge ?"]);
    assert_ne!(answers[1].intent, Intent::Portraits);
}

#[test]
fn an_event_named_gets_its_details_then_follow_ups() {
    let answers = chat(&[
        "il se passe quoi au village de l'industrie ?",
        "c'est où ?",
        "c'est quel jour ?",
    ]);
    assert_eq!(answers[0].intent, Intent::EventDetails);
    assert_eq!(answers[0].events[0].id, "village-de-lindustrie-4203657");
    assert!(
        answers[1].reply().contains("Paris"),
        "{}",
        answers[1].reply()
    );
    assert!(
        answers[2].reply().contains("26 novembre"),
        "{}",
        answers[2].reply()
    );
    // Named by the organizer and by a name its description quotes.
    let answer = &chat(&["EDF ça propose quoi concrètement ?"])[0];
    assert_eq!(answer.intent, Intent::EventDetails);
    assert_eq!(
        answer.events[0].id,
        "visite-de-lusine-hydroelectrique-de-castirla-8279411"
    );
    // Words that name no event in particular: the list.
    let answer = &chat(&["c'est quoi les visites pour les lycéens ?"])[0];
    assert_eq!(answer.intent, Intent::Events);
}
