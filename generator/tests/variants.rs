//! Template variants seen in real repositories, and docs directories with operations
//! documented under several tags: each is read, with the warnings and repairs a user
//! needs to see. The docs in `variants/` are `malformed/ok.md` with one thing changed.

mod support;

use generator::diag::Severity;
use generator::ir::{Api, Location};
use std::path::PathBuf;

fn dir() -> PathBuf {
    support::root().join("generator/tests/variants")
}

/// Reads `name`; returns the API and its warnings as `(line, message)`.
fn read(name: &str) -> (Api, Vec<(usize, String)>) {
    let text = std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let l = generator::parse_doc(&text, name, "pets").unwrap_or_else(|e| panic!("{name} was rejected:\n{e}"));
    for w in &l.warnings {
        assert_eq!(w.severity, Severity::Warning);
        assert_eq!(w.file, name);
    }
    (l.value, l.warnings.into_iter().map(|w| (w.line, w.message)).collect())
}

/// The baseline's two operations, read as in `ok.md`.
fn assert_like_ok(name: &str, api: &Api) {
    let names: Vec<&str> = api.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["get_pet", "add_pet"], "{name}");
    let get = &api.operations[0];
    assert_eq!((get.method.as_str(), get.path.as_str()), ("GET", "/pets/{petId}"), "{name}");
    let placed: Vec<(&str, Location)> = get.params.iter().map(|p| (p.wire_name.as_str(), p.location)).collect();
    assert_eq!(placed, [("petId", Location::Path), ("verbose", Location::Query)], "{name}");
    assert_eq!(get.security, [vec!["apiKey".to_string()]], "{name}");
    assert_eq!(get.responses.len(), 2, "{name}");
    let add = &api.operations[1];
    assert_eq!(add.params[0].location, Location::Body, "{name}");
    assert_eq!(add.content_type.as_deref(), Some("application/json"), "{name}");
}

#[test]
fn names_in_code_spans() {
    let (api, w) = read("code_span_names.md");
    assert!(w.is_empty(), "{w:?}");
    assert_like_ok("code_span_names.md", &api);
}

#[test]
fn an_unclosed_or_stray_code_fence_does_not_swallow_the_doc() {
    for name in ["unclosed_fence.md", "stray_fence.md"] {
        let (api, w) = read(name);
        assert!(w.is_empty(), "{name}: {w:?}");
        assert_like_ok(name, &api);
        // Lines after the broken fence keep their numbers.
        assert_eq!(api.operations[1].line, if name == "stray_fence.md" { 53 } else { 50 }, "{name}");
    }
}

#[test]
fn headings_inside_a_description_belong_to_it() {
    let (api, w) = read("heading_in_description.md");
    assert!(w.is_empty(), "{w:?}");
    assert_like_ok("heading_in_description.md", &api);
    let d = &api.operations[0].description;
    assert!(d.contains("Examples") && d.contains("Cached for a minute."), "{d}");
}

#[test]
fn a_repeated_table_header_is_no_row() {
    let (api, w) = read("repeated_header.md");
    assert!(w.is_empty(), "{w:?}");
    assert_like_ok("repeated_header.md", &api);
}

#[test]
fn punctuated_placeholders_and_a_host_without_scheme_are_repaired() {
    let (api, w) = read("punctuated_placeholders.md");
    assert_eq!(w, [(3, "base URL `api.example.com/v1` has no scheme; `https://api.example.com/v1` assumed".to_string())]);
    assert_eq!(api.base_url, "https://api.example.com/v1");
    assert!(api.inferred["base_url"].contains("https assumed"), "{:?}", api.inferred);
    let get = &api.operations[0];
    let placed: Vec<(&str, &str, Location)> =
        get.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str(), p.location)).collect();
    assert_eq!(
        placed,
        [
            ("pet_id", "pet.id", Location::Path),
            ("kind_pipe_slug", "kind|slug", Location::Path),
            ("verbose", "verbose", Location::Query)
        ]
    );
}

