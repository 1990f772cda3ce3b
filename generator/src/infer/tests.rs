//! Tests of naming and locations.

use super::locations::*;
use super::naming::*;
use super::*;
use crate::doc::{DocApi, DocOp, DocParam};
use crate::ir::{Evidence, Location, Operation, TypeRef};
use heck::ToTrainCase;

/// Each language's escapes of a name undone: the name the wire name derives from.
#[test]
fn reserved_word_and_symbol_escapes_are_undone() {
    for (lang, written, bare) in [
        ("python", "_from", "from"), ("python", "var_self", "self"), ("python", "var_name", "var_name"),
        ("kotlin", "`internal`", "internal"), ("kotlin", "ifMinusNoneMinusMatch", "if-none-match"),
        ("kotlin", "includeMinusReviews", "include-reviews"), ("kotlin", "xminusStorageMinusRegion", "x-storage-region"), ("kotlin", "Minus", "Minus"),
        ("kotlin", "timeMinusoffset", "timeMinusoffset"), ("csharp", "varInternal", "internal"),
        ("csharp", "variable", "variable"), ("csharp", "varName", "varName"), ("php", "$user_id", "user_id"),
        ("csharp", "@class", "class"), ("r", "idempotency.key", "idempotency_key"), ("java", "_default", "default"),
        // A leading `_` escapes a reserved word only; before any other word it is the name's.
        ("php", "$_limit", "_limit"), ("r", "_limit", "_limit"), ("r", ".limit", "_limit"), ("java", "_class", "class"), ("javascript", "_embed", "_embed"),
    ] {
        assert_eq!(unescape(written, lang), bare, "{lang} `{written}`");
    }
}

#[test]
fn cases() {
    let cases = [
        ("userId", Case::Camel),
        ("user_id", Case::Snake),
        ("USER_ID", Case::Screaming),
        ("user-id", Case::Kebab),
        ("id", Case::Word),
        ("PROVIDER", Case::Other),
        ("a b", Case::Other),
    ];
    for (s, c) in cases {
        assert_eq!(classify(s), c, "{s}");
    }
}

#[test]
fn python_escapes() {
    assert_eq!(unescape_python("_from"), "from");
    assert_eq!(unescape_python("var_from"), "from");
    assert_eq!(unescape_python("var_self"), "self");
    assert_eq!(unescape_python("_id"), "_id");
    assert_eq!(unescape_python("variable"), "variable");
}

#[test]
fn braces_in_paths() {
    for ok in ["/", "/pets", "/pets/{petId}", "/a/{x}/b/{y}.json", "/{a}{b}"] {
        assert_eq!(check_braces(ok), Ok(()), "{ok}");
    }
    for (bad, why) in [
        ("/pets/{petId", "never closed"),
        ("/pets/petId}", "closes no placeholder"),
        ("/pets/{}", "empty placeholder"),
        ("/pets/{a{b}}", "inside a placeholder"),
    ] {
        assert!(check_braces(bad).unwrap_err().contains(why), "{bad}");
    }
}

#[test]
fn placeholders_in_order() {
    assert_eq!(placeholders("/a/{BANK_ID}/b/{userId}"), ["BANK_ID", "userId"]);
    assert!(placeholders("/users/email/EMAIL/terminator").is_empty());
}

fn param(name: &str, ty: TypeRef) -> DocParam {
    DocParam {
        name: name.into(),
        line: 1,
        doc_type: ty.to_string(),
        ty,
        model_link: false,
        enum_link: false,
        description: String::new(),
        required: true,
        default: None,
        enum_values: Vec::new(),
        stated_location: None,
        stated_wire_name: None,
        required_note: None,
    }
}

fn model(name: &str) -> DocParam {
    DocParam {
        model_link: true,
        ..param(name, TypeRef::Model("Pet".into()))
    }
}

/// Infers one operation `path` with `params`, under a naming convention.
fn infer_with(path: &str, content_type: Option<&str>, params: Vec<DocParam>, case: Option<Case>) -> (Operation, Diagnostics) {
    let op = DocOp {
        name: "op".into(),
        line: 5,
        method: "POST".into(),
        path: path.into(),
        params,
        content_type: content_type.map(String::from),
        ..DocOp::default()
    };
    let conv = Convention {
        case,
        evidence: "test convention".into(),
        confidence: Confidence::Weak,
        ..Convention::default()
    };
    let mut d = Diagnostics::default();
    let o = infer_op(&op, &conv, "f.md", &mut d);
    (o, d)
}

fn placed(o: &Operation) -> Vec<(&str, Location, &str)> {
    o.params.iter().map(|p| (p.name.as_str(), p.location, p.wire_name.as_str())).collect()
}

#[test]
fn path_params_match_placeholders_ignoring_case_and_underscores() {
    let mut opt = param("bank_id", TypeRef::String);
    opt.required = false;
    let (o, d) = infer_with(
        "/banks/{BANK_ID}/users/{userId}",
        None,
        vec![opt, param("user_id", TypeRef::String)],
        Some(Case::Snake),
    );
    assert_eq!(placed(&o), [("bank_id", Location::Path, "BANK_ID"), ("user_id", Location::Path, "userId")]);
    // A path parameter is required whatever the doc says, with a warning.
    assert!(o.params[0].required);
    assert_eq!(d.warnings().count(), 1);
    assert!(!d.has_errors());
}

#[test]
fn upper_case_literal_path_words_are_not_params() {
    let (o, d) = infer_with("/users/email/EMAIL/terminator", None, vec![param("email", TypeRef::String)], None);
    assert_eq!(placed(&o), [("email", Location::Query, "email")]);
    assert!(d.items.is_empty());
}

#[test]
fn a_placeholder_without_a_param_is_repaired_as_a_required_string() {
    let (o, d) = infer_with("/pets/{petId}", None, vec![param("id", TypeRef::String)], None);
    let w: Vec<_> = d.warnings().map(|e| (e.line, e.message.as_str())).collect();
    assert_eq!(
        w,
        [(5, "path placeholder `{petId}` of `op` has no parameter row; added a required string path parameter `pet_id`")]
    );
    assert!(!d.has_errors());
    assert_eq!(d.tally.repaired, 1);
    let p = o.params.iter().find(|p| p.location == Location::Path).unwrap();
    assert_eq!((p.name.as_str(), p.wire_name.as_str(), p.required, &p.ty), ("pet_id", "petId", true, &TypeRef::String));
    assert!(p.inferred["location"].contains("no parameter row"));
}

