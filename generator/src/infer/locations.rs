//! Where each parameter travels and under which wire name; an operation's content type.

use crate::diag::Diagnostics;
use crate::doc::{DocOp, DocParam};
use crate::ir::{Evidence, Location, Operation, Param, TypeRef};
use super::naming::*;

pub(crate) fn is_form(ct: Option<&str>) -> bool {
    ct.is_some_and(|c| c.contains("multipart/form-data") || c.contains("application/x-www-form-urlencoded"))
}

pub(crate) fn infer_op(op: &DocOp, conv: &Convention, file: &str, diags: &mut Diagnostics) -> Operation {
    let mut inferred = Evidence::new();
    // A malformed path is reported once, not again for each placeholder it seems to have.
    let phs = match check_braces(&op.path) {
        Ok(()) => placeholders(&op.path),
        Err(problem) => {
            diags.error(file, op.line, format!("path `{}` of `{}` {problem}", op.path, op.name));
            Vec::new()
        }
    };
    let ct = op.content_type.as_deref();
    let bodyless = matches!(op.method.as_str(), "GET" | "HEAD" | "DELETE" | "OPTIONS");
    let structured = |p: &DocParam| p.model_link || p.ty.is_structured();
    // Form fields: form types alone, or form beside JSON when the parameters are plainly
    // fields (no model to be the JSON body); never on a GET.
    let has_model = op.params.iter().any(|p| p.stated_location.is_none() && structured(p) && p.ty != TypeRef::Binary);
    let form = is_form(ct) && op.method != "GET" && op.method != "HEAD" && !(lists_json(ct) && has_model);
    let ctx = OpText::new(op, file);
    let mut params: Vec<Param> = Vec::new();
    let mut has_body = false;
    for p in &op.params {
        let param = infer_param(p, op, &phs, form, bodyless, &mut has_body, conv, &ctx, file, diags);
        params.push(param);
    }
    for ph in &phs {
        if !params.iter().any(|p| p.location == Location::Path && &p.wire_name == ph) {
            // Some SDKs fill such placeholders from their configuration; some docs are broken.
            // Either way the caller must supply the value: a required string.
            let name = flatten(ph);
            diags.repaired(
                file,
                op.line,
                format!(
                    "path placeholder `{{{ph}}}` of `{}` has no parameter row; added a required string path parameter `{name}`",
                    op.name
                ),
            );
            let mut ev = Evidence::new();
            ev.insert(
                "location".into(),
                format!("placeholder {{{ph}}} in path has no parameter row in the doc: added as a required string"),
            );
            params.push(Param {
                name,
                neutral_name: None,
                wire_name: ph.to_string(),
                location: Location::Path,
                ty: TypeRef::String,
                doc_type: String::new(),
                required: true,
                default: None,
                description: String::new(),
                enum_values: Vec::new(),
                example: None,
                inferred: ev,
                overridden: Vec::new(),
            });
        }
    }
    if let Some(note) = &op.path_note {
        inferred.insert("path".into(), note.clone());
    }
    let mut content_type = op.content_type.clone();
    if has_body && content_type.is_none() {
        if params.iter().any(|p| p.location == Location::Body && p.ty == TypeRef::Binary) {
            content_type = Some("application/octet-stream".into());
            inferred.insert(
                "content_type".into(),
                "a file body documented with Content-Type `Not defined`".into(),
            );
        } else {
            content_type = Some("application/json".into());
            inferred.insert(
                "content_type".into(),
                "a JSON body documented with Content-Type `Not defined`".into(),
            );
        }
    }
    if !has_body && !params.iter().any(|p| p.location == Location::Form) && content_type.is_some() {
        // A content type with nothing to send is kept as documented; the renderer sends no body.
    }
    if !op.also_in.is_empty() {
        inferred.insert(
            "also_documented_in".into(),
            format!("the same operation is also documented in {}; kept once", op.also_in.join(", ")),
        );
    }
    let security: Vec<Vec<String>> = op.auth.iter().map(|s| vec![s.clone()]).collect();
    if security.len() > 1 {
        inferred.insert(
            "security".into(),
            format!(
                "the Authorization section lists {} schemes; each is an alternative, and every configured one is sent",
                security.len()
            ),
        );
    }
    Operation {
        name: op.name.clone(),
        group: op.group.clone(),
        method: op.method.clone(),
        path: op.path.clone(),
        summary: op.summary.clone(),
        description: op.description.clone(),
        params,
        response: op.return_type.clone(),
        responses: op.statuses.clone(),
        security,
        security_exact: false,
        content_type,
        accept: op.accept.clone(),
        pagination: None,
        inferred,
        overridden: Vec::new(),
        line: op.line,
        file: file.to_string(),
    }
}

