//! Finding the events of a request: text relevance from the index combined with the
//! request's slots. Place and dates filter; audience, type, theme and organizer boost.
//! When the filters leave nothing, they are relaxed in a fixed order (part of the day,
//! then dates, then the place, for which the nearest events are given) and the answer
//! says what was relaxed.

use chrono::{NaiveDate, Timelike};

use crate::index::{Organized, SearchIndex};
use crate::limits;
use crate::model::{Audience, Event, EventType, Knowledge, Set};
use crate::places::{Area, Code, Gazetteer, Point, Territory};
use crate::understand::PlaceMention;
use crate::understand::Request;
use crate::understand::dates::{DateSlot, PartOfDay};
use crate::understand::slots::{SlotMatcher, event_themes};

pub use crate::limits::DEFAULT_RADIUS_KM;

/// How many themes a thesaurus may have: [`limits::THEMES`].
pub const MAX_THEMES: usize = limits::THEMES;

/// How many online events a place search mentions.
pub const ONLINE_SHOWN: usize = 3;

/// How many nearest events are offered when nothing is in scope.
const NEAREST: usize = 3;

/// Boosts of the slots, added to the text relevance (normalized to at most `TEXT`).
const TEXT: f32 = 4.0;
const TYPE: f32 = 3.0;
const THEME: f32 = 3.0;
const AUDIENCE: f32 = 2.0;
const GIRLS: f32 = 2.0;
const ORGANIZER: f32 = 4.0;
const PARTNER: f32 = 1.0;
/// How many text matches are scored: enough for any page of results.
const TEXT_HITS: usize = 2_000;

/// The place searched, resolved. How it is named to users is the answer's
/// (`answer::places::scope_label`, `scope_phrase`).
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    /// What it is.
    pub area: Area,
    /// The point distances are measured from, when it has one.
    pub center: Option<Point>,
    /// Events farther than this from `center` are out of scope (communes and positions);
    /// none around a commune or a position means France-wide, nearest first.
    pub radius_km: Option<f64>,
}

/// The radius after "plus loin": twice as large, at least twice the default, at most
/// [`limits::MAX_RADIUS_KM`] (France-wide).
///
/// ```
/// use boussole_core::search::wider_radius;
/// assert_eq!(wider_radius(30.0), 60.0);
/// assert_eq!(wider_radius(800.0), 1_000.0);
/// assert_eq!(wider_radius(f64::NAN), 60.0);
/// ```
pub fn wider_radius(radius: f64) -> f64 {
    let doubled = radius * 2.0;
    if doubled.is_nan() {
        return DEFAULT_RADIUS_KM * 2.0;
    }
    doubled.clamp(DEFAULT_RADIUS_KM * 2.0, limits::MAX_RADIUS_KM)
}

impl Scope {
    /// The scope of a place mention. `Area::Here` has none: only an adapter knows where
    /// the user is.
    pub fn of(mention: &PlaceMention, gazetteer: &Gazetteer) -> Option<Scope> {
        let radius = mention.radius_km.unwrap_or(DEFAULT_RADIUS_KM);
        let area = mention.area.clone();
        Some(match &mention.area {
            Area::Commune(index) => Scope::around_in(area, gazetteer.commune(*index).point, radius),
            Area::Departement(index) => Scope {
                center: Some(gazetteer.departement_at(*index).center),
                area,
                radius_km: None,
            },
            Area::Region(code) => Scope {
                center: Some(gazetteer.region(code)?.center),
                area,
                radius_km: None,
            },
            Area::Group { territory, .. } => Scope {
                center: territory_center(territory, gazetteer),
                area,
                radius_km: None,
            },
            Area::Here => return None,
        })
    }

    /// Around a position shared by the user.
    pub fn around(point: Point, radius_km: Option<f64>) -> Scope {
        Scope::around_in(Area::Here, point, radius_km.unwrap_or(DEFAULT_RADIUS_KM))
    }

