//! A doc set's docs read (phase 1: blocks) and what each says (phase 2): API docs told
//! from model docs by their method table, model docs read in their API docs' language.

use super::{DocApi, DocModel, ReadmeScheme, Template};
use crate::diag::Diagnostics;
use crate::ir::DocForm;
use crate::read::{Block, BlockKind, DocSet};
use std::path::Path;

pub(crate) fn file_name(label: &str) -> String {
    Path::new(label)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.to_string())
}

/// A doc set read into blocks (phase 1 of [`crate::parse_doc_set`]).
#[derive(Debug, Clone)]
pub struct ReadDocs {
    /// (label, form, blocks) per doc, in the set's order.
    pub docs: Vec<(String, DocForm, Vec<Block>)>,
    pub readme: Option<(String, Vec<Block>)>,
}

/// What a doc set's docs say (phase 2 of [`crate::parse_doc_set`]).
#[derive(Debug, Clone)]
pub struct ExtractedDocs {
    /// API docs: (label, statements).
    pub apis: Vec<(String, DocApi)>,
    pub models: Vec<DocModel>,
    pub readme: Option<(String, Vec<ReadmeScheme>)>,
    /// The paths the README's endpoint list gives (every API group's, read or not).
    pub readme_paths: Vec<String>,
    pub files: Vec<String>,
    pub form: Option<DocForm>,
}

/// Phase 1: every doc of the set as blocks (markdown or plain text, detected).
pub fn read_doc_set(set: &DocSet) -> ReadDocs {
    let hints = Template.text_hints();
    let blocks = |text: &str| {
        let f = crate::read::detect_form(text);
        (f, crate::read::read(text, f, &hints))
    };
    ReadDocs {
        docs: set
            .docs
            .iter()
            .map(|(label, text)| {
                let (f, b) = blocks(text);
                (label.clone(), f, b)
            })
            .collect(),
        readme: set.readme.as_ref().map(|(label, text)| (label.clone(), blocks(text).1)),
    }
}

/// Phase 2: what each doc says; API docs are told from model docs by the method table.
pub fn extract_doc_set(read: &ReadDocs, forced: Option<&'static str>, diags: &mut Diagnostics) -> ExtractedDocs {
    let flavour = Template;
    let mut out = ExtractedDocs {
        apis: Vec::new(),
        models: Vec::new(),
        readme: None,
        readme_paths: Vec::new(),
        files: Vec::new(),
        form: None,
    };
    let single = read.docs.len() == 1;
    let mut model_docs = Vec::new();
    for (label, f, blocks) in &read.docs {
        let is_api = blocks.iter().any(|b| {
            matches!(&b.kind, BlockKind::Table { rows } if rows.first().is_some_and(|r| {
                r.cells.len() >= 2 && r.cells[0].text.trim() == "Method" && r.cells[1].text.trim() == "HTTP request"
            }))
        });
        if is_api || single {
            out.form.get_or_insert(*f);
            out.files.push(file_name(label));
            if let Some(doc) = flavour.extract(blocks, label, forced, diags) {
                out.apis.push((label.clone(), doc));
            }
        } else {
            out.files.push(file_name(label));
            model_docs.push((label, blocks));
        }
    }
    // Model docs have no example code: they are read in their API docs' language.
    let language = out.apis.first().map(|(_, d)| d.language).unwrap_or("python");
    for (label, blocks) in model_docs {
        match flavour.extract_model(blocks, label, language, diags) {
            Some(m) => out.models.push(m),
            None => {
                let name = file_name(label);
                out.files.retain(|f| *f != name);
                diags.warning(label, 1, "neither an API doc (no method table) nor a model doc (no `# Name` heading); ignored");
            }
        }
    }
    if let Some((label, blocks)) = &read.readme {
        out.readme = Some((label.clone(), flavour.extract_readme_auth(blocks, label, diags)));
        out.readme_paths = readme_paths(blocks);
        out.files.push(file_name(label));
    }
    out
}

/// The paths of the README's endpoint list (`Class | Method | HTTP request | Description`):
/// every group's endpoints, also those of docs not given, written by the API's own hand.
fn readme_paths(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks {
        let BlockKind::Table { rows } = &b.kind else { continue };
        let Some(col) = rows.first().and_then(|h| h.cells.iter().position(|c| c.text.trim() == "HTTP request")) else {
            continue;
        };
        for row in rows.iter().skip(1) {
            let Some(cell) = row.cells.get(col) else { continue };
            let text = cell.text.replace('*', "");
            let mut words = text.split_whitespace();
            let (Some(method), Some(path)) = (words.next(), words.next()) else { continue };
            if super::table::METHODS.contains(&method.to_ascii_uppercase().as_str()) && path.starts_with('/') {
                out.push(path.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_readmes_endpoint_list_gives_every_groups_paths() {
        let text = "# sdk\n\n## Documentation for API Endpoints\n\nClass | Method | HTTP request | Description\n------------ | ------------- | ------------- | -------------\n*LoansApi* | [**lend_book**](docs/LoansApi.md#lend_book) | **POST** /loans/{bookId} | Lend\n*UsersApi* | [**get_user**](docs/UsersApi.md#get_user) | **GET** /users/{user_id} | Get\n*UsersApi* | [**bad**](docs/UsersApi.md#bad) | **FETCH** /nope | Bad\n\n| Name | Value |\n|---|---|\n| a | b |\n";
        let blocks = crate::read::read(text, crate::ir::DocForm::Markdown, &super::Template.text_hints());
        assert_eq!(super::readme_paths(&blocks), ["/loans/{bookId}", "/users/{user_id}"]);
    }
}
