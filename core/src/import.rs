//! Importing OpenAgenda exports as Boussole events.
//!
//! Reads the OpenAgenda API v2 event lists (a JSON array, or the list envelope
//! `{"total", "events", "after"}`), the legacy JSON export (`timings` with `start`/`end`),
//! and the OpenDataSoft flat export (`title_fr`, `location_coordinates`,
//! `firstdate_begin`…, as JSON or CSV). Each record is mapped on its own: a bad record is
//! skipped with the field at fault, never the whole file. Only what Boussole needs is
//! copied: contributors' personal data (`member`, e-mail addresses, phone numbers) never
//! is.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use chrono_tz::Tz;
use serde_json::Value;

use crate::limits;
use crate::model::{Audience, Event, EventType, GeoPrecision, Moment, Name, Place, Set, Status};
use crate::places::{Code, Gazetteer};
use crate::progress::Progress;
use crate::understand::slots::{Slot, SlotMatcher};

/// The labels of an agenda's own choice fields, from its schema (`GET /v2/agendas/{uid}`).
#[derive(Clone, Debug, Default)]
pub struct Schema {
    fields: HashMap<String, HashMap<i64, String>>,
}

impl Schema {
    /// Reads an agenda as the API returns it (`schema.fields[].options[]`).
    pub fn parse(text: &str) -> Result<Schema, String> {
        let agenda: Value = serde_json::from_str(text).map_err(|err| format!("not JSON: {err}"))?;
        let fields = agenda
            .pointer("/schema/fields")
            .and_then(Value::as_array)
            .ok_or("no schema.fields: not an OpenAgenda agenda")?;
        let mut schema = Schema::default();
        for field in fields {
            let (Some(name), Some(options)) = (
                field.get("field").and_then(Value::as_str),
                field.get("options").and_then(Value::as_array),
            ) else {
                continue;
            };
            let labels = options
                .iter()
                .filter_map(|o| Some((o.get("id")?.as_i64()?, multilingual(o.get("label")?)?)))
                .collect();
            schema.fields.insert(name.to_string(), labels);
        }
        Ok(schema)
    }

    /// The label of option `id` of `field`.
    pub fn label(&self, field: &str, id: i64) -> Option<&str> {
        self.fields.get(field)?.get(&id).map(String::as_str)
    }

    /// Whether the schema defines `field` with options.
    pub fn has(&self, field: &str) -> bool {
        self.fields.contains_key(field)
    }
}

/// The result of importing one file.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// The events read.
    pub events: Vec<Event>,
    /// Records skipped, each with its file, record and field.
    pub skipped: Vec<String>,
    /// Records imported with a remark (cancelled, place not found in the gazetteer…).
    pub flagged: Vec<String>,
}

/// What a record needs for mapping.
pub struct Context<'a> {
    /// Labels of the agenda's choice fields.
    pub schema: Option<&'a Schema>,
    /// To check places.
    pub gazetteer: &'a Gazetteer,
    /// To map labels and keywords to audiences, types and themes.
    pub slots: &'a SlotMatcher,
    /// Told how many records are mapped.
    pub progress: &'a dyn Progress,
}

