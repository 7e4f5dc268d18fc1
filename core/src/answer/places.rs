//! How places and scopes are named to users: "Brest (29)", "Paris 12",
//! "dans le Finistère (29)", "à moins de 30 km de Brest (29)". Places and search return
//! areas and scopes; their names in a sentence are here.

use crate::answer::french;
use crate::places::{Area, Departement, Gazetteer, Region};
use crate::search::Scope;

/// A commune as users read it: "Brest (29)"; an arrondissement: "Paris 12".
pub fn commune_label(gazetteer: &Gazetteer, index: u32) -> String {
    let c = gazetteer.commune(index);
    if let Some(parent) = c.parent {
        let number = c.name.split(' ').nth(1).unwrap_or_default();
        return format!("{} {number}", gazetteer.commune(parent).name);
    }
    format!("{} ({})", c.name, c.departement)
}

/// "dans le Finistère (29)", "en Haute-Corse (2B)", "dans les Alpes-Maritimes (06)",
/// "dans l'Ain (01)", "à Paris (75)", "à La Réunion (974)".
pub fn departement_phrase(departement: &Departement) -> String {
    let preposition = match departement.article {
        2 => "dans le ",
        3 => "en ",
        4 => "dans les ",
        5 => "dans l'",
        _ => "à ",
    };
    format!("{preposition}{} ({})", departement.name, departement.code)
}

/// "en Bretagne", "à La Réunion", "à Mayotte".
pub fn region_phrase(region: &Region) -> String {
    let islands = [
        "La Réunion",
        "Mayotte",
        "Saint-Pierre-et-Miquelon",
        "Saint-Barthélemy",
        "Saint-Martin",
    ];
    if islands.contains(&&*region.name) {
        format!("à {}", region.name)
    } else {
        format!("en {}", region.name)
    }
}

/// How a scope is named: "Brest (29)", "Finistère (29)", "Bretagne", "outre-mer",
/// "ta position".
pub fn scope_label(scope: &Scope, gazetteer: &Gazetteer) -> String {
    match &scope.area {
        Area::Commune(index) => commune_label(gazetteer, *index),
        Area::Departement(index) => {
            let d = gazetteer.departement_at(*index);
            format!("{} ({})", d.name, d.code)
        }
        Area::Region(code) => gazetteer
            .region(code)
            .map_or_else(|| code.to_string(), |r| r.name.to_string()),
        Area::Group { label, .. } => label.to_string(),
        Area::Here => "ta position".into(),
    }
}

/// Where, in a sentence: "à moins de 30 km de Brest (29)", "dans le Finistère (29)",
/// "dans toute la France, au plus près de toi".
pub fn scope_phrase(scope: &Scope, gazetteer: &Gazetteer) -> String {
    let from = || match scope.area {
        Area::Here => "toi".to_string(),
        _ => scope_label(scope, gazetteer),
    };
    match &scope.area {
        Area::Commune(_) | Area::Here => match scope.radius_km {
            Some(radius) => format!("à moins de {} km de {}", french::number(radius), from()),
            None => format!("dans toute la France, au plus près de {}", from()),
        },
        Area::Departement(index) => departement_phrase(gazetteer.departement_at(*index)),
        Area::Region(code) => gazetteer
            .region(code)
            .map_or_else(|| format!("en {code}"), region_phrase),
        Area::Group { label, .. } => format!("en {label}"),
    }
}

/// The commune of an event, or "en ligne" for an online event without one.
pub fn city(event: &crate::model::Event) -> &str {
    match &event.place.commune {
        Some(commune) => commune,
        None if event.online => "en ligne",
        None => "",
    }
}