/// The prose of one operation, where parameters' names may be spelled out.
struct OpText {
    text: String,
    /// The operation and its doc: where the nearest naming votes are.
    op: String,
    file: String,
}

impl OpText {
    fn new(op: &DocOp, file: &str) -> Self {
        let mut text = format!("{}\n{}\n", op.summary, op.description);
        for p in &op.params {
            text.push_str(&p.description);
            text.push('\n');
        }
        OpText { text, op: op.name.clone(), file: if op.file.is_empty() { file.to_string() } else { op.file.clone() } }
    }
}

/// JSON among the listed content types (`application/json, application/x-www-form-urlencoded`).
pub(crate) fn lists_json(ct: Option<&str>) -> bool {
    ct.is_some_and(|c| c.split(',').any(|c| c.trim().contains("json")))
}

/// A content type that is neither JSON nor a form: a raw body (`text/plain`, `*/*`, binary).
pub(crate) fn raw_content_type(ct: Option<&str>) -> Option<&str> {
    let ct = ct?;
    if lists_json(Some(ct)) || is_form(Some(ct)) {
        return None;
    }
    ct.split(',').map(str::trim).find(|c| !c.is_empty())
}

/// A conventional header name (`content_type`, `range`) that is a query parameter after
/// all: a list (headers are single values), or one whose description writes its name as a
/// query name (`Filter by content_type`). `x_` names are headers whatever their prose says.
pub(crate) fn query_named_like_a_header(p: &DocParam, bare: &str) -> bool {
    if is_x_header_name(bare) {
        return false;
    }
    matches!(p.ty, TypeRef::List(_)) || (bare.contains('_') && spelled_as_is(&p.description, bare).is_some())
}

/// Whether the name or the description's first sentence (what the parameter is) says cookie:
/// `The session cookie.`, not `A logout token. If you only have a session cookie, …`.
pub(crate) fn says_cookie(p: &DocParam, bare: &str) -> bool {
    let d = p.description.to_ascii_lowercase();
    let first = [". ", ".\n", "\n", "  "].iter().filter_map(|end| d.find(end)).min().map_or(d.as_str(), |i| &d[..i]);
    bare.to_ascii_lowercase().contains("cookie") || first.contains(" cookie") || first.starts_with("cookie")
}