    /// Within `radius` of `center`; France-wide, nearest first, from
    /// [`limits::MAX_RADIUS_KM`] (or for a radius that is no number).
    fn around_in(area: Area, center: Point, radius: f64) -> Scope {
        Scope {
            area,
            center: Some(center),
            radius_km: (radius < limits::MAX_RADIUS_KM).then_some(radius),
        }
    }

    /// Whether the search is France-wide, nearest first ("plus loin" until the end).
    pub fn france_wide(&self) -> bool {
        self.radius_km.is_none() && matches!(self.area, Area::Commune(_) | Area::Here)
    }

    fn area_test(&self, gazetteer: &Gazetteer) -> AreaTest {
        // Half the sides of the box around the circle, in degrees.
        let box_half = match (self.center, self.radius_km) {
            (Some(center), Some(radius)) => Some((
                radius / 110.0,
                radius / (111.0 * center.lat.to_radians().cos().abs().max(0.05)),
            )),
            _ => None,
        };
        match &self.area {
            Area::Commune(_) | Area::Here if self.radius_km.is_none() => AreaTest::Everywhere,
            Area::Commune(_) | Area::Here => AreaTest::Radius(box_half),
            Area::Departement(index) => {
                AreaTest::Departement(Code::new(&gazetteer.departement_at(*index).code))
            }
            Area::Region(code) => AreaTest::Regions(Code::new(code).into_iter().collect()),
            Area::Group { territory, .. } => match territory {
                Territory::Regions(regions) => {
                    AreaTest::Regions(regions.iter().filter_map(|r| Code::new(r)).collect())
                }
                Territory::Departements(codes) => {
                    AreaTest::Departements(codes.iter().filter_map(|d| Code::new(d)).collect())
                }
            },
        }
    }

    /// Whether an event is in scope, with its distance from the centre when it has one.
    fn contains(&self, row: &Row, area: &AreaTest) -> (bool, Option<f64>) {
        if row.online {
            return (false, None);
        }
        let point = row.point();
        // A cheap box around the circle first: most events are far.
        if let (Some(center), Some((dlat, dlon)), Some((lat, lon))) =
            (self.center, area.box_half(), point)
            && ((lat - center.lat).abs() > dlat || (lon - center.lon).abs() > dlon)
        {
            return (false, None);
        }
        // Distances mean something from a commune or a position, not from the middle of
        // a département.
        let distance = match (self.center, area, point) {
            (Some(center), AreaTest::Radius(_) | AreaTest::Everywhere, Some((lat, lon))) => {
                Point::new(lat, lon).map(|p| center.distance_km(p))
            }
            _ => None,
        };
        let inside = match area {
            AreaTest::Everywhere => true,
            AreaTest::Radius(_) => {
                distance.is_some_and(|d| d <= self.radius_km.unwrap_or(DEFAULT_RADIUS_KM))
            }
            AreaTest::Departement(code) => row.departement.is_some() && row.departement == *code,
            AreaTest::Regions(codes) => row.region.is_some_and(|r| codes.contains(&r)),
            AreaTest::Departements(codes) => row.departement.is_some_and(|d| codes.contains(&d)),
        };
        (inside, distance)
    }
}

/// The middle of a former région (the mean of its départements' centres), for the
/// nearest events when none is inside; none for groups of régions (outre-mer).
fn territory_center(territory: &Territory, gazetteer: &Gazetteer) -> Option<Point> {
    let Territory::Departements(codes) = territory else {
        return None;
    };
    let centers: Vec<Point> = codes
        .iter()
        .filter_map(|code| gazetteer.departement(code))
        .map(|d| d.center)
        .collect();
    let n = centers.len() as f64;
    let lat = centers.iter().map(|p| p.lat).sum::<f64>() / n;
    let lon = centers.iter().map(|p| p.lon).sum::<f64>() / n;
    Point::new(lat, lon)
}

