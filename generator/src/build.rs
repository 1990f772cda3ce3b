//! Generating a client at build time, from a crate's `build.rs`.
//!
//! ```no_run
//! // build.rs
//! fn main() {
//!     generator::build::Config::new("docs/")
//!         .crate_name("pets")
//!         .write_module(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
//!         .unwrap_or_else(|e| panic!("{e}"));
//! }
//! ```
//!
//! and at the root of the crate (`src/lib.rs` or `src/main.rs`):
//!
//! ```ignore
//! #![doc = include_str!(concat!(env!("OUT_DIR"), "/client.md"))] // optional: the client's docs
//! include!(concat!(env!("OUT_DIR"), "/client.rs"));
//! ```
//!
//! `client.rs` is the whole generated crate as one module tree: what would be
//! `src/lib.rs` with its modules (`client`, `models`, `operations` or, for a docs set of
//! several API groups, `apis` with a module per group, `runtime` and the runtime's own)
//! inlined; every group is compiled unless [`Config::group_features`] keeps their
//! `cfg(feature = "<group>")`, without the crate-level inner attributes and docs that
//! `include!` cannot take (E0753) and without the runtime's unit tests. Its paths start
//! at `crate::`, so it is included at the crate root, not inside a module. `client.md` is
//! the crate documentation (quick start, authentication) with the crate named
//! [`Config::crate_name`], so that its example compiles as the including crate's doctest.
//!
//! The input is anything `generator generate` reads ([`crate::read_input`]): a docs
//! directory, a doc, a spec directory, an `api.yaml`; a `provider.yaml` in or beside it is
//! applied. [`Config::write_module`] prints `cargo:rerun-if-changed=` for every file it
//! read (and for the input directory, so that a new doc counts) and `cargo:warning=` for
//! every warning; errors are returned, all of them, in [`Error`].
//!
//! The including crate needs the runtime's dependencies: see [`DEPENDENCIES`].

// A build script's example has its `main`.
#![allow(clippy::needless_doctest_main)]

