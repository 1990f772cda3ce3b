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

/// What the SDK-behaviour sections of a crate's docs show, with calls of its own operations.
pub(crate) struct SdkExamples<'a> {
    /// `umaaas_client`
    pub krate: &'a str,
    /// A call of a simple operation, `client.list_users()`, and whether it takes `.idempotency_key`.
    pub call: Option<(String, bool)>,
    /// A call of a paged operation, and whether it has `.items()`.
    pub paged: Option<(String, bool)>,
    /// A call of an operation answering with streamed items.
    pub streamed: Option<String>,
}

/// The sections on deadlines, per-request options, User-Agent, hooks, tracing, streaming and
/// pagination, in markdown with `#` headings of `level`; code blocks open with `fence`
/// (`no_run` in rustdoc, `rust,no_run` in a README) and compile against the crate.
pub(crate) fn sdk_sections(ex: &SdkExamples<'_>, level: usize, fence: &str) -> String {
    let h = "#".repeat(level);
    let k = ex.krate;
    let open = format!("```{fence}\n# use std::time::Duration;\n# async fn run() -> Result<(), {k}::Error> {{\n");
    let close = "# Ok(())\n# }\n```\n\n";
    let client = format!("# let client = {k}::Client::new()?;\n");
    let mut d = String::new();
    d.push_str(&format!("{h} Timeouts and retries\n\n"));
    d.push_str(
        "`timeout` is the total time a call may take: every attempt, and the waits between retries. \
         `attempt_timeout` bounds each attempt, so that a stalled attempt leaves time for a retry. \
         [`Error::Timeout`] says which ran out ([`TimeoutKind`]). GET, PUT, DELETE and requests with an \
         idempotency key are retried after timeouts and 502/503/504; any request after a failed connect or a 429.\n\n",
    );
    d.push_str(&open);
    d.push_str(&format!(
        "let client = {k}::Client::builder()\n    .timeout(Duration::from_secs(10))\n    .attempt_timeout(Duration::from_secs(3))\n    .retry_policy({k}::RetryPolicy::default().max_retries(3))\n    .build()?;\n"
    ));
    if let Some((call, _)) = &ex.call {
        d.push_str(&format!(
            "match {call}.await {{\n    Err({k}::Error::Timeout {{ kind: {k}::TimeoutKind::Total, .. }}) => println!(\"out of time\"),\n    other => println!(\"{{other:?}}\"),\n}}\n"
        ));
    }
    d.push_str(close);
    if let Some((call, idempotency)) = &ex.call {
        d.push_str(&format!("{h} Per-request options\n\n"));
        d.push_str(
            "Every request builder takes `.timeout(..)` (this call's total deadline), `.header(name, value)` \
             (checked: CR, LF and other control characters make the call fail with [`Error::InvalidArgument`] \
             before anything is sent) and `.retry_policy(..)`; where the docs have no idempotency-key parameter, \
             `.idempotency_key(..)` sends `Idempotency-Key`, which makes the request safe to retry like an \
             idempotent one (POST included).\n\n",
        );
        d.push_str(&open);
        d.push_str(&client);
        d.push_str(&format!(
            "let response = {call}\n    .timeout(Duration::from_secs(2))\n    .header(\"X-Request-Id\", \"req-42\")\n    .retry_policy({k}::RetryPolicy::none())\n"
        ));
        if *idempotency {
            d.push_str("    .idempotency_key(\"7f6c1d9e\")\n");
        }
        d.push_str("    .await?;\nprintln!(\"{}\", response.status());\n");
        d.push_str(close);
    }
    d.push_str(&format!("{h} User-Agent\n\n"));
    d.push_str(&format!(
        "Requests send `User-Agent: {}/<version> (generated)` unless `ClientBuilder::user_agent` sets another.\n\n",
        k.replace('_', "-")
    ));
    d.push_str(&format!("{h} Hooks\n\n"));
    d.push_str(
        "A [`Hook`] runs around every attempt: `on_request` sees the finished request (credentials included) \
         and may change it, e.g. sign it; `on_response` and `on_error` observe the outcome. [`RequestInfo`] \
         names the operation, method, documented path template and attempt number.\n\n",
    );
    d.push_str(&open);
    d.push_str(&format!(
        "struct Sign;\n\nimpl {k}::Hook for Sign {{\n    fn on_request(&self, _info: &{k}::RequestInfo<'_>, request: &mut {k}::reqwest::Request) -> Result<(), {k}::Error> {{\n        // Your HMAC over what the server checks.\n        let signature = format!(\"{{}} {{}}\", request.method(), request.url().path());\n        let value = signature.parse().map_err(|_| {k}::Error::InvalidArgument(\"signature\".into()))?;\n        request.headers_mut().insert(\"x-signature\", value);\n        Ok(())\n    }}\n}}\n\nlet client = {k}::Client::builder().hook(Sign).build()?;\n# let _ = client;\n"
    ));
    d.push_str(close);
    d.push_str(&format!("{h} Tracing\n\n"));
    d.push_str(&format!(
        "With the `tracing` feature (off by default; nothing is compiled in without it), each call is one \
         `http_request` span at INFO level with `operation`, `method`, `path` (the documented template, never \
         the filled-in path, query values, headers or bodies), and when it ends `status`, `attempts`, \
         `duration_ms` and, on failure, `error` (its kind). In `Cargo.toml`: \
         `{} = {{ version = \"0.1\", features = [\"tracing\"] }}`.\n\n",
        k.replace('_', "-")
    ));
    d.push_str(&format!("{h} Streaming\n\n"));
    d.push_str(
        "`send_stream()` on any request builder returns the 2xx body as a [`ByteStream`] of chunks as they \
         arrive (other statuses are [`Error::Status`]); the deadline covers the wait for the response head. \
         Operations documented as answering `application/x-ndjson`, `application/jsonl` or `text/event-stream` \
         also have `send_items()`, an [`ItemStream`] of typed items decoded one at a time (`send()` collects them).\n\n",
    );
    if let Some((call, _)) = &ex.call {
        d.push_str(&open);
        d.push_str(&client);
        d.push_str(&format!(
            "use {k}::StreamExt;\nlet mut body = {call}.send_stream().await?;\nwhile let Some(chunk) = body.next().await {{\n    println!(\"{{}} bytes\", chunk?.len());\n}}\n"
        ));
        if let Some(streamed) = &ex.streamed {
            d.push_str(&format!(
                "let mut items = {streamed}.send_items().await?;\nwhile let Some(item) = items.next().await {{\n    println!(\"{{:?}}\", item?);\n}}\n"
            ));
        }
        d.push_str(close);
    }
    if let Some((call, items)) = &ex.paged {
        d.push_str(&format!("{h} Pagination\n\n"));
        d.push_str(
            "Operations whose docs show a paging pattern (a cursor, offset or page parameter, and a response \
             field with the next cursor or a total) have `.pages()`, a stream of [`Pages`], and, when the page \
             has an item list, `.items()`, a stream of [`Items`] across pages. Each page is fetched when the \
             stream is polled.\n\n",
        );
        d.push_str(&open);
        d.push_str(&client);
        d.push_str(&format!(
            "use {k}::StreamExt;\nlet mut pages = {call}.pages();\nwhile let Some(page) = pages.next().await {{\n    println!(\"{{:?}}\", page?.body());\n}}\n"
        ));
        if *items {
            d.push_str(&format!(
                "let mut items = {call}.items();\nwhile let Some(item) = items.next().await {{\n    println!(\"{{:?}}\", item?);\n}}\n"
            ));
        }
        d.push_str(close);
    }
    d
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
