//! Names: how the API writes them (its naming convention, from independent clues), the
//! doc's escapes undone (the language-neutral name), and wire names.

use crate::doc::DocApi;
pub use crate::ident::snake_identifier;
use crate::ir::{Evidence, Location, TypeRef};
use heck::{ToLowerCamelCase, ToTrainCase};
use std::collections::BTreeMap;


/// How a name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `userId`
    Camel,
    /// `user_id`
    Snake,
    /// `USER_ID`
    Screaming,
    /// `user-id`
    Kebab,
    /// one lower-case word: says nothing
    Word,
    Other,
}

pub fn classify(s: &str) -> Case {
    // A leading `_` is part of the name (`_limit`, `_embedded`), not a word break.
    let s = match s.trim_start_matches('_') {
        "" => s,
        rest => rest,
    };
    let has_upper = s.chars().any(|c| c.is_ascii_uppercase());
    let has_lower = s.chars().any(|c| c.is_ascii_lowercase());
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Case::Other;
    }
    if s.contains('-') {
        return if has_upper { Case::Other } else { Case::Kebab };
    }
    if s.contains('_') {
        return match (has_upper, has_lower) {
            (false, true) => Case::Snake,
            (true, false) => Case::Screaming,
            _ => Case::Other,
        };
    }
    match (has_upper, has_lower) {
        (false, true) => Case::Word,
        (true, true) if s.starts_with(|c: char| c.is_ascii_lowercase()) => Case::Camel,
        _ => Case::Other,
    }
}

/// How sure an inferred fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// The doc states it, or spells it elsewhere (a description, a placeholder).
    Strong,
    /// Several independent clues agree.
    Weak,
    /// No evidence either way: the doc's own statement is kept.
    Guess,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Strong => "strong",
            Confidence::Weak => "weak",
            Confidence::Guess => "guess",
        }
    }

    /// Evidence text carrying its confidence: `weak: the API writes …`.
    pub fn tag(self, evidence: &str) -> String {
        format!("{}: {evidence}", self.as_str())
    }

    /// The confidence an evidence text was tagged with.
    pub fn of(evidence: &str) -> Option<Confidence> {
        [Confidence::Strong, Confidence::Weak, Confidence::Guess]
            .into_iter()
            .find(|c| evidence.starts_with(&format!("{}: ", c.as_str())))
    }
}

/// The API's naming convention for query and form names, with evidence, and the
/// spellings the doc shows anywhere (placeholders, prose), which beat any convention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Convention {
    pub case: Option<Case>,
    pub evidence: String,
    pub confidence: Confidence,
    /// Path placeholders by folded name: `userid` → `userId`.
    pub placeholders: BTreeMap<String, String>,
    /// JSON example keys by folded name.
    pub json_keys: BTreeMap<String, String>,
    /// Placeholders only the README's endpoint list shows (other groups' paths), by folded
    /// name.
    pub readme_placeholders: BTreeMap<String, String>,
    /// Literal path segments of several words (`user_metadata`), by folded name: the API's
    /// own spelling of those words.
    pub segments: BTreeMap<String, String>,
    /// The client language of the docs ([`crate::doc::detect_language`]).
    pub language: &'static str,
    /// Query, form and cookie names the docs spell in prose other than the doc writes them
    /// (`dryRun` for `dry_run`): each a fact about its parameter and a vote for how the API
    /// writes such names, weighed nearest first (the operation, its doc, the directory).
    /// The votes tallied per operation (doc, operation), per doc, and for the directory.
    pub votes_by_op: BTreeMap<(String, String), Tally>,
    pub votes_by_doc: BTreeMap<String, Tally>,
    pub votes_all: Tally,
    /// How the docs' JSON examples alone write keys, where they agree (three keys or more,
    /// none of the other case): the nearest evidence for the keys of models.
    pub json_case: Option<(Case, String)>,
    /// The spelling of each parameter the convention's pass looked up in its operation's
    /// text ((doc, operation, parameter) → spelling), for the wire-name pass to reuse.
    pub text_spellings: std::collections::HashMap<(String, String, String), Option<String>>,
    /// Query and form names the prose of another operation spells another way (`client_secret`
    /// in an operation's description, the form field `clientSecret` of another), by (doc,
    /// folded name): nearest in the same doc, else anywhere in the directory. The same words
    /// of the same API, though perhaps not the same parameter: weak facts, and votes.
    pub doc_spellings: BTreeMap<(String, String), (String, bool)>,
    /// Docs of the set whose own clues decide another convention than the directory's:
    /// doc → (case, confidence, evidence). Nearer evidence for that doc's names.
    pub per_doc: BTreeMap<String, (Case, Confidence, String)>,
    /// Names that travel in the query of operations without a form body (folded name →
    /// those operations): in a form operation, where the docs list query parameters and
    /// form fields alike, such a name is a query parameter too (the doc set's habit).
    pub query_names: BTreeMap<String, Vec<String>>,
}

/// Spellings by case, each keyed by its folded name (`dryrun` → `dryRun`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub camel: BTreeMap<String, String>,
    pub snake: BTreeMap<String, String>,
}

impl Tally {
    fn add(&mut self, spelling: &str, case: Case) {
        let list = if case == Case::Camel { &mut self.camel } else { &mut self.snake };
        list.entry(fold(spelling)).or_insert_with(|| spelling.to_string());
    }
}

