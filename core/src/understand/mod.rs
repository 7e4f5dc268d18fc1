//! Understanding a question: what the user wants ([`Intent`]), and the slots that narrow
//! it (place, dates, audiences, types, themes, organizer), from French as students type
//! it: no accents, SMS words, inclusive spellings, typos, politeness.
//!
//! Understanding never fails: an unclear question yields a request with notes, not an
//! error. It reads no clock: `today` is passed in.

mod cues;
pub mod dates;
mod mention;
pub mod slots;
pub mod spelling;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use self::cues::*;
pub use self::dates::Impossible;
use self::dates::{Clock, DateSlot, find_dates, spell_numeric_dates};
pub use self::mention::{PlaceMention, find_place};
use self::slots::{Slot, SlotMatcher};
use self::spelling::{Corrector, expand_sms, plain_inclusive};
use crate::limits;
use crate::model::{Audience, EventType, Knowledge};
use crate::text::{clean, is_stop_word, words};

/// What the user wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// Events matching a place, audience, date, type or theme.
    Events,
    /// Details of one event.
    EventDetails,
    /// Figures (jobs, salaries, mixité…).
    Facts,
    /// Role models.
    Portraits,
    /// The week itself: dates, price, organizers, how to take part.
    About,
    /// What the bot can do.
    Help,
    /// Hello.
    Greeting,
    /// Thanks or goodbye.
    Thanks,
    /// Nothing understood.
    Unknown,
}

/// Which kind of answer the wording of the question leans to, before any search.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lean {
    /// No cue either way.
    #[default]
    None,
    /// "événements", "visite", "il y a quoi", "près de", a date, an audience…
    Events,
    /// "combien", "part", "salaire"…
    Figures,
    /// "quand", "gratuit", "qui organise"…
    About,
    /// "métier", "qui fait"…
    People,
}

/// Which item of the last list a follow-up points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// The n-th (from 1).
    Nth(usize),
    /// The last one.
    Last,
}

/// A question that only makes sense after the previous answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Followup {
    /// "le 2", "plus d'infos sur le premier".
    Details(Rank),
    /// "suivants", "encore", "d'autres ?".
    Next,
    /// "plus loin".
    Wider,
    /// "et à Nice ?", "et pour les collégiens ?": the new slots replace the old ones.
    Refine,
    /// "c'est où ?", "on y fait quoi ?", "t'as plus d'infos dessus ?": about the event
    /// in focus (the one detailed, else the first of the list).
    Focus,
    /// "et l'année d'avant ?", "et en 2022 ?": the figure just shown, another year.
    Year(YearShift),
    /// "il a quel âge ?", "elle bosse dans quelle boîte ?": about the role model just
    /// shown.
    Person(Trait),
}

/// Which year of a figure a follow-up asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearShift {
    /// "l'année d'avant", "l'année précédente".
    Before,
    /// "l'année d'après", "l'année suivante".
    After,
    /// "et en 2022 ?".
    In(i32),
}

/// What a follow-up asks of a role model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trait {
    /// "il a quel âge ?".
    Age,
    /// "elle bosse où ?", "dans quel département ?".
    Place,
    /// "c'est quelle boîte ?".
    Company,
    /// "il fait quoi comme métier ?".
    Job,
}

/// A question, understood.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Request {
    /// The intent decided from the words alone (`None` when the search must decide).
    pub intent: Option<Intent>,
    /// What the wording leans to.
    pub lean: Lean,
    /// A follow-up of the previous answer.
    pub followup: Option<Followup>,
    /// The place the question speaks of.
    pub place: Option<PlaceMention>,
    /// The dates it asks for.
    pub dates: Option<DateSlot>,
    /// It speaks of something else than the week, its events, careers and figures
    /// (weather, sport, homework…), and names no audience, type, theme nor organizer:
    /// Boussole says it cannot answer.
    pub off_topic: bool,
    /// It asks what something is or holds ("c'est quoi Mission Héritage ?", "on y fait
    /// quoi concrètement ?", "ça parle de quoi ?"): an event it names gets its details.
    pub asks_what: bool,
    /// Audiences asked for.
    pub audiences: Vec<Audience>,
    /// Events for girls and women (mixité).
    pub girls: bool,
    /// Event types asked for.
    pub types: Vec<EventType>,
    /// Online events asked for.
    pub online: bool,
    /// Themes asked for (indices in the thesaurus).
    pub themes: Vec<usize>,
    /// Organizer words recognized ("edf", "vinci").
    pub organizers: Vec<String>,
    /// Free text for the events search: the words left once politeness, question words,
    /// the place and the dates are taken out (typos corrected).
    pub query: String,
    /// Text for the knowledge search (facts, role models, the week): every content word.
    pub knowledge_query: String,
    /// Corrected words: (as typed, as understood).
    pub corrections: Vec<(String, String)>,
    /// Places the question may have meant and that were not taken (the département
    /// behind "le 29"), offered as suggestions.
    pub alternatives: Vec<crate::places::Area>,
    /// What the answer must tell about how the question was read (cut, a date that
    /// does not exist…).
    pub notices: Vec<Notice>,
}

