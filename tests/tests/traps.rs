//! traps-client on the wire, against specs/traps/docs/: a doc whose names are traps
//! (Rust keywords, digits, symbols, non-ASCII, case collisions, names of the client's own
//! methods, of prelude and runtime types, of the generated code's locals). The crate
//! compiling is half the test; here its renamed methods and setters must still send the
//! documented wire names.
//!
//! Base URL `https://api.traps.example/v1`: the client gets `{mock}/v1`. Operations send the
//! `api_key` scheme as `X-Api-Key`, except `base_url` (no authorization).

use std::time::Duration;

use e2e::{json_response, request_count, Expect};
use serde_json::{json, Value};
use traps_client::{models, Client, Error, RetryPolicy};
use wiremock::MockServer;

const KEY: &str = "k3y";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .api_key(KEY)
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

fn expect(method: &str, template: &str) -> Expect {
    Expect::new(method, template).header("x-api-key", KEY)
}

#[tokio::test]
async fn keyword_operation_with_keyword_parameters() {
    let server = MockServer::start().await;
    // `type` → `type_`, path `{self}` → `self_`, `var_async` → `async_`: wire names unchanged.
    let exp = expect("GET", "/v1/type/{self}")
        .path_param("self", "a/b?c")
        .query("match", "m")
        .query("async", "true")
        .query("crate", "7")
        .query("type", "t")
        .accept_json();
    exp.mount(&server, json_response(200, &json!({"value": "v", "raw": 1, "option": {"isSome": true}})))
        .await;
    let result = client(&server)
        .type_("a/b?c")
        .match_("m")
        .async_(true)
        .crate_(7)
        .type_("t")
        .await;
    exp.verify(&server).await;
    let body: models::Result_ = result.unwrap().into_body();
    assert_eq!(body.value.as_deref(), Some("v"));
    assert_eq!(body.raw, Some(1));
    assert_eq!(body.option.and_then(|o| o.is_some), Some(true));
}

#[tokio::test]
async fn parameters_named_like_locals_and_builder_methods() {
    let server = MockServer::start().await;
    let exp = expect("GET", "/v1/match")
        .query("raw", "1")
        .query("req", "2")
        .query("value", "3")
        .query("config", "4")
        .query("client", "5")
        .query("execute", "6")
        .query("send", "7")
        .query("sendJson", "8")
        .query("intoFuture", "9")
        .query("intoRequest", "10")
        .query("documented", "11")
        .accept_json();
    exp.mount(&server, json_response(200, &json!({"some": "x"}))).await;
    let result = client(&server)
        .match_("1")
        .req("2")
        .value("3")
        .config("4")
        .client_("5")
        .execute_("6")
        .send_("7")
        .send_json_("8")
        .into_future_("9")
        .into_request_("10")
        .documented("11")
        .send()
        .await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().some.as_deref(), Some("x"));
}

#[tokio::test]
async fn model_named_error_with_keyword_fields_as_the_body() {
    let server = MockServer::start().await;
    let sent = models::Error {
        type_: Some("bad".into()),
        self_: Some("s".into()),
        match_: Some("m".into()),
        async_: Some(true),
        crate_: Some(3),
        n2fa: Some(false),
        e_mail: Some("a@b".into()),
        name: Some("n".into()),
        user_id: Some("u".into()),
        additional_properties_: Some("field".into()),
        result: None,
        additional_properties: [("extra".to_string(), json!(1))].into_iter().collect(),
    };
    let body = json!({
        "type": "bad", "self": "s", "match": "m", "async": true, "crate": 3, "2fa": false,
        "e-mail": "a@b", "näme": "n", "userId": "u", "additionalProperties": "field", "extra": 1
    });
    let exp = expect("POST", "/v1/self").json_body(body).accept_json();
    exp.mount(&server, json_response(200, &json!({"ok": true, "vec": "Self", "value": {"none": "z"}})))
        .await;
    let result = client(&server).self_(sent).await;
    exp.verify(&server).await;
    let response: models::Response = result.unwrap().into_body();
    assert_eq!(response.ok, Some(true));
    assert_eq!(response.vec, Some(models::Vec_::Self__));
    assert_eq!(response.value.and_then(|v| v.none).as_deref(), Some("z"));
}

#[tokio::test]
async fn operations_named_like_client_methods() {
    let server = MockServer::start().await;
    let c = client(&server);
    // The client's own methods keep working beside them.
    assert_eq!(c.base_url(), format!("{}/v1", server.uri()));
    assert!(Client::new().is_ok());

    let exp = expect("GET", "/v1/new").accept_json();
    exp.mount(&server, json_response(200, &json!({"len": 2, "string": "hi"}))).await;
    let s: models::String_ = c.new_().await.unwrap().into_body();
    exp.verify(&server).await;
    assert_eq!((s.len, s.string.as_deref()), (Some(2), Some("hi")));

    server.reset().await;
    let exp = expect("GET", "/v1/builder").accept_json();
    exp.mount(&server, json_response(200, &json!("ünï"))).await;
    assert_eq!(c.builder_().await.unwrap().into_body(), models::Vec_::Uni);
    exp.verify(&server).await;

    server.reset().await;
    let exp = expect("GET", "/v1/send").accept_json();
    exp.mount(&server, json_response(200, &json!({"new": "n", "builder": "b"}))).await;
    let cl: models::Client = c.send().await.unwrap().into_body();
    exp.verify(&server).await;
    assert_eq!((cl.new.as_deref(), cl.builder.as_deref()), (Some("n"), Some("b")));

    server.reset().await;
    let exp = Expect::get("/v1/base-url").no_header("x-api-key");
    exp.mount(&server, json_response(204, &Value::Null)).await;
    c.base_url_().await.unwrap();
    exp.verify(&server).await;
}

