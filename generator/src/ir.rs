//! The endpoint model: plain serde data, independent of how it was read and of how it is
//! rendered. Serialized as-is, it is the normalized `api.yaml`.
//!
//! Every node keeps the name the doc used (`name`) beside the name the API uses on the wire
//! (`wire_name`); every fact the doc does not state carries its evidence in `inferred`, and
//! every fact set by `provider.yaml` is listed in `overridden`.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

/// Evidence for inferred facts: fact name → why it was inferred.
pub type Evidence = BTreeMap<String, String>;

/// One provider's API as recovered from its docs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Api {
    /// Short provider id (directory name under `specs/`).
    pub provider: String,
    /// The API class the doc describes, e.g. `UsersApi`.
    pub title: String,
    /// The package of the documented client (e.g. `umaaas_api`), when the doc names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// Where the doc came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    pub base_url: String,
    #[serde(default)]
    pub auth_schemes: Vec<AuthScheme>,
    pub operations: Vec<Operation>,
    /// Models whose shape is known (from model docs or JSON examples); any other model a
    /// type names is opaque JSON.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<Model>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inferred: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
}

impl Api {
    /// Forgets where operations and models were read (their doc and line), which
    /// `api.yaml` does not keep: what an API read from its `api.yaml` compares equal to.
    pub fn forget_origins(&mut self) {
        for op in &mut self.operations {
            op.line = 0;
            op.file.clear();
        }
        for m in &mut self.models {
            m.line = 0;
            m.file.clear();
        }
    }

    /// Every model name the API describes or a type mentions (parameters, responses, model
    /// fields), sorted.
    pub fn model_names(&self) -> BTreeSet<String> {
        let mut out: BTreeSet<String> = self.models.iter().map(|m| m.name.clone()).collect();
        let mut add = |t: &TypeRef| out.extend(t.models().into_iter().map(String::from));
        for op in &self.operations {
            op.params.iter().for_each(|p| add(&p.ty));
            if let Some(r) = &op.response {
                add(r);
            }
        }
        for m in &self.models {
            m.fields.iter().for_each(|f| add(&f.ty));
        }
        out
    }
}

/// A model (schema) whose shape is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// The model's name as the docs spell it.
    pub name: String,
    pub kind: ModelKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Object models: their fields, in doc order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// Enum models: the allowed values as sent on the wire.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<String>,
    /// `one_of` / `any_of` models: the variant models, in the order a decoder tries them.
    /// `fields` keeps what the doc lists (every variant's fields, merged).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// `one_of` / `any_of` models: the property whose value says which variant a value is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discriminator: Option<Discriminator>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inferred: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
    /// The model doc it was read from and the line of its heading (empty and 0 when
    /// unknown, as in an `api.yaml`).
    #[serde(skip)]
    pub file: String,
    #[serde(skip)]
    pub line: usize,
}

impl Model {
    /// A model with only its name, kind and fields known.
    pub fn new(name: impl Into<String>, kind: ModelKind, fields: Vec<Field>) -> Self {
        Model {
            name: name.into(),
            kind,
            description: String::new(),
            fields,
            enum_values: Vec::new(),
            variants: Vec::new(),
            discriminator: None,
            inferred: Evidence::new(),
            overridden: Vec::new(),
            file: String::new(),
            line: 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    Object,
    Enum,
    /// Exactly one of `variants` (OpenAPI `oneOf`).
    OneOf,
    /// One or more of `variants` (OpenAPI `anyOf`); decoded as the first that fits.
    AnyOf,
}

/// A variant model's tag: `property` holds `mapping`'s key for the variant it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discriminator {
    /// The JSON key of the tag property.
    pub property: String,
    /// Tag value → variant model.
    pub mapping: BTreeMap<String, String>,
}

/// A field of an object model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The docs' name (an attribute of their client language, escapes included).
    pub name: String,
    /// The language-neutral name, where it differs from `name` (see [`Param::neutral_name`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutral_name: Option<String>,
    /// The JSON key.
    pub wire_name: String,
    #[serde(rename = "type")]
    pub ty: TypeRef,
    pub required: bool,
    /// `null` is a valid value (distinct from the key being absent).
    #[serde(default, skip_serializing_if = "is_false")]
    pub nullable: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub read_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inferred: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
}

/// The document an [`Api`] was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// File name(s) relative to the spec directory.
    pub files: Vec<String>,
    /// `markdown` or `text` (a rendered page saved as plain text).
    pub form: DocForm,
    /// The doc template family, e.g. `python`.
    pub flavour: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocForm {
    Markdown,
    Text,
}

