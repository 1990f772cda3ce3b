//! Fidelity ratchet: reads every API doc of `tests/fixtures/corpus` (real SDK docs) and
//! `tests/fixtures/langs` (docs openapi-generator wrote in every client language from our own
//! specs) with the built binary (`generator normalize DOC -o OUT`), scores the result against
//! each directory's `truth.yaml` exactly as `tests/fixtures/langs/tools/score.py` does, and
//! compares with `generator/tests/fidelity.ratchet`.
//!
//! Scoring (score.py's rules): a doc is every `*Api.md` / `*API.md` below `<dir>/docs/` whose
//! method table has rows; an operation is found when a row's name is an output operation's
//! `name`; per truth parameter one fact for the same wire name (`wire_name`, else `name`; header
//! names compared case-insensitively; the request body is location `body` under key `<body>`)
//! at the same location (`location`, else `in`), and one for the same requiredness (a parameter
//! missing from the output gets neither). A doc whose normalize run fails loses all its facts.
//!
//! The test fails when a doc that read stops reading, a per-doc figure (operations found,
//! location + wire name right, requiredness right) drops, or a fact the ratchet records as right
//! goes wrong; it prints what changed and the totals in score.py's format (overall, per fixture
//! set, per language of `langs`). `FIDELITY_BLESS=1` rewrites the ratchet with today's figures;
//! `FIDELITY_VERBOSE=1` adds every miss.

use serde_yaml::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const SETS: [&str; 2] = ["corpus", "langs"];
const THREADS: usize = 2;
const TIMEOUT: Duration = Duration::from_secs(120);
const METHODS: [&str; 7] = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

fn ratchet_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fidelity.ratchet")
}

/// A truth operation: its name and its parameters (wire name, location, required).
type TruthOp = (String, Vec<(String, String, bool)>);

/// One API doc to score.
struct Job {
    set: &'static str,
    dir: String,
    /// Path below `docs/`, `/`-separated.
    key: String,
    doc: PathBuf,
    lang: String,
    /// Method-table row names, in order.
    rows: Vec<String>,
    /// From truth.yaml, in its order.
    truth: Vec<TruthOp>,
}

impl Job {
    fn id(&self) -> String {
        format!("{}/{}/{}", self.set, self.dir, self.key)
    }
}

/// The score of one doc.
#[derive(Default, Clone, PartialEq)]
struct Score {
    read: bool,
    ops_found: usize,
    rows: usize,
    n: usize,
    lw: usize,
    req: usize,
    /// (operation, wire name) → (location + wire right, requiredness right).
    facts: BTreeMap<(String, String), (bool, bool)>,
    /// Why normalize failed: exit status and its first `error` line (else its last line).
    fail: Option<String>,
    /// FIDELITY_VERBOSE lines.
    misses: Vec<String>,
}

// ---------------------------------------------------------------- score.py's ROW regex

fn is_ws(c: char) -> bool {
    c.is_whitespace()
}

