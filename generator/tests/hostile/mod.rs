//! The entry points fuzzing drives, shared by the fuzz targets (`generator/fuzz/`, through
//! `#[path]`) and the stable regression test over the saved corpus (`fuzz_regressions.rs`).
//! Each reads one input and, when it loads, pushes the result through the rest of the
//! pipeline (YAML out and back in, rendering). None may panic; each returns whether the
//! input loaded.

#![allow(dead_code)]

use generator::ir::{Api, DocForm};
use generator::render::{render_crate, CrateOptions};

fn opts() -> CrateOptions {
    CrateOptions {
        crate_name: "fuzz-client".into(),
        display_name: "Fuzz".into(),
        version: "0.1.0".into(),
        command: "fuzz".into(),
    }
}

/// Everything downstream of a loaded model: YAML round trip, rendering. A loaded model
/// must write YAML that reads back as the same model, and render without a panic.
fn downstream(api: &Api) {
    let yaml = generator::yaml::to_yaml(api);
    match generator::yaml::from_yaml(&yaml, "roundtrip.yaml") {
        Ok(back) => assert_eq!(generator::yaml::to_yaml(&back), yaml, "YAML round trip changed the model"),
        Err(e) => panic!("written YAML does not read back: {e}\n{yaml}"),
    }
    let _ = render_crate(api, &opts());
}

/// A doc as `parse_doc` reads it (markdown or text, detected).
pub fn markdown_doc(text: &str) -> bool {
    match generator::parse_doc(text, "fuzz.md", "fuzz") {
        Ok(loaded) => {
            downstream(&loaded.value);
            true
        }
        Err(e) => {
            assert!(!e.0.is_empty(), "a failure without a diagnostic");
            false
        }
    }
}

/// A doc forced through the plain-text reader and the flavour, then `parse_doc`.
pub fn plain_text_doc(text: &str) -> bool {
    let flavour = generator::doc::Template;
    let hints = flavour.text_hints();
    let blocks = generator::read::read(text, DocForm::Text, &hints);
    let mut diags = generator::diag::Diagnostics::default();
    let _ = flavour.extract(&blocks, "fuzz.txt", None, &mut diags);
    let _ = flavour.extract_model(&blocks, "fuzz.txt", "python", &mut diags);
    markdown_doc(text)
}

/// A normalized `api.yaml`.
pub fn yaml_spec(text: &str) -> bool {
    match generator::yaml::from_yaml(text, "fuzz.yaml") {
        Ok(api) => {
            let _ = render_crate(&api, &opts());
            true
        }
        Err(e) => {
            assert!(!e.0.is_empty(), "a failure without a diagnostic");
            false
        }
    }
}

/// One source file of an SDK in `language`, read by that language's reader as an API source
/// and as a model source under the paths its generators use; every fact must point at a
/// line of the file. Returns whether anything was read.
pub fn sdk_source(language: &str, text: &str) -> bool {
    let Some(ex) = generator::sdk::extractor(language) else { return false };
    let lines = text.lines().count().max(1);
    let mut facts = generator::sdk::SdkFacts::default();
    (ex.api)("sdk/api/fuzz_api.src", text, &mut facts);
    (ex.api)("sdk/paths/fuzz/get.py", text, &mut facts);
    (ex.model)("sdk/model/fuzz.src", text, &mut facts);
    for op in facts.ops.values() {
        assert!(op.at.line <= lines, "operation `{}` at line {} of {lines}", op.name, op.at.line);
        for p in &op.params {
            assert!(p.at.line >= 1 && p.at.line <= lines, "parameter `{}` at line {} of {lines}", p.name, p.at.line);
        }
    }
    for m in facts.models.values() {
        for f in &m.fields {
            assert!(f.at.line >= 1 && f.at.line <= lines, "field `{}` at line {} of {lines}", f.name, f.at.line);
        }
    }
    !facts.ops.is_empty() || !facts.models.is_empty()
}
