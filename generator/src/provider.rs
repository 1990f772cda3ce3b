//! `provider.yaml`: the small hand-kept file beside each source doc. It names the crate and
//! states any fact the doc cannot say. Overrides are applied after inference and listed in
//! each node's `overridden`.

use crate::diag::Diagnostics;
use crate::ir::{Api, AuthKind, Evidence, KeyLocation, Location, Operation, PageKind, Pagination, TypeRef};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    /// Name of the generated crate (`umaaas-client`; default `<provider>-client`), a valid
    /// Cargo package name ([`check_package_name`]).
    #[serde(default)]
    pub crate_name: Option<String>,
    /// Human name of the provider (`Lightspark UMA-as-a-Service`; default the API's title).
    #[serde(default)]
    pub display_name: Option<String>,
    /// The generated crate's version (`MAJOR.MINOR.PATCH`, default [`DEFAULT_VERSION`]).
    /// Bumped by hand when the API changes: `generator check --rev REV` says when it is not
    /// bumped enough.
    #[serde(default, deserialize_with = "scalar_text")]
    pub version: Option<String>,
    /// The source doc's file name in the spec directory (default: the only `.md`/`.txt`).
    #[serde(default)]
    pub doc: Option<String>,
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub auth_schemes: BTreeMap<String, SchemeOverride>,
    #[serde(default)]
    pub operations: BTreeMap<String, OperationOverride>,
    /// Per model, per field (by the docs' name).
    #[serde(default)]
    pub models: BTreeMap<String, ModelOverride>,
    /// One line per location instead of one per parameter: how wire names are written
    /// (`as_documented`, `camelCase`, `snake_case`, `kebab-case`, `Train-Case`).
    #[serde(default)]
    pub wire_names: WireNames,
    /// The client language the docs were written for, when detection gets it wrong
    /// (`java`, `kotlin`, `go`, `rust`, `ruby`, `php`, `csharp`, `javascript`, `typescript`,
    /// `dart`, `swift`, `perl`, `r`, `python`).
    #[serde(default)]
    pub flavour: Option<String>,
    /// Warnings are errors: any doubt about the docs stops the run.
    #[serde(default)]
    pub strict: bool,
    /// The docs are known to draw warnings (test fixtures): they are counted in the
    /// summary but not printed on every regenerate.
    #[serde(default)]
    pub expected_warnings: bool,
    /// Per operation: `false`, or the pagination stated (applied by [`apply_pagination`]).
    #[serde(default)]
    pub pagination: BTreeMap<String, PaginationOverride>,
    /// The SDK whose sources are read beside the docs (`crate::sdk`): a directory, relative
    /// to this file's, or `false` to read the docs alone. Default: the SDK the docs sit in.
    #[serde(default)]
    pub sdk: Option<SdkSetting>,
}

