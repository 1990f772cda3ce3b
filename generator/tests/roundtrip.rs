//! The normalized YAML is a faithful, stable serialization of the model: the checked-in
//! `specs/*/api.yaml` read and written again are byte-identical, and a parsed doc survives
//! YAML and back unchanged.

mod support;

use generator::ir::Api;
use generator::yaml::{from_yaml, to_yaml};

/// The model as YAML carries it: source lines are not serialized.
fn without_lines(mut api: Api) -> Api {
    api.forget_origins();
    api
}

#[test]
fn checked_in_api_yaml_rewrites_byte_for_byte() {
    let dirs = generator::spec_dirs(&support::root());
    assert!(dirs.len() >= 5, "seeds not found: {dirs:?}");
    for dir in dirs {
        let path = dir.join("api.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let api = from_yaml(&text, &path.display().to_string()).unwrap_or_else(|e| panic!("{e}"));
        assert!(to_yaml(&api) == text, "{}: from_yaml then to_yaml changes the file", path.display());
    }
}

fn assert_survives_yaml(api: Api, label: &str) {
    let api = without_lines(api);
    let yaml = to_yaml(&api);
    let back = from_yaml(&yaml, label).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, api, "{label}: parse → yaml → parse differs");
    assert_eq!(to_yaml(&back), yaml, "{label}: yaml is not stable");
}

#[test]
fn seeds_survive_yaml_and_back() {
    let root = support::root();
    for dir in generator::spec_dirs(&root) {
        let spec = generator::load_spec_dir(&dir, &root).unwrap_or_else(|e| panic!("{e}"));
        assert_survives_yaml(spec.value.api, &dir.display().to_string());
    }
}

#[test]
fn fixture_docs_survive_yaml_and_back() {
    for flavour in ["python", "python-pydantic-v1", "python-v5", "python-v4"] {
        for api in ["OrdersApi", "FilesApi"] {
            let path = support::root().join(format!("tests/fixtures/shop/{flavour}/docs/{api}.md"));
            let label = path.display().to_string();
            let loaded = generator::load_input(&path).unwrap_or_else(|e| panic!("{e}"));
            assert_survives_yaml(loaded.value, &label);
        }
    }
}

#[test]
fn load_input_reads_an_api_yaml_like_the_doc_it_came_from() {
    let root = support::root();
    for dir in generator::spec_dirs(&root) {
        let from_dir = generator::load_input(&dir).unwrap_or_else(|e| panic!("{e}")).value;
        let from_yaml = generator::load_input(&dir.join("api.yaml")).unwrap_or_else(|e| panic!("{e}")).value;
        assert_eq!(without_lines(from_dir), from_yaml, "{}", dir.display());
    }
}

#[test]
fn invalid_api_yaml_names_its_line() {
    let text = std::fs::read_to_string(support::root().join("specs/umaaas/api.yaml")).unwrap();
    let bad = text.replacen("  method: POST\n", "  method: POST\n  verb: POST\n", 1);
    let line = bad.lines().position(|l| l == "  verb: POST").unwrap() + 1;
    let err = from_yaml(&bad, "api.yaml").expect_err("unknown field");
    assert_eq!(err.0.len(), 1);
    assert_eq!(err.0[0].line, line, "{}", err);
    assert!(err.0[0].message.contains("unknown field `verb`"), "{err}");
    let bad = text.replacen("type: string", "type: strin g", 1);
    let err = from_yaml(&bad, "api.yaml").expect_err("bad type");
    assert!(err.0[0].message.contains("unknown type `strin g`"), "{err}");
}
