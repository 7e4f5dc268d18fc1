//! Search over the bundled data, through the public API.

mod common;

use boussole_core::index::Kind;
use boussole_core::understand::Intent;
use common::{boussole, event_ids, now};

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
    assert!(answer.reply().contains("260 000"), "{}", answer.reply());
    assert!(
        answer.reply().contains("France Travail"),
        "{}",
        answer.reply()
    );
}

#[test]
fn role_models_are_found_by_what_they_do() {
    let answer = boussole().ask("qui construit des sous-marins ?", now());
    assert_eq!(answer.intent, Intent::Portraits);
    assert!(answer.reply().contains("Charlotte") && answer.reply().contains("Naval Group"));
}

#[test]
fn the_week_answers_about_price() {
    let answer = boussole().ask("les événements sont payants ?", now());
    assert_eq!(answer.intent, Intent::About);
    assert!(answer.reply().contains("gratuits"), "{}", answer.reply());
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
        assert!(!answer.reply().is_empty(), "{question}");
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
        answer.reply().contains("très longue"),
        "{}",
        &answer.reply()[..100]
    );
    for question in [
        "\u{0}\u{7}\u{1b}[31m",
        "🏭🚀",
        "\u{202E}usine\u{200B}",
        "<script>alert(1)</script>",
        "'; DROP TABLE events; --",
    ] {
        let answer = boussole().ask(question, now());
        assert!(!answer.reply().is_empty(), "{question:?}");
    }
    assert_eq!(boussole().ask("🏭🚀", now()).intent, Intent::Unknown);
}

#[test]
fn gibberish_is_not_understood() {
    let answer = boussole().ask("asdkjh qwpoeiru", now());
    assert_eq!(answer.intent, Intent::Unknown);
    assert!(answer.events.is_empty());
}

fn ask(question: &str) -> boussole_core::answer::Answer {
    boussole().ask(question, now())
}

#[test]
fn a_radius_filters_by_real_distance() {
    assert_eq!(
        event_ids("événements à moins de 80 km de Quimper"),
        ["brest-industy-9361782"]
    );
    let answer = ask("événements à moins de 80 km de Quimper");
    assert_eq!(answer.understood.radius_km, Some(80.0));
    let distance = answer.events[0].distance_km.unwrap();
    assert!((50.0..56.0).contains(&distance), "{distance}");
    assert!(
        answer.reply().contains("à moins de 80 km de Quimper (29)"),
        "{}",
        answer.reply()
    );
}

#[test]
fn near_a_commune_uses_the_default_radius_sorted_by_distance() {
    let answer = ask("près de Lyon");
    assert_eq!(
        answer.understood.radius_km,
        Some(boussole_core::search::DEFAULT_RADIUS_KM)
    );
    assert_eq!(answer.events[0].id, "escape-gamelenergie-est-la-clef");
    assert!(
        answer.reply().contains("à moins de 30 km de Lyon (69)"),
        "{}",
        answer.reply()
    );
    let paris = ask("événements à Paris");
    let distances: Vec<f64> = paris
        .events
        .iter()
        .map(|e| e.distance_km.unwrap())
        .collect();
    assert_eq!(distances.len(), 2, "{:?}", paris.events);
    assert!(distances[0] <= distances[1]);
}

#[test]
fn nothing_within_the_radius_gives_the_nearest_with_its_distance() {
    let answer = ask("près de Lorient");
    assert!(
        answer
            .reply()
            .contains("Je n'ai trouvé aucun événement à moins de 30 km de Lorient (56)."),
        "{}",
        answer.reply()
    );
    assert!(
        answer.reply().contains("Le plus proche : Brest, à 1"),
        "{}",
        answer.reply()
    );
    assert_eq!(answer.events[0].id, "brest-industy-9361782");
    // Online events are reachable from anywhere: never "the nearest".
    assert!(
        answer
            .events
            .iter()
            .all(|e| e.id != "forindustrie-lunivers-extraordinaire")
    );
}

