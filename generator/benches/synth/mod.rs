//! Synthetic docs of any size, made by scaling real shapes: the operation sections (and
//! method-table rows) of real docs are replicated, each copy renamed (`get_user` →
//! `get_user_r3`) and given its own path (`/users` → `/r3/users`), so that every operation
//! is unique while its signature, parameter table, example code, auth, headers and
//! response table stay exactly as a generator wrote them.

/// One real doc cut into its parts.
struct Shape<'a> {
    /// `pkg.Class` from the title line.
    package: &'a str,
    class: &'a str,
    /// Title, base URL, table header and delimiter row.
    preamble: String,
    /// Between the method table and the first operation section.
    between: String,
    /// `(operation name, table row, section)`.
    ops: Vec<(String, String, String)>,
}

fn shape(doc: &str) -> Shape<'_> {
    let title = doc.lines().next().expect("a doc has a title line");
    let (package, class) = title
        .trim_start_matches('#')
        .trim()
        .rsplit_once('.')
        .expect("title `# pkg.Class`");
    let mut preamble = String::new();
    let mut between = String::new();
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut sections: Vec<(String, String)> = Vec::new();
    // 0: preamble, 1: table rows, 2: between, 3: sections.
    let mut state = 0;
    for line in doc.split_inclusive('\n') {
        let t = line.trim_end();
        if state == 0 {
            preamble.push_str(line);
            if t.starts_with("---") && t.contains('|') {
                state = 1;
            }
            continue;
        }
        if state == 1 {
            if let Some(rest) = t.strip_prefix("[**") {
                let name = rest.split("**").next().unwrap_or_default().to_string();
                rows.push((name, line.to_string()));
                continue;
            }
            state = 2;
        }
        if let Some(rest) = t.strip_prefix("# **") {
            state = 3;
            let name = rest.split("**").next().unwrap_or_default().to_string();
            sections.push((name, String::new()));
        }
        match state {
            2 => between.push_str(line),
            _ => sections.last_mut().expect("in a section").1.push_str(line),
        }
    }
    let ops = sections
        .into_iter()
        .map(|(name, section)| {
            let row = rows
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap_or_else(|| panic!("no method-table row for `{name}`"))
                .1
                .clone();
            (name, row, section)
        })
        .collect();
    Shape {
        package,
        class,
        preamble,
        between,
        ops,
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Replaces whole-word occurrences of `from` (not inside a longer identifier).
fn replace_word(text: &str, from: &str, to: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 64);
    let mut last = 0;
    for (i, _) in text.match_indices(from) {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + from.len()).copied();
        if before.is_some_and(is_ident_byte) || after.is_some_and(is_ident_byte) {
            continue;
        }
        out.push_str(&text[last..i]);
        out.push_str(to);
        last = i + from.len();
    }
    out.push_str(&text[last..]);
    out
}

/// A markdown doc of `n` operations in the style of `sources[0]` (its title, base URL and
/// class), cycling through the operation sections of all `sources`; sections from another
/// doc are moved into the first doc's package and class.
pub fn synthesize(sources: &[&str], n: usize) -> String {
    synthesize_range(sources, 0..n)
}

