//! The adapter against teloxide_tests' fake Telegram: updates go through the real
//! handler tree, as in production, offline.

use std::sync::Arc;

use teloxide::dptree::deps;
use teloxide::types::ReplyMarkup;
use teloxide_tests::{
    MockBot, MockCallbackQuery, MockMessageLocation, MockMessageSticker, MockMessageText,
};

use super::handler_tree;
use crate::chats::{Chats, Clock};

type Tree = teloxide::dispatching::UpdateHandler<teloxide::RequestError>;

fn tree() -> Tree {
    handler_tree::<teloxide::Bot>()
}

/// The bundled data, loaded and indexed once for every test of the adapter.
pub fn boussole() -> Arc<boussole_core::Boussole> {
    static BOUSSOLE: std::sync::OnceLock<Arc<boussole_core::Boussole>> = std::sync::OnceLock::new();
    BOUSSOLE
        .get_or_init(|| {
            let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
            let knowledge = boussole_core::load::load(&data).unwrap();
            Arc::new(boussole_core::Boussole::in_memory(knowledge).unwrap())
        })
        .clone()
}

fn chats() -> Arc<Chats> {
    let now = chrono::DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();
    Arc::new(Chats::new(boussole(), Clock::Fixed(now)))
}

#[tokio::test]
async fn questions_buttons_calendars_and_positions() {
    let chats = chats();
    let mut bot = MockBot::new(
        MockMessageText::new().text("un escape game à Nice ?"),
        tree(),
    );
    bot.dependencies(deps![chats.clone()]);
    bot.dispatch().await;
    let responses = bot.get_responses();
    let sent = responses.sent_messages_text.last().expect("an answer");
    let text = &sent.message;
    assert!(
        text.text()
            .unwrap()
            .contains("Escape Game de la Métallurgie azuréenne"),
        "{:?}",
        text.text()
    );
    // The title is bold and the OpenAgenda page a link, in Telegram's HTML.
    let request = &sent.bot_request;
    assert_eq!(request.parse_mode, Some(teloxide::types::ParseMode::Html));
    assert!(
        request.text.contains("<b>1. Escape Game"),
        "{}",
        request.text
    );
    assert!(
        request.text.contains(
            "<a href=\"https://openagenda.com/fr/semaine-industrie-2024/events/escape-game"
        ),
        "{}",
        request.text
    );
    let Some(ReplyMarkup::InlineKeyboard(keyboard)) = &sent.bot_request.reply_markup else {
        panic!("buttons expected: {:?}", sent.bot_request.reply_markup);
    };
    let labels: Vec<&str> = keyboard
        .inline_keyboard
        .iter()
        .flatten()
        .map(|b| b.text.as_str())
        .collect();
    assert!(labels.contains(&"Détails du 1"), "{labels:?}");

    // "Détails du 1", then "Ajouter à mon agenda": an .ics file.
    bot.update(
        MockCallbackQuery::new().data(callback(&sent.bot_request.reply_markup, "Détails du 1")),
    );
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert_eq!(responses.answered_callback_queries.len(), 1);
    let details = responses.sent_messages_text.last().unwrap();
    assert!(details.bot_request.text.contains("Mission Locale"));
    let calendar = callback(&details.bot_request.reply_markup, "Ajouter à mon agenda");
    bot.update(MockCallbackQuery::new().data(calendar));
    bot.dispatch().await;
    let document = bot.get_responses().sent_messages_document.pop().unwrap();
    assert_eq!(
        document.bot_request.file_name,
        "escape-game-de-la-metallurgie-azureenne.ics"
    );

    // "près de moi" asks for the position with Telegram's button; the position answers.
    bot.update(MockMessageText::new().text("des visites près de moi"));
    bot.dispatch().await;
    let responses = bot.get_responses();
    let asked = responses.sent_messages_text.last().unwrap();
    assert!(matches!(
        &asked.bot_request.reply_markup,
        Some(ReplyMarkup::Keyboard(k)) if k.keyboard[0][0].text.contains("Envoyer ma position")
    ));
    bot.update(MockMessageLocation::new().latitude(48.40).longitude(-4.49));
    bot.dispatch().await;
    let near = bot.get_responses().sent_messages.pop().unwrap();
    assert!(near.text().unwrap().contains("Brest"), "{:?}", near.text());
}

