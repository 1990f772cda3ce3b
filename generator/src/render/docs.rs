//! Doc prose → rustdoc that renders as intended and raises no rustdoc lint: code blocks are
//! never doctests, stray `<tag>`s and `[brackets]` are escaped, bare URLs become autolinks.

use proc_macro2::TokenStream;
use quote::quote;

/// Cleans markdown prose for rustdoc.
pub fn sanitize(md: &str) -> String {
    let mut out = Vec::new();
    let mut fence: Option<String> = None;
    for line in md.lines() {
        let trimmed = line.trim_start();
        if let Some(marker) = &fence {
            if trimmed.starts_with(marker.as_str()) {
                out.push(marker.clone());
                fence = None;
            } else {
                out.push(line.to_string());
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String = trimmed.chars().take_while(|c| *c == '`' || *c == '~').collect();
            // Whatever the language, prose code is never compiled as a doctest.
            out.push(format!("{marker}text"));
            fence = Some(marker);
            continue;
        }
        // Four spaces would start an indented code block, which rustdoc would compile.
        let indent = line.len() - trimmed.len();
        let indent = " ".repeat(indent.min(3));
        out.push(format!("{indent}{}", escape_inline(trimmed)));
    }
    if let Some(marker) = fence {
        out.push(marker);
    }
    out.join("\n").trim().to_string()
}

/// Escapes one line outside code spans.
fn escape_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    let mut in_code = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            in_code = !in_code;
            out.push(c);
            i += 1;
            continue;
        }
        if in_code {
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '<' => {
                // Keep autolinks `<https://...>`; escape anything else tag-like.
                let rest: String = chars[i + 1..].iter().collect();
                if rest.starts_with("http://") || rest.starts_with("https://") {
                    if let Some(end) = rest.find('>') {
                        out.push('<');
                        out.push_str(&rest[..=end]);
                        i += 1 + rest[..=end].chars().count();
                        continue;
                    }
                }
                out.push_str("&lt;");
            }
            '>' if out.trim().is_empty() => out.push_str("&gt;"),
            '[' => {
                // A markdown link `[text](target)` stays; other brackets would be read as
                // intra-doc links.
                let rest: String = chars[i..].iter().collect();
                if is_link(&rest) {
                    out.push('[');
                } else {
                    out.push_str("\\[");
                }
            }
            ']' => {
                let next = chars.get(i + 1);
                if next == Some(&'(') {
                    out.push(']');
                } else {
                    out.push_str("\\]");
                }
            }
            'h' if starts_url(&chars[i..]) && !prev_is_link_target(&out) => {
                let url: String = chars[i..]
                    .iter()
                    .take_while(|c| !c.is_whitespace() && **c != ')' && **c != '"' && **c != '\'' && **c != '<' && **c != '>')
                    .collect();
                let url = url.trim_end_matches(['.', ',', ';', ':']).to_string();
                let n = url.chars().count();
                out.push('<');
                out.push_str(&url);
                out.push('>');
                i += n;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

fn starts_url(chars: &[char]) -> bool {
    let s: String = chars.iter().take(8).collect();
    s.starts_with("http://") || s.starts_with("https://")
}

fn prev_is_link_target(out: &str) -> bool {
    out.ends_with("](") || out.ends_with('<')
}

fn is_link(s: &str) -> bool {
    // `[text](...)` with balanced text on one line.
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return s[i + 1..].starts_with('(') && s[i + 1..].contains(')');
                }
            }
            _ => {}
        }
    }
    false
}

/// `#[doc = " line"]` attributes for sanitized markdown (empty lines kept as paragraph breaks).
pub fn doc_attrs(md: &str) -> TokenStream {
    let clean = sanitize(md);
    let lines = clean.lines().map(|l| {
        let l = if l.is_empty() { String::new() } else { format!(" {l}") };
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// `#[doc = " line"]` attributes for text that is already rustdoc (generator-written, with
/// prose parts passed through [`sanitize`]).
pub fn raw_doc_attrs(text: &str) -> TokenStream {
    let lines = text.trim().lines().map(|l| {
        let l = if l.is_empty() { String::new() } else { format!(" {l}") };
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// Inner `#![doc = ...]` attributes for a module or crate.
pub fn inner_doc_attrs(md: &str) -> TokenStream {
    // Crate docs are written by the generator itself (they hold the quick start), so they are
    // not sanitized: their code blocks are meant to compile.
    let lines = md.lines().map(|l| {
        let l = if l.is_empty() { String::new() } else { format!(" {l}") };
        quote!(#![doc = #l])
    });
    quote!(#(#lines)*)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rustdoc_safe_prose() {
        let cases = [
            ("plain text", "plain text"),
            ("values <val> and <ne:val>", "values &lt;val> and &lt;ne:val>"),
            ("see [optional] here", "see \\[optional\\] here"),
            ("a [link](https://x.org) stays", "a [link](https://x.org) stays"),
            ("go to https://x.org/a.", "go to <https://x.org/a>."),
            ("already <https://x.org>", "already <https://x.org>"),
            ("`<code>` and `[x]` kept", "`<code>` and `[x]` kept"),
            ("```csv\na,b\n```", "```text\na,b\n```"),
            ("```\nfn main() {}\n```", "```text\nfn main() {}\n```"),
            ("        indented code", "indented code"),
            ("- item\n    - nested", "- item\n   - nested"),
            ("```\nunterminated", "```text\nunterminated\n```"),
        ];
        for (input, want) in cases {
            assert_eq!(sanitize(input), want, "{input}");
        }
    }
}
