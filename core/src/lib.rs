//! Boussole's core: the knowledge of La Semaine de l'industrie, a French full-text index,
//! and answers to questions typed in everyday French.
//!
//! The core is pure but for two edges: [`load`] reads a data directory and
//! [`index::SearchIndex::open_or_build`] reads and writes the index directory.
//! Understanding and answering are functions of the question, the knowledge and a clock
//! passed in by the caller; they do no I/O.
//!
//! ```
//! use boussole_core::{Boussole, load};
//! use chrono::DateTime;
//!
//! let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
//! let boussole = Boussole::in_memory(load::load(&data).unwrap()).unwrap();
//! let now = DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();
//! let answer = boussole.ask("escape game à Nice", now);
//! assert_eq!(answer.events[0].id, "escape-game-de-la-metallurgie-azureenne");
//! ```

#![deny(missing_docs)]

pub mod action;
pub mod answer;
pub mod command;
pub mod dialogue;
pub mod eval;
pub mod fingerprint;
pub mod import;
pub mod index;
pub mod limits;
pub mod load;
pub mod model;
pub mod places;
pub mod problem;
pub mod progress;
pub mod search;
pub mod synthetic;
pub mod text;
pub mod understand;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::action::{Action, EventKey};

use crate::answer::{Answer, PAGE_SIZE};
use crate::dialogue::{Aside, Conversation, LastSearch};
use crate::index::{Hit, IndexError, Kind, SearchIndex};
use crate::model::Knowledge;
use crate::places::{Area, Point};
use crate::search::{Facets, Scope};
use crate::text::Analyzer;
use crate::understand::dates::Clock;
use crate::understand::{
    Followup, Intent, Lean, Lexicon, Rank, Request, Trait, YearShift, understand,
};

/// One turn of a conversation, as an adapter receives it: never a sentence written by
/// the adapter for the core to parse.
#[derive(Clone, Debug)]
pub enum Turn {
    /// A message typed.
    Text(String),
    /// A position shared (already checked: [`Point::new`]).
    Position(Point),
    /// A button tapped: its payload ([`Action::payload`]).
    Button(String),
    /// A command, with the text after it (`/evenements lycéens Brest`).
    Command(command::Command, String),
    /// A search given field by field (slash-command options).
    Search(Search),
}

/// A search given field by field: each free-text field is understood on its own, for
/// what it is (a place, dates, words).
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// A commune, département or région ("Brest", "29", "Bretagne").
    pub place: Option<String>,
    /// The audience.
    pub audience: Option<model::Audience>,
    /// The kind of event.
    pub event_type: Option<model::EventType>,
    /// Dates, as a user writes them ("demain", "du 20 au 22 novembre").
    pub dates: Option<String>,
    /// Words to look for.
    pub words: Option<String>,
}

/// What a turn gives.
#[derive(Debug)]
pub enum Outcome {
    /// An answer.
    Answer(Box<Answer>),
    /// A calendar file for the user's agenda.
    Calendar {
        /// `event-id.ics`.
        file_name: String,
        /// The iCalendar text.
        content: String,
    },
    /// Where an event is, as a map pin.
    Venue(answer::Venue),
}

/// Knowledge and its index: everything needed to answer questions.
#[derive(Debug)]
pub struct Boussole {
    knowledge: Knowledge,
    index: SearchIndex,
    lexicon: Lexicon,
    facets: Facets,
    /// Where each event is in `knowledge.events`, by the key its buttons carry.
    by_key: HashMap<EventKey, usize>,
}

/// What a request is answered with.
enum Plan<'h> {
    /// Figures, role models or the week: the best knowledge hits.
    Knowledge,
    /// Events, with something else worth knowing after them.
    Events { also: Option<&'h Hit> },
    /// Nothing fits.
    Unknown,
}

/// How many candidates each knowledge search brings back before the answer picks.
const CANDIDATES: usize = 20;

/// What an answer beside the lists showed, for the follow-ups.
fn aside_of(answer: &Answer) -> Option<Aside> {
    match answer.intent {
        Intent::Facts => Some(Aside::Facts(
            answer.facts.iter().map(|f| f.id.clone()).collect(),
        )),
        Intent::Portraits => Some(Aside::Portraits(answer.portraits.clone())),
        Intent::About => Some(Aside::About),
        _ => None,
    }
}

