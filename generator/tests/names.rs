//! One name decided once: the same API documented in any client language gives the same
//! Rust names, and `diff` reports the names the generated crate really has.

mod support;

use generator::ir::Api;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn load(dir: &str) -> Api {
    let path = support::root().join(dir);
    support::load_docs_alone(&path).unwrap_or_else(|e| panic!("{dir}: {:?}", e.0)).value
}

/// Operation (by its Rust method name) → its parameters' Rust names, sorted.
fn param_names(api: &Api) -> BTreeMap<String, BTreeSet<String>> {
    let names = generator::surface::names(api);
    names
        .params
        .iter()
        .map(|(op, params)| (names.methods[op].clone(), params.iter().cloned().collect()))
        .collect()
}

/// Model → its fields' Rust names.
fn field_names(api: &Api) -> BTreeMap<String, BTreeSet<String>> {
    api.models
        .iter()
        .map(|m| (m.name.clone(), m.fields.iter().map(generator::surface::field_name).collect()))
        .collect()
}

const PYTHON: &str = "tests/fixtures/langs/helpdesk__python__7.26.0/docs";

#[test]
fn a_csharp_keyword_escape_is_not_part_of_the_rust_name() {
    // C# writes the parameter `internal` as `varInternal`.
    let api = load("tests/fixtures/langs/helpdesk__csharp__7.26.0/docs");
    let p = api.operations.iter().flat_map(|o| &o.params).find(|p| p.name == "varInternal").expect("the doc's spelling is kept");
    assert_eq!(p.neutral_name.as_deref(), Some("internal"));
    assert_eq!(p.wire_name, "internal");
    let ours = param_names(&api);
    assert!(ours["add_comment"].contains("internal"), "{:?}", ours["add_comment"]);
    assert!(!ours.values().flatten().any(|n| n.starts_with("var_")), "{ours:?}");
    // The same as from the Python docs of the same spec.
    assert_eq!(ours["add_comment"], param_names(&load(PYTHON))["add_comment"]);
}

#[test]
fn kotlin_4_minus_spellings_are_not_part_of_the_rust_name() {
    // Kotlin 4.x writes `Accept-Language` as `acceptMinusLanguage`.
    let api = load("tests/fixtures/langs/helpdesk__kotlin__4.3.1/docs");
    let p = api.operations.iter().flat_map(|o| &o.params).find(|p| p.name == "acceptMinusLanguage").expect("the doc's spelling is kept");
    assert_eq!(p.wire_name, "Accept-Language");
    let ours = param_names(&api);
    assert!(ours["search_tickets"].contains("accept_language"), "{:?}", ours["search_tickets"]);
    assert!(!ours.values().flatten().any(|n| n.contains("minus")), "{ours:?}");
    assert_eq!(ours["search_tickets"], param_names(&load(PYTHON))["search_tickets"]);
    // Model fields too: `authorMinusName` is `author_name`.
    let fields = field_names(&api);
    assert!(fields["Comment"].contains("author_name"), "{:?}", fields["Comment"]);
    assert!(!fields.values().flatten().any(|n| n.contains("minus")), "{fields:?}");
}

#[test]
fn every_language_gives_the_python_docs_rust_names() {
    // Each generator version's docs of one spec, in every language, against its Python docs.
    let dir = support::root().join("tests/fixtures/langs");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for version in ["7.26.0", "6.6.0", "4.3.1"] {
        let python = load(&format!("tests/fixtures/langs/helpdesk__python__{version}/docs"));
        let want = param_names(&python);
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.starts_with("helpdesk__") || !name.ends_with(&format!("__{version}")) || name.contains("python") {
                continue;
            }
            let docs = Path::new("tests/fixtures/langs").join(&name).join("docs");
            let Ok(loaded) = support::load_docs_alone(&support::root().join(&docs)) else { continue };
            let got = param_names(&loaded.value);
            checked += 1;
            for (method, params) in &got {
                if let Some(w) = want.get(method) {
                    // Names no doc of that language writes may differ; an escape never shows.
                    for p in params.difference(w) {
                        if p.starts_with("var_") || p.contains("minus") || p.starts_with("r_") {
                            wrong.push(format!("{name}: {method}: `{p}`"));
                        }
                    }
                }
            }
        }
    }
    assert!(checked >= 20, "only {checked} language directories read");
    assert!(wrong.is_empty(), "escapes left in Rust names:\n{}", wrong.join("\n"));
}

