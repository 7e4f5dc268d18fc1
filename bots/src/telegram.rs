//! The Telegram adapter (teloxide): a text, a shared position or a tapped button becomes
//! one [`Chats`] call; the reply becomes HTML messages with inline buttons, or a calendar
//! file. Nothing else happens here.

use std::future::Future;
use std::sync::Arc;

use boussole_core::Turn;
use boussole_core::action::Action;
use boussole_core::answer::reply::{Markup, marked};
use boussole_core::answer::{self, Answer, SHARE_POSITION};
use boussole_core::command::Command;
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{
    ButtonRequest, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, KeyboardButton,
    KeyboardMarkup, LinkPreviewOptions, ParseMode, ReplyMarkup,
};
use teloxide::utils::html;

use crate::chats::{ChatKey, Chats, Platform, Reply, split_message};

/// Telegram's longest message, in characters.
pub const MAX_MESSAGE: usize = 4096;

/// Telegram's HTML: escaped text, `<b>`, `<i>`, `<a href>`.
pub struct Html;

impl Markup for Html {
    fn text(&self, text: &str) -> String {
        html::escape(text)
    }

    fn bold(&self, text: &str) -> String {
        html::bold(&html::escape(text))
    }

    fn italic(&self, text: &str) -> String {
        html::italic(&html::escape(text))
    }

    fn link(&self, label: &str, url: &str) -> String {
        format!(
            "<a href=\"{}\">{}</a>",
            html::escape(url),
            html::escape(label)
        )
    }
}

/// The dispatch tree: messages (text or position) and button taps.
pub fn handler_tree() -> UpdateHandler<teloxide::RequestError> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_callback_query().endpoint(on_button))
}

/// Answers on Telegram until stopped (Ctrl-C).
pub async fn run(chats: Arc<Chats>, token: String) -> anyhow::Result<()> {
    let mut bot = Bot::new(token);
    // A local Bot API server, a proxy or a test server (teloxide's own convention; its
    // `Bot::new` ignores the variable).
    if let Ok(address) = std::env::var("TELOXIDE_API_URL") {
        let url = url::Url::parse(&address)
            .map_err(|err| anyhow::anyhow!("TELOXIDE_API_URL is not a URL ({err})"))?;
        bot = bot.set_api_url(url);
    }
    let me = bot.get_me().await?;
    tracing::info!("Telegram: connected as @{}", me.username());
    let commands = Command::ALL.iter().map(|command| {
        teloxide::types::BotCommand::new(command.name(), answer::command_description(*command))
    });
    if let Err(err) = bot.set_my_commands(commands).await {
        // The menu is a convenience: the commands work without it.
        tracing::warn!("Telegram: could not set the commands menu ({err})");
    }
    chats.sweep_periodically();
    Dispatcher::builder(bot, handler_tree())
        .dependencies(dptree::deps![chats])
        .default_handler(|_| async {
            tracing::debug!("Telegram: an update of another kind ignored")
        })
        .enable_ctrlc_handler()
        .build()
        .dispatch()
        .await;
    Ok(())
}

fn key(chat: ChatId, user: Option<&teloxide::types::User>) -> ChatKey {
    ChatKey {
        platform: Platform::Telegram,
        // Ids are signed on Telegram; only their bits matter here.
        chat: chat.0 as u64,
        user: user.map_or(0, |u| u.id.0),
    }
}

async fn on_message(bot: Bot, chats: Arc<Chats>, message: Message) -> ResponseResult<()> {
    let chat = message.chat.id;
    guarded(&bot, chat, {
        let bot = bot.clone();
        async move {
            let reply = message_reply(&chats, &message).await;
            tracing::debug!("Telegram: message answered");
            send(&bot, chat, reply).await
        }
    })
    .await
}

async fn message_reply(chats: &Arc<Chats>, message: &Message) -> Reply {
    let key = key(message.chat.id, message.from.as_ref());
    if let Some(location) = message.location() {
        return chats
            .position(key, location.latitude, location.longitude)
            .await;
    }
    let Some(text) = message.text() else {
        return chats.not_text();
    };
    match Command::parse(text) {
        Some((command, rest)) => chats.take(key, Turn::Command(command, rest.into())).await,
        None => chats.message(key, without_mentions(text)).await,
    }
}

async fn on_button(bot: Bot, chats: Arc<Chats>, query: CallbackQuery) -> ResponseResult<()> {
    // Acknowledged first: the button stops spinning whatever happens next.
    bot.answer_callback_query(query.id.clone()).await?;
    let Some(chat) = query.message.as_ref().map(|m| m.chat().id) else {
        return Ok(());
    };
    guarded(&bot, chat, {
        let bot = bot.clone();
        async move {
            let payload = query.data.clone().unwrap_or_default();
            let reply = chats.button(key(chat, Some(&query.from)), payload).await;
            tracing::debug!("Telegram: button answered");
            send(&bot, chat, reply).await
        }
    })
    .await
}

/// Runs a handler in its own task: if it panics, the person gets a kind answer and the
/// dispatcher goes on (a panic inside teloxide's dispatcher would stop the bot).
async fn guarded(
    bot: &Bot,
    chat: ChatId,
    handler: impl Future<Output = ResponseResult<()>> + Send + 'static,
) -> ResponseResult<()> {
    match tokio::spawn(handler).await {
        Ok(result) => result,
        Err(_) => {
            tracing::error!("Telegram: an update could not be handled (an internal error)");
            send(bot, chat, Reply::trouble()).await
        }
    }
}

