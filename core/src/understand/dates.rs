//! Dates in a question, resolved against the clock: "aujourd'hui", "demain",
//! "après-demain", "ce jeudi", "jeudi prochain", "le 21 novembre", "le 21/11", "du 18 au
//! 22 novembre", "cette semaine", "la semaine prochaine", "ce week-end", "en décembre",
//! "le matin", "l'après-midi", "pendant la semaine de l'industrie".

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::Serialize;

use crate::french;
use crate::limits;
use crate::model::Week;
use crate::text::MONTHS;

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
    /// "le matin", "l'après-midi", "le soir".
    pub fn label(self) -> &'static str {
        match self {
            PartOfDay::Morning => "le matin",
            PartOfDay::Afternoon => "l'après-midi",
            PartOfDay::Evening => "le soir",
        }
    }

    /// Whether a local hour falls in this part of the day.
    pub fn contains(self, hour: u32) -> bool {
        match self {
            PartOfDay::Morning => hour < 12,
            PartOfDay::Afternoon => (12..18).contains(&hour),
            PartOfDay::Evening => hour >= 18,
        }
    }
}

/// The dates a question asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateSlot {
    /// First day (local).
    pub from: NaiveDate,
    /// Last day (local), inclusive.
    pub to: NaiveDate,
    /// Part of the day, when given.
    pub part: Option<PartOfDay>,
    /// How the reply says what was understood: "jeudi 21 novembre", "du 18 au 22 novembre".
    pub label: String,
    /// Indices of the question's words that said it.
    pub words: Vec<usize>,
}

/// The words dates are made of, folded: never taken for typos of other words, even
/// when a question repeats them ("demain matin… demain matin").
pub(crate) fn vocabulary() -> impl Iterator<Item = &'static str> {
    const OTHERS: [&str; 22] = [
        "aujourd",
        "aujourdhui",
        "hui",
        "demain",
        "hier",
        "apres",
        "aprem",
        "apresmidi",
        "midi",
        "matin",
        "matinee",
        "soir",
        "soiree",
        "semaine",
        "week",
        "end",
        "weekend",
        "prochain",
        "prochaine",
        "pendant",
        "durant",
        "lors",
    ];
    MONTHS
        .into_iter()
        .chain(WEEKDAYS.iter().map(|(day, _)| *day))
        .chain(OTHERS)
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("dimanche", Weekday::Sun),
];

fn month(word: &str) -> Option<u32> {
    let word = match word {
        "janv" => "janvier",
        "fev" | "fevr" => "fevrier",
        "avr" => "avril",
        "juil" => "juillet",
        "sept" => "septembre",
        "oct" => "octobre",
        "nov" => "novembre",
        "dec" => "decembre",
        other => other,
    };
    MONTHS.iter().position(|m| *m == word).map(|i| i as u32 + 1)
}

fn weekday(word: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(w, _)| *w == word).map(|(_, d)| *d)
}

/// A day number as typed ("21", "1er", "99"): one or two digits, whatever their value.
fn typed_day(word: &str) -> Option<&str> {
    let digits = word.strip_suffix("er").unwrap_or(word);
    (matches!(digits.len(), 1 | 2) && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// A day number that some month has (1 to 31).
fn day_number(word: &str) -> Option<u32> {
    typed_day(word)?
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))
}

/// A year as typed after a date: `Some(Ok)` within [`limits::YEARS`], `Some(Err)` for a
/// number of four digits or more outside it, `None` when the word is no year.
fn year(word: &str) -> Option<Result<i32, String>> {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match word.parse::<i32>() {
        Ok(year) if limits::YEARS.contains(&year) => Some(Ok(year)),
        _ => Some(Err(limits::cut(word, 12))),
    }
}

/// The date of day/month nearest to `today` (this year, last year or next year).
fn nearest(today: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    [today.year() - 1, today.year(), today.year() + 1]
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - today).num_days().abs())
}

/// Day `day` of the month before, this month or the month after, nearest to `today`:
/// one of them has it whatever `day` (1 to 31) is. With a weekday, the days that fall
/// on it come first ("jeudi 31", asked in November, is 31 October).
fn nearest_day(today: NaiveDate, day: u32, on: Option<Weekday>) -> Option<NaiveDate> {
    let this_month = today.with_day(1)?;
    [
        this_month.checked_sub_months(Months::new(1)),
        Some(this_month),
        this_month.checked_add_months(Months::new(1)),
    ]
    .into_iter()
    .flatten()
    .filter_map(|month| month.with_day(day))
    .min_by_key(|d| {
        let other_weekday = on.is_some_and(|w| d.weekday() != w);
        (other_weekday, (*d - today).num_days().abs())
    })
}

fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// Rewrites numeric dates ("21/11", "21/11/2024") as words ("21 novembre 2024"), so that
/// the word splitter keeps them. A day that no month has ("45/11") is spelled too: the
/// date scanner then says it does not exist.
pub fn spell_numeric_dates(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let start_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        if start_ok && bytes[i].is_ascii_digit() {
            let mut j = i;
            let mut parts: Vec<String> = vec![String::new()];
            while j < bytes.len()
                && (bytes[j].is_ascii_digit() || (bytes[j] == '/' && parts.len() < 3))
            {
                if bytes[j] == '/' {
                    parts.push(String::new());
                } else if let Some(last) = parts.last_mut() {
                    last.push(bytes[j]);
                }
                j += 1;
            }
            if parts.len() >= 2 && parts.iter().all(|p| !p.is_empty()) {
                let day = typed_day(&parts[0]);
                let m: Option<u32> = parts[1].parse().ok().filter(|m| (1..=12).contains(m));
                if let (Some(day), Some(m)) = (day, m) {
                    out.push_str(&format!("{day} {}", MONTHS[m as usize - 1]));
                    if let Some(year) = parts.get(2) {
                        let year = if year.len() == 2 {
                            format!("20{year}")
                        } else {
                            year.clone()
                        };
                        out.push(' ');
                        out.push_str(&year);
                    }
                    i = j;
                    continue;
                }
            }
            out.extend(&bytes[i..j]);
            i = j;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
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
    /// A year out of [`limits::YEARS`] ("le 1/1/99999"), as typed.
    Year(String),
}

/// What the scan finds at a word: a date, or a date that does not exist.
type Found = Result<DateSlot, Impossible>;

struct Scan<'a> {
    words: &'a [String],
    today: NaiveDate,
    week: &'a Week,
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.words.get(i).map_or("", String::as_str)
    }

    fn before(&self, i: usize, back: usize) -> &str {
        i.checked_sub(back).map_or("", |j| self.word(j))
    }

    fn single(&self, day: NaiveDate, words: Vec<usize>) -> DateSlot {
        DateSlot {
            from: day,
            to: day,
            part: None,
            label: day_label(day, self.today),
            words,
        }
    }

    /// "21 novembre [2024]" at `i`: the date and the number of words.
    fn day_month(&self, i: usize) -> Option<Result<(NaiveDate, usize), Impossible>> {
        let typed = typed_day(self.word(i))?;
        let m = month(self.word(i + 1))?;
        let day = day_number(typed);
        let no_such_day = |len: usize| Impossible {
            date: NoSuchDate::Day {
                day: typed.to_string(),
                month: Some(m),
            },
            words: (i..i + len).collect(),
        };
        Some(match year(self.word(i + 2)) {
            Some(Ok(year)) => day
                .and_then(|d| NaiveDate::from_ymd_opt(year, m, d))
                .map(|date| (date, 3))
                .ok_or_else(|| no_such_day(3)),
            Some(Err(typed_year)) => Err(Impossible {
                date: NoSuchDate::Year(typed_year),
                words: (i..i + 3).collect(),
            }),
            None => day
                .and_then(|d| nearest(self.today, m, d))
                .map(|date| (date, 2))
                .ok_or_else(|| no_such_day(2)),
        })
    }

    /// Whatever date starts at word `i`.
    fn at(&self, i: usize) -> Option<Found> {
        self.relative(i)
            .or_else(|| self.weekend(i))
            .or_else(|| self.week_words(i))
            .or_else(|| self.between(i))
            .or_else(|| self.date(i))
            .or_else(|| self.weekday_date(i))
            .or_else(|| self.month_date(i))
            .or_else(|| self.day_alone(i))
    }

    /// "aujourd'hui", "demain", "après-demain", "hier".
    fn relative(&self, i: usize) -> Option<Found> {
        let (w, next) = (self.word(i), self.word(i + 1));
        let (offset, len) = match (w, next) {
            ("aujourd", "hui") => (0, 2),
            ("aujourdhui", _) => (0, 1),
            ("apres", "demain") => (2, 2),
            ("demain", _) => (1, 1),
            ("hier", _) => (-1, 1),
            _ => return None,
        };
        let day = self
            .today
            .checked_add_signed(chrono::Duration::days(offset))?;
        Some(Ok(self.single(day, (i..i + len).collect())))
    }

    /// "ce week-end", "le week-end prochain".
    fn weekend(&self, i: usize) -> Option<Found> {
        let len = match (self.word(i), self.word(i + 1)) {
            ("week", "end") => 2,
            ("weekend", _) => 1,
            _ => return None,
        };
        let next_one = self.word(i + len) == "prochain";
        let saturday = monday_of(self.today) + Days::new(if next_one { 12 } else { 5 });
        let sunday = saturday + Days::new(1);
        let label = format!(
            "{} (samedi {} et dimanche {})",
            if next_one {
                "le week-end prochain"
            } else {
                "ce week-end"
            },
            french::day_month(saturday),
            french::day_month(sunday)
        );
        let used: Vec<usize> = (i..i + len + usize::from(next_one)).collect();
        Some(Ok(range(saturday, sunday, label, used)))
    }

    /// "cette semaine", "la semaine prochaine", "pendant la semaine de l'industrie".
    fn week_words(&self, i: usize) -> Option<Found> {
        if self.word(i) != "semaine" {
            return None;
        }
        let (next, before, before2) = (self.word(i + 1), self.before(i, 1), self.before(i, 2));
        let this_monday = monday_of(self.today);
        let (from, to, label, used) = if next == "prochaine" {
            let monday = this_monday + Days::new(7);
            let to = monday + Days::new(6);
            let label = format!("la semaine prochaine ({})", range_label(monday, to));
            (monday, to, label, vec![i, i + 1])
        } else if before == "cette" {
            let to = this_monday + Days::new(6);
            let label = format!("cette semaine ({})", range_label(this_monday, to));
            (this_monday, to, label, vec![i - 1, i])
        } else if (next == "industrie" || (next == "de" && self.word(i + 2) == "industrie"))
            && ["pendant", "durant", "lors", "pour"]
                .iter()
                .any(|p| *p == before || *p == before2)
        {
            let (start, end) = (self.week.start, self.week.end);
            let label = format!(
                "pendant la semaine de l'industrie ({})",
                range_label(start, end)
            );
            let last = if next == "de" { i + 2 } else { i + 1 };
            (start, end, label, (i..=last).collect())
        } else {
            return None;
        };
        Some(Ok(range(from, to, label, used)))
    }

    /// "du 18 au 22 novembre", "du 18 novembre au 6 décembre", "entre le 18 et le 22".
    fn between(&self, i: usize) -> Option<Found> {
        let next = self.word(i + 1);
        if !((self.word(i) == "du" || self.word(i) == "entre")
            && (day_number(next).is_some()
                || (next == "le" && day_number(self.word(i + 2)).is_some())))
        {
            return None;
        }
        let mut j = i + 1;
        if self.word(j) == "le" {
            j += 1;
        }
        let first_day = day_number(self.word(j))?;
        let first_month = month(self.word(j + 1));
        let mut l = if first_month.is_some() { j + 2 } else { j + 1 };
        if ["au", "et", "a", "jusqu"].contains(&self.word(l)) {
            l += 1;
            if self.word(l) == "le" || self.word(l) == "au" {
                l += 1;
            }
        }
        let (end, len) = match self.day_month(l)? {
            Ok(found) => found,
            Err(impossible) => return Some(Err(impossible)),
        };
        let start = first_month
            .and_then(|m| NaiveDate::from_ymd_opt(end.year(), m, first_day))
            .or_else(|| NaiveDate::from_ymd_opt(end.year(), end.month(), first_day))?;
        (start <= end).then(|| {
            Ok(range(
                start,
                end,
                range_label(start, end),
                (i..l + len).collect(),
            ))
        })
    }

    /// "le 21 novembre", "jeudi 21 novembre 2024".
    fn date(&self, i: usize) -> Option<Found> {
        Some(self.day_month(i)?.map(|(day, len)| {
            let mut used: Vec<usize> = (i..i + len).collect();
            if i > 0 && weekday(self.word(i - 1)).is_some() {
                used.push(i - 1);
            }
            self.single(day, used)
        }))
    }

    /// "jeudi", "ce jeudi", "jeudi prochain", "jeudi 21".
    fn weekday_date(&self, i: usize) -> Option<Found> {
        let day_of_week = weekday(self.word(i))?;
        let next = self.word(i + 1);
        if let Some(typed) = typed_day(next) {
            if month(self.word(i + 2)).is_some() {
                return None; // "jeudi 21 novembre": the date says it all.
            }
            let Some(d) = day_number(typed) else {
                return Some(Err(Impossible {
                    date: NoSuchDate::Day {
                        day: typed.to_string(),
                        month: None,
                    },
                    words: vec![i, i + 1],
                }));
            };
            let day = nearest_day(self.today, d, Some(day_of_week))?;
            return Some(Ok(self.single(day, vec![i, i + 1])));
        }
        let this_week = i
            .checked_sub(1)
            .filter(|_| ["ce", "cette"].contains(&self.before(i, 1)));
        let following = next == "prochain";
        let offset = i64::from(day_of_week.num_days_from_monday())
            - i64::from(self.today.weekday().num_days_from_monday());
        let day = if this_week.is_some() {
            monday_of(self.today) + Days::new(u64::from(day_of_week.num_days_from_monday()))
        } else {
            let ahead = if offset < 0 || (following && offset == 0) {
                offset + 7
            } else {
                offset
            };
            self.today + Days::new(ahead as u64)
        };
        let mut used = vec![i];
        used.extend(this_week);
        if following {
            used.push(i + 1);
        }
        Some(Ok(self.single(day, used)))
    }

    /// "en décembre", "en décembre 2024".
    fn month_date(&self, i: usize) -> Option<Found> {
        let m = month(self.word(i))?;
        let before = self.before(i, 1);
        if !(["en", "de", "mois", "d"].contains(&before) || i == 0 || self.words.len() <= 2) {
            return None;
        }
        let mut used = vec![i];
        let year = match year(self.word(i + 1)) {
            Some(Ok(year)) => {
                used.push(i + 1);
                year
            }
            Some(Err(typed)) => {
                return Some(Err(Impossible {
                    date: NoSuchDate::Year(typed),
                    words: vec![i, i + 1],
                }));
            }
            None => nearest(self.today, m, 1).map_or(self.today.year(), |d| d.year()),
        };
        let from = NaiveDate::from_ymd_opt(year, m, 1)?;
        let to = from.checked_add_months(Months::new(1))? - Days::new(1);
        let label = format!("en {} {year}", french::month(m));
        Some(Ok(range(from, to, label, used)))
    }

    /// "le 29": that day of this month (or the nearest month that has it).
    fn day_alone(&self, i: usize) -> Option<Found> {
        let d = day_number(self.word(i + 1))?;
        let excluded = ["dans", "departement", "du", "sur"].contains(&self.before(i, 1));
        let unit = ["km", "kms", "h", "heures", "ans", "euros", "eme", "e"];
        if self.word(i) != "le"
            || excluded
            || month(self.word(i + 2)).is_some()
            || unit.contains(&self.word(i + 2))
        {
            return None;
        }
        let day = nearest_day(self.today, d, None)?;
        Some(Ok(self.single(day, vec![i, i + 1])))
    }
}

