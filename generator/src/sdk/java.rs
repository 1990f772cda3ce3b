//! Java (okhttp-gson, the default library of openapi-generator 4.x–7.x and swagger-codegen):
//! per operation `<op>Call(…)` builds the request (`localVarPath = "/books/{bookId}"`,
//! `.replace("{" + "bookId" + "}", …)`, `localVarQueryParams.addAll(localVarApiClient.parameterToPair("createdAfter", createdAfter))`,
//! `localVarHeaderParams.put(…)`, `localVarCookieParams.put(…)`, `localVarFormParams.put(…)`,
//! `localVarPostBody = newBook`, `localVarContentTypes = {…}`) and `<op>ValidateBeforeCall`
//! says which parameters are required; models name their JSON keys with `@SerializedName`.

use super::scan::{self, apply_rules, literal, literals, numbered, Ops, Rule};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel};
use crate::ir::Location;
use std::collections::BTreeMap;

pub const EXTRACTOR: Extractor = Extractor { language: "java", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    // `…/api/`, or wherever a custom `apiPackage` put them.
    (rel.contains("/api/") || rel.starts_with("src/main/java/")) && rel.ends_with("Api.java") && !rel.contains("/test/") && !rel.ends_with("/ApiClient.java")
}

fn is_model(rel: &str) -> bool {
    rel.contains("/model/") && rel.ends_with(".java") && !rel.contains("/test/")
}

pub(crate) const RULES: &[Rule] = &[
    Rule { marker: ".replace(\"{\" + ", location: Location::Path, wire: true },
    Rule { marker: ".replaceAll(\"\\\\{\" + ", location: Location::Path, wire: true },
    Rule { marker: "QueryParams.addAll(", location: Location::Query, wire: true },
    Rule { marker: "QueryParams.add(", location: Location::Query, wire: true },
    Rule { marker: "HeaderParams.put(", location: Location::Header, wire: true },
    Rule { marker: "CookieParams.put(", location: Location::Cookie, wire: true },
    Rule { marker: "FormParams.put(", location: Location::Form, wire: true },
    Rule { marker: "localVarPostBody = ", location: Location::Body, wire: false },
];

/// The operation a method declaration starts: `okhttp3.Call getBookCall(`,
/// `getBookValidateBeforeCall(`.
fn op_start(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if !(t.starts_with("public ") || t.starts_with("private ")) || !t.contains("Call ") {
        return None;
    }
    let head = t.split('(').next()?;
    let name = head.rsplit(' ').next()?;
    name.strip_suffix("ValidateBeforeCall").or_else(|| name.strip_suffix("Call")).filter(|n| !n.is_empty())
}

