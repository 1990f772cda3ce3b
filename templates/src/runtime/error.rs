//! The single error type returned by every generated operation.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

/// How many bytes of a response body `Display` / `Debug` show at most.
const BODY_PREVIEW_BYTES: usize = 512;

/// Which time limit a [`Error::Timeout`] hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// The call's total deadline (the client's or the request's `timeout`),
    /// which covers every attempt and the waits between them.
    Total,
    /// One attempt's `attempt_timeout`; the deadline had time left, but no
    /// retry was allowed or left.
    Attempt,
}

/// Everything that can go wrong when calling an operation.
///
/// `Display` is one short line; response bodies are shown as a bounded
/// prefix (`Debug` too).
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or the response could not be read
    /// (DNS, connect, TLS, connection reset, ...).
    Transport {
        /// Name of the operation, as documented.
        operation: &'static str,
        /// The underlying error (any URL in it has credentials redacted).
        source: reqwest::Error,
    },
    /// No complete response arrived in time: [`TimeoutKind`] says whether the
    /// call's total deadline (`timeout`, retries and waits included) or one
    /// attempt's `attempt_timeout` ran out.
    Timeout {
        /// Name of the operation, as documented.
        operation: &'static str,
        /// Which limit ran out.
        kind: TimeoutKind,
        /// That limit.
        limit: Duration,
    },
    /// The server answered with a status outside 2xx.
    Status(Box<StatusError>),
    /// A 2xx response body could not be decoded into the documented type.
    Decode {
        /// Name of the operation, as documented.
        operation: &'static str,
        /// Status of the response.
        status: StatusCode,
        /// Headers of the response.
        headers: Box<HeaderMap>,
        /// The raw body that failed to decode.
        body: Bytes,
        /// What the decoder complained about.
        message: String,
        /// The Rust type the body was decoded into (`pay_client::models::Payment`).
        rust_type: &'static str,
        /// Where in the JSON the decoder failed (`data[1].businessInfo`; `.` for the top).
        path: String,
    },
    /// An argument given by the caller cannot be sent (invalid header value,
    /// path parameter that would change the path, unserializable body, bad
    /// configuration, ...). Nothing was sent.
    InvalidArgument(String),
    /// The operation requires credentials that are not configured.
    /// Nothing was sent.
    MissingCredentials {
        /// Name of the operation, as documented.
        operation: &'static str,
        /// Security scheme names whose credentials are missing.
        missing: Vec<&'static str>,
    },
    /// The response body was larger than the configured limit.
    BodyTooLarge {
        /// Name of the operation, as documented.
        operation: &'static str,
        /// The configured limit, in bytes.
        limit: usize,
    },
}

impl Error {
    /// The HTTP status of the response, when one was received.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Status(e) => Some(e.status),
            Error::Decode { status, .. } => Some(*status),
            Error::Transport { source, .. } => source.status(),
            _ => None,
        }
    }

    /// The raw body of the response, when one was received.
    pub fn body(&self) -> Option<&[u8]> {
        match self {
            Error::Status(e) => Some(&e.body),
            Error::Decode { body, .. } => Some(body),
            _ => None,
        }
    }

    /// The headers of the response, when one was received.
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Error::Status(e) => Some(&e.headers),
            Error::Decode { headers, .. } => Some(headers),
            _ => None,
        }
    }

    /// The documented name of the operation that failed, when known.
    pub fn operation(&self) -> Option<&'static str> {
        match self {
            Error::Transport { operation, .. }
            | Error::Timeout { operation, .. }
            | Error::Decode { operation, .. }
            | Error::MissingCredentials { operation, .. }
            | Error::BodyTooLarge { operation, .. } => Some(operation),
            Error::Status(e) => Some(e.operation),
            Error::InvalidArgument(_) => None,
        }
    }

    /// A short name of the kind of error (`timeout`, `status`, ...), for logs
    /// and spans: never values from the request or response.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Error::Transport { .. } => "transport",
            Error::Timeout { .. } => "timeout",
            Error::Status(_) => "status",
            Error::Decode { .. } => "decode",
            Error::InvalidArgument(_) => "invalid_argument",
            Error::MissingCredentials { .. } => "missing_credentials",
            Error::BodyTooLarge { .. } => "body_too_large",
        }
    }

    /// The status error, if this is [`Error::Status`].
    pub fn as_status_error(&self) -> Option<&StatusError> {
        match self {
            Error::Status(e) => Some(e),
            _ => None,
        }
    }

    /// Whether trying again later might succeed: transport failures,
    /// timeouts and 429 / 502 / 503 / 504 answers.
    ///
    /// The client's own retry loop additionally only retries non-idempotent
    /// methods when the request cannot have been processed (connect
    /// failures and 429).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { .. } | Error::Timeout { .. } => true,
            Error::Status(e) => super::retry::is_retryable_status(e.status),
            _ => false,
        }
    }
}

