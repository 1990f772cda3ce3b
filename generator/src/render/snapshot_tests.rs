//! Snapshot tests of rendered code, one small spec per feature. Review every `.snap` diff.

use super::{render_crate, CrateOptions};
use crate::ir::Api;

fn api(ops_yaml: &str, schemes_yaml: &str) -> Api {
    let text = format!(
        "provider: demo\ntitle: DemoApi\nbase_url: https://api.example.com/v1/\nauth_schemes: {schemes_yaml}\noperations:\n{ops_yaml}"
    );
    crate::yaml::from_yaml(&text, "demo.yaml").unwrap_or_else(|e| panic!("{e}"))
}

fn opts() -> CrateOptions {
    CrateOptions {
        crate_name: "demo-client".into(),
        display_name: "Demo".into(),
        version: "0.1.0".into(),
        command: "cargo run -p generator".into(),
    }
}

fn render(api: &Api) -> (std::collections::BTreeMap<std::path::PathBuf, String>, Vec<String>) {
    let out = render_crate(api, &opts());
    let warnings = out.warnings.iter().map(|w| w.to_string()).collect();
    (out.value, warnings)
}

fn file(api: &Api, path: &str) -> String {
    let (files, warnings) = render(api);
    assert!(warnings.is_empty(), "{warnings:?}");
    files[std::path::Path::new(path)].clone()
}

#[test]
fn query_parameters_of_every_type() {
    let a = api(
        r#"
- name: list_things
  method: GET
  path: /things
  params:
  - {name: page_size, wire_name: pageSize, location: query, type: integer, required: false, default: "20", description: "Page size <max 100>"}
  - {name: created_after, wire_name: createdAfter, location: query, type: date-time, required: false}
  - {name: born, wire_name: born, location: query, type: date, required: false}
  - {name: include, wire_name: include, location: query, type: boolean, required: true}
  - {name: tags, wire_name: tags, location: query, type: "list[string]", required: false}
  - {name: ratio, wire_name: ratio, location: query, type: number, required: false}
  - {name: q, wire_name: q, location: query, type: string, required: true}
  response: "list[Thing]"
  accept: application/json
"#,
        "[]",
    );
    insta::assert_snapshot!(file(&a, "src/operations.rs"));
}

#[test]
fn path_parameters_in_path_order_after_body() {
    let a = api(
        r#"
- name: put_member
  method: PUT
  path: /teams/{TEAM_ID}/members/{memberId}
  params:
  - {name: body, wire_name: body, location: body, type: Member, required: true}
  - {name: member_id, wire_name: memberId, location: path, type: integer, required: true}
  - {name: team_id, wire_name: TEAM_ID, location: path, type: string, required: true}
  response: Member
  content_type: application/json
"#,
        "[]",
    );
    insta::assert_snapshot!(file(&a, "src/operations.rs"));
}

#[test]
fn header_and_cookie_parameters() {
    let a = api(
        r#"
- name: get_thing
  method: GET
  path: /things/{id}
  params:
  - {name: id, wire_name: id, location: path, type: string, required: true}
  - {name: x_request_id, wire_name: X-Request-Id, location: header, type: string, required: false}
  - {name: idempotency_key, wire_name: Idempotency-Key, location: header, type: string, required: true}
  - {name: session, wire_name: session_id, location: cookie, type: string, required: false}
"#,
        "[]",
    );
    insta::assert_snapshot!(file(&a, "src/operations.rs"));
}

#[test]
fn urlencoded_form_and_multipart_bodies() {
    let a = api(
        r#"
- name: login
  method: POST
  path: /login
  params:
  - {name: username, wire_name: username, location: form, type: string, required: true}
  - {name: remember, wire_name: remember, location: form, type: boolean, required: false}
  content_type: application/x-www-form-urlencoded
- name: upload
  method: POST
  path: /files
  params:
  - {name: file, wire_name: file, location: form, type: binary, required: true}
  - {name: webhook_url, wire_name: webhookUrl, location: form, type: string, required: false}
  content_type: multipart/form-data
  response: object
"#,
        "[]",
    );
    insta::assert_snapshot!(file(&a, "src/operations.rs"));
}

