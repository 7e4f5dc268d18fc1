//! Actions the adapters show as buttons (Telegram inline keyboards, Discord components)
//! or as commands: small serializable values that fit a Telegram callback (64 bytes) and
//! a Discord custom_id (100 characters).

use serde::Serialize;

/// Longest payload: Telegram's callback_data limit.
pub const MAX_PAYLOAD: usize = 64;

/// Something the user can do next with one tap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    /// The details of item `rank` (from 1) of the list shown.
    Details {
        /// Rank in the list.
        rank: usize,
    },
    /// The next page of the list.
    Next,
    /// The same search farther away.
    Wider,
    /// Search around the user's position (the adapter asks for it).
    NearMe,
    /// The event of rank `rank` as a calendar file.
    Calendar {
        /// Rank in the list.
        rank: usize,
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
    /// The button's text, in French.
    pub fn label(&self) -> String {
        match self {
            Action::Details { rank } => format!("Détails du {rank}"),
            Action::Next => "Suivants".into(),
            Action::Wider => "Plus loin".into(),
            Action::NearMe => "Près de moi".into(),
            Action::Calendar { .. } => "Ajouter à mon agenda".into(),
            Action::Ask { label, .. } => label.clone(),
        }
    }

    /// The compact payload of a button: `d:3`, `n`, `w`, `m`, `c:1`, `q:<question>`.
    /// `None` when it would not fit in [`MAX_PAYLOAD`] bytes.
    ///
    /// ```
    /// use boussole_core::action::Action;
    /// let action = Action::Details { rank: 3 };
    /// assert_eq!(action.payload().as_deref(), Some("d:3"));
    /// assert_eq!(Action::from_payload("d:3"), Some(action));
    /// ```
    pub fn payload(&self) -> Option<String> {
        let payload = match self {
            Action::Details { rank } => format!("d:{rank}"),
            Action::Next => "n".into(),
            Action::Wider => "w".into(),
            Action::NearMe => "m".into(),
            Action::Calendar { rank } => format!("c:{rank}"),
            Action::Ask { question, .. } => format!("q:{question}"),
        };
        (payload.len() <= MAX_PAYLOAD).then_some(payload)
    }

    /// The action of a payload (its label is the question for [`Action::Ask`]).
    pub fn from_payload(payload: &str) -> Option<Action> {
        if payload.len() > MAX_PAYLOAD {
            return None; // never one of ours: forged, or from another bot
        }
        let rank = |text: &str| {
            text.parse::<usize>()
                .ok()
                .filter(|r| (1..=1000).contains(r))
        };
        match payload.split_once(':') {
            Some(("d", r)) => rank(r).map(|rank| Action::Details { rank }),
            Some(("c", r)) => rank(r).map(|rank| Action::Calendar { rank }),
            Some(("q", q)) if !q.is_empty() => Some(Action::Ask {
                label: q.to_string(),
                question: q.to_string(),
            }),
            None if payload == "n" => Some(Action::Next),
            None if payload == "w" => Some(Action::Wider),
            None if payload == "m" => Some(Action::NearMe),
            _ => None,
        }
    }

    /// The message that does the same when typed (for adapters without buttons).
    pub fn as_question(&self) -> String {
        match self {
            Action::Details { rank } => format!("plus d'infos sur le {rank}"),
            Action::Next => "suivants".into(),
            Action::Wider => "plus loin".into(),
            Action::NearMe => "et près de moi ?".into(),
            Action::Calendar { rank } => format!("agenda {rank}"),
            Action::Ask { question, .. } => question.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_fit_a_telegram_callback() {
        for action in [
            Action::Details { rank: 12 },
            Action::Next,
            Action::Wider,
            Action::NearMe,
            Action::Calendar { rank: 1 },
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
        assert_eq!(Action::from_payload("zz"), None);
        assert_eq!(Action::from_payload(&format!("q:{}", "a".repeat(63))), None);
        assert_eq!(Action::from_payload("d:0"), None);
    }
}