#[allow(clippy::too_many_arguments)]
fn infer_param(
    p: &DocParam,
    op: &DocOp,
    phs: &[&str],
    form: bool,
    bodyless: bool,
    has_body: &mut bool,
    conv: &Convention,
    ctx: &OpText,
    file: &str,
    diags: &mut Diagnostics,
) -> Param {
    let bare = unescape(&p.name, conv.language);
    let bare: &str = &bare;
    let mut inferred = Evidence::new();
    let mut required = p.required;
    let ct = op.content_type.as_deref();
    let structured = p.model_link || p.ty.is_structured();
    let (location, wire_name) = if let Some((loc, why)) = &p.stated_location {
        let wire = p.stated_wire_name.clone().unwrap_or_else(|| bare.to_string());
        let wire = match loc {
            Location::Path => phs
                .iter()
                .find(|ph| fold(ph) == fold(&wire))
                .map(|ph| ph.to_string())
                .unwrap_or(wire),
            Location::Body => p.name.clone(),
            _ => wire,
        };
        if *loc == Location::Body {
            *has_body = true;
        }
        if *loc == Location::Path {
            required = true;
        }
        inferred.insert("location".into(), Confidence::Strong.tag(why));
        (*loc, wire)
    } else if let Some(ph) = phs
        .iter()
        .find(|ph| fold(ph) == fold(bare))
        .or_else(|| phs.iter().find(|ph| fold(&spell_symbols(ph)) == fold(bare)))
    {
        inferred.insert("location".into(), format!("placeholder {{{ph}}} in path"));
        if !required {
            diags.warning(file, p.line, format!("path parameter `{}` is marked optional; path parameters are required", p.name));
            required = true;
        }
        (Location::Path, ph.to_string())
    } else if p.model_link && lists_json(ct) && !*has_body && !bodyless && header_wire_name(bare).is_some() {
        // A model is no header value: whatever its name (`x_com_create_body`), it is the JSON body.
        *has_body = true;
        inferred.insert(
            "location".into(),
            format!("model `{}` with Content-Type `{}`, though its name reads like a header's", p.ty, ct.unwrap_or_default()),
        );
        (Location::Body, p.name.clone())
    } else if let Some(h) = header_wire_name(bare).filter(|_| !(query_named_like_a_header(p, bare) || form && fold(bare) == "contenttype")) {
        // (A form's own Content-Type is the client's to set: there, `content_type` is a field.)
        let (w, why) = header_spelling(bare, &h, p, ctx);
        inferred.insert("location".into(), format!("`{bare}` is a conventional header name"));
        inferred.insert("wire_name".into(), why);
        (Location::Header, w)
    } else if says_cookie(p, bare) && !structured {
        inferred.insert("location".into(), Confidence::Weak.tag(&format!("`{bare}`: the name or description says cookie")));
        let w = query_wire(bare, p, conv, ctx, &mut inferred);
        (Location::Cookie, w)
    } else if p.ty == TypeRef::Binary && !form && ct.is_none() && bare == "body" && !*has_body {
        *has_body = true;
        inferred.insert(
            "location".into(),
            Confidence::Weak.tag("a file named `body` with Content-Type `Not defined`: the raw body"),
        );
        (Location::Body, p.name.clone())
    } else if p.ty == TypeRef::Binary && ct.is_some() && !is_form(ct) && !*has_body {
        // A file where no form type is listed cannot be a form part: it is the body.
        *has_body = true;
        inferred.insert(
            "location".into(),
            format!("a file with Content-Type `{}`, which lists no form type: the raw body", ct.unwrap_or_default()),
        );
        (Location::Body, p.name.clone())
    } else if p.ty == TypeRef::Binary && !form && raw_content_type(ct).is_none() {
        inferred.insert("location".into(), format!("file parameter (`{}`) sent as a multipart part", p.doc_type));
        (Location::Form, query_wire(bare, p, conv, ctx, &mut inferred))
    } else if let Some(others) = conv
        .query_names
        .get(&fold(bare))
        .map(|ops| ops.iter().filter(|o| **o != op.name).collect::<Vec<_>>())
        .filter(|others| form && others.len() >= 2 && !structured && p.ty != TypeRef::Binary && !matches!(&p.ty, TypeRef::List(t) if **t == TypeRef::Binary))
    {
        // In a form operation the docs list query parameters and form fields alike; a name
        // the other operations send in the query is taken to be one here too. A habit is
        // two operations or more: one is no habit (as one clue is no naming convention).
        let shown: Vec<String> = others.iter().take(3).map(|o| format!("`{o}`")).collect();
        let more = if others.len() > 3 { format!(" and {} more", others.len() - 3) } else { String::new() };
        inferred.insert(
            "location".into(),
            Confidence::Weak.tag(&format!(
                "a query parameter of {} other operation(s) of the docs ({}{more}); in a form operation the docs list query parameters and form fields alike",
                others.len(),
                shown.join(", ")
            )),
        );
        (Location::Query, query_wire(bare, p, conv, ctx, &mut inferred))
    } else if form && !(structured && lists_json(ct)) {
        let ct = op.content_type.as_deref().unwrap_or_default();
        let file = p.ty == TypeRef::Binary || matches!(&p.ty, TypeRef::List(t) if **t == TypeRef::Binary);
        inferred.insert(
            "location".into(),
            if file {
                format!("Content-Type `{ct}`")
            } else {
                // The docs list form fields and query parameters of a form operation alike.
                Confidence::Weak.tag(&format!(
                    "Content-Type `{ct}`; the docs list a form operation's query parameters and form fields alike, and nothing says this one is a query parameter"
                ))
            },
        );
        (Location::Form, query_wire(bare, p, conv, ctx, &mut inferred))
    } else if !*has_body && raw_content_type(ct).is_some() && (bare == "body" || p.ty == TypeRef::Binary || structured || p.ty == TypeRef::String && op.params.iter().filter(|q| q.stated_location.is_none()).count() == 1) {
        *has_body = true;
        inferred.insert(
            "location".into(),
            format!("the only body-like parameter with Content-Type `{}`", ct.unwrap_or_default()),
        );
        (Location::Body, p.name.clone())
    } else if !*has_body
        // Go names an inline array body `requestBody` (`**requestBody** | **[]string**`), R
        // `request_body` (`list( **character** )`).
        && (bare == "body" || structured || (fold(bare) == "requestbody" && lists_json(ct)))
        && (lists_json(ct) || (ct.is_none() && (!bodyless || (bare == "body" && structured)) && !p.enum_link))
    {
        *has_body = true;
        let why = if structured {
            format!("structured type `{}`", p.ty)
        } else {
            format!("named `{bare}`")
        };
        let ct_text = match &op.content_type {
            Some(c) => format!("Content-Type `{c}`"),
            None => "Content-Type `Not defined`".into(),
        };
        // A scalar named `body` where no content type is documented may as well be a query
        // parameter about a body (`stories whose body contains …`): the body, weakly.
        let why = if ct.is_none() && !structured {
            Confidence::Weak.tag(&format!("{why} with {ct_text}, though a {} may be a query parameter of that name", p.ty))
        } else {
            format!("{why} with {ct_text}")
        };
        inferred.insert("location".into(), why);
        (Location::Body, p.name.clone())
    } else if bare == "body" && bodyless && ct.is_none() {
        inferred.insert(
            "location".into(),
            Confidence::Weak.tag(&format!(
                "a {} documenting no Content-Type sends no body: `body`, a {}, is taken to be a query parameter",
                op.method, p.ty
            )),
        );
        (Location::Query, query_wire(bare, p, conv, ctx, &mut inferred))
    } else if let Some(h) = response_header(op, bare, true).filter(|_| !structured && !form) {
        // A token the server hands back in a response header of that very name
        // (`Continuation-Token`) is most often sent back the same way.
        inferred.insert(
            "location".into(),
            Confidence::Weak.tag(&format!(
                "the operation documents a response header `{h}` of this name: a value echoed back in a request header"
            )),
        );
        inferred.insert("wire_name".into(), Confidence::Weak.tag(&format!("the response header's spelling `{h}`")));
        (Location::Header, h.to_string())
    } else {
        let why = match response_header(op, bare, false) {
            // `content_type` of `Filter by content_type`, or a list: a query filter.
            _ if header_wire_name(bare).is_some() => Confidence::Weak.tag(&format!(
                "`{bare}` reads like a header name, but {}: a query parameter",
                if matches!(p.ty, TypeRef::List(_)) { "it is a list (a header holds one value)".to_string() } else { format!("its description writes it `{bare}`, as a query name") }
            )),
            // `index` beside a response header `X-Nomad-Index`: perhaps sent as a header too.
            Some(h) => Confidence::Weak.tag(&format!(
                "not in the path, not a header name, not a body: query; but the response header `{h}` ends with this name, so it may be a header"
            )),
            // A required `id` of `POST /nodes` where `/nodes/{id}` is another operation's path:
            // perhaps a placeholder the path lost.
            None if required && conv.placeholders.contains_key(&fold(bare)) => Confidence::Weak.tag(&format!(
                "not in this operation's path, not a header name, not a body: query; but other operations have a placeholder {{{}}}, so it may belong to a path the doc lost",
                conv.placeholders[&fold(bare)]
            )),
            None => "not in the path, not a header name, not a body: query".into(),
        };
        inferred.insert("location".into(), why);
        (Location::Query, query_wire(bare, p, conv, ctx, &mut inferred))
    };
    if let (Location::Form, true, Some(note)) = (location, required, &p.required_note) {
        inferred.insert("required".into(), note.clone());
    }
    // The neutral name, written wherever a reader of `name` alone would get another.
    let neutral_name = (bare != p.name || unescape_python(&p.name) != p.name).then(|| bare.to_string());
    Param {
        name: p.name.clone(),
        neutral_name,
        wire_name,
        location,
        ty: p.ty.clone(),
        doc_type: p.doc_type.clone(),
        required,
        default: p.default.clone(),
        description: p.description.clone(),
        enum_values: p.enum_values.clone(),
        example: op.examples.get(&p.name).cloned(),
        inferred,
        overridden: Vec::new(),
    }
}

