//! Rust: `src/apis/*_api.rs`. openapi-generator 5.x–7.x (reqwest): `pub async fn get_book(
//! configuration: &configuration::Configuration, book_id: &str, include_reviews: Option<bool>)`
//! (`Option<…>` optional), `format!("{}/books/{bookId}", …, bookId=crate::apis::urlencode(p_path_book_id))`,
//! `req_builder.query(&[("include-reviews", …)])`, `.header("If-None-Match", …)`,
//! `multipart_form.text("caption", …)`, `multipart_form_params.insert(…)`, `.json(&p_body_new_book)`,
//! `reqwest::Method::GET`; 4.x (hyper): `Request::new(hyper::Method::Get, "/books/{bookId}")`,
//! `with_query_param("include-reviews", …)`, `with_path_param`, `with_header_param`,
//! `with_form_param`, `with_body_param`. The value `param_value` is the one the enclosing
//! `if let Some(ref param_value) = include_reviews` names. Models: `#[serde(rename = "publishedAt")]`.

use super::scan::{self, numbered, Ops};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "rust", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    rel.contains("src/apis/") && rel.ends_with("_api.rs")
}

fn is_model(rel: &str) -> bool {
    rel.contains("src/models/") && rel.ends_with(".rs") && !rel.ends_with("mod.rs")
}

const MARKERS: &[(&str, Location)] = &[
    ("with_path_param(", Location::Path),
    (".query(&[(", Location::Query),
    ("with_query_param(", Location::Query),
    (".header(", Location::Header),
    ("with_header_param(", Location::Header),
    ("multipart_form.text(", Location::Form),
    ("multipart_form.file(", Location::Form),
    ("multipart_form.part(", Location::Form),
    ("local_var_form.text(", Location::Form),
    ("form_params.insert(", Location::Form),
    ("with_form_param(", Location::Form),
];

