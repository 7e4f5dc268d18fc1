//! Measuring understanding: question sets in the format of `../shared/eval/README.md`,
//! checked against answers, and a baseline to compare with.
//!
//! The baseline is what a developer might do without understanding: the raw question,
//! escaped, given to tantivy's `QueryParser` over the same index, the best hits taken as
//! the answer. The gap between the two scores is what understanding buys.

use serde::Deserialize;
use tantivy::query::QueryParser;

use crate::Boussole;
use crate::answer::reply::{Block, PortraitCard};
use crate::answer::{Answer, EventSummary};
use crate::index::{Hit, Kind};
use crate::text::fold;
use crate::understand::Intent;

/// What a correct answer must contain (all given keys must hold).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The intent.
    pub intent: Option<Intent>,
    /// The first event.
    pub top1: Option<String>,
    /// Every one of these among the first three events.
    pub top3_all: Option<Vec<String>>,
    /// At least one of these among the first three events.
    pub top3_any: Option<Vec<String>>,
    /// Every one of these among the events (first page, at most 10).
    pub include: Option<Vec<String>>,
    /// None of these among the events.
    pub exclude: Option<Vec<String>>,
    /// Exactly these events, in any order.
    pub exactly: Option<Vec<String>>,
    /// No event at all.
    pub no_events: Option<bool>,
    /// Each string in the reply (without case, accents or white space).
    pub reply_has: Option<Vec<String>>,
    /// None of these strings in the reply (compared the same way).
    pub reply_lacks: Option<Vec<String>>,
}

/// One turn of a conversation.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Turn {
    /// The question.
    pub q: String,
    /// What its answer must contain.
    pub expect: Expect,
}

/// One line of a question set: a question, or a conversation of several turns.
#[derive(Clone, Debug)]
pub struct Case {
    /// Line number in the file (from 1).
    pub line: usize,
    /// The clock, RFC 3339.
    pub now: String,
    /// The turns, asked in one conversation.
    pub turns: Vec<Turn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    now: String,
    q: Option<String>,
    expect: Option<Expect>,
    turns: Option<Vec<Turn>>,
}

/// Parses a question set (JSON lines). Fails with the line and what is wrong.
pub fn parse(text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line =
            serde_json::from_str(line).map_err(|err| format!("line {}: {err}", index + 1))?;
        let turns = match (parsed.q, parsed.expect, parsed.turns) {
            (Some(q), Some(expect), None) => vec![Turn { q, expect }],
            (None, None, Some(turns)) if !turns.is_empty() => turns,
            _ => {
                return Err(format!(
                    "line {}: expected either \"q\" and \"expect\", or \"turns\"",
                    index + 1
                ));
            }
        };
        cases.push(Case {
            line: index + 1,
            now: parsed.now,
            turns,
        });
    }
    Ok(cases)
}

