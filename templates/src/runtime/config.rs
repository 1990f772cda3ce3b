//! Client configuration and the send loop.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, CONTENT_TYPE, COOKIE, USER_AGENT};
use reqwest::{Method, Url};

use super::auth::{resolve, AppliedAuth, Credential, Credentials};
use super::encode::{encode_form, encode_query, encode_query_component, is_dot_segment};
use super::error::{Error, TimeoutKind};
use super::hooks::{Hook, RequestInfo};
use super::request::{parse_header, Body, RequestBuilder};
use super::response::RawResponse;
use super::retry::{is_idempotent, should_retry_error, should_retry_status, RetryPolicy};

/// Default total deadline of a call, retries and waits included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default `User-Agent`: `<crate>/<version> (generated)`, naming the
/// crate this runtime is compiled into.
pub const DEFAULT_USER_AGENT: &str = concat!(
    env!("CARGO_PKG_NAME"),
    "/",
    env!("CARGO_PKG_VERSION"),
    " (generated)"
);
/// Default limit of a response body, in bytes (16 MiB).
pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

#[derive(Clone)]
struct Inner {
    base_url: String,
    client: reqwest::Client,
    timeout: Duration,
    attempt_timeout: Option<Duration>,
    user_agent: HeaderValue,
    retry: RetryPolicy,
    default_headers: HeaderMap,
    credentials: Credentials,
    max_body_bytes: usize,
    hooks: Vec<Arc<dyn Hook>>,
}

/// Everything a generated client needs to send requests: base URL, HTTP
/// client, timeout, user agent, retry policy, default headers, credentials
/// and the response size limit.
///
/// Cloning is cheap (the state is shared). `Debug` never shows secrets or
/// header values.
#[derive(Clone)]
pub struct ClientConfig {
    inner: Arc<Inner>,
}

/// Builds a [`ClientConfig`]; see [`ClientConfig::builder`].
pub struct ClientConfigBuilder {
    base_url: String,
    client: Option<reqwest::Client>,
    timeout: Duration,
    attempt_timeout: Option<Duration>,
    user_agent: Option<String>,
    retry: RetryPolicy,
    default_headers: HeaderMap,
    credentials: Credentials,
    max_body_bytes: usize,
    hooks: Vec<Arc<dyn Hook>>,
}

impl ClientConfigBuilder {
    /// Replaces the documented base URL (e.g. a test server).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Sets the total deadline of a call: every attempt, from sending until
    /// the whole body is read, and the waits between retries (default 30 s).
    /// A retry that could not start before the deadline is not made.
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = d;
        self
    }

    /// Bounds each attempt on its own (default: none, only the total
    /// deadline), so that a stalled attempt leaves time for a retry.
    pub fn attempt_timeout(mut self, d: Duration) -> Self {
        self.attempt_timeout = Some(d);
        self
    }

    /// Adds a [`Hook`] run around every attempt (after the hooks added
    /// before it).
    pub fn hook(mut self, hook: impl Hook) -> Self {
        self.hooks.push(Arc::new(hook));
        self
    }

    /// Sets the `User-Agent` header (default [`DEFAULT_USER_AGENT`]).
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.user_agent = Some(ua.into());
        self
    }

    /// Sets the retry policy (default [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, p: RetryPolicy) -> Self {
        self.retry = p;
        self
    }

    /// Adds (or replaces) a header sent with every request. Invalid names
    /// or values (including CR or LF) give [`Error::InvalidArgument`].
    pub fn default_header(mut self, name: &str, value: &str) -> Result<Self, Error> {
        let (name, value) = parse_header(name, value)?;
        self.default_headers.insert(name, value);
        Ok(self)
    }

    /// Uses your own `reqwest::Client` (proxies, TLS settings, ...). The
    /// timeout is still applied per request.
    pub fn http_client(mut self, c: reqwest::Client) -> Self {
        self.client = Some(c);
        self
    }

    /// Sets the largest response body accepted, in bytes (default 16 MiB).
    pub fn max_body_bytes(mut self, n: usize) -> Self {
        self.max_body_bytes = n;
        self
    }

    /// Sets (or replaces) the credential of a security scheme, by the
    /// scheme's documented name.
    pub fn credential(mut self, scheme_name: &'static str, c: Credential) -> Self {
        self.credentials.set(scheme_name, c);
        self
    }

    /// Replaces all credentials.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }

    /// Checks the settings. The base URL must be an absolute `http` or
    /// `https` URL without query or fragment.
    pub fn build(self) -> Result<ClientConfig, Error> {
        let base_url = normalize_base_url(&self.base_url)?;
        let user_agent = match &self.user_agent {
            Some(ua) => HeaderValue::from_str(ua)
                .map_err(|_| Error::InvalidArgument("invalid User-Agent value".to_owned()))?,
            None => static_header_value(DEFAULT_USER_AGENT)
                .unwrap_or_else(|| HeaderValue::from_static("generated-client")),
        };
        let client = match self.client {
            Some(client) => client,
            None => reqwest::Client::builder().build().map_err(|e| {
                Error::InvalidArgument(format!("cannot create the HTTP client: {e}"))
            })?,
        };
        Ok(ClientConfig {
            inner: Arc::new(Inner {
                base_url,
                client,
                timeout: self.timeout,
                attempt_timeout: self.attempt_timeout,
                user_agent,
                retry: self.retry,
                default_headers: self.default_headers,
                credentials: self.credentials,
                max_body_bytes: self.max_body_bytes,
                hooks: self.hooks,
            }),
        })
    }
}

