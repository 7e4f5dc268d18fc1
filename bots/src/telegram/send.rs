//! Sending a reply to Telegram: each request retried on transient errors (429 after its
//! `retry_after`, 5xx and network errors with backoff), a message whose HTML Telegram
//! refuses sent again as plain text (that message only), a page turned by editing the
//! list in place. A part already delivered is never sent again.

use std::time::Duration;

use boussole_core::answer::Answer;
use teloxide::prelude::*;
use teloxide::requests::Output;
use teloxide::types::{InputFile, LinkPreviewOptions, MessageId, ParseMode, ReplyMarkup};
use teloxide::{ApiError, RequestError};

use super::{Api, render};
use crate::chats::Reply;

/// How many times a request is tried before its error is returned.
const ATTEMPTS: u32 = 5;
/// The first wait after a transient error without `retry_after`; it doubles each time.
const FIRST_BACKOFF: Duration = Duration::from_millis(200);
/// The longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(10);

/// Sends `reply` in `chat`; with `edit`, a one-message answer replaces that message (a
/// page of a list turned in place).
pub async fn deliver<B>(
    bot: &B,
    chat: ChatId,
    reply: Reply,
    edit: Option<MessageId>,
) -> Result<(), RequestError>
where
    B: Api,
{
    match reply {
        Reply::Calendar { file_name, content } => {
            let file = InputFile::memory(content.into_bytes()).file_name(file_name);
            retried(bot.send_document(chat, file)).await.map(drop)
        }
        Reply::Venue(venue) => {
            let request = bot.send_venue(
                chat,
                venue.latitude,
                venue.longitude,
                venue.title,
                venue.address,
            );
            retried(request).await.map(drop)
        }
        Reply::Answer(answer) => send_answer(bot, chat, &answer, edit).await,
    }
}

async fn send_answer<B>(
    bot: &B,
    chat: ChatId,
    answer: &Answer,
    edit: Option<MessageId>,
) -> Result<(), RequestError>
where
    B: Api,
{
    let parts = render::messages(answer);
    let keyboard = render::keyboard(answer);
    let inline = matches!(keyboard, None | Some(ReplyMarkup::InlineKeyboard(_)));
    if let (Some(message), [only], true) = (edit, parts.as_slice(), inline) {
        match edit_in_place(bot, chat, message, only, answer).await {
            Ok(()) => return Ok(()),
            // Too old to edit, deleted…: the page comes as a new message.
            Err(err) => tracing::debug!("Telegram: a page not edited ({})", kind(&err)),
        }
    }
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.iter().enumerate() {
        let markup = if i == last { keyboard.clone() } else { None };
        send_part(bot, chat, part, markup).await?;
    }
    Ok(())
}

/// One message; if Telegram refuses its HTML, the same message as plain text.
async fn send_part<B>(
    bot: &B,
    chat: ChatId,
    html: &str,
    markup: Option<ReplyMarkup>,
) -> Result<(), RequestError>
where
    B: Api,
{
    let mut request = bot
        .send_message(chat, html)
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview());
    if let Some(markup) = markup.clone() {
        request = request.reply_markup(markup);
    }
    match retried(request).await {
        Ok(_) => Ok(()),
        Err(RequestError::Api(ApiError::CantParseEntities(_))) => {
            tracing::warn!("Telegram refused a message's HTML; it goes as plain text");
            let mut plain = bot
                .send_message(chat, plain_text(html))
                .link_preview_options(no_preview());
            if let Some(markup) = markup {
                plain = plain.reply_markup(markup);
            }
            retried(plain).await.map(drop)
        }
        Err(err) => Err(err),
    }
}