#[test]
fn punctuated_placeholders_match_flattened_names() {
    for (path, name, wire) in [
        ("/v/{version.kind}", "version_kind", "version.kind"),
        ("/p/{id|slug}", "id_pipe_slug", "id|slug"),
        ("/p/{id|slug}", "idPipeSlug", "id|slug"),
        ("/p/{user-id}", "user_id", "user-id"),
    ] {
        let (o, d) = infer_with(path, None, vec![param(name, TypeRef::String)], None);
        assert_eq!(placed(&o), [(name, Location::Path, wire)], "{path}");
        assert!(d.items.is_empty(), "{path}: {:?}", d.items);
    }
}

#[test]
fn form_content_types_put_params_in_the_form() {
    for ct in ["multipart/form-data", "application/x-www-form-urlencoded"] {
        let (o, _) = infer_with("/p", Some(ct), vec![param("note", TypeRef::String), model("status")], None);
        assert_eq!(placed(&o), [("note", Location::Form, "note"), ("status", Location::Form, "status")], "{ct}");
        assert_eq!(o.content_type.as_deref(), Some(ct));
    }
}

#[test]
fn a_binary_param_is_a_form_part_whatever_the_content_type() {
    let (o, _) = infer_with("/p", None, vec![param("file", TypeRef::Binary)], None);
    assert_eq!(placed(&o), [("file", Location::Form, "file")]);
}

#[test]
fn conventional_header_names_become_headers() {
    let (o, _) = infer_with(
        "/p",
        None,
        vec![param("x_request_id", TypeRef::String), param("idempotency_key", TypeRef::String)],
        Some(Case::Camel),
    );
    assert_eq!(
        placed(&o),
        [("x_request_id", Location::Header, "X-Request-Id"), ("idempotency_key", Location::Header, "Idempotency-Key")]
    );
}

#[test]
fn the_body_is_the_first_model_or_body_param_with_a_json_or_undefined_content_type() {
    // Undefined content type: JSON is inferred, with evidence.
    let (o, _) = infer_with("/p", None, vec![model("pet"), model("other")], None);
    assert_eq!(placed(&o), [("pet", Location::Body, "pet"), ("other", Location::Query, "other")]);
    assert_eq!(o.content_type.as_deref(), Some("application/json"));
    assert!(o.inferred.contains_key("content_type"));
    // A plain `body` param counts too; a stated JSON content type is kept.
    let (o, _) = infer_with("/p", Some("application/merge-patch+json"), vec![param("body", TypeRef::String)], None);
    assert_eq!(placed(&o), [("body", Location::Body, "body")]);
    assert_eq!(o.content_type.as_deref(), Some("application/merge-patch+json"));
    assert!(o.inferred.is_empty());
    // Structured types (maps, lists of models, any JSON) are bodies as well.
    let (o, _) = infer_with("/p", Some("application/json"), vec![param("tags", TypeRef::Map(Box::new(TypeRef::String)))], None);
    assert_eq!(o.params[0].location, Location::Body);
    // Neither JSON nor a form: the one body-like parameter is the raw body.
    for ct in ["text/plain", "application/octet-stream", "*/*"] {
        let (o, _) = infer_with("/p", Some(ct), vec![param("body", TypeRef::String)], None);
        assert_eq!(o.params[0].location, Location::Body, "{ct}");
        let (o, _) = infer_with("/p", Some(ct), vec![param("data", TypeRef::Binary), param("limit", TypeRef::Integer)], None);
        assert_eq!(placed(&o), [("data", Location::Body, "data"), ("limit", Location::Query, "limit")], "{ct}");
    }
}

#[test]
fn json_beside_a_form_keeps_the_model_the_body_and_the_rest_in_place() {
    let ct = Some("application/json, application/x-www-form-urlencoded");
    let (o, _) = infer_with("/p", ct, vec![model("pet"), param("dry_run", TypeRef::Boolean)], None);
    assert_eq!(placed(&o), [("pet", Location::Body, "pet"), ("dry_run", Location::Query, "dry_run")]);
    // No model to be the JSON body: the parameters are plainly form fields.
    let (o, _) = infer_with("/p", ct, vec![param("symbol", TypeRef::String), param("price", TypeRef::Number)], None);
    assert_eq!(placed(&o), [("symbol", Location::Form, "symbol"), ("price", Location::Form, "price")]);
}

#[test]
fn a_get_never_has_a_form_or_an_enum_body() {
    let get = |ct: Option<&str>, params: Vec<DocParam>| {
        let op = DocOp {
            name: "op".into(),
            line: 5,
            method: "GET".into(),
            path: "/p".into(),
            params,
            content_type: ct.map(String::from),
            ..DocOp::default()
        };
        let mut d = Diagnostics::default();
        infer_op(&op, &Convention::default(), "f.md", &mut d)
    };
    let o = get(Some("application/x-www-form-urlencoded"), vec![param("symbol", TypeRef::String)]);
    assert_eq!(placed(&o), [("symbol", Location::Query, "symbol")]);
    let enum_param = DocParam {
        enum_link: true,
        ..model("status")
    };
    let o = get(None, vec![enum_param, model("filter")]);
    assert_eq!(placed(&o), [("status", Location::Query, "status"), ("filter", Location::Query, "filter")]);
}

#[test]
fn headers_and_cookies_by_name_and_description() {
    let mut cookie = param("session", TypeRef::String);
    cookie.description = "The session cookie.".into();
    // A header's name used for a query filter: its description writes it as a query name,
    // or it is a list (a header holds one value).
    let mut filter = param("content_type", TypeRef::String);
    filter.description = "Filter by content_type".into();
    let ranges = param("range", TypeRef::List(Box::new(TypeRef::String)));
    // A description that mentions a cookie in passing does not make one.
    let mut token = param("token", TypeRef::String);
    token.description = "A valid logout token  If you do not have a logout token because you only have a session cookie, call `/logout/browser`.".into();
    let (o, _) = infer_with(
        "/p",
        None,
        vec![
            param("accept", TypeRef::String),
            param("content_type", TypeRef::String),
            param("if_none_match", TypeRef::String),
            param("range", TypeRef::String),
            param("xNomadToken", TypeRef::String),
            param("cookie", TypeRef::String),
            cookie,
            token,
            filter,
            ranges,
        ],
        None,
    );
    assert_eq!(
        placed(&o),
        [
            ("accept", Location::Header, "Accept"),
            ("content_type", Location::Header, "Content-Type"),
            ("if_none_match", Location::Header, "If-None-Match"),
            ("range", Location::Header, "Range"),
            ("xNomadToken", Location::Header, "X-Nomad-Token"),
            ("cookie", Location::Header, "Cookie"),
            ("session", Location::Cookie, "session"),
            ("token", Location::Query, "token"),
            ("content_type", Location::Query, "content_type"),
            ("range", Location::Query, "range"),
        ]
    );
    assert!(o.params[8].inferred["location"].starts_with("weak: `content_type` reads like a header name, but its description writes it"), "{:?}", o.params[8].inferred);
    assert!(o.params[9].inferred["location"].starts_with("weak: `range` reads like a header name, but it is a list"), "{:?}", o.params[9].inferred);
}

