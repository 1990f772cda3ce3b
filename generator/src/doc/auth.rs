//! Security scheme facts in the docs of every client language: what the example code's
//! configuration lines, Kotlin's Authorization sections and the client README's
//! authorization section say about each scheme's kind, and for API keys where the key
//! travels and under which name. The per-language spellings are one table, [`PATTERNS`];
//! [`crate::infer::schemes::resolve`] weighs the README against the example code and the scheme's name.
//!
//! Older templates write `HTTP basic` for every HTTP scheme (bearer too: Java, Kotlin,
//! Swift, Perl and C# of openapi-generator 6.x), and one `access token` setter serves bearer
//! tokens and OAuth2 alike: such a clue allows several kinds, and is settled by a clue that
//! allows fewer. Where nothing settles the kind, a guess is made, recorded and warned about.

use super::{DocOp, DocScheme, ReadmeScheme};
use crate::diag::Diagnostics;
use crate::ir::{AuthKind, KeyLocation};
use crate::read::{Block, BlockKind};

/// What a piece of text tells about a scheme's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clue {
    Basic,
    /// `HTTP basic` of older templates, written for bearer schemes too: basic, or bearer.
    Http,
    Bearer,
    /// An access-token setter: a bearer token, or an OAuth2 access token.
    Token,
    ApiKey,
    OAuth2,
}

impl Clue {
    /// The kinds the clue allows, the likeliest first.
    pub fn kinds(self) -> &'static [AuthKind] {
        match self {
            Clue::Basic => &[AuthKind::Basic],
            Clue::Http => &[AuthKind::Basic, AuthKind::Bearer],
            Clue::Bearer => &[AuthKind::Bearer],
            Clue::Token => &[AuthKind::Bearer, AuthKind::Oauth2],
            Clue::ApiKey => &[AuthKind::ApiKey],
            Clue::OAuth2 => &[AuthKind::Oauth2],
        }
    }
}

/// What a needle found in a line of code tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tells {
    /// The kind of the scheme being configured.
    Kind(Clue),
    /// An API key: the quoted string after the needle is the key's parameter name.
    KeyName,
    /// The quoted string after the needle names the scheme being configured.
    Scheme,
}

/// One spelling: in the example code of `langs` (empty: any language), `needle` tells.
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    pub langs: &'static [&'static str],
    pub needle: &'static str,
    pub tells: Tells,
}

pub(crate) const fn p(langs: &'static [&'static str], needle: &'static str, tells: Tells) -> Pattern {
    Pattern {
        langs,
        needle,
        tells,
    }
}

use Tells::{KeyName, Kind, Scheme};

