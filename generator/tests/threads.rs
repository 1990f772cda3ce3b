//! Rendering on several threads gives the same crate, byte for byte, as on one: pieces
//! are formatted apart and put together in order, whoever formats them. Checked for every
//! spec under `specs/` and for a doc large enough to be split many ways.

mod support;

use generator::render::{render_crate, render_crate_on, CrateOptions};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn same_for_every_thread_count(api: &generator::ir::Api, opts: &CrateOptions, what: &str) {
    let one = render_crate_on(api, opts, 1);
    let files: BTreeMap<PathBuf, String> = one.value;
    let warnings: Vec<String> = one.warnings.iter().map(|w| w.to_string()).collect();
    for threads in [2, 3, 5, 8] {
        let many = render_crate_on(api, opts, threads);
        let many_warnings: Vec<String> = many.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(warnings, many_warnings, "{what} on {threads} threads: warnings");
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            many.value.keys().collect::<Vec<_>>(),
            "{what} on {threads} threads: files"
        );
        for (path, text) in &files {
            assert!(many.value[path] == *text, "{what} on {threads} threads: {} differs", path.display());
        }
    }
    // And what `render_crate` picks for this machine.
    assert_eq!(render_crate(api, opts).value, files, "{what}");
}

#[test]
fn every_spec_renders_the_same_on_any_number_of_threads() {
    let root = support::root();
    let dirs = generator::spec_dirs(&root);
    assert!(dirs.len() >= 8, "{dirs:?}");
    for dir in dirs {
        let spec = generator::load_spec_dir(&dir, &root).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).value;
        let opts = CrateOptions::for_api(&spec.api, &spec.config);
        same_for_every_thread_count(&spec.api, &opts, &spec.provider);
    }
}

#[test]
fn a_large_api_renders_the_same_on_any_number_of_threads() {
    // OBP's operations four times over, renamed, with groups on half of them, so that
    // both top-level builders and group modules are shared out.
    let root = support::root();
    let spec = generator::load_spec_dir(&root.join("specs/obp"), &root).expect("obp reads").value;
    let mut api = spec.api.clone();
    for round in 1..4 {
        for op in &spec.api.operations {
            let mut op = op.clone();
            op.name = format!("{}_r{round}", op.name);
            op.path = format!("/r{round}{}", op.path);
            if round % 2 == 0 {
                op.group = Some(format!("Round{round}Api"));
            }
            api.operations.push(op);
        }
    }
    assert!(api.operations.len() >= 200);
    same_for_every_thread_count(&api, &CrateOptions::for_api(&spec.api, &spec.config), "obp x4");
}