impl Default for Convention {
    fn default() -> Self {
        Convention {
            language: "python",
            case: None,
            evidence: "no convention evidence: the doc's names are kept".into(),
            confidence: Confidence::Guess,
            placeholders: BTreeMap::new(),
            json_keys: BTreeMap::new(),
            readme_placeholders: BTreeMap::new(),
            segments: BTreeMap::new(),
            text_spellings: std::collections::HashMap::new(),
            doc_spellings: BTreeMap::new(),
            votes_by_op: BTreeMap::new(),
            votes_by_doc: BTreeMap::new(),
            votes_all: Tally::default(),
            query_names: BTreeMap::new(),
            per_doc: BTreeMap::new(),
            json_case: None,
        }
    }
}

pub(crate) fn json_keys<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                out.push(k);
                json_keys(v, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| json_keys(v, out)),
        _ => {}
    }
}

/// A path's shape: placeholders' names and a trailing `/` aside (`/pets/{}`).
pub(crate) fn path_shape(p: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in p.trim_end_matches('/').chars() {
        match c {
            '{' => {
                inside = true;
                out.push_str("{}");
            }
            '}' => inside = false,
            _ if inside => {}
            c => out.push(c),
        }
    }
    out
}

/// The same path, placeholders' names and a trailing `/` aside.
pub fn same_path(a: &str, b: &str) -> bool {
    path_shape(a) == path_shape(b)
}

pub use crate::ir::placeholders;

/// Placeholders are `{name}`: not nested, not empty, every `{` closed and every `}` opened.
pub(crate) fn check_braces(path: &str) -> Result<(), &'static str> {
    let mut open = false;
    let mut empty = false;
    for c in path.chars() {
        match c {
            '{' if open => return Err("has a `{` inside a placeholder"),
            '{' => (open, empty) = (true, true),
            '}' if !open => return Err("has a `}` that closes no placeholder"),
            '}' if empty => return Err("has an empty placeholder `{}`"),
            '}' => open = false,
            _ => empty = false,
        }
    }
    if open {
        return Err("has a `{` that is never closed");
    }
    Ok(())
}

/// Literal path segments' words: `/recipes/findByIngredients` → `findByIngredients`.
pub(crate) fn literal_segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter(|seg| !seg.contains('{') && !seg.is_empty())
        .flat_map(|seg| seg.split(['.', ':', ';']))
}

