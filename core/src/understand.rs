//! Understanding a question: what the user wants ([`Intent`]) and what to search.
//!
//! This is the first version: intent from cue words and the search scores, the rest as
//! free text for the index. It never fails: an unclear question yields a request with
//! notes, not an error.

use serde::Serialize;

use std::collections::HashSet;

use crate::model::Knowledge;
use crate::places::{PlaceMention, find_place};
use crate::text::{clean, fold, is_stop_word, words};

/// Longest question analyzed, in characters; the rest is ignored (and said so).
pub const MAX_QUESTION_CHARS: usize = 2_000;

/// What the user wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// Events matching a place, audience, date, type or theme.
    Events,
    /// Details of one event.
    EventDetails,
    /// Figures (jobs, salaries, mixité…).
    Facts,
    /// Role models.
    Portraits,
    /// The week itself: dates, price, organizers, how to take part.
    About,
    /// What the bot can do.
    Help,
    /// Hello.
    Greeting,
    /// Thanks or goodbye.
    Thanks,
    /// Nothing understood.
    Unknown,
}

/// Which kind of answer the wording of the question leans to, before any search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    /// No cue either way.
    None,
    /// "événements", "visite", "il y a quoi", "près de"…
    Events,
    /// "combien", "part", "pourcentage"…
    Figures,
    /// "quand", "gratuit", "qui organise"…
    About,
    /// "métier", "qui fait"…
    People,
}

/// A question, understood.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The intent decided from the words alone (`None` when the search must decide).
    pub intent: Option<Intent>,
    /// What the wording leans to.
    pub lean: Lean,
    /// The place the question speaks of.
    pub place: Option<PlaceMention>,
    /// The text to search, cleaned, without politeness, question words and the place.
    pub query: String,
    /// Remarks to show the user (question too long…).
    pub notes: Vec<String>,
}

/// Words understanding knows, which are therefore not misspelled place names: the
/// thesaurus, and the words of intents and politeness.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    words: HashSet<String>,
}

impl Lexicon {
    /// The lexicon of this knowledge.
    pub fn new(knowledge: &Knowledge) -> Lexicon {
        let mut words: HashSet<String> = [
            GREETINGS,
            THANKS,
            HELP,
            FILLERS,
            LEAN_EVENTS,
            LEAN_FIGURES,
            LEAN_ABOUT,
            LEAN_PEOPLE,
            PLACE_WORDS,
        ]
        .iter()
        .flat_map(|list| list.iter().map(|w| w.to_string()))
        .collect();
        for group in &knowledge.equivalences {
            for word in &group.words {
                words.extend(crate::text::words(word).into_iter().map(|(w, _, _)| w));
            }
        }
        for audience in crate::model::Audience::ALL {
            words.extend(
                crate::text::words(audience.label())
                    .into_iter()
                    .map(|(w, _, _)| w),
            );
        }
        Lexicon { words }
    }

