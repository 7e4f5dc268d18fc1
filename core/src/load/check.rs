//! The checks of the records: unique ids, texts and links within `limits`, places
//! that agree with the gazetteer, facts with their sources.

use super::*;

pub(super) fn check_unique<'a>(
    path: &Path,
    key: &str,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Problem>,
) {
    let mut seen = HashSet::new();
    for (index, id) in ids.enumerate() {
        let record = format!("{key} #{} ({id})", index + 1);
        if id.trim().is_empty() {
            problems.push(problem(path, &record, "id", "empty id".into()));
        } else if !seen.insert(id) {
            problems.push(problem(path, &record, "id", format!("duplicate id {id:?}")));
        }
    }
}

pub(super) fn check_events(path: &Path, events: &[Event], problems: &mut Vec<Problem>) {
    check_unique(
        path,
        "event",
        events.iter().map(|e| e.id.as_str()),
        problems,
    );
    for (index, event) in events.iter().enumerate() {
        let record = format!("event #{} ({})", index + 1, event.id);
        let mut report = |field: &str, message: String| {
            problems.push(problem(path, &record, field, message));
        };
        check_texts(event, &mut report);
        check_id_and_links(event, &mut report);
        if event.audiences.is_empty() {
            report("audiences", "at least one audience is required".into());
        }
        if let Some(end) = event.end
            && end < event.start
        {
            report("end", "ends before it starts".into());
        }
        let place = &event.place;
        if !event.online {
            for (field, value) in [
                ("place.commune", place.commune.as_deref()),
                ("place.insee", place.insee.as_deref()),
                ("place.departement", place.departement.as_deref()),
                ("place.region", place.region.as_deref()),
            ] {
                if value.is_none_or(|v| v.trim().is_empty()) {
                    report(field, "required for an event that is not online".into());
                }
            }
            if place.lat.is_none() || place.lon.is_none() {
                report(
                    "place.lat",
                    "coordinates required for an event that is not online".into(),
                );
            }
        }
        match (place.lat, place.lon) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) {
                    report("place.lat", format!("latitude {lat} out of range"));
                }
                if !(-180.0..=180.0).contains(&lon) {
                    report("place.lon", format!("longitude {lon} out of range"));
                }
            }
            (Some(_), None) | (None, Some(_)) => {
                report("place.lat", "latitude and longitude go together".into());
            }
            (None, None) => {}
        }
        if let (Some(insee), Some(dep)) = (&place.insee, &place.departement)
            && !insee_matches_departement(insee, dep)
        {
            report(
                "place.insee",
                format!("INSEE code {insee} is not in département {dep}"),
            );
        }
    }
}

/// Checks an event's id (its charset and length, and that it ends its OpenAgenda link)
/// and its links (`http://` or `https://` only).
pub(super) fn check_id_and_links(event: &Event, report: &mut impl FnMut(&str, String)) {
    if !limits::valid_id(&event.id) {
        report(
            "id",
            format!(
                "expected 1 to {} letters, digits, '-' or '_', got {:?}",
                limits::ID_BYTES,
                limits::cut(&event.id, 40)
            ),
        );
    }
    if !limits::valid_link(&event.link) {
        report(
            "link",
            format!(
                "expected an http:// or https:// link, got {:?}",
                limits::cut(&event.link, 60)
            ),
        );
    } else if event.link.contains("openagenda.com")
        && event.link.trim_end_matches('/').rsplit('/').next() != Some(event.id.as_str())
    {
        report(
            "id",
            "must be the last path segment of the OpenAgenda link".into(),
        );
    }
    if let Some(bad) = event.registration.iter().find(|l| !limits::valid_link(l)) {
        report(
            "registration",
            format!(
                "expected http:// or https:// links, got {:?}",
                limits::cut(bad, 60)
            ),
        );
    }
}

/// Checks the texts of an event: present, within the bounds of [`limits`] (what a chat
/// message can show), and without control characters.
pub(super) fn check_texts(event: &Event, report: &mut impl FnMut(&str, String)) {
    let venue = event.place.venue.as_deref().unwrap_or("x");
    for (field, text, max) in [
        ("title", event.title.as_str(), limits::TITLE_CHARS),
        ("organizer", &event.organizer, limits::NAME_CHARS),
        ("description", &event.description, limits::DESCRIPTION_CHARS),
        ("place.venue", venue, limits::NAME_CHARS),
    ] {
        if text.trim().is_empty() {
            report(field, "must not be empty".into());
        } else if text.chars().count() > max {
            report(field, format!("longer than {max} characters"));
        } else if text.chars().any(|c| c.is_control() && c != '\n') {
            report(field, "holds a control character".into());
        }
    }
    for (field, items) in [
        (
            "partners",
            event
                .partners
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        ),
        ("themes", event.themes.iter().map(|t| &**t).collect()),
    ] {
        if items.len() > limits::LIST_ITEMS {
            report(field, format!("more than {} items", limits::LIST_ITEMS));
        }
        if items.iter().any(|i| i.chars().count() > limits::NAME_CHARS) {
            report(
                field,
                format!("an item is longer than {} characters", limits::NAME_CHARS),
            );
        }
    }
}