/// The API's convention, from independent clues: distinct path placeholders, literal path
/// segments and JSON example keys. A convention is decided only on a clear, consistent
/// majority: at least three distinct clues, from two kinds of source unless nothing
/// disagrees, outnumbering the other case three to one; or five clues of any kinds
/// outnumbering it five to one; or two clues of two kinds outnumbering it two to one; or two
/// clues and nothing against. One clue never decides.
/// Otherwise the doc's names are kept.
pub fn convention(doc: &DocApi) -> Convention {
    let mut conv = Convention {
        language: if doc.language.is_empty() { "python" } else { doc.language },
        ..Convention::default()
    };
    // (clue, kind) per case.
    let mut camel: Vec<(String, &'static str)> = Vec::new();
    let mut snake: Vec<(String, &'static str)> = Vec::new();
    let note = |text: &str, tag: String, kind: &'static str, camel: &mut Vec<(String, &'static str)>, snake: &mut Vec<(String, &'static str)>| {
        let list = match classify(text) {
            Case::Camel => camel,
            Case::Snake => snake,
            _ => return,
        };
        if !list.iter().any(|(t, _)| *t == tag) {
            list.push((tag, kind));
        }
    };
    // The same clues per doc of the set: a doc's own convention is nearer evidence for its
    // names than the directory's (API groups of one directory may differ).
    type Clues = (Vec<(String, &'static str)>, Vec<(String, &'static str)>);
    let mut per_doc: BTreeMap<&str, Clues> = BTreeMap::new();
    for op in &doc.ops {
        let mine = per_doc.entry(op.file.as_str()).or_default();
        for ph in placeholders(&op.path) {
            conv.placeholders.entry(fold(ph)).or_insert_with(|| ph.to_string());
            note(ph, format!("placeholder {{{ph}}}"), "placeholder", &mut camel, &mut snake);
            note(ph, format!("placeholder {{{ph}}}"), "placeholder", &mut mine.0, &mut mine.1);
        }
        for seg in literal_segments(&op.path) {
            note(seg, format!("path segment `{seg}`"), "path segment", &mut camel, &mut snake);
            note(seg, format!("path segment `{seg}`"), "path segment", &mut mine.0, &mut mine.1);
            if matches!(classify(seg), Case::Camel | Case::Snake) {
                conv.segments.entry(fold(seg)).or_insert_with(|| seg.to_string());
            }
        }
    }
    // The README's endpoint list: every group's paths, the docs' own among them. How they
    // spell a parameter's very words is a clue for that parameter; they cast no vote for
    // the convention (paths are another location than query and form names, and pooling
    // every group's paths drowns the docs' own evidence).
    for path in &doc.directory_paths {
        for ph in placeholders(path) {
            if !conv.placeholders.contains_key(&fold(ph)) {
                conv.readme_placeholders.entry(fold(ph)).or_insert_with(|| ph.to_string());
            }
        }
        for seg in literal_segments(path) {
            if matches!(classify(seg), Case::Camel | Case::Snake) {
                conv.segments.entry(fold(seg)).or_insert_with(|| seg.to_string());
            }
        }
    }
    // JSON example keys after every path's clues (the evidence lists them in that order);
    // alone, they are the nearest evidence for models' keys.
    let mut json: Clues = (Vec::new(), Vec::new());
    for op in &doc.ops {
        let mine = per_doc.entry(op.file.as_str()).or_default();
        let mut keys = Vec::new();
        for v in op.examples.values() {
            json_keys(v, &mut keys);
        }
        for k in keys {
            conv.json_keys.entry(fold(k)).or_insert_with(|| k.to_string());
            note(k, format!("JSON key `{k}`"), "JSON key", &mut camel, &mut snake);
            note(k, format!("JSON key `{k}`"), "JSON key", &mut mine.0, &mut mine.1);
            note(k, format!("`{k}`"), "JSON key", &mut json.0, &mut json.1);
        }
    }
    // Names spelled in prose: votes for how query, form and cookie names are written.
    // The prose of each doc, and the names their own operation's text does not spell:
    // (doc, name), looked up in the rest of the doc's prose, then the directory's.
    let mut doc_text: BTreeMap<&str, String> = BTreeMap::new();
    let mut unspelled: Vec<(&str, String)> = Vec::new();
    for op in &doc.ops {
        let mut text = format!("{}\n{}\n", op.summary, op.description);
        // The parameters' descriptions are the API's own prose; an operation's description
        // may hold what the doc's template wrote (a signature in the doc's spelling).
        let mut described = String::new();
        for p in &op.params {
            described.push_str(&p.description);
            described.push('\n');
        }
        text.push_str(&described);
        doc_text.entry(op.file.as_str()).or_default().push_str(&text);
        let phs = placeholders(&op.path);
        for p in &op.params {
            let bare = unescape(&p.name, conv.language);
            let named_elsewhere = phs.iter().any(|ph| fold(ph) == fold(&bare)) || is_header_name(&bare);
            let travels_apart = matches!(&p.stated_location, Some((l, _)) if !matches!(l, Location::Query | Location::Form | Location::Cookie));
            if named_elsewhere || travels_apart || p.model_link || p.ty.is_structured() {
                continue;
            }
            let formless = !op.content_type.as_deref().is_some_and(|c| c.contains("multipart/form-data") || c.contains("x-www-form-urlencoded"));
            let stated_query = matches!(&p.stated_location, Some((Location::Query, _)));
            if (formless && p.stated_location.is_none() && p.ty != TypeRef::Binary && bare != "body") || stated_query {
                let ops = conv.query_names.entry(fold(&bare)).or_default();
                if !ops.contains(&op.name) {
                    ops.push(op.name.clone());
                }
            }
            let spelled = match p.stated_wire_name.as_deref().filter(|w| *w != bare.as_ref()) {
                Some(w) => Some(w),
                None => {
                    let in_text = spelled_in(&text, &bare, false);
                    conv.text_spellings.insert((op.file.clone(), op.name.clone(), p.name.clone()), in_text.map(str::to_string));
                    in_text.or_else(|| spelled_as_is(&described, &bare))
                }
            };
            if let Some(w) = spelled {
                let case = classify(w);
                if matches!(case, Case::Camel | Case::Snake) {
                    conv.votes_by_op.entry((op.file.clone(), op.name.clone())).or_default().add(w, case);
                    conv.votes_by_doc.entry(op.file.clone()).or_default().add(w, case);
                    conv.votes_all.add(w, case);
                }
            } else if matches!(classify(&bare), Case::Camel | Case::Snake) {
                unspelled.push((op.file.as_str(), bare.into_owned()));
            }
        }
    }
    // Each doc's prose indexed once, for the names still unspelled only: folded name →
    // (spelling, count); the directory's index is the docs' indexes summed.
    if !unspelled.is_empty() {
        type Spellings = std::collections::HashMap<String, Vec<(String, usize)>>;
        let wanted: std::collections::HashSet<String> = unspelled.iter().map(|(_, b)| fold(b)).collect();
        let add = |into: &mut Spellings, word: &str, n: usize| {
            let list = into.entry(fold(word)).or_default();
            match list.iter_mut().find(|(w, _)| w == word) {
                Some((_, c)) => *c += n,
                None => list.push((word.to_string(), n)),
            }
        };
        let mut per_doc: BTreeMap<&str, Spellings> = BTreeMap::new();
        for (file, text) in &doc_text {
            let ix = per_doc.entry(file).or_default();
            // Only words of several words can spell a multi-word name another way.
            for t in name_tokens(text).filter(|t| t.contains('_') || t.bytes().any(|b| b.is_ascii_uppercase())) {
                if fits(t, false) && wanted.contains(&fold(t)) {
                    add(ix, t, 1);
                }
            }
        }
        let mut all = Spellings::new();
        if per_doc.len() > 1 {
            for ix in per_doc.values() {
                for list in ix.values() {
                    for (w, n) in list {
                        add(&mut all, w, *n);
                    }
                }
            }
        }
        // The most frequent spelling other than the doc's own (ties: first seen).
        let best = |ix: &Spellings, f: &str, bare: &str| -> Option<String> {
            let list = ix.get(f)?;
            let mut others: Vec<&(String, usize)> = list.iter().filter(|(w, _)| w != bare).collect();
            others.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
            others.first().map(|(w, _)| w.clone())
        };
        for (file, bare) in unspelled {
            let f = fold(&bare);
            let found = per_doc
                .get(file)
                .and_then(|ix| best(ix, &f, &bare))
                .map(|w| (w, true))
                .or_else(|| best(&all, &f, &bare).map(|w| (w, false)));
            if let Some((w, same_doc)) = found {
                let case = classify(&w);
                if same_doc {
                    conv.votes_by_doc.entry(file.to_string()).or_default().add(&w, case);
                }
                conv.votes_all.add(&w, case);
                conv.doc_spellings.insert((file.to_string(), f), (w, same_doc));
            }
        }
    }
    let list = |v: &[(String, &str)]| {
        let mut s = v.iter().take(3).map(|(t, _)| t.clone()).collect::<Vec<_>>().join(", ");
        if v.len() > 3 {
            s.push_str(&format!(" and {} more", v.len() - 3));
        }
        s
    };
    let kinds = |v: &[(String, &'static str)]| {
        let mut k: Vec<&str> = v.iter().map(|(_, k)| *k).collect();
        k.sort();
        k.dedup();
        k.len()
    };
    let decide = |mine: &[(String, &'static str)], theirs: &[(String, &'static str)]| {
        (mine.len() >= 3 && (kinds(mine) >= 2 || theirs.is_empty()) && mine.len() >= 3 * theirs.len())
            // One dissenting clue does not veto an overwhelming majority of one kind.
            || (mine.len() >= 5 && mine.len() >= 5 * theirs.len())
            || (mine.len() >= 2 && kinds(mine) >= 2 && mine.len() >= 2 * theirs.len())
            || (mine.len() >= 2 && theirs.is_empty())
    };
    let strength = |mine: &[(String, &'static str)]| {
        if mine.len() >= 5 && kinds(mine) >= 2 {
            Confidence::Strong
        } else {
            Confidence::Weak
        }
    };
    // A doc's own convention, where it decides one that differs from the directory's.
    let directory = if decide(&camel, &snake) {
        Some(Case::Camel)
    } else if decide(&snake, &camel) {
        Some(Case::Snake)
    } else {
        None
    };
    if per_doc.len() > 1 {
        for (file, (c, sn)) in &per_doc {
            let (case, mine) = if decide(c, sn) {
                (Case::Camel, c)
            } else if decide(sn, c) {
                (Case::Snake, sn)
            } else {
                continue;
            };
            if Some(case) != directory {
                let how = if case == Case::Camel { "camelCase" } else { "snake_case" };
                let evidence = format!("its doc writes names in {how}: {}", list(mine));
                conv.per_doc.insert(file.to_string(), (case, strength(mine), evidence));
            }
        }
    }
    // JSON keys alone, three or more of one case and none of the other: how the API writes
    // its models' keys, whatever its paths say.
    for (case, mine, theirs) in [(Case::Camel, &json.0, &json.1), (Case::Snake, &json.1, &json.0)] {
        if mine.len() >= 3 && theirs.is_empty() {
            let how = if case == Case::Camel { "camelCase" } else { "snake_case" };
            conv.json_case = Some((case, format!("the docs' JSON examples write keys in {how}: {}", list(mine))));
        }
    }
    if decide(&camel, &snake) {
        conv.case = Some(Case::Camel);
        conv.confidence = strength(&camel);
        conv.evidence = format!("the API writes names in camelCase: {}", list(&camel));
    } else if decide(&snake, &camel) {
        conv.case = Some(Case::Snake);
        conv.confidence = strength(&snake);
        conv.evidence = format!("the API writes names in snake_case: {}", list(&snake));
    } else if camel.is_empty() && snake.is_empty() {
        conv.evidence = "no placeholder, path segment or JSON example shows the API's naming convention; the doc's names are kept".into();
    } else {
        conv.evidence = format!(
            "no clear naming convention (camelCase: {}; snake_case: {}); the doc's names are kept",
            if camel.is_empty() { "none".to_string() } else { list(&camel) },
            if snake.is_empty() { "none".to_string() } else { list(&snake) }
        );
    }
    conv
}

/// Words of prose that could be a name: `dryRun`, `X-Registry-ArtifactId`, `page_size`.
pub(crate) fn name_tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .map(|t| t.trim_matches(|c| c == '.' || c == '-' || c == '_'))
        .filter(|t| t.len() > 1 && !t.contains('.'))
}

/// A spelling of `bare` in `text` with characters a doc's identifiers cannot hold
/// (`page[size]`, `jcr:primaryType`, `x@TypeHint`, `created_at.gte`, `_charset_`): the
/// same letters and digits, written with `:`, `[`, `]`, `@`, an inner `.`, or `_` around.
/// A sigil (`@id`, `$ref`) counts only where `language` is given (the parameter's own
/// description: an operation's prose names operators and fields too, `$text`), and unless
/// the doc's language writes it before its own variables (PHP's and Perl's `$name`, C#'s
/// `@class`).
pub(crate) fn spelled_with_symbols<'t>(text: &'t str, bare: &str, language: Option<&str>) -> Option<&'t str> {
    let f = fold(bare);
    let refused: &[char] = match language {
        Some("php" | "perl") => &['$'],
        Some("csharp") => &['@'],
        Some(_) => &[],
        None => &['@', '$'],
    };
    // A sigil starts the name or follows a `.` (`x@TypeHint` joins two words instead).
    let sigil = |t: &str| refused.iter().any(|c| t.starts_with(*c) || t.contains(&format!(".{c}")));
    symbol_tokens(text).find(|t| {
        *t != bare
            && folds_to(t, &f)
            && is_symbol_name(t)
            && !sigil(t)
            // A word wrapped in `_` outside code is markdown's emphasis (`the _page_ and
            // _limit_ parameters`): a name only in a code span.
            && !(t.starts_with('_') && t.ends_with('_') && !text.contains(&format!("`{t}`")))
    })
}

