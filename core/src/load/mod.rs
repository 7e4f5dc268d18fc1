//! Loading and checking a data directory.
//!
//! With the gazetteer and the index, the only part of the core that reads files. A data
//! directory holds `events.toml`, `facts.toml`, `portraits.toml`, `week.toml` and
//! `thesaurus.toml` (formats in `data/README.md`). Every record is deserialized on its
//! own, so one bad record is reported with its file, its position and id, and the field
//! at fault, and the other records are still checked.
//!
//! The entry point is [`load`]: a data directory in, [`Knowledge`] or every
//! [`Problem`] out. Its variants say what differs:
//!
//! | function | reads | for |
//! | --- | --- | --- |
//! | [`load`] | a data directory and its `gazetteer/` | the bundled data, tests |
//! | [`load_with`] | a data directory and a gazetteer elsewhere | tests, tools |
//! | [`load_layered`] | a data set, its missing files from the bundled data | an imported agenda |
//! | [`load_cached`] | the same, large agendas from a snapshot | the binary |
//! | [`parse`] | nothing: the files' texts are given | fuzzing, tests |
//!
//! By job: `decode.rs` (tables to records, assembling `Knowledge`), `check.rs` (the
//! checks of the records), `snapshot.rs` (the snapshot of parsed events, the
//! fingerprint of the files), `events_file.rs` (writing imported events:
//! [`write_events`]).

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

mod check;
mod decode;
mod events_file;
mod snapshot;

use check::*;
use decode::*;
use snapshot::*;

pub use events_file::{WriteError, events_text, write_events};
pub use snapshot::{SnapshotError, parse_snapshot};

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

/// Like [`load`], with the gazetteer taken from `gazetteer_dir` (a data set of events
/// that relies on the bundled gazetteer).
pub fn load_with(dir: &Path, gazetteer_dir: &Path) -> Result<Knowledge, DataError> {
    if !dir.is_dir() {
        return Err(DataError::MissingDirectory(dir.to_path_buf()));
    }
    let files: Vec<PathBuf> = DATA_FILES.iter().map(|name| dir.join(name)).collect();
    load_files(&files, gazetteer_dir, None)
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

#[cfg(test)]
mod tests {
    use super::events_file::write_events_file;
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