#[test]
fn an_operation_in_three_docs_is_one_operation() {
    let root = dir();
    let l = generator::load_input(&root.join("multitag")).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<(&str, &str)> = l
        .value
        .operations
        .iter()
        .map(|o| (o.name.as_str(), o.group.as_deref().unwrap_or("")))
        .collect();
    // Kept once, in the first group by file order (AdminApi.md, PetsApi.md, StoreApi.md);
    // `add_pet` of PetsApi has another path than AdminApi's: both kept under the docs' name,
    // each in its group (a module of its own), and StoreApi's (the same as PetsApi's)
    // merged into it.
    assert_eq!(names, [("get_pet", "AdminApi"), ("add_pet", "AdminApi"), ("add_pet", "PetsApi")]);
    let get = &l.value.operations[0];
    let also = &get.inferred["also_documented_in"];
    assert!(also.contains("PetsApi (multitag/docs/PetsApi.md:10)") && also.contains("StoreApi (multitag/docs/StoreApi.md:10)"), "{also}");
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    let s = &l.summaries[0];
    assert_eq!((s.tally.table_ops, s.tally.read, s.tally.duplicates, s.tally.skipped), (6, 3, 3, 0));
    assert_eq!(
        s.to_string(),
        format!(
            "{}: 3 of 6 operation(s) read, 0 skipped, 0 repaired, 3 documented in several docs (kept once), 0 warning(s)",
            root.join("multitag").display()
        )
    );
}

#[test]
fn strict_turns_warnings_into_errors() {
    let text = std::fs::read_to_string(dir().join("punctuated_placeholders.md")).unwrap();
    let l = generator::parse_doc(&text, "p.md", "pets").unwrap();
    let err = l.strict().expect_err("a warning fails a strict run");
    assert_eq!(err.0.len(), 1);
    assert_eq!(err.0[0].severity, Severity::Error);
    assert!(err.0[0].to_string().starts_with("error: p.md:3: base URL"), "{err}");
    // Without warnings, strict changes nothing.
    let ok = std::fs::read_to_string(support::root().join("generator/tests/malformed/ok.md")).unwrap();
    assert!(generator::parse_doc(&ok, "ok.md", "pets").unwrap().strict().is_ok());
}

#[test]
fn provider_yaml_fixes_what_the_docs_get_wrong() {
    let root = dir();
    let l = generator::load_spec_dir(&root.join("overrides"), &root).unwrap_or_else(|e| panic!("{e}"));
    let api = &l.value.api;
    let get = &api.operations[0];
    let placed: Vec<(&str, &str, Location)> =
        get.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str(), p.location)).collect();
    assert_eq!(
        placed,
        [
            ("pet_id", "petId", Location::Path),
            ("verbose", "Verbose", Location::Query),
            ("page_size", "pageSize", Location::Query),
            ("tenant", "X-Tenant", Location::Header),
        ]
    );
    assert!(get.params[2].overridden.contains(&"wire_name (camelCase)".to_string()), "{:?}", get.params[2].overridden);
    assert!(get.params[3].overridden.contains(&"added".to_string()));
    let add = &api.operations[1];
    assert_eq!((add.method.as_str(), add.path.as_str()), ("PUT", "/pets/new"));
    assert_eq!(add.security, [vec!["bearer".to_string()]]);
    assert!(api.auth_schemes.iter().any(|s| s.name == "bearer" && s.overridden.contains(&"added".to_string())));
    // The crate renders with the fixes.
    let opts = generator::render::CrateOptions::for_api(api, &l.value.config);
    let rendered = generator::render::render_crate(api, &opts);
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    let ops = rendered.value.iter().find(|(p, _)| p.ends_with("operations.rs")).map(|(_, c)| c.clone()).unwrap();
    assert!(ops.contains("\"X-Tenant\"") && ops.contains("\"pageSize\""), "{ops}");
}

/// The summary says where the doubts are: names kept without evidence, conventions applied.
#[test]
fn the_summary_lists_weak_and_guessed_facts() {
    let doc = support::root().join("tests/fixtures/corpus/hashicorp__nomad-openapi/docs/JobsApi.md");
    let l = generator::load_input(&doc).unwrap_or_else(|e| panic!("{e}"));
    let s = l.summaries[0].to_string();
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[0].ends_with("21 of 21 operation(s) read, 0 skipped, 0 repaired, 0 warning(s)"), "{s}");
    assert_eq!(
        &lines[1..],
        [
            "  header names in their conventional form (weak): 20 header parameters",
            // `index`, beside the response header `X-Nomad-Index`: perhaps a header.
            "  locations (weak): 9 query parameters",
            "  wire names: the doc's names kept without evidence (guess): 29 query parameters — no clear naming \
             convention (camelCase: placeholder {jobName}; snake_case: none); the doc's names are kept",
        ],
        "{s}"
    );
    // A convention, where one is decided, is named with its evidence.
    let shop = support::root().join("specs/shop");
    let l = generator::load_input(&shop).unwrap();
    let s = l.summaries[0].to_string();
    assert!(s.contains("wire names from the API's naming convention (weak): 4 query parameters — the API writes names in camelCase"), "{s}");
}

