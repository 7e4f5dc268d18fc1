//! Every bound on the work and the data of one message, in one place.
//!
//! Boussole answers anyone who writes to a public bot: whatever a message holds (any
//! length, any Unicode), answering it costs a bounded time and memory; whatever an
//! imported file holds, an event stays small enough to show in a chat message. The
//! constants here are those bounds; the modules that enforce them name them.
//!
//! This module is a leaf: it imports nothing of the crate.

/// Longest question understood, in characters; the rest is ignored, and the answer
/// says so. Students' questions are under 200 characters; a pasted paragraph fits.
pub const QUESTION_CHARS: usize = 1_000;

/// Most words of a question understood; the rest is ignored, and the answer says so.
/// A thousand characters can hold two thousand words ("℀" folds into two).
pub const QUESTION_WORDS: usize = 120;

/// How many words of a question are looked up for typos (the first unknown ones).
pub const TYPO_WORDS: usize = 12;

/// How many runs of words of a question are looked up as misspelled place names.
pub const FUZZY_PLACE_LOOKUPS: usize = 24;

/// Radius of "près de X" when the question gives none, in kilometres.
pub const DEFAULT_RADIUS_KM: f64 = 30.0;

/// Radius beyond which a search is no longer "around" a place but France-wide, in km
/// (metropolitan France is about 1,000 km across).
pub const MAX_RADIUS_KM: f64 = 1_000.0;

/// Events shown on one page of a list.
pub const PAGE_SIZE: usize = 5;

/// The first and last years a date of a question may name: a year outside is
/// explained, never replaced by another.
pub const YEARS: std::ops::RangeInclusive<i32> = 1_900..=2_200;

/// Longest event title kept, in characters (longer ones are cut on a word).
pub const TITLE_CHARS: usize = 300;

/// Longest event description kept, in characters (one chat message and some room).
pub const DESCRIPTION_CHARS: usize = 3_000;

/// Longest venue, organizer, partner, commune or theme name kept, in characters.
pub const NAME_CHARS: usize = 200;

/// How many themes or partners an event keeps.
pub const LIST_ITEMS: usize = 20;

/// Longest event id, in bytes (ids are ASCII: letters, digits, `-` and `_`).
pub const ID_BYTES: usize = 128;

/// Longest link kept, in bytes.
pub const LINK_BYTES: usize = 2_000;

/// Whether `id` can name an event: 1 to [`ID_BYTES`] ASCII letters, digits, `-` or `_`
/// (an id becomes a file name, `<id>.ics`, and part of links).
///
/// ```
/// use boussole_core::limits::valid_id;
/// assert!(valid_id("brest-industy-9361782"));
/// assert!(!valid_id("../../etc/passwd"));
/// assert!(!valid_id(""));
/// ```
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= ID_BYTES
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether `link` can be shown as a link: `http://` or `https://`, a host, no white
/// space nor control character, at most [`LINK_BYTES`].
///
/// ```
/// use boussole_core::limits::valid_link;
/// assert!(valid_link("https://openagenda.com/events/1"));
/// assert!(!valid_link("javascript:alert(1)"));
/// assert!(!valid_link("https://"));
/// ```
pub fn valid_link(link: &str) -> bool {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
    link.len() <= LINK_BYTES
        && host.is_some_and(|h| !h.is_empty())
        && !link.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `text` cut to at most `max` characters, on a word when it can, with "…" when cut.
///
/// ```
/// use boussole_core::limits::cut;
/// assert_eq!(cut("une visite d'usine", 100), "une visite d'usine");
/// assert_eq!(cut("une visite d'usine", 12), "une visite…");
/// assert_eq!(cut("aaaaaaaaaa", 5), "aaaa…");
/// ```
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    let on_word = match kept.rsplit_once(' ') {
        Some((head, _)) if head.chars().count() * 2 >= kept.chars().count() => head,
        _ => kept.as_str(),
    };
    format!("{}…", on_word.trim_end())
}

/// How many themes a thesaurus may have (an event's themes are one 64-bit set).
pub const THEMES: usize = 64;

/// How many results of a list a conversation remembers (40 pages): enough for every
/// page anyone reads, and memory bounded per conversation.
pub const REMEMBERED: usize = 200;
