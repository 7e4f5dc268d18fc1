//! Composing an answer: the items found, and the French reply a user reads.
//!
//! All French wording shown to users lives here and in [`crate::french`].

use serde::Serialize;

use crate::french;
use crate::model::{Event, Fact, Knowledge, Portrait, Topic};
use crate::understand::Intent;

/// Events shown in one answer (one phone screen).
pub const PAGE_SIZE: usize = 5;

/// An event as listed in an answer (the `--json` contract).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventSummary {
    /// Event id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Commune, or "en ligne".
    pub city: String,
    /// Distance from the place asked about, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// Start: `2024-11-21` (whole day) or `2024-11-22T09:00:00+01:00`.
    pub start: String,
}

/// A fact as listed in an answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactSummary {
    /// Fact id.
    pub id: String,
    /// The figure as written ("260 000").
    pub figure: String,
    /// The source as cited.
    pub source: String,
    /// Year the figure describes.
    pub year: i32,
}

/// The answer to one question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answer {
    /// What the question was taken to ask.
    pub intent: Intent,
    /// Events of the answer, best first (empty when none).
    pub events: Vec<EventSummary>,
    /// Facts of the answer (empty when none).
    pub facts: Vec<FactSummary>,
    /// Ids of the role models of the answer.
    pub portraits: Vec<String>,
    /// Ids of the topics about the week in the answer.
    pub topics: Vec<String>,
    /// The French text a user reads.
    pub reply: String,
}

impl Answer {
    fn text(intent: Intent, reply: String) -> Answer {
        Answer {
            intent,
            events: Vec::new(),
            facts: Vec::new(),
            portraits: Vec::new(),
            topics: Vec::new(),
            reply,
        }
    }
}

/// Examples of questions that work, shown in help and when nothing is understood.
pub const EXAMPLES: [&str; 6] = [
    "y a quoi près de Brest pour les lycéens ?",
    "des escape games",
    "visite d'usine hydroélectrique",
    "combien on gagne dans l'industrie ?",
    "c'est quand la semaine de l'industrie ?",
    "un métier avec des robots",
];

