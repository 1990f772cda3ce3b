//! The Python client docs of swagger-codegen and openapi-generator (4.x to 7.x,
//! python-nextgen, pydantic-v1): a method table, then per operation a signature, prose,
//! an example, a Parameters table, Return type, Authorization, HTTP request headers and,
//! in newer generations, HTTP response details.
//!
//! The Parameters table is authoritative; the signature and example code are evidence.

use super::{DocApi, DocOp, DocParam, DocScheme, Flavour, Signature};
use crate::diag::Diagnostics;
use crate::ir::{AuthKind, StatusResponse, TypeRef};
use crate::prose::{decode_entities, html_to_markdown};
use crate::read::{Block, BlockKind, Cell, Row, TextHints};
use std::collections::{HashMap, HashSet};

pub struct Python;

const SECTIONS: &[&str] = &[
    "Example",
    "Parameters",
    // Go: path parameters, then the request struct's; old Rust: required, then optional.
    "Path Parameters",
    "Other Parameters",
    "Required Parameters",
    "Optional Parameters",
    "Return type",
    "Authorization",
    "HTTP request headers",
    "HTTP response details",
];

const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];

impl Flavour for Python {
    fn name(&self) -> &'static str {
        "python"
    }

    fn text_hints(&self) -> TextHints<'static> {
        TextHints {
            section_titles: SECTIONS,
            table_headers: &[
                &["Method", "HTTP request", "Description"],
                &["Name", "Type", "Description", "Notes"],
                &["Status code", "Description", "Response headers"],
            ],
            code_sections: &["Example"],
        }
    }

    fn extract(&self, blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Option<DocApi> {
        let language = super::detect_language(blocks);
        if language == "python" {
            if let Some((line, lang)) = super::unknown_fence_language(blocks) {
                diags.warning(
                    file,
                    line,
                    format!(
                        "example code in `{lang}`, a client language not known here: read with the shared \
                         template and Python's type spellings (`flavour:` in provider.yaml names another)"
                    ),
                );
            }
        }
        super::with_language(language, || extract(blocks, file, diags)).map(|mut api| {
            api.language = language;
            api
        })
    }

    fn extract_model(&self, blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Option<super::DocModel> {
        // Model docs have no example code: they are read in their API docs' language.
        super::models::extract_model(blocks, file, diags)
    }

    fn extract_readme_auth(&self, blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Vec<super::ReadmeScheme> {
        extract_readme_auth(blocks, file, diags)
    }
}

fn section_of(text: &str) -> Option<&'static str> {
    let t = text.trim().trim_matches('*').trim();
    SECTIONS.iter().copied().find(|s| s.eq_ignore_ascii_case(t))
}

/// A sub-section heading: one of [`SECTIONS`], or Ruby 7.x's `### Examples` (a level-3
/// heading: an `## Examples` belongs to a description).
fn sub_section_of(level: u8, text: &str) -> Option<&'static str> {
    let t = text.trim().trim_matches('*').trim();
    match section_of(t) {
        None if level == 3 && t.eq_ignore_ascii_case("Examples") => Some("Example"),
        s => s,
    }
}

/// `api.example.com/v1`, `localhost:8080`: a host, with or without a path, but no scheme.
fn looks_like_host(url: &str) -> bool {
    let host = url.split('/').next().unwrap_or("");
    !host.is_empty()
        && !url.contains(char::is_whitespace)
        && !url.contains("://")
        && (host.contains('.') || host.starts_with("localhost"))
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

pub(super) fn header_is(row: &Row, first: &str, second: &str) -> bool {
    row.cells.len() >= 2
        && row.cells[0].text.trim().eq_ignore_ascii_case(first)
        && row.cells[1].text.trim().eq_ignore_ascii_case(second)
}

/// `pkg.sub.UsersApi` → (`UsersApi`, `pkg.sub`).
/// `package.UsersApi` (Python, Java), `Package::UsersApi` (Ruby, Perl), `Vendor\UsersApi`
/// (PHP), `\UsersAPI` (Go, Rust), `UsersAPI` (Swift): the class and its package.
fn split_title(text: &str) -> Option<(String, Option<String>)> {
    let t = text.trim();
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let written = t.trim_start_matches('\\');
    let t = written.replace("::", ".").replace('\\', ".");
    if !t.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_')) {
        return None;
    }
    match t.rsplit_once('.') {
        // A class name is CamelCase: `UsersApi.md` (a saved page's file name) is no title.
        Some((_, class)) if !class.starts_with(|c: char| c.is_ascii_uppercase()) => None,
        // The package as written (`OpenAPI\\Client`, `WWW::OpenAPIClient`).
        Some((_, class)) => {
            let package = written[..written.len() - class.len()].trim_end_matches([':', '.', '\\']);
            Some((class.to_string(), Some(package.to_string())))
        }
        None if t.ends_with("Api") || t.ends_with("API") => Some((t.to_string(), None)),
        None => None,
    }
}

/// The title (`package.UsersApi`) and the base URL, before the method table.
pub(super) fn read_preamble(blocks: &[Block], api: &mut DocApi, file: &str, diags: &mut Diagnostics) {
    for b in blocks {
        let text = match &b.kind {
            BlockKind::Heading { text, .. } | BlockKind::Para { text, .. } => text,
            _ => continue,
        };
        if api.title.is_empty() {
            if let Some((title, package)) = split_title(text) {
                api.title = title;
                api.package = package;
                continue;
            }
        }
        if let Some(rest) = text.trim().strip_prefix("All URIs are relative to") {
            let url = rest.trim().trim_matches(|c: char| c == '*' || c == '.' || c.is_whitespace());
            // `https://x/v1, except if the operation defines another base path.` (PHP)
            let url = match url.split_once(", ") {
                Some((u, _)) if !u.contains(char::is_whitespace) => u.trim_matches('*'),
                _ => url,
            };
            api.base_url_line = b.line;
            if url.starts_with("http://") || url.starts_with("https://") || url.starts_with('/') {
                api.base_url = Some(url.to_string());
            } else if looks_like_host(url) {
                let fixed = format!("https://{url}");
                diags.repaired(
                    file,
                    b.line,
                    format!("base URL `{url}` has no scheme; `{fixed}` assumed"),
                );
                api.base_url_note = Some(format!("`{url}` in the doc has no scheme: https assumed"));
                api.base_url = Some(fixed);
            } else {
                diags.warning(
                    file,
                    b.line,
                    format!(
                        "expected a base URL after `All URIs are relative to`, found `{url}`; the client \
                         will require `Client::builder().base_url(..)`"
                    ),
                );
            }
        }
    }
    if api.title.is_empty() {
        diags.warning(file, 1, "expected a title such as `package.UsersApi` before the method table");
    }

}

