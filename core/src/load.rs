//! Loading and checking a data directory.
//!
//! This is the only module of the core that reads files. A data directory holds
//! `events.toml`, `facts.toml`, `portraits.toml`, `week.toml` and `thesaurus.toml`
//! (formats in `data/README.md`). Every record is deserialized on its own, so one bad
//! record is reported with its file, its position and id, and the field at fault, and
//! the other records are still checked.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::fingerprint::Fnv64;
use crate::limits;
use crate::model::{
    AudienceWords, Equivalence, Event, Fact, Knowledge, Portrait, Theme, Thesaurus, Topic,
    TypeWords, Week, Words,
};
use crate::places::{Gazetteer, key};
pub use crate::problem::Problem;

/// Why a data directory could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DataError {
    /// The data directory does not exist or is not a directory.
    #[error("data directory {0} not found")]
    MissingDirectory(PathBuf),
    /// One or more records are invalid.
    #[error("{} problem(s) in the data:\n{}", .0.len(), list(.0))]
    Invalid(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files a data directory is made of, in fingerprint order.
pub const DATA_FILES: [&str; 5] = [
    "events.toml",
    "facts.toml",
    "portraits.toml",
    "week.toml",
    "thesaurus.toml",
];

/// Loads and checks a data directory, with the gazetteer of its `gazetteer/`
/// subdirectory. Fails with every problem found, not only the first.
pub fn load(dir: &Path) -> Result<Knowledge, DataError> {
    load_with(dir, &dir.join("gazetteer"))
}

/// Loads a data directory whose missing files (and gazetteer) are taken from `fallback`:
/// an imported agenda (`events.toml` alone) served with the bundled facts, role models,
/// week, thesaurus and gazetteer.
pub fn load_layered(dir: &Path, fallback: &Path) -> Result<Knowledge, DataError> {
    load_cached(dir, fallback, None)
}

/// Like [`load_layered`], with a cache of parsed events in `cache` (the index root): a
/// large agenda whose files have not changed since the last start loads from a compact
/// snapshot instead of being parsed again. The snapshot is named by the fingerprint of
/// the files' bytes, so it is never stale.
pub fn load_cached(
    dir: &Path,
    fallback: &Path,
    cache: Option<&Path>,
) -> Result<Knowledge, DataError> {
    if !dir.is_dir() {
        return Err(DataError::MissingDirectory(dir.to_path_buf()));
    }
    let pick = |name: &str| {
        let own = dir.join(name);
        if own.exists() {
            own
        } else {
            fallback.join(name)
        }
    };
    let files: Vec<PathBuf> = DATA_FILES.iter().map(|name| pick(name)).collect();
    load_files_cached(&files, &pick("gazetteer"), cache)
}

/// The snapshot of parsed events for files of this fingerprint.
fn snapshot_path(cache: &Path, fingerprint: u64) -> PathBuf {
    cache.join(format!("events-{fingerprint:016x}.jsonl"))
}

/// Fingerprint of the data files' bytes, as [`Knowledge::fingerprint`].
fn fingerprint_of(files: &[PathBuf]) -> Option<u64> {
    let mut hasher = Fnv64::new();
    for (path, name) in files.iter().zip(DATA_FILES) {
        hasher.write(name.as_bytes());
        hash_file(&mut hasher, path).ok()?;
    }
    Some(hasher.finish())
}

/// Hashes a file's bytes piece by piece: a 100 MB agenda is never held in memory whole.
fn hash_file(hasher: &mut Fnv64, path: &Path) -> std::io::Result<()> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            return Ok(());
        }
        hasher.write(&buffer[..read]);
    }
}

