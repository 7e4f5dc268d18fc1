//! Progress of long tasks (building the index of a large agenda, importing one): the core
//! counts steps, whoever runs it draws them. The binary draws bars in a terminal
//! (indicatif) and nothing when its output is piped; tests and libraries pass [`Silent`].

/// A long task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Building the search index of the events.
    Indexing,
    /// Importing an agenda's events.
    Importing,
}

/// Receives the progress of long tasks, one task at a time.
pub trait Progress {
    /// A task begins, with `total` steps (indexing, 100,000 events).
    fn start(&self, task: Task, total: u64);
    /// `done` steps of the current task are done.
    fn set(&self, done: u64);
    /// The current task is over.
    fn finish(&self);
}

/// No report.
#[derive(Clone, Copy, Debug, Default)]
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _task: Task, _total: u64) {}
    fn set(&self, _done: u64) {}
    fn finish(&self) {}
}

/// How many steps pass between two reports: reporting costs nothing next to the work.
pub const EVERY: u64 = 1_000;
