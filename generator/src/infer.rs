//! Inference: the facts a doc never states, each with the evidence it came from.
//!
//! - where a non-path parameter travels (query, header, form, body);
//! - the wire name of query, form and header parameters (the API's naming convention,
//!   read off its path placeholders and JSON examples);
//! - API-key locations and names, scheme kinds (from the example code);
//! - the content type of a JSON body documented as "Not defined".

use crate::diag::Diagnostics;
use crate::flavour::{DocApi, DocOp, DocParam};
use crate::ir::{Api, AuthKind, AuthScheme, Evidence, KeyLocation, Location, Operation, Param, Source, TypeRef};
use heck::{ToLowerCamelCase, ToTrainCase};

/// How a name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `userId`
    Camel,
    /// `user_id`
    Snake,
    /// `USER_ID`
    Screaming,
    /// `user-id`
    Kebab,
    /// one lower-case word: says nothing
    Word,
    Other,
}

pub fn classify(s: &str) -> Case {
    let has_upper = s.chars().any(|c| c.is_ascii_uppercase());
    let has_lower = s.chars().any(|c| c.is_ascii_lowercase());
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Case::Other;
    }
    if s.contains('-') {
        return if has_upper { Case::Other } else { Case::Kebab };
    }
    if s.contains('_') {
        return match (has_upper, has_lower) {
            (false, true) => Case::Snake,
            (true, false) => Case::Screaming,
            _ => Case::Other,
        };
    }
    match (has_upper, has_lower) {
        (false, true) => Case::Word,
        (true, true) if s.starts_with(|c: char| c.is_ascii_lowercase()) => Case::Camel,
        _ => Case::Other,
    }
}

/// The API's naming convention for query and form names, with evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Convention {
    pub case: Option<Case>,
    pub evidence: String,
}

fn json_keys<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                out.push(k);
                json_keys(v, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| json_keys(v, out)),
        _ => {}
    }
}

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

/// Placeholders are `{name}`: not nested, not empty, every `{` closed and every `}` opened.
fn check_braces(path: &str) -> Result<(), &'static str> {
    let mut open = false;
    let mut empty = false;
    for c in path.chars() {
        match c {
            '{' if open => return Err("has a `{` inside a placeholder"),
            '{' => (open, empty) = (true, true),
            '}' if !open => return Err("has a `}` that closes no placeholder"),
            '}' if empty => return Err("has an empty placeholder `{}`"),
            '}' => open = false,
            _ => empty = false,
        }
    }
    if open {
        return Err("has a `{` that is never closed");
    }
    Ok(())
}

pub fn convention(doc: &DocApi) -> Convention {
    let mut camel: Vec<String> = Vec::new();
    let mut snake: Vec<String> = Vec::new();
    for op in &doc.ops {
        for ph in placeholders(&op.path) {
            let tag = format!("placeholder {{{ph}}}");
            match classify(ph) {
                Case::Camel if !camel.contains(&tag) => camel.push(tag),
                Case::Snake if !snake.contains(&tag) => snake.push(tag),
                _ => {}
            }
        }
    }
    let mut keys = Vec::new();
    for op in &doc.ops {
        for v in op.examples.values() {
            json_keys(v, &mut keys);
        }
    }
    for k in keys {
        let tag = format!("JSON key `{k}`");
        match classify(k) {
            Case::Camel if !camel.contains(&tag) => camel.push(tag),
            Case::Snake if !snake.contains(&tag) => snake.push(tag),
            _ => {}
        }
    }
    let list = |v: &[String]| {
        let mut s = v.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        if v.len() > 3 {
            s.push_str(&format!(" and {} more", v.len() - 3));
        }
        s
    };
    if camel.len() > snake.len() {
        Convention {
            case: Some(Case::Camel),
            evidence: format!("the API writes names in camelCase: {}", list(&camel)),
        }
    } else if snake.len() > camel.len() {
        Convention {
            case: Some(Case::Snake),
            evidence: format!("the API writes names in snake_case: {}", list(&snake)),
        }
    } else {
        Convention {
            case: None,
            evidence: "no placeholder or JSON example shows the API's naming convention; the doc's name is kept".into(),
        }
    }
}

