//! PHP: `lib/Api/*Api.php`, per operation `public function getBookRequest($book_id, …)`
//! building the request (`$resourcePath = '/books/{bookId}'`, `str_replace('{bookId}',
//! ObjectSerializer::toPathValue($book_id), …)`, `ObjectSerializer::toQueryValue($created_after,
//! 'createdAfter', …)` (7.x, over several lines) or `$queryParams['createdAfter'] = …` (4.x,
//! swagger-codegen), `$headerParams[…]`, `$formParams[…]` or 7.x's `prepare(['caption' =>
//! $caption])`, `isset($new_book)` / `$_tempBody = $new_book`, `new Request('GET', …)`;
//! `Missing the required parameter $book_id`); models `lib/Model/*.php` (`$attributeMap`,
//! `'title' can't be null`, `$openAPINullables`).

use super::scan::{self, apply_rules, literal, numbered, Ops, Rule};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "php", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    rel.contains("lib/Api/") && rel.ends_with("Api.php")
}

fn is_model(rel: &str) -> bool {
    rel.contains("lib/Model/") && rel.ends_with(".php") && !rel.ends_with("ModelInterface.php")
}

const RULES: &[Rule] = &[
    Rule { marker: "$queryParams[", location: Location::Query, wire: true },
    Rule { marker: "$headerParams[", location: Location::Header, wire: true },
    Rule { marker: "$formParams[", location: Location::Form, wire: true },
    Rule { marker: "$_tempBody = ", location: Location::Body, wire: false },
];

/// What a multi-line call being read will give.
enum Pending {
    /// `str_replace(`: the placeholder, then the value.
    Path(Option<String>),
    /// `toQueryValue(`: the value, then the name.
    Query(Option<String>),
    /// `prepare([`: `'name' => $value` lines.
    Form,
    /// `new Request(`: the method.
    Method,
}

