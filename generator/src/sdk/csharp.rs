//! C#: `src/<Package>/Api/*Api.cs` in three shapes: openapi-generator 7.x's generichost
//! (`GetBookAsync(string bookId, Option<bool> includeReviews = default, …)`,
//! `.Path.Replace("%7BbookId%7D", …)`, `parseQueryStringLocalVar["include-reviews"] = …`,
//! `Headers.Add(…)`, `formParameterLocalVars.Add(…)`, `HttpMethod.Get`), the RestSharp
//! clients of 4.x–6.x (`localVarRequestOptions.QueryParameters.Add(ClientUtils.ParameterToMultiMap("",
//! "include-reviews", includeReviews))`, `this.Client.Get<Book>("/books/{bookId}", …)`) and
//! swagger-codegen's (`localVarPathParams.Add(…)`, `Method.GET`); `Missing required parameter
//! 'bookId'`. Models `Model/*.cs` (`[DataMember(Name = "publishedAt" …)]`,
//! `[JsonPropertyName("publishedAt")]`, required constructor arguments).

use super::scan::{self, apply_rules, literal, numbered, Ops, Rule};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "csharp", is_api, is_model, api, model };

fn is_api(rel: &str) -> bool {
    rel.contains("/Api/") && rel.ends_with("Api.cs") && !rel.ends_with("/IApi.cs") && !rel.contains(".Test")
}

fn is_model(rel: &str) -> bool {
    rel.contains("/Model/") && rel.ends_with(".cs") && !rel.contains(".Test")
}

const RULES: &[Rule] = &[
    Rule { marker: "PathParameters.Add(", location: Location::Path, wire: true },
    Rule { marker: "PathParams.Add(", location: Location::Path, wire: true },
    Rule { marker: ".Path.Replace(", location: Location::Path, wire: true },
    Rule { marker: "QueryParameters.Add(", location: Location::Query, wire: true },
    Rule { marker: "QueryParams.AddRange(", location: Location::Query, wire: true },
    Rule { marker: "QueryParams.Add(", location: Location::Query, wire: true },
    Rule { marker: "parseQueryStringLocalVar[", location: Location::Query, wire: true },
    Rule { marker: "HeaderParameters.Add(", location: Location::Header, wire: true },
    Rule { marker: "HeaderParams.Add(", location: Location::Header, wire: true },
    Rule { marker: "Headers.Add(", location: Location::Header, wire: true },
    Rule { marker: "Cookies.Add(new Cookie(", location: Location::Cookie, wire: true },
    Rule { marker: "FormParameters.Add(", location: Location::Form, wire: true },
    Rule { marker: "FormParams.Add(", location: Location::Form, wire: true },
    Rule { marker: "FileParameters.Add(", location: Location::Form, wire: true },
    Rule { marker: "FileParams.Add(", location: Location::Form, wire: true },
    Rule { marker: "formParameterLocalVars.Add(", location: Location::Form, wire: true },
    Rule { marker: "localVarRequestOptions.Data = ", location: Location::Body, wire: false },
    Rule { marker: "localVarPostBody = ", location: Location::Body, wire: false },
    Rule { marker: "JsonSerializer.Serialize(", location: Location::Body, wire: false },
];

/// Credentials the configuration sends are no parameters.
fn is_auth(line: &str) -> bool {
    ["Configuration.AccessToken", "GetApiKeyWithPrefix", "Configuration.Username", "ToBase64String", "ApiKeyProvider", "TokenLocalVar", "\"Authorization\""]
        .iter()
        .any(|m| line.contains(m))
}