#[tokio::test]
async fn names_colliding_after_case_conversion_stay_apart() {
    let server = MockServer::start().await;
    let c = client(&server);
    // `getUser` → `get_user`, `get_user` → `get_user_`.
    let exp = expect("GET", "/v1/users/{userId}").path_param("userId", "u1");
    exp.mount(&server, json_response(204, &Value::Null)).await;
    let result = c.get_user("u1").await;
    exp.verify(&server).await;
    result.unwrap();

    // `page_size` → `page_size`, `pageSize` → `page_size_`: both documented as `pageSize`.
    server.reset().await;
    let exp = expect("GET", "/v1/v2/users/{userId}")
        .path_param("userId", "u2")
        .query("pageSize", "10")
        .query("pageSize", "20");
    exp.mount(&server, json_response(204, &Value::Null)).await;
    let result = c.get_user_("u2").page_size(10).page_size_(20).await;
    exp.verify(&server).await;
    result.unwrap();
}

#[tokio::test]
async fn digits_symbols_and_non_ascii_names() {
    let server = MockServer::start().await;
    let c = client(&server);
    // `2fa_setup` → `n2fa_setup`; `var_2fa_code` → `n2fa_code`, sent as `2faCode`.
    let exp = expect("POST", "/v1/2fa").query("2faCode", "123456");
    exp.mount(&server, json_response(204, &Value::Null)).await;
    c.n2fa_setup("123456").await.unwrap();
    exp.verify(&server).await;

    // `créer_élément` → `creer_element`; `näme` → `name`, sent as `näme`.
    server.reset().await;
    let exp = expect("PUT", "/v1/éléments/{id}")
        .path_param("id", "é 1")
        .query("näme", "zoë")
        .accept_json();
    exp.mount(&server, json_response(200, &json!({"id": 5}))).await;
    let t: models::Type_ = c.creer_element("é 1").name("zoë").await.unwrap().into_body();
    exp.verify(&server).await;
    assert_eq!(t.id, Some(5));

    // `get-thing.v2` → `get_thing_v2`; models `Type` and `type` → `Type` and `Type_`.
    server.reset().await;
    let exp = expect("GET", "/v1/things/v2").accept_json();
    exp.mount(&server, json_response(200, &json!({"id": 6}))).await;
    let t: models::Type = c.get_thing_v2().await.unwrap().into_body();
    exp.verify(&server).await;
    assert_eq!(t.id, Some(6));
}

#[tokio::test]
async fn custom_header_with_crlf_is_rejected_and_nothing_is_sent() {
    let server = MockServer::start().await;
    let c = client(&server);
    let exp = expect("GET", "/v1/async/{crate}")
        .path_param("crate", "c")
        .header("x-trace-id", "t-1")
        .accept_json();
    exp.mount(&server, json_response(200, &json!({"isSome": false}))).await;
    let o: models::Option_ = c.async_("c", "t-1").await.unwrap().into_body();
    exp.verify(&server).await;
    assert_eq!(o.is_some, Some(false));

    server.reset().await;
    for bad in ["t\r\nX-Injected: 1", "t\nx", "t\rx", "\0"] {
        let err = c.async_("c", bad).await.unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)), "{bad:?}: {err:?}");
        assert!(!err.to_string().contains("X-Injected: 1\r"), "{err}");
    }
    assert_eq!(request_count(&server).await, 0);
}

#[test]
fn enum_with_colliding_values_round_trips_every_value() {
    for (wire, variant) in [
        ("self", models::Vec_::Self_),
        ("Self", models::Vec_::Self__),
        ("2", models::Vec_::V2),
        ("a-b", models::Vec_::AB),
        ("a_b", models::Vec_::AB_),
        ("unknown", models::Vec_::Unknown),
        ("Unknown", models::Vec_::Unknown_),
        ("other", models::Vec_::Other_),
        ("Other", models::Vec_::Other__),
        ("ünï", models::Vec_::Uni),
    ] {
        let decoded: models::Vec_ = serde_json::from_value(json!(wire)).unwrap();
        assert_eq!(decoded, variant, "{wire}");
        assert_eq!(serde_json::to_value(&variant).unwrap(), json!(wire));
        assert_eq!(variant.as_str(), wire);
    }
    let other: models::Vec_ = serde_json::from_value(json!("later")).unwrap();
    assert_eq!(other, models::Vec_::Other("later".into()));
}