fn normalize_base_url(raw: &str) -> Result<String, Error> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Error::InvalidArgument(
            "no base URL: the API's docs state none; set one with `Client::builder().base_url(..)`".to_owned(),
        ));
    }
    let url = Url::parse(raw).map_err(|e| {
        Error::InvalidArgument(format!("invalid base URL `{}`: {e}", redact_url_str(raw)))
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::InvalidArgument(format!(
            "base URL `{}` must be an http or https URL",
            redact_url(&url)
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::InvalidArgument(format!(
            "base URL `{}` must not have a query or fragment",
            redact_url(&url)
        )));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// The URL with any password replaced by `***`.
fn redact_url(url: &Url) -> String {
    let mut url = url.clone();
    if url.password().is_some() {
        let _ = url.set_password(Some("***"));
    }
    url.to_string()
}

fn redact_url_str(raw: &str) -> String {
    match Url::parse(raw) {
        Ok(url) => redact_url(&url),
        Err(_) if raw.contains('@') => "***".to_owned(),
        Err(_) => raw.to_owned(),
    }
}

/// Joins the base URL (stored without trailing `/`) and a path without
/// doubling or dropping the `/` between them, then adds the query.
pub(crate) fn join_url(
    base: &str,
    path: &str,
    query: &[(&'static str, String)],
    more_query: &[(&'static str, String)],
) -> Result<Url, Error> {
    let base = base.trim_end_matches('/');
    let mut url = String::with_capacity(base.len() + path.len() + 1 + 32 * (query.len() + more_query.len()));
    url.push_str(base);
    if !path.is_empty() {
        if !path.starts_with('/') {
            url.push('/');
        }
        url.push_str(path);
    }
    if !query.is_empty() || !more_query.is_empty() {
        url.push(if path.contains('?') { '&' } else { '?' });
        encode_query(query.iter().chain(more_query), &mut url);
    }
    Url::parse(&url)
        .map_err(|e| Error::InvalidArgument(format!("cannot build the request URL: {e}")))
}

impl ClientConfig {
    /// Starts a configuration with the documented base URL.
    pub fn builder(default_base_url: &str) -> ClientConfigBuilder {
        ClientConfigBuilder {
            base_url: default_base_url.to_owned(),
            client: None,
            timeout: DEFAULT_TIMEOUT,
            attempt_timeout: None,
            user_agent: None,
            retry: RetryPolicy::default(),
            default_headers: HeaderMap::new(),
            credentials: Credentials::new(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            hooks: Vec::new(),
        }
    }

    /// A configuration with every default and this base URL.
    pub fn new(base_url: &str) -> Result<Self, Error> {
        ClientConfig::builder(base_url).build()
    }

    /// The base URL, without trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The total deadline of a call.
    pub fn timeout(&self) -> Duration {
        self.inner.timeout
    }

    /// The limit of one attempt, if set.
    pub fn attempt_timeout(&self) -> Option<Duration> {
        self.inner.attempt_timeout
    }

    /// The `User-Agent` header.
    pub fn user_agent(&self) -> Option<&str> {
        self.inner.user_agent.to_str().ok()
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// Headers sent with every request.
    pub fn default_headers(&self) -> &HeaderMap {
        &self.inner.default_headers
    }

    /// The configured credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.inner.credentials
    }

    /// The largest response body accepted, in bytes.
    pub fn max_body_bytes(&self) -> usize {
        self.inner.max_body_bytes
    }

    /// The underlying HTTP client.
    pub fn http_client(&self) -> &reqwest::Client {
        &self.inner.client
    }

    /// A copy of this configuration with the credential of one scheme set
    /// or replaced (e.g. a refreshed access token).
    pub fn with_credential(&self, scheme_name: &'static str, c: Credential) -> ClientConfig {
        let mut inner = (*self.inner).clone();
        inner.credentials.set(scheme_name, c);
        ClientConfig {
            inner: Arc::new(inner),
        }
    }

    /// Sends a request and reads the whole response, whatever its status
    /// (success is judged by [`RawResponse::json`] and friends).
    ///
    /// Applies the default headers, user agent and credentials (per the
    /// request's [`Security`](super::Security)), the per-request options,
    /// the hooks, the total deadline and attempt timeout, and the retry
    /// policy; the body is limited to `max_body_bytes`.
    pub fn execute(
        &self,
        req: RequestBuilder,
    ) -> impl std::future::Future<Output = Result<RawResponse, Error>> + Send + '_ {
        // A map, not an async block: awaiting the retry loop's future from a block would
        // keep a second copy of its state. Without streaming, attempts read the body.
        futures_util::FutureExt::map(self.run(req, false), |answer| answer.map(Answer::into_raw))
    }

    /// Sends a request and returns as soon as the response head is in: the
    /// body is left to stream. The deadline covers the attempts up to their
    /// response heads; reading the body has no deadline.
    pub(crate) async fn execute_head(&self, req: RequestBuilder) -> Result<Answer, Error> {
        self.run(req, true).await
    }

    /// The retry loop (no wrapping future without tracing: each layer of futures is one
    /// more copy of their state).
    #[cfg(not(feature = "tracing"))]
    fn run(
        &self,
        req: RequestBuilder,
        stream: bool,
    ) -> impl std::future::Future<Output = Result<Answer, Error>> + Send + '_ {
        self.attempts(req, stream)
    }

    /// One span per call (`http_request`): the operation, method and path
    /// template when it starts; attempts as they are made; status and duration
    /// when it ends. Never filled-in paths, query values, headers or bodies.
    #[cfg(feature = "tracing")]
    fn run(
        &self,
        req: RequestBuilder,
        stream: bool,
    ) -> impl std::future::Future<Output = Result<Answer, Error>> + Send + '_ {
        use tracing::field::Empty;
        use tracing::Instrument;
        let span = tracing::info_span!(
            "http_request",
            operation = req.operation,
            method = req.method.as_str(),
            path = req.path_template,
            status = Empty,
            attempts = Empty,
            duration_ms = Empty,
            error = Empty,
        );
        let start = Instant::now();
        let recorder = span.clone();
        let traced = self.attempts(req, stream, span.clone()).instrument(span);
        futures_util::FutureExt::map(traced, move |result| {
            let span = recorder;
            span.record(
                "duration_ms",
                u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX),
            );
            match &result {
                Ok(answer) => {
                    span.record("status", answer.status().as_u16());
                }
                Err(error) => {
                    if let Some(status) = error.status() {
                        span.record("status", status.as_u16());
                    }
                    span.record("error", error.kind_name());
                }
            }
            result
        })
    }

    /// The retry loop: attempts until one is final, the policy allows no
    /// more, or the deadline leaves no time for another.
    async fn attempts(
        &self,
        mut req: RequestBuilder,
        stream: bool,
        #[cfg(feature = "tracing")] span: tracing::Span,
    ) -> Result<Answer, Error> {
        if let Some(error) = req.error.take() {
            return Err(error);
        }
        let inner = &*self.inner;
        let options = std::mem::take(&mut req.options);
        let operation = req.operation;
        let policy = options.retry_policy().unwrap_or(&inner.retry);
        let total = options.timeout().unwrap_or(inner.timeout);
        let start = Instant::now();
        let max_retries = if req.body.has_stream() {
            0
        } else {
            policy.max_retries
        };
        let has_key = |h: &HeaderMap| {
            !h.is_empty() && h.contains_key(HeaderName::from_static("idempotency-key"))
        };
        let idempotent = is_idempotent(&req.method)
            || has_key(&req.headers)
            || options.headers().is_some_and(has_key);
        let is_head = req.method == Method::HEAD;
        let mut attempt: u32 = 0;
        loop {
            // The first attempt has the whole deadline (no clock read needed).
            let remaining = if attempt == 0 {
                total
            } else {
                total.saturating_sub(start.elapsed())
            };
            let limit = match inner.attempt_timeout {
                Some(each) if each < remaining => Limit {
                    wait: each,
                    kind: TimeoutKind::Attempt,
                    limit: each,
                },
                _ => Limit {
                    wait: remaining,
                    kind: TimeoutKind::Total,
                    limit: total,
                },
            };
            if limit.wait.is_zero() {
                return Err(limit.error(operation));
            }
            // Each attempt builds its own request: nothing is copied up front in case a
            // retry comes, and retries are rare.
            // In a block: the request, the attempt and its outcome are not kept in this
            // future's state during the wait before a retry.
            let delay = {
                let sending = {
                    let (mut request, secret_query_names) =
                        self.build(&mut req, options.headers(), limit.wait, stream)?;
                    let info = RequestInfo {
                        operation,
                        method: &req.method,
                        path_template: req.path_template,
                        attempt: attempt + 1,
                    };
                    for hook in &inner.hooks {
                        hook.on_request(&info, &mut request)?;
                    }
                    self.attempt(request, secret_query_names, info, is_head, stream, limit)
                };
                #[cfg(feature = "tracing")]
                span.record("attempts", attempt + 1);
                let outcome = sending.await;
                if attempt >= max_retries {
                    return outcome;
                }
                let delay = match &outcome {
                    Ok(answer) if should_retry_status(answer.status(), idempotent) => {
                        policy.delay(attempt, Some(answer.headers()))
                    }
                    Err(error) if should_retry_error(error, idempotent) => {
                        policy.delay(attempt, None)
                    }
                    _ => return outcome,
                };
                // A retry that would start after the deadline is not made.
                if start.elapsed().saturating_add(delay) >= total {
                    return outcome;
                }
                delay
            };
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// The reqwest request for one attempt, with the names of query parameters that
    /// carry secrets (redacted from errors).
    fn build(
        &self,
        req: &mut RequestBuilder,
        extra_headers: Option<&HeaderMap>,
        timeout: Duration,
        stream: bool,
    ) -> Result<(reqwest::Request, Vec<&'static str>), Error> {
        let inner = &*self.inner;
        let operation = req.operation;
        let path_only = req.path.split(['?', '#']).next().unwrap_or_default();
        if path_only.split('/').any(is_dot_segment) {
            return Err(Error::InvalidArgument(format!(
                "{operation}: a path parameter would make a `.` or `..` path segment"
            )));
        }

        let mut headers = inner.default_headers.clone();
        headers.insert(USER_AGENT, inner.user_agent.clone());
        for name in req.headers.keys() {
            headers.remove(name);
        }
        for (name, value) in &req.headers {
            headers.append(name.clone(), value.clone());
        }
        if let Some(accept) = req.accept {
            headers.insert(ACCEPT, static_header_value(accept).ok_or_else(|| {
                Error::InvalidArgument(format!("{operation}: invalid Accept value"))
            })?);
        }
        if let Some(extra_headers) = extra_headers {
            for name in extra_headers.keys() {
                headers.remove(name);
            }
            for (name, value) in extra_headers {
                headers.append(name.clone(), value.clone());
            }
        }

        let mut auth_query: Vec<(&'static str, String)> = Vec::new();
        let mut auth_cookies: Vec<(&'static str, String)> = Vec::new();
        for applied in resolve(&req.security, &inner.credentials, operation)? {
            match applied {
                AppliedAuth::Header(name, value) => {
                    headers.insert(name, value);
                }
                AppliedAuth::Query(name, value) => auth_query.push((name, value)),
                AppliedAuth::Cookie(name, value) => auth_cookies.push((name, value)),
            }
        }
        if !req.cookies.is_empty() || !auth_cookies.is_empty() {
            let mut merged: Vec<u8> = Vec::new();
            let existing = headers.get_all(COOKIE).iter().map(HeaderValue::as_bytes);
            let added = req
                .cookies
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .chain(auth_cookies.iter().map(|(n, v)| (*n, v.as_str())))
                .map(|(n, v)| [n.as_bytes(), b"=", v.as_bytes()]);
            for piece in existing.map(|e| [e, b"", b""]).chain(added) {
                if !merged.is_empty() {
                    merged.extend_from_slice(b"; ");
                }
                piece.iter().for_each(|p| merged.extend_from_slice(p));
            }
            let mut value = HeaderValue::from_bytes(&merged).map_err(|_| {
                Error::InvalidArgument(format!("{operation}: invalid cookie value"))
            })?;
            // A credential among the cookies makes the whole header sensitive.
            value.set_sensitive(!auth_cookies.is_empty());
            headers.insert(COOKIE, value);
        }

        let mut body = None;
        let mut form = None;
        match &mut req.body {
            Body::Empty => {}
            Body::Bytes { data, content_type } => {
                let value = match content_type {
                    std::borrow::Cow::Borrowed(s) => static_header_value(s),
                    std::borrow::Cow::Owned(s) => HeaderValue::from_str(s).ok(),
                };
                let value = value.ok_or_else(|| {
                    Error::InvalidArgument(format!("{operation}: invalid body content type"))
                })?;
                headers.insert(CONTENT_TYPE, value);
                body = Some(reqwest::Body::from(data.clone()));
            }
            Body::Form(fields) => {
                headers.insert(
                    CONTENT_TYPE,
                    HeaderValue::from_static("application/x-www-form-urlencoded"),
                );
                body = Some(reqwest::Body::from(encode_form(fields)));
            }
            Body::Multipart(fields) => {
                // reqwest adds the content type with the boundary.
                headers.remove(CONTENT_TYPE);
                form = Some(Body::multipart_form(fields)?);
            }
        }

        let url = join_url(&inner.base_url, &req.path, &req.query, &auth_query)?;
        let secret_query_names: Vec<&'static str> = auth_query.iter().map(|(name, _)| *name).collect();
        let mut request = reqwest::Request::new(req.method.clone(), url);
        *request.headers_mut() = headers;
        *request.body_mut() = body;
        // reqwest's timeout covers the whole exchange, the body included; a streamed
        // answer is timed up to its head only (in `attempt`).
        if !stream {
            *request.timeout_mut() = Some(timeout);
        }
        if let Some(form) = form {
            request = reqwest::RequestBuilder::from_parts(inner.client.clone(), request)
                .multipart(form)
                .build()
                .map_err(|e| transport_error(operation, e, &secret_query_names, Limit::none()))?;
        }
        Ok((request, secret_query_names))
    }

    /// One attempt: sends, tells the hooks, and reads the body unless it is to stream.
    /// (A plain function returning the future: the request is handed to reqwest before it,
    /// so the future does not hold it too.)
    #[allow(clippy::too_many_arguments)]
    fn attempt<'s>(
        &'s self,
        request: reqwest::Request,
        secret_query_names: Vec<&'static str>,
        info: RequestInfo<'s>,
        is_head: bool,
        stream: bool,
        limit: Limit,
    ) -> impl std::future::Future<Output = Result<Answer, Error>> + 's {
        let inner = &*self.inner;
        let started = (!inner.hooks.is_empty()).then(Instant::now);
        let pending = inner.client.execute(request);
        async move {
            let operation = info.operation;
            let mut head = {
                let sent = if stream {
                    // Boxed: a streamed call's own timer would otherwise enlarge every call's state.
                    match Box::pin(tokio::time::timeout(limit.wait, pending)).await {
                        Ok(sent) => sent,
                        Err(_) => {
                            let error = limit.error(operation);
                            inner.hooks.iter().for_each(|h| h.on_error(&info, &error));
                            return Err(error);
                        }
                    }
                } else {
                    pending.await
                };
                let mut response = match sent {
                    Ok(response) => response,
                    Err(e) => {
                        let error = transport_error(operation, e, &secret_query_names, limit);
                        inner.hooks.iter().for_each(|h| h.on_error(&info, &error));
                        return Err(error);
                    }
                };
                let status = response.status();
                let headers = std::mem::take(response.headers_mut());
                if let Some(started) = started {
                    let elapsed = started.elapsed();
                    for hook in &inner.hooks {
                        hook.on_response(&info, status, &headers, elapsed);
                    }
                }
                Answer {
                    operation,
                    status,
                    headers,
                    body: AnswerBody::Live(response),
                    limit: inner.max_body_bytes,
                    secret_query_names,
                    timeout: limit,
                    is_head,
                }
            };
            if stream {
                return Ok(head);
            }
            match head.read_body().await {
                Ok(()) => Ok(head),
                Err(error) => {
                    inner.hooks.iter().for_each(|h| h.on_error(&info, &error));
                    Err(error)
                }
            }
        }
    }
}

/// The time an attempt may take, and what to say when it runs out.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limit {
    /// How long this attempt may take.
    wait: Duration,
    kind: TimeoutKind,
    /// The configured limit that `wait` comes from.
    limit: Duration,
}

impl Limit {
    fn none() -> Self {
        Limit {
            wait: Duration::MAX,
            kind: TimeoutKind::Total,
            limit: Duration::MAX,
        }
    }

    fn error(self, operation: &'static str) -> Error {
        Error::Timeout {
            operation,
            kind: self.kind,
            limit: self.limit,
        }
    }
}

/// A response head, with its body complete or still to be read.
pub(crate) struct Answer {
    pub(crate) operation: &'static str,
    pub(crate) status: reqwest::StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: AnswerBody,
    /// `max_body_bytes`.
    pub(crate) limit: usize,
    secret_query_names: Vec<&'static str>,
    timeout: Limit,
    is_head: bool,
}

pub(crate) enum AnswerBody {
    Complete(Bytes),
    Live(reqwest::Response),
}

impl Answer {
    pub(crate) fn status(&self) -> reqwest::StatusCode {
        self.status
    }

    pub(crate) fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// Maps an error of reading the body (URLs redacted, timeouts named).
    pub(crate) fn body_error(&self, error: reqwest::Error) -> Error {
        transport_error(self.operation, error, &self.secret_query_names, self.timeout)
    }

    /// Reads the whole body (bounded by `max_body_bytes`) into `body`.
    pub(crate) async fn read_body(&mut self) -> Result<(), Error> {
        let operation = self.operation;
        let limit = self.limit;
        let AnswerBody::Live(response) = &mut self.body else {
            return Ok(());
        };
        let (names, timeout) = (&self.secret_query_names, self.timeout);
        let transport = |e: reqwest::Error| transport_error(operation, e, names, timeout);
        if !self.is_head && response.content_length().is_some_and(|len| len > limit as u64) {
            return Err(Error::BodyTooLarge { operation, limit });
        }
        let mut first: Option<Bytes> = None;
        let mut rest: Vec<u8> = Vec::new();
        let mut total: usize = 0;
        while let Some(chunk) = response.chunk().await.map_err(transport)? {
            total = total.saturating_add(chunk.len());
            if total > limit {
                return Err(Error::BodyTooLarge { operation, limit });
            }
            match first.take() {
                None if rest.is_empty() => first = Some(chunk),
                Some(previous) => {
                    rest.extend_from_slice(&previous);
                    rest.extend_from_slice(&chunk);
                }
                None => rest.extend_from_slice(&chunk),
            }
        }
        self.body = AnswerBody::Complete(match first {
            Some(only) => only,
            None => Bytes::from(rest),
        });
        Ok(())
    }

    /// Reads the whole body, bounded by `max_body_bytes`.
    pub(crate) async fn read_whole(mut self) -> Result<RawResponse, Error> {
        self.read_body().await?;
        Ok(self.into_raw())
    }

    /// The response with the body read so far (all of it after `read_body`).
    pub(crate) fn into_raw(self) -> RawResponse {
        RawResponse {
            status: self.status,
            headers: self.headers,
            body: match self.body {
                AnswerBody::Complete(body) => body,
                AnswerBody::Live(_) => Bytes::new(),
            },
        }
    }
}

/// A header value from a `&'static str` without copying it, or `None` when it is not a
/// valid header value (`HeaderValue::from_static` would panic on those).
fn static_header_value(value: &'static str) -> Option<HeaderValue> {
    // The commonest value (`Accept` and `Content-Type` of JSON APIs), checked at compile time.
    const JSON: HeaderValue = HeaderValue::from_static("application/json");
    if value == "application/json" {
        return Some(JSON);
    }
    value
        .bytes()
        .all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
        .then(|| HeaderValue::from_static(value))
}

/// Maps a reqwest error, with secret query values redacted from its URL.
fn transport_error(
    operation: &'static str,
    error: reqwest::Error,
    secret_query_names: &[&str],
    limit: Limit,
) -> Error {
    if error.is_timeout() {
        return limit.error(operation);
    }
    let mut error = error;
    if let Some(url) = error.url_mut() {
        if url.password().is_some() {
            let _ = url.set_password(Some("***"));
        }
        if !secret_query_names.is_empty() {
            let mut query = String::new();
            for (name, value) in url.query_pairs() {
                if !query.is_empty() {
                    query.push('&');
                }
                query.push_str(&encode_query_component(&name));
                query.push('=');
                if secret_query_names.contains(&name.as_ref()) {
                    query.push_str("***");
                } else {
                    query.push_str(&encode_query_component(&value));
                }
            }
            url.set_query(Some(&query));
        }
    }
    Error::Transport {
        operation,
        source: error,
    }
}

struct HeaderNames<'a>(&'a HeaderMap);

impl fmt::Debug for HeaderNames<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        f.debug_struct("ClientConfig")
            .field("base_url", &redact_url_str(&inner.base_url))
            .field("timeout", &inner.timeout)
            .field("attempt_timeout", &inner.attempt_timeout)
            .field("user_agent", &self.user_agent())
            .field("retry", &inner.retry)
            .field("default_headers", &HeaderNames(&inner.default_headers))
            .field("credentials", &inner.credentials)
            .field("max_body_bytes", &inner.max_body_bytes)
            .field("hooks", &inner.hooks.len())
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for ClientConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfigBuilder")
            .field("base_url", &redact_url_str(&self.base_url))
            .field("custom_http_client", &self.client.is_some())
            .field("timeout", &self.timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("default_headers", &HeaderNames(&self.default_headers))
            .field("credentials", &self.credentials)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("hooks", &self.hooks.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_base_url_is_a_clear_build_error() {
        let err = ClientConfig::builder("").build().unwrap_err().to_string();
        assert!(err.contains("no base URL") && err.contains("base_url(..)"), "{err}");
        assert!(ClientConfig::builder("").base_url("https://h").build().is_ok());
    }

    #[test]
    fn base_url_joining_table() {
        let table = [
            ("https://h", "/user", "https://h/user"),
            ("https://h/", "/user", "https://h/user"),
            ("https://h/api/v0-1/", "/user", "https://h/api/v0-1/user"),
            ("https://h/api/v0-1", "/user", "https://h/api/v0-1/user"),
            ("https://h/api/v0-1", "user", "https://h/api/v0-1/user"),
            ("https://h/api/", "", "https://h/api"),
            ("https://h", "/", "https://h/"),
            (
                "http://127.0.0.1:8080/base//",
                "/a/b",
                "http://127.0.0.1:8080/base/a/b",
            ),
        ];
        for (base, path, expected) in table {
            let config = ClientConfig::new(base).unwrap();
            let url = join_url(config.base_url(), path, &[], &[]).unwrap();
            assert_eq!(url.as_str(), expected, "{base} + {path}");
        }
        let config = ClientConfig::new("https://h/api/").unwrap();
        assert_eq!(config.base_url(), "https://h/api");
        let q = vec![("a b", "c&d".to_owned()), ("x", "1+1".to_owned())];
        let url = join_url(config.base_url(), "/s", &q, &[("k", "v".to_owned())]).unwrap();
        assert_eq!(url.as_str(), "https://h/api/s?a%20b=c%26d&x=1%2B1&k=v");
    }

    #[test]
    fn base_url_validation() {
        for bad in [
            "",
            "not a url",
            "ftp://h/x",
            "/relative",
            "https://h/?q=1",
            "https://h/#f",
            "mailto:a@b",
        ] {
            match ClientConfig::new(bad) {
                Err(Error::InvalidArgument(_)) => {}
                other => panic!("{bad:?}: {other:?}"),
            }
        }
        assert!(ClientConfig::new("  https://h/x  ").is_ok());
    }

    #[test]
    fn builder_settings_and_header_validation() {
        let config = ClientConfig::builder("https://h")
            .timeout(Duration::from_secs(3))
            .user_agent("my-app/1.0")
            .retry_policy(RetryPolicy::none())
            .max_body_bytes(10)
            .default_header("X-Tenant", "t1")
            .unwrap()
            .build()
            .unwrap();
        assert_eq!(config.timeout(), Duration::from_secs(3));
        assert_eq!(config.user_agent(), Some("my-app/1.0"));
        assert_eq!(config.retry_policy().max_retries, 0);
        assert_eq!(config.max_body_bytes(), 10);
        assert_eq!(config.default_headers()["x-tenant"], "t1");
        let defaults = ClientConfig::new("https://h").unwrap();
        assert_eq!(defaults.timeout(), Duration::from_secs(30));
        assert_eq!(defaults.max_body_bytes(), 16 * 1024 * 1024);
        assert_eq!(defaults.retry_policy(), &RetryPolicy::default());

        for (name, value) in [("X-A", "a\r\nb"), ("X-A", "a\nb"), ("X A", "v")] {
            assert!(matches!(
                ClientConfig::builder("https://h").default_header(name, value),
                Err(Error::InvalidArgument(_))
            ));
        }
        assert!(matches!(
            ClientConfig::builder("https://h")
                .user_agent("a\r\nb")
                .build(),
            Err(Error::InvalidArgument(_))
        ));
    }

    #[test]
    fn debug_never_shows_secrets() {
        let builder = ClientConfig::builder("https://user:pa55word@h/api")
            .credential("basic", Credential::basic("alice", "hunter2"))
            .credential("bearer", Credential::bearer("tok-123"))
            .credential("key", Credential::api_key("k-456"))
            .default_header("X-Api-Key", "hdr-789")
            .unwrap();
        let shown_builder = format!("{builder:?}");
        let config = builder.build().unwrap();
        let refreshed = config.with_credential("bearer", Credential::bearer("tok-999"));
        assert_eq!(config.credentials().len(), 3);
        let shown = format!("{shown_builder} {config:?} {config:#?} {refreshed:?}");
        for secret in [
            "hunter2", "tok-123", "tok-999", "k-456", "hdr-789", "pa55word",
        ] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(
            shown.contains("x-api-key") && shown.contains("bearer"),
            "{shown}"
        );
    }

    #[test]
    fn dot_segments_are_rejected_before_sending() {
        let config = ClientConfig::new("https://h/api").unwrap();
        for value in [".", ".."] {
            let mut req = RequestBuilder::new(Method::GET, "getFile");
            req.path_literal("/files/");
            req.path_param(value);
            match config.build(&mut req, None, DEFAULT_TIMEOUT, false) {
                Err(Error::InvalidArgument(m)) => assert!(m.contains("getFile"), "{m}"),
                Err(other) => panic!("{value}: {other}"),
                Ok((request, _)) => panic!("{value}: {request:?}"),
            }
        }
        let mut req = RequestBuilder::new(Method::GET, "getFile");
        req.path_literal("/files/");
        req.path_param("..");
        req.path_literal(".json");
        let (request, _) = config
            .build(&mut req, None, DEFAULT_TIMEOUT, false)
            .unwrap();
        assert_eq!(request.url().as_str(), "https://h/api/files/...json");
    }
}
#[cfg(test)]
mod future_size {
    /// Every layer of futures that keeps a copy of what it moved into the next costs a
    /// copy per call; the client bench (README, Performance) notices a few kilobytes.
    #[test]
    fn the_call_future_stays_small() {
        let config = super::ClientConfig::new("http://127.0.0.1:9").unwrap();
        let req = super::RequestBuilder::new(reqwest::Method::GET, "op");
        let call = config.execute(req);
        let size = std::mem::size_of_val(&call);
        assert!(size <= if cfg!(feature = "tracing") { 2560 } else { 2048 }, "ClientConfig::execute's future is {size} bytes");
    }
}