/// A part of the day at word `i`: "le matin", "l'après-midi", "le soir", with how many
/// words say it.
fn part_of_day(w: &str, next: &str) -> Option<(PartOfDay, usize)> {
    match (w, next) {
        ("matin" | "matinee", _) => Some((PartOfDay::Morning, 1)),
        ("apres", "midi") => Some((PartOfDay::Afternoon, 2)),
        ("apresmidi" | "aprem", _) => Some((PartOfDay::Afternoon, 1)),
        ("soir" | "soiree", _) => Some((PartOfDay::Evening, 1)),
        _ => None,
    }
}

/// Finds the dates a question asks for, if any. `words` are the question's folded words.
/// The first date said wins; a date that does not exist is an error, never another date.
pub fn find_dates(
    words: &[String],
    today: NaiveDate,
    week: &Week,
) -> Result<Option<DateSlot>, Impossible> {
    let scan = Scan { words, today, week };
    let mut found: Option<Found> = None;
    let mut part: Option<(PartOfDay, Vec<usize>)> = None;
    let mut i = 0;
    while i < words.len() {
        let w = scan.word(i);
        if part.is_none()
            && let Some((p, len)) = part_of_day(w, scan.word(i + 1))
        {
            part = Some((p, (i..i + len).collect()));
            if w == "matin" && scan.before(i, 1) == "ce" && found.is_none() {
                found = Some(Ok(scan.single(today, vec![i - 1])));
            }
            i += len;
            continue;
        }
        if found.is_none() {
            found = scan.at(i);
        }
        i += 1;
    }
    let slot = found.transpose()?;
    Ok(match (slot, part) {
        (Some(mut slot), Some((p, used))) => {
            slot.part = Some(p);
            slot.label = format!("{}, {}", slot.label, p.label());
            slot.words.extend(used);
            Some(slot)
        }
        (Some(slot), None) => Some(slot),
        (None, Some((p, used))) => Some(DateSlot {
            from: NaiveDate::MIN,
            to: NaiveDate::MAX,
            part: Some(p),
            label: p.label().to_string(),
            words: used,
        }),
        (None, None) => None,
    })
}

