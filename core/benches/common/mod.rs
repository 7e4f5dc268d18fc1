//! What the benchmarks share.

/// Questions written as students type them: places, dates, audiences, typos, figures.
pub const QUESTIONS: [&str; 20] = [
    "événements près de Brest pour lycéens",
    "escape game",
    "visite d'usine hydroélectrique",
    "combien on gagne dans l'industrie ?",
    "qui construit des sous-marins ?",
    "c'est quand la semaine de l'industrie ?",
    "ya koi pr les lyceen·ne·s ds le 29 demain",
    "escap game nise",
    "des visites d'entreprise à moins de 50 km de Toulouse",
    "événements en outre-mer",
    "la mixité dans l'industrie",
    "job dating à Brest le jeudi 21 novembre",
    "événements demain matin en Normandie",
    "les métiers de l'énergie",
    "bonjour, je voudrais savoir s'il y a des ateliers pour les collégiens près de Caen",
    "Saint-Denis",
    "title:* OR (",
    "énergie nucléaire",
    "événements en décembre",
    "merci !",
];
