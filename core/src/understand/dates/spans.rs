//! Spans of days: weeks, week-ends, months and their parts, years, seasons, and counts
//! of days, weeks or months ahead or behind.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::calendar::{self, month_span};
use super::lexicon::{count, month, year};
use super::{DateSlot, Found, Impossible, NoSuchDate, Said, Scan, Which};

/// A part of a month: its days, from the first to the last (0: the month's last).
const MONTH_PARTS: [(&str, u32, u32); 14] = [
    ("les premiers jours de", 1, 10),
    ("les premiers jours d", 1, 10),
    ("les derniers jours de", 21, 0),
    ("les derniers jours d", 21, 0),
    ("la premiere quinzaine de", 1, 14),
    ("la premiere quinzaine d", 1, 14),
    ("la deuxieme quinzaine de", 15, 0),
    ("la deuxieme quinzaine d", 15, 0),
    ("la seconde quinzaine de", 15, 0),
    ("la seconde quinzaine d", 15, 0),
    ("debut", 1, 5),
    ("fin", 21, 0),
    ("mi", 10, 19),
    ("milieu", 10, 19),
];

/// Parts of the current month, or of the next when this one's has passed.
const THIS_MONTH_PARTS: [(&str, u32, u32); 9] = [
    ("la fin du mois", 21, 0),
    ("en fin de mois", 21, 0),
    ("a la fin du mois", 21, 0),
    ("fin du mois", 21, 0),
    ("au debut du mois", 1, 10),
    ("en debut de mois", 1, 10),
    ("debut du mois", 1, 10),
    ("en milieu de mois", 10, 19),
    ("au milieu du mois", 10, 19),
];

/// Parts of this week: first and last weekday.
const WEEK_PARTS: [(&str, Weekday, Weekday); 7] = [
    ("en debut de semaine", Weekday::Mon, Weekday::Tue),
    ("au debut de la semaine", Weekday::Mon, Weekday::Tue),
    ("en milieu de semaine", Weekday::Wed, Weekday::Thu),
    ("au milieu de la semaine", Weekday::Wed, Weekday::Thu),
    ("en fin de semaine", Weekday::Thu, Weekday::Sun),
    ("a la fin de la semaine", Weekday::Thu, Weekday::Sun),
    ("en semaine", Weekday::Mon, Weekday::Fri),
];

/// A day of the year: month and day.
type DayOfYear = (u32, u32);

/// Seasons: first day and last day.
const SEASONS: [(&str, DayOfYear, DayOfYear); 4] = [
    ("printemps", (3, 20), (6, 20)),
    ("ete", (6, 21), (9, 22)),
    ("automne", (9, 23), (12, 20)),
    ("hiver", (12, 21), (3, 19)),
];