/// The year a request asks about as a whole ("en 2023").
fn asked_year(request: &Request) -> Option<i32> {
    use chrono::Datelike;
    let dates = request.dates.as_ref()?;
    (dates.said == understand::dates::Said::Year).then(|| dates.from.year())
}

/// The keys of the events found, as many as a conversation remembers: enough for every
/// page anyone reads, and memory bounded per conversation.
fn remembered(found: &search::EventSearch) -> Vec<EventKey> {
    found
        .found
        .iter()
        .take(dialogue::MAX_REMEMBERED)
        .map(|f| EventKey::of(&f.event.id))
        .collect()
}

impl Boussole {
    /// The analyzer for this knowledge: the French analyzer with its thesaurus.
    pub fn analyzer(knowledge: &Knowledge) -> Analyzer {
        Analyzer::with_equivalences(
            knowledge
                .thesaurus
                .equivalences
                .iter()
                .map(|e| e.words.as_slice()),
        )
    }

    /// Assembles knowledge and an index built from it.
    pub fn new(knowledge: Knowledge, index: SearchIndex) -> Boussole {
        let lexicon = Lexicon::new(&knowledge);
        let facets = Facets::new(&knowledge, lexicon.slots());
        let mut by_key = HashMap::with_capacity(knowledge.events.len());
        for (at, event) in knowledge.events.iter().enumerate() {
            // Two ids of one fingerprint are all but impossible; the first keeps it.
            by_key.entry(EventKey::of(&event.id)).or_insert(at);
        }
        Boussole {
            knowledge,
            index,
            lexicon,
            facets,
            by_key,
        }
    }

    /// Builds the index in memory.
    pub fn in_memory(knowledge: Knowledge) -> Result<Boussole, IndexError> {
        let index = SearchIndex::build_in_ram(&knowledge, Self::analyzer(&knowledge))?;
        Ok(Boussole::new(knowledge, index))
    }

    /// The knowledge.
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// The index.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The event a button names.
    pub fn event(&self, key: EventKey) -> Option<&model::Event> {
        let event = self.knowledge.events.get(*self.by_key.get(&key)?)?;
        (EventKey::of(&event.id) == key).then_some(event)
    }

    /// The engine's one entry point: a turn of a person's conversation, with the clock.
    /// Every adapter calls this (through its shared chat state), whatever the platform.
    pub fn take(
        &self,
        conversation: &mut Conversation,
        turn: Turn,
        now: DateTime<FixedOffset>,
    ) -> Outcome {
        let answer = match turn {
            Turn::Text(text) => self.reply(conversation, &text, now),
            Turn::Position(point) => self.near_in(conversation, point, None, "", now),
            Turn::Button(payload) => return self.press(conversation, &payload, now),
            Turn::Command(command, text) => self.command(conversation, command, &text, now),
            Turn::Search(search) => self.structured(conversation, &search, now),
        };
        Outcome::Answer(Box::new(answer))
    }

    /// A command, with the text after it.
    fn command(
        &self,
        conversation: &mut Conversation,
        command: command::Command,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        use command::Command;
        let knowledge = &self.knowledge;
        let lean = match command {
            Command::Start => return answer::greeting(knowledge),
            Command::Help => return answer::help(knowledge),
            Command::Forget => {
                conversation.clear();
                return answer::forgotten();
            }
            Command::Week => {
                let topics: Vec<_> = knowledge.topics.iter().take(1).collect();
                return answer::about(&topics, knowledge);
            }
            Command::Events => Lean::Events,
            Command::Figures if text.trim().is_empty() => {
                return answer::facts(&knowledge.facts.iter().take(3).collect::<Vec<_>>());
            }
            Command::Figures => Lean::Figures,
            Command::Jobs if text.trim().is_empty() => {
                return answer::portraits(&knowledge.portraits.iter().take(2).collect::<Vec<_>>());
            }
            Command::Jobs => Lean::People,
        };
        let mut request = self.understand(text, now);
        let notices = std::mem::take(&mut request.notices);
        // What the command asks, whatever its words look like.
        request.intent = None;
        request.followup = None;
        request.lean = lean;
        let answer = self.answer(conversation, request, now);
        answer::with_notices(answer, &notices)
    }

