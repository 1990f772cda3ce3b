//! Loading an input: one loader for every kind — a doc, a docs directory, a spec
//! directory (`specs/<provider>/`), a normalized `api.yaml` — that finds the
//! `provider.yaml` belonging to it and applies it the same way: its `flavour:` before the
//! docs are read, its overrides (pagination included) after, its crate name, display name
//! and version for the renderer, `strict:` and `expected_warnings:` for the run.

use crate::diag::{Diagnostics, Failed};
use crate::doc::{extract_doc_set, read_doc_set};
use crate::infer::infer_doc_set_with;
use crate::ir::Api;
use crate::provider::{self, ProviderConfig};
use crate::read::DocSet;
use crate::{finish, Loaded};
use std::path::{Path, PathBuf};

/// Parses one doc (markdown or plain text, detected) into the endpoint model, inference
/// applied. `file` names the doc in diagnostics.
pub fn parse_doc(text: &str, file: &str, provider: &str) -> Result<Loaded<Api>, Failed> {
    let mut diags = Diagnostics::default();
    let set = DocSet {
        docs: vec![(file.to_string(), text.to_string())],
        ..DocSet::default()
    };
    let api = parse_doc_set(&set, provider, &mut diags);
    Ok(finish(api, diags, file)?.with_doubts(|api| api))
}

/// Parses a set of docs into one model: operations of every API doc (each its own group
/// when there are several), models from model docs or JSON examples, auth from the README.
pub fn parse_doc_set(set: &DocSet, provider: &str, diags: &mut Diagnostics) -> Option<Api> {
    parse_doc_set_in(set, provider, None, diags)
}

/// [`parse_doc_set`], the docs read in `forced` whatever they look like (`flavour:`).
pub fn parse_doc_set_in(set: &DocSet, provider: &str, forced: Option<&'static str>, diags: &mut Diagnostics) -> Option<Api> {
    parse_doc_set_sdk(set, provider, forced, None, Path::new(""), diags)
}

/// Whether and where the SDK's sources beside the docs are read (`--sdk DIR`, `--no-sdk`,
/// `sdk:` in `provider.yaml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SdkChoice {
    /// The SDK the docs sit in, found by [`crate::sdk::find_root`] (nothing said when there
    /// is none); `provider.yaml`'s `sdk:` decides where it says.
    #[default]
    Auto,
    /// The docs alone.
    Off,
    /// This directory is the SDK root.
    Dir(PathBuf),
}

