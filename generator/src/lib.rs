//! Reads API docs written by openapi-generator / swagger-codegen into an endpoint model,
//! writes it as normalized YAML, and renders typed Rust client crates from it.
//!
//! Pipeline: doc ([`read`]: markdown or plain text → blocks) → [`flavour`] (what the doc
//! says) → [`infer`] (what it does not say, with evidence) → [`provider`] overrides →
//! [`ir::Api`] ⇄ [`yaml`] → [`render`] → files ([`files`]).

#![forbid(unsafe_code)]

pub mod diag;
pub mod diff;
pub mod files;
pub mod flavour;
pub mod ident;
pub mod infer;
pub mod ir;
pub mod openapi;
pub mod prose;
pub mod provider;
pub mod read;
pub mod render;
pub mod yaml;

use diag::{Diagnostic, Diagnostics, Failed};
use flavour::Flavour;
use ir::{Api, Source};
use provider::ProviderConfig;
use std::path::{Path, PathBuf};

/// A result with its warnings.
#[derive(Debug)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Vec<Diagnostic>,
}

fn finish<T>(value: Option<T>, diags: Diagnostics) -> Result<Loaded<T>, Failed> {
    if diags.has_errors() || value.is_none() {
        let mut all = diags.sorted();
        all.retain(|d| d.severity == diag::Severity::Error);
        return Err(Failed(all));
    }
    Ok(Loaded {
        value: value.expect("checked above"),
        warnings: diags.sorted(),
    })
}

/// Parses one doc (markdown or plain text, detected) into the endpoint model, inference
/// applied. `file` names the doc in diagnostics.
pub fn parse_doc(text: &str, file: &str, provider: &str) -> Result<Loaded<Api>, Failed> {
    let mut diags = Diagnostics::default();
    let api = parse_doc_into(text, file, provider, &mut diags);
    finish(api, diags)
}

fn parse_doc_into(text: &str, file: &str, provider: &str, diags: &mut Diagnostics) -> Option<Api> {
    let set = DocSet {
        docs: vec![(file.to_string(), text.to_string())],
        readme: None,
    };
    parse_doc_set(&set, provider, diags)
}

/// The files of one API's docs: API docs (`*Api.md`) and model docs in any order (told
/// apart by content), and the client README, whose authorization section is read.
#[derive(Debug, Clone, Default)]
pub struct DocSet {
    /// (label for diagnostics, contents)
    pub docs: Vec<(String, String)>,
    pub readme: Option<(String, String)>,
}

fn file_name(label: &str) -> String {
    Path::new(label)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.to_string())
}

