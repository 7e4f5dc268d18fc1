//! The data model: events, facts, role models and the week, as `data/` describes them.
//!
//! Types here are plain data, deserialized from the TOML files of `data/` and checked by
//! [`crate::load`]. Closed vocabularies are enums ([`Audience`], [`EventType`]), so an
//! unknown audience in a data file is an error naming the file, record and field.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize};

/// Who an event is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Collégiens and collégiennes (11-15).
    Collegiens,
    /// Lycéens and lycéennes (15-18).
    Lyceens,
    /// Students in higher education.
    Etudiants,
    /// Apprentices and work-study students (apprentis, alternants).
    Apprentis,
    /// Job seekers.
    DemandeursEmploi,
    /// Teachers and the wider educational community.
    Enseignants,
    /// Parents.
    Parents,
    /// Anyone.
    GrandPublic,
    /// Professionals (companies, HR, project owners).
    Professionnels,
}

impl Audience {
    /// Every audience, in display order.
    pub const ALL: [Audience; 9] = [
        Audience::Collegiens,
        Audience::Lyceens,
        Audience::Etudiants,
        Audience::Apprentis,
        Audience::DemandeursEmploi,
        Audience::Enseignants,
        Audience::Parents,
        Audience::GrandPublic,
        Audience::Professionnels,
    ];

    /// French label, plural, as shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Collegiens => "collégiens",
            Audience::Lyceens => "lycéens",
            Audience::Etudiants => "étudiants",
            Audience::Apprentis => "apprentis",
            Audience::DemandeursEmploi => "demandeurs d'emploi",
            Audience::Enseignants => "enseignants",
            Audience::Parents => "parents",
            Audience::GrandPublic => "grand public",
            Audience::Professionnels => "professionnels",
        }
    }
}

/// What kind of event it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// Visit of a company, a factory, a building site or a workshop.
    Visite,
    /// Short recruitment interviews.
    JobDating,
    /// Forum, fair, salon.
    Forum,
    /// Escape game.
    EscapeGame,
    /// Hands-on workshop.
    Atelier,
    /// Talk, round table, masterclass.
    Conference,
    /// Open day.
    PortesOuvertes,
    /// Exhibition.
    Exposition,
    /// Contest or challenge.
    Concours,
}

impl EventType {
    /// French label, as shown to users.
    pub fn label(self) -> &'static str {
        match self {
            EventType::Visite => "visite",
            EventType::JobDating => "job dating",
            EventType::Forum => "forum, salon",
            EventType::EscapeGame => "escape game",
            EventType::Atelier => "atelier",
            EventType::Conference => "conférence, table ronde",
            EventType::PortesOuvertes => "portes ouvertes",
            EventType::Exposition => "exposition",
            EventType::Concours => "concours, défi",
        }
    }
}

/// A date, or a date and a time, in the venue's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Moment {
    /// A whole day (the source gives no time).
    Day(NaiveDate),
    /// A local date and time.
    At(NaiveDateTime),
}

impl Moment {
    /// Parses `2024-11-21` or `2024-11-21T09:00` (seconds optional).
    pub fn parse(text: &str) -> Option<Moment> {
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(Moment::Day(date));
        }
        ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
            .iter()
            .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
            .map(Moment::At)
    }

    /// The local date.
    pub fn date(self) -> NaiveDate {
        match self {
            Moment::Day(date) => date,
            Moment::At(at) => at.date(),
        }
    }

    /// The local time, when the source gives one.
    pub fn time(self) -> Option<NaiveTime> {
        match self {
            Moment::Day(_) => None,
            Moment::At(at) => Some(at.time()),
        }
    }
}

impl std::fmt::Display for Moment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Moment::Day(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Moment::At(at) => write!(f, "{}", at.format("%Y-%m-%dT%H:%M")),
        }
    }
}

impl Serialize for Moment {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Moment::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid date {text:?}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            ))
        })
    }
}

fn serialize_tz<S: serde::Serializer>(tz: &Tz, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(tz.name())
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn deserialize_tz<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Tz, D::Error> {
    let name = String::deserialize(deserializer)?;
    name.parse::<Tz>().map_err(|_| {
        serde::de::Error::custom(format!(
            "unknown time zone {name:?} (expected e.g. \"Europe/Paris\")"
        ))
    })
}

/// Whether an event takes place as planned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// As planned.
    #[default]
    Scheduled,
    /// Moved to other dates.
    Rescheduled,
    /// Moved online.
    MovedOnline,
    /// Postponed, no new date yet.
    Postponed,
    /// Full.
    Full,
    /// Cancelled: never proposed.
    Cancelled,
}

