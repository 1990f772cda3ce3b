//! The Python client docs of swagger-codegen and openapi-generator (4.x to 7.x,
//! python-nextgen, pydantic-v1): a method table, then per operation a signature, prose,
//! an example, a Parameters table, Return type, Authorization, HTTP request headers and,
//! in newer generations, HTTP response details.
//!
//! The Parameters table is authoritative; the signature and example code are evidence.

use super::DocApi;
use crate::diag::Diagnostics;
use crate::prose::decode_entities;
use crate::read::{Block, BlockKind, TextHints};
use std::collections::{HashMap, HashSet};
use super::blocks::*;
use super::operation::*;
use super::table::*;


pub(crate) fn text_hints() -> TextHints<'static> {
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

/// An API doc: its language detected (or `forced`), then read in it.
pub(crate) fn extract_api(blocks: &[Block], file: &str, forced: Option<&'static str>, diags: &mut Diagnostics) -> Option<DocApi> {
    let language = super::detect_language(blocks, forced);
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
    extract(blocks, file, language, diags).map(|mut api| {
        api.language = language;
        api
    })
}

pub(crate) fn extract(blocks: &[Block], file: &str, lang: &'static str, diags: &mut Diagnostics) -> Option<DocApi> {
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
        return super::dynamic::extract(blocks, table_pos, file, diags);
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
        let op = read_operation(top, *line, &rest[start + 1..end], file, lang, &mut local, &mut api.schemes);
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
