//! End-to-end behaviour of the runtime against local servers on 127.0.0.1.

use std::time::{Duration, Instant};

use client_runtime::runtime::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

static DOCS: &[Documented] = &[
    Documented {
        status: "200",
        description: "The pet",
    },
    Documented {
        status: "404",
        description: "Pet not found",
    },
    Documented {
        status: "5XX",
        description: "Server trouble",
    },
];

static BASIC: AuthScheme = AuthScheme {
    name: "basic",
    kind: AuthKind::Basic,
};
static BEARER: AuthScheme = AuthScheme {
    name: "bearer",
    kind: AuthKind::Bearer,
};
static KEY_QUERY: AuthScheme = AuthScheme {
    name: "key_query",
    kind: AuthKind::ApiKey {
        location: KeyLocation::Query,
        name: "api_key",
    },
};
static KEY_COOKIE: AuthScheme = AuthScheme {
    name: "key_cookie",
    kind: AuthKind::ApiKey {
        location: KeyLocation::Cookie,
        name: "session",
    },
};
static KEY_HEADER: AuthScheme = AuthScheme {
    name: "key_header",
    kind: AuthKind::ApiKey {
        location: KeyLocation::Header,
        name: "X-Api-Key",
    },
};
static ALL: &[&AuthScheme] = &[&BASIC, &BEARER, &KEY_QUERY, &KEY_COOKIE, &KEY_HEADER];
static KEY_OR_BEARER: &[&[&AuthScheme]] = &[&[&KEY_HEADER, &KEY_QUERY], &[&BEARER]];

fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5))
}

fn config(server: &MockServer) -> ClientConfigBuilder {
    ClientConfig::builder("https://example.invalid/api")
        .base_url(format!("{}/api/", server.uri()))
        .retry_policy(fast_retries())
}

fn get(path_lit: &'static str) -> RequestBuilder {
    let mut req = RequestBuilder::new(Method::GET, "getThing");
    req.path_literal(path_lit);
    req
}

async fn requests(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

/// Runs a future, failing the test if it takes longer than `secs`.
async fn within<T>(secs: f64, fut: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs_f64(secs), fut)
        .await
        .expect("took too long")
}

#[tokio::test]
async fn success_json_with_status_and_headers() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/pets/42"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-request-id", "r1")
                .set_body_raw(r#"{"id":42,"name":"Rex"}"#, "application/json"),
        )
        .mount(&server)
        .await;
    let config = config(&server).build().unwrap();
    let mut req = get("/pets/");
    req.path_param("42");
    req.accept("application/json");
    let resp: ApiResponse<serde_json::Value> = config
        .execute(req)
        .await
        .unwrap()
        .json("getPet", DOCS)
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["x-request-id"], "r1");
    assert_eq!(resp["name"], "Rex");
    let seen = requests(&server).await;
    assert_eq!(seen[0].headers["accept"], "application/json");
}

#[tokio::test]
async fn path_params_and_query_on_the_wire() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let config = config(&server).build().unwrap();
    let mut req = get("/files/");
    req.path_param("a b/c?d#e%f é");
    req.path_literal("/meta");
    req.query("flag", &false);
    req.query("tag", &vec!["x", "y z"]);
    req.query_opt::<String>("absent", None);
    let since = time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    req.query("since", &since);
    req.query(
        "day",
        &time::Date::from_calendar_date(2024, time::Month::March, 1).unwrap(),
    );
    config
        .execute(req)
        .await
        .unwrap()
        .empty("getThing", DOCS)
        .unwrap();
    let seen = requests(&server).await;
    assert_eq!(seen.len(), 1);
    let url = &seen[0].url;
    assert_eq!(url.path(), "/api/files/a%20b%2Fc%3Fd%23e%25f%20%C3%A9/meta");
    assert_eq!(
        url.query(),
        Some("flag=false&tag=x&tag=y%20z&since=2023-11-14T22%3A13%3A20Z&day=2024-03-01")
    );
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(pairs[3], ("since".into(), "2023-11-14T22:13:20Z".into()));
}