/// How each client language's example code configures a scheme. A line may match several
/// rows (Java's `ApiKeyAuth x = (ApiKeyAuth) defaultClient.getAuthentication("x")` names
/// the kind and the scheme). Comments (`// Configure HTTP bearer authorization: x`) are
/// read by [`comment_clue`] for every language.
pub const PATTERNS: &[Pattern] = &[
    // Java (`HttpBearerAuth x = (HttpBearerAuth) defaultClient.getAuthentication("x")`),
    // Dart (`defaultApiClient.getAuthentication<HttpBearerAuth>('x')`).
    p(&["java", "dart"], "getAuthentication", Scheme),
    p(&["java", "dart"], "HttpBearerAuth", Kind(Clue::Bearer)),
    p(&["java", "dart"], "HttpBasicAuth", Kind(Clue::Basic)),
    p(&["java", "dart"], "ApiKeyAuth", Kind(Clue::ApiKey)),
    p(&["java"], "(OAuth)", Kind(Clue::OAuth2)),
    p(&["dart"], "<OAuth>", Kind(Clue::OAuth2)),
    p(&["java"], ".setBearerToken(", Kind(Clue::Bearer)),
    // JavaScript: `let x = defaultClient.authentications['x']; x.accessToken = ...`.
    p(&["javascript", "typescript"], "authentications[", Scheme),
    p(
        &["javascript", "typescript"],
        ".accessToken =",
        Kind(Clue::Token),
    ),
    p(
        &["javascript", "typescript"],
        ".username =",
        Kind(Clue::Http),
    ),
    p(
        &["javascript", "typescript"],
        ".apiKey =",
        Kind(Clue::ApiKey),
    ),
    // Kotlin: `ApiClient.accessToken = ""`, `ApiClient.apiKey["X-Key"] = ""`.
    p(&["kotlin"], "ApiClient.accessToken", Kind(Clue::Token)),
    p(&["kotlin"], "accessTokenProvider", Kind(Clue::Token)),
    p(&["kotlin"], "ApiClient.username", Kind(Clue::Http)),
    p(&["kotlin"], "userCredentialProvider", Kind(Clue::Http)),
    p(&["kotlin"], "ApiClient.apiKey[", Kind(Clue::ApiKey)),
    p(&["kotlin"], "ApiClient.apiKey[", KeyName),
    // Go: `context.WithValue(ctx, openapi.ContextAccessToken, "TOKEN")`.
    p(&["go"], "ContextAccessToken", Kind(Clue::Token)),
    p(&["go"], "ContextBasicAuth", Kind(Clue::Basic)),
    p(&["go"], "ContextAPIKeys", Kind(Clue::ApiKey)),
    p(&["go"], "ContextOAuth2", Kind(Clue::OAuth2)),
    // PHP: `Configuration::getDefaultConfiguration()->setApiKey('X-Key', 'YOUR_API_KEY')`.
    p(&["php"], "setAccessToken(", Kind(Clue::Token)),
    p(&["php"], "setUsername(", Kind(Clue::Http)),
    p(&["php"], "setApiKey(", Kind(Clue::ApiKey)),
    p(&["php"], "setApiKey(", KeyName),
    // Ruby: `config.api_key['X-Key'] = 'YOUR API KEY'` (6.x: the scheme's name).
    p(&["ruby"], "config.access_token", Kind(Clue::Token)),
    p(&["ruby"], "config.username", Kind(Clue::Http)),
    p(&["ruby"], "config.api_key[", Kind(Clue::ApiKey)),
    p(&["ruby"], "config.api_key[", KeyName),
    // C#: `Configuration.Default.AddApiKey("X-Key", ...)`, `config.ApiKey.Add("X-Key", ...)`.
    p(&["csharp"], ".AccessToken =", Kind(Clue::Token)),
    p(&["csharp"], ".Username =", Kind(Clue::Http)),
    p(&["csharp"], "AddApiKey(", Kind(Clue::ApiKey)),
    p(&["csharp"], "AddApiKey(", KeyName),
    p(&["csharp"], "ApiKey.Add(", Kind(Clue::ApiKey)),
    p(&["csharp"], "ApiKey.Add(", KeyName),
    p(&["csharp"], ".ApiKey[", Kind(Clue::ApiKey)),
    p(&["csharp"], ".ApiKey[", KeyName),
    // Perl: `WWW::OpenAPIClient::XApi->new(access_token => '...', api_key => {'X-Key' => '...'})`.
    p(&["perl"], "access_token =>", Kind(Clue::Token)),
    p(&["perl"], "username =>", Kind(Clue::Http)),
    p(&["perl"], "api_key => {", Kind(Clue::ApiKey)),
    p(&["perl"], "api_key => {", KeyName),
    // R: `api_instance$api_client$api_keys["X-Key"] <- Sys.getenv("API_KEY")`.
    p(&["r"], "$bearer_token", Kind(Clue::Bearer)),
    p(&["r"], "$access_token", Kind(Clue::Token)),
    p(&["r"], "$username", Kind(Clue::Http)),
    p(&["r"], "$api_keys[", Kind(Clue::ApiKey)),
    p(&["r"], "$api_keys[", KeyName),
];

/// A clue found in a line of code.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub scheme: String,
    pub clue: Option<Clue>,
    pub key_name: Option<String>,
    pub line: usize,
    pub evidence: String,
}

/// The kind a `Configure <what>: <name>` comment tells: `HTTP bearer authorization`,
/// `Bearer access token for authorization`, `API key authorization`, `OAuth2 access token
/// for authorization`, `HTTP basic authorization` (basic, or bearer in older templates).
pub fn kind_of_words(what: &str) -> Option<Clue> {
    let w = what.to_ascii_lowercase();
    if w.contains("api key") || w.contains("apikey") {
        Some(Clue::ApiKey)
    } else if w.contains("oauth") {
        Some(Clue::OAuth2)
    } else if w.contains("bearer") {
        Some(Clue::Bearer)
    } else if w.contains("basic") {
        Some(Clue::Http)
    } else if w.contains("access token") {
        Some(Clue::Token)
    } else {
        None
    }
}

pub(crate) fn is_scheme_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// `// Configure HTTP bearer authorization: bearerAuth`, `# Configure API key authorization:
/// x`, `// TODO Configure HTTP Bearer authorization: x` — in any language, and several glued
/// on one line (`...'Bearer'# Configure HTTP basic authorization: x`).
pub fn comment_clue(line: &str) -> Vec<(String, Clue, String)> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(pos) = rest.find("Configure ") {
        let before = rest[..pos].trim_end();
        let after = &rest[pos + "Configure ".len()..];
        rest = after;
        let Some(marker) = ["#", "//", "TODO", "*"]
            .into_iter()
            .find(|m| before.ends_with(m))
        else {
            continue;
        };
        // The piece ends where another comment starts.
        let piece = after.split(['#']).next().unwrap_or(after).trim();
        let Some((what, name)) = piece.rsplit_once(':') else {
            continue;
        };
        let name = name.trim();
        if !is_scheme_name(name) {
            continue;
        }
        if let Some(clue) = kind_of_words(what) {
            out.push((
                name.to_string(),
                clue,
                format!("example comment `{marker} Configure {piece}`"),
            ));
        }
    }
    out
}

