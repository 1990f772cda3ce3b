//! R: `R/*_api.R` (swagger-codegen: `R/*Api.r`), per operation `GetBookWithHttpInfo =
//! function(book_id, include_reviews = NULL, ...)` (arguments without a default required;
//! `Missing required parameter `book_id``): `query_params[["include-reviews"]] <- `include_reviews``,
//! `header_params["If-None-Match"] <- …`, `form_params["caption"] <- …`, `file_params["file"] <- …`,
//! `local_var_body <- `new_book`$toJSONString()`, `gsub("\\{bookId\\}", …(`book_id`)…)`,
//! `method = "GET"`. Models `R/*.R`: the `public = list(` fields and `initialize`'s arguments.

use super::scan::{self, literal, literals, numbered, Ops};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "r", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    rel.starts_with("R/") && (lower.ends_with("_api.r") || lower.ends_with("api.r")) && !lower.ends_with("/api_client.r") && !lower.ends_with("apiclient.r") && !lower.ends_with("api_response.r")
}

fn is_model(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    rel.starts_with("R/") && lower.ends_with(".r") && !is_api(rel) && !lower.contains("api_client") && !lower.contains("apiclient") && !lower.contains("response")
}

const MARKERS: &[(&str, Location)] = &[
    ("query_params[", Location::Query),
    ("queryParams[", Location::Query),
    ("header_params[", Location::Header),
    ("headerParams[", Location::Header),
    ("form_params[", Location::Form),
    ("file_params[", Location::Form),
];

/// The first name of an R expression: `` `book_id` ``, `grant.type`, `curl::form_file(`file`)`'s `file`.
fn r_value(expr: &str) -> Option<String> {
    let e = expr.replace('`', " ");
    let mut rest = e.as_str();
    loop {
        rest = rest.trim_start_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'));
        if rest.is_empty() {
            return None;
        }
        let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.').collect();
        rest = &rest[word.len()..];
        let next = rest.trim_start();
        if next.starts_with('(') || next.starts_with("::") || next.starts_with('$') || word == "NULL" || word.starts_with(|c: char| c.is_ascii_digit()) {
            rest = next.trim_start_matches("::");
            continue;
        }
        return Some(word);
    }
}

