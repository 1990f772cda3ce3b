//! Responses: the raw answer and its typed decoding.

use std::ops::Deref;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

use super::error::{Error, StatusError};

/// A documented response of an operation, used to describe error statuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Documented {
    /// `"404"`, a range such as `"4XX"`, or `"0"` / `"default"` for the
    /// default response.
    pub status: &'static str,
    /// The documentation's description of that response.
    pub description: &'static str,
}

/// The documented description for `status`: an exact code first, then a
/// `4XX`-style range, then the default response.
pub fn documented_description(
    status: StatusCode,
    documented: &[Documented],
) -> Option<&'static str> {
    let code = status.as_u16();
    let class = char::from(b'0' + u8::try_from(code / 100 % 10).unwrap_or(0));
    let exact = documented
        .iter()
        .find(|d| d.status.trim().parse::<u16>().ok() == Some(code) && d.status.trim() != "0");
    let range = || {
        documented.iter().find(|d| {
            let s = d.status.trim();
            let mut chars = s.chars();
            s.len() == 3
                && chars.next() == Some(class)
                && chars.all(|c| c.eq_ignore_ascii_case(&'x'))
        })
    };
    let default = || {
        documented.iter().find(|d| {
            let s = d.status.trim();
            s == "0" || s.eq_ignore_ascii_case("default")
        })
    };
    exact.or_else(range).or_else(default).map(|d| d.description)
}

/// Longest decoder message kept: serde quotes the offending value whole (a
/// megabyte-long string would make a megabyte-long error message).
const MAX_MESSAGE_CHARS: usize = 300;

/// `message` cut to [`MAX_MESSAGE_CHARS`] characters, marked with `…`.
fn bounded(message: String) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((end, _)) => format!("{}…", &message[..end]),
        None => message,
    }
}

/// A response of any status with its complete body.
#[derive(Clone, Debug)]
pub struct RawResponse {
    /// Status code.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// The complete body (bounded by the client's `max_body_bytes`).
    pub body: Bytes,
}

/// What sending a request gives: the decoded 2xx answer, or the error.
pub type ApiResult<T> = Result<ApiResponse<T>, Error>;

/// How a request builder decodes a 2xx answer: [`RawResponse::json`],
/// [`RawResponse::empty`], [`RawResponse::bytes`] or [`RawResponse::text`].
pub type Decoder<T> =
    fn(RawResponse, &'static str, &'static [Documented]) -> Result<ApiResponse<T>, Error>;

/// Sends a request of the operation `operation` and decodes its 2xx answer
/// with `decode`: the sending every generated request builder shares (one
/// future per response type, not one per operation). `req` is the builder's
/// request, or why it could not be built.
pub async fn send<T>(
    config: super::ClientConfig,
    req: Result<super::RequestBuilder, Error>,
    operation: &'static str,
    documented: &'static [Documented],
    decode: Decoder<T>,
) -> ApiResult<T> {
    let raw = config.execute(req?).await?;
    decode(raw, operation, documented)
}

