//! Markdown form: block structure from pulldown-cmark.
//!
//! Table rows are re-split from their source line rather than taken from the parser's
//! cells: GFM silently drops cells beyond the header's count, and docs put unescaped `|`
//! in descriptions. Each cell is then read as inline markdown by pulldown-cmark again.

use super::{Block, BlockKind, Cell, Item, LineIndex, Row};
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

enum Open {
    Heading { level: u8, line: usize, start: usize },
    Para { line: usize, start: usize },
    Html { line: usize, start: usize },
    Code { lang: String, line: usize, start: usize },
    Table { line: usize, start: usize, rows: Vec<Row> },
}

/// Reads the blocks of a markdown doc. A code fence left open (or a stray fence that
/// opens one) must not swallow the rest of the doc: a code block holding the doc's own
/// structure (`### Parameters`, `# **op**`) ends there, and the rest is read afresh.
pub fn read(src: &str) -> Vec<Block> {
    let joined = mend_tables(src);
    let src: &str = &joined;
    let idx = LineIndex::new(src);
    let mut out: Vec<Block> = Vec::new();
    let mut offset_line = 0usize;
    let mut rest = src;
    loop {
        let mut blocks = read_part(rest);
        let split = blocks.iter().enumerate().find_map(|(i, b)| match &b.kind {
            BlockKind::Code { text, .. } => text.lines().position(is_structure_line).map(|k| (i, k)),
            _ => None,
        });
        let Some((i, k)) = split else {
            for b in &mut blocks {
                shift(b, offset_line);
            }
            out.extend(blocks);
            return out;
        };
        // The structure line's number in `rest`: the fence's line, then the k-th code line.
        let at = blocks[i].line + 1 + k;
        blocks.truncate(i + 1);
        if let Some(Block { kind: BlockKind::Code { text, .. }, .. }) = blocks.last_mut() {
            *text = text.lines().take(k).map(|l| format!("{l}\n")).collect();
        }
        for b in &mut blocks {
            shift(b, offset_line);
        }
        out.extend(blocks);
        offset_line += at - 1;
        let Some(start) = idx.starts.get(offset_line).copied().filter(|&s| s < src.len()) else {
            return out;
        };
        rest = &src[start..];
    }
}

