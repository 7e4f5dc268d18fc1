//! Conversation state: what a follow-up ("le 2", "suivants", "et à Nice ?") refers to.
//!
//! A [`Conversation`] holds the last request and its results, nothing else: no message
//! text, no user id. The adapters keep one per chat, bounded in number and age.

use crate::understand::Request;

/// What a conversation remembers between two messages.
#[derive(Clone, Debug, Default)]
pub struct Conversation {
    pub(crate) last: Option<LastSearch>,
}

/// The last list of events shown.
#[derive(Clone, Debug)]
pub(crate) struct LastSearch {
    /// The request, as understood (refinements apply to it).
    pub request: Request,
    /// Ids of all the events found, in order.
    pub ids: Vec<String>,
    /// The page shown (from 0).
    pub page: usize,
    /// A position the user shared, when the search was around it.
    pub position: Option<crate::places::Point>,
    /// The radius used around a position.
    pub radius_km: Option<f64>,
}

impl Conversation {
    /// A new conversation.
    pub fn new() -> Conversation {
        Conversation::default()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.last = None;
    }

    /// Whether a list of results is remembered.
    pub fn has_results(&self) -> bool {
        self.last.as_ref().is_some_and(|l| !l.ids.is_empty())
    }
}
