//! Encoding of path segments, query strings, form bodies and Basic
//! credentials, and the [`QueryValue`] trait that turns typed values into
//! the strings sent on the wire.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything except the RFC 3986 "unreserved" characters
/// (`A-Z a-z 0-9 - . _ ~`) is percent-encoded.
const STRICT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The `application/x-www-form-urlencoded` set (WHATWG): everything except
/// `A-Z a-z 0-9 * - . _` is encoded; spaces become `+` separately.
const FORM: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'*')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_');

/// Percent-encodes `value` so that it stays one path segment: `/`, `?`, `#`,
/// `%`, spaces, non-ASCII and every other reserved character are encoded.
pub(crate) fn encode_path_segment(value: &str) -> String {
    utf8_percent_encode(value, STRICT).to_string()
}

/// Percent-encodes a query name or value (spaces as `%20`, `+` as `%2B`).
pub(crate) fn encode_query_component(value: &str) -> String {
    utf8_percent_encode(value, STRICT).to_string()
}

/// Appends a query string (without the leading `?`) built from name/value pairs to
/// `out`, encoding in place.
pub(crate) fn encode_query<'a, N, V>(pairs: impl IntoIterator<Item = &'a (N, V)>, out: &mut String)
where
    N: AsRef<str> + 'a,
    V: AsRef<str> + 'a,
{
    for (i, (name, value)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.extend(utf8_percent_encode(name.as_ref(), STRICT));
        out.push('=');
        out.extend(utf8_percent_encode(value.as_ref(), STRICT));
    }
}

fn encode_form_component(value: &str, out: &mut String) {
    for piece in utf8_percent_encode(value, FORM) {
        if piece == "%20" {
            out.push('+');
        } else {
            out.push_str(piece);
        }
    }
}

/// Encodes name/value pairs as an `application/x-www-form-urlencoded` body.
pub(crate) fn encode_form(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        encode_form_component(name, &mut out);
        out.push('=');
        encode_form_component(value, &mut out);
    }
    out
}

/// True when a path segment would be read as `.` or `..` by URL parsers,
/// which treat `%2e` as a dot (so such a segment cannot be sent as-is).
pub(crate) fn is_dot_segment(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase().replace("%2e", ".");
    lower == "." || lower == ".."
}

/// Standard base64 (RFC 4648, with padding), as used by HTTP Basic auth.
pub(crate) fn base64_encode(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b0 = chunk.first().copied().unwrap_or(0);
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let n = (u32::from(b0) << 16) | (u32::from(b1) << 8) | u32::from(b2);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 0x3f) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

/// A value that can be sent as a query parameter, form field, multipart
/// text part, header or path parameter.
///
/// Each value appends one string per element: scalars append exactly one,
/// sequences append one per element (so array query parameters repeat the
/// name: `?tag=a&tag=b`), `None` appends nothing.
///
/// | type | wire form |
/// | --- | --- |
/// | `str`, `String` | as-is (percent-encoding happens later) |
/// | `bool` | `true` / `false` |
/// | integers, floats | `Display` |
/// | [`time::OffsetDateTime`] | RFC 3339, e.g. `2024-01-02T03:04:05Z` |
/// | [`time::Date`] | `YYYY-MM-DD` |
/// | `Vec<T>`, `[T]`, `[T; N]` | each element |
/// | `Option<T>` | the inner value, or nothing |
/// | [`serde_json::Value`] | strings raw, anything else compact JSON |
pub trait QueryValue {
    /// Appends this value's wire form(s) to `out`.
    fn append_to(&self, out: &mut Vec<String>);

    /// Collects this value's wire forms into a new vector.
    fn to_query_strings(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.append_to(&mut out);
        out
    }
}

impl QueryValue for str {
    fn append_to(&self, out: &mut Vec<String>) {
        out.push(self.to_owned());
    }
}

impl QueryValue for String {
    fn append_to(&self, out: &mut Vec<String>) {
        out.push(self.clone());
    }
}

impl QueryValue for std::borrow::Cow<'_, str> {
    fn append_to(&self, out: &mut Vec<String>) {
        out.push(self.as_ref().to_owned());
    }
}

impl<T: QueryValue + ?Sized> QueryValue for &T {
    fn append_to(&self, out: &mut Vec<String>) {
        (**self).append_to(out);
    }
}

impl<T: QueryValue + ?Sized> QueryValue for Box<T> {
    fn append_to(&self, out: &mut Vec<String>) {
        (**self).append_to(out);
    }
}

impl QueryValue for bool {
    fn append_to(&self, out: &mut Vec<String>) {
        out.push(if *self { "true" } else { "false" }.to_owned());
    }
}

macro_rules! query_value_via_display {
    ($($t:ty),* $(,)?) => {
        $(
            impl QueryValue for $t {
                fn append_to(&self, out: &mut Vec<String>) {
                    out.push(self.to_string());
                }
            }
        )*
    };
}

query_value_via_display!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64, char
);

impl QueryValue for time::OffsetDateTime {
    fn append_to(&self, out: &mut Vec<String>) {
        let text = self
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_else(|_| self.to_string());
        out.push(text);
    }
}

