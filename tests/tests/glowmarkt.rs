//! glowmarkt-client on the wire, against specs/glowmarkt/UserApi.md.
//!
//! Base URL `https://api.glowmarkt.com/api/v0-1/` (with a trailing `/`): the
//! client gets `{mock}/api/v0-1/` and the mock must see `/api/v0-1/user`.
//!
//! Security as documented:
//! * `appKeys`, `orgAppKeys`: HTTP basic (one `Authorization` header at most;
//!   the first configured in doc order wins);
//! * `applicationId`: API key in the `applicationId` header;
//! * `devUserToken`, `userToken`: API keys in the `token` header.
//!
//! Operations saying "No authorization required" send no credential even when
//! every credential is configured. The docs have no response tables, so error
//! statuses carry no documented description.

use std::time::Duration;

use e2e::{assert_status_error, json_response, mount_error, Expect, BASIC_USER_PASS};
use glowmarkt_client::{Client, RetryPolicy};
use serde_json::{json, Value};
use wiremock::MockServer;

const APPLICATION_ID: &str = "app-id-1";
const DEV_USER_TOKEN: &str = "dev-tok";
const USER_TOKEN: &str = "user-tok";
/// `base64("org:secret")`.
const BASIC_ORG_SECRET: &str = "Basic b3JnOnNlY3JldA==";

fn base_url(server: &MockServer) -> String {
    format!("{}/api/v0-1/", server.uri())
}

/// A client with every credential configured.
fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(base_url(server))
        .app_keys("user", "pass")
        .application_id(APPLICATION_ID)
        .dev_user_token(DEV_USER_TOKEN)
        .org_app_keys("org", "secret")
        .user_token(USER_TOKEN)
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

/// "No authorization required": nothing of the configured credentials.
fn no_auth(method: &str, template: &str) -> Expect {
    Expect::new(method, template)
        .accept_json()
        .no_authorization()
        .no_header("applicationId")
        .no_header("token")
}

/// `appKeys, applicationId, devUserToken, orgAppKeys` with all configured:
/// the `appKeys` basic credential, the application id and the dev user token.
fn app_auth(method: &str, template: &str) -> Expect {
    Expect::new(method, template)
        .accept_json()
        .header("authorization", BASIC_USER_PASS)
        .header("applicationId", APPLICATION_ID)
        .header("token", DEV_USER_TOKEN)
}

fn user() -> Value {
    json!({"userId": "9f6a1c0e", "username": "jane@example.com", "name": "Jane", "active": true})
}

fn valid() -> Value {
    json!({"valid": true})
}

