//! OpenAPI 3.1 export of the endpoint model.
//!
//! The document is built as a `serde_yaml::Value` in a fixed order: `openapi`, `info`,
//! `servers`, `paths` (sorted; methods in the usual get/put/post/delete/… order), then
//! `components` (schemes and schemas sorted by name). Arrays whose order means something
//! (parameters, enum values, security alternatives) keep the doc's order.
//!
//! Every fact the model marks as inferred carries an `x-inferred` extension on the object
//! it describes (parameter, request body property, operation, security scheme, schema,
//! the document for API-wide facts), mapping the fact to its evidence; facts set by
//! `provider.yaml` are listed in `x-overridden`. Facts the export itself has to supply
//! (a JSON request body's content type when the docs say none, a response when the docs
//! document no status, an OAuth2 flow when the model has no URLs) are marked the same way.
//!
//! OAuth2: OpenAPI requires a flow with URLs. The flow and URLs come from the model when it
//! has them; otherwise the scheme gets a `clientCredentials` flow whose `tokenUrl` is a
//! placeholder in the reserved `.invalid` domain ([`OAUTH2_PLACEHOLDER_TOKEN_URL`]), marked
//! in `x-inferred`, so the document stays valid and the gap stays visible.

use crate::ir::{Api, AuthKind, Field, KeyLocation, Location, Model, ModelKind, Operation, Param, TypeRef};
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

/// The `tokenUrl` of an OAuth2 scheme whose URLs the docs do not give.
pub const OAUTH2_PLACEHOLDER_TOKEN_URL: &str = "https://oauth2-token-url-unknown.invalid/token";
/// The `authorizationUrl` placeholder, for a flow that needs one the docs do not give.
pub const OAUTH2_PLACEHOLDER_AUTHORIZATION_URL: &str = "https://oauth2-authorization-url-unknown.invalid/authorize";