/// The repository's own trap and fixture specs expect their warnings: counted, not printed.
#[test]
fn expected_warnings_are_counted_not_printed() {
    let root = support::root();
    let l = generator::load_spec_dir(&root.join("specs/zoo"), &root).unwrap();
    assert!(l.summaries[0].quiet);
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
    assert!(l.warnings[0].message.contains("lists property `foo_bar` twice"));
    let plan = generator::plan_all(&root).unwrap();
    assert!(plan.warnings.iter().all(|w| !w.file.contains("zoo") && !w.file.contains("Traps")), "{:?}", plan.warnings);
    let traps = plan.summaries.iter().find(|s| s.set == "traps").unwrap();
    // The trap doc's renames (keywords, collisions) are its expected warnings.
    assert!(traps.warnings >= 7, "{traps}");
    assert!(traps.to_string().contains(&format!("{} warning(s) (expected, not printed)", traps.warnings)));
}

#[test]
fn a_header_row_wrapped_onto_two_lines_is_rejoined() {
    let (api, w) = read("split_header.md");
    assert!(w.is_empty(), "{w:?}");
    assert_like_ok("split_header.md", &api);
    // Lines keep their numbers: `pet_id`'s row is line 30 of the file, as written.
    let text = std::fs::read_to_string(dir().join("split_header.md")).unwrap();
    let line = text.lines().position(|l| l.contains("**pet_id**")).unwrap() + 1;
    let doc = generator::doc::Template;
    let blocks = generator::read::read(&text, generator::read::detect_form(&text), &doc.text_hints());
    let rows: Vec<usize> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            generator::read::BlockKind::Table { rows } => Some(rows.iter().map(|r| r.line).collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(rows.contains(&line), "{rows:?} lacks {line}");
}

/// The docs' language is detected from their example code and recorded; `flavour:` in
/// provider.yaml forces another; an unknown one is an error naming the line.
#[test]
fn the_flavour_is_detected_recorded_and_can_be_forced() {
    let java = support::root().join("tests/fixtures/langs/library__java__7.26.0/docs/BooksApi.md");
    let api = generator::load_input_with(&java, &generator::SdkChoice::Off).unwrap().value;
    assert_eq!(api.source.as_ref().unwrap().flavour, "java");
    let book_id = |api: &Api| {
        let op = api.operations.iter().find(|o| o.name == "getBook").unwrap();
        op.params.iter().find(|p| p.location == Location::Path).unwrap().ty.clone()
    };
    assert_eq!(book_id(&api), generator::ir::TypeRef::String);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("variants-flavour/books");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(&java, dir.join("BooksApi.md")).unwrap();
    // Forced to Python, `String` is a model's name.
    std::fs::write(dir.join("provider.yaml"), "crate_name: books-client\nflavour: python\n").unwrap();
    let l = generator::load_spec_dir(&dir, dir.parent().unwrap()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.value.api.source.as_ref().unwrap().flavour, "python");
    assert_eq!(book_id(&l.value.api), generator::ir::TypeRef::Model("String".into()));
    std::fs::write(dir.join("provider.yaml"), "crate_name: books-client\nflavour: cobol\n").unwrap();
    let err = generator::load_spec_dir(&dir, dir.parent().unwrap()).expect_err("an unknown flavour");
    assert!(err.to_string().contains("books/provider.yaml:2: unknown flavour `cobol`"), "{err}");
    // The same for one doc read with the provider.yaml beside it (`generate sdk/docs/BooksApi.md`).
    std::fs::write(dir.join("provider.yaml"), "crate_name: books-client\nflavour: python\n").unwrap();
    let l = generator::read_input(&dir.join("BooksApi.md")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.value.api.source.as_ref().unwrap().flavour, "python");
    assert_eq!(book_id(&l.value.api), generator::ir::TypeRef::Model("String".into()));
    std::fs::write(dir.join("provider.yaml"), "crate_name: books-client\nflavour: cobol\n").unwrap();
    let err = generator::read_input(&dir.join("BooksApi.md")).expect_err("an unknown flavour");
    assert!(err.to_string().contains("books/provider.yaml:2: unknown flavour `cobol`"), "{err}");
}

#[test]
fn example_code_of_an_unknown_language_is_read_with_a_warning() {
    let ok = std::fs::read_to_string(support::root().join("generator/tests/malformed/ok.md")).unwrap();
    let doc = ok.replace("```python", "```elixir");
    let l = generator::parse_doc(&doc, "ex.md", "pets").unwrap();
    assert_eq!(l.value.operations.len(), 2);
    let w: Vec<String> = l.warnings.iter().map(|d| d.to_string()).collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("warning: ex.md:19: example code in `elixir`, a client language not known here"), "{w:?}");
}

