//! `generator`: regenerate, check, normalize, generate, diff, openapi.

use clap::{Args, Parser, Subcommand};
use generator::diag::{Diagnostic, Failed, Severity};
use generator::files;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reads openapi-generator / swagger-codegen API docs and renders typed Rust client crates.
///
/// Without a command, regenerates everything derived in the repository (`regenerate`).
#[derive(Parser, Debug)]
#[command(name = "generator", version)]
struct Cli {
    #[command(flatten)]
    global: GlobalOpts,
    #[command(subcommand)]
    command: Option<Command>,
}

/// Options of every command, given before or after the command's name.
///
/// The place for options that change how any run reports (a `--strict` that makes
/// warnings errors belongs here, read through [`Run::warnings`]).
#[derive(Args, Debug, Clone)]
struct GlobalOpts {
    /// The repository: the directory holding `specs/` and `generated/` [default: the current
    /// directory, or its nearest ancestor holding `specs/`]
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Warnings are errors: stop on any doubt about the docs (also `strict: true` in a
    /// provider.yaml)
    #[arg(long, global = true)]
    strict: bool,
    /// Read the SDK's sources from DIR (the directory holding the SDK's docs directory)
    /// [default: the SDK the docs sit in, if any; `sdk:` in provider.yaml]
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "no_sdk")]
    sdk: Option<PathBuf>,
    /// Read the docs alone, not the SDK's sources beside them (also `sdk: false` in provider.yaml)
    #[arg(long, global = true)]
    no_sdk: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Regenerate specs/*/api.yaml and generated/* (changed files only) [the default]
    Regenerate,
    /// Fail if anything checked in is stale; with --rev, also if a crate's version is not
    /// bumped enough for its API changes since that revision
    Check {
        /// A git revision (the last release): the API changes since then must fit each
        /// crate's `version:` in provider.yaml
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
    },
    /// Print (or write) the normalized YAML spec
    Normalize {
        /// A doc (.md or .txt), a docs or spec directory, or an api.yaml
        input: PathBuf,
        /// Write here instead of printing
        #[arg(short, long, value_name = "OUT.yaml")]
        out: Option<PathBuf>,
    },
    /// Markdown checklist of every weak or guessed fact, with its evidence and the
    /// provider.yaml lines that settle it
    Doubts {
        /// A doc (.md or .txt), a docs or spec directory, or an api.yaml
        input: PathBuf,
        /// Write here instead of printing
        #[arg(short, long, value_name = "REPORT.md")]
        out: Option<PathBuf>,
    },
    /// Render one client crate anywhere (a provider.yaml in or beside the input names it
    /// and sets its version and overrides)
    Generate {
        /// A doc (.md or .txt), a docs or spec directory, or an api.yaml
        input: PathBuf,
        /// The crate's directory: new, empty, or a crate this tool generated
        #[arg(short, long, value_name = "DIR")]
        out: PathBuf,
        /// The crate's package name [default: provider.yaml's crate_name, else <provider>-client]
        #[arg(long, value_name = "CRATE", value_parser = package_name)]
        name: Option<String>,
        /// Write into --out even if it holds files this tool did not generate
        #[arg(long)]
        force: bool,
    },
    /// Markdown report of API changes and the semver bump they imply
    ///
    /// Each side is a doc, a docs or spec directory, an api.yaml or a specs/ directory; with
    /// --rev, the specs at that git revision are compared with the working tree's.
    Diff {
        /// <OLD> <NEW>, or with --rev the providers to compare (default: all)
        #[arg(value_name = "OLD NEW | PROVIDER")]
        args: Vec<String>,
        /// Compare the specs at this git revision with the working tree's
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
        /// Write the report here instead of printing it
        #[arg(short, long, value_name = "REPORT.md")]
        out: Option<PathBuf>,
    },
    /// Export an OpenAPI 3.1 document
    Openapi {
        /// A doc (.md or .txt), a docs or spec directory, or an api.yaml
        input: PathBuf,
        /// Write here instead of printing (JSON when it ends in .json)
        #[arg(short, long, value_name = "openapi.yaml|openapi.json")]
        out: Option<PathBuf>,
    },
}

/// `--name`: a Cargo package name.
fn package_name(name: &str) -> Result<String, String> {
    generator::provider::check_package_name(name).map(|()| name.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let run = Run { global: cli.global };
    match run.command(cli.command.unwrap_or(Command::Regenerate)) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::FAILURE
        }
    }
}

/// One invocation: its global options.
struct Run {
    global: GlobalOpts,
}

fn failed(f: Failed) -> String {
    format!("{f}\n{} error(s)", f.0.len())
}

fn write_text(out: &Path, text: &str) -> Result<(), String> {
    std::fs::write(out, text).map_err(|e| format!("{}: {e}", out.display()))
}

impl Run {
    /// Where the SDK's sources come from: `--sdk DIR`, `--no-sdk`, else found.
    fn sdk(&self) -> Result<generator::SdkChoice, String> {
        match (&self.global.sdk, self.global.no_sdk) {
            (_, true) => Ok(generator::SdkChoice::Off),
            (Some(dir), false) if !dir.is_dir() => Err(format!("error: --sdk {}: not a directory; nothing read", dir.display())),
            (Some(dir), false) => Ok(generator::SdkChoice::Dir(dir.clone())),
            (None, false) => Ok(generator::SdkChoice::Auto),
        }
    }

    /// The repository root: `--root`, else the current directory or its nearest ancestor
    /// holding `specs/`.
    fn root(&self) -> Result<PathBuf, String> {
        if let Some(root) = &self.global.root {
            return Ok(root.clone());
        }
        let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
        cwd.ancestors().find(|d| d.join("specs").is_dir()).map(Path::to_path_buf).ok_or_else(|| {
            format!(
                "no specs/ directory in {} or any directory above it: run this in a repository of specs, or pass --root DIR",
                cwd.display()
            )
        })
    }

    /// A root that holds `specs/` (regenerate, check, diff --rev).
    fn repo_root(&self) -> Result<PathBuf, String> {
        let root = self.root()?;
        if !root.join("specs").is_dir() {
            return Err(format!("{}: no specs/ directory (expected specs/<provider>/provider.yaml)", root.display()));
        }
        Ok(root)
    }

    /// Prints warnings.
    fn warnings(&self, warnings: &[Diagnostic]) -> Result<(), String> {
        for d in warnings {
            eprintln!("{d}");
        }
        Ok(())
    }

    /// What reading the docs gave: its warnings (errors under `--strict`), then one
    /// summary line per doc set (operations read, skipped, repaired, warnings).
    fn loaded<T>(&self, loaded: generator::Loaded<T>) -> Result<generator::Loaded<T>, String> {
        let summaries: Vec<String> = loaded.summaries.iter().map(|s| s.to_string()).collect();
        let result = if self.global.strict {
            loaded.strict().map_err(failed)
        } else {
            self.warnings(&loaded.warnings)?;
            Ok(loaded)
        };
        for s in summaries {
            eprintln!("{s}");
        }
        result
    }

    fn command(&self, command: Command) -> Result<ExitCode, String> {
        match command {
            Command::Regenerate => self.regenerate(),
            Command::Check { rev } => self.check(rev.as_deref()),
            Command::Normalize { input, out } => {
                let loaded = self.loaded(generator::load_input_with(&input, &self.sdk()?).map_err(failed)?)?;
                let text = generator::yaml::to_yaml(&loaded.value);
                match &out {
                    Some(out) => write_text(out, &text)?,
                    None => emit(&text),
                }
                Ok(ExitCode::SUCCESS)
            }
            Command::Doubts { input, out } => {
                let loaded = self.loaded(generator::load_input_with(&input, &self.sdk()?).map_err(failed)?)?;
                let text = generator::infer::doubts_report(&loaded.value);
                match &out {
                    Some(out) => write_text(out, &text)?,
                    None => emit(&format!("{text}\n")),
                }
                Ok(ExitCode::SUCCESS)
            }
            Command::Generate { input, out, name, force } => self.generate(&input, &out, name, force),
            Command::Diff { args, rev, out } => self.diff(&args, rev.as_deref(), out.as_deref()),
            Command::Openapi { input, out } => {
                let loaded = self.loaded(generator::load_input_with(&input, &self.sdk()?).map_err(failed)?)?;
                match &out {
                    Some(out) if out.extension().is_some_and(|e| e == "json") => {
                        write_text(out, &generator::openapi::to_json(&loaded.value))?
                    }
                    Some(out) => write_text(out, &generator::openapi::to_yaml(&loaded.value))?,
                    None => emit(&generator::openapi::to_yaml(&loaded.value)),
                }
                Ok(ExitCode::SUCCESS)
            }
        }
    }

    fn regenerate(&self) -> Result<ExitCode, String> {
        let root = self.repo_root()?;
        let plan = self.loaded(generator::plan_all(&root).map_err(failed)?)?;
        // Compared before writing: the checked-in api.yaml files are the old side.
        let api_changes = generator::diff::plan_changes(&root, &plan.value);
        let changed = files::write(&root, &plan.value).map_err(|e| format!("writing failed: {e}"))?;
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

    fn check(&self, rev: Option<&str>) -> Result<ExitCode, String> {
        let root = self.repo_root()?;
        let plan = generator::plan_all(&root).map_err(failed)?;
        let stale = files::stale(&root, &plan.value).map_err(|e| format!("reading failed: {e}"))?;
        let mut ok = true;
        if stale.is_empty() {
            println!("ok: {} generated files are up to date", plan.value.files.len());
        } else {
            for s in &stale {
                println!("{s}");
            }
            print!("{}", generator::diff::summary(&generator::diff::plan_changes(&root, &plan.value)));
            println!("{} file(s) stale: run `cargo run -p generator`", stale.len());
            ok = false;
        }
        if let Some(rev) = rev {
            let diffs = generator::diff::diff_rev(&root, rev)?;
            let problems: Vec<String> = diffs.iter().filter_map(|d| d.version_problem()).collect();
            if problems.is_empty() {
                let changed = diffs.iter().filter(|d| !d.is_empty()).count();
                println!("ok: every crate's version fits its API changes since {rev} ({changed} crate(s) changed)");
            } else {
                for p in &problems {
                    print!("error: since {rev}, {p}");
                }
                println!("{} crate(s) need a larger version bump: set `version:` in specs/<provider>/provider.yaml", problems.len());
                ok = false;
            }
        }
        Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
    }

    fn generate(&self, input: &Path, out: &Path, name: Option<String>, force: bool) -> Result<ExitCode, String> {
        // Before reading anything: a directory that is not ours is never written to.
        check_out_dir(out, force)?;
        let loaded = self.loaded(generator::read_input_with(input, &self.sdk()?).map_err(failed)?)?;
        let input_read = loaded.value;
        let mut opts = input_read.crate_options(format!("generator generate {}", input.display()));
        if let Some(name) = name {
            opts.crate_name = name;
        }
        let rendered = generator::render::render_crate(&input_read.api, &opts);
        self.warnings(&rendered.warnings)?;
        // A crate with a file that could not be rendered would not compile.
        if rendered.warnings.iter().any(|d| d.severity == Severity::Error) {
            return Err("nothing written: the crate could not be rendered (see the errors above)".into());
        }
        let output = files::Output {
            files: rendered.value,
            owned_dirs: Vec::new(),
        };
        let changed = files::write(out, &output).map_err(|e| format!("writing failed: {e}"))?;
        println!(
            "wrote {} file(s) to {}: {} {}",
            changed.len(),
            out.display(),
            opts.crate_name,
            opts.version
        );
        Ok(ExitCode::SUCCESS)
    }

    fn diff(&self, args: &[String], rev: Option<&str>, out: Option<&Path>) -> Result<ExitCode, String> {
        let diffs = match (rev, args) {
            (Some(rev), providers) => {
                let mut diffs = generator::diff::diff_rev(&self.repo_root()?, rev)?;
                diffs.retain(|d| providers.is_empty() || providers.contains(&d.provider));
                diffs
            }
            (None, [old, new]) => generator::diff::diff_sides(
                &generator::diff::load_side(Path::new(old)).map_err(failed)?,
                &generator::diff::load_side(Path::new(new)).map_err(failed)?,
            ),
            (None, _) => {
                return Err(format!(
                    "error: diff needs <OLD> <NEW>, or --rev REV [PROVIDER...] (got {} argument(s))\n\nFor more information, try '--help'.",
                    args.len()
                ))
            }
        };
        let report = generator::diff::report(&diffs);
        match out {
            Some(out) => write_text(out, &report)?,
            None => emit(&report),
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// `generate --out`: a missing or empty directory, or one holding a crate this tool
/// generated (its `Cargo.toml` starts with the generated header); anything else only with
/// `--force`.
fn check_out_dir(out: &Path, force: bool) -> Result<(), String> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(format!("error: --out {}: exists and is not a directory; nothing written", out.display()));
    }
    let empty = std::fs::read_dir(out)
        .map_err(|e| format!("error: --out {}: {e}", out.display()))?
        .next()
        .is_none();
    let ours = std::fs::read_to_string(out.join("Cargo.toml")).is_ok_and(|m| generator::render::is_generated_manifest(&m));
    if empty || ours || force {
        return Ok(());
    }
    Err(format!(
        "error: --out {}: the directory is not empty and is not a crate this tool generated \
         (no `# Generated by` header in its Cargo.toml); nothing written. Pass --force to write into it anyway.",
        out.display()
    ))
}

/// Prints a command's document to stdout; a reader that stops early (`| head`) ends the
/// output quietly instead of a panic.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
