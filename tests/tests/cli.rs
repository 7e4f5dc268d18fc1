//! The `boussole` binary, run as a user runs it.

use boussole_tests::{TempDir, boussole, data_copy};

const NOW: &str = "2024-11-18T09:00:00+01:00";

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn ask_json_follows_the_eval_contract() {
    let answers = boussole(
        "ask-json",
        &[
            "ask",
            "--json",
            "--now",
            NOW,
            "événements près de Brest pour lycéens",
        ],
    )
    .json_lines();
    assert_eq!(answers.len(), 1);
    let answer = &answers[0];
    assert_eq!(answer["intent"], "events");
    let first = &answer["events"][0];
    assert_eq!(first["id"], "brest-industy-9361782");
    assert_eq!(first["title"], "Brest Indus'Ty");
    assert_eq!(first["city"], "Brest");
    assert_eq!(first["start"], "2024-11-21");
    assert!(
        answer["reply"]
            .as_str()
            .unwrap()
            .contains("jeudi 21 novembre 2024")
    );
}

#[test]
fn ask_json_lists_no_events_as_an_empty_list() {
    let answers = boussole(
        "ask-empty",
        &[
            "ask",
            "--json",
            "--now",
            NOW,
            "combien de sessions de job dating ?",
        ],
    )
    .json_lines();
    assert_eq!(answers[0]["events"], serde_json::json!([]));
    assert!(answers[0]["reply"].as_str().unwrap().contains("831"));
}

/// The console takes the chat commands too, as commands (not as questions).
#[test]
fn the_console_takes_commands() {
    let answers = boussole(
        "ask-command",
        &["ask", "--json", "--now", NOW, "/chiffres", "salaires"],
    )
    .json_lines();
    assert_eq!(answers[0]["intent"], "facts", "{}", answers[0]);
    let week = boussole("ask-week", &["ask", "--json", "--now", NOW, "/semaine"]).json_lines();
    assert_eq!(week[0]["intent"], "about", "{}", week[0]);
}

#[test]
fn ask_in_text_prints_the_reply() {
    let output = boussole("ask-text", &["ask", "--now", NOW, "escape", "game"]).output();
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.contains("Escape Game de la Métallurgie azuréenne"),
        "{text}"
    );
    assert!(text.contains("https://openagenda.com/"), "{text}");
}

#[test]
fn an_empty_question_gets_help() {
    let answers = boussole("ask-help", &["ask", "--json", "--now", NOW, ""]).json_lines();
    assert_eq!(answers[0]["intent"], "help");
    assert!(
        answers[0]["reply"]
            .as_str()
            .unwrap()
            .contains("Essaie par exemple")
    );
}

#[test]
fn chat_json_answers_each_line() {
    let answers = boussole("chat-json", &["chat", "--json", "--now", NOW])
        .stdin("bonjour\nescape game\ncombien d'emplois sont à pourvoir ?\n\nmerci !\n")
        .json_lines();
    let intents: Vec<&str> = answers
        .iter()
        .map(|a| a["intent"].as_str().unwrap())
        .collect();
    assert_eq!(intents, ["greeting", "events", "facts", "help", "thanks"]);
}

#[test]
fn chat_survives_hostile_lines() {
    let mut input = Vec::new();
    input.extend_from_slice("usine ".repeat(20_000).as_bytes()); // 120 KB on one line
    input.push(b'\n');
    input.extend_from_slice(b"\xff\xfe invalid utf-8 usine\n");
    input.extend_from_slice("\u{0}\u{1b}[2J\u{7}\n".as_bytes());
    input.extend_from_slice("🏭🏭🏭\n".as_bytes());
    input.extend_from_slice("\u{202E}\u{200B}title:* OR (\n".as_bytes());
    let answers = boussole("chat-hostile", &["chat", "--json", "--now", NOW])
        .stdin(input)
        .json_lines();
    assert_eq!(answers.len(), 5);
    for answer in &answers {
        assert!(!answer["reply"].as_str().unwrap().is_empty());
    }
    assert!(
        answers[0]["reply"]
            .as_str()
            .unwrap()
            .contains("très longue")
    );
}

