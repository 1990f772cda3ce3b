//! A doc reads the same whether it is markdown or the rendered page saved as plain text.
//!
//! `forms/PetsApi.md` and `forms/PetsApi.txt` are one page in both forms. The text was
//! produced with `support::markdown_to_text`, checked line by line against how GitHub
//! renders such a page (compare `specs/finapi/UsersApi.txt`, a real saved page), and given
//! GitHub's page furniture above the title (`Skip to content`, `History`, the file name
//! `PetsApi.md`). Beyond that pair, every markdown seed and every supported fixture flavour
//! is converted to plain text and must read the same, too.

mod support;

use generator::ir::DocForm;
use support::{form_independent, markdown_to_text, root};

fn parse(text: &str, file: &str) -> generator::ir::Api {
    match generator::parse_doc(text, file, "p") {
        Ok(l) => l.value,
        Err(e) => panic!("{file} fails to parse:\n{e}"),
    }
}

fn assert_same_facts(md: &str, txt: &str, label: &str) {
    let a = parse(md, &format!("{label}.md"));
    let b = parse(txt, &format!("{label}.txt"));
    assert_eq!(a.source.as_ref().unwrap().form, DocForm::Markdown, "{label}");
    assert_eq!(b.source.as_ref().unwrap().form, DocForm::Text, "{label}");
    assert!(!a.operations.is_empty(), "{label}: no operations");
    let (a, b) = (form_independent(&a), form_independent(&b));
    if a != b {
        // Show the first difference as YAML lines rather than two huge debug dumps.
        let (ya, yb) = (generator::yaml::to_yaml(&a), generator::yaml::to_yaml(&b));
        let first = ya
            .lines()
            .zip(yb.lines())
            .enumerate()
            .find(|(_, (x, y))| x != y)
            .map(|(i, (x, y))| format!("line {}: markdown `{x}`, text `{y}`", i + 1))
            .unwrap_or_else(|| "one is a prefix of the other".into());
        panic!("{label}: markdown and plain text read differently; {first}");
    }
}

#[test]
fn hand_made_pair_reads_the_same_in_both_forms() {
    let dir = root().join("generator/tests/forms");
    let md = std::fs::read_to_string(dir.join("PetsApi.md")).unwrap();
    let txt = std::fs::read_to_string(dir.join("PetsApi.txt")).unwrap();
    assert_same_facts(&md, &txt, "PetsApi");
    // The pair states every kind of fact: check a few of them came through at all.
    let api = parse(&txt, "PetsApi.txt");
    let names: Vec<&str> = api.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["list_pets", "add_pet", "upload_photo"]);
    assert_eq!(api.auth_schemes.len(), 3);
    assert_eq!(api.auth_schemes[0].param_name.as_deref(), Some("X-Pet-Key"));
    let list = &api.operations[0];
    assert_eq!(list.params[0].default.as_deref(), Some("20"));
    assert_eq!(list.responses[0].headers, ["X-Next-Page"]);
    assert_eq!(api.operations[2].params[2].default.as_deref(), Some("none"));
}

#[test]
fn the_converter_matches_the_hand_made_text() {
    // The converter is what the other tests trust; check it against the hand-made page
    // (less GitHub's furniture above the title).
    let dir = root().join("generator/tests/forms");
    let md = std::fs::read_to_string(dir.join("PetsApi.md")).unwrap();
    let txt = std::fs::read_to_string(dir.join("PetsApi.txt")).unwrap();
    let page = &txt[txt.find("petstore_client.PetsApi").unwrap()..];
    let squeeze = |s: &str| s.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    assert_eq!(squeeze(&markdown_to_text(&md)), squeeze(page));
}

#[test]
fn markdown_seeds_read_the_same_as_plain_text() {
    for dir in generator::spec_dirs(&root()) {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            // Single-doc seeds; docs directories (`docs/`, README.md) are covered below.
            if path.extension().is_some_and(|e| e == "md") && !path.ends_with("README.md") {
                let md = std::fs::read_to_string(&path).unwrap();
                assert_same_facts(&md, &markdown_to_text(&md), &path.display().to_string());
            }
        }
    }
}

#[test]
fn fixture_flavours_read_the_same_as_plain_text() {
    for flavour in ["python", "python-pydantic-v1", "python-v5", "python-v4"] {
        for api in ["OrdersApi", "FilesApi"] {
            let path = root().join(format!("tests/fixtures/shop/{flavour}/docs/{api}.md"));
            let md = std::fs::read_to_string(&path).unwrap();
            assert_same_facts(&md, &markdown_to_text(&md), &format!("{flavour}/{api}"));
        }
    }
}
