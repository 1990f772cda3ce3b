//! The two sides of a diff: docs, spec directories or `api.yaml` files, a git revision's
//! specs, the working tree's; and the crate versions at each.

use super::*;
use crate::diag::Failed;
use std::path::{Path, PathBuf};

/// One side of a diff: a doc, a docs or spec directory, an `api.yaml`, a `specs/`
/// directory (every provider in it), or a repository root (its `specs/`).
pub fn load_side(path: &Path) -> Result<Vec<Api>, Failed> {
    let specs = if path.join("specs").is_dir() { path.join("specs") } else { path.to_path_buf() };
    let dirs = crate::provider_dirs(&specs);
    let is_specs_root = path.is_dir() && !path.join("provider.yaml").is_file() && !dirs.is_empty();
    if is_specs_root {
        let mut apis = Vec::new();
        let mut errors = Vec::new();
        for dir in dirs {
            match crate::load_spec_dir(&dir, path) {
                Ok(l) => apis.push(l.value.api),
                Err(Failed(e)) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            return Err(Failed(errors));
        }
        return Ok(apis);
    }
    crate::load_input(path).map(|l| vec![l.value])
}

fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!("git {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim()));
    }
    Ok(out.stdout)
}

/// The providers of `specs/` at git revision `rev` of the repository at `root`: each
/// provider's checked-in `api.yaml` (what that revision's crate was generated from), or,
/// when there is none or it no longer reads, its docs and `provider.yaml` read anew.
pub fn load_rev(root: &Path, rev: &str) -> Result<Vec<Api>, String> {
    let listing = git(root, &["ls-tree", "-r", "--name-only", rev, "--", "specs/"])?;
    let mut by_provider: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&listing).lines() {
        let mut parts = line.splitn(3, '/');
        if let (Some("specs"), Some(p), Some(_)) = (parts.next(), parts.next(), parts.next()) {
            by_provider.entry(p.to_string()).or_default().push(line.to_string());
        }
    }
    let mut apis = Vec::new();
    let tmp = std::env::temp_dir().join(format!("generator-diff-{}-{}", std::process::id(), rev.replace(['/', ':'], "_")));
    let result = (|| {
        for (provider, files) in &by_provider {
            if !files.iter().any(|f| f.ends_with("/provider.yaml")) {
                continue;
            }
            let yaml_path = format!("specs/{provider}/api.yaml");
            if files.contains(&yaml_path) {
                let text = String::from_utf8_lossy(&git(root, &["show", &format!("{rev}:{yaml_path}")])?).into_owned();
                if let Ok(api) = crate::yaml::from_yaml(&text, &yaml_path) {
                    apis.push(api);
                    continue;
                }
            }
            let dir = tmp.join("specs").join(provider);
            for f in files {
                let target = tmp.join(f);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
                }
                let bytes = git(root, &["show", &format!("{rev}:{f}")])?;
                std::fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
            }
            let loaded = crate::load_spec_dir(&dir, &tmp).map_err(|f| format!("{rev}:specs/{provider}: {f}"))?;
            apis.push(loaded.value.api);
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result.map(|()| apis)
}

/// The working tree's providers, read from their docs and `provider.yaml` (so edits not
/// yet regenerated count).
pub fn load_working_tree(root: &Path) -> Result<Vec<Api>, Failed> {
    let mut apis = Vec::new();
    let mut errors = Vec::new();
    for dir in crate::spec_dirs(root) {
        match crate::load_spec_dir(&dir, root) {
            Ok(l) => apis.push(l.value.api),
            Err(Failed(e)) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(apis)
    } else {
        Err(Failed(errors))
    }
}

/// The `version = "…"` of a Cargo manifest's package.
pub fn manifest_version(manifest: &str) -> Option<String> {
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("version = \"").and_then(|r| r.strip_suffix('"')))
        .map(str::to_string)
}

/// The API changes a generation run makes (or, for `check`, would make): every
/// `specs/<provider>/api.yaml` in `output` whose text differs from the one on disk,
/// compared with it; and every crate whose version changes without an API change.
/// [`ProviderDiff::version`] is the version of `generated/<provider>/Cargo.toml` on disk,
/// [`ProviderDiff::new_version`] the planned one (`provider.yaml`'s).
pub fn plan_changes(root: &Path, output: &crate::files::Output) -> Vec<ProviderDiff> {
    let mut out = Vec::new();
    for (rel, text) in &output.files {
        let mut comps = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned());
        let (Some(first), Some(provider), Some(file), None) = (comps.next(), comps.next(), comps.next(), comps.next()) else {
            continue;
        };
        if first != "specs" || file != "api.yaml" {
            continue;
        }
        let manifest = PathBuf::from("generated").join(&provider).join("Cargo.toml");
        let new_version = output.files.get(&manifest).and_then(|m| manifest_version(m));
        let version = std::fs::read_to_string(root.join(&manifest)).ok().and_then(|m| manifest_version(&m));
        let old_text = std::fs::read_to_string(root.join(rel)).ok();
        if old_text.as_deref() == Some(text.as_str()) {
            if version.is_some() && new_version.is_some() && version != new_version {
                let mut d = ProviderDiff::new(&provider, Presence::Both);
                (d.version, d.new_version) = (version, new_version);
                out.push(d);
            }
            continue;
        }
        let label = rel.display().to_string();
        let new = match crate::yaml::from_yaml(text, &label) {
            Ok(api) => api,
            Err(e) => {
                let mut d = ProviderDiff::new(&provider, Presence::Both);
                d.note = Some(format!("internal error: the planned api.yaml does not read back: {e}"));
                out.push(d);
                continue;
            }
        };
        let mut d = match old_text.as_deref().map(|t| crate::yaml::from_yaml(t, &label)) {
            None => {
                let mut d = ProviderDiff::new(&provider, Presence::OnlyNew);
                d.note = Some(format!("new provider: a new crate with {} operation(s)", new.operations.len()));
                d
            }
            Some(Err(Failed(e))) => {
                let mut d = ProviderDiff::new(&provider, Presence::Both);
                let why = e.first().map(|d| d.message.clone()).unwrap_or_default();
                d.note = Some(format!("the checked-in {label} does not read with this generator ({why}); not compared"));
                d
            }
            Some(Ok(old)) => {
                let mut d = diff(&old, &new);
                if d.is_empty() {
                    d.note = Some("api.yaml changed, but no fact of the API did (evidence, source or formatting only)".into());
                }
                d
            }
        };
        d.provider = provider;
        (d.version, d.new_version) = (version, new_version);
        out.push(d);
    }
    out
}

