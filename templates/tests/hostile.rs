//! Hostile servers and hostile arguments: random statuses, headers and body bytes through
//! the response handling, random raw HTTP answers on the wire, CR/LF in header values and
//! credentials. Nothing may panic; bodies stay within `max_body_bytes`; error messages stay
//! short (a bounded body prefix) and never show a secret. Case counts are bounded so that
//! `cargo test` stays fast.

use std::time::Duration;

use client_runtime::runtime::*;
use proptest::prelude::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

static DOCS: &[Documented] = &[
    Documented { status: "200", description: "OK" },
    Documented { status: "4XX", description: "Client trouble" },
    Documented { status: "default", description: "Anything else" },
];

static KEY_HEADER: AuthScheme = AuthScheme {
    name: "key_header",
    kind: AuthKind::ApiKey { location: KeyLocation::Header, name: "X-Api-Key" },
};
static KEY_QUERY: AuthScheme = AuthScheme {
    name: "key_query",
    kind: AuthKind::ApiKey { location: KeyLocation::Query, name: "api_key" },
};
static BEARER: AuthScheme = AuthScheme { name: "bearer", kind: AuthKind::Bearer };
static HEADER_ONLY: &[&AuthScheme] = &[&KEY_HEADER];
static QUERY_AND_BEARER: &[&AuthScheme] = &[&KEY_QUERY, &BEARER];

/// Longest `Display` of an error: one line, the body cut to a 512-byte prefix (each byte
/// at most one 3-byte replacement character), the decoder's message, the operation.
const MAX_DISPLAY: usize = 4096;

#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct Pet {
    id: u64,
    name: String,
    tags: Vec<String>,
}

fn check_error(e: &Error) {
    let shown = e.to_string();
    assert!(shown.len() <= MAX_DISPLAY, "Display is {} bytes: {}", shown.len(), &shown[..200]);
    assert!(!shown.contains(['\r', '\n']), "Display spans lines: {shown:?}");
    let debug = format!("{e:?}");
    // Debug shows the headers too; the body is still a prefix.
    assert!(debug.len() <= MAX_DISPLAY + 64 * 1024, "Debug is {} bytes", debug.len());
}

fn body_strategy() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..600),
        "[ -~]{0,300}".prop_map(String::into_bytes),
        // JSON-ish: right and wrong shapes, huge strings the decoder might quote back.
        (0usize..200_000, any::<u8>()).prop_map(|(n, c)| {
            format!("\"{}\"", char::from(b'a' + c % 26).to_string().repeat(n)).into_bytes()
        }),
        (0usize..100_000).prop_map(|n| format!("{{\"id\":1,\"name\":\"{}\"", "x".repeat(n)).into_bytes()),
        (0usize..50_000).prop_map(|n| format!("{{\"id\":\"{}\",\"name\":1,\"tags\":[]}}", "9".repeat(n)).into_bytes()),
        Just(b"{\"id\":1,\"name\":\"a\",\"tags\":[]}".to_vec()),
        Just(b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".repeat(40)),
        Just(vec![0xff, 0xfe, 0x00, b'\r', b'\n', 0x1b]),
    ]
}

fn headers_strategy() -> impl Strategy<Value = HeaderMap> {
    proptest::collection::vec(("[a-zA-Z0-9!#$%&'*+.^_`|~-]{1,20}", proptest::collection::vec(any::<u8>(), 0..40)), 0..6)
        .prop_map(|pairs| {
            let mut h = HeaderMap::new();
            for (name, value) in pairs {
                if let (Ok(n), Ok(v)) = (
                    reqwest::header::HeaderName::from_bytes(name.as_bytes()),
                    reqwest::header::HeaderValue::from_bytes(&value),
                ) {
                    h.append(n, v);
                }
            }
            h
        })
}

