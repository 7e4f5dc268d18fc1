//! What a place mention designates: a commune, a département, a région, a group of
//! régions, or the user's own position.

/// What a place mention designates.
#[derive(Clone, Debug, PartialEq)]
pub enum Area {
    /// A commune or municipal arrondissement (gazetteer index).
    Commune(u32),
    /// A département (gazetteer index).
    Departement(u32),
    /// A région (code).
    Region(Box<str>),
    /// A group of régions ("outre-mer") or of départements (a former région,
    /// "Picardie"), with its label.
    Group {
        /// How users call it.
        label: Box<str>,
        /// What it is made of.
        territory: Territory,
    },
    /// The user's own position ("près de moi"), which only an adapter can supply.
    Here,
}

/// What a group of places is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Territory {
    /// Régions, by code ("outre-mer").
    Regions(Vec<Box<str>>),
    /// Départements, by code (a former région).
    Departements(Vec<Box<str>>),
}
