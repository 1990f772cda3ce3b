//! Streamed responses: the body as a stream of bytes, and typed items of
//! NDJSON / JSON Lines / server-sent-event answers.

use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_core::Stream;
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::StatusCode;

use super::config::{Answer, AnswerBody, ClientConfig};
use super::error::Error;
use super::request::RequestBuilder;
use super::response::{Documented, RawResponse};

type Chunks = Pin<Box<dyn Stream<Item = Result<Bytes, reqwest::Error>> + Send>>;

/// A 2xx response whose body is read as it arrives: a
/// `Stream<Item = Result<Bytes, Error>>` (use `futures_util::StreamExt::next`
/// or `tokio_stream`), with the status and headers at hand.
///
/// The client's deadline covers the attempts up to the response head; the
/// body has no deadline (wrap reads in `tokio::time::timeout` to bound
/// them).
pub struct ByteStream {
    answer: Answer,
    chunks: Option<Chunks>,
    complete: Option<Bytes>,
}

impl ByteStream {
    fn new(mut answer: Answer) -> Self {
        let body = std::mem::replace(&mut answer.body, AnswerBody::Complete(Bytes::new()));
        let (chunks, complete): (Option<Chunks>, Option<Bytes>) = match body {
            AnswerBody::Complete(bytes) => (None, Some(bytes)),
            AnswerBody::Live(response) => (Some(Box::pin(response.bytes_stream())), None),
        };
        ByteStream {
            answer,
            chunks,
            complete,
        }
    }

    /// Status code.
    pub fn status(&self) -> StatusCode {
        self.answer.status
    }

    /// Headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.answer.headers
    }

    /// The documented name of the operation.
    pub fn operation(&self) -> &'static str {
        self.answer.operation
    }

    /// Reads the rest of the body into memory (bounded by the client's
    /// `max_body_bytes`).
    pub async fn collect(mut self) -> Result<Bytes, Error> {
        let limit = self.answer.limit;
        let mut all = Vec::new();
        while let Some(chunk) = std::future::poll_fn(|cx| Pin::new(&mut self).poll_next(cx)).await {
            all.extend_from_slice(&chunk?);
            if all.len() > limit {
                return Err(Error::BodyTooLarge {
                    operation: self.answer.operation,
                    limit,
                });
            }
        }
        Ok(Bytes::from(all))
    }
}

impl Stream for ByteStream {
    type Item = Result<Bytes, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if let Some(bytes) = this.complete.take() {
            return Poll::Ready((!bytes.is_empty()).then_some(Ok(bytes)));
        }
        let Some(chunks) = this.chunks.as_mut() else {
            return Poll::Ready(None);
        };
        match chunks.as_mut().poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => Poll::Ready(Some(Ok(chunk))),
            Poll::Ready(Some(Err(e))) => {
                this.chunks = None;
                Poll::Ready(Some(Err(this.answer.body_error(e))))
            }
            Poll::Ready(None) => {
                this.chunks = None;
                Poll::Ready(None)
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ByteStream")
            .field("operation", &self.answer.operation)
            .field("status", &self.answer.status)
            .finish_non_exhaustive()
    }
}

/// How a streamed answer separates its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StreamFormat {
    /// One JSON value per line (`application/x-ndjson`, `application/jsonl`);
    /// blank lines are skipped.
    JsonLines,
    /// Server-sent events (`text/event-stream`): each event's `data:` lines,
    /// joined with `\n`, are one JSON value; comments, `event:`, `id:` and
    /// `retry:` lines are skipped, and so is a `[DONE]` data payload.
    EventStream,
}

impl StreamFormat {
    /// The format of a media type, if it is one of the streamed ones.
    pub fn of_media_type(media_type: &str) -> Option<Self> {
        let essence = media_type.split(';').next().unwrap_or_default().trim();
        let is = |t: &str| essence.eq_ignore_ascii_case(t);
        if is("text/event-stream") {
            Some(StreamFormat::EventStream)
        } else if is("application/x-ndjson")
            || is("application/ndjson")
            || is("application/jsonl")
            || is("application/x-jsonlines")
            || is("application/json-seq")
        {
            Some(StreamFormat::JsonLines)
        } else {
            None
        }
    }

    /// The answer's own `Content-Type` when it names a streamed format,
    /// otherwise this (documented) one.
    fn for_headers(self, headers: &HeaderMap) -> Self {
        headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(StreamFormat::of_media_type)
            .unwrap_or(self)
    }
}

/// Splits a byte stream into item payloads.
#[derive(Debug)]
struct Records {
    format: StreamFormat,
    buf: Vec<u8>,
    /// Start of the unread part of `buf`.
    start: usize,
    /// Event-stream: the `data:` lines of the event being read.
    data: Option<Vec<u8>>,
}