impl Status {
    fn is_scheduled(&self) -> bool {
        *self == Status::Scheduled
    }
}

/// Where an event happens. Online events may have only a région (or nothing).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Venue name or address.
    pub venue: Option<String>,
    /// Official commune name.
    pub commune: Option<String>,
    /// INSEE code of the commune (`29019`, `2B083`).
    pub insee: Option<String>,
    /// Postal code of the venue.
    pub postcode: Option<String>,
    /// Département code (`29`, `2B`, `974`).
    pub departement: Option<String>,
    /// Département name.
    pub departement_name: Option<String>,
    /// Région code (INSEE, `53`).
    pub region: Option<String>,
    /// Région name.
    pub region_name: Option<String>,
    /// Latitude, WGS 84.
    pub lat: Option<f64>,
    /// Longitude, WGS 84.
    pub lon: Option<f64>,
    /// How precise the coordinates are: `venue`, `commune` or `approximate`.
    pub geo_precision: Option<String>,
}

/// One event of the week.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable id: the last path segment of the OpenAgenda link.
    pub id: String,
    /// Title, in French.
    pub title: String,
    /// Who organizes it.
    pub organizer: String,
    /// Partners named by the source.
    #[serde(default)]
    pub partners: Vec<String>,
    /// Full description.
    pub description: String,
    /// Where to learn more and register.
    pub link: String,
    /// Start, in the venue's local time.
    pub start: Moment,
    /// End, in the venue's local time (same day as `start` when absent).
    pub end: Option<Moment>,
    /// The venue's time zone.
    #[serde(deserialize_with = "deserialize_tz", serialize_with = "serialize_tz")]
    pub timezone: Tz,
    /// Held online (reachable from anywhere).
    #[serde(default)]
    pub online: bool,
    /// Whether it takes place as planned (cancelled events are never proposed).
    #[serde(default, skip_serializing_if = "Status::is_scheduled")]
    pub status: Status,
    /// Who it is for.
    pub audiences: Vec<Audience>,
    /// Aimed at girls and women in particular (mixité).
    #[serde(default, skip_serializing_if = "is_false")]
    pub mixite: bool,
    /// What kind of event.
    pub types: Vec<EventType>,
    /// Sectors and themes, free words.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Registration links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub registration: Vec<String>,
    /// Corrections and decisions made when transcribing the source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Where (last, as a TOML table).
    #[serde(default)]
    pub place: Place,
}

impl Event {
    /// First local day.
    pub fn first_day(&self) -> NaiveDate {
        self.start.date()
    }

    /// Last local day.
    pub fn last_day(&self) -> NaiveDate {
        self.end.map_or(self.first_day(), Moment::date)
    }

    /// Start as an instant with the venue's UTC offset; a whole day starts at midnight.
    pub fn start_instant(&self) -> DateTime<FixedOffset> {
        let local = match self.start {
            Moment::Day(date) => date.and_time(NaiveTime::MIN),
            Moment::At(at) => at,
        };
        let zoned = self
            .timezone
            .from_local_datetime(&local)
            .earliest()
            .unwrap_or_else(|| self.timezone.from_utc_datetime(&local));
        zoned.fixed_offset()
    }

    /// The start as ISO 8601: a date (`2024-11-21`) when the source gives no time, else
    /// a date-time with the venue's offset (`2024-11-22T09:00:00+01:00`).
    pub fn start_iso(&self) -> String {
        match self.start {
            Moment::Day(date) => date.format("%Y-%m-%d").to_string(),
            Moment::At(_) => self.start_instant().to_rfc3339(),
        }
    }

    /// The commune, or "en ligne" for an online event without one.
    pub fn city(&self) -> &str {
        match &self.place.commune {
            Some(commune) => commune,
            None if self.online => "en ligne",
            None => "",
        }
    }
}