impl RawResponse {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        self.status.is_success()
    }

    /// Turns this response into [`Error::Status`], whatever its status.
    pub fn into_error(self, operation: &'static str, documented: &'static [Documented]) -> Error {
        let description = documented_description(self.status, documented);
        Error::Status(Box::new(StatusError::new(
            operation,
            self.status,
            self.headers,
            self.body,
            description,
        )))
    }

    fn check(
        self,
        operation: &'static str,
        documented: &'static [Documented],
    ) -> Result<Self, Error> {
        if self.is_success() {
            Ok(self)
        } else {
            Err(self.into_error(operation, documented))
        }
    }

    /// 2xx: decodes the JSON body (an empty body decodes as `null`, so
    /// `Option<T>` and `()` accept it); otherwise [`Error::Status`].
    /// Undecodable bodies give [`Error::Decode`] keeping the body.
    pub fn json<T: serde::de::DeserializeOwned>(
        self,
        operation: &'static str,
        documented: &'static [Documented],
    ) -> Result<ApiResponse<T>, Error> {
        let this = self.check(operation, documented)?;
        let decoded = if this.body.iter().all(u8::is_ascii_whitespace) {
            serde_json::from_slice::<T>(b"null")
                .map_err(|e| (format!("empty body where JSON was expected ({e})"), String::new()))
        } else {
            // Decoded as it is; only a failure is decoded again, tracking the path of the
            // failure (`data[1].businessInfo`): the tracking allocates per key.
            serde_json::from_slice::<T>(&this.body).map_err(|plain| {
                let mut de = serde_json::Deserializer::from_slice(&this.body);
                match serde_path_to_error::deserialize::<_, T>(&mut de) {
                    Err(e) => (bounded(e.inner().to_string()), bounded(e.path().to_string())),
                    Ok(_) => (bounded(plain.to_string()), String::new()),
                }
            })
        };
        match decoded {
            Ok(body) => Ok(ApiResponse::new(this.status, this.headers, body)),
            Err((message, path)) => Err(Error::Decode {
                operation,
                status: this.status,
                headers: Box::new(this.headers),
                body: this.body,
                message,
                rust_type: std::any::type_name::<T>(),
                path,
            }),
        }
    }

    /// 2xx: ignores the body; otherwise [`Error::Status`].
    pub fn empty(
        self,
        operation: &'static str,
        documented: &'static [Documented],
    ) -> Result<ApiResponse<()>, Error> {
        let this = self.check(operation, documented)?;
        Ok(ApiResponse::new(this.status, this.headers, ()))
    }

    /// 2xx: the raw body; otherwise [`Error::Status`].
    pub fn bytes(
        self,
        operation: &'static str,
        documented: &'static [Documented],
    ) -> Result<ApiResponse<Bytes>, Error> {
        let this = self.check(operation, documented)?;
        Ok(ApiResponse::new(this.status, this.headers, this.body))
    }

    /// 2xx: the body as UTF-8 text (invalid UTF-8 gives [`Error::Decode`]);
    /// otherwise [`Error::Status`].
    pub fn text(
        self,
        operation: &'static str,
        documented: &'static [Documented],
    ) -> Result<ApiResponse<String>, Error> {
        let this = self.check(operation, documented)?;
        match std::str::from_utf8(&this.body) {
            Ok(text) => {
                let text = text.to_owned();
                Ok(ApiResponse::new(this.status, this.headers, text))
            }
            Err(e) => Err(Error::Decode {
                operation,
                status: this.status,
                headers: Box::new(this.headers),
                body: this.body,
                message: format!("body is not valid UTF-8: {e}"),
                rust_type: "String",
                path: String::new(),
            }),
        }
    }
}

/// A successful, decoded response with its status and headers.
/// Dereferences to the body.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiResponse<T> {
    status: StatusCode,
    headers: HeaderMap,
    body: T,
}

impl<T> ApiResponse<T> {
    /// Creates a response.
    pub fn new(status: StatusCode, headers: HeaderMap, body: T) -> Self {
        ApiResponse {
            status,
            headers,
            body,
        }
    }

    /// Status code.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// The decoded body, dropping status and headers.
    pub fn into_body(self) -> T {
        self.body
    }

    /// Status, headers and body.
    pub fn into_parts(self) -> (StatusCode, HeaderMap, T) {
        (self.status, self.headers, self.body)
    }

    /// Transforms the body, keeping status and headers.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ApiResponse<U> {
        ApiResponse::new(self.status, self.headers, f(self.body))
    }
}