    /// A search given field by field.
    fn structured(
        &self,
        conversation: &mut Conversation,
        search: &Search,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        let understood = |text: &Option<String>| text.as_deref().map(|t| self.understand(t, now));
        let mut request = understood(&search.words).unwrap_or_default();
        let mut notices = std::mem::take(&mut request.notices);
        if let Some(mut place) = understood(&search.place) {
            request.place = place.place.take();
            notices.append(&mut place.notices);
        }
        if let Some(mut dates) = understood(&search.dates) {
            request.dates = dates.dates.take();
            notices.append(&mut dates.notices);
        }
        request.audiences.extend(search.audience);
        request.types.extend(search.event_type);
        request.intent = None;
        request.followup = None;
        request.lean = Lean::Events;
        let answer = self.answer(conversation, request, now);
        answer::with_notices(answer, &notices)
    }

    /// Understands a question (no search): what `--json` reports as `understood`.
    pub fn understand(&self, question: &str, now: DateTime<FixedOffset>) -> Request {
        self.understand_in(question, now, None)
    }

    /// Understands a question of a conversation about the day `anchor` ("la veille",
    /// "le lendemain" are the days around it).
    fn understand_in(
        &self,
        question: &str,
        now: DateTime<FixedOffset>,
        anchor: Option<NaiveDate>,
    ) -> Request {
        let clock = Clock {
            now: now.naive_local(),
            anchor,
        };
        understand(question, &self.knowledge, &self.lexicon, clock)
    }

    /// Answers one question, without conversation. `now` is the clock: tests and
    /// `--now` fix it.
    pub fn ask(&self, question: &str, now: DateTime<FixedOffset>) -> Answer {
        self.reply(&mut Conversation::new(), question, now)
    }

    /// Answers a message of a conversation: follow-ups ("le 2", "suivants", "et à
    /// Nice ?") refer to the conversation's last answer, which this one replaces.
    pub fn reply(
        &self,
        conversation: &mut Conversation,
        question: &str,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        let mut request = self.understand_in(question, now, conversation.day());
        let mut notices = std::mem::take(&mut request.notices);
        if let Some(answer) = self.aside_followup(conversation, &request) {
            // A figure or a person shown is what the next follow-up speaks of; "je n'ai
            // pas ce chiffre" keeps the one before.
            if let Some(aside) = aside_of(&answer).filter(|a| !a.is_empty()) {
                conversation.aside = Some(aside);
            }
            return answer::with_notices(answer, &notices);
        }
        let followup = match (request.followup, conversation.last.as_ref()) {
            // "et le 26 ?" after a short list: a day, not the 26th event ("le 9" after
            // three is still a rank that is not there).
            (Some(Followup::Details(Rank::Nth(n))), Some(last))
                if n > last.ids.len().max(2 * PAGE_SIZE) && request.dates.is_some() =>
            {
                Some(Followup::Refine)
            }
            // "c'est où ?", "on y fait quoi ?": the event of the details shown, else the
            // first of the page; a question that names something new is a new one.
            (Some(Followup::Focus), Some(last)) if !request.has_event_slots() => {
                let at = last.focus.unwrap_or(last.page * PAGE_SIZE);
                Some(Followup::Details(Rank::Nth(at + 1)))
            }
            (Some(Followup::Focus), _) => None,
            (Some(Followup::Refine), _) if conversation.aside.is_some() => None,
            // "et le suivant ?" after the details of one: the details of the next.
            (Some(Followup::Next), Some(last)) if last.focus.is_some() => {
                Some(Followup::Details(Rank::Nth(last.focus.unwrap_or(0) + 2)))
            }
            (followup, _) => followup,
        };
        let answer = match (followup, conversation.last.as_mut()) {
            (Some(Followup::Details(rank)), Some(last)) if !last.ids.is_empty() => {
                self.details(last, rank)
            }
            (Some(Followup::Next), Some(last)) if !last.ids.is_empty() => {
                let (last, page) = (last.clone(), last.page + 1);
                self.page(conversation, last, page, now)
            }
            (Some(Followup::Wider), Some(last)) => {
                let last = last.clone();
                self.wider(conversation, last, &mut notices, now)
            }
            (Some(Followup::Refine), Some(last))
                if request.place.as_ref().is_some_and(|p| p.area == Area::Here) =>
            {
                // "et près de moi ?": the same search, once the position comes.
                conversation.awaiting_position = Some(last.request.refined_by(&request));
                answer::need_position()
            }
            (Some(Followup::Refine), Some(last)) => {
                let merged = last.request.refined_by(&request);
                let (position, radius) = (last.position, last.radius_km);
                let position = if merged.place.is_some() {
                    None
                } else {
                    position
                };
                self.events_answer(conversation, merged, position, radius, now)
            }
            _ => self.answer(conversation, request, now),
        };
        conversation.aside = aside_of(&answer);
        tracing::debug!(intent = ?answer.intent, events = answer.events.len(), "answered");
        answer::with_notices(answer, &notices)
    }

