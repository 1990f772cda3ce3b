//! Models: model docs and JSON examples → IR models, their JSON keys, union variants.

// ---------------------------------------------------------------------------------------
// What model docs do not say: which models are unions of others, and JSON keys.

use crate::ir::{Api, Discriminator, ModelKind};
use std::collections::{BTreeMap, BTreeSet};

/// Finds the `oneOf`/`anyOf` models among documented objects, and marks models the docs
/// give no properties for.
///
/// openapi-generator documents a `oneOf`/`anyOf` model by listing every variant's fields
/// (7.x keeps each variant's required marks, 5.x/6.x make them all optional) and never says
/// it is a union. A model whose fields are exactly the fields of two or more other
/// documented models together, each of them a strict part of it with a required field no
/// other has, is taken to be one of them (unless one of them is `<Model>AllOf`, 5.x/6.x's name for an `allOf` model's inline
/// part: then the struct of all fields is right). A property every variant has with a different constant (`defaults to "card"`) is its
/// discriminator. The docs cannot tell `oneOf` from `anyOf` (or from an `allOf` of named
/// models only); the model decodes as the first variant that fits, which reads all three.
pub fn infer_variants(api: &mut Api) {
    let objects: BTreeMap<String, BTreeMap<String, &crate::ir::Field>> = api
        .models
        .iter()
        .filter(|m| m.kind == ModelKind::Object && !m.fields.is_empty())
        .map(|m| (m.name.clone(), m.fields.iter().map(|f| (f.name.clone(), f)).collect()))
        .collect();
    let mut found: BTreeMap<String, (Vec<String>, Option<Discriminator>, String)> = BTreeMap::new();
    let mut partial: BTreeMap<String, (Vec<String>, String)> = BTreeMap::new();
    for (name, fields) in &objects {
        if fields.len() < 2 {
            continue;
        }
        // Models whose every key the union lists. A one-field model is too little evidence of
        // a variant (`Create` = `Update` + `name`).
        let parts: Vec<&String> = objects
            .iter()
            .filter(|(n, vf)| *n != name && vf.len() >= 2 && vf.len() < fields.len() && vf.keys().all(|k| fields.contains_key(k)))
            .map(|(n, _)| n)
            .collect();
        // Each key typed as the union lists it; a key several parts share may differ in one of
        // them (the union's doc shows a shared key once, typed as one variant has it).
        let mut cands: Vec<&String> = parts
            .iter()
            .copied()
            .filter(|n| {
                objects[*n].iter().all(|(k, f)| {
                    let listed = &fields[k].ty;
                    *listed == f.ty || parts.iter().any(|o| o != n && objects[*o].get(k).is_some_and(|g| g.ty == *listed))
                })
            })
            .collect();
        // A candidate that is part of another candidate is not a variant of its own.
        let keys = |n: &String| objects[n].keys().cloned().collect::<BTreeSet<String>>();
        let all = cands.clone();
        cands.retain(|c| {
            let kc = keys(c);
            !all.iter().any(|o| o != c && { let ko = keys(o); kc.is_subset(&ko) && (kc != ko || o < c) })
        });
        // 5.x/6.x document an `allOf` model's inline part as `<Model>AllOf`: the parts
        // are merged, which the struct of all fields already is.
        let all_of = format!("{name}AllOf");
        if cands.len() < 2 || cands.iter().any(|c| **c == all_of) {
            continue;
        }
        // Each variant has a required field no other variant has: what tells them apart
        // (models that merely share optional fields are no union).
        let required_keys = |n: &String| {
            objects[n].iter().filter(|(_, f)| f.required && !f.read_only).map(|(k, _)| k.clone()).collect::<BTreeSet<String>>()
        };
        let distinct = cands.iter().all(|c| {
            let own = required_keys(c);
            own.iter().any(|k| cands.iter().all(|o| o == c || !objects[*o].contains_key(k)))
        });
        let union: BTreeSet<String> = cands.iter().flat_map(|c| keys(c)).collect();
        if !distinct || union != fields.keys().cloned().collect::<BTreeSet<String>>() {
            // Parts the docs do not settle as variants (or as the parts of an `allOf`): a
            // field not required by every one of them may be left out.
            let unsettled: Vec<String> = fields
                .iter()
                .filter(|(k, f)| f.required && !cands.iter().all(|c| objects[*c].get(*k).is_some_and(|g| g.required)))
                .map(|(k, _)| k.clone())
                .collect();
            if !unsettled.is_empty() {
                let list = cands.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
                partial.insert(name.clone(), (unsettled, list));
            }
            continue;
        }
        // Stricter variants first: an untagged decoder takes the first that fits.
        let required = |n: &String| objects[n].values().filter(|f| f.required && !f.read_only).count();
        cands.sort_by(|a, b| required(b).cmp(&required(a)).then(a.cmp(b)));
        let variants: Vec<String> = cands.iter().map(|c| (*c).clone()).collect();
        // A discriminator: a property of every variant, each with its own constant.
        let mut disc = None;
        let shared: Vec<&String> = objects[&variants[0]].keys().filter(|k| variants.iter().all(|v| objects[v].contains_key(*k))).collect();
        for k in shared {
            let consts: Vec<Option<String>> = variants
                .iter()
                .map(|v| {
                    let f = objects[v][k];
                    match (&f.default, f.ty == TypeRef::String) {
                        (Some(d), true) => Some(d.clone()),
                        _ => None,
                    }
                })
                .collect();
            if consts.iter().all(Option::is_some) {
                let mapping: BTreeMap<String, String> =
                    consts.into_iter().flatten().zip(variants.iter().cloned()).collect();
                if mapping.len() == variants.len() {
                    disc = Some(Discriminator { property: objects[&variants[0]][k].wire_name.clone(), mapping });
                    break;
                }
            }
        }
        let list = variants.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
        let mut evidence = format!(
            "its fields are exactly those of {list} together; the docs do not tell oneOf from anyOf, so a value decodes as the first variant that fits"
        );
        if let Some(d) = &disc {
            evidence.push_str(&format!("; `{}` holds each variant's own constant", d.property));
        }
        found.insert(name.clone(), (variants, disc, evidence));
    }
    for m in &mut api.models {
        if let Some((unsettled, list)) = partial.remove(&m.name) {
            for f in m.fields.iter_mut().filter(|f| unsettled.contains(&f.name)) {
                f.inferred.insert(
                    "required".into(),
                    format!("guess: the model lists the fields of {list} together, which the docs do not settle as a union's variants or an allOf's parts, and not all of them require it"),
                );
            }
        }
        if let Some((variants, disc, evidence)) = found.remove(&m.name) {
            m.kind = ModelKind::OneOf;
            m.variants = variants;
            if let Some(d) = &disc {
                m.inferred.insert("discriminator".into(), format!("`{}`: a constant of every variant (`defaults to`)", d.property));
            }
            m.discriminator = disc;
            m.inferred.insert("kind".into(), evidence);
        } else if m.kind == ModelKind::Object && m.fields.is_empty() && !m.inferred.contains_key("fields") {
            m.inferred.insert(
                "kind".into(),
                "the docs list no properties: an enum whose values the docs lost (4.x) or a free-form object; any JSON value"
                    .into(),
            );
        }
    }
}


