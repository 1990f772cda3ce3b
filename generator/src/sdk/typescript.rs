//! TypeScript (typescript-axios): `api.ts` (or `api/*.ts`) holds per operation an
//! `…AxiosParamCreator` function (`getBook: async (bookId: string, includeReviews?: boolean,
//! …) =>`, `assertParamExists('getBook', 'bookId', bookId)`, ``localVarPath = `/books/{bookId}` ``,
//! `localVarQueryParameter['include-reviews'] = includeReviews`, `localVarHeaderParameter[…]`,
//! `localVarFormParams.append('caption', caption as any)`, `localVarRequestOptions.data =
//! serializeDataIfNeeded(newBook, …)`) and the models as interfaces (`'publishedAt'?: string;`).

use super::scan::{self, apply_rules, literal, literal_after, numbered, Ops, Rule};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "typescript", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    let base = rel.rsplit('/').next().unwrap_or(rel);
    (base == "api.ts" || (rel.contains("api/") && base.ends_with("api.ts"))) && !rel.contains("node_modules")
}

fn is_model(rel: &str) -> bool {
    rel.contains("model/") && rel.ends_with(".ts") && !rel.ends_with("index.ts")
}

const RULES: &[Rule] = &[
    Rule { marker: "localVarQueryParameter[", location: Location::Query, wire: true },
    Rule { marker: "localVarHeaderParameter[", location: Location::Header, wire: true },
    Rule { marker: "localVarFormParams.append(", location: Location::Form, wire: true },
    Rule { marker: "localVarFormParams.set(", location: Location::Form, wire: true },
    Rule { marker: "localVarRequestOptions.data = serializeDataIfNeeded(", location: Location::Body, wire: false },
];

/// `        getBook: async (bookId: string, …) =>`: the name and its optional arguments.
fn op_start(line: &str) -> Option<(&str, Vec<(&str, bool)>)> {
    let t = line.trim_start();
    let (name, rest) = t.split_once(": async (")?;
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
        return None;
    }
    let args = rest.split(')').next().unwrap_or("");
    let list = args
        .split(',')
        .filter_map(|a| {
            let (n, _) = a.split_once(':')?;
            let n = n.trim();
            let optional = n.ends_with('?');
            let n = n.trim_end_matches('?');
            (n != "options").then_some((n, optional))
        })
        .collect();
    Some((name, list))
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        if let Some((name, args)) = op_start(line) {
            // The creator's arguments say which are required (`name?:` is optional).
            let op = ops.op(name, at.clone());
            if op.method.is_some() {
                // The same name again (the functional and class forms): already read.
                current = None;
                continue;
            }
            op.required.get_or_insert_with(Default::default);
            for (a, optional) in args {
                if !optional {
                    ops.required(name, at.clone(), a, at.clone());
                }
            }
            current = Some((name.to_string(), at));
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("const localVarPath = ") {
            if let Some((p, _)) = literal(rest) {
                ops.op(&op, op_at.clone()).path = scan::is_path(&p).then_some(p);
            }
        }
        if let Some(rest) = t.strip_prefix(".replace(") {
            // `.replace('{bookId}', …)`, 6.x `` .replace(`{${"bookId"}}`, …) ``.
            if let Some((ph, after)) = literal(rest) {
                let inner = literal(&ph).map(|(i, _)| i).unwrap_or_else(|| ph.trim_matches(['{', '}', '$']).to_string());
                if let Some(name) = scan::value_name(after) {
                    ops.param(&op, op_at.clone(), super::SdkParam { name, wire_name: inner, location: Location::Path, at: at.clone() });
                }
            }
            continue;
        }
        if let Some((m, _)) = literal_after(t, "{ method: ") {
            ops.op(&op, op_at.clone()).method = scan::http_method(&m);
        }
        if let Some((ct, _)) = literal_after(t, "localVarHeaderParameter['Content-Type'] = ") {
            ops.content_type(&op, op_at.clone(), &ct);
            continue;
        }
        if t.starts_with("return {") || t.starts_with("return createRequestFunction") {
            current = None;
            continue;
        }
        if let Some(p) = apply_rules(t, RULES, file, n) {
            ops.param(&op, op_at, p);
        }
    }
    ops.finish(out);
    model(file, text, out);
}

