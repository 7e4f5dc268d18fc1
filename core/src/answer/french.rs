//! French wording: dates, times, numbers and agreement, as users read them.
//!
//! ```
//! use boussole_core::answer::french;
//! use chrono::NaiveDate;
//!
//! let day = NaiveDate::from_ymd_opt(2024, 11, 21).unwrap();
//! assert_eq!(french::date(day), "jeudi 21 novembre 2024");
//! assert_eq!(french::count(3, "événement", "événements"), "3 événements");
//! assert_eq!(french::number(260000.0), "260 000");
//! assert_eq!(french::number(5.6), "5,6");
//! ```

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

use crate::model::{Event, Moment};

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Name of a weekday.
pub fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// Name of a month (1 to 12).
pub fn month(number: u32) -> &'static str {
    MONTHS[(number.clamp(1, 12) - 1) as usize]
}

/// "jeudi 21 novembre 2024" ("1er" for the first of a month).
pub fn date(day: NaiveDate) -> String {
    format!("{} {}", weekday(day.weekday()), day_month_year(day))
}

/// "21 novembre 2024".
pub fn day_month_year(day: NaiveDate) -> String {
    format!("{} {}", day_month(day), day.year())
}

/// "21 novembre", "1er décembre".
pub fn day_month(day: NaiveDate) -> String {
    let number = if day.day() == 1 {
        "1er".to_string()
    } else {
        day.day().to_string()
    };
    format!("{number} {}", month(day.month()))
}

/// "9 h", "14 h 30".
pub fn time(at: NaiveTime) -> String {
    if at.minute() == 0 {
        format!("{} h", at.hour())
    } else {
        format!("{} h {:02}", at.hour(), at.minute())
    }
}

/// When an event happens, in the venue's local time: "jeudi 21 novembre 2024",
/// "vendredi 22 novembre 2024, de 9 h à 16 h", "du 18 novembre au 6 décembre 2024".
pub fn when(event: &Event) -> String {
    let first = event.first_day();
    let last = event.last_day();
    if first != last {
        return range(first, last);
    }
    let mut text = date(first);
    match (event.start.time(), event.end.and_then(Moment::time)) {
        (Some(start), Some(end)) if end > start => {
            text.push_str(&format!(", de {} à {}", time(start), time(end)));
        }
        (Some(start), _) => text.push_str(&format!(" à {}", time(start))),
        _ => {}
    }
    text
}

/// "du 18 au 24 novembre 2024", "du 18 novembre au 6 décembre 2024".
pub fn range(first: NaiveDate, last: NaiveDate) -> String {
    span(first, last, true)
}

/// "du 18 au 24 novembre", "du 18 novembre au 6 décembre": without the year.
pub fn days(first: NaiveDate, last: NaiveDate) -> String {
    span(first, last, false)
}

fn span(first: NaiveDate, last: NaiveDate, with_year: bool) -> String {
    let full = |day: NaiveDate| {
        if with_year {
            day_month_year(day)
        } else {
            day_month(day)
        }
    };
    if first.month() == last.month() && first.year() == last.year() {
        let day = if first.day() == 1 {
            "1er".to_string()
        } else {
            first.day().to_string()
        };
        format!("du {day} au {}", full(last))
    } else if first.year() == last.year() {
        format!("du {} au {}", day_month(first), full(last))
    } else {
        format!("du {} au {}", full(first), full(last))
    }
}

/// A number with French grouping and decimal comma: "260 000", "5,6", "1 542".
/// Thin spaces are not used: a plain space survives every chat client.
pub fn number(value: f64) -> String {
    let negative = value < 0.0;
    let value = value.abs();
    let whole = value.trunc() as u64;
    let fraction = ((value - value.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    if fraction > 0 {
        let decimals = format!("{fraction:02}");
        grouped.push(',');
        grouped.push_str(decimals.trim_end_matches('0'));
    }
    if negative {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// "1 événement", "3 événements", "aucun événement".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    match n {
        0 => format!("aucun {singular}"),
        1 => format!("1 {singular}"),
        _ => format!("{} {plural}", number(n as f64)),
    }
}

/// "2022", "2022 et 2023", "2022, 2023 et 2024".
pub fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} et {last}", rest.join(", ")),
    }
}

/// "de Mickael", "d'Océane", "d'Adrien": "de" before a name, elided before a vowel.
pub fn of_name(name: &str) -> String {
    let folded = crate::text::fold(name);
    if folded.starts_with(['a', 'e', 'i', 'o', 'u', 'y', 'h']) {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// "à 12 km", "à 2,4 km", "à moins d'1 km".
pub fn distance(km: f64) -> String {
    if km < 1.0 {
        "à moins d'1 km".to_string()
    } else if km < 10.0 {
        format!("à {} km", number((km * 10.0).round() / 10.0))
    } else {
        format!("à {} km", number(km.round()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_of_the_month_is_1er() {
        let day = NaiveDate::from_ymd_opt(2024, 12, 1).unwrap();
        assert_eq!(date(day), "dimanche 1er décembre 2024");
    }

    #[test]
    fn numbers_group_by_thousands_with_decimal_comma() {
        assert_eq!(number(7400.0), "7 400");
        assert_eq!(number(1542.0), "1 542");
        assert_eq!(number(108000.0), "108 000");
        assert_eq!(number(1.2), "1,2");
        assert_eq!(number(13.0), "13");
        assert_eq!(number(0.0), "0");
    }

    #[test]
    fn lists_and_names_read_as_in_french() {
        let years = |y: &[&str]| list(&y.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(years(&["2022"]), "2022");
        assert_eq!(years(&["2022", "2023", "2024"]), "2022, 2023 et 2024");
        assert_eq!(of_name("Océane"), "d'Océane");
        assert_eq!(of_name("Mickael"), "de Mickael");
    }

    #[test]
    fn counts_agree() {
        assert_eq!(count(0, "événement", "événements"), "aucun événement");
        assert_eq!(count(1, "événement", "événements"), "1 événement");
        assert_eq!(count(1200, "événement", "événements"), "1 200 événements");
    }

    #[test]
    fn times_read_as_in_french() {
        assert_eq!(time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()), "9 h");
        assert_eq!(time(NaiveTime::from_hms_opt(14, 30, 0).unwrap()), "14 h 30");
        assert_eq!(distance(12.4), "à 12 km");
        assert_eq!(distance(2.35), "à 2,4 km");
        assert_eq!(distance(0.0), "à moins d'1 km");
    }
}