use crate::diag::{Diagnostic, Severity};
use crate::render;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// The `[dependencies]` a crate including the module needs, as `Cargo.toml` lines: the
/// runtime's (`templates/Cargo.toml`), with reqwest's `rustls-tls` feature for `https://`
/// (the generated crates' default `rustls` feature; `native-tls` instead uses the
/// platform's TLS).
pub const DEPENDENCIES: &str = "\
reqwest = { version = \"0.12\", default-features = false, features = [\"multipart\", \"stream\", \"rustls-tls\"] }
serde = { version = \"1\", features = [\"derive\"] }
serde_json = \"1\"
serde_path_to_error = \"0.1\"
bytes = \"1\"
percent-encoding = \"2\"
tokio = { version = \"1\", features = [\"time\"] }
time = { version = \"0.3\", features = [\"formatting\", \"parsing\", \"serde\"] }
futures-core = { version = \"0.3\", default-features = false }
futures-util = { version = \"0.3\", default-features = false }
tracing = { version = \"0.1\", default-features = false, features = [\"std\"], optional = true }
";

/// The `[features]` such a crate declares: `tracing` (one span per call, off by default)
/// is the runtime's `cfg(feature = "tracing")`.
pub const FEATURES: &str = "\
tracing = [\"dep:tracing\"]
";

/// What to generate, and how (see the [module docs](self)).
#[derive(Debug, Clone)]
pub struct Config {
    input: PathBuf,
    crate_name: Option<String>,
    display_name: Option<String>,
    file_name: String,
    cargo_directives: bool,
    group_features: bool,
}

/// A generated module, not yet written.
#[derive(Debug, Clone)]
pub struct Module {
    /// `client.rs`: the module tree.
    pub code: String,
    /// `client.md`: the crate documentation.
    pub docs: String,
    /// Every file read, for `cargo:rerun-if-changed`.
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Diagnostic>,
}

impl Module {
    /// What [`Config::write_module`] prints for cargo: `cargo:rerun-if-changed=` for every
    /// file read, then `cargo:warning=` for every warning (one line each).
    pub fn cargo_directives(&self) -> Vec<String> {
        let rerun = self.files.iter().map(|f| format!("cargo:rerun-if-changed={}", f.display()));
        let warnings = self.warnings.iter().map(|w| format!("cargo:warning={}", w.to_string().replace(['\r', '\n'], " ")));
        rerun.chain(warnings).collect()
    }
}

/// Why no module was generated: every error, with its file and line.
pub struct Error {
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        write!(f, "the client could not be generated: {} error(s)", self.diagnostics.len())
    }
}

/// The same as [`fmt::Display`], so that `.unwrap()` in a build script shows the errors
/// as they are.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

impl Error {
    fn message(message: String) -> Self {
        Error {
            diagnostics: vec![Diagnostic {
                file: "build.rs".into(),
                line: 0,
                severity: Severity::Error,
                message,
            }],
        }
    }
}

impl Config {
    /// Generates from `input`: a docs directory, a doc, a spec directory or an `api.yaml`;
    /// a relative path is relative to the package root (where cargo runs build scripts).
    pub fn new(input: impl Into<PathBuf>) -> Self {
        Config {
            input: input.into(),
            crate_name: None,
            display_name: None,
            file_name: "client.rs".into(),
            cargo_directives: true,
            group_features: false,
        }
    }

    /// The name of the crate that includes the module, as its examples name it (default:
    /// `CARGO_PKG_NAME`, the package being built; else `provider.yaml`'s `crate_name`).
    pub fn crate_name(mut self, name: impl Into<String>) -> Self {
        self.crate_name = Some(name.into());
        self
    }

    /// The provider's name in the docs (default: `provider.yaml`'s, else the API's title).
    pub fn display_name(mut self, name: impl Into<String>) -> Self {
        self.display_name = Some(name.into());
        self
    }

    /// The module's file name in the output directory (default `client.rs`); the docs go
    /// beside it with the extension `.md`.
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = name.into();
        self
    }

    /// Whether [`Config::write_module`] prints `cargo:` directives (default: yes; off for
    /// use outside build scripts).
    /// Whether a client of several API groups keeps its groups' `cfg(feature = "<group>")`
    /// (default: no, every group is compiled). With `true`, the including crate declares a
    /// feature per group (the group's module in `apis`, `AppsV1Api` → `apps_v1`) in its
    /// `Cargo.toml` (`[features]`: `apps_v1 = []`, and those it wants in `default`), and
    /// only the groups on, and the models they use, are compiled.
    pub fn group_features(mut self, on: bool) -> Self {
        self.group_features = on;
        self
    }

    pub fn cargo_directives(mut self, on: bool) -> Self {
        self.cargo_directives = on;
        self
    }

    /// Reads the input and renders the module, writing and printing nothing.
    pub fn render_module(&self) -> Result<Module, Error> {
        let loaded = crate::read_input(&self.input).map_err(|f| Error { diagnostics: f.0 })?;
        let input = loaded.value;
        let mut warnings = loaded.warnings;
        let mut opts = input.crate_options(format!("generator::build from {}", self.input.display()));
        if let Some(name) = self.crate_name.clone().or_else(|| std::env::var("CARGO_PKG_NAME").ok()) {
            opts.crate_name = name;
        }
        crate::provider::check_package_name(&opts.crate_name).map_err(|e| Error::message(format!("crate name: {e}")))?;
        if let Some(d) = &self.display_name {
            opts.display_name = d.clone();
        }
        let rendered = render::render_crate(&input.api, &opts);
        let (errors, rest): (Vec<_>, Vec<_>) = rendered.warnings.into_iter().partition(|d| d.severity == Severity::Error);
        if !errors.is_empty() {
            return Err(Error { diagnostics: errors });
        }
        warnings.extend(rest);
        let groups = if self.group_features { BTreeSet::new() } else { group_features(&rendered.value) };
        let (code, docs) = module_tree(&rendered.value, &groups).map_err(Error::message)?;
        let header = format!(
            "// Generated by `generator::build` from `{}`: do not edit; change the docs and rebuild.\n",
            self.input.display()
        );
        Ok(Module {
            code: format!("{header}{code}"),
            docs,
            files: input.files,
            warnings,
        })
    }

    /// Renders the module and writes `out_dir/client.rs` and `out_dir/client.md` (each only
    /// when it changed). Prints `cargo:rerun-if-changed=` for every file read and
    /// `cargo:warning=` for every warning (unless [`Config::cargo_directives`] is off), and
    /// returns the path of `client.rs`.
    pub fn write_module(&self, out_dir: impl AsRef<Path>) -> Result<PathBuf, Error> {
        if self.cargo_directives {
            // Said before reading, so that a fixed doc reruns the script after an error.
            println!("cargo:rerun-if-changed={}", self.input.display());
        }
        let module = self.render_module()?;
        if self.cargo_directives {
            for line in module.cargo_directives() {
                println!("{line}");
            }
        }
        let out_dir = out_dir.as_ref();
        let code_path = out_dir.join(&self.file_name);
        let docs_path = code_path.with_extension("md");
        std::fs::create_dir_all(out_dir).map_err(|e| Error::message(format!("{}: {e}", out_dir.display())))?;
        for (path, text) in [(&code_path, &module.code), (&docs_path, &module.docs)] {
            if std::fs::read_to_string(path).ok().as_ref() != Some(text) {
                std::fs::write(path, text).map_err(|e| Error::message(format!("{}: {e}", path.display())))?;
            }
        }
        Ok(code_path)
    }
}

/// The rendered crate's Rust files as one module tree from `src/lib.rs`, and the crate
/// docs (its inner doc attributes) as markdown.
/// The features of the rendered crate's API groups: in its `Cargo.toml`, the features that
/// enable nothing (`apps_v1 = []`).
fn group_features(files: &BTreeMap<PathBuf, String>) -> BTreeSet<String> {
    let manifest = files.get(Path::new("Cargo.toml")).map(String::as_str).unwrap_or_default();
    let Some(start) = manifest.find("\n[features]\n") else { return BTreeSet::new() };
    let section = &manifest[start + 12..];
    let section = &section[..section.find("\n[").unwrap_or(section.len())];
    section
        .lines()
        .filter_map(|l| l.strip_suffix(" = []"))
        .map(|name| name.trim().to_string())
        .collect()
}

/// Drops the `cfg` attributes that only name `groups` features (`feature = "apps_v1"`,
/// `any(feature = "a", feature = "b")`): compiled whatever the including crate's features.
fn drop_group_cfgs(attrs: &mut Vec<syn::Attribute>, groups: &BTreeSet<String>) {
    if groups.is_empty() {
        return;
    }
    attrs.retain(|a| {
        let syn::Meta::List(list) = &a.meta else { return true };
        if !list.path.is_ident("cfg") {
            return true;
        }
        let text = list.tokens.to_string();
        if !(text.starts_with("feature") || text.starts_with("any")) {
            return true;
        }
        let names: Vec<&str> = text.split('"').skip(1).step_by(2).collect();
        names.is_empty() || !names.iter().all(|n| groups.contains(*n))
    });
}

fn module_tree(files: &BTreeMap<PathBuf, String>, groups: &BTreeSet<String>) -> Result<(String, String), String> {
    let lib = parse(files, Path::new("src/lib.rs"))?;
    let docs: Vec<String> = lib.attrs.iter().filter_map(doc_text).collect();
    let items = inline(lib.items, Path::new("src"), files, groups)?;
    let file = syn::File {
        shebang: None,
        attrs: Vec::new(),
        items,
    };
    Ok((prettyplease::unparse(&file), format!("{}\n", docs.join("\n"))))
}

fn parse(files: &BTreeMap<PathBuf, String>, path: &Path) -> Result<syn::File, String> {
    let text = files
        .get(path)
        .ok_or_else(|| format!("internal error: the rendered crate has no {}", path.display()))?;
    syn::parse_file(text).map_err(|e| format!("internal error: {} does not parse: {e}", path.display()))
}

/// A `#[doc = "…"]` attribute's text, without the one leading space of `/// text`.
fn doc_text(attr: &syn::Attribute) -> Option<String> {
    let syn::Meta::NameValue(nv) = &attr.meta else { return None };
    if !nv.path.is_ident("doc") {
        return None;
    }
    let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value else { return None };
    let text = s.value();
    Some(text.strip_prefix(' ').map(str::to_string).unwrap_or(text))
}

/// `#[cfg(test)]` or `#[cfg(doctest)]`: left out of the module.
fn test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let syn::Meta::List(list) = &a.meta else { return false };
        list.path.is_ident("cfg") && matches!(list.tokens.to_string().as_str(), "test" | "doctest")
    })
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Mod(m) => &m.attrs,
        syn::Item::Fn(f) => &f.attrs,
        syn::Item::Struct(s) => &s.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Use(u) => &u.attrs,
        syn::Item::Const(c) => &c.attrs,
        syn::Item::Enum(e) => &e.attrs,
        _ => &[],
    }
}