#[test]
fn responses_void_bytes_text_map() {
    let a = api(
        r#"
- name: delete_thing
  method: DELETE
  path: /things/{id}
  params:
  - {name: id, wire_name: id, location: path, type: string, required: true}
  responses:
  - {status: "204", description: Deleted}
  - {status: 4XX, description: Client error}
  - {status: "0", description: Unexpected error}
- name: download
  method: GET
  path: /download
  response: binary
  accept: application/octet-stream
- name: motd
  method: GET
  path: /motd
  response: string
  accept: text/plain
- name: stats
  method: GET
  path: /stats
  response: "map[integer]"
  accept: application/json
"#,
        "[]",
    );
    insta::assert_snapshot!(file(&a, "src/operations.rs"));
}

const SCHEMES: &str = r#"
- {name: basic, kind: basic}
- {name: jwt, kind: bearer}
- {name: oauth, kind: oauth2}
- {name: appId, kind: api_key, in: header, param_name: applicationId}
- {name: queryKey, kind: api_key, in: query, param_name: api_key}
- {name: cookieKey, kind: api_key, in: cookie, param_name: sid}
"#;

#[test]
fn auth_schemes_setters_and_per_operation_security() {
    let a = api(
        r#"
- name: open
  method: GET
  path: /open
  security: []
- name: any_of
  method: GET
  path: /any
  security: [[basic], [jwt], [appId], [queryKey], [cookieKey], [oauth]]
- name: exact
  method: GET
  path: /exact
  security: [[appId, cookieKey], [basic]]
  security_exact: true
"#,
        SCHEMES,
    );
    insta::assert_snapshot!(file(&a, "src/client.rs"));
    insta::assert_snapshot!(file(&a, "src/operations.rs"));
}

#[test]
fn unexpressible_operation_is_skipped_with_a_warning_and_the_rest_rendered() {
    let a = api(
        r#"
- name: weird
  method: GET
  path: /weird
  params:
  - {name: filter, wire_name: filter, location: header, type: "map[string]", required: true}
- name: fine
  method: GET
  path: /fine
"#,
        "[]",
    );
    let (files, warnings) = render(&a);
    assert_eq!(
        warnings,
        ["warning: DemoApi: operation `weird` skipped: parameter `filter` of type `map[string]` cannot travel in the header"
            .replace("DemoApi", "demo")]
    );
    let ops = &files[std::path::Path::new("src/operations.rs")];
    assert!(ops.contains("pub fn fine("));
    assert!(!ops.contains("fn weird"));
}

#[test]
fn names_that_collide_with_the_generated_code() {
    let a = api(
        r#"
- name: new
  method: GET
  path: /new
  params:
  - {name: client, wire_name: client, location: query, type: string, required: true}
  - {name: send, wire_name: send, location: query, type: string, required: false}
  - {name: type, wire_name: type, location: query, type: string, required: false}
  - {name: var_from, wire_name: from, location: query, type: string, required: false}
- name: getThing
  method: GET
  path: /a
- name: get_thing
  method: GET
  path: /b
"#,
        "[]",
    );
    let (files, warnings) = render(&a);
    assert_eq!(
        warnings,
        ["warning: demo: operations `getThing` and `get_thing` both become method `get_thing`; the second is named `get_thing_`"]
    );
    insta::assert_snapshot!(files[std::path::Path::new("src/operations.rs")]);
}

#[test]
fn every_file_names_the_regeneration_command_and_the_output_is_deterministic() {
    let a = api(
        "- {name: ping, method: GET, path: /ping}\n",
        SCHEMES,
    );
    let (one, _) = render(&a);
    let (two, _) = render(&a);
    assert_eq!(one, two);
    for (path, text) in &one {
        let first = text.lines().next().unwrap_or("");
        assert!(first.contains("Generated by `cargo run -p generator`"), "{}: {first}", path.display());
    }
    let paths: Vec<String> = one.keys().map(|p| p.display().to_string()).collect();
    insta::assert_snapshot!(paths.join("\n"));
    insta::assert_snapshot!(one[std::path::Path::new("Cargo.toml")]);
    insta::assert_snapshot!(one[std::path::Path::new("src/lib.rs")]);
}
