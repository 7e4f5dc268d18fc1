//! Finding the place a question speaks of: "près de Brest", "dans le 29", "en Haute-Corse",
//! "à La Réunion", "vers Toulouze", "29200", "à moins de 30 km de Lyon", "Paris 12e".
//!
//! The question is split into folded words; from each word, the longest run of words
//! that names something in the gazetteer wins. Numbers are postal codes (5 digits) or
//! département codes ("974", "2B", and "29" after "dans le"). A word that is also an
//! ordinary French word ("tours", "orange", "nord") becomes a place only after a place
//! preposition ("à Tours", "dans le Nord"). Misspelled names of the larger places are
//! corrected ("Toulouze", "Nise", "Brets"). Homonyms are narrowed by what follows
//! ("Saint-Denis (93)", "Saint-Louis à La Réunion"), else the most populous wins and the
//! others are kept as alternatives.

use super::cues::FILLERS;
use crate::limits;
use crate::places::{Area, Gazetteer, Named, Territory};
use crate::text::{MONTHS, is_stop_word, words};

/// A place found in a question.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// What it designates.
    pub area: Area,
    /// Byte range of the words naming it (with any qualifier) in the question.
    pub span: (usize, usize),
    /// "à moins de N km": the radius asked for.
    pub radius_km: Option<f64>,
    /// The name as typed, when it was corrected ("Toulouze").
    pub corrected_from: Option<String>,
    /// Other places the words could name (homonyms), most likely first.
    pub alternatives: Vec<Area>,
    /// "le 29" could also be a day of the month.
    pub could_be_a_day: bool,
    /// A postal code shared by several communes ("01170"): all of them, the one the
    /// search is around first; the radius reaches the others.
    pub postcode_communes: Vec<u32>,
}

#[derive(Debug)]
struct Token {
    word: String,
    start: usize,
    end: usize,
    capitalized: bool,
}

/// Words before a commune: "à Brest", "près de Brest", "vers Brest".
const COMMUNE_CUES: &[&str] = &[
    "a",
    "au",
    "aux",
    "vers",
    "sur",
    "pres",
    "autour",
    "proche",
    "cote",
    "environs",
    "alentours",
    "depuis",
    "entre",
];
/// Words before a département or région: "en Bretagne", "dans le Finistère".
const AREA_CUES: &[&str] = &["en", "dans", "du", "departement", "region", "dep", "dept"];
/// Names of départements and régions that are everyday words ("le nord de la ville",
/// "pas cher", "une somme"): lowercase, they name the area only after a cue ("dans le
/// nord", "en somme" aside). Other names are taken lowercase and bare ("gironde").
const EVERYDAY_AREA_WORDS: &[&str] = &[
    "nord", "cher", "lot", "somme", "manche", "creuse", "centre", "reunion", "aube", "allier",
    "jura", "corse", "orne", "marne", "var", "vienne", "loire", "landes", "est", "ouest", "sud",
    "pas", "de", "la", "le", "les", "l", "et", "du", "des", "haute", "hautes", "haut", "val",
    "deux", "bas", "grand", "pays", "ile",
];
/// Words that make what follows an adjective, not a place: "c'est nice".
const ADJECTIVE_CONTEXT: &[&str] = &[
    "est", "cest", "trop", "tres", "vraiment", "super", "si", "hyper", "assez", "plutot",
];
/// Words after a number that make it something else than a département (months too).
const NOT_AFTER_DEPARTEMENT: &[&str] = &[
    "km",
    "kms",
    "kilometres",
    "kilometre",
    "h",
    "heures",
    "heure",
    "ans",
    "an",
    "euros",
    "eur",
    "personnes",
    "min",
    "minutes",
    "fois",
    "places",
    "eme",
    "er",
    "e",
];

