//! The gazetteer: every commune, département and région, loaded from `data/gazetteer/`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};

use super::area::Territory;
use super::code::Code;
use super::fuzzy::FuzzyIndex;
use super::geo::Point;
use super::key;
use crate::limits;
use crate::problem::Problem;

/// Communes at least this populous are corrected when misspelled.
pub const FUZZY_MIN_POPULATION: u32 = 20_000;

/// A commune, or a municipal arrondissement of Paris, Lyon or Marseille.
#[derive(Clone, Debug)]
pub struct Commune {
    /// INSEE code (`29019`, `2B083`, `75112`).
    pub insee: Code,
    /// Official name, with accents.
    pub name: Box<str>,
    /// For an arrondissement, the index of its commune.
    pub parent: Option<u32>,
    /// Département code.
    pub departement: Code,
    /// Région code.
    pub region: Code,
    /// Population (municipal).
    pub population: u32,
    /// Position (GeoNames, or approximate).
    pub point: Point,
    /// Whether `point` is approximate (centroid of neighbours).
    pub approximate: bool,
    /// Postal codes.
    pub postcodes: Box<[Code]>,
}

impl Commune {
    /// Whether it is a municipal arrondissement.
    pub fn is_arrondissement(&self) -> bool {
        self.parent.is_some()
    }

    /// How far from the commune's point a venue may lie, in km: 25, or 60 when the
    /// point is approximate. The importer and the data check use this one bound.
    pub fn reach_km(&self) -> f64 {
        if self.approximate { 60.0 } else { 25.0 }
    }
}

/// A département.
#[derive(Clone, Debug)]
pub struct Departement {
    /// Code (`29`, `2B`, `974`).
    pub code: Box<str>,
    /// Name.
    pub name: Box<str>,
    /// Région code.
    pub region: Box<str>,
    /// Which article its name takes (INSEE's TNCC: 0-1 none, 2 le, 3 la, 4 les, 5 l').
    pub article: u8,
    /// Population-weighted centre of its communes.
    pub center: Point,
}

/// A région.
#[derive(Clone, Debug)]
pub struct Region {
    /// INSEE code (`53`).
    pub code: Box<str>,
    /// Name.
    pub name: Box<str>,
    /// Population-weighted centre of its communes.
    pub center: Point,
}

/// What a name in the gazetteer can designate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Named {
    /// Communes with this name (homonyms), most populous first.
    Communes(Vec<u32>),
    /// A département, by index.
    Departement(u32),
    /// A région (its code).
    Region(Box<str>),
    /// A group of régions ("outre-mer") or of départements (a former région,
    /// "Picardie"): its label and codes.
    Group(Box<str>, Territory),
}

/// Every French commune, département and région, with lookups by name, code and postal
/// code, and typo-tolerant lookup of the larger ones.
#[derive(Debug)]
pub struct Gazetteer {
    communes: Vec<Commune>,
    departements: Vec<Departement>,
    regions: Vec<Region>,
    by_insee: HashMap<Code, u32>,
    by_postcode: HashMap<Code, Vec<u32>>,
    /// Folded name key -> what it names (a commune name can also be a département's).
    by_key: HashMap<Box<str>, Vec<Named>>,
    /// Keys of communes whose name starts with an article, without it ("havre").
    by_short_key: HashMap<Box<str>, Vec<u32>>,
    fuzzy: FuzzyIndex<Named>,
    common_words: HashSet<Box<str>>,
    longest_key_words: usize,
}

/// Reads the text of a TSV file with a header; each row is passed with its line number.
fn read_tsv(
    (path, text): (&Path, &str),
    columns: &[&str],
    problems: &mut Vec<Problem>,
    mut row: impl FnMut(usize, &[&str], &mut Vec<Problem>),
) {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.split('\t').collect::<Vec<_>>() == columns => {}
        _ => {
            problems.push(Problem::new(
                path,
                "line 1",
                "",
                format!("expected the header {:?}", columns.join("\t")),
            ));
            return;
        }
    }
    let mut cells: Vec<&str> = Vec::with_capacity(columns.len());
    for (index, line) in lines {
        if line.is_empty() {
            continue;
        }
        cells.clear();
        cells.extend(line.split('\t'));
        let record = format!("line {}", index + 1);
        if cells.len() != columns.len() {
            let message = format!("expected {} columns, found {}", columns.len(), cells.len());
            problems.push(Problem::new(path, &record, "", message));
            continue;
        }
        if let Some((field, _)) = columns
            .iter()
            .zip(&cells)
            .find(|(_, cell)| cell.chars().count() > limits::NAME_CHARS)
        {
            let message = format!("longer than {} characters", limits::NAME_CHARS);
            problems.push(Problem::new(path, &record, field, message));
            continue;
        }
        row(index + 1, &cells, problems);
    }
}

