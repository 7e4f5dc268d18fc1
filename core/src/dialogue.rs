//! Conversation state: what a follow-up ("le 2", "suivants", "et à Nice ?") refers to.
//!
//! A [`Conversation`] holds the last request and its results, nothing else: no message
//! text, no user id. The adapters keep one per chat, bounded in number and age.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::time::{Duration, Instant};

use crate::action::{EventKey, SearchHandle};
use crate::understand::Request;

/// How many results of the last list a conversation remembers: [`crate::limits::REMEMBERED`].
pub const MAX_REMEMBERED: usize = crate::limits::REMEMBERED;

/// How many searches a conversation remembers, the last one included: the buttons of
/// that many lists still work ("Suivants", "Plus loin" on an older message).
pub const MAX_SEARCHES: usize = 4;

/// What a conversation remembers between two messages.
#[derive(Clone, Debug, Default)]
pub struct Conversation {
    /// The last list shown: what "le 2" and "suivants" refer to.
    pub(crate) last: Option<LastSearch>,
    /// The searches before it, oldest first, without their results.
    earlier: VecDeque<LastSearch>,
    /// The handle of the next search.
    next_handle: u32,
    /// A request "près de moi" waiting for the user's position.
    pub(crate) awaiting_position: Option<Request>,
    /// The last answer was about something else than the list (figures, role models,
    /// the week): "et niveau escape game ?" then starts afresh rather than refining the
    /// list, and "et l'année d'avant ?" or "il a quel âge ?" speak of what it showed.
    pub(crate) aside: Option<Aside>,
}

/// What an answer beside the lists showed (ids of the data, nothing of the user's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Aside {
    /// Figures, best first.
    Facts(Vec<String>),
    /// Role models, best first.
    Portraits(Vec<String>),
    /// The week.
    About,
}

impl Aside {
    /// Whether it shows no figure nor person ("je n'ai pas ce chiffre").
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Aside::Facts(ids) | Aside::Portraits(ids) => ids.is_empty(),
            Aside::About => false,
        }
    }
}

/// A list of events shown.
#[derive(Clone, Debug)]
pub(crate) struct LastSearch {
    /// How its buttons name it.
    pub handle: SearchHandle,
    /// The request, as understood (refinements apply to it).
    pub request: Request,
    /// The events found, in order (empty for the searches before the last).
    pub ids: Vec<EventKey>,
    /// The page shown (from 0).
    pub page: usize,
    /// The event whose details were shown last (index in `ids`): what "c'est où ?"
    /// and "le suivant" then speak of.
    pub focus: Option<usize>,
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
        *self = Conversation::default();
    }

    /// The day the conversation is about: the one day its last search asked for.
    pub fn day(&self) -> Option<chrono::NaiveDate> {
        let dates = self.last.as_ref()?.request.dates.as_ref()?;
        (dates.from == dates.to).then_some(dates.from)
    }

    /// A handle for a new search.
    pub(crate) fn new_handle(&mut self) -> SearchHandle {
        let handle = SearchHandle(self.next_handle);
        self.next_handle = self.next_handle.wrapping_add(1);
        handle
    }

    /// Makes `search` the last list; the one before joins the earlier searches (without
    /// its results), of which the oldest beyond [`MAX_SEARCHES`] are forgotten.
    pub(crate) fn remember(&mut self, search: LastSearch) {
        self.earlier.retain(|s| s.handle != search.handle);
        if let Some(mut before) = self.last.replace(search)
            && self
                .last
                .as_ref()
                .is_some_and(|l| l.handle != before.handle)
        {
            before.ids = Vec::new();
            self.earlier.push_back(before);
        }
        while self.earlier.len() >= MAX_SEARCHES {
            self.earlier.pop_front();
        }
    }

    /// The search a button names, when it is still remembered.
    pub(crate) fn search(&self, handle: SearchHandle) -> Option<&LastSearch> {
        self.last
            .iter()
            .chain(self.earlier.iter())
            .find(|s| s.handle == handle)
    }

    /// Whether a list of results is remembered.
    pub fn has_results(&self) -> bool {
        self.last.as_ref().is_some_and(|l| !l.ids.is_empty())
    }
}

/// Conversations of many chats, bounded: each is dropped once `idle` has passed since
/// its last message (checked at every access, and by [`ConversationStore::sweep`],
/// which adapters call periodically), and beyond `capacity` the least recently used is
/// forgotten, so memory stays flat under any load. Keys are opaque numbers chosen by the
/// adapter (a salted hash of the chat id, not the id itself). The clock is the caller's:
/// `now` comes with every call.
#[derive(Debug)]
pub struct ConversationStore {
    capacity: usize,
    idle: Duration,
    chats: HashMap<u64, (Conversation, Instant)>,
    /// (last message, key) of every conversation, oldest first.
    by_age: BTreeSet<(Instant, u64)>,
}

/// How long a conversation lasts without a message.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(30 * 60);

impl ConversationStore {
    /// A store of at most `capacity` conversations, each forgotten after `idle`.
    pub fn new(capacity: usize, idle: Duration) -> ConversationStore {
        ConversationStore {
            capacity: capacity.max(1),
            idle,
            chats: HashMap::new(),
            by_age: BTreeSet::new(),
        }
    }

