//! Reads API docs written by openapi-generator / swagger-codegen into an endpoint model,
//! writes it as normalized YAML, and renders typed Rust client crates from it.
//!
//! Layers, each importing only from those before it (`ARCHITECTURE.md` is the map):
//! [`read`] (markdown or plain text → blocks) → [`doc`] (what the doc says, per client
//! language; beside it [`sdk`]: what the SDK's sources say) → [`infer`] (what it does not
//! say, with evidence) → [`mod@load`] + [`provider`] (one loader for every input kind,
//! `provider.yaml` overrides) → [`ir::Api`] ⇄ [`yaml`] →
//! [`surface`] (every Rust name and type decided once) → [`render`] (quote and format) →
//! files ([`files`]); [`diff`] and [`openapi`] read the IR and the surface.

#![forbid(unsafe_code)]

pub mod build;
pub mod diag;
pub mod diff;
pub mod files;
pub mod doc;
pub mod ident;
pub mod infer;
pub mod ir;
pub mod openapi;
pub mod load;
pub mod prose;
pub mod provider;
pub mod read;
pub mod render;
pub mod sdk;
pub mod surface;
pub mod yaml;

pub use doc::{extract_doc_set, read_doc_set, ExtractedDocs, ReadDocs};
pub use infer::infer_doc_set;
pub use load::{collect_dir, load, load_input, load_input_with, load_spec_dir, load_with, parse_doc, parse_doc_set, read_input, read_input_with, Input, InputKind, SdkChoice, Spec};
pub use read::DocSet;

use diag::{Diagnostic, Diagnostics, Failed};
use ir::Api;
use std::path::{Path, PathBuf};

/// A result with its warnings, and per doc set what happened to its operations.
#[derive(Debug)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Vec<Diagnostic>,
    pub summaries: Vec<diag::Summary>,
}

impl<T> Loaded<T> {
    /// Every summary lists the weak and guessed facts of the API read.
    pub(crate) fn with_doubts(mut self, api: impl Fn(&T) -> &Api) -> Self {
        let doubts = infer::doubts(api(&self.value));
        for s in &mut self.summaries {
            s.doubts = doubts.clone();
        }
        self
    }

    /// `--strict`: any warning fails the run, with the warnings as errors.
    pub fn strict(self) -> Result<Self, Failed> {
        if self.warnings.is_empty() {
            return Ok(self);
        }
        let mut d = Diagnostics {
            items: self.warnings,
            ..Diagnostics::default()
        };
        d.make_strict();
        Err(Failed(d.sorted()))
    }
}

pub(crate) fn finish<T>(value: Option<T>, diags: Diagnostics, set: &str) -> Result<Loaded<T>, Failed> {
    if diags.has_errors() || value.is_none() {
        let mut all = diags.sorted();
        all.retain(|d| d.severity == diag::Severity::Error);
        return Err(Failed(all));
    }
    let tally = diags.tally;
    let warnings = diags.sorted();
    let summary = diag::Summary {
        set: set.to_string(),
        tally,
        warnings: warnings.len(),
        quiet: false,
        doubts: Vec::new(),
    };
    Ok(Loaded {
        value: value.expect("checked above"),
        warnings,
        summaries: vec![summary],
    })
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
    let mut summaries = Vec::new();
    for (_, result) in results {
        match result {
            Ok(loaded) => {
                warnings.extend(loaded.warnings);
                summaries.extend(loaded.summaries);
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
        summaries,
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
    let summaries = loaded.summaries;
    let mut warnings = loaded.warnings;
    let spec = loaded.value;
    let mut out = files::Output::default();
    let rel = dir.strip_prefix(root).unwrap_or(dir).to_path_buf();
    out.files.insert(rel.join("api.yaml"), yaml::to_yaml(&spec.api));
    let crate_dir = PathBuf::from("generated").join(&spec.provider);
    let rendered = render::render_crate(&spec.api, &render::CrateOptions::for_api(&spec.api, &spec.config));
    // A crate with a file that could not be rendered would not compile: none is written.
    if rendered.warnings.iter().any(|d| d.severity == diag::Severity::Error) {
        return Err(Failed(rendered.warnings.into_iter().filter(|d| d.severity == diag::Severity::Error).collect()));
    }
    warnings.extend(rendered.warnings);
    for (path, contents) in rendered.value {
        out.files.insert(crate_dir.join(path), contents);
    }
    out.owned_dirs.push(crate_dir);
    let mut summaries = summaries;
    if summaries.iter().any(|s| s.quiet) {
        // Expected warnings (the repository's own trap and fixture specs): counted, not
        // printed; tests assert them.
        for s in &mut summaries {
            s.warnings = warnings.len();
        }
        warnings.clear();
    }
    Ok(Loaded {
        value: out,
        warnings,
        summaries,
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