#[test]
fn a_spelling_in_the_text_beats_any_convention() {
    let mut dry = param("dry_run", TypeRef::Boolean);
    dry.description = "Fails with `unrecognized dryRun directive` on bad values.".into();
    let mut artifact = param("x_registry_artifact_id", TypeRef::String);
    artifact.description = "Sets the header X-Registry-ArtifactId.".into();
    let (o, _) = infer_with("/p", None, vec![dry, artifact, param("page_size", TypeRef::Integer)], Some(Case::Snake));
    assert_eq!(
        placed(&o),
        [
            ("dry_run", Location::Query, "dryRun"),
            ("x_registry_artifact_id", Location::Header, "X-Registry-ArtifactId"),
            ("page_size", Location::Query, "page_size"),
        ]
    );
    assert!(o.params[0].inferred["wire_name"].starts_with("strong: spelled `dryRun`"));
}

#[test]
fn everything_else_is_a_query_param() {
    let (o, _) = infer_with("/p", None, vec![param("limit", TypeRef::Integer), param("tags", TypeRef::List(Box::new(TypeRef::String)))], None);
    assert_eq!(placed(&o), [("limit", Location::Query, "limit"), ("tags", Location::Query, "tags")]);
}

#[test]
fn wire_names_follow_the_api_convention() {
    let params = || vec![param("page_size", TypeRef::Integer), param("limit", TypeRef::Integer)];
    let (o, _) = infer_with("/p", None, params(), Some(Case::Camel));
    assert_eq!(placed(&o), [("page_size", Location::Query, "pageSize"), ("limit", Location::Query, "limit")]);
    assert_eq!(o.params[0].inferred["wire_name"], "weak: test convention");
    for case in [Some(Case::Snake), None] {
        let (o, _) = infer_with("/p", None, params(), case);
        assert_eq!(placed(&o), [("page_size", Location::Query, "page_size"), ("limit", Location::Query, "limit")]);
    }
}

#[test]
fn python_keyword_escapes_are_undone_on_the_wire() {
    let (o, _) = infer_with("/p", None, vec![param("_from", TypeRef::Date), param("var_from", TypeRef::Date)], Some(Case::Camel));
    assert_eq!(placed(&o), [("_from", Location::Query, "from"), ("var_from", Location::Query, "from")]);
    // A placeholder `{from}` matches the escaped name.
    let (o, _) = infer_with("/since/{from}", None, vec![param("var_from", TypeRef::Date)], None);
    assert_eq!(placed(&o), [("var_from", Location::Path, "from")]);
}

#[test]
fn the_convention_is_the_majority_of_placeholders_and_json_keys() {
    let op = |path: &str, example: Option<serde_json::Value>| DocOp {
        path: path.into(),
        examples: example.into_iter().map(|v| ("body".to_string(), v)).collect(),
        ..DocOp::default()
    };
    let doc = |ops| DocApi { ops, ..DocApi::default() };
    let c = convention(&doc(vec![op("/a/{orderId}", None), op("/b/{customer_id}", Some(serde_json::json!({"createdAt": 1, "lineItems": [{"unitPrice": 2}]})))]));
    assert_eq!(c.case, Some(Case::Camel));
    assert!(c.evidence.contains("placeholder {orderId}"), "{}", c.evidence);
    // Literal path segments vote too: a clearly camelCase API without placeholders.
    let c = convention(&doc(vec![op("/recipes/findByIngredients", None), op("/recipes/analyzeInstructions", None), op("/recipes/{id}/priceBreakdown", None)]));
    assert_eq!(c.case, Some(Case::Camel));
    assert!(c.evidence.contains("path segment `findByIngredients`"), "{}", c.evidence);
    let c = convention(&doc(vec![op("/public/get_book_summary", None), op("/public/get_order_book", None), op("/public/{order_id}", None)]));
    assert_eq!(c.case, Some(Case::Snake));
    // One or two clues decide nothing; nor a tie.
    let c = convention(&doc(vec![op("/a/{order_id}", None), op("/b/{id}", None)]));
    assert_eq!(c.case, None);
    let c = convention(&doc(vec![op("/a/{orderId}", None), op("/b/{customer_id}", None)]));
    assert_eq!(c.case, None);
    assert_eq!(convention(&doc(vec![op("/a/{id}", None)])).case, None);
    // One dissenting clue does not veto five or more of one kind; four against one decide
    // nothing without a second kind.
    let phs = |n: usize| (0..n).map(|i| op(&format!("/mod_api/{{commentId{i}}}"), None)).collect::<Vec<_>>();
    let c = convention(&doc(phs(5)));
    assert_eq!(c.case, Some(Case::Camel), "{}", c.evidence);
    assert_eq!(c.confidence, Confidence::Weak);
    assert_eq!(convention(&doc(phs(4))).case, None);
}

/// One camelCase placeholder, among snake_case evidence or none, changes no wire name.
#[test]
fn one_camel_case_placeholder_does_not_flip_the_api() {
    let op = |path: &str, params: Vec<DocParam>, example: Option<serde_json::Value>| DocOp {
        name: format!("op{}", path.len()),
        method: "GET".into(),
        path: path.into(),
        params,
        examples: example.into_iter().map(|v| ("body".to_string(), v)).collect(),
        ..DocOp::default()
    };
    let source = || Source {
        files: Vec::new(),
        form: crate::ir::DocForm::Markdown,
        flavour: "python".into(),
    };
    for snake_evidence in [false, true] {
        let mut ops = vec![
            op("/identities/{externalID}", vec![param("external_id", TypeRef::String)], None),
            op("/identities", vec![param("page_size", TypeRef::Integer), param("page_token", TypeRef::String)], None),
        ];
        if snake_evidence {
            ops.push(op("/sessions/whoami", vec![], Some(serde_json::json!({"identity_id": 1, "expires_at": 2}))));
        }
        let doc = DocApi { base_url: Some("https://x".into()), ops, ..DocApi::default() };
        let mut d = Diagnostics::default();
        let api = infer(doc, "p", source(), "f.md", &mut d);
        let list = &api.operations[1];
        assert_eq!(placed(list), [("page_size", Location::Query, "page_size"), ("page_token", Location::Query, "page_token")]);
        assert!(list.params[0].inferred["wire_name"].starts_with("guess: "), "{:?}", list.params[0].inferred);
        // The placeholder itself is matched.
        assert_eq!(placed(&api.operations[0]), [("external_id", Location::Path, "externalID")]);
    }
}