fn var(t: &str) -> Option<String> {
    let at = t.find('$')?;
    let name: String = t[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    (!name.is_empty()).then_some(name)
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    let mut pending: Option<Pending> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("public function ").or_else(|| t.strip_prefix("protected function ")) {
            let name = rest.split('(').next().unwrap_or("");
            current = name.strip_suffix("Request").filter(|n| !n.is_empty()).map(|n| (n.to_string(), at.clone()));
            if let Some((op, op_at)) = &current {
                ops.op(op, op_at.clone()).required.get_or_insert_with(Default::default);
            }
            pending = None;
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        if t.starts_with("//") || t.starts_with('*') || t.starts_with("/*") {
            continue;
        }
        if let Some(p) = scan::required_message(t) {
            ops.required(&op, op_at.clone(), &p, at.clone());
            continue;
        }
        match &mut pending {
            Some(Pending::Path(ph)) => {
                if ph.is_none() {
                    // `'{bookId}',` or `'{' . 'bookId' . '}',`
                    let lits = scan::literals(t);
                    let w = if lits.first().map(String::as_str) == Some("{") { lits.get(1).cloned() } else { lits.first().map(|l| l.trim_matches(['{', '}']).to_string()) };
                    *ph = w;
                } else if let Some(name) = var(t) {
                    let wire = ph.take().unwrap_or_default();
                    ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: Location::Path, at: at.clone() });
                    pending = None;
                }
                continue;
            }
            Some(Pending::Query(v)) => {
                if v.is_none() {
                    *v = var(t);
                } else if let Some((wire, _)) = literal(t) {
                    let name = v.take().unwrap_or_default();
                    ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: Location::Query, at: at.clone() });
                    pending = None;
                }
                continue;
            }
            Some(Pending::Form) => {
                if t.starts_with(']') {
                    pending = None;
                } else if let (Some((wire, _)), Some(name)) = (literal(t), var(t)) {
                    ops.param(&op, op_at.clone(), SdkParam { name, wire_name: wire, location: Location::Form, at: at.clone() });
                }
                continue;
            }
            Some(Pending::Method) => {
                if let Some((m, _)) = literal(t) {
                    ops.op(&op, op_at.clone()).method = scan::http_method(&m);
                }
                pending = None;
                continue;
            }
            None => {}
        }
        if let Some((p, _)) = t.strip_prefix("$resourcePath = '").and_then(|_| literal(t)) {
            ops.op(&op, op_at.clone()).path = scan::is_path(&p).then_some(p);
            continue;
        }
        if t.contains("str_replace(") && !t.contains("$resourcePath = str_replace('{format}'") {
            pending = Some(Pending::Path(None));
            continue;
        }
        if t.ends_with("ObjectSerializer::toQueryValue(") {
            pending = Some(Pending::Query(None));
            continue;
        }
        if t.ends_with("->prepare([") {
            pending = Some(Pending::Form);
            continue;
        }
        if t.ends_with("new Request(") {
            pending = Some(Pending::Method);
            continue;
        }
        if let Some(rest) = t.strip_prefix("return new Request(") {
            if let Some((m, _)) = literal(rest) {
                ops.op(&op, op_at.clone()).method = scan::http_method(&m);
            }
            continue;
        }
        // 7.x: `if (isset($new_book)) {` in the body's part.
        if let Some(name) = t.strip_prefix("if (isset($").and_then(|r| r.strip_suffix(")) {")) {
            if name != "_tempBody" && !name.contains('[') {
                ops.param(&op, op_at.clone(), SdkParam { name: name.to_string(), wire_name: name.to_string(), location: Location::Body, at });
            }
            continue;
        }
        // `$formParams['file'] = \GuzzleHttp\Psr7\try_fopen(ObjectSerializer::toFormValue($file), 'rb');`
        let t = t.replace('\\', " ");
        if let Some(mut p) = apply_rules(&t, RULES, file, n) {
            if let Some(v) = var(t.split('=').nth(1).unwrap_or("")) {
                p.name = v.clone();
                if p.location == Location::Body {
                    p.wire_name = v;
                }
            }
            if p.name == "value" || p.name == "key" {
                continue;
            }
            ops.param(&op, op_at, p);
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut section: Option<&'static str> = None;
    let mut not_null: Vec<String> = Vec::new();
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
        if t.contains("$attributeMap = [") {
            section = Some("map");
            continue;
        }
        if t.contains("$openAPINullables = [") {
            section = Some("nullable");
            continue;
        }
        if t.starts_with("];") {
            section = None;
            continue;
        }
        // swagger-codegen closes a map on its last entry's line: `'scope' => 'scope'    ];`.
        let closes = t.ends_with("];");
        let current = section;
        if closes {
            section = None;
        }
        match current {
            Some("map") => {
                if let Some((attr, rest)) = literal(t) {
                    if let Some((key, _)) = rest.trim_start().strip_prefix("=>").and_then(literal) {
                        m.fields.push(SdkField { name: attr, wire_name: key, required: None, nullable: None, at });
                    }
                }
            }
            Some(_) => {
                if let Some((attr, rest)) = literal(t) {
                    if rest.contains("true") {
                        nullable.push(attr);
                    }
                }
            }
            None => {
                // `$invalidProperties[] = "'title' can't be null";`
                if t.contains("can't be null") {
                    if let Some((q, _)) = literal(t) {
                        if let Some((attr, _)) = literal(&q) {
                            not_null.push(attr);
                        }
                    }
                }
            }
        }
    }
    let validates = text.contains("function listInvalidProperties");
    for f in &mut m.fields {
        if validates {
            f.required = Some(not_null.contains(&f.name));
        }
        if text.contains("$openAPINullables") {
            f.nullable = Some(nullable.contains(&f.name));
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn php_multiline_calls() {
        let src = "    public function listMemberLoansRequest($member_id, $status = null)\n    {\n            throw new \\InvalidArgumentException(\n                'Missing the required parameter $member_id when calling listMemberLoans'\n        $resourcePath = '/members/{member_id}/loans';\n        $queryParams = array_merge($queryParams, ObjectSerializer::toQueryValue(\n            $due_before,\n            'dueBefore', // param base name\n        ) ?? []);\n            $resourcePath = str_replace(\n                '{member_id}',\n                ObjectSerializer::toPathValue($member_id),\n        return new Request(\n            'GET',\n";
        let mut facts = SdkFacts::default();
        api("lib/Api/LoansApi.php", src, &mut facts);
        let op = &facts.ops["GET /members/{member_id}/loans"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("due_before", "dueBefore"), ("member_id", "member_id")]);
        assert!(op.required.as_ref().unwrap().contains_key("member_id"));
    }
}