/// A query, form or cookie parameter's wire name, strongest evidence first: the doc's
/// own statement, a spelling in its description or its operation's text, a path
/// placeholder of the same name, a JSON key of the same name, the API's convention;
/// otherwise the doc's name, as a guess when it has several words.
fn query_wire(bare: &str, p: &DocParam, conv: &Convention, ctx: &OpText, inferred: &mut Evidence) -> String {
    if let Some(w) = &p.stated_wire_name {
        return w.clone();
    }
    let multi_word = !matches!(classify(bare), Case::Word);
    if let Some(w) = spelled_in(&p.description, bare, false) {
        inferred.insert("wire_name".into(), Confidence::Strong.tag(&format!("spelled `{w}` in its description")));
        return w.to_string();
    }
    // The convention's pass looked most parameters up in this text already.
    let in_text = match conv.text_spellings.get(&(ctx.file.clone(), ctx.op.clone(), p.name.clone())) {
        Some(found) => found.as_deref(),
        None => spelled_in(&ctx.text, bare, false),
    };
    if let Some(w) = in_text {
        inferred.insert("wire_name".into(), Confidence::Strong.tag(&format!("spelled `{w}` in the operation's text")));
        return w.to_string();
    }
    // A spelling with characters the doc's identifiers cannot hold (`page[size]`).
    let symbols = spelled_with_symbols(&p.description, bare, Some(conv.language))
        .map(|w| (w, "its description"))
        .or_else(|| spelled_with_symbols(&ctx.text, bare, None).map(|w| (w, "the operation's text")));
    if let Some((w, place)) = symbols {
        inferred.insert("wire_name".into(), Confidence::Strong.tag(&format!("spelled `{w}` in {place}")));
        return w.to_string();
    }
    // Its own description (the API's prose) writing the name as the doc does.
    if let Some(w) = spelled_as_is(&p.description, bare) {
        inferred.insert("wire_name".into(), Confidence::Strong.tag(&format!("spelled `{w}` in its description")));
        return w.to_string();
    }
    if multi_word {
        if let Some(ph) = conv.placeholders.get(&fold(bare)) {
            inferred.insert("wire_name".into(), Confidence::Strong.tag(&format!("written {{{ph}}} as a path placeholder")));
            return ph.clone();
        }
        if let Some(k) = conv.json_keys.get(&fold(bare)) {
            inferred.insert("wire_name".into(), Confidence::Weak.tag(&format!("written `{k}` as a key of the doc's JSON examples")));
            return k.clone();
        }
        if let Some((w, same_doc)) = conv.doc_spellings.get(&(ctx.file.clone(), fold(bare))) {
            let place = if *same_doc { "another operation of its doc" } else { "another doc of the directory" };
            inferred.insert("wire_name".into(), Confidence::Weak.tag(&format!("the prose of {place} spells these words `{w}`")));
            return w.clone();
        }
        // The same words elsewhere in the API's paths: its own spelling of them, though not
        // of this parameter.
        if let Some(ph) = conv.readme_placeholders.get(&fold(bare)) {
            inferred.insert("wire_name".into(), Confidence::Weak.tag(&format!("written {{{ph}}} as a path placeholder in the README's endpoint list")));
            return ph.clone();
        }
        if let Some(seg) = conv.segments.get(&fold(bare)) {
            inferred.insert("wire_name".into(), Confidence::Weak.tag(&format!("the API's paths write these words `{seg}`")));
            return seg.clone();
        }
    }
    param_wire(bare, conv, &ctx.file, &ctx.op, inferred)
}

