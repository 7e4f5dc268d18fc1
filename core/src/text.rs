//! French text analysis, shared by the index and by understanding.
//!
//! Every piece of French text, a document or a question, goes through the same steps:
//! Unicode compatibility decomposition, removal of accents, lower case, splitting on
//! anything that is not a letter or a digit, elision (`l'`, `d'`, `qu'`…), French stop
//! words, then French stemming. Folding happens *before* stemming, so "lycée" and "lycee"
//! meet, and the stop-word list is folded the same way.
//!
//! ```
//! use boussole_core::text::{analyze, fold};
//!
//! assert_eq!(fold("Lycéennes À L'ŒUVRE"), "lyceennes a l'oeuvre");
//! assert_eq!(analyze("LYCÉE"), analyze("lycee"));
//! assert_eq!(analyze("hydroélectrique"), analyze("hydroelectrique"));
//! assert_eq!(analyze("l'énergie"), analyze("énergie"));
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use tantivy::tokenizer::{
    Language, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Month names, folded.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// Name under which the French analyzer is registered on every tantivy index.
pub const ANALYZER_NAME: &str = "boussole_fr";

/// Version of the analysis chain: part of the index fingerprint, bump it whenever the
/// output of [`analyze`] changes so that indexes built before are rebuilt.
pub const ANALYZER_VERSION: u32 = 1;

/// French stop words (the Snowball list tantivy ships), written without accents because
/// they are compared with folded tokens, plus the letters and words left by elision.
/// The French stop words, folded.
pub const STOP_WORDS: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il",
    "je", "la", "le", "leur", "lui", "ma", "mais", "me", "meme", "mes", "moi", "mon", "ne", "nos",
    "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses",
    "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "c", "d",
    "j", "l", "a", "m", "n", "s", "t", "y", "etee", "etees", "etant", "suis", "es", "etes", "sont",
    "serai", "seras", "sera", "serons", "serez", "seront", "serais", "serait", "serions", "seriez",
    "seraient", "etais", "etait", "etions", "etiez", "etaient", "fus", "fut", "fumes", "futes",
    "furent", "sois", "soit", "soyons", "soyez", "soient", "fusse", "fusses", "fussions",
    "fussiez", "fussent", "ayant", "eu", "eue", "eues", "eus", "ai", "avons", "avez", "ont",
    "aurai", "aurons", "aurez", "auront", "aurais", "aurait", "aurions", "auriez", "auraient",
    "avais", "avait", "aviez", "avaient", "eut", "eumes", "eutes", "eurent", "aie", "aies", "ait",
    "ayons", "ayez", "aient", "eusse", "eusses", "eut", "eussions", "eussiez", "eussent", "ceci",
    "cela", "cet", "cette", "ici", "ils", "les", "leurs", "quel", "quels", "quelle", "quelles",
    "sans", "soi", "est", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Elided articles and pronouns: `l'usine` is indexed as `usine`.
pub(crate) const ELISIONS: &[&str] = &[
    "l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu",
];

fn stop_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

/// Whether a folded word is a French stop word.
pub fn is_stop_word(folded: &str) -> bool {
    stop_words().contains(folded)
}

/// Folds one character: compatibility decomposition, accents removed, lower case.
/// Ligatures become two letters; typographic apostrophes become `'`.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
        _ => {
            for d in std::iter::once(c).nfkd() {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// Folds text for comparison: no accents, lower case, ligatures spelled out.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Splits text into folded words with their byte offsets in the original text. Elided
/// words (`l'`, `qu'`…) are dropped; stop words are kept (callers decide).
///
/// Spans follow each other and never overlap: each starts where the previous one ended
/// or later, on a character boundary. One character can fold into several words ("℀"
/// is "a/c"): the first word takes the character, the next ones start after it (their
/// span may be empty), so callers can cut and rebuild the text by spans.
///
/// ```
/// use boussole_core::text::words;
/// let text = "y℀b";
/// let spans = words(text);
/// assert_eq!(spans.iter().map(|w| w.0.as_str()).collect::<Vec<_>>(), ["ya", "cb"]);
/// assert!(spans.windows(2).all(|pair| pair[0].2 <= pair[1].1));
/// ```
pub fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut folded = String::new();
    let mut end = 0;
    for (i, c) in text.char_indices() {
        folded.clear();
        fold_char(c, &mut folded);
        let after = i + c.len_utf8();
        for f in folded.chars() {
            if f.is_alphanumeric() {
                if current.is_empty() {
                    // A word that starts inside a character the previous word took
                    // begins after that character.
                    start = if end > i { after } else { i };
                }
                current.push(f);
                end = after;
            } else if !current.is_empty() {
                let elided = f == '\'' && ELISIONS.contains(&current.as_str());
                let word = std::mem::take(&mut current);
                if !elided {
                    out.push((word, start, end));
                }
            }
        }
    }
    if !current.is_empty() {
        out.push((current, start, end));
    }
    out
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::new(Language::French))
}

/// Stems one folded word with the French Snowball stemmer.
pub fn stem(folded_word: &str) -> String {
    let mut analyzer = TextAnalyzer::builder(SingleWord)
        .filter(stemmer().clone())
        .build();
    let mut stream = analyzer.token_stream(folded_word);
    match stream.next() {
        Some(token) => token.text.clone(),
        None => folded_word.to_string(),
    }
}

/// The terms the plain analyzer (no equivalences) produces for `text`: folded, elided,
/// without stop words, stemmed.
pub fn analyze(text: &str) -> Vec<String> {
    Analyzer::plain().terms(text)
}

/// The French analyzer: [`FrenchTokenizer`], the French stemmer, then the thesaurus's
/// equivalences (stems mapped to their group's canonical stem).
///
/// Build it once from the data's equivalences and register [`Analyzer::text_analyzer`]
/// on every tantivy index created or opened, under [`ANALYZER_NAME`].
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    equivalences: Arc<HashMap<String, String>>,
}

