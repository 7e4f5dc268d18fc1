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
    let allowed = ["load/", "index.rs", "places/gazetteer.rs"];
    for (path, code) in sources() {
        let touches = code.contains("std::fs") || code.contains("File::");
        let name = path.to_string_lossy().replace('\\', "/");
        assert!(
            !touches || allowed.iter().any(|a| name.starts_with(a)),
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

/// The core's top-level modules, bottom layer first: a module imports only modules of
/// the layers below its own (ARCHITECTURE.md, "Layers").
const LAYERS: [&[&str]; 8] = [
    &[
        "limits",
        "fingerprint",
        "problem",
        "progress",
        "text",
        "command",
    ],
    &["places", "action"],
    &["model"],
    &["index", "load", "synthetic"],
    &["understand"],
    &["search", "dialogue"],
    &["answer", "import"],
    &["eval"],
];

/// The top-level modules a piece of code names through `crate::`.
fn crate_modules(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let ident = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a::b, c::{d, e}}`: the first name of each top-level part.
            let (mut depth, mut part_start) = (0, 0);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        found.push(ident(&group[part_start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push(ident(&group[part_start..i]));
                        part_start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            found.push(ident(rest));
        }
    }
    found.retain(|m| !m.is_empty());
    found
}

#[test]
fn modules_import_only_the_layers_below_them() {
    let layer_of = |module: &str| LAYERS.iter().position(|layer| layer.contains(&module));
    let mut modules = std::collections::BTreeSet::new();
    for (path, code) in sources() {
        let name = path.to_string_lossy().replace('\\', "/");
        let module = name.split('/').next().unwrap().trim_end_matches(".rs");
        if module == "lib" {
            continue; // the crate's root assembles everything
        }
        modules.insert(module.to_string());
        let own = layer_of(module).unwrap_or_else(|| panic!("{module} is in no layer"));
        for used in crate_modules(&code) {
            if used == module {
                continue;
            }
            let Some(layer) = layer_of(&used) else {
                continue; // an item of the crate's root (`crate::Boussole`)
            };
            assert!(
                layer < own,
                "{name}: `{module}` (layer {own}) imports `{used}` (layer {layer})"
            );
        }
    }
    let listed: usize = LAYERS.iter().map(|layer| layer.len()).sum();
    assert_eq!(
        modules.len(),
        listed,
        "every module in one layer: {modules:?}"
    );
}

#[test]
fn the_layering_check_sees_grouped_imports() {
    let code = "use crate::{places::{Area, Point}, model::Event};\nlet x = crate::limits::CAP;";
    assert_eq!(crate_modules(code), ["places", "model", "limits"]);
}

/// Functions of `code` longer than `limit` lines, as `(name, first line, lines)`. Code is
/// rustfmt'ed: a function's body ends at the first line that is its indentation and `}`.
fn long_functions(code: &str, limit: usize) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut long = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let Some(at) = trimmed.find("fn ") else {
            continue;
        };
        let before = &trimmed[..at];
        let words = [
            "pub ",
            "pub(crate) ",
            "pub(super) ",
            "async ",
            "const ",
            "unsafe ",
        ];
        let mut rest = before;
        while let Some(word) = words.iter().find(|w| rest.starts_with(**w)) {
            rest = &rest[word.len()..];
        }
        if !rest.is_empty() || trimmed.ends_with(';') || trimmed.ends_with("{}") {
            continue; // not a definition with a body
        }
        let indent = &line[..line.len() - trimmed.len()];
        let close = format!("{indent}}}");
        let end = lines[start + 1..]
            .iter()
            .position(|l| *l == close || (!l.trim().is_empty() && !l.starts_with(indent)))
            .map_or(lines.len(), |offset| start + 1 + offset);
        let length = end - start + 1;
        if length > limit {
            let name = trimmed[at + 3..]
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or_default();
            long.push((name.to_string(), start + 1, length));
        }
    }
    long
}

/// The Rust files under `dir`, with their code before any `#[cfg(test)]`.
fn rust_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .to_string();
            out.push((path, code));
        }
    }
    out
}

#[test]
fn no_function_of_the_core_or_the_bots_is_over_80_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut long = Vec::new();
    for dir in ["src", "tests", "benches", "../bots/src"] {
        for (path, code) in rust_files(&root.join(dir)) {
            for (name, line, length) in long_functions(&code, 80) {
                long.push(format!("{}:{line} {name}: {length} lines", path.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split them into named steps:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_length_check_measures_functions() {
    let body = "        step();\n".repeat(79);
    let code =
        format!("impl A {{\n    pub fn long(&self) {{\n{body}    }}\n\n    fn short() {{}}\n}}\n");
    assert_eq!(long_functions(&code, 80), [("long".to_string(), 2, 81)]);
    assert!(long_functions(&code, 81).is_empty());
}

/// The string literals of a piece of code (escapes left as typed).
fn literals(code: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        found.push(&after[..end]);
        rest = &after[end + 1..];
    }
    found
}

/// Whether a literal reads as a French sentence: several words, an accented letter,
/// and sentence punctuation or an elision ("Rien le matin : …", "l'après-midi").
fn french_sentence(text: &str) -> bool {
    let words = text.split_whitespace().count() >= 2;
    let accented = text.chars().any(|c| "àâäéèêëîïôöùûüç".contains(c));
    let chars: Vec<char> = text.chars().collect();
    let elision = chars
        .windows(3)
        .any(|w| w[0].is_alphabetic() && (w[1] == '\'' || w[1] == '’') && w[2].is_alphabetic());
    let punctuation = [" :", " ?", " !", " ;", "«", "»"]
        .iter()
        .any(|p| text.contains(p))
        || text.trim_end().ends_with('.');
    (words || elision) && accented && (elision || punctuation)
}

#[test]
fn only_the_answer_words_sentences() {
    // Understanding, search, places, the model and the dialogue return data; every
    // sentence a user reads is in `answer/`. Two modules write French that is not a
    // reply: `synthetic` (made-up events for benchmarks) and `import` (the import
    // report, for whoever imports an agenda).
    let elsewhere = ["answer/", "synthetic.rs", "import.rs"];
    let mut found = Vec::new();
    for (path, code) in sources() {
        let name = path.to_string_lossy().replace('\\', "/");
        if elsewhere.iter().any(|e| name.starts_with(e)) {
            continue;
        }
        for literal in literals(&code).into_iter().filter(|l| french_sentence(l)) {
            found.push(format!("{name}: {literal:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "French sentences outside answer/:\n{}",
        found.join("\n")
    );
    assert!(french_sentence(
        "Rien le matin : je montre toute la journée."
    ));
    assert!(french_sentence("l'après-midi"));
    assert!(!french_sentence("conférence table ronde"));
}
