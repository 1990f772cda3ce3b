//! Every model doc of the real docs directories in `tests/fixtures/corpus/*/docs/` (copies of `../shared/corpus/`) becomes a
//! type: a struct with fields, an enum with values, a union of variant models, or (only
//! when the doc lists no property at all) any JSON. Prints the measurement; skipped, loudly,
//! where the corpus is not beside the repository.

mod support;

use generator::doc::Template;
use generator::ir::{Api, Field, Model, ModelKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn md_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            md_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") && p.file_name().is_some_and(|n| n != "README.md") {
            out.push(p);
        }
    }
}

/// Rows of property-like tables a doc has (`Name | Type`, `Key | Input Type`), headers excluded.
fn property_rows(text: &str) -> usize {
    let mut rows = 0;
    let mut in_table = false;
    for line in text.lines() {
        let l = line.trim().trim_start_matches('|').trim();
        if l.starts_with("Name | Type") || l.starts_with("Key | Input Type") || l.starts_with("Name | Type | Description") {
            in_table = true;
            continue;
        }
        if in_table {
            if l.starts_with("---") || l.starts_with("------------") {
                continue;
            }
            if l.starts_with("**") && !l.starts_with("**any string name**") && !l.starts_with("**any_string_name**") {
                rows += 1;
                continue;
            }
            in_table = false;
        }
    }
    rows
}

#[test]
fn every_corpus_model_doc_becomes_a_type() {
    let corpus = support::root().join("tests/fixtures/corpus");
    if !corpus.is_dir() {
        eprintln!("\n*** {} not found: the corpus model measurement did NOT run ***\n", corpus.display());
        return;
    }
    let flavour = Template;
    let hints = flavour.text_hints();
    let mut shapes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&corpus).unwrap().flatten().map(|e| e.path().join("docs")).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for docs in dirs {
        let mut files = Vec::new();
        md_files(&docs, &mut files);
        files.sort();
        let mut api = Api { provider: "corpus".into(), title: String::new(), ..Api::default() };
        let mut rows_of: BTreeMap<String, (usize, String)> = BTreeMap::new();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let form = generator::read::detect_form(&text);
            let blocks = generator::read::read(&text, form, &hints);
            let label = f.strip_prefix(&corpus).unwrap().display().to_string();
            let is_api = text.contains("Method | HTTP request") || text.contains("| Method | HTTP request");
            if is_api {
                continue;
            }
            let mut diags = generator::diag::Diagnostics::default();
            let Some(d) = flavour.extract_model(&blocks, &label, "python", &mut diags) else {
                problems.push(format!("{label}: no type (not read as a model doc)"));
                continue;
            };
            rows_of.insert(d.name.clone(), (property_rows(&text), label.clone()));
            api.models.push(Model {
                name: d.name.clone(),
                kind: if d.is_enum { ModelKind::Enum } else { ModelKind::Object },
                description: String::new(),
                fields: d
                    .fields
                    .iter()
                    .map(|f| Field {
                        neutral_name: None,
                        name: f.name.clone(),
                        wire_name: f.name.clone(),
                        ty: f.ty.clone(),
                        required: f.required,
                        nullable: f.nullable,
                        read_only: f.read_only,
                        default: f.default.clone(),
                        description: String::new(),
                        inferred: BTreeMap::new(),
                        overridden: Vec::new(),
                    })
                    .collect(),
                enum_values: d.enum_values.clone(),
                variants: Vec::new(),
                discriminator: None,
                inferred: BTreeMap::new(),
                overridden: Vec::new(),
                file: label.clone(),
                line: d.line,
            });
        }
        generator::infer::models::infer_variants(&mut api);
        for m in &api.models {
            let (rows, label) = &rows_of[&m.name];
            let shape = match m.kind {
                ModelKind::OneOf | ModelKind::AnyOf => "union of variant models",
                ModelKind::Enum if !m.enum_values.is_empty() => "enum with values",
                ModelKind::Enum => "enum without values (any string)",
                ModelKind::Object if !m.fields.is_empty() => "struct with fields",
                ModelKind::Object => "no properties (any JSON)",
            };
            if shape.starts_with("no properties") && *rows > 0 {
                problems.push(format!("{label}: {rows} property rows, but no field read"));
            }
            if m.kind == ModelKind::Object && !m.fields.is_empty() && m.fields.len() < *rows {
                problems.push(format!("{label}: {rows} property rows, {} fields read", m.fields.len()));
            }
            if std::env::var_os("CORPUS_MODELS_VERBOSE").is_some() && !shape.starts_with("struct") {
                eprintln!("  {label}: {shape} {:?}", m.variants);
            }
            *shapes.entry(shape).or_default() += 1;
        }
    }
    let total: usize = shapes.values().sum();
    eprintln!("corpus model docs: {total} read as types");
    for (shape, n) in &shapes {
        eprintln!("  {n:5}  {shape}");
    }
    assert!(problems.is_empty(), "{} model docs without a faithful type:\n{}", problems.len(), problems.join("\n"));
}