#[tokio::test]
async fn dot_path_params_are_never_sent() {
    let server = MockServer::start().await;
    let config = config(&server).build().unwrap();
    for value in [".", "..", ""] {
        let mut req = get("/files/");
        req.path_param(value);
        req.path_literal("/delete");
        assert!(matches!(
            config.execute(req).await,
            Err(Error::InvalidArgument(_))
        ));
    }
    assert!(requests(&server).await.is_empty());
}

#[tokio::test]
async fn non_2xx_becomes_status_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("x-request-id", "r404")
                .set_body_string(r#"{"message":"no pet 7"}"#),
        )
        .mount(&server)
        .await;
    let config = config(&server).build().unwrap();
    let raw = config.execute(get("/pets/7")).await.unwrap();
    assert_eq!(raw.status, StatusCode::NOT_FOUND);
    let err = raw.json::<serde_json::Value>("getPet", DOCS).unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(err.body(), Some(&br#"{"message":"no pet 7"}"#[..]));
    let se = err.as_status_error().unwrap();
    assert_eq!(se.headers()["x-request-id"], "r404");
    assert_eq!(se.documented(), Some("Pet not found"));
    assert_eq!(se.operation(), "getPet");
    let shown = err.to_string();
    assert!(
        shown.contains("404") && shown.contains("Pet not found") && shown.contains("no pet 7"),
        "{shown}"
    );
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_keeping_the_body() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("{\"id\": 4", "application/json"))
        .mount(&server)
        .await;
    let config = config(&server).build().unwrap();
    let err = config
        .execute(get("/pets/4"))
        .await
        .unwrap()
        .json::<serde_json::Value>("getPet", DOCS)
        .unwrap_err();
    match err {
        Error::Decode {
            status,
            body,
            message,
            ..
        } => {
            assert_eq!(status, StatusCode::OK);
            assert_eq!(&body[..], b"{\"id\": 4");
            assert!(!message.is_empty());
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn body_over_limit_is_rejected() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("x".repeat(2000)))
        .mount(&server)
        .await;
    let config = config(&server).max_body_bytes(1000).build().unwrap();
    match config.execute(get("/big")).await {
        Err(Error::BodyTooLarge { operation, limit }) => {
            assert_eq!((operation, limit), ("getThing", 1000));
        }
        other => panic!("{other:?}"),
    }
    let config = config.clone();
    let ok = ClientConfig::builder(config.base_url())
        .max_body_bytes(2000)
        .build()
        .unwrap();
    assert_eq!(ok.execute(get("/big")).await.unwrap().body.len(), 2000);
}

/// A server that answers every connection with `response` (raw HTTP).
async fn raw_server(response: &'static [u8]) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                let _ = socket.write_all(response).await;
                tokio::time::sleep(Duration::from_secs(2)).await;
            });
        }
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn chunked_body_over_limit_is_rejected() {
    let body: &'static [u8] = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n\
        40\r\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\
        40\r\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\r\n0\r\n\r\n";
    let base = raw_server(body).await;
    let small = ClientConfig::builder(&base)
        .max_body_bytes(100)
        .build()
        .unwrap();
    assert!(matches!(
        within(2.0, small.execute(get("/x"))).await,
        Err(Error::BodyTooLarge { limit: 100, .. })
    ));
    let large = ClientConfig::builder(&base)
        .max_body_bytes(128)
        .build()
        .unwrap();
    let raw = within(2.0, large.execute(get("/x"))).await.unwrap();
    assert_eq!(raw.body.len(), 128);
    assert!(raw.body.starts_with(b"aaaa") && raw.body.ends_with(b"bbbb"));
}

