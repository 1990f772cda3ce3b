//! What SDK users expect of a generated client, on the wire: the total deadline against
//! `attempt_timeout`, per-request options, the default User-Agent, hooks, the tracing span,
//! pagination over several pages and NDJSON items streamed one at a time. The `feed` crate
//! is generated from docs openapi-generator wrote (`tests/fixtures/feed/openapi.yaml`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use feed_client::{Client, Error, RetryPolicy, StreamExt, TimeoutKind};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn client(base: &str) -> feed_client::ClientBuilder {
    Client::builder().base_url(base).bearer_auth("tok-secret")
}

fn quick_retries(n: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_retries(n)
        .initial_backoff(Duration::from_millis(10))
        .max_backoff(Duration::from_millis(20))
}

/// A server that accepts connections, reads the request, and never answers; counts requests.
async fn stalling_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(AtomicUsize::new(0));
    let count = seen.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((mut socket, _)) = listener.accept().await {
            let count = count.clone();
            let mut buf = [0u8; 4096];
            if socket.read(&mut buf).await.unwrap_or(0) > 0 {
                count.fetch_add(1, Ordering::SeqCst);
            }
            held.push(socket);
        }
    });
    (format!("http://{addr}"), seen)
}

fn event(id: &str) -> serde_json::Value {
    json!({"id": id, "kind": "user.created"})
}

#[tokio::test]
async fn the_timeout_is_the_total_deadline_with_retries() {
    let (base, seen) = stalling_server().await;
    // The case: a 1 s timeout and retries used to take 1 s per attempt.
    let c = client(&base).timeout(Duration::from_secs(1)).retry_policy(quick_retries(5)).build().unwrap();
    let started = Instant::now();
    let err = c.events().list_events().await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, Error::Timeout { kind: TimeoutKind::Total, limit, .. } if limit == Duration::from_secs(1)), "{err:?}");
    assert!(elapsed >= Duration::from_millis(950) && elapsed < Duration::from_millis(1500), "{elapsed:?}");

    // With an attempt timeout, stalled attempts are retried within the same deadline.
    let before = seen.load(Ordering::SeqCst);
    let c = client(&base)
        .timeout(Duration::from_secs(1))
        .attempt_timeout(Duration::from_millis(300))
        .retry_policy(quick_retries(10))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = c.events().list_events().await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(err, Error::Timeout { kind: TimeoutKind::Total, .. }), "{err:?}");
    assert!(elapsed >= Duration::from_millis(950) && elapsed < Duration::from_millis(1500), "{elapsed:?}");
    let attempts = seen.load(Ordering::SeqCst) - before;
    assert!((3..=4).contains(&attempts), "{attempts} attempts");
    assert!(err.to_string().contains("deadline of 1s"), "{err}");

    // No retry left: the attempt timeout is what ran out.
    let c = client(&base)
        .timeout(Duration::from_secs(5))
        .attempt_timeout(Duration::from_millis(200))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let err = c.events().list_events().await.unwrap_err();
    assert!(matches!(err, Error::Timeout { kind: TimeoutKind::Attempt, limit, .. } if limit == Duration::from_millis(200)), "{err:?}");
    assert!(started.elapsed() < Duration::from_millis(800));
    assert!(err.to_string().contains("attempt timeout of 200ms"), "{err}");
}

