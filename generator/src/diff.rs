//! API diff: what changed between two endpoint models, told as what it means for users of
//! the generated crate, with the semver bump it implies.
//!
//! Every change is classified by its effect on the generated crate's public API (how
//! [`crate::render`] derives it: one `Client` method per operation named after the doc's
//! method name; required and path parameters positional, path ones first in path order;
//! optional ones setters on the request builder; one `ClientBuilder` setter per security
//! scheme; the response type of `.await`):
//!
//! - [`Impact::Breaking`]: code written against the old crate may stop compiling, or may
//!   compile and mean something else (reordered positional arguments of one type) — major;
//! - [`Impact::Addition`]: new API; old code compiles — minor;
//! - [`Impact::Behaviour`]: the Rust API is unchanged, but what goes over the wire is not
//!   (a wire name, a location, the method, the path, auth) — patch, flagged for review;
//! - [`Impact::Docs`]: documentation only (summaries, descriptions, documented statuses) —
//!   patch.
//!
//! Models (compared when their shape is known) are structs with public fields and enums
//! with an `Other(String)` variant, neither `#[non_exhaustive]`: by Cargo's semver rules a
//! new field (struct literals must name it) and a new enum value (exhaustive `match`es must
//! handle it) are breaking, like removals and type changes.

use crate::diag::Failed;
// Names come from the renderer (its plan and reserved words); `tests/diff.rs` checks the
// derived names against the rendered crates of every spec.
use crate::render::{plan_names, PlanNames, BUILDER_NAMES, CLIENT_METHODS, PRELUDE_TYPES};
use crate::ident::{sanitize, Case};
use crate::infer::{placeholders, unescape_python};
use crate::ir::{Api, AuthKind, Field, Location, Model, Operation, Param, TypeRef};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What a change means for users of the generated crate. Ordered by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Impact {
    Docs,
    Behaviour,
    Addition,
    Breaking,
}

impl Impact {
    pub fn label(self) -> &'static str {
        match self {
            Impact::Docs => "docs",
            Impact::Behaviour => "behaviour change",
            Impact::Addition => "addition",
            Impact::Breaking => "breaking",
        }
    }

    pub fn bump(self) -> Bump {
        match self {
            Impact::Docs | Impact::Behaviour => Bump::Patch,
            Impact::Addition => Bump::Minor,
            Impact::Breaking => Bump::Major,
        }
    }
}

/// The semver bump a set of changes implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    None,
    Patch,
    Minor,
    Major,
}

impl Bump {
    pub fn label(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// The version after `bump`, by Cargo's rules: below 1.0 the minor version is the
/// breaking one (0.1.0 → 0.2.0) and the patch version takes everything else (0.1.0 →
/// 0.1.1); below 0.1 every change is breaking (0.0.1 → 0.0.2).
pub fn next_version(version: &str, bump: Bump) -> Option<String> {
    let core = version.split(['-', '+']).next()?;
    let parts: Vec<u64> = core.split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let [ma, mi, pa] = parts[..] else { return None };
    let next = match (bump, ma, mi) {
        (Bump::None, ..) => (ma, mi, pa),
        (_, 0, 0) => (0, 0, pa + 1),
        (Bump::Major, 0, _) => (0, mi + 1, 0),
        (_, 0, _) => (0, mi, pa + 1),
        (Bump::Major, ..) => (ma + 1, 0, 0),
        (Bump::Minor, ..) => (ma, mi + 1, 0),
        (Bump::Patch, ..) => (ma, mi, pa + 1),
    };
    Some(format!("{}.{}.{}", next.0, next.1, next.2))
}

/// Whether going from version `old` to `new` is a release that may carry changes needing
/// `bump`: `new` is at least `next_version(old, bump)` (so 0.1.0 → 0.2.0 or 1.0.0 may break,
/// 0.1.0 → 0.1.1 may add; with no change, any `new` not below `old`). Pre-release and build
/// metadata are not compared. `None` when a version does not read.
pub fn version_allows(old: &str, new: &str, bump: Bump) -> Option<bool> {
    let need = crate::provider::parse_version(&next_version(old, bump)?)?;
    Some(crate::provider::parse_version(new)? >= need)
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub impact: Impact,
    /// What it is about: an operation, `scheme x`, `model X`, `API`.
    pub subject: String,
    /// One line of markdown.
    pub text: String,
}

/// The changes of one operation present on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpDiff {
    /// The new doc name.
    pub name: String,
    /// `METHOD /path` (the new one).
    pub request: String,
    pub changes: Vec<Change>,
}

/// Whether a provider exists on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Both,
    /// New provider: a new crate.
    OnlyNew,
    /// Provider gone: its crate is no longer generated.
    OnlyOld,
}

/// Everything that changed for one provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderDiff {
    pub provider: String,
    /// The old side's crate version, when known: the report then names the next one.
    pub version: Option<String>,
    /// The new side's crate version (`provider.yaml`'s `version:`), when known: the report
    /// then says whether it is bumped enough ([`ProviderDiff::version_problem`]).
    pub new_version: Option<String>,
    pub presence: Presence,
    /// Said instead of (or before) the changes, e.g. why the sides could not be compared.
    pub note: Option<String>,
    pub added: Vec<Change>,
    pub removed: Vec<Change>,
    pub changed: Vec<OpDiff>,
    pub auth: Vec<Change>,
    pub models: Vec<Change>,
    pub general: Vec<Change>,
}

impl ProviderDiff {
    fn new(provider: &str, presence: Presence) -> Self {
        ProviderDiff {
            provider: provider.to_string(),
            version: None,
            new_version: None,
            presence,
            note: None,
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
            auth: Vec::new(),
            models: Vec::new(),
            general: Vec::new(),
        }
    }

    /// Every change, in report order.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.general
            .iter()
            .chain(&self.removed)
            .chain(&self.added)
            .chain(self.changed.iter().flat_map(|o| &o.changes))
            .chain(&self.auth)
            .chain(&self.models)
    }

    pub fn is_empty(&self) -> bool {
        self.presence == Presence::Both && self.changes().next().is_none()
    }

    pub fn bump(&self) -> Bump {
        match self.presence {
            Presence::Both => self.changes().map(|c| c.impact.bump()).max().unwrap_or(Bump::None),
            Presence::OnlyNew => Bump::None,
            Presence::OnlyOld => Bump::Major,
        }
    }

    /// Whether [`ProviderDiff::new_version`] is a large enough step from
    /// [`ProviderDiff::version`] for these changes (`None`: a version is unknown, or the
    /// crate is new or gone).
    pub fn version_is_enough(&self) -> Option<bool> {
        if self.presence != Presence::Both {
            return None;
        }
        version_allows(self.version.as_deref()?, self.new_version.as_deref()?, self.bump())
    }

    /// When the new version is not bumped enough for these changes: what is wrong, naming
    /// every change that needs more than the version got, e.g.
    /// `pets: 0.1.0 → 0.1.0 is not enough: the API changes need a major bump (0.2.0) …`.
    pub fn version_problem(&self) -> Option<String> {
        if self.version_is_enough()? {
            return None;
        }
        let (old, new) = (self.version.as_deref()?, self.new_version.as_deref()?);
        let bump = self.bump();
        let need = next_version(old, bump)?;
        let given = [Bump::Major, Bump::Minor, Bump::Patch, Bump::None]
            .into_iter()
            .find(|&b| version_allows(old, new, b) == Some(true));
        let mut s = match given {
            Some(_) => format!(
                "{}: version {old} → {new} is not enough: the API changes need a {} bump, to {need} or later ({})",
                self.provider,
                bump.label(),
                self.counts()
            ),
            None => format!("{}: version {old} → {new} goes back", self.provider),
        };
        if old.starts_with("0.") && bump == Bump::Major {
            s.push_str("; while a crate is 0.x, a breaking change bumps the minor version");
        }
        s.push_str(":\n");
        for c in self.changes().filter(|c| given.is_none_or(|g| c.impact.bump() > g)) {
            let _ = writeln!(s, "  {:<16} {}: {}", c.impact.label(), c.subject, c.text.replace("**", ""));
        }
        Some(s)
    }

    /// `3 breaking, 1 addition, 2 behaviour changes`.
    pub fn counts(&self) -> String {
        let mut parts = Vec::new();
        for impact in [Impact::Breaking, Impact::Addition, Impact::Behaviour, Impact::Docs] {
            let n = self.changes().filter(|c| c.impact == impact).count();
            if n > 0 {
                let label = match (impact, n) {
                    (Impact::Addition, 1) => "addition".to_string(),
                    (Impact::Addition, _) => "additions".to_string(),
                    (Impact::Behaviour, 1) => "behaviour change".to_string(),
                    (Impact::Behaviour, _) => "behaviour changes".to_string(),
                    (Impact::Docs, 1) => "docs change".to_string(),
                    (Impact::Docs, _) => "docs changes".to_string(),
                    (i, _) => i.label().to_string(),
                };
                parts.push(format!("{n} {label}"));
            }
        }
        parts.join(", ")
    }
}