fn load_files_cached(
    files: &[PathBuf],
    gazetteer_dir: &Path,
    cache: Option<&Path>,
) -> Result<Knowledge, DataError> {
    let Some(cache) = cache else {
        return load_files(files, gazetteer_dir, None);
    };
    let snapshot = fingerprint_of(files).map(|fp| snapshot_path(cache, fp));
    let cached: Option<Vec<Event>> = snapshot.as_ref().and_then(|path| read_snapshot(path));
    let mut from_cache = cached.is_some();
    let knowledge = match load_files(files, gazetteer_dir, cached) {
        // Events of a snapshot that fail the checks: the snapshot lied, the files decide.
        Err(DataError::Invalid(_)) if from_cache => {
            if let Some(path) = &snapshot {
                tracing::warn!(
                    "the events snapshot {} holds invalid events: the data is read again",
                    path.display()
                );
                let _ = std::fs::remove_file(path);
            }
            from_cache = false;
            load_files(files, gazetteer_dir, None)?
        }
        loaded => loaded?,
    };
    if !from_cache
        && knowledge.events.len() >= SNAPSHOT_MIN_EVENTS
        && let Some(path) = snapshot
    {
        // Best effort: a failed snapshot only costs the next start some time.
        let temporary = path.with_extension(format!("{}.tmp", std::process::id()));
        let written = std::fs::create_dir_all(cache).is_ok()
            && write_snapshot(&temporary, &knowledge.events).is_ok()
            && std::fs::rename(&temporary, &path).is_ok();
        if written {
            // Older snapshots are for data that changed since.
            for entry in std::fs::read_dir(cache).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with("events-")
                    && (name.ends_with(".jsonl") || name.ends_with(".json"))
                    && entry.path() != path
                {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        } else {
            let _ = std::fs::remove_file(&temporary);
            tracing::warn!("could not write the events snapshot {}", path.display());
        }
    }
    Ok(knowledge)
}

/// Writes a snapshot of parsed events: their count on the first line, then one event
/// per line in JSON.
fn write_snapshot(path: &Path, events: &[Event]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "{}", events.len())?;
    for event in events {
        serde_json::to_writer(&mut out, event)?;
        out.write_all(b"\n")?;
    }
    out.into_inner().map_err(|err| err.into_error())?.sync_all()
}

/// Reads a snapshot written by [`write_snapshot`]; `None` when there is none, or when
/// it is corrupt (then it is removed, with a warning: the data is parsed again and a new
/// snapshot written).
fn read_snapshot(path: &Path) -> Option<Vec<Event>> {
    let file = std::fs::File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    match parse_snapshot(std::io::BufReader::new(file), size) {
        Ok(events) => Some(events),
        Err(err) => {
            tracing::warn!(
                "the events snapshot {} is corrupt ({err}): the data is read again",
                path.display()
            );
            let _ = std::fs::remove_file(path);
            None
        }
    }
}

/// Why a snapshot of parsed events cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct SnapshotError {
    /// The line at fault (from 1).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The smallest line an event takes in a snapshot, in bytes: a count that would need
/// more bytes than the file has is a corrupt one, never an allocation.
const SNAPSHOT_MIN_LINE: u64 = 64;

/// Reads a snapshot of `size` bytes: the number of events on the first line, then one
/// event a line in JSON. The count is checked against the size before anything is
/// allocated; the events go into a vector of the right size from the start (a
/// 100,000-event agenda leaves no freed halves of a growing vector behind).
pub fn parse_snapshot(
    reader: impl std::io::BufRead,
    size: u64,
) -> Result<Vec<Event>, SnapshotError> {
    let fail = |line: usize, message: String| SnapshotError { line, message };
    let mut lines = reader.lines();
    let first = lines
        .next()
        .ok_or_else(|| fail(1, "empty".into()))?
        .map_err(|err| fail(1, err.to_string()))?;
    let count: u64 = first.trim().parse().map_err(|_| {
        fail(
            1,
            format!("expected a count, got {:?}", limits::cut(&first, 20)),
        )
    })?;
    if count.saturating_mul(SNAPSHOT_MIN_LINE) > size {
        return Err(fail(
            1,
            format!("{count} events cannot fit in {size} bytes"),
        ));
    }
    let mut events = Vec::with_capacity(count as usize);
    for (i, line) in lines.enumerate() {
        let line = line.map_err(|err| fail(i + 2, err.to_string()))?;
        if events.len() as u64 == count {
            return Err(fail(i + 2, format!("more than {count} events")));
        }
        let event = serde_json::from_str(&line).map_err(|err| fail(i + 2, err.to_string()))?;
        events.push(event);
    }
    if events.len() as u64 != count {
        return Err(fail(
            events.len() + 2,
            format!("{} events of {count}", events.len()),
        ));
    }
    Ok(events)
}

