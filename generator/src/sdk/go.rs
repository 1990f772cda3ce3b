//! Go: `api_*.go`, one `func (a *BooksAPIService) GetBookExecute(r ApiGetBookRequest)` per
//! operation in 5.x–7.x (`parameterAddToHeaderOrQuery(localVarQueryParams, "createdAfter",
//! r.createdAfter, …)`, `reportError("bookId is required and must be specified")`), `func (a
//! *BooksApiService) GetBook(ctx, bookId string, localVarOptionals *GetBookOpts)` in 4.x and
//! swagger-codegen (`localVarQueryParams.Add("createdAfter", parameterToString(…))`, the
//! positional arguments required); models `model_*.go` with `json:"createdAt,omitempty"` tags.

use super::scan::{self, apply_rules, literal, literal_after, numbered, Ops, Rule};
use super::{At, Extractor, SdkFacts, SdkField, SdkModel, SdkParam};
use crate::ir::Location;

pub const EXTRACTOR: Extractor = Extractor { language: "go", is_api, is_model, api, model };

fn base(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

fn is_api(rel: &str) -> bool {
    let b = base(rel);
    b.starts_with("api_") && b.ends_with(".go") && !b.ends_with("_test.go")
}

fn is_model(rel: &str) -> bool {
    let b = base(rel);
    b.starts_with("model_") && b.ends_with(".go") && !b.ends_with("_test.go")
}

const RULES: &[Rule] = &[
    Rule { marker: "strings.Replace(localVarPath, ", location: Location::Path, wire: true },
    Rule { marker: "(localVarQueryParams, ", location: Location::Query, wire: true },
    Rule { marker: "localVarQueryParams.Add(", location: Location::Query, wire: true },
    Rule { marker: "(localVarHeaderParams, ", location: Location::Header, wire: true },
    Rule { marker: "localVarHeaderParams[", location: Location::Header, wire: true },
    Rule { marker: "(localVarFormParams, ", location: Location::Form, wire: true },
    Rule { marker: "localVarFormParams.Add(", location: Location::Form, wire: true },
    Rule { marker: "localVarPostBody = ", location: Location::Body, wire: false },
];

/// `func (a *LoansAPIService) LendBookExecute(r …)` / `… LendBook(ctx …, memberId int64, …)`:
/// the operation's name and its declared arguments.
fn op_start(line: &str) -> Option<(&str, Vec<&str>)> {
    let rest = line.strip_prefix("func (a *")?;
    let (_, rest) = rest.split_once(") ")?;
    let (name, args) = rest.split_once('(')?;
    let args = args.split(')').next().unwrap_or("");
    let names = args.split(',').filter_map(|a| a.split_whitespace().next()).filter(|a| !matches!(*a, "ctx" | "r" | "localVarOptionals")).collect();
    Some((name.strip_suffix("Execute").unwrap_or(name), names))
}

fn api(file: &str, text: &str, out: &mut SdkFacts) {
    let mut ops = Ops::default();
    let mut current: Option<(String, At)> = None;
    let mut auth_lines = 0usize;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        if let Some((name, args)) = op_start(line) {
            current = Some((name.to_string(), at.clone()));
            ops.op(name, at.clone());
            // The arguments of the call itself are required (4.x, swagger-codegen; 7.x's path
            // parameters).
            if !args.is_empty() || line.contains("localVarOptionals") || !line.contains("Execute(") {
                for a in args {
                    ops.required(name, at.clone(), a, at.clone());
                }
                ops.op(name, at.clone()).required.get_or_insert_with(Default::default);
            }
            continue;
        }
        let Some((op, op_at)) = current.clone() else { continue };
        let t = line.trim();
        if t.starts_with("//") {
            continue;
        }
        // API keys the configuration sends are no parameters.
        if t.contains("ContextAPIKey") {
            auth_lines = 12;
        }
        if auth_lines > 0 {
            auth_lines -= 1;
            continue;
        }
        if let Some(p) = scan::required_message(t) {
            ops.required(&op, op_at.clone(), &p, at.clone());
            continue;
        }
        if let Some(rest) = t.strip_prefix("localVarPath := ") {
            if let Some((p, _)) = literal(rest) {
                ops.op(&op, op_at.clone()).path = scan::is_path(&p).then_some(p);
            }
        }
        if let Some(rest) = t.strip_prefix("localVarHTTPMethod").or_else(|| t.strip_prefix("localVarHttpMethod")) {
            let rest = rest.trim_start().trim_start_matches([':', '=']).trim();
            let word = literal(rest).map(|(l, _)| l).unwrap_or_else(|| rest.rsplit('.').next().unwrap_or("").trim_start_matches("Method").to_string());
            if let Some(m) = scan::http_method(&word) {
                ops.op(&op, op_at.clone()).method = Some(m);
            }
        }
        if let Some(rest) = t.strip_prefix("localVarHTTPContentTypes := []string{").or_else(|| t.strip_prefix("localVarHttpContentTypes := []string{")) {
            for ct in scan::literals(rest) {
                ops.content_type(&op, op_at.clone(), &ct);
            }
            continue;
        }
        if let Some((wire, _)) = literal_after(t, "FormFileName = ") {
            let p = SdkParam { name: wire.clone(), wire_name: wire, location: Location::Form, at };
            ops.param(&op, op_at, p);
            continue;
        }
        if let Some(mut p) = apply_rules(t, RULES, file, n) {
            if p.location == Location::Path {
                // `"{"+"bookId"+"}"`: the placeholder is the second literal.
                let lits = scan::literals(t);
                match lits.get(1) {
                    Some(w) if lits[0] == "{" => p.wire_name = w.clone(),
                    _ => continue,
                }
            }
            ops.param(&op, op_at, p);
        }
    }
    ops.finish(out);
}

