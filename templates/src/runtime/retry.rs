//! When and how long to wait before trying a request again.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};

/// Retry settings of a client.
///
/// Which attempts are retried:
/// * connection failures (the request was never sent), for any method;
/// * `429 Too Many Requests`, for any method;
/// * `502`, `503`, `504`, timeouts and other transport failures only for
///   idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS, TRACE).
///
/// Requests carrying a streamed multipart part are never retried.
/// Waits grow exponentially from `initial_backoff` up to `max_backoff`,
/// with jitter; a `Retry-After` header (seconds or HTTP date) replaces the
/// computed wait when `honour_retry_after` is set, capped at
/// `max_retry_after`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Retries after the first attempt (default 2; 0 disables retrying).
    pub max_retries: u32,
    /// Wait before the first retry, doubled for each further one
    /// (default 200 ms).
    pub initial_backoff: Duration,
    /// Upper bound of the computed wait (default 5 s).
    pub max_backoff: Duration,
    /// Whether a `Retry-After` header sets the wait (default true).
    pub honour_retry_after: bool,
    /// Upper bound of a wait taken from `Retry-After` (default 60 s).
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            honour_retry_after: true,
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// Sets the number of retries after the first attempt.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// Sets the wait before the first retry.
    pub fn initial_backoff(mut self, d: Duration) -> Self {
        self.initial_backoff = d;
        self
    }

    /// Sets the upper bound of the computed wait.
    pub fn max_backoff(mut self, d: Duration) -> Self {
        self.max_backoff = d;
        self
    }

    /// Sets whether `Retry-After` headers are honoured.
    pub fn honour_retry_after(mut self, yes: bool) -> Self {
        self.honour_retry_after = yes;
        self
    }

    /// Sets the upper bound of a wait taken from `Retry-After`.
    pub fn max_retry_after(mut self, d: Duration) -> Self {
        self.max_retry_after = d;
        self
    }

    /// The exponential wait before retry number `attempt + 1` (0-based
    /// `attempt`), with "equal jitter": between half and all of it.
    pub(crate) fn backoff(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.min(31));
        let base = self
            .initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff);
        let half = base / 2;
        let half_nanos = u64::try_from(half.as_nanos()).unwrap_or(u64::MAX);
        let extra = u128::from(half_nanos) * u128::from(jitter() % 1024) / 1024;
        half.saturating_add(Duration::from_nanos(
            u64::try_from(extra).unwrap_or(u64::MAX),
        ))
    }

    /// The wait before retry number `attempt + 1`, taking `Retry-After`
    /// from the response headers into account.
    pub(crate) fn delay(&self, attempt: u32, headers: Option<&HeaderMap>) -> Duration {
        if self.honour_retry_after {
            let retry_after = headers
                .and_then(|h| h.get(RETRY_AFTER))
                .and_then(|v| v.to_str().ok())
                .and_then(|v| parse_retry_after(v, SystemTime::now()));
            if let Some(wait) = retry_after {
                return wait.min(self.max_retry_after);
            }
        }
        self.backoff(attempt)
    }
}