/// The events of an events file, parsed one `[[event]]` table at a time: parsing a
/// 100 MB agenda whole would hold a syntax tree ten times its size. `None` when the
/// file is not a plain list of `[[event]]` tables that all parse (the caller then reads
/// it record by record, for precise errors).
fn events_by_chunks(text: &str) -> Option<Vec<Event>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct EventsFile {
        #[serde(default)]
        event: Vec<Event>,
    }
    let mut starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "[[event]]" {
            starts.push(offset);
        }
        offset += line.len();
    }
    let header = &text[..starts.first().copied().unwrap_or(text.len())];
    let only_comments = header.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    });
    if !only_comments {
        return None;
    }
    let mut events = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let file: EventsFile = toml::from_str(&text[start..end]).ok()?;
        // A "[[event]]" line inside a multi-line string would split an event in two.
        if file.event.len() != 1 {
            return None;
        }
        events.extend(file.event);
    }
    Some(events)
}

/// Below this many events, parsing the TOML is as fast as reading a snapshot.
const SNAPSHOT_MIN_EVENTS: usize = 500;

/// Like [`load`], with the gazetteer taken from `gazetteer_dir` (a data set of events
/// that relies on the bundled gazetteer).
pub fn load_with(dir: &Path, gazetteer_dir: &Path) -> Result<Knowledge, DataError> {
    if !dir.is_dir() {
        return Err(DataError::MissingDirectory(dir.to_path_buf()));
    }
    let files: Vec<PathBuf> = DATA_FILES.iter().map(|name| dir.join(name)).collect();
    load_files(&files, gazetteer_dir, None)
}

/// Writes `events` as `dir/events.toml`, merged with the events already there (an
/// event of the same id is replaced; the others are kept in their order, new ones
/// appended). The file is replaced atomically: a failure leaves the previous one intact.
/// Returns how many events the file holds.
pub fn write_events(dir: &Path, events: Vec<Event>) -> Result<usize, WriteError> {
    let path = dir.join("events.toml");
    let mut merged: Vec<Event> = Vec::new();
    if path.exists() {
        let text = std::fs::read_to_string(&path).map_err(|source| WriteError::Io {
            path: path.clone(),
            source,
        })?;
        merged = match events_by_chunks(&text) {
            Some(events) => events,
            None => {
                // Not plainly readable: record by record, for the first problem's place.
                let table: toml::Table = text.parse().map_err(|err: toml::de::Error| {
                    WriteError::Existing(path.clone(), err.message().to_string())
                })?;
                let mut problems = Vec::new();
                let events = records(Some(&(path.clone(), table)), "event", &mut problems);
                if let Some(problem) = problems.into_iter().next() {
                    return Err(WriteError::Existing(path.clone(), problem.to_string()));
                }
                events
            }
        };
    }
    let mut position: std::collections::HashMap<String, usize> = merged
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    for event in events {
        match position.get(&event.id) {
            Some(&i) => merged[i] = event,
            None => {
                position.insert(event.id.clone(), merged.len());
                merged.push(event);
            }
        }
    }
    std::fs::create_dir_all(dir).map_err(|source| WriteError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let temporary = dir.join(format!(".events.toml.{}.tmp", std::process::id()));
    let io = |source| WriteError::Io {
        path: path.clone(),
        source,
    };
    write_events_file(&temporary, &merged).map_err(|err| {
        let _ = std::fs::remove_file(&temporary);
        match err {
            EventsFileError::Io(source) => io(source),
            EventsFileError::Toml(message) => WriteError::Existing(path.clone(), message),
        }
    })?;
    std::fs::rename(&temporary, &path).map_err(|source| {
        let _ = std::fs::remove_file(&temporary);
        WriteError::Io {
            path: path.clone(),
            source,
        }
    })?;
    Ok(merged.len())
}

enum EventsFileError {
    Io(std::io::Error),
    Toml(String),
}

/// Writes an events file one `[[event]]` table at a time (as [`events_by_chunks`] reads
/// it): a 100,000-event agenda is never held as one TOML document.
fn write_events_file(path: &Path, events: &[Event]) -> Result<(), EventsFileError> {
    let file = std::fs::File::create(path).map_err(EventsFileError::Io)?;
    let mut out = std::io::BufWriter::new(file);
    write_events_to(&mut out, events)?;
    let file = out
        .into_inner()
        .map_err(|err| EventsFileError::Io(err.into_error()))?;
    file.sync_all().map_err(EventsFileError::Io)
}

fn write_events_to(out: &mut impl std::io::Write, events: &[Event]) -> Result<(), EventsFileError> {
    #[derive(serde::Serialize)]
    struct File<'a> {
        event: &'a [Event],
    }
    out.write_all(b"# Events imported by `boussole import openagenda`. Format: data/README.md.\n")
        .map_err(EventsFileError::Io)?;
    for event in events {
        let table = toml::to_string(&File {
            event: std::slice::from_ref(event),
        })
        .map_err(|err| EventsFileError::Toml(format!("event {}: {err}", event.id)))?;
        out.write_all(b"\n").map_err(EventsFileError::Io)?;
        out.write_all(table.as_bytes())
            .map_err(EventsFileError::Io)?;
    }
    Ok(())
}