/// Mends tables that the templates break, keeping every row's line number: a header row
/// wrapped onto two lines (`Name | Type |` then `Description | Notes`, then the delimiter
/// row) is rejoined, the first line becoming blank; rows parted from the delimiter row by
/// blank lines are joined back to it.
fn mend_tables(src: &str) -> std::borrow::Cow<'_, str> {
    let cells = |l: &str| l.trim().trim_matches('|').split('|').count();
    let is_delim = |l: &str| {
        let t = l.trim();
        t.contains('-') && t.contains('|') && t.chars().all(|c| matches!(c, '-' | '|' | ':' | ' '))
    };
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    let mut out: Option<Vec<String>> = None;
    for i in 2..lines.len() {
        let (a, b, d) = (lines[i - 2], lines[i - 1], lines[i]);
        if !is_delim(d) || b.trim().is_empty() || a.trim().is_empty() || is_delim(b) || !a.contains('|') {
            continue;
        }
        let want = cells(d);
        if cells(b) >= want || cells(a) + cells(b) != want {
            continue;
        }
        let v = out.get_or_insert_with(|| lines.iter().map(|l| l.to_string()).collect());
        let ending = if a.ends_with("\r\n") { "\r\n" } else { "\n" };
        let head = a.trim_end().trim_end_matches('|').trim_end();
        let tail = b.trim().trim_start_matches('|').trim_start();
        v[i - 1] = format!("{head} | {tail}{ending}");
        v[i - 2] = ending.to_string();
    }
    // A table whose rows are parted from its delimiter row by blank lines (Go's `Other
    // Parameters` when path parameters come first): the blank lines move above the header,
    // so that the rows keep their line numbers and the table stays one table.
    let mut i = 1;
    while i + 2 < lines.len() {
        let parted = {
            let (head, delim) = (line_at(&lines, &out, i - 1), line_at(&lines, &out, i));
            is_delim(delim) && head.contains('|') && !is_delim(head) && lines[i + 1].trim().is_empty()
        };
        if !parted {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < lines.len() && lines[j].trim().is_empty() {
            j += 1;
        }
        let row = lines.get(j).copied().unwrap_or("");
        let t = row.trim();
        if !t.contains('|') || cells(row) < 2 || is_delim(row) || t.starts_with('#') || t.starts_with('>') {
            i = j;
            continue;
        }
        let v = out.get_or_insert_with(|| lines.iter().map(|l| l.to_string()).collect());
        // [head, delim, blank.., row] -> [blank.., head, delim, row]
        v[i - 1..j].rotate_right(j - i - 1);
        i = j;
    }
    // Rows above their table's header (Kotlin 7.x docs around enum parameters: `###
    // Parameters`, then `| **limit** | … |` and `| **status** | … |`, then `| Name | Type | … |`
    // and the delimiter row): the rows go below the delimiter row.
    let is_row = |l: &str| l.trim_start_matches(['|', ' ']).starts_with("**") && l.contains('|');
    let is_head = |l: &str| l.contains('|') && l.trim_start_matches(['|', ' ']).starts_with("Name");
    for i in 1..lines.len().saturating_sub(1) {
        if !is_delim(line_at(&lines, &out, i + 1)) || !is_head(line_at(&lines, &out, i)) {
            continue;
        }
        let mut first = i;
        while first > 0 && is_row(line_at(&lines, &out, first - 1)) {
            first -= 1;
        }
        let above = if first >= 1 { line_at(&lines, &out, first - 1) } else { "" };
        let above_ends = above.trim().is_empty() || above.trim_start().starts_with('#');
        if first < i && above_ends {
            let v = out.get_or_insert_with(|| lines.iter().map(|l| l.to_string()).collect());
            v[first..=i + 1].rotate_left(i - first);
        }
    }
    // A table right under a line of prose (swagger-codegen's Go: `### Optional Parameters`,
    // `Optional parameters are passed through…`, then the header row) would be read as part of
    // the paragraph: the prose line trades places with the heading or blank line above it.
    let mut in_fence = false;
    for i in 0..lines.len() {
        if lines[i].trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence || i < 2 || i + 1 >= lines.len() {
            continue;
        }
        let under_prose = is_delim(line_at(&lines, &out, i + 1)) && {
            let (above, prose, head) = (line_at(&lines, &out, i - 2), line_at(&lines, &out, i - 1), line_at(&lines, &out, i));
            let is_prose = |l: &str| {
                let t = l.trim();
                !t.is_empty() && !t.contains('|') && !t.starts_with(['#', '>', '`', '-', '*', '<'])
            };
            let above_ends = above.trim().is_empty() || above.trim_start().starts_with('#');
            head.contains('|') && !is_delim(head) && is_prose(prose) && above_ends
        };
        if under_prose {
            let v = out.get_or_insert_with(|| lines.iter().map(|l| l.to_string()).collect());
            v.swap(i - 2, i - 1);
        }
    }
    match out {
        Some(v) => std::borrow::Cow::Owned(v.concat()),
        None => std::borrow::Cow::Borrowed(src),
    }
}

/// Line `k` as mended so far.
fn line_at<'a>(lines: &'a [&'a str], out: &'a Option<Vec<String>>, k: usize) -> &'a str {
    out.as_ref().map_or(lines[k], |v| v[k].as_str())
}

/// A line of the doc template itself, never of example code: a sub-section heading or an
/// operation heading.
fn is_structure_line(line: &str) -> bool {
    let l = line.trim_end();
    const TITLES: &[&str] = &["Parameters", "Return type", "Authorization", "HTTP request headers", "HTTP response details"];
    if let Some(t) = l.strip_prefix("### ") {
        return TITLES.iter().any(|x| t.trim().trim_matches('*').trim().eq_ignore_ascii_case(x));
    }
    l.starts_with("# **") && l.ends_with("**")
}

fn shift(b: &mut Block, by: usize) {
    if by == 0 {
        return;
    }
    b.line += by;
    match &mut b.kind {
        BlockKind::Table { rows } => rows.iter_mut().for_each(|r| r.line += by),
        BlockKind::List { items } => items.iter_mut().for_each(|i| i.line += by),
        _ => {}
    }
}

