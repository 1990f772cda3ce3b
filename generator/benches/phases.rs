//! The generator's phases, each measured on its own, for every seed under `specs/` and for
//! synthetic docs of 1k, 5k and 10k operations and a docs directory of 66 API groups (see
//! `synth/`):
//!
//! | phase | what |
//! |---|---|
//! | `read` | markdown / plain text → blocks (form detected) |
//! | `extract` | blocks → what the doc says (`doc::Template`) |
//! | `infer` | → endpoint model, with evidence (and, for seeds, `provider.yaml` overrides) |
//! | `yaml` | endpoint model → normalized `api.yaml` |
//! | `render` | endpoint model → token streams (plus Cargo.toml, README, runtime copies) |
//! | `format` | token streams → formatted Rust (syn + prettyplease) |
//! | `end_to_end` | all of the above from the doc text |
//!
//! Throughput is reported in operations ("elements") per second. `seeds-plan_all` is what
//! `cargo run -p generator` does before writing: every spec directory, read from disk.
//!
//! Run with `cargo bench -p generator` (a filter narrows it: `cargo bench -p generator --
//! synthetic`). A summary table (mean time and operations per second, from criterion's
//! estimates) is printed at the end. Under `cargo test --all-targets` each benchmark runs
//! once, untimed, on the seeds and the 1k doc only.

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput};
use generator::diag::{Diagnostics, Severity};
use generator::ir::Api;
use generator::provider::ProviderConfig;
use generator::render::{self, CrateOptions};
use generator::DocSet;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod synth;