/// Checks each event's place against the gazetteer: the commune exists under its INSEE
/// code and name, its département and région are the commune's, and its coordinates lie
/// near the commune. A label of the source that contradicts the gazetteer is reported.
pub(super) fn check_places(
    path: &Path,
    events: &[Event],
    gazetteer: &Gazetteer,
    problems: &mut Vec<Problem>,
) {
    for (index, event) in events.iter().enumerate() {
        let record = format!("event #{} ({})", index + 1, event.id);
        let place = &event.place;
        let mut report = |field: &str, message: String| {
            problems.push(problem(path, &record, field, message));
        };
        let Some(insee) = &place.insee else {
            if let Some(region) = &place.region
                && gazetteer.region(region).is_none()
            {
                report("place.region", format!("unknown région code {region}"));
            }
            continue;
        };
        let Some(commune) = gazetteer.commune_by_insee(insee) else {
            report(
                "place.insee",
                format!("no commune has the INSEE code {insee}"),
            );
            continue;
        };
        if let Some(name) = &place.commune
            && key(name) != key(&commune.name)
        {
            report(
                "place.commune",
                format!("INSEE code {insee} is {}, not {name:?}", commune.name),
            );
        }
        check_areas(place, commune, gazetteer, &mut report);
        check_coordinates(place, commune, &mut report);
    }
}

/// The département and région of a place with an INSEE code: those of its commune.
pub(super) fn check_areas(
    place: &crate::model::Place,
    commune: &crate::places::Commune,
    gazetteer: &Gazetteer,
    report: &mut impl FnMut(&str, String),
) {
    let departement = gazetteer.departement(&commune.departement);
    if place.departement != Some(commune.departement) {
        report(
            "place.departement",
            format!(
                "{} is in département {} ({}), not {:?}",
                commune.name,
                commune.departement,
                departement.map_or("", |d| &*d.name),
                place.departement.as_deref().unwrap_or_default()
            ),
        );
    } else if let (Some(name), Some(d)) = (&place.departement_name, departement)
        && key(name) != key(&d.name)
    {
        report(
            "place.departement_name",
            format!("département {} is {}, not {name:?}", d.code, d.name),
        );
    }
    let region = gazetteer.region(&commune.region);
    if place.region != Some(commune.region) {
        report(
            "place.region",
            format!(
                "{} is in région {} ({}), not {:?}",
                commune.name,
                commune.region,
                region.map_or("", |r| &*r.name),
                place.region.as_deref().unwrap_or_default()
            ),
        );
    } else if let (Some(name), Some(r)) = (&place.region_name, region)
        && key(name) != key(&r.name)
    {
        report(
            "place.region_name",
            format!("région {} is {}, not {name:?}", r.code, r.name),
        );
    }
}

/// A place's coordinates: within reach of its commune.
pub(super) fn check_coordinates(
    place: &crate::model::Place,
    commune: &crate::places::Commune,
    report: &mut impl FnMut(&str, String),
) {
    if let (Some(lat), Some(lon)) = (place.lat, place.lon)
        && let Some(point) = crate::places::Point::new(lat, lon)
    {
        let limit = commune.reach_km();
        let km = point.distance_km(commune.point);
        if km > limit {
            report(
                "place.lat",
                format!(
                    "coordinates are {km:.0} km from {} (more than {limit:.0} km)",
                    commune.name
                ),
            );
        }
    }
}

/// Whether an INSEE commune code belongs to a département (`2B083` to `2B`, `97414` to
/// `974`, `29019` to `29`).
pub(super) fn insee_matches_departement(insee: &str, departement: &str) -> bool {
    insee.len() == 5 && insee.starts_with(departement)
}

pub(super) fn check_facts(path: &Path, facts: &[Fact], problems: &mut Vec<Problem>) {
    check_unique(path, "fact", facts.iter().map(|f| f.id.as_str()), problems);
    for (index, fact) in facts.iter().enumerate() {
        let record = format!("fact #{} ({})", index + 1, fact.id);
        let mut report = |field: &str, message: String| {
            problems.push(problem(path, &record, field, message));
        };
        if fact.cited_as.trim().is_empty() {
            report("cited_as", "every fact needs its source".into());
        }
        if !fact.statement.contains(&fact.figure) {
            report(
                "figure",
                format!("{:?} does not appear in the statement", fact.figure),
            );
        }
        if !(1900..=2100).contains(&fact.year) {
            report("year", format!("implausible year {}", fact.year));
        }
        if let Some(max) = fact.value_max
            && max < fact.value
        {
            report("value_max", "smaller than value".into());
        }
    }
}
