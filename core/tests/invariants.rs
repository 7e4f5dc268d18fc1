//! Invariants of ARCHITECTURE.md that a test can check, stated as absences.

use std::path::{Path, PathBuf};

/// The core's source files, with their code before any `#[cfg(test)]` and without
/// comments.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|path| path.file_name().is_some_and(|n| n != "tests.rs"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let code: Vec<&str> = code
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect();
            let relative = path.strip_prefix(&root).unwrap().to_path_buf();
            (relative, code.join("\n"))
        })
        .collect()
}

#[test]
fn only_load_the_gazetteer_and_the_index_touch_the_file_system() {
    let allowed = ["load.rs", "index.rs", "places/gazetteer.rs"];
    for (path, code) in sources() {
        let touches = code.contains("std::fs") || code.contains("File::");
        let name = path.to_string_lossy().replace('\\', "/");
        assert!(
            !touches || allowed.contains(&name.as_str()),
            "{name} touches files"
        );
    }
}

#[test]
fn limits_imports_nothing_of_the_crate() {
    let (_, code) = sources()
        .into_iter()
        .find(|(path, _)| path == Path::new("limits.rs"))
        .expect("core/src/limits.rs");
    assert!(!code.contains("crate::") && !code.contains("super::"));
}

#[test]
fn the_core_never_unwraps_nor_panics_outside_tests() {
    let panics = [
        ".unwrap()",
        ".expect(",
        "panic!(",
        "unreachable!(",
        "todo!(",
        "unimplemented!(",
    ];
    for (path, code) in sources() {
        for (number, line) in code.lines().enumerate() {
            let found = panics.iter().find(|p| line.contains(*p));
            assert!(
                found.is_none(),
                "{}: {found:?} in {line:?} (line {number} of its code)",
                path.display()
            );
        }
    }
}