/// Text compared without case, accents or white space.
fn squash(text: &str) -> String {
    fold(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// What an answer fails of an expectation (empty when it passes).
pub fn check(expect: &Expect, answer: &Answer) -> Vec<String> {
    let ids: Vec<&str> = answer.events.iter().map(|e| e.id.as_str()).collect();
    let first_ten = &ids[..ids.len().min(10)];
    let top3 = &ids[..ids.len().min(3)];
    let mut failures = Vec::new();
    if let Some(intent) = expect.intent
        && intent != answer.intent
    {
        failures.push(format!("intent {intent:?}, got {:?}", answer.intent));
    }
    if let Some(top1) = &expect.top1
        && ids.first() != Some(&top1.as_str())
    {
        failures.push(format!("top1 {top1}, got {:?}", ids.first()));
    }
    if let Some(all) = &expect.top3_all
        && !all.iter().all(|id| top3.contains(&id.as_str()))
    {
        failures.push(format!("top3_all {all:?}, got {top3:?}"));
    }
    if let Some(any) = &expect.top3_any
        && !any.iter().any(|id| top3.contains(&id.as_str()))
    {
        failures.push(format!("top3_any {any:?}, got {top3:?}"));
    }
    if let Some(include) = &expect.include
        && !include.iter().all(|id| first_ten.contains(&id.as_str()))
    {
        failures.push(format!("include {include:?}, got {first_ten:?}"));
    }
    if let Some(exclude) = &expect.exclude
        && exclude.iter().any(|id| ids.contains(&id.as_str()))
    {
        failures.push(format!("exclude {exclude:?}, got {ids:?}"));
    }
    if let Some(exactly) = &expect.exactly {
        let mut want: Vec<&str> = exactly.iter().map(String::as_str).collect();
        let mut got = ids.clone();
        want.sort_unstable();
        got.sort_unstable();
        if want != got {
            failures.push(format!("exactly {want:?}, got {got:?}"));
        }
    }
    if expect.no_events == Some(true) && !ids.is_empty() {
        failures.push(format!("no events, got {ids:?}"));
    }
    let reply = squash(&answer.reply());
    for wanted in expect.reply_has.iter().flatten() {
        if !reply.contains(&squash(wanted)) {
            failures.push(format!("reply with {wanted:?}"));
        }
    }
    for unwanted in expect.reply_lacks.iter().flatten() {
        if reply.contains(&squash(unwanted)) {
            failures.push(format!("reply without {unwanted:?}"));
        }
    }
    failures
}

/// The baseline's answer: the raw question, escaped, through tantivy's `QueryParser`.
pub fn baseline(boussole: &Boussole, question: &str) -> Answer {
    let empty = Answer {
        intent: Intent::Unknown,
        understood: Default::default(),
        events: Vec::new(),
        facts: Vec::new(),
        portraits: Vec::new(),
        topics: Vec::new(),
        actions: Vec::new(),
        blocks: Vec::new(),
    };
    if question.trim().is_empty() {
        return Answer {
            intent: Intent::Help,
            ..empty
        };
    }
    let hits = baseline_hits(boussole, question);
    let knowledge = boussole.knowledge();
    let events: Vec<EventSummary> = hits
        .iter()
        .filter(|h| h.kind == Kind::Event)
        .filter_map(|h| knowledge.event(&h.id))
        .take(10)
        .map(|e| EventSummary {
            id: e.id.clone(),
            title: e.title.clone(),
            city: crate::answer::places::city(e).to_string(),
            distance_km: None,
            start: e.start_iso(),
        })
        .collect();
    let Some(top) = hits.first() else {
        return empty;
    };
    let (intent, block) = baseline_block(boussole, top, &events);
    Answer {
        intent,
        events,
        blocks: block.into_iter().collect(),
        ..empty
    }
}

/// What a developer's first try finds: the question as a conjunction, or as a
/// disjunction when the conjunction finds nothing.
fn baseline_hits(boussole: &Boussole, question: &str) -> Vec<Hit> {
    let index = boussole.index();
    let escaped = escape(question);
    let mut parser = QueryParser::for_index(index.tantivy_index(), index.text_fields());
    parser.set_conjunction_by_default();
    let (query, _) = parser.parse_query_lenient(&escaped);
    let hits = index.run(&*query, 20);
    if !hits.is_empty() {
        return hits;
    }
    let mut parser = QueryParser::for_index(index.tantivy_index(), index.text_fields());
    parser.set_field_boost(index.text_fields()[0], 3.0);
    let (query, _) = parser.parse_query_lenient(&escaped);
    index.run(&*query, 20)
}

/// The baseline's reply: the text of its best hit.
fn baseline_block(
    boussole: &Boussole,
    top: &Hit,
    events: &[EventSummary],
) -> (Intent, Option<Block>) {
    let knowledge = boussole.knowledge();
    match top.kind {
        Kind::Event => {
            let titles: Vec<&str> = events.iter().map(|e| e.title.as_str()).collect();
            (Intent::Events, Some(Block::text(titles.join("\n"))))
        }
        Kind::Fact => (
            Intent::Facts,
            knowledge.fact(&top.id).map(|f| Block::text(&f.statement)),
        ),
        Kind::Portrait => (
            Intent::Portraits,
            knowledge
                .portrait(&top.id)
                .map(|p| Block::Portrait(PortraitCard::new(p))),
        ),
        Kind::Topic => (
            Intent::About,
            knowledge.topic(&top.id).map(|t| Block::text(&t.text)),
        ),
    }
}

/// Escapes tantivy's query syntax: every special character is taken literally.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "+-&|!(){}[]^\"~*?:\\/'<>=".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectations_are_checked() {
        let answer = Answer {
            intent: Intent::Events,
            understood: Default::default(),
            events: ["a", "b", "c", "d"]
                .iter()
                .map(|id| EventSummary {
                    id: id.to_string(),
                    title: String::new(),
                    city: String::new(),
                    distance_km: None,
                    start: String::new(),
                })
                .collect(),
            facts: Vec::new(),
            portraits: Vec::new(),
            topics: Vec::new(),
            actions: Vec::new(),
            blocks: vec![crate::answer::reply::Block::text(
                "Près de 7 400 événements, le 22 Novembre",
            )],
        };
        let expect: Expect = serde_json::from_str(
            r#"{"intent": "events", "top1": "a", "top3_all": ["b", "c"], "include": ["d"],
                "exclude": ["z"], "reply_has": ["7400", "22 novembre", "evenements"]}"#,
        )
        .unwrap();
        assert!(
            check(&expect, &answer).is_empty(),
            "{:?}",
            check(&expect, &answer)
        );
        let expect: Expect =
            serde_json::from_str(r#"{"top1": "b", "top3_any": ["d"], "no_events": true}"#).unwrap();
        assert_eq!(check(&expect, &answer).len(), 3);
        let expect: Expect =
            serde_json::from_str(r#"{"reply_lacks": ["7 400", "absent"]}"#).unwrap();
        assert_eq!(check(&expect, &answer), ["reply without \"7 400\""]);
    }

    #[test]
    fn question_sets_parse_with_line_numbers() {
        let cases = parse(
            "{\"q\": \"x\", \"now\": \"2024-11-18T09:00:00+01:00\", \"expect\": {}}\n\n\
             {\"now\": \"2024-11-18T09:00:00+01:00\", \"turns\": [{\"q\": \"a\", \"expect\": {}}, {\"q\": \"b\", \"expect\": {}}]}\n",
        )
        .unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!((cases[1].line, cases[1].turns.len()), (3, 2));
        assert!(parse("{\"q\": 1}").unwrap_err().starts_with("line 1:"));
    }

    #[test]
    fn query_syntax_is_escaped() {
        assert_eq!(escape("title:* OR ("), "title\\:\\* OR \\(");
    }
}
