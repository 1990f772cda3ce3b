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

pub(super) fn extract_model(blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Option<DocModel> {
    if blocks.iter().any(is_method_table) {
        return None;
    }
    let (pos, name) = blocks.iter().enumerate().find_map(|(i, b)| match heading(b) {
        Some((1, t)) => Some((i, t.trim_matches('*').trim().to_string())),
        _ => None,
    })?;
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
    for b in &blocks[pos + 1..] {
        if let Some((_, t)) = heading(b) {
            section = match t.to_ascii_lowercase().as_str() {
                "properties" => "properties",
                "enum" => "enum",
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
            ("enum", BlockKind::List { items }) => {
                for item in items {
                    // `PENDING` (value: `'pending'`)
                    let t = &item.text;
                    let value = match t.find("value:") {
                        Some(p) => t[p + 6..].trim().trim_end_matches(')').trim().trim_matches('`').trim_matches('\'').trim_matches('"'),
                        None => t.trim(),
                    };
                    model.enum_values.push(value.to_string());
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
    model.description = html_to_markdown(&desc.join("\n\n"));
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
    let parsed = parse_notes(&notes);
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
