//! Numeric dates and times rewritten as words before the question is split, so that the
//! word splitter keeps them: "21/11/2024" → "21 novembre 2024", "2024-11-21" → "21
//! novembre 2024", "15:30" → "15h30".

use crate::text::MONTHS;

/// Rewrites numeric dates and times as words, and "jusqu'" as "jusque" (the word
/// splitter drops elided words, and "jusqu'à jeudi" is not "à jeudi"). A day that no month has ("45/11") is
/// spelled too: the date grammar then says it does not exist. Two-digit years take the
/// nearer century ("31/10/74": 1974, "20/02/14": 2014).
pub fn spell_numeric_dates(text: &str) -> String {
    let mut text = text.to_string();
    for elided in ["jusqu'", "jusqu’", "Jusqu'", "Jusqu’", "JUSQU'", "JUSQU’"] {
        text = text.replace(elided, "jusque ");
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if starts && chars[i].is_ascii_digit() {
            let (parts, seps, end) = numeric_run(&chars, i);
            let ends = match chars.get(end) {
                None => true,
                Some(c) if c.is_ascii_alphanumeric() => false,
                Some(_) => !chars.get(end + 1).is_some_and(char::is_ascii_digit),
            };
            if let Some(spelled) = ends.then(|| spell(&parts, &seps)).flatten() {
                out.push_str(&spelled);
            } else {
                out.extend(&chars[i..end]);
            }
            i = end;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The digit groups from `i` joined by one kind of separator ('/', '-' or ':'), the
/// separators, and where the run ends.
fn numeric_run(chars: &[char], i: usize) -> (Vec<String>, Vec<char>, usize) {
    let mut parts = vec![String::new()];
    let mut seps = Vec::new();
    let mut j = i;
    while j < chars.len() {
        let c = chars[j];
        let next_is_digit = chars.get(j + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() {
            if let Some(p) = parts.last_mut() {
                p.push(c);
            }
        } else if matches!(c, '/' | '-' | ':')
            && next_is_digit
            && parts.len() < 3
            && seps.first().is_none_or(|s| *s == c)
        {
            seps.push(c);
            parts.push(String::new());
        } else {
            break;
        }
        j += 1;
    }
    (parts, seps, j)
}

/// The words for one run of digit groups, when it is a date or a time.
fn spell(parts: &[String], seps: &[char]) -> Option<String> {
    let number = |s: &str| s.parse::<u32>().ok();
    let month_name = |s: &str| {
        number(s)
            .filter(|m| (1..=12).contains(m))
            .map(|m| MONTHS[m as usize - 1])
    };
    match (seps.first(), parts) {
        (Some(':'), [h, m]) if h.len() <= 2 && m.len() == 2 => {
            (number(h)? < 24 && number(m)? < 60).then(|| format!("{h}h{m}"))
        }
        (Some('-'), [y, m, d]) if y.len() == 4 && d.len() <= 2 => {
            Some(format!("{} {} {y}", number(d)?, month_name(m)?))
        }
        (Some('/'), [d, m, rest @ ..]) if d.len() <= 2 => {
            let mut spelled = format!("{d} {}", month_name(m)?);
            if let Some(y) = rest.first() {
                spelled.push(' ');
                spelled.push_str(&full_year(y));
            }
            Some(spelled)
        }
        _ => None,
    }
}

/// A year as typed after a day and month, with the nearer century for two digits.
fn full_year(typed: &str) -> String {
    match (typed.len(), typed.parse::<u32>()) {
        (2, Ok(yy)) if yy < 50 => format!("20{typed}"),
        (2, Ok(_)) => format!("19{typed}"),
        _ => typed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates_and_times_become_words() {
        for (typed, spelled) in [
            ("le 21/11", "le 21 novembre"),
            ("le 6/12/2024", "le 6 decembre 2024"),
            ("31/10/74", "31 octobre 1974"),
            ("20/02/14", "20 fevrier 2014"),
            ("2013-03-01", "1 mars 2013"),
            ("2015-3-3", "3 mars 2015"),
            ("à 15:30", "à 15h30"),
            ("le 45/11", "le 45 novembre"),
            ("13-15 juillet", "13-15 juillet"),
            ("industrie 4.0", "industrie 4.0"),
            ("1/2/3/4", "1/2/3/4"),
            ("06 12 34 56 78", "06 12 34 56 78"),
            ("75012", "75012"),
            ("jusqu'à jeudi", "jusque à jeudi"),
        ] {
            assert_eq!(spell_numeric_dates(typed), spelled, "{typed}");
        }
    }
}
