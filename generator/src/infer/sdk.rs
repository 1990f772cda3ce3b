//! The SDK's sources weighed against the docs: run after the doc-based passes, each fact the
//! sources state ([`crate::sdk::SdkFacts`]) is `strong: sdk <file>:<line>` (the file
//! relative to the SDK root). Where the docs said otherwise the sources win and a warning
//! names both places; an operation, parameter or model in one but not the other is a
//! warning, never an error.

use crate::diag::Diagnostics;
use crate::ir::{Api, Location, Model, Operation, Param};
use crate::sdk::{fold, SdkFacts, SdkModel, SdkOp, SdkParam};
use super::naming::{path_shape, same_path};

/// The evidence of a fact read from the sources.
pub fn evidence(at: &crate::sdk::At) -> String {
    format!("strong: sdk {at}")
}

/// Whether an evidence text says the fact came from the SDK's sources.
pub fn from_sdk(evidence: &str) -> bool {
    evidence.starts_with("strong: sdk ")
}

/// Applies the sources' facts to the API read from the docs. `single`: one doc was read,
/// so the SDK's other operations are no news.
pub fn apply(api: &mut Api, facts: &SdkFacts, single: bool, diags: &mut Diagnostics) {
    let mut used: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let doc_models = api.models.clone();
    let index = OpIndex::new(facts);
    for op in &mut api.operations {
        let file = op.file.clone();
        let Some((key, sop)) = index.find(op) else {
            diags.warning(
                &file,
                op.line,
                format!("operation `{}` ({} {}) is not in the SDK's {} sources; the docs alone describe it", op.name, op.method, op.path, facts.language),
            );
            continue;
        };
        used.insert(key.clone());
        apply_op(op, sop, facts, &doc_models, diags);
    }
    for (key, sop) in &facts.ops {
        if !used.contains(key) && !single {
            diags.warning(
                &facts.file_label(&sop.at.file),
                sop.at.line,
                format!("operation `{}` of the SDK ({}) is in none of the docs; it is not generated", sop.name, key.trim_start_matches("? ")),
            );
        }
    }
    let known: std::collections::BTreeSet<String> = api.models.iter().map(|m| m.name.clone()).collect();
    for m in &mut api.models {
        if let Some(sm) = find_model(m, facts) {
            apply_union(m, sm, &known, diags);
            apply_model(m, sm, facts, diags);
        }
    }
}

/// The SDK's operations by method and path shape, and by folded name.
struct OpIndex<'a> {
    by_route: std::collections::HashMap<(String, String), Vec<(&'a String, &'a SdkOp)>>,
    by_name: std::collections::HashMap<String, Vec<(&'a String, &'a SdkOp)>>,
}

impl<'a> OpIndex<'a> {
    fn new(facts: &'a SdkFacts) -> Self {
        let mut by_route: std::collections::HashMap<(String, String), Vec<(&String, &SdkOp)>> = Default::default();
        let mut by_name: std::collections::HashMap<String, Vec<(&String, &SdkOp)>> = Default::default();
        for (k, o) in &facts.ops {
            if let (Some(m), Some(p)) = (&o.method, &o.path) {
                by_route.entry((m.clone(), path_shape(p))).or_default().push((k, o));
            }
            by_name.entry(fold(&o.name)).or_default().push((k, o));
        }
        OpIndex { by_route, by_name }
    }

    /// The SDK's operation of a doc's: by method and path (the same name first), else by
    /// name (folded) where the method agrees.
    fn find(&self, op: &Operation) -> Option<(&'a String, &'a SdkOp)> {
        let name = fold(&op.name);
        if let Some(route) = self.by_route.get(&(op.method.clone(), path_shape(&op.path))) {
            let found = route.iter().find(|(_, s)| fold(&s.name) == name).or_else(|| route.first());
            if let Some((k, s)) = found {
                debug_assert!(s.path.as_deref().is_some_and(|p| same_path(p, &op.path)));
                return Some((k, s));
            }
        }
        self.by_name.get(&name)?.iter().find(|(_, s)| s.method.as_deref().is_none_or(|m| m == op.method)).map(|(k, s)| (*k, *s))
    }
}

/// The SDK's parameter of a doc's: by the code's name, else by wire name.
fn find_param<'a>(p: &Param, sop: &'a SdkOp) -> Option<&'a SdkParam> {
    let names = [fold(&p.name), fold(p.neutral())];
    sop.params
        .iter()
        .find(|s| names.contains(&fold(&s.name)))
        .or_else(|| sop.params.iter().find(|s| s.location != Location::Body && !s.wire_name.is_empty() && s.wire_name == p.wire_name))
        .or_else(|| sop.params.iter().find(|s| s.location != Location::Body && names.contains(&fold(&s.wire_name))))
        .or_else(|| (p.location == Location::Body).then(|| sop.params.iter().find(|s| s.location == Location::Body)).flatten())
}

