//! A client crate generated at build time: `build.rs` runs `generator::build` on the docs in
//! `docs/`, and this file includes the module it writes. Nothing generated is checked in.
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/client.md"))]

include!(concat!(env!("OUT_DIR"), "/client.rs"));

/// The repository README's Rust examples, compiled as this crate's doctests (they use the
/// generator, a seed client and this crate's generated module).
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct RepositoryReadme;
