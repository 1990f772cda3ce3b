//! Type spellings: the template family's shared ones (Python's first), then each client
//! language's, read with the doc's language first (see [`super::langs`]).

use crate::ir::TypeRef;
use super::blocks::split_top;

/// A type cell: a model link, an enum link with an empty target, or a Python type spelling.
pub(crate) fn type_from_cell(lang: &str, text: &str, link: Option<&str>) -> Result<(TypeRef, bool), String> {
    let t = text.trim().trim_matches('*').trim();
    // PHP and Perl write a file parameter's type twice: `**\SplFileObject****\SplFileObject**`
    // (swagger-codegen's C#: `**byte[]**byte[]`).
    if t.contains("**") {
        let bare: String = t.chars().filter(|c| *c != '*').collect();
        let half = bare.len() / 2;
        if !bare.is_empty() && half * 2 == bare.len() && bare.is_char_boundary(half) && bare[..half] == bare[half..] {
            return Ok((TypeRef::Binary, false));
        }
    }
    let t = typescript_scalar(lang, t).unwrap_or(t);
    // Go model docs: `Pointer to **[]string**` (an optional field).
    let t = t.strip_prefix("Pointer to ").map(|r| r.trim().trim_matches('*').trim()).unwrap_or(t);
    if let Some(target) = link {
        if target == ".md" || target.is_empty() {
            return Ok((TypeRef::String, true));
        }
        if crate::ir::is_model_name(t) && !is_python_builtin(lang, t) {
            return Ok((TypeRef::Model(t.to_string()), false));
        }
    }
    parse_type(lang, t).map(|ty| (ty, false))
}

/// TypeScript (axios) writes a scalar parameter's type in brackets, `[**string**]`, and an
/// enum's as `[**'a' | 'b'**]**Array<'a' | 'b'>**` (the `Array<…>` is a template slip, not
/// a list): the scalar inside the brackets. Arrays are `Array<string>`.
pub(crate) fn typescript_scalar<'t>(lang: &str, t: &'t str) -> Option<&'t str> {
    if lang != "typescript" {
        return None;
    }
    let inner = t.strip_prefix('[')?;
    let close = inner.find(']')?;
    let rest = &inner[close + 1..];
    (rest.is_empty() || rest.starts_with("Array<")).then(|| inner[..close].trim())
}

/// The values of an enum spelled in the type itself: TypeScript's `'a' | 'b'` (also inside
/// `Array<…>`), R's `Enum [a, b]`.
pub(crate) fn enum_values_of_type(lang: &str, doc_type: &str) -> Vec<String> {
    let t = doc_type.trim();
    let t = typescript_scalar(lang, t).unwrap_or(t);
    let t = t.strip_prefix("Array<").and_then(|r| r.strip_suffix('>')).unwrap_or(t);
    if let Some(list) = t.strip_prefix("Enum [").and_then(|r| r.strip_suffix(']')) {
        return list.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
    }
    if t.starts_with('\'') && t.ends_with('\'') && t.len() >= 2 {
        let vals: Vec<String> = t.split('|').map(|v| v.trim()).filter_map(|v| v.strip_prefix('\'')?.strip_suffix('\'')).map(String::from).collect();
        if vals.len() == t.split('|').count() {
            return vals;
        }
    }
    Vec::new()
}

/// A built-in type of the doc's language or Python's, not a model.
pub(crate) fn is_python_builtin(lang: &str, t: &str) -> bool {
    parse_type(lang, t).is_ok_and(|ty| !matches!(ty, TypeRef::Model(_)))
}

/// Python type spellings of all generations.
pub fn parse_py_type(s: &str) -> Result<TypeRef, String> {
    parse_type("python", s)
}