    /// "et l'année d'avant ?" after figures, "il a quel âge ?" (or "c'est où ?") after
    /// role models: about what the last answer showed, which stays in view.
    fn aside_followup(&self, conversation: &Conversation, request: &Request) -> Option<Answer> {
        match (request.followup?, conversation.aside.as_ref()?) {
            (Followup::Year(shift), Aside::Facts(ids)) => {
                let fact = self.knowledge.fact(ids.first()?)?;
                let series = self.knowledge.series(fact);
                let year = match shift {
                    YearShift::Before => fact.year - 1,
                    YearShift::After => fact.year + 1,
                    YearShift::In(year) => year,
                };
                Some(match series.iter().find(|f| f.year == year) {
                    Some(other) => answer::facts(&[other]),
                    None => answer::no_such_year(fact, year, &series),
                })
            }
            (followup @ (Followup::Person(_) | Followup::Focus), Aside::Portraits(ids)) => {
                let asked = match followup {
                    Followup::Person(asked) => asked,
                    _ => Trait::Place,
                };
                let portrait = self.knowledge.portrait(ids.first()?)?;
                let gazetteer = &self.knowledge.gazetteer;
                Some(answer::portrait_trait(portrait, asked, gazetteer))
            }
            _ => None,
        }
    }

    /// "le 2", "le dernier": the details of an item of the last list, which gets the
    /// focus of what follows ("c'est où ?", "le suivant").
    fn details(&self, last: &mut LastSearch, rank: Rank) -> Answer {
        let index = match rank {
            Rank::Nth(n) => n.saturating_sub(1),
            Rank::Last => (last.page * PAGE_SIZE + PAGE_SIZE).min(last.ids.len()) - 1,
        };
        match last.ids.get(index).and_then(|key| self.event(*key)) {
            Some(event) => {
                last.focus = Some(index);
                answer::details(event, index + 1)
            }
            None => answer::no_such_item(index + 1, last.ids.len()),
        }
    }

    /// "plus loin": the last search with a radius twice as large, up to France-wide
    /// ([`limits::MAX_RADIUS_KM`]), and no farther.
    fn wider(
        &self,
        conversation: &mut Conversation,
        mut last: LastSearch,
        notices: &mut Vec<understand::Notice>,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        let place_radius = last.request.place.as_ref().map(|p| p.radius_km);
        let radius = match (last.position, place_radius) {
            (Some(_), _) | (None, None) => last.radius_km,
            (None, Some(radius)) => radius,
        };
        if radius.is_some_and(|r| r >= limits::MAX_RADIUS_KM) {
            notices.push(understand::Notice::AlreadyFranceWide);
        }
        let widen =
            |r: Option<f64>| Some(search::wider_radius(r.unwrap_or(search::DEFAULT_RADIUS_KM)));
        if let Some(place) = &mut last.request.place {
            place.radius_km = widen(place.radius_km);
        }
        last.radius_km = widen(last.radius_km);
        self.events_answer(
            conversation,
            last.request,
            last.position,
            last.radius_km,
            now,
        )
    }

