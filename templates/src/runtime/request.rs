//! The request description that generated operations fill in.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::Method;

use super::auth::Security;
use super::encode::{encode_path_segment, QueryValue};
use super::error::Error;
use super::retry::RetryPolicy;

/// One file part of a multipart body, from memory or from a stream.
pub struct FilePart {
    pub(crate) data: FileData,
    pub(crate) file_name: Option<String>,
    pub(crate) content_type: Option<String>,
}

pub(crate) enum FileData {
    Bytes(Bytes),
    /// Taken when sent; a request carrying a stream is never retried.
    Stream(Option<reqwest::Body>),
}

impl FilePart {
    /// A part whose content is in memory.
    pub fn bytes(data: impl Into<Bytes>) -> Self {
        FilePart {
            data: FileData::Bytes(data.into()),
            file_name: None,
            content_type: None,
        }
    }

    /// A part whose content is streamed. Requests carrying a stream part
    /// are never retried, since the stream cannot be replayed.
    pub fn stream(body: reqwest::Body) -> Self {
        FilePart {
            data: FileData::Stream(Some(body)),
            file_name: None,
            content_type: None,
        }
    }

    /// Sets the file name sent in the part's `Content-Disposition`.
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Sets the part's `Content-Type` (checked when the request is sent; an
    /// invalid MIME type fails with [`Error::InvalidArgument`]).
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// Whether the content is a stream (and so cannot be re-sent).
    pub fn is_stream(&self) -> bool {
        matches!(self.data, FileData::Stream(_))
    }

    /// Builds the reqwest part for one attempt.
    pub(crate) fn make_part(&mut self) -> Result<reqwest::multipart::Part, Error> {
        let mut part = match &mut self.data {
            FileData::Bytes(data) => {
                let len = data.len() as u64;
                reqwest::multipart::Part::stream_with_length(reqwest::Body::from(data.clone()), len)
            }
            FileData::Stream(body) => match body.take() {
                Some(body) => reqwest::multipart::Part::stream(body),
                None => {
                    return Err(Error::InvalidArgument(
                        "a streamed multipart part can only be sent once".to_owned(),
                    ))
                }
            },
        };
        if let Some(name) = &self.file_name {
            part = part.file_name(name.clone());
        }
        if let Some(content_type) = &self.content_type {
            part = part.mime_str(content_type).map_err(|_| {
                Error::InvalidArgument(format!("invalid multipart content type `{content_type}`"))
            })?;
        }
        Ok(part)
    }
}

impl From<Vec<u8>> for FilePart {
    fn from(data: Vec<u8>) -> Self {
        FilePart::bytes(data)
    }
}

impl From<Bytes> for FilePart {
    fn from(data: Bytes) -> Self {
        FilePart::bytes(data)
    }
}

impl From<&'static [u8]> for FilePart {
    fn from(data: &'static [u8]) -> Self {
        FilePart::bytes(data)
    }
}

impl fmt::Debug for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("FilePart");
        match &self.data {
            FileData::Bytes(data) => s.field("len", &data.len()),
            FileData::Stream(_) => s.field("stream", &true),
        };
        s.field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

/// One field of a multipart body.
#[derive(Debug)]
pub(crate) enum MultipartField {
    Text { name: String, value: String },
    File { name: String, part: FilePart },
}

/// The body of a request.
#[derive(Debug, Default)]
pub(crate) enum Body {
    #[default]
    Empty,
    /// A complete body with its content type (JSON, raw bytes, text).
    Bytes {
        data: Bytes,
        content_type: std::borrow::Cow<'static, str>,
    },
    /// `application/x-www-form-urlencoded` fields.
    Form(Vec<(String, String)>),
    /// `multipart/form-data` fields, rebuilt for every attempt.
    Multipart(Vec<MultipartField>),
}

impl Body {
    /// Whether the body contains a stream that cannot be re-sent.
    pub(crate) fn has_stream(&self) -> bool {
        match self {
            Body::Multipart(fields) => fields
                .iter()
                .any(|f| matches!(f, MultipartField::File { part, .. } if part.is_stream())),
            _ => false,
        }
    }

    /// Builds the multipart form for one attempt.
    pub(crate) fn multipart_form(
        fields: &mut [MultipartField],
    ) -> Result<reqwest::multipart::Form, Error> {
        let mut form = reqwest::multipart::Form::new();
        for field in fields {
            form = match field {
                MultipartField::Text { name, value } => form.text(name.clone(), value.clone()),
                MultipartField::File { name, part } => form.part(name.clone(), part.make_part()?),
            };
        }
        Ok(form)
    }
}

