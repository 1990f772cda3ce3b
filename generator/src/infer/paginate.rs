//! Pagination: which list operations page, and how, when their docs make it evident.
//!
//! An operation pages when it has a query parameter that names a page position (a cursor
//! or page token, an offset, a page number) AND its response model has the field that
//! moves it on (the next cursor, or a total of items or pages, with the page's item
//! list). Never guessed from a parameter alone: `umaaas`'s `cursor` parameter, whose
//! response model the docs do not describe, gives no pagination. The evidence is kept in
//! the operation's `pagination.inferred`; `provider.yaml` can state or disable it:
//!
//! ```yaml
//! pagination:
//!   list_events: {kind: cursor, param: cursor, next: next_cursor, items: data}
//!   list_logs: false
//! ```

use crate::ir::{Api, Evidence, Field, Location, ModelKind, Operation, PageKind, Pagination, TypeRef};

/// Lower case without `_` and `-`: `page_token`, `pageToken`, `PAGE-TOKEN` → `pagetoken`.
fn squash(name: &str) -> String {
    name.chars().filter(|c| *c != '_' && *c != '-').flat_map(char::to_lowercase).collect()
}

const CURSOR_PARAMS: &[&str] = &[
    "cursor", "pagetoken", "pagecursor", "continuationtoken", "nexttoken", "after", "startingafter", "marker",
];
const OFFSET_PARAMS: &[&str] = &["offset", "skip"];
const PAGE_PARAMS: &[&str] = &["page", "pagenumber", "pageno"];
const NEXT_FIELDS: &[&str] = &[
    "nextcursor", "nextpagetoken", "nexttoken", "nextpagecursor", "continuationtoken", "nextmarker", "endcursor",
];
const TOTAL_FIELDS: &[&str] = &["total", "totalcount", "totalitems", "totalresults", "totalsize"];
const TOTAL_PAGE_FIELDS: &[&str] = &["totalpages", "pagecount", "numpages"];
const ITEM_FIELDS: &[&str] = &["data", "items", "results", "entries", "records", "values"];

pub(crate) fn is_scalar_cursor(t: &TypeRef) -> bool {
    matches!(t, TypeRef::String | TypeRef::Integer)
}

/// Infers every operation's pagination (replacing what was inferred before).
pub fn infer(api: &mut Api) {
    let models = api.models.clone();
    for op in &mut api.operations {
        op.pagination = infer_op(op, &models);
    }
}