impl AreaTest {
    fn box_half(&self) -> Option<(f64, f64)> {
        match self {
            AreaTest::Radius(half) => *half,
            _ => None,
        }
    }
}

/// A scope's area as rows are tested against it.
enum AreaTest {
    /// Within the radius of the centre; half the sides of the box around the circle, in
    /// degrees of latitude and longitude.
    Radius(Option<(f64, f64)>),
    /// Anywhere (France-wide around a place), nearest first.
    Everywhere,
    /// In this département.
    Departement(Option<Code>),
    /// In one of these régions.
    Regions(Vec<Code>),
    /// In one of these départements.
    Departements(Vec<Code>),
}

/// What the search filters and ranks an event on, in 56 bytes: a broad question scans
/// 100,000 rows (5.6 MB) rather than the events themselves.
#[derive(Clone, Copy, Debug)]
struct Row {
    first_day: NaiveDate,
    last_day: NaiveDate,
    /// Latitude and longitude; NaN when unknown.
    lat: f64,
    lon: f64,
    departement: Option<Code>,
    region: Option<Code>,
    /// Local start hour, when the source gives a time.
    hour: Option<u8>,
    online: bool,
    cancelled: bool,
    mixite: bool,
    audiences: Set<Audience>,
    types: Set<EventType>,
    /// Bit `i` for theme `i` of the thesaurus (found in the title, organizer or themes).
    themes: u64,
}

impl Row {
    fn new(event: &Event, themes: &[usize]) -> Row {
        let (lat, lon) = match (event.place.lat, event.place.lon) {
            (Some(lat), Some(lon)) => (lat, lon),
            _ => (f64::NAN, f64::NAN),
        };
        Row {
            first_day: event.first_day(),
            last_day: event.last_day(),
            lat,
            lon,
            departement: event.place.departement,
            region: event.place.region,
            hour: event.start.time().map(|t| t.hour() as u8),
            online: event.online,
            cancelled: event.status == crate::model::Status::Cancelled,
            mixite: event.mixite,
            audiences: event.audiences,
            types: event.types,
            themes: themes
                .iter()
                .filter(|&&t| t < MAX_THEMES)
                .fold(0, |bits, &t| bits | 1 << t),
        }
    }

    fn point(&self) -> Option<(f64, f64)> {
        (!self.lat.is_nan() && !self.lon.is_nan()).then_some((self.lat, self.lon))
    }

    /// Whether the event happens within the dates (and part of the day) asked for.
    fn in_dates(&self, dates: &DateSlot, with_part: bool) -> bool {
        let overlaps = self.first_day <= dates.to && self.last_day >= dates.from;
        let part_ok = match (with_part, dates.part, self.hour) {
            (true, Some(part), Some(hour)) => part.contains(u32::from(hour)),
            _ => true,
        };
        overlaps && part_ok
    }
}

/// What events have that questions ask for, computed once per knowledge: one compact
/// row per event (dates, place, audiences, types, themes found in titles, themes and
/// organizers).
#[derive(Debug, Default)]
pub struct Facets {
    rows: Vec<Row>,
}

impl Facets {
    /// The facets of every event.
    pub fn new(knowledge: &Knowledge, slots: &SlotMatcher) -> Facets {
        let rows = knowledge
            .events
            .iter()
            .map(|event| {
                let mut texts: Vec<&str> = vec![&event.title, &event.organizer];
                texts.extend(event.themes.iter().map(|t| &**t));
                Row::new(event, &event_themes(slots, &texts))
            })
            .collect();
        Facets { rows }
    }
}

/// An event found, with what ranked it.
#[derive(Clone, Debug)]
pub struct Found<'a> {
    /// The event.
    pub event: &'a Event,
    /// Distance from the place asked about, in kilometres.
    pub distance_km: Option<f64>,
    /// Relevance: text and slots.
    pub score: f32,
}