/// A name with characters identifiers cannot hold, well formed: words joined by single `:`,
/// `.` or `@`, with `[word]` groups (`page[size]`, `filter[a][b]`), a sigil `@` or `$` before
/// its first word or after a `.` (`@id`, `submitted_by.@id`), or a word wrapped in `_`
/// (`_charset_`).
fn is_symbol_name(t: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    if let Some(inner) = t.strip_prefix('_').and_then(|r| r.strip_suffix('_')) {
        if !inner.is_empty() && inner.chars().all(|c| c.is_alphanumeric() || c == '_') && !inner.starts_with('_') {
            return true;
        }
    }
    let mut symbols = 0;
    let mut prev_word = false;
    let mut in_bracket = false;
    let mut prev = None;
    for c in t.chars() {
        match c {
            c if word(c) => prev_word = true,
            // A sigil before a word: `@id`, `$ref`, `submitted_by.@id`.
            '@' | '$' if !prev_word && !in_bracket && matches!(prev, None | Some('.')) => symbols += 1,
            ':' | '.' | '@' if prev_word && !in_bracket => {
                symbols += 1;
                prev_word = false;
            }
            '[' if prev_word && !in_bracket => {
                in_bracket = true;
                prev_word = false;
            }
            ']' if prev_word && in_bracket => {
                symbols += 1;
                in_bracket = false;
                // A group ends a word: another group or separator may follow.
            }
            _ => return false,
        }
        prev = Some(c);
    }
    symbols > 0 && !in_bracket && (prev_word || t.ends_with(']'))
}