/// The timeout covers the whole exchange: a server that sends its headers and part of the
/// body, then nothing, is a timeout too, not a hang.
#[tokio::test]
async fn body_that_stalls_times_out_within_the_timeout() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buf = [0u8; 4096];
            let _ = socket.read(&mut buf).await;
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"partial\":";
            let _ = socket.write_all(head.as_bytes()).await;
            held.push(socket);
        }
    });
    let config = ClientConfig::builder(&format!("http://{addr}"))
        .timeout(Duration::from_millis(300))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let result = within(3.0, config.execute(get("/stalls"))).await;
    assert!(matches!(result, Err(Error::Timeout { operation: "getThing", kind: TimeoutKind::Total, .. })), "{result:?}");
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(290) && elapsed < Duration::from_millis(1500), "{elapsed:?}");
}

#[tokio::test]
async fn silent_server_times_out_within_the_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let config = ClientConfig::builder(&format!("http://{addr}"))
        .timeout(Duration::from_millis(200))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let result = within(2.0, config.execute(get("/slow"))).await;
    let elapsed = started.elapsed();
    assert!(
        matches!(
            result,
            Err(Error::Timeout {
                operation: "getThing",
                kind: TimeoutKind::Total,
                ..
            })
        ),
        "{result:?}"
    );
    assert!(
        elapsed >= Duration::from_millis(190) && elapsed < Duration::from_millis(900),
        "{elapsed:?}"
    );
    // A POST is not retried after a timeout, even with retries enabled.
    let config = ClientConfig::builder(&format!("http://{addr}"))
        .timeout(Duration::from_millis(200))
        .retry_policy(fast_retries())
        .build()
        .unwrap();
    let started = Instant::now();
    let result = within(
        2.0,
        config.execute(RequestBuilder::new(Method::POST, "create")),
    )
    .await;
    assert!(matches!(result, Err(Error::Timeout { .. })));
    assert!(started.elapsed() < Duration::from_millis(390));
}

#[tokio::test]
async fn retry_after_429_then_success() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&server)
        .await;
    // The computed backoff would be 10 s: finishing fast shows Retry-After won.
    let config = config(&server)
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_secs(10)))
        .build()
        .unwrap();
    let mut req = RequestBuilder::new(Method::POST, "createPet");
    req.path_literal("/pets");
    req.json_body(&serde_json::json!({"name": "Rex"})).unwrap();
    let resp: ApiResponse<serde_json::Value> = within(2.0, config.execute(req))
        .await
        .unwrap()
        .json("createPet", DOCS)
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let seen = requests(&server).await;
    assert_eq!(seen.len(), 2);
    for r in &seen {
        assert_eq!(r.body, br#"{"name":"Rex"}"#, "body re-sent on retry");
        assert_eq!(r.headers["content-type"], "application/json");
    }
}

#[tokio::test]
async fn retry_after_is_capped() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", "120"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let config = config(&server)
        .retry_policy(fast_retries().max_retry_after(Duration::from_millis(50)))
        .build()
        .unwrap();
    let raw = within(2.0, config.execute(get("/x"))).await.unwrap();
    assert_eq!(raw.status, StatusCode::OK);
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn server_errors_retry_only_idempotent_methods() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(503).set_body_string("busy"))
        .mount(&server)
        .await;
    let config = config(&server).build().unwrap();

    let raw = config
        .execute(RequestBuilder::new(Method::POST, "create"))
        .await
        .unwrap();
    assert_eq!(raw.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        requests(&server).await.len(),
        1,
        "POST must not be retried on 503"
    );

    let err = config
        .execute(get("/x"))
        .await
        .unwrap()
        .empty("getThing", DOCS)
        .unwrap_err();
    assert_eq!(
        requests(&server).await.len(),
        4,
        "GET: first attempt + 2 retries"
    );
    assert!(err.is_retryable());
    assert_eq!(
        err.as_status_error().unwrap().documented(),
        Some("Server trouble")
    );

    let none = config.clone();
    let none = ClientConfig::builder(none.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    none.execute(get("/x")).await.unwrap();
    assert_eq!(requests(&server).await.len(), 5);
}