fn apply_op(op: &mut Operation, sop: &SdkOp, facts: &SdkFacts, doc_models: &[Model], diags: &mut Diagnostics) {
    let file = op.file.clone();
    let line = op.line;
    let mut matched: Vec<usize> = Vec::new();
    // A cookie is deduced only where the code and the docs agree on everything else: one
    // parameter of the docs the code does not send, and nothing the code sends unmatched.
    let unmatched_docs = op.params.iter().filter(|p| find_param(p, sop).is_none()).count();
    let all_code_matched = sop.params.iter().all(|s| op.params.iter().any(|p| find_param(p, sop).is_some_and(|f| std::ptr::eq(f, s))));
    for p in &mut op.params {
        let Some(sp) = find_param(p, sop) else {
            // Generators that send no cookie at all leave cookie parameters out of the code
            // (openapi-generator's 7.x Python and Go, swagger-codegen's Java): a parameter the
            // docs list beside others the code sends is one of those.
            let cookie = !sends_cookies(facts) && unmatched_docs == 1 && all_code_matched && !sop.params.is_empty() && matches!(p.location, Location::Query | Location::Cookie);
            if cookie && p.overridden.is_empty() {
                p.location = Location::Cookie;
                p.inferred.insert(
                    "location".into(),
                    format!(
                        "weak: sdk {}: the SDK's code sends the operation's other parameters but not this one, and no cookie anywhere: a cookie, which its generator leaves out",
                        sop.at
                    ),
                );
            }
            diags.warning(
                &file,
                line,
                format!(
                    "parameter `{}` of `{}` is not sent by the SDK's code ({}); {}",
                    p.name,
                    op.name,
                    sop.at,
                    if cookie { "taken to be a cookie, which its generator does not send" } else { "the docs' reading is kept" }
                ),
            );
            continue;
        };
        if let Some(i) = sop.params.iter().position(|x| std::ptr::eq(x, sp)) {
            matched.push(i);
        }
        let ev = evidence(&sp.at);
        // An empty wire name: the code states the location but not the name (Rust's cookies).
        let wire_known = !sp.wire_name.is_empty();
        let wire = if sp.location == Location::Body || !wire_known { if sp.location == Location::Body { p.name.clone() } else { p.wire_name.clone() } } else { sp.wire_name.clone() };
        // A placeholder the code had to respell (Rust's `{attachment_id}` for `{attachment-id}`)
        // is the path's own.
        let wire = match sp.location {
            Location::Path => {
                let phs = crate::ir::placeholders(&op.path);
                match phs.iter().find(|ph| **ph == wire).or_else(|| phs.iter().find(|ph| fold(ph) == fold(&wire))) {
                    Some(ph) => ph.to_string(),
                    None => {
                        // A placeholder the docs' path does not have: the path is the docs'.
                        diags.warning(&file, line, format!("parameter `{}` of `{}`: the SDK's code fills a placeholder `{{{wire}}}` ({}) that the path `{}` does not have; the docs' reading is kept", p.name, op.name, sp.at, op.path));
                        continue;
                    }
                }
            }
            _ => wire,
        };
        if p.location != sp.location || p.wire_name != wire {
            // A doc that states nothing is no contradiction; the docs' reading said so.
            let stated = p.inferred.get("location").is_none_or(|e| super::naming::Confidence::of(e) == Some(super::naming::Confidence::Strong));
            let what = format!(
                "parameter `{}` of `{}`: the docs give {} `{}`, the SDK's code sends {} `{}` ({}); the SDK's is used",
                p.name,
                op.name,
                p.location.as_str(),
                p.wire_name,
                sp.location.as_str(),
                wire,
                sp.at
            );
            if stated && p.overridden.is_empty() {
                diags.warning(&file, line, what);
            }
        }
        if p.overridden.iter().any(|o| o.starts_with("location") || o.starts_with("wire_name")) {
            continue;
        }
        p.location = sp.location;
        p.wire_name = wire;
        p.inferred.insert("location".into(), ev.clone());
        if sp.location == Location::Body {
            p.inferred.remove("wire_name");
        } else if wire_known {
            p.inferred.insert("wire_name".into(), ev.clone());
        }
        if sp.location == Location::Path {
            p.required = true;
        }
        if let Some(req) = &sop.required {
            let names = [fold(&p.name), fold(p.neutral()), fold(&sp.name)];
            let stated = req.iter().find(|(n, _)| names.contains(&fold(n)));
            let required = stated.is_some() || sp.location == Location::Path;
            if let Some((_, at)) = stated {
                p.inferred.insert("required".into(), evidence(at));
            } else if p.required && !required {
                p.inferred.insert("required".into(), format!("strong: sdk {}: the code does not require it", sop.at));
            }
            if p.required != required {
                diags.warning(
                    &file,
                    line,
                    format!(
                        "parameter `{}` of `{}`: the docs say {}, the SDK's code {} ({}); the SDK's is used",
                        p.name,
                        op.name,
                        if p.required { "required" } else { "optional" },
                        if required { "requires it" } else { "does not require it" },
                        stated.map(|(_, a)| a).unwrap_or(&sop.at)
                    ),
                );
                p.required = required;
            }
        }
    }
    for (i, sp) in sop.params.iter().enumerate() {
        if !matched.contains(&i) {
            diags.warning(
                &file,
                line,
                format!("the SDK's code of `{}` sends {} `{}` ({}), which the docs do not list; not generated", op.name, sp.location.as_str(), sp.wire_name, sp.at),
            );
        }
    }
    form_requiredness(op, facts, doc_models, diags);
    if op.content_type.is_none() && !sop.content_types.is_empty() && op.params.iter().any(|p| matches!(p.location, Location::Body | Location::Form)) {
        op.content_type = Some(sop.content_types.join(", "));
        op.inferred.insert("content_type".into(), evidence(&sop.at));
    }
}

