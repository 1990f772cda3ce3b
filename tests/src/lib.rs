//! Shared helpers of the end-to-end tests in `tests/tests/`.
//!
//! The central piece is [`Expect`]: the exact request an operation must put
//! on the wire, written from the provider's docs (method, path template with
//! the documented base path, query pairs, headers, body). It is a wiremock
//! [`Match`]er (so the mock server only answers a request that is exactly
//! right) and it can explain, line by line, what differs
//! ([`Expect::mismatches`], [`Expect::verify`]).
//!
//! Path templates use the doc's `{name}` placeholders; a placeholder matches
//! exactly one raw path segment whose percent-decoding is the value given with
//! [`Expect::path_param`]. So a value like `a b/c?d` passes only if it was
//! sent as one segment (its `/` and `?` encoded), and decodes back unchanged.

use std::fmt::Write as _;

use serde_json::Value;
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

/// `Authorization: Basic` value for `user:pass`, computed by hand:
/// `user:pass` is the bytes `75 73 65 | 72 3a 70 | 61 73 73`, whose base64
/// groups are `dXNl`, `cjpw`, `YXNz`.
pub const BASIC_USER_PASS: &str = "Basic dXNlcjpwYXNz";

/// What the body of the request must be.
#[derive(Clone, Debug, PartialEq)]
pub enum BodyExpect {
    /// No body at all, and no `Content-Type` header.
    Empty,
    /// A JSON body equal to this value, sent with `Content-Type: application/json`.
    Json(Value),
    /// A `multipart/form-data` body with exactly these parts, in this order.
    Multipart(Vec<PartExpect>),
}

/// One expected part of a `multipart/form-data` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartExpect {
    /// The part's `name` in `Content-Disposition`.
    pub name: String,
    /// The part's `filename` in `Content-Disposition`, if any.
    pub file_name: Option<String>,
    /// The part's `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The part's content.
    pub data: Vec<u8>,
}

impl PartExpect {
    /// A text field: no file name, no content type.
    pub fn text(name: &str, value: &str) -> Self {
        PartExpect {
            name: name.to_owned(),
            file_name: None,
            content_type: None,
            data: value.as_bytes().to_vec(),
        }
    }

    /// A file part with its file name and content type.
    pub fn file(name: &str, file_name: &str, content_type: &str, data: &[u8]) -> Self {
        PartExpect {
            name: name.to_owned(),
            file_name: Some(file_name.to_owned()),
            content_type: Some(content_type.to_owned()),
            data: data.to_vec(),
        }
    }
}

/// The exact request an operation must send.
#[derive(Clone, Debug)]
pub struct Expect {
    method: String,
    template: String,
    path_params: Vec<(String, String)>,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    absent_headers: Vec<String>,
    absent_or: Vec<(String, String)>,
    body: BodyExpect,
}

impl Expect {
    /// A request with this method and path template (doc placeholders
    /// `{name}`, documented base path included), no query, no body.
    pub fn new(method: &str, template: &str) -> Self {
        Expect {
            method: method.to_ascii_uppercase(),
            template: template.to_owned(),
            path_params: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            absent_headers: Vec::new(),
            absent_or: Vec::new(),
            body: BodyExpect::Empty,
        }
    }

    /// `GET` request.
    pub fn get(template: &str) -> Self {
        Expect::new("GET", template)
    }

    /// `POST` request.
    pub fn post(template: &str) -> Self {
        Expect::new("POST", template)
    }

    /// `PUT` request.
    pub fn put(template: &str) -> Self {
        Expect::new("PUT", template)
    }

    /// `PATCH` request.
    pub fn patch(template: &str) -> Self {
        Expect::new("PATCH", template)
    }

    /// `DELETE` request.
    pub fn delete(template: &str) -> Self {
        Expect::new("DELETE", template)
    }

    /// The (unencoded) value of the template placeholder `{name}`.
    pub fn path_param(mut self, name: &str, value: &str) -> Self {
        self.path_params.push((name.to_owned(), value.to_owned()));
        self
    }

    /// An expected query pair (decoded). The request must carry exactly the
    /// expected pairs (as a multiset): no missing and no extra parameter.
    pub fn query(mut self, name: &str, value: &str) -> Self {
        self.query.push((name.to_owned(), value.to_owned()));
        self
    }

