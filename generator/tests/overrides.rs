//! Every `provider.yaml` override, through every kind of input that carries one: a loader
//! that forgets an override for one kind of input fails here, naming that kind.
//!
//! One small doc (`overrides/PetsApi.md`, a python-flavoured openapi-generator doc that reads
//! without warnings) and one `provider.yaml` snippet per test are laid out as the four inputs
//! `generator::read_input` (and so `generator generate`) accepts:
//!
//! | kind | layout | read as |
//! |---|---|---|
//! | doc file | `file/PetsApi.md` + `file/provider.yaml` | `read_input("file/PetsApi.md")` |
//! | docs directory | `sdk/pets/docs/PetsApi.md` + `sdk/pets/provider.yaml` | `read_input("sdk/pets")` |
//! | spec directory | `specs/pets/PetsApi.md` + `specs/pets/provider.yaml` | `read_input("specs/pets")` |
//! | api.yaml | `normalized/pets/api.yaml` (the doc alone, normalized) + `normalized/pets/provider.yaml` | `read_input("normalized/pets/api.yaml")` |
//!
//! Each test first checks that the doc read alone (`bare/PetsApi.md`, no `provider.yaml`)
//! does not already have the overridden fact, then checks every input kind and reports all
//! the kinds that miss it together.

use generator::diag::{Failed, Severity};
use generator::ir::{Api, AuthKind, AuthScheme, Field, KeyLocation, Location, Operation, Param, TypeRef};
use generator::ir::PageKind;
use generator::{Input, Loaded};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The shared doc: nine operations (a list without evident pagination, a list whose
/// pagination is inferred, bodies whose JSON examples give the models, a path, query,
/// header, cookie and form parameters), schemes `apiKey` and `bearerAuth`.
const DOC: &str = include_str!("overrides/PetsApi.md");

// ---------------------------------------------------------------- the four input kinds

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A single doc file with `provider.yaml` beside it.
    DocFile,
    /// A docs directory (`docs/*.md`) holding `provider.yaml`.
    DocsDir,
    /// A spec directory as under `specs/<provider>/`: `provider.yaml` beside the doc.
    SpecDir,
    /// A normalized `api.yaml` (made from the doc without the override) with `provider.yaml`
    /// beside it.
    ApiYaml,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::DocFile, Kind::DocsDir, Kind::SpecDir, Kind::ApiYaml];

    /// Whether the input is read from docs (`flavour:` and `strict:` are about reading docs).
    fn reads_docs(self) -> bool {
        self != Kind::ApiYaml
    }

    fn slug(self) -> &'static str {
        match self {
            Kind::DocFile => "doc-file",
            Kind::DocsDir => "docs-dir",
            Kind::SpecDir => "spec-dir",
            Kind::ApiYaml => "api-yaml",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::DocFile => "doc file with provider.yaml beside it (file/PetsApi.md)",
            Kind::DocsDir => "docs directory holding provider.yaml (sdk/pets, docs/PetsApi.md)",
            Kind::SpecDir => "spec directory (specs/pets: provider.yaml + PetsApi.md)",
            Kind::ApiYaml => "normalized api.yaml with provider.yaml beside it (normalized/pets/api.yaml)",
        })
    }
}

/// One input of one test.
struct Case {
    kind: Kind,
    /// What `read_input` / `generator generate` is given.
    input: PathBuf,
    /// The test's scratch directory.
    dir: PathBuf,
}

impl Case {
    fn read(&self) -> Result<Loaded<Input>, Failed> {
        generator::read_input(&self.input)
    }

    /// The input read, or why it could not be.
    fn load(&self) -> Result<Input, String> {
        self.read().map(|l| l.value).map_err(|e| format!("read_input({}) failed:\n{e}", self.input.display()))
    }

