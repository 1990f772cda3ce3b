//! Security schemes resolved: the README's statements weighed against the example code
//! and the scheme's name (see [`crate::doc::auth`] for the clues).

use crate::doc::auth::*;
use crate::doc::{DocApi, DocScheme, ReadmeScheme};
use crate::diag::Diagnostics;
use crate::ir::{Api, AuthKind, AuthScheme, KeyLocation};

/// Schemes an Authorization section names that no example code configures: (scheme,
/// operation, line of the section), first mention each.
pub fn unconfigured(doc: &DocApi) -> Vec<(String, String, usize)> {
    let mut out: Vec<(String, String, usize)> = Vec::new();
    for op in &doc.ops {
        for name in &op.auth {
            if !doc.schemes.iter().any(|s| &s.name == name)
                && !out.iter().any(|(n, _, _)| n == name)
            {
                out.push((name.clone(), op.name.clone(), op.auth_line));
            }
        }
    }
    out
}

/// One kind from several the evidence allows: the scheme's name decides where it names
/// one of them, else the likeliest. `true` when the name decided against the likeliest.
pub(crate) fn pick(kinds: &[AuthKind], name: &str) -> (AuthKind, bool) {
    match name_hint(name).filter(|h| kinds.contains(h)) {
        Some(h) => (h, h != kinds[0]),
        None => (kinds[0], false),
    }
}