/// A security scheme named by the doc.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthScheme {
    pub name: String,
    pub kind: AuthKind,
    /// Where an API key travels (API keys only).
    #[serde(rename = "in", default, skip_serializing_if = "Option::is_none")]
    pub location: Option<KeyLocation>,
    /// The header, query or cookie name of an API key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param_name: Option<String>,
    /// OAuth2 flow (`accessCode`, `implicit`, `password`, `application`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
    /// OAuth2 scopes: name → description.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scopes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inferred: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
}

impl AuthScheme {
    /// A scheme with only its name and kind known.
    pub fn new(name: impl Into<String>, kind: AuthKind) -> Self {
        AuthScheme {
            name: name.into(),
            kind,
            location: None,
            param_name: None,
            flow: None,
            authorization_url: None,
            token_url: None,
            scopes: BTreeMap::new(),
            inferred: Evidence::new(),
            overridden: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthKind {
    Basic,
    Bearer,
    ApiKey,
    Oauth2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyLocation {
    Header,
    Query,
    Cookie,
}

/// One HTTP operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// The doc's (Python) method name.
    pub name: String,
    /// The API group (doc class, e.g. `OrdersApi`) when a directory holds several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Upper-case HTTP method.
    pub method: String,
    /// Path template, verbatim.
    pub path: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Markdown prose (HTML converted, entities decoded).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub params: Vec<Param>,
    /// The decoded success body, absent for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<TypeRef>,
    /// Documented statuses (`"200"`, `"2XX"`, `"0"` for default).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<StatusResponse>,
    /// Alternatives (OR), each a list of scheme names that go together (AND). Empty: none.
    #[serde(default)]
    pub security: Vec<Vec<String>>,
    /// `true` when `security` states exact alternatives (set in `provider.yaml`); otherwise
    /// every configured credential among the listed schemes is sent.
    #[serde(default, skip_serializing_if = "is_false")]
    pub security_exact: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<String>,
    /// How the operation pages, when its docs make it evident (see [`crate::infer::paginate`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inferred: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
    /// 1-based line of the operation's section in the source doc (0 when unknown).
    #[serde(skip)]
    pub line: usize,
    /// The doc the operation was read from (empty when unknown, as in an `api.yaml`).
    #[serde(skip)]
    pub file: String,
}

/// How an operation pages. Names are the docs' names of the request parameter and of the
/// response model's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pagination {
    pub kind: PageKind,
    /// The query parameter moved on for each page.
    pub param: String,
    /// Cursor pages: the response field holding the next page's cursor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// The response field holding the page's items (a list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<String>,
    /// The response field holding the number of items in all pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    /// The response field holding the number of pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_pages: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inferred: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// The next request sends the cursor the previous response gave.
    Cursor,
    /// The next request's offset is the previous one plus the items received.
    Offset,
    /// The next request asks for the next page number.
    Page,
}

/// A path template's placeholders, in order: `/users/{userId}/pets/{petId}` → `userId`, `petId`.
pub fn placeholders(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    out
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One parameter, body included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    /// The name as the doc spells it (escapes of its client language included: Python's
    /// `_from`, C#'s `varInternal`, Kotlin 4.x's `acceptMinusLanguage`).
    pub name: String,
    /// The language-neutral name, where it differs from `name`: the doc's escapes undone
    /// (`from`, `internal`, `accept-language`), the same whatever language the docs were
    /// written for; the Rust name derives from it. Absent in files written before it
    /// existed: there, Python's escapes of `name` are undone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutral_name: Option<String>,
    /// The name on the wire (placeholder, query/header/form name). Same as `name` for bodies.
    pub wire_name: String,
    pub location: Location,
    #[serde(rename = "type")]
    pub ty: TypeRef,
    /// The type as the doc spells it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc_type: String,
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Allowed values, where the doc lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<String>,
    /// Example value from the doc's example code, when it is JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inferred: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    Path,
    Query,
    Header,
    Cookie,
    Form,
    Body,
}

impl Param {
    /// The language-neutral name: [`Param::neutral_name`], else `name` with Python's
    /// reserved-word escapes undone (what files without `neutral_name` mean).
    pub fn neutral(&self) -> &str {
        match &self.neutral_name {
            Some(n) => n,
            None => unescape_python(&self.name),
        }
    }
}

/// Python's reserved-word escapes undone: `_from`, `var_from`, `var_self` → `from`, `self`.
pub fn unescape_python(name: &str) -> &str {
    for prefix in ["var_", "_"] {
        if let Some(rest) = name.strip_prefix(prefix) {
            // Keywords, and names that cannot start a Python identifier (`2fa_enabled`).
            if PY_KEYWORDS.contains(&rest) || rest.starts_with(|c: char| c.is_ascii_digit()) {
                return rest;
            }
        }
    }
    name
}

/// Python's keywords and the names its generators escape.
pub const PY_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "self", "property", "type", "date", "datetime", "schema", "field", "list",
    // Python 2's keywords, which the generators still escape.
    "exec", "print",
];

impl Field {
    /// The language-neutral name: [`Field::neutral_name`], else `name` with Python's
    /// reserved-word escapes undone.
    pub fn neutral(&self) -> &str {
        match &self.neutral_name {
            Some(n) => n,
            None => unescape_python(&self.name),
        }
    }
}

impl Location {
    pub fn as_str(self) -> &'static str {
        match self {
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "header",
            Location::Cookie => "cookie",
            Location::Form => "form",
            Location::Body => "body",
        }
    }
}