/// A constraint of the request that was dropped because nothing matched it.
#[derive(Clone, Debug, PartialEq)]
pub enum Relaxed {
    /// The part of the day ("le matin").
    PartOfDay(PartOfDay),
    /// The dates ("jeudi 21 novembre").
    Dates(DateSlot),
    /// The words, audiences, types and themes: nothing in scope matched them.
    Words,
}

/// The events of a request.
#[derive(Clone, Debug, Default)]
pub struct EventSearch<'a> {
    /// The events, best first (at most [`limits::REMEMBERED`]).
    pub found: Vec<Found<'a>>,
    /// How many events were found in all.
    pub total: usize,
    /// The place searched.
    pub scope: Option<Scope>,
    /// Nothing was in scope: `found` holds the nearest events instead, nearest first
    /// whatever the words.
    pub nearest_instead: bool,
    /// With the nearest events, the nearest of those the words and slots match, when it
    /// is not the nearest of all.
    pub nearest_matching: Option<Found<'a>>,
    /// Constraints dropped, in the order they were.
    pub relaxed: Vec<Relaxed>,
    /// Online events matching the words (reachable from anywhere), for a place search:
    /// the best [`ONLINE_SHOWN`], soonest first among equals.
    pub online: Vec<&'a Event>,
    /// How many online events match in all.
    pub online_total: usize,
}

/// How well an event fits a request's words and slots: its text relevance (normalized
/// to at most `TEXT`) plus a boost per slot it matches.
struct Scorer {
    /// Text relevance by event position (empty without words).
    text: Vec<f32>,
    types: Set<EventType>,
    audiences: Set<Audience>,
    /// The request's themes, as bits of a row's theme set.
    themes: Vec<u64>,
    girls: bool,
    organized: Vec<Organized>,
    /// Whether the request has words or slots at all: else every event scores 0.
    active: bool,
}

impl Scorer {
    fn new(knowledge: &Knowledge, index: &SearchIndex, request: &Request) -> Scorer {
        let query = request.query.as_str();
        // Text relevance by event position; the best TEXT_HITS matches are enough to rank.
        let mut text: Vec<f32> = Vec::new();
        if !query.is_empty() {
            text = vec![0.0; knowledge.events.len()];
            let hits = index.event_scores(query, knowledge.events.len().min(TEXT_HITS));
            let best = hits.first().map_or(0.0, |h| h.1);
            for (ord, score) in hits {
                if let Some(slot) = text.get_mut(ord) {
                    *slot = score / best * TEXT;
                }
            }
        }
        Scorer {
            text,
            types: request.types.iter().copied().collect(),
            audiences: request.audiences.iter().copied().collect(),
            themes: request
                .themes
                .iter()
                .filter(|&&t| t < MAX_THEMES)
                .map(|&t| 1 << t)
                .collect(),
            girls: request.girls,
            organized: index.organized(&request.organizers),
            active: !query.is_empty()
                || !request.types.is_empty()
                || !request.themes.is_empty()
                || !request.audiences.is_empty()
                || request.girls
                || !request.organizers.is_empty(),
        }
    }

    /// The score of event `i`.
    fn score(&self, i: usize, row: &Row) -> f32 {
        let mut s = self.text.get(i).copied().unwrap_or(0.0);
        if row.types.intersects(&self.types) {
            s += TYPE;
        }
        let matched = self.themes.iter().filter(|&&t| row.themes & t != 0).count();
        s += THEME * matched.min(2) as f32;
        if row.audiences.intersects(&self.audiences) {
            s += AUDIENCE;
        }
        if self.girls && row.mixite {
            s += GIRLS;
        }
        match self.organized.get(i) {
            Some(Organized::By) => s += ORGANIZER,
            Some(Organized::With) => s += PARTNER,
            _ => {}
        }
        s
    }
}

/// One pass over the rows: the events in scope and dates, scored.
struct Pass<'a, 's> {
    knowledge: &'a Knowledge,
    rows: &'s [Row],
    scope: Option<&'s Scope>,
    area: Option<&'s AreaTest>,
    online_only: bool,
    scorer: &'s Scorer,
}

