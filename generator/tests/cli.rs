//! The command line, as a user meets it: the built binary run in temporary directories.
//! Help and version, unknown flags, `--name` validation, `--out` safety and `--force`,
//! `provider.yaml` beside the input, the default root.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use support::root;

/// A fresh directory for one test (under `target/`).
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let Output { status, stdout, stderr } = Command::new(env!("CARGO_BIN_EXE_generator"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run generator");
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_TARGET_TMPDIR")), args)
}

/// The small doc of the diff tests.
fn pets_doc() -> PathBuf {
    root().join("generator/tests/diff/base.md")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn help_exits_zero_and_lists_the_commands_and_flags() {
    for flag in ["--help", "-h"] {
        let r = run(&[flag]);
        assert_eq!(r.code, Some(0), "{flag}: {}", r.all());
        for word in ["Usage: generator", "regenerate", "check", "normalize", "generate", "diff", "openapi", "--root", "--version"] {
            assert!(r.stdout.contains(word), "{flag} lacks {word}:\n{}", r.stdout);
        }
    }
    let r = run(&["generate", "--help"]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    for word in ["--out <DIR>", "--name <CRATE>", "--force", "<INPUT>"] {
        assert!(r.stdout.contains(word), "generate --help lacks {word}:\n{}", r.stdout);
    }
    let r = run(&["check", "-h"]);
    assert!(r.code == Some(0) && r.stdout.contains("--rev <REV>"), "{}", r.all());
}

#[test]
fn version_prints_the_version() {
    let r = run(&["--version"]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    assert_eq!(r.stdout.trim(), format!("generator {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_flags_and_commands_are_errors_naming_them() {
    for (args, named) in [
        (&["--fast"][..], "'--fast'"),
        (&["check", "--frobnicate"][..], "'--frobnicate'"),
        (&["generate", "x.md", "--out", "y", "--nmae", "z"][..], "'--nmae'"),
        (&["frobnicate"][..], "'frobnicate'"),
    ] {
        let r = run(args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.all());
        assert!(r.stderr.contains("error:") && r.stderr.contains(named), "{args:?} must name {named}:\n{}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
    }
    // A missing argument is a usage error too.
    let r = run(&["generate", "x.md"]);
    assert!(r.code == Some(2) && r.stderr.contains("--out <DIR>"), "{}", r.all());
    let r = run(&["diff", "only-one"]);
    assert!(r.code == Some(1) && r.stderr.contains("diff needs <OLD> <NEW>"), "{}", r.all());
}

#[test]
fn an_invalid_name_is_refused_before_anything_is_written() {
    let dir = scratch("bad-name");
    let doc = pets_doc();
    for name in ["My Crate!", "2pets", "fn", "café"] {
        let r = run_in(&dir, &["generate", doc.to_str().unwrap(), "--out", "out", "--name", name]);
        assert_eq!(r.code, Some(2), "{name}: {}", r.all());
        assert!(r.stderr.contains(&format!("invalid value '{name}' for '--name <CRATE>'")), "{name}:\n{}", r.stderr);
        assert!(!dir.join("out").exists(), "{name}: nothing is written");
    }
    let r = run_in(&dir, &["generate", doc.to_str().unwrap(), "--out", "out", "--name", "my-pets"]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    let manifest = std::fs::read_to_string(dir.join("out/Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"my-pets\""), "{manifest}");
}

#[test]
fn out_refuses_a_directory_this_tool_did_not_generate_unless_forced() {
    let dir = scratch("out-safety");
    let doc = pets_doc();
    let doc = doc.to_str().unwrap();
    // The user's own crate.
    let mine = dir.join("mine");
    std::fs::create_dir_all(mine.join("src")).unwrap();
    let own_manifest = "[package]\nname = \"mine\"\nversion = \"3.1.4\"\n";
    std::fs::write(mine.join("Cargo.toml"), own_manifest).unwrap();
    std::fs::write(mine.join("src/lib.rs"), "pub fn mine() {}\n").unwrap();
    let r = run_in(&dir, &["generate", doc, "--out", "mine"]);
    assert_eq!(r.code, Some(1), "{}", r.all());
    assert!(r.stderr.contains("--out mine: the directory is not empty and is not a crate this tool generated"), "{}", r.stderr);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(mine.join("Cargo.toml")).unwrap(), own_manifest, "untouched");
    assert_eq!(files_in(&mine), ["Cargo.toml", "src"]);
    assert_eq!(files_in(&mine.join("src")), ["lib.rs"]);

    // Any other file counts as not ours.
    let notes = dir.join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("todo.txt"), "x").unwrap();
    let r = run_in(&dir, &["generate", doc, "--out", "notes"]);
    assert_eq!(r.code, Some(1), "{}", r.all());
    assert_eq!(files_in(&notes), ["todo.txt"]);

    // A new or empty directory is fine; so is regenerating a crate this tool wrote.
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    for out in ["fresh/nested", "empty"] {
        let r = run_in(&dir, &["generate", doc, "--out", out]);
        assert_eq!(r.code, Some(0), "{out}: {}", r.all());
        assert!(std::fs::read_to_string(dir.join(out).join("Cargo.toml")).unwrap().starts_with("# Generated by `generator generate "));
    }
    let r = run_in(&dir, &["generate", doc, "--out", "empty"]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    assert!(r.stdout.contains("wrote 0 file(s) to empty"), "unchanged files are not rewritten: {}", r.stdout);

    // --force writes over the user's crate.
    let r = run_in(&dir, &["generate", doc, "--out", "mine", "--force"]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    let manifest = std::fs::read_to_string(mine.join("Cargo.toml")).unwrap();
    assert!(manifest.starts_with("# Generated by") && manifest.contains("name = \"base-client\""), "{manifest}");

    // A file is never a crate directory.
    let r = run_in(&dir, &["generate", doc, "--out", "notes/todo.txt", "--force"]);
    assert!(r.code == Some(1) && r.stderr.contains("is not a directory"), "{}", r.all());
}

#[test]
fn generate_honours_provider_yaml_beside_the_input() {
    let dir = scratch("provider-yaml");
    let provider = "crate_name: petstore-sdk\ndisplay_name: The Pet Store\nversion: 2.3.4\n\
                    base_url: https://pets.example/api\n\
                    operations:\n  list_pets:\n    params:\n      page_size: {wire_name: limit}\n";
    // Beside a doc file.
    std::fs::create_dir_all(dir.join("sdk/docs")).unwrap();
    std::fs::copy(pets_doc(), dir.join("sdk/docs/PetsApi.md")).unwrap();
    std::fs::write(dir.join("sdk/docs/provider.yaml"), provider).unwrap();
    // In a docs directory.
    std::fs::create_dir_all(dir.join("dir")).unwrap();
    std::fs::copy(pets_doc(), dir.join("dir/PetsApi.md")).unwrap();
    std::fs::write(dir.join("dir/provider.yaml"), provider).unwrap();
    // Beside an api.yaml.
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    let r = run_in(&dir, &["normalize", "sdk/docs/PetsApi.md", "-o", "spec/api.yaml"]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    std::fs::write(dir.join("spec/provider.yaml"), provider).unwrap();

    for (input, out) in [("sdk/docs/PetsApi.md", "a"), ("dir", "b"), ("spec/api.yaml", "c")] {
        let r = run_in(&dir, &["generate", input, "--out", out]);
        assert_eq!(r.code, Some(0), "{input}: {}", r.all());
        assert!(r.stdout.contains("petstore-sdk 2.3.4"), "{input}: {}", r.stdout);
        let manifest = std::fs::read_to_string(dir.join(out).join("Cargo.toml")).unwrap();
        assert!(manifest.contains("name = \"petstore-sdk\"\nversion = \"2.3.4\""), "{input}:\n{manifest}");
        assert!(manifest.contains("Typed client for the The Pet Store API"), "{input}:\n{manifest}");
        let readme = std::fs::read_to_string(dir.join(out).join("README.md")).unwrap();
        assert!(readme.contains("# petstore-sdk") && readme.contains("petstore_sdk::Client::builder()"), "{input}:\n{readme}");
        let client = std::fs::read_to_string(dir.join(out).join("src/client.rs")).unwrap();
        assert!(client.contains("\"https://pets.example/api\""), "{input}: base_url override");
        let ops = std::fs::read_to_string(dir.join(out).join("src/operations.rs")).unwrap();
        assert!(ops.contains("- `page_size` (query `limit`, optional"), "{input}: parameter override");
        // No warnings: only the summary line of the doc set (none for an api.yaml).
        assert!(!r.stderr.contains("warning:"), "{input}: no warnings: {}", r.stderr);
        if !input.ends_with(".yaml") {
            assert!(r.stderr.contains("6 of 6 operation(s) read, 0 skipped, 0 repaired, 0 warning(s)"), "{input}: {}", r.stderr);
        }
    }
    // --name still wins over crate_name.
    let r = run_in(&dir, &["generate", "dir", "--out", "d", "--name", "other"]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    assert!(std::fs::read_to_string(dir.join("d/Cargo.toml")).unwrap().contains("name = \"other\"\nversion = \"2.3.4\""));

    // A bad provider.yaml is an error naming its line, and nothing is written.
    std::fs::write(dir.join("dir/provider.yaml"), "crate_name: Not a name\n").unwrap();
    let r = run_in(&dir, &["generate", "dir", "--out", "e"]);
    assert_eq!(r.code, Some(1), "{}", r.all());
    assert!(r.stderr.contains("dir/provider.yaml:1: crate_name: `Not a name` is not a Cargo package name"), "{}", r.stderr);
    assert!(!dir.join("e").exists());
}

/// A fresh directory none of whose ancestors holds `specs/` (the system's temporary
/// directory may: other programs write there).
fn outside_any_repository(name: &str) -> Option<PathBuf> {
    let candidates = [std::env::temp_dir(), PathBuf::from("/var/tmp"), PathBuf::from("/dev/shm")];
    let base = candidates.into_iter().find(|c| c.is_dir() && !c.ancestors().any(|a| a.join("specs").is_dir()))?;
    let dir = base.join(format!("generator-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

/// A repository of one provider in a temporary directory.
fn repo(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("specs/pets/sub")).unwrap();
    std::fs::copy(pets_doc(), dir.join("specs/pets/PetsApi.md")).unwrap();
    std::fs::write(dir.join("specs/pets/provider.yaml"), "crate_name: pets-client\n").unwrap();
    dir
}

#[test]
fn the_default_root_is_the_current_directory_or_the_nearest_one_holding_specs() {
    let dir = repo("default-root");
    // In the root and below it, the same repository.
    let r = run_in(&dir, &[]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    assert!(r.stdout.contains("created: generated/pets/Cargo.toml"), "{}", r.stdout);
    for cwd in [dir.clone(), dir.join("specs/pets/sub"), dir.join("generated/pets/src")] {
        let r = run_in(&cwd, &["check"]);
        assert_eq!(r.code, Some(0), "{}: {}", cwd.display(), r.all());
        assert!(r.stdout.starts_with("ok: ") && r.stdout.contains(" generated files are up to date"), "{}: {}", cwd.display(), r.stdout);
    }
    // Not the checkout the binary was built in: outside any repository, nothing to check.
    let Some(elsewhere) = outside_any_repository("no-specs") else {
        eprintln!("skipped: every candidate directory has an ancestor holding specs/");
        return;
    };
    for args in [&[][..], &["check"][..], &["diff", "--rev", "HEAD"][..]] {
        let r = run_in(&elsewhere, args);
        assert_eq!(r.code, Some(1), "{args:?}: {}", r.all());
        assert!(r.stderr.contains("no specs/ directory in") && r.stderr.contains("--root"), "{args:?}: {}", r.stderr);
    }
    assert!(files_in(&elsewhere).is_empty(), "nothing written");
    // --root, before or after the command, picks the repository wherever we are.
    let root_arg = dir.to_str().unwrap();
    for args in [&["--root", root_arg, "check"][..], &["check", "--root", root_arg][..]] {
        let r = run_in(&elsewhere, args);
        assert_eq!(r.code, Some(0), "{args:?}: {}", r.all());
    }
    // A --root without specs/ says so.
    let r = run_in(&dir, &["check", "--root", elsewhere.to_str().unwrap()]);
    assert!(r.code == Some(1) && r.stderr.contains("no specs/ directory"), "{}", r.all());
    let _ = std::fs::remove_dir_all(&elsewhere);
}

#[test]
fn normalize_and_openapi_write_their_output() {
    let dir = scratch("outputs");
    let doc = pets_doc();
    let doc = doc.to_str().unwrap();
    let r = run_in(&dir, &["normalize", doc]);
    assert!(r.code == Some(0) && r.stdout.contains("\nprovider: base\n"), "{}", r.all());
    let r = run_in(&dir, &["openapi", doc, "-o", "openapi.json"]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("openapi.json")).unwrap()).unwrap();
    assert_eq!(json["openapi"], "3.1.0");
    let r = run_in(&dir, &["diff", doc, doc, "--out", "report.md"]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    assert!(std::fs::read_to_string(dir.join("report.md")).unwrap().contains("no API changes"));
    let r = run_in(&dir, &["normalize", "missing.md"]);
    assert!(r.code == Some(1) && r.stderr.contains("missing.md: cannot read"), "{}", r.all());
}

/// `--strict` turns every warning into an error and fails the run; the summary line of
/// the doc set is printed either way.
#[test]
fn strict_fails_on_any_warning() {
    let doc = root().join("generator/tests/variants/punctuated_placeholders.md");
    let doc = doc.to_str().unwrap();
    let r = run(&["normalize", doc]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    assert!(r.stderr.contains("warning: ") && r.stderr.contains("has no scheme"), "{}", r.stderr);
    assert!(r.stderr.contains("2 of 2 operation(s) read, 0 skipped, 1 repaired, 1 warning(s)"), "{}", r.stderr);
    let r = run(&["normalize", "--strict", doc]);
    assert_ne!(r.code, Some(0), "{}", r.all());
    assert!(r.stderr.contains("error: ") && r.stderr.contains("has no scheme") && !r.stderr.contains("warning: "), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "nothing written under --strict: {}", r.stdout);
    // A doc without warnings passes.
    let ok = root().join("generator/tests/malformed/ok.md");
    let r = run(&["normalize", "--strict", ok.to_str().unwrap()]);
    assert_eq!(r.code, Some(0), "{}", r.all());
}

/// Copies the files of `from` (not its subdirectories) into `to`.
fn copy_files(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// `doubts` lists every weak or guessed fact with its evidence, and ends with the
/// `provider.yaml` lines that settle them: pasted as they stand, they change no fact, and
/// nothing is left to check.
#[test]
fn doubts_lists_each_weak_fact_and_its_provider_yaml_settles_them_all() {
    let dir = scratch("doubts");
    copy_files(&root().join("tests/fixtures/shop/python/docs"), &dir);
    let r = run_in(&dir, &["doubts", "."]);
    assert_eq!(r.code, Some(0), "{}", r.all());
    let report = r.stdout;
    assert!(report.starts_with("# Doubts: "), "{report}");
    // A form field of the multipart operation: its location is weak, and the report says why.
    assert!(report.contains("| `description` | location | `form` | weak | Content-Type `multipart/form-data`"), "{report}");
    let yaml = report.split("```yaml\n").nth(1).and_then(|y| y.split("```").next()).expect("a provider.yaml block");
    assert!(yaml.contains("operations:\n") && yaml.contains("      description: {location: form, wire_name: description}\n"), "{yaml}");
    let before = run_in(&dir, &["normalize", "."]);
    std::fs::write(dir.join("provider.yaml"), yaml).unwrap();
    let r = run_in(&dir, &["doubts", "."]);
    assert!(r.code == Some(0) && r.stdout.contains("nothing to check"), "{}", r.all());
    // The same facts: only the evidence turned into overrides.
    let after = run_in(&dir, &["normalize", "."]);
    let facts = |yaml: &str| -> serde_yaml::Value {
        let mut v: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
        fn strip(v: &mut serde_yaml::Value) {
            match v {
                serde_yaml::Value::Mapping(m) => {
                    m.remove("inferred");
                    m.remove("overridden");
                    m.values_mut().for_each(strip);
                }
                serde_yaml::Value::Sequence(s) => s.iter_mut().for_each(strip),
                _ => {}
            }
        }
        strip(&mut v);
        v
    };
    assert_eq!(facts(&before.stdout), facts(&after.stdout));
}

/// `doubts` reads what `normalize` reads: with the SDK's sources beside the docs, their facts
/// are strong and leave the list; `--no-sdk` lists the docs' own doubts.
#[test]
fn doubts_reads_the_sdk_as_normalize_does() {
    let docs = root().join("tests/fixtures/langs/helpdesk__csharp__7.26.0/docs");
    let docs = docs.to_str().unwrap();
    let with = run(&["doubts", docs]);
    let without = run(&["--no-sdk", "doubts", docs]);
    assert_eq!((with.code, without.code), (Some(0), Some(0)), "{}\n{}", with.all(), without.all());
    assert!(with.stdout.contains("from the SDK's sources (strong)"), "{}", with.stdout);
    // A directory of several API groups is titled by them all.
    assert!(without.stdout.starts_with("# Doubts: 2 API groups (CommentsApi, TicketsApi)"), "{}", without.stdout);
    assert!(!without.stdout.contains("from the SDK's sources"), "{}", without.stdout);
    // C#'s capitalized multi-word properties are guessed keys without the sources.
    assert!(without.stdout.contains("| `AuthorName` | wire name | `authorName` | guess |"), "{}", without.stdout);
}
