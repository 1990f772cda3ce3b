//! Model shapes against a mock server that answers with random data valid against the
//! spec the docs were written from (`tests/fixtures/pay/openapi.yaml`, Prism `mock -d`):
//! every operation's answer decodes into its typed model (oneOf with and without
//! discriminator, anyOf, allOf, enums, nullable fields, arrays of variants), re-encodes to
//! the same JSON, and bodies built with the constructors pass Prism's request validation
//! (it answers 422 when a request breaks the spec).
//!
//! Prism comes from npm (`.ci/run` installs it into `target/prism`); without it the test
//! says so loudly and passes, except under CI (`CI` set), where it fails.

use pay_client::models::*;
use pay_client::Client;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CALLS: usize = 25;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn prism_binary() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PRISM") {
        return Some(PathBuf::from(p));
    }
    let local = root().join("target/prism/node_modules/.bin/prism");
    if local.exists() {
        return Some(local);
    }
    let on_path = Command::new("prism").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    on_path.is_ok_and(|s| s.success()).then(|| PathBuf::from("prism"))
}

/// A Prism mock server on a free loopback port, stopped when dropped.
struct Prism {
    child: Child,
    port: u16,
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_prism() -> Option<Prism> {
    let Some(bin) = prism_binary() else {
        let msg = "\n\n*** Prism is not installed: the pay e2e test did NOT run. ***\n\
                   *** Install it with `npm install --prefix target/prism @stoplight/prism-cli@5` (as .ci/run does). ***\n";
        if std::env::var_os("CI").is_some() {
            panic!("{msg}");
        }
        eprintln!("{msg}");
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let spec = root().join("tests/fixtures/pay/openapi.yaml");
    let child = Command::new(&bin)
        .args(["mock", spec.to_str().unwrap(), "-d", "-h", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", bin.display()));
    let prism = Prism { child, port };
    let deadline = Instant::now() + Duration::from_secs(90);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "Prism did not listen on port {port} within 90 s");
        std::thread::sleep(Duration::from_millis(200));
    }
    Some(prism)
}

fn client(prism: &Prism) -> Client {
    Client::builder()
        .base_url(format!("http://127.0.0.1:{}", prism.port))
        .pay_key("secret")
        .build()
        .unwrap()
}

/// Tallies one operation's answers: decoded, and re-encoded to the same JSON.
#[derive(Default)]
struct Tally {
    calls: usize,
    decoded: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check<T: DeserializeOwned + Serialize>(&mut self, body: &[u8]) {
        self.calls += 1;
        let json: Value = serde_json::from_slice(body).expect("Prism answers JSON");
        let mut de = serde_json::Deserializer::from_slice(body);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(typed) => {
                let again = serde_json::to_value(&typed).unwrap();
                if same(&again, &json) {
                    self.decoded += 1;
                } else {
                    self.failures.push(format!("re-encodes differently:\n  got  {again}\n  sent {json}"));
                }
            }
            Err(e) => self.failures.push(format!("{} at `{}`: {json}", e.inner(), e.path())),
        }
    }

    fn assert_rate(&self, op: &str) {
        assert!(self.calls >= 20, "{op}: {} calls", self.calls);
        let rate = self.decoded as f64 / self.calls as f64;
        assert!(
            rate >= 0.99,
            "{op}: {}/{} answers decoded and re-encoded without loss; first failures:\n{}",
            self.decoded,
            self.calls,
            self.failures.iter().take(3).cloned().collect::<Vec<_>>().join("\n")
        );
    }
}

/// JSON equality where date-time text may differ in spelling, not in instant
/// (`12:55:49.0Z` and `12:55:49Z`).
fn same(a: &Value, b: &Value) -> bool {
    use time::format_description::well_known::Rfc3339;
    match (a, b) {
        (Value::String(x), Value::String(y)) => {
            x == y
                || matches!(
                    (time::OffsetDateTime::parse(x, &Rfc3339), time::OffsetDateTime::parse(y, &Rfc3339)),
                    (Ok(p), Ok(q)) if p == q
                )
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn card() -> PaymentMethod {
    let mut card = Card::new("card", "4242", 12);
    card.brand = Some(CardBrand::Visa);
    card.holder_name = Some(None);
    card.into()
}

fn bank() -> BankAccount {
    BankAccount::new("bank", "DE89370400440532013000")
}

/// Every GET operation of a pay crate (`$krate`), `CALLS` times: decoded and re-encoded.
macro_rules! every_answer_decodes {
    ($krate:ident, $c:expr) => {{
        use $krate::models::*;
        let c = &$c;
        let mut t = Tally::default();
        for _ in 0..CALLS {
            t.check::<PaymentPage>(&c.payments().list_payments().send_bytes().await.unwrap().into_body());
        }
        t.assert_rate(concat!(stringify!($krate), " list_payments"));
        let mut t = Tally::default();
        for _ in 0..CALLS {
            t.check::<Payment>(&c.payments().get_payment("p1").send_bytes().await.unwrap().into_body());
        }
        t.assert_rate(concat!(stringify!($krate), " get_payment"));
        let mut t = Tally::default();
        for _ in 0..CALLS {
            t.check::<Vec<Event>>(&c.payments().list_events().send_bytes().await.unwrap().into_body());
        }
        t.assert_rate(concat!(stringify!($krate), " list_events"));
        let mut t = Tally::default();
        for _ in 0..CALLS {
            t.check::<PaymentMethod>(&c.methods().get_method("m1").send_bytes().await.unwrap().into_body());
        }
        t.assert_rate(concat!(stringify!($krate), " get_method"));
        let mut t = Tally::default();
        for _ in 0..CALLS {
            t.check::<Vec<Destination>>(&c.methods().list_destinations().send_bytes().await.unwrap().into_body());
        }
        t.assert_rate(concat!(stringify!($krate), " list_destinations"));
        // The typed path of the client itself, a few times per operation.
        for _ in 0..5 {
            c.payments().list_payments().await.unwrap();
            c.payments().get_payment("p1").await.unwrap();
            c.payments().list_events().await.unwrap();
            c.methods().get_method("m1").await.unwrap();
            c.methods().list_destinations().await.unwrap();
        }
    }};
}

/// Sends each body `CALLS` times with `$send`: Prism must accept it (no 422) and its
/// answer decode as `$answer`.
macro_rules! bodies_validate {
    ($bodies:expr, $answer:ty, |$b:ident| $send:expr) => {{
        for $b in $bodies {
            let mut t = Tally::default();
            for _ in 0..CALLS {
                let shown = serde_json::to_string(&$b).unwrap();
                match $send.send_bytes().await {
                    Ok(r) => t.check::<$answer>(&r.into_body()),
                    Err(e) => panic!("{shown}: {e}"),
                }
            }
            t.assert_rate(stringify!($answer));
        }
    }};
}

/// The crate from the 7.x docs: unions decode as the first variant that fits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_decodes_and_every_constructed_body_validates() {
    let Some(prism) = start_prism() else { return };
    let c = client(&prism);
    every_answer_decodes!(pay_client, c);

    // Bodies built with the constructors: Prism validates them (422 on a violation).
    let bodies = [
        NewPayment::new(1999, Currency::Eur, card()),
        {
            let mut p = NewPayment::new(5, Currency::Gbp, bank().into());
            p.destination = Some(Wallet::new("bc1qxy", "bitcoin").into());
            p.note = Some(None);
            p
        },
        {
            let mut p = NewPayment::new(700, Currency::Usd, bank().into());
            p.destination = Some(bank().into());
            p.note = Some(Some("rent".into()));
            p
        },
    ];
    bodies_validate!(bodies, Payment, |b| c.payments().create_payment(b.clone()));
    bodies_validate!([card(), bank().into()], PaymentMethod, |b| c.methods().add_method(b.clone()));
    c.payments().create_payment(NewPayment::new(1, Currency::Eur, card())).await.unwrap();

    // A body that breaks the spec is refused, so the checks above mean something.
    let bad = NewPayment::new(1, Currency::Other("XXX".into()), card());
    match c.payments().create_payment(bad).await {
        Err(pay_client::Error::Status(e)) => assert_eq!(e.status().as_u16(), 422),
        other => panic!("expected 422 for an unknown currency, got {other:?}"),
    }
}

/// The crate from the 6.x docs: they show each variant's tag constant, so `PaymentMethod`
/// and `Event` decode by their tag, and constructors fill the tag in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_6x_docs_crate_decodes_by_tag() {
    use pay6_client::models as m6;
    let Some(prism) = start_prism() else { return };
    let c = pay6_client::Client::builder()
        .base_url(format!("http://127.0.0.1:{}", prism.port))
        .pay_key("secret")
        .build()
        .unwrap();
    every_answer_decodes!(pay6_client, c);
    let card: m6::PaymentMethod = m6::Card::new("4242", 12).into();
    let bank: m6::PaymentMethod = m6::BankAccount::new("DE89370400440532013000").into();
    assert_eq!(serde_json::to_value(&card).unwrap()["kind"], "card");
    let mut with_wallet = m6::NewPayment::new(5, m6::Currency::Gbp, bank.clone());
    with_wallet.destination = Some(m6::Wallet::new("bc1qxy", "bitcoin").into());
    bodies_validate!([m6::NewPayment::new(1999, m6::Currency::Eur, card.clone()), with_wallet], m6::Payment, |b| c
        .payments().create_payment(b.clone()));
    bodies_validate!([card.clone(), bank], m6::PaymentMethod, |b| c.methods().add_method(b.clone()));
    // The tag decides: a card tag with bank fields is a card that fails, not a bank account.
    let wrong = serde_json::json!({"kind": "card", "iban": "x"});
    let err = serde_json::from_value::<m6::PaymentMethod>(wrong).unwrap_err().to_string();
    assert!(err.contains("last4"), "{err}");
    let unknown_tag = serde_json::json!({"kind": "sepa", "iban": "x"});
    let m: m6::PaymentMethod = serde_json::from_value(unknown_tag).unwrap();
    assert!(matches!(m, m6::PaymentMethod::BankAccount(_)), "an unknown tag: the first variant that fits");
}

#[tokio::test]
async fn a_decode_error_names_the_operation_the_type_and_the_json_path() {
    use wiremock::matchers::any;
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    let body = r#"{"data": [{"amount": 1, "currency": "EUR", "id": "p", "status": "pending", "method": {"kind": "bank", "iban": "x"}, "note": null, "createdAt": "2024-01-02T03:04:05Z"}, {"amount": "ten"}]}"#;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let c = Client::builder().base_url(server.uri()).pay_key("k").build().unwrap();
    let err = c.payments().list_payments().await.unwrap_err();
    match &err {
        pay_client::Error::Decode { operation, rust_type, path, body: kept, message, .. } => {
            assert_eq!(*operation, "list_payments");
            // The type where it is defined: `pay_client::models::payment_page::PaymentPage`
            // (a model's file), reached as `pay_client::models::PaymentPage`.
            assert!(rust_type.starts_with("pay_client::models::") && rust_type.ends_with("::PaymentPage"), "{rust_type}");
            assert_eq!(path, "data[1].amount");
            assert!(message.contains("invalid type"), "{message}");
            assert_eq!(kept.as_ref(), body.as_bytes());
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
    let shown = err.to_string();
    assert!(shown.starts_with("list_payments: could not decode the 200 OK response as `models::PaymentPage` at `data[1].amount`: "), "{shown}");
}

#[tokio::test]
async fn a_value_no_variant_fits_names_each_variants_complaint() {
    use wiremock::matchers::any;
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    let body = r#"[{"kind": "bank", "bic": null}]"#;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let c = Client::builder().base_url(server.uri()).pay_key("k").build().unwrap();
    match c.methods().list_destinations().await.unwrap_err() {
        pay_client::Error::Decode { path, message, .. } => {
            assert_eq!(path, "[0]");
            assert!(message.starts_with("no variant of `Destination` fits (BankAccount: missing field `iban`"), "{message}");
            assert!(message.contains("Wallet: missing field `address`"), "{message}");
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

/// Unknown enum values and unknown fields decode and re-encode as received.
#[test]
fn unknown_values_and_fields_are_kept() {
    let json = serde_json::json!({"kind": "card", "last4": "1234", "expiryMonth": 1, "brand": "unionpay", "issuer": {"x": 1}});
    let m: PaymentMethod = serde_json::from_value(json.clone()).unwrap();
    let PaymentMethod::Card(card) = &m else { panic!("{m:?}") };
    assert_eq!(card.brand, Some(CardBrand::Other("unionpay".into())));
    assert_eq!(card.additional_properties["issuer"], serde_json::json!({"x": 1}));
    assert_eq!(serde_json::to_value(&m).unwrap(), json);
    // A required-but-nullable field the server leaves out reads as `None` (and is sent as `null`).
    let page: PaymentPage = serde_json::from_value(serde_json::json!({"data": []})).unwrap();
    assert_eq!(page.next, None);
    let mut p = Payment::new(1, Currency::Usd, PaymentStatus::Pending, card.clone().into(), None, time::OffsetDateTime::UNIX_EPOCH);
    assert_eq!(serde_json::to_value(&p).unwrap()["note"], Value::Null);
    p.note = Some("n".into());
    assert_eq!(serde_json::to_value(&p).unwrap()["note"], "n");
    let mut missing = serde_json::to_value(&p).unwrap();
    missing.as_object_mut().unwrap().remove("note");
    let back: Payment = serde_json::from_value(missing).unwrap();
    assert_eq!(back.note, None);
}