impl<'a> Pass<'a, '_> {
    /// Events in scope and dates; with `positive_only`, only those the words and slots
    /// match. Also returns how many were in scope at all.
    fn candidates(
        &self,
        dates: &Option<DateSlot>,
        with_part: bool,
        positive_only: bool,
    ) -> (Vec<Found<'a>>, usize) {
        let mut in_scope = 0usize;
        let mut found: Vec<Found<'a>> = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            if row.cancelled
                || (self.online_only && !row.online)
                || dates.as_ref().is_some_and(|d| !row.in_dates(d, with_part))
            {
                continue;
            }
            let (inside, distance_km) = match (self.scope, self.area) {
                (Some(scope), Some(area)) => scope.contains(row, area),
                _ => (true, None),
            };
            if !inside {
                continue;
            }
            in_scope += 1;
            let score = self.scorer.score(i, row);
            if !positive_only || score > 0.0 {
                found.push(Found {
                    event: &self.knowledge.events[i],
                    distance_km,
                    score,
                });
            }
        }
        (found, in_scope)
    }

    /// The candidates, dropping constraints in a fixed order until something fits: the
    /// part of the day, then the dates, then the words and slots. Returns the dates
    /// still applied.
    fn relaxing(
        &self,
        mut dates: Option<DateSlot>,
        relaxed: &mut Vec<Relaxed>,
    ) -> (Vec<Found<'a>>, Option<DateSlot>) {
        let scoring = self.scorer.active;
        let mut with_part = dates.as_ref().is_some_and(|d| d.part.is_some());
        // Nothing fits: no candidate, or none that matches the words and slots.
        let nothing_fits =
            |found: &[Found], in_scope: usize| in_scope == 0 || (scoring && found.is_empty());
        let (mut found, mut in_scope) = self.candidates(&dates, with_part, scoring);
        if nothing_fits(&found, in_scope) && with_part {
            with_part = false;
            if let Some(part) = dates.as_ref().and_then(|d| d.part) {
                relaxed.push(Relaxed::PartOfDay(part));
            }
            (found, in_scope) = self.candidates(&dates, with_part, scoring);
        }
        if nothing_fits(&found, in_scope) && dates.is_some() {
            relaxed.extend(dates.take().map(Relaxed::Dates));
            (found, in_scope) = self.candidates(&dates, false, scoring);
        }
        if scoring && found.is_empty() && in_scope > 0 {
            // The words and slots match nothing in scope: every event in scope, said so.
            relaxed.push(Relaxed::Words);
            (found, _) = self.candidates(&dates, false, false);
        }
        (found, dates)
    }

    /// The online events matching the words, in the dates: the best [`ONLINE_SHOWN`],
    /// and how many in all.
    fn online(&self, dates: &Option<DateSlot>, today: NaiveDate) -> (Vec<&'a Event>, usize) {
        let mut online: Vec<Found> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| row.online && !row.cancelled)
            .filter(|(_, row)| dates.as_ref().is_none_or(|d| row.in_dates(d, false)))
            .map(|(i, row)| Found {
                event: &self.knowledge.events[i],
                distance_km: None,
                score: self.scorer.score(i, row),
            })
            .filter(|found| !self.scorer.active || found.score > 0.0)
            .collect();
        let total = online.len();
        let order = |a: &Found, b: &Found| by_score(a, b, today);
        if online.len() > ONLINE_SHOWN {
            online.select_nth_unstable_by(ONLINE_SHOWN - 1, order);
            online.truncate(ONLINE_SHOWN);
        }
        online.sort_by(order);
        (online.into_iter().map(|found| found.event).collect(), total)
    }

    /// Nothing in scope: the [`NEAREST`] events to `center`, those matching the request
    /// first.
    /// The events nearest to `center`, nearest first whatever the words, and the nearest
    /// of those the words and slots match (when it is not the first).
    fn nearest(&self, center: Option<Point>) -> (Vec<Found<'a>>, Option<Found<'a>>) {
        let mut nearest: Vec<Found> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| !row.online && !row.cancelled)
            .filter_map(|(i, row)| {
                let center = center?;
                let distance_km = row
                    .point()
                    .and_then(|(lat, lon)| Point::new(lat, lon).map(|p| center.distance_km(p)));
                Some(Found {
                    event: &self.knowledge.events[i],
                    distance_km,
                    score: self.scorer.score(i, row),
                })
            })
            .collect();
        let by_distance = |a: &Found, b: &Found| option_cmp(a.distance_km, b.distance_km);
        let matching = nearest
            .iter()
            .filter(|f| self.scorer.active && f.score > 0.0)
            .min_by(|a, b| by_distance(a, b))
            .cloned();
        if nearest.len() > NEAREST {
            nearest.select_nth_unstable_by(NEAREST - 1, by_distance);
            nearest.truncate(NEAREST);
        }
        nearest.sort_by(by_distance);
        let first = nearest.first().map(|f| f.event.id.as_str());
        let matching = matching.filter(|m| Some(m.event.id.as_str()) != first);
        (nearest, matching)
    }
}

