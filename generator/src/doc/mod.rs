//! What a doc *says*, before anything is inferred: the template family openapi-generator
//! and swagger-codegen write in every client language, read out of blocks into a
//! [`DocApi`] (API docs), [`DocModel`]s (model docs) and [`ReadmeScheme`]s (the client
//! README's authorization section).
//!
//! One reader does the template ([`template`]: method table and preamble; [`operation`]:
//! an operation's section; [`types`]: type spellings; [`auth`]: scheme clues; [`models`]:
//! model docs; [`dynamic`]: openapi-generator 6.x python's own layout). What a client
//! language spells differently is a table in [`langs`]. The doc's language is a value
//! passed to the readers ([`detect_language`]), never ambient state.

pub mod auth;
pub mod blocks;
pub mod dynamic;
pub mod langs;
pub mod models;
pub mod operation;
pub mod set;
pub mod table;
pub mod template;
pub mod types;
#[cfg(test)]
mod template_tests;

use crate::diag::Diagnostics;
use crate::ir::{AuthKind, StatusResponse, TypeRef};
use crate::read::{Block, TextHints};
use std::collections::BTreeMap;

pub use set::{extract_doc_set, read_doc_set, ExtractedDocs, ReadDocs};

/// Client languages by the names code fences and `provider.yaml` (`flavour: java`) use.
pub const LANGS: &[(&str, &str)] = &[
    ("python", "python"), ("py", "python"), ("java", "java"), ("kotlin", "kotlin"), ("kt", "kotlin"),
    ("go", "go"), ("golang", "go"), ("rust", "rust"), ("ruby", "ruby"), ("rb", "ruby"), ("php", "php"),
    ("csharp", "csharp"), ("cs", "csharp"), ("c#", "csharp"), ("javascript", "javascript"), ("js", "javascript"),
    ("typescript", "typescript"), ("ts", "typescript"), ("dart", "dart"), ("swift", "swift"),
    ("perl", "perl"), ("r", "r"), ("powershell", "powershell"), ("ps1", "powershell"),
];

/// The language a name means (`kt` → `kotlin`), if it is one.
pub fn language_named(name: &str) -> Option<&'static str> {
    let l = name.trim().to_ascii_lowercase();
    LANGS.iter().find(|(k, _)| *k == l).map(|(_, n)| *n)
}

/// The first code fence's language when it is none of [`LANGS`] (`elixir`): the doc is
/// read with the shared template, Python's type spellings, and a warning says so.
pub fn unknown_fence_language(blocks: &[Block]) -> Option<(usize, String)> {
    let mut first_unknown = None;
    for b in blocks {
        if let crate::read::BlockKind::Code { lang, .. } = &b.kind {
            let l = lang.trim();
            if l.is_empty() || matches!(l, "text" | "json" | "shell" | "sh" | "bash" | "yaml" | "xml" | "http" | "console") {
                continue;
            }
            if language_named(l).is_some() {
                return None;
            }
            first_unknown.get_or_insert((b.line, l.to_string()));
        }
    }
    first_unknown
}