#[test]
fn chat_in_text_separates_answers() {
    let output = boussole("chat-text", &["chat", "--now", NOW])
        .stdin("aide\nmerci\n")
        .output();
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("Je suis Boussole"), "{text}");
    assert!(text.contains("Avec plaisir"), "{text}");
}

#[test]
fn an_invalid_clock_is_an_error_with_exit_code_2() {
    let output = boussole("bad-now", &["ask", "--now", "demain", "escape game"]).output();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("invalid --now \"demain\""),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn broken_data_is_an_error_naming_file_record_and_field() {
    let data = data_copy("broken");
    let events = data.path().join("events.toml");
    let text = std::fs::read_to_string(&events).unwrap();
    std::fs::write(
        &events,
        text.replacen("start = \"2024-11-21\"", "start = \"jeudi\"", 1),
    )
    .unwrap();

    let output = boussole("broken-ask", &["ask", "escape game"])
        .data(data.path())
        .output();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("events.toml"), "{err}");
    assert!(
        err.contains("event #2 (visite-des-ateliers-turbines"),
        "{err}"
    );
    assert!(err.contains("field `start`"), "{err}");

    let output = boussole("broken-check", &["check-data"])
        .data(data.path())
        .output();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("1 problem(s) found"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_missing_data_directory_is_an_error() {
    let missing = TempDir::new("missing");
    let output = boussole("missing", &["ask", "x"])
        .data(&missing.path().join("nope"))
        .output();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not found"), "{}", stderr(&output));
}

#[test]
fn check_data_passes_on_the_bundled_data() {
    let output = boussole("check", &["check-data"]).output();
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(stdout(&output).contains("19 events"), "{}", stdout(&output));
}

#[test]
fn list_json_has_every_event() {
    let output = boussole("list", &["list", "--json"]).output();
    assert!(output.status.success());
    let events: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 19);
    for event in events {
        for key in ["id", "title", "city", "start"] {
            assert!(event[key].is_string(), "{event}");
        }
    }
}

#[test]
fn index_prints_counts_and_time() {
    let output = boussole("index", &["index"]).output();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Index built in"), "{text}");
    assert!(text.contains("19 events"), "{text}");
}

#[test]
fn the_index_is_reused_while_the_data_is_unchanged() {
    let index = TempDir::new("reuse");
    let data = data_copy("reuse");
    let run = |question: &str| {
        let output = std::process::Command::new(boussole_tests::binary())
            .arg("--index")
            .arg(index.path())
            .arg("--data")
            .arg(data.path())
            .args(["ask", "--now", NOW, question])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
    };
    let built = || -> Vec<(String, std::time::SystemTime)> {
        let mut dirs: Vec<_> = std::fs::read_dir(index.path())
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                let ready = std::fs::metadata(e.path().join("READY")).unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    ready.modified().unwrap(),
                )
            })
            .collect();
        dirs.sort();
        dirs
    };
    run("escape game");
    let first = built();
    assert_eq!(first.len(), 1);
    run("biomasse");
    assert_eq!(built(), first, "unchanged data reuses the index");

    let facts = data.path().join("facts.toml");
    let text = std::fs::read_to_string(&facts).unwrap();
    std::fs::write(&facts, format!("{text}\n# edited\n")).unwrap();
    run("escape game");
    let second = built();
    assert_eq!(second.len(), 1, "the old index is removed");
    assert_ne!(second[0].0, first[0].0, "changed data gets a new index");
}

#[test]
fn ask_json_gives_distances_for_a_place() {
    let answers = boussole(
        "ask-near",
        &["ask", "--json", "--now", NOW, "à moins de 80 km de Quimper"],
    )
    .json_lines();
    let answer = &answers[0];
    assert_eq!(answer["understood"]["place"], "Quimper (29)");
    assert_eq!(answer["understood"]["radius_km"], 80.0);
    assert_eq!(answer["events"].as_array().unwrap().len(), 1);
    let distance = answer["events"][0]["distance_km"].as_f64().unwrap();
    assert!((50.0..56.0).contains(&distance), "{distance}");
}