    /// Whether understanding knows this folded word.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

const GREETINGS: &[&str] = &[
    "bonjour", "salut", "coucou", "hello", "bonsoir", "hey", "yo", "slt", "bjr", "cc", "wesh", "hi",
];
const THANKS: &[&str] = &[
    "merci", "mrc", "thanks", "thx", "revoir", "bye", "ciao", "bisous", "super", "genial",
    "parfait", "cool", "top",
];
const HELP: &[&str] = &[
    "aide",
    "help",
    "start",
    "menu",
    "aider",
    "commandes",
    "exemples",
];

/// Words that carry no search meaning in a question (beyond the analyzer's stop words).
const FILLERS: &[&str] = &[
    "bonjour",
    "salut",
    "coucou",
    "hello",
    "bonsoir",
    "svp",
    "stp",
    "merci",
    "voudrais",
    "veux",
    "aimerais",
    "savoir",
    "cherche",
    "chercher",
    "trouver",
    "quoi",
    "quels",
    "quelles",
    "quel",
    "quelle",
    "est",
    "ce",
    "ya",
    "passe",
    "peux",
    "peut",
    "dire",
    "donne",
    "donner",
    "montre",
    "montrer",
    "liste",
    "evenement",
    "evenements",
    "evenemen",
    "evenment",
    "evenements",
    "evenments",
    "event",
    "events",
    "y",
    "il",
    "a",
    "t",
    "oui",
    "non",
    "plait",
    "s",
    "sil",
    "jai",
    "moi",
    "faire",
    "fait",
    "propose",
    "proposes",
    "existe",
    "trucs",
    "truc",
    "choses",
    "chose",
];

const LEAN_EVENTS: &[&str] = &[
    "evenement",
    "evenements",
    "evenemen",
    "event",
    "events",
    "visite",
    "visites",
    "visiter",
    "atelier",
    "ateliers",
    "salon",
    "forum",
    "escape",
    "dating",
    "portes",
    "pres",
    "autour",
    "vers",
    "passe",
    "sortie",
    "activites",
    "activite",
];
const LEAN_FIGURES: &[&str] = &[
    "combien",
    "chiffre",
    "chiffres",
    "nombre",
    "pourcentage",
    "part",
    "taux",
    "statistiques",
    "stats",
    "salaire",
    "salaires",
    "gagne",
    "gagner",
    "paye",
    "pollue",
    "emissions",
];
const LEAN_ABOUT: &[&str] = &[
    "quand",
    "gratuit",
    "gratuits",
    "payant",
    "payants",
    "prix",
    "coute",
    "tarif",
    "organise",
    "organisateur",
    "organisateurs",
    "inscrire",
    "inscription",
    "participer",
    "edition",
];
const LEAN_PEOPLE: &[&str] = &[
    "metier",
    "metiers",
    "portrait",
    "temoignage",
    "video",
    "videos",
];
/// Words that introduce a place, left out of the text searched.
const PLACE_WORDS: &[&str] = &[
    "pres",
    "autour",
    "vers",
    "moins",
    "km",
    "kms",
    "kilometres",
    "kilometre",
    "rayon",
    "proche",
    "proches",
    "cote",
    "environs",
    "alentours",
    "chez",
    "moi",
    "dans",
    "region",
    "departement",
    "ville",
    "coin",
];

/// Understands a question. Never fails.
///
/// ```
/// use boussole_core::{Boussole, load};
/// use boussole_core::understand::{Intent, Lexicon, understand};
///
/// let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
/// let knowledge = load::load(&data).unwrap();
/// let lexicon = Lexicon::new(&knowledge);
/// let ask = |q: &str| understand(q, &knowledge, &lexicon);
/// assert_eq!(ask("").intent, Some(Intent::Help));
/// assert_eq!(ask("Bonjour !").intent, Some(Intent::Greeting));
/// assert_eq!(ask("merci beaucoup").intent, Some(Intent::Thanks));
/// let request = ask("escape game à Nice");
/// assert_eq!(request.intent, None); // the search decides
/// assert_eq!(request.query, "escape game");
/// assert!(request.place.is_some());
/// ```
pub fn understand(question: &str, knowledge: &Knowledge, lexicon: &Lexicon) -> Request {
    let mut notes = Vec::new();
    let mut text = clean(question);
    if text.chars().count() > MAX_QUESTION_CHARS {
        let cut = text
            .char_indices()
            .nth(MAX_QUESTION_CHARS)
            .map_or(text.len(), |(i, _)| i);
        text.truncate(cut);
        notes.push(format!(
            "Ta question est très longue : j'ai lu ses {MAX_QUESTION_CHARS} premiers caractères."
        ));
    }
    let spans = words(&text);
    let all: Vec<String> = spans.iter().map(|(w, _, _)| w.clone()).collect();
    let request = |intent, lean, query: String, notes| Request {
        intent,
        lean,
        place: None,
        query,
        notes,
    };
    if text.is_empty() || (all.is_empty() && text.starts_with('/')) {
        return request(Some(Intent::Help), Lean::None, String::new(), notes);
    }
    if all.is_empty() {
        return request(Some(Intent::Unknown), Lean::None, String::new(), notes);
    }
    let folded = fold(&text);
    if all
        .iter()
        .all(|w| HELP.contains(&w.as_str()) || is_polite(w))
        && all.iter().any(|w| HELP.contains(&w.as_str()))
        || folded.contains("que sais tu faire")
        || folded.contains("tu sers a quoi")
        || folded.contains("comment ca marche")
    {
        return request(Some(Intent::Help), Lean::None, String::new(), notes);
    }
    let content: Vec<&String> = all.iter().filter(|w| !is_polite(w)).collect();
    if content.is_empty() && all.iter().any(|w| GREETINGS.contains(&w.as_str())) {
        return request(Some(Intent::Greeting), Lean::None, String::new(), notes);
    }
    if all.iter().any(|w| THANKS.contains(&w.as_str()))
        && content
            .iter()
            .all(|w| THANKS.contains(&w.as_str()) || is_filler_for_thanks(w))
    {
        return request(Some(Intent::Thanks), Lean::None, String::new(), notes);
    }
    let place = find_place(&knowledge.gazetteer, &text, |w| lexicon.contains(w));
    let has = |list: &[&str]| all.iter().any(|w| list.contains(&w.as_str()));
    let lean = if has(LEAN_FIGURES) {
        Lean::Figures
    } else if has(LEAN_ABOUT) {
        Lean::About
    } else if has(LEAN_EVENTS) || place.is_some() {
        Lean::Events
    } else if has(LEAN_PEOPLE) {
        Lean::People
    } else {
        Lean::None
    };
    let in_place = |start: usize| {
        place
            .as_ref()
            .is_some_and(|p| (p.span.0..p.span.1).contains(&start))
    };
    let query = spans
        .iter()
        .enumerate()
        .filter(|(i, (w, start, _))| {
            let next = spans.get(i + 1).map_or("", |(next, _, _)| next.as_str());
            let number = w.chars().all(|c| c.is_ascii_digit());
            let radius = (number && (next.starts_with("km") || next.starts_with("kilometre")))
                || (w.ends_with("km") && w[..w.len() - 2].chars().all(|c| c.is_ascii_digit()));
            let left_out = in_place(*start)
                || FILLERS.contains(&w.as_str())
                || PLACE_WORDS.contains(&w.as_str())
                || is_stop_word(w)
                || radius;
            !left_out
        })
        .map(|(_, (w, _, _))| w.clone())
        .collect::<Vec<_>>()
        .join(" ");
    Request {
        intent: None,
        lean,
        place,
        query,
        notes,
    }
}

fn is_polite(word: &str) -> bool {
    GREETINGS.contains(&word)
        || [
            "svp", "stp", "plait", "sil", "vous", "te", "toi", "a", "tous", "boussole",
        ]
        .contains(&word)
}

fn is_filler_for_thanks(word: &str) -> bool {
    [
        "beaucoup", "bien", "au", "revoir", "a", "plus", "bonne", "journee", "soiree", "c", "est",
        "ca", "tres", "trop", "tout", "pour", "l", "info", "infos", "aide", "ok", "d", "accord",
        "vraiment", "bcp",
    ]
    .contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn understand(question: &str) -> Request {
        static KNOWLEDGE: OnceLock<(Knowledge, Lexicon)> = OnceLock::new();
        let (knowledge, lexicon) = KNOWLEDGE.get_or_init(|| {
            let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
            let knowledge = crate::load::load(&data).unwrap();
            let lexicon = Lexicon::new(&knowledge);
            (knowledge, lexicon)
        });
        super::understand(question, knowledge, lexicon)
    }

    #[test]
    fn greetings_thanks_and_help_are_recognized() {
        for (question, intent) in [
            ("bonjour", Intent::Greeting),
            ("Salut Boussole !", Intent::Greeting),
            ("merci !", Intent::Thanks),
            ("merci beaucoup, au revoir", Intent::Thanks),
            ("aide", Intent::Help),
            ("/start", Intent::Help),
            ("   ", Intent::Help),
            ("🙂🙂", Intent::Unknown),
        ] {
            assert_eq!(understand(question).intent, Some(intent), "{question}");
        }
    }

    #[test]
    fn content_questions_go_to_the_search() {
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
    fn long_questions_are_cut_and_said_so() {
        let long = "usine ".repeat(50_000);
        let request = understand(&long);
        assert_eq!(request.notes.len(), 1);
        assert!(request.query.len() <= MAX_QUESTION_CHARS);
    }
}