    /// `generator generate <input> --out <dir>`: the generated crate's directory.
    fn generate(&self) -> Result<PathBuf, String> {
        let out = self.dir.join("out").join(self.kind.slug());
        let run = Command::new(env!("CARGO_BIN_EXE_generator"))
            .current_dir(&self.dir)
            .arg("generate")
            .arg(&self.input)
            .arg("--out")
            .arg(&out)
            .output()
            .map_err(|e| format!("cannot run the generator: {e}"))?;
        if !run.status.success() {
            return Err(format!(
                "`generator generate {}` failed ({}):\n{}{}",
                self.input.display(),
                run.status,
                String::from_utf8_lossy(&run.stdout),
                String::from_utf8_lossy(&run.stderr)
            ));
        }
        Ok(out)
    }
}

/// One test's inputs: `doc` with `provider_yaml`, as each input kind.
struct Fixture {
    name: String,
    /// The doc read alone, without any `provider.yaml`.
    baseline: Api,
    cases: Vec<Case>,
}

impl Fixture {
    /// Materialises the four input kinds under a fresh scratch directory named after the test.
    fn new(test: &str, doc: &str, provider_yaml: &str) -> Fixture {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("overrides").join(test);
        let _ = std::fs::remove_dir_all(&dir);
        let write = |rel: &str, text: &str| {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        };
        // The doc alone: the baseline, and the source of the api.yaml (without the override).
        write("bare/PetsApi.md", doc);
        let baseline = generator::load_input(&dir.join("bare/PetsApi.md"))
            .unwrap_or_else(|e| panic!("{test}: the doc alone does not read:\n{e}"))
            .value;
        write("file/PetsApi.md", doc);
        write("file/provider.yaml", provider_yaml);
        write("sdk/pets/docs/PetsApi.md", doc);
        write("sdk/pets/provider.yaml", provider_yaml);
        write("specs/pets/PetsApi.md", doc);
        write("specs/pets/provider.yaml", provider_yaml);
        write("normalized/pets/api.yaml", &generator::yaml::to_yaml(&baseline));
        write("normalized/pets/provider.yaml", provider_yaml);
        let input = |kind: Kind| match kind {
            Kind::DocFile => dir.join("file/PetsApi.md"),
            Kind::DocsDir => dir.join("sdk/pets"),
            Kind::SpecDir => dir.join("specs/pets"),
            Kind::ApiYaml => dir.join("normalized/pets/api.yaml"),
        };
        let cases = Kind::ALL
            .into_iter()
            .map(|kind| Case {
                kind,
                input: input(kind),
                dir: dir.clone(),
            })
            .collect();
        Fixture {
            name: test.to_string(),
            baseline,
            cases,
        }
    }

    /// Runs `check` on every input kind; fails listing every kind that misses a fact.
    fn each_kind(&self, check: impl Fn(&Case, &mut Checks) -> Result<(), String>) {
        let mut failures = Vec::new();
        for case in &self.cases {
            let mut c = Checks::default();
            if let Err(e) = check(case, &mut c) {
                c.failures.push(e);
            }
            failures.extend(c.failures.into_iter().map(|f| format!("[{}] {f}", case.kind)));
        }
        assert!(
            failures.is_empty(),
            "{}: {} failed check(s):\n  {}",
            self.name,
            failures.len(),
            failures.join("\n  ")
        );
    }
}

/// Checks that go on after a failure, so that every missing fact of an input is listed.
#[derive(Default)]
struct Checks {
    failures: Vec<String>,
}

impl Checks {
    fn ensure(&mut self, ok: bool, what: impl Into<String>) {
        if !ok {
            self.failures.push(what.into());
        }
    }

    fn eq<T: PartialEq + fmt::Debug>(&mut self, found: T, expected: T, what: &str) {
        if found != expected {
            self.failures.push(format!("{what}: expected {expected:?}, found {found:?}"));
        }
    }

    /// `overridden` of a node lists `fact`.
    fn overridden(&mut self, list: &[String], fact: &str, node: &str) {
        if !list.iter().any(|x| x == fact) {
            self.failures.push(format!("{node}: `overridden` should list `{fact}`, it is {list:?}"));
        }
    }
}

// ---------------------------------------------------------------- finding things

fn op<'a>(api: &'a Api, name: &str) -> Result<&'a Operation, String> {
    api.operations
        .iter()
        .find(|o| o.name == name)
        .ok_or_else(|| format!("no operation `{name}` (operations: {:?})", api.operations.iter().map(|o| &o.name).collect::<Vec<_>>()))
}