fn parse<T: std::str::FromStr>(
    path: &Path,
    line: usize,
    field: &str,
    value: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match value.parse() {
        Ok(v) => Some(v),
        Err(_) => {
            problems.push(Problem::new(
                path,
                &format!("line {line}"),
                field,
                format!("invalid value {:?}", limits::cut(value, 40)),
            ));
            None
        }
    }
}

/// The files of a gazetteer directory, in the order [`Gazetteer::parse`] takes them.
pub const GAZETTEER_FILES: [&str; 5] = [
    "regions.tsv",
    "departements.tsv",
    "communes.tsv",
    "aliases.tsv",
    "common-words.txt",
];

fn regions(file: (&Path, &str), problems: &mut Vec<Problem>) -> Vec<Region> {
    let mut regions = Vec::new();
    read_tsv(file, &["code", "name"], problems, |_, c, _| {
        regions.push(Region {
            code: c[0].into(),
            name: c[1].into(),
            center: Point { lat: 0.0, lon: 0.0 },
        });
    });
    regions
}

fn departements(file: (&Path, &str), problems: &mut Vec<Problem>) -> Vec<Departement> {
    let mut departements = Vec::new();
    let columns = ["code", "name", "region", "article"];
    read_tsv(file, &columns, problems, |line, c, problems| {
        let Some(article) = parse::<u8>(file.0, line, "article", c[3], problems) else {
            return;
        };
        departements.push(Departement {
            code: c[0].into(),
            name: c[1].into(),
            region: c[2].into(),
            article,
            center: Point { lat: 0.0, lon: 0.0 },
        });
    });
    departements
}

/// The communes, and the arrondissements with the INSEE code of their commune.
fn communes(file: (&Path, &str), problems: &mut Vec<Problem>) -> (Vec<Commune>, Vec<(u32, Code)>) {
    let mut communes = Vec::with_capacity(35_000);
    let mut parents: Vec<(u32, Code)> = Vec::new();
    let columns = [
        "insee",
        "name",
        "kind",
        "parent",
        "departement",
        "region",
        "population",
        "lat",
        "lon",
        "precision",
        "postcodes",
    ];
    read_tsv(file, &columns, problems, |line, c, problems| {
        let Some(commune) = commune(file.0, line, c, problems) else {
            return;
        };
        if c[2] == "arrondissement" {
            match code(file.0, line, "parent", c[3], problems) {
                Some(parent) => parents.push((communes.len() as u32, parent)),
                None => return,
            }
        }
        communes.push(commune);
    });
    (communes, parents)
}

/// One row of `communes.tsv`.
fn commune(path: &Path, line: usize, c: &[&str], problems: &mut Vec<Problem>) -> Option<Commune> {
    let population = parse::<u32>(path, line, "population", c[6], problems);
    let lat = parse::<f64>(path, line, "lat", c[7], problems);
    let lon = parse::<f64>(path, line, "lon", c[8], problems);
    let (population, lat, lon) = (population?, lat?, lon?);
    let Some(point) = Point::new(lat, lon) else {
        let message = "coordinates out of range".to_string();
        problems.push(Problem::new(path, &format!("line {line}"), "lat", message));
        return None;
    };
    let insee = code(path, line, "insee", c[0], problems);
    let departement = code(path, line, "departement", c[4], problems);
    let region = code(path, line, "region", c[5], problems);
    let postcodes = c[10]
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| code(path, line, "postcodes", p, problems))
        .collect::<Option<Box<[Code]>>>();
    Some(Commune {
        insee: insee?,
        name: c[1].into(),
        parent: None,
        departement: departement?,
        region: region?,
        population,
        point,
        approximate: c[9] == "approximate",
        postcodes: postcodes?,
    })
}