/// Something the answer tells about how the question was read: the wording is the
/// answer's ([`crate::answer`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The question was longer than [`limits::QUESTION_CHARS`]: only its start was read.
    Cut,
    /// A date that does not exist ("le 31 février", "jeudi 99", "en 99999"): the
    /// search goes on without dates.
    NoSuchDate(Impossible),
    /// A distance of zero ("à 0 km"): the default radius is used.
    NoDistance,
    /// A distance beyond [`limits::MAX_RADIUS_KM`]: the search is France-wide.
    FranceWide,
    /// "plus loin" when the search is already France-wide.
    AlreadyFranceWide,
}

impl Request {
    /// Whether the request names anything that only events have ("la mixité" alone is
    /// also a topic of figures, so the girls facet does not count).
    pub fn has_event_slots(&self) -> bool {
        self.has_event_slots_besides_organizers() || !self.organizers.is_empty()
    }

    /// Whether it names a place, dates, audiences, types or online events.
    pub fn has_event_slots_besides_organizers(&self) -> bool {
        self.place.is_some()
            || self.dates.is_some()
            || !self.audiences.is_empty()
            || !self.types.is_empty()
            || self.online
    }

    /// Applies a follow-up's slots to the previous request: what the follow-up names
    /// replaces what the previous request said of the same kind; the rest is kept.
    pub fn refined_by(&self, followup: &Request) -> Request {
        let mut merged = self.clone();
        if followup.place.is_some() {
            merged.place = followup.place.clone();
        }
        if followup.dates.is_some() {
            merged.dates = followup.dates.clone();
        }
        if !followup.audiences.is_empty() {
            merged.audiences = followup.audiences.clone();
        }
        if followup.girls {
            merged.girls = true;
        }
        if !followup.types.is_empty() {
            merged.types = followup.types.clone();
        }
        if followup.online {
            merged.online = true;
        }
        if !followup.themes.is_empty() {
            merged.themes = followup.themes.clone();
        }
        if !followup.organizers.is_empty() {
            merged.organizers = followup.organizers.clone();
        }
        if !followup.query.is_empty() {
            merged.query = followup.query.clone();
        }
        merged.followup = None;
        merged.intent = None;
        merged.lean = Lean::Events;
        merged.corrections = followup.corrections.clone();
        merged.alternatives = followup.alternatives.clone();
        merged.notices = followup.notices.clone();
        merged
    }
}

/// What understanding knows of the vocabulary: the thesaurus's slots, the words it can
/// correct typos to, and the organizers of the data. Built once per knowledge.
#[derive(Debug, Default)]
pub struct Lexicon {
    cue_words: HashSet<String>,
    slots: SlotMatcher,
    corrector: Corrector,
    organizer_words: HashMap<String, usize>,
}

