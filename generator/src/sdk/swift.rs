//! Swift (swift5, swift4): `…/APIs/*API.swift`, per operation `open class func
//! getBookWithRequestBuilder(bookId: String, includeReviews: Bool? = nil)` (optional
//! arguments default to `nil`): `localVariablePath.replacingOccurrences(of: "{bookId}", with:
//! bookIdPostEscape, …)`, dictionaries of query items, headers and form fields (`"include-reviews":
//! (wrappedValue: includeReviews?.encodeToJSON(), …)`), `JSONEncodingHelper…(forEncodableObject:
//! newBook)`, `init(method: "GET", …)`. Models: `public var publishedAt: Date?` and their
//! `CodingKeys` (`case publishedAt = "published_at"`).

use super::scan::{self, literal, literal_after, numbered, Ops};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;
use std::collections::BTreeMap;

pub const EXTRACTOR: Extractor = Extractor { language: "swift", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    rel.contains("/APIs/") && rel.ends_with(".swift") && !rel.contains("Tests/")
}

fn is_model(rel: &str) -> bool {
    rel.contains("/Models/") && rel.ends_with(".swift") && !rel.contains("Tests/")
}

/// `open class func getBookWithRequestBuilder(bookId: String, x: Bool? = nil) -> …`.
fn op_start(line: &str) -> Option<(&str, Vec<(&str, bool)>)> {
    let t = line.trim_start();
    let rest = t.split("func ").nth(1)?;
    let (name, args) = rest.split_once('(')?;
    let name = name.strip_suffix("WithRequestBuilder")?;
    let args = args.split(") ->").next().unwrap_or(args);
    let list = args
        .split(',')
        .filter_map(|a| {
            let (n, ty) = a.split_once(':')?;
            Some((n.trim(), !ty.contains("= nil") && !ty.trim().ends_with('?')))
        })
        .collect();
    Some((name, list))
}

/// The location of a dictionary a line opens.
fn block_location(t: &str) -> Option<Location> {
    if !t.trim_end().ends_with('[') && !t.trim_end().ends_with("([") {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    if lower.contains("queryparameters") || lower.contains("mapvaluestoqueryitems(") {
        Some(Location::Query)
    } else if lower.contains("headers") {
        Some(Location::Header)
    } else if lower.contains("formparams") {
        Some(Location::Form)
    } else {
        None
    }
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    let mut block: Option<Location> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        if let Some((name, args)) = op_start(line) {
            ops.op(name, at.clone()).required = Some(Default::default());
            for (a, required) in args {
                if required {
                    ops.required(name, at.clone(), a, at.clone());
                }
            }
            current = Some((name.to_string(), at));
            block = None;
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        let t = line.trim();
        if let Some(loc) = block_location(t) {
            block = Some(loc);
            continue;
        }
        if let Some(loc) = block {
            if t.starts_with(']') || t.starts_with("])") {
                block = None;
                continue;
            }
            if let Some((wire, rest)) = literal(t) {
                if loc == Location::Header && (wire == "Accept" || wire == "Content-Type") {
                    if let Some((ct, _)) = literal(rest) {
                        if wire == "Content-Type" {
                            ops.content_type(&op, op_at.clone(), &ct);
                        }
                    }
                    continue;
                }
                if let Some(name) = scan::value_name(rest.trim_start().trim_start_matches(':')) {
                    ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: loc, at });
                }
            }
            continue;
        }
        if let Some((p, _)) = literal_after(t, "var localVariablePath = ").or_else(|| literal_after(t, "var path = ")) {
            ops.op(&op, op_at.clone()).path = scan::is_path(&p).then_some(p);
            continue;
        }
        if let Some((ph, rest)) = literal_after(t, "replacingOccurrences(of: ") {
            if let Some(name) = rest.split("with: ").nth(1).and_then(|r| r.split([',', ' ']).next()) {
                let name = name.trim_end_matches("PostEscape").to_string();
                ops.param(&op, op_at.clone(), SdkParam { name, wire_name: ph.trim_matches(['{', '}']).to_string(), location: Location::Path, at });
            }
            continue;
        }
        if let Some(rest) = t.split("forEncodableObject: ").nth(1) {
            if let Some(name) = scan::value_name(rest) {
                ops.param(&op, op_at.clone(), SdkParam { name: name.clone(), wire_name: name, location: Location::Body, at });
            }
            continue;
        }
        if let Some((m, _)) = literal_after(t, "init(method: ") {
            ops.op(&op, op_at.clone()).method = scan::http_method(&m);
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    let mut in_keys = false;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if m.name.is_empty() {
            for kw in ["public struct ", "public final class ", "public class ", "struct "] {
                if let Some(rest) = t.strip_prefix(kw) {
                    m.name = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    m.at = at.clone();
                }
            }
            continue;
        }
        if t.contains("enum CodingKeys") {
            in_keys = true;
            continue;
        }
        if in_keys {
            if t.starts_with('}') {
                in_keys = false;
                continue;
            }
            // `case publishedAt = "published_at"` or `case title`.
            if let Some(rest) = t.strip_prefix("case ") {
                for part in rest.split(',') {
                    let (attr, key) = match part.split_once('=') {
                        Some((a, k)) => (a.trim().trim_matches('`').to_string(), literal(k).map(|(l, _)| l).unwrap_or_default()),
                        None => (part.trim().trim_matches('`').to_string(), part.trim().trim_matches('`').to_string()),
                    };
                    keys.insert(attr, key);
                }
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("public var ").or_else(|| t.strip_prefix("public private(set) var ")).or_else(|| t.strip_prefix("public let ")) {
            let Some((attr, ty)) = rest.split_once(':') else { continue };
            if ty.contains('{') {
                continue;
            }
            let attr = attr.trim().trim_matches('`').to_string();
            let optional = ty.split('=').next().unwrap_or("").trim().ends_with('?');
            if !m.fields.iter().any(|f: &SdkField| f.name == attr) {
                m.fields.push(SdkField { name: attr.clone(), wire_name: attr, required: Some(!optional), nullable: None, at });
            }
        }
    }
    for f in &mut m.fields {
        if let Some(k) = keys.get(&f.name).filter(|k| !k.is_empty()) {
            f.wire_name = k.clone();
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swift_request_builders() {
        let src = "    open class func deleteObjectWithRequestBuilder(bucketName: String, bypassGovernance: Bool? = nil) -> RequestBuilder<Void> {\n        var localVariablePath = \"/buckets/{bucket_name}\"\n        localVariablePath = localVariablePath.replacingOccurrences(of: \"{bucket_name}\", with: bucketNamePostEscape, options: .literal, range: nil)\n        let localVariableQueryParameters: [String: (wrappedValue: Any?, isExplode: Bool)] = [\n            \"bypass-governance\": (wrappedValue: bypassGovernance?.encodeToJSON(), isExplode: true),\n        ]\n        return localVariableRequestBuilder.init(method: \"DELETE\", URLString: x)\n";
        let mut facts = SdkFacts::default();
        api("X/APIs/ObjectsAPI.swift", src, &mut facts);
        let op = &facts.ops["DELETE /buckets/{bucket_name}"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("bucketName", "bucket_name"), ("bypassGovernance", "bypass-governance")]);
        let req = op.required.as_ref().unwrap();
        assert!(req.contains_key("bucketName") && !req.contains_key("bypassGovernance"));
    }
}
