//! The hostile corpus (`tests/hostile/corpus.jsonl`): markup of each platform, query
//! syntax, SQL, format strings, megabytes of text, control, bidi and zero-width
//! characters, combining-mark floods, emoji sequences, mixed scripts, every character
//! that folds into several words, out-of-range dates and distances, invalid buttons,
//! positions and clocks. Each gets a kind French answer and valid JSON, never a panic:
//! in the core, and through the binary as a user meets it.

use boussole_core::dialogue::Conversation;
use boussole_core::places::Point;
use boussole_tests::targets::{boussole, check_answer};
use boussole_tests::{Hostile, TempDir, boussole as run, boussole_with_index, hostile_corpus};
use chrono::DateTime;

const NOW: &str = "2024-11-18T09:00:00+01:00";

#[test]
fn the_corpus_holds_at_least_300_inputs_of_every_kind() {
    let corpus = hostile_corpus();
    assert!(corpus.len() >= 300, "{} inputs", corpus.len());
    let count = |f: fn(&Hostile) -> bool| corpus.iter().filter(|(_, h)| f(h)).count();
    assert!(count(|h| matches!(h, Hostile::Callback(_))) >= 20);
    assert!(count(|h| matches!(h, Hostile::Position(..))) >= 10);
    assert!(count(|h| matches!(h, Hostile::Now(..))) >= 10);
    assert!(count(|h| matches!(h, Hostile::Text(t) if t.len() >= 1_000_000)) >= 5);
}

#[test]
fn every_input_gets_a_kind_answer_in_the_core() {
    let boussole = boussole();
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    for (name, input) in hostile_corpus() {
        let mut conversation = Conversation::new();
        match input {
            Hostile::Text(text) => check_answer(&boussole.reply(&mut conversation, &text, now)),
            Hostile::Chat(turns) => {
                for turn in turns {
                    check_answer(&boussole.reply(&mut conversation, &turn, now));
                }
            }
            Hostile::Callback(payload) => boussole_tests::targets::payload(payload.as_bytes()),
            Hostile::Position(lat, lon) => match Point::new(lat, lon) {
                Some(point) => {
                    check_answer(&boussole.near_in(&mut conversation, point, None, "", now))
                }
                None => assert!(
                    !(lat.is_finite()
                        && lon.is_finite()
                        && lat.abs() <= 90.0
                        && lon.abs() <= 180.0),
                    "{name}: a valid position refused"
                ),
            },
            Hostile::Now(value, valid) => {
                let parsed = DateTime::parse_from_rfc3339(&value);
                assert_eq!(parsed.is_ok(), valid, "{name}");
                if let Ok(now) = parsed {
                    for question in ["demain", "ce week-end", "en décembre", "jeudi 21", "hier"] {
                        check_answer(&boussole.reply(&mut conversation, question, now));
                    }
                }
            }
        }
    }
}

#[test]
fn plus_loin_forty_times_stays_a_sane_radius() {
    let boussole = boussole();
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut conversation = Conversation::new();
    let first = boussole.reply(&mut conversation, "escape game à Brest", now);
    assert_eq!(first.understood.radius_km, Some(30.0));
    let mut radii = Vec::new();
    let mut last = first;
    for _ in 0..40 {
        last = boussole.reply(&mut conversation, "plus loin", now);
        check_answer(&last);
        radii.push(last.understood.radius_km);
    }
    // 60, 120, 240, 480, 960 km, then France-wide: no radius, and said so.
    assert_eq!(
        &radii[..5],
        [
            Some(60.0),
            Some(120.0),
            Some(240.0),
            Some(480.0),
            Some(960.0)
        ]
    );
    assert!(radii[5..].iter().all(Option::is_none), "{radii:?}");
    assert!(last.reply().contains("toute la France"), "{}", last.reply());
    assert!(last.events.len() <= boussole_core::answer::PAGE_SIZE);
    assert!(!last.events.is_empty());
}

#[test]
fn impossible_dates_and_distances_are_explained_not_replaced() {
    let boussole = boussole();
    let now = DateTime::parse_from_rfc3339(NOW).unwrap();
    let ask = |q: &str| boussole.ask(q, now);
    for (question, said) in [
        ("visites le 1/1/99999", "Je ne cherche pas en 99999"),
        ("escape game jeudi 99", "pas de jour 99"),
        ("visites le 31 février", "Le 31 février n'existe pas"),
        ("forum le 45/11", "Le 45 novembre n'existe pas"),
        ("visites à 0 km de Lyon", "0 km"),
        ("visites à 5000 km de Brest", "toute la France"),
    ] {
        let answer = ask(question);
        check_answer(&answer);
        assert!(
            answer.reply().contains(said),
            "{question}: {}",
            answer.reply()
        );
        assert!(
            answer.understood.dates.is_none(),
            "{question}: {:?}",
            answer.understood
        );
    }
    let december = ask("visites en décembre 2100");
    let dates = december.understood.dates.as_ref().expect("December 2100");
    assert_eq!(dates.from.unwrap().to_string(), "2100-12-01");
    let near = ask("visites à 2,999 km de Brest");
    assert_eq!(near.understood.radius_km, Some(2.999));
}

/// Every single-line message of the corpus, through `boussole chat --json` on standard
/// input: one JSON answer a line, each with a reply.
#[test]
fn the_binary_answers_every_line_of_the_corpus() {
    let mut lines: Vec<String> = Vec::new();
    for (_, input) in hostile_corpus() {
        match input {
            Hostile::Text(text) if !text.contains('\n') => lines.push(text),
            Hostile::Chat(turns) => lines.extend(turns.into_iter().take(60)),
            _ => {}
        }
    }
    let mut stdin = lines.join("\n").into_bytes();
    stdin.push(b'\n');
    let output = run("hostile-chat", &["chat", "--json", "--now", NOW])
        .stdin(stdin)
        .output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "{stderr}"
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let answers: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!(answers.len(), lines.len());
    for answer in &answers {
        let reply = answer["reply"].as_str().expect("a reply");
        assert!(reply.chars().any(char::is_alphabetic), "{answer}");
    }
}

/// Messages of several lines (no NUL: a command line cannot hold one) through
/// `boussole ask --json`, and every `--now` of the corpus.
#[test]
fn the_binary_answers_multiline_questions_and_refuses_bad_clocks_kindly() {
    let index = TempDir::new("hostile-index");
    let ask = |args: &[&str]| boussole_with_index(index.path(), args).output();
    for (name, input) in hostile_corpus() {
        let output = match &input {
            Hostile::Text(text)
                if text.contains('\n') && !text.contains('\0') && text.len() < 100_000 =>
            {
                ask(&["ask", "--json", "--now", NOW, "--", text])
            }
            Hostile::Now(value, _) if !value.contains('\0') => {
                ask(&["ask", "--json", "--now", value, "escape game"])
            }
            _ => continue,
        };
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("internal error"),
            "{name}: {stderr}"
        );
        match input {
            Hostile::Now(_, false) => {
                assert_eq!(output.status.code(), Some(2), "{name}");
                assert!(stderr.contains("invalid --now"), "{name}: {stderr}");
            }
            _ => {
                assert!(output.status.success(), "{name}: {stderr}");
                let answer: serde_json::Value =
                    serde_json::from_slice(&output.stdout).expect("JSON");
                assert!(
                    !answer["reply"].as_str().unwrap_or_default().is_empty(),
                    "{name}"
                );
            }
        }
    }
}