/// Searches the events of a request within `scope` (the request's place, resolved, or a
/// position). `today` orders events still to come first.
pub fn events<'a>(
    knowledge: &'a Knowledge,
    index: &SearchIndex,
    facets: &Facets,
    request: &Request,
    scope: Option<Scope>,
    today: NaiveDate,
) -> EventSearch<'a> {
    let scorer = Scorer::new(knowledge, index, request);
    // Online events asked for: the place does not apply.
    let scope = if request.online { None } else { scope };
    let area = scope.as_ref().map(|s| s.area_test(&knowledge.gazetteer));
    let pass = Pass {
        knowledge,
        rows: &facets.rows,
        scope: scope.as_ref(),
        area: area.as_ref(),
        online_only: request.online,
        scorer: &scorer,
    };
    let mut search = EventSearch {
        scope: scope.clone(),
        ..EventSearch::default()
    };
    // Days of the range already past are not searched ("fin novembre" on the 25th),
    // unless the whole range is past ("le 14 novembre" on the 18th).
    let asked = request.dates.clone().map(|mut d| {
        if d.to >= today && d.from < today {
            d.from = today;
        }
        d
    });
    let (mut found, dates) = pass.relaxing(asked, &mut search.relaxed);
    if let Some(scope) = &scope {
        (search.online, search.online_total) = pass.online(&dates, today);
        if found.is_empty() {
            (search.found, search.nearest_matching) = pass.nearest(scope.center);
            search.total = search.found.len();
            search.nearest_instead = true;
            return search;
        }
    }
    // France-wide around a place: what fits, nearest first (as "plus loin" promises).
    let nearest_first = matches!(area, Some(AreaTest::Everywhere));
    if scorer.active && !search.relaxed.contains(&Relaxed::Words) {
        let best = found.iter().map(|f| f.score).fold(0.0f32, f32::max);
        found.retain(|f| f.score >= best * 0.3);
        search.total = found.len();
        if nearest_first {
            top(&mut found, |a, b| {
                option_cmp(a.distance_km, b.distance_km).then_with(|| by_score(a, b, today))
            });
        } else {
            top(&mut found, |a, b| by_score(a, b, today));
        }
    } else {
        search.total = found.len();
        top(&mut found, |a, b| {
            option_cmp(a.distance_km, b.distance_km)
                .then_with(|| (a.event.last_day() < today).cmp(&(b.event.last_day() < today)))
                .then_with(|| a.event.first_day().cmp(&b.event.first_day()))
        });
        if scope.is_none()
            && let Some(dates) = &dates
        {
            spread_over_days(&mut found, dates);
        }
    }
    search.found = found;
    search
}