/// The text of a message without the bot's name (`@BoussoleBot …` in a group).
fn without_mentions(text: &str) -> String {
    text.split_whitespace()
        .filter(|word| !(word.starts_with('@') && word.len() > 1))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The keyboard under an answer: its actions as inline buttons, or, when it asks for
/// the user's position, Telegram's button that shares it.
pub fn keyboard(answer: &Answer) -> Option<ReplyMarkup> {
    if answer.actions == [Action::NearMe] {
        let button = KeyboardButton::new(SHARE_POSITION).request(ButtonRequest::Location);
        return Some(ReplyMarkup::Keyboard(
            KeyboardMarkup::new(vec![vec![button]])
                .resize_keyboard()
                .one_time_keyboard(),
        ));
    }
    let buttons: Vec<InlineKeyboardButton> = answer
        .actions
        .iter()
        .filter_map(|action| {
            let payload = action.payload()?;
            Some(InlineKeyboardButton::callback(
                answer::action_label(action),
                payload,
            ))
        })
        .collect();
    if buttons.is_empty() {
        return None;
    }
    // Details side by side (short labels), other actions two by two.
    let (details, others): (Vec<_>, Vec<_>) = buttons
        .into_iter()
        .zip(&answer.actions)
        .partition(|(_, action)| matches!(action, Action::Details { .. }));
    let mut rows: Vec<Vec<InlineKeyboardButton>> = details
        .chunks(3)
        .map(|row| row.iter().map(|(b, _)| b.clone()).collect())
        .collect();
    rows.extend(
        others
            .chunks(2)
            .map(|row| row.iter().map(|(b, _)| b.clone()).collect()),
    );
    Some(ReplyMarkup::InlineKeyboard(InlineKeyboardMarkup::new(rows)))
}

/// The HTML messages of an answer, each at most [`MAX_MESSAGE`] characters.
pub fn messages(answer: &Answer) -> Vec<String> {
    split_message(&marked(&answer.blocks, &Html), MAX_MESSAGE)
}

async fn send(bot: &Bot, chat: ChatId, reply: Reply) -> ResponseResult<()> {
    let answer = match reply {
        Reply::Calendar { file_name, content } => {
            let file = InputFile::memory(content.into_bytes()).file_name(file_name);
            bot.send_document(chat, file).await?;
            return Ok(());
        }
        Reply::Answer(answer) => *answer,
    };
    let parts = messages(&answer);
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.into_iter().enumerate() {
        let mut request = bot
            .send_message(chat, part)
            .parse_mode(ParseMode::Html)
            .link_preview_options(LinkPreviewOptions {
                is_disabled: true,
                url: None,
                prefer_small_media: false,
                prefer_large_media: false,
                show_above_text: false,
            });
        if i == last
            && let Some(markup) = keyboard(&answer)
        {
            request = request.reply_markup(markup);
        }
        if let Err(err) = request.await {
            // Never a lost message: Telegram refused the HTML, the plain text goes.
            tracing::warn!("Telegram refused a message ({err}); sending it as plain text");
            for plain in split_message(&answer.reply(), MAX_MESSAGE) {
                bot.send_message(chat, plain).await?;
            }
            return Ok(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_and_questions() {
        let command = |text| Command::parse(text).map(|(command, _)| command);
        assert_eq!(command("/start"), Some(Command::Start));
        assert_eq!(command("/aide@BoussoleBot"), Some(Command::Help));
        assert_eq!(command(" /OUBLIE "), Some(Command::Forget));
        assert_eq!(command("/escape game"), None);
        assert_eq!(command("escape game"), None);
        assert_eq!(command(""), None);
        assert_eq!(without_mentions("@BoussoleBot escape game"), "escape game");
        assert_eq!(without_mentions("visite @ 10h"), "visite @ 10h");
    }

    #[test]
    fn html_is_escaped_and_marked() {
        assert_eq!(Html.text("a < b & c"), "a &lt; b &amp; c");
        assert_eq!(Html.bold("1. <Titre>"), "<b>1. &lt;Titre&gt;</b>");
        assert_eq!(
            Html.link("Infos", "https://x.fr/?a=1&b=2"),
            "<a href=\"https://x.fr/?a=1&amp;b=2\">Infos</a>"
        );
    }
}

/// The adapter against a fake Telegram server: updates go through the real handler tree.
#[cfg(test)]
mod bot_tests {
    use std::sync::Arc;

    use teloxide::dptree::deps;
    use teloxide::types::ReplyMarkup;
    use teloxide_tests::{
        MockBot, MockCallbackQuery, MockMessageLocation, MockMessageSticker, MockMessageText,
    };

    use super::handler_tree;
    use crate::chats::{Chats, Clock};

    fn chats() -> Arc<Chats> {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let knowledge = boussole_core::load::load(&data).unwrap();
        let boussole = Arc::new(boussole_core::Boussole::in_memory(knowledge).unwrap());
        let now = chrono::DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();
        Arc::new(Chats::new(boussole, Clock::Fixed(now)))
    }

    #[tokio::test]
    async fn questions_buttons_calendars_and_positions() {
        let chats = chats();
        let mut bot = MockBot::new(
            MockMessageText::new().text("un escape game à Nice ?"),
            handler_tree(),
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
        let mut bot = MockBot::new(
            MockMessageText::new().text("escape game à Nice"),
            handler_tree(),
        );
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
        let mut bot = MockBot::new(MockMessageText::new().text("/start"), handler_tree());
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
}
