//! The words dates are made of: months, weekdays, numbers, years.

use chrono::Weekday;

use crate::limits;
use crate::text::MONTHS;

/// The words dates are made of, folded: never taken for typos of other words, even
/// when a question repeats them ("demain matin… demain matin").
pub(crate) fn vocabulary() -> impl Iterator<Item = &'static str> {
    const OTHERS: [&str; 52] = [
        "aujourd",
        "aujourdhui",
        "hui",
        "demain",
        "hier",
        "apres",
        "aprem",
        "apresmidi",
        "midi",
        "minuit",
        "matin",
        "matinee",
        "soir",
        "soiree",
        "journee",
        "semaine",
        "semaines",
        "week",
        "end",
        "weekend",
        "prochain",
        "prochaine",
        "prochains",
        "prochaines",
        "dernier",
        "derniere",
        "derniers",
        "dernieres",
        "suivant",
        "suivante",
        "pendant",
        "durant",
        "lors",
        "veille",
        "lendemain",
        "maintenant",
        "jusque",
        "partir",
        "ici",
        "avant",
        "debut",
        "fin",
        "mi",
        "quinzaine",
        "mois",
        "annee",
        "jours",
        "noel",
        "toussaint",
        "paques",
        "pentecote",
        "ascension",
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

/// The month a word names ("novembre", "nov"), 1 to 12.
pub fn month(word: &str) -> Option<u32> {
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

/// The weekday a word names ("jeudi", "jeu").
pub fn weekday(word: &str) -> Option<Weekday> {
    let word = match word {
        "lun" => "lundi",
        "mer" => "mercredi",
        "jeu" => "jeudi",
        "ven" | "vend" => "vendredi",
        "sam" => "samedi",
        "dim" => "dimanche",
        other => other,
    };
    WEEKDAYS.iter().find(|(w, _)| *w == word).map(|(_, d)| *d)
}

/// A day number as typed in digits ("21", "1er", "99"): one or two digits, whatever
/// their value. With `ordinal`, "15e" and "13eme" too.
pub fn typed_day(word: &str, ordinal: bool) -> Option<&str> {
    let mut digits = word.strip_suffix("er").unwrap_or(word);
    if ordinal {
        digits = digits
            .strip_suffix("eme")
            .or_else(|| digits.strip_suffix('e'))
            .unwrap_or(digits);
    }
    (matches!(digits.len(), 1 | 2) && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// A number from 1 to 31 written in words at `words[i..]` ("trois", "dix huit",
/// "vingt et un", "premier"), with the number of words. "un" and "une" only with
/// `with_one` (they are mostly articles).
pub fn written(words: &[&str], with_one: bool) -> Option<(u32, usize)> {
    const UNITS: [&str; 16] = [
        "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize", "quatorze", "quinze",
    ];
    let unit = |w: &str| UNITS.iter().position(|u| *u == w && !w.is_empty());
    let first = *words.first()?;
    let (tens, rest) = match first {
        "premier" | "premiere" => return Some((1, 1)),
        "une" if with_one => return Some((1, 1)),
        "un" if !with_one => return None,
        "seize" => return Some((16, 1)),
        "dix" => (10, &words[1..]),
        "vingt" => (20, &words[1..]),
        "trente" => (30, &words[1..]),
        w => return unit(w).map(|n| (n as u32, 1)),
    };
    let rest: Vec<&str> = rest.iter().take(2).copied().collect();
    let (skip, next) = match rest.as_slice() {
        ["et", "un", ..] if tens >= 20 => (1, "un"),
        [w, ..] => (0, *w),
        [] => return Some((tens, 1)),
    };
    match unit(next) {
        Some(n) if tens == 10 && (7..=9).contains(&n) => Some((10 + n as u32, 2)),
        Some(n) if tens > 10 && n <= 9 && (tens + n as u32) <= 31 => {
            Some((tens + n as u32, 2 + skip))
        }
        _ => Some((tens, 1)),
    }
}

/// A count at `words[i..]` in digits or words ("3", "trois", "une"), with its length.
pub fn count(words: &[&str]) -> Option<(u32, usize)> {
    let first = *words.first()?;
    if (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit()) {
        return first.parse().ok().filter(|n| *n > 0).map(|n| (n, 1));
    }
    written(words, true).or_else(|| (first == "un").then_some((1, 1)))
}

/// A year as typed after a date: `Some(Ok)` within [`limits::YEARS`], `Some(Err)` for a
/// number of four digits or more outside it, `None` when the word is no year. Two
/// digits are a year only with `short` ("31 octobre 74": 1974; "20 02 14": 2014).
pub fn year(word: &str, short: bool) -> Option<Result<i32, String>> {
    if !word.bytes().all(|b| b.is_ascii_digit()) || word.is_empty() {
        return None;
    }
    if word.len() == 2 && short {
        let yy: i32 = word.parse().ok()?;
        return Some(Ok(if yy < 50 { 2000 + yy } else { 1900 + yy }));
    }
    if word.len() < 4 {
        return None;
    }
    match word.parse::<i32>() {
        Ok(year) if limits::YEARS.contains(&year) => Some(Ok(year)),
        _ => Some(Err(limits::cut(word, 12))),
    }
}

/// Words that say a number is a quantity, not a day ("15 ans", "30 km").
pub fn unit(word: &str) -> bool {
    [
        "km",
        "kms",
        "h",
        "heure",
        "heures",
        "ans",
        "an",
        "euros",
        "eur",
        "eme",
        "e",
        "min",
        "minutes",
        "pourcent",
        "jours",
        "semaines",
        "mois",
        "personnes",
        "places",
        "eleves",
        "metres",
        "m",
    ]
    .contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words() {
        let read = |s: &str| written(&s.split(' ').collect::<Vec<_>>(), false);
        assert_eq!(read("trois"), Some((3, 1)));
        assert_eq!(read("dix huit"), Some((18, 2)));
        assert_eq!(read("vingt et un"), Some((21, 3)));
        assert_eq!(read("vingt deux mars"), Some((22, 2)));
        assert_eq!(read("trente et un"), Some((31, 3)));
        assert_eq!(read("trente deux"), Some((30, 1)));
        assert_eq!(read("premier"), Some((1, 1)));
        assert_eq!(read("un"), None);
        assert_eq!(read("seize"), Some((16, 1)));
        assert_eq!(count(&["une"]), Some((1, 1)));
        assert_eq!(count(&["15"]), Some((15, 1)));
    }

    #[test]
    fn two_digit_years_take_the_nearer_century() {
        assert_eq!(year("74", true), Some(Ok(1974)));
        assert_eq!(year("14", true), Some(Ok(2014)));
        assert_eq!(year("14", false), None);
        assert_eq!(year("99999", false), Some(Err("99999".into())));
    }
}
