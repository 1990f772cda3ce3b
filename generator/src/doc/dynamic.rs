//! openapi-generator 6.x `-g python`, the short-lived "dynamic schema" client (ex
//! python-experimental; `docs/apis/tags/*Api.md`). The method table is the common one;
//! per operation the Parameters table lists *request objects* (`body`, `query_params`,
//! `path_params`, `header_params`, `cookie_params`), each described in a section of its own
//! whose table gives every parameter's wire name and requiredness; types are `# XSchema`
//! sections ("Model Type Info": `Input Type | Accessed Type`); responses are
//! "Return Types, Responses" with one `SchemaFor<code>ResponseBody<ContentType>` per answer.
//!
//! Locations and wire names are stated here, not inferred: the reader records them as the
//! doc's own statements.

use super::auth::read_example_section;
use super::table::{read_method_table, read_preamble, resolve_relative_paths, TableOp};
use super::types::type_from_cell;
use super::{DocApi, DocOp, DocParam};
use crate::diag::Diagnostics;
use crate::ir::{Location, StatusResponse, TypeRef};
use crate::prose::{decode_entities, html_to_markdown};
use crate::read::{Block, BlockKind, Row};
use std::collections::{HashMap, HashSet};

/// The sub-sections of an operation (other `###` headings belong to a schema).
const SUB_SECTIONS: &[&str] = &[
    "Example", "Parameters", "body", "query_params", "path_params", "header_params", "cookie_params",
    "Return Types, Responses", "Authorization",
];

/// The request objects of the Parameters table and where their members travel.
const REQUEST_OBJECTS: &[(&str, Location)] = &[
    ("path_params", Location::Path),
    ("query_params", Location::Query),
    ("header_params", Location::Header),
    ("cookie_params", Location::Cookie),
];

pub(super) fn extract(blocks: &[Block], table_pos: usize, file: &str, diags: &mut Diagnostics) -> Option<DocApi> {
    let mut api = DocApi::default();
    read_preamble(&blocks[..table_pos], &mut api, file, diags);
    let mut table_ops = read_method_table(&blocks[table_pos], file, diags);
    resolve_relative_paths(&mut table_ops, api.base_url.as_deref(), file, diags);
    let mut by_name: HashMap<&str, &TableOp> = HashMap::new();
    for o in &table_ops {
        by_name.entry(o.name.as_str()).or_insert(o);
    }
    diags.tally.table_ops += by_name.len();

    // Operation sections: headings naming a method-table operation. Every other heading
    // (`# XSchema`, `#### op.ApiResponseFor200`) belongs to the operation around it.
    let rest = &blocks[table_pos + 1..];
    let mut starts: Vec<(usize, &str, usize)> = Vec::new();
    let mut seen = HashSet::new();
    for (i, b) in rest.iter().enumerate() {
        if let BlockKind::Heading { text, .. } = &b.kind {
            let name = text.trim().trim_matches('*').trim();
            if let Some((key, _)) = by_name.get_key_value(name) {
                if seen.insert(*key) {
                    starts.push((i, key, b.line));
                } else {
                    diags.warning(file, b.line, format!("duplicate operation section `{name}`; the first is read, this one ignored"));
                }
            }
        }
    }
    for (k, &(start, name, line)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map(|s| s.0).unwrap_or(rest.len());
        let mut local = Diagnostics::default();
        let op = read_operation(by_name[name], line, &rest[start + 1..end], file, &mut local, &mut api.schemes);
        if local.has_errors() {
            diags.skip_operation(name, local);
        } else {
            diags.extend(local);
            api.ops.push(op);
        }
    }
    for t in by_name.values() {
        if !seen.contains(t.name.as_str()) {
            diags.tally.skipped += 1;
            diags.warning(file, t.line, format!("operation `{}` is in the method table but has no section; skipped", t.name));
        }
    }
    Some(api)
}

fn header_starts(row: &Row, first: &str) -> bool {
    row.cells.first().is_some_and(|c| c.text.trim().eq_ignore_ascii_case(first))
}

