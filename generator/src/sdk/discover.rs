//! Where the SDK is and which of its files are read: the SDK root is the directory holding
//! the docs directory (`docs/`, openapi-generator's Dart `doc/`; a doc may sit deeper, in
//! 6.x python's `docs/apis/tags/` or PHP's `docs/Api/`). Its files are walked with bounds
//! (depth, entries, file size, files read), hidden, test and dependency directories left
//! out, no symbolic link followed out of the root, binary and non-UTF-8 files skipped with
//! a warning; the language's [`Extractor`] picks and reads its sources.

use super::{extractor, Extractor, SdkFacts};
use crate::diag::Diagnostics;
use std::path::{Path, PathBuf};

/// Bounds on what is walked and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest source file read, in bytes; a larger one is skipped with a warning.
    pub max_file_bytes: u64,
    /// Directory entries looked at, in all.
    pub max_entries: usize,
    /// Source files read.
    pub max_files: usize,
    /// Deepest directory walked below the root.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 2 * 1024 * 1024, max_entries: 50_000, max_files: 5_000, max_depth: 12 }
    }
}

/// The names of docs directories.
const DOCS_DIRS: &[&str] = &["docs", "doc"];

/// Directories never read: hidden ones, tests, dependencies, build output, the docs.
fn skipped_dir(name: &str) -> bool {
    name.starts_with('.')
        || matches!(
            name,
            "docs" | "doc" | "test" | "tests" | "spec" | "node_modules" | "target" | "build" | "dist" | "vendor" | "bin" | "obj" | "__pycache__"
        )
        || name.ends_with(".Test")
        || name.ends_with(".Tests")
}

/// The SDK root of an input: for a doc, the directory holding the docs directory it sits
/// in (up to three levels: `docs/apis/tags/BooksApi.md`); for a directory, itself when it
/// holds a docs directory, or its parent when it is one.
pub fn find_root(input: &Path) -> Option<PathBuf> {
    // `docs/BooksApi.md` given from the SDK root: its parent is the empty path.
    let dir_or_here = |p: &Path| if p.as_os_str().is_empty() { PathBuf::from(".") } else { p.to_path_buf() };
    find_root_in(input).map(|r| dir_or_here(&r))
}

fn find_root_in(input: &Path) -> Option<PathBuf> {
    let is_docs = |p: &Path| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| DOCS_DIRS.contains(&n));
    if input.is_dir() {
        if DOCS_DIRS.iter().any(|d| input.join(d).is_dir()) {
            return Some(input.to_path_buf());
        }
        if is_docs(input) {
            return input.parent().map(Path::to_path_buf);
        }
        return None;
    }
    let mut dir = input.parent()?;
    if dir.as_os_str().is_empty() {
        dir = Path::new(".");
    }
    for _ in 0..3 {
        if is_docs(dir) {
            return dir.parent().map(Path::to_path_buf);
        }
        dir = dir.parent()?;
    }
    None
}

/// A source file found: its path and its label relative to the SDK root.
struct Found {
    path: PathBuf,
    rel: String,
    api: bool,
}

/// Reads the sources of `language` under `root` (or, where the root holds none of its
/// sources, those of the language whose sources it holds: docs that show no code read as
/// Python). `None` when the root holds no sources any reader knows (nothing is said then:
/// most docs come alone). `label_root` is what diagnostics' paths are relative to.
pub fn read_sdk(root: &Path, language: &str, limits: &Limits, label_root: &Path, diags: &mut Diagnostics) -> Option<SdkFacts> {
    let label = |p: &Path| p.strip_prefix(label_root).unwrap_or(p).display().to_string();
    let files = walk(root, limits, &label, diags);
    let readers = extractor(language).into_iter().chain(super::EXTRACTORS.iter().filter(|e| e.language != language));
    let (ex, found) = readers
        .map(|ex| (ex, files.iter().filter_map(|(path, rel)| classify(rel, ex).map(|api| Found { path: path.clone(), rel: rel.clone(), api })).collect::<Vec<_>>()))
        .find(|(_, found)| found.iter().any(|f| f.api))?;
    let mut facts = SdkFacts { root: root.to_path_buf(), label: label(root), language: ex.language.to_string(), ..SdkFacts::default() };
    for f in found.iter().take(limits.max_files) {
        let Some(text) = read_text(&f.path, limits, &label(&f.path), diags) else { continue };
        facts.files += 1;
        // Each file read on its own, then merged: what it gave is known.
        let mut own = SdkFacts::default();
        if f.api {
            (ex.api)(&f.rel, &text, &mut own);
            if own.ops.is_empty() && text.len() > 4096 {
                diags.warning(
                    &label(&f.path),
                    0,
                    format!("no operation read from this {} API source: a template the reader does not know; the docs alone describe its operations", ex.language),
                );
            }
        } else {
            (ex.model)(&f.rel, &text, &mut own);
        }
        for (_, op) in own.ops {
            facts.add_op(op);
        }
        for (_, m) in own.models {
            facts.add_model(m);
        }
    }
    if found.len() > limits.max_files {
        diags.warning(
            &label(root),
            0,
            format!("the SDK holds {} {} source files; only the first {} are read", found.len(), ex.language, limits.max_files),
        );
    }
    Some(facts)
}

