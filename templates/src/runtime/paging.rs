//! Pagination: the pages of a paged list operation, and their items, as
//! streams.

use std::future::IntoFuture;
use std::pin::Pin;

use futures_core::Stream;

use super::error::Error;
use super::response::ApiResponse;

/// The pages of a paged list operation, fetched one at a time as they are
/// polled: a `Stream<Item = Result<ApiResponse<P>, Error>>`. An error ends
/// the stream.
pub type Pages<'a, P> = Pin<Box<dyn Stream<Item = Result<ApiResponse<P>, Error>> + Send + 'a>>;

/// The items of every page of a paged list operation, in order: a
/// `Stream<Item = Result<T, Error>>`. An error ends the stream.
pub type Items<'a, T> = Pin<Box<dyn Stream<Item = Result<T, Error>> + Send + 'a>>;

/// The stream of pages starting with `first`; `next` gives the request of the
/// page after `page` (a copy of the previous request with its cursor, offset
/// or page number moved on), or `None` after the last page.
pub fn pages<'a, B, P, N>(first: B, next: N) -> Pages<'a, P>
where
    B: Clone + IntoFuture<Output = Result<ApiResponse<P>, Error>> + Send + 'a,
    B::IntoFuture: Send,
    P: Send + 'a,
    N: FnMut(B, &P) -> Option<B> + Send + 'a,
{
    Box::pin(futures_util::stream::unfold(
        (Some(first), next),
        |(request, mut next)| async move {
            let request = request?;
            let following = request.clone();
            match request.into_future().await {
                Ok(page) => {
                    let after = next(following, page.body());
                    Some((Ok(page), (after, next)))
                }
                Err(error) => Some((Err(error), (None, next))),
            }
        },
    ))
}

/// The items of every page of `pages`, taken out of each page by `items`.
pub fn items<'a, P, T, F>(pages: Pages<'a, P>, mut items: F) -> Items<'a, T>
where
    P: Send + 'a,
    T: Send + 'a,
    F: FnMut(P) -> Vec<T> + Send + 'a,
{
    use futures_util::StreamExt;
    Box::pin(
        pages
            .map(move |page| match page {
                Ok(page) => {
                    let list: Vec<Result<T, Error>> =
                        items(page.into_body()).into_iter().map(Ok).collect();
                    list
                }
                Err(error) => vec![Err(error)],
            })
            .flat_map(futures_util::stream::iter),
    )
}

/// A response field holding the next page's cursor: text (empty means none)
/// or a number, possibly optional or nullable.
pub trait CursorField {
    /// The cursor, if there is a next page.
    fn cursor(&self) -> Option<String>;
}

impl CursorField for String {
    fn cursor(&self) -> Option<String> {
        (!self.is_empty()).then(|| self.clone())
    }
}

impl CursorField for i64 {
    fn cursor(&self) -> Option<String> {
        Some(self.to_string())
    }
}

/// A cursor field whose type the docs do not settle (read as any JSON): text or a number.
impl CursorField for serde_json::Value {
    fn cursor(&self) -> Option<String> {
        match self {
            serde_json::Value::String(s) => s.cursor(),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

impl<T: CursorField> CursorField for Option<T> {
    fn cursor(&self) -> Option<String> {
        self.as_ref().and_then(T::cursor)
    }
}

/// A response field holding a count (items in all pages, or pages), possibly
/// optional or nullable.
pub trait CountField {
    /// The count, if the page has one.
    fn count(&self) -> Option<i64>;
}

impl CountField for i64 {
    fn count(&self) -> Option<i64> {
        Some(*self)
    }
}

impl<T: CountField> CountField for Option<T> {
    fn count(&self) -> Option<i64> {
        self.as_ref().and_then(T::count)
    }
}

/// A response field holding a page's items: a list, possibly optional or
/// nullable.
pub trait ItemsField {
    /// The item type.
    type Item;
    /// How many items the page has.
    fn len(&self) -> usize;
    /// Whether the page has no items.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The items.
    fn into_items(self) -> Vec<Self::Item>;
}

impl<T> ItemsField for Vec<T> {
    type Item = T;
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn into_items(self) -> Vec<T> {
        self
    }
}

impl<V: ItemsField> ItemsField for Option<V> {
    type Item = V::Item;
    fn len(&self) -> usize {
        self.as_ref().map_or(0, V::len)
    }
    fn into_items(self) -> Vec<V::Item> {
        self.map(V::into_items).unwrap_or_default()
    }
}

/// The text of a cursor parameter for the next request, unless it repeats
/// the current one (a server answering with the same cursor would
/// otherwise be asked forever).
pub fn next_cursor(current: Option<&str>, next: Option<String>) -> Option<String> {
    next.filter(|n| current != Some(n.as_str()))
}

/// The next offset: the current one plus the items of this page, unless the
/// page was empty or the total is reached.
pub fn next_offset(current: i64, page_items: usize, total: Option<i64>) -> Option<i64> {
    let next = current.saturating_add(i64::try_from(page_items).ok()?);
    let below_total = !matches!(total, Some(t) if next >= t);
    (page_items > 0 && below_total).then_some(next)
}

/// The next page number (counting from `current`), unless the page was
/// empty, the last page is reached, or `seen` items make the total.
pub fn next_page(
    current: i64,
    page_items: usize,
    total_pages: Option<i64>,
    total_items: Option<i64>,
    seen: usize,
) -> Option<i64> {
    let next = current.saturating_add(1);
    let more_pages = !matches!(total_pages, Some(t) if next > t);
    let seen = i64::try_from(seen).unwrap_or(i64::MAX);
    let more_items = !matches!(total_items, Some(t) if seen >= t);
    (page_items > 0 && more_pages && more_items).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_steps() {
        assert_eq!(String::new().cursor(), None);
        assert_eq!(Some(Some("c2".to_owned())).cursor(), Some("c2".into()));
        assert_eq!(Some(Some(5i64)).count(), Some(5));
        assert_eq!(Some(serde_json::json!("c3")).cursor(), Some("c3".into()));
        assert_eq!(serde_json::json!(7).cursor(), Some("7".into()));
        assert_eq!(serde_json::json!("").cursor(), None);
        assert_eq!(serde_json::json!(true).cursor(), None);
        assert_eq!(Some(vec![1, 2]).len(), 2);
        assert_eq!(None::<Vec<u8>>.into_items(), Vec::<u8>::new());
        assert_eq!(next_cursor(Some("a"), Some("a".into())), None);
        assert_eq!(next_cursor(Some("a"), Some("b".into())), Some("b".into()));
        assert_eq!(next_offset(0, 10, Some(25)), Some(10));
        assert_eq!(next_offset(20, 5, Some(25)), None);
        assert_eq!(next_offset(20, 0, None), None);
        assert_eq!(next_page(1, 10, Some(3), None, 10), Some(2));
        assert_eq!(next_page(3, 10, Some(3), None, 30), None);
        assert_eq!(next_page(1, 10, None, Some(10), 10), None);
        assert_eq!(next_page(1, 0, None, None, 0), None);
    }
}
