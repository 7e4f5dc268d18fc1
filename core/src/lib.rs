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

pub mod answer;
pub mod french;
pub mod index;
pub mod load;
pub mod model;
pub mod places;
pub mod search;
pub mod text;
pub mod understand;

use chrono::{DateTime, FixedOffset};

use crate::answer::Answer;
use crate::index::{Hit, IndexError, Kind, SearchIndex};
use crate::model::Knowledge;
use crate::places::{Area, Point};
use crate::search::Scope;
use crate::text::Analyzer;
use crate::understand::{Intent, Lean, Lexicon, Request, understand};

/// Knowledge and its index: everything needed to answer questions.
#[derive(Debug)]
pub struct Boussole {
    knowledge: Knowledge,
    index: SearchIndex,
    lexicon: Lexicon,
}

/// How many candidates each search brings back before the answer picks from them.
const CANDIDATES: usize = 20;

impl Boussole {
    /// The analyzer for this knowledge: the French analyzer with its thesaurus.
    pub fn analyzer(knowledge: &Knowledge) -> Analyzer {
        Analyzer::with_equivalences(knowledge.equivalences.iter().map(|e| e.words.as_slice()))
    }

    /// Assembles knowledge and an index built from it.
    pub fn new(knowledge: Knowledge, index: SearchIndex) -> Boussole {
        let lexicon = Lexicon::new(&knowledge);
        Boussole {
            knowledge,
            index,
            lexicon,
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

    /// Answers one question. `now` is the clock: tests and `--now` fix it.
    pub fn ask(&self, question: &str, now: DateTime<FixedOffset>) -> Answer {
        let request = understand(question, &self.knowledge, &self.lexicon);
        let answer = match request.intent {
            Some(Intent::Help) => answer::help(&self.knowledge),
            Some(Intent::Greeting) => answer::greeting(&self.knowledge),
            Some(Intent::Thanks) => answer::thanks(),
            Some(_) => answer::unknown(),
            None => self.search(&request, now),
        };
        tracing::debug!(intent = ?answer.intent, events = answer.events.len(), "answered");
        answer
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
        let mut request = understand(question, &self.knowledge, &self.lexicon);
        request.place = None;
        let scope = Scope::around(point, radius_km);
        self.events_answer(&request, Some(scope), now)
    }

    fn search(&self, request: &Request, now: DateTime<FixedOffset>) -> Answer {
        if request.place.as_ref().is_some_and(|p| p.area == Area::Here) {
            return answer::need_position();
        }
        let query = request.query.as_str();
        let knowledge = if query.is_empty() {
            Vec::new()
        } else {
            self.index.search(
                query,
                &[Kind::Fact, Kind::Portrait, Kind::Topic],
                CANDIDATES,
            )
        };
        let best_knowledge = knowledge.first().map_or(0.0, |h| h.score);
        let leans_to_knowledge = matches!(request.lean, Lean::Figures | Lean::About | Lean::People);
        if leans_to_knowledge && best_knowledge > 0.0 {
            return self.knowledge_answer(&knowledge, request.lean);
        }
        let scope = request
            .place
            .as_ref()
            .and_then(|p| Scope::of(p, &self.knowledge.gazetteer));
        if scope.is_none() && request.lean != Lean::Events {
            let best_event = self
                .index
                .search(query, &[Kind::Event], 1)
                .first()
                .map_or(0.0, |h| h.score);
            if best_knowledge > best_event * 1.2 {
                return self.knowledge_answer(&knowledge, request.lean);
            }
            if best_event == 0.0 {
                return answer::unknown();
            }
        }
        self.events_answer(request, scope, now)
    }

    fn events_answer(
        &self,
        request: &Request,
        scope: Option<Scope>,
        now: DateTime<FixedOffset>,
    ) -> Answer {
        let has_scope = scope.is_some();
        let mut found = search::events(&self.knowledge, &self.index, &request.query, scope);
        if !has_scope && request.query.is_empty() {
            // "des événements ?": everything, soonest first, what is still to come first.
            let today = now.date_naive();
            let mut all: Vec<search::Found> = self
                .knowledge
                .events
                .iter()
                .map(|event| search::Found {
                    event,
                    distance_km: None,
                    score: 0.0,
                })
                .collect();
            all.sort_by_key(|f| (f.event.last_day() < today, f.event.first_day()));
            found.found = all;
        }
        if found.found.is_empty() && !has_scope {
            return answer::unknown();
        }
        answer::events(&found, request, &self.knowledge)
    }

    fn knowledge_answer(&self, hits: &[Hit], lean: Lean) -> Answer {
        let wanted = match lean {
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
                let facts: Vec<_> = close
                    .take(3)
                    .filter_map(|h| self.knowledge.fact(&h.id))
                    .collect();
                answer::facts(&facts)
            }
            Kind::Portrait => {
                let portraits: Vec<_> = close
                    .take(2)
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
