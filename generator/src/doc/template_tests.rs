//! Tests of the template reader (`template`, `operation`, `types`, `auth`).

use super::auth::*;
use super::operation::*;
use super::blocks::*;
use super::table::*;
use super::template::*;
use super::types::*;
use super::*;
use crate::diag::Diagnostics;
use crate::ir::{AuthKind, TypeRef};
use crate::read::Row;

#[test]
fn python_type_spellings_of_every_generation() {
    let cases = [
        ("str", "string"),
        ("**str**", "string"),
        ("int", "integer"),
        ("float", "number"),
        ("bool", "boolean"),
        ("date", "date"),
        ("datetime", "date-time"),
        ("file", "binary"),
        ("file_type", "binary"),
        ("bytearray", "binary"),
        ("io.IOBase", "binary"),
        ("Union[StrictBytes, StrictStr]", "binary"),
        ("object", "object"),
        ("none_type", "object"),
        ("list[str]", "list[string]"),
        ("List[str]", "list[string]"),
        ("[str]", "list[string]"),
        ("List[Optional[str]]", "list[string]"),
        ("dict(str, str)", "map[string]"),
        ("Dict[str, List[str]]", "map[list[string]]"),
        ("Dict[str, int]", "map[integer]"),
        ("{str: (bool, date, datetime, dict, float, int, list, str, none_type)}", "map[object]"),
        ("list[Pet]", "list[Pet]"),
        ("User", "User"),
        ("StrictStr", "string"),
        ("Optional[StrictInt]", "integer"),
    ];
    for (input, want) in cases {
        assert_eq!(parse_py_type(input).unwrap().to_string(), want, "{input}");
    }
    assert!(parse_py_type("strr").is_err());
    assert!(parse_py_type("dict(str)").is_err());
}

/// python-prior (openapi-generator 5.x/6.x) unions: `none_type` makes a type nullable, and
/// a union of several types is any JSON; with or without parentheses, inside lists and maps.
#[test]
fn python_prior_unions() {
    let cases = [
        ("str, none_type", "string"),
        ("float, none_type", "number"),
        ("int, none_type", "integer"),
        ("bool, none_type", "boolean"),
        ("datetime, none_type", "date-time"),
        ("(str, none_type)", "string"),
        ("[str, none_type]", "list[string]"),
        ("[float, none_type]", "list[number]"),
        ("[[str, none_type]]", "list[list[string]]"),
        ("[str], none_type", "list[string]"),
        ("[Pet], none_type", "list[Pet]"),
        ("bool, date, datetime, dict, float, int, list, str, none_type", "object"),
        ("(bool, date, datetime, dict, float, int, list, str, none_type)", "object"),
        ("[{str: (bool, date, datetime, dict, float, int, list, str, none_type)}]", "list[map[object]]"),
        ("{str: (str, none_type)}, none_type", "map[string]"),
        ("{str: ([float, none_type], none_type)}, none_type", "map[list[number]]"),
        ("{str: ({str: (bool, date, datetime, dict, float, int, list, str, none_type)},)}", "map[map[object]]"),
    ];
    for (input, want) in cases {
        assert_eq!(parse_py_type(input).map(|t| t.to_string()), Ok(want.to_string()), "{input}");
        // Every language's docs may carry them (a python doc read without its language).
        assert_eq!(parse_type("java", input).map(|t| t.to_string()), Ok(want.to_string()), "java: {input}");
    }
    // No union: other languages' commas, and a lone spelling in parentheses.
    assert_eq!(parse_type("java", "Map<String, Integer>").map(|t| t.to_string()), Ok("map[integer]".to_string()));
    assert_eq!(parse_py_type("dict(str, int)").map(|t| t.to_string()), Ok("map[integer]".to_string()));
    assert!(python_union("(str)").is_none());
    assert!(python_union("str, int").is_none());
    assert_eq!(python_union("(str, int)"), Some((vec!["str", "int"], false)));
    assert_eq!(python_union("str, none_type"), Some((vec!["str"], true)));
}

