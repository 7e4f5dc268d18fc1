//! Names of the kinds of things users read: audiences, event types, parts of the day.

use crate::model::{Audience, EventType};
use crate::progress::Task;
use crate::understand::dates::PartOfDay;

/// An audience, plural, as shown to users: its French name ("collégiens", "demandeurs
/// d'emploi"), the one questions use.
pub fn audience(audience: Audience) -> &'static str {
    audience.words()
}

/// An event type, as shown to users: "escape game", "conférence, table ronde".
pub fn event_type(kind: EventType) -> &'static str {
    match kind {
        EventType::Visite => "visite",
        EventType::JobDating => "job dating",
        EventType::Forum => "forum, salon",
        EventType::EscapeGame => "escape game",
        EventType::Atelier => "atelier",
        EventType::Conference => "conférence, table ronde",
        EventType::PortesOuvertes => "portes ouvertes",
        EventType::Exposition => "exposition",
        EventType::Concours => "concours, défi",
    }
}

/// "le matin", "l'après-midi", "le soir".
pub fn part_of_day(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::Morning => "le matin",
        PartOfDay::Afternoon => "l'après-midi",
        PartOfDay::Evening => "le soir",
    }
}

/// A long task, as the binary's progress bars name it.
pub fn task(task: Task) -> &'static str {
    match task {
        Task::Indexing => "indexation des événements",
        Task::Importing => "import des événements",
    }
}
