//! Snapshots of the replies to representative questions: what a student reads.
//! Review changes with `cargo insta review` (or `INSTA_UPDATE=always cargo test`, then
//! read the diff).

mod common;

use std::path::Path;

use boussole_core::answer::reply::plain;
use boussole_core::dialogue::Conversation;
use common::{at, boussole};

/// The plain-text replies of a conversation, each under its question.
fn check(name: &str, now: &str, questions: &[&str]) {
    let mut conversation = Conversation::new();
    let transcript = questions
        .iter()
        .map(|q| {
            let answer = boussole().reply(&mut conversation, q, at(now));
            format!("> {q}\n[{:?}]\n{}", answer.intent, answer.reply())
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    insta::assert_snapshot!(name, transcript);
}

const MONDAY: &str = "2024-11-18T09:00:00+01:00";

#[test]
fn a_place() {
    check(
        "place",
        MONDAY,
        &["y a quoi près de Brest pour les lycéens ?"],
    );
}

#[test]
fn a_date() {
    check("date", "2024-11-19T08:00:00+01:00", &["événements demain"]);
}

#[test]
fn a_fact() {
    check(
        "fact",
        MONDAY,
        &["combien de recrutements sont prévus dans l'industrie en 2024 ?"],
    );
}

#[test]
fn a_role_model() {
    check("role_model", MONDAY, &["qui construit des sous-marins ?"]);
}

#[test]
fn no_result() {
    check("no_result", MONDAY, &["près de Lorient", "dans le Cantal"]);
}

#[test]
fn after_the_edition() {
    check(
        "after_the_edition",
        "2025-03-03T10:00:00+01:00",
        &["escape game à Nice"],
    );
}

#[test]
fn help() {
    check(
        "help",
        MONDAY,
        &["", "bonjour", "asdkjh qwpoeiru", "merci, au revoir"],
    );
}

#[test]
fn details_and_pages() {
    check(
        "details",
        MONDAY,
        &["escape game à Nice", "plus d'infos sur le 1"],
    );
    check("pages", MONDAY, &["événements en outre-mer", "le dernier"]);
}

#[test]
fn overseas_local_time() {
    check("overseas", MONDAY, &["en Martinique", "le 1"]);
}

#[test]
fn every_help_example_works() {
    for example in boussole_core::answer::EXAMPLES {
        let answer = boussole().ask(example, at(MONDAY));
        assert_ne!(
            answer.intent,
            boussole_core::understand::Intent::Unknown,
            "{example}"
        );
        assert!(
            !answer.events.is_empty()
                || !answer.facts.is_empty()
                || !answer.portraits.is_empty()
                || !answer.topics.is_empty(),
            "{example}"
        );
    }
}

/// Every answer of both development sets: the JSON `reply` (what the console prints) is
/// the blocks (what chat adapters render), block by block, with nothing added or left
/// out.
#[test]
fn the_reply_is_its_blocks_for_every_development_question() {
    let mut answers = 0;
    let mut seen_also = false;
    for set in ["questions.jsonl", "questions-2.jsonl"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/eval")
            .join(set);
        let text = std::fs::read_to_string(&path).unwrap();
        for case in boussole_core::eval::parse(&text).unwrap() {
            let mut conversation = Conversation::new();
            for turn in &case.turns {
                let answer = boussole().reply(&mut conversation, &turn.q, at(&case.now));
                let json = serde_json::to_value(&answer).unwrap();
                let rendered: Vec<String> = answer
                    .blocks
                    .iter()
                    .map(|b| plain(std::slice::from_ref(b)))
                    .collect();
                assert!(!rendered.is_empty(), "{}: no block", turn.q);
                assert_eq!(json["reply"], rendered.join("\n\n"), "{}", turn.q);
                assert_eq!(json["blocks"].as_array().unwrap().len(), rendered.len());
                seen_also |= rendered.iter().any(|b| b == "À savoir aussi :");
                answers += 1;
            }
        }
    }
    assert!(answers >= 200, "{answers} answers");
    assert!(seen_also, "no answer of the sets shows « À savoir aussi »");
}