// ---------------------------------------------------------------------------------------
// The generated crate's surface, as the renderer derives it.

/// The Rust type of a value of type `t` (as the renderer spells it, without `crate::`).
fn rust_type(t: &TypeRef) -> String {
    match t {
        TypeRef::String => "String".into(),
        TypeRef::Integer => "i64".into(),
        TypeRef::Number => "f64".into(),
        TypeRef::Boolean => "bool".into(),
        TypeRef::Date => "time::Date".into(),
        TypeRef::DateTime => "time::OffsetDateTime".into(),
        TypeRef::Binary => "FilePart".into(),
        TypeRef::Any => "serde_json::Value".into(),
        TypeRef::List(t) => format!("Vec<{}>", rust_type(t)),
        TypeRef::Map(t) => format!("BTreeMap<String, {}>", rust_type(t)),
        TypeRef::Model(m) => format!("models::{}", model_ident(m)),
    }
}

/// A model field's Rust type (render/models.rs): dates and binary inside containers are text,
/// a field closing a cycle of models is boxed, read-only and optional fields are `Option`,
/// nullable optional ones `Option<Option<_>>`.
fn field_type(f: &Field, boxed: bool) -> String {
    fn base(t: &TypeRef, top: bool) -> String {
        match t {
            TypeRef::Date if top => "time::Date".into(),
            TypeRef::DateTime if top => "time::OffsetDateTime".into(),
            TypeRef::Date | TypeRef::DateTime | TypeRef::Binary => "String".into(),
            TypeRef::List(t) => format!("Vec<{}>", base(t, false)),
            TypeRef::Map(t) => format!("BTreeMap<String, {}>", base(t, false)),
            other => rust_type(other),
        }
    }
    let t = base(&f.ty, true);
    let t = if boxed { format!("Box<{t}>") } else { t };
    match (!f.required || f.read_only, f.nullable) {
        (false, false) => t,
        (true, true) => format!("Option<Option<{t}>>"),
        _ => format!("Option<{t}>"),
    }
}

fn field_ident(f: &Field) -> String {
    sanitize(unescape_python(&f.name), Case::Snake, &["additional_properties"])
}

fn model_ident(name: &str) -> String {
    sanitize(name, Case::Pascal, PRELUDE_TYPES)
}

/// The type `.await` gives (inside `ApiResponse`).
fn output_type(op: &Operation) -> String {
    match &op.response {
        None => "()".into(),
        Some(TypeRef::Binary) => "Bytes".into(),
        Some(TypeRef::String) if op.accept.as_deref().is_some_and(|a| !a.contains("json")) => "String".into(),
        Some(t) => rust_type(t),
    }
}

/// Client method names, from the renderer's plan. An operation the renderer skips has no
/// method; it is named as it would be, for the report.
fn method_names(api: &Api, plan: &PlanNames) -> BTreeMap<String, String> {
    api.operations
        .iter()
        .map(|op| {
            let name = plan
                .methods
                .get(&op.name)
                .cloned()
                .unwrap_or_else(|| sanitize(unescape_python(&op.name), Case::Snake, CLIENT_METHODS));
            (op.name.clone(), name)
        })
        .collect()
}

/// The Rust names of an operation's parameters (doc order), from the renderer's plan; for
/// an operation the renderer skips, as they would be.
fn param_idents(op: &Operation, plan: &PlanNames) -> Vec<String> {
    match plan.params.get(&op.name) {
        Some(names) if names.len() == op.params.len() => names.clone(),
        _ => op.params.iter().map(|p| sanitize(unescape_python(&p.name), Case::Snake, BUILDER_NAMES)).collect(),
    }
}

/// The names the generated crate gives an API's items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RustNames {
    /// Operation → `Client` method.
    pub methods: BTreeMap<String, String>,
    /// Operation → the method's arguments, in order.
    pub arguments: BTreeMap<String, Vec<String>>,
    /// Operation → its request builder's setters.
    pub setters: BTreeMap<String, Vec<String>>,
    /// Scheme → `ClientBuilder` setter.
    pub scheme_setters: BTreeMap<String, String>,
    /// Model → type in `models`.
    pub models: BTreeMap<String, String>,
}

/// The Rust names of `api`'s operations, parameters, schemes and models.
pub fn rust_names(api: &Api) -> RustNames {
    let plan = plan_names(api);
    let mut names = RustNames {
        methods: method_names(api, &plan),
        scheme_setters: plan.scheme_setters.clone(),
        models: api.model_names().into_iter().map(|m| (m.clone(), model_ident(&m))).collect(),
        ..RustNames::default()
    };
    for op in &api.operations {
        let idents = param_idents(op, &plan);
        names.arguments.insert(op.name.clone(), positional_order(op).into_iter().map(|i| idents[i].clone()).collect());
        let setters = (0..op.params.len()).filter(|&i| !positional(&op.params[i])).map(|i| idents[i].clone()).collect();
        names.setters.insert(op.name.clone(), setters);
    }
    names
}

/// Positional (a `Client` method argument) rather than a setter.
fn positional(p: &Param) -> bool {
    p.required || p.location == Location::Path
}

/// Indices of the positional parameters, in argument order.
fn positional_order(op: &Operation) -> Vec<usize> {
    let phs = placeholders(&op.path);
    let mut idx: Vec<usize> = (0..op.params.len()).filter(|&i| positional(&op.params[i])).collect();
    idx.sort_by_key(|&i| {
        let p = &op.params[i];
        phs.iter()
            .position(|ph| p.location == Location::Path && *ph == p.wire_name)
            .unwrap_or(usize::MAX)
    });
    idx
}

fn where_(p: &Param) -> String {
    match p.location {
        Location::Body => "request body".into(),
        Location::Form => format!("form field `{}`", p.wire_name),
        l => format!("{} `{}`", l.as_str(), p.wire_name),
    }
}

fn security_text(sec: &[Vec<String>]) -> String {
    if sec.iter().all(|a| a.is_empty()) {
        return "none".into();
    }
    sec.iter()
        .map(|alt| alt.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" and "))
        .collect::<Vec<_>>()
        .join(" or ")
}

fn opt_text(v: &Option<String>) -> String {
    match v {
        Some(v) => format!("`{v}`"),
        None => "none".into(),
    }
}