/// `export interface Book {` … `'publishedAt'?: string | null;` … `}`.
fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m: Option<SdkModel> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        // `export type PaymentMethod = { kind: 'bank' } & BankAccount | { kind: 'card' } & Card;`
        if let Some((name, union)) = t.strip_prefix("export type ").and_then(|r| r.split_once(" = ")) {
            let union = union.trim_end_matches(';');
            if union.contains('|') && !union.contains("typeof") {
                let mut model = SdkModel { name: name.trim().to_string(), at: at.clone(), ..SdkModel::default() };
                for part in union.split('|') {
                    let (tag, variant) = match part.split_once('&') {
                        Some((tag, v)) => (Some(tag), v.trim()),
                        None => (None, part.trim()),
                    };
                    if !variant.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || variant.is_empty() {
                        model.variants.clear();
                        break;
                    }
                    if let Some((prop, value)) = tag.and_then(|t| t.trim().trim_matches(['{', '}']).split_once(':')) {
                        if let Some((v, _)) = literal(value) {
                            model.discriminator = Some(prop.trim().trim_matches(['\'', '"']).to_string());
                            model.mapping.insert(v, variant.to_string());
                        }
                    }
                    model.variants.push(variant.to_string());
                }
                if model.variants.len() >= 2 {
                    out.add_model(model);
                }
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix("export interface ") {
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            m = Some(SdkModel { name, at, ..SdkModel::default() });
            continue;
        }
        if t == "}" {
            if let Some(done) = m.take() {
                out.add_model(done);
            }
            continue;
        }
        let Some(model) = m.as_mut() else { continue };
        if t.starts_with('*') || t.starts_with("/*") || t.starts_with("//") {
            continue;
        }
        // `'publishedAt'?: string;` or `publishedAt?: string;`
        let (key, rest) = match literal(t) {
            Some((k, rest)) if t.starts_with(['\'', '"']) => (k, rest),
            _ => {
                let Some((k, _)) = t.split_once(':') else { continue };
                let k = k.trim_end_matches('?').trim();
                if k.is_empty() || !k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
                    continue;
                }
                (k.to_string(), &t[k.len()..])
            }
        };
        let rest = rest.trim_start();
        let optional = rest.starts_with('?');
        let nullable = rest.contains("| null");
        model.fields.push(SdkField { name: key.clone(), wire_name: key, required: Some(!optional), nullable: Some(nullable), at });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axios_param_creators_and_interfaces() {
        let src = "export interface Book {\n    'title': string;\n    'publishedAt'?: string | null;\n}\n        getBook: async (bookId: string, includeReviews?: boolean, options: RawAxiosRequestConfig = {}): Promise<RequestArgs> => {\n            const localVarPath = `/books/{bookId}`\n                .replace(`{${\"bookId\"}}`, encodeURIComponent(String(bookId)));\n            const localVarRequestOptions = { method: 'GET', ...baseOptions, ...options};\n                localVarQueryParameter['include-reviews'] = includeReviews;\n";
        let mut facts = SdkFacts::default();
        api("api.ts", src, &mut facts);
        let op = &facts.ops["GET /books/{bookId}"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("bookId", "bookId"), ("includeReviews", "include-reviews")]);
        let req = op.required.as_ref().unwrap();
        assert!(req.contains_key("bookId") && !req.contains_key("includeReviews"));
        let mut union = SdkFacts::default();
        model("api.ts", "export type PaymentMethod = { kind: 'bank' } & BankAccount | { kind: 'card' } & Card;\n", &mut union);
        let pm = &union.models["PaymentMethod"];
        assert_eq!(pm.variants, vec!["BankAccount", "Card"]);
        assert_eq!(pm.discriminator.as_deref(), Some("kind"));
        assert_eq!(pm.mapping.get("bank").map(String::as_str), Some("BankAccount"));
        let book = &facts.models["Book"];
        assert_eq!(book.fields[1].wire_name, "publishedAt");
        assert_eq!((book.fields[1].required, book.fields[1].nullable), (Some(false), Some(true)));
    }
}
