//! The Telegram adapter (teloxide): a text, a command, a shared position, a tapped
//! button or an inline query becomes one [`Chats`] call; the reply becomes HTML messages
//! with buttons, a page edited in place, a calendar file or a map pin. Nothing else
//! happens here.
//!
//! - [`render`]: answers as Telegram HTML, keyboards.
//! - [`send`]: requests retried on transient errors, HTML refused sent as plain text.
//! - [`inline`]: inline mode's results.
//! - [`deep_link`]: `t.me/<bot>?start=<payload>` links to a prepared search.

pub mod deep_link;
mod inline;
pub mod render;
mod send;
#[cfg(test)]
pub(crate) mod tests;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use boussole_core::Turn;
use boussole_core::action::Action;
use boussole_core::answer;
use boussole_core::command::Command;
use teloxide::RequestError;
use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{ChatAction, Me};
use teloxide::update_listeners::webhooks;

use crate::chats::{ChatKey, Chats, Platform, Reply};

/// How `boussole telegram` runs.
#[derive(Debug, Default)]
pub struct Options {
    /// Webhook mode: the public address Telegram posts updates to, the local address
    /// listened on, and the secret Telegram sends with each update. Long polling when
    /// `None`.
    pub webhook: Option<Webhook>,
    /// teloxide's `Throttle` (Telegram's limits per chat, per group and overall); off
    /// only for a local test server.
    pub throttle: bool,
}

/// Webhook mode's settings.
#[derive(Debug)]
pub struct Webhook {
    /// The public HTTPS address Telegram posts updates to.
    pub url: url::Url,
    /// The local address listened on.
    pub listen: SocketAddr,
    /// Checked on every request (`X-Telegram-Bot-Api-Secret-Token`); shared by replicas.
    /// `None`: a random one for this process.
    pub secret: Option<String>,
}

/// The Bot API as the handlers use it: `Throttle<Bot>` in production, `Bot` against
/// teloxide_tests. Its requests cross threads while they are retried.
pub trait Api:
    Requester<
        Err = RequestError,
        GetMe: Send + Sync,
        SetMyCommands: Send + Sync,
        SendMessage: Send + Sync,
        EditMessageText: Send + Sync,
        SendDocument: Send + Sync,
        SendVenue: Send + Sync,
        SendChatAction: Send + Sync,
        AnswerCallbackQuery: Send + Sync,
        AnswerInlineQuery: Send + Sync,
    > + Clone
    + Send
    + Sync
    + 'static
{
}

impl<B> Api for B where
    B: Requester<
            Err = RequestError,
            GetMe: Send + Sync,
            SetMyCommands: Send + Sync,
            SendMessage: Send + Sync,
            EditMessageText: Send + Sync,
            SendDocument: Send + Sync,
            SendVenue: Send + Sync,
            SendChatAction: Send + Sync,
            AnswerCallbackQuery: Send + Sync,
            AnswerInlineQuery: Send + Sync,
        > + Clone
        + Send
        + Sync
        + 'static
{
}

/// The dispatch tree: messages meant for the bot, button taps and inline queries.
/// Generic over the bot (`Throttle<Bot>` in production, `Bot` in tests).
pub fn handler_tree<B>() -> UpdateHandler<RequestError>
where
    B: Api,
{
    dptree::entry()
        .branch(
            Update::filter_message()
                .filter(addressed)
                .endpoint(on_message::<B>),
        )
        .branch(Update::filter_callback_query().endpoint(on_button::<B>))
        .branch(Update::filter_inline_query().endpoint(on_inline::<B>))
}

/// Answers on Telegram until stopped (Ctrl-C). `TELOXIDE_API_URL` points the bot at a
/// local Bot API server, a proxy or a test server.
pub async fn run(chats: Arc<Chats>, token: String, options: Options) -> anyhow::Result<()> {
    let mut bot = Bot::new(token);
    if let Ok(address) = std::env::var("TELOXIDE_API_URL") {
        let url = url::Url::parse(&address)
            .map_err(|err| anyhow::anyhow!("TELOXIDE_API_URL is not a URL ({err})"))?;
        bot = bot.set_api_url(url);
    }
    let limits = if options.throttle {
        Limits::default()
    } else {
        unlimited()
    };
    let bot = Throttle::new_spawn(bot, limits);
    let me = bot.get_me().await.map_err(|err| {
        anyhow::anyhow!("Telegram: the bot could not start ({})", send::kind(&err))
    })?;
    tracing::info!("Telegram: connected as @{}", me.username());
    register_commands(&bot).await;
    chats.sweep_periodically();
    let mut dispatcher = Dispatcher::builder(bot.clone(), handler_tree::<Throttle<Bot>>())
        .dependencies(dptree::deps![chats])
        .default_handler(|_| async {
            tracing::debug!("Telegram: an update of another kind ignored")
        })
        .enable_ctrlc_handler()
        .build();
    match options.webhook {
        None => dispatcher.dispatch().await,
        Some(hook) => {
            let mut settings = webhooks::Options::new(hook.listen, hook.url);
            if let Some(secret) = hook.secret {
                settings = settings.secret_token(secret);
            }
            let listener = webhooks::axum(bot, settings).await?;
            let errors = LoggingErrorHandler::with_custom_text("Telegram: a webhook error");
            dispatcher.dispatch_with_listener(listener, errors).await;
        }
    }
    Ok(())
}

