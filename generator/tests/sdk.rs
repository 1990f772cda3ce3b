//! The SDK beside its docs: every language fixture (`tests/fixtures/langs/<spec>__<lang>__<version>/`,
//! an SDK root with `docs/` beside the generator's API and model sources) is read as a user
//! reads an SDK checkout, its docs directory with the sources found beside it, and must give
//! the spec's facts (`truth.yaml`, `spec.yaml`) — with no ledger of known differences:
//!
//! - per parameter: location + wire name, and requiredness;
//! - per model the docs describe: each property's JSON key and requiredness.
//!
//! The one thing accepted is a name no file of the SDK writes: a cookie parameter whose
//! generator does not send cookies (its code never names it) and whose wire name appears in
//! neither the docs nor the sources (it must still be found at the right location with the
//! right requiredness, and must not claim strong evidence for its wire name), and a path
//! placeholder the docs' and the code's path templates both respell (`{attachment_id}` for
//! `{attachment-id}`: the URL sent is the same), and a model's JSON key neither the model's
//! doc nor its source writes (swagger-codegen's Kotlin models state none, its docs spell the
//! attribute).
//!
//! Also: the docs read alone (`--no-sdk`) are what `languages.rs` scores, unchanged; discovery
//! finds nothing where there are no sources; hostile SDK trees (a symbolic link out of the
//! root, binary, non-UTF-8 and oversized files) are skipped with warnings.

mod support;

use generator::ir::{Api, Location};
use generator::SdkChoice;
use serde_yaml::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn langs_dir() -> PathBuf {
    support::root().join("tests/fixtures/langs")
}

fn get<'a>(v: &'a Value, k: &str) -> Option<&'a Value> {
    v.as_mapping()?.get(k)
}

fn s(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

fn fold(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// The fixtures with SDK sources beside their docs (anything but `docs/` and the fixture's
/// own files), whose language has a reader: (directory name, path, language).
fn sdk_fixtures() -> Vec<(String, PathBuf, String)> {
    let mut out: Vec<(String, PathBuf, String)> = std::fs::read_dir(langs_dir())
        .expect("tests/fixtures/langs")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("truth.yaml").is_file())
        .filter(|p| {
            std::fs::read_dir(p).into_iter().flatten().flatten().any(|e| {
                let n = e.file_name().to_string_lossy().into_owned();
                !matches!(n.as_str(), "docs" | "SOURCE.txt" | "spec.yaml" | "truth.yaml")
            })
        })
        .filter_map(|p| {
            let dir = p.file_name()?.to_string_lossy().into_owned();
            let lang = dir.split("__").nth(1)?.to_string();
            generator::sdk::extractor(&lang).is_some().then_some((dir, p, lang))
        })
        .collect();
    out.sort();
    out
}

/// Every file's text under a fixture directory (docs and sources): where a name is written.
fn all_text(dir: &Path) -> String {
    let mut out = String::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if !matches!(p.file_name().and_then(|n| n.to_str()), Some("spec.yaml" | "truth.yaml" | "SOURCE.txt")) {
                out.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
                out.push('\n');
            }
        }
    }
    out
}