/// Describes one request of an operation: method, path, query, headers,
/// body and security. Filled in by generated code and sent with
/// [`ClientConfig::execute`](super::ClientConfig::execute).
///
/// Methods that cannot report an error right away (such as
/// [`path_param`](Self::path_param)) remember the first problem; `execute`
/// then fails with it before sending anything.
pub struct RequestBuilder {
    pub(crate) method: Method,
    pub(crate) operation: &'static str,
    /// The documented path with its `{placeholders}`, never the filled-in values.
    pub(crate) path_template: &'static str,
    pub(crate) path: String,
    pub(crate) query: Vec<(&'static str, String)>,
    /// Reused by [`query`](Self::query) to collect a value's wire forms.
    scratch: Vec<String>,
    pub(crate) headers: HeaderMap,
    pub(crate) cookies: Vec<(String, String)>,
    pub(crate) accept: Option<&'static str>,
    pub(crate) body: Body,
    pub(crate) security: Security<'static>,
    pub(crate) options: RequestOptions,
    pub(crate) error: Option<Error>,
}

impl RequestBuilder {
    /// Starts a request. `operation` is the documented operation name, used
    /// in errors; the path template is set with [`path_template`](Self::path_template).
    pub fn new(method: Method, operation: &'static str) -> Self {
        RequestBuilder {
            method,
            operation,
            path_template: "",
            path: String::new(),
            query: Vec::new(),
            scratch: Vec::new(),
            headers: HeaderMap::new(),
            cookies: Vec::new(),
            accept: None,
            body: Body::Empty,
            security: Security::None,
            options: RequestOptions::new(),
            error: None,
        }
    }

    /// Sets the documented path template (`/users/{userId}`), which hooks
    /// and tracing see instead of the filled-in path.
    pub fn path_template(&mut self, template: &'static str) {
        self.path_template = template;
    }

    /// Applies per-request options (timeout, headers, retry policy,
    /// idempotency key); an invalid header among them fails the request
    /// before anything is sent.
    pub fn options(&mut self, options: RequestOptions) {
        if let Some(message) = options.error() {
            let message = format!("{}: {message}", self.operation);
            self.remember(Error::InvalidArgument(message));
        }
        self.options = options;
    }