/// `pub async fn get_book(configuration: …, book_id: &str, x: Option<bool>) -> …` (4.x: `fn
/// get_book(&self, …)` in the impl): the name and its arguments with whether each is required.
fn op_start(line: &str) -> Option<(&str, Vec<(&str, bool)>)> {
    let t = line.trim_start();
    let rest = t.strip_prefix("pub async fn ").or_else(|| t.strip_prefix("pub fn ")).or_else(|| t.strip_prefix("fn "))?;
    if t.trim_end().ends_with(';') {
        return None;
    }
    let (name, args) = rest.split_once('(')?;
    if name == "new" || name.contains('<') {
        return None;
    }
    let args = args.split(") ->").next().unwrap_or(args);
    let mut list = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in args.char_indices() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            ',' if depth == 0 => {
                list.push(&args[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    list.push(&args[start..]);
    let list = list
        .into_iter()
        .filter_map(|a| {
            let (n, ty) = a.split_once(':')?;
            let n = n.trim();
            (n != "configuration").then_some((n, !ty.trim().starts_with("Option<")))
        })
        .collect();
    Some((name, list))
}

/// The code's name of a value: `p_query_include_reviews` → `include_reviews`.
fn unprefix(name: &str) -> String {
    for loc in ["path", "query", "header", "cookie", "form", "body"] {
        if let Some(rest) = name.strip_prefix(&format!("p_{loc}_")) {
            return rest.to_string();
        }
    }
    name.to_string()
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    // The value `param_value` / `s` stands for.
    let mut bound: Option<(String, usize)> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        if let Some((name, args)) = op_start(line) {
            ops.op(name, at.clone()).required = Some(Default::default());
            for (a, required) in args {
                if required && a != "&self" && a != "self" {
                    ops.required(name, at.clone(), a, at.clone());
                }
            }
            current = Some((name.to_string(), at));
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        let t = line.trim();
        if t.contains("apikey") || t.contains("api_key") || t.contains("ApiKey") || t.contains("basic_auth") || t.contains("bearer_auth") {
            continue;
        }
        if let Some(rest) = t.strip_prefix("if let Some(ref ").or_else(|| t.strip_prefix("if let Some(")) {
            // `if let Some(ref param_value) = p_query_include_reviews {`; the configuration's
            // credentials are no parameter.
            bound = rest.split(" = ").nth(1).filter(|v| !v.contains("configuration")).map(|v| (unprefix(v.trim_end_matches('{').trim().trim_start_matches('&')), n));
            continue;
        }
        // 7.x names each value by its location: `let p_cookie_storage_session = storage_session;`.
        // A cookie is sent by no line of its own; its name on the wire is not written.
        if let Some(rest) = t.strip_prefix("let p_cookie_") {
            if let Some((name, _)) = rest.split_once(" = ") {
                ops.param(&op, op_at.clone(), SdkParam { name: name.to_string(), wire_name: String::new(), location: Location::Cookie, at });
            }
            continue;
        }
        if let Some(word) = t.split("Method::").nth(1) {
            let w: String = word.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
            if let Some(m) = scan::http_method(&w) {
                ops.op(&op, op_at.clone()).method = Some(m);
            }
        }
        // `format!("{}/books/{bookId}", …, bookId=crate::apis::urlencode(p_path_book_id))`,
        // 4.x `Request::new(hyper::Method::Get, "/books/{bookId}".to_string())`.
        if t.contains("format!(\"{}/") || t.contains("Request::new(") {
            if let Some(p) = scan::literals(t).into_iter().find(|l| l.starts_with("{}/") || scan::is_path(l)) {
                let p = p.trim_start_matches("{}").to_string();
                // The arguments after the template: `bookId=crate::apis::urlencode(p_path_book_id)`, `member_id=member_id`.
                let args = scan::after_literals(t, 1);
                for arg in args.split(',') {
                    let Some((ph, value)) = arg.split_once('=') else { continue };
                    let ph = ph.trim();
                    if ph.is_empty() || !ph.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || !p.contains(&format!("{{{ph}}}")) {
                        continue;
                    }
                    if let Some(var) = scan::value_name(value) {
                        ops.param(&op, op_at.clone(), SdkParam { name: unprefix(&var), wire_name: ph.to_string(), location: Location::Path, at: at.clone() });
                    }
                }
                ops.op(&op, op_at.clone()).path.get_or_insert(p);
            }
            continue;
        }
        if let Some(rest) = t.split(".json(&").nth(1) {
            let name = unprefix(rest.split(')').next().unwrap_or("").trim());
            ops.param(&op, op_at.clone(), SdkParam { name: name.clone(), wire_name: name, location: Location::Body, at });
            continue;
        }
        if let Some(rest) = t.split("with_body_param(").nth(1) {
            let name = unprefix(rest.split([')', '.']).next().unwrap_or("").trim());
            ops.param(&op, op_at.clone(), SdkParam { name: name.clone(), wire_name: name, location: Location::Body, at });
            continue;
        }
        for (marker, loc) in MARKERS {
            let Some((wire, rest)) = scan::literal_after(t, marker) else { continue };
            if *loc == Location::Header && (wire.eq_ignore_ascii_case("Accept") || wire.eq_ignore_ascii_case("Content-Type") || wire.eq_ignore_ascii_case("User-Agent")) {
                break;
            }
            let value = scan::value_name(rest).map(|v| unprefix(&v));
            let name = match value.as_deref() {
                // The value bound a few lines above, not one of an earlier block.
                Some("param_value" | "s") | None => bound.clone().filter(|(_, at)| n - at <= 3).map(|(b, _)| b),
                Some("value") => None,
                Some(_) => value,
            };
            if let Some(name) = name.filter(|n| !n.is_empty()) {
                ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: *loc, at: at.clone() });
            }
            break;
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut rename: Option<String> = None;
    let mut optional_attr = false;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if m.name.is_empty() {
            if let Some(rest) = t.strip_prefix("pub struct ") {
                m.name = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                m.at = at.clone();
            }
            continue;
        }
        if t.starts_with("#[serde(") {
            if let Some((k, _)) = scan::literal_after(t, "rename = ") {
                rename = Some(k);
            }
            optional_attr |= t.contains("skip_serializing_if");
            continue;
        }
        if let Some(rest) = t.strip_prefix("pub ") {
            let Some((attr, ty)) = rest.split_once(':') else { continue };
            let attr = attr.trim().trim_start_matches("r#").to_string();
            let optional = ty.trim().starts_with("Option<") || optional_attr;
            let nullable = ty.trim().starts_with("Option<Option<");
            let wire = rename.take().unwrap_or_else(|| attr.clone());
            m.fields.push(SdkField { name: attr, wire_name: wire, required: Some(!optional), nullable: nullable.then_some(true), at });
            optional_attr = false;
        }
        if t == "}" {
            break;
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reqwest_and_hyper_clients() {
        let src = "pub async fn delete_object(configuration: &configuration::Configuration, bucket_name: &str, bypass_governance: Option<bool>) -> Result<(), Error<DeleteObjectError>> {\n    let uri_str = format!(\"{}/buckets/{bucket_name}\", configuration.base_path, bucket_name=crate::apis::urlencode(p_path_bucket_name));\n    let mut req_builder = configuration.client.request(reqwest::Method::DELETE, &uri_str);\n    if let Some(ref param_value) = p_query_bypass_governance {\n        req_builder = req_builder.query(&[(\"bypass-governance\", &param_value.to_string())]);\n";
        let mut facts = SdkFacts::default();
        api("src/apis/objects_api.rs", src, &mut facts);
        let op = &facts.ops["DELETE /buckets/{bucket_name}"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("bucket_name", "bucket_name"), ("bypass_governance", "bypass-governance")]);
        assert!(op.required.as_ref().unwrap().contains_key("bucket_name"));
    }
}