/// A form's fields are required as the SDK's model of the form body says, where it has one
/// (a model whose JSON keys are exactly the operation's form fields: swagger-codegen and
/// openapi-generator 4.x write one for an inline form schema). swagger-codegen's request
/// code refuses to go without any form field, whatever the schema says; its model keeps the
/// schema's `required`.
fn form_requiredness(op: &mut Operation, facts: &SdkFacts, doc_models: &[Model], diags: &mut Diagnostics) {
    let fields: std::collections::BTreeSet<String> = op.params.iter().filter(|p| p.location == Location::Form).map(|p| fold(&p.wire_name)).collect();
    if fields.len() < 2 {
        return;
    }
    // (model, field's folded JSON key → (required, where)), the SDK's first.
    // A model that states some of its fields required: the others are optional.
    let from_sdk = facts.models.values().find(|m| {
        m.fields.len() == fields.len() && m.fields.iter().all(|f| fields.contains(&fold(&f.wire_name))) && m.fields.iter().any(|f| f.required.is_some())
    });
    let stated: Vec<(String, bool, String)> = match from_sdk {
        Some(m) => m.fields.iter().map(|f| (fold(&f.wire_name), f.required.unwrap_or(false), evidence(if f.required.is_some() { &f.at } else { &m.at }))).collect(),
        None => {
            // swagger-codegen's Dart models state no requiredness; the docs' model of the form does.
            let Some(m) = doc_models.iter().find(|m| {
                m.fields.len() == fields.len() && m.fields.iter().all(|f| fields.contains(&fold(&f.wire_name)) || fields.contains(&fold(&f.name)))
            }) else {
                return;
            };
            let sdk_has = facts.models.values().any(|s| fold(&s.name) == fold(&m.name));
            if !sdk_has {
                return;
            }
            m.fields
                .iter()
                .map(|f| {
                    let key = if fields.contains(&fold(&f.wire_name)) { fold(&f.wire_name) } else { fold(&f.name) };
                    (key, f.required, format!("strong: the docs' model `{}` of the form body, which the SDK's code sends as its fields ({}:{})", m.name, m.file, m.line))
                })
                .collect()
        }
    };
    let model_name = from_sdk.map(|m| m.name.clone()).unwrap_or_default();
    for p in op.params.iter_mut().filter(|p| p.location == Location::Form) {
        let Some((_, required, why)) = stated.iter().find(|(k, _, _)| *k == fold(&p.wire_name)) else { continue };
        if p.required != *required && p.overridden.iter().all(|o| o != "required") {
            diags.warning(
                &op.file,
                op.line,
                format!(
                    "form field `{}` of `{}`: the SDK's request code {} it, the model of the form{} says {} ({}); the model is used",
                    p.name,
                    op.name,
                    if p.required { "requires" } else { "does not require" },
                    if model_name.is_empty() { String::new() } else { format!(" `{model_name}`") },
                    if *required { "required" } else { "optional" },
                    why.trim_start_matches("strong: ")
                ),
            );
            p.required = *required;
        }
        p.inferred.insert("required".into(), why.clone());
    }
}

/// Whether the SDK's code sends any cookie parameter.
fn sends_cookies(facts: &SdkFacts) -> bool {
    facts.ops.values().any(|o| o.params.iter().any(|p| p.location == Location::Cookie))
}

fn find_model<'a>(m: &Model, facts: &'a SdkFacts) -> Option<&'a SdkModel> {
    facts.models.get(&m.name).or_else(|| facts.models.values().find(|s| fold(&s.name) == fold(&m.name)))
}