/// Synthetic sizes, in operations.
const SIZES: &[usize] = &[1_000, 5_000, 10_000];
const PHASES: &[&str] = &["read", "extract", "infer", "yaml", "render", "format", "end_to_end"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `provider.yaml`: label, text, parsed.
type Config = (String, String, ProviderConfig);

/// One provider's docs and everything the phases need, each phase's input computed once.
struct Input {
    name: String,
    provider: String,
    set: DocSet,
    config: Option<Config>,
    opts: CrateOptions,
    read: ReadOut,
    extracted: Extracted,
    api: Api,
    ops: usize,
}

type ReadOut = generator::ReadDocs;
type Extracted = generator::ExtractedDocs;

/// Phase `read`: every doc of the set as blocks.
fn read_phase(set: &DocSet) -> ReadOut {
    generator::read_doc_set(set)
}

/// Phase `extract`: the flavour reads what each doc says.
fn extract_phase(read: &ReadOut) -> Extracted {
    let mut diags = Diagnostics::default();
    let out = generator::extract_doc_set(read, None, &mut diags);
    assert!(!diags.has_errors(), "{:?}", diags.errors().collect::<Vec<_>>());
    out
}

/// Phase `infer`: API docs merged (operations documented in several docs kept once),
/// inference, README auth, models, and `provider.yaml` overrides.
fn infer_phase(ex: Extracted, provider: &str, single: bool, config: Option<&Config>) -> Api {
    let mut diags = Diagnostics::default();
    let mut api = generator::infer_doc_set(ex, provider, single, &mut diags).expect("the docs read");
    if let Some((label, text, cfg)) = config {
        generator::provider::apply(&mut api, cfg, text, label, &mut diags);
    }
    assert!(!diags.has_errors(), "{provider}: {:?}", diags.errors().collect::<Vec<_>>());
    api
}

/// Everything from the doc text through the generator's own entry points: what
/// `cargo run -p generator` computes for one provider (before writing files).
fn end_to_end(input: &Input) -> (String, usize) {
    let mut diags = Diagnostics::default();
    let mut api = generator::parse_doc_set(&input.set, &input.provider, &mut diags).expect("the docs read");
    if let Some((label, text, cfg)) = &input.config {
        generator::provider::apply(&mut api, cfg, text, label, &mut diags);
    }
    let yaml = generator::yaml::to_yaml(&api);
    let files = render::render_crate(&api, &input.opts);
    (yaml, files.value.len())
}

impl Input {
    fn new(name: String, provider: String, set: DocSet, config: Option<Config>, opts: CrateOptions) -> Self {
        let read = read_phase(&set);
        let extracted = extract_phase(&read);
        let api = infer_phase(extracted.clone(), &provider, set.docs.len() == 1, config.as_ref());
        let ops = api.operations.len();
        let mut input = Input {
            name,
            provider,
            set,
            config,
            opts,
            read,
            extracted,
            api,
            ops,
        };
        // The phases above must compute what the generator does, or they measure the
        // wrong thing: compare with its own entry point.
        let mut diags = Diagnostics::default();
        let mut real = generator::parse_doc_set(&input.set, &input.provider, &mut diags).expect("the docs read");
        if let Some((label, text, cfg)) = &input.config {
            generator::provider::apply(&mut real, cfg, text, label, &mut diags);
        }
        assert!(
            generator::yaml::to_yaml(&real) == generator::yaml::to_yaml(&input.api),
            "{}: the bench's phases no longer compute what generator::parse_doc_set does; update benches/phases.rs",
            input.name
        );
        let rendered = render::format(render::render_tokens(&input.api, &input.opts));
        let errors: Vec<_> = rendered.warnings.iter().filter(|d| d.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", input.name);
        input.api = real;
        input
    }
}

/// Every spec directory's docs, found as `generator::load_spec_dir` finds them.
/// The five providers whose docs are the real seeds.
const SEED_PROVIDERS: &[&str] = &["finapi", "glowmarkt", "obp", "passage", "umaaas"];

/// `target/bench-five-seeds/specs/<seed>/`: a copy of the seed providers' spec directories.
fn five_seeds_root(root: &Path) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                copy(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
    let five = root.join("target/bench-five-seeds");
    let _ = std::fs::remove_dir_all(&five);
    for seed in SEED_PROVIDERS {
        copy(&root.join("specs").join(seed), &five.join("specs").join(seed));
    }
    five
}

fn seeds() -> Vec<Input> {
    let root = root();
    generator::spec_dirs(&root)
        .into_iter()
        .map(|dir| {
            let provider = dir.file_name().unwrap().to_string_lossy().into_owned();
            let label = |p: &Path| p.strip_prefix(&root).unwrap_or(p).display().to_string();
            let cfg_label = label(&dir.join("provider.yaml"));
            let cfg_text = std::fs::read_to_string(dir.join("provider.yaml")).unwrap();
            let mut diags = Diagnostics::default();
            let cfg = generator::provider::parse(&cfg_text, &cfg_label, &mut diags).unwrap();
            let doc_path = match &cfg.doc {
                Some(d) => dir.join(d),
                None if dir.join("docs").is_dir() => dir.clone(),
                None => std::fs::read_dir(&dir)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .find(|p| {
                        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
                        let stem = p.file_stem().and_then(|e| e.to_str()).unwrap_or("");
                        (ext == "md" || ext == "txt") && !stem.eq_ignore_ascii_case("readme")
                    })
                    .unwrap(),
            };
            let set = if doc_path.is_dir() {
                generator::collect_dir(&doc_path, &root, &mut diags)
            } else {
                DocSet {
                    docs: vec![(label(&doc_path), std::fs::read_to_string(&doc_path).unwrap())],
                    ..DocSet::default()
                }
            };
            let opts = CrateOptions {
                crate_name: cfg.crate_name_for(&provider),
                display_name: cfg.display_name.clone().unwrap_or_else(|| provider.clone()),
                version: cfg.version().to_string(),
                command: "cargo run -p generator".into(),
            };
            Input::new(provider.clone(), provider, set, Some((cfg_label, cfg_text, cfg)), opts)
        })
        .collect()
}

/// A synthetic doc of `n` operations from the OBP and umaaas docs' sections.
fn synthetic(n: usize) -> Input {
    let root = root();
    let obp = std::fs::read_to_string(root.join("specs/obp/UserApi.md")).unwrap();
    let umaaas = std::fs::read_to_string(root.join("specs/umaaas/UsersApi.md")).unwrap();
    let set = DocSet {
        docs: vec![("UserApi.md".into(), synth::synthesize(&[&obp, &umaaas], n))],
        ..DocSet::default()
    };
    let opts = CrateOptions {
        crate_name: "synthetic-client".into(),
        display_name: "Synthetic".into(),
        version: "0.1.0".into(),
        command: "cargo bench -p generator".into(),
    };
    let input = Input::new(n.to_string(), "synthetic".into(), set, None, opts);
    assert_eq!(input.ops, n, "every synthetic operation is read");
    input
}

/// Docs directory of this many API docs,
const DIR_DOCS: usize = 66;
/// each of this many method-table rows, the last two also in the next doc (multi-tag).
const DIR_ROWS: usize = 32;

/// A synthetic docs directory: 66 API docs, 2,112 method-table rows, 130 of them
/// operations documented in two docs (kept once), 1,982 operations.
fn directory() -> Input {
    let root = root();
    let obp = std::fs::read_to_string(root.join("specs/obp/UserApi.md")).unwrap();
    let umaaas = std::fs::read_to_string(root.join("specs/umaaas/UsersApi.md")).unwrap();
    let step = DIR_ROWS - 2;
    let docs = (0..DIR_DOCS)
        .map(|d| {
            let doc = synth::synthesize_range(&[&obp, &umaaas], d * step..d * step + DIR_ROWS);
            // Each doc its own API class (group).
            let doc = doc.replace("UserApi", &format!("Group{d:02}Api"));
            (format!("docs/Group{d:02}Api.md"), doc)
        })
        .collect();
    let set = DocSet {
        docs,
        readme: None,
        ..DocSet::default()
    };
    let opts = CrateOptions {
        crate_name: "directory-client".into(),
        display_name: "Directory".into(),
        version: "0.1.0".into(),
        command: "cargo bench -p generator".into(),
    };
    let input = Input::new("66x32".into(), "directory".into(), set, None, opts);
    let rows = DIR_DOCS * DIR_ROWS;
    let duplicates = (DIR_DOCS - 1) * 2;
    assert_eq!(input.ops, rows - duplicates, "every distinct operation is read once");
    input
}

/// A synthetic docs directory of many API groups (`synth::synthesize_groups`): the zoo
/// showcase's docs in 66 groups (22 families × `V1`, `V1beta1`, `V1alpha1`), 907 operations
/// whose names recur in every group, and a copy of the models per group.
fn groups() -> Input {
    let zoo = root().join("specs/zoo");
    let read = |p: &str| std::fs::read_to_string(zoo.join(p)).unwrap();
    let apis = [read("docs/AnimalsApi.md"), read("docs/KeepersApi.md")];
    let names = ["Animal", "AnimalPatch", "Certification", "Diet", "EnclosureLevel", "Error", "Habitat", "Keeper", "Photo"];
    let models: Vec<(&str, String)> = names.iter().map(|n| (*n, read(&format!("docs/{n}.md")))).collect();
    let models: Vec<(&str, &str)> = models.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let mut files = synth::synthesize_groups(&[&apis[0], &apis[1]], &models, &["Error"], &read("README.md"));
    let readme = files.pop();
    let set = DocSet {
        docs: files,
        readme,
        ..DocSet::default()
    };
    let opts = CrateOptions {
        crate_name: "groups-client".into(),
        display_name: "Groups".into(),
        version: "0.1.0".into(),
        command: "cargo bench -p generator".into(),
    };
    let input = Input::new("66 groups".into(), "groups".into(), set, None, opts);
    assert_eq!(input.ops, 907, "every operation is read");
    input
}

fn phase_benches(c: &mut Criterion, group: &str, inputs: &[Input]) {
    for phase in PHASES {
        let mut g = c.benchmark_group(format!("{group}-{phase}"));
        if group == "synthetic" || group == "directory" || group == "groups" {
            g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(6));
        } else {
            g.sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(2));
        }
        for input in inputs {
            g.throughput(Throughput::Elements(input.ops as u64));
            let id = BenchmarkId::from_parameter(&input.name);
            match *phase {
                "read" => g.bench_with_input(id, input, |b, i| b.iter(|| read_phase(black_box(&i.set)))),
                "extract" => g.bench_with_input(id, input, |b, i| b.iter(|| extract_phase(black_box(&i.read)))),
                "infer" => g.bench_with_input(id, input, |b, i| {
                    b.iter_batched(
                        || i.extracted.clone(),
                        |ex| infer_phase(ex, &i.provider, i.set.docs.len() == 1, i.config.as_ref()),
                        BatchSize::LargeInput,
                    )
                }),
                "yaml" => g.bench_with_input(id, input, |b, i| {
                    b.iter(|| generator::yaml::to_yaml(black_box(&i.api)))
                }),
                "render" => g.bench_with_input(id, input, |b, i| {
                    b.iter(|| render::render_tokens(black_box(&i.api), &i.opts))
                }),
                "format" => g.bench_with_input(id, input, |b, i| {
                    b.iter_batched(
                        || render::render_tokens(&i.api, &i.opts),
                        render::format,
                        BatchSize::LargeInput,
                    )
                }),
                "end_to_end" => g.bench_with_input(id, input, |b, i| b.iter(|| end_to_end(black_box(i)))),
                _ => unreachable!(),
            };
        }
        g.finish();
    }
}

