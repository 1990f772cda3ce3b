//! Python: openapi-generator 7.x (pydantic, `_query_params.append(('createdAfter',
//! created_after))` in `_<op>_serialize`), 4.x/5.x and swagger-codegen's classic client
//! (`query_params.append(('createdAfter', local_var_params['created_after']))` in
//! `<op>_with_http_info`, `attribute_map`), and 6.x's dynamic client (one module per path
//! and method, `api_client.QueryParameter(name="createdAfter", …)`).

use super::scan::{self, apply_rules, literal, literal_after, literals, numbered, Ops, Rule};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "python", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    // Any `*_api.py` (a custom `apiPackage` moves them out of `<pkg>/api/`).
    // (6.x's `apis/` only mixes in the operations of `paths/`.)
    let in_api = rel.ends_with("_api.py") && !rel.ends_with("/rest_api.py") && !rel.contains("/apis/");
    // 6.x: `<pkg>/paths/<path>/<method>.py`.
    let dynamic = rel.contains("/paths/")
        && ["get", "post", "put", "delete", "patch", "head", "options", "trace"].iter().any(|m| rel.ends_with(&format!("/{m}.py")));
    in_api || dynamic
}

fn is_model(rel: &str) -> bool {
    (rel.contains("/models/") || rel.contains("/model/")) && rel.ends_with(".py") && !rel.ends_with("__init__.py")
}

const RULES: &[Rule] = &[
    Rule { marker: "path_params[", location: Location::Path, wire: true },
    Rule { marker: "query_params.append((", location: Location::Query, wire: true },
    Rule { marker: "header_params[", location: Location::Header, wire: true },
    Rule { marker: "cookie_params[", location: Location::Cookie, wire: true },
    Rule { marker: "form_params.append((", location: Location::Form, wire: true },
    Rule { marker: "files[", location: Location::Form, wire: true },
    Rule { marker: "body_params = ", location: Location::Body, wire: false },
];

/// The operation a line starts: 7.x `def _get_book_serialize(`, classic
/// `def get_book_with_http_info(`.
fn op_start(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let name = t.strip_prefix("def ")?.split('(').next()?.trim();
    name.strip_prefix('_').and_then(|n| n.strip_suffix("_serialize")).or_else(|| name.strip_suffix("_with_http_info"))
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    if file.contains("/paths/") {
        return dynamic_api(file, text, out);
    }
    if text.contains("endpoint_path") && (text.contains("= _Endpoint(") || text.contains("= Endpoint(")) {
        return endpoint_api(file, text, out);
    }
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    // 7.x: the public method's signature says which parameters are required (no default).
    let mut signature: Option<(String, At)> = None;
    let mut in_content_types = false;
    let lines: Vec<(usize, &str)> = numbered(text).collect();
    let mut i = 0;
    while i < lines.len() {
        let (n, line) = lines[i];
        i += 1;
        let at_here = || At { file: file.to_string(), line: n };
        if let Some(name) = op_start(line) {
            current = Some((name.to_string(), at_here()));
            signature = None;
            in_content_types = false;
            continue;
        }
        let t = strip_comment(line.trim_start());
        if let Some(name) = t.strip_prefix("def ").and_then(|r| r.split('(').next()) {
            let public = !name.starts_with('_') && !name.ends_with("_with_http_info") && !name.ends_with("_without_preload_content") && name != "__init__";
            signature = public.then(|| (name.trim().to_string(), at_here()));
            continue;
        }
        if let Some((name, sig_at)) = &signature {
            // `        book_id: Annotated[StrictStr, Field(…)],` (required) or `… = None,`.
            if let Some((param, rest)) = t.split_once(':') {
                let param = param.trim();
                if !param.starts_with('_') && param.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !param.is_empty() && line.starts_with("        ") {
                    let (name, sig_at) = (name.clone(), sig_at.clone());
                    ops.op(&name, sig_at.clone());
                    // Always known for a 7.x signature: the absence of one is optional.
                    let op = ops.op(&name, sig_at.clone());
                    op.required.get_or_insert_with(Default::default);
                    if !rest.contains("= None") && !rest.trim_end().ends_with('[') {
                        ops.required(&name, sig_at, param, at_here());
                    }
                    continue;
                }
            }
            if t.starts_with(')') {
                signature = None;
            }
        }
        if current.is_none() {
            continue;
        }
        // Most lines (docstrings, plumbing) hold nothing to read: no string literal, no body.
        if !in_content_types && !t.contains(['\'', '"']) && !t.contains("body_params") && !t.contains("select_header_content_type") {
            continue;
        }
        let Some((op_name, op_at)) = current.as_ref() else { continue };
        if let Some(p) = scan::required_message(line) {
            ops.required(op_name, op_at.clone(), &p, at_here());
        }
        if t.contains("select_header_content_type(") {
            in_content_types = true;
        }
        if in_content_types {
            for ct in literals(t) {
                if ct.contains('/') {
                    ops.content_type(op_name, op_at.clone(), &ct);
                }
            }
            if t.contains(']') {
                in_content_types = false;
            }
        }
        if let Some((m, _)) = literal_after(t, "method=") {
            ops.op(op_name, op_at.clone()).method = scan::http_method(&m);
        }
        if let Some((p, _)) = literal_after(t, "resource_path=") {
            ops.op(op_name, op_at.clone()).path = scan::is_path(&p).then_some(p);
        }
        // Classic: `'/books/{bookId}', 'GET',` after `call_api(`.
        let lits = if t.starts_with('\'') { literals(t) } else { Vec::new() };
        if lits.len() >= 2 && scan::is_path(&lits[0]) {
            if let Some(m) = scan::http_method(&lits[1]) {
                let op = ops.op(op_name, op_at.clone());
                op.path = Some(lits[0].clone());
                op.method = Some(m);
            }
        }
        if let Some(p) = apply_rules(t, RULES, file, n) {
            if p.location == Location::Body && matches!(p.name.as_str(), "None" | "f" | "body_params") {
                continue;
            }
            ops.param(op_name, op_at.clone(), p);
        }
    }
    ops.finish(out);
}