/// The parameter tables (`Name | Type | …`) among a sub-section's blocks, with its title.
fn param_tables<'a>(title: &'static str, bs: &[&'a Block]) -> Vec<(&'static str, &'a Vec<Row>)> {
    bs.iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table { rows } if rows.first().is_some_and(|r| header_is(r, "Name", "Type")) => Some((title, rows)),
            _ => None,
        })
        .collect()
}

/// Names the example code marks optional (Go: `name := … // type | description (optional)`).
fn optional_in_example(blocks: &[&Block]) -> HashSet<String> {
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
fn is_swagger_codegen(code: &str) -> bool {
    ["swagger_client", "io.swagger.client", "Swagger\\Client", "SwaggerClient", "IO.Swagger", "\"./swagger\"", "package:swagger/"]
        .iter()
        .any(|m| code.contains(m))
}

/// The literal each example-code line gives a parameter: `due_before = Date.parse('2013-10-20') # Date`,
/// `'dueBefore': new Date("2013-10-20"), // Date`, `final dueBefore = 2013-10-20; // DateTime`.
fn example_values(blocks: &[&Block]) -> HashMap<String, String> {
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
fn refine_date(ty: &mut TypeRef, literal: &str) {
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

/// An operation's name as a heading or method-table cell writes it: `**name**`,
/// `` `name()` `` (PHP), `name`.
pub(super) fn op_name(text: &str) -> String {
    let t = text.trim().trim_matches(|c| c == '*' || c == '`').trim();
    t.strip_suffix("()").unwrap_or(t).to_string()
}

pub(super) struct TableOp {
    pub(super) name: String,
    pub(super) method: String,
    pub(super) path: String,
    pub(super) summary: String,
    pub(super) line: usize,
    /// How the path was repaired, when it was.
    pub(super) path_note: Option<String>,
}

fn extract(blocks: &[Block], file: &str, diags: &mut Diagnostics) -> Option<DocApi> {
    let mut api = DocApi::default();

    // The method table anchors the document.
    let Some(table_pos) = blocks.iter().position(|b| {
        matches!(&b.kind, BlockKind::Table { rows } if rows.first().is_some_and(|r| header_is(r, "Method", "HTTP request")))
    }) else {
        diags.error(
            file,
            1,
            "expected a method table (`Method | HTTP request | Description`): this does not look \
             like an openapi-generator or swagger-codegen API doc",
        );
        return None;
    };

    // openapi-generator 6.x `python` (the dynamic-schema client) shares the method table
    // and little else: its own reader.
    if blocks.iter().any(|b| {
        matches!(&b.kind, BlockKind::Heading { text, .. } if text.trim() == "Return Types, Responses")
    }) {
        return super::python_dynamic::extract(blocks, table_pos, file, diags);
    }

    read_preamble(&blocks[..table_pos], &mut api, file, diags);

    let mut table_ops = read_method_table(&blocks[table_pos], file, diags);
    resolve_relative_paths(&mut table_ops, api.base_url.as_deref(), file, diags);
    if matches!(&blocks[table_pos].kind, BlockKind::Table { rows } if rows.len() <= 1) {
        diags.warning(
            file,
            blocks[table_pos].line,
            "the method table lists no operations: the client will have none",
        );
    }
    // Sets and maps, not lists: docs can have thousands of operations.
    let names: HashSet<&str> = table_ops.iter().map(|o| o.name.as_str()).collect();
    let mut by_name: HashMap<&str, &TableOp> = HashMap::new();
    for o in &table_ops {
        by_name.entry(o.name.as_str()).or_insert(o);
    }

    // Split the rest into operation sections.
    let mut sections: Vec<(usize, String, usize)> = Vec::new(); // (block index, name, line)
    let rest = &blocks[table_pos + 1..];
    for (i, b) in rest.iter().enumerate() {
        match &b.kind {
            BlockKind::Heading { level, text } if *level <= 2 && section_of(text).is_none() => {
                let name = op_name(text);
                // An operation heading names a table row or is written `# **name**`; any
                // other heading (`## Examples` in a description) belongs to the operation.
                let bold = b.raw.trim_start_matches('#').trim().starts_with("**");
                if names.contains(name.as_str()) || bold {
                    sections.push((i, name, b.line));
                }
            }
            BlockKind::Para { text, .. } if names.contains(&text.trim()) => {
                let next_is_sig = rest.get(i + 1).is_some_and(|n| {
                    matches!(&n.kind, BlockKind::Para { text: t, .. } if t.contains(&format!("{}(", text.trim())))
                });
                if next_is_sig {
                    sections.push((i, text.trim().to_string(), b.line));
                }
            }
            _ => {}
        }
    }

    // No operation headings at all (some Kotlin retrofit docs): each section starts at the
    // paragraph repeating its row's summary, when every summary is there once, in table order.
    if sections.is_empty() && !table_ops.is_empty() {
        let mut found = Vec::new();
        let mut from = 0;
        for t in &table_ops {
            let summary = t.summary.trim();
            let at = (!summary.is_empty())
                .then(|| {
                    rest[from..].iter().position(|b| matches!(&b.kind, BlockKind::Para { text, .. } if decode_entities(text.trim()) == summary))
                })
                .flatten();
            match at {
                Some(k) => {
                    found.push((from + k, t.name.clone(), rest[from + k].line));
                    from += k + 1;
                }
                None => break,
            }
        }
        let unique = table_ops.iter().map(|t| t.summary.trim()).collect::<HashSet<_>>().len() == table_ops.len();
        if found.len() == table_ops.len() && unique {
            diags.warning(
                file,
                found[0].2,
                "no operation headings (`# **name**`): each operation's section is taken to start at the \
                 paragraph repeating its method-table summary",
            );
            sections = found;
        }
    }

    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (k, (start, name, line)) in sections.iter().enumerate() {
        if let Some(first) = seen.get(name.as_str()) {
            diags.warning(
                file,
                *line,
                format!("duplicate operation section `{name}` (first at line {first}); the first is read, this one ignored"),
            );
            continue;
        }
        seen.insert(name, *line);
        let end = sections.get(k + 1).map(|s| s.0).unwrap_or(rest.len());
        let Some(&top) = by_name.get(name.as_str()) else {
            diags.warning(
                file,
                *line,
                format!("operation section `{name}` has no row in the method table (method and path unknown); skipped"),
            );
            continue;
        };
        // One operation's problems skip that operation, never the doc.
        let mut local = Diagnostics::default();
        let op = read_operation(top, *line, &rest[start + 1..end], file, &mut local, &mut api.schemes);
        if local.has_errors() {
            diags.skip_operation(&op.name, local);
        } else {
            diags.extend(local);
            api.ops.push(op);
        }
    }
    let section_names: HashSet<&str> = sections.iter().map(|(_, n, _)| n.as_str()).collect();
    for t in &table_ops {
        if !section_names.contains(t.name.as_str()) {
            diags.tally.skipped += 1;
            diags.warning(
                file,
                t.line,
                format!("operation `{}` is in the method table but has no section; skipped", t.name),
            );
        }
    }
    let mut dup = HashSet::new();
    for t in &table_ops {
        if !dup.insert(t.name.as_str()) {
            diags.warning(file, t.line, format!("duplicate operation `{}` in the method table; the first row is used", t.name));
        }
    }
    diags.tally.table_ops += dup.len();
    Some(api)
}

pub(super) fn read_method_table(block: &Block, file: &str, diags: &mut Diagnostics) -> Vec<TableOp> {
    let BlockKind::Table { rows } = &block.kind else {
        return Vec::new();
    };
    let mut ops = Vec::new();
    for row in rows.iter().skip(1) {
        let (name, request, summary) = if row.split {
            let name = row.cells.first().map(|c| op_name(&c.text)).unwrap_or_default();
            let mut request = row.cells.get(1).map(|c| c.text.clone()).unwrap_or_default();
            // A placeholder holding `|` (`/project/{id|slug}`) splits the cell: rejoined.
            let mut next = 2;
            let closes_later = row.cells.iter().skip(2).any(|c| c.text.contains('}'));
            while closes_later && request.matches('{').count() > request.matches('}').count() && next < row.cells.len() {
                request.push('|');
                request.push_str(row.cells[next].text.trim());
                next += 1;
            }
            let summary = row
                .cells
                .get(next..)
                .map(|c| c.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" | "))
                .unwrap_or_default();
            (name, request, summary)
        } else {
            let line = &row.cells[0].text;
            let mut words = line.split_whitespace();
            let name = words.next().unwrap_or("").to_string();
            let method = words.next().unwrap_or("");
            let path = words.next().unwrap_or("");
            let summary = words.collect::<Vec<_>>().join(" ");
            (name, format!("{method} {path}"), summary)
        };
        let mut parts = request.split_whitespace();
        let method = parts.next().unwrap_or("").to_ascii_uppercase();
        let mut path = parts.next().unwrap_or("").to_string();
        // `**POST** v1/hooks`: a path written without its leading `/` (a server URL ending in
        // `/api/`), repaired.
        let bare_segment = path.chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '{') && !path.contains("://");
        let mut path_note = None;
        if !name.is_empty() && METHODS.contains(&method.as_str()) && bare_segment {
            path_note = Some(format!("`{path}` in the method table has no leading `/`: `/{path}` assumed"));
            path.insert(0, '/');
        }
        if name.is_empty() || !METHODS.contains(&method.as_str()) || !path.starts_with('/') {
            diags.tally.table_ops += 1;
            diags.tally.skipped += 1;
            diags.warning(
                file,
                row.line,
                format!(
                    "expected a method table row `[**name**](#name) | **METHOD** /path | summary`, found `{}`; row skipped",
                    row.cells.iter().map(|c| c.raw.as_str()).collect::<Vec<_>>().join(" | ")
                ),
            );
            continue;
        }
        if parts.next().is_some() {
            diags.warning(file, row.line, format!("extra words after the path of `{name}` ignored"));
        }
        ops.push(TableOp {
            name,
            method,
            path,
            summary: decode_entities(summary.trim()),
            line: row.line,
            path_note,
        });
    }
    ops
}

/// A path written without its leading `/` is relative to the base URL's directory (RFC 3986):
/// with base `…/api/v1`, `v1/hooks` is `…/api/v1/hooks`. Where its first segment repeats the
/// base URL's last one, that segment goes; otherwise the path is taken from the base URL as
/// it is (both with the note saying so).
pub(super) fn resolve_relative_paths(ops: &mut [TableOp], base_url: Option<&str>, file: &str, diags: &mut Diagnostics) {
    let last = base_url.and_then(|b| b.trim_end_matches('/').rsplit('/').next()).filter(|l| !l.is_empty() && !l.contains(':'));
    for op in ops.iter_mut().filter(|o| o.path_note.is_some()) {
        let written = op.path[1..].to_string();
        if let (Some(last), Some((first, rest))) = (last, written.split_once('/')) {
            if first == last && base_url.is_some_and(|b| !b.ends_with('/')) {
                op.path_note = Some(format!(
                    "`{written}` in the method table has no leading `/`: relative to the base URL's directory, `{last}/` is the base URL's own last segment, so the path is `/{rest}`"
                ));
                op.path = format!("/{rest}");
            }
        }
        diags.repaired(
            file,
            op.line,
            format!("operation `{}`: path `{written}` has no leading `/`; `{}` assumed", op.name, op.path),
        );
    }
}

fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read_operation(
    top: &TableOp,
    line: usize,
    blocks: &[Block],
    file: &str,
    diags: &mut Diagnostics,
    schemes: &mut Vec<DocScheme>,
) -> DocOp {
    let mut op = DocOp {
        name: top.name.clone(),
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
    if op.signature.is_none() && super::language() == "python" {
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
        for b in bs {
            match &b.kind {
                BlockKind::Code { text, .. } => {
                    read_example(text, b.line, &mut op, schemes);
                    if super::language() != "python" {
                        super::schemes::note_code(text, b.line, None, &mut op, schemes);
                    }
                }
                BlockKind::List { items } => {
                    for item in items {
                        if let Some(s) = auth_bullet(&item.text, item.line) {
                            note_scheme(&mut op, schemes, s);
                        }
                    }
                }
                BlockKind::Para { text, .. } => {
                    if let Some(s) = auth_bullet(text, b.line) {
                        note_scheme(&mut op, schemes, s);
                    }
                }
                _ => {}
            }
        }
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
            let Some(mut p) = read_param(row, file, diags) else { continue };
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
            if super::language() != "python" && optional_in_example.contains(&p.name) {
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
                        match type_from_cell(t, link.as_deref()) {
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
            let kotlin = super::schemes::read_auth_section(bs, &mut op, schemes);
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
    if find("Parameters").is_some() && super::language() == "python" {
        check_signature(&op, file, diags);
    }
    op
}

/// `> Ret name(a, b=b)` → signature. `Ret` may hold spaces (`Dict[str, int]`).
fn parse_signature(text: &str, name: &str, line: usize) -> Option<Signature> {
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

/// Splits on `sep` outside brackets and parentheses.
pub(super) fn split_top(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => depth -= 1,
            c if c == sep && depth == 0 => {
                out.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

fn check_signature(op: &DocOp, file: &str, diags: &mut Diagnostics) {
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

fn read_param(row: &Row, file: &str, diags: &mut Diagnostics) -> Option<DocParam> {
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
    let dotted = super::language() == "r" && !name.starts_with('.') && !name.ends_with('.');
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_' || (dotted && c == '.')) {
        diags.error(file, row.line, format!("expected a parameter name, found `{name}`"));
        return None;
    }
    let doc_type = type_cell.text.trim().to_string();
    let (ty, enum_link) = match type_from_cell(&doc_type, type_cell.link.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            diags.warning(file, row.line, format!("parameter `{name}`: {e}; treated as any JSON"));
            (TypeRef::Any, false)
        }
    };
    let notes_parsed = parse_notes(&notes);
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
        enum_values: if notes_parsed.enum_values.is_empty() { enum_values_of_type(&type_cell.text) } else { notes_parsed.enum_values },
        stated_location: None,
        stated_wire_name: None,
        required_note: None,
    })
}

/// A default as the model writes it: Python's boolean literals (`True`) become `true`.
fn model_default(d: String, ty: &TypeRef) -> String {
    match (ty, d.as_str()) {
        (TypeRef::Boolean, "True") => "true".into(),
        (TypeRef::Boolean, "False") => "false".into(),
        _ => d,
    }
}

/// End of a type token that may hold spaces inside brackets (`dict(str, str)`).
pub(super) fn token_end(s: &str) -> usize {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => depth -= 1,
            c if c.is_whitespace() && depth <= 0 => return i,
            _ => {}
        }
    }
    s.len()
}

#[derive(Debug, Default, PartialEq)]
pub(super) struct Notes {
    pub(super) optional: bool,
    pub(super) default: Option<String>,
    pub(super) enum_values: Vec<String>,
}

fn bracket_value<'a>(notes: &'a str, marker: &str) -> Option<&'a str> {
    let start = notes.find(marker)? + marker.len();
    let mut depth = 1i32;
    for (i, c) in notes[start..].char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&notes[start..start + i]);
                }
            }
            _ => {}
        }
    }
    Some(&notes[start..])
}

