use std::sync::OnceLock;

use chrono::NaiveDate;

use super::*;
use crate::model::{Audience, EventType};

fn understand(question: &str) -> Request {
    static KNOWLEDGE: OnceLock<(Knowledge, Lexicon)> = OnceLock::new();
    let (knowledge, lexicon) = KNOWLEDGE.get_or_init(|| {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let knowledge = crate::load::load(&data).unwrap();
        let lexicon = Lexicon::new(&knowledge);
        (knowledge, lexicon)
    });
    let today = NaiveDate::from_ymd_opt(2024, 11, 18).unwrap();
    super::understand(question, knowledge, lexicon, today)
}

#[test]
fn greetings_thanks_and_help_are_recognized() {
    for (question, intent) in [
        ("bonjour", Intent::Greeting),
        ("Salut Boussole !", Intent::Greeting),
        ("slt", Intent::Greeting),
        ("merci !", Intent::Thanks),
        ("merci beaucoup, au revoir", Intent::Thanks),
        ("aide", Intent::Help),
        ("/start", Intent::Help),
        ("   ", Intent::Help),
        ("que sais-tu faire ?", Intent::Help),
        ("🙂🙂", Intent::Unknown),
    ] {
        assert_eq!(understand(question).intent, Some(intent), "{question}");
    }
}

#[test]
fn politeness_and_filler_are_left_out() {
    let request = understand("bonjour, je voudrais savoir s'il y a des visites à Brest");
    assert_eq!(request.intent, None);
    assert_eq!(request.lean, Lean::Events);
    assert_eq!(request.query, "visites");
    assert!(request.place.is_some());
    let request = understand("visites à moins de 20 km de Caen");
    assert_eq!(request.query, "visites");
    assert_eq!(request.place.unwrap().radius_km, Some(20.0));
    assert_eq!(understand("combien on gagne ?").lean, Lean::Figures);
}

#[test]
fn audiences_in_every_spelling() {
    let table: [(&str, &[Audience]); 14] = [
        ("pour les lycéens", &[Audience::Lyceens]),
        ("pr les lyceen", &[Audience::Lyceens]),
        ("lycéen·ne·s", &[Audience::Lyceens]),
        ("lycéen.ne.s", &[Audience::Lyceens]),
        ("LYCEENNES", &[Audience::Lyceens]),
        ("collégien(ne)s", &[Audience::Collegiens]),
        ("je suis en 3e au collège", &[Audience::Collegiens]),
        ("pour les étudiant·e·s", &[Audience::Etudiants]),
        ("en alternance", &[Audience::Apprentis]),
        ("je suis demandeur d'emploi", &[Audience::DemandeursEmploi]),
        (
            "pour ma classe de seconde",
            &[Audience::Enseignants, Audience::Lyceens],
        ),
        ("pour les parents", &[Audience::Parents]),
        ("tout public", &[Audience::GrandPublic]),
        (
            "des lyceens et des collegiens",
            &[Audience::Lyceens, Audience::Collegiens],
        ),
    ];
    for (question, audiences) in table {
        assert_eq!(understand(question).audiences, audiences, "{question}");
    }
    assert!(understand("des événements pour les filles").girls);
    assert!(understand("la mixité dans l'industrie").girls);
}

#[test]
fn event_types_and_online() {
    let table: [(&str, &[EventType]); 9] = [
        ("escape game", &[EventType::EscapeGame]),
        ("des escape games", &[EventType::EscapeGame]),
        ("escap game", &[EventType::EscapeGame]),
        ("visite d'usine", &[EventType::Visite]),
        ("job dating", &[EventType::JobDating]),
        ("journée portes ouvertes", &[EventType::PortesOuvertes]),
        ("une table ronde", &[EventType::Conference]),
        ("un salon", &[EventType::Forum]),
        ("un concours", &[EventType::Concours]),
    ];
    for (question, types) in table {
        let found = understand(question).types;
        assert!(
            types.iter().all(|t| found.contains(t)),
            "{question}: {found:?}"
        );
    }
    assert!(understand("événements en ligne").online);
    assert!(understand("à distance").online);
}

