//! Security schemes' Rust surface: each scheme's `ClientBuilder` setter and the `const`
//! holding its runtime description.

use crate::ident::{sanitize, Case};
use crate::ir::{Api, AuthKind, KeyLocation};
use quote::format_ident;

/// Security schemes with their Rust names.
pub struct SchemePlan {
    pub schemes: Vec<SchemeItem>,
}

pub struct SchemeItem {
    pub name: String,
    pub kind: AuthKind,
    pub location: Option<KeyLocation>,
    pub param_name: Option<String>,
    /// `const` holding its runtime description.
    pub static_ident: proc_macro2::Ident,
    /// Builder method setting its credential.
    pub setter: proc_macro2::Ident,
}

/// Builder methods a scheme setter must not shadow.
const BUILDER_METHODS: &[&str] = &[
    "base_url", "timeout", "user_agent", "retry_policy", "default_header", "http_client",
    "max_body_bytes", "build", "credential", "new", "default", "attempt_timeout", "hook",
];

impl SchemePlan {
    pub fn new(api: &Api) -> Self {
        let mut used: Vec<String> = Vec::new();
        let mut used_statics: Vec<String> = Vec::new();
        let schemes = api
            .auth_schemes
            .iter()
            .map(|s| {
                let mut setter = sanitize(&s.name, Case::Snake, BUILDER_METHODS);
                while used.contains(&setter) {
                    setter.push('_');
                }
                used.push(setter.clone());
                // `type_` and `type__` (schemes `type` and `type_`) must not both be `SCHEME_TYPE`.
                let mut static_name = format!("SCHEME_{}", setter.trim_end_matches('_').to_ascii_uppercase());
                if used_statics.contains(&static_name) {
                    static_name = format!("SCHEME_{}", setter.to_ascii_uppercase());
                }
                while used_statics.contains(&static_name) {
                    static_name.push('_');
                }
                used_statics.push(static_name.clone());
                SchemeItem {
                    name: s.name.clone(),
                    kind: s.kind,
                    location: s.location,
                    param_name: s.param_name.clone(),
                    static_ident: format_ident!("{}", static_name),
                    setter: format_ident!("{}", setter),
                }
            })
            .collect();
        SchemePlan { schemes }
    }

    pub fn get(&self, name: &str) -> Option<&SchemeItem> {
        self.schemes.iter().find(|s| s.name == name)
    }
}