const METHOD_ORDER: &[&str] = &["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// A mapping built in insertion order.
#[derive(Default)]
struct Obj(Mapping);

impl Obj {
    fn new() -> Self {
        Obj(Mapping::new())
    }

    fn set(&mut self, key: &str, value: impl Into<Value>) -> &mut Self {
        self.0.insert(Value::String(key.to_string()), value.into());
        self
    }

    fn set_nonempty(&mut self, key: &str, value: &str) -> &mut Self {
        if !value.is_empty() {
            self.set(key, value);
        }
        self
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.get_mut(key)
    }

    /// `x-inferred` (sorted) and `x-overridden`, when there are any.
    fn evidence(&mut self, inferred: &BTreeMap<String, String>, overridden: &[String]) -> &mut Self {
        if !inferred.is_empty() {
            let mut m = Obj::new();
            for (k, v) in inferred {
                m.set(k, v.as_str());
            }
            self.set("x-inferred", m);
        }
        if !overridden.is_empty() {
            self.set("x-overridden", list(overridden.iter().map(|s| Value::from(s.as_str()))));
        }
        self
    }

    fn value(self) -> Value {
        Value::Mapping(self.0)
    }
}

impl From<Obj> for Value {
    fn from(o: Obj) -> Value {
        o.value()
    }
}

/// What the docs say but OpenAPI cannot hold (two parameters with one wire name, say):
/// listed in `x-not-exported` on the node that would have held it.
fn not_exported(o: &mut Obj, notes: Vec<String>) {
    if !notes.is_empty() {
        o.set("x-not-exported", list(notes.into_iter().map(Value::from)));
    }
}

fn list(items: impl IntoIterator<Item = Value>) -> Value {
    Value::Sequence(items.into_iter().collect())
}

fn one(key: &str, value: impl Into<Value>) -> Value {
    let mut o = Obj::new();
    o.set(key, value);
    o.value()
}

fn binary_schema() -> Value {
    let mut o = Obj::new();
    o.set("type", "string")
        .set("format", "binary")
        .set("contentMediaType", "application/octet-stream");
    o.value()
}

/// The JSON Schema of a model type.
pub fn schema(t: &TypeRef) -> Value {
    let typed = |t: &str| one("type", t);
    let formatted = |f: &str| {
        let mut o = Obj::new();
        o.set("type", "string").set("format", f);
        o.value()
    };
    match t {
        TypeRef::String => typed("string"),
        TypeRef::Integer => typed("integer"),
        TypeRef::Number => typed("number"),
        TypeRef::Boolean => typed("boolean"),
        TypeRef::Date => formatted("date"),
        TypeRef::DateTime => formatted("date-time"),
        TypeRef::Binary => binary_schema(),
        TypeRef::Any => Value::Mapping(Mapping::new()),
        TypeRef::List(inner) => {
            let mut o = Obj::new();
            o.set("type", "array").set("items", schema(inner));
            o.value()
        }
        TypeRef::Map(inner) => {
            let mut o = Obj::new();
            o.set("type", "object").set("additionalProperties", schema(inner));
            o.value()
        }
        TypeRef::Model(m) => one("$ref", format!("#/components/schemas/{m}")),
    }
}

/// A value as the doc spells it (`20`, `True`, `'none'`), typed for `t`; `None` when it
/// does not fit the type.
fn typed_value(t: &TypeRef, s: &str) -> Option<Value> {
    let s = s.trim();
    let unquoted = s
        .strip_prefix('\'')
        .and_then(|r| r.strip_suffix('\''))
        .or_else(|| s.strip_prefix('"').and_then(|r| r.strip_suffix('"')))
        .unwrap_or(s);
    match t {
        TypeRef::Integer => unquoted.parse::<i64>().ok().map(Value::from),
        TypeRef::Number => unquoted.parse::<f64>().ok().filter(|f| f.is_finite()).map(Value::from),
        TypeRef::Boolean => match unquoted.to_ascii_lowercase().as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        TypeRef::String | TypeRef::Date | TypeRef::DateTime | TypeRef::Model(_) => Some(Value::from(unquoted)),
        TypeRef::Binary => None,
        TypeRef::Any | TypeRef::List(_) | TypeRef::Map(_) => serde_json::from_str::<serde_json::Value>(s)
            .ok()
            .and_then(|v| serde_yaml::to_value(v).ok()),
    }
}

fn json_to_yaml(v: &serde_json::Value) -> Value {
    serde_yaml::to_value(v).unwrap_or(Value::Null)
}

/// A schema with `default` and `enum` added where the values fit the type; values that do
/// not fit are kept as documented in `x-documented-default` / `x-documented-enum`.
fn schema_with_values(t: &TypeRef, default: Option<&str>, enum_values: &[String]) -> Value {
    let mut s = match schema(t) {
        Value::Mapping(m) => Obj(m),
        _ => Obj::new(),
    };
    if let Some(d) = default {
        match typed_value(t, d) {
            Some(v) => s.set("default", v),
            None => s.set("x-documented-default", d),
        };
    }
    if !enum_values.is_empty() {
        let typed: Option<Vec<Value>> = enum_values.iter().map(|v| typed_value(t, v)).collect();
        match typed {
            Some(values) if !matches!(t, TypeRef::Model(_)) => s.set("enum", list(values)),
            _ => s.set("x-documented-enum", list(enum_values.iter().map(|v| Value::from(v.as_str())))),
        };
    }
    s.value()
}

fn nullable(schema: Value) -> Value {
    match schema {
        Value::Mapping(mut m) if m.get("type").is_some_and(Value::is_string) => {
            let t = m.get("type").cloned().unwrap_or(Value::Null);
            m.insert(Value::from("type"), list([t, Value::from("null")]));
            Value::Mapping(m)
        }
        other => one("anyOf", list([other, one("type", "null")])),
    }
}

/// The export as a YAML value.
pub fn export(api: &Api) -> Value {
    let mut doc = Obj::new();
    doc.set("openapi", "3.1.0");
    doc.set("info", info(api));
    doc.set("servers", list([one("url", api.base_url.as_str())]));
    let mut notes = Vec::new();
    doc.set("paths", paths(api, &mut notes));
    doc.set("components", components(api));
    doc.evidence(&api.inferred, &api.overridden);
    not_exported(&mut doc, notes);
    doc.value()
}

/// The export as YAML text.
pub fn to_yaml(api: &Api) -> String {
    serde_yaml::to_string(&export(api)).unwrap_or_else(|e| format!("# serialization failed: {e}\n"))
}

/// The export as JSON text (keys in the same order as the YAML).
pub fn to_json(api: &Api) -> String {
    let mut s = serde_json::to_string_pretty(&export(api)).unwrap_or_else(|e| format!("\"serialization failed: {e}\""));
    s.push('\n');
    s
}

fn info(api: &Api) -> Value {
    let mut info = Obj::new();
    info.set("title", api.title.as_str());
    let files = api
        .source
        .as_ref()
        .map(|s| s.files.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", "))
        .unwrap_or_else(|| "its docs".into());
    info.set(
        "description",
        format!(
            "Recovered from {files} by the `generator` crate. The docs do not state the API version, so `version` is \
             `unknown`; facts the docs do not state are marked `x-inferred` with their evidence."
        ),
    );
    info.set("version", "unknown");
    info.set("x-provider", api.provider.as_str());
    if let Some(p) = &api.package {
        info.set("x-package", p.as_str());
    }
    if let Some(s) = &api.source {
        let mut src = Obj::new();
        src.set("files", list(s.files.iter().map(|f| Value::from(f.as_str()))));
        src.set("form", format!("{:?}", s.form).to_lowercase());
        src.set("flavour", s.flavour.as_str());
        info.set("x-source", src);
    }
    info.value()
}

