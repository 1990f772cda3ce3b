//! The layout of a crate with several API groups: `src/apis/<group>.rs` per group (see
//! [`super::ops::group_file`]), `src/models/<model>.rs` per model, each behind the cargo
//! features of the groups that need it; the `[features]` of its `Cargo.toml` and the
//! groups' table of its docs.

use crate::ident::{sanitize, Case};
use crate::ir::Api;
use crate::surface::groups::{self as sgroups, GroupPlan};
use crate::surface::ops::Plan;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use std::collections::{BTreeMap, BTreeSet};

/// The groups of a grouped crate, and what each model and scheme needs.
pub(crate) struct Layout {
    pub groups: Vec<GroupPlan>,
    /// Model (source name) → the features it is compiled under (`None`: always).
    pub model_features: BTreeMap<String, Option<BTreeSet<String>>>,
    /// Model (source name) → its module in `models/` (its file).
    pub model_modules: BTreeMap<String, Ident>,
    /// Security scheme → the features of the groups whose operations use it (`None`: an
    /// operation outside any group uses it). Unlike a model (public), a scheme's description
    /// is crate-private: with none of its groups on it would be dead code.
    pub scheme_features: BTreeMap<String, Option<BTreeSet<String>>>,
}

impl Layout {
    /// The layout of `plan`'s crate; `None` when no operation has an API group (one file
    /// of operations, one of models, no features).
    pub fn new(api: &Api, plan: &Plan<'_>, idents: &BTreeMap<String, Ident>) -> Option<Layout> {
        if !sgroups::is_grouped(plan) {
            return None;
        }
        let groups = sgroups::groups(plan);
        let model_features = sgroups::model_features(api, &groups, plan);
        let mut model_modules = BTreeMap::new();
        let mut taken: BTreeSet<String> = BTreeSet::new();
        for (source, ident) in idents {
            let mut module = sanitize(&ident.to_string(), Case::Snake, MODEL_MODULE_RESERVED);
            while taken.contains(&module) {
                module.push('_');
            }
            taken.insert(module.clone());
            model_modules.insert(source.clone(), format_ident!("{}", module));
        }
        let feature_of: BTreeMap<&str, String> = groups.iter().map(|g| (g.name.as_str(), g.feature())).collect();
        let mut scheme_features: BTreeMap<String, Option<BTreeSet<String>>> = BTreeMap::new();
        for o in &plan.ops {
            for s in o.op.security.iter().flatten() {
                let entry = scheme_features.entry(s.clone()).or_insert_with(|| Some(BTreeSet::new()));
                match (entry.as_mut(), o.op.group.as_deref().and_then(|g| feature_of.get(g))) {
                    (Some(set), Some(f)) => {
                        set.insert(f.clone());
                    }
                    _ => *entry = None,
                }
            }
        }
        Some(Layout {
            groups,
            model_features,
            model_modules,
            scheme_features,
        })
    }

    /// The group an operation lives in, by its index in the plan.
    pub fn home(&self, op: usize) -> Option<&GroupPlan> {
        self.groups.iter().find(|g| g.ops.contains(&op))
    }

    /// The `cfg` of a model's items.
    pub fn model_cfg(&self, model: &str) -> TokenStream {
        cfg(self.model_features.get(model).and_then(Option::as_ref))
    }

    /// The `cfg` of a scheme's description in `client.rs`.
    pub fn scheme_cfg(&self, scheme: &str) -> TokenStream {
        cfg(self.scheme_features.get(scheme).and_then(Option::as_ref))
    }
}

/// Names a model's module must not take: every model file imports its siblings (`use
/// super::*`, for the links of its docs), so a module named like a crate the models' code
/// names (`time::OffsetDateTime`) would shadow it there.
const MODEL_MODULE_RESERVED: &[&str] = &[
    "std", "core", "alloc", "serde", "serde_json", "serde_path_to_error", "time", "bytes", "reqwest", "tokio",
    "futures_core", "futures_util", "percent_encoding", "tracing",
];

