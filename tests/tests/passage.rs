//! passage-client on the wire, against specs/passage/UsersApi.md.
//!
//! Base URL `https://api.passage.id/v1`: the client gets `{mock}/v1`. Every
//! operation uses `bearerAuth` (`Authorization: Bearer <token>`) and
//! `Accept: application/json`.

use std::time::Duration;

use e2e::{assert_status_error, json_response, mount_error, raw_response, Expect};
use passage_client::{Client, RetryPolicy};
use serde_json::{json, Value};
use wiremock::MockServer;

const TOKEN: &str = "tok";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .bearer_auth(TOKEN)
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

fn expect(method: &str, template: &str) -> Expect {
    Expect::new(method, template).bearer(TOKEN).accept_json()
}

fn user_response() -> Value {
    json!({"user": {"id": "uid-1", "email": "jane@example.com", "status": "active", "user_metadata": {}}})
}

// Path values with non-ASCII, `..` inside a value and a space.
const APP: &str = "äpp ü";
const USER: &str = "u..1";

#[tokio::test]
async fn activate_user() {
    let server = MockServer::start().await;
    let exp = expect("PATCH", "/v1/apps/{app_id}/users/{user_id}/activate")
        .path_param("app_id", APP)
        .path_param("user_id", USER);
    exp.mount(&server, json_response(200, &user_response()))
        .await;
    let c = client(&server);

    let result = c.activate_user(APP, USER).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &user_response());

    let err_body = r#"{"code":"user_not_found","error":"user not found"}"#;
    mount_error(&server, &exp, 404, err_body).await;
    assert_status_error!(
        passage_client,
        c.activate_user(APP, USER).await,
        404,
        err_body.as_bytes(),
        Some("Not Found")
    );
}

#[tokio::test]
async fn create_user() {
    let server = MockServer::start().await;
    let body = json!({"email": "jane@example.com", "phone": "+15005550006", "user_metadata": {"plan": "pro"}});
    let exp = expect("POST", "/v1/apps/{app_id}/users")
        .path_param("app_id", APP)
        .json_body(body.clone());
    exp.mount(&server, json_response(201, &user_response()))
        .await;
    let c = client(&server);

    let result = c.create_user(APP, body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(response.body().as_value(), &user_response());

    let err_body = r#"{"code":"invalid_request","error":"email or phone required"}"#;
    mount_error(&server, &exp, 400, err_body).await;
    assert_status_error!(
        passage_client,
        c.create_user(APP, body).await,
        400,
        err_body.as_bytes(),
        Some("Bad Request")
    );
}

#[tokio::test]
async fn deactivate_user() {
    let server = MockServer::start().await;
    let exp = expect("PATCH", "/v1/apps/{app_id}/users/{user_id}/deactivate")
        .path_param("app_id", APP)
        .path_param("user_id", USER);
    exp.mount(&server, json_response(200, &user_response()))
        .await;
    let c = client(&server);

    let result = c.deactivate_user(APP, USER).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &user_response());

    let err_body = r#"{"code":"invalid_access_token","error":"unauthorized"}"#;
    mount_error(&server, &exp, 401, err_body).await;
    assert_status_error!(
        passage_client,
        c.deactivate_user(APP, USER).await,
        401,
        err_body.as_bytes(),
        Some("Unauthorized")
    );
}

#[tokio::test]
async fn delete_user() {
    let server = MockServer::start().await;
    let exp = expect("DELETE", "/v1/apps/{app_id}/users/{user_id}")
        .path_param("app_id", APP)
        .path_param("user_id", USER);
    // "void (empty response body)": an empty 200 is a success.
    exp.mount(&server, raw_response(200, "")).await;
    let c = client(&server);

    let result = c.delete_user(APP, USER).await;
    exp.verify(&server).await;
    let response: passage_client::ApiResponse<()> = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);

    let err_body = "internal error";
    mount_error(&server, &exp, 500, err_body).await;
    assert_status_error!(
        passage_client,
        c.delete_user(APP, USER).await,
        500,
        err_body.as_bytes(),
        Some("Internal Server Error")
    );
}