/// 6.x: `<pkg>/paths/books_book_id/get.py`, its parameters `request_query_include_reviews =
/// api_client.QueryParameter(name="include-reviews", …, required=True)`.
fn dynamic_api(file: &str, text: &str, out: &mut SdkFacts) {
    let method = file.rsplit('/').next().and_then(|f| f.strip_suffix(".py")).and_then(scan::http_method);
    let mut ops = Ops::default();
    let Some((name, at)) = numbered(text).find_map(|(n, l)| {
        let t = l.trim_start();
        let name = t.strip_prefix("def _")?.split('(').next()?.strip_suffix("_oapg")?;
        Some((name.to_string(), At { file: file.to_string(), line: n }))
    }) else {
        return;
    };
    ops.op(&name, at.clone()).method = method;
    ops.op(&name, at.clone()).required = Some(Default::default());
    // The parameter being declared (`None`: the body), until its closing `)`.
    let mut pending: Option<(String, Option<Location>, At)> = None;
    let mut body: Option<super::SdkParam> = None;
    let mut form_body = false;
    // A form body's schema: its fields (`__annotations__`) and required ones.
    let (mut in_form_schema, mut in_fields, mut in_required) = (false, false, false);
    let mut form_required: Vec<String> = Vec::new();
    for (n, line) in numbered(text) {
        let here = At { file: file.to_string(), line: n };
        let t = line.trim();
        if t.starts_with("class SchemaForRequestBody") && (t.contains("FormData") || t.contains("Urlencoded")) {
            in_form_schema = true;
        } else if t.starts_with("class ") && !line.starts_with(' ') {
            in_form_schema = false;
        }
        if in_form_schema {
            if t.starts_with("required = {") {
                in_required = true;
            } else if t.starts_with("__annotations__ = {") {
                in_fields = true;
            } else if t.starts_with('}') {
                (in_required, in_fields) = (false, false);
            } else if in_required {
                form_required.extend(literal(t).map(|(l, _)| l));
            } else if in_fields {
                if let Some((wire, rest)) = literal(t) {
                    let var = scan::value_name(rest).unwrap_or_else(|| wire.clone());
                    ops.param(&name, at.clone(), super::SdkParam { name: var, wire_name: wire, location: Location::Form, at: here.clone() });
                }
            }
        }
        for (class, loc) in [
            ("api_client.QueryParameter(", Location::Query),
            ("api_client.HeaderParameter(", Location::Header),
            ("api_client.PathParameter(", Location::Path),
            ("api_client.CookieParameter(", Location::Cookie),
        ] {
            if t.contains(class) {
                let var = t.split('=').next().unwrap_or("").trim();
                let prefix = format!("request_{}_", loc.as_str());
                pending = Some((var.strip_prefix(&prefix).unwrap_or(var).to_string(), Some(loc), here.clone()));
            }
        }
        if t.contains("api_client.RequestBody(") {
            let var = t.split('=').next().unwrap_or("").trim();
            let var = var.strip_prefix("request_body_").unwrap_or(var).to_string();
            body = Some(super::SdkParam { name: var.clone(), wire_name: var.clone(), location: Location::Body, at: here.clone() });
            pending = Some((var, None, here.clone()));
        }
        let Some((var, loc, p_at)) = &pending else { continue };
        match loc {
            Some(loc) => {
                if let Some((wire, _)) = literal_after(t, "name=") {
                    let var = if var.is_empty() { wire.clone() } else { var.clone() };
                    ops.param(&name, at.clone(), super::SdkParam { name: var, wire_name: wire, location: *loc, at: p_at.clone() });
                }
            }
            None => {
                if let Some((ct, rest)) = literal(t) {
                    if ct.contains('/') && rest.trim_start().starts_with(':') {
                        form_body |= ct.contains("form");
                        ops.content_type(&name, at.clone(), &ct);
                    }
                }
            }
        }
        if t.starts_with("required=True") {
            ops.required(&name, at.clone(), var, here.clone());
        }
        if t == ")" {
            pending = None;
        }
    }
    match body {
        Some(b) if !form_body => ops.param(&name, at.clone(), b),
        _ => {
            for f in form_required {
                ops.required(&name, at.clone(), &f, at.clone());
            }
        }
    }
    ops.finish(out);
}