    /// A header that must be present exactly once with exactly this value
    /// (name case-insensitive).
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers
            .push((name.to_ascii_lowercase(), value.to_owned()));
        self
    }

    /// A header that must not be present.
    pub fn no_header(mut self, name: &str) -> Self {
        self.absent_headers.push(name.to_ascii_lowercase());
        self
    }

    /// `Accept: application/json`, as the docs say for most operations.
    pub fn accept_json(self) -> Self {
        self.header("accept", "application/json")
    }

    /// A header that must be absent, or present once with exactly `value`.
    pub fn absent_or(mut self, name: &str, value: &str) -> Self {
        self.absent_or
            .push((name.to_ascii_lowercase(), value.to_owned()));
        self
    }

    /// The docs say "Accept: Not defined": no media type is asked for. The
    /// header is absent or the wildcard `*/*`, which RFC 9110 (12.5.1) makes
    /// equivalent to no `Accept` at all. (reqwest always adds `Accept: */*`
    /// when a request has none.)
    pub fn no_accept(self) -> Self {
        self.absent_or("accept", "*/*")
    }

    /// `Authorization: Bearer <token>`.
    pub fn bearer(self, token: &str) -> Self {
        self.header("authorization", &format!("Bearer {token}"))
    }

    /// No `Authorization` header.
    pub fn no_authorization(self) -> Self {
        self.no_header("authorization")
    }

    /// A JSON body equal to `value` with `Content-Type: application/json`.
    pub fn json_body(mut self, value: Value) -> Self {
        self.body = BodyExpect::Json(value);
        self
    }

    /// A multipart body with exactly these parts.
    pub fn multipart(mut self, parts: Vec<PartExpect>) -> Self {
        self.body = BodyExpect::Multipart(parts);
        self
    }

    /// The path the template resolves to, percent-decoded, one entry per
    /// segment.
    fn expected_segments(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for segment in self.template.split('/') {
            if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                match self.path_params.iter().find(|(n, _)| n == name) {
                    Some((_, value)) => out.push(value.clone()),
                    None => return Err(format!("no value given for path placeholder {{{name}}}")),
                }
            } else {
                out.push(segment.to_owned());
            }
        }
        Ok(out)
    }

    /// Everything that differs between this expectation and `request`
    /// (empty when it matches).
    pub fn mismatches(&self, request: &Request) -> Vec<String> {
        let mut problems = Vec::new();

        if request.method.as_str() != self.method {
            problems.push(format!(
                "method: expected {}, got {}",
                self.method, request.method
            ));
        }

        // Path: split the raw path on `/`, decode each segment.
        let raw_path = request.url.path();
        match self.expected_segments() {
            Err(e) => problems.push(e),
            Ok(expected) => {
                let got: Vec<Option<String>> = raw_path.split('/').map(percent_decode).collect();
                let got_display: Vec<String> = got
                    .iter()
                    .map(|s| s.clone().unwrap_or_else(|| "<invalid UTF-8>".to_owned()))
                    .collect();
                if got_display != expected || got.iter().any(Option::is_none) {
                    problems.push(format!(
                        "path: expected segments {expected:?}, got {got_display:?} (raw `{raw_path}`)"
                    ));
                }
                for segment in raw_path.split('/') {
                    if segment
                        .bytes()
                        .any(|b| !b.is_ascii() || b == b' ' || b == b'?' || b == b'#')
                    {
                        problems.push(format!("path: raw segment `{segment}` is not encoded"));
                    }
                }
            }
        }

        // Query: exact multiset of decoded pairs.
        let mut got_query: Vec<(String, String)> = request
            .url
            .query_pairs()
            .map(|(n, v)| (n.into_owned(), v.into_owned()))
            .collect();
        let mut want_query = self.query.clone();
        got_query.sort();
        want_query.sort();
        if got_query != want_query {
            problems.push(format!(
                "query: expected {want_query:?}, got {got_query:?} (raw `{}`)",
                request.url.query().unwrap_or("")
            ));
        }

        // Headers.
        for (name, value) in &self.headers {
            let values: Vec<String> = request
                .headers
                .get_all(name.as_str())
                .iter()
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .collect();
            if values.len() != 1 || values[0] != *value {
                problems.push(format!(
                    "header `{name}`: expected exactly [{value:?}], got {values:?}"
                ));
            }
        }
        for name in &self.absent_headers {
            if request.headers.contains_key(name.as_str()) {
                problems.push(format!(
                    "header `{name}`: expected absent, got {:?}",
                    request
                        .headers
                        .get_all(name.as_str())
                        .iter()
                        .collect::<Vec<_>>()
                ));
            }
        }

        for (name, allowed) in &self.absent_or {
            let values: Vec<String> = request
                .headers
                .get_all(name.as_str())
                .iter()
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .collect();
            if !(values.is_empty() || values == [allowed.clone()]) {
                problems.push(format!(
                    "header `{name}`: expected absent or exactly [{allowed:?}], got {values:?}"
                ));
            }
        }

        // Body.
        let content_types: Vec<String> = request
            .headers
            .get_all("content-type")
            .iter()
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .collect();
        match &self.body {
            BodyExpect::Empty => {
                if !request.body.is_empty() {
                    problems.push(format!(
                        "body: expected none, got {:?}",
                        String::from_utf8_lossy(&request.body)
                    ));
                }
                if !content_types.is_empty() {
                    problems.push(format!(
                        "content-type: expected absent (no body), got {content_types:?}"
                    ));
                }
            }
            BodyExpect::Json(want) => {
                if content_types != ["application/json"] {
                    problems.push(format!(
                        "content-type: expected [\"application/json\"], got {content_types:?}"
                    ));
                }
                match serde_json::from_slice::<Value>(&request.body) {
                    Ok(got) if got == *want => {}
                    Ok(got) => problems.push(format!("body: expected JSON {want}, got {got}")),
                    Err(e) => problems.push(format!(
                        "body: expected JSON {want}, got unparsable {:?} ({e})",
                        String::from_utf8_lossy(&request.body)
                    )),
                }
            }
            BodyExpect::Multipart(want) => {
                let boundary = match content_types.as_slice() {
                    [ct] => multipart_boundary(ct),
                    _ => None,
                };
                match boundary {
                    None => problems.push(format!(
                        "content-type: expected one multipart/form-data with boundary, got {content_types:?}"
                    )),
                    Some(boundary) => match parse_multipart(&request.body, &boundary) {
                        Ok(got) if got == *want => {}
                        Ok(got) => problems.push(format!(
                            "multipart: expected parts {}, got {}",
                            describe_parts(want),
                            describe_parts(&got)
                        )),
                        Err(e) => problems.push(format!("multipart: {e}")),
                    },
                }
            }
        }
        problems
    }

    /// Mounts a mock that answers `response` to a request matching this
    /// expectation (exactly once).
    pub async fn mount(&self, server: &MockServer, response: ResponseTemplate) {
        Mock::given(self.clone())
            .respond_with(response)
            .expect(1)
            .mount(server)
            .await;
    }

    /// Asserts the server received exactly one request and that it matches
    /// this expectation; panics with every difference otherwise.
    pub async fn verify(&self, server: &MockServer) {
        let requests = server
            .received_requests()
            .await
            .expect("request recording is enabled");
        assert_eq!(
            requests.len(),
            1,
            "expected exactly one request, got {}: {:#?}",
            requests.len(),
            requests
                .iter()
                .map(|r| format!("{} {}", r.method, r.url))
                .collect::<Vec<_>>()
        );
        let problems = self.mismatches(&requests[0]);
        if !problems.is_empty() {
            let mut message = format!(
                "request `{} {}` differs from the docs:\n",
                requests[0].method, requests[0].url
            );
            for p in &problems {
                let _ = writeln!(message, "  - {p}");
            }
            panic!("{message}");
        }
    }
}