/// Whether a prose word can spell a name: camelCase or snake_case; kebab-case only for
/// headers (prose hyphenates words: `post-only`).
fn fits(t: &str, header: bool) -> bool {
    match classify(t) {
        Case::Camel | Case::Snake => true,
        Case::Kebab | Case::Other => header && t.contains('-'),
        Case::Word | Case::Screaming => false,
    }
}

/// The words of prose that could be a name written with symbols (`page[size]`).
fn symbol_tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '`' | '"' | '\'' | '=' | '&' | '?' | '/' | '<' | '>' | '*' | '|'))
        .map(|t| t.trim_end_matches(['.', ':']))
}

/// A spelling of `bare` in `text` other than `bare` itself: the same letters, another case.
pub(crate) fn spelled_in<'t>(text: &'t str, bare: &str, header: bool) -> Option<&'t str> {
    let f = fold(bare);
    let mut found: Vec<&str> = name_tokens(text).filter(|t| *t != bare && folds_to(t, &f) && fits(t, header)).collect();
    // The most frequent spelling; ties by first appearance.
    found.sort_by_key(|t| std::cmp::Reverse(name_tokens(text).filter(|x| x == t).count()));
    found.first().copied()
}

/// `bare` itself in `text`, where it has several words (`resource_version`, `dryRun`): the
/// prose (the API's own descriptions) writes the name as the doc does.
pub(crate) fn spelled_as_is<'t>(text: &'t str, bare: &str) -> Option<&'t str> {
    if !matches!(classify(bare), Case::Camel | Case::Snake) {
        return None;
    }
    name_tokens(text).find(|t| *t == bare)
}

/// The spellings a language writes for characters or words its identifiers cannot hold,
/// undone: Rust's `r#type`, Kotlin's backticks and 4.x `Minus` for `-`, R 4.x's dots. Unlike
/// [`unescape`], a leading `_` is kept: in a model doc it may be part of the key (`_links`).
pub fn unescape_symbols<'a>(name: &'a str, language: &str) -> std::borrow::Cow<'a, str> {
    if language == "python" || language.is_empty() {
        return name.into();
    }
    undo(name, language, true)
}

/// A doc name with its language's reserved-word escape undone: Python's `_from` /
/// `var_from`; `_internal`, `@class`, `$name`, `` `default` `` in the other languages.
pub fn unescape<'a>(name: &'a str, language: &str) -> std::borrow::Cow<'a, str> {
    if language == "python" || language.is_empty() {
        return unescape_python(name).into();
    }
    undo(name, language, false)
}

/// Undoes the escapes of `language`'s table ([`crate::doc::langs::Escape`]): first those
/// around a name (backticks, a sigil, `r#`), then the first of those within it that applies
/// (dots, `Minus`, `var` + keyword, a leading `_`). `symbols_only`: only the spellings of
/// characters (backticks, `r#`, dots, `Minus`), for model keys.
fn undo<'a>(name: &'a str, language: &str, symbols_only: bool) -> std::borrow::Cow<'a, str> {
    use crate::doc::langs::Escape;
    let escapes = crate::doc::langs::escapes(language);
    let mut n = name;
    for e in escapes {
        n = match e {
            Escape::Backticks => n.trim_matches('`'),
            Escape::Sigil(c) if !symbols_only => n.trim_start_matches(*c),
            Escape::RawIdent => n.strip_prefix("r#").unwrap_or(n),
            _ => n,
        };
    }
    for e in escapes {
        match e {
            Escape::Dots if n.contains('.') => return n.replace('.', "_").into(),
            Escape::Minus => {
                if let Some(kebab) = minus_spelled(n) {
                    return kebab.into();
                }
            }
            Escape::VarPascal if !symbols_only => {
                if let Some(rest) = n.strip_prefix("var").filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase())) {
                    let word = format!("{}{}", rest[..1].to_ascii_lowercase(), &rest[1..]);
                    if CSHARP_KEYWORDS.contains(&word.as_str()) {
                        return word.into();
                    }
                }
            }
            // (Also in a model doc: a key ending in `_` after a keyword is hardly the API's.)
            Escape::TrailingUnderscore => {
                if let Some(rest) = n.strip_suffix('_').filter(|r| RESERVED_WORDS.contains(&r.to_ascii_lowercase().as_str())) {
                    return rest.into();
                }
            }
            Escape::LeadingUnderscore if !symbols_only => {
                // Only a reserved word's escape (`_default`): `_limit` is the API's own name.
                if let Some(rest) = n.strip_prefix('_').filter(|r| RESERVED_WORDS.contains(&r.to_ascii_lowercase().as_str())) {
                    return rest.into();
                }
            }
            _ => {}
        }
    }
    n.into()
}

