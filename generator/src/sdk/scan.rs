//! Line patterns shared by the language readers: string literals, names, the value a line
//! sends, operations collected by name as their code is read.

use super::{fold, At, SdkFacts, SdkOp, SdkParam};
use crate::ir::Location;
use std::collections::BTreeMap;

/// The first string literal in `s` (`'…'`, `"…"` or `` `…` ``): its text and what follows
/// it. Escapes are kept as written except `\"` and `\'`.
pub fn literal(s: &str) -> Option<(String, &str)> {
    let start = s.find(['\'', '"', '`'])?;
    let quote = s[start..].chars().next()?;
    let body = &s[start + 1..];
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, n)) = chars.next() {
                    if n != quote {
                        out.push('\\');
                    }
                    out.push(n);
                }
            }
            c if c == quote => return Some((out, &body[i + 1..])),
            c => out.push(c),
        }
    }
    None
}

/// The first string literal after `marker` in `line`.
pub fn literal_after<'a>(line: &'a str, marker: &str) -> Option<(String, &'a str)> {
    let at = line.find(marker)?;
    literal(&line[at + marker.len()..])
}

/// What follows the first `n` string literals of `s` (all of `s` past them; empty when there
/// are fewer).
pub fn after_literals(s: &str, n: usize) -> &str {
    let mut rest = s;
    for _ in 0..n {
        match literal(rest) {
            Some((_, r)) => rest = r,
            None => return "",
        }
    }
    rest
}

/// Every string literal of a line, in order.
pub fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some((l, r)) = literal(rest) {
        out.push(l);
        rest = r;
        if out.len() > 64 {
            break;
        }
    }
    out
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Names the generated code uses for its own plumbing, never a parameter's value.
const PLUMBING: &[&str] = &[
    "self", "this", "r", "opts", "params", "local_var_params", "localVarOptionals", "options", "nil", "null", "None",
    "true", "false", "new", "await", "String", "Object", "ObjectSerializer", "ApiClient", "configuration", "Value",
    "it", "t", "s", "f", "v",
    // Credentials the configuration sends.
    "apiKey", "api_key", "local_var_value", "local_var_key", "local_var_apikey", "accessToken", "access_token_value",
];

/// The name of the value a line sends, read after the wire name: the first identifier that
/// is not a call, an object whose member is taken, or plumbing; an index or symbol
/// (`local_var_params['book_id']`, `opts[:'book_id']`) gives the literal inside.
pub fn value_name(rest: &str) -> Option<String> {
    value_name_in(rest, false).or_else(|| value_name_in(rest, true))
}

/// [`value_name`]; `members`: an object whose member is taken counts too (the second try:
/// `toMultiValue(types.toList(), "multi")`).
fn value_name_in(rest: &str, members: bool) -> Option<String> {
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        if c == '\'' || c == '"' || c == '`' {
            // A literal outside an index: skip it.
            let (_, after) = literal(&rest[i..])?;
            i = rest.len() - after.len();
            continue;
        }
        if !is_ident_char(c) || c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && is_ident_char(b[i] as char) {
            i += 1;
        }
        let word = rest[start..i].trim_start_matches('$');
        let next = rest[i..].trim_start();
        if next.starts_with("[:") || next.starts_with("['") || next.starts_with("[\"") {
            return literal(next).map(|(l, _)| l);
        }
        // A label (`wrappedValue: x`) names no value.
        if next.starts_with(':') && !next.starts_with("::") {
            continue;
        }
        let member = next.starts_with('.') || next.starts_with("->") || next.starts_with("::") || next.starts_with('?');
        let after_dot = next.trim_start_matches(['.', '?', '!']);
        // `bookId.toString()`, Go's `localVarOptionals.ReturnedAt.Value()`.
        let member_to_string = member && ["toString", "ToString", "to_s", "Value"].iter().any(|m| after_dot.starts_with(m));
        if (next.starts_with('(') || (member && !member_to_string && !members)) || PLUMBING.contains(&word) || word.is_empty() {
            continue;
        }
        return Some(word.to_string());
    }
    None
}

/// One rule: a line holding `marker` sends a value at `location`, under the first string
/// literal after the marker (`wire: true`) or, for a body, under no name.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub marker: &'static str,
    pub location: Location,
    pub wire: bool,
}

/// The parameter a line sends by the first rule whose marker it holds.
pub fn apply_rules(line: &str, rules: &[Rule], file: &str, n: usize) -> Option<SdkParam> {
    for r in rules {
        let Some(at) = line.find(r.marker) else { continue };
        let after = &line[at + r.marker.len()..];
        let (wire, rest) = if r.wire {
            let (w, rest) = literal(after)?;
            (w, rest)
        } else {
            (String::new(), after)
        };
        let name = value_name(rest)?;
        if r.location != Location::Body && (wire.is_empty() || wire.len() > 200) {
            return None;
        }
        // Content negotiation the client does itself, unless a parameter of that name is sent
        // (`localVarHeaderParameter['Content-Type'] = String(contentType)`).
        // (A bare local of that name is the client's own choice: Ruby's `= content_type`.)
        let own = super::fold(&name) == super::fold(&wire) && !name.starts_with('_') && rest.contains('(');
        if r.location == Location::Header && (wire.eq_ignore_ascii_case("Accept") || wire.eq_ignore_ascii_case("Content-Type")) && !own {
            return None;
        }
        let wire = if r.location == Location::Body { name.clone() } else { wire };
        return Some(SdkParam { name, wire_name: wire, location: r.location, at: At { file: file.to_string(), line: n } });
    }
    None
}