fn paths(api: &Api, notes: &mut Vec<String>) -> Value {
    let mut by_path: BTreeMap<&str, Vec<&Operation>> = BTreeMap::new();
    for op in &api.operations {
        by_path.entry(op.path.as_str()).or_default().push(op);
    }
    // A name several API groups document (each its own operation) is not a unique
    // operationId: those take their group's name before theirs (`AppsV1Api.list_pods`).
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for op in &api.operations {
        *seen.entry(op.name.as_str()).or_default() += 1;
    }
    let mut paths = Obj::new();
    for (path, ops) in by_path {
        let mut item = Obj::new();
        let mut ops = ops;
        ops.sort_by_key(|o| {
            let m = o.method.to_ascii_lowercase();
            METHOD_ORDER.iter().position(|x| *x == m).unwrap_or(METHOD_ORDER.len())
        });
        for op in ops {
            let m = op.method.to_ascii_lowercase();
            if item.0.contains_key(m.as_str()) {
                notes.push(format!(
                    "operation `{}`: another operation has the same method and path `{} {path}`; only the first is exported",
                    op.name, op.method
                ));
                continue;
            }
            let id = match &op.group {
                Some(g) if seen[op.name.as_str()] > 1 => format!("{g}.{}", op.name),
                _ => op.name.clone(),
            };
            item.set(&m, operation(op, &id));
        }
        paths.set(path, item);
    }
    paths.value()
}

/// Another field of a node, read through serde so that fields added to the model later
/// (an operation's group) are used when present.
fn extra_field(node: &impl serde::Serialize, key: &str) -> Option<serde_json::Value> {
    match serde_json::to_value(node).ok()? {
        serde_json::Value::Object(mut m) => m.remove(key).filter(|v| !v.is_null()),
        _ => None,
    }
}

