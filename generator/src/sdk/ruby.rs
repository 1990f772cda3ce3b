//! Ruby: `lib/<gem>/api/*_api.rb`, per operation `def get_book_with_http_info(book_id, opts =
//! {})` (`local_var_path = '/books/{bookId}'.sub('{bookId}', CGI.escape(book_id.to_s))`,
//! `query_params[:'jcr:primaryType'] = opts[:'jcr_primary_type']`, `header_params[…]`,
//! `cookie_params[…]`, `form_params[…]`, `object_to_http_body(new_book)`, `call_api(:GET, …)`,
//! `Missing the required parameter 'book_id'`); models `lib/<gem>/models/*.rb`
//! (`attribute_map`, `… cannot be nil`, `openapi_nullable`).

use super::scan::{self, apply_rules, literal, literals, numbered, Ops, Rule};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "ruby", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    rel.starts_with("lib/") && rel.contains("/api/") && rel.ends_with("_api.rb")
}

fn is_model(rel: &str) -> bool {
    rel.starts_with("lib/") && rel.contains("/models/") && rel.ends_with(".rb")
}

const RULES: &[Rule] = &[
    Rule { marker: "query_params[", location: Location::Query, wire: true },
    Rule { marker: "header_params[", location: Location::Header, wire: true },
    Rule { marker: "cookie_params[", location: Location::Cookie, wire: true },
    Rule { marker: "form_params[", location: Location::Form, wire: true },
];

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if let Some(name) = t.strip_prefix("def ").and_then(|r| r.split('(').next()).and_then(|h| h.strip_suffix("_with_http_info")) {
            ops.op(name, at.clone()).required.get_or_insert_with(Default::default);
            current = Some((name.to_string(), at));
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        if t.starts_with('#') {
            continue;
        }
        if let Some(p) = scan::required_message(t) {
            ops.required(&op, op_at.clone(), &p, at.clone());
            continue;
        }
        // A value is read before its condition (`… if !opts[:'x'].nil?`, `unless …`).
        let t = t.split(" if ").next().unwrap_or(t).split(" unless ").next().unwrap_or(t);
        if let Some(rest) = t.strip_prefix("local_var_path = ") {
            if let Some((p, after)) = literal(rest) {
                ops.op(&op, op_at.clone()).path = scan::is_path(&p).then_some(p);
                for sub in after.split(".sub(").skip(1) {
                    // `.sub('{bookId}', …)`, 4.x/swagger-codegen `.sub('{' + 'bookId' + '}', …)`.
                    let ph = match literal(sub) {
                        Some((open, rest)) if open == "{" => literal(rest).and_then(|(ph, r)| literal(r).map(|(_, r)| (ph, r))),
                        other => other,
                    };
                    if let Some((ph, value)) = ph {
                        if let Some(name) = scan::value_name(value) {
                            let wire = ph.trim_matches(['{', '}']).to_string();
                            ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: Location::Path, at: at.clone() });
                        }
                    }
                }
            }
            continue;
        }
        if let Some(rest) = t.split("call_api(").nth(1) {
            if let Some(m) = scan::http_method(rest.split(',').next().unwrap_or("")) {
                ops.op(&op, op_at.clone()).method = Some(m);
            }
            continue;
        }
        if let Some(rest) = t.split("select_header_content_type(").nth(1) {
            for ct in literals(rest) {
                ops.content_type(&op, op_at.clone(), &ct);
            }
            continue;
        }
        if let Some(rest) = t.split("object_to_http_body(").nth(1) {
            if let Some(name) = scan::value_name(rest) {
                ops.param(&op, op_at.clone(), SdkParam { name: name.clone(), wire_name: name, location: Location::Body, at });
            }
            continue;
        }
        if let Some(p) = apply_rules(t, RULES, file, n) {
            ops.param(&op, op_at, p);
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut in_map = false;
    let mut in_nullable = false;
    let mut not_nil: Vec<String> = Vec::new();
    let mut nullable: Vec<String> = Vec::new();
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
        if t.starts_with("def self.attribute_map") {
            in_map = true;
            continue;
        }
        if t.starts_with("def self.openapi_nullable") {
            in_nullable = true;
            continue;
        }
        if t == "end" || t.starts_with('}') {
            in_map = false;
            in_nullable = false;
        }
        if in_map {
            // `:'published_at' => :'publishedAt',`
            if let Some((attr, rest)) = literal(t) {
                if let Some((key, _)) = rest.trim_start().strip_prefix("=>").and_then(literal) {
                    m.fields.push(SdkField { name: attr, wire_name: key, required: None, nullable: None, at });
                }
            }
            continue;
        }
        if in_nullable {
            nullable.extend(literals(t));
            continue;
        }
        // `invalid_properties.push('invalid value for "title", title cannot be nil.')`
        if t.contains("cannot be nil") {
            if let Some(attr) = t.split("\", ").nth(1).and_then(|r| r.split(" cannot be nil").next()) {
                not_nil.push(attr.trim().to_string());
            }
        }
    }
    let validates = text.contains("def list_invalid_properties");
    for f in &mut m.fields {
        if validates {
            f.required = Some(not_nil.contains(&f.name));
        }
        if nullable.contains(&f.name) {
            f.nullable = Some(true);
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_operations_and_models() {
        let src = "    def list_member_loans_with_http_info(member_id, opts = {})\n        fail ArgumentError, \"Missing the required parameter 'member_id' when calling LoansApi.list_member_loans\"\n      local_var_path = '/members/{member_id}/loans'.sub('{member_id}', CGI.escape(member_id.to_s))\n      query_params[:'jcr:primaryType'] = opts[:'jcr_primary_type'] if !opts[:'jcr_primary_type'].nil?\n      header_params['Accept'] = @api_client.select_header_accept(['application/json']) unless header_params['Accept']\n      data, status_code, headers = @api_client.call_api(:GET, local_var_path, new_options)\n";
        let mut facts = SdkFacts::default();
        api("lib/x/api/loans_api.rb", src, &mut facts);
        let op = &facts.ops["GET /members/{member_id}/loans"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("member_id", "member_id"), ("jcr_primary_type", "jcr:primaryType")]);
        let m = "  class Book\n    def self.attribute_map\n      {\n        :'published_at' => :'publishedAt',\n      }\n    end\n    def list_invalid_properties\n";
        let mut facts = SdkFacts::default();
        model("lib/x/models/book.rb", m, &mut facts);
        assert_eq!(facts.models["Book"].fields[0].wire_name, "publishedAt");
    }
}
