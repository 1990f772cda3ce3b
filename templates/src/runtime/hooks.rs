//! Hooks: your own code around every attempt (signing, logging, metrics).

use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};

use super::error::Error;

/// What a [`Hook`] is told about the call an attempt belongs to. Never the
/// filled-in path or query (they may carry identifiers or secrets): the
/// documented path template.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct RequestInfo<'a> {
    /// The documented operation name.
    pub operation: &'static str,
    /// The HTTP method.
    pub method: &'a Method,
    /// The documented path template, e.g. `/users/{userId}`.
    pub path_template: &'static str,
    /// 1 for the first attempt, 2 for the first retry, ...
    pub attempt: u32,
}

/// Code run around every attempt of every request, set with the client
/// builder's `hook` method (several hooks run in the order they were added).
///
/// Every method has a default that does nothing. `on_request` sees the
/// finished request (URL, headers, body when it is in memory) right before it
/// is sent, credentials included, and may change it, e.g. add a signature
/// header; an error it returns ends the call (not retried).
///
/// ```ignore
/// use my_api_client::{Error, Hook, RequestInfo};
/// struct Sign;
/// impl Hook for Sign {
///     fn on_request(&self, _: &RequestInfo<'_>, request: &mut reqwest::Request) -> Result<(), Error> {
///         let body = request.body().and_then(|b| b.as_bytes()).unwrap_or_default();
///         let signature = format!("len={}", body.len()); // your HMAC here
///         request.headers_mut().insert("x-signature", signature.parse().unwrap());
///         Ok(())
///     }
/// }
/// ```
pub trait Hook: Send + Sync + 'static {
    /// Called before each attempt is sent.
    fn on_request(&self, info: &RequestInfo<'_>, request: &mut reqwest::Request) -> Result<(), Error> {
        let _ = (info, request);
        Ok(())
    }

    /// Called when an attempt's response head arrived (any status), with the
    /// time since the attempt was sent.
    fn on_response(
        &self,
        info: &RequestInfo<'_>,
        status: StatusCode,
        headers: &HeaderMap,
        elapsed: Duration,
    ) {
        let _ = (info, status, headers, elapsed);
    }

    /// Called when an attempt failed without a response (transport error,
    /// timeout, body too large).
    fn on_error(&self, info: &RequestInfo<'_>, error: &Error) {
        let _ = (info, error);
    }
}
