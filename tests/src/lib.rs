//! Helpers for the end-to-end tests: run the `boussole` binary as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

pub mod fake_telegram;
pub mod targets;

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The bundled data directory.
pub fn data_dir() -> PathBuf {
    repo().join("data")
}

/// The shared question set and press kit, beside the repository.
pub fn shared_dir() -> PathBuf {
    repo().join("../shared")
}

/// Path of the `boussole` binary, (re)built once per test run: `cargo test` builds the
/// binary of another package only as a test harness, so without this the tests could
/// run a stale binary. A no-op build takes a fraction of a second.
pub fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let exe = std::env::current_exe().expect("test executable path");
        // target/<profile>/deps/<test> -> target/<profile>/boussole
        let profile_dir = exe.parent().and_then(Path::parent).expect("target dir");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut build = Command::new(cargo);
        build
            .args([
                "build",
                "--quiet",
                "-p",
                "boussole-bots",
                "--bin",
                "boussole",
            ])
            .current_dir(repo());
        if profile_dir
            .file_name()
            .is_some_and(|name| name == "release")
        {
            build.arg("--release");
        }
        let status = build.status().expect("cargo build");
        assert!(status.success(), "building boussole failed");
        profile_dir.join("boussole")
    })
}

/// A fresh temporary directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// Creates `boussole-<name>-<pid>` in the system's temporary directory.
    pub fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("boussole-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A run of the binary with its own index directory.
pub struct Run {
    command: Command,
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    _index: Option<TempDir>,
}

/// Prepares `boussole ARGS` on the bundled data, with an index in a temporary directory.
pub fn boussole(name: &str, args: &[&str]) -> Run {
    let index = TempDir::new(&format!("index-{name}"));
    let mut run = boussole_with_index(index.path(), args);
    run._index = Some(index);
    run
}

/// Like [`boussole`], with the index in `index` (shared by several runs: built once).
pub fn boussole_with_index(index: &Path, args: &[&str]) -> Run {
    let mut command = Command::new(binary());
    command
        .arg("--index")
        .arg(index)
        .env_remove("BOUSSOLE_DATA")
        .env_remove("BOUSSOLE_INDEX");
    Run {
        command,
        args: args.iter().map(|a| a.to_string()).collect(),
        stdin: None,
        _index: None,
    }
}

impl Run {
    /// Uses another data directory (a global option, placed before the subcommand).
    pub fn data(mut self, dir: &Path) -> Run {
        self.command.arg("--data").arg(dir);
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Run {
        self.command.env(key, value);
        self
    }

    /// Removes an environment variable.
    pub fn without_env(mut self, key: &str) -> Run {
        self.command.env_remove(key);
        self
    }

    /// Feeds standard input.
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Run {
        self.stdin = Some(input.into());
        self
    }

    /// Runs to completion.
    pub fn output(mut self) -> Output {
        use std::io::Write;
        self.command.args(&self.args);
        self.command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.command.spawn().expect("spawn boussole");
        let input = self.stdin.take().unwrap_or_default();
        let mut stdin = child.stdin.take().expect("stdin");
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let output = child.wait_with_output().expect("wait boussole");
        writer.join().expect("stdin writer");
        output
    }

    /// Runs and parses each line of standard output as JSON.
    pub fn json_lines(self) -> Vec<serde_json::Value> {
        let output = self.output();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .expect("UTF-8 output")
            .lines()
            .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
            .collect()
    }
}

/// Copies the bundled data to a temporary directory, for tests that break it. The copy
/// has no gazetteer of its own: the binary falls back to the bundled one.
pub fn data_copy(name: &str) -> TempDir {
    let dir = TempDir::new(&format!("data-{name}"));
    for entry in std::fs::read_dir(data_dir()).expect("data dir") {
        let entry = entry.expect("entry");
        if entry.path().extension().is_some_and(|e| e == "toml") {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
        }
    }
    dir
}

/// One input of the hostile corpus (`tests/hostile/corpus.jsonl`, written by
/// `tests/hostile/generate.py`).
#[derive(Clone, Debug)]
pub enum Hostile {
    /// A message.
    Text(String),
    /// The messages of one conversation.
    Chat(Vec<String>),
    /// A button payload.
    Callback(String),
    /// A shared position.
    Position(f64, f64),
    /// A `--now` value, and whether it is a valid one.
    Now(String, bool),
}

/// The hostile corpus: (name, input) pairs.
pub fn hostile_corpus() -> Vec<(String, Hostile)> {
    let path = repo().join("tests/hostile/corpus.jsonl");
    let text = std::fs::read_to_string(&path).expect("tests/hostile/corpus.jsonl");
    text.lines()
        .map(|line| {
            let entry: serde_json::Value = serde_json::from_str(line).expect("one JSON entry");
            let string = |key: &str| entry[key].as_str().unwrap_or_default().to_string();
            let input = match entry["kind"].as_str() {
                Some("text") => {
                    let times = entry["repeat"].as_u64().unwrap_or(1) as usize;
                    Hostile::Text(string("input").repeat(times))
                }
                Some("chat") => Hostile::Chat(
                    entry["turns"]
                        .as_array()
                        .expect("turns")
                        .iter()
                        .map(|t| t.as_str().unwrap_or_default().to_string())
                        .collect(),
                ),
                Some("callback") => Hostile::Callback(string("input")),
                Some("position") => {
                    let number = |key: &str| string(key).parse::<f64>().expect("a number");
                    Hostile::Position(number("lat"), number("lon"))
                }
                Some("now") => Hostile::Now(string("input"), entry["valid"] == true),
                other => panic!("unknown kind {other:?}"),
            };
            (string("name"), input)
        })
        .collect()
}