fn status_text(s: &str) -> String {
    if s == "0" {
        "`default`".into()
    } else {
        format!("`{s}`")
    }
}

/// Fields of a node this module does not know (added to the IR later), compared as JSON.
fn other_fields<T: serde::Serialize>(old: &T, new: &T, known: &[&str]) -> Vec<(String, String, String)> {
    let obj = |v: &T| match serde_json::to_value(v) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    let (a, b) = (obj(old), obj(new));
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let show = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => "none".to_string(),
        Some(v) => format!("`{v}`"),
    };
    keys.into_iter()
        .filter(|k| !known.contains(&k.as_str()) && k.as_str() != "inferred" && k.as_str() != "overridden")
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| (k.clone(), show(a.get(k)), show(b.get(k))))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Comparing two models.

struct Ctx<'a> {
    subject: String,
    out: &'a mut Vec<Change>,
}

impl Ctx<'_> {
    fn push(&mut self, impact: Impact, text: impl Into<String>) {
        self.out.push(Change {
            impact,
            subject: self.subject.clone(),
            text: text.into(),
        });
    }
}

/// Compares two versions of one provider's API.
pub fn diff(old: &Api, new: &Api) -> ProviderDiff {
    let mut d = ProviderDiff::new(&new.provider, Presence::Both);
    let mut g = Ctx {
        subject: "API".into(),
        out: &mut d.general,
    };
    if old.base_url != new.base_url {
        g.push(
            Impact::Behaviour,
            format!(
                "base URL `{}` → `{}`: `Client::DEFAULT_BASE_URL` and every request's destination change",
                old.base_url, new.base_url
            ),
        );
    }
    if old.title != new.title {
        g.push(Impact::Docs, format!("title `{}` → `{}`", old.title, new.title));
    }
    for (k, a, b) in other_fields(old, new, &["provider", "title", "package", "source", "base_url", "auth_schemes", "operations", "models"]) {
        g.push(Impact::Docs, format!("`{k}`: {a} → {b}"));
    }

    // The renderer's names for each side, planned once.
    let names = (plan_names(old), plan_names(new));
    diff_operations(old, new, &names, &mut d);
    diff_schemes(old, new, &names, &mut d.auth);
    diff_models(old, new, &names, &mut d.models);
    d
}

fn diff_operations(old: &Api, new: &Api, (old_plan, new_plan): &(PlanNames, PlanNames), d: &mut ProviderDiff) {
    let old_methods = method_names(old, old_plan);
    let new_methods = method_names(new, new_plan);
    let modules = (&old_plan.modules, &new_plan.modules);
    let mut pairs: Vec<(&Operation, &Operation)> = Vec::new();
    let mut old_left: Vec<&Operation> = Vec::new();
    for o in &old.operations {
        match new.operations.iter().find(|n| n.name == o.name) {
            Some(n) => pairs.push((o, n)),
            None => old_left.push(o),
        }
    }
    let mut new_left: Vec<&Operation> =
        new.operations.iter().filter(|n| !old.operations.iter().any(|o| o.name == n.name)).collect();
    // Renamed: the same request under another doc name.
    old_left.retain(|o| {
        match new_left.iter().position(|n| n.method == o.method && n.path == o.path) {
            Some(i) => {
                pairs.push((o, new_left.remove(i)));
                false
            }
            None => true,
        }
    });
    for o in old_left {
        d.removed.push(Change {
            impact: Impact::Breaking,
            subject: o.name.clone(),
            text: format!(
                "`{}` (`{} {}`): method `Client::{}` is gone",
                o.name, o.method, o.path, old_methods[&o.name]
            ),
        });
    }
    for n in new_left {
        let m = &new_methods[&n.name];
        let idents = param_idents(n, new_plan);
        let args = positional_order(n).iter().map(|&i| idents[i].as_str()).collect::<Vec<_>>().join(", ");
        d.added.push(Change {
            impact: Impact::Addition,
            subject: n.name.clone(),
            text: format!("`{}` (`{} {}`): new method `Client::{m}({args})`", n.name, n.method, n.path),
        });
    }
    // Changed operations, in the new doc's order.
    pairs.sort_by_key(|(_, n)| new.operations.iter().position(|x| std::ptr::eq(x, *n)));
    for (o, n) in pairs {
        let mut changes = Vec::new();
        let idents = (param_idents(o, old_plan), param_idents(n, new_plan));
        diff_operation(o, n, (&old_methods[&o.name], &new_methods[&n.name]), modules, &idents, &mut changes);
        if !changes.is_empty() {
            d.changed.push(OpDiff {
                name: n.name.clone(),
                request: format!("{} {}", n.method, n.path),
                changes,
            });
        }
    }
}

fn diff_operation(
    o: &Operation,
    n: &Operation,
    (om, nm): (&str, &str),
    (old_modules, new_modules): (&BTreeMap<String, String>, &BTreeMap<String, String>),
    idents: &(Vec<String>, Vec<String>),
    out: &mut Vec<Change>,
) {
    let old_module = |g: &str| old_modules.get(g).cloned().unwrap_or_default();
    let new_module = |g: &str| new_modules.get(g).cloned().unwrap_or_default();
    let mut c = Ctx {
        subject: n.name.clone(),
        out,
    };
    if o.name != n.name {
        if om != nm {
            c.push(
                Impact::Breaking,
                format!("renamed `{}` → `{}`: method `Client::{om}` is now `Client::{nm}`", o.name, n.name),
            );
        } else {
            c.push(
                Impact::Docs,
                format!("renamed `{}` → `{}` in the docs; the method stays `Client::{nm}`", o.name, n.name),
            );
        }
    } else if om != nm {
        c.push(
            Impact::Breaking,
            format!("method `Client::{om}` is now `Client::{nm}` (another operation took its name)"),
        );
    }
    if o.method != n.method {
        c.push(
            Impact::Behaviour,
            format!("HTTP method `{}` → `{}`: requests use the new method", o.method, n.method),
        );
    }
    if o.path != n.path {
        c.push(
            Impact::Behaviour,
            format!("path `{}` → `{}`: requests go to the new path", o.path, n.path),
        );
    }
    match (&o.group, &n.group) {
        (Some(a), Some(b)) if a != b && old_module(a) == new_module(b) => c.push(
            Impact::Docs,
            format!("API group `{a}` is now `{b}`; the module stays `requests::{}`", new_module(b)),
        ),
        (Some(a), Some(b)) if a != b => c.push(
            Impact::Breaking,
            format!("moved from API group `{a}` to `{b}`: its request builder leaves the module `requests::{}`", old_module(a)),
        ),
        (Some(a), None) => c.push(
            Impact::Breaking,
            format!("no longer in API group `{a}`: its request builder leaves the module `requests::{}`", old_module(a)),
        ),
        (None, Some(b)) => c.push(
            Impact::Docs,
            format!("now in API group `{b}` (module `requests::{}`; still re-exported from `requests`)", new_module(b)),
        ),
        _ => {}
    }
    diff_params(o, n, nm, idents, &mut c);

    let (ot, nt) = (output_type(o), output_type(n));
    let show_ty = |t: &Option<TypeRef>| t.as_ref().map(|t| format!("`{t}`")).unwrap_or_else(|| "none".into());
    if ot != nt {
        c.push(
            Impact::Breaking,
            format!(
                "response type {} → {}: `.await` now gives `ApiResponse<{nt}>` instead of `ApiResponse<{ot}>`",
                show_ty(&o.response),
                show_ty(&n.response)
            ),
        );
    } else if o.response != n.response {
        c.push(
            Impact::Docs,
            format!("response type {} → {} (the same Rust type `{nt}`)", show_ty(&o.response), show_ty(&n.response)),
        );
    }
    for r in &n.responses {
        match o.responses.iter().find(|x| x.status == r.status) {
            None => {
                let desc = if r.description.is_empty() { String::new() } else { format!(" ({})", r.description) };
                c.push(Impact::Docs, format!("new documented status {}{desc}", status_text(&r.status)));
            }
            Some(x) => {
                if x.description != r.description {
                    c.push(
                        Impact::Docs,
                        format!("status {}: description “{}” → “{}”", status_text(&r.status), x.description, r.description),
                    );
                }
                if x.headers != r.headers {
                    c.push(
                        Impact::Docs,
                        format!("status {}: response headers {:?} → {:?}", status_text(&r.status), x.headers, r.headers),
                    );
                }
            }
        }
    }
    for x in &o.responses {
        if !n.responses.iter().any(|r| r.status == x.status) {
            c.push(Impact::Docs, format!("status {} no longer documented", status_text(&x.status)));
        }
    }
    if o.security != n.security || o.security_exact != n.security_exact {
        let mode = |op: &Operation| if op.security_exact { " (exact alternatives)" } else { "" };
        c.push(
            Impact::Behaviour,
            format!(
                "security {}{} → {}{}: which credentials are sent changes (the Rust API is unchanged)",
                security_text(&o.security),
                mode(o),
                security_text(&n.security),
                mode(n)
            ),
        );
    }
    if o.content_type != n.content_type {
        c.push(
            Impact::Behaviour,
            format!("request Content-Type {} → {}", opt_text(&o.content_type), opt_text(&n.content_type)),
        );
    }
    if o.accept != n.accept {
        c.push(Impact::Behaviour, format!("Accept {} → {}", opt_text(&o.accept), opt_text(&n.accept)));
    }
    if o.summary != n.summary {
        c.push(Impact::Docs, format!("summary “{}” → “{}”", o.summary, n.summary));
    }
    if o.description != n.description {
        c.push(Impact::Docs, "description changed");
    }
    let known = [
        "name", "group", "method", "path", "summary", "description", "params", "response", "responses", "security",
        "security_exact", "content_type", "accept",
    ];
    for (k, a, b) in other_fields(o, n, &known) {
        c.push(Impact::Docs, format!("`{k}`: {a} → {b} (not classified by this diff)"));
    }
}

