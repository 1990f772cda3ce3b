//! Typed models from model docs: the spec's examples (written by hand from
//! tests/fixtures/zoo/openapi.yaml, in wire format) decode into the generated types and
//! encode back to the same JSON; unknown fields and enum values are tolerated.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use std::path::Path;

fn example(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/zoo/examples").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// Decodes `name` as `T` and re-encodes it: the JSON must come back unchanged.
fn round_trip<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let json = example(name);
    let value: T = serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(serde_json::to_value(&value).unwrap(), json, "{name} re-encodes differently");
    value
}

#[test]
fn every_zoo_example_round_trips_through_its_model() {
    use zoo_client::models::*;
    let animal: Animal = round_trip("Animal.json");
    assert!(animal.additional_properties.is_empty(), "every documented field is typed");
    round_trip::<AnimalPatch>("AnimalPatch.json");
    round_trip::<Certification>("Certification.json");
    round_trip::<Diet>("Diet.json");
    round_trip::<EnclosureLevel>("EnclosureLevel.json");
    round_trip::<Error>("Error.json");
    round_trip::<Habitat>("Habitat.json");
    round_trip::<Keeper>("Keeper.json");
    round_trip::<Photo>("Photo.json");
}

#[test]
fn typed_fields_hold_typed_values() {
    use zoo_client::models::*;
    let animal: Animal = round_trip("Animal.json");
    let json = example("Animal.json");
    assert_eq!(animal.name, json["name"].as_str().unwrap());
    assert_eq!(animal.diet.as_str(), json["diet"].as_str().unwrap());
    if let Some(born) = json.get("birthDate").and_then(Value::as_str) {
        let date = animal.birth_date.expect("birthDate decoded");
        assert_eq!(date.to_string(), born);
    }
    // Awkward names (`type`, `self`, `2fa_enabled`, `e-mail`, `näme`) are typed fields. The
    // docs list `fooBar` and `foo_bar` both as `foo_bar`, so only the first is typed; the
    // other is kept in `additional_properties`, not lost.
    let keeper: Keeper = round_trip("Keeper.json");
    let untyped: Vec<&String> = keeper.additional_properties.keys().collect();
    assert_eq!(untyped, ["foo_bar"]);
}

#[test]
fn patch_bodies_tell_absent_from_null() {
    use zoo_client::models::AnimalPatch;
    let patch: AnimalPatch = round_trip("variants/AnimalPatch.partial.json");
    let json = serde_json::to_value(&patch).unwrap();
    let object = json.as_object().unwrap();
    // Fields left out stay out; fields sent as null stay null.
    for (key, value) in example("variants/AnimalPatch.partial.json").as_object().unwrap() {
        assert_eq!(object.get(key), Some(value));
    }
    let empty = AnimalPatch::default();
    assert_eq!(serde_json::to_string(&empty).unwrap(), "{}");
    let clear = AnimalPatch { nickname: Some(None), ..AnimalPatch::default() };
    assert_eq!(serde_json::to_string(&clear).unwrap(), r#"{"nickname":null}"#);
}

#[test]
fn unknown_fields_and_enum_values_are_tolerated() {
    use zoo_client::models::{Animal, Diet};
    let with_field = example("variants/Animal.unknown-field.json");
    let animal: Animal = serde_json::from_value(with_field.clone()).unwrap();
    assert!(!animal.additional_properties.is_empty());
    assert_eq!(serde_json::to_value(&animal).unwrap(), with_field, "unknown fields are kept");

    let with_enum = example("variants/Animal.unknown-enum.json");
    let animal: Animal = serde_json::from_value(with_enum.clone()).unwrap();
    assert_eq!(animal.diet, Diet::Other(with_enum["diet"].as_str().unwrap().to_string()));
    assert_eq!(serde_json::to_value(&animal).unwrap(), with_enum);
}

mod wire {
    use wiremock::matchers::{header, method, path, query_param};
    use wiremock::{Mock, MockServer, Request, ResponseTemplate};

    fn client(server: &MockServer) -> zoo_client::Client {
        zoo_client::Client::builder()
            .base_url(format!("{}/v1", server.uri()))
            .zoo_key("key-1")
            .zoo_token("token-1")
            .basic_auth("keeper", "pw")
            .retry_policy(zoo_client::RetryPolicy::none())
            .build()
            .unwrap()
    }

    /// The README's authorization section puts `zooKey` in header `X-Zoo-Key` and
    /// `zooToken` in query `zoo_token`; the typed response decodes.
    #[tokio::test]
    async fn api_keys_travel_where_the_readme_says_and_typed_responses_decode() {
        let server = MockServer::start().await;
        let animal = super::example("Animal.json");
        Mock::given(method("GET"))
            .and(path("/v1/animals/7"))
            .and(header("X-Zoo-Key", "key-1"))
            .and(query_param("zoo_token", "token-1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(&animal))
            .expect(1)
            .mount(&server)
            .await;
        let response = client(&server).animals().get_animal(7).await.unwrap();
        assert_eq!(serde_json::to_value(response.body()).unwrap(), animal);

        Mock::given(method("GET"))
            .and(path("/v1/keepers"))
            .and(query_param("zoo_token", "token-1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!([])))
            .expect(1)
            .mount(&server)
            .await;
        client(&server).keepers().list_keepers().await.unwrap();
        let requests: Vec<Request> = server.received_requests().await.unwrap();
        let keepers = requests.iter().find(|r| r.url.path() == "/v1/keepers").unwrap();
        assert!(keepers.headers.get("x-zoo-key").is_none(), "list_keepers lists only zooToken");
        assert!(keepers.headers.get("authorization").is_none());
    }
}