/// `public ApiResponse<Book> GetBookWithHttpInfo (string bookId, bool? x = null)` and 7.x
/// `public async Task<IGetBookApiResponse> GetBookAsync(string bookId, Option<bool> x = default, …)`:
/// the name and the arguments without a default (required).
fn op_start(line: &str) -> Option<(String, Vec<String>)> {
    let t = line.trim_start();
    if !t.starts_with("public ") || t.ends_with(';') {
        return None;
    }
    let (head, args) = t.split_once('(')?;
    let name = head.trim().rsplit(' ').next()?;
    let name = if let Some(n) = name.strip_suffix("WithHttpInfo") {
        n
    } else if head.contains("ApiResponse>") {
        name.strip_suffix("Async")?.trim_end_matches("OrDefault")
    } else {
        return None;
    };
    if name.is_empty() || name.ends_with("Async") {
        return None;
    }
    let args = args.rsplit_once(')').map_or(args, |(a, _)| a);
    let required = split_args(args)
        .into_iter()
        .filter(|a| !a.contains('=') && !a.contains("Option<") && !a.contains("CancellationToken") && !a.contains("operationIndex"))
        .filter_map(|a| a.split_whitespace().last().map(str::to_string))
        .collect();
    Some((name.to_string(), required))
}

/// Arguments split at commas outside `<…>`.
fn split_args(args: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in args.char_indices() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&args[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&args[start..]);
    out.into_iter().map(str::trim).filter(|a| !a.is_empty()).collect()
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    let mut in_content_types = false;
    let mut path_next = false;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        if let Some((name, required)) = op_start(line) {
            let known = ops.op(&name, at.clone()).method.is_some();
            if known {
                // The async twin of an operation already read.
                current = None;
                continue;
            }
            ops.op(&name, at.clone()).required.get_or_insert_with(Default::default);
            for r in required {
                ops.required(&name, at.clone(), &r, at.clone());
            }
            current = Some((name, at));
            in_content_types = false;
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        let t = line.trim();
        if t.starts_with("//") || is_auth(t) {
            continue;
        }
        if let Some(p) = scan::required_message(t) {
            ops.required(&op, op_at.clone(), &p, at.clone());
            continue;
        }
        // Paths: `var localVarPath = "/books";`, `this.Client.Get<Book>("/books/{bookId}", …)`,
        // generichost's `? "/books/{bookId}"` after `uriBuilderLocalVar.Path = … == "/"`.
        if path_next || t.starts_with("var localVarPath = ") || t.contains("this.Client.") || t.contains("this.AsynchronousClient.") {
            path_next = false;
            if let Some(p) = scan::literals(t).into_iter().find(|l| scan::is_path(l) && l.len() > 1) {
                ops.op(&op, op_at.clone()).path.get_or_insert(p);
            }
            if let Some(m) = t.split("Client.").nth(1).and_then(|r| r.split('<').next()) {
                if let Some(m) = scan::http_method(m) {
                    ops.op(&op, op_at.clone()).method = Some(m);
                }
            }
        }
        if t.starts_with("uriBuilderLocalVar.Path = HttpClient.BaseAddress.AbsolutePath == \"/\"") {
            path_next = true;
            continue;
        }
        for marker in ["Method = HttpMethod.", "Method.", "new HttpMethod(\""] {
            if let Some(rest) = t.split(marker).nth(1) {
                let word: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
                if let Some(m) = scan::http_method(&word) {
                    ops.op(&op, op_at.clone()).method = Some(m);
                }
            }
        }
        if t.contains("ContentTypes = new String[] {") || t.contains("contentTypes = new string[] {") || t.contains("_contentTypes = new String[] {") {
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
        if let Some((wire, _)) = scan::literal_after(t, "multipartContentLocalVar.Add(streamContentLocalVar, ") {
            ops.param(&op, op_at.clone(), SdkParam { name: wire.clone(), wire_name: wire, location: Location::Form, at });
            continue;
        }
        let t = super::java::drop_collection_format(t);
        // `ParameterToMultiMap("", "include-reviews", …)`: an empty collection format.
        let t = t.replace("ParameterToMultiMap(\"\", ", "ParameterToMultiMap(").replace("ParameterToKeyValuePairs(\"\", ", "ParameterToKeyValuePairs(");
        if let Some(mut p) = apply_rules(&t, RULES, file, n) {
            if p.location == Location::Path {
                p.wire_name = p.wire_name.trim_start_matches("%7B").trim_end_matches("%7D").trim_matches(['{', '}']).to_string();
            }
            if p.location == Location::Header && matches!(p.wire_name.as_str(), "Accept" | "Content-Type") {
                continue;
            }
            ops.param(&op, op_at, p);
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m = SdkModel::default();
    let mut key: Option<(String, At, Option<bool>)> = None;
    let mut required_args: Option<Vec<String>> = None;
    let mut thrown: Vec<String> = Vec::new();
    // The constructor's documentation: `/// <param name="id">id (required).</param>`.
    let mut documented: Vec<(String, bool)> = Vec::new();
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if m.name.is_empty() {
            if let Some(rest) = t.split("partial class ").nth(1).or_else(|| t.strip_prefix("public class ")) {
                m.name = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                m.at = at.clone();
            }
            continue;
        }
        // 7.x: the constructor's arguments without `Option<…>` are required.
        if required_args.is_none() && t.starts_with(&format!("public {}(", m.name)) {
            let args = t.split_once('(').map_or("", |(_, a)| a).rsplit_once(')').map_or("", |(a, _)| a);
            if text.contains("Option<") {
                required_args = Some(
                    split_args(args).into_iter().filter(|a| !a.contains("Option<")).filter_map(|a| a.split_whitespace().nth(1).map(str::to_string)).collect(),
                );
            }
        }
        if let Some(rest) = t.strip_prefix("/// <param name=\"") {
            if let Some((name, doc)) = rest.split_once('"') {
                documented.push((name.trim_start_matches('_').to_string(), doc.contains("(required)")));
            }
        }
        if t.contains("is a required property for") {
            if let Some((msg, _)) = scan::literals(t).into_iter().find(|l| l.contains("is a required property")).map(|l| (l, ())) {
                thrown.extend(msg.split(' ').next().map(str::to_string));
            }
        }
        if let Some(rest) = t.strip_prefix("[DataMember(Name = ").or_else(|| t.strip_prefix("[DataMember(Name=")) {
            let required = t.contains("IsRequired = true").then_some(true);
            key = literal(rest).map(|(k, _)| (k, at.clone(), required));
            continue;
        }
        if let Some(rest) = t.strip_prefix("[JsonPropertyName(") {
            key = literal(rest).map(|(k, _)| (k, at.clone(), None));
            continue;
        }
        if let Some((k, k_at, required)) = key.clone() {
            if t.starts_with("public ") {
                let decl = t.split('{').next().unwrap_or("").trim();
                let attr = decl.rsplit(' ').next().unwrap_or("").to_string();
                m.fields.push(SdkField { name: attr, wire_name: k, required, nullable: None, at: k_at });
                key = None;
            }
        }
    }
    for f in &mut m.fields {
        let folded = super::fold(&f.name);
        if let Some(args) = &required_args {
            f.required = Some(args.iter().any(|a| super::fold(a) == folded));
        } else if let Some((_, r)) = documented.iter().find(|(d, _)| super::fold(d) == folded).filter(|_| f.required.is_none()) {
            f.required = Some(*r);
        } else if !thrown.is_empty() && f.required.is_none() {
            f.required = Some(thrown.iter().any(|a| super::fold(a) == folded));
        }
    }
    out.add_model(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restsharp_and_generichost_operations() {
        let src = "        public Org.OpenAPITools.Client.ApiResponse<Book> GetBookWithHttpInfo(string bookId, bool? includeReviews = default(bool?))\n        {\n                throw new Org.OpenAPITools.Client.ApiException(400, \"Missing required parameter 'bookId' when calling BooksApi->GetBook\");\n            localVarRequestOptions.PathParameters.Add(\"bookId\", Org.OpenAPITools.Client.ClientUtils.ParameterToString(bookId)); // path parameter\n                localVarRequestOptions.QueryParameters.Add(Org.OpenAPITools.Client.ClientUtils.ParameterToMultiMap(\"\", \"include-reviews\", includeReviews));\n            var localVarResponse = this.Client.Get<Book>(\"/books/{bookId}\", localVarRequestOptions, this.Configuration);\n";
        let mut facts = SdkFacts::default();
        api("src/X/Api/BooksApi.cs", src, &mut facts);
        let op = &facts.ops["GET /books/{bookId}"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("bookId", "bookId"), ("includeReviews", "include-reviews")]);
        let req = op.required.as_ref().unwrap();
        assert!(req.contains_key("bookId") && !req.contains_key("includeReviews"));
    }
}
