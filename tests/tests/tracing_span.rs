//! The `tracing` span of a call, in its own test binary: `tracing` caches whether a span
//! callsite is enabled when it is first hit, so a test on another thread calling the same
//! operation without a subscriber could otherwise make this one see no span.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use feed_client::{Client, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(base: &str) -> feed_client::ClientBuilder {
    Client::builder().base_url(base).bearer_auth("tok-secret")
}

fn quick_retries(n: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_retries(n)
        .initial_backoff(Duration::from_millis(10))
        .max_backoff(Duration::from_millis(20))
}

fn event(id: &str) -> serde_json::Value {
    json!({"id": id, "kind": "user.created"})
}

/// Records every span's fields.
/// A span's name and its fields, as text.
type SpanRecord = (String, Vec<(String, String)>);

#[derive(Clone, Default)]
struct Spans(Arc<Mutex<Vec<SpanRecord>>>);

struct Fields<'a>(&'a mut Vec<(String, String)>);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_string(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push((field.name().to_string(), value.to_string()));
    }
}

impl tracing::Subscriber for Spans {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, attrs: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut spans = self.0.lock().unwrap();
        let mut fields = Vec::new();
        attrs.record(&mut Fields(&mut fields));
        spans.push((attrs.metadata().name().to_string(), fields));
        tracing::span::Id::from_u64(spans.len() as u64)
    }
    fn record(&self, span: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut spans = self.0.lock().unwrap();
        let index = usize::try_from(span.into_u64()).unwrap() - 1;
        values.record(&mut Fields(&mut spans[index].1));
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, _: &tracing::Event<'_>) {}
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[test]
fn one_tracing_span_per_call_without_values_or_secrets() {
    let spans = Spans::default();
    let captured = spans.clone();
    tracing::subscriber::with_default(spans, || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let server = MockServer::start().await;
            Mock::given(method("GET"))
                .and(path("/events"))
                .respond_with(ResponseTemplate::new(503))
                .up_to_n_times(1)
                .mount(&server)
                .await;
            Mock::given(method("GET"))
                .and(path("/events"))
                .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": [event("e1")]})))
                .mount(&server)
                .await;
            let c = client(&server.uri()).retry_policy(quick_retries(2)).build().unwrap();
            c.events().list_events().cursor("cursor-value-123").kind("secret-kind").await.unwrap();
        });
    });
    let spans = captured.0.lock().unwrap();
    let ours: Vec<_> = spans.iter().filter(|(name, _)| name == "http_request").collect();
    assert_eq!(ours.len(), 1, "{spans:?}");
    let fields = &ours[0].1;
    let get = |name: &str| fields.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    assert_eq!(get("operation"), Some("list_events"));
    assert_eq!(get("method"), Some("GET"));
    assert_eq!(get("path"), Some("/events"));
    assert_eq!(get("status"), Some("200"));
    assert_eq!(get("attempts"), Some("2"));
    assert!(get("duration_ms").is_some_and(|d| d.parse::<u64>().is_ok()), "{fields:?}");
    let all = format!("{spans:?}");
    for value in ["cursor-value-123", "secret-kind", "tok-secret", "127.0.0.1"] {
        assert!(!all.contains(value), "{value} in {all}");
    }
}

