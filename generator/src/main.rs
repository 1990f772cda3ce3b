//! `generator`: regenerate, check, normalize, generate, diff, openapi.

use generator::diag::{Diagnostic, Failed};
use generator::files;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  every command takes --strict: warnings are errors (also `strict: true` in provider.yaml)
  generator [--root DIR]                 regenerate specs/*/api.yaml and generated/* (changed files only)
  generator check [--root DIR]           fail if anything checked in is stale
  generator normalize <doc|dir|api.yaml> [-o OUT]
                                         print (or write) the normalized YAML spec
  generator generate <doc|dir|api.yaml> --out DIR [--name CRATE]
                                         render one client crate anywhere
  generator diff <old> <new> [-o REPORT.md]
  generator diff --rev REV [PROVIDER...] [-o REPORT.md]
                                         markdown report of API changes and the semver bump
                                         they imply; each side a doc, a docs or spec dir, an
                                         api.yaml or a specs/ dir; --rev compares that git
                                         revision's specs with the working tree's
  generator openapi <doc|dir|api.yaml> [-o openapi.yaml|openapi.json]
                                         export an OpenAPI 3.1 document
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::FAILURE
        }
    }
}

fn default_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

struct Opts {
    positional: Vec<String>,
    root: PathBuf,
    out: Option<PathBuf>,
    name: Option<String>,
    rev: Option<String>,
    strict: bool,
}

fn parse_opts(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        positional: Vec::new(),
        root: default_root(),
        out: None,
        name: None,
        rev: None,
        strict: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))
        };
        match a.as_str() {
            "--root" => o.root = PathBuf::from(value("--root")?),
            "-o" | "--out" => o.out = Some(PathBuf::from(value(a)?)),
            "--name" => o.name = Some(value("--name")?),
            "--rev" => o.rev = Some(value("--rev")?),
            "--strict" => o.strict = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`\n\n{USAGE}")),
            s => o.positional.push(s.to_string()),
        }
    }
    Ok(o)
}

fn print_warnings(w: &[Diagnostic]) {
    for d in w {
        eprintln!("{d}");
    }
}

/// Warnings, then one summary line per doc set.
fn report<T>(loaded: &generator::Loaded<T>) {
    print_warnings(&loaded.warnings);
    for s in &loaded.summaries {
        eprintln!("{s}");
    }
}

/// Loads an input; `--strict` turns its warnings into errors.
fn load(input: &str, strict: bool) -> Result<generator::Loaded<generator::ir::Api>, String> {
    let loaded = generator::load_input(Path::new(input)).map_err(failed)?;
    if strict {
        for s in &loaded.summaries {
            eprintln!("{s}");
        }
        return loaded.strict().map_err(failed);
    }
    Ok(loaded)
}

fn failed(f: Failed) -> String {
    format!("{f}\n{} error(s)", f.0.len())
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let opts = parse_opts(args)?;
    let cmd = opts.positional.first().map(String::as_str);
    match cmd {
        None | Some("regenerate") => {
            let mut plan = generator::plan_all(&opts.root).map_err(failed)?;
            if opts.strict {
                plan = plan.strict().map_err(failed)?;
            }
            report(&plan);
            // Compared before writing: the checked-in api.yaml files are the old side.
            let api_changes = generator::diff::plan_changes(&opts.root, &plan.value);
            let changed = files::write(&opts.root, &plan.value).map_err(|e| format!("writing failed: {e}"))?;
            if changed.is_empty() {
                println!("up to date: {} files", plan.value.files.len());
            } else {
                for c in &changed {
                    match c {
                        files::Stale::Missing(p) => println!("created: {}", p.display()),
                        files::Stale::Differs(p) => println!("updated: {}", p.display()),
                        files::Stale::Extra(p) => println!("removed: {}", p.display()),
                    }
                }
                println!("updated {} of {} files", changed.len(), plan.value.files.len());
            }
            print!("{}", generator::diff::summary(&api_changes));
            Ok(ExitCode::SUCCESS)
        }
        Some("check") => {
            let plan = generator::plan_all(&opts.root).map_err(failed)?;
            let stale = files::stale(&opts.root, &plan.value).map_err(|e| format!("reading failed: {e}"))?;
            if stale.is_empty() {
                println!("ok: {} generated files are up to date", plan.value.files.len());
                Ok(ExitCode::SUCCESS)
            } else {
                for s in &stale {
                    println!("{s}");
                }
                print!("{}", generator::diff::summary(&generator::diff::plan_changes(&opts.root, &plan.value)));
                println!("{} file(s) stale: run `cargo run -p generator`", stale.len());
                Ok(ExitCode::FAILURE)
            }
        }
        Some("normalize") => {
            let input = opts.positional.get(1).ok_or_else(|| USAGE.to_string())?;
            let loaded = load(input, opts.strict)?;
            report(&loaded);
            let text = generator::yaml::to_yaml(&loaded.value);
            match &opts.out {
                Some(out) => std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))?,
                None => print!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Some("generate") => {
            let input = opts.positional.get(1).ok_or_else(|| USAGE.to_string())?;
            let out = opts.out.clone().ok_or_else(|| format!("generate needs --out DIR\n\n{USAGE}"))?;
            let loaded = load(input, opts.strict)?;
            report(&loaded);
            let api = loaded.value;
            let name = opts
                .name
                .clone()
                .unwrap_or_else(|| format!("{}-client", api.provider.replace('_', "-")));
            let crate_opts = generator::render::CrateOptions {
                crate_name: name,
                display_name: api.title.clone(),
                command: format!("generator generate {input}"),
            };
            let rendered = generator::render::render_crate(&api, &crate_opts);
            print_warnings(&rendered.warnings);
            // A crate with a file that could not be rendered would not compile.
            if rendered.warnings.iter().any(|d| d.severity == generator::diag::Severity::Error) {
                return Err("nothing written: the crate could not be rendered (see the errors above)".into());
            }
            let output = files::Output {
                files: rendered.value,
                owned_dirs: Vec::new(),
            };
            let changed = files::write(&out, &output).map_err(|e| format!("writing failed: {e}"))?;
            println!("wrote {} file(s) to {}", changed.len(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        Some("diff") => {
            let (old, new) = match (&opts.rev, &opts.positional[1..]) {
                (Some(rev), providers) => {
                    let keep = |apis: Vec<generator::ir::Api>| -> Vec<generator::ir::Api> {
                        apis.into_iter()
                            .filter(|a| providers.is_empty() || providers.contains(&a.provider))
                            .collect()
                    };
                    let old = generator::diff::load_rev(&opts.root, rev)?;
                    let new = generator::diff::load_working_tree(&opts.root).map_err(failed)?;
                    (keep(old), keep(new))
                }
                (None, [old, new]) => (
                    generator::diff::load_side(Path::new(old)).map_err(failed)?,
                    generator::diff::load_side(Path::new(new)).map_err(failed)?,
                ),
                _ => return Err(format!("diff needs <old> <new>, or --rev REV\n\n{USAGE}")),
            };
            let mut diffs = generator::diff::diff_sides(&old, &new);
            if opts.rev.is_some() {
                // The working tree's crates say which version the bump starts from.
                for d in &mut diffs {
                    let manifest = opts.root.join("generated").join(&d.provider).join("Cargo.toml");
                    d.version = std::fs::read_to_string(manifest)
                        .ok()
                        .and_then(|m| generator::diff::manifest_version(&m));
                }
            }
            let report = generator::diff::report(&diffs);
            match &opts.out {
                Some(out) => std::fs::write(out, report).map_err(|e| format!("{}: {e}", out.display()))?,
                None => print!("{report}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Some("openapi") => {
            let input = opts.positional.get(1).ok_or_else(|| USAGE.to_string())?;
            let loaded = load(input, opts.strict)?;
            report(&loaded);
            match &opts.out {
                Some(out) => {
                    let json = out.extension().is_some_and(|e| e == "json");
                    let text = if json {
                        generator::openapi::to_json(&loaded.value)
                    } else {
                        generator::openapi::to_yaml(&loaded.value)
                    };
                    std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))?
                }
                None => print!("{}", generator::openapi::to_yaml(&loaded.value)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}
