//! Kotlin: `src/main/kotlin/…/apis/*Api.kt`. openapi-generator 5.x–7.x build each request in
//! `fun getBookRequestConfig(bookId: kotlin.String, includeReviews: kotlin.Boolean?)`
//! (`put("include-reviews", listOf(includeReviews.toString()))`, `ifNoneMatch?.apply {
//! localVariableHeaders["If-None-Match"] = this.toString() }`, `"caption" to PartConfig(body =
//! caption, …)`, `method = RequestMethod.GET`, `path = "/books/{bookId}".replace("{"+"bookId"+"}", …)`);
//! 4.x and swagger-codegen in the operation's own `fun`, with `mapOf("max-keys" to …)` for
//! queries, headers and forms. Optional arguments are nullable (`kotlin.Boolean?`). Models:
//! data classes, `@Json(name = "publishedAt")` / `@SerializedName(…)` before each `val`.

use super::scan::{self, literal, literals, numbered, Ops};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "kotlin", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    rel.contains("/apis/") && rel.ends_with("Api.kt") && !rel.contains("/test/")
}

fn is_model(rel: &str) -> bool {
    rel.contains("/models/") && rel.ends_with(".kt") && !rel.contains("/test/")
}

/// `fun getBookRequestConfig(bookId: kotlin.String, x: kotlin.Int?)`: the operation's name
/// and its arguments with whether each is required (not nullable).
fn op_start(line: &str) -> Option<(&str, Vec<(&str, bool)>)> {
    let t = line.trim_start();
    let rest = t.strip_prefix("fun ").or_else(|| t.strip_prefix("suspend fun "))?;
    let (name, args) = rest.split_once('(')?;
    if name.contains(['<', ' ', '.']) || name == "encodeURIComponent" {
        return None;
    }
    let name = name.strip_suffix("RequestConfig").or_else(|| name.strip_suffix("WithHttpInfo")).unwrap_or(name);
    let args = args.rsplit_once(')').map_or(args, |(a, _)| a);
    let list = split_top(args)
        .into_iter()
        .filter_map(|a| {
            let (n, ty) = a.split_once(':')?;
            let ty = ty.split('=').next().unwrap_or("").trim();
            Some((n.trim().trim_matches('`'), !ty.ends_with('?')))
        })
        .collect();
    Some((name, list))
}