/// `pay_client::models::Payment` → `models::Payment`; `Vec<a::models::B>` → `Vec<models::B>`;
/// a model defined in a file of its own, `pay_client::models::payment::Payment`, is named
/// by its public path, `models::Payment`.
fn short_type(full: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let segments: Vec<&str> = word.split("::").collect();
        match segments.iter().position(|s| *s == "models") {
            Some(_) if segments.len() > 2 => {
                out.push_str("models::");
                out.push_str(segments[segments.len() - 1]);
            }
            _ => {
                let keep = if segments.len() > 2 { &segments[segments.len() - 2..] } else { &segments[..] };
                out.push_str(&keep.join("::"));
            }
        }
        word.clear();
    };
    for c in full.chars() {
        if c.is_alphanumeric() || c == '_' || c == ':' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport { operation, source } => {
                write!(f, "{operation}: request failed: {source}")
            }
            Error::Timeout {
                operation,
                kind,
                limit,
            } => match kind {
                TimeoutKind::Total => {
                    write!(f, "{operation}: request timed out (deadline of {limit:?})")
                }
                TimeoutKind::Attempt => write!(
                    f,
                    "{operation}: request timed out (attempt timeout of {limit:?})"
                ),
            },
            Error::Status(e) => fmt::Display::fmt(e, f),
            Error::Decode {
                operation,
                status,
                message,
                body,
                rust_type,
                path,
                ..
            } => {
                write!(f, "{operation}: could not decode the {status} response")?;
                if !rust_type.is_empty() {
                    write!(f, " as `{}`", short_type(rust_type))?;
                }
                if !path.is_empty() && path != "." {
                    write!(f, " at `{path}`")?;
                }
                write!(f, ": {message}; body: {}", BodyPreview(body))
            }
            Error::InvalidArgument(message) => write!(f, "invalid argument: {message}"),
            Error::MissingCredentials { operation, missing } => write!(
                f,
                "{operation}: missing credentials for security scheme(s) {}",
                missing.join(", ")
            ),
            Error::BodyTooLarge { operation, limit } => write!(
                f,
                "{operation}: response body exceeds the limit of {limit} bytes"
            ),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport { operation, source } => f
                .debug_struct("Transport")
                .field("operation", operation)
                .field("source", source)
                .finish(),
            Error::Timeout {
                operation,
                kind,
                limit,
            } => f
                .debug_struct("Timeout")
                .field("operation", operation)
                .field("kind", kind)
                .field("limit", limit)
                .finish(),
            Error::Status(e) => f.debug_tuple("Status").field(e).finish(),
            Error::Decode {
                operation,
                status,
                headers,
                body,
                message,
                rust_type,
                path,
            } => f
                .debug_struct("Decode")
                .field("operation", operation)
                .field("status", status)
                .field("headers", headers)
                .field("body", &BodyPreview(body))
                .field("message", message)
                .field("rust_type", rust_type)
                .field("path", path)
                .finish(),
            Error::InvalidArgument(message) => {
                f.debug_tuple("InvalidArgument").field(message).finish()
            }
            Error::MissingCredentials { operation, missing } => f
                .debug_struct("MissingCredentials")
                .field("operation", operation)
                .field("missing", missing)
                .finish(),
            Error::BodyTooLarge { operation, limit } => f
                .debug_struct("BodyTooLarge")
                .field("operation", operation)
                .field("limit", limit)
                .finish(),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A response whose status is outside 2xx.
pub struct StatusError {
    pub(crate) operation: &'static str,
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    pub(crate) documented: Option<&'static str>,
}

impl StatusError {
    /// Creates a status error.
    pub fn new(
        operation: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
        documented: Option<&'static str>,
    ) -> Self {
        StatusError {
            operation,
            status,
            headers,
            body,
            documented,
        }
    }

    /// Name of the operation, as documented.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// Status of the response.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Headers of the response.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The raw response body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The body as text (invalid UTF-8 replaced).
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Decodes the body as JSON, e.g. into the documented error model.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.body)
    }

    /// The API documentation's description of this status, when documented
    /// (exact code, then `4XX`-style range, then default).
    pub fn documented(&self) -> Option<&'static str> {
        self.documented
    }
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: server answered {}", self.operation, self.status)?;
        if let Some(doc) = self.documented.filter(|d| !d.trim().is_empty()) {
            write!(f, " ({})", doc.trim())?;
        }
        if !self.body.is_empty() {
            write!(f, ": {}", BodyPreview(&self.body))?;
        }
        Ok(())
    }
}

impl fmt::Debug for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StatusError")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("documented", &self.documented)
            .field("headers", &self.headers)
            .field("body", &BodyPreview(&self.body))
            .finish()
    }
}

/// Shows at most [`BODY_PREVIEW_BYTES`] of a body, lossy UTF-8, with control
/// characters replaced so that the message stays on one line.
pub(crate) struct BodyPreview<'a>(pub(crate) &'a [u8]);

impl fmt::Display for BodyPreview<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = self.0;
        let shown = body.get(..BODY_PREVIEW_BYTES).unwrap_or(body);
        let text = String::from_utf8_lossy(shown);
        for c in text.chars() {
            let c = if c.is_control() { ' ' } else { c };
            fmt::Write::write_char(f, c)?;
        }
        if body.len() > shown.len() {
            write!(f, "… ({} bytes)", body.len())?;
        }
        Ok(())
    }
}