/// A Python string literal's text: `'json'` → `json`; anything else as written.
fn unquote(s: &str) -> &str {
    for q in ['\'', '"'] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

pub(super) fn parse_notes(notes: &str) -> Notes {
    let notes = decode_entities(notes);
    let mut n = Notes {
        optional: notes.contains("[optional]"),
        ..Notes::default()
    };
    if let Some(d) = bracket_value(&notes, "[default to") {
        let d = unquote(d.trim());
        // TypeScript writes `[default to undefined]` for "no default".
        if !d.is_empty() && d != "undefined" {
            n.default = Some(d.to_string());
        }
    }
    if let Some(pos) = notes.find("the default value of") {
        let v = notes[pos + "the default value of".len()..].trim();
        let v = v.trim_end_matches('.').trim().trim_matches('"').trim_matches('\'');
        if !v.is_empty() {
            n.default = Some(v.to_string());
        }
    }
    if let Some(e) = bracket_value(&notes, "[enum:") {
        n.enum_values = e.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    }
    n
}

/// A type cell: a model link, an enum link with an empty target, or a Python type spelling.
pub(super) fn type_from_cell(text: &str, link: Option<&str>) -> Result<(TypeRef, bool), String> {
    let t = text.trim().trim_matches('*').trim();
    // PHP and Perl write a file parameter's type twice: `**\SplFileObject****\SplFileObject**`
    // (swagger-codegen's C#: `**byte[]**byte[]`).
    if t.contains("**") {
        let bare: String = t.chars().filter(|c| *c != '*').collect();
        let half = bare.len() / 2;
        if !bare.is_empty() && half * 2 == bare.len() && bare.is_char_boundary(half) && bare[..half] == bare[half..] {
            return Ok((TypeRef::Binary, false));
        }
    }
    let t = typescript_scalar(t).unwrap_or(t);
    // Go model docs: `Pointer to **[]string**` (an optional field).
    let t = t.strip_prefix("Pointer to ").map(|r| r.trim().trim_matches('*').trim()).unwrap_or(t);
    if let Some(target) = link {
        if target == ".md" || target.is_empty() {
            return Ok((TypeRef::String, true));
        }
        if crate::ir::is_model_name(t) && !is_python_builtin(t) {
            return Ok((TypeRef::Model(t.to_string()), false));
        }
    }
    parse_py_type(t).map(|ty| (ty, false))
}

/// TypeScript (axios) writes a scalar parameter's type in brackets, `[**string**]`, and an
/// enum's as `[**'a' | 'b'**]**Array<'a' | 'b'>**` (the `Array<…>` is a template slip, not
/// a list): the scalar inside the brackets. Arrays are `Array<string>`.
fn typescript_scalar(t: &str) -> Option<&str> {
    if super::language() != "typescript" {
        return None;
    }
    let inner = t.strip_prefix('[')?;
    let close = inner.find(']')?;
    let rest = &inner[close + 1..];
    (rest.is_empty() || rest.starts_with("Array<")).then(|| inner[..close].trim())
}

/// The values of an enum spelled in the type itself: TypeScript's `'a' | 'b'` (also inside
/// `Array<…>`), R's `Enum [a, b]`.
pub(super) fn enum_values_of_type(doc_type: &str) -> Vec<String> {
    let t = doc_type.trim();
    let t = typescript_scalar(t).unwrap_or(t);
    let t = t.strip_prefix("Array<").and_then(|r| r.strip_suffix('>')).unwrap_or(t);
    if let Some(list) = t.strip_prefix("Enum [").and_then(|r| r.strip_suffix(']')) {
        return list.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
    }
    if t.starts_with('\'') && t.ends_with('\'') && t.len() >= 2 {
        let vals: Vec<String> = t.split('|').map(|v| v.trim()).filter_map(|v| v.strip_prefix('\'')?.strip_suffix('\'')).map(String::from).collect();
        if vals.len() == t.split('|').count() {
            return vals;
        }
    }
    Vec::new()
}

fn is_python_builtin(t: &str) -> bool {
    parse_py_type(t).is_ok_and(|ty| !matches!(ty, TypeRef::Model(_)))
}

/// Python type spellings of all generations.
pub fn parse_py_type(s: &str) -> Result<TypeRef, String> {
    let s = s.trim().trim_matches('*').trim();
    // Recursion below follows the nesting: bounded, so that no doc overflows the stack.
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for c in s.chars() {
        match c {
            '[' | '(' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ']' | ')' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > crate::ir::MAX_TYPE_DEPTH {
        return Err(format!("type nested more than {} deep", crate::ir::MAX_TYPE_DEPTH));
    }
    // Another language's spellings first: Swift's `[String: String]` is no Python list.
    if super::language() != "python" {
        if let Some(t) = other_language_type(s)? {
            return Ok(t);
        }
    }
    let generic = |prefixes: &[&str], open: char, close: char| -> Option<&str> {
        prefixes.iter().find_map(|p| {
            s.strip_prefix(p)
                .and_then(|r| r.strip_prefix(open))
                .and_then(|r| r.strip_suffix(close))
        })
    };
    if let Some(inner) = generic(&["list", "List"], '[', ']') {
        return Ok(TypeRef::List(Box::new(parse_py_type(inner)?)));
    }
    if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return Ok(TypeRef::List(Box::new(parse_py_type(inner)?)));
    }
    if let Some(inner) = generic(&["Optional"], '[', ']') {
        return parse_py_type(inner);
    }
    let map_inner = generic(&["dict"], '(', ')').or_else(|| generic(&["Dict", "dict"], '[', ']'));
    if let Some(inner) = map_inner {
        let parts = split_top(inner, ',');
        if parts.len() == 2 {
            return Ok(TypeRef::Map(Box::new(parse_py_type(parts[1])?)));
        }
        return Err(format!("expected a map type `dict(str, T)`, found `{s}`"));
    }
    if let Some(inner) = s.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        // 5.x: {str: (bool, date, datetime, dict, float, int, list, str, none_type)}
        if let Some((_, v)) = inner.split_once(':') {
            let v = v.trim().trim_start_matches('(').trim_end_matches(')').trim().trim_end_matches(',');
            return Ok(TypeRef::Map(Box::new(if v.contains(',') { TypeRef::Any } else { parse_py_type(v)? })));
        }
    }
    if s.starts_with("Union[") {
        let inner = &s[6..s.len().saturating_sub(1)];
        let parts: Vec<&str> = split_top(inner, ',').into_iter().map(str::trim).collect();
        if parts.iter().any(|p| p.contains("Bytes") || *p == "bytearray" || *p == "bytes") {
            return Ok(TypeRef::Binary);
        }
        if parts.iter().all(|p| matches!(*p, "StrictFloat" | "StrictInt" | "float" | "int")) {
            return Ok(TypeRef::Number);
        }
        return Ok(TypeRef::Any);
    }
    let base = s.split('(').next().unwrap_or(s).trim();
    Ok(match base {
        "str" | "StrictStr" | "constr" | "string" | "UUID" | "uuid" => TypeRef::String,
        "int" | "StrictInt" | "conint" | "integer" => TypeRef::Integer,
        "float" | "StrictFloat" | "confloat" | "decimal" | "Decimal" | "number" => TypeRef::Number,
        "bool" | "StrictBool" | "boolean" => TypeRef::Boolean,
        "date" => TypeRef::Date,
        "datetime" => TypeRef::DateTime,
        "file" | "file_type" | "bytearray" | "bytes" | "StrictBytes" | "io.IOBase" | "IO" | "IOBase" => TypeRef::Binary,
        "object" | "dict" | "Dict" | "Any" | "AnyType" | "none_type" | "Object" | "list" => TypeRef::Any,
        m if crate::ir::is_model_name(m) && m.starts_with(|c: char| c.is_ascii_uppercase()) => TypeRef::Model(m.to_string()),
        other => return Err(format!("unknown type spelling `{other}`")),
    })
}

/// Type spellings of the other client languages of the template family (the tables of
/// `langs.rs`), then a model under a namespace (`\Swagger\Client\Model\Order`, `models.Pet`).
/// `Ok(None)`: none of them (Python spellings and bare model names are read by the caller).
fn other_language_type(s: &str) -> Result<Option<TypeRef>, String> {
    let s = s.trim();
    if !enum_values_of_type(s).is_empty() {
        let list = s.starts_with("Array<") || s.starts_with("list(");
        return Ok(Some(if list { TypeRef::List(Box::new(TypeRef::String)) } else { TypeRef::String }));
    }
    // Rust's `chrono::DateTime<chrono::FixedOffset>`: the generic arguments say no more.
    let s = match s.split_once('<') {
        Some((base, _)) if s.ends_with('>') && base.ends_with("DateTime") => base,
        _ => s,
    };
    if let Some(t) = super::langs::read_type(super::language(), s, &parse_py_type)? {
        return Ok(Some(t));
    }
    if s == "Array" {
        return Ok(Some(TypeRef::List(Box::new(TypeRef::Any))));
    }
    let last = s.rsplit(['\\', '.', ':']).next().unwrap_or(s);
    let namespaced = last != s && !s.starts_with("io.") && !s.starts_with("decimal.");
    if namespaced && crate::ir::is_model_name(last) && last.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Ok(Some(TypeRef::Model(last.to_string())));
    }
    Ok(None)
}