fn examples() -> String {
    EXAMPLES
        .iter()
        .map(|e| format!("• « {e} »"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Help: what Boussole can do, with examples that work.
pub fn help(knowledge: &Knowledge) -> Answer {
    let week = &knowledge.week;
    Answer::text(
        Intent::Help,
        format!(
            "Je suis Boussole : je t'aide à trouver des événements de la {} {} \
             (du {} au {}) près de chez toi, et je réponds à tes questions sur les métiers \
             de l'industrie, avec des chiffres sourcés.\n\nEssaie par exemple :\n{}",
            week.name,
            week.year,
            french::day_month(week.start),
            french::day_month_year(week.end),
            examples()
        ),
    )
}

/// Hello.
pub fn greeting(knowledge: &Knowledge) -> Answer {
    Answer::text(
        Intent::Greeting,
        format!(
            "Bonjour ! Je suis Boussole. Dis-moi ce que tu cherches sur la {} : un \
             événement près de chez toi, un métier, un chiffre.\n\nPar exemple :\n{}",
            knowledge.week.name,
            examples()
        ),
    )
}

/// Thanks or goodbye.
pub fn thanks() -> Answer {
    Answer::text(
        Intent::Thanks,
        "Avec plaisir ! Reviens quand tu veux, et bonne découverte de l'industrie.".into(),
    )
}

/// Nothing understood.
pub fn unknown() -> Answer {
    Answer::text(
        Intent::Unknown,
        format!(
            "Je n'ai pas compris ta question. Je connais les événements de la Semaine de \
             l'industrie, les métiers et les chiffres de l'industrie.\n\nEssaie par exemple :\n{}",
            examples()
        ),
    )
}

fn summary(event: &Event) -> EventSummary {
    EventSummary {
        id: event.id.clone(),
        title: event.title.clone(),
        city: event.city().to_string(),
        distance_km: None,
        start: event.start_iso(),
    }
}

/// Where an event is, in one line: "IUT de Brest-Morlaix, Brest (Finistère)", "en ligne".
pub fn where_line(event: &Event) -> String {
    if event.online {
        return "en ligne".into();
    }
    let place = &event.place;
    let mut parts = Vec::new();
    if let Some(venue) = &place.venue
        && Some(venue) != place.commune.as_ref()
    {
        parts.push(venue.clone());
    }
    if let Some(commune) = &place.commune {
        let mut commune = commune.clone();
        if let Some(dep) = &place.departement_name
            && Some(dep) != place.commune.as_ref()
        {
            commune.push_str(&format!(" ({dep})"));
        }
        parts.push(commune);
    }
    parts.join(", ")
}

/// First sentence of a text, cut at about `max` characters.
pub fn first_sentence(text: &str, max: usize) -> String {
    let text = text.trim();
    let end = text
        .char_indices()
        .find(|&(i, c)| (c == '.' || c == '!' || c == '?') && i > 20)
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    let sentence = &text[..end];
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// An event as a card of a few lines.
pub fn event_card(rank: usize, event: &Event) -> String {
    let mut card = format!("{rank}. {} — {}\n", event.title, event.organizer);
    card.push_str(&format!(
        "   {} · {}\n",
        where_line(event),
        french::when(event)
    ));
    card.push_str(&format!("   {}\n", first_sentence(&event.description, 160)));
    card.push_str(&format!("   {}", event.link));
    card
}

/// A list of events.
pub fn events(events: &[&Event], notes: &[String]) -> Answer {
    let shown: Vec<&Event> = events.iter().take(PAGE_SIZE).copied().collect();
    let mut reply = String::new();
    for note in notes {
        reply.push_str(note);
        reply.push_str("\n\n");
    }
    reply.push_str(&match shown.len() {
        1 => "Voici l'événement que j'ai trouvé :".to_string(),
        n => format!("Voici {} :", french::count(n, "événement", "événements")),
    });
    for (i, event) in shown.iter().enumerate() {
        reply.push_str("\n\n");
        reply.push_str(&event_card(i + 1, event));
    }
    Answer {
        events: shown.iter().map(|e| summary(e)).collect(),
        ..Answer::text(Intent::Events, reply)
    }
}

/// A fact in its sentence, with its source.
pub fn fact_card(fact: &Fact) -> String {
    let mut card = format!("{}\nSource : {}", fact.statement, fact.cited_as);
    if !fact.cited_as.contains(&fact.year.to_string()) {
        card.push_str(&format!(" (chiffre {})", fact.year));
    }
    card.push('.');
    if let Some(url) = &fact.source_url {
        card.push_str(&format!(" {url}"));
    }
    card
}

/// A few facts.
pub fn facts(facts: &[&Fact]) -> Answer {
    let reply = facts
        .iter()
        .map(|f| fact_card(f))
        .collect::<Vec<_>>()
        .join("\n\n");
    Answer {
        facts: facts
            .iter()
            .map(|f| FactSummary {
                id: f.id.clone(),
                figure: f.figure.clone(),
                source: f.cited_as.clone(),
                year: f.year,
            })
            .collect(),
        ..Answer::text(Intent::Facts, reply)
    }
}

/// A role model as a card.
pub fn portrait_card(portrait: &Portrait) -> String {
    let age = portrait
        .age
        .map(|age| format!(", {age} ans"))
        .unwrap_or_default();
    format!(
        "{}{age} — {}, chez {} ({})\n« {} »\nVidéo : {}",
        portrait.name,
        portrait.job,
        portrait.company,
        portrait.departement_name,
        portrait.quote,
        portrait.video
    )
}

/// A few role models.
pub fn portraits(portraits: &[&Portrait]) -> Answer {
    let reply = format!(
        "Des jeunes de l'industrie qui en parlent :\n\n{}",
        portraits
            .iter()
            .map(|p| portrait_card(p))
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    Answer {
        portraits: portraits.iter().map(|p| p.id.clone()).collect(),
        ..Answer::text(Intent::Portraits, reply)
    }
}

/// About the week: one or two topics.
pub fn about(topics: &[&Topic], knowledge: &Knowledge) -> Answer {
    let reply = topics
        .iter()
        .map(|t| format!("{}\n{}", t.title, t.text))
        .collect::<Vec<_>>()
        .join("\n\n");
    let reply = format!(
        "{reply}\n\nSource : {}. Plus d'infos : {}",
        knowledge.week.cited_as, knowledge.week.website
    );
    Answer {
        topics: topics.iter().map(|t| t.id.clone()).collect(),
        ..Answer::text(Intent::About, reply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_stops_at_the_period_or_cuts_on_a_word() {
        assert_eq!(
            first_sentence("Une visite d'usine passionnante. Puis un goûter.", 100),
            "Une visite d'usine passionnante."
        );
        let long = "mot ".repeat(100);
        let cut = first_sentence(&long, 20);
        assert!(cut.ends_with('…') && cut.chars().count() <= 21, "{cut}");
    }
}