#[test]
fn deeply_nested_types_are_refused_not_a_stack_overflow() {
    let deep = |n: usize| format!("{}str{}", "List[".repeat(n), "]".repeat(n));
    assert!(parse_py_type(&deep(16)).is_ok());
    assert_eq!(parse_py_type(&deep(17)), Err("type nested more than 16 deep".to_string()));
    assert!(parse_py_type(&deep(100_000)).is_err());
    let deep = |n: usize| format!("{}string{}", "list[".repeat(n), "]".repeat(n));
    assert!(deep(16).parse::<TypeRef>().is_ok());
    assert_eq!(deep(17).parse::<TypeRef>(), Err("type nested more than 16 deep".to_string()));
    assert!(deep(100_000).parse::<TypeRef>().is_err());
    assert_eq!("map[ list[Pet] ]".parse::<TypeRef>().map(|t| t.to_string()), Ok("map[list[Pet]]".to_string()));
}

#[test]
fn notes_markers() {
    let cases: [(&str, Notes); 7] = [
        ("", Notes::default()),
        ("[optional]", Notes { optional: true, ..Notes::default() }),
        ("[optional] [default to 10]", Notes { optional: true, default: Some("10".into()), ..Notes::default() }),
        ("[optional][default to 10]", Notes { optional: true, default: Some("10".into()), ..Notes::default() }),
        ("[default to 1]", Notes { optional: false, default: Some("1".into()), ..Notes::default() }),
        ("[optional] [default to ]", Notes { optional: true, ..Notes::default() }),
        (
            "[optional] if omitted the server will use the default value of \"json\"",
            Notes { optional: true, default: Some("json".into()), ..Notes::default() },
        ),
    ];
    for (input, want) in cases {
        assert_eq!(parse_notes(input), want, "{input}");
    }
    assert_eq!(parse_notes("[optional] [enum: a, b]").enum_values, ["a", "b"]);
    // String defaults are Python literals in 7.x docs; the model keeps the value.
    assert_eq!(parse_notes("[optional] [default to &#39;json&#39;]").default.as_deref(), Some("json"));
    assert_eq!(parse_notes("[optional] [default to \"json\"]").default.as_deref(), Some("json"));
    assert_eq!(parse_notes("[optional] [default to '']").default, None);
}

#[test]
fn boolean_defaults_lose_their_python_spelling() {
    assert_eq!(model_default("True".into(), &TypeRef::Boolean), "true");
    assert_eq!(model_default("False".into(), &TypeRef::Boolean), "false");
    assert_eq!(model_default("True".into(), &TypeRef::String), "True");
    assert_eq!(model_default("20".into(), &TypeRef::Integer), "20");
    let row = Row {
        line: 7,
        cells: ["**include_items**", "**bool**", "", "[optional] [default to True]"]
            .iter()
            .map(|c| crate::read::markdown::read_cell(c))
            .collect(),
        split: true,
    };
    let p = read_param(&row, "python", "f.md", &mut Diagnostics::default()).unwrap();
    assert_eq!(p.default.as_deref(), Some("true"));
}

#[test]
fn api_key_names_from_a_4x_configuration_dict() {
    // 4.x: one block per scheme, the key named in an `api_key = {...}` dict.
    let code = "# Configure API key authorization: apiKeyHeader\nconfiguration = shop_client.Configuration(\n    host = \"https://x\",\n    api_key = {\n        'X-API-Key': 'YOUR_API_KEY'\n    }\n)\n# configuration.api_key_prefix['X-API-Key'] = 'Bearer'\n# Configure API key authorization: apiKeyQuery\nconfiguration = shop_client.Configuration(api_key = {\"api_key\": 'YOUR_API_KEY'})\n";
    let mut op = DocOp::default();
    let mut schemes = Vec::new();
    read_example(code, 1, &mut op, &mut schemes);
    let got: Vec<(&str, Option<&str>)> = schemes.iter().map(|s| (s.name.as_str(), s.key_name.as_deref())).collect();
    assert_eq!(got, [("apiKeyHeader", Some("X-API-Key")), ("apiKeyQuery", Some("api_key"))]);
    // A dict that is not `api_key` names no key.
    let code = "# Configure API key authorization: k\nheaders = {\n    'Other': 'v'\n}\n";
    let mut schemes = Vec::new();
    read_example(code, 1, &mut DocOp::default(), &mut schemes);
    assert_eq!(schemes[0].key_name, None);
}