/// Reads one exported file. Fails only when the file itself is unreadable (not JSON nor
/// CSV, wrong shape, truncated); bad records are skipped and listed.
pub fn read(file: &str, text: &str, context: &Context) -> Result<Imported, String> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let records: Vec<Value> = if trimmed.starts_with('[') || trimmed.starts_with('{') {
        let value: Value = serde_json::from_str(trimmed).map_err(|err| {
            if err.is_eof() {
                format!("{file}: truncated JSON ({err})")
            } else {
                format!("{file}: not valid JSON ({err})")
            }
        })?;
        match value {
            Value::Array(records) => records,
            Value::Object(mut object) => {
                match object.remove("events").or_else(|| object.remove("records")) {
                    Some(Value::Array(records)) => records,
                    _ => {
                        return Err(format!(
                            "{file}: expected an array of events or an object with \"events\""
                        ));
                    }
                }
            }
            _ => return Err(format!("{file}: expected an array of events")),
        }
    } else {
        csv_records(trimmed).map_err(|err| format!("{file}: {err}"))?
    };
    let mut imported = Imported::default();
    context
        .progress
        .start(crate::progress::Task::Importing, records.len() as u64);
    let total = records.len() as u64;
    for (index, record) in records.into_iter().enumerate() {
        if (index as u64).is_multiple_of(crate::progress::EVERY) {
            context.progress.set(index as u64);
        }
        // OpenDataSoft's records export wraps each record in "fields".
        let record = match record.get("fields") {
            Some(fields) if fields.is_object() => fields.clone(),
            _ => record,
        };
        let uid = record
            .get("uid")
            .map(|u| match u {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .unwrap_or_default();
        let at = format!(
            "{file}: record #{} (uid {})",
            index + 1,
            if uid.is_empty() {
                "?".to_string()
            } else {
                limits::cut(&uid, 40)
            }
        );
        match map(&record, context) {
            Ok((event, remarks)) => {
                for remark in remarks {
                    imported.flagged.push(format!("{at}: {remark}"));
                }
                imported.events.push(event);
            }
            Err((field, message)) => {
                imported
                    .skipped
                    .push(format!("{at}: field `{field}`: {message}"));
            }
        }
    }
    context.progress.set(total);
    context.progress.finish();
    Ok(imported)
}

type MapError = (&'static str, String);

/// A multilingual value (`{"fr": ...}`) or a plain string, French first.
fn multilingual(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Object(map) => map
            .get("fr")
            .or_else(|| map.values().next())
            .and_then(Value::as_str)?
            .to_string(),
        _ => return None,
    };
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn field<'a>(record: &'a Value, names: &[&str]) -> Option<&'a Value> {
    names
        .iter()
        .find_map(|n| record.get(*n).filter(|v| !v.is_null()))
}

/// Markdown and HTML reduced to text.
fn plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '*' | '#' | '_' => {}
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An instant with any offset form: `+01:00`, `+0100`, `Z`, with milliseconds or not.
pub fn instant(text: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at);
    }
    // "+0100" → "+01:00" (the last five bytes, when they are ASCII).
    if let Some(split) = text.len().checked_sub(5)
        && split > 0
        && text.is_char_boundary(split)
    {
        let (head, tail) = text.split_at(split);
        if (tail.starts_with('+') || tail.starts_with('-'))
            && tail[1..].bytes().all(|b| b.is_ascii_digit())
        {
            let fixed = format!("{head}{}:{}", &tail[..3], &tail[3..]);
            if let Ok(at) = DateTime::parse_from_rfc3339(&fixed) {
                return Some(at);
            }
        }
    }
    // A space instead of "T".
    DateTime::parse_from_rfc3339(&text.replacen(' ', "T", 1)).ok()
}

fn local(at: DateTime<FixedOffset>, tz: Tz) -> NaiveDateTime {
    at.with_timezone(&tz).naive_local()
}

/// Maps one record to an event, with remarks (what was cut, replaced or flagged), or
/// the field that makes it unusable. Whatever it returns passes the data checks.
fn map(record: &Value, context: &Context) -> Result<(Event, Vec<String>), MapError> {
    let mut remarks = Vec::new();
    let location = field(record, &["location"]).cloned().unwrap_or(Value::Null);
    let uid = uid(record)?;
    let (id, link) = id_and_link(record, &location, &uid, &mut remarks);
    let title = field(record, &["title", "title_fr"])
        .and_then(multilingual)
        .map(|t| capped("title", &t, limits::TITLE_CHARS, &mut remarks))
        .filter(|t| !t.is_empty())
        .ok_or(("title", "missing or empty".to_string()))?;
    let description = description(record)
        .map(|d| capped("description", &d, limits::DESCRIPTION_CHARS, &mut remarks))
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| title.clone());
    let tz_name = field(record, &["timezone"])
        .or_else(|| location.get("timezone"))
        .and_then(Value::as_str)
        .unwrap_or("Europe/Paris");
    let timezone: Tz = tz_name.parse().map_err(|_| {
        let shown = limits::cut(tz_name, 40);
        ("timezone", format!("unknown time zone {shown:?}"))
    })?;
    let (start, end) = timings(record, timezone)?;
    let (online, status) = attendance_and_status(record, &mut remarks);
    let place = place(record, &location, online, context.gazetteer, &mut remarks)?;
    let (audiences, types, themes) = classify(record, context, &mut remarks);
    let organizer = field(record, &["originAgenda"])
        .and_then(|a| a.get("title"))
        .and_then(Value::as_str)
        .or_else(|| field(record, &["organizer", "originagenda_title"]).and_then(Value::as_str))
        .map(|o| capped("organizer", o, limits::NAME_CHARS, &mut remarks))
        .filter(|o| !o.is_empty())
        .unwrap_or_else(|| "OpenAgenda".to_string());
    let event = Event {
        id,
        title,
        organizer,
        partners: Vec::new(),
        description,
        link,
        start,
        end,
        timezone,
        online,
        status,
        audiences,
        mixite: false,
        types,
        themes: themes.into(),
        registration: registration(record),
        notes: remarks.clone(),
        place,
    };
    Ok((event, remarks))
}

