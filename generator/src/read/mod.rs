//! Readers turn a document's *form* (markdown, or a rendered page saved as plain text) into
//! one block structure. The doc layer (see `crate::doc`) read operations out of blocks and
//! never look at the raw form, so a form and a flavour are independent additions.

use std::path::PathBuf;
pub mod markdown;
pub mod text;

use crate::ir::DocForm;

/// A block of a document with its 1-based source line.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub line: usize,
    pub kind: BlockKind,
    /// The block's source text (markdown kept, for prose).
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Heading { level: u8, text: String },
    /// A paragraph (or an HTML block) as plain text, with the targets of its links.
    Para { text: String, links: Vec<String> },
    List { items: Vec<Item> },
    /// The first row is the header.
    Table { rows: Vec<Row> },
    Code { lang: String, text: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub line: usize,
    pub text: String,
    pub links: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    /// Cells as written. A row read from plain text has a single cell holding the whole
    /// line (`split == false`): the flavour knows how that table's columns split.
    pub cells: Vec<Cell>,
    pub split: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// Plain text, markup removed, entities decoded.
    pub text: String,
    /// The cell's source (markdown kept).
    pub raw: String,
    /// The first link's target, if any.
    pub link: Option<String>,
}

/// What a flavour tells the plain-text reader about its template: the lines that are
/// section headings, the header lines that start tables, and the sections holding code.
#[derive(Debug, Clone, Copy)]
pub struct TextHints<'a> {
    pub section_titles: &'a [&'a str],
    pub table_headers: &'a [&'a [&'a str]],
    pub code_sections: &'a [&'a str],
}

/// Decides whether a document is markdown or a rendered page saved as plain text.
pub fn detect_form(src: &str) -> DocForm {
    // Markdown keeps fences, table delimiter rows and link syntax; a rendered page has none.
    let markdown = src.lines().any(|line| {
        let t = line.trim();
        t.starts_with("```")
            || (t.contains("---") && t.contains('|') && t.chars().all(|c| matches!(c, '-' | '|' | ':' | ' ')))
            || t.contains("](")
            // A model doc with neither table nor link (an enum: `## Enum` and a list).
            || t == "## Enum"
    });
    if markdown {
        DocForm::Markdown
    } else {
        DocForm::Text
    }
}

/// Reads a document in either form into blocks.
pub fn read(src: &str, form: DocForm, hints: &TextHints<'_>) -> Vec<Block> {
    match form {
        DocForm::Markdown => markdown::read(src),
        DocForm::Text => text::read(src, hints),
    }
}

/// 1-based line numbers from byte offsets.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// The files of one API's docs: API docs (`*Api.md`) and model docs in any order (told
/// apart by content), and the client README, whose authorization section is read.
#[derive(Debug, Clone, Default)]
pub struct DocSet {
    /// (label for diagnostics, contents)
    pub docs: Vec<(String, String)>,
    pub readme: Option<(String, String)>,
    /// The files read (docs and README), when read from disk.
    pub paths: Vec<PathBuf>,
}

