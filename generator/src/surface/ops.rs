//! Operations' Rust surface: each operation's `Client` method and request builder, its
//! parameters' names and types in call order, its body kind and response type, how it
//! pages; operations that cannot be expressed are reported and left out.

use super::schemes::SchemePlan;
use crate::ident::{sanitize, Case};
use crate::ir::{placeholders, Api, Location, Operation, Param, TypeRef};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// Names the generated client itself uses: operation methods get a `_` suffix instead.
pub const CLIENT_METHODS: &[&str] = &["new", "builder", "base_url", "clone", "config", "fmt", "default"];
/// Names a request builder uses for itself: parameter setters get a `_` suffix instead.
pub const BUILDER_NAMES: &[&str] = &[
    "client", "send", "send_json", "send_bytes", "into_future", "into_request", "execute", "request",
    "fmt", "new", "clone", "options", "timeout", "header", "retry_policy", "send_stream", "send_items", "pages",
    "items",
];

/// The resolved plan of a crate's operations.
pub struct Plan<'a> {
    pub ops: Vec<OpPlan<'a>>,
}

pub struct OpPlan<'a> {
    pub op: &'a Operation,
    pub method_ident: Ident,
    pub request_ident: Ident,
    /// Required parameters, in call order (path parameters in path order first).
    pub required: Vec<ParamPlan<'a>>,
    pub optional: Vec<ParamPlan<'a>>,
    pub response: Response,
    pub response_is_value: bool,
    pub body_kind: BodyKind,
    /// The docs have an idempotency-key parameter: no `idempotency_key` option.
    pub has_idempotency_param: bool,
    /// How `.pages()` moves on, when the operation pages.
    pub paging: Option<Paging>,
}

/// The rendered shape of an operation's pagination.
pub struct Paging {
    pub kind: crate::ir::PageKind,
    /// The builder field moved on, and whether it is required (not an `Option`).
    pub param: Ident,
    pub param_required: bool,
    /// Response model fields.
    pub next: Option<Ident>,
    pub items: Option<(Ident, TokenStream)>,
    pub total: Option<Ident>,
    pub total_pages: Option<Ident>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    None,
    Json,
    Form,
    Multipart,
    /// A raw body in the documented content type (`text/plain`, `application/octet-stream`).
    Raw,
}

pub enum Response {
    Empty,
    Json(TokenStream),
    Bytes,
    Text,
    /// NDJSON / JSON Lines / event-stream items: the item type and the runtime format.
    Items(TokenStream, TokenStream),
}