fn read_part(src: &str) -> Vec<Block> {
    let idx = LineIndex::new(src);
    let mut blocks = Vec::new();
    let mut open: Option<Open> = None;
    let mut text = String::new();
    let mut links: Vec<String> = Vec::new();
    // Lists: items are collected flat (nested lists add their items to the outer list).
    let mut list_depth = 0usize;
    let mut list_items: Vec<Item> = Vec::new();
    let mut list_line = 0usize;
    let mut list_start = 0usize;
    let mut item_stack: Vec<(usize, String, Vec<String>)> = Vec::new();

    let parser = Parser::new_ext(src, Options::ENABLE_TABLES).into_offset_iter();
    for (event, range) in parser {
        let line = idx.line(range.start);
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } if list_depth == 0 => {
                    text.clear();
                    links.clear();
                    open = Some(Open::Heading {
                        level: level as u8,
                        line,
                        start: range.start,
                    });
                }
                Tag::Paragraph if list_depth == 0 && open.is_none() => {
                    text.clear();
                    links.clear();
                    open = Some(Open::Para {
                        line,
                        start: range.start,
                    });
                }
                Tag::HtmlBlock if list_depth == 0 => {
                    text.clear();
                    links.clear();
                    open = Some(Open::Html {
                        line,
                        start: range.start,
                    });
                }
                Tag::CodeBlock(kind) if list_depth == 0 => {
                    text.clear();
                    let lang = match kind {
                        CodeBlockKind::Fenced(l) => l.to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    open = Some(Open::Code {
                        lang,
                        line,
                        start: range.start,
                    });
                }
                Tag::Table(_) => {
                    open = Some(Open::Table {
                        line,
                        start: range.start,
                        rows: Vec::new(),
                    });
                }
                Tag::TableHead | Tag::TableRow => {
                    if let Some(Open::Table { rows, .. }) = &mut open {
                        let row_line = src[range.clone()].lines().next().unwrap_or("");
                        // The row's whole source line (the range may start after indentation).
                        let whole = source_line(src, &idx, line).unwrap_or(row_line);
                        rows.push(Row {
                            line,
                            cells: split_row(whole).into_iter().map(|c| read_cell(&c)).collect(),
                            split: true,
                        });
                    }
                }
                Tag::List(_) => {
                    if list_depth == 0 {
                        list_items.clear();
                        list_line = line;
                        list_start = range.start;
                    } else if let Some((l, t, ls)) = item_stack.last_mut() {
                        // An item's own text ends where its nested list starts.
                        if !t.trim().is_empty() {
                            list_items.push(Item {
                                line: *l,
                                text: t.trim().to_string(),
                                links: std::mem::take(ls),
                            });
                        }
                        t.clear();
                    }
                    list_depth += 1;
                }
                Tag::Item => item_stack.push((line, String::new(), Vec::new())),
                Tag::Link { dest_url, .. } => {
                    if let Some((_, _, ls)) = item_stack.last_mut() {
                        ls.push(dest_url.to_string());
                    } else {
                        links.push(dest_url.to_string());
                    }
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) if list_depth == 0 => {
                    if let Some(Open::Heading { level, line, start }) = open.take() {
                        blocks.push(Block {
                            line,
                            kind: BlockKind::Heading {
                                level,
                                text: text.trim().to_string(),
                            },
                            raw: src[start..range.end].trim_end().to_string(),
                        });
                    }
                }
                TagEnd::Paragraph if list_depth == 0 => {
                    if let Some(Open::Para { line, start }) = open.take() {
                        blocks.push(Block {
                            line,
                            kind: BlockKind::Para {
                                text: text.trim().to_string(),
                                links: std::mem::take(&mut links),
                            },
                            raw: strip_quote(&src[start..range.end]),
                        });
                    }
                }
                TagEnd::HtmlBlock if list_depth == 0 => {
                    if let Some(Open::Html { line, start }) = open.take() {
                        let raw = src[start..range.end].trim_end().to_string();
                        blocks.push(Block {
                            line,
                            kind: BlockKind::Para {
                                text: raw.clone(),
                                links: Vec::new(),
                            },
                            raw,
                        });
                    }
                }
                TagEnd::CodeBlock if list_depth == 0 => {
                    if let Some(Open::Code { lang, line, start }) = open.take() {
                        blocks.push(Block {
                            line,
                            kind: BlockKind::Code {
                                lang,
                                text: std::mem::take(&mut text),
                            },
                            raw: src[start..range.end].to_string(),
                        });
                    }
                }
                TagEnd::Table => {
                    if let Some(Open::Table { line, start, mut rows }) = open.take() {
                        // A header row repeated in the body (hand-edited templates) is no row.
                        if let Some(header) = rows.first().map(|h| h.cells.iter().map(|c| c.text.trim().to_ascii_lowercase()).collect::<Vec<_>>()) {
                            let mut first = true;
                            rows.retain(|r| {
                                let same = r.cells.iter().map(|c| c.text.trim().to_ascii_lowercase()).collect::<Vec<_>>() == header;
                                let keep = first || !same;
                                first = false;
                                keep
                            });
                        }
                        blocks.push(Block {
                            line,
                            kind: BlockKind::Table { rows },
                            raw: src[start..range.end].to_string(),
                        });
                    }
                }
                TagEnd::Item => {
                    if let Some((l, t, ls)) = item_stack.pop() {
                        if !t.trim().is_empty() {
                            list_items.push(Item {
                                line: l,
                                text: t.trim().to_string(),
                                links: ls,
                            });
                        }
                    }
                }
                TagEnd::List(_) => {
                    list_depth = list_depth.saturating_sub(1);
                    if list_depth == 0 {
                        blocks.push(Block {
                            line: list_line,
                            kind: BlockKind::List {
                                items: std::mem::take(&mut list_items),
                            },
                            raw: src[list_start..range.end].trim_end().to_string(),
                        });
                    }
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => push_text(&mut item_stack, &mut text, &t),
            Event::Html(t) | Event::InlineHtml(t) => push_text(&mut item_stack, &mut text, &t),
            Event::SoftBreak | Event::HardBreak => {
                let sep = if matches!(open, Some(Open::Code { .. })) {
                    "\n"
                } else {
                    " "
                };
                push_text(&mut item_stack, &mut text, sep)
            }
            _ => {}
        }
    }
    blocks
}

