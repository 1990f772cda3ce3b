//! Renders a client crate from the endpoint model.

use crate::ir::Api;
use crate::provider::ProviderConfig;
use crate::Loaded;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct CrateOptions {
    pub crate_name: String,
    pub display_name: String,
}

impl CrateOptions {
    pub fn from_config(c: &ProviderConfig) -> Self {
        CrateOptions { crate_name: c.crate_name.clone(), display_name: c.display_name.clone() }
    }
}

pub fn render_crate(_api: &Api, _opts: &CrateOptions) -> Loaded<BTreeMap<PathBuf, String>> {
    Loaded { value: BTreeMap::new(), warnings: Vec::new() }
}