/// Pairs parameters: by doc name, then by wire name, then by position and type.
fn pair_params<'a>(o: &'a Operation, n: &'a Operation) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut pairs = Vec::new();
    let mut old_left: Vec<usize> = Vec::new();
    let mut new_left: Vec<usize> = (0..n.params.len()).collect();
    for (i, p) in o.params.iter().enumerate() {
        match new_left.iter().position(|&j| n.params[j].name == p.name) {
            Some(k) => pairs.push((i, new_left.remove(k))),
            None => old_left.push(i),
        }
    }
    type Same = fn(&Param, &Param, usize, usize) -> bool;
    let rules: [Same; 2] = [
        |a, b, _, _| a.wire_name == b.wire_name,
        |a, b, i, j| i == j && a.ty == b.ty,
    ];
    for same in rules {
        old_left.retain(|&i| {
            match new_left.iter().position(|&j| same(&o.params[i], &n.params[j], i, j)) {
                Some(k) => {
                    pairs.push((i, new_left.remove(k)));
                    false
                }
                None => true,
            }
        });
    }
    pairs.sort_by_key(|&(_, j)| j);
    (pairs, old_left, new_left)
}

/// `idents`: the Rust names of the old and the new operation's parameters.
fn diff_params(o: &Operation, n: &Operation, method: &str, idents: &(Vec<String>, Vec<String>), c: &mut Ctx<'_>) {
    let (pairs, removed, added) = pair_params(o, n);
    for &i in &removed {
        let p = &o.params[i];
        if positional(p) {
            c.push(
                Impact::Breaking,
                format!("parameter `{}` ({}) removed: `Client::{method}` takes one argument fewer", p.name, where_(p)),
            );
        } else {
            c.push(
                Impact::Breaking,
                format!("optional parameter `{}` ({}) removed: the setter `.{}()` is gone", p.name, where_(p), idents.0[i]),
            );
        }
    }
    for &j in &added {
        let p = &n.params[j];
        if positional(p) {
            c.push(
                Impact::Breaking,
                format!(
                    "new required parameter `{}` ({}, `{}`): a new positional argument of `Client::{method}`",
                    p.name,
                    where_(p),
                    p.ty
                ),
            );
        } else {
            c.push(
                Impact::Addition,
                format!(
                    "new optional parameter `{}` ({}, `{}`): a new setter `.{}()` on the request builder",
                    p.name,
                    where_(p),
                    p.ty,
                    idents.1[j]
                ),
            );
        }
    }
    for &(i, j) in &pairs {
        diff_param(&o.params[i], &n.params[j], (&idents.0[i], &idents.1[j]), method, c);
    }
    // Positional arguments that stayed positional must keep their relative order.
    let old_order: Vec<usize> = positional_order(o)
        .into_iter()
        .filter_map(|i| pairs.iter().find(|(a, _)| *a == i).map(|(_, b)| *b))
        .filter(|&j| positional(&n.params[j]))
        .collect();
    let new_order: Vec<usize> = positional_order(n).into_iter().filter(|j| old_order.contains(j)).collect();
    if old_order != new_order {
        let names = |v: &[usize]| v.iter().map(|&j| idents.1[j].as_str()).collect::<Vec<_>>().join(", ");
        c.push(
            Impact::Breaking,
            format!(
                "positional arguments of `Client::{method}` reordered: ({}) → ({})",
                names(&old_order),
                names(&new_order)
            ),
        );
    }
}

fn diff_param(a: &Param, b: &Param, (ia, ib): (&str, &str), method: &str, c: &mut Ctx<'_>) {
    let label = format!("parameter `{}`", b.name);
    let (pa, pb) = (positional(a), positional(b));
    if a.name != b.name {
        let how = if a.wire_name == b.wire_name { "same wire name" } else { "same position and type" };
        let text = format!("parameter `{}` renamed `{}` ({how})", a.name, b.name);
        match (pa, pb) {
            (true, true) => c.push(Impact::Docs, format!("{text}: a positional argument, callers are unaffected")),
            (false, false) if ia != ib => {
                c.push(Impact::Breaking, format!("{text}: the setter `.{ia}()` is now `.{ib}()`"))
            }
            (false, false) => c.push(Impact::Docs, format!("{text}: the setter stays `.{ib}()`")),
            _ => c.push(Impact::Docs, text),
        }
    }
    match (pa, pb) {
        (false, true) => c.push(
            Impact::Breaking,
            format!(
                "{label} is now required: a new positional argument of `Client::{method}` instead of the setter `.{ia}()`"
            ),
        ),
        (true, false) => c.push(
            Impact::Breaking,
            format!("{label} is now optional: no longer an argument of `Client::{method}`; set it with `.{ib}()`"),
        ),
        _ if a.required != b.required => c.push(
            Impact::Docs,
            format!("{label}: documented as {} (a path parameter stays positional)", if b.required { "required" } else { "optional" }),
        ),
        _ => {}
    }
    let (ta, tb) = (rust_type(&a.ty), rust_type(&b.ty));
    if ta != tb {
        c.push(
            Impact::Breaking,
            format!("{label}: type `{}` → `{}` (Rust `{ta}` → `{tb}`)", a.ty, b.ty),
        );
    } else if a.ty != b.ty {
        c.push(Impact::Docs, format!("{label}: type `{}` → `{}` (the same Rust type `{tb}`)", a.ty, b.ty));
    }
    if a.location != b.location {
        c.push(
            Impact::Behaviour,
            format!(
                "{label}: sent in the {} instead of the {}",
                b.location.as_str(),
                a.location.as_str()
            ),
        );
    }
    if a.wire_name != b.wire_name && b.location != Location::Body {
        c.push(
            Impact::Behaviour,
            format!(
                "{label}: wire name `{}` → `{}`: requests now send `{}` (the Rust API is unchanged)",
                a.wire_name, b.wire_name, b.wire_name
            ),
        );
    }
    match (&a.default, &b.default) {
        (Some(x), None) => c.push(Impact::Docs, format!("{label}: documented default `{x}` removed")),
        (None, Some(y)) => c.push(Impact::Docs, format!("{label}: documented default `{y}` added")),
        (Some(x), Some(y)) if x != y => c.push(Impact::Docs, format!("{label}: documented default `{x}` → `{y}`")),
        _ => {}
    }
    if a.enum_values != b.enum_values {
        c.push(Impact::Docs, format!("{label}: allowed values {:?} → {:?}", a.enum_values, b.enum_values));
    }
    if a.description != b.description {
        c.push(Impact::Docs, format!("{label}: description changed"));
    }
}