/// Replaces each `mod name;` by its file's items (`dir/name.rs` or `dir/name/mod.rs`), the
/// file's inner attributes becoming the inline module's.
fn inline(
    items: Vec<syn::Item>,
    dir: &Path,
    files: &BTreeMap<PathBuf, String>,
    groups: &BTreeSet<String>,
) -> Result<Vec<syn::Item>, String> {
    let mut out = Vec::new();
    for item in items {
        if test_only(item_attrs(&item)) {
            continue;
        }
        match item {
            syn::Item::Mod(mut m) => {
                let name = m.ident.to_string();
                let child_dir = dir.join(&name);
                let content = match m.content.take() {
                    Some((brace, items)) => (brace, inline(items, &child_dir, files, groups)?),
                    None => {
                        let flat = dir.join(format!("{name}.rs"));
                        let path = if files.contains_key(&flat) { flat } else { child_dir.join("mod.rs") };
                        let file = parse(files, &path)?;
                        m.attrs.extend(file.attrs);
                        (syn::token::Brace::default(), inline(file.items, &child_dir, files, groups)?)
                    }
                };
                m.content = Some(content);
                m.semi = None;
                drop_group_cfgs(&mut m.attrs, groups);
                out.push(syn::Item::Mod(m));
            }
            mut other => {
                match &mut other {
                    syn::Item::Use(u) => drop_group_cfgs(&mut u.attrs, groups),
                    syn::Item::Const(c) => drop_group_cfgs(&mut c.attrs, groups),
                    syn::Item::Impl(i) => {
                        for item in &mut i.items {
                            if let syn::ImplItem::Fn(f) = item {
                                drop_group_cfgs(&mut f.attrs, groups);
                            }
                        }
                    }
                    _ => {}
                }
                out.push(other)
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dependency_list_is_the_runtime_s() {
        let manifest = render::RUNTIME_MANIFEST;
        let deps = &manifest[manifest.find("\n[dependencies]\n").unwrap() + 16..];
        let deps = &deps[..deps.find("\n[").unwrap_or(deps.len())];
        let names = |text: &str| -> Vec<String> {
            text.lines().filter_map(|l| l.split_once(" = ")).map(|(n, _)| n.trim().to_string()).collect()
        };
        assert_eq!(names(DEPENDENCIES), names(deps));
        // The same versions and features, plus reqwest's default TLS.
        let runtime: Vec<&str> = deps.lines().filter(|l| l.contains(" = ")).collect();
        for (mine, theirs) in DEPENDENCIES.lines().zip(runtime) {
            assert_eq!(mine.replace(", \"rustls-tls\"", ""), theirs, "update DEPENDENCIES from templates/Cargo.toml");
        }
    }
}
