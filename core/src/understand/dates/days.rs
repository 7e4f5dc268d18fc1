//! Single days: words relative to today ("demain", "dans deux jours") or to the day of
//! the conversation ("la veille"), weekdays ("mardi prochain", "lundi en huit"), day and
//! month ("le 21 novembre", "17 02"), a day of this month ("le 29"), holidays.

use chrono::{Datelike, NaiveDate, Weekday};

use super::calendar::{self, Holiday};
use super::lexicon::{count, month, typed_day, unit, weekday, written, year};
use super::{DateSlot, Found, Impossible, NoSuchDate, Said, Scan};

/// A day as typed: [weekday] day [month [year]] ("samedi 13", "15 juillet 2024").
#[derive(Clone, Debug)]
pub(super) struct DayPoint {
    pub weekday: Option<Weekday>,
    /// The day number (1 to 31 when it is one; what was typed otherwise).
    pub day: Option<u32>,
    pub typed: String,
    pub month: Option<u32>,
    pub year: Option<Result<i32, String>>,
    /// Words from the first.
    pub len: usize,
}

impl DayPoint {
    /// The date, when it is complete (a month) and exists; without a year, the next
    /// one (or one passed less than a month ago: [`calendar::day_month`]).
    pub fn date(&self, today: NaiveDate) -> Option<Result<NaiveDate, NoSuchDate>> {
        let month = self.month?;
        let no_such_day = || NoSuchDate::Day {
            day: self.typed.clone(),
            month: Some(month),
        };
        Some(match &self.year {
            Some(Err(typed)) => Err(NoSuchDate::Year(typed.clone())),
            Some(Ok(year)) => self
                .day
                .and_then(|d| NaiveDate::from_ymd_opt(*year, month, d))
                .ok_or_else(no_such_day),
            None => self
                .day
                .filter(|d| NaiveDate::from_ymd_opt(2024, month, *d).is_some())
                .and_then(|d| calendar::day_month(today, month, d))
                .ok_or_else(no_such_day),
        })
    }
}

/// The relative days said in one or more words: offset from today.
const RELATIVE: [(&str, i64); 12] = [
    ("maintenant", 0),
    ("tout de suite", 0),
    ("en ce moment", 0),
    ("ce jour", 0),
    ("dans la journee", 0),
    ("aujourd hui", 0),
    ("aujourdhui", 0),
    ("avant hier", -2),
    ("apres demain", 2),
    ("demain", 1),
    ("hier", -1),
    ("ajd", 0),
];

/// Days around the day of the conversation: offset from it.
const AROUND: [(&str, i64); 9] = [
    ("la veille", -1),
    ("le lendemain", 1),
    ("lendemain", 1),
    ("le jour d avant", -1),
    ("le jour precedent", -1),
    ("le jour d apres", 1),
    ("le jour suivant", 1),
    ("jour suivant", 1),
    ("un jour apres", 1),
];

/// Holidays by name.
const HOLIDAYS: [(&str, Holiday); 22] = [
    ("le soir de noel", Holiday::Fixed(12, 24)),
    ("reveillon de noel", Holiday::Fixed(12, 24)),
    ("jour de noel", Holiday::Fixed(12, 25)),
    ("noel", Holiday::Fixed(12, 25)),
    ("jour de l an", Holiday::Fixed(1, 1)),
    ("nouvel an", Holiday::Fixed(1, 1)),
    ("reveillon", Holiday::Fixed(12, 31)),
    ("la toussaint", Holiday::Fixed(11, 1)),
    ("toussaint", Holiday::Fixed(11, 1)),
    ("jour des morts", Holiday::Fixed(11, 2)),
    ("fete du travail", Holiday::Fixed(5, 1)),
    ("fete nationale", Holiday::Fixed(7, 14)),
    ("armistice", Holiday::Fixed(11, 11)),
    ("assomption", Holiday::Fixed(8, 15)),
    ("saint valentin", Holiday::Fixed(2, 14)),
    ("fete de la musique", Holiday::Fixed(6, 21)),
    ("halloween", Holiday::Fixed(10, 31)),
    ("lundi de paques", Holiday::Easter(1)),
    ("paques", Holiday::Easter(0)),
    ("ascension", Holiday::Easter(39)),
    ("lundi de pentecote", Holiday::Easter(50)),
    ("pentecote", Holiday::Easter(49)),
];