fn kind_text(k: AuthKind) -> &'static str {
    match k {
        AuthKind::Basic => "HTTP basic",
        AuthKind::Bearer => "bearer token",
        AuthKind::ApiKey => "API key",
        AuthKind::Oauth2 => "OAuth2",
    }
}

fn diff_schemes(old: &Api, new: &Api, (old_plan, new_plan): &(PlanNames, PlanNames), out: &mut Vec<Change>) {
    let (os, ns) = (&old_plan.scheme_setters, &new_plan.scheme_setters);
    for s in &old.auth_schemes {
        let mut c = Ctx {
            subject: format!("scheme {}", s.name),
            out: &mut *out,
        };
        let Some(t) = new.auth_schemes.iter().find(|t| t.name == s.name) else {
            c.push(
                Impact::Breaking,
                format!("scheme `{}` ({}) removed: `ClientBuilder::{}` is gone", s.name, kind_text(s.kind), os[&s.name]),
            );
            continue;
        };
        if os[&s.name] != ns[&t.name] {
            c.push(
                Impact::Breaking,
                format!("scheme `{}`: `ClientBuilder::{}` is now `ClientBuilder::{}`", s.name, os[&s.name], ns[&t.name]),
            );
        }
        if s.kind != t.kind {
            // Basic takes a username and a password; every other kind one secret.
            let arity_changes = (s.kind == AuthKind::Basic) != (t.kind == AuthKind::Basic);
            let (impact, why) = if arity_changes {
                (Impact::Breaking, "the setter's arguments change")
            } else {
                (Impact::Behaviour, "the setter keeps its signature; the credential is sent differently")
            };
            c.push(
                impact,
                format!("scheme `{}`: {} → {}: {why}", s.name, kind_text(s.kind), kind_text(t.kind)),
            );
        }
        let loc = |x: &crate::ir::AuthScheme| x.location.map(|l| format!("{l:?}").to_lowercase());
        if loc(s) != loc(t) {
            c.push(
                Impact::Behaviour,
                format!("scheme `{}`: the key travels in {} instead of {}", s.name, opt_text(&loc(t)), opt_text(&loc(s))),
            );
        }
        if s.param_name != t.param_name {
            c.push(
                Impact::Behaviour,
                format!("scheme `{}`: key name {} → {}", s.name, opt_text(&s.param_name), opt_text(&t.param_name)),
            );
        }
        for (k, a, b) in other_fields(s, t, &["name", "kind", "in", "param_name"]) {
            c.push(Impact::Docs, format!("scheme `{}`: `{k}` {a} → {b}", s.name));
        }
    }
    for t in &new.auth_schemes {
        if !old.auth_schemes.iter().any(|s| s.name == t.name) {
            out.push(Change {
                impact: Impact::Addition,
                subject: format!("scheme {}", t.name),
                text: format!("new scheme `{}` ({}): a new setter `ClientBuilder::{}`", t.name, kind_text(t.kind), ns[&t.name]),
            });
        }
    }
}

fn diff_models(old: &Api, new: &Api, (old_plan, new_plan): &(PlanNames, PlanNames), out: &mut Vec<Change>) {
    let (on, nn) = (old.model_names(), new.model_names());
    let boxed = (&old_plan.boxed, &new_plan.boxed);
    let known = |api: &'_ Api, name: &str| -> Option<Model> { api.models.iter().find(|m| m.name == name).cloned() };
    for name in on.union(&nn) {
        let mut c = Ctx {
            subject: format!("model {name}"),
            out: &mut *out,
        };
        let ident = model_ident(name);
        match (on.contains(name), nn.contains(name)) {
            (true, false) => {
                c.push(Impact::Breaking, format!("model `{name}` removed: `models::{ident}` is gone"));
                continue;
            }
            (false, true) => {
                let how = if known(new, name).is_some() { "with known fields" } else { "a JSON value wrapper" };
                c.push(Impact::Addition, format!("new model `{name}` (`models::{ident}`, {how})"));
                continue;
            }
            _ => {}
        }
        match (known(old, name), known(new, name)) {
            (None, Some(_)) => c.push(
                Impact::Breaking,
                format!("model `{name}` is now typed: `models::{ident}` changes from a JSON value wrapper to a struct or enum"),
            ),
            (Some(_), None) => c.push(
                Impact::Breaking,
                format!("model `{name}` is no longer described: `models::{ident}` becomes a JSON value wrapper"),
            ),
            (Some(a), Some(b)) => diff_model(&a, &b, boxed, &mut c),
            (None, None) => {}
        }
    }
}

/// (model, field's model) pairs whose field the renderer boxes.
type Boxed = BTreeSet<(String, String)>;

