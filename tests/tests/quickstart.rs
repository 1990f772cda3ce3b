//! The README quick start of every generated crate, run against the mock
//! server: the very calls of generated/<provider>/README.md (checked line by
//! line against the README), with only `.base_url(..)` added.

use e2e::{json_response, Expect};
use serde_json::{json, Value};
use wiremock::MockServer;

/// `base64("username:password")`, by hand: `use|rna|me:|pas|swo|rd` gives
/// `dXNl cm5h bWU6 cGFz c3dv cmQ=`.
const BASIC_USERNAME_PASSWORD: &str = "Basic dXNlcm5hbWU6cGFzc3dvcmQ=";

/// The visible lines of the README's first ```rust block, trimmed.
fn quick_start(readme: &str) -> Vec<String> {
    readme
        .lines()
        .skip_while(|line| !line.starts_with("```rust"))
        .skip(1)
        .take_while(|line| !line.starts_with("```"))
        .filter(|line| !line.starts_with('#'))
        .map(|line| line.trim().to_owned())
        .collect()
}

/// Asserts that the README shows exactly these calls (so the runs below are
/// the README's).
fn assert_readme(readme: &str, builder: &str, setter: &str, call: &str) {
    assert_eq!(
        quick_start(readme),
        [
            format!("let client = {builder}::Client::builder()"),
            setter.to_owned(),
            ".build()?;".to_owned(),
            format!("let response = {call}.await?;"),
            "println!(\"{}\", response.status());".to_owned(),
            "println!(\"{:?}\", response.body());".to_owned(),
        ]
    );
}

#[tokio::test]
async fn umaaas_quick_start() {
    assert_readme(
        include_str!("../../generated/umaaas/README.md"),
        "umaaas_client",
        ".basic_auth(\"username\", \"password\")",
        "client.list_users()",
    );
    async fn run(base_url: String) -> Result<Value, umaaas_client::Error> {
        let client = umaaas_client::Client::builder()
            .base_url(base_url)
            .basic_auth("username", "password")
            .build()?;
        let response = client.list_users().await?;
        println!("{}", response.status());
        println!("{:?}", response.body());
        Ok(response.into_body().into())
    }

    let server = MockServer::start().await;
    let page = json!({"data": [], "hasMore": false});
    let exp = Expect::get("/umaaas/v1/users")
        .header("authorization", BASIC_USERNAME_PASSWORD)
        .accept_json();
    exp.mount(&server, json_response(200, &page)).await;
    let result = run(format!("{}/umaaas/v1", server.uri())).await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap(), page);
}

#[tokio::test]
async fn passage_quick_start() {
    assert_readme(
        include_str!("../../generated/passage/README.md"),
        "passage_client",
        ".bearer_auth(\"token\")",
        "client.list_paginated_users(\"app-id\")",
    );
    async fn run(base_url: String) -> Result<Value, passage_client::Error> {
        let client = passage_client::Client::builder()
            .base_url(base_url)
            .bearer_auth("token")
            .build()?;
        let response = client.list_paginated_users("app-id").await?;
        println!("{}", response.status());
        println!("{:?}", response.body());
        Ok(response.into_body().into())
    }

    let server = MockServer::start().await;
    let page = json!({"users": [], "total_users": 0});
    let exp = Expect::get("/v1/apps/app-id/users")
        .bearer("token")
        .accept_json();
    exp.mount(&server, json_response(200, &page)).await;
    let result = run(format!("{}/v1", server.uri())).await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap(), page);
}

#[tokio::test]
async fn glowmarkt_quick_start() {
    assert_readme(
        include_str!("../../generated/glowmarkt/README.md"),
        "glowmarkt_client",
        ".app_keys(\"username\", \"password\")",
        "client.get_userby_id(\"userid\")",
    );
    async fn run(base_url: String) -> Result<Value, glowmarkt_client::Error> {
        let client = glowmarkt_client::Client::builder()
            .base_url(base_url)
            .app_keys("username", "password")
            .build()?;
        let response = client.get_userby_id("userid").await?;
        println!("{}", response.status());
        println!("{:?}", response.body());
        Ok(response.into_body().into())
    }

    let server = MockServer::start().await;
    let user = json!({"userId": "userid", "username": "jane@example.com"});
    let exp = Expect::get("/api/v0-1/user/userid")
        .header("authorization", BASIC_USERNAME_PASSWORD)
        .no_header("applicationId")
        .no_header("token")
        .accept_json();
    exp.mount(&server, json_response(200, &user)).await;
    let result = run(format!("{}/api/v0-1/", server.uri())).await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap(), user);
}

#[tokio::test]
async fn obp_quick_start() {
    assert_readme(
        include_str!("../../generated/obp/README.md"),
        "obp_client",
        ".direct_login(\"key\")",
        "client.o_bpv3_0_0_get_all_entitlement_requests()",
    );
    async fn run(base_url: String) -> Result<Value, obp_client::Error> {
        let client = obp_client::Client::builder()
            .base_url(base_url)
            .direct_login("key")
            .build()?;
        let response = client.o_bpv3_0_0_get_all_entitlement_requests().await?;
        println!("{}", response.status());
        println!("{:?}", response.body());
        Ok(response.into_body().into())
    }

    let server = MockServer::start().await;
    let requests = json!({"entitlement_requests": []});
    let exp = Expect::get("/obp/v5.0.0/entitlement-requests")
        .header("authorization", "key")
        .no_accept();
    exp.mount(&server, json_response(200, &requests)).await;
    let result = run(server.uri()).await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap(), requests);
}

#[tokio::test]
async fn finapi_quick_start() {
    assert_readme(
        include_str!("../../generated/finapi/README.md"),
        "finapi_client",
        ".finapi_auth(\"token\")",
        "client.get_authorized_user()",
    );
    async fn run(base_url: String) -> Result<Value, finapi_client::Error> {
        let client = finapi_client::Client::builder()
            .base_url(base_url)
            .finapi_auth("token")
            .build()?;
        let response = client.get_authorized_user().await?;
        println!("{}", response.status());
        println!("{:?}", response.body());
        Ok(response.into_body().into())
    }

    let server = MockServer::start().await;
    let user = json!({"id": "username", "password": "XXXXXXXX"});
    let exp = Expect::get("/api/v1/users").bearer("token").no_accept();
    exp.mount(&server, json_response(200, &user)).await;
    let result = run(server.uri()).await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap(), user);
}