/// A query parameter named like a placeholder of the API takes the placeholder's spelling.
#[test]
fn a_placeholder_elsewhere_spells_a_query_name() {
    let conv = Convention {
        placeholders: [("userid".to_string(), "userId".to_string())].into(),
        ..Convention::default()
    };
    let op = DocOp {
        name: "op".into(),
        method: "GET".into(),
        path: "/status".into(),
        params: vec![param("user_id", TypeRef::String)],
        ..DocOp::default()
    };
    let o = infer_op(&op, &conv, "f.md", &mut Diagnostics::default());
    assert_eq!(placed(&o), [("user_id", Location::Query, "userId")]);
    assert!(o.params[0].inferred["wire_name"].starts_with("strong: written {userId}"));
}

/// The README's endpoint list spells the words of a parameter nothing else spells: a
/// placeholder of another group, a literal path segment. Weak facts, and no vote: the
/// paths of every group do not decide how this doc's query names are written.
#[test]
fn the_readmes_paths_spell_a_parameters_words_weakly() {
    let doc = DocApi {
        ops: vec![DocOp {
            name: "list".into(),
            file: "a.md".into(),
            method: "GET".into(),
            path: "/objects/{repo_name}/ls".into(),
            params: vec![
                param("repo_name", TypeRef::String),
                param("user_metadata", TypeRef::Boolean),
                param("book_id", TypeRef::String),
                param("page_size", TypeRef::Integer),
            ],
            ..DocOp::default()
        }],
        language: "python",
        directory_paths: vec![
            "/objects/stat/user_metadata".into(),
            "/loans/{bookId}".into(),
            "/a/{firstId}/{secondId}/{thirdId}/{fourthId}".into(),
        ],
        ..DocApi::default()
    };
    let conv = convention(&doc);
    assert_eq!(conv.case, None, "{}", conv.evidence);
    let o = infer_op(&doc.ops[0], &conv, "a.md", &mut Diagnostics::default());
    let wire = |i: usize| (o.params[i].wire_name.as_str(), o.params[i].inferred.get("wire_name").map(String::as_str).unwrap_or(""));
    assert_eq!(wire(1), ("user_metadata", "weak: the API's paths write these words `user_metadata`"));
    assert_eq!(wire(2), ("bookId", "weak: written {bookId} as a path placeholder in the README's endpoint list"));
    assert_eq!(wire(3).0, "page_size");
    assert!(wire(3).1.starts_with("guess:"), "{:?}", wire(3));

    // A camelCase doc: the segment spells the words the API's way.
    let mut doc = doc;
    doc.language = "java";
    doc.ops[0].params[1] = param("userMetadata", TypeRef::Boolean);
    let conv = convention(&doc);
    let o = infer_op(&doc.ops[0], &conv, "a.md", &mut Diagnostics::default());
    assert_eq!(o.params[1].wire_name, "user_metadata");
    assert_eq!(o.params[1].inferred["wire_name"], "weak: the API's paths write these words `user_metadata`");
}

#[test]
fn a_missing_base_url_is_reported_once() {
    let source = || Source {
        files: Vec::new(),
        form: crate::ir::DocForm::Markdown,
        flavour: "python".into(),
    };
    let mut d = Diagnostics::default();
    let api = infer(DocApi::default(), "p", source(), "f.md", &mut d);
    let e: Vec<_> = d.warnings().map(|e| (e.line, e.message.as_str())).collect();
    assert_eq!(
        e,
        [(
            1,
            "expected `All URIs are relative to <base URL>` before the method table; the client will \
             require `Client::builder().base_url(..)`"
        )]
    );
    assert!(!d.has_errors());
    assert_eq!(api.base_url, "");
    assert!(api.inferred["base_url"].contains("no base URL"));
    // The flavour found the statement but not a URL in it, and said so already.
    let mut d = Diagnostics::default();
    infer(DocApi { base_url_line: 3, ..DocApi::default() }, "p", source(), "f.md", &mut d);
    assert!(d.items.is_empty());
}

#[test]
fn one_bad_operation_is_skipped_not_the_api() {
    let source = Source {
        files: Vec::new(),
        form: crate::ir::DocForm::Markdown,
        flavour: "python".into(),
    };
    let good = DocOp {
        name: "good".into(),
        method: "GET".into(),
        path: "/pets".into(),
        ..DocOp::default()
    };
    let bad = DocOp {
        name: "bad".into(),
        method: "GET".into(),
        path: "/pets/{id".into(),
        line: 9,
        ..DocOp::default()
    };
    let doc = DocApi {
        base_url: Some("https://x.org".into()),
        ops: vec![bad, good],
        ..DocApi::default()
    };
    let mut d = Diagnostics::default();
    let api = infer(doc, "p", source, "f.md", &mut d);
    assert_eq!(api.operations.len(), 1);
    assert!(!d.has_errors());
    let w: Vec<_> = d.warnings().map(|e| (e.line, e.message.as_str())).collect();
    assert_eq!(w[0], (9, "path `/pets/{id` of `bad` has a `{` that is never closed; operation `bad` skipped"));
    assert_eq!(d.tally.skipped, 1);
}

#[test]
fn header_names() {
    for n in ["x_request_id", "idempotency_key", "if_match", "authorization"] {
        assert!(is_header_name(n), "{n}");
    }
    for n in ["limit", "user_id", "xml"] {
        assert!(!is_header_name(n), "{n}");
    }
    assert_eq!("x_request_id".to_train_case(), "X-Request-Id");
}

/// One operation of a doc set: (doc, name, HTTP method, Content-Type, parameters).
type SetOp<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Vec<DocParam>);

/// A doc set read as one: its convention, then each operation inferred.
fn infer_set(ops: Vec<SetOp<'_>>) -> Vec<Operation> {
    let doc = DocApi {
        ops: ops
            .into_iter()
            .map(|(file, name, method, ct, params)| DocOp {
                name: name.into(),
                file: file.into(),
                line: 1,
                method: method.into(),
                path: format!("/{name}"),
                params,
                content_type: ct.map(String::from),
                ..DocOp::default()
            })
            .collect(),
        language: "python",
        ..DocApi::default()
    };
    let conv = convention(&doc);
    doc.ops.iter().map(|op| infer_op(op, &conv, &op.file, &mut Diagnostics::default())).collect()
}

fn described(name: &str, description: &str) -> DocParam {
    DocParam { description: description.into(), ..param(name, TypeRef::String) }
}