impl Match for Expect {
    fn matches(&self, request: &Request) -> bool {
        self.mismatches(request).is_empty()
    }
}

/// A JSON response with this status.
pub fn json_response(status: u16, body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(body)
}

/// A response with this status and a raw body (content type `application/json`).
pub fn raw_response(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.as_bytes().to_vec(), "application/json")
}

/// Answers the documented error `status` with `body`, once, to any request
/// matching `expect` (after resetting the server).
pub async fn mount_error(server: &MockServer, expect: &Expect, status: u16, body: &str) {
    server.reset().await;
    expect.mount(server, raw_response(status, body)).await;
}

/// Number of requests the server has received.
pub async fn request_count(server: &MockServer) -> usize {
    server
        .received_requests()
        .await
        .expect("request recording is enabled")
        .len()
}

/// Asserts that a result is `Err(<crate>::Error::Status(..))` with this
/// status, this raw body and this documented description.
///
/// `assert_status_error!(umaaas_client, result, 404, br#"{"x":1}"#, Some("User not found"))`
#[macro_export]
macro_rules! assert_status_error {
    ($krate:ident, $result:expr, $status:expr, $body:expr, $documented:expr) => {{
        match $result {
            Err($krate::Error::Status(e)) => {
                assert_eq!(e.status().as_u16(), $status, "status of {e:?}");
                assert_eq!(e.body().as_ref(), &$body[..], "body of {e:?}");
                let documented: Option<&str> = $documented;
                assert_eq!(e.documented(), documented, "documented() of {e:?}");
            }
            other => panic!("expected Error::Status({}), got {:?}", $status, other),
        }
    }};
}

