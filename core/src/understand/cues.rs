//! The words of intents, politeness and follow-ups. Sector, audience and type words live
//! in `data/thesaurus.toml`; these are the words of the conversation itself.

#[rustfmt::skip]
pub(crate) const GREETINGS: &[&str] = &[
    "bonjour", "salut", "coucou", "hello", "bonsoir", "hey", "yo", "slt", "bjr", "cc", "wesh",
    "hi", "bsr", "hola",
];

#[rustfmt::skip]
pub(crate) const THANKS: &[&str] = &[
    "merci", "mrc", "thanks", "thx", "revoir", "bye", "ciao", "bisous", "super", "genial",
    "parfait", "cool", "top", "nickel", "adieu",
];

#[rustfmt::skip]
pub(crate) const THANKS_FILLERS: &[&str] = &[
    "beaucoup", "bien", "au", "revoir", "a", "plus", "bonne", "journee", "soiree", "c", "est",
    "ca", "tres", "trop", "tout", "pour", "l", "info", "infos", "aide", "ok", "d", "accord",
    "vraiment", "bcp", "mille", "fois", "toi", "vous", "te", "boussole", "et", "salut",
];

#[rustfmt::skip]
pub(crate) const HELP: &[&str] = &[
    "aide", "help", "start", "menu", "aider", "commandes", "exemples", "exemple",
];

#[rustfmt::skip]
pub(crate) const POLITE: &[&str] = &[
    "svp", "stp", "plait", "sil", "vous", "te", "toi", "a", "tous", "boussole", "moi", "m",
];

/// Words that carry no search meaning in a question (beyond the analyzer's stop words).
#[rustfmt::skip]
pub(crate) const FILLERS: &[&str] = &[
    "bonjour", "salut", "coucou", "hello", "bonsoir", "svp", "stp", "merci", "voudrais",
    "veux", "voulais", "aimerais", "savoir", "cherche", "chercher", "recherche", "trouver",
    "quoi", "quels", "quelles", "quel", "quelle", "est", "ce", "ya", "passe", "passent",
    "peux", "peut", "pourrais", "dire", "donne", "donner", "montre", "montrer", "liste",
    "evenement", "evenements", "evenemen", "evenment", "evenments", "event", "events",
    "evenementiel", "y", "il", "a", "t", "oui", "non", "plait", "s", "sil", "jai", "moi",
    "faire", "fait", "propose", "proposes", "proposent", "existe", "existent", "trucs",
    "truc", "choses", "chose", "aller", "va", "vais", "organise", "organises", "prevu",
    "prevus", "interesse", "interessee", "interesses", "qu", "quelque", "quelques", "svp",
    "dis", "connais", "connaitre", "aura", "aurait", "auront", "ai", "besoin", "cela", "ca",
    "voir", "activite", "activites", "sortie", "sorties", "programme", "agenda", "quand",
    "comment", "ou", "semaine", "industrie", "industriel", "industrielle", "industriels",
    "tout", "tous", "toutes", "bien", "possible", "genre", "type", "style", "sais",
    "information", "informations", "info", "infos", "encore", "reste", "restent", "rester",
    "dispo", "dispos", "disponible", "disponibles", "prevoit", "prevue", "prevues", "arrive",
    "venir", "sinon", "alors", "ensuite", "plus", "autre", "autres", "peu", "coup",
];

#[rustfmt::skip]
pub(crate) const LEAN_EVENTS: &[&str] = &[
    "evenement", "evenements", "evenemen", "event", "events", "visite", "visites", "visiter",
    "atelier", "ateliers", "salon", "forum", "escape", "dating", "portes", "pres", "autour",
    "vers", "passe", "sortie", "activites", "activite", "agenda", "programme", "aller",
];

#[rustfmt::skip]
pub(crate) const LEAN_FIGURES: &[&str] = &[
    "combien", "chiffre", "chiffres", "nombre", "pourcentage", "part", "taux", "statistiques",
    "stats", "salaire", "salaires", "gagne", "gagner", "gagnent", "paye", "payes", "pollue",
    "polluer", "emissions", "remuneration", "recrutements", "recrute", "recrutent",
    "embauche", "embauches", "emplois", "usines", "budget", "argent",
    "milliards", "millions",
];

#[rustfmt::skip]
pub(crate) const LEAN_ABOUT: &[&str] = &[
    "gratuit", "gratuits", "gratuite", "payant", "payants", "payante", "prix", "coute",
    "couter", "tarif", "tarifs", "organise", "organisateur", "organisateurs", "inscrire",
    "inscription", "participer", "edition", "quand", "dates", "label", "labellise", "dure",
    "durent", "duree",
];

/// Words of the price: the week's answer even when a kind of event is named.
#[rustfmt::skip]
pub(crate) const PRICE: &[&str] = &[
    "gratuit", "gratuits", "gratuite", "gratuites", "payant", "payants", "payante",
    "payantes", "prix", "coute", "coutent", "tarif", "tarifs",
];

/// Words that ask for the role models even with a place or an audience ("un portrait
/// de quelqu'un dans la Manche", "des apprentis dans tes vidéos").
#[rustfmt::skip]
pub(crate) const PEOPLE: &[&str] = &[
    "portrait", "portraits", "video", "videos", "temoignage", "temoignages", "quelqu",
];

/// A person described ("un jeune en alternance", "la fille des robots") asks for a role
/// model: a determiner of one person, then one of these.
#[rustfmt::skip]
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "jeune", "fille", "garcon", "mec", "meuf", "gars", "femme", "homme", "personne",
    "ingenieur", "ingenieure", "inge", "apprenti", "apprentie", "alternant", "alternante",
    "technicien", "technicienne", "ouvrier", "ouvriere", "operateur", "operatrice",
    "soudeur", "soudeuse", "cheffe", "salarie", "salariee",
];