#[test]
fn a_missing_parameters_section_skips_the_operation_once() {
    let src = "# p.PetsApi\n\nAll URIs are relative to *https://x.org*\n\nMethod | HTTP request | Description\n--- | --- | ---\n[**get_pet**](#get_pet) | **GET** /pets | Get\n\n# **get_pet**\n> Pet get_pet(pet_id)\n\n### Return type\n\n[**Pet**](Pet.md)\n\n### Authorization\n\nNo authorization required\n\n### HTTP request headers\n\n - **Content-Type**: Not defined\n";
    let mut d = Diagnostics::default();
    let api = extract(&crate::read::markdown::read(src), "f.md", "python", &mut d).unwrap();
    let got: Vec<_> = d.items.iter().map(|d| (d.severity, d.line, d.message.as_str())).collect();
    assert_eq!(
        got,
        [(
            crate::diag::Severity::Warning,
            9,
            "operation `get_pet`: expected a `Parameters` section; operation `get_pet` skipped"
        )]
    );
    assert!(api.ops.is_empty());
    assert_eq!((d.tally.table_ops, d.tally.skipped), (1, 1));
    // Without arguments in the signature, no section means no parameters.
    let src = src.replace("get_pet(pet_id)", "get_pet()");
    let mut d = Diagnostics::default();
    let api = extract(&crate::read::markdown::read(&src), "f.md", "python", &mut d).unwrap();
    assert_eq!(api.ops.len(), 1);
    assert_eq!(d.warnings().count(), 1);
}

#[test]
fn an_unreadable_base_url_keeps_its_line() {
    let src = "# p.PetsApi\n\nAll URIs are relative to *the server*\n\nMethod | HTTP request | Description\n--- | --- | ---\n";
    let mut d = Diagnostics::default();
    let api = extract(&crate::read::markdown::read(src), "f.md", "python", &mut d).unwrap();
    assert_eq!((api.base_url, api.base_url_line), (None, 3));
    assert!(d.warnings().any(|e| e.line == 3 && e.message.starts_with("expected a base URL")));
    assert!(!d.has_errors());
}

#[test]
fn a_base_url_without_a_scheme_gets_https() {
    for (url, want) in [
        ("api.example.com/v1", Some("https://api.example.com/v1")),
        ("localhost:8080/api", Some("https://localhost:8080/api")),
        ("https://x.org/v2", Some("https://x.org/v2")),
        ("/v1", Some("/v1")),
        ("the server", None),
    ] {
        let src = format!("# p.PetsApi\n\nAll URIs are relative to *{url}*\n\nMethod | HTTP request | Description\n--- | --- | ---\n");
        let mut d = Diagnostics::default();
        let api = extract(&crate::read::markdown::read(&src), "f.md", "python", &mut d).unwrap();
        assert_eq!(api.base_url.as_deref(), want, "{url}");
        let repaired = want.is_some_and(|w| w != url);
        assert_eq!(api.base_url_note.is_some(), repaired, "{url}");
        assert_eq!(d.tally.repaired, usize::from(repaired), "{url}");
    }
}