/// 5.x `python` / 6.x `python-prior`: one `Endpoint(settings={'endpoint_path': …,
/// 'operation_id': …, 'http_method': …}, params_map={'required': […]}, root_map={
/// 'attribute_map': {'created_after': 'createdAfter'}, 'location_map': {'created_after':
/// 'query'}}, headers_map={'content_type': […]})` per operation.
fn endpoint_api(file: &str, text: &str, out: &mut SdkFacts) {
    #[derive(Default)]
    struct Block {
        op: crate::sdk::SdkOp,
        required: Vec<String>,
        wires: std::collections::BTreeMap<String, String>,
        locations: Vec<(String, String, usize)>,
    }
    fn finish(b: Block, file: &str, out: &mut SdkFacts) {
        let mut op = b.op;
        if op.name.is_empty() {
            return;
        }
        for (name, loc, line) in b.locations {
            let location = match loc.as_str() {
                "path" => Location::Path,
                "query" => Location::Query,
                "header" => Location::Header,
                "cookie" => Location::Cookie,
                "form" | "file" => Location::Form,
                "body" => Location::Body,
                _ => continue,
            };
            let wire = if location == Location::Body { name.clone() } else { b.wires.get(&name).cloned().unwrap_or_else(|| name.clone()) };
            op.params.push(super::SdkParam { name, wire_name: wire, location, at: At { file: file.to_string(), line } });
        }
        op.required = Some(b.required.into_iter().map(|r| (r, op.at.clone())).collect());
        out.add_op(op);
    }
    let mut block: Option<Block> = None;
    // The map being read (`required`, `attribute_map`, `location_map`, `content_type`).
    let mut section: Option<&'static str> = None;
    for (n, line) in numbered(text) {
        let t = line.trim();
        if t.contains("= _Endpoint(") || t.contains("= Endpoint(") {
            if let Some(b) = block.take() {
                finish(b, file, out);
            }
            block = Some(Block { op: crate::sdk::SdkOp { at: At { file: file.to_string(), line: n }, ..Default::default() }, ..Block::default() });
            section = None;
            continue;
        }
        let Some(b) = block.as_mut() else { continue };
        let key = literal(t).filter(|_| t.starts_with(['\'', '"']));
        if let Some((k, rest)) = &key {
            let rest = rest.trim_start();
            if let Some(value) = rest.strip_prefix(':') {
                let value = value.trim();
                match k.as_str() {
                    "endpoint_path" => b.op.path = literal(value).map(|(p, _)| p).filter(|p| scan::is_path(p)),
                    "operation_id" => b.op.name = literal(value).map(|(p, _)| p).unwrap_or_default(),
                    "http_method" => b.op.method = literal(value).and_then(|(m, _)| scan::http_method(&m)),
                    "required" | "content_type" | "attribute_map" | "location_map" => {
                        section = Some(match k.as_str() {
                            "required" => "required",
                            "content_type" => "content_type",
                            "attribute_map" => "attribute_map",
                            _ => "location_map",
                        });
                    }
                    _ => {}
                }
                match section {
                    Some("required") if k == "required" => b.required.extend(literals(value)),
                    Some("content_type") if k == "content_type" => b.op.content_types.extend(literals(value)),
                    Some("attribute_map" | "location_map") if section.is_some_and(|s| s == k) => {}
                    Some("attribute_map") => {
                        if let Some((w, _)) = literal(value) {
                            b.wires.insert(k.clone(), w);
                        }
                    }
                    Some("location_map") => {
                        if let Some((l, _)) = literal(value) {
                            b.locations.push((k.clone(), l, n));
                        }
                    }
                    _ => {}
                }
                if (value.ends_with("],") || value.ends_with(']') || value.ends_with("},") || value.ends_with("{},")) && matches!(section, Some("required" | "content_type")) {
                    section = None;
                }
                continue;
            }
        }
        match section {
            Some("required") => b.required.extend(literals(t)),
            Some("content_type") => b.op.content_types.extend(literals(t)),
            _ => {}
        }
        if t.starts_with(']') || t.starts_with('}') {
            section = None;
        }
    }
    if let Some(b) = block.take() {
        finish(b, file, out);
    }
}

