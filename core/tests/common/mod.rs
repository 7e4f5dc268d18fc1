//! Shared by the core's integration tests: the bundled data, loaded once, and a clock.

// Each test binary uses part of these helpers.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use boussole_core::Boussole;
use boussole_core::load::load;
use chrono::{DateTime, FixedOffset};

/// Boussole on the bundled data, with an in-memory index.
pub fn boussole() -> &'static Boussole {
    static BOUSSOLE: OnceLock<Boussole> = OnceLock::new();
    BOUSSOLE.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        Boussole::in_memory(load(&data).unwrap()).unwrap()
    })
}

/// Monday 18 November 2024, 9 am in Paris: the first day of the week.
pub fn now() -> DateTime<FixedOffset> {
    at("2024-11-18T09:00:00+01:00")
}

/// A clock.
pub fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap()
}

/// The ids of the events answering `question` on Monday 18 November 2024.
pub fn event_ids(question: &str) -> Vec<String> {
    boussole()
        .ask(question, now())
        .events
        .into_iter()
        .map(|e| e.id)
        .collect()
}