/// A union the code declares (`oneOf`/`anyOf`, its variants, its tag): the model's kind,
/// variants and discriminator, where every variant is a model of the API.
fn apply_union(m: &mut Model, sm: &SdkModel, known: &std::collections::BTreeSet<String>, diags: &mut Diagnostics) {
    if sm.variants.len() < 2 || !m.overridden.is_empty() {
        return;
    }
    let variants: Vec<String> = sm.variants.iter().filter_map(|v| known.iter().find(|k| fold(k) == fold(v)).cloned()).collect();
    if variants.len() != sm.variants.len() {
        diags.warning(&m.file, m.line, format!("model `{}`: the SDK's code makes it a union of {} ({}), not all of them models of the docs; the docs' reading is kept", m.name, sm.variants.join(", "), sm.at));
        return;
    }
    let kind = if sm.any_of { crate::ir::ModelKind::AnyOf } else { crate::ir::ModelKind::OneOf };
    let ev = evidence(&sm.at);
    // The docs' order is the decoding order where it holds the same variants.
    if m.kind != kind || m.variants.iter().collect::<std::collections::BTreeSet<_>>() != variants.iter().collect() {
        m.kind = kind;
        m.variants = variants;
    }
    m.inferred.insert("kind".into(), ev.clone());
    if let Some(property) = &sm.discriminator {
        let mapping = sm.mapping.iter().filter_map(|(tag, v)| known.iter().find(|k| fold(k) == fold(v)).map(|k| (tag.clone(), k.clone()))).collect();
        m.discriminator = Some(crate::ir::Discriminator { property: property.clone(), mapping });
        m.inferred.insert("discriminator".into(), ev);
    }
}

fn apply_model(m: &mut Model, sm: &SdkModel, facts: &SdkFacts, diags: &mut Diagnostics) {
    // JSON keys the docs wrote otherwise, one warning per model.
    let mut keys: Vec<String> = Vec::new();
    for f in &mut m.fields {
        let names = [fold(&f.name), fold(f.neutral())];
        let Some(sf) = sm.fields.iter().find(|s| names.contains(&fold(&s.name))).or_else(|| sm.fields.iter().find(|s| names.contains(&fold(&s.wire_name)))) else {
            continue;
        };
        let ev = evidence(&sf.at);
        // An empty key: the code does not state it (Kotlin's swagger-codegen models).
        if !sf.wire_name.is_empty() && f.overridden.iter().all(|o| !o.starts_with("wire_name")) {
            if f.wire_name != sf.wire_name && !f.inferred.contains_key("wire_name") {
                keys.push(format!("`{}` → `{}`", f.wire_name, sf.wire_name));
            }
            f.wire_name = sf.wire_name.clone();
            f.inferred.insert("wire_name".into(), ev.clone());
        }
        if let Some(r) = sf.required {
            if !f.overridden.iter().any(|o| o == "required") {
                if f.required != r {
                    diags.warning(
                        &m.file,
                        m.line,
                        format!(
                            "field `{}` of model `{}`: the docs say {}, the SDK's code {} ({}); the SDK's is used",
                            f.name,
                            m.name,
                            if f.required { "required" } else { "optional" },
                            if r { "required" } else { "optional" },
                            sf.at
                        ),
                    );
                }
                f.required = r;
                f.inferred.insert("required".into(), ev.clone());
            }
        }
        if let Some(n) = sf.nullable {
            if !f.overridden.iter().any(|o| o == "nullable") && n && !f.nullable {
                f.nullable = true;
                f.inferred.insert("nullable".into(), ev.clone());
            }
        }
    }
    if !keys.is_empty() {
        let shown: Vec<&str> = keys.iter().take(4).map(String::as_str).collect();
        let more = if keys.len() > 4 { format!(" and {} more", keys.len() - 4) } else { String::new() };
        diags.warning(
            &m.file,
            m.line,
            format!(
                "model `{}`: {} JSON key(s) the docs write otherwise, {}{more} ({}); the SDK's are used",
                m.name,
                keys.len(),
                shown.join(", "),
                facts.file_label(&sm.at.file)
            ),
        );
    }
}

/// How many facts of an API came from the SDK's sources, by kind: (locations, wire names,
/// requiredness, JSON keys and other model facts).
pub fn counts(api: &Api) -> (usize, usize, usize, usize) {
    let mut c = (0, 0, 0, 0);
    for op in &api.operations {
        for p in &op.params {
            c.0 += p.inferred.get("location").is_some_and(|e| from_sdk(e)) as usize;
            c.1 += p.inferred.get("wire_name").is_some_and(|e| from_sdk(e)) as usize;
            c.2 += p.inferred.get("required").is_some_and(|e| from_sdk(e)) as usize;
        }
    }
    for m in &api.models {
        for f in &m.fields {
            c.3 += f.inferred.values().filter(|e| from_sdk(e)).count();
        }
    }
    c
}
