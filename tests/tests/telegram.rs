//! The real `boussole telegram` against a fake Bot API on 127.0.0.1
//! (`TELOXIDE_API_URL`): every hostile update of the corpus is answered, in its own
//! chat, and the bot is still running at the end; its logs hold no user text, no token.

use std::process::{Command, Stdio};
use std::time::Duration;

use boussole_tests::fake_telegram::{Call, FakeTelegram, callback_update, message_update};
use boussole_tests::{Hostile, TempDir, binary, hostile_corpus};
use serde_json::json;

/// Telegram's longest message.
const TELEGRAM_TEXT: usize = 4096;

#[test]
fn the_bot_answers_every_hostile_update_and_keeps_running() {
    let mut updates = Vec::new();
    let mut push = |content: &dyn Fn(i64, i64) -> serde_json::Value| {
        let id = updates.len() as i64 + 1;
        updates.push(content(id, 10_000 + id));
    };
    for (_, input) in hostile_corpus() {
        match input {
            Hostile::Text(text)
                if text.chars().count() <= TELEGRAM_TEXT && !text.trim().is_empty() =>
            {
                push(&|id, chat| message_update(id, chat, json!({"text": text})));
            }
            Hostile::Callback(data) if data.len() <= 64 => {
                push(&|id, chat| callback_update(id, chat, &data));
            }
            Hostile::Position(lat, lon) if lat.is_finite() && lon.is_finite() => {
                let location = json!({"location": {"latitude": lat, "longitude": lon}});
                push(&|id, chat| message_update(id, chat, location.clone()));
            }
            _ => {}
        }
    }
    push(&|id, chat| {
        message_update(
            id,
            chat,
            json!({"sticker": {"file_id": "s", "file_unique_id": "s",
        "type": "regular", "width": 1, "height": 1, "is_animated": false, "is_video": false}}),
        )
    });
    let chats: Vec<i64> = (1..=updates.len() as i64).map(|id| 10_000 + id).collect();
    // Updates of other kinds are ignored, and never logged (teloxide's default prints them).
    let edited = updates.len() as i64 + 1;
    let mut edit = message_update(
        edited,
        1,
        json!({"text": "un secret édité", "edit_date": 1}),
    );
    if let Some(update) = edit.as_object_mut()
        && let Some(message) = update.remove("message")
    {
        update.insert("edited_message".into(), message);
    }
    updates.push(edit);
    let fake = FakeTelegram::start(updates, 20_000, Duration::from_secs(240));
    let index = TempDir::new("telegram-index");
    let mut bot = Command::new(binary())
        .args(["--index"])
        .arg(index.path())
        .args(["telegram", "--now", "2024-11-18T09:00:00+01:00"])
        .env("TELOXIDE_TOKEN", "123456:secret-token")
        .env("TELOXIDE_API_URL", fake.url())
        // 406 chats at once: Telegram's limits (30 messages a second) would take minutes.
        .env("BOUSSOLE_TELEGRAM_THROTTLE", "off")
        .env("BOUSSOLE_LOG", "info")
        .env_remove("BOUSSOLE_TELEGRAM_TOKEN")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("boussole telegram");
    let answered_in = |calls: &[Call], chat: i64| {
        calls.iter().any(|c| {
            matches!(c.method.as_str(), "sendmessage" | "senddocument")
                && (c.body["chat_id"] == chat || c.raw.contains(&format!("\r\n\r\n{chat}\r\n")))
        })
    };
    let answered = |calls: &[Call]| chats.iter().all(|&chat| answered_in(calls, chat));
    let all_answered = fake.wait_until(answered, || bot.try_wait().ok().flatten().is_some());
    let still_running = bot.try_wait().expect("the bot's status").is_none();
    let _ = bot.kill();
    let output = bot.wait_with_output().expect("the bot's logs");
    let logs = String::from_utf8_lossy(&output.stderr);
    let calls = fake.calls();
    let missing = chats
        .iter()
        .filter(|chat| {
            !calls
                .iter()
                .any(|c| c.body["chat_id"] == **chat || c.raw.contains(&chat.to_string()))
        })
        .count();
    assert!(
        all_answered,
        "{missing} of {} updates unanswered; logs:\n{logs}",
        chats.len()
    );
    assert!(still_running, "the bot stopped; logs:\n{logs}");
    assert!(
        !logs.contains("panicked") && !logs.contains("internal error"),
        "{logs}"
    );
    assert!(
        !logs.contains("secret-token"),
        "the token shows in the logs"
    );
    for marker in ["escape game", "DROP TABLE", "lycéens", "secret édité"] {
        assert!(
            !logs.contains(marker),
            "user text {marker:?} in the logs:\n{logs}"
        );
    }
    assert!(calls.iter().any(|c| c.method == "answercallbackquery"));
    for call in calls.iter().filter(|c| c.method == "sendmessage") {
        let text = call.body["text"].as_str().unwrap_or_default();
        assert!(
            !text.is_empty() && text.chars().count() <= TELEGRAM_TEXT,
            "{text:?}"
        );
    }
}
