//! Error paths of the generated clients, on the wire: undecodable bodies,
//! undocumented statuses, retries, timeouts, header injection, invalid path
//! values, oversized bodies, unreachable servers, and secrets in `Debug`.

use std::time::{Duration, Instant};

use e2e::{json_response, raw_response, request_count, Expect, PartExpect, BASIC_USER_PASS};
use serde_json::json;
use tokio::net::TcpListener;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn umaaas(server: &MockServer) -> umaaas_client::Client {
    umaaas_client::Client::builder()
        .base_url(format!("{}/umaaas/v1", server.uri()))
        .basic_auth("user", "pass")
        .retry_policy(umaaas_client::RetryPolicy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

/// A retry policy that honours `Retry-After` and never waits long.
fn quick_retries(max_retries: u32) -> umaaas_client::RetryPolicy {
    umaaas_client::RetryPolicy::default()
        .max_retries(max_retries)
        .initial_backoff(Duration::from_millis(10))
        .max_backoff(Duration::from_millis(20))
        .max_retry_after(Duration::from_secs(1))
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_keeping_the_body() {
    let server = MockServer::start().await;
    let body = r#"{"id": "User:1", "umaAddress": "#;
    Mock::given(any())
        .respond_with(raw_response(200, body).insert_header("x-request-id", "r-1"))
        .expect(1)
        .mount(&server)
        .await;

    let err = umaaas(&server).get_user_by_id("User:1").await.unwrap_err();
    match &err {
        umaaas_client::Error::Decode {
            operation,
            status,
            body: kept,
            headers,
            message,
            rust_type,
            path: _,
        } => {
            assert_eq!(*operation, "get_user_by_id");
            assert!(rust_type.contains("models::"), "{rust_type}");
            assert_eq!(status.as_u16(), 200);
            assert_eq!(kept.as_ref(), body.as_bytes());
            assert_eq!(headers["x-request-id"], "r-1");
            assert!(!message.is_empty());
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(err.body(), Some(body.as_bytes()));
}

#[tokio::test]
async fn void_operation_ignores_its_body_but_a_model_must_decode() {
    // passage delete_user is void: any 2xx body is accepted.
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(raw_response(200, "not json at all"))
        .mount(&server)
        .await;
    let passage = passage_client::Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .bearer_auth("tok")
        .retry_policy(passage_client::RetryPolicy::none())
        .build()
        .unwrap();
    assert!(passage.delete_user("app", "u").await.is_ok());
    // get_user decodes a model: the same body is a Decode error.
    assert!(matches!(
        passage.get_user("app", "u").await,
        Err(passage_client::Error::Decode { .. })
    ));
}

#[tokio::test]
async fn undocumented_status_is_a_status_error_without_description() {
    let server = MockServer::start().await;
    let body = "I'm a teapot";
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(418)
                .set_body_string(body)
                .insert_header("x-request-id", "r-418"),
        )
        .expect(1)
        .mount(&server)
        .await;

    // get_user_by_id documents 200, 401 and 404 only.
    let err = umaaas(&server).get_user_by_id("User:1").await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(418));
    assert_eq!(err.body(), Some(body.as_bytes()));
    assert_eq!(err.operation(), Some("get_user_by_id"));
    let status = err.as_status_error().expect("Error::Status");
    assert_eq!(status.documented(), None);
    assert_eq!(status.headers()["x-request-id"], "r-418");
    assert_eq!(status.body_text(), body);
    assert!(err.to_string().contains("418"), "{err}");
}

#[tokio::test]
async fn documented_error_status_decodes_its_json_body() {
    let server = MockServer::start().await;
    let body = json!({"code": "USER_NOT_FOUND", "message": "User not found"});
    Mock::given(any())
        .respond_with(json_response(404, &body))
        .mount(&server)
        .await;

    let err = umaaas(&server).get_user_by_id("User:1").await.unwrap_err();
    let status = err.as_status_error().expect("Error::Status");
    assert_eq!(status.documented(), Some("User not found"));
    assert_eq!(status.json::<serde_json::Value>().unwrap(), body);
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn status_429_with_retry_after_is_retried_then_succeeds() {
    let server = MockServer::start().await;
    let page = json!({"data": [], "hasMore": false});
    // First answer: 429 Retry-After: 0 (once); then the real page.
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0"))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    let exp = Expect::get("/umaaas/v1/users")
        .header("authorization", BASIC_USER_PASS)
        .accept_json();
    Mock::given(exp.clone())
        .respond_with(json_response(200, &page))
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let client = umaaas_client::Client::builder()
        .base_url(format!("{}/umaaas/v1", server.uri()))
        .basic_auth("user", "pass")
        .retry_policy(quick_retries(2))
        .build()
        .unwrap();

    let started = Instant::now();
    let response = client.list_users().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &page);
    assert_eq!(request_count(&server).await, 2);
    // Both attempts are the same, complete request.
    for request in server.received_requests().await.unwrap() {
        assert!(
            exp.mismatches(&request).is_empty(),
            "{:?}",
            exp.mismatches(&request)
        );
    }
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn status_429_retries_a_post_too_and_resends_the_body() {
    let server = MockServer::start().await;
    let body = json!({"email": "jane@example.com"});
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    let exp = Expect::post("/v1/apps/{app_id}/users")
        .path_param("app_id", "app")
        .bearer("tok")
        .accept_json()
        .json_body(body.clone());
    Mock::given(exp.clone())
        .respond_with(json_response(201, &json!({"user": {"id": "u1"}})))
        .with_priority(2)
        .mount(&server)
        .await;
    let client = passage_client::Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .bearer_auth("tok")
        .retry_policy(
            passage_client::RetryPolicy::default()
                .max_retries(1)
                .max_retry_after(Duration::from_millis(50)),
        )
        .build()
        .unwrap();

    // `Retry-After: 1` is capped by max_retry_after (50 ms): no real sleep.
    let started = Instant::now();
    let response = client.create_user("app", body).await.unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    assert!(exp.mismatches(&requests[0]).is_empty());
    assert!(exp.mismatches(&requests[1]).is_empty());
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn status_429_retries_a_multipart_upload_with_the_whole_file() {
    let server = MockServer::start().await;
    let csv: &[u8] = b"umaAddress,platformUserId,userType\n$a@uma.example,1,INDIVIDUAL\n";
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    let exp = Expect::post("/umaaas/v1/users/bulk/csv")
        .header("authorization", BASIC_USER_PASS)
        .accept_json()
        .multipart(vec![
            PartExpect::file("file", "users.csv", "text/csv", csv),
            PartExpect::text("webhookUrl", "https://example.com/hook"),
        ]);
    Mock::given(exp.clone())
        .respond_with(json_response(202, &json!({"jobId": "Job:1"})))
        .with_priority(2)
        .mount(&server)
        .await;
    let client = umaaas_client::Client::builder()
        .base_url(format!("{}/umaaas/v1", server.uri()))
        .basic_auth("user", "pass")
        .retry_policy(quick_retries(1))
        .build()
        .unwrap();

    let response = client
        .upload_users_csv(
            umaaas_client::FilePart::bytes(csv)
                .file_name("users.csv")
                .content_type("text/csv"),
        )
        .webhook_url("https://example.com/hook")
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 202);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert!(
            exp.mismatches(request).is_empty(),
            "{:?}",
            exp.mismatches(request)
        );
    }
}

#[tokio::test]
async fn retries_are_bounded_and_then_the_429_is_returned() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("Retry-After", "0")
                .set_body_string("slow down"),
        )
        .expect(3)
        .mount(&server)
        .await;
    let client = umaaas_client::Client::builder()
        .base_url(format!("{}/umaaas/v1", server.uri()))
        .retry_policy(quick_retries(2))
        .build()
        .unwrap();

    let err = client.list_users().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(err.body(), Some(&b"slow down"[..]));
    assert!(err.is_retryable());
    assert_eq!(request_count(&server).await, 3);
}

#[tokio::test]
async fn status_503_is_retried_for_get_but_not_for_post() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let client = umaaas_client::Client::builder()
        .base_url(format!("{}/umaaas/v1", server.uri()))
        .retry_policy(quick_retries(1))
        .build()
        .unwrap();

    let err = client.get_user_by_id("u").await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(request_count(&server).await, 2, "GET is retried once");

    server.reset().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let err = client.create_user(umaaas_client::models::ListUsers200ResponseDataInner::default()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(
        request_count(&server).await,
        1,
        "POST is not retried on 503"
    );
}

#[tokio::test]
async fn server_that_never_answers_times_out() {
    // Accepts connections and never writes a byte.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let client = glowmarkt_client::Client::builder()
        .base_url(format!("http://{addr}/api/v0-1/"))
        .timeout(Duration::from_millis(300))
        .retry_policy(glowmarkt_client::RetryPolicy::none())
        .build()
        .unwrap();

    let started = Instant::now();
    let err = client.get_userby_id("u1").await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        matches!(
            err,
            glowmarkt_client::Error::Timeout {
                operation: "get_userby_id",
                kind: glowmarkt_client::TimeoutKind::Total,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(elapsed >= Duration::from_millis(250), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    assert!(err.is_retryable());
    holder.abort();
}

#[tokio::test]
async fn unreachable_server_is_a_transport_error() {
    // Bind then drop: nothing listens on that port any more.
    let addr = {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        listener.local_addr().unwrap()
    };
    let client = finapi_client::Client::builder()
        .base_url(format!("http://{addr}"))
        .finapi_auth("tok")
        .retry_policy(finapi_client::RetryPolicy::none())
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();

    let err = client.get_authorized_user().await.unwrap_err();
    assert!(
        matches!(
            err,
            finapi_client::Error::Transport {
                operation: "get_authorized_user",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!err.to_string().contains("tok"), "{err}");
}

#[tokio::test]
async fn api_key_with_crlf_is_rejected_and_nothing_is_sent() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;

    // obp: directLogin is an `Authorization` API key.
    let obp = obp_client::Client::builder()
        .base_url(server.uri())
        .direct_login("abc\r\nX-Evil: 1")
        .retry_policy(obp_client::RetryPolicy::none())
        .build()
        .unwrap();
    let err = obp.o_bpv3_0_0_get_current_user().await.unwrap_err();
    assert!(
        matches!(err, obp_client::Error::InvalidArgument(_)),
        "{err:?}"
    );
    assert!(!err.to_string().contains("X-Evil"), "{err}");

    // glowmarkt: applicationId / token header API keys.
    let glowmarkt = glowmarkt_client::Client::builder()
        .base_url(format!("{}/api/v0-1/", server.uri()))
        .application_id("app\nX-Evil: 1")
        .retry_policy(glowmarkt_client::RetryPolicy::none())
        .build()
        .unwrap();
    let err = glowmarkt.get_userby_id("u1").await.unwrap_err();
    assert!(
        matches!(err, glowmarkt_client::Error::InvalidArgument(_)),
        "{err:?}"
    );
    let glowmarkt = glowmarkt_client::Client::builder()
        .base_url(format!("{}/api/v0-1/", server.uri()))
        .dev_user_token("tok\r\nX-Evil: 1")
        .retry_policy(glowmarkt_client::RetryPolicy::none())
        .build()
        .unwrap();
    let err = glowmarkt.create_user().await.unwrap_err();
    assert!(
        matches!(err, glowmarkt_client::Error::InvalidArgument(_)),
        "{err:?}"
    );

    // passage: bearer token.
    let passage = passage_client::Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .bearer_auth("tok\r\nX-Evil: 1")
        .retry_policy(passage_client::RetryPolicy::none())
        .build()
        .unwrap();
    let err = passage.get_user("app", "u").await.unwrap_err();
    assert!(
        matches!(err, passage_client::Error::InvalidArgument(_)),
        "{err:?}"
    );

    // finapi: OAuth2 access token.
    let finapi = finapi_client::Client::builder()
        .base_url(server.uri())
        .finapi_auth("tok\rX-Evil: 1")
        .retry_policy(finapi_client::RetryPolicy::none())
        .build()
        .unwrap();
    let err = finapi.get_authorized_user().await.unwrap_err();
    assert!(
        matches!(err, finapi_client::Error::InvalidArgument(_)),
        "{err:?}"
    );

    assert_eq!(request_count(&server).await, 0, "nothing may be sent");
}

#[tokio::test]
async fn header_injection_through_default_headers_is_rejected() {
    let result = umaaas_client::Client::builder().default_header("X-Tenant", "t1\r\nX-Evil: 1");
    assert!(matches!(
        result,
        Err(umaaas_client::Error::InvalidArgument(_))
    ));
}

#[tokio::test]
async fn dot_segment_and_empty_path_values_are_rejected_and_nothing_is_sent() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = umaaas(&server);

    for value in ["..", ".", ""] {
        let err = client.get_user_by_id(value).await.unwrap_err();
        assert!(
            matches!(err, umaaas_client::Error::InvalidArgument(_)),
            "{value:?}: {err:?}"
        );
    }
    let obp = obp_client::Client::builder()
        .base_url(server.uri())
        .retry_policy(obp_client::RetryPolicy::none())
        .build()
        .unwrap();
    let err = obp.o_bpv4_0_0_delete_user("..").await.unwrap_err();
    assert!(
        matches!(err, obp_client::Error::InvalidArgument(_)),
        "{err:?}"
    );
    assert_eq!(request_count(&server).await, 0, "nothing may be sent");
}

#[tokio::test]
async fn oversized_body_is_rejected() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(json_response(200, &json!({"data": "x".repeat(1000)})))
        .mount(&server)
        .await;
    let client = umaaas_client::Client::builder()
        .base_url(format!("{}/umaaas/v1", server.uri()))
        .max_body_bytes(100)
        .retry_policy(umaaas_client::RetryPolicy::none())
        .build()
        .unwrap();

    let err = client.list_users().await.unwrap_err();
    assert!(
        matches!(err, umaaas_client::Error::BodyTooLarge { limit: 100, .. }),
        "{err:?}"
    );
}

/// `Debug` of a configured client (and of a request built from it) never
/// shows a secret.
#[test]
fn debug_never_shows_secrets() {
    fn assert_hidden(shown: &str, secrets: &[&str]) {
        for secret in secrets {
            assert!(!shown.contains(secret), "{secret} shown in {shown}");
        }
    }

    let c = umaaas_client::Client::builder()
        .basic_auth("alice", "hunter2-password")
        .default_header("X-Api-Key", "hdr-secret-789")
        .unwrap()
        .build()
        .unwrap();
    let shown = format!("{c:?} {c:#?} {:?}", c.get_user_by_id("u"));
    assert_hidden(&shown, &["hunter2-password", "hdr-secret-789"]);

    let c = passage_client::Client::builder()
        .bearer_auth("passage-bearer-secret")
        .build()
        .unwrap();
    assert_hidden(&format!("{c:?} {c:#?}"), &["passage-bearer-secret"]);

    let c = glowmarkt_client::Client::builder()
        .app_keys("app", "app-keys-secret")
        .org_app_keys("org", "org-keys-secret")
        .application_id("application-id-secret")
        .dev_user_token("dev-user-token-secret")
        .user_token("user-token-secret")
        .build()
        .unwrap();
    assert_hidden(
        &format!("{c:?} {c:#?} {:?}", c.update_username_user_id("u")),
        &[
            "app-keys-secret",
            "org-keys-secret",
            "application-id-secret",
            "dev-user-token-secret",
            "user-token-secret",
        ],
    );

    let c = obp_client::Client::builder()
        .direct_login("DirectLogin token=\"direct-secret\"")
        .gateway_login("GatewayLogin token=\"gateway-secret\"")
        .build()
        .unwrap();
    assert_hidden(
        &format!("{c:?} {c:#?}"),
        &["direct-secret", "gateway-secret"],
    );

    let c = finapi_client::Client::builder()
        .base_url("https://user:url-password@localhost/")
        .finapi_auth("finapi-access-token-secret")
        .build()
        .unwrap();
    assert_hidden(
        &format!("{c:?} {c:#?}"),
        &["finapi-access-token-secret", "url-password"],
    );
}