fn push_text(items: &mut [(usize, String, Vec<String>)], text: &mut String, t: &str) {
    if let Some((_, s, _)) = items.last_mut() {
        s.push_str(t);
    } else {
        text.push_str(t);
    }
}

/// Line `line` (1-based) of `src` without its line ending, as `src.lines().nth(line - 1)`
/// would give it, found through the line index instead of by scanning from the start.
fn source_line<'a>(src: &'a str, idx: &LineIndex, line: usize) -> Option<&'a str> {
    let start = *idx.starts.get(line.checked_sub(1)?)?;
    if start >= src.len() {
        return None;
    }
    match idx.starts.get(line) {
        Some(&next) => {
            let l = &src[start..next - 1];
            Some(l.strip_suffix('\r').unwrap_or(l))
        }
        None => Some(&src[start..]),
    }
}

/// Removes block-quote markers from a paragraph's source.
fn strip_quote(raw: &str) -> String {
    raw.lines()
        .map(|l| {
            let t = l.trim_start();
            t.strip_prefix('>').map(str::trim_start).unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Splits a table row's source on `|` that is neither escaped (`\|`) nor inside a code
/// span; the empty cells made by outer pipes are dropped.
pub(crate) fn split_row(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut in_code = false;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if chars.peek().map(|p| p.1) == Some('|') => {
                cur.push('|');
                chars.next();
            }
            '`' => {
                in_code = !in_code;
                cur.push(c);
            }
            '|' if !in_code => {
                if in_bold_bracket(&cur) && line[at..].contains("**]") {
                    cur.push(c);
                } else {
                    cells.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(c),
        }
    }
    cells.push(cur);
    let trimmed = line.trim();
    if trimmed.starts_with('|') && cells.first().is_some_and(|c| c.trim().is_empty()) {
        cells.remove(0);
    }
    if trimmed.ends_with('|')
        && !trimmed.ends_with("\\|")
        && cells.len() > 1
        && cells.last().is_some_and(|c| c.trim().is_empty())
    {
        cells.pop();
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// Whether a cell so far has opened a `[**` that no `**]` closed: TypeScript writes an enum
/// parameter's type `[**'a' | 'b'**]`, its `|` unescaped.
fn in_bold_bracket(cell: &str) -> bool {
    cell.rfind("[**").is_some_and(|open| !cell[open..].contains("**]"))
}

/// Reads one cell's inline markdown: its plain text and first link target.
pub(crate) fn read_cell(raw: &str) -> Cell {
    let mut text = String::new();
    let mut link = None;
    // `<chrono::FixedOffset>` in a Rust type parses as an autolink: it keeps its brackets.
    let mut autolinks = 0usize;
    for event in Parser::new(raw) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. }) => {
                autolinks += 1;
                text.push('<');
            }
            Event::End(TagEnd::Link) if autolinks > 0 => {
                autolinks -= 1;
                text.push('>');
            }
            Event::Start(Tag::Link { dest_url, .. }) if link.is_none() => {
                link = Some(dest_url.to_string())
            }
            _ => {}
        }
    }
    Cell {
        text: text.trim().to_string(),
        raw: raw.trim().to_string(),
        link,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_with_or_without_outer_pipes_and_keep_extra_pipes() {
        assert_eq!(split_row("a | b | c"), ["a", "b", "c"]);
        assert_eq!(split_row("| a | b | c |"), ["a", "b", "c"]);
        assert_eq!(split_row("**x** | str | one | two | [optional]"), ["**x**", "str", "one", "two", "[optional]"]);
        assert_eq!(split_row("a | `x|y` | b\\|c"), ["a", "`x|y`", "b|c"]);
        assert_eq!(split_row(" **id** | **str**| The id | "), ["**id**", "**str**", "The id"]);
        assert_eq!(split_row("| **r** | [**'a' | 'b'**]x | d |"), ["**r**", "[**'a' | 'b'**]x", "d"]);
    }

    #[test]
    fn cells_yield_text_and_link() {
        let c = read_cell("[**ListUsers200Response**](ListUsers200Response.md)");
        assert_eq!(c.text, "ListUsers200Response");
        assert_eq!(c.link.as_deref(), Some("ListUsers200Response.md"));
        let c = read_cell("the platform&#39;s default");
        assert_eq!(c.text, "the platform's default");
        assert_eq!(c.link, None);
        let c = read_cell("Option<**chrono::DateTime<chrono::FixedOffset>**>");
        assert_eq!(c.text, "Option<chrono::DateTime<chrono::FixedOffset>>");
        assert_eq!(c.link, None);
    }

    fn tables(src: &str) -> Vec<Vec<(usize, String)>> {
        read(src)
            .into_iter()
            .filter_map(|b| match b.kind {
                BlockKind::Table { rows } => Some(rows.into_iter().map(|r| (r.line, r.cells[0].text.clone())).collect()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn broken_tables_are_mended_and_keep_their_row_lines() {
        // Go's `Other Parameters`: rows parted from the delimiter row by blank lines.
        let t = tables("Name | Type\n--- | ---\n\n **a** | b\n **c** | d\n");
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0][1..], [(4, "a".to_string()), (5, "c".to_string())]);
        // swagger-codegen's Go: a table right under a line of prose.
        let t = tables("### Optional Parameters\nOptional parameters are passed through a struct\nName | Type\n--- | ---\n **q** | str\n");
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0][1..], [(5, "q".to_string())]);
        // A header wrapped onto two lines.
        let t = tables("Name | Type |\nDescription | Notes\n--- | --- | --- | ---\n**a** | b | c | d\n");
        assert_eq!(t[0][1..], [(4, "a".to_string())]);
        // A row above its header row (some Kotlin docs).
        let t = tables("### Parameters\n| **f** | str | | [optional] |\n| Name | Type | Description | Notes |\n| --- | --- | --- | --- |\n| **g** | int | | |\n");
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].iter().skip(1).map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["f", "g"]);
        // Several rows above it (Kotlin 7.x around enum parameters): none is dropped.
        let t = tables("### Parameters\n| **a** | int | | [optional] |\n| **b** | str | | [enum: x, y] |\n| Name | Type | Description | Notes |\n| --- | --- | --- | --- |\n| **c** | str | | |\n");
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].iter().skip(1).map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
        // Inside a code fence nothing moves.
        assert!(tables("```\nprose\nName | Type\n--- | ---\n```\n").is_empty());
    }

    #[test]
    fn source_lines_match_str_lines() {
        for src in ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\nx\r", "x\ry\n\n"] {
            let idx = LineIndex::new(src);
            for line in 0usize..6 {
                let expected = line.checked_sub(1).and_then(|n| src.lines().nth(n));
                assert_eq!(source_line(src, &idx, line), expected, "{src:?} line {line}");
            }
        }
    }

    #[test]
    fn blocks_have_lines() {
        let src = "# t\n\nAll URIs\n\nA | B\n--|--\nx | y\n\n - **Accept**: json\n\n```python\ncode\n```\n";
        let b = read(src);
        assert_eq!(b.len(), 5);
        assert_eq!(b[0].line, 1);
        assert!(matches!(&b[0].kind, BlockKind::Heading { level: 1, text } if text == "t"));
        assert_eq!(b[2].line, 5);
        match &b[2].kind {
            BlockKind::Table { rows } => {
                assert_eq!(rows.len(), 2);
                assert_eq!(rows[1].line, 7);
                assert_eq!(rows[1].cells[1].text, "y");
            }
            k => panic!("{k:?}"),
        }
        match &b[3].kind {
            BlockKind::List { items } => assert_eq!(items[0].text, "Accept: json"),
            k => panic!("{k:?}"),
        }
        assert!(matches!(&b[4].kind, BlockKind::Code { lang, text } if lang == "python" && text == "code\n"));
    }
}
