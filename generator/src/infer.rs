//! Inference: the facts a doc never states, each with the evidence it came from.
//!
//! - where a non-path parameter travels (query, header, form, body);
//! - the wire name of query, form and header parameters (the API's naming convention,
//!   read off its path placeholders and JSON examples);
//! - API-key locations and names, scheme kinds (from the example code);
//! - the content type of a JSON body documented as "Not defined".

use crate::diag::Diagnostics;
use crate::flavour::{DocApi, DocOp, DocParam};
use crate::ir::{Api, AuthKind, AuthScheme, Evidence, KeyLocation, Location, Operation, Param, Source, TypeRef};
use heck::{ToLowerCamelCase, ToTrainCase};

/// How a name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `userId`
    Camel,
    /// `user_id`
    Snake,
    /// `USER_ID`
    Screaming,
    /// `user-id`
    Kebab,
    /// one lower-case word: says nothing
    Word,
    Other,
}

pub fn classify(s: &str) -> Case {
    let has_upper = s.chars().any(|c| c.is_ascii_uppercase());
    let has_lower = s.chars().any(|c| c.is_ascii_lowercase());
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Case::Other;
    }
    if s.contains('-') {
        return if has_upper { Case::Other } else { Case::Kebab };
    }
    if s.contains('_') {
        return match (has_upper, has_lower) {
            (false, true) => Case::Snake,
            (true, false) => Case::Screaming,
            _ => Case::Other,
        };
    }
    match (has_upper, has_lower) {
        (false, true) => Case::Word,
        (true, true) if s.starts_with(|c: char| c.is_ascii_lowercase()) => Case::Camel,
        _ => Case::Other,
    }
}

/// How sure an inferred fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// The doc states it, or spells it elsewhere (a description, a placeholder).
    Strong,
    /// Several independent clues agree.
    Weak,
    /// No evidence either way: the doc's own statement is kept.
    Guess,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Strong => "strong",
            Confidence::Weak => "weak",
            Confidence::Guess => "guess",
        }
    }

    /// Evidence text carrying its confidence: `weak: the API writes …`.
    pub fn tag(self, evidence: &str) -> String {
        format!("{}: {evidence}", self.as_str())
    }

    /// The confidence an evidence text was tagged with.
    pub fn of(evidence: &str) -> Option<Confidence> {
        [Confidence::Strong, Confidence::Weak, Confidence::Guess]
            .into_iter()
            .find(|c| evidence.starts_with(&format!("{}: ", c.as_str())))
    }
}

/// The API's naming convention for query and form names, with evidence, and the
/// spellings the doc shows anywhere (placeholders, prose), which beat any convention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Convention {
    pub case: Option<Case>,
    pub evidence: String,
    pub confidence: Confidence,
    /// Path placeholders by folded name: `userid` → `userId`.
    pub placeholders: BTreeMap<String, String>,
    /// JSON example keys by folded name.
    pub json_keys: BTreeMap<String, String>,
    /// The client language of the docs ([`crate::flavour::detect_language`]).
    pub language: &'static str,
}

impl Default for Convention {
    fn default() -> Self {
        Convention {
            language: "python",
            case: None,
            evidence: "no convention evidence: the doc's names are kept".into(),
            confidence: Confidence::Guess,
            placeholders: BTreeMap::new(),
            json_keys: BTreeMap::new(),
        }
    }
}

fn json_keys<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                out.push(k);
                json_keys(v, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| json_keys(v, out)),
        _ => {}
    }
}

/// The same path, placeholders' names and a trailing `/` aside.
pub fn same_path(a: &str, b: &str) -> bool {
    fn shape(p: &str) -> String {
        let mut out = String::new();
        let mut inside = false;
        for c in p.trim_end_matches('/').chars() {
            match c {
                '{' => {
                    inside = true;
                    out.push_str("{}");
                }
                '}' => inside = false,
                _ if inside => {}
                c => out.push(c),
            }
        }
        out
    }
    shape(a) == shape(b)
}

pub fn placeholders(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    out
}

/// Placeholders are `{name}`: not nested, not empty, every `{` closed and every `}` opened.
fn check_braces(path: &str) -> Result<(), &'static str> {
    let mut open = false;
    let mut empty = false;
    for c in path.chars() {
        match c {
            '{' if open => return Err("has a `{` inside a placeholder"),
            '{' => (open, empty) = (true, true),
            '}' if !open => return Err("has a `}` that closes no placeholder"),
            '}' if empty => return Err("has an empty placeholder `{}`"),
            '}' => open = false,
            _ => empty = false,
        }
    }
    if open {
        return Err("has a `{` that is never closed");
    }
    Ok(())
}

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
    out
}

/// Literal path segments' words: `/recipes/findByIngredients` → `findByIngredients`.
fn literal_segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter(|seg| !seg.contains('{') && !seg.is_empty())
        .flat_map(|seg| seg.split(['.', ':', ';']))
}

/// The API's convention, from independent clues: distinct path placeholders, literal path
/// segments and JSON example keys. A convention is decided only on a clear, consistent
/// majority: at least three distinct clues, from two kinds of source unless nothing
/// disagrees, outnumbering the other case three to one; or two clues of two kinds
/// outnumbering it two to one; or two clues and nothing against. One clue never decides.
/// Otherwise the doc's names are kept.
pub fn convention(doc: &DocApi) -> Convention {
    let mut conv = Convention {
        language: if doc.language.is_empty() { "python" } else { doc.language },
        ..Convention::default()
    };
    // (clue, kind) per case.
    let mut camel: Vec<(String, &'static str)> = Vec::new();
    let mut snake: Vec<(String, &'static str)> = Vec::new();
    let note = |text: &str, tag: String, kind: &'static str, camel: &mut Vec<(String, &'static str)>, snake: &mut Vec<(String, &'static str)>| {
        let list = match classify(text) {
            Case::Camel => camel,
            Case::Snake => snake,
            _ => return,
        };
        if !list.iter().any(|(t, _)| *t == tag) {
            list.push((tag, kind));
        }
    };
    for op in &doc.ops {
        for ph in placeholders(&op.path) {
            conv.placeholders.entry(fold(ph)).or_insert_with(|| ph.to_string());
            note(ph, format!("placeholder {{{ph}}}"), "placeholder", &mut camel, &mut snake);
        }
        for seg in literal_segments(&op.path) {
            note(seg, format!("path segment `{seg}`"), "path segment", &mut camel, &mut snake);
        }
    }
    let mut keys = Vec::new();
    for op in &doc.ops {
        for v in op.examples.values() {
            json_keys(v, &mut keys);
        }
    }
    for k in keys {
        conv.json_keys.entry(fold(k)).or_insert_with(|| k.to_string());
        note(k, format!("JSON key `{k}`"), "JSON key", &mut camel, &mut snake);
    }
    let list = |v: &[(String, &str)]| {
        let mut s = v.iter().take(3).map(|(t, _)| t.clone()).collect::<Vec<_>>().join(", ");
        if v.len() > 3 {
            s.push_str(&format!(" and {} more", v.len() - 3));
        }
        s
    };
    let kinds = |v: &[(String, &'static str)]| {
        let mut k: Vec<&str> = v.iter().map(|(_, k)| *k).collect();
        k.sort();
        k.dedup();
        k.len()
    };
    let decide = |mine: &[(String, &'static str)], theirs: &[(String, &'static str)]| {
        (mine.len() >= 3 && (kinds(mine) >= 2 || theirs.is_empty()) && mine.len() >= 3 * theirs.len())
            || (mine.len() >= 2 && kinds(mine) >= 2 && mine.len() >= 2 * theirs.len())
            || (mine.len() >= 2 && theirs.is_empty())
    };
    let strength = |mine: &[(String, &'static str)]| {
        if mine.len() >= 5 && kinds(mine) >= 2 {
            Confidence::Strong
        } else {
            Confidence::Weak
        }
    };
    if decide(&camel, &snake) {
        conv.case = Some(Case::Camel);
        conv.confidence = strength(&camel);
        conv.evidence = format!("the API writes names in camelCase: {}", list(&camel));
    } else if decide(&snake, &camel) {
        conv.case = Some(Case::Snake);
        conv.confidence = strength(&snake);
        conv.evidence = format!("the API writes names in snake_case: {}", list(&snake));
    } else if camel.is_empty() && snake.is_empty() {
        conv.evidence = "no placeholder, path segment or JSON example shows the API's naming convention; the doc's names are kept".into();
    } else {
        conv.evidence = format!(
            "no clear naming convention (camelCase: {}; snake_case: {}); the doc's names are kept",
            if camel.is_empty() { "none".to_string() } else { list(&camel) },
            if snake.is_empty() { "none".to_string() } else { list(&snake) }
        );
    }
    conv
}

/// Words of prose that could be a name: `dryRun`, `X-Registry-ArtifactId`, `page_size`.
fn name_tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .map(|t| t.trim_matches(|c| c == '.' || c == '-' || c == '_'))
        .filter(|t| t.len() > 1 && !t.contains('.'))
}

/// A spelling of `bare` in `text` other than `bare` itself: the same letters, another case.
fn spelled_in<'t>(text: &'t str, bare: &str, header: bool) -> Option<&'t str> {
    let f = fold(bare);
    // Prose hyphenates words (`post-only`): a kebab-case spelling counts only for headers.
    let fits = |t: &str| match classify(t) {
        Case::Camel | Case::Snake => true,
        Case::Kebab | Case::Other => header && t.contains('-'),
        Case::Word | Case::Screaming => false,
    };
    let mut found: Vec<&str> = name_tokens(text).filter(|t| *t != bare && fold(t) == f && fits(t)).collect();
    // The most frequent spelling; ties by first appearance.
    found.sort_by_key(|t| std::cmp::Reverse(name_tokens(text).filter(|x| x == t).count()));
    found.first().copied()
}