fn benches(c: &mut Criterion, bench_mode: bool) {
    let seeds = seeds();
    phase_benches(c, "seeds", &seeds);

    // All seeds in one process, from disk, as `cargo run -p generator` (without writing).
    let total: usize = seeds.iter().map(|s| s.ops).sum();
    let root = root();
    let mut g = c.benchmark_group("seeds-plan_all");
    g.sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Elements(total as u64));
    g.bench_function("all", |b| {
        b.iter(|| generator::plan_all(black_box(&root)).expect("the seeds generate"))
    });
    // The five seed providers alone (a copy of their spec directories).
    let five = five_seeds_root(&root);
    let five_ops: usize = seeds.iter().filter(|s| SEED_PROVIDERS.contains(&s.provider.as_str())).map(|s| s.ops).sum();
    g.throughput(Throughput::Elements(five_ops as u64));
    g.bench_function("five", |b| {
        b.iter(|| generator::plan_all(black_box(&five)).expect("the seeds generate"))
    });
    g.finish();

    let sizes = if bench_mode { SIZES } else { &SIZES[..1] };
    let synthetic: Vec<Input> = sizes.iter().map(|&n| synthetic(n)).collect();
    phase_benches(c, "synthetic", &synthetic);
    phase_benches(c, "directory", &[directory()]);
    phase_benches(c, "groups", &[groups()]);
}