#[tokio::test]
async fn get_user() {
    let server = MockServer::start().await;
    let exp = expect("GET", "/v1/apps/{app_id}/users/{user_id}")
        .path_param("app_id", APP)
        .path_param("user_id", USER);
    exp.mount(&server, json_response(200, &user_response()))
        .await;
    let c = client(&server);

    let result = c.get_user(APP, USER).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &user_response());

    let err_body = r#"{"code":"user_not_found","error":"user not found"}"#;
    mount_error(&server, &exp, 404, err_body).await;
    assert_status_error!(
        passage_client,
        c.get_user(APP, USER).await,
        404,
        err_body.as_bytes(),
        Some("Not Found")
    );
}

#[tokio::test]
async fn list_paginated_users_with_every_filter() {
    let server = MockServer::start().await;
    let page = json!({"users": [], "total_users": 0, "_links": {}});
    let exp = expect("GET", "/v1/apps/{app_id}/users")
        .path_param("app_id", APP)
        .query("page", "2")
        .query("limit", "500")
        .query("created_before", "1704164645")
        .query("order_by", "id:DESC,created_at:ASC")
        .query("identifier", "<like:jane+1@example.com>")
        .query("id", "<ne:uid-1>")
        .query("login_count", "3")
        .query("status", "active")
        .query("email_verified", "true")
        .query("created_at", "<gt:2006-01-02T15:04:05.000000Z>")
        .query("updated_at", "2006-01-02T15:04:05.000000Z")
        .query("last_login_at", "<lt:2006-01-02T15:04:05.000000Z>");
    exp.mount(&server, json_response(200, &page)).await;
    let c = client(&server);
    let call = || {
        c.list_paginated_users(APP)
            .page(2)
            .limit(500)
            .created_before(1_704_164_645)
            .order_by("id:DESC,created_at:ASC")
            .identifier("<like:jane+1@example.com>")
            .id("<ne:uid-1>")
            .login_count(3)
            .status("active")
            .email_verified(true)
            .created_at("<gt:2006-01-02T15:04:05.000000Z>")
            .updated_at("2006-01-02T15:04:05.000000Z")
            .last_login_at("<lt:2006-01-02T15:04:05.000000Z>")
    };

    let result = call().await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &page);

    let err_body = r#"{"code":"invalid_request","error":"bad order_by"}"#;
    mount_error(&server, &exp, 400, err_body).await;
    assert_status_error!(
        passage_client,
        call().await,
        400,
        err_body.as_bytes(),
        Some("Bad Request")
    );
}

#[tokio::test]
async fn list_paginated_users_sends_no_unset_parameter() {
    let server = MockServer::start().await;
    let page = json!({"users": [], "total_users": 0});
    let exp = expect("GET", "/v1/apps/{app_id}/users").path_param("app_id", "app-1");
    exp.mount(&server, json_response(200, &page)).await;

    let result = client(&server).list_paginated_users("app-1").await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().body().as_value(), &page);
}

#[tokio::test]
async fn list_paginated_users_sends_false() {
    let server = MockServer::start().await;
    let page = json!({"users": []});
    let exp = expect("GET", "/v1/apps/{app_id}/users")
        .path_param("app_id", "app-1")
        .query("email_verified", "false");
    exp.mount(&server, json_response(200, &page)).await;

    let result = client(&server)
        .list_paginated_users("app-1")
        .email_verified(false)
        .await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().status().as_u16(), 200);
}

#[tokio::test]
async fn update_user() {
    let server = MockServer::start().await;
    let body = json!({"email": "new@example.com", "phone": "", "user_metadata": {"plan": "free"}});
    let exp = expect("PATCH", "/v1/apps/{app_id}/users/{user_id}")
        .path_param("app_id", APP)
        .path_param("user_id", USER)
        .json_body(body.clone());
    exp.mount(&server, json_response(200, &user_response()))
        .await;
    let c = client(&server);

    let result = c.update_user(APP, USER, body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &user_response());

    let err_body = r#"{"code":"internal","error":"boom"}"#;
    mount_error(&server, &exp, 500, err_body).await;
    assert_status_error!(
        passage_client,
        c.update_user(APP, USER, body).await,
        500,
        err_body.as_bytes(),
        Some("Internal Server Error")
    );
}
