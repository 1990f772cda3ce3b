//! API groups' Rust surface: for a docs set of several API docs, each group is a module of
//! its own (`apis::apps_v1`, in its own file), reached as `client.apps_v1()`, with a cargo
//! feature of the same name; the models each group needs, so that a crate built with only
//! some groups compiles only their models.

use super::ops::{group_modules, Plan};
use crate::ident::{sanitize, Case};
use crate::ir::{Api, Operation, TypeRef};
use proc_macro2::Ident;
use quote::format_ident;
use std::collections::{BTreeMap, BTreeSet};

/// One API group of a grouped crate.
pub struct GroupPlan {
    /// The group as the docs name it (`AppsV1Api`).
    pub name: String,
    /// Its module, `Client` accessor and cargo feature (`apps_v1`).
    pub module: Ident,
    /// The type the accessor returns (`AppsV1Api<'a>`).
    pub api_ident: Ident,
    /// Its operations (indices into [`Plan::ops`]), in the docs' order.
    pub ops: Vec<usize>,
    /// Operations documented in this group's doc too, living in an earlier group: each
    /// with the method this group forwards it under, when that name is free here.
    pub also: Vec<(usize, Option<Ident>)>,
}

impl GroupPlan {
    /// The group's cargo feature.
    pub fn feature(&self) -> String {
        self.module.to_string()
    }
}

/// Whether the crate is laid out by API group: some operation has one.
pub fn is_grouped(plan: &Plan<'_>) -> bool {
    plan.ops.iter().any(|o| o.op.group.is_some())
}

/// The groups of the planned operations, in order of first appearance (empty when no
/// operation has a group).
pub fn groups(plan: &Plan<'_>) -> Vec<GroupPlan> {
    let names = group_names(plan);
    let modules = group_modules(names.iter().map(String::as_str));
    let mut out: Vec<GroupPlan> = Vec::new();
    // Every group, those whose doc only repeats other groups' operations included.
    let homes = plan.ops.iter().enumerate().filter_map(|(i, o)| Some((Some(i), o.op.group.as_deref()?)));
    let bare = names.iter().map(|g| (None, g.as_str()));
    for (i, g) in homes.chain(bare) {
        let at = match out.iter().position(|x| x.name == g) {
            Some(at) => at,
            None => {
                let module = modules.get(g).cloned().unwrap_or_else(|| "group".into());
                // `Client` is what every group module imports: a group named so takes a `_`.
                let api_ident = format_ident!("{}", sanitize(g, Case::Pascal, &["Client"]));
                out.push(GroupPlan {
                    name: g.to_string(),
                    module: format_ident!("{}", module),
                    api_ident,
                    ops: Vec::new(),
                    also: Vec::new(),
                });
                out.len() - 1
            }
        };
        if let Some(i) = i {
            out[at].ops.push(i);
        }
    }
    // The builders' names in a module, which its accessor type must not take.
    for g in &mut out {
        let requests: BTreeSet<String> = g.ops.iter().map(|&i| plan.ops[i].request_ident.to_string()).collect();
        let mut name = g.api_ident.to_string();
        while requests.contains(&name) {
            name.push('_');
        }
        g.api_ident = format_ident!("{}", name);
    }
    // Operations documented under several groups' docs: reachable from the others too.
    for (i, o) in plan.ops.iter().enumerate() {
        for other in also_documented_in(o.op) {
            let Some(g) = out.iter_mut().find(|g| g.name == other && Some(g.name.as_str()) != o.op.group.as_deref()) else {
                continue;
            };
            let taken = g.ops.iter().any(|&j| plan.ops[j].method_ident == o.method_ident)
                || g.also.iter().any(|(_, m)| m.as_ref() == Some(&o.method_ident));
            let forward = (!taken).then(|| o.method_ident.clone());
            if !g.also.iter().any(|(j, _)| *j == i) {
                g.also.push((i, forward));
            }
        }
    }
    out
}