pub(super) fn note_scheme(op: &mut DocOp, schemes: &mut Vec<DocScheme>, s: DocScheme) {
    if !op.example_schemes.contains(&s.name) {
        op.example_schemes.push(s.name.clone());
    }
    add_scheme(schemes, s);
}

fn add_scheme(schemes: &mut Vec<DocScheme>, s: DocScheme) {
    match schemes.iter_mut().find(|x| x.name == s.name) {
        Some(existing) => super::schemes::merge(existing, s),
        None => schemes.push(s),
    }
}

/// 7.x bullets: `Basic Authentication (BasicAuth):`, `Bearer (JWT) Authentication (x):`,
/// `Api Key Authentication (x):`, `OAuth Authentication (x):`.
pub(super) fn auth_bullet(text: &str, line: usize) -> Option<DocScheme> {
    let t = text.trim().trim_end_matches(':').trim();
    let open = t.rfind('(')?;
    let name = t[open + 1..].strip_suffix(')')?.trim();
    let head = t[..open].trim().to_ascii_lowercase();
    if !head.ends_with("authentication") {
        return None;
    }
    let kind = if head.starts_with("basic") {
        AuthKind::Basic
    } else if head.starts_with("bearer") {
        AuthKind::Bearer
    } else if head.starts_with("api key") {
        AuthKind::ApiKey
    } else if head.starts_with("oauth") {
        AuthKind::Oauth2
    } else {
        return None;
    };
    Some(DocScheme {
        name: name.to_string(),
        kind,
        also: Vec::new(),
        key_name: None,
        line,
        evidence: format!("example bullet `{}`", text.trim()),
        conflict: None,
    })
}