/// Criterion's output directory (where `estimates.json` files are).
fn criterion_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(PathBuf::from(home));
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(PathBuf::from(target).join("criterion"));
    }
    // <target>/release/deps/phases-<hash>
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.parent()?.join("criterion"))
}

/// Mean time in nanoseconds of one benchmark's latest run.
fn mean_ns(dir: &Path, group: &str, id: &str) -> Option<f64> {
    let text = std::fs::read_to_string(dir.join(group).join(id).join("new/estimates.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    v["mean"]["point_estimate"].as_f64()
}

fn fmt_time(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.1} µs", ns / 1e3)
    }
}

/// Prints mean time and operations per second per phase, and how time grows with size.
fn summary(seeds: &[(String, usize)]) {
    let Some(dir) = criterion_dir() else { return };
    println!("\nSummary (mean of the latest run; ops/s = operations per second)\n");
    println!("{:<12} {:>10} {:>6} {:>12} {:>12}", "phase", "input", "ops", "mean", "ops/s");
    let row = |group: &str, phase: &str, name: &str, ops: usize| {
        if let Some(ns) = mean_ns(&dir, &format!("{group}-{phase}"), name) {
            let rate = ops as f64 / (ns / 1e9);
            println!("{phase:<12} {name:>10} {ops:>6} {:>12} {rate:>12.0}", fmt_time(ns));
        }
    };
    for phase in PHASES {
        for (name, ops) in seeds {
            row("seeds", phase, name, *ops);
        }
    }
    let total: usize = seeds.iter().map(|s| s.1).sum();
    row("seeds", "plan_all", "all", total);
    let five: usize = seeds.iter().filter(|s| SEED_PROVIDERS.contains(&s.0.as_str())).map(|s| s.1).sum();
    row("seeds", "plan_all", "five", five);
    for phase in PHASES {
        for n in SIZES {
            row("synthetic", phase, &n.to_string(), *n);
        }
    }
    println!("\nGrowth: time per operation at 1k / 5k / 10k (equal = linear), and t(10k) / t(1k)\n");
    for phase in PHASES {
        let per: Vec<Option<f64>> = SIZES
            .iter()
            .map(|n| mean_ns(&dir, &format!("synthetic-{phase}"), &n.to_string()).map(|ns| ns / *n as f64))
            .collect();
        if let [Some(a), Some(b), Some(c)] = per[..] {
            println!(
                "{phase:<12} {:>10} {:>10} {:>10}   x{:.1}",
                fmt_time(a),
                fmt_time(b),
                fmt_time(c),
                c * 10_000.0 / (a * 1_000.0)
            );
        }
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` does not (test mode).
    let bench_mode = std::env::args().any(|a| a == "--bench");
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c, bench_mode);
    c.final_summary();
    if bench_mode {
        let seeds: Vec<(String, usize)> = seeds().into_iter().map(|s| (s.name, s.ops)).collect();
        summary(&seeds);
    }
}