/// Words before a noun: "des tours", "la mer".
const DETERMINERS: &[&str] = &[
    "des", "les", "le", "la", "un", "une", "mes", "tes", "ses", "nos", "vos", "leurs", "ces", "de",
    "du", "l",
];
/// A name that is both a commune and a département or région, after "à", is the commune
/// only if the commune has at least this population ("à Vienne", not "à La Réunion").
const AREA_OVER_COMMUNE: u32 = 10_000;
/// Communes of at least this population are taken without a preposition even when
/// their name is an ordinary word ("rennes", "tours").
const BIG_CITY: u32 = 50_000;
/// Communes of at least this population are taken after "à" even when their name is an
/// ordinary word ("à macon", "à vienne").
const CUED_TOWN: u32 = 5_000;
/// A lowercase single word with no preposition before it must name a commune at least
/// this populous to be taken as a place.
const BARE_WORD_MIN_POPULATION: u32 = 1_000;

fn tokens(text: &str) -> Vec<Token> {
    words(text)
        .into_iter()
        .map(|(word, start, end)| {
            let capitalized = text[start..].chars().next().is_some_and(char::is_uppercase);
            let word = match word.as_str() {
                "st" => "saint".to_string(),
                "ste" => "sainte".to_string(),
                _ => word,
            };
            Token {
                word,
                start,
                end,
                capitalized,
            }
        })
        .collect()
}

struct Finder<'a, F> {
    gazetteer: &'a Gazetteer,
    text: &'a str,
    tokens: Vec<Token>,
    /// Typo-tolerant lookups left ([`limits::FUZZY_PLACE_LOOKUPS`] per question).
    fuzzy_left: std::cell::Cell<usize>,
    is_vocabulary: F,
}

/// Finds the place a question speaks of, if any. `is_vocabulary` tells which words the
/// rest of understanding knows (audiences, event types, themes…): they are not typos
/// of place names.
pub fn find_place(
    gazetteer: &Gazetteer,
    question: &str,
    is_vocabulary: impl Fn(&str) -> bool,
) -> Option<PlaceMention> {
    let finder = Finder {
        gazetteer,
        text: question,
        tokens: tokens(question),
        fuzzy_left: std::cell::Cell::new(limits::FUZZY_PLACE_LOOKUPS),
        is_vocabulary,
    };
    finder.find()
}