fn operation(op: &Operation, id: &str) -> Value {
    let mut o = Obj::new();
    if let Some(serde_json::Value::String(group)) = extra_field(op, "group") {
        o.set("tags", list([Value::from(group)]));
    }
    o.set("operationId", id);
    o.set_nonempty("summary", &op.summary);
    o.set_nonempty("description", &op.description);

    let mut notes = Vec::new();
    let mut seen: Vec<(&str, &str, &str)> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    for p in op.params.iter().filter(|p| !matches!(p.location, Location::Body | Location::Form)) {
        let key = (p.location.as_str(), p.wire_name.as_str());
        if let Some((.., first)) = seen.iter().find(|(l, w, _)| (*l, *w) == key) {
            notes.push(format!(
                "parameter `{}`: the same {} parameter `{}` as `{first}`; only the first is exported",
                p.name, key.0, key.1
            ));
            continue;
        }
        seen.push((key.0, key.1, p.name.as_str()));
        params.push(parameter(p));
    }
    for ph in crate::ir::placeholders(&op.path) {
        if !op.params.iter().any(|p| p.location == Location::Path && p.wire_name == ph) {
            let mut p = Obj::new();
            p.set("name", ph).set("in", "path").set("required", true).set("schema", one("type", "string"));
            p.set("x-inferred", one("location", format!("placeholder {{{ph}}} in the path has no documented parameter")));
            params.push(p.value());
        }
    }
    if !params.is_empty() {
        o.set("parameters", list(params));
    }
    if let Some(body) = request_body(op, &mut notes) {
        o.set("requestBody", body);
    }
    o.set("responses", responses(op));
    let security: Vec<Value> = op
        .security
        .iter()
        .filter(|alt| !alt.is_empty())
        .map(|alt| {
            let mut req = Obj::new();
            for s in alt {
                req.set(s, list([]));
            }
            req.value()
        })
        .collect();
    o.set("security", list(security));
    o.evidence(&op.inferred, &op.overridden);
    not_exported(&mut o, notes);
    o.value()
}

fn parameter(p: &Param) -> Value {
    let mut o = Obj::new();
    o.set("name", p.wire_name.as_str());
    o.set("in", p.location.as_str());
    o.set_nonempty("description", &p.description);
    o.set("required", p.required || p.location == Location::Path);
    o.set("schema", schema_with_values(&p.ty, p.default.as_deref(), &p.enum_values));
    if let Some(ex) = &p.example {
        o.set("example", json_to_yaml(ex));
    }
    o.evidence(&p.inferred, &p.overridden);
    o.value()
}

fn is_form_type(ct: &str) -> bool {
    ct.contains("multipart/form-data") || ct.contains("application/x-www-form-urlencoded")
}

fn request_body(op: &Operation, notes: &mut Vec<String>) -> Option<Value> {
    let form: Vec<&Param> = op.params.iter().filter(|p| p.location == Location::Form).collect();
    let body = op.params.iter().find(|p| p.location == Location::Body);
    let documented = op.content_type.as_deref().filter(|c| !c.trim().is_empty());
    let mut rb = Obj::new();
    let mut media = Obj::new();
    let mut inferred = BTreeMap::new();
    let content_types: Vec<String>;
    if !form.is_empty() {
        let mut props = Obj::new();
        let mut required = Vec::new();
        for p in &form {
            if props.0.contains_key(p.wire_name.as_str()) {
                notes.push(format!(
                    "form field `{}`: another field has the wire name `{}`; only the first is exported",
                    p.name, p.wire_name
                ));
                continue;
            }
            let mut s = match schema_with_values(&p.ty, p.default.as_deref(), &p.enum_values) {
                Value::Mapping(m) => Obj(m),
                _ => Obj::new(),
            };
            s.set_nonempty("description", &p.description);
            s.evidence(&p.inferred, &p.overridden);
            props.set(&p.wire_name, s.value());
            if p.required {
                required.push(Value::from(p.wire_name.as_str()));
            }
        }
        let mut schema = Obj::new();
        schema.set("type", "object").set("properties", props);
        if !required.is_empty() {
            schema.set("required", list(required));
        }
        media.set("schema", schema);
        content_types = match documented.filter(|c| is_form_type(c)) {
            Some(c) => vec![c.to_string()],
            None => {
                let binary = form.iter().any(|p| p.ty.to_string().contains("binary"));
                let ct = if binary { "multipart/form-data" } else { "application/x-www-form-urlencoded" };
                inferred.insert(
                    "content_type".to_string(),
                    format!("form parameters without a form Content-Type in the docs; {ct} assumed"),
                );
                vec![ct.to_string()]
            }
        };
        rb.set("required", form.iter().any(|p| p.required));
    } else if let Some(p) = body {
        rb.set_nonempty("description", &p.description);
        media.set("schema", schema(&p.ty));
        if let Some(ex) = &p.example {
            media.set("example", json_to_yaml(ex));
        }
        content_types = match documented {
            Some(c) => c.split(',').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect(),
            None => {
                inferred.insert(
                    "content_type".to_string(),
                    "a body parameter without a Content-Type in the docs; application/json assumed".to_string(),
                );
                vec!["application/json".to_string()]
            }
        };
        rb.set("required", p.required);
        for (k, v) in &p.inferred {
            inferred.insert(format!("body.{k}"), v.clone());
        }
    } else {
        return None;
    }
    let media = media.value();
    let mut content = Obj::new();
    for ct in content_types {
        content.set(&ct, media.clone());
    }
    // `required` goes after `content` in the usual reading order.
    let required = rb.0.remove("required");
    rb.set("content", content);
    if let Some(r) = required {
        rb.set("required", r);
    }
    rb.evidence(&inferred, &body.map(|b| b.overridden.clone()).unwrap_or_default());
    Some(rb.value())
}

