//! `boussole`: the command line, and the adapters' entry point.
//!
//! `main` only wires things together: it parses the command line, sets up logging, reads
//! the clock (the only place that does), loads the data and the index, and hands over to
//! the command. Every error ends here as a message and an exit code.

mod chats;
mod cli;
mod console;
mod discord;
mod evaluate;
mod import;
mod progress;
mod split;
mod telegram;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use boussole_core::Boussole;
use boussole_core::index::{Origin, SearchIndex};
use boussole_core::load::{self, DataError};
use chrono::{DateTime, FixedOffset};
use clap::Parser;

use crate::cli::{Cli, Command};

/// Exit code when the data has problems (`check-data`).
const EXIT_PROBLEMS: u8 = 1;
/// Exit code for errors: bad arguments, unreadable data, broken index.
const EXIT_ERROR: u8 = 2;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        eprintln!("{}", panic_report(location.as_deref()));
    }));
    match run(cli).await {
        Ok(code) => code,
        Err(err) => {
            eprintln!("boussole: error: {err:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// What a panic prints: where it happened and the backtrace (with `RUST_BACKTRACE`),
/// never its message, which could hold what a user wrote.
fn panic_report(location: Option<&str>) -> String {
    let backtrace = std::backtrace::Backtrace::capture();
    let backtrace = match backtrace.status() {
        std::backtrace::BacktraceStatus::Captured => format!("\n{backtrace}"),
        _ => String::new(),
    };
    format!(
        "boussole: internal error at {} (its message is not shown: it may hold what a \
         user wrote){backtrace}",
        location.unwrap_or("an unknown place")
    )
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("BOUSSOLE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Ask(args) => {
            let now = clock(args.clock.now.as_deref())?;
            let boussole = open(&cli)?;
            let question = args.question.join(" ");
            let mut conversation = boussole_core::dialogue::Conversation::new();
            let answer = console::reply(&boussole, &mut conversation, &question, now);
            console::print_answer(&answer, args.json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Chat(args) => {
            let now = clock(args.clock.now.as_deref())?;
            let boussole = open(&cli)?;
            console::chat(&boussole, now, args.json).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::List(args) => {
            let knowledge = load_data(&cli.data).map_err(data_error)?;
            console::print_events(&knowledge, args.json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckData => Ok(check_data(&cli.data)),
        Command::Import(cli::ImportSource::Openagenda(args)) => {
            let knowledge = load_data(&cli.data).map_err(data_error)?;
            import::openagenda(&knowledge, args, &cli.data)
        }
        Command::Ics(args) => {
            let now = clock(args.clock.now.as_deref())?;
            let knowledge = load_data(&cli.data).map_err(data_error)?;
            let event = knowledge.event(&args.id).with_context(|| {
                format!("no event has the id {:?} (see `boussole list`)", args.id)
            })?;
            print!("{}", boussole_core::answer::calendar::ics(event, now));
            Ok(ExitCode::SUCCESS)
        }
        Command::Telegram(args) => {
            let token = token(&["TELOXIDE_TOKEN", "BOUSSOLE_TELEGRAM_TOKEN"])?;
            let options = telegram_options(args)?;
            let chats = chats(&cli, args.bot.clock.now.as_deref())?;
            telegram::run(chats, token, options).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Discord(args) => {
            let token = token(&["BOUSSOLE_DISCORD_TOKEN", "DISCORD_TOKEN"])?;
            let chats = chats(&cli, args.clock.now.as_deref())?;
            discord::run(chats, token).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Link(args) => {
            let question = args.question.join(" ");
            let link = telegram::deep_link::link(&args.bot, &question)?;
            println!("{link}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(args) => eval(&cli, args),
        Command::Index => build_index(&cli),
    }
}

/// `boussole eval`: a question set scored, below `--min` an exit code of 1.
fn eval(cli: &Cli, args: &cli::EvalArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let cases = boussole_core::eval::parse(&text)
        .map_err(|err| anyhow::anyhow!("{}: {err}", args.file.display()))?;
    let boussole = open(cli)?;
    let score = evaluate::run(&boussole, &cases)?;
    Ok(if score < args.min {
        eprintln!("score {score:.1} % is below the minimum {:.1} %", args.min);
        ExitCode::from(EXIT_PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}

/// `boussole index`: the index built again, whatever is on disk.
fn build_index(cli: &Cli) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let knowledge = load_data(&cli.data).map_err(data_error)?;
    let dir = cli
        .index
        .join(format!("{:016x}", SearchIndex::fingerprint(&knowledge)));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .with_context(|| format!("removing the old index {}", dir.display()))?;
    }
    let analyzer = Boussole::analyzer(&knowledge);
    let (index, _) = SearchIndex::open_or_build_with(
        &cli.index,
        &knowledge,
        analyzer,
        &progress::Bars::default(),
    )?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Index built in {} ms: {} documents ({} events, {} facts, {} portraits, {} topics) in {}",
        started.elapsed().as_millis(),
        index.num_docs(),
        knowledge.events.len(),
        knowledge.facts.len(),
        knowledge.portraits.len(),
        knowledge.topics.len(),
        dir.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// A bot's token, from the first of `names` set in the environment. Tokens are never
/// taken from the command line (visible to every user of the machine) nor printed.
fn token(names: &[&str]) -> anyhow::Result<String> {
    names
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|t| !t.trim().is_empty()))
        .map(|t| t.trim().to_string())
        .with_context(|| {
            format!(
                "no bot token: set {} in the environment",
                names.join(" or ")
            )
        })
}

/// How `boussole telegram` runs, from its arguments and the environment.
fn telegram_options(args: &cli::TelegramArgs) -> anyhow::Result<telegram::Options> {
    let throttle = match std::env::var("BOUSSOLE_TELEGRAM_THROTTLE").as_deref() {
        Ok("off") => false,
        Ok("on") | Err(_) => true,
        Ok(other) => anyhow::bail!("BOUSSOLE_TELEGRAM_THROTTLE is {other:?}: expected on or off"),
    };
    let webhook = match (&args.webhook_url, args.listen) {
        (Some(url), Some(listen)) => Some(telegram::Webhook {
            url: url.clone(),
            listen,
            secret: webhook_secret()?,
        }),
        _ => None,
    };
    Ok(telegram::Options { webhook, throttle })
}

/// The webhook's secret from `BOUSSOLE_WEBHOOK_SECRET` (replicas share it); when it is
/// absent, teloxide draws a random one for this process. Telegram allows 1-256
/// characters of `A-Za-z0-9_-`.
fn webhook_secret() -> anyhow::Result<Option<String>> {
    let Ok(secret) = std::env::var("BOUSSOLE_WEBHOOK_SECRET") else {
        return Ok(None);
    };
    let valid = (1..=256).contains(&secret.len())
        && secret
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    anyhow::ensure!(
        valid,
        "BOUSSOLE_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -"
    );
    Ok(Some(secret))
}

/// The chats of a bot: the data and index opened, the clock chosen.
fn chats(cli: &Cli, now: Option<&str>) -> anyhow::Result<std::sync::Arc<chats::Chats>> {
    let clock = match now {
        Some(_) => chats::Clock::Fixed(clock(now)?),
        None => chats::Clock::System,
    };
    let boussole = std::sync::Arc::new(open(cli)?);
    Ok(std::sync::Arc::new(chats::Chats::new(boussole, clock)))
}

/// The clock: `--now` when given, else the system's.
fn clock(now: Option<&str>) -> anyhow::Result<DateTime<FixedOffset>> {
    match now {
        Some(text) => DateTime::parse_from_rfc3339(text).with_context(|| {
            format!("invalid --now {text:?}: expected RFC 3339, e.g. 2024-11-18T09:00:00+01:00")
        }),
        None => Ok(chrono::Local::now().fixed_offset()),
    }
}

/// Loads a data directory; what it lacks (gazetteer, facts, role models, the week, the
/// thesaurus) comes from the bundled data.
fn load_data(dir: &Path) -> Result<boussole_core::model::Knowledge, DataError> {
    load::load_layered(dir, &cli::bundled_data())
}

/// Like [`load_data`], with large agendas' parsed events cached beside the indexes.
fn load_data_cached(
    dir: &Path,
    index: &Path,
) -> Result<boussole_core::model::Knowledge, DataError> {
    load::load_cached(dir, &cli::bundled_data(), Some(index))
}

fn data_error(err: DataError) -> anyhow::Error {
    anyhow::Error::new(err).context("the data could not be loaded")
}

/// Loads the data and opens its index, building it if the data changed.
fn open(cli: &Cli) -> anyhow::Result<Boussole> {
    let started = Instant::now();
    let knowledge = load_data_cached(&cli.data, &cli.index).map_err(data_error)?;
    let analyzer = Boussole::analyzer(&knowledge);
    let (index, origin) = SearchIndex::open_or_build_with(
        &cli.index,
        &knowledge,
        analyzer,
        &progress::Bars::default(),
    )
    .with_context(|| format!("opening the index in {}", cli.index.display()))?;
    if origin == Origin::Built {
        tracing::info!(
            "index built in {} ms ({} documents)",
            started.elapsed().as_millis(),
            index.num_docs()
        );
    }
    Ok(Boussole::new(knowledge, index))
}

fn check_data(dir: &Path) -> ExitCode {
    match load_data(dir) {
        Ok(knowledge) => {
            println!(
                "{}: OK: {} events, {} facts, {} portraits, {} topics, {} thesaurus groups",
                dir.display(),
                knowledge.events.len(),
                knowledge.facts.len(),
                knowledge.portraits.len(),
                knowledge.topics.len(),
                knowledge.thesaurus.equivalences.len()
            );
            ExitCode::SUCCESS
        }
        Err(DataError::Invalid(problems)) => {
            for problem in &problems {
                println!("{problem}");
            }
            println!("{} problem(s) found in {}", problems.len(), dir.display());
            ExitCode::from(EXIT_PROBLEMS)
        }
        Err(err) => {
            println!("{err}");
            ExitCode::from(EXIT_PROBLEMS)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_report_names_the_place_never_the_message() {
        let report = super::panic_report(Some("core/src/text.rs:12"));
        assert!(report.starts_with("boussole: internal error at core/src/text.rs:12"));
        assert!(report.contains("not shown"), "{report}");
    }
}