/// The text of the files of a fixture that describe a model (its doc, its source): those
/// whose name, extension aside, folds to the model's.
fn model_text(dir: &Path, model: &str) -> String {
    let mut out = String::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_stem().and_then(|s| s.to_str()).is_some_and(|s| fold(s) == fold(model)) {
                out.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    out
}

/// Whether `word` is written in `text` as a whole name (quoted or not).
fn written(text: &str, word: &str) -> bool {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    text.match_indices(word).any(|(at, _)| !text[..at].chars().next_back().is_some_and(is_name) && !text[at + word.len()..].chars().next().is_some_and(is_name))
}

#[derive(Default)]
struct Tally {
    fixtures: usize,
    params: usize,
    right: usize,
    required: usize,
    unwritten: usize,
    fields: usize,
    fields_right: usize,
    fields_unwritten: usize,
    from_sdk: usize,
}

/// The spec's object schemas: name → (property → required).
fn spec_models(spec: &Value) -> BTreeMap<String, BTreeMap<String, bool>> {
    let mut out = BTreeMap::new();
    let schemas = get(spec, "components").and_then(|c| get(c, "schemas")).and_then(Value::as_mapping);
    for (name, schema) in schemas.into_iter().flatten() {
        let required: Vec<String> = get(schema, "required").and_then(Value::as_sequence).into_iter().flatten().map(s).collect();
        let Some(props) = get(schema, "properties").and_then(Value::as_mapping) else { continue };
        let fields = props.keys().map(|k| (s(k), required.contains(&s(k)))).collect();
        out.insert(s(name), fields);
    }
    out
}

#[test]
fn every_sdk_fixture_gives_the_specs_facts() {
    let fixtures = sdk_fixtures();
    assert!(fixtures.len() >= 200, "{} language fixtures with SDK sources", fixtures.len());
    let mut per_lang: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    let mut report = String::new();
    for (dir, path, lang) in &fixtures {
        let truth: Value = serde_yaml::from_str(&std::fs::read_to_string(path.join("truth.yaml")).unwrap()).unwrap();
        let spec: Value = serde_yaml::from_str(&std::fs::read_to_string(path.join("spec.yaml")).unwrap()).unwrap();
        let loaded = generator::load_input_with(&path.join("docs"), &SdkChoice::Auto).unwrap_or_else(|e| panic!("{dir}: {e}"));
        let api: &Api = &loaded.value;
        let t = per_lang.entry(lang.clone()).or_default();
        t.fixtures += 1;
        assert!(
            loaded.summaries.iter().any(|s| s.to_string().contains("from the SDK's sources")),
            "{dir}: the summary names no fact from the sources"
        );
        let text = all_text(path);
        for (_, ops) in get(&truth, "docs").and_then(Value::as_mapping).into_iter().flatten() {
            for (op_name, top) in ops.as_mapping().into_iter().flatten() {
                let op_name = s(op_name);
                let Some(op) = api.operations.iter().find(|o| o.name == op_name) else {
                    misses.push(format!("{dir} {op_name}: operation not read"));
                    continue;
                };
                for (wire, tp) in get(top, "params").and_then(Value::as_mapping).into_iter().flatten() {
                    let wire = s(wire);
                    let loc = get(tp, "location").map(s).unwrap_or_default();
                    let required = get(tp, "required").and_then(Value::as_bool).unwrap_or(false);
                    t.params += 1;
                    let same = |p: &&generator::ir::Param| match p.location {
                        Location::Body => wire == "<body>",
                        Location::Header => p.wire_name.eq_ignore_ascii_case(&wire),
                        _ => p.wire_name == wire,
                    };
                    let found = op.params.iter().find(same);
                    match found {
                        Some(p) if p.location.as_str() == loc => {
                            t.right += 1;
                            t.from_sdk += p.inferred.get("location").is_some_and(|e| e.starts_with("strong: sdk ")) as usize;
                            if p.required == required {
                                t.required += 1;
                            } else {
                                misses.push(format!("{dir} {op_name}: {wire}: required {} (want {required}; {:?})", p.required, p.inferred.get("required")));
                            }
                        }
                        _ => {
                            // By the docs' spelling: a cookie no file of the SDK writes the name of.
                            let by_name = op.params.iter().find(|p| p.location != Location::Body && (fold(&p.name) == fold(&wire) || fold(&p.wire_name) == fold(&wire)));
                            let unwritable = by_name.is_some_and(|p| {
                                loc == "cookie"
                                    && p.location == Location::Cookie
                                    && !written(&text, &wire)
                                    && !p.inferred.get("wire_name").is_some_and(|e| e.starts_with("strong:"))
                            });
                            // A placeholder the docs' path template respells (Rust's `{attachment_id}` for
                            // `{attachment-id}`): the URL sent is the same.
                            let spec_path = get(top, "spec_path").map(s).unwrap_or_default();
                            let doc_path = get(top, "doc_path").map(s).unwrap_or_default();
                            let at = generator::ir::placeholders(&spec_path).iter().position(|ph| *ph == wire);
                            let respelled = at.and_then(|i| generator::ir::placeholders(&doc_path).get(i).map(|ph| ph.to_string()));
                            if let Some(ph) = respelled.filter(|ph| loc == "path" && *ph != wire && !written(&text, &wire)) {
                                if op.params.iter().any(|p| p.location == Location::Path && p.wire_name == ph) {
                                    t.unwritten += 1;
                                    t.required += 1;
                                    continue;
                                }
                            }
                            match by_name {
                                Some(p) if unwritable => {
                                    t.unwritten += 1;
                                    if p.required == required {
                                        t.required += 1;
                                    } else {
                                        misses.push(format!("{dir} {op_name}: {wire}: required {} (want {required})", p.required));
                                    }
                                }
                                Some(p) => misses.push(format!("{dir} {op_name}: want {loc} {wire}, got {} {} ({:?})", p.location.as_str(), p.wire_name, p.inferred.get("location"))),
                                None => misses.push(format!("{dir} {op_name}: want {loc} {wire}, no such parameter")),
                            }
                        }
                    }
                }
            }
        }
        // Models: every spec property of a model the docs describe, by its JSON key.
        for (name, props) in spec_models(&spec) {
            let Some(m) = api.models.iter().find(|m| fold(&m.name) == fold(&name)) else { continue };
            if m.kind != generator::ir::ModelKind::Object || m.fields.is_empty() {
                continue;
            }
            for (key, required) in props {
                t.fields += 1;
                match m.fields.iter().find(|f| f.wire_name == key) {
                    Some(f) if f.required == required => t.fields_right += 1,
                    Some(f) => misses.push(format!("{dir} model {name}.{key}: required {} (want {required}; {:?})", f.required, f.inferred.get("required"))),
                    None => {
                        let got = m.fields.iter().find(|f| fold(&f.wire_name) == fold(&key) || fold(f.neutral()) == fold(&key));
                        // A key no file writes (swagger-codegen's Kotlin models name no key, its docs
                        // spell the attribute): found by its spelling, with no strong claim.
                        match got {
                            Some(f) if !written(&model_text(path, &name), &key) && !f.inferred.get("wire_name").is_some_and(|e| e.starts_with("strong:")) => {
                                t.fields_unwritten += 1;
                                if f.required != required {
                                    misses.push(format!("{dir} model {name}.{key}: required {} (want {required})", f.required));
                                }
                            }
                            _ => misses.push(format!("{dir} model {name}.{key}: JSON key {:?}", got.map(|f| f.wire_name.clone()))),
                        }
                    }
                }
            }
        }
    }
    let mut all = Tally::default();
    for (lang, t) in &per_lang {
        let _ = writeln!(
            report,
            "{lang:<11} fixtures {:>3}  location+wire {:>4}/{:<4} (+{} names no file writes)  required {:>4}/{:<4}  model keys+required {:>4}/{:<4} (+{} keys no file writes)  locations from the sources {}",
            t.fixtures, t.right, t.params, t.unwritten, t.required, t.params, t.fields_right, t.fields, t.fields_unwritten, t.from_sdk
        );
        all.fixtures += t.fixtures;
        all.params += t.params;
        all.right += t.right;
        all.unwritten += t.unwritten;
        all.required += t.required;
        all.fields += t.fields;
        all.fields_right += t.fields_right;
        all.fields_unwritten += t.fields_unwritten;
        all.from_sdk += t.from_sdk;
    }
    let _ = writeln!(
        report,
        "all         fixtures {:>3}  location+wire {:>4}/{:<4} (+{} names no file writes)  required {:>4}/{:<4}  model keys+required {:>4}/{:<4} (+{} keys no file writes)  locations from the sources {}",
        all.fixtures, all.right, all.params, all.unwritten, all.required, all.params, all.fields_right, all.fields, all.fields_unwritten, all.from_sdk
    );
    println!("{report}");
    assert!(misses.is_empty(), "{} fact(s) differ from the spec:\n{}\n{report}", misses.len(), misses.join("\n"));
}

/// Reading the docs alone is what it always was: `--no-sdk` (and `sdk: false`) give exactly
/// what a copy of the docs without the sources gives.
#[test]
fn docs_alone_are_unchanged_by_the_sources_beside_them() {
    let (dir, path, _) = sdk_fixtures().into_iter().find(|(d, _, _)| d == "library__python__7.26.0").expect("library__python__7.26.0");
    let tmp = std::env::temp_dir().join(format!("sdk-alone-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    copy_dir(&path.join("docs"), &tmp.join(&dir).join("docs"));
    let alone = generator::load_input(&tmp.join(&dir).join("docs")).unwrap().value;
    let mut off = generator::load_input_with(&path.join("docs"), &SdkChoice::Off).unwrap().value;
    let mut alone = alone;
    alone.forget_origins();
    off.forget_origins();
    assert_eq!(generator::yaml::to_yaml(&off), generator::yaml::to_yaml(&alone));
    // With the sources, facts change and say where they come from.
    let with = generator::load_input(&path.join("docs")).unwrap().value;
    let yaml = generator::yaml::to_yaml(&with);
    assert!(yaml.contains("strong: sdk openapi_client/api/books_api.py:"), "{yaml}");
    assert_ne!(yaml, generator::yaml::to_yaml(&off));
    // `sdk: false` in provider.yaml turns it off; `sdk: <dir>` points at the sources.
    let spec_dir = tmp.join("spec");
    copy_dir(&path.join("docs"), &spec_dir.join("docs"));
    std::fs::write(spec_dir.join("provider.yaml"), "sdk: false\n").unwrap();
    let mut cfg_off = generator::load_input(&spec_dir).unwrap().value;
    cfg_off.forget_origins();
    cfg_off.provider = off.provider.clone();
    assert_eq!(generator::yaml::to_yaml(&cfg_off), generator::yaml::to_yaml(&off));
    std::fs::write(spec_dir.join("provider.yaml"), format!("sdk: {}\n", path.display())).unwrap();
    let pointed = generator::yaml::to_yaml(&generator::load_input(&spec_dir).unwrap().value);
    assert!(pointed.contains("strong: sdk openapi_client/api/books_api.py:"));
    std::fs::write(spec_dir.join("provider.yaml"), "sdk: no/such/dir\n").unwrap();
    let err = generator::load_input(&spec_dir).unwrap_err().to_string();
    assert!(err.contains("provider.yaml:1: sdk: `no/such/dir` is not a directory"), "{err}");
    let _ = std::fs::remove_dir_all(&tmp);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// A hostile SDK tree: a symbolic link out of the root, a binary file, a non-UTF-8 file and an
/// oversized one are skipped with a warning each, a source of a template the reader does not
/// know is named; the rest is read.
#[cfg(unix)]
#[test]
fn hostile_sdk_trees_are_read_with_warnings() {
    let (_, path, _) = sdk_fixtures().into_iter().find(|(d, _, _)| d == "library__python__7.26.0").unwrap();
    let tmp = std::env::temp_dir().join(format!("sdk-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let root = tmp.join("sdk");
    copy_dir(&path, &root);
    let outside = tmp.join("outside_api.py");
    std::fs::write(&outside, "def _x_serialize(\n            _query_params.append(('secret', secret))\n").unwrap();
    let api_dir = root.join("openapi_client/api");
    std::os::unix::fs::symlink(&outside, api_dir.join("linked_api.py")).unwrap();
    std::fs::write(api_dir.join("binary_api.py"), b"\x00\x01\x02def").unwrap();
    std::fs::write(api_dir.join("latin1_api.py"), b"# caf\xe9\n").unwrap();
    std::fs::write(api_dir.join("huge_api.py"), "#".repeat(3 * 1024 * 1024)).unwrap();
    // A template the reader does not know: said, not guessed at.
    std::fs::write(api_dir.join("custom_api.py"), "class CustomApi:\n    def list_books(self):\n        return self.client.fetch(\"books\")\n".repeat(100)).unwrap();
    let loaded = generator::load_input(&root.join("docs")).unwrap();
    let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.to_string()).collect();
    for want in [
        "linked_api.py: a symbolic link out of the SDK root: not read",
        "binary_api.py: SDK source is binary: not read",
        "latin1_api.py: SDK source is not UTF-8",
        "huge_api.py: SDK source of 3145728 bytes",
        "custom_api.py: no operation read from this python API source",
    ] {
        assert!(warnings.iter().any(|w| w.contains(want)), "{want}: {warnings:#?}");
    }
    assert!(!generator::yaml::to_yaml(&loaded.value).contains("secret"));
    let _ = std::fs::remove_dir_all(&tmp);
}

/// Docs with no sources beside them (the seeds, the corpus copies) find nothing: the same
/// API with or without discovery.
#[test]
fn no_sources_no_difference() {
    for docs in ["tests/fixtures/corpus/hashicorp__nomad-openapi/docs", "specs/shop"] {
        let p = support::root().join(docs);
        let mut a = generator::load_input(&p).unwrap().value;
        let mut b = generator::load_input_with(&p, &SdkChoice::Off).unwrap().value;
        a.forget_origins();
        b.forget_origins();
        assert_eq!(generator::yaml::to_yaml(&a), generator::yaml::to_yaml(&b), "{docs}");
    }
}

/// The command line: `--no-sdk` reads the docs alone, `--sdk DIR` names the sources (a path
/// that is no directory is refused), and the summary counts the facts from the sources.
#[test]
fn the_flags_choose_the_sources() {
    let (_, path, _) = sdk_fixtures().into_iter().find(|(d, _, _)| d == "storage__go__7.26.0").unwrap();
    let tmp = std::env::temp_dir().join(format!("sdk-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    copy_dir(&path.join("docs"), &tmp.join("docs"));
    let run = |args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_generator")).args(args).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let docs = path.join("docs");
    let (code, found, err) = run(&["normalize".as_ref(), docs.as_os_str()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(found.contains("strong: sdk api_buckets.go:") && err.contains("from the SDK's sources (strong):"), "{err}");
    let (_, alone, err) = run(&["normalize".as_ref(), docs.as_os_str(), "--no-sdk".as_ref()]);
    assert!(!alone.contains("strong: sdk") && !err.contains("from the SDK's sources"), "{err}");
    // A copy of the docs elsewhere, pointed at the sources.
    let copy = tmp.join("docs");
    let (_, pointed, _) = run(&["--sdk".as_ref(), path.as_os_str(), "normalize".as_ref(), copy.as_os_str()]);
    assert!(pointed.contains("strong: sdk api_buckets.go:"));
    let (code, _, err) = run(&["normalize".as_ref(), copy.as_os_str(), "--sdk".as_ref(), tmp.join("nope").as_os_str()]);
    assert_eq!(code, Some(1));
    assert!(err.contains("--sdk") && err.contains("not a directory"), "{err}");
    let _ = std::fs::remove_dir_all(&tmp);
}