/// `includeMinusReviews` → `include-reviews`: `Minus` between two words, each word's
/// first letter lowered. `None` without such a `Minus`.
pub(crate) fn minus_spelled(name: &str) -> Option<String> {
    // A one-letter first word loses the case of its `Minus`: `xminusRequestMinusId`.
    let fixed;
    let name = match name.get(1..6) {
        Some("minus") if name.as_bytes().get(6).is_some_and(u8::is_ascii_uppercase) && name.as_bytes()[0].is_ascii_lowercase() => {
            fixed = format!("{}Minus{}", &name[..1], &name[6..]);
            fixed.as_str()
        }
        _ => name,
    };
    let parts: Vec<&str> = name.split("Minus").collect();
    let joins = parts.len() > 1
        && parts[..parts.len() - 1].iter().all(|p| p.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()))
        && parts[1..].iter().all(|p| p.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()));
    if !joins {
        return None;
    }
    let lower_first = |p: &str| {
        let mut c = p.chars();
        c.next().map(|f| f.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default()
    };
    Some(parts.iter().enumerate().map(|(i, p)| if i == 0 { p.to_string() } else { lower_first(p) }).collect::<Vec<_>>().join("-"))
}

/// The words the client languages reserve, which their generators escape with a leading
/// `_` (`_default`, `_class`): a leading `_` before any other name is part of the name.
pub(crate) const RESERVED_WORDS: &[&str] = &[
    "abstract", "alias", "and", "any", "as", "assert", "async", "await", "begin", "boolean", "break", "byte", "case",
    "catch", "char", "class", "const", "continue", "data", "debugger", "def", "default", "defer", "del", "delete",
    "do", "double", "dynamic", "elif", "else", "elsif", "end", "ensure", "enum", "eval", "except", "export",
    "extends", "extension", "external", "false", "final", "finally", "float", "fn", "for", "from", "fun", "func",
    "function", "go", "goto", "if", "implements", "import", "in", "instanceof", "int", "interface", "is", "lambda",
    "let", "long", "map", "match", "module", "native", "new", "next", "nil", "none", "not", "null", "number", "object",
    "operator", "or", "package", "pass", "private", "protected", "public", "raise", "range", "redo", "repeat",
    "require", "rescue", "retry", "return", "select", "self", "short", "static", "strictfp", "string", "struct",
    "super", "switch", "synchronized", "then", "this", "throw", "throws", "trait", "transient", "true", "try",
    "type", "typealias", "typeof", "undefined", "union", "unless", "until", "use", "val", "var", "void",
    "volatile", "when", "where", "while", "with", "yield",
    // Swift's and Kotlin's soft keywords, and names the generators reserve for their own code.
    "associatedtype", "convenience", "deinit", "didset", "fallthrough", "file", "fileprivate", "get", "guard",
    "infix", "init", "inout", "internal", "lazy", "list", "mutating", "open", "optional", "out", "override",
    "postfix", "precedence", "prefix", "protocol", "required", "rethrows", "sealed", "set", "subscript",
    "suspend", "unowned", "vararg", "weak", "willset",
];

pub(crate) const CSHARP_KEYWORDS: &[&str] = &[
    "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
    "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
    "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
    "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
    "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
    "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
    "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
];

pub use crate::ir::unescape_python;

/// Whether `s` folds to `folded` ([`fold`]), without building its folded form.
pub(crate) fn folds_to(s: &str, folded: &str) -> bool {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).eq(folded.chars())
}

/// Lower case, letters and digits only: `user_id`, `userId`, `{version.kind}` and
/// `version_kind` fold alike.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Symbols spelled out as the generators name them in identifiers (`id|slug` →
/// `id_pipe_slug`, shown as `idPipeSlug` in camelCase languages).
pub(crate) fn spell_symbols(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let word = match c {
            '|' => "pipe",
            '$' => "dollar",
            '^' => "caret",
            '=' => "equal",
            '*' => "star",
            '&' => "ampersand",
            '%' => "percent",
            '#' => "hash",
            '@' => "at",
            '!' => "exclamation",
            '+' => "plus",
            '~' => "tilde",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push('_');
        out.push_str(word);
        out.push('_');
    }
    out
}

/// A placeholder as a parameter name: `version.kind` → `version_kind`.
pub(crate) fn flatten(ph: &str) -> String {
    snake_identifier(ph, "path_param")
}

pub(crate) const HEADER_NAMES: &[&str] = &[
    "idempotency_key", "if_match", "if_none_match", "if_modified_since", "if_unmodified_since",
    "if_range", "authorization", "accept", "accept_language", "accept_encoding", "user_agent",
    "content_md5", "content_type", "content_language", "cache_control", "cookie", "request_id",
    "correlation_id", "prefer", "range", "etag",
];

