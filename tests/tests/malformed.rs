//! Malformed imports, data directories and index directories, through the binary: each
//! gets an error naming the file, the record and the field, or is repaired with a
//! warning; never a panic.

use boussole_tests::{TempDir, boussole, boussole_with_index, data_copy};

const NOW: &str = "2024-11-18T09:00:00+01:00";

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn no_panic(output: &std::process::Output) {
    let err = stderr(output);
    assert!(
        !err.contains("panicked") && !err.contains("internal error"),
        "{err}"
    );
}

#[test]
fn a_hostile_import_is_reported_and_what_it_writes_passes_check_data() {
    let dir = TempDir::new("hostile-import");
    let export = dir.path().join("export.json");
    let records = serde_json::json!([
        {"uid": "../../etc/passwd", "title": "Visite", "timings": [
            {"begin": "2024-11-21T09:00:00+01:00", "end": "2024-11-21T12:00:00+01:00"}],
         "location": {"insee": "29019", "city": "Brest"}},
        {"uid": 77, "title": {"fr": "@everyone ".repeat(100_000)},
         "canonicalUrl": "javascript:alert(1)",
         "timings": [{"begin": "2024-11-21T09:00:00+01:00", "end": "2024-11-21T12:00:00+01:00"}],
         "location": {"insee": "29019", "city": "Brest", "latitude": 48.39, "longitude": -4.48}},
        {"uid": 78, "title": "Visite", "timings": [{"begin": "2024-11-21T09:00:00+01é", "end": "x"}],
         "location": {"insee": "29019"}},
    ]);
    std::fs::write(&export, records.to_string()).unwrap();
    let out = dir.path().join("data");
    let (export, out) = (export.to_string_lossy(), out.to_string_lossy());
    let output = boussole(
        "hostile-import",
        &["import", "openagenda", &export, "--out", &out],
    )
    .output();
    no_panic(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("1 events imported, 2 skipped, 2 flagged"),
        "{}",
        stdout(&output)
    );
    let err = stderr(&output);
    assert!(
        err.contains("export.json: record #1") && err.contains("field `uid`"),
        "{err}"
    );
    assert!(
        err.contains("record #3") && err.contains("field `timings`"),
        "{err}"
    );
    assert!(
        err.contains("record #2") && err.contains("title tronqué"),
        "{err}"
    );
    assert!(err.contains("lien \"javascript:alert(1)\" refusé"), "{err}");
    assert!(err.len() < 4_000, "the report quotes little of each field");

    let data = dir.path().join("data");
    let output = boussole("hostile-check", &["check-data"])
        .data(&data)
        .output();
    assert!(output.status.success(), "{}", stdout(&output));
    let answers = boussole(
        "hostile-serve",
        &["ask", "--json", "--now", NOW, "visite à Brest"],
    )
    .data(&data)
    .json_lines();
    let event = &answers[0]["events"][0];
    assert_eq!(event["id"], "77");
    assert!(event["title"].as_str().unwrap().chars().count() <= 300);
}

#[test]
fn a_damaged_index_directory_is_built_again_with_a_warning() {
    let index = TempDir::new("damaged-index");
    let ask = || {
        boussole_with_index(
            index.path(),
            &["ask", "--json", "--now", NOW, "escape game"],
        )
        .output()
    };
    let first = ask();
    assert!(first.status.success(), "{}", stderr(&first));
    let built = std::fs::read_dir(index.path())
        .unwrap()
        .flatten()
        .find(|e| e.path().join("READY").is_file())
        .expect("an index")
        .path();
    // Every file of the index overwritten with garbage, the READY marker kept.
    for entry in std::fs::read_dir(&built).unwrap().flatten() {
        if entry.file_name() != "READY" {
            std::fs::write(entry.path(), b"\xff\x00garbage").unwrap();
        }
    }
    let again = ask();
    no_panic(&again);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stderr(&again).contains("unusable"), "{}", stderr(&again));
    assert_eq!(
        stdout(&again),
        stdout(&first),
        "the same answer from the rebuilt index"
    );
    // A stray file where the index root should be: an error, not a panic.
    let file = index.path().join("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    let output = boussole_with_index(&file, &["ask", "escape game"]).output();
    no_panic(&output);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn broken_data_directories_are_errors_naming_the_file() {
    type Damage = fn(&std::path::Path);
    let cases: [(&str, Damage); 4] = [
        ("events.toml", |dir| {
            std::fs::remove_file(dir.join("events.toml")).unwrap();
            std::fs::create_dir(dir.join("events.toml")).unwrap();
        }),
        ("facts.toml", |dir| {
            std::fs::write(dir.join("facts.toml"), b"\xff\xfe\x00 not UTF-8").unwrap()
        }),
        ("thesaurus.toml", |dir| {
            let deep = format!("x = {}{}", "[".repeat(10_000), "]".repeat(10_000));
            std::fs::write(dir.join("thesaurus.toml"), deep).unwrap();
        }),
        ("communes.tsv", |dir| {
            let gazetteer = dir.join("gazetteer");
            std::fs::create_dir_all(&gazetteer).unwrap();
            let bundled = boussole_tests::data_dir().join("gazetteer");
            for entry in std::fs::read_dir(bundled).unwrap().flatten() {
                std::fs::copy(entry.path(), gazetteer.join(entry.file_name())).unwrap();
            }
            let communes = gazetteer.join("communes.tsv");
            let text = std::fs::read_to_string(&communes).unwrap();
            let long = "x".repeat(100_000);
            std::fs::write(
                &communes,
                format!("{text}99999\t{long}\tcommune\t\t29\t53\t1\tnan\t0\t\t29200\n"),
            )
            .unwrap();
        }),
    ];
    for (file, damage) in cases {
        let data = data_copy(&format!("broken-{file}"));
        damage(data.path());
        let output = boussole("broken-dir", &["ask", "escape game"])
            .data(data.path())
            .output();
        no_panic(&output);
        assert_eq!(output.status.code(), Some(2), "{file}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(file),
            "{file}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).len() < 4_000, "{file}: {}", stderr(&output));
    }
}