/// A code cell (INSEE, département, région, postal code).
fn code(
    path: &Path,
    line: usize,
    field: &str,
    value: &str,
    problems: &mut Vec<Problem>,
) -> Option<Code> {
    let code = Code::new(value).filter(|c| !c.is_empty());
    if code.is_none() {
        let message = format!("invalid code {:?}", limits::cut(value, 20));
        problems.push(Problem::new(path, &format!("line {line}"), field, message));
    }
    code
}

/// Another name of a région ("PACA"), of a group of régions ("outre-mer") or of a
/// former région ("Picardie").
struct Alias {
    name: String,
    kind: AliasKind,
}

enum AliasKind {
    Region(Box<str>),
    Group(Territory),
}

/// The aliases, their codes checked against the régions and départements.
fn aliases(
    file: (&Path, &str),
    (regions, departements): (&[Region], &[Departement]),
    problems: &mut Vec<Problem>,
) -> Vec<Alias> {
    let mut aliases = Vec::new();
    let columns = ["kind", "alias", "codes", "note"];
    read_tsv(file, &columns, problems, |line, c, problems| {
        let mut problem = |field: &str, message: String| {
            problems.push(Problem::new(
                file.0,
                &format!("line {line}"),
                field,
                message,
            ));
        };
        let codes: Vec<Box<str>> = c[2].split(',').map(Into::into).collect();
        let (known, kind): (&dyn Fn(&str) -> bool, _) = match c[0] {
            "region" => (
                &|code| regions.iter().any(|r| &*r.code == code),
                AliasKind::Region(codes[0].clone()),
            ),
            "group" => (
                &|code| regions.iter().any(|r| &*r.code == code),
                AliasKind::Group(Territory::Regions(codes.clone())),
            ),
            "former" => (
                &|code| departements.iter().any(|d| &*d.code == code),
                AliasKind::Group(Territory::Departements(codes.clone())),
            ),
            other => {
                let cut = limits::cut(other, 20);
                problem(
                    "kind",
                    format!("expected region, group or former, got {cut:?}"),
                );
                return;
            }
        };
        if let Some(unknown) = codes.iter().find(|code| !known(code)) {
            problem(
                "codes",
                format!("no such code: {:?}", limits::cut(unknown, 20)),
            );
            return;
        }
        aliases.push(Alias {
            name: c[1].to_string(),
            kind,
        });
    });
    aliases
}

const ARTICLES: [&str; 4] = ["le", "la", "les", "l"];

