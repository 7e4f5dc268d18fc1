//! The data model: events, facts, role models and the week, as `data/` describes them.
//!
//! Types here are plain data, deserialized from the TOML files of `data/` and checked by
//! [`crate::load`]. Closed vocabularies are enums ([`Audience`], [`EventType`]), so an
//! unknown audience in a data file is an error naming the file, record and field.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize};

use crate::places::Code;

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

    /// Its French name, plural: searched (index and question words), and shown as is
    /// (`answer::labels::audience`).
    pub fn words(self) -> &'static str {
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

impl Flag for Audience {
    const ALL: &'static [Audience] = &Audience::ALL;

    fn bit(self) -> u16 {
        1 << self as u16
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
    /// Every type, in display order.
    pub const ALL: [EventType; 9] = [
        EventType::Visite,
        EventType::JobDating,
        EventType::Forum,
        EventType::EscapeGame,
        EventType::Atelier,
        EventType::Conference,
        EventType::PortesOuvertes,
        EventType::Exposition,
        EventType::Concours,
    ];

    /// The French words that name it, as searched (index words); the answer has its
    /// own labels (`answer::labels`).
    pub fn words(self) -> &'static str {
        match self {
            EventType::Visite => "visite",
            EventType::JobDating => "job dating",
            EventType::Forum => "forum salon",
            EventType::EscapeGame => "escape game",
            EventType::Atelier => "atelier",
            EventType::Conference => "conférence table ronde",
            EventType::PortesOuvertes => "portes ouvertes",
            EventType::Exposition => "exposition",
            EventType::Concours => "concours défi",
        }
    }
}

impl Flag for EventType {
    const ALL: &'static [EventType] = &EventType::ALL;

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A closed vocabulary small enough for a [`Set`] (at most 16 values).
pub trait Flag: Copy + PartialEq + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The value's bit in a set.
    fn bit(self) -> u16;
}

/// A set of audiences or types, in two bytes: iterates in display order, holds each
/// value once, and reads and writes as a list in data files.
///
/// ```
/// use boussole_core::model::{Audience, Set};
/// let audiences: Set<Audience> = [Audience::Lyceens, Audience::Collegiens].into_iter().collect();
/// assert!(audiences.contains(&Audience::Lyceens));
/// assert_eq!(audiences.iter().collect::<Vec<_>>(), [Audience::Collegiens, Audience::Lyceens]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Set<T> {
    bits: u16,
    values: std::marker::PhantomData<T>,
}

impl<T: Flag> Set<T> {
    /// The empty set.
    pub const fn new() -> Set<T> {
        Set {
            bits: 0,
            values: std::marker::PhantomData,
        }
    }

    /// Adds a value.
    pub fn insert(&mut self, value: T) {
        self.bits |= value.bit();
    }

    /// Whether the set holds `value`.
    pub fn contains(&self, value: &T) -> bool {
        self.bits & value.bit() != 0
    }

    /// Whether the two sets share a value.
    pub fn intersects(&self, other: &Set<T>) -> bool {
        self.bits & other.bits != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// How many values it holds.
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// The first value, in display order.
    pub fn first(&self) -> Option<T> {
        self.iter().next()
    }

    /// The values, in display order.
    pub fn iter(&self) -> impl Iterator<Item = T> + use<T> {
        let bits = self.bits;
        T::ALL.iter().copied().filter(move |v| bits & v.bit() != 0)
    }
}

impl<T: Flag> Default for Set<T> {
    fn default() -> Set<T> {
        Set::new()
    }
}

impl<T: Flag> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Set<T> {
        let mut set = Set::new();
        for value in values {
            set.insert(value);
        }
        set
    }
}

impl<T: Flag + std::fmt::Debug> std::fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Flag + Serialize> Serialize for Set<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: Flag + Deserialize<'de>> Deserialize<'de> for Set<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Set<T>, D::Error> {
        Ok(Vec::<T>::deserialize(deserializer)?.into_iter().collect())
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

/// A name many events share (commune, département, région, theme), held once in memory
/// however many events carry it: equal names read from data files share one allocation.
///
/// ```
/// use boussole_core::model::Name;
/// let a: Name = serde_json::from_str("\"Finistère\"").unwrap();
/// let b: Name = serde_json::from_str("\"Finistère\"").unwrap();
/// assert_eq!(a, "Finistère");
/// assert!(Name::same(&a, &b));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(std::sync::Arc<str>);

impl Name {
    /// Whether two names share their allocation.
    pub fn same(a: &Name, b: &Name) -> bool {
        std::sync::Arc::ptr_eq(&a.0, &b.0)
    }

