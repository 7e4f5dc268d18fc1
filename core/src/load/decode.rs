//! Decoding the tables of the data files into records, one record at a time so that
//! a bad record is reported with its file, position, id and field; assembling them
//! into `Knowledge`.

use super::*;

/// The parsed files of a data set: each TOML table with its path (`None` for a file
/// that could not be read or parsed), and the events when they were read fast.
pub(super) struct Tables {
    events: Option<(PathBuf, toml::Table)>,
    facts: Option<(PathBuf, toml::Table)>,
    portraits: Option<(PathBuf, toml::Table)>,
    week: Option<(PathBuf, toml::Table)>,
    thesaurus: Option<(PathBuf, toml::Table)>,
    fast_events: Option<Vec<Event>>,
}

/// Parses each file as TOML; events straight from the text when the file is valid
/// (fast, and little memory for large agendas); `cached_events` when given.
pub(super) fn tables(
    sources: &[(&Path, Option<&str>)],
    cached_events: Option<Vec<Event>>,
    problems: &mut Vec<Problem>,
) -> Tables {
    let from_cache = cached_events.is_some();
    let mut fast_events = cached_events;
    let mut parsed = sources.iter().enumerate().map(|(index, (path, text))| {
        let path = path.to_path_buf();
        let text = (*text)?;
        if index == 0 && from_cache {
            return Some((path, toml::Table::new()));
        }
        if index == 0
            && let Some(events) = events_by_chunks(text)
        {
            fast_events = Some(events);
            return Some((path, toml::Table::new()));
        }
        match text.parse::<toml::Table>() {
            Ok(table) => Some((path, table)),
            Err(err) => {
                let at = err
                    .span()
                    .and_then(|span| text.get(..span.start))
                    .map(|before| format!("line {}: ", before.lines().count().max(1)))
                    .unwrap_or_default();
                let message = format!("invalid TOML: {at}{}", err.message());
                problems.push(problem(&path, "", "", message));
                None
            }
        }
    });
    let mut next = || parsed.next().flatten();
    let (events, facts, portraits, week, thesaurus) = (next(), next(), next(), next(), next());
    drop(parsed);
    Tables {
        events,
        facts,
        portraits,
        week,
        thesaurus,
        fast_events,
    }
}

/// Decodes and checks every record of the files read: the knowledge, or every problem.
pub(super) fn assemble(
    sources: &[(&Path, Option<&str>)],
    fingerprint: u64,
    gazetteer: Result<std::sync::Arc<Gazetteer>, Vec<Problem>>,
    cached_events: Option<Vec<Event>>,
    mut problems: Vec<Problem>,
) -> Result<Knowledge, DataError> {
    let mut files = tables(sources, cached_events, &mut problems);
    let gazetteer = gazetteer.map_err(|found| problems.extend(found)).ok();
    let events: Vec<Event> = match files.fast_events.take() {
        Some(events) => events,
        None => records(files.events.as_ref(), "event", &mut problems),
    };
    let facts: Vec<Fact> = records(files.facts.as_ref(), "fact", &mut problems);
    let portraits: Vec<Portrait> = records(files.portraits.as_ref(), "portrait", &mut problems);
    let topics: Vec<Topic> = records(files.week.as_ref(), "topic", &mut problems);
    let thesaurus = thesaurus(files.thesaurus.as_ref(), &mut problems);
    let week: Option<Week> =
        files
            .week
            .as_ref()
            .and_then(|(path, table)| match table.get("week") {
                Some(value) => decode(path, "[week]", value, &mut problems),
                None => {
                    problems.push(problem(path, "[week]", "", "missing table [week]".into()));
                    None
                }
            });
    if let Some((path, _)) = &files.events {
        check_events(path, &events, &mut problems);
        if let Some(gazetteer) = &gazetteer {
            check_places(path, &events, gazetteer, &mut problems);
        }
    }
    if let Some((path, _)) = &files.facts {
        check_facts(path, &facts, &mut problems);
    }
    if let Some((path, _)) = &files.portraits {
        let ids = portraits.iter().map(|p| p.id.as_str());
        check_unique(path, "portrait", ids, &mut problems);
    }
    if let Some((path, _)) = &files.week {
        check_unique(
            path,
            "topic",
            topics.iter().map(|t| t.id.as_str()),
            &mut problems,
        );
    }
    match (week, gazetteer) {
        (Some(week), Some(gazetteer)) if problems.is_empty() => Ok(Knowledge {
            events,
            facts,
            portraits,
            week,
            topics,
            thesaurus,
            gazetteer,
            fingerprint,
        }),
        _ => Err(DataError::Invalid(problems)),
    }
}