/// `parameterToPairs("multi", "status", status)`: the collection format's literal dropped,
/// so that the wire name is the first literal.
pub(crate) fn drop_collection_format(line: &str) -> String {
    for marker in ["parameterToPairs(", "parameterToPairs (", "ParameterToMultiMap(", "ParameterToKeyValuePairs("] {
        if let Some(at) = line.find(marker) {
            let after = &line[at + marker.len()..];
            if let Some((first, rest)) = literal(after) {
                if literal(rest).is_some() && !first.is_empty() && first.chars().all(|c| c.is_ascii_lowercase()) {
                    return format!("{}{}", &line[..at + marker.len()], rest.trim_start_matches([',', ' ']));
                }
            }
        }
    }
    line.to_string()
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    let mut in_content_types = false;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        if let Some(name) = op_start(line) {
            current = Some((name.to_string(), at));
            in_content_types = false;
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
        if let Some(rest) = t.strip_prefix("String localVarPath = ").or_else(|| t.strip_prefix("final String localVarPath = ")) {
            if let Some((p, _)) = literal(rest) {
                ops.op(&op, op_at.clone()).path = scan::is_path(&p).then_some(p);
            }
        }
        if t.contains("buildCall(") || t.contains("invokeAPI(") {
            if let Some(m) = literals(t).iter().find_map(|l| scan::http_method(l)) {
                ops.op(&op, op_at.clone()).method = Some(m);
            }
        }
        if t.contains("localVarContentTypes = {") {
            in_content_types = true;
            continue;
        }
        if in_content_types {
            if t.starts_with('}') {
                in_content_types = false;
            } else if let Some((ct, _)) = literal(t) {
                ops.content_type(&op, op_at.clone(), &ct);
            }
            continue;
        }
        let t = drop_collection_format(t);
        if let Some(p) = apply_rules(&t, RULES, file, n) {
            ops.param(&op, op_at, p);
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    // `SERIALIZED_NAME_PUBLISHED_AT = "publishedAt"`.
    let mut constants: BTreeMap<String, String> = BTreeMap::new();
    for line in text.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("public static final String SERIALIZED_NAME_") {
            if let Some((name, value)) = rest.split_once('=') {
                if let Some((v, _)) = literal(value) {
                    constants.insert(format!("SERIALIZED_NAME_{}", name.trim()), v);
                }
            }
        }
    }
    let mut m: Option<SdkModel> = None;
    let mut key: Option<(String, At)> = None;
    let mut annotated: Option<bool> = None;
    // 4.x / swagger-codegen: `@ApiModelProperty(required = true …)` on the getter.
    let mut getter_required: Option<bool> = None;
    let mut required_by_getter: BTreeMap<String, bool> = BTreeMap::new();
    let mut required_list: Vec<String> = Vec::new();
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if m.is_none() {
            if let Some(rest) = t.strip_prefix("public class ").or_else(|| t.strip_prefix("public final class ")) {
                let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                m = Some(SdkModel { name, at: at.clone(), ..SdkModel::default() });
            }
            continue;
        }
        // `@SerializedName("x")` alone on its line (swagger-codegen may glue it after a `}`);
        // an enum constant's (`@SerializedName("a") A("a"),`) names no field.
        if let Some(rest) = t.split("@SerializedName(").nth(1).filter(|r| r.trim_end().ends_with(')')) {
            let inner = rest.trim_end().trim_end_matches(')');
            let k = literal(inner).map(|(l, _)| l).or_else(|| constants.get(inner.trim()).cloned());
            key = k.map(|k| (k, at.clone()));
            annotated = None;
            continue;
        }
        if key.is_some() && t.contains("annotation.Nonnull") {
            annotated = Some(true);
        }
        if key.is_some() && t.contains("annotation.Nullable") {
            annotated = Some(false);
        }
        if let Some((k, k_at)) = key.clone() {
            if t.starts_with("private ") || t.starts_with("protected ") {
                let decl = t.split(['=', ';']).next().unwrap_or("").trim();
                let attr = decl.rsplit(' ').next().unwrap_or("").to_string();
                if let Some(model) = m.as_mut() {
                    model.fields.push(SdkField { name: attr, wire_name: k, required: annotated, nullable: None, at: k_at });
                }
                key = None;
            }
        }
        if t.starts_with("@ApiModelProperty(") || t.starts_with("@Schema(") {
            getter_required = Some(t.contains("required = true") || t.contains("requiredMode = Schema.RequiredMode.REQUIRED"));
        }
        if let Some(g) = getter_required {
            if let Some(rest) = t.strip_prefix("public ") {
                if let Some(name) = rest.split('(').next().and_then(|h| h.rsplit(' ').next()).and_then(|n| n.strip_prefix("get").or_else(|| n.strip_prefix("is"))) {
                    required_by_getter.insert(super::fold(name), g);
                }
                getter_required = None;
            }
        }
        if let Some((k, _)) = scan::literal_after(t, "openapiRequiredFields.add(") {
            required_list.push(k);
        }
        // 7.x: `openapiRequiredFields = new HashSet<String>(Arrays.asList("id", "body"));`
        if let Some(rest) = t.split("openapiRequiredFields = new HashSet<String>(Arrays.asList(").nth(1) {
            required_list.extend(scan::literals(rest));
        }
    }
    let Some(mut model) = m else { return };
    for f in &mut model.fields {
        if let Some(r) = required_by_getter.get(&super::fold(&f.name)) {
            f.required = Some(*r);
        } else if !required_list.is_empty() || text.contains("openapiRequiredFields = new HashSet") {
            f.required = Some(required_list.contains(&f.wire_name));
        }
    }
    out.add_model(model);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn okhttp_gson_operations() {
        let src = r#"
    public okhttp3.Call listMemberLoansCall(Long memberId, List<LoanStatus> status, final ApiCallback _callback) throws ApiException {
        Object localVarPostBody = null;
        String localVarPath = "/members/{member_id}/loans"
            .replace("{" + "member_id" + "}", localVarApiClient.escapeString(memberId.toString()));
            localVarCollectionQueryParams.addAll(localVarApiClient.parameterToPairs("multi", "status", status));
            localVarQueryParams.addAll(localVarApiClient.parameterToPair("dueBefore", dueBefore));
            localVarCookieParams.put("session_id", localVarApiClient.parameterToString(sessionId));
            localVarHeaderParams.put("Accept", localVarAccept);
        return localVarApiClient.buildCall(basePath, localVarPath, "GET", localVarQueryParams);
    }
    private okhttp3.Call listMemberLoansValidateBeforeCall(Long memberId, final ApiCallback _callback) throws ApiException {
            throw new ApiException("Missing the required parameter 'memberId' when calling listMemberLoans(Async)");
"#;
        let mut facts = SdkFacts::default();
        api("src/main/java/x/api/LoansApi.java", src, &mut facts);
        let op = &facts.ops["GET /members/{member_id}/loans"];
        let got: Vec<(&str, &str, Location)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str(), p.location)).collect();
        assert_eq!(
            got,
            vec![
                ("memberId", "member_id", Location::Path),
                ("status", "status", Location::Query),
                ("dueBefore", "dueBefore", Location::Query),
                ("sessionId", "session_id", Location::Cookie)
            ]
        );
        assert!(op.required.as_ref().unwrap().contains_key("memberId"));
    }
}