impl Lexicon {
    /// The lexicon of this knowledge.
    pub fn new(knowledge: &Knowledge) -> Lexicon {
        let conversation_words: HashSet<String> = [
            GREETINGS,
            THANKS,
            HELP,
            FILLERS,
            LEAN_EVENTS,
            LEAN_FIGURES,
            LEAN_ABOUT,
            LEAN_PEOPLE,
            PLACE_WORDS,
            THANKS_FILLERS,
            DETAIL_WORDS,
            NEXT_WORDS,
            WIDER_WORDS,
        ]
        .iter()
        .flat_map(|list| list.iter().map(|w| w.to_string()))
        .chain(ORDINALS.iter().map(|(w, _)| w.to_string()))
        .collect();
        let mut cue_words = conversation_words.clone();
        let thesaurus = &knowledge.thesaurus;
        for group in &thesaurus.equivalences {
            for word in &group.words {
                cue_words.extend(spelling::folded_words(word));
            }
        }
        for expansion in thesaurus.sms.values() {
            cue_words.extend(spelling::folded_words(expansion));
        }
        for audience in Audience::ALL {
            cue_words.extend(spelling::folded_words(audience.words()));
        }
        let known = known_words(knowledge);
        let slots = SlotMatcher::new(thesaurus).without_off_topic_in(&known);
        cue_words.extend(slots.vocabulary().map(str::to_string));
        let organizer_words = organizer_words(knowledge, &conversation_words);
        // Typos are corrected towards the words of the data and of the thesaurus.
        let mut vocabulary: HashSet<String> = cue_words.clone();
        vocabulary.extend(knowledge_words(knowledge));
        vocabulary.extend(crate::text::STOP_WORDS.iter().map(|w| w.to_string()));
        let names = knowledge
            .portraits
            .iter()
            .map(|p| p.company.as_str())
            .chain(knowledge.events.iter().map(|e| e.organizer.as_str()))
            .flat_map(spelling::folded_words)
            .collect::<Vec<_>>();
        Lexicon {
            corrector: Corrector::new(vocabulary, known).with_names(names),
            cue_words,
            slots,
            organizer_words,
        }
    }

    /// Whether understanding knows this folded word (not to be taken for a misspelled
    /// place name).
    pub fn contains(&self, word: &str) -> bool {
        self.cue_words.contains(word) || self.corrector.knows(word)
    }

    /// The slot matcher.
    pub fn slots(&self) -> &SlotMatcher {
        &self.slots
    }
}

/// Distinctive words of organizer names ("edf", "vinci", "cesi"): in the names of at
/// most three events, and neither stop words, conversation words nor common place words.
fn organizer_words(
    knowledge: &Knowledge,
    conversation_words: &HashSet<String>,
) -> HashMap<String, usize> {
    let mut organizer_count: HashMap<String, usize> = HashMap::new();
    for event in &knowledge.events {
        let mut seen = HashSet::new();
        for word in spelling::folded_words(&event.organizer) {
            if word.len() >= 3
                && !is_stop_word(&word)
                && !conversation_words.contains(&word)
                && !knowledge.gazetteer.is_common_word(&word)
                && seen.insert(word.clone())
            {
                *organizer_count.entry(word).or_default() += 1;
            }
        }
    }
    organizer_count
        .into_iter()
        .filter(|(_, count)| *count <= 3)
        .collect()
}

/// Words of event titles, organizers and themes (and of dates): known, never
/// "corrected", though typos are corrected only towards the thesaurus, the
/// conversation and the knowledge, so that the index of corrections stays small however
/// large the agenda. Descriptions are left out.
fn known_words(knowledge: &Knowledge) -> HashSet<String> {
    let mut known: HashSet<String> = dates::vocabulary().map(str::to_string).collect();
    for event in &knowledge.events {
        known.extend(spelling::folded_words(&event.title));
        for text in std::iter::once(event.organizer.as_str())
            .chain(event.partners.iter().map(String::as_str))
            .chain(event.themes.iter().map(|t| &**t))
        {
            known.extend(spelling::folded_words(text));
        }
    }
    known
}

/// Words of the facts, role models and topics: typos are corrected towards them.
fn knowledge_words(knowledge: &Knowledge) -> HashSet<String> {
    let mut words = HashSet::new();
    for fact in &knowledge.facts {
        words.extend(spelling::folded_words(&fact.statement));
        for keyword in &fact.keywords {
            words.extend(spelling::folded_words(keyword));
        }
    }
    for portrait in &knowledge.portraits {
        for text in [&portrait.job, &portrait.company, &portrait.quote] {
            words.extend(spelling::folded_words(text));
        }
        for keyword in &portrait.keywords {
            words.extend(spelling::folded_words(keyword));
        }
    }
    for topic in &knowledge.topics {
        words.extend(spelling::folded_words(&topic.text));
        for keyword in &topic.keywords {
            words.extend(spelling::folded_words(keyword));
        }
    }
    words
}

