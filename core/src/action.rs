//! Actions the adapters show as buttons (Telegram inline keyboards, Discord components)
//! or as commands: small serializable values that fit a Telegram callback (64 bytes) and
//! a Discord custom_id (100 characters). Their French labels are the answer's
//! ([`crate::answer::action_label`]) and never parsed back.

use std::fmt;

use serde::Serialize;

use crate::fingerprint;

/// Longest payload: Telegram's callback_data limit.
pub const MAX_PAYLOAD: usize = 64;

/// An event as a button names it: the fingerprint of its id (OpenAgenda slugs are often
/// longer than a payload). The same on every replica and after a reload.
///
/// ```
/// use boussole_core::action::EventKey;
/// let key = EventKey::of("escape-game-de-la-metallurgie-azureenne");
/// assert_eq!(key.to_string().parse::<EventKey>(), Ok(key));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventKey(u64);

impl EventKey {
    /// The key of the event with this id.
    pub fn of(id: &str) -> EventKey {
        EventKey(fingerprint::of(id))
    }
}

impl fmt::Display for EventKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl std::str::FromStr for EventKey {
    type Err = ();

    fn from_str(text: &str) -> Result<EventKey, ()> {
        if text.len() != 16 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(());
        }
        u64::from_str_radix(text, 16).map(EventKey).map_err(|_| ())
    }
}

impl Serialize for EventKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A list of events as a button names it: the number of the search in its
/// conversation. A conversation remembers its last few searches
/// ([`crate::dialogue::MAX_SEARCHES`]); an older handle gets a kind answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct SearchHandle(pub u32);

/// Something the user can do next with one tap. Each action names what its own message
/// showed, so that a button pressed on an older message acts on that message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// The details of an event of the list shown, item `rank` (from 1).
    Details {
        /// Rank in the list.
        rank: usize,
        /// The event.
        event: EventKey,
    },
    /// Page `page` (from 0) of a list.
    Next {
        /// The list.
        search: SearchHandle,
        /// The page to show.
        page: usize,
    },
    /// The same search farther away.
    Wider {
        /// The search.
        search: SearchHandle,
    },
    /// Search around the user's position (the adapter asks for it).
    NearMe,
    /// An event as a calendar file.
    Calendar {
        /// Rank in the list it came from.
        rank: usize,
        /// The event.
        event: EventKey,
    },
    /// Where an event is, as a map pin (Telegram's venue).
    Map {
        /// The event.
        event: EventKey,
    },
    /// A suggested question: another reading of an ambiguous question, an example.
    Ask {
        /// The button's text.
        label: String,
        /// The question it sends.
        question: String,
    },
}

impl Action {
    /// The compact payload of a button: `d:3:<event>`, `n:<search>:<page>`,
    /// `w:<search>`, `m`, `c:1:<event>`, `p:<event>`, `q:<question>`. `None` when it would not fit
    /// in [`MAX_PAYLOAD`] bytes.
    ///
    /// ```
    /// use boussole_core::action::{Action, EventKey};
    /// let action = Action::Details { rank: 3, event: EventKey::of("visite") };
    /// let payload = action.payload().unwrap();
    /// assert!(payload.starts_with("d:3:"));
    /// assert_eq!(Action::from_payload(&payload), Some(action));
    /// ```
    pub fn payload(&self) -> Option<String> {
        let payload = match self {
            Action::Details { rank, event } => format!("d:{rank}:{event}"),
            Action::Next { search, page } => format!("n:{}:{page}", search.0),
            Action::Wider { search } => format!("w:{}", search.0),
            Action::NearMe => "m".into(),
            Action::Calendar { rank, event } => format!("c:{rank}:{event}"),
            Action::Map { event } => format!("p:{event}"),
            Action::Ask { question, .. } => format!("q:{question}"),
        };
        (payload.len() <= MAX_PAYLOAD).then_some(payload)
    }

    /// The action of a payload (its label is the question for [`Action::Ask`]); `None`
    /// for anything [`Action::payload`] does not write.
    pub fn from_payload(payload: &str) -> Option<Action> {
        if payload.len() > MAX_PAYLOAD {
            return None; // never one of ours: forged, or from another bot
        }
        let number = |text: &str, max: usize| {
            text.parse::<usize>()
                .ok()
                .filter(|n| *n <= max && !text.starts_with('+'))
        };
        let rank = |text: &str| number(text, 1000).filter(|r| *r >= 1);
        let ranked = |rest: &str| {
            let (rank_text, event) = rest.split_once(':')?;
            Some((rank(rank_text)?, event.parse::<EventKey>().ok()?))
        };
        let search = |text: &str| number(text, u32::MAX as usize).map(|n| SearchHandle(n as u32));
        match payload.split_once(':') {
            Some(("d", rest)) => ranked(rest).map(|(rank, event)| Action::Details { rank, event }),
            Some(("c", rest)) => ranked(rest).map(|(rank, event)| Action::Calendar { rank, event }),
            Some(("n", rest)) => {
                let (handle, page) = rest.split_once(':')?;
                Some(Action::Next {
                    search: search(handle)?,
                    page: number(page, 1000)?,
                })
            }
            Some(("w", handle)) => search(handle).map(|search| Action::Wider { search }),
            Some(("p", event)) => event.parse().ok().map(|event| Action::Map { event }),
            Some(("q", q)) if !q.is_empty() => Some(Action::Ask {
                label: q.to_string(),
                question: q.to_string(),
            }),
            None if payload == "m" => Some(Action::NearMe),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_fit_a_telegram_callback() {
        let event =
            EventKey::of("une-visite-d-usine-au-nom-bien-plus-long-que-soixante-quatre-octets");
        for action in [
            Action::Details { rank: 12, event },
            Action::Next {
                search: SearchHandle(u32::MAX),
                page: 39,
            },
            Action::Wider {
                search: SearchHandle(7),
            },
            Action::NearMe,
            Action::Calendar { rank: 1, event },
            Action::Map { event },
            Action::Ask {
                label: "Saint-Denis (93)".into(),
                question: "événements à Saint-Denis (93)".into(),
            },
        ] {
            let payload = action.payload().unwrap();
            assert!(payload.len() <= MAX_PAYLOAD);
            let back = Action::from_payload(&payload).unwrap();
            assert_eq!(back.payload(), action.payload());
        }
        let long = Action::Ask {
            label: "x".into(),
            question: "é".repeat(40),
        };
        assert_eq!(long.payload(), None);
    }

    #[test]
    fn forged_and_old_payloads_are_refused() {
        for payload in [
            "zz",
            "d:3",
            "n",
            "w",
            "d:0:0123456789abcdef",
            "d:3:0123456789abcde",
            "d:3:0123456789abcdeg",
            "d:+3:0123456789abcdef",
            "c:1:",
            "n:1",
            "n:x:1",
            "n:1:1001",
            "w:4294967296",
            "q:",
            "p:",
            "p:0123456789abcdeg",
        ] {
            assert_eq!(Action::from_payload(payload), None, "{payload}");
        }
        assert_eq!(Action::from_payload(&format!("q:{}", "a".repeat(63))), None);
    }
}
