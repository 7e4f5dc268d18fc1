//! The Discord adapter (serenity): a direct message, or a message that mentions the bot in
//! a server, becomes one [`Chats`] call; so does a tapped button. The reply becomes
//! Markdown messages with buttons, or a calendar file. Nothing else happens here.
//!
//! It needs no privileged intent: Discord gives a bot the text of direct messages and of
//! messages that mention it.

use std::future::Future;
use std::sync::{Arc, OnceLock};

use boussole_core::Turn;
use boussole_core::action::Action;
use boussole_core::answer::reply::{Markup, marked};
use boussole_core::answer::{self, Answer};
use boussole_core::command::Command;
use serenity::all::{
    ButtonStyle, ChannelId, Client, ComponentInteraction, Context, CreateActionRow,
    CreateAttachment, CreateButton, CreateInteractionResponse, CreateMessage, EventHandler,
    GatewayIntents, Interaction, Message, Ready, UserId,
};

use crate::chats::{ChatKey, Chats, Platform, Reply};
use crate::split::split_message;

/// Discord's longest message, in characters.
pub const MAX_MESSAGE: usize = 2000;

/// Discord's longest button label, in characters.
const MAX_LABEL: usize = 80;

/// Discord's Markdown: escaped text, `**bold**`, `*italic*`, `[label](<url>)` (the angle
/// brackets keep Discord from unfurling every link).
pub struct Markdown;

impl Markup for Markdown {
    fn text(&self, text: &str) -> String {
        let mut escaped = String::with_capacity(text.len());
        for c in text.chars() {
            if matches!(
                c,
                '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']'
            ) {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        escaped
    }

    fn bold(&self, text: &str) -> String {
        format!("**{}**", self.text(text))
    }

    fn italic(&self, text: &str) -> String {
        format!("*{}*", self.text(text))
    }

    fn link(&self, label: &str, url: &str) -> String {
        format!("[{}](<{}>)", self.text(label), url.replace('>', "%3E"))
    }
}

struct Handler {
    chats: Arc<Chats>,
    me: OnceLock<UserId>,
}

/// Answers on Discord until the process stops.
pub async fn run(chats: Arc<Chats>, token: String) -> anyhow::Result<()> {
    // A malformed token would only fail at the gateway, retried forever: said at once.
    serenity::utils::validate_token(&token)
        .map_err(|_| anyhow::anyhow!("the Discord token in the environment is not a bot token"))?;
    let intents = GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
    chats.sweep_periodically();
    let handler = Handler {
        chats,
        me: OnceLock::new(),
    };
    let mut client = Client::builder(&token, intents)
        .event_handler(handler)
        .await?;
    client.start().await?;
    Ok(())
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _: Context, ready: Ready) {
        let _ = self.me.set(ready.user.id);
        tracing::info!("Discord: connected as {}", ready.user.name);
    }

    async fn message(&self, ctx: Context, message: Message) {
        if message.author.bot {
            return;
        }
        let Some(&me) = self.me.get() else {
            return;
        };
        let direct = message.guild_id.is_none();
        let mentioned = message.mentions.iter().any(|user| user.id == me);
        let Some(turn) = turn(&message.content, direct, mentioned) else {
            return;
        };
        let key = ChatKey {
            platform: Platform::Discord,
            chat: message.channel_id.get(),
            user: message.author.id.get(),
        };
        let chats = Arc::clone(&self.chats);
        let channel = message.channel_id;
        guarded(&ctx, channel, async move {
            let reply = chats.take(key, turn).await;
            tracing::debug!("Discord: message answered");
            reply
        })
        .await;
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let Interaction::Component(component) = interaction else {
            return;
        };
        // Acknowledged first: Discord waits 3 seconds at most.
        if let Err(err) = acknowledge(&ctx, &component).await {
            tracing::warn!("Discord: could not acknowledge a button ({err})");
        }
        let key = ChatKey {
            platform: Platform::Discord,
            chat: component.channel_id.get(),
            user: component.user.id.get(),
        };
        let chats = Arc::clone(&self.chats);
        let payload = component.data.custom_id.clone();
        guarded(&ctx, component.channel_id, async move {
            let reply = chats.button(key, payload).await;
            tracing::debug!("Discord: button answered");
            reply
        })
        .await;
    }
}

/// Computes a reply in its own task and sends it: if computing panics, the person gets
/// a kind answer instead, and the bot goes on.
async fn guarded(
    ctx: &Context,
    channel: ChannelId,
    reply: impl Future<Output = Reply> + Send + 'static,
) {
    let reply = match tokio::spawn(reply).await {
        Ok(reply) => reply,
        Err(_) => {
            tracing::error!("Discord: an event could not be handled (an internal error)");
            Reply::trouble()
        }
    };
    send(ctx, channel, reply).await;
}

async fn acknowledge(ctx: &Context, component: &ComponentInteraction) -> serenity::Result<()> {
    component
        .create_response(&ctx.http, CreateInteractionResponse::Acknowledge)
        .await
}

/// What a message asks the bot: in a direct message, or in a server when it mentions
/// the bot; a command typed (`/aide`); a mention alone opens the chat, as `/start`.
fn turn(content: &str, direct: bool, mentioned: bool) -> Option<Turn> {
    if !direct && !mentioned {
        return None;
    }
    let text = without_mentions(content);
    if text.trim().is_empty() {
        return Some(Turn::Command(Command::Start, String::new()));
    }
    Some(match Command::parse(&text) {
        Some((command, rest)) => Turn::Command(command, rest.to_string()),
        None => Turn::Text(text),
    })
}