/// Events of several days, in date order, with the first page showing each day: the
/// first event of every day is kept on it, the rest of the page filled in date order
/// ("d'ici vendredi" on a Thursday shows Friday's event after four of Thursday's).
fn spread_over_days(found: &mut Vec<Found>, dates: &DateSlot) {
    let page = limits::PAGE_SIZE.min(found.len());
    let day = |f: &Found| f.event.first_day().max(dates.from);
    let mut firsts: Vec<usize> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        if firsts.len() < page && firsts.iter().all(|&j| day(&found[j]) != day(f)) {
            firsts.push(i);
        }
    }
    let fill = page - firsts.len();
    let mut first_page: Vec<usize> = firsts.clone();
    first_page.extend((0..found.len()).filter(|i| !firsts.contains(i)).take(fill));
    first_page.sort_unstable();
    let rest = (0..found.len()).filter(|i| !first_page.contains(i));
    let order: Vec<usize> = first_page.iter().copied().chain(rest).collect();
    let sorted: Vec<Found> = order.iter().map(|&i| found[i].clone()).collect();
    *found = sorted;
}

/// Best score first, then nearest, then what is still to come, then soonest.
fn by_score(a: &Found, b: &Found, today: NaiveDate) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| option_cmp(a.distance_km, b.distance_km))
        .then_with(|| (a.event.last_day() < today).cmp(&(b.event.last_day() < today)))
        .then_with(|| a.event.first_day().cmp(&b.event.first_day()))
}

/// Keeps the first [`limits::REMEMBERED`] in order (a partial sort: a broad
/// question over 100,000 events sorts 200, not all).
fn top(found: &mut Vec<Found>, order: impl Fn(&Found, &Found) -> std::cmp::Ordering) {
    let keep = limits::REMEMBERED;
    if found.len() > keep {
        found.select_nth_unstable_by(keep - 1, &order);
        found.truncate(keep);
    }
    found.sort_by(order);
}

/// Known distances first, nearest first.
fn option_cmp(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// The one event of a list that the request names ("la visite du chantier du métro",
/// "Albioma", "Mission Héritage"): more of the request's words are in its name (title,
/// organizer, venue, names quoted in its description) than in any other's: two at
/// least, or all of them, or one that is an organizer's.
pub fn named<'a>(found: &[Found<'a>], request: &Request, index: &SearchIndex) -> Option<&'a Event> {
    let analyzer = index.analyzer();
    let mut asked = analyzer.terms(&request.query);
    asked.sort();
    asked.dedup();
    let organizers = analyzer.terms(&request.organizers.join(" "));
    let mut best: Option<(&'a Event, usize)> = None;
    let mut tie = false;
    for event in found.iter().map(|f| f.event) {
        let name = analyzer.terms(&name_text(event));
        let covered: Vec<&String> = asked.iter().filter(|t| name.contains(t)).collect();
        let enough = covered.len() >= 2
            || covered.len() == asked.len()
            || covered.iter().any(|t| organizers.contains(t));
        let count = if enough { covered.len() } else { 0 };
        match best {
            Some((_, most)) if count == most && count > 0 => tie = true,
            Some((_, most)) if count <= most => {}
            _ if count > 0 => {
                best = Some((event, count));
                tie = false;
            }
            _ => {}
        }
    }
    best.filter(|_| !tie).map(|(event, _)| event)
}

/// The words an event is called by: its title, organizer, venue and the names its
/// description quotes (« Mission Héritage »).
fn name_text(event: &Event) -> String {
    let mut text = format!("{} {}", event.title, event.organizer);
    if let Some(venue) = &event.place.venue {
        text.push(' ');
        text.push_str(venue);
    }
    for quoted in event.description.split('«').skip(1) {
        if let Some((name, _)) = quoted.split_once('»')
            && name.chars().count() <= 60
        {
            text.push(' ');
            text.push_str(name);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn rows_stay_compact() {
        assert!(std::mem::size_of::<super::Row>() <= 56);
    }
}
