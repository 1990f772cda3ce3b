//! Names that are traps for the renderer (the fixes behind `specs/traps/`): each test
//! renders a small spec, checks the generated names, and that every Rust file parses.

use super::{render_crate, CrateOptions};
use crate::ir::Api;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn render(yaml: &str) -> (BTreeMap<PathBuf, String>, Vec<String>) {
    let text = format!("provider: demo\ntitle: DemoApi\nbase_url: https://api.example.com/v1/\n{yaml}");
    let api: Api = crate::yaml::from_yaml(&text, "demo.yaml").unwrap_or_else(|e| panic!("{e}"));
    let opts = CrateOptions {
        crate_name: "demo-client".into(),
        display_name: "Demo".into(),
        version: "0.1.0".into(),
        command: "cargo run -p generator".into(),
    };
    let out = render_crate(&api, &opts);
    let warnings: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
    assert!(!warnings.iter().any(|w| w.starts_with("error")), "{warnings:?}");
    for (path, text) in &out.value {
        if path.extension().is_some_and(|e| e == "rs") {
            syn::parse_file(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    (out.value, warnings)
}

fn file<'a>(files: &'a BTreeMap<PathBuf, String>, path: &str) -> &'a str {
    &files[&PathBuf::from(path)]
}

#[test]
fn keyword_operations_get_camel_case_request_names() {
    let (files, warnings) = render(
        "operations:\n- {name: self, method: GET, path: /self}\n- {name: var_async, method: GET, path: /a}\n- {name: 2fa, method: GET, path: /b}\n",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let ops = file(&files, "src/operations.rs");
    // `Self_Request` would trip `non_camel_case_types`; Python's `var_` escape is undone.
    for want in ["pub struct SelfRequest<", "pub fn self_(", "pub struct AsyncRequest<", "pub fn async_(", "pub struct V2faRequest<", "pub fn n2fa("] {
        assert!(ops.contains(want), "{want} missing:\n{ops}");
    }
}

#[test]
fn models_named_like_prelude_types_do_not_shadow_them() {
    let (files, _) = render(
        "operations:\n- {name: get, method: GET, path: /x, response: String}\nmodels:\n\
         - {name: String, kind: object, fields: [{name: s, wire_name: s, type: string, required: false}]}\n\
         - {name: Option, kind: object, fields: [{name: o, wire_name: o, type: Vec, required: false}]}\n\
         - {name: Vec, kind: enum, enum_values: [a]}\n\
         - {name: Error, kind: object, fields: [{name: e, wire_name: e, type: Result, required: true}]}\n",
    );
    let models = file(&files, "src/models.rs");
    for want in ["pub struct String_ {", "pub struct Option_ {", "pub enum Vec_ {", "pub struct Error {", "pub struct Result_(", "pub o: Option<crate::models::Vec_>"] {
        assert!(models.contains(want), "{want} missing:\n{models}");
    }
    assert!(file(&files, "src/operations.rs").contains("crate::models::String_"));
}

#[test]
fn colliding_parameters_are_renamed_and_reported_with_both_names() {
    let (files, warnings) = render(
        "operations:\n- name: list\n  method: GET\n  path: /x\n  params:\n\
         \x20 - {name: page_size, wire_name: pageSize, location: query, type: integer, required: false}\n\
         \x20 - {name: pageSize, wire_name: pageSize, location: query, type: integer, required: false}\n\
         \x20 - {name: execute, wire_name: execute, location: query, type: string, required: false}\n",
    );
    assert_eq!(
        warnings,
        ["warning: demo: operation `list`: parameters `page_size` and `pageSize` both become `page_size`; the second is named `page_size_`"]
    );
    let ops = file(&files, "src/operations.rs");
    // `execute` is reserved for the request builder (it was its own method; the name stays
    // reserved so that setters keep their names): the setter gets a `_`.
    for want in ["pub fn page_size(mut self", "pub fn page_size_(mut self", "pub fn execute_(mut self", "crate::runtime::send("] {
        assert!(ops.contains(want), "{want} missing:\n{ops}");
    }
}

#[test]
fn fields_sharing_a_json_key_are_reported_with_both_names() {
    let (_, warnings) = render(
        "operations: []\nmodels:\n- {name: M, kind: object, fields: [{name: user_id, wire_name: userId, type: string, required: false}, {name: userId, wire_name: userId, type: string, required: false}]}\n",
    );
    assert_eq!(
        warnings,
        ["warning: demo: model `M`: fields `user_id` and `userId` both have the JSON key `userId`; the second is left out"]
    );
}

#[test]
fn warnings_name_the_api_doc_rather_than_the_first_model_doc() {
    let (_, warnings) = render(
        "source: {files: [Alpha.md, ThingsApi.md], form: markdown, flavour: python}\noperations:\n\
         - {name: getA, method: GET, path: /a}\n- {name: get_a, method: GET, path: /b}\n",
    );
    assert_eq!(
        warnings,
        ["warning: ThingsApi.md: operations `getA` and `get_a` both become method `get_a`; the second is named `get_a_`"]
    );
}

/// Shapes found by compiling arbitrary models (`tests/render_props.rs`); each once made a
/// crate that did not compile or warned.
#[test]
fn shapes_found_by_compiling_arbitrary_models() {
    let (files, warnings) = render(
        "auth_schemes:\n- {name: used, kind: bearer}\n- {name: unused, kind: basic}\n\
         operations:\n\
         - {name: a, group: UsersApi, method: GET, path: /a, response: 'list[map[binary]]', security: [[used]]}\n\
         - {name: b, group: users_api, method: POST, path: /b, response: 'list[date-time]', params: [{name: when, wire_name: when, location: body, type: 'list[date-time]', required: true}]}\n\
         models:\n- {name: E, kind: enum, enum_values: [x, y, x]}\n",
    );
    assert_eq!(warnings, ["warning: demo: enum `E`: the value `x` is listed twice; it is kept once"]);
    // Groups meeting after case conversion get two modules, files and features.
    let apis = file(&files, "src/apis/mod.rs");
    for want in ["#[cfg(feature = \"users\")]\npub mod users;", "#[cfg(feature = \"users_\")]\npub mod users_;"] {
        assert!(apis.contains(want), "{want} missing:\n{apis}");
    }
    let ops = format!("{}{}", file(&files, "src/apis/users.rs"), file(&files, "src/apis/users_.rs"));
    assert!(!files.contains_key(&PathBuf::from("src/operations.rs")));
    // JSON dates and binary data are text (time's own serde format is not RFC 3339).
    for want in ["Vec<std::collections::BTreeMap<String, String>>", "when: Vec<String>", "ApiResponse<Vec<String>>"] {
        assert!(ops.contains(want), "{want} missing:\n{ops}");
    }
    assert!(!ops.contains("FilePart"), "{ops}");
    // Only schemes some operation uses are described (an unused `const` warns), each
    // compiled with the groups that use it.
    let client = file(&files, "src/client.rs");
    assert!(client.contains("#[cfg(feature = \"users\")]\npub(crate) const SCHEME_USED:") && !client.contains("const SCHEME_UNUSED:"), "{client}");
    assert!(client.contains("pub fn unused("), "the unused scheme's credential setter stays:\n{client}");
    let models = file(&files, "src/models/e.rs");
    assert_eq!(models.matches("#[serde(rename = \"x\")]").count(), 1, "{models}");
    // A model no operation uses is compiled whatever the features.
    assert!(file(&files, "src/models/mod.rs").contains("mod e;\npub use e::E;"));

    // A crate without operations has no request builders to re-export.
    let (files, _) = render("operations: []\n");
    assert!(!file(&files, "src/lib.rs").contains("pub mod requests"));
}

/// A model that contains itself, directly or through another, is boxed where the cycle
/// closes (else its size is infinite); behind a `Vec` or a map it needs no box.
#[test]
fn recursive_models_are_boxed() {
    let (files, _) = render(
        "operations:\n- {name: get, method: GET, path: /x, response: Node}\nmodels:\n\
         - {name: Node, kind: object, fields: [{name: parent, wire_name: parent, type: Node, required: false}, {name: children, wire_name: children, type: 'list[Node]', required: true}]}\n\
         - {name: A, kind: object, fields: [{name: b, wire_name: b, type: B, required: true}, {name: leaf, wire_name: leaf, type: Leaf, required: true}]}\n\
         - {name: B, kind: object, fields: [{name: a, wire_name: a, type: A, required: false, nullable: true}]}\n\
         - {name: Leaf, kind: object, fields: [{name: n, wire_name: n, type: integer, required: true}]}\n",
    );
    let models = file(&files, "src/models.rs");
    for want in [
        "pub parent: Option<Box<crate::models::Node>>",
        "pub children: Vec<crate::models::Node>",
        "pub b: Box<crate::models::B>",
        "pub a: Option<Option<Box<crate::models::A>>>",
        "pub leaf: crate::models::Leaf",
    ] {
        assert!(models.contains(want), "{want} missing:\n{models}");
    }
}

/// Operations whose names have no letters both make the request builder `Request`: the
/// second is `Request2` (`2Request` is no identifier: this panicked once).
#[test]
fn operations_without_letters_get_distinct_request_builders() {
    let (files, _) = render("operations:\n- {name: '_', method: GET, path: /a}\n- {name: '__', method: GET, path: /b}\n- {name: '$', method: GET, path: /c}\n");
    let ops = file(&files, "src/operations.rs");
    for want in ["pub struct Request<", "pub struct Request2<", "pub struct Request3<"] {
        assert!(ops.contains(want), "{want} missing:\n{ops}");
    }
}

/// A renderer panic (a bug) is an error naming the API, with no files, never a crash of
/// the generator.
#[test]
fn a_renderer_panic_is_an_error_not_a_crash() {
    let api: Api = crate::yaml::from_yaml("provider: demo\ntitle: DemoApi\nbase_url: https://x\noperations: []\n", "demo.yaml").unwrap();
    let out = super::guarded(&api, || panic!("boom {}", 42));
    assert!(out.value.is_empty());
    assert_eq!(out.warnings.len(), 1);
    assert_eq!(out.warnings[0].severity, crate::diag::Severity::Error);
    assert!(out.warnings[0].to_string().contains("demo") && out.warnings[0].message.contains("boom 42"), "{}", out.warnings[0]);
}

/// Schemes whose setters differ only by trailing `_` get distinct constants.
#[test]
fn schemes_differing_by_underscores_get_distinct_constants() {
    let (files, _) = render(
        "auth_schemes:\n- {name: type, kind: bearer}\n- {name: type_, kind: basic}\n\
         operations:\n- {name: a, method: GET, path: /a, security: [[type, type_]]}\n",
    );
    let client = file(&files, "src/client.rs");
    for want in ["const SCHEME_TYPE:", "const SCHEME_TYPE__:", "pub fn type_(", "pub fn type__("] {
        assert!(client.contains(want), "{want} missing:\n{client}");
    }
}

#[test]
fn parameters_named_like_request_options_keep_their_wire_names() {
    let yaml = [
        "operations:",
        "- name: list",
        "  method: GET",
        "  path: /l",
        "  params:",
        "  - {name: timeout, wire_name: timeout, location: query, type: integer, required: false}",
        "  - {name: header, wire_name: header, location: query, type: string, required: false}",
        "  - {name: pages, wire_name: pages, location: query, type: integer, required: false}",
        "  - {name: items, wire_name: items, location: query, type: string, required: false}",
        "  - {name: options, wire_name: options, location: query, type: string, required: false}",
        "- name: post",
        "  method: POST",
        "  path: /p",
        "  params:",
        "  - {name: idempotency_key, wire_name: Idempotency-Key, location: header, type: string, required: false}",
    ];
    let (files, _) = render(&(yaml.join("\n") + "\n"));
    let ops = file(&files, "src/operations.rs");
    for want in [
        "pub fn timeout_(mut self, value: i64)",
        "pub fn header_(mut self",
        "pub fn pages_(mut self, value: i64)",
        "pub fn items_(mut self",
        "pub fn options_(mut self",
        "req.query(\"timeout\", &value)",
        "req.query(\"pages\", &value)",
        // The documented parameter is the idempotency key; the option is left out.
        "pub fn idempotency_key(mut self, value: impl Into<String>)",
        "crate::runtime::request_options!(no_idempotency_key);",
        "crate::runtime::request_options!();",
    ] {
        assert!(ops.contains(want), "{want} missing:\n{ops}");
    }
}

#[test]
fn paged_and_streamed_operations_get_their_methods() {
    let yaml = [
        "operations:",
        "- name: list",
        "  method: GET",
        "  path: /l",
        "  response: Page",
        "  params:",
        "  - {name: page, wire_name: page, location: query, type: integer, required: true}",
        "  pagination: {kind: page, param: page, items: data, total_pages: pages}",
        "- name: follow",
        "  method: GET",
        "  path: /f",
        "  response: list[Item]",
        "  accept: text/event-stream",
        "models:",
        "- {name: Item, kind: object, fields: [{name: id, wire_name: id, type: string, required: true}]}",
        "- name: Page",
        "  kind: object",
        "  fields:",
        "  - {name: data, wire_name: data, type: 'list[Item]', required: true}",
        "  - {name: pages, wire_name: pages, type: integer, required: false}",
    ];
    let (files, _) = render(&(yaml.join("\n") + "\n"));
    let ops = file(&files, "src/operations.rs");
    for want in [
        "#[derive(Clone, Debug)]",
        "pub fn pages(self) -> crate::Pages<'a, crate::models::Page>",
        "pub fn items(self) -> crate::Items<'a, crate::models::Item>",
        "next.page = number;",
        "crate::runtime::CountField::count(&page.pages)",
        "pub async fn send_items(",
        "crate::ItemStream<crate::models::Item>",
        "crate::runtime::StreamFormat::EventStream",
        "crate::ApiResponse<Vec<crate::models::Item>>",
    ] {
        assert!(ops.contains(want), "{want} missing:\n{ops}");
    }
    let lib = file(&files, "src/lib.rs");
    assert!(lib.contains("//! # Pagination") && lib.contains("//! # Streaming"), "{lib}");
}
