//! Operations: one `Client` method and one request builder per operation.

use super::docs::{self, doc_attrs, raw_doc_attrs};
use super::SchemePlan;
use crate::ident::{sanitize, Case};
use crate::infer::placeholders;
use crate::ir::{Api, Location, Operation, Param, TypeRef};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// Names the generated client itself uses: operation methods get a `_` suffix instead.
pub(crate) const CLIENT_METHODS: &[&str] = &["new", "builder", "base_url", "clone", "config", "fmt", "default"];
/// Names a request builder uses for itself: parameter setters get a `_` suffix instead.
pub(crate) const BUILDER_NAMES: &[&str] = &[
    "client", "send", "send_json", "send_bytes", "into_future", "into_request", "execute", "request",
    "fmt", "new", "clone", "options", "timeout", "header", "retry_policy", "send_stream", "send_items", "pages",
    "items",
];

/// The resolved plan of a crate's operations.
pub(crate) struct Plan<'a> {
    pub ops: Vec<OpPlan<'a>>,
}

pub(crate) struct OpPlan<'a> {
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
pub(crate) struct Paging {
    pub kind: crate::paginate::PageKind,
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
pub(crate) enum BodyKind {
    None,
    Json,
    Form,
    Multipart,
    /// A raw body in the documented content type (`text/plain`, `application/octet-stream`).
    Raw,
}

pub(crate) enum Response {
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

/// The Rust names of a model's fields, as `models.rs` gives them (same order, same
/// de-duplication).
fn model_field_idents(model: &crate::ir::Model) -> BTreeMap<String, Ident> {
    let mut used: BTreeMap<String, String> = BTreeMap::new();
    let mut wires: Vec<&str> = Vec::new();
    let mut out = BTreeMap::new();
    for f in &model.fields {
        if wires.contains(&f.wire_name.as_str()) {
            continue;
        }
        wires.push(&f.wire_name);
        let bare = crate::infer::unescape_python(&f.name);
        let mut name = sanitize(bare, Case::Snake, &["additional_properties"]);
        while used.contains_key(&name) {
            name.push('_');
        }
        used.insert(name.clone(), f.name.clone());
        out.insert(f.name.clone(), format_ident!("{}", name));
    }
    out
}

pub(crate) struct ParamPlan<'a> {
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
pub(crate) enum RustTy {
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
pub(crate) fn plan<'a>(
    api: &'a Api,
    schemes: &SchemePlan,
    model_idents: &BTreeMap<String, Ident>,
    warn: &mut dyn FnMut(String),
) -> Plan<'a> {
    let mut models = model_idents.clone();
    let mut ops = Vec::new();
    let mut used_methods: BTreeMap<String, String> = BTreeMap::new();
    let mut used_requests: Vec<String> = Vec::new();
    for op in &api.operations {
        match plan_op(op, schemes, &mut models, &api.models, warn) {
            Ok(mut p) => {
                let mut name = p.method_ident.to_string();
                if let Some(other) = used_methods.get(&name) {
                    warn(format!(
                        "operations `{other}` and `{}` both become method `{name}`; the second is named `{name}_`",
                        op.name
                    ));
                    while used_methods.contains_key(&name) {
                        name.push('_');
                    }
                    p.method_ident = format_ident!("{}", name);
                }
                let mut request = p.request_ident.to_string();
                let base = request.trim_end_matches("Request").to_string();
                let mut n = 2;
                while used_requests.contains(&request) {
                    // `Request` itself (an operation whose name has no letters) becomes
                    // `Request2`: an identifier cannot start with the digit.
                    request = if base.is_empty() { format!("Request{n}") } else { format!("{base}{n}Request") };
                    n += 1;
                }
                p.request_ident = format_ident!("{}", request);
                used_requests.push(request);
                used_methods.insert(name, op.name.clone());
                ops.push(p);
            }
            Err(why) => warn(format!("operation `{}` skipped: {why}", op.name)),
        }
    }
    Plan { ops }
}

fn plan_op<'a>(
    op: &'a Operation,
    schemes: &SchemePlan,
    models: &mut BTreeMap<String, Ident>,
    known_models: &[crate::ir::Model],
    warn: &mut dyn FnMut(String),
) -> Result<OpPlan<'a>, String> {
    // Python's escape of keywords (`var_async`) is undone: the Rust name is `async_`.
    let bare = crate::infer::unescape_python(&op.name);
    let method_name = sanitize(bare, Case::Snake, CLIENT_METHODS);
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
        if raw && body.is_some_and(|p| matches!(p.ty, TypeRef::String | TypeRef::Binary)) {
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
        let mut name = sanitize(crate::infer::unescape_python(&p.name), Case::Snake, BUILDER_NAMES);
        if let Some(other) = used.get(&name) {
            warn(format!(
                "operation `{}`: parameters `{other}` and `{}` both become `{name}`; the second is named `{name}_`",
                op.name, p.name
            ));
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

fn method_tokens(m: &str) -> TokenStream {
    let ident = format_ident!("{}", m);
    quote!(reqwest::Method::#ident)
}

/// Rustdoc for an operation's client method.
fn op_doc(o: &OpPlan<'_>) -> String {
    let op = o.op;
    let mut d = String::new();
    if !op.summary.is_empty() {
        d.push_str(&docs::sanitize(&op.summary));
        d.push_str("\n\n");
    }
    if !op.description.is_empty() && op.description.trim() != op.summary.trim() {
        d.push_str(&docs::sanitize(&op.description));
        d.push_str("\n\n");
    }
    d.push_str(&format!("`{} {}` (`{}` in the docs)\n\n", op.method, op.path, op.name));
    if !o.required.is_empty() || !o.optional.is_empty() {
        d.push_str("# Parameters\n\n");
        for p in o.required.iter().chain(&o.optional) {
            let where_ = match p.p.location {
                Location::Body => "request body".to_string(),
                Location::Form => format!("form field `{}`", p.p.wire_name),
                l => format!("{} `{}`", l.as_str(), p.p.wire_name),
            };
            let req = if p.p.required || p.p.location == Location::Path { "" } else { ", optional: set it on the request builder" };
            let default = p
                .p
                .default
                .as_ref()
                .map(|d| format!(" (server default: `{d}`)"))
                .unwrap_or_default();
            let desc = if p.p.description.is_empty() {
                String::new()
            } else {
                format!(": {}", docs::sanitize(&p.p.description.replace('\n', " ")))
            };
            d.push_str(&format!("- `{}` ({where_}{req}){default}{desc}\n", p.ident));
        }
        d.push('\n');
    }
    if !op.responses.is_empty() {
        d.push_str("# Responses\n\n");
        for r in &op.responses {
            let status = if r.status == "0" { "default".to_string() } else { r.status.clone() };
            let desc = if r.description.is_empty() { String::new() } else { format!(": {}", docs::sanitize(&r.description)) };
            d.push_str(&format!("- {status}{desc}\n"));
        }
        d.push('\n');
    }
    d.push_str("Statuses other than 2xx are returned as [`crate::Error::Status`].");
    d
}

fn security_tokens(op: &Operation, schemes: &SchemePlan) -> TokenStream {
    if op.security.iter().all(|alt| alt.is_empty()) {
        return quote!(crate::runtime::Security::None);
    }
    let refs = |alt: &Vec<String>| {
        let idents: Vec<&Ident> = alt.iter().filter_map(|s| schemes.get(s)).map(|s| &s.static_ident).collect();
        quote!(&[#(&crate::client::#idents),*])
    };
    if op.security_exact {
        let alts = op.security.iter().map(refs);
        quote!(crate::runtime::Security::Alternatives(&[#(#alts),*]))
    } else {
        let mut flat: Vec<&String> = Vec::new();
        for s in op.security.iter().flatten() {
            if !flat.contains(&s) {
                flat.push(s);
            }
        }
        let idents: Vec<&Ident> = flat.iter().filter_map(|s| schemes.get(s)).map(|s| &s.static_ident).collect();
        quote!(crate::runtime::Security::AnyConfigured(&[#(&crate::client::#idents),*]))
    }
}

/// Statements that put one parameter into the runtime request `req`. `value` is an
/// expression of the field's type (for optional ones: the unwrapped value).
fn apply_param(p: &ParamPlan<'_>, body_kind: BodyKind, ct: &str, value: TokenStream) -> TokenStream {
    let wire = &p.p.wire_name;

    match p.p.location {
        Location::Path => match p.rust_ty {
            RustTy::String => quote!(req.path_param(&#value);),
            _ => quote!(req.path_param_value(&#value);),
        },
        Location::Query => quote!(req.query(#wire, &#value);),
        Location::Header => quote!(req.header_value(#wire, &#value)?;),
        Location::Cookie => quote!(req.cookie(#wire, &#value);),
        Location::Form => match (&p.rust_ty, body_kind) {
            (RustTy::File, _) => quote!(req.multipart_file(#wire, #value);),
            (RustTy::List(inner), _) if **inner == RustTy::File => {
                quote!(for file in #value { req.multipart_file(#wire, file); })
            }
            (_, BodyKind::Multipart) => quote!(req.multipart_text(#wire, &#value);),
            _ => quote!(req.form_field(#wire, &#value);),
        },
        Location::Body if body_kind == BodyKind::Raw => {
            // The first listed content type is the one sent.
            let ct = ct.split(',').map(str::trim).find(|c| !c.is_empty() && !c.contains('*')).unwrap_or("application/octet-stream");
            match p.rust_ty {
                RustTy::File => quote!(req.file_body(#value, #ct)?;),
                _ => quote!(req.bytes_body(#value, #ct);),
            }
        }
        Location::Body => quote!(req.json_body(&#value)?;),
    }
}

/// A top-level piece of `src/operations.rs`, rendered and formatted on its own (on any
/// thread): the file is its pieces' text, concatenated in order.
pub(crate) enum OpsPiece {
    /// The file's inner doc and `use`.
    Header { uses_client: bool },
    /// `impl Client` with the methods of these (ungrouped) operations.
    ClientImpl(Vec<usize>),
    /// The request builder of one (ungrouped) operation.
    Builder(usize),
    /// The module of one API group: group name, module name, its operations.
    Module(String, String, Vec<usize>),
}

impl OpsPiece {
    /// A rough cost, in builders, of rendering and formatting the piece.
    pub(crate) fn weight(&self) -> usize {
        match self {
            OpsPiece::Header { .. } => 0,
            OpsPiece::ClientImpl(ops) => ops.len().div_ceil(8),
            OpsPiece::Builder(_) => 1,
            OpsPiece::Module(_, _, ops) => ops.len() + ops.len().div_ceil(4),
        }
    }
}

/// The pieces of `src/operations.rs`: one module per API group when the docs have
/// several; otherwise everything at the top.
pub(crate) fn operations_pieces(plan: &Plan<'_>) -> Vec<OpsPiece> {
    let mut groups: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for (i, o) in plan.ops.iter().enumerate() {
        let g = o.op.group.as_deref();
        match groups.iter_mut().find(|(x, _)| *x == g) {
            Some((_, ops)) => ops.push(i),
            None => groups.push((g, vec![i])),
        }
    }
    let mut pieces = vec![OpsPiece::Header {
        uses_client: groups.iter().any(|(g, _)| g.is_none()),
    }];
    let modules = group_modules(groups.iter().filter_map(|(g, _)| *g));
    for (g, ops) in groups {
        match g {
            None => {
                pieces.push(OpsPiece::ClientImpl(ops.clone()));
                pieces.extend(ops.into_iter().map(OpsPiece::Builder));
            }
            Some(name) => {
                let module = modules.get(name).cloned().unwrap_or_default();
                pieces.push(OpsPiece::Module(name.to_string(), module, ops));
            }
        }
    }
    pieces
}

/// The module of each API group, given in order of first appearance: groups whose names
/// meet after case conversion (`UsersApi`, `users_api`) get distinct modules, the later
/// one with a `_`.
pub(crate) fn group_modules<'a>(groups: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for g in groups {
        if out.contains_key(g) {
            continue;
        }
        let mut module = sanitize(g, Case::Snake, &[]);
        while out.values().any(|m| *m == module) {
            module.push('_');
        }
        out.insert(g.to_string(), module);
    }
    out
}

/// The tokens of one piece of `src/operations.rs`.
pub(crate) fn operations_piece(piece: &OpsPiece, plan: &Plan<'_>, schemes: &SchemePlan) -> TokenStream {
    let client_impl = |ops: &[usize]| {
        let methods = ops.iter().map(|&i| client_method(&plan.ops[i]));
        quote! {
            impl Client {
                #(#methods)*
            }
        }
    };
    match piece {
        OpsPiece::Header { uses_client } => {
            let top_use = uses_client.then(|| quote!(use crate::Client;));
            quote! {
                //! One method and one request builder per documented operation.

                #top_use
            }
        }
        OpsPiece::ClientImpl(ops) => client_impl(ops),
        OpsPiece::Builder(i) => builder(&plan.ops[*i], schemes),
        OpsPiece::Module(name, module, ops) => {
            let module = format_ident!("{}", module);
            let doc = format!(" Operations of the `{name}` API group.");
            let methods = client_impl(ops);
            let builders = ops.iter().map(|&i| builder(&plan.ops[i], schemes));
            quote! {
                #[doc = #doc]
                pub mod #module {
                    use crate::Client;

                    #methods

                    #(#builders)*
                }
                pub use #module::*;
            }
        }
    }
}

/// One operation's method on `Client`.
fn client_method(o: &OpPlan<'_>) -> TokenStream {
    let method_ident = &o.method_ident;
    let request_ident = &o.request_ident;
    let docs = raw_doc_attrs(&op_doc(o));
    let args = o.required.iter().map(|p| {
        let ident = &p.ident;
        let ty = &p.ty;
        if p.into {
            quote!(#ident: impl Into<#ty>)
        } else {
            quote!(#ident: #ty)
        }
    });
    let inits_required = o.required.iter().map(|p| {
        let ident = &p.ident;
        if p.into {
            quote!(#ident: #ident.into())
        } else {
            quote!(#ident)
        }
    });
    let inits_optional = o.optional.iter().map(|p| {
        let ident = &p.ident;
        quote!(#ident: None)
    });
    // Required parameters are arguments, however many the doc lists (self included: 7).
    let allow = (o.required.len() >= 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        #docs
        #allow
        pub fn #method_ident(&self, #(#args),*) -> #request_ident<'_> {
            #request_ident {
                client: self,
                #(#inits_required,)*
                #(#inits_optional,)*
                options: crate::runtime::RequestOptions::new(),
            }
        }
    }
}

/// One operation's request builder: the struct, its setters and senders, `IntoFuture`.
fn builder(o: &OpPlan<'_>, schemes: &SchemePlan) -> TokenStream {
    let op = o.op;
    let method_ident = &o.method_ident;
    let request_ident = &o.request_ident;
    let op_name = &op.name;
    let fields_required = o.required.iter().map(|p| {
        let ident = &p.ident;
        let ty = &p.ty;
        quote!(#ident: #ty)
    });
    let fields_optional = o.optional.iter().map(|p| {
        let ident = &p.ident;
        let ty = &p.ty;
        quote!(#ident: Option<#ty>)
    });
    let setters = o.optional.iter().map(|p| {
        let ident = &p.ident;
        let ty = &p.ty;
        let mut doc = p.p.description.clone();
        if let Some(d) = &p.p.default {
            if !doc.is_empty() {
                doc.push_str("\n\n");
            }
            doc.push_str(&format!("When not set, the server's default applies (`{d}`); nothing is sent."));
        }
        if doc.is_empty() {
            doc = format!("Sets `{}`.", p.p.wire_name);
        }
        let docs = doc_attrs(&doc);
        if p.into {
            quote! {
                #docs
                pub fn #ident(mut self, value: impl Into<#ty>) -> Self {
                    self.#ident = Some(value.into());
                    self
                }
            }
        } else {
            quote! {
                #docs
                pub fn #ident(mut self, value: #ty) -> Self {
                    self.#ident = Some(value);
                    self
                }
            }
        }
    });

    // Building the runtime request.
    let ct = op.content_type.as_deref().unwrap_or("");
    let method = method_tokens(&op.method);
    let mut path_stmts = Vec::new();
    let mut rest = op.path.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| c + open) else { break };
        if open > 0 {
            let lit = &rest[..open];
            path_stmts.push(quote!(req.path_literal(#lit);));
        }
        let ph = &rest[open + 1..close];
        if let Some(p) = o.required.iter().find(|p| p.p.location == Location::Path && p.p.wire_name == ph) {
            let ident = &p.ident;
            path_stmts.push(apply_param(p, o.body_kind, ct, quote!(self.#ident)));
        }
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        path_stmts.push(quote!(req.path_literal(#rest);));
    }
    let apply_required = o.required.iter().filter(|p| p.p.location != Location::Path).map(|p| {
        let ident = &p.ident;
        apply_param(p, o.body_kind, ct, quote!(self.#ident))
    });
    let apply_optional = o.optional.iter().map(|p| {
        let ident = &p.ident;
        let stmt = apply_param(p, o.body_kind, ct, quote!(value));
        quote! {
            if let Some(value) = self.#ident {
                #stmt
            }
        }
    });
    let accept = op.accept.as_deref().map(|a| quote!(req.accept(#a);));
    let security = security_tokens(op, schemes);
    let documented = op.responses.iter().map(|r| {
        let s = &r.status;
        let d = &r.description;
        quote!(crate::runtime::Documented { status: #s, description: #d })
    });
    let (out_ty, finish) = match &o.response {
        Response::Empty => (quote!(()), quote!(raw.empty(#op_name, Self::DOCUMENTED))),
        Response::Bytes => (quote!(bytes::Bytes), quote!(raw.bytes(#op_name, Self::DOCUMENTED))),
        Response::Text => (quote!(String), quote!(raw.text(#op_name, Self::DOCUMENTED))),
        Response::Json(t) => (t.clone(), quote!(raw.json(#op_name, Self::DOCUMENTED))),
        Response::Items(t, format) => (quote!(Vec<#t>), quote!(raw.items(#op_name, Self::DOCUMENTED, #format))),
    };
    let send_items = match &o.response {
        Response::Items(t, format) => Some(quote! {
            /// Sends the request and returns the 2xx answer's items one at a time, as they
            /// arrive (a `Stream` of `Result<item, Error>`; see the crate docs' "Streaming").
            pub async fn send_items(self) -> Result<crate::ItemStream<#t>, crate::Error> {
                let config = self.client.config.clone();
                let req = self.into_request()?;
                config.execute_items(req, Self::DOCUMENTED, #format).await
            }
        }),
        _ => None,
    };
    let paging = o.paging.as_ref().map(|pg| paging_methods(pg, &out_ty));
    let derives = if o.paging.is_some() { quote!(#[derive(Clone, Debug)]) } else { quote!(#[derive(Debug)]) };
    let options = if o.has_idempotency_param {
        quote!(crate::runtime::request_options!(no_idempotency_key);)
    } else {
        quote!(crate::runtime::request_options!();)
    };
    let path_template = &op.path;
    let builder_doc = format!(
        " Request builder for [`Client::{method_ident}`](crate::Client::{method_ident}): `{} {}`.\n\n Set optional parameters, then `.await` it or call [`send`](Self::send).",
        op.method, op.path
    );
    let builder_doc_lines = builder_doc.lines().map(|l| quote!(#[doc = #l]));
    quote! {
        #(#builder_doc_lines)*
        #derives
        #[must_use = "a request does nothing until it is sent or awaited"]
        pub struct #request_ident<'a> {
            client: &'a Client,
            #(#fields_required,)*
            #(#fields_optional,)*
            options: crate::runtime::RequestOptions,
        }

        impl<'a> #request_ident<'a> {
            /// The statuses the docs describe.
            const DOCUMENTED: &'static [crate::runtime::Documented] = &[#(#documented),*];

            #(#setters)*

            #options

            fn into_request(self) -> Result<crate::runtime::RequestBuilder, crate::Error> {
                let mut req = crate::runtime::RequestBuilder::new(#method, #op_name);
                req.path_template(#path_template);
                req.options(self.options);
                #(#path_stmts)*
                #(#apply_required)*
                #(#apply_optional)*
                #accept
                req.security(#security);
                Ok(req)
            }

            async fn execute(self) -> Result<crate::runtime::RawResponse, crate::Error> {
                let config = self.client.config.clone();
                let req = self.into_request()?;
                config.execute(req).await
            }

            /// Sends the request and decodes the documented response.
            pub async fn send(self) -> Result<crate::ApiResponse<#out_ty>, crate::Error> {
                let raw = self.execute().await?;
                #finish
            }

            /// Sends the request and decodes a 2xx JSON body into your own type.
            pub async fn send_json<T: serde::de::DeserializeOwned>(self) -> Result<crate::ApiResponse<T>, crate::Error> {
                let raw = self.execute().await?;
                raw.json(#op_name, Self::DOCUMENTED)
            }

            /// Sends the request and returns the raw 2xx body.
            pub async fn send_bytes(self) -> Result<crate::ApiResponse<bytes::Bytes>, crate::Error> {
                let raw = self.execute().await?;
                raw.bytes(#op_name, Self::DOCUMENTED)
            }

            #send_items

            #paging
        }

        impl<'a> std::future::IntoFuture for #request_ident<'a> {
            type Output = Result<crate::ApiResponse<#out_ty>, crate::Error>;
            type IntoFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Self::Output> + Send + 'a>>;

            fn into_future(self) -> Self::IntoFuture {
                Box::pin(self.send())
            }
        }
    }
}

/// `.pages()` and (with an item list) `.items()` of a paged operation.
fn paging_methods(pg: &Paging, page_ty: &TokenStream) -> TokenStream {
    use crate::paginate::PageKind;
    let param = &pg.param;
    let set = |value: TokenStream| {
        if pg.param_required {
            quote!(next.#param = #value;)
        } else {
            quote!(next.#param = Some(#value);)
        }
    };
    let current_int = |start: i64| {
        if pg.param_required {
            quote!(next.#param)
        } else {
            quote!(next.#param.unwrap_or(#start))
        }
    };
    let count = |f: &Option<Ident>| match f {
        Some(f) => quote!(crate::runtime::CountField::count(&page.#f)),
        None => quote!(None),
    };
    let items_len = match &pg.items {
        Some((f, _)) => quote!(crate::runtime::ItemsField::len(&page.#f)),
        None => quote!(0usize),
    };
    let (doc, prelude, step) = match pg.kind {
        PageKind::Cursor => {
            let Some(f) = &pg.next else { return quote!() };
            let current = if pg.param_required { quote!(Some(next.#param.as_str())) } else { quote!(next.#param.as_deref()) };
            let assign = set(quote!(cursor));
            (
                format!("the next request sends the previous page's `{f}` as `{param}`, until a page has none"),
                quote!(),
                quote! {
                    let cursor = crate::runtime::next_cursor(#current, crate::runtime::CursorField::cursor(&page.#f))?;
                    #assign
                },
            )
        }
        PageKind::Offset => {
            let current = current_int(0);
            let total = count(&pg.total);
            let assign = set(quote!(offset));
            (
                format!("`{param}` moves on by the items of each page, until a page is empty or the total is reached"),
                quote!(),
                quote! {
                    let offset = crate::runtime::next_offset(#current, #items_len, #total)?;
                    #assign
                },
            )
        }
        PageKind::Page => {
            let current = current_int(1);
            let total = count(&pg.total);
            let total_pages = count(&pg.total_pages);
            let assign = set(quote!(number));
            (
                format!("`{param}` counts up from its value (default 1), until a page is empty or the last page is reached"),
                quote!(let mut seen = 0usize;),
                quote! {
                    let items = #items_len;
                    seen += items;
                    let number = crate::runtime::next_page(#current, items, #total_pages, #total, seen)?;
                    #assign
                },
            )
        }
    };
    let pages_doc = format!(
        " Every page, fetched one at a time as the stream is polled, starting with this request: {doc}. An error ends the stream."
    );
    let items = pg.items.as_ref().map(|(f, item)| {
        quote! {
            /// Every item of every page (see [`pages`](Self::pages)), in order.
            pub fn items(self) -> crate::Items<'a, #item> {
                crate::runtime::items(self.pages(), |page: #page_ty| crate::runtime::ItemsField::into_items(page.#f))
            }
        }
    });
    quote! {
        #[doc = #pages_doc]
        pub fn pages(self) -> crate::Pages<'a, #page_ty> {
            #prelude
            crate::runtime::pages(self, move |mut next: Self, page: &#page_ty| {
                #step
                Some(next)
            })
        }

        #items
    }
}