/// Parses a `Retry-After` value: delay seconds or an HTTP date
/// (IMF-fixdate, e.g. `Wed, 21 Oct 2015 07:28:00 GMT`). Dates in the past
/// mean "now". Anything else is ignored.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(
            value.parse::<u64>().unwrap_or(u64::MAX),
        ));
    }
    let date = parse_http_date(value)?;
    let now = time::OffsetDateTime::from(now);
    let wait = date - now;
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`; the weekday is
/// not checked).
fn parse_http_date(value: &str) -> Option<time::OffsetDateTime> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut words = value.split_ascii_whitespace();
    let mut word = words.next()?;
    if word.ends_with(',') {
        word = words.next()?;
    }
    let day: u8 = word.parse().ok()?;
    let month_word = words.next()?.to_ascii_lowercase();
    let month_index = MONTHS.iter().position(|m| *m == month_word)?;
    let month = time::Month::try_from(u8::try_from(month_index + 1).ok()?).ok()?;
    let year: i32 = words.next()?.parse().ok()?;
    let mut clock = words.next()?.split(':');
    let hour: u8 = clock.next()?.parse().ok()?;
    let minute: u8 = clock.next()?.parse().ok()?;
    let second: u8 = clock.next()?.parse().ok()?;
    if clock.next().is_some()
        || !words.next()?.eq_ignore_ascii_case("GMT")
        || words.next().is_some()
    {
        return None;
    }
    let date = time::Date::from_calendar_date(year, month, day).ok()?;
    let time = time::Time::from_hms(hour, minute, second).ok()?;
    Some(time::PrimitiveDateTime::new(date, time).assume_utc())
}

/// Statuses worth retrying (for idempotent methods; 429 for any).
pub(crate) fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

/// GET, HEAD, PUT, DELETE, OPTIONS and TRACE.
pub(crate) fn is_idempotent(method: &Method) -> bool {
    [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::TRACE,
    ]
    .contains(method)
}

/// Whether an answer with this status should be retried for this method.
pub(crate) fn should_retry_status(status: StatusCode, idempotent: bool) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || (idempotent && is_retryable_status(status))
}

/// Whether a failed attempt should be retried for this method.
pub(crate) fn should_retry_error(error: &super::error::Error, idempotent: bool) -> bool {
    use super::error::Error;
    match error {
        Error::Transport { source, .. } => source.is_connect() || idempotent,
        Error::Timeout { .. } => idempotent,
        _ => false,
    }
}

/// A cheap, non-cryptographic random number for jitter.
fn jitter() -> u64 {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};

    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    hasher.write_u128(nanos);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let p = RetryPolicy::default();
        assert_eq!(p.max_retries, 2);
        assert_eq!(p.initial_backoff, Duration::from_millis(200));
        assert_eq!(p.max_backoff, Duration::from_secs(5));
        assert!(p.honour_retry_after);
        assert_eq!(p.max_retry_after, Duration::from_secs(60));
        assert_eq!(RetryPolicy::none().max_retries, 0);
        let p = RetryPolicy::default()
            .max_retries(5)
            .initial_backoff(Duration::from_millis(1))
            .max_backoff(Duration::from_millis(2))
            .honour_retry_after(false)
            .max_retry_after(Duration::from_millis(3));
        assert_eq!(
            (
                p.max_retries,
                p.initial_backoff,
                p.max_backoff,
                p.honour_retry_after,
                p.max_retry_after
            ),
            (
                5,
                Duration::from_millis(1),
                Duration::from_millis(2),
                false,
                Duration::from_millis(3)
            )
        );
    }

    #[test]
    fn backoff_grows_with_jitter_and_is_capped() {
        let p = RetryPolicy::default();
        for attempt in 0..40 {
            let base = Duration::from_millis(200)
                .saturating_mul(2u32.saturating_pow(attempt.min(31)))
                .min(Duration::from_secs(5));
            let d = p.backoff(attempt);
            assert!(d >= base / 2 && d <= base, "attempt {attempt}: {d:?}");
        }
        let huge = RetryPolicy::default()
            .initial_backoff(Duration::MAX)
            .max_backoff(Duration::MAX);
        let _ = huge.backoff(u32::MAX);
    }

    #[test]
    fn retry_after_values() {
        let now = UNIX_EPOCH + Duration::from_secs(1_445_412_480); // Wed, 21 Oct 2015 07:28:00 GMT
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after("21 Oct 2015 07:28:05 GMT", now),
            Some(Duration::from_secs(5))
        );
        for junk in [
            "",
            "-1",
            "soon",
            "1.5",
            "Wed, 99 Oct 2015 07:28:30 GMT",
            "Wed, 21 Foo 2015 07:28:30 GMT",
            "Wed, 21 Oct 2015 07:28:30 PST",
            "Wed, 21 Oct 2015 07:28 GMT",
            "Wed, 21 Oct 2015 25:28:30 GMT",
            "Wed, 21 Oct 2015 07:28:30 GMT extra",
            "99999999999999999999999",
        ] {
            let parsed = parse_retry_after(junk, now);
            if junk.starts_with('9') {
                assert!(parsed.is_some());
            } else {
                assert_eq!(parsed, None, "{junk}");
            }
        }
    }

    #[test]
    fn delay_honours_and_caps_retry_after() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "3".parse().unwrap());
        let p = RetryPolicy::default().initial_backoff(Duration::from_millis(10));
        assert_eq!(p.delay(0, Some(&headers)), Duration::from_secs(3));
        let capped = p.clone().max_retry_after(Duration::from_secs(1));
        assert_eq!(capped.delay(0, Some(&headers)), Duration::from_secs(1));
        let ignored = p.clone().honour_retry_after(false);
        assert!(ignored.delay(0, Some(&headers)) <= Duration::from_millis(10));
        assert!(p.delay(0, None) <= Duration::from_millis(10));
    }

    #[test]
    fn which_answers_are_retried() {
        assert!(is_idempotent(&Method::GET));
        assert!(is_idempotent(&Method::PUT));
        assert!(is_idempotent(&Method::DELETE));
        assert!(!is_idempotent(&Method::POST));
        assert!(!is_idempotent(&Method::PATCH));
        assert!(should_retry_status(StatusCode::TOO_MANY_REQUESTS, false));
        assert!(should_retry_status(StatusCode::SERVICE_UNAVAILABLE, true));
        assert!(!should_retry_status(StatusCode::SERVICE_UNAVAILABLE, false));
        assert!(!should_retry_status(StatusCode::BAD_GATEWAY, false));
        assert!(!should_retry_status(
            StatusCode::INTERNAL_SERVER_ERROR,
            true
        ));
        assert!(!should_retry_status(StatusCode::OK, true));
        use super::super::error::Error;
        assert!(should_retry_error(
            &Error::Timeout {
                operation: "op",
                kind: super::super::error::TimeoutKind::Attempt,
                limit: Duration::from_secs(1),
            },
            true
        ));
        assert!(!should_retry_error(
            &Error::Timeout {
                operation: "op",
                kind: super::super::error::TimeoutKind::Attempt,
                limit: Duration::from_secs(1),
            },
            false
        ));
        assert!(!should_retry_error(
            &Error::InvalidArgument(String::new()),
            true
        ));
    }
}