/// The text of an events file holding `events`, as [`write_events`] writes it (for
/// tests and fuzzing: what an import would write, without writing it).
pub fn events_text(events: &[Event]) -> Result<String, String> {
    let mut out = Vec::new();
    write_events_to(&mut out, events).map_err(|err| match err {
        EventsFileError::Io(err) => err.to_string(),
        EventsFileError::Toml(message) => message,
    })?;
    String::from_utf8(out).map_err(|err| err.to_string())
}

/// Why imported events could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// The existing events file is broken: it is left as it is.
    #[error("{0}: the existing file is invalid, nothing was written: {1}")]
    Existing(PathBuf, String),
}

/// Reads the files of a data set (the events from `cached_events` when given: the
/// events file is then only hashed) and its gazetteer, then parses and checks them.
fn load_files(
    files: &[PathBuf],
    gazetteer_dir: &Path,
    cached_events: Option<Vec<Event>>,
) -> Result<Knowledge, DataError> {
    let mut problems = Vec::new();
    let mut hasher = Fnv64::new();
    let mut texts: Vec<Option<String>> = Vec::with_capacity(files.len());
    for (index, (path, name)) in files.iter().zip(DATA_FILES).enumerate() {
        let cannot_read =
            |err: std::io::Error| problem(path, "", "", format!("cannot read the file: {err}"));
        hasher.write(name.as_bytes());
        if index == 0 && cached_events.is_some() {
            if let Err(err) = hash_file(&mut hasher, path) {
                problems.push(cannot_read(err));
            }
            texts.push(Some(String::new()));
            continue;
        }
        match std::fs::read_to_string(path) {
            Ok(text) => {
                hasher.write(text.as_bytes());
                texts.push(Some(text));
            }
            Err(err) => {
                problems.push(cannot_read(err));
                texts.push(None);
            }
        }
    }
    let gazetteer = Gazetteer::load(gazetteer_dir).map(std::sync::Arc::new);
    let sources: Vec<(&Path, Option<&str>)> = files
        .iter()
        .map(PathBuf::as_path)
        .zip(texts.iter().map(Option::as_deref))
        .collect();
    assemble(
        &sources,
        hasher.finish(),
        gazetteer,
        cached_events,
        problems,
    )
}

/// Parses and checks a data set from the texts of its files, in [`DATA_FILES`] order,
/// each with the path its problems name, with a gazetteer already loaded: what [`load`]
/// does once the files are read. No I/O.
pub fn parse(
    files: &[(PathBuf, String)],
    gazetteer: std::sync::Arc<Gazetteer>,
) -> Result<Knowledge, DataError> {
    if files.len() != DATA_FILES.len() {
        let message = format!("expected the texts of {}", DATA_FILES.join(", "));
        return Err(DataError::Invalid(vec![problem(
            Path::new(""),
            "",
            "",
            message,
        )]));
    }
    let mut hasher = Fnv64::new();
    for ((_, text), name) in files.iter().zip(DATA_FILES) {
        hasher.write(name.as_bytes());
        hasher.write(text.as_bytes());
    }
    let sources: Vec<(&Path, Option<&str>)> = files
        .iter()
        .map(|(path, text)| (path.as_path(), Some(text.as_str())))
        .collect();
    assemble(&sources, hasher.finish(), Ok(gazetteer), None, Vec::new())
}

