//! The runtime every generated crate carries, embedded verbatim from `templates/`.

/// `templates/Cargo.toml`: its `[features]` and `[dependencies]` become the generated crates'.
pub const RUNTIME_MANIFEST: &str = include_str!("../../../templates/Cargo.toml");

/// File name → contents of `templates/src/runtime/`.
pub const RUNTIME_FILES: &[(&str, &str)] = &[
    ("auth.rs", include_str!("../../../templates/src/runtime/auth.rs")),
    ("config.rs", include_str!("../../../templates/src/runtime/config.rs")),
    ("encode.rs", include_str!("../../../templates/src/runtime/encode.rs")),
    ("error.rs", include_str!("../../../templates/src/runtime/error.rs")),
    ("hooks.rs", include_str!("../../../templates/src/runtime/hooks.rs")),
    ("mod.rs", include_str!("../../../templates/src/runtime/mod.rs")),
    ("paging.rs", include_str!("../../../templates/src/runtime/paging.rs")),
    ("request.rs", include_str!("../../../templates/src/runtime/request.rs")),
    ("response.rs", include_str!("../../../templates/src/runtime/response.rs")),
    ("retry.rs", include_str!("../../../templates/src/runtime/retry.rs")),
    ("stream.rs", include_str!("../../../templates/src/runtime/stream.rs")),
    ("wire.rs", include_str!("../../../templates/src/runtime/wire.rs")),
];
