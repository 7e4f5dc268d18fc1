//! One table per category of the grammar. Days are read on Monday 18 November 2024 at
//! 9:00 unless a row says otherwise.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;

/// La Semaine de l'industrie 2024, for the tests of the grammar and of its wording.
pub(crate) fn week() -> Week {
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

/// The folded words of a question, numeric dates spelled.
pub(crate) fn words(question: &str) -> Vec<String> {
    let text = spell_numeric_dates(question);
    crate::text::words(&text)
        .into_iter()
        .map(|(w, _, _)| w)
        .collect()
}

fn clock(now: &str) -> Clock {
    Clock {
        now: NaiveDateTime::parse_from_str(now, "%Y-%m-%d %H:%M").unwrap(),
        anchor: None,
    }
}

fn found(question: &str, clock: Clock) -> Result<Option<DateSlot>, Impossible> {
    find_dates(&words(question), clock, &week())
}

/// "from..to" read in `question` at `now` ("…" for an open end), or "-" for no date.
fn read_at(question: &str, now: &str) -> String {
    match found(question, clock(now)) {
        Ok(Some(slot)) if slot.open_ended() => format!("{}..…", slot.from),
        Ok(Some(slot)) if slot.from == slot.to => slot.from.to_string(),
        Ok(Some(slot)) => format!("{}..{}", slot.from, slot.to),
        Ok(None) => "-".into(),
        Err(e) => format!("{:?}", e.date),
    }
}

fn check(table: &[(&str, &str)], now: &str) {
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(question, expected)| {
            let got = read_at(question, now);
            (got != *expected).then(|| format!("{question:?}: expected {expected}, got {got}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const MONDAY: &str = "2024-11-18 09:00";
/// Duckling's reference time: Tuesday 12 February 2013, 4:30.
const TUESDAY: &str = "2013-02-12 04:30";

#[test]
fn days_relative_to_today() {
    check(
        &[
            ("aujourd'hui", "2024-11-18"),
            ("maintenant", "2024-11-18"),
            ("en ce moment", "2024-11-18"),
            ("demain", "2024-11-19"),
            ("après-demain", "2024-11-20"),
            ("hier", "2024-11-17"),
            ("avant-hier", "2024-11-16"),
            ("dans deux jours", "2024-11-20"),
            ("dans 7 jours", "2024-11-25"),
            ("dans une semaine", "2024-11-25"),
            ("dans un mois", "2024-12-18"),
            ("il y a trois jours", "2024-11-15"),
            ("dans 24 heures", "2024-11-19"),
            ("le lendemain", "2024-11-19"),
            ("la veille", "2024-11-17"),
            ("deux jours plus tard", "2024-11-20"),
            ("le lendemain du 21 novembre", "2024-11-22"),
            ("la veille du 21 novembre", "2024-11-20"),
        ],
        MONDAY,
    );
}

#[test]
fn the_day_of_the_conversation_anchors_la_veille_and_le_lendemain() {
    let mut at = clock(MONDAY);
    at.anchor = NaiveDate::from_ymd_opt(2024, 11, 21);
    let day = |q: &str| found(q, at).unwrap().unwrap().from.to_string();
    assert_eq!(day("et le lendemain ?"), "2024-11-22");
    assert_eq!(day("et la veille ?"), "2024-11-20");
    assert_eq!(day("demain"), "2024-11-19");
}

#[test]
fn weekdays() {
    check(
        &[
            ("lundi", "2013-02-18"),
            ("ce lundi", "2013-02-18"),
            ("mardi", "2013-02-19"),
            ("ce mardi", "2013-02-12"),
            ("mercredi prochain", "2013-02-13"),
            ("mardi prochain", "2013-02-19"),
            ("mercredi suivant", "2013-02-20"),
            ("mercredi de la semaine prochaine", "2013-02-20"),
            ("jeudi la semaine d'après", "2013-02-21"),
            ("lundi en huit", "2013-02-25"),
            ("mardi en 8", "2013-02-19"),
            ("mercredi en quinze", "2013-02-27"),
            ("lundi cette semaine", "2013-02-11"),
            ("dimanche dernier", "2013-02-10"),
            ("vendredi de la semaine dernière", "2013-02-08"),
            ("mercredi 13", "2013-02-13"),
            ("jeudi 15", "2013-08-15"),
            ("jeudi après 9h30", "2013-02-14"),
            ("à 3 heures cet après-midi", "2013-02-12"),
            ("3 heures suivantes", "2013-02-12"),
            ("le 20 2 2014", "2014-02-20"),
            (
                "la première semaine d'octobre 2014",
                "2014-10-06..2014-10-12",
            ),
            (
                "la dernière semaine de septembre 2014",
                "2014-09-22..2014-09-28",
            ),
            ("vendredi quinze à seize heures", "2013-02-15"),
        ],
        TUESDAY,
    );
}

#[test]
fn days_and_months() {
    check(
        &[
            ("le 21 novembre", "2024-11-21"),
            ("le jeudi 21 novembre", "2024-11-21"),
            ("21/11", "2024-11-21"),
            ("le 6/12/2024", "2024-12-06"),
            ("le 1er décembre", "2024-12-01"),
            ("premier mars", "2025-03-01"),
            ("le 14 novembre", "2024-11-14"),
            ("le 14 octobre", "2025-10-14"),
            ("le 14 novembre 2024", "2024-11-14"),
            ("17 02", "2025-02-17"),
            ("le 20 02 14", "2014-02-20"),
            ("31/10/74", "1974-10-31"),
            ("31 octobre 74", "1974-10-31"),
            ("2024-12-06", "2024-12-06"),
            ("le 29", "2024-11-29"),
            ("le 2", "2024-12-02"),
            ("le 3e jour de décembre", "2024-12-03"),
            ("le dernier jour de février 2025", "2025-02-28"),
            ("le 2 mars à 5h", "2025-03-02"),
        ],
        MONDAY,
    );
}

#[test]
fn weeks_and_weekends() {
    check(
        &[
            ("cette semaine", "2024-11-18..2024-11-24"),
            ("dans la semaine", "2024-11-18..2024-11-24"),
            ("la semaine prochaine", "2024-11-25..2024-12-01"),
            ("la semaine qui suit", "2024-11-25..2024-12-01"),
            ("la semaine dernière", "2024-11-11..2024-11-17"),
            ("la semaine du 2 décembre", "2024-12-02..2024-12-08"),
            (
                "la semaine juste après la semaine de l'industrie",
                "2024-11-25..2024-12-01",
            ),
            (
                "pendant la semaine de l'industrie",
                "2024-11-18..2024-11-24",
            ),
            ("en fin de semaine", "2024-11-21..2024-11-24"),
            ("en semaine", "2024-11-18..2024-11-22"),
            ("ce week-end", "2024-11-23..2024-11-24"),
            ("le week-end prochain", "2024-11-30..2024-12-01"),
            ("le premier week-end de décembre", "2024-12-07..2024-12-08"),
            ("le dernier week-end de novembre", "2024-11-23..2024-11-24"),
        ],
        MONDAY,
    );
}

#[test]
fn months_and_their_parts() {
    check(
        &[
            ("en décembre", "2024-12-01..2024-12-31"),
            ("au mois de mars", "2025-03-01..2025-03-31"),
            ("en décembre 2100", "2100-12-01..2100-12-31"),
            ("le mois prochain", "2024-12-01..2024-12-31"),
            ("le mois dernier", "2024-10-01..2024-10-31"),
            ("fin novembre", "2024-11-21..2024-11-30"),
            ("mi-novembre", "2024-11-10..2024-11-19"),
            ("vers la mi-décembre", "2024-12-10..2024-12-19"),
            ("début décembre", "2024-12-01..2024-12-05"),
            ("les premiers jours de décembre", "2024-12-01..2024-12-10"),
            ("la deuxième quinzaine de janvier", "2025-01-15..2025-01-31"),
            ("fin du mois de mars", "2025-03-21..2025-03-31"),
            ("en fin de mois", "2024-11-21..2024-11-30"),
            ("au début du mois", "2024-12-01..2024-12-10"),
            ("cette année", "2024-01-01..2024-12-31"),
            ("l'année prochaine", "2025-01-01..2025-12-31"),
            ("en fin d'année", "2024-11-01..2024-12-31"),
            ("cet hiver", "2024-12-21..2025-03-19"),
        ],
        MONDAY,
    );
}

#[test]
fn counts_of_days_weeks_and_months() {
    check(
        &[
            ("les 3 prochains jours", "2024-11-19..2024-11-21"),
            ("sur les trois prochains jours", "2024-11-19..2024-11-21"),
            ("les 2 derniers jours", "2024-11-16..2024-11-17"),
            ("dans les 15 jours", "2024-11-18..2024-12-03"),
            ("d'ici 2 semaines", "2024-11-18..2024-12-01"),
            ("les 2 prochaines semaines", "2024-11-25..2024-12-08"),
            ("les 2 prochains mois", "2024-12-01..2025-01-31"),
        ],
        MONDAY,
    );
}

#[test]
fn intervals() {
    check(
        &[
            ("du 18 au 22 novembre", "2024-11-18..2024-11-22"),
            ("du 18 novembre au 6 décembre", "2024-11-18..2024-12-06"),
            ("entre le 19 et le 21 novembre", "2024-11-19..2024-11-21"),
            ("du 20 au 22", "2024-11-20..2024-11-22"),
            ("entre le 20 et le vingt-deux", "2024-11-20..2024-11-22"),
            ("13-15 juillet", "2025-07-13..2025-07-15"),
            ("13 au 15 juillet", "2025-07-13..2025-07-15"),
            (
                "du samedi 13 au dimanche 15 juillet",
                "2025-07-13..2025-07-15",
            ),
            ("du 1er au dix juillet", "2025-07-01..2025-07-10"),
            ("du 28 au 3", "2024-11-28..2024-12-03"),
            ("14 - 20 sept. 2025", "2025-09-14..2025-09-20"),
        ],
        MONDAY,
    );
}

#[test]
fn open_ranges() {
    check(
        &[
            ("avant le 16 novembre", "2024-11-08..2024-11-15"),
            ("après le 22", "2024-11-22..…"),
            ("à partir de mercredi", "2024-11-13..…"),
            ("à partir du 20", "2024-11-20..…"),
            ("dès lundi", "2024-11-11..…"),
            ("jusqu'à jeudi", "2024-11-08..2024-11-14"),
            ("jusqu'au 12 novembre", "2024-11-08..2024-11-12"),
            ("d'ici vendredi", "2024-11-08..2024-11-15"),
            ("d'ici la fin du mois", "2024-11-08..2024-11-30"),
            ("après la semaine de l'industrie", "2024-11-25..…"),
        ],
        "2024-11-08 09:00",
    );
}

#[test]
fn parts_of_the_day_and_times() {
    let part = |q: &str| {
        found(q, clock(MONDAY))
            .unwrap()
            .map(|s| (s.from.to_string(), s.said, s.part))
    };
    let today = || "2024-11-18".to_string();
    assert_eq!(
        part("demain matin"),
        Some(("2024-11-19".into(), Said::Day, Some(PartOfDay::Morning)))
    );
    assert_eq!(
        part("jeudi après-midi").unwrap().2,
        Some(PartOfDay::Afternoon)
    );
    assert_eq!(
        part("ce soir"),
        Some((today(), Said::Day, Some(PartOfDay::Evening)))
    );
    assert_eq!(
        part("en fin d'après-midi"),
        Some((today(), Said::Day, Some(PartOfDay::Afternoon)))
    );
    assert_eq!(part("le matin").unwrap().1, Said::AnyDay);
    assert_eq!(
        part("à 15h"),
        Some((today(), Said::Day, Some(PartOfDay::Afternoon)))
    );
    assert_eq!(part("à 8h").unwrap().0, "2024-11-19");
    assert_eq!(part("minuit").unwrap().0, "2024-11-19");
    assert_eq!(
        part("8h du soir"),
        Some((today(), Said::Day, Some(PartOfDay::Evening)))
    );
    assert_eq!(
        part("le 21 novembre à 18h").unwrap().2,
        Some(PartOfDay::Evening)
    );
}

#[test]
fn holidays_and_seasons() {
    check(
        &[
            ("à Noël", "2024-12-25"),
            ("le soir de noël", "2024-12-24"),
            ("la Toussaint", "2025-11-01"),
            ("le jour de l'an", "2025-01-01"),
            ("à Pâques", "2025-04-20"),
            ("lundi de Pentecôte", "2025-06-09"),
            ("le 14 juillet", "2025-07-14"),
            ("cet été", "2025-06-21..2025-09-22"),
        ],
        MONDAY,
    );
}

#[test]
fn dates_that_do_not_exist_are_errors_never_other_dates() {
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
            found(question, clock(MONDAY)).map_err(|e| e.date),
            Err(expected),
            "{question}"
        );
    }
    assert_eq!(read_at("le 29 février 2024", MONDAY), "2024-02-29");
    assert_eq!(read_at("le 29 février", MONDAY), "2028-02-29");
}

#[test]
fn numbers_that_are_not_dates_are_left_alone() {
    for question in [
        "à moins de 30 km de Lyon",
        "j'ai 15 ans",
        "industrie 4.0",
        "dans le 29",
        "combien de recrutements en 2024",
        "un event vers 75012",
        "15e à paris",
        "lyon 2e",
        "des visites pour les lycéens",
        "les 3 premiers",
        "top 10 des métiers",
    ] {
        assert_eq!(read_at(question, MONDAY), "-", "{question}");
    }
}