const PY_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", "self", "property", "type", "date", "datetime", "schema", "field", "list",
];

/// A doc name with its language's reserved-word escape undone: Python's `_from` /
/// `var_from`; `_internal`, `@class`, `$name`, `` `default` `` in the other languages.
pub fn unescape<'a>(name: &'a str, language: &str) -> std::borrow::Cow<'a, str> {
    if language == "python" || language.is_empty() {
        return unescape_python(name).into();
    }
    let n = name.trim_matches('`').trim_start_matches(['$', '@']);
    // R 4.x writes words apart with dots: `idempotency.key`, `book.id`.
    if language == "r" && n.contains('.') {
        return n.replace('.', "_").into();
    }
    // Kotlin 4.x spells a `-` of the wire name `Minus`: `ifMinusNoneMinusMatch` is `if-none-match`.
    if language == "kotlin" {
        if let Some(kebab) = minus_spelled(n) {
            return kebab.into();
        }
    }
    // C# escapes a keyword as `var` + its PascalCase: `varInternal`.
    if let Some(rest) = n.strip_prefix("var").filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase())) {
        let word = format!("{}{}", rest[..1].to_ascii_lowercase(), &rest[1..]);
        if CSHARP_KEYWORDS.contains(&word.as_str()) {
            return word.into();
        }
    }
    match n.strip_prefix('_') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_alphabetic()) => rest.into(),
        _ => n.into(),
    }
}

/// `includeMinusReviews` → `include-reviews`: `Minus` between two words, each word's
/// first letter lowered. `None` without such a `Minus`.
fn minus_spelled(name: &str) -> Option<String> {
    // A one-letter first word loses the case of its `Minus`: `xminusRequestMinusId`.
    let fixed;
    let name = match name.get(1..6) {
        Some("minus") if name.as_bytes().get(6).is_some_and(u8::is_ascii_uppercase) && name.as_bytes()[0].is_ascii_lowercase() => {
            fixed = format!("{}Minus{}", &name[..1], &name[6..]);
            fixed.as_str()
        }
        _ => name,
    };
    let parts: Vec<&str> = name.split("Minus").collect();
    let joins = parts.len() > 1
        && parts[..parts.len() - 1].iter().all(|p| p.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()))
        && parts[1..].iter().all(|p| p.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()));
    if !joins {
        return None;
    }
    let lower_first = |p: &str| {
        let mut c = p.chars();
        c.next().map(|f| f.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default()
    };
    Some(parts.iter().enumerate().map(|(i, p)| if i == 0 { p.to_string() } else { lower_first(p) }).collect::<Vec<_>>().join("-"))
}

const CSHARP_KEYWORDS: &[&str] = &[
    "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
    "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
    "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
    "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
    "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
    "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
    "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
];

/// `_from`, `var_from`, `var_self` → the source name (`from`, `self`).
pub fn unescape_python(name: &str) -> &str {
    for prefix in ["var_", "_"] {
        if let Some(rest) = name.strip_prefix(prefix) {
            // Keywords, and names that cannot start a Python identifier (`2fa_enabled`).
            if PY_KEYWORDS.contains(&rest) || rest.starts_with(|c: char| c.is_ascii_digit()) {
                return rest;
            }
        }
    }
    name
}

/// Lower case, letters and digits only: `user_id`, `userId`, `{version.kind}` and
/// `version_kind` fold alike.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Symbols spelled out as the generators name them in identifiers (`id|slug` →
/// `id_pipe_slug`, shown as `idPipeSlug` in camelCase languages).
fn spell_symbols(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let word = match c {
            '|' => "pipe",
            '$' => "dollar",
            '^' => "caret",
            '=' => "equal",
            '*' => "star",
            '&' => "ampersand",
            '%' => "percent",
            '#' => "hash",
            '@' => "at",
            '!' => "exclamation",
            '+' => "plus",
            '~' => "tilde",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push('_');
        out.push_str(word);
        out.push('_');
    }
    out
}

/// A placeholder as a parameter name: `version.kind` → `version_kind`.
fn flatten(ph: &str) -> String {
    snake_identifier(ph, "path_param")
}

/// A wire name as a snake_case identifier (`X-API-KEY` → `x_api_key`, `page[size]` →
/// `page_size`); `fallback` when no letter or digit is left.
pub(crate) fn snake_identifier(wire: &str, fallback: &str) -> String {
    let s: String = wire.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
    let s = heck::ToSnakeCase::to_snake_case(s.trim_matches('_'));
    if s.is_empty() {
        fallback.into()
    } else {
        s
    }
}

const HEADER_NAMES: &[&str] = &[
    "idempotency_key", "if_match", "if_none_match", "if_modified_since", "if_unmodified_since",
    "if_range", "authorization", "accept", "accept_language", "accept_encoding", "user_agent",
    "content_md5", "content_type", "content_language", "cache_control", "cookie", "request_id",
    "correlation_id", "prefer", "range", "etag",
];

/// Whether a doc name is a conventional header name (`x_request_id`, `xRequestId`,
/// `if_none_match`, `ifNoneMatch`, `content_type`).
pub fn is_header_name(name: &str) -> bool {
    header_wire_name(name).is_some()
}

/// A conventional header name's wire form: `x_request_id` → `X-Request-Id`.
fn header_wire_name(name: &str) -> Option<String> {
    let n = name.to_ascii_lowercase();
    let x_camel = name.len() > 2
        && name.starts_with('x')
        && name[1..].starts_with(|c: char| c.is_ascii_uppercase())
        && classify(name) == Case::Camel;
    let known = HEADER_NAMES.iter().any(|h| fold(h) == fold(name))
        && (classify(name) != Case::Other || name.contains('-'));
    if n.starts_with("x_") || n.starts_with("x-") || x_camel || known {
        let w = if name.contains('-') && name.chars().any(|c| c.is_ascii_uppercase()) {
            // Already a header spelling (`X-API-KEY`): as written.
            name.to_string()
        } else {
            name.to_train_case()
        };
        return Some(w);
    }
    None
}

