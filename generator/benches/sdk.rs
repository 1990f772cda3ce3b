//! Reading an SDK's sources beside its docs, on a large synthetic SDK: 65 API modules of 14
//! operations each (910 operations, about 5.5 MB of Python), made from the
//! `library__python__4.3.1` fixture's `BooksApi` (its module and its doc, operations and
//! paths renamed per copy) and written to `target/bench-sdk/`.
//!
//! | benchmark | what |
//! |---|---|
//! | `sdk-read_sources` | discovery, walk, reading and extracting every source file (`sdk::read_sdk`) |
//! | `sdk-load/docs_alone` | the docs directory read alone (`SdkChoice::Off`): read, extract, infer |
//! | `sdk-load/with_sdk` | the same with the sources found beside it and weighed (`SdkChoice::Auto`) |
//!
//! What the sources add to a generation is `with_sdk` − `docs_alone`. Run with `cargo bench
//! -p generator --bench sdk`; under `cargo test --all-targets` each runs once, untimed.

use criterion::{Criterion, Throughput};
use generator::SdkChoice;
use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

const MODULES: usize = 65;
/// Copies of the 7-operation `BooksApi` per module.
const COPIES: usize = 2;
const OPS: [&str; 7] = ["create_book", "delete_book", "get_book", "get_book_cover", "list_books", "replace_book", "upload_book_cover"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every identifier of `text` renamed by `names`; `/books` paths moved under `prefix`.
fn rename(text: &str, names: &HashMap<String, String>, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(names.get(word.as_str()).map_or(word.as_str(), String::as_str));
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out.replace("'/books", &format!("'/{prefix}/books")).replace("** /books", &format!("** /{prefix}/books"))
}

/// Writes the synthetic SDK (once per run): `docs/ModNNApi.md` and `openapi_client/api/modNN_api.py`.
fn synthesize() -> (PathBuf, usize, usize) {
    let fixture = root().join("tests/fixtures/langs/library__python__4.3.1");
    let api = std::fs::read_to_string(fixture.join("openapi_client/api/books_api.py")).expect("the fixture's books_api.py");
    let doc = std::fs::read_to_string(fixture.join("docs/BooksApi.md")).expect("the fixture's BooksApi.md");
    let out = root().join("target/bench-sdk");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(out.join("docs")).unwrap();
    std::fs::create_dir_all(out.join("openapi_client/api")).unwrap();
    let mut bytes = 0;
    let mut ops = 0;
    for m in 0..MODULES {
        let (mut code, mut docs) = (String::new(), String::new());
        for c in 0..COPIES {
            let mut names: HashMap<String, String> = HashMap::new();
            for op in OPS {
                names.insert(op.to_string(), format!("{op}_m{m}c{c}"));
                names.insert(format!("{op}_with_http_info"), format!("{op}_m{m}c{c}_with_http_info"));
            }
            names.insert("BooksApi".into(), format!("Mod{m:02}Api"));
            let prefix = format!("m{m}c{c}");
            // One module: the copies one after the other (sources are read as text, never run).
            code.push_str(&rename(&api, &names, &prefix));
            code.push('\n');
            let d = rename(&doc, &names, &prefix);
            if c == 0 {
                docs.push_str(&d);
            } else {
                // The copy's method-table rows join the first table; its sections follow.
                let rows: Vec<&str> = d.lines().filter(|l| l.starts_with("[**")).collect();
                let first_section = docs.find("\n# **").expect("an operation section");
                let table_end = docs[..first_section].trim_end().len();
                docs.insert_str(table_end, &format!("\n{}", rows.join("\n")));
                if let Some((_, sections)) = d.split_once("\n# **") {
                    docs.push_str("\n# **");
                    docs.push_str(sections);
                }
            }
            ops += OPS.len();
        }
        bytes += code.len();
        std::fs::write(out.join(format!("openapi_client/api/mod{m:02}_api.py")), code).unwrap();
        std::fs::write(out.join(format!("docs/Mod{m:02}Api.md")), docs).unwrap();
    }
    (out, ops, bytes)
}

fn main() {
    let (root, ops, bytes) = synthesize();
    let mut diags = generator::diag::Diagnostics::default();
    let facts = generator::sdk::read_sdk(&root, "python", &generator::sdk::Limits::default(), &root, &mut diags).expect("the synthetic SDK is read");
    assert_eq!(facts.ops.len(), ops, "every synthetic operation is read from the sources");
    let with = generator::load_input_with(&root.join("docs"), &SdkChoice::Auto).expect("the synthetic docs read");
    assert_eq!(with.value.operations.len(), ops, "every synthetic operation is read from the docs");
    let matched = with.value.operations.iter().filter(|o| o.params.iter().any(|p| p.inferred.get("location").is_some_and(|e| e.starts_with("strong: sdk ")))).count();
    assert_eq!(matched, ops, "every operation is matched to its source");
    println!("synthetic SDK: {MODULES} API modules, {ops} operations, {:.1} MB of sources", bytes as f64 / 1e6);

    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("sdk");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::Elements(ops as u64));
    g.bench_function("read_sources", |b| {
        b.iter(|| {
            let mut diags = generator::diag::Diagnostics::default();
            generator::sdk::read_sdk(black_box(&root), "python", &generator::sdk::Limits::default(), &root, &mut diags)
        })
    });
    g.finish();
    let mut g = c.benchmark_group("sdk-load");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Elements(ops as u64));
    g.bench_function("docs_alone", |b| b.iter(|| generator::load_input_with(black_box(&root.join("docs")), &SdkChoice::Off).expect("read")));
    g.bench_function("with_sdk", |b| b.iter(|| generator::load_input_with(black_box(&root.join("docs")), &SdkChoice::Auto).expect("read")));
    g.finish();
    c.final_summary();
}