const PY_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "self", "property", "type", "date", "datetime", "schema", "field", "list",
];

/// `_from`, `var_from`, `var_self` → the source name (`from`, `self`).
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

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

const HEADER_NAMES: &[&str] = &[
    "idempotency_key", "if_match", "if_none_match", "if_modified_since", "if_unmodified_since",
    "authorization", "accept_language", "accept_encoding", "user_agent", "content_md5",
    "request_id", "correlation_id", "api_version", "prefer", "range", "etag",
];

pub fn is_header_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("x_") || n.starts_with("x-") || HEADER_NAMES.contains(&n.as_str())
}

fn is_json(ct: Option<&str>) -> bool {
    ct.is_none_or(|c| c.split(',').any(|c| c.trim().contains("json")))
}

fn is_form(ct: Option<&str>) -> bool {
    ct.is_some_and(|c| c.contains("multipart/form-data") || c.contains("application/x-www-form-urlencoded"))
}

pub fn infer(doc: DocApi, provider: &str, source: Source, file: &str, diags: &mut Diagnostics) -> Api {
    let conv = convention(&doc);
    let mut api_inferred = Evidence::new();
    api_inferred.insert("naming_convention".into(), conv.evidence.clone());

    let base_url = match &doc.base_url {
        Some(u) => u.clone(),
        None => {
            // A base-URL statement whose URL was unreadable has been reported by the flavour.
            if doc.base_url_line == 0 {
                diags.error(file, 1, "expected `All URIs are relative to <base URL>` before the method table");
            }
            String::new()
        }
    };

    let mut operations = Vec::new();
    for op in &doc.ops {
        operations.push(infer_op(op, &conv, file, diags));
    }

    // Schemes: those the example code describes, in order, then any named only in an
    // Authorization section.
    let mut auth_schemes: Vec<AuthScheme> = Vec::new();
    for s in &doc.schemes {
        let mut inferred = Evidence::new();
        inferred.insert("kind".into(), s.evidence.clone());
        let (location, param_name) = if s.kind == AuthKind::ApiKey {
            let name = s.key_name.clone().unwrap_or_else(|| s.name.clone());
            inferred.insert(
                "in".into(),
                "the doc never says where an API key travels; Python clients send `api_key[...]` \
                 values as headers unless configured otherwise"
                    .into(),
            );
            inferred.insert(
                "param_name".into(),
                match &s.key_name {
                    Some(k) => format!("`configuration.api_key['{k}']` in the example code"),
                    None => "no `api_key['...']` in the example code; the scheme name is used".into(),
                },
            );
            (Some(KeyLocation::Header), Some(name))
        } else {
            (None, None)
        };
        auth_schemes.push(AuthScheme {
            location,
            param_name,
            inferred,
            ..AuthScheme::new(s.name.clone(), s.kind)
        });
    }
    for op in &doc.ops {
        for name in &op.auth {
            if !auth_schemes.iter().any(|s| &s.name == name) {
                diags.warning(
                    file,
                    op.auth_line,
                    format!(
                        "scheme `{name}` of `{}` is not configured by any example code; assumed an API key \
                         in header `{name}` (state its kind in provider.yaml)",
                        op.name
                    ),
                );
                let mut inferred = Evidence::new();
                inferred.insert("kind".into(), "no example code describes this scheme; assumed".into());
                auth_schemes.push(AuthScheme {
                    location: Some(KeyLocation::Header),
                    param_name: Some(name.clone()),
                    inferred,
                    ..AuthScheme::new(name.clone(), AuthKind::ApiKey)
                });
            }
        }
    }

    Api {
        provider: provider.to_string(),
        title: doc.title.clone(),
        package: doc.package.clone(),
        source: Some(source),
        base_url,
        auth_schemes,
        operations,
        models: Vec::new(),
        inferred: api_inferred,
        overridden: Vec::new(),
    }
}

