//! What is checked in is exactly what the generator writes, and `check` notices when it
//! is not.

use generator::files::{self, Stale};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("generator-test-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "target" {
                copy_tree(&entry.path(), &target);
            }
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn checked_in_files_are_up_to_date() {
    let plan = generator::plan_all(&root()).unwrap_or_else(|e| panic!("{e}"));
    let stale = files::stale(&root(), &plan.value).unwrap();
    assert!(stale.is_empty(), "run `cargo run -p generator`: {stale:?}");
    // Every provider: its api.yaml and its crate.
    for p in ["umaaas", "passage", "glowmarkt", "obp", "finapi"] {
        assert!(plan.value.files.contains_key(&PathBuf::from(format!("specs/{p}/api.yaml"))));
        assert!(plan.value.files.contains_key(&PathBuf::from(format!("generated/{p}/src/lib.rs"))));
    }
}

#[test]
fn regenerating_a_crate_from_its_doc_into_a_temporary_directory_gives_the_checked_in_crate() {
    let spec = generator::load_spec_dir(&root().join("specs/umaaas"), &root()).unwrap_or_else(|e| panic!("{e}"));
    let opts = generator::render::CrateOptions::for_api(&spec.value.api, &spec.value.config);
    let rendered = generator::render::render_crate(&spec.value.api, &opts);
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    let out = temp_dir("regen");
    let output = files::Output {
        files: rendered.value,
        owned_dirs: Vec::new(),
    };
    files::write(&out, &output).unwrap();
    let mut compared = 0;
    for rel in output.files.keys() {
        let fresh = fs::read_to_string(out.join(rel)).unwrap();
        let checked_in = fs::read_to_string(root().join("generated/umaaas").join(rel)).unwrap();
        assert_eq!(fresh, checked_in, "{}", rel.display());
        compared += 1;
    }
    // And nothing extra is checked in.
    let mut on_disk = Vec::new();
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                walk(&e.path(), base, out);
            } else {
                out.push(e.path().strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    walk(&root().join("generated/umaaas"), &root().join("generated/umaaas"), &mut on_disk);
    assert_eq!(on_disk.len(), compared);
    // Writing again changes nothing.
    assert!(files::write(&out, &output).unwrap().is_empty());
    let _ = fs::remove_dir_all(out);
}

#[test]
fn editing_a_source_doc_makes_check_fail_naming_the_derived_files() {
    let tmp = temp_dir("edit");
    copy_tree(&root().join("specs/passage"), &tmp.join("specs/passage"));
    copy_tree(&root().join("generated/passage"), &tmp.join("generated/passage"));
    let plan = generator::plan_all(&tmp).unwrap_or_else(|e| panic!("{e}"));
    assert!(files::stale(&tmp, &plan.value).unwrap().is_empty());

    let doc = tmp.join("specs/passage/UsersApi.md");
    let text = fs::read_to_string(&doc).unwrap().replace("Activate a user. They will now be able to login.", "Activate a user.");
    fs::write(&doc, text).unwrap();
    let plan = generator::plan_all(&tmp).unwrap_or_else(|e| panic!("{e}"));
    let stale = files::stale(&tmp, &plan.value).unwrap();
    assert!(stale.contains(&Stale::Differs(PathBuf::from("specs/passage/api.yaml"))), "{stale:?}");
    assert!(stale.contains(&Stale::Differs(PathBuf::from("generated/passage/src/operations.rs"))), "{stale:?}");

    // A stray file in a generated crate is stale too, and regenerating removes it.
    fs::write(tmp.join("generated/passage/src/stray.rs"), "// left over\n").unwrap();
    let stale = files::stale(&tmp, &plan.value).unwrap();
    assert!(stale.contains(&Stale::Extra(PathBuf::from("generated/passage/src/stray.rs"))));
    files::write(&tmp, &plan.value).unwrap();
    assert!(files::stale(&tmp, &plan.value).unwrap().is_empty());
    assert!(!tmp.join("generated/passage/src/stray.rs").exists());
    let _ = fs::remove_dir_all(tmp);
}

#[test]
fn the_check_command_exits_non_zero_and_lists_stale_files() {
    let tmp = temp_dir("cli");
    copy_tree(&root().join("specs/finapi"), &tmp.join("specs/finapi"));
    let exe = env!("CARGO_BIN_EXE_generator");
    let out = std::process::Command::new(exe).args(["check", "--root"]).arg(&tmp).output().unwrap();
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("missing: generated/finapi/src/lib.rs"), "{stdout}");
    let out = std::process::Command::new(exe).arg("--root").arg(&tmp).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = std::process::Command::new(exe).args(["check", "--root"]).arg(&tmp).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let _ = fs::remove_dir_all(tmp);
}