#[test]
fn themes_come_from_the_thesaurus() {
    let labels = |question: &str| -> Vec<String> {
        static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
        let knowledge = KNOWLEDGE.get_or_init(|| {
            let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
            crate::load::load(&data).unwrap()
        });
        understand(question)
            .themes
            .iter()
            .map(|&t| knowledge.thesaurus.themes[t].theme.clone())
            .collect()
    };
    assert!(labels("énergie nucléaire").contains(&"nucleaire".to_string()));
    assert!(labels("hydroelectricite").contains(&"hydroelectricite".to_string()));
    assert!(labels("la maroquinerie").contains(&"luxe".to_string()));
    assert!(labels("les métiers du BTP").contains(&"btp".to_string()));
    assert!(labels("robots").contains(&"robotique".to_string()));
    assert!(labels("des trucs sur les avions").contains(&"aeronautique".to_string()));
}

#[test]
fn sms_and_typos_are_understood() {
    let request = understand("ya koi pr les lyceens ds le 29");
    assert_eq!(request.audiences, [Audience::Lyceens]);
    assert!(request.place.is_some());
    let request = understand("evenemen a brets pr lyceen");
    assert!(request.place.is_some());
    assert_eq!(request.audiences, [Audience::Lyceens]);
    let request = understand("metalurgie");
    assert_eq!(
        request.corrections,
        [("metalurgie".to_string(), "metallurgie".to_string())]
    );
    // A typo repeated is said once.
    let request = understand("metalurgie ou metalurgie");
    assert_eq!(request.corrections.len(), 1);
}

#[test]
fn date_words_are_never_typos() {
    // The second "demain matin" is not a date (one date a question), nor "marin".
    for question in [
        "escape game demain matin demain matin",
        "visites lundi ou mardi soir",
        "forum en novembre ou decembre",
    ] {
        assert!(
            understand(question).corrections.is_empty(),
            "{question}: {:?}",
            understand(question).corrections
        );
    }
}

#[test]
fn organizers_are_recognized() {
    assert_eq!(understand("EDF").organizers, ["edf"]);
    assert_eq!(understand("les événements de Vinci").organizers, ["vinci"]);
    assert_eq!(understand("CESI").organizers, ["cesi"]);
}

#[test]
fn le_29_is_a_day_and_the_departement_is_offered() {
    let request = understand("le 29");
    assert_eq!(
        request.dates.as_ref().unwrap().from.to_string(),
        "2024-11-29"
    );
    assert!(request.place.is_none());
    assert!(matches!(
        request.alternatives[..],
        [crate::places::Area::Departement(_)]
    ));
    let request = understand("dans le 29");
    assert!(request.dates.is_none());
    assert!(request.place.is_some());
}

#[test]
fn followups() {
    assert_eq!(
        understand("plus d'infos sur le 1").followup,
        Some(Followup::Details(Rank::Nth(1)))
    );
    assert_eq!(
        understand("le 2").followup,
        Some(Followup::Details(Rank::Nth(2)))
    );
    assert_eq!(
        understand("le premier").followup,
        Some(Followup::Details(Rank::Nth(1)))
    );
    assert_eq!(
        understand("le dernier").followup,
        Some(Followup::Details(Rank::Last))
    );
    assert_eq!(understand("suivants").followup, Some(Followup::Next));
    assert_eq!(understand("d'autres ?").followup, Some(Followup::Next));
    assert_eq!(understand("encore").followup, Some(Followup::Next));
    assert_eq!(understand("plus loin").followup, Some(Followup::Wider));
    assert_eq!(understand("et à Nice ?").followup, Some(Followup::Refine));
    assert_eq!(
        understand("et pour les collégiens ?").followup,
        Some(Followup::Refine)
    );
    assert_eq!(understand("escape game à Nice").followup, None);
}

#[test]
fn long_questions_are_cut_and_said_so() {
    let long = "usine ".repeat(50_000);
    let request = understand(&long);
    assert_eq!(request.notices, [Notice::Cut]);
    assert!(request.query.len() <= crate::limits::QUESTION_CHARS);
}

