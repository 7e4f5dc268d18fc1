//! The dates understood, in words: "jeudi 21 novembre", "du 18 au 22 novembre", "cette
//! semaine (du 18 au 24 novembre)", "à partir du mercredi 20 novembre".

use chrono::{Datelike, NaiveDate};

use crate::answer::french;
use crate::answer::labels;
use crate::understand::dates::{DateSlot, Said, Which};

/// How the reply says the dates understood. `today` decides whether a day needs its
/// year.
pub fn label(slot: &DateSlot, today: NaiveDate) -> String {
    let days = days_label(slot, today);
    match slot.part {
        Some(part) if days.is_empty() => labels::part_of_day(part).to_string(),
        Some(part) => format!("{days}, {}", labels::part_of_day(part)),
        None => days,
    }
}

fn days_label(slot: &DateSlot, today: NaiveDate) -> String {
    let (from, to) = (slot.from, slot.to);
    let range = || french::days(from, to);
    match slot.said {
        Said::Day => day_label(from, today),
        Said::Days => range(),
        Said::Week(Which::This) => format!("cette semaine ({})", range()),
        Said::Week(Which::Next) => format!("la semaine prochaine ({})", range()),
        Said::Week(Which::Last) => format!("la semaine dernière ({})", range()),
        Said::Week(Which::Other) => format!("la semaine {}", range()),
        Said::Weekend(which) => {
            let name = match which {
                Which::This => "ce week-end",
                Which::Next => "le week-end prochain",
                Which::Last => "le week-end dernier",
                Which::Other => "le week-end",
            };
            let (saturday, sunday) = (french::day_month(from), french::day_month(to));
            format!("{name} (samedi {saturday} et dimanche {sunday})")
        }
        Said::IndustryWeek => format!("pendant la semaine de l'industrie ({})", range()),
        Said::Month => format!("en {} {}", french::month(from.month()), from.year()),
        Said::Year => format!("en {}", from.year()),
        Said::From => format!("à partir du {}", day_label(from, today)),
        Said::Until => format!("jusqu'au {}", day_label(to, today)),
        Said::AnyDay => String::new(),
    }
}

/// "jeudi 21 novembre" (with the year when it is not this year's).
pub fn day_label(day: NaiveDate, today: NaiveDate) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::dates::tests::{week, words};
    use crate::understand::dates::{Clock, find_dates};

    /// The label of the dates of `question` on Monday 18 November 2024.
    fn said(question: &str) -> String {
        let today = NaiveDate::from_ymd_opt(2024, 11, 18).unwrap();
        let slot = find_dates(&words(question), Clock::from(today), &week())
            .unwrap()
            .unwrap();
        label(&slot, today)
    }

    #[test]
    fn dates_are_said_as_they_were_asked() {
        for (question, expected) in [
            ("demain", "mardi 19 novembre"),
            ("le 1er décembre", "dimanche 1er décembre"),
            ("le 14 novembre 2024", "jeudi 14 novembre"),
            ("le 3 janvier", "vendredi 3 janvier 2025"),
            ("du 18 au 22 novembre", "du 18 au 22 novembre"),
            (
                "du 18 novembre au 6 décembre",
                "du 18 novembre au 6 décembre",
            ),
            ("cette semaine", "cette semaine (du 18 au 24 novembre)"),
            (
                "la semaine prochaine",
                "la semaine prochaine (du 25 novembre au 1er décembre)",
            ),
            (
                "ce week-end",
                "ce week-end (samedi 23 novembre et dimanche 24 novembre)",
            ),
            ("en décembre", "en décembre 2024"),
            ("le mois prochain", "en décembre 2024"),
            ("l'année prochaine", "en 2025"),
            (
                "pendant la semaine de l'industrie",
                "pendant la semaine de l'industrie (du 18 au 24 novembre)",
            ),
            ("à partir de mercredi", "à partir du mercredi 20 novembre"),
            ("jusqu'à jeudi", "jusqu'au jeudi 21 novembre"),
            ("demain matin", "mardi 19 novembre, le matin"),
            ("jeudi après-midi", "jeudi 21 novembre, l'après-midi"),
            ("le soir", "le soir"),
        ] {
            assert_eq!(said(question), expected, "{question}");
        }
    }
}
