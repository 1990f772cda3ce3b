//! `provider.yaml`: the small hand-kept file beside each source doc. It names the crate and
//! states any fact the doc cannot say. Overrides are applied after inference and listed in
//! each node's `overridden`.

use crate::diag::Diagnostics;
use crate::ir::{Api, AuthKind, KeyLocation, Location, TypeRef};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    /// Name of the generated crate (`umaaas-client`).
    pub crate_name: String,
    /// Human name of the provider (`Lightspark UMA-as-a-Service`).
    pub display_name: String,
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
    /// Per operation: `false`, or the pagination stated (applied by [`crate::paginate`]).
    #[serde(default)]
    pub pagination: BTreeMap<String, crate::paginate::Override>,
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
    pub kind: Option<AuthKind>,
    #[serde(rename = "in")]
    pub location: Option<KeyLocation>,
    pub param_name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OperationOverride {
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
    pub location: Option<Location>,
    pub wire_name: Option<String>,
    pub required: Option<bool>,
    #[serde(rename = "type")]
    pub ty: Option<TypeRef>,
}

/// Parses `provider.yaml`, reporting syntax errors with their line.
pub fn parse(text: &str, file: &str, diags: &mut Diagnostics) -> Option<ProviderConfig> {
    match serde_yaml::from_str::<ProviderConfig>(text) {
        Ok(c) => Some(c),
        Err(e) => {
            let line = e.location().map(|l| l.line()).unwrap_or(0);
            diags.error(file, line, format!("invalid provider.yaml: {e}"));
            None
        }
    }
}

/// The first line mentioning `key:`, to point at an override.
fn line_of(text: &str, key: &str) -> usize {
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
        mark(&mut api.overridden, "base_url");
    }
    for (name, o) in &cfg.auth_schemes {
        let Some(s) = api.auth_schemes.iter_mut().find(|s| &s.name == name) else {
            diags.error(file, line_of(text, name), format!("auth scheme `{name}` is not in the doc"));
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
    let scheme_names: Vec<String> = api.auth_schemes.iter().map(|s| s.name.clone()).collect();
    for (name, o) in &cfg.operations {
        let Some(op) = api.operations.iter_mut().find(|op| &op.name == name) else {
            diags.error(file, line_of(text, name), format!("operation `{name}` is not in the doc"));
            continue;
        };
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
            let Some(p) = op.params.iter_mut().find(|p| &p.name == pname) else {
                diags.error(
                    file,
                    line_of(text, pname),
                    format!("operation `{name}` has no parameter `{pname}`"),
                );
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
}