/// `boxed`: the fields the renderer boxes, in the old and the new API.
fn diff_model(a: &Model, b: &Model, boxed: (&Boxed, &Boxed), c: &mut Ctx<'_>) {
    let is_boxed = |set: &Boxed, m: &Model, f: &Field| match &f.ty {
        TypeRef::Model(target) => set.contains(&(m.name.clone(), target.clone())),
        _ => false,
    };
    let name = &b.name;
    let ident = model_ident(name);
    if a.kind != b.kind {
        c.push(Impact::Breaking, format!("model `{name}`: kind {:?} → {:?}", a.kind, b.kind));
        return;
    }
    if a.variants != b.variants {
        c.push(
            Impact::Breaking,
            format!("model `{name}`: variants [{}] → [{}]: the enum's variants changed", a.variants.join(", "), b.variants.join(", ")),
        );
    }
    if a.discriminator != b.discriminator {
        c.push(Impact::Behaviour, format!("model `{name}`: discriminator changed: decoding picks variants differently"));
    }
    for v in &b.enum_values {
        if !a.enum_values.contains(v) {
            c.push(
                Impact::Breaking,
                format!(
                    "model `{name}`: new enum value `{v}`: a new variant of `models::{ident}` that exhaustive `match`es \
                     must handle (it used to decode as `Other`)"
                ),
            );
        }
    }
    for v in &a.enum_values {
        if !b.enum_values.contains(v) {
            c.push(
                Impact::Breaking,
                format!("model `{name}`: enum value `{v}` removed: its variant is gone (it now decodes as `Other`)"),
            );
        }
    }
    let mut new_left: Vec<&Field> = b.fields.iter().collect();
    for f in &a.fields {
        let pos = new_left
            .iter()
            .position(|g| g.name == f.name)
            .or_else(|| new_left.iter().position(|g| g.wire_name == f.wire_name));
        let Some(k) = pos else {
            c.push(
                Impact::Breaking,
                format!("model `{name}`: field `{}` removed: `models::{ident}::{}` is gone", f.name, field_ident(f)),
            );
            continue;
        };
        let g = new_left.remove(k);
        let label = format!("model `{name}`: field `{}`", g.name);
        if f.name != g.name {
            let (fi, gi) = (field_ident(f), field_ident(g));
            if fi != gi {
                c.push(Impact::Breaking, format!("{label}: renamed from `{}`: the Rust field `{fi}` is now `{gi}`", f.name));
            } else {
                c.push(Impact::Docs, format!("{label}: renamed from `{}` in the docs; the Rust field stays `{gi}`", f.name));
            }
        }
        let (ft, gt) = (field_type(f, is_boxed(boxed.0, a, f)), field_type(g, is_boxed(boxed.1, b, g)));
        let mut facts = Vec::new();
        if f.ty != g.ty {
            facts.push(format!("type `{}` → `{}`", f.ty, g.ty));
        }
        for (what, x, y) in [("required", f.required, g.required), ("nullable", f.nullable, g.nullable), ("read-only", f.read_only, g.read_only)] {
            if x != y {
                facts.push(format!("{}{what}", if y { "now " } else { "no longer " }));
            }
        }
        if ft != gt {
            c.push(Impact::Breaking, format!("{label}: {}: its Rust type `{ft}` is now `{gt}`", facts.join(", ")));
        } else if !facts.is_empty() {
            c.push(Impact::Docs, format!("{label}: {} (the same Rust type `{gt}`)", facts.join(", ")));
        }
        if f.wire_name != g.wire_name {
            c.push(
                Impact::Behaviour,
                format!("{label}: JSON key `{}` → `{}` (the Rust API is unchanged)", f.wire_name, g.wire_name),
            );
        }
        if f.default != g.default || f.description != g.description {
            c.push(Impact::Docs, format!("{label}: documented default or description changed"));
        }
    }
    for g in new_left {
        let how = if g.required && !g.read_only { "required" } else { "optional" };
        c.push(
            Impact::Breaking,
            format!(
                "model `{name}`: new {how} field `{}` (`{}`): struct literals `models::{ident} {{ .. }}` must set `{}`",
                g.name,
                g.ty,
                field_ident(g)
            ),
        );
    }
    if a.description != b.description {
        c.push(Impact::Docs, format!("model `{name}`: description changed"));
    }
}

// ---------------------------------------------------------------------------------------
// Pairing providers, loading sides.

/// Pairs the providers of two sides and compares each pair. One API on each side is
/// compared whatever the providers are called; otherwise they are matched by provider.
pub fn diff_sides(old: &[Api], new: &[Api]) -> Vec<ProviderDiff> {
    if old.len() == 1 && new.len() == 1 {
        return vec![diff(&old[0], &new[0])];
    }
    let mut out = Vec::new();
    for n in new {
        match old.iter().find(|o| o.provider == n.provider) {
            Some(o) => out.push(diff(o, n)),
            None => {
                let mut d = ProviderDiff::new(&n.provider, Presence::OnlyNew);
                d.note = Some(format!("new provider: a new crate with {} operation(s)", n.operations.len()));
                out.push(d);
            }
        }
    }
    for o in old {
        if !new.iter().any(|n| n.provider == o.provider) {
            let mut d = ProviderDiff::new(&o.provider, Presence::OnlyOld);
            d.note = Some("provider removed: its crate is no longer generated".into());
            out.push(d);
        }
    }
    out.sort_by(|a, b| a.provider.cmp(&b.provider));
    out
}

/// One side of a diff: a doc, a docs or spec directory, an `api.yaml`, a `specs/`
/// directory (every provider in it), or a repository root (its `specs/`).
pub fn load_side(path: &Path) -> Result<Vec<Api>, Failed> {
    let specs = if path.join("specs").is_dir() { path.join("specs") } else { path.to_path_buf() };
    let dirs = crate::provider_dirs(&specs);
    let is_specs_root = path.is_dir() && !path.join("provider.yaml").is_file() && !dirs.is_empty();
    if is_specs_root {
        let mut apis = Vec::new();
        let mut errors = Vec::new();
        for dir in dirs {
            match crate::load_spec_dir(&dir, path) {
                Ok(l) => apis.push(l.value.api),
                Err(Failed(e)) => errors.extend(e),
            }
        }
        if !errors.is_empty() {
            return Err(Failed(errors));
        }
        return Ok(apis);
    }
    crate::load_input(path).map(|l| vec![l.value])
}

fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!("git {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim()));
    }
    Ok(out.stdout)
}

/// The providers of `specs/` at git revision `rev` of the repository at `root`: each
/// provider's checked-in `api.yaml` (what that revision's crate was generated from), or,
/// when there is none or it no longer reads, its docs and `provider.yaml` read anew.
pub fn load_rev(root: &Path, rev: &str) -> Result<Vec<Api>, String> {
    let listing = git(root, &["ls-tree", "-r", "--name-only", rev, "--", "specs/"])?;
    let mut by_provider: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&listing).lines() {
        let mut parts = line.splitn(3, '/');
        if let (Some("specs"), Some(p), Some(_)) = (parts.next(), parts.next(), parts.next()) {
            by_provider.entry(p.to_string()).or_default().push(line.to_string());
        }
    }
    let mut apis = Vec::new();
    let tmp = std::env::temp_dir().join(format!("generator-diff-{}-{}", std::process::id(), rev.replace(['/', ':'], "_")));
    let result = (|| {
        for (provider, files) in &by_provider {
            if !files.iter().any(|f| f.ends_with("/provider.yaml")) {
                continue;
            }
            let yaml_path = format!("specs/{provider}/api.yaml");
            if files.contains(&yaml_path) {
                let text = String::from_utf8_lossy(&git(root, &["show", &format!("{rev}:{yaml_path}")])?).into_owned();
                if let Ok(api) = crate::yaml::from_yaml(&text, &yaml_path) {
                    apis.push(api);
                    continue;
                }
            }
            let dir = tmp.join("specs").join(provider);
            for f in files {
                let target = tmp.join(f);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
                }
                let bytes = git(root, &["show", &format!("{rev}:{f}")])?;
                std::fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
            }
            let loaded = crate::load_spec_dir(&dir, &tmp).map_err(|f| format!("{rev}:specs/{provider}: {f}"))?;
            apis.push(loaded.value.api);
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result.map(|()| apis)
}

/// The working tree's providers, read from their docs and `provider.yaml` (so edits not
/// yet regenerated count).
pub fn load_working_tree(root: &Path) -> Result<Vec<Api>, Failed> {
    let mut apis = Vec::new();
    let mut errors = Vec::new();
    for dir in crate::spec_dirs(root) {
        match crate::load_spec_dir(&dir, root) {
            Ok(l) => apis.push(l.value.api),
            Err(Failed(e)) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(apis)
    } else {
        Err(Failed(errors))
    }
}

/// The `version = "…"` of a Cargo manifest's package.
pub fn manifest_version(manifest: &str) -> Option<String> {
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("version = \"").and_then(|r| r.strip_suffix('"')))
        .map(str::to_string)
}

/// The API changes a generation run makes (or, for `check`, would make): every
/// `specs/<provider>/api.yaml` in `output` whose text differs from the one on disk,
/// compared with it; and every crate whose version changes without an API change.
/// [`ProviderDiff::version`] is the version of `generated/<provider>/Cargo.toml` on disk,
/// [`ProviderDiff::new_version`] the planned one (`provider.yaml`'s).
pub fn plan_changes(root: &Path, output: &crate::files::Output) -> Vec<ProviderDiff> {
    let mut out = Vec::new();
    for (rel, text) in &output.files {
        let mut comps = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned());
        let (Some(first), Some(provider), Some(file), None) = (comps.next(), comps.next(), comps.next(), comps.next()) else {
            continue;
        };
        if first != "specs" || file != "api.yaml" {
            continue;
        }
        let manifest = PathBuf::from("generated").join(&provider).join("Cargo.toml");
        let new_version = output.files.get(&manifest).and_then(|m| manifest_version(m));
        let version = std::fs::read_to_string(root.join(&manifest)).ok().and_then(|m| manifest_version(&m));
        let old_text = std::fs::read_to_string(root.join(rel)).ok();
        if old_text.as_deref() == Some(text.as_str()) {
            if version.is_some() && new_version.is_some() && version != new_version {
                let mut d = ProviderDiff::new(&provider, Presence::Both);
                (d.version, d.new_version) = (version, new_version);
                out.push(d);
            }
            continue;
        }
        let label = rel.display().to_string();
        let new = match crate::yaml::from_yaml(text, &label) {
            Ok(api) => api,
            Err(e) => {
                let mut d = ProviderDiff::new(&provider, Presence::Both);
                d.note = Some(format!("internal error: the planned api.yaml does not read back: {e}"));
                out.push(d);
                continue;
            }
        };
        let mut d = match old_text.as_deref().map(|t| crate::yaml::from_yaml(t, &label)) {
            None => {
                let mut d = ProviderDiff::new(&provider, Presence::OnlyNew);
                d.note = Some(format!("new provider: a new crate with {} operation(s)", new.operations.len()));
                d
            }
            Some(Err(Failed(e))) => {
                let mut d = ProviderDiff::new(&provider, Presence::Both);
                let why = e.first().map(|d| d.message.clone()).unwrap_or_default();
                d.note = Some(format!("the checked-in {label} does not read with this generator ({why}); not compared"));
                d
            }
            Some(Ok(old)) => {
                let mut d = diff(&old, &new);
                if d.is_empty() {
                    d.note = Some("api.yaml changed, but no fact of the API did (evidence, source or formatting only)".into());
                }
                d
            }
        };
        d.provider = provider;
        (d.version, d.new_version) = (version, new_version);
        out.push(d);
    }
    out
}