/// Parses a set of docs into one model: operations of every API doc (each its own group
/// when there are several), models from model docs or JSON examples, auth from the README.
pub fn parse_doc_set(set: &DocSet, provider: &str, diags: &mut Diagnostics) -> Option<Api> {
    let flavour = flavour::python::Python;
    let hints = flavour.text_hints();
    let mut apis: Vec<(String, flavour::DocApi)> = Vec::new();
    let mut models = Vec::new();
    let mut form = None;
    let mut files = Vec::new();
    let read_blocks = |text: &str| {
        let f = read::detect_form(text);
        (f, read::read(text, f, &hints))
    };
    let single = set.docs.len() == 1;
    for (label, text) in &set.docs {
        let (f, blocks) = read_blocks(text);
        let is_api = blocks.iter().any(|b| {
            matches!(&b.kind, read::BlockKind::Table { rows } if rows.first().is_some_and(|r| {
                r.cells.len() >= 2 && r.cells[0].text.trim() == "Method" && r.cells[1].text.trim() == "HTTP request"
            }))
        });
        if is_api || single {
            form.get_or_insert(f);
            files.push(file_name(label));
            if let Some(doc) = flavour.extract(&blocks, label, diags) {
                apis.push((label.clone(), doc));
            }
        } else if let Some(m) = flavour.extract_model(&blocks, label, diags) {
            files.push(file_name(label));
            models.push(m);
        } else {
            diags.warning(label, 1, "neither an API doc (no method table) nor a model doc (no `# Name` heading); ignored");
        }
    }
    if apis.is_empty() {
        // An API doc that failed has said why already.
        if !single && !diags.has_errors() {
            diags.error(provider, 0, "expected at least one API doc (`*Api.md` with a method table)");
        }
        return None;
    }
    let grouped = apis.len() > 1;
    let (first_label, mut merged) = apis.remove(0);
    if grouped {
        for op in &mut merged.ops {
            op.group = Some(merged.title.clone());
        }
    }
    for (label, mut doc) in apis {
        if doc.base_url.is_some() && merged.base_url.is_some() && doc.base_url != merged.base_url {
            diags.warning(&label, doc.base_url_line, format!(
                "base URL `{}` differs from `{}` in {first_label}; the first is used",
                doc.base_url.clone().unwrap_or_default(),
                merged.base_url.clone().unwrap_or_default()
            ));
        }
        if merged.base_url.is_none() {
            merged.base_url = doc.base_url.take();
        }
        for op in &mut doc.ops {
            op.group = Some(doc.title.clone());
            if let Some(other) = merged.ops.iter().find(|o| o.name == op.name) {
                diags.error(&label, op.line, format!(
                    "operation `{}` is also documented in {} (line {})",
                    op.name, other.group.clone().unwrap_or_default(), other.line
                ));
            }
        }
        merged.ops.extend(doc.ops);
        for s in doc.schemes {
            if !merged.schemes.iter().any(|x| x.name == s.name) {
                merged.schemes.push(s);
            }
        }
    }
    let mut readme = Vec::new();
    if let Some((label, text)) = &set.readme {
        let (_, blocks) = read_blocks(text);
        readme = flavour.extract_readme_auth(&blocks, label, diags);
        files.push(file_name(label));
    }
    let source = Source {
        files,
        form: form.unwrap_or(ir::DocForm::Markdown),
        flavour: flavour.name().to_string(),
    };
    let conv = infer::convention(&merged);
    let mut api = infer::infer(merged, provider, source, &first_label, diags);
    if let Some((label, _)) = &set.readme {
        infer::apply_readme(&mut api, &readme, &file_name(label));
    }
    infer::add_models(&mut api, &models, &conv, diags);
    flavour::models::infer_variants(&mut api);
    infer::models_from_examples(&mut api);
    infer::patch_bodies_are_nullable(&mut api);
    Some(api)
}

/// Collects a docs directory: `dir/docs/*.md` (or `dir/*.md`) and `dir/README.md`.
/// Labels are relative to `label_root`.
pub fn collect_dir(dir: &Path, label_root: &Path, diags: &mut Diagnostics) -> DocSet {
    let label = |p: &Path| p.strip_prefix(label_root).unwrap_or(p).display().to_string();
    let docs_dir = if dir.join("docs").is_dir() { dir.join("docs") } else { dir.to_path_buf() };
    let mut set = DocSet::default();
    // openapi-generator 6.x `python` puts API docs in `docs/apis/tags/`: read so that the
    // flavour can say what that layout is, rather than finding no API doc at all.
    let tags_dir = docs_dir.join("apis/tags");
    let tags = if tags_dir.is_dir() { doc_files(&tags_dir) } else { Vec::new() };
    for path in doc_files(&docs_dir).into_iter().chain(tags) {
        let l = label(&path);
        if let Some(text) = read_file(&path, &l, diags) {
            set.docs.push((l, text));
        }
    }
    for readme in [dir.join("README.md"), docs_dir.join("README.md")] {
        if readme.is_file() && set.readme.is_none() {
            let l = label(&readme);
            if let Some(text) = read_file(&readme, &l, diags) {
                set.readme = Some((l, text));
            }
        }
    }
    set
}

/// One provider's inputs under `specs/<provider>/`.
#[derive(Debug, Clone)]
pub struct Spec {
    pub dir: PathBuf,
    pub provider: String,
    pub config: ProviderConfig,
    pub api: Api,
}

fn read_file(path: &Path, label: &str, diags: &mut Diagnostics) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(e) => {
                diags.error(label, 0, format!("expected UTF-8 text: {e}"));
                None
            }
        },
        Err(e) => {
            diags.error(label, 0, format!("cannot read: {e}"));
            None
        }
    }
}

