//! Inference: the facts a doc never states, each with the evidence it came from
//! (`strong:`, `weak:`, `guess:`), from what the docs of a set say ([`crate::doc`]) to the
//! endpoint model ([`crate::ir::Api`]).
//!
//! [`infer_doc_set`] merges the API docs of a set, then runs the passes in order:
//! [`naming`] (the API's naming convention, escapes undone, wire names), [`locations`]
//! (where each parameter travels, content types), [`schemes`] (security schemes against
//! the README), [`models`] (model docs and JSON examples, union variants), [`paginate`].
//! [`mod@doubts`] lists the weak and guessed facts for the summary a reviewer reads.

pub mod doubts;
pub mod locations;
pub mod models;
pub mod naming;
pub mod paginate;
pub mod schemes;
pub mod sdk;
#[cfg(test)]
mod tests;

pub use doubts::{doubts, report as doubts_report};
pub use naming::{classify, convention, is_header_name, same_path, unescape, unescape_python, Case, Confidence, Convention};

use crate::diag::Diagnostics;
use crate::doc::{DocApi, ExtractedDocs};
use crate::ir::{self, Api, AuthKind, AuthScheme, Evidence, KeyLocation, Source};
use naming::convention as naming_convention;

/// Phase 3: the API docs merged (operations documented in several docs kept once), then
/// inference, README auth and models. `single`: the set is one doc.
pub fn infer_doc_set(ex: ExtractedDocs, provider: &str, single: bool, diags: &mut Diagnostics) -> Option<Api> {
    infer_doc_set_with(ex, provider, single, None, diags)
}

/// [`infer_doc_set`], then the facts read from the SDK's sources beside the docs, if any
/// ([`sdk`]: they win over the docs' and are marked `strong: sdk <file>:<line>`).
pub fn infer_doc_set_with(ex: ExtractedDocs, provider: &str, single: bool, sources: Option<&crate::sdk::SdkFacts>, diags: &mut Diagnostics) -> Option<Api> {
    let flavour = crate::doc::Template;
    let ExtractedDocs { mut apis, models, readme, readme_paths, files, form } = ex;
    let language = apis.first().map(|(_, d)| d.language).unwrap_or("python");
    if apis.is_empty() {
        // An API doc that failed has said why already.
        if !single && !diags.has_errors() {
            diags.error(provider, 0, "expected at least one API doc (`*Api.md` with a method table)");
        }
        return None;
    }
    let grouped = apis.len() > 1;
    let (first_label, mut merged) = apis.remove(0);
    if grouped {
        for op in &mut merged.ops {
            op.group = Some(merged.title.clone());
        }
    }
    // Operations by the name their docs give them: an operation of the same name in another
    // group keeps its name (each group is a module of its own).
    let mut by_name: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (i, o) in merged.ops.iter().enumerate() {
        by_name.entry(o.name.clone()).or_default().push(i);
    }
    for (label, mut doc) in apis {
        if doc.base_url.is_some() && merged.base_url.is_some() && doc.base_url != merged.base_url {
            diags.warning(&label, doc.base_url_line, format!(
                "base URL `{}` differs from `{}` in {first_label}; the first is used",
                doc.base_url.clone().unwrap_or_default(),
                merged.base_url.clone().unwrap_or_default()
            ));
        }
        if merged.base_url.is_none() {
            merged.base_url = doc.base_url.take();
        }
        let group = doc.title.clone();
        for mut op in std::mem::take(&mut doc.ops) {
            op.group = Some(group.clone());
            let variants = by_name.entry(op.name.clone()).or_default();
            if let Some(&i) = variants
                .iter()
                .find(|&&i| merged.ops[i].method == op.method && same_path(&merged.ops[i].path, &op.path))
            {
                // An operation with several tags is written into each tag's doc: one operation,
                // kept in the first group by file order.
                diags.tally.duplicates += 1;
                merged.ops[i].also_in.push(format!("{} ({label}:{})", group, op.line));
                continue;
            }
            variants.push(merged.ops.len());
            merged.ops.push(op);
        }
        for s in doc.schemes {
            if !merged.schemes.iter().any(|x| x.name == s.name) {
                merged.schemes.push(s);
            }
        }
    }
    let source = Source {
        files,
        form: form.unwrap_or(ir::DocForm::Markdown),
        // The template family's flavour, or the client language it was written for.
        flavour: match language {
            "python" | "" => flavour.name().to_string(),
            other => other.to_string(),
        },
    };
    merged.directory_paths = readme_paths;
    let conv = naming_convention(&merged);
    let (doc_schemes, unconfigured) = (merged.schemes.clone(), schemes::unconfigured(&merged));
    let mut api = infer_with(merged, &conv, provider, source, &first_label, diags);
    diags.tally.read = api.operations.len();
    if api.operations.is_empty() && diags.tally.table_ops > 0 {
        // Nothing usable is left: the reasons each operation was skipped are the errors.
        diags.make_strict();
        diags.error(
            &first_label,
            1,
            format!(
                "none of the {} operation(s) of the method table(s) could be read (each reason above)",
                diags.tally.table_ops
            ),
        );
        return None;
    }
    let readme_auth = readme.as_ref().map(|(label, r)| (label.as_str(), r.as_slice()));
    schemes::resolve(&mut api, &doc_schemes, &unconfigured, readme_auth, &first_label, diags);
    models::add_models(&mut api, &models, &conv, diags);
    models::enum_params_from_models(&mut api);
    models::infer_variants(&mut api);
    models::models_from_examples(&mut api);
    models::patch_bodies_are_nullable(&mut api);
    if let Some(facts) = sources {
        sdk::apply(&mut api, facts, single, diags);
    }
    paginate::infer(&mut api);
    Some(api)
}

