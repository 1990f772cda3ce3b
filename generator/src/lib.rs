//! Reads API docs written by openapi-generator / swagger-codegen into an endpoint model,
//! writes it as normalized YAML, and renders typed Rust client crates from it.
//!
//! Pipeline: doc ([`read`]: markdown or plain text → blocks) → [`flavour`] (what the doc
//! says) → [`infer`] (what it does not say, with evidence) → [`provider`] overrides →
//! [`ir::Api`] ⇄ [`yaml`] → [`render`] → files ([`files`]).

#![forbid(unsafe_code)]

pub mod build;
pub mod diag;
pub mod diff;
pub mod files;
pub mod flavour;
pub mod ident;
pub mod infer;
pub mod ir;
pub mod openapi;
pub mod paginate;
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

/// A result with its warnings, and per doc set what happened to its operations.
#[derive(Debug)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Vec<Diagnostic>,
    pub summaries: Vec<diag::Summary>,
}

impl<T> Loaded<T> {
    /// Every summary lists the weak and guessed facts of the API read.
    fn with_doubts(mut self, api: impl Fn(&T) -> &Api) -> Self {
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

fn finish<T>(value: Option<T>, diags: Diagnostics, set: &str) -> Result<Loaded<T>, Failed> {
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

/// Parses one doc (markdown or plain text, detected) into the endpoint model, inference
/// applied. `file` names the doc in diagnostics.
pub fn parse_doc(text: &str, file: &str, provider: &str) -> Result<Loaded<Api>, Failed> {
    let mut diags = Diagnostics::default();
    let api = parse_doc_into(text, file, provider, &mut diags);
    Ok(finish(api, diags, file)?.with_doubts(|api| api))
}

fn parse_doc_into(text: &str, file: &str, provider: &str, diags: &mut Diagnostics) -> Option<Api> {
    let set = DocSet {
        docs: vec![(file.to_string(), text.to_string())],
        ..DocSet::default()
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
    /// The files read (docs and README), when read from disk.
    pub paths: Vec<PathBuf>,
}

fn file_name(label: &str) -> String {
    Path::new(label)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.to_string())
}

/// A doc set read into blocks (phase 1 of [`parse_doc_set`]).
#[derive(Debug, Clone)]
pub struct ReadDocs {
    /// (label, form, blocks) per doc, in the set's order.
    pub docs: Vec<(String, ir::DocForm, Vec<read::Block>)>,
    pub readme: Option<(String, Vec<read::Block>)>,
}

/// What a doc set's docs say (phase 2 of [`parse_doc_set`]).
#[derive(Debug, Clone)]
pub struct ExtractedDocs {
    /// API docs: (label, statements).
    pub apis: Vec<(String, flavour::DocApi)>,
    pub models: Vec<flavour::DocModel>,
    pub readme: Option<(String, Vec<flavour::ReadmeScheme>)>,
    pub files: Vec<String>,
    pub form: Option<ir::DocForm>,
}

/// Phase 1: every doc of the set as blocks (markdown or plain text, detected).
pub fn read_doc_set(set: &DocSet) -> ReadDocs {
    let hints = flavour::python::Python.text_hints();
    let blocks = |text: &str| {
        let f = read::detect_form(text);
        (f, read::read(text, f, &hints))
    };
    ReadDocs {
        docs: set
            .docs
            .iter()
            .map(|(label, text)| {
                let (f, b) = blocks(text);
                (label.clone(), f, b)
            })
            .collect(),
        readme: set.readme.as_ref().map(|(label, text)| (label.clone(), blocks(text).1)),
    }
}

/// Phase 2: what each doc says; API docs are told from model docs by the method table.
pub fn extract_doc_set(read: &ReadDocs, diags: &mut Diagnostics) -> ExtractedDocs {
    let flavour = flavour::python::Python;
    let mut out = ExtractedDocs {
        apis: Vec::new(),
        models: Vec::new(),
        readme: None,
        files: Vec::new(),
        form: None,
    };
    let single = read.docs.len() == 1;
    let mut model_docs = Vec::new();
    for (label, f, blocks) in &read.docs {
        let is_api = blocks.iter().any(|b| {
            matches!(&b.kind, read::BlockKind::Table { rows } if rows.first().is_some_and(|r| {
                r.cells.len() >= 2 && r.cells[0].text.trim() == "Method" && r.cells[1].text.trim() == "HTTP request"
            }))
        });
        if is_api || single {
            out.form.get_or_insert(*f);
            out.files.push(file_name(label));
            if let Some(doc) = flavour.extract(blocks, label, diags) {
                out.apis.push((label.clone(), doc));
            }
        } else {
            out.files.push(file_name(label));
            model_docs.push((label, blocks));
        }
    }
    // Model docs have no example code: they are read in their API docs' language.
    let language = out.apis.first().map(|(_, d)| d.language).unwrap_or("python");
    for (label, blocks) in model_docs {
        match flavour::with_language(language, || flavour.extract_model(blocks, label, diags)) {
            Some(m) => out.models.push(m),
            None => {
                let name = file_name(label);
                out.files.retain(|f| *f != name);
                diags.warning(label, 1, "neither an API doc (no method table) nor a model doc (no `# Name` heading); ignored");
            }
        }
    }
    if let Some((label, blocks)) = &read.readme {
        out.readme = Some((label.clone(), flavour.extract_readme_auth(blocks, label, diags)));
        out.files.push(file_name(label));
    }
    out
}

/// Parses a set of docs into one model: operations of every API doc (each its own group
/// when there are several), models from model docs or JSON examples, auth from the README.
pub fn parse_doc_set(set: &DocSet, provider: &str, diags: &mut Diagnostics) -> Option<Api> {
    let read = read_doc_set(set);
    let extracted = extract_doc_set(&read, diags);
    infer_doc_set(extracted, provider, set.docs.len() == 1, diags)
}

/// Phase 3: the API docs merged (operations documented in several docs kept once), then
/// inference, README auth and models. `single`: the set is one doc.
pub fn infer_doc_set(ex: ExtractedDocs, provider: &str, single: bool, diags: &mut Diagnostics) -> Option<Api> {
    let flavour = flavour::python::Python;
    let ExtractedDocs { mut apis, models, readme, files, form } = ex;
    let language = apis.first().map(|(_, d)| d.language).unwrap_or("python");
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
    // Operations by the name their docs give them (variants renamed by group share it).
    let mut by_name: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, o) in merged.ops.iter().enumerate() {
        by_name.entry(o.name.clone()).or_default().push(i);
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
        let group = doc.title.clone();
        for mut op in std::mem::take(&mut doc.ops) {
            op.group = Some(group.clone());
            let variants = by_name.entry(op.name.clone()).or_default();
            if let Some(&i) = variants
                .iter()
                .find(|&&i| merged.ops[i].method == op.method && infer::same_path(&merged.ops[i].path, &op.path))
            {
                // An operation with several tags is written into each tag's doc: one operation,
                // kept in the first group by file order.
                diags.tally.duplicates += 1;
                merged.ops[i].also_in.push(format!("{} ({label}:{})", group, op.line));
                continue;
            }
            if let Some(&first) = variants.first() {
                let other = &merged.ops[first];
                let renamed = format!("{}_{}", op.name, heck::ToSnakeCase::to_snake_case(group.as_str()));
                diags.warning(
                    &label,
                    op.line,
                    format!(
                        "operation `{}` ({} {}) is also documented in {} as {} {}: both kept, this one as `{renamed}`",
                        op.name,
                        op.method,
                        op.path,
                        other.group.clone().unwrap_or_default(),
                        other.method,
                        other.path
                    ),
                );
                op.name = renamed;
            }
            variants.push(merged.ops.len());
            merged.ops.push(op);
        }
        for s in doc.schemes {
            if !merged.schemes.iter().any(|x| x.name == s.name) {
                merged.schemes.push(s);
            }
        }
    }
    let source = Source {
        files,
        form: form.unwrap_or(ir::DocForm::Markdown),
        // The template family's flavour, or the client language it was written for.
        flavour: match language {
            "python" | "" => flavour.name().to_string(),
            other => other.to_string(),
        },
    };
    let conv = infer::convention(&merged);
    let (doc_schemes, unconfigured) = (merged.schemes.clone(), flavour::schemes::unconfigured(&merged));
    let mut api = infer::infer(merged, provider, source, &first_label, diags);
    diags.tally.read = api.operations.len();
    if api.operations.is_empty() && diags.tally.table_ops > 0 {
        // Nothing usable is left: the reasons each operation was skipped are the errors.
        diags.make_strict();
        diags.error(
            &first_label,
            1,
            format!(
                "none of the {} operation(s) of the method table(s) could be read (each reason above)",
                diags.tally.table_ops
            ),
        );
        return None;
    }
    let readme_auth = readme.as_ref().map(|(label, r)| (label.as_str(), r.as_slice()));
    flavour::schemes::resolve(&mut api, &doc_schemes, &unconfigured, readme_auth, &first_label, diags);
    infer::add_models(&mut api, &models, &conv, diags);
    infer::enum_params_from_models(&mut api);
    flavour::models::infer_variants(&mut api);
    infer::models_from_examples(&mut api);
    infer::patch_bodies_are_nullable(&mut api);
    paginate::infer(&mut api);
    Some(api)
}

/// The README a doc's scheme links point to (`[bearerAuth](../README.md#bearerAuth)`): the
/// one the link names, else one copied beside the doc.
fn linked_readme(doc: &Path, text: &str) -> Option<PathBuf> {
    let dir = doc.parent()?;
    let links = ["](../README.md#", "](../../README.md#", "](README.md#"];
    let named = links.iter().filter(|l| text.contains(*l)).map(|l| dir.join(&l[2..l.len() - 1]));
    let found: Vec<PathBuf> = named.collect();
    let beside = (!found.is_empty()).then(|| dir.join("README.md"));
    found.into_iter().chain(beside).find(|p| p.is_file())
}

/// Collects a docs directory: `dir/docs/*.md` (or `dir/*.md`) and `dir/README.md`.
/// Labels are relative to `label_root`.
pub fn collect_dir(dir: &Path, label_root: &Path, diags: &mut Diagnostics) -> DocSet {
    let label = |p: &Path| p.strip_prefix(label_root).unwrap_or(p).display().to_string();
    let docs_dir = if dir.join("docs").is_dir() { dir.join("docs") } else { dir.to_path_buf() };
    let mut set = DocSet::default();
    // Generators that nest their docs: openapi-generator 6.x `python` (`apis/tags/`,
    // `models/`), PHP (`Api/`, `Model/`), C# 7.x (`apis/`, `models/`).
    let nested = ["apis/tags", "apis", "models", "Api", "Model", "Apis", "Models"]
        .iter()
        .map(|sub| docs_dir.join(sub))
        .filter(|d| d.is_dir())
        .flat_map(|d| doc_files(&d));
    let mut seen = std::collections::HashSet::new();
    for path in doc_files(&docs_dir).into_iter().chain(nested) {
        // Case-insensitive file systems list `apis` and `Apis` alike: each file once.
        if !seen.insert(path.canonicalize().unwrap_or_else(|_| path.clone())) {
            continue;
        }
        let l = label(&path);
        if let Some(text) = read_file(&path, &l, diags) {
            set.docs.push((l, text));
        }
        set.paths.push(path);
    }
    for readme in [dir.join("README.md"), docs_dir.join("README.md")] {
        if readme.is_file() && set.readme.is_none() {
            let l = label(&readme);
            if let Some(text) = read_file(&readme, &l, diags) {
                set.readme = Some((l, text));
            }
            set.paths.push(readme);
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
    /// Every file read: `provider.yaml` and the docs.
    pub files: Vec<PathBuf>,
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
    let mut files = vec![cfg_path.clone()];
    let doc_path = match config.as_ref().and_then(|c| c.doc.clone()) {
        Some(d) => Some(dir.join(d)),
        None if dir.join("docs").is_dir() => Some(dir.to_path_buf()),
        None => {
            let docs = doc_files(dir);
            match docs.len() {
                0 => {
                    diags.error(
                        &label(dir),
                        0,
                        "expected a source doc (.md or .txt), a docs/ directory, or `doc:` in provider.yaml, found no doc",
                    );
                    None
                }
                // Several docs side by side: a docs directory without its docs/ level.
                1 => docs.into_iter().next(),
                _ => Some(dir.to_path_buf()),
            }
        }
    };
    let mut api = None;
    let forced = forced_language(config.as_ref(), &cfg_label, cfg_text.as_deref(), &mut diags);
    if let Some(doc_path) = doc_path {
        flavour::with_forced_language(forced, || {
            if doc_path.is_dir() {
                let set = collect_dir(&doc_path, label_root, &mut diags);
                files.extend(set.paths.iter().cloned());
                api = parse_doc_set(&set, &provider, &mut diags);
            } else {
                files.push(doc_path.clone());
                let doc_label = label(&doc_path);
                if let Some(text) = read_file(&doc_path, &doc_label, &mut diags) {
                    api = parse_doc_into(&text, &doc_label, &provider, &mut diags);
                }
            }
        });
    }
    let strict = config.as_ref().is_some_and(|c| c.strict);
    let quiet = config.as_ref().is_some_and(|c| c.expected_warnings);
    let spec = match (api, config, cfg_text) {
        (Some(mut api), Some(config), Some(text)) => {
            provider::apply(&mut api, &config, &text, &cfg_label, &mut diags);
            paginate::apply(&mut api, &config.pagination, &text, &cfg_label, &mut diags);
            Some(Spec {
                dir: dir.to_path_buf(),
                provider: provider.clone(),
                config,
                api,
                files,
            })
        }
        _ => None,
    };
    if strict {
        // `strict: true` in provider.yaml: any doubt stops the run.
        diags.make_strict();
    }
    let mut loaded = finish(spec, diags, &provider)?.with_doubts(|spec| &spec.api);
    for s in &mut loaded.summaries {
        s.quiet = quiet;
    }
    Ok(loaded)
}

/// An input read: the API (`provider.yaml`'s overrides applied), the `provider.yaml` that
/// names its crate, if there is one, and every file read.
#[derive(Debug, Clone)]
pub struct Input {
    pub api: Api,
    /// The `provider.yaml` in the input directory, or beside the input file.
    pub config: Option<ProviderConfig>,
    /// Every file read (docs, README, `provider.yaml`, `api.yaml`), in reading order.
    pub files: Vec<PathBuf>,
}

impl Input {
    /// The crate as `provider.yaml` names it, or by default `<provider>-client`, the API's
    /// title and version [`provider::DEFAULT_VERSION`]; `command` regenerates it.
    pub fn crate_options(&self, command: impl Into<String>) -> render::CrateOptions {
        let config = self.config.clone().unwrap_or_default();
        render::CrateOptions {
            command: command.into(),
            ..render::CrateOptions::for_api(&self.api, &config)
        }
    }
}

/// `flavour:` in provider.yaml: the docs' language, whatever they look like; an unknown one
/// is an error at its line.
fn forced_language(config: Option<&ProviderConfig>, cfg_label: &str, cfg_text: Option<&str>, diags: &mut Diagnostics) -> Option<&'static str> {
    let name = config.and_then(|c| c.flavour.as_deref())?;
    let language = flavour::language_named(name);
    if language.is_none() {
        diags.error(
            cfg_label,
            cfg_text.map(|t| provider::line_of(t, "flavour")).unwrap_or(0),
            format!(
                "unknown flavour `{name}`: expected one of python, java, kotlin, go, rust, ruby, php, \
                 csharp, javascript, typescript, dart, swift, perl, r, powershell"
            ),
        );
    }
    language
}

/// Reads any input: a doc file, a docs or spec directory, or a normalized `api.yaml`.
/// See [`read_input`]; this is its API.
pub fn load_input(path: &Path) -> Result<Loaded<Api>, Failed> {
    read_input(path).map(|l| Loaded {
        value: l.value.api,
        warnings: l.warnings,
        summaries: l.summaries,
    })
}

/// Reads any input: a doc file (markdown or plain text), a docs directory, a spec
/// directory (with its `provider.yaml`), or a normalized `api.yaml`. A `provider.yaml` in
/// the directory, or beside the file, is applied: its overrides (again, for an `api.yaml`:
/// they are idempotent) and the crate's name, display name and version.
pub fn read_input(path: &Path) -> Result<Loaded<Input>, Failed> {
    let label = path.display().to_string();
    if path.is_dir() {
        if path.join("provider.yaml").is_file() {
            let parent = path.parent().unwrap_or(Path::new("."));
            return load_spec_dir(path, parent).map(|l| Loaded {
                value: Input {
                    api: l.value.api,
                    config: Some(l.value.config),
                    files: l.value.files,
                },
                warnings: l.warnings,
                summaries: l.summaries,
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
        let files = set.paths;
        let loaded = finish(api.map(|api| Input { api, config: None, files }), diags, &label)?;
        return Ok(loaded.with_doubts(|input| &input.api));
    }
    let mut diags = Diagnostics::default();
    let mut files = vec![path.to_path_buf()];
    let Some(text) = read_file(path, &label, &mut diags) else {
        return finish(None, diags, &label);
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    // `provider.yaml` beside the file (`specs/x/api.yaml`, `sdk/docs/PetsApi.md`), read first:
    // its `flavour:` decides how the doc reads.
    let mut config = None;
    let mut cfg: Option<(String, String)> = None;
    let cfg_path = path.with_file_name("provider.yaml");
    if cfg_path.is_file() && cfg_path != path {
        let cfg_label = cfg_path.display().to_string();
        files.push(cfg_path.clone());
        if let Some(cfg_text) = read_file(&cfg_path, &cfg_label, &mut diags) {
            config = provider::parse(&cfg_text, &cfg_label, &mut diags);
            cfg = Some((cfg_label, cfg_text));
        }
    }
    let forced = cfg.as_ref().and_then(|(l, t)| forced_language(config.as_ref(), l, Some(t), &mut diags));
    let api = if ext == "yaml" || ext == "yml" {
        match yaml::from_yaml(&text, &label) {
            Ok(api) => Some(api),
            Err(Failed(e)) => {
                diags.items.extend(e);
                None
            }
        }
    } else {
        let provider = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let provider = heck::ToSnakeCase::to_snake_case(provider.trim_end_matches("Api").trim_end_matches("_api"));
        // The client README the doc's Authorization sections link to states the schemes.
        let readme = linked_readme(path, &text).and_then(|r| {
            let l = r.display().to_string();
            let t = read_file(&r, &l, &mut diags)?;
            files.push(r);
            Some((l, t))
        });
        let set = DocSet {
            docs: vec![(label.clone(), text.clone())],
            readme,
            ..DocSet::default()
        };
        flavour::with_forced_language(forced, || parse_doc_set(&set, &provider, &mut diags))
    };
    let mut api = api;
    if let (Some(c), Some(api), Some((cfg_label, cfg_text))) = (&config, &mut api, &cfg) {
        provider::apply(api, c, cfg_text, cfg_label, &mut diags);
        let is_doc = ext != "yaml" && ext != "yml";
        if let Some(doc) = c.doc.as_deref().filter(|d| is_doc && path.file_name() != Some(std::ffi::OsStr::new(d))) {
            diags.warning(cfg_label, 0, format!("names the doc `{doc}`; `{label}` is read as given"));
        }
    }
    let strict = config.as_ref().is_some_and(|c| c.strict);
    if strict {
        diags.make_strict();
    }
    let mut loaded = finish(api.map(|api| Input { api, config, files }), diags, &label)?;
    if ext == "yaml" || ext == "yml" {
        // A normalized spec has no doc set to summarize.
        loaded.summaries.clear();
        return Ok(loaded);
    }
    Ok(loaded.with_doubts(|input| &input.api))
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
