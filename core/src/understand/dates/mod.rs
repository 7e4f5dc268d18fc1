//! Dates in a question, resolved against the clock, with Duckling's conventions: the
//! next occurrence for a day and month without a year, weeks from Monday to Sunday,
//! intervals inclusive.
//!
//! The grammar, by the forms it reads (one recognizer per form):
//! - `days.rs`: single days: "aujourd'hui", "demain", "la veille", "dans deux jours",
//!   "jeudi", "mardi prochain", "mardi de la semaine prochaine", "lundi en huit",
//!   "dimanche dernier", "le 21 novembre", "21/11", "17 02", "le 29", Noël, la Toussaint;
//! - `spans.rs`: spans: weeks ("cette semaine", "la semaine du 7 octobre"), week-ends,
//!   months and their parts ("en décembre", "fin novembre", "mi-novembre", "les premiers
//!   jours de décembre", "le mois prochain"), years, seasons, counts ("les 3 prochains
//!   jours", "dans les 15 jours");
//! - `ranges.rs`: intervals ("du 18 au 22 novembre", "13-15 juillet", "entre le 13 et
//!   le 18") and open ones ("avant le 16 novembre", "après le 22", "à partir de
//!   mercredi", "jusqu'à jeudi", "d'ici vendredi");
//! - `parts.rs`: parts of the day ("le matin", "ce soir", "en fin d'après-midi") and
//!   times ("à 15h", "midi").
//!
//! The grammar returns data: a [`DateSlot`] says what was read ([`Said`]); the answer
//! words it (`answer::dates`).

mod calendar;
mod days;
mod lexicon;
mod numeric;
mod parts;
mod ranges;
mod spans;
#[cfg(test)]
pub(crate) mod tests;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::model::Week;
use crate::text::ELISIONS;

pub(crate) use self::lexicon::vocabulary;
pub use self::numeric::spell_numeric_dates;

/// A part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    /// Before noon.
    Morning,
    /// From noon to 6 pm.
    Afternoon,
    /// From 6 pm.
    Evening,
}

impl PartOfDay {
    /// Whether a local hour falls in this part of the day.
    pub fn contains(self, hour: u32) -> bool {
        match self {
            PartOfDay::Morning => hour < 12,
            PartOfDay::Afternoon => (12..18).contains(&hour),
            PartOfDay::Evening => hour >= 18,
        }
    }
}

/// Which one of a kind of span, seen from today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Which {
    /// The one we are in ("cette semaine", "ce week-end").
    This,
    /// The one after it ("la semaine prochaine").
    Next,
    /// The one before it ("la semaine dernière").
    Last,
    /// Another one, named by a date ("la semaine du 7 octobre").
    Other,
}

/// What a question said of its dates: the form the answer words them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Said {
    /// One day ("jeudi", "le 21 novembre", "dans deux jours").
    Day,
    /// Days from one to another ("du 18 au 22 novembre", "fin novembre").
    Days,
    /// A week, Monday to Sunday.
    Week(Which),
    /// A Saturday and the Sunday after it.
    Weekend(Which),
    /// La Semaine de l'industrie.
    IndustryWeek,
    /// A whole month.
    Month,
    /// A whole year.
    Year,
    /// From a day on ("à partir de mercredi", "après le 22").
    From,
    /// From today to a day ("jusqu'à jeudi", "avant le 16 novembre").
    Until,
    /// Any day: only a part of the day was said ("le matin").
    AnyDay,
}

/// The dates a question asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateSlot {
    /// First day (local).
    pub from: NaiveDate,
    /// Last day (local), inclusive; [`NaiveDate::MAX`] when open ([`Said::From`]).
    pub to: NaiveDate,
    /// Part of the day, when given.
    pub part: Option<PartOfDay>,
    /// What was said, for the answer's wording.
    pub said: Said,
    /// Indices of the question's words that said it.
    pub words: Vec<usize>,
}

impl DateSlot {
    /// One day.
    pub fn day(day: NaiveDate, words: Vec<usize>) -> DateSlot {
        DateSlot::span(day, day, Said::Day, words)
    }

