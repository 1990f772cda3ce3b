//! Security schemes read from the docs openapi-generator wrote in every client language
//! (`tests/fixtures/langs`) equal the schemes of the spec they were generated from: kind,
//! API-key location and parameter name, and each operation's security requirements.
//! Where the docs say nothing of a scheme (TypeScript, Rust and C# 7.x write no README
//! authorization section and no configuring example code), the guess is recorded as one
//! and warned about. `tests/fixtures/langs/tools/schemes.py` prints the same per language.

mod support;

use generator::ir::{AuthKind, AuthScheme, KeyLocation};
use serde_yaml::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn langs() -> PathBuf {
    support::root().join("tests/fixtures/langs")
}

/// (kind, location, parameter name) of every scheme of `specs/<spec>.yaml`.
fn spec_schemes(spec: &Value) -> BTreeMap<String, (AuthKind, Option<KeyLocation>, Option<String>)> {
    let mut out = BTreeMap::new();
    let Some(Value::Mapping(m)) = spec
        .get("components")
        .and_then(|c| c.get("securitySchemes"))
    else {
        panic!("no securitySchemes")
    };
    for (name, s) in m {
        let name = name.as_str().unwrap().to_string();
        let t = s.get("type").and_then(Value::as_str).unwrap_or_default();
        let fact = match (t, s.get("scheme").and_then(Value::as_str)) {
            ("http", Some("basic")) => (AuthKind::Basic, None, None),
            ("http", Some("bearer")) => (AuthKind::Bearer, None, None),
            ("oauth2", _) => (AuthKind::Oauth2, None, None),
            ("apiKey", _) => {
                let loc = match s.get("in").and_then(Value::as_str) {
                    Some("header") => KeyLocation::Header,
                    Some("query") => KeyLocation::Query,
                    Some("cookie") => KeyLocation::Cookie,
                    other => panic!("{name}: in {other:?}"),
                };
                (
                    AuthKind::ApiKey,
                    Some(loc),
                    s.get("name").and_then(Value::as_str).map(str::to_string),
                )
            }
            other => panic!("{name}: {other:?}"),
        };
        out.insert(name, fact);
    }
    out
}

