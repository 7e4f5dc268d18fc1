//! A problem found in a data file, named by file, record and field: what loading the
//! data, the gazetteer and imports report. A leaf: this module imports nothing of the
//! crate.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub file: PathBuf,
    /// The record: `event #3 (brest-industy-9361782)`, or empty for the whole file.
    pub record: String,
    /// The field at fault (`place.lat`), or empty.
    pub field: String,
    /// What is wrong, in English.
    pub message: String,
}

impl Problem {
    /// A problem in `file`, at `record` (may be empty), in `field` (may be empty).
    pub fn new(file: &Path, record: &str, field: &str, message: String) -> Problem {
        Problem {
            file: file.to_path_buf(),
            record: record.to_string(),
            field: field.to_string(),
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if !self.record.is_empty() {
            write!(f, ": {}", self.record)?;
        }
        if !self.field.is_empty() {
            write!(f, ": field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}