/// A line without its trailing `# …` comment (outside string literals).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (c, quote) {
            ('\'' | '"', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            ('#', None) => return line[..i].trim_end(),
            _ => {}
        }
    }
    line
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m: Option<SdkModel> = None;
    // Classic `attribute_map = {`, 6.x `attribute_map = {` too; 7.x pydantic fields.
    let mut in_map = false;
    let mut in_class_body = false;
    let mut required_checks: Vec<String> = Vec::new();
    let mut nullable: Vec<String> = Vec::new();
    let pydantic = text.contains("from pydantic import");
    let mut union: Option<(Vec<String>, bool)> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        // 7.x unions: `PAYMENTMETHOD_ONE_OF_SCHEMAS = ["BankAccount", "Card"]` before the class.
        for (marker, any_of) in [("_ONE_OF_SCHEMAS = [", false), ("_ANY_OF_SCHEMAS = [", true)] {
            if let Some((_, rest)) = line.split_once(marker) {
                union = Some((literals(rest), any_of));
            }
        }
        if let Some(rest) = line.strip_prefix("class ") {
            if let Some(done) = m.take() {
                out.add_model(finish_model(done, &required_checks, &nullable));
            }
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let (variants, any_of) = union.take().unwrap_or_default();
            // A union's validators and instance are no fields.
            in_class_body = variants.is_empty();
            m = Some(SdkModel { name, variants, any_of, at: at.clone(), ..SdkModel::default() });
            continue;
        }
        let Some(model) = m.as_mut() else { continue };
        if t.starts_with("attribute_map = {") {
            in_map = true;
            continue;
        }
        if in_map {
            if t.starts_with('}') {
                in_map = false;
                continue;
            }
            // `'published_at': 'publishedAt',`
            if let Some((attr, rest)) = literal(t) {
                if let Some((key, _)) = rest.trim_start().strip_prefix(':').and_then(literal) {
                    model.fields.push(SdkField { name: attr, wire_name: key, required: None, nullable: None, at });
                }
            }
            continue;
        }
        // Classic setters: `raise ValueError("Invalid value for `title`, must not be `None`")`.
        if let Some(rest) = t.split("Invalid value for `").nth(1) {
            if t.contains("must not be `None`") {
                if let Some(attr) = rest.split('`').next() {
                    required_checks.push(attr.to_string());
                }
            }
        }
        // 7.x: `# set to None if published_at (nullable) is None`.
        if let Some(rest) = t.strip_prefix("# set to None if ") {
            if let Some(attr) = rest.strip_suffix(" (nullable) is None") {
                nullable.push(attr.to_string());
            }
        }
        // 7.x pydantic: `    published_at: Optional[datetime] = Field(default=None, alias="publishedAt")`.
        if pydantic && in_class_body && line.starts_with("    ") && !line.starts_with("     ") {
            if t.starts_with("def ") || t.starts_with('@') {
                in_class_body = false;
                continue;
            }
            let Some((attr, rest)) = t.split_once(':') else { continue };
            let attr = attr.trim();
            if attr.starts_with('_') || attr.is_empty() || !attr.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || rest.contains("ClassVar") {
                continue;
            }
            let key = literal_after(rest, "alias=").map(|(k, _)| k).unwrap_or_else(|| attr.to_string());
            let (ty, default) = match rest.split_once('=') {
                Some((ty, d)) => (ty, Some(d)),
                None => (rest, None),
            };
            let required = default.is_none_or(|d| d.contains("Field(") && !d.contains("default=") && !d.contains("None"));
            let _ = ty;
            model.fields.push(SdkField { name: attr.to_string(), wire_name: key, required: Some(required), nullable: None, at });
        }
    }
    if let Some(done) = m.take() {
        out.add_model(finish_model(done, &required_checks, &nullable));
    }
}