/// [`parse_doc_set_in`], then the sources of the doc's language under `sdk` (the root,
/// and whether it was named: then finding no sources is a warning) weighed against the docs.
pub fn parse_doc_set_sdk(
    set: &DocSet,
    provider: &str,
    forced: Option<&'static str>,
    sdk: Option<(&Path, bool)>,
    label_root: &Path,
    diags: &mut Diagnostics,
) -> Option<Api> {
    let read = read_doc_set(set);
    let extracted = extract_doc_set(&read, forced, diags);
    let facts = sdk.and_then(|(root, named)| {
        let language = extracted.apis.first().map(|(_, d)| d.language)?;
        let facts = crate::sdk::read_sdk(root, language, &crate::sdk::Limits::default(), label_root, diags);
        if facts.is_none() && named {
            let label = root.strip_prefix(label_root).unwrap_or(root).display().to_string();
            diags.warning(&label, 0, format!("no {language} sources of an SDK found here; the docs alone are read"));
        }
        facts
    });
    infer_doc_set_with(extracted, provider, set.docs.len() == 1, facts.as_ref(), diags)
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
    // `models/`), PHP (`Api/`, `Model/`), C# 7.x (`apis/`, `models/`), custom typescript-node
    // templates (`api/`, `model/`).
    let nested = ["apis/tags", "apis", "models", "Api", "Model", "Apis", "Models", "api", "model"]
        .iter()
        .map(|sub| docs_dir.join(sub))
        .filter(|d| d.is_dir())
        .flat_map(|d| doc_files(&d));
    let mut seen = std::collections::HashSet::new();
    // Whether the docs link to a README in the directory above `docs/`.
    let mut links_up = false;
    for path in doc_files(&docs_dir).into_iter().chain(nested) {
        // Case-insensitive file systems list `apis` and `Apis` alike: each file once.
        if !seen.insert(path.canonicalize().unwrap_or_else(|_| path.clone())) {
            continue;
        }
        let l = label(&path);
        if let Some(text) = read_file(&path, &l, diags) {
            let up = if path.parent() == Some(dir) { "](../README.md" } else { "](../../README.md" };
            links_up |= text.contains(up);
            set.docs.push((l, text));
        }
        set.paths.push(path);
    }
    // Given the `docs/` directory itself, the README beside it where the docs link to it
    // (`../README.md` from `docs/`, `../../README.md` from `docs/api/`).
    let beside = (docs_dir == dir && dir.file_name().is_some_and(|n| n == "docs"))
        .then(|| dir.parent().map(|p| p.join("README.md")))
        .flatten()
        .filter(|_| links_up);
    for readme in [dir.join("README.md"), docs_dir.join("README.md")].into_iter().chain(beside) {
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

/// What an input path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// One doc file (markdown or plain text).
    Doc,
    /// A directory of docs (`docs/*.md`, `README.md`) without a `provider.yaml`.
    DocsDir,
    /// A directory with a `provider.yaml` and its doc(s) (`specs/<provider>/`).
    SpecDir,
    /// A normalized `api.yaml`.
    ApiYaml,
}

impl InputKind {
    /// The kind of `path` (a directory with a `provider.yaml` is a spec directory).
    pub fn of(path: &Path) -> InputKind {
        if path.is_dir() {
            if path.join("provider.yaml").is_file() {
                InputKind::SpecDir
            } else {
                InputKind::DocsDir
            }
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            InputKind::ApiYaml
        } else {
            InputKind::Doc
        }
    }
}

/// The `provider.yaml` of an input, read: (label, text, parsed).
struct Config {
    label: String,
    text: String,
    parsed: ProviderConfig,
}

/// Loads any input (see [`InputKind`]); labels in diagnostics are relative to
/// `label_root`. The one place `provider.yaml` is found and applied.
pub fn load(path: &Path, label_root: &Path) -> Result<Loaded<Input>, Failed> {
    load_with(path, label_root, &SdkChoice::Auto)
}

/// [`load`], the SDK's sources read as `sdk` says (over `provider.yaml`'s `sdk:`).
pub fn load_with(path: &Path, label_root: &Path, sdk: &SdkChoice) -> Result<Loaded<Input>, Failed> {
    let kind = InputKind::of(path);
    let mut diags = Diagnostics::default();
    let label = |p: &Path| p.strip_prefix(label_root).unwrap_or(p).display().to_string();
    let mut files: Vec<PathBuf> = Vec::new();

    // `provider.yaml`: in the directory, or beside the file (`specs/x/api.yaml`,
    // `sdk/docs/PetsApi.md`); read first: its `flavour:` decides how the docs read.
    let cfg_path = if path.is_dir() { path.join("provider.yaml") } else { path.with_file_name("provider.yaml") };
    let mut config = None;
    if cfg_path.is_file() && cfg_path != path {
        let cfg_label = label(&cfg_path);
        files.push(cfg_path.clone());
        if let Some(text) = read_file(&cfg_path, &cfg_label, &mut diags) {
            if let Some(parsed) = provider::parse(&text, &cfg_label, &mut diags) {
                config = Some(Config { label: cfg_label, text, parsed });
            }
        }
    }
    let forced = config.as_ref().and_then(|c| forced_language(&c.parsed, &c.label, &c.text, &mut diags));

    // The docs (or api.yaml) the input stands for, and the provider it is named after.
    let name_of = |p: &Path, stem: bool| {
        let n = if stem { p.file_stem() } else { p.file_name() };
        n.map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    };
    let (source, provider) = match kind {
        InputKind::SpecDir => (spec_dir_source(path, config.as_ref(), &label, &mut diags), name_of(path, false)),
        InputKind::DocsDir => (Some(path.to_path_buf()), heck::ToSnakeCase::to_snake_case(name_of(path, false).as_str())),
        InputKind::Doc | InputKind::ApiYaml => {
            let stem = name_of(path, true);
            (Some(path.to_path_buf()), heck::ToSnakeCase::to_snake_case(stem.trim_end_matches("Api").trim_end_matches("_api")))
        }
    };
    let mut api = None;
    let mut from_yaml = false;
    // The SDK beside the docs: the command line's choice, else provider.yaml's, else found.
    let choice = match (sdk, config.as_ref().and_then(|c| c.parsed.sdk.as_ref())) {
        (SdkChoice::Auto, Some(provider::SdkSetting::Enabled(false))) => SdkChoice::Off,
        (SdkChoice::Auto, Some(provider::SdkSetting::Dir(d))) => {
            let dir = cfg_path.parent().unwrap_or(Path::new(".")).join(d);
            if !dir.is_dir() {
                let c = config.as_ref().expect("matched above");
                diags.error(&c.label, provider::line_of(&c.text, "sdk"), format!("sdk: `{d}` is not a directory"));
            }
            SdkChoice::Dir(dir)
        }
        (other, _) => other.clone(),
    };
    let sdk_root = match (&choice, &source) {
        (SdkChoice::Off, _) | (_, None) => None,
        (SdkChoice::Dir(d), _) => Some((d.clone(), true)),
        (SdkChoice::Auto, Some(s)) if kind != InputKind::ApiYaml => crate::sdk::find_root(s).map(|r| (r, false)),
        (SdkChoice::Auto, Some(_)) => None,
    };
    let sdk_root = sdk_root.as_ref().map(|(r, named)| (r.as_path(), *named));
    if let Some(source) = source {
        if source.is_dir() {
            let set = collect_dir(&source, label_root, &mut diags);
            files.extend(set.paths.iter().cloned());
            api = parse_doc_set_sdk(&set, &provider, forced, sdk_root, label_root, &mut diags);
        } else {
            let source_label = label(&source);
            files.push(source.clone());
            if let Some(text) = read_file(&source, &source_label, &mut diags) {
                if InputKind::of(&source) == InputKind::ApiYaml {
                    from_yaml = true;
                    match crate::yaml::from_yaml(&text, &source_label) {
                        Ok(a) => api = Some(a),
                        Err(Failed(e)) => diags.items.extend(e),
                    }
                } else {
                    // The client README the doc's Authorization sections link to states the schemes.
                    let readme = linked_readme(&source, &text).and_then(|r| {
                        let l = label(&r);
                        let t = read_file(&r, &l, &mut diags)?;
                        files.push(r);
                        Some((l, t))
                    });
                    let set = DocSet {
                        docs: vec![(source_label, text)],
                        readme,
                        ..DocSet::default()
                    };
                    api = parse_doc_set_sdk(&set, &provider, forced, sdk_root, label_root, &mut diags);
                }
            }
        }
    }

    // The overrides, the same for every kind (again, for an api.yaml: they are idempotent).
    if let (Some(c), Some(api)) = (&config, &mut api) {
        provider::apply(api, &c.parsed, &c.text, &c.label, &mut diags);
        if let Some(doc) = c.parsed.doc.as_deref().filter(|d| kind == InputKind::Doc && path.file_name() != Some(std::ffi::OsStr::new(d))) {
            diags.warning(&c.label, provider::line_of(&c.text, "doc"), format!("names the doc `{doc}`; `{}` is read as given", label(path)));
        }
    }
    let strict = config.as_ref().is_some_and(|c| c.parsed.strict);
    let quiet = config.as_ref().is_some_and(|c| c.parsed.expected_warnings);
    if strict {
        // `strict: true` in provider.yaml: any doubt stops the run.
        diags.make_strict();
    }
    let input = api.map(|api| Input {
        api,
        config: config.map(|c| c.parsed),
        files,
        kind,
        dir: if path.is_dir() { path.to_path_buf() } else { path.parent().unwrap_or(Path::new(".")).to_path_buf() },
        provider,
    });
    let set_label = if kind == InputKind::SpecDir { name_of(path, false) } else { path.display().to_string() };
    let mut loaded = finish(input, diags, &set_label)?;
    if from_yaml {
        // A normalized spec has no doc set to summarize.
        loaded.summaries.clear();
        return Ok(loaded);
    }
    let mut loaded = loaded.with_doubts(|input| &input.api);
    for s in &mut loaded.summaries {
        s.quiet = quiet;
    }
    Ok(loaded)
}

/// A spec directory's doc: `doc:` in its provider.yaml, else its `docs/` directory, else
/// its one doc, else the directory as a docs directory.
fn spec_dir_source(dir: &Path, config: Option<&Config>, label: &dyn Fn(&Path) -> String, diags: &mut Diagnostics) -> Option<PathBuf> {
    if let Some(d) = config.and_then(|c| c.parsed.doc.clone()) {
        return Some(dir.join(d));
    }
    if dir.join("docs").is_dir() {
        return Some(dir.to_path_buf());
    }
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

/// An input read: the API (`provider.yaml`'s overrides applied), the `provider.yaml` that
/// names its crate, if there is one, and every file read.
#[derive(Debug, Clone)]
pub struct Input {
    pub api: Api,
    /// The `provider.yaml` in the input directory, or beside the input file.
    pub config: Option<ProviderConfig>,
    /// Every file read (docs, README, `provider.yaml`, `api.yaml`), in reading order.
    pub files: Vec<PathBuf>,
    /// What the input was.
    pub kind: InputKind,
    /// The input directory, or the file's.
    pub dir: PathBuf,
    /// The provider the input is named after (a spec directory's name, a docs directory's
    /// or doc's in snake_case).
    pub provider: String,
}

impl Input {
    /// The crate as `provider.yaml` names it, or by default `<provider>-client`, the API's
    /// title and version [`provider::DEFAULT_VERSION`]; `command` regenerates it.
    pub fn crate_options(&self, command: impl Into<String>) -> crate::render::CrateOptions {
        let config = self.config.clone().unwrap_or_default();
        crate::render::CrateOptions {
            command: command.into(),
            ..crate::render::CrateOptions::for_api(&self.api, &config)
        }
    }
}


/// Loads `specs/<provider>/`: its `provider.yaml` and source doc; overrides applied.
/// `label_root` is what paths in diagnostics are relative to.
pub fn load_spec_dir(dir: &Path, label_root: &Path) -> Result<Loaded<Spec>, Failed> {
    if !dir.join("provider.yaml").is_file() {
        let label = dir.strip_prefix(label_root).unwrap_or(dir).join("provider.yaml");
        let mut diags = Diagnostics::default();
        diags.error(&label.display().to_string(), 0, "cannot read: no provider.yaml");
        return finish(None, diags, "");
    }
    let loaded = load(dir, label_root)?;
    let input = loaded.value;
    Ok(Loaded {
        value: Spec {
            dir: dir.to_path_buf(),
            provider: input.provider,
            config: input.config.unwrap_or_default(),
            api: input.api,
            files: input.files,
        },
        warnings: loaded.warnings,
        summaries: loaded.summaries,
    })
}

/// `flavour:` in provider.yaml: the docs' language, whatever they look like; an unknown one
/// is an error at its line.
fn forced_language(config: &ProviderConfig, cfg_label: &str, cfg_text: &str, diags: &mut Diagnostics) -> Option<&'static str> {
    let name = config.flavour.as_deref()?;
    let language = crate::doc::language_named(name);
    if language.is_none() {
        diags.error(
            cfg_label,
            provider::line_of(cfg_text, "flavour"),
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
    load_input_with(path, &SdkChoice::Auto)
}

/// [`load_input`], the SDK's sources read as `sdk` says.
pub fn load_input_with(path: &Path, sdk: &SdkChoice) -> Result<Loaded<Api>, Failed> {
    read_input_with(path, sdk).map(|l| Loaded {
        value: l.value.api,
        warnings: l.warnings,
        summaries: l.summaries,
    })
}

/// Reads any input: a doc file (markdown or plain text), a docs directory, a spec
/// directory (with its `provider.yaml`), or a normalized `api.yaml`. A `provider.yaml` in
/// the directory, or beside the file, is applied: its overrides (again, for an `api.yaml`:
/// they are idempotent) and the crate's name, display name and version. Labels are
/// relative to a directory's parent, or as the file path is given.
pub fn read_input(path: &Path) -> Result<Loaded<Input>, Failed> {
    read_input_with(path, &SdkChoice::Auto)
}

/// [`read_input`], the SDK's sources read as `sdk` says (`--sdk DIR`, `--no-sdk`).
pub fn read_input_with(path: &Path, sdk: &SdkChoice) -> Result<Loaded<Input>, Failed> {
    let root = if path.is_dir() { path.parent().unwrap_or(Path::new(".")) } else { Path::new("") };
    load_with(path, root, sdk)
}
