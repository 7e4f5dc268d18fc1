//! Places: the gazetteer of French communes, départements and régions, the areas they
//! form, and distances. The place a question speaks of is understanding's
//! (`understand::mention`).

mod area;
mod code;
pub mod fuzzy;
mod gazetteer;
mod geo;

pub use area::{Area, Territory};
pub use code::Code;
pub use gazetteer::{
    Commune, Departement, FUZZY_MIN_POPULATION, GAZETTEER_FILES, Gazetteer, Named, Region,
};
pub use geo::Point;

use crate::text::{ELISIONS, fold_char};

/// The lookup key of a place name: folded words (elided letters dropped, as in a
/// question) separated by one space, "st"/"ste" spelled out.
///
/// ```
/// use boussole_core::places::key;
/// assert_eq!(key("Saint-Étienne"), "saint etienne");
/// assert_eq!(key("st etienne"), "saint etienne");
/// assert_eq!(key("L'Haÿ-les-Roses"), "hay les roses");
/// assert_eq!(key("Les Sables-d'Olonne"), "les sables olonne");
/// ```
pub fn key(name: &str) -> String {
    // The same words as `text::words` (folding, elision), without its allocations: this
    // runs for every commune when the gazetteer loads.
    let mut out = String::with_capacity(name.len());
    let mut word_start = 0;
    let mut folded = String::new();
    let finish_word = |out: &mut String, word_start: usize, elided: bool| {
        let word = &out[word_start..];
        if word.is_empty() {
            return;
        }
        if elided && ELISIONS.contains(&word) {
            out.truncate(word_start);
            return;
        }
        let spelled = match word {
            "st" => "saint",
            "ste" => "sainte",
            _ => "",
        };
        if !spelled.is_empty() {
            out.truncate(word_start);
            out.push_str(spelled);
        }
        out.push(' ');
    };
    for c in name.chars() {
        folded.clear();
        fold_char(c, &mut folded);
        for f in folded.chars() {
            if f.is_alphanumeric() {
                out.push(f);
            } else {
                finish_word(&mut out, word_start, f == '\'');
                word_start = out.len();
            }
        }
    }
    finish_word(&mut out, word_start, false);
    out.truncate(out.trim_end().len());
    out
}