use crate::doc::DocModel;
use crate::doc::langs::ModelNames;
use crate::diag::Diagnostics;
use crate::ir::TypeRef;
use super::naming::{fold, is_python_attribute, unescape_python, Convention};
use crate::ir::{Evidence, Location};
use crate::ir::{Field, Model};

/// Names the docs spell otherwise than a Python attribute, folded (`computeduserset`) →
/// the spellings (`computedUserset`) with their evidence: words of the docs' prose (model,
/// field, operation and parameter descriptions) in camelCase (and in snake_case, for docs
/// that do not write snake_case names themselves) and keys of any JSON example, *weak* (a
/// name the docs spell both ways decides nothing).
fn spellings(api: &Api, docs: &[DocModel], style: ModelNames) -> BTreeMap<String, BTreeMap<String, String>> {
    let snake_docs = style == ModelNames::Snake;
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut prose: Vec<&str> = Vec::new();
    for d in docs {
        prose.push(&d.description);
        prose.extend(d.fields.iter().map(|f| f.description.as_str()));
    }
    for op in &api.operations {
        prose.push(&op.summary);
        prose.push(&op.description);
        prose.extend(op.params.iter().map(|p| p.description.as_str()));
    }
    for text in prose {
        for word in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            let camel = word.chars().next().is_some_and(char::is_lowercase) && word.chars().any(char::is_uppercase) && !word.contains('_');
            // snake_case too, for the docs of languages that show keys in camelCase
            // (`physical_address` in the prose of Java's `physicalAddress`).
            let snake = !snake_docs && word.contains('_') && super::naming::is_python_attribute(word) && word.trim_matches('_') == word;
            if (camel || snake) && word.len() > 3 {
                out.entry(fold(word)).or_default().entry(word.to_string()).or_insert(format!("weak: spelled `{word}` in the docs' prose"));
            }
        }
    }
    fn keys(v: &serde_json::Value, out: &mut BTreeMap<String, BTreeMap<String, String>>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, v) in o {
                    out.entry(fold(k))
                        .or_default()
                        .entry(k.clone())
                        .or_insert(format!("weak: written `{k}` as a key of the docs' JSON examples"));
                    keys(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    for p in api.operations.iter().flat_map(|op| &op.params) {
        if let Some(v) = &p.example {
            keys(v, &mut out);
        }
    }
    out
}

/// How this doc set's model docs write keys: its language's way ([`model_names`]), unless
/// its multi-word names show another. Generators let a user choose (PHP's
/// `variableNamingConvention`, `modelPropertyNaming`): names of one case only are that
/// case's conversion; names of both cases are the keys as sent (no conversion mixes them).
fn doc_set_model_names(docs: &[DocModel], language: &str) -> ModelNames {
    let default = crate::doc::langs::model_names(language);
    if default == ModelNames::Pascal {
        return default;
    }
    let (mut camel, mut snake) = (false, false);
    for f in docs.iter().flat_map(|d| &d.fields) {
        let name = super::naming::unescape_symbols(&f.name, language);
        match super::naming::classify(unescape_python(&name)) {
            super::naming::Case::Camel => camel = true,
            super::naming::Case::Snake => snake = true,
            _ => {}
        }
    }
    match (camel, snake) {
        (true, true) => ModelNames::AsSent,
        (true, false) if default == ModelNames::Snake => ModelNames::Camel,
        (false, true) if default == ModelNames::Camel => ModelNames::Snake,
        _ => default,
    }
}

/// A model property's JSON key. The docs' name is the key as the language names properties
/// ([`ModelNames`]): a name that case cannot produce is the key as sent (`_links`, `@type`,
/// `expiryMonth` in Python docs); otherwise, strongest evidence first, a key of a JSON
/// example, a spelling of the docs' prose, the API's convention; else the name, a guess
/// where it has several words. C# and Go capitalize every property: their `Id` is `id`.
fn model_key(bare: &str, style: ModelNames, example_keys: Option<&[String]>, spelled: &BTreeMap<String, BTreeMap<String, String>>, conv: &Convention, inferred: &mut Evidence) -> String {
    // A keyword escaped with a leading `_` (Swift's `_internal`, JavaScript's `_number`);
    // Python's escapes are undone already, and a `_` before another word is the key's.
    let bare = match bare.strip_prefix('_') {
        Some(rest) if style != ModelNames::Snake && super::naming::RESERVED_WORDS.contains(&rest.to_ascii_lowercase().as_str()) => rest,
        _ => bare,
    };
    let alnum = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
    let (converted, name) = match style {
        ModelNames::Snake => (is_python_attribute(bare), bare.to_string()),
        ModelNames::Camel => (alnum(bare) && bare.starts_with(|c: char| c.is_ascii_lowercase()), bare.to_string()),
        ModelNames::Pascal if alnum(bare) && bare.starts_with(|c: char| c.is_ascii_uppercase()) => {
            (true, format!("{}{}", bare[..1].to_ascii_lowercase(), &bare[1..]))
        }
        ModelNames::Pascal => (false, bare.to_string()),
        ModelNames::AsSent => (false, bare.to_string()),
        ModelNames::Unknown => (true, bare.to_string()),
    };
    if let Some(k) = example_keys.and_then(|ks| ks.iter().find(|k| fold(k) == fold(bare))) {
        inferred.insert("wire_name".into(), format!("key `{k}` of the doc's JSON example"));
        return k.clone();
    }
    // A key the docs write as sent is kept as written.
    if !converted {
        return bare.to_string();
    }
    // Spelled otherwise, and one way only, in the docs' prose or as a key of their JSON
    // examples (`computedUserset` for `computed_userset`).
    if let Some(one) = spelled.get(&fold(&name)).filter(|s| s.len() == 1 && !s.contains_key(&name)) {
        let (k, from) = one.iter().next().map(|(k, e)| (k.clone(), e.clone())).unwrap_or_default();
        inferred.insert("wire_name".into(), from);
        return k;
    }
    let w = super::naming::json_wire(&name, conv, inferred);
    // A one-word key is taken as the docs write it in every language (`status` in Python,
    // Java, …); C# and Go capitalize it, so it is their name with a lower-case initial, as
    // certain as the others (an API of capitalized keys shows them capitalized in none).
    if style == ModelNames::Pascal && !inferred.contains_key("wire_name") {
        inferred.insert(
            "wire_name".into(),
            format!("{} docs capitalize every property: `{bare}` is the key `{w}`", if conv.language == "go" { "Go" } else { "C#" }),
        );
    }
    w
}

/// The evidence of a required field's nullability where the docs never state any: the
/// renderer reads such a field leniently (absent or `null` is `None`).
pub const NULL_GUESS: &str =
    "guess: these docs mark no field nullable (`none_type`, `Optional[…]`, `nullable`): their template never says";

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
    // Whether the docs state nullability: a doc set that marks no field nullable (`none_type`,
    // `Optional[…]`, `nullable`) is one whose template never says it (7.x python), so a
    // required field's `null` is a guess either way.
    let states_nullability = docs.iter().flat_map(|d| &d.fields).any(|f| f.nullable);
    let style = doc_set_model_names(docs, conv.language);
    let spelled = spellings(api, docs, style);
    let wrappers = list_wrappers(docs);
    for d in docs {
        if wrappers.contains_key(&d.name) {
            continue;
        }
        if api.models.iter().any(|m| m.name == d.name) {
            diags.error(&d.file, d.line, format!("model `{}` is documented twice", d.name));
            continue;
        }
        let mut model = Model {
            description: d.description.clone(),
            enum_values: d.enum_values.clone(),
            file: d.file.clone(),
            line: d.line,
            ..Model::new(d.name.clone(), if d.is_enum { ModelKind::Enum } else { ModelKind::Object }, Vec::new())
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
            let symbols = super::naming::unescape_symbols(&f.name, conv.language);
            let bare = unescape_python(&symbols);
            let mut inferred = Evidence::new();
            let wire_name = model_key(bare, style, keys.map(Vec::as_slice), &spelled, conv, &mut inferred);
            let mut ty = f.ty.clone();
            if !f.enum_values.is_empty() && ty == TypeRef::String {
                inferred.insert("enum_values".into(), "inline enum listed in the notes".into());
            }
            if let TypeRef::Model(m) = &ty {
                if m.is_empty() {
                    // A link to no doc (`[**kotlin.Long**](.md)`, swagger-codegen Kotlin): the
                    // type the text spells.
                    let text = f.doc_type.trim().trim_matches('*');
                    ty = crate::doc::types::type_from_cell(conv.language, text, None)
                        .ok()
                        .map(|(t, _)| t)
                        .filter(|t| !matches!(t, TypeRef::Model(m) if m.is_empty()))
                        .unwrap_or(TypeRef::String);
                }
            }
            // A link to no doc (`[**kotlin.Long**](.md)`, swagger-codegen Kotlin) was read
            // as text: the spelled type, where it is another.
            if ty == TypeRef::String {
                let text = f.doc_type.trim().trim_matches('*');
                if let Ok((t, _)) = crate::doc::types::type_from_cell(conv.language, text, None) {
                    if !matches!(t, TypeRef::String | TypeRef::Model(_) | TypeRef::Any) {
                        inferred.insert("type".into(), format!("spelled `{text}`, though linked to no doc"));
                        ty = t;
                    }
                }
            }
            if let Some(why) = ambiguous_type(conv.language, &f.doc_type, &ty) {
                inferred.entry("type".into()).or_insert(why);
            }
            // The Rust name derives from the neutral name; the wire name's inference above
            // keeps reading the doc's name as before.
            if !states_nullability && f.required && !f.nullable && !f.read_only {
                inferred.insert("nullable".into(), NULL_GUESS.into());
            }
            let neutral = super::naming::unescape(&f.name, conv.language);
            let neutral_name = (neutral != f.name || unescape_python(&f.name) != f.name).then(|| neutral.to_string());
            model.fields.push(Field {
                name: f.name.clone(),
                neutral_name,
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
    unwrap_lists(api, &wrappers);
}

/// python-prior's "simple" models that wrap a list: one property `value`, required, a list,
/// described as the model is (`JsonApiUserToManyLinkage`: `value` | `[JsonApiUserLinkage]`).
/// The JSON is the bare list: model name → the list's type.
fn list_wrappers(docs: &[DocModel]) -> BTreeMap<String, TypeRef> {
    docs.iter()
        .filter(|d| !d.is_enum && d.fields.len() == 1)
        .filter(|d| {
            let f = &d.fields[0];
            f.name == "value" && f.required && matches!(f.ty, TypeRef::List(_)) && !fold(&d.description).is_empty() && fold(&f.description) == fold(&d.description)
        })
        .map(|d| (d.name.clone(), d.fields[0].ty.clone()))
        .collect()
}

/// Every type naming a list wrapper ([`list_wrappers`]) becomes the list it wraps, with the
/// evidence where it is a parameter's or a field's.
fn unwrap_lists(api: &mut Api, wrappers: &BTreeMap<String, TypeRef>) {
    if wrappers.is_empty() {
        return;
    }
    fn unwrap(ty: &mut TypeRef, wrappers: &BTreeMap<String, TypeRef>) -> Option<String> {
        match ty {
            TypeRef::Model(m) => {
                let name = m.clone();
                *ty = wrappers.get(&name)?.clone();
                Some(name)
            }
            TypeRef::List(t) | TypeRef::Map(t) => unwrap(t, wrappers),
            _ => None,
        }
    }
    let why = |m: &str| format!("`{m}` wraps a list (its one property `value`, described as the model is): the list itself is sent");
    for op in &mut api.operations {
        for p in &mut op.params {
            if let Some(m) = unwrap(&mut p.ty, wrappers) {
                p.inferred.insert("type".into(), why(&m));
            }
        }
        if let Some(t) = &mut op.response {
            unwrap(t, wrappers);
        }
    }
    for model in &mut api.models {
        for f in &mut model.fields {
            if let Some(m) = unwrap(&mut f.ty, wrappers) {
                f.inferred.insert("type".into(), why(&m));
            }
        }
    }
}

/// A field type the docs' spelling does not settle: a date-time spelled as the language
/// spells dates too (`Date` in Swift and JavaScript, `\DateTime` in PHP, `DateTime` in Dart,
/// C# and Perl, Java's old `Date`), or R's `character`, which R docs write for strings and
/// booleans alike. The renderer reads such a field as text (a date) or as any JSON (R).
pub fn ambiguous_type(language: &str, doc_type: &str, ty: &TypeRef) -> Option<String> {
    let spelled = doc_type.trim().trim_matches('*').trim();
    // (C#'s nullable `DateTime?` too.)
    let last = spelled.rsplit(['\\', '.', ':']).next().unwrap_or(spelled).trim_end_matches('?');
    match ty {
        TypeRef::DateTime if matches!(last, "Date" | "DateTime" | "Time") => Some(format!(
            "guess: `{spelled}` spells both a date and a date-time in these docs; read as text, as the server sends it"
        )),
        TypeRef::String if language == "r" && spelled == "character" => Some(
            "guess: R docs write `character` for strings and booleans alike; read as any JSON".to_string(),
        ),
        _ => None,
    }
}

/// A parameter the doc types with an enum's name but links to no doc (`[**Priority**](.md)`,
/// read as a string) is that enum when the doc set has its model doc: it gets the enum's
/// type, with the evidence.
pub fn enum_params_from_models(api: &mut Api) {
    let enums: Vec<String> = api.models.iter().filter(|m| m.kind == ModelKind::Enum).map(|m| m.name.clone()).collect();
    for op in &mut api.operations {
        for p in &mut op.params {
            if p.ty != TypeRef::String || p.location == Location::Body {
                continue;
            }
            let spelled = p.doc_type.trim().trim_matches('*').trim();
            let last = spelled.rsplit(['\\', '.', ':']).next().unwrap_or(spelled);
            if let Some(name) = enums.iter().find(|e| e.as_str() == last) {
                p.ty = TypeRef::Model(name.clone());
                p.inferred.insert("type".into(), format!("`{spelled}` is the enum of model doc `{name}`"));
            }
        }
    }
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

pub(crate) fn example_model(name: &str, obj: &serde_json::Map<String, serde_json::Value>, evidence: &str, out: &mut Vec<Model>) {
    let mut fields = Vec::new();
    for (key, value) in obj {
        let ty = example_type(name, key, value, evidence, out);
        let mut inferred = Evidence::new();
        inferred.insert("type".into(), format!("value `{}` in the {evidence}", short_json(value)));
        fields.push(Field {
            neutral_name: None,
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
            inferred,
            ..Model::new(name, ModelKind::Object, fields)
        });
    }
}

pub(crate) fn short_json(v: &serde_json::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

pub(crate) fn example_type(parent: &str, key: &str, v: &serde_json::Value, evidence: &str, out: &mut Vec<Model>) -> TypeRef {
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
    use super::is_python_attribute;
    use crate::diag::Diagnostics;
    use crate::doc::{DocApi, DocField, DocModel};
    use crate::ir::{Api, TypeRef};

    /// One model doc of `language` with these (name, description) properties: each field's
    /// key and its evidence.
    fn keys(language: &'static str, fields: &[(&str, &str)]) -> Vec<(String, String)> {
        let doc = DocModel {
            name: "Thing".into(),
            file: "Thing.md".into(),
            line: 1,
            description: String::new(),
            fields: fields
                .iter()
                .map(|(n, d)| DocField {
                    name: n.to_string(),
                    line: 1,
                    doc_type: "String".into(),
                    ty: TypeRef::String,
                    description: d.to_string(),
                    required: false,
                    read_only: false,
                    nullable: true,
                    default: None,
                    enum_values: Vec::new(),
                })
                .collect(),
            enum_values: Vec::new(),
            is_enum: false,
        };
        let conv = super::super::convention(&DocApi { language, ..DocApi::default() });
        let mut api = Api { provider: "p".into(), title: "T".into(), ..Api::default() };
        super::add_models(&mut api, &[doc], &conv, &mut Diagnostics::default());
        api.models[0].fields.iter().map(|f| (f.wire_name.clone(), f.inferred.get("wire_name").cloned().unwrap_or_default())).collect()
    }

    /// python-prior's model wrapping a list (one required list `value`, described as the
    /// model is) is the bare list wherever it is used; an object with a `value` is not.
    #[test]
    fn a_model_wrapping_a_list_is_the_list() {
        let field = |name: &str, ty: TypeRef, description: &str, required: bool| DocField {
            name: name.into(),
            line: 1,
            doc_type: String::new(),
            ty,
            description: description.into(),
            required,
            read_only: false,
            nullable: false,
            default: None,
            enum_values: Vec::new(),
        };
        let model = |name: &str, description: &str, fields: Vec<DocField>| DocModel {
            name: name.into(),
            file: format!("{name}.md"),
            line: 1,
            description: description.into(),
            fields,
            enum_values: Vec::new(),
            is_enum: false,
        };
        let linkage = TypeRef::List(Box::new(TypeRef::Model("UserLinkage".into())));
        let docs = vec![
            model("UserToManyLinkage", "References to other resource objects.", vec![field("value", linkage.clone(), "References to other resource objects.", true)]),
            model("Relationships", "", vec![field("users", TypeRef::Model("UserToManyLinkage".into()), "", true)]),
            // Not wrappers: an optional `value`, a `value` described otherwise.
            model("Sample", "A sample.", vec![field("value", linkage.clone(), "A sample.", false)]),
            model("Measure", "A measure.", vec![field("value", linkage.clone(), "Its readings.", true)]),
        ];
        let conv = super::super::convention(&DocApi { language: "python", ..DocApi::default() });
        let mut api = Api { provider: "p".into(), title: "T".into(), ..Api::default() };
        super::add_models(&mut api, &docs, &conv, &mut Diagnostics::default());
        let names: Vec<&str> = api.models.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Measure", "Relationships", "Sample"]);
        let users = &api.models[1].fields[0];
        assert_eq!(users.ty, linkage);
        assert!(users.inferred["type"].starts_with("`UserToManyLinkage` wraps a list"), "{:?}", users.inferred);
        assert_eq!(api.models[0].fields[0].wire_name, "value");
    }

    /// A language's model docs show keys converted to its own case: a name that case can
    /// produce says nothing sure of the key; the prose may; C# and Go capitalize them all.
    #[test]
    fn model_keys_are_read_through_the_languages_case() {
        // Java camelCases keys: `physicalAddress` may be `physical_address`, which the prose spells.
        let k = keys("java", &[("physicalAddress", "The address."), ("expiry", "If set, physical_address expires."), ("sizeBytes", "")]);
        assert_eq!(k[0], ("physical_address".into(), "weak: spelled `physical_address` in the docs' prose".into()));
        assert_eq!(k[1], ("expiry".into(), String::new()));
        assert_eq!(k[2].0, "sizeBytes");
        assert!(k[2].1.starts_with("guess:"), "{:?}", k[2]);
        // C#'s `AuthorName` is not the key `AuthorName`; `Id` is taken to be `id`, weakly.
        let k = keys("csharp", &[("Id", ""), ("AuthorName", "")]);
        assert_eq!(k[0], ("id".into(), "C# docs capitalize every property: `Id` is the key `id`".into()));
        assert_eq!(k[1].0, "authorName");
        assert!(k[1].1.starts_with("guess:"), "{:?}", k[1]);
        // PHP configured to camelCase (no snake_case name at all): converted names too.
        let k = keys("php", &[("externalId", ""), ("state", "")]);
        assert_eq!(k[0].0, "externalId");
        assert!(k[0].1.starts_with("guess:"), "{:?}", k[0]);
        // Names of both cases: no conversion mixes them, so they are the keys as sent.
        let k = keys("php", &[("externalId", ""), ("created_at", "")]);
        assert_eq!(k, [("externalId".into(), String::new()), ("created_at".into(), String::new())]);
        // Python keeps a name it could not have written (`expiryMonth`, `_links`) as sent;
        // beside snake_case names alone, the generator showed them all as sent.
        let k = keys("python", &[("_links", ""), ("card_holder", "")]);
        assert_eq!(k[0], ("_links".into(), String::new()));
        assert!(k[1].1.starts_with("guess:"), "{:?}", k[1]);
        let k = keys("python", &[("expiryMonth", ""), ("card_holder", "")]);
        assert_eq!(k, [("expiryMonth".into(), String::new()), ("card_holder".into(), String::new())]);
        // Dart's keyword escape `class_` is no snake_case name.
        let k = keys("dart", &[("class_", ""), ("userCode", "")]);
        assert_eq!(k[0].0, "class");
        assert!(k[1].1.starts_with("guess:"), "{:?}", k[1]);
    }

    #[test]
    fn python_attributes_and_keys_as_sent() {
        for a in ["expiry_month", "name", "a2b"] {
            assert!(is_python_attribute(a), "{a}");
        }
        for k in ["_links", "$ref", "@type", "retry-count", "3ds", "expiryMonth", "ID", "a__b", "x_"] {
            assert!(!is_python_attribute(k), "{k}");
        }
    }
}