impl Records {
    fn new(format: StreamFormat) -> Self {
        Records {
            format,
            buf: Vec::new(),
            start: 0,
            data: None,
        }
    }

    fn push(&mut self, chunk: &[u8]) {
        if self.start > 0 && self.start >= self.buf.len() / 2 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        self.buf.extend_from_slice(chunk);
    }

    /// Bytes held for items not yet complete.
    fn pending(&self) -> usize {
        self.buf.len() - self.start + self.data.as_ref().map_or(0, Vec::len)
    }

    /// The next line (without its line ending); at the end, the rest.
    fn line(&mut self, eof: bool) -> Option<Vec<u8>> {
        let rest = &self.buf[self.start..];
        let line = match rest.iter().position(|b| *b == b'\n') {
            Some(end) => {
                self.start += end + 1;
                &rest[..end]
            }
            None if eof && !rest.is_empty() => {
                self.start = self.buf.len();
                rest
            }
            None => return None,
        };
        Some(line.strip_suffix(b"\r").unwrap_or(line).to_vec())
    }

    /// The next complete item payload.
    fn next(&mut self, eof: bool) -> Option<Vec<u8>> {
        loop {
            let Some(line) = self.line(eof) else {
                // At the end, an event without its blank line still counts.
                return if eof { self.take_event() } else { None };
            };
            match self.format {
                StreamFormat::JsonLines => {
                    if !line.iter().all(u8::is_ascii_whitespace) {
                        return Some(line);
                    }
                }
                StreamFormat::EventStream => {
                    if line.is_empty() {
                        if let Some(event) = self.take_event() {
                            return Some(event);
                        }
                    } else if let Some(value) = line.strip_prefix(b"data") {
                        if value.is_empty() || value[0] == b':' {
                            let value = value.get(1..).unwrap_or_default();
                            let value = value.strip_prefix(b" ").unwrap_or(value);
                            let data = self.data.get_or_insert_with(Vec::new);
                            if !data.is_empty() {
                                data.push(b'\n');
                            }
                            data.extend_from_slice(value);
                        }
                    }
                }
            }
        }
    }

    fn take_event(&mut self) -> Option<Vec<u8>> {
        loop {
            let data = self.data.take()?;
            if data != b"[DONE]" && !data.iter().all(u8::is_ascii_whitespace) {
                return Some(data);
            }
        }
    }
}

fn decode<T: serde::de::DeserializeOwned>(
    operation: &'static str,
    status: StatusCode,
    headers: &HeaderMap,
    payload: Vec<u8>,
) -> Result<T, Error> {
    // As for whole answers: the path of a failure is found by decoding again.
    let decoded = serde_json::from_slice::<T>(&payload).map_err(|plain| {
        let mut de = serde_json::Deserializer::from_slice(&payload);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Err(e) => (e.inner().to_string(), e.path().to_string()),
            Ok(_) => (plain.to_string(), String::new()),
        }
    });
    decoded.map_err(|(message, path)| Error::Decode {
        operation,
        status,
        headers: Box::new(headers.clone()),
        body: Bytes::from(payload),
        message,
        rust_type: std::any::type_name::<T>(),
        path,
    })
}

/// The typed items of a streamed answer, one at a time as they arrive: a
/// `Stream<Item = Result<T, Error>>`. An item that does not decode is an
/// [`Error::Decode`] (the stream goes on); a transport error ends it. One
/// item may not exceed the client's `max_body_bytes`.
pub struct ItemStream<T> {
    bytes: ByteStream,
    records: Records,
    done: bool,
    _item: PhantomData<fn() -> T>,
}

impl<T> ItemStream<T> {
    /// Status code.
    pub fn status(&self) -> StatusCode {
        self.bytes.status()
    }

    /// Headers.
    pub fn headers(&self) -> &HeaderMap {
        self.bytes.headers()
    }
}

impl<T: serde::de::DeserializeOwned> Stream for ItemStream<T> {
    type Item = Result<T, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(payload) = this.records.next(this.done) {
                let answer = &this.bytes.answer;
                return Poll::Ready(Some(decode(
                    answer.operation,
                    answer.status,
                    &answer.headers,
                    payload,
                )));
            }
            if this.done {
                return Poll::Ready(None);
            }
            match Pin::new(&mut this.bytes).poll_next(cx) {
                Poll::Ready(Some(Ok(chunk))) => {
                    this.records.push(&chunk);
                    let limit = this.bytes.answer.limit;
                    if this.records.pending() > limit {
                        this.done = true;
                        this.records = Records::new(this.records.format);
                        let operation = this.bytes.answer.operation;
                        return Poll::Ready(Some(Err(Error::BodyTooLarge { operation, limit })));
                    }
                }
                Poll::Ready(Some(Err(e))) => {
                    this.done = true;
                    this.records = Records::new(this.records.format);
                    return Poll::Ready(Some(Err(e)));
                }
                Poll::Ready(None) => this.done = true,
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

impl<T> fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemStream")
            .field("bytes", &self.bytes)
            .field("format", &self.records.format)
            .finish_non_exhaustive()
    }
}