#[test]
fn diff_names_a_model_as_the_crate_does() {
    // `CreateUserRequest` is named like `create_user`'s request builder: the crate's type is
    // `CreateUserRequestModel`, and so must the report say.
    let text = std::fs::read_to_string(support::root().join("specs/passage/api.yaml")).unwrap();
    let old = generator::yaml::from_yaml(&text, "api.yaml").unwrap();
    let mut new = old.clone();
    let op = new.operations.iter_mut().find(|o| o.name == "create_user").unwrap();
    let body = op.params.iter_mut().find(|p| p.location == generator::ir::Location::Body).unwrap();
    assert_eq!(body.ty.to_string(), "CreateUserRequest");
    body.ty = generator::ir::TypeRef::Any;
    let names = generator::surface::names(&old);
    assert_eq!(names.models["CreateUserRequest"], "CreateUserRequestModel");
    let report = generator::diff::report(&[generator::diff::diff(&old, &new)]);
    assert!(report.contains("`models::CreateUserRequestModel`"), "{report}");
    assert!(!report.contains("`models::CreateUserRequest`"), "{report}");
}

#[test]
fn api_yaml_without_neutral_names_reads_as_before() {
    // Files written before `neutral_name` existed: Python's escapes are undone.
    let yaml = "provider: p\ntitle: PApi\nbase_url: https://x\noperations:\n- name: get\n  method: GET\n  path: /x\n  params:\n  - name: var_from\n    wire_name: from\n    location: query\n    type: string\n    required: false\n";
    let api = generator::yaml::from_yaml(yaml, "api.yaml").unwrap();
    assert_eq!(api.operations[0].params[0].neutral(), "from");
    assert_eq!(param_names(&api)["get"], BTreeSet::from(["from".to_string()]));
    // And the field round-trips only where it says something.
    assert!(!generator::yaml::to_yaml(&api).contains("neutral_name"));
}

#[test]
fn naming_problems_name_the_doc_and_line_of_what_they_are_about() {
    // `page_size` and `pageSize` both become `page_size`: the surface renames the second
    // and says so at the operation's section, not at line 0.
    let doc = "# x_client.ItemsApi\n\nAll URIs are relative to *https://x.example*\n\n\
Method | HTTP request | Description\n------------- | ------------- | -------------\n\
[**list_items**](ItemsApi.md#list_items) | **GET** /items | List items\n\n\
# **list_items**\n> list_items(page_size=page_size, page_size2=page_size2)\n\nList items\n\n\
### Parameters\n\nName | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\n\
 **page_size** | **int**| Items per page. | [optional] \n **pageSize** | **int**| Items per page, again. | [optional] \n\n\
### Return type\n\nvoid (empty response body)\n\n### Authorization\n\nNo authorization required\n\n\
### HTTP request headers\n\n - **Content-Type**: Not defined\n - **Accept**: Not defined\n";
    let api = generator::parse_doc(doc, "docs/ItemsApi.md", "x").unwrap_or_else(|e| panic!("{:?}", e.0)).value;
    let section = doc.lines().position(|l| l == "# **list_items**").unwrap() + 1;
    let opts = generator::render::CrateOptions::for_api(&api, &Default::default());
    let rendered = generator::render::render_crate(&api, &opts);
    let w = rendered
        .warnings
        .iter()
        .find(|d| d.message.contains("both become `page_size`"))
        .unwrap_or_else(|| panic!("{:?}", rendered.warnings));
    assert_eq!((w.file.as_str(), w.line), ("docs/ItemsApi.md", section), "{w:?}");
}