/// The `version:` of a `provider.yaml` text, read leniently (any revision's file, whatever
/// else it says), or [`crate::provider::DEFAULT_VERSION`].
pub fn provider_yaml_version(text: &str) -> String {
    let value: serde_yaml::Value = serde_yaml::from_str(text).unwrap_or(serde_yaml::Value::Null);
    match value.get("version") {
        Some(serde_yaml::Value::String(s)) => s.clone(),
        Some(serde_yaml::Value::Number(n)) => n.to_string(),
        _ => crate::provider::DEFAULT_VERSION.to_string(),
    }
}

/// Each provider's crate version at git revision `rev`: its `provider.yaml`'s `version:`
/// (default [`crate::provider::DEFAULT_VERSION`]).
pub fn rev_versions(root: &Path, rev: &str) -> Result<BTreeMap<String, String>, String> {
    let listing = git(root, &["ls-tree", "-r", "--name-only", rev, "--", "specs/"])?;
    let mut out = BTreeMap::new();
    for line in String::from_utf8_lossy(&listing).lines() {
        let parts: Vec<&str> = line.split('/').collect();
        if let ["specs", provider, "provider.yaml"] = parts[..] {
            let text = git(root, &["show", &format!("{rev}:{line}")])?;
            out.insert(provider.to_string(), provider_yaml_version(&String::from_utf8_lossy(&text)));
        }
    }
    Ok(out)
}

/// Each provider's crate version in the working tree (`specs/*/provider.yaml`).
pub fn working_tree_versions(root: &Path) -> BTreeMap<String, String> {
    crate::spec_dirs(root)
        .into_iter()
        .filter_map(|dir| {
            let provider = dir.file_name()?.to_string_lossy().into_owned();
            let text = std::fs::read_to_string(dir.join("provider.yaml")).ok()?;
            Some((provider, provider_yaml_version(&text)))
        })
        .collect()
}

/// [`diff_sides`] between revision `rev` and the working tree, with each crate's version
/// on both sides (for [`ProviderDiff::version_problem`]).
pub fn diff_rev(root: &Path, rev: &str) -> Result<Vec<ProviderDiff>, String> {
    let old = load_rev(root, rev)?;
    let new = load_working_tree(root).map_err(|f| f.to_string())?;
    let (old_versions, new_versions) = (rev_versions(root, rev)?, working_tree_versions(root));
    let mut diffs = diff_sides(&old, &new);
    for d in &mut diffs {
        d.version = old_versions.get(&d.provider).cloned();
        d.new_version = new_versions.get(&d.provider).cloned();
    }
    Ok(diffs)
}

// ---------------------------------------------------------------------------------------
// Reports.

fn bump_sentence(d: &ProviderDiff) -> String {
    let bump = d.bump();
    let why = match bump {
        Bump::Major => "breaking changes",
        Bump::Minor => "additions, nothing breaking",
        Bump::Patch => "no change to the Rust API",
        Bump::None => "nothing changed",
    };
    let mut s = format!("Implied version bump: **{}** ({why}).", bump.label());
    match (&d.version, bump) {
        (_, Bump::None) => {}
        (Some(v), _) => {
            let next = next_version(v, bump).unwrap_or_else(|| "?".into());
            if v.starts_with("0.") {
                let rule = if bump == Bump::Major {
                    "a breaking change bumps the minor version"
                } else {
                    "anything not breaking bumps the patch version"
                };
                let _ = write!(s, " The crate is {v}; while it is 0.x, {rule}: {v} → {next}.");
            } else {
                let _ = write!(s, " {v} → {next}.");
            }
        }
        (None, Bump::Major) => s.push_str(" While the crate is 0.x, that bumps the minor version (0.1.0 → 0.2.0)."),
        (None, _) => s.push_str(" While the crate is 0.x, that bumps the patch version (0.1.0 → 0.1.1)."),
    }
    match (d.version_is_enough(), &d.new_version) {
        (Some(true), Some(new)) if Some(new) != d.version.as_ref() => {
            let _ = write!(s, " `provider.yaml` sets {new}: enough.");
        }
        (Some(false), Some(new)) => {
            let _ = write!(s, " **`provider.yaml` sets {new}: not enough** (`version:` in `provider.yaml`).");
        }
        _ => {}
    }
    s
}

/// `needs 0.1.0 → 0.2.0; version 0.1.0 → 0.2.0 (provider.yaml)`: the version change the
/// API changes need, next to the one made.
fn version_text(d: &ProviderDiff) -> String {
    let (Some(old), Some(new)) = (&d.version, &d.new_version) else {
        return match (&d.version, d.bump()) {
            (Some(v), bump) if bump != Bump::None => {
                next_version(v, bump).map(|n| format!(", {v} → {n}")).unwrap_or_default()
            }
            _ => String::new(),
        };
    };
    let made = if old == new { format!("version stays {old}") } else { format!("version {old} → {new}") };
    let need = match d.bump() {
        Bump::None => String::new(),
        bump => next_version(old, bump).map(|n| format!(", needs {old} → {n}")).unwrap_or_default(),
    };
    let verdict = match d.version_is_enough() {
        Some(false) => match next_version(old, d.bump()) {
            Some(n) => format!(": not enough, set `version: {n}` in provider.yaml"),
            None => ": not enough".to_string(),
        },
        _ => String::new(),
    };
    format!("{need}; {made}{verdict}")
}

