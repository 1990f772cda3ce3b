//! An API doc's preamble (title, package, base URL) and its method table: one row per
//! operation (name, HTTP method, path, summary).

use super::DocApi;
use crate::diag::Diagnostics;
use crate::prose::decode_entities;
use crate::read::{Block, BlockKind};

pub(crate) const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];

/// `api.example.com/v1`, `localhost:8080`: a host, with or without a path, but no scheme.
pub(crate) fn looks_like_host(url: &str) -> bool {
    let host = url.split('/').next().unwrap_or("");
    !host.is_empty()
        && !url.contains(char::is_whitespace)
        && !url.contains("://")
        && (host.contains('.') || host.starts_with("localhost"))
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

/// `pkg.sub.UsersApi` → (`UsersApi`, `pkg.sub`).
/// `package.UsersApi` (Python, Java), `Package::UsersApi` (Ruby, Perl), `Vendor\UsersApi`
/// (PHP), `\UsersAPI` (Go, Rust), `UsersAPI` (Swift): the class and its package.
pub(crate) fn split_title(text: &str) -> Option<(String, Option<String>)> {
    let t = text.trim();
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let written = t.trim_start_matches('\\');
    let t = written.replace("::", ".").replace('\\', ".");
    // A package may be an npm name (`nomad-client.NodesApi`, `@scope/sdk.UsersApi`); the
    // class is an identifier.
    let part = |p: &str, package: bool| {
        !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_' || (package && matches!(c, '-' | '@' | '/')))
    };
    let (packages, class) = t.rsplit_once('.').map_or(("", t.as_str()), |(p, c)| (p, c));
    if !part(class, false) || (!packages.is_empty() && !packages.split('.').all(|p| part(p, true))) {
        return None;
    }
    match t.rsplit_once('.') {
        // A class name is CamelCase: `UsersApi.md` (a saved page's file name) is no title.
        Some((_, class)) if !class.starts_with(|c: char| c.is_ascii_uppercase()) => None,
        // The package as written (`OpenAPI\\Client`, `WWW::OpenAPIClient`).
        Some((_, class)) => {
            let package = written[..written.len() - class.len()].trim_end_matches([':', '.', '\\']);
            Some((class.to_string(), Some(package.to_string())))
        }
        None if t.ends_with("Api") || t.ends_with("API") => Some((t.to_string(), None)),
        None => None,
    }
}

/// The title (`package.UsersApi`) and the base URL, before the method table.
pub(crate) fn read_preamble(blocks: &[Block], api: &mut DocApi, file: &str, diags: &mut Diagnostics) {
    for b in blocks {
        let text = match &b.kind {
            BlockKind::Heading { text, .. } | BlockKind::Para { text, .. } => text,
            _ => continue,
        };
        if api.title.is_empty() {
            if let Some((title, package)) = split_title(text) {
                api.title = title;
                api.package = package;
                continue;
            }
        }
        if let Some(rest) = text.trim().strip_prefix("All URIs are relative to") {
            let url = rest.trim().trim_matches(|c: char| c == '*' || c == '.' || c.is_whitespace());
            // `https://x/v1, except if the operation defines another base path.` (PHP)
            let url = match url.split_once(", ") {
                Some((u, _)) if !u.contains(char::is_whitespace) => u.trim_matches('*'),
                _ => url,
            };
            api.base_url_line = b.line;
            if url.starts_with("http://") || url.starts_with("https://") || url.starts_with('/') {
                api.base_url = Some(url.to_string());
            } else if looks_like_host(url) {
                let fixed = format!("https://{url}");
                diags.repaired(
                    file,
                    b.line,
                    format!("base URL `{url}` has no scheme; `{fixed}` assumed"),
                );
                api.base_url_note = Some(format!("`{url}` in the doc has no scheme: https assumed"));
                api.base_url = Some(fixed);
            } else {
                diags.warning(
                    file,
                    b.line,
                    format!(
                        "expected a base URL after `All URIs are relative to`, found `{url}`; the client \
                         will require `Client::builder().base_url(..)`"
                    ),
                );
            }
        }
    }
    if api.title.is_empty() {
        // swagger-codegen's Go template writes its placeholder `# {{classname}}` as the title:
        // the doc's file name (`ItemsApi.md`) is the class then, with nothing to warn about.
        let template_title = blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Heading { text, .. } => Some(text.trim()),
            _ => None,
        });
        let stem = std::path::Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        match template_title {
            Some(t) if t.starts_with("{{") && t.ends_with("}}") && split_title(stem).is_some() => api.title = stem.to_string(),
            _ => diags.warning(file, 1, "expected a title such as `package.UsersApi` before the method table"),
        }
    }

}