impl ClientConfig {
    /// Sends a request and streams a 2xx body; any other status is read
    /// whole and returned as [`Error::Status`].
    pub async fn execute_stream(
        &self,
        req: RequestBuilder,
        documented: &'static [Documented],
    ) -> Result<ByteStream, Error> {
        let operation = req.operation;
        let answer = self.execute_head(req).await?;
        if !answer.status.is_success() {
            let raw = Box::pin(answer.read_whole()).await?;
            return Err(raw.into_error(operation, documented));
        }
        Ok(ByteStream::new(answer))
    }

    /// Sends a request and streams the typed items of a 2xx answer in
    /// `format` (or the format its `Content-Type` names).
    pub async fn execute_items<T: serde::de::DeserializeOwned>(
        &self,
        req: RequestBuilder,
        documented: &'static [Documented],
        format: StreamFormat,
    ) -> Result<ItemStream<T>, Error> {
        let bytes = self.execute_stream(req, documented).await?;
        let format = format.for_headers(bytes.headers());
        Ok(ItemStream {
            bytes,
            records: Records::new(format),
            done: false,
            _item: PhantomData,
        })
    }
}

impl RawResponse {
    /// 2xx: decodes every item of a complete NDJSON or event-stream body;
    /// otherwise [`Error::Status`].
    pub fn items<T: serde::de::DeserializeOwned>(
        self,
        operation: &'static str,
        documented: &'static [Documented],
        format: StreamFormat,
    ) -> Result<super::response::ApiResponse<Vec<T>>, Error> {
        if !self.is_success() {
            return Err(self.into_error(operation, documented));
        }
        let mut records = Records::new(format.for_headers(&self.headers));
        records.push(&self.body);
        let mut items = Vec::new();
        while let Some(payload) = records.next(true) {
            items.push(decode(operation, self.status, &self.headers, payload)?);
        }
        Ok(super::response::ApiResponse::new(self.status, self.headers, items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(format: StreamFormat, chunks: &[&str]) -> Vec<String> {
        let mut records = Records::new(format);
        let mut out = Vec::new();
        for chunk in chunks {
            records.push(chunk.as_bytes());
            while let Some(r) = records.next(false) {
                out.push(String::from_utf8(r).unwrap());
            }
        }
        while let Some(r) = records.next(true) {
            out.push(String::from_utf8(r).unwrap());
        }
        out
    }

    #[test]
    fn json_lines_split_across_chunks() {
        let got = all(
            StreamFormat::JsonLines,
            &["{\"a\":", "1}\n\n{\"a\":2}\r\n", "  \n{\"a\"", ":3}"],
        );
        assert_eq!(got, [r#"{"a":1}"#, r#"{"a":2}"#, r#"{"a":3}"#]);
    }

    #[test]
    fn event_stream_data_lines() {
        let got = all(
            StreamFormat::EventStream,
            &[
                ": comment\nevent: tick\nid: 1\ndata: {\"a\":\n",
                "data: 1}\n\ndata:{\"a\":2}\r\n\r\n",
                "retry: 10\n\ndata: [DONE]\n\ndata: {\"a\":3}",
            ],
        );
        assert_eq!(got, ["{\"a\":\n1}", r#"{"a":2}"#, r#"{"a":3}"#]);
    }

    #[test]
    fn formats_of_media_types() {
        for (t, f) in [
            ("application/x-ndjson", Some(StreamFormat::JsonLines)),
            ("application/jsonl; charset=utf-8", Some(StreamFormat::JsonLines)),
            ("Text/Event-Stream", Some(StreamFormat::EventStream)),
            ("application/json", None),
        ] {
            assert_eq!(StreamFormat::of_media_type(t), f, "{t}");
        }
    }

    #[test]
    fn whole_bodies_decode_into_items() {
        let raw = RawResponse {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"1\n2\n3\n"),
        };
        let items: Vec<i64> = raw
            .items("op", &[], StreamFormat::JsonLines)
            .unwrap()
            .into_body();
        assert_eq!(items, [1, 2, 3]);
        let raw = RawResponse {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"1\nnope\n"),
        };
        assert!(matches!(
            raw.items::<i64>("op", &[], StreamFormat::JsonLines),
            Err(Error::Decode { .. })
        ));
    }
}
