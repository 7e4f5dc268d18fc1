//! Intervals ("du 18 au 22 novembre", "13-15 juillet", "entre le 13 et le 18") and open
//! ranges ("avant le 16 novembre", "après le 22", "à partir de mercredi", "jusqu'à
//! jeudi", "d'ici vendredi").

use chrono::{Datelike, NaiveDate};

use super::calendar;
use super::days::DayPoint;
use super::{DateSlot, Found, Impossible, NoSuchDate, Said, Scan};

/// How an open range starts: the words, whether it runs from (or until) the date, and
/// whether the date itself is in the range.
const OPEN: [(&str, Side, bool); 16] = [
    ("a partir du", Side::From, true),
    ("a partir de", Side::From, true),
    ("a partir d", Side::From, true),
    ("a compter du", Side::From, true),
    ("a compter de", Side::From, true),
    ("des", Side::From, true),
    ("apres", Side::From, false),
    ("plus tard que", Side::From, false),
    ("avant", Side::Until, false),
    ("jusque au", Side::Until, true),
    ("jusque a", Side::Until, true),
    ("jusque aux", Side::Until, true),
    ("jusque", Side::Until, true),
    ("d ici a", Side::Until, true),
    ("d ici", Side::Until, true),
    ("au plus tard", Side::Until, true),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    From,
    Until,
}

impl Scan<'_> {
    /// "à partir de mercredi", "après le 22", "avant le 16 novembre", "jusqu'à jeudi".
    pub(super) fn open(&self, i: usize) -> Option<Found> {
        if self
            .says_any(
                i,
                &[
                    "apres demain",
                    "apres midi",
                    "avant hier",
                    "des le",
                    "des la",
                ],
            )
            .is_some()
        {
            return None;
        }
        let (side, inclusive, len) = OPEN.iter().find_map(|(phrase, side, inclusive)| {
            Some((*side, *inclusive, self.says(i, phrase)?))
        })?;
        let at = i + len;
        let slot = self
            .interval(at)
            .or_else(|| self.span(at))
            .or_else(|| self.single(at));
        let slot = match slot.or_else(|| self.bare_day(at))? {
            Ok(slot) => slot,
            Err(impossible) => return Some(Err(impossible)),
        };
        let mut words: Vec<usize> = (i..at).collect();
        words.extend(&slot.words);
        let today = self.today();
        let found = match (side, inclusive) {
            (Side::From, true) => DateSlot::span(slot.from, NaiveDate::MAX, Said::From, words),
            // "après le 1er novembre" starts on the 1st (Duckling's reading); "après la
            // semaine de l'industrie", after its last day.
            (Side::From, false) if slot.from == slot.to => {
                DateSlot::span(slot.from, NaiveDate::MAX, Said::From, words)
            }
            (Side::From, false) => {
                let from = calendar::shift(slot.to, 1)?;
                DateSlot::span(from, NaiveDate::MAX, Said::From, words)
            }
            (Side::Until, inclusive) => {
                let to = if inclusive {
                    slot.to
                } else {
                    calendar::shift(slot.from, -1)?
                };
                DateSlot::span(today.min(to), to, Said::Until, words)
            }
        };
        Some(Ok(found))
    }

    /// A day number alone, after "à partir du" or "jusqu'au": that day of this month,
    /// or of the next that has it.
    fn bare_day(&self, at: usize) -> Option<Found> {
        let point = self.day_point(at)?;
        if super::lexicon::unit(self.word(at + point.len)) {
            return None;
        }
        let day = calendar::next_day(self.today(), point.day?)?;
        Some(Ok(DateSlot::day(day, (at..at + point.len).collect())))
    }

    /// "du 18 au 22 novembre", "entre le 13 et le 18", "13 au 15 juillet", "13-15
    /// juillet", "du 10 juin au 1er juillet".
    pub(super) fn interval(&self, i: usize) -> Option<Found> {
        let lead = self.says_any(i, &["du", "entre", "de"]).unwrap_or(0);
        let first = self.day_point(i + lead)?;
        let mut at = i + lead + first.len;
        let joiners: &[&str] = match self.word(i) {
            "entre" => &["et le", "et"],
            _ => &["jusque au", "jusque a", "au", "a", "et le", "et"],
        };
        let joined = self.says_any(at, joiners);
        at += joined.unwrap_or(0);
        let second = self.day_point(at)?;
        let framed = match joined {
            Some(_) => {
                first.month.is_some()
                    || second.month.is_some()
                    || (lead > 0 && self.word(i) != "de")
            }
            // "13 15 juillet" (typed "13-15 juillet"), "13 juillet 15 juillet".
            None => lead == 0 && second.month.is_some() && self.word(at) != "le",
        };
        if !framed {
            return None;
        }
        let words: Vec<usize> = (i..at + second.len).collect();
        Some(match self.resolve(&first, &second) {
            Ok((from, to)) if from <= to => Ok(DateSlot::span(from, to, Said::Days, words)),
            Ok(_) => return None,
            Err(date) => Err(Impossible { date, words }),
        })
    }

    /// The first and last days of an interval: the end is the next such date, the start
    /// takes the end's month and year when it names none.
    fn resolve(
        &self,
        first: &DayPoint,
        second: &DayPoint,
    ) -> Result<(NaiveDate, NaiveDate), NoSuchDate> {
        let today = self.today();
        let no_such = |p: &DayPoint, month| NoSuchDate::Day {
            day: p.typed.clone(),
            month,
        };
        let d1 = first
            .day
            .ok_or_else(|| no_such(first, first.month.or(second.month)))?;
        let d2 = second.day.ok_or_else(|| no_such(second, second.month))?;
        let end = match second.date(today) {
            Some(end) => end?,
            None => {
                let start = calendar::next_day(today, d1).ok_or_else(|| no_such(first, None))?;
                let in_month = start.with_day(d2).filter(|e| *e >= start);
                let end = in_month.or_else(|| calendar::month_start(start, 1)?.with_day(d2));
                return end.map(|e| (start, e)).ok_or_else(|| no_such(second, None));
            }
        };
        let start = match first.month {
            Some(m) => {
                let year = match &first.year {
                    Some(Ok(y)) => *y,
                    Some(Err(typed)) => return Err(NoSuchDate::Year(typed.clone())),
                    None if m > end.month() => end.year() - 1,
                    None => end.year(),
                };
                NaiveDate::from_ymd_opt(year, m, d1).ok_or_else(|| no_such(first, Some(m)))?
            }
            None => end
                .with_day(d1)
                .filter(|s| *s <= end)
                .or_else(|| calendar::month_start(end, -1)?.with_day(d1))
                .ok_or_else(|| no_such(first, Some(end.month())))?,
        };
        Ok((start, end))
    }
}
