//! Composing an answer: the items found, and the French reply a user reads.
//!
//! All French wording shown to users lives here and in [`crate::french`].

use serde::Serialize;

use crate::french;
use crate::model::{Event, Fact, Knowledge, Portrait, Topic};
use crate::places::{Area, Gazetteer};
use crate::search::{EventSearch, Found};
use crate::understand::{Intent, Request};

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

/// What was understood of a question, for users and for `--json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Understood {
    /// The place searched: "Brest (29)", "Finistère (29)", "région Bretagne".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The radius around it, in kilometres.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub radius_km: Option<f64>,
    /// The words searched, besides the place.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub words: String,
}

/// The answer to one question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answer {
    /// What the question was taken to ask.
    pub intent: Intent,
    /// What was understood of it.
    pub understood: Understood,
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
            understood: Understood::default(),
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

/// Asked "près de moi" without a position.
pub fn need_position() -> Answer {
    Answer::text(
        Intent::Events,
        "Pour chercher près de toi, partage ta position (bouton « Envoyer ma position » sur \
         Telegram), ou donne-moi une ville ou un code postal : « près de Brest », « 29200 »."
            .into(),
    )
}

fn summary(found: &Found) -> EventSummary {
    let event = found.event;
    EventSummary {
        id: event.id.clone(),
        title: event.title.clone(),
        city: event.city().to_string(),
        distance_km: found.distance_km.map(|d| (d * 10.0).round() / 10.0),
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
pub fn event_card(rank: usize, found: &Found) -> String {
    let event = found.event;
    let mut card = format!("{rank}. {} — {}\n", event.title, event.organizer);
    let distance = found
        .distance_km
        .map(|d| format!("{} · ", french::distance(d)))
        .unwrap_or_default();
    card.push_str(&format!(
        "   {distance}{} · {}\n",
        where_line(event),
        french::when(event)
    ));
    card.push_str(&format!("   {}\n", first_sentence(&event.description, 160)));
    card.push_str(&format!("   {}", event.link));
    card
}

/// What the answer says about the place before listing events.
fn place_notes(request: &Request, gazetteer: &Gazetteer) -> Vec<String> {
    let Some(mention) = &request.place else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    let name = |area: &Area| match area {
        Area::Commune(c) => gazetteer.commune_label(*c),
        Area::Departement(d) => {
            let d = gazetteer.departement_at(*d);
            format!("{} ({})", d.name, d.code)
        }
        Area::Region(code) => gazetteer
            .region(code)
            .map_or(code.to_string(), |r| r.name.to_string()),
        Area::Group { label, .. } => label.to_string(),
        Area::Here => "ta position".into(),
    };
    if let Some(typed) = &mention.corrected_from {
        notes.push(format!(
            "J'ai compris « {} » pour « {typed} ».",
            name(&mention.area)
        ));
    }
    if let Some(other) = mention.alternatives.first() {
        notes.push(format!(
            "J'ai pris {} ; pour {}, précise-le (par exemple avec le numéro du département).",
            name(&mention.area),
            name(other)
        ));
    }
    notes
}

/// A list of events, with what was searched and, when nothing is in scope, the nearest.
pub fn events(search: &EventSearch, request: &Request, knowledge: &Knowledge) -> Answer {
    let shown: Vec<&Found> = search.found.iter().take(PAGE_SIZE).collect();
    let mut reply = String::new();
    for note in request
        .notes
        .iter()
        .chain(&place_notes(request, &knowledge.gazetteer))
    {
        reply.push_str(note);
        reply.push_str("\n\n");
    }
    let scope = search.scope.as_ref();
    let where_text = scope.map(|scope| scope.phrase.clone());
    if search.nearest_instead {
        let scope_text = where_text.clone().unwrap_or_default();
        reply.push_str(&format!("Je n'ai trouvé aucun événement {scope_text}."));
        match shown.first() {
            Some(nearest) => {
                let distance = nearest
                    .distance_km
                    .map(|d| format!(", {}", french::distance(d)))
                    .unwrap_or_default();
                reply.push_str(&format!(
                    " Le plus proche : {}{distance}. Voici les plus proches :",
                    nearest.event.city()
                ));
            }
            None => reply.push_str(" Essaie une autre ville, un département ou une région."),
        }
    } else {
        if search.words_ignored {
            reply.push_str(&format!(
                "Je n'ai rien trouvé sur « {} » {} ; voici tous les événements de ce coin.\n\n",
                request.query,
                where_text.clone().unwrap_or_default()
            ));
        }
        let count = french::count(search.found.len(), "événement", "événements");
        reply.push_str(&match (&where_text, search.found.len()) {
            (_, 0) => "Je n'ai trouvé aucun événement.".to_string(),
            (Some(place), 1) => format!("Voici l'événement {place} :"),
            (Some(place), _) if shown.len() < search.found.len() => {
                format!(
                    "J'ai trouvé {count} {place}. Voici les {} premiers :",
                    shown.len()
                )
            }
            (Some(place), _) => format!("Voici {count} {place} :"),
            (None, 1) => "Voici l'événement que j'ai trouvé :".to_string(),
            (None, _) if shown.len() < search.found.len() => {
                format!("J'ai trouvé {count}. Voici les {} premiers :", shown.len())
            }
            (None, _) => format!("Voici {count} :"),
        });
    }
    for (i, found) in shown.iter().enumerate() {
        reply.push_str("\n\n");
        reply.push_str(&event_card(i + 1, found));
    }
    if !search.online.is_empty() {
        let titles = search
            .online
            .iter()
            .map(|e| format!("« {} »", e.title))
            .collect::<Vec<_>>()
            .join(", ");
        reply.push_str(&format!("\n\nEn ligne, accessible de partout : {titles}."));
    }
    Answer {
        understood: Understood {
            place: scope.map(|s| s.label.clone()),
            radius_km: scope.and_then(|s| s.radius_km),
            words: request.query.clone(),
        },
        events: shown.iter().map(|f| summary(f)).collect(),
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