/// The record's uid: a number or a string of letters, digits, `-` and `_`.
fn uid(record: &Value) -> Result<String, MapError> {
    let uid = match field(record, &["uid"]) {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(("uid", "missing".into())),
    };
    if !limits::valid_id(&uid) {
        return Err((
            "uid",
            format!(
                "invalid uid {:?}: expected 1 to {} letters, digits, '-' or '_'",
                limits::cut(&uid, 40),
                limits::ID_BYTES
            ),
        ));
    }
    Ok(uid)
}

/// The event's id and link: the OpenAgenda page's last path segment and the page, from
/// `canonicalUrl` when it is a valid link, else built from the agenda and the uid.
fn id_and_link(
    record: &Value,
    location: &Value,
    uid: &str,
    remarks: &mut Vec<String>,
) -> (String, String) {
    let canonical = field(record, &["canonicalUrl", "canonicalurl"]).and_then(Value::as_str);
    if let Some(link) = canonical {
        let segment = link.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        let openagenda = link.contains("openagenda.com");
        if limits::valid_link(link) && (!openagenda || limits::valid_id(segment)) {
            let id = if openagenda { segment } else { uid };
            return (id.to_string(), link.to_string());
        }
        remarks.push(format!(
            "lien {:?} refusé (ni http ni https valide) : lien OpenAgenda reconstruit",
            limits::cut(link, 60)
        ));
    }
    let agenda = field(record, &["originAgenda"])
        .and_then(|a| a.get("uid"))
        .or_else(|| location.get("agendaUid"))
        .map(|u| match u {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .filter(|a| limits::valid_id(a));
    let link = match agenda {
        Some(agenda) => format!("https://openagenda.com/agendas/{agenda}/events/{uid}"),
        None => format!("https://openagenda.com/events/{uid}"),
    };
    (uid.to_string(), link)
}

/// A text of the source made safe to show: invisible and control characters out, white
/// space collapsed, cut to `max` characters (said in `remarks`).
fn capped(field: &str, text: &str, max: usize, remarks: &mut Vec<String>) -> String {
    let text = crate::text::clean(text);
    if text.chars().count() > max {
        remarks.push(format!("{field} tronqué à {max} caractères"));
        return limits::cut(&text, max);
    }
    text
}

/// The long description, else the short one, as plain text.
fn description(record: &Value) -> Option<String> {
    let names = [
        "longDescription",
        "longdescription_fr",
        "description",
        "description_fr",
    ];
    field(record, &names)
        .and_then(multilingual)
        .or_else(|| field(record, &["description", "description_fr"]).and_then(multilingual))
        .map(|d| plain_text(&d))
}

/// Start and end: v2 `begin`/`end` timings, legacy `start`/`end`, OpenDataSoft
/// `firstdate_begin`/`lastdate_end`, in the venue's local time.
fn timings(record: &Value, timezone: Tz) -> Result<(Moment, Option<Moment>), MapError> {
    let mut spans: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)> = Vec::new();
    if let Some(timings) = field(record, &["timings"]).and_then(Value::as_array) {
        for (i, timing) in timings.iter().enumerate() {
            let begin = timing
                .get("begin")
                .or_else(|| timing.get("start"))
                .and_then(Value::as_str);
            let end = timing.get("end").and_then(Value::as_str);
            match (begin.and_then(instant), end.and_then(instant)) {
                (Some(b), Some(e)) => spans.push((b, e)),
                _ => {
                    return Err((
                        "timings",
                        format!("timing #{} has no valid begin and end", i + 1),
                    ));
                }
            }
        }
    } else if let Some(begin) =
        field(record, &["firstdate_begin", "firstDate"]).and_then(Value::as_str)
    {
        let end = field(record, &["lastdate_end", "lastDate"])
            .and_then(Value::as_str)
            .unwrap_or(begin);
        match (instant(begin), instant(end)) {
            (Some(b), Some(e)) => spans.push((b, e)),
            _ => {
                let shown = limits::cut(begin, 40);
                return Err(("firstdate_begin", format!("invalid date {shown:?}")));
            }
        }
    }
    let first = spans
        .iter()
        .map(|s| s.0)
        .min()
        .ok_or(("timings", "no timing".to_string()))?;
    let last = spans.iter().map(|s| s.1).max().unwrap_or(first);
    let start = local(first, timezone);
    // Local times can go back when clocks do (end of summer time): never before the start.
    let end = local(last.max(first), timezone).max(start);
    Ok((Moment::At(start), Some(Moment::At(end))))
}

/// Online or not, and the status (cancelled events are imported, never proposed).
fn attendance_and_status(record: &Value, remarks: &mut Vec<String>) -> (bool, Status) {
    let attendance = field(record, &["attendanceMode", "attendancemode"])
        .and_then(Value::as_i64)
        .unwrap_or(1);
    if attendance == 3 {
        remarks.push("mixte : sur place et en ligne".to_string());
    }
    let status = match field(record, &["status"])
        .and_then(Value::as_i64)
        .unwrap_or(1)
    {
        2 => Status::Rescheduled,
        3 => Status::MovedOnline,
        4 => Status::Postponed,
        5 => Status::Full,
        6 => Status::Cancelled,
        _ => Status::Scheduled,
    };
    if status == Status::Cancelled {
        remarks.push("annulé : importé mais jamais proposé".into());
    } else if status == Status::Postponed {
        remarks.push("reporté".into());
    }
    (attendance == 2, status)
}

/// A text of the location or of the record, first of `keys` present.
fn location_text(location: &Value, record: &Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        location
            .get(*k)
            .or_else(|| record.get(*k))
            .and_then(|v| match v {
                Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
    })
}

/// Latitude and longitude, from `location` or OpenDataSoft's `location_coordinates`.
fn coordinates(record: &Value, location: &Value) -> (Option<f64>, Option<f64>) {
    let number = |key: &str| {
        location
            .get(key)
            .or_else(|| record.get(key))
            .and_then(Value::as_f64)
    };
    match record.get("location_coordinates") {
        Some(Value::Object(c)) => (
            c.get("lat").and_then(Value::as_f64),
            c.get("lon").and_then(Value::as_f64),
        ),
        Some(Value::Array(c)) if c.len() == 2 => (c[0].as_f64(), c[1].as_f64()),
        Some(Value::String(c)) => {
            let mut parts = c.split(',').map(|p| p.trim().parse::<f64>().ok());
            (parts.next().flatten(), parts.next().flatten())
        }
        _ => (number("latitude"), number("longitude")),
    }
}

/// The place: the commune from the INSEE code (checked against the gazetteer), else
/// from the postal code and city; département and région from the commune.
fn place(
    record: &Value,
    location: &Value,
    online: bool,
    gazetteer: &Gazetteer,
    remarks: &mut Vec<String>,
) -> Result<Place, MapError> {
    let text_of = |keys: &[&str]| location_text(location, record, keys);
    let mut place = Place {
        venue: text_of(&["name", "location_name"])
            .map(|v| capped("venue", &v, limits::NAME_CHARS, remarks))
            .filter(|v| !v.is_empty()),
        commune: text_of(&["city", "location_city"])
            .map(|c| Name::from(limits::cut(&crate::text::clean(&c), limits::NAME_CHARS).as_str())),
        postcode: text_of(&["postalCode", "location_postalcode"]).and_then(|p| Code::new(&p)),
        ..Place::default()
    };
    let insee = text_of(&["insee", "location_insee"]);
    let commune = insee
        .as_deref()
        .and_then(|code| gazetteer.commune_by_insee(code))
        .or_else(|| {
            // No or unknown INSEE code: the postal code and the city name.
            let postcode = place.postcode.as_deref()?;
            let city = crate::places::key(place.commune.as_deref()?);
            gazetteer
                .communes_by_postcode(postcode)
                .iter()
                .map(|&i| gazetteer.commune(i))
                .find(|c| crate::places::key(&c.name) == city)
        });
    let Some(c) = commune else {
        if online {
            return Ok(place);
        }
        return Err((
            "location.insee",
            format!(
                "no commune found for INSEE code {:?}, postal code {:?} and city {:?}",
                limits::cut(&insee.unwrap_or_default(), 20),
                place.postcode.as_deref().unwrap_or_default(),
                limits::cut(place.commune.as_deref().unwrap_or_default(), 60)
            ),
        ));
    };
    if let Some(code) = insee.as_deref().filter(|code| *code != &*c.insee) {
        remarks.push(format!(
            "code INSEE {} inconnu : commune retrouvée par code postal",
            limits::cut(code, 20)
        ));
    }
    place.insee = Some(c.insee);
    place.commune = Some(Name::from(&*c.name));
    place.departement = Some(c.departement);
    place.departement_name = gazetteer
        .departement(&c.departement)
        .map(|d| Name::from(&*d.name));
    place.region = Some(c.region);
    place.region_name = gazetteer.region(&c.region).map(|r| Name::from(&*r.name));
    locate(&mut place, c, coordinates(record, location), remarks);
    Ok(place)
}

/// The venue's coordinates when they lie near its commune, else the commune's.
fn locate(
    place: &mut Place,
    commune: &crate::places::Commune,
    (lat, lon): (Option<f64>, Option<f64>),
    remarks: &mut Vec<String>,
) {
    let located = lat
        .zip(lon)
        .and_then(|(la, lo)| crate::places::Point::new(la, lo));
    let point = match located {
        Some(p) if p.distance_km(commune.point) <= commune.reach_km() => {
            place.geo_precision = Some(GeoPrecision::Venue);
            p
        }
        other => {
            if other.is_some() {
                remarks.push(format!(
                    "coordonnées loin de {} : remplacées par celles de la commune",
                    commune.name
                ));
            }
            place.geo_precision = Some(GeoPrecision::Commune);
            commune.point
        }
    };
    place.lat = Some(point.lat);
    place.lon = Some(point.lon);
}

/// Audiences, types and themes: the age range, the agenda's choice fields (through its
/// schema) and the keywords, mapped through the thesaurus. At most
/// [`limits::LIST_ITEMS`] themes, each at most [`limits::NAME_CHARS`] characters.
fn classify(
    record: &Value,
    context: &Context,
    remarks: &mut Vec<String>,
) -> (Set<Audience>, Set<EventType>, Vec<Name>) {
    let mut audiences = ages(record);
    let mut types: Set<EventType> = Set::new();
    let mut themes: Vec<Name> = Vec::new();
    let labels = choice_labels(record, context.schema);
    let keywords = keywords(record);
    let mut dropped = 0;
    for text in labels.iter().chain(&keywords) {
        let text = limits::cut(&crate::text::clean(text), limits::NAME_CHARS);
        let words: Vec<String> = crate::text::words(&text)
            .into_iter()
            .map(|(w, _, _)| w)
            .collect();
        for found in context.slots.find(&words) {
            match found.slot {
                Slot::Audience(a) => audiences.insert(a),
                Slot::Type(t) => types.insert(t),
                _ => {}
            }
        }
        if text.is_empty() || themes.iter().any(|t| t == text.as_str()) {
            continue;
        }
        if themes.len() < limits::LIST_ITEMS {
            themes.push(Name::from(text.as_str()));
        } else {
            dropped += 1;
        }
    }
    if dropped > 0 {
        remarks.push(format!(
            "{dropped} mot(s)-clé(s) de plus que {} laissé(s) de côté",
            limits::LIST_ITEMS
        ));
    }
    if audiences.is_empty() {
        audiences.insert(Audience::GrandPublic);
    }
    (audiences, types, themes)
}

/// Audiences of the age range (`age.min`, `age.max`), if the record gives one.
fn ages(record: &Value) -> Set<Audience> {
    let mut audiences = Set::new();
    let Some(age) = field(record, &["age"]) else {
        return audiences;
    };
    let given = |key: &str| age.get(key).is_some_and(|v| !v.is_null());
    if !(given("min") || given("max")) {
        return audiences;
    }
    let min = age.get("min").and_then(Value::as_i64).unwrap_or(0);
    let max = age.get("max").and_then(Value::as_i64).unwrap_or(120);
    for (audience, from, to) in [
        (Audience::Collegiens, 11, 15),
        (Audience::Lyceens, 15, 18),
        (Audience::Etudiants, 18, 25),
    ] {
        if min <= to && max >= from {
            audiences.insert(audience);
        }
    }
    audiences
}

/// The labels of the agenda's choice fields the record sets (through its schema).
fn choice_labels(record: &Value, schema: Option<&Schema>) -> Vec<String> {
    let (Some(schema), Some(object)) = (schema, record.as_object()) else {
        return Vec::new();
    };
    let mut labels = Vec::new();
    for (name, value) in object {
        if !schema.has(name) || ["attendanceMode", "status"].contains(&name.as_str()) {
            continue;
        }
        let ids: Vec<i64> = match value {
            Value::Number(n) => n.as_i64().into_iter().collect(),
            Value::Array(values) => values.iter().filter_map(Value::as_i64).collect(),
            _ => Vec::new(),
        };
        labels.extend(
            ids.iter()
                .filter_map(|&id| schema.label(name, id))
                .map(str::to_string),
        );
    }
    labels
}

/// The keywords: `{"fr": [...]}`, a list, or a `,`/`;` separated string.
fn keywords(record: &Value) -> Vec<String> {
    match field(record, &["keywords", "keywords_fr", "tags"]) {
        Some(Value::Object(map)) => map
            .get("fr")
            .or_else(|| map.values().next())
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        Some(Value::Array(values)) => values
            .iter()
            .filter_map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or_else(|| v.get("label").and_then(multilingual))
            })
            .collect(),
        Some(Value::String(s)) => s
            .split([',', ';'])
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// Registration links (http or https only, at most [`limits::LIST_ITEMS`]).
fn registration(record: &Value) -> Vec<String> {
    field(record, &["registration"])
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter(|r| r.get("type").and_then(Value::as_str) == Some("link"))
                .filter_map(|r| r.get("value").and_then(Value::as_str))
                .filter(|v| limits::valid_link(v))
                .take(limits::LIST_ITEMS)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Parses CSV (OpenDataSoft exports use `;`) into one JSON object a row.
fn csv_records(text: &str) -> Result<Vec<Value>, String> {
    let mut rows = csv_rows(text)?;
    if rows.is_empty() {
        return Err("empty file".into());
    }
    let header = rows.remove(0);
    if !header.iter().any(|h| h == "uid") {
        return Err("neither JSON nor a CSV export with a \"uid\" column".into());
    }
    Ok(rows
        .into_iter()
        .filter(|row| row.iter().any(|c| !c.is_empty()))
        .map(|row| {
            let object = header
                .iter()
                .zip(row)
                .filter(|(_, value)| !value.is_empty())
                .map(|(name, value)| {
                    let value = match name.as_str() {
                        "attendancemode" | "status" => value
                            .parse::<i64>()
                            .map(Value::from)
                            .unwrap_or(Value::String(value)),
                        _ => Value::String(value),
                    };
                    (name.clone(), value)
                })
                .collect();
            Value::Object(object)
        })
        .collect())
}

/// RFC 4180 rows, `;` or `,` separated (whichever the header uses), quotes doubled.
fn csv_rows(text: &str) -> Result<Vec<Vec<String>>, String> {
    let first_line = text.lines().next().unwrap_or_default();
    let separator = if first_line.matches(';').count() >= first_line.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == separator && !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if quoted {
        return Err("truncated CSV (an opening quote is never closed)".into());
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_in_every_offset_form() {
        for text in [
            "2024-11-21T09:00:00+01:00",
            "2024-11-21T09:00:00+0100",
            "2024-11-21T08:00:00Z",
            "2024-11-21T08:00:00.000Z",
            "2024-11-21 09:00:00+01:00",
        ] {
            let at = instant(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(at.timestamp(), 1_732_176_000, "{text}");
        }
        assert!(instant("jeudi").is_none());
    }

    #[test]
    fn csv_with_quotes_and_semicolons() {
        let rows = csv_rows("uid;title_fr\n1;\"Visite; usine \"\"A\"\"\"\n").unwrap();
        assert_eq!(rows[1], ["1", "Visite; usine \"A\""]);
        assert!(csv_rows("uid;title\n1;\"open").is_err());
    }

    #[test]
    fn markup_is_reduced_to_text() {
        assert_eq!(
            plain_text("<p>Une **visite**</p>\n\n## Programme"),
            "Une visite Programme"
        );
    }
}
