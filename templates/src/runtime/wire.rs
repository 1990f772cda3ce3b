//! Serde helpers that generated models use: calendar dates as `YYYY-MM-DD`, and fields
//! that can be absent, `null`, or a value (`Option<Option<T>>`), so that a PATCH body can
//! send an explicit `null` as well as leave a field out.
//!
//! Date-times use `time::serde::rfc3339` (and its `option` module) directly.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::format_description::well_known::Iso8601;

fn format_date(date: &time::Date) -> Result<String, time::error::Format> {
    date.format(&Iso8601::DATE)
}

fn parse_date(text: &str) -> Result<time::Date, time::error::Parse> {
    time::Date::parse(text, &Iso8601::DATE)
}

/// `time::Date` as `"2024-01-31"`.
pub mod date {
    use super::*;

    /// Serializes a date as `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &time::Date, s: S) -> Result<S::Ok, S::Error> {
        format_date(date).map_err(serde::ser::Error::custom)?.serialize(s)
    }

    /// Deserializes a `YYYY-MM-DD` date.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<time::Date, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text).map_err(serde::de::Error::custom)
    }

    /// `Option<time::Date>`: `None` is `null`.
    pub mod option {
        use super::super::*;

        /// Serializes an optional date.
        pub fn serialize<S: Serializer>(date: &Option<time::Date>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(d) => format_date(d).map_err(serde::ser::Error::custom)?.serialize(s),
                None => s.serialize_none(),
            }
        }

        /// Deserializes an optional date.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<time::Date>, D::Error> {
            match Option::<String>::deserialize(d)? {
                Some(text) => parse_date(&text).map(Some).map_err(serde::de::Error::custom),
                None => Ok(None),
            }
        }
    }

    /// `Option<Option<time::Date>>`: absent, `null`, or a date.
    pub mod double_option {
        use super::super::*;

        /// Serializes `Some(None)` as `null`; use with `skip_serializing_if = "Option::is_none"`.
        pub fn serialize<S: Serializer>(date: &Option<Option<time::Date>>, s: S) -> Result<S::Ok, S::Error> {
            super::option::serialize(&date.unwrap_or(None), s)
        }

        /// A present field: `null` gives `Some(None)`. Use with `#[serde(default)]`.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<time::Date>>, D::Error> {
            super::option::deserialize(d).map(Some)
        }
    }
}

/// `Option<Option<time::OffsetDateTime>>` as RFC 3339: absent, `null`, or a date-time.
pub mod rfc3339_double_option {
    use super::*;

    /// Serializes `Some(None)` as `null`; use with `skip_serializing_if = "Option::is_none"`.
    pub fn serialize<S: Serializer>(value: &Option<Option<time::OffsetDateTime>>, s: S) -> Result<S::Ok, S::Error> {
        time::serde::rfc3339::option::serialize(&value.unwrap_or(None), s)
    }

    /// A present field: `null` gives `Some(None)`. Use with `#[serde(default)]`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<time::OffsetDateTime>>, D::Error> {
        time::serde::rfc3339::option::deserialize(d).map(Some)
    }
}

/// `Option<Option<T>>`: absent (`None`), `null` (`Some(None)`), or a value.
pub mod double_option {
    use super::*;

    /// Serializes `Some(None)` as `null`; use with `skip_serializing_if = "Option::is_none"`.
    pub fn serialize<T: Serialize, S: Serializer>(value: &Option<Option<T>>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(Some(v)) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }

    /// A present field: `null` gives `Some(None)`. Use with `#[serde(default)]`.
    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Patch {
        #[serde(default, skip_serializing_if = "Option::is_none", with = "super::double_option")]
        nickname: Option<Option<String>>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "super::date::double_option")]
        born: Option<Option<time::Date>>,
        #[serde(default, skip_serializing_if = "Option::is_none", with = "super::rfc3339_double_option")]
        seen: Option<Option<time::OffsetDateTime>>,
        #[serde(with = "super::date")]
        day: time::Date,
    }

    #[test]
    fn absent_null_and_value_are_three_different_things() {
        let day = time::Date::from_calendar_date(2024, time::Month::January, 31).unwrap();
        let cases = [
            (Patch { nickname: None, born: None, seen: None, day }, r#"{"day":"2024-01-31"}"#),
            (
                Patch { nickname: Some(None), born: Some(None), seen: Some(None), day },
                r#"{"nickname":null,"born":null,"seen":null,"day":"2024-01-31"}"#,
            ),
            (
                Patch {
                    nickname: Some(Some("Rex".into())),
                    born: Some(Some(day)),
                    seen: Some(Some(time::macros_free_datetime())),
                    day,
                },
                r#"{"nickname":"Rex","born":"2024-01-31","seen":"2024-01-31T12:30:00Z","day":"2024-01-31"}"#,
            ),
        ];
        for (value, json) in cases {
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
            assert_eq!(serde_json::from_str::<Patch>(json).unwrap(), value);
        }
        assert!(serde_json::from_str::<Patch>(r#"{"day":"31/01/2024"}"#).is_err());
    }

    mod time {
        pub use ::time::*;
        pub fn macros_free_datetime() -> OffsetDateTime {
            let day = Date::from_calendar_date(2024, Month::January, 31).unwrap();
            day.with_hms(12, 30, 0).unwrap().assume_utc()
        }
    }
}
