//! The snapshot of a large agenda's parsed events, beside its indexes (JSON lines,
//! named by the fingerprint of the data files' bytes, so never stale), and the
//! fingerprint itself.

use super::*;

/// The snapshot of parsed events for files of this fingerprint.
pub(super) fn snapshot_path(cache: &Path, fingerprint: u64) -> PathBuf {
    cache.join(format!("events-{fingerprint:016x}.jsonl"))
}

/// Fingerprint of the data files' bytes, as [`Knowledge::fingerprint`].
pub(super) fn fingerprint_of(files: &[PathBuf]) -> Option<u64> {
    let mut hasher = Fnv64::new();
    for (path, name) in files.iter().zip(DATA_FILES) {
        hasher.write(name.as_bytes());
        hash_file(&mut hasher, path).ok()?;
    }
    Some(hasher.finish())
}

/// Hashes a file's bytes piece by piece: a 100 MB agenda is never held in memory whole.
pub(super) fn hash_file(hasher: &mut Fnv64, path: &Path) -> std::io::Result<()> {
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

pub(super) fn load_files_cached(
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
pub(super) fn write_snapshot(path: &Path, events: &[Event]) -> std::io::Result<()> {
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
pub(super) fn read_snapshot(path: &Path) -> Option<Vec<Event>> {
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
pub(super) const SNAPSHOT_MIN_LINE: u64 = 64;

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
pub(super) fn events_by_chunks(text: &str) -> Option<Vec<Event>> {
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
pub(super) const SNAPSHOT_MIN_EVENTS: usize = 500;