    fn remember(&mut self, error: Error) {
        if self.error.is_none() {
            self.error = Some(error);
        }
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The documented operation name.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The path built so far (relative to the base URL, already encoded).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query pairs added so far (not yet encoded).
    pub fn query_pairs(&self) -> &[(&'static str, String)] {
        &self.query
    }

    /// Appends a literal piece of the path as-is, e.g. `"/apps/"`.
    pub fn path_literal(&mut self, s: &'static str) {
        self.path.push_str(s);
    }

    /// Appends a path parameter, percent-encoded so that it stays one
    /// segment: `/`, `?`, `#`, `%`, spaces and non-ASCII are encoded.
    ///
    /// An empty value, or one that would make a `.` or `..` segment (which
    /// URL parsers remove, changing the path), makes `execute` fail with
    /// [`Error::InvalidArgument`] before anything is sent.
    pub fn path_param(&mut self, value: &str) {
        if value.is_empty() {
            let message = format!("{}: a path parameter must not be empty", self.operation);
            self.remember(Error::InvalidArgument(message));
        }
        self.path.push_str(&encode_path_segment(value));
    }

    /// Appends a typed path parameter; several values are joined with `,`.
    pub fn path_param_value<V: QueryValue + ?Sized>(&mut self, value: &V) {
        self.path_param(&value.to_query_strings().join(","));
    }

    /// Adds a query parameter; sequences repeat the name
    /// (`?tag=a&tag=b`).
    pub fn query<V: QueryValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        let mut values = std::mem::take(&mut self.scratch);
        value.append_to(&mut values);
        self.query.extend(values.drain(..).map(|v| (name, v)));
        self.scratch = values;
    }

    /// Adds an optional query parameter; `None` is omitted.
    pub fn query_opt<V: QueryValue + ?Sized>(&mut self, name: &'static str, value: Option<&V>) {
        if let Some(value) = value {
            self.query(name, value);
        }
    }

    /// Adds a header. Invalid names and values (including CR or LF) are
    /// rejected with [`Error::InvalidArgument`]. Headers set here replace
    /// the client's default headers of the same name.
    pub fn header(&mut self, name: &str, value: &str) -> Result<(), Error> {
        let (name, value) = parse_header(name, value)?;
        self.headers.append(name, value);
        Ok(())
    }

    /// Adds a typed header; several values are joined with `,`.
    pub fn header_value<V: QueryValue + ?Sized>(
        &mut self,
        name: &str,
        value: &V,
    ) -> Result<(), Error> {
        self.header(name, &value.to_query_strings().join(","))
    }

    /// Adds a cookie parameter (merged into one `Cookie` header); several
    /// values are joined with `,`.
    pub fn cookie<V: QueryValue + ?Sized>(&mut self, name: &str, value: &V) {
        let value = value.to_query_strings().join(",");
        if name.is_empty()
            || name.contains(['=', ';'])
            || value.contains(';')
            || name.chars().chain(value.chars()).any(char::is_control)
        {
            let message = format!("{}: invalid cookie `{name}`", self.operation);
            self.remember(Error::InvalidArgument(message));
            return;
        }
        self.cookies.push((name.to_owned(), value));
    }

    /// Sets the `Accept` header.
    pub fn accept(&mut self, v: &'static str) {
        self.accept = Some(v);
    }

    /// Sets a JSON body and `Content-Type: application/json`.
    pub fn json_body<T: serde::Serialize + ?Sized>(&mut self, body: &T) -> Result<(), Error> {
        let data = serde_json::to_vec(body).map_err(|e| {
            Error::InvalidArgument(format!(
                "{}: cannot serialize the body: {e}",
                self.operation
            ))
        })?;
        self.body = Body::Bytes {
            data: Bytes::from(data),
            content_type: std::borrow::Cow::Borrowed("application/json"),
        };
        Ok(())
    }

    /// Sets a raw body with its content type (checked when sent).
    pub fn bytes_body(&mut self, data: impl Into<Bytes>, content_type: &str) {
        self.body = Body::Bytes {
            data: data.into(),
            content_type: std::borrow::Cow::Owned(content_type.to_owned()),
        };
    }

    /// Sends a file's bytes as the whole body: its own content type, else `content_type`.
    /// A file made from a stream cannot be a raw body (it could not be retried or sized).
    pub fn file_body(&mut self, file: FilePart, content_type: &str) -> Result<(), Error> {
        let ct = file.content_type.unwrap_or_else(|| content_type.to_owned());
        match file.data {
            FileData::Bytes(data) => {
                self.body = Body::Bytes {
                    data,
                    content_type: std::borrow::Cow::Owned(ct),
                };
                Ok(())
            }
            FileData::Stream(_) => Err(Error::InvalidArgument(
                "a raw request body must be bytes, not a stream".to_owned(),
            )),
        }
    }

    /// Adds an `application/x-www-form-urlencoded` field; sequences repeat
    /// the name.
    pub fn form_field<V: QueryValue + ?Sized>(&mut self, name: &str, value: &V) {
        let mut fields = match std::mem::take(&mut self.body) {
            Body::Form(fields) => fields,
            _ => Vec::new(),
        };
        for v in value.to_query_strings() {
            fields.push((name.to_owned(), v));
        }
        self.body = Body::Form(fields);
    }

    fn push_multipart(&mut self, new: impl IntoIterator<Item = MultipartField>) {
        let mut fields = match std::mem::take(&mut self.body) {
            Body::Multipart(fields) => fields,
            _ => Vec::new(),
        };
        fields.extend(new);
        self.body = Body::Multipart(fields);
    }

    /// Adds a `multipart/form-data` text part; sequences add one part per
    /// element.
    pub fn multipart_text<V: QueryValue + ?Sized>(&mut self, name: &str, value: &V) {
        let fields = value
            .to_query_strings()
            .into_iter()
            .map(|v| MultipartField::Text {
                name: name.to_owned(),
                value: v,
            });
        self.push_multipart(fields);
    }

    /// Adds a `multipart/form-data` file part.
    pub fn multipart_file(&mut self, name: &str, file: FilePart) {
        self.push_multipart([MultipartField::File {
            name: name.to_owned(),
            part: file,
        }]);
    }

    /// Sets which credentials the request sends.
    pub fn security(&mut self, s: Security<'static>) {
        self.security = s;
    }
}

impl fmt::Debug for RequestBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBuilder")
            .field("method", &self.method)
            .field("operation", &self.operation)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field(
                "cookies",
                &self.cookies.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            )
            .field("accept", &self.accept)
            .field("body", &self.body)
            .field("security", &self.security)
            .field("options", &self.options)
            .field("error", &self.error)
            .finish()
    }
}

