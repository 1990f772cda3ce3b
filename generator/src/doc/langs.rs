//! The client languages of the template family, one table each: what a language's docs
//! spell differently — types, the spellings that tell the language, and the escapes of
//! names its identifiers cannot hold. The shared reader (`template.rs`, `operation.rs`)
//! asks here how a type is spelled (`types::parse_type`; Python's own spellings are the
//! template family's shared ones), and `infer::naming` how a name was escaped.
//!
//! A type is read with the doc's language's table first, then with every other table in
//! [`LANGUAGES`] order (docs mix spellings, and a doc of an unknown language is read with
//! all of them). A table lists its containers in the order they are tried, then its scalars:
//! a scalar matches its whole spelling (`time.Time`) or the last segment of a namespaced one
//! (`kotlin.Int`, `\DateTime`, `chrono::NaiveDate`).

use crate::ir::TypeRef;

/// How a container spelling wraps its argument.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A list of the argument (`List<T>`, `[]T`, `T[]`).
    List,
    /// A map to the argument; with several arguments, the last is the value (`Map<String, T>`).
    Map,
    /// The argument itself (`Option<T>`, `T?`, `*T`, TypeScript's `[T]`).
    Same,
}

/// One client language's spellings.
pub struct Language {
    pub name: &'static str,
    /// Containers as `(prefix, suffix, shape)`, in the order they are tried.
    pub containers: &'static [(&'static str, &'static str, Shape)],
    /// Scalars by spelling.
    pub scalars: &'static [(&'static str, TypeRef)],
    /// Pieces of type spellings that only this language writes: they tell the language of
    /// a doc without example code (`Option<`, `kotlin.`). A whole spelling when it ends in `$`.
    pub tells: &'static [&'static str],
    /// How its docs write a name its identifiers cannot hold as is (a keyword, a `-`),
    /// undone in this order by `infer::naming::unescape`.
    pub escapes: &'static [Escape],
}

/// A way a language writes a name its identifiers cannot hold as is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// Quoted in backticks: Kotlin's `` `internal` ``.
    Backticks,
    /// A sigil before the name: PHP's and Perl's `$name`, C#'s `@class`.
    Sigil(char),
    /// Rust's raw identifier: `r#type`.
    RawIdent,
    /// R 4.x's dots between words: `idempotency.key`.
    Dots,
    /// Kotlin 4.x's `Minus` for a `-`: `ifMinusNoneMinusMatch`.
    Minus,
    /// C#'s `var` before the PascalCase keyword: `varInternal`.
    VarPascal,
    /// A `_` before a name that would be a keyword (or start with a digit): `_internal`.
    LeadingUnderscore,
    /// A `_` after a keyword: Go's `type_`, Dart's `class_`.
    TrailingUnderscore,
}

use Escape::{Backticks, Dots, LeadingUnderscore, Minus, RawIdent, Sigil, TrailingUnderscore, VarPascal};

/// The escapes read in a doc of any language other than Python: docs mix a little, and a
/// name spelled so is no wire name in any of them.
const COMMON_ESCAPES: &[Escape] = &[Backticks, Sigil('$'), Sigil('@'), RawIdent, LeadingUnderscore];

use Shape::{List, Map, Same};
use TypeRef::{Any, Binary, Boolean, Date, DateTime, Integer, Number, String as Str};

pub const JAVA: Language = Language {
    name: "java",
    containers: &[("List<", ">", List), ("Set<", ">", List), ("ArrayList<", ">", List), ("Map<", ">", Map), ("HashMap<", ">", Map), ("Optional<", ">", Same)],
    scalars: &[
        ("String", Str), ("UUID", Str), ("URI", Str), ("Integer", Integer), ("Long", Integer), ("BigInteger", Integer),
        ("Float", Number), ("Double", Number), ("BigDecimal", Number), ("Boolean", Boolean), ("LocalDate", Date),
        // swagger-codegen's and old openapi-generator's `java.util.Date` is a date-time.
        ("Date", DateTime), ("OffsetDateTime", DateTime), ("LocalDateTime", DateTime), ("ZonedDateTime", DateTime),
        ("Instant", DateTime), ("File", Binary), ("byte[]", Binary), ("MultipartFile", Binary), ("InputStream", Binary),
        ("Object", Any), ("JsonNode", Any), ("AnyType", Any),
    ],
    tells: &["OffsetDateTime"],
    escapes: COMMON_ESCAPES,
};

