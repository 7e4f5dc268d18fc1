//! Composing an answer: the items found, and the French reply a user reads.
//!
//! All French wording shown to users lives here and in [`crate::answer::french`].

use serde::Serialize;

pub mod asides;
pub mod calendar;
pub mod dates;
pub mod french;
pub mod labels;
pub mod places;
pub mod reply;

use chrono::NaiveDate;

use crate::action::{Action, EventKey, SearchHandle};
use crate::answer::reply::{Block, EventCard, FactCard, PortraitCard, plain, where_line};
use crate::command::Command;
use crate::model::{Audience, Event, EventType, Fact, Knowledge, Portrait, Topic};
use crate::places::{Area, Gazetteer};
use crate::search::{EventSearch, Found, Relaxed};
use crate::understand::dates::NoSuchDate;
use crate::understand::{Intent, Notice, PlaceMention, Request};

/// Events shown in one answer (one phone screen).
pub use self::asides::{no_such_year, portrait_trait};
pub use crate::limits::PAGE_SIZE;

/// An event as listed in an answer (the `--json` contract).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventSummary {
    /// Event id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Commune, or "en ligne".
    pub city: String,
    /// Distance from the place asked about, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// Start: `2024-11-21` (whole day) or `2024-11-22T09:00:00+01:00`.
    pub start: String,
}

/// A fact as listed in an answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactSummary {
    /// Fact id.
    pub id: String,
    /// The figure as written ("260 000").
    pub figure: String,
    /// The source as cited.
    pub source: String,
    /// Year the figure describes.
    pub year: i32,
}

/// What was understood of a question, for users and for `--json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Understood {
    /// The place searched: "Brest (29)", "Finistère (29)", "Bretagne".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The radius around it, in kilometres.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub radius_km: Option<f64>,
    /// The dates: first and last day, and how the reply says them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<UnderstoodDates>,
    /// Audiences asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<Audience>,
    /// Events for girls and women.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub girls: bool,
    /// Event types asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<EventType>,
    /// Online events asked for.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub online: bool,
    /// Themes asked for (ids of the thesaurus).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// Organizer words recognized.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organizers: Vec<String>,
    /// The words searched as text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub words: String,
    /// Typos corrected: [as typed, as understood].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<(String, String)>,
    /// Constraints dropped because nothing matched them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relaxed: Vec<String>,
    /// Other readings of the question, as suggested questions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
}

/// A reading of the question that was not taken, offered as a suggested question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Alternative {
    /// What it means: "le département Finistère (29)".
    pub label: String,
    /// The question that asks for it unambiguously.
    pub question: String,
}

impl Alternative {
    /// The suggestion for a place the question may have meant.
    fn of(area: &Area, gazetteer: &Gazetteer) -> Alternative {
        match area {
            Area::Departement(d) => {
                let d = gazetteer.departement_at(*d);
                Alternative {
                    label: format!("le département {} ({})", d.name, d.code),
                    question: format!("événements dans le {}", d.code),
                }
            }
            other => {
                let name = area_name(other, gazetteer);
                Alternative {
                    question: format!("événements à {name}"),
                    label: name,
                }
            }
        }
    }
}

/// Dates as understood.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnderstoodDates {
    /// First day (none when only a part of the day was said: "le matin").
    pub from: Option<NaiveDate>,
    /// Last day (none when open: "à partir de mercredi", or any day).
    pub to: Option<NaiveDate>,
    /// "jeudi 21 novembre".
    pub label: String,
}

/// The answer to one question. Its blocks are the reply: the plain text ([`Answer::reply`],
/// `reply` in JSON) is rendered from them, so no adapter shows less than another.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// What the question was taken to ask.
    pub intent: Intent,
    /// What was understood of it.
    pub understood: Understood,
    /// Events of the answer, best first (empty when none).
    pub events: Vec<EventSummary>,
    /// Facts of the answer (empty when none).
    pub facts: Vec<FactSummary>,
    /// Ids of the role models of the answer.
    pub portraits: Vec<String>,
    /// Ids of the topics about the week in the answer.
    pub topics: Vec<String>,
    /// What the user can do next: buttons in chat apps.
    pub actions: Vec<Action>,
    /// The reply, as blocks adapters render their own way.
    pub blocks: Vec<Block>,
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The JSON of an answer: its fields and the reply rendered as plain text.
        #[derive(Serialize)]
        struct Json<'a> {
            intent: Intent,
            understood: &'a Understood,
            events: &'a [EventSummary],
            facts: &'a [FactSummary],
            portraits: &'a [String],
            topics: &'a [String],
            actions: &'a [Action],
            blocks: &'a [Block],
            reply: String,
        }
        Json {
            intent: self.intent,
            understood: &self.understood,
            events: &self.events,
            facts: &self.facts,
            portraits: &self.portraits,
            topics: &self.topics,
            actions: &self.actions,
            blocks: &self.blocks,
            reply: self.reply(),
        }
        .serialize(serializer)
    }
}

