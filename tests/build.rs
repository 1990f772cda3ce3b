//! The models of the language fixtures (`fixtures/langs/<spec>__<language>__<version>/docs`),
//! generated at build time for `tests/model_props.rs`: `$OUT_DIR/lang_models.rs` holds one
//! module per distinct set of models (fixtures whose models read alike share one), each with
//! `decode(schema name, instance)`, and `FIXTURES` maps every fixture to its module.
//!
//! Only the models are compiled (the rest of each client would cost compile time and tells
//! nothing about decoding); their `crate::runtime::` paths point at `client-runtime`, the
//! runtime every generated crate carries a copy of.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/langs");
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=build.rs");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|r| r.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("docs").is_dir() && p.join("spec.yaml").is_file()).collect())
        .unwrap_or_default();
    dirs.sort();
    // Distinct models (doc comments aside) → module name; fixture → module.
    let mut modules: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut fixtures: Vec<(String, String)> = Vec::new();
    for dir in dirs {
        let name = dir.file_name().unwrap_or_default().to_string_lossy().into_owned();
        println!("cargo:rerun-if-changed={}", dir.join("docs").display());
        let Ok(loaded) = generator::read_input(&dir.join("docs")) else { continue };
        let input = loaded.value;
        let mut opts = input.crate_options("e2e build.rs");
        opts.crate_name = "fixture-client".into();
        let files = generator::render::render_crate(&input.api, &opts).value;
        // One `models.rs`, or (a crate of several API groups) one file per model under
        // `models/`, whose `mod.rs` only declares them: their texts side by side are the same
        // module.
        let models = match files.iter().find(|(p, _)| p.ends_with("src/models.rs")) {
            Some((_, t)) => t.clone(),
            None => files
                .iter()
                .filter(|(p, _)| p.parent().is_some_and(|d| d.ends_with("src/models")) && !p.ends_with("mod.rs"))
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        };
        if models.trim().is_empty() {
            continue;
        }
        let key: String = models.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
        let idents = generator::surface::models::model_idents(&input.api, &mut |_| {});
        let module = match modules.get(&key) {
            Some((m, _)) => m.clone(),
            None => {
                let m = format!("m{}", modules.len());
                let code = models
                    .replace("crate::runtime::", "::client_runtime::runtime::")
                    .replace("crate::models::", "super::models::");
                let mut arms = String::new();
                for (source, ident) in &idents {
                    writeln!(arms, "            {source:?} => Some(crate::round_trip::<models::{ident}>(v)),").unwrap();
                }
                let text = format!(
                    "pub mod {m} {{\n    #[allow(clippy::all, dead_code, unused_imports)]\n    pub mod models {{\n{code}\n    }}\n\n    \
                     pub fn decode(name: &str, v: &serde_json::Value) -> Option<Result<serde_json::Value, String>> {{\n        \
                     match name {{\n{arms}            _ => None,\n        }}\n    }}\n}}\n"
                );
                modules.insert(key, (m.clone(), text));
                m
            }
        };
        fixtures.push((name, module));
    }
    let mut out = String::new();
    for (_, text) in modules.values() {
        out.push_str(text);
    }
    out.push_str("pub const FIXTURES: &[(&str, crate::Dispatch)] = &[\n");
    for (name, m) in &fixtures {
        writeln!(out, "    ({name:?}, {m}::decode),").unwrap();
    }
    out.push_str("];\n");
    let path = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lang_models.rs");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(out.as_str()) {
        std::fs::write(&path, out).expect("writing lang_models.rs");
    }
}