/// Every API group's name, in order of first appearance: the groups of the operations, then
/// those only documenting operations of earlier groups.
pub fn group_names(plan: &Plan<'_>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let own = plan.ops.iter().filter_map(|o| o.op.group.clone());
    let also: Vec<String> = plan.ops.iter().filter(|o| o.op.group.is_some()).flat_map(|o| also_documented_in(o.op)).collect();
    for g in own.chain(also) {
        if !names.contains(&g) {
            names.push(g);
        }
    }
    names
}

/// The other groups an operation's docs document it under: inference keeps an operation
/// written into several tags' docs once, in its first group, and records the others in the
/// evidence `also_documented_in` (`OrdersApi (docs/OrdersApi.md:12), …`).
pub fn also_documented_in(op: &Operation) -> Vec<String> {
    let Some(text) = op.inferred.get("also_documented_in") else { return Vec::new() };
    let list = text
        .strip_prefix("the same operation is also documented in ")
        .unwrap_or(text)
        .trim_end_matches("; kept once");
    list.split("), ")
        .filter_map(|part| part.split(" (").next())
        .map(|g| g.trim().to_string())
        .filter(|g| !g.is_empty())
        .collect()
}

/// The models each API group needs, through its operations' parameters and responses and
/// then the fields and variants of those models: model → the features of the groups that
/// use it; `None` for a model needed whatever the features (used by every group, by an
/// operation outside any group, or by no operation at all: a documented model stays).
pub fn model_features(api: &Api, groups: &[GroupPlan], plan: &Plan<'_>) -> BTreeMap<String, Option<BTreeSet<String>>> {
    let all: BTreeSet<String> = groups.iter().map(GroupPlan::feature).collect();
    let feature_of: BTreeMap<&str, String> = groups.iter().map(|g| (g.name.as_str(), g.feature())).collect();
    // What each model refers to.
    let mut refers: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for m in &api.models {
        let mut names = BTreeSet::new();
        for f in &m.fields {
            model_refs(&f.ty, &mut names);
        }
        names.extend(m.variants.iter().cloned());
        refers.insert(m.name.as_str(), names);
    }
    let mut users: BTreeMap<String, Option<BTreeSet<String>>> = BTreeMap::new();
    let add = |users: &mut BTreeMap<String, Option<BTreeSet<String>>>, model: &str, feature: Option<&String>| -> bool {
        let entry = users.entry(model.to_string()).or_insert_with(|| Some(BTreeSet::new()));
        match (entry.as_mut(), feature) {
            (None, _) => false,
            (Some(_), None) => {
                *entry = None;
                true
            }
            (Some(set), Some(f)) => set.insert(f.clone()),
        }
    };
    for o in &plan.ops {
        let mut names = BTreeSet::new();
        for p in &o.op.params {
            model_refs(&p.ty, &mut names);
        }
        if let Some(t) = &o.op.response {
            model_refs(t, &mut names);
        }
        let feature = o.op.group.as_deref().and_then(|g| feature_of.get(g));
        for n in names {
            add(&mut users, &n, feature);
        }
    }
    // Models no operation uses are always compiled.
    for name in api.model_names() {
        users.entry(name).or_insert(None);
    }
    // Through fields and variants, until nothing changes.
    loop {
        let mut changed = false;
        let snapshot: Vec<(String, Option<BTreeSet<String>>)> = users.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (model, features) in snapshot {
            let Some(targets) = refers.get(model.as_str()) else { continue };
            for t in targets {
                match &features {
                    None => changed |= add(&mut users, t, None),
                    Some(set) => {
                        for f in set {
                            changed |= add(&mut users, t, Some(f));
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Needed by every group: no condition.
    for v in users.values_mut() {
        if v.as_ref().is_some_and(|set| *set == all) {
            *v = None;
        }
    }
    users
}

fn model_refs(t: &TypeRef, out: &mut BTreeSet<String>) {
    match t {
        TypeRef::List(t) | TypeRef::Map(t) => model_refs(t, out),
        TypeRef::Model(m) => {
            out.insert(m.clone());
        }
        _ => {}
    }
}