/// An operation's name as a heading or method-table cell writes it: `**name**`,
/// `` `name()` `` (PHP), `name`.
pub(crate) fn op_name(text: &str) -> String {
    let t = text.trim().trim_matches(|c| c == '*' || c == '`').trim();
    t.strip_suffix("()").unwrap_or(t).to_string()
}

pub(crate) struct TableOp {
    pub(crate) name: String,
    pub(crate) method: String,
    pub(crate) path: String,
    pub(crate) summary: String,
    pub(crate) line: usize,
    /// How the path was repaired, when it was.
    pub(crate) path_note: Option<String>,
}

pub(crate) fn read_method_table(block: &Block, file: &str, diags: &mut Diagnostics) -> Vec<TableOp> {
    let BlockKind::Table { rows } = &block.kind else {
        return Vec::new();
    };
    let mut ops = Vec::new();
    for row in rows.iter().skip(1) {
        let (name, request, summary) = if row.split {
            let name = row.cells.first().map(|c| op_name(&c.text)).unwrap_or_default();
            let mut request = row.cells.get(1).map(|c| c.text.clone()).unwrap_or_default();
            // A placeholder holding `|` (`/project/{id|slug}`) splits the cell: rejoined.
            let mut next = 2;
            let closes_later = row.cells.iter().skip(2).any(|c| c.text.contains('}'));
            while closes_later && request.matches('{').count() > request.matches('}').count() && next < row.cells.len() {
                request.push('|');
                request.push_str(row.cells[next].text.trim());
                next += 1;
            }
            let summary = row
                .cells
                .get(next..)
                .map(|c| c.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" | "))
                .unwrap_or_default();
            (name, request, summary)
        } else {
            let line = &row.cells[0].text;
            let mut words = line.split_whitespace();
            let name = words.next().unwrap_or("").to_string();
            let method = words.next().unwrap_or("");
            let path = words.next().unwrap_or("");
            let summary = words.collect::<Vec<_>>().join(" ");
            (name, format!("{method} {path}"), summary)
        };
        let mut parts = request.split_whitespace();
        let method = parts.next().unwrap_or("").to_ascii_uppercase();
        let mut path = parts.next().unwrap_or("").to_string();
        // `**POST** v1/hooks`: a path written without its leading `/` (a server URL ending in
        // `/api/`), repaired.
        let bare_segment = path.chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '{') && !path.contains("://");
        let mut path_note = None;
        if !name.is_empty() && METHODS.contains(&method.as_str()) && bare_segment {
            path_note = Some(format!("`{path}` in the method table has no leading `/`: `/{path}` assumed"));
            path.insert(0, '/');
        }
        if name.is_empty() || !METHODS.contains(&method.as_str()) || !path.starts_with('/') {
            diags.tally.table_ops += 1;
            diags.tally.skipped += 1;
            diags.warning(
                file,
                row.line,
                format!(
                    "expected a method table row `[**name**](#name) | **METHOD** /path | summary`, found `{}`; row skipped",
                    row.cells.iter().map(|c| c.raw.as_str()).collect::<Vec<_>>().join(" | ")
                ),
            );
            continue;
        }
        if parts.next().is_some() {
            diags.warning(file, row.line, format!("extra words after the path of `{name}` ignored"));
        }
        ops.push(TableOp {
            name,
            method,
            path,
            summary: decode_entities(summary.trim()),
            line: row.line,
            path_note,
        });
    }
    ops
}

/// A path written without its leading `/` is relative to the base URL's directory (RFC 3986):
/// with base `…/api/v1`, `v1/hooks` is `…/api/v1/hooks`. Where its first segment repeats the
/// base URL's last one, that segment goes; otherwise the path is taken from the base URL as
/// it is (both with the note saying so).
pub(crate) fn resolve_relative_paths(ops: &mut [TableOp], base_url: Option<&str>, file: &str, diags: &mut Diagnostics) {
    let last = base_url.and_then(|b| b.trim_end_matches('/').rsplit('/').next()).filter(|l| !l.is_empty() && !l.contains(':'));
    for op in ops.iter_mut().filter(|o| o.path_note.is_some()) {
        let written = op.path[1..].to_string();
        if let (Some(last), Some((first, rest))) = (last, written.split_once('/')) {
            if first == last && base_url.is_some_and(|b| !b.ends_with('/')) {
                op.path_note = Some(format!(
                    "`{written}` in the method table has no leading `/`: relative to the base URL's directory, `{last}/` is the base URL's own last segment, so the path is `/{rest}`"
                ));
                op.path = format!("/{rest}");
            }
        }
        diags.repaired(
            file,
            op.line,
            format!("operation `{}`: path `{written}` has no leading `/`; `{}` assumed", op.name, op.path),
        );
    }
}
