//! What the chat adapters (Telegram, Discord) share: one `Boussole`, the conversations of
//! every chat, and the clock. An adapter turns a platform event into one call here
//! (a message, a shared position, a tapped button) and the [`Reply`] into platform
//! messages; nothing here knows a platform.
//!
//! Privacy: conversations are keyed by a salted hash of the platform's chat id (the salt
//! is random per process), hold only the last request and result ids, expire after
//! [`DEFAULT_IDLE`] and are bounded in number. Nothing a user writes is logged.

use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use boussole_core::answer::reply::EventCard;
use boussole_core::answer::{self, Answer};
use boussole_core::command::Command;
use boussole_core::dialogue::{Conversation, ConversationStore, DEFAULT_IDLE};
use boussole_core::places::Point;
use boussole_core::{Boussole, Outcome, Turn};
use chrono::{DateTime, FixedOffset};
use tokio::sync::Semaphore;

/// How many conversations are remembered at once (the least recently used go first).
pub const MAX_CONVERSATIONS: usize = 10_000;

/// Where the time comes from: the system, or `--now` (tests, demonstrations).
#[derive(Clone, Copy, Debug)]
pub enum Clock {
    /// The system clock, in local time.
    System,
    /// A fixed instant.
    Fixed(DateTime<FixedOffset>),
}

impl Clock {
    /// The time now.
    pub fn now(self) -> DateTime<FixedOffset> {
        match self {
            Clock::System => chrono::Local::now().fixed_offset(),
            Clock::Fixed(at) => at,
        }
    }
}

/// Whose conversation a message belongs to: a person in a chat (a class's Discord
/// channel holds one conversation per student).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ChatKey {
    /// The platform.
    pub platform: Platform,
    /// The chat or channel id.
    pub chat: u64,
    /// The user id.
    pub user: u64,
}

/// Which platform a chat is on: the same numbers on two platforms are two chats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Platform {
    /// Telegram (chat ids).
    Telegram,
    /// Discord (channel ids).
    Discord,
}

/// What to send back.
#[derive(Debug)]
pub enum Reply {
    /// An answer: its blocks and buttons.
    Answer(Box<Answer>),
    /// A calendar file for the user's agenda.
    Calendar {
        /// `event-id.ics`.
        file_name: String,
        /// The iCalendar text.
        content: String,
    },
    /// Where an event is, as a map pin.
    Venue(answer::Venue),
}

impl Reply {
    /// The reply when answering failed inside Boussole (a panic, caught).
    pub fn trouble() -> Reply {
        Reply::Answer(Box::new(answer::trouble()))
    }
}

/// How often expired conversations are dropped, even when nobody writes.
pub const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// The conversations of every chat, around one `Boussole`.
///
/// Answers are computed off the async workers (`spawn_blocking`), a few at a time: one
/// slow message never stalls the others, nor the reading of updates. A panic while
/// answering answers that person with [`answer::trouble`] and is logged without their
/// text; the bot goes on.
pub struct Chats {
    boussole: Arc<Boussole>,
    conversations: Mutex<ConversationStore>,
    salt: std::collections::hash_map::RandomState,
    clock: Clock,
    answering: Semaphore,
}

impl Chats {
    /// Chats answered by `boussole`, on `clock`.
    pub fn new(boussole: Arc<Boussole>, clock: Clock) -> Chats {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Chats {
            boussole,
            conversations: Mutex::new(ConversationStore::new(MAX_CONVERSATIONS, DEFAULT_IDLE)),
            salt: std::collections::hash_map::RandomState::new(),
            clock,
            answering: Semaphore::new((cores * 2).max(4)),
        }
    }