fn response_content(op: &Operation, inferred: &mut BTreeMap<String, String>) -> Option<Value> {
    let t = op.response.as_ref()?;
    let types: Vec<String> = match op.accept.as_deref().filter(|a| !a.trim().is_empty()) {
        Some(a) => a.split(',').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect(),
        None => {
            inferred.insert(
                "content".to_string(),
                "a response type without an Accept header in the docs; application/json assumed".to_string(),
            );
            vec!["application/json".to_string()]
        }
    };
    let mut content = Obj::new();
    for ct in types {
        let s = match t {
            TypeRef::Binary => binary_schema(),
            TypeRef::String if !ct.contains("json") => one("type", "string"),
            other => schema(other),
        };
        content.set(&ct, one("schema", s));
    }
    Some(content.value())
}

fn responses(op: &Operation) -> Value {
    let mut out = Obj::new();
    let key = |s: &str| if s == "0" { "default".to_string() } else { s.to_string() };
    let is_success = |s: &str| s.starts_with('2');
    let mut statuses: Vec<&crate::ir::StatusResponse> = op.responses.iter().collect();
    // Sorted: numeric codes and ranges in order, `default` last.
    statuses.sort_by_key(|r| (r.status == "0", r.status.clone()));
    let success_documented = statuses.iter().any(|r| is_success(&r.status));
    if statuses.is_empty() {
        let mut r = Obj::new();
        let mut inferred = BTreeMap::new();
        let status = if op.response.is_some() { "200" } else { "default" };
        r.set("description", "Success (the docs document no status).");
        if let Some(c) = response_content(op, &mut inferred) {
            r.set("content", c);
        }
        inferred.insert(
            "status".to_string(),
            format!("the docs document no response status; `{status}` stands for the documented return type"),
        );
        r.evidence(&inferred, &[]);
        out.set(status, r);
        return out.value();
    }
    for s in statuses {
        let mut r = Obj::new();
        let desc = if s.description.trim().is_empty() { "(no description in the docs)" } else { s.description.as_str() };
        r.set("description", desc);
        if !s.headers.is_empty() {
            let mut headers = Obj::new();
            for h in &s.headers {
                headers.set(h, one("schema", one("type", "string")));
            }
            r.set("headers", headers);
        }
        let mut inferred = BTreeMap::new();
        let carries = if success_documented { is_success(&s.status) } else { s.status == "0" };
        if carries {
            if let Some(c) = response_content(op, &mut inferred) {
                if !success_documented {
                    inferred.insert(
                        "content".to_string(),
                        "no success status is documented; the return type is given to the default response".to_string(),
                    );
                }
                r.set("content", c);
            }
        }
        r.evidence(&inferred, &[]);
        out.set(&key(&s.status), r);
    }
    out.value()
}