#[test]
fn departements_and_regions_filter_by_code() {
    assert_eq!(event_ids("événements dans le Loiret"), ["75991871"]);
    assert_eq!(event_ids("en Bretagne"), ["brest-industy-9361782"]);
    assert_eq!(
        event_ids("dans le 17"),
        ["la-nuit-de-lorientation-rochefort"]
    );
    assert_eq!(
        event_ids("en Haute-Corse"),
        ["visite-de-lusine-hydroelectrique-de-castirla-8279411"]
    );
    // The kit's Tergnier is in the Aisne, Hauts-de-France, not overseas.
    assert_eq!(
        event_ids("dans l'Aisne"),
        ["visite-des-ateliers-de-la-manufacture-camille-fournet"]
    );
    let empty = ask("dans le Cantal");
    assert!(
        empty
            .reply()
            .contains("Je n'ai trouvé aucun événement dans le Cantal (15)."),
        "{}",
        empty.reply()
    );
}

#[test]
fn overseas_groups_the_overseas_events_and_online_ones_are_only_mentioned() {
    let mut ids = event_ids("événements en outre-mer");
    ids.sort();
    assert_eq!(
        ids,
        [
            "20397866",
            "decouverte-dune-usine-de-production-electrique-a-la-biomasse-4806292",
            "la-journee-portes-ouvertes-du-parm",
            "salon-made-in-guyane-5650422",
        ]
    );
    let answer = ask("événements en outre-mer");
    assert!(
        answer.reply().contains("En ligne, accessible de partout"),
        "{}",
        answer.reply()
    );
}

#[test]
fn words_and_place_combine() {
    assert_eq!(
        event_ids("escape game à Nice"),
        ["escape-game-de-la-metallurgie-azureenne"]
    );
    assert_eq!(
        event_ids("escap game nise")[0],
        "escape-game-de-la-metallurgie-azureenne"
    );
    let answer = ask("visite à Toulouze");
    assert!(
        answer
            .reply()
            .contains("J'ai compris « Toulouse (31) » pour « toulouze »"),
        "{}",
        answer.reply()
    );
}

#[test]
fn homonyms_say_which_one_was_taken() {
    let answer = ask("Saint-Denis");
    assert!(
        answer.reply().contains("J'ai pris Saint-Denis (974)"),
        "{}",
        answer.reply()
    );
    assert!(
        answer.reply().contains("Saint-Denis (93)"),
        "{}",
        answer.reply()
    );
    let qualified = ask("Saint-Denis (93)");
    assert!(
        !qualified.reply().contains("J'ai pris"),
        "{}",
        qualified.reply()
    );
    assert_eq!(
        qualified.understood.place.as_deref(),
        Some("Saint-Denis (93)")
    );
}

#[test]
fn near_a_shared_position() {
    let brest = boussole_core::places::Point::new(48.40, -4.49).unwrap();
    let answer = boussole().near(brest, None, "", now());
    assert_eq!(answer.events[0].id, "brest-industy-9361782");
    assert!(answer.events[0].distance_km.unwrap() < 2.0);
    let far = boussole().near(
        boussole_core::places::Point::new(47.75, -3.37).unwrap(),
        Some(20.0),
        "",
        now(),
    );
    assert!(
        far.reply().contains("Le plus proche : Brest"),
        "{}",
        far.reply()
    );
    let asked = ask("près de moi");
    assert!(
        asked.reply().contains("partage ta position"),
        "{}",
        asked.reply()
    );
}

#[test]
fn a_place_search_names_a_few_online_events_and_counts_the_others() {
    // An agenda with many online contests: the answer names three, not all.
    let mut knowledge = boussole().knowledge().clone();
    let online = knowledge
        .events
        .iter()
        .find(|e| e.id == "forindustrie-lunivers-extraordinaire")
        .unwrap()
        .clone();
    for n in 0..40 {
        let mut copy = online.clone();
        copy.id = format!("{}-{n}", online.id);
        knowledge.events.push(copy);
    }
    let boussole = boussole_core::Boussole::in_memory(knowledge).unwrap();
    let answer = boussole.ask("un concours près de Brest", now());
    let reply = answer.reply();
    let line = reply
        .lines()
        .find(|l| l.starts_with("En ligne, accessible de partout"))
        .unwrap_or_else(|| panic!("{reply}"));
    assert_eq!(line.matches("« Forindustrie").count(), 3, "{line}");
    assert!(line.ends_with("et 38 autres."), "{line}");
}