fn param<'a>(api: &'a Api, op_name: &str, name: &str) -> Result<&'a Param, String> {
    let o = op(api, op_name)?;
    o.params
        .iter()
        .find(|p| p.name == name)
        .ok_or_else(|| format!("`{op_name}` has no parameter `{name}` (params: {:?})", o.params.iter().map(|p| &p.name).collect::<Vec<_>>()))
}

fn field<'a>(api: &'a Api, model: &str, name: &str) -> Result<&'a Field, String> {
    let m = api
        .models
        .iter()
        .find(|m| m.name == model)
        .ok_or_else(|| format!("no model `{model}` (models: {:?})", api.models.iter().map(|m| &m.name).collect::<Vec<_>>()))?;
    m.fields
        .iter()
        .find(|f| f.name == name)
        .ok_or_else(|| format!("model `{model}` has no field `{name}`"))
}

fn scheme<'a>(api: &'a Api, name: &str) -> Result<&'a AuthScheme, String> {
    api.auth_schemes
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| format!("no auth scheme `{name}` (schemes: {:?})", api.auth_schemes.iter().map(|s| &s.name).collect::<Vec<_>>()))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------- the tests, one per override

#[test]
fn base_url() {
    let f = Fixture::new("base_url", DOC, "base_url: https://staging.pets.example/v2\n");
    assert_eq!(f.baseline.base_url, "https://api.pets.example/v1", "fixture: the doc's base URL");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        c.eq(api.base_url.as_str(), "https://staging.pets.example/v2", "base_url");
        c.overridden(&api.overridden, "base_url", "the API");
        c.ensure(!api.inferred.contains_key("base_url"), "an overridden base_url keeps no `inferred` evidence");
        let client = read(&case.generate()?.join("src/client.rs"))?;
        c.ensure(
            client.contains("\"https://staging.pets.example/v2\""),
            "the generated src/client.rs should use the overridden base URL",
        );
        Ok(())
    });
}

#[test]
fn crate_name_display_name_and_version() {
    let f = Fixture::new(
        "crate_name",
        DOC,
        "crate_name: petshop-sdk\ndisplay_name: The Pet Shop\nversion: 2.3.4\n",
    );
    f.each_kind(|case, c| {
        let input = case.load()?;
        match &input.config {
            None => c.ensure(false, "read_input gives no `config` for the provider.yaml"),
            Some(cfg) => {
                c.eq(cfg.crate_name.as_deref(), Some("petshop-sdk"), "config.crate_name");
                c.eq(cfg.display_name.as_deref(), Some("The Pet Shop"), "config.display_name");
                c.eq(cfg.version.as_deref(), Some("2.3.4"), "config.version");
            }
        }
        let out = case.generate()?;
        let manifest = read(&out.join("Cargo.toml"))?;
        c.ensure(
            manifest.contains("name = \"petshop-sdk\"\nversion = \"2.3.4\""),
            format!("the generated Cargo.toml should name crate `petshop-sdk` version 2.3.4:\n{manifest}"),
        );
        c.ensure(
            manifest.contains("The Pet Shop"),
            format!("the generated Cargo.toml should carry the display name `The Pet Shop`:\n{manifest}"),
        );
        let readme = read(&out.join("README.md"))?;
        c.ensure(readme.contains("# petshop-sdk"), "the generated README.md should be titled `# petshop-sdk`");
        Ok(())
    });
}

#[test]
fn operation_method_and_path() {
    let f = Fixture::new(
        "operation_method_and_path",
        DOC,
        "operations:\n  get_pet:\n    method: put\n    path: /v2/pets/{petId}\n",
    );
    let base = op(&f.baseline, "get_pet").unwrap();
    assert_eq!((base.method.as_str(), base.path.as_str()), ("GET", "/pets/{petId}"), "fixture");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        let o = op(&api, "get_pet")?;
        c.eq(o.method.as_str(), "PUT", "get_pet: method (upper-cased)");
        c.eq(o.path.as_str(), "/v2/pets/{petId}", "get_pet: path");
        c.overridden(&o.overridden, "method", "operation `get_pet`");
        c.overridden(&o.overridden, "path", "operation `get_pet`");
        Ok(())
    });
}