impl Answer {
    fn text(intent: Intent, reply: String) -> Answer {
        Answer::blocks(intent, vec![Block::text(reply)])
    }

    fn blocks(intent: Intent, blocks: Vec<Block>) -> Answer {
        Answer {
            intent,
            understood: Understood::default(),
            events: Vec::new(),
            facts: Vec::new(),
            portraits: Vec::new(),
            topics: Vec::new(),
            actions: Vec::new(),
            blocks,
        }
    }

    /// The reply as plain text, rendered from the blocks: what a user reads in the
    /// console.
    pub fn reply(&self) -> String {
        plain(&self.blocks)
    }

    /// Adds a paragraph at the end.
    pub fn push_text(&mut self, text: String) {
        self.blocks.push(Block::text(text));
    }
}

/// Examples of questions that work, shown in help and when nothing is understood.
pub const EXAMPLES: [&str; 6] = [
    "y a quoi près de Brest pour les lycéens ?",
    "des escape games",
    "visite d'usine hydroélectrique",
    "combien on gagne dans l'industrie ?",
    "c'est quand la semaine de l'industrie ?",
    "un métier avec des robots",
];

fn examples() -> String {
    EXAMPLES
        .iter()
        .map(|e| format!("• « {e} »"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Help: what Boussole can do, with examples that work.
pub fn help(knowledge: &Knowledge) -> Answer {
    let week = &knowledge.week;
    Answer::text(
        Intent::Help,
        format!(
            "Je suis Boussole : je t'aide à trouver des événements de la {} {} \
             ({}) près de chez toi, et je réponds à tes questions sur les métiers \
             de l'industrie, avec des chiffres sourcés.\n\nEssaie par exemple :\n{}\n\n\
             Après une liste, écris « le 2 » pour les détails, « suivants » pour la suite, \
             « plus loin » pour élargir, ou « et à Nice ? » pour changer de ville.",
            week.name,
            week.year,
            french::range(week.start, week.end),
            examples()
        ),
    )
}

/// Hello.
pub fn greeting(knowledge: &Knowledge) -> Answer {
    Answer {
        // In a chat app, the position is one tap away.
        actions: vec![Action::NearMe],
        ..Answer::text(
            Intent::Greeting,
            format!(
                "Bonjour ! Je suis Boussole. Dis-moi ce que tu cherches sur la {} : un \
             événement près de chez toi, un métier, un chiffre.\n\nPar exemple :\n{}",
                knowledge.week.name,
                examples()
            ),
        )
    }
}

/// Thanks or goodbye.
pub fn thanks() -> Answer {
    Answer::text(
        Intent::Thanks,
        "Avec plaisir ! Reviens quand tu veux, et bonne découverte de l'industrie.".into(),
    )
}

/// Nothing understood.
pub fn unknown() -> Answer {
    Answer::text(
        Intent::Unknown,
        format!(
            "Je n'ai pas compris ta question. Je connais les événements de la Semaine de \
             l'industrie, les métiers et les chiffres de l'industrie.\n\nEssaie par exemple :\n{}",
            examples()
        ),
    )
}

/// A question about something else than the week, its events, careers and figures.
pub fn off_topic() -> Answer {
    Answer::text(
        Intent::Unknown,
        format!(
            "Je ne sais pas répondre à ça. Je connais les événements de la Semaine de \
             l'industrie (où, quand, pour qui), les métiers et les chiffres de l'industrie, \
             et des jeunes qui y travaillent.\n\nEssaie par exemple :\n{}",
            examples()
        ),
    )
}

/// The text of a button.
pub fn action_label(action: &Action) -> String {
    match action {
        Action::Details { rank, .. } => format!("Détails du {rank}"),
        Action::Next { .. } => "Suivants".into(),
        Action::Wider { .. } => "Plus loin".into(),
        Action::NearMe => "Près de moi".into(),
        Action::Calendar { .. } => "Ajouter à mon agenda".into(),
        Action::Map { .. } => "Voir sur la carte".into(),
        Action::Ask { label, .. } => label.clone(),
    }
}

/// What a command does, as chat menus show it.
pub fn command_description(command: Command) -> &'static str {
    match command {
        Command::Start => "Bienvenue, et des exemples de questions",
        Command::Help => "Ce que je sais faire, avec des exemples",
        Command::Events => "Les événements (ex. : /evenements lycéens Brest)",
        Command::Figures => "Des chiffres de l'industrie (ex. : /chiffres salaires)",
        Command::Jobs => "Des métiers et des jeunes qui en parlent",
        Command::Week => "La Semaine de l'industrie en bref",
        Command::Forget => "Oublier notre conversation et repartir de zéro",
    }
}

/// The label of Telegram's button that shares the user's position.
pub const SHARE_POSITION: &str = "📍 Envoyer ma position";

/// Asked "près de moi" without a position.
pub fn need_position() -> Answer {
    Answer {
        actions: vec![Action::NearMe],
        ..Answer::text(
            Intent::Events,
            format!(
                "Pour chercher près de toi, partage ta position (bouton « {} » sur \
                 Telegram), ou donne-moi une ville ou un code postal : « près de Brest », \
                 « 29200 ».",
                SHARE_POSITION.trim_start_matches("📍 ")
            ),
        )
    }
}

/// A message without text (a sticker, a photo, a voice message).
pub fn text_only() -> Answer {
    Answer::text(
        Intent::Unknown,
        format!(
            "Je ne sais lire que les messages écrits (et ta position, si tu la partages). \
             Écris-moi ta question, par exemple :\n{}",
            examples()
        ),
    )
}

/// Something went wrong inside Boussole while answering: said kindly, with examples.
pub fn trouble() -> Answer {
    Answer::text(
        Intent::Unknown,
        format!(
            "Oups, je n'ai pas réussi à répondre à ce message. Ce n'est pas de ta faute : \
             réessaie en le disant autrement, par exemple :\n{}",
            examples()
        ),
    )
}

/// The conversation was forgotten, as the user asked.
pub fn forgotten() -> Answer {
    Answer::text(
        Intent::Help,
        "C'est oublié : on repart de zéro. Pose-moi ta question quand tu veux.".into(),
    )
}

fn summary(found: &Found) -> EventSummary {
    let event = found.event;
    EventSummary {
        id: event.id.clone(),
        title: event.title.clone(),
        city: places::city(event).to_string(),
        distance_km: found.distance_km.map(|d| (d * 10.0).round() / 10.0),
        start: event.start_iso(),
    }
}

fn area_name(area: &Area, gazetteer: &Gazetteer) -> String {
    match area {
        Area::Commune(c) => places::commune_label(gazetteer, *c),
        Area::Departement(d) => {
            let d = gazetteer.departement_at(*d);
            format!("{} ({})", d.name, d.code)
        }
        Area::Region(code) => gazetteer
            .region(code)
            .map_or(code.to_string(), |r| r.name.to_string()),
        Area::Group { label, .. } => label.to_string(),
        Area::Here => "ta position".into(),
    }
}

/// "Le code postal 01170 est celui de Gex, Cessy, Chevry…": the communes of a shared
/// postal code, all searched.
fn postcode_note(mention: &PlaceMention, gazetteer: &Gazetteer) -> Option<String> {
    let (first, _) = mention.postcode_communes.split_first()?;
    let code = gazetteer.commune(*first).postcodes.iter().find(|p| {
        mention
            .postcode_communes
            .iter()
            .all(|&c| gazetteer.commune(c).postcodes.contains(p))
    })?;
    let mut names: Vec<String> = mention
        .postcode_communes
        .iter()
        .take(6)
        .map(|&c| gazetteer.commune(c).name.to_string())
        .collect();
    if mention.postcode_communes.len() > 6 {
        names.push(format!("{} autres", mention.postcode_communes.len() - 6));
    }
    Some(format!(
        "Le code postal {code} est celui de {} : je cherche autour de toutes ces communes.",
        french::list(&names)
    ))
}

/// What the answer says before listing events: corrections, homonyms, other readings.
fn request_notes(request: &Request, gazetteer: &Gazetteer) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(mention) = &request.place {
        if let Some(typed) = &mention.corrected_from {
            notes.push(format!(
                "J'ai compris « {} » pour « {typed} ».",
                area_name(&mention.area, gazetteer)
            ));
        }
        if let Some(note) = postcode_note(mention, gazetteer) {
            notes.push(note);
        }
        if let Some(other) = mention.alternatives.first() {
            notes.push(format!(
                "J'ai pris {} ; pour {}, précise-le (par exemple avec le numéro du département).",
                area_name(&mention.area, gazetteer),
                area_name(other, gazetteer)
            ));
        }
    }
    if !request.corrections.is_empty() {
        let fixed = request
            .corrections
            .iter()
            .map(|(typed, fixed)| format!("« {fixed} » pour « {typed} »"))
            .collect::<Vec<_>>()
            .join(", ");
        notes.push(format!("J'ai lu {fixed}."));
    }
    for alternative in &request.alternatives {
        let Alternative { label, question } = Alternative::of(alternative, gazetteer);
        let meant = match label.strip_prefix("le ") {
            Some(rest) => format!("du {rest}"),
            None => format!("de {label}"),
        };
        notes.push(format!(
            "Tu parlais peut-être {meant} ? Demande « {question} »."
        ));
    }
    notes
}

/// What was understood, for the reply and for `--json`.
pub fn understood(
    request: &Request,
    search: Option<&EventSearch>,
    knowledge: &Knowledge,
    today: NaiveDate,
) -> Understood {
    let scope = search.and_then(|s| s.scope.as_ref());
    Understood {
        place: scope.map(|s| places::scope_label(s, &knowledge.gazetteer)),
        radius_km: scope.and_then(|s| s.radius_km),
        dates: request.dates.as_ref().map(|d| UnderstoodDates {
            from: (d.from != NaiveDate::MIN).then_some(d.from),
            to: (!d.open_ended()).then_some(d.to),
            label: dates::label(d, today),
        }),
        audiences: request.audiences.clone(),
        girls: request.girls,
        types: request.types.clone(),
        online: request.online,
        themes: request
            .themes
            .iter()
            .filter_map(|&t| knowledge.thesaurus.themes.get(t))
            .map(|t| t.theme.clone())
            .collect(),
        organizers: request.organizers.clone(),
        words: request.query.clone(),
        corrections: request.corrections.clone(),
        relaxed: search
            .map(|s| s.relaxed.iter().map(|r| relaxed_label(r, today)).collect())
            .unwrap_or_default(),
        alternatives: request
            .alternatives
            .iter()
            .map(|a| Alternative::of(a, &knowledge.gazetteer))
            .collect(),
    }
}

fn relaxed_label(relaxed: &Relaxed, today: NaiveDate) -> String {
    match relaxed {
        Relaxed::PartOfDay(part) => format!("part_of_day: {}", labels::part_of_day(*part)),
        Relaxed::Dates(slot) => format!("dates: {}", dates::label(slot, today)),
        Relaxed::Words => "words".into(),
    }
}

/// "lycéens · à moins de 30 km de Brest (29) · jeudi 21 novembre · escape game".
fn search_line(
    request: &Request,
    search: &EventSearch,
    knowledge: &Knowledge,
    today: NaiveDate,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(
        request
            .audiences
            .iter()
            .map(|a| labels::audience(*a).to_string()),
    );
    if request.girls {
        parts.push("filles et femmes".into());
    }
    parts.extend(
        request
            .types
            .iter()
            .map(|t| labels::event_type(*t).to_string()),
    );
    if request.online {
        parts.push("en ligne".into());
    }
    parts.extend(
        request
            .themes
            .iter()
            .filter_map(|&t| knowledge.thesaurus.themes.get(t))
            .map(|t| t.label.clone()),
    );
    if let Some(scope) = &search.scope {
        parts.push(places::scope_phrase(scope, &knowledge.gazetteer));
    }
    if let Some(dates) = &request.dates {
        parts.push(dates::label(dates, today));
    }
    parts.join(" · ")
}

/// What a notice tells the user.
fn notice(notice: &Notice) -> String {
    match notice {
        Notice::Cut => format!(
            "Ta question est très longue : je n'en ai lu que le début ({} caractères ou \
             {} mots au plus). Pose-la en quelques mots.",
            french::number(crate::limits::QUESTION_CHARS as f64),
            crate::limits::QUESTION_WORDS
        ),
        Notice::NoSuchDate(impossible) => match &impossible.date {
            NoSuchDate::Day {
                day,
                month: Some(month),
            } => format!(
                "Le {day} {} n'existe pas : j'ai cherché sans date. Donne-moi un jour \
                 qui existe, par exemple « le 21 novembre ».",
                french::month(*month)
            ),
            NoSuchDate::Day { day, month: None } => format!(
                "Il n'y a pas de jour {day} dans un mois : j'ai cherché sans date. \
                 Donne-moi un jour entre 1 et 31, par exemple « jeudi 21 »."
            ),
            NoSuchDate::Year(year) => format!(
                "Je ne cherche pas en {year} : j'ai cherché sans date. Donne-moi une \
                 année entre {} et {}, ou une date comme « le 21 novembre ».",
                crate::limits::YEARS.start(),
                crate::limits::YEARS.end()
            ),
        },
        Notice::NoDistance => format!(
            "Une distance de 0 km ne laisse rien à chercher : je cherche à moins de {} km.",
            french::number(crate::search::DEFAULT_RADIUS_KM)
        ),
        Notice::FranceWide => format!(
            "Au-delà de {} km, je cherche dans toute la France.",
            french::number(crate::limits::MAX_RADIUS_KM)
        ),
        Notice::AlreadyFranceWide => {
            "Je cherche déjà dans toute la France : impossible d'aller plus loin.".into()
        }
    }
}

/// The answer with the notices of the question first (a question cut, a date that does
/// not exist…), whatever the answer is.
pub fn with_notices(mut answer: Answer, notices: &[Notice]) -> Answer {
    if notices.is_empty() {
        return answer;
    }
    let said: Vec<String> = notices.iter().map(notice).collect();
    answer
        .blocks
        .splice(0..0, said.into_iter().map(Block::text));
    answer
}

/// A page of events (`page` from 0), with what was searched, what was relaxed and, when
/// nothing is in scope, the nearest.
pub fn events(
    search: &EventSearch,
    request: &Request,
    knowledge: &Knowledge,
    (handle, page): (SearchHandle, usize),
    today: NaiveDate,
) -> Answer {
    let first = page * PAGE_SIZE;
    let shown: Vec<&Found> = search.found.iter().skip(first).take(PAGE_SIZE).collect();
    let mut blocks: Vec<Block> = request_notes(request, &knowledge.gazetteer)
        .into_iter()
        .map(Block::text)
        .collect();
    let line = search_line(request, search, knowledge, today);
    if !line.is_empty() && page == 0 {
        blocks.push(Block::text(format!("Recherche : {line}")));
    }
    let gazetteer = &knowledge.gazetteer;
    blocks.extend(
        search
            .relaxed
            .iter()
            .map(|r| Block::text(relaxed_note(r, (search, request), gazetteer, today))),
    );
    let header = list_header(search, request, (&shown, first), gazetteer);
    blocks.push(Block::text(header));
    for (i, found) in shown.iter().enumerate() {
        blocks.push(Block::Event(EventCard::new(
            first + i + 1,
            found.event,
            found.distance_km,
        )));
    }
    let more = first + shown.len() < search.found.len() && !search.nearest_instead;
    if more {
        blocks.push(Block::text(
            "Écris « suivants » pour voir la suite, ou « le 2 » pour les détails d'un événement.",
        ));
    }
    if !search.online.is_empty() && page == 0 {
        blocks.push(Block::text(online_line(search)));
    }
    if search.found.iter().all(|f| f.event.last_day() < today) && !search.found.is_empty() {
        blocks.push(Block::text(format!(
            "Ces événements ont déjà eu lieu : l'édition {} s'est tenue {}.",
            knowledge.week.year,
            french::range(knowledge.week.start, knowledge.week.end)
        )));
    }
    let mut actions = list_actions(search, &shown, (handle, page), more);
    actions.extend(alternative_actions(request, &knowledge.gazetteer));
    if search.relaxed.contains(&Relaxed::Words)
        && search.scope.is_some()
        && !request.query.is_empty()
    {
        // Nothing of that kind here: the same, everywhere.
        actions.push(Action::Ask {
            label: format!("« {} » partout", request.query),
            question: request.query.clone(),
        });
        actions.retain(|a| a.payload().is_some());
    }
    Answer {
        understood: understood(request, Some(search), knowledge, today),
        events: shown.iter().map(|f| summary(f)).collect(),
        actions,
        ..Answer::blocks(Intent::Events, blocks)
    }
}

/// What a search gave up to find something.
fn relaxed_note(
    relaxed: &Relaxed,
    (search, request): (&EventSearch, &Request),
    gazetteer: &Gazetteer,
    today: NaiveDate,
) -> String {
    match relaxed {
        Relaxed::PartOfDay(part) => format!(
            "Rien {} : je montre toute la journée.",
            labels::part_of_day(*part)
        ),
        Relaxed::Dates(slot) => format!(
            "Je n'ai trouvé aucun événement {} ; voici ceux des autres jours.",
            dates::label(slot, today)
        ),
        Relaxed::Words => match search.scope.as_ref().map(|s| places::scope_phrase(s, gazetteer)) {
            Some(place) => format!(
                "Je n'ai rien trouvé qui corresponde exactement {place} ; voici tous les événements de ce coin."
            ),
            None if request.dates.is_some() => "Je n'ai rien trouvé qui corresponde exactement ; voici les événements de ces dates.".to_string(),
            None => "Je n'ai rien trouvé qui corresponde exactement ; voici d'autres événements.".to_string(),
        },
    }
}

/// The sentence before the cards: how many, which page, or the nearest instead.
fn list_header(
    search: &EventSearch,
    request: &Request,
    (shown, first): (&[&Found], usize),
    gazetteer: &Gazetteer,
) -> String {
    if search.nearest_instead {
        return nearest_header(search, request, gazetteer);
    }
    let total = search.total;
    let count = french::count(total, "événement", "événements");
    match (total, first) {
        (0, _) => "Je n'ai trouvé aucun événement.".to_string(),
        (1, _) => "Voici l'événement que j'ai trouvé :".to_string(),
        (_, 0) if shown.len() < total => {
            format!("J'ai trouvé {count}. Voici les {} premiers :", shown.len())
        }
        (_, 0) => format!("J'ai trouvé {count} :"),
        (_, _) => format!(
            "Suite ({} à {} sur {total}) :",
            first + 1,
            first + shown.len()
        ),
    }
}

/// Nothing in scope: the nearest event of all, and the nearest that fits the words
/// when it is another ("le plus proche sur « orientation »").
fn nearest_header(search: &EventSearch, request: &Request, gazetteer: &Gazetteer) -> String {
    let scope_phrase = search
        .scope
        .as_ref()
        .map(|s| places::scope_phrase(s, gazetteer));
    let mut header = format!(
        "Je n'ai trouvé aucun événement {}.",
        scope_phrase.unwrap_or_default()
    );
    let at = |found: &Found| {
        found
            .distance_km
            .map(|d| format!(", {}", french::distance(d)))
            .unwrap_or_default()
    };
    let Some(nearest) = search.found.first() else {
        header.push_str(" Essaie une autre ville, un département ou une région.");
        return header;
    };
    header.push_str(&format!(
        " Le plus proche : {}{}.",
        places::city(nearest.event),
        at(nearest)
    ));
    if let Some(matching) = &search.nearest_matching {
        let about = match request.query.as_str() {
            "" => String::new(),
            words => format!(" pour « {words} »"),
        };
        header.push_str(&format!(
            " Le plus proche{about} : {}, {}{}.",
            matching.event.title,
            places::city(matching.event),
            at(matching)
        ));
    }
    header.push_str(" Voici les plus proches :");
    header
}

/// The online events of a place search, a few by name.
fn online_line(search: &EventSearch) -> String {
    let titles = search
        .online
        .iter()
        .map(|e| format!("« {} »", e.title))
        .collect::<Vec<_>>()
        .join(", ");
    let others = match search.online_total.saturating_sub(search.online.len()) {
        0 => String::new(),
        1 => " et 1 autre".to_string(),
        n => format!(" et {} autres", french::number(n as f64)),
    };
    format!("En ligne, accessible de partout : {titles}{others}.")
}

/// The buttons of a list: each event's details, the next page, farther, near me.
fn list_actions(
    search: &EventSearch,
    shown: &[&Found],
    (handle, page): (SearchHandle, usize),
    more: bool,
) -> Vec<Action> {
    let first = page * PAGE_SIZE;
    let mut actions: Vec<Action> = shown
        .iter()
        .enumerate()
        .map(|(i, found)| Action::Details {
            rank: first + i + 1,
            event: EventKey::of(&found.event.id),
        })
        .collect();
    if more {
        actions.push(Action::Next {
            search: handle,
            page: page + 1,
        });
    }
    if search.scope.as_ref().is_some_and(|s| s.radius_km.is_some()) {
        actions.push(Action::Wider { search: handle });
    }
    if search.scope.is_none() {
        actions.push(Action::NearMe);
    }
    actions
}

/// The readings not taken, as suggested questions: the other homonyms, the département
/// behind "le 29".
fn alternative_actions(request: &Request, gazetteer: &Gazetteer) -> Vec<Action> {
    let others = request
        .place
        .iter()
        .flat_map(|m| m.alternatives.iter().take(2));
    let mut actions: Vec<Action> = request
        .alternatives
        .iter()
        .chain(others)
        .map(|area| {
            let Alternative { label, question } = Alternative::of(area, gazetteer);
            Action::Ask { label, question }
        })
        .collect();
    actions.retain(|a| a.payload().is_some());
    actions
}

/// Everything about one event of the last list.
pub fn details(event: &Event, rank: usize) -> Answer {
    let mut reply = format!("{rank}. {}\nOrganisé par {}", event.title, event.organizer);
    if !event.partners.is_empty() {
        reply.push_str(&format!(", avec {}", event.partners.join(", ")));
    }
    let address = address(event);
    reply.push_str(&format!(".\nOù : {address}"));
    reply.push_str(&format!("\nQuand : {}", french::when(event)));
    if event.timezone != chrono_tz::Europe::Paris && event.start.time().is_some() {
        reply.push_str(" (heure locale)");
    }
    let audiences = event
        .audiences
        .iter()
        .map(labels::audience)
        .collect::<Vec<_>>()
        .join(", ");
    reply.push_str(&format!("\nPour : {audiences}"));
    if event.mixite {
        reply.push_str(" (en particulier les filles)");
    }
    let types = event
        .types
        .iter()
        .map(labels::event_type)
        .collect::<Vec<_>>()
        .join(", ");
    reply.push_str(&format!("\nType : {types}"));
    reply.push_str(&format!(
        "\n\n{}\n\nInscription et infos : {}",
        event.description.trim(),
        event.link
    ));
    Answer {
        events: vec![summary(&Found {
            event,
            distance_km: None,
            score: 0.0,
        })],
        actions: std::iter::once(Action::Calendar {
            rank,
            event: EventKey::of(&event.id),
        })
        .chain(venue(event).map(|_| Action::Map {
            event: EventKey::of(&event.id),
        }))
        .collect(),
        ..Answer::text(Intent::EventDetails, reply)
    }
}

/// Where an event is, as its details say it: "IUT, 29200 Brest (Finistère)", "en ligne".
fn address(event: &Event) -> String {
    let place = &event.place;
    match (&place.venue, &place.postcode, &place.commune) {
        _ if event.online => "en ligne".to_string(),
        (venue, Some(postcode), Some(commune)) => {
            let venue = venue
                .as_ref()
                .filter(|v| v.as_str() != &**commune)
                .map(|v| format!("{v}, "))
                .unwrap_or_default();
            let dep = place
                .departement_name
                .as_ref()
                .filter(|d| *d != commune)
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            format!("{venue}{postcode} {commune}{dep}")
        }
        _ => where_line(event),
    }
}

/// Where an event is, as a map pin.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Venue {
    /// Latitude, WGS 84.
    pub latitude: f64,
    /// Longitude, WGS 84.
    pub longitude: f64,
    /// The event's title.
    pub title: String,
    /// Its address.
    pub address: String,
}