/// The nearest events when nothing is in range come by distance whatever the words; the
/// nearest that fits the words is said besides, when it is another.
#[test]
fn the_nearest_is_the_nearest_whatever_the_words() {
    let knowledge = boussole().knowledge();
    let lorient = boussole_core::places::Point::new(47.75, -3.37).unwrap();
    let distance = |id: &str| {
        let event = knowledge.event(id).unwrap();
        let (lat, lon) = (event.place.lat.unwrap(), event.place.lon.unwrap());
        lorient.distance_km(boussole_core::places::Point::new(lat, lon).unwrap())
    };
    let answer = ask("un escape game près de Lorient");
    let distances: Vec<f64> = answer.events.iter().map(|e| distance(&e.id)).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    assert_eq!(answer.events[0].id, "brest-industy-9361782");
    let reply = answer.reply();
    assert!(reply.contains("Le plus proche : Brest"), "{reply}");
    assert!(
        reply.contains("Le plus proche pour « escape »")
            || reply.contains("Le plus proche pour « escape game »"),
        "{reply}"
    );
    let nearest_escape = knowledge
        .events
        .iter()
        .filter(|e| e.title.to_lowercase().contains("escape"))
        .min_by(|a, b| distance(&a.id).total_cmp(&distance(&b.id)))
        .unwrap();
    assert!(reply.contains(&nearest_escape.title), "{reply}");
}

/// Questions about something else get « je ne sais pas répondre à ça », never events.
#[test]
fn questions_about_something_else_list_no_event() {
    for question in [
        "il va pleuvoir demain à Lyon ?",
        "qui a gagné le match de foot ?",
        "tu peux corriger mon exercice de maths",
        "combien font 7 fois 8",
        "c'est quoi la capitale du Canada",
        "rédige mon rapport de stage",
        "t'es débile",
    ] {
        let answer = ask(question);
        assert_eq!(answer.intent, Intent::Unknown, "{question}");
        assert!(answer.events.is_empty(), "{question}");
        assert!(
            answer.reply().contains("Je ne sais pas répondre à ça"),
            "{question}"
        );
    }
    // A theme of the agenda is no stray word: the video games of Forindustrie.
    assert_eq!(
        event_ids("jeux vidéo")[0],
        "forindustrie-lunivers-extraordinaire"
    );
    assert_eq!(ask("visites près de Lyon").intent, Intent::Events);
}

/// Role models found by what they do, where they work, or that they are apprentices,
/// even with a place in the question.
#[test]
fn role_models_by_attribute() {
    let names = |question: &str| {
        let answer = ask(question);
        assert_eq!(
            answer.intent,
            Intent::Portraits,
            "{question}: {}",
            answer.reply()
        );
        answer.portraits.clone()
    };
    let isere = names("un portrait de quelqu'un en Isère");
    assert!(isere.contains(&"adrien-villeton".to_string()), "{isere:?}");
    assert!(
        isere.contains(&"mickael-stmicroelectronics".to_string()),
        "{isere:?}"
    );
    let apprentices = names("des apprentis dans tes vidéos ?");
    assert!(
        apprentices.contains(&"oceane-mga-technologies".to_string()),
        "{apprentices:?}"
    );
    assert_eq!(
        names("quelqu'un qui fabrique des puces électroniques")[0],
        "mickael-stmicroelectronics"
    );
}

/// Figures asked in students' words.
#[test]
fn figures_in_students_words() {
    for (question, figure) in [
        ("ça paye mieux de bosser en usine ?", "13 %"),
        ("les boîtes galèrent à embaucher ?", "60 %"),
        ("y a combien de meufs dans l'industrie ?", "30 %"),
        ("combien de thunes pour France 2030 ?", "54 milliards"),
    ] {
        let reply = ask(question).reply();
        assert!(reply.contains(figure), "{question}: {reply}");
    }
}