pub(super) fn thesaurus(
    file: Option<&(PathBuf, toml::Table)>,
    problems: &mut Vec<Problem>,
) -> Thesaurus {
    let equivalences: Vec<Equivalence> = records(file, "equivalent", problems);
    let audiences: Vec<AudienceWords> = records(file, "audience", problems);
    let types: Vec<TypeWords> = records(file, "type", problems);
    let themes: Vec<Theme> = records(file, "theme", problems);
    let Some((path, table)) = file else {
        return Thesaurus::default();
    };
    let mut table_of = |key: &str| -> Option<toml::Value> {
        let value = table.get(key).cloned();
        if value.is_none() {
            problems.push(problem(
                path,
                &format!("[{key}]"),
                "",
                format!("missing table [{key}]"),
            ));
        }
        value
    };
    let (girls, online, sms) = (table_of("girls"), table_of("online"), table_of("sms"));
    let off_topic = table_of("off_topic");
    let girls: Words = girls
        .and_then(|v| decode(path, "[girls]", &v, problems))
        .unwrap_or_default();
    let online: Words = online
        .and_then(|v| decode(path, "[online]", &v, problems))
        .unwrap_or_default();
    let off_topic: Words = off_topic
        .and_then(|v| decode(path, "[off_topic]", &v, problems))
        .unwrap_or_default();
    let sms = sms
        .and_then(|v| decode(path, "[sms]", &v, problems))
        .unwrap_or_default();
    check_unique(
        path,
        "theme",
        themes.iter().map(|t| t.theme.as_str()),
        problems,
    );
    if let Some(extra) = themes.get(limits::THEMES) {
        problems.push(problem(
            path,
            &format!("theme #{} ({})", limits::THEMES + 1, extra.theme),
            "theme",
            format!(
                "at most {} themes: each event keeps its themes in one 64-bit set",
                limits::THEMES
            ),
        ));
    }
    Thesaurus {
        equivalences,
        audiences,
        girls,
        off_topic,
        types,
        online,
        themes,
        sms,
    }
}

pub(super) fn problem(file: &Path, record: &str, field: &str, message: String) -> Problem {
    Problem {
        file: file.to_path_buf(),
        record: record.to_string(),
        field: field.to_string(),
        message,
    }
}

/// Deserializes the array of tables `key` record by record.
pub(super) fn records<T: DeserializeOwned>(
    file: Option<&(PathBuf, toml::Table)>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let Some((path, table)) = file else {
        return Vec::new();
    };
    let Some(value) = table.get(key) else {
        problems.push(problem(path, "", "", format!("no [[{key}]] record")));
        return Vec::new();
    };
    let Some(array) = value.as_array() else {
        problems.push(problem(
            path,
            "",
            key,
            format!("expected [[{key}]] records"),
        ));
        return Vec::new();
    };
    array
        .iter()
        .enumerate()
        .filter_map(|(index, value)| {
            let id = value.get("id").and_then(|id| id.as_str());
            let record = match id {
                Some(id) => format!("{key} #{} ({id})", index + 1),
                None => format!("{key} #{}", index + 1),
            };
            decode(path, &record, value, problems)
        })
        .collect()
}

pub(super) fn decode<T: DeserializeOwned>(
    path: &Path,
    record: &str,
    value: &toml::Value,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match serde_path_to_error::deserialize(value.clone()) {
        Ok(decoded) => Some(decoded),
        Err(err) => {
            let field = err.path().to_string();
            let field = if field == "." { String::new() } else { field };
            // toml appends "in `field`" lines: the field is already named.
            let message = err.into_inner().to_string();
            let message = message.lines().next().unwrap_or_default().to_string();
            problems.push(problem(path, record, &field, message));
            None
        }
    }
}