impl<T> Deref for ApiResponse<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static DOCS: &[Documented] = &[
        Documented {
            status: "200",
            description: "OK",
        },
        Documented {
            status: "404",
            description: "Not here",
        },
        Documented {
            status: "4XX",
            description: "Client problem",
        },
        Documented {
            status: "5xx",
            description: "Server problem",
        },
        Documented {
            status: "0",
            description: "Anything else",
        },
    ];

    fn raw(status: u16, body: &'static [u8]) -> RawResponse {
        let mut headers = HeaderMap::new();
        headers.insert("x-id", "7".parse().unwrap());
        RawResponse {
            status: StatusCode::from_u16(status).unwrap(),
            headers,
            body: Bytes::from_static(body),
        }
    }

    #[test]
    fn documented_matching() {
        let d = |code| documented_description(StatusCode::from_u16(code).unwrap(), DOCS);
        assert_eq!(d(404), Some("Not here"));
        assert_eq!(d(409), Some("Client problem"));
        assert_eq!(d(503), Some("Server problem"));
        assert_eq!(d(302), Some("Anything else"));
        let none: &[Documented] = &[Documented {
            status: "default",
            description: "D",
        }];
        assert_eq!(
            documented_description(StatusCode::IM_A_TEAPOT, none),
            Some("D")
        );
        assert_eq!(documented_description(StatusCode::IM_A_TEAPOT, &[]), None);
    }

    #[test]
    fn json_success_and_status_error() {
        let ok: ApiResponse<serde_json::Value> =
            raw(200, br#"{"id":1}"#).json("getPet", DOCS).unwrap();
        assert_eq!(ok.status(), StatusCode::OK);
        assert_eq!(ok.headers()["x-id"], "7");
        assert_eq!(ok["id"], 1);
        let (status, _, body) = ok.into_parts();
        assert_eq!((status.as_u16(), body["id"].as_i64()), (200, Some(1)));

        let err = raw(404, b"nope")
            .json::<serde_json::Value>("getPet", DOCS)
            .unwrap_err();
        let se = err.as_status_error().unwrap();
        assert_eq!(se.status(), StatusCode::NOT_FOUND);
        assert_eq!(se.body().as_ref(), b"nope");
        assert_eq!(se.headers()["x-id"], "7");
        assert_eq!(se.documented(), Some("Not here"));
        assert_eq!(se.operation(), "getPet");
    }

    #[test]
    fn json_decode_failure_keeps_body() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Pet {
            id: u64,
        }
        match raw(200, b"{not json").json::<Pet>("getPet", DOCS) {
            Err(Error::Decode {
                operation,
                status,
                headers,
                body,
                message,
                rust_type,
                path: _,
            }) => {
                assert_eq!(operation, "getPet");
                assert_eq!(status, StatusCode::OK);
                assert_eq!(headers["x-id"], "7");
                assert_eq!(&body[..], b"{not json");
                assert!(!message.is_empty());
                assert!(rust_type.ends_with("Pet"), "{rust_type}");
            }
            other => panic!("{other:?}"),
        }
        // The JSON path of the failure.
        match raw(200, br#"{"id": "seven"}"#).json::<Pet>("getPet", DOCS) {
            Err(e @ Error::Decode { .. }) => {
                let Error::Decode { path, .. } = &e else { unreachable!() };
                assert_eq!(path, "id");
                assert!(e.to_string().contains("at `id`: invalid type"), "{e}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            raw(200, b"").json::<Pet>("op", DOCS),
            Err(Error::Decode { .. })
        ));
        let empty: ApiResponse<Option<Pet>> = raw(204, b"").json("op", DOCS).unwrap();
        assert!(empty.body().is_none());
        let unit: ApiResponse<()> = raw(200, b" \n").json("op", DOCS).unwrap();
        assert_eq!(*unit.body(), ());
    }

    #[test]
    fn decoder_messages_are_bounded() {
        let body = format!("\"{}\"", "x".repeat(10_000)).into_bytes();
        match raw(200, b"").json::<()>("op", DOCS) {
            Ok(_) => {}
            Err(e) => panic!("{e}"),
        }
        let r = RawResponse {
            body: Bytes::from(body),
            ..raw(200, b"")
        };
        match r.json::<Vec<u8>>("op", DOCS) {
            Err(Error::Decode { message, body, .. }) => {
                assert!(message.chars().count() <= MAX_MESSAGE_CHARS + 1, "{message}");
                assert!(message.ends_with('…'), "{message}");
                assert_eq!(body.len(), 10_002);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(bounded("short".into()), "short");
    }

    #[test]
    fn empty_bytes_text() {
        assert_eq!(
            raw(204, b"ignored")
                .empty("op", DOCS)
                .unwrap()
                .status()
                .as_u16(),
            204
        );
        assert!(raw(500, b"").empty("op", DOCS).is_err());
        assert_eq!(
            raw(200, b"\x00\xff")
                .bytes("op", DOCS)
                .unwrap()
                .into_body()
                .as_ref(),
            b"\x00\xff"
        );
        assert_eq!(
            raw(200, "héllo".as_bytes())
                .text("op", DOCS)
                .unwrap()
                .into_body(),
            "héllo"
        );
        assert!(matches!(
            raw(200, b"\xff\xfe").text("op", DOCS),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            raw(301, b"").text("op", DOCS),
            Err(Error::Status(_))
        ));
        let mapped = raw(200, b"abc").text("op", DOCS).unwrap().map(|s| s.len());
        assert_eq!(*mapped, 3);
    }
}
