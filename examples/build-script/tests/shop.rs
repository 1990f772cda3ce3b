//! The client that `build.rs` generated from `docs/`, on the wire against a local mock
//! server (wiremock on 127.0.0.1).

use build_script_example::{models, Client, Error, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// `base64("user:pass")`.
const BASIC_USER_PASS: &str = "Basic dXNlcjpwYXNz";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(format!("{}/v2", server.uri()))
        .basic_auth("user", "pass")
        .bearer_auth("tok")
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client")
}

fn order(id: &str, status: &str) -> serde_json::Value {
    json!({"id": id, "customerId": "c1", "status": status, "createdAt": "2024-05-01T10:00:00Z"})
}

#[tokio::test]
async fn list_orders_sends_the_filters_and_decodes_the_models() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/orders"))
        .and(query_param("pageSize", "2"))
        .and(query_param("status", "paid"))
        // The docs list `bearerAuth` (or an API key) for this operation.
        .and(header("authorization", "Bearer tok"))
        .and(header("X-Request-Id", "trace-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([order("o1", "paid"), order("o2", "paid")])))
        .expect(1)
        .mount(&server)
        .await;

    let orders = client(&server)
        .list_orders()
        .page_size(2)
        .status("paid")
        .x_request_id("trace-1")
        .await
        .expect("list_orders")
        .into_body();
    assert_eq!(orders.len(), 2);
    assert_eq!(orders[0].id.as_deref(), Some("o1"));
    assert_eq!(orders[1].status, Some(models::OrderStatus::Paid));
    assert_eq!(orders[0].created_at.map(|t| t.year()), Some(2024));
}

#[tokio::test]
async fn get_order_sends_the_session_cookie_of_provider_yaml() {
    // docs/provider.yaml moves `session_id` from the query (the docs' guess) to a cookie.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/orders/o%201"))
        .and(header("cookie", "session_id=s-42"))
        // …and `basicAuth` for this one.
        .and(header("authorization", BASIC_USER_PASS))
        .respond_with(ResponseTemplate::new(200).set_body_json(order("o 1", "shipped")))
        .expect(1)
        .mount(&server)
        .await;

    let got = client(&server).get_order("o 1").session_id("s-42").await.expect("get_order");
    assert_eq!(got.status(), 200);
    assert_eq!(got.body().status, Some(models::OrderStatus::Shipped));
}

#[tokio::test]
async fn create_order_posts_the_json_model() {
    let server = MockServer::start().await;
    let sent = json!({"customerId": "c1", "items": [{"sku": "tea", "quantity": 3}]});
    Mock::given(method("POST"))
        .and(path("/v2/orders"))
        .and(header("Idempotency-Key", "k-1"))
        .and(header("content-type", "application/json"))
        .and(body_json(&sent))
        .respond_with(ResponseTemplate::new(201).set_body_json(order("o9", "pending")))
        .expect(1)
        .mount(&server)
        .await;

    // Models with required fields are built from them; the optional ones are `None`.
    let new_order = models::NewOrder::new("c1", vec![models::OrderItem::new("tea", 3)]);
    let created = client(&server).create_order("k-1", new_order).await.expect("create_order");
    assert_eq!(created.status(), 201);
    assert_eq!(created.into_body().id.as_deref(), Some("o9"));
}

#[tokio::test]
async fn a_documented_error_status_keeps_the_docs_description() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/v2/orders/gone"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"code": 404, "message": "no such order"})))
        .expect(1)
        .mount(&server)
        .await;

    match client(&server).delete_order("gone").await {
        Err(Error::Status(e)) => {
            assert_eq!(e.status(), 404);
            assert_eq!(e.documented(), Some("No such order."));
            assert!(e.body_text().contains("no such order"), "{}", e.body_text());
        }
        other => panic!("expected a 404 status error, got {other:?}"),
    }
}

/// The root README's `Cargo.toml` block for build-time use lists exactly this crate's
/// dependencies (so that a crate copying it builds, as this one does).
#[test]
fn the_readme_lists_this_crate_s_dependencies() {
    let readme = include_str!("../../../README.md");
    let manifest = include_str!("../Cargo.toml");
    let start = readme.find("```toml\n[dependencies]\n").expect("the README's build-time Cargo.toml block");
    let block = &readme[start + "```toml\n".len()..];
    let block = &block[..block.find("```").expect("closed block")];
    let section = |text: &str, name: &str| -> Vec<String> {
        let start = text.find(&format!("[{name}]\n")).unwrap_or_else(|| panic!("[{name}] in\n{text}")) + name.len() + 3;
        text[start..]
            .lines()
            .take_while(|l| !l.starts_with('['))
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(section(block, "dependencies"), section(manifest, "dependencies"));
    assert_eq!(section(block, "dependencies").join("\n") + "\n", generator_dependencies());
    assert_eq!(section(block, "features"), section(manifest, "features"));
    assert_eq!(section(block, "features").join("\n") + "\n", generator::build::FEATURES);
    assert!(section(block, "build-dependencies")[0].starts_with("generator = "), "{block}");
}

/// `generator::build::DEPENDENCIES`, as the README quotes it.
fn generator_dependencies() -> String {
    generator::build::DEPENDENCIES.to_string()
}