fn is_form(ct: Option<&str>) -> bool {
    ct.is_some_and(|c| c.contains("multipart/form-data") || c.contains("application/x-www-form-urlencoded"))
}

pub fn infer(doc: DocApi, provider: &str, source: Source, file: &str, diags: &mut Diagnostics) -> Api {
    let conv = convention(&doc);
    let mut api_inferred = Evidence::new();
    api_inferred.insert("naming_convention".into(), conv.evidence.clone());

    let base_url = match &doc.base_url {
        Some(u) => {
            if let Some(note) = &doc.base_url_note {
                api_inferred.insert("base_url".into(), note.clone());
            }
            u.clone()
        }
        None => {
            // A base-URL statement whose URL was unreadable has been reported by the flavour.
            if doc.base_url_line == 0 {
                diags.warning(
                    file,
                    1,
                    "expected `All URIs are relative to <base URL>` before the method table; the client \
                     will require `Client::builder().base_url(..)`",
                );
            }
            api_inferred.insert(
                "base_url".into(),
                "the doc states no base URL: none is assumed, the client requires one at build time".into(),
            );
            String::new()
        }
    };

    let mut operations = Vec::new();
    for op in &doc.ops {
        let mut local = Diagnostics::default();
        let o = infer_op(op, &conv, file, &mut local);
        if local.has_errors() {
            diags.skip_operation(&op.name, local);
        } else {
            diags.extend(local);
            operations.push(o);
        }
    }
    // Schemes used only by skipped operations are still declared: harmless, and the
    // README's statements about them stay visible.

    // Schemes: those the example code describes, in order, then any named only in an
    // Authorization section.
    let mut auth_schemes: Vec<AuthScheme> = Vec::new();
    for s in &doc.schemes {
        let mut inferred = Evidence::new();
        inferred.insert("kind".into(), s.evidence.clone());
        let (location, param_name) = if s.kind == AuthKind::ApiKey {
            let name = s.key_name.clone().unwrap_or_else(|| s.name.clone());
            inferred.insert(
                "in".into(),
                "guess: the example code never says where the API key travels; clients send it as a \
                 header unless configured otherwise"
                    .into(),
            );
            inferred.insert(
                "param_name".into(),
                match &s.key_name {
                    Some(k) => format!("`{k}` is the key the example code configures"),
                    None => "guess: the example code names no key; the scheme's name is used".into(),
                },
            );
            (Some(KeyLocation::Header), Some(name))
        } else {
            (None, None)
        };
        auth_schemes.push(AuthScheme {
            location,
            param_name,
            inferred,
            ..AuthScheme::new(s.name.clone(), s.kind)
        });
    }
    for op in &doc.ops {
        for name in &op.auth {
            if !auth_schemes.iter().any(|s| &s.name == name) {
                // A guess the README may settle: `flavour::schemes::resolve` warns about it if not.
                let mut inferred = Evidence::new();
                inferred.insert("kind".into(), "no example code describes this scheme; assumed".into());
                auth_schemes.push(AuthScheme {
                    location: Some(KeyLocation::Header),
                    param_name: Some(name.clone()),
                    inferred,
                    ..AuthScheme::new(name.clone(), AuthKind::ApiKey)
                });
            }
        }
    }

    Api {
        provider: provider.to_string(),
        title: doc.title.clone(),
        package: doc.package.clone(),
        source: Some(source),
        base_url,
        auth_schemes,
        operations,
        models: Vec::new(),
        inferred: api_inferred,
        overridden: Vec::new(),
    }
}

fn infer_op(op: &DocOp, conv: &Convention, file: &str, diags: &mut Diagnostics) -> Operation {
    let mut inferred = Evidence::new();
    // A malformed path is reported once, not again for each placeholder it seems to have.
    let phs = match check_braces(&op.path) {
        Ok(()) => placeholders(&op.path),
        Err(problem) => {
            diags.error(file, op.line, format!("path `{}` of `{}` {problem}", op.path, op.name));
            Vec::new()
        }
    };
    let ct = op.content_type.as_deref();
    let bodyless = matches!(op.method.as_str(), "GET" | "HEAD" | "DELETE" | "OPTIONS");
    let structured = |p: &DocParam| p.model_link || p.ty.is_structured();
    // Form fields: form types alone, or form beside JSON when the parameters are plainly
    // fields (no model to be the JSON body); never on a GET.
    let has_model = op.params.iter().any(|p| p.stated_location.is_none() && structured(p) && p.ty != TypeRef::Binary);
    let form = is_form(ct) && op.method != "GET" && op.method != "HEAD" && !(lists_json(ct) && has_model);
    let ctx = OpText::new(op);
    let mut params: Vec<Param> = Vec::new();
    let mut has_body = false;
    for p in &op.params {
        let param = infer_param(p, op, &phs, form, bodyless, &mut has_body, conv, &ctx, file, diags);
        params.push(param);
    }
    for ph in &phs {
        if !params.iter().any(|p| p.location == Location::Path && &p.wire_name == ph) {
            // Some SDKs fill such placeholders from their configuration; some docs are broken.
            // Either way the caller must supply the value: a required string.
            let name = flatten(ph);
            diags.repaired(
                file,
                op.line,
                format!(
                    "path placeholder `{{{ph}}}` of `{}` has no parameter row; added a required string path parameter `{name}`",
                    op.name
                ),
            );
            let mut ev = Evidence::new();
            ev.insert(
                "location".into(),
                format!("placeholder {{{ph}}} in path has no parameter row in the doc: added as a required string"),
            );
            params.push(Param {
                name,
                wire_name: ph.to_string(),
                location: Location::Path,
                ty: TypeRef::String,
                doc_type: String::new(),
                required: true,
                default: None,
                description: String::new(),
                enum_values: Vec::new(),
                example: None,
                inferred: ev,
                overridden: Vec::new(),
            });
        }
    }
    if let Some(note) = &op.path_note {
        inferred.insert("path".into(), note.clone());
    }
    let mut content_type = op.content_type.clone();
    if has_body && content_type.is_none() {
        if params.iter().any(|p| p.location == Location::Body && p.ty == TypeRef::Binary) {
            content_type = Some("application/octet-stream".into());
            inferred.insert(
                "content_type".into(),
                "a file body documented with Content-Type `Not defined`".into(),
            );
        } else {
            content_type = Some("application/json".into());
            inferred.insert(
                "content_type".into(),
                "a JSON body documented with Content-Type `Not defined`".into(),
            );
        }
    }
    if !has_body && !params.iter().any(|p| p.location == Location::Form) && content_type.is_some() {
        // A content type with nothing to send is kept as documented; the renderer sends no body.
    }
    if !op.also_in.is_empty() {
        inferred.insert(
            "also_documented_in".into(),
            format!("the same operation is also documented in {}; kept once", op.also_in.join(", ")),
        );
    }
    let security: Vec<Vec<String>> = op.auth.iter().map(|s| vec![s.clone()]).collect();
    if security.len() > 1 {
        inferred.insert(
            "security".into(),
            format!(
                "the Authorization section lists {} schemes; each is an alternative, and every configured one is sent",
                security.len()
            ),
        );
    }
    Operation {
        name: op.name.clone(),
        group: op.group.clone(),
        method: op.method.clone(),
        path: op.path.clone(),
        summary: op.summary.clone(),
        description: op.description.clone(),
        params,
        response: op.return_type.clone(),
        responses: op.statuses.clone(),
        security,
        security_exact: false,
        content_type,
        accept: op.accept.clone(),
        pagination: None,
        inferred,
        overridden: Vec::new(),
        line: op.line,
    }
}

