//! Model shapes read from docs the real openapi-generator wrote (tests/fixtures/pay:
//! 7.26.0 `python` and `python-pydantic-v1`, 6.6.0 `python-prior`) from one spec with
//! oneOf (with and without discriminator), anyOf, allOf, enums and nullable fields: each
//! generation's docs give the same shapes, as far as the docs carry them.

mod support;

use generator::ir::{Api, ModelKind};

fn load(flavour: &str) -> Api {
    let dir = support::root().join("tests/fixtures/pay").join(flavour);
    match generator::load_input(&dir) {
        Ok(l) => l.value,
        Err(e) => panic!("{flavour}: {e}"),
    }
}

fn check(flavour: &str, discriminators: bool) {
    let api = load(flavour);
    let model = |n: &str| api.models.iter().find(|m| m.name == n).unwrap_or_else(|| panic!("{flavour}: no model {n}"));
    let union = |n: &str, variants: &[&str]| {
        let m = model(n);
        assert_eq!(m.kind, ModelKind::OneOf, "{flavour}: {n}");
        assert_eq!(m.variants, variants, "{flavour}: {n}: variants, stricter first");
        assert!(m.inferred["kind"].contains("exactly those of"), "{flavour}: {n}: {:?}", m.inferred);
    };
    // oneOf with a discriminator, anyOf without one, oneOf of event models.
    union("PaymentMethod", &["Card", "BankAccount"]);
    union("Destination", &["BankAccount", "Wallet"]);
    union("Event", &["PaymentEvent", "RefundEvent"]);
    // 6.x writes each variant's tag constant (`defaults to "card"`); 7.x does not.
    let d = model("PaymentMethod").discriminator.as_ref();
    if discriminators {
        let d = d.unwrap_or_else(|| panic!("{flavour}: no discriminator"));
        assert_eq!(d.property, "kind");
        assert_eq!(d.mapping["card"], "Card");
        assert_eq!(d.mapping["bank"], "BankAccount");
        assert_eq!(model("Event").discriminator.as_ref().unwrap().property, "eventType");
    } else {
        assert!(d.is_none(), "{flavour}");
    }
    assert!(model("Destination").discriminator.is_none(), "{flavour}: Wallet has no `kind`");
    // allOf: one struct of every part's fields (6.x also documents the inline part).
    let payment = model("Payment");
    assert_eq!(payment.kind, ModelKind::Object, "{flavour}");
    for f in ["amount", "currency", "id", "status", "method", "note", "created_at", "destinations"] {
        assert!(payment.fields.iter().any(|x| x.name == f), "{flavour}: Payment.{f}");
    }
    // Enums, top-level and nested.
    for (n, values) in [("Currency", vec!["EUR", "USD", "GBP"]), ("CardBrand", vec!["visa", "mastercard", "amex"])] {
        let m = model(n);
        assert_eq!(m.kind, ModelKind::Enum, "{flavour}: {n}");
        assert_eq!(m.enum_values, values, "{flavour}: {n}");
    }
    // Plain objects stay objects: a model that is part of another is no union.
    for n in ["Card", "BankAccount", "Wallet", "Money", "NewPayment", "PaymentPage", "Link", "PaymentLinks"] {
        assert_eq!(model(n).kind, ModelKind::Object, "{flavour}: {n}");
    }
}

#[test]
fn pay_python_7_docs() {
    check("python", false);
}

#[test]
fn pay_python_pydantic_v1_docs() {
    check("python-pydantic-v1", false);
}

#[test]
fn pay_python_prior_6_docs() {
    check("python-prior", true);
}

/// 6.x's nullable spelling (`str, none_type`) reaches the model; 7.x docs do not show it.
#[test]
fn nullable_fields_as_the_generations_show_them() {
    let prior = load("python-prior");
    let note = |api: &Api| api.models.iter().find(|m| m.name == "Payment").unwrap().fields.iter().find(|f| f.name == "note").unwrap().clone();
    let n = note(&prior);
    assert!(n.required && n.nullable, "{n:?}");
    let seven = load("python");
    assert!(!note(&seven).nullable, "7.x docs do not show nullable; provider.yaml says it (specs/pay)");
    // So 7.x's required fields' nullability is a guess (decoded leniently); 6.x states it.
    let guesses = |api: &Api| {
        api.models
            .iter()
            .flat_map(|m| &m.fields)
            .filter(|f| f.inferred.get("nullable").is_some_and(|e| e.starts_with("guess:")))
            .map(|f| (f.required, f.name.clone()))
            .collect::<Vec<_>>()
    };
    let seven = guesses(&seven);
    assert!(seven.iter().all(|(required, _)| *required) && seven.iter().any(|(_, n)| n == "last4"), "{seven:?}");
    assert_eq!(guesses(&prior), []);
    // The checked-in specs/pay: its provider.yaml lists the nullable fields, which settles the rest.
    let settled = generator::load_input(&support::root().join("specs/pay")).unwrap().value;
    assert_eq!(guesses(&settled), []);
}