#[tokio::test]
async fn connect_errors_are_transport_errors_without_secrets() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let config = ClientConfig::builder(&format!("http://{addr}/api"))
        .retry_policy(fast_retries())
        .credential("key_query", Credential::api_key("query-secret-1"))
        .build()
        .unwrap();
    let mut req = RequestBuilder::new(Method::POST, "create");
    req.path_literal("/things");
    req.query("visible", "yes");
    req.security(Security::AnyConfigured(ALL));
    let err = within(5.0, config.execute(req)).await.unwrap_err();
    match &err {
        Error::Transport { operation, source } => {
            assert_eq!(*operation, "create");
            assert!(source.is_connect());
        }
        other => panic!("{other:?}"),
    }
    assert!(err.is_retryable());
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("query-secret-1"), "{shown}");
    assert!(shown.contains("visible=yes&api_key=***"), "{shown}");
    assert!(std::error::Error::source(&err).is_some());
}

#[tokio::test]
async fn stream_parts_are_never_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0"))
        .mount(&server)
        .await;
    let config = config(&server).build().unwrap();
    let mut req = RequestBuilder::new(Method::POST, "upload");
    req.multipart_file("file", FilePart::stream(reqwest::Body::from("streamed")));
    let raw = config.execute(req).await.unwrap();
    assert_eq!(raw.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(requests(&server).await.len(), 1);
}

#[tokio::test]
async fn multipart_parts_have_name_filename_and_type() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let config = config(&server)
        .default_header("Content-Type", "text/plain")
        .unwrap()
        .build()
        .unwrap();
    let mut req = RequestBuilder::new(Method::POST, "upload");
    req.path_literal("/upload");
    req.multipart_text("description", "a cat");
    req.multipart_text("tags", &["x", "y"]);
    req.multipart_file(
        "file",
        FilePart::bytes(&b"PNGDATA"[..])
            .file_name("cat.png")
            .content_type("image/png"),
    );
    req.multipart_file("raw", FilePart::from(vec![1u8, 2, 3]));
    let raw = config.execute(req).await.unwrap();
    assert_eq!(
        raw.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "500 on POST is not retried"
    );
    let seen = requests(&server).await;
    assert_eq!(seen.len(), 1);
    let content_type = seen[0].headers["content-type"].to_str().unwrap().to_owned();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    assert_eq!(seen[0].headers.get_all("content-type").iter().count(), 1);
    let body = String::from_utf8_lossy(&seen[0].body).into_owned();
    for needle in [
        "Content-Disposition: form-data; name=\"description\"\r\n\r\na cat\r\n",
        "Content-Disposition: form-data; name=\"tags\"\r\n\r\nx\r\n",
        "Content-Disposition: form-data; name=\"tags\"\r\n\r\ny\r\n",
        "Content-Disposition: form-data; name=\"file\"; filename=\"cat.png\"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n",
        "Content-Disposition: form-data; name=\"raw\"\r\n\r\n\u{1}\u{2}\u{3}\r\n",
    ] {
        assert!(body.contains(needle), "missing {needle:?} in {body:?}");
    }

    let mut bad = RequestBuilder::new(Method::POST, "upload");
    bad.multipart_file("file", FilePart::bytes(&b"x"[..]).content_type("no mime"));
    assert!(matches!(
        config.execute(bad).await,
        Err(Error::InvalidArgument(_))
    ));
}

#[tokio::test]
async fn multipart_is_rebuilt_for_retries() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let config = config(&server).build().unwrap();
    let mut req = RequestBuilder::new(Method::PUT, "replace");
    req.multipart_file("file", FilePart::bytes(&b"DATA"[..]).file_name("d.bin"));
    assert_eq!(config.execute(req).await.unwrap().status, StatusCode::OK);
    let seen = requests(&server).await;
    assert_eq!(seen.len(), 2);
    for r in seen {
        assert!(String::from_utf8_lossy(&r.body).contains("filename=\"d.bin\"\r\n\r\nDATA\r\n"));
    }
}