pub const KOTLIN: Language = Language {
    name: "kotlin",
    containers: &[
        ("kotlin.collections.List<", ">", List), ("kotlin.collections.Set<", ">", List), ("kotlin.Array<", ">", List),
        ("kotlin.collections.Map<", ">", Map), ("List<", ">", List), ("Map<", ">", Map),
    ],
    scalars: &[
        ("kotlin.String", Str), ("java.util.UUID", Str), ("java.net.URI", Str), ("kotlin.Int", Integer), ("kotlin.Long", Integer),
        ("kotlin.Float", Number), ("kotlin.Double", Number), ("java.math.BigDecimal", Number), ("kotlin.Boolean", Boolean),
        ("java.time.LocalDate", Date), ("java.time.OffsetDateTime", DateTime), ("java.time.LocalDateTime", DateTime),
        ("java.io.File", Binary), ("kotlin.ByteArray", Binary), ("kotlin.Any", Any), ("Int", Integer), ("Long", Integer),
    ],
    tells: &["kotlin.", "java.time."],
    escapes: &[Backticks, Minus, Sigil('$'), Sigil('@'), RawIdent, LeadingUnderscore],
};

pub const CSHARP: Language = Language {
    name: "csharp",
    containers: &[("List<", ">", List), ("IList<", ">", List), ("Collection<", ">", List), ("Dictionary<", ">", Map), ("IDictionary<", ">", Map), ("Nullable<", ">", Same), ("", "?", Same)],
    scalars: &[
        ("string", Str), ("Guid", Str), ("int", Integer), ("long", Integer), ("float", Number), ("double", Number),
        ("decimal", Number), ("bool", Boolean), ("DateOnly", Date), ("DateTime", DateTime), ("DateTimeOffset", DateTime),
        ("System.IO.Stream", Binary), ("Stream", Binary), ("FileParameter", Binary), ("Object", Any), ("object", Any),
        ("JObject", Any), ("JsonElement", Any),
    ],
    tells: &["System.IO.", "Dictionary<", "DateOnly", "Guid$"],
    escapes: &[Backticks, Sigil('$'), Sigil('@'), RawIdent, VarPascal, LeadingUnderscore],
};

pub const GO: Language = Language {
    name: "go",
    containers: &[
        ("map[string]", "", Map), ("[]", "", List), ("Pointer to ", "", Same), ("*", "", Same),
        // swagger-codegen: `optional.Int32`, `optional.Interface of []string`.
        ("optional.Interface of ", "", Same), ("optional.", "", Same),
    ],
    scalars: &[
        ("string", Str), ("int32", Integer), ("int64", Integer), ("int", Integer), ("float32", Number), ("float64", Number),
        ("Int32", Integer), ("Int64", Integer), ("Float32", Number), ("Float64", Number), ("Bool", Boolean), ("Time", DateTime),
        ("bool", Boolean), ("time.Time", DateTime), ("os.File", Binary), ("[]byte", Binary), ("interface{}", Any),
        ("map[string]interface{}", Any),
    ],
    tells: &["time.Time", "*os.File", "map[string]", "optional.", "context.Context"],
    escapes: &[Backticks, Sigil('$'), Sigil('@'), RawIdent, TrailingUnderscore, LeadingUnderscore],
};

