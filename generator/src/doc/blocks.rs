//! The template's vocabulary over blocks: its section titles, table headers, and the
//! notes cells of its parameter and property tables (`[optional]`, `[default to X]`).

use crate::prose::decode_entities;
use crate::read::{Block, BlockKind, Row};

pub(crate) const SECTIONS: &[&str] = &[
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

pub(crate) fn section_of(text: &str) -> Option<&'static str> {
    let t = text.trim().trim_matches('*').trim();
    SECTIONS.iter().copied().find(|s| s.eq_ignore_ascii_case(t))
}

/// A sub-section heading: one of [`SECTIONS`], or Ruby 7.x's `### Examples` (a level-3
/// heading: an `## Examples` belongs to a description).
pub(crate) fn sub_section_of(level: u8, text: &str) -> Option<&'static str> {
    let t = text.trim().trim_matches('*').trim();
    match section_of(t) {
        None if level == 3 && t.eq_ignore_ascii_case("Examples") => Some("Example"),
        s => s,
    }
}

pub(crate) fn header_is(row: &Row, first: &str, second: &str) -> bool {
    row.cells.len() >= 2
        && row.cells[0].text.trim().eq_ignore_ascii_case(first)
        && row.cells[1].text.trim().eq_ignore_ascii_case(second)
}

pub(crate) fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}


pub(crate) fn heading(b: &Block) -> Option<(u8, &str)> {
    match &b.kind {
        BlockKind::Heading { level, text } => Some((*level, text.trim())),
        _ => None,
    }
}
/// Splits on `sep` outside brackets and parentheses.
pub(crate) fn split_top(s: &str, sep: char) -> Vec<&str> {
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

/// End of a type token that may hold spaces inside brackets (`dict(str, str)`).
pub(crate) fn token_end(s: &str) -> usize {
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
pub(crate) struct Notes {
    pub(crate) optional: bool,
    pub(crate) default: Option<String>,
    pub(crate) enum_values: Vec<String>,
}

pub(crate) fn bracket_value<'a>(notes: &'a str, marker: &str) -> Option<&'a str> {
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
pub(crate) fn unquote(s: &str) -> &str {
    for q in ['\'', '"'] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

pub(crate) fn parse_notes(notes: &str) -> Notes {
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