#[tokio::test]
async fn form_bodies_are_urlencoded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let config = config(&server).build().unwrap();
    let mut req = RequestBuilder::new(Method::POST, "login");
    req.form_field("user", "a b&c");
    req.form_field("scope", &["x", "y"]);
    req.form_field("remember", &true);
    config.execute(req).await.unwrap();
    let seen = requests(&server).await;
    assert_eq!(
        seen[0].headers["content-type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(seen[0].body, b"user=a+b%26c&scope=x&scope=y&remember=true");
}

#[tokio::test]
async fn headers_user_agent_and_auth_on_the_wire() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let config = config(&server)
        .user_agent("petstore-client/1.0")
        .default_header("X-Tenant", "default")
        .unwrap()
        .default_header("Cookie", "pref=dark")
        .unwrap()
        .credential("basic", Credential::basic("alice", "pw"))
        .credential("bearer", Credential::bearer("tok"))
        .credential("key_query", Credential::api_key("qk"))
        .credential("key_cookie", Credential::api_key("ck"))
        .credential("key_header", Credential::api_key("hk"))
        .build()
        .unwrap();

    let mut req = get("/all");
    req.header("X-Tenant", "override").unwrap();
    req.header("X-Trace", "t1").unwrap();
    req.cookie("lang", "en");
    req.query("q", "1");
    req.security(Security::AnyConfigured(ALL));
    config.execute(req).await.unwrap();

    let mut req = get("/alt");
    req.security(Security::Alternatives(KEY_OR_BEARER));
    config.execute(req).await.unwrap();

    let mut req = get("/none");
    req.security(Security::None);
    config.execute(req).await.unwrap();

    let seen = requests(&server).await;
    let all = &seen[0];
    assert_eq!(all.headers["user-agent"], "petstore-client/1.0");
    assert_eq!(
        all.headers.get_all("x-tenant").iter().collect::<Vec<_>>(),
        ["override"]
    );
    assert_eq!(all.headers["x-trace"], "t1");
    assert_eq!(
        all.headers
            .get_all("authorization")
            .iter()
            .collect::<Vec<_>>(),
        ["Basic YWxpY2U6cHc="],
        "Basic first wins the Authorization header"
    );
    assert_eq!(all.headers["x-api-key"], "hk");
    assert_eq!(
        all.headers.get_all("cookie").iter().collect::<Vec<_>>(),
        ["pref=dark; lang=en; session=ck"]
    );
    assert_eq!(all.url.query(), Some("q=1&api_key=qk"));

    let alt = &seen[1];
    assert_eq!(alt.headers["x-api-key"], "hk");
    assert_eq!(alt.url.query(), Some("api_key=qk"));
    assert!(alt.headers.get("authorization").is_none());

    let none = &seen[2];
    assert!(none.headers.get("authorization").is_none());
    assert!(none.headers.get("x-api-key").is_none());
    assert_eq!(none.headers["cookie"], "pref=dark");
    assert_eq!(none.url.query(), None);
}

#[tokio::test]
async fn missing_credentials_send_nothing() {
    let server = MockServer::start().await;
    let config = config(&server)
        .credential("key_header", Credential::api_key("hk"))
        .build()
        .unwrap();
    let mut req = get("/alt");
    req.security(Security::Alternatives(KEY_OR_BEARER));
    match config.execute(req).await {
        Err(Error::MissingCredentials { operation, missing }) => {
            assert_eq!(operation, "getThing");
            assert_eq!(missing, ["key_query", "bearer"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(requests(&server).await.is_empty());

    // A refreshed copy of the config has the missing token.
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let refreshed = config.with_credential("bearer", Credential::bearer("new"));
    let mut req = get("/alt");
    req.security(Security::Alternatives(KEY_OR_BEARER));
    refreshed.execute(req).await.unwrap();
    assert_eq!(
        requests(&server).await[0].headers["authorization"],
        "Bearer new"
    );
}

#[tokio::test]
async fn own_http_client_still_gets_the_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let config = ClientConfig::builder(&format!("http://{addr}"))
        .http_client(reqwest::Client::new())
        .timeout(Duration::from_millis(150))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let result = within(1.0, config.execute(get("/slow"))).await;
    assert!(matches!(result, Err(Error::Timeout { .. })), "{result:?}");
}