    /// Days from `from` to `to`, said as `said`.
    pub fn span(from: NaiveDate, to: NaiveDate, said: Said, words: Vec<usize>) -> DateSlot {
        DateSlot {
            from,
            to,
            part: None,
            said,
            words,
        }
    }

    /// Whether the end is open ("à partir de mercredi").
    pub fn open_ended(&self) -> bool {
        self.to == NaiveDate::MAX
    }
}

/// The clock a question is read against: now, and a day the conversation is about
/// ("la veille", "le lendemain" are the days around it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// Now, local time.
    pub now: NaiveDateTime,
    /// The day the conversation was about, if any.
    pub anchor: Option<NaiveDate>,
}

impl Clock {
    /// Today.
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }
}

impl From<NaiveDate> for Clock {
    /// Midnight of that day, no day of the conversation.
    fn from(day: NaiveDate) -> Clock {
        Clock {
            now: day.and_time(chrono::NaiveTime::MIN),
            anchor: None,
        }
    }
}

/// A date a question names that does not exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Impossible {
    /// What is impossible about it.
    pub date: NoSuchDate,
    /// Indices of the question's words that said it.
    pub words: Vec<usize>,
}

/// Why a date does not exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoSuchDate {
    /// A day that no month has ("jeudi 99"), or that this month has not ("le 31
    /// février"): the day as typed, and the month when one was named.
    Day {
        /// The day number as typed.
        day: String,
        /// The month named (1 to 12).
        month: Option<u32>,
    },
    /// A year out of [`crate::limits::YEARS`] ("le 1/1/99999"), as typed.
    Year(String),
}

/// What the scan finds at a word: a date, or a date that does not exist.
type Found = Result<DateSlot, Impossible>;

/// The question's words and the clock, read by every recognizer.
struct Scan<'a> {
    words: &'a [String],
    clock: &'a Clock,
    week: &'a Week,
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.words.get(i).map_or("", String::as_str)
    }

    fn before(&self, i: usize, back: usize) -> &str {
        i.checked_sub(back).map_or("", |j| self.word(j))
    }

    /// Whether the words from `i` are `phrase` (folded words separated by spaces), with
    /// how many words it takes. The word splitter drops elided articles ("d'ici" is
    /// "ici"), so the phrase's are skipped: "d ici" matches "ici".
    fn says(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut n = 0;
        for w in phrase.split(' ').filter(|w| !ELISIONS.contains(w)) {
            if self.word(i + n) != w {
                return None;
            }
            n += 1;
        }
        Some(n)
    }

    /// The first of `phrases` said from `i`, with its length.
    fn says_any(&self, i: usize, phrases: &[&str]) -> Option<usize> {
        phrases.iter().find_map(|p| self.says(i, p))
    }

    fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The day "la veille" and "le lendemain" are around.
    fn anchor(&self) -> NaiveDate {
        self.clock.anchor.unwrap_or_else(|| self.today())
    }

    /// Whatever date starts at word `i`, with the number of words it spans.
    fn at(&self, i: usize) -> Option<Found> {
        self.open(i)
            .or_else(|| self.interval(i))
            .or_else(|| self.span(i))
            .or_else(|| self.single(i))
    }
}

/// Finds the dates a question asks for, if any. `words` are the question's folded words
/// (empty strings for words already taken). The first date said wins; a part of the day
/// said anywhere applies to it; a date that does not exist is an error, never another
/// date.
pub fn find_dates(
    words: &[String],
    clock: impl Into<Clock>,
    week: &Week,
) -> Result<Option<DateSlot>, Impossible> {
    let clock = clock.into();
    let scan = Scan {
        words,
        clock: &clock,
        week,
    };
    let mut found: Option<Found> = None;
    let mut part: Option<parts::Part> = None;
    let mut i = 0;
    while i < words.len() {
        if part.is_none()
            && let Some(p) = scan.part(i)
        {
            i = p.words.end;
            part = Some(p);
            continue;
        }
        if found.is_none() {
            found = scan.at(i);
            if let Some(Ok(slot)) = &found {
                i = slot.words.iter().max().map_or(i, |&last| last.max(i)) + 1;
                continue;
            }
        }
        i += 1;
    }
    let slot = found.transpose()?;
    Ok(parts::with_part(slot, part, &scan))
}
