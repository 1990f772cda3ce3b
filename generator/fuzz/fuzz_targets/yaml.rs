//! A normalized `api.yaml`: loaded; when it loads, rendered and written back.
#![no_main]

#[path = "../../tests/hostile/mod.rs"]
mod hostile;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = hostile::yaml_spec(text);
    }
});