/// Understands a question. Never fails. The clock (a day, or a [`Clock`] with the
/// time and the day of the conversation) resolves relative dates.
///
/// Bounded work whatever the text: only its first [`limits::QUESTION_CHARS`]
/// characters and [`limits::QUESTION_WORDS`] words are read (and the request says so),
/// at most [`limits::TYPO_WORDS`] words are looked up for typos, and words longer than
/// any known word never are.
///
/// ```
/// use boussole_core::load;
/// use boussole_core::model::Audience;
/// use boussole_core::understand::{Intent, Lexicon, understand};
/// use chrono::NaiveDate;
///
/// let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
/// let knowledge = load::load(&data).unwrap();
/// let lexicon = Lexicon::new(&knowledge);
/// let today = NaiveDate::from_ymd_opt(2024, 11, 18).unwrap();
/// let ask = |q: &str| understand(q, &knowledge, &lexicon, today);
/// assert_eq!(ask("").intent, Some(Intent::Help));
/// assert_eq!(ask("Bonjour !").intent, Some(Intent::Greeting));
/// let request = ask("ya koi pr les lycéen·ne·s près de Brest demain ?");
/// assert_eq!(request.audiences, [Audience::Lyceens]);
/// assert!(request.place.is_some());
/// assert_eq!(request.dates.unwrap().from, today.succ_opt().unwrap());
/// ```
pub fn understand(
    question: &str,
    knowledge: &Knowledge,
    lexicon: &Lexicon,
    clock: impl Into<Clock>,
) -> Request {
    let clock = clock.into();
    let mut request = Request::default();
    let mut text = prepare(question, &knowledge.thesaurus.sms, &mut request.notices);
    let mut spans = words(&text);
    if spans.len() > limits::QUESTION_WORDS {
        // A thousand characters can be two thousand words ("℀" is two): the first ones.
        text.truncate(spans[limits::QUESTION_WORDS - 1].2);
        spans.truncate(limits::QUESTION_WORDS);
        if !request.notices.contains(&Notice::Cut) {
            request.notices.push(Notice::Cut);
        }
    }
    let all: Vec<String> = spans.iter().map(|(w, _, _)| w.clone()).collect();
    if text.trim().is_empty() || (all.is_empty() && text.trim_start().starts_with('/')) {
        request.intent = Some(Intent::Help);
        return request;
    }
    if all.is_empty() {
        request.intent = Some(Intent::Unknown);
        return request;
    }
    if let Some(intent) = conversational(&all, &all.join(" ")) {
        request.intent = Some(intent);
        return request;
    }
    request.followup = followup(&all);

    // The place, then the dates, then the slots, on the words not yet taken.
    let mut taken = vec![false; all.len()];
    // Read first only when a number could be a département or a day ("du 13 au 18").
    let has_number = all.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()));
    let dates = has_number
        .then(|| find_dates(&all, clock, &knowledge.week).ok().flatten())
        .flatten();
    let context = (knowledge, lexicon);
    take_place(
        &mut request,
        &text,
        &spans,
        &mut taken,
        context,
        dates.as_ref(),
    );
    take_dates(&mut request, &all, &mut taken, clock, &knowledge.week);
    let corrected = correct_typos(&mut request, &all, &taken, &lexicon.corrector);
    let free: Vec<String> = corrected
        .iter()
        .zip(&taken)
        .map(|(w, t)| if *t { String::new() } else { w.clone() })
        .collect();
    let slot_words = fill_slots(&mut request, &free, lexicon);
    if request.off_topic {
        request.intent = Some(Intent::Unknown);
    }
    request.lean = lean(&request, &corrected, &slot_words);
    request.asks_what = asks_what(&corrected);
    if request.asks_what && defines_an_audience(&request, &free, &slot_words) {
        // "c'est quoi un bac pro ?": what a school track is, which Boussole cannot tell.
        request.off_topic = true;
        request.intent = Some(Intent::Unknown);
    }

    set_queries(&mut request, &free, &corrected);
    request
}