/// The type a `Model Type Info` table's `Input Type` cell spells (`str, date,`).
fn input_type(cell: &str) -> TypeRef {
    let words: Vec<&str> = cell.split(',').map(str::trim).filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    if has("datetime") {
        TypeRef::DateTime
    } else if has("date") {
        TypeRef::Date
    } else if has("str") {
        TypeRef::String
    } else if has("bool") {
        TypeRef::Boolean
    } else if has("float") {
        TypeRef::Number
    } else if has("int") || has("decimal.Decimal") {
        TypeRef::Integer
    } else if has("bytes") || has("io.FileIO") || has("io.BufferedReader") {
        TypeRef::Binary
    } else if has("list") || has("tuple") {
        TypeRef::List(Box::new(TypeRef::Any))
    } else {
        TypeRef::Any
    }
}

/// `SchemaForRequestBodyApplicationJson` → `application/json`.
fn content_type_of(suffix: &str) -> String {
    match suffix {
        "ApplicationJson" => "application/json".into(),
        "MultipartFormData" => "multipart/form-data".into(),
        "ApplicationXWwwFormUrlencoded" => "application/x-www-form-urlencoded".into(),
        "ApplicationOctetStream" => "application/octet-stream".into(),
        "TextPlain" => "text/plain".into(),
        other => {
            // `ApplicationJsonPatchjson` and the like: the first word is the media type.
            let mut words: Vec<String> = Vec::new();
            for c in other.chars() {
                if c.is_ascii_uppercase() || words.is_empty() {
                    words.push(String::new());
                }
                if let Some(w) = words.last_mut() {
                    w.push(c.to_ascii_lowercase());
                }
            }
            match words.split_first() {
                Some((kind, sub)) if !sub.is_empty() => format!("{kind}/{}", sub.join("-")),
                _ => other.to_ascii_lowercase(),
            }
        }
    }
}

/// A schema section's type: `Model Type Info` (`Input Type`), or a `Type` table whose cell
/// links a model doc.
#[derive(Clone)]
struct Schema {
    ty: TypeRef,
    doc_type: String,
    model_link: bool,
    description: String,
    default: Option<String>,
    /// `Dictionary Keys`: (key, type, model link, required, description).
    fields: Vec<(String, TypeRef, bool, bool, String)>,
}

impl Default for Schema {
    fn default() -> Self {
        Schema {
            ty: TypeRef::Any,
            doc_type: String::new(),
            model_link: false,
            description: String::new(),
            default: None,
            fields: Vec::new(),
        }
    }
}

/// `if omitted the server will use the default value of 20value must be …` → `20`.
fn default_in(notes: &str) -> Option<String> {
    let rest = notes.split("default value of ").nth(1)?.trim_start();
    let v: String = if let Some(q) = rest.strip_prefix('"').or_else(|| rest.strip_prefix('\'')) {
        q.chars().take_while(|c| *c != '"' && *c != '\'').collect()
    } else if rest.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        rest.chars().take_while(|c| *c == '-' || *c == '.' || c.is_ascii_digit()).collect()
    } else {
        rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
    };
    (!v.is_empty()).then(|| match v.as_str() {
        "True" => "true".to_string(),
        "False" => "false".to_string(),
        _ => v,
    })
}

/// One cell's type: a model link, or an `Input Type` spelling.
fn cell_type(cell: &crate::read::Cell) -> (TypeRef, bool) {
    let text = cell.text.trim();
    if cell.link.is_some() {
        if let Ok((ty @ TypeRef::Model(_), _)) = type_from_cell("python", text.trim_matches(|c| c == '[' || c == ']'), cell.link.as_deref()) {
            return (ty, true);
        }
    }
    (input_type(text), false)
}

fn schema_from_table(rows: &[Row]) -> Option<Schema> {
    let header = rows.first()?;
    let row = rows.get(1)?;
    let first = row.cells.first()?;
    if header_starts(header, "Input Type") {
        let description = row.cells.get(2).map(|c| c.text.trim().to_string()).unwrap_or_default();
        let notes = row.cells.get(3).map(|c| c.text.trim()).unwrap_or("");
        return Some(Schema {
            ty: input_type(&first.text),
            doc_type: first.text.trim().trim_end_matches(',').trim().to_string(),
            model_link: false,
            description,
            default: default_in(notes),
            fields: Vec::new(),
        });
    }
    if header_starts(header, "Type") {
        let text = first.text.trim();
        let (ty, _) = type_from_cell("python", text, first.link.as_deref()).unwrap_or((TypeRef::Any, false));
        return Some(Schema {
            model_link: first.link.is_some() && matches!(ty, TypeRef::Model(_)),
            ty,
            doc_type: text.to_string(),
            description: row.cells.get(1).map(|c| c.text.trim().to_string()).unwrap_or_default(),
            ..Schema::default()
        });
    }
    None
}

