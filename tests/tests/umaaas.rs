//! umaaas-client on the wire, against specs/umaaas/UsersApi.md.
//!
//! Base URL `https://api.lightspark.com/umaaas/v1`: the client gets
//! `{mock}/umaaas/v1` and the mock must see `/umaaas/v1/...`. Every operation
//! uses HTTP basic auth (`BasicAuth`) and `Accept: application/json`.

use std::time::Duration;

use e2e::{assert_status_error, json_response, mount_error, Expect, PartExpect, BASIC_USER_PASS};
use serde_json::{json, Value};
use umaaas_client::time::format_description::well_known::Rfc3339;
use umaaas_client::time::OffsetDateTime;
use umaaas_client::{Client, FilePart, RetryPolicy};
use wiremock::MockServer;

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(format!("{}/umaaas/v1", server.uri()))
        .basic_auth("user", "pass")
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

/// Every umaaas operation: basic auth and `Accept: application/json`.
fn expect(method: &str, template: &str) -> Expect {
    Expect::new(method, template)
        .header("authorization", BASIC_USER_PASS)
        .accept_json()
}

fn user() -> Value {
    json!({
        "id": "User:019542f5-b3e7-1d02-0000-000000000001",
        "umaAddress": "$jane.doe@uma.domain.com",
        "platformUserId": "7b3c5a89d2f1e0",
        "userType": "INDIVIDUAL",
        "fullName": "Jane Doe"
    })
}

/// A typed model from JSON: the model inferred from the doc's example must decode the
/// example, and (the request expectations check) encode it back to the same JSON.
fn model<T: serde::de::DeserializeOwned>(json: &serde_json::Value) -> T {
    serde_json::from_value(json.clone()).expect("the doc's example decodes into its model")
}

fn date_time(text: &str) -> OffsetDateTime {
    OffsetDateTime::parse(text, &Rfc3339).unwrap()
}

#[tokio::test]
async fn create_user() {
    let server = MockServer::start().await;
    // The request body of the doc's example, as given.
    let body = json!({"umaAddress":"$jane.doe@uma.domain.com","platformUserId":"7b3c5a89d2f1e0","userType":"INDIVIDUAL","fullName":"Jane Doe","dateOfBirth":"1992-03-25","address":{"line1":"123 Pine Street","line2":"Unit 501","city":"Seattle","state":"WA","postalCode":"98101","country":"US"},"bankAccountInfo":{"accountType":"US_ACCOUNT","accountNumber":"12345678901","routingNumber":"123456789","accountCategory":"CHECKING","bankName":"Chase Bank","platformAccountId":"chase_primary_1234"}});
    let exp = expect("POST", "/umaaas/v1/users").json_body(body.clone());
    exp.mount(&server, json_response(201, &user())).await;
    let c = client(&server);

    let result = c.create_user(model::<umaaas_client::models::ListUsers200ResponseDataInner>(&body)).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(serde_json::to_value(response.body()).unwrap(), user());

    let err_body = r#"{"code":"CONFLICT","message":"UMA address taken"}"#;
    mount_error(&server, &exp, 409, err_body).await;
    assert_status_error!(
        umaaas_client,
        c.create_user(model::<umaaas_client::models::ListUsers200ResponseDataInner>(&body)).await,
        409,
        err_body.as_bytes(),
        Some("Conflict - User with the UMA address already exists")
    );
}

#[tokio::test]
async fn delete_user_by_id() {
    let server = MockServer::start().await;
    // A space and a `/` stay inside the {userId} segment.
    let id = "User:01 a/b";
    let exp = expect("DELETE", "/umaaas/v1/users/{userId}").path_param("userId", id);
    exp.mount(&server, json_response(200, &user())).await;
    let c = client(&server);

    let result = c.delete_user_by_id(id).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(serde_json::to_value(response.body()).unwrap(), user());

    let err_body = r#"{"message":"gone"}"#;
    mount_error(&server, &exp, 410, err_body).await;
    assert_status_error!(
        umaaas_client,
        c.delete_user_by_id(id).await,
        410,
        err_body.as_bytes(),
        Some("User deleted already")
    );
}

#[tokio::test]
async fn get_bulk_user_import_job() {
    let server = MockServer::start().await;
    // `?` and `&` and `=` in a path value are not a query.
    let job = "Job:7?x=1&y";
    let exp = expect("GET", "/umaaas/v1/users/bulk/jobs/{jobId}").path_param("jobId", job);
    let status = json!({"jobId": job, "status": "PROCESSING", "progress": {"total": 5000, "processed": 2500}});
    exp.mount(&server, json_response(200, &status)).await;
    let c = client(&server);

    let result = c.get_bulk_user_import_job(job).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &status);
    assert_eq!(response.body().get("status"), Some(&json!("PROCESSING")));

    let err_body = r#"{"message":"no such job"}"#;
    mount_error(&server, &exp, 404, err_body).await;
    assert_status_error!(
        umaaas_client,
        c.get_bulk_user_import_job(job).await,
        404,
        err_body.as_bytes(),
        Some("Job not found")
    );
}

#[tokio::test]
async fn get_user_by_id() {
    let server = MockServer::start().await;
    let id = "a..b";
    let exp = expect("GET", "/umaaas/v1/users/{userId}").path_param("userId", id);
    exp.mount(&server, json_response(200, &user())).await;
    let c = client(&server);

    let result = c.get_user_by_id(id).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(serde_json::to_value(response.body()).unwrap(), user());

    let err_body = r#"{"message":"bad credentials"}"#;
    mount_error(&server, &exp, 401, err_body).await;
    assert_status_error!(
        umaaas_client,
        c.get_user_by_id(id).await,
        401,
        err_body.as_bytes(),
        Some("Unauthorized")
    );
}