/// The first quoted string after `needle` in `line`: `setApiKey('X-Key', ...)` → `X-Key`.
pub(crate) fn quoted_after<'a>(line: &'a str, needle: &str) -> Option<&'a str> {
    let rest = &line[line.find(needle)? + needle.len()..];
    let start = rest.find(['\'', '"'])?;
    // The quote must open the argument, not a later one: `ApiKey.Add("X", ...)`, `<T>('x')`.
    if rest[..start].contains([',', ';', '=']) {
        return None;
    }
    let q = rest[start..].chars().next()?;
    let body = &rest[start + 1..];
    let end = body.find(q)?;
    Some(&body[..end]).filter(|s| !s.is_empty())
}

pub(crate) fn applies(p: &Pattern, lang: &str) -> bool {
    p.langs.is_empty() || p.langs.contains(&lang)
}

/// Every clue of a block of example code in `lang`. `scheme`: the scheme being configured
/// when the code names none (Kotlin's `Configure x:` before it). A scheme named by a
/// comment or a [`Tells::Scheme`] needle stays current until a blank line or another name.
pub fn read_code(code: &str, first_line: usize, lang: &str, scheme: Option<&str>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut current: Option<String> = scheme.map(str::to_string);
    for (i, line) in code.lines().enumerate() {
        // Markdown code blocks start one line below the fence.
        let line_no = first_line + i + 1;
        let t = line.trim();
        if t.is_empty() {
            current = scheme.map(str::to_string);
            continue;
        }
        for (name, clue, evidence) in comment_clue(t) {
            current = Some(name.clone());
            out.push(Found {
                scheme: name,
                clue: Some(clue),
                key_name: None,
                line: line_no,
                evidence,
            });
        }
        let matching: Vec<&Pattern> = PATTERNS
            .iter()
            .filter(|p| applies(p, lang) && t.contains(p.needle))
            .collect();
        for p in &matching {
            if p.tells == Scheme {
                if let Some(name) = quoted_after(t, p.needle).filter(|n| is_scheme_name(n)) {
                    current = Some(name.to_string());
                }
            }
        }
        let Some(name) = current.clone() else {
            continue;
        };
        for p in matching {
            match p.tells {
                Kind(clue) => out.push(Found {
                    scheme: name.clone(),
                    clue: Some(clue),
                    key_name: None,
                    line: line_no,
                    evidence: format!("example code `{t}`"),
                }),
                KeyName => {
                    if let Some(k) = quoted_after(t, p.needle) {
                        out.push(Found {
                            scheme: name.clone(),
                            clue: None,
                            key_name: Some(k.to_string()),
                            line: line_no,
                            evidence: format!("example code `{t}`"),
                        });
                    }
                }
                Scheme => {}
            }
        }
    }
    out
}

/// A [`DocScheme`] from a clue.
pub fn doc_scheme(name: &str, clue: Clue, line: usize, evidence: String) -> DocScheme {
    let kinds = clue.kinds();
    DocScheme {
        name: name.to_string(),
        kind: kinds[0],
        also: kinds[1..].to_vec(),
        key_name: None,
        line,
        evidence,
        conflict: None,
    }
}

pub(crate) fn kinds_of(s: &DocScheme) -> Vec<AuthKind> {
    std::iter::once(s.kind)
        .chain(s.also.iter().copied())
        .collect()
}

/// Merges what another clue says about a scheme: kinds narrow to those both allow; a clue
/// allowing none of the kinds so far is a conflict, kept for a warning.
pub fn merge(existing: &mut DocScheme, new: DocScheme) {
    if existing.key_name.is_none() && new.key_name.is_some() {
        existing.key_name = new.key_name;
    }
    let old = kinds_of(existing);
    let both: Vec<AuthKind> = old
        .iter()
        .copied()
        .filter(|k| new.kind == *k || new.also.contains(k))
        .collect();
    if both.is_empty() {
        if existing.conflict.is_none() {
            existing.conflict = Some(format!(
                "{} (line {}), but {} (line {})",
                existing.evidence, existing.line, new.evidence, new.line
            ));
        }
        return;
    }
    if both.len() < old.len() {
        existing.kind = if both.contains(&new.kind) {
            new.kind
        } else {
            both[0]
        };
        existing.also = both.into_iter().filter(|k| *k != existing.kind).collect();
        existing.evidence = format!("{}; {}", existing.evidence, new.evidence);
    }
}

