//! Places: the gazetteer, and the place a question speaks of.

use std::path::Path;
use std::sync::OnceLock;

use boussole_core::places::{Area, Gazetteer, Point};
use boussole_core::understand::find_place;

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/gazetteer");
        Gazetteer::load(&dir).expect("the bundled gazetteer loads")
    })
}

/// What a question's place resolves to, as a short code: `c:29019` (commune),
/// `d:29` (département), `r:53` (région), `g:outre-mer` (group), `here`, or `-`.
fn resolve(question: &str) -> String {
    let vocabulary = [
        "escape",
        "game",
        "lyceens",
        "evenements",
        "visite",
        "job",
        "dating",
    ];
    let Some(mention) = find_place(gazetteer(), question, |w| vocabulary.contains(&w)) else {
        return "-".into();
    };
    match mention.area {
        Area::Commune(i) => format!("c:{}", gazetteer().commune(i).insee),
        Area::Departement(i) => format!("d:{}", gazetteer().departement_at(i).code),
        Area::Region(code) => format!("r:{code}"),
        Area::Group { label, .. } => format!("g:{label}"),
        Area::Here => "here".into(),
    }
}

/// Checks each question's place; every failure is listed.
fn check(table: &[(&str, &str)]) {
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(question, expected)| {
            let got = resolve(question);
            (got != *expected).then(|| format!("{question:?}: expected {expected}, got {got}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Communes, with or without accents, hyphens, capitals, articles, prepositions.
#[test]
fn communes() {
    check(&[
        ("y a quoi près de Brest pour les lycéens ?", "c:29019"),
        ("evenements a brest", "c:29019"),
        ("EVENEMENTS A BREST", "c:29019"),
        ("à Saint-Étienne", "c:42218"),
        ("st etienne", "c:42218"),
        ("saint etienne", "c:42218"),
        ("au Havre", "c:76351"),
        ("le havre", "c:76351"),
        ("à La Rochelle", "c:17300"),
        ("la rochelle", "c:17300"),
        ("Ramonville", "-"), // not a commune's name on its own: Ramonville-Saint-Agne
        ("à Ramonville-Saint-Agne", "c:31446"),
        ("vers Toulouse", "c:31555"),
        ("événements à moins de 80 km de Quimper", "c:29232"),
        ("autour d'Orléans", "c:45234"),
        ("près de Lyon", "c:69123"),
        ("Qu'est-ce qu'il y a à Nice ?", "c:06088"),
        ("à Aix-en-Provence", "c:13001"),
        ("à Clermont-Ferrand", "c:63113"),
        ("les Sables-d'Olonne", "c:85194"),
        ("à Châlons-en-Champagne", "c:51108"),
    ]);
}

/// Homonyms: qualified, or the most populous.
#[test]
fn homonyms() {
    check(&[
        ("Saint-Louis à La Réunion", "c:97414"),
        ("Saint-Louis", "c:97414"), // the most populous
        ("Saint-Pierre 974", "c:97416"),
        ("Saint-Pierre-et-Miquelon", "d:975"),
        ("Saint-Denis (93)", "c:93066"),
        ("Saint-Denis à la Réunion", "c:97411"),
        ("Saint-Denis", "c:97411"),
        ("à Valence", "c:26362"),
        ("Rochefort en Charente-Maritime", "c:17299"),
    ]);
}

/// Départements by name and number.
#[test]
fn departements() {
    check(&[
        ("dans le Finistère", "d:29"),
        ("en Haute-Corse", "d:2B"),
        ("dans les Alpes-Maritimes", "d:06"),
        ("dans le Loiret", "d:45"),
        ("dans le 29", "d:29"),
        ("le 06", "d:06"),
        ("2B", "d:2B"),
        ("974", "d:974"),
        ("événements dans le 17", "d:17"),
        ("dans le Nord", "d:59"),
        ("dans la Vienne", "d:86"),
        ("à Vienne", "c:38544"),
        ("en Seine-Saint-Denis", "d:93"),
    ]);
}

/// Départements in every spelling: after an article that a commune also starts with
/// ("Le Val", "La Creuse"), lowercase without accents or hyphens, bare.
#[test]
fn departements_in_every_spelling() {
    check(&[
        ("dans le Val-de-Marne", "d:94"),
        ("dans le val de marne ya quoi", "d:94"),
        ("dans le Pas-de-Calais", "d:62"),
        ("dans le Puy-de-Dôme", "d:63"),
        ("dans la Creuse", "d:23"),
        ("dans la Côte-d'Or", "d:21"),
        ("dans la marne", "d:51"),
        ("evenements gironde", "d:33"),
        ("y a quoi en haute garonne", "d:31"),
        ("evenements cantal", "d:15"),
        ("evenements manche", "d:50"),
        ("evenements corse du sud", "d:2A"),
        ("un truc en seine maritime", "d:76"),
        ("à la reunion", "d:974"),
    ]);
}

/// Communes typed lowercase, without accents, hyphens or apostrophes, after "à".
#[test]
fn communes_in_every_spelling() {
    check(&[
        ("événements à saint andre d apchon", "c:42199"),
        ("événements à saint bonnet le bourg", "c:63323"),
        ("événements à conde sur marne", "c:51161"),
        ("événements à macon", "c:71270"),
        ("événements à valence d albigeois", "c:81308"),
        ("je vais à la mer", "-"),
    ]);
}

/// Régions, current and former, and overseas groups.
#[test]
fn regions() {
    check(&[
        ("en Bretagne", "r:53"),
        ("en Normandie", "r:28"),
        ("en Corse", "r:94"),
        ("en Picardie", "g:Picardie"),
        ("en Rhône-Alpes", "g:Rhône-Alpes"),
        ("en Lorraine", "g:Lorraine"),
        ("en midi pyrenees", "g:Midi-Pyrénées"),
        ("en Centre", "r:24"),
        ("en Provence-Alpes-Côte d'Azur", "r:93"),
        ("en PACA", "r:93"),
        ("à La Réunion", "d:974"),
        ("il y a quoi en Guadeloupe", "d:971"),
        ("en Martinique", "d:972"),
        ("à Mayotte", "d:976"),
        ("en outre-mer", "g:outre-mer"),
        ("dans les DOM-TOM", "g:dom-tom"),
        ("en Île-de-France", "r:11"),
    ]);
}

/// Postal codes and arrondissements.
#[test]
fn postal_codes_and_arrondissements() {
    check(&[
        ("29200", "c:29019"),
        ("près de 44000", "c:44109"),
        ("75012", "c:75112"),
        ("un event vers 69003", "c:69383"),
        ("Paris 12e", "c:75112"),
        ("dans le 15e à paris", "c:75115"),
        ("le 3e arrondissement de Lyon", "c:69383"),
        ("15 à paris", "c:75056"),
        ("paris 12", "c:75112"),
        ("Lyon 3e", "c:69383"),
        ("Marseille 1er", "c:13201"),
    ]);
}

/// Typos where the answer is unambiguous.
#[test]
fn typos() {
    check(&[
        ("à Toulouze", "c:31555"),
        ("Nise", "c:06088"),
        ("escap game nise", "c:06088"),
        ("evenemen a brets pr lyceen", "c:29019"),
        ("Troye", "c:10387"),
        ("à Bordeau", "c:33063"),
        ("a montpelier", "c:34172"),
    ]);
}

/// The user's own position.
#[test]
fn the_users_position() {
    check(&[("près de moi", "here"), ("autour de chez moi", "here")]);
}

/// Words that must not become places.
#[test]
fn words_that_are_not_places() {
    check(&[
        ("Bonjour", "-"),
        ("c'est nice", "-"),
        ("c'est trop nice", "-"),
        ("escape game", "-"),
        ("job dating", "-"),
        ("des tours de magie", "-"),
        ("c'est cher ?", "-"),
        ("un centre de formation", "-"),
        ("les métiers de la mer", "-"),
        ("visite d'usine", "-"),
        ("le 21 novembre", "-"),
        ("combien d'emplois en 2024", "-"),
        ("merci", "-"),
        ("j'ai 15 ans", "-"),
        ("plus d'infos sur le 1", "-"),
        ("dans le 1", "d:01"),
    ]);
}

/// Ordinary words that are places after a preposition.
#[test]
fn ordinary_words_after_a_preposition() {
    check(&[
        ("à Tours", "c:37261"),
        ("événements à Orange", "c:84087"),
        ("rennes", "c:35238"),
        ("les rennes du père Noël", "-"),
        ("visite de Quimper", "c:29232"),
    ]);
}

#[test]
fn every_commune_is_there_with_coordinates() {
    let g = gazetteer();
    let communes = g
        .communes()
        .iter()
        .filter(|c| !c.is_arrondissement())
        .count();
    assert!((34_800..35_100).contains(&communes), "{communes} communes");
    for code in ["971", "972", "973", "974", "976", "975", "2A", "2B"] {
        assert!(g.departement(code).is_some(), "{code}");
    }
    let located = g.communes().iter().filter(|c| !c.approximate).count();
    assert!(located > 14_000, "{located} communes located by GeoNames");
}

#[test]
fn unqualified_homonyms_keep_their_alternatives() {
    let mention = find_place(gazetteer(), "Saint-Denis", |_| false).unwrap();
    assert!(!mention.alternatives.is_empty());
    let corrected = find_place(gazetteer(), "à Toulouze", |_| false).unwrap();
    assert_eq!(corrected.corrected_from.as_deref(), Some("toulouze"));
}

#[test]
fn radius_is_read_from_the_question() {
    let mention = find_place(gazetteer(), "à moins de 30 km de Lyon", |_| false).unwrap();
    assert_eq!(mention.radius_km, Some(30.0));
    let mention = find_place(gazetteer(), "dans un rayon de 15km autour de Caen", |_| {
        false
    })
    .unwrap();
    assert_eq!(mention.radius_km, Some(15.0));
}

#[test]
fn departements_and_regions_have_their_own_centres() {
    let g = gazetteer();
    // Département 01 (Ain) and région 01 (Guadeloupe) share a code, not a centre.
    let ain = g.departement("01").unwrap().center;
    let guadeloupe = g.region("01").unwrap().center;
    assert!((45.5..46.5).contains(&ain.lat), "{ain:?}");
    assert!((15.8..16.6).contains(&guadeloupe.lat), "{guadeloupe:?}");
}

#[test]
fn areas_are_named_with_their_preposition() {
    use boussole_core::answer::places::{departement_phrase, region_phrase};
    let g = gazetteer();
    for (code, phrase) in [
        ("29", "dans le Finistère (29)"),
        ("2B", "en Haute-Corse (2B)"),
        ("06", "dans les Alpes-Maritimes (06)"),
        ("01", "dans l'Ain (01)"),
        ("974", "à La Réunion (974)"),
    ] {
        assert_eq!(departement_phrase(g.departement(code).unwrap()), phrase);
    }
    assert_eq!(region_phrase(g.region("53").unwrap()), "en Bretagne");
    assert_eq!(region_phrase(g.region("04").unwrap()), "à La Réunion");
}

#[test]
fn distances_are_real() {
    let g = gazetteer();
    let point = |insee: &str| g.commune_by_insee(insee).unwrap().point;
    let lorient = point("56121");
    let brest = point("29019");
    let km = lorient.distance_km(brest);
    assert!((100.0..120.0).contains(&km), "Lorient-Brest {km}");
    let paris = point("75056");
    let reunion = Point::new(-21.1, 55.5).unwrap();
    assert!(paris.distance_km(reunion) > 9000.0);
}

#[test]
fn the_commune_of_each_event_resolves() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let knowledge = boussole_core::load::load(&data).unwrap();
    for event in knowledge.events.iter().filter(|e| !e.online) {
        let place = &event.place;
        let (commune, dep) = (
            place.commune.as_deref().unwrap(),
            place.departement.as_deref().unwrap(),
        );
        let question = format!("événements à {commune} ({dep})");
        assert_eq!(
            resolve(&question),
            format!("c:{}", place.insee.as_deref().unwrap()),
            "{question}"
        );
    }
}

#[test]
fn radii_are_read_with_their_decimals_and_thousands() {
    let radius = |q: &str| find_place(gazetteer(), q, |_| false).and_then(|m| m.radius_km);
    assert_eq!(radius("à moins de 30 km de Lyon"), Some(30.0));
    assert_eq!(radius("à 2,5 km de Lyon"), Some(2.5));
    assert_eq!(radius("à 2,999 km de Brest"), Some(2.999));
    assert_eq!(radius("à 2.5 km de Lyon"), Some(2.5));
    assert_eq!(radius("50km autour de Nice"), Some(50.0));
    assert_eq!(radius("à 1 000 km de Paris"), Some(1_000.0));
    assert_eq!(radius("à 5000 kilomètres de Brest"), Some(5_000.0));
    // Zero and huge numbers are read as typed: understanding says what they become.
    assert_eq!(radius("à 0 km de Lyon"), Some(0.0));
    assert!(radius(&format!("à {} km de Nice", "9".repeat(400))).is_some_and(f64::is_infinite));
}

/// A former région is its own départements, not the whole région it merged into.
#[test]
fn former_regions_are_their_former_territory() {
    let mention = find_place(gazetteer(), "en Picardie", |_| false).unwrap();
    let Area::Group { territory, .. } = mention.area else {
        panic!("{:?}", mention.area);
    };
    assert_eq!(
        territory,
        boussole_core::places::Territory::Departements(vec!["02".into(), "60".into(), "80".into()])
    );
}

/// A postal code shared by several communes is searched around all of them.
#[test]
fn a_shared_postal_code_covers_all_its_communes() {
    let mention = find_place(gazetteer(), "près de 01170", |_| false).unwrap();
    let names: Vec<&str> = mention
        .postcode_communes
        .iter()
        .map(|&c| &*gazetteer().commune(c).name)
        .collect();
    assert!(names.len() >= 5, "{names:?}");
    assert!(
        names.contains(&"Gex") && names.contains(&"Cessy"),
        "{names:?}"
    );
    let first = gazetteer().commune(mention.postcode_communes[0]).point;
    let reach = mention.radius_km.unwrap();
    for &c in &mention.postcode_communes {
        assert!(first.distance_km(gazetteer().commune(c).point) + 30.0 <= reach + 1e-9);
    }
    // One commune, one code: the default radius.
    let mention = find_place(gazetteer(), "près de 29200", |_| false).unwrap();
    assert!(mention.postcode_communes.is_empty());
    assert_eq!(mention.radius_km, None);
}
