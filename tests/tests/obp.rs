//! obp-client on the wire, against specs/obp/UserApi.md.
//!
//! Base URL `http://test.openbankproject.com` (no base path): the client gets
//! `{mock}` and the mock sees `/obp/v5.0.0/...` as documented.
//!
//! Every operation lists `directLogin, gatewayLogin`: two API keys whose key
//! name is `Authorization` (header). With both configured exactly one
//! `Authorization` header goes out, the first in doc order (`directLogin`).
//! The docs say "Content-Type: Not defined" and "Accept: Not defined"
//! everywhere: where an operation has a `body` parameter it is sent as JSON
//! (on GET and DELETE too), otherwise nothing; no media type is asked for.
//! The docs have no response tables: error statuses carry no documented
//! description; void operations (`void (empty response body)`) give
//! `ApiResponse<()>` and accept an empty body.

use std::future::Future;
use std::time::Duration;

use e2e::{assert_status_error, json_response, mount_error, Expect};
use obp_client::{ApiResponse, Client, RetryPolicy};
use serde_json::{json, Value};
use wiremock::{MockServer, ResponseTemplate};

const DIRECT_LOGIN: &str = r#"DirectLogin token="eyJhbGciOiJIUzI1NiJ9.direct""#;
const GATEWAY_LOGIN: &str = r#"GatewayLogin token="eyJhbGciOiJIUzI1NiJ9.gateway""#;

// Path values: every one must arrive as exactly one segment, decoding back
// to itself. Spaces, `/`, `?`, `#`, `%`, `;`, `,`, `+`, `@`, `..` inside a
// value and non-ASCII are all represented.
const USER_ID: &str = "9ca9a7e4 6d02/40e3";
const ENTITLEMENT_ID: &str = "ent?1#2";
const BANK_ID: &str = "gh.29.uk";
const ACCOUNT_ID: &str = "a..b";
/// The doc: "All url parameters must be %-encoded, which is often especially
/// relevant for USER_ID and PROVIDER."
const PROVIDER: &str = "https://auth.example.com/x?y=1";
const PROVIDER_ID: &str = "jürgen 100%";
const ENTITLEMENT_REQUEST_ID: &str = "req/1";
const USER_AUTH_CONTEXT_ID: &str = "ctx ü";
const USERNAME: &str = "felix+smith@example.com";
const AUTH_CONTEXT_UPDATE_ID: &str = "upd;1,2";
const SCA_METHOD: &str = "EMAIL";