    /// Drops the expired conversations every [`SWEEP_EVERY`], for as long as the
    /// runtime runs: a conversation never outlives its deadline by more than that.
    pub fn sweep_periodically(self: &Arc<Self>) {
        let chats = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut every = tokio::time::interval(SWEEP_EVERY);
            loop {
                every.tick().await;
                let Some(chats) = chats.upgrade() else {
                    return;
                };
                let dropped = chats.store().sweep(Instant::now());
                tracing::debug!(dropped, "expired conversations dropped");
            }
        });
    }

    /// The opaque key of a conversation: a salted hash, so that no platform id is kept.
    fn key(&self, key: ChatKey) -> u64 {
        let mut hasher = self.salt.build_hasher();
        hasher.write_u8(key.platform as u8);
        hasher.write_u64(key.chat);
        hasher.write_u64(key.user);
        hasher.finish()
    }

    /// Runs `f` on the chat's conversation. The store is locked only to take the
    /// conversation out and to put it back: chats are answered in parallel.
    fn with<T>(&self, key: ChatKey, f: impl FnOnce(&Boussole, &mut Conversation) -> T) -> T {
        let key = self.key(key);
        let mut conversation = std::mem::take(self.store().get(key, Instant::now()));
        let result = f(&self.boussole, &mut conversation);
        *self.store().get(key, Instant::now()) = conversation;
        result
    }

    /// The conversations. A panic elsewhere must not silence every chat: a poisoned lock
    /// is still usable (the store holds no invariant a panic could break).
    fn store(&self) -> std::sync::MutexGuard<'_, ConversationStore> {
        self.conversations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `work` on a blocking thread, at most a few at once. A panic in it gives
    /// [`Reply::trouble`]: the panic is logged as an internal error, never with its
    /// message (which could hold what the user wrote).
    pub async fn answer(
        self: &Arc<Self>,
        work: impl FnOnce(&Chats) -> Reply + Send + 'static,
    ) -> Reply {
        // The semaphore is never closed: a permit always comes.
        let _permit = self.answering.acquire().await.ok();
        let chats = Arc::clone(self);
        match tokio::task::spawn_blocking(move || work(&chats)).await {
            Ok(reply) => reply,
            Err(err) => {
                let what = if err.is_panic() {
                    "an internal error"
                } else {
                    "a cancellation"
                };
                tracing::error!("a message could not be answered ({what}); the bot goes on");
                Reply::trouble()
            }
        }
    }

    /// A turn of a chat: a message, a command, a button, a structured search. A
    /// position is [`Chats::position`].
    pub async fn take(self: &Arc<Self>, key: ChatKey, turn: Turn) -> Reply {
        self.answer(move |chats| chats.take_now(key, turn)).await
    }

    /// A message typed in a chat.
    pub async fn message(self: &Arc<Self>, key: ChatKey, text: String) -> Reply {
        self.take(key, Turn::Text(text)).await
    }

    /// A position shared in a chat (Telegram's location messages).
    pub async fn position(self: &Arc<Self>, key: ChatKey, latitude: f64, longitude: f64) -> Reply {
        match position_turn(latitude, longitude) {
            Ok(turn) => self.take(key, turn).await,
            Err(reply) => reply,
        }
    }

    /// A button tapped: its payload ([`boussole_core::action::Action::payload`]).
    pub async fn button(self: &Arc<Self>, key: ChatKey, payload: String) -> Reply {
        self.take(key, Turn::Button(payload)).await
    }

    /// A turn, answered on this thread. "Oublie" drops the conversation from the store,
    /// not only its content.
    fn take_now(&self, key: ChatKey, turn: Turn) -> Reply {
        if matches!(turn, Turn::Command(Command::Forget, _)) {
            return self.forget(key);
        }
        let now = self.clock.now();
        match self.with(key, |boussole, conversation| {
            boussole.take(conversation, turn, now)
        }) {
            Outcome::Answer(answer) => Reply::Answer(answer),
            Outcome::Calendar { file_name, content } => Reply::Calendar { file_name, content },
            Outcome::Venue(venue) => Reply::Venue(venue),
        }
    }

    #[cfg(test)]
    fn message_now(&self, key: ChatKey, text: &str) -> Reply {
        self.take_now(key, Turn::Text(text.to_string()))
    }

    #[cfg(test)]
    fn position_now(&self, key: ChatKey, latitude: f64, longitude: f64) -> Reply {
        match position_turn(latitude, longitude) {
            Ok(turn) => self.take_now(key, turn),
            Err(reply) => reply,
        }
    }

    #[cfg(test)]
    fn button_now(&self, key: ChatKey, payload: &str) -> Reply {
        self.take_now(key, Turn::Button(payload.to_string()))
    }

    /// Events for a query outside any conversation (Telegram's inline mode): at most
    /// `count` cards from the `from`-th, and where the next ones start.
    pub async fn cards(
        self: &Arc<Self>,
        text: String,
        from: usize,
        count: usize,
    ) -> (Vec<EventCard>, Option<usize>) {
        let _permit = self.answering.acquire().await.ok();
        let chats = Arc::clone(self);
        let work = move || {
            let now = chats.clock.now();
            chats.boussole.event_cards(&text, now, from, count)
        };
        tokio::task::spawn_blocking(work).await.unwrap_or_else(|_| {
            tracing::error!("an inline query could not be answered (an internal error)");
            (Vec::new(), None)
        })
    }

    /// A message without text (a sticker, a photo, a voice message).
    pub fn not_text(&self) -> Reply {
        Reply::Answer(Box::new(answer::text_only()))
    }

    /// Forgets a conversation, as the user asked ("/oublie").
    pub fn forget(&self, key: ChatKey) -> Reply {
        let key = self.key(key);
        self.store().forget(key);
        Reply::Answer(Box::new(answer::forgotten()))
    }
}

