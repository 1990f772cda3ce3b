//! Perl: `lib/<Package>/*Api.pm`, one `sub get_book { … }` per operation
//! (`my $_resource_path = '/books/{bookId}'`, `my $_method = 'GET'`, `my $_base_variable = "{"
//! . "bookId" . "}"` before `to_path_value($args{'book_id'})`, `$query_params->{'include-reviews'}
//! = …($args{'include_reviews'})`, `$header_params->{…}`, `$form_params->{…}`, `$_body_data =
//! $args{'new_book'}`, `Missing the required parameter 'book_id'`). Models
//! `lib/<Package>/Object/*.pm`: `__PACKAGE__->attribute_map( { 'published_at' => 'publishedAt' } )`.

use super::scan::{self, apply_rules, literal, literals, numbered, Ops, Rule};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "perl", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    rel.starts_with("lib/") && rel.ends_with("Api.pm")
}

fn is_model(rel: &str) -> bool {
    rel.starts_with("lib/") && rel.contains("/Object/") && rel.ends_with(".pm")
}

const RULES: &[Rule] = &[
    Rule { marker: "$query_params->{", location: Location::Query, wire: true },
    Rule { marker: "$header_params->{", location: Location::Header, wire: true },
    Rule { marker: "$form_params->{", location: Location::Form, wire: true },
    Rule { marker: "$_body_data = ", location: Location::Body, wire: false },
];

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    let mut placeholder: Option<String> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if let Some(name) = t.strip_prefix("sub ").and_then(|r| r.strip_suffix('{')).map(str::trim) {
            current = (name != "new" && !name.starts_with('_')).then(|| (name.to_string(), at.clone()));
            if let Some((op, op_at)) = &current {
                ops.op(op, op_at.clone()).required = Some(Default::default());
            }
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
        if let Some((p, _)) = scan::literal_after(t, "my $_resource_path = ") {
            ops.op(&op, op_at.clone()).path = scan::is_path(&p).then_some(p);
            continue;
        }
        if let Some((m, _)) = scan::literal_after(t, "my $_method = ") {
            ops.op(&op, op_at.clone()).method = scan::http_method(&m);
            continue;
        }
        if t.starts_with("my $_base_variable = ") {
            let l = literals(t);
            placeholder = if l.first().map(String::as_str) == Some("{") { l.get(1).cloned() } else { l.first().map(|p| p.trim_matches(['{', '}']).to_string()) };
            continue;
        }
        if let Some(ph) = placeholder.clone() {
            if let Some((name, _)) = scan::literal_after(t, "$args{") {
                ops.param(&op, op_at.clone(), SdkParam { name, wire_name: ph, location: Location::Path, at });
                placeholder = None;
                continue;
            }
        }
        if let Some(ct) = t.split("select_header_content_type(").nth(1) {
            for c in literals(ct) {
                ops.content_type(&op, op_at.clone(), &c);
            }
            continue;
        }
        // `$x->{'k'} = …($args{'v'})`: the value is the `$args` key.
        if let Some(mut p) = apply_rules(t, RULES, file, n) {
            if let Some((name, _)) = t.split_once('=').and_then(|(_, r)| scan::literal_after(r, "$args{")) {
                p.name = name.clone();
                if p.location == Location::Body {
                    p.wire_name = name;
                }
            } else if p.location == Location::Body {
                continue;
            }
            ops.param(&op, op_at, p);
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut in_map = false;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if m.name.is_empty() {
            if let Some(rest) = t.strip_prefix("package ") {
                m.name = rest.trim_end_matches(';').rsplit("::").next().unwrap_or("").to_string();
                m.at = at.clone();
            }
            continue;
        }
        if t.starts_with("__PACKAGE__->attribute_map(") {
            in_map = true;
            continue;
        }
        if in_map {
            if t.starts_with('}') {
                break;
            }
            if let Some((attr, rest)) = literal(t) {
                if let Some((key, _)) = rest.trim_start().strip_prefix("=>").and_then(literal) {
                    m.fields.push(SdkField { name: attr, wire_name: key, required: None, nullable: None, at });
                }
            }
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_subs() {
        let src = "sub delete_object {\n      croak(\"Missing the required parameter 'bucket_name' when calling delete_object\");\n    my $_resource_path = '/buckets/{bucket_name}';\n    my $_method = 'DELETE';\n        $query_params->{'bypass-governance'} = $self->{api_client}->to_query_value($args{'bypass_governance'});\n        my $_base_variable = \"{\" . \"bucket_name\" . \"}\";\n        my $_base_value = $self->{api_client}->to_path_value($args{'bucket_name'});\n";
        let mut facts = SdkFacts::default();
        api("lib/X/ObjectsApi.pm", src, &mut facts);
        let op = &facts.ops["DELETE /buckets/{bucket_name}"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("bypass_governance", "bypass-governance"), ("bucket_name", "bucket_name")]);
        assert!(op.required.as_ref().unwrap().contains_key("bucket_name"));
    }
}