/// A documented response status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusResponse {
    pub status: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Names of documented response headers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
}

/// A normalized type: `string`, `integer`, `number`, `boolean`, `date`, `date-time`,
/// `binary`, `object` (any JSON), `list[T]`, `map[T]` (string keys), or a model name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    String,
    Integer,
    Number,
    Boolean,
    Date,
    DateTime,
    Binary,
    Any,
    List(Box<TypeRef>),
    Map(Box<TypeRef>),
    Model(String),
}

impl TypeRef {
    /// The model names this type mentions.
    pub fn models(&self) -> Vec<&str> {
        match self {
            TypeRef::Model(m) => vec![m.as_str()],
            TypeRef::List(t) | TypeRef::Map(t) => t.models(),
            _ => Vec::new(),
        }
    }

    /// Whether values of this type are JSON documents rather than scalars.
    pub fn is_structured(&self) -> bool {
        match self {
            TypeRef::Model(_) | TypeRef::Any | TypeRef::Map(_) => true,
            TypeRef::List(t) => t.is_structured(),
            _ => false,
        }
    }
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::String => f.write_str("string"),
            TypeRef::Integer => f.write_str("integer"),
            TypeRef::Number => f.write_str("number"),
            TypeRef::Boolean => f.write_str("boolean"),
            TypeRef::Date => f.write_str("date"),
            TypeRef::DateTime => f.write_str("date-time"),
            TypeRef::Binary => f.write_str("binary"),
            TypeRef::Any => f.write_str("object"),
            TypeRef::List(t) => write!(f, "list[{t}]"),
            TypeRef::Map(t) => write!(f, "map[{t}]"),
            TypeRef::Model(m) => f.write_str(m),
        }
    }
}

impl FromStr for TypeRef {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Containers are peeled in a loop and nesting is bounded: a hostile `api.yaml`
        // must not overflow the stack here or in the recursive code that walks types.
        let mut s = s.trim();
        let mut wrappers: Vec<bool> = Vec::new(); // true: list, false: map
        loop {
            let (is_list, rest) = if let Some(r) = s.strip_prefix("list[") {
                (true, r)
            } else if let Some(r) = s.strip_prefix("map[") {
                (false, r)
            } else {
                break;
            };
            let Some(inner) = rest.strip_suffix(']') else { break };
            if wrappers.len() == MAX_TYPE_DEPTH {
                return Err(format!("type nested more than {MAX_TYPE_DEPTH} deep"));
            }
            wrappers.push(is_list);
            s = inner.trim();
        }
        let mut t = Self::scalar_or_model(s)?;
        for is_list in wrappers.into_iter().rev() {
            t = if is_list { TypeRef::List(Box::new(t)) } else { TypeRef::Map(Box::new(t)) };
        }
        Ok(t)
    }
}

/// Deepest nesting of `list[…]` / `map[…]` accepted, in `api.yaml` and in docs.
pub const MAX_TYPE_DEPTH: usize = 16;

impl TypeRef {
    fn scalar_or_model(s: &str) -> Result<Self, String> {
        Ok(match s {
            "string" => TypeRef::String,
            "integer" => TypeRef::Integer,
            "number" => TypeRef::Number,
            "boolean" => TypeRef::Boolean,
            "date" => TypeRef::Date,
            "date-time" => TypeRef::DateTime,
            "binary" => TypeRef::Binary,
            "object" => TypeRef::Any,
            m if is_model_name(m) => TypeRef::Model(m.to_string()),
            other => {
                return Err(format!(
                    "unknown type `{other}`: expected string, integer, number, boolean, date, \
                     date-time, binary, object, list[T], map[T] or a model name"
                ))
            }
        })
    }
}

/// A model name starts with an ASCII letter and holds only letters, digits and `_`.
pub fn is_model_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Serialize for TypeRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TypeRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_refs_round_trip_through_their_spelling() {
        for s in [
            "string",
            "integer",
            "number",
            "boolean",
            "date",
            "date-time",
            "binary",
            "object",
            "list[string]",
            "map[list[User]]",
            "User",
        ] {
            let t: TypeRef = s.parse().unwrap();
            assert_eq!(t.to_string(), s);
        }
        assert!("list[".parse::<TypeRef>().is_err());
        assert!("no such type".parse::<TypeRef>().is_err());
    }
}
