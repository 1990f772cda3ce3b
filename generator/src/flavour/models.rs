//! Model docs (`<Model>.md`): the property table, `## Enum` sections and 5.x
//! `must be one of` notes, read into a [`DocModel`].

use super::python::{header_is, heading, parse_notes, split_top, token_end, type_from_cell};
use super::{DocField, DocModel};
use crate::diag::Diagnostics;
use crate::ir::TypeRef;
use crate::prose::{decode_entities, html_to_markdown};
use crate::read::{Block, BlockKind, Cell, Row};

fn is_method_table(b: &Block) -> bool {
    matches!(&b.kind, BlockKind::Table { rows } if rows.first().is_some_and(|r| header_is(r, "Method", "HTTP request")))
}

/// `bool, date, datetime, dict, float, int, list, str, none_type` (5.x any type), `str, none_type`
/// (5.x nullable): the type and whether `None` is allowed.
fn field_type(text: &str, link: Option<&str>) -> Result<(TypeRef, bool, bool), String> {
    let t = text.trim().trim_matches('*').trim();
    let parts: Vec<&str> = split_top(t, ',').into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 {
        let nullable = parts.contains(&"none_type");
        let rest: Vec<&str> = parts.iter().copied().filter(|p| *p != "none_type").collect();
        if rest.len() == 1 {
            let (ty, e) = type_from_cell(rest[0], link)?;
            return Ok((ty, nullable, e));
        }
        return Ok((TypeRef::Any, nullable, false));
    }
    let nullable = t.starts_with("Optional[");
    let (ty, e) = type_from_cell(t, link)?;
    Ok((ty, nullable, e))
}

