//! Rust identifiers from source names: one `sanitize` for every name the renderer emits.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Which Rust naming convention to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// functions, methods, fields, modules: `get_user`
    Snake,
    /// types and variants: `GetUser`
    Pascal,
}

/// Strict and reserved keywords of every edition, plus the weak ones that break in places.
pub(crate) const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen", "union",
];

/// Turns any source name into a Rust identifier in `case`:
/// symbols and non-ASCII become word breaks, a leading digit gets a prefix (`_` for snake
/// case, `V` for Pascal case), keywords get a trailing `_`, and names listed in `reserved`
/// (the generated code's own names in that scope) get a trailing `_` too. Never empty.
pub fn sanitize(name: &str, case: Case, reserved: &[&str]) -> String {
    let mut cleaned = String::with_capacity(name.len());
    for c in name.chars() {
        match fold_latin(c) {
            Some(ascii) => cleaned.push_str(ascii),
            None if c.is_ascii_alphanumeric() => cleaned.push(c),
            None => cleaned.push(' '),
        }
    }
    let mut id = match case {
        Case::Snake => cleaned.to_snake_case(),
        Case::Pascal => cleaned.to_upper_camel_case(),
    };
    if id.is_empty() {
        id = match case {
            Case::Snake => "unnamed".into(),
            Case::Pascal => "Unnamed".into(),
        };
    }
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        id.insert_str(0, if case == Case::Snake { "n" } else { "V" });
    }
    if KEYWORDS.contains(&id.as_str()) || reserved.contains(&id.as_str()) {
        id.push('_');
    }
    id
}

/// ASCII for the accented Latin letters of Latin-1 and Latin Extended-A (`é` → `e`,
/// `ß` → `ss`), so that `créer` becomes `creer` rather than `cr_er`.
fn fold_latin(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐÐ", "D"),
        ("ďđð", "d"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"),
        ("ĤĦ", "H"), ("ĥħ", "h"), ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"),
        ("Ķ", "K"), ("ķ", "k"), ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņňŉ", "n"),
        ("ÒÓÔÕÖØŌŎŐ", "O"), ("òóôõöøōŏő", "o"), ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠ", "S"),
        ("śŝşš", "s"), ("ŢŤŦ", "T"), ("ţťŧ", "t"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"),
        ("Ŵ", "W"), ("ŵ", "w"), ("ÝŶŸ", "Y"), ("ýÿŷ", "y"), ("ŹŻŽ", "Z"), ("źżž", "z"),
        ("Æ", "AE"), ("æ", "ae"), ("Œ", "OE"), ("œ", "oe"), ("ß", "ss"), ("Þ", "TH"), ("þ", "th"),
    ];
    if c.is_ascii() {
        return None;
    }
    TABLE.iter().find(|(from, _)| from.contains(c)).map(|(_, to)| *to)
}

/// A wire name as a snake_case identifier (`X-API-KEY` → `x_api_key`, `page[size]` →
/// `page_size`); `fallback` when no letter or digit is left.
pub fn snake_identifier(wire: &str, fallback: &str) -> String {
    let s: String = wire.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
    let s = heck::ToSnakeCase::to_snake_case(s.trim_matches('_'));
    if s.is_empty() {
        fallback.into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_table() {
        let cases: &[(&str, Case, &[&str], &str)] = &[
            ("get_user", Case::Snake, &[], "get_user"),
            ("getUserById", Case::Snake, &[], "get_user_by_id"),
            ("o_bpv2_0_0_add_entitlement", Case::Snake, &[], "o_bpv2_0_0_add_entitlement"),
            ("USER_ID", Case::Snake, &[], "user_id"),
            ("X-Request-Id", Case::Snake, &[], "x_request_id"),
            ("type", Case::Snake, &[], "type_"),
            ("self", Case::Snake, &[], "self_"),
            ("match", Case::Snake, &[], "match_"),
            ("async", Case::Snake, &[], "async_"),
            ("crate", Case::Snake, &[], "crate_"),
            ("Self", Case::Pascal, &[], "Self_"),
            ("2fa", Case::Snake, &[], "n2fa"),
            ("2fa", Case::Pascal, &[], "V2fa"),
            ("ünïcode näme", Case::Snake, &[], "unicode_name"),
            ("créer_élément", Case::Pascal, &[], "CreerElement"),
            ("Straße", Case::Snake, &[], "strasse"),
            ("日本語", Case::Snake, &[], "unnamed"),
            ("名前_id", Case::Snake, &[], "id"),
            ("get-thing.v2", Case::Snake, &[], "get_thing_v2"),
            ("a\u{0}b\r\nc", Case::Snake, &[], "a_b_c"),
            ("__init__", Case::Snake, &[], "init"),
            ("123", Case::Snake, &[], "n123"),
            ("123", Case::Pascal, &[], "V123"),
            ("self request", Case::Pascal, &[], "SelfRequest"),
            ("String", Case::Pascal, &["String", "Option"], "String_"),
            ("r#type", Case::Snake, &[], "r_type"),
            ("$%&", Case::Snake, &[], "unnamed"),
            ("", Case::Pascal, &[], "Unnamed"),
            ("new", Case::Snake, &["new", "builder"], "new_"),
            ("user", Case::Pascal, &[], "User"),
            ("list_users200_response", Case::Pascal, &[], "ListUsers200Response"),
            ("Error", Case::Pascal, &["Error", "Client"], "Error_"),
        ];
        for (input, case, reserved, want) in cases {
            assert_eq!(sanitize(input, *case, reserved), *want, "{input} {case:?}");
        }
    }
}