#[test]
fn names_spelled_in_prose_vote_for_the_names_nothing_spells_nearest_first() {
    let ops = infer_set(vec![
        // The operation spells `dryRun`: its `field_manager` is `fieldManager`.
        ("a.md", "create", "GET", None, vec![described("dry_run", "An invalid dryRun directive is refused."), described("field_manager", "Who manages.")]),
        // Its doc spells two names in camelCase elsewhere: a convention for this doc.
        ("a.md", "list", "GET", None, vec![described("label_selector", "Selects by label.")]),
        // Another doc spells its names in snake_case (twice): its own convention wins there.
        ("b.md", "watch", "GET", None, vec![described("resource_version", "resource_version sets a constraint."), described("timeout_seconds", "Timeout.")]),
        ("b.md", "other", "GET", None, vec![described("send_initial", "Whether send_initial is set."), described("page_token", "A page.")]),
    ]);
    let wire = |op: usize, i: usize| (ops[op].params[i].wire_name.as_str(), ops[op].params[i].inferred["wire_name"].as_str());
    assert_eq!(wire(0, 0).0, "dryRun");
    assert!(wire(0, 0).1.starts_with("strong: spelled `dryRun`"), "{:?}", wire(0, 0));
    assert_eq!(wire(0, 1).0, "fieldManager");
    assert!(wire(0, 1).1.starts_with("weak: the prose of its operation spells"), "{:?}", wire(0, 1));
    // `list` has one camelCase spelling in its doc: no convention from one clue; the API's
    // own (none here) leaves the doc's name as a guess.
    assert_eq!(wire(1, 0).0, "label_selector");
    assert!(wire(1, 0).1.starts_with("guess:"), "{:?}", wire(1, 0));
    // b.md spells its names as they are, in snake_case: a name spelled so is a fact, and
    // a vote for the names nothing spells there (nearest: the same operation, then the doc).
    assert_eq!(wire(2, 0), ("resource_version", "strong: spelled `resource_version` in its description"));
    assert_eq!(wire(2, 1).0, "timeout_seconds");
    assert!(wire(2, 1).1.starts_with("weak: the prose of its operation spells other query and form names in snake_case"), "{:?}", wire(2, 1));
    assert_eq!(wire(3, 1).0, "page_token");
    assert!(wire(3, 1).1.starts_with("weak: the prose of its operation spells"), "{:?}", wire(3, 1));
}

/// A name another operation's prose spells (`client_secret` in a description of its doc, or
/// of another doc of the directory) is that parameter's spelling, weakly, and a vote for
/// the doc's other names.
#[test]
fn a_name_spelled_by_another_operations_prose_is_a_weak_fact_and_a_vote() {
    let op = |file: &str, name: &str, description: &str, params: Vec<DocParam>| DocOp {
        name: name.into(),
        file: file.into(),
        method: "POST".into(),
        path: format!("/{name}"),
        description: description.into(),
        params,
        content_type: Some("application/x-www-form-urlencoded".into()),
        ..DocOp::default()
    };
    let doc = DocApi {
        ops: vec![
            op("a.md", "create", "If you pass `client_secret` the secret is used. For refresh tokens, this is the \"refresh_token\".", vec![]),
            op("a.md", "revoke", "Revokes.", vec![param("clientSecret", TypeRef::String), param("refreshToken", TypeRef::String), param("grantType", TypeRef::String)]),
            op("b.md", "check", "Checks.", vec![param("refreshToken", TypeRef::String), param("maxDepth", TypeRef::Integer)]),
        ],
        language: "php",
        ..DocApi::default()
    };
    let conv = convention(&doc);
    let revoke = infer_op(&doc.ops[1], &conv, "a.md", &mut Diagnostics::default());
    let wire = |o: &Operation, i: usize| (o.params[i].wire_name.clone(), o.params[i].inferred["wire_name"].clone());
    assert_eq!(wire(&revoke, 0), ("client_secret".into(), "weak: the prose of another operation of its doc spells these words `client_secret`".into()));
    assert_eq!(wire(&revoke, 1).0, "refresh_token");
    // Nothing spells `grant_type`: the doc's two spellings vote for it.
    assert_eq!(wire(&revoke, 2).0, "grant_type");
    assert!(wire(&revoke, 2).1.starts_with("weak: the prose of its doc spells other query and form names in snake_case"), "{:?}", wire(&revoke, 2));
    // Another doc of the directory: farther, still weak; its other names get no vote of theirs.
    let check = infer_op(&doc.ops[2], &conv, "b.md", &mut Diagnostics::default());
    assert_eq!(wire(&check, 0), ("refresh_token".into(), "weak: the prose of another doc of the directory spells these words `refresh_token`".into()));
}

#[test]
fn names_spelled_both_ways_keep_the_docs_name_as_a_guess() {
    let ops = infer_set(vec![
        ("a.md", "one", "GET", None, vec![described("dry_run", "dryRun is checked.")]),
        ("a.md", "two", "GET", None, vec![described("field_manager", "fieldManager names it.")]),
        ("a.md", "three", "GET", None, vec![described("send_initial", "send_initial is set."), described("page_token", "Token.")]),
        ("a.md", "four", "GET", None, vec![described("label_selector", "label_selector selects.")]),
        ("a.md", "five", "GET", None, vec![described("resource_version", "Version.")]),
    ]);
    let p = &ops[4].params[0];
    assert_eq!(p.wire_name, "resource_version");
    assert!(p.inferred["wire_name"].starts_with("guess: the prose of its doc spells query and form names both ways"), "{:?}", p.inferred);
}

#[test]
fn a_convention_read_elsewhere_is_at_most_weak_for_a_query_name() {
    let conv = Convention {
        case: Some(Case::Camel),
        evidence: "placeholders".into(),
        confidence: Confidence::Strong,
        ..Convention::default()
    };
    let op = DocOp { name: "op".into(), method: "GET".into(), path: "/x".into(), params: vec![param("page_size", TypeRef::Integer)], ..DocOp::default() };
    let o = infer_op(&op, &conv, "f.md", &mut Diagnostics::default());
    assert_eq!(o.params[0].wire_name, "pageSize");
    assert_eq!(o.params[0].inferred["wire_name"], "weak: placeholders");
}

#[test]
fn in_a_form_operation_a_name_the_docs_send_in_the_query_is_a_query_parameter() {
    let file = || DocParam { ..param("content", TypeRef::Binary) };
    let ops = infer_set(vec![
        ("a.md", "get", "GET", None, vec![param("path", TypeRef::String), param("force", TypeRef::Boolean)]),
        ("a.md", "delete", "DELETE", None, vec![param("path", TypeRef::String)]),
        ("a.md", "upload", "POST", Some("multipart/form-data"), vec![param("path", TypeRef::String), param("force", TypeRef::Boolean), file()]),
    ]);
    let up = &ops[2];
    assert_eq!(placed(up), [("path", Location::Query, "path"), ("force", Location::Form, "force"), ("content", Location::Form, "content")]);
    assert!(up.params[0].inferred["location"].starts_with("weak: a query parameter of 2 other operation(s)"), "{:?}", up.params[0].inferred);
    // `force` is in the query of one other operation only: no habit, a form field (weak:
    // nothing says it is not a query parameter).
    assert!(up.params[1].inferred["location"].starts_with("weak: Content-Type"), "{:?}", up.params[1].inferred);
}