/// `^\|?\s*\[[*`]*([A-Za-z0-9_]+)(?:\(\))?[*`]*\]\([^)]*\)\s*\|\s*(?:\*\*|```)?\s*
/// (GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s*(?:\*\*)?\s+([^\s|`]+)` (case-insensitive) at
/// byte offset `p`: the name and the match's end.
fn row_at(text: &str, p: usize) -> Option<(String, usize)> {
    let s = &text[p..];
    // Byte offsets into `s`; `at(i)` is the char at `i`, `nx(i)` the offset after it.
    let at = |i: usize| s.get(i..).and_then(|r| r.chars().next());
    let nx = |i: usize| i + at(i).map_or(1, char::len_utf8);
    let skip = |mut i: usize, f: &dyn Fn(char) -> bool| {
        while at(i).is_some_and(f) {
            i = nx(i);
        }
        i
    };
    let mut i = 0;
    if at(i) == Some('|') {
        i += 1;
    }
    i = skip(i, &is_ws);
    if at(i) != Some('[') {
        return None;
    }
    i = skip(i + 1, &|c| c == '*' || c == '`');
    let start = i;
    i = skip(i, &|c| c.is_ascii_alphanumeric() || c == '_');
    if i == start {
        return None;
    }
    let name = s[start..i].to_string();
    if s[i..].starts_with("()") {
        i += 2;
    }
    i = skip(i, &|c| c == '*' || c == '`');
    if !s[i..].starts_with("](") {
        return None;
    }
    i = skip(i + 2, &|c| c != ')');
    if at(i) != Some(')') {
        return None;
    }
    i = skip(i + 1, &is_ws);
    if at(i) != Some('|') {
        return None;
    }
    i = skip(i + 1, &is_ws);
    if s[i..].starts_with("**") {
        i += 2;
    } else if s[i..].starts_with("```") {
        i += 3;
    }
    i = skip(i, &is_ws);
    let method = METHODS.iter().find(|m| s.get(i..i + m.len()).is_some_and(|w| w.eq_ignore_ascii_case(m)))?;
    i += method.len();
    let path_at = |j: usize| {
        let k = skip(j, &|c| !is_ws(c) && c != '|' && c != '`');
        (k > j).then_some(k)
    };
    let ws1 = skip(i, &is_ws);
    // `\s*` then `**` then `\s+` then the path…
    let mut end = None;
    if s[ws1..].starts_with("**") && at(ws1 + 2).is_some_and(is_ws) {
        end = path_at(skip(ws1 + 2, &is_ws));
    }
    // …or `\s*` giving back one whitespace to `\s+`, no `**`.
    if end.is_none() && ws1 > i {
        end = path_at(ws1);
    }
    Some((name, p + end?))
}

/// score.py's `ROW.findall(text)` names.
fn rows_of(text: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let mut last_end = 0;
    let mut p = 0;
    loop {
        if p >= last_end {
            if let Some((name, end)) = row_at(text, p) {
                rows.push(name);
                last_end = end;
            }
        }
        match text[p..].find('\n') {
            Some(nl) => p += nl + 1,
            None => break,
        }
    }
    rows
}

// ---------------------------------------------------------------- YAML helpers (Python semantics)

fn get<'a>(v: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    let m = v.as_mapping()?;
    keys.iter().find_map(|k| m.get(*k))
}

/// Python's `str()` of a YAML scalar.
fn py_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => if *b { "True" } else { "False" }.into(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Tagged(t)) => py_str(Some(&t.value)),
        Some(other) => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
    }
}

/// Python's truthiness.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Sequence(s)) => !s.is_empty(),
        Some(Value::Mapping(m)) => !m.is_empty(),
        Some(Value::Tagged(t)) => truthy(Some(&t.value)),
    }
}

fn seq(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_sequence).map_or(&[], |s| s.as_slice())
}

// ---------------------------------------------------------------- collecting the docs

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with("Api.md") || n.ends_with("API.md")) {
            out.push(p);
        }
    }
}

fn read_text(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).replace("\r\n", "\n").replace('\r', "\n")
}

fn truth_of(v: &Value) -> Vec<TruthOp> {
    let Some(ops) = v.as_mapping() else { return Vec::new() };
    ops.iter()
        .map(|(name, op)| {
            let params = get(op, &["params"])
                .and_then(Value::as_mapping)
                .map(|m| {
                    m.iter()
                        .map(|(w, t)| (py_str(Some(w)), py_str(get(t, &["location"])), truthy(get(t, &["required"]))))
                        .collect()
                })
                .unwrap_or_default();
            (py_str(Some(name)), params)
        })
        .collect()
}