/// `#[cfg(feature = "a")]`, `#[cfg(any(feature = "a", feature = "b"))]`, or nothing.
pub(crate) fn cfg(features: Option<&BTreeSet<String>>) -> TokenStream {
    match features.map(|f| f.iter().collect::<Vec<_>>()).as_deref() {
        None | Some([]) => quote!(),
        Some([one]) => quote!(#[cfg(feature = #one)]),
        Some(many) => quote!(#[cfg(any(#(feature = #many),*))]),
    }
}

/// `src/apis/mod.rs`: one module per group, each behind its feature.
pub(crate) fn apis_mod(layout: &Layout) -> TokenStream {
    let modules = layout.groups.iter().map(|g| {
        let module = &g.module;
        let feature = g.feature();
        quote! {
            #[cfg(feature = #feature)]
            pub mod #module;
        }
    });
    quote! {
        //! The API groups: one module per group, each reached with its `Client` accessor and
        //! compiled under its cargo feature (all on by default).

        #(#modules)*
    }
}

/// `src/models/mod.rs`: one module per model, each compiled under the features of the
/// groups that need it, its type re-exported (`crate::models::Name`).
pub(crate) fn models_mod(layout: &Layout, idents: &BTreeMap<String, Ident>) -> TokenStream {
    let modules = idents.iter().map(|(source, ident)| {
        let module = &layout.model_modules[source];
        let cfg = layout.model_cfg(source);
        quote! {
            #cfg
            mod #module;
            #cfg
            pub use #module::#ident;
        }
    });
    quote! {
        //! The API's models, one file each; a model only some API groups use is compiled
        //! only with one of their features.

        #(#modules)*
    }
}

/// One model's file: its items, with the other models in scope (as in one `models.rs`: the
/// docs link them by name).
pub(crate) fn model_file(items: TokenStream) -> TokenStream {
    quote! {
        #[allow(unused_imports)]
        use super::*;
        #[allow(unused_imports)]
        use crate::runtime::QueryValue as _;

        #items
    }
}

/// The `[features]` of a grouped crate: the groups added to `default`, then one line each.
pub(crate) fn cargo_features(features: &str, layout: &Layout) -> String {
    let names: Vec<String> = layout.groups.iter().map(GroupPlan::feature).collect();
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    let mut out = String::new();
    for line in features.lines() {
        match line.strip_prefix("default = [").and_then(|l| l.strip_suffix(']')) {
            Some(list) => out.push_str(&format!("default = [{list}, {}]\n", quoted.join(", "))),
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push_str(
        "# One feature per API group (its module in `apis`): build only some with\n\
         # `default-features = false, features = [\"rustls\", \"<group>\", ..]`.\n",
    );
    for (g, n) in layout.groups.iter().zip(&names) {
        out.push_str(&format!("# {}: {} operation(s)\n{n} = []\n", g.name, g.ops.len()));
    }
    out.trim_end().to_string()
}

/// The groups' section of the crate docs and README: each group's accessor, operation
/// count and feature. `links`: rustdoc links to the accessors.
pub(crate) fn groups_section(layout: &Layout, heading: &str, links: bool) -> String {
    let mut d = format!("{heading} API groups\n\n");
    d.push_str(
        "Each API group is a module of `apis`, reached with its `Client` accessor \
         (`client.<group>().<operation>(..)`), and a cargo feature of the same name. All are on \
         by default; with `default-features = false` and some of them (and `rustls` or \
         `native-tls`), only those groups and the models they use are compiled.\n\n",
    );
    d.push_str("| group | accessor | operations | feature |\n|---|---|---:|---|\n");
    for g in &layout.groups {
        let module = &g.module;
        let accessor = if links {
            format!("[`client.{module}()`](Client::{module})")
        } else {
            format!("`client.{module}()`")
        };
        d.push_str(&format!("| `{}` | {accessor} | {} | `{module}` |\n", g.name, g.ops.len()));
    }
    let shared: Vec<String> = layout
        .groups
        .iter()
        .flat_map(|g| g.also.iter().map(move |(_, m)| (g, m)))
        .filter_map(|(g, m)| m.as_ref().map(|m| format!("`client.{}().{m}`", g.module)))
        .collect();
    if !shared.is_empty() {
        d.push_str(&format!(
            "\nAn operation documented under several groups lives in the first; the others reach it \
             too ({}), with the first group's feature on.\n",
            shared.join(", ")
        ));
    }
    d.push('\n');
    d
}
