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
pub mod text;
pub mod understand;

use chrono::{DateTime, FixedOffset};

use crate::answer::Answer;
use crate::index::{Hit, IndexError, Kind, SearchIndex};
use crate::model::{Event, Knowledge};
use crate::text::Analyzer;
use crate::understand::{Intent, Lean, understand};

/// Knowledge and its index: everything needed to answer questions.
#[derive(Debug)]
pub struct Boussole {
    knowledge: Knowledge,
    index: SearchIndex,
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
        Boussole { knowledge, index }
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
        let request = understand(question);
        let answer = match request.intent {
            Some(Intent::Help) => answer::help(&self.knowledge),
            Some(Intent::Greeting) => answer::greeting(&self.knowledge),
            Some(Intent::Thanks) => answer::thanks(),
            Some(_) => answer::unknown(),
            None => self.search(&request.query, request.lean, &request.notes, now),
        };
        tracing::debug!(intent = ?answer.intent, events = answer.events.len(), "answered");
        answer
    }

    fn search(
        &self,
        query: &str,
        lean: Lean,
        notes: &[String],
        now: DateTime<FixedOffset>,
    ) -> Answer {
        let events = self.index.search(query, &[Kind::Event], CANDIDATES);
        let knowledge = self.index.search(
            query,
            &[Kind::Fact, Kind::Portrait, Kind::Topic],
            CANDIDATES,
        );
        let best = |hits: &[Hit]| hits.first().map_or(0.0, |h| h.score);
        let (best_event, best_knowledge) = (best(&events), best(&knowledge));
        let prefer_knowledge = match lean {
            Lean::Figures | Lean::About | Lean::People => best_knowledge > 0.0,
            Lean::Events => best_event == 0.0 && best_knowledge > 0.0,
            Lean::None => best_knowledge > best_event * 1.2,
        };
        if prefer_knowledge {
            self.knowledge_answer(&knowledge, lean)
        } else if best_event > 0.0 {
            self.events_answer(&events, notes, now)
        } else {
            answer::unknown()
        }
    }

    fn events_answer(&self, hits: &[Hit], notes: &[String], now: DateTime<FixedOffset>) -> Answer {
        let best = hits.first().map_or(0.0, |h| h.score);
        let today = now.date_naive();
        let mut found: Vec<(f32, &Event)> = hits
            .iter()
            .filter(|hit| hit.score >= best * 0.3)
            .filter_map(|hit| Some((hit.score, self.knowledge.event(&hit.id)?)))
            .collect();
        // Equal scores: events still to come first, then the soonest.
        found.sort_by(|(sa, a), (sb, b)| {
            sb.total_cmp(sa)
                .then_with(|| (a.last_day() < today).cmp(&(b.last_day() < today)))
                .then_with(|| a.first_day().cmp(&b.first_day()))
        });
        let events: Vec<&Event> = found.into_iter().map(|(_, e)| e).collect();
        answer::events(&events, notes)
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
