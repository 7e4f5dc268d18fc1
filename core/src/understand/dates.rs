//! Dates in a question, resolved against the clock: "aujourd'hui", "demain",
//! "après-demain", "ce jeudi", "jeudi prochain", "le 21 novembre", "le 21/11", "du 18 au
//! 22 novembre", "cette semaine", "la semaine prochaine", "ce week-end", "en décembre",
//! "le matin", "l'après-midi", "pendant la semaine de l'industrie".

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::Serialize;

use crate::french;
use crate::model::Week;

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

/// Month names, folded.
pub(crate) const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];
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

fn day_number(word: &str) -> Option<u32> {
    let digits = word.strip_suffix("er").unwrap_or(word);
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// The date of day/month nearest to `today` (this year, last year or next year).
fn nearest(today: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    [today.year() - 1, today.year(), today.year() + 1]
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - today).num_days().abs())
}

fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// Rewrites numeric dates ("21/11", "21/11/2024") as words ("21 novembre 2024"), so that
/// the word splitter keeps them.
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
                let day: Option<u32> = parts[0].parse().ok().filter(|d| (1..=31).contains(d));
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

struct Scan<'a> {
    words: &'a [String],
    today: NaiveDate,
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.words.get(i).map_or("", String::as_str)
    }

    /// "21 novembre [2024]" at `i`: the date and the number of words.
    fn day_month(&self, i: usize) -> Option<(NaiveDate, usize)> {
        let day = day_number(self.word(i))?;
        let m = month(self.word(i + 1))?;
        if let Ok(year) = self.word(i + 2).parse::<i32>()
            && (2000..2100).contains(&year)
        {
            return Some((NaiveDate::from_ymd_opt(year, m, day)?, 3));
        }
        Some((nearest(self.today, m, day)?, 2))
    }
}

