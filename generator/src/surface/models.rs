//! Models' Rust surface: each model's type name (collisions resolved once), which models
//! are typed and which are unions of others, which fields are boxed.

use crate::ident::{sanitize, Case};
use crate::ir::{Api, Field, Model, ModelKind, TypeRef};
use proc_macro2::Ident;
use quote::format_ident;
use std::collections::{BTreeMap, BTreeSet};

/// Prelude names the generated `models.rs` uses unqualified (`Option<String>`, `Vec<T>`):
/// a model must not shadow them there, so a model named `String` becomes `String_`.
pub const PRELUDE_TYPES: &[&str] = &["String", "Option", "Vec", "Box", "Result", "Some", "None", "Ok", "Err"];

/// Rust names for every model the API names (in operations, in known models' fields, or
/// documented): source name → identifier, collisions resolved deterministically.
pub fn model_idents(api: &Api, warn: super::Warn<'_>) -> BTreeMap<String, Ident> {
    let names = api.model_names();
    let mut out: BTreeMap<String, Ident> = BTreeMap::new();
    let mut used: BTreeMap<String, String> = BTreeMap::new();
    let builders = request_builder_names(api);
    for n in names {
        let mut id = sanitize(&n, Case::Pascal, PRELUDE_TYPES);
        // `models::` and `requests::` never share a name: a model named like a request
        // builder (`CheckRequest`, the builder of `check`) takes the suffix `Model`.
        // The rule is fixed (not a collision to report); the model's doc names its source.
        if builders.contains(&id) {
            id.push_str("Model");
        }
        if let Some(other) = used.get(&id) {
            let message = format!("models `{other}` and `{n}` both become `{id}`; the second is named `{id}_`");
            warn(match api.models.iter().find(|m| m.name == n) {
                Some(m) => super::Problem::at_model(m, message),
                None => super::Problem::api(message),
            });
            while used.contains_key(&id) {
                id.push('_');
            }
        }
        used.insert(id.clone(), n.clone());
        out.insert(n, format_ident!("{}", id));
    }
    out
}

/// The request builders' names (`<Operation>Request`), as `ops` names them.
pub fn request_builder_names(api: &Api) -> BTreeSet<String> {
    api.operations
        .iter()
        .map(|op| sanitize(&format!("{} request", crate::ir::unescape_python(&op.name)), Case::Pascal, &[]))
        .collect()
}

/// Whether a model renders as a typed struct or enum (rather than opaque JSON). An object
/// the docs give no fields for is opaque: 4.x documents enums that way (values lost), and
/// an empty struct would refuse the string such a server sends.
pub fn is_typed(api: &Api, name: &str) -> bool {
    api.models.iter().any(|m| {
        m.name == name
            && match m.kind {
                ModelKind::Object => !m.fields.is_empty(),
                ModelKind::Enum => {
                    !m.enum_values.is_empty() && !m.enum_values.iter().all(|v| v.parse::<f64>().is_ok())
                }
                ModelKind::OneOf | ModelKind::AnyOf => !m.fields.is_empty() || variants_typed(api, m),
            }
    })
}

/// Whether a model renders as an enum of its variants.
pub fn is_union(api: &Api, m: &Model) -> bool {
    matches!(m.kind, ModelKind::OneOf | ModelKind::AnyOf) && variants_typed(api, m)
}

/// A union whose every variant is a typed model of its own renders as an enum of them.
fn variants_typed(api: &Api, m: &Model) -> bool {
    !m.variants.is_empty()
        && m.variants.iter().all(|v| {
            v != &m.name
                && api.models.iter().any(|x| {
                    &x.name == v && matches!(x.kind, ModelKind::Object | ModelKind::Enum) && is_typed(api, v)
                })
        })
}

/// A required field whose requiredness or nullability is a guess (`required: 'guess: …'` or
/// `nullable: 'guess: …'` in `inferred`): it
/// decodes as an `Option`, `None` when the answer has `null` or leaves it out, and is still
/// always sent. The evidence, for its rustdoc.
pub fn null_guessed(f: &Field) -> Option<&str> {
    let guess = |fact: &str| f.inferred.get(fact).filter(|e| e.starts_with("guess:"));
    let e = guess("required").or_else(|| guess("nullable"))?;
    (f.required && !f.nullable && !f.read_only).then_some(e.as_str())
}