    /// A button tapped: its payload ([`Action::payload`]). Each button acts on what its
    /// own message showed: an event by its key, a list by its handle. "Ajouter à mon
    /// agenda" gives a calendar file; a payload that is no longer understood (an old or
    /// forged button), a forgotten list or a vanished event get a kind answer.
    pub fn press(
        &self,
        conversation: &mut Conversation,
        payload: &str,
        now: DateTime<FixedOffset>,
    ) -> Outcome {
        let answer = |answer: Answer| Outcome::Answer(Box::new(answer));
        let Some(action) = Action::from_payload(payload) else {
            return answer(answer::stale_button());
        };
        match action {
            Action::Details { rank, event } => answer(match self.event(event) {
                Some(event) => answer::details(event, rank),
                None => answer::event_gone(),
            }),
            Action::Calendar { event, .. } => match self.event(event) {
                Some(event) => Outcome::Calendar {
                    file_name: format!("{}.ics", event.id),
                    content: answer::calendar::ics(event, now),
                },
                None => answer(answer::event_gone()),
            },
            Action::Map { event } => match self.event(event) {
                Some(event) => answer::venue(event)
                    .map_or_else(|| answer(answer::details(event, 1)), Outcome::Venue),
                None => answer(answer::event_gone()),
            },
            Action::Next { search, page } => answer(match conversation.search(search).cloned() {
                Some(last) => self.page(conversation, last, page, now),
                None => answer::list_forgotten(),
            }),
            Action::Wider { search } => answer(match conversation.search(search).cloned() {
                Some(last) => {
                    let mut notices = Vec::new();
                    let wider = self.wider(conversation, last, &mut notices, now);
                    answer::with_notices(wider, &notices)
                }
                None => answer::list_forgotten(),
            }),
            Action::NearMe => {
                // The last search, once the position comes (or just what is near).
                conversation.awaiting_position =
                    conversation.last.as_ref().map(|l| l.request.clone());
                answer(answer::need_position())
            }
            Action::Ask { question, .. } => answer(self.reply(conversation, &question, now)),
        }
    }

    /// Events around a position the user shared ("près de moi"), within `radius_km`
    /// (default [`search::DEFAULT_RADIUS_KM`]), matching `question` when it has words.
    pub fn near(
        &self,
        point: Point,
        radius_km: Option<f64>,
        question: &str,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        self.near_in(&mut Conversation::new(), point, radius_km, question, now)
    }

    /// Like [`Boussole::near`], in a conversation ("suivants" and "plus loin" follow it).
    /// A position shared without words answers the question that asked for it ("des
    /// visites près de moi"), when there was one.
    pub fn near_in(
        &self,
        conversation: &mut Conversation,
        point: Point,
        radius_km: Option<f64>,
        question: &str,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        let awaiting = conversation.awaiting_position.take();
        let mut request = match awaiting {
            Some(request) if question.trim().is_empty() => request,
            _ => self.understand(question, now),
        };
        let notices = std::mem::take(&mut request.notices);
        let radius_km = radius_km.or(request.place.as_ref().and_then(|p| p.radius_km));
        request.place = None;
        request.intent = None;
        // The search, and the conversation after it, see the position to about a
        // kilometre: a child's exact position is never kept.
        let point = point.approximate();
        let answer = self.events_answer(conversation, request, Some(point), radius_km, now);
        answer::with_notices(answer, &notices)
    }

    fn answer(
        &self,
        conversation: &mut Conversation,
        request: Request,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        match request.intent {
            Some(Intent::Help) => return answer::help(&self.knowledge),
            Some(Intent::Greeting) => return answer::greeting(&self.knowledge),
            Some(Intent::Thanks) => return answer::thanks(),
            Some(_) if request.off_topic => return answer::off_topic(),
            Some(_) => return answer::unknown(),
            None => {}
        }
        if request.place.as_ref().is_some_and(|p| p.area == Area::Here) {
            // The position will come in another message: the request waits for it.
            conversation.awaiting_position = Some(request);
            return answer::need_position();
        }
        if matches!(
            request.followup,
            Some(Followup::Details(_) | Followup::Next | Followup::Wider)
        ) {
            return answer::nothing_to_follow();
        }
        let knowledge = if request.knowledge_query.is_empty() {
            Vec::new()
        } else {
            self.index.search(
                &request.knowledge_query,
                &[Kind::Fact, Kind::Portrait, Kind::Topic],
                CANDIDATES,
            )
        };
        let also = match self.plan(&request, &knowledge) {
            Plan::Knowledge => return self.knowledge_answer(&knowledge, &request),
            Plan::Unknown => return answer::unknown(),
            Plan::Events { also } => also,
        };
        let mut answer = if request.asks_what {
            self.named_details(conversation, request, now)
        } else {
            self.events_answer(conversation, request, None, None, now)
        };
        let also = also.and_then(|hit| match hit.kind {
            Kind::Fact => self.knowledge.fact(&hit.id).map(answer::Also::Fact),
            Kind::Portrait => self.knowledge.portrait(&hit.id).map(answer::Also::Portrait),
            Kind::Topic => self.knowledge.topic(&hit.id).map(answer::Also::Topic),
            Kind::Event => None,
        });
        if let Some(also) = also {
            answer = answer::with_also(answer, also);
        }
        answer
    }