/// The checked-in `specs/pay` (7.x docs plus provider.yaml) renders every shape.
#[test]
fn pay_crate_renders_each_shape() {
    let models = on_disk(&support::root().join("generated/pay"), &["src/models.rs", "src/models/"]);
    assert!(!models.is_empty());
    for needle in [
        "pub enum PaymentMethod {",
        "Card(crate::models::Card),",
        "impl<'de> serde::Deserialize<'de> for PaymentMethod",
        "pub enum Currency {",
        "Other(String),",
        "pub fn new(",
        "#[serde(rename = \"_links\"",
        "#[serde(rename = \"@type\"",
        "#[serde(rename = \"retry-count\"",
        "#[serde(rename = \"3ds\"",
    ] {
        assert!(models.contains(needle), "generated/pay/src/models.rs lacks `{needle}`");
    }
}

/// The Rust files of a generated crate at `dir` whose paths start with one of `prefixes`
/// (`src/models.rs`, or `src/models/` of a crate laid out by API group), concatenated.
fn on_disk(dir: &std::path::Path, prefixes: &[&str]) -> String {
    let mut files = std::collections::BTreeMap::new();
    for sub in ["src", "src/models", "src/apis"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else { continue };
        for e in entries {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == "rs") {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(rel, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    of(&files, prefixes)
}

/// The files of `files` whose paths start with one of `prefixes`, concatenated.
fn of(files: &std::collections::BTreeMap<std::path::PathBuf, String>, prefixes: &[&str]) -> String {
    files
        .iter()
        .filter(|(p, _)| prefixes.iter().any(|x| p.to_string_lossy().starts_with(x)))
        .map(|(_, t)| t.as_str())
        .collect()
}

/// Public type names of a generated file: `pub struct X` / `pub enum X`.
fn type_names(text: &str) -> std::collections::BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix("pub struct ").or_else(|| l.trim_start().strip_prefix("pub enum ")))
        .map(|rest| rest.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("").to_string())
        .collect()
}

/// `models::` and `requests::` never share a name: a model named like a request builder
/// takes the suffix `Model`, in every checked-in crate and in the regression shapes.
#[test]
fn no_name_is_both_a_model_and_a_request_builder() {
    let root = support::root();
    let mut crates = 0;
    for entry in std::fs::read_dir(root.join("generated")).unwrap() {
        let dir = entry.unwrap().path();
        let models = on_disk(&dir, &["src/models.rs", "src/models/"]);
        let ops = on_disk(&dir, &["src/operations.rs", "src/apis/"]);
        if models.is_empty() || ops.is_empty() {
            continue;
        }
        crates += 1;
        let shared: Vec<_> = type_names(&models).intersection(&type_names(&ops)).cloned().collect();
        assert!(shared.is_empty(), "{}: {shared:?}", dir.display());
    }
    assert!(crates >= 5);
    let text = std::fs::read_to_string(root.join("generator/tests/ir_regressions/api.yaml")).unwrap();
    let api = generator::yaml::from_yaml(&text, "api.yaml").unwrap_or_else(|e| panic!("{e}"));
    let opts = generator::render::CrateOptions {
        crate_name: "regressions".into(),
        display_name: "Regressions".into(),
        version: "0.1.0".into(),
        command: "test".into(),
    };
    let files = generator::render::render_crate(&api, &opts).value;
    let models = &of(&files, &["src/models.rs", "src/models/"]);
    let ops = &of(&files, &["src/operations.rs", "src/apis/"]);
    assert!(type_names(models).contains("CheckRequestModel"), "{models}");
    assert!(type_names(ops).contains("CheckRequest"));
    assert!(ops.contains("crate::models::CheckRequestModel"));
    // The union that contains itself boxes the variant closing the cycle.
    assert!(models.contains("Branch(Box<crate::models::Branch>)"), "{models}");
    // A union whose variant is unknown: the merged fields, all optional.
    assert!(models.contains("pub struct Loose {"), "{models}");
}