/// The `Missing the required parameter 'x'` messages of a line (every template's
/// spelling): the parameter's code name.
pub fn required_message(line: &str) -> Option<String> {
    let l = line;
    for marker in ["Missing the required parameter", "Missing required parameter", "Missing required param:", "missing required parameter"] {
        if let Some(at) = l.find(marker) {
            let rest = l[at + marker.len()..].trim_start();
            let rest = rest.trim_start_matches(['\\', '\'', '"', '`', '$', ' ']);
            let name: String = rest.chars().take_while(|c| is_ident_char(*c)).collect();
            return (!name.is_empty()).then_some(name);
        }
    }
    // Go: `reportError("bookId is required and must be specified")`.
    if let Some((msg, _)) = literal_after(l, "reportError(") {
        if let Some(name) = msg.strip_suffix(" is required and must be specified") {
            return Some(name.to_string());
        }
    }
    None
}

/// Operations of one file collected by name as their pieces are read (a Java file states
/// an operation's parameters in `getBookCall` and its required ones in
/// `getBookValidateBeforeCall`).
#[derive(Debug, Default)]
pub struct Ops {
    ops: BTreeMap<String, SdkOp>,
}

impl Ops {
    /// The operation named `name` (by its folded name), started at `at` when new.
    pub fn op(&mut self, name: &str, at: At) -> &mut SdkOp {
        self.ops.entry(fold(name)).or_insert_with(|| SdkOp { name: name.to_string(), at, ..SdkOp::default() })
    }

    /// Adds a parameter once per (location, wire name).
    pub fn param(&mut self, name: &str, at: At, p: SdkParam) {
        let op = self.op(name, at);
        if !op.params.iter().any(|q| q.location == p.location && q.wire_name == p.wire_name) && op.params.len() < 1000 {
            op.params.push(p);
        }
    }

    pub fn required(&mut self, name: &str, at: At, param: &str, where_: At) {
        let op = self.op(name, at);
        op.required.get_or_insert_with(BTreeMap::new).entry(param.to_string()).or_insert(where_);
    }

    pub fn content_type(&mut self, name: &str, at: At, ct: &str) {
        let op = self.op(name, at);
        if !op.content_types.iter().any(|c| c == ct) && op.content_types.len() < 32 {
            op.content_types.push(ct.to_string());
        }
    }

    /// Every operation with a method or parameters into the facts.
    pub fn finish(self, out: &mut SdkFacts) {
        for (_, op) in self.ops {
            if op.method.is_some() || op.path.is_some() || !op.params.is_empty() {
                out.add_op(op);
            }
        }
    }
}

/// Lines with their 1-based numbers.
pub fn numbered(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l))
}

/// The HTTP method a word names (`'GET'`, `http.MethodGet`, `:GET`, `HttpMethod.Get`).
pub fn http_method(word: &str) -> Option<String> {
    let w = word.trim().trim_start_matches("http.Method").trim_start_matches(':');
    let up = w.to_ascii_uppercase();
    ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"].contains(&up.as_str()).then_some(up)
}

/// A path template: starts with `/`, no spaces.
pub fn is_path(s: &str) -> bool {
    s.starts_with('/') && !s.contains(char::is_whitespace) && s.len() < 2000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_names_skip_plumbing_and_calls() {
        assert_eq!(value_name(", local_var_params['book_id']))").as_deref(), Some("book_id"));
        assert_eq!(value_name(", localVarApiClient.parameterToString(ifNoneMatch));").as_deref(), Some("ifNoneMatch"));
        assert_eq!(value_name(", localVarApiClient.escapeString(bookId.toString()));").as_deref(), Some("bookId"));
        assert_eq!(value_name("] = opts[:'include_reviews'] if !opts[:'include_reviews'].nil?").as_deref(), Some("include_reviews"));
        assert_eq!(value_name(", r.includeReviews, \"form\", \"\")").as_deref(), Some("includeReviews"));
        assert_eq!(value_name(", created_after))").as_deref(), Some("created_after"));
        // An object whose member is taken, where nothing else names the value.
        assert_eq!(value_name(", toMultiValue(types.toList(), \"multi\"))").as_deref(), Some("types"));
        // A label is no value; credentials are none either.
        assert_eq!(value_name(": (wrappedValue: limit?.encodeToJSON(), isExplode: true)").as_deref(), Some("limit"));
        assert_eq!(value_name(", local_var_value)").as_deref(), None);
    }

    #[test]
    fn required_messages_of_every_template() {
        for (line, want) in [
            ("raise ApiValueError(\"Missing the required parameter `book_id` when calling `get_book`\")", "book_id"),
            ("throw new ApiException(\"Missing the required parameter 'bookId' when calling getBook(Async)\");", "bookId"),
            ("fail ArgumentError, \"Missing the required parameter 'book_id' when calling BooksApi.get_book\"", "book_id"),
            ("'Missing the required parameter $book_id when calling getBook'", "book_id"),
            ("throw new ApiException(400, \"Missing required parameter 'bookId' when calling BooksApi->GetBook\");", "bookId"),
            ("return localVarReturnValue, nil, reportError(\"bookId is required and must be specified\")", "bookId"),
        ] {
            assert_eq!(required_message(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn literals_keep_their_text() {
        assert_eq!(literal("x('a\\'b', 2)").map(|(l, _)| l).as_deref(), Some("a'b"));
        assert_eq!(literals("['application/json', \"text/plain\"]"), vec!["application/json", "text/plain"]);
        assert_eq!(literal("unclosed 'abc"), None);
    }
}