/// The words searched: the free words for events (fillers, place words and numbers
/// left out), every content word for knowledge.
fn set_queries(request: &mut Request, free: &[String], corrected: &[String]) {
    let content = |w: &&String| !w.is_empty() && !is_stop_word(w);
    request.query = free
        .iter()
        .filter(content)
        .filter(|w| !FILLERS.contains(&w.as_str()) && !PLACE_WORDS.contains(&w.as_str()))
        .filter(|w| !(w.chars().all(|c| c.is_ascii_digit()) || w.ends_with("km")))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    // Every fact speaks of industry: the word weighs only in the week's name ("la
    // semaine de l'industrie") or when it is all there is.
    let the_week = corrected.iter().any(|w| w == "semaine");
    let mut knowledge: Vec<String> = corrected
        .iter()
        .filter(content)
        .filter(|w| !GREETINGS.contains(&w.as_str()) && !POLITE.contains(&w.as_str()))
        .cloned()
        .collect();
    let everywhere = |w: &String| !the_week && EVERYWHERE.contains(&w.as_str());
    if knowledge.iter().any(|w| !everywhere(w)) {
        knowledge.retain(|w| !everywhere(w));
    }
    request.knowledge_query = knowledge.join(" ");
}

/// The text understood: what a user cannot mean removed, cut to
/// [`limits::QUESTION_CHARS`] (said in `notices`), inclusive spellings made plain,
/// numeric dates spelled, SMS words expanded.
fn prepare(
    question: &str,
    sms: &std::collections::BTreeMap<String, String>,
    notices: &mut Vec<Notice>,
) -> String {
    // Cut before anything else, so that no step sees more than a bounded text (invisible
    // characters count: a megabyte of them is not a short question).
    let cut = question
        .char_indices()
        .nth(limits::QUESTION_CHARS)
        .map_or(question.len(), |(i, _)| i);
    if cut < question.len() {
        notices.push(Notice::Cut);
    }
    let text = clean(&question[..cut]);
    expand_sms(&spell_numeric_dates(&plain_inclusive(&text)), sms)
}

/// Whether a département said by its number is a number of a date the question says
/// ("du 13 au 18", "lundi en 15", "20 02 2014").
fn number_of_a_date(
    place: &PlaceMention,
    words: &[usize],
    spans: &[(String, usize, usize)],
    dates: Option<&DateSlot>,
) -> bool {
    let by_number = words
        .iter()
        .all(|&i| spans[i].0.bytes().all(|b| b.is_ascii_digit()));
    matches!(place.area, crate::places::Area::Departement(_))
        && by_number
        && dates.is_some_and(|d| words.iter().all(|i| d.words.contains(i)))
}

/// The place of the question, and the words that name it (taken). `dates` are the
/// dates read on all the words: a number they use is no département.
fn take_place(
    request: &mut Request,
    text: &str,
    spans: &[(String, usize, usize)],
    taken: &mut [bool],
    (knowledge, lexicon): (&Knowledge, &Lexicon),
    dates: Option<&DateSlot>,
) {
    let gazetteer = &knowledge.gazetteer;
    let Some(mut place) = find_place(gazetteer, text, |w| lexicon.contains(w)) else {
        return;
    };
    let words: Vec<usize> = (0..spans.len())
        .filter(|&i| (place.span.0..place.span.1).contains(&spans[i].1))
        .collect();
    if place.could_be_a_day || number_of_a_date(&place, &words, spans, dates) {
        if let crate::places::Area::Departement(_) = place.area {
            request.alternatives.push(place.area.clone());
        }
        return;
    }
    for (i, (_, start, _)) in spans.iter().enumerate() {
        taken[i] = (place.span.0..place.span.1).contains(start);
    }
    match place.radius_km {
        Some(radius) if radius.is_nan() || radius <= 0.0 => {
            request.notices.push(Notice::NoDistance);
            place.radius_km = None;
        }
        Some(radius) if radius > limits::MAX_RADIUS_KM => {
            request.notices.push(Notice::FranceWide);
            place.radius_km = Some(limits::MAX_RADIUS_KM);
        }
        _ => {}
    }
    request.place = Some(place);
}

/// The dates of the question among the words not taken, and the words that say them.
/// A date that does not exist is told, not replaced by another.
fn take_dates(
    request: &mut Request,
    all: &[String],
    taken: &mut [bool],
    clock: Clock,
    week: &crate::model::Week,
) {
    let free: Vec<String> = all
        .iter()
        .zip(taken.iter())
        .map(|(w, t)| if *t { String::new() } else { w.clone() })
        .collect();
    let used = match find_dates(&free, clock, week) {
        Ok(Some(dates)) => {
            let used = dates.words.clone();
            request.dates = Some(dates);
            used
        }
        Ok(None) => Vec::new(),
        Err(impossible) => {
            let used = impossible.words.clone();
            request.notices.push(Notice::NoSuchDate(impossible));
            used
        }
    };
    for i in used {
        if let Some(t) = taken.get_mut(i) {
            *t = true;
        }
    }
}