/// The turn of a shared position, or, for impossible coordinates, the request to share
/// it again.
fn position_turn(latitude: f64, longitude: f64) -> Result<Turn, Reply> {
    Point::new(latitude, longitude)
        .map(Turn::Position)
        .ok_or_else(|| Reply::Answer(Box::new(answer::need_position())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use boussole_core::action::Action;

    fn chats() -> Chats {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let knowledge = boussole_core::load::load(&data).unwrap();
        let boussole = Arc::new(Boussole::in_memory(knowledge).unwrap());
        let now = DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();
        Chats::new(boussole, Clock::Fixed(now))
    }

    fn on(platform: Platform, chat: u64) -> ChatKey {
        ChatKey {
            platform,
            chat,
            user: 42,
        }
    }

    fn answer(reply: Reply) -> Answer {
        match reply {
            Reply::Answer(answer) => *answer,
            other => panic!("expected an answer, got {other:?}"),
        }
    }

    #[test]
    fn each_chat_has_its_own_conversation() {
        let chats = chats();
        let first = answer(chats.message_now(on(Platform::Telegram, 1), "escape game"));
        assert!(first.events.len() >= 2);
        answer(chats.message_now(on(Platform::Telegram, 2), "événements à Brest"));
        // Chat 1's "le 2" is about chat 1's list, whatever chat 2 asked since.
        let second = answer(chats.message_now(on(Platform::Telegram, 1), "le 2"));
        assert_eq!(second.events[0].id, first.events[1].id);
        // The same number on Discord is another chat: nothing to follow there.
        let other = answer(chats.message_now(on(Platform::Discord, 1), "le 2"));
        assert!(other.events.is_empty(), "{}", other.reply());
    }

    #[test]
    fn chats_are_answered_in_parallel_each_with_its_own_list() {
        let chats = Arc::new(chats());
        let questions = ["escape game", "événements à Brest", "visites", "forum"];
        let threads: Vec<_> = (0..8u64)
            .map(|chat| {
                let chats = Arc::clone(&chats);
                std::thread::spawn(move || {
                    let key = on(Platform::Discord, chat);
                    let list = answer(chats.message_now(key, questions[chat as usize % 4]));
                    let second = answer(chats.message_now(key, "le 1"));
                    (list.events[0].id.clone(), second.events[0].id.clone())
                })
            })
            .collect();
        for thread in threads {
            let (listed, detailed) = thread.join().unwrap();
            assert_eq!(listed, detailed);
        }
    }

    #[test]
    fn buttons_do_what_their_text_says() {
        let chats = chats();
        let list = answer(chats.message_now(on(Platform::Telegram, 7), "escape game"));
        let details = list.actions[0].payload().unwrap();
        let shown = answer(chats.button_now(on(Platform::Telegram, 7), &details));
        assert_eq!(shown.events[0].id, list.events[0].id);
        let calendar = shown.actions[0].payload().unwrap();
        match chats.button_now(on(Platform::Telegram, 7), &calendar) {
            Reply::Calendar { file_name, content } => {
                assert_eq!(file_name, format!("{}.ics", list.events[0].id));
                assert!(content.starts_with("BEGIN:VCALENDAR"));
            }
            other => panic!("{other:?}"),
        }
        // An old or forged payload gets a kind answer, not an error.
        let help = answer(chats.button_now(on(Platform::Telegram, 7), "zz:99"));
        assert!(
            help.reply().contains("Repose ta question"),
            "{}",
            help.reply()
        );
        answer(chats.forget(on(Platform::Telegram, 7)));
        let after = answer(chats.message_now(on(Platform::Telegram, 7), "le 2"));
        assert!(after.events.is_empty());
    }

    #[test]
    fn a_shared_position_answers_near_it() {
        let chats = chats();
        let asked = answer(chats.message_now(on(Platform::Telegram, 3), "près de moi"));
        assert_eq!(asked.actions, [Action::NearMe]);
        let near = answer(chats.position_now(on(Platform::Telegram, 3), 48.40, -4.49));
        assert_eq!(near.events[0].id, "brest-industy-9361782");
        // Impossible coordinates: asked again, kindly.
        let bad = answer(chats.position_now(on(Platform::Telegram, 3), 95.0, 0.0));
        assert!(
            bad.reply().contains("partage ta position"),
            "{}",
            bad.reply()
        );
    }

    #[tokio::test]
    async fn a_panic_while_answering_is_a_kind_answer_and_the_bot_goes_on() {
        let chats = Arc::new(chats());
        let key = on(Platform::Telegram, 9);
        let failed = chats.answer(|_| panic!("a message the user typed")).await;
        assert!(answer(failed).reply().starts_with("Oups"));
        // The next message is answered as usual, with the same conversation store.
        let next = answer(chats.message(key, "escape game".into()).await);
        assert!(!next.events.is_empty(), "{}", next.reply());
        let payload = next.actions[0].payload().unwrap();
        let details = answer(chats.button(key, payload).await);
        assert_eq!(details.events[0].id, next.events[0].id);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_slow_answer_does_not_stall_the_others() {
        let chats = Arc::new(chats());
        // Two answers that block until released: on the two async workers, they would
        // stall everything else.
        let mut releases = Vec::new();
        let mut slow = Vec::new();
        for _ in 0..2 {
            let (release, wait) = std::sync::mpsc::channel::<()>();
            releases.push(release);
            let chats = Arc::clone(&chats);
            slow.push(tokio::spawn(async move {
                chats
                    .answer(move |_| {
                        let _ = wait.recv();
                        Reply::trouble()
                    })
                    .await
            }));
        }
        let others = async {
            for chat in 0..4 {
                let key = on(Platform::Discord, chat);
                let reply = chats.message(key, "visites".into()).await;
                assert!(!answer(reply).events.is_empty());
            }
        };
        // A stall shows as a failure, not as a test that never ends.
        let stalled = tokio::time::timeout(Duration::from_secs(60), others).await;
        for release in releases {
            release.send(()).unwrap();
        }
        for task in slow {
            task.await.unwrap();
        }
        assert!(stalled.is_ok(), "answers stalled behind two slow ones");
    }
}