fn jobs() -> Vec<Job> {
    let mut jobs = Vec::new();
    for set in SETS {
        let base = root().join("tests/fixtures").join(set);
        let mut dirs: Vec<String> = std::fs::read_dir(&base)
            .unwrap_or_else(|e| panic!("{}: {e}", base.display()))
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("docs").is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|d| !d.starts_with('_') && d != "tools")
            .collect();
        dirs.sort();
        for d in dirs {
            let p = base.join(&d);
            let src = std::fs::read_to_string(p.join("SOURCE.txt")).unwrap_or_default();
            let lang = src
                .lines()
                .find_map(|l| l.strip_prefix("# language: "))
                .and_then(|l| l.split_whitespace().next())
                .unwrap_or("?")
                .to_string();
            let truth: Value = match std::fs::read_to_string(p.join("truth.yaml")) {
                Ok(t) => serde_yaml::from_str(&t).unwrap_or_else(|e| panic!("{d}/truth.yaml: {e}")),
                Err(_) => Value::Null,
            };
            let docs_dir = p.join("docs");
            let mut docs = Vec::new();
            walk(&docs_dir, &mut docs);
            for doc in docs {
                let key = doc.strip_prefix(&docs_dir).unwrap().to_string_lossy().replace('\\', "/");
                let rows = rows_of(&read_text(&doc));
                if rows.is_empty() {
                    continue;
                }
                let t = get(&truth, &["docs"]).and_then(|m| m.get(key.as_str())).map(truth_of).unwrap_or_default();
                jobs.push(Job { set, dir: d.clone(), key, doc, lang: lang.clone(), rows, truth: t });
            }
        }
    }
    jobs
}

// ---------------------------------------------------------------- running and scoring one doc

fn run(doc: &Path, out: &Path) -> Result<(), String> {
    let _ = std::fs::remove_file(out);
    let mut child = Command::new(env!("CARGO_BIN_EXE_generator"))
        .arg("normalize")
        // The docs alone: the language fixtures keep their SDK's sources beside the docs
        // (generator/tests/sdk.rs scores those).
        .arg("--no-sdk")
        .arg(doc)
        .arg("-o")
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("rc exec: {e}"))?;
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut e) = stderr {
            let _ = std::io::Read::read_to_string(&mut e, &mut s);
        }
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(st);
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let err = reader.join().unwrap_or_default();
    let first_error = err.lines().find(|l| l.trim_start().starts_with("error"));
    let last = first_error.or_else(|| err.lines().rev().find(|l| !l.trim().is_empty())).unwrap_or("").trim().to_string();
    match status {
        None => Err("rc timeout: timed out after 120 s".into()),
        Some(st) if !st.success() => Err(format!("rc {}: {last}", st.code().map_or("signal".into(), |c| c.to_string()))),
        Some(_) if !out.exists() => Err(format!("rc 0, no output: {last}")),
        Some(_) => Ok(()),
    }
}

fn score(job: &Job, out: &Path) -> Score {
    let mut s = Score { rows: job.rows.len(), ..Score::default() };
    for (op, params) in &job.truth {
        for (wire, _, _) in params {
            s.n += 1;
            s.facts.insert((op.clone(), wire.clone()), (false, false));
        }
    }
    if let Err(e) = run(&job.doc, out) {
        s.misses.push(format!("  {}: FAIL ({e})", job.id()));
        s.fail = Some(e);
        return s;
    }
    let text = std::fs::read_to_string(out).unwrap_or_default();
    let spec: Value = match serde_yaml::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            s.misses.push(format!("  {}: FAIL (output is not YAML: {e})", job.id()));
            s.fail = Some(format!("output is not YAML: {e}"));
            return s;
        }
    };
    s.read = true;
    let mut got: BTreeMap<String, &Value> = BTreeMap::new();
    for o in seq(get(&spec, &["operations"])) {
        if let Some(Value::String(n)) = get(o, &["name"]) {
            got.insert(n.clone(), o);
        }
    }
    for r in &job.rows {
        if got.contains_key(r) {
            s.ops_found += 1;
        } else {
            s.misses.push(format!("  {}: operation {r} not found", job.id()));
        }
    }
    for (op, params) in &job.truth {
        let mut have: BTreeMap<String, &Value> = BTreeMap::new();
        if let Some(g) = got.get(op) {
            for q in seq(get(g, &["params", "parameters"])) {
                let loc = get(q, &["location", "in"]);
                let is = |l: &str| matches!(loc, Some(Value::String(x)) if x == l);
                let k = if is("body") { "<body>".to_string() } else { py_str(get(q, &["wire_name", "name"])) };
                have.insert(if is("header") { k.to_lowercase() } else { k }, q);
            }
        }
        for (wire, loc, required) in params {
            let q = have.get(&if loc == "header" { wire.to_lowercase() } else { wire.clone() });
            let lw = q.is_some_and(|q| matches!(get(q, &["location", "in"]), Some(Value::String(x)) if x == loc));
            let req = q.is_some_and(|q| truthy(get(q, &["required"])) == *required);
            if !lw {
                let gotten = q.map(|q| format!("({}, {})", py_str(get(q, &["location", "in"])), py_str(get(q, &["wire_name", "name"]))));
                s.misses.push(format!("  {} {op}: {wire} want {loc}, got {}", job.id(), gotten.as_deref().unwrap_or("None")));
            }
            if q.is_some() && !req {
                s.misses.push(format!("  {} {op}: {wire} want required={}", job.id(), if *required { "True" } else { "False" }));
            }
            s.lw += lw as usize;
            s.req += req as usize;
            s.facts.insert((op.clone(), wire.clone()), (lw, req));
        }
    }
    s
}