/// Both API keys configured.
fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .direct_login(DIRECT_LOGIN)
        .gateway_login(GATEWAY_LOGIN)
        .retry_policy(RetryPolicy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

/// Every OBP operation: `Authorization` carries the directLogin key (once),
/// no `Accept` media type.
fn obp(method: &str, template: &str) -> Expect {
    Expect::new(method, template)
        .header("authorization", DIRECT_LOGIN)
        .no_accept()
}

/// Runs one operation twice against the mock: first answered with the
/// success status (`answer` as JSON body, or an empty body for void
/// operations), checking the request and the decoded answer; then answered
/// with `error`, which must come back as `Error::Status` keeping status and
/// body. `body` is the operation's JSON body (sent and expected), if any.
async fn check<T, F, Fut>(
    exp: Expect,
    body: Option<Value>,
    success: u16,
    answer: Option<Value>,
    error: u16,
    call: F,
) where
    T: Into<Value> + std::fmt::Debug,
    F: Fn(Client, Value) -> Fut,
    Fut: Future<Output = Result<ApiResponse<T>, obp_client::Error>>,
{
    let server = MockServer::start().await;
    let exp = match &body {
        Some(b) => exp.json_body(b.clone()),
        None => exp,
    };
    let ok = match &answer {
        Some(a) => json_response(success, a),
        None => ResponseTemplate::new(success),
    };
    exp.mount(&server, ok).await;
    let c = client(&server);
    let arg = body.unwrap_or(Value::Null);

    let result = call(c.clone(), arg.clone()).await;
    exp.verify(&server).await;
    let response = result.unwrap();
    assert_eq!(response.status().as_u16(), success);
    let decoded: Value = response.into_body().into();
    assert_eq!(decoded, answer.unwrap_or(Value::Null));

    let err_body =
        format!(r#"{{"code":{error},"message":"OBP-20006: User is missing one or more roles"}}"#);
    mount_error(&server, &exp, error, &err_body).await;
    assert_status_error!(
        obp_client,
        call(c, arg).await,
        error,
        err_body.as_bytes(),
        None
    );
}

#[tokio::test]
async fn o_bpv2_0_0_add_entitlement() {
    check(
        obp("POST", "/obp/v5.0.0/users/{USER_ID}/entitlements")
            .path_param("USER_ID", USER_ID),
        Some(json!({"bank_id": "gh.29.uk", "role_name": "CanCreateAccount"})),
        201,
        Some(json!({"entitlement_id": "6fb17583-1e49-4435-bb74-a14fe0996723", "role_name": "CanCreateAccount", "bank_id": "gh.29.uk"})),
        403,
        |c, body| async move { c.o_bpv2_0_0_add_entitlement(USER_ID, body).await },
    )
    .await;
}

/// The doc: "Returns 409 error if username not unique."
#[tokio::test]
async fn o_bpv2_0_0_create_user() {
    check(
        obp("POST", "/obp/v5.0.0/users"),
        Some(json!({"email": "felixsmith@example.com", "username": "felixsmith", "password": "fhka77uefassEE", "first_name": "Felix", "last_name": "Smith"})),
        201,
        Some(json!({"user_id": "9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1", "email": "felixsmith@example.com", "provider_id": "felixsmith", "provider": "http://127.0.0.1:8080", "username": "felixsmith", "entitlements": {"list": []}})),
        409,
        |c, body| async move { c.o_bpv2_0_0_create_user(body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv2_0_0_delete_entitlement() {
    check(
        obp(
            "DELETE",
            "/obp/v5.0.0/users/{USER_ID}/entitlement/{ENTITLEMENT_ID}",
        )
        .path_param("USER_ID", USER_ID)
        .path_param("ENTITLEMENT_ID", ENTITLEMENT_ID),
        Some(json!({})),
        200,
        Some(json!({})),
        404,
        |c, body| async move {
            c.o_bpv2_0_0_delete_entitlement(USER_ID, ENTITLEMENT_ID, body)
                .await
        },
    )
    .await;
}

#[tokio::test]
async fn o_bpv2_0_0_get_permissions_for_bank_account() {
    check(
        obp("GET", "/obp/v5.0.0/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/permissions")
            .path_param("BANK_ID", BANK_ID)
            .path_param("ACCOUNT_ID", ACCOUNT_ID),
        Some(json!({})),
        200,
        Some(json!({"permissions": [{"user": {"id": "5995d6a2", "provider": "http://127.0.0.1:8080", "display_name": "OBP"}, "views": []}]})),
        403,
        |c, body| async move { c.o_bpv2_0_0_get_permissions_for_bank_account(BANK_ID, ACCOUNT_ID, body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv2_1_0_get_entitlements_by_bank_and_user() {
    check(
        obp("GET", "/obp/v5.0.0/banks/{BANK_ID}/users/{USER_ID}/entitlements")
            .path_param("BANK_ID", BANK_ID)
            .path_param("USER_ID", USER_ID),
        Some(json!({})),
        200,
        Some(json!({"list": [{"entitlement_id": "6fb17583", "role_name": "CanCreateAccount", "bank_id": "gh.29.uk"}]})),
        401,
        |c, body| async move { c.o_bpv2_1_0_get_entitlements_by_bank_and_user(BANK_ID, USER_ID, body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_0_0_add_entitlement_request() {
    check(
        obp("POST", "/obp/v5.0.0/entitlement-requests"),
        Some(json!({"bank_id": "", "role_name": "CanGetAnyUser"})),
        201,
        Some(json!({"entitlement_request_id": "6fb17583", "user": {"user_id": "9ca9a7e4"}, "role_name": "CanGetAnyUser", "bank_id": "", "created": "2017-09-19T00:00:00Z"})),
        400,
        |c, body| async move { c.o_bpv3_0_0_add_entitlement_request(body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_0_0_delete_entitlement_request() {
    check(
        obp(
            "DELETE",
            "/obp/v5.0.0/entitlement-requests/{ENTITLEMENT_REQUEST_ID}",
        )
        .path_param("ENTITLEMENT_REQUEST_ID", ENTITLEMENT_REQUEST_ID),
        None,
        204,
        None,
        404,
        |c, _| async move {
            c.o_bpv3_0_0_delete_entitlement_request(ENTITLEMENT_REQUEST_ID)
                .await
        },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_0_0_get_all_entitlement_requests() {
    check(
        obp("GET", "/obp/v5.0.0/entitlement-requests"),
        None,
        200,
        Some(json!({"entitlement_requests": []})),
        403,
        |c, _| async move { c.o_bpv3_0_0_get_all_entitlement_requests().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_0_0_get_current_user() {
    check(
        obp("GET", "/obp/v5.0.0/users/current"),
        None,
        200,
        Some(json!({"user_id": "9ca9a7e4", "email": "felixsmith@example.com", "username": "felixsmith"})),
        401,
        |c, _| async move { c.o_bpv3_0_0_get_current_user().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_0_0_get_customers_for_user() {
    check(
        obp("GET", "/obp/v5.0.0/users/current/customers"),
        None,
        200,
        Some(json!({"customers": [{"bank_id": "gh.29.uk", "customer_id": "7uy8a7e4", "customer_number": "5987953"}]})),
        401,
        |c, _| async move { c.o_bpv3_0_0_get_customers_for_user().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_0_0_get_entitlement_requests() {
    check(
        obp("GET", "/obp/v5.0.0/users/{USER_ID}/entitlement-requests")
            .path_param("USER_ID", USER_ID),
        None,
        200,
        Some(json!({"entitlement_requests": []})),
        403,
        |c, _| async move { c.o_bpv3_0_0_get_entitlement_requests(USER_ID).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_0_0_get_entitlement_requests_for_current_user() {
    check(
        obp("GET", "/obp/v5.0.0/my/entitlement-requests"),
        None,
        200,
        Some(json!({"entitlement_requests": []})),
        401,
        |c, _| async move {
            c.o_bpv3_0_0_get_entitlement_requests_for_current_user()
                .await
        },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_0_0_get_entitlements_for_current_user() {
    check(
        obp("GET", "/obp/v5.0.0/my/entitlements"),
        None,
        200,
        Some(json!({"list": []})),
        401,
        |c, _| async move { c.o_bpv3_0_0_get_entitlements_for_current_user().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_0_0_get_permission_for_user_for_bank_account() {
    check(
        obp("GET", "/obp/v5.0.0/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/permissions/{PROVIDER}/{PROVIDER_ID}")
            .path_param("BANK_ID", BANK_ID)
            .path_param("ACCOUNT_ID", ACCOUNT_ID)
            .path_param("PROVIDER", PROVIDER)
            .path_param("PROVIDER_ID", PROVIDER_ID),
        None,
        200,
        Some(json!({"views": [{"id": "owner", "short_name": "Owner"}]})),
        404,
        |c, _| async move { c.o_bpv3_0_0_get_permission_for_user_for_bank_account(BANK_ID, ACCOUNT_ID, PROVIDER, PROVIDER_ID).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_1_0_delete_user_auth_context_by_id() {
    check(
        obp(
            "DELETE",
            "/obp/v5.0.0/users/{USER_ID}/auth-context/{USER_AUTH_CONTEXT_ID}",
        )
        .path_param("USER_ID", USER_ID)
        .path_param("USER_AUTH_CONTEXT_ID", USER_AUTH_CONTEXT_ID),
        None,
        204,
        None,
        404,
        |c, _| async move {
            c.o_bpv3_1_0_delete_user_auth_context_by_id(USER_ID, USER_AUTH_CONTEXT_ID)
                .await
        },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_1_0_delete_user_auth_contexts() {
    check(
        obp("DELETE", "/obp/v5.0.0/users/{USER_ID}/auth-context").path_param("USER_ID", USER_ID),
        None,
        200,
        None,
        403,
        |c, _| async move { c.o_bpv3_1_0_delete_user_auth_contexts(USER_ID).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_1_0_get_bad_login_status() {
    check(
        obp("GET", "/obp/v5.0.0/users/{USERNAME}/lock-status")
            .path_param("USERNAME", USERNAME),
        None,
        200,
        Some(json!({"username": "felixsmith", "bad_attempts_since_last_success_or_reset": 0, "last_failure_date": "2017-09-19T00:00:00Z"})),
        404,
        |c, _| async move { c.o_bpv3_1_0_get_bad_login_status(USERNAME).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_1_0_refresh_user() {
    check(
        obp("POST", "/obp/v5.0.0/users/{USER_ID}/refresh").path_param("USER_ID", USER_ID),
        None,
        201,
        Some(json!({"duration_time": "100 ms"})),
        400,
        |c, _| async move { c.o_bpv3_1_0_refresh_user(USER_ID).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv3_1_0_unlock_user() {
    check(
        obp("PUT", "/obp/v5.0.0/users/{USERNAME}/lock-status").path_param("USERNAME", USERNAME),
        None,
        200,
        Some(json!({"username": "felixsmith", "bad_attempts_since_last_success_or_reset": 0})),
        404,
        |c, _| async move { c.o_bpv3_1_0_unlock_user(USERNAME).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_create_current_user_attribute() {
    check(
        obp("POST", "/obp/v5.0.0/my/user/attributes"),
        Some(json!({"name": "ROLE", "type": "STRING", "value": "TELLER"})),
        201,
        Some(json!({"user_attribute_id": "613c83ea", "name": "ROLE", "type": "STRING", "value": "TELLER", "insert_date": "2017-09-19T00:00:00Z"})),
        400,
        |c, body| async move { c.o_bpv4_0_0_create_current_user_attribute(body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_create_user_customer_links() {
    check(
        obp("POST", "/obp/v5.0.0/banks/{BANK_ID}/user_customer_links")
            .path_param("BANK_ID", BANK_ID),
        Some(json!({"user_id": "9ca9a7e4", "customer_id": "7uy8a7e4"})),
        201,
        Some(json!({"user_customer_link_id": "9ca9a7e4", "customer_id": "7uy8a7e4", "user_id": "9ca9a7e4", "date_inserted": "2017-09-19T00:00:00Z", "is_active": true})),
        400,
        |c, body| async move { c.o_bpv4_0_0_create_user_customer_links(BANK_ID, body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_create_user_with_account_access() {
    check(
        obp("POST", "/obp/v5.0.0/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/user-account-access")
            .path_param("BANK_ID", BANK_ID)
            .path_param("ACCOUNT_ID", ACCOUNT_ID),
        Some(json!({"username": "0x84b7b9a0f0cb1e4aa3c9f8e4b0e76d8e4d2e6b3c", "provider": "dauth", "views": [{"view_id": "owner"}]})),
        201,
        Some(json!({"views": [{"id": "owner"}]})),
        400,
        |c, body| async move { c.o_bpv4_0_0_create_user_with_account_access(BANK_ID, ACCOUNT_ID, body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_create_user_with_roles() {
    check(
        obp("POST", "/obp/v5.0.0/user-entitlements"),
        Some(json!({"username": "0x84b7b9a0", "provider": "dauth", "roles": [{"bank_id": "gh.29.uk", "role_name": "CanGetCustomersAtOneBank"}]})),
        201,
        Some(json!({"list": [{"entitlement_id": "6fb17583", "role_name": "CanGetCustomersAtOneBank", "bank_id": "gh.29.uk", "user_id": "9ca9a7e4"}]})),
        403,
        |c, body| async move { c.o_bpv4_0_0_create_user_with_roles(body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_delete_user() {
    check(
        obp("DELETE", "/obp/v5.0.0/users/{USER_ID}").path_param("USER_ID", USER_ID),
        None,
        204,
        None,
        404,
        |c, _| async move { c.o_bpv4_0_0_delete_user(USER_ID).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_current_user_attributes() {
    check(
        obp("GET", "/obp/v5.0.0/my/user/attributes"),
        None,
        200,
        Some(json!({"user_attributes": [{"user_attribute_id": "613c83ea", "name": "ROLE", "type": "STRING", "value": "TELLER"}]})),
        401,
        |c, _| async move { c.o_bpv4_0_0_get_current_user_attributes().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_current_user_id() {
    check(
        obp("GET", "/obp/v5.0.0/users/current/user_id"),
        None,
        200,
        Some(json!({"user_id": "9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1"})),
        401,
        |c, _| async move { c.o_bpv4_0_0_get_current_user_id().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_customers_at_any_bank() {
    check(
        obp("GET", "/obp/v5.0.0/customers"),
        None,
        200,
        Some(json!({"customers": []})),
        403,
        |c, _| async move { c.o_bpv4_0_0_get_customers_at_any_bank().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_customers_minimal_at_any_bank() {
    check(
        obp("GET", "/obp/v5.0.0/customers-minimal"),
        None,
        200,
        Some(json!({"customers": [{"bank_id": "gh.29.uk", "customer_id": "7uy8a7e4"}]})),
        403,
        |c, _| async move { c.o_bpv4_0_0_get_customers_minimal_at_any_bank().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_entitlements() {
    check(
        obp("GET", "/obp/v5.0.0/users/{USER_ID}/entitlements").path_param("USER_ID", USER_ID),
        None,
        200,
        Some(json!({"list": []})),
        403,
        |c, _| async move { c.o_bpv4_0_0_get_entitlements(USER_ID).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_entitlements_for_bank() {
    check(
        obp("GET", "/obp/v5.0.0/banks/{BANK_ID}/entitlements").path_param("BANK_ID", BANK_ID),
        None,
        200,
        Some(json!({"list": []})),
        404,
        |c, _| async move { c.o_bpv4_0_0_get_entitlements_for_bank(BANK_ID).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_logout_link() {
    check(
        obp("GET", "/obp/v5.0.0/users/current/logout-link"),
        None,
        200,
        Some(json!({"link": "http://127.0.0.1:8080/user_mgt/logout"})),
        401,
        |c, _| async move { c.o_bpv4_0_0_get_logout_link().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_my_spaces() {
    check(
        obp("GET", "/obp/v5.0.0/my/spaces"),
        None,
        200,
        Some(json!({"bank_ids": ["gh.29.uk"]})),
        401,
        |c, _| async move { c.o_bpv4_0_0_get_my_spaces().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_user_by_user_id() {
    check(
        obp("GET", "/obp/v5.0.0/users/user_id/{USER_ID}").path_param("USER_ID", USER_ID),
        None,
        200,
        Some(json!({"user_id": "9ca9a7e4", "username": "felixsmith", "is_deleted": false})),
        404,
        |c, _| async move { c.o_bpv4_0_0_get_user_by_user_id(USER_ID).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_user_by_username() {
    check(
        obp("GET", "/obp/v5.0.0/users/username/{USERNAME}").path_param("USERNAME", USERNAME),
        None,
        200,
        Some(json!({"user_id": "9ca9a7e4", "username": "felixsmith"})),
        404,
        |c, _| async move { c.o_bpv4_0_0_get_user_by_username(USERNAME).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_get_user_with_attributes() {
    check(
        obp("GET", "/obp/v5.0.0/users/{USER_ID}/attributes").path_param("USER_ID", USER_ID),
        None,
        200,
        Some(json!({"user_id": "9ca9a7e4", "user_attributes": []})),
        404,
        |c, _| async move { c.o_bpv4_0_0_get_user_with_attributes(USER_ID).await },
    )
    .await;
}

/// The parameter table is empty: none of the pagination parameters the
/// description mentions (`limit` default 50, `offset` default 0,
/// `sort_direction` default DESC) is sent.
#[tokio::test]
async fn o_bpv4_0_0_get_users() {
    check(
        obp("GET", "/obp/v5.0.0/users"),
        None,
        200,
        Some(json!({"users": [{"user_id": "9ca9a7e4", "username": "felixsmith"}]})),
        403,
        |c, _| async move { c.o_bpv4_0_0_get_users().await },
    )
    .await;
}

/// The documented path is `/obp/v5.0.0/users/email/EMAIL/terminator`, with a
/// literal `EMAIL` (no placeholder, no parameter), and so is the request.
#[tokio::test]
async fn o_bpv4_0_0_get_users_by_email() {
    check(
        obp("GET", "/obp/v5.0.0/users/email/EMAIL/terminator"),
        None,
        200,
        Some(json!({"users": []})),
        403,
        |c, _| async move { c.o_bpv4_0_0_get_users_by_email().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_grant_user_access_to_view() {
    check(
        obp(
            "POST",
            "/obp/v5.0.0/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/account-access/grant",
        )
        .path_param("BANK_ID", BANK_ID)
        .path_param("ACCOUNT_ID", ACCOUNT_ID),
        Some(json!({"user_id": "9ca9a7e4", "view": {"view_id": "owner", "is_system": true}})),
        201,
        Some(json!({"id": "owner", "short_name": "Owner", "is_system": true})),
        400,
        |c, body| async move {
            c.o_bpv4_0_0_grant_user_access_to_view(BANK_ID, ACCOUNT_ID, body)
                .await
        },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_lock_user() {
    check(
        obp("POST", "/obp/v5.0.0/users/{USERNAME}/locks")
            .path_param("USERNAME", USERNAME),
        None,
        201,
        Some(json!({"user_id": "9ca9a7e4", "type_of_lock": "lock_via_api", "last_lock_date": "2017-09-19T00:00:00Z"})),
        404,
        |c, _| async move { c.o_bpv4_0_0_lock_user(USERNAME).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_reset_password_url() {
    check(
        obp("POST", "/obp/v5.0.0/management/user/reset-password-url"),
        Some(json!({"username": "felixsmith", "email": "felixsmith@example.com", "user_id": "9ca9a7e4"})),
        201,
        Some(json!({"reset_password_url": "https://api.example.com/user_mgt/reset_password/QOL1CPNJPCZ4BRMPX3Z01DPOX1HMGU3L"})),
        400,
        |c, body| async move { c.o_bpv4_0_0_reset_password_url(body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_revoke_grant_user_access_to_views() {
    check(
        obp(
            "PUT",
            "/obp/v5.0.0/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/account-access",
        )
        .path_param("BANK_ID", BANK_ID)
        .path_param("ACCOUNT_ID", ACCOUNT_ID),
        Some(json!({"json": {"views": ["owner"]}})),
        201,
        Some(json!({"revoked": true})),
        400,
        |c, body| async move {
            c.o_bpv4_0_0_revoke_grant_user_access_to_views(BANK_ID, ACCOUNT_ID, body)
                .await
        },
    )
    .await;
}

#[tokio::test]
async fn o_bpv4_0_0_revoke_user_access_to_view() {
    check(
        obp(
            "POST",
            "/obp/v5.0.0/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/account-access/revoke",
        )
        .path_param("BANK_ID", BANK_ID)
        .path_param("ACCOUNT_ID", ACCOUNT_ID),
        Some(json!({"user_id": "9ca9a7e4", "view": {"view_id": "owner", "is_system": true}})),
        201,
        Some(json!({"revoked": true})),
        400,
        |c, body| async move {
            c.o_bpv4_0_0_revoke_user_access_to_view(BANK_ID, ACCOUNT_ID, body)
                .await
        },
    )
    .await;
}

/// The documented path ends in a literal `USER_ATTRIBUTE_ID` (no
/// placeholder, no parameter), and so does the request.
#[tokio::test]
async fn o_bpv4_0_0_update_current_user_attribute() {
    check(
        obp("PUT", "/obp/v5.0.0/my/user/attributes/USER_ATTRIBUTE_ID"),
        Some(json!({"name": "ROLE", "type": "STRING", "value": "MANAGER"})),
        200,
        Some(json!({"user_attribute_id": "613c83ea", "name": "ROLE", "type": "STRING", "value": "MANAGER"})),
        400,
        |c, body| async move { c.o_bpv4_0_0_update_current_user_attribute(body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv5_0_0_answer_user_auth_context_update_challenge() {
    check(
        obp("POST", "/obp/v5.0.0/banks/{BANK_ID}/users/current/auth-context-updates/{AUTH_CONTEXT_UPDATE_ID}/challenge")
            .path_param("BANK_ID", BANK_ID)
            .path_param("AUTH_CONTEXT_UPDATE_ID", AUTH_CONTEXT_UPDATE_ID),
        Some(json!({"answer": "123"})),
        200,
        Some(json!({"user_auth_context_update_id": "613c83ea", "user_id": "9ca9a7e4", "key": "CUSTOMER_NUMBER", "value": "78987432", "challenge": "123", "status": "ACCEPTED"})),
        400,
        |c, body| async move { c.o_bpv5_0_0_answer_user_auth_context_update_challenge(BANK_ID, AUTH_CONTEXT_UPDATE_ID, body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv5_0_0_create_user_auth_context() {
    check(
        obp("POST", "/obp/v5.0.0/users/{USER_ID}/auth-context")
            .path_param("USER_ID", USER_ID),
        Some(json!({"key": "CUSTOMER_NUMBER", "value": "78987432"})),
        201,
        Some(json!({"user_auth_context_id": "613c83ea", "user_id": "9ca9a7e4", "key": "CUSTOMER_NUMBER", "value": "78987432"})),
        400,
        |c, body| async move { c.o_bpv5_0_0_create_user_auth_context(USER_ID, body).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv5_0_0_create_user_auth_context_update_request() {
    check(
        obp(
            "POST",
            "/obp/v5.0.0/banks/{BANK_ID}/users/current/auth-context-updates/{SCA_METHOD}",
        )
        .path_param("BANK_ID", BANK_ID)
        .path_param("SCA_METHOD", SCA_METHOD),
        Some(json!({"key": "CUSTOMER_NUMBER", "value": "78987432"})),
        201,
        Some(json!({"user_auth_context_update_id": "613c83ea", "status": "INITIATED"})),
        400,
        |c, body| async move {
            c.o_bpv5_0_0_create_user_auth_context_update_request(BANK_ID, SCA_METHOD, body)
                .await
        },
    )
    .await;
}

#[tokio::test]
async fn o_bpv5_0_0_get_customers_at_one_bank() {
    check(
        obp("GET", "/obp/v5.0.0/banks/{BANK_ID}/customers").path_param("BANK_ID", BANK_ID),
        None,
        200,
        Some(json!({"customers": []})),
        403,
        |c, _| async move { c.o_bpv5_0_0_get_customers_at_one_bank(BANK_ID).await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv5_0_0_get_customers_minimal_at_one_bank() {
    check(
        obp("GET", "/obp/v5.0.0/banks/{BANK_ID}/customers-minimal").path_param("BANK_ID", BANK_ID),
        None,
        200,
        Some(json!({"customers": []})),
        403,
        |c, _| async move {
            c.o_bpv5_0_0_get_customers_minimal_at_one_bank(BANK_ID)
                .await
        },
    )
    .await;
}

#[tokio::test]
async fn o_bpv5_0_0_get_my_customers_at_any_bank() {
    check(
        obp("GET", "/obp/v5.0.0/my/customers"),
        None,
        200,
        Some(
            json!({"bank_id": "gh.29.uk", "customer_id": "7uy8a7e4", "customer_number": "5987953"}),
        ),
        401,
        |c, _| async move { c.o_bpv5_0_0_get_my_customers_at_any_bank().await },
    )
    .await;
}

#[tokio::test]
async fn o_bpv5_0_0_get_user_auth_contexts() {
    check(
        obp("GET", "/obp/v5.0.0/users/{USER_ID}/auth-context").path_param("USER_ID", USER_ID),
        None,
        200,
        Some(json!({"user_auth_contexts": []})),
        404,
        |c, _| async move { c.o_bpv5_0_0_get_user_auth_contexts(USER_ID).await },
    )
    .await;
}

#[tokio::test]
async fn gateway_login_alone_is_sent_as_authorization() {
    let server = MockServer::start().await;
    let exp = Expect::get("/obp/v5.0.0/users/current")
        .header("authorization", GATEWAY_LOGIN)
        .no_accept();
    let me = json!({"user_id": "9ca9a7e4"});
    exp.mount(&server, json_response(200, &me)).await;
    let c = Client::builder()
        .base_url(server.uri())
        .gateway_login(GATEWAY_LOGIN)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    let result = c.o_bpv3_0_0_get_current_user().await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().body().as_value(), &me);
}

#[tokio::test]
async fn void_operation_accepts_a_200_with_a_body_too() {
    let server = MockServer::start().await;
    let exp = obp("DELETE", "/obp/v5.0.0/users/{USER_ID}").path_param("USER_ID", "u1");
    exp.mount(&server, json_response(200, &json!(true))).await;

    let result = client(&server).o_bpv4_0_0_delete_user("u1").await;
    exp.verify(&server).await;
    let response: ApiResponse<()> = result.unwrap();
    assert_eq!(response.status().as_u16(), 200);
}

/// "Accept: Not defined": the client states no preference. reqwest always sends an
/// `Accept` header, so that is the wildcard `*/*` (which HTTP defines as no preference),
/// never `application/json` or anything narrower.
#[tokio::test]
async fn accept_not_defined_sends_the_wildcard() {
    let server = MockServer::start().await;
    let exp = Expect::get("/obp/v5.0.0/users/current")
        .header("authorization", DIRECT_LOGIN)
        .header("accept", "*/*");
    exp.mount(&server, json_response(200, &json!({"user_id": "u1"})))
        .await;

    let result = client(&server).o_bpv3_0_0_get_current_user().await;
    exp.verify(&server).await;
    assert_eq!(result.unwrap().status().as_u16(), 200);
}
