//! `boussole import openagenda`: files read, mapped by the core, written atomically.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use boussole_core::import::{self, Context, Imported, Schema};
use boussole_core::model::Knowledge;
use boussole_core::understand::slots::SlotMatcher;

use crate::cli::ImportArgs;

/// Imports the files of `args` into `args.out` (default `data`).
pub fn openagenda(
    knowledge: &Knowledge,
    args: &ImportArgs,
    data: &Path,
) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let schema = match &args.schema {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading the agenda schema {}", path.display()))?;
            Some(Schema::parse(&text).map_err(|err| anyhow::anyhow!("{}: {err}", path.display()))?)
        }
        None => None,
    };
    let slots = SlotMatcher::new(&knowledge.thesaurus);
    let progress = crate::progress::Bars::default();
    let context = Context {
        schema: schema.as_ref(),
        gazetteer: &knowledge.gazetteer,
        slots: &slots,
        progress: &progress,
    };
    // Every file is read before anything is written: a bad file leaves the data intact.
    let mut all = Imported::default();
    for file in &args.files {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        let imported = import::read(&file.display().to_string(), &text, &context)
            .map_err(|err| anyhow::anyhow!("{err}; nothing was imported"))?;
        all.events.extend(imported.events);
        all.skipped.extend(imported.skipped);
        all.flagged.extend(imported.flagged);
    }
    for line in &all.skipped {
        eprintln!("skipped: {line}");
    }
    for line in &all.flagged {
        eprintln!("flagged: {line}");
    }
    let out = args.out.as_deref().unwrap_or(data);
    let imported = all.events.len();
    let total = boussole_core::load::write_events(out, all.events)?;
    println!(
        "{imported} events imported, {} skipped, {} flagged, from {} file(s) in {} ms; {} now holds {total} events",
        all.skipped.len(),
        all.flagged.len(),
        args.files.len(),
        started.elapsed().as_millis(),
        out.join("events.toml").display()
    );
    Ok(ExitCode::SUCCESS)
}