// ---------------------------------------------------------------- totals in score.py's format

#[derive(Default)]
struct Totals {
    docs: usize,
    parsed: usize,
    py_docs: usize,
    py_parsed: usize,
    ops_want: usize,
    ops_got: usize,
    facts: usize,
    ok: usize,
    lw: usize,
    req: usize,
    params_all: usize,
    params_failed: usize,
}

impl Totals {
    fn add(&mut self, job: &Job, s: &Score) {
        let py = job.lang == "python";
        let all_found = s.read && s.ops_found == s.rows;
        self.docs += 1;
        self.py_docs += py as usize;
        self.ops_want += s.rows;
        self.params_all += s.n;
        if !s.read {
            self.params_failed += s.n;
            return;
        }
        self.ops_got += s.ops_found;
        self.parsed += all_found as usize;
        self.py_parsed += (py && all_found) as usize;
        self.facts += 2 * s.n;
        self.ok += s.lw + s.req;
        self.lw += s.lw;
        self.req += s.req;
    }

    fn lines(&self) -> String {
        let pct = |a: usize| 100.0 * a as f64 / self.params_all.max(1) as f64;
        format!(
            "breakdown: spec params {} ({} in docs that failed to parse); location+wire name {}/{} ({:.1}%), required {}/{}\n\
             corpus: parsed {}/{} docs (python {}/{}), ops {}/{}, facts {}/{}\n",
            self.params_all,
            self.params_failed,
            self.lw,
            self.params_all,
            pct(self.lw),
            self.req,
            self.params_all,
            self.parsed,
            self.docs,
            self.py_parsed,
            self.py_docs,
            self.ops_got,
            self.ops_want,
            self.ok,
            self.facts
        )
    }
}

fn doc_line(job: &Job, s: &Score) -> String {
    if !s.read {
        return format!("{}/{}: FAIL ops 0/{}, spec params lost {}", job.set, job.key_path(), s.rows, s.n);
    }
    let mut l = format!("{}/{}: ops {}/{}", job.set, job.key_path(), s.ops_found, s.rows);
    if job.truth.is_empty() {
        l.push_str(", no truth");
    } else {
        let _ = write!(l, ", location+wire {}/{}, required {}/{}", s.lw, s.n, s.req, s.n);
    }
    l
}

impl Job {
    fn key_path(&self) -> String {
        format!("{}/{}", self.dir, self.key)
    }
}

// ---------------------------------------------------------------- the ratchet file

const HEADER: &str = "\
# Fidelity ratchet of generator/tests/fidelity.rs: per API doc of tests/fixtures/{corpus,langs},
# whether it read, operations found, location + wire name right and requiredness right (of the
# truth's parameters), then each (operation, wire name) whose facts are right: `both`, `lw`
# (location + wire name only) or `req` (requiredness only). Tab-separated.
# Rewrite with: FIDELITY_BLESS=1 cargo test -p generator --test fidelity
";