/// Template variants met in real docs of other languages: a Kotlin doc without operation
/// headings and with paths written relative to the base URL, a parameter row above its
/// table's header, TypeScript's "does not have any parameters", `*/*`, Ruby's `### Examples`,
/// and Go's inline array body `requestBody`.
#[test]
fn other_languages_template_slips_are_read() {
    let kotlin = "# HooksApi\n\nAll URIs are relative to *http://localhost/app/api/v1*\n\n\
        | Method | HTTP request | Description |\n| ------------- | ------------- | ------------- |\n\
        | [**createHook**](HooksApi.md#createHook) | **POST** v1/hooks | Create a Hook |\n\
        | [**listHooks**](HooksApi.md#listHooks) | **GET** v1/hooks | List Hooks |\n\n\n\
        Create a Hook\n\n### Example\n```kotlin\nval r : PostHookRequest =  // PostHookRequest | \n```\n\n\
        ### Parameters\n| Name | Type | Description  | Notes |\n| ------------- | ------------- | ------------- | ------------- |\n\
        | **postHookRequest** | [**PostHookRequest**](PostHookRequest.md)|  | |\n\n\
        ### Return type\n\n[**PostHookResponse**](PostHookResponse.md)\n\n### Authorization\n\nNo authorization required\n\n\
        ### HTTP request headers\n\n - **Content-Type**: application/json\n - **Accept**: */*\n\n\
        List Hooks\n\n### Example\n```kotlin\nval x = 1\n```\n\n\
        ### Parameters\n| **active** | **kotlin.Boolean**| Only active ones. | [optional] |\n\
        | Name | Type | Description  | Notes |\n| ------------- | ------------- | ------------- | ------------- |\n\
        | **limit** | **kotlin.Int**|  | [optional] |\n\n\
        ### Return type\n\n[**kotlin.collections.List&lt;Hook&gt;**](Hook.md)\n\n### Authorization\n\nNo authorization required\n\n\
        ### HTTP request headers\n\n - **Content-Type**: Not defined\n - **Accept**: application/json\n";
    let l = generator::parse_doc(kotlin, "HooksApi.md", "hooks").unwrap_or_else(|e| panic!("{e}"));
    let api = &l.value;
    let ops: Vec<(&str, &str)> = api.operations.iter().map(|o| (o.name.as_str(), o.path.as_str())).collect();
    // `v1/hooks` is relative to the base URL's directory: `…/api/` + `v1/hooks`.
    assert_eq!(ops, [("createHook", "/hooks"), ("listHooks", "/hooks")]);
    assert!(api.operations[0].inferred.get("path").is_some_and(|e| e.contains("relative to the base URL")));
    assert_eq!(api.operations[0].accept.as_deref(), Some("*/*"));
    let list: Vec<(&str, bool)> = api.operations[1].params.iter().map(|p| (p.wire_name.as_str(), p.required)).collect();
    assert_eq!(list, [("active", false), ("limit", false)]);
    let w: Vec<String> = l.warnings.iter().map(|d| d.to_string()).collect();
    assert!(w.iter().any(|w| w.contains("HooksApi.md:7: operation `createHook`: path `v1/hooks` has no leading `/`; `/hooks` assumed")), "{w:#?}");
    assert!(w.iter().any(|w| w.contains("no operation headings")), "{w:#?}");

    let ts = std::fs::read_to_string(support::root().join("generator/tests/malformed/ok.md")).unwrap().replace(
        "This endpoint does not need any parameter.",
        "This endpoint does not have any parameters.",
    );
    assert!(generator::parse_doc(&ts, "ts.md", "pets").is_ok());

    let ruby = "# Pets::DefaultApi\n\nAll URIs are relative to *https://x.example*\n\n\
        | Method | HTTP request | Description |\n| ------ | ------------ | ----------- |\n\
        | [**ping**](DefaultApi.md#ping) | **POST** /ping | Ping |\n\n\n## ping\n\n> ping(opts)\n\nPing\n\n### Examples\n\n\
        ```ruby\nrequire 'pets'\nPets.configure do |config|\n  # Configure Bearer authorization: SecretKey\n  config.access_token = 'T'\nend\n```\n\n\
        ### Parameters\n\nThis endpoint does not need any parameter.\n\n### Return type\n\nnil (empty response body)\n\n\
        ### Authorization\n\n[SecretKey](../README.md#SecretKey)\n\n### HTTP request headers\n\n- **Content-Type**: Not defined\n- **Accept**: Not defined\n";
    let l = generator::parse_doc(ruby, "DefaultApi.md", "pets").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.value.auth_schemes[0].kind, generator::ir::AuthKind::Bearer, "{:?}", l.value.auth_schemes);

    let go = "# \\DefaultAPI\n\nAll URIs are relative to *https://x.example*\n\n\
        Method | HTTP request | Description\n------------- | ------------- | -------------\n\
        [**Lookup**](DefaultAPI.md#Lookup) | **Post** /ip | Look up addresses\n\n\n## Lookup\n\n\
        > []Info Lookup(ctx).RequestBody(requestBody).Execute()\n\nLook up addresses\n\n### Example\n\n```go\n\
        requestBody := []string{\"Inner_example\"} // []string | \n```\n\n### Path Parameters\n\n\n\
        ### Other Parameters\n\nOther parameters are passed through a pointer to a apiLookupRequest struct via the builder pattern\n\n\n\
        Name | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\n **requestBody** | **[]string** |  | \n\n\
        ### Return type\n\n[**[]Info**](Info.md)\n\n### Authorization\n\nNo authorization required\n\n\
        ### HTTP request headers\n\n- **Content-Type**: application/json\n- **Accept**: application/json\n";
    let l = generator::parse_doc(go, "DefaultAPI.md", "ip").unwrap_or_else(|e| panic!("{e}"));
    let p = &l.value.operations[0].params[0];
    assert_eq!((p.location, p.ty.to_string().as_str()), (Location::Body, "list[string]"));
}