#[test]
fn a_data_set_without_a_gazetteer_uses_the_bundled_one() {
    let data = data_copy("no-gazetteer");
    assert!(!data.path().join("gazetteer").exists());
    let output = boussole("no-gazetteer", &["ask", "--now", NOW, "près de Brest"])
        .data(data.path())
        .output();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Brest Indus'Ty"));
}

#[test]
fn chat_json_keeps_the_conversation() {
    let answers = boussole("chat-conversation", &["chat", "--json", "--now", NOW])
        .stdin("escape game à Nice\nplus d'infos sur le 1\névénements près de Brest\net à Caen ?\n")
        .json_lines();
    assert_eq!(answers[1]["intent"], "event_details");
    assert_eq!(
        answers[1]["events"][0]["id"],
        "escape-game-de-la-metallurgie-azureenne"
    );
    assert!(
        answers[1]["reply"]
            .as_str()
            .unwrap()
            .contains("Mission Locale")
    );
    assert_eq!(answers[3]["events"][0]["id"], "90204075");
    assert_eq!(answers[3]["understood"]["place"], "Caen (14)");
}

#[test]
fn eval_prints_failures_and_the_scores() {
    let set = TempDir::new("eval-set");
    let file = set.path().join("questions.jsonl");
    std::fs::write(
        &file,
        concat!(
            r#"{"q": "escape game à Nice", "now": "2024-11-18T09:00:00+01:00", "expect": {"intent": "events", "top1": "escape-game-de-la-metallurgie-azureenne"}}"#,
            "\n",
            r#"{"q": "escape game à Nice", "now": "2024-11-18T09:00:00+01:00", "expect": {"top1": "brest-industy-9361782"}}"#,
            "\n"
        ),
    )
    .unwrap();
    let path = file.to_string_lossy().into_owned();
    let output = boussole("eval", &["eval", &path]).output();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("FAIL line 2: \"escape game à Nice\""),
        "{text}"
    );
    assert!(
        text.contains("expected top1 brest-industy-9361782"),
        "{text}"
    );
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("boussole: 1/2 = 50.0 %"),
        "{text}"
    );
    assert!(text.contains("baseline (raw question"), "{text}");
    let output = boussole("eval-min", &["eval", "--min", "95", &path]).output();
    assert_eq!(output.status.code(), Some(1));
    let broken = set.path().join("broken.jsonl");
    std::fs::write(&broken, "{\"q\": \n").unwrap();
    let output = boussole("eval-broken", &["eval", &broken.to_string_lossy()]).output();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("line 1"), "{}", stderr(&output));
}

#[test]
fn the_shared_question_set_passes() {
    let set = boussole_tests::shared_dir().join("eval/questions.jsonl");
    if !set.is_file() {
        eprintln!("{} not found: skipped", set.display());
        return;
    }
    let output = boussole(
        "eval-shared",
        &["eval", "--min", "95", &set.to_string_lossy()],
    )
    .output();
    assert!(output.status.success(), "{}", stdout(&output));
}

#[test]
fn chat_json_follow_ups_page_widen_and_refine() {
    let answers = boussole("chat-follow-ups", &["chat", "--json", "--now", NOW])
        .stdin("événements\nsuivants\nle 6\nprès de Quimper\nplus loin\net pour les collégiens ?\nmerci\n")
        .json_lines();
    let intents: Vec<&str> = answers
        .iter()
        .map(|a| a["intent"].as_str().unwrap())
        .collect();
    assert_eq!(
        intents,
        [
            "events",
            "events",
            "event_details",
            "events",
            "events",
            "events",
            "thanks"
        ]
    );
    assert_eq!(answers[1]["events"].as_array().unwrap().len(), 5);
    assert_eq!(
        answers[2]["events"][0]["id"], answers[1]["events"][0]["id"],
        "le 6 is the first of page 2"
    );
    assert_eq!(answers[4]["understood"]["radius_km"], 60.0);
    assert_eq!(answers[4]["events"][0]["id"], "brest-industy-9361782");
    assert_eq!(answers[5]["understood"]["audiences"][0], "collegiens");
    assert!(
        answers[0]["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "next")
    );
    assert!(
        answers[2]["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["kind"] == "calendar")
    );
}

#[test]
fn ics_prints_a_calendar_file() {
    let output = boussole("ics", &["ics", "--now", NOW, "brest-industy-9361782"]).output();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("DTSTART;VALUE=DATE:20241121\r\n"), "{text}");
    let output = boussole("ics-missing", &["ics", "nope"]).output();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no event has the id \"nope\""));
}