fn ratchet_text(jobs: &[Job], scores: &[Score]) -> String {
    let mut t = String::from(HEADER);
    for (job, s) in jobs.iter().zip(scores) {
        let _ = writeln!(
            t,
            "doc\t{}\t{}\tops={}/{}\tlw={}/{}\treq={}/{}",
            job.id(),
            if s.read { "read" } else { "fail" },
            s.ops_found,
            s.rows,
            s.lw,
            s.n,
            s.req,
            s.n
        );
        for ((op, wire), (lw, req)) in &s.facts {
            let kind = match (lw, req) {
                (true, true) => "both",
                (true, false) => "lw",
                (false, true) => "req",
                (false, false) => continue,
            };
            let _ = writeln!(t, "{kind}\t{op}\t{wire}");
        }
    }
    t
}

#[derive(Default)]
struct Recorded {
    read: bool,
    ops: usize,
    lw: usize,
    req: usize,
    /// (operation, wire name) → (location + wire right, requiredness right).
    right: BTreeMap<(String, String), (bool, bool)>,
}

fn parse_ratchet(text: &str) -> BTreeMap<String, Recorded> {
    let mut out: BTreeMap<String, Recorded> = BTreeMap::new();
    let mut cur: Option<String> = None;
    let num = |f: &str, key: &str| -> usize {
        f.strip_prefix(key).and_then(|r| r.split('/').next()).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("fidelity.ratchet: bad field {f:?}"))
    };
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["doc", id, status, ops, lw, req] => {
                let r = Recorded { read: *status == "read", ops: num(ops, "ops="), lw: num(lw, "lw="), req: num(req, "req="), right: BTreeMap::new() };
                out.insert(id.to_string(), r);
                cur = Some(id.to_string());
            }
            [kind @ ("both" | "lw" | "req"), op, wire] => {
                let id = cur.as_ref().expect("fidelity.ratchet: fact before any doc line");
                let e = (*kind != "req", *kind != "lw");
                out.get_mut(id).unwrap().right.insert((op.to_string(), wire.to_string()), e);
            }
            _ => panic!("fidelity.ratchet: unreadable line {line:?}"),
        }
    }
    out
}

// ---------------------------------------------------------------- the test

