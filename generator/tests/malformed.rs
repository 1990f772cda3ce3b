//! Malformed docs: each is reported with the line a user has to fix and a message that
//! says what is wrong; every error of a doc is reported in one run, sorted by line; and no
//! input, however broken, makes the reader panic.
//!
//! The docs are in `malformed/`: each is `ok.md` (which reads cleanly) with one thing
//! broken, so the expected line is easy to check by opening the file.

mod support;

use generator::diag::{Diagnostic, Severity};
use std::path::PathBuf;

fn dir() -> PathBuf {
    support::root().join("generator/tests/malformed")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `(line, distinctive part of the message)`.
type Want<'a> = &'a [(usize, &'a str)];

fn check(got: &[Diagnostic], file: &str, severity: Severity, want: Want<'_>) {
    let shown = got.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n");
    assert_eq!(got.len(), want.len(), "{file}: expected {} diagnostic(s), got:\n{shown}", want.len());
    for (d, (line, part)) in got.iter().zip(want) {
        assert_eq!(d.file, file, "{shown}");
        assert_eq!(d.severity, severity, "{shown}");
        assert_eq!(d.line, *line, "{file}: `{part}` reported at the wrong line:\n{shown}");
        assert!(d.message.contains(part), "{file}:{line}: expected `{part}` in:\n{shown}");
        // What a user sees: `error: file:line: message`.
        let sev = if severity == Severity::Error { "error" } else { "warning" };
        assert!(d.to_string().starts_with(&format!("{sev}: {file}:{line}: ")), "{d}");
    }
}

/// The doc fails with exactly these errors, in this order.
fn errors(name: &str, want: Want<'_>) {
    match generator::parse_doc(&read(name), name, "pets") {
        Ok(l) => panic!("{name} was accepted (warnings: {:?})", l.warnings),
        Err(f) => check(&f.0, name, Severity::Error, want),
    }
}

/// One operation could not be read: the doc is read without it (`ops` operations left),
/// with exactly these warnings.
fn degraded(name: &str, want: Want<'_>, ops: usize) -> generator::ir::Api {
    let api = warnings(name, want);
    assert_eq!(api.operations.len(), ops, "{name}: operations left");
    api
}

/// The doc is read, with exactly these warnings.
fn warnings(name: &str, want: Want<'_>) -> generator::ir::Api {
    match generator::parse_doc(&read(name), name, "pets") {
        Ok(l) => {
            check(&l.warnings, name, Severity::Warning, want);
            l.value
        }
        Err(f) => panic!("{name} was rejected:\n{f}"),
    }
}

#[test]
fn the_baseline_reads_cleanly() {
    let api = warnings("ok.md", &[]);
    assert_eq!(api.operations.len(), 2);
}

#[test]
fn not_an_api_doc() {
    // A model doc: no method table.
    errors("not_api_doc.md", &[(1, "this does not look like an openapi-generator or swagger-codegen API doc")]);
    // A client's README lists every endpoint, but in a `Class | Method | ...` table.
    let readme = std::fs::read_to_string(support::root().join("tests/fixtures/shop/python/README.md")).unwrap();
    let f = generator::parse_doc(&readme, "README.md", "shop").expect_err("a README is no API doc");
    check(&f.0, "README.md", Severity::Error, &[(1, "expected a method table (`Method | HTTP request | Description`)")]);
}

#[test]
fn method_table_row_with_a_bad_verb() {
    // The row is rejected, so its section has no row either: both are said.
    degraded(
        "bad_verb.md",
        &[
            (8, "expected a method table row `[**name**](#name) | **METHOD** /path | summary`, found `[**add_pet**](PetsApi.md#add_pet) | **FETCH** /pets | Add a pet`"),
            (51, "operation section `add_pet` has no row in the method table"),
        ],
        1,
    );
}

#[test]
fn method_table_row_without_a_path() {
    degraded(
        "no_path.md",
        &[
            (8, "found `[**add_pet**](PetsApi.md#add_pet) | **POST** | Add a pet`"),
            (51, "operation section `add_pet` has no row in the method table"),
        ],
        1,
    );
}

#[test]
fn operation_in_the_method_table_without_a_section() {
    degraded("op_without_section.md", &[(9, "operation `remove_pet` is in the method table but has no section")], 2);
}

#[test]
fn section_not_in_the_method_table() {
    degraded("section_not_in_table.md", &[(50, "operation section `add_pet` has no row in the method table")], 1);
}

#[test]
fn duplicate_operations() {
    degraded("duplicate_section.md", &[(75, "duplicate operation section `add_pet` (first at line 51); the first is read")], 2);
    degraded("duplicate_row.md", &[(9, "duplicate operation `add_pet` in the method table")], 2);
}

#[test]
fn truncated_after_the_signature() {
    // Every missing section is named once, at the operation's heading; the signature's
    // arguments are not reported again for want of a Parameters table.
    degraded(
        "truncated_after_signature.md",
        &[
            (51, "operation `add_pet`: expected a `Parameters` section"),
            (51, "operation `add_pet`: expected a `Return type` section"),
            (51, "operation `add_pet`: expected an `Authorization` section"),
            (51, "operation `add_pet`: expected an `HTTP request headers` section"),
        ],
        1,
    );
}

#[test]
fn truncated_sections() {
    degraded("missing_parameters.md", &[(51, "operation `add_pet`: expected a `Parameters` section")], 1);
    degraded("missing_return_type.md", &[(51, "operation `add_pet`: expected a `Return type` section")], 2);
    degraded("missing_authorization.md", &[(51, "operation `add_pet`: expected an `Authorization` section")], 2);
    degraded("missing_headers.md", &[(10, "operation `get_pet`: expected an `HTTP request headers` section")], 2);
}

#[test]
fn signature_names_a_parameter_not_in_the_table() {
    degraded(
        "signature_unknown_param.md",
        &[(11, "signature of `get_pet` names `colour`, which is not in its Parameters table")],
        2,
    );
}

#[test]
fn required_parameter_missing_from_the_signature_is_a_warning() {
    let api = warnings(
        "signature_missing_required.md",
        &[(11, "required parameter `pet_id` of `get_pet` is missing from its signature; the Parameters table wins")],
    );
    // The table wins: the parameter is there, in the path.
    let p = &api.operations[0].params[0];
    assert_eq!((p.name.as_str(), p.required), ("pet_id", true));
}

#[test]
fn path_placeholder_matching_no_parameter() {
    let api = degraded(
        "placeholder_no_param.md",
        &[(10, "path placeholder `{petId}` of `get_pet` has no parameter row; added a required string path parameter `pet_id`")],
        2,
    );
    let op = api.operations.iter().find(|o| o.name == "get_pet").unwrap();
    let p = op.params.iter().find(|p| p.wire_name == "petId").unwrap();
    assert_eq!((p.name.as_str(), p.location, p.required), ("pet_id", generator::ir::Location::Path, true));
    assert!(p.inferred["location"].contains("no parameter row"), "{:?}", p.inferred);
}

#[test]
fn unknown_type_spelling_is_a_warning() {
    let api = warnings(
        "unknown_type.md",
        &[(29, "parameter `verbose`: unknown type spelling `boolean_ish`; treated as any JSON")],
    );
    assert_eq!(api.operations[0].params[1].ty, generator::ir::TypeRef::Any);
}

#[test]
fn bad_status_code() {
    degraded(
        "bad_status.md",
        &[(49, "expected a status code such as `**200**`, `**2XX**` or `**0**`, found `4O4`")],
        2,
    );
}

#[test]
fn missing_or_unreadable_base_url() {
    degraded("no_base_url.md", &[(1, "expected `All URIs are relative to <base URL>` before the method table")], 2);
    // Said once, where the statement is.
    degraded("bad_base_url.md", &[(3, "expected a base URL after `All URIs are relative to`, found `the server`")], 2);
}

#[test]
fn duplicate_parameter() {
    degraded("duplicate_param.md", &[(30, "duplicate parameter `pet_id`")], 1);
}

#[test]
fn several_errors_are_reported_together_sorted_by_line() {
    // Every problem is a warning: the operations that could be read are.
    degraded(
        "several_errors.md",
        &[
            (9, "operation `remove_pet` is in the method table but has no section"),
            (30, "unknown type spelling `boolean_ish`"),
            (50, "found `four`"),
            (53, "signature of `add_pet` names `colour`"),
            (76, "operation section `feed_pet` has no row in the method table"),
        ],
        2,
    );
}

#[test]
fn plain_text_docs_report_their_own_lines() {
    degraded(
        "text_form.txt",
        &[(7, "found `add_pet FETCH /pets Add a pet`"), (45, "found `4O4`")],
        1,
    );
}

#[test]
fn provider_yaml_naming_what_the_doc_does_not_have() {
    let err = generator::load_spec_dir(&dir().join("provider_override"), &dir()).expect_err("unknown names");
    let file = "provider_override/provider.yaml";
    check(
        &err.0,
        file,
        Severity::Error,
        &[
            (6, "auth scheme `oauth` is not in the doc"),
            (13, "operation `get_pet` has no parameter `colour`"),
            (15, "operation `feed_pet` is not in the doc"),
        ],
    );
    let err = generator::load_spec_dir(&dir().join("provider_typo"), &dir()).expect_err("typo");
    check(
        &err.0,
        "provider_typo/provider.yaml",
        Severity::Error,
        &[(7, "invalid provider.yaml: operations.get_pet.params.pet_id: unknown field `wire_nam`")],
    );
}

/// Inputs that are not docs at all never panic; they fail (or, if somehow read, read).
#[test]
fn garbage_never_panics() {
    let mut inputs: Vec<(String, String)> = vec![
        ("empty".into(), String::new()),
        ("blank".into(), "\n\n   \n\t\n".into()),
        ("binary".into(), String::from_utf8_lossy(&(0..=255u8).cycle().take(4096).collect::<Vec<_>>()).into_owned()),
        ("nul".into(), "\0\0\0|\0|\0\n\0```\0".into()),
        ("huge line".into(), "Method | HTTP request | Description ".repeat(20_000)),
        ("huge word".into(), "x".repeat(1 << 20)),
        ("pipes".into(), "|".repeat(100_000)),
        ("brackets".into(), "[[[[((((".repeat(10_000)),
        ("header only".into(), "Method | HTTP request | Description\n--- | --- | ---\n".into()),
        ("header only, text".into(), "Method HTTP request Description\n".into()),
        (
            "row without cells".into(),
            "Method | HTTP request | Description\n--- | --- | ---\n|\n||||\n[**x**](#x) | **GET** /{ | s\n".into(),
        ),
        ("unclosed fence".into(), format!("{}\n```python\n# Configure API key authorization: k\napi_key = {{\n'", read("ok.md"))),
        ("unicode".into(), "ünïcödé ☃ 𝄞\u{202e}\u{feff}".repeat(1000)),
    ];
    // Every truncation of a valid doc, at each line and in the middle of lines (on char
    // boundaries), in both forms.
    let ok = read("ok.md");
    let ok_txt = support::markdown_to_text(&ok);
    for doc in [&ok, &ok_txt] {
        for (i, _) in doc.char_indices().filter(|(i, c)| *c == '\n' || i % 37 == 0) {
            inputs.push((format!("truncated at byte {i}"), doc[..i].to_string()));
        }
    }
    for (label, text) in &inputs {
        match std::panic::catch_unwind(|| generator::parse_doc(text, "garbage.md", "g")) {
            Ok(Ok(l)) => assert!(
                !l.value.operations.is_empty()
                    || label.starts_with("truncated")
                    || l.warnings.iter().any(|w| w.message.contains("the method table lists no operations")),
                "{label}: read"
            ),
            Ok(Err(f)) => assert!(!f.0.is_empty(), "{label}: failed without saying why"),
            Err(_) => panic!("{label}: the reader panicked"),
        }
    }
    // Not a doc at all says so at line 1.
    let f = generator::parse_doc("", "empty.md", "g").expect_err("empty");
    assert_eq!(f.to_string(), "error: empty.md:1: expected a method table (`Method | HTTP request | Description`): this does not look like an openapi-generator or swagger-codegen API doc");
}

#[test]
fn parameter_name_with_a_space() {
    // The row is unreadable, so the operation is skipped (its placeholder is not repaired
    // from a guess); the signature's argument is reported as not in the table.
    degraded(
        "bad_param_name.md",
        &[
            (11, "signature of `get_pet` names `pet_id`, which is not in its Parameters table; the Parameters table wins"),
            (28, "expected a parameter name, found `pet id`; operation `get_pet` skipped"),
        ],
        1,
    );
}

#[test]
fn map_type_without_a_value_type_is_a_warning() {
    let api = warnings(
        "bad_map_type.md",
        &[(29, "parameter `verbose`: expected a map type `dict(str, T)`, found `dict(str)`; treated as any JSON")],
    );
    assert_eq!(api.operations[0].params[1].ty, generator::ir::TypeRef::Any);
}

#[test]
fn optional_path_parameter_is_made_required() {
    let api = warnings(
        "optional_path_param.md",
        &[
            (11, "signature of `get_pet` passes optional parameter `pet_id` positionally; the Parameters table wins"),
            (28, "path parameter `pet_id` is marked optional; path parameters are required"),
        ],
    );
    assert!(api.operations[0].params[0].required);
}

#[test]
fn extra_words_after_the_path_are_ignored_with_a_warning() {
    let api = warnings("extra_words_after_path.md", &[(7, "extra words after the path of `get_pet` ignored")]);
    assert_eq!(api.operations[0].path, "/pets/{petId}");
}

#[test]
fn operation_heading_that_is_not_the_table_name() {
    degraded(
        "op_heading_space.md",
        &[
            (8, "operation `add_pet` is in the method table but has no section"),
            (51, "operation section `add pet` has no row in the method table"),
        ],
        1,
    );
}

#[test]
fn return_type_with_trailing_words_is_any_json() {
    let api = warnings(
        "return_type_trailing.md",
        &[
            (33, "return type of `get_pet`: unknown type spelling `Pet and more`; decoded as any JSON"),
            (64, "return type of `add_pet`: unknown type spelling `Pet and more`; decoded as any JSON"),
        ],
    );
    assert_eq!(api.operations[0].response, Some(generator::ir::TypeRef::Any));
}

#[test]
fn signature_of_another_name_or_unclosed_is_ignored_with_a_warning() {
    for doc in ["signature_wrong_name.md", "unclosed_signature.md"] {
        let api = warnings(doc, &[(10, "expected a signature line `> get_pet(...)` for `get_pet`")]);
        // The Parameters table still gives both parameters.
        assert_eq!(api.operations[0].params.len(), 2, "{doc}");
    }
}

#[test]
fn duplicate_status_row() {
    degraded("duplicate_status.md", &[(50, "duplicate status `404` (first at line 49)")], 2);
}

#[test]
fn path_with_unbalanced_or_empty_braces() {
    degraded("unclosed_placeholder.md", &[(10, "path `/pets/{petId` of `get_pet` has a `{` that is never closed")], 1);
    degraded("empty_placeholder.md", &[(51, "path `/pets/{}` of `add_pet` has an empty placeholder `{}`")], 1);
}

#[test]
fn method_table_without_operations_is_a_warning() {
    let api = warnings("no_operations.md", &[(5, "the method table lists no operations")]);
    assert!(api.operations.is_empty());
}

#[test]
fn a_doc_fails_only_when_no_operation_is_left() {
    // Both operations are broken: the reasons each was skipped are the errors, and one more
    // says that nothing is left.
    errors(
        "nothing_readable.md",
        &[
            (1, "none of the 2 operation(s) of the method table(s) could be read"),
            (10, "path `/pets/{petId` of `get_pet` has a `{` that is never closed; operation `get_pet` skipped"),
            (51, "path `/pets/{}` of `add_pet` has an empty placeholder `{}`; operation `add_pet` skipped"),
        ],
    );
}