/// Parts between commas outside brackets, parentheses and string literals.
fn split_top(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, false, 0);
    for (i, c) in s.char_indices() {
        match c {
            '"' => quote = !quote,
            _ if quote => {}
            '(' | '<' | '[' | '{' => depth += 1,
            ')' | '>' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out.into_iter().map(str::trim).filter(|a| !a.is_empty()).collect()
}

/// The value of an entry: `PartConfig(body = caption, …)`, `listOf("$since")`, `xDryRun.toString()`.
fn entry_value(rest: &str) -> Option<String> {
    if let Some(b) = rest.split("body = ").nth(1) {
        return scan::value_name(b).or_else(|| b.split(['.', ',', ')']).next().map(|s| s.trim().to_string()));
    }
    if let Some(v) = scan::value_name(rest) {
        return Some(v);
    }
    // `"$since"` / `"${since}"`.
    let lit = literals(rest).into_iter().find(|l| l.starts_with('$'))?;
    Some(lit.trim_start_matches('$').trim_matches(['{', '}']).to_string())
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    // A multi-line `mapOf(` of a location, until its `)`.
    let mut pairs: Option<Location> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        if let Some((name, args)) = op_start(line) {
            let config = line.contains("RequestConfig(");
            let known = ops.op(name, at.clone()).required.is_some();
            // The request's own function states the arguments; 7.x's public one adds defaults.
            if config || !known {
                let op = ops.op(name, at.clone());
                op.required = Some(Default::default());
                for (a, required) in args {
                    if required {
                        ops.required(name, at.clone(), a, at.clone());
                    }
                }
            }
            current = Some((name.to_string(), at));
            pairs = None;
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        // Backticks quote names (`` `inline` ``), not strings.
        let unquoted = line.trim().replace('`', "");
        let t = unquoted.as_str();
        if let Some(word) = t.split("RequestMethod.").nth(1) {
            let w: String = word.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
            if let Some(m) = scan::http_method(&w) {
                ops.op(&op, op_at.clone()).method = Some(m);
            }
        }
        let lits = literals(t);
        if let Some(p) = lits.first().filter(|p| scan::is_path(p) && (t.starts_with('"') || t.starts_with("path = "))) {
            ops.op(&op, op_at.clone()).path.get_or_insert(p.clone());
            // `.replace("{"+"bookId"+"}", encodeURIComponent(bookId.toString()))`, 4.x `"$bookId"`.
            for part in t.split(".replace(").skip(1) {
                let l = literals(part);
                if l.len() >= 3 && l[0] == "{" {
                    let rest = scan::after_literals(part, 3);
                    if let Some(name) = entry_value(rest) {
                        ops.param(&op, op_at.clone(), SdkParam { name, wire_name: l[1].clone(), location: Location::Path, at: at.clone() });
                    }
                }
            }
        }
        // 7.x: `xDryRun?.apply { localVariableHeaders["X-Dry-Run"] = this.toString() }`.
        if let (Some((var, _)), Some((wire, _))) = (t.split_once(".apply {").or_else(|| t.split_once("?.apply {")), scan::literal_after(t, "localVariableHeaders[")) {
            let name = var.trim_end_matches('?').trim().to_string();
            if !matches!(wire.as_str(), "Accept" | "Content-Type") {
                ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: Location::Header, at });
            }
            continue;
        }
        if let Some((wire, rest)) = scan::literal_after(t, "put(") {
            if let Some(name) = entry_value(rest) {
                ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: Location::Query, at });
            }
            continue;
        }
        // `val localVariableQuery: MultiValueMap = mapOf("force" to listOf("$force"))` and the like.
        // `localVariableQuery = localVariableQuery.plus("highWaterMark" to listOf("$highWaterMark"))`
        if let Some(rest) = t.strip_prefix("localVariableQuery = localVariableQuery.plus(").or_else(|| t.strip_prefix("localVariableHeaders = localVariableHeaders.plus(")) {
            let loc = if t.starts_with("localVariableQuery") { Location::Query } else { Location::Header };
            if let Some((wire, value)) = literal(rest) {
                if let Some(name) = value.trim_start().strip_prefix("to ").and_then(entry_value) {
                    ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: loc, at });
                }
            }
            continue;
        }
        let target = [("localVariableQuery", Location::Query), ("localVariableHeaders", Location::Header), ("localVariableBody", Location::Form)]
            .into_iter()
            .find(|(v, _)| t.starts_with(&format!("val {v}")) || t.starts_with(&format!("var {v}")));
        let body = match target {
            Some((_, loc)) if t.contains("apOf(") => {
                pairs = Some(loc);
                t.split_once("apOf(").map_or("", |(_, r)| r)
            }
            Some((_, Location::Form)) => {
                // `val localVariableBody = newBook`: the body.
                let value = t.split_once('=').map_or("", |(_, r)| r);
                if let Some(name) = scan::value_name(value) {
                    ops.param(&op, op_at.clone(), SdkParam { name: name.clone(), wire_name: name, location: Location::Body, at });
                }
                continue;
            }
            _ if pairs.is_some() => t,
            _ => continue,
        };
        let Some(loc) = pairs else { continue };
        for entry in split_top(body) {
            let Some((wire, rest)) = literal(entry) else { continue };
            let Some(rest) = rest.trim_start().strip_prefix("to ") else { continue };
            if loc == Location::Header && matches!(wire.as_str(), "Accept" | "Content-Type") {
                continue;
            }
            if let Some(name) = entry_value(rest) {
                ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: loc, at: at.clone() });
            }
        }
        if t.ends_with(')') || t.ends_with(",)") {
            pairs = None;
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut key: Option<String> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if m.name.is_empty() {
            if let Some(rest) = t.strip_prefix("data class ") {
                m.name = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                m.at = at.clone();
            }
            continue;
        }
        for marker in ["@Json(name = ", "@SerializedName(", "@field:JsonProperty(", "@JsonProperty(", "@SerialName(value = ", "@SerialName("] {
            if let Some(rest) = t.strip_prefix(marker) {
                key = literal(rest).map(|(k, _)| k);
            }
        }
        let decl = t.strip_prefix("val ").or_else(|| t.strip_prefix("var ")).or_else(|| t.split_once(") val ").map(|(_, r)| r));
        if let Some(decl) = decl {
            let Some((attr, ty)) = decl.split_once(':') else { continue };
            let ty = ty.trim_end_matches(',').trim();
            let optional = ty.split('=').next().unwrap_or("").trim().ends_with('?');
            let attr = attr.trim().trim_matches('`').to_string();
            // No annotation (swagger-codegen): the key is the serializer's business, not stated.
            let wire = key.take().unwrap_or_default();
            m.fields.push(SdkField { name: attr, wire_name: wire, required: Some(!optional), nullable: None, at });
        }
        if t.starts_with(")") {
            break;
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kotlin_request_configs_and_maps() {
        let src = "    fun deleteObjectRequestConfig(bucketName: kotlin.String, bypassMinusGovernance: kotlin.Boolean?) : RequestConfig<Unit> {\n                    put(\"bypass-governance\", listOf(bypassMinusGovernance.toString()))\n        xMfaCode?.apply { localVariableHeaders[\"X-Mfa-Code\"] = this.toString() }\n            method = RequestMethod.DELETE,\n            path = \"/buckets/{bucket_name}\".replace(\"{\"+\"bucket_name\"+\"}\", encodeURIComponent(bucketName.toString())),\n    fun listBuckets(prefix: kotlin.String?) : BucketList {\n        val localVariableQuery: MultiValueMap = mapOf(\"max-keys\" to listOf(\"$maxKeys\"), \"prefix\" to listOf(\"$prefix\"))\n                RequestMethod.GET,\n                \"/buckets\", query = localVariableQuery\n";
        let mut facts = SdkFacts::default();
        api("src/main/kotlin/x/apis/ObjectsApi.kt", src, &mut facts);
        let op = &facts.ops["DELETE /buckets/{bucket_name}"];
        let got: Vec<(&str, &str, Location)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str(), p.location)).collect();
        assert_eq!(
            got,
            vec![
                ("bypassMinusGovernance", "bypass-governance", Location::Query),
                ("xMfaCode", "X-Mfa-Code", Location::Header),
                ("bucketName", "bucket_name", Location::Path)
            ]
        );
        let list = &facts.ops["GET /buckets"];
        assert_eq!(list.params[0].wire_name, "max-keys");
        assert_eq!(list.params[0].name, "maxKeys");
    }
}
