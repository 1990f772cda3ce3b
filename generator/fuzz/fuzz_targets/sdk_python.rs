//! One python source of an SDK, read as an API and as a model source (`generator::sdk::python`).
#![no_main]

#[path = "../../tests/hostile/mod.rs"]
mod hostile;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = hostile::sdk_source("python", text);
    }
});