/// The words with their typos corrected towards the vocabulary (the first
/// [`limits::TYPO_WORDS`] unknown words not taken; stop words and numbers never).
fn correct_typos(
    request: &mut Request,
    all: &[String],
    taken: &[bool],
    corrector: &Corrector,
) -> Vec<String> {
    let mut corrected = all.to_vec();
    let unknown = all.iter().enumerate().filter(|&(i, word)| {
        !taken[i]
            && !is_stop_word(word)
            && !word.chars().any(|c| c.is_ascii_digit())
            && !corrector.knows(word)
    });
    for (i, word) in unknown.take(limits::TYPO_WORDS) {
        if let Some(fixed) = corrector.correct(word) {
            // "stages" for "stage", "travaillent" for "travaille": the same word, said
            // without a note.
            let same_word = crate::text::stem(word) == crate::text::stem(&fixed);
            let correction = (word.clone(), fixed.clone());
            if !same_word && !request.corrections.contains(&correction) {
                request.corrections.push(correction);
            }
            corrected[i] = fixed;
        }
    }
    corrected
}

/// Audiences, girls, types, online, themes and organizers of the free words.
///
/// Fills the slots named by `free` words; returns the indices of the words that named
/// them.
fn fill_slots(request: &mut Request, free: &[String], lexicon: &Lexicon) -> Vec<usize> {
    let mut strong_off_topic = false;
    let mut named = Vec::new();
    for found in lexicon.slots.find(free) {
        named.extend(found.first..found.first + found.len);
        match found.slot {
            Slot::Audience(a) if !request.audiences.contains(&a) => request.audiences.push(a),
            Slot::Girls => request.girls = true,
            Slot::Type(t) if !request.types.contains(&t) => request.types.push(t),
            Slot::Online => request.online = true,
            Slot::Theme(t) if !request.themes.contains(&t) => request.themes.push(t),
            // A phrase ("lettre de motivation", "ta gueule") says it whatever else the
            // question names; a word ("foot") only when it names nothing else.
            Slot::OffTopic if found.len > 1 => strong_off_topic = true,
            Slot::OffTopic => request.off_topic = true,
            _ => {}
        }
    }
    for word in free {
        if lexicon.organizer_words.contains_key(word) && !request.organizers.contains(word) {
            request.organizers.push(word.clone());
        }
    }
    // A place or a date does not make weather or sport a question about the week.
    request.off_topic &= request.audiences.is_empty()
        && request.types.is_empty()
        && request.themes.is_empty()
        && !request.girls
        && request.organizers.is_empty();
    request.off_topic |= strong_off_topic;
    named
}

/// Which kind of answer the wording leans to. `slot_words` are the indices of the words
/// that named a slot ("jeux vidéo" is a theme, not a video of the role models).
fn lean(request: &Request, corrected: &[String], slot_words: &[usize]) -> Lean {
    let has = |list: &[&str]| corrected.iter().any(|w| list.contains(&w.as_str()));
    let people = (0..corrected.len())
        .any(|i| !slot_words.contains(&i) && PEOPLE.contains(&corrected[i].as_str()));
    // "combien de temps ça dure": a duration, not a figure.
    let duration = corrected
        .windows(3)
        .any(|w| w[0] == "combien" && w[2] == "temps")
        || corrected
            .windows(2)
            .any(|w| w[0] == "combien" && w[1] == "temps");
    // "à part la biomasse" is no share.
    let figures = corrected.iter().enumerate().any(|(i, w)| {
        let aside = w == "part" && i > 0 && corrected[i - 1] == "a";
        LEAN_FIGURES.contains(&w.as_str()) && !(duration && w == "combien") && !aside
    });
    // "un jeune en alternance", "la fille des robots", "un ingénieur qui…": someone
    // described, when the question names no place, date or kind of event.
    let someone = corrected
        .windows(2)
        .any(|w| DETERMINERS.contains(&w[0].as_str()) && PERSON_NOUNS.contains(&w[1].as_str()))
        && request.place.is_none()
        && request.dates.is_none()
        && request.types.is_empty();
    if figures {
        Lean::Figures
    } else if (people || someone) && !has(LEAN_EVENTS) {
        Lean::People
    } else if has(LEAN_ABOUT) && !request.has_event_slots()
        // "c'est payant les visites ?": the price of the week, whatever the kind.
        || has(PRICE) && request.place.is_none() && request.dates.is_none()
    {
        Lean::About
    } else if has(LEAN_EVENTS) || request.has_event_slots() {
        Lean::Events
    } else if has(LEAN_PEOPLE) {
        Lean::People
    } else {
        Lean::None
    }
}