/// Whether a key's own section refines its type rather than contradicting it: a list stays a list.
fn same_shape(vague: &TypeRef, section: &TypeRef) -> bool {
    matches!(vague, TypeRef::Any) || matches!((vague, section), (TypeRef::List(_), TypeRef::List(_)))
}

fn read_operation(
    top: &TableOp,
    line: usize,
    blocks: &[Block],
    file: &str,
    diags: &mut Diagnostics,
    schemes: &mut Vec<super::DocScheme>,
) -> DocOp {
    let mut op = DocOp {
        name: top.name.clone(),
        file: file.to_string(),
        line,
        method: top.method.clone(),
        path: top.path.clone(),
        summary: top.summary.clone(),
        ..DocOp::default()
    };

    // Schema sections (`# IdSchema` then its table), wherever they are.
    let mut schemas: HashMap<String, Schema> = HashMap::new();
    let is_sub = |t: &str| SUB_SECTIONS.iter().any(|s| s.eq_ignore_ascii_case(t.trim()));
    for (i, b) in blocks.iter().enumerate() {
        let BlockKind::Heading { text, level } = &b.kind else { continue };
        if *level == 3 || *level == 4 {
            continue;
        }
        let name = text.trim().to_string();
        // The schema's blocks: up to the next schema or request-object heading.
        let part: Vec<&Block> = blocks[i + 1..]
            .iter()
            .take_while(|n| match &n.kind {
                BlockKind::Heading { level: 1 | 4, .. } => false,
                BlockKind::Heading { level: 3, text } => !is_sub(text),
                _ => true,
            })
            .collect();
        let tables: Vec<(&str, &Vec<Row>)> = {
            let mut out = Vec::new();
            let mut title = "";
            for n in &part {
                match &n.kind {
                    BlockKind::Heading { text, .. } => title = text.trim(),
                    BlockKind::Table { rows } => out.push((title, rows)),
                    _ => {}
                }
            }
            out
        };
        let Some(mut schema) = tables.first().and_then(|(_, rows)| schema_from_table(rows)) else { continue };
        for (title, rows) in &tables[1..] {
            match *title {
                "Tuple Items" => {
                    if let Some(row) = rows.get(1) {
                        let cell = row.cells.get(1).filter(|c| !c.text.trim().is_empty()).or(row.cells.first());
                        let item = cell.map(cell_type).map(|t| t.0).unwrap_or(TypeRef::Any);
                        schema.ty = TypeRef::List(Box::new(item));
                    }
                }
                "Dictionary Keys" => {
                    for row in rows.iter().skip(1) {
                        let key = row.cells.first().map(|c| c.text.trim().to_string()).unwrap_or_default();
                        let (ty, link) = row.cells.get(1).map(cell_type).unwrap_or((TypeRef::Any, false));
                        let notes = row.cells.get(4).map(|c| c.text.as_str()).unwrap_or("");
                        let desc = row.cells.get(3).map(|c| c.text.trim().to_string()).unwrap_or_default();
                        if key == "any_string_name" {
                            if schema.fields.is_empty() {
                                schema.ty = TypeRef::Map(Box::new(if row.cells.get(1).is_some_and(|c| c.text.contains(',') && c.text.matches(',').count() > 3) {
                                    TypeRef::Any
                                } else {
                                    ty
                                }));
                            }
                            continue;
                        }
                        schema.fields.push((key, ty, link, !notes.contains("optional"), desc));
                    }
                }
                _ => {}
            }
        }
        schemas.entry(name).or_insert(schema);
    }
    // A key written `[tags](#tags)` has its own schema section (`# tags`, with its tuple
    // items) after the table that lists it: the section's type is the key's.
    let section_types: HashMap<String, TypeRef> = schemas.iter().map(|(k, v)| (k.clone(), v.ty.clone())).collect();
    for schema in schemas.values_mut() {
        for (key, ty, _, _, _) in &mut schema.fields {
            let vague = matches!(ty, TypeRef::Any) || matches!(ty, TypeRef::List(t) if **t == TypeRef::Any);
            if let Some(t) = section_types.get(key.as_str()).filter(|t| vague && **t != TypeRef::Any && same_shape(ty, t)) {
                *ty = t.clone();
            }
        }
    }

    // Sub-sections by their `###` heading; blocks before the first are the preamble.
    let mut preamble: Vec<&Block> = Vec::new();
    let mut subs: Vec<(String, usize, Vec<&Block>)> = Vec::new();
    for b in blocks {
        if let BlockKind::Heading { level: 3, text } = &b.kind {
            if SUB_SECTIONS.iter().any(|s| s.eq_ignore_ascii_case(text.trim())) {
                subs.push((text.trim().to_string(), b.line, Vec::new()));
                continue;
            }
        }
        match subs.last_mut() {
            Some((_, _, v)) => v.push(b),
            None => preamble.push(b),
        }
    }
    let find = |name: &str| subs.iter().find(|(s, _, _)| s.eq_ignore_ascii_case(name));

    // Prose: the paragraphs after the signature; the first repeats the summary.
    let call = format!("{}(", op.name);
    let mut desc: Vec<String> = Vec::new();
    for b in &preamble {
        if let BlockKind::Para { text, .. } = &b.kind {
            if text.contains(&call) || (desc.is_empty() && decode_entities(text.trim()) == op.summary.trim()) {
                continue;
            }
            desc.push(b.raw.clone());
        }
    }
    op.description = html_to_markdown(&desc.join("\n\n"));

    if let Some((_, _, bs)) = find("Example") {
        read_example_section(bs, "python", &mut op, schemes);
    }
    // The example's values are keyed by request object, not by parameter.
    op.examples.clear();

    // The Parameters table: which request objects exist, and the body's requiredness.
    let mut body_required = false;
    let mut objects: Vec<&str> = Vec::new();
    match find("Parameters") {
        None => diags.warning(file, line, format!("operation `{}`: expected a `Parameters` section; read as taking no parameters", op.name)),
        Some((_, _, bs)) => {
            for b in bs {
                let BlockKind::Table { rows } = &b.kind else { continue };
                for row in rows.iter().skip(1) {
                    let name = row.cells.first().map(|c| c.text.trim()).unwrap_or("");
                    let desc = row.cells.get(2).map(|c| c.text.trim()).unwrap_or("");
                    match name {
                        "body" => {
                            objects.push("body");
                            body_required = desc.starts_with("required");
                        }
                        "accept_content_types" => {
                            if let Some(list) = desc.strip_prefix("default is (") {
                                let types: Vec<&str> = list
                                    .split(',')
                                    .map(|t| t.trim().trim_matches(|c| c == '\'' || c == ')' || c == ' '))
                                    .filter(|t| !t.is_empty())
                                    .collect();
                                if !types.is_empty() {
                                    op.accept = Some(types.join(", "));
                                }
                            }
                        }
                        n => {
                            if let Some((obj, _)) = REQUEST_OBJECTS.iter().find(|(o, _)| *o == n) {
                                objects.push(obj);
                            }
                        }
                    }
                }
            }
        }
    }

    // Members of each request object.
    for (obj, location) in REQUEST_OBJECTS {
        if !objects.contains(obj) {
            continue;
        }
        let Some((_, sline, bs)) = find(obj) else {
            diags.warning(file, line, format!("operation `{}`: `{obj}` has no section describing its members", op.name));
            continue;
        };
        let Some(rows) = bs.iter().find_map(|b| match &b.kind {
            BlockKind::Table { rows } if rows.first().is_some_and(|r| header_starts(r, "Name")) => Some(rows),
            _ => None,
        }) else {
            diags.error(file, *sline, format!("operation `{}`: expected a `Name | Type | Description | Notes` table of `{obj}`", op.name));
            continue;
        };
        for row in rows.iter().skip(1) {
            let Some(wire) = row.cells.first().map(|c| c.text.trim().to_string()).filter(|w| !w.is_empty()) else {
                continue;
            };
            let type_cell = row.cells.get(1).cloned().unwrap_or_default();
            let schema = if type_cell.link.is_some() {
                schema_from_table(&[
                    Row { line: row.line, cells: vec![Default::default()], split: true },
                    Row {
                        line: row.line,
                        cells: vec![type_cell.clone()],
                        split: true,
                    },
                ])
                .map(|mut s| {
                    s.doc_type = type_cell.text.trim().to_string();
                    s
                })
            } else {
                schemas.get(type_cell.text.trim()).cloned()
            };
            let schema = schema.unwrap_or_else(|| {
                diags.warning(
                    file,
                    row.line,
                    format!("parameter `{wire}`: no schema section for `{}`; treated as a string", type_cell.text.trim()),
                );
                Schema {
                    ty: TypeRef::String,
                    doc_type: type_cell.text.trim().to_string(),
                    ..Schema::default()
                }
            });
            let notes = row.cells.get(3).map(|c| c.text.trim()).unwrap_or("");
            let mut description = row.cells.get(2).map(|c| c.raw.trim().to_string()).unwrap_or_default();
            if description.is_empty() {
                description = schema.description.clone();
            }
            op.params.push(DocParam {
                name: identifier(&wire),
                line: row.line,
                doc_type: schema.doc_type,
                ty: schema.ty,
                model_link: schema.model_link,
                enum_link: false,
                description: html_to_markdown(&description),
                required: *location == Location::Path || !notes.contains("optional"),
                default: schema.default.clone(),
                enum_values: Vec::new(),
                stated_location: Some((*location, format!("listed in the doc's `{obj}` table"))),
                stated_wire_name: Some(wire),
                required_note: None,
            });
        }
    }

    // The request body: one `SchemaForRequestBody<ContentType>` per content type.
    if objects.contains(&"body") {
        let mut cts: Vec<String> = Vec::new();
        let mut body: Option<Schema> = None;
        let mut names: Vec<&String> = schemas.keys().filter(|k| k.starts_with("SchemaForRequestBody")).collect();
        names.sort();
        // JSON first: the typed body.
        names.sort_by_key(|n| !n.ends_with("ApplicationJson"));
        for n in names {
            cts.push(content_type_of(&n["SchemaForRequestBody".len()..]));
            if body.is_none() {
                body = schemas.get(n.as_str()).cloned();
            }
        }
        let body = body.unwrap_or(Schema {
            ty: TypeRef::Any,
            ..Schema::default()
        });
        if !cts.is_empty() {
            op.content_type = Some(cts.join(", "));
        }
        let form = cts.first().is_some_and(|c| c.starts_with("multipart/") || c.contains("x-www-form-urlencoded"));
        if form && !body.fields.is_empty() {
            // A form body's keys are its fields.
            for (key, ty, link, required, desc) in &body.fields {
                op.params.push(DocParam {
                    name: identifier(key),
                    line: find("body").map(|s| s.1).unwrap_or(line),
                    doc_type: ty.to_string(),
                    ty: ty.clone(),
                    model_link: *link,
                    enum_link: false,
                    description: html_to_markdown(desc),
                    required: *required,
                    default: None,
                    enum_values: Vec::new(),
                    stated_location: Some((Location::Form, format!("a key of the doc's `{}` request body", cts[0]))),
                    stated_wire_name: Some(key.clone()),
                    required_note: None,
                });
            }
        } else { op.params.push(DocParam {
            name: "body".into(),
            line: find("body").map(|s| s.1).unwrap_or(line),
            doc_type: body.doc_type,
            ty: body.ty,
            model_link: body.model_link,
            enum_link: false,
            description: html_to_markdown(&body.description),
            required: body_required,
            default: None,
            enum_values: Vec::new(),
            stated_location: Some((Location::Body, "the doc's `body` request object".into())),
            stated_wire_name: None,
            required_note: None,
        }); }
    }

    // Responses: the status table, and the first success's body schema.
    match find("Return Types, Responses") {
        None => {
            diags.warning(file, line, format!("operation `{}`: expected a `Return Types, Responses` section; the answer is decoded as any JSON", op.name));
            op.return_type = Some(TypeRef::Any);
        }
        Some((_, _, bs)) => {
            for b in bs {
                let BlockKind::Table { rows } = &b.kind else { continue };
                if !rows.first().is_some_and(|r| header_starts(r, "Code")) {
                    continue;
                }
                for row in rows.iter().skip(1) {
                    let mut code = row.cells.first().map(|c| c.text.trim().to_string()).unwrap_or_default();
                    if code.eq_ignore_ascii_case("default") {
                        code = "0".into();
                    }
                    let valid = code == "0" || (code.len() == 3 && code.chars().all(|c| c.is_ascii_digit() || c == 'X' || c == 'x'));
                    if !valid {
                        continue;
                    }
                    op.statuses.push(StatusResponse {
                        status: code.to_ascii_uppercase(),
                        description: row.cells.get(2).map(|c| decode_entities(c.text.trim())).unwrap_or_default(),
                        headers: Vec::new(),
                    });
                }
                break;
            }
            let success = op.statuses.iter().find(|s| s.status.starts_with('2')).map(|s| s.status.clone());
            if let Some(code) = success {
                let prefix = format!("SchemaFor{code}ResponseBody");
                let mut names: Vec<&String> = schemas.keys().filter(|k| k.starts_with(&prefix)).collect();
                names.sort();
                names.sort_by_key(|n| !n.ends_with("ApplicationJson"));
                if let Some(n) = names.first() {
                    op.return_type = schemas.get(n.as_str()).map(|s| s.ty.clone());
                    op.return_doc = schemas.get(n.as_str()).map(|s| s.doc_type.clone()).unwrap_or_default();
                    if op.accept.is_none() {
                        op.accept = Some(content_type_of(&n[prefix.len()..]));
                    }
                }
            }
        }
    }

    // Authorization: links to the README's schemes, or "No authorization required".
    if let Some((_, sline, bs)) = find("Authorization") {
        op.auth_line = *sline;
        for b in bs {
            let BlockKind::Para { text, links } = &b.kind else { continue };
            if text.trim().eq_ignore_ascii_case("No authorization required") {
                break;
            }
            let names: Vec<String> = links
                .iter()
                .filter(|l| l.contains("README"))
                .filter_map(|l| l.rsplit('#').next().map(str::to_string))
                .filter(|n| !n.is_empty())
                .collect();
            if !names.is_empty() {
                op.auth_line = b.line;
                op.auth = names;
                break;
            }
        }
    } else {
        op.auth = op.example_schemes.clone();
    }
    op
}

