//! Writing generated files: only those whose contents changed; and checking for staleness.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Everything a generation run produces: relative path → contents, plus the directories it
/// owns entirely (files there that it did not produce are stale).
#[derive(Debug, Default, Clone)]
pub struct Output {
    pub files: BTreeMap<PathBuf, String>,
    pub owned_dirs: Vec<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stale {
    Missing(PathBuf),
    Differs(PathBuf),
    Extra(PathBuf),
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stale::Missing(p) => write!(f, "missing: {}", p.display()),
            Stale::Differs(p) => write!(f, "stale:   {}", p.display()),
            Stale::Extra(p) => write!(f, "extra:   {}", p.display()),
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Files that differ from what `output` says, relative to `root`.
pub fn stale(root: &Path, output: &Output) -> io::Result<Vec<Stale>> {
    let mut out = Vec::new();
    for (rel, want) in &output.files {
        match fs::read_to_string(root.join(rel)) {
            Ok(have) if &have == want => {}
            Ok(_) => out.push(Stale::Differs(rel.clone())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => out.push(Stale::Missing(rel.clone())),
            Err(e) => return Err(e),
        }
    }
    for dir in &output.owned_dirs {
        let mut found = Vec::new();
        walk(&root.join(dir), &mut found)?;
        for f in found {
            let rel = f.strip_prefix(root).unwrap_or(&f).to_path_buf();
            if !output.files.contains_key(&rel) {
                out.push(Stale::Extra(rel));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Brings the tree in line with `output`: writes changed files, removes extras from owned
/// directories. Returns what it changed.
pub fn write(root: &Path, output: &Output) -> io::Result<Vec<Stale>> {
    let changes = stale(root, output)?;
    for c in &changes {
        match c {
            Stale::Missing(rel) | Stale::Differs(rel) => {
                let path = root.join(rel);
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent)?;
                }
                fs::write(&path, &output.files[rel])?;
            }
            Stale::Extra(rel) => fs::remove_file(root.join(rel))?,
        }
    }
    Ok(changes)
}