/// The prose of one operation, where parameters' names may be spelled out.
struct OpText {
    text: String,
}

impl OpText {
    fn new(op: &DocOp) -> Self {
        let mut text = format!("{}\n{}\n", op.summary, op.description);
        for p in &op.params {
            text.push_str(&p.description);
            text.push('\n');
        }
        OpText { text }
    }
}

/// JSON among the listed content types (`application/json, application/x-www-form-urlencoded`).
fn lists_json(ct: Option<&str>) -> bool {
    ct.is_some_and(|c| c.split(',').any(|c| c.trim().contains("json")))
}

/// A content type that is neither JSON nor a form: a raw body (`text/plain`, `*/*`, binary).
fn raw_content_type(ct: Option<&str>) -> Option<&str> {
    let ct = ct?;
    if lists_json(Some(ct)) || is_form(Some(ct)) {
        return None;
    }
    ct.split(',').map(str::trim).find(|c| !c.is_empty())
}

fn says_cookie(p: &DocParam, bare: &str) -> bool {
    let d = p.description.to_ascii_lowercase();
    bare.to_ascii_lowercase().contains("cookie") || d.contains(" cookie") || d.starts_with("cookie")
}

#[allow(clippy::too_many_arguments)]
fn infer_param(
    p: &DocParam,
    op: &DocOp,
    phs: &[&str],
    form: bool,
    bodyless: bool,
    has_body: &mut bool,
    conv: &Convention,
    ctx: &OpText,
    file: &str,
    diags: &mut Diagnostics,
) -> Param {
    let bare = unescape(&p.name, conv.language);
    let bare: &str = &bare;
    let mut inferred = Evidence::new();
    let mut required = p.required;
    let ct = op.content_type.as_deref();
    let structured = p.model_link || p.ty.is_structured();
    let (location, wire_name) = if let Some((loc, why)) = &p.stated_location {
        let wire = p.stated_wire_name.clone().unwrap_or_else(|| bare.to_string());
        let wire = match loc {
            Location::Path => phs
                .iter()
                .find(|ph| fold(ph) == fold(&wire))
                .map(|ph| ph.to_string())
                .unwrap_or(wire),
            Location::Body => p.name.clone(),
            _ => wire,
        };
        if *loc == Location::Body {
            *has_body = true;
        }
        if *loc == Location::Path {
            required = true;
        }
        inferred.insert("location".into(), Confidence::Strong.tag(why));
        (*loc, wire)
    } else if let Some(ph) = phs
        .iter()
        .find(|ph| fold(ph) == fold(bare))
        .or_else(|| phs.iter().find(|ph| fold(&spell_symbols(ph)) == fold(bare)))
    {
        inferred.insert("location".into(), format!("placeholder {{{ph}}} in path"));
        if !required {
            diags.warning(file, p.line, format!("path parameter `{}` is marked optional; path parameters are required", p.name));
            required = true;
        }
        (Location::Path, ph.to_string())
    } else if let Some(h) = header_wire_name(bare).filter(|_| !(form && fold(bare) == "contenttype")) {
        // (A form's own Content-Type is the client's to set: there, `content_type` is a field.)
        let (w, why) = header_spelling(bare, &h, p, ctx);
        inferred.insert("location".into(), format!("`{bare}` is a conventional header name"));
        inferred.insert("wire_name".into(), why);
        (Location::Header, w)
    } else if says_cookie(p, bare) && !structured {
        inferred.insert("location".into(), Confidence::Weak.tag(&format!("`{bare}`: the name or description says cookie")));
        let w = query_wire(bare, p, conv, ctx, &mut inferred);
        (Location::Cookie, w)
    } else if p.ty == TypeRef::Binary && !form && ct.is_none() && bare == "body" && !*has_body {
        *has_body = true;
        inferred.insert(
            "location".into(),
            Confidence::Weak.tag("a file named `body` with Content-Type `Not defined`: the raw body"),
        );
        (Location::Body, p.name.clone())
    } else if p.ty == TypeRef::Binary && !form && raw_content_type(ct).is_none() {
        inferred.insert("location".into(), format!("file parameter (`{}`) sent as a multipart part", p.doc_type));
        (Location::Form, query_wire(bare, p, conv, ctx, &mut inferred))
    } else if form && !(structured && lists_json(ct)) {
        inferred.insert(
            "location".into(),
            format!("Content-Type `{}`", op.content_type.as_deref().unwrap_or_default()),
        );
        (Location::Form, query_wire(bare, p, conv, ctx, &mut inferred))
    } else if !*has_body && raw_content_type(ct).is_some() && (bare == "body" || p.ty == TypeRef::Binary || structured || p.ty == TypeRef::String && op.params.iter().filter(|q| q.stated_location.is_none()).count() == 1) {
        *has_body = true;
        inferred.insert(
            "location".into(),
            format!("the only body-like parameter with Content-Type `{}`", ct.unwrap_or_default()),
        );
        (Location::Body, p.name.clone())
    } else if !*has_body
        // Go names an inline array body `requestBody` (`**requestBody** | **[]string**`).
        && (bare == "body" || structured || (bare == "requestBody" && lists_json(ct)))
        && (lists_json(ct) || (ct.is_none() && (!bodyless || bare == "body") && !p.enum_link))
    {
        *has_body = true;
        let why = if structured {
            format!("structured type `{}`", p.ty)
        } else {
            format!("named `{bare}`")
        };
        let ct = match &op.content_type {
            Some(c) => format!("Content-Type `{c}`"),
            None => "Content-Type `Not defined`".into(),
        };
        inferred.insert("location".into(), format!("{why} with {ct}"));
        (Location::Body, p.name.clone())
    } else {
        inferred.insert("location".into(), "not in the path, not a header name, not a body: query".into());
        (Location::Query, query_wire(bare, p, conv, ctx, &mut inferred))
    };
    if let (Location::Form, true, Some(note)) = (location, required, &p.required_note) {
        inferred.insert("required".into(), note.clone());
    }
    Param {
        name: p.name.clone(),
        wire_name,
        location,
        ty: p.ty.clone(),
        doc_type: p.doc_type.clone(),
        required,
        default: p.default.clone(),
        description: p.description.clone(),
        enum_values: p.enum_values.clone(),
        example: op.examples.get(&p.name).cloned(),
        inferred,
        overridden: Vec::new(),
    }
}

/// A query, form or cookie parameter's wire name, strongest evidence first: the doc's
/// own statement, a spelling in its description or its operation's text, a path
/// placeholder of the same name, a JSON key of the same name, the API's convention;
/// otherwise the doc's name, as a guess when it has several words.
fn query_wire(bare: &str, p: &DocParam, conv: &Convention, ctx: &OpText, inferred: &mut Evidence) -> String {
    if let Some(w) = &p.stated_wire_name {
        return w.clone();
    }
    let multi_word = !matches!(classify(bare), Case::Word);
    if let Some(w) = spelled_in(&p.description, bare, false) {
        inferred.insert("wire_name".into(), Confidence::Strong.tag(&format!("spelled `{w}` in its description")));
        return w.to_string();
    }
    if let Some(w) = spelled_in(&ctx.text, bare, false) {
        inferred.insert("wire_name".into(), Confidence::Strong.tag(&format!("spelled `{w}` in the operation's text")));
        return w.to_string();
    }
    if multi_word {
        if let Some(ph) = conv.placeholders.get(&fold(bare)).filter(|ph| ph.as_str() != bare) {
            inferred.insert("wire_name".into(), Confidence::Strong.tag(&format!("written {{{ph}}} as a path placeholder")));
            return ph.clone();
        }
        if let Some(k) = conv.json_keys.get(&fold(bare)).filter(|k| k.as_str() != bare) {
            inferred.insert("wire_name".into(), Confidence::Weak.tag(&format!("written `{k}` as a key of the doc's JSON examples")));
            return k.clone();
        }
    }
    wire(bare, conv, inferred)
}