pub const RUST: Language = Language {
    name: "rust",
    containers: &[
        ("Vec<", ">", List), ("std::vec::Vec<", ">", List), ("Option<", ">", Same), ("std::collections::HashMap<", ">", Map),
        ("HashMap<", ">", Map),
    ],
    scalars: &[
        ("String", Str), ("uuid::Uuid", Str), ("i32", Integer), ("i64", Integer), ("u32", Integer), ("u64", Integer),
        ("f32", Number), ("f64", Number), ("bool", Boolean), ("chrono::NaiveDate", Date), ("NaiveDate", Date),
        ("chrono::DateTime", DateTime), ("std::path::PathBuf", Binary), ("Vec<u8>", Binary), ("serde_json::Value", Any),
    ],
    tells: &["Option<", "Vec<", "std::", "models::", "chrono::", "uuid::Uuid", "i32$", "i64$", "f32$", "f64$", "u8$"],
    escapes: COMMON_ESCAPES,
};

pub const PHP: Language = Language {
    name: "php",
    containers: &[("", "[]", List), ("array<string,", ">", Map)],
    scalars: &[
        ("string", Str), ("int", Integer), ("float", Number), ("bool", Boolean), ("\\DateTime", DateTime),
        ("\\SplFileObject", Binary), ("object", Any), ("mixed", Any),
    ],
    tells: &["\\SplFileObject", "\\DateTime"],
    escapes: COMMON_ESCAPES,
};

pub const RUBY: Language = Language {
    name: "ruby",
    containers: &[("Array<", ">", List), ("Hash<", ">", Map)],
    scalars: &[
        ("String", Str), ("Integer", Integer), ("Float", Number), ("Boolean", Boolean), ("BOOLEAN", Boolean), ("Date", Date),
        ("Time", DateTime),
        ("File", Binary), ("Object", Any), ("Hash", Any),
    ],
    tells: &[],
    escapes: COMMON_ESCAPES,
};

pub const DART: Language = Language {
    name: "dart",
    containers: &[("List<", ">", List), ("Set<", ">", List), ("BuiltList<", ">", List), ("Map<", ">", Map), ("BuiltMap<", ">", Map)],
    scalars: &[
        ("String", Str), ("int", Integer), ("double", Number), ("num", Number), ("bool", Boolean), ("DateTime", DateTime),
        ("Date", Date), ("MultipartFile", Binary), ("Uint8List", Binary), ("Object", Any), ("JsonObject", Any),
    ],
    tells: &[],
    // Dart's generators write a keyword with a `_` after it (`class_`), older ones before.
    escapes: &[Backticks, Sigil('$'), Sigil('@'), RawIdent, TrailingUnderscore, LeadingUnderscore],
};

pub const JAVASCRIPT: Language = Language {
    name: "javascript",
    containers: &[("[", "]", List), ("{String: ", "}", Map), ("Array<", ">", List)],
    scalars: &[
        ("String", Str), ("Number", Number), ("Boolean", Boolean),
        // `Date` serves both; the example literal tells (`python::refine_date`).
        ("Date", DateTime), ("File", Binary), ("Blob", Binary), ("Object", Any),
    ],
    tells: &[],
    escapes: COMMON_ESCAPES,
};

pub const TYPESCRIPT: Language = Language {
    name: "typescript",
    containers: &[
        // `[**string**]` is a scalar in typescript-axios docs; arrays are `Array<string>`.
        ("[", "]", Same), ("Array<", ">", List), ("{ [key: string]: ", "; }", Map), ("{ [key: string]: ", "}", Map), ("Record<", ">", Map),
    ],
    scalars: &[
        ("string", Str), ("number", Number), ("boolean", Boolean), ("Date", DateTime), ("File", Binary), ("Blob", Binary),
        ("any", Any), ("object", Any), ("unknown", Any),
    ],
    tells: &[],
    escapes: COMMON_ESCAPES,
};

pub const SWIFT: Language = Language {
    name: "swift",
    containers: &[("[String: ", "]", Map), ("[String:", "]", Map), ("[", "]", List), ("", "?", Same)],
    scalars: &[
        ("String", Str), ("UUID", Str), ("Int", Integer), ("Int32", Integer), ("Int64", Integer), ("Float", Number),
        ("Double", Number), ("Decimal", Number), ("Bool", Boolean), ("Date", DateTime),
        // Swift uploads a file from its `URL`.
        ("URL", Binary), ("Data", Binary), ("AnyCodable", Any), ("JSONValue", Any),
    ],
    tells: &[],
    escapes: COMMON_ESCAPES,
};

