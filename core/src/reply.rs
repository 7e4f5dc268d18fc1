//! The reply model: what an answer shows, without any platform markup. Adapters render
//! blocks their own way (Telegram HTML, Discord embeds); [`plain`] renders them as plain
//! text for the console and `--json`.

use serde::Serialize;

use crate::french;
use crate::model::{Event, Fact, Portrait};

/// A part of a reply.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph.
    Text {
        /// The text.
        text: String,
    },
    /// An event of a list.
    Event(EventCard),
    /// A figure with its source.
    Fact(FactCard),
    /// A role model.
    Portrait(PortraitCard),
}

impl Block {
    /// A paragraph.
    pub fn text(text: impl Into<String>) -> Block {
        Block::Text { text: text.into() }
    }
}

/// An event as a card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventCard {
    /// Rank in the list (from 1), for "le 2".
    pub rank: usize,
    /// Event id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Organizer.
    pub organizer: String,
    /// Where: "IUT de Brest-Morlaix, Brest (Finistère)", "en ligne".
    pub place: String,
    /// "à 12 km", when a place was asked about.
    pub distance: Option<String>,
    /// When, in French, in the venue's local time: "jeudi 21 novembre 2024".
    pub when: String,
    /// Who it is for: "collégiens, lycéens".
    pub audiences: String,
    /// The first sentence of the description.
    pub summary: String,
    /// Where to learn more and register.
    pub link: String,
}

impl EventCard {
    /// The card of an event.
    pub fn new(rank: usize, event: &Event, distance_km: Option<f64>) -> EventCard {
        EventCard {
            rank,
            id: event.id.clone(),
            title: event.title.clone(),
            organizer: event.organizer.clone(),
            place: where_line(event),
            distance: distance_km.map(french::distance),
            when: french::when(event),
            audiences: event
                .audiences
                .iter()
                .map(|a| a.label())
                .collect::<Vec<_>>()
                .join(", "),
            summary: first_sentence(&event.description, 160),
            link: event.link.clone(),
        }
    }

    /// Plain text, a few lines.
    pub fn plain(&self) -> String {
        let distance = self
            .distance
            .as_ref()
            .map(|d| format!("{d} · "))
            .unwrap_or_default();
        format!(
            "{}. {} — {}\n   {distance}{} · {}\n   Pour : {}\n   {}\n   {}",
            self.rank,
            self.title,
            self.organizer,
            self.place,
            self.when,
            self.audiences,
            self.summary,
            self.link
        )
    }
}

/// A figure in its sentence, with its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactCard {
    /// Fact id.
    pub id: String,
    /// The figure as written ("260 000").
    pub figure: String,
    /// The sentence.
    pub statement: String,
    /// The source as cited, with the year of the figure.
    pub source: String,
    /// Link to the source.
    pub url: Option<String>,
}

impl FactCard {
    /// The card of a fact.
    pub fn new(fact: &Fact) -> FactCard {
        let mut source = fact.cited_as.clone();
        if !source.contains(&fact.year.to_string()) {
            source.push_str(&format!(" (chiffre {})", fact.year));
        }
        FactCard {
            id: fact.id.clone(),
            figure: fact.figure.clone(),
            statement: fact.statement.clone(),
            source,
            url: fact.source_url.clone(),
        }
    }

    /// Plain text.
    pub fn plain(&self) -> String {
        let url = self
            .url
            .as_ref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        format!("{}\nSource : {}.{url}", self.statement, self.source)
    }
}

/// A role model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PortraitCard {
    /// Portrait id.
    pub id: String,
    /// "Charlotte, 24 ans".
    pub who: String,
    /// Job.
    pub job: String,
    /// Employer.
    pub company: String,
    /// Département name.
    pub departement: String,
    /// Their sentence.
    pub quote: String,
    /// The video.
    pub video: String,
}

impl PortraitCard {
    /// The card of a role model.
    pub fn new(portrait: &Portrait) -> PortraitCard {
        let age = portrait
            .age
            .map(|age| format!(", {age} ans"))
            .unwrap_or_default();
        PortraitCard {
            id: portrait.id.clone(),
            who: format!("{}{age}", portrait.name),
            job: portrait.job.clone(),
            company: portrait.company.clone(),
            departement: portrait.departement_name.clone(),
            quote: portrait.quote.clone(),
            video: portrait.video.clone(),
        }
    }

    /// Plain text.
    pub fn plain(&self) -> String {
        format!(
            "{} — {}, chez {} ({})\n« {} »\nVidéo : {}",
            self.who, self.job, self.company, self.departement, self.quote, self.video
        )
    }
}

/// Blocks as plain text, separated by blank lines.
pub fn plain(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|block| match block {
            Block::Text { text } => text.clone(),
            Block::Event(card) => card.plain(),
            Block::Fact(card) => card.plain(),
            Block::Portrait(card) => card.plain(),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Where an event is, in one line: "IUT de Brest-Morlaix, Brest (Finistère)", "en ligne".
pub fn where_line(event: &Event) -> String {
    if event.online {
        return "en ligne".into();
    }
    let place = &event.place;
    let mut parts = Vec::new();
    if let Some(venue) = &place.venue
        && Some(venue.as_str()) != place.commune.as_deref()
    {
        parts.push(venue.clone());
    }
    if let Some(commune) = &place.commune {
        let mut commune = commune.to_string();
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
