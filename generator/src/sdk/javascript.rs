//! JavaScript (openapi-generator's ES6 and ES5 clients, swagger-codegen's): `src/api/*Api.js`,
//! per operation `getBookWithHttpInfo(bookId, opts)` with its parameter objects (`let
//! queryParams = { 'include-reviews': opts['includeReviews'] };`, `pathParams`, `headerParams`,
//! `cookieParams`, `formParams`), `postBody`, `contentTypes` and `callApi('/books/{bookId}',
//! 'GET', …)`; `Missing the required parameter 'bookId'`. Models `src/model/*.js`
//! (`data.hasOwnProperty('publishedAt')`, `RequiredProperties`).

use super::scan::{self, literal, literals, numbered, Ops};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "javascript", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    rel.contains("api/") && rel.ends_with("Api.js") && !rel.contains("node_modules") && !rel.starts_with("test/")
}

fn is_model(rel: &str) -> bool {
    rel.contains("model/") && rel.ends_with(".js") && !rel.contains("node_modules") && !rel.starts_with("test/")
}

/// `getBookWithHttpInfo(bookId, opts) {` (ES6) or `this.getBookWithHttpInfo = function(` (ES5).
fn op_start(line: &str) -> Option<&str> {
    let t = line.trim_start().trim_start_matches("this.");
    let head = t.split(['(', ' ']).next()?;
    // The callback style (`createBucket(bucketName, opts, callback) {`).
    let callback = t.ends_with("callback) {") && !t.starts_with("function") && !t.starts_with("if ");
    let name = head.strip_suffix("WithHttpInfo").or(callback.then_some(head))?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')).then_some(name)
}

fn block_location(t: &str) -> Option<Location> {
    let t = t.trim_start_matches("let ").trim_start_matches("var ").trim_start_matches("const ");
    let name = t.split_once(" = {").map(|(n, _)| n.trim())?;
    Some(match name {
        "pathParams" => Location::Path,
        "queryParams" => Location::Query,
        "headerParams" => Location::Header,
        "cookieParams" => Location::Cookie,
        "formParams" => Location::Form,
        _ => return None,
    })
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    let mut block: Option<Location> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        if let Some(name) = op_start(line) {
            ops.op(name, at.clone()).required.get_or_insert_with(Default::default);
            current = Some((name.to_string(), at));
            block = None;
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        let t = line.trim();
        if let Some(p) = scan::required_message(t) {
            ops.required(&op, op_at.clone(), &p, at.clone());
            continue;
        }
        if let Some(loc) = block_location(t) {
            block = Some(loc);
            // `let queryParams = {};` or one entry on the same line.
            if t.ends_with("};") || t.ends_with('}') {
                block = None;
            }
            continue;
        }
        if let Some(loc) = block {
            if t.starts_with('}') {
                block = None;
                continue;
            }
            // One entry a line, or several (swagger-codegen): `'q': opts['q'],'pageSize': …`.
            for entry in top_level_commas(t) {
                if let Some((wire, rest)) = literal(entry) {
                    if let Some(name) = scan::value_name(rest.trim_start().trim_start_matches(':')) {
                        ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: loc, at: at.clone() });
                    }
                }
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("let postBody = ").or_else(|| t.strip_prefix("var postBody = ")) {
            if let Some(name) = scan::value_name(rest) {
                ops.param(&op, op_at.clone(), SdkParam { name: name.clone(), wire_name: name, location: Location::Body, at });
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("let contentTypes = [").or_else(|| t.strip_prefix("var contentTypes = [")) {
            for ct in literals(rest) {
                ops.content_type(&op, op_at.clone(), &ct);
            }
            continue;
        }
        let lits = literals(t);
        if t.starts_with(['\'', '"']) && lits.len() >= 2 && scan::is_path(&lits[0]) {
            if let Some(m) = scan::http_method(&lits[1]) {
                let o = ops.op(&op, op_at.clone());
                o.path = Some(lits[0].clone());
                o.method = Some(m);
            }
        }
    }
    ops.finish(out);
}

/// The parts of a line between commas outside brackets and string literals.
fn top_level_commas(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0);
    for (i, c) in line.char_indices() {
        match (c, quote) {
            ('\'' | '"', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            (_, Some(_)) => {}
            ('(' | '[' | '{', None) => depth += 1,
            (')' | ']' | '}', None) => depth -= 1,
            (',', None) if depth == 0 => {
                out.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&line[start..]);
    out
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut required: Option<Vec<String>> = None;
    // `constructor(grantType, clientId) {`: the required properties, in the code's names.
    let mut constructor: Option<Vec<String>> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if m.name.is_empty() {
            if let Some(rest) = t.strip_prefix("class ").or_else(|| t.strip_prefix("var exports = function ")) {
                m.name = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                m.at = at.clone();
            }
        }
        // `if (data.hasOwnProperty('publishedAt')) {`
        if let Some((key, _)) = scan::literal_after(t, "data.hasOwnProperty(") {
            if !m.fields.iter().any(|f| f.wire_name == key) {
                m.fields.push(SdkField { name: key.clone(), wire_name: key, required: None, nullable: None, at });
            }
            continue;
        }
        if constructor.is_none() {
            if let Some(args) = t.strip_prefix("constructor(").or_else(|| t.strip_prefix("var exports = function(")).and_then(|r| r.split(')').next()) {
                constructor = Some(args.split(',').map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect());
            }
        }
        // 7.x: `Book.RequiredProperties = ["title", "authors"];`
        if let Some((_, rest)) = t.split_once(".RequiredProperties = [") {
            required = Some(literals(rest));
        }
    }
    if m.name.is_empty() {
        // The file name names the model.
        m.name = file.rsplit('/').next().unwrap_or(file).trim_end_matches(".js").to_string();
    }
    for f in &mut m.fields {
        if let Some(r) = &required {
            f.required = Some(r.contains(&f.wire_name));
        } else if let Some(args) = &constructor {
            f.required = Some(args.iter().any(|a| super::fold(a) == super::fold(&f.wire_name)));
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn es6_operations() {
        let src = "    listMemberLoansWithHttpInfo(memberId, opts) {\n      let postBody = null;\n        throw new Error(\"Missing the required parameter 'memberId' when calling listMemberLoans\");\n      let pathParams = {\n        'member_id': memberId\n      };\n      let queryParams = {\n        'status': this.apiClient.buildCollectionParam(opts['status'], 'multi'),\n        'dueBefore': opts['dueBefore']\n      };\n      return this.apiClient.callApi(\n        '/members/{member_id}/loans', 'GET',\n";
        let mut facts = SdkFacts::default();
        api("src/api/LoansApi.js", src, &mut facts);
        let op = &facts.ops["GET /members/{member_id}/loans"];
        let got: Vec<(&str, &str, Location)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str(), p.location)).collect();
        assert_eq!(got, vec![("memberId", "member_id", Location::Path), ("status", "status", Location::Query), ("dueBefore", "dueBefore", Location::Query)]);
        assert!(op.required.as_ref().unwrap().contains_key("memberId"));
    }
}
