//! Parts of the day ("le matin", "ce soir", "en fin d'après-midi") and times ("à 15h",
//! "midi"). Said with a date, they narrow it; said alone, "le matin" is any morning, and
//! "ce soir" or "à 15h" is today (or tomorrow, when the time has passed).

use std::ops::Range;

use chrono::{Days, NaiveDate, NaiveTime};

use super::lexicon::written;
use super::{DateSlot, PartOfDay, Said, Scan};

use PartOfDay::{Afternoon, Evening, Morning};

/// A part of the day said in a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Part {
    /// The part, when it says one ("en milieu de journée" does not).
    pub part: Option<PartOfDay>,
    /// The day it means when no date is said: today, or tomorrow for a time passed.
    pub day: Option<When>,
    /// The words that said it.
    pub words: Range<usize>,
}

/// The day a part of the day or a time means on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum When {
    /// Today ("ce soir").
    Today,
    /// Today if that time is still to come, else tomorrow ("à 15h", "minuit").
    Next(NaiveTime),
}

/// Parts of the day by their words, and whether they mean today when said alone.
const PARTS: [(&str, Option<PartOfDay>, bool); 52] = [
    ("ce matin", Some(Morning), true),
    ("cet apres midi", Some(Afternoon), true),
    ("cette apres midi", Some(Afternoon), true),
    ("cet aprem", Some(Afternoon), true),
    ("ce midi", Some(Afternoon), true),
    ("ce soir", Some(Evening), true),
    ("cette nuit", Some(Evening), true),
    ("dans la matinee", Some(Morning), true),
    ("dans l apres midi", Some(Afternoon), true),
    ("dans la soiree", Some(Evening), true),
    ("en debut de matinee", Some(Morning), true),
    ("en milieu de matinee", Some(Morning), true),
    ("en fin de matinee", Some(Morning), true),
    ("en debut d apres midi", Some(Afternoon), true),
    ("en milieu d apres midi", Some(Afternoon), true),
    ("en fin d apres midi", Some(Afternoon), true),
    ("fin d apres midi", Some(Afternoon), true),
    ("au debut de l apres midi", Some(Afternoon), true),
    ("au milieu de l apres midi", Some(Afternoon), true),
    ("a la fin de l apres midi", Some(Afternoon), true),
    ("en debut de soiree", Some(Evening), true),
    ("en fin de soiree", Some(Evening), true),
    ("au debut de la soiree", Some(Evening), true),
    ("a la fin de la soiree", Some(Evening), true),
    ("en debut de journee", Some(Morning), true),
    ("au debut de la journee", Some(Morning), true),
    ("en milieu de journee", None, true),
    ("au milieu de la journee", None, true),
    ("en fin de journee", Some(Evening), true),
    ("a la fin de la journee", Some(Evening), true),
    ("tres tot le matin", Some(Morning), true),
    ("tot le matin", Some(Morning), true),
    ("des le matin", Some(Morning), true),
    ("des la matinee", Some(Morning), true),
    ("apres le dejeuner", Some(Afternoon), true),
    ("apres dejeuner", Some(Afternoon), true),
    ("avant le dejeuner", Some(Morning), true),
    ("avant dejeuner", Some(Morning), true),
    ("pendant le dejeuner", Some(Afternoon), true),
    ("a l heure du dejeuner", Some(Afternoon), true),
    ("au moment de dejeuner", Some(Afternoon), true),
    ("apres le travail", Some(Evening), true),
    ("en soiree", Some(Evening), false),
    ("au soir", Some(Evening), false),
    ("matinee", Some(Morning), false),
    ("matin", Some(Morning), false),
    ("apres midi", Some(Afternoon), false),
    ("apresmidi", Some(Afternoon), false),
    ("aprem", Some(Afternoon), false),
    ("soiree", Some(Evening), false),
    ("soir", Some(Evening), false),
    ("nuit", Some(Evening), false),
];