fn bullet(c: &Change) -> String {
    let tag = match c.impact {
        Impact::Breaking => "**breaking**".to_string(),
        i => i.label().to_string(),
    };
    format!("- {tag}: {}\n", c.text)
}

/// The markdown report: one section per provider.
pub fn report(diffs: &[ProviderDiff]) -> String {
    let mut r = String::from("# API changes\n\n");
    if diffs.is_empty() {
        r.push_str("No providers to compare.\n");
    }
    for d in diffs {
        let headline = match d.presence {
            Presence::OnlyNew => "new crate".to_string(),
            Presence::OnlyOld => "crate removed".to_string(),
            Presence::Both if d.is_empty() => "no API changes".to_string(),
            Presence::Both => format!("**{}** ({})", d.bump().label(), d.counts()),
        };
        let _ = writeln!(r, "## `{}`: {headline}\n", d.provider);
        if let Some(note) = &d.note {
            let _ = writeln!(r, "{note}\n");
        }
        if d.presence != Presence::Both || d.is_empty() {
            continue;
        }
        let _ = writeln!(r, "{}\n", bump_sentence(d));
        let section = |r: &mut String, title: &str, changes: &[Change]| {
            if !changes.is_empty() {
                let _ = writeln!(r, "### {title}\n");
                changes.iter().for_each(|c| r.push_str(&bullet(c)));
                r.push('\n');
            }
        };
        section(&mut r, "API", &d.general);
        section(&mut r, "Operations removed", &d.removed);
        section(&mut r, "Operations added", &d.added);
        if !d.changed.is_empty() {
            r.push_str("### Operations changed\n\n");
            for o in &d.changed {
                let _ = writeln!(r, "#### `{}` (`{}`)\n", o.name, o.request);
                o.changes.iter().for_each(|c| r.push_str(&bullet(c)));
                r.push('\n');
            }
        }
        section(&mut r, "Authentication", &d.auth);
        section(&mut r, "Models", &d.models);
    }
    r.push_str(
        "---\n*breaking*: code written against the old crate may not compile, or may compile and mean something else \
         (major); *addition*: new API, old code still compiles (minor); *behaviour change*: the Rust API is unchanged \
         but what is sent or accepted on the wire differs — review it (patch); *docs*: documentation only (patch). \
         Models are structs with public fields and enums without `#[non_exhaustive]`, so a new field or enum value is \
         breaking. While a crate is 0.x, Cargo treats the minor version as the major one.\n",
    );
    r
}

/// A short plain-text summary, one line per change, for the regenerate and `check` logs.
pub fn summary(diffs: &[ProviderDiff]) -> String {
    let mut s = String::new();
    for d in diffs {
        let head = match d.presence {
            Presence::OnlyNew => "new crate".to_string(),
            Presence::OnlyOld => "crate removed".to_string(),
            Presence::Both if d.is_empty() => format!("no API changes{}", version_text(d)),
            Presence::Both => format!("{} bump ({}){}", d.bump().label(), d.counts(), version_text(d)),
        };
        let _ = writeln!(s, "API changes in {}: {head}", d.provider);
        if let Some(note) = &d.note {
            let _ = writeln!(s, "  {note}");
        }
        for c in d.changes() {
            let _ = writeln!(s, "  {:<16} {}: {}", c.impact.label(), c.subject, c.text.replace("**", ""));
        }
    }
    s
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_follow_cargo_semver() {
        let cases = [
            ("0.1.0", Bump::Major, "0.2.0"),
            ("0.1.0", Bump::Minor, "0.1.1"),
            ("0.1.3", Bump::Patch, "0.1.4"),
            ("0.0.3", Bump::Minor, "0.0.4"),
            ("1.2.3", Bump::Major, "2.0.0"),
            ("1.2.3", Bump::Minor, "1.3.0"),
            ("1.2.3", Bump::Patch, "1.2.4"),
            ("1.2.3", Bump::None, "1.2.3"),
        ];
        for (v, b, want) in cases {
            assert_eq!(next_version(v, b).as_deref(), Some(want), "{v} {b:?}");
        }
        assert_eq!(next_version("x", Bump::Major), None);
    }

    #[test]
    fn group_changes_follow_the_renderer_s_modules() {
        let api = |groups: [&str; 3]| {
            crate::yaml::from_yaml(
                &format!(
                    "provider: p\ntitle: T\nbase_url: https://x\noperations:\n\
                     - {{name: a, group: {}, method: GET, path: /a}}\n\
                     - {{name: b, group: {}, method: GET, path: /b}}\n\
                     - {{name: c, group: {}, method: GET, path: /c}}\n",
                    groups[0], groups[1], groups[2]
                ),
                "t.yaml",
            )
            .unwrap()
        };
        let changes = |old: &Api, new: &Api| -> Vec<(String, Impact, String)> {
            diff(old, new)
                .changed
                .into_iter()
                .flat_map(|o| o.changes.into_iter().map(move |c| (o.name.clone(), c.impact, c.text)))
                .collect()
        };
        // `UsersApi` → `Users_Api`: both are the module `users_api`, nothing moves.
        let got = changes(&api(["UsersApi", "UsersApi", "OrdersApi"]), &api(["Users_Api", "Users_Api", "OrdersApi"]));
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(_, i, t)| *i == Impact::Docs && t.contains("module stays `requests::users_api`")), "{got:?}");
        // Two groups that meet after case conversion: the second one's module has a `_`,
        // and moving there leaves the first one's module.
        let got = changes(&api(["UsersApi", "users_api", "OrdersApi"]), &api(["UsersApi", "UsersApi", "OrdersApi"]));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, Impact::Breaking, "{got:?}");
        assert!(got[0].2.contains("leaves the module `requests::users_api_`"), "{got:?}");
    }

    #[test]
    fn a_model_becoming_recursive_boxes_a_field_and_that_breaks() {
        let api = |leaf_fields: &str| {
            crate::yaml::from_yaml(
                &format!(
                    "provider: p\ntitle: T\nbase_url: https://x\noperations:\n\
                     - {{name: get, method: GET, path: /a, response: Node}}\nmodels:\n\
                     - {{name: Node, kind: object, fields: [{{name: child, wire_name: child, type: Leaf, required: true}}]}}\n\
                     - {{name: Leaf, kind: object, fields: [{leaf_fields}]}}\n"
                ),
                "t.yaml",
            )
            .unwrap()
        };
        let old = api("{name: n, wire_name: n, type: integer, required: true}");
        let new = api("{name: n, wire_name: n, type: integer, required: true}, {name: back, wire_name: back, type: Node, required: false}");
        let models = diff(&old, &new).models;
        let child = models.iter().find(|c| c.text.contains("field `child`")).expect("child's type changes");
        assert_eq!(child.impact, Impact::Breaking, "{models:?}");
        assert!(child.text.contains("`models::Leaf` is now `Box<models::Leaf>`"), "{}", child.text);
    }

    #[test]
    fn method_names_mirror_the_renderer() {
        let api = crate::yaml::from_yaml(
            "provider: p\ntitle: T\nbase_url: https://x\noperations:\n\
             - {name: new, method: GET, path: /a}\n- {name: getUser, method: GET, path: /b}\n- {name: get_user, method: GET, path: /c}\n",
            "t.yaml",
        )
        .unwrap();
        let m = method_names(&api, &plan_names(&api));
        assert_eq!(m["new"], "new_");
        assert_eq!(m["getUser"], "get_user");
        assert_eq!(m["get_user"], "get_user_");
    }
}
