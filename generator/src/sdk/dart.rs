//! Dart: `lib/api/*_api.dart`, per operation `Future<Response> getBookWithHttpInfo(String
//! bookId, { bool? includeReviews, })` (positional arguments required, named ones optional;
//! 4.x and swagger-codegen: `Missing required param: bookId`): ``path = r'/books/{bookId}'
//! .replaceAll('{bookId}', bookId)``, `queryParams.addAll(_queryParams('', 'include-reviews',
//! includeReviews))`, `headerParams[r'If-None-Match'] = …`, `formParams[…]` / `mp.fields[…]`,
//! `postBody = newBook`, `invokeAPI(path, 'GET', …)`. Models `lib/model/*.dart`:
//! `json[r'publishedAt'] = this.publishedAt`, `required this.title`.

use super::scan::{self, apply_rules, literal, literals, numbered, Ops, Rule};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "dart", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    rel.starts_with("lib/") && rel.contains("/api/") && rel.ends_with("_api.dart")
}

fn is_model(rel: &str) -> bool {
    rel.starts_with("lib/") && rel.contains("/model/") && rel.ends_with(".dart")
}

const RULES: &[Rule] = &[
    Rule { marker: "_queryParams(", location: Location::Query, wire: true },
    Rule { marker: "_convertParametersForCollectionFormat(", location: Location::Query, wire: true },
    Rule { marker: "headerParams[", location: Location::Header, wire: true },
    Rule { marker: "formParams[", location: Location::Form, wire: true },
    Rule { marker: "mp.fields[", location: Location::Form, wire: true },
    Rule { marker: "postBody = ", location: Location::Body, wire: false },
];

/// `Future<Response> getBookWithHttpInfo(String bookId, { bool? x, })`: the name and the
/// positional arguments.
fn op_start(line: &str) -> Option<(&str, Vec<&str>)> {
    let t = line.trim_start();
    let (head, args) = t.split_once('(')?;
    // swagger-codegen: `Future deleteObject(…) async {`, with the request code in it.
    let name = head.rsplit(' ').next()?;
    let name = name.strip_suffix("WithHttpInfo").unwrap_or(name);
    if !head.starts_with("Future") || name.is_empty() || !t.trim_end().ends_with("async {") {
        return None;
    }
    let positional = args.split('{').next().unwrap_or("").split(')').next().unwrap_or("");
    let names = positional.split(',').filter_map(|a| a.split_whitespace().last()).collect();
    Some((name, names))
}