/// A wire name as an identifier: `X-API-KEY` → `x_api_key`, `page[size]` → `page_size`.
fn identifier(wire: &str) -> String {
    crate::ident::snake_identifier(wire, "param")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_types() {
        for (cell, want) in [
            ("str,  ", TypeRef::String),
            ("str, uuid.UUID,  ", TypeRef::String),
            ("str, date,  ", TypeRef::Date),
            ("str, datetime,  ", TypeRef::DateTime),
            ("decimal.Decimal, int,  ", TypeRef::Integer),
            ("decimal.Decimal, int, float,  ", TypeRef::Number),
            ("bool,  ", TypeRef::Boolean),
            ("list, tuple,  ", TypeRef::List(Box::new(TypeRef::Any))),
            ("dict, frozendict.frozendict,  ", TypeRef::Any),
            ("bytes, io.FileIO, io.BufferedReader,  ", TypeRef::Binary),
        ] {
            assert_eq!(input_type(cell), want, "{cell}");
        }
    }

    #[test]
    fn content_types_from_schema_names() {
        for (suffix, want) in [
            ("ApplicationJson", "application/json"),
            ("MultipartFormData", "multipart/form-data"),
            ("ApplicationXWwwFormUrlencoded", "application/x-www-form-urlencoded"),
            ("TextPlain", "text/plain"),
            ("ApplicationJsonPatchjson", "application/json-patchjson"),
        ] {
            assert_eq!(content_type_of(suffix), want);
        }
    }

    #[test]
    fn identifiers_from_wire_names() {
        assert_eq!(identifier("X-API-KEY"), "x_api_key");
        assert_eq!(identifier("page[size]"), "page_size");
        assert_eq!(identifier("force_delete"), "force_delete");
        assert_eq!(identifier("projectId"), "project_id");
    }
}