#[test]
fn a_file_where_no_form_type_is_listed_is_the_raw_body() {
    let (o, _) = infer_with("/media/{id}", Some("application/json, application/ogg, image/png"), vec![param("id", TypeRef::String), param("body", TypeRef::Binary)], None);
    assert_eq!(placed(&o)[1], ("body", Location::Body, "body"));
    assert!(o.params[1].inferred["location"].contains("lists no form type"), "{:?}", o.params[1].inferred);
}

#[test]
fn a_model_of_a_json_operation_is_the_body_whatever_its_name() {
    let (o, _) = infer_with("/things", Some("application/json"), vec![model("x_com_create_body"), param("x_request_id", TypeRef::String)], None);
    assert_eq!(placed(&o), [("x_com_create_body", Location::Body, "x_com_create_body"), ("x_request_id", Location::Header, "X-Request-Id")]);
    assert!(o.params[0].inferred["location"].contains("reads like a header's"), "{:?}", o.params[0].inferred);
}

#[test]
fn a_scalar_named_body_of_a_get_without_content_type_is_a_query_parameter() {
    let op = DocOp {
        name: "op".into(),
        method: "GET".into(),
        path: "/search".into(),
        params: vec![param("body", TypeRef::String)],
        ..DocOp::default()
    };
    let o = infer_op(&op, &Convention::default(), "f.md", &mut Diagnostics::default());
    assert_eq!(placed(&o), [("body", Location::Query, "body")]);
    assert!(o.params[0].inferred["location"].starts_with("weak: a GET documenting no Content-Type sends no body"), "{:?}", o.params[0].inferred);
    // On a POST it stays the body, weakly: a string named `body` may be a query parameter
    // about a body; a model is the body.
    let (o, _) = infer_with("/x", None, vec![param("body", TypeRef::String)], None);
    assert_eq!(placed(&o), [("body", Location::Body, "body")]);
    assert!(o.params[0].inferred["location"].starts_with("weak: named `body` with Content-Type `Not defined`"), "{:?}", o.params[0].inferred);
    let (o, _) = infer_with("/x", None, vec![model("body")], None);
    assert!(!o.params[0].inferred["location"].starts_with("weak:"), "{:?}", o.params[0].inferred);
}

#[test]
fn a_form_field_nothing_places_is_weak_a_file_is_not() {
    let (o, _) = infer_with("/upload", Some("multipart/form-data"), vec![param("title", TypeRef::String), param("file", TypeRef::Binary)], None);
    assert_eq!(placed(&o), [("title", Location::Form, "title"), ("file", Location::Form, "file")]);
    assert!(o.params[0].inferred["location"].starts_with("weak: Content-Type `multipart/form-data`; the docs list"), "{:?}", o.params[0].inferred);
    assert!(!o.params[1].inferred["location"].starts_with("weak:"), "{:?}", o.params[1].inferred);
}

#[test]
fn names_with_characters_identifiers_cannot_hold_come_from_their_spelling() {
    let (o, _) = infer_with(
        "/items",
        None,
        vec![
            described("page_size", "Items per page (`page[size]`)."),
            described("jcr_primary_type", "Only nodes whose jcr:primaryType is this."),
            described("created_at_gte", "Created at or after (created_at.gte=2024-01-01)."),
            described("charset", "The `_charset_` of the form."),
            described("page", "Control pagination with the _page_ and _limit_ query parameters."),
        ],
        None,
    );
    let got: Vec<&str> = o.params.iter().map(|p| p.wire_name.as_str()).collect();
    assert_eq!(got, ["page[size]", "jcr:primaryType", "created_at.gte", "_charset_", "page"]);
    assert!(o.params[..4].iter().all(|p| p.inferred["wire_name"].starts_with("strong: spelled `")), "{:?}", o.params);
}

#[test]
fn rust_raw_identifiers_and_kotlin_minus_are_undone() {
    assert_eq!(unescape("r#type", "rust"), "type");
    assert_eq!(unescape_symbols("r#type", "rust"), "type");
    assert_eq!(unescape_symbols("authorMinusName", "kotlin"), "author-name");
    // A leading `_` is no escape in a model doc's key.
    assert_eq!(unescape_symbols("_links", "java"), "_links");
}

#[test]
fn only_well_formed_symbol_spellings_count() {
    for good in ["page[size]", "filter[a][b]", "jcr:primaryType", "x@TypeHint", "created_at.gte", "_charset_"] {
        assert!(spelled_with_symbols(&format!("see {good} here"), &good.replace(['[', ']', ':', '@', '.'], "_"), Some("python")).is_some() || good == "_charset_", "{good}");
    }
    for bad in ["facets.]", "a..b", "[size]", "page[", "x:", "._a"] {
        assert!(spelled_with_symbols(bad, "facets", Some("python")).is_none() && spelled_with_symbols(bad, "a_b", Some("python")).is_none(), "{bad}");
    }
    assert_eq!(spelled_with_symbols("The `_charset_` field.", "charset", Some("python")), Some("_charset_"));
    // Outside code, `_word_` is markdown's emphasis.
    assert_eq!(spelled_with_symbols("The _charset_ field.", "charset", Some("python")), None);
    // A sigil before the first word or after a `.` (JSON-LD's `@id`), unless it is the
    // doc language's own (PHP's `$name`, C#'s `@class`).
    assert_eq!(spelled_with_symbols("Filter by @id", "id", Some("r")), Some("@id"));
    assert_eq!(spelled_with_symbols("Filter by submitted_by.@id", "submitted_by_id", Some("r")), Some("submitted_by.@id"));
    assert_eq!(spelled_with_symbols("The `$ref` of the schema", "ref", Some("python")), Some("$ref"));
    assert_eq!(spelled_with_symbols("addComment($ticket_number, $attachment)", "attachment", Some("php")), None);
    assert_eq!(spelled_with_symbols("Close(@class)", "class", Some("csharp")), None);
    // Not from an operation's prose, which names operators too (`$text`).
    assert_eq!(spelled_with_symbols("Supports the $text operator", "text", None), None);
    assert_eq!(spelled_with_symbols("Filter by @id", "id", None), None);
    assert_eq!(spelled_with_symbols("Only nodes whose jcr:primaryType is this.", "jcr_primary_type", None), Some("jcr:primaryType"));
    assert_eq!(spelled_with_symbols("Send x@TypeHint along.", "x_type_hint", None), Some("x@TypeHint"));
    for bad in ["a@", "@", "@@id", "id@"] {
        assert!(spelled_with_symbols(bad, "id", Some("r")).is_none(), "{bad}");
    }
}

