//! `generator diff`: one known change per kind, each with its expected report (an insta
//! snapshot) and bump; the classification checked against the compiler (old usage against
//! the new crate); the summaries of regenerate and `check`; `diff --rev`.
//!
//! `diff/base.md` is a small python-flavour doc; every other `diff/<case>.md` is a copy with
//! one change (`diff/wire_name_changed/` overrides one wire name in its `provider.yaml`).
//! `diff/models/` holds `api.yaml` pairs for model changes, which docs cannot yet state.

mod support;

use generator::diff::{self, Bump};
use generator::ir::Api;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::root;

fn cases_dir() -> PathBuf {
    root().join("generator/tests/diff")
}

fn load(path: &Path) -> Vec<Api> {
    diff::load_side(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn report(old: &Path, new: &Path, bump: Bump) -> String {
    let diffs = diff::diff_sides(&load(old), &load(new));
    assert_eq!(diffs.len(), 1, "one provider on each side");
    assert_eq!(diffs[0].bump(), bump, "{}:\n{}", new.display(), diff::report(&diffs));
    diff::report(&diffs)
}

/// Each doc case against `base.md`: (test and snapshot name, expected bump).
macro_rules! doc_cases {
    ($($name:ident: $bump:expr,)*) => {$(
        #[test]
        fn $name() {
            let dir = cases_dir();
            let new = if dir.join(stringify!($name)).is_dir() {
                dir.join(stringify!($name))
            } else {
                dir.join(concat!(stringify!($name), ".md"))
            };
            insta::assert_snapshot!(report(&dir.join("base.md"), &new, $bump));
        }
    )*};
}

doc_cases! {
    op_added: Bump::Minor,
    op_removed: Bump::Major,
    op_renamed: Bump::Major,
    method_changed: Bump::Patch,
    path_changed: Bump::Patch,
    base_url_changed: Bump::Patch,
    param_added_optional: Bump::Minor,
    param_added_required: Bump::Major,
    param_removed: Bump::Major,
    param_renamed_positional: Bump::Patch,
    param_renamed_setter: Bump::Major,
    param_optional_to_required: Bump::Major,
    param_type_changed: Bump::Major,
    param_location_changed: Bump::Patch,
    param_reordered: Bump::Major,
    wire_name_changed: Bump::Patch,
    auth_changed: Bump::Patch,
    auth_scheme_removed: Bump::Major,
    response_type_changed: Bump::Major,
    status_added: Bump::Patch,
}

/// Each model case against `models/base.yaml`.
macro_rules! model_cases {
    ($($name:ident: $file:literal => $bump:expr,)*) => {$(
        #[test]
        fn $name() {
            let dir = cases_dir().join("models");
            insta::assert_snapshot!(report(&dir.join("base.yaml"), &dir.join($file), $bump));
        }
    )*};
}

model_cases! {
    model_field_added_optional: "field_added_optional.yaml" => Bump::Major,
    model_field_added_required: "field_added_required.yaml" => Bump::Major,
    model_field_removed: "field_removed.yaml" => Bump::Major,
    model_field_type_changed: "field_type_changed.yaml" => Bump::Major,
    model_field_required_changed: "field_required_changed.yaml" => Bump::Major,
    model_field_wire_name_changed: "field_wire_name_changed.yaml" => Bump::Patch,
    model_enum_value_added: "enum_value_added.yaml" => Bump::Major,
}

#[test]
fn identical_sides_have_no_changes() {
    let base = cases_dir().join("base.md");
    let diffs = diff::diff_sides(&load(&base), &load(&base));
    assert!(diffs[0].is_empty());
    assert_eq!(diffs[0].bump(), Bump::None);
    assert!(diff::report(&diffs).contains("no API changes"));
}

// ---------------------------------------------------------------------------------------
// The classification against the compiler.

/// Code written against the base crate's API: every operation, every setter, every
/// credential setter, and the response types.
const OLD_USAGE: &str = r#"
//! Written against the crate rendered from `generator/tests/diff/base.md`.

pub fn build() -> Result<pets::Client, pets::Error> {
    pets::Client::builder().api_key("key").bearer_auth("token").oauth2("token").build()
}

pub async fn use_old_api(
    client: &pets::Client,
    body: pets::models::NewPet,
    photo: pets::FilePart,
) -> Result<(), pets::Error> {
    let listed: pets::ApiResponse<Vec<pets::models::Pet>> = client
        .list_pets()
        .page_size(20)
        .tags(vec!["cute".to_string()])
        .x_request_id("trace-1")
        .await?;
    let created: pets::ApiResponse<pets::models::Pet> = client.add_pet(body).await?;
    let one: pets::ApiResponse<pets::models::Pet> = client.get_pet("p1").await?;
    let owned: pets::ApiResponse<pets::models::Pet> = client.get_owner_pet("o1", "p1").await?;
    let updated: pets::ApiResponse<pets::models::Pet> = client.update_status("p1", "sold").note("why").await?;
    let uploaded: pets::ApiResponse<pets::models::Photo> = client.upload_photo("p1", photo).caption("hi").await?;
    let _ = (listed.into_body(), created, one, owned, updated, uploaded.status());
    Ok(())
}
"#;

/// Code written against the crate rendered from `diff/models/base.yaml`: a struct literal and
/// an exhaustive `match`.
const OLD_MODEL_USAGE: &str = r#"
//! Written against the crate rendered from `generator/tests/diff/models/base.yaml`.

pub async fn use_old_models(client: &pets::Client) -> Result<pets::models::Pet, pets::Error> {
    let pet: pets::models::Pet = client.get_pet("p1").await?.into_body();
    let _label = match &pet.status {
        Some(pets::models::PetStatus::Available) => "available",
        Some(pets::models::PetStatus::Sold) => "sold",
        Some(pets::models::PetStatus::Other(_)) | None => "other",
    };
    Ok(pets::models::Pet {
        id: pet.id,
        pet_name: pet.pet_name,
        status: pet.status,
        nickname: Some(None),
        created_at: None,
        age: Some(1),
        owner: None,
        additional_properties: Default::default(),
    })
}
"#;

/// Families of cases: the old side, the code written against it, and the cases whose new
/// crate that code is compiled against.
const COMPAT: &[(&str, &str, &[&str])] = &[
    (
        "base.md",
        OLD_USAGE,
        &[
            "param_added_optional.md",
            "param_renamed_positional.md",
            "wire_name_changed",
            "param_added_required.md",
            "response_type_changed.md",
        ],
    ),
    (
        "models/base.yaml",
        OLD_MODEL_USAGE,
        &["models/field_wire_name_changed.yaml", "models/field_added_optional.yaml", "models/enum_value_added.yaml"],
    ),
];

fn write_crate(dir: &Path, files: std::collections::BTreeMap<PathBuf, String>) {
    let out = generator::files::Output { files, owned_dirs: Vec::new() };
    generator::files::write(dir, &out).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
}

fn render_into(api: &Api, dir: &Path, crate_name: &str) {
    let opts = generator::render::CrateOptions {
        crate_name: crate_name.into(),
        display_name: "Pets".into(),
        version: "0.1.0".into(),
        command: "cargo test -p generator --test diff".into(),
    };
    let rendered = generator::render::render_crate(api, &opts);
    assert!(
        rendered.warnings.iter().all(|w| w.severity != generator::diag::Severity::Error),
        "{crate_name}: {:?}",
        rendered.warnings
    );
    write_crate(dir, rendered.value);
}

fn user_crate(dir: &Path, name: &str, client_dir: &str, client_package: &str, usage: &str) {
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\npets = {{ path = \"{client_dir}\", package = \"{client_package}\" }}\n"
    );
    let files = [
        (PathBuf::from("Cargo.toml"), manifest),
        (PathBuf::from("src/lib.rs"), usage.trim_start().to_string()),
    ];
    write_crate(dir, files.into_iter().collect());
}

/// `models/field_added_optional.yaml` → `models-field-added-optional`.
fn slug(case: &str) -> String {
    case.trim_end_matches(".md").trim_end_matches(".yaml").replace(['/', '_'], "-")
}

/// Compiles code written against an old crate against each case's new crate: it compiles
/// exactly when the diff finds nothing breaking. One workspace under
/// `target/diff-compat/`, checked offline against the repository's lock file, so the
/// dependencies build once (a minute or two when cold).
#[test]
fn old_usage_compiles_against_the_new_crate_exactly_when_nothing_breaks() {
    let work = root().join("target/diff-compat");
    let mut members = Vec::new();
    let mut olds = Vec::new();
    let mut expectations = Vec::new();
    for (old_case, usage, cases) in COMPAT {
        let old = load(&cases_dir().join(old_case)).remove(0);
        let old_slug = slug(old_case);
        let (client, user) = (format!("pets-{old_slug}"), format!("user-{old_slug}"));
        render_into(&old, &work.join(&old_slug).join("client"), &client);
        user_crate(&work.join(&old_slug).join("user"), &user, "../client", &client, usage);
        members.extend([format!("{old_slug}/client"), format!("{old_slug}/user")]);
        olds.push(user);
        for case in *cases {
            let new = load(&cases_dir().join(case)).remove(0);
            let bump = diff::diff(&old, &new).bump();
            let case_slug = slug(case);
            let (client, user) = (format!("pets-{case_slug}"), format!("user-{case_slug}"));
            render_into(&new, &work.join(&case_slug).join("client"), &client);
            user_crate(&work.join(&case_slug).join("user"), &user, "../client", &client, usage);
            members.extend([format!("{case_slug}/client"), format!("{case_slug}/user")]);
            expectations.push((case, user, bump));
        }
    }
    let members = members.iter().map(|m| format!("    \"{m}\",\n")).collect::<String>();
    let manifest = format!("[workspace]\nresolver = \"2\"\nmembers = [\n{members}]\n");
    write_crate(&work, [(PathBuf::from("Cargo.toml"), manifest)].into_iter().collect());
    std::fs::copy(root().join("Cargo.lock"), work.join("Cargo.lock")).expect("copy Cargo.lock");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let check = |package: &str| {
        let out = Command::new(&cargo)
            .current_dir(&work)
            .env("CARGO_TARGET_DIR", root().join("target/diff-compat-target"))
            .args(["check", "--offline", "--quiet", "--message-format=short", "-p", package])
            .output()
            .expect("run cargo");
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    for user in &olds {
        let (ok, err) = check(user);
        assert!(ok, "{user}: the old usage must compile against the old crate:\n{err}");
    }
    let mut wrong = Vec::new();
    for (case, user, bump) in expectations {
        let (ok, err) = check(&user);
        if !ok && !err.contains(&format!("could not compile `{user}`")) {
            panic!("{case}: the check failed outside the user's code (a broken crate or dependency):\n{err}");
        }
        if ok != (bump != Bump::Major) {
            wrong.push(format!(
                "{case}: diff says {}, but the old usage {} against the new crate\n{err}",
                bump.label(),
                if ok { "compiles" } else { "does not compile" }
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

// ---------------------------------------------------------------------------------------
// Regenerate, check and --rev print the summary.

fn temp_root(name: &str) -> PathBuf {
    let dir = root().join("target/diff-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("specs/pets")).unwrap();
    std::fs::write(
        dir.join("specs/pets/provider.yaml"),
        "crate_name: pets-client\ndisplay_name: Pets\n",
    )
    .unwrap();
    dir
}

fn set_doc(root: &Path, case: &str) {
    std::fs::copy(cases_dir().join(format!("{case}.md")), root.join("specs/pets/PetsApi.md")).unwrap();
}

fn generator(root: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_generator"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("run generator");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

#[test]
fn regenerate_and_check_print_the_summary_of_api_changes() {
    let dir = temp_root("summary");
    set_doc(&dir, "base");
    let (ok, out) = generator(&dir, &[]);
    assert!(ok, "{out}");
    assert!(out.contains("API changes in pets: new crate"), "{out}");

    set_doc(&dir, "param_added_required");
    let (ok, out) = generator(&dir, &["check"]);
    assert!(!ok, "check fails while stale:\n{out}");
    let summary = "API changes in pets: major bump (1 breaking), needs 0.1.0 → 0.2.0; version stays 0.1.0: \
                   not enough, set `version: 0.2.0` in provider.yaml\n  \
                   breaking         list_pets: new required parameter `owner` (query `owner`, `string`): \
                   a new positional argument of `Client::list_pets`\n";
    assert!(out.contains(summary), "{out}");

    let (ok, out) = generator(&dir, &[]);
    assert!(ok && out.contains(summary), "{out}");
    let (ok, out) = generator(&dir, &["check"]);
    assert!(ok && !out.contains("API changes"), "{out}");
}

fn set_version(root: &Path, version: &str) {
    std::fs::write(
        root.join("specs/pets/provider.yaml"),
        format!("crate_name: pets-client\ndisplay_name: Pets\nversion: {version}\n"),
    )
    .unwrap();
}

fn manifest_version(root: &Path) -> String {
    let manifest = std::fs::read_to_string(root.join("generated/pets/Cargo.toml")).unwrap();
    diff::manifest_version(&manifest).expect("a version in Cargo.toml")
}

#[test]
fn provider_yaml_sets_the_version_and_regenerating_prints_the_change_next_to_the_need() {
    let dir = temp_root("versions");
    set_doc(&dir, "base");
    let (ok, out) = generator(&dir, &[]);
    assert!(ok, "{out}");
    assert_eq!(manifest_version(&dir), "0.1.0", "the default");

    // An addition, the version not bumped: what it needs; then bumped alone: the change made.
    set_doc(&dir, "param_added_optional");
    let (ok, out) = generator(&dir, &[]);
    assert!(ok, "{out}");
    assert!(
        out.contains("API changes in pets: minor bump (1 addition), needs 0.1.0 → 0.1.1; version stays 0.1.0: not enough, set `version: 0.1.1` in provider.yaml\n"),
        "{out}"
    );
    set_version(&dir, "0.1.1");
    let (ok, out) = generator(&dir, &["check"]);
    assert!(!ok && out.contains("stale:   generated/pets/Cargo.toml"), "{out}");
    assert!(out.contains("API changes in pets: no API changes; version 0.1.0 → 0.1.1\n"), "{out}");
    let (ok, out) = generator(&dir, &[]);
    assert!(ok && out.contains("API changes in pets: no API changes; version 0.1.0 → 0.1.1\n"), "{out}");
    assert_eq!(manifest_version(&dir), "0.1.1");

    // Breaking changes with the version bumped in the same edit: both, and no complaint.
    set_doc(&dir, "param_added_required");
    set_version(&dir, "0.2.0");
    let (ok, out) = generator(&dir, &[]);
    assert!(ok, "{out}");
    assert!(out.contains("API changes in pets: major bump (2 breaking), needs 0.1.1 → 0.2.0; version 0.1.1 → 0.2.0\n"), "{out}");
    assert!(!out.contains("not enough"), "{out}");
    assert_eq!(manifest_version(&dir), "0.2.0");
    let (ok, out) = generator(&dir, &["check"]);
    assert!(ok && !out.contains("API changes"), "{out}");

    // A version that is not semver is an error pointing at its line; nothing is written.
    std::fs::write(dir.join("specs/pets/provider.yaml"), "crate_name: pets-client\ndisplay_name: Pets\nversion: 1.0\n").unwrap();
    let (ok, out) = generator(&dir, &[]);
    assert!(!ok && out.contains("specs/pets/provider.yaml:3: version: `1.0` is not a semver version"), "{out}");
    assert_eq!(manifest_version(&dir), "0.2.0");
}

/// `check --rev REV` with each doc pair: the base committed (and tagged) as the release,
/// the case's doc in the working tree, and each version: it passes exactly when the version
/// is at least what the case's bump needs from 0.1.0.
#[test]
fn check_rev_fails_when_the_version_is_not_bumped_enough_for_the_api_changes() {
    let dir = temp_root("check-rev");
    git(&dir, &["init", "--quiet"]);
    set_doc(&dir, "base");
    let (ok, out) = generator(&dir, &[]);
    assert!(ok, "{out}");
    git(&dir, &["add", "specs", "generated"]);
    git(&dir, &["commit", "--quiet", "-m", "release 0.1.0"]);
    git(&dir, &["tag", "v0.1.0"]);

    let cases = [
        ("param_added_required", Bump::Major),
        ("param_added_optional", Bump::Minor),
        ("method_changed", Bump::Patch),
        ("status_added", Bump::Patch),
        ("base", Bump::None),
    ];
    for (case, bump) in cases {
        set_doc(&dir, case);
        for (version, enough) in [
            ("0.1.0", bump == Bump::None),
            ("0.1.1", bump <= Bump::Minor),
            ("0.2.0", true),
            ("1.0.0", true),
        ] {
            set_version(&dir, version);
            let (regenerated, out) = generator(&dir, &[]);
            assert!(regenerated, "{case} {version}: {out}");
            let (ok, out) = generator(&dir, &["check", "--rev", "v0.1.0"]);
            assert_eq!(ok, enough, "{case} at {version}:\n{out}");
            if enough {
                assert!(out.contains("ok: every crate's version fits its API changes since v0.1.0"), "{case} {version}:\n{out}");
            } else {
                let need = if bump == Bump::Major { "0.2.0" } else { "0.1.1" };
                assert!(
                    out.contains(&format!(
                        "error: since v0.1.0, pets: version 0.1.0 → {version} is not enough: the API changes need a {} bump, to {need} or later",
                        bump.label()
                    )),
                    "{case} {version}:\n{out}"
                );
            }
        }
    }

    // The changes that need more than the version got are named, and only those: from a
    // release with a required `owner` to one with an optional `sort` instead.
    set_doc(&dir, "param_added_required");
    set_version(&dir, "0.1.0");
    let (ok, out) = generator(&dir, &[]);
    assert!(ok, "{out}");
    git(&dir, &["add", "specs", "generated"]);
    git(&dir, &["commit", "--quiet", "-m", "owner"]);
    git(&dir, &["tag", "owner"]);
    set_doc(&dir, "param_added_optional");
    set_version(&dir, "0.1.1");
    let (ok, out) = generator(&dir, &[]);
    assert!(ok, "{out}");
    let (ok, out) = generator(&dir, &["check", "--rev", "owner"]);
    assert!(!ok, "{out}");
    assert!(out.contains("(1 breaking, 1 addition); while a crate is 0.x, a breaking change bumps the minor version:\n"), "{out}");
    assert!(out.contains("  breaking         list_pets: ") && out.contains("`owner`"), "{out}");
    assert!(!out.contains("  addition"), "the addition fits 0.1.1:\n{out}");
    assert!(out.contains("1 crate(s) need a larger version bump"), "{out}");

    // A version that goes down fails whatever changed.
    set_doc(&dir, "base");
    set_version(&dir, "0.0.9");
    let (ok, out) = generator(&dir, &[]);
    assert!(ok, "{out}");
    let (ok, out) = generator(&dir, &["check", "--rev", "v0.1.0"]);
    assert!(!ok && out.contains("pets: version 0.1.0 → 0.0.9 goes back"), "{out}");

    // `diff --rev` says the same in its report.
    set_doc(&dir, "param_added_required");
    set_version(&dir, "0.1.1");
    let (ok, out) = generator(&dir, &["diff", "--rev", "v0.1.0"]);
    assert!(ok, "{out}");
    assert!(out.contains("0.1.0 → 0.2.0. **`provider.yaml` sets 0.1.1: not enough**"), "{out}");
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn diff_rev_compares_a_revision_with_the_working_tree() {
    let dir = temp_root("rev");
    git(&dir, &["init", "--quiet"]);
    // First revision: docs only, no api.yaml: the revision's docs are read.
    set_doc(&dir, "base");
    git(&dir, &["add", "specs"]);
    git(&dir, &["commit", "--quiet", "-m", "docs only"]);
    git(&dir, &["tag", "docs-only"]);
    // Second revision: with its api.yaml, which is what is compared.
    let (ok, out) = generator(&dir, &[]);
    assert!(ok, "{out}");
    git(&dir, &["add", "specs", "generated"]);
    git(&dir, &["commit", "--quiet", "-m", "generated"]);

    set_doc(&dir, "param_added_optional");
    for rev in ["docs-only", "HEAD"] {
        let (ok, out) = generator(&dir, &["diff", "--rev", rev]);
        assert!(ok, "{out}");
        assert!(out.contains("## `pets`: **minor** (1 addition)"), "{rev}:\n{out}");
        assert!(out.contains("0.1.0 → 0.1.1"), "{rev}:\n{out}");
        assert!(out.contains("new optional parameter `sort`"), "{rev}:\n{out}");
    }
    let (ok, out) = generator(&dir, &["diff", "--rev", "no-such-revision"]);
    assert!(!ok && out.contains("no-such-revision"), "{out}");
}

// ---------------------------------------------------------------------------------------
// The diff's view of the crate's names, checked against the rendered crates.

/// The argument names of `pub fn {method}(&self, …)` in whitespace-collapsed code.
fn arguments(code: &str, method: &str) -> Option<Vec<String>> {
    let start = code.find(&format!("pub fn {method}("))? + format!("pub fn {method}(").len();
    let mut depth = 0i32;
    let mut args = Vec::new();
    let mut current = String::new();
    for ch in code[start..].chars() {
        match ch {
            '(' | '<' => depth += 1,
            '>' => depth -= 1,
            ')' if depth == 0 => break,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                args.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(ch);
    }
    args.push(current);
    Some(
        args.iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty() && *a != "&self")
            .map(|a| a.split(':').next().unwrap_or_default().trim().to_string())
            .collect(),
    )
}

#[test]
fn derived_names_match_the_rendered_crates() {
    let mut apis: Vec<Api> = generator::spec_dirs(&root())
        .iter()
        .map(|d| generator::load_spec_dir(d, &root()).unwrap_or_else(|e| panic!("{e}")).value.api)
        .collect();
    apis.extend(load(&cases_dir().join("base.md")));
    apis.extend(load(&cases_dir().join("models/base.yaml")));
    for api in &apis {
        let opts = generator::render::CrateOptions {
            crate_name: "x-client".into(),
            display_name: "X".into(),
            version: "0.1.0".into(),
            command: "test".into(),
        };
        let rendered = generator::render::render_crate(api, &opts);
        let code: String = rendered
            .value
            .iter()
            .filter(|(p, _)| !p.starts_with("src/runtime") && p.extension().is_some_and(|e| e == "rs"))
            .map(|(_, text)| text.split_whitespace().collect::<Vec<_>>().join(" ").replace("( ", "("))
            .collect::<Vec<_>>()
            .join("\n");
        let names = diff::rust_names(api);
        let p = &api.provider;
        for op in &api.operations {
            if rendered.warnings.iter().any(|w| w.message.contains(&format!("operation `{}` skipped", op.name))) {
                continue;
            }
            // Keyed by group and name; an operation of a group is named through its accessor
            // (`orders().list_orders`).
            let key = generator::surface::op_key(op);
            let m = names.methods[&key].rsplit("().").next().unwrap();
            let args = arguments(&code, m).unwrap_or_else(|| panic!("{p}: no method `{m}` for `{}`", op.name));
            assert_eq!(args, names.arguments[&key], "{p}: arguments of `{m}`");
            for s in &names.setters[&key] {
                assert!(code.contains(&format!("pub fn {s}(mut self")), "{p}: no setter `{s}` for `{}`", op.name);
            }
        }
        for (scheme, setter) in &names.scheme_setters {
            assert!(code.contains(&format!("pub fn {setter}(mut self")), "{p}: no setter `{setter}` for scheme `{scheme}`");
        }
        for (model, ident) in &names.models {
            assert!(
                code.contains(&format!("pub struct {ident}")) || code.contains(&format!("pub enum {ident}")),
                "{p}: no type `{ident}` for model `{model}`"
            );
        }
    }
}