#[test]
fn an_imported_agenda_is_served_and_reimporting_changes_nothing() {
    let events = boussole_tests::shared_dir().join("openagenda/albi-events.v2.json");
    let agenda = boussole_tests::shared_dir().join("openagenda/albi-agenda.v2.json");
    if !events.is_file() {
        eprintln!("{} not found: skipped", events.display());
        return;
    }
    let out = TempDir::new("import-out");
    let (events, agenda, out_dir) = (
        events.to_string_lossy().into_owned(),
        agenda.to_string_lossy().into_owned(),
        out.path().to_string_lossy().into_owned(),
    );
    let args = [
        "import",
        "openagenda",
        events.as_str(),
        "--schema",
        agenda.as_str(),
        "--out",
        out_dir.as_str(),
    ];
    let output = boussole("import", &args).output();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("75 events imported, 0 skipped"),
        "{}",
        stdout(&output)
    );
    // Piped: no progress bar in the output.
    assert!(
        !stderr(&output).contains("import des événements"),
        "{}",
        stderr(&output)
    );
    let first = std::fs::read(out.path().join("events.toml")).unwrap();
    let output = boussole("import-again", &args).output();
    assert!(output.status.success());
    assert_eq!(
        std::fs::read(out.path().join("events.toml")).unwrap(),
        first,
        "idempotent"
    );

    // A question about that agenda, on the imported data set (bundled knowledge beside).
    let answers = boussole(
        "import-ask",
        &[
            "ask",
            "--json",
            "--now",
            "2023-11-20T10:00:00+01:00",
            "une conférence à Albi",
        ],
    )
    .data(out.path())
    .json_lines();
    assert_eq!(answers[0]["intent"], "events");
    assert_eq!(answers[0]["events"][0]["city"], "Albi");

    // A bad file leaves the data set as it was.
    let bad = out.path().join("bad.json");
    std::fs::write(&bad, "[{\"uid\": 1, \"title\": ").unwrap();
    let bad = bad.to_string_lossy().into_owned();
    let output = boussole(
        "import-bad",
        &[
            "import",
            "openagenda",
            bad.as_str(),
            "--out",
            out_dir.as_str(),
        ],
    )
    .output();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("truncated JSON"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read(out.path().join("events.toml")).unwrap(),
        first
    );
}

#[test]
fn the_bots_take_their_tokens_from_the_environment_and_never_show_them() {
    for (command, variables) in [
        ("telegram", ["TELOXIDE_TOKEN", "BOUSSOLE_TELEGRAM_TOKEN"]),
        ("discord", ["BOUSSOLE_DISCORD_TOKEN", "DISCORD_TOKEN"]),
    ] {
        let output = boussole(command, &[command])
            .without_env(variables[0])
            .without_env(variables[1])
            .output();
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains(&format!("set {} or {}", variables[0], variables[1])),
            "{}",
            stderr(&output)
        );
    }
    // A malformed Discord token is refused at once, and not repeated.
    let output = boussole("discord-bad", &["discord"])
        .env("BOUSSOLE_DISCORD_TOKEN", "not-a-token-7f3a")
        .env("BOUSSOLE_LOG", "debug")
        .output();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a bot token"),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("7f3a"), "{}", stderr(&output));
    // Telegram: whatever the network does (no network here: an error; a network: a
    // refusal of this fake token), the token never reaches the logs.
    let output = boussole("telegram-fake", &["telegram"])
        .env("BOUSSOLE_TELEGRAM_TOKEN", "123456:fake-secret-9c2e")
        .env("BOUSSOLE_LOG", "debug")
        .output();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!stderr(&output).contains("9c2e"), "{}", stderr(&output));
    assert!(!stdout(&output).contains("9c2e"));
}