pub const PERL: Language = Language {
    name: "perl",
    containers: &[("ARRAY[", "]", List), ("HASH[", "]", Map)],
    scalars: &[
        ("string", Str), ("int", Integer), ("double", Number), ("boolean", Boolean), ("DATE", Date), ("DATE_TIME", DateTime),
        ("object", Any),
    ],
    tells: &["ARRAY[", "HASH[", "DATE_TIME"],
    escapes: COMMON_ESCAPES,
};

pub const R: Language = Language {
    name: "r",
    // `set[character]`: a set (`uniqueItems`) is a list on the wire.
    containers: &[("list(", ")", List), ("array[", "]", List), ("set[", "]", List), ("map(", ")", Map)],
    scalars: &[
        ("character", Str), ("integer", Integer), ("numeric", Number), ("logical", Boolean), ("data.frame", Binary),
        ("object", Any), ("map", Any),
    ],
    tells: &["data.frame", "list( ", "character$", "numeric$"],
    escapes: &[Backticks, Sigil('$'), Sigil('@'), RawIdent, Dots, LeadingUnderscore],
};

/// The spellings every generator family shares, or that docs mix in whatever their
/// language: tried right after the doc's own language, before the other languages.
pub const SHARED: Language = Language {
    name: "shared",
    containers: &[
        ("List<", ">", List), ("Array<", ">", List), ("Vec<", ">", List), ("Set<", ">", List), ("ArrayList<", ">", List),
        ("IList<", ">", List), ("Collection<", ">", List), ("Iterable<", ">", List), ("kotlin.collections.List<", ">", List),
        ("kotlin.collections.Set<", ">", List), ("java.util.List<", ">", List), ("std::vec::Vec<", ">", List),
        ("Option<", ">", Same), ("Optional<", ">", Same), ("Nullable<", ">", Same),
        ("Map<", ">", Map), ("HashMap<", ">", Map), ("Dictionary<", ">", Map), ("IDictionary<", ">", Map),
        ("kotlin.collections.Map<", ">", Map), ("std::collections::HashMap<", ">", Map), ("Record<", ">", Map),
        ("{ [key: string]: ", "}", Map), ("map[string]", "", Map), ("[]", "", List), ("", "[]", List),
        ("ARRAY[", "]", List), ("HASH[", "]", Map), ("list(", ")", List), ("array[", "]", List), ("set[", "]", List),
        ("map(", ")", Map),
        ("", "?", Same), ("*", "", Same),
    ],
    scalars: &[
        ("interface{}", Any), ("map[string]interface{}", Any), ("serde_json::Value", Any), ("mixed", Any), ("any", Any),
        ("unknown", Any), ("JsonNode", Any), ("JsonElement", Any), ("JObject", Any),
        ("String", Str), ("string", Str), ("Char", Str), ("char", Str), ("Uuid", Str), ("UUID", Str), ("Guid", Str),
        ("URI", Str), ("URL", Str), ("Uri", Str), ("character", Str),
        ("Int", Integer), ("int32", Integer), ("int64", Integer), ("Int32", Integer), ("Int64", Integer), ("Integer", Integer),
        ("Long", Integer), ("long", Integer), ("Short", Integer), ("short", Integer), ("i8", Integer), ("i16", Integer),
        ("i32", Integer), ("i64", Integer), ("u16", Integer), ("u32", Integer), ("u64", Integer), ("BigInteger", Integer),
        ("Byte", Integer), ("byte", Integer), ("Fixnum", Integer), ("num_int", Integer),
        ("Float", Number), ("Double", Number), ("double", Number), ("float32", Number), ("float64", Number), ("f32", Number),
        ("f64", Number), ("BigDecimal", Number), ("Number", Number), ("Decimal", Number), ("decimal", Number), ("num", Number),
        ("numeric", Number),
        ("Boolean", Boolean), ("Bool", Boolean), ("boolean", Boolean), ("bool", Boolean), ("logical", Boolean),
        ("LocalDate", Date), ("Date", Date), ("NaiveDate", Date), ("DATE", Date), ("DateOnly", Date),
        ("DateTime", DateTime), ("DATE_TIME", DateTime), ("OffsetDateTime", DateTime), ("DateTimeOffset", DateTime),
        ("Time", DateTime), ("Instant", DateTime), ("ZonedDateTime", DateTime), ("LocalDateTime", DateTime),
        ("File", Binary), ("SplFileObject", Binary), ("MultipartFile", Binary), ("Blob", Binary), ("Buffer", Binary),
        ("RequestFile", Binary), ("Data", Binary), ("ByteArray", Binary), ("FileParameter", Binary), ("Stream", Binary),
        ("InputStream", Binary), ("PathBuf", Binary), ("HttpFile", Binary), ("FileInfo", Binary), ("UploadFile", Binary),
        ("data.frame", Binary),
        ("Object", Any), ("object", Any), ("JsonValue", Any), ("AnyType", Any), ("Any", Any), ("AnyCodable", Any), ("Hash", Any),
        ("map", Any),
    ],
    tells: &[],
    escapes: COMMON_ESCAPES,
};