impl QueryValue for time::Date {
    fn append_to(&self, out: &mut Vec<String>) {
        out.push(format!(
            "{:04}-{:02}-{:02}",
            self.year(),
            u8::from(self.month()),
            self.day()
        ));
    }
}

impl<T: QueryValue> QueryValue for [T] {
    fn append_to(&self, out: &mut Vec<String>) {
        for item in self {
            item.append_to(out);
        }
    }
}

impl<T: QueryValue, const N: usize> QueryValue for [T; N] {
    fn append_to(&self, out: &mut Vec<String>) {
        self.as_slice().append_to(out);
    }
}

impl<T: QueryValue> QueryValue for Vec<T> {
    fn append_to(&self, out: &mut Vec<String>) {
        self.as_slice().append_to(out);
    }
}

impl<T: QueryValue> QueryValue for Option<T> {
    fn append_to(&self, out: &mut Vec<String>) {
        if let Some(value) = self {
            value.append_to(out);
        }
    }
}

impl QueryValue for serde_json::Value {
    fn append_to(&self, out: &mut Vec<String>) {
        match self {
            serde_json::Value::String(s) => out.push(s.clone()),
            other => out.push(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segment_table() {
        let table = [
            ("plain", "plain"),
            ("a b", "a%20b"),
            ("a/b", "a%2Fb"),
            ("a?b", "a%3Fb"),
            ("a#b", "a%23b"),
            ("100%", "100%25"),
            ("a+b", "a%2Bb"),
            ("a;b=c&d", "a%3Bb%3Dc%26d"),
            ("file.tar.gz", "file.tar.gz"),
            ("~user_x-1", "~user_x-1"),
            ("é", "%C3%A9"),
            ("日本", "%E6%97%A5%E6%9C%AC"),
        ];
        for (raw, encoded) in table {
            assert_eq!(encode_path_segment(raw), encoded, "encoding {raw:?}");
        }
    }

    #[test]
    fn dot_segments_are_detected() {
        for seg in [".", "..", "%2e", "%2E%2e", ".%2E", "%2e."] {
            assert!(is_dot_segment(seg), "{seg}");
        }
        for seg in ["...", ".a", "a.", "%2e%2e%2e", "", "x"] {
            assert!(!is_dot_segment(seg), "{seg}");
        }
    }

    #[test]
    fn query_and_form_encoding() {
        let pairs = vec![
            ("q".to_owned(), "a b+c&d=e".to_owned()),
            ("name é".to_owned(), "ü".to_owned()),
        ];
        let mut query = String::new();
        encode_query(&pairs, &mut query);
        assert_eq!(query, "q=a%20b%2Bc%26d%3De&name%20%C3%A9=%C3%BC");
        assert_eq!(encode_form(&pairs), "q=a+b%2Bc%26d%3De&name+%C3%A9=%C3%BC");
        let mut empty = String::new();
        encode_query(&[] as &[(String, String)], &mut empty);
        assert_eq!(empty, "");
    }

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let table = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("Aladdin:open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
        ];
        for (raw, encoded) in table {
            assert_eq!(base64_encode(raw.as_bytes()), encoded);
        }
        assert_eq!(base64_encode(&[0xff, 0xfe, 0xfd]), "//79");
    }

    #[test]
    fn query_values() {
        assert_eq!(true.to_query_strings(), ["true"]);
        assert_eq!(false.to_query_strings(), ["false"]);
        assert_eq!(42u64.to_query_strings(), ["42"]);
        assert_eq!((-7i32).to_query_strings(), ["-7"]);
        assert_eq!(1.5f64.to_query_strings(), ["1.5"]);
        assert_eq!("x y".to_query_strings(), ["x y"]);
        assert_eq!(String::from("s").to_query_strings(), ["s"]);
        assert_eq!(vec![1, 2, 3].to_query_strings(), ["1", "2", "3"]);
        assert_eq!(["a", "b"].to_query_strings(), ["a", "b"]);
        assert_eq!(Some(5u8).to_query_strings(), ["5"]);
        assert!(None::<u8>.to_query_strings().is_empty());
        assert!(Vec::<String>::new().to_query_strings().is_empty());

        let dt = time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        assert_eq!(dt.to_query_strings(), ["2023-11-14T22:13:20Z"]);
        let offset = time::UtcOffset::from_hms(2, 0, 0).unwrap();
        assert_eq!(
            dt.to_offset(offset).to_query_strings(),
            ["2023-11-15T00:13:20+02:00"]
        );
        let date = time::Date::from_calendar_date(2024, time::Month::February, 9).unwrap();
        assert_eq!(date.to_query_strings(), ["2024-02-09"]);

        let json = serde_json::json!({"a": [1, "b"]});
        assert_eq!(json.to_query_strings(), [r#"{"a":[1,"b"]}"#]);
        assert_eq!(serde_json::json!("raw").to_query_strings(), ["raw"]);
        assert_eq!(serde_json::json!(3).to_query_strings(), ["3"]);
    }
}