/// The parsed files of a data set: each TOML table with its path (`None` for a file
/// that could not be read or parsed), and the events when they were read fast.
struct Tables {
    events: Option<(PathBuf, toml::Table)>,
    facts: Option<(PathBuf, toml::Table)>,
    portraits: Option<(PathBuf, toml::Table)>,
    week: Option<(PathBuf, toml::Table)>,
    thesaurus: Option<(PathBuf, toml::Table)>,
    fast_events: Option<Vec<Event>>,
}

/// Parses each file as TOML; events straight from the text when the file is valid
/// (fast, and little memory for large agendas); `cached_events` when given.
fn tables(
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
fn assemble(
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

fn thesaurus(file: Option<&(PathBuf, toml::Table)>, problems: &mut Vec<Problem>) -> Thesaurus {
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
    let girls: Words = girls
        .and_then(|v| decode(path, "[girls]", &v, problems))
        .unwrap_or_default();
    let online: Words = online
        .and_then(|v| decode(path, "[online]", &v, problems))
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
        types,
        online,
        themes,
        sms,
    }
}

fn problem(file: &Path, record: &str, field: &str, message: String) -> Problem {
    Problem {
        file: file.to_path_buf(),
        record: record.to_string(),
        field: field.to_string(),
        message,
    }
}

/// Deserializes the array of tables `key` record by record.
fn records<T: DeserializeOwned>(
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

fn decode<T: DeserializeOwned>(
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

fn check_unique<'a>(
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

fn check_events(path: &Path, events: &[Event], problems: &mut Vec<Problem>) {
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
fn check_id_and_links(event: &Event, report: &mut impl FnMut(&str, String)) {
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
fn check_texts(event: &Event, report: &mut impl FnMut(&str, String)) {
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
fn check_places(path: &Path, events: &[Event], gazetteer: &Gazetteer, problems: &mut Vec<Problem>) {
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
fn check_areas(
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
fn check_coordinates(
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
fn insee_matches_departement(insee: &str, departement: &str) -> bool {
    insee.len() == 5 && insee.starts_with(departement)
}

fn check_facts(path: &Path, facts: &[Fact], problems: &mut Vec<Problem>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insee_codes_match_their_departement() {
        assert!(insee_matches_departement("2B083", "2B"));
        assert!(insee_matches_departement("97414", "974"));
        assert!(insee_matches_departement("06088", "06"));
        assert!(!insee_matches_departement("02738", "975"));
    }

    #[test]
    fn events_files_parse_table_by_table() {
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/events.toml");
        let text = std::fs::read_to_string(bundled).unwrap();
        let events = events_by_chunks(&text).expect("the bundled events parse by chunks");
        assert_eq!(events.len(), 19);
        assert_eq!(events[0].id, "escape-gamelenergie-est-la-clef");

        // What chunks cannot tell apart goes to the record-by-record reader.
        assert!(events_by_chunks("title = \"stray\"\n[[event]]\nid = \"x\"\n").is_none());
        let split = "[[event]]\nid = \"a\"\ndescription = \"\"\"\n[[event]]\n\"\"\"\n";
        assert!(events_by_chunks(split).is_none());
        assert_eq!(
            events_by_chunks("# nothing yet\n").map(|e| e.len()),
            Some(0)
        );
    }

    #[test]
    fn written_events_files_read_back_table_by_table() {
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/events.toml");
        let events = events_by_chunks(&std::fs::read_to_string(bundled).unwrap()).unwrap();
        let path =
            std::env::temp_dir().join(format!("boussole-events-{}.toml", std::process::id()));
        assert!(write_events_file(&path, &events).is_ok());
        let text = std::fs::read_to_string(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        let read = events_by_chunks(&text).expect("a written file reads by chunks");
        let ids = |events: &[Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&read), ids(&events));
        assert_eq!(read[3].place.insee, events[3].place.insee);
        assert_eq!(read[3].description, events[3].description);
    }
}
