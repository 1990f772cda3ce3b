//! A doc read as a saved plain-text page, then through the whole pipeline.
#![no_main]

#[path = "../../tests/hostile/mod.rs"]
mod hostile;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = hostile::plain_text_doc(text);
    }
});