#[test]
fn operation_security() {
    let f = Fixture::new(
        "operation_security",
        DOC,
        "operations:\n  list_pets:\n    security: [[apiKey, bearerAuth]]\n",
    );
    let base = op(&f.baseline, "list_pets").unwrap();
    assert_eq!(base.security, [vec!["apiKey".to_string()], vec!["bearerAuth".to_string()]], "fixture");
    assert!(!base.security_exact, "fixture");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        let o = op(&api, "list_pets")?;
        c.eq(o.security.clone(), vec![vec!["apiKey".to_string(), "bearerAuth".to_string()]], "list_pets: security");
        c.eq(o.security_exact, true, "list_pets: security_exact");
        c.overridden(&o.overridden, "security", "operation `list_pets`");
        c.ensure(!o.inferred.contains_key("security"), "list_pets: overridden security keeps no `inferred` evidence");
        Ok(())
    });
}

#[test]
fn operation_content_type_and_accept() {
    let f = Fixture::new(
        "operation_content_type_and_accept",
        DOC,
        "operations:\n  update_status:\n    content_type: application/x-www-form-urlencoded\n    accept: text/plain\n",
    );
    let base = op(&f.baseline, "update_status").unwrap();
    assert_eq!((base.content_type.as_deref(), base.accept.as_deref()), (None, Some("application/json")), "fixture");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        let o = op(&api, "update_status")?;
        c.eq(o.content_type.as_deref(), Some("application/x-www-form-urlencoded"), "update_status: content_type");
        c.eq(o.accept.as_deref(), Some("text/plain"), "update_status: accept");
        c.overridden(&o.overridden, "content_type", "operation `update_status`");
        c.overridden(&o.overridden, "accept", "operation `update_status`");
        Ok(())
    });
}

#[test]
fn operation_params() {
    let f = Fixture::new(
        "operation_params",
        DOC,
        "operations:\n  update_status:\n    params:\n      \
         status: {location: header, wire_name: X-Status}\n      \
         note: {required: true, type: integer}\n",
    );
    let status = param(&f.baseline, "update_status", "status").unwrap();
    assert_eq!((status.location, status.wire_name.as_str()), (Location::Query, "status"), "fixture");
    let note = param(&f.baseline, "update_status", "note").unwrap();
    assert_eq!((note.required, &note.ty), (false, &TypeRef::String), "fixture");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        let status = param(&api, "update_status", "status")?;
        c.eq(status.location, Location::Header, "update_status.status: location");
        c.eq(status.wire_name.as_str(), "X-Status", "update_status.status: wire_name");
        c.overridden(&status.overridden, "location", "parameter `update_status.status`");
        c.overridden(&status.overridden, "wire_name", "parameter `update_status.status`");
        c.ensure(!status.inferred.contains_key("location"), "update_status.status: overridden location keeps no `inferred` evidence");
        let note = param(&api, "update_status", "note")?;
        c.eq(note.required, true, "update_status.note: required");
        c.eq(&note.ty, &TypeRef::Integer, "update_status.note: type");
        c.overridden(&note.overridden, "required", "parameter `update_status.note`");
        c.overridden(&note.overridden, "type", "parameter `update_status.note`");
        Ok(())
    });
}

#[test]
fn operation_added_param() {
    let f = Fixture::new(
        "operation_added_param",
        DOC,
        "operations:\n  list_pets:\n    params:\n      tenant: {location: header, wire_name: X-Tenant, required: true}\n",
    );
    assert!(param(&f.baseline, "list_pets", "tenant").is_err(), "fixture: the doc has no `tenant`");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        let tenant = param(&api, "list_pets", "tenant")?;
        c.eq(tenant.location, Location::Header, "list_pets.tenant: location");
        c.eq(tenant.wire_name.as_str(), "X-Tenant", "list_pets.tenant: wire_name");
        c.eq(tenant.required, true, "list_pets.tenant: required");
        c.eq(&tenant.ty, &TypeRef::String, "list_pets.tenant: type");
        for fact in ["added", "location", "wire_name", "required"] {
            c.overridden(&tenant.overridden, fact, "parameter `list_pets.tenant`");
        }
        Ok(())
    });
}

