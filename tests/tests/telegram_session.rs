//! The real `boussole telegram`, run as a user runs it (Telegram's rate limits on),
//! against a fake Bot API on 127.0.0.1 (`TELOXIDE_API_URL`): one student's session, from
//! `/start` to a calendar file, with a 429 and a 500 on the first sends. Every request is
//! checked against Telegram's limits; the token never shows.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use boussole_tests::fake_telegram::{
    Call, FakeTelegram, Fault, callback_on, inline_update, message_update,
};
use boussole_tests::{TempDir, binary};
use serde_json::{Value, json};

const TOKEN: &str = "123456:SESSION-secret-token";
const CHAT: i64 = 4242;

/// The bot, started on the fake.
fn start(fake: &FakeTelegram, index: &TempDir) -> Child {
    Command::new(binary())
        .args(["--index"])
        .arg(index.path())
        .args(["telegram", "--now", "2024-11-18T09:00:00+01:00"])
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", fake.url())
        .env("BOUSSOLE_LOG", "debug")
        .env_remove("BOUSSOLE_TELEGRAM_TOKEN")
        .env_remove("BOUSSOLE_TELEGRAM_THROTTLE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("boussole telegram")
}

/// The messages sent in the chat, in order.
fn sent(calls: &[Call]) -> Vec<&Call> {
    calls
        .iter()
        .filter(|c| c.method == "sendmessage" && c.body["chat_id"] == CHAT)
        .collect()
}

/// The callback data of the button labelled `label` under a sent message.
fn button(call: &Call, label: &str) -> String {
    let rows = call.body["reply_markup"]["inline_keyboard"]
        .as_array()
        .unwrap_or_else(|| panic!("no inline keyboard under {}", call.body));
    rows.iter()
        .flat_map(|row| row.as_array().into_iter().flatten())
        .find(|b| b["text"] == label)
        .and_then(|b| b["callback_data"].as_str())
        .unwrap_or_else(|| panic!("no {label:?} button under {}", call.body))
        .to_string()
}

/// Waits until `count` messages were sent in the chat, or the bot stops.
fn wait_for_messages(fake: &FakeTelegram, bot: &mut Child, count: usize) -> bool {
    fake.wait_until(
        |calls| sent(calls).len() >= count,
        || bot.try_wait().ok().flatten().is_some(),
    )
}

fn text(call: &Call) -> &str {
    call.body["text"].as_str().unwrap_or_default()
}

#[test]
fn a_students_session_on_telegram() {
    let deep_link = "evenements_pres_de_brest_pour_lyceens";
    let updates = vec![
        message_update(1, CHAT, json!({"text": "/start"})),
        message_update(2, CHAT, json!({"text": format!("/start {deep_link}")})),
        message_update(3, CHAT, json!({"text": "un escape game à Nice ?"})),
        message_update(4, CHAT, json!({"text": "des visites d'entreprise"})),
        message_update(
            5,
            CHAT,
            json!({"location": {"latitude": 48.39, "longitude": -4.49}}),
        ),
        inline_update(6, CHAT, "lycéens brest", ""),
    ];
    let fake = FakeTelegram::start(updates, 3_000, Duration::from_secs(150));
    // The first two sends fail: the answers still come, once each.
    fake.fail_next_sends(vec![Fault::too_many_requests(1), Fault::server_error()]);
    let index = TempDir::new("telegram-session-index");
    let mut bot = start(&fake, &index);
    let started = Instant::now();
    let first = wait_for_messages(&fake, &mut bot, 5);
    let inline = fake.wait_until(
        |calls| calls.iter().any(|c| c.method == "answerinlinequery"),
        || bot.try_wait().ok().flatten().is_some(),
    );

    let calls = fake.calls();
    let messages = sent(&calls);
    assert!(
        first && inline,
        "{} messages after {:?}",
        messages.len(),
        started.elapsed()
    );
    // "Détails du 1" on the Nice list, pressed after another list; the next page of
    // the visits, turned in place.
    let nice = messages[2];
    let visits = messages[3];
    let visits_id = visits.result["message_id"].as_i64().unwrap();
    fake.push(callback_on(7, CHAT, &button(nice, "Détails du 1"), 3));
    fake.push(callback_on(8, CHAT, &button(visits, "Suivants"), visits_id));
    let more = fake.wait_until(
        |calls| sent(calls).len() >= 6 && calls.iter().any(|c| c.method == "editmessagetext"),
        || bot.try_wait().ok().flatten().is_some(),
    );
    assert!(more, "no details or no page turned");
    let calls = fake.calls();
    let details = *sent(&calls).last().unwrap();
    fake.push(callback_on(
        9,
        CHAT,
        &button(details, "Ajouter à mon agenda"),
        6,
    ));
    let calendar = fake.wait_until(
        |calls| calls.iter().any(|c| c.method == "senddocument"),
        || bot.try_wait().ok().flatten().is_some(),
    );
    let still_running = bot.try_wait().expect("the bot's status").is_none();
    let _ = bot.kill();
    let output = bot.wait_with_output().expect("the bot's output");
    let logs = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(calendar && still_running, "logs:\n{logs}");
    assert_eq!(fake.refused(), 2, "the faults were not met");
    check_session(&fake.calls(), deep_link);
    assert!(
        !logs.contains("SESSION-secret-token"),
        "the token shows:\n{logs}"
    );
    assert!(
        !logs.contains("escape game"),
        "user text in the logs:\n{logs}"
    );
}

/// What the session must show, call by call.
fn check_session(calls: &[Call], deep_link: &str) {
    let commands = calls
        .iter()
        .find(|c| c.method == "setmycommands")
        .expect("the commands menu");
    let names: Vec<&str> = commands.body["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["command"].as_str().unwrap())
        .collect();
    for name in [
        "start",
        "aide",
        "evenements",
        "chiffres",
        "metiers",
        "semaine",
        "oublie",
    ] {
        assert!(names.contains(&name), "{names:?}");
    }
    let messages = sent(calls);
    // Each answer once, despite the 429 and the 500.
    let hellos = messages
        .iter()
        .filter(|m| text(m).starts_with("Bonjour"))
        .count();
    assert_eq!(hellos, 1, "the welcome was sent {hellos} times");
    let start = messages[0];
    assert_eq!(
        start.body["reply_markup"]["keyboard"][0][0]["request_location"], true,
        "{}",
        start.body
    );
    assert!(
        text(messages[1]).contains("Brest Indus"),
        "deep link {deep_link}: {}",
        text(messages[1])
    );
    let nice = messages[2];
    assert_eq!(nice.body["parse_mode"], "HTML");
    assert!(text(nice).contains("<b>1. Escape Game"), "{}", text(nice));
    assert!(
        text(messages[4]).contains("Brest"),
        "position: {}",
        text(messages[4])
    );
    let details = messages.last().unwrap();
    assert!(text(details).contains("Escape Game"), "{}", text(details));
    let edit = calls
        .iter()
        .find(|c| c.method == "editmessagetext")
        .unwrap();
    assert_eq!(edit.body["message_id"], messages[3].result["message_id"]);
    assert!(edit.body["text"].as_str().unwrap().contains("<b>6. "));
    check_inline(calls);
    check_limits(calls);
}

fn check_inline(calls: &[Call]) {
    let inline = calls
        .iter()
        .find(|c| c.method == "answerinlinequery")
        .unwrap();
    let results = inline.body["results"].as_array().unwrap();
    assert!(!results.is_empty() && results.len() <= 50);
    for result in results {
        assert_eq!(result["type"], "article");
        assert!(result["id"].as_str().unwrap().len() <= 64);
        assert!(!result["title"].as_str().unwrap().is_empty());
        assert!(
            !result["description"]
                .as_str()
                .unwrap_or_default()
                .is_empty()
        );
        let card = &result["input_message_content"];
        assert_eq!(card["parse_mode"], "HTML");
        assert!(card["message_text"].as_str().unwrap().contains("<a href="));
    }
    assert!(
        results[0]["title"].as_str().unwrap().contains("Brest"),
        "{}",
        results[0]
    );
}

/// Telegram's limits on every request.
fn check_limits(calls: &[Call]) {
    for call in calls {
        if let Some(text) = call.body["text"].as_str() {
            assert!(!text.is_empty() && text.encode_utf16().count() <= 4096);
        }
        for row in call.body["reply_markup"]["inline_keyboard"]
            .as_array()
            .into_iter()
            .flatten()
        {
            for button in row.as_array().into_iter().flatten() {
                let data = button["callback_data"].as_str().unwrap_or_default();
                assert!(data.len() <= 64, "{data}");
            }
        }
        let answered: &Value = &call.body["callback_query_id"];
        assert!(call.method != "answercallbackquery" || answered.is_string());
    }
}
