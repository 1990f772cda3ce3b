//! The weak and guessed facts of an API, listed where a reviewer sees them.

use crate::ir::{Api, Location};
use std::collections::BTreeMap;
use super::naming::Confidence;

/// The weak and guessed facts of an API, one line per kind, for the summary a reviewer
/// reads (`wire names: the doc's names kept without evidence (guess) for 14 query parameters`).
pub fn doubts(api: &Api) -> Vec<String> {
    // (what, confidence) → location → count
    let mut counts: BTreeMap<(&'static str, Confidence), BTreeMap<&'static str, usize>> = BTreeMap::new();
    for op in &api.operations {
        for p in &op.params {
            if matches!(p.location, Location::Path | Location::Body) || !p.overridden.is_empty() {
                continue;
            }
            let loc = p.location.as_str();
            if let Some(w) = p.inferred.get("wire_name") {
                let what = if w.contains("the API writes names") {
                    "wire names from the API's naming convention"
                } else if w.contains("JSON examples") {
                    "wire names from JSON example keys"
                } else if w.contains("header names are written") {
                    "header names in their conventional form"
                } else if w.contains("spells other query and form names") {
                    "wire names in the case the prose spells the other names in"
                } else if w.contains("spells query and form names both ways") {
                    "wire names: the prose spells names both ways, the doc's kept"
                } else {
                    "wire names: the doc's names kept without evidence"
                };
                if let Some(c @ (Confidence::Weak | Confidence::Guess)) = Confidence::of(w) {
                    *counts.entry((what, c)).or_default().entry(loc).or_default() += 1;
                }
            }
            if let Some(l) = p.inferred.get("location") {
                if let Some(c @ (Confidence::Weak | Confidence::Guess)) = Confidence::of(l) {
                    *counts.entry(("locations", c)).or_default().entry(loc).or_default() += 1;
                }
            }
            if let Some(r) = p.inferred.get("required") {
                if let Some(c @ (Confidence::Weak | Confidence::Guess)) = Confidence::of(r) {
                    *counts.entry(("requiredness as the doc states it", c)).or_default().entry(loc).or_default() += 1;
                }
            }
        }
    }
    for m in &api.models {
        for f in &m.fields {
            for (fact, what) in [
                ("wire_name", "model keys"),
                ("required", "model field requiredness"),
                ("nullable", "model field nullability"),
                ("type", "model field types"),
            ] {
                if f.overridden.iter().any(|o| o == fact) {
                    continue;
                }
                if let Some(c @ (Confidence::Weak | Confidence::Guess)) = f.inferred.get(fact).and_then(|e| Confidence::of(e)) {
                    *counts.entry((what, c)).or_default().entry("model field").or_default() += 1;
                }
            }
        }
    }
    let mut out = Vec::new();
    for ((what, c), locs) in counts {
        let list = locs
            .iter()
            .map(|(l, n)| {
                let noun = if *l == "model field" { "" } else { " parameter" };
                format!("{n} {l}{noun}{}", if *n == 1 { "" } else { "s" })
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut line = format!("{what} ({}): {list}", c.as_str());
        if what == "wire names from the API's naming convention" || what.starts_with("wire names: the doc") {
            if let Some(e) = api.inferred.get("naming_convention") {
                line.push_str(&format!(" — {e}"));
            }
        }
        out.push(line);
    }
    let (locations, wires, required, models) = super::sdk::counts(api);
    if locations + wires + required + models > 0 {
        out.push(format!(
            "from the SDK's sources (strong): {} fact(s): {locations} locations, {wires} wire names, {required} requiredness, {models} model field facts",
            locations + wires + required + models
        ));
    }
    out
}


/// One weak or guessed fact: its subject, which fact, the value stated, how sure, why.
struct Doubt<'a> {
    subject: &'a str,
    fact: &'static str,
    value: String,
    confidence: Confidence,
    evidence: &'a str,
}

/// The facts of `inferred` (`location`, `wire_name`, `required`, …) that rest on weak
/// evidence or none, with the values stated for them.
fn doubts_of<'a>(subject: &'a str, inferred: &'a crate::ir::Evidence, overridden: &[String], value: impl Fn(&str) -> Option<String>) -> Vec<Doubt<'a>> {
    let mut out = Vec::new();
    for (fact, evidence) in inferred {
        let Some(c @ (Confidence::Weak | Confidence::Guess)) = Confidence::of(evidence) else { continue };
        if overridden.iter().any(|o| o == fact) {
            continue;
        }
        let Some(v) = value(fact) else { continue };
        let fact: &'static str = match fact.as_str() {
            "location" => "location",
            "wire_name" => "wire name",
            "required" => "required",
            "nullable" => "nullable",
            "type" => "type",
            "in" => "in",
            "param_name" => "name",
            "kind" => "kind",
            _ => "other",
        };
        let evidence = evidence.split_once(": ").map_or(evidence.as_str(), |(_, e)| e);
        out.push(Doubt { subject, fact, value: v, confidence: c, evidence });
    }
    out
}

/// A YAML scalar for a provider.yaml line: plain where YAML reads it back as the same
/// string, quoted otherwise.
fn yaml_scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && !matches!(s.to_ascii_lowercase().as_str(), "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n");
    if plain { s.to_string() } else { format!("'{}'", s.replace('\'', "''")) }
}