    /// Whether a request is answered with knowledge (figures, role models, the week)
    /// or with events, given the best knowledge hits for its words.
    fn plan<'h>(&self, request: &Request, knowledge: &'h [Hit]) -> Plan<'h> {
        let best_knowledge = knowledge.first().map_or(0.0, |h| h.score);
        let leans_to_knowledge = matches!(request.lean, Lean::Figures | Lean::About | Lean::People);
        // "les métiers de l'énergie": role models and events both fit.
        let about_jobs = request
            .knowledge_query
            .split(' ')
            .any(|w| w == "metier" || w == "metiers");
        let both = request.lean == Lean::People && !request.themes.is_empty() && about_jobs;
        if leans_to_knowledge && best_knowledge > 0.0 && !both {
            return Plan::Knowledge;
        }
        if both {
            // A role model first: the question asked about a job.
            let portrait = knowledge.iter().find(|h| h.kind == Kind::Portrait);
            return Plan::Events {
                also: portrait.or(knowledge.first()),
            };
        }
        // Compared on the same words, so that the scores compare.
        let best_event = || {
            self.index
                .search(&request.knowledge_query, &[Kind::Event], 1)
                .first()
                .map_or(0.0, |h| h.score)
        };
        // An organizer's word alone ("les campus des métiers ils vont accueillir plus
        // d'élèves ?") is no event question when the knowledge fits far better.
        let only_organizers =
            !request.organizers.is_empty() && !request.has_event_slots_besides_organizers();
        if only_organizers && best_knowledge > 2.0 * best_event() {
            return Plan::Knowledge;
        }
        if request.lean == Lean::Events || request.has_event_slots() {
            return Plan::Events { also: None };
        }
        let best_event = best_event();
        let slots = !request.themes.is_empty();
        if best_knowledge > best_event * 1.5 && !slots {
            return Plan::Knowledge;
        }
        if best_event == 0.0 && !slots {
            return Plan::Unknown;
        }
        // Both fit ("les métiers de l'énergie"): events, and the best of the rest.
        Plan::Events {
            also: knowledge
                .first()
                .filter(|_| best_knowledge >= best_event * 0.5),
        }
    }

    fn events_answer(
        &self,
        conversation: &mut Conversation,
        request: Request,
        position: Option<Point>,
        radius_km: Option<f64>,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        let today = now.date_naive();
        let found = self.search_events(&request, position, radius_km, today);
        self.list_answer(conversation, request, &found, (position, radius_km), today)
    }

    /// The list of events found, which becomes the conversation's last list.
    fn list_answer(
        &self,
        conversation: &mut Conversation,
        request: Request,
        found: &search::EventSearch,
        (position, radius_km): (Option<Point>, Option<f64>),
        today: NaiveDate,
    ) -> Answer {
        let handle = conversation.new_handle();
        let answer = answer::events(found, &request, &self.knowledge, (handle, 0), today);
        conversation.remember(LastSearch {
            handle,
            ids: remembered(found),
            request,
            page: 0,
            focus: None,
            position,
            radius_km,
        });
        answer
    }

    /// "c'est quoi Mission Héritage ?": the details of the one event the request names,
    /// which gets the focus of what follows ("c'est où ?"); the list when it names none.
    fn named_details(
        &self,
        conversation: &mut Conversation,
        request: Request,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        let today = now.date_naive();
        let found = self.search_events(&request, None, None, today);
        let named = (!found.nearest_instead)
            .then(|| search::named(&found.found, &request, &self.index))
            .flatten();
        let Some(event) = named else {
            return self.list_answer(conversation, request, &found, (None, None), today);
        };
        let handle = conversation.new_handle();
        conversation.remember(LastSearch {
            handle,
            ids: vec![EventKey::of(&event.id)],
            request,
            page: 0,
            focus: Some(0),
            position: None,
            radius_km: None,
        });
        answer::details(event, 1)
    }

    /// Events for a question asked outside any conversation (Telegram's inline mode):
    /// at most `count` cards from the `from`-th (from 0), and where the next ones start.
    pub fn event_cards(
        &self,
        question: &str,
        now: DateTime<FixedOffset>,
        from: usize,
        count: usize,
    ) -> (Vec<answer::reply::EventCard>, Option<usize>) {
        let request = self.understand(question, now);
        let found = self.search_events(&request, None, None, now.date_naive());
        let cards = found
            .found
            .iter()
            .enumerate()
            .skip(from)
            .take(count)
            .map(|(i, f)| answer::reply::EventCard::new(i + 1, f.event, f.distance_km))
            .collect();
        let next = from.saturating_add(count);
        (cards, (next < found.found.len()).then_some(next))
    }

    /// The events of a request, around a shared position or its own place.
    pub fn search_events(
        &self,
        request: &Request,
        position: Option<Point>,
        radius_km: Option<f64>,
        today: chrono::NaiveDate,
    ) -> search::EventSearch<'_> {
        let scope = match position {
            Some(point) => Some(Scope::around(point, radius_km)),
            None => request
                .place
                .as_ref()
                .and_then(|p| Scope::of(p, &self.knowledge.gazetteer)),
        };
        search::events(
            &self.knowledge,
            &self.index,
            &self.facets,
            request,
            scope,
            today,
        )
    }

    /// Page `page` (from 0) of a search, which becomes the last list.
    fn page(
        &self,
        conversation: &mut Conversation,
        mut last: LastSearch,
        page: usize,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        let today = now.date_naive();
        let found = self.search_events(&last.request, last.position, last.radius_km, today);
        let pages = found.found.len().div_ceil(PAGE_SIZE);
        if page >= pages {
            return answer::no_more(found.found.len());
        }
        last.page = page;
        let at = (last.handle, page);
        let answer = answer::events(&found, &last.request, &self.knowledge, at, today);
        last.ids = remembered(&found);
        conversation.remember(last);
        answer
    }

    fn knowledge_answer(&self, hits: &[Hit], request: &Request) -> Answer {
        let wanted = match request.lean {
            Lean::Figures => Some(Kind::Fact),
            Lean::About => Some(Kind::Topic),
            Lean::People => Some(Kind::Portrait),
            _ => None,
        };
        // The kind asked for when it was found, else the kind of the best hit.
        let kind = wanted
            .filter(|kind| hits.iter().any(|h| h.kind == *kind))
            .or_else(|| hits.first().map(|h| h.kind))
            .unwrap_or(Kind::Fact);
        let of_kind: Vec<&Hit> = hits.iter().filter(|h| h.kind == kind).collect();
        let best = of_kind.first().map_or(0.0, |h| h.score);
        let close = of_kind.iter().filter(|h| h.score >= best * 0.75);
        match kind {
            Kind::Fact => {
                let mut facts: Vec<_> = close.filter_map(|h| self.knowledge.fact(&h.id)).collect();
                // "en 2023": the figures of that year first.
                if let Some(year) = asked_year(request) {
                    facts.sort_by_key(|f| f.year != year);
                }
                facts.truncate(3);
                answer::facts(&facts)
            }
            Kind::Portrait => {
                let portraits: Vec<_> = close
                    .take(4)
                    .filter_map(|h| self.knowledge.portrait(&h.id))
                    .collect();
                answer::portraits(&portraits)
            }
            Kind::Topic | Kind::Event => {
                let topics: Vec<_> = close
                    .take(1)
                    .filter_map(|h| self.knowledge.topic(&h.id))
                    .collect();
                answer::about(&topics, &self.knowledge)
            }
        }
    }
}
