//! Property test: arbitrary well-formed endpoint models — names drawn from Rust keywords,
//! digits, symbols, non-ASCII and the generated code's own names; random types, locations,
//! schemes and models — render to Rust files that all parse. Bounded case count: a few
//! seconds in `cargo test`; and a sample of them compiles.

mod support;

use generator::ir::*;
use generator::render::{render_crate, CrateOptions};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// Source names that are traps, and arbitrary text.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "type", "self", "Self", "match", "async", "await", "crate", "super", "fn", "mod", "r#type",
            "new", "builder", "send", "send_json", "base_url", "build", "execute", "into_future",
            "client", "req", "value", "raw", "config", "Error", "Client", "Result", "Response",
            "Value", "Option", "String", "Vec", "Some", "None", "Unknown", "additional_properties",
            "2fa", "1", "_", "__", "a-b", "a_b", "aB", "AB", "ünï", "日本", "x y", "", "$", "getUser",
            "get_user", "DEFAULT_BASE_URL", "fmt", "clone", "default", "models", "runtime",
        ]).prop_map(str::to_string),
        2 => "[a-zA-Z_][a-zA-Z0-9_]{0,10}",
        1 => "\\PC{0,10}",
    ]
}

/// Wire names that can sit in a path placeholder.
fn wire() -> impl Strategy<Value = String> {
    name().prop_map(|n| n.replace(['{', '}', '/'], "")).prop_filter("non-empty", |n| !n.is_empty())
}

fn scalar() -> impl Strategy<Value = TypeRef> {
    prop_oneof![
        Just(TypeRef::String),
        Just(TypeRef::Integer),
        Just(TypeRef::Number),
        Just(TypeRef::Boolean),
        Just(TypeRef::Date),
        Just(TypeRef::DateTime),
        Just(TypeRef::Binary),
        Just(TypeRef::Any),
    ]
}

fn type_ref(models: Vec<String>) -> impl Strategy<Value = TypeRef> {
    let leaf = prop_oneof![
        4 => scalar(),
        2 => prop::sample::select(models).prop_map(TypeRef::Model),
        1 => name().prop_map(TypeRef::Model),
    ];
    leaf.prop_recursive(2, 4, 1, |inner| {
        prop_oneof![
            inner.clone().prop_map(|t| TypeRef::List(Box::new(t))),
            inner.prop_map(|t| TypeRef::Map(Box::new(t))),
        ]
    })
}

fn location() -> impl Strategy<Value = Location> {
    prop::sample::select(vec![Location::Query, Location::Header, Location::Cookie, Location::Form, Location::Body])
}

fn param(models: Vec<String>) -> impl Strategy<Value = Param> {
    (name(), wire(), location(), type_ref(models), any::<bool>(), proptest::option::of("\\PC{0,8}"), "\\PC{0,30}")
        .prop_map(|(name, wire_name, location, ty, required, default, description)| Param {
            neutral_name: None,
            name,
            wire_name,
            location,
            ty,
            doc_type: String::new(),
            required,
            default,
            description,
            enum_values: Vec::new(),
            example: None,
            inferred: BTreeMap::new(),
            overridden: Vec::new(),
        })
}

