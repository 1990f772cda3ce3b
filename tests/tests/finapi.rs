//! finapi-client on the wire, against specs/finapi/UsersApi.txt.
//!
//! Base URL `https://localhost` (no base path): the client gets `{mock}` and
//! the mock sees `/api/v1/users...`. Every operation uses the OAuth2 scheme
//! `finapi_auth`, whose access token goes out as `Authorization: Bearer`.
//! The docs say "Accept: Not defined" everywhere, so no `Accept` header is
//! sent; bodies are JSON (`Content-Type: application/json`). The docs have no
//! response tables: error statuses carry no documented description.

use std::time::Duration;

use e2e::{assert_status_error, json_response, mount_error, raw_response, Expect};
use finapi_client::{ApiResponse, Client, RetryPolicy};
use serde_json::{json, Value};
use wiremock::MockServer;

const TOKEN: &str = "tok";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .finapi_auth(TOKEN)
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

fn expect(method: &str, template: &str) -> Expect {
    Expect::new(method, template).bearer(TOKEN).no_accept()
}

fn user() -> Value {
    json!({"id": "username", "password": "password", "email": "email@localhost.de", "phone": "+49 99 999999-999", "isAutoUpdateEnabled": false})
}

#[tokio::test]
async fn create_user() {
    let server = MockServer::start().await;
    let body = json!({"id": "username", "password": "password", "email": "email@localhost.de", "phone": "+49 99 999999-999", "isAutoUpdateEnabled": false});
    let exp = expect("POST", "/api/v1/users").json_body(body.clone());
    exp.mount(&server, json_response(201, &user())).await;
    let c = client(&server);

    let result = c.create_user(body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(response.body().as_value(), &user());

    let err_body = r#"{"errors":[{"message":"User identifier already in use","code":"ENTITY_EXISTS","type":"BUSINESS"}]}"#;
    mount_error(&server, &exp, 422, err_body).await;
    assert_status_error!(
        finapi_client,
        c.create_user(body).await,
        422,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn delete_authorized_user() {
    let server = MockServer::start().await;
    let exp = expect("DELETE", "/api/v1/users");
    exp.mount(&server, raw_response(200, "")).await;
    let c = client(&server);

    let result = c.delete_authorized_user().await;
    exp.verify(&server).await;
    let response: ApiResponse<()> = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);

    let err_body =
        r#"{"errors":[{"message":"bank connection busy","code":"BANK_SERVER_REJECTION"}]}"#;
    mount_error(&server, &exp, 423, err_body).await;
    assert_status_error!(
        finapi_client,
        c.delete_authorized_user().await,
        423,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn delete_unverified_user() {
    let server = MockServer::start().await;
    // `..` inside a value and a `?` stay in the {userId} segment.
    let id = "a..b?c";
    let exp = expect("DELETE", "/api/v1/users/{userId}").path_param("userId", id);
    exp.mount(&server, raw_response(200, "")).await;
    let c = client(&server);

    let result = c.delete_unverified_user(id).await;
    exp.verify(&server).await;
    let response: ApiResponse<()> = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);

    let err_body = r#"{"errors":[{"message":"user is verified"}]}"#;
    mount_error(&server, &exp, 422, err_body).await;
    assert_status_error!(
        finapi_client,
        c.delete_unverified_user(id).await,
        422,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn edit_authorized_user() {
    let server = MockServer::start().await;
    let body = json!({"email": "", "phone": "+49 99 999999-999", "isAutoUpdateEnabled": true});
    let exp = expect("PATCH", "/api/v1/users").json_body(body.clone());
    exp.mount(&server, json_response(200, &user())).await;
    let c = client(&server);

    let result = c.edit_authorized_user(body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &user());

    let err_body = r#"{"errors":[{"message":"no field set"}]}"#;
    mount_error(&server, &exp, 400, err_body).await;
    assert_status_error!(
        finapi_client,
        c.edit_authorized_user(body).await,
        400,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn execute_password_change() {
    let server = MockServer::start().await;
    let body = json!({"userId": "username", "password": "n3w-password", "passwordChangeToken": "deb7f3c4-8c5b"});
    let exp = expect("POST", "/api/v1/users/executePasswordChange").json_body(body.clone());
    exp.mount(&server, raw_response(200, "")).await;
    let c = client(&server);

    let result = c.execute_password_change().body(body.clone()).await;
    exp.verify(&server).await;
    let response: ApiResponse<()> = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);

    let err_body = r#"{"errors":[{"message":"token expired"}]}"#;
    mount_error(&server, &exp, 422, err_body).await;
    assert_status_error!(
        finapi_client,
        c.execute_password_change().body(body).await,
        422,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn execute_password_change_without_body_sends_none() {
    let server = MockServer::start().await;
    // `body=body` is optional: left unset, no body and no Content-Type.
    let exp = expect("POST", "/api/v1/users/executePasswordChange");
    exp.mount(&server, raw_response(200, "")).await;

    let result = client(&server).execute_password_change().await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().status().as_u16(), 200);
}

#[tokio::test]
async fn get_authorized_user() {
    let server = MockServer::start().await;
    let exp = expect("GET", "/api/v1/users");
    let distorted = json!({"id": "username", "password": "XXXXXXXX", "email": null, "phone": null, "isAutoUpdateEnabled": false});
    exp.mount(&server, json_response(200, &distorted)).await;
    let c = client(&server);

    let result = c.get_authorized_user().await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &distorted);

    let err_body = r#"{"error":"invalid_token"}"#;
    mount_error(&server, &exp, 401, err_body).await;
    assert_status_error!(
        finapi_client,
        c.get_authorized_user().await,
        401,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn get_verification_status() {
    let server = MockServer::start().await;
    // The user id is a query parameter `userId` (no {userId} in the path).
    let id = "user name+1/ü";
    let exp = expect("GET", "/api/v1/users/verificationStatus").query("userId", id);
    let status = json!({"userId": id, "isUserVerified": true});
    exp.mount(&server, json_response(200, &status)).await;
    let c = client(&server);

    let result = c.get_verification_status(id).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &status);

    let err_body = r#"{"errors":[{"message":"user not found"}]}"#;
    mount_error(&server, &exp, 404, err_body).await;
    assert_status_error!(
        finapi_client,
        c.get_verification_status(id).await,
        404,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn request_password_change() {
    let server = MockServer::start().await;
    let body = json!({"userId": "username"});
    let exp = expect("POST", "/api/v1/users/requestPasswordChange").json_body(body.clone());
    let token = json!({"passwordChangeToken": "deb7f3c4-8c5b", "userEmail": "email@localhost.de"});
    exp.mount(&server, json_response(200, &token)).await;
    let c = client(&server);

    let result = c.request_password_change().body(body.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &token);

    let err_body = r#"{"errors":[{"message":"user not found"}]}"#;
    mount_error(&server, &exp, 404, err_body).await;
    assert_status_error!(
        finapi_client,
        c.request_password_change().body(body).await,
        404,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn verify_user() {
    let server = MockServer::start().await;
    let id = "user 1";
    let exp = expect("POST", "/api/v1/users/verify/{userId}").path_param("userId", id);
    exp.mount(&server, raw_response(200, "")).await;
    let c = client(&server);

    let result = c.verify_user(id).await;
    exp.verify(&server).await;
    let response: ApiResponse<()> = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);

    let err_body = r#"{"errors":[{"message":"already verified"}]}"#;
    mount_error(&server, &exp, 422, err_body).await;
    assert_status_error!(
        finapi_client,
        c.verify_user(id).await,
        422,
        err_body.as_bytes(),
        None
    );
}

/// "Accept: Not defined": the client states no preference. reqwest always sends an
/// `Accept` header, so that is the wildcard `*/*` (which HTTP defines as no preference),
/// never `application/json` or anything narrower.
#[tokio::test]
async fn accept_not_defined_sends_the_wildcard() {
    let server = MockServer::start().await;
    let exp = Expect::get("/api/v1/users")
        .bearer(TOKEN)
        .header("accept", "*/*");
    exp.mount(&server, json_response(200, &user())).await;

    let result = client(&server).get_authorized_user().await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().status().as_u16(), 200);
}