impl fmt::Debug for BodyPreview<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoded_types_are_named_by_their_public_path() {
        assert_eq!(short_type("pay_client::models::Payment"), "models::Payment");
        assert_eq!(short_type("pay_client::models::payment::Payment"), "models::Payment");
        assert_eq!(short_type("alloc::vec::Vec<pay_client::models::card::Card>"), "vec::Vec<models::Card>");
        assert_eq!(short_type("serde_json::value::Value"), "value::Value");
    }

    fn status_error(body: &[u8]) -> Error {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", "abc".parse().unwrap());
        Error::Status(Box::new(StatusError::new(
            "getPet",
            StatusCode::NOT_FOUND,
            headers,
            Bytes::copy_from_slice(body),
            Some("Pet not found"),
        )))
    }

    #[test]
    fn status_error_accessors_and_display() {
        let err = status_error(br#"{"message":"no such pet"}"#);
        assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
        assert_eq!(err.body(), Some(&br#"{"message":"no such pet"}"#[..]));
        assert_eq!(err.operation(), Some("getPet"));
        assert!(!err.is_retryable());
        let se = err.as_status_error().unwrap();
        assert_eq!(se.documented(), Some("Pet not found"));
        assert_eq!(se.headers()["x-request-id"], "abc");
        let v: serde_json::Value = se.json().unwrap();
        assert_eq!(v["message"], "no such pet");
        assert_eq!(
            err.to_string(),
            r#"getPet: server answered 404 Not Found (Pet not found): {"message":"no such pet"}"#
        );
    }

    #[test]
    fn display_bounds_the_body() {
        let mut body = vec![b'a'; 2000];
        body.extend_from_slice(b"SECRET-TAIL");
        body[10] = b'\n';
        let shown = status_error(&body).to_string();
        assert!(shown.len() < 700, "{}", shown.len());
        assert!(!shown.contains("SECRET-TAIL"));
        assert!(!shown.contains('\n'));
        assert!(shown.ends_with("(2011 bytes)"));
        let debug = format!("{:?}", status_error(&body));
        assert!(debug.len() < 1000);
        let decode = Error::Decode {
            operation: "op",
            status: StatusCode::OK,
            headers: Box::default(),
            body: Bytes::from(body.clone()),
            message: "bad".into(),
            rust_type: "",
            path: String::new(),
        };
        assert!(format!("{decode:?}").len() < 1000);
        assert!(decode.to_string().len() < 700);
        // Invalid UTF-8 and a cut inside a multi-byte character never panic.
        let mut body = vec![b'x'; 511];
        body.extend_from_slice("é".as_bytes());
        body.extend_from_slice(&[0xff, 0xfe]);
        let _ = status_error(&body).to_string();
    }

    #[test]
    fn retryable_classification() {
        for (code, retry) in [
            (429, true),
            (502, true),
            (503, true),
            (504, true),
            (500, false),
            (400, false),
        ] {
            let err = Error::Status(Box::new(StatusError::new(
                "op",
                StatusCode::from_u16(code).unwrap(),
                HeaderMap::new(),
                Bytes::new(),
                None,
            )));
            assert_eq!(err.is_retryable(), retry, "{code}");
        }
        assert!(Error::Timeout {
            operation: "op",
            kind: TimeoutKind::Attempt,
            limit: Duration::from_secs(1)
        }
        .is_retryable());
        assert!(!Error::InvalidArgument("x".into()).is_retryable());
    }

    #[test]
    fn other_displays() {
        let err = Error::MissingCredentials {
            operation: "listPets",
            missing: vec!["api_key", "oauth"],
        };
        assert_eq!(
            err.to_string(),
            "listPets: missing credentials for security scheme(s) api_key, oauth"
        );
        assert_eq!(
            Error::BodyTooLarge {
                operation: "op",
                limit: 10
            }
            .to_string(),
            "op: response body exceeds the limit of 10 bytes"
        );
        assert_eq!(
            Error::Timeout {
                operation: "op",
                kind: TimeoutKind::Total,
                limit: Duration::from_secs(1)
            }
            .to_string(),
            "op: request timed out (deadline of 1s)"
        );
        assert_eq!(
            Error::Timeout {
                operation: "op",
                kind: TimeoutKind::Attempt,
                limit: Duration::from_millis(250)
            }
            .to_string(),
            "op: request timed out (attempt timeout of 250ms)"
        );
        let err = Error::Decode {
            operation: "op",
            status: StatusCode::OK,
            headers: Box::default(),
            body: Bytes::from_static(b"{oops"),
            message: "key must be a string".into(),
            rust_type: "",
            path: String::new(),
        };
        assert_eq!(err.body(), Some(&b"{oops"[..]));
        assert_eq!(
            err.to_string(),
            "op: could not decode the 200 OK response: key must be a string; body: {oops"
        );
    }
}