/// Finds the dates a question asks for, if any. `words` are the question's folded words.
pub fn find_dates(words: &[String], today: NaiveDate, week: &Week) -> Option<DateSlot> {
    let scan = Scan { words, today };
    let mut found: Option<DateSlot> = None;
    let mut part: Option<(PartOfDay, Vec<usize>)> = None;
    let mut i = 0;
    let single = |day: NaiveDate, words: Vec<usize>| DateSlot {
        from: day,
        to: day,
        part: None,
        label: day_label(day, today),
        words,
    };
    while i < words.len() {
        let w = scan.word(i);
        let next = scan.word(i + 1);
        if part.is_none() {
            let p = match (w, next) {
                ("matin" | "matinee", _) => Some((PartOfDay::Morning, 1)),
                ("apres", "midi") => Some((PartOfDay::Afternoon, 2)),
                ("apresmidi" | "aprem", _) => Some((PartOfDay::Afternoon, 1)),
                ("soir" | "soiree", _) => Some((PartOfDay::Evening, 1)),
                _ => None,
            };
            if let Some((p, len)) = p {
                part = Some((p, (i..i + len).collect()));
                if w == "matin" && i > 0 && scan.word(i - 1) == "ce" && found.is_none() {
                    found = Some(single(today, vec![i - 1]));
                }
                i += len;
                continue;
            }
        }
        if found.is_some() {
            i += 1;
            continue;
        }
        let slot = if (w == "aujourd" && next == "hui") || w == "aujourdhui" {
            let len = if w == "aujourd" { 2 } else { 1 };
            Some(single(today, (i..i + len).collect()))
        } else if w == "apres" && next == "demain" {
            Some(single(today + Days::new(2), vec![i, i + 1]))
        } else if w == "demain" {
            Some(single(today + Days::new(1), vec![i]))
        } else if w == "hier" {
            Some(single(today - Days::new(1), vec![i]))
        } else if (w == "week" && next == "end") || w == "weekend" {
            let len = if w == "week" { 2 } else { 1 };
            let saturday = monday_of(today) + Days::new(5);
            let next_one = scan.word(i + len) == "prochain";
            let saturday = if next_one {
                saturday + Days::new(7)
            } else {
                saturday
            };
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
            let mut used: Vec<usize> = (i..i + len).collect();
            if next_one {
                used.push(i + len);
            }
            Some(range(saturday, sunday, label, used))
        } else if w == "semaine" {
            let before = if i > 0 { scan.word(i - 1) } else { "" };
            let before2 = if i > 1 { scan.word(i - 2) } else { "" };
            if next == "prochaine" {
                let monday = monday_of(today) + Days::new(7);
                let label = format!(
                    "la semaine prochaine ({})",
                    range_label(monday, monday + Days::new(6))
                );
                Some(range(monday, monday + Days::new(6), label, vec![i, i + 1]))
            } else if before == "cette" {
                let monday = monday_of(today);
                let label = format!(
                    "cette semaine ({})",
                    range_label(monday, monday + Days::new(6))
                );
                Some(range(monday, monday + Days::new(6), label, vec![i - 1, i]))
            } else if (next == "industrie" || (next == "de" && scan.word(i + 2) == "industrie"))
                && ["pendant", "durant", "lors", "pour"]
                    .iter()
                    .any(|p| *p == before || *p == before2)
            {
                let label = format!(
                    "pendant la semaine de l'industrie ({})",
                    range_label(week.start, week.end)
                );
                let last = if next == "de" { i + 2 } else { i + 1 };
                Some(range(week.start, week.end, label, (i..=last).collect()))
            } else {
                None
            }
        } else if (w == "du" || w == "entre")
            && (day_number(next).is_some()
                || (next == "le" && day_number(scan.word(i + 2)).is_some()))
        {
            // "du 18 au 22 novembre", "du 18 novembre au 6 décembre", "entre le 18 et le 22".
            let mut j = i + 1;
            if scan.word(j) == "le" {
                j += 1;
            }
            let first_day = day_number(scan.word(j));
            let first_month = month(scan.word(j + 1));
            let k = if first_month.is_some() { j + 2 } else { j + 1 };
            let mut l = k;
            if ["au", "et", "a", "jusqu"].contains(&scan.word(l)) {
                l += 1;
                if scan.word(l) == "le" || scan.word(l) == "au" {
                    l += 1;
                }
            }
            match (first_day, scan.day_month(l)) {
                (Some(d), Some((end, len))) => {
                    let start = first_month
                        .and_then(|m| NaiveDate::from_ymd_opt(end.year(), m, d))
                        .or_else(|| NaiveDate::from_ymd_opt(end.year(), end.month(), d));
                    start.filter(|s| *s <= end).map(|start| {
                        range(start, end, range_label(start, end), (i..l + len).collect())
                    })
                }
                _ => None,
            }
        } else if let Some((day, len)) = scan.day_month(i) {
            let mut used: Vec<usize> = (i..i + len).collect();
            if i > 0 && weekday(scan.word(i - 1)).is_some() {
                used.push(i - 1);
            }
            Some(single(day, used))
        } else if let Some(day_of_week) = weekday(w) {
            if day_number(next).is_some() && month(scan.word(i + 2)).is_some() {
                // "jeudi 21 novembre": the next word says it all.
                None
            } else if let Some(d) = day_number(next) {
                // "jeudi 21": the 21st nearest to today.
                nearest(today, today.month(), d).map(|day| single(day, vec![i, i + 1]))
            } else {
                let this_week = if i > 0 && ["ce", "cette"].contains(&scan.word(i - 1)) {
                    Some(i - 1)
                } else {
                    None
                };
                let following = next == "prochain";
                let offset = i64::from(day_of_week.num_days_from_monday())
                    - i64::from(today.weekday().num_days_from_monday());
                let day = if this_week.is_some() {
                    monday_of(today) + Days::new(u64::from(day_of_week.num_days_from_monday()))
                } else if following {
                    let ahead = if offset <= 0 { offset + 7 } else { offset };
                    today + Days::new(ahead as u64)
                } else {
                    let ahead = if offset < 0 { offset + 7 } else { offset };
                    today + Days::new(ahead as u64)
                };
                let mut used = vec![i];
                used.extend(this_week);
                if following {
                    used.push(i + 1);
                }
                Some(single(day, used))
            }
        } else if let Some(m) = month(w).filter(|_| {
            let before = if i > 0 { scan.word(i - 1) } else { "" };
            ["en", "de", "mois", "d"].contains(&before) || i == 0 || words.len() <= 2
        }) {
            let year = nearest(today, m, 1).map_or(today.year(), |d| d.year());
            let mut used = vec![i];
            let year = match scan.word(i + 1).parse::<i32>() {
                Ok(y) if (2000..2100).contains(&y) => {
                    used.push(i + 1);
                    y
                }
                _ => year,
            };
            let from = NaiveDate::from_ymd_opt(year, m, 1);
            let to = from
                .and_then(|f| f.checked_add_months(Months::new(1)))
                .map(|d| d - Days::new(1));
            match (from, to) {
                (Some(from), Some(to)) => Some(range(
                    from,
                    to,
                    format!("en {} {year}", french::month(m)),
                    used,
                )),
                _ => None,
            }
        } else if w == "le"
            && day_number(next).is_some()
            && month(scan.word(i + 2)).is_none()
            && !(i > 0 && ["dans", "departement", "du", "sur"].contains(&scan.word(i - 1)))
        {
            let ok_after = !["km", "kms", "h", "heures", "ans", "euros", "eme", "e"]
                .contains(&scan.word(i + 2));
            let d = day_number(next).unwrap_or(1);
            nearest(today, today.month(), d)
                .filter(|_| ok_after)
                .map(|day| single(day, vec![i, i + 1]))
        } else {
            None
        };
        if let Some(slot) = slot {
            found = Some(slot);
        }
        i += 1;
    }
    match (found, part) {
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
    }
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
        find_dates(&words, today, &week()).map(|d| (d.from.to_string(), d.to.to_string(), d.label))
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