/// Limits so high that `Throttle` hardly ever waits (a local test server). Not
/// `u32::MAX`: `Throttle` sizes its history by them.
fn unlimited() -> Limits {
    Limits {
        messages_per_sec_chat: 1_000,
        messages_per_min_chat: 60_000,
        messages_per_min_channel_or_supergroup: 60_000,
        messages_per_sec_overall: 1_000,
    }
}

/// The commands menu, from the engine's one command list.
async fn register_commands<B: Api>(bot: &B) {
    let commands = Command::ALL.iter().map(|command| {
        teloxide::types::BotCommand::new(command.name(), answer::command_description(*command))
    });
    if let Err(err) = send::retried(bot.set_my_commands(commands)).await {
        // The menu is a convenience: the commands work without it.
        tracing::warn!(
            "Telegram: the commands menu was not set ({})",
            send::kind(&err)
        );
    }
}

fn key(chat: ChatId, user: Option<&teloxide::types::User>) -> ChatKey {
    ChatKey {
        platform: Platform::Telegram,
        // Ids are signed on Telegram; only their bits matter here.
        chat: chat.0 as u64,
        user: user.map_or(0, |u| u.id.0),
    }
}

/// Whether a message is for the bot: everything in a private chat; in a group, a
/// command (for this bot), a message that mentions it, or a reply to one of its messages.
fn addressed(message: Message, me: Me) -> bool {
    if message.chat.is_private() {
        return true;
    }
    let to_me = message
        .reply_to_message()
        .and_then(|m| m.from.as_ref())
        .is_some_and(|from| from.id == me.id);
    let name = format!("@{}", me.username()).to_lowercase();
    let text = message.text().unwrap_or_default();
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let command = first.starts_with('/') && (!first.contains('@') || first.ends_with(&name));
    to_me || command || text.to_lowercase().contains(&name)
}

async fn on_message<B>(bot: B, chats: Arc<Chats>, message: Message) -> ResponseResult<()>
where
    B: Api,
{
    let chat = message.chat.id;
    guarded(&bot, chat, {
        let bot = bot.clone();
        async move {
            typing(&bot, chat).await;
            let reply = message_reply(&chats, &message).await;
            tracing::debug!("Telegram: message answered");
            send::deliver(&bot, chat, reply, None).await
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
        // A deep link: `/start <payload>` opens on the search it prepares.
        Some((Command::Start, payload)) if !payload.trim().is_empty() => {
            match deep_link::question(payload.trim()) {
                Some(question) => chats.message(key, question).await,
                None => {
                    chats
                        .take(key, Turn::Command(Command::Start, String::new()))
                        .await
                }
            }
        }
        Some((command, rest)) => chats.take(key, Turn::Command(command, rest.into())).await,
        None => chats.message(key, without_mentions(text)).await,
    }
}

async fn on_button<B>(bot: B, chats: Arc<Chats>, query: CallbackQuery) -> ResponseResult<()>
where
    B: Api,
{
    // Acknowledged first: the button stops spinning whatever happens next.
    if let Err(err) = send::retried(bot.answer_callback_query(query.id.clone())).await {
        tracing::debug!("Telegram: a button not acknowledged ({})", send::kind(&err));
    }
    let Some(chat) = query.message.as_ref().map(|m| m.chat().id) else {
        return Ok(());
    };
    guarded(&bot, chat, {
        let bot = bot.clone();
        async move {
            let payload = query.data.clone().unwrap_or_default();
            // A page of a list replaces the list, in the message that showed it.
            let edit = matches!(Action::from_payload(&payload), Some(Action::Next { .. }))
                .then(|| query.message.as_ref().map(|m| m.id()))
                .flatten();
            typing(&bot, chat).await;
            let reply = chats.button(key(chat, Some(&query.from)), payload).await;
            tracing::debug!("Telegram: button answered");
            send::deliver(&bot, chat, reply, edit).await
        }
    })
    .await
}

async fn on_inline<B>(bot: B, chats: Arc<Chats>, query: InlineQuery) -> ResponseResult<()>
where
    B: Api,
{
    let from = inline::offset(&query.offset);
    let (cards, next) = chats.cards(query.query.clone(), from, inline::PAGE).await;
    let (results, next_offset) = inline::results(&cards, next);
    let request = bot
        .answer_inline_query(query.id.clone(), results)
        .next_offset(next_offset)
        .cache_time(300)
        .is_personal(false);
    if let Err(err) = send::retried(request).await {
        tracing::warn!(
            "Telegram: an inline query not answered ({})",
            send::kind(&err)
        );
    }
    Ok(())
}

/// "Boussole is typing…" while the answer is computed (a convenience: errors ignored).
async fn typing<B: Api>(bot: &B, chat: ChatId) {
    let _ = bot.send_chat_action(chat, ChatAction::Typing).await;
}

/// Runs a handler in its own task: if it panics, the person gets a kind answer and the
/// dispatcher goes on (a panic inside teloxide's dispatcher would stop the bot).
async fn guarded<B>(
    bot: &B,
    chat: ChatId,
    handler: impl Future<Output = ResponseResult<()>> + Send + 'static,
) -> ResponseResult<()>
where
    B: Api,
{
    match tokio::spawn(handler).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(err)) => {
            // Logged here, without the error's content (it can hold a message).
            tracing::warn!(
                "Telegram: an answer was not delivered ({})",
                send::kind(&err)
            );
            Ok(())
        }
        Err(_) => {
            tracing::error!("Telegram: an update could not be handled (an internal error)");
            send::deliver(bot, chat, Reply::trouble(), None).await
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