fn infer_op(op: &DocOp, conv: &Convention, file: &str, diags: &mut Diagnostics) -> Operation {
    let mut inferred = Evidence::new();
    // A malformed path is reported once, not again for each placeholder it seems to have.
    let phs = match check_braces(&op.path) {
        Ok(()) => placeholders(&op.path),
        Err(problem) => {
            diags.error(file, op.line, format!("path `{}` of `{}` {problem}", op.path, op.name));
            Vec::new()
        }
    };
    let form = is_form(op.content_type.as_deref());
    let mut params: Vec<Param> = Vec::new();
    let mut has_body = false;
    for p in &op.params {
        let param = infer_param(p, op, &phs, form, &mut has_body, conv, file, diags);
        params.push(param);
    }
    for ph in &phs {
        if !params.iter().any(|p| p.location == Location::Path && &p.wire_name == ph) {
            diags.error(
                file,
                op.line,
                format!("path placeholder `{{{ph}}}` of `{}` matches no parameter", op.name),
            );
        }
    }
    let mut content_type = op.content_type.clone();
    if has_body && content_type.is_none() {
        content_type = Some("application/json".into());
        inferred.insert(
            "content_type".into(),
            "a JSON body documented with Content-Type `Not defined`".into(),
        );
    }
    if !has_body && !params.iter().any(|p| p.location == Location::Form) && content_type.is_some() {
        // A content type with nothing to send is kept as documented; the renderer sends no body.
    }
    let security: Vec<Vec<String>> = op.auth.iter().map(|s| vec![s.clone()]).collect();
    if security.len() > 1 {
        inferred.insert(
            "security".into(),
            format!(
                "the Authorization section lists {} schemes; each is an alternative, and every configured one is sent",
                security.len()
            ),
        );
    }
    Operation {
        name: op.name.clone(),
        group: op.group.clone(),
        method: op.method.clone(),
        path: op.path.clone(),
        summary: op.summary.clone(),
        description: op.description.clone(),
        params,
        response: op.return_type.clone(),
        responses: op.statuses.clone(),
        security,
        security_exact: false,
        content_type,
        accept: op.accept.clone(),
        inferred,
        overridden: Vec::new(),
        line: op.line,
    }
}

#[allow(clippy::too_many_arguments)]
fn infer_param(
    p: &DocParam,
    op: &DocOp,
    phs: &[&str],
    form: bool,
    has_body: &mut bool,
    conv: &Convention,
    file: &str,
    diags: &mut Diagnostics,
) -> Param {
    let bare = unescape_python(&p.name);
    let mut inferred = Evidence::new();
    let mut required = p.required;
    let (location, wire_name) = if let Some(ph) = phs.iter().find(|ph| fold(ph) == fold(bare)) {
        inferred.insert("location".into(), format!("placeholder {{{ph}}} in path"));
        if !required {
            diags.warning(file, p.line, format!("path parameter `{}` is marked optional; path parameters are required", p.name));
            required = true;
        }
        (Location::Path, ph.to_string())
    } else if p.ty == TypeRef::Binary && !form {
        inferred.insert("location".into(), format!("file parameter (`{}`) sent as a multipart part", p.doc_type));
        (Location::Form, wire(bare, conv, &mut inferred))
    } else if form {
        inferred.insert(
            "location".into(),
            format!("Content-Type `{}`", op.content_type.as_deref().unwrap_or_default()),
        );
        (Location::Form, wire(bare, conv, &mut inferred))
    } else if is_header_name(bare) {
        let w = bare.to_train_case();
        inferred.insert("location".into(), format!("`{bare}` is a conventional header name"));
        inferred.insert("wire_name".into(), format!("header names are written `{w}`"));
        (Location::Header, w)
    } else if !*has_body
        && (bare == "body" || p.model_link || p.ty.is_structured())
        && is_json(op.content_type.as_deref())
    {
        *has_body = true;
        let why = if p.model_link || p.ty.is_structured() {
            format!("structured type `{}`", p.ty)
        } else {
            "named `body`".to_string()
        };
        let ct = match &op.content_type {
            Some(c) => format!("Content-Type `{c}`"),
            None => "Content-Type `Not defined`".into(),
        };
        inferred.insert("location".into(), format!("{why} with {ct}"));
        (Location::Body, p.name.clone())
    } else {
        inferred.insert("location".into(), "not in the path, not a header name, not a body: query".into());
        (Location::Query, wire(bare, conv, &mut inferred))
    };
    Param {
        name: p.name.clone(),
        wire_name,
        location,
        ty: p.ty.clone(),
        doc_type: p.doc_type.clone(),
        required,
        default: p.default.clone(),
        description: p.description.clone(),
        enum_values: p.enum_values.clone(),
        example: op.examples.get(&p.name).cloned(),
        inferred,
        overridden: Vec::new(),
    }
}