/// The `version:` of a `provider.yaml` text, read leniently (any revision's file, whatever
/// else it says), or [`crate::provider::DEFAULT_VERSION`].
pub fn provider_yaml_version(text: &str) -> String {
    let value: serde_yaml::Value = serde_yaml::from_str(text).unwrap_or(serde_yaml::Value::Null);
    match value.get("version") {
        Some(serde_yaml::Value::String(s)) => s.clone(),
        Some(serde_yaml::Value::Number(n)) => n.to_string(),
        _ => crate::provider::DEFAULT_VERSION.to_string(),
    }
}

/// Each provider's crate version at git revision `rev`: its `provider.yaml`'s `version:`
/// (default [`crate::provider::DEFAULT_VERSION`]).
pub fn rev_versions(root: &Path, rev: &str) -> Result<BTreeMap<String, String>, String> {
    let listing = git(root, &["ls-tree", "-r", "--name-only", rev, "--", "specs/"])?;
    let mut out = BTreeMap::new();
    for line in String::from_utf8_lossy(&listing).lines() {
        let parts: Vec<&str> = line.split('/').collect();
        if let ["specs", provider, "provider.yaml"] = parts[..] {
            let text = git(root, &["show", &format!("{rev}:{line}")])?;
            out.insert(provider.to_string(), provider_yaml_version(&String::from_utf8_lossy(&text)));
        }
    }
    Ok(out)
}

/// Each provider's crate version in the working tree (`specs/*/provider.yaml`).
pub fn working_tree_versions(root: &Path) -> BTreeMap<String, String> {
    crate::spec_dirs(root)
        .into_iter()
        .filter_map(|dir| {
            let provider = dir.file_name()?.to_string_lossy().into_owned();
            let text = std::fs::read_to_string(dir.join("provider.yaml")).ok()?;
            Some((provider, provider_yaml_version(&text)))
        })
        .collect()
}

/// [`diff_sides`] between revision `rev` and the working tree, with each crate's version
/// on both sides (for [`ProviderDiff::version_problem`]).
pub fn diff_rev(root: &Path, rev: &str) -> Result<Vec<ProviderDiff>, String> {
    let old = load_rev(root, rev)?;
    let new = load_working_tree(root).map_err(|f| f.to_string())?;
    let (old_versions, new_versions) = (rev_versions(root, rev)?, working_tree_versions(root));
    let mut diffs = diff_sides(&old, &new);
    for d in &mut diffs {
        d.version = old_versions.get(&d.provider).cloned();
        d.new_version = new_versions.get(&d.provider).cloned();
    }
    Ok(diffs)
}

// ---------------------------------------------------------------------------------------
// Reports.