impl Analyzer {
    /// An analyzer without equivalences.
    pub fn plain() -> Analyzer {
        Analyzer::default()
    }

    /// An analyzer where each group of words is searched as its first word.
    pub fn with_equivalences<'a>(groups: impl IntoIterator<Item = &'a [String]>) -> Analyzer {
        let plain = Analyzer::plain();
        let mut map = HashMap::new();
        for group in groups {
            let Some(canonical) = group.first().and_then(|w| plain.terms(w).pop()) else {
                continue;
            };
            for word in group {
                for term in plain.terms(word) {
                    if term != canonical {
                        map.insert(term, canonical.clone());
                    }
                }
            }
        }
        Analyzer {
            equivalences: Arc::new(map),
        }
    }

    /// The tantivy analyzer.
    pub fn text_analyzer(&self) -> TextAnalyzer {
        TextAnalyzer::builder(FrenchTokenizer)
            .filter(stemmer().clone())
            .filter(EquivalenceFilter(self.equivalences.clone()))
            .build()
    }

    /// The terms of `text`, as the index stores them.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut analyzer = self.text_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }
}

/// Token filter mapping stems to the canonical stem of their equivalence group.
#[derive(Clone)]
struct EquivalenceFilter(Arc<HashMap<String, String>>);

impl TokenFilter for EquivalenceFilter {
    type Tokenizer<T: Tokenizer> = EquivalenceTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> EquivalenceTokenizer<T> {
        EquivalenceTokenizer {
            map: self.0,
            inner: tokenizer,
        }
    }
}

#[derive(Clone)]
struct EquivalenceTokenizer<T> {
    map: Arc<HashMap<String, String>>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for EquivalenceTokenizer<T> {
    type TokenStream<'a> = EquivalenceStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        EquivalenceStream {
            map: &self.map,
            tail: self.inner.token_stream(text),
        }
    }
}

struct EquivalenceStream<'a, S> {
    map: &'a HashMap<String, String>,
    tail: S,
}