/// The operations `range` of the endless sequence [`synthesize`] draws from: two docs of
/// overlapping ranges document the overlap twice, as generators write an operation with
/// several tags into each tag's doc.
pub fn synthesize_range(sources: &[&str], range: std::ops::Range<usize>) -> String {
    let shapes: Vec<Shape<'_>> = sources.iter().map(|d| shape(d)).collect();
    let base = &shapes[0];
    let all: Vec<(&Shape<'_>, &(String, String, String))> =
        shapes.iter().flat_map(|s| s.ops.iter().map(move |op| (s, op))).collect();
    assert!(!all.is_empty(), "the sources have no operation sections");
    let mut rows = String::new();
    let mut sections = String::new();
    for k in range {
        let (shape, (name, row, section)) = all[k % all.len()];
        let round = k / all.len();
        let (mut row, mut section) = (row.clone(), section.clone());
        if !std::ptr::eq(shape, base) {
            for text in [&mut row, &mut section] {
                *text = replace_word(text, shape.package, base.package);
                *text = replace_word(text, shape.class, base.class);
            }
        }
        if round > 0 {
            let new_name = format!("{name}_r{round}");
            row = replace_word(&row, name, &new_name);
            section = replace_word(&section, name, &new_name);
            // `| **GET** /users |` → `| **GET** /r1/users |`
            let marker = "** /";
            let at = row.find(marker).expect("a row names its HTTP request");
            row.insert_str(at + marker.len(), &format!("r{round}/"));
        }
        rows.push_str(&row);
        sections.push_str(&section);
        if !sections.ends_with("\n\n") {
            sections.push('\n');
        }
    }
    let mut doc = String::with_capacity(base.preamble.len() + rows.len() + sections.len() + 256);
    doc.push_str(&base.preamble);
    doc.push_str(&rows);
    doc.push_str(&base.between);
    doc.push_str(&sections);
    doc
}

/// API families of [`synthesize_groups`], each documented in three versions.
const FAMILIES: &[&str] = &[
    "Apps", "Batch", "Storage", "Networking", "Policy", "Rbac", "Scheduling", "Coordination", "Discovery",
    "Events", "Autoscaling", "Certificates", "Admission", "Flowcontrol", "Node", "Resource", "Internal",
    "Apiextensions", "Apiregistration", "Authentication", "Authorization", "Core",
];
/// The versions of every family: `AppsV1Api`, `AppsV1beta1Api`, `AppsV1alpha1Api`.
const VERSIONS: &[&str] = &["V1", "V1beta1", "V1alpha1"];

/// A docs directory of many API groups, as big SDKs publish them: every family of
/// [`FAMILIES`] in every version of [`VERSIONS`] (66 groups), each group the operation
/// sections of the `api_docs` ([`synthesize_range`]: the same operation names in every
/// group, `list_animals`, `list_animals_r1`, …) under its own paths (`/apps/v1/animals`),
/// with its own copies of the models (`AppsV1Animal`) except those named in `shared`, which
/// every group uses. `models` are the model docs `(name, text)`; `readme` is copied. The
/// first group, `AppsV1Api`, is small (3 operations); the others have 8 to 20; 907 in all.
/// Returns `(path, text)` for every file, the API docs first.
pub fn synthesize_groups(api_docs: &[&str], models: &[(&str, &str)], shared: &[&str], readme: &str) -> Vec<(String, String)> {
    let base_class = shape(api_docs[0]).class.to_string();
    let mut apis = Vec::new();
    let mut model_docs = Vec::new();
    for (f, family) in FAMILIES.iter().enumerate() {
        for (v, version) in VERSIONS.iter().enumerate() {
            let ops = if f == 0 && v == 0 { 3 } else { 8 + (f * 7 + v * 5) % 13 };
            let class = format!("{family}{version}Api");
            let prefix = format!("{}/{}/", family.to_ascii_lowercase(), version.to_ascii_lowercase());
            let mut doc = synthesize_range(api_docs, 0..ops);
            doc = replace_word(&doc, &base_class, &class);
            doc = doc.replace("** /", &format!("** /{prefix}"));
            let own = |text: &str| {
                let mut text = text.to_string();
                for (name, _) in models {
                    if !shared.contains(name) {
                        text = replace_word(&text, name, &format!("{family}{version}{name}"));
                    }
                }
                text
            };
            apis.push((format!("docs/{class}.md"), own(&doc)));
            for (name, text) in models {
                if !shared.contains(name) {
                    model_docs.push((format!("docs/{family}{version}{name}.md"), own(text)));
                }
            }
        }
    }
    for (name, text) in models {
        if shared.contains(name) {
            model_docs.push((format!("docs/{name}.md"), text.to_string()));
        }
    }
    apis.extend(model_docs);
    apis.push(("README.md".into(), readme.to_string()));
    apis
}