/// The doc files of a spec directory: `.md` / `.txt`, except READMEs.
fn doc_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            let stem = p.file_stem().and_then(|e| e.to_str()).unwrap_or("");
            (ext == "md" || ext == "txt") && !stem.eq_ignore_ascii_case("readme")
        })
        .collect();
    out.sort();
    out
}

/// Loads `specs/<provider>/`: its `provider.yaml` and source doc; overrides applied.
/// `label_root` is what paths in diagnostics are relative to.
pub fn load_spec_dir(dir: &Path, label_root: &Path) -> Result<Loaded<Spec>, Failed> {
    let mut diags = Diagnostics::default();
    let label = |p: &Path| p.strip_prefix(label_root).unwrap_or(p).display().to_string();
    let provider = dir
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cfg_path = dir.join("provider.yaml");
    let cfg_label = label(&cfg_path);
    let cfg_text = read_file(&cfg_path, &cfg_label, &mut diags);
    let config = cfg_text
        .as_deref()
        .and_then(|t| provider::parse(t, &cfg_label, &mut diags));
    let doc_path = match config.as_ref().and_then(|c| c.doc.clone()) {
        Some(d) => Some(dir.join(d)),
        None if dir.join("docs").is_dir() => Some(dir.to_path_buf()),
        None => {
            let docs = doc_files(dir);
            if docs.len() != 1 {
                diags.error(
                    &label(dir),
                    0,
                    format!(
                        "expected exactly one source doc (.md or .txt), a docs/ directory, or `doc:` in provider.yaml, found {} docs",
                        docs.len()
                    ),
                );
            }
            docs.into_iter().next()
        }
    };
    let mut api = None;
    if let Some(doc_path) = doc_path {
        if doc_path.is_dir() {
            let set = collect_dir(&doc_path, label_root, &mut diags);
            api = parse_doc_set(&set, &provider, &mut diags);
        } else {
            let doc_label = label(&doc_path);
            if let Some(text) = read_file(&doc_path, &doc_label, &mut diags) {
                api = parse_doc_into(&text, &doc_label, &provider, &mut diags);
            }
        }
    }
    let spec = match (api, config, cfg_text) {
        (Some(mut api), Some(config), Some(text)) => {
            provider::apply(&mut api, &config, &text, &cfg_label, &mut diags);
            Some(Spec {
                dir: dir.to_path_buf(),
                provider,
                config,
                api,
            })
        }
        _ => None,
    };
    finish(spec, diags)
}