fn wire(bare: &str, conv: &Convention, inferred: &mut Evidence) -> String {
    let w = match conv.case {
        Some(Case::Camel) => bare.to_lower_camel_case(),
        _ => bare.to_string(),
    };
    if w != bare || bare.contains('_') {
        inferred.insert("wire_name".into(), conv.evidence.clone());
    }
    w
}

// ---------------------------------------------------------------------------------------
// Models and README facts.

use crate::flavour::{DocModel, ReadmeScheme};
use crate::ir::{Field, Model, ModelKind};
use std::collections::BTreeMap;

/// Applies a client README's authorization section: it states kinds, API-key names and
/// locations, and OAuth2 flows, so those replace guesses from the example code.
pub fn apply_readme(api: &mut Api, readme: &[ReadmeScheme], file: &str) {
    for r in readme {
        let evidence = format!("{file}:{} (Documentation For Authorization)", r.line);
        let idx = match api.auth_schemes.iter().position(|s| s.name == r.name) {
            Some(i) => i,
            None => {
                api.auth_schemes
                    .push(AuthScheme::new(r.name.clone(), r.kind.unwrap_or(AuthKind::ApiKey)));
                api.auth_schemes.len() - 1
            }
        };
        let s = &mut api.auth_schemes[idx];
        if let Some(k) = r.kind {
            s.kind = k;
            s.inferred.insert("kind".into(), format!("stated in {evidence}"));
        }
        if s.kind == AuthKind::ApiKey {
            if let Some(n) = &r.key_name {
                s.param_name = Some(n.clone());
                s.inferred.insert("param_name".into(), format!("stated in {evidence}"));
            }
            if let Some(l) = r.location {
                s.location = Some(l);
                s.inferred.insert("in".into(), format!("stated in {evidence}"));
            }
            if s.param_name.is_none() {
                s.param_name = Some(s.name.clone());
            }
            if s.location.is_none() {
                s.location = Some(KeyLocation::Header);
            }
        } else {
            s.location = None;
            s.param_name = None;
            s.inferred.remove("in");
            s.inferred.remove("param_name");
        }
        if s.kind == AuthKind::Oauth2 {
            s.flow = r.flow.clone();
            s.authorization_url = r.authorization_url.clone();
            s.token_url = r.token_url.clone();
            s.scopes = r.scopes.clone();
        }
    }
}

