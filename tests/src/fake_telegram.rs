//! A fake Telegram Bot API on 127.0.0.1, for end-to-end tests of the real binary: it
//! hands out updates through `getUpdates` (prepared, or pushed while the bot runs),
//! records every other call with what it answered, can fail the next sends with
//! prepared errors (429, 500), and stops by itself after a number of requests or a
//! deadline. Never another address.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A call the bot made.
#[derive(Clone, Debug)]
pub struct Call {
    /// The Bot API method, in lower case (`sendmessage`).
    pub method: String,
    /// Its JSON body (`Null` for a multipart one, such as `sendDocument`).
    pub body: Value,
    /// The raw body, as sent.
    pub raw: String,
    /// What the fake answered (`result`): the message sent, `true`…
    pub result: Value,
}

/// An error the fake answers instead of a send: HTTP status and JSON body.
#[derive(Clone, Debug)]
pub struct Fault {
    /// HTTP status.
    pub status: u16,
    /// The Bot API's error object.
    pub body: Value,
}

impl Fault {
    /// 429 Too Many Requests, retry after `seconds`.
    pub fn too_many_requests(seconds: u64) -> Fault {
        Fault {
            status: 429,
            body: json!({"ok": false, "error_code": 429,
                "description": format!("Too Many Requests: retry after {seconds}"),
                "parameters": {"retry_after": seconds}}),
        }
    }

    /// 500 Internal Server Error.
    pub fn server_error() -> Fault {
        Fault {
            status: 500,
            body: json!({"ok": false, "error_code": 500, "description": "Internal Server Error"}),
        }
    }
}

struct State {
    updates: Mutex<Vec<Value>>,
    faults: Mutex<std::collections::VecDeque<Fault>>,
    /// Sends refused with a fault.
    refused: AtomicUsize,
    calls: Mutex<Vec<Call>>,
    requests: AtomicUsize,
    max_requests: usize,
    deadline: Instant,
    stopped: AtomicBool,
}

/// The fake server; it stops when dropped.
pub struct FakeTelegram {
    url: String,
    state: Arc<State>,
}

impl FakeTelegram {
    /// Serves `updates` (each with its `update_id`) until `max_requests` requests have
    /// been answered or `lifetime` has passed.
    pub fn start(updates: Vec<Value>, max_requests: usize, lifetime: Duration) -> FakeTelegram {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
        let url = format!("http://{}/", listener.local_addr().expect("an address"));
        listener.set_nonblocking(true).expect("non-blocking");
        let state = Arc::new(State {
            updates: Mutex::new(updates),
            faults: Mutex::new(Default::default()),
            refused: AtomicUsize::new(0),
            calls: Mutex::new(Vec::new()),
            requests: AtomicUsize::new(0),
            max_requests,
            deadline: Instant::now() + lifetime,
            stopped: AtomicBool::new(false),
        });
        let serving = Arc::clone(&state);
        std::thread::spawn(move || accept(listener, serving));
        FakeTelegram { url, state }
    }

    /// Its address, for `TELOXIDE_API_URL`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Hands `update` out with the next `getUpdates`.
    pub fn push(&self, update: Value) {
        lock(&self.state.updates).push(update);
    }

    /// The next sends (`sendMessage`, `sendDocument`…) fail with `faults`, in order.
    pub fn fail_next_sends(&self, faults: Vec<Fault>) {
        lock(&self.state.faults).extend(faults);
    }

    /// How many sends were refused with a fault.
    pub fn refused(&self) -> usize {
        self.state.refused.load(Ordering::SeqCst)
    }

    /// The calls so far.
    pub fn calls(&self) -> Vec<Call> {
        lock(&self.state.calls).clone()
    }

