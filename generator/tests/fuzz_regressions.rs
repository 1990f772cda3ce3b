//! Every input under `fuzz_corpus/<target>/` — crashes the fuzzers found, inputs they
//! found interesting, and hand-made nasty ones — goes through the same entry points as the
//! fuzz targets (`generator/fuzz/`), on stable `cargo test`: none may panic or overflow
//! the stack (each runs on a test thread's default 2 MiB stack).

mod hostile;
mod support;

use std::path::PathBuf;

fn corpus(target: &str) -> Vec<(PathBuf, String)> {
    let dir = support::root().join("generator/tests/fuzz_corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
        .into_iter()
        .map(|p| {
            // The fuzz targets skip non-UTF-8 input; so does this.
            let bytes = std::fs::read(&p).unwrap();
            (p, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

fn run(target: &str, entry: fn(&str) -> bool) -> usize {
    let mut loaded = 0;
    for (path, text) in corpus(target) {
        let ok = std::thread::Builder::new()
            .name(path.display().to_string())
            .spawn(move || entry(&text))
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("{} panicked", path.display()));
        loaded += usize::from(ok);
    }
    loaded
}

#[test]
fn markdown_corpus() {
    run("markdown", hostile::markdown_doc);
}

#[test]
fn plain_text_corpus() {
    run("plain_text", hostile::plain_text_doc);
}

#[test]
fn yaml_corpus() {
    run("yaml", hostile::yaml_spec);
}

/// The stack overflow the deep-type inputs used to cause is now a located error.
#[test]
fn deeply_nested_types_are_errors() {
    let text = std::fs::read_to_string(support::root().join("generator/tests/fuzz_corpus/yaml/deep_type.yaml")).unwrap();
    let err = generator::yaml::from_yaml(&text, "deep_type.yaml").unwrap_err();
    assert!(err.to_string().contains("deep_type.yaml:5: invalid api.yaml: operations[0]: type nested more than 16 deep"), "{err}");
}

/// Each language's SDK reader over its corpus (`fuzz_corpus/sdk_<language>/`: sources its
/// generators wrote for our specs, and hostile ones): none panics, every fact is at a line
/// of its file, and the real sources yield facts.
/// A fuzz entry point.
type Entry = fn(&str) -> bool;

#[test]
fn sdk_source_corpora() {
    let targets: [(&str, Entry); 14] = [
        ("python", |t| hostile::sdk_source("python", t)),
        ("java", |t| hostile::sdk_source("java", t)),
        ("go", |t| hostile::sdk_source("go", t)),
        ("typescript", |t| hostile::sdk_source("typescript", t)),
        ("javascript", |t| hostile::sdk_source("javascript", t)),
        ("ruby", |t| hostile::sdk_source("ruby", t)),
        ("php", |t| hostile::sdk_source("php", t)),
        ("csharp", |t| hostile::sdk_source("csharp", t)),
        ("kotlin", |t| hostile::sdk_source("kotlin", t)),
        ("dart", |t| hostile::sdk_source("dart", t)),
        ("swift", |t| hostile::sdk_source("swift", t)),
        ("rust", |t| hostile::sdk_source("rust", t)),
        ("perl", |t| hostile::sdk_source("perl", t)),
        ("r", |t| hostile::sdk_source("r", t)),
    ];
    // Every reader has its corpus, and its fuzz target (checked by name).
    assert_eq!(targets.len(), generator::sdk::EXTRACTORS.len());
    for (language, entry) in targets {
        let read = run(&format!("sdk_{language}"), entry);
        assert!(read >= 1, "{language}: no file of its corpus yields a fact");
        let target = support::root().join(format!("generator/fuzz/fuzz_targets/sdk_{language}.rs"));
        assert!(target.is_file(), "no fuzz target {}", target.display());
    }
}

/// Every SDK reader over every other language's corpus, and over prefixes of each file cut
/// at every 17th line (unclosed calls, blocks and literals at the end): none panics.
#[test]
fn sdk_readers_survive_foreign_and_truncated_sources() {
    let dir = support::root().join("generator/tests/fuzz_corpus");
    let mut texts: Vec<String> = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        if !e.file_name().to_string_lossy().starts_with("sdk_") {
            continue;
        }
        for f in std::fs::read_dir(e.path()).unwrap().flatten() {
            texts.push(String::from_utf8_lossy(&std::fs::read(f.path()).unwrap()).into_owned());
        }
    }
    texts.sort();
    texts.dedup();
    let handle = std::thread::Builder::new()
        .spawn(move || {
            for text in &texts {
                let lines: Vec<&str> = text.lines().collect();
                let mut cuts: Vec<String> = (0..lines.len()).step_by(17).map(|n| lines[..n].join("\n")).collect();
                cuts.push(text.clone());
                for cut in &cuts {
                    for ex in generator::sdk::EXTRACTORS {
                        hostile::sdk_source(ex.language, cut);
                    }
                }
            }
        })
        .unwrap();
    handle.join().unwrap_or_else(|_| panic!("an SDK reader panicked"));
}