impl Venue {
    /// The place on OpenStreetMap, for platforms without native pins.
    pub fn map_link(&self) -> String {
        format!(
            "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=16/{lat:.5}/{lon:.5}",
            lat = self.latitude,
            lon = self.longitude
        )
    }
}

/// The map pin of an event, when it takes place somewhere known.
pub fn venue(event: &Event) -> Option<Venue> {
    let (Some(latitude), Some(longitude)) = (event.place.lat, event.place.lon) else {
        return None;
    };
    (!event.online).then(|| Venue {
        latitude,
        longitude,
        title: event.title.clone(),
        address: address(event),
    })
}

/// "le 9" when the list has 3 items.
pub fn no_such_item(rank: usize, total: usize) -> Answer {
    Answer::text(
        Intent::EventDetails,
        format!(
            "Il n'y a pas de n° {rank} : la dernière liste compte {}. Écris par exemple « le 1 ».",
            french::count(total, "événement", "événements")
        ),
    )
}

/// "suivants" at the end of the list.
pub fn no_more(total: usize) -> Answer {
    Answer::text(
        Intent::Events,
        format!(
            "C'est tout : je t'ai montré les {}. Essaie une autre ville, une autre date ou un autre thème.",
            french::count(total, "événement", "événements")
        ),
    )
}

