//! Docs directories laid out as custom templates lay them out: `docs/api/*Api.md` beside
//! `docs/model/*.md` (typescript-node custom templates), with model tables that dress a
//! property's name in markup (`` `dogId`<sup>*_required_</sup> ``).

mod support;

use generator::diag::Diagnostics;
use generator::ir::{Api, TypeRef};
use std::path::PathBuf;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/doc_layouts/api_model")
}

fn load(path: &std::path::Path) -> Api {
    match support::load_docs_alone(path) {
        Ok(l) => l.value,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

#[test]
fn api_and_model_subdirectories_are_read() {
    for dir in [fixture(), fixture().join("docs")] {
        let api = load(&dir);
        let mut ops: Vec<(&str, &str)> = api.operations.iter().map(|o| (o.name.as_str(), o.path.as_str())).collect();
        ops.sort();
        assert_eq!(ops, [("dogCreate", "/dogs"), ("dogGet", "/dogs/{dog_id}")], "{}", dir.display());
        let mut models: Vec<&str> = api.models.iter().map(|m| m.name.as_str()).collect();
        models.sort();
        assert_eq!(models, ["Dog", "DogCreateRequest"], "{}", dir.display());
    }
}

#[test]
fn the_readme_beside_docs_is_the_one_read() {
    let root = fixture();
    for dir in [root.clone(), root.join("docs")] {
        let mut diags = Diagnostics::default();
        let set = generator::collect_dir(&dir, &root, &mut diags);
        assert!(!diags.has_errors(), "{:?}", diags.sorted());
        let (label, text) = set.readme.expect("a README");
        assert_eq!(label, "README.md", "{}", dir.display());
        assert!(text.starts_with("# Kennel client"));
        // API and model docs, each once; no README among them.
        let mut docs: Vec<&str> = set.docs.iter().map(|(l, _)| l.as_str()).collect();
        docs.sort();
        assert_eq!(docs, ["docs/api/DogsApi.md", "docs/model/Dog.md", "docs/model/DogCreateRequest.md"]);
    }
}

#[test]
fn names_dressed_in_markup_read_as_the_name_and_its_requiredness() {
    let api = load(&fixture());
    let dog = api.models.iter().find(|m| m.name == "Dog").expect("Dog");
    let got: Vec<(&str, bool, TypeRef)> = dog.fields.iter().map(|f| (f.name.as_str(), f.required, f.ty.clone())).collect();
    assert_eq!(
        got,
        [
            ("dogId", true, TypeRef::String),
            ("name", true, TypeRef::String),
            ("nickname", false, TypeRef::String),
            ("goodBoy", false, TypeRef::Boolean),
        ]
    );
    for f in api.models.iter().flat_map(|m| &m.fields) {
        assert!(!f.name.contains('<') && !f.name.contains('`') && !f.name.contains('*'), "{}", f.name);
        assert_eq!(f.wire_name, f.name);
    }
}