/// The files under `root` (path, path relative to the root), sorted by the latter.
fn walk(root: &Path, limits: &Limits, label: &dyn Fn(&Path) -> String, diags: &mut Diagnostics) -> Vec<(PathBuf, String)> {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut out = Vec::new();
    let mut entries = 0usize;
    let mut stack: Vec<(PathBuf, usize)> = vec![(root.to_path_buf(), 0)];
    let mut warned_entries = false;
    while let Some((dir, depth)) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&dir) else { continue };
        let mut names: Vec<std::fs::DirEntry> = read.flatten().collect();
        names.sort_by_key(|e| e.file_name());
        for e in names {
            entries += 1;
            if entries > limits.max_entries {
                if !warned_entries {
                    warned_entries = true;
                    diags.warning(&label(root), 0, format!("the SDK has more than {} entries; the rest is not read", limits.max_entries));
                }
                break;
            }
            let path = e.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else { continue };
            let Ok(ft) = e.file_type() else { continue };
            let mut is_file = ft.is_file();
            if ft.is_symlink() {
                // Followed only where it stays inside the root, and never into a directory.
                match path.canonicalize() {
                    Ok(target) if target.starts_with(&canonical_root) => is_file = target.is_file(),
                    _ => {
                        if is_source_name(&name) {
                            diags.warning(&label(&path), 0, "a symbolic link out of the SDK root: not read");
                        }
                        continue;
                    }
                }
            } else if ft.is_dir() {
                if depth < limits.max_depth && !skipped_dir(&name) {
                    stack.push((path, depth + 1));
                }
                continue;
            }
            if is_file && is_source_name(&name) {
                let rel = rel_of(root, &path);
                out.push((path, rel));
            }
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// A file name of a source some reader may want (by extension).
fn is_source_name(name: &str) -> bool {
    const EXTS: &[&str] = &["py", "java", "go", "ts", "js", "rb", "php", "cs", "kt", "dart", "rs", "swift", "pm", "R", "r"];
    name.rsplit_once('.').is_some_and(|(_, e)| EXTS.contains(&e))
}

fn rel_of(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

/// `Some(true)`: an API source; `Some(false)`: a model source.
fn classify(rel: &str, ex: &Extractor) -> Option<bool> {
    if (ex.is_api)(rel) {
        Some(true)
    } else if (ex.is_model)(rel) {
        Some(false)
    } else {
        None
    }
}

/// A source file's text: bounded, UTF-8, not binary; a warning otherwise.
fn read_text(path: &Path, limits: &Limits, label: &str, diags: &mut Diagnostics) -> Option<String> {
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if len > limits.max_file_bytes {
        diags.warning(label, 0, format!("SDK source of {len} bytes (more than {}): not read", limits.max_file_bytes));
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.warning(label, 0, format!("SDK source cannot be read: {e}"));
            return None;
        }
    };
    if bytes.iter().take(8192).any(|b| *b == 0) {
        diags.warning(label, 0, "SDK source is binary: not read");
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) => {
            diags.warning(label, 0, format!("SDK source is not UTF-8 ({e}): not read"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_the_directory_holding_the_docs() {
        let tmp = std::env::temp_dir().join(format!("sdk-root-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir_all(tmp.join("docs/apis/tags")).unwrap();
        std::fs::write(tmp.join("docs/BooksApi.md"), "").unwrap();
        std::fs::write(tmp.join("docs/apis/tags/BooksApi.md"), "").unwrap();
        std::fs::write(tmp.join("BooksApi.md"), "").unwrap();
        assert_eq!(find_root(&tmp.join("docs/BooksApi.md")), Some(tmp.clone()));
        assert_eq!(find_root(&tmp.join("docs/apis/tags/BooksApi.md")), Some(tmp.clone()));
        assert_eq!(find_root(&tmp.join("docs")), Some(tmp.clone()));
        assert_eq!(find_root(&tmp), Some(tmp.clone()));
        // A doc outside any docs directory has no SDK around it.
        assert_eq!(find_root(&tmp.join("BooksApi.md")), None);
        let _ = std::fs::remove_dir_all(&tmp);
    }
}