#[test]
fn fidelity_ratchet() {
    let jobs = jobs();
    assert!(!jobs.is_empty(), "no API docs found under tests/fixtures/{{corpus,langs}}");
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fidelity");
    std::fs::create_dir_all(&tmp).unwrap();
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Score>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|sc| {
        for _ in 0..THREADS {
            sc.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let out = tmp.join(format!("{}__{}__{}.yaml", job.set, job.dir, job.key.replace('/', "__")));
                *results[i].lock().unwrap() = Some(score(job, &out));
            });
        }
    });
    let scores: Vec<Score> = results.into_iter().map(|m| m.into_inner().unwrap().unwrap()).collect();

    // Per-doc lines and totals, in score.py's format.
    let verbose = std::env::var_os("FIDELITY_VERBOSE").is_some();
    let mut report = String::new();
    let mut all = Totals::default();
    let mut per_set: BTreeMap<&str, Totals> = BTreeMap::new();
    let mut per_lang: BTreeMap<String, Totals> = BTreeMap::new();
    let mut per_version: BTreeMap<String, Totals> = BTreeMap::new();
    for (job, s) in jobs.iter().zip(&scores) {
        let _ = writeln!(report, "{}", doc_line(job, s));
        if verbose {
            for m in &s.misses {
                let _ = writeln!(report, "{m}");
            }
        }
        all.add(job, s);
        per_set.entry(job.set).or_default().add(job, s);
        if job.set == "langs" {
            per_lang.entry(job.lang.clone()).or_default().add(job, s);
            if let Some(v) = job.dir.rsplit("__").next() {
                per_version.entry(v.to_string()).or_default().add(job, s);
            }
        }
    }
    let _ = write!(report, "\n== all fixtures ==\n{}", all.lines());
    for (set, t) in &per_set {
        let _ = write!(report, "== tests/fixtures/{set} ==\n{}", t.lines());
    }
    for (lang, t) in &per_lang {
        let _ = write!(report, "== langs, language {lang} ==\n{}", t.lines());
    }
    for (v, t) in &per_version {
        let _ = write!(report, "== langs, generator {v} ==\n{}", t.lines());
    }
    println!("{report}");

    let new_text = ratchet_text(&jobs, &scores);
    if std::env::var_os("FIDELITY_BLESS").is_some() {
        std::fs::write(ratchet_path(), &new_text).unwrap();
        println!("fidelity: wrote {}", ratchet_path().display());
        return;
    }
    let old_text = std::fs::read_to_string(ratchet_path()).unwrap_or_else(|_| {
        panic!("{} is missing: run FIDELITY_BLESS=1 cargo test -p generator --test fidelity", ratchet_path().display())
    });
    let old = parse_ratchet(&old_text);

    // What changed.
    let mut worse = Vec::new();
    let mut better = Vec::new();
    let mut seen = BTreeSet::new();
    for (job, s) in jobs.iter().zip(&scores) {
        let id = job.id();
        seen.insert(id.clone());
        let Some(r) = old.get(&id) else {
            better.push(format!("{id}: new doc, not in the ratchet"));
            continue;
        };
        if r.read && !s.read {
            worse.push(format!("{id}: read before, now fails to normalize ({})", s.fail.as_deref().unwrap_or("?")));
        } else if !r.read && s.read {
            better.push(format!("{id}: now reads"));
        }
        for (what, was, now) in [("operations found", r.ops, s.ops_found), ("location+wire right", r.lw, s.lw), ("required right", r.req, s.req)] {
            if now < was {
                worse.push(format!("{id}: {what} {was} -> {now}"));
            } else if now > was {
                better.push(format!("{id}: {what} {was} -> {now}"));
            }
        }
        for ((op, wire), (lw, req)) in &r.right {
            let (nlw, nreq) = s.facts.get(&(op.clone(), wire.clone())).copied().unwrap_or((false, false));
            if *lw && !nlw {
                worse.push(format!("{id} {op}: {wire}: location+wire name was right, now wrong"));
            }
            if *req && !nreq {
                worse.push(format!("{id} {op}: {wire}: requiredness was right, now wrong"));
            }
        }
    }
    for id in old.keys().filter(|id| !seen.contains(*id)) {
        worse.push(format!("{id}: in the ratchet but no longer a scored doc (bless if the fixture was removed on purpose)"));
    }
    if !better.is_empty() {
        println!("fidelity: improvements (raise the ratchet with FIDELITY_BLESS=1):");
        for b in &better {
            println!("  {b}");
        }
    }
    if !worse.is_empty() {
        let mut msg = format!("fidelity: {} regression(s) against generator/tests/fidelity.ratchet:\n", worse.len());
        for w in &worse {
            let _ = writeln!(msg, "  {w}");
        }
        msg.push_str("(FIDELITY_VERBOSE=1 lists every miss; FIDELITY_BLESS=1 accepts the new figures)\n");
        panic!("{msg}");
    }
}

#[test]
fn row_regex_matches_score_py() {
    let rows = rows_of(
        "Method | HTTP request | Description\n\
         ------------- | ------------- | -------------\n\
         [**list_orders**](OrdersApi.md#list_orders) | **GET** /orders | List\n\
         | [`getUser()`](UsersApi.md#getUser) | **Get** /users/{id} | x |\n\
         [*post_it*](x.md#y) | ```POST``` /a | \n\
         [*put_it*](x.md#y) | ```PUT /b``` | \n\
         [bad](x.md) | **GET**/nospace | \n\
         [stuck](x.md) | GETX /x | \n\
         [Star](x.md) | GET **/x | \n\
         [Odd](x.md) | GET ** /y | \n",
    );
    assert_eq!(rows, ["list_orders", "getUser", "put_it", "Star", "Odd"]);
}