/// "c'est quoi X ?", "on y fait quoi ?", "ça parle de quoi ?", "elle fait quoi ?",
/// "concrètement ?": a question about what a thing is or holds.
fn asks_what(corrected: &[String]) -> bool {
    let has = |list: &[&str]| corrected.iter().any(|w| list.contains(&w.as_str()));
    has(&["concretement", "consiste", "explique", "raconte"])
        || (has(&["quoi"]) && has(&["est", "fait", "parle", "agit", "sert", "cest", "passe"]))
}

/// "c'est quoi un bac pro ?", "ça veut dire quoi BTS ?": a question of what an audience's
/// track is, with no other word (no place, date, type, theme or organizer either).
fn defines_an_audience(request: &Request, free: &[String], slot_words: &[usize]) -> bool {
    let only_audiences = !request.audiences.is_empty()
        && request.types.is_empty()
        && request.themes.is_empty()
        && request.organizers.is_empty()
        && !request.girls
        && request.place.is_none()
        && request.dates.is_none();
    let defining = |w: &str| {
        [
            "quoi",
            "c",
            "est",
            "cest",
            "exactement",
            "veut",
            "dire",
            "ca",
            "un",
            "une",
            "le",
        ]
        .contains(&w)
    };
    only_audiences
        && free
            .iter()
            .enumerate()
            .all(|(i, w)| w.is_empty() || slot_words.contains(&i) || defining(w) || is_stop_word(w))
}

/// "suivants", "encore", "ok et le suivant ?": the next page (or the next event after
/// the details of one).
fn asks_for_more(all: &[String]) -> bool {
    let more = [
        "suivants",
        "suivant",
        "suivante",
        "suivantes",
        "encore",
        "autres",
        "autre",
        "suite",
        "next",
        "reste",
    ];
    let extra = [
        "svp", "stp", "y", "a", "il", "en", "as", "tu", "ya", "ok", "alors", "donc", "le",
    ];
    all.iter().any(|w| more.contains(&w.as_str()))
        && all.iter().all(|w| {
            NEXT_WORDS.contains(&w.as_str())
                || extra.contains(&w.as_str())
                || ORDINALS.iter().any(|(o, _)| o == w)
                || w.parse::<usize>().is_ok()
        })
}

/// "c'est où ?", "on y fait quoi ?": a short question about one event, made only of
/// the words of such questions.
fn about_the_focus(all: &[String]) -> bool {
    let is = |list: &[&str], w: &String| list.contains(&w.as_str());
    all.len() <= 10
        && all.iter().any(|w| is(FOCUS_CUES, w))
        && all
            .iter()
            .all(|w| is(FOCUS_CUES, w) || is(FOCUS_WORDS, w) || is(DETAIL_WORDS, w))
}

/// "et l'année d'avant ?", "l'année suivante ?", "et en 2022 ?": a short question
/// asking the last figure for another year.
fn year_shift(all: &[String]) -> Option<YearShift> {
    let has = |list: &[&str]| all.iter().any(|w| list.contains(&w.as_str()));
    let short = all.len() <= 8
        && all
            .iter()
            .all(|w| YEAR_WORDS.contains(&w.as_str()) || year(w).is_some());
    if !short {
        return None;
    }
    if let Some(year) = all.iter().find_map(|w| year(w)) {
        return Some(YearShift::In(year));
    }
    if !has(&["annee", "an"]) {
        return None;
    }
    if has(&["avant", "precedente", "passee", "dernier", "derniere"]) {
        Some(YearShift::Before)
    } else if has(&["apres", "suivante", "prochaine", "prochain"]) {
        Some(YearShift::After)
    } else {
        None
    }
}

/// A year said in figures (1990 to 2100).
fn year(word: &str) -> Option<i32> {
    let year: i32 = word.parse().ok().filter(|_| word.len() == 4)?;
    (1990..=2100).contains(&year).then_some(year)
}

