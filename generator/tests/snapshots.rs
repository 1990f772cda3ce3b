//! Snapshots of each seed's normalized YAML, as `load_spec_dir` produces it. A change to
//! the reader shows up here as a reviewable diff (`cargo insta review`); the snapshot must
//! also stay equal to the checked-in `specs/<provider>/api.yaml`.

mod support;

#[test]
fn seed_api_yaml() {
    let root = support::root();
    let dirs = generator::spec_dirs(&root);
    assert!(dirs.len() >= 5, "seeds not found: {dirs:?}");
    for dir in dirs {
        let spec = generator::load_spec_dir(&dir, &root).unwrap_or_else(|e| panic!("{e}"));
        let yaml = generator::yaml::to_yaml(&spec.value.api);
        let checked_in = std::fs::read_to_string(dir.join("api.yaml")).unwrap();
        assert!(
            yaml == checked_in,
            "{}/api.yaml is stale: run `cargo run -p generator`",
            dir.display()
        );
        insta::assert_snapshot!(spec.value.provider.as_str(), yaml);
    }
}