/// `GetBookWithHttpInfo = function(book_id, x = NULL, ...)` (swagger-codegen: `get_book =
/// function(…)`): the name and the arguments without a default.
fn op_start(line: &str) -> Option<(&str, Vec<&str>)> {
    let t = line.trim_start();
    let (name, rest) = t.split_once(" = function(")?;
    let name = name.trim().trim_matches('`');
    if name == "initialize" || name.contains(' ') || !line.starts_with("    ") || line.starts_with("      ") {
        return None;
    }
    let args = rest.split(')').next().unwrap_or("");
    let required = args.split(',').map(str::trim).filter(|a| !a.contains('=') && !a.starts_with('.') && *a != "...").collect();
    Some((name.strip_suffix("WithHttpInfo").unwrap_or(name), required))
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    // 4.x: a form as `body <- list("key" = key, …)` over several lines.
    let mut form_list = false;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        if line.trim_start().starts_with('#') {
            continue;
        }
        if form_list {
            let t = line.trim();
            if t.starts_with(')') {
                form_list = false;
            } else if let Some((wire, rest)) = literal(t) {
                if let (Some((op, op_at)), Some(name)) = (current.clone(), r_value(rest.trim_start().trim_start_matches('='))) {
                    ops.param(&op, op_at, SdkParam { name, wire_name: wire, location: Location::Form, at });
                }
            }
            continue;
        }
        if let Some((name, required)) = op_start(line) {
            ops.op(name, at.clone()).required = Some(Default::default());
            for r in required {
                ops.required(name, at.clone(), r.trim_matches('`'), at.clone());
            }
            current = Some((name.to_string(), at));
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        let t = line.trim();
        if t.contains("api_client$") || t.contains("apiClient$") || t.contains("paste(") {
            continue;
        }
        if let Some(p) = scan::required_message(t) {
            ops.required(&op, op_at.clone(), &p, at.clone());
            continue;
        }
        if let Some((p, _)) = scan::literal_after(t, "url_path <- ").or_else(|| scan::literal_after(t, "urlPath <- ")) {
            if scan::is_path(&p) {
                ops.op(&op, op_at.clone()).path = Some(p);
                continue;
            }
        }
        if let Some(rest) = t.split("gsub(").nth(1) {
            let l = literals(rest);
            let (ph, value) = if rest.starts_with("paste0(") {
                (l.get(1).cloned(), rest.split("\\\\}\"),").nth(1).or_else(|| rest.split("}\"),").nth(1)).unwrap_or(""))
            } else {
                (l.first().map(|p| p.replace("\\\\{", "").replace("\\\\}", "").replace("\\{", "").replace("\\}", "")), literal(rest).map_or("", |(_, r)| r))
            };
            if let (Some(ph), Some(name)) = (ph, r_value(value)) {
                ops.param(&op, op_at.clone(), SdkParam { name, wire_name: ph.trim_matches(['{', '}']).to_string(), location: Location::Path, at });
            }
            continue;
        }
        if let Some((m, _)) = scan::literal_after(t, "method = ") {
            if let Some(m) = scan::http_method(&m) {
                ops.op(&op, op_at.clone()).method = Some(m);
            }
            continue;
        }
        if t == "body <- list(" {
            form_list = true;
            continue;
        }
        if let Some(rest) = t.strip_prefix("local_var_body <- ").or_else(|| t.strip_prefix("body <- ")) {
            if let Some(name) = r_value(rest).filter(|n| n != "list") {
                ops.param(&op, op_at.clone(), SdkParam { name: name.clone(), wire_name: name, location: Location::Body, at });
            }
            continue;
        }
        if let Some(rest) = t.split("local_var_content_types <- list(").nth(1) {
            for ct in literals(rest) {
                ops.content_type(&op, op_at.clone(), &ct);
            }
            continue;
        }
        for (marker, loc) in MARKERS {
            let Some((wire, rest)) = scan::literal_after(t, marker) else { continue };
            if *loc == Location::Header && (wire.eq_ignore_ascii_case("Accept") || wire.eq_ignore_ascii_case("Content-Type")) {
                break;
            }
            let value = rest.split("<-").nth(1).unwrap_or("");
            if let Some(name) = r_value(value) {
                ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: *loc, at: at.clone() });
            }
            break;
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut in_public = false;
    let mut required: Option<Vec<String>> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if m.name.is_empty() {
            if let Some((name, _)) = t.split_once(" <- R6::R6Class(") {
                m.name = name.trim().trim_matches('`').to_string();
                m.at = at.clone();
            }
            continue;
        }
        if t.starts_with("public = list(") {
            in_public = true;
            continue;
        }
        if in_public {
            if let Some(rest) = t.strip_prefix("initialize = function(") {
                let args = rest.split(')').next().unwrap_or("");
                required = Some(args.split(',').map(str::trim).filter(|a| !a.contains('=') && *a != "...").map(|a| a.trim_matches('`').to_string()).collect());
                in_public = false;
                continue;
            }
            // `` `createdAt` = NULL, ``
            if let Some(attr) = t.strip_suffix(" = NULL,").or_else(|| t.strip_suffix(" = NULL")) {
                let attr = attr.trim_matches('`').to_string();
                if !attr.is_empty() && !attr.contains(' ') {
                    m.fields.push(SdkField { name: attr.clone(), wire_name: attr, required: None, nullable: None, at });
                }
            }
        }
    }
    if let Some(r) = &required {
        for f in &mut m.fields {
            f.required = Some(r.contains(&f.name));
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r6_api_classes() {
        let src = "    DeleteObjectWithHttpInfo = function(bucket_name, bypass_governance = NULL, ...) {\n      query_params[[\"bypass-governance\"]] <- `bypass_governance`\n      local_var_url_path <- \"/buckets/{bucket_name}\"\n        local_var_url_path <- gsub(\"\\\\{bucket_name\\\\}\", URLencode(as.character(`bucket_name`), reserved = TRUE), local_var_url_path)\n                                 method = \"DELETE\",\n";
        let mut facts = SdkFacts::default();
        api("R/objects_api.R", src, &mut facts);
        let op = &facts.ops["DELETE /buckets/{bucket_name}"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("bypass_governance", "bypass-governance"), ("bucket_name", "bucket_name")]);
        let req = op.required.as_ref().unwrap();
        assert!(req.contains_key("bucket_name") && !req.contains_key("bypass_governance"));
    }
}
