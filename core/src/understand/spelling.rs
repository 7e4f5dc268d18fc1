//! How students type: inclusive spellings, SMS words, typos.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::places::fuzzy::{FuzzyIndex, TypoRule};
use crate::text::{fold, words};

/// Feminine markers of inclusive writing, after the separator: "lycéen·ne·s".
const FEMININE: &[&str] = &[
    "e", "ne", "le", "te", "re", "ère", "euse", "rice", "se", "es", "nes",
];

/// Rewrites inclusive spellings to the plain plural or singular: "lycéen·ne·s",
/// "lycéen.ne.s", "lycéen-ne-s", "collégien(ne)s", "étudiant·e·s" become "lycéens",
/// "collégiens", "étudiants".
///
/// ```
/// use boussole_core::understand::spelling::plain_inclusive;
/// assert_eq!(plain_inclusive("pour les lycéen·ne·s"), "pour les lycéens");
/// assert_eq!(plain_inclusive("collégien(ne)s et étudiant.e.s"), "collégiens et étudiants");
/// assert_eq!(plain_inclusive("l'industrie 4.0 à Saint-Étienne"), "l'industrie 4.0 à Saint-Étienne");
/// ```
pub fn plain_inclusive(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let separator = matches!(c, '·' | '•' | '∙' | '.' | '-' | '(');
        let after_letter = i > 0 && chars[i - 1].is_alphabetic();
        if separator
            && after_letter
            && let Some((plural, len)) = feminine_suffix(&chars[i..])
        {
            if plural {
                out.push('s');
            }
            i += len;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// At a separator: the length of a feminine suffix ("·ne·s", "(ne)s", ".e"), and whether
/// it ends with the plural "s".
fn feminine_suffix(chars: &[char]) -> Option<(bool, usize)> {
    let open = chars[0];
    let letters: String = chars[1..].iter().take_while(|c| c.is_lowercase()).collect();
    let mut len = 1 + letters.chars().count();
    if !FEMININE.contains(&letters.as_str()) {
        return None;
    }
    let mut plural = letters.ends_with('s') && letters != "se";
    let close = chars.get(len).copied();
    let closes = match open {
        '(' => close == Some(')'),
        _ => close == Some(open) || close == Some('·'),
    };
    if closes {
        len += 1;
        if chars.get(len) == Some(&'s') {
            plural = true;
            len += 1;
        }
    } else if open == '(' {
        return None;
    }
    // The suffix must end the word: "Saint-Étienne", "peut-être" are not inclusive forms.
    if chars.get(len).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    // A hyphen or a period before a lone "e" needs the closing separator: "Jean-e" is rare,
    // but "fin.e" could be a typo; "-e-s" and ".e.s" are the inclusive forms.
    if matches!(open, '-' | '.') && !closes {
        return None;
    }
    Some((plural, len))
}

/// Replaces SMS words by what they stand for ("pr" → "pour", "ya" → "il y a").
pub fn expand_sms(text: &str, sms: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (word, start, end) in words(text) {
        if let Some(expansion) = sms.get(&word) {
            out.push_str(&text[last..start]);
            out.push_str(expansion);
            last = end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Corrects words that are not in the vocabulary to the closest that are, with the typos
/// Meilisearch allows: one from 5 letters, two from 9. Exact words are never corrected.
#[derive(Debug, Default)]
pub struct Corrector {
    vocabulary: HashSet<String>,
    fuzzy: FuzzyIndex<()>,
    /// Long names that students shorten ("stmicro" for "stmicroelectronics").
    names: BTreeSet<String>,
}

impl Corrector {
    /// A corrector towards `targets` (folded words); `known` words are never corrected
    /// but are no correction either.
    pub fn new(
        targets: impl IntoIterator<Item = String>,
        known: impl IntoIterator<Item = String>,
    ) -> Corrector {
        let usable = |w: &String| w.chars().count() >= 2 && !w.chars().all(|c| c.is_ascii_digit());
        let targets: HashSet<String> = targets.into_iter().filter(usable).collect();
        let mut fuzzy = FuzzyIndex::with_rule(TypoRule::Words);
        // Words under 5 letters take no typo, so they are never a correction: they are
        // known, not indexed.
        let mut sorted: Vec<&String> = targets
            .iter()
            .filter(|w| TypoRule::Words.allowed(w) > 0)
            .collect();
        sorted.sort();
        for word in sorted {
            fuzzy.insert(word, ());
        }
        let mut vocabulary = targets;
        vocabulary.extend(known.into_iter().filter(usable));
        Corrector {
            vocabulary,
            fuzzy,
            names: BTreeSet::new(),
        }
    }

    /// The same corrector, completing the start of one of these long names (folded
    /// words of 10 letters or more) to the name: "stmicro" is "stmicroelectronics".
    pub fn with_names(mut self, names: impl IntoIterator<Item = String>) -> Corrector {
        self.names = names
            .into_iter()
            .filter(|n| n.chars().count() >= 10)
            .collect();
        self
    }

    /// The only long name that starts with `word` (5 letters or more, 3 fewer than the
    /// name at least).
    fn complete(&self, word: &str) -> Option<String> {
        if word.chars().count() < 5 {
            return None;
        }
        let mut starting = self
            .names
            .range(word.to_string()..)
            .take_while(|name| name.starts_with(word))
            .filter(|name| name.len() >= word.len() + 3);
        let name = starting.next()?;
        starting.next().is_none().then(|| name.clone())
    }

    /// Whether a folded word is known.
    pub fn knows(&self, word: &str) -> bool {
        self.vocabulary.contains(word)
    }

    /// The correction of a folded word, if it is unknown and one known word is closest.
    pub fn correct(&self, word: &str) -> Option<String> {
        if self.knows(word) || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let found = self.fuzzy.lookup(word);
        let Some(&(best, _, distance)) = found.first() else {
            return self.complete(word);
        };
        // Ties at the same distance: prefer the same first letter, else give up.
        let same_initial = |w: &str| w.chars().next() == word.chars().next();
        let ties: Vec<&str> = found
            .iter()
            .filter(|(_, _, d)| *d == distance)
            .map(|(w, _, _)| *w)
            .collect();
        if ties.len() == 1 {
            return Some(best.to_string());
        }
        let initial: Vec<&&str> = ties.iter().filter(|w| same_initial(w)).collect();
        match initial.as_slice() {
            [only] => Some(only.to_string()),
            _ => None,
        }
    }
}

/// The folded words of a text, for building vocabularies.
pub fn folded_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).into_iter().map(|(w, _, _)| w)
}

/// Folds a word list entry for comparisons.
pub fn fold_entry(entry: &str) -> String {
    fold(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_completed_from_their_start_when_only_one_fits() {
        let names = ["stmicroelectronics", "stellantisgroupe", "stellantiscentre"];
        let corrector = Corrector::new(names.iter().map(|n| n.to_string()), [])
            .with_names(names.iter().map(|n| n.to_string()));
        assert_eq!(
            corrector.correct("stmicro").as_deref(),
            Some("stmicroelectronics")
        );
        assert_eq!(corrector.correct("stellantis"), None, "two names start so");
        assert_eq!(corrector.correct("stmi"), None, "too short to tell");
    }

    #[test]
    fn inclusive_spellings_become_plain() {
        for (typed, plain) in [
            ("lycéen·ne·s", "lycéens"),
            ("lycéen.ne.s", "lycéens"),
            ("lycéen-ne-s", "lycéens"),
            ("collégien(ne)s", "collégiens"),
            ("collégien·nes", "collégiens"),
            ("étudiant·e·s", "étudiants"),
            ("étudiant·e", "étudiant"),
            ("apprenti(e)s", "apprentis"),
            ("Saint-Étienne", "Saint-Étienne"),
            ("peut-être", "peut-être"),
            ("industrie 4.0", "industrie 4.0"),
            ("fin. et", "fin. et"),
        ] {
            assert_eq!(plain_inclusive(typed), plain, "{typed}");
        }
    }

    #[test]
    fn sms_words_are_expanded() {
        let sms: BTreeMap<String, String> = [("pr", "pour"), ("ya", "il y a"), ("koi", "quoi")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(
            expand_sms("ya koi pr les lycéens", &sms),
            "il y a quoi pour les lycéens"
        );
        assert_eq!(expand_sms("Pr, ya", &sms), "pour, il y a");
    }

    #[test]
    fn typos_are_corrected_to_known_words_only() {
        let corrector = Corrector::new(
            [
                "escape",
                "evenement",
                "lyceen",
                "metallurgie",
                "visite",
                "visiter",
            ]
            .iter()
            .map(|w| w.to_string()),
            ["zzzzzy".to_string()],
        );
        assert_eq!(corrector.correct("escap"), Some("escape".into()));
        assert_eq!(corrector.correct("metalurgie"), Some("metallurgie".into()));
        assert_eq!(corrector.correct("visite"), None, "known words stay");
        assert_eq!(
            corrector.correct("vist"),
            None,
            "4 letters: no typo allowed"
        );
        assert_eq!(
            corrector.correct("zzzzzz"),
            None,
            "known words are no correction target"
        );
        assert_eq!(
            corrector.correct("zzzzzy"),
            None,
            "known words are not corrected"
        );
    }
}
