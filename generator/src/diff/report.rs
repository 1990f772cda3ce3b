//! The markdown report of an API diff and the one-line summaries `regenerate` prints.

use super::*;

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