/// Security requirements by `METHOD path`: alternatives, each its scheme names, sorted.
fn spec_security(spec: &Value) -> BTreeMap<String, Vec<Vec<String>>> {
    let reqs = |v: &Value| -> Vec<Vec<String>> {
        let mut alts: Vec<Vec<String>> = v
            .as_sequence()
            .into_iter()
            .flatten()
            .map(|r| {
                let mut names: Vec<String> = r
                    .as_mapping()
                    .into_iter()
                    .flatten()
                    .map(|(k, _)| k.as_str().unwrap().to_string())
                    .collect();
                names.sort();
                names
            })
            .collect();
        alts.sort();
        alts
    };
    let global = spec.get("security").map(reqs).unwrap_or_default();
    let mut out = BTreeMap::new();
    for (path, item) in spec
        .get("paths")
        .and_then(Value::as_mapping)
        .into_iter()
        .flatten()
    {
        for (method, op) in item.as_mapping().into_iter().flatten() {
            let method = method.as_str().unwrap().to_ascii_uppercase();
            if !["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
                .contains(&method.as_str())
            {
                continue;
            }
            let sec = op
                .get("security")
                .map(reqs)
                .unwrap_or_else(|| global.clone());
            out.insert(op_key(&method, path.as_str().unwrap()), sec);
        }
    }
    out
}

/// `METHOD path` with placeholders blanked: docs may spell them otherwise (`{attachment_id}`).
fn op_key(method: &str, path: &str) -> String {
    let mut out = format!("{method} ");
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '{' => {
                depth += 1;
                out.push('{');
            }
            '}' => {
                depth -= 1;
                out.push('}');
            }
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

fn facts(s: &AuthScheme) -> (AuthKind, Option<KeyLocation>, Option<String>) {
    (s.kind, s.location, s.param_name.clone())
}

/// Languages whose docs say nothing of the schemes: (language, version).
const SILENT: &[(&str, &str)] = &[
    ("typescript", "7.26.0"),
    ("rust", "6.6.0"),
    ("rust", "7.26.0"),
    ("csharp", "7.26.0"),
    // Their READMEs give API keys a type but no parameter name or location.
    ("go", "4.3.1"),
    ("go", "swagger-codegen-3.0.34"),
    ("kotlin", "swagger-codegen-3.0.34"),
    ("rust", "4.3.1"),
];

/// Whether the README's section for `scheme` states the location the reader gave: the doc's
/// own statement, right or wrong (swagger-codegen 3 writes `Location: URL query string` for a
/// cookie key).
fn readme_states(dir: &std::path::Path, scheme: &str, location: Option<generator::ir::KeyLocation>) -> bool {
    let Ok(readme) = std::fs::read_to_string(dir.join("docs/README.md")) else { return false };
    let lines: Vec<&str> = readme.lines().collect();
    let Some(at) = lines.iter().position(|l| l.trim_start().starts_with('#') && l.trim_start_matches(['#', ' ']).trim() == scheme) else {
        return false;
    };
    let section = lines[at + 1..].iter().take(8).copied().collect::<Vec<_>>().join("\n");
    match location {
        Some(generator::ir::KeyLocation::Query) => section.contains("**Location**: URL query string"),
        Some(generator::ir::KeyLocation::Header) => section.contains("**Location**: HTTP header"),
        _ => false,
    }
}

#[test]
fn scheme_facts_of_every_language_equal_the_specs() {
    let mut dirs: Vec<String> = std::fs::read_dir(langs())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.split("__").count() == 3)
        .collect();
    dirs.sort();
    let mut failures = Vec::new();
    let mut checked = BTreeMap::<&str, usize>::new();
    for dir in &dirs {
        let parts: Vec<&str> = dir.split("__").collect();
        let (spec_name, lang, version) = (parts[0], parts[1], parts[2]);
        let spec: Value = serde_yaml::from_str(
            &std::fs::read_to_string(langs().join(format!("specs/{spec_name}.yaml"))).unwrap(),
        )
        .unwrap();
        let want = spec_schemes(&spec);
        let loaded = generator::read_input_with(&langs().join(dir).join("docs"), &generator::SdkChoice::Off)
            .unwrap_or_else(|e| panic!("{dir}: {e}"));
        let api = &loaded.value.api;
        let silent = SILENT.contains(&(lang, version));
        for s in &api.auth_schemes {
            let Some(w) = want.get(&s.name) else {
                failures.push(format!("{dir}: scheme `{}` is not in the spec", s.name));
                continue;
            };
            if &facts(s) == w {
                continue;
            }
            if readme_states(&langs().join(dir), &s.name, s.location) {
                continue;
            }
            if silent {
                // Nothing in the docs tells: a guess, recorded and warned about.
                let evidence = ["kind", "param_name"].iter().filter_map(|k| s.inferred.get(*k).cloned()).collect::<Vec<_>>().join("; ");
                let warned = loaded
                    .warnings
                    .iter()
                    .any(|d| d.message.contains(&format!("`{}`", s.name)));
                if !(evidence.contains("assumed") || evidence.contains("guess:")) || !warned {
                    failures.push(format!(
                        "{dir}: `{}` is {:?}, not {w:?}, without a guess recorded and warned about",
                        s.name,
                        facts(s)
                    ));
                }
            } else {
                failures.push(format!(
                    "{dir}: `{}` is {:?}, the spec says {w:?}",
                    s.name,
                    facts(s)
                ));
            }
        }
        // Every scheme an operation uses is declared; silent docs still name them.
        let security = spec_security(&spec);
        for op in &api.operations {
            let Some(w) = security.get(&op_key(&op.method, &op.path)) else {
                failures.push(format!(
                    "{dir}: {} {} is not in the spec",
                    op.method, op.path
                ));
                continue;
            };
            let mut got: Vec<Vec<String>> = op
                .security
                .iter()
                .map(|alt| {
                    let mut a = alt.clone();
                    a.sort();
                    a
                })
                .collect();
            got.sort();
            if &got != w {
                failures.push(format!(
                    "{dir}: {} security {got:?}, the spec says {w:?}",
                    op.name
                ));
            }
            for name in op.security.iter().flatten() {
                if !api.auth_schemes.iter().any(|s| &s.name == name) {
                    failures.push(format!(
                        "{dir}: {} uses undeclared scheme `{name}`",
                        op.name
                    ));
                }
            }
        }
        *checked
            .entry(if silent { "silent" } else { "documented" })
            .or_default() += 1;
    }
    assert!(
        failures.is_empty(),
        "{} scheme facts differ from the specs:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Every language's fixtures were read (3 specs × 14 languages × 2 versions, less TypeScript 6.6.0).
    let dirs = std::fs::read_dir(langs()).unwrap().filter(|e| e.as_ref().is_ok_and(|e| e.path().join("truth.yaml").is_file())).count();
    assert_eq!(checked.values().sum::<usize>(), dirs, "every fixture directory: {checked:?}");
}

/// The languages the brief names, checked one by one for the exact facts.
#[test]
fn storage_schemes_in_java_kotlin_go_php_csharp() {
    for dir in [
        "storage__java__6.6.0",
        "storage__java__7.26.0",
        "storage__kotlin__6.6.0",
        "storage__kotlin__7.26.0",
        "storage__go__7.26.0",
        "storage__php__7.26.0",
        "storage__csharp__6.6.0",
        "storage__perl__6.6.0",
    ] {
        let api = generator::read_input_with(&langs().join(dir).join("docs"), &generator::SdkChoice::Off)
            .unwrap()
            .value
            .api;
        let get = |n: &str| {
            facts(
                api.auth_schemes
                    .iter()
                    .find(|s| s.name == n)
                    .unwrap_or_else(|| panic!("{dir}: no {n}")),
            )
        };
        assert_eq!(get("basicAuth"), (AuthKind::Basic, None, None), "{dir}");
        assert_eq!(get("bearerAuth"), (AuthKind::Bearer, None, None), "{dir}");
        assert_eq!(
            get("apiKeyHeader"),
            (
                AuthKind::ApiKey,
                Some(KeyLocation::Header),
                Some("X-Storage-Key".into())
            ),
            "{dir}"
        );
        assert_eq!(
            get("apiKeyQuery"),
            (
                AuthKind::ApiKey,
                Some(KeyLocation::Query),
                Some("access_token".into())
            ),
            "{dir}"
        );
        assert_eq!(
            get("sessionCookie"),
            (
                AuthKind::ApiKey,
                Some(KeyLocation::Cookie),
                Some("storage_sid".into())
            ),
            "{dir}"
        );
        assert_eq!(get("oauth2"), (AuthKind::Oauth2, None, None), "{dir}");
    }
}

/// TypeScript, Rust and C# 7.x docs name schemes and nothing else: kinds their names tell
/// are guessed, API keys keep the old guess; both warned about.
#[test]
fn silent_docs_guess_from_names_with_warnings() {
    for dir in [
        "storage__typescript__7.26.0",
        "storage__rust__7.26.0",
        "storage__csharp__7.26.0",
    ] {
        let loaded = generator::read_input_with(&langs().join(dir).join("docs"), &generator::SdkChoice::Off).unwrap();
        let api = &loaded.value.api;
        let get = |n: &str| {
            api.auth_schemes
                .iter()
                .find(|s| s.name == n)
                .unwrap_or_else(|| panic!("{dir}: no {n}"))
        };
        assert_eq!(
            facts(get("bearerAuth")),
            (AuthKind::Bearer, None, None),
            "{dir}"
        );
        assert_eq!(
            facts(get("basicAuth")),
            (AuthKind::Basic, None, None),
            "{dir}"
        );
        assert_eq!(
            facts(get("apiKeyHeader")),
            (
                AuthKind::ApiKey,
                Some(KeyLocation::Header),
                Some("apiKeyHeader".into())
            ),
            "{dir}"
        );
        // A scheme named for a cookie is guessed to be one.
        assert_eq!(
            facts(get("sessionCookie")),
            (AuthKind::ApiKey, Some(KeyLocation::Cookie), Some("sessionCookie".into())),
            "{dir}"
        );
        // Every fact of an API key nothing describes is a guess the doubts report lists.
        for name in ["apiKeyHeader", "sessionCookie"] {
            for fact in ["kind", "in", "param_name"] {
                let e = get(name).inferred.get(fact).map(String::as_str).unwrap_or_default();
                assert!(e.starts_with("guess:"), "{dir}: {name}.{fact}: {e:?}");
            }
        }
        let report = generator::infer::doubts_report(api);
        assert!(report.contains("`sessionCookie` | in | `cookie` | guess"), "{dir}: {report}");
        for name in [
            "bearerAuth",
            "basicAuth",
            "apiKeyHeader",
            "apiKeyQuery",
            "sessionCookie",
        ] {
            assert!(
                loaded
                    .warnings
                    .iter()
                    .any(|w| w.message.starts_with(&format!("scheme `{name}`"))),
                "{dir}: no warning about {name}: {:?}",
                loaded.warnings
            );
        }
    }
}
