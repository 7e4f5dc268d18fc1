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
    /// A group of régions ("outre-mer"), with its label.
    Group {
        /// How users call it.
        label: Box<str>,
        /// Région codes.
        regions: Vec<Box<str>>,
    },
    /// The user's own position ("près de moi"), which only an adapter can supply.
    Here,
}