    /// The conversation of `key` at `now`: the remembered one if it is fresh, else a new
    /// one (evicting the least recently used when full).
    pub fn get(&mut self, key: u64, now: Instant) -> &mut Conversation {
        self.sweep(now);
        if !self.chats.contains_key(&key)
            && self.chats.len() >= self.capacity
            && let Some((_, oldest)) = self.by_age.pop_first()
        {
            self.chats.remove(&oldest);
        }
        let entry = self
            .chats
            .entry(key)
            .or_insert_with(|| (Conversation::new(), now));
        self.by_age.remove(&(entry.1, key));
        self.by_age.insert((now, key));
        entry.1 = now;
        &mut entry.0
    }

    /// Drops every conversation whose deadline has passed at `now`; returns how many.
    pub fn sweep(&mut self, now: Instant) -> usize {
        let mut dropped = 0;
        while let Some(&(touched, key)) = self.by_age.first() {
            if now.saturating_duration_since(touched) < self.idle {
                break;
            }
            self.by_age.pop_first();
            self.chats.remove(&key);
            dropped += 1;
        }
        dropped
    }

    /// Forgets a conversation ("/stop", "oublie-moi").
    pub fn forget(&mut self, key: u64) {
        if let Some((_, touched)) = self.chats.remove(&key) {
            self.by_age.remove(&(touched, key));
        }
    }

    /// How many conversations are remembered.
    pub fn len(&self) -> usize {
        self.chats.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.chats.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    fn remember(store: &mut ConversationStore, key: u64, now: Instant) {
        store.get(key, now).last = Some(search(0));
    }

    fn search(handle: u32) -> LastSearch {
        LastSearch {
            handle: SearchHandle(handle),
            request: Request::default(),
            ids: vec![EventKey::of("x")],
            page: 0,
            focus: None,
            position: None,
            radius_km: None,
        }
    }

    #[test]
    fn a_conversation_remembers_its_last_few_searches() {
        let mut conversation = Conversation::new();
        for _ in 0..10 {
            let handle = conversation.new_handle();
            conversation.remember(search(handle.0));
        }
        let remembered: Vec<u32> = (0..10)
            .filter(|h| conversation.search(SearchHandle(*h)).is_some())
            .collect();
        assert_eq!(remembered, [6, 7, 8, 9]);
        assert!(conversation.search(SearchHandle(8)).unwrap().ids.is_empty());
        assert_eq!(conversation.last.as_ref().unwrap().ids.len(), 1);
        // An earlier list shown again becomes the last, once.
        conversation.remember(search(7));
        assert_eq!(conversation.last.as_ref().unwrap().handle, SearchHandle(7));
        assert_eq!(conversation.earlier.len(), 3);
        conversation.clear();
        assert!(conversation.search(SearchHandle(7)).is_none());
    }

    #[test]
    fn conversations_expire_when_idle() {
        let mut store = ConversationStore::new(10, Duration::from_secs(60));
        let start = Instant::now();
        remember(&mut store, 1, start);
        assert!(store.get(1, start + Duration::from_secs(59)).has_results());
        assert!(
            !store
                .get(1, start + Duration::from_secs(59 + 61))
                .has_results()
        );
    }

    #[test]
    fn the_least_recently_used_is_evicted_beyond_capacity() {
        let mut store = ConversationStore::new(2, Duration::from_secs(600));
        let start = Instant::now();
        remember(&mut store, 1, start);
        remember(&mut store, 2, start + Duration::from_secs(1));
        store.get(1, start + Duration::from_secs(2)); // 1 is now the most recent
        remember(&mut store, 3, start + Duration::from_secs(3));
        assert_eq!(store.len(), 2);
        assert!(store.get(1, start + Duration::from_secs(4)).has_results());
        assert!(
            !store.get(2, start + Duration::from_secs(5)).has_results(),
            "2 was evicted"
        );
    }

    #[test]
    fn conversations_are_dropped_at_their_deadline_whoever_writes() {
        let mut store = ConversationStore::new(10, Duration::from_secs(60));
        let start = Instant::now();
        remember(&mut store, 1, start);
        remember(&mut store, 2, start + Duration::from_secs(30));
        // Another chat writes after 1's deadline: 1 is gone, 2 is still there.
        store.get(3, start + Duration::from_secs(61));
        assert_eq!(store.len(), 2);
        // Nobody writes: a sweep drops what has expired.
        assert_eq!(store.sweep(start + Duration::from_secs(200)), 2);
        assert!(store.is_empty());
        remember(&mut store, 4, start);
        store.forget(4);
        assert_eq!(store.sweep(start + Duration::from_secs(1_000)), 0);
    }

    #[test]
    fn memory_stays_flat_under_many_chats() {
        let mut store = ConversationStore::new(100, DEFAULT_IDLE);
        let start = Instant::now();
        for key in 0..10_000u64 {
            remember(&mut store, key, start + Duration::from_millis(key));
        }
        assert_eq!(store.len(), 100);
    }
}
