//! Calendar files, parsed back with the `icalendar` crate.

mod common;

use boussole_core::answer::calendar::ics;
use common::{boussole, now};
use icalendar::parser::{read_calendar, unfold};

fn prop(text: &str, name: &str) -> String {
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).expect("a valid iCalendar file");
    let event = calendar
        .components
        .iter()
        .find(|c| c.name == "VEVENT")
        .expect("a VEVENT");
    event
        .find_prop(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .val
        .as_str()
        .to_string()
}

#[test]
fn a_timed_event_in_paris() {
    let event = boussole()
        .knowledge()
        .event("bercy-fait-son-industrie-2024")
        .unwrap();
    let text = ics(event, now());
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(text.lines().all(|l| l.len() <= 76), "lines are folded");
    assert_eq!(
        prop(&text, "UID"),
        "bercy-fait-son-industrie-2024@boussole.semaine-industrie"
    );
    assert_eq!(prop(&text, "DTSTAMP"), "20241118T080000Z");
    assert_eq!(
        prop(&text, "DTSTART"),
        "20241122T080000Z",
        "9 h in Paris is 8 h UTC"
    );
    assert_eq!(prop(&text, "DTEND"), "20241122T150000Z");
    assert_eq!(prop(&text, "SUMMARY"), "Bercy fait son industrie");
    assert!(prop(&text, "LOCATION").contains("139 rue de Bercy"));
    assert!(prop(&text, "GEO").starts_with("48.83"));
    assert!(prop(&text, "DESCRIPTION").contains("Formula E"));
    assert_eq!(prop(&text, "URL"), event.link);
}

#[test]
fn whole_days_and_multi_day_events() {
    let brest = boussole()
        .knowledge()
        .event("brest-industy-9361782")
        .unwrap();
    let text = ics(brest, now());
    assert!(text.contains("DTSTART;VALUE=DATE:20241121\r\n"), "{text}");
    assert!(text.contains("DTEND;VALUE=DATE:20241122\r\n"), "{text}");
    let online = boussole()
        .knowledge()
        .event("forindustrie-lunivers-extraordinaire")
        .unwrap();
    let text = ics(online, now());
    assert!(text.contains("DTEND;VALUE=DATE:20241207\r\n"), "{text}");
    assert!(!text.contains("GEO:"), "no position online");
}

#[test]
fn text_with_commas_and_semicolons_round_trips() {
    let event = boussole()
        .knowledge()
        .event("escape-game-de-la-metallurgie-azureenne")
        .unwrap();
    let text = ics(event, now());
    assert!(
        text.contains("LOCATION:Campus Sud des Métiers\\, CCI"),
        "commas are escaped in the file"
    );
    let location = prop(&text, "LOCATION").replace("\\,", ",");
    assert_eq!(
        location,
        "Campus Sud des Métiers, CCI Nice Côte d'Azur, Nice (Alpes-Maritimes)"
    );
    assert!(prop(&text, "DESCRIPTION").contains("Mission Locale de Nice"));
}