/// The text of a leading quoted string: `'X-API-Key'] = ...` → `X-API-Key`.
fn quoted(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let q = s.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let rest = &s[1..];
    let end = rest.find(q)?;
    Some(&rest[..end]).filter(|k| !k.is_empty())
}

/// The key of a dict entry: `'X-API-Key': 'YOUR_API_KEY'` → `X-API-Key`.
fn dict_key(s: &str) -> Option<&str> {
    let key = quoted(s)?;
    let after = &s.trim_start()[key.len() + 2..];
    after.trim_start().starts_with(':').then_some(key)
}

pub(super) fn read_example(code: &str, first_line: usize, op: &mut DocOp, schemes: &mut Vec<DocScheme>) {
    let mut pending_key: Option<String> = None;
    let mut in_key_dict = false;
    for (i, line) in code.lines().enumerate() {
        // Markdown code blocks start one line below the fence.
        let line_no = first_line + i + 1;
        // `# Configure API key authorization: x` (any comment marker; several glued together
        // in older docs: `...'Bearer'# Configure HTTP basic ...`).
        for (name, clue, evidence) in super::schemes::comment_clue(line) {
            if clue == super::schemes::Clue::ApiKey {
                pending_key = Some(name.clone());
            }
            note_scheme(op, schemes, super::schemes::doc_scheme(&name, clue, line_no, evidence));
        }
        let t = line.trim();
        if !t.starts_with('#') {
            // 5.x-7.x: `configuration.api_key['X'] = ...`; 4.x: `api_key = {` then `'X': ...`.
            let dict_open = ["api_key = {", "api_key={"].iter().find_map(|m| t.find(m).map(|p| p + m.len()));
            let key = if let Some(pos) = t.find("api_key[") {
                quoted(&t[pos + "api_key[".len()..])
            } else if let Some(after) = dict_open {
                dict_key(&t[after..])
            } else if in_key_dict {
                dict_key(t)
            } else {
                None
            };
            if dict_open.is_some() {
                in_key_dict = !t.ends_with('}') && !t.ends_with("},") && !t.ends_with("})");
            } else if t.starts_with('}') {
                in_key_dict = false;
            }
            if let Some(key) = key {
                if let Some(scheme) = pending_key.take() {
                    if let Some(s) = schemes.iter_mut().find(|s| s.name == scheme) {
                        if s.key_name.is_none() {
                            s.key_name = Some(key.to_string());
                            s.evidence = format!("{}; key name from `{}`", s.evidence, t);
                        }
                    }
                }
            }
        }
        // `name = {...} # Type | description`
        if let Some((lhs, rhs)) = t.split_once(" = ") {
            let lhs = lhs.trim();
            if op.examples.contains_key(lhs) || lhs.contains(|c: char| !(c.is_alphanumeric() || c == '_')) {
                continue;
            }
            let value = rhs.rsplit_once(" # ").map(|(v, _)| v).unwrap_or(rhs).trim();
            if value.starts_with('{') || value.starts_with('[') {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(value) {
                    op.examples.insert(lhs.to_string(), v);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Model docs and the README's authorization section.

use super::ReadmeScheme;

pub(super) fn heading(b: &Block) -> Option<(u8, &str)> {
    match &b.kind {
        BlockKind::Heading { level, text } => Some((*level, text.trim())),
        _ => None,
    }
}

pub(super) fn extract_readme_auth(blocks: &[Block], _file: &str, _diags: &mut Diagnostics) -> Vec<ReadmeScheme> {
    let Some(start) = blocks.iter().position(|b| {
        heading(b).is_some_and(|(_, t)| super::schemes::is_auth_heading(t))
    }) else {
        return Vec::new();
    };
    let mut out: Vec<ReadmeScheme> = Vec::new();
    let mut current: Option<ReadmeScheme> = None;
    for b in &blocks[start + 1..] {
        if let Some((_, t)) = heading(b) {
            if let Some(s) = current.take() {
                out.push(s);
            }
            current = Some(ReadmeScheme {
                name: t.to_string(),
                line: b.line,
                ..ReadmeScheme::default()
            });
            continue;
        }
        let BlockKind::List { items } = &b.kind else { continue };
        let Some(s) = current.as_mut() else { continue };
        let mut in_scopes = false;
        for item in items {
            let text = item.text.trim();
            let (key, value) = match text.split_once(": ").or_else(|| text.strip_suffix(':').map(|k| (k, ""))) {
                Some((k, v)) => (k.trim(), v.trim()),
                None => (text, ""),
            };
            if in_scopes {
                s.scopes.insert(key.to_string(), value.to_string());
                continue;
            }
            match key.to_ascii_lowercase().as_str() {
                "type" => {
                    let kinds = super::schemes::readme_type(value).map(|c| c.kinds()).unwrap_or(&[]);
                    s.kind = kinds.first().copied();
                    s.also = kinds.iter().skip(1).copied().collect();
                }
                "api key parameter name" => s.key_name = Some(value.to_string()),
                "location" => {
                    let l = super::schemes::readme_location(value);
                    s.location = l.flatten();
                    s.location_blank = l == Some(None);
                }
                "flow" => s.flow = Some(value.to_string()),
                "authorization url" => s.authorization_url = Some(value.to_string()).filter(|v| !v.is_empty()),
                "token url" => s.token_url = Some(value.to_string()).filter(|v| !v.is_empty()),
                "scopes" => in_scopes = true,
                _ => {}
            }
        }
    }
    if let Some(s) = current.take() {
        out.push(s);
    }
    // Headings after the section that describe no scheme (`Author`) are not schemes.
    out.retain(|s| s.kind.is_some());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_type_spellings_of_every_generation() {
        let cases = [
            ("str", "string"),
            ("**str**", "string"),
            ("int", "integer"),
            ("float", "number"),
            ("bool", "boolean"),
            ("date", "date"),
            ("datetime", "date-time"),
            ("file", "binary"),
            ("file_type", "binary"),
            ("bytearray", "binary"),
            ("io.IOBase", "binary"),
            ("Union[StrictBytes, StrictStr]", "binary"),
            ("object", "object"),
            ("none_type", "object"),
            ("list[str]", "list[string]"),
            ("List[str]", "list[string]"),
            ("[str]", "list[string]"),
            ("List[Optional[str]]", "list[string]"),
            ("dict(str, str)", "map[string]"),
            ("Dict[str, List[str]]", "map[list[string]]"),
            ("Dict[str, int]", "map[integer]"),
            ("{str: (bool, date, datetime, dict, float, int, list, str, none_type)}", "map[object]"),
            ("list[Pet]", "list[Pet]"),
            ("User", "User"),
            ("StrictStr", "string"),
            ("Optional[StrictInt]", "integer"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_py_type(input).unwrap().to_string(), want, "{input}");
        }
        assert!(parse_py_type("strr").is_err());
        assert!(parse_py_type("dict(str)").is_err());
    }

    #[test]
    fn deeply_nested_types_are_refused_not_a_stack_overflow() {
        let deep = |n: usize| format!("{}str{}", "List[".repeat(n), "]".repeat(n));
        assert!(parse_py_type(&deep(16)).is_ok());
        assert_eq!(parse_py_type(&deep(17)), Err("type nested more than 16 deep".to_string()));
        assert!(parse_py_type(&deep(100_000)).is_err());
        let deep = |n: usize| format!("{}string{}", "list[".repeat(n), "]".repeat(n));
        assert!(deep(16).parse::<TypeRef>().is_ok());
        assert_eq!(deep(17).parse::<TypeRef>(), Err("type nested more than 16 deep".to_string()));
        assert!(deep(100_000).parse::<TypeRef>().is_err());
        assert_eq!("map[ list[Pet] ]".parse::<TypeRef>().map(|t| t.to_string()), Ok("map[list[Pet]]".to_string()));
    }

    #[test]
    fn notes_markers() {
        let cases: [(&str, Notes); 7] = [
            ("", Notes::default()),
            ("[optional]", Notes { optional: true, ..Notes::default() }),
            ("[optional] [default to 10]", Notes { optional: true, default: Some("10".into()), ..Notes::default() }),
            ("[optional][default to 10]", Notes { optional: true, default: Some("10".into()), ..Notes::default() }),
            ("[default to 1]", Notes { optional: false, default: Some("1".into()), ..Notes::default() }),
            ("[optional] [default to ]", Notes { optional: true, ..Notes::default() }),
            (
                "[optional] if omitted the server will use the default value of \"json\"",
                Notes { optional: true, default: Some("json".into()), ..Notes::default() },
            ),
        ];
        for (input, want) in cases {
            assert_eq!(parse_notes(input), want, "{input}");
        }
        assert_eq!(parse_notes("[optional] [enum: a, b]").enum_values, ["a", "b"]);
        // String defaults are Python literals in 7.x docs; the model keeps the value.
        assert_eq!(parse_notes("[optional] [default to &#39;json&#39;]").default.as_deref(), Some("json"));
        assert_eq!(parse_notes("[optional] [default to \"json\"]").default.as_deref(), Some("json"));
        assert_eq!(parse_notes("[optional] [default to '']").default, None);
    }

    #[test]
    fn boolean_defaults_lose_their_python_spelling() {
        assert_eq!(model_default("True".into(), &TypeRef::Boolean), "true");
        assert_eq!(model_default("False".into(), &TypeRef::Boolean), "false");
        assert_eq!(model_default("True".into(), &TypeRef::String), "True");
        assert_eq!(model_default("20".into(), &TypeRef::Integer), "20");
        let row = Row {
            line: 7,
            cells: ["**include_items**", "**bool**", "", "[optional] [default to True]"]
                .iter()
                .map(|c| crate::read::markdown::read_cell(c))
                .collect(),
            split: true,
        };
        let p = read_param(&row, "f.md", &mut Diagnostics::default()).unwrap();
        assert_eq!(p.default.as_deref(), Some("true"));
    }

    #[test]
    fn api_key_names_from_a_4x_configuration_dict() {
        // 4.x: one block per scheme, the key named in an `api_key = {...}` dict.
        let code = "# Configure API key authorization: apiKeyHeader\nconfiguration = shop_client.Configuration(\n    host = \"https://x\",\n    api_key = {\n        'X-API-Key': 'YOUR_API_KEY'\n    }\n)\n# configuration.api_key_prefix['X-API-Key'] = 'Bearer'\n# Configure API key authorization: apiKeyQuery\nconfiguration = shop_client.Configuration(api_key = {\"api_key\": 'YOUR_API_KEY'})\n";
        let mut op = DocOp::default();
        let mut schemes = Vec::new();
        read_example(code, 1, &mut op, &mut schemes);
        let got: Vec<(&str, Option<&str>)> = schemes.iter().map(|s| (s.name.as_str(), s.key_name.as_deref())).collect();
        assert_eq!(got, [("apiKeyHeader", Some("X-API-Key")), ("apiKeyQuery", Some("api_key"))]);
        // A dict that is not `api_key` names no key.
        let code = "# Configure API key authorization: k\nheaders = {\n    'Other': 'v'\n}\n";
        let mut schemes = Vec::new();
        read_example(code, 1, &mut DocOp::default(), &mut schemes);
        assert_eq!(schemes[0].key_name, None);
    }

    #[test]
    fn a_missing_parameters_section_skips_the_operation_once() {
        let src = "# p.PetsApi\n\nAll URIs are relative to *https://x.org*\n\nMethod | HTTP request | Description\n--- | --- | ---\n[**get_pet**](#get_pet) | **GET** /pets | Get\n\n# **get_pet**\n> Pet get_pet(pet_id)\n\n### Return type\n\n[**Pet**](Pet.md)\n\n### Authorization\n\nNo authorization required\n\n### HTTP request headers\n\n - **Content-Type**: Not defined\n";
        let mut d = Diagnostics::default();
        let api = extract(&crate::read::markdown::read(src), "f.md", &mut d).unwrap();
        let got: Vec<_> = d.items.iter().map(|d| (d.severity, d.line, d.message.as_str())).collect();
        assert_eq!(
            got,
            [(
                crate::diag::Severity::Warning,
                9,
                "operation `get_pet`: expected a `Parameters` section; operation `get_pet` skipped"
            )]
        );
        assert!(api.ops.is_empty());
        assert_eq!((d.tally.table_ops, d.tally.skipped), (1, 1));
        // Without arguments in the signature, no section means no parameters.
        let src = src.replace("get_pet(pet_id)", "get_pet()");
        let mut d = Diagnostics::default();
        let api = extract(&crate::read::markdown::read(&src), "f.md", &mut d).unwrap();
        assert_eq!(api.ops.len(), 1);
        assert_eq!(d.warnings().count(), 1);
    }

    #[test]
    fn an_unreadable_base_url_keeps_its_line() {
        let src = "# p.PetsApi\n\nAll URIs are relative to *the server*\n\nMethod | HTTP request | Description\n--- | --- | ---\n";
        let mut d = Diagnostics::default();
        let api = extract(&crate::read::markdown::read(src), "f.md", &mut d).unwrap();
        assert_eq!((api.base_url, api.base_url_line), (None, 3));
        assert!(d.warnings().any(|e| e.line == 3 && e.message.starts_with("expected a base URL")));
        assert!(!d.has_errors());
    }

    #[test]
    fn a_base_url_without_a_scheme_gets_https() {
        for (url, want) in [
            ("api.example.com/v1", Some("https://api.example.com/v1")),
            ("localhost:8080/api", Some("https://localhost:8080/api")),
            ("https://x.org/v2", Some("https://x.org/v2")),
            ("/v1", Some("/v1")),
            ("the server", None),
        ] {
            let src = format!("# p.PetsApi\n\nAll URIs are relative to *{url}*\n\nMethod | HTTP request | Description\n--- | --- | ---\n");
            let mut d = Diagnostics::default();
            let api = extract(&crate::read::markdown::read(&src), "f.md", &mut d).unwrap();
            assert_eq!(api.base_url.as_deref(), want, "{url}");
            let repaired = want.is_some_and(|w| w != url);
            assert_eq!(api.base_url_note.is_some(), repaired, "{url}");
            assert_eq!(d.tally.repaired, usize::from(repaired), "{url}");
        }
    }

    #[test]
    fn response_headers_in_plain_text() {
        let src = "p.PetsApi\n\nAll URIs are relative to https://x.org\n\nMethod HTTP request Description\nget_pet GET /pets Get\n\nget_pet\n\nPet get_pet()\n\nParameters\n\nThis endpoint does not need any parameter.\n\nReturn type\n\nPet\n\nAuthorization\n\nNo authorization required\n\nHTTP request headers\n\n  • Content-Type: Not defined\n\nHTTP response details\n\nStatus code Description Response headers\n200 A page. * X-Next-Page - The next page. * X-Total - Count.\n201 Created. -\n204 -\n0 Error\n";
        let mut d = Diagnostics::default();
        let blocks = crate::read::text::read(src, &Python.text_hints());
        let api = extract(&blocks, "f.txt", &mut d).unwrap();
        assert!(d.items.is_empty(), "{:?}", d.items);
        let got: Vec<(&str, &str, Vec<&str>)> = api.ops[0]
            .statuses
            .iter()
            .map(|s| (s.status.as_str(), s.description.as_str(), s.headers.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            got,
            [
                ("200", "A page.", vec!["X-Next-Page", "X-Total"]),
                ("201", "Created.", vec![]),
                ("204", "", vec![]),
                ("0", "Error", vec![]),
            ]
        );
    }

    #[test]
    fn titles() {
        assert_eq!(split_title("umaaas_api.UsersApi"), Some(("UsersApi".into(), Some("umaaas_api".into()))));
        assert_eq!(split_title("pkg.apis.tags.orders_api.OrdersApi"), Some(("OrdersApi".into(), Some("pkg.apis.tags.orders_api".into()))));
        assert_eq!(split_title("UsersApi"), Some(("UsersApi".into(), None)));
        // A saved GitHub page shows the file name above the title.
        assert_eq!(split_title("UsersApi.md"), None);
        assert_eq!(split_title("History"), None);
        assert_eq!(split_title("Skip to content"), None);
    }

    #[test]
    fn signatures() {
        let s = parse_signature("ListUsers200Response list_users(platform_user_id=platform_user_id, limit=limit)", "list_users", 3).unwrap();
        assert_eq!(s.return_type.as_deref(), Some("ListUsers200Response"));
        assert_eq!(s.args, [("platform_user_id".to_string(), true), ("limit".to_string(), true)]);
        let s = parse_signature("Dict[str, int] get_inventory()", "get_inventory", 1).unwrap();
        assert_eq!(s.return_type.as_deref(), Some("Dict[str, int]"));
        assert!(s.args.is_empty());
        let s = parse_signature("delete_user(app_id, user_id)", "delete_user", 1).unwrap();
        assert_eq!(s.return_type, None);
        assert_eq!(s.args.len(), 2);
        assert!(parse_signature("not_the_op(a)", "delete_user", 1).is_none());
        // The summary joined to the quote by markdown's lazy continuation.
        let s = parse_signature("String welcome_page_get() Welcome Page", "welcome_page_get", 1).unwrap();
        assert_eq!((s.return_type.as_deref(), s.args.len()), (Some("String"), 0));
        let s = parse_signature("Pet get_pet(pet_id, (a, b)) Get a pet", "get_pet", 1).unwrap();
        assert_eq!(s.args.len(), 2);
        assert!(parse_signature("xdelete_user(a)", "delete_user", 1).is_none());
    }

    #[test]
    fn auth_bullets() {
        let cases = [
            ("Basic Authentication (BasicAuth):", "BasicAuth", AuthKind::Basic),
            ("Bearer (JWT) Authentication (bearerAuth):", "bearerAuth", AuthKind::Bearer),
            ("Api Key Authentication (api_key):", "api_key", AuthKind::ApiKey),
            ("OAuth Authentication (petstore_auth):", "petstore_auth", AuthKind::Oauth2),
        ];
        for (text, name, kind) in cases {
            let s = auth_bullet(text, 1).unwrap();
            assert_eq!((s.name.as_str(), s.kind), (name, kind));
        }
        assert!(auth_bullet("Something else (x):", 1).is_none());
    }

    #[test]
    fn example_code_gives_schemes_key_names_and_json() {
        let code = "# Configure HTTP basic authorization: appKeys\nconfiguration.username = 'YOUR_USERNAME'\n# Configure API key authorization: applicationId\nconfiguration.api_key['applicationId'] = 'YOUR_API_KEY'\n# configuration.api_key_prefix['token'] = 'Bearer'# Configure HTTP basic authorization: orgAppKeys\n# Configure OAuth2 access token for authorization: finapi_auth\n# Configure Bearer authorization (JWT): bearerAuth\n    body = {\"a\":{\"b\":1}} # Model | \n";
        let mut op = DocOp::default();
        let mut schemes = Vec::new();
        read_example(code, 10, &mut op, &mut schemes);
        let got: Vec<(&str, AuthKind, Option<&str>)> = schemes
            .iter()
            .map(|s| (s.name.as_str(), s.kind, s.key_name.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("appKeys", AuthKind::Basic, None),
                ("applicationId", AuthKind::ApiKey, Some("applicationId")),
                ("orgAppKeys", AuthKind::Basic, None),
                ("finapi_auth", AuthKind::Oauth2, None),
                ("bearerAuth", AuthKind::Bearer, None),
            ]
        );
        assert_eq!(schemes[0].line, 11);
        assert_eq!(op.examples["body"], serde_json::json!({"a": {"b": 1}}));
    }

    #[test]
    fn typescript_default_to_undefined_is_no_default() {
        assert_eq!(parse_notes("[default to undefined]").default, None);
        assert_eq!(parse_notes("[optional] [default to 20]").default.as_deref(), Some("20"));
    }

}
