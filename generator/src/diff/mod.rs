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

mod models;
mod report;
mod sources;

pub use report::{report, summary};
pub use sources::{diff_rev, load_rev, load_side, load_working_tree, manifest_version, plan_changes, provider_yaml_version, rev_versions, working_tree_versions};

// Names come from the renderer (its plan and reserved words); `tests/diff.rs` checks the
// derived names against the rendered crates of every spec.
use crate::surface::{self, names as plan_names, Names as PlanNames};
use crate::ident::{sanitize, Case};
use crate::ir::placeholders;
use crate::ir::{Api, AuthKind, Field, Location, Model, Operation, Param, TypeRef};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

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
fn rust_type(t: &TypeRef, models: &Models) -> String {
    match t {
        TypeRef::String => "String".into(),
        TypeRef::Integer => "i64".into(),
        TypeRef::Number => "f64".into(),
        TypeRef::Boolean => "bool".into(),
        TypeRef::Date => "time::Date".into(),
        TypeRef::DateTime => "time::OffsetDateTime".into(),
        TypeRef::Binary => "FilePart".into(),
        TypeRef::Any => "serde_json::Value".into(),
        TypeRef::List(t) => format!("Vec<{}>", rust_type(t, models)),
        TypeRef::Map(t) => format!("BTreeMap<String, {}>", rust_type(t, models)),
        TypeRef::Model(m) => format!("models::{}", model_ident(m, models)),
    }
}

/// A model field's Rust type (render/models.rs): dates and binary inside containers are text,
/// a field closing a cycle of models is boxed, read-only and optional fields are `Option`,
/// nullable optional ones `Option<Option<_>>`.
fn field_type(f: &Field, boxed: bool, models: &Models) -> String {
    fn base(t: &TypeRef, top: bool, models: &Models) -> String {
        match t {
            TypeRef::Date if top => "time::Date".into(),
            TypeRef::DateTime if top => "time::OffsetDateTime".into(),
            TypeRef::Date | TypeRef::DateTime | TypeRef::Binary => "String".into(),
            TypeRef::List(t) => format!("Vec<{}>", base(t, false, models)),
            TypeRef::Map(t) => format!("BTreeMap<String, {}>", base(t, false, models)),
            other => rust_type(other, models),
        }
    }
    // The leniency the surface decides where the docs do not settle a type or a field's
    // nullability (`surface::models::type_guessed`, `null_guessed`).
    let ty = surface::models::type_guessed(f).unwrap_or_else(|| f.ty.clone());
    let t = base(&ty, true, models);
    let t = if boxed { format!("Box<{t}>") } else { t };
    let nullable = f.nullable || surface::models::null_guessed(f).is_some();
    match (!f.required || f.read_only, nullable) {
        (false, false) => t,
        (true, true) => format!("Option<Option<{t}>>"),
        _ => format!("Option<{t}>"),
    }
}

fn field_ident(f: &Field) -> String {
    surface::field_name(f)
}

/// A model's Rust type name, as the surface decided it.
fn model_ident(name: &str, models: &Models) -> String {
    models.get(name).cloned().unwrap_or_else(|| sanitize(name, Case::Pascal, surface::PRELUDE_TYPES))
}

/// The type `.await` gives (inside `ApiResponse`).
fn output_type(op: &Operation, models: &Models) -> String {
    match &op.response {
        None => "()".into(),
        Some(TypeRef::Binary) => "Bytes".into(),
        Some(TypeRef::String) if op.accept.as_deref().is_some_and(|a| !a.contains("json")) => "String".into(),
        Some(t) => rust_type(t, models),
    }
}

/// Client method names, from the renderer's plan, keyed by [`surface::op_key`]: an
/// operation of an API group is named through its group's accessor
/// (`orders().list_orders`, read `Client::orders().list_orders`). An operation the
/// renderer skips has no method; it is named as it would be, for the report.
fn method_names(api: &Api, plan: &PlanNames) -> BTreeMap<String, String> {
    api.operations
        .iter()
        .map(|op| {
            let key = surface::op_key(op);
            let name = plan.methods.get(&key).cloned().unwrap_or_else(|| surface::method_name(op));
            let name = match op.group.as_deref().and_then(|g| plan.modules.get(g)) {
                Some(module) => format!("{module}().{name}"),
                None => name,
            };
            (key, name)
        })
        .collect()
}