/// "il a quel âge ?", "elle bosse dans quel département ?", "c'est quoi sa boîte ?": a
/// short question about a person (a pronoun, a trait, nothing else).
fn person_trait(all: &[String]) -> Option<Trait> {
    let has = |list: &[&str]| all.iter().any(|w| list.contains(&w.as_str()));
    // "c'est quelle boîte ?" needs no pronoun; "c'est où ?" does (else an event's).
    let about_someone = has(&["il", "elle", "lui", "son", "sa", "ses"])
        || has(&["age", "entreprise", "boite", "societe"]);
    let short = all.len() <= 10 && all.iter().all(|w| PERSON_WORDS.contains(&w.as_str()));
    if !about_someone || !short {
        return None;
    }
    if has(&["age", "ans"]) {
        Some(Trait::Age)
    } else if has(&["entreprise", "boite", "societe", "chez"]) {
        Some(Trait::Company)
    } else if has(&["departement", "region", "ville", "ou", "habite", "coin"]) {
        Some(Trait::Place)
    } else if has(&["metier", "job", "poste", "boulot", "fait"]) {
        Some(Trait::Job)
    } else {
        None
    }
}

/// Help, greetings and thanks, recognized from the words alone.
fn conversational(all: &[String], folded: &str) -> Option<Intent> {
    let is = |list: &[&str], w: &String| list.contains(&w.as_str());
    let polite = |w: &String| is(GREETINGS, w) || is(POLITE, w);
    if (all.iter().all(|w| is(HELP, w) || polite(w)) && all.iter().any(|w| is(HELP, w)))
        || [
            "que sais tu faire",
            "tu sers a quoi",
            "comment ca marche",
            "tu fais quoi",
            "qui es tu",
        ]
        .iter()
        .any(|p| folded.contains(p))
    {
        return Some(Intent::Help);
    }
    let content: Vec<&String> = all.iter().filter(|w| !polite(w)).collect();
    if content.is_empty() && all.iter().any(|w| is(GREETINGS, w)) {
        return Some(Intent::Greeting);
    }
    if all.iter().any(|w| is(THANKS, w))
        && content
            .iter()
            .all(|w| is(THANKS, w) || is(THANKS_FILLERS, w))
    {
        return Some(Intent::Thanks);
    }
    None
}

/// Follow-ups: "le 2", "plus d'infos sur le premier", "suivants", "plus loin", "et à Nice ?".
fn followup(all: &[String]) -> Option<Followup> {
    let rank = all.iter().find_map(|w| {
        if let Some((_, n)) = ORDINALS.iter().find(|(o, _)| o == w) {
            return Some(Rank::Nth(*n));
        }
        if w == "dernier" || w == "derniere" {
            return Some(Rank::Last);
        }
        w.parse::<usize>()
            .ok()
            .filter(|n| (1..=50).contains(n))
            .map(Rank::Nth)
    });
    let only = |list: &[&str], extra: &[&str]| {
        all.iter().all(|w| {
            list.contains(&w.as_str())
                || extra.contains(&w.as_str())
                || ORDINALS.iter().any(|(o, _)| o == w)
                || w.parse::<usize>().is_ok()
        })
    };
    if let Some(rank) = rank
        && only(
            DETAIL_WORDS,
            &[
                "dernier",
                "derniere",
                "evenement",
                "celui",
                "la",
                "svp",
                "stp",
            ],
        )
        && all.len() <= 8
    {
        return Some(Followup::Details(rank));
    }
    if all.iter().any(|w| {
        [
            "loin", "elargir", "elargis", "large", "agrandir", "agrandis", "etendre", "etends",
        ]
        .contains(&w.as_str())
    }) && only(
        WIDER_WORDS,
        &["un", "peu", "encore", "cherche", "svp", "stp", "et", "le"],
    ) {
        return Some(Followup::Wider);
    }
    if asks_for_more(all) {
        return Some(Followup::Next);
    }
    if let Some(shift) = year_shift(all) {
        return Some(Followup::Year(shift));
    }
    if let Some(asked) = person_trait(all) {
        return Some(Followup::Person(asked));
    }
    if about_the_focus(all) {
        return Some(Followup::Focus);
    }
    if all
        .first()
        .is_some_and(|w| w == "et" || w == "plutot" || w == "sinon")
        && all.len() <= 8
    {
        return Some(Followup::Refine);
    }
    None
}

#[cfg(test)]
mod tests;