impl Scan<'_> {
    /// Whatever single day starts at `i`.
    pub(super) fn single(&self, i: usize) -> Option<Found> {
        self.relative(i)
            .or_else(|| self.around(i))
            .or_else(|| self.counted(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.weekday_date(i))
            .or_else(|| self.date(i))
            .or_else(|| self.nth_day(i))
            .or_else(|| self.day_alone(i))
    }

    fn relative(&self, i: usize) -> Option<Found> {
        RELATIVE.iter().find_map(|(phrase, offset)| {
            let len = self.says(i, phrase)?;
            let day = calendar::shift(self.today(), *offset)?;
            Some(Ok(DateSlot::day(day, (i..i + len).collect())))
        })
    }

    /// "la veille", "le lendemain [du 13 février]", "deux jours plus tard".
    fn around(&self, i: usize) -> Option<Found> {
        let (offset, len) = AROUND
            .iter()
            .find_map(|(phrase, offset)| Some((*offset, self.says(i, phrase)?)))
            .or_else(|| {
                let (n, len) = count(&self.words_from(i))?;
                let tail =
                    self.says_any(i + len, &["jours plus tard", "jours apres", "jour apres"])?;
                Some((i64::from(n), len + tail))
            })?;
        let mut words: Vec<usize> = (i..i + len).collect();
        let mut base = self.anchor();
        if self.word(i + len) == "du"
            && let Some(Ok(slot)) = self.single(i + len + 1)
        {
            base = slot.from;
            words.push(i + len);
            words.extend(slot.words);
        }
        let day = calendar::shift(base, offset)?;
        Some(Ok(DateSlot::day(day, words)))
    }

    /// "dans deux jours", "dans 1 semaine", "dans deux mois", "il y a trois semaines",
    /// "dans une heure", "dans un an" (that month).
    fn counted(&self, i: usize) -> Option<Found> {
        let (sign, at) = match self.word(i) {
            "dans" => (1, i + 1),
            "il" if self.says(i, "il y a").is_some() => (-1, i + 3),
            _ => return None,
        };
        let (n, len) = count(&self.words_from(at))?;
        let unit_word = self.word(at + len);
        let n = i64::from(n) * sign;
        let today = self.today();
        let words: Vec<usize> = (i..=at + len).collect();
        let day = match unit_word {
            "jour" | "jours" => calendar::shift(today, n)?,
            "semaine" | "semaines" => calendar::shift(today, 7 * n)?,
            "mois" => calendar::shift_months(today, n as i32)?,
            "heure" | "heures" | "h" | "minute" | "minutes" | "min" | "seconde" | "secondes" => {
                let minutes = if unit_word.starts_with('h') {
                    60 * n
                } else {
                    n
                };
                let later = self.clock.now + chrono::Duration::minutes(minutes.clamp(-9999, 9999));
                later.date()
            }
            "an" | "ans" | "annee" | "annees" => {
                let day = calendar::shift_months(today, 12 * n as i32)?;
                let (from, to) = calendar::month_span(day.year(), day.month())?;
                return Some(Ok(DateSlot::span(from, to, Said::Month, words)));
            }
            _ => return None,
        };
        Some(Ok(DateSlot::day(day, words)))
    }

    fn holiday(&self, i: usize) -> Option<Found> {
        HOLIDAYS.iter().find_map(|(phrase, holiday)| {
            let len = self.says(i, phrase)?;
            let day = holiday.next(self.today())?;
            Some(Ok(DateSlot::day(day, (i..i + len).collect())))
        })
    }

    /// "jeudi", "ce jeudi", "jeudi prochain", "jeudi de la semaine prochaine", "lundi en
    /// huit", "dimanche dernier", "jeudi 15" (the next Thursday the 15th).
    fn weekday_date(&self, i: usize) -> Option<Found> {
        let day_of_week = weekday(self.word(i))?;
        if let Some(point) = self.day_point(i) {
            if point.month.is_some() {
                return None; // "jeudi 21 novembre": the date says it all.
            }
            let words: Vec<usize> = (i..i + point.len).collect();
            let Some(d) = point.day else {
                let date = NoSuchDate::Day {
                    day: point.typed,
                    month: None,
                };
                return Some(Err(Impossible { date, words }));
            };
            let day = calendar::next_weekday_day(self.today(), day_of_week, d)?;
            return Some(Ok(DateSlot::day(day, words)));
        }
        let this = ["ce", "cette"].contains(&self.before(i, 1));
        let (day, len) = self.weekday_after(i + 1, day_of_week, this)?;
        let mut words: Vec<usize> = (i..i + 1 + len).collect();
        if this {
            words.push(i - 1);
        }
        Some(Ok(DateSlot::day(day, words)))
    }

    /// The day a weekday names, given the words after it, with how many of them say it.
    fn weekday_after(&self, at: usize, day: Weekday, this: bool) -> Option<(NaiveDate, usize)> {
        let today = self.today();
        let next_week = calendar::monday_of(today) + chrono::Days::new(7);
        let week_words = |w: &str| {
            self.says_any(
                at,
                &[&format!("de la semaine {w}"), &format!("la semaine {w}")],
            )
        };
        let following = ["prochaine", "suivante", "d apres", "qui suit"];
        if let Some(len) = following.iter().find_map(|w| week_words(w)) {
            return Some((calendar::in_week(next_week, day), len));
        }
        // "jeudi après-midi", "jeudi après 9h30": not the Thursday after.
        let next = self.word(at + 1);
        let afternoon = next == "midi" || next.starts_with(|c: char| c.is_ascii_digit());
        if let Some(len) = self
            .says_any(at, &["suivant", "d apres"])
            .filter(|_| !afternoon)
        {
            return Some((calendar::in_week(next_week, day), len));
        }
        if let Some(len) = self.says_any(at, &["de cette semaine", "cette semaine"]) {
            return Some((calendar::in_week(today, day), len));
        }
        if let Some(len) = self.says_any(at, &["de la semaine derniere", "de la semaine passee"]) {
            return Some((calendar::in_week(today - chrono::Days::new(7), day), len));
        }
        if let Some(len) = self.says_any(at, &["dernier", "passe"]) {
            return Some((calendar::before(today, day), len));
        }
        let from_today = calendar::on_or_after(today, day);
        let weeks = match (self.word(at), self.word(at + 1)) {
            ("en", "huit" | "8") => Some(7),
            ("en", "quinze" | "15") => Some(14),
            _ => None,
        };
        if let Some(days) = weeks {
            return Some((from_today + chrono::Days::new(days), 2));
        }
        let after_today = calendar::on_or_after(today + chrono::Days::new(1), day);
        if self.word(at) == "prochain" {
            return Some((after_today, 1));
        }
        Some((if this { from_today } else { after_today }, 0))
    }

    /// "le 21 novembre", "jeudi 21 novembre 2024", "premier mars", "17 02".
    fn date(&self, i: usize) -> Option<Found> {
        let point = self.day_point(i)?;
        if point.weekday.is_some() || point.month.is_none() {
            return None;
        }
        let mut words: Vec<usize> = (i..i + point.len).collect();
        if i > 0 && weekday(self.word(i - 1)).is_some() {
            words.push(i - 1);
        }
        Some(match point.date(self.today())? {
            Ok(day) => Ok(DateSlot::day(day, words)),
            Err(date) => Err(Impossible { date, words }),
        })
    }

    /// "le 3e jour d'octobre", "le dernier jour d'octobre 2015".
    fn nth_day(&self, i: usize) -> Option<Found> {
        let start = if self.word(i) == "le" { i + 1 } else { i };
        let n = match self.word(start) {
            "dernier" => None,
            w => Some(typed_day(w, true)?.parse::<u32>().ok()?),
        };
        let len = self.says_any(start + 1, &["jour de", "jour d"])?;
        let m = month(self.word(start + 1 + len))?;
        let mut end = start + 2 + len;
        let y = match year(self.word(end), false) {
            Some(Ok(y)) => {
                end += 1;
                y
            }
            _ => calendar::next_month(self.today(), m),
        };
        let (first, last) = calendar::month_span(y, m)?;
        let day = match n {
            Some(n) => first.with_day(n)?,
            None => last,
        };
        Some(Ok(DateSlot::day(day, (i..end).collect())))
    }

    /// "le 29": that day of this month, or of the next month that has it.
    fn day_alone(&self, i: usize) -> Option<Found> {
        let excluded = ["dans", "departement", "du", "sur"].contains(&self.before(i, 1));
        if self.word(i) != "le" || excluded || unit(self.word(i + 2)) {
            return None;
        }
        let typed = typed_day(self.word(i + 1), false)?;
        let d: u32 = typed.parse().ok()?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let day = calendar::next_day(self.today(), d)?;
        Some(Ok(DateSlot::day(day, vec![i, i + 1])))
    }

    /// The words from `i`, at most four.
    pub(super) fn words_from(&self, i: usize) -> Vec<&str> {
        (i..i + 4).map(|k| self.word(k)).collect()
    }

    /// [weekday] day [month [year]] at `i` (after an optional "le"), when a day is said.
    pub(super) fn day_point(&self, i: usize) -> Option<DayPoint> {
        let mut at = i;
        if self.word(at) == "le" {
            at += 1;
        }
        let weekday = weekday(self.word(at));
        if weekday.is_some() {
            at += 1;
        }
        let (day, typed, len) = self.day_number(at, weekday.is_some())?;
        at += len;
        let (month, month_len) = self.month_after(at, weekday.is_none())?;
        at += month_len;
        let short = (month_len == 1 && self.numeric(at - 1)) || self.word(at + 1).is_empty();
        let year = month.and_then(|_| year(self.word(at), short));
        if year.is_some() {
            at += 1;
        }
        Some(DayPoint {
            weekday,
            day,
            typed,
            month,
            year,
            len: at - i,
        })
    }

    /// A day number at `at`: digits ("21", "1er", "13e"), or words when a month or a
    /// weekday frames it ("premier mars", "vendredi quinze").
    fn day_number(&self, at: usize, after_weekday: bool) -> Option<(Option<u32>, String, usize)> {
        let w = self.word(at);
        if let Some(typed) = typed_day(w, true) {
            let ordinal_e = w.ends_with('e');
            if ordinal_e && month(self.word(at + 1)).is_none() && !self.in_range(at) {
                return None; // "15e à Paris" is an arrondissement.
            }
            let day = typed.parse().ok().filter(|d| (1..=31).contains(d));
            return Some((day, typed.to_string(), 1));
        }
        let (n, len) = written(&self.words_from(at), false)?;
        let framed = after_weekday || month(self.word(at + len)).is_some() || self.in_range(at);
        framed.then(|| (Some(n), w.to_string(), len))
    }

    /// Whether the word at `at` is inside "du … au …" or "entre … et …".
    fn in_range(&self, at: usize) -> bool {
        (1..=3).any(|back| ["du", "entre", "au", "et"].contains(&self.before(at, back)))
    }

    /// The month after a day number: a name ("novembre"), or digits ("17 02") when
    /// `numeric` allows it. `Some((None, 0))` when no month follows.
    fn month_after(&self, at: usize, numeric: bool) -> Option<(Option<u32>, usize)> {
        if let Some(m) = month(self.word(at)) {
            return Some((Some(m), 1));
        }
        let w = self.word(at);
        let digits = (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
        let m: Option<u32> = w.parse().ok().filter(|m| (1..=12).contains(m));
        let quantity = unit(self.word(at + 1));
        match m {
            Some(m) if numeric && digits && !quantity && self.numeric_date_context(at) => {
                Some((Some(m), 1))
            }
            _ => Some((None, 0)),
        }
    }

    /// Whether "D M" digits at `at - 1`, `at` read as a date: not a count after "dans",
    /// "de", "les" or "à".
    fn numeric_date_context(&self, at: usize) -> bool {
        let before = self.before(at, 2);
        ![
            "dans", "de", "les", "a", "moins", "et", "ou", "sur", "entre",
        ]
        .contains(&before)
    }

    fn numeric(&self, at: usize) -> bool {
        self.word(at).bytes().all(|b| b.is_ascii_digit())
    }
}
