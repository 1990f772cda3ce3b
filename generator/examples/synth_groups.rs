//! Writes the synthetic docs directory of many API groups (`synth::synthesize_groups`: 66
//! groups, 907 operations, versioned groups, the same operation names in every group, a
//! copy of the models per group) to the directory given, for the benchmarks in
//! `docs/performance.md`:
//!
//! ```sh
//! cargo run -p generator --example synth_groups -- target/groups-bench/groups
//! cargo run --release -p generator -- generate target/groups-bench/groups --out target/groups-bench/crate
//! ```

#[path = "../benches/synth/mod.rs"]
#[allow(dead_code)]
mod synth;

use std::path::{Path, PathBuf};

fn main() {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: synth_groups <out dir>");
        std::process::exit(2);
    };
    for (path, text) in groups_fixture() {
        let path = out.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    println!("wrote {}", out.display());
}

/// The zoo showcase's docs, scaled to 66 groups.
fn groups_fixture() -> Vec<(String, String)> {
    let zoo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/zoo");
    let read = |p: &str| std::fs::read_to_string(zoo.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let apis = [read("docs/AnimalsApi.md"), read("docs/KeepersApi.md")];
    let names = ["Animal", "AnimalPatch", "Certification", "Diet", "EnclosureLevel", "Error", "Habitat", "Keeper", "Photo"];
    let models: Vec<(&str, String)> = names.iter().map(|n| (*n, read(&format!("docs/{n}.md")))).collect();
    let models: Vec<(&str, &str)> = models.iter().map(|(n, t)| (*n, t.as_str())).collect();
    synth::synthesize_groups(&[&apis[0], &apis[1]], &models, &["Error"], &read("README.md"))
}
