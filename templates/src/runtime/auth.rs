//! Credentials, security schemes and the choice of what to send.

use std::fmt;

use bytes::Bytes;
use reqwest::header::{HeaderName, HeaderValue, AUTHORIZATION};

use super::encode::base64_encode;
use super::error::Error;

/// A secret string (password, token, API key).
///
/// `Debug` and `Display` print `***`; use [`Secret::expose`] to read it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

/// A credential configured for one security scheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credential {
    /// HTTP Basic: `Authorization: Basic base64(username:password)`.
    Basic {
        /// User name.
        username: String,
        /// Password.
        password: Secret,
    },
    /// Bearer token (also OAuth2 access tokens):
    /// `Authorization: Bearer <token>`.
    Bearer(Secret),
    /// API key, sent where the scheme says (header, query or cookie).
    ApiKey(Secret),
}

impl Credential {
    /// HTTP Basic credentials.
    pub fn basic(username: impl Into<String>, password: impl Into<Secret>) -> Self {
        Credential::Basic {
            username: username.into(),
            password: password.into(),
        }
    }

    /// A bearer (or OAuth2 access) token.
    pub fn bearer(token: impl Into<Secret>) -> Self {
        Credential::Bearer(token.into())
    }

    /// An API key.
    pub fn api_key(key: impl Into<Secret>) -> Self {
        Credential::ApiKey(key.into())
    }
}

/// Credentials by security scheme name. `Debug` never shows secrets.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    entries: Vec<Entry>,
}

/// A credential with the header values it can be sent as, made once when it is set
/// rather than on every request (`None`: not a valid header value, reported when a
/// request would send it).
#[derive(Clone, PartialEq, Eq)]
struct Entry {
    scheme_name: &'static str,
    credential: Credential,
    /// `Basic base64(username:password)` or `Bearer <token>`.
    authorization: Option<HeaderValue>,
    /// The secret itself, for API key headers.
    raw: Option<HeaderValue>,
}

impl Entry {
    fn new(scheme_name: &'static str, credential: Credential) -> Entry {
        let sensitive = |value: &[u8]| {
            let mut value = HeaderValue::from_maybe_shared(Bytes::copy_from_slice(value)).ok()?;
            value.set_sensitive(true);
            Some(value)
        };
        let (authorization, raw) = match &credential {
            Credential::Basic { username, password } => {
                let token = base64_encode(format!("{username}:{}", password.expose()).as_bytes());
                (sensitive(format!("Basic {token}").as_bytes()), None)
            }
            Credential::Bearer(secret) | Credential::ApiKey(secret) => (
                sensitive(format!("Bearer {}", secret.expose()).as_bytes()),
                sensitive(secret.expose().as_bytes()),
            ),
        };
        Entry {
            scheme_name,
            credential,
            authorization,
            raw,
        }
    }
}

impl Credentials {
    /// No credentials.
    pub fn new() -> Self {
        Credentials::default()
    }

    /// Sets (or replaces) the credential of a security scheme.
    pub fn set(&mut self, scheme_name: &'static str, credential: Credential) {
        let entry = Entry::new(scheme_name, credential);
        match self
            .entries
            .iter_mut()
            .find(|e| e.scheme_name == scheme_name)
        {
            Some(existing) => *existing = entry,
            None => self.entries.push(entry),
        }
    }

    /// Removes the credential of a security scheme, returning it.
    pub fn remove(&mut self, scheme_name: &str) -> Option<Credential> {
        let index = self
            .entries
            .iter()
            .position(|e| e.scheme_name == scheme_name)?;
        Some(self.entries.remove(index).credential)
    }

    /// The credential of a security scheme.
    pub fn get(&self, scheme_name: &str) -> Option<&Credential> {
        self.entry(scheme_name).map(|e| &e.credential)
    }

    fn entry(&self, scheme_name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.scheme_name == scheme_name)
    }

    /// Names of the schemes that have a credential, in insertion order.
    pub fn scheme_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.scheme_name)
    }

    /// Whether no credential is configured.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of configured credentials.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|e| (e.scheme_name, &e.credential)))
            .finish()
    }
}

/// Where an API key goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// The kind of a security scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuthKind {
    /// HTTP Basic.
    Basic,
    /// HTTP Bearer; OAuth2 access tokens are sent this way too.
    Bearer,
    /// API key.
    ApiKey {
        /// Where the key goes.
        location: KeyLocation,
        /// Name of the header, query parameter or cookie.
        name: &'static str,
    },
}

/// A security scheme as documented; generated code keeps `static` tables
/// of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AuthScheme {
    /// Scheme name, the key for [`Credentials`].
    pub name: &'static str,
    /// What the scheme sends.
    pub kind: AuthKind,
}

