//! Test support shared by the integration tests.

#![allow(dead_code)]

use generator::ir::Api;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A fixture's docs read alone, as the docs-alone figures are measured: the language
/// fixtures keep their SDK's sources beside the docs, which `load_input` would read.
pub fn load_docs_alone(path: &Path) -> Result<generator::Loaded<Api>, generator::diag::Failed> {
    generator::load_input_with(path, &generator::SdkChoice::Off)
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

/// Renders a markdown doc the way GitHub's rendered page reads when saved as plain text:
/// headings lose their `#`, emphasis and code marks go, links become their text, table
/// rows become their cells separated by spaces (the delimiter row disappears), code
/// fences go (the code stays), list bullets become `  • `, block quotes lose `>`, and HTML
/// tags disappear with their entities decoded.
pub fn markdown_to_text(md: &str) -> String {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = String::new();
    let mut in_code = false;
    let mut in_table = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if t.is_empty() {
            in_table = false;
            out.push('\n');
            continue;
        }
        if is_delimiter_row(t) {
            continue;
        }
        if !in_table && t.contains('|') && lines.get(i + 1).is_some_and(|n| is_delimiter_row(n.trim())) {
            in_table = true;
        }
        // A heading is a block of its own on the page, even where the markdown glues the
        // next line to it (`# **op**` then `> signature`).
        let heading = !in_table && t.starts_with('#');
        if heading && !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        let text = if in_table {
            split_cells(t).iter().map(|c| inline(c)).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ")
        } else if let Some(rest) = t.strip_prefix('#') {
            inline(rest.trim_start_matches('#'))
        } else if let Some(rest) = t.strip_prefix("> ").or_else(|| t.strip_prefix('>')) {
            inline(rest)
        } else if let Some(rest) = ["- ", "* ", "+ "].iter().find_map(|b| t.strip_prefix(b)) {
            format!("  • {}", inline(rest))
        } else {
            inline(t)
        };
        out.push_str(&text);
        out.push('\n');
        if heading && lines.get(i + 1).is_some_and(|n| !n.trim().is_empty()) {
            out.push('\n');
        }
    }
    out
}

fn is_delimiter_row(t: &str) -> bool {
    t.contains('-') && t.contains('|') && t.chars().all(|c| matches!(c, '-' | '|' | ':' | ' '))
}

fn split_cells(row: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    cells.push(cur);
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// Inline markdown to its rendered text.
fn inline(s: &str) -> String {
    // Links (also nested in emphasis, `[**X**](X.md)`, and `[[Back to top]](#)`): keep the text.
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let Some((text_end, url_end)) = link_at(&rest[open..]) else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..open + text_end]);
        rest = &rest[open + url_end..];
    }
    out.push_str(rest);
    // HTML tags go; a paragraph break inside a cell or line becomes a space.
    let mut text = String::new();
    let mut in_tag = false;
    for c in out.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if in_tag => {}
            _ => text.push(c),
        }
    }
    let text = text.replace("**", "").replace('`', "");
    let text = strip_single_emphasis(&text);
    generator::prose::decode_entities(text.split_whitespace().collect::<Vec<_>>().join(" ").as_str())
}

/// `[text](url)` at the start of `s`: (end of text, end of link), brackets balanced.
fn link_at(s: &str) -> Option<(usize, usize)> {
    let mut depth = 0;
    let mut text_end = None;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    text_end = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let text_end = text_end?;
    let after = &s[text_end + 1..];
    if !after.starts_with('(') {
        return None;
    }
    let close = after.find(')')?;
    Some((text_end, text_end + 1 + close + 1))
}