impl Scan<'_> {
    /// Whatever span of days starts at `i`.
    pub(super) fn span(&self, i: usize) -> Option<Found> {
        self.week_words(i)
            .or_else(|| self.weekend(i))
            .or_else(|| self.month_part(i))
            .or_else(|| self.this_month_part(i))
            .or_else(|| self.month_date(i))
            .or_else(|| self.relative_month(i))
            .or_else(|| self.relative_year(i))
            .or_else(|| self.season(i))
            .or_else(|| self.coming(i))
    }

    /// "cette semaine", "la semaine prochaine", "la semaine dernière", "la semaine du 7
    /// octobre", "la semaine après la semaine de l'industrie", "en semaine", "pendant la
    /// semaine de l'industrie".
    fn week_words(&self, i: usize) -> Option<Found> {
        if let Some(found) = self.week_part(i).or_else(|| self.nth_week(i)) {
            return Some(found);
        }
        let start = i + self.says_any(i, &["la", "cette", "dans la"]).unwrap_or(0);
        if self.word(start) != "semaine" {
            return self.industry_week(i);
        }
        let this_monday = calendar::monday_of(self.today());
        let relative: [(&str, i64, Which); 8] = [
            ("prochaine", 7, Which::Next),
            ("suivante", 7, Which::Next),
            ("qui suit", 7, Which::Next),
            ("d apres", 7, Which::Next),
            ("derniere", -7, Which::Last),
            ("passee", -7, Which::Last),
            ("precedente", -7, Which::Last),
            ("d avant", -7, Which::Last),
        ];
        let week = |monday: NaiveDate, which, end: usize| {
            let sunday = monday + Days::new(6);
            Some(Ok(DateSlot::span(
                monday,
                sunday,
                Said::Week(which),
                (i..end).collect(),
            )))
        };
        for (phrase, offset, which) in relative {
            if let Some(len) = self.says(start + 1, phrase) {
                return week(
                    calendar::shift(this_monday, offset)?,
                    which,
                    start + 1 + len,
                );
            }
        }
        if let Some(len) = self.says_any(start + 1, &["juste apres", "apres", "d apres"]) {
            let (monday, end) = self.week_around(start + 1 + len, 7)?;
            return week(monday, Which::Other, end);
        }
        if let Some(len) = self.says_any(start + 1, &["juste avant", "avant", "d avant"]) {
            let (monday, end) = self.week_around(start + 1 + len, -7)?;
            return week(monday, Which::Other, end);
        }
        if self.word(start + 1) == "du"
            && let Some(Ok(slot)) = self.single(start + 2)
        {
            let end = slot.words.iter().max().map_or(start + 2, |m| m + 1);
            return week(
                calendar::monday_of(slot.from + Days::new(1)),
                Which::Other,
                end,
            );
        }
        let this = ["cette", "dans la"]
            .iter()
            .any(|p| self.says(i, p).is_some());
        if this {
            return week(this_monday, Which::This, start + 1);
        }
        self.industry_week(i)
    }

    /// "la première semaine d'octobre 2014", "la dernière semaine de septembre": the
    /// first (or last) week, Monday to Sunday, that lies in the month.
    fn nth_week(&self, i: usize) -> Option<Found> {
        let lead = self.says_any(i, &["la", "le"]).unwrap_or(0);
        let n: i64 = match self.word(i + lead) {
            "premiere" | "1ere" => 0,
            "deuxieme" | "seconde" | "2eme" | "2e" => 1,
            "troisieme" | "3eme" | "3e" => 2,
            "derniere" => -1,
            _ => return None,
        };
        if self.word(i + lead + 1) != "semaine" {
            return None;
        }
        let (y, m, end) = self.month_named(i + lead + 2)?;
        let (first, last) = month_span(y, m)?;
        let monday = if n < 0 {
            calendar::monday_of(last - Days::new(6))
        } else {
            calendar::on_or_after(first, Weekday::Mon) + Days::new(7 * n as u64)
        };
        let sunday = monday + Days::new(6);
        Some(Ok(DateSlot::span(
            monday,
            sunday,
            Said::Week(Which::Other),
            (i..end).collect(),
        )))
    }

    /// The Monday of the week `offset` days from the span said at `at`, and where it ends.
    fn week_around(&self, at: usize, offset: i64) -> Option<(NaiveDate, usize)> {
        let slot = self.span(at).or_else(|| self.single(at))?.ok()?;
        let end = slot.words.iter().max().map_or(at, |m| m + 1);
        let base = if offset > 0 { slot.to } else { slot.from };
        Some((calendar::monday_of(calendar::shift(base, offset)?), end))
    }

    /// "en début de semaine", "en fin de semaine", "en semaine": days of this week.
    fn week_part(&self, i: usize) -> Option<Found> {
        WEEK_PARTS.iter().find_map(|(phrase, first, last)| {
            let len = self.says(i, phrase)?;
            let (from, to) = (
                calendar::in_week(self.today(), *first),
                calendar::in_week(self.today(), *last),
            );
            Some(Ok(DateSlot::span(
                from,
                to,
                Said::Days,
                (i..i + len).collect(),
            )))
        })
    }

    /// "pendant la semaine de l'industrie" (and, after "après" or "avant", "la semaine
    /// de l'industrie").
    fn industry_week(&self, i: usize) -> Option<Found> {
        let lead = self.says_any(
            i,
            &["pendant la", "durant la", "lors de la", "pour la", "la"],
        )?;
        let introduced =
            lead > 1 || ["apres", "avant", "jusqu", "partir"].contains(&self.before(i, 1));
        let tail = self.says_any(
            i + lead,
            &[
                "semaine de l industrie",
                "semaine de industrie",
                "semaine industrie",
            ],
        )?;
        introduced.then(|| {
            let (start, end) = (self.week.start, self.week.end);
            Ok(DateSlot::span(
                start,
                end,
                Said::IndustryWeek,
                (i..i + lead + tail).collect(),
            ))
        })
    }

    /// "ce week-end", "le week-end prochain", "le week-end dernier", "le premier
    /// week-end de septembre".
    fn weekend(&self, i: usize) -> Option<Found> {
        let (lead, nth) = match (self.word(i), self.word(i + 1)) {
            ("le", "premier") => (2, Some(1)),
            ("le", "deuxieme" | "second") => (2, Some(2)),
            ("le", "troisieme") => (2, Some(3)),
            ("le", "dernier") => (2, Some(0)),
            ("ce" | "le", _) => (1, None),
            _ => (0, None),
        };
        let len = self.says_any(i + lead, &["week end", "weekend", "we"])?;
        let mut end = i + lead + len;
        let monday = calendar::monday_of(self.today());
        let (saturday, which) = if let Some(n) = nth {
            let m = self.month_named(end)?;
            end = m.2;
            (nth_saturday(m.0, m.1, n)?, Which::Other)
        } else if let Some(l) = self.says_any(end, &["prochain", "suivant", "d apres"]) {
            end += l;
            (monday + Days::new(12), Which::Next)
        } else if let Some(l) = self.says_any(end, &["dernier", "passe"]) {
            end += l;
            (calendar::shift(monday, -2)?, Which::Last)
        } else {
            (monday + Days::new(5), Which::This)
        };
        let words = (i..end).collect();
        Some(Ok(DateSlot::span(
            saturday,
            saturday + Days::new(1),
            Said::Weekend(which),
            words,
        )))
    }

    /// A month named at `at` ("de septembre [2014]", "d'octobre"): year, month, end.
    fn month_named(&self, at: usize) -> Option<(i32, u32, usize)> {
        let at = at
            + self
                .says_any(at, &["du mois de", "du mois d", "de", "d"])
                .unwrap_or(0);
        let m = month(self.word(at))?;
        match year(self.word(at + 1), false) {
            Some(Ok(y)) => Some((y, m, at + 2)),
            _ => Some((calendar::next_month(self.today(), m), m, at + 1)),
        }
    }

    /// "fin novembre", "mi-novembre", "début avril", "les premiers jours de décembre",
    /// "la première quinzaine d'avril", "vers la fin du mois de mars".
    fn month_part(&self, i: usize) -> Option<Found> {
        for lead in ["", "a la", "en", "au", "vers la", "vers", "a"] {
            let at = if lead.is_empty() {
                i
            } else {
                match self.says(i, lead) {
                    Some(len) => i + len,
                    None => continue,
                }
            };
            for (phrase, first, last) in MONTH_PARTS {
                let Some(len) = self.says(at, phrase) else {
                    continue;
                };
                if let Some((y, m, end)) = self.month_named(at + len) {
                    let (from, to) = part_of_month(y, m, first, last)?;
                    return Some(Ok(DateSlot::span(from, to, Said::Days, (i..end).collect())));
                }
            }
        }
        None
    }

    /// "en fin de mois", "au début du mois": this month's, or the next's when it passed.
    fn this_month_part(&self, i: usize) -> Option<Found> {
        THIS_MONTH_PARTS.iter().find_map(|(phrase, first, last)| {
            let len = self.says(i, phrase)?;
            let today = self.today();
            let (mut from, mut to) = part_of_month(today.year(), today.month(), *first, *last)?;
            if to < today {
                let next = calendar::month_start(today, 1)?;
                (from, to) = part_of_month(next.year(), next.month(), *first, *last)?;
            }
            Some(Ok(DateSlot::span(
                from,
                to,
                Said::Days,
                (i..i + len).collect(),
            )))
        })
    }

    /// "en décembre", "décembre 2024", "au mois de mars": the next such month.
    fn month_date(&self, i: usize) -> Option<Found> {
        let lead = self
            .says_any(
                i,
                &[
                    "au mois de",
                    "au mois d",
                    "le mois de",
                    "le mois d",
                    "mois de",
                    "mois d",
                    "en",
                ],
            )
            .unwrap_or(0);
        let at = i + lead;
        let m = month(self.word(at))?;
        let free =
            lead > 0 || ["de", "d"].contains(&self.before(i, 1)) || i == 0 || self.words.len() <= 3;
        if !free {
            return None;
        }
        let (y, end) = match year(self.word(at + 1), false) {
            Some(Ok(y)) => (y, at + 2),
            Some(Err(typed)) => {
                let date = NoSuchDate::Year(typed);
                return Some(Err(Impossible {
                    date,
                    words: (i..at + 2).collect(),
                }));
            }
            None => (calendar::next_month(self.today(), m), at + 1),
        };
        let (from, to) = month_span(y, m)?;
        Some(Ok(DateSlot::span(
            from,
            to,
            Said::Month,
            (i..end).collect(),
        )))
    }

    /// "le mois prochain", "le mois dernier", "ce mois-ci".
    fn relative_month(&self, i: usize) -> Option<Found> {
        let offsets: [(&str, i32); 7] = [
            ("le mois prochain", 1),
            ("le mois suivant", 1),
            ("le mois d apres", 1),
            ("le mois dernier", -1),
            ("le mois precedent", -1),
            ("ce mois ci", 0),
            ("ce mois", 0),
        ];
        offsets.iter().find_map(|(phrase, n)| {
            let len = self.says(i, phrase)?;
            let first = calendar::month_start(self.today(), *n)?;
            let (from, to) = month_span(first.year(), first.month())?;
            Some(Ok(DateSlot::span(
                from,
                to,
                Said::Month,
                (i..i + len).collect(),
            )))
        })
    }

    /// "cette année", "l'année prochaine", "l'année dernière", "en fin d'année", "en
    /// début d'année".
    fn relative_year(&self, i: usize) -> Option<Found> {
        let offsets: [(&str, i32, (u32, u32)); 10] = [
            ("cette annee", 0, (1, 12)),
            ("l annee prochaine", 1, (1, 12)),
            ("annee prochaine", 1, (1, 12)),
            ("l annee derniere", -1, (1, 12)),
            ("annee derniere", -1, (1, 12)),
            ("en fin d annee", 0, (11, 12)),
            ("a la fin de l annee", 0, (11, 12)),
            ("en debut d annee", 0, (1, 2)),
            ("au debut de l annee", 0, (1, 2)),
            ("l an prochain", 1, (1, 12)),
        ];
        offsets.iter().find_map(|(phrase, n, (first, last))| {
            let len = self.says(i, phrase)?;
            let y = self.today().year() + n;
            let from = NaiveDate::from_ymd_opt(y, *first, 1)?;
            let to = month_span(y, *last)?.1;
            let said = if (*first, *last) == (1, 12) {
                Said::Year
            } else {
                Said::Days
            };
            Some(Ok(DateSlot::span(from, to, said, (i..i + len).collect())))
        })
    }

    /// "cet été", "cet hiver", "au printemps": the season we are in, or the next.
    fn season(&self, i: usize) -> Option<Found> {
        let lead = self
            .says_any(i, &["cet", "ce", "en", "au", "l"])
            .unwrap_or(0);
        SEASONS.iter().find_map(|(name, (m1, d1), (m2, d2))| {
            self.says(i + lead, name)?;
            let today = self.today();
            let starting = |y: i32| {
                let from = NaiveDate::from_ymd_opt(y, *m1, *d1)?;
                let to_year = if m2 < m1 { y + 1 } else { y };
                Some((from, NaiveDate::from_ymd_opt(to_year, *m2, *d2)?))
            };
            let (from, to) = (today.year() - 1..=today.year() + 1)
                .filter_map(starting)
                .find(|(_, to)| *to >= today)?;
            Some(Ok(DateSlot::span(
                from,
                to,
                Said::Days,
                (i..i + lead + 1).collect(),
            )))
        })
    }

    /// "les 3 prochains jours", "2 derniers jours", "3 prochaines semaines", "3
    /// prochains mois", "dans les 15 jours", "d'ici 2 semaines".
    fn coming(&self, i: usize) -> Option<Found> {
        let lead = self
            .says_any(i, &["dans les", "d ici", "les", "sur les", "ces"])
            .unwrap_or(0);
        let (n, len) = count(&self.words_from(i + lead))?;
        let at = i + lead + len;
        let (direction, unit, end) = match (self.word(at), self.word(at + 1)) {
            ("prochains" | "prochaines", u) => (1, u, at + 2),
            ("derniers" | "dernieres" | "dernier", u) => (-1, u, at + 2),
            (u, "suivants" | "suivantes" | "suivant" | "a venir") => (1, u, at + 2),
            (u, "passes" | "passees") => (-1, u, at + 2),
            (u, _)
                if lead > 0
                    && ["dans les", "d ici"]
                        .iter()
                        .any(|p| self.says(i, p).is_some()) =>
            {
                (0, u, at + 1)
            }
            _ => return None,
        };
        let (from, to) = self.counted_span(direction, n, unit)?;
        let said = if from == to { Said::Day } else { Said::Days };
        Some(Ok(DateSlot::span(from, to, said, (i..end).collect())))
    }

    /// The days of `n` units ahead (1), behind (-1), or from today on (0).
    fn counted_span(&self, direction: i32, n: u32, unit: &str) -> Option<(NaiveDate, NaiveDate)> {
        let today = self.today();
        let n64 = i64::from(n.min(3660));
        let unit = unit.trim_end_matches('s');
        match (direction, unit) {
            (1, "jour") => Some((today + Days::new(1), calendar::shift(today, n64)?)),
            (-1, "jour") => Some((calendar::shift(today, -n64)?, calendar::shift(today, -1)?)),
            (0, "jour") => Some((today, calendar::shift(today, n64)?)),
            (0, "semaine") => Some((today, calendar::shift(today, 7 * n64 - 1)?)),
            (1, "semaine") => {
                let monday = calendar::monday_of(today) + Days::new(7);
                Some((monday, calendar::shift(monday, 7 * n64 - 1)?))
            }
            (-1, "semaine") => {
                let monday = calendar::shift(calendar::monday_of(today), -7 * n64)?;
                Some((monday, calendar::shift(calendar::monday_of(today), -1)?))
            }
            (d, "moi") | (d, "mois") => {
                let n = n.min(1200) as i32;
                let (first, last) = match d {
                    1 => (
                        calendar::month_start(today, 1)?,
                        calendar::month_start(today, n + 1)?,
                    ),
                    -1 => (
                        calendar::month_start(today, -n)?,
                        calendar::month_start(today, 0)?,
                    ),
                    _ => (today, calendar::shift_months(today, n)? + Days::new(1)),
                };
                Some((first, last - Days::new(1)))
            }
            (1, "annee") | (1, "an") => {
                let y = today.year();
                Some((
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?,
                    NaiveDate::from_ymd_opt(y + n as i32, 12, 31)?,
                ))
            }
            (-1, "annee") | (-1, "an") => {
                let y = today.year();
                Some((
                    NaiveDate::from_ymd_opt(y - n as i32, 1, 1)?,
                    NaiveDate::from_ymd_opt(y - 1, 12, 31)?,
                ))
            }
            (_, "heure" | "minute" | "seconde") => Some((today, today)),
            _ => None,
        }
    }
}

/// Days `first` to `last` (0: the last day) of a month.
fn part_of_month(y: i32, m: u32, first: u32, last: u32) -> Option<(NaiveDate, NaiveDate)> {
    let (start, end) = month_span(y, m)?;
    let to = if last == 0 {
        end
    } else {
        start.with_day(last)?
    };
    Some((start.with_day(first)?, to))
}

/// The Saturday of the `n`th week-end of a month (0: the last): a Saturday whose Sunday
/// is in the month.
fn nth_saturday(y: i32, m: u32, n: u32) -> Option<NaiveDate> {
    let (first, last) = month_span(y, m)?;
    let saturdays: Vec<NaiveDate> = first
        .iter_days()
        .take_while(|d| *d < last)
        .filter(|d| d.weekday() == Weekday::Sat)
        .collect();
    match n {
        0 => saturdays.last().copied(),
        n => saturdays.get(n as usize - 1).copied(),
    }
}
