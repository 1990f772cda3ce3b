//! HTTP runtime of a generated client: configuration, request building,
//! authentication, retries and response decoding.
//!
//! Generated operations fill in a [`RequestBuilder`], send it with
//! [`ClientConfig::execute`] and decode the [`RawResponse`] with
//! [`RawResponse::json`] (or `empty`, `bytes`, `text`), which turns any
//! non-2xx status into [`Error::Status`].
#![allow(dead_code)]

mod auth;
mod config;
mod encode;
mod error;
mod hooks;
mod paging;
mod request;
mod response;
mod retry;
mod stream;
pub mod wire;

// Generated crates may keep this module private and use only part of it.
#[allow(unused_imports)]
pub use auth::{AuthKind, AuthScheme, Credential, Credentials, KeyLocation, Secret, Security};
#[allow(unused_imports)]
pub use config::{
    ClientConfig, ClientConfigBuilder, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT,
};
#[allow(unused_imports)]
pub use encode::QueryValue;
#[allow(unused_imports)]
pub use error::{Error, StatusError, TimeoutKind};
#[allow(unused_imports)]
pub use hooks::{Hook, RequestInfo};
#[allow(unused_imports)]
pub use paging::{
    items, next_cursor, next_offset, next_page, pages, CountField, CursorField, Items, ItemsField,
    Pages,
};
#[allow(unused_imports)]
pub use request::{FilePart, RequestBuilder, RequestOptions};
#[allow(unused_imports)]
pub(crate) use request::request_options;
#[allow(unused_imports)]
pub use response::{documented_description, send, ApiResponse, ApiResult, Decoder, Documented, RawResponse};
#[allow(unused_imports)]
pub use retry::RetryPolicy;
#[allow(unused_imports)]
pub use stream::{ByteStream, ItemStream, StreamFormat};

#[allow(unused_imports)]
pub use bytes::Bytes;
#[allow(unused_imports)]
pub use futures_core::Stream;
#[allow(unused_imports)]
pub use futures_util::StreamExt;
#[allow(unused_imports)]
pub use reqwest::header::HeaderMap;
#[allow(unused_imports)]
pub use reqwest::{Method, StatusCode};
