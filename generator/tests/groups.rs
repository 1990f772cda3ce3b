//! Crates of several API groups: each group a module, a file and a cargo feature, reached
//! as `client.<group>()`, with the docs' operation names; every group builds alone (only
//! its models compiled), clippy-clean.
//!
//! The showcase crates of several groups (`generated/*/` with `src/apis/`) are checked with
//! each group's feature alone; the synthetic docs directory of 66 groups and 907 operations
//! (`generator/benches/synth/`, the zoo docs scaled) with every group and with a sample of
//! groups alone.

mod support;

#[path = "../benches/synth/mod.rs"]
#[allow(dead_code)]
mod synth;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::root;

/// The group features of a generated crate's `Cargo.toml` (`apps_v1 = []`).
fn group_features(manifest: &str) -> Vec<String> {
    let features = &manifest[manifest.find("\n[features]\n").expect("[features]")..];
    let features = &features[12..features[12..].find("\n[").map_or(features.len(), |e| e + 12)];
    features.lines().filter_map(|l| l.strip_suffix(" = []")).map(str::to_string).collect()
}

/// `cargo clippy -D warnings` (or `cargo check` without clippy) of package `package` in the
/// workspace at `dir`, with `features` (`None`: the default features), offline, in the
/// target directory the compile tests share. Panics with cargo's output on failure.
fn clippy(dir: &Path, package: &str, features: Option<&str>) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let has_clippy = Command::new(&cargo).args(["clippy", "--version"]).output().is_ok_and(|o| o.status.success());
    let mut cmd = Command::new(&cargo);
    cmd.current_dir(dir).env("CARGO_TARGET_DIR", root().join("target/diff-compat-target"));
    cmd.args([if has_clippy { "clippy" } else { "check" }, "--offline", "--message-format=short", "-p", package]);
    if let Some(f) = features {
        cmd.args(["--no-default-features", "--features", f]);
    }
    if has_clippy {
        cmd.args(["--", "-D", "warnings"]);
    }
    let out = cmd.output().expect("run cargo");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{package} with features {features:?}:\n{stderr}");
}

/// Generates a crate from `input` into `out` with the CLI.
fn generate(input: &Path, out: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_generator"))
        .arg("generate")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--force")
        .output()
        .expect("run the generator");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

/// A workspace of one crate at `dir/crate`, outside the repository's workspace.
fn workspace(dir: &Path) {
    std::fs::write(dir.join("Cargo.toml"), "[workspace]\nresolver = \"2\"\nmembers = [\"crate\"]\n").unwrap();
    std::fs::copy(root().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
}

#[test]
fn every_showcase_group_builds_alone() {
    let mut checked = Vec::new();
    for dir in std::fs::read_dir(root().join("generated")).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.join("src/apis/mod.rs").exists() {
            continue;
        }
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        let package = manifest.lines().find_map(|l| l.strip_prefix("name = \"")).unwrap().trim_end_matches('"').to_string();
        let features = group_features(&manifest);
        assert!(features.len() > 1, "{package}: a feature per group");
        for f in &features {
            clippy(&root(), &package, Some(f));
            checked.push(format!("{package}/{f}"));
        }
    }
    // shop, zoo, pay, pay6, feed: two groups each.
    assert!(checked.len() >= 10, "{checked:?}");
}

/// The synthetic docs directory of many groups, written under `target/`, and its crate.
fn large_fixture() -> PathBuf {
    let work = root().join("target/groups-fixture");
    let zoo = root().join("specs/zoo");
    let read = |p: &str| std::fs::read_to_string(zoo.join(p)).unwrap();
    let apis = [read("docs/AnimalsApi.md"), read("docs/KeepersApi.md")];
    let names = ["Animal", "AnimalPatch", "Certification", "Diet", "EnclosureLevel", "Error", "Habitat", "Keeper", "Photo"];
    let models: Vec<(&str, String)> = names.iter().map(|n| (*n, read(&format!("docs/{n}.md")))).collect();
    let models: Vec<(&str, &str)> = models.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let files = synth::synthesize_groups(&[&apis[0], &apis[1]], &models, &["Error"], &read("README.md"));
    let docs = work.join("groups");
    let _ = std::fs::remove_dir_all(&docs);
    for (path, text) in files {
        let path = docs.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    generate(&docs, &work.join("crate"));
    workspace(&work);
    work
}

#[test]
fn a_large_docs_directory_by_group() {
    let work = large_fixture();
    let krate = work.join("crate");
    let api = generator::load_input(&work.join("groups")).unwrap_or_else(|e| panic!("{e}")).value;
    let groups: BTreeSet<&str> = api.operations.iter().filter_map(|o| o.group.as_deref()).collect();
    assert_eq!((groups.len(), api.operations.len()), (66, 907));
    // No method renamed for a clash between groups: every method is the docs' name.
    let names = generator::surface::names(&api);
    for op in &api.operations {
        assert_eq!(names.methods[&generator::surface::op_key(op)], op.name, "{op:?}");
    }
    let recurring = api.operations.iter().filter(|o| o.name == "list_animals").count();
    assert_eq!(recurring, 66, "`list_animals` in every group");
    // One file per group, none too long to review.
    let mut longest = (0, PathBuf::new());
    let mut group_files = 0;
    for dir in ["src", "src/apis", "src/models"] {
        for f in std::fs::read_dir(krate.join(dir)).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "rs") {
                group_files += usize::from(dir == "src/apis");
                let lines = std::fs::read_to_string(&f).unwrap().lines().count();
                longest = longest.max((lines, f));
            }
        }
    }
    assert_eq!(group_files, 67, "66 groups and apis/mod.rs");
    assert!(longest.0 < 40_000, "{longest:?}");
    let lib = std::fs::read_to_string(krate.join("src/lib.rs")).unwrap();
    assert!(lib.contains("client.admission_v1().list_animals()"), "the quick start calls through a group (the first by file name)");
    assert!(lib.contains("| `AppsV1beta1Api` | [`client.apps_v1beta1()`](Client::apps_v1beta1) | 13 | `apps_v1beta1` |"), "{lib}");
    // With every group, then a sample alone: the small first group, a versioned one, the last.
    clippy(&work, "groups-client", None);
    for f in ["apps_v1", "storage_v1beta1", "core_v1alpha1"] {
        clippy(&work, "groups-client", Some(f));
    }
}