/// Models from model docs, JSON names inferred from the API's naming convention (or the
/// keys of a JSON example of that model, where the doc has one).
pub fn add_models(api: &mut Api, docs: &[DocModel], conv: &Convention, diags: &mut Diagnostics) {
    // JSON example keys per model, from parameter examples.
    let mut example_keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for op in &api.operations {
        for p in &op.params {
            if let (TypeRef::Model(m), Some(serde_json::Value::Object(obj))) = (&p.ty, &p.example) {
                example_keys.entry(m.clone()).or_default().extend(obj.keys().cloned());
            }
        }
    }
    for d in docs {
        if api.models.iter().any(|m| m.name == d.name) {
            diags.error(&d.file, d.line, format!("model `{}` is documented twice", d.name));
            continue;
        }
        let mut model = Model {
            name: d.name.clone(),
            kind: if d.is_enum { ModelKind::Enum } else { ModelKind::Object },
            description: d.description.clone(),
            fields: Vec::new(),
            enum_values: d.enum_values.clone(),
            variants: Vec::new(),
            discriminator: None,
            inferred: Evidence::new(),
            overridden: Vec::new(),
        };
        if d.is_enum && d.enum_values.is_empty() {
            diags.warning(&d.file, d.line, format!("enum model `{}` lists no values; any string is accepted", d.name));
        }
        let keys = example_keys.get(&d.name);
        for f in &d.fields {
            if model.fields.iter().any(|x| x.name == f.name) {
                diags.warning(
                    &d.file,
                    f.line,
                    format!(
                        "model `{}` lists property `{}` twice (the docs' names lost a distinction, such as \
                         `fooBar` and `foo_bar`); the second is left out",
                        d.name, f.name
                    ),
                );
                continue;
            }
            let bare = unescape_python(&f.name);
            let mut inferred = Evidence::new();
            let from_example = keys.and_then(|ks| ks.iter().find(|k| fold(k) == fold(bare)));
            let wire_name = match from_example {
                Some(k) => {
                    inferred.insert("wire_name".into(), format!("key `{k}` of the doc's JSON example"));
                    k.clone()
                }
                // A key the docs write as sent (`_links`, `@type`, `expiryMonth`) is kept as written.
                None if !crate::flavour::models::is_python_attribute(bare) => bare.to_string(),
                None => wire(bare, conv, &mut inferred),
            };
            let mut ty = f.ty.clone();
            if !f.enum_values.is_empty() && ty == TypeRef::String {
                inferred.insert("enum_values".into(), "inline enum listed in the notes".into());
            }
            if let TypeRef::Model(m) = &ty {
                if m.is_empty() {
                    ty = TypeRef::String;
                }
            }
            model.fields.push(Field {
                name: f.name.clone(),
                wire_name,
                ty,
                required: f.required,
                nullable: f.nullable,
                read_only: f.read_only,
                default: f.default.clone(),
                description: f.description.clone(),
                inferred,
                overridden: Vec::new(),
            });
        }
        api.models.push(model);
    }
    api.models.sort_by(|a, b| a.name.cmp(&b.name));
}

/// A PATCH body's optional fields can be sent as `null` to clear them: the docs never say
/// which fields are nullable, and PATCH is where omitting and clearing differ.
pub fn patch_bodies_are_nullable(api: &mut Api) {
    let mut patch_models: Vec<(String, String)> = Vec::new();
    for op in api.operations.iter().filter(|o| o.method == "PATCH") {
        for p in op.params.iter().filter(|p| p.location == Location::Body) {
            if let TypeRef::Model(m) = &p.ty {
                patch_models.push((m.clone(), op.name.clone()));
            }
        }
    }
    for (name, op) in patch_models {
        if let Some(m) = api.models.iter_mut().find(|m| m.name == name && m.kind == ModelKind::Object) {
            for f in m.fields.iter_mut().filter(|f| !f.required && !f.nullable) {
                f.nullable = true;
                f.inferred.insert(
                    "nullable".into(),
                    format!("optional field of the body of PATCH operation `{op}`: `null` clears it, leaving it out keeps it"),
                );
            }
        }
    }
}

/// Models the doc does not describe but shows a JSON example of: fields, nesting and JSON
/// types as the example has them, every field optional (an example cannot tell).
pub fn models_from_examples(api: &mut Api) {
    let mut found: Vec<Model> = Vec::new();
    for op in &api.operations {
        for p in &op.params {
            let (TypeRef::Model(m), Some(serde_json::Value::Object(obj))) = (&p.ty, &p.example) else { continue };
            if api.models.iter().any(|x| &x.name == m) || found.iter().any(|x| &x.name == m) {
                continue;
            }
            let evidence = format!("JSON example of parameter `{}` of `{}`", p.name, op.name);
            example_model(m, obj, &evidence, &mut found);
        }
    }
    api.models.extend(found);
    api.models.sort_by(|a, b| a.name.cmp(&b.name));
}