/// A type spelling of a doc in `lang`: the language's own spellings first (see
/// [`super::langs`]), then Python's of all generations (the template family's shared ones).
pub fn parse_type(lang: &str, s: &str) -> Result<TypeRef, String> {
    let s = s.trim().trim_matches('*').trim();
    // Recursion below follows the nesting: bounded, so that no doc overflows the stack.
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for c in s.chars() {
        match c {
            '[' | '(' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ']' | ')' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > crate::ir::MAX_TYPE_DEPTH {
        return Err(format!("type nested more than {} deep", crate::ir::MAX_TYPE_DEPTH));
    }
    // python-prior's unions: `str, none_type` (nullable), the any type
    // `bool, date, datetime, dict, float, int, list, str, none_type`, with or without parentheses.
    if let Some((parts, _)) = python_union(s) {
        return match parts.as_slice() {
            [one] => parse_type(lang, one),
            _ => Ok(TypeRef::Any),
        };
    }
    // Another language's spellings first: Swift's `[String: String]` is no Python list.
    if lang != "python" {
        if let Some(t) = other_language_type(lang, s)? {
            return Ok(t);
        }
    }
    let generic = |prefixes: &[&str], open: char, close: char| -> Option<&str> {
        prefixes.iter().find_map(|p| {
            s.strip_prefix(p)
                .and_then(|r| r.strip_prefix(open))
                .and_then(|r| r.strip_suffix(close))
        })
    };
    if let Some(inner) = generic(&["list", "List"], '[', ']') {
        return Ok(TypeRef::List(Box::new(parse_type(lang, inner)?)));
    }
    if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return Ok(TypeRef::List(Box::new(parse_type(lang, inner)?)));
    }
    if let Some(inner) = generic(&["Optional"], '[', ']') {
        return parse_type(lang, inner);
    }
    let map_inner = generic(&["dict"], '(', ')').or_else(|| generic(&["Dict", "dict"], '[', ']'));
    if let Some(inner) = map_inner {
        let parts = split_top(inner, ',');
        if parts.len() == 2 {
            return Ok(TypeRef::Map(Box::new(parse_type(lang, parts[1])?)));
        }
        return Err(format!("expected a map type `dict(str, T)`, found `{s}`"));
    }
    if let Some(inner) = s.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        // 5.x: {str: (bool, date, datetime, dict, float, int, list, str, none_type)}
        // {str: (str, none_type)}, {str: ({str: (…)},)}: the value a union (see `python_union`).
        if let Some((_, v)) = inner.split_once(':') {
            return Ok(TypeRef::Map(Box::new(parse_type(lang, v)?)));
        }
    }
    if s.starts_with("Union[") {
        let inner = &s[6..s.len().saturating_sub(1)];
        let parts: Vec<&str> = split_top(inner, ',').into_iter().map(str::trim).collect();
        if parts.iter().any(|p| p.contains("Bytes") || *p == "bytearray" || *p == "bytes") {
            return Ok(TypeRef::Binary);
        }
        if parts.iter().all(|p| matches!(*p, "StrictFloat" | "StrictInt" | "float" | "int")) {
            return Ok(TypeRef::Number);
        }
        return Ok(TypeRef::Any);
    }
    let base = s.split('(').next().unwrap_or(s).trim();
    Ok(match base {
        "str" | "StrictStr" | "constr" | "string" | "UUID" | "uuid" => TypeRef::String,
        "int" | "StrictInt" | "conint" | "integer" => TypeRef::Integer,
        "float" | "StrictFloat" | "confloat" | "decimal" | "Decimal" | "number" => TypeRef::Number,
        "bool" | "StrictBool" | "boolean" => TypeRef::Boolean,
        "date" => TypeRef::Date,
        "datetime" => TypeRef::DateTime,
        "file" | "file_type" | "bytearray" | "bytes" | "StrictBytes" | "io.IOBase" | "IO" | "IOBase" => TypeRef::Binary,
        "object" | "dict" | "Dict" | "Any" | "AnyType" | "none_type" | "Object" | "list" => TypeRef::Any,
        m if crate::ir::is_model_name(m) && m.starts_with(|c: char| c.is_ascii_uppercase()) => TypeRef::Model(m.to_string()),
        other => return Err(format!("unknown type spelling `{other}`")),
    })
}

/// A python-prior union of types: `str, none_type`, `(str, none_type)`, `({str: (…)},)`,
/// `bool, date, datetime, dict, float, int, list, str, none_type`: its types other than
/// `none_type` (empty for `none_type` alone) and whether it allows `None`. `None` for any
/// other spelling: a union is written in parentheses or names `none_type`, and holds no `<`
/// (`Map<String, T>` is no union).
pub(crate) fn python_union(s: &str) -> Option<(Vec<&str>, bool)> {
    let s = s.trim();
    if s.contains('<') {
        return None;
    }
    let inner = enclosed(s);
    let parts: Vec<&str> = split_top(inner.unwrap_or(s), ',').into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    let nullable = parts.contains(&"none_type");
    // A tuple of one: `({str: (…)},)`.
    let tuple = inner.is_some_and(|r| r.trim_end().ends_with(','));
    let union = if inner.is_some() { parts.len() > 1 || tuple } else { nullable && parts.len() > 1 };
    if !union {
        return None;
    }
    let rest: Vec<&str> = parts.into_iter().filter(|p| *p != "none_type").collect();
    Some((rest, nullable))
}

/// `(…)` → `…` where the parentheses enclose the whole spelling (not `(a), (b)`).
pub(crate) fn enclosed(s: &str) -> Option<&str> {
    let inner = s.strip_prefix('(')?.strip_suffix(')')?;
    let mut depth = 0i32;
    for c in inner.chars() {
        match c {
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return None;
        }
    }
    (depth == 0).then_some(inner)
}

/// Type spellings of the other client languages of the template family (the tables of
/// `langs.rs`), then a model under a namespace (`\Swagger\Client\Model\Order`, `models.Pet`).
/// `Ok(None)`: none of them (Python spellings and bare model names are read by the caller).
pub(crate) fn other_language_type(lang: &str, s: &str) -> Result<Option<TypeRef>, String> {
    let s = s.trim();
    if !enum_values_of_type(lang, s).is_empty() {
        let list = s.starts_with("Array<") || s.starts_with("list(");
        return Ok(Some(if list { TypeRef::List(Box::new(TypeRef::String)) } else { TypeRef::String }));
    }
    // Rust's `chrono::DateTime<chrono::FixedOffset>`: the generic arguments say no more.
    let s = match s.split_once('<') {
        Some((base, _)) if s.ends_with('>') && base.ends_with("DateTime") => base,
        _ => s,
    };
    if let Some(t) = super::langs::read_type(lang, s, &|x| parse_type(lang, x))? {
        return Ok(Some(t));
    }
    if s == "Array" {
        return Ok(Some(TypeRef::List(Box::new(TypeRef::Any))));
    }
    let last = s.rsplit(['\\', '.', ':']).next().unwrap_or(s);
    let namespaced = last != s && !s.starts_with("io.") && !s.starts_with("decimal.");
    if namespaced && crate::ir::is_model_name(last) && last.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Ok(Some(TypeRef::Model(last.to_string())));
    }
    Ok(None)
}

