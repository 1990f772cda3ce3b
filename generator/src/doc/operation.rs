//! One operation's section: signature, prose, example code, parameter tables, return
//! type, Authorization, HTTP request headers and response details.

use super::{DocOp, DocParam, DocScheme, Signature};
use crate::diag::Diagnostics;
use crate::ir::{StatusResponse, TypeRef};
use crate::prose::{decode_entities, html_to_markdown};
use crate::read::{Block, BlockKind, Cell, Row};
use std::collections::{HashMap, HashSet};
use super::blocks::*;
use super::table::TableOp;
use super::types::*;
use super::auth::*;

pub(crate) fn read_operation(
    top: &TableOp,
    line: usize,
    blocks: &[Block],
    file: &str,
    lang: &'static str,
    diags: &mut Diagnostics,
    schemes: &mut Vec<DocScheme>,
) -> DocOp {
    let mut op = DocOp {
        name: top.name.clone(),
        file: file.to_string(),
        line,
        method: top.method.clone(),
        path: top.path.clone(),
        path_note: top.path_note.clone(),
        summary: top.summary.clone(),
        ..DocOp::default()
    };

    // Group blocks by sub-section; blocks before the first sub-heading are the preamble.
    let mut preamble: Vec<&Block> = Vec::new();
    let mut subs: Vec<(&'static str, usize, Vec<&Block>)> = Vec::new();
    for b in blocks {
        if let BlockKind::Heading { text, level } = &b.kind {
            if let Some(s) = sub_section_of(*level, text) {
                subs.push((s, b.line, Vec::new()));
                continue;
            }
        }
        match subs.last_mut() {
            Some((_, _, v)) => v.push(b),
            None => preamble.push(b),
        }
    }

    // Signature, then prose.
    let mut prose: Vec<&Block> = Vec::new();
    for b in preamble {
        if op.signature.is_none() && prose.is_empty() {
            if let BlockKind::Para { text, .. } = &b.kind {
                if let Some(sig) = parse_signature(text, &op.name, b.line) {
                    op.signature = Some(sig);
                    continue;
                }
            }
        }
        prose.push(b);
    }
    if op.signature.is_none() && lang == "python" {
        diags.warning(file, line, format!("expected a signature line `> {}(...)` for `{}`", op.name, op.name));
    }
    let summary_norm = normalize_ws(&op.summary);
    let mut desc_parts: Vec<String> = Vec::new();
    for (i, b) in prose.iter().enumerate() {
        if i == 0 && !summary_norm.is_empty() {
            if let BlockKind::Para { text, .. } = &b.kind {
                if normalize_ws(&decode_entities(text)) == summary_norm {
                    continue;
                }
            }
        }
        desc_parts.push(b.raw.clone());
    }
    op.description = html_to_markdown(&desc_parts.join("\n\n"));

    let find = |name: &str| subs.iter().find(|(s, _, _)| *s == name);

    // Example code: auth schemes and JSON example values.
    if let Some((_, _, bs)) = find("Example") {
        read_example_section(bs, lang, &mut op, schemes);
    }

    // Go and old Rust split the table in two: read as one, with requiredness from the split.
    let split_tables: Vec<&(&'static str, usize, Vec<&Block>)> = subs
        .iter()
        .filter(|(s, _, _)| matches!(*s, "Path Parameters" | "Other Parameters" | "Required Parameters" | "Optional Parameters"))
        .collect();
    let example: &[&Block] = find("Example").map(|s| s.2.as_slice()).unwrap_or(&[]);
    let optional_in_example = optional_in_example(example);
    let example_values = example_values(example);
    let swagger_codegen = example.iter().any(|b| matches!(&b.kind, BlockKind::Code { text, .. } if is_swagger_codegen(text)));
    let tables: Vec<(&'static str, &Vec<Row>)> = if split_tables.is_empty() {
        find("Parameters").map(|(_, _, bs)| param_tables("Parameters", bs)).unwrap_or_default().into_iter().take(1).collect()
    } else {
        split_tables.iter().flat_map(|(title, _, bs)| param_tables(title, bs)).collect()
    };
    // Parameters.
    if tables.is_empty() && split_tables.is_empty() {
        match find("Parameters") {
            None if op.signature.as_ref().is_some_and(|s| !s.args.is_empty()) => {
                diags.error(file, line, format!("operation `{}`: expected a `Parameters` section", op.name))
            }
            None => diags.warning(
                file,
                line,
                format!("operation `{}`: expected a `Parameters` section; read as taking no parameters", op.name),
            ),
            Some((_, sline, bs)) => {
                let none_stated = bs.iter().any(|b| {
                    // `does not need any parameter` (most), `does not have any parameters` (TypeScript)
                    matches!(&b.kind, BlockKind::Para { text, .. } if text.contains("does not need any parameter") || text.contains("does not have any parameter"))
                });
                if !none_stated {
                    diags.error(
                        file,
                        *sline,
                        format!(
                            "operation `{}`: expected a parameters table (`Name | Type | Description | Notes`) \
                             or `This endpoint does not need any parameter.`",
                            op.name
                        ),
                    );
                }
            }
        }
    }
    for (title, rows) in &tables {
        // A `Required` column (Rust 7.x) says it per row.
        let required_col = rows.first().and_then(|h| h.cells.iter().position(|c| c.text.trim().eq_ignore_ascii_case("Required")));
        for row in rows.iter().skip(1) {
            let Some(mut p) = read_param(row, lang, file, diags) else { continue };
            // Go's `ctx` row is the call's context, not a parameter.
            if p.name == "ctx" && p.doc_type.contains("context") {
                continue;
            }
            // swagger-codegen's Go: the `optional` row is the struct of the optional parameters,
            // which its `Optional Parameters` table lists.
            if p.name == "optional" && p.doc_type.trim_start_matches('*').ends_with("Opts") {
                continue;
            }
            if let Some(i) = required_col {
                let cell = row.cells.get(i).map(|c| c.text.trim().to_ascii_lowercase()).unwrap_or_default();
                p.required = cell.contains("required") || cell == "true" || cell == "yes";
            } else if p.doc_type.starts_with("Option<") {
                p.required = false;
            }
            if let Some(v) = example_values.get(&p.name) {
                refine_date(&mut p.ty, v);
            }
            if lang != "python" && optional_in_example.contains(&p.name) {
                p.required = false;
            }
            match *title {
                "Path Parameters" | "Required Parameters" => p.required = true,
                "Optional Parameters" => p.required = false,
                "Other Parameters" => p.required = p.required && !optional_in_example.contains(&p.name),
                _ => {}
            }
            if swagger_codegen && p.required && !optional_in_example.contains(&p.name) {
                p.required_note = Some(
                    "guess: swagger-codegen docs mark no form field optional; the doc's `required` is kept".into(),
                );
            }
            if op.params.iter().any(|q| q.name == p.name) {
                diags.error(file, row.line, format!("duplicate parameter `{}`", p.name));
            } else {
                op.params.push(p);
            }
        }
    }

    // Return type.
    match find("Return type") {
        None => {
            diags.warning(
                file,
                line,
                format!("operation `{}`: expected a `Return type` section; the answer is decoded as any JSON", op.name),
            );
            op.return_type = Some(TypeRef::Any);
        }
        Some((_, sline, bs)) => {
            let para = bs.iter().find_map(|b| match &b.kind {
                BlockKind::Para { text, links } => Some((text.clone(), links.first().cloned(), b.line)),
                _ => None,
            });
            match para {
                None => diags.error(file, *sline, format!("operation `{}`: expected a return type", op.name)),
                Some((text, link, l)) => {
                    let t = text.trim();
                    op.return_doc = t.to_string();
                    if !(t.is_empty() || t.starts_with("void") || t == "None" || t == "none_type" || t == "(empty response body)" || t == "null (empty response body)" || t == "nil (empty response body)" || t == "nil" || t == "Unit") {
                        match type_from_cell(lang, t, link.as_deref()) {
                            Ok((ty, _)) => op.return_type = Some(ty),
                            Err(e) => diags.warning(file, l, format!("return type of `{}`: {e}; decoded as any JSON", op.name)),
                        }
                        if op.return_type.is_none() {
                            op.return_type = Some(TypeRef::Any);
                        }
                    }
                }
            }
        }
    }

    // Authorization.
    match find("Authorization") {
        None => {
            diags.warning(
                file,
                line,
                format!(
                    "operation `{}`: expected an `Authorization` section; the schemes of the example code are used",
                    op.name
                ),
            );
            op.auth = op.example_schemes.clone();
        }
        Some((_, sline, bs)) => {
            op.auth_line = *sline;
            // Kotlin: `Configure bearerAuth statically:` and the code that does.
            let kotlin = super::auth::read_auth_section(bs, lang, &mut op, schemes);
            if let Some(names) = kotlin {
                op.auth_line = bs.first().map(|b| b.line).unwrap_or(*sline);
                op.auth = names;
            }
            let read = !op.auth.is_empty();
            for b in bs.iter().filter(|_| !read) {
                let (text, links) = match &b.kind {
                    BlockKind::Para { text, links } => (text.clone(), links.clone()),
                    BlockKind::List { items } => (
                        items.iter().map(|i| i.text.clone()).collect::<Vec<_>>().join(", "),
                        items.iter().flat_map(|i| i.links.clone()).collect(),
                    ),
                    _ => continue,
                };
                op.auth_line = b.line;
                if text.trim().eq_ignore_ascii_case("No authorization required") {
                    break;
                }
                let names: Vec<String> = if !links.is_empty() {
                    links
                        .iter()
                        .map(|l| l.rsplit('#').next().unwrap_or(l).to_string())
                        .collect()
                } else {
                    text.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
                };
                if names.iter().all(|n| n.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')) {
                    op.auth = names;
                } else {
                    diags.warning(
                        file,
                        b.line,
                        format!(
                            "operation `{}`: free-text Authorization section `{}`; the schemes of the example code are used",
                            op.name,
                            text.trim()
                        ),
                    );
                    op.auth = op.example_schemes.clone();
                }
                break;
            }
        }
    }

    // HTTP request headers.
    match find("HTTP request headers") {
        None => diags.warning(
            file,
            line,
            format!("operation `{}`: expected an `HTTP request headers` section; content types unknown", op.name),
        ),
        Some((_, _, bs)) => {
            for b in bs {
                let BlockKind::List { items } = &b.kind else { continue };
                for item in items {
                    let Some((k, v)) = item.text.split_once(':') else { continue };
                    // `*/*` reads as an emphasized `/` in markdown: the stars are put back.
                    let v = v
                        .split(',')
                        .map(|t| match t.trim() {
                            "/" => "*/*".to_string(),
                            t if t.ends_with('/') => format!("{t}*"),
                            t => t.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    let v = v.trim();
                    let v = (!v.is_empty() && !v.eq_ignore_ascii_case("Not defined")).then(|| v.to_string());
                    match k.trim().to_ascii_lowercase().as_str() {
                        "content-type" => op.content_type = v,
                        "accept" => op.accept = v,
                        _ => {}
                    }
                }
            }
        }
    }

    // HTTP response details (newer generations only).
    if let Some((_, _, bs)) = find("HTTP response details") {
        let mut status_lines: HashMap<String, usize> = HashMap::new();
        for b in bs {
            let BlockKind::Table { rows } = &b.kind else { continue };
            for row in rows.iter().skip(1) {
                let cells: Vec<String> = if row.split {
                    row.cells.iter().map(|c| c.text.clone()).collect()
                } else {
                    let line = &row.cells[0].text;
                    let (status, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
                    let rest = rest.trim();
                    // The headers cell is `-` or `* Name - description` per header.
                    let (desc, headers) = match rest.strip_suffix(" -") {
                        Some(d) => (d.to_string(), "-".to_string()),
                        None if rest == "-" => (String::new(), "-".to_string()),
                        None => match rest.strip_prefix("* ").map(|h| ("", h)).or_else(|| rest.split_once(" * ")) {
                            Some((d, h)) => (d.to_string(), format!("* {h}")),
                            None => (rest.to_string(), String::new()),
                        },
                    };
                    vec![status.to_string(), desc, headers]
                };
                let status = cells.first().map(|s| s.trim().to_string()).unwrap_or_default();
                let ok = status == "0"
                    || (status.len() == 3
                        && status.chars().next().is_some_and(|c| ('1'..='5').contains(&c))
                        && status[1..].chars().all(|c| c.is_ascii_digit() || c == 'X' || c == 'x'));
                if !ok {
                    diags.warning(file, row.line, format!("expected a status code such as `**200**`, `**2XX**` or `**0**`, found `{status}`; row ignored"));
                    continue;
                }
                let headers = cells
                    .get(2)
                    .map(|h| {
                        h.split('*')
                            .filter_map(|part| {
                                let name = part.trim().split(" - ").next()?.trim();
                                (!name.is_empty() && name != "-").then(|| name.to_string())
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let status = status.to_ascii_uppercase();
                if let Some(first) = status_lines.get(&status) {
                    diags.warning(file, row.line, format!("duplicate status `{status}` (first at line {first}); the first is kept"));
                    continue;
                }
                status_lines.insert(status.clone(), row.line);
                op.statuses.push(StatusResponse {
                    status,
                    description: decode_entities(cells.get(1).map(|s| s.trim()).unwrap_or("")),
                    headers,
                });
            }
        }
    }

    // Without a Parameters section every signature argument would be reported again.
    if find("Parameters").is_some() && lang == "python" {
        check_signature(&op, file, diags);
    }
    op
}

/// `> Ret name(a, b=b)` → signature. `Ret` may hold spaces (`Dict[str, int]`).
pub(crate) fn parse_signature(text: &str, name: &str, line: usize) -> Option<Signature> {
    let t = text.trim();
    let call = format!("{name}(");
    let pos = t.find(&call)?;
    if pos > 0 && !t[..pos].ends_with(' ') {
        return None;
    }
    let after = &t[pos + call.len()..];
    // `> String welcome_page_get()` with the summary on the next line, which markdown joins to
    // the quote: the call ends at its closing parenthesis.
    let mut depth = 0i32;
    let close = after.char_indices().find_map(|(i, c)| match c {
        '(' | '[' | '{' => {
            depth += 1;
            None
        }
        ')' if depth == 0 => Some(i),
        ')' | ']' | '}' => {
            depth -= 1;
            None
        }
        _ => None,
    });
    let args_str = match close {
        Some(i) if after[i + 1..].starts_with(char::is_whitespace) => &after[..i],
        _ => after.trim_end().strip_suffix(')')?,
    };
    let ret = t[..pos].trim();
    let mut args = Vec::new();
    for a in split_top(args_str, ',') {
        let a = a.trim();
        if a.is_empty() {
            continue;
        }
        match a.split_once('=') {
            Some((k, _)) => args.push((k.trim().to_string(), true)),
            None => args.push((a.to_string(), false)),
        }
    }
    Some(Signature {
        line,
        return_type: (!ret.is_empty()).then(|| ret.to_string()),
        args,
    })
}

pub(crate) fn check_signature(op: &DocOp, file: &str, diags: &mut Diagnostics) {
    let Some(sig) = &op.signature else { return };
    for (arg, kw) in &sig.args {
        // PHP writes `$name`; Ruby and JavaScript fold optional parameters into `opts`.
        let arg = arg.trim_start_matches('$');
        if matches!(arg, "opts" | "options" | "optional" | "ctx" | "context" | "callback") {
            continue;
        }
        match op.params.iter().find(|p| p.name == arg) {
            None => diags.warning(
                file,
                sig.line,
                format!(
                    "signature of `{}` names `{arg}`, which is not in its Parameters table; the Parameters table wins",
                    op.name
                ),
            ),
            Some(p) if *kw && p.required => diags.warning(
                file,
                sig.line,
                format!(
                    "signature of `{}` passes required parameter `{arg}` as a keyword; the Parameters table wins",
                    op.name
                ),
            ),
            Some(p) if !*kw && !p.required => diags.warning(
                file,
                sig.line,
                format!(
                    "signature of `{}` passes optional parameter `{arg}` positionally; the Parameters table wins",
                    op.name
                ),
            ),
            _ => {}
        }
    }
    for p in op.params.iter().filter(|p| p.required) {
        if !sig.args.iter().any(|(a, _)| a.trim_start_matches('$') == p.name) {
            diags.warning(
                file,
                sig.line,
                format!(
                    "required parameter `{}` of `{}` is missing from its signature; the Parameters table wins",
                    p.name, op.name
                ),
            );
        }
    }
}

pub(crate) fn read_param(row: &Row, lang: &str, file: &str, diags: &mut Diagnostics) -> Option<DocParam> {
    let (name, type_cell, description, notes) = if row.split {
        let n = row.cells.len();
        if n < 2 {
            diags.error(file, row.line, "expected a parameter row `**name** | type | description | notes`");
            return None;
        }
        let name = row.cells[0].text.clone();
        let notes = if n >= 4 { row.cells[n - 1].text.clone() } else { String::new() };
        let desc_cells: &[Cell] = if n >= 4 { &row.cells[2..n - 1] } else { &row.cells[2..] };
        let description = desc_cells.iter().map(|c| c.raw.as_str()).collect::<Vec<_>>().join(" | ");
        (name, row.cells[1].clone(), description, notes)
    } else {
        let line = row.cells[0].text.trim();
        let (name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim_start();
        let type_end = token_end(rest);
        let ty = &rest[..type_end];
        let rest = rest[type_end..].trim();
        let notes_at = ["[optional]", "[default to", "[readonly]", "[enum:"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min()
            .unwrap_or(rest.len());
        (
            name.to_string(),
            Cell {
                text: ty.to_string(),
                raw: ty.to_string(),
                link: None,
            },
            rest[..notes_at].trim().to_string(),
            rest[notes_at..].trim().to_string(),
        )
    };
    // Kotlin writes a reserved word in backticks (`` `internal` ``).
    let name = name.trim().trim_matches('*').trim().trim_matches('`').trim().to_string();
    // R 4.x parts words with dots (`idempotency.key`).
    // (`_limit` is `.limit`.)
    let dotted = lang == "r" && !name.ends_with('.') && name.trim_start_matches('.').len() + 1 >= name.len();
    // Rust writes a keyword as a raw identifier (`r#type`).
    let plain = name.strip_prefix("r#").unwrap_or(&name);
    if plain.is_empty() || !plain.chars().all(|c| c.is_alphanumeric() || c == '_' || (dotted && c == '.')) {
        diags.error(file, row.line, format!("expected a parameter name, found `{name}`"));
        return None;
    }
    let doc_type = type_cell.text.trim().to_string();
    let notes_parsed = parse_notes(&notes);
    let (ty, enum_link) = match type_from_cell(lang, &doc_type, type_cell.link.as_deref()) {
        Ok(t) => t,
        Err(e) => match type_of_default(&doc_type, notes_parsed.default.as_deref()) {
            // swagger-codegen Go writes a boolean's type as `optional.` (the template lost the
            // type's name); its documented default says which.
            Some(t) => {
                diags.repaired(file, row.line, format!("parameter `{name}`: type `{doc_type}` names no type; `{t}` read from its default"));
                (t, false)
            }
            None => {
                diags.warning(file, row.line, format!("parameter `{name}`: {e}; treated as any JSON"));
                (TypeRef::Any, false)
            }
        },
    };
    let default = notes_parsed.default.map(|d| model_default(d, &ty));
    Some(DocParam {
        name,
        line: row.line,
        model_link: matches!(ty, TypeRef::Model(_)) && type_cell.link.is_some(),
        doc_type,
        ty,
        enum_link,
        description: html_to_markdown(description.trim()),
        required: !notes_parsed.optional,
        default,
        enum_values: if notes_parsed.enum_values.is_empty() { enum_values_of_type(lang, &type_cell.text) } else { notes_parsed.enum_values },
        stated_location: None,
        stated_wire_name: None,
        required_note: None,
    })
}

/// The type a documented default shows, for a type spelling that names none (`optional.`):
/// `true`/`false` a boolean, an integer an integer, another number a number.
fn type_of_default(doc_type: &str, default: Option<&str>) -> Option<TypeRef> {
    if !doc_type.trim_end_matches('.').eq_ignore_ascii_case("optional") && !doc_type.is_empty() {
        return None;
    }
    let d = default?.trim();
    if d.eq_ignore_ascii_case("true") || d.eq_ignore_ascii_case("false") {
        Some(TypeRef::Boolean)
    } else if d.parse::<i64>().is_ok() {
        Some(TypeRef::Integer)
    } else if d.parse::<f64>().is_ok() {
        Some(TypeRef::Number)
    } else {
        None
    }
}

/// A default as the model writes it: Python's boolean literals (`True`) become `true`.
pub(crate) fn model_default(d: String, ty: &TypeRef) -> String {
    match (ty, d.as_str()) {
        (TypeRef::Boolean, "True") => "true".into(),
        (TypeRef::Boolean, "False") => "false".into(),
        _ => d,
    }
}

/// The parameter tables (`Name | Type | …`) among a sub-section's blocks, with its title.
pub(crate) fn param_tables<'a>(title: &'static str, bs: &[&'a Block]) -> Vec<(&'static str, &'a Vec<Row>)> {
    bs.iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table { rows } if rows.first().is_some_and(|r| header_is(r, "Name", "Type")) => Some((title, rows)),
            _ => None,
        })
        .collect()
}

/// Names the example code marks optional (Go: `name := … // type | description (optional)`).
pub(crate) fn optional_in_example(blocks: &[&Block]) -> HashSet<String> {
    let mut out = HashSet::new();
    for b in blocks {
        let BlockKind::Code { text, .. } = &b.kind else { continue };
        for line in text.lines() {
            let Some((code, comment)) = line.split_once("//") else { continue };
            if !comment.trim_end().ends_with("(optional)") && !comment.contains("(optional) (default") {
                continue;
            }
            let lhs = code.split(":=").next().unwrap_or("").split('=').next().unwrap_or("");
            // `let from: string;` (TypeScript): the name before its type.
            let lhs = lhs.trim().trim_end_matches(';').split(':').next().unwrap_or("");
            let name = lhs.trim().trim_start_matches("var ").trim_start_matches("let ").trim_start_matches("const ").trim();
            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                out.insert(name.to_string());
            }
        }
    }
    out
}

/// Example code of a swagger-codegen client (`swagger_client`, `io.swagger.client`,
/// `Swagger\Client`, `SwaggerClient`, `IO.Swagger`, Go's `"./swagger"`, Dart's
/// `package:swagger/`).
pub(crate) fn is_swagger_codegen(code: &str) -> bool {
    ["swagger_client", "io.swagger.client", "Swagger\\Client", "SwaggerClient", "IO.Swagger", "\"./swagger\"", "package:swagger/"]
        .iter()
        .any(|m| code.contains(m))
}

/// The literal each example-code line gives a parameter: `due_before = Date.parse('2013-10-20') # Date`,
/// `'dueBefore': new Date("2013-10-20"), // Date`, `final dueBefore = 2013-10-20; // DateTime`.
pub(crate) fn example_values(blocks: &[&Block]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for b in blocks {
        let BlockKind::Code { text, .. } = &b.kind else { continue };
        for line in text.lines() {
            let code = match line.split_once("//") {
                Some((c, _)) if !c.contains("http:") && !c.contains("https:") => c,
                _ => match line.split_once(" # ") {
                    Some((c, _)) => c,
                    None => continue,
                },
            };
            let (lhs, value) = match code.split_once(":=").or_else(|| code.split_once("<-")).or_else(|| code.split_once('=')) {
                Some((l, v)) if !v.starts_with('>') => (l, v),
                // `'dueBefore': value,` (JavaScript, Ruby options)
                _ => match code.split_once(':') {
                    Some(x) => x,
                    None => continue,
                },
            };
            let lhs = lhs.trim().trim_end_matches(';');
            // `val x : T`, `let x: T`: the name before its type.
            let lhs = lhs.split(':').next().unwrap_or("").trim();
            let name = lhs.rsplit(' ').next().unwrap_or("").trim_matches(|c| matches!(c, '\'' | '"' | '$' | '`'));
            let name = name.strip_prefix("var_").filter(|_| lhs.starts_with("var_")).unwrap_or(name);
            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                out.entry(name.to_string()).or_insert_with(|| value.trim().trim_end_matches([',', ';']).trim().to_string());
            }
        }
    }
    out
}

/// A date or date-time parameter whose type spelling serves both (`Date` in JavaScript,
/// `DateTime` in Dart) is a date when its example literal is a bare date (`2013-10-20`),
/// a date-time when the literal has a time (`2013-10-20T19:20:30+01:00`).
pub(crate) fn refine_date(ty: &mut TypeRef, literal: &str) {
    let (TypeRef::Date | TypeRef::DateTime) = ty else { return };
    let b = literal.as_bytes();
    let Some(at) = (0..b.len().saturating_sub(9)).find(|&i| {
        let d = |k: usize| b[i + k].is_ascii_digit();
        d(0) && d(1) && d(2) && d(3) && b[i + 4] == b'-' && d(5) && d(6) && b[i + 7] == b'-' && d(8) && d(9)
    }) else {
        return;
    };
    *ty = if b.get(at + 10) == Some(&b'T') { TypeRef::DateTime } else { TypeRef::Date };
}
