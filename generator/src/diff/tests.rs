//! Unit tests of the diff's classification.

use super::*;

#[test]
fn versions_follow_cargo_semver() {
    let cases = [
        ("0.1.0", Bump::Major, "0.2.0"),
        ("0.1.0", Bump::Minor, "0.1.1"),
        ("0.1.3", Bump::Patch, "0.1.4"),
        ("0.0.3", Bump::Minor, "0.0.4"),
        ("1.2.3", Bump::Major, "2.0.0"),
        ("1.2.3", Bump::Minor, "1.3.0"),
        ("1.2.3", Bump::Patch, "1.2.4"),
        ("1.2.3", Bump::None, "1.2.3"),
    ];
    for (v, b, want) in cases {
        assert_eq!(next_version(v, b).as_deref(), Some(want), "{v} {b:?}");
    }
    assert_eq!(next_version("x", Bump::Major), None);
}

#[test]
fn group_changes_follow_the_renderer_s_modules() {
    let api = |groups: [&str; 3]| {
        crate::yaml::from_yaml(
            &format!(
                "provider: p\ntitle: T\nbase_url: https://x\noperations:\n\
                 - {{name: a, group: {}, method: GET, path: /a}}\n\
                 - {{name: b, group: {}, method: GET, path: /b}}\n\
                 - {{name: c, group: {}, method: GET, path: /c}}\n",
                groups[0], groups[1], groups[2]
            ),
            "t.yaml",
        )
        .unwrap()
    };
    let changes = |old: &Api, new: &Api| -> Vec<(String, Impact, String)> {
        diff(old, new)
            .changed
            .into_iter()
            .flat_map(|o| o.changes.into_iter().map(move |c| (o.name.clone(), c.impact, c.text)))
            .collect()
    };
    // `UsersApi` → `Users_Api`: both are the module `users_api`, nothing moves.
    let got = changes(&api(["UsersApi", "UsersApi", "OrdersApi"]), &api(["Users_Api", "Users_Api", "OrdersApi"]));
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|(_, i, t)| *i == Impact::Docs && t.contains("module stays `apis::users`")), "{got:?}");
    // Two groups that meet after case conversion: the second one's module has a `_`,
    // and moving there leaves the first one's module.
    let got = changes(&api(["UsersApi", "users_api", "OrdersApi"]), &api(["UsersApi", "UsersApi", "OrdersApi"]));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, Impact::Breaking, "{got:?}");
    assert!(got[0].2.contains("`Client::users_().b` is now `Client::users().b`"), "{got:?}");
}

#[test]
fn moving_operations_into_groups_breaks() {
    let api = |group: &str| {
        crate::yaml::from_yaml(
            &format!(
                "provider: p\ntitle: T\nbase_url: https://x\noperations:\n\
                 - {{name: list, method: GET, path: /a{group}}}\n\
                 - {{name: list, group: UsersApi, method: GET, path: /u}}\n"
            ),
            "t.yaml",
        )
        .unwrap()
    };
    // `list` leaves `Client` for the group `OrdersApi`; the other `list` stays in `UsersApi`.
    let d = diff(&api(""), &api(", group: OrdersApi"));
    let changes: Vec<&Change> = d.changed.iter().flat_map(|o| &o.changes).collect();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].impact, Impact::Breaking);
    assert_eq!(
        changes[0].text,
        "moved into API group `OrdersApi`: `Client::list` is now `Client::orders().list` (module `apis::orders`, feature `orders`)"
    );
    assert!(d.added.is_empty() && d.removed.is_empty(), "{d:?}");
    assert_eq!(d.bump(), Bump::Major);
}

#[test]
fn a_model_becoming_recursive_boxes_a_field_and_that_breaks() {
    let api = |leaf_fields: &str| {
        crate::yaml::from_yaml(
            &format!(
                "provider: p\ntitle: T\nbase_url: https://x\noperations:\n\
                 - {{name: get, method: GET, path: /a, response: Node}}\nmodels:\n\
                 - {{name: Node, kind: object, fields: [{{name: child, wire_name: child, type: Leaf, required: true}}]}}\n\
                 - {{name: Leaf, kind: object, fields: [{leaf_fields}]}}\n"
            ),
            "t.yaml",
        )
        .unwrap()
    };
    let old = api("{name: n, wire_name: n, type: integer, required: true}");
    let new = api("{name: n, wire_name: n, type: integer, required: true}, {name: back, wire_name: back, type: Node, required: false}");
    let models = diff(&old, &new).models;
    let child = models.iter().find(|c| c.text.contains("field `child`")).expect("child's type changes");
    assert_eq!(child.impact, Impact::Breaking, "{models:?}");
    assert!(child.text.contains("`models::Leaf` is now `Box<models::Leaf>`"), "{}", child.text);
}

#[test]
fn method_names_mirror_the_renderer() {
    let api = crate::yaml::from_yaml(
        "provider: p\ntitle: T\nbase_url: https://x\noperations:\n\
         - {name: new, method: GET, path: /a}\n- {name: getUser, method: GET, path: /b}\n- {name: get_user, method: GET, path: /c}\n",
        "t.yaml",
    )
    .unwrap();
    let m = method_names(&api, &plan_names(&api));
    assert_eq!(m["new"], "new_");
    assert_eq!(m["getUser"], "get_user");
    assert_eq!(m["get_user"], "get_user_");
}

#[test]
fn an_operation_moved_into_a_group_pairs_with_the_same_request() {
    let old = crate::yaml::from_yaml(
        "provider: p\ntitle: T\nbase_url: https://x\noperations:\n- {name: add, method: POST, path: /pets}\n",
        "t.yaml",
    )
    .unwrap();
    // Two groups now document an `add`: the one of the same request is the old one.
    let new = crate::yaml::from_yaml(
        "provider: p\ntitle: T\nbase_url: https://x\noperations:\n\
         - {name: add, group: AdminApi, method: POST, path: /admin/pets}\n\
         - {name: add, group: PetsApi, method: POST, path: /pets}\n",
        "t.yaml",
    )
    .unwrap();
    let d = diff(&old, &new);
    assert_eq!(d.added.len(), 1, "{d:?}");
    assert!(d.added[0].text.contains("Client::admin().add"), "{}", d.added[0].text);
    let changes: Vec<&Change> = d.changed.iter().flat_map(|o| &o.changes).collect();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert!(changes[0].text.starts_with("moved into API group `PetsApi`: `Client::add` is now `Client::pets().add`"), "{}", changes[0].text);
}

/// A required field whose nullability becomes a guess is read leniently (`Option<T>`): the
/// Rust type changes, and that breaks.
#[test]
fn a_field_read_leniently_changes_its_type_and_that_breaks() {
    let api = |inferred: &str| {
        crate::yaml::from_yaml(
            &format!(
                "provider: p\ntitle: T\nbase_url: https://x\noperations:\n\
                 - {{name: get, method: GET, path: /a, response: Pet}}\nmodels:\n\
                 - {{name: Pet, kind: object, fields: [{{name: id, wire_name: id, type: string, required: true{inferred}}}]}}\n"
            ),
            "t.yaml",
        )
        .unwrap()
    };
    let old = api("");
    let new = api(", inferred: {nullable: 'guess: the docs mark no field nullable'}");
    let models = diff(&old, &new).models;
    let id = models.iter().find(|c| c.text.contains("field `id`")).expect("id's type changes");
    assert_eq!(id.impact, Impact::Breaking, "{models:?}");
    assert!(id.text.contains("read leniently") && id.text.contains("`String` is now `Option<String>`"), "{}", id.text);
}