fn security_scheme(s: &crate::ir::AuthScheme) -> Value {
    let mut o = Obj::new();
    let mut inferred = s.inferred.clone();
    match s.kind {
        AuthKind::Basic => {
            o.set("type", "http").set("scheme", "basic");
        }
        AuthKind::Bearer => {
            o.set("type", "http").set("scheme", "bearer");
        }
        AuthKind::ApiKey => {
            let loc = match s.location {
                Some(KeyLocation::Header) => "header",
                Some(KeyLocation::Query) => "query",
                Some(KeyLocation::Cookie) => "cookie",
                None => {
                    inferred
                        .entry("in".to_string())
                        .or_insert_with(|| "the docs do not say where the key travels; header assumed".to_string());
                    "header"
                }
            };
            let name = match &s.param_name {
                Some(n) => n.clone(),
                None => {
                    inferred
                        .entry("param_name".to_string())
                        .or_insert_with(|| "the docs do not name the key; the scheme's name is used".to_string());
                    s.name.clone()
                }
            };
            o.set("type", "apiKey").set("in", loc).set("name", name);
        }
        AuthKind::Oauth2 => {
            o.set("type", "oauth2").set("flows", oauth2_flows(s, &mut inferred));
        }
    }
    o.evidence(&inferred, &s.overridden);
    o.value()
}

/// OAuth2 flows from the model's flow, URLs and scopes where it has them (read through
/// serde, so the export works with models with or without those fields); otherwise a
/// placeholder `clientCredentials` flow.
fn oauth2_flows(s: &crate::ir::AuthScheme, inferred: &mut BTreeMap<String, String>) -> Value {
    let text = |k: &str| match extra_field(s, k) {
        Some(serde_json::Value::String(v)) if !v.trim().is_empty() => Some(v),
        _ => None,
    };
    let (auth_url, token_url, flow) = (text("authorization_url"), text("token_url"), text("flow"));
    let mut scopes = Obj::new();
    if let Some(serde_json::Value::Object(m)) = extra_field(s, "scopes") {
        for (k, v) in m {
            scopes.set(&k, v.as_str().unwrap_or_default());
        }
    }
    let flow = match flow.as_deref() {
        // Swagger 2 names as the python docs print them, and OpenAPI 3 names.
        Some("accessCode" | "authorizationCode" | "authorization_code") => "authorizationCode",
        Some("application" | "clientCredentials" | "client_credentials") => "clientCredentials",
        Some("implicit") => "implicit",
        Some("password") => "password",
        _ => match (&auth_url, &token_url) {
            (Some(_), Some(_)) => "authorizationCode",
            (Some(_), None) => "implicit",
            _ => "clientCredentials",
        },
    };
    if auth_url.is_none() && token_url.is_none() {
        inferred.insert(
            "flows".to_string(),
            format!(
                "the docs give no OAuth2 flow or URLs; a clientCredentials flow with the placeholder tokenUrl \
                 {OAUTH2_PLACEHOLDER_TOKEN_URL} keeps the document valid: replace it"
            ),
        );
        let mut f = Obj::new();
        f.set("tokenUrl", OAUTH2_PLACEHOLDER_TOKEN_URL).set("scopes", scopes);
        return one("clientCredentials", f);
    }
    let mut f = Obj::new();
    let mut placeholder = |what: &str, url: &str| {
        inferred.insert(format!("flows.{flow}.{what}"), format!("not in the docs; placeholder {url}"));
        url.to_string()
    };
    if matches!(flow, "authorizationCode" | "implicit") {
        let url = auth_url.unwrap_or_else(|| placeholder("authorizationUrl", OAUTH2_PLACEHOLDER_AUTHORIZATION_URL));
        f.set("authorizationUrl", url);
    }
    if flow != "implicit" {
        let url = token_url.unwrap_or_else(|| placeholder("tokenUrl", OAUTH2_PLACEHOLDER_TOKEN_URL));
        f.set("tokenUrl", url);
    }
    f.set("scopes", scopes);
    one(flow, f)
}

