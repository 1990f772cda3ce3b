//! Operations: one `Client` method and one request builder per operation.

use super::docs::{self, doc_attrs, raw_doc_attrs};
use crate::ir::{Location, Operation};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use crate::surface::ops::*;
use crate::surface::groups::GroupPlan;
use crate::surface::schemes::SchemePlan;

fn method_tokens(m: &str) -> TokenStream {
    let ident = format_ident!("{}", m);
    quote!(reqwest::Method::#ident)
}

/// Rustdoc for an operation's client method.
fn op_doc(o: &OpPlan<'_>) -> String {
    let op = o.op;
    let mut d = String::new();
    if !op.summary.is_empty() {
        d.push_str(&docs::sanitize(&op.summary));
        d.push_str("\n\n");
    }
    if !op.description.is_empty() && op.description.trim() != op.summary.trim() {
        d.push_str(&docs::sanitize(&op.description));
        d.push_str("\n\n");
    }
    d.push_str(&format!("`{} {}` (`{}` in the docs)\n\n", op.method, op.path, op.name));
    if !o.required.is_empty() || !o.optional.is_empty() {
        d.push_str("# Parameters\n\n");
        for p in o.required.iter().chain(&o.optional) {
            let where_ = match p.p.location {
                Location::Body => "request body".to_string(),
                Location::Form => format!("form field `{}`", p.p.wire_name),
                l => format!("{} `{}`", l.as_str(), p.p.wire_name),
            };
            let req = if p.p.required || p.p.location == Location::Path { "" } else { ", optional: set it on the request builder" };
            let default = p
                .p
                .default
                .as_ref()
                .map(|d| format!(" (server default: `{d}`)"))
                .unwrap_or_default();
            let desc = if p.p.description.is_empty() {
                String::new()
            } else {
                format!(": {}", docs::sanitize(&p.p.description.replace('\n', " ")))
            };
            d.push_str(&format!("- `{}` ({where_}{req}){default}{desc}\n", p.ident));
        }
        d.push('\n');
    }
    if !op.responses.is_empty() {
        d.push_str("# Responses\n\n");
        for r in &op.responses {
            let status = if r.status == "0" { "default".to_string() } else { r.status.clone() };
            let desc = if r.description.is_empty() { String::new() } else { format!(": {}", docs::sanitize(&r.description)) };
            d.push_str(&format!("- {status}{desc}\n"));
        }
        d.push('\n');
    }
    d.push_str("Statuses other than 2xx are returned as [`crate::Error::Status`].");
    d
}

fn security_tokens(op: &Operation, schemes: &SchemePlan) -> TokenStream {
    if op.security.iter().all(|alt| alt.is_empty()) {
        return quote!(crate::runtime::Security::None);
    }
    let refs = |alt: &Vec<String>| {
        let idents: Vec<&Ident> = alt.iter().filter_map(|s| schemes.get(s)).map(|s| &s.static_ident).collect();
        quote!(&[#(&crate::client::#idents),*])
    };
    if op.security_exact {
        let alts = op.security.iter().map(refs);
        quote!(crate::runtime::Security::Alternatives(&[#(#alts),*]))
    } else {
        let mut flat: Vec<&String> = Vec::new();
        for s in op.security.iter().flatten() {
            if !flat.contains(&s) {
                flat.push(s);
            }
        }
        let idents: Vec<&Ident> = flat.iter().filter_map(|s| schemes.get(s)).map(|s| &s.static_ident).collect();
        quote!(crate::runtime::Security::AnyConfigured(&[#(&crate::client::#idents),*]))
    }
}

/// Statements that put one parameter into the runtime request `req`. `value` is an
/// expression of the field's type (for optional ones: the unwrapped value).
fn apply_param(p: &ParamPlan<'_>, body_kind: BodyKind, ct: &str, value: TokenStream) -> TokenStream {
    let wire = &p.p.wire_name;

    match p.p.location {
        Location::Path => match p.rust_ty {
            RustTy::String => quote!(req.path_param(&#value);),
            _ => quote!(req.path_param_value(&#value);),
        },
        Location::Query => quote!(req.query(#wire, &#value);),
        Location::Header => quote!(req.header_value(#wire, &#value)?;),
        Location::Cookie => quote!(req.cookie(#wire, &#value);),
        Location::Form => match (&p.rust_ty, body_kind) {
            (RustTy::File, _) => quote!(req.multipart_file(#wire, #value);),
            (RustTy::List(inner), _) if **inner == RustTy::File => {
                quote!(for file in #value { req.multipart_file(#wire, file); })
            }
            (_, BodyKind::Multipart) => quote!(req.multipart_text(#wire, &#value);),
            _ => quote!(req.form_field(#wire, &#value);),
        },
        Location::Body if body_kind == BodyKind::Raw => {
            // The first listed content type is the one sent; for a file (unless the file
            // says its own), `application/octet-stream` if listed, else the first that is
            // not JSON.
            let listed: Vec<&str> = ct.split(',').map(str::trim).filter(|c| !c.is_empty() && !c.contains('*')).collect();
            let ct = if p.rust_ty == RustTy::File {
                listed
                    .iter()
                    .find(|c| **c == "application/octet-stream")
                    .or_else(|| listed.iter().find(|c| !c.contains("json")))
                    .copied()
                    .unwrap_or("application/octet-stream")
            } else {
                listed.first().copied().unwrap_or("application/octet-stream")
            };
            match p.rust_ty {
                RustTy::File => quote!(req.file_body(#value, #ct)?;),
                _ => quote!(req.bytes_body(#value, #ct);),
            }
        }
        Location::Body => quote!(req.json_body(&#value)?;),
    }
}

/// A top-level piece of `src/operations.rs`, rendered and formatted on its own (on any
/// thread): the file is its pieces' text, concatenated in order.
pub(crate) enum OpsPiece {
    /// The file's inner doc and `use`.
    Header,
    /// `impl Client` with the methods of these (ungrouped) operations.
    ClientImpl(Vec<usize>),
    /// The request builder of one (ungrouped) operation.
    Builder(usize),
}

impl OpsPiece {
    /// A rough cost, in builders, of rendering and formatting the piece.
    pub(crate) fn weight(&self) -> usize {
        match self {
            OpsPiece::Header => 0,
            OpsPiece::ClientImpl(ops) => ops.len().div_ceil(8),
            OpsPiece::Builder(_) => 1,
        }
    }
}

/// The pieces of `src/operations.rs`: the operations outside any API group (those of a
/// group are in its own module, [`group_file`]); none when there are none.
pub(crate) fn operations_pieces(plan: &Plan<'_>) -> Vec<OpsPiece> {
    let ops: Vec<usize> = (0..plan.ops.len()).filter(|&i| plan.ops[i].op.group.is_none()).collect();
    if ops.is_empty() {
        return Vec::new();
    }
    let mut pieces = vec![OpsPiece::Header, OpsPiece::ClientImpl(ops.clone())];
    pieces.extend(ops.into_iter().map(OpsPiece::Builder));
    pieces
}

/// The tokens of one piece of `src/operations.rs`.
pub(crate) fn operations_piece(piece: &OpsPiece, plan: &Plan<'_>, schemes: &SchemePlan) -> TokenStream {
    match piece {
        OpsPiece::Header => quote! {
            //! One method and one request builder per documented operation.

            use crate::Client;
        },
        OpsPiece::ClientImpl(ops) => {
            let methods = ops.iter().map(|&i| client_method(&plan.ops[i], None, Vec::new()));
            quote! {
                impl Client {
                    #(#methods)*
                }
            }
        }
        OpsPiece::Builder(i) => builder(&plan.ops[*i], schemes, None),
    }
}

/// Where an operation's method is: on `Client` (`None`), or on an API group's type (its
/// module and type).
pub(crate) type Owner<'x> = Option<(&'x Ident, &'x Ident)>;

/// One API group's module (`src/apis/<module>.rs`): the `Client` accessor, the group's
/// type with one method per operation (and one per operation of an earlier group
/// documented here too), and the request builders. `cfg` is what the forwarding methods
/// need: the feature of the group each one's operation lives in.
pub(crate) fn group_file(
    g: &GroupPlan,
    plan: &Plan<'_>,
    schemes: &SchemePlan,
    home: &dyn Fn(usize) -> Option<(Ident, Ident, TokenStream)>,
    reached_from: &dyn Fn(usize) -> Vec<String>,
) -> TokenStream {
    let (module, api) = (&g.module, &g.api_ident);
    let name = &g.name;
    let n = g.ops.len();
    let also = match g.also.iter().filter(|(_, m)| m.is_some()).count() {
        0 => String::new(),
        k => format!(" (and {k} documented here that live in other groups)"),
    };
    let file_doc = format!(
        " The `{name}` API group: {n} operation{}{also}, reached with [`Client::{module}`](crate::Client::{module}) (cargo feature `{module}`).",
        if n == 1 { "" } else { "s" }
    );
    let accessor_doc = format!(" The `{name}` operations ({n}): `client.{module}().<operation>(..)`; see [`{api}`].");
    let type_doc = format!(" The operations of the `{name}` API group, from [`Client::{module}`](crate::Client::{module}).");
    let methods = g.ops.iter().map(|&i| client_method(&plan.ops[i], Some((module, api)), reached_from(i)));
    let forwards = g.also.iter().filter_map(|(i, forward)| {
        let forward = forward.as_ref()?;
        let o = &plan.ops[*i];
        let (home_module, home_api, cfg) = home(*i)?;
        Some(forward_method(o, forward, (&home_module, &home_api), cfg, name))
    });
    let builders = g.ops.iter().map(|&i| builder(&plan.ops[i], schemes, Some((module, api))));
    // A group whose doc only repeats other groups' operations reaches them under their
    // features: with none of those on, it has nothing to call.
    let unused = g.ops.is_empty().then(|| quote!(#[allow(dead_code)]));
    quote! {
        #![doc = #file_doc]

        use crate::Client;

        impl Client {
            #[doc = #accessor_doc]
            pub fn #module(&self) -> #api<'_> {
                #api { client: self }
            }
        }

        #[doc = #type_doc]
        #[derive(Clone, Copy, Debug)]
        pub struct #api<'a> {
            #unused
            client: &'a Client,
        }

        impl<'a> #api<'a> {
            #(#methods)*
            #(#forwards)*
        }

        #(#builders)*
    }
}

/// A method of a group for an operation documented under it that lives in an earlier
/// group: the same call, the same request builder.
fn forward_method(o: &OpPlan<'_>, method: &Ident, (module, api): (&Ident, &Ident), cfg: TokenStream, here: &str) -> TokenStream {
    let target = &o.method_ident;
    let request_ident = &o.request_ident;
    let home = o.op.group.as_deref().unwrap_or_default();
    let doc = format!(
        " `{}` is documented under `{here}` too; it lives in the `{home}` group: the same as [`{api}::{target}`](crate::apis::{module}::{api}::{target}) (`client.{module}().{target}(..)`, cargo feature `{module}`).",
        o.op.name
    );
    let args = required_args(o);
    let pass = o.required.iter().map(|p| &p.ident);
    let allow = (o.required.len() >= 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        #[doc = #doc]
        #cfg
        #allow
        pub fn #method(&self, #(#args),*) -> crate::apis::#module::#request_ident<'a> {
            self.client.#module().#target(#(#pass),*)
        }
    }
}

/// The method's arguments: each required parameter, taken as `impl Into<T>` where it can be.
fn required_args<'o>(o: &'o OpPlan<'_>) -> impl Iterator<Item = TokenStream> + 'o {
    o.required.iter().map(|p| {
        let ident = &p.ident;
        let ty = &p.ty;
        if p.into {
            quote!(#ident: impl Into<#ty>)
        } else {
            quote!(#ident: #ty)
        }
    })
}

/// One operation's method on `Client`, or on its group's type; `also`: the calls of the
/// other groups that document it too (`client.pets().get_pet(..)`).
fn client_method(o: &OpPlan<'_>, owner: Owner<'_>, also: Vec<String>) -> TokenStream {
    let method_ident = &o.method_ident;
    let request_ident = &o.request_ident;
    let mut doc = op_doc(o);
    if !also.is_empty() {
        doc.push_str(&format!(
            "\n\nDocumented under other API groups too, which reach it as well: {}.",
            also.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
        ));
    }
    let docs = raw_doc_attrs(&doc);
    let args = required_args(o);
    let inits_required = o.required.iter().map(|p| {
        let ident = &p.ident;
        if p.into {
            quote!(#ident: #ident.into())
        } else {
            quote!(#ident)
        }
    });
    let inits_optional = o.optional.iter().map(|p| {
        let ident = &p.ident;
        quote!(#ident: None)
    });
    // Required parameters are arguments, however many the doc lists (self included: 7).
    let allow = (o.required.len() >= 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let (lifetime, client) = match owner {
        Some(_) => (quote!('a), quote!(self.client)),
        None => (quote!('_), quote!(self)),
    };
    quote! {
        #docs
        #allow
        pub fn #method_ident(&self, #(#args),*) -> #request_ident<#lifetime> {
            #request_ident {
                client: #client,
                #(#inits_required,)*
                #(#inits_optional,)*
                options: crate::runtime::RequestOptions::new(),
            }
        }
    }
}

/// One operation's request builder: the struct, its setters and senders, `IntoFuture`.
fn builder(o: &OpPlan<'_>, schemes: &SchemePlan, owner: Owner<'_>) -> TokenStream {
    let op = o.op;
    let method_ident = &o.method_ident;
    let request_ident = &o.request_ident;
    let op_name = &op.name;
    let fields_required = o.required.iter().map(|p| {
        let ident = &p.ident;
        let ty = &p.ty;
        quote!(#ident: #ty)
    });
    let fields_optional = o.optional.iter().map(|p| {
        let ident = &p.ident;
        let ty = &p.ty;
        quote!(#ident: Option<#ty>)
    });
    let setters = o.optional.iter().map(|p| {
        let ident = &p.ident;
        let ty = &p.ty;
        let mut doc = p.p.description.clone();
        if let Some(d) = &p.p.default {
            if !doc.is_empty() {
                doc.push_str("\n\n");
            }
            doc.push_str(&format!("When not set, the server's default applies (`{d}`); nothing is sent."));
        }
        if doc.is_empty() {
            doc = format!("Sets `{}`.", p.p.wire_name);
        }
        let docs = doc_attrs(&doc);
        if p.into {
            quote! {
                #docs
                pub fn #ident(mut self, value: impl Into<#ty>) -> Self {
                    self.#ident = Some(value.into());
                    self
                }
            }
        } else {
            quote! {
                #docs
                pub fn #ident(mut self, value: #ty) -> Self {
                    self.#ident = Some(value);
                    self
                }
            }
        }
    });

    // Building the runtime request.
    let ct = op.content_type.as_deref().unwrap_or("");
    let method = method_tokens(&op.method);
    let mut path_stmts = Vec::new();
    let mut rest = op.path.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| c + open) else { break };
        if open > 0 {
            let lit = &rest[..open];
            path_stmts.push(quote!(req.path_literal(#lit);));
        }
        let ph = &rest[open + 1..close];
        if let Some(p) = o.required.iter().find(|p| p.p.location == Location::Path && p.p.wire_name == ph) {
            let ident = &p.ident;
            path_stmts.push(apply_param(p, o.body_kind, ct, quote!(self.#ident)));
        }
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        path_stmts.push(quote!(req.path_literal(#rest);));
    }
    let apply_required = o.required.iter().filter(|p| p.p.location != Location::Path).map(|p| {
        let ident = &p.ident;
        apply_param(p, o.body_kind, ct, quote!(self.#ident))
    });
    let apply_optional = o.optional.iter().map(|p| {
        let ident = &p.ident;
        let stmt = apply_param(p, o.body_kind, ct, quote!(value));
        quote! {
            if let Some(value) = self.#ident {
                #stmt
            }
        }
    });
    let accept = op.accept.as_deref().map(|a| quote!(req.accept(#a);));
    let security = security_tokens(op, schemes);
    let documented = op.responses.iter().map(|r| {
        let s = &r.status;
        let d = &r.description;
        quote!(crate::runtime::Documented { status: #s, description: #d })
    });
    // How `send` decodes the answer: a decoder of the runtime's shared `send`, or (items of
    // a stream) its own.
    let decoder = |d: TokenStream| Some(quote!(crate::runtime::RawResponse::#d));
    let (out_ty, decoder) = match &o.response {
        Response::Empty => (quote!(()), decoder(quote!(empty))),
        Response::Bytes => (quote!(bytes::Bytes), decoder(quote!(bytes))),
        Response::Text => (quote!(String), decoder(quote!(text))),
        Response::Json(t) => (t.clone(), decoder(quote!(json))),
        Response::Items(t, _) => (quote!(Vec<#t>), None),
    };
    let send = match (decoder, &o.response) {
        (Some(decoder), _) => quote! {
            /// Sends the request and decodes the documented response.
            pub fn send(self) -> impl std::future::Future<Output = crate::ApiResult<#out_ty>> + Send {
                let config = self.client.config.clone();
                let req = self.into_request();
                crate::runtime::send(config, req, Self::OPERATION, Self::DOCUMENTED, #decoder)
            }
        },
        (None, Response::Items(_, format)) => quote! {
            /// Sends the request and decodes the documented response.
            pub async fn send(self) -> Result<crate::ApiResponse<#out_ty>, crate::Error> {
                let config = self.client.config.clone();
                let raw = config.execute(self.into_request()?).await?;
                raw.items(Self::OPERATION, Self::DOCUMENTED, #format)
            }
        },
        (None, _) => quote!(),
    };
    let send_items = match &o.response {
        Response::Items(t, format) => Some(quote! {
            /// Sends the request and returns the 2xx answer's items one at a time, as they
            /// arrive (a `Stream` of `Result<item, Error>`; see the crate docs' "Streaming").
            pub async fn send_items(self) -> Result<crate::ItemStream<#t>, crate::Error> {
                let config = self.client.config.clone();
                let req = self.into_request()?;
                config.execute_items(req, Self::DOCUMENTED, #format).await
            }
        }),
        _ => None,
    };
    let paging = o.paging.as_ref().map(|pg| paging_methods(pg, &out_ty));
    let derives = if o.paging.is_some() { quote!(#[derive(Clone, Debug)]) } else { quote!(#[derive(Debug)]) };
    let options = if o.has_idempotency_param {
        quote!(crate::runtime::request_options!(no_idempotency_key);)
    } else {
        quote!(crate::runtime::request_options!();)
    };
    let path_template = &op.path;
    let owner_path = match owner {
        Some((module, api)) => format!("{api}::{method_ident}`](crate::apis::{module}::{api}::{method_ident}"),
        None => format!("Client::{method_ident}`](crate::Client::{method_ident}"),
    };
    let builder_doc = format!(
        " Request builder for [`{owner_path}): `{} {}`.\n\n Set optional parameters, then `.await` it or call [`send`](Self::send).",
        op.method, op.path
    );
    let builder_doc_lines = builder_doc.lines().map(|l| quote!(#[doc = #l]));
    quote! {
        #(#builder_doc_lines)*
        #derives
        #[must_use = "a request does nothing until it is sent or awaited"]
        pub struct #request_ident<'a> {
            client: &'a Client,
            #(#fields_required,)*
            #(#fields_optional,)*
            options: crate::runtime::RequestOptions,
        }

        impl<'a> #request_ident<'a> {
            /// The operation, as the docs name it.
            const OPERATION: &'static str = #op_name;
            /// The statuses the docs describe.
            const DOCUMENTED: &'static [crate::runtime::Documented] = &[#(#documented),*];

            #(#setters)*

            #options

            fn into_request(self) -> Result<crate::runtime::RequestBuilder, crate::Error> {
                let mut req = crate::runtime::RequestBuilder::new(#method, Self::OPERATION);
                req.path_template(#path_template);
                req.options(self.options);
                #(#path_stmts)*
                #(#apply_required)*
                #(#apply_optional)*
                #accept
                req.security(#security);
                Ok(req)
            }

            #send

            #send_items

            #paging
        }

        impl<'a> std::future::IntoFuture for #request_ident<'a> {
            type Output = Result<crate::ApiResponse<#out_ty>, crate::Error>;
            type IntoFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Self::Output> + Send + 'a>>;

            fn into_future(self) -> Self::IntoFuture {
                Box::pin(self.send())
            }
        }
    }
}

/// `.pages()` and (with an item list) `.items()` of a paged operation.
fn paging_methods(pg: &Paging, page_ty: &TokenStream) -> TokenStream {
    use crate::ir::PageKind;
    let param = &pg.param;
    let set = |value: TokenStream| {
        if pg.param_required {
            quote!(next.#param = #value;)
        } else {
            quote!(next.#param = Some(#value);)
        }
    };
    let current_int = |start: i64| {
        if pg.param_required {
            quote!(next.#param)
        } else {
            quote!(next.#param.unwrap_or(#start))
        }
    };
    let count = |f: &Option<Ident>| match f {
        Some(f) => quote!(crate::runtime::CountField::count(&page.#f)),
        None => quote!(None),
    };
    let items_len = match &pg.items {
        Some((f, _)) => quote!(crate::runtime::ItemsField::len(&page.#f)),
        None => quote!(0usize),
    };
    let (doc, prelude, step) = match pg.kind {
        PageKind::Cursor => {
            let Some(f) = &pg.next else { return quote!() };
            let current = if pg.param_required { quote!(Some(next.#param.as_str())) } else { quote!(next.#param.as_deref()) };
            let assign = set(quote!(cursor));
            (
                format!("the next request sends the previous page's `{f}` as `{param}`, until a page has none"),
                quote!(),
                quote! {
                    let cursor = crate::runtime::next_cursor(#current, crate::runtime::CursorField::cursor(&page.#f))?;
                    #assign
                },
            )
        }
        PageKind::Offset => {
            let current = current_int(0);
            let total = count(&pg.total);
            let assign = set(quote!(offset));
            (
                format!("`{param}` moves on by the items of each page, until a page is empty or the total is reached"),
                quote!(),
                quote! {
                    let offset = crate::runtime::next_offset(#current, #items_len, #total)?;
                    #assign
                },
            )
        }
        PageKind::Page => {
            let current = current_int(1);
            let total = count(&pg.total);
            let total_pages = count(&pg.total_pages);
            let assign = set(quote!(number));
            (
                format!("`{param}` counts up from its value (default 1), until a page is empty or the last page is reached"),
                quote!(let mut seen = 0usize;),
                quote! {
                    let items = #items_len;
                    seen += items;
                    let number = crate::runtime::next_page(#current, items, #total_pages, #total, seen)?;
                    #assign
                },
            )
        }
    };
    let pages_doc = format!(
        " Every page, fetched one at a time as the stream is polled, starting with this request: {doc}. An error ends the stream."
    );
    let items = pg.items.as_ref().map(|(f, item)| {
        quote! {
            /// Every item of every page (see [`pages`](Self::pages)), in order.
            pub fn items(self) -> crate::Items<'a, #item> {
                crate::runtime::items(self.pages(), |page: #page_ty| crate::runtime::ItemsField::into_items(page.#f))
            }
        }
    });
    quote! {
        #[doc = #pages_doc]
        pub fn pages(self) -> crate::Pages<'a, #page_ty> {
            #prelude
            crate::runtime::pages(self, move |mut next: Self, page: &#page_ty| {
                #step
                Some(next)
            })
        }

        #items
    }
}