    /// The name for `text`, shared with the names already read on this thread.
    pub fn interned(text: &str) -> Name {
        /// Names kept for sharing; forgotten past this many (sharing is only a saving).
        const POOL_MAX: usize = 200_000;
        thread_local! {
            static POOL: std::cell::RefCell<std::collections::HashSet<std::sync::Arc<str>>> =
                std::cell::RefCell::default();
        }
        POOL.with_borrow_mut(|pool| {
            if let Some(name) = pool.get(text) {
                return Name(name.clone());
            }
            if pool.len() >= POOL_MAX {
                pool.clear();
            }
            let name: std::sync::Arc<str> = text.into();
            pool.insert(name.clone());
            Name(name)
        })
    }
}

impl std::ops::Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Name {
        Name::interned(text)
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name::interned(&text)
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Name::interned(&text))
    }
}

/// A list of names many events share (an event's themes): one copy in memory per
/// distinct list, like [`Name`].
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Names(std::sync::Arc<[Name]>);

impl Names {
    /// The list for `names`, shared with the equal lists already read on this thread.
    pub fn interned(names: Vec<Name>) -> Names {
        /// Lists kept for sharing; forgotten past this many (sharing is only a saving).
        const POOL_MAX: usize = 100_000;
        thread_local! {
            static POOL: std::cell::RefCell<std::collections::HashSet<std::sync::Arc<[Name]>>> =
                std::cell::RefCell::default();
        }
        POOL.with_borrow_mut(|pool| {
            if let Some(list) = pool.get(names.as_slice()) {
                return Names(list.clone());
            }
            if pool.len() >= POOL_MAX {
                pool.clear();
            }
            let list: std::sync::Arc<[Name]> = names.into();
            pool.insert(list.clone());
            Names(list)
        })
    }
}

impl std::ops::Deref for Names {
    type Target = [Name];

    fn deref(&self) -> &[Name] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Names {
    type Item = &'a Name;
    type IntoIter = std::slice::Iter<'a, Name>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl From<Vec<Name>> for Names {
    fn from(names: Vec<Name>) -> Names {
        Names::interned(names)
    }
}

impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl Serialize for Names {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Names, D::Error> {
        Ok(Names::interned(Vec::<Name>::deserialize(deserializer)?))
    }
}

/// How precise an event's coordinates are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeoPrecision {
    /// The venue itself.
    Venue,
    /// The commune's centre.
    Commune,
    /// An approximation (the source's location is vague).
    Approximate,
}

/// Where an event happens. Online events may have only a région (or nothing).
///
/// Codes are held inline and names shared ([`Code`], [`Name`]): an agenda of 100,000
/// events keeps its places in a few megabytes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Venue name or address.
    pub venue: Option<String>,
    /// Official commune name.
    pub commune: Option<Name>,
    /// INSEE code of the commune (`29019`, `2B083`).
    pub insee: Option<Code>,
    /// Postal code of the venue.
    pub postcode: Option<Code>,
    /// Département code (`29`, `2B`, `974`).
    pub departement: Option<Code>,
    /// Département name.
    pub departement_name: Option<Name>,
    /// Région code (INSEE, `53`).
    pub region: Option<Code>,
    /// Région name.
    pub region_name: Option<Name>,
    /// Latitude, WGS 84.
    pub lat: Option<f64>,
    /// Longitude, WGS 84.
    pub lon: Option<f64>,
    /// How precise the coordinates are.
    pub geo_precision: Option<GeoPrecision>,
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
    pub audiences: Set<Audience>,
    /// Aimed at girls and women in particular (mixité).
    #[serde(default, skip_serializing_if = "is_false")]
    pub mixite: bool,
    /// What kind of event.
    pub types: Set<EventType>,
    /// Sectors and themes, free words.
    #[serde(default)]
    pub themes: Names,
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
    /// Questions it answers, in students' words (searched like its text).
    #[serde(default)]
    pub questions: Vec<String>,
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
    /// Questions they answer, in students' words (searched like their text).
    #[serde(default)]
    pub questions: Vec<String>,
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
    /// Questions it answers, in students' words (searched like its text).
    #[serde(default)]
    pub questions: Vec<String>,
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
    /// Words of questions about something else (weather, sport, homework, insults…).
    pub off_topic: Words,
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

    /// The figures of the same measure as `fact` (same topic and unit: "ouvertures nettes
    /// d'usines" in 2022, 2023, 2024…), `fact` included, by year; in a year, those of
    /// the same scope first.
    pub fn series(&self, fact: &Fact) -> Vec<&Fact> {
        let mut series: Vec<&Fact> = self
            .facts
            .iter()
            .filter(|f| f.topic == fact.topic && f.unit == fact.unit)
            .collect();
        series.sort_by_key(|f| (f.year, f.scope != fact.scope));
        series
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
