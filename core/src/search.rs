//! Finding the events of a request: text relevance from the index, places as filters,
//! distances, and the nearest events when nothing is in scope.

use std::collections::HashMap;

use crate::index::{Kind, SearchIndex};
use crate::model::{Event, Knowledge};
use crate::places::{Area, Gazetteer, PlaceMention, Point};

/// Radius of "près de X" when the question gives none, in kilometres.
pub const DEFAULT_RADIUS_KM: f64 = 30.0;

/// How many nearest events are offered when nothing is in scope.
const NEAREST: usize = 3;

/// The place searched, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    /// What it is.
    pub area: Area,
    /// How to name it to users: "Brest (29)", "Finistère (29)", "Bretagne", "outre-mer".
    pub label: String,
    /// Where, in a sentence: "à moins de 30 km de Brest (29)", "dans le Finistère (29)".
    pub phrase: String,
    /// The point distances are measured from, when it has one.
    pub center: Option<Point>,
    /// Events farther than this from `center` are out of scope (communes and positions).
    pub radius_km: Option<f64>,
}

impl Scope {
    /// The scope of a place mention. `Area::Here` has none: only an adapter knows where
    /// the user is.
    pub fn of(mention: &PlaceMention, gazetteer: &Gazetteer) -> Option<Scope> {
        let radius = mention.radius_km.unwrap_or(DEFAULT_RADIUS_KM);
        Some(match &mention.area {
            Area::Commune(index) => {
                let label = gazetteer.commune_label(*index);
                Scope {
                    area: mention.area.clone(),
                    phrase: radius_phrase(radius, &label),
                    label,
                    center: Some(gazetteer.commune(*index).point),
                    radius_km: Some(radius),
                }
            }
            Area::Departement(index) => {
                let d = gazetteer.departement_at(*index);
                Scope {
                    area: mention.area.clone(),
                    label: format!("{} ({})", d.name, d.code),
                    phrase: d.in_phrase(),
                    center: Some(d.center),
                    radius_km: None,
                }
            }
            Area::Region(code) => {
                let region = gazetteer.region(code)?;
                Scope {
                    area: mention.area.clone(),
                    label: region.name.to_string(),
                    phrase: region.in_phrase(),
                    center: Some(region.center),
                    radius_km: None,
                }
            }
            Area::Group { label, .. } => Scope {
                area: mention.area.clone(),
                label: label.to_string(),
                phrase: format!("en {label}"),
                center: None,
                radius_km: None,
            },
            Area::Here => return None,
        })
    }

    /// Around a position shared by the user.
    pub fn around(point: Point, radius_km: Option<f64>) -> Scope {
        let radius = radius_km.unwrap_or(DEFAULT_RADIUS_KM);
        Scope {
            area: Area::Here,
            label: "ta position".into(),
            phrase: format!("à moins de {} km de toi", crate::french::number(radius)),
            center: Some(point),
            radius_km: Some(radius),
        }
    }

    /// Whether an event is in scope, with its distance from the centre when it has one.
    fn contains(&self, event: &Event, gazetteer: &Gazetteer) -> (bool, Option<f64>) {
        if event.online {
            return (false, None);
        }
        let distance = match (self.center, event.place.lat, event.place.lon) {
            (Some(center), Some(lat), Some(lon)) => {
                Point::new(lat, lon).map(|p| center.distance_km(p))
            }
            _ => None,
        };
        let place = &event.place;
        let inside = match &self.area {
            Area::Commune(_) | Area::Here => {
                distance.is_some_and(|d| d <= self.radius_km.unwrap_or(DEFAULT_RADIUS_KM))
            }
            Area::Departement(index) => {
                place.departement.as_deref() == Some(&*gazetteer.departement_at(*index).code)
            }
            Area::Region(code) => place.region.as_deref() == Some(&**code),
            Area::Group { regions, .. } => place
                .region
                .as_deref()
                .is_some_and(|r| regions.iter().any(|code| **code == *r)),
        };
        (inside, distance)
    }
}

fn radius_phrase(radius: f64, label: &str) -> String {
    format!("à moins de {} km de {label}", crate::french::number(radius))
}