#[tokio::test]
async fn per_request_timeout_header_and_retry_policy() {
    let (base, _) = stalling_server().await;
    let c = client(&base).timeout(Duration::from_secs(30)).build().unwrap();
    let started = Instant::now();
    let err = c.events().list_events().timeout(Duration::from_millis(250)).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { kind: TimeoutKind::Total, limit, .. } if limit == Duration::from_millis(250)), "{err:?}");
    assert!(started.elapsed() < Duration::from_millis(1000), "{:?}", started.elapsed());

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/events"))
        .and(header("x-trace", "t-1"))
        .and(header("x-tenant", "per-request"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": []})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/audit"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let c = client(&server.uri())
        .default_header("X-Tenant", "default")
        .unwrap()
        .retry_policy(quick_retries(3))
        .build()
        .unwrap();
    let page = c.events().list_events().header("X-Trace", "t-1").header("X-Tenant", "per-request").await.unwrap();
    assert!(page.body().data.as_deref().is_some_and(<[_]>::is_empty));

    // CR/LF in a header: nothing is sent.
    let err = c.events().list_events().header("X-Trace", "a\r\nInjected: 1").await.unwrap_err();
    assert!(matches!(&err, Error::InvalidArgument(m) if m.contains("list_events")), "{err:?}");
    let err = c.events().list_events().header("Bad Name", "v").await.unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)), "{err:?}");

    // The request's retry policy replaces the client's: one attempt, not four.
    let err = c.audit().list_audit_entries().retry_policy(RetryPolicy::none()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    let audits = server.received_requests().await.unwrap().iter().filter(|r| r.url.path() == "/audit").count();
    assert_eq!(audits, 1);
    let _ = c.audit().list_audit_entries().await.unwrap_err();
    let audits = server.received_requests().await.unwrap().iter().filter(|r| r.url.path() == "/audit").count();
    assert_eq!(audits, 5);
}

#[tokio::test]
async fn idempotency_key_makes_post_retries_safe() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/events"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/events"))
        .respond_with(ResponseTemplate::new(201).set_body_json(event("evt_9")))
        .mount(&server)
        .await;
    let c = client(&server.uri()).retry_policy(quick_retries(3)).build().unwrap();
    let body = || feed_client::models::Event {
        id: Some("evt_9".into()),
        kind: Some("user.created".into()),
        payload: None,
        additional_properties: Default::default(),
    };
    // Without a key, a POST answered 503 is not retried: the server may have acted on it.
    let err = c.events().create_event(body()).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
    let created = c.events().create_event(body()).idempotency_key("key-7").await.unwrap();
    assert_eq!(created.status().as_u16(), 201);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 3);
    assert!(requests[1..].iter().all(|r| r.headers["idempotency-key"] == "key-7"));
}

#[tokio::test]
async fn default_user_agent_and_override() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": []})))
        .mount(&server)
        .await;
    client(&server.uri()).build().unwrap().events().list_events().await.unwrap();
    client(&server.uri()).user_agent("my-app/2.0").build().unwrap().events().list_events().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].headers["user-agent"], "feed-client/0.2.0 (generated)");
    assert_eq!(requests[1].headers["user-agent"], "my-app/2.0");
}

/// Signs each attempt: an HMAC would go where the checksum is.
struct Sign {
    responses: Arc<AtomicUsize>,
}

impl feed_client::Hook for Sign {
    fn on_request(
        &self,
        info: &feed_client::RequestInfo<'_>,
        request: &mut feed_client::reqwest::Request,
    ) -> Result<(), Error> {
        let body = request.body().and_then(|b| b.as_bytes()).unwrap_or_default();
        let sum: u32 = body.iter().map(|b| u32::from(*b)).sum();
        let signature = format!("{} {} {} {sum} attempt={}", info.operation, request.method(), request.url().path(), info.attempt);
        request.headers_mut().insert("x-signature", signature.parse().unwrap());
        Ok(())
    }

    fn on_response(
        &self,
        info: &feed_client::RequestInfo<'_>,
        status: feed_client::reqwest::StatusCode,
        _headers: &feed_client::reqwest::header::HeaderMap,
        _elapsed: Duration,
    ) {
        assert_eq!(info.path_template, "/events");
        assert!(status.is_success() || status.as_u16() == 503);
        self.responses.fetch_add(1, Ordering::SeqCst);
    }
}

