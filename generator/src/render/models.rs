//! `src/models.rs`: typed structs and enums for models whose shape is known, transparent
//! JSON wrappers for the others.

use super::docs;
use crate::surface::models::{is_typed, is_union, recursive_fields};
use crate::ir::{Api, Field, Model, ModelKind, TypeRef};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use std::collections::{BTreeMap, BTreeSet};

fn base_tokens(t: &TypeRef, idents: &BTreeMap<String, Ident>, top: bool) -> TokenStream {
    match t {
        TypeRef::String => quote!(String),
        TypeRef::Integer => quote!(i64),
        TypeRef::Number => quote!(f64),
        TypeRef::Boolean => quote!(bool),
        // Dates keep their type where a serde adapter can reach them; inside containers
        // they stay text.
        TypeRef::Date if top => quote!(time::Date),
        TypeRef::DateTime if top => quote!(time::OffsetDateTime),
        TypeRef::Date | TypeRef::DateTime => quote!(String),
        // Binary data inside JSON is base64 text.
        TypeRef::Binary => quote!(String),
        TypeRef::Any => quote!(serde_json::Value),
        TypeRef::List(t) => {
            let t = base_tokens(t, idents, false);
            quote!(Vec<#t>)
        }
        TypeRef::Map(t) => {
            let t = base_tokens(t, idents, false);
            quote!(std::collections::BTreeMap<String, #t>)
        }
        TypeRef::Model(m) => match idents.get(m) {
            Some(i) => quote!(crate::models::#i),
            None => quote!(serde_json::Value),
        },
    }
}

/// A field's declaration, and its Rust type.
fn field_tokens(f: &Field, ident: &Ident, idents: &BTreeMap<String, Ident>, boxed: bool) -> (TokenStream, TokenStream) {
    // A type the docs do not settle is read leniently (text, or any JSON).
    let lenient = crate::surface::models::type_guessed(f).map(|ty| Field { ty, ..f.clone() });
    let f = lenient.as_ref().unwrap_or(f);
    let base = base_tokens(&f.ty, idents, true);
    // A model that contains itself (directly or through others) needs a pointer somewhere
    // in the cycle, or its size is infinite.
    let base = if boxed { quote!(Box<#base>) } else { base };
    let wire = &f.wire_name;
    let rename = if *ident != f.wire_name { quote!(rename = #wire,) } else { quote!() };
    let optional = !f.required || f.read_only;
    // A guessed non-null required field reads as a nullable one (see `null_guessed`).
    let guessed = crate::surface::models::null_guessed(f);
    let nullable = f.nullable || guessed.is_some();
    let adapter = |plain: &str, option: &str, double: &str| -> Option<(String, String, String)> {
        Some((plain.to_string(), option.to_string(), double.to_string()))
    };
    let adapters = match f.ty {
        TypeRef::DateTime => adapter("time::serde::rfc3339", "time::serde::rfc3339::option", "crate::runtime::wire::rfc3339_double_option"),
        TypeRef::Date => adapter("crate::runtime::wire::date", "crate::runtime::wire::date::option", "crate::runtime::wire::date::double_option"),
        _ => None,
    };
    let (ty, attrs) = match (optional, nullable) {
        (false, false) => {
            let with = adapters.map(|a| a.0);
            let with = with.map(|w| quote!(with = #w,)).unwrap_or_default();
            (base.clone(), quote!(#rename #with))
        }
        // Required but nullable: always sent (`null` for `None`); a server that leaves it
        // out is read as `null`, which the docs allow anyway.
        (false, true) => {
            let with = adapters.map(|a| a.1);
            let with = with.map(|w| quote!(with = #w,)).unwrap_or_default();
            // A guessed one is left out when `None` (read from an answer without it, or with
            // `null`), so that an answer re-encodes as it came.
            let skip = if guessed.is_some() { quote!(skip_serializing_if = "Option::is_none",) } else { quote!() };
            (quote!(Option<#base>), quote!(#rename default, #skip #with))
        }
        (true, false) => {
            let with = adapters.map(|a| a.1);
            let with = with.map(|w| quote!(with = #w,)).unwrap_or_default();
            (quote!(Option<#base>), quote!(#rename default, skip_serializing_if = "Option::is_none", #with))
        }
        (true, true) => {
            let with = adapters.map(|a| a.2).unwrap_or_else(|| "crate::runtime::wire::double_option".to_string());
            (
                quote!(Option<Option<#base>>),
                quote!(#rename default, skip_serializing_if = "Option::is_none", with = #with,),
            )
        }
    };
    let mut doc = f.description.clone();
    let mut notes = Vec::new();
    if doc.is_empty() {
        notes.push(format!("The `{}` field.", f.wire_name));
    } else if f.wire_name != f.name {
        notes.push(format!("JSON key `{}`.", f.wire_name));
    }
    if f.read_only {
        notes.push("Read-only: set by the server, not sent when `None`.".to_string());
    }
    if let Some(why) = lenient.as_ref().and_then(|l| l.inferred.get("type")) {
        let why = why.trim_start_matches("guess:").trim();
        notes.push(format!("Its type is a guess: {why}."));
    }
    if let Some(why) = guessed.filter(|_| f.inferred.get("required").is_some_and(|e| e.starts_with("guess:"))) {
        let why = why.trim_start_matches("guess:").trim();
        notes.push(format!(
            "Required by the docs, but that is a guess ({why}): `None` when an answer leaves it out or has `null`, and then not sent; `new` takes it."
        ));
    } else if guessed.is_some() {
        notes.push(
            "Required, but the docs never say whether it may be `null` (they mark no field nullable): `None` when an answer \
             has `null` or leaves it out, and then not sent; `new` takes it."
                .to_string(),
        );
    }
    match (optional, f.nullable) {
        (true, true) => notes.push("`None`: not sent; `Some(None)`: sent as `null`.".into()),
        (false, true) => notes.push("May be `null` (sent as `null` when `None`; read as `None` when missing).".into()),
        _ => {}
    }
    if let Some(d) = &f.default {
        notes.push(format!("Server default: `{d}`."));
    }
    if !notes.is_empty() {
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str(&notes.join(" "));
    }
    let doc_attrs = docs::doc_attrs(&doc);
    let attrs = if attrs.is_empty() { quote!() } else { quote!(#[serde(#attrs)]) };
    let decl = quote! {
        #doc_attrs
        #attrs
        pub #ident: #ty,
    };
    (decl, ty)
}

fn model_doc(m: &Model, source: &str, typed: bool) -> TokenStream {
    let mut doc = String::new();
    if !m.description.is_empty() {
        doc.push_str(&docs::sanitize(&m.description));
        doc.push_str("\n\n");
    }
    doc.push_str(&format!("The API's `{source}` model."));
    if typed && m.inferred.contains_key("fields") {
        doc.push_str(" Its fields were inferred from a JSON example in the docs, so all are optional.");
    }
    docs::raw_doc_attrs(&doc)
}

fn object(
    m: &Model,
    ident: &Ident,
    idents: &BTreeMap<String, Ident>,
    recursive: &BTreeSet<(&str, &str)>,
    warn: crate::surface::Warn<'_>,
) -> TokenStream {
    let mut fields = Vec::new();
    let mut all_optional = true;
    let mut new_args = Vec::new();
    let mut new_inits = Vec::new();
    let mut constants: Vec<String> = Vec::new();
    for (f, ident) in crate::surface::models::field_idents(m, warn) {
        if f.required && !f.read_only {
            all_optional = false;
        }
        let boxed = matches!(&f.ty, TypeRef::Model(target) if recursive.contains(&(m.name.as_str(), target.as_str())));
        let (decl, ty) = field_tokens(f, &ident, idents, boxed);
        fields.push(decl);
        // A required text field with a documented default (a variant's tag constant, 5.x/6.x
        // `defaults to "card"`) is filled in by the constructor.
        // A required field read leniently (its nullability a guess) is still taken plainly.
        let guessed = crate::surface::models::null_guessed(f).is_some();
        let arg_ty = crate::surface::models::type_guessed(f).unwrap_or_else(|| f.ty.clone());
        let plain = if guessed { base_tokens(&arg_ty, idents, true).to_string() } else { ty.to_string() };
        let constant = f.default.as_deref().filter(|_| f.required && !f.read_only && !f.nullable && f.ty == TypeRef::String && plain == "String");
        if let Some(value) = constant {
            constants.push(format!("`{}` is `{value:?}`", f.wire_name));
            new_inits.push(if guessed { quote!(#ident: Some(#value.to_owned()),) } else { quote!(#ident: #value.to_owned(),) });
        } else if f.required && !f.read_only {
            let boxed_arg = boxed && !f.nullable;
            let (arg_ty, value) = if plain == "String" {
                (quote!(impl Into<String>), quote!(#ident.into()))
            } else if boxed_arg {
                (base_tokens(&arg_ty, idents, true), quote!(Box::new(#ident)))
            } else if guessed {
                (base_tokens(&arg_ty, idents, true), quote!(#ident))
            } else {
                (ty.clone(), quote!(#ident))
            };
            let value = if guessed { quote!(Some(#value)) } else { value };
            new_args.push(quote!(#ident: #arg_ty));
            new_inits.push(if ident == value.to_string() { quote!(#ident,) } else { quote!(#ident: #value,) });
        } else {
            new_inits.push(quote!(#ident: None,));
        }
    }
    let doc = model_doc(m, &m.name, true);
    let default = if all_optional { quote!(Default,) } else { quote!() };
    let constructor = if all_optional {
        quote!()
    } else {
        let new_doc = if constants.is_empty() {
            " Builds one from its required fields; the optional ones are `None`.".to_string()
        } else {
            format!(" Builds one from its required fields; the optional ones are `None`, {}.", constants.join(", "))
        };
        let many = if new_args.len() > 7 { quote!(#[allow(clippy::too_many_arguments)]) } else { quote!() };
        // Every required field has a documented default: `new()` takes nothing, and is the
        // `Default` too.
        let default_impl = new_args.is_empty().then(|| {
            quote! {
                impl Default for #ident {
                    fn default() -> Self {
                        Self::new()
                    }
                }
            }
        });
        quote! {
            impl #ident {
                #[doc = #new_doc]
                #many
                pub fn new(#(#new_args),*) -> Self {
                    Self {
                        #(#new_inits)*
                        additional_properties: std::collections::BTreeMap::new(),
                    }
                }
            }
            #default_impl
        }
    };
    quote! {
        #doc
        #[derive(Clone, Debug, #default PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct #ident {
            #(#fields)*
            /// Fields the docs do not describe, kept as received so nothing is lost.
            #[serde(flatten)]
            pub additional_properties: std::collections::BTreeMap<String, serde_json::Value>,
        }

        #constructor

        impl crate::runtime::QueryValue for #ident {
            fn append_to(&self, out: &mut Vec<String>) {
                if let Ok(value) = serde_json::to_value(self) {
                    value.append_to(out);
                }
            }
        }
    }
}

fn enumeration(m: &Model, ident: &Ident, warn: crate::surface::Warn<'_>) -> TokenStream {
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    for (v, id) in crate::surface::models::enum_variants(m, warn) {
        let doc = format!(" `{v}`");
        variants.push(quote! {
            #[doc = #doc]
            #[serde(rename = #v)]
            #id,
        });
        arms.push(quote!(Self::#id => #v,));
    }
    let doc = model_doc(m, &m.name, true);
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum #ident {
            #(#variants)*
            /// A value the docs did not list (the server may add values at any time).
            #[serde(untagged)]
            Other(String),
        }

        impl #ident {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#arms)*
                    Self::Other(value) => value,
                }
            }
        }

        impl std::fmt::Display for #ident {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl crate::runtime::QueryValue for #ident {
            fn append_to(&self, out: &mut Vec<String>) {
                out.push(self.as_str().to_owned());
            }
        }
    }
}

fn opaque(source: &str, ident: &Ident) -> TokenStream {
    let doc = format!(
        " The API's `{source}` model.\n\n The docs give no fields for it, so it holds the JSON value as sent and \
         received: read fields with [`{ident}::get`], build one from `serde_json::json!`, or decode the \
         response into your own type with `send_json`."
    );
    let doc_lines = doc.lines().map(|l| quote!(#[doc = #l]));
    quote! {
        #(#doc_lines)*
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct #ident(pub serde_json::Value);

        impl #ident {
            /// The value of a field, if this is an object that has it.
            pub fn get(&self, field: &str) -> Option<&serde_json::Value> {
                self.0.get(field)
            }

            /// The JSON value.
            pub fn as_value(&self) -> &serde_json::Value {
                &self.0
            }

            /// The JSON value, owned.
            pub fn into_value(self) -> serde_json::Value {
                self.0
            }
        }

        impl From<serde_json::Value> for #ident {
            fn from(value: serde_json::Value) -> Self {
                Self(value)
            }
        }

        impl From<#ident> for serde_json::Value {
            fn from(value: #ident) -> Self {
                value.0
            }
        }

        impl crate::runtime::QueryValue for #ident {
            fn append_to(&self, out: &mut Vec<String>) {
                self.0.append_to(out);
            }
        }
    }
}

/// A union whose variants are not known as models: one struct of the merged fields, every
/// field optional (no field is known to be in every variant).
fn merged(m: &Model) -> Model {
    let mut m = m.clone();
    for f in &mut m.fields {
        f.required = false;
    }
    m
}

/// `oneOf` / `anyOf`: an enum of the variant models. Untagged (the first variant that
/// decodes wins) or, with a discriminator, chosen by the tag property's value.
fn variants(
    m: &Model,
    ident: &Ident,
    idents: &BTreeMap<String, Ident>,
    recursive: &BTreeSet<(&str, &str)>,
    warn: crate::surface::Warn<'_>,
) -> TokenStream {
    let mut decls = Vec::new();
    let mut froms = Vec::new();
    let mut names: BTreeMap<&str, Ident> = BTreeMap::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for v in &m.variants {
        let Some(ty) = idents.get(v) else { continue };
        if !seen.insert(v) {
            warn(crate::surface::Problem::at_model(m, format!("model `{}`: variant `{v}` is listed twice; it is kept once", m.name)));
            continue;
        }
        // The variant is named like its model's Rust type, which is unique.
        let name = ty.to_string();
        let var = format_ident!("{}", name);
        let boxed = recursive.contains(&(m.name.as_str(), v.as_str()));
        let (field, wrap) = if boxed { (quote!(Box<crate::models::#ty>), quote!(Box::new(value))) } else { (quote!(crate::models::#ty), quote!(value)) };
        let doc = format!(" A [`{ty}`].");
        decls.push(quote! {
            #[doc = #doc]
            #var(#field),
        });
        froms.push(quote! {
            impl From<crate::models::#ty> for #ident {
                fn from(value: crate::models::#ty) -> Self {
                    Self::#var(#wrap)
                }
            }
        });
        names.insert(v.as_str(), var);
    }
    let mut doc_text = String::new();
    if !m.description.is_empty() {
        doc_text.push_str(&docs::sanitize(&m.description));
        doc_text.push_str("\n\n");
    }
    doc_text.push_str(&format!("The API's `{}` model: one of its variants. ", m.name));
    match &m.discriminator {
        Some(d) => doc_text.push_str(&format!(
            "The JSON key `{}` names the variant ({}); a value with another tag decodes as the first variant that fits.",
            d.property,
            d.mapping.iter().map(|(k, v)| format!("`{k}`: `{v}`")).collect::<Vec<_>>().join(", ")
        )),
        None => doc_text.push_str("A value decodes as the first variant that fits, tried in the order below."),
    }
    doc_text.push_str(" Encoded as the variant itself.");
    let doc = docs::raw_doc_attrs(&doc_text);
    let tries: Vec<TokenStream> = m
        .variants
        .iter()
        .filter_map(|v| names.get(v.as_str()))
        .map(|var| {
            let miss = format!("{var}: {{e}}");
            quote! {
                match serde_json::from_value(value.clone()) {
                    Ok(v) => return Ok(Self::#var(v)),
                    Err(e) => misses.push(format!(#miss)),
                }
            }
        })
        .collect();
    let deserialize = match &m.discriminator {
        Some(d) => {
            let prop = &d.property;
            let arms = d.mapping.iter().filter_map(|(tag, v)| {
                let var = names.get(v.as_str())?;
                Some(quote!(Some(#tag) => serde_json::from_value(value).map(Self::#var).map_err(serde::de::Error::custom),))
            });
            let expected = format!(
                "`{prop}` to be one of {}",
                d.mapping.keys().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            );
            let no_match = format!("no variant of `{}` fits, and expected {expected}", m.name);
            let no_match = format!("{} ({{}})", no_match.replace('{', "{{").replace('}', "}}"));
            quote! {
                impl<'de> serde::Deserialize<'de> for #ident {
                    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        let value = serde_json::Value::deserialize(deserializer)?;
                        let tag = value.get(#prop).and_then(serde_json::Value::as_str).map(str::to_owned);
                        match tag.as_deref() {
                            #(#arms)*
                            // A tag the docs did not list: the first variant that fits.
                            _ => {
                                let mut misses: Vec<String> = Vec::new();
                                #(#tries)*
                                Err(serde::de::Error::custom(format!(#no_match, misses.join("; "))))
                            }
                        }
                    }
                }
            }
        }
        None => {
            let no_match = format!("no variant of `{}` fits ({{}})", m.name);
            quote! {
                impl<'de> serde::Deserialize<'de> for #ident {
                    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        let value = serde_json::Value::deserialize(deserializer)?;
                        let mut misses: Vec<String> = Vec::new();
                        #(#tries)*
                        Err(serde::de::Error::custom(format!(#no_match, misses.join("; "))))
                    }
                }
            }
        }
    };
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, serde::Serialize)]
        #[serde(untagged)]
        #[allow(clippy::large_enum_variant)]
        pub enum #ident {
            #(#decls)*
        }

        #deserialize

        #(#froms)*

        impl crate::runtime::QueryValue for #ident {
            fn append_to(&self, out: &mut Vec<String>) {
                if let Ok(value) = serde_json::to_value(self) {
                    value.append_to(out);
                }
            }
        }
    }
}

pub(crate) fn models_rs(api: &Api, idents: &BTreeMap<String, Ident>, warn: crate::surface::Warn<'_>) -> TokenStream {
    let items = model_items(api, idents, warn).into_iter().map(|(_, _, tokens)| tokens);
    quote! {
        //! The API's models.

        #[allow(unused_imports)]
        use crate::runtime::QueryValue as _;

        #(#items)*
    }
}

/// Each model's items: source name, Rust name, tokens (`src/models.rs` is all of them; a
/// crate laid out by API group has a file per model, [`model_item`]).
pub(crate) fn model_items<'a>(
    api: &Api,
    idents: &'a BTreeMap<String, Ident>,
    warn: crate::surface::Warn<'_>,
) -> Vec<(&'a String, &'a Ident, TokenStream)> {
    let recursive = recursive_fields(api, idents);
    idents
        .iter()
        .map(|(source, ident)| (source, ident, model_item(api, idents, &recursive, (source, ident), warn)))
        .collect()
}

/// One model's items; `recursive` is [`recursive_fields`] of the API.
pub(crate) fn model_item(
    api: &Api,
    idents: &BTreeMap<String, Ident>,
    recursive: &BTreeSet<(&str, &str)>,
    (source, ident): (&String, &Ident),
    warn: crate::surface::Warn<'_>,
) -> TokenStream {
    let model = api.models.iter().find(|m| &m.name == source);
    match model {
        Some(m) if is_typed(api, source) => match m.kind {
            ModelKind::Object => object(m, ident, idents, recursive, warn),
            ModelKind::Enum => enumeration(m, ident, warn),
            ModelKind::OneOf | ModelKind::AnyOf if is_union(api, m) => variants(m, ident, idents, recursive, warn),
            ModelKind::OneOf | ModelKind::AnyOf => object(&merged(m), ident, idents, recursive, warn),
        },
        _ => opaque(source, ident),
    }
}