/// The callback data of the button labelled `label`.
fn callback(markup: &Option<ReplyMarkup>, label: &str) -> String {
    let Some(ReplyMarkup::InlineKeyboard(keyboard)) = markup else {
        panic!("buttons expected: {markup:?}");
    };
    let button = keyboard
        .inline_keyboard
        .iter()
        .flatten()
        .find(|b| b.text == label);
    match button.map(|b| &b.kind) {
        Some(teloxide::types::InlineKeyboardButtonKind::CallbackData(data)) => data.clone(),
        other => panic!("{label}: {other:?}"),
    }
}

/// "Détails du 1" pressed on an older list shows that list's event.
#[tokio::test]
async fn a_button_on_an_older_message_acts_on_that_message() {
    let mut bot = MockBot::new(MockMessageText::new().text("escape game à Nice"), tree());
    bot.dependencies(deps![chats()]);
    bot.dispatch().await;
    let nice = bot.get_responses().sent_messages_text.pop().unwrap();
    bot.update(MockMessageText::new().text("événements près de Brest pour lycéens"));
    bot.dispatch().await;
    let brest = bot.get_responses().sent_messages_text.pop().unwrap();
    assert!(
        brest.bot_request.text.contains("Brest"),
        "{}",
        brest.bot_request.text
    );
    bot.update(
        MockCallbackQuery::new().data(callback(&nice.bot_request.reply_markup, "Détails du 1")),
    );
    bot.dispatch().await;
    let details = bot.get_responses().sent_messages_text.pop().unwrap();
    assert!(
        details.bot_request.text.contains("Escape Game"),
        "{}",
        details.bot_request.text
    );
}

#[tokio::test]
async fn commands_stickers_and_old_buttons_get_kind_answers() {
    let chats = chats();
    let mut bot = MockBot::new(MockMessageText::new().text("/start"), tree());
    bot.dependencies(deps![chats]);
    bot.dispatch().await;
    let hello = bot.get_responses().sent_messages.pop().unwrap();
    assert!(hello.text().unwrap().starts_with("Bonjour"));

    bot.update(MockMessageSticker::new());
    bot.dispatch().await;
    let sticker = bot.get_responses().sent_messages.pop().unwrap();
    assert!(sticker.text().unwrap().contains("messages écrits"));

    bot.update(MockCallbackQuery::new().data("n'importe quoi"));
    bot.dispatch().await;
    let help = bot.get_responses().sent_messages.pop().unwrap();
    assert!(help.text().unwrap().contains("Repose ta question"));

    bot.update(MockMessageText::new().text("/oublie"));
    bot.dispatch().await;
    let forgotten = bot.get_responses().sent_messages.pop().unwrap();
    assert!(forgotten.text().unwrap().starts_with("C'est oublié"));
}

#[test]
fn commands_and_questions() {
    use boussole_core::command::Command;
    let command = |text| Command::parse(text).map(|(command, _)| command);
    assert_eq!(command("/start"), Some(Command::Start));
    assert_eq!(command("/aide@BoussoleBot"), Some(Command::Help));
    assert_eq!(command(" /OUBLIE "), Some(Command::Forget));
    assert_eq!(command("/escape game"), None);
    assert_eq!(command("escape game"), None);
    assert_eq!(command(""), None);
    assert_eq!(
        super::without_mentions("@BoussoleBot escape game"),
        "escape game"
    );
    assert_eq!(super::without_mentions("visite @ 10h"), "visite @ 10h");
}