    /// Waits until `done` holds of the calls, `give_up` says to stop, or the server
    /// stops; whether `done` held.
    pub fn wait_until(
        &self,
        done: impl Fn(&[Call]) -> bool,
        mut give_up: impl FnMut() -> bool,
    ) -> bool {
        while !self.state.over() && !give_up() {
            if done(&self.calls()) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        done(&self.calls())
    }
}

impl Drop for FakeTelegram {
    fn drop(&mut self) {
        self.state.stopped.store(true, Ordering::SeqCst);
    }
}

impl State {
    fn over(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
            || Instant::now() >= self.deadline
            || self.requests.load(Ordering::SeqCst) >= self.max_requests
    }
}

fn accept(listener: TcpListener, state: Arc<State>) {
    while !state.over() {
        match listener.accept() {
            Ok((stream, _)) => {
                let state = Arc::clone(&state);
                std::thread::spawn(move || serve(stream, &state));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

/// Answers the requests of one connection (HTTP/1.1, kept alive) until it closes.
fn serve(stream: TcpStream, state: &State) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut writer = stream;
    while !state.over() {
        let (path, body) = match read_request(&mut reader) {
            Received::Request(path, body) => (path, body),
            Received::Idle => continue,
            Received::Closed => break,
        };
        state.requests.fetch_add(1, Ordering::SeqCst);
        // Method names are case-insensitive: teloxide writes `GetMe`.
        let method = path
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let (status, answer) = respond(state, &method, &body);
        let text = answer.to_string();
        let head = format!(
            "HTTP/1.1 {status} Fake\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            text.len()
        );
        if writer.write_all(head.as_bytes()).is_err() || writer.write_all(text.as_bytes()).is_err()
        {
            break;
        }
    }
    let _ = writer.shutdown(Shutdown::Both);
}

/// What a connection gave.
enum Received {
    /// A request: its path and body (a chunked body decoded).
    Request(String, String),
    /// Nothing for a while (the bot keeps the connection open).
    Idle,
    /// The connection closed, or spoke no HTTP.
    Closed,
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Received {
    let mut line = String::new();
    match reader.read_line(&mut line) {
        Ok(0) => return Received::Closed,
        Ok(_) => {}
        Err(err)
            if matches!(
                err.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            return Received::Idle;
        }
        Err(_) => return Received::Closed,
    }
    match read_rest(reader, &line) {
        Some((path, body)) => Received::Request(path, body),
        None => Received::Closed,
    }
}

/// The headers and body of a request whose first line is `line`.
fn read_rest(reader: &mut BufReader<TcpStream>, line: &str) -> Option<(String, String)> {
    let path = line.split_whitespace().nth(1)?.to_string();
    let (mut length, mut chunked) = (0usize, false);
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("content-length:") {
            length = value.trim().parse().ok()?;
        }
        if lower.starts_with("transfer-encoding:") && lower.contains("chunked") {
            chunked = true;
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).ok()?;
            let size = usize::from_str_radix(size.trim(), 16).ok()?;
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).ok()?;
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else {
        body.resize(length, 0);
        reader.read_exact(&mut body).ok()?;
    }
    Some((path, String::from_utf8_lossy(&body).into_owned()))
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The status and body of the answer to a call.
fn respond(state: &State, method: &str, body: &str) -> (u16, Value) {
    let json: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    if method == "getupdates" {
        let offset = json["offset"].as_i64().unwrap_or(0);
        let pending: Vec<Value> = lock(&state.updates)
            .iter()
            .filter(|u| u["update_id"].as_i64().unwrap_or(0) >= offset)
            .take(50)
            .cloned()
            .collect();
        if pending.is_empty() {
            std::thread::sleep(Duration::from_millis(200)); // a short long poll
        }
        return (200, json!({"ok": true, "result": pending}));
    }
    let sends = method.starts_with("send") && method != "sendchataction";
    if sends && let Some(fault) = lock(&state.faults).pop_front() {
        state.refused.fetch_add(1, Ordering::SeqCst);
        return (fault.status, fault.body);
    }
    let mut calls = lock(&state.calls);
    let id = calls.len() + 1;
    let result = result(method, &json, id);
    calls.push(Call {
        method: method.to_string(),
        body: json,
        raw: body.to_string(),
        result: result.clone(),
    });
    (200, json!({"ok": true, "result": result}))
}

/// The `result` of a successful call; `id` numbers the messages sent.
fn result(method: &str, json: &Value, id: usize) -> Value {
    match method {
        "getme" => json!({"id": 1, "is_bot": true, "first_name": "Boussole",
            "username": "boussole_test_bot", "can_join_groups": true,
            "can_read_all_group_messages": false, "supports_inline_queries": true,
            "can_connect_to_business": false, "has_main_web_app": false}),
        "sendmessage" | "senddocument" | "editmessagetext" | "sendvenue" => {
            let chat = json["chat_id"].as_i64().unwrap_or(1);
            let id = json["message_id"].as_i64().unwrap_or(id as i64);
            json!({"message_id": id, "date": 1_732_176_000,
                "chat": {"id": chat, "type": "private", "first_name": "Élève"},
                "text": json["text"].as_str().unwrap_or("document")})
        }
        _ => json!(true),
    }
}

/// A message update in a private chat of its own (chat and user id `chat`).
pub fn message_update(update_id: i64, chat: i64, content: Value) -> Value {
    let mut message = json!({
        "message_id": update_id, "date": 1_732_176_000,
        "chat": {"id": chat, "type": "private", "first_name": "Élève"},
        "from": {"id": chat, "is_bot": false, "first_name": "Élève"},
    });
    if let (Some(message), Some(content)) = (message.as_object_mut(), content.as_object()) {
        message.extend(content.clone());
    }
    json!({"update_id": update_id, "message": message})
}

/// A button tapped under a message of the bot, in chat `chat`.
pub fn callback_update(update_id: i64, chat: i64, data: &str) -> Value {
    callback_on(update_id, chat, data, 1)
}

/// A button tapped under the bot's message `message_id`, in chat `chat`.
pub fn callback_on(update_id: i64, chat: i64, data: &str, message_id: i64) -> Value {
    json!({"update_id": update_id, "callback_query": {
        "id": format!("callback-{update_id}"), "chat_instance": "instance", "data": data,
        "from": {"id": chat, "is_bot": false, "first_name": "Élève"},
        "message": {"message_id": message_id, "date": 1_732_176_000, "text": "liste",
            "chat": {"id": chat, "type": "private", "first_name": "Élève"},
            "from": {"id": 1, "is_bot": true, "first_name": "Boussole"}}}})
}

/// An inline query (`@bot lycéens brest`) from user `user`.
pub fn inline_update(update_id: i64, user: i64, query: &str, offset: &str) -> Value {
    json!({"update_id": update_id, "inline_query": {
        "id": format!("inline-{update_id}"), "query": query, "offset": offset,
        "from": {"id": user, "is_bot": false, "first_name": "Élève"}}})
}