impl Scan<'_> {
    /// The part of the day or the time said at `i`.
    pub(super) fn part(&self, i: usize) -> Option<Part> {
        if let Some(found) = PARTS.iter().find_map(|(phrase, part, today)| {
            let len = self.says(i, phrase)?;
            let day = today.then_some(When::Today);
            Some(Part {
                part: *part,
                day,
                words: i..i + len,
            })
        }) {
            return Some(found);
        }
        self.time(i)
    }

    /// "à 15h", "15h30", "vers 15 heures", "quinze heures", "midi", "minuit", "8h du
    /// soir".
    fn time(&self, i: usize) -> Option<Part> {
        let start = i + self
            .says_any(i, &["a", "vers", "aux alentours de", "autour de"])
            .unwrap_or(0);
        let (mut hour, minute, mut end) = self.clock_time(start)?;
        let counted = ["suivantes", "prochaines", "passees", "dernieres"];
        if counted.contains(&self.word(end)) {
            return None; // "3 heures suivantes": a count.
        }
        let later = [
            "du soir",
            "de l apres midi",
            "de l aprem",
            "cet apres midi",
            "ce soir",
        ];
        if let Some(len) = self.says_any(end, &later) {
            if hour < 12 {
                hour += 12;
            }
            end += len;
        } else if let Some(len) = self.says_any(end, &["du matin", "du mat"]) {
            end += len;
        }
        let at = NaiveTime::from_hms_opt(hour % 24, minute, 0)?;
        let part = match hour {
            0..12 => Morning,
            12..18 => Afternoon,
            _ => Evening,
        };
        Some(Part {
            part: Some(part),
            day: Some(When::Next(at)),
            words: i..end,
        })
    }

    /// An hour and minutes at `at`, with where they end.
    fn clock_time(&self, at: usize) -> Option<(u32, u32, usize)> {
        let w = self.word(at);
        match w {
            "midi" => return Some((12, 0, at + 1)),
            "minuit" => return Some((0, 0, at + 1)),
            _ => {}
        }
        if let Some((h, m)) = w.split_once('h')
            && !h.is_empty()
            && h.len() <= 2
            && h.bytes().all(|b| b.is_ascii_digit())
            && (m.is_empty() || (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit())))
        {
            let hour: u32 = h.parse().ok()?;
            let minute: u32 = if m.is_empty() { 0 } else { m.parse().ok()? };
            return (hour < 24 && minute < 60).then_some((hour, minute, at + 1));
        }
        let (hour, len) = match w.parse::<u32>() {
            Ok(h) if w.len() <= 2 => (h, 1),
            _ => {
                let words = self.words_from(at);
                let (n, len) = written(&words, true)?;
                (n, len)
            }
        };
        let unit = self.says_any(at + len, &["heures", "heure", "h"])?;
        (hour < 24).then_some((hour, 0, at + len + unit))
    }
}

/// The dates with the part of the day said: the part narrows a date, or stands for one.
pub(super) fn with_part(
    slot: Option<DateSlot>,
    part: Option<Part>,
    scan: &Scan,
) -> Option<DateSlot> {
    let Some(part) = part else {
        return slot;
    };
    if let Some(mut slot) = slot {
        slot.part = part.part.or(slot.part);
        slot.words.extend(part.words);
        return Some(slot);
    }
    let words: Vec<usize> = part.words.collect();
    match part.day {
        Some(when) => {
            let day = day_of(when, scan);
            let mut slot = DateSlot::day(day, words);
            slot.part = part.part;
            Some(slot)
        }
        None => part.part.map(|p| DateSlot {
            from: NaiveDate::MIN,
            to: NaiveDate::MAX,
            part: Some(p),
            said: Said::AnyDay,
            words,
        }),
    }
}

/// The day a part said alone means.
fn day_of(when: When, scan: &Scan) -> NaiveDate {
    let now = scan.clock.now;
    match when {
        When::Today => now.date(),
        When::Next(at) if at > now.time() => now.date(),
        When::Next(_) => now.date() + Days::new(1),
    }
}