/// Options of one request, set on any request builder: a timeout replacing
/// the client's total deadline, extra headers, a retry policy, an
/// idempotency key. One pointer wide and allocation-free until an option is
/// set; cloned with the builder when pages are fetched.
#[derive(Clone, Default)]
pub struct RequestOptions {
    set: Option<Box<OptionsSet>>,
}

#[derive(Clone, Default)]
struct OptionsSet {
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    /// Sent last, replacing headers of the same name (credentials excepted).
    headers: HeaderMap,
    /// The first invalid header, reported when the request is sent.
    error: Option<String>,
}

impl RequestOptions {
    /// No options.
    pub fn new() -> Self {
        RequestOptions { set: None }
    }

    fn set(&mut self) -> &mut OptionsSet {
        self.set.get_or_insert_with(Box::default)
    }

    /// The request's own total deadline, if set.
    pub fn timeout(&self) -> Option<Duration> {
        self.set.as_ref().and_then(|s| s.timeout)
    }

    /// The request's own retry policy, if set.
    pub fn retry_policy(&self) -> Option<&RetryPolicy> {
        self.set.as_ref().and_then(|s| s.retry.as_ref())
    }

    /// The request's own headers, if any.
    pub fn headers(&self) -> Option<&HeaderMap> {
        self.set.as_ref().map(|s| &s.headers).filter(|h| !h.is_empty())
    }

    /// The first invalid header's problem, if any.
    pub(crate) fn error(&self) -> Option<&str> {
        self.set.as_ref().and_then(|s| s.error.as_deref())
    }

    /// Replaces the client's total deadline for this request.
    pub fn set_timeout(&mut self, d: Duration) {
        self.set().timeout = Some(d);
    }

    /// Replaces the client's retry policy for this request.
    pub fn set_retry_policy(&mut self, p: RetryPolicy) {
        self.set().retry = Some(p);
    }

    /// Adds a header (replacing any other header of that name the request
    /// would send, credentials excepted). An invalid name or value (CR, LF,
    /// other control bytes) makes the request fail with
    /// [`Error::InvalidArgument`] before anything is sent.
    pub fn add_header(&mut self, name: &str, value: &str) {
        let set = self.set();
        match parse_header(name, value) {
            Ok((name, value)) => {
                set.headers.append(name, value);
            }
            Err(Error::InvalidArgument(message)) if set.error.is_none() => {
                set.error = Some(message);
            }
            Err(_) => {}
        }
    }

    /// Sends `Idempotency-Key: <key>`; the server may then de-duplicate the
    /// request, so it is retried like an idempotent one (POST and PATCH
    /// included).
    pub fn set_idempotency_key(&mut self, key: &str) {
        self.add_header("Idempotency-Key", key);
    }
}

impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Header values may be secrets: names only.
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout())
            .field("retry", &self.retry_policy())
            .field(
                "headers",
                &self.headers().map(|h| h.keys().collect::<Vec<_>>()),
            )
            .field("error", &self.error())
            .finish()
    }
}

/// Validates a header name and value (no CR, LF or other control bytes).
pub(crate) fn parse_header(name: &str, value: &str) -> Result<(HeaderName, HeaderValue), Error> {
    let header_name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
        Error::InvalidArgument(format!("invalid header name `{}`", name.escape_debug()))
    })?;
    let header_value = HeaderValue::from_str(value)
        .map_err(|_| Error::InvalidArgument(format!("invalid value for header `{header_name}`")))?;
    Ok((header_name, header_value))
}