/// The README's statements (`readme`: its label and schemes) applied to the schemes read from the docs (`api.auth_schemes`,
/// as [`crate::infer::infer`] built them from `examples`), weighed against the example
/// code: a README statement wins when both agree or the README is explicit; a conflict is
/// warned about. Schemes nothing describes are guessed from their names, with a warning.
pub fn resolve(
    api: &mut Api,
    examples: &[DocScheme],
    unconfigured: &[(String, String, usize)],
    readme: Option<(&str, &[ReadmeScheme])>,
    file: &str,
    diags: &mut Diagnostics,
) {
    let (readme_file, readme) = readme.unwrap_or(("README.md", &[]));
    // Evidence names the README by its file name (`README.md:153`), warnings by its label.
    let readme_name = std::path::Path::new(readme_file)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| readme_file.to_string());
    for r in readme {
        if !api.auth_schemes.iter().any(|s| s.name == r.name) {
            api.auth_schemes.push(AuthScheme::new(
                r.name.clone(),
                r.kind.unwrap_or(AuthKind::ApiKey),
            ));
        }
    }
    for s in &mut api.auth_schemes {
        let mut warned_assumed = false;
        let ex = examples.iter().find(|e| e.name == s.name);
        let rd = readme.iter().find(|r| r.name == s.name && r.kind.is_some());
        if let Some(e) = ex {
            if let Some(c) = &e.conflict {
                diags.warning(file, e.line, format!("the example code says conflicting things about scheme `{}`: {c}; the first is used", s.name));
            }
        }
        let stated =
            rd.map(|r| format!("{readme_name}:{} (Documentation For Authorization)", r.line));
        match (ex, rd) {
            (_, Some(r)) => {
                let r_kinds: Vec<AuthKind> = std::iter::once(r.kind.unwrap_or(AuthKind::ApiKey))
                    .chain(r.also.iter().copied())
                    .collect();
                let stated = stated.clone().unwrap_or_default();
                let (kind, evidence) = match ex {
                    None => {
                        let (k, by_name) = pick(&r_kinds, &s.name);
                        if by_name {
                            diags.warning(readme_file, r.line, format!(
                                "scheme `{}`: the README says {}, which older templates write for every HTTP scheme; \
                                 its name suggests {}, assumed (state its kind in provider.yaml)",
                                s.name, kind_words(r_kinds[0]), kind_words(k)
                            ));
                            (
                                k,
                                format!(
                                    "guess: {stated} says {}; the scheme's name suggests {}",
                                    kind_words(r_kinds[0]),
                                    kind_words(k)
                                ),
                            )
                        } else {
                            (k, format!("stated in {stated}"))
                        }
                    }
                    Some(e) => {
                        let e_kinds = kinds_of(e);
                        let both: Vec<AuthKind> = r_kinds
                            .iter()
                            .copied()
                            .filter(|k| e_kinds.contains(k))
                            .collect();
                        if both.is_empty() {
                            // They conflict: an explicit README wins; else the example code.
                            let (k, why) = if r_kinds.len() == 1 {
                                (r_kinds[0], "the README's")
                            } else {
                                (e.kind, "the example code's")
                            };
                            diags.warning(
                                readme_file,
                                r.line,
                                format!(
                                    "scheme `{}`: the README says {} but {} says {}; {why} is used",
                                    s.name,
                                    kind_words(r_kinds[0]),
                                    e.evidence,
                                    kind_words(e.kind)
                                ),
                            );
                            (k, format!("{stated}, against {}", e.evidence))
                        } else {
                            let (k, by_name) = pick(&both, &s.name);
                            if k != r_kinds[0] {
                                let why = if by_name {
                                    "the scheme's name suggests"
                                } else {
                                    "the example code says"
                                };
                                diags.warning(readme_file, r.line, format!(
                                    "scheme `{}`: the README says {} (older templates write that for every HTTP scheme) but {why} {} ({}); {} is used",
                                    s.name, kind_words(r_kinds[0]), kind_words(k), e.evidence, kind_words(k)
                                ));
                                let tag = if by_name { "guess: " } else { "" };
                                (
                                    k,
                                    format!(
                                        "{tag}{}; {stated} says {}",
                                        e.evidence,
                                        kind_words(r_kinds[0])
                                    ),
                                )
                            } else {
                                (k, format!("stated in {stated}"))
                            }
                        }
                    }
                };
                s.kind = kind;
                s.inferred.insert("kind".into(), evidence);
                if let (Some(e), Some(rk)) =
                    (ex.and_then(|e| e.key_name.as_ref()), r.key_name.as_ref())
                {
                    if s.kind == AuthKind::ApiKey && e != rk && e != &s.name {
                        diags.warning(readme_file, r.line, format!(
                            "scheme `{}`: the README names the API key `{rk}`, the example code `{e}`; the README's is used",
                            s.name
                        ));
                    }
                }
            }
            (Some(e), None) => {
                let e_kinds = kinds_of(e);
                if e_kinds.len() > 1 {
                    let (k, by_name) = pick(&e_kinds, &s.name);
                    if by_name || k == AuthKind::Bearer && e_kinds.contains(&AuthKind::Oauth2) {
                        diags.warning(file, e.line, format!(
                            "scheme `{}`: {} allows {} or {}; {} assumed (state its kind in provider.yaml)",
                            s.name, e.evidence, kind_words(e_kinds[0]), kind_words(e_kinds[1]), kind_words(k)
                        ));
                        s.inferred.insert(
                            "kind".into(),
                            format!("guess: {}; {} assumed", e.evidence, kind_words(k)),
                        );
                    }
                    s.kind = k;
                }
            }
            (None, None) => {
                let Some((_, op, line)) = unconfigured.iter().find(|(n, _, _)| n == &s.name) else {
                    continue;
                };
                match name_hint(&s.name).filter(|k| *k != AuthKind::ApiKey) {
                    Some(k) => {
                        diags.warning(file, *line, format!(
                            "scheme `{}` of `{op}` is described by no example code and no README; its name \
                             suggests {}, assumed (state its kind in provider.yaml)",
                            s.name, kind_words(k)
                        ));
                        s.kind = k;
                        s.inferred.insert("kind".into(), format!("guess: no example code or README describes this scheme; its name suggests {}", kind_words(k)));
                    }
                    None => {
                        warned_assumed = true;
                        // A scheme named for a cookie (`cookieAuth`) is most likely one.
                        let cookie = s.name.to_ascii_lowercase().contains("cookie");
                        let place = if cookie { "cookie" } else { "header" };
                        diags.warning(file, *line, format!(
                            "scheme `{}` of `{op}` is not configured by any example code; assumed an API key \
                             in {place} `{}` (state its kind in provider.yaml)",
                            s.name, s.name
                        ));
                        s.inferred.insert("kind".into(), "guess: no example code or README describes this scheme; an API key assumed".into());
                        s.inferred.insert("param_name".into(), "guess: nothing names the key; the scheme's name assumed".into());
                        if cookie {
                            s.location = Some(KeyLocation::Cookie);
                            s.inferred.insert("in".into(), "guess: nothing says where the key goes; the scheme's name says cookie".into());
                        } else {
                            s.inferred.insert("in".into(), "guess: nothing says where the key goes; a header assumed".into());
                        }
                    }
                }
            }
        }
        if s.kind == AuthKind::ApiKey {
            if let Some(r) = rd {
                let stated = stated.clone().unwrap_or_default();
                if let Some(n) = &r.key_name {
                    s.param_name = Some(n.clone());
                    s.inferred
                        .insert("param_name".into(), format!("stated in {stated}"));
                }
                if r.location_blank {
                    s.location = Some(KeyLocation::Cookie);
                    s.inferred.insert(
                        "in".into(),
                        format!("{stated} leaves the location blank, as templates that name only headers and query strings do for cookies"),
                    );
                } else if let Some(l) = r.location {
                    s.location = Some(l);
                    s.inferred
                        .insert("in".into(), format!("stated in {stated}"));
                }
            }
            let named = rd.is_some_and(|r| r.key_name.is_some() || r.location.is_some() || r.location_blank)
                || ex.is_some_and(|e| e.key_name.is_some());
            s.param_name.get_or_insert_with(|| s.name.clone());
            // An API key whose README section gives only its type (Go 4.x, swagger-codegen's Go
            // and Kotlin): its name and place are a guess, said so.
            if !named && !warned_assumed {
                let (f, l, who) = match (rd, ex) {
                    (Some(r), _) => (readme_file, r.line, "the README says API key"),
                    (None, Some(e)) => (file, e.line, "the example code configures an API key"),
                    (None, None) => (file, 0, "an API key"),
                };
                diags.warning(f, l, format!(
                    "scheme `{}`: {who} but nothing names the key or where it goes; \
                     assumed header `{}` (state `param_name` and `in` in provider.yaml)",
                    s.name, s.name
                ));
                s.inferred.insert("param_name".into(), "guess: no README or example code names the key; the scheme's name assumed".into());
                if s.location.is_none() {
                    s.inferred.insert("in".into(), "guess: no README or example code says where the key goes; a header assumed".into());
                }
            }
            if s.location.is_none() {
                s.location = Some(KeyLocation::Header);
            }
        } else {
            s.location = None;
            s.param_name = None;
            s.inferred.remove("in");
            s.inferred.remove("param_name");
        }
        if let Some(r) = rd.filter(|_| s.kind == AuthKind::Oauth2) {
            s.flow = r.flow.clone();
            s.authorization_url = r.authorization_url.clone();
            s.token_url = r.token_url.clone();
            s.scopes = r.scopes.clone();
        }
    }
}