#[test]
fn plurals_and_conjugations_are_no_corrections_to_tell() {
    for question in [
        "des stages en robotique",
        "les ingenieurs qui conçoivent",
        "des apprenties",
    ] {
        let request = understand(question);
        let told: Vec<_> = request
            .corrections
            .iter()
            .filter(|(typed, fixed)| crate::text::stem(typed) == crate::text::stem(fixed))
            .collect();
        assert!(told.is_empty(), "{question}: {told:?}");
    }
}

#[test]
fn followups_on_figures_and_people() {
    let followup = |q: &str| understand(q).followup;
    assert_eq!(
        followup("et l'année d'avant ?"),
        Some(Followup::Year(YearShift::Before))
    );
    assert_eq!(
        followup("et l'année suivante alors ?"),
        Some(Followup::Year(YearShift::After))
    );
    assert_eq!(
        followup("et en 2022 ?"),
        Some(Followup::Year(YearShift::In(2022)))
    );
    assert_eq!(
        followup("et il a quel âge ?"),
        Some(Followup::Person(Trait::Age))
    );
    assert_eq!(
        followup("elle bosse dans quelle boîte ?"),
        Some(Followup::Person(Trait::Company))
    );
    assert_eq!(
        followup("il habite dans quelle région ?"),
        Some(Followup::Person(Trait::Place))
    );
    assert_eq!(
        followup("et elle fait quoi comme métier ?"),
        Some(Followup::Person(Trait::Job))
    );
    // A real question, not a follow-up.
    assert_eq!(followup("les salaires en 2022 dans la chimie ?"), None);
    assert_ne!(
        followup("il y a quoi pour les lycéens à Brest ?"),
        Some(Followup::Person(Trait::Place))
    );
}

#[test]
fn what_kind_of_answer_the_wording_asks() {
    // Someone described asks for a role model, unless a place, a date or a kind of
    // event makes it an events question.
    assert_eq!(
        understand("une meuf qui soude des bateaux ?").lean,
        Lean::People
    );
    assert_eq!(understand("un apprenti à Lyon demain ?").lean, Lean::Events);
    // "combien de temps" is a duration, "à part" no share.
    assert_eq!(
        understand("combien de temps dure la semaine ?").lean,
        Lean::About
    );
    assert_eq!(
        understand("combien on gagne en usine ?").lean,
        Lean::Figures
    );
    assert_ne!(understand("et à part le nucléaire ?").lean, Lean::Figures);
    // Every fact is about industry: the word weighs only in the week's name or alone.
    assert_eq!(
        understand("l'industrie recrute des mecs ?").knowledge_query,
        "recrute mecs"
    );
    assert_eq!(understand("l'industrie ?").knowledge_query, "industrie");
    assert!(
        understand("la semaine de l'industrie c'est quand ?")
            .knowledge_query
            .contains("industrie")
    );
}

#[test]
fn what_something_is_and_what_a_track_is() {
    assert!(understand("c'est quoi Mission Héritage ?").asks_what);
    assert!(understand("on y fait quoi concrètement ?").asks_what);
    assert!(understand("ça parle de quoi le village ?").asks_what);
    assert!(!understand("des visites à Brest ?").asks_what);
    // What a school track is: Boussole says it cannot tell.
    for question in ["c'est quoi un bac pro ?", "c'est quoi exactement le BTS ?"] {
        let request = understand(question);
        assert!(request.off_topic, "{question}");
        assert_eq!(request.intent, Some(Intent::Unknown), "{question}");
    }
    for question in [
        "c'est quoi un job dating ?",
        "c'est quoi les visites pour les lycéens à Brest ?",
    ] {
        assert!(!understand(question).off_topic, "{question}");
    }
}

#[test]
fn the_price_is_the_weeks_whatever_the_kind_of_event() {
    assert_eq!(understand("c'est payant les visites ?").lean, Lean::About);
    assert_eq!(
        understand("des visites gratuites à Brest ?").lean,
        Lean::Events
    );
}