#[tokio::test]
async fn add_user() {
    let server = MockServer::start().await;
    let body = json!({"username": "jane@example.com", "password": "pw", "email": "jane@example.com", "name": "Jane", "applicationId": "b0f1b774-a586-4f72-9edd-27ead8aa7a8d"});
    let exp = no_auth("POST", "/api/v0-1/register").json_body(body.clone());
    exp.mount(&server, json_response(200, &user())).await;
    let c = client(&server);

    let result = c.add_user().body(body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &user());

    let err_body = r#"{"error":"username exists"}"#;
    mount_error(&server, &exp, 409, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.add_user().body(body).await,
        409,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn create_user() {
    let server = MockServer::start().await;
    let body = json!({"username": "jane@example.com", "password": "pw", "name": "Jane"});
    let exp = app_auth("POST", "/api/v0-1/user").json_body(body.clone());
    exp.mount(&server, json_response(201, &user())).await;
    let c = client(&server);

    let result = c.create_user().body(body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(response.body().as_value(), &user());

    let err_body = r#"{"error":"not allowed"}"#;
    mount_error(&server, &exp, 403, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.create_user().body(body).await,
        403,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn delete_userby_id() {
    let server = MockServer::start().await;
    // A `/` and a space stay inside the {userId} segment.
    let id = "9f6a/1c 0e";
    let exp = app_auth("DELETE", "/api/v0-1/user/{userId}").path_param("userId", id);
    exp.mount(&server, json_response(200, &valid())).await;
    let c = client(&server);

    let result = c.delete_userby_id(id).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &valid());

    let err_body = r#"{"error":"not found"}"#;
    mount_error(&server, &exp, 404, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.delete_userby_id(id).await,
        404,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn generate_user_password_reset_token() {
    let server = MockServer::start().await;
    let body = json!({"username": "jane@example.com", "applicationId": "b0f1b774"});
    let exp = no_auth("POST", "/api/v0-1/user/resetpassword").json_body(body.clone());
    exp.mount(&server, json_response(200, &valid())).await;
    let c = client(&server);

    let result = c
        .generate_user_password_reset_token()
        .body(body.clone())
        .await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &valid());

    let err_body = r#"{"error":"unknown user"}"#;
    mount_error(&server, &exp, 400, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.generate_user_password_reset_token().body(body).await,
        400,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn generate_user_verification_token() {
    let server = MockServer::start().await;
    let body = json!({"username": "jane@example.com", "applicationId": "b0f1b774"});
    let exp = no_auth("POST", "/api/v0-1/user/verify").json_body(body.clone());
    exp.mount(&server, json_response(200, &valid())).await;
    let c = client(&server);

    let result = c
        .generate_user_verification_token()
        .body(body.clone())
        .await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &valid());

    let err_body = r#"{"error":"unknown user"}"#;
    mount_error(&server, &exp, 400, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.generate_user_verification_token().body(body).await,
        400,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn get_userby_id() {
    let server = MockServer::start().await;
    let id = "ü?#1";
    let exp = app_auth("GET", "/api/v0-1/user/{userId}").path_param("userId", id);
    exp.mount(&server, json_response(200, &user())).await;
    let c = client(&server);

    let result = c.get_userby_id(id).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &user());

    let err_body = r#"{"error":"unauthorised"}"#;
    mount_error(&server, &exp, 401, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.get_userby_id(id).await,
        401,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn get_userby_username() {
    let server = MockServer::start().await;
    // The doc warns about characters affected by URL encoding: `+`, `@`,
    // `&` and a space must arrive unchanged.
    let username = "jane+1 &x@example.com";
    let exp = app_auth("GET", "/api/v0-1/user").query("username", username);
    exp.mount(&server, json_response(200, &user())).await;
    let c = client(&server);

    let result = c.get_userby_username(username).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &user());

    let err_body = r#"{"error":"not found"}"#;
    mount_error(&server, &exp, 404, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.get_userby_username(username).await,
        404,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn reset_password_user() {
    let server = MockServer::start().await;
    let body = json!({"username": "jane@example.com", "token": "1234", "password": "n3w"});
    let exp = no_auth("PUT", "/api/v0-1/user/resetpassword").json_body(body.clone());
    exp.mount(&server, json_response(200, &valid())).await;
    let c = client(&server);

    let result = c.reset_password_user().body(body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &valid());

    let err_body = r#"{"error":"bad token"}"#;
    mount_error(&server, &exp, 400, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.reset_password_user().body(body).await,
        400,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn update_username_user_id() {
    let server = MockServer::start().await;
    let id = "9f6a1c0e";
    let body = json!({"username": "new@example.com"});
    // `applicationId, userToken`: no basic credential, and the `token`
    // header carries the user token (not the dev user token).
    let exp = Expect::put("/api/v0-1/user/{userId}/username")
        .path_param("userId", id)
        .accept_json()
        .no_authorization()
        .header("applicationId", APPLICATION_ID)
        .header("token", USER_TOKEN)
        .json_body(body.clone());
    exp.mount(&server, json_response(200, &valid())).await;
    let c = client(&server);

    let result = c.update_username_user_id(id).body(body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &valid());

    let err_body = r#"{"error":"username taken"}"#;
    mount_error(&server, &exp, 409, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.update_username_user_id(id).body(body).await,
        409,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn verify_user() {
    let server = MockServer::start().await;
    let body = json!({"username": "jane@example.com", "token": "1234"});
    let exp = no_auth("PUT", "/api/v0-1/user/verify").json_body(body.clone());
    let verified = json!({"valid": true, "accountId": "acc-1"});
    exp.mount(&server, json_response(200, &verified)).await;
    let c = client(&server);

    let result = c.verify_user().body(body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &verified);

    let err_body = r#"{"error":"bad token"}"#;
    mount_error(&server, &exp, 400, err_body).await;
    assert_status_error!(
        glowmarkt_client,
        c.verify_user().body(body).await,
        400,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn optional_body_left_unset_sends_no_body() {
    let server = MockServer::start().await;
    // `body=body` is optional: unset, nothing is sent (and no Content-Type).
    let exp = no_auth("PUT", "/api/v0-1/user/verify");
    exp.mount(&server, json_response(200, &valid())).await;

    let result = client(&server).verify_user().await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().status().as_u16(), 200);
}

#[tokio::test]
async fn org_app_keys_used_when_app_keys_are_not_configured() {
    let server = MockServer::start().await;
    let exp = Expect::get("/api/v0-1/user/{userId}")
        .path_param("userId", "u1")
        .accept_json()
        .header("authorization", BASIC_ORG_SECRET)
        .no_header("applicationId")
        .no_header("token");
    exp.mount(&server, json_response(200, &user())).await;
    let c = Client::builder()
        .base_url(base_url(&server))
        .org_app_keys("org", "secret")
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    let result = c.get_userby_id("u1").await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().status().as_u16(), 200);
}

#[tokio::test]
async fn user_token_alone_is_not_sent_where_only_dev_user_token_is_listed() {
    let server = MockServer::start().await;
    // get_userby_id lists devUserToken, not userToken.
    let exp = Expect::get("/api/v0-1/user/{userId}")
        .path_param("userId", "u1")
        .accept_json()
        .no_authorization()
        .header("applicationId", APPLICATION_ID)
        .no_header("token");
    exp.mount(&server, json_response(200, &user())).await;
    let c = Client::builder()
        .base_url(base_url(&server))
        .application_id(APPLICATION_ID)
        .user_token(USER_TOKEN)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    let result = c.get_userby_id("u1").await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().status().as_u16(), 200);
}