#[test]
fn operation_skip() {
    let f = Fixture::new("operation_skip", DOC, "operations:\n  delete_pet: {skip: true}\n");
    assert!(op(&f.baseline, "delete_pet").is_ok(), "fixture");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        c.ensure(op(&api, "delete_pet").is_err(), "delete_pet is skipped, but still in the API");
        c.eq(api.operations.len(), 8, "number of operations left");
        Ok(())
    });
}

#[test]
fn auth_schemes() {
    let f = Fixture::new(
        "auth_schemes",
        DOC,
        "auth_schemes:\n  \
         apiKey: {in: query, param_name: api_key}\n  \
         bearerAuth: {kind: basic}\n  \
         partnerToken: {kind: bearer}\n",
    );
    let key = scheme(&f.baseline, "apiKey").unwrap();
    assert_eq!((key.location, key.param_name.as_deref()), (Some(KeyLocation::Header), Some("X-Pet-Key")), "fixture");
    assert_eq!(scheme(&f.baseline, "bearerAuth").unwrap().kind, AuthKind::Bearer, "fixture");
    assert!(scheme(&f.baseline, "partnerToken").is_err(), "fixture");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        let key = scheme(&api, "apiKey")?;
        c.eq(key.location, Some(KeyLocation::Query), "scheme apiKey: in");
        c.eq(key.param_name.as_deref(), Some("api_key"), "scheme apiKey: param_name");
        c.overridden(&key.overridden, "in", "scheme `apiKey`");
        c.overridden(&key.overridden, "param_name", "scheme `apiKey`");
        c.ensure(!key.inferred.contains_key("in"), "scheme apiKey: overridden `in` keeps no `inferred` evidence");
        let bearer = scheme(&api, "bearerAuth")?;
        c.eq(bearer.kind, AuthKind::Basic, "scheme bearerAuth: kind");
        c.overridden(&bearer.overridden, "kind", "scheme `bearerAuth`");
        let added = scheme(&api, "partnerToken")?;
        c.eq(added.kind, AuthKind::Bearer, "scheme partnerToken (added): kind");
        c.overridden(&added.overridden, "added", "scheme `partnerToken`");
        c.overridden(&added.overridden, "kind", "scheme `partnerToken`");
        Ok(())
    });
}

#[test]
fn model_fields() {
    let f = Fixture::new(
        "model_fields",
        DOC,
        "models:\n  NewPet:\n    fields:\n      \
         name: {required: true, nullable: true}\n      \
         tag_list: {wire_name: tags, type: 'list[integer]'}\n      \
         birth_date: {type: date, read_only: true}\n",
    );
    let name = field(&f.baseline, "NewPet", "name").unwrap();
    assert_eq!((name.required, name.nullable), (false, false), "fixture");
    let tags = field(&f.baseline, "NewPet", "tag_list").unwrap();
    assert_eq!(tags.wire_name, "tag_list", "fixture");
    let birth = field(&f.baseline, "NewPet", "birth_date").unwrap();
    assert_eq!((&birth.ty, birth.read_only), (&TypeRef::String, false), "fixture");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        let name = field(&api, "NewPet", "name")?;
        c.eq(name.required, true, "NewPet.name: required");
        c.eq(name.nullable, true, "NewPet.name: nullable");
        c.overridden(&name.overridden, "required", "field `NewPet.name`");
        c.overridden(&name.overridden, "nullable", "field `NewPet.name`");
        let tags = field(&api, "NewPet", "tag_list")?;
        c.eq(tags.wire_name.as_str(), "tags", "NewPet.tag_list: wire_name");
        c.eq(&tags.ty, &TypeRef::List(Box::new(TypeRef::Integer)), "NewPet.tag_list: type");
        c.overridden(&tags.overridden, "wire_name", "field `NewPet.tag_list`");
        c.overridden(&tags.overridden, "type", "field `NewPet.tag_list`");
        let birth = field(&api, "NewPet", "birth_date")?;
        c.eq(&birth.ty, &TypeRef::Date, "NewPet.birth_date: type");
        c.eq(birth.read_only, true, "NewPet.birth_date: read_only");
        c.overridden(&birth.overridden, "type", "field `NewPet.birth_date`");
        c.overridden(&birth.overridden, "read_only", "field `NewPet.birth_date`");
        c.ensure(!birth.inferred.contains_key("type"), "NewPet.birth_date: overridden type keeps no `inferred` evidence");
        Ok(())
    });
}