fn operation(models: Vec<String>, schemes: Vec<String>) -> impl Strategy<Value = Operation> {
    (
        name(),
        proptest::option::of(prop::sample::select(vec!["UsersApi", "users_api", "Self", "2Api", "ünï"])),
        prop::sample::select(vec!["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]),
        proptest::collection::vec(wire(), 0..3),
        "[a-z0-9.~ü-]{0,6}",
        proptest::collection::vec(param(models.clone()), 0..5),
        proptest::option::of(type_ref(models)),
        proptest::collection::vec(("[0-9]{3}|[1-5]XX|0|default", "\\PC{0,20}"), 0..3),
        proptest::collection::vec(proptest::collection::vec(prop::sample::select(schemes), 0..2), 0..2),
        (
            any::<bool>(),
            proptest::option::of(prop::sample::select(vec!["application/json", "multipart/form-data", "application/x-www-form-urlencoded", "text/plain"])),
            proptest::option::of(prop::sample::select(vec!["application/json", "text/plain", "*/*"])),
        ),
        ("\\PC{0,40}", "\\PC{0,60}"),
    )
        .prop_map(
            |(name, group, method, path_params, literal, mut params, response, responses, security, (security_exact, content_type, accept), (summary, description))| {
                let mut path = format!("/{literal}");
                for w in &path_params {
                    path.push_str(&format!("/{{{w}}}"));
                    params.push(Param {
                        neutral_name: None,
                        name: w.clone(),
                        wire_name: w.clone(),
                        location: Location::Path,
                        ty: TypeRef::String,
                        doc_type: String::new(),
                        required: true,
                        default: None,
                        description: String::new(),
                        enum_values: Vec::new(),
                        example: None,
                        inferred: BTreeMap::new(),
                        overridden: Vec::new(),
                    });
                }
                Operation {
                    name,
                    group: group.map(str::to_string),
                    method: method.to_string(),
                    path,
                    summary,
                    description,
                    params,
                    response,
                    responses: responses
                        .into_iter()
                        .map(|(status, description)| StatusResponse { status, description, headers: Vec::new() })
                        .collect(),
                    security,
                    security_exact,
                    content_type: content_type.map(str::to_string),
                    accept: accept.map(str::to_string),
                    pagination: None,
                    inferred: BTreeMap::new(),
                    overridden: Vec::new(),
                    line: 0,
                    file: String::new(),
                }
            },
        )
}

fn model(name: String, models: Vec<String>) -> impl Strategy<Value = Model> {
    let field = (self::name(), self::name(), type_ref(models), any::<bool>(), any::<bool>(), any::<bool>(), "\\PC{0,20}");
    (
        any::<bool>(),
        proptest::collection::vec(field, 0..5),
        proptest::collection::vec(self::name(), 0..5),
        "\\PC{0,30}",
    )
        .prop_map(move |(is_enum, fields, enum_values, description)| Model {
            name: name.clone(),
            kind: if is_enum { ModelKind::Enum } else { ModelKind::Object },
            description,
            fields: if is_enum {
                Vec::new()
            } else {
                fields
                    .into_iter()
                    .map(|(name, wire_name, ty, required, nullable, read_only, description)| Field {
                        neutral_name: None,
                        name,
                        wire_name,
                        ty,
                        required,
                        nullable,
                        read_only,
                        default: None,
                        description,
                        inferred: BTreeMap::new(),
                        overridden: Vec::new(),
                    })
                    .collect()
            },
            enum_values: if is_enum { enum_values } else { Vec::new() },
            variants: Vec::new(),
            discriminator: None,
            inferred: BTreeMap::new(),
            overridden: Vec::new(),
            file: String::new(),
            line: 0,
        })
}

fn scheme() -> impl Strategy<Value = AuthScheme> {
    (
        name(),
        prop::sample::select(vec![AuthKind::Basic, AuthKind::Bearer, AuthKind::ApiKey, AuthKind::Oauth2]),
        proptest::option::of(prop::sample::select(vec![KeyLocation::Header, KeyLocation::Query, KeyLocation::Cookie])),
        proptest::option::of(name()),
    )
        .prop_map(|(name, kind, location, param_name)| {
            let mut s = AuthScheme::new(name, kind);
            s.location = location;
            s.param_name = param_name;
            s
        })
}

fn api() -> impl Strategy<Value = Api> {
    (
        proptest::collection::vec(name().prop_filter("model names are non-empty", |n| !n.is_empty()), 1..5),
        proptest::collection::vec(scheme(), 0..3),
        "\\PC{0,20}",
    )
        .prop_flat_map(|(model_names, schemes, base)| {
            let scheme_names: Vec<String> = schemes.iter().map(|s| s.name.clone()).chain(["undefined".to_string()]).collect();
            let models: Vec<_> = model_names.iter().map(|n| model(n.clone(), model_names.clone())).collect();
            (
                models,
                proptest::collection::vec(operation(model_names, scheme_names), 0..6),
                Just(schemes),
                Just(base),
            )
        })
        .prop_map(|(models, operations, auth_schemes, base)| Api {
            provider: "prop".into(),
            title: "PropApi".into(),
            package: None,
            source: None,
            base_url: format!("https://api.example.com/{base}"),
            auth_schemes,
            operations,
            models,
            inferred: BTreeMap::new(),
            overridden: Vec::new(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_models_render_to_rust_that_parses(api in api()) {
        let opts = CrateOptions {
            crate_name: "prop-client".into(),
            display_name: "Prop \"quoted\" `name`".into(),
            version: "0.1.0".into(),
            command: "cargo run -p generator".into(),
        };
        let out = render_crate(&api, &opts);
        let errors: Vec<String> = out
            .warnings
            .iter()
            .filter(|w| w.severity == generator::diag::Severity::Error)
            .map(|w| w.to_string())
            .collect();
        prop_assert!(errors.is_empty(), "{:#?}", errors);
        for (path, text) in &out.value {
            if path.extension().is_some_and(|e| e == "rs") {
                if let Err(e) = syn::parse_file(text) {
                    prop_assert!(false, "{}: {e}", path.display());
                }
            }
        }
        // One file of operations (none without operations) and one of models, or (several
        // API groups) a module of each.
        let has = |p: &str| out.value.contains_key(std::path::Path::new(p));
        let lib = &out.value[std::path::Path::new("src/lib.rs")];
        prop_assert!(has("src/operations.rs") == lib.contains("mod operations;"));
        prop_assert!(has("src/apis/mod.rs") == lib.contains("pub mod apis;"));
        prop_assert!(has("src/models.rs") || has("src/models/mod.rs"));
    }
}

/// A sample of arbitrary models compiles, not only parses: crates rendered from IRs drawn
/// with a fixed seed are checked by cargo (clippy with `-D warnings` when it is installed,
/// as CI has it) in one workspace under `target/ir-samples/`, offline against the
/// repository's lock file. Dependencies are built once, in the target directory the diff
/// compatibility test shares. `IR_SAMPLES=<n>` and `IR_SAMPLES_SEED=<u64>` draw other
/// samples, to explore beyond the fixed ones.
#[test]
fn a_sample_of_arbitrary_models_compiles_without_warnings() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    let count: usize = std::env::var("IR_SAMPLES").ok().and_then(|v| v.parse().ok()).unwrap_or(8);
    let seed: u64 = std::env::var("IR_SAMPLES_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(20261124);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner =
        TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));

    let root = support::root();
    let work = root.join("target/ir-samples");
    let _ = std::fs::remove_dir_all(&work);
    let mut members = Vec::new();
    let mut operations = 0;
    // The shapes that once broke, then the random samples.
    let regressions = root.join("generator/tests/ir_regressions/api.yaml");
    let regressions = std::fs::read_to_string(&regressions).expect("ir_regressions/api.yaml");
    let regressions = generator::yaml::from_yaml(&regressions, "ir_regressions/api.yaml").unwrap_or_else(|e| panic!("{e}"));
    for i in 0..=count {
        let api = if i == count { regressions.clone() } else { api().new_tree(&mut runner).expect("draw an IR").current() };
        operations += api.operations.len();
        let name = if i == count { "ir-regressions".to_string() } else { format!("ir-sample-{i}") };
        let opts = CrateOptions {
            crate_name: name.clone(),
            display_name: format!("Sample {i}"),
            version: "0.1.0".into(),
            command: "cargo test -p generator --test render_props".into(),
        };
        let out = render_crate(&api, &opts);
        let errors: Vec<_> =
            out.warnings.iter().filter(|w| w.severity == generator::diag::Severity::Error).collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        let output = generator::files::Output { files: out.value, owned_dirs: Vec::new() };
        let dir = work.join(&name);
        generator::files::write(&dir, &output).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        // Kept beside the crate, to reproduce a failure with `generator generate`.
        std::fs::write(dir.join("api.yaml"), generator::yaml::to_yaml(&api)).unwrap();
        members.push(name);
    }
    assert!(operations > 0, "the samples must have operations to compile");
    let (ok, stderr) = support::check_workspace(&work, &members, "ir-");
    assert!(ok, "samples (seed {seed}) in {} do not compile cleanly:\n{stderr}", work.display());
}