/// One API doc's statements → the endpoint model: base URL, operations (each parameter's
/// location and wire name), schemes.
pub fn infer(doc: DocApi, provider: &str, source: Source, file: &str, diags: &mut Diagnostics) -> Api {
    let conv = convention(&doc);
    infer_with(doc, &conv, provider, source, file, diags)
}

/// [`infer`] with the doc's convention read already.
fn infer_with(doc: DocApi, conv: &Convention, provider: &str, source: Source, file: &str, diags: &mut Diagnostics) -> Api {
    let mut api_inferred = Evidence::new();
    api_inferred.insert("naming_convention".into(), conv.evidence.clone());

    let base_url = match &doc.base_url {
        Some(u) => {
            if let Some(note) = &doc.base_url_note {
                api_inferred.insert("base_url".into(), note.clone());
            }
            u.clone()
        }
        None => {
            // A base-URL statement whose URL was unreadable has been reported by the flavour.
            if doc.base_url_line == 0 {
                diags.warning(
                    file,
                    1,
                    "expected `All URIs are relative to <base URL>` before the method table; the client \
                     will require `Client::builder().base_url(..)`",
                );
            }
            api_inferred.insert(
                "base_url".into(),
                "the doc states no base URL: none is assumed, the client requires one at build time".into(),
            );
            String::new()
        }
    };

    let mut operations = Vec::new();
    for op in &doc.ops {
        let mut local = Diagnostics::default();
        // An operation of another doc of the set is reported at its own doc.
        let op_file = if op.file.is_empty() { file } else { op.file.as_str() };
        let o = locations::infer_op(op, conv, op_file, &mut local);
        if local.has_errors() {
            diags.skip_operation(&op.name, local);
        } else {
            diags.extend(local);
            operations.push(o);
        }
    }
    // Schemes used only by skipped operations are still declared: harmless, and the
    // README's statements about them stay visible.

    // Schemes: those the example code describes, in order, then any named only in an
    // Authorization section.
    let mut auth_schemes: Vec<AuthScheme> = Vec::new();
    for s in &doc.schemes {
        let mut inferred = Evidence::new();
        inferred.insert("kind".into(), s.evidence.clone());
        let (location, param_name) = if s.kind == AuthKind::ApiKey {
            let name = s.key_name.clone().unwrap_or_else(|| s.name.clone());
            inferred.insert(
                "in".into(),
                "guess: the example code never says where the API key travels; clients send it as a \
                 header unless configured otherwise"
                    .into(),
            );
            inferred.insert(
                "param_name".into(),
                match &s.key_name {
                    Some(k) => format!("`{k}` is the key the example code configures"),
                    None => "guess: the example code names no key; the scheme's name is used".into(),
                },
            );
            (Some(KeyLocation::Header), Some(name))
        } else {
            (None, None)
        };
        auth_schemes.push(AuthScheme {
            location,
            param_name,
            inferred,
            ..AuthScheme::new(s.name.clone(), s.kind)
        });
    }
    for op in &doc.ops {
        for name in &op.auth {
            if !auth_schemes.iter().any(|s| &s.name == name) {
                // A guess the README may settle: `flavour::schemes::resolve` warns about it if not.
                let mut inferred = Evidence::new();
                inferred.insert("kind".into(), "no example code describes this scheme; assumed".into());
                auth_schemes.push(AuthScheme {
                    location: Some(KeyLocation::Header),
                    param_name: Some(name.clone()),
                    inferred,
                    ..AuthScheme::new(name.clone(), AuthKind::ApiKey)
                });
            }
        }
    }

    Api {
        provider: provider.to_string(),
        title: doc.title.clone(),
        package: doc.package.clone(),
        source: Some(source),
        base_url,
        auth_schemes,
        operations,
        models: Vec::new(),
        inferred: api_inferred,
        overridden: Vec::new(),
    }
}