/// `must be one of ["a", "b", ]` (5.x).
fn must_be_one_of(notes: &str) -> Vec<String> {
    let Some(pos) = notes.find("must be one of") else { return Vec::new() };
    let rest = &notes[pos..];
    let (Some(open), Some(close)) = (rest.find('['), rest.rfind(']')) else { return Vec::new() };
    if close <= open {
        return Vec::new();
    }
    rest[open + 1..close]
        .split(',')
        .map(|v| v.trim().trim_matches('"').trim_matches('\'').to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// One `## Enum` item: `` `PENDING` (value: `'pending'`) `` → `pending`.
fn enum_item(t: &str) -> Option<String> {
    let t = t.trim().trim_start_matches(['*', '-']).trim();
    if t.is_empty() {
        return None;
    }
    let value = match t.find("value:") {
        Some(p) => t[p + 6..].trim().trim_end_matches(')').trim().trim_matches('`'),
        None => t.trim_matches('`'),
    };
    let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
    let value = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')).unwrap_or(value);
    Some(value.to_string())
}

/// Enum values a description states: ``Allowed values: `a`, `b` `` / `One of: a, b, c.` /
/// `Possible values: "a", "b"`.
pub(crate) fn values_in_description(desc: &str) -> Vec<String> {
    let lower = desc.to_ascii_lowercase();
    let markers = ["allowed values:", "possible values:", "valid values:", "one of:", "enum:", "values are:", "allowed values are"];
    let Some((pos, len)) = markers.iter().find_map(|m| lower.find(m).map(|p| (p, m.len()))) else { return Vec::new() };
    let rest = &desc[pos + len..];
    let rest = rest.split(['\n', '.']).next().unwrap_or("");
    let values: Vec<String> = rest
        .split([',', '|', ';'])
        .flat_map(|v| v.split(" or "))
        .map(|v| v.trim().trim_matches(['`', '"', '\'', '[', ']', ' ']).to_string())
        .filter(|v| !v.is_empty())
        .collect();
    let plain = |v: &String| v.len() <= 40 && v.chars().all(|c| c.is_alphanumeric() || "_-:/.".contains(c));
    if values.len() >= 2 && values.iter().all(plain) {
        values
    } else {
        Vec::new()
    }
}

/// 6.x dynamic-schema input types (`str, `, `decimal.Decimal, int, `, `dict, frozendict.frozendict, `,
/// `[**Pet**](Pet.md)`): the type and whether `None` is allowed.
fn dynamic_type(text: &str, link: Option<&str>) -> (TypeRef, bool) {
    let t = text.trim().trim_matches('*').trim();
    if let Some(target) = link {
        let name = target.trim_end_matches(".md").rsplit('/').next().unwrap_or("");
        if crate::ir::is_model_name(name) {
            return (TypeRef::Model(name.to_string()), false);
        }
    }
    let parts: Vec<&str> = t.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    let nullable = parts.iter().any(|p| *p == "None" || *p == "NoneClass");
    let kinds: Vec<&str> = parts.iter().copied().filter(|p| *p != "None" && *p != "NoneClass").collect();
    let ty = match kinds.as_slice() {
        ["str"] | ["str", "uuid.UUID"] => TypeRef::String,
        ["str", "date"] => TypeRef::Date,
        ["str", "datetime"] => TypeRef::DateTime,
        ["bool"] => TypeRef::Boolean,
        ["decimal.Decimal", "int"] => TypeRef::Integer,
        ["decimal.Decimal", "int", "float"] | ["decimal.Decimal", "float", "int"] | ["float"] => TypeRef::Number,
        ["list", "tuple"] => TypeRef::List(Box::new(TypeRef::Any)),
        ["bytes", "io.FileIO", "io.BufferedReader"] => TypeRef::Binary,
        _ => TypeRef::Any,
    };
    (ty, nullable)
}

/// A 6.x dynamic-schema `Dictionary Keys` row: `**key** | input type | accessed type | description | notes`.
fn read_dynamic_field(row: &Row) -> Option<DocField> {
    let cells = &row.cells;
    if cells.len() < 3 {
        return None;
    }
    let name = cells[0].text.trim().trim_matches('*').trim().to_string();
    let n = cells.len();
    let notes = if n >= 5 { decode_entities(&cells[n - 1].text) } else { String::new() };
    let description = if n >= 5 { cells[3].raw.trim().to_string() } else { String::new() };
    let (ty, nullable) = dynamic_type(&cells[1].text, cells[1].link.as_deref());
    let parsed = parse_notes(&notes);
    Some(DocField {
        name,
        line: row.line,
        doc_type: cells[1].text.trim().to_string(),
        ty,
        description: html_to_markdown(&description),
        required: !parsed.optional,
        read_only: notes.contains("[readonly]"),
        nullable,
        default: parsed.default,
        enum_values: must_be_one_of(&notes),
    })
}

pub(super) fn extract_model(blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Option<DocModel> {
    if blocks.iter().any(is_method_table) {
        return None;
    }
    let (pos, name) = blocks.iter().enumerate().find_map(|(i, b)| match heading(b) {
        // PHP 6.x writes `# # Book`.
        Some((1, t)) => Some((i, t.trim_start_matches(['#', ' ']).trim_matches('*').trim().to_string())),
        _ => None,
    })?;
    // 6.x dynamic-schema docs title a model with its module path (`metal.types.address.Address`).
    // Ruby and others prefix the module (`CatalogApiClient::Tag`).
    let name = match name.rsplit_once("::") {
        Some((_, last)) if crate::ir::is_model_name(last) => last.to_string(),
        _ => name,
    };
    let name = match name.rsplit_once('.') {
        Some((module, last)) if !module.contains(' ') && crate::ir::is_model_name(last) => last.to_string(),
        _ => name,
    };
    if !crate::ir::is_model_name(&name) {
        return None;
    }
    let mut model = DocModel {
        name,
        file: file.to_string(),
        line: blocks[pos].line,
        description: String::new(),
        fields: Vec::new(),
        enum_values: Vec::new(),
        is_enum: false,
    };
    let mut section = "";
    let mut desc = Vec::new();
    // 6.x dynamic schema: the model's own type (`str, ` and `must be one of` for an enum).
    let mut type_info: Option<(String, String)> = None;
    for b in &blocks[pos + 1..] {
        if let Some((_, t)) = heading(b) {
            section = match t.to_ascii_lowercase().as_str() {
                "properties" => "properties",
                "enum" => "enum",
                "model type info" => "type info",
                "dictionary keys" => "keys",
                _ => "other",
            };
            if section == "enum" {
                model.is_enum = true;
            }
            continue;
        }
        match (section, &b.kind) {
            ("", BlockKind::Para { .. }) => desc.push(b.raw.clone()),
            ("properties", BlockKind::Table { rows }) if rows.first().is_some_and(|r| header_is(r, "Name", "Type")) => {
                for row in rows.iter().skip(1) {
                    if let Some(f) = read_field(row, file, diags) {
                        if f.name == "any string name" || f.name.contains(' ') {
                            continue;
                        }
                        model.fields.push(f);
                    }
                }
            }
            ("keys", BlockKind::Table { rows }) if rows.first().is_some_and(|r| header_is(r, "Key", "Input Type")) => {
                for row in rows.iter().skip(1) {
                    if let Some(f) = read_dynamic_field(row) {
                        if f.name == "any_string_name" || f.name.contains(' ') {
                            continue;
                        }
                        model.fields.push(f);
                    }
                }
            }
            ("type info", BlockKind::Table { rows }) if rows.first().is_some_and(|r| header_is(r, "Input Type", "Accessed Type")) => {
                if let Some(r) = rows.get(1) {
                    let n = r.cells.len();
                    let notes = if n >= 4 { decode_entities(&r.cells[n - 1].text) } else { String::new() };
                    type_info = Some((r.cells.first().map(|c| c.text.clone()).unwrap_or_default(), notes));
                }
            }
            ("enum", BlockKind::List { items }) => {
                for item in items {
                    model.enum_values.extend(enum_item(&item.text));
                }
            }
            // Kotlin and others indent the list, which markdown reads as code.
            ("enum", BlockKind::Code { text, .. }) => {
                for line in text.lines().filter(|l| l.trim_start().starts_with(['*', '-'])) {
                    model.enum_values.extend(enum_item(line));
                }
            }
            _ => {}
        }
    }
    // 5.x enums: one `value` property listing the allowed values.
    if model.fields.len() == 1 && model.fields[0].name == "value" && !model.fields[0].enum_values.is_empty() {
        model.is_enum = true;
        model.enum_values = model.fields[0].enum_values.clone();
        model.fields.clear();
    }
    if let Some((ty, notes)) = type_info {
        let values = must_be_one_of(&notes);
        if model.fields.is_empty() && (!values.is_empty() || ty.trim().trim_end_matches(',').trim() == "str") {
            model.is_enum = !values.is_empty();
            model.enum_values = values;
        }
    }
    model.description = html_to_markdown(&desc.join("\n\n"));
    // An enum whose values only the description states.
    if !model.is_enum && model.fields.is_empty() {
        let values = values_in_description(&model.description);
        if !values.is_empty() {
            model.is_enum = true;
            model.enum_values = values;
        }
    }
    Some(model)
}

fn read_field(row: &Row, file: &str, diags: &mut Diagnostics) -> Option<DocField> {
    let cells: Vec<Cell> = if row.split {
        row.cells.clone()
    } else {
        // Plain text: name, type, then description and notes.
        let line = row.cells[0].text.trim();
        let (name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim_start();
        let end = token_end(rest);
        let cell = |t: &str| Cell { text: t.to_string(), raw: t.to_string(), link: None };
        vec![cell(name), cell(&rest[..end]), cell(rest[end..].trim()), cell("")]
    };
    let n = cells.len();
    if n < 2 {
        diags.error(file, row.line, "expected a property row `**name** | type | description | notes`");
        return None;
    }
    let name = cells[0].text.trim().trim_matches('*').trim().to_string();
    let notes = if n >= 4 { decode_entities(&cells[n - 1].text) } else { String::new() };
    let desc_cells = if n >= 4 { &cells[2..n - 1] } else { &cells[2..] };
    let description = desc_cells.iter().map(|c| c.raw.as_str()).collect::<Vec<_>>().join(" | ");
    let doc_type = cells[1].text.trim().to_string();
    let (ty, nullable, _) = match field_type(&doc_type, cells[1].link.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            diags.warning(file, row.line, format!("property `{name}`: {e}; treated as any JSON"));
            (TypeRef::Any, false, false)
        }
    };
    let mut parsed = parse_notes(&notes);
    if parsed.default.is_none() {
        // `defaults to "card"` (5.x/6.x): a property with a single allowed value.
        if let Some(p) = notes.find("defaults to ") {
            let v = notes[p + 12..].trim().trim_end_matches('.').trim().trim_matches('"').trim_matches('\'');
            // TypeScript writes `defaults to undefined` for "no default".
            if !v.is_empty() && v != "undefined" {
                parsed.default = Some(v.to_string());
            }
        }
    }
    let mut enum_values = parsed.enum_values;
    if enum_values.is_empty() {
        enum_values = must_be_one_of(&notes);
    }
    Some(DocField {
        name,
        line: row.line,
        doc_type,
        ty,
        description: html_to_markdown(description.trim()),
        required: !parsed.optional,
        read_only: notes.contains("[readonly]") || notes.contains("read only"),
        nullable: nullable || notes.contains("nullable"),
        default: parsed.default,
        enum_values,
    })
}

// ---------------------------------------------------------------------------------------
// What model docs do not say: which models are unions of others, and JSON keys.

use crate::ir::{Api, Discriminator, ModelKind};
use std::collections::{BTreeMap, BTreeSet};

/// Whether a documented property name is a Python attribute a naming convention may have
/// changed (`expiry_month`), rather than a key written as sent (`_links`, `$ref`, `@type`,
/// `retry-count`, `expiryMonth`): only lower-case words joined by single `_`.
pub fn is_python_attribute(name: &str) -> bool {
    !name.starts_with('_')
        && !name.ends_with('_')
        && !name.contains("__")
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

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
    for (name, fields) in &objects {
        if fields.len() < 2 {
            continue;
        }
        let mut cands: Vec<&String> = objects
            .iter()
            .filter(|(n, vf)| {
                // A one-field model is too little evidence of a variant (`Create` = `Update` + `name`).
                *n != name
                    && vf.len() >= 2
                    && vf.len() < fields.len()
                    && vf.iter().all(|(k, f)| fields.get(k).is_some_and(|g| g.ty == f.ty))
            })
            .map(|(n, _)| n)
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
        if !distinct {
            continue;
        }
        let union: BTreeSet<String> = cands.iter().flat_map(|c| keys(c)).collect();
        if union != fields.keys().cloned().collect::<BTreeSet<String>>() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flavour::python::Python;
    use crate::flavour::Flavour;

    fn model(text: &str) -> DocModel {
        let hints = Python.text_hints();
        let blocks = crate::read::read(text, crate::read::detect_form(text), &hints);
        let mut diags = Diagnostics::default();
        let m = extract_model(&blocks, "M.md", &mut diags).expect("a model doc");
        assert!(!diags.has_errors(), "{:?}", diags.sorted());
        m
    }

    #[test]
    fn every_enum_spelling() {
        // 7.x list, quotes of either kind.
        let m = model("# Status\n\n## Enum\n\n* `A` (value: `'a'`)\n\n* `B` (value: `\"b c\"`)\n");
        assert!(m.is_enum);
        assert_eq!(m.enum_values, ["a", "b c"]);
        // Kotlin indents the list (markdown reads it as code), and has no table or link.
        let m = model("# AccountType\n\n## Enum\n\n\n    * `BROKERAGE` (value: `\"BROKERAGE\"`)\n\n    * `LOAN` (value: `\"LOAN\"`)\n");
        assert_eq!((m.name.as_str(), m.enum_values.clone()), ("AccountType", vec!["BROKERAGE".to_string(), "LOAN".into()]));
        // 5.x/6.x python-prior: one `value` property.
        let m = model("# Currency\n\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**value** | **str** |  |  must be one of [\"EUR\", \"USD\", ]\n");
        assert_eq!(m.enum_values, ["EUR", "USD"]);
        // 6.x dynamic schema: the model's own type and `must be one of`.
        let m = model("# pkg.model.kind.Kind\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\nstr,  | str,  |  | must be one of [\"x\", \"y\", ] \n");
        assert_eq!((m.name.as_str(), m.is_enum, m.enum_values.clone()), ("Kind", true, vec!["x".to_string(), "y".into()]));
        // Values only a description states.
        let m = model("# Mode\n\nThe mode. Allowed values: `fast`, `slow`, `off`.\n\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n");
        assert_eq!((m.is_enum, m.enum_values.clone()), (true, vec!["fast".to_string(), "slow".into(), "off".into()]));
        assert!(values_in_description("Allowed values: whatever you like, really, as a sentence").is_empty());
    }

    #[test]
    fn dynamic_schema_keys_and_module_names() {
        let m = model("# openapi_client.model.error_response.ErrorResponse\n\n## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\ndict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | ------------- | -------------\n**Code** | decimal.Decimal, int,  | decimal.Decimal,  | code | [optional] value must be a 32 bit integer\n**Message** | str, None,  | str, NoneClass,  | text | \n**Where** | [**Place**](Place.md) | [**Place**](Place.md) |  | [optional] \n**any_string_name** | dict, str | str | any string name can be used | [optional]\n");
        assert_eq!(m.name, "ErrorResponse");
        let f: Vec<_> = m.fields.iter().map(|f| (f.name.as_str(), f.ty.clone(), f.required, f.nullable)).collect();
        assert_eq!(
            f,
            [
                ("Code", TypeRef::Integer, false, false),
                ("Message", TypeRef::String, true, true),
                ("Where", TypeRef::Model("Place".into()), false, false)
            ]
        );
        let m = model("# CatalogApiClient::Tag\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**tag** | **String** |  | [optional] \n");
        assert_eq!(m.name, "Tag");
    }

    #[test]
    fn a_variant_constant() {
        let m = model("# Card\n\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**kind** | **str** |  | defaults to \"card\"\n");
        assert_eq!(m.fields[0].default.as_deref(), Some("card"));
        assert!(m.fields[0].required);
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