/// The runtime stream format of an accept list made only of streamed media types.
fn stream_format(accept: Option<&str>) -> Option<TokenStream> {
    let accept = accept?;
    let kinds: Vec<Option<&str>> = accept
        .split(',')
        .map(|t| t.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
        .filter(|t| !t.is_empty())
        .map(|t| match t.as_str() {
            "text/event-stream" => Some("EventStream"),
            "application/x-ndjson" | "application/ndjson" | "application/jsonl" | "application/x-jsonlines" => {
                Some("JsonLines")
            }
            _ => None,
        })
        .collect();
    let first = (*kinds.first()?)?;
    if kinds.iter().any(Option::is_none) {
        return None;
    }
    let ident = format_ident!("{}", first);
    Some(quote!(crate::runtime::StreamFormat::#ident))
}

/// The Rust names of a model's fields (doc name → identifier), as the surface names them.
fn model_field_idents(model: &crate::ir::Model) -> BTreeMap<String, Ident> {
    super::models::field_idents(model, &mut |_| {}).into_iter().map(|(f, i)| (f.name.clone(), i)).collect()
}

pub struct ParamPlan<'a> {
    pub p: &'a Param,
    pub ident: Ident,
    /// The owned field type.
    pub ty: TokenStream,
    /// Accepts `impl Into<T>` rather than `T`.
    pub into: bool,
    pub rust_ty: RustTy,
}

impl ParamPlan<'_> {
    /// A placeholder argument for examples.
    pub fn example_arg(&self) -> String {
        match &self.rust_ty {
            RustTy::String => format!("\"{}\"", self.p.wire_name.to_ascii_lowercase().replace('_', "-")),
            RustTy::Int => "1".into(),
            RustTy::Float => "1.0".into(),
            RustTy::Bool => "true".into(),
            RustTy::Model(_) | RustTy::Json => "serde_json::json!({})".into(),
            RustTy::File => "b\"file contents\".to_vec()".into(),
            RustTy::Date => "time::macros::date!(2024-01-01)".into(),
            RustTy::DateTime => "time::OffsetDateTime::now_utc()".into(),
            RustTy::List(_) | RustTy::Map(_) => "Default::default()".into(),
        }
    }
}

/// The Rust shape of a parameter type.
#[derive(Clone, Debug, PartialEq)]
pub enum RustTy {
    String,
    Int,
    Float,
    Bool,
    Date,
    DateTime,
    File,
    Json,
    Model(Ident),
    List(Box<RustTy>),
    Map(Box<RustTy>),
}

impl RustTy {
    fn from_type(t: &TypeRef, models: &mut BTreeMap<String, Ident>) -> RustTy {
        match t {
            TypeRef::String => RustTy::String,
            TypeRef::Integer => RustTy::Int,
            TypeRef::Number => RustTy::Float,
            TypeRef::Boolean => RustTy::Bool,
            TypeRef::Date => RustTy::Date,
            TypeRef::DateTime => RustTy::DateTime,
            TypeRef::Binary => RustTy::File,
            TypeRef::Any => RustTy::Json,
            TypeRef::List(t) => RustTy::List(Box::new(Self::from_type(t, models))),
            TypeRef::Map(t) => RustTy::Map(Box::new(Self::from_type(t, models))),
            TypeRef::Model(m) => RustTy::Model(model_ident(m, models)),
        }
    }

    /// The type of a value that travels as JSON (a body, a response): dates and binary
    /// data are JSON strings (RFC 3339, base64), kept as text as in models' containers;
    /// `time`'s own serde format is not RFC 3339, and a file part is no JSON value.
    fn from_json_type(t: &TypeRef, models: &mut BTreeMap<String, Ident>) -> RustTy {
        match t {
            TypeRef::Date | TypeRef::DateTime | TypeRef::Binary => RustTy::String,
            TypeRef::List(t) => RustTy::List(Box::new(Self::from_json_type(t, models))),
            TypeRef::Map(t) => RustTy::Map(Box::new(Self::from_json_type(t, models))),
            other => Self::from_type(other, models),
        }
    }

    fn tokens(&self) -> TokenStream {
        match self {
            RustTy::String => quote!(String),
            RustTy::Int => quote!(i64),
            RustTy::Float => quote!(f64),
            RustTy::Bool => quote!(bool),
            RustTy::Date => quote!(time::Date),
            RustTy::DateTime => quote!(time::OffsetDateTime),
            RustTy::File => quote!(crate::FilePart),
            RustTy::Json => quote!(serde_json::Value),
            RustTy::Model(m) => quote!(crate::models::#m),
            RustTy::List(t) => {
                let t = t.tokens();
                quote!(Vec<#t>)
            }
            RustTy::Map(t) => {
                let t = t.tokens();
                quote!(std::collections::BTreeMap<String, #t>)
            }
        }
    }

    /// Scalars and lists of scalars: what a query, header, path or form value can be.
    fn is_simple(&self) -> bool {
        match self {
            RustTy::String | RustTy::Int | RustTy::Float | RustTy::Bool | RustTy::Date | RustTy::DateTime => true,
            RustTy::List(t) => t.is_simple() && !matches!(**t, RustTy::List(_)),
            _ => false,
        }
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, RustTy::List(_)) && self.is_simple()
    }
}

fn model_ident(source: &str, models: &mut BTreeMap<String, Ident>) -> Ident {
    if let Some(i) = models.get(source) {
        return i.clone();
    }
    let mut name = sanitize(source, Case::Pascal, super::models::PRELUDE_TYPES);
    while models.values().any(|i| *i == name) {
        name.push('_');
    }
    let ident = format_ident!("{}", name);
    models.insert(source.to_string(), ident.clone());
    ident
}

/// Resolves names and types; operations that cannot be expressed are reported and skipped.
pub fn plan<'a>(
    api: &'a Api,
    schemes: &SchemePlan,
    model_idents: &BTreeMap<String, Ident>,
    warn: super::Warn<'_>,
) -> Plan<'a> {
    let mut models = model_idents.clone();
    let mut ops = Vec::new();
    // Methods and request builders are named apart in each API group: a group is a module
    // of its own, so the same name in two groups is no collision.
    let mut used_methods: BTreeMap<(Option<&str>, String), String> = BTreeMap::new();
    let mut used_requests: std::collections::BTreeSet<(Option<&str>, String)> = Default::default();
    for op in &api.operations {
        let group = op.group.as_deref();
        match plan_op(op, schemes, &mut models, &api.models, warn) {
            Ok(mut p) => {
                let mut name = p.method_ident.to_string();
                if let Some(other) = used_methods.get(&(group, name.clone())) {
                    warn(super::Problem::at_op(op, format!(
                        "operations `{other}` and `{}` both become method `{name}`; the second is named `{name}_`",
                        op.name
                    )));
                    while used_methods.contains_key(&(group, name.clone())) {
                        name.push('_');
                    }
                    p.method_ident = format_ident!("{}", name);
                }
                let mut request = p.request_ident.to_string();
                let base = request.trim_end_matches("Request").to_string();
                let mut n = 2;
                while used_requests.contains(&(group, request.clone())) {
                    // `Request` itself (an operation whose name has no letters) becomes
                    // `Request2`: an identifier cannot start with the digit.
                    request = if base.is_empty() { format!("Request{n}") } else { format!("{base}{n}Request") };
                    n += 1;
                }
                p.request_ident = format_ident!("{}", request);
                used_requests.insert((group, request));
                used_methods.insert((group, name), op.name.clone());
                ops.push(p);
            }
            Err(why) => warn(super::Problem::at_op(op, format!("operation `{}` skipped: {why}", op.name))),
        }
    }
    Plan { ops }
}

fn plan_op<'a>(
    op: &'a Operation,
    schemes: &SchemePlan,
    models: &mut BTreeMap<String, Ident>,
    known_models: &[crate::ir::Model],
    warn: super::Warn<'_>,
) -> Result<OpPlan<'a>, String> {
    // Python's escape of keywords (`var_async`) is undone: the Rust name is `async_`.
    let bare = crate::ir::unescape_python(&op.name);
    let method_name = super::method_name(op);
    let method_ident = format_ident!("{}", method_name);
    // Sanitized as one name, so that `self` gives `SelfRequest`, not `Self_Request`.
    let request_ident = format_ident!("{}", sanitize(&format!("{bare} request"), Case::Pascal, &[]));
    if !matches!(op.method.as_str(), "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "TRACE") {
        return Err(format!("HTTP method `{}` is not supported", op.method));
    }
    for alt in &op.security {
        for s in alt {
            if schemes.get(s).is_none() {
                return Err(format!("security scheme `{s}` is not defined"));
            }
        }
    }
    let ct = op.content_type.as_deref().unwrap_or("");
    let body_kind = if op.params.iter().any(|p| p.location == Location::Form) {
        if ct.contains("x-www-form-urlencoded") && !op.params.iter().any(|p| p.ty == TypeRef::Binary) {
            BodyKind::Form
        } else {
            BodyKind::Multipart
        }
    } else if op.params.iter().any(|p| p.location == Location::Body) {
        if op.params.iter().filter(|p| p.location == Location::Body).count() > 1 {
            return Err("more than one body parameter".into());
        }
        let body = op.params.iter().find(|p| p.location == Location::Body);
        let raw = !(ct.is_empty() || ct.split(',').any(|c| c.contains("json")));
        // A file is sent as it is, whatever else the content types list.
        if (raw && body.is_some_and(|p| p.ty == TypeRef::String)) || body.is_some_and(|p| p.ty == TypeRef::Binary) {
            BodyKind::Raw
        } else {
            BodyKind::Json
        }
    } else {
        BodyKind::None
    };

    let mut used: BTreeMap<String, String> = BTreeMap::new();
    let mut planned: Vec<ParamPlan<'a>> = Vec::new();
    for p in &op.params {
        let mut name = super::param_name(p);
        if let Some(other) = used.get(&name) {
            warn(super::Problem::at_op(op, format!(
                "operation `{}`: parameters `{other}` and `{}` both become `{name}`; the second is named `{name}_`",
                op.name, p.name
            )));
            while used.contains_key(&name) {
                name.push('_');
            }
        }
        used.insert(name.clone(), p.name.clone());
        // A whole body of binary data is a file (reported below unless multipart).
        let rust_ty = if p.location == Location::Body && p.ty != TypeRef::Binary {
            RustTy::from_json_type(&p.ty, models)
        } else {
            RustTy::from_type(&p.ty, models)
        };
        // A model in a scalar position (an enum, most likely) travels as its JSON value:
        // strings as they are.
        let model = matches!(rust_ty, RustTy::Model(_));
        // A list of them, or of any JSON (`status=active&status=overdue`): each element as its
        // JSON value, strings as they are.
        let model_list = matches!(&rust_ty, RustTy::List(t) if matches!(**t, RustTy::Model(_) | RustTy::Json));
        let ok = match p.location {
            // Any JSON (a type the doc does not spell, swagger-codegen Go's `optional.`): strings as
            // they are, anything else as compact JSON.
            Location::Path | Location::Header | Location::Cookie => rust_ty.is_scalar() || model || rust_ty == RustTy::Json,
            Location::Query => rust_ty.is_simple() || rust_ty == RustTy::Json || model || model_list,
            Location::Form => {
                rust_ty.is_simple()
                    || model
                    || model_list
                    || rust_ty == RustTy::File
                    || (body_kind == BodyKind::Multipart && rust_ty == RustTy::List(Box::new(RustTy::File)))
            }
            Location::Body => true,
        };
        if !ok {
            return Err(format!(
                "parameter `{}` of type `{}` cannot travel in the {}",
                p.name,
                p.ty,
                p.location.as_str()
            ));
        }
        if rust_ty == RustTy::File && body_kind != BodyKind::Multipart && body_kind != BodyKind::Raw {
            return Err(format!("file parameter `{}` outside a multipart body", p.name));
        }
        let into = matches!(rust_ty, RustTy::String | RustTy::File | RustTy::Model(_) | RustTy::Json);
        planned.push(ParamPlan {
            p,
            ident: format_ident!("{}", name),
            ty: rust_ty.tokens(),
            into,
            rust_ty,
        });
    }
    // Path placeholders must each have a parameter.
    for ph in placeholders(&op.path) {
        if !op.params.iter().any(|p| p.location == Location::Path && p.wire_name == ph) {
            return Err(format!("path placeholder `{{{ph}}}` has no parameter"));
        }
    }
    let path_order = |p: &ParamPlan| -> usize {
        placeholders(&op.path)
            .iter()
            .position(|ph| p.p.location == Location::Path && *ph == p.p.wire_name)
            .unwrap_or(usize::MAX)
    };
    let (mut required, optional): (Vec<_>, Vec<_>) = planned
        .into_iter()
        .partition(|p| p.p.required || p.p.location == Location::Path);
    required.sort_by_key(path_order);

    let streamed = stream_format(op.accept.as_deref());
    let response = match (&op.response, streamed) {
        (Some(t), Some(format)) if t != &TypeRef::Binary => {
            let item = match t {
                TypeRef::List(inner) => inner,
                other => other,
            };
            Response::Items(RustTy::from_json_type(item, models).tokens(), format)
        }
        (response, _) => plain_response(op, response.as_ref(), models),
    };
    let has_idempotency_param = op.params.iter().any(|p| {
        p.wire_name.eq_ignore_ascii_case("idempotency-key") || sanitize(&p.name, Case::Snake, &[]) == "idempotency_key"
    });
    let mut all = required.iter().chain(&optional);
    let paging = op.pagination.as_ref().and_then(|pg| {
        let param = all.find(|p| p.p.name == pg.param)?;
        let Some(TypeRef::Model(model_name)) = &op.response else { return None };
        let model = known_models.iter().find(|m| &m.name == model_name)?;
        let fields = model_field_idents(model);
        let field = |name: &Option<String>| name.as_ref().and_then(|n| fields.get(n).cloned());
        let items = match &pg.items {
            Some(n) => {
                let f = model.fields.iter().find(|f| &f.name == n)?;
                let TypeRef::List(inner) = &f.ty else { return None };
                Some((fields.get(n)?.clone(), RustTy::from_json_type(inner, models).tokens()))
            }
            None => None,
        };
        Some(Paging {
            kind: pg.kind,
            param: param.ident.clone(),
            param_required: param.p.required,
            next: field(&pg.next),
            items,
            total: field(&pg.total),
            total_pages: field(&pg.total_pages),
        })
    });
    let response_is_value = !matches!(response, Response::Empty);
    Ok(OpPlan {
        op,
        method_ident,
        request_ident,
        required,
        optional,
        response,
        response_is_value,
        body_kind,
        has_idempotency_param,
        paging,
    })
}