/// The per-request options and the senders every generated request builder
/// shares (`send_json`, `send_bytes`, `send_stream`): a struct with an
/// `options: RequestOptions` field, a `client`, `into_request`, `OPERATION`
/// and `DOCUMENTED`. `no_idempotency_key` leaves out `idempotency_key` (for
/// operations whose docs have such a parameter).
#[allow(unused_macros)]
macro_rules! request_options {
    () => {
        $crate::runtime::request_options!(no_idempotency_key);

        /// Sends `Idempotency-Key: <key>` so that the server can recognise a
        /// repeated request; with it, the request is retried like an
        /// idempotent one (POST and PATCH included).
        pub fn idempotency_key(mut self, key: impl AsRef<str>) -> Self {
            self.options.set_idempotency_key(key.as_ref());
            self
        }
    };
    (no_idempotency_key) => {
        /// Sets the total deadline of this request (every attempt and the
        /// waits between them), instead of the client's `timeout`.
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.options.set_timeout(timeout);
            self
        }

        /// Adds a header to this request, replacing any header of that name
        /// it would send (credentials excepted). An invalid name or value
        /// (CR, LF or other control characters) makes the request fail with
        /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) before
        /// anything is sent.
        pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
            self.options.add_header(name.as_ref(), value.as_ref());
            self
        }

        /// Sets the retry policy of this request, instead of the client's.
        pub fn retry_policy(mut self, policy: $crate::runtime::RetryPolicy) -> Self {
            self.options.set_retry_policy(policy);
            self
        }

        /// Sends the request and decodes a 2xx JSON body into your own type.
        pub fn send_json<T: serde::de::DeserializeOwned>(
            self,
        ) -> impl std::future::Future<Output = $crate::runtime::ApiResult<T>> + Send {
            let config = self.client.config.clone();
            let req = self.into_request();
            $crate::runtime::send(config, req, Self::OPERATION, Self::DOCUMENTED, $crate::runtime::RawResponse::json::<T>)
        }

        /// Sends the request and returns the raw 2xx body.
        pub fn send_bytes(
            self,
        ) -> impl std::future::Future<Output = $crate::runtime::ApiResult<bytes::Bytes>> + Send {
            let config = self.client.config.clone();
            let req = self.into_request();
            $crate::runtime::send(config, req, Self::OPERATION, Self::DOCUMENTED, $crate::runtime::RawResponse::bytes)
        }

        /// Sends the request and returns the 2xx body as a stream of bytes as
        /// it arrives (other statuses are [`Error::Status`](crate::Error::Status)).
        /// The deadline covers the wait for the response head, not the body.
        pub async fn send_stream(
            self,
        ) -> Result<$crate::runtime::ByteStream, $crate::runtime::Error> {
            let config = self.client.config.clone();
            let req = self.into_request()?;
            config.execute_stream(req, Self::DOCUMENTED).await
        }
    };
}
#[allow(unused_imports)]
pub(crate) use request_options;

#[cfg(test)]
mod tests {
    use super::*;

    struct FakeClient {
        config: super::super::ClientConfig,
    }

