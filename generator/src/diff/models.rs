//! Security schemes and models compared: the `ClientBuilder` setters and the model types of
//! the old and the new crate.

use super::*;

fn kind_text(k: AuthKind) -> &'static str {
    match k {
        AuthKind::Basic => "HTTP basic",
        AuthKind::Bearer => "bearer token",
        AuthKind::ApiKey => "API key",
        AuthKind::Oauth2 => "OAuth2",
    }
}

pub(super) fn diff_schemes(old: &Api, new: &Api, (old_plan, new_plan): &(PlanNames, PlanNames), out: &mut Vec<Change>) {
    let (os, ns) = (&old_plan.scheme_setters, &new_plan.scheme_setters);
    for s in &old.auth_schemes {
        let mut c = Ctx {
            subject: format!("scheme {}", s.name),
            out: &mut *out,
            models: (&old_plan.models, &new_plan.models),
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

pub(super) fn diff_models(old: &Api, new: &Api, (old_plan, new_plan): &(PlanNames, PlanNames), out: &mut Vec<Change>) {
    let (on, nn) = (old.model_names(), new.model_names());
    let boxed = (&old_plan.boxed, &new_plan.boxed);
    let known = |api: &'_ Api, name: &str| -> Option<Model> { api.models.iter().find(|m| m.name == name).cloned() };
    for name in on.union(&nn) {
        let mut c = Ctx {
            subject: format!("model {name}"),
            out: &mut *out,
            models: (&old_plan.models, &new_plan.models),
        };
        let ident = if nn.contains(name) { model_ident(name, &new_plan.models) } else { model_ident(name, &old_plan.models) };
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
    let ident = model_ident(name, c.models.1);
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
        let (ft, gt) = (field_type(f, is_boxed(boxed.0, a, f), c.models.0), field_type(g, is_boxed(boxed.1, b, g), c.models.1));
        let mut facts = Vec::new();
        if f.ty != g.ty {
            facts.push(format!("type `{}` → `{}`", f.ty, g.ty));
        }
        for (what, x, y) in [("required", f.required, g.required), ("nullable", f.nullable, g.nullable), ("read-only", f.read_only, g.read_only)] {
            if x != y {
                facts.push(format!("{}{what}", if y { "now " } else { "no longer " }));
            }
        }
        // The surface's leniency where the docs do not settle a fact.
        let (fl, gl) = (surface::models::null_guessed(f).is_some(), surface::models::null_guessed(g).is_some());
        if fl != gl {
            facts.push(if gl { "read leniently (the docs do not settle its nullability)".into() } else { "no longer read leniently".into() });
        }
        let (fy, gy) = (surface::models::type_guessed(f).is_some(), surface::models::type_guessed(g).is_some());
        if fy != gy {
            facts.push(if gy { "its type read leniently (the docs' spelling does not settle it)".into() } else { "its type no longer read leniently".into() });
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