#[rustfmt::skip]
pub(crate) const DETERMINERS: &[&str] = &["un", "une", "le", "la", "l", "cette", "ce", "cet"];

#[rustfmt::skip]
pub(crate) const LEAN_PEOPLE: &[&str] = &[
    "metier", "metiers", "portrait", "portraits", "temoignage", "temoignages", "video",
    "videos", "qui", "modele", "modeles", "parcours", "travaille", "travailler",
    "devenir", "ingenieur", "apprentie", "jeune", "jeunes", "exemple", "exemples",
    "bosse", "bossent", "taffe", "taffent",
];

/// Words that every fact, role model and topic speaks of: left out of the knowledge
/// search when the question says anything else.
pub(crate) const EVERYWHERE: &[&str] = &[
    "industrie",
    "industries",
    "industriel",
    "industrielle",
    "industriels",
    "industrielles",
];

/// Words that introduce a place, left out of the text searched.
#[rustfmt::skip]
pub(crate) const PLACE_WORDS: &[&str] = &[
    "pres", "autour", "vers", "moins", "km", "kms", "kilometres", "kilometre", "rayon",
    "proche", "proches", "cote", "environs", "alentours", "chez", "moi", "dans", "region",
    "departement", "ville", "coin", "secteur", "loin",
];

/// Words asking for the details of an item of the last list.
#[rustfmt::skip]
pub(crate) const DETAIL_WORDS: &[&str] = &[
    "plus", "infos", "info", "information", "informations", "detail", "details", "savoir",
    "sur", "le", "la", "l", "du", "de", "d", "numero", "n", "no", "celui", "celle", "et",
    "lien", "en", "dis", "moi", "m", "parle", "voir", "veux", "ouvre", "choisis", "prends",
    "c", "est", "quoi", "ca", "evenement", "detaille", "detailler", "decris", "decrire",
];

/// Words of a question about one event, asked after it was shown: "c'est où ?", "on y
/// fait quoi ?", "c'est quel jour ?", "t'as plus d'infos dessus ?".
#[rustfmt::skip]
pub(crate) const FOCUS_CUES: &[&str] = &[
    "dessus", "ou", "quand", "jour", "heure", "heures", "horaire", "horaires", "activites",
    "programme", "precisement", "exactement", "adresse", "lieu", "endroit", "inscription",
    "inscrire", "gratuit", "prix", "payant", "organise", "organisateur", "musee", "salle",
    "commence", "finit", "termine", "dure", "concretement", "contenu", "deroule", "fait",
];

/// The other words such a question is made of.
#[rustfmt::skip]
pub(crate) const FOCUS_WORDS: &[&str] = &[
    "c", "est", "quoi", "on", "y", "a", "t", "as", "tu", "ca", "se", "il", "elle", "ils",
    "elles", "quel", "quelle", "quels", "quelles", "dans", "de", "du", "la", "le", "les",
    "des", "en", "pour", "et", "ok", "donc", "alors", "au", "fait", "faire", "aura", "va",
    "peut", "comme", "qu", "que", "ce", "cest", "sais", "m", "dis", "plus", "infos", "detaille",
    "passe", "lieu", "quoi", "exactement", "sera", "etre", "faut", "s", "j", "peux", "bien",
];

/// The words of "et l'année d'avant ?" and "et en 2022 ?".
#[rustfmt::skip]
pub(crate) const YEAR_WORDS: &[&str] = &[
    "et", "l", "annee", "an", "d", "avant", "apres", "precedente", "passee", "suivante",
    "prochaine", "prochain", "dernier", "derniere", "en", "pour", "ce", "cette", "c", "etait",
    "est", "combien", "la", "du", "coup", "alors", "pareil", "ok", "meme", "chose", "chiffre",
    "sur", "de",
];

/// The words of a question about a role model just shown ("et il a quel âge ?").
#[rustfmt::skip]
pub(crate) const PERSON_WORDS: &[&str] = &[
    "et", "il", "elle", "lui", "son", "sa", "ses", "a", "quel", "quelle", "age", "ans",
    "bosse", "travaille", "taffe", "habite", "vient", "dans", "de", "d", "quoi", "ou", "c",
    "est", "departement", "region", "ville", "coin", "entreprise", "boite", "societe", "chez",
    "qui", "metier", "job", "poste", "boulot", "fait", "comme", "en", "t", "y", "ok", "du",
    "coup", "alors", "le", "la", "l", "quand", "meme", "exactement", "sais", "tu", "as",
];

#[rustfmt::skip]
pub(crate) const ORDINALS: &[(&str, usize)] = &[
    ("premier", 1), ("premiere", 1), ("1er", 1), ("1ere", 1), ("deuxieme", 2), ("second", 2),
    ("seconde", 2), ("2e", 2), ("2eme", 2), ("troisieme", 3), ("3e", 3), ("3eme", 3),
    ("quatrieme", 4), ("4e", 4), ("4eme", 4), ("cinquieme", 5), ("5e", 5), ("5eme", 5),
    ("un", 1), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5),
];

#[rustfmt::skip]
pub(crate) const NEXT_WORDS: &[&str] = &[
    "suivants", "suivant", "suivante", "suivantes", "encore", "autres", "autre", "suite",
    "next", "page", "plus", "d", "la", "les", "des", "et", "montre", "moi", "en", "voir",
    "d'autres", "resultats", "reste",
];

#[rustfmt::skip]
pub(crate) const WIDER_WORDS: &[&str] = &[
    "loin", "elargir", "elargis", "elargit", "large", "agrandir", "agrandis", "etendre",
    "etends", "rayon", "km", "plus",
];
