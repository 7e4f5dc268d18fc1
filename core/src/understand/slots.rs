//! Audiences, event types, themes, the girls-and-women facet and "online", named by the
//! words of the thesaurus (`data/thesaurus.toml`).

use crate::model::{Audience, EventType, Thesaurus};
use crate::text::words;

/// What a phrase of the thesaurus names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// An audience.
    Audience(Audience),
    /// Girls and women (mixité).
    Girls,
    /// An event type.
    Type(EventType),
    /// Held online.
    Online,
    /// A theme, by its index in the thesaurus.
    Theme(usize),
    /// About something else than the week (weather, sport, homework…).
    OffTopic,
}

/// A slot found in a question, with the range of words that named it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlotMatch {
    /// What was named.
    pub slot: Slot,
    /// Index of the first word (in the question's words).
    pub first: usize,
    /// Number of words.
    pub len: usize,
}

/// The thesaurus's phrases, ready to match.
#[derive(Clone, Debug, Default)]
pub struct SlotMatcher {
    /// (phrase words, slot), longest phrases first.
    phrases: Vec<(Vec<String>, Slot)>,
    /// Phrases by their first word, longest first.
    by_first: std::collections::HashMap<String, Vec<usize>>,
    longest: usize,
}

/// A word compared without its plural mark: "visites" and "visite" meet.
pub fn singular(word: &str) -> &str {
    if word.len() > 3 && (word.ends_with('s') || word.ends_with('x')) {
        &word[..word.len() - 1]
    } else {
        word
    }
}

fn phrase(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .map(|(w, _, _)| singular(&w).to_string())
        .collect()
}

impl SlotMatcher {
    /// Forgets the off-topic phrases made only of `known` words (the words of the
    /// agenda's titles, organizers and themes): an agenda with a "match d'impro" makes
    /// "match" a word of its events.
    pub fn without_off_topic_in(
        mut self,
        known: &std::collections::HashSet<String>,
    ) -> SlotMatcher {
        self.phrases.retain(|(words, slot)| {
            *slot != Slot::OffTopic || !words.iter().all(|w| known.contains(w))
        });
        self.by_first.clear();
        for (i, (words, _)) in self.phrases.iter().enumerate() {
            self.by_first.entry(words[0].clone()).or_default().push(i);
        }
        self
    }

    /// The matcher for a thesaurus.
    pub fn new(thesaurus: &Thesaurus) -> SlotMatcher {
        let mut phrases: Vec<(Vec<String>, Slot)> = Vec::new();
        for entry in &thesaurus.audiences {
            for w in &entry.words {
                phrases.push((phrase(w), Slot::Audience(entry.audience)));
            }
        }
        for w in &thesaurus.girls.words {
            phrases.push((phrase(w), Slot::Girls));
        }
        for entry in &thesaurus.types {
            for w in &entry.words {
                phrases.push((phrase(w), Slot::Type(entry.kind)));
            }
        }
        for w in &thesaurus.online.words {
            phrases.push((phrase(w), Slot::Online));
        }
        for w in &thesaurus.off_topic.words {
            phrases.push((phrase(w), Slot::OffTopic));
        }
        for (i, theme) in thesaurus.themes.iter().enumerate() {
            for w in theme.words.iter().chain(std::iter::once(&theme.label)) {
                phrases.push((phrase(w), Slot::Theme(i)));
            }
        }
        phrases.retain(|(words, _)| !words.is_empty());
        // An off-topic phrase that also names a slot ("jeux vidéo", a theme) names the slot.
        let named: std::collections::HashSet<Vec<String>> = phrases
            .iter()
            .filter(|(_, slot)| *slot != Slot::OffTopic)
            .map(|(words, _)| words.clone())
            .collect();
        phrases.retain(|(words, slot)| *slot != Slot::OffTopic || !named.contains(words));
        phrases.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        let longest = phrases.first().map_or(0, |(w, _)| w.len());
        let mut by_first: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, (words, _)) in phrases.iter().enumerate() {
            by_first.entry(words[0].clone()).or_default().push(i);
        }
        SlotMatcher {
            phrases,
            by_first,
            longest,
        }
    }

    /// Every folded word of the thesaurus's phrases (the vocabulary of slots).
    pub fn vocabulary(&self) -> impl Iterator<Item = &str> {
        self.phrases
            .iter()
            .flat_map(|(words, _)| words.iter().map(String::as_str))
    }

    /// The slots named in a sequence of folded words. At each word the longest phrase wins,
    /// and all the slots a phrase names are kept ("industrie 4.0": numérique and
    /// robotique).
    pub fn find(&self, words: &[String]) -> Vec<SlotMatch> {
        let singulars: Vec<&str> = words.iter().map(|w| singular(w)).collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < singulars.len() {
            let mut matched = 0;
            let candidates = self
                .by_first
                .get(singulars[i])
                .map_or(&[][..], Vec::as_slice);
            for (phrase, slot) in candidates.iter().map(|&p| &self.phrases[p]) {
                let len = phrase.len();
                if matched > len {
                    break;
                }
                if len > self.longest || i + len > singulars.len() {
                    continue;
                }
                if singulars[i..i + len]
                    .iter()
                    .zip(phrase)
                    .all(|(a, b)| *a == b)
                {
                    matched = len;
                    let m = SlotMatch {
                        slot: slot.clone(),
                        first: i,
                        len,
                    };
                    if !found.contains(&m) {
                        found.push(m);
                    }
                }
            }
            i += matched.max(1);
        }
        found
    }
}

/// The slots an event has: its audiences, types and themes, and whether it is online or
/// for girls, with its themes found in its title, themes and organizer.
pub fn event_themes(matcher: &SlotMatcher, texts: &[&str]) -> Vec<usize> {
    let mut themes = Vec::new();
    for text in texts {
        let folded: Vec<String> = words(text).into_iter().map(|(w, _, _)| w).collect();
        for m in matcher.find(&folded) {
            if let Slot::Theme(t) = m.slot
                && !themes.contains(&t)
            {
                themes.push(t);
            }
        }
    }
    themes
}