#[tokio::test]
async fn a_hook_signs_every_attempt() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(event("evt_1")))
        .mount(&server)
        .await;
    let responses = Arc::new(AtomicUsize::new(0));
    let c = client(&server.uri())
        .retry_policy(quick_retries(2))
        .hook(Sign { responses: responses.clone() })
        .build()
        .unwrap();
    let body = feed_client::models::Event {
        id: Some("evt_1".into()),
        kind: Some("k".into()),
        payload: None,
        additional_properties: Default::default(),
    };
    c.events().create_event(body).idempotency_key("k1").await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    let sum: u32 = requests[0].body.iter().map(|b| u32::from(*b)).sum();
    for (i, r) in requests.iter().enumerate() {
        let want = format!("create_event POST /events {sum} attempt={}", i + 1);
        assert_eq!(r.headers["x-signature"], want.as_str());
        // The hook saw the request with its credentials.
        assert_eq!(r.headers["authorization"], "Bearer tok-secret");
    }
    assert_eq!(responses.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn cursor_pages_and_items_over_three_pages() {
    let server = MockServer::start().await;
    let page = |ids: &[&str], next: Option<&str>| {
        let data: Vec<_> = ids.iter().map(|id| event(id)).collect();
        ResponseTemplate::new(200).set_body_json(json!({"data": data, "next_cursor": next}))
    };
    // The first request sends no cursor; wiremock matches the most specific mock first.
    Mock::given(method("GET"))
        .and(path("/events"))
        .respond_with(page(&["e1", "e2"], Some("c2")))
        .with_priority(10)
        .mount(&server)
        .await;
    Mock::given(query_param("cursor", "c2"))
        .respond_with(page(&["e3", "e4"], Some("c3")))
        .mount(&server)
        .await;
    Mock::given(query_param("cursor", "c3"))
        .respond_with(page(&["e5"], None))
        .mount(&server)
        .await;
    let c = client(&server.uri()).build().unwrap();

    let mut pages = c.events().list_events().limit(2).kind("user.created").pages();
    let mut sizes = Vec::new();
    while let Some(page) = pages.next().await {
        sizes.push(page.unwrap().body().data.as_ref().map_or(0, Vec::len));
    }
    assert_eq!(sizes, [2, 2, 1]);

    let ids: Vec<String> = c.events().list_events().limit(2).items().map(|e| e.unwrap().id.unwrap_or_default()).collect().await;
    assert_eq!(ids, ["e1", "e2", "e3", "e4", "e5"]);

    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 6);
    let cursors: Vec<Option<String>> = requests[3..]
        .iter()
        .map(|r| r.url.query_pairs().find(|(k, _)| k == "cursor").map(|(_, v)| v.into_owned()))
        .collect();
    assert_eq!(cursors, [None, Some("c2".into()), Some("c3".into())]);
    // Other parameters are kept on every page.
    assert!(requests[..3].iter().all(|r| r.url.query().is_some_and(|q| q.contains("kind=user.created") && q.contains("limit=2"))));
}

#[tokio::test]
async fn pages_stop_on_errors_and_repeated_cursors() {
    let server = MockServer::start().await;
    Mock::given(query_param("cursor", "bad"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    Mock::given(query_param("cursor", "same"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": [event("x")], "next_cursor": "same"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": [event("a")], "next_cursor": "bad"})))
        .with_priority(10)
        .mount(&server)
        .await;
    let c = client(&server.uri()).build().unwrap();
    let got: Vec<Result<_, Error>> = c.events().list_events().items().collect().await;
    assert_eq!(got.len(), 2);
    assert!(matches!(&got[1], Err(Error::Status(s)) if s.status().as_u16() == 500));
    // A server that keeps answering the cursor it was sent is asked once.
    let pages: Vec<_> = c.events().list_events().cursor("same").pages().collect().await;
    assert_eq!(pages.len(), 1);
}

#[tokio::test]
async fn offset_pages_until_the_total() {
    let server = MockServer::start().await;
    for (offset, ids) in [("0", vec![1, 2]), ("2", vec![3, 4]), ("4", vec![5])] {
        let items: Vec<_> = ids.iter().map(|id| json!({"id": id, "action": "login"})).collect();
        Mock::given(path("/audit"))
            .and(query_param("offset", offset))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": items, "total": 5})))
            .expect(1)
            .mount(&server)
            .await;
    }
    let c = client(&server.uri()).build().unwrap();
    let ids: Vec<i64> = c.audit().list_audit_entries().offset(0).limit(2).items().map(|e| e.unwrap().id.unwrap_or_default()).collect().await;
    assert_eq!(ids, [1, 2, 3, 4, 5]);
}