#[test]
fn wire_names_styles() {
    let f = Fixture::new(
        "wire_names_styles",
        DOC,
        "wire_names:\n  query: camelCase\n  header: kebab-case\n  form: camelCase\n  cookie: Train-Case\n  json: camelCase\n\
         operations:\n  list_pets:\n    params:\n      born_after: {wire_name: bornSince}\n",
    );
    let wire = |op_name: &str, p: &str| param(&f.baseline, op_name, p).unwrap().wire_name.clone();
    assert_eq!(wire("list_pets", "page_size"), "page_size", "fixture");
    assert_eq!(wire("list_pets", "x_request_id"), "X-Request-Id", "fixture");
    assert_eq!(wire("upload_photo", "photo_caption"), "photo_caption", "fixture");
    assert_eq!(wire("update_status", "session_cookie"), "session_cookie", "fixture");
    assert_eq!(field(&f.baseline, "NewPet", "birth_date").unwrap().wire_name, "birth_date", "fixture");
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        for (op_name, p, wire, style) in [
            ("list_pets", "page_size", "pageSize", "camelCase"),
            ("list_pets", "x_request_id", "x-request-id", "kebab-case"),
            ("upload_photo", "photo_caption", "photoCaption", "camelCase"),
            ("update_status", "session_cookie", "Session-Cookie", "Train-Case"),
        ] {
            let p = param(&api, op_name, p)?;
            c.eq(p.wire_name.as_str(), wire, &format!("{op_name}.{}: wire_name ({style})", p.name));
            c.overridden(&p.overridden, &format!("wire_name ({style})"), &format!("parameter `{op_name}.{}`", p.name));
        }
        // Path parameters keep their placeholder's name.
        c.eq(param(&api, "get_pet", "pet_id")?.wire_name.as_str(), "petId", "get_pet.pet_id: wire_name (a path parameter)");
        // A per-parameter override wins over the style.
        let born = param(&api, "list_pets", "born_after")?;
        c.eq(born.wire_name.as_str(), "bornSince", "list_pets.born_after: wire_name (per-parameter override over camelCase)");
        c.overridden(&born.overridden, "wire_name", "parameter `list_pets.born_after`");
        for (model, name, wire) in [("NewPet", "birth_date", "birthDate"), ("NewPet", "tag_list", "tagList"), ("EventPage", "next_cursor", "nextCursor")] {
            let fld = field(&api, model, name)?;
            c.eq(fld.wire_name.as_str(), wire, &format!("{model}.{name}: wire_name (json: camelCase)"));
            c.overridden(&fld.overridden, "wire_name (camelCase)", &format!("field `{model}.{name}`"));
        }
        Ok(())
    });
}