/// Notes every clue of a block of example code on `op` and the doc's schemes.
pub fn note_code(
    code: &str,
    first_line: usize,
    scheme: Option<&str>,
    lang: &str,
    op: &mut DocOp,
    schemes: &mut Vec<DocScheme>,
) {
    for f in read_code(code, first_line, lang, scheme) {
        let s = match f.clue {
            Some(clue) => doc_scheme(&f.scheme, clue, f.line, f.evidence),
            None => {
                // A key name alone: for a scheme already known to take an API key.
                if let Some(s) = schemes
                    .iter_mut()
                    .find(|s| s.name == f.scheme && s.kind == AuthKind::ApiKey)
                {
                    if s.key_name.is_none() {
                        s.key_name = f.key_name.clone();
                        s.evidence = format!("{}; key name from {}", s.evidence, f.evidence);
                    }
                }
                continue;
            }
        };
        note_scheme(op, schemes, s);
    }
}

/// Kotlin's Authorization section: `Configure bearerAuth statically:` (or `dynamically:`,
/// or just `Configure apiKeyHeader:`) before the code that configures it. The scheme names
/// in order, and their clues noted; `None` when the section is not written so.
pub fn read_auth_section(
    blocks: &[&Block],
    lang: &str,
    op: &mut DocOp,
    schemes: &mut Vec<DocScheme>,
) -> Option<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for b in blocks {
        match &b.kind {
            BlockKind::Para { text, .. } => {
                let mut rest = text.as_str();
                if !rest.trim_start().starts_with("Configure ") {
                    if names.is_empty() {
                        return None;
                    }
                    continue;
                }
                while let Some(pos) = rest.find("Configure ") {
                    let after = &rest[pos + "Configure ".len()..];
                    let Some((head, tail)) = after.split_once(':') else {
                        break;
                    };
                    let name = head
                        .trim()
                        .trim_end_matches(" statically")
                        .trim_end_matches(" dynamically")
                        .trim();
                    if !is_scheme_name(name) {
                        return None;
                    }
                    if !names.iter().any(|n| n == name) {
                        names.push(name.to_string());
                    }
                    current = Some(name.to_string());
                    // The code written on the same lines (indented code glued to the paragraph).
                    let code_end = tail.find("Configure ").unwrap_or(tail.len());
                    let code = tail[..code_end].replace("\" ", "\"\n");
                    note_code(&code, b.line.saturating_sub(1), Some(name), lang, op, schemes);
                    rest = &tail[code_end..];
                }
            }
            BlockKind::Code { text, .. } => {
                if let Some(name) = current.as_deref() {
                    note_code(text, b.line, Some(name), lang, op, schemes);
                }
            }
            _ => {}
        }
    }
    (!names.is_empty()).then_some(names)
}

// ---------------------------------------------------------------------------------------
// The README's authorization section.

/// `Documentation For Authorization` (most languages), `Authorization` (PHP),
/// `DOCUMENTATION FOR AUTHORIZATION` (Perl).
pub fn is_auth_heading(text: &str) -> bool {
    let t = text.trim().trim_matches(['#', ' ']);
    t.eq_ignore_ascii_case("Documentation For Authorization")
        || t.eq_ignore_ascii_case("Authorization")
}

/// A README's `- **Type**:` value: `HTTP basic authentication` (basic, or bearer in
/// older templates), `HTTP Bearer Token authentication`, `Bearer authentication`, `API key`,
/// `OAuth`.
pub fn readme_type(value: &str) -> Option<Clue> {
    let v = value.trim().trim_matches('`').to_ascii_lowercase();
    if v.contains("api key") || v.contains("apikey") {
        Some(Clue::ApiKey)
    } else if v.contains("oauth") {
        Some(Clue::OAuth2)
    } else if v.contains("bearer") {
        Some(Clue::Bearer)
    } else if v.contains("basic") {
        Some(Clue::Http)
    } else {
        None
    }
}