/// Whether a doc name is a conventional header name (`x_request_id`, `xRequestId`,
/// `if_none_match`, `ifNoneMatch`, `content_type`).
pub fn is_header_name(name: &str) -> bool {
    header_wire_name(name).is_some()
}

/// An `x-` header's name as a doc writes it: `x_request_id`, `x-request-id`, `xRequestId`.
pub(crate) fn is_x_header_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let x_camel = name.len() > 2
        && name.starts_with('x')
        && name[1..].starts_with(|c: char| c.is_ascii_uppercase())
        && classify(name) == Case::Camel;
    n.starts_with("x_") || n.starts_with("x-") || x_camel
}

/// A conventional header name's wire form: `x_request_id` → `X-Request-Id`.
pub(crate) fn header_wire_name(name: &str) -> Option<String> {
    let folded = fold(name);
    let known = HEADER_NAMES.iter().any(|h| h.chars().filter(|c| *c != '_').eq(folded.chars()))
        && (classify(name) != Case::Other || name.contains('-'));
    if is_x_header_name(name) || known {
        let w = if name.contains('-') && name.chars().any(|c| c.is_ascii_uppercase()) {
            // Already a header spelling (`X-API-KEY`): as written.
            name.to_string()
        } else {
            name.to_train_case()
        };
        return Some(w);
    }
    None
}

/// Whether a documented property name is a Python attribute a naming convention may have
/// changed (`expiry_month`), rather than a key written as sent (`_links`, `$ref`, `@type`,
/// `retry-count`, `expiryMonth`): only lower-case words joined by single `_`.
pub fn is_python_attribute(name: &str) -> bool {
    !name.starts_with('_')
        && !name.ends_with('_')
        && !name.contains("__")
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A multi-word name as the API's convention writes it on the wire, with the convention's
/// evidence; a guess when there is none.
pub(crate) fn wire(bare: &str, conv: &Convention, inferred: &mut Evidence) -> String {
    wire_in(bare, conv, None, inferred)
}

/// [`wire`] for a name of the doc `file`: that doc's own convention first, where it has one
/// the directory's differs from.
pub(crate) fn wire_in(bare: &str, conv: &Convention, file: Option<&str>, inferred: &mut Evidence) -> String {
    let (case, confidence, evidence) = match file.and_then(|f| conv.per_doc.get(f)) {
        Some((case, c, e)) => (Some(*case), *c, e.as_str()),
        None => (conv.case, conv.confidence, conv.evidence.as_str()),
    };
    let w = convert(bare, case);
    // Clues from other places (placeholders, path segments, JSON keys) never settle a name:
    // at most weak.
    let confidence = confidence.max(Confidence::Weak);
    if w != bare {
        inferred.insert("wire_name".into(), confidence.tag(evidence));
    } else if !matches!(classify(bare), Case::Word) {
        // Several words, written as the doc writes them: a guess unless the API agrees.
        let c = if case.is_some() { confidence } else { Confidence::Guess };
        inferred.insert("wire_name".into(), c.tag(evidence));
    }
    w
}

/// `bare` in `case`, where it is a multi-word name of the other case.
fn convert(bare: &str, case: Option<Case>) -> String {
    // A leading `_` stays: `_created_at` is `_createdAt`.
    let rest = bare.trim_start_matches('_');
    if rest.len() != bare.len() && !rest.is_empty() {
        return format!("{}{}", &bare[..bare.len() - rest.len()], convert(rest, case));
    }
    match (case, classify(bare)) {
        (Some(Case::Camel), Case::Snake) => bare.to_lower_camel_case(),
        (Some(Case::Snake), Case::Camel) => heck::ToSnakeCase::to_snake_case(bare),
        _ => bare.to_string(),
    }
}

/// A query, form or cookie name nothing spells: the case other such names are spelled in,
/// nearest first — the same operation, then the same doc, then the whole directory (API
/// groups of one directory may differ) — as `weak:` with the votes; names spelled both
/// ways keep the doc's spelling as `guess:`. Without votes, the API's convention ([`wire`]).
pub(crate) fn param_wire(bare: &str, conv: &Convention, file: &str, op: &str, inferred: &mut Evidence) -> String {
    if matches!(classify(bare), Case::Word) || !matches!(classify(bare), Case::Camel | Case::Snake) {
        return wire(bare, conv, inferred);
    }
    let own = fold(bare);
    let empty = Tally::default();
    let tiers: [(&str, &Tally); 3] = [
        ("its operation", conv.votes_by_op.get(&(file.to_string(), op.to_string())).unwrap_or(&empty)),
        ("its doc", conv.votes_by_doc.get(file).unwrap_or(&empty)),
        ("the docs", &conv.votes_all),
    ];
    // The other names' spellings (the parameter's own is a fact, not a vote): how many,
    // and the first few to show.
    let others = |m: &BTreeMap<String, String>| -> (usize, String) {
        let n = m.len() - usize::from(m.contains_key(&own));
        let first: Vec<String> = m.iter().filter(|(k, _)| **k != own).take(3).map(|(_, w)| format!("`{w}`")).collect();
        let more = if n > 3 { format!(" and {} more", n - 3) } else { String::new() };
        (n, format!("{}{more}", first.join(", ")))
    };
    for (place, tally) in tiers {
        let ((camel, camel_shown), (snake, snake_shown)) = (others(&tally.camel), others(&tally.snake));
        if camel > 0 && snake > 0 {
            inferred.insert(
                "wire_name".into(),
                Confidence::Guess.tag(&format!(
                    "the prose of {place} spells query and form names both ways (camelCase: {camel_shown}; snake_case: {snake_shown}); the doc's name is kept"
                )),
            );
            return bare.to_string();
        }
        let (case, n, shown) = if camel > 0 { (Case::Camel, camel, camel_shown) } else { (Case::Snake, snake, snake_shown) };
        // One spelling elsewhere is no convention; one in the same operation is the nearest clue.
        if n == 0 || (n < 2 && place != "its operation") {
            continue;
        }
        let w = match case {
            Case::Camel => camel_like(bare, tally.camel.values()),
            _ => convert(bare, Some(case)),
        };
        let how = if case == Case::Camel { "camelCase" } else { "snake_case" };
        inferred.insert(
            "wire_name".into(),
            Confidence::Weak.tag(&format!("the prose of {place} spells other query and form names in {how}: {shown}")),
        );
        return w;
    }
    wire_in(bare, conv, Some(file), inferred)
}

/// The words of a camelCase spelling, an upper-case run kept whole: `origClOrdID` →
/// `orig`, `Cl`, `Ord`, `ID`.
fn camel_words(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut words = Vec::new();
    let mut start = 0;
    for i in 1..b.len() {
        let (prev, cur) = (b[i - 1], b[i]);
        let next_lower = b.get(i + 1).is_some_and(u8::is_ascii_lowercase);
        // A word starts at an upper-case letter after a lower-case one or a digit, and at the
        // last capital of a run followed by lower case (`HTTPServer` → `HTTP`, `Server`).
        if cur.is_ascii_uppercase() && (prev.is_ascii_lowercase() || prev.is_ascii_digit() || (prev.is_ascii_uppercase() && next_lower)) {
            words.push(&s[start..i]);
            start = i;
        }
    }
    words.push(&s[start..]);
    words
}

/// `bare` (snake_case) in camelCase, writing a word as the other spelled names write it
/// where they agree that it is an acronym in capitals (`cl_ord_id` → `clOrdID` beside
/// `orderID` and `origClOrdID`): spellings of the same API are the evidence for its
/// acronyms, and a word written both ways is capitalized as usual.
pub(crate) fn camel_like<'a>(bare: &str, spelled: impl Iterator<Item = &'a String>) -> String {
    let mut upper: BTreeMap<String, bool> = BTreeMap::new();
    for s in spelled {
        if !s.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        for w in camel_words(s).into_iter().skip(1) {
            let capitals = w.len() >= 2 && w.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            let e = upper.entry(w.to_ascii_lowercase()).or_insert(capitals);
            *e = *e && capitals;
        }
    }
    // A leading `_` stays: `_cl_ord_id` is `_clOrdID`.
    let rest = bare.trim_start_matches('_');
    let prefix = &bare[..bare.len() - rest.len()];
    let camel = rest.to_lower_camel_case();
    if rest.is_empty() || !upper.values().any(|u| *u) || !matches!(classify(rest), Case::Snake) {
        return if rest.is_empty() { bare.to_string() } else { format!("{prefix}{camel}") };
    }
    let words: String = camel_words(&camel)
        .into_iter()
        .enumerate()
        .map(|(i, w)| if i > 0 && upper.get(&w.to_ascii_lowercase()) == Some(&true) { w.to_ascii_uppercase() } else { w.to_string() })
        .collect();
    format!("{prefix}{words}")
}