fn wire(bare: &str, conv: &Convention, inferred: &mut Evidence) -> String {
    let w = match (conv.case, classify(bare)) {
        (Some(Case::Camel), Case::Snake) => bare.to_lower_camel_case(),
        (Some(Case::Snake), Case::Camel) => heck::ToSnakeCase::to_snake_case(bare),
        _ => bare.to_string(),
    };
    if w != bare {
        inferred.insert("wire_name".into(), conv.confidence.tag(&conv.evidence));
    } else if !matches!(classify(bare), Case::Word) {
        // Several words, written as the doc writes them: a guess unless the API agrees.
        let c = if conv.case.is_some() { conv.confidence } else { Confidence::Guess };
        inferred.insert("wire_name".into(), c.tag(&conv.evidence));
    }
    w
}

/// A header's spelling: one in the doc's text (`X-Registry-ArtifactId`) beats the
/// conventional `X-Request-Id` form.
fn header_spelling(bare: &str, conventional: &str, p: &DocParam, ctx: &OpText) -> (String, String) {
    if let Some(w) = spelled_in(&p.description, bare, true).filter(|w| w.contains('-')) {
        return (w.to_string(), Confidence::Strong.tag(&format!("spelled `{w}` in its description")));
    }
    if let Some(w) = spelled_in(&ctx.text, bare, true).filter(|w| w.contains('-')) {
        return (w.to_string(), Confidence::Strong.tag(&format!("spelled `{w}` in the operation's text")));
    }
    (
        conventional.to_string(),
        Confidence::Weak.tag(&format!("header names are written `{conventional}`")),
    )
}

// ---------------------------------------------------------------------------------------
// Models and README facts.

use crate::flavour::DocModel;
use crate::ir::{Field, Model, ModelKind};
use std::collections::BTreeMap;

/// Models from model docs, JSON names inferred from the API's naming convention (or the
/// keys of a JSON example of that model, where the doc has one).
pub fn add_models(api: &mut Api, docs: &[DocModel], conv: &Convention, diags: &mut Diagnostics) {
    // JSON example keys per model, from parameter examples.
    let mut example_keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for op in &api.operations {
        for p in &op.params {
            if let (TypeRef::Model(m), Some(serde_json::Value::Object(obj))) = (&p.ty, &p.example) {
                example_keys.entry(m.clone()).or_default().extend(obj.keys().cloned());
            }
        }
    }
    for d in docs {
        if api.models.iter().any(|m| m.name == d.name) {
            diags.error(&d.file, d.line, format!("model `{}` is documented twice", d.name));
            continue;
        }
        let mut model = Model {
            name: d.name.clone(),
            kind: if d.is_enum { ModelKind::Enum } else { ModelKind::Object },
            description: d.description.clone(),
            fields: Vec::new(),
            enum_values: d.enum_values.clone(),
            variants: Vec::new(),
            discriminator: None,
            inferred: Evidence::new(),
            overridden: Vec::new(),
        };
        if d.is_enum && d.enum_values.is_empty() {
            diags.warning(&d.file, d.line, format!("enum model `{}` lists no values; any string is accepted", d.name));
        }
        let keys = example_keys.get(&d.name);
        for f in &d.fields {
            if model.fields.iter().any(|x| x.name == f.name) {
                diags.warning(
                    &d.file,
                    f.line,
                    format!(
                        "model `{}` lists property `{}` twice (the docs' names lost a distinction, such as \
                         `fooBar` and `foo_bar`); the second is left out",
                        d.name, f.name
                    ),
                );
                continue;
            }
            let bare = unescape_python(&f.name);
            let mut inferred = Evidence::new();
            let from_example = keys.and_then(|ks| ks.iter().find(|k| fold(k) == fold(bare)));
            let wire_name = match from_example {
                Some(k) => {
                    inferred.insert("wire_name".into(), format!("key `{k}` of the doc's JSON example"));
                    k.clone()
                }
                // A key the docs write as sent (`_links`, `@type`, `expiryMonth`) is kept as written.
                None if !crate::flavour::models::is_python_attribute(bare) => bare.to_string(),
                None => wire(bare, conv, &mut inferred),
            };
            let mut ty = f.ty.clone();
            if !f.enum_values.is_empty() && ty == TypeRef::String {
                inferred.insert("enum_values".into(), "inline enum listed in the notes".into());
            }
            if let TypeRef::Model(m) = &ty {
                if m.is_empty() {
                    ty = TypeRef::String;
                }
            }
            model.fields.push(Field {
                name: f.name.clone(),
                wire_name,
                ty,
                required: f.required,
                nullable: f.nullable,
                read_only: f.read_only,
                default: f.default.clone(),
                description: f.description.clone(),
                inferred,
                overridden: Vec::new(),
            });
        }
        api.models.push(model);
    }
    api.models.sort_by(|a, b| a.name.cmp(&b.name));
}

/// A parameter the doc types with an enum's name but links to no doc (`[**Priority**](.md)`,
/// read as a string) is that enum when the doc set has its model doc: it gets the enum's
/// type, with the evidence.
pub fn enum_params_from_models(api: &mut Api) {
    let enums: Vec<String> = api.models.iter().filter(|m| m.kind == ModelKind::Enum).map(|m| m.name.clone()).collect();
    for op in &mut api.operations {
        for p in &mut op.params {
            if p.ty != TypeRef::String || p.location == Location::Body {
                continue;
            }
            let spelled = p.doc_type.trim().trim_matches('*').trim();
            let last = spelled.rsplit(['\\', '.', ':']).next().unwrap_or(spelled);
            if let Some(name) = enums.iter().find(|e| e.as_str() == last) {
                p.ty = TypeRef::Model(name.clone());
                p.inferred.insert("type".into(), format!("`{spelled}` is the enum of model doc `{name}`"));
            }
        }
    }
}

/// A PATCH body's optional fields can be sent as `null` to clear them: the docs never say
/// which fields are nullable, and PATCH is where omitting and clearing differ.
pub fn patch_bodies_are_nullable(api: &mut Api) {
    let mut patch_models: Vec<(String, String)> = Vec::new();
    for op in api.operations.iter().filter(|o| o.method == "PATCH") {
        for p in op.params.iter().filter(|p| p.location == Location::Body) {
            if let TypeRef::Model(m) = &p.ty {
                patch_models.push((m.clone(), op.name.clone()));
            }
        }
    }
    for (name, op) in patch_models {
        if let Some(m) = api.models.iter_mut().find(|m| m.name == name && m.kind == ModelKind::Object) {
            for f in m.fields.iter_mut().filter(|f| !f.required && !f.nullable) {
                f.nullable = true;
                f.inferred.insert(
                    "nullable".into(),
                    format!("optional field of the body of PATCH operation `{op}`: `null` clears it, leaving it out keeps it"),
                );
            }
        }
    }
}

/// Models the doc does not describe but shows a JSON example of: fields, nesting and JSON
/// types as the example has them, every field optional (an example cannot tell).
pub fn models_from_examples(api: &mut Api) {
    let mut found: Vec<Model> = Vec::new();
    for op in &api.operations {
        for p in &op.params {
            let (TypeRef::Model(m), Some(serde_json::Value::Object(obj))) = (&p.ty, &p.example) else { continue };
            if api.models.iter().any(|x| &x.name == m) || found.iter().any(|x| &x.name == m) {
                continue;
            }
            let evidence = format!("JSON example of parameter `{}` of `{}`", p.name, op.name);
            example_model(m, obj, &evidence, &mut found);
        }
    }
    api.models.extend(found);
    api.models.sort_by(|a, b| a.name.cmp(&b.name));
}