/// `sdk:` in `provider.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum SdkSetting {
    /// `true`: found beside the docs (the default); `false`: the docs alone.
    Enabled(bool),
    /// The SDK root, relative to the `provider.yaml`'s directory.
    Dir(String),
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WireNames {
    pub query: Option<NameStyle>,
    pub form: Option<NameStyle>,
    pub header: Option<NameStyle>,
    pub cookie: Option<NameStyle>,
    /// Models' JSON keys.
    pub json: Option<NameStyle>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub enum NameStyle {
    #[serde(rename = "as_documented")]
    AsDocumented,
    #[serde(rename = "camelCase")]
    Camel,
    #[serde(rename = "snake_case")]
    Snake,
    #[serde(rename = "kebab-case")]
    Kebab,
    #[serde(rename = "Train-Case")]
    Train,
}

impl NameStyle {
    /// The wire name for a doc name (Python keyword escapes undone first).
    pub fn apply(self, doc_name: &str) -> String {
        use heck::{ToKebabCase, ToLowerCamelCase, ToSnakeCase, ToTrainCase};
        let bare = crate::infer::unescape_python(doc_name);
        match self {
            NameStyle::AsDocumented => bare.to_string(),
            NameStyle::Camel => bare.to_lower_camel_case(),
            NameStyle::Snake => bare.to_snake_case(),
            NameStyle::Kebab => bare.to_kebab_case(),
            NameStyle::Train => bare.to_train_case(),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NameStyle::AsDocumented => "as_documented",
            NameStyle::Camel => "camelCase",
            NameStyle::Snake => "snake_case",
            NameStyle::Kebab => "kebab-case",
            NameStyle::Train => "Train-Case",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ModelOverride {
    #[serde(default)]
    pub fields: BTreeMap<String, FieldOverride>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FieldOverride {
    pub wire_name: Option<String>,
    #[serde(rename = "type")]
    pub ty: Option<TypeRef>,
    pub required: Option<bool>,
    pub nullable: Option<bool>,
    pub read_only: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SchemeOverride {
    /// With a kind, a scheme the docs do not describe is added.
    pub kind: Option<AuthKind>,
    #[serde(rename = "in")]
    pub location: Option<KeyLocation>,
    pub param_name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OperationOverride {
    /// Leaves the operation out of the client.
    #[serde(default)]
    pub skip: bool,
    pub method: Option<String>,
    pub path: Option<String>,
    /// Exact alternatives: AND within a list, OR between lists.
    pub security: Option<Vec<Vec<String>>>,
    pub content_type: Option<String>,
    pub accept: Option<String>,
    #[serde(default)]
    pub params: BTreeMap<String, ParamOverride>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ParamOverride {
    /// With a location, a parameter the docs lack is added (a string unless `type` says).
    pub location: Option<Location>,
    pub wire_name: Option<String>,
    pub required: Option<bool>,
    #[serde(rename = "type")]
    pub ty: Option<TypeRef>,
}

/// A scalar as written (`version: 1.0` is a YAML number, reported as a bad version rather
/// than a type error).
fn scalar_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match serde_yaml::Value::deserialize(d)? {
        serde_yaml::Value::Null => Ok(None),
        serde_yaml::Value::String(s) => Ok(Some(s)),
        serde_yaml::Value::Number(n) => Ok(Some(n.to_string())),
        serde_yaml::Value::Bool(b) => Ok(Some(b.to_string())),
        _ => Err(serde::de::Error::custom("expected a version such as `0.2.0`")),
    }
}

/// The version of a crate whose `provider.yaml` names none.
pub const DEFAULT_VERSION: &str = "0.1.0";

impl ProviderConfig {
    /// `version:`, or [`DEFAULT_VERSION`].
    pub fn version(&self) -> &str {
        self.version.as_deref().unwrap_or(DEFAULT_VERSION)
    }

    /// `crate_name:`, or `<provider>-client`.
    pub fn crate_name_for(&self, provider: &str) -> String {
        self.crate_name.clone().unwrap_or_else(|| default_crate_name(provider))
    }
}

/// The crate name of a provider whose `provider.yaml` names none: `<provider>-client`, with
/// `_` as `-`.
pub fn default_crate_name(provider: &str) -> String {
    format!("{}-client", provider.replace('_', "-"))
}

/// Whether `name` can name a generated crate: what Cargo accepts as a package name and
/// crates.io publishes (ASCII letters, digits, `-` and `_`, starting with a letter, at most
/// 64 characters), whose Rust name (`-` as `_`) is not a keyword or a standard crate. The
/// error says what is wrong.
pub fn check_package_name(name: &str) -> Result<(), String> {
    let ident = name.replace('-', "_");
    if name.is_empty() {
        return Err("a crate name cannot be empty".into());
    }
    if let Some(c) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_')) {
        return Err(format!(
            "`{name}` is not a Cargo package name: {c:?} is not allowed (only ASCII letters, digits, `-` and `_`)"
        ));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(format!("`{name}` is not a Cargo package name: it must start with an ASCII letter"));
    }
    if name.len() > 64 {
        return Err(format!("`{name}` is too long for a crate name ({} characters, at most 64)", name.len()));
    }
    if crate::ident::KEYWORDS.contains(&ident.as_str()) || ["std", "core", "alloc", "proc_macro", "test"].contains(&ident.as_str()) {
        return Err(format!("`{name}` cannot name a crate: `{ident}` is a Rust keyword or a standard crate"));
    }
    Ok(())
}

/// `MAJOR.MINOR.PATCH` of a semver version (pre-release and build metadata allowed after it).
pub fn parse_version(version: &str) -> Option<(u64, u64, u64)> {
    let (core, rest) = match version.find(['-', '+']) {
        Some(i) => (&version[..i], &version[i + 1..]),
        None => (version, ""),
    };
    if version.len() != core.len() && rest.is_empty() {
        return None;
    }
    let parts: Vec<&str> = core.split('.').collect();
    let [ma, mi, pa] = parts[..] else { return None };
    let num = |p: &str| -> Option<u64> {
        // Semver: no leading zeros, digits only.
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p == "0" || !p.starts_with('0'))).then(|| p.parse().ok())?
    };
    Some((num(ma)?, num(mi)?, num(pa)?))
}

/// Parses `provider.yaml`, reporting syntax errors with their line, and an invalid crate
/// name or version with the line that sets it.
pub fn parse(text: &str, file: &str, diags: &mut Diagnostics) -> Option<ProviderConfig> {
    match serde_yaml::from_str::<ProviderConfig>(text) {
        Ok(c) => {
            let mut ok = true;
            if let Some(name) = &c.crate_name {
                if let Err(e) = check_package_name(name) {
                    diags.error(file, line_of(text, "crate_name"), format!("crate_name: {e}"));
                    ok = false;
                }
            }
            if let Some(v) = &c.version {
                if parse_version(v).is_none() {
                    diags.error(
                        file,
                        line_of(text, "version"),
                        format!("version: `{v}` is not a semver version (MAJOR.MINOR.PATCH, e.g. `0.2.0`)"),
                    );
                    ok = false;
                }
            }
            if let Some(SdkSetting::Dir(d)) = &c.sdk {
                if d.trim().is_empty() {
                    diags.error(file, line_of(text, "sdk"), "sdk: expected a directory or `false`, found an empty string");
                    ok = false;
                }
            }
            ok.then_some(c)
        }
        Err(e) => {
            let line = e.location().map(|l| l.line()).unwrap_or(0);
            diags.error(file, line, format!("invalid provider.yaml: {e}"));
            None
        }
    }
}

/// The first line mentioning `key:`, to point at an override.
pub(crate) fn line_of(text: &str, key: &str) -> usize {
    let needle = format!("{key}:");
    text.lines()
        .position(|l| l.trim_start().starts_with(&needle))
        .map(|i| i + 1)
        .unwrap_or(0)
}

fn mark(list: &mut Vec<String>, what: &str) {
    if !list.iter().any(|x| x == what) {
        list.push(what.to_string());
    }
}

/// Applies overrides; unknown names are errors pointing at provider.yaml.
pub fn apply(api: &mut Api, cfg: &ProviderConfig, text: &str, file: &str, diags: &mut Diagnostics) {
    if let Some(url) = &cfg.base_url {
        api.base_url = url.clone();
        api.inferred.remove("base_url");
        mark(&mut api.overridden, "base_url");
    }
    apply_wire_names(api, &cfg.wire_names);
    for (name, o) in &cfg.auth_schemes {
        if !api.auth_schemes.iter().any(|s| &s.name == name) {
            match o.kind {
                Some(kind) => {
                    api.auth_schemes.push(crate::ir::AuthScheme::new(name.clone(), kind));
                    if let Some(s) = api.auth_schemes.last_mut() {
                        mark(&mut s.overridden, "added");
                    }
                }
                None => {
                    diags.error(
                        file,
                        line_of(text, name),
                        format!("auth scheme `{name}` is not in the doc (give its `kind` to add it)"),
                    );
                    continue;
                }
            }
        }
        let Some(s) = api.auth_schemes.iter_mut().find(|s| &s.name == name) else {
            continue;
        };
        if let Some(k) = o.kind {
            s.kind = k;
            s.inferred.remove("kind");
            mark(&mut s.overridden, "kind");
            if k != AuthKind::ApiKey {
                s.location = None;
                s.param_name = None;
                s.inferred.remove("in");
                s.inferred.remove("param_name");
            }
        }
        if let Some(l) = o.location {
            s.location = Some(l);
            s.inferred.remove("in");
            mark(&mut s.overridden, "in");
        }
        if let Some(p) = &o.param_name {
            s.param_name = Some(p.clone());
            s.inferred.remove("param_name");
            mark(&mut s.overridden, "param_name");
        }
        if s.kind == AuthKind::ApiKey && (s.location.is_none() || s.param_name.is_none()) {
            diags.error(
                file,
                line_of(text, name),
                format!("API-key scheme `{name}` needs `in` and `param_name`"),
            );
        }
    }
    for (name, o) in &cfg.models {
        let Some(m) = api.models.iter_mut().find(|m| &m.name == name) else {
            diags.error(file, line_of(text, name), format!("model `{name}` is not in the docs"));
            continue;
        };
        for (fname, fo) in &o.fields {
            let Some(f) = m.fields.iter_mut().find(|f| &f.name == fname) else {
                diags.error(file, line_of(text, fname), format!("model `{name}` has no field `{fname}`"));
                continue;
            };
            if let Some(w) = &fo.wire_name {
                f.wire_name = w.clone();
                f.inferred.remove("wire_name");
                mark(&mut f.overridden, "wire_name");
            }
            if let Some(t) = &fo.ty {
                f.ty = t.clone();
                f.inferred.remove("type");
                mark(&mut f.overridden, "type");
            }
            if let Some(r) = fo.required {
                f.required = r;
                mark(&mut f.overridden, "required");
            }
            if let Some(n) = fo.nullable {
                f.nullable = n;
                f.inferred.remove("nullable");
                mark(&mut f.overridden, "nullable");
            }
            if let Some(r) = fo.read_only {
                f.read_only = r;
                mark(&mut f.overridden, "read_only");
            }
        }
    }
    // provider.yaml naming the nullable fields settles the others: not nullable.
    if cfg.models.values().flat_map(|o| o.fields.values()).any(|fo| fo.nullable.is_some()) {
        for f in api.models.iter_mut().flat_map(|m| m.fields.iter_mut()) {
            if f.inferred.get("nullable").is_some_and(|e| e.starts_with("guess:")) {
                f.inferred.remove("nullable");
            }
        }
    }
    let scheme_names: Vec<String> = api.auth_schemes.iter().map(|s| s.name.clone()).collect();
    for (name, o) in &cfg.operations {
        let Some(op) = api.operations.iter_mut().find(|op| names_op(name, op)) else {
            diags.error(file, line_of(text, name), format!("operation `{name}` is not in the doc"));
            continue;
        };
        if let Some(m) = &o.method {
            op.method = m.to_ascii_uppercase();
            mark(&mut op.overridden, "method");
        }
        if let Some(p) = &o.path {
            op.path = p.clone();
            mark(&mut op.overridden, "path");
        }
        if let Some(sec) = &o.security {
            for s in sec.iter().flatten() {
                if !scheme_names.contains(s) {
                    diags.error(file, line_of(text, name), format!("operation `{name}`: unknown auth scheme `{s}`"));
                }
            }
            op.security = sec.clone();
            op.security_exact = true;
            op.inferred.remove("security");
            mark(&mut op.overridden, "security");
        }
        if let Some(ct) = &o.content_type {
            op.content_type = Some(ct.clone());
            op.inferred.remove("content_type");
            mark(&mut op.overridden, "content_type");
        }
        if let Some(a) = &o.accept {
            op.accept = Some(a.clone());
            mark(&mut op.overridden, "accept");
        }
        for (pname, po) in &o.params {
            if !op.params.iter().any(|p| &p.name == pname) {
                let Some(location) = po.location else {
                    diags.error(
                        file,
                        line_of(text, pname),
                        format!("operation `{name}` has no parameter `{pname}` (give its `location` to add it)"),
                    );
                    continue;
                };
                op.params.push(crate::ir::Param {
                    neutral_name: None,
                    name: pname.clone(),
                    wire_name: pname.clone(),
                    location,
                    ty: TypeRef::String,
                    doc_type: String::new(),
                    required: location == Location::Path,
                    default: None,
                    description: String::new(),
                    enum_values: Vec::new(),
                    example: None,
                    inferred: Default::default(),
                    overridden: vec!["added".into()],
                });
            }
            let Some(p) = op.params.iter_mut().find(|p| &p.name == pname) else {
                continue;
            };
            if let Some(l) = po.location {
                p.location = l;
                p.inferred.remove("location");
                mark(&mut p.overridden, "location");
            }
            if let Some(w) = &po.wire_name {
                p.wire_name = w.clone();
                p.inferred.remove("wire_name");
                mark(&mut p.overridden, "wire_name");
            }
            if let Some(r) = po.required {
                p.required = r;
                mark(&mut p.overridden, "required");
            }
            if let Some(t) = &po.ty {
                p.ty = t.clone();
                mark(&mut p.overridden, "type");
            }
        }
    }
    let skipped: Vec<&String> = cfg.operations.iter().filter(|(_, o)| o.skip).map(|(n, _)| n).collect();
    api.operations.retain(|op| !skipped.contains(&&op.name));
    // Last: pagination is inferred again on the overridden API, then stated or disabled.
    apply_pagination(api, &cfg.pagination, text, file, diags);
}

/// `wire_names:` — a convention per location, for every parameter (per-parameter
/// overrides, applied after, still win).
fn apply_wire_names(api: &mut Api, w: &WireNames) {
    for op in &mut api.operations {
        for p in &mut op.params {
            let style = match p.location {
                Location::Query => w.query,
                Location::Form => w.form,
                Location::Header => w.header,
                Location::Cookie => w.cookie,
                Location::Path | Location::Body => None,
            };
            if let Some(style) = style {
                p.wire_name = style.apply(&p.name);
                p.inferred.remove("wire_name");
                mark(&mut p.overridden, &format!("wire_name ({})", style.as_str()));
            }
        }
    }
    if let Some(style) = w.json {
        for m in &mut api.models {
            // Names no Python attribute could be (`_links`, `e-mail`, `expiryMonth`) are the
            // JSON keys as written: only snake_case names follow the style.
            for f in m.fields.iter_mut().filter(|f| crate::infer::naming::is_python_attribute(&f.name)) {
                f.wire_name = style.apply(&f.name);
                f.inferred.remove("wire_name");
                mark(&mut f.overridden, &format!("wire_name ({})", style.as_str()));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Pagination.

/// A `provider.yaml` entry: `false` disables, a mapping states the pagination.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum PaginationOverride {
    Enabled(bool),
    Stated(StatedPagination),
}

/// Pagination as stated in `provider.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedPagination {
    pub kind: PageKind,
    pub param: String,
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub items: Option<String>,
    #[serde(default)]
    pub total: Option<String>,
    #[serde(default)]
    pub total_pages: Option<String>,
}

/// Infers again (after `provider.yaml`'s other overrides), then applies its `pagination`
/// entries; names that do not exist are errors pointing at provider.yaml.
pub fn apply_pagination(api: &mut Api, overrides: &BTreeMap<String, PaginationOverride>, text: &str, file: &str, diags: &mut Diagnostics) {
    crate::infer::paginate::infer(api);
    let line = |key: &str| {
        let needle = format!("{key}:");
        text.lines().position(|l| l.trim_start().starts_with(&needle)).map_or(0, |i| i + 1)
    };
    for (name, o) in overrides {
        let models = api.models.clone();
        let Some(op) = api.operations.iter_mut().find(|op| names_op(name, op)) else {
            diags.error(file, line(name), format!("pagination: operation `{name}` is not in the doc"));
            continue;
        };
        match o {
            PaginationOverride::Enabled(false) => op.pagination = None,
            PaginationOverride::Enabled(true) => {
                if op.pagination.is_none() {
                    diags.error(
                        file,
                        line(name),
                        format!("pagination of `{name}`: nothing to enable, the docs show no pattern; state `kind` and `param`"),
                    );
                }
            }
            PaginationOverride::Stated(s) => {
                if let Err(why) = check_pagination(op, &models, s) {
                    diags.error(file, line(name), format!("pagination of `{name}`: {why}"));
                    continue;
                }
                op.pagination = Some(Pagination {
                    kind: s.kind,
                    param: s.param.clone(),
                    next: s.next.clone(),
                    items: s.items.clone(),
                    total: s.total.clone(),
                    total_pages: s.total_pages.clone(),
                    inferred: Evidence::new(),
                    overridden: vec!["pagination".into()],
                });
            }
        }
    }
}

/// Whether a stated pagination names what the operation has.
fn check_pagination(op: &Operation, models: &[crate::ir::Model], s: &StatedPagination) -> Result<(), String> {
    let p = op
        .params
        .iter()
        .find(|p| p.name == s.param && p.location == Location::Query)
        .ok_or_else(|| format!("`{}` is not a query parameter of the operation", s.param))?;
    let want = if s.kind == PageKind::Cursor { TypeRef::String } else { TypeRef::Integer };
    if p.ty != want {
        return Err(format!("parameter `{}` must be of type `{want}`", s.param));
    }
    let Some(TypeRef::Model(name)) = &op.response else {
        return Err("the response is not a model".into());
    };
    let model = models
        .iter()
        .find(|m| &m.name == name)
        .ok_or_else(|| format!("the fields of model `{name}` are not known"))?;
    let named = |f: &Option<String>, what: &str, ok: &dyn Fn(&TypeRef) -> bool| -> Result<(), String> {
        match f {
            Some(f) if !model.fields.iter().any(|x| &x.name == f && ok(&x.ty)) => {
                Err(format!("`{name}` has no {what} field `{f}`"))
            }
            _ => Ok(()),
        }
    };
    named(&s.next, "string or integer", &crate::infer::paginate::is_scalar_cursor)?;
    named(&s.items, "list", &|t| matches!(t, TypeRef::List(_)))?;
    named(&s.total, "integer", &|t| *t == TypeRef::Integer)?;
    named(&s.total_pages, "integer", &|t| *t == TypeRef::Integer)?;
    match s.kind {
        PageKind::Cursor if s.next.is_none() => Err("a cursor pagination needs `next`".into()),
        PageKind::Offset | PageKind::Page if s.items.is_none() => Err("an offset or page pagination needs `items`".into()),
        _ => Ok(()),
    }
}


/// Whether an override's key names `op`: its name (the first operation of that name), or
/// its group and name (`OrdersApi.list_orders`), since each API group may have an operation
/// of a name.
fn names_op(key: &str, op: &crate::ir::Operation) -> bool {
    match key.split_once('.') {
        Some((group, name)) if op.group.as_deref() == Some(group) => op.name == name,
        _ => op.name == key,
    }
}

#[cfg(test)]
mod tests {
    mod pagination {
        use crate::infer::paginate::tests::{api, field, list, param};
        use crate::provider::{apply_pagination as apply, PaginationOverride as Override};
        use crate::diag::Diagnostics;
        use crate::ir::{PageKind, TypeRef};
        use std::collections::BTreeMap;

        #[test]
        fn overrides_disable_state_and_check() {
            let mut a = api(
                vec![param("cursor", TypeRef::String), param("start", TypeRef::Integer)],
                vec![field("data", list()), field("next_cursor", TypeRef::String), field("count", TypeRef::Integer)],
            );
            let mut diags = Diagnostics::default();
            let parse = |y: &str| serde_yaml::from_str::<BTreeMap<String, Override>>(y).unwrap();
            apply(&mut a, &parse("list: false"), "", "provider.yaml", &mut diags);
            assert_eq!(a.operations[0].pagination, None);
            apply(&mut a, &parse("list: {kind: offset, param: start, items: data, total: count}"), "", "provider.yaml", &mut diags);
            let p = a.operations[0].pagination.as_ref().unwrap();
            assert_eq!((p.kind, p.overridden.as_slice()), (PageKind::Offset, ["pagination".to_string()].as_slice()));
            assert!(!diags.has_errors());
            apply(&mut a, &parse("list: {kind: offset, param: nope, items: data}\nmissing: false"), "", "provider.yaml", &mut diags);
            assert_eq!(diags.sorted().len(), 2);
        }

    }

    use super::*;

    #[test]
    fn package_names_follow_cargo() {
        for ok in ["pets-client", "a", "x_y-2", "Pets"] {
            assert_eq!(check_package_name(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("My Crate!", "' ' is not allowed"),
            ("", "empty"),
            ("2pets", "start with an ASCII letter"),
            ("-x", "start with an ASCII letter"),
            ("café", "'é' is not allowed"),
            ("fn", "keyword"),
            ("std", "standard crate"),
        ] {
            let err = check_package_name(bad).expect_err(bad);
            assert!(err.contains(why), "{bad}: {err}");
        }
        assert!(check_package_name(&"a".repeat(65)).unwrap_err().contains("at most 64"));
    }

    #[test]
    fn versions_are_semver() {
        assert_eq!(parse_version("0.1.0"), Some((0, 1, 0)));
        assert_eq!(parse_version("1.20.3-beta.1+build"), Some((1, 20, 3)));
        for bad in ["0.1", "v0.1.0", "0.01.0", "1.2.3-", "1.2.x", "1.2.3.4", ""] {
            assert_eq!(parse_version(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_crate_names_and_versions_point_at_their_line() {
        let mut diags = Diagnostics::default();
        let text = "# comment\ncrate_name: My Crate!\nversion: 1.0\n";
        assert!(parse(text, "provider.yaml", &mut diags).is_none());
        let lines: Vec<(usize, &str)> = diags.items.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].0 == 2 && lines[0].1.contains("not a Cargo package name"), "{lines:?}");
        assert!(lines[1].0 == 3 && lines[1].1.contains("not a semver version"), "{lines:?}");
    }
}