/// Every language but Python, in the order their tables are tried after the doc's own.
pub const LANGUAGES: &[&Language] = &[&JAVA, &KOTLIN, &CSHARP, &GO, &RUST, &PHP, &DART, &PERL, &R, &RUBY, &JAVASCRIPT, &SWIFT, &TYPESCRIPT];

/// The language whose [`Language::tells`] a type spelling shows, if one does.
pub fn language_of_spelling(text: &str) -> Option<&'static str> {
    let t = text.trim();
    LANGUAGES.iter().find_map(|l| {
        l.tells
            .iter()
            .any(|k| match k.strip_suffix('$') {
                Some(whole) => t == whole,
                None => t.contains(k),
            })
            .then_some(l.name)
    })
}

/// How a language's model docs write a property's JSON key: its generators name a model's
/// properties in the language's own case, so a key of another case is shown converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelNames {
    /// `author_name` for `author-name`, `authorName`, `author_name` (Python, Ruby, PHP, Perl, Rust).
    Snake,
    /// `authorName` for `author_name`, `author-name`, `AuthorName` (Java, Kotlin, Dart, Swift, JavaScript).
    Camel,
    /// `AuthorName` for any of them, `Id` for `id` (C#, Go).
    Pascal,
    /// The key as sent, or nearly (R; TypeScript docs whose names mix both cases).
    AsSent,
    /// A language not known here: any multi-word name may be converted.
    Unknown,
}

/// How `language`'s model docs write keys ([`ModelNames`]).
pub fn model_names(language: &str) -> ModelNames {
    match language {
        "python" | "" | "ruby" | "php" | "perl" | "rust" => ModelNames::Snake,
        "java" | "kotlin" | "dart" | "swift" | "javascript" => ModelNames::Camel,
        "csharp" | "go" => ModelNames::Pascal,
        // TypeScript's generators differ (typescript-node camelCases, typescript-axios keeps
        // keys as sent): a doc set's own names tell ([`ModelNames::Unknown`] until they do).
        "r" => ModelNames::AsSent,
        _ => ModelNames::Unknown,
    }
}

fn language(name: &str) -> Option<&'static Language> {
    LANGUAGES.iter().copied().find(|l| l.name == name)
}

/// The escapes a language's docs write (Python's are its own: `_from`, `var_from`); a
/// language not known here reads the common ones.
pub fn escapes(name: &str) -> &'static [Escape] {
    language(name).map_or(COMMON_ESCAPES, |l| l.escapes)
}

