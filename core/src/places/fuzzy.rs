//! Typo-tolerant lookup of place names (a deletion-neighbourhood index, as SymSpell).
//!
//! Two words within `k` edits share a string obtained by deleting at most `k` characters
//! from each. The index maps every such deletion of every target to the target; a lookup
//! generates the deletions of the query, collects candidates, and checks each with the
//! optimal string alignment distance (insertions, deletions, substitutions and
//! transpositions of neighbours, each counting one).

use rustc_hash::FxHashMap as HashMap;

/// How many typos a word may carry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TypoRule {
    /// Place names: one from 4 letters, two from 9 (city names are short: "Nise").
    #[default]
    Places,
    /// Ordinary words, as Meilisearch: one from 5 letters, two from 9.
    Words,
}

impl TypoRule {
    /// Typos allowed in a word of this length.
    pub fn allowed(self, word: &str) -> usize {
        let shortest = match self {
            TypoRule::Places => 4,
            TypoRule::Words => 5,
        };
        match word.chars().count() {
            n if n < shortest => 0,
            n if n < 9 => 1,
            _ => 2,
        }
    }
}

/// Typos allowed in a place name of this length: none under 4 letters, one from 4, two
/// from 9.
pub fn allowed_typos(word: &str) -> usize {
    TypoRule::Places.allowed(word)
}

/// Optimal string alignment distance between two strings.
///
/// ```
/// use boussole_core::places::fuzzy::distance;
/// assert_eq!(distance("brets", "brest"), 1);
/// assert_eq!(distance("toulouze", "toulouse"), 1);
/// assert_eq!(distance("nise", "nice"), 1);
/// assert_eq!(distance("troye", "troyes"), 1);
/// ```
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// Calls `visit` with the word and every string made by deleting up to `k` of its
/// characters (with repetitions: callers tolerate them).
fn deletions(word: &str, k: usize, visit: &mut impl FnMut(&str)) {
    visit(word);
    if k == 0 {
        return;
    }
    let mut shorter = String::with_capacity(word.len());
    for (i, c) in word.char_indices() {
        shorter.clear();
        shorter.push_str(&word[..i]);
        shorter.push_str(&word[i + c.len_utf8()..]);
        deletions_from(&shorter, i, k - 1, visit);
    }
}

/// Deletions of `word` at positions from `from` on (so each set of positions is visited
/// once), `visit`ing each result.
fn deletions_from(word: &str, from: usize, k: usize, visit: &mut impl FnMut(&str)) {
    visit(word);
    if k == 0 {
        return;
    }
    let mut shorter = String::with_capacity(word.len());
    for (i, c) in word.char_indices().filter(|&(i, _)| i >= from) {
        shorter.clear();
        shorter.push_str(&word[..i]);
        shorter.push_str(&word[i + c.len_utf8()..]);
        deletions_from(&shorter, i, k - 1, visit);
    }
}

/// Targets (keys with a payload) reachable within their allowed typos.
#[derive(Debug, Default)]
pub struct FuzzyIndex<T> {
    targets: Vec<(String, T)>,
    by_deletion: HashMap<String, Vec<u32>>,
    rule: TypoRule,
    /// The longest target, in characters: a longer query (beyond the typos it may
    /// carry) matches nothing, and is not even taken apart. A 2,000-letter word would
    /// otherwise make two million deletions.
    longest: usize,
}

impl<T: Clone> FuzzyIndex<T> {
    /// An empty index for place names.
    pub fn new() -> Self {
        Self::with_rule(TypoRule::Places)
    }

    /// An empty index with its typo rule.
    pub fn with_rule(rule: TypoRule) -> Self {
        FuzzyIndex {
            targets: Vec::new(),
            by_deletion: HashMap::default(),
            rule,
            longest: 0,
        }
    }

    /// Adds a target key (already folded).
    pub fn insert(&mut self, key: &str, payload: T) {
        let id = self.targets.len() as u32;
        self.longest = self.longest.max(key.chars().count());
        self.targets.push((key.to_string(), payload));
        let by_deletion = &mut self.by_deletion;
        deletions(key, self.rule.allowed(key), &mut |deletion| {
            let ids = match by_deletion.get_mut(deletion) {
                Some(ids) => ids,
                None => by_deletion.entry(deletion.to_string()).or_default(),
            };
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        });
    }

    /// Targets within the typos allowed for both the query and the target, closest first,
    /// with their distance. Exact matches are not returned (distance 0 is not a typo).
    pub fn lookup(&self, query: &str) -> Vec<(&str, &T, usize)> {
        let k = self.rule.allowed(query);
        if k == 0 || query.chars().count() > self.longest + k {
            return Vec::new();
        }
        let mut ids: Vec<u32> = Vec::new();
        deletions(query, k, &mut |deletion| {
            if let Some(found) = self.by_deletion.get(deletion) {
                ids.extend(found);
            }
        });
        ids.sort_unstable();
        ids.dedup();
        let mut found: Vec<(&str, &T, usize)> = ids
            .into_iter()
            .filter_map(|id| {
                let (key, payload) = &self.targets[id as usize];
                let d = distance(query, key);
                (d > 0 && d <= k.min(self.rule.allowed(key))).then_some((key.as_str(), payload, d))
            })
            .collect();
        found.sort_by_key(|&(_, _, d)| d);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_targets_within_allowed_typos() {
        let mut index = FuzzyIndex::new();
        for (key, id) in [
            ("toulouse", 1),
            ("brest", 2),
            ("nice", 3),
            ("saint etienne", 4),
        ] {
            index.insert(key, id);
        }
        let first = |q: &str| index.lookup(q).first().map(|(_, id, _)| **id);
        assert_eq!(first("toulouze"), Some(1));
        assert_eq!(first("brets"), Some(2));
        assert_eq!(first("nise"), Some(3));
        assert_eq!(first("saint etiene"), Some(4));
        assert_eq!(first("st"), None);
        assert_eq!(first("brest"), None, "exact matches are not typos");
        assert_eq!(first("bordeaux"), None);
        // Far longer than any target: not looked up at all (bounded work).
        assert_eq!(first(&"toulouse".repeat(250)), None);
        assert_eq!(
            first("saint etiennexx"),
            Some(4),
            "two typos past the longest"
        );
    }
}
