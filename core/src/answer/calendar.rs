//! iCalendar (RFC 5545) files for events: "Ajouter à mon agenda".
//!
//! Times are written in UTC (`DTSTART:20241122T080000Z`), converted from the venue's
//! time zone, which every calendar reads without a VTIMEZONE block; whole-day events use
//! `VALUE=DATE`. Text is escaped (backslash, semicolon, comma, newline) and lines are
//! folded at 75 octets without splitting a character, with CRLF line endings.

use chrono::{DateTime, Days, FixedOffset, NaiveTime, TimeZone, Utc};

use crate::answer::reply::where_line;
use crate::model::{Event, Moment};

/// The product identifier written in every file.
const PRODID: &str = "-//Boussole//Semaine de l'industrie//FR";

/// An iCalendar file with one event. `now` stamps it (DTSTAMP).
///
/// ```
/// use boussole_core::answer::calendar;
/// use boussole_core::load;
/// use chrono::DateTime;
///
/// let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
/// let knowledge = load::load(&data).unwrap();
/// let bercy = knowledge.event("bercy-fait-son-industrie-2024").unwrap();
/// let now = DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();
/// let ics = calendar::ics(bercy, now);
/// assert!(ics.contains("DTSTART:20241122T080000Z\r\n"));
/// assert!(ics.contains("DTEND:20241122T150000Z\r\n"));
/// ```
pub fn ics(event: &Event, now: DateTime<FixedOffset>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}@boussole.semaine-industrie", event.id),
        format!("DTSTAMP:{}", utc(now.with_timezone(&Utc))),
    ];
    match (event.start, event.end) {
        (Moment::At(start), end) => {
            let end = match end {
                Some(Moment::At(end)) => end,
                Some(Moment::Day(day)) => {
                    day.and_time(NaiveTime::from_hms_opt(23, 59, 0).unwrap_or_default())
                }
                None => start + chrono::Duration::hours(2),
            };
            lines.push(format!("DTSTART:{}", utc(local_to_utc(event, start))));
            lines.push(format!("DTEND:{}", utc(local_to_utc(event, end))));
        }
        (Moment::Day(first), _) => {
            let after_last = event.last_day() + Days::new(1);
            lines.push(format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")));
            lines.push(format!("DTEND;VALUE=DATE:{}", after_last.format("%Y%m%d")));
        }
    }
    lines.push(format!("SUMMARY:{}", escape(&event.title)));
    lines.push(format!("LOCATION:{}", escape(&where_line(event))));
    if let (Some(lat), Some(lon)) = (event.place.lat, event.place.lon) {
        lines.push(format!("GEO:{lat:.6};{lon:.6}"));
    }
    let description = format!(
        "{}\n\nOrganisé par {}.\n{}",
        event.description.trim(),
        event.organizer,
        event.link
    );
    lines.push(format!("DESCRIPTION:{}", escape(&description)));
    lines.push(format!("URL:{}", event.link));
    lines.push(format!(
        "ORGANIZER;CN={}:invalid:nomail",
        param(&event.organizer)
    ));
    lines.push("END:VEVENT".to_string());
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

fn local_to_utc(event: &Event, local: chrono::NaiveDateTime) -> DateTime<Utc> {
    event
        .timezone
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc))
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT escaping of RFC 5545 §3.3.11.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: quoted, without the characters a quoted value cannot hold.
fn param(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("\"{clean}\"")
}

/// Appends a content line folded at 75 octets (RFC 5545 §3.1), with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        fold(&line, &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
    }
}