/// `a, Map<b, c>, d` → `["a", "Map<b, c>", "d"]`: commas outside any brackets.
fn split_args(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '<' | '[' | '(' | '{' => depth += 1,
            '>' | ']' | ')' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// Reads `s` with `lang`'s containers and scalars; `inner` reads a container's argument
/// (with every language's spellings again). `Ok(None)`: not one of this language's.
fn read_with(lang: &Language, s: &str, inner: &dyn Fn(&str) -> Result<TypeRef, String>) -> Result<Option<TypeRef>, String> {
    if let Some((_, t)) = lang.scalars.iter().find(|(k, _)| *k == s) {
        return Ok(Some(t.clone()));
    }
    for (open, close, shape) in lang.containers {
        let Some(arg) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) else { continue };
        let arg = arg.trim();
        if arg.is_empty() {
            continue;
        }
        return Ok(Some(match shape {
            // A list of bytes is a file (`Vec<u8>`, `[]byte`).
            List if matches!(arg.rsplit(['.', ':']).next(), Some("u8" | "byte" | "Byte")) => Binary,
            List => TypeRef::List(Box::new(inner(arg)?)),
            Map => TypeRef::Map(Box::new(inner(split_args(arg).last().copied().unwrap_or("").trim().trim_end_matches(';').trim())?)),
            Same => inner(arg)?,
        }));
    }
    // `kotlin.Int`, `\DateTime`, `chrono::NaiveDate`: the last segment.
    let last = s.rsplit(['\\', '.', ':']).next().unwrap_or(s);
    if last != s {
        if let Some((_, t)) = lang.scalars.iter().find(|(k, _)| *k == last) {
            return Ok(Some(t.clone()));
        }
    }
    Ok(None)
}

