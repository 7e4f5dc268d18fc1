//! An answer as Telegram shows it: HTML messages under Telegram's limits, inline buttons
//! for the engine's actions, and the keyboard button that shares a position.

use boussole_core::action::Action;
use boussole_core::answer::reply::{EventCard, Markup, marked};
use boussole_core::answer::{self, Answer, SHARE_POSITION};
use teloxide::types::{
    ButtonRequest, InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, KeyboardMarkup,
    ReplyMarkup,
};

use crate::split::split_html;

/// Telegram's longest message, in UTF-16 code units.
pub const MAX_MESSAGE: usize = 4096;

/// Telegram's HTML: escaped text, `<b>`, `<i>`, `<a href>`.
pub struct Html;

/// Escapes text for Telegram's HTML, quotes too (so it is safe in an attribute).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

impl Markup for Html {
    fn text(&self, text: &str) -> String {
        escape(text)
    }

    fn bold(&self, text: &str) -> String {
        format!("<b>{}</b>", escape(text))
    }

    fn italic(&self, text: &str) -> String {
        format!("<i>{}</i>", escape(text))
    }

    fn link(&self, label: &str, url: &str) -> String {
        format!("<a href=\"{}\">{}</a>", escape(url), escape(label))
    }
}

/// The HTML messages of an answer, each within [`MAX_MESSAGE`].
pub fn messages(answer: &Answer) -> Vec<String> {
    split_html(&marked(&answer.blocks, &Html), MAX_MESSAGE)
}

/// An event card sent on its own (inline mode), in HTML.
pub fn card(card: &EventCard) -> String {
    let html = card.marked_alone(&Html);
    split_html(&html, MAX_MESSAGE)
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The keyboard under an answer: its actions as inline buttons; or, when it only offers
/// to search near the user (and suggests questions), Telegram's keyboard with the button
/// that shares a position (and the questions as buttons that send them).
pub fn keyboard(answer: &Answer) -> Option<ReplyMarkup> {
    let by_keyboard = |action: &Action| match action {
        Action::NearMe => true,
        Action::Ask { label, question } => label == question,
        _ => false,
    };
    if answer.actions.contains(&Action::NearMe) && answer.actions.iter().all(by_keyboard) {
        return Some(position_keyboard(&answer.actions));
    }
    inline_keyboard(answer).map(ReplyMarkup::InlineKeyboard)
}

fn position_keyboard(actions: &[Action]) -> ReplyMarkup {
    let mut rows = vec![vec![
        KeyboardButton::new(SHARE_POSITION).request(ButtonRequest::Location),
    ]];
    rows.extend(actions.iter().filter_map(|action| match action {
        Action::Ask { label, question } if label == question => {
            Some(vec![KeyboardButton::new(question.clone())])
        }
        _ => None,
    }));
    ReplyMarkup::Keyboard(
        KeyboardMarkup::new(rows)
            .resize_keyboard()
            .one_time_keyboard(),
    )
}

/// The actions of an answer as inline buttons: details side by side (short labels),
/// other actions two by two.
pub fn inline_keyboard(answer: &Answer) -> Option<InlineKeyboardMarkup> {
    let buttons: Vec<(InlineKeyboardButton, bool)> = answer
        .actions
        .iter()
        .filter_map(|action| {
            let payload = action.payload()?;
            let button = InlineKeyboardButton::callback(answer::action_label(action), payload);
            Some((button, matches!(action, Action::Details { .. })))
        })
        .collect();
    if buttons.is_empty() {
        return None;
    }
    let (details, others): (Vec<_>, Vec<_>) = buttons.into_iter().partition(|(_, d)| *d);
    let rows = |buttons: Vec<(InlineKeyboardButton, bool)>, width: usize| {
        buttons
            .chunks(width)
            .map(|row| row.iter().map(|(b, _)| b.clone()).collect::<Vec<_>>())
            .collect::<Vec<_>>()
    };
    let mut keyboard = rows(details, 3);
    keyboard.extend(rows(others, 2));
    Some(InlineKeyboardMarkup::new(keyboard))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_and_marked() {
        assert_eq!(Html.text("a < b & c"), "a &lt; b &amp; c");
        assert_eq!(Html.bold("1. <Titre>"), "<b>1. &lt;Titre&gt;</b>");
        assert_eq!(
            Html.link("Infos", "https://x.fr/?a=1&b=\"2\""),
            "<a href=\"https://x.fr/?a=1&amp;b=&quot;2&quot;\">Infos</a>"
        );
    }
}