/// The last text the bot sent, as HTML.
fn last_html<K: std::hash::Hash + Eq + Clone + Send + Sync + 'static>(
    bot: &MockBot<teloxide::RequestError, K>,
) -> String {
    let responses = bot.get_responses();
    let sent = responses.sent_messages_text.last().expect("an answer");
    sent.bot_request.text.clone()
}

/// Checks Telegram's HTML: only `<b>`, `<i>` and `<a href="…">`, balanced; every `&`
/// starts an entity; at most 4,096 UTF-16 units.
fn assert_valid_html(html: &str) {
    assert!(crate::split::units(html) <= super::render::MAX_MESSAGE);
    let mut open = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').expect("a closed tag") + at;
        let tag = &rest[at + 1..end];
        match tag {
            "b" | "i" => open.push(tag.to_string()),
            _ if tag.starts_with("a href=\"") && !tag[8..tag.len() - 1].contains('"') => {
                open.push("a".into())
            }
            _ if tag.starts_with('/') => assert_eq!(open.pop().as_deref(), Some(&tag[1..])),
            _ => panic!("a tag Telegram refuses: <{tag}> in {html}"),
        }
        rest = &rest[end + 1..];
    }
    assert!(open.is_empty(), "{open:?} left open in {html}");
    for (at, _) in html.match_indices('&') {
        let entity = &html[at..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "{entity}"
        );
    }
}

#[tokio::test]
async fn start_offers_the_position_and_a_deep_link_opens_its_search() {
    let mut bot = MockBot::new(MockMessageText::new().text("/start"), tree());
    bot.dependencies(deps![chats()]);
    bot.dispatch().await;
    let responses = bot.get_responses();
    let hello = responses.sent_messages_text.last().unwrap();
    assert!(hello.bot_request.text.starts_with("Bonjour"));
    let Some(ReplyMarkup::Keyboard(keyboard)) = &hello.bot_request.reply_markup else {
        panic!("a keyboard expected: {:?}", hello.bot_request.reply_markup);
    };
    let button = &keyboard.keyboard[0][0];
    assert!(button.text.contains("Envoyer ma position"));
    assert!(matches!(
        button.request,
        Some(teloxide::types::ButtonRequest::Location)
    ));

    let link = super::deep_link::payload("événements près de Brest pour lycéens").unwrap();
    bot.update(MockMessageText::new().text(format!("/start {link}")));
    bot.dispatch().await;
    let html = last_html(&bot);
    assert!(html.contains("Brest Indus"), "{html}");
    assert_valid_html(&html);

    // A payload no link of ours writes: the welcome.
    bot.update(MockMessageText::new().text("/start <b>"));
    bot.dispatch().await;
    assert!(last_html(&bot).starts_with("Bonjour"));
}

#[tokio::test]
async fn the_next_page_replaces_the_list_in_place() {
    let mut bot = MockBot::new(
        MockMessageText::new().text("des visites d'entreprise"),
        tree(),
    );
    bot.dependencies(deps![chats()]);
    bot.dispatch().await;
    let responses = bot.get_responses();
    let list = responses.sent_messages_text.last().unwrap().clone();
    let next = callback(&list.bot_request.reply_markup, "Suivants");
    bot.update(
        MockCallbackQuery::new()
            .data(next)
            .message(list.message.clone()),
    );
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(
        responses.sent_messages_text.is_empty(),
        "a new message was sent"
    );
    let edited = responses.edited_messages_text.last().expect("an edit");
    assert_eq!(edited.message.id, list.message.id);
    assert!(
        edited.bot_request.text.contains("<b>6. "),
        "{}",
        edited.bot_request.text
    );
    assert_valid_html(&edited.bot_request.text);
}