/// A model key nothing spells: in the case the docs' JSON examples write keys in, where
/// they agree ([`Convention::json_case`]), as `weak:`; otherwise [`wire`].
pub(crate) fn json_wire(bare: &str, conv: &Convention, inferred: &mut Evidence) -> String {
    let multi_word = matches!(classify(bare), Case::Camel | Case::Snake);
    match &conv.json_case {
        Some((case, evidence)) if multi_word => {
            let w = convert(bare, Some(*case));
            inferred.insert("wire_name".into(), Confidence::Weak.tag(evidence));
            w
        }
        // No path or example decides: the case the prose spells the API's query and form
        // names in (three or more, none of the other case), farther evidence for its keys.
        _ if multi_word && conv.case.is_none() && prose_case(&conv.votes_all).is_some() => {
            let (case, shown) = prose_case(&conv.votes_all).unwrap_or((Case::Camel, String::new()));
            let w = match case {
                Case::Camel => camel_like(bare, conv.votes_all.camel.values()),
                _ => convert(bare, Some(case)),
            };
            let how = if case == Case::Camel { "camelCase" } else { "snake_case" };
            inferred.insert("wire_name".into(), Confidence::Weak.tag(&format!("the docs' prose spells the API's query and form names in {how}: {shown}")));
            w
        }
        _ => wire(bare, conv, inferred),
    }
}

/// The one case a tally's spellings are all in, with the first few, where there are three
/// or more.
fn prose_case(t: &Tally) -> Option<(Case, String)> {
    let show = |m: &BTreeMap<String, String>| {
        let mut s = m.values().take(3).map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ");
        if m.len() > 3 {
            s.push_str(&format!(" and {} more", m.len() - 3));
        }
        s
    };
    match (t.camel.len(), t.snake.len()) {
        (n, 0) if n >= 3 => Some((Case::Camel, show(&t.camel))),
        (0, n) if n >= 3 => Some((Case::Snake, show(&t.snake))),
        _ => None,
    }
}