#[tokio::test]
async fn list_users_with_every_filter() {
    let server = MockServer::start().await;
    let page = json!({"data": [user()], "hasMore": true, "nextCursor": "c2", "totalCount": 2});
    let exp = expect("GET", "/umaaas/v1/users")
        .query("platformUserId", "7b3c5a89d2f1e0")
        .query("umaAddress", "$jane.doe@uma.domain.com")
        .query("userType", "INDIVIDUAL")
        .query("createdAfter", "2024-01-02T03:04:05Z")
        .query("createdBefore", "2024-01-02T03:04:05+02:00")
        .query("updatedAfter", "2023-12-31T23:59:59Z")
        .query("updatedBefore", "2024-02-29T12:00:00Z")
        .query("limit", "100")
        .query("cursor", "a b+c&d=e");
    exp.mount(&server, json_response(200, &page)).await;
    let c = client(&server);
    let call = || {
        c.list_users()
            .platform_user_id("7b3c5a89d2f1e0")
            .uma_address("$jane.doe@uma.domain.com")
            .user_type("INDIVIDUAL")
            .created_after(date_time("2024-01-02T03:04:05Z"))
            .created_before(date_time("2024-01-02T03:04:05+02:00"))
            .updated_after(date_time("2023-12-31T23:59:59Z"))
            .updated_before(date_time("2024-02-29T12:00:00Z"))
            .limit(100)
            .cursor("a b+c&d=e")
    };

    let result = call().await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.body().as_value(), &page);

    let err_body = r#"{"message":"limit too large"}"#;
    mount_error(&server, &exp, 400, err_body).await;
    assert_status_error!(
        umaaas_client,
        call().await,
        400,
        err_body.as_bytes(),
        Some("Bad request - Invalid parameters")
    );
}

#[tokio::test]
async fn list_users_sends_no_unset_filter_and_no_default_limit() {
    let server = MockServer::start().await;
    let page = json!({"data": [], "hasMore": false});
    // No query at all: `limit` defaults to 20 on the server and is not sent.
    let exp = expect("GET", "/umaaas/v1/users");
    exp.mount(&server, json_response(200, &page)).await;

    let result = client(&server).list_users().await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().body().as_value(), &page);
}

#[tokio::test]
async fn update_user_by_id() {
    let server = MockServer::start().await;
    let id = "Usér ü";
    // The request body of the doc's example, as given.
    let body = json!({"userType":"INDIVIDUAL","fullName":"John Smith","dateOfBirth":"1985-06-15","address":{"line1":"456 Market St","city":"San Francisco","state":"CA","postalCode":"94103","country":"US"},"bankAccountInfo":{"accountType":"US_ACCOUNT","accountNumber":"11122233344","routingNumber":"111222333","accountCategory":"CHECKING","bankName":"Wells Fargo","platformAccountId":"wf_checking_9012"}});
    let exp = expect("PATCH", "/umaaas/v1/users/{userId}")
        .path_param("userId", id)
        .json_body(body.clone());
    exp.mount(&server, json_response(200, &user())).await;
    let c = client(&server);

    let result = c.update_user_by_id(id, model::<umaaas_client::models::UpdateUserByIdRequestModel>(&body)).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(serde_json::to_value(response.body()).unwrap(), user());

    let err_body = r#"{"message":"no such user"}"#;
    mount_error(&server, &exp, 404, err_body).await;
    assert_status_error!(
        umaaas_client,
        c.update_user_by_id(id, model::<umaaas_client::models::UpdateUserByIdRequestModel>(&body)).await,
        404,
        err_body.as_bytes(),
        Some("User not found")
    );
}

const CSV: &[u8] = b"umaAddress,platformUserId,userType,fullName\n$john.doe@uma.domain.com,user123,INDIVIDUAL,John Doe\n";

#[tokio::test]
async fn upload_users_csv() {
    let server = MockServer::start().await;
    let accepted =
        json!({"jobId": "Job:019542f5-b3e7-1d02-0000-000000000006", "status": "PENDING"});
    let exp = expect("POST", "/umaaas/v1/users/bulk/csv").multipart(vec![
        PartExpect::file("file", "users.csv", "text/csv", CSV),
        PartExpect::text("webhookUrl", "https://example.com/hooks/uma?x=1"),
    ]);
    exp.mount(&server, json_response(202, &accepted)).await;
    let c = client(&server);
    let call = || {
        c.upload_users_csv(
            FilePart::bytes(CSV)
                .file_name("users.csv")
                .content_type("text/csv"),
        )
        .webhook_url("https://example.com/hooks/uma?x=1")
    };

    let result = call().await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 202);
    assert_eq!(response.body().as_value(), &accepted);

    let err_body = r#"{"message":"missing column umaAddress"}"#;
    mount_error(&server, &exp, 400, err_body).await;
    assert_status_error!(
        umaaas_client,
        call().await,
        400,
        err_body.as_bytes(),
        Some("Bad request - Invalid CSV format or content")
    );
}

#[tokio::test]
async fn upload_users_csv_without_webhook_sends_only_the_file() {
    let server = MockServer::start().await;
    let accepted = json!({"jobId": "Job:1", "status": "PENDING"});
    let exp = expect("POST", "/umaaas/v1/users/bulk/csv").multipart(vec![PartExpect::file(
        "file",
        "users.csv",
        "text/csv",
        CSV,
    )]);
    exp.mount(&server, json_response(202, &accepted)).await;

    let result = client(&server)
        .upload_users_csv(
            FilePart::bytes(CSV)
                .file_name("users.csv")
                .content_type("text/csv"),
        )
        .send()
        .await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), 202);
    assert_eq!(response.body().as_value(), &accepted);
}