impl Gazetteer {
    /// Loads the gazetteer of a directory ([`GAZETTEER_FILES`]). Fails with every
    /// problem found, each with its file, line and field.
    pub fn load(dir: &Path) -> Result<Gazetteer, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut files = Vec::new();
        for name in GAZETTEER_FILES {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => files.push((path, text)),
                Err(err) => {
                    let message = format!("cannot read the file: {err}");
                    problems.push(Problem::new(&path, "", "", message));
                    files.push((path, String::new()));
                }
            }
        }
        match Gazetteer::parse(&files) {
            Ok(gazetteer) if problems.is_empty() => Ok(gazetteer),
            Ok(_) => Err(problems),
            Err(found) => {
                problems.extend(found);
                Err(problems)
            }
        }
    }

    /// Builds the gazetteer from the texts of its files, in [`GAZETTEER_FILES`] order,
    /// each with the path its problems name. No I/O.
    pub fn parse(files: &[(PathBuf, String)]) -> Result<Gazetteer, Vec<Problem>> {
        let mut problems = Vec::new();
        let file = |i: usize| {
            files
                .get(i)
                .map_or((Path::new(GAZETTEER_FILES[i]), ""), |(p, t)| {
                    (p.as_path(), t.as_str())
                })
        };
        let regions = regions(file(0), &mut problems);
        let departements = departements(file(1), &mut problems);
        let (communes, parents) = communes(file(2), &mut problems);
        let aliases = aliases(file(3), (&regions, &departements), &mut problems);
        let common_words: HashSet<Box<str>> = file(4)
            .1
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(Into::into)
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Gazetteer::assemble(
            communes,
            parents,
            departements,
            regions,
            aliases,
            common_words,
        ))
    }

    fn assemble(
        mut communes: Vec<Commune>,
        parents: Vec<(u32, Code)>,
        mut departements: Vec<Departement>,
        mut regions: Vec<Region>,
        aliases: Vec<Alias>,
        common_words: HashSet<Box<str>>,
    ) -> Gazetteer {
        let by_insee: HashMap<Code, u32> = communes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.insee, i as u32))
            .collect();
        for (child, parent) in parents {
            communes[child as usize].parent = by_insee.get(&parent).copied();
        }
        set_centers(&communes, &mut departements, &mut regions);
        let (by_postcode, mut by_key, by_short_key) = commune_keys(&communes);
        let fuzzy = area_keys(&communes, &mut by_key, &departements, &regions, aliases);
        let longest_key_words = by_key
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Gazetteer {
            communes,
            departements,
            regions,
            by_insee,
            by_postcode,
            by_key,
            by_short_key,
            fuzzy,
            common_words,
            longest_key_words,
        }
    }

    /// All communes and arrondissements.
    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    /// A commune by index.
    pub fn commune(&self, index: u32) -> &Commune {
        &self.communes[index as usize]
    }

    /// A commune by INSEE code.
    pub fn commune_by_insee(&self, insee: &str) -> Option<&Commune> {
        self.commune_index(insee).map(|i| self.commune(i))
    }

    /// Index of a commune by INSEE code.
    pub fn commune_index(&self, insee: &str) -> Option<u32> {
        self.by_insee.get(&Code::new(insee)?).copied()
    }

    /// Communes with this postal code, most populous first.
    pub fn communes_by_postcode(&self, postcode: &str) -> &[u32] {
        Code::new(postcode)
            .and_then(|code| self.by_postcode.get(&code))
            .map_or(&[], Vec::as_slice)
    }

    /// All départements.
    pub fn departements(&self) -> &[Departement] {
        &self.departements
    }

    /// A département by index.
    pub fn departement_at(&self, index: u32) -> &Departement {
        &self.departements[index as usize]
    }

    /// A département by code.
    pub fn departement(&self, code: &str) -> Option<&Departement> {
        self.departements.iter().find(|d| &*d.code == code)
    }

    /// A région by code.
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| &*r.code == code)
    }

    /// All régions.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// What a folded key names exactly.
    pub fn named(&self, name_key: &str) -> &[Named] {
        self.by_key.get(name_key).map_or(&[], Vec::as_slice)
    }

    /// Communes whose name is `article + key` ("havre" for Le Havre).
    pub fn named_without_article(&self, name_key: &str) -> &[u32] {
        self.by_short_key.get(name_key).map_or(&[], Vec::as_slice)
    }

    /// Names within allowed typos of a folded key, closest first.
    pub fn named_fuzzy(&self, name_key: &str) -> Vec<(&str, &Named, usize)> {
        self.fuzzy.lookup(name_key)
    }

    /// Whether a folded word is an ordinary French word (that must not become a place
    /// by accident, nor be corrected into one).
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common_words.contains(word)
    }

    /// The longest name, in words.
    pub fn longest_key_words(&self) -> usize {
        self.longest_key_words
    }

    /// The arrondissement `number` of Paris, Lyon or Marseille (`commune`).
    pub fn arrondissement(&self, commune: u32, number: u32) -> Option<u32> {
        let parent = self.commune(commune);
        let prefix = match &*parent.insee {
            "75056" => "751",
            "69123" => "6938",
            "13055" => "132",
            _ => return None,
        };
        let code = if prefix == "6938" {
            format!("{prefix}{number}")
        } else {
            format!("{prefix}{number:02}")
        };
        self.commune_index(&code)
            .filter(|&i| self.commune(i).parent == Some(commune))
    }
}

/// Population-weighted centres of départements and régions (whose codes overlap:
/// département 01 is the Ain, région 01 Guadeloupe).
fn set_centers(communes: &[Commune], departements: &mut [Departement], regions: &mut [Region]) {
    let mut sums: HashMap<(bool, &str), (f64, f64, f64)> = HashMap::default();
    for c in communes.iter().filter(|c| !c.is_arrondissement()) {
        let weight = f64::from(c.population.max(1));
        for code in [(false, &*c.departement), (true, &*c.region)] {
            let sum = sums.entry(code).or_default();
            sum.0 += c.point.lat * weight;
            sum.1 += c.point.lon * weight;
            sum.2 += weight;
        }
    }
    let center = |code: (bool, &str)| {
        sums.get(&code)
            .map_or(Point { lat: 0.0, lon: 0.0 }, |s| Point {
                lat: s.0 / s.2,
                lon: s.1 / s.2,
            })
    };
    for d in departements.iter_mut() {
        d.center = center((false, &d.code));
    }
    for r in regions.iter_mut() {
        r.center = center((true, &r.code));
    }
}