/// A unit variant as `api.yaml` and `provider.yaml` spell it (`api_key`).
fn serde_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

fn table(out: &mut String, head: &str, doubts: &[Doubt]) {
    out.push_str(&format!("| {head} | fact | stated | confidence | evidence |\n|---|---|---|---|---|\n"));
    for d in doubts {
        out.push_str(&format!(
            "| `{}` | {} | `{}` | {} | {} |\n",
            d.subject,
            d.fact,
            d.value,
            d.confidence.as_str(),
            d.evidence.replace('|', "\\|").replace('\n', " ")
        ));
    }
}

/// The doubts report (`generator doubts`): every weak or guessed fact of `api` with its
/// evidence and the `provider.yaml` lines that settle it, as markdown a reviewer works
/// through in a pull request. Overridden facts are settled and not listed.
pub fn report(api: &Api) -> String {
    // A docs directory of several API groups is named by them all, not by its first.
    let groups: std::collections::BTreeSet<&str> = api.operations.iter().filter_map(|o| o.group.as_deref()).collect();
    let title = match groups.len() {
        0 | 1 => api.title.clone(),
        n => format!("{n} API groups ({})", groups.iter().copied().collect::<Vec<_>>().join(", ")),
    };
    let mut out = format!("# Doubts: {title} (`{}`)\n\n", api.provider);
    let mut body = String::new();
    let (mut weak, mut guess) = (0usize, 0usize);
    let mut count = |ds: &[Doubt]| {
        for d in ds {
            if d.confidence == Confidence::Weak { weak += 1 } else { guess += 1 }
        }
    };
    // Operations, in the doc's order.
    let (mut ops_md, mut ops_yaml) = (String::new(), String::new());
    for op in &api.operations {
        let mut ds = Vec::new();
        let mut yaml = String::new();
        for p in &op.params {
            let pds = doubts_of(&p.name, &p.inferred, &p.overridden, |fact| match fact {
                "location" => Some(p.location.as_str().to_string()),
                "wire_name" => Some(p.wire_name.clone()),
                "required" => Some(p.required.to_string()),
                _ => None,
            });
            if pds.is_empty() {
                continue;
            }
            let mut keys = vec![format!("location: {}", p.location.as_str()), format!("wire_name: {}", yaml_scalar(&p.wire_name))];
            if pds.iter().any(|d| d.fact == "required") {
                keys.push(format!("required: {}", p.required));
            }
            yaml.push_str(&format!("      {}: {{{}}}\n", yaml_scalar(&p.name), keys.join(", ")));
            ds.extend(pds);
        }
        if ds.is_empty() {
            continue;
        }
        count(&ds);
        let at = if op.file.is_empty() { String::new() } else { format!(" (`{}:{}`)", op.file, op.line) };
        ops_md.push_str(&format!("### `{}`: `{} {}`{at}\n\n", op.name, op.method, op.path));
        table(&mut ops_md, "parameter", &ds);
        ops_md.push('\n');
        ops_yaml.push_str(&format!("  {}:\n    params:\n{yaml}", yaml_scalar(&op.name)));
    }
    // Models.
    let (mut models_md, mut models_yaml) = (String::new(), String::new());
    for m in &api.models {
        let mut ds = Vec::new();
        let mut yaml = String::new();
        for f in &m.fields {
            let fds = doubts_of(&f.name, &f.inferred, &f.overridden, |fact| match fact {
                "wire_name" => Some(f.wire_name.clone()),
                "required" => Some(f.required.to_string()),
                "nullable" => Some(f.nullable.to_string()),
                "type" => Some(f.ty.to_string()),
                _ => None,
            });
            if fds.is_empty() {
                continue;
            }
            let mut keys = vec![format!("wire_name: {}", yaml_scalar(&f.wire_name))];
            for (fact, v) in [("required", f.required), ("nullable", f.nullable)] {
                if fds.iter().any(|d| d.fact == fact) {
                    keys.push(format!("{fact}: {v}"));
                }
            }
            yaml.push_str(&format!("      {}: {{{}}}\n", yaml_scalar(&f.name), keys.join(", ")));
            ds.extend(fds);
        }
        if ds.is_empty() {
            continue;
        }
        count(&ds);
        let at = if m.file.is_empty() { String::new() } else { format!(" (`{}:{}`)", m.file, m.line) };
        models_md.push_str(&format!("### `{}`{at}\n\n", m.name));
        table(&mut models_md, "field", &ds);
        models_md.push('\n');
        models_yaml.push_str(&format!("  {}:\n    fields:\n{yaml}", yaml_scalar(&m.name)));
    }
    // Auth schemes.
    let (mut schemes_md, mut schemes_yaml) = (String::new(), String::new());
    let mut scheme_doubts = Vec::new();
    for s in &api.auth_schemes {
        let ds = doubts_of(&s.name, &s.inferred, &s.overridden, |fact| match fact {
            "kind" => Some(serde_name(&s.kind)),
            "in" => s.location.map(|l| serde_name(&l)),
            "param_name" => s.param_name.clone(),
            _ => None,
        });
        if ds.is_empty() {
            continue;
        }
        count(&ds);
        scheme_doubts.extend(ds);
        let mut keys = vec![format!("kind: {}", serde_name(&s.kind))];
        if let Some(l) = s.location {
            keys.push(format!("in: {}", serde_name(&l)));
        }
        if let Some(n) = &s.param_name {
            keys.push(format!("param_name: {}", yaml_scalar(n)));
        }
        schemes_yaml.push_str(&format!("  {}: {{{}}}\n", yaml_scalar(&s.name), keys.join(", ")));
    }
    if !scheme_doubts.is_empty() {
        table(&mut schemes_md, "scheme", &scheme_doubts);
        schemes_md.push('\n');
    }
    if weak + guess == 0 {
        out.push_str("Every fact is stated by the docs, proved by them, or overridden: nothing to check.\n");
        return out;
    }
    out.push_str(&format!(
        "{weak} fact(s) rest on weak evidence and {guess} are guesses. Check each against the API's reference or its traffic, \
         then paste the lines at the end (corrected where a fact is wrong) into the provider's `provider.yaml`: \
         an overridden fact is settled and leaves this list.\n\n"
    ));
    let summary = doubts(api);
    if !summary.is_empty() {
        out.push_str("## Summary\n\n");
        for line in summary {
            out.push_str(&format!("- {line}\n"));
        }
        out.push('\n');
    }
    for (title, md) in [("Operations", ops_md), ("Models", models_md), ("Auth schemes", schemes_md)] {
        if !md.is_empty() {
            body.push_str(&format!("## {title}\n\n{md}"));
        }
    }
    out.push_str(&body);
    out.push_str("## provider.yaml\n\nEvery fact above as it stands, in one piece: correct what is wrong, then paste.\n\n```yaml\n");
    for (key, yaml) in [("operations", ops_yaml), ("models", models_yaml), ("auth_schemes", schemes_yaml)] {
        if !yaml.is_empty() {
            out.push_str(&format!("{key}:\n{yaml}"));
        }
    }
    out.push_str("```\n");
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