fn field_schema(f: &Field) -> Value {
    let base = schema_with_values(&f.ty, f.default.as_deref(), &[]);
    let mut s = match if f.nullable { nullable(base) } else { base } {
        Value::Mapping(m) => Obj(m),
        _ => Obj::new(),
    };
    s.set_nonempty("description", &f.description);
    if f.read_only {
        s.set("readOnly", true);
    }
    if f.name != f.wire_name {
        s.set("x-doc-name", f.name.as_str());
    }
    s.evidence(&f.inferred, &f.overridden);
    s.value()
}

fn model_schema(m: &Model) -> Value {
    let mut s = Obj::new();
    match m.kind {
        ModelKind::Enum => {
            s.set("type", "string");
            s.set_nonempty("description", &m.description);
            if !m.enum_values.is_empty() {
                s.set("enum", list(m.enum_values.iter().map(|v| Value::from(v.as_str()))));
            }
        }
        ModelKind::OneOf | ModelKind::AnyOf => {
            s.set_nonempty("description", &m.description);
            let refs = m.variants.iter().map(|v| {
                let mut r = Obj::new();
                r.set("$ref", format!("#/components/schemas/{v}"));
                r.value()
            });
            s.set(if m.kind == ModelKind::OneOf { "oneOf" } else { "anyOf" }, list(refs));
            if let Some(d) = &m.discriminator {
                let mut o = Obj::new();
                o.set("propertyName", d.property.as_str());
                let mut map = Obj::new();
                for (k, v) in &d.mapping {
                    map.set(k, format!("#/components/schemas/{v}"));
                }
                o.set("mapping", map);
                s.set("discriminator", o);
            }
        }
        ModelKind::Object => {
            s.set("type", "object");
            s.set_nonempty("description", &m.description);
            let mut props = Obj::new();
            let mut notes = Vec::new();
            for f in &m.fields {
                if props.0.contains_key(f.wire_name.as_str()) {
                    notes.push(format!(
                        "field `{}`: another field has the JSON key `{}`; only the first is exported",
                        f.name, f.wire_name
                    ));
                    continue;
                }
                props.set(&f.wire_name, field_schema(f));
            }
            s.set("properties", props);
            let mut required: Vec<Value> = Vec::new();
            for f in m.fields.iter().filter(|f| f.required) {
                let key = Value::from(f.wire_name.as_str());
                if !required.contains(&key) {
                    required.push(key);
                }
            }
            if !required.is_empty() {
                s.set("required", list(required));
            }
            not_exported(&mut s, notes);
        }
    }
    s.evidence(&m.inferred, &m.overridden);
    s.value()
}

fn components(api: &Api) -> Value {
    let mut c = Obj::new();
    let mut schemes: Vec<&crate::ir::AuthScheme> = api.auth_schemes.iter().collect();
    schemes.sort_by(|a, b| a.name.cmp(&b.name));
    let mut sec = Obj::new();
    for s in schemes {
        sec.set(&s.name, security_scheme(s));
    }
    // Schemes an operation names that the docs do not describe.
    for op in &api.operations {
        for name in op.security.iter().flatten() {
            if !api.auth_schemes.iter().any(|s| &s.name == name) && sec.get_mut(name).is_none() {
                let mut o = Obj::new();
                o.set("type", "http").set("scheme", "bearer");
                o.set("x-inferred", one("kind", "named by an operation but not described in the docs; bearer assumed"));
                sec.set(name, o);
            }
        }
    }
    c.set("securitySchemes", sec);
    let mut schemas = Obj::new();
    for name in api.model_names() {
        let s = match api.models.iter().find(|m| m.name == name) {
            Some(m) => model_schema(m),
            None => one(
                "description",
                format!("The docs give no fields for `{name}`: its shape is unknown, any JSON value is accepted."),
            ),
        };
        schemas.set(&name, s);
    }
    c.set("schemas", schemas);
    c.value()
}