async fn edit_in_place<B>(
    bot: &B,
    chat: ChatId,
    message: MessageId,
    html: &str,
    answer: &Answer,
) -> Result<(), RequestError>
where
    B: Api,
{
    let mut request = bot
        .edit_message_text(chat, message, html)
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview());
    if let Some(markup) = render::inline_keyboard(answer) {
        request = request.reply_markup(markup);
    }
    match retried(request).await {
        Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
        Err(RequestError::Api(ApiError::Unknown(text)))
            if text.contains("message is not modified") =>
        {
            Ok(())
        }
        Err(err) => Err(err),
    }
}

/// Sends `request`, again after a transient error, at most [`ATTEMPTS`] times.
pub async fn retried<R>(request: R) -> Result<Output<R>, RequestError>
where
    R: Request<Err = RequestError>,
{
    let mut backoff = FIRST_BACKOFF;
    let mut attempt = 1;
    loop {
        let err = match request.send_ref().await {
            Ok(output) => return Ok(output),
            Err(err) => err,
        };
        let Some(wait) = transient(&err).filter(|_| attempt < ATTEMPTS) else {
            return Err(err);
        };
        tracing::warn!(attempt, "Telegram: {}; trying again", kind(&err));
        tokio::time::sleep(wait.unwrap_or(backoff).min(MAX_BACKOFF * 6)).await;
        backoff = (backoff * 2).min(MAX_BACKOFF);
        attempt += 1;
    }
}

/// Whether an error may pass if the request is sent again, and after how long when
/// Telegram says (`Some(None)`: after the backoff).
fn transient(err: &RequestError) -> Option<Option<Duration>> {
    match err {
        RequestError::RetryAfter(after) => Some(Some(after.duration())),
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => {
            Some(None)
        }
        RequestError::Api(ApiError::Unknown(text)) if server_error(text) => Some(None),
        _ => None,
    }
}

/// Telegram's descriptions of its 5xx errors.
fn server_error(text: &str) -> bool {
    [
        "Internal Server Error",
        "Bad Gateway",
        "Service Unavailable",
        "Gateway Timeout",
    ]
    .iter()
    .any(|e| text.contains(e))
}

/// What went wrong, without anything the error carries (a raw body can hold a message).
pub fn kind(err: &RequestError) -> &'static str {
    match err {
        RequestError::Api(_) => "the Bot API refused a request",
        RequestError::MigrateToChatId(_) => "the group became a supergroup",
        RequestError::RetryAfter(_) => "too many requests (429)",
        RequestError::Network(_) => "a network error",
        RequestError::InvalidJson { .. } => "an unreadable response",
        RequestError::Io(_) => "an I/O error",
    }
}

fn no_preview() -> LinkPreviewOptions {
    LinkPreviewOptions {
        is_disabled: true,
        url: None,
        prefer_small_media: false,
        prefer_large_media: false,
        show_above_text: false,
    }
}

/// A message of our HTML as plain text: tags dropped (a link becomes its address),
/// entities read back.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if let Some(href) = tag.strip_prefix("a href=\"") {
            out.push_str(href.trim_end_matches('"'));
            // The label is dropped: the address says where the link goes.
            rest = rest.find("</a>").map_or(rest, |close| &rest[close + 4..]);
        }
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_words_and_addresses() {
        assert_eq!(
            plain_text(
                "<b>1. A &lt;b&gt; &amp; co</b>\n<a href=\"https://x.fr/?a=1&amp;b=2\">Infos</a> fin"
            ),
            "1. A <b> & co\nhttps://x.fr/?a=1&b=2 fin"
        );
    }

    #[test]
    fn only_transient_errors_are_retried() {
        let api = |text: &str| RequestError::Api(ApiError::Unknown(text.into()));
        assert!(transient(&api("Internal Server Error")).is_some());
        assert!(transient(&api("Bad Request: chat not found")).is_none());
        assert!(transient(&RequestError::Api(ApiError::BotBlocked)).is_none());
        assert_eq!(
            transient(&RequestError::RetryAfter(
                teloxide::types::Seconds::from_seconds(3)
            )),
            Some(Some(Duration::from_secs(3)))
        );
    }
}
