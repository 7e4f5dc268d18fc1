//! The reply model: what an answer shows, without any platform markup. Adapters render
//! blocks their own way (Telegram HTML, Discord embeds); [`plain`] renders them as plain
//! text for the console and `--json`.

use serde::Serialize;

use crate::answer::{french, labels};
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
                .map(labels::audience)
                .collect::<Vec<_>>()
                .join(", "),
            summary: first_sentence(&event.description, 160),
            link: event.link.clone(),
        }
    }

    /// Plain text, a few lines.
    pub fn plain(&self) -> String {
        self.marked(&Plain)
    }

    /// The card with a platform's markup.
    pub fn marked(&self, m: &dyn Markup) -> String {
        self.marked_as(&format!("{}. {}", self.rank, self.title), m)
    }

    /// The card on its own, outside a list (no rank): what a shared event shows.
    pub fn marked_alone(&self, m: &dyn Markup) -> String {
        self.marked_as(&self.title, m)
    }

    /// Where and when, on one line: "Brest (Finistère) · jeudi 21 novembre 2024".
    pub fn where_and_when(&self) -> String {
        format!("{} · {}", self.place, self.when)
    }

    fn marked_as(&self, heading: &str, m: &dyn Markup) -> String {
        let distance = self
            .distance
            .as_ref()
            .map(|d| format!("{} · ", m.text(d)))
            .unwrap_or_default();
        format!(
            "{} — {}\n   {distance}{} · {}\n   Pour : {}\n   {}\n   {}",
            m.bold(heading),
            m.text(&self.organizer),
            m.text(&self.place),
            m.text(&self.when),
            m.text(&self.audiences),
            m.text(&self.summary),
            m.link("Infos et inscription", &self.link)
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
        self.marked(&Plain)
    }

    /// The card with a platform's markup.
    pub fn marked(&self, m: &dyn Markup) -> String {
        let url = self
            .url
            .as_ref()
            .map(|u| format!(" {}", m.link("la source", u)))
            .unwrap_or_default();
        let statement = match self.statement.split_once(&self.figure) {
            Some((before, after)) => format!(
                "{}{}{}",
                m.text(before),
                m.bold(&self.figure),
                m.text(after)
            ),
            None => m.text(&self.statement),
        };
        format!(
            "{statement}\n{}",
            m.italic(&format!("Source : {}.", self.source))
        ) + &url
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
        self.marked(&Plain)
    }

    /// The card with a platform's markup.
    pub fn marked(&self, m: &dyn Markup) -> String {
        format!(
            "{} — {}\n{}\n{}{}",
            m.bold(&self.who),
            m.text(&format!(
                "{}, chez {} ({})",
                self.job, self.company, self.departement
            )),
            m.italic(&format!("« {} »", self.quote)),
            m.text("Vidéo : "),
            m.link("la regarder", &self.video)
        )
    }
}

/// Blocks as plain text, separated by blank lines.
pub fn plain(blocks: &[Block]) -> String {
    marked(blocks, &Plain)
}

/// Blocks with a platform's markup, separated by blank lines.
pub fn marked(blocks: &[Block], m: &dyn Markup) -> String {
    blocks
        .iter()
        .map(|block| match block {
            Block::Text { text } => m.text(text),
            Block::Event(card) => card.marked(m),
            Block::Fact(card) => card.marked(m),
            Block::Portrait(card) => card.marked(m),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// How a platform marks text up. The wording of replies stays in the core; adapters
/// only say how text is escaped, emphasized and linked (Telegram HTML, Discord
/// Markdown).
///
/// ```
/// use boussole_core::answer::reply::{Markup, Plain};
/// assert_eq!(Plain.link("Infos", "https://openagenda.com/x"), "https://openagenda.com/x");
/// ```
pub trait Markup {
    /// Text, escaped for the platform.
    fn text(&self, text: &str) -> String;
    /// Bold text.
    fn bold(&self, text: &str) -> String {
        self.text(text)
    }
    /// Italic text.
    fn italic(&self, text: &str) -> String {
        self.text(text)
    }
    /// A link labelled `label`.
    fn link(&self, label: &str, url: &str) -> String;
}

/// No markup: the console and `--json`. Links are their address.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plain;

impl Markup for Plain {
    fn text(&self, text: &str) -> String {
        text.to_string()
    }

    fn link(&self, _label: &str, url: &str) -> String {
        url.to_string()
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