fn example_model(name: &str, obj: &serde_json::Map<String, serde_json::Value>, evidence: &str, out: &mut Vec<Model>) {
    let mut fields = Vec::new();
    for (key, value) in obj {
        let ty = example_type(name, key, value, evidence, out);
        let mut inferred = Evidence::new();
        inferred.insert("type".into(), format!("value `{}` in the {evidence}", short_json(value)));
        fields.push(Field {
            name: heck::ToSnakeCase::to_snake_case(key.as_str()),
            wire_name: key.clone(),
            ty,
            required: false,
            nullable: value.is_null(),
            read_only: false,
            default: None,
            description: String::new(),
            inferred,
            overridden: Vec::new(),
        });
    }
    let mut inferred = Evidence::new();
    inferred.insert("fields".into(), format!("keys of the {evidence}; all optional, since an example cannot tell"));
    if !out.iter().any(|m| m.name == name) {
        out.push(Model {
            name: name.to_string(),
            kind: ModelKind::Object,
            description: String::new(),
            fields,
            enum_values: Vec::new(),
            variants: Vec::new(),
            discriminator: None,
            inferred,
            overridden: Vec::new(),
        });
    }
}

fn short_json(v: &serde_json::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

fn example_type(parent: &str, key: &str, v: &serde_json::Value, evidence: &str, out: &mut Vec<Model>) -> TypeRef {
    use serde_json::Value;
    match v {
        Value::Null => TypeRef::Any,
        Value::Bool(_) => TypeRef::Boolean,
        Value::Number(n) if n.is_i64() || n.is_u64() => TypeRef::Integer,
        Value::Number(_) => TypeRef::Number,
        Value::String(_) => TypeRef::String,
        Value::Array(items) => match items.first() {
            Some(first) => TypeRef::List(Box::new(example_type(parent, &format!("{key}Item"), first, evidence, out))),
            None => TypeRef::List(Box::new(TypeRef::Any)),
        },
        Value::Object(obj) => {
            let name = format!("{parent}{}", heck::ToUpperCamelCase::to_upper_camel_case(key));
            example_model(&name, obj, evidence, out);
            TypeRef::Model(name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each language's escapes of a name undone: the name the wire name derives from.
    #[test]
    fn reserved_word_and_symbol_escapes_are_undone() {
        for (lang, written, bare) in [
            ("python", "_from", "from"), ("python", "var_self", "self"), ("python", "var_name", "var_name"),
            ("kotlin", "`internal`", "internal"), ("kotlin", "ifMinusNoneMinusMatch", "if-none-match"),
            ("kotlin", "includeMinusReviews", "include-reviews"), ("kotlin", "xminusStorageMinusRegion", "x-storage-region"), ("kotlin", "Minus", "Minus"),
            ("kotlin", "timeMinusoffset", "timeMinusoffset"), ("csharp", "varInternal", "internal"),
            ("csharp", "variable", "variable"), ("csharp", "varName", "varName"), ("php", "$user_id", "user_id"),
            ("csharp", "@class", "class"), ("r", "idempotency.key", "idempotency_key"), ("java", "_default", "default"),
        ] {
            assert_eq!(unescape(written, lang), bare, "{lang} `{written}`");
        }
    }

    #[test]
    fn cases() {
        let cases = [
            ("userId", Case::Camel),
            ("user_id", Case::Snake),
            ("USER_ID", Case::Screaming),
            ("user-id", Case::Kebab),
            ("id", Case::Word),
            ("PROVIDER", Case::Other),
            ("a b", Case::Other),
        ];
        for (s, c) in cases {
            assert_eq!(classify(s), c, "{s}");
        }
    }

    #[test]
    fn python_escapes() {
        assert_eq!(unescape_python("_from"), "from");
        assert_eq!(unescape_python("var_from"), "from");
        assert_eq!(unescape_python("var_self"), "self");
        assert_eq!(unescape_python("_id"), "_id");
        assert_eq!(unescape_python("variable"), "variable");
    }

    #[test]
    fn braces_in_paths() {
        for ok in ["/", "/pets", "/pets/{petId}", "/a/{x}/b/{y}.json", "/{a}{b}"] {
            assert_eq!(check_braces(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("/pets/{petId", "never closed"),
            ("/pets/petId}", "closes no placeholder"),
            ("/pets/{}", "empty placeholder"),
            ("/pets/{a{b}}", "inside a placeholder"),
        ] {
            assert!(check_braces(bad).unwrap_err().contains(why), "{bad}");
        }
    }

    #[test]
    fn placeholders_in_order() {
        assert_eq!(placeholders("/a/{BANK_ID}/b/{userId}"), ["BANK_ID", "userId"]);
        assert!(placeholders("/users/email/EMAIL/terminator").is_empty());
    }

    fn param(name: &str, ty: TypeRef) -> DocParam {
        DocParam {
            name: name.into(),
            line: 1,
            doc_type: ty.to_string(),
            ty,
            model_link: false,
            enum_link: false,
            description: String::new(),
            required: true,
            default: None,
            enum_values: Vec::new(),
            stated_location: None,
            stated_wire_name: None,
            required_note: None,
        }
    }

    fn model(name: &str) -> DocParam {
        DocParam {
            model_link: true,
            ..param(name, TypeRef::Model("Pet".into()))
        }
    }

    /// Infers one operation `path` with `params`, under a naming convention.
    fn infer_with(path: &str, content_type: Option<&str>, params: Vec<DocParam>, case: Option<Case>) -> (Operation, Diagnostics) {
        let op = DocOp {
            name: "op".into(),
            line: 5,
            method: "POST".into(),
            path: path.into(),
            params,
            content_type: content_type.map(String::from),
            ..DocOp::default()
        };
        let conv = Convention {
            case,
            evidence: "test convention".into(),
            confidence: Confidence::Weak,
            ..Convention::default()
        };
        let mut d = Diagnostics::default();
        let o = infer_op(&op, &conv, "f.md", &mut d);
        (o, d)
    }

    fn placed(o: &Operation) -> Vec<(&str, Location, &str)> {
        o.params.iter().map(|p| (p.name.as_str(), p.location, p.wire_name.as_str())).collect()
    }

    #[test]
    fn path_params_match_placeholders_ignoring_case_and_underscores() {
        let mut opt = param("bank_id", TypeRef::String);
        opt.required = false;
        let (o, d) = infer_with(
            "/banks/{BANK_ID}/users/{userId}",
            None,
            vec![opt, param("user_id", TypeRef::String)],
            Some(Case::Snake),
        );
        assert_eq!(placed(&o), [("bank_id", Location::Path, "BANK_ID"), ("user_id", Location::Path, "userId")]);
        // A path parameter is required whatever the doc says, with a warning.
        assert!(o.params[0].required);
        assert_eq!(d.warnings().count(), 1);
        assert!(!d.has_errors());
    }

    #[test]
    fn upper_case_literal_path_words_are_not_params() {
        let (o, d) = infer_with("/users/email/EMAIL/terminator", None, vec![param("email", TypeRef::String)], None);
        assert_eq!(placed(&o), [("email", Location::Query, "email")]);
        assert!(d.items.is_empty());
    }

    #[test]
    fn a_placeholder_without_a_param_is_repaired_as_a_required_string() {
        let (o, d) = infer_with("/pets/{petId}", None, vec![param("id", TypeRef::String)], None);
        let w: Vec<_> = d.warnings().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(
            w,
            [(5, "path placeholder `{petId}` of `op` has no parameter row; added a required string path parameter `pet_id`")]
        );
        assert!(!d.has_errors());
        assert_eq!(d.tally.repaired, 1);
        let p = o.params.iter().find(|p| p.location == Location::Path).unwrap();
        assert_eq!((p.name.as_str(), p.wire_name.as_str(), p.required, &p.ty), ("pet_id", "petId", true, &TypeRef::String));
        assert!(p.inferred["location"].contains("no parameter row"));
    }

    #[test]
    fn punctuated_placeholders_match_flattened_names() {
        for (path, name, wire) in [
            ("/v/{version.kind}", "version_kind", "version.kind"),
            ("/p/{id|slug}", "id_pipe_slug", "id|slug"),
            ("/p/{id|slug}", "idPipeSlug", "id|slug"),
            ("/p/{user-id}", "user_id", "user-id"),
        ] {
            let (o, d) = infer_with(path, None, vec![param(name, TypeRef::String)], None);
            assert_eq!(placed(&o), [(name, Location::Path, wire)], "{path}");
            assert!(d.items.is_empty(), "{path}: {:?}", d.items);
        }
    }

    #[test]
    fn form_content_types_put_params_in_the_form() {
        for ct in ["multipart/form-data", "application/x-www-form-urlencoded"] {
            let (o, _) = infer_with("/p", Some(ct), vec![param("note", TypeRef::String), model("status")], None);
            assert_eq!(placed(&o), [("note", Location::Form, "note"), ("status", Location::Form, "status")], "{ct}");
            assert_eq!(o.content_type.as_deref(), Some(ct));
        }
    }

    #[test]
    fn a_binary_param_is_a_form_part_whatever_the_content_type() {
        let (o, _) = infer_with("/p", None, vec![param("file", TypeRef::Binary)], None);
        assert_eq!(placed(&o), [("file", Location::Form, "file")]);
    }

    #[test]
    fn conventional_header_names_become_headers() {
        let (o, _) = infer_with(
            "/p",
            None,
            vec![param("x_request_id", TypeRef::String), param("idempotency_key", TypeRef::String)],
            Some(Case::Camel),
        );
        assert_eq!(
            placed(&o),
            [("x_request_id", Location::Header, "X-Request-Id"), ("idempotency_key", Location::Header, "Idempotency-Key")]
        );
    }

    #[test]
    fn the_body_is_the_first_model_or_body_param_with_a_json_or_undefined_content_type() {
        // Undefined content type: JSON is inferred, with evidence.
        let (o, _) = infer_with("/p", None, vec![model("pet"), model("other")], None);
        assert_eq!(placed(&o), [("pet", Location::Body, "pet"), ("other", Location::Query, "other")]);
        assert_eq!(o.content_type.as_deref(), Some("application/json"));
        assert!(o.inferred.contains_key("content_type"));
        // A plain `body` param counts too; a stated JSON content type is kept.
        let (o, _) = infer_with("/p", Some("application/merge-patch+json"), vec![param("body", TypeRef::String)], None);
        assert_eq!(placed(&o), [("body", Location::Body, "body")]);
        assert_eq!(o.content_type.as_deref(), Some("application/merge-patch+json"));
        assert!(o.inferred.is_empty());
        // Structured types (maps, lists of models, any JSON) are bodies as well.
        let (o, _) = infer_with("/p", Some("application/json"), vec![param("tags", TypeRef::Map(Box::new(TypeRef::String)))], None);
        assert_eq!(o.params[0].location, Location::Body);
        // Neither JSON nor a form: the one body-like parameter is the raw body.
        for ct in ["text/plain", "application/octet-stream", "*/*"] {
            let (o, _) = infer_with("/p", Some(ct), vec![param("body", TypeRef::String)], None);
            assert_eq!(o.params[0].location, Location::Body, "{ct}");
            let (o, _) = infer_with("/p", Some(ct), vec![param("data", TypeRef::Binary), param("limit", TypeRef::Integer)], None);
            assert_eq!(placed(&o), [("data", Location::Body, "data"), ("limit", Location::Query, "limit")], "{ct}");
        }
    }

    #[test]
    fn json_beside_a_form_keeps_the_model_the_body_and_the_rest_in_place() {
        let ct = Some("application/json, application/x-www-form-urlencoded");
        let (o, _) = infer_with("/p", ct, vec![model("pet"), param("dry_run", TypeRef::Boolean)], None);
        assert_eq!(placed(&o), [("pet", Location::Body, "pet"), ("dry_run", Location::Query, "dry_run")]);
        // No model to be the JSON body: the parameters are plainly form fields.
        let (o, _) = infer_with("/p", ct, vec![param("symbol", TypeRef::String), param("price", TypeRef::Number)], None);
        assert_eq!(placed(&o), [("symbol", Location::Form, "symbol"), ("price", Location::Form, "price")]);
    }

    #[test]
    fn a_get_never_has_a_form_or_an_enum_body() {
        let get = |ct: Option<&str>, params: Vec<DocParam>| {
            let op = DocOp {
                name: "op".into(),
                line: 5,
                method: "GET".into(),
                path: "/p".into(),
                params,
                content_type: ct.map(String::from),
                ..DocOp::default()
            };
            let mut d = Diagnostics::default();
            infer_op(&op, &Convention::default(), "f.md", &mut d)
        };
        let o = get(Some("application/x-www-form-urlencoded"), vec![param("symbol", TypeRef::String)]);
        assert_eq!(placed(&o), [("symbol", Location::Query, "symbol")]);
        let enum_param = DocParam {
            enum_link: true,
            ..model("status")
        };
        let o = get(None, vec![enum_param, model("filter")]);
        assert_eq!(placed(&o), [("status", Location::Query, "status"), ("filter", Location::Query, "filter")]);
    }

    #[test]
    fn headers_and_cookies_by_name_and_description() {
        let mut cookie = param("session", TypeRef::String);
        cookie.description = "The session cookie.".into();
        let (o, _) = infer_with(
            "/p",
            None,
            vec![
                param("accept", TypeRef::String),
                param("content_type", TypeRef::String),
                param("if_none_match", TypeRef::String),
                param("range", TypeRef::String),
                param("xNomadToken", TypeRef::String),
                param("cookie", TypeRef::String),
                cookie,
            ],
            None,
        );
        assert_eq!(
            placed(&o),
            [
                ("accept", Location::Header, "Accept"),
                ("content_type", Location::Header, "Content-Type"),
                ("if_none_match", Location::Header, "If-None-Match"),
                ("range", Location::Header, "Range"),
                ("xNomadToken", Location::Header, "X-Nomad-Token"),
                ("cookie", Location::Header, "Cookie"),
                ("session", Location::Cookie, "session"),
            ]
        );
    }

    #[test]
    fn a_spelling_in_the_text_beats_any_convention() {
        let mut dry = param("dry_run", TypeRef::Boolean);
        dry.description = "Fails with `unrecognized dryRun directive` on bad values.".into();
        let mut artifact = param("x_registry_artifact_id", TypeRef::String);
        artifact.description = "Sets the header X-Registry-ArtifactId.".into();
        let (o, _) = infer_with("/p", None, vec![dry, artifact, param("page_size", TypeRef::Integer)], Some(Case::Snake));
        assert_eq!(
            placed(&o),
            [
                ("dry_run", Location::Query, "dryRun"),
                ("x_registry_artifact_id", Location::Header, "X-Registry-ArtifactId"),
                ("page_size", Location::Query, "page_size"),
            ]
        );
        assert!(o.params[0].inferred["wire_name"].starts_with("strong: spelled `dryRun`"));
    }

    #[test]
    fn everything_else_is_a_query_param() {
        let (o, _) = infer_with("/p", None, vec![param("limit", TypeRef::Integer), param("tags", TypeRef::List(Box::new(TypeRef::String)))], None);
        assert_eq!(placed(&o), [("limit", Location::Query, "limit"), ("tags", Location::Query, "tags")]);
    }

    #[test]
    fn wire_names_follow_the_api_convention() {
        let params = || vec![param("page_size", TypeRef::Integer), param("limit", TypeRef::Integer)];
        let (o, _) = infer_with("/p", None, params(), Some(Case::Camel));
        assert_eq!(placed(&o), [("page_size", Location::Query, "pageSize"), ("limit", Location::Query, "limit")]);
        assert_eq!(o.params[0].inferred["wire_name"], "weak: test convention");
        for case in [Some(Case::Snake), None] {
            let (o, _) = infer_with("/p", None, params(), case);
            assert_eq!(placed(&o), [("page_size", Location::Query, "page_size"), ("limit", Location::Query, "limit")]);
        }
    }

    #[test]
    fn python_keyword_escapes_are_undone_on_the_wire() {
        let (o, _) = infer_with("/p", None, vec![param("_from", TypeRef::Date), param("var_from", TypeRef::Date)], Some(Case::Camel));
        assert_eq!(placed(&o), [("_from", Location::Query, "from"), ("var_from", Location::Query, "from")]);
        // A placeholder `{from}` matches the escaped name.
        let (o, _) = infer_with("/since/{from}", None, vec![param("var_from", TypeRef::Date)], None);
        assert_eq!(placed(&o), [("var_from", Location::Path, "from")]);
    }

    #[test]
    fn the_convention_is_the_majority_of_placeholders_and_json_keys() {
        let op = |path: &str, example: Option<serde_json::Value>| DocOp {
            path: path.into(),
            examples: example.into_iter().map(|v| ("body".to_string(), v)).collect(),
            ..DocOp::default()
        };
        let doc = |ops| DocApi { ops, ..DocApi::default() };
        let c = convention(&doc(vec![op("/a/{orderId}", None), op("/b/{customer_id}", Some(serde_json::json!({"createdAt": 1, "lineItems": [{"unitPrice": 2}]})))]));
        assert_eq!(c.case, Some(Case::Camel));
        assert!(c.evidence.contains("placeholder {orderId}"), "{}", c.evidence);
        // Literal path segments vote too: a clearly camelCase API without placeholders.
        let c = convention(&doc(vec![op("/recipes/findByIngredients", None), op("/recipes/analyzeInstructions", None), op("/recipes/{id}/priceBreakdown", None)]));
        assert_eq!(c.case, Some(Case::Camel));
        assert!(c.evidence.contains("path segment `findByIngredients`"), "{}", c.evidence);
        let c = convention(&doc(vec![op("/public/get_book_summary", None), op("/public/get_order_book", None), op("/public/{order_id}", None)]));
        assert_eq!(c.case, Some(Case::Snake));
        // One or two clues decide nothing; nor a tie.
        let c = convention(&doc(vec![op("/a/{order_id}", None), op("/b/{id}", None)]));
        assert_eq!(c.case, None);
        let c = convention(&doc(vec![op("/a/{orderId}", None), op("/b/{customer_id}", None)]));
        assert_eq!(c.case, None);
        assert_eq!(convention(&doc(vec![op("/a/{id}", None)])).case, None);
    }

    /// One camelCase placeholder, among snake_case evidence or none, changes no wire name.
    #[test]
    fn one_camel_case_placeholder_does_not_flip_the_api() {
        let op = |path: &str, params: Vec<DocParam>, example: Option<serde_json::Value>| DocOp {
            name: format!("op{}", path.len()),
            method: "GET".into(),
            path: path.into(),
            params,
            examples: example.into_iter().map(|v| ("body".to_string(), v)).collect(),
            ..DocOp::default()
        };
        let source = || Source {
            files: Vec::new(),
            form: crate::ir::DocForm::Markdown,
            flavour: "python".into(),
        };
        for snake_evidence in [false, true] {
            let mut ops = vec![
                op("/identities/{externalID}", vec![param("external_id", TypeRef::String)], None),
                op("/identities", vec![param("page_size", TypeRef::Integer), param("page_token", TypeRef::String)], None),
            ];
            if snake_evidence {
                ops.push(op("/sessions/whoami", vec![], Some(serde_json::json!({"identity_id": 1, "expires_at": 2}))));
            }
            let doc = DocApi { base_url: Some("https://x".into()), ops, ..DocApi::default() };
            let mut d = Diagnostics::default();
            let api = infer(doc, "p", source(), "f.md", &mut d);
            let list = &api.operations[1];
            assert_eq!(placed(list), [("page_size", Location::Query, "page_size"), ("page_token", Location::Query, "page_token")]);
            assert!(list.params[0].inferred["wire_name"].starts_with("guess: "), "{:?}", list.params[0].inferred);
            // The placeholder itself is matched.
            assert_eq!(placed(&api.operations[0]), [("external_id", Location::Path, "externalID")]);
        }
    }

    /// A query parameter named like a placeholder of the API takes the placeholder's spelling.
    #[test]
    fn a_placeholder_elsewhere_spells_a_query_name() {
        let conv = Convention {
            placeholders: [("userid".to_string(), "userId".to_string())].into(),
            ..Convention::default()
        };
        let op = DocOp {
            name: "op".into(),
            method: "GET".into(),
            path: "/status".into(),
            params: vec![param("user_id", TypeRef::String)],
            ..DocOp::default()
        };
        let o = infer_op(&op, &conv, "f.md", &mut Diagnostics::default());
        assert_eq!(placed(&o), [("user_id", Location::Query, "userId")]);
        assert!(o.params[0].inferred["wire_name"].starts_with("strong: written {userId}"));
    }

    #[test]
    fn a_missing_base_url_is_reported_once() {
        let source = || Source {
            files: Vec::new(),
            form: crate::ir::DocForm::Markdown,
            flavour: "python".into(),
        };
        let mut d = Diagnostics::default();
        let api = infer(DocApi::default(), "p", source(), "f.md", &mut d);
        let e: Vec<_> = d.warnings().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(
            e,
            [(
                1,
                "expected `All URIs are relative to <base URL>` before the method table; the client will \
                 require `Client::builder().base_url(..)`"
            )]
        );
        assert!(!d.has_errors());
        assert_eq!(api.base_url, "");
        assert!(api.inferred["base_url"].contains("no base URL"));
        // The flavour found the statement but not a URL in it, and said so already.
        let mut d = Diagnostics::default();
        infer(DocApi { base_url_line: 3, ..DocApi::default() }, "p", source(), "f.md", &mut d);
        assert!(d.items.is_empty());
    }

    #[test]
    fn one_bad_operation_is_skipped_not_the_api() {
        let source = Source {
            files: Vec::new(),
            form: crate::ir::DocForm::Markdown,
            flavour: "python".into(),
        };
        let good = DocOp {
            name: "good".into(),
            method: "GET".into(),
            path: "/pets".into(),
            ..DocOp::default()
        };
        let bad = DocOp {
            name: "bad".into(),
            method: "GET".into(),
            path: "/pets/{id".into(),
            line: 9,
            ..DocOp::default()
        };
        let doc = DocApi {
            base_url: Some("https://x.org".into()),
            ops: vec![bad, good],
            ..DocApi::default()
        };
        let mut d = Diagnostics::default();
        let api = infer(doc, "p", source, "f.md", &mut d);
        assert_eq!(api.operations.len(), 1);
        assert!(!d.has_errors());
        let w: Vec<_> = d.warnings().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(w[0], (9, "path `/pets/{id` of `bad` has a `{` that is never closed; operation `bad` skipped"));
        assert_eq!(d.tally.skipped, 1);
    }

    #[test]
    fn header_names() {
        for n in ["x_request_id", "idempotency_key", "if_match", "authorization"] {
            assert!(is_header_name(n), "{n}");
        }
        for n in ["limit", "user_id", "xml"] {
            assert!(!is_header_name(n), "{n}");
        }
        assert_eq!("x_request_id".to_train_case(), "X-Request-Id");
    }
}