/// An API key whose doc names neither the key nor where it goes (Java's
/// `getAuthentication("ApiKeyAuth")` and no README): a guess, warned about and marked.
#[test]
fn an_api_key_nothing_names_is_a_warned_guess() {
    let java = "# FilesApi\n\nAll URIs are relative to *https://x.example/v1*\n\n\
        | Method | HTTP request | Description |\n|------------- | ------------- | -------------|\n\
        | [**getFile**](FilesApi.md#getFile) | **GET** /files/{id} | Get a file |\n\n\
        <a id=\"getFile\"></a>\n# **getFile**\n> File getFile(id)\n\nGet a file\n\n### Example\n```java\n\
        ApiKeyAuth ApiKeyAuth = (ApiKeyAuth) defaultClient.getAuthentication(\"ApiKeyAuth\");\n\
        ApiKeyAuth.setApiKey(\"YOUR API KEY\");\n\
        String id = \"id_example\"; // String | \n```\n\n### Parameters\n\n| Name | Type | Description  | Notes |\n\
        |------------- | ------------- | ------------- | -------------|\n| **id** | **String**|  | |\n\n\
        ### Return type\n\n[**File**](File.md)\n\n### Authorization\n\n[ApiKeyAuth](../README.md#ApiKeyAuth)\n\n\
        ### HTTP request headers\n\n - **Content-Type**: Not defined\n - **Accept**: application/json\n";
    let l = generator::parse_doc(java, "FilesApi.md", "files").unwrap_or_else(|e| panic!("{e}"));
    let s = &l.value.auth_schemes[0];
    assert_eq!((s.kind, s.param_name.as_deref()), (generator::ir::AuthKind::ApiKey, Some("ApiKeyAuth")));
    assert!(s.inferred.get("param_name").is_some_and(|e| e.starts_with("guess:")), "{:?}", s.inferred);
    let w: Vec<String> = l.warnings.iter().map(|d| d.to_string()).collect();
    assert!(w.iter().any(|w| w.contains("scheme `ApiKeyAuth`") && w.contains("assumed header `ApiKeyAuth`")), "{w:#?}");
}