fn finish_model(mut m: SdkModel, required: &[String], nullable: &[String]) -> SdkModel {
    for f in &mut m.fields {
        // A classic setter's check says required; its absence says optional or nullable.
        if f.required.is_none() && required.contains(&f.name) {
            f.required = Some(true);
        }
        if nullable.contains(&f.name) {
            f.nullable = Some(true);
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pydantic_serialize_functions() {
        let src = "class BooksApi:\n    def list_books(\n        self,\n        created_after: Annotated[Optional[datetime], Field(description=\"x\")] = None,\n        size: StrictInt,\n        _request_timeout: Union[\n    ) -> BookPage:\n        pass\n    def _list_books_serialize(\n        self,\n    ):\n        if created_after is not None:\n            _query_params.append(('createdAfter', created_after))\n        _path_params['bookId'] = book_id\n        _header_params['Accept'] = self.api_client.select_header_accept(\n        return self.api_client.param_serialize(\n            method='GET',\n            resource_path='/books',\n";
        let mut facts = SdkFacts::default();
        api("pkg/api/books_api.py", src, &mut facts);
        let op = &facts.ops["GET /books"];
        assert_eq!(op.name, "list_books");
        let q = &op.params[0];
        assert_eq!((q.name.as_str(), q.wire_name.as_str(), q.location, q.at.line), ("created_after", "createdAfter", Location::Query, 13));
        assert_eq!(op.params.len(), 2);
        let req = op.required.as_ref().unwrap();
        assert!(req.contains_key("size") && !req.contains_key("created_after"), "{req:?}");
    }

    #[test]
    fn endpoint_objects() {
        let src = "        self.upload = _Endpoint(\n            settings={\n                'endpoint_path': '/d/{did}',\n                'operation_id': 'upload',\n                'http_method': 'POST',\n            },\n            params_map={\n                'all': [\n                    'did',\n                    'format_name',\n                ],\n                'required': [\n                    'did',\n                ],\n            },\n            root_map={\n                'attribute_map': {\n                    'did': 'did',\n                    'format_name': 'formatName',\n                },\n                'location_map': {\n                    'did': 'path',\n                    'format_name': 'form',\n                },\n            },\n            headers_map={\n                'content_type': [\n                    'multipart/form-data'\n                ]\n            },\n        )\n";
        let mut facts = SdkFacts::default();
        api("pkg/api/x_api.py", &format!("endpoint_path\n{src}"), &mut facts);
        let op = &facts.ops["POST /d/{did}"];
        let got: Vec<(&str, &str, Location)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str(), p.location)).collect();
        assert_eq!(got, vec![("did", "did", Location::Path), ("format_name", "formatName", Location::Form)]);
        assert!(op.required.as_ref().unwrap().contains_key("did") && !op.required.as_ref().unwrap().contains_key("format_name"));
        assert_eq!(op.content_types, vec!["multipart/form-data"]);
    }

    #[test]
    fn pydantic_unions() {
        let src = "DESTINATION_ANY_OF_SCHEMAS = [\"BankAccount\", \"Wallet\"]\n\nclass Destination(BaseModel):\n    anyof_schema_1_validator: Optional[BankAccount] = None\n";
        let mut facts = SdkFacts::default();
        model("pkg/models/destination.py", &format!("from pydantic import BaseModel\n{src}"), &mut facts);
        let d = &facts.models["Destination"];
        assert_eq!((d.variants.clone(), d.any_of, d.fields.len()), (vec!["BankAccount".to_string(), "Wallet".to_string()], true, 0));
    }

    #[test]
    fn classic_with_http_info() {
        let src = "    def get_book_with_http_info(self, book_id, **kwargs):\n            raise ApiValueError(\"Missing the required parameter `book_id` when calling `get_book`\")\n            path_params['bookId'] = local_var_params['book_id']\n            query_params.append(('include-reviews', local_var_params['include_reviews']))\n        return self.api_client.call_api(\n            '/books/{bookId}', 'GET',\n";
        let mut facts = SdkFacts::default();
        api("pkg/api/books_api.py", src, &mut facts);
        let op = &facts.ops["GET /books/{bookId}"];
        assert_eq!(op.params.len(), 2);
        assert_eq!(op.params[1].wire_name, "include-reviews");
        assert_eq!(op.params[1].name, "include_reviews");
        assert!(op.required.as_ref().unwrap().contains_key("book_id"));
    }
}
