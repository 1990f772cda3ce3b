//! Generates the Shop client from `docs/` (openapi-generator's python docs and a
//! `provider.yaml`) into `$OUT_DIR/client.rs`, included by `src/lib.rs`.

fn main() {
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    generator::build::Config::new("docs")
        .crate_name("build-script-example")
        .write_module(out_dir)
        .unwrap_or_else(|e| panic!("{e}"));
}
