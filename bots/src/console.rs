//! The terminal adapter: `ask`, `chat` and `list` output.
//!
//! Like the chat adapters, it only translates: a line of input becomes a core call, the
//! core's answer becomes text or JSON. Questions are never written to disk: the
//! interactive history lives in memory for the session only.

use std::io::{IsTerminal, Write};

use boussole_core::answer::{self, Answer};
use boussole_core::command::Command;
use boussole_core::dialogue::Conversation;
use boussole_core::model::Knowledge;
use boussole_core::{Boussole, Outcome, Turn};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use tokio::io::AsyncBufReadExt;

/// Answers one message of a conversation. A panic inside Boussole (a bug) answers
/// [`answer::trouble`] and starts the conversation afresh: a session never ends on one
/// message.
pub fn reply(
    boussole: &Boussole,
    conversation: &mut Conversation,
    question: &str,
    now: DateTime<FixedOffset>,
) -> Answer {
    let turn = match Command::parse(question) {
        Some((command, rest)) => Turn::Command(command, rest.to_string()),
        None => Turn::Text(question.to_string()),
    };
    let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        boussole.take(conversation, turn, now)
    }));
    match answered {
        Ok(Outcome::Answer(answer)) => *answer,
        // A text or a command never gives a file or a pin; a panic is answered kindly.
        Ok(Outcome::Calendar { .. } | Outcome::Venue(_)) | Err(_) => {
            *conversation = Conversation::new();
            answer::trouble()
        }
    }
}

/// Prints one answer, as text or as one line of JSON.
pub fn print_answer(answer: &Answer, json: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, answer)?;
        writeln!(out)?;
    } else {
        writeln!(out, "{}", answer.reply())?;
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
    while read_line(&mut input, &mut line).await? {
        // Invalid UTF-8 is replaced, not fatal: every line gets an answer.
        let question = String::from_utf8_lossy(&line);
        print_answer(&reply(boussole, &mut conversation, &question, now), json)?;
        if !json {
            println!();
        }
    }
    Ok(())
}

/// Most bytes of a line kept: far more than a question is read (the rest of a longer
/// line is skipped, so that memory stays bounded whatever the input).
const LINE_BYTES: usize = 64 * 1024;

/// Reads the next line into `line` (at most [`LINE_BYTES`] of it, without its end);
/// `false` at the end of the input.
async fn read_line(
    input: &mut (impl tokio::io::AsyncBufRead + Unpin),
    line: &mut Vec<u8>,
) -> std::io::Result<bool> {
    line.clear();
    let mut read_any = false;
    loop {
        let buffer = input.fill_buf().await?;
        if buffer.is_empty() {
            return Ok(read_any);
        }
        read_any = true;
        let (piece, end) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (&buffer[..at], Some(at + 1)),
            None => (buffer, None),
        };
        let room = LINE_BYTES.saturating_sub(line.len());
        line.extend_from_slice(&piece[..piece.len().min(room)]);
        let used = end.unwrap_or(buffer.len());
        input.consume(used);
        if end.is_some() {
            return Ok(true);
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
                println!(
                    "{}\n",
                    reply(boussole, &mut conversation, &line, now).reply()
                );
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
            city: boussole_core::answer::places::city(e),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn lines_are_read_whole_up_to_a_bound_then_skipped() {
        let long = "a".repeat(LINE_BYTES * 3);
        let text = format!("escape game\n{long}\nsuivants");
        let mut input = tokio::io::BufReader::with_capacity(1024, text.as_bytes());
        let mut line = Vec::new();
        let mut lines = Vec::new();
        while read_line(&mut input, &mut line).await.unwrap() {
            lines.push(String::from_utf8_lossy(&line).into_owned());
        }
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "escape game");
        assert_eq!(lines[1].len(), LINE_BYTES);
        assert_eq!(lines[2], "suivants");
        let mut empty: &[u8] = b"";
        assert!(!read_line(&mut empty, &mut line).await.unwrap());
    }
}