fn plain_response(op: &Operation, response: Option<&TypeRef>, models: &mut BTreeMap<String, Ident>) -> Response {
    match response {
        None => Response::Empty,
        Some(TypeRef::Binary) => Response::Bytes,
        Some(TypeRef::String)
            if op
                .accept
                .as_deref()
                .is_some_and(|a| !a.contains("json")) =>
        {
            Response::Text
        }
        Some(t) => Response::Json(RustTy::from_json_type(t, models).tokens()),
    }
}

/// The module of each API group, given in order of first appearance: the group's name in
/// snake case without its `Api` suffix (`AppsV1Api` → `apps_v1`), which is also the group's
/// cargo feature and its `Client` accessor. Groups whose names meet after case conversion
/// (`UsersApi`, `users_api`) get distinct modules, the later one with a `_`; names the
/// client or the crate's features already use (`new`, `default`, `tracing`) take a `_`.
pub fn group_modules<'a>(groups: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for g in groups {
        if out.contains_key(g) {
            continue;
        }
        let mut module = group_module(g);
        while out.values().any(|m| *m == module) {
            module.push('_');
        }
        out.insert(g.to_string(), module);
    }
    out
}

/// Names a group's module must not take: the client's own methods (the module is also the
/// accessor), the crate's own features and modules.
pub const GROUP_RESERVED: &[&str] = &[
    "new", "builder", "base_url", "clone", "config", "fmt", "default", "rustls", "native_tls", "tracing",
];

/// One group's module before collisions: `AppsV1Api` → `apps_v1`, `Api` → `api`.
fn group_module(group: &str) -> String {
    let snake = sanitize(group, Case::Snake, &[]);
    let bare = snake.strip_suffix("_api").filter(|b| !b.is_empty()).unwrap_or(&snake);
    sanitize(bare, Case::Snake, GROUP_RESERVED)
}
