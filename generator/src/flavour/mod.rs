//! Flavours read a doc template family out of blocks into a [`DocApi`]: what the doc
//! *says*, before anything is inferred. Only `python` exists so far; another language's
//! docs (same template family) is one more module implementing [`Flavour`].

pub mod models;
pub mod python;

use crate::diag::Diagnostics;
use crate::ir::{AuthKind, StatusResponse, TypeRef};
use crate::read::{Block, TextHints};
use std::collections::BTreeMap;

/// A doc template family.
pub trait Flavour {
    /// Short name recorded in the IR (`python`).
    fn name(&self) -> &'static str;
    /// How the plain-text reader recognises this template's structure.
    fn text_hints(&self) -> TextHints<'static>;
    /// Reads the doc's statements; problems go to `diags` with `file` and line.
    fn extract(&self, blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Option<DocApi>;
    /// Reads one model doc (`<Model>.md`); `None` when the blocks are not a model doc.
    fn extract_model(&self, blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Option<DocModel>;
    /// Reads the authorization section of a client README.
    fn extract_readme_auth(&self, blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Vec<ReadmeScheme>;
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
    pub key_name: Option<String>,
    pub location: Option<crate::ir::KeyLocation>,
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
    pub ops: Vec<DocOp>,
    /// Schemes described by example code, in order of first appearance.
    pub schemes: Vec<DocScheme>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocScheme {
    pub name: String,
    pub kind: AuthKind,
    /// For API keys: the key in `api_key['...']`.
    pub key_name: Option<String>,
    pub line: usize,
    /// The text that told the kind.
    pub evidence: String,
}

#[derive(Debug, Clone, Default)]
pub struct DocOp {
    pub name: String,
    /// The doc (API class) the operation came from, when several are read together.
    pub group: Option<String>,
    /// Line of the operation's section heading.
    pub line: usize,
    pub method: String,
    pub path: String,
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
}
