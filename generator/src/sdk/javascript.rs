//! javascript (not yet read).

use super::{Extractor, SdkFacts};

pub const EXTRACTOR: Extractor = Extractor { language: "javascript", is_api, is_model, api, model };

fn is_api(_rel: &str) -> bool {
    false
}

fn is_model(_rel: &str) -> bool {
    false
}

fn api(_file: &str, _text: &str, _out: &mut SdkFacts) {}

fn model(_file: &str, _text: &str, _out: &mut SdkFacts) {}
