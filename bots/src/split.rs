//! Long messages cut to a platform's limit: between paragraphs when it can, then between
//! lines, then between words, and inside a word only when a word alone is longer.
//!
//! Lengths are counted in UTF-16 code units, as Telegram and Discord count them (an
//! emoji counts twice), so a part never exceeds the limit. In HTML, a cut never falls
//! inside a tag or an entity, and a tag open at a cut is closed at the end of its part
//! and opened again at the start of the next one.

/// How long a text is for Telegram and Discord.
pub fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Plain text or Markdown in parts of at most `limit` units.
pub fn split_message(text: &str, limit: usize) -> Vec<String> {
    let mut parts = Vec::new();
    pack(text.trim(), 0, limit.max(1), Syntax::Plain, &mut parts);
    parts
}

/// Telegram HTML in parts of at most `limit` units, each with its tags balanced.
pub fn split_html(text: &str, limit: usize) -> Vec<String> {
    // Room for the tags closed and opened again at a cut.
    let room = limit.saturating_sub(HTML_ROOM).max(limit / 2).max(1);
    let mut parts = Vec::new();
    pack(text.trim(), 0, room, Syntax::Html, &mut parts);
    balance(parts)
}

/// What a cut may add to an HTML part: closing and reopening a few short tags (links
/// are bounded by the data's limits).
const HTML_ROOM: usize = 600;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Plain,
    Html,
}

/// The separators tried in turn; after them, a text is cut between characters.
const LEVELS: [&str; 3] = ["\n\n", "\n", " "];

/// Packs the pieces of `text` cut at `LEVELS[level]` into parts of at most `limit`
/// units; a piece too long alone is cut at the next level.
fn pack(text: &str, level: usize, limit: usize, syntax: Syntax, parts: &mut Vec<String>) {
    let separator = LEVELS.get(level).copied().unwrap_or("");
    let mut current = String::new();
    for piece in pieces(text, level, syntax) {
        if level < LEVELS.len() && piece.trim().is_empty() {
            continue;
        }
        if !current.is_empty() && units(&current) + units(separator) + units(piece) <= limit {
            current.push_str(separator);
            current.push_str(piece);
            continue;
        }
        if !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
        if units(piece) <= limit || level >= LEVELS.len() {
            // An atom longer than the limit (a tag) cannot be cut: it goes alone.
            current.push_str(piece);
        } else {
            pack(piece, level + 1, limit, syntax, parts);
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
}

/// The pieces of `text` at `level`: cut at its separator (in HTML, spaces inside a tag
/// do not count), or, past the last level, its characters, tags and entities.
fn pieces(text: &str, level: usize, syntax: Syntax) -> Vec<&str> {
    match (LEVELS.get(level), syntax) {
        (Some(&" "), Syntax::Html) => outside_tags(text),
        (Some(separator), _) => text.split(separator).collect(),
        (None, _) => atoms(text, syntax),
    }
}

/// `text` cut at the spaces that are not inside a tag.
fn outside_tags(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut in_tag) = (0, false);
    for (at, c) in text.char_indices() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            ' ' if !in_tag => {
                pieces.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// The smallest pieces a text can be cut into: characters, and in HTML whole tags and
/// whole entities.
fn atoms(text: &str, syntax: Syntax) -> Vec<&str> {
    let mut atoms = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let end = match (syntax, c) {
            (Syntax::Html, '<') => rest.find('>').map_or(rest.len(), |i| i + 1),
            (Syntax::Html, '&') => rest.find(';').filter(|i| *i <= 10).map_or(1, |i| i + 1),
            _ => c.len_utf8(),
        };
        atoms.push(&rest[..end]);
        rest = &rest[end..];
    }
    atoms
}

/// Each part with the tags open at its end closed, and opened again in the next part.
fn balance(parts: Vec<String>) -> Vec<String> {
    let mut open: Vec<(String, String)> = Vec::new(); // (name, opening tag)
    let mut balanced = Vec::with_capacity(parts.len());
    for part in parts {
        let mut text: String = open.iter().map(|(_, tag)| tag.as_str()).collect();
        text.push_str(&part);
        for tag in atoms(&part, Syntax::Html)
            .into_iter()
            .filter(|a| a.starts_with('<'))
        {
            let inner = tag.trim_start_matches('<').trim_end_matches('>');
            if let Some(name) = inner.strip_prefix('/') {
                if let Some(at) = open.iter().rposition(|(open, _)| open == name.trim()) {
                    open.truncate(at);
                }
            } else {
                let name = inner.split_whitespace().next().unwrap_or_default();
                open.push((name.to_string(), tag.to_string()));
            }
        }
        for (name, _) in open.iter().rev() {
            text.push_str(&format!("</{name}>"));
        }
        balanced.push(text);
    }
    balanced
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_messages_split_between_paragraphs() {
        let text = format!(
            "{}\n\n{}\n{}",
            "a".repeat(30),
            "b".repeat(30),
            "c".repeat(25)
        );
        let parts = split_message(&text, 64);
        assert_eq!(
            parts,
            [
                "a".repeat(30),
                format!("{}\n{}", "b".repeat(30), "c".repeat(25))
            ]
        );
        assert!(
            split_message(&"é".repeat(150), 64)
                .iter()
                .all(|p| p.chars().count() <= 64)
        );
        assert_eq!(
            split_message(&"é".repeat(150), 64).concat(),
            "é".repeat(150)
        );
        assert!(split_message("", 64).is_empty());
        // Emoji count twice.
        assert!(
            split_message(&"🙂".repeat(50), 64)
                .iter()
                .all(|p| units(p) <= 64)
        );
    }

    #[test]
    fn html_is_never_cut_inside_a_tag_or_an_entity() {
        let line = format!(
            "<b>{}</b> <a href=\"https://x.fr/?a=1&amp;b=2\">{}</a> {}",
            "gras &amp; gras ".repeat(60),
            "lien ".repeat(200),
            "&lt;fin&gt;".repeat(300)
        );
        let parts = split_html(&line, 1000);
        assert!(parts.len() > 3, "{}", parts.len());
        for part in &parts {
            assert!(units(part) <= 1000, "{}", units(part));
            assert_eq!(
                part.matches('<').count(),
                part.matches('>').count(),
                "{part}"
            );
            assert_eq!(part.matches("<b>").count(), part.matches("</b>").count());
            assert_eq!(part.matches("<a ").count(), part.matches("</a>").count());
            // Every `&` starts a whole entity.
            for (at, _) in part.match_indices('&') {
                let rest = &part[at..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;"]
                        .iter()
                        .any(|e| rest.starts_with(e)),
                    "{rest}"
                );
            }
        }
        let text: String = parts.concat();
        assert!(text.contains("https://x.fr/?a=1&amp;b=2"));
    }
}
