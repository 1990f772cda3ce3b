//! A markdown doc: read, parsed, inferred; when it parses, rendered and written as YAML.
#![no_main]

#[path = "../../tests/hostile/mod.rs"]
mod hostile;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = hostile::markdown_doc(text);
    }
});
