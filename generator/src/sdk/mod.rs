//! The SDK beside the docs: the client sources the same generator wrote next to its
//! `docs/` directory, read as text (never compiled, imported or executed) for the facts the
//! docs leave to inference: each parameter's wire name and location, form field and header
//! names, the body's media types, and per model each field's JSON key, requiredness and
//! nullability.
//!
//! [`discover`] finds the SDK root and its source files; one module per client language
//! ([`python`], [`java`], [`go`], [`typescript`], [`javascript`], [`ruby`], [`php`],
//! [`csharp`], [`kotlin`], [`dart`], [`swift`], [`rust`], [`perl`], [`r`]) holds the line patterns over its template's code. A language is one
//! [`Extractor`] in [`EXTRACTORS`]: which files are its API and model sources, and a
//! function reading each kind into [`SdkFacts`]. Everything here is plain data with the
//! file and line of every fact; `infer::sdk` weighs it against the docs.

pub mod csharp;
pub mod dart;
pub mod discover;
pub mod go;
pub mod java;
pub mod javascript;
pub mod kotlin;
pub mod perl;
pub mod php;
pub mod python;
pub mod r;
pub mod ruby;
pub mod rust;
pub mod scan;
pub mod swift;
pub mod typescript;

use crate::ir::Location;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub use discover::{find_root, read_sdk, Limits};

/// Where a fact was read: a file relative to the SDK root (`/`-separated) and its 1-based line.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct At {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One parameter as the operation's code sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdkParam {
    /// The code's name of the value (`created_after`, `createdAfter`, `r.createdAfter`'s
    /// `createdAfter`): what matches it to the doc's parameter.
    pub name: String,
    /// The name on the wire (query, header, cookie, form name or path placeholder); the
    /// code's name for a body.
    pub wire_name: String,
    pub location: Location,
    pub at: At,
}

/// One operation as its code sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SdkOp {
    /// The code's method name (`list_books`, `listBooks`, `ListBooks`).
    pub name: String,
    /// Upper-case HTTP method, where the code states it.
    pub method: Option<String>,
    /// The path template, where the code states it.
    pub path: Option<String>,
    pub params: Vec<SdkParam>,
    /// Parameters the code refuses to go without (`Missing the required parameter …`),
    /// by the code's name, with where it says so. `None`: the code does not say.
    pub required: Option<BTreeMap<String, At>>,
    /// The body's media types the code lists (`Content-Type`).
    pub content_types: Vec<String>,
    pub at: At,
}

impl SdkOp {
    /// The key of [`SdkFacts::ops`]: `METHOD path` where both are known, else the folded name.
    pub fn key(&self) -> String {
        match (&self.method, &self.path) {
            (Some(m), Some(p)) => format!("{m} {p}"),
            _ => format!("? {}", fold(&self.name)),
        }
    }
}

/// One field of a model as its code (de)serializes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdkField {
    /// The code's attribute name.
    pub name: String,
    /// The JSON key.
    pub wire_name: String,
    /// `None`: the code does not say.
    pub required: Option<bool>,
    pub nullable: Option<bool>,
    pub at: At,
}

/// One model as its code (de)serializes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SdkModel {
    pub name: String,
    pub fields: Vec<SdkField>,
    /// A union's variant models (`oneOf`/`anyOf`), where the code lists them.
    pub variants: Vec<String>,
    /// The union is an `anyOf` (one or more variants), not a `oneOf`.
    pub any_of: bool,
    /// A union's tag property (JSON key), where the code names one, and its values → variant.
    pub discriminator: Option<String>,
    pub mapping: BTreeMap<String, String>,
    pub at: At,
}

/// Everything read from an SDK's sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SdkFacts {
    /// The SDK root the files are relative to.
    pub root: PathBuf,
    /// The SDK root as diagnostics name it (relative to their root; empty: that root).
    pub label: String,
    /// The client language whose sources were read.
    pub language: String,
    /// By [`SdkOp::key`].
    pub ops: BTreeMap<String, SdkOp>,
    /// By model name.
    pub models: BTreeMap<String, SdkModel>,
    /// Source files read.
    pub files: usize,
}

impl SdkFacts {
    /// A file of the SDK as diagnostics name it.
    pub fn file_label(&self, file: &str) -> String {
        if self.label.is_empty() || self.label == "." {
            file.to_string()
        } else {
            format!("{}/{file}", self.label.trim_end_matches('/'))
        }
    }

    /// Adds an operation; one already read under the same key keeps its place (the first
    /// file by path wins) and the newcomer's parameters join it where new.
    pub fn add_op(&mut self, op: SdkOp) {
        match self.ops.entry(op.key()) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(op);
            }
            std::collections::btree_map::Entry::Occupied(mut o) => {
                let have = o.get_mut();
                for p in op.params {
                    if !have.params.iter().any(|q| q.name == p.name && q.location == p.location) {
                        have.params.push(p);
                    }
                }
            }
        }
    }

    /// Adds a model; the first read under a name wins.
    pub fn add_model(&mut self, model: SdkModel) {
        if !model.name.is_empty() {
            self.models.entry(model.name.clone()).or_insert(model);
        }
    }
}

/// One client language's reader: which files are its API and model sources (paths
/// relative to the SDK root, `/`-separated), and how each is read. Adding a language is a
/// new module with one of these, listed in [`EXTRACTORS`].
#[derive(Debug, Clone, Copy)]
pub struct Extractor {
    /// The language as the docs' reader names it (`python`, `java`, …).
    pub language: &'static str,
    /// Whether a file is an API source (one or more operations).
    pub is_api: fn(&str) -> bool,
    /// Whether a file is a model source.
    pub is_model: fn(&str) -> bool,
    /// Reads an API source's operations into the facts.
    pub api: fn(file: &str, text: &str, out: &mut SdkFacts),
    /// Reads a model source's models into the facts.
    pub model: fn(file: &str, text: &str, out: &mut SdkFacts),
}

/// Every language with a reader.
pub const EXTRACTORS: &[Extractor] = &[
    python::EXTRACTOR,
    java::EXTRACTOR,
    go::EXTRACTOR,
    typescript::EXTRACTOR,
    javascript::EXTRACTOR,
    ruby::EXTRACTOR,
    php::EXTRACTOR,
    csharp::EXTRACTOR,
    kotlin::EXTRACTOR,
    dart::EXTRACTOR,
    swift::EXTRACTOR,
    rust::EXTRACTOR,
    perl::EXTRACTOR,
    r::EXTRACTOR,
];

/// The reader of a language, if there is one.
pub fn extractor(language: &str) -> Option<&'static Extractor> {
    EXTRACTORS.iter().find(|e| e.language == language)
}

/// Letters and digits only, lowercased: `created_after`, `createdAfter` and `CreatedAfter`
/// fold alike.
pub fn fold(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}
