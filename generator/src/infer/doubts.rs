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
    let mut out = Vec::new();
    for ((what, c), locs) in counts {
        let list = locs
            .iter()
            .map(|(l, n)| format!("{n} {l} parameter{}", if *n == 1 { "" } else { "s" }))
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