#[test]
fn each_language_undoes_its_own_escapes() {
    // C#'s `var` + keyword is C#'s alone: a Java parameter `varInternal` is named so.
    assert_eq!(unescape("varInternal", "csharp"), "internal");
    assert_eq!(unescape("varInternal", "java"), "varInternal");
    // Kotlin's `Minus` and R's dots likewise.
    assert_eq!(unescape("acceptMinusLanguage", "kotlin"), "accept-language");
    assert_eq!(unescape("acceptMinusLanguage", "java"), "acceptMinusLanguage");
    assert_eq!(unescape("idempotency.key", "r"), "idempotency_key");
    // Go's `_` after a keyword; a name that only ends so is kept.
    assert_eq!(unescape("type_", "go"), "type");
    assert_eq!(unescape("range_", "go"), "range");
    assert_eq!(unescape("total_", "go"), "total_");
    assert_eq!(unescape("type_", "java"), "type_");
    // Every language's table is read, an unknown one with the common escapes.
    for lang in ["java", "go", "ruby", "php", "powershell"] {
        assert_eq!(unescape("_internal", lang), "internal", "{lang}");
        assert_eq!(unescape("`default`", lang), "default", "{lang}");
    }
}

#[test]
fn the_summary_names_what_each_doubt_rests_on() {
    let ops = infer_set(vec![
        ("a.md", "create", "GET", None, vec![described("dry_run", "An invalid dryRun directive is refused."), described("field_manager", "Who manages.")]),
    ]);
    let api = Api { provider: "p".into(), title: "T".into(), operations: ops, ..Api::default() };
    let d = doubts(&api);
    assert_eq!(d, ["wire names in the case the prose spells the other names in (weak): 1 query parameter"]);
}

#[test]
fn a_docs_own_convention_is_nearer_than_the_directorys() {
    let op = |file: &str, name: &str, path: &str, params: Vec<DocParam>| DocOp {
        name: name.into(),
        file: file.into(),
        line: 1,
        method: "GET".into(),
        path: path.into(),
        params,
        ..DocOp::default()
    };
    let doc = DocApi {
        ops: vec![
            // users.md: camelCase placeholders.
            op("users.md", "get_user", "/users/{userId}/orders/{orderId}", vec![param("user_id", TypeRef::String), param("order_id", TypeRef::String)]),
            op("users.md", "list_users", "/users", vec![param("page_size", TypeRef::Integer)]),
            // jobs.md: snake_case placeholders.
            op("jobs.md", "get_job", "/jobs/{job_id}/runs/{run_id}/steps/{step_id}", vec![param("job_id", TypeRef::String), param("run_id", TypeRef::String), param("step_id", TypeRef::String)]),
            op("jobs.md", "list_jobs", "/jobs", vec![param("page_size", TypeRef::Integer)]),
        ],
        language: "python",
        ..DocApi::default()
    };
    // Pooled, the clues disagree: no convention for the directory.
    let conv = convention(&doc);
    assert_eq!(conv.case, None, "{}", conv.evidence);
    let inferred: Vec<Operation> = doc.ops.iter().map(|o| infer_op(o, &conv, &o.file, &mut Diagnostics::default())).collect();
    let users = &inferred[1].params[0];
    assert_eq!(users.wire_name, "pageSize");
    assert!(users.inferred["wire_name"].starts_with("weak: its doc writes names in camelCase"), "{:?}", users.inferred);
    let jobs = &inferred[3].params[0];
    assert_eq!(jobs.wire_name, "page_size");
    assert!(jobs.inferred["wire_name"].starts_with("weak: its doc writes names in snake_case"), "{:?}", jobs.inferred);
}

#[test]
fn models_keys_follow_the_json_examples_before_the_paths() {
    let example = serde_json::json!({"userId": "u", "computedUserset": {}, "createdAt": "t"});
    let doc = DocApi {
        ops: vec![DocOp {
            name: "write".into(),
            file: "a.md".into(),
            method: "POST".into(),
            path: "/stores/{store_id}/relation_tuples/{tuple_key}".into(),
            params: vec![param("store_id", TypeRef::String), param("tuple_key", TypeRef::String), model("body")],
            examples: [("body".to_string(), example)].into(),
            ..DocOp::default()
        }],
        language: "python",
        ..DocApi::default()
    };
    let conv = convention(&doc);
    let mut inferred = Evidence::new();
    assert_eq!(json_wire("computed_userset", &conv, &mut inferred), "computedUserset");
    assert!(inferred["wire_name"].starts_with("weak: the docs' JSON examples write keys in camelCase"), "{inferred:?}");
}

/// Where no path or JSON example shows how keys are written, the case the prose spells the
/// query names in is the farther evidence for model keys, weakly.
#[test]
fn model_keys_follow_the_proses_query_names_when_nothing_nearer_tells() {
    let ops = |specs: &[(&str, &str)]| -> DocApi {
        DocApi {
            ops: specs
                .iter()
                .enumerate()
                .map(|(i, (name, text))| DocOp {
                    name: format!("op{i}"),
                    file: "a.md".into(),
                    method: "GET".into(),
                    path: format!("/things{i}/{{name}}"),
                    params: vec![param("name", TypeRef::String), described(name, text)],
                    ..DocOp::default()
                })
                .collect(),
            language: "python",
            ..DocApi::default()
        }
    };
    let conv = convention(&ops(&[
        ("dry_run", "An invalid dryRun directive is refused."),
        ("field_manager", "fieldManager names the actor."),
        ("resource_version", "resourceVersion sets a constraint."),
    ]));
    let mut inferred = Evidence::new();
    assert_eq!(json_wire("http_get", &conv, &mut inferred), "httpGet");
    assert!(inferred["wire_name"].starts_with("weak: the docs' prose spells the API's query and form names in camelCase: `dryRun`"), "{inferred:?}");
    // Two spellings, or both cases, say nothing of the keys.
    let conv = convention(&ops(&[("dry_run", "An invalid dryRun directive."), ("field_manager", "fieldManager names it."), ("page_token", "A page_token.")]));
    let mut inferred = Evidence::new();
    assert_eq!(json_wire("http_get", &conv, &mut inferred), "http_get");
    assert!(inferred["wire_name"].starts_with("guess:"), "{inferred:?}");
}

/// The other names' spellings teach an API's acronyms: `cl_ord_id` beside `orderID` and
/// `origClOrdID` is `clOrdID`; a word the spellings write both ways is capitalized as usual.
#[test]
fn camel_case_follows_the_acronyms_the_spellings_show() {
    let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(camel_like("cl_ord_id", s(&["orderID", "origClOrdID"]).iter()), "clOrdID");
    assert_eq!(camel_like("cl_ord_id", s(&["orderID", "userId"]).iter()), "clOrdId");
    assert_eq!(camel_like("page_url", s(&["callbackURL", "pageSize"]).iter()), "pageURL");
    assert_eq!(camel_like("page_size", s(&["pageToken"]).iter()), "pageSize");
    // `ID` as a first word is no acronym evidence (`IDs` is one word).
    assert_eq!(camel_like("user_id", s(&["IDs"]).iter()), "userId");
}