fn raw(status: u16, headers: HeaderMap, body: Vec<u8>) -> RawResponse {
    RawResponse { status: StatusCode::from_u16(status).unwrap(), headers, body: body.into() }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every decoding of any status, headers and body: a value or an error, never a panic;
    /// errors keep the whole body for the caller but show only a bounded prefix.
    #[test]
    fn any_response_decodes_or_errs_with_a_bounded_message(
        status in 100u16..1000,
        headers in headers_strategy(),
        body in body_strategy(),
    ) {
        let r = raw(status, headers, body.clone());
        let _ = documented_description(r.status, DOCS);
        let outcomes: Vec<Result<(), Error>> = vec![
            r.clone().json::<serde_json::Value>("op", DOCS).map(drop),
            r.clone().json::<Pet>("op", DOCS).map(drop),
            r.clone().json::<Option<Vec<Pet>>>("op", DOCS).map(drop),
            r.clone().json::<()>("op", DOCS).map(drop),
            r.clone().empty("op", DOCS).map(drop),
            r.clone().bytes("op", DOCS).map(drop),
            r.clone().text("op", DOCS).map(drop),
            Err(r.clone().into_error("op", DOCS)),
        ];
        for outcome in outcomes {
            match outcome {
                Ok(()) => prop_assert!((200..300).contains(&status)),
                Err(e) => {
                    check_error(&e);
                    // The caller still gets every byte.
                    if let Some(kept) = e.body() {
                        prop_assert_eq!(kept, &body[..]);
                    }
                }
            }
        }
    }
}

/// A megabyte-long JSON string where a struct was expected: the decoder's message would
/// quote it whole; `Display` must not.
#[test]
fn decode_error_of_a_huge_string_stays_short() {
    let body = format!("\"{}\"", "A".repeat(1 << 20));
    let e = raw(200, HeaderMap::new(), body.clone().into_bytes()).json::<Pet>("op", DOCS).unwrap_err();
    check_error(&e);
    assert!(e.to_string().starts_with("op: could not decode the 200 OK response as `"), "{e}");
    assert_eq!(e.body().unwrap().len(), body.len());
}

/// A server on 127.0.0.1 that answers one request with `response`, then closes.
async fn one_shot(response: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        if let Ok((mut socket, _)) = listener.accept().await {
            let mut buf = [0u8; 8192];
            let _ = socket.read(&mut buf).await;
            let _ = socket.write_all(&response).await;
            let _ = socket.shutdown().await;
        }
    });
    format!("http://{addr}")
}

fn wire_response() -> impl Strategy<Value = Vec<u8>> {
    let status_line = prop_oneof![
        (0u16..1000).prop_map(|s| format!("HTTP/1.1 {s} X\r\n")),
        Just("HTTP/1.1 200\r\n".to_string()),
        Just("HTTP/2 200 OK\r\n".to_string()),
        Just("garbage\r\n".to_string()),
        "[ -~]{0,40}\r\n",
    ];
    let header = prop_oneof![
        (0u64..u64::MAX).prop_map(|n| format!("content-length: {n}\r\n")),
        Just("content-length: -1\r\n".to_string()),
        Just("content-length: 5\r\ncontent-length: 7\r\n".to_string()),
        Just("transfer-encoding: chunked\r\n".to_string()),
        Just("content-type: application/json\r\n".to_string()),
        Just("retry-after: 99999999999999999999\r\n".to_string()),
        "[a-z-]{1,10}: [ -~]{0,30}\r\n",
        proptest::collection::vec(any::<u8>(), 0..40).prop_map(|b| format!("x-bin: {}\r\n", String::from_utf8_lossy(&b))),
    ];
    let body = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..3000),
        Just(b"ffffffffffffffff\r\nabc\r\n0\r\n\r\n".to_vec()),
        Just(b"5\r\nabc\r\n".to_vec()),
        (0usize..5000).prop_map(|n| format!("{:x}\r\n{}\r\n0\r\n\r\n", n, "z".repeat(n)).into_bytes()),
    ];
    (status_line, proptest::collection::vec(header, 0..5), body).prop_map(|(s, h, b)| {
        let mut out = s.into_bytes();
        for line in h {
            out.extend_from_slice(line.as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(&b);
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random raw HTTP answers: a response within the body limit, or an error; never a
    /// panic, never a body over the limit, never a hang past the timeout.
    #[test]
    fn any_wire_answer_is_a_bounded_response_or_an_error(response in wire_response()) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let base = one_shot(response).await;
            let config = ClientConfig::builder(&base)
                .max_body_bytes(1024)
                .timeout(Duration::from_secs(2))
                .retry_policy(RetryPolicy::none())
                .build()
                .unwrap();
            let mut req = RequestBuilder::new(Method::GET, "op");
            req.path_literal("/x");
            match config.execute(req).await {
                Ok(r) => {
                    assert!(r.body.len() <= 1024, "body of {} bytes", r.body.len());
                    match r.json::<serde_json::Value>("op", DOCS) {
                        Ok(_) => {}
                        Err(e) => check_error(&e),
                    }
                }
                Err(e) => check_error(&e),
            }
        });
    }
}