/// Reads any input: a doc file, a spec directory, or a normalized `api.yaml`.
pub fn load_input(path: &Path) -> Result<Loaded<Api>, Failed> {
    let label = path.display().to_string();
    if path.is_dir() {
        if path.join("provider.yaml").is_file() {
            let parent = path.parent().unwrap_or(Path::new("."));
            return load_spec_dir(path, parent).map(|l| Loaded {
                value: l.value.api,
                warnings: l.warnings,
            });
        }
        let mut diags = Diagnostics::default();
        let parent = path.parent().unwrap_or(Path::new("."));
        let set = collect_dir(path, parent, &mut diags);
        let provider = path
            .file_name()
            .map(|s| heck::ToSnakeCase::to_snake_case(s.to_string_lossy().as_ref()))
            .unwrap_or_default();
        let api = parse_doc_set(&set, &provider, &mut diags);
        return finish(api, diags);
    }
    let mut diags = Diagnostics::default();
    let Some(text) = read_file(path, &label, &mut diags) else {
        return finish(None, diags);
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "yaml" || ext == "yml" {
        return yaml::from_yaml(&text, &label).map(|api| Loaded {
            value: api,
            warnings: Vec::new(),
        });
    }
    let provider = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let provider = heck::ToSnakeCase::to_snake_case(provider.trim_end_matches("Api").trim_end_matches("_api"));
    parse_doc(&text, &label, &provider)
}

/// Every spec directory under `root/specs`, sorted.
pub fn spec_dirs(root: &Path) -> Vec<PathBuf> {
    provider_dirs(&root.join("specs"))
}

/// The directories directly under `specs` that hold a `provider.yaml`, sorted.
pub fn provider_dirs(specs: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(specs)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("provider.yaml").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// Everything `cargo run -p generator` derives, for every provider: `specs/*/api.yaml` and
/// `generated/*/`. All providers' errors are reported together.
pub fn plan_all(root: &Path) -> Result<Loaded<files::Output>, Failed> {
    let dirs = spec_dirs(root);
    // Providers are independent: each thread takes the next one; results are put together
    // in directory order, so the output does not depend on which thread did what.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(dirs.len()).max(1);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(dir) = dirs.get(i) else { return done };
            done.push((i, plan_provider(dir, root)));
        }
    };
    let mut results: Vec<(usize, Result<Loaded<files::Output>, Failed>)> =
        on_threads(threads, |_| work()).into_iter().flatten().collect();
    results.sort_by_key(|(i, _)| *i);

    let mut out = files::Output::default();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for (_, result) in results {
        match result {
            Ok(loaded) => {
                warnings.extend(loaded.warnings);
                out.files.extend(loaded.value.files);
                out.owned_dirs.extend(loaded.value.owned_dirs);
            }
            Err(Failed(e)) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        errors.sort();
        return Err(Failed(errors));
    }
    Ok(Loaded {
        value: out,
        warnings,
    })
}

/// Runs `work(0)` on this thread and `work(1)` … `work(threads - 1)` on scoped threads, and
/// returns their results in that order. A thread the system refuses is skipped (with
/// nothing said: `work` takes its tasks from a shared queue, so the others do them).
pub(crate) fn on_threads<T: Send>(threads: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let work = &work;
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads)
            .filter_map(|i| std::thread::Builder::new().spawn_scoped(scope, move || work(i)).ok())
            .collect();
        let mut results = vec![work(0)];
        for handle in others {
            results.push(handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        results
    })
}

/// One provider's `api.yaml` and crate.
fn plan_provider(dir: &Path, root: &Path) -> Result<Loaded<files::Output>, Failed> {
    let loaded = load_spec_dir(dir, root)?;
    let mut warnings = loaded.warnings;
    let spec = loaded.value;
    let mut out = files::Output::default();
    let rel = dir.strip_prefix(root).unwrap_or(dir).to_path_buf();
    out.files.insert(rel.join("api.yaml"), yaml::to_yaml(&spec.api));
    let crate_dir = PathBuf::from("generated").join(&spec.provider);
    let rendered = render::render_crate(&spec.api, &render::CrateOptions::from_config(&spec.config));
    // A crate with a file that could not be rendered would not compile: none is written.
    if rendered.warnings.iter().any(|d| d.severity == diag::Severity::Error) {
        return Err(Failed(rendered.warnings.into_iter().filter(|d| d.severity == diag::Severity::Error).collect()));
    }
    warnings.extend(rendered.warnings);
    for (path, contents) in rendered.value {
        out.files.insert(crate_dir.join(path), contents);
    }
    out.owned_dirs.push(crate_dir);
    Ok(Loaded {
        value: out,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::on_threads;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn on_threads_runs_every_worker_and_keeps_their_order() {
        for threads in [1, 2, 5] {
            assert_eq!(on_threads(threads, |i| i * 10), (0..threads).map(|i| i * 10).collect::<Vec<_>>());
        }
        // Workers sharing a queue do every task once, however many there are.
        let next = AtomicUsize::new(0);
        let done: Vec<usize> = on_threads(3, |_| {
            let mut mine = Vec::new();
            while let Some(task) = Some(next.fetch_add(1, Ordering::Relaxed)).filter(|&t| t < 100) {
                mine.push(task);
            }
            mine
        })
        .into_iter()
        .flatten()
        .collect();
        let mut sorted = done.clone();
        sorted.sort();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
        // Worker 0 is this thread.
        let here = std::thread::current().id();
        assert_eq!(on_threads(2, |_| std::thread::current().id())[0], here);
    }
}