fn infer_op(op: &Operation, models: &[crate::ir::Model]) -> Option<Pagination> {
    let Some(TypeRef::Model(name)) = &op.response else { return None };
    let model = models.iter().find(|m| &m.name == name && m.kind == ModelKind::Object)?;
    // Files or form fields would make the request builder impossible to copy for the next page.
    if op.params.iter().any(|p| matches!(p.location, Location::Form | Location::Body)) {
        return None;
    }
    let field = |names: &[&str], ok: &dyn Fn(&TypeRef) -> bool| -> Option<&Field> {
        model.fields.iter().find(|f| names.contains(&squash(&f.name).as_str()) && ok(&f.ty))
    };
    let lists: Vec<&Field> = model.fields.iter().filter(|f| matches!(f.ty, TypeRef::List(_))).collect();
    let items = match lists.as_slice() {
        [only] => Some(*only),
        _ => lists.iter().copied().find(|f| ITEM_FIELDS.contains(&squash(&f.name).as_str())),
    };
    let param = |names: &[&str], ty: TypeRef| {
        op.params
            .iter()
            .find(|p| p.location == Location::Query && p.ty == ty && names.contains(&squash(&p.name).as_str()))
    };
    let items_evidence = |f: &Field| format!("`{name}.{}` is the page's item list", f.name);
    let mut inferred = Evidence::new();
    if let (Some(p), Some(next)) = (param(CURSOR_PARAMS, TypeRef::String), field(NEXT_FIELDS, &is_scalar_cursor)) {
        inferred.insert(
            "kind".into(),
            format!("query parameter `{}` names a cursor, and `{name}.{}` holds the next one", p.name, next.name),
        );
        if let Some(items) = items {
            inferred.insert("items".into(), items_evidence(items));
        }
        return Some(Pagination {
            kind: PageKind::Cursor,
            param: p.name.clone(),
            next: Some(next.name.clone()),
            items: items.map(|f| f.name.clone()),
            total: None,
            total_pages: None,
            inferred,
            overridden: Vec::new(),
        });
    }
    let items = items?;
    let total = field(TOTAL_FIELDS, &|t| *t == TypeRef::Integer);
    let total_pages = field(TOTAL_PAGE_FIELDS, &|t| *t == TypeRef::Integer);
    inferred.insert("items".into(), items_evidence(items));
    if let (Some(p), Some(total)) = (param(OFFSET_PARAMS, TypeRef::Integer), total) {
        inferred.insert(
            "kind".into(),
            format!("query parameter `{}` is an offset, and `{name}.{}` is the total", p.name, total.name),
        );
        return Some(Pagination {
            kind: PageKind::Offset,
            param: p.name.clone(),
            next: None,
            items: Some(items.name.clone()),
            total: Some(total.name.clone()),
            total_pages: None,
            inferred,
            overridden: Vec::new(),
        });
    }
    let p = param(PAGE_PARAMS, TypeRef::Integer)?;
    let count = total_pages.or(total)?;
    inferred.insert(
        "kind".into(),
        format!("query parameter `{}` is a page number, and `{name}.{}` is the total", p.name, count.name),
    );
    Some(Pagination {
        kind: PageKind::Page,
        param: p.name.clone(),
        next: None,
        items: Some(items.name.clone()),
        total: total.map(|f| f.name.clone()),
        total_pages: total_pages.map(|f| f.name.clone()),
        inferred,
        overridden: Vec::new(),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ir::{Model, Param};

    pub(crate) fn field(name: &str, ty: TypeRef) -> Field {
        Field {
            name: name.into(),
            neutral_name: None,
            wire_name: name.into(),
            ty,
            required: false,
            nullable: false,
            read_only: false,
            default: None,
            description: String::new(),
            inferred: Evidence::new(),
            overridden: Vec::new(),
        }
    }

    pub(crate) fn param(name: &str, ty: TypeRef) -> Param {
        Param {
            name: name.into(),
            neutral_name: None,
            wire_name: name.into(),
            location: Location::Query,
            ty,
            doc_type: String::new(),
            required: false,
            default: None,
            description: String::new(),
            enum_values: Vec::new(),
            example: None,
            inferred: Evidence::new(),
            overridden: Vec::new(),
        }
    }

    pub(crate) fn api(params: Vec<Param>, fields: Vec<Field>) -> Api {
        let yaml = "provider: p\ntitle: PApi\nbase_url: https://h\noperations:\n- name: list\n  method: GET\n  path: /l\n  response: Page\n";
        let mut api = crate::yaml::from_yaml(yaml, "t").unwrap();
        api.operations[0].params = params;
        api.models.push(Model::new("Page", ModelKind::Object, fields));
        infer(&mut api);
        api
    }

    pub(crate) fn list() -> TypeRef {
        TypeRef::List(Box::new(TypeRef::Model("Item".into())))
    }

    #[test]
    fn evident_patterns() {
        let a = api(
            vec![param("page_token", TypeRef::String), param("limit", TypeRef::Integer)],
            vec![field("data", list()), field("next_page_token", TypeRef::String)],
        );
        let p = a.operations[0].pagination.as_ref().unwrap();
        assert_eq!((p.kind, p.param.as_str(), p.next.as_deref(), p.items.as_deref()), (PageKind::Cursor, "page_token", Some("next_page_token"), Some("data")));
        assert!(p.inferred["kind"].contains("`page_token`"), "{:?}", p.inferred);

        let a = api(vec![param("offset", TypeRef::Integer)], vec![field("results", list()), field("totalCount", TypeRef::Integer)]);
        let p = a.operations[0].pagination.as_ref().unwrap();
        assert_eq!((p.kind, p.total.as_deref()), (PageKind::Offset, Some("totalCount")));

        let a = api(vec![param("page", TypeRef::Integer)], vec![field("items", list()), field("total_pages", TypeRef::Integer)]);
        let p = a.operations[0].pagination.as_ref().unwrap();
        assert_eq!((p.kind, p.total_pages.as_deref()), (PageKind::Page, Some("total_pages")));
    }

    #[test]
    fn never_without_evidence() {
        // A cursor parameter without a next-cursor field, a page without a total, an offset
        // without items: none pages.
        for (params, fields) in [
            (vec![param("cursor", TypeRef::String)], vec![field("data", list())]),
            (vec![param("page", TypeRef::Integer)], vec![field("data", list())]),
            (vec![param("offset", TypeRef::Integer)], vec![field("total", TypeRef::Integer)]),
            (vec![param("limit", TypeRef::Integer)], vec![field("data", list()), field("total", TypeRef::Integer)]),
        ] {
            assert_eq!(api(params, fields).operations[0].pagination, None);
        }
    }

}