/// The text of a message without its mentions (`<@123>`, `<@!123>`).
fn without_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<@") {
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let inside = &rest[start + 2..start + end];
        let id = inside.trim_start_matches(['!', '&']);
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&rest[..start + end + 1]);
        } else {
            out.push_str(&rest[..start]);
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The buttons of an answer, five to a row at most (Discord's limit). Discord cannot
/// share a position: "près de moi" has no button here.
pub fn buttons(answer: &Answer) -> Vec<Vec<(String, String)>> {
    let buttons: Vec<(String, String)> = answer
        .actions
        .iter()
        .filter(|action| **action != Action::NearMe)
        .filter_map(|action| Some((action.payload()?, label(&answer::action_label(action)))))
        .collect();
    buttons
        .chunks(5)
        .take(5)
        .map(<[(String, String)]>::to_vec)
        .collect()
}

/// A button label cut to Discord's limit (a longer one would refuse the whole message).
fn label(text: &str) -> String {
    if text.chars().count() <= MAX_LABEL {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(MAX_LABEL - 1).collect();
    cut.push('…');
    cut
}

/// The Markdown messages of an answer, each at most [`MAX_MESSAGE`] characters.
pub fn messages(answer: &Answer) -> Vec<String> {
    split_message(&marked(&answer.blocks, &Markdown), MAX_MESSAGE)
}

async fn send(ctx: &Context, channel: ChannelId, reply: Reply) {
    let answer = match reply {
        Reply::Calendar { file_name, content } => {
            let file = CreateAttachment::bytes(content.into_bytes(), file_name);
            if let Err(err) = channel
                .send_message(&ctx.http, CreateMessage::new().add_file(file))
                .await
            {
                tracing::warn!("Discord: could not send a calendar file ({err})");
            }
            return;
        }
        Reply::Venue(venue) => {
            let text = format!(
                "{}\n{}\n<{}>",
                Markdown.bold(&venue.title),
                Markdown.text(&venue.address),
                venue.map_link()
            );
            let message = CreateMessage::new().content(text);
            if let Err(err) = channel.send_message(&ctx.http, message).await {
                tracing::warn!("Discord: could not send a place ({err})");
            }
            return;
        }
        Reply::Answer(answer) => *answer,
    };
    let parts = messages(&answer);
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.into_iter().enumerate() {
        let mut message = CreateMessage::new().content(part);
        if i == last {
            let rows = buttons(&answer)
                .into_iter()
                .map(|row| {
                    CreateActionRow::Buttons(
                        row.into_iter()
                            .map(|(id, label)| {
                                CreateButton::new(id)
                                    .label(label)
                                    .style(ButtonStyle::Secondary)
                            })
                            .collect(),
                    )
                })
                .collect();
            message = message.components(rows);
        }
        if let Err(err) = channel.send_message(&ctx.http, message).await {
            tracing::warn!("Discord: could not send a message ({err})");
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use boussole_core::action::EventKey;

    #[test]
    fn only_direct_messages_and_mentions_are_questions() {
        let text = |turn: Option<Turn>| match turn {
            Some(Turn::Text(text)) => Some(text),
            Some(other) => Some(format!("{other:?}")),
            None => None,
        };
        assert_eq!(
            text(turn("des visites ?", true, false)).as_deref(),
            Some("des visites ?")
        );
        assert_eq!(text(turn("des visites ?", false, false)), None);
        assert_eq!(
            text(turn("<@1> des visites ?", false, true)).as_deref(),
            Some("des visites ?")
        );
        assert!(matches!(
            turn("<@1>", false, true),
            Some(Turn::Command(Command::Start, _))
        ));
        assert!(matches!(
            turn("<@1> /oublie", false, true),
            Some(Turn::Command(Command::Forget, _))
        ));
    }

    #[test]
    fn mentions_are_taken_out_of_questions() {
        assert_eq!(
            without_mentions("<@123> escape game à Nice"),
            "escape game à Nice"
        );
        assert_eq!(
            without_mentions("salut <@!42>, des visites ?"),
            "salut , des visites ?"
        );
        assert_eq!(without_mentions("a <@x> b"), "a <@x> b");
        assert_eq!(without_mentions("<@123"), "<@123");
    }

    #[test]
    fn buttons_fit_discord() {
        let mut answer = boussole_core::answer::need_position();
        answer.actions = vec![
            Action::Details {
                rank: 1,
                event: EventKey::of("visite"),
            },
            Action::NearMe,
            Action::Ask {
                label: "é".repeat(100),
                question: "escape game".into(),
            },
        ];
        let rows = buttons(&answer);
        assert_eq!(rows.len(), 1);
        let details = format!("d:1:{}", EventKey::of("visite"));
        assert_eq!(rows[0][0], (details, "Détails du 1".to_string()));
        // No position on Discord; long labels cut.
        assert_eq!(rows[0].len(), 2);
        assert_eq!(rows[0][1].1.chars().count(), 80);
        let many = Answer {
            actions: (1..=30)
                .map(|rank| Action::Details {
                    rank,
                    event: EventKey::of("visite"),
                })
                .collect(),
            ..answer
        };
        let rows = buttons(&many);
        assert!(rows.len() <= 5 && rows.iter().all(|row| row.len() <= 5));
    }

    #[test]
    fn markdown_is_escaped_and_marked() {
        assert_eq!(Markdown.text("C*est_ça"), "C\\*est\\_ça");
        assert_eq!(Markdown.bold("1. Titre"), "**1. Titre**");
        assert_eq!(
            Markdown.link("Infos", "https://x.fr/a"),
            "[Infos](<https://x.fr/a>)"
        );
    }
}