#[tokio::test]
async fn details_offer_the_map_pin() {
    let mut bot = MockBot::new(MockMessageText::new().text("escape game à Nice"), tree());
    bot.dependencies(deps![chats()]);
    bot.dispatch().await;
    let list = bot.get_responses().sent_messages_text.pop().unwrap();
    bot.update(
        MockCallbackQuery::new().data(callback(&list.bot_request.reply_markup, "Détails du 1")),
    );
    bot.dispatch().await;
    let details = bot.get_responses().sent_messages_text.pop().unwrap();
    let map = callback(&details.bot_request.reply_markup, "Voir sur la carte");
    bot.update(MockCallbackQuery::new().data(map));
    bot.dispatch().await;
    let venue = bot
        .get_responses()
        .sent_messages_venue
        .pop()
        .expect("a venue");
    assert!(venue.bot_request.title.contains("Escape Game"));
    assert!((venue.bot_request.latitude - 43.7).abs() < 0.5);
}

#[tokio::test]
async fn in_groups_only_what_is_meant_for_the_bot_is_answered() {
    use teloxide_tests::{MockGroupChat, MockMe};
    let group = || MockGroupChat::new().id(-42).build();
    let mut bot = MockBot::new(
        MockMessageText::new()
            .text("escape game à Nice")
            .chat(group()),
        tree(),
    );
    bot.dependencies(deps![chats()]);
    bot.dispatch().await;
    assert!(bot.get_responses().sent_messages.is_empty());
    let name = MockMe::USERNAME;
    for (text, answered) in [
        (format!("@{name} escape game à Nice"), true),
        ("/aide".to_string(), true),
        (format!("/aide@{name}"), true),
        ("/aide@UnAutreBot".to_string(), false),
        ("on se retrouve à 10h ?".to_string(), false),
    ] {
        bot.update(MockMessageText::new().text(&text).chat(group()));
        bot.dispatch().await;
        let sent = bot.get_responses().sent_messages.len();
        assert_eq!(sent > 0, answered, "{text}");
    }
}

/// The bundled data with an event whose title and organizer hold HTML and an
/// ampersand, and whose description is longer than a Telegram message.
fn hostile_chats() -> Arc<Chats> {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let mut knowledge = boussole_core::load::load(&data).unwrap();
    let event = knowledge
        .events
        .iter_mut()
        .find(|e| e.id == "escape-game-de-la-metallurgie-azureenne")
        .unwrap();
    event.title = "<b>Escape</b> Game & \"co\" <script>".into();
    event.organizer = "Mission <i>Locale</i> & Cie".into();
    event.description = "Un atelier & une visite <u>longue</u>. ".repeat(300);
    let boussole = Arc::new(boussole_core::Boussole::in_memory(knowledge).unwrap());
    let now = chrono::DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();
    Arc::new(Chats::new(boussole, Clock::Fixed(now)))
}

#[tokio::test]
async fn html_from_data_and_users_is_escaped_and_long_answers_split() {
    let mut bot = MockBot::new(MockMessageText::new().text("escape game à Nice"), tree());
    bot.dependencies(deps![hostile_chats()]);
    bot.dispatch().await;
    let list = bot.get_responses().sent_messages_text.pop().unwrap();
    assert_valid_html(&list.bot_request.text);
    assert!(
        list.bot_request
            .text
            .contains("&lt;b&gt;Escape&lt;/b&gt; Game &amp;"),
        "{}",
        list.bot_request.text
    );
    bot.update(
        MockCallbackQuery::new().data(callback(&list.bot_request.reply_markup, "Détails du 1")),
    );
    bot.dispatch().await;
    let parts = bot.get_responses().sent_messages_text;
    assert!(parts.len() >= 3, "{} parts", parts.len());
    for part in &parts {
        assert_valid_html(&part.bot_request.text);
    }
    // The buttons come with the last part only.
    assert!(parts.last().unwrap().bot_request.reply_markup.is_some());
    assert!(parts[0].bot_request.reply_markup.is_none());

    bot.update(MockMessageText::new().text("<b>Brest</b> & <a href=\"x\">lycéens</a>"));
    bot.dispatch().await;
    for part in bot.get_responses().sent_messages_text {
        assert_valid_html(&part.bot_request.text);
    }
}
