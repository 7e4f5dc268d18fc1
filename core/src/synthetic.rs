//! Synthetic agendas, for benchmarks only: never shipped, never shown as real data.
//!
//! A deterministic generator of OpenAgenda v2 records (so that benchmarks measure the
//! importer too): events spread over real communes in proportion to their population,
//! overseas included; types, audiences, themes and organizers drawn from the press kit's
//! events; dates around the week; French titles and descriptions from templates. Every
//! generated event says it is fictitious, and links to `example.invalid`.

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

use crate::model::Knowledge;

/// A small deterministic random generator (SplitMix64).
#[derive(Clone, Debug)]
pub struct Random(u64);

impl Random {
    /// Seeded.
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (> 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TITLES: [&str; 10] = [
    "Visite de l'usine {org} de {city}",
    "Escape game : les métiers de {theme}",
    "Forum des métiers de l'industrie de {city}",
    "Job dating {theme} à {city}",
    "Portes ouvertes chez {org}",
    "Atelier découverte : {theme}",
    "Conférence : l'avenir de {theme}",
    "Exposition « Fabriqué à {city} »",
    "Défi interclasses {theme}",
    "Rencontre avec les professionnels de {theme}",
];

const ORGANIZERS: [&str; 12] = [
    "Atelier",
    "Fonderie",
    "Mécanique",
    "Industries",
    "Composites",
    "Électronique",
    "Chaudronnerie",
    "Plasturgie",
    "Aéro",
    "Agro",
    "Énergies",
    "Textiles",
];

/// `count` OpenAgenda v2 event records, the same for the same `seed`.
pub fn openagenda_records(knowledge: &Knowledge, count: usize, seed: u64) -> Vec<Value> {
    let gazetteer = &knowledge.gazetteer;
    let communes: Vec<u32> = (0..gazetteer.communes().len() as u32)
        .filter(|&i| !gazetteer.commune(i).is_arrondissement())
        .collect();
    let mut cumulative = Vec::with_capacity(communes.len());
    let mut total = 0u64;
    for &i in &communes {
        total += u64::from(gazetteer.commune(i).population.max(1));
        cumulative.push(total);
    }
    let themes: Vec<&str> = knowledge
        .thesaurus
        .themes
        .iter()
        .map(|t| t.label.as_str())
        .collect();
    let kit = &knowledge.events;
    let week = knowledge.week.start;
    let mut random = Random::new(seed);
    (0..count)
        .map(|n| {
            let target = random.next_u64() % total.max(1);
            let at = cumulative.partition_point(|&c| c <= target).min(communes.len() - 1);
            let commune = gazetteer.commune(communes[at]);
            let template = random.pick(kit);
            let theme = *random.pick(&themes);
            let organizer = format!("{} {} (fictif)", random.pick(&ORGANIZERS), commune.name);
            let title = random
                .pick(&TITLES)
                .replace("{org}", &organizer)
                .replace("{city}", &commune.name)
                .replace("{theme}", theme);
            // Most events during the week, some up to 15 days around it.
            let offset = if random.below(10) < 8 { random.below(7) as i64 } else { random.below(31) as i64 - 15 };
            let day = if offset >= 0 {
                week + Days::new(offset as u64)
            } else {
                week - Days::new((-offset) as u64)
            };
            let hour = 8 + random.below(10);
            let jitter = |r: &mut Random| (r.below(2000) as f64 - 1000.0) / 100_000.0;
            let (lat, lon) = (commune.point.lat + jitter(&mut random), commune.point.lon + jitter(&mut random));
            let keywords: Vec<String> = template.themes.iter().take(3).map(|t| t.to_string()).chain([theme.to_string()]).collect();
            let online = template.online && random.below(3) == 0;
            let timezone = timezone_of(&commune.departement);
            json!({
                "uid": 900_000_000u64 + n as u64,
                "title": {"fr": title},
                "description": {"fr": format!(
                    "Événement fictif, généré pour les mesures de performance. {} à {} : découvrir les métiers de {theme}, rencontrer des professionnels et des apprentis, poser ses questions sur les formations.",
                    organizer, commune.name)},
                "timings": [{
                    "begin": local_rfc3339(day, hour as u32, timezone),
                    "end": local_rfc3339(day, hour as u32 + 2, timezone),
                }],
                "timezone": timezone,
                "attendanceMode": if online { 2 } else { 1 },
                "status": 1,
                "keywords": {"fr": keywords},
                "age": match template.audiences.first().map(|a| a.words()) {
                    Some("collégiens") => json!({"min": 11, "max": 15}),
                    Some("lycéens") => json!({"min": 15, "max": 18}),
                    _ => json!({"min": null, "max": null}),
                },
                "originAgenda": {"uid": 0, "title": organizer},
                "canonicalUrl": format!("https://example.invalid/synthetic/{n}"),
                "location": {
                    "name": format!("Site {}", organizer),
                    "city": commune.name.to_string(),
                    "postalCode": commune.postcodes.first().map(|p| p.to_string()),
                    "insee": commune.insee.to_string(),
                    "latitude": lat,
                    "longitude": lon,
                    "timezone": timezone,
                },
            })
        })
        .collect()
}

/// The time zone of a département.
pub fn timezone_of(departement: &str) -> &'static str {
    match departement {
        "971" => "America/Guadeloupe",
        "972" => "America/Martinique",
        "973" => "America/Cayenne",
        "974" => "Indian/Reunion",
        "975" => "America/Miquelon",
        "976" => "Indian/Mayotte",
        "977" => "America/St_Barthelemy",
        "978" => "America/Marigot",
        _ => "Europe/Paris",
    }
}

/// A local hour of a day in a time zone, as RFC 3339 with its offset.
fn local_rfc3339(day: NaiveDate, hour: u32, timezone: &str) -> String {
    use chrono::TimeZone;
    let tz: chrono_tz::Tz = timezone.parse().unwrap_or(chrono_tz::Europe::Paris);
    let local = day.and_hms_opt(hour.min(23), 0, 0).unwrap_or_default();
    tz.from_local_datetime(&local).earliest().map_or_else(
        || format!("{}T{hour:02}:00:00Z", day.format("%Y-%m-%d")),
        |t| t.to_rfc3339(),
    )
}