/// Communes by postal code, by name key, and by name key without its article
/// ("rochelle"), the most populous first.
#[allow(clippy::type_complexity)]
fn commune_keys(
    communes: &[Commune],
) -> (
    HashMap<Code, Vec<u32>>,
    HashMap<Box<str>, Vec<Named>>,
    HashMap<Box<str>, Vec<u32>>,
) {
    let capacity = communes.len() + communes.len() / 8;
    let mut by_postcode: HashMap<Code, Vec<u32>> =
        HashMap::with_capacity_and_hasher(capacity, Default::default());
    let mut by_key: HashMap<Box<str>, Vec<Named>> =
        HashMap::with_capacity_and_hasher(capacity, Default::default());
    let mut by_short_key: HashMap<Box<str>, Vec<u32>> = HashMap::default();
    for (i, c) in communes.iter().enumerate() {
        for postcode in c.postcodes.iter() {
            by_postcode.entry(*postcode).or_default().push(i as u32);
        }
        if c.is_arrondissement() {
            continue; // reached through their commune: "Paris 12e"
        }
        let name_key = key(&c.name);
        if let Some((article, rest)) = name_key.split_once(' ')
            && ARTICLES.contains(&article)
        {
            by_short_key.entry(rest.into()).or_default().push(i as u32);
        }
        match by_key.get_mut(name_key.as_str()) {
            Some(named) => {
                if let Some(Named::Communes(ids)) = named.first_mut() {
                    ids.push(i as u32);
                }
            }
            None => {
                by_key.insert(name_key.into(), vec![Named::Communes(vec![i as u32])]);
            }
        }
    }
    let by_population = |ids: &mut Vec<u32>| {
        if ids.len() > 1 {
            ids.sort_by_key(|&i| std::cmp::Reverse(communes[i as usize].population));
        }
    };
    for ids in by_postcode.values_mut() {
        by_population(ids);
    }
    for ids in by_short_key.values_mut() {
        by_population(ids);
    }
    for named in by_key.values_mut() {
        if let Some(Named::Communes(ids)) = named.first_mut() {
            by_population(ids);
        }
    }
    (by_postcode, by_key, by_short_key)
}

/// Départements, régions and aliases added to the names; the fuzzy index of the larger
/// communes and of every area.
fn area_keys(
    communes: &[Commune],
    by_key: &mut HashMap<Box<str>, Vec<Named>>,
    departements: &[Departement],
    regions: &[Region],
    aliases: Vec<Alias>,
) -> FuzzyIndex<Named> {
    let mut fuzzy = FuzzyIndex::new();
    for (name_key, named) in by_key.iter() {
        if let Some(Named::Communes(ids)) = named.first()
            && communes[ids[0] as usize].population >= FUZZY_MIN_POPULATION
        {
            fuzzy.insert(name_key, Named::Communes(ids.clone()));
        }
    }
    for (i, d) in departements.iter().enumerate() {
        let name_key = key(&d.name);
        fuzzy.insert(&name_key, Named::Departement(i as u32));
        by_key
            .entry(name_key.into())
            .or_default()
            .push(Named::Departement(i as u32));
    }
    for r in regions {
        let name_key = key(&r.name);
        fuzzy.insert(&name_key, Named::Region(r.code.clone()));
        by_key
            .entry(name_key.into())
            .or_default()
            .push(Named::Region(r.code.clone()));
    }
    for alias in aliases {
        let name_key = key(&alias.name);
        let named = match alias.kind {
            // "outre-mer" is said in lowercase; "Picardie" is a name.
            AliasKind::Group(regions @ Territory::Regions(_)) => {
                Named::Group(alias.name.to_lowercase().into(), regions)
            }
            AliasKind::Group(territory) => Named::Group(alias.name.into(), territory),
            AliasKind::Region(code) => Named::Region(code),
        };
        if name_key.len() >= 5 {
            fuzzy.insert(&name_key, named.clone());
        }
        let entry = by_key.entry(name_key.into()).or_default();
        if !entry.contains(&named) {
            entry.push(named);
        }
    }
    fuzzy
}