    struct FakeRequest<'a> {
        client: &'a FakeClient,
        options: RequestOptions,
    }

    impl FakeRequest<'_> {
        const OPERATION: &'static str = "op";
        const DOCUMENTED: &'static [super::super::Documented] = &[];

        fn into_request(self) -> Result<RequestBuilder, Error> {
            let mut req = RequestBuilder::new(Method::POST, "op");
            req.options(self.options);
            Ok(req)
        }

        crate::runtime::request_options!();
    }

    #[test]
    fn option_setters_of_request_builders() {
        let client = FakeClient {
            config: super::super::ClientConfig::new("http://127.0.0.1:9").unwrap(),
        };
        let r = FakeRequest {
            client: &client,
            options: RequestOptions::new(),
        }
        .timeout(Duration::from_secs(2))
        .header("X-Trace", "t1")
        .retry_policy(RetryPolicy::none())
        .idempotency_key("k-1");
        assert_eq!(r.options.timeout(), Some(Duration::from_secs(2)));
        assert_eq!(r.options.retry_policy(), Some(&RetryPolicy::none()));
        let headers = r.options.headers().unwrap();
        assert_eq!(headers["x-trace"], "t1");
        assert_eq!(headers["idempotency-key"], "k-1");
        assert!(RequestOptions::new().headers().is_none());
        assert_eq!(std::mem::size_of::<RequestOptions>(), std::mem::size_of::<usize>());
        let shown = format!("{:?}", r.options);
        assert!(!shown.contains("t1") && shown.contains("x-trace"), "{shown}");
        let bad = FakeRequest {
            client: &client,
            options: RequestOptions::new(),
        }
        .header("X-Bad", "a\r\nInjected: 1");
        let req = bad.into_request().unwrap();
        assert!(matches!(req.error, Some(Error::InvalidArgument(_))));
        drop(
            FakeRequest {
                client: &client,
                options: RequestOptions::new(),
            }
            .send_stream(),
        );
        drop(
            FakeRequest {
                client: &client,
                options: RequestOptions::new(),
            }
            .send_json::<serde_json::Value>(),
        );
        drop(
            FakeRequest {
                client: &client,
                options: RequestOptions::new(),
            }
            .send_bytes(),
        );
    }

    #[test]
    fn path_params_stay_one_segment() {
        let table = [
            ("a b", "/apps/a%20b/x"),
            ("a/b", "/apps/a%2Fb/x"),
            ("a?b=c", "/apps/a%3Fb%3Dc/x"),
            ("a#frag", "/apps/a%23frag/x"),
            ("50%", "/apps/50%25/x"),
            ("ünï", "/apps/%C3%BCn%C3%AF/x"),
            ("v1.2", "/apps/v1.2/x"),
        ];
        for (value, path) in table {
            let mut r = RequestBuilder::new(Method::GET, "op");
            r.path_literal("/apps/");
            r.path_param(value);
            r.path_literal("/x");
            assert_eq!(r.path(), path);
            assert!(r.error.is_none());
        }
        let mut r = RequestBuilder::new(Method::GET, "op");
        r.path_literal("/users/");
        r.path_param("");
        assert!(matches!(r.error, Some(Error::InvalidArgument(_))));
        let mut r = RequestBuilder::new(Method::GET, "op");
        r.path_literal("/users/");
        r.path_param_value(&42u32);
        r.path_literal("/tags/");
        r.path_param_value(&["a", "b"]);
        assert_eq!(r.path(), "/users/42/tags/a%2Cb");
    }

    #[test]
    fn query_parameters() {
        let mut r = RequestBuilder::new(Method::GET, "op");
        r.query("flag", &true);
        r.query("tags", &vec!["a", "b"]);
        r.query("s", "x");
        r.query_opt::<u32>("missing", None);
        r.query_opt("limit", Some(&10u32));
        r.query_opt("name", Some("n"));
        let since = time::OffsetDateTime::from_unix_timestamp(0).unwrap();
        r.query("since", &since);
        let pairs: Vec<(&str, &str)> = r
            .query_pairs()
            .iter()
            .map(|(n, v)| (*n, v.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("flag", "true"),
                ("tags", "a"),
                ("tags", "b"),
                ("s", "x"),
                ("limit", "10"),
                ("name", "n"),
                ("since", "1970-01-01T00:00:00Z"),
            ]
        );
    }

    #[test]
    fn headers_reject_cr_lf() {
        let mut r = RequestBuilder::new(Method::GET, "op");
        assert!(r.header("X-Ok", "fine").is_ok());
        for (name, value) in [
            ("X-Bad", "a\r\nInjected: 1"),
            ("X-Bad", "a\nb"),
            ("X-Bad", "a\rb"),
            ("X-Bad", "nul\0"),
            ("Bad Name", "v"),
            ("Bad\r\nName", "v"),
            ("", "v"),
        ] {
            match r.header(name, value) {
                Err(Error::InvalidArgument(_)) => {}
                other => panic!("{name:?}: {value:?} gave {other:?}"),
            }
        }
        assert_eq!(r.headers.len(), 1);
        assert!(r.header_value("X-Ids", &[1, 2]).is_ok());
        assert_eq!(r.headers["x-ids"], "1,2");
    }

    #[test]
    fn bodies() {
        let mut r = RequestBuilder::new(Method::POST, "op");
        r.json_body(&serde_json::json!({"a": 1})).unwrap();
        match &r.body {
            Body::Bytes { data, content_type } => {
                assert_eq!(&data[..], br#"{"a":1}"#);
                assert_eq!(content_type, "application/json");
            }
            other => panic!("{other:?}"),
        }
        r.form_field("a", "1");
        r.form_field("b", &[2, 3]);
        match &r.body {
            Body::Form(fields) => assert_eq!(fields.len(), 3),
            other => panic!("{other:?}"),
        }
        r.multipart_text("t", "v");
        r.multipart_file("f", FilePart::from(b"data".to_vec()).file_name("f.txt"));
        assert!(!r.body.has_stream());
        r.multipart_file("s", FilePart::stream(reqwest::Body::from("x")));
        assert!(r.body.has_stream());
        let shown = format!("{r:?}");
        assert!(shown.contains("f.txt"));
    }

    #[test]
    fn stream_parts_are_sent_once() {
        let mut part = FilePart::stream(reqwest::Body::from("x"));
        assert!(part.make_part().is_ok());
        assert!(matches!(part.make_part(), Err(Error::InvalidArgument(_))));
        let mut part = FilePart::bytes(&b"x"[..]).content_type("not a mime");
        assert!(matches!(part.make_part(), Err(Error::InvalidArgument(_))));
        let mut part = FilePart::bytes(Bytes::from_static(b"x")).content_type("text/plain");
        assert!(part.make_part().is_ok());
        assert!(part.make_part().is_ok());
    }
}