/// The client language a doc was written for, detected from its example code (fences such
/// as ```` ```java ````, PHP's `$name` signatures): it decides how type spellings read
/// (`String` is a string in Java, a model named `String` in a Python doc). `forced`
/// (`flavour:` in `provider.yaml`) wins over anything the doc looks like.
pub fn detect_language(blocks: &[Block], forced: Option<&'static str>) -> &'static str {
    if let Some(forced) = forced {
        return forced;
    }
    for b in blocks {
        if let crate::read::BlockKind::Code { lang, .. } = &b.kind {
            let l = lang.trim().to_ascii_lowercase();
            if let Some((_, name)) = LANGS.iter().find(|(k, _)| *k == l) {
                return name;
            }
        }
    }
    for b in blocks {
        if let crate::read::BlockKind::Para { text, .. } = &b.kind {
            let t = text.trim_start();
            if t.contains("($") || t.contains(", $") {
                return "php";
            }
            if t.contains("crate::models::") || t.contains("Option<") {
                return "rust";
            }
            if t.contains("models::") {
                return "rust";
            }
            if is_csharp_signature(t) {
                return "csharp";
            }
            if is_ruby_signature(t) {
                return "ruby";
            }
        }
    }
    // No example code: the parameter tables' type spellings (`Option<String>`, `kotlin.Int`,
    // Go 4.x's `context.Context`).
    let mut votes: BTreeMap<&'static str, usize> = BTreeMap::new();
    for b in blocks {
        if let crate::read::BlockKind::Table { rows } = &b.kind {
            for cell in rows.iter().filter_map(|r| r.cells.get(1)) {
                if let Some(l) = langs::language_of_spelling(&cell.text) {
                    *votes.entry(l).or_default() += 1;
                }
            }
        }
    }
    if let Some((l, _)) = votes.iter().max_by_key(|(_, n)| **n) {
        return l;
    }
    // No example code and no telling type, a title `# \DefaultApi`: Rust (Go writes the same
    // title, with example code or `context.Context`).
    if blocks.iter().any(|b| matches!(&b.kind, crate::read::BlockKind::Heading { level: 1, text } if text.trim().starts_with('\\'))) {
        return "rust";
    }
    "python"
}

/// Ruby 7.x's signature: the return type in angle brackets, `<AccountResponse> create_account(plan_id, data)`.
fn is_ruby_signature(t: &str) -> bool {
    let t = t.trim().trim_start_matches('>').trim();
    let Some(rest) = t.strip_prefix('<') else { return false };
    let Some((ty, call)) = rest.split_once("> ") else { return false };
    let ident = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    !ty.is_empty()
        && ty.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '<' | '>' | ',' | ' ' | '_'))
        && call.split_once('(').is_some_and(|(name, _)| ident(name))
        && call.trim_end().ends_with(')')
}