/// The Rust names of an operation's parameters (doc order), from the renderer's plan; for
/// an operation the renderer skips, as they would be.
fn param_idents(op: &Operation, plan: &PlanNames) -> Vec<String> {
    match plan.params.get(&surface::op_key(op)) {
        Some(names) if names.len() == op.params.len() => names.clone(),
        _ => op.params.iter().map(surface::param_name).collect(),
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
        models: api.model_names().into_iter().map(|m| (m.clone(), model_ident(&m, &plan.models))).collect(),
        ..RustNames::default()
    };
    for op in &api.operations {
        let idents = param_idents(op, &plan);
        names.arguments.insert(surface::op_key(op), positional_order(op).into_iter().map(|i| idents[i].clone()).collect());
        let setters = (0..op.params.len()).filter(|&i| !positional(&op.params[i])).map(|i| idents[i].clone()).collect();
        names.setters.insert(surface::op_key(op), setters);
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
    /// Model → its Rust type, in the old and the new crate ([`PlanNames::models`]).
    models: (&'a Models, &'a Models),
}

/// Model → its type in `models`, as the surface names it.
type Models = BTreeMap<String, String>;

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
    // The surface's names for each side, decided once.
    let names = (plan_names(old), plan_names(new));
    let mut g = Ctx {
        subject: "API".into(),
        out: &mut d.general,
        models: (&names.0.models, &names.1.models),
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

    diff_operations(old, new, &names, &mut d);
    models::diff_schemes(old, new, &names, &mut d.auth);
    models::diff_models(old, new, &names, &mut d.models);
    d
}

fn diff_operations(old: &Api, new: &Api, (old_plan, new_plan): &(PlanNames, PlanNames), d: &mut ProviderDiff) {
    let old_methods = method_names(old, old_plan);
    let new_methods = method_names(new, new_plan);
    let modules = (&old_plan.modules, &new_plan.modules);
    let mut pairs: Vec<(&Operation, &Operation)> = Vec::new();
    let mut old_left: Vec<&Operation> = Vec::new();
    // The same operation: the same name in the same group, else (moved between groups, into
    // or out of one) the same name where that name is not taken on the other side.
    let key = |o: &Operation| (o.group.clone(), o.name.clone());
    let old_keys: BTreeSet<_> = old.operations.iter().map(key).collect();
    let new_keys: BTreeSet<_> = new.operations.iter().map(key).collect();
    let mut taken: BTreeSet<*const Operation> = BTreeSet::new();
    for o in &old.operations {
        let same = new.operations.iter().find(|n| key(n) == key(o));
        // Of several, the one of the same request.
        let moved = || {
            let free = |n: &&Operation| {
                n.name == o.name && !old_keys.contains(&key(n)) && !new_keys.contains(&key(o)) && !taken.contains(&(*n as *const Operation))
            };
            let mut candidates = new.operations.iter().filter(free);
            let first = candidates.clone().next();
            candidates.find(|n| n.method == o.method && n.path == o.path).or(first)
        };
        match same.or_else(moved) {
            Some(n) => {
                taken.insert(n as *const Operation);
                pairs.push((o, n));
            }
            None => old_left.push(o),
        }
    }
    let mut new_left: Vec<&Operation> =
        new.operations.iter().filter(|n| !taken.contains(&(*n as *const Operation))).collect();
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
                o.name, o.method, o.path, old_methods[&surface::op_key(o)]
            ),
        });
    }
    for n in new_left {
        let m = &new_methods[&surface::op_key(n)];
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
        diff_operation(o, n, (&old_methods[&surface::op_key(o)], &new_methods[&surface::op_key(n)]), modules, &idents, (&old_plan.models, &new_plan.models), &mut changes);
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
    models: (&Models, &Models),
    out: &mut Vec<Change>,
) {
    let old_module = |g: &str| old_modules.get(g).cloned().unwrap_or_default();
    let new_module = |g: &str| new_modules.get(g).cloned().unwrap_or_default();
    let mut c = Ctx {
        subject: n.name.clone(),
        out,
        models,
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
    } else if om != nm && o.group == n.group {
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
    // A group is a module, a `Client` accessor and a cargo feature: an operation that moves
    // into, out of or between groups is called another way.
    match (&o.group, &n.group) {
        (Some(a), Some(b)) if a != b && old_module(a) == new_module(b) => c.push(
            Impact::Docs,
            format!("API group `{a}` is now `{b}`; the module stays `apis::{}`", new_module(b)),
        ),
        (Some(a), Some(b)) if a != b => c.push(
            Impact::Breaking,
            format!(
                "moved from API group `{a}` to `{b}`: `Client::{om}` is now `Client::{nm}` (module `apis::{}`, feature `{}`)",
                new_module(b),
                new_module(b)
            ),
        ),
        (Some(a), None) => c.push(
            Impact::Breaking,
            format!("no longer in API group `{a}`: `Client::{om}` is now `Client::{nm}`"),
        ),
        (None, Some(b)) => c.push(
            Impact::Breaking,
            format!(
                "moved into API group `{b}`: `Client::{om}` is now `Client::{nm}` (module `apis::{}`, feature `{}`)",
                new_module(b),
                new_module(b)
            ),
        ),
        _ => {}
    }
    diff_params(o, n, nm, idents, &mut c);

    let (ot, nt) = (output_type(o, c.models.0), output_type(n, c.models.1));
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
    let (ta, tb) = (rust_type(&a.ty, c.models.0), rust_type(&b.ty, c.models.1));
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

#[cfg(test)]
mod tests;
