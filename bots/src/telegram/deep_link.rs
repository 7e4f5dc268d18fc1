//! Deep links: `https://t.me/<bot>?start=<payload>` opens the bot on a prepared search.
//!
//! Telegram allows a `start` payload of at most 64 characters of `[A-Za-z0-9_-]`. The
//! question is written readably: folded (no accents, lower case), its words joined by
//! `_`, hyphens kept (`saint-malo`). Reading it back gives the question without accents
//! or punctuation, which Boussole understands like any question typed that way.

use boussole_core::text::fold;

/// Telegram's longest `start` payload.
pub const MAX_PAYLOAD: usize = 64;

/// Why a question cannot become a deep link.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// Nothing left once written with Telegram's characters.
    #[error("the question has no letter or digit to put in a link")]
    Empty,
    /// Longer than Telegram allows.
    #[error(
        "the question is too long for a Telegram link: {0} characters once written \
         \"{1}\", at most 64"
    )]
    TooLong(usize, String),
}

/// The `start` payload of a question.
pub fn payload(question: &str) -> Result<String, LinkError> {
    let mut out = String::new();
    for c in fold(question).chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            '-' if out
                .chars()
                .last()
                .is_some_and(|l| l.is_ascii_alphanumeric()) =>
            {
                out.push(c)
            }
            _ if !out.is_empty() && !out.ends_with('_') => out.push('_'),
            _ => {}
        }
    }
    let payload = out.trim_end_matches(['_', '-']).to_string();
    match payload.len() {
        0 => Err(LinkError::Empty),
        n if n > MAX_PAYLOAD => Err(LinkError::TooLong(n, payload)),
        _ => Ok(payload),
    }
}

/// The question of a `start` payload, or `None` for one that no link of ours writes.
pub fn question(payload: &str) -> Option<String> {
    let valid = !payload.is_empty()
        && payload.len() <= MAX_PAYLOAD
        && payload
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    valid.then(|| payload.replace('_', " "))
}

/// The link that opens `bot` (its username, with or without `@`) on `question`.
pub fn link(bot: &str, question: &str) -> Result<String, LinkError> {
    Ok(format!(
        "https://t.me/{}?start={}",
        bot.trim_start_matches('@'),
        payload(question)?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_become_readable_payloads_and_back() {
        let p = payload("événements près de Brest pour lycéens").unwrap();
        assert_eq!(p, "evenements_pres_de_brest_pour_lyceens");
        assert_eq!(
            question(&p).unwrap(),
            "evenements pres de brest pour lyceens"
        );
        assert_eq!(
            payload("Une visite d'usine à Saint-Malo ?").unwrap(),
            "une_visite_d_usine_a_saint-malo"
        );
        assert_eq!(
            link("@BoussoleBot", "escape game").unwrap(),
            "https://t.me/BoussoleBot?start=escape_game"
        );
    }

    #[test]
    fn payloads_keep_to_telegram_rules() {
        assert_eq!(payload("?!… 🙂"), Err(LinkError::Empty));
        assert!(matches!(
            payload(&"atelier ".repeat(10)),
            Err(LinkError::TooLong(79, _))
        ));
        for bad in ["", "a b", "<b>", "é", &"a".repeat(65)] {
            assert_eq!(question(bad), None, "{bad}");
        }
        proptest::proptest!(|(text in "\\PC{0,80}")| {
            if let Ok(p) = payload(&text) {
                proptest::prop_assert!(p.len() <= MAX_PAYLOAD);
                proptest::prop_assert!(question(&p).is_some());
            }
        });
    }
}
