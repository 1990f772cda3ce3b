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