/// An event found, with what ranked it.
#[derive(Clone, Debug)]
pub struct Found<'a> {
    /// The event.
    pub event: &'a Event,
    /// Distance from the place asked about, in kilometres.
    pub distance_km: Option<f64>,
    /// Text relevance (0 when the question had no words to match).
    pub score: f32,
}

/// The events of a request.
#[derive(Clone, Debug, Default)]
pub struct EventSearch<'a> {
    /// The events, best first.
    pub found: Vec<Found<'a>>,
    /// The place searched.
    pub scope: Option<Scope>,
    /// Nothing was in scope: `found` holds the nearest events instead.
    pub nearest_instead: bool,
    /// The words matched nothing in scope: `found` holds every event in scope.
    pub words_ignored: bool,
    /// Online events matching the words (reachable from anywhere), for a place search.
    pub online: Vec<&'a Event>,
}

/// Searches events for `query` (free text, may be empty) within `scope`.
pub fn events<'a>(
    knowledge: &'a Knowledge,
    index: &SearchIndex,
    query: &str,
    scope: Option<Scope>,
) -> EventSearch<'a> {
    let scores: HashMap<String, f32> = if query.is_empty() {
        HashMap::new()
    } else {
        index
            .search(query, &[Kind::Event], knowledge.events.len().max(1))
            .into_iter()
            .map(|hit| (hit.id, hit.score))
            .collect()
    };
    let score = |event: &Event| scores.get(&event.id).copied().unwrap_or(0.0);
    let Some(scope) = scope else {
        let mut found: Vec<Found> = knowledge
            .events
            .iter()
            .filter(|e| score(e) > 0.0)
            .map(|e| Found {
                event: e,
                distance_km: None,
                score: score(e),
            })
            .collect();
        sort_and_cut(&mut found);
        return EventSearch {
            found,
            ..EventSearch::default()
        };
    };
    let gazetteer = &knowledge.gazetteer;
    let mut in_scope: Vec<Found> = Vec::new();
    let mut outside: Vec<Found> = Vec::new();
    for event in knowledge.events.iter().filter(|e| !e.online) {
        let (inside, distance_km) = scope.contains(event, gazetteer);
        let found = Found {
            event,
            distance_km,
            score: score(event),
        };
        if inside {
            in_scope.push(found);
        } else {
            outside.push(found);
        }
    }
    let online: Vec<&Event> = knowledge
        .events
        .iter()
        .filter(|e| e.online && (query.is_empty() || score(e) > 0.0))
        .collect();
    let mut search = EventSearch {
        scope: Some(scope),
        online,
        ..EventSearch::default()
    };
    if in_scope.is_empty() {
        // Nothing here: the nearest events, those matching the words first.
        let mut nearest: Vec<Found> = outside
            .into_iter()
            .filter(|f| f.distance_km.is_some())
            .collect();
        if nearest.iter().any(|f| f.score > 0.0) {
            nearest.retain(|f| f.score > 0.0);
        }
        nearest.sort_by(|a, b| a.distance_km.total_cmp(&b.distance_km));
        nearest.truncate(NEAREST);
        search.found = nearest;
        search.nearest_instead = true;
        return search;
    }
    if !query.is_empty() && in_scope.iter().any(|f| f.score > 0.0) {
        in_scope.retain(|f| f.score > 0.0);
        sort_and_cut(&mut in_scope);
    } else {
        search.words_ignored = !query.is_empty();
        in_scope.sort_by(|a, b| {
            a.distance_km
                .total_cmp(&b.distance_km)
                .then_with(|| a.event.first_day().cmp(&b.event.first_day()))
        });
    }
    search.found = in_scope;
    search
}

/// Best score first, then nearest, then soonest; drops events far below the best.
fn sort_and_cut(found: &mut Vec<Found>) {
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.distance_km.total_cmp(&b.distance_km))
            .then_with(|| a.event.first_day().cmp(&b.event.first_day()))
    });
    let best = found.first().map_or(0.0, |f| f.score);
    found.retain(|f| f.score >= best * 0.3);
}

trait TotalCmpOption {
    fn total_cmp(&self, other: &Self) -> std::cmp::Ordering;
}

impl TotalCmpOption for Option<f64> {
    /// Known distances first, nearest first.
    fn total_cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (Some(a), Some(b)) => a.total_cmp(b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    }
}