/// `_queryParams('', 'since', since)`: the collection format's literal dropped.
fn drop_format(t: &str) -> String {
    for marker in ["_queryParams(", "_convertParametersForCollectionFormat("] {
        if let Some(at) = t.find(marker) {
            let after = &t[at + marker.len()..];
            if let Some((first, rest)) = literal(after) {
                if literal(rest).is_some() && first.chars().all(|c| c.is_ascii_lowercase()) {
                    return format!("{}{}", &t[..at + marker.len()], rest.trim_start_matches([',', ' ']));
                }
            }
        }
    }
    t.to_string()
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    let mut method_next = 0usize;
    // A signature over several lines (`Future<Response> getProjectWithHttpInfo(` then the
    // arguments), joined until its `async {`.
    let mut signature: Option<(String, usize)> = None;
    for (n, line) in numbered(text) {
        let joined;
        let line = match signature.take() {
            Some((mut sig, start)) => {
                sig.push(' ');
                sig.push_str(line.trim());
                if !sig.trim_end().ends_with("async {") && n - start < 40 {
                    signature = Some((sig, start));
                    continue;
                }
                joined = sig;
                joined.as_str()
            }
            None => {
                let t = line.trim();
                if t.starts_with("Future") && (t.ends_with('(') || t.ends_with("({")) && t.contains("WithHttpInfo(") {
                    signature = Some((t.to_string(), n));
                    continue;
                }
                line
            }
        };
        let at = At { file: file.to_string(), line: n };
        if let Some((name, positional)) = op_start(line) {
            ops.op(name, at.clone()).required = Some(Default::default());
            for p in positional {
                ops.required(name, at.clone(), p, at.clone());
            }
            current = Some((name.to_string(), at));
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        let t = line.trim();
        if t.starts_with("//") {
            continue;
        }
        if let Some(p) = scan::required_message(t) {
            ops.required(&op, op_at.clone(), &p, at.clone());
            continue;
        }
        if method_next > 0 {
            method_next -= 1;
            if let Some(m) = literals(t).first().and_then(|m| scan::http_method(m)) {
                ops.op(&op, op_at.clone()).method = Some(m);
                method_next = 0;
            }
        }
        if t.contains("apiClient.invokeAPI(") {
            // `invokeAPI(path,` then `'GET',` (or on the same line).
            match literals(t).iter().find_map(|l| scan::http_method(l)) {
                Some(m) => ops.op(&op, op_at.clone()).method = Some(m),
                None => method_next = 3,
            }
            continue;
        }
        if t.starts_with("final path = ") || t.starts_with("String path = ") || t.starts_with(".replaceAll(") {
            if let Some(p) = literals(t).into_iter().find(|l| scan::is_path(l) && l.len() > 1) {
                ops.op(&op, op_at.clone()).path.get_or_insert(p);
            }
            // `.replaceAll('{bookId}', bookId)`, 4.x `.replaceAll("{" + "bookId" + "}", bookId.toString())`.
            for part in t.split(".replaceAll(").skip(1) {
                let l = literals(part);
                let (ph, rest) = match l.first().map(String::as_str) {
                    Some("{") if l.len() >= 3 => (l[1].clone(), scan::after_literals(part, 3)),
                    Some(p) if p.starts_with('{') && p != "{format}" => (p.trim_matches(['{', '}']).to_string(), literal(part).map_or("", |(_, r)| r)),
                    _ => continue,
                };
                if let Some(name) = scan::value_name(rest) {
                    ops.param(&op, op_at.clone(), SdkParam { name, wire_name: ph, location: Location::Path, at: at.clone() });
                }
            }
            continue;
        }
        if let Some(rest) = t.split("contentTypes = ").nth(1) {
            for ct in literals(rest) {
                ops.content_type(&op, op_at.clone(), &ct);
            }
            continue;
        }
        let t = drop_format(t);
        if let Some(p) = apply_rules(&t, RULES, file, n) {
            if p.location == Location::Body && matches!(p.name.as_str(), "mp" | "null" | "formParams") {
                continue;
            }
            ops.param(&op, op_at, p);
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut required_this: Vec<String> = Vec::new();
    let mut asserted: Vec<String> = Vec::new();
    let mut in_required_keys = false;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if m.name.is_empty() {
            if let Some(rest) = t.strip_prefix("class ") {
                m.name = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                m.at = at.clone();
            }
            continue;
        }
        // `static const requiredKeys = <String>{ 'items', … };` (6.x, 7.x).
        if t.starts_with("static const requiredKeys") {
            in_required_keys = true;
            continue;
        }
        if in_required_keys {
            if t.starts_with('}') {
                in_required_keys = false;
            } else if let Some((k, _)) = literal(t) {
                asserted.push(k);
            }
            continue;
        }
        if let Some(attr) = t.strip_prefix("required this.") {
            required_this.push(attr.trim_end_matches(',').to_string());
        }
        if t.starts_with("assert(json[") && t.contains("Required key") {
            if let Some((k, _)) = literal(t) {
                asserted.push(k);
            }
        }
        // toJson: `json[r'publishedAt'] = this.publishedAt…`, 4.x `json['x'] = x`, swagger-codegen `'x': x,`.
        let entry = t
            .strip_prefix("json[r")
            .or_else(|| t.strip_prefix("json["))
            .and_then(|r| literal(r).map(|(k, rest)| (k, rest.trim_start().trim_start_matches(']').trim_start().strip_prefix('=').map(str::to_string))))
            .and_then(|(k, v)| v.map(|v| (k, v)))
            .or_else(|| literal(t).filter(|_| t.starts_with('\'')).and_then(|(k, rest)| rest.trim_start().strip_prefix(':').map(|v| (k, v.to_string()))));
        if let Some((key, value)) = entry {
            let value = value.trim().trim_start_matches("this.");
            let attr: String = value.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if attr.is_empty() || attr == "null" || m.fields.iter().any(|f| f.wire_name == key) {
                continue;
            }
            m.fields.push(SdkField { name: attr, wire_name: key, required: None, nullable: None, at });
        }
    }
    let known = !required_this.is_empty() || !asserted.is_empty() || text.contains(&format!("{}({{", m.name));
    for f in &mut m.fields {
        if known {
            f.required = Some(required_this.contains(&f.name) || asserted.contains(&f.wire_name));
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_over_several_lines() {
        let src = "  Future<Response> scheduleProjectWithHttpInfo(\n    Object idPipeSlug, {\n    ScheduleProjectRequest? scheduleProjectRequest,\n  }) async {\n    // ignore: prefer_const_declarations\n    final path = r'/project/{id|slug}/schedule'.replaceAll('{id|slug}', idPipeSlug.toString());\n    Object? postBody = scheduleProjectRequest;\n    return apiClient.invokeAPI(\n      path,\n      'POST',\n";
        let mut facts = SdkFacts::default();
        api("lib/api/projects_api.dart", src, &mut facts);
        let op = &facts.ops["POST /project/{id|slug}/schedule"];
        assert_eq!(op.params.len(), 2, "{op:?}");
        assert!(op.required.as_ref().unwrap().contains_key("idPipeSlug"));
    }

    #[test]
    fn dart_operations() {
        let src = "  Future<Response> deleteObjectWithHttpInfo(String bucketName, { bool? bypassGovernance, }) async {\n    final path = r'/buckets/{bucket_name}'\n      .replaceAll('{bucket_name}', bucketName);\n      queryParams.addAll(_queryParams('', 'bypass-governance', bypassGovernance));\n      headerParams[r'X-Mfa-Code'] = parameterToString(xMfaCode);\n    return apiClient.invokeAPI(\n      path,\n      'DELETE',\n";
        let mut facts = SdkFacts::default();
        api("lib/api/objects_api.dart", src, &mut facts);
        let op = &facts.ops["DELETE /buckets/{bucket_name}"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("bucketName", "bucket_name"), ("bypassGovernance", "bypass-governance"), ("xMfaCode", "X-Mfa-Code")]);
        assert!(op.required.as_ref().unwrap().contains_key("bucketName"));
    }
}