impl<S: TokenStream> TokenStream for EquivalenceStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        if let Some(canonical) = self.map.get(&self.tail.token().text) {
            self.tail.token_mut().text.clone_from(canonical);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Tokenizer doing everything but stemming: folding, splitting, elision, stop words.
#[derive(Clone, Copy, Debug, Default)]
pub struct FrenchTokenizer;

/// Token stream over a precomputed list of tokens.
pub struct VecTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

impl Tokenizer for FrenchTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let tokens = words(text)
            .into_iter()
            .filter(|(word, _, _)| !is_stop_word(word) && word.len() <= 64)
            .enumerate()
            .map(|(position, (text, offset_from, offset_to))| Token {
                offset_from,
                offset_to,
                position,
                text,
                position_length: 1,
            })
            .collect();
        VecTokenStream { tokens, index: 0 }
    }
}

/// Tokenizer that yields its whole input as one token (used to stem single words).
#[derive(Clone, Copy, Debug, Default)]
struct SingleWord;

impl Tokenizer for SingleWord {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let tokens = vec![Token {
            offset_from: 0,
            offset_to: text.len(),
            position: 0,
            text: text.to_string(),
            position_length: 1,
        }];
        VecTokenStream { tokens, index: 0 }
    }
}

/// Removes what a user cannot mean: control characters become spaces; zero-width,
/// bidi and other invisible marks go ("esc\u{200B}ape" is "escape"). Keeps letters,
/// digits, punctuation, emoji and ordinary white space, collapsed.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a user can mean this character: not white space, not a control character,
/// not a zero-width nor a bidi mark.
pub fn is_meant(c: char) -> bool {
    !(c.is_whitespace() || c.is_control() || is_invisible(c))
}

fn is_invisible(c: char) -> bool {
    // Zero-width and joiners, bidi embeddings, overrides and isolates, invisible
    // operators, the byte order mark, soft hyphens, blank fillers, variation selectors
    // and tags (they only change how the character before them looks).
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}' | '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{115F}' | '\u{1160}'
        | '\u{3164}' | '\u{FFA0}' | '\u{17B4}' | '\u{17B5}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audience_spellings_meet_through_equivalences() {
        let group: Vec<String> = ["lycéen", "lycée"].iter().map(|w| w.to_string()).collect();
        let analyzer = Analyzer::with_equivalences([group.as_slice()]);
        let lyceens = analyzer.terms("lycéens");
        for spelling in [
            "lyceen",
            "Lycéennes",
            "lycéen",
            "LYCEENS",
            "LYCEE",
            "lycées",
        ] {
            assert_eq!(analyzer.terms(spelling), lyceens, "{spelling}");
        }
        // Without the thesaurus, folding alone already joins accented and plain forms.
        assert_eq!(analyze("LYCEE"), analyze("lycée"));
        assert_eq!(analyze("Lycéennes"), analyze("lyceennes"));
    }

    #[test]
    fn accents_do_not_matter() {
        assert_eq!(analyze("hydroélectrique"), analyze("hydroelectrique"));
        assert_eq!(analyze("Énergie"), analyze("energie"));
        assert_eq!(analyze("Saint-Étienne"), analyze("saint etienne"));
    }

    #[test]
    fn elision_and_stop_words_are_removed() {
        assert_eq!(analyze("l'usine"), analyze("usine"));
        assert_eq!(analyze("qu’est-ce que c'est"), Vec::<String>::new());
        assert_eq!(analyze("d'entreprise"), analyze("entreprise"));
        assert_eq!(analyze("de la métallurgie"), analyze("métallurgie"));
    }

    #[test]
    fn words_keep_offsets_in_the_original_text() {
        let text = "L'Énergie œuvre";
        let got = words(text);
        assert_eq!(got[0].0, "energie");
        assert_eq!(&text[got[0].1..got[0].2], "Énergie");
        assert_eq!(got[1].0, "oeuvre");
        assert_eq!(&text[got[1].1..got[1].2], "œuvre");
    }

    #[test]
    fn clean_removes_controls_and_invisible_marks() {
        assert_eq!(clean("a\u{0}b\u{200B}c\u{202E}d\n\te"), "a bcd e");
        assert_eq!(clean("esc\u{200B}ape Br\u{200D}est"), "escape Brest");
        assert_eq!(clean("  🙂  "), "🙂");
    }
}