fn range(from: NaiveDate, to: NaiveDate, label: String, words: Vec<usize>) -> DateSlot {
    DateSlot {
        from,
        to,
        part: None,
        label,
        words,
    }
}

/// "jeudi 21 novembre" (with the year when it is not this year's).
fn day_label(day: NaiveDate, today: NaiveDate) -> String {
    if day.year() == today.year() {
        format!(
            "{} {}",
            french::weekday(day.weekday()),
            french::day_month(day)
        )
    } else {
        french::date(day)
    }
}

/// "du 18 au 22 novembre", "du 18 novembre au 6 décembre".
fn range_label(from: NaiveDate, to: NaiveDate) -> String {
    if from.month() == to.month() && from.year() == to.year() {
        let first = if from.day() == 1 {
            "1er".to_string()
        } else {
            from.day().to_string()
        };
        format!("du {first} au {}", french::day_month(to))
    } else {
        format!(
            "du {} au {}",
            french::day_month(from),
            french::day_month(to)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week() -> Week {
        Week {
            name: "Semaine de l'industrie".into(),
            edition: 13,
            year: 2024,
            since: 2011,
            start: NaiveDate::from_ymd_opt(2024, 11, 18).unwrap(),
            end: NaiveDate::from_ymd_opt(2024, 11, 24).unwrap(),
            theme: String::new(),
            organizer: String::new(),
            website: String::new(),
            map: String::new(),
            cited_as: String::new(),
        }
    }

    /// (from, to, label) understood in `question` on Monday 18 November 2024.
    fn dates(question: &str) -> Option<(String, String, String)> {
        let text = spell_numeric_dates(question);
        let words: Vec<String> = crate::text::words(&text)
            .into_iter()
            .map(|(w, _, _)| w)
            .collect();
        let today = NaiveDate::from_ymd_opt(2024, 11, 18).unwrap();
        find_dates(&words, today, &week())
            .ok()
            .flatten()
            .map(|d| (d.from.to_string(), d.to.to_string(), d.label))
    }

    #[test]
    fn dates_resolve_against_the_clock() {
        let table = [
            (
                "aujourd'hui",
                "2024-11-18",
                "2024-11-18",
                "lundi 18 novembre",
            ),
            ("demain", "2024-11-19", "2024-11-19", "mardi 19 novembre"),
            (
                "après-demain",
                "2024-11-20",
                "2024-11-20",
                "mercredi 20 novembre",
            ),
            ("ce jeudi", "2024-11-21", "2024-11-21", "jeudi 21 novembre"),
            ("jeudi", "2024-11-21", "2024-11-21", "jeudi 21 novembre"),
            (
                "jeudi prochain",
                "2024-11-21",
                "2024-11-21",
                "jeudi 21 novembre",
            ),
            (
                "lundi prochain",
                "2024-11-25",
                "2024-11-25",
                "lundi 25 novembre",
            ),
            (
                "le 21 novembre",
                "2024-11-21",
                "2024-11-21",
                "jeudi 21 novembre",
            ),
            (
                "le jeudi 21 novembre",
                "2024-11-21",
                "2024-11-21",
                "jeudi 21 novembre",
            ),
            ("le 21/11", "2024-11-21", "2024-11-21", "jeudi 21 novembre"),
            (
                "le 6/12/2024",
                "2024-12-06",
                "2024-12-06",
                "vendredi 6 décembre",
            ),
            (
                "le 14 novembre",
                "2024-11-14",
                "2024-11-14",
                "jeudi 14 novembre",
            ),
            (
                "le 1er décembre",
                "2024-12-01",
                "2024-12-01",
                "dimanche 1er décembre",
            ),
            (
                "du 18 au 22 novembre",
                "2024-11-18",
                "2024-11-22",
                "du 18 au 22 novembre",
            ),
            (
                "du 18 novembre au 6 décembre",
                "2024-11-18",
                "2024-12-06",
                "du 18 novembre au 6 décembre",
            ),
            (
                "entre le 19 et le 21 novembre",
                "2024-11-19",
                "2024-11-21",
                "du 19 au 21 novembre",
            ),
            (
                "cette semaine",
                "2024-11-18",
                "2024-11-24",
                "cette semaine (du 18 au 24 novembre)",
            ),
            (
                "la semaine prochaine",
                "2024-11-25",
                "2024-12-01",
                "la semaine prochaine (du 25 novembre au 1er décembre)",
            ),
            (
                "ce week-end",
                "2024-11-23",
                "2024-11-24",
                "ce week-end (samedi 23 novembre et dimanche 24 novembre)",
            ),
            (
                "ce weekend",
                "2024-11-23",
                "2024-11-24",
                "ce week-end (samedi 23 novembre et dimanche 24 novembre)",
            ),
            (
                "en décembre",
                "2024-12-01",
                "2024-12-31",
                "en décembre 2024",
            ),
            (
                "pendant la semaine de l'industrie",
                "2024-11-18",
                "2024-11-24",
                "pendant la semaine de l'industrie (du 18 au 24 novembre)",
            ),
            (
                "demain matin",
                "2024-11-19",
                "2024-11-19",
                "mardi 19 novembre, le matin",
            ),
            (
                "jeudi après-midi",
                "2024-11-21",
                "2024-11-21",
                "jeudi 21 novembre, l'après-midi",
            ),
            ("le 29", "2024-11-29", "2024-11-29", "vendredi 29 novembre"),
        ];
        for (question, from, to, label) in table {
            assert_eq!(
                dates(question),
                Some((from.to_string(), to.to_string(), label.to_string())),
                "{question}"
            );
        }
    }

    #[test]
    fn dates_that_do_not_exist_are_errors_never_other_dates() {
        let today = NaiveDate::from_ymd_opt(2024, 11, 18).unwrap();
        let found = |question: &str| {
            let text = spell_numeric_dates(question);
            let words: Vec<String> = crate::text::words(&text).into_iter().map(|w| w.0).collect();
            find_dates(&words, today, &week())
        };
        let day = |day: &str, month: Option<u32>| NoSuchDate::Day {
            day: day.to_string(),
            month,
        };
        for (question, expected) in [
            ("jeudi 99", day("99", None)),
            ("lundi 0", day("0", None)),
            ("le 31 février", day("31", Some(2))),
            ("le 30/02", day("30", Some(2))),
            ("le 45/11", day("45", Some(11))),
            ("le 0 novembre", day("0", Some(11))),
            ("le 29 février 2023", day("29", Some(2))),
            ("du 18 au 35 novembre", day("35", Some(11))),
            ("le 1/1/99999", NoSuchDate::Year("99999".into())),
            ("le 1er janvier 1850", NoSuchDate::Year("1850".into())),
            ("en décembre 3000", NoSuchDate::Year("3000".into())),
        ] {
            assert_eq!(
                found(question).map_err(|e| e.date),
                Err(expected),
                "{question}"
            );
        }
        // Far, but real: December 2100 is December 2100, not this December.
        let far = found("en décembre 2100").unwrap().unwrap();
        assert_eq!(
            (far.from.to_string(), far.label),
            ("2100-12-01".into(), "en décembre 2100".into())
        );
        // "jeudi 31", asked in November: the 31st that is a Thursday, 31 October.
        assert_eq!(
            found("jeudi 31").unwrap().unwrap().from.to_string(),
            "2024-10-31"
        );
        assert_eq!(
            found("le 29 février 2024")
                .unwrap()
                .unwrap()
                .from
                .to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn numbers_that_are_not_dates_are_left_alone() {
        for question in [
            "à moins de 30 km de Lyon",
            "j'ai 15 ans",
            "industrie 4.0",
            "dans le 29",
        ] {
            let found = dates(question);
            assert!(found.is_none(), "{question}: {found:?}");
        }
        assert_eq!(dates("combien de recrutements en 2024"), None);
    }
}
