//! Model docs (`<Model>.md`): the property table, `## Enum` sections and 5.x
//! `must be one of` notes, read into a [`DocModel`].

use super::blocks::{header_is, heading, parse_notes, split_top, token_end};
use super::types::{enclosed, type_from_cell};
use super::{DocField, DocModel};
use crate::diag::Diagnostics;
use crate::ir::TypeRef;
use crate::prose::{decode_entities, html_to_markdown};
use crate::read::{Block, BlockKind, Cell, Row};

pub(crate) fn is_method_table(b: &Block) -> bool {
    matches!(&b.kind, BlockKind::Table { rows } if rows.first().is_some_and(|r| header_is(r, "Method", "HTTP request")))
}

/// `bool, date, datetime, dict, float, int, list, str, none_type` (5.x/6.x python-prior any
/// type), `str, none_type` or `(str, none_type)` (nullable): the type and whether `None` is allowed.
pub(crate) fn field_type(lang: &str, text: &str, link: Option<&str>) -> Result<(TypeRef, bool, bool), String> {
    let t = text.trim().trim_matches('*').trim();
    // `(str, none_type)`: the parentheses say no more.
    let t = enclosed(t).filter(|r| r.contains(',')).unwrap_or(t);
    let parts: Vec<&str> = split_top(t, ',').into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 {
        let nullable = parts.contains(&"none_type");
        let rest: Vec<&str> = parts.iter().copied().filter(|p| *p != "none_type").collect();
        if rest.len() == 1 {
            let (ty, e) = type_from_cell(lang, rest[0], link)?;
            return Ok((ty, nullable, e));
        }
        return Ok((TypeRef::Any, nullable, false));
    }
    let nullable = t.starts_with("Optional[");
    let (ty, e) = type_from_cell(lang, t, link)?;
    Ok((ty, nullable, e))
}

