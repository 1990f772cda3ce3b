//! The surface: every Rust name and type of a generated crate, decided once — `Client`
//! methods, request builders and their setters, argument order, model and field names,
//! scheme setters, group modules, boxed fields — with collisions resolved once and
//! reported. [`crate::render`] only quotes what is decided here; [`crate::diff`] reads
//! [`names`] to report what users of the crate see change.

pub mod groups;
pub mod models;
pub mod ops;
pub mod schemes;

pub use models::PRELUDE_TYPES;
pub use ops::{BUILDER_NAMES, CLIENT_METHODS};

use crate::ident::{sanitize, Case};
use crate::ir::{Api, Field, Operation, Param};
use schemes::SchemePlan;
use std::collections::{BTreeMap, BTreeSet};

/// A problem found while naming: a collision resolved, an operation left out. `file` and
/// `line` say where the named thing was read (an operation's section, a model doc); empty
/// and 0 when the IR does not know (an `api.yaml`): then the API's doc is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Problem {
    /// A problem of an operation, at its section.
    pub fn at_op(op: &Operation, message: String) -> Problem {
        Problem { file: op.file.clone(), line: op.line, message }
    }

    /// A problem of a model, at its doc.
    pub fn at_model(m: &crate::ir::Model, message: String) -> Problem {
        Problem { file: m.file.clone(), line: m.line, message }
    }

    /// A problem of the API as a whole.
    pub fn api(message: String) -> Problem {
        Problem { file: String::new(), line: 0, message }
    }
}

/// Where naming problems go.
pub type Warn<'a> = &'a mut dyn FnMut(Problem);

/// How the surface's maps (and `diff`) key an operation: its name, after its group's
/// (`OrdersApi.list_orders`) when it has one, since each group may have an operation of a
/// name.
pub fn op_key(op: &Operation) -> String {
    match &op.group {
        Some(g) => format!("{g}.{}", op.name),
        None => op.name.clone(),
    }
}

/// An operation's `Client` method name (before collisions between operations).
pub fn method_name(op: &Operation) -> String {
    sanitize(crate::ir::unescape_python(&op.name), Case::Snake, CLIENT_METHODS)
}

/// A parameter's Rust name (before collisions within its operation): its language-neutral
/// name in snake_case.
pub fn param_name(p: &Param) -> String {
    sanitize(p.neutral(), Case::Snake, BUILDER_NAMES)
}

/// A model field's Rust name (before collisions within its model).
pub fn field_name(f: &Field) -> String {
    sanitize(f.neutral(), Case::Snake, &["additional_properties"])
}

/// The Rust names a rendered crate gives an API's operations, parameters and security
/// schemes, decided once here (what the renderer writes and `diff` reports; an operation
/// the surface leaves out has none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Operation ([`op_key`]) → its method (on `Client`, or on its group's type).
    pub methods: BTreeMap<String, String>,
    /// Operation ([`op_key`]) → the Rust name of each parameter, in the doc's order.
    pub params: BTreeMap<String, Vec<String>>,
    /// Scheme → `ClientBuilder` setter.
    pub scheme_setters: BTreeMap<String, String>,
    /// API group → its module.
    pub modules: BTreeMap<String, String>,
    /// (model, field's model): fields held in a `Box` (they close a cycle of models).
    pub boxed: BTreeSet<(String, String)>,
    /// Model → its type in `models` (a model named like a request builder takes `Model`).
    pub models: BTreeMap<String, String>,
}

/// See [`Names`].
pub fn names(api: &Api) -> Names {
    let schemes = SchemePlan::new(api);
    let idents = models::model_idents(api, &mut |_| {});
    let plan = ops::plan(api, &schemes, &idents, &mut |_| {});
    let mut names = Names {
        scheme_setters: schemes.schemes.iter().map(|s| (s.name.clone(), s.setter.to_string())).collect(),
        modules: ops::group_modules(groups::group_names(&plan).iter().map(String::as_str)),
        models: idents.iter().map(|(k, v)| (k.clone(), v.to_string())).collect(),
        boxed: models::recursive_fields(api, &idents).into_iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
        ..Names::default()
    };
    for o in &plan.ops {
        names.methods.insert(op_key(o.op), o.method_ident.to_string());
        let planned: Vec<_> = o.required.iter().chain(&o.optional).collect();
        let params = o
            .op
            .params
            .iter()
            .map(|p| {
                planned.iter().find(|pp| std::ptr::eq(pp.p, p)).map(|pp| pp.ident.to_string()).unwrap_or_default()
            })
            .collect();
        names.params.insert(op_key(o.op), params);
    }
    names
}

