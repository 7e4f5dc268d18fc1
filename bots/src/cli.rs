//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Boussole: finds events of La Semaine de l'industrie and answers questions about
/// industry jobs, in French.
#[derive(Debug, Parser)]
#[command(name = "boussole", version, about)]
pub struct Cli {
    /// Data directory (events, facts, portraits, the week, thesaurus).
    #[arg(long, global = true, env = "BOUSSOLE_DATA", default_value = default_data())]
    pub data: PathBuf,

    /// Where built indexes are kept (one subdirectory per data fingerprint).
    #[arg(long, global = true, env = "BOUSSOLE_INDEX", default_value = default_index())]
    pub index: PathBuf,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The data directory of this repository.
pub fn bundled_data() -> PathBuf {
    PathBuf::from(default_data())
}

fn default_data() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../data")
}

fn default_index() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../index")
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answers one question.
    Ask(AskArgs),
    /// Answers questions read from standard input, one a line.
    Chat(ChatArgs),
    /// Lists every loaded event (id, title, city, start).
    List(ListArgs),
    /// Checks the data directory and reports every problem (exit code 1 if any).
    CheckData,
    /// Rebuilds the search index and prints counts and time.
    Index,
    /// Imports events from an export of another source.
    #[command(subcommand)]
    Import(ImportSource),
    /// Prints an event as an iCalendar file (RFC 5545), to add it to a calendar.
    Ics(IcsArgs),
    /// Runs a question set (format of shared/eval/README.md): prints each failure, then
    /// the score, beside the score of a plain-tantivy baseline.
    Eval(EvalArgs),
    /// Answers on Telegram. The bot's token comes from the environment: TELOXIDE_TOKEN
    /// (or BOUSSOLE_TELEGRAM_TOKEN); TELOXIDE_API_URL points it at another Bot API server.
    /// Long polling, or a webhook with --webhook-url and --listen (its secret from
    /// BOUSSOLE_WEBHOOK_SECRET). BOUSSOLE_TELEGRAM_THROTTLE=off turns Telegram's rate
    /// limits off, for a local test server only.
    Telegram(TelegramArgs),
    /// Answers on Discord, in direct messages and when mentioned. The bot's token comes
    /// from the environment: BOUSSOLE_DISCORD_TOKEN (or DISCORD_TOKEN).
    Discord(BotArgs),
    /// Prints a Telegram link that opens the bot on a question, to share on a class's
    /// page or a poster: https://t.me/USERNAME?start=...
    Link(LinkArgs),
}

/// `boussole telegram` and `boussole discord`.
#[derive(Debug, Args)]
pub struct BotArgs {
    #[command(flatten)]
    pub clock: ClockArgs,
}

/// `boussole telegram`.
#[derive(Debug, Args)]
pub struct TelegramArgs {
    #[command(flatten)]
    pub bot: BotArgs,
    /// Webhook mode: the public HTTPS address Telegram posts updates to (with --listen).
    #[arg(long, requires = "listen")]
    pub webhook_url: Option<url::Url>,
    /// Webhook mode: the local address to listen on, e.g. 0.0.0.0:8443.
    #[arg(long, requires = "webhook_url")]
    pub listen: Option<std::net::SocketAddr>,
}

/// `boussole link`.
#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The bot's username, as BotFather gave it (with or without @).
    #[arg(long = "bot")]
    pub bot: String,
    /// The question the link opens on, in French.
    #[arg(required = true)]
    pub question: Vec<String>,
}

/// `boussole import`.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// OpenAgenda: API v2 event lists (array or {"events": ...} pages), the legacy JSON
    /// export, or the OpenDataSoft export (JSON or CSV).
    Openagenda(ImportArgs),
}

/// `boussole import openagenda`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The exported files; several are merged.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The agenda (`GET /v2/agendas/{uid}`), whose schema names the choice fields.
    #[arg(long)]
    pub schema: Option<PathBuf>,
    /// The data directory that receives `events.toml` (default: the one in use).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// `boussole ics`.
#[derive(Debug, Args)]
pub struct IcsArgs {
    /// The event's id (see `boussole list`).
    pub id: String,
    #[command(flatten)]
    pub clock: ClockArgs,
}

/// `boussole eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The question set, JSON lines.
    pub file: PathBuf,
    /// Fails (exit code 1) below this score, in percent.
    #[arg(long, default_value_t = 0.0)]
    pub min: f64,
}

/// The clock option shared by `ask` and `chat`.
#[derive(Debug, Args)]
pub struct ClockArgs {
    /// The current time, RFC 3339 (e.g. 2024-11-18T09:00:00+01:00); default: the system clock.
    #[arg(long)]
    pub now: Option<String>,
}

/// `boussole ask`.
#[derive(Debug, Args)]
pub struct AskArgs {
    /// Prints the answer as JSON (intent, events, reply).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub clock: ClockArgs,
    /// The question, in French.
    #[arg(num_args = 0.., allow_hyphen_values = true)]
    pub question: Vec<String>,
}

/// `boussole chat`.
#[derive(Debug, Args)]
pub struct ChatArgs {
    /// Prints one JSON object a line.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub clock: ClockArgs,
}

/// `boussole list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Prints a JSON array.
    #[arg(long)]
    pub json: bool,
}