/// Percent-decodes a path segment; `None` if the result is not UTF-8 or an
/// escape is malformed.
pub fn percent_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn multipart_boundary(content_type: &str) -> Option<String> {
    let mut pieces = content_type.split(';').map(str::trim);
    if !pieces.next()?.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    pieces
        .find_map(|p| p.strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Parses a `multipart/form-data` body into its parts.
pub fn parse_multipart(body: &[u8], boundary: &str) -> Result<Vec<PartExpect>, String> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut pos = find(body, delimiter.as_bytes(), 0).ok_or("no opening boundary")?;
    loop {
        pos += delimiter.len();
        if body.get(pos..pos + 2) == Some(b"--") {
            return Ok(parts);
        }
        if body.get(pos..pos + 2) != Some(b"\r\n") {
            return Err("boundary not followed by CRLF".to_owned());
        }
        pos += 2;
        let header_end = find(body, b"\r\n\r\n", pos).ok_or("part headers not terminated")?;
        let headers = String::from_utf8_lossy(&body[pos..header_end]).into_owned();
        let data_start = header_end + 4;
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), data_start)
            .ok_or("part not terminated by a boundary")?;
        let data = body[data_start..next].to_vec();
        let mut part = PartExpect {
            name: String::new(),
            file_name: None,
            content_type: None,
            data,
        };
        for line in headers.split("\r\n") {
            let (name, value) = line.split_once(':').ok_or("malformed part header")?;
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-disposition") {
                for attr in value.split(';').map(str::trim).skip(1) {
                    if let Some(v) = attr.strip_prefix("name=") {
                        part.name = v.trim_matches('"').to_owned();
                    } else if let Some(v) = attr.strip_prefix("filename=") {
                        part.file_name = Some(v.trim_matches('"').to_owned());
                    }
                }
            } else if name.eq_ignore_ascii_case("content-type") {
                part.content_type = Some(value.to_owned());
            }
        }
        parts.push(part);
        pos = next + 2;
    }
}

fn describe_parts(parts: &[PartExpect]) -> String {
    let shown: Vec<String> = parts
        .iter()
        .map(|p| {
            format!(
                "{{name: {:?}, file_name: {:?}, content_type: {:?}, data: {:?}}}",
                p.name,
                p.file_name,
                p.content_type,
                String::from_utf8_lossy(&p.data)
            )
        })
        .collect();
    format!("[{}]", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b%2Fc").as_deref(), Some("a b/c"));
        assert_eq!(percent_decode("%C3%BC").as_deref(), Some("ü"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%C3"), None);
    }

    #[test]
    fn multipart_parsing() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"u.csv\"\r\nContent-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--XyZ\r\nContent-Disposition: form-data; name=\"webhookUrl\"\r\n\r\nhttps://x\r\n--XyZ--\r\n";
        let parts = parse_multipart(body, "XyZ").unwrap();
        assert_eq!(
            parts,
            vec![
                PartExpect::file("file", "u.csv", "text/csv", b"a,b\r\n1,2"),
                PartExpect::text("webhookUrl", "https://x"),
            ]
        );
        assert_eq!(
            multipart_boundary("multipart/form-data; boundary=\"abc\"").as_deref(),
            Some("abc")
        );
        assert_eq!(multipart_boundary("text/plain; boundary=abc"), None);
    }
}