/// A header's spelling: one in the doc's text (`X-Registry-ArtifactId`) beats the
/// conventional `X-Request-Id` form.
fn header_spelling(bare: &str, conventional: &str, p: &DocParam, ctx: &OpText) -> (String, String) {
    if let Some(w) = spelled_in(&p.description, bare, true).filter(|w| w.contains('-')) {
        return (w.to_string(), Confidence::Strong.tag(&format!("spelled `{w}` in its description")));
    }
    if let Some(w) = spelled_in(&ctx.text, bare, true).filter(|w| w.contains('-')) {
        return (w.to_string(), Confidence::Strong.tag(&format!("spelled `{w}` in the operation's text")));
    }
    (
        conventional.to_string(),
        Confidence::Weak.tag(&format!("header names are written `{conventional}`")),
    )
}

// ---------------------------------------------------------------------------------------
// Models and README facts.


/// A response header the operation documents whose name is `bare` (`exact`: the whole name,
/// `Continuation-Token` for `continuation_token`; otherwise its last words, `X-Nomad-Index`
/// for `index`).
fn response_header<'o>(op: &'o DocOp, bare: &str, exact: bool) -> Option<&'o str> {
    let own = fold(bare);
    if own.is_empty() {
        return None;
    }
    op.statuses.iter().flat_map(|s| s.headers.iter()).map(String::as_str).find(|h| {
        if exact {
            return fold(h) == own;
        }
        let words: Vec<&str> = h.split(['-', '_']).collect();
        (1..words.len()).any(|i| fold(&words[i..].concat()) == own)
    })
}