/// A parameter named as a response header of its operation is echoed in a request header of
/// that spelling (weak); one whose name ends a response header's stays in the query, flagged.
#[test]
fn names_of_response_headers_are_header_evidence() {
    let op = |name: &str, header: &str| DocOp {
        name: "op".into(),
        line: 5,
        method: "GET".into(),
        path: "/media".into(),
        params: vec![DocParam { required: false, ..param(name, TypeRef::String) }],
        statuses: vec![crate::ir::StatusResponse { status: "200".into(), description: String::new(), headers: vec![header.into()] }],
        ..DocOp::default()
    };
    let mut d = Diagnostics::default();
    let o = infer_op(&op("continuation_token", "Continuation-Token"), &Convention::default(), "f.md", &mut d);
    assert_eq!(placed(&o), [("continuation_token", Location::Header, "Continuation-Token")]);
    assert!(o.params[0].inferred["location"].starts_with("weak:"), "{:?}", o.params[0].inferred);
    let o = infer_op(&op("index", "X-Nomad-Index"), &Convention::default(), "f.md", &mut d);
    assert_eq!(placed(&o), [("index", Location::Query, "index")]);
    assert!(o.params[0].inferred["location"].starts_with("weak:") && o.params[0].inferred["location"].contains("X-Nomad-Index"));
    let o = infer_op(&op("index", "X-Total-Count"), &Convention::default(), "f.md", &mut d);
    assert!(!o.params[0].inferred["location"].starts_with("weak:"));
}

/// A required parameter no placeholder of its path takes, named as other operations'
/// placeholders are, is a query parameter flagged as perhaps a lost path parameter.
#[test]
fn a_required_name_that_is_a_placeholder_elsewhere_is_a_flagged_query_parameter() {
    let op = DocOp { name: "update_node".into(), line: 5, method: "POST".into(), path: "/nodes".into(), params: vec![param("id", TypeRef::String)], ..DocOp::default() };
    let mut conv = Convention::default();
    conv.placeholders.insert("id".into(), "id".into());
    let mut d = Diagnostics::default();
    let o = infer_op(&op, &conv, "f.md", &mut d);
    assert_eq!(placed(&o), [("id", Location::Query, "id")]);
    assert!(o.params[0].inferred["location"].starts_with("weak:") && o.params[0].inferred["location"].contains("{id}"));
    let o = infer_op(&op, &Convention::default(), "f.md", &mut d);
    assert!(!o.params[0].inferred["location"].starts_with("weak:"));
}

/// An inline array body, named as the generators name it (R `request_body`, Go
/// `requestBody`), is the JSON body, not a query parameter.
#[test]
fn an_inline_request_body_of_a_json_operation_is_the_body() {
    for name in ["request_body", "requestBody"] {
        let (o, _) = infer_with("/tags", Some("application/json"), vec![param(name, TypeRef::List(Box::new(TypeRef::String)))], None);
        assert_eq!(placed(&o), [(name, Location::Body, name)]);
    }
}

/// A union's doc lists a key its variants share once, typed as one of them has it: the
/// other variant, whose key is typed otherwise (`kind`: an enum in one, text in the other),
/// is still a variant.
#[test]
fn a_shared_key_typed_otherwise_in_one_variant_does_not_hide_it() {
    use crate::ir::{Api, Field, Model, ModelKind};
    let field = |name: &str, ty: TypeRef, required: bool| Field { required, ..super::paginate::tests::field(name, ty) };
    let kind_enum = TypeRef::Model("CardKind".into());
    let mut api = Api { provider: "p".into(), title: "T".into(), ..Api::default() };
    api.models = vec![
        Model::new("Method", ModelKind::Object, vec![field("kind", kind_enum.clone(), true), field("last4", TypeRef::String, true), field("iban", TypeRef::String, true)]),
        Model::new("Card", ModelKind::Object, vec![field("kind", kind_enum, true), field("last4", TypeRef::String, true)]),
        Model::new("Bank", ModelKind::Object, vec![field("kind", TypeRef::String, true), field("iban", TypeRef::String, true)]),
    ];
    super::models::infer_variants(&mut api);
    let m = &api.models[0];
    assert_eq!((m.kind, m.variants.as_slice()), (ModelKind::OneOf, &["Bank".to_string(), "Card".to_string()][..]), "{:?}", m.inferred);
}

/// A leading underscore is part of a name: it is no word break and survives a change of case.
#[test]
fn a_leading_underscore_survives_the_convention() {
    assert_eq!(classify("_limit"), Case::Word);
    assert_eq!(classify("_created_at"), Case::Snake);
    let conv = Convention { case: Some(Case::Camel), evidence: "test".into(), confidence: Confidence::Weak, ..Convention::default() };
    let mut ev = Evidence::new();
    assert_eq!(wire("_created_at", &conv, &mut ev), "_createdAt");
    assert_eq!(wire("_limit", &conv, &mut ev), "_limit");
    let s = ["orderID".to_string()];
    assert_eq!(camel_like("_cl_ord_id", s.iter()), "_clOrdID");
}

/// A model listing two documented models' fields together, plus one of its own, is neither
/// a union the docs settle nor surely an `allOf`: a field not every part requires is a
/// guessed requirement (decoded leniently), one every part requires stays required.
#[test]
fn parts_the_docs_do_not_settle_make_their_own_required_fields_a_guess() {
    use crate::ir::{Api, Field, Model, ModelKind};
    let field = |name: &str, required: bool| Field { required, ..super::paginate::tests::field(name, TypeRef::String) };
    let mut api = Api { provider: "p".into(), title: "T".into(), ..Api::default() };
    api.models = vec![
        Model::new("Node", ModelKind::Object, vec![field("kind", true), field("href", true), field("src", true), field("id", false)]),
        Model::new("Link", ModelKind::Object, vec![field("kind", true), field("href", true)]),
        Model::new("Image", ModelKind::Object, vec![field("kind", true), field("src", true)]),
    ];
    super::models::infer_variants(&mut api);
    let m = &api.models[0];
    assert_eq!(m.kind, ModelKind::Object);
    let guessed: Vec<&str> =
        m.fields.iter().filter(|f| f.inferred.get("required").is_some_and(|e| e.starts_with("guess:"))).map(|f| f.name.as_str()).collect();
    assert_eq!(guessed, ["href", "src"]);
}
