//! The terminal adapter: `ask`, `chat` and `list` output.
//!
//! Like the chat adapters, it only translates: a line of input becomes a core call, the
//! core's answer becomes text or JSON. Questions are never written to disk: the
//! interactive history lives in memory for the session only.

use std::io::{IsTerminal, Write};

use boussole_core::Boussole;
use boussole_core::answer::Answer;
use boussole_core::dialogue::Conversation;
use boussole_core::model::Knowledge;
use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use tokio::io::AsyncBufReadExt;

/// Prints one answer, as text or as one line of JSON.
pub fn print_answer(answer: &Answer, json: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, answer)?;
        writeln!(out)?;
    } else {
        writeln!(out, "{}", answer.reply)?;
    }
    out.flush()?;
    Ok(())
}

/// Answers questions from standard input until it ends: with a prompt and line editing
/// in a terminal, one question a line when piped.
pub async fn chat(
    boussole: &Boussole,
    now: DateTime<FixedOffset>,
    json: bool,
) -> anyhow::Result<()> {
    if std::io::stdin().is_terminal() && !json {
        return interactive(boussole, now);
    }
    let mut input = tokio::io::BufReader::new(tokio::io::stdin());
    let mut line = Vec::new();
    let mut conversation = Conversation::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        // Invalid UTF-8 is replaced, not fatal: every line gets an answer.
        let question = String::from_utf8_lossy(&line);
        print_answer(&boussole.reply(&mut conversation, &question, now), json)?;
        if !json {
            println!();
        }
    }
}

fn interactive(boussole: &Boussole, now: DateTime<FixedOffset>) -> anyhow::Result<()> {
    use rustyline::error::ReadlineError;
    let mut editor = rustyline::DefaultEditor::new()?;
    let mut conversation = Conversation::new();
    println!(
        "Boussole — pose ta question (Ctrl-D pour quitter). Par exemple : « {} »",
        boussole_core::answer::EXAMPLES[0]
    );
    loop {
        match editor.readline("> ") {
            Ok(line) => {
                if !line.trim().is_empty() {
                    editor.add_history_entry(line.as_str())?;
                }
                println!("{}\n", boussole.reply(&mut conversation, &line, now).reply);
            }
            Err(ReadlineError::Interrupted | ReadlineError::Eof) => return Ok(()),
            Err(err) => return Err(err.into()),
        }
    }
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    title: &'a str,
    city: &'a str,
    start: String,
}

/// Prints every event: a JSON array, or one line each.
pub fn print_events(knowledge: &Knowledge, json: bool) -> anyhow::Result<()> {
    let listed: Vec<Listed> = knowledge
        .events
        .iter()
        .map(|e| Listed {
            id: &e.id,
            title: &e.title,
            city: e.city(),
            start: e.start_iso(),
        })
        .collect();
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &listed)?;
        writeln!(out)?;
    } else {
        for e in &listed {
            writeln!(
                out,
                "{:<26} {:<22} {}  ({})",
                e.start, e.city, e.title, e.id
            )?;
        }
        writeln!(out, "{} events", listed.len())?;
    }
    Ok(())
}
