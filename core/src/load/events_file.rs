//! Writing an events file: imported events merged into a data set atomically, one
//! `[[event]]` table at a time.

use super::*;

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

pub(super) enum EventsFileError {
    Io(std::io::Error),
    Toml(String),
}

/// Writes an events file one `[[event]]` table at a time (as [`events_by_chunks`] reads
/// it): a 100,000-event agenda is never held as one TOML document.
pub(super) fn write_events_file(path: &Path, events: &[Event]) -> Result<(), EventsFileError> {
    let file = std::fs::File::create(path).map_err(EventsFileError::Io)?;
    let mut out = std::io::BufWriter::new(file);
    write_events_to(&mut out, events)?;
    let file = out
        .into_inner()
        .map_err(|err| EventsFileError::Io(err.into_error()))?;
    file.sync_all().map_err(EventsFileError::Io)
}

pub(super) fn write_events_to(
    out: &mut impl std::io::Write,
    events: &[Event],
) -> Result<(), EventsFileError> {
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