/// `pagination:` states a pattern the docs do not make evident (`list_pets`) and disables
/// an inferred one (`list_events`), in the API and in the generated crate.
#[test]
fn pagination() {
    let f = Fixture::new(
        "pagination",
        DOC,
        "pagination:\n  list_pets: {kind: cursor, param: position, next: following, items: data}\n  list_events: false\n",
    );
    assert_eq!(op(&f.baseline, "list_pets").unwrap().pagination, None, "fixture: list_pets does not page by itself");
    assert!(
        op(&f.baseline, "list_events").unwrap().pagination.as_ref().is_some_and(|p| p.kind == PageKind::Cursor),
        "fixture: list_events pages by inference"
    );
    f.each_kind(|case, c| {
        let api = case.load()?.api;
        match &op(&api, "list_pets")?.pagination {
            None => c.ensure(false, "list_pets: pagination stated in provider.yaml is missing (found None)"),
            Some(p) => {
                c.eq(
                    (p.kind, p.param.as_str(), p.next.as_deref(), p.items.as_deref()),
                    (PageKind::Cursor, "position", Some("following"), Some("data")),
                    "list_pets: pagination (kind, param, next, items)",
                );
                c.overridden(&p.overridden, "pagination", "list_pets.pagination");
            }
        }
        let events = &op(&api, "list_events")?.pagination;
        c.ensure(
            events.is_none(),
            format!("list_events: `pagination: false` should disable the inferred pagination, found {events:?}"),
        );
        let ops = read(&case.generate()?.join("src/operations.rs"))?;
        c.ensure(
            ops.contains("pub fn pages(self) -> crate::Pages<'a, crate::models::PetPage>"),
            "the generated crate should give list_pets `.pages()` (src/operations.rs)",
        );
        c.ensure(
            !ops.contains("crate::Pages<'a, crate::models::EventPage>"),
            "the generated crate should not give list_events `.pages()` (src/operations.rs)",
        );
        Ok(())
    });
}

/// `flavour:` says how the docs read: `Date` is a date-time in Java, a model in Python.
/// An api.yaml is not read from docs: its types and `source.flavour` are what the
/// normalized spec says, so only the config is checked there.
#[test]
fn flavour() {
    let f = Fixture::new("flavour", DOC, "flavour: java\n");
    assert_eq!(f.baseline.source.as_ref().map(|s| s.flavour.as_str()), Some("python"), "fixture");
    assert_eq!(param(&f.baseline, "list_pets", "born_after").unwrap().ty, TypeRef::Model("Date".into()), "fixture");
    f.each_kind(|case, c| {
        let input = case.load()?;
        c.eq(input.config.as_ref().and_then(|cfg| cfg.flavour.as_deref()), Some("java"), "config.flavour");
        if case.kind.reads_docs() {
            let api = &input.api;
            c.eq(api.source.as_ref().map(|s| s.flavour.as_str()), Some("java"), "source.flavour");
            c.eq(&param(api, "list_pets", "born_after")?.ty, &TypeRef::DateTime, "list_pets.born_after: type (`Date` in Java)");
        }
        Ok(())
    });
}

/// `strict: true` turns the doc's warnings into errors: nothing is read. An api.yaml is not
/// read from docs and draws no warnings, so there it only has to be accepted.
#[test]
fn strict() {
    // A path placeholder without a parameter row: repaired, with a warning.
    let doc = DOC.replace("**DELETE** /pets/{petId}", "**DELETE** /pets/{petId}/{revision}");
    assert_ne!(doc, DOC, "fixture: the placeholder was added");
    let warned = "path placeholder `{revision}` of `delete_pet` has no parameter row";
    let f = Fixture::new("strict", &doc, "strict: true\n");
    assert!(param(&f.baseline, "delete_pet", "revision").is_ok(), "fixture: repaired without strict");
    let alone = generator::load_input(&f.cases[0].dir.join("bare/PetsApi.md")).unwrap();
    assert!(alone.warnings.iter().any(|w| w.message.contains(warned)), "fixture: {:?}", alone.warnings);
    f.each_kind(|case, c| {
        match case.read() {
            Ok(loaded) if case.kind.reads_docs() => c.ensure(
                false,
                format!("strict: true should make the warning an error, but the input read (warnings: {:?})", loaded.warnings),
            ),
            Ok(loaded) => c.eq(loaded.value.config.map(|cfg| cfg.strict), Some(true), "config.strict"),
            Err(Failed(errors)) => {
                c.ensure(case.kind.reads_docs(), format!("the api.yaml should read under strict: true:\n{}", Failed(errors.clone())));
                c.ensure(
                    errors.iter().any(|e| e.severity == Severity::Error && e.message.contains(warned)),
                    format!("the warning should be an error under strict: true, errors: {errors:?}"),
                );
            }
        }
        Ok(())
    });
}
