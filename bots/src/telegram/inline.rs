//! Inline mode: `@bot lycéens brest` in any chat offers events as results; the one
//! chosen is sent there as an event card with its link.

use boussole_core::answer::reply::EventCard;
use teloxide::types::{
    InlineQueryResult, InlineQueryResultArticle, InputMessageContent, InputMessageContentText,
    LinkPreviewOptions, ParseMode,
};

use super::render;

/// Results per answer (Telegram allows 50).
pub const PAGE: usize = 20;

/// The results of an inline query's page, and the offset of the next page ("" when
/// there is none).
pub fn results(cards: &[EventCard], next: Option<usize>) -> (Vec<InlineQueryResult>, String) {
    let results = cards
        .iter()
        .take(PAGE)
        .map(|card| {
            let content = InputMessageContentText::new(render::card(card))
                .parse_mode(ParseMode::Html)
                .link_preview_options(LinkPreviewOptions {
                    is_disabled: true,
                    url: None,
                    prefer_small_media: false,
                    prefer_large_media: false,
                    show_above_text: false,
                });
            let article = InlineQueryResultArticle::new(
                result_id(card),
                cut(&card.title, 256),
                InputMessageContent::Text(content),
            )
            .description(cut(&card.where_and_when(), 256));
            InlineQueryResult::Article(article)
        })
        .collect();
    (results, next.map(|n| n.to_string()).unwrap_or_default())
}

/// Where a page starts: Telegram sends back the `next_offset` we gave ("" at first).
pub fn offset(text: &str) -> usize {
    text.parse().unwrap_or(0).min(10_000)
}

/// A result's id: at most 64 bytes, unique in the answer.
fn result_id(card: &EventCard) -> String {
    boussole_core::action::EventKey::of(&card.id).to_string()
}

fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::tests::boussole;

    #[test]
    fn inline_results_are_event_cards_within_telegram_limits() {
        let now = chrono::DateTime::parse_from_rfc3339("2024-11-18T09:00:00+01:00").unwrap();
        let (cards, next) = boussole().event_cards("lycéens brest", now, 0, PAGE);
        let (results, next) = results(&cards, next);
        assert!(!results.is_empty() && results.len() <= 50);
        let InlineQueryResult::Article(first) = &results[0] else {
            panic!("an article expected");
        };
        assert!(first.title.contains("Brest"), "{}", first.title);
        assert!(first.id.len() <= 64);
        assert!(
            first
                .description
                .as_deref()
                .unwrap_or_default()
                .contains("Brest"),
            "{:?}",
            first.description
        );
        let InputMessageContent::Text(content) = &first.input_message_content else {
            panic!("a text card expected");
        };
        assert!(
            content
                .message_text
                .contains("<a href=\"https://openagenda.com/")
        );
        assert!(!content.message_text.starts_with("<b>1. "));
        // Pages follow each other through the offset.
        if !next.is_empty() {
            let (more, _) = boussole().event_cards("lycéens brest", now, offset(&next), PAGE);
            assert!(more.iter().all(|m| cards.iter().all(|c| c.id != m.id)));
        }
        assert_eq!(offset(""), 0);
        assert_eq!(offset("abc"), 0);
    }
}