/// `must be one of ["a", "b", ]` (5.x).
pub(crate) fn must_be_one_of(notes: &str) -> Vec<String> {
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
pub(crate) fn enum_item(t: &str) -> Option<String> {
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
pub(crate) fn dynamic_type(text: &str, link: Option<&str>) -> (TypeRef, bool) {
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
pub(crate) fn read_dynamic_field(row: &Row) -> Option<DocField> {
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

pub(crate) fn extract_model(blocks: &[Block], file: &str, lang: &str, diags: &mut Diagnostics) -> Option<DocModel> {
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
                let mut fields = Vec::new();
                let mut marked = false;
                for row in rows.iter().skip(1) {
                    if let Some((f, mark)) = read_field(row, lang, file, diags) {
                        if f.name == "any string name" || f.name.contains(' ') {
                            continue;
                        }
                        marked |= mark;
                        fields.push((f, mark));
                    }
                }
                // A table that marks its required names (`<sup>*_required_</sup>`) leaves the
                // others unmarked: those are optional, whatever Notes says.
                model.fields.extend(fields.into_iter().map(|(mut f, mark)| {
                    if marked && !mark {
                        f.required = false;
                    }
                    f
                }));
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

/// A property's name as a custom template may dress it: `` `faxId`<sup>*_required_</sup> ``
/// → `faxId`, and whether the markup says it is required. Names without markup are as written.
pub(crate) fn field_name(cell: &str) -> (String, bool) {
    let t = cell.trim();
    let Some(open) = t.find('<').filter(|p| t[*p..].contains('>') && *p > 0) else {
        return (t.trim_matches('*').trim().to_string(), false);
    };
    let name = t[..open].trim().trim_matches(['*', '`']).trim();
    let markup: String = t[open..].to_ascii_lowercase();
    (name.to_string(), markup.contains("required") && !markup.contains("not required"))
}

/// One property row; `true` beside it where the name's markup marks it required.
pub(crate) fn read_field(row: &Row, lang: &str, file: &str, diags: &mut Diagnostics) -> Option<(DocField, bool)> {
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
    let (name, marked_required) = field_name(&cells[0].text);
    let notes = if n >= 4 { decode_entities(&cells[n - 1].text) } else { String::new() };
    let desc_cells = if n >= 4 { &cells[2..n - 1] } else { &cells[2..] };
    let description = desc_cells.iter().map(|c| c.raw.as_str()).collect::<Vec<_>>().join(" | ");
    let doc_type = cells[1].text.trim().to_string();
    let (ty, nullable, _) = match field_type(lang, &doc_type, cells[1].link.as_deref()) {
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
    let field = DocField {
        name,
        line: row.line,
        doc_type,
        ty,
        description: html_to_markdown(description.trim()),
        required: marked_required || !parsed.optional,
        read_only: notes.contains("[readonly]") || notes.contains("read only"),
        nullable: nullable || notes.contains("nullable"),
        default: parsed.default,
        enum_values,
    };
    Some((field, marked_required))
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Template;

    fn model(text: &str) -> DocModel {
        model_and_warnings(text).0
    }

    fn model_and_warnings(text: &str) -> (DocModel, usize) {
        let hints = Template.text_hints();
        let blocks = crate::read::read(text, crate::read::detect_form(text), &hints);
        let mut diags = Diagnostics::default();
        let m = extract_model(&blocks, "M.md", "python", &mut diags).expect("a model doc");
        let warnings = diags.warnings().count();
        assert!(!diags.has_errors(), "{:?}", diags.sorted());
        (m, warnings)
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

    /// python-prior's nullable spellings: the primitive, nullable; the any type, no warning.
    #[test]
    fn python_prior_nullable_fields() {
        let (m, warnings) = model_and_warnings("# Range

## Properties
Name | Type | Description | Notes
------------ | ------------- | ------------- | -------------
**_from** | **str, none_type** | Start. | [optional] 
**count** | **int, none_type** |  | 
**ratio** | **(float, none_type)** |  | 
**flag** | **bool, none_type** |  | [optional] 
**values** | **[float, none_type]** |  | 
**tags** | **[str], none_type** |  | [optional] 
**extra** | **bool, date, datetime, dict, float, int, list, str, none_type** |  | [optional] 
**meta** | **(bool, date, datetime, dict, float, int, list, str, none_type)** |  | [optional] 
**any string name** | **bool, date, datetime, dict, float, int, list, str, none_type** | any string name can be used but the value must be the correct type | [optional]
");
        assert_eq!(warnings, 0, "no unknown type spelling");
        let got: Vec<(&str, TypeRef, bool, bool)> = m.fields.iter().map(|f| (f.name.as_str(), f.ty.clone(), f.nullable, f.required)).collect();
        let list = |t: TypeRef| TypeRef::List(Box::new(t));
        assert_eq!(
            got,
            [
                ("_from", TypeRef::String, true, false),
                ("count", TypeRef::Integer, true, true),
                ("ratio", TypeRef::Number, true, true),
                ("flag", TypeRef::Boolean, true, false),
                // The items may be null: the list itself may not.
                ("values", list(TypeRef::Number), false, true),
                ("tags", list(TypeRef::String), true, false),
                ("extra", TypeRef::Any, true, false),
                ("meta", TypeRef::Any, true, false),
            ]
        );
    }

    /// Custom templates dress a property's name: `` `faxId`<sup>*_required_</sup> ``.
    #[test]
    fn names_in_markup() {
        assert_eq!(field_name("faxId<sup>*required</sup>"), ("faxId".to_string(), true));
        assert_eq!(field_name("`faxId`<sup>*_required_</sup>"), ("faxId".to_string(), true));
        assert_eq!(field_name("**fax_id**"), ("fax_id".to_string(), false));
        assert_eq!(field_name("faxId"), ("faxId".to_string(), false));
        let m = model("# # Fax

## Properties

Name | Type | Description | Notes
------------ | ------------- | ------------- | -------------
| `faxId`<sup>*_required_</sup> | ```string``` |  Fax ID  |  |
| `title` | ```string``` |  Fax title  |  |
| `pages`<sup>*_required_</sup> | ```number``` |  Pages  |  |
");
        let got: Vec<(&str, bool)> = m.fields.iter().map(|f| (f.name.as_str(), f.required)).collect();
        assert_eq!(got, [("faxId", true), ("title", false), ("pages", true)]);
        // A table that marks none keeps what Notes says.
        let m = model("# Fax

## Properties
Name | Type | Description | Notes
------------ | ------------- | ------------- | -------------
**fax_id** | **str** |  | 
**title** | **str** |  | [optional] 
");
        let got: Vec<(&str, bool)> = m.fields.iter().map(|f| (f.name.as_str(), f.required)).collect();
        assert_eq!(got, [("fax_id", true), ("title", false)]);
    }

    #[test]
    fn a_variant_constant() {
        let m = model("# Card\n\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**kind** | **str** |  | defaults to \"card\"\n");
        assert_eq!(m.fields[0].default.as_deref(), Some("card"));
        assert!(m.fields[0].required);
    }

}

