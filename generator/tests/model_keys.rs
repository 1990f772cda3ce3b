//! Model JSON keys read from the docs alone (no SDK sources), in every client language
//! (`tests/fixtures/langs`), against the keys of the spec the docs were generated from.
//! A language's model docs write each property in its own case (`authorName`, `AuthorName`,
//! `author_name` for the key `author-name`): a key the docs do not settle must be flagged
//! (`weak:` / `guess:`), never stated. Prints the measurement per language.

mod support;

use serde_yaml::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn langs() -> PathBuf {
    support::root().join("tests/fixtures/langs")
}

fn fold(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// Folded model name → (folded key → key), properties of `allOf` parts included.
fn spec_keys(spec: &Value) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let Some(Value::Mapping(schemas)) = spec.get("components").and_then(|c| c.get("schemas")) else {
        return out;
    };
    for (name, schema) in schemas {
        let mut keys = BTreeMap::new();
        let parts = std::iter::once(schema).chain(schema.get("allOf").and_then(Value::as_sequence).into_iter().flatten());
        for part in parts {
            if let Some(Value::Mapping(props)) = part.get("properties") {
                for k in props.keys().filter_map(Value::as_str) {
                    keys.insert(fold(k), k.to_string());
                }
            }
        }
        out.insert(fold(name.as_str().unwrap_or_default()), keys);
    }
    out
}

#[derive(Default)]
struct Tally {
    right: usize,
    right_flagged: usize,
    wrong_flagged: usize,
    wrong_silent: usize,
}

#[test]
fn model_keys_of_every_language_are_the_specs_or_flagged() {
    let mut dirs: Vec<String> = std::fs::read_dir(langs())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.split("__").count() == 3)
        .collect();
    dirs.sort();
    let mut by_lang: BTreeMap<String, Tally> = BTreeMap::new();
    let mut silent = Vec::new();
    for dir in &dirs {
        let parts: Vec<&str> = dir.split("__").collect();
        let (spec_name, lang) = (parts[0], parts[1]);
        let spec: Value = serde_yaml::from_str(&std::fs::read_to_string(langs().join(format!("specs/{spec_name}.yaml"))).unwrap()).unwrap();
        let want = spec_keys(&spec);
        let loaded = generator::read_input_with(&langs().join(dir).join("docs"), &generator::SdkChoice::Off)
            .unwrap_or_else(|e| panic!("{dir}: {e}"));
        let t = by_lang.entry(lang.to_string()).or_default();
        for m in &loaded.value.api.models {
            let Some(keys) = want.get(&fold(&m.name)) else { continue };
            for f in &m.fields {
                let Some(key) = keys.get(&fold(&f.wire_name)) else { continue };
                let flagged = f.inferred.get("wire_name").is_some_and(|e| e.starts_with("weak:") || e.starts_with("guess:"));
                match (key == &f.wire_name, flagged) {
                    (true, false) => t.right += 1,
                    (true, true) => t.right_flagged += 1,
                    (false, true) => t.wrong_flagged += 1,
                    (false, false) => {
                        t.wrong_silent += 1;
                        silent.push(format!("{dir}: {}.{} is sent as `{}`, the spec's key is `{key}`", m.name, f.name, f.wire_name));
                    }
                }
            }
        }
    }
    for (lang, t) in &by_lang {
        let all = t.right + t.right_flagged + t.wrong_flagged + t.wrong_silent;
        println!(
            "{lang:<11} keys {all:>4}: right {:>4} (flagged {:>3}), wrong flagged {:>3}, wrong silent {}",
            t.right + t.right_flagged,
            t.right_flagged,
            t.wrong_flagged,
            t.wrong_silent
        );
    }
    // TypeScript's docs show a key's `-` as `_` (`author_name` for `author-name`) and every
    // other key as sent: the one spelling no rule can tell from a snake_case key.
    let known = |s: &str| s.contains("__typescript__") && s.contains('-');
    let unexplained: Vec<&String> = silent.iter().filter(|s| !known(s)).collect();
    assert!(unexplained.is_empty(), "model keys stated wrong, without a flag:\n{}", unexplained.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
    assert!(silent.len() <= 2, "{silent:#?}");
    // Every language was read, and most keys are right.
    assert!(by_lang.len() >= 13, "{:?}", by_lang.keys().collect::<Vec<_>>());
    for (lang, t) in &by_lang {
        let all = t.right + t.right_flagged + t.wrong_flagged + t.wrong_silent;
        assert!(all > 0 && (t.right + t.right_flagged) * 100 >= all * 75, "{lang}: {} of {all} keys right", t.right + t.right_flagged);
    }
}