impl<F: Fn(&str) -> bool> Finder<'_, F> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.word.as_str())
    }

    fn before(&self, i: usize, back: usize) -> &str {
        if i >= back { self.word(i - back) } else { "" }
    }

    fn commune_cue(&self, i: usize) -> bool {
        let prev = self.before(i, 1);
        let prev2 = self.before(i, 2);
        COMMUNE_CUES.contains(&prev)
            || ((prev == "de" || prev == "du")
                && (COMMUNE_CUES.contains(&prev2)
                    || ["km", "kms", "kilometres", "loin"].contains(&prev2)))
    }

    fn area_cue(&self, i: usize) -> bool {
        let prev = self.before(i, 1);
        AREA_CUES.contains(&prev)
            || (["le", "la", "les", "l"].contains(&prev)
                && ["dans", "de", "pour", "sur", "vers"].contains(&self.before(i, 2)))
    }

    fn is_ordinary(&self, word: &str) -> bool {
        is_stop_word(word) || self.gazetteer.is_common_word(word) || (self.is_vocabulary)(word)
    }

    /// "à moins de 30 km", "à 2,5 km", "50km", "à 1 000 km": the radius asked for, any
    /// number (understanding tells what is too far or zero).
    fn radius(&self) -> Option<f64> {
        let units = ["km", "kms", "kilometres", "kilometre"];
        (0..self.tokens.len()).find_map(|i| {
            let word = self.tokens[i].word.as_str();
            if units.contains(&word) && i > 0 {
                self.number_before(i - 1, &self.tokens[i - 1].word)
            } else {
                let digits = word.strip_suffix("km")?;
                self.number_before(i, digits)
            }
        })
    }

    /// The number that token `i` ends, its own digits being `digits`: with the decimal
    /// part ("2,5") or the thousands ("1 000") of the token before.
    fn number_before(&self, i: usize, digits: &str) -> Option<f64> {
        let is_digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        if !is_digits(digits) {
            return None;
        }
        let whole = digits.parse::<f64>().ok()?;
        let Some(previous) = i.checked_sub(1).map(|p| &self.tokens[p]) else {
            return Some(whole);
        };
        let between = self
            .text
            .get(previous.end..self.tokens[i].start)
            .unwrap_or("");
        if !is_digits(&previous.word) {
            return Some(whole);
        }
        let number = match between {
            "," | "." => format!("{}.{digits}", previous.word).parse().ok()?,
            " " | "\u{a0}" | "\u{202f}" if digits.len() == 3 && previous.word.len() <= 3 => {
                previous.word.parse::<f64>().ok()? * 1000.0 + whole
            }
            _ => whole,
        };
        Some(number)
    }

    fn find(&self) -> Option<PlaceMention> {
        let mut best: Option<(u8, PlaceMention)> = None;
        let mut i = 0;
        while i < self.tokens.len() {
            let found = self
                .here(i)
                .or_else(|| self.number(i))
                .or_else(|| self.name(i))
                .or_else(|| self.fuzzy(i));
            let found = found.map(|f| self.after_article(i, f));
            match found {
                Some((confidence, end, mention)) => {
                    if best.as_ref().is_none_or(|(c, _)| confidence > *c) {
                        best = Some((confidence, mention));
                    }
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        best.map(|(_, mut mention)| {
            mention.radius_km = self.radius().or(mention.radius_km);
            mention
        })
    }

    /// Whether the words `i..i + len` are all the question says besides fillers and
    /// stop words ("événements manche", "y a quoi nord ?"): then they name a place.
    fn alone(&self, i: usize, len: usize) -> bool {
        self.tokens.iter().enumerate().all(|(k, t)| {
            (i..i + len).contains(&k) || is_stop_word(&t.word) || FILLERS.contains(&t.word.as_str())
        })
    }

    /// A name found at an article ("le Val", "la Creuse") gives way to the name after the
    /// article when that one reaches farther ("le Val-de-Marne") or as far and is a
    /// département or région ("dans la Creuse").
    fn after_article(
        &self,
        i: usize,
        found: (u8, usize, PlaceMention),
    ) -> (u8, usize, PlaceMention) {
        if !["le", "la", "les", "l"].contains(&self.word(i)) {
            return found;
        }
        match self.name(i + 1) {
            Some((confidence, end, mention))
                if end > found.1
                    || (end == found.1
                        && matches!(found.2.area, Area::Commune(_))
                        && !matches!(mention.area, Area::Commune(_))) =>
            {
                (confidence.max(found.0), end, mention)
            }
            _ => found,
        }
    }

    fn mention(&self, area: Area, from: usize, to: usize) -> PlaceMention {
        PlaceMention {
            area,
            span: (self.tokens[from].start, self.tokens[to - 1].end),
            radius_km: None,
            corrected_from: None,
            alternatives: Vec::new(),
            could_be_a_day: false,
            postcode_communes: Vec::new(),
        }
    }

    /// "près de moi", "autour de chez moi".
    fn here(&self, i: usize) -> Option<(u8, usize, PlaceMention)> {
        if self.word(i) != "moi" {
            return None;
        }
        let near = (1..=3).any(|back| {
            ["pres", "autour", "cote", "proche", "vers"].contains(&self.before(i, back))
        });
        near.then(|| (3, i + 1, self.mention(Area::Here, i, i + 1)))
    }

    /// A postal code: its arrondissement ("75012" is Paris 12e, not all of Paris), its
    /// commune, or all the communes that share it, around the most populous one and
    /// far enough to reach the others. An INSEE code otherwise.
    fn postcode(&self, i: usize, code: &str) -> Option<(u8, usize, PlaceMention)> {
        let gazetteer = self.gazetteer;
        let all = gazetteer.communes_by_postcode(code);
        let arrondissements: Vec<u32> = all
            .iter()
            .copied()
            .filter(|&c| gazetteer.commune(c).is_arrondissement())
            .collect();
        let communes = if arrondissements.is_empty() {
            all.to_vec()
        } else {
            arrondissements
        };
        let Some(&first) = communes.first() else {
            let insee = gazetteer.commune_index(code)?;
            return Some((3, i + 1, self.mention(Area::Commune(insee), i, i + 1)));
        };
        let mut mention = self.mention(Area::Commune(first), i, i + 1);
        if communes.len() > 1 {
            let center = gazetteer.commune(first).point;
            let farthest = communes
                .iter()
                .map(|&c| center.distance_km(gazetteer.commune(c).point))
                .fold(0.0, f64::max);
            mention.radius_km = Some(crate::limits::DEFAULT_RADIUS_KM + farthest.ceil());
            mention.postcode_communes = communes;
        }
        Some((3, i + 1, mention))
    }

    /// Postal codes, INSEE codes and département numbers.
    fn number(&self, i: usize) -> Option<(u8, usize, PlaceMention)> {
        let word = self.word(i);
        let next = self.word(i + 1);
        let digits = word.chars().all(|c| c.is_ascii_digit());
        if digits && word.len() == 5 {
            return self.postcode(i, word);
        }
        let is_code = (digits && word.len() == 3) || word == "2a" || word == "2b";
        let short = digits && (1..=2).contains(&word.len());
        if !(is_code || short) || NOT_AFTER_DEPARTEMENT.contains(&next) || MONTHS.contains(&next) {
            return None;
        }
        let code = if short && word.len() == 1 {
            format!("0{word}")
        } else {
            word.to_uppercase()
        };
        let index = self
            .gazetteer
            .departements()
            .iter()
            .position(|d| *d.code == *code)? as u32;
        let area = Area::Departement(index);
        if is_code {
            return Some((2, i + 1, self.mention(area, i, i + 1)));
        }
        let prev = self.before(i, 1);
        // "le 1" is a rank ("le 1er", "plus d'infos sur le 1"), "dans le 1" a place.
        let cued = if word.len() == 1 {
            self.before(i, 2) == "dans" || ["departement", "dep", "dept"].contains(&prev)
        } else {
            self.area_cue(i) || prev == "le" || ["departement", "dep", "dept"].contains(&prev)
        };
        let leading_zero = word.len() == 2 && word.starts_with('0');
        if !(cued || leading_zero) || MONTHS.contains(&next) {
            return None;
        }
        let mut mention = self.mention(area, i, i + 1);
        let in_the = self.before(i, 2) == "dans" || AREA_CUES.contains(&prev);
        mention.could_be_a_day =
            !in_the && word.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n));
        Some((2, i + 1, mention))
    }

    /// Names, exactly as in the gazetteer (accents, case and hyphens aside).
    fn name(&self, i: usize) -> Option<(u8, usize, PlaceMention)> {
        let longest = self
            .gazetteer
            .longest_key_words()
            .min(self.tokens.len() - i);
        for len in (1..=longest).rev() {
            let run = &self.tokens[i..i + len];
            // "saint andre d apchon", typed without its apostrophe, is the name whose
            // key dropped the elided "d'".
            let name_key = run
                .iter()
                .map(|t| t.word.as_str())
                .filter(|w| !(len > 1 && ["d", "l"].contains(w)))
                .collect::<Vec<_>>()
                .join(" ");
            let named = self.gazetteer.named(&name_key);
            let without_article = self.gazetteer.named_without_article(&name_key);
            if named.is_empty() && without_article.is_empty() {
                continue;
            }
            if let Some(found) = self.accept(i, len, named, without_article) {
                return Some(found);
            }
        }
        None
    }

    fn accept(
        &self,
        i: usize,
        len: usize,
        named: &[Named],
        without_article: &[u32],
    ) -> Option<(u8, usize, PlaceMention)> {
        let run = &self.tokens[i..i + len];
        let capitalized = run.iter().any(|t| t.capitalized);
        let commune_cue = self.commune_cue(i);
        let area_cue = self.area_cue(i);
        let ordinary = run.iter().all(|t| self.is_ordinary(&t.word));
        let adjective = ADJECTIVE_CONTEXT.contains(&self.before(i, 1)) && !capitalized;
        if adjective || (len == 1 && is_stop_word(&run[0].word) && !(capitalized && commune_cue)) {
            return None;
        }
        let mut options: Vec<Area> = Vec::new();
        let mut communes: Vec<u32> = Vec::new();
        for n in named {
            match n {
                Named::Communes(ids) => communes.extend(ids),
                Named::Departement(d) => options.push(Area::Departement(*d)),
                Named::Region(code) => options.push(Area::Region(code.clone())),
                Named::Group(label, territory) => options.push(Area::Group {
                    label: label.clone(),
                    territory: territory.clone(),
                }),
            }
        }
        communes.extend(without_article);
        communes.dedup();
        let population = |c: &u32| self.gazetteer.commune(*c).population;
        communes.sort_by_key(|c| std::cmp::Reverse(population(c)));
        let biggest = communes.first().map_or(0, population);
        // "à Vienne" is the commune, "dans la Vienne" the département; but "à La Réunion"
        // is the island, not the hamlet of Lot-et-Garonne; "Paris 12e" the commune.
        let commune_first = (commune_cue && !area_cue && biggest >= AREA_OVER_COMMUNE)
            || communes
                .first()
                .is_some_and(|&c| self.arrondissement(i + len, c).is_some());
        let everyday = run
            .iter()
            .all(|t| EVERYDAY_AREA_WORDS.contains(&t.word.as_str()));
        // "à la réunion": a name said with its own article after a preposition.
        let with_article = len > 1 && ["le", "la", "les", "l"].contains(&run[0].word.as_str());
        let areas_ok = !ordinary
            || area_cue
            || (capitalized && !commune_first)
            || !everyday
            || (with_article && commune_cue)
            || self.alone(i, len);
        let determiner = DETERMINERS.contains(&self.before(i, 1));
        // A capital letter inside the sentence marks a proper noun: "de Quimper".
        let proper_noun = capitalized && i > 0 && !(determiner && self.before(i, 1) != "de");
        // After "à", ordinary words are a town when it is not tiny ("à macon") or when
        // they are a long name ("à saint bonnet le bourg").
        let cued_town = commune_cue && (biggest >= CUED_TOWN || len >= 3);
        let communes_ok = if ordinary {
            (commune_cue || area_cue) && (capitalized || biggest >= BIG_CITY || cued_town)
                || proper_noun
                || (!commune_cue && !determiner && biggest >= BIG_CITY && len == 1 && !area_cue)
        } else {
            commune_cue || area_cue || capitalized || len > 1 || biggest >= BARE_WORD_MIN_POPULATION
        };
        let area_choice = options.first().filter(|_| areas_ok).cloned();
        let commune_choice = communes.first().filter(|_| communes_ok).copied();
        let (area, end) = match (area_choice, commune_choice) {
            (Some(area), Some(_)) if !commune_first => (area, i + len),
            (_, Some(commune)) => {
                return Some(self.commune(i, len, commune, &communes, commune_cue));
            }
            (Some(area), None) => (area, i + len),
            (None, None) => return None,
        };
        let confidence = if area_cue || commune_cue { 3 } else { 1 };
        Some((confidence, end, self.mention(area, i, end)))
    }

    /// A commune match, narrowed by a qualifier ("(93)", "à La Réunion") or extended to an
    /// arrondissement ("Paris 12e").
    fn commune(
        &self,
        i: usize,
        len: usize,
        chosen: u32,
        homonyms: &[u32],
        cued: bool,
    ) -> (u8, usize, PlaceMention) {
        let mut end = i + len;
        let mut chosen = chosen;
        let mut candidates: Vec<u32> = homonyms.to_vec();
        if let Some((qualified, qualifier_end)) = self.qualifier(end, homonyms) {
            candidates = qualified;
            chosen = candidates[0];
            end = qualifier_end;
        }
        let mut start = i;
        if let Some((arrondissement, arrondissement_end)) = self.arrondissement(end, chosen) {
            chosen = arrondissement;
            candidates = vec![arrondissement];
            end = arrondissement_end;
        } else if let Some((arrondissement, from)) = self.arrondissement_before(i, chosen) {
            chosen = arrondissement;
            candidates = vec![arrondissement];
            start = from;
        }
        let mut mention = self.mention(Area::Commune(chosen), start, end);
        mention.alternatives = candidates
            .iter()
            .filter(|&&c| c != chosen)
            .take(3)
            .map(|&c| Area::Commune(c))
            .collect();
        let confidence = if cued || len > 1 { 3 } else { 2 };
        (confidence, end, mention)
    }

    /// What follows a commune and says which homonym: a département code or name, a
    /// région, a postal code.
    fn qualifier(&self, from: usize, homonyms: &[u32]) -> Option<(Vec<u32>, usize)> {
        if homonyms.len() < 2 {
            return None;
        }
        let mut at = from;
        if ["a", "en", "dans", "de", "du", "le", "la", "l"].contains(&self.word(at)) {
            at += 1;
        }
        if ["le", "la", "les", "l"].contains(&self.word(at)) && self.word(at) != self.word(from) {
            at += 1;
        }
        let keep = |test: &dyn Fn(u32) -> bool| -> Vec<u32> {
            homonyms.iter().copied().filter(|&c| test(c)).collect()
        };
        let word = self.word(at);
        let commune = |c: u32| self.gazetteer.commune(c);
        if word.len() == 5 && word.chars().all(|c| c.is_ascii_digit()) {
            let kept = keep(&|c| commune(c).postcodes.iter().any(|p| **p == *word));
            return (!kept.is_empty()).then_some((kept, at + 1));
        }
        if !word.is_empty() && word.len() <= 3 && word.chars().all(|c| c.is_ascii_alphanumeric()) {
            let code = if word.len() == 1 {
                format!("0{word}")
            } else {
                word.to_uppercase()
            };
            let kept = keep(&|c| *commune(c).departement == *code);
            if !kept.is_empty() {
                return Some((kept, at + 1));
            }
        }
        let longest = 5.min(self.tokens.len().saturating_sub(at));
        for len in (1..=longest).rev() {
            let name_key = self.tokens[at..at + len]
                .iter()
                .map(|t| t.word.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            for named in self.gazetteer.named(&name_key) {
                let kept = match named {
                    Named::Departement(d) => {
                        let code = &self.gazetteer.departement_at(*d).code;
                        keep(&|c| *commune(c).departement == **code)
                    }
                    Named::Region(code) => keep(&|c| *commune(c).region == **code),
                    Named::Group(_, Territory::Regions(regions)) => {
                        keep(&|c| regions.iter().any(|r| **r == *commune(c).region))
                    }
                    Named::Group(_, Territory::Departements(codes)) => {
                        keep(&|c| codes.iter().any(|d| **d == *commune(c).departement))
                    }
                    Named::Communes(_) => continue,
                };
                if !kept.is_empty() {
                    return Some((kept, at + len));
                }
            }
        }
        None
    }

    /// "Paris 12e", "Lyon 3", "Marseille 1er arrondissement".
    fn arrondissement(&self, at: usize, commune: u32) -> Option<(u32, usize)> {
        let word = self.word(at);
        let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
        let suffix = &word[digits.len()..];
        if digits.is_empty() || !["", "e", "eme", "er", "ere", "ieme"].contains(&suffix) {
            return None;
        }
        let mut end = at + 1;
        if ["e", "eme", "er"].contains(&self.word(end)) {
            end += 1;
        }
        if ["arrondissement", "arr", "arrdt"].contains(&self.word(end)) {
            end += 1;
        }
        let number: u32 = digits.parse().ok()?;
        Some((self.gazetteer.arrondissement(commune, number)?, end))
    }

    /// "le 15e à Paris", "dans le 3e arrondissement de Lyon": an ordinal before the
    /// commune (a bare number is not: "15 à Paris" may be a day). Its arrondissement
    /// and the first word of the mention.
    fn arrondissement_before(&self, at: usize, commune: u32) -> Option<(u32, usize)> {
        let mut j = at.checked_sub(1)?;
        if ["a", "de", "du", "d", "sur"].contains(&self.word(j)) {
            j = j.checked_sub(1)?;
        }
        if ["arrondissement", "arr", "arrdt"].contains(&self.word(j)) {
            j = j.checked_sub(1)?;
        }
        let word = self.word(j);
        let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
        let suffix = &word[digits.len()..];
        if digits.is_empty() || !["e", "eme", "er", "ere", "ieme"].contains(&suffix) {
            return None;
        }
        let number: u32 = digits.parse().ok()?;
        Some((self.gazetteer.arrondissement(commune, number)?, j))
    }

    /// Misspelled names of the larger places: "Toulouze", "Nise", "Brets".
    fn fuzzy(&self, i: usize) -> Option<(u8, usize, PlaceMention)> {
        let longest = 3.min(self.tokens.len() - i);
        for len in (1..=longest).rev() {
            let run = &self.tokens[i..i + len];
            if run
                .iter()
                .any(|t| self.is_ordinary(&t.word) || t.word.chars().any(|c| c.is_ascii_digit()))
            {
                continue;
            }
            let name_key = run
                .iter()
                .map(|t| t.word.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let left = self.fuzzy_left.get().checked_sub(1)?;
            self.fuzzy_left.set(left);
            let found = self.gazetteer.named_fuzzy(&name_key);
            let population = |named: &Named| match named {
                Named::Communes(ids) => self.gazetteer.commune(ids[0]).population,
                _ => u32::MAX,
            };
            // Typos rarely touch the first letter: "nise" is Nice, not Oise.
            let rank = |(target, named, d): &(&str, &Named, usize)| {
                let other_initial = target.chars().next() != name_key.chars().next();
                (*d, other_initial, std::cmp::Reverse(population(named)))
            };
            let Some(best) = found.iter().min_by_key(|c| rank(c)) else {
                continue;
            };
            let (_, named, _) = *best;
            let ties = found.iter().filter(|c| rank(c) == rank(best)).count();
            if ties > 1 {
                continue; // "Brets" must be unambiguous to be corrected
            }
            let typed = self.tokens[i].start..self.tokens[i + len - 1].end;
            let mut mention = match named {
                Named::Communes(ids) => {
                    let (_, _, mention) = self.commune(i, len, ids[0], ids, true);
                    mention
                }
                Named::Departement(d) => self.mention(Area::Departement(*d), i, i + len),
                Named::Region(code) => self.mention(Area::Region(code.clone()), i, i + len),
                Named::Group(label, territory) => self.mention(
                    Area::Group {
                        label: label.clone(),
                        territory: territory.clone(),
                    },
                    i,
                    i + len,
                ),
            };
            mention.corrected_from = Some(
                self.tokens[i..i + len]
                    .iter()
                    .map(|t| t.word.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            let _ = typed;
            let end = i + len;
            return Some((1, end, mention));
        }
        None
    }
}