fn model(file: &str, text: &str, out: &mut SdkFacts) {
    let mut m: Option<SdkModel> = None;
    for (n, line) in numbered(text) {
        let at = At { file: file.to_string(), line: n };
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("type ") {
            if let Some(name) = rest.strip_suffix(" struct {") {
                if let Some(done) = m.take() {
                    out.add_model(done);
                }
                m = Some(SdkModel { name: name.trim().to_string(), at, ..SdkModel::default() });
            }
            continue;
        }
        if t == "}" {
            if let Some(done) = m.take() {
                out.add_model(done);
            }
            continue;
        }
        let Some(model) = m.as_mut() else { continue };
        // `PublishedAt *time.Time `json:"publishedAt,omitempty"``
        let Some(tag) = t.split("json:\"").nth(1).and_then(|r| r.split('"').next()) else { continue };
        let mut parts = tag.split(',');
        let key = parts.next().unwrap_or("").to_string();
        if key == "-" || key.is_empty() {
            continue;
        }
        let omitempty = parts.any(|p| p == "omitempty");
        let mut words = t.split_whitespace();
        let attr = words.next().unwrap_or("").to_string();
        let ty = words.next().unwrap_or("");
        let nullable = ty.starts_with("Nullable");
        model.fields.push(SdkField { name: attr, wire_name: key, required: Some(!omitempty), nullable: nullable.then_some(true), at });
    }
    if let Some(done) = m.take() {
        out.add_model(done);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_operations_of_every_generation() {
        let src = "func (a *LoansAPIService) ListMemberLoansExecute(r ApiListMemberLoansRequest) ([]Loan, *http.Response, error) {\n\t\tlocalVarHTTPMethod   = http.MethodGet\n\tlocalVarPath := localBasePath + \"/members/{member_id}/loans\"\n\tlocalVarPath = strings.Replace(localVarPath, \"{\"+\"member_id\"+\"}\", url.PathEscape(parameterValueToString(r.memberId, \"memberId\")), -1)\n\t\treturn localVarReturnValue, nil, reportError(\"size is required and must be specified\")\n\t\tparameterAddToHeaderOrQuery(localVarQueryParams, \"dueBefore\", r.dueBefore, \"form\", \"\")\n\t\tif auth, ok := r.ctx.Value(ContextAPIKeys).(map[string]APIKey); ok {\n\t\t\t\tlocalVarHeaderParams[\"X-Key\"] = key\n";
        let mut facts = SdkFacts::default();
        api("api_loans.go", src, &mut facts);
        let op = &facts.ops["GET /members/{member_id}/loans"];
        let got: Vec<(&str, &str)> = op.params.iter().map(|p| (p.name.as_str(), p.wire_name.as_str())).collect();
        assert_eq!(got, vec![("memberId", "member_id"), ("dueBefore", "dueBefore")]);
        assert!(op.required.as_ref().unwrap().contains_key("size"));
        let old = "func (a *LoansApiService) ReturnLoan(ctx _context.Context, loanId string, xDeskId int32, localVarOptionals *ReturnLoanOpts) (Loan, *_nethttp.Response, error) {\n\t\tlocalVarHTTPMethod   = _nethttp.MethodPost\n\tlocalVarPath := a.client.cfg.BasePath + \"/loans/{loanId}/return\"\n\t\tlocalVarQueryParams.Add(\"returnedAt\", parameterToString(localVarOptionals.ReturnedAt.Value(), \"\"))\n";
        let mut facts = SdkFacts::default();
        api("api_loans.go", old, &mut facts);
        let op = &facts.ops["POST /loans/{loanId}/return"];
        assert_eq!(op.params[0].name, "ReturnedAt");
        assert!(op.required.as_ref().unwrap().contains_key("xDeskId"));
    }
}