/// One figure of the press kit, with its source.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// Stable id.
    pub id: String,
    /// Topic: `emploi`, `salaires`, `mixite`, `usines`, `environnement`, `budgets`,
    /// `formation`, `semaine`.
    pub topic: String,
    /// The figure in its French sentence.
    pub statement: String,
    /// The figure as written in the statement ("260 000", "5,6 millions").
    pub figure: String,
    /// The numeric value.
    pub value: f64,
    /// Upper bound, for a range.
    pub value_max: Option<f64>,
    /// Unit of `value`.
    pub unit: String,
    /// What the figure covers.
    pub scope: String,
    /// Year the figure describes.
    pub year: i32,
    /// The source as the press kit cites it.
    pub cited_as: String,
    /// Link to the source, when the kit gives one.
    pub source_url: Option<String>,
    /// Words people use to ask for it.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Corrections made when transcribing.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// A role model of the video campaign.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portrait {
    /// Stable id.
    pub id: String,
    /// First name.
    pub name: String,
    /// Age, when the kit gives it.
    pub age: Option<u8>,
    /// Job.
    pub job: String,
    /// Employer.
    pub company: String,
    /// Département code.
    pub departement: String,
    /// Département name.
    pub departement_name: String,
    /// Their sentence in the campaign.
    pub quote: String,
    /// Link to the video (or playlist).
    pub video: String,
    /// Jobs, skills and sectors they speak for.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Source as cited.
    pub cited_as: String,
}

/// The week itself.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Week {
    /// "Semaine de l'industrie".
    pub name: String,
    /// Edition number.
    pub edition: u32,
    /// Year of this edition.
    pub year: i32,
    /// First year.
    pub since: i32,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Slogan.
    pub theme: String,
    /// Organizer.
    pub organizer: String,
    /// Website.
    pub website: String,
    /// Interactive map of the events.
    pub map: String,
    /// Source.
    pub cited_as: String,
}

/// A piece of knowledge about the week (how to take part, Bercy, IndustriELLES…).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// The French text.
    pub text: String,
    /// Words people use to ask for it.
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// A group of words that mean the same for search ("lycée", "lycéen", "lycéennes").
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equivalence {
    /// The words; the first is the canonical one.
    pub words: Vec<String>,
}

/// Words naming an audience.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AudienceWords {
    /// The audience.
    pub audience: Audience,
    /// Words and phrases that name it.
    pub words: Vec<String>,
}

/// Words naming an event type.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeWords {
    /// The type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Words and phrases that name it.
    pub words: Vec<String>,
}

/// A theme or sector, and the words that name it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Stable id (`energie`).
    pub theme: String,
    /// French label shown to users.
    pub label: String,
    /// Words and phrases that name it.
    pub words: Vec<String>,
}

/// A list of words for a facet (girls and women, online).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// Words and phrases.
    pub words: Vec<String>,
}

/// The vocabulary of understanding, from `thesaurus.toml`.
#[derive(Clone, Debug, Default)]
pub struct Thesaurus {
    /// Words searched as one.
    pub equivalences: Vec<Equivalence>,
    /// Words naming each audience.
    pub audiences: Vec<AudienceWords>,
    /// Words asking for events aimed at girls and women.
    pub girls: Words,
    /// Words naming each event type.
    pub types: Vec<TypeWords>,
    /// Words asking for online events.
    pub online: Words,
    /// Themes and sectors.
    pub themes: Vec<Theme>,
    /// SMS spellings and what they stand for.
    pub sms: std::collections::BTreeMap<String, String>,
}

/// Everything Boussole knows, loaded from a data directory.
#[derive(Clone, Debug)]
pub struct Knowledge {
    /// Events, in file order.
    pub events: Vec<Event>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Role models.
    pub portraits: Vec<Portrait>,
    /// The week.
    pub week: Week,
    /// Topics about the week.
    pub topics: Vec<Topic>,
    /// The vocabulary of understanding.
    pub thesaurus: Thesaurus,
    /// Every commune, département and région.
    pub gazetteer: std::sync::Arc<crate::places::Gazetteer>,
    /// Fingerprint of the source files (changes whenever a file changes).
    pub fingerprint: u64,
}

impl Knowledge {
    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|event| event.id == id)
    }

    /// The fact with this id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|fact| fact.id == id)
    }

    /// The portrait with this id.
    pub fn portrait(&self, id: &str) -> Option<&Portrait> {
        self.portraits.iter().find(|portrait| portrait.id == id)
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|topic| topic.id == id)
    }
}