fn example_model(name: &str, obj: &serde_json::Map<String, serde_json::Value>, evidence: &str, out: &mut Vec<Model>) {
    let mut fields = Vec::new();
    for (key, value) in obj {
        let ty = example_type(name, key, value, evidence, out);
        let mut inferred = Evidence::new();
        inferred.insert("type".into(), format!("value `{}` in the {evidence}", short_json(value)));
        fields.push(Field {
            name: heck::ToSnakeCase::to_snake_case(key.as_str()),
            wire_name: key.clone(),
            ty,
            required: false,
            nullable: value.is_null(),
            read_only: false,
            default: None,
            description: String::new(),
            inferred,
            overridden: Vec::new(),
        });
    }
    let mut inferred = Evidence::new();
    inferred.insert("fields".into(), format!("keys of the {evidence}; all optional, since an example cannot tell"));
    if !out.iter().any(|m| m.name == name) {
        out.push(Model {
            name: name.to_string(),
            kind: ModelKind::Object,
            description: String::new(),
            fields,
            enum_values: Vec::new(),
            variants: Vec::new(),
            discriminator: None,
            inferred,
            overridden: Vec::new(),
        });
    }
}

fn short_json(v: &serde_json::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

fn example_type(parent: &str, key: &str, v: &serde_json::Value, evidence: &str, out: &mut Vec<Model>) -> TypeRef {
    use serde_json::Value;
    match v {
        Value::Null => TypeRef::Any,
        Value::Bool(_) => TypeRef::Boolean,
        Value::Number(n) if n.is_i64() || n.is_u64() => TypeRef::Integer,
        Value::Number(_) => TypeRef::Number,
        Value::String(_) => TypeRef::String,
        Value::Array(items) => match items.first() {
            Some(first) => TypeRef::List(Box::new(example_type(parent, &format!("{key}Item"), first, evidence, out))),
            None => TypeRef::List(Box::new(TypeRef::Any)),
        },
        Value::Object(obj) => {
            let name = format!("{parent}{}", heck::ToUpperCamelCase::to_upper_camel_case(key));
            example_model(&name, obj, evidence, out);
            TypeRef::Model(name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let cases = [
            ("userId", Case::Camel),
            ("user_id", Case::Snake),
            ("USER_ID", Case::Screaming),
            ("user-id", Case::Kebab),
            ("id", Case::Word),
            ("PROVIDER", Case::Other),
            ("a b", Case::Other),
        ];
        for (s, c) in cases {
            assert_eq!(classify(s), c, "{s}");
        }
    }

    #[test]
    fn python_escapes() {
        assert_eq!(unescape_python("_from"), "from");
        assert_eq!(unescape_python("var_from"), "from");
        assert_eq!(unescape_python("var_self"), "self");
        assert_eq!(unescape_python("_id"), "_id");
        assert_eq!(unescape_python("variable"), "variable");
    }

    #[test]
    fn braces_in_paths() {
        for ok in ["/", "/pets", "/pets/{petId}", "/a/{x}/b/{y}.json", "/{a}{b}"] {
            assert_eq!(check_braces(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("/pets/{petId", "never closed"),
            ("/pets/petId}", "closes no placeholder"),
            ("/pets/{}", "empty placeholder"),
            ("/pets/{a{b}}", "inside a placeholder"),
        ] {
            assert!(check_braces(bad).unwrap_err().contains(why), "{bad}");
        }
    }

    #[test]
    fn placeholders_in_order() {
        assert_eq!(placeholders("/a/{BANK_ID}/b/{userId}"), ["BANK_ID", "userId"]);
        assert!(placeholders("/users/email/EMAIL/terminator").is_empty());
    }

    fn param(name: &str, ty: TypeRef) -> DocParam {
        DocParam {
            name: name.into(),
            line: 1,
            doc_type: ty.to_string(),
            ty,
            model_link: false,
            enum_link: false,
            description: String::new(),
            required: true,
            default: None,
            enum_values: Vec::new(),
        }
    }

    fn model(name: &str) -> DocParam {
        DocParam {
            model_link: true,
            ..param(name, TypeRef::Model("Pet".into()))
        }
    }

    /// Infers one operation `path` with `params`, under a naming convention.
    fn infer_with(path: &str, content_type: Option<&str>, params: Vec<DocParam>, case: Option<Case>) -> (Operation, Diagnostics) {
        let op = DocOp {
            name: "op".into(),
            line: 5,
            method: "POST".into(),
            path: path.into(),
            params,
            content_type: content_type.map(String::from),
            ..DocOp::default()
        };
        let conv = Convention {
            case,
            evidence: "test convention".into(),
        };
        let mut d = Diagnostics::default();
        let o = infer_op(&op, &conv, "f.md", &mut d);
        (o, d)
    }

    fn placed(o: &Operation) -> Vec<(&str, Location, &str)> {
        o.params.iter().map(|p| (p.name.as_str(), p.location, p.wire_name.as_str())).collect()
    }

    #[test]
    fn path_params_match_placeholders_ignoring_case_and_underscores() {
        let mut opt = param("bank_id", TypeRef::String);
        opt.required = false;
        let (o, d) = infer_with(
            "/banks/{BANK_ID}/users/{userId}",
            None,
            vec![opt, param("user_id", TypeRef::String)],
            Some(Case::Snake),
        );
        assert_eq!(placed(&o), [("bank_id", Location::Path, "BANK_ID"), ("user_id", Location::Path, "userId")]);
        // A path parameter is required whatever the doc says, with a warning.
        assert!(o.params[0].required);
        assert_eq!(d.warnings().count(), 1);
        assert!(!d.has_errors());
    }

    #[test]
    fn upper_case_literal_path_words_are_not_params() {
        let (o, d) = infer_with("/users/email/EMAIL/terminator", None, vec![param("email", TypeRef::String)], None);
        assert_eq!(placed(&o), [("email", Location::Query, "email")]);
        assert!(d.items.is_empty());
    }

    #[test]
    fn a_placeholder_without_a_param_is_an_error() {
        let (_, d) = infer_with("/pets/{petId}", None, vec![param("id", TypeRef::String)], None);
        let e: Vec<_> = d.errors().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(e, [(5, "path placeholder `{petId}` of `op` matches no parameter")]);
    }

    #[test]
    fn form_content_types_put_params_in_the_form() {
        for ct in ["multipart/form-data", "application/x-www-form-urlencoded"] {
            let (o, _) = infer_with("/p", Some(ct), vec![param("note", TypeRef::String), model("status")], None);
            assert_eq!(placed(&o), [("note", Location::Form, "note"), ("status", Location::Form, "status")], "{ct}");
            assert_eq!(o.content_type.as_deref(), Some(ct));
        }
    }

    #[test]
    fn a_binary_param_is_a_form_part_whatever_the_content_type() {
        let (o, _) = infer_with("/p", None, vec![param("file", TypeRef::Binary)], None);
        assert_eq!(placed(&o), [("file", Location::Form, "file")]);
    }

    #[test]
    fn conventional_header_names_become_headers() {
        let (o, _) = infer_with(
            "/p",
            None,
            vec![param("x_request_id", TypeRef::String), param("idempotency_key", TypeRef::String)],
            Some(Case::Camel),
        );
        assert_eq!(
            placed(&o),
            [("x_request_id", Location::Header, "X-Request-Id"), ("idempotency_key", Location::Header, "Idempotency-Key")]
        );
    }

    #[test]
    fn the_body_is_the_first_model_or_body_param_with_a_json_or_undefined_content_type() {
        // Undefined content type: JSON is inferred, with evidence.
        let (o, _) = infer_with("/p", None, vec![model("pet"), model("other")], None);
        assert_eq!(placed(&o), [("pet", Location::Body, "pet"), ("other", Location::Query, "other")]);
        assert_eq!(o.content_type.as_deref(), Some("application/json"));
        assert!(o.inferred.contains_key("content_type"));
        // A plain `body` param counts too; a stated JSON content type is kept.
        let (o, _) = infer_with("/p", Some("application/merge-patch+json"), vec![param("body", TypeRef::String)], None);
        assert_eq!(placed(&o), [("body", Location::Body, "body")]);
        assert_eq!(o.content_type.as_deref(), Some("application/merge-patch+json"));
        assert!(o.inferred.is_empty());
        // Structured types (maps, lists of models, any JSON) are bodies as well.
        let (o, _) = infer_with("/p", Some("application/json"), vec![param("tags", TypeRef::Map(Box::new(TypeRef::String)))], None);
        assert_eq!(o.params[0].location, Location::Body);
        // Not JSON: not a body.
        let (o, _) = infer_with("/p", Some("text/plain"), vec![param("body", TypeRef::String)], None);
        assert_eq!(o.params[0].location, Location::Query);
    }

    #[test]
    fn everything_else_is_a_query_param() {
        let (o, _) = infer_with("/p", None, vec![param("limit", TypeRef::Integer), param("tags", TypeRef::List(Box::new(TypeRef::String)))], None);
        assert_eq!(placed(&o), [("limit", Location::Query, "limit"), ("tags", Location::Query, "tags")]);
    }

    #[test]
    fn wire_names_follow_the_api_convention() {
        let params = || vec![param("page_size", TypeRef::Integer), param("limit", TypeRef::Integer)];
        let (o, _) = infer_with("/p", None, params(), Some(Case::Camel));
        assert_eq!(placed(&o), [("page_size", Location::Query, "pageSize"), ("limit", Location::Query, "limit")]);
        assert_eq!(o.params[0].inferred["wire_name"], "test convention");
        for case in [Some(Case::Snake), None] {
            let (o, _) = infer_with("/p", None, params(), case);
            assert_eq!(placed(&o), [("page_size", Location::Query, "page_size"), ("limit", Location::Query, "limit")]);
        }
    }

    #[test]
    fn python_keyword_escapes_are_undone_on_the_wire() {
        let (o, _) = infer_with("/p", None, vec![param("_from", TypeRef::Date), param("var_from", TypeRef::Date)], Some(Case::Camel));
        assert_eq!(placed(&o), [("_from", Location::Query, "from"), ("var_from", Location::Query, "from")]);
        // A placeholder `{from}` matches the escaped name.
        let (o, _) = infer_with("/since/{from}", None, vec![param("var_from", TypeRef::Date)], None);
        assert_eq!(placed(&o), [("var_from", Location::Path, "from")]);
    }

    #[test]
    fn the_convention_is_the_majority_of_placeholders_and_json_keys() {
        let op = |path: &str, example: Option<serde_json::Value>| DocOp {
            path: path.into(),
            examples: example.into_iter().map(|v| ("body".to_string(), v)).collect(),
            ..DocOp::default()
        };
        let doc = |ops| DocApi { ops, ..DocApi::default() };
        let c = convention(&doc(vec![op("/a/{orderId}", None), op("/b/{customer_id}", Some(serde_json::json!({"createdAt": 1, "lineItems": [{"unitPrice": 2}]})))]));
        assert_eq!(c.case, Some(Case::Camel));
        assert!(c.evidence.contains("placeholder {orderId}"), "{}", c.evidence);
        let c = convention(&doc(vec![op("/a/{order_id}", None), op("/b/{id}", None)]));
        assert_eq!(c.case, Some(Case::Snake));
        // A tie, or one-word names only, says nothing.
        let c = convention(&doc(vec![op("/a/{orderId}", None), op("/b/{customer_id}", None)]));
        assert_eq!(c.case, None);
        assert_eq!(convention(&doc(vec![op("/a/{id}", None)])).case, None);
    }

    #[test]
    fn a_missing_base_url_is_reported_once() {
        let source = || Source {
            files: Vec::new(),
            form: crate::ir::DocForm::Markdown,
            flavour: "python".into(),
        };
        let mut d = Diagnostics::default();
        infer(DocApi::default(), "p", source(), "f.md", &mut d);
        let e: Vec<_> = d.errors().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(e, [(1, "expected `All URIs are relative to <base URL>` before the method table")]);
        // The flavour found the statement but not a URL in it, and said so already.
        let mut d = Diagnostics::default();
        infer(DocApi { base_url_line: 3, ..DocApi::default() }, "p", source(), "f.md", &mut d);
        assert!(d.items.is_empty());
    }

    #[test]
    fn header_names() {
        for n in ["x_request_id", "idempotency_key", "if_match", "authorization"] {
            assert!(is_header_name(n), "{n}");
        }
        for n in ["limit", "user_id", "xml"] {
            assert!(!is_header_name(n), "{n}");
        }
        assert_eq!("x_request_id".to_train_case(), "X-Request-Id");
    }
}