/// `*word*` emphasis (not `a * b`): the asterisks go.
fn strip_single_emphasis(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '*' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let opens = after.is_some_and(|a| !a.is_whitespace()) && before.is_none_or(|b| !b.is_alphanumeric());
            let closes = before.is_some_and(|b| !b.is_whitespace()) && after.is_none_or(|a| !a.is_alphanumeric());
            if opens || closes {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The facts of an API that do not depend on the doc's form: everything but the source
/// form, prose (descriptions and summaries lose their markup in plain text), and lines.
pub fn form_independent(api: &Api) -> Api {
    let mut a = api.clone();
    a.source = None;
    for op in &mut a.operations {
        op.description.clear();
        for p in &mut op.params {
            p.description.clear();
        }
        for r in &mut op.responses {
            r.description.clear();
        }
    }
    // Where it was read: the file names differ between the two forms.
    a.forget_origins();
    a
}

/// A difference from a spec that some doc flavours cannot avoid (the docs do not carry the
/// fact), with the reason.
pub struct Known {
    pub flavours: &'static [&'static str],
    /// What differs: an operation, `operation.parameter`, `scheme:name`, `schema:Name`, …
    pub subject: &'static str,
    pub fact: &'static str,
    pub reason: &'static str,
}

/// Checks `(flavour, subject, fact, what)` differences from `source` against the known
/// ones: every difference must be known for its flavour, and every known entry must occur
/// in every flavour it names (one that does not is stale, or a parser bug).
pub fn check_known(differences: Vec<(&str, String, String, String)>, known: &[Known], source: &str) {
    let mut unexpected = Vec::new();
    // Which flavours each known difference actually occurred in.
    let mut seen: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); known.len()];
    for (flavour, subject, fact, what) in &differences {
        match known.iter().position(|k| k.flavours.contains(flavour) && k.subject == subject && k.fact == fact) {
            Some(i) => {
                seen[i].insert(flavour);
            }
            None => unexpected.push(format!("{flavour}: {subject} {fact}: {what}")),
        }
    }
    let stale: Vec<String> = known
        .iter()
        .zip(&seen)
        .filter(|(k, seen)| k.flavours.len() != seen.len())
        .map(|(k, seen)| {
            let missing: Vec<&&str> = k.flavours.iter().filter(|f| !seen.contains(**f)).collect();
            format!("{} {} for {missing:?} ({})", k.subject, k.fact, k.reason)
        })
        .collect();
    assert!(
        unexpected.is_empty() && stale.is_empty(),
        "differences from {source}:\n  {}\nknown differences that do not occur (remove them):\n  {}",
        unexpected.join("\n  "),
        stale.join("\n  ")
    );
}

/// Checks the crates `members` of a workspace written at `work` with cargo, as CI does:
/// clippy with `-D warnings` where it is installed (else `cargo check`), offline against the
/// repository's lock file, in the target directory the compile tests share. Returns whether
/// it passed and cargo's stderr; a warning on a line starting with `prefix` (the members'
/// own code) counts as a failure.
pub fn check_workspace(work: &Path, members: &[String], prefix: &str) -> (bool, String) {
    let root = root();
    let list: String = members.iter().map(|m| format!("    \"{m}\",\n")).collect();
    std::fs::write(work.join("Cargo.toml"), format!("[workspace]\nresolver = \"2\"\nmembers = [\n{list}]\n")).unwrap();
    std::fs::copy(root.join("Cargo.lock"), work.join("Cargo.lock")).expect("copy Cargo.lock");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let has_clippy = std::process::Command::new(&cargo).args(["clippy", "--version"]).output().is_ok_and(|o| o.status.success());
    let mut cmd = std::process::Command::new(&cargo);
    cmd.current_dir(work).env("CARGO_TARGET_DIR", root.join("target/diff-compat-target"));
    if has_clippy {
        cmd.args(["clippy", "--offline", "--workspace", "--message-format=short", "--", "-D", "warnings"]);
    } else {
        cmd.args(["check", "--offline", "--workspace", "--message-format=short"]);
    }
    let out = cmd.output().expect("run cargo");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let own_warnings = stderr.lines().any(|l| l.starts_with(prefix) && l.contains("warning"));
    (out.status.success() && !own_warnings, stderr)
}