/// A field whose type the docs' spelling does not settle (`type: 'guess: …'` in `inferred`,
/// see `infer::models::ambiguous_type`): a date or date-time read as text, a string as any
/// JSON.
pub fn type_guessed(f: &Field) -> Option<TypeRef> {
    let e = f.inferred.get("type")?;
    if !e.starts_with("guess:") {
        return None;
    }
    match f.ty {
        TypeRef::Date | TypeRef::DateTime => Some(TypeRef::String),
        TypeRef::String => Some(TypeRef::Any),
        _ => None,
    }
}

/// The fields (model, field's model) that hold a model inline, not behind a `Vec` or map,
/// and close a cycle: the field's model contains the first one again the same way. Those
/// are boxed.
pub fn recursive_fields<'a>(api: &'a Api, idents: &BTreeMap<String, Ident>) -> BTreeSet<(&'a str, &'a str)> {
    let typed: BTreeMap<&str, &Model> = api
        .models
        .iter()
        .filter(|m| m.kind != ModelKind::Enum && idents.contains_key(&m.name) && is_typed(api, &m.name))
        .map(|m| (m.name.as_str(), m))
        .collect();
    let unions: BTreeSet<&str> =
        typed.values().filter(|m| is_union(api, m)).map(|m| m.name.as_str()).collect();
    let inline = |m: &'a Model| -> Vec<&'a str> {
        if unions.contains(m.name.as_str()) {
            return m.variants.iter().map(String::as_str).filter(|v| typed.contains_key(v)).collect();
        }
        m.fields
            .iter()
            .filter_map(|f| match &f.ty {
                TypeRef::Model(target) if typed.contains_key(target.as_str()) => Some(target.as_str()),
                _ => None,
            })
            .collect()
    };
    let reaches = |from: &'a str, to: &str| {
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(at) = stack.pop() {
            if at == to {
                return true;
            }
            if seen.insert(at) {
                stack.extend(typed.get(at).into_iter().flat_map(|m| inline(m)));
            }
        }
        false
    };
    let mut out = BTreeSet::new();
    for m in typed.values() {
        for target in inline(m) {
            if reaches(target, &m.name) {
                out.insert((m.name.as_str(), target));
            }
        }
    }
    out
}

/// An object model's fields with their Rust names, in doc order: each JSON key once (a
/// second field with the same key is left out), a name taken twice gets a further `_`;
/// both reported.
pub fn field_idents<'m>(m: &'m Model, warn: super::Warn<'_>) -> Vec<(&'m Field, Ident)> {
    let mut used: BTreeMap<String, String> = BTreeMap::new();
    let mut wires: BTreeMap<&str, &str> = BTreeMap::new();
    let mut out = Vec::new();
    for f in &m.fields {
        if let Some(other) = wires.get(f.wire_name.as_str()) {
            warn(super::Problem::at_model(
                m,
                format!(
                    "model `{}`: fields `{other}` and `{}` both have the JSON key `{}`; the second is left out",
                    m.name, f.name, f.wire_name
                ),
            ));
            continue;
        }
        wires.insert(&f.wire_name, &f.name);
        let mut name = super::field_name(f);
        if let Some(other) = used.get(&name) {
            warn(super::Problem::at_model(
                m,
                format!("model `{}`: fields `{other}` and `{}` both become `{name}`; the second is named `{name}_`", m.name, f.name),
            ));
            while used.contains_key(&name) {
                name.push('_');
            }
        }
        used.insert(name.clone(), f.name.clone());
        out.push((f, format_ident!("{}", name)));
    }
    out
}

/// An enum model's values with their variant names, in doc order: each value once, `Other`
/// reserved (the variant for values the docs do not list), a name taken twice gets a
/// further `_`; both reported.
pub fn enum_variants<'m>(m: &'m Model, warn: super::Warn<'_>) -> Vec<(&'m str, Ident)> {
    let mut used: BTreeMap<String, String> = BTreeMap::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::new();
    for v in &m.enum_values {
        if !seen.insert(v) {
            warn(super::Problem::at_model(m, format!("enum `{}`: the value `{v}` is listed twice; it is kept once", m.name)));
            continue;
        }
        let mut name = sanitize(v, Case::Pascal, &["Other"]);
        if let Some(other) = used.get(&name) {
            warn(super::Problem::at_model(
                m,
                format!("enum `{}`: values `{other}` and `{v}` both become `{name}`; the second is named `{name}_`", m.name),
            ));
            while used.contains_key(&name) {
                name.push('_');
            }
        }
        used.insert(name.clone(), v.clone());
        out.push((v.as_str(), format_ident!("{}", name)));
    }
    out
}