/// A follow-up ("le 2", "suivants") with nothing before it.
pub fn nothing_to_follow() -> Answer {
    Answer::text(
        Intent::Unknown,
        format!(
            "Je n'ai pas encore de liste à laquelle me référer. Pose-moi d'abord une question, par exemple :\n{}",
            examples()
        ),
    )
}

/// A button whose payload is not ours, or from an older version of Boussole.
pub fn stale_button() -> Answer {
    Answer::text(
        Intent::Unknown,
        format!(
            "Je ne retrouve plus ce que ce bouton montrait : il est sans doute trop ancien. Repose ta question, par exemple :\n{}",
            examples()
        ),
    )
}

/// "Suivants" or "Plus loin" on a list the conversation no longer remembers.
pub fn list_forgotten() -> Answer {
    Answer::text(
        Intent::Unknown,
        "Cette liste est trop ancienne pour que je la retrouve. Repose ta question et je chercherai à nouveau.".into(),
    )
}

/// A button of an event that is no longer in the agenda.
pub fn event_gone() -> Answer {
    Answer::text(
        Intent::EventDetails,
        "Cet événement n'est plus dans l'agenda. Repose ta question pour voir ce qui est proposé maintenant.".into(),
    )
}

/// Something else worth knowing, shown after the events of an answer.
#[derive(Clone, Copy, Debug)]
pub enum Also<'a> {
    /// A figure.
    Fact(&'a Fact),
    /// A role model.
    Portrait(&'a Portrait),
    /// A topic about the week.
    Topic(&'a Topic),
}

/// `answer` followed by « À savoir aussi » and what else is worth knowing.
pub fn with_also(mut answer: Answer, also: Also) -> Answer {
    answer.blocks.push(Block::text("À savoir aussi :"));
    answer.blocks.push(match also {
        Also::Fact(fact) => Block::Fact(FactCard::new(fact)),
        Also::Portrait(portrait) => Block::Portrait(PortraitCard::new(portrait)),
        Also::Topic(topic) => Block::text(format!("{}\n{}", topic.title, topic.text)),
    });
    answer
}

/// A few facts.
pub fn facts(facts: &[&Fact]) -> Answer {
    let blocks = facts
        .iter()
        .map(|f| Block::Fact(FactCard::new(f)))
        .collect();
    Answer {
        facts: facts
            .iter()
            .map(|f| FactSummary {
                id: f.id.clone(),
                figure: f.figure.clone(),
                source: f.cited_as.clone(),
                year: f.year,
            })
            .collect(),
        ..Answer::blocks(Intent::Facts, blocks)
    }
}

/// A few role models.
pub fn portraits(portraits: &[&Portrait]) -> Answer {
    let mut blocks = vec![Block::text("Des jeunes de l'industrie qui en parlent :")];
    blocks.extend(
        portraits
            .iter()
            .map(|p| Block::Portrait(PortraitCard::new(p))),
    );
    Answer {
        portraits: portraits.iter().map(|p| p.id.clone()).collect(),
        ..Answer::blocks(Intent::Portraits, blocks)
    }
}

/// About the week: one or two topics.
pub fn about(topics: &[&Topic], knowledge: &Knowledge) -> Answer {
    let reply = topics
        .iter()
        .map(|t| format!("{}\n{}", t.title, t.text))
        .collect::<Vec<_>>()
        .join("\n\n");
    let reply = format!(
        "{reply}\n\nSource : {}. Plus d'infos : {}",
        knowledge.week.cited_as, knowledge.week.website
    );
    Answer {
        topics: topics.iter().map(|t| t.id.clone()).collect(),
        ..Answer::text(Intent::About, reply)
    }
}