/// A chunked NDJSON answer whose lines are sent one at a time, each only after the client
/// has received the one before.
async fn ndjson_server(lines: Vec<String>, mut go: tokio::sync::mpsc::UnboundedReceiver<()>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 4096];
        let _ = socket.read(&mut buf).await;
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/x-ndjson\r\ntransfer-encoding: chunked\r\n\r\n";
        socket.write_all(head.as_bytes()).await.unwrap();
        for line in lines {
            let chunk = format!("{line}\n");
            socket.write_all(format!("{:x}\r\n{chunk}\r\n", chunk.len()).as_bytes()).await.unwrap();
            socket.flush().await.unwrap();
            if go.recv().await.is_none() {
                return;
            }
        }
        socket.write_all(b"0\r\n\r\n").await.unwrap();
        let _ = socket.flush().await;
        tokio::time::sleep(Duration::from_millis(200)).await;
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn ndjson_items_arrive_one_at_a_time() {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let lines: Vec<String> = ["e1", "e2", "e3"].iter().map(|id| event(id).to_string()).collect();
    let base = ndjson_server(lines, rx).await;
    // A short deadline: it covers the response head, not the stream.
    let c = client(&base).timeout(Duration::from_secs(2)).build().unwrap();
    let mut items = c.events().stream_events().kind("user.created").send_items().await.unwrap();
    assert_eq!(items.status().as_u16(), 200);
    let mut ids = Vec::new();
    while let Some(item) = tokio::time::timeout(Duration::from_secs(5), items.next()).await.unwrap() {
        // The server sends the next line only now: this item was decoded alone.
        ids.push(item.unwrap().id.unwrap_or_default());
        tx.send(()).unwrap();
    }
    assert_eq!(ids, ["e1", "e2", "e3"]);
}

#[tokio::test]
async fn ndjson_send_collects_and_send_stream_gives_bytes() {
    let server = MockServer::start().await;
    let body = format!("{}\n\n{}\n", event("a"), event("b"));
    Mock::given(path("/events/stream"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.clone(), "application/x-ndjson"))
        .mount(&server)
        .await;
    Mock::given(path("/events"))
        .respond_with(ResponseTemplate::new(404).set_body_string("gone"))
        .mount(&server)
        .await;
    let c = client(&server.uri()).build().unwrap();
    let all = c.events().stream_events().await.unwrap().into_body();
    assert_eq!(all.iter().map(|e| e.id.as_deref().unwrap_or_default()).collect::<Vec<_>>(), ["a", "b"]);
    let mut bytes = Vec::new();
    let mut stream = c.events().stream_events().send_stream().await.unwrap();
    while let Some(chunk) = stream.next().await {
        bytes.extend_from_slice(&chunk.unwrap());
    }
    assert_eq!(bytes, body.as_bytes());
    // Other statuses are errors with their body, before any streaming.
    let err = c.events().list_events().send_stream().await.unwrap_err();
    assert!(matches!(&err, Error::Status(s) if s.status().as_u16() == 404 && s.body_text() == "gone"), "{err:?}");
    // A line that does not decode is an error item; the stream goes on.
    let _ = server.reset().await;
    Mock::given(path("/events/stream"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(format!("{{\"id\":[1]}}\n{}\n", event("c")), "application/x-ndjson"))
        .mount(&server)
        .await;
    let got: Vec<_> = c.events().stream_events().send_items().await.unwrap().collect().await;
    assert!(matches!(&got[0], Err(Error::Decode { .. })), "{:?}", got[0]);
    assert_eq!(got[1].as_ref().unwrap().id.as_deref(), Some("c"));
    let _: &Request = &server.received_requests().await.unwrap()[0];
}

/// A hook that refuses to sign: the call fails with its error and nothing is sent.
struct Refuse;

impl feed_client::Hook for Refuse {
    fn on_request(
        &self,
        _info: &feed_client::RequestInfo<'_>,
        _request: &mut feed_client::reqwest::Request,
    ) -> Result<(), Error> {
        Err(Error::InvalidArgument("no signing key".into()))
    }
}

#[tokio::test]
async fn a_hook_error_ends_the_call_before_sending() {
    let server = MockServer::start().await;
    let c = client(&server.uri()).hook(Refuse).retry_policy(quick_retries(3)).build().unwrap();
    let err = c.events().list_events().await.unwrap_err();
    assert!(matches!(&err, Error::InvalidArgument(m) if m == "no signing key"), "{err:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}