/// A type as `language`'s docs spell it: that language's table, then every other's.
pub fn read_type(language_name: &str, s: &str, inner: &dyn Fn(&str) -> Result<TypeRef, String>) -> Result<Option<TypeRef>, String> {
    let own = language(language_name);
    if let Some(l) = own {
        if let Some(t) = read_with(l, s, inner)? {
            return Ok(Some(t));
        }
    }
    if let Some(t) = read_with(&SHARED, s, inner)? {
        return Ok(Some(t));
    }
    for l in LANGUAGES.iter().filter(|l| !matches!(own, Some(o) if o.name == l.name)) {
        if let Some(t) = read_with(l, s, inner)? {
            return Ok(Some(t));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A recursive reader as `python::parse_py_type` gives it, over these tables only.
    fn read(lang: &str, s: &str) -> Option<TypeRef> {
        fn inner_in(lang: &'static str) -> impl Fn(&str) -> Result<TypeRef, String> {
            move |s: &str| read_type(lang, s, &inner_in(lang))?.ok_or_else(|| format!("unknown `{s}`"))
        }
        let lang: &'static str = LANGUAGES.iter().find(|l| l.name == lang).map_or("none", |l| l.name);
        read_type(lang, s, &inner_in(lang)).ok().flatten()
    }

    fn list(t: TypeRef) -> TypeRef {
        TypeRef::List(Box::new(t))
    }
    fn map(t: TypeRef) -> TypeRef {
        TypeRef::Map(Box::new(t))
    }

    /// One row per spelling: language, as written, what it means.
    #[test]
    fn every_language_reads_its_own_spellings() {
        let table: Vec<(&str, &str, TypeRef)> = vec![
            ("java", "List<String>", list(Str)), ("java", "Map<String, Integer>", map(Integer)), ("java", "OffsetDateTime", DateTime),
            ("java", "LocalDate", Date), ("java", "Date", DateTime), ("java", "File", Binary), ("java", "UUID", Str),
            ("kotlin", "kotlin.collections.List<kotlin.Long>", list(Integer)), ("kotlin", "java.time.OffsetDateTime", DateTime),
            ("kotlin", "kotlin.collections.Map<kotlin.String, kotlin.Any>", map(Any)), ("kotlin", "java.io.File", Binary), ("kotlin", "kotlin.Array<kotlin.Byte>", Binary),
            ("csharp", "List<long>", list(Integer)), ("csharp", "DateTime?", DateTime), ("csharp", "DateOnly", Date),
            ("csharp", "System.IO.Stream", Binary), ("csharp", "Dictionary<string, List<int>>", map(list(Integer))), ("csharp", "Guid", Str),
            ("go", "[]string", list(Str)), ("go", "map[string]int32", map(Integer)), ("go", "time.Time", DateTime),
            ("go", "*os.File", Binary), ("go", "Pointer to []string", list(Str)), ("go", "[]byte", Binary),
            ("go", "optional.Int32", Integer), ("go", "optional.Interface of []string", list(Str)), ("go", "optional.Time", DateTime),
            ("rust", "Option<Vec<String>>", list(Str)), ("rust", "chrono::NaiveDate", Date), ("rust", "std::path::PathBuf", Binary),
            ("rust", "std::collections::HashMap<String, i64>", map(Integer)), ("rust", "Vec<u8>", Binary), ("rust", "uuid::Uuid", Str),
            ("php", "string[]", list(Str)), ("php", "\\DateTime", DateTime), ("php", "\\SplFileObject", Binary), ("php", "int", Integer),
            ("ruby", "Array<Integer>", list(Integer)), ("ruby", "BOOLEAN", Boolean), ("ruby", "Date", Date), ("ruby", "Time", DateTime), ("ruby", "Hash<String, Float>", map(Number)),
            ("dart", "List<int>", list(Integer)), ("dart", "DateTime", DateTime), ("dart", "MultipartFile", Binary), ("dart", "num", Number),
            ("javascript", "[String]", list(Str)), ("javascript", "Number", Number), ("javascript", "Date", DateTime), ("javascript", "{String: Number}", map(Number)),
            ("typescript", "[string]", Str), ("typescript", "Array<number>", list(Number)), ("typescript", "{ [key: string]: string; }", map(Str)),
            ("typescript", "[File]", Binary),
            ("swift", "[String]", list(Str)), ("swift", "[String: Int64]", map(Integer)), ("swift", "[String:String]", map(Str)), ("swift", "URL", Binary), ("swift", "Date", DateTime),
            ("swift", "Bool?", Boolean),
            ("perl", "ARRAY[int]", list(Integer)), ("perl", "HASH[string,string]", map(Str)), ("perl", "DATE_TIME", DateTime), ("perl", "DATE", Date),
            ("r", "character", Str), ("r", "list( integer )", list(Integer)), ("r", "array[character]", list(Str)), ("r", "data.frame", Binary),
            ("r", "map(numeric)", map(Number)), ("r", "map", Any),
            ("r", "set[character]", list(Str)), ("r", "set[integer]", list(Integer))
        ];
        for (lang, spelled, want) in table {
            assert_eq!(read(lang, spelled), Some(want.clone()), "{lang} `{spelled}`");
        }
    }

    #[test]
    fn spellings_tell_the_language_of_a_doc_without_example_code() {
        for (spelled, lang) in [
            ("Option<String>", "rust"), ("i64", "rust"), ("kotlin.Int", "kotlin"), ("\\SplFileObject", "php"),
            ("ARRAY[string]", "perl"), ("character", "r"), ("time.Time", "go"), ("System.IO.Stream", "csharp"),
            ("Guid", "csharp"), ("OffsetDateTime", "java"),
        ] {
            assert_eq!(language_of_spelling(spelled), Some(lang), "`{spelled}`");
        }
        for spelled in ["String", "string", "List<String>", "Guidance", "int"] {
            assert_eq!(language_of_spelling(spelled), None, "`{spelled}`");
        }
    }

    /// The same spelling means what the doc's language means by it.
    #[test]
    fn a_spelling_means_what_the_docs_language_means() {
        assert_eq!(read("typescript", "[string]"), Some(Str));
        assert_eq!(read("javascript", "[String]"), Some(list(Str)));
        assert_eq!(read("ruby", "Date"), Some(Date));
        assert_eq!(read("javascript", "Date"), Some(DateTime));
        assert_eq!(read("swift", "URL"), Some(Binary));
        // A doc of no known language reads with every table, in order.
        assert_eq!(read("powershell", "List<String>"), Some(list(Str)));
        assert_eq!(read("powershell", "kotlin.Int"), Some(Integer));
        assert_eq!(read("java", "NotAType"), None);
    }
}