/// Which credentials an operation sends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Security<'a> {
    /// No authorization required: send nothing.
    #[default]
    None,
    /// Send every configured credential among these schemes, in this order,
    /// but never two that target the same header (case-insensitive), query
    /// parameter or cookie: the first one wins. Nothing configured is not
    /// an error.
    AnyConfigured(&'a [&'a AuthScheme]),
    /// Alternatives (OR) of scheme sets (AND): the first alternative whose
    /// credentials are all configured is sent. An empty alternative means
    /// "no authorization" is acceptable. When no alternative is complete the
    /// request fails with [`Error::MissingCredentials`] before anything is
    /// sent.
    Alternatives(&'a [&'a [&'a AuthScheme]]),
}

/// A credential rendered for one request.
#[derive(Clone, Debug)]
pub(crate) enum AppliedAuth {
    /// Insert (replace) this header.
    Header(HeaderName, HeaderValue),
    /// Append this query pair.
    Query(&'static str, String),
    /// Add this cookie.
    Cookie(&'static str, String),
}

impl AppliedAuth {
    /// Whether this credential travels in `target`'s header, query parameter or cookie.
    fn goes_to(&self, target: &Target) -> bool {
        match (self, target) {
            (AppliedAuth::Header(a, _), Target::Header(b)) => a == b,
            (AppliedAuth::Query(a, _), Target::Query(b)) | (AppliedAuth::Cookie(a, _), Target::Cookie(b)) => a == b,
            _ => false,
        }
    }
}

/// Where a scheme's credential travels: two schemes with the same target never both send.
enum Target {
    Header(HeaderName),
    Query(&'static str),
    Cookie(&'static str),
}

fn target(scheme: &AuthScheme) -> Result<Target, Error> {
    Ok(match scheme.kind {
        AuthKind::Basic | AuthKind::Bearer => Target::Header(AUTHORIZATION),
        AuthKind::ApiKey { location, name } => match location {
            KeyLocation::Header => Target::Header(header_name(scheme, name)?),
            KeyLocation::Query => Target::Query(name),
            KeyLocation::Cookie => Target::Cookie(name),
        },
    })
}

fn header_name(scheme: &AuthScheme, name: &str) -> Result<HeaderName, Error> {
    HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
        Error::InvalidArgument(format!(
            "security scheme `{}` names an invalid header `{name}`",
            scheme.name
        ))
    })
}

/// The configured credential usable for `scheme`: Basic schemes need a
/// Basic credential; bearer and API key schemes take a token or a key.
fn usable<'c>(scheme: &AuthScheme, credentials: &'c Credentials) -> Option<&'c Entry> {
    let entry = credentials.entry(scheme.name)?;
    let fits = matches!(
        (scheme.kind, &entry.credential),
        (AuthKind::Basic, Credential::Basic { .. })
            | (
                AuthKind::Bearer | AuthKind::ApiKey { .. },
                Credential::Bearer(_) | Credential::ApiKey(_)
            )
    );
    fits.then_some(entry)
}

fn header_value(scheme: &AuthScheme, value: &Option<HeaderValue>) -> Result<HeaderValue, Error> {
    value.clone().ok_or_else(|| {
        Error::InvalidArgument(format!(
            "the credential for security scheme `{}` is not a valid header value",
            scheme.name
        ))
    })
}

fn render(scheme: &AuthScheme, entry: &Entry) -> Result<AppliedAuth, Error> {
    let secret = match &entry.credential {
        Credential::Basic { .. } => {
            return Ok(AppliedAuth::Header(
                AUTHORIZATION,
                header_value(scheme, &entry.authorization)?,
            ))
        }
        Credential::Bearer(secret) | Credential::ApiKey(secret) => secret.expose(),
    };
    Ok(match scheme.kind {
        AuthKind::Basic | AuthKind::Bearer => {
            AppliedAuth::Header(AUTHORIZATION, header_value(scheme, &entry.authorization)?)
        }
        AuthKind::ApiKey { location, name } => match location {
            KeyLocation::Header => {
                AppliedAuth::Header(header_name(scheme, name)?, header_value(scheme, &entry.raw)?)
            }
            KeyLocation::Query => AppliedAuth::Query(name, secret.to_owned()),
            KeyLocation::Cookie => {
                if secret.contains([';', ',']) || secret.chars().any(char::is_control) {
                    return Err(Error::InvalidArgument(format!(
                        "the credential for security scheme `{}` is not a valid cookie value",
                        scheme.name
                    )));
                }
                AppliedAuth::Cookie(name, secret.to_owned())
            }
        },
    })
}

/// Chooses and renders the credentials an operation sends.
pub(crate) fn resolve(
    security: &Security<'_>,
    credentials: &Credentials,
    operation: &'static str,
) -> Result<Vec<AppliedAuth>, Error> {
    let candidates: &[&AuthScheme] = match *security {
        Security::None => return Ok(Vec::new()),
        Security::AnyConfigured(schemes) => schemes,
        Security::Alternatives(alternatives) => {
            let complete = alternatives
                .iter()
                .find(|alternative| alternative.iter().all(|s| usable(s, credentials).is_some()));
            match complete {
                Some(alternative) => alternative,
                None if alternatives.is_empty() => return Ok(Vec::new()),
                None => {
                    let mut missing: Vec<&'static str> = Vec::new();
                    for scheme in alternatives.iter().copied().flatten() {
                        if usable(scheme, credentials).is_none() && !missing.contains(&scheme.name) {
                            missing.push(scheme.name);
                        }
                    }
                    return Err(Error::MissingCredentials { operation, missing });
                }
            }
        }
    };
    let mut applied: Vec<AppliedAuth> = Vec::new();
    for scheme in candidates {
        let Some(entry) = usable(scheme, credentials) else {
            continue;
        };
        let target = target(scheme)?;
        if applied.iter().any(|a| a.goes_to(&target)) {
            continue;
        }
        applied.push(render(scheme, entry)?);
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    static BASIC: AuthScheme = AuthScheme {
        name: "basic",
        kind: AuthKind::Basic,
    };
    static BEARER: AuthScheme = AuthScheme {
        name: "bearer",
        kind: AuthKind::Bearer,
    };
    static KEY_HEADER: AuthScheme = AuthScheme {
        name: "key_header",
        kind: AuthKind::ApiKey {
            location: KeyLocation::Header,
            name: "X-Api-Key",
        },
    };
    static KEY_HEADER_2: AuthScheme = AuthScheme {
        name: "key_header_2",
        kind: AuthKind::ApiKey {
            location: KeyLocation::Header,
            name: "x-api-key",
        },
    };
    static KEY_QUERY: AuthScheme = AuthScheme {
        name: "key_query",
        kind: AuthKind::ApiKey {
            location: KeyLocation::Query,
            name: "api_key",
        },
    };
    static KEY_COOKIE: AuthScheme = AuthScheme {
        name: "key_cookie",
        kind: AuthKind::ApiKey {
            location: KeyLocation::Cookie,
            name: "session",
        },
    };

    fn creds(list: &[(&'static str, Credential)]) -> Credentials {
        let mut c = Credentials::new();
        for (name, credential) in list {
            c.set(name, credential.clone());
        }
        c
    }

    fn describe(applied: &[AppliedAuth]) -> Vec<String> {
        applied
            .iter()
            .map(|a| match a {
                AppliedAuth::Header(n, v) => format!("header {n}: {}", v.to_str().unwrap()),
                AppliedAuth::Query(n, v) => format!("query {n}={v}"),
                AppliedAuth::Cookie(n, v) => format!("cookie {n}={v}"),
            })
            .collect()
    }

    #[test]
    fn secrets_never_show_in_debug_or_display() {
        let secret = Secret::from("hunter2");
        assert_eq!(format!("{secret:?}"), "***");
        assert_eq!(format!("{secret}"), "***");
        assert_eq!(secret.expose(), "hunter2");
        let c = creds(&[
            ("basic", Credential::basic("alice", "hunter2")),
            ("bearer", Credential::bearer(String::from("tok-123"))),
            ("key", Credential::api_key("k-456")),
        ]);
        let shown = format!("{c:?} {c:#?}");
        for s in ["hunter2", "tok-123", "k-456"] {
            assert!(!shown.contains(s), "{shown}");
        }
        assert!(
            shown.contains("basic") && shown.contains("alice"),
            "{shown}"
        );
    }

    #[test]
    fn credentials_set_replace_remove() {
        let mut c = Credentials::new();
        assert!(c.is_empty());
        c.set("a", Credential::bearer("1"));
        c.set("b", Credential::bearer("2"));
        c.set("a", Credential::bearer("3"));
        assert_eq!(c.len(), 2);
        assert_eq!(c.get("a"), Some(&Credential::bearer("3")));
        assert_eq!(c.scheme_names().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(c.remove("a"), Some(Credential::bearer("3")));
        assert_eq!(c.get("a"), None);
    }

    #[test]
    fn basic_header_value() {
        let c = creds(&[("basic", Credential::basic("Aladdin", "open sesame"))]);
        let applied = resolve(&Security::AnyConfigured(&[&BASIC]), &c, "op").unwrap();
        assert_eq!(
            describe(&applied),
            ["header authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]
        );
        match &applied[0] {
            AppliedAuth::Header(_, v) => assert!(v.is_sensitive()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn none_sends_nothing() {
        let c = creds(&[("bearer", Credential::bearer("t"))]);
        assert!(resolve(&Security::None, &c, "op").unwrap().is_empty());
    }

    #[test]
    fn any_configured_sends_each_once_per_target() {
        let c = creds(&[
            ("basic", Credential::basic("u", "p")),
            ("bearer", Credential::bearer("tok")),
            ("key_header", Credential::api_key("h1")),
            ("key_header_2", Credential::api_key("h2")),
            ("key_query", Credential::api_key("q1")),
            ("key_cookie", Credential::api_key("c1")),
        ]);
        let all: &[&AuthScheme] = &[
            &BEARER,
            &BASIC,
            &KEY_HEADER,
            &KEY_HEADER_2,
            &KEY_QUERY,
            &KEY_COOKIE,
        ];
        let applied = resolve(&Security::AnyConfigured(all), &c, "op").unwrap();
        assert_eq!(
            describe(&applied),
            [
                "header authorization: Bearer tok",
                "header x-api-key: h1",
                "query api_key=q1",
                "cookie session=c1",
            ]
        );
        // Order decides: Basic first wins the Authorization header.
        let applied = resolve(&Security::AnyConfigured(&[&BASIC, &BEARER]), &c, "op").unwrap();
        assert_eq!(describe(&applied), ["header authorization: Basic dTpw"]);
        // Nothing configured is fine.
        let applied = resolve(&Security::AnyConfigured(all), &Credentials::new(), "op").unwrap();
        assert!(applied.is_empty());
        // A scheme without (a usable) credential is skipped, the next one used.
        let c = creds(&[
            ("basic", Credential::bearer("x")),
            ("bearer", Credential::bearer("tok")),
        ]);
        let applied = resolve(&Security::AnyConfigured(&[&BASIC, &BEARER]), &c, "op").unwrap();
        assert_eq!(describe(&applied), ["header authorization: Bearer tok"]);
    }

    #[test]
    fn alternatives_pick_first_complete() {
        let alts: &[&[&AuthScheme]] = &[&[&KEY_HEADER, &KEY_QUERY], &[&BEARER]];
        let c = creds(&[
            ("key_header", Credential::api_key("h")),
            ("bearer", Credential::bearer("tok")),
        ]);
        let applied = resolve(&Security::Alternatives(alts), &c, "op").unwrap();
        assert_eq!(describe(&applied), ["header authorization: Bearer tok"]);

        let c = creds(&[
            ("key_header", Credential::api_key("h")),
            ("key_query", Credential::api_key("q")),
            ("bearer", Credential::bearer("tok")),
        ]);
        let applied = resolve(&Security::Alternatives(alts), &c, "op").unwrap();
        assert_eq!(
            describe(&applied),
            ["header x-api-key: h", "query api_key=q"]
        );

        // Optional security: an empty alternative means nothing is needed.
        let optional: &[&[&AuthScheme]] = &[&[&BEARER], &[]];
        let applied =
            resolve(&Security::Alternatives(optional), &Credentials::new(), "op").unwrap();
        assert!(applied.is_empty());
        let applied = resolve(&Security::Alternatives(&[]), &Credentials::new(), "op").unwrap();
        assert!(applied.is_empty());
    }

    #[test]
    fn alternatives_report_missing() {
        let alts: &[&[&AuthScheme]] = &[
            &[&KEY_HEADER, &KEY_QUERY],
            &[&BEARER],
            &[&KEY_QUERY, &BASIC],
        ];
        let c = creds(&[("key_header", Credential::api_key("h"))]);
        match resolve(&Security::Alternatives(alts), &c, "listPets") {
            Err(Error::MissingCredentials { operation, missing }) => {
                assert_eq!(operation, "listPets");
                assert_eq!(missing, ["key_query", "bearer", "basic"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn invalid_credentials_are_errors_not_panics() {
        let c = creds(&[("bearer", Credential::bearer("a\r\nX-Evil: 1"))]);
        let err = resolve(&Security::AnyConfigured(&[&BEARER]), &c, "op").unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)));
        assert!(!err.to_string().contains("Evil"));
        let c = creds(&[("key_cookie", Credential::api_key("a; admin=1"))]);
        let err = resolve(&Security::AnyConfigured(&[&KEY_COOKIE]), &c, "op").unwrap_err();
        assert!(matches!(err, Error::InvalidArgument(_)));
    }
}