#[test]
fn an_operation_in_several_groups_is_reachable_from_each() {
    let work = root().join("target/groups-multitag");
    std::fs::create_dir_all(&work).unwrap();
    let input = root().join("generator/tests/variants/multitag");
    generate(&input, &work.join("crate"));
    let krate = work.join("crate");
    let admin = std::fs::read_to_string(krate.join("src/apis/admin.rs")).unwrap();
    let pets = std::fs::read_to_string(krate.join("src/apis/pets.rs")).unwrap();
    let store = std::fs::read_to_string(krate.join("src/apis/store.rs")).unwrap();
    // `add_pet` is in AdminApi and (another path) in PetsApi: the same name in both.
    assert!(admin.contains("pub fn add_pet(") && pets.contains("pub fn add_pet("));
    // `get_pet` lives in AdminApi; PetsApi and StoreApi, which document it too, reach it
    // with AdminApi's feature, and say so.
    assert!(admin.contains("pub fn get_pet("));
    assert!(admin.contains("which reach it as well: `client.pets().get_pet(..)`, `client.store().get_pet(..)`."), "{admin}");
    for (text, here) in [(&pets, "PetsApi"), (&store, "StoreApi")] {
        assert!(text.contains(&format!("`get_pet` is documented under `{here}` too; it lives in the `AdminApi` group")), "{text}");
        assert!(text.contains("#[cfg(feature = \"admin\")]\n    pub fn get_pet("), "{text}");
    }
    workspace(&work);
    let manifest = std::fs::read_to_string(krate.join("Cargo.toml")).unwrap();
    let package = manifest.lines().find_map(|l| l.strip_prefix("name = \"")).unwrap().trim_end_matches('"').to_string();
    clippy(&work, &package, None);
    for f in group_features(&manifest) {
        clippy(&work, &package, Some(&f));
    }
}

/// `generator::build`'s module of a docs set of several groups compiles where a build
/// script would include it: every group by default, and only the groups whose features the
/// including crate turns on with `group_features(true)`.
#[test]
fn the_build_module_of_several_groups_compiles() {
    for (name, featured) in [("all", false), ("featured", true)] {
        let work = root().join("target/groups-build-module").join(name);
        let krate = work.join("crate");
        std::fs::create_dir_all(krate.join("src")).unwrap();
        let module = generator::build::Config::new(root().join("specs/shop"))
            .crate_name("shop-module")
            .group_features(featured)
            .cargo_directives(false)
            .render_module()
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(krate.join("src/client.rs"), &module.code).unwrap();
        std::fs::write(krate.join("src/lib.rs"), "//! A crate including a generated client.\ninclude!(\"client.rs\");\n").unwrap();
        let features = if featured { "default = [\"files\", \"orders\"]\nfiles = []\norders = []\n" } else { "" };
        let manifest = format!(
            "[package]\nname = \"shop-module\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[features]\n{}{features}\n[dependencies]\n{}",
            generator::build::FEATURES,
            generator::build::DEPENDENCIES
        );
        std::fs::write(krate.join("Cargo.toml"), manifest).unwrap();
        workspace(&work);
        clippy(&work, "shop-module", None);
        if featured {
            clippy(&work, "shop-module", Some("orders"));
        }
    }
}
