//! Doc prose cleaning: HTML turned into markdown, character entities decoded.

/// Decodes HTML character references (`&#x3D;`, `&#39;`, `&lt;`, `&quot;`, ...).
/// Unknown or malformed references are kept as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let decoded = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| decode_one(&rest[1..1 + end]).map(|c| (c, end + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "euro" => '€',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

/// Known tags are converted; anything else that looks like a tag (`<val>`, `<field>`) is text.
const KNOWN_TAGS: &[&str] = &[
    "p", "br", "b", "strong", "i", "em", "code", "pre", "a", "ul", "ol", "li", "h1", "h2", "h3",
    "h4", "h5", "h6", "details", "summary", "table", "thead", "tbody", "tr", "td", "th", "div",
    "span", "hr", "blockquote", "tt", "u", "sup", "sub", "img",
];

struct Tag<'a> {
    name: String,
    closing: bool,
    attrs: &'a str,
}

fn parse_tag(s: &str) -> Option<(Tag<'_>, usize)> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name_end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    if !KNOWN_TAGS.contains(&name.as_str()) {
        return None;
    }
    let attrs = &inner[name_end..];
    if !(attrs.is_empty() || attrs.starts_with([' ', '/', '\t', '\n'])) {
        return None;
    }
    Some((
        Tag {
            name,
            closing,
            attrs,
        },
        end + 1,
    ))
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let attrs = attrs.replace("\\\"", "\"");
    let key = format!("{name}=");
    let pos = attrs.find(&key)?;
    let rest = &attrs[pos + key.len()..];
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        let rest = &rest[1..];
        Some(rest[..rest.find(quote)?].to_string())
    } else {
        Some(rest.split_whitespace().next()?.to_string())
    }
}

/// Turns doc prose that may hold HTML into markdown, decoding entities. Text outside tags
/// keeps its markdown.
pub fn html_to_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut link_stack: Vec<Option<String>> = Vec::new();
    let mut list_depth = 0usize;
    let mut in_pre = false;
    while let Some(pos) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..pos]));
        rest = &rest[pos..];
        let Some((tag, len)) = parse_tag(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        rest = &rest[len..];
        match (tag.name.as_str(), tag.closing) {
            ("p" | "div" | "details" | "table" | "blockquote", _) => out.push_str("\n\n"),
            ("br", _) => out.push('\n'),
            ("hr", _) => out.push_str("\n\n---\n\n"),
            ("b" | "strong", _) => out.push_str("**"),
            ("i" | "em", _) => out.push('*'),
            ("code" | "tt", _) if !in_pre => out.push('`'),
            ("pre", false) => {
                in_pre = true;
                out.push_str("\n\n```text\n");
            }
            ("pre", true) => {
                in_pre = false;
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("```\n\n");
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => out.push_str("\n\n**"),
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => out.push_str("**\n\n"),
            ("summary", true) => out.push_str("\n\n"),
            ("ul" | "ol", false) => {
                list_depth += 1;
                out.push('\n');
            }
            ("ul" | "ol", true) => {
                list_depth = list_depth.saturating_sub(1);
                out.push_str("\n\n");
            }
            ("li", false) => {
                out.push('\n');
                out.push_str(&"  ".repeat(list_depth.saturating_sub(1)));
                out.push_str("- ");
            }
            ("tr", true) => out.push('\n'),
            ("td" | "th", false) => out.push(' '),
            ("a", false) => {
                let href = attr(tag.attrs, "href").filter(|h| !h.starts_with('#'));
                if href.is_some() {
                    out.push('[');
                }
                link_stack.push(href);
            }
            ("a", true) => {
                if let Some(Some(href)) = link_stack.pop() {
                    out.push_str(&format!("]({})", decode_entities(&href)));
                }
            }
            _ => {}
        }
    }
    out.push_str(&decode_entities(rest));
    tidy(&out)
}

/// Trims lines' trailing spaces and collapses runs of blank lines.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        let cases = [
            ("min&#x3D;1", "min=1"),
            ("&lt;field&gt;:&lt;ASC/DESC&gt;", "<field>:<ASC/DESC>"),
            ("platform&#39;s", "platform's"),
            ("user&#x27;s", "user's"),
            ("&quot;bank_id&quot;", "\"bank_id\""),
            ("&#x60;identifier&#x60;", "`identifier`"),
            ("a & b", "a & b"),
            ("&unknown;", "&unknown;"),
            ("&#0;", "&#0;"),
        ];
        for (input, want) in cases {
            assert_eq!(decode_entities(input), want, "{input}");
        }
    }

    #[test]
    fn html_becomes_markdown() {
        let cases = [
            ("<p>One.</p><p>Two.<br />Three</p>", "One.\n\nTwo.\nThree"),
            ("<b>bold</b> and <em>it</em>", "**bold** and *it*"),
            (
                "<a href=\\\"https://x.org/a\\\">link</a>",
                "[link](https://x.org/a)",
            ),
            ("<a href=\"#anchor\" id=\"anchor\">Title</a>", "Title"),
            ("<ul><li>a</li><li>b</li></ul>", "- a\n- b"),
            ("<pre><code>{&quot;a&quot;:1}</code></pre>", "```text\n{\"a\":1}\n```"),
            ("values &lt;val&gt; and <val>", "values <val> and <val>"),
            ("<h3>Head</h3>text", "**Head**\n\ntext"),
            ("plain **markdown** kept", "plain **markdown** kept"),
        ];
        for (input, want) in cases {
            assert_eq!(html_to_markdown(input), want, "{input}");
        }
    }
}