/// A README's `- **Location**:` value; `Some(None)` when blank, which templates that name
/// only `HTTP header` and `URL query string` write for a cookie.
pub fn readme_location(value: &str) -> Option<Option<KeyLocation>> {
    let v = value.trim().trim_matches('`').to_ascii_lowercase();
    if v.is_empty() {
        Some(None)
    } else if v.contains("header") {
        Some(Some(KeyLocation::Header))
    } else if v.contains("query") {
        Some(Some(KeyLocation::Query))
    } else if v.contains("cookie") {
        Some(Some(KeyLocation::Cookie))
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------
// Weighing the evidence.

/// The kind a scheme's name suggests: `bearerAuth`, `basic_auth`, `petstore_oauth`.
pub fn name_hint(name: &str) -> Option<AuthKind> {
    let n = name.to_ascii_lowercase();
    if n.contains("bearer") || n.contains("jwt") {
        Some(AuthKind::Bearer)
    } else if n.contains("basic") {
        Some(AuthKind::Basic)
    } else if n.contains("oauth") {
        Some(AuthKind::Oauth2)
    } else if n.contains("apikey") || n.contains("api_key") || n.contains("api-key") {
        Some(AuthKind::ApiKey)
    } else {
        None
    }
}

pub(crate) fn kind_words(k: AuthKind) -> &'static str {
    match k {
        AuthKind::Basic => "HTTP basic",
        AuthKind::Bearer => "an HTTP bearer token",
        AuthKind::ApiKey => "an API key",
        AuthKind::Oauth2 => "OAuth2",
    }
}


// ---------------------------------------------------------------------------------------
// Example code and README.

use super::blocks::heading;

/// An operation's Example section in `lang`: its code (JSON example values, and the
/// scheme configuration lines of the other languages) and Python's auth bullets
/// (`* Api Key Authentication (apiKey):`).
pub(crate) fn read_example_section(blocks: &[&Block], lang: &str, op: &mut DocOp, schemes: &mut Vec<DocScheme>) {
    for b in blocks {
        match &b.kind {
            BlockKind::Code { text, .. } => {
                read_example(text, b.line, op, schemes);
                if lang != "python" {
                    note_code(text, b.line, None, lang, op, schemes);
                }
            }
            BlockKind::List { items } => {
                for item in items {
                    if let Some(s) = auth_bullet(&item.text, item.line) {
                        note_scheme(op, schemes, s);
                    }
                }
            }
            BlockKind::Para { text, .. } => {
                if let Some(s) = auth_bullet(text, b.line) {
                    note_scheme(op, schemes, s);
                }
            }
            _ => {}
        }
    }
}

pub(crate) fn note_scheme(op: &mut DocOp, schemes: &mut Vec<DocScheme>, s: DocScheme) {
    if !op.example_schemes.contains(&s.name) {
        op.example_schemes.push(s.name.clone());
    }
    add_scheme(schemes, s);
}

pub(crate) fn add_scheme(schemes: &mut Vec<DocScheme>, s: DocScheme) {
    match schemes.iter_mut().find(|x| x.name == s.name) {
        Some(existing) => merge(existing, s),
        None => schemes.push(s),
    }
}

/// 7.x bullets: `Basic Authentication (BasicAuth):`, `Bearer (JWT) Authentication (x):`,
/// `Api Key Authentication (x):`, `OAuth Authentication (x):`.
pub(crate) fn auth_bullet(text: &str, line: usize) -> Option<DocScheme> {
    let t = text.trim().trim_end_matches(':').trim();
    let open = t.rfind('(')?;
    let name = t[open + 1..].strip_suffix(')')?.trim();
    let head = t[..open].trim().to_ascii_lowercase();
    if !head.ends_with("authentication") {
        return None;
    }
    let kind = if head.starts_with("basic") {
        AuthKind::Basic
    } else if head.starts_with("bearer") {
        AuthKind::Bearer
    } else if head.starts_with("api key") {
        AuthKind::ApiKey
    } else if head.starts_with("oauth") {
        AuthKind::Oauth2
    } else {
        return None;
    };
    Some(DocScheme {
        name: name.to_string(),
        kind,
        also: Vec::new(),
        key_name: None,
        line,
        evidence: format!("example bullet `{}`", text.trim()),
        conflict: None,
    })
}

/// The text of a leading quoted string: `'X-API-Key'] = ...` → `X-API-Key`.
pub(crate) fn quoted(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let q = s.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let rest = &s[1..];
    let end = rest.find(q)?;
    Some(&rest[..end]).filter(|k| !k.is_empty())
}

/// The key of a dict entry: `'X-API-Key': 'YOUR_API_KEY'` → `X-API-Key`.
pub(crate) fn dict_key(s: &str) -> Option<&str> {
    let key = quoted(s)?;
    let after = &s.trim_start()[key.len() + 2..];
    after.trim_start().starts_with(':').then_some(key)
}

pub(crate) fn read_example(code: &str, first_line: usize, op: &mut DocOp, schemes: &mut Vec<DocScheme>) {
    let mut pending_key: Option<String> = None;
    let mut in_key_dict = false;
    for (i, line) in code.lines().enumerate() {
        // Markdown code blocks start one line below the fence.
        let line_no = first_line + i + 1;
        // `# Configure API key authorization: x` (any comment marker; several glued together
        // in older docs: `...'Bearer'# Configure HTTP basic ...`).
        for (name, clue, evidence) in comment_clue(line) {
            if clue == Clue::ApiKey {
                pending_key = Some(name.clone());
            }
            note_scheme(op, schemes, doc_scheme(&name, clue, line_no, evidence));
        }
        let t = line.trim();
        if !t.starts_with('#') {
            // 5.x-7.x: `configuration.api_key['X'] = ...`; 4.x: `api_key = {` then `'X': ...`.
            let dict_open = ["api_key = {", "api_key={"].iter().find_map(|m| t.find(m).map(|p| p + m.len()));
            let key = if let Some(pos) = t.find("api_key[") {
                quoted(&t[pos + "api_key[".len()..])
            } else if let Some(after) = dict_open {
                dict_key(&t[after..])
            } else if in_key_dict {
                dict_key(t)
            } else {
                None
            };
            if dict_open.is_some() {
                in_key_dict = !t.ends_with('}') && !t.ends_with("},") && !t.ends_with("})");
            } else if t.starts_with('}') {
                in_key_dict = false;
            }
            if let Some(key) = key {
                if let Some(scheme) = pending_key.take() {
                    if let Some(s) = schemes.iter_mut().find(|s| s.name == scheme) {
                        if s.key_name.is_none() {
                            s.key_name = Some(key.to_string());
                            s.evidence = format!("{}; key name from `{}`", s.evidence, t);
                        }
                    }
                }
            }
        }
        // `name = {...} # Type | description`
        if let Some((lhs, rhs)) = t.split_once(" = ") {
            let lhs = lhs.trim();
            if op.examples.contains_key(lhs) || lhs.contains(|c: char| !(c.is_alphanumeric() || c == '_')) {
                continue;
            }
            let value = rhs.rsplit_once(" # ").map(|(v, _)| v).unwrap_or(rhs).trim();
            if value.starts_with('{') || value.starts_with('[') {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(value) {
                    op.examples.insert(lhs.to_string(), v);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Model docs and the README's authorization section.


pub(crate) fn extract_readme_auth(blocks: &[Block], _file: &str, _diags: &mut Diagnostics) -> Vec<ReadmeScheme> {
    let Some(start) = blocks.iter().position(|b| {
        heading(b).is_some_and(|(_, t)| is_auth_heading(t))
    }) else {
        return Vec::new();
    };
    let mut out: Vec<ReadmeScheme> = Vec::new();
    let mut current: Option<ReadmeScheme> = None;
    for b in &blocks[start + 1..] {
        if let Some((_, t)) = heading(b) {
            if let Some(s) = current.take() {
                out.push(s);
            }
            current = Some(ReadmeScheme {
                name: t.to_string(),
                line: b.line,
                ..ReadmeScheme::default()
            });
            continue;
        }
        let BlockKind::List { items } = &b.kind else { continue };
        let Some(s) = current.as_mut() else { continue };
        let mut in_scopes = false;
        for item in items {
            let text = item.text.trim();
            let (key, value) = match text.split_once(": ").or_else(|| text.strip_suffix(':').map(|k| (k, ""))) {
                Some((k, v)) => (k.trim(), v.trim()),
                None => (text, ""),
            };
            if in_scopes {
                s.scopes.insert(key.to_string(), value.to_string());
                continue;
            }
            match key.to_ascii_lowercase().as_str() {
                "type" => {
                    let kinds = readme_type(value).map(|c| c.kinds()).unwrap_or(&[]);
                    s.kind = kinds.first().copied();
                    s.also = kinds.iter().skip(1).copied().collect();
                }
                "api key parameter name" => s.key_name = Some(value.to_string()),
                "location" => {
                    let l = readme_location(value);
                    s.location = l.flatten();
                    s.location_blank = l == Some(None);
                }
                "flow" => s.flow = Some(value.to_string()),
                "authorization url" => s.authorization_url = Some(value.to_string()).filter(|v| !v.is_empty()),
                "token url" => s.token_url = Some(value.to_string()).filter(|v| !v.is_empty()),
                "scopes" => in_scopes = true,
                _ => {}
            }
        }
    }
    if let Some(s) = current.take() {
        out.push(s);
    }
    // Headings after the section that describe no scheme (`Author`) are not schemes.
    out.retain(|s| s.kind.is_some());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row per language pattern: (language, code line, scheme, kinds, key name).
    #[test]
    fn every_language_pattern() {
        use AuthKind::*;
        type Case<'a> = (&'a str, &'a str, &'a str, &'a [AuthKind], Option<&'a str>);
        let cases: &[Case] = &[
            ("java", r#"HttpBearerAuth bearerAuth = (HttpBearerAuth) defaultClient.getAuthentication("bearerAuth");"#, "bearerAuth", &[Bearer], None),
            ("java", r#"HttpBasicAuth basicAuth = (HttpBasicAuth) defaultClient.getAuthentication("basicAuth");"#, "basicAuth", &[Basic], None),
            ("java", r#"ApiKeyAuth k = (ApiKeyAuth) defaultClient.getAuthentication("k");"#, "k", &[ApiKey], None),
            ("java", r#"OAuth oauth2 = (OAuth) defaultClient.getAuthentication("oauth2");"#, "oauth2", &[Oauth2], None),
            ("dart", r#"//defaultApiClient.getAuthentication<HttpBearerAuth>('bearerAuth').setAccessToken('T');"#, "bearerAuth", &[Bearer], None),
            ("dart", r#"//defaultApiClient.getAuthentication<HttpBasicAuth>('basicAuth').username = 'U'"#, "basicAuth", &[Basic], None),
            ("dart", r#"//defaultApiClient.getAuthentication<ApiKeyAuth>('k').apiKey = 'K';"#, "k", &[ApiKey], None),
            ("dart", r#"//defaultApiClient.getAuthentication<OAuth>('oauth2').accessToken = 'T';"#, "oauth2", &[Oauth2], None),
            ("javascript", "let b = defaultClient.authentications['b'];\nb.accessToken = \"T\"", "b", &[Bearer, Oauth2], None),
            ("javascript", "let b = defaultClient.authentications['b'];\nb.username = 'U';", "b", &[Basic, Bearer], None),
            ("javascript", "let b = defaultClient.authentications['b'];\nb.apiKey = 'K';", "b", &[ApiKey], None),
            ("kotlin", "ApiClient.accessToken = \"\"", "s", &[Bearer, Oauth2], None),
            ("kotlin", "apiInstance.accessTokenProvider = { \"\" }", "s", &[Bearer, Oauth2], None),
            ("kotlin", "ApiClient.username = \"\"", "s", &[Basic, Bearer], None),
            ("kotlin", "apiInstance.userCredentialProvider = { \"user\" to \"pass\" }", "s", &[Basic, Bearer], None),
            ("kotlin", "ApiClient.apiKey[\"X-Storage-Key\"] = \"\"", "s", &[ApiKey], Some("X-Storage-Key")),
            ("go", "auth := context.WithValue(context.Background(), openapi.ContextAccessToken, \"T\")", "s", &[Bearer, Oauth2], None),
            ("go", "auth := context.WithValue(context.Background(), openapi.ContextBasicAuth, openapi.BasicAuth{", "s", &[Basic], None),
            ("go", "\topenapi.ContextAPIKeys,", "s", &[ApiKey], None),
            ("go", "auth := context.WithValue(oauth2.NoContext, openapi.ContextOAuth2, tokenSource)", "s", &[Oauth2], None),
            ("php", "$config = OpenAPI\\Client\\Configuration::getDefaultConfiguration()->setAccessToken('T');", "s", &[Bearer, Oauth2], None),
            ("php", "              ->setUsername('YOUR_USERNAME')", "s", &[Basic, Bearer], None),
            ("php", "$config = Configuration::getDefaultConfiguration()->setApiKey('X-Storage-Key', 'YOUR_API_KEY');", "s", &[ApiKey], Some("X-Storage-Key")),
            ("ruby", "  config.access_token = 'YOUR_BEARER_TOKEN'", "s", &[Bearer, Oauth2], None),
            ("ruby", "  config.username = 'YOUR USERNAME'", "s", &[Basic, Bearer], None),
            ("ruby", "  config.api_key['X-Storage-Key'] = 'YOUR API KEY'", "s", &[ApiKey], Some("X-Storage-Key")),
            ("csharp", "Configuration.Default.AccessToken = \"YOUR_ACCESS_TOKEN\";", "s", &[Bearer, Oauth2], None),
            ("csharp", "config.AccessToken = \"YOUR_ACCESS_TOKEN\";", "s", &[Bearer, Oauth2], None),
            ("csharp", "Configuration.Default.Username = \"YOUR_USERNAME\";", "s", &[Basic, Bearer], None),
            ("csharp", "Configuration.Default.AddApiKey(\"X-Storage-Key\", \"YOUR_API_KEY\");", "s", &[ApiKey], Some("X-Storage-Key")),
            ("csharp", "config.ApiKey.Add(\"X-Storage-Key\", \"YOUR_API_KEY\");", "s", &[ApiKey], Some("X-Storage-Key")),
            ("csharp", "config.ApiKey[\"X-Storage-Key\"] = \"YOUR_API_KEY\";", "s", &[ApiKey], Some("X-Storage-Key")),
            ("perl", "    access_token => 'YOUR_BEARER_TOKEN',", "s", &[Bearer, Oauth2], None),
            ("perl", "    username => 'YOUR_USERNAME',", "s", &[Basic, Bearer], None),
            ("perl", "    api_key => {'X-Storage-Key' => 'YOUR_API_KEY'},", "s", &[ApiKey], Some("X-Storage-Key")),
            ("r", "api_instance$api_client$bearer_token <- Sys.getenv(\"BEARER_TOKEN\")", "s", &[Bearer], None),
            ("r", "api_instance$api_client$access_token <- Sys.getenv(\"ACCESS_TOKEN\")", "s", &[Bearer, Oauth2], None),
            ("r", "api_instance$api_client$username <- Sys.getenv(\"USERNAME\")", "s", &[Basic, Bearer], None),
            ("r", "# api_instance$api_client$api_keys[\"X-Storage-Key\"] <- Sys.getenv(\"API_KEY\")", "s", &[ApiKey], Some("X-Storage-Key")),
            ("java", "bearerAuth.setBearerToken(\"BEARER TOKEN\");", "s", &[Bearer], None),
        ];
        for (lang, code, scheme, kinds, key) in cases {
            let found = read_code(code, 10, lang, Some("s"));
            let mut acc: Option<DocScheme> = None;
            let mut key_name = None;
            for f in &found {
                assert_eq!(&f.scheme, scheme, "{lang}: {code}");
                match f.clue {
                    Some(c) => {
                        let s = doc_scheme(&f.scheme, c, f.line, f.evidence.clone());
                        match acc.as_mut() {
                            Some(a) => merge(a, s),
                            None => acc = Some(s),
                        }
                    }
                    None => key_name = f.key_name.clone(),
                }
            }
            let acc = acc.unwrap_or_else(|| panic!("{lang}: no clue in {code}"));
            assert_eq!(kinds_of(&acc), kinds.to_vec(), "{lang}: {code}");
            assert!(acc.conflict.is_none(), "{lang}: {code}");
            assert_eq!(key_name.as_deref(), *key, "{lang}: {code}");
        }
    }

    #[test]
    fn comments_of_every_language() {
        use AuthKind::*;
        let cases: &[(&str, &str, &[AuthKind])] = &[
            (
                "// Configure HTTP bearer authorization: bearerAuth",
                "bearerAuth",
                &[Bearer],
            ),
            (
                "# Configure Bearer authorization: bearerAuth",
                "bearerAuth",
                &[Bearer],
            ),
            (
                "# Configure Bearer authorization (JWT): bearerAuth",
                "bearerAuth",
                &[Bearer],
            ),
            (
                "// Configure Bearer access token for authorization: bearerAuth",
                "bearerAuth",
                &[Bearer],
            ),
            (
                "    # Configure bearer access token for authorization: bearerAuth",
                "bearerAuth",
                &[Bearer],
            ),
            (
                "// TODO Configure HTTP Bearer authorization: bearerAuth",
                "bearerAuth",
                &[Bearer],
            ),
            (
                "// Configure HTTP basic authorization: basicAuth",
                "basicAuth",
                &[Basic, Bearer],
            ),
            (
                "# Configure API key authorization: api_key",
                "api_key",
                &[ApiKey],
            ),
            (
                "// Configure OAuth2 access token for authorization: petstore_auth",
                "petstore_auth",
                &[Oauth2],
            ),
        ];
        for (line, name, kinds) in cases {
            let got = comment_clue(line);
            assert_eq!(got.len(), 1, "{line}");
            assert_eq!(got[0].0, *name, "{line}");
            assert_eq!(got[0].1.kinds(), *kinds, "{line}");
        }
        // Glued comments of older docs; a `Configure` outside a comment is no clue.
        let glued = comment_clue(
            "'Bearer'# Configure HTTP basic authorization: a# Configure API key authorization: b",
        );
        assert_eq!(
            glued.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert!(comment_clue("Configure bearerAuth statically:").is_empty());
    }

    #[test]
    fn clues_narrow_and_conflict() {
        // Perl 6.x: `HTTP basic` then `bearer access token` for one scheme: bearer.
        let mut a = doc_scheme("b", Clue::Http, 1, "x".into());
        merge(&mut a, doc_scheme("b", Clue::Token, 2, "y".into()));
        assert_eq!(
            (a.kind, a.also.clone(), a.conflict.is_none()),
            (AuthKind::Bearer, vec![], true)
        );
        let mut a = doc_scheme("b", Clue::ApiKey, 1, "x".into());
        merge(&mut a, doc_scheme("b", Clue::Bearer, 2, "y".into()));
        assert_eq!(a.kind, AuthKind::ApiKey);
        assert!(a.conflict.is_some());
    }

    #[test]
    fn readme_statements() {
        assert_eq!(
            readme_type("HTTP Bearer Token authentication"),
            Some(Clue::Bearer)
        );
        assert_eq!(readme_type("Bearer authentication"), Some(Clue::Bearer));
        assert_eq!(readme_type("HTTP basic authentication"), Some(Clue::Http));
        assert_eq!(readme_type("API key"), Some(Clue::ApiKey));
        assert_eq!(readme_type("`OAuth`"), Some(Clue::OAuth2));
        assert_eq!(
            readme_location("HTTP header"),
            Some(Some(KeyLocation::Header))
        );
        assert_eq!(
            readme_location("URL query string"),
            Some(Some(KeyLocation::Query))
        );
        assert_eq!(readme_location(""), Some(None));
        assert!(is_auth_heading("Documentation For Authorization"));
        assert!(is_auth_heading("DOCUMENTATION FOR AUTHORIZATION"));
        assert!(is_auth_heading("Authorization"));
        assert!(!is_auth_heading("Author"));
    }

    #[test]
    fn names_hint_kinds() {
        assert_eq!(name_hint("bearerAuth"), Some(AuthKind::Bearer));
        assert_eq!(name_hint("basic_auth"), Some(AuthKind::Basic));
        assert_eq!(name_hint("petstore_oauth"), Some(AuthKind::Oauth2));
        assert_eq!(name_hint("sessionCookie"), None);
    }
}