/// A server that never stops sending: the client stops reading at the limit.
#[tokio::test]
async fn endless_body_stops_at_the_limit() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        if let Ok((mut socket, _)) = listener.accept().await {
            let mut buf = [0u8; 4096];
            let _ = socket.read(&mut buf).await;
            let _ = socket.write_all(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n").await;
            let chunk = format!("{:x}\r\n{}\r\n", 65536, "a".repeat(65536));
            while socket.write_all(chunk.as_bytes()).await.is_ok() {}
        }
    });
    let config = ClientConfig::builder(&format!("http://{addr}"))
        .max_body_bytes(1 << 20)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let mut req = RequestBuilder::new(Method::GET, "op");
    req.path_literal("/x");
    let err = config.execute(req).await.unwrap_err();
    assert!(matches!(err, Error::BodyTooLarge { limit: 1048576, .. }), "{err:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any header value: accepted as one header, or `InvalidArgument`; CR, LF and NUL
    /// always rejected, so a value can never split into two headers.
    #[test]
    fn header_values_never_split(value in "\\PC{0,20}[\\r\\n\\x00]?\\PC{0,20}", name in "[A-Za-z-]{1,12}") {
        let mut req = RequestBuilder::new(Method::GET, "op");
        let plain = req.header(&name, &value);
        let mut req = RequestBuilder::new(Method::GET, "op");
        prop_assert_eq!(req.header_value(&name, &value).is_ok(), plain.is_ok());
        match plain {
            Ok(()) => prop_assert!(!value.contains(['\r', '\n', '\0'])),
            Err(Error::InvalidArgument(message)) => {
                prop_assert!(!message.contains(['\r', '\n']));
            }
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }

    /// Secrets never show in `Debug` / `Display` of credentials, configurations or the
    /// errors a bad credential causes.
    #[test]
    fn secrets_never_shown(secret in "[A-Za-z0-9]{12,24}", bad in "[\\r\\n]") {
        let cred = Credential::api_key(format!("{secret}{bad}tail"));
        let shown = format!("{cred:?}");
        prop_assert!(!shown.contains(&secret), "{}", shown);
        let s = Secret::new(secret.clone());
        let shown = format!("{s:?} {s}");
        prop_assert!(!shown.contains(&secret));
        let config = ClientConfig::builder("http://127.0.0.1:9/")
            .retry_policy(RetryPolicy::none())
            .credential("key_header", Credential::api_key(format!("{secret}{bad}")))
            .credential("bearer", Credential::bearer(secret.clone()))
            .credential("key_query", Credential::api_key(secret.clone()))
            .build()
            .unwrap();
        let shown = format!("{config:?} {config:#?}");
        prop_assert!(!shown.contains(&secret));
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let err = rt.block_on(async {
            let mut req = RequestBuilder::new(Method::GET, "op");
            req.path_literal("/x");
            req.security(Security::AnyConfigured(HEADER_ONLY));
            config.execute(req).await.unwrap_err()
        });
        prop_assert!(matches!(err, Error::InvalidArgument(_)), "{:?}", err);
        let shown = format!("{err} {err:?}");
        prop_assert!(!shown.contains(&secret));
        // A query key and a bearer token on an unreachable port: the transport error
        // (which names the URL) hides both.
        let err = rt.block_on(async {
            let mut req = RequestBuilder::new(Method::GET, "op");
            req.path_literal("/x");
            req.security(Security::AnyConfigured(QUERY_AND_BEARER));
            config.execute(req).await.unwrap_err()
        });
        let shown = format!("{err} {err:?}");
        prop_assert!(!shown.contains(&secret), "{}", shown);
    }
}
