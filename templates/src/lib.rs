#![forbid(unsafe_code)]
#![warn(missing_docs)]
//! Runtime carried by every generated HTTP client crate.
//!
//! The files under `src/runtime/` are copied verbatim into each generated
//! crate as its `src/runtime/` module; this crate exists so that the runtime
//! can be built, linted and tested on its own. Everything lives in
//! [`runtime`].

pub mod runtime;