/// A C# signature: `Loan ReturnLoan (Guid loanId, int xDeskId, DateTime returnedAt = null)`,
/// a space before the parenthesis and a type before every argument name (the C# docs of
/// the generic-host library have no example code to tell their language).
fn is_csharp_signature(t: &str) -> bool {
    let t = t.trim().trim_start_matches('>').trim();
    let Some((head, args)) = t.split_once(" (") else { return false };
    let Some(args) = args.trim_end().strip_suffix(')') else { return false };
    let is_ident = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !head.rsplit(' ').next().is_some_and(is_ident) || args.trim().is_empty() {
        return false;
    }
    let mut depth = 0i32;
    let mut parts = vec![String::new()];
    for c in args.chars() {
        match c {
            '<' | '[' | '(' => depth += 1,
            '>' | ']' | ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts.iter().all(|p| {
        let decl = p.split('=').next().unwrap_or("").trim();
        let words: Vec<&str> = decl.split_whitespace().collect();
        words.len() == 2 && is_ident(words[1]) && words[0].starts_with(|c: char| c.is_ascii_alphabetic())
    })
}

/// The template family's reader: one for every client language, told the doc's language.
#[derive(Debug, Clone, Copy, Default)]
pub struct Template;

impl Template {
    /// The family's name, recorded in `api.yaml` for Python docs (`source.flavour`).
    pub fn name(&self) -> &'static str {
        "python"
    }

    /// How the plain-text reader recognises this template's structure.
    pub fn text_hints(&self) -> TextHints<'static> {
        template::text_hints()
    }

    /// Reads an API doc's statements; its language is detected, or `forced`. Problems go
    /// to `diags` with `file` and line.
    pub fn extract(&self, blocks: &[Block], file: &str, forced: Option<&'static str>, diags: &mut Diagnostics) -> Option<DocApi> {
        template::extract_api(blocks, file, forced, diags)
    }

    /// Reads one model doc (`<Model>.md`) in `lang`, its API docs' language (model docs
    /// have no example code); `None` when the blocks are not a model doc.
    pub fn extract_model(&self, blocks: &[Block], file: &str, lang: &'static str, diags: &mut Diagnostics) -> Option<DocModel> {
        models::extract_model(blocks, file, lang, diags)
    }

    /// Reads the authorization section of a client README.
    pub fn extract_readme_auth(&self, blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Vec<ReadmeScheme> {
        auth::extract_readme_auth(blocks, file, diags)
    }
}

/// A model doc's statements.
#[derive(Debug, Clone, PartialEq)]
pub struct DocModel {
    pub name: String,
    pub file: String,
    pub line: usize,
    pub description: String,
    pub fields: Vec<DocField>,
    /// Enum models: values as sent on the wire.
    pub enum_values: Vec<String>,
    pub is_enum: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocField {
    pub name: String,
    pub line: usize,
    pub doc_type: String,
    pub ty: TypeRef,
    pub description: String,
    pub required: bool,
    pub read_only: bool,
    pub nullable: bool,
    pub default: Option<String>,
    pub enum_values: Vec<String>,
}

/// A scheme as a client README's "Documentation For Authorization" states it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReadmeScheme {
    pub name: String,
    pub line: usize,
    pub kind: Option<AuthKind>,
    /// Other kinds the stated type allows (`HTTP basic`: bearer too, in older templates).
    pub also: Vec<AuthKind>,
    pub key_name: Option<String>,
    pub location: Option<crate::ir::KeyLocation>,
    /// `- **Location**:` left blank (templates that name only headers and query strings).
    pub location_blank: bool,
    pub flow: Option<String>,
    pub authorization_url: Option<String>,
    pub token_url: Option<String>,
    pub scopes: BTreeMap<String, String>,
}

/// What a doc states, with lines.
#[derive(Debug, Clone, Default)]
pub struct DocApi {
    pub title: String,
    pub package: Option<String>,
    pub base_url: Option<String>,
    pub base_url_line: usize,
    /// How the base URL was repaired, when it was (`https://` assumed).
    pub base_url_note: Option<String>,
    pub ops: Vec<DocOp>,
    /// Schemes described by example code, in order of first appearance.
    pub schemes: Vec<DocScheme>,
    /// The client language the doc was written for ([`detect_language`]).
    pub language: &'static str,
    /// Paths the directory documents beside this doc's (its README's endpoint list, every
    /// group's): clues to how the API writes names, farther than the doc's own.
    pub directory_paths: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocScheme {
    pub name: String,
    /// The likeliest kind the clues allow.
    pub kind: AuthKind,
    /// Other kinds the clues leave possible (`HTTP basic` comments: bearer too, in older
    /// templates; an access-token setter: OAuth2 too). See [`auth`].
    pub also: Vec<AuthKind>,
    /// For API keys: the key in `api_key['...']`.
    pub key_name: Option<String>,
    pub line: usize,
    /// The text that told the kind.
    pub evidence: String,
    /// Clues that allow none of the kinds of the first ones.
    pub conflict: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct DocOp {
    pub name: String,
    /// The doc the operation's section is in.
    pub file: String,
    /// The doc (API class) the operation came from, when several are read together.
    pub group: Option<String>,
    /// Line of the operation's section heading.
    pub line: usize,
    pub method: String,
    pub path: String,
    /// How the path was repaired, when it was (`/` assumed before `v1/hooks`).
    pub path_note: Option<String>,
    pub summary: String,
    pub description: String,
    pub signature: Option<Signature>,
    pub params: Vec<DocParam>,
    pub return_type: Option<TypeRef>,
    pub return_doc: String,
    /// Scheme names from the Authorization section, in order.
    pub auth: Vec<String>,
    pub auth_line: usize,
    /// Schemes the example code configures, in order.
    pub example_schemes: Vec<String>,
    pub content_type: Option<String>,
    pub accept: Option<String>,
    pub statuses: Vec<StatusResponse>,
    /// JSON example values by parameter name.
    pub examples: BTreeMap<String, serde_json::Value>,
    /// Other docs that document the same operation (several tags): `Group (file:line)`.
    pub also_in: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signature {
    pub line: usize,
    pub return_type: Option<String>,
    /// Arguments in order; `true` when written as a keyword (`name=name`).
    pub args: Vec<(String, bool)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocParam {
    pub name: String,
    pub line: usize,
    pub doc_type: String,
    pub ty: TypeRef,
    /// The type cell linked to a model doc.
    pub model_link: bool,
    /// The type cell was an enum link with an empty target (`[**Category**](.md)`).
    pub enum_link: bool,
    pub description: String,
    pub required: bool,
    pub default: Option<String>,
    pub enum_values: Vec<String>,
    /// Where the doc itself says the parameter travels (a `query_params` table, a
    /// `Path Parameters` table), with the words that say it; `None`: to be inferred.
    pub stated_location: Option<(crate::ir::Location, String)>,
    /// The wire name, where the doc spells it (it differs from `name`, an identifier).
    pub stated_wire_name: Option<String>,
    /// Why the requiredness the doc states may be wrong, where its template is known to
    /// mislead (swagger-codegen marks no form field optional); kept as a guess if it is a form field.
    pub required_note: Option<String>,
}