#[test]
fn response_headers_in_plain_text() {
    let src = "p.PetsApi\n\nAll URIs are relative to https://x.org\n\nMethod HTTP request Description\nget_pet GET /pets Get\n\nget_pet\n\nPet get_pet()\n\nParameters\n\nThis endpoint does not need any parameter.\n\nReturn type\n\nPet\n\nAuthorization\n\nNo authorization required\n\nHTTP request headers\n\n  • Content-Type: Not defined\n\nHTTP response details\n\nStatus code Description Response headers\n200 A page. * X-Next-Page - The next page. * X-Total - Count.\n201 Created. -\n204 -\n0 Error\n";
    let mut d = Diagnostics::default();
    let blocks = crate::read::text::read(src, &text_hints());
    let api = extract(&blocks, "f.txt", "python", &mut d).unwrap();
    assert!(d.items.is_empty(), "{:?}", d.items);
    let got: Vec<(&str, &str, Vec<&str>)> = api.ops[0]
        .statuses
        .iter()
        .map(|s| (s.status.as_str(), s.description.as_str(), s.headers.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        got,
        [
            ("200", "A page.", vec!["X-Next-Page", "X-Total"]),
            ("201", "Created.", vec![]),
            ("204", "", vec![]),
            ("0", "Error", vec![]),
        ]
    );
}

#[test]
fn titles() {
    assert_eq!(split_title("umaaas_api.UsersApi"), Some(("UsersApi".into(), Some("umaaas_api".into()))));
    assert_eq!(split_title("pkg.apis.tags.orders_api.OrdersApi"), Some(("OrdersApi".into(), Some("pkg.apis.tags.orders_api".into()))));
    assert_eq!(split_title("UsersApi"), Some(("UsersApi".into(), None)));
    // JavaScript: the package is the npm name.
    assert_eq!(split_title("nomad-client.NodesApi"), Some(("NodesApi".into(), Some("nomad-client".into()))));
    assert_eq!(split_title("@acme/sdk.NodesApi"), Some(("NodesApi".into(), Some("@acme/sdk".into()))));
    assert_eq!(split_title("Nodes-Api"), None);
    // A saved GitHub page shows the file name above the title.
    assert_eq!(split_title("UsersApi.md"), None);
    assert_eq!(split_title("History"), None);
    assert_eq!(split_title("Skip to content"), None);
}

#[test]
fn signatures() {
    let s = parse_signature("ListUsers200Response list_users(platform_user_id=platform_user_id, limit=limit)", "list_users", 3).unwrap();
    assert_eq!(s.return_type.as_deref(), Some("ListUsers200Response"));
    assert_eq!(s.args, [("platform_user_id".to_string(), true), ("limit".to_string(), true)]);
    let s = parse_signature("Dict[str, int] get_inventory()", "get_inventory", 1).unwrap();
    assert_eq!(s.return_type.as_deref(), Some("Dict[str, int]"));
    assert!(s.args.is_empty());
    let s = parse_signature("delete_user(app_id, user_id)", "delete_user", 1).unwrap();
    assert_eq!(s.return_type, None);
    assert_eq!(s.args.len(), 2);
    assert!(parse_signature("not_the_op(a)", "delete_user", 1).is_none());
    // The summary joined to the quote by markdown's lazy continuation.
    let s = parse_signature("String welcome_page_get() Welcome Page", "welcome_page_get", 1).unwrap();
    assert_eq!((s.return_type.as_deref(), s.args.len()), (Some("String"), 0));
    let s = parse_signature("Pet get_pet(pet_id, (a, b)) Get a pet", "get_pet", 1).unwrap();
    assert_eq!(s.args.len(), 2);
    assert!(parse_signature("xdelete_user(a)", "delete_user", 1).is_none());
}

#[test]
fn auth_bullets() {
    let cases = [
        ("Basic Authentication (BasicAuth):", "BasicAuth", AuthKind::Basic),
        ("Bearer (JWT) Authentication (bearerAuth):", "bearerAuth", AuthKind::Bearer),
        ("Api Key Authentication (api_key):", "api_key", AuthKind::ApiKey),
        ("OAuth Authentication (petstore_auth):", "petstore_auth", AuthKind::Oauth2),
    ];
    for (text, name, kind) in cases {
        let s = auth_bullet(text, 1).unwrap();
        assert_eq!((s.name.as_str(), s.kind), (name, kind));
    }
    assert!(auth_bullet("Something else (x):", 1).is_none());
}

#[test]
fn example_code_gives_schemes_key_names_and_json() {
    let code = "# Configure HTTP basic authorization: appKeys\nconfiguration.username = 'YOUR_USERNAME'\n# Configure API key authorization: applicationId\nconfiguration.api_key['applicationId'] = 'YOUR_API_KEY'\n# configuration.api_key_prefix['token'] = 'Bearer'# Configure HTTP basic authorization: orgAppKeys\n# Configure OAuth2 access token for authorization: finapi_auth\n# Configure Bearer authorization (JWT): bearerAuth\n    body = {\"a\":{\"b\":1}} # Model | \n";
    let mut op = DocOp::default();
    let mut schemes = Vec::new();
    read_example(code, 10, &mut op, &mut schemes);
    let got: Vec<(&str, AuthKind, Option<&str>)> = schemes
        .iter()
        .map(|s| (s.name.as_str(), s.kind, s.key_name.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("appKeys", AuthKind::Basic, None),
            ("applicationId", AuthKind::ApiKey, Some("applicationId")),
            ("orgAppKeys", AuthKind::Basic, None),
            ("finapi_auth", AuthKind::Oauth2, None),
            ("bearerAuth", AuthKind::Bearer, None),
        ]
    );
    assert_eq!(schemes[0].line, 11);
    assert_eq!(op.examples["body"], serde_json::json!({"a": {"b": 1}}));
}

#[test]
fn typescript_default_to_undefined_is_no_default() {
    assert_eq!(parse_notes("[default to undefined]").default, None);
    assert_eq!(parse_notes("[optional] [default to 20]").default.as_deref(), Some("20"));
}


/// swagger-codegen's Go template writes its title placeholder `# {{classname}}` and, for a
/// boolean option, the type `optional.`: the file name gives the class, the documented
/// default the type, and neither is a warning left for the reader.
#[test]
fn template_placeholders_of_swagger_codegen_go_are_read_around() {
    let doc = "# {{classname}}\n\nAll URIs are relative to *https://api.x.example/v1*\n\n\
Method | HTTP request | Description\n------------- | ------------- | -------------\n\
[**ListItems**](ItemsApi.md#ListItems) | **Get** /items | \n\n\
# **ListItems**\n> []Item ListItems(ctx, optional)\n\n\n### Required Parameters\n\n\
Name | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\n \
**ctx** | **context.Context** | context for authentication, logging, cancellation, deadlines, tracing, etc.\n \
**optional** | ***ItemsApiListItemsOpts** | optional parameters | nil if no parameters\n\n\
### Optional Parameters\nOptional parameters are passed through a pointer to a ItemsApiListItemsOpts struct\n\
Name | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\n \
**notify** | **optional.**|  | [default to true]\n \
**limit** | **optional.Int32**|  | \n\n\
### Return type\n\n[**[]Item**](Item.md)\n\n### Authorization\n\nNo authorization required\n\n\
### HTTP request headers\n\n - **Content-Type**: Not defined\n - **Accept**: application/json\n";
    // The one warning is the repair's: no title warning.
    let loaded = crate::load::parse_doc(doc, "ItemsApi.md", "items").unwrap_or_else(|e| panic!("{e}"));
    let api = loaded.value;
    assert_eq!(api.title, "ItemsApi");
    let op = &api.operations[0];
    let ty = |n: &str| op.params.iter().find(|p| p.name == n).map(|p| p.ty.to_string());
    assert_eq!(ty("notify").as_deref(), Some("boolean"));
    assert_eq!(ty("limit").as_deref(), Some("integer"));
    assert_eq!(ty("ctx"), None, "the context row is never sent");
    assert!(loaded.summaries[0].to_string().contains("1 repaired, 1 warning(s)"), "{}", loaded.summaries[0]);
}

/// Docs without example code tell their language by their signature: Ruby 7.x writes the
/// return type in angle brackets.
#[test]
fn a_ruby_signature_tells_ruby_without_example_code() {
    let text = "# YNAB::AccountsApi\n\nAll URIs are relative to *https://api.example.com/v1*\n\n| Method | HTTP request | Description |\n| ------ | ------------ | ----------- |\n| [**get_accounts**](AccountsApi.md#get_accounts) | **GET** /plans/{plan_id}/accounts | Get all |\n\n## get_accounts\n\n> <AccountsResponse> get_accounts(plan_id, opts)\n\nGet all\n";
    let blocks = crate::read::read(text, crate::ir::DocForm::Markdown, &super::Template.text_hints());
    assert_eq!(super::detect_language(&blocks, None), "ruby");
    let csharp = text.replace("> <AccountsResponse> get_accounts(plan_id, opts)", "> AccountsResponse GetAccounts (string planId, int? limit = null)");
    let blocks = crate::read::read(&csharp, crate::ir::DocForm::Markdown, &super::Template.text_hints());
    assert_eq!(super::detect_language(&blocks, None), "csharp");
}
