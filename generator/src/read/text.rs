//! Plain-text form: a rendered doc page saved as text, all markdown syntax lost.
//!
//! Structure is recovered from the template's known lines (section titles, table header
//! lines) that the flavour passes in [`TextHints`]; everything else is paragraphs, bullet
//! lists, and code under code sections.

use super::{Block, BlockKind, Cell, Item, Row, TextHints};

fn bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for b in ["• ", "* ", "- ", "+ "] {
        if let Some(rest) = t.strip_prefix(b) {
            return Some(rest.trim());
        }
    }
    None
}

fn table_header<'a>(line: &str, hints: &TextHints<'a>) -> Option<&'a [&'a str]> {
    let words: Vec<&str> = line.split_whitespace().collect();
    hints.table_headers.iter().copied().find(|cols| {
        let want: Vec<&str> = cols.iter().flat_map(|c| c.split_whitespace()).collect();
        !want.is_empty() && words == want
    })
}

pub fn read(src: &str, hints: &TextHints<'_>) -> Vec<Block> {
    let lines: Vec<&str> = src.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    let mut in_code_section = false;
    while i < lines.len() {
        let line = lines[i].trim_end();
        let n = i + 1;
        let t = line.trim();
        if t.is_empty() {
            i += 1;
            continue;
        }
        if let Some(title) = hints.section_titles.iter().find(|s| **s == t) {
            blocks.push(Block {
                line: n,
                kind: BlockKind::Heading {
                    level: 3,
                    text: t.to_string(),
                },
                raw: line.to_string(),
            });
            in_code_section = hints.code_sections.contains(title);
            i += 1;
            continue;
        }
        if in_code_section && bullet(line).is_none() {
            // Code runs until the next section title.
            let start = i;
            while i < lines.len() && !hints.section_titles.contains(&lines[i].trim()) {
                i += 1;
            }
            let mut end = i;
            while end > start && lines[end - 1].trim().is_empty() {
                end -= 1;
            }
            let text: String = lines[start..end].iter().map(|l| format!("{}\n", l.trim_end())).collect();
            blocks.push(Block {
                line: n,
                kind: BlockKind::Code {
                    lang: String::new(),
                    text: text.clone(),
                },
                raw: text,
            });
            in_code_section = false;
            continue;
        }
        if let Some(cols) = table_header(t, hints) {
            let mut rows = vec![Row {
                line: n,
                cells: cols
                    .iter()
                    .map(|c| Cell {
                        text: c.to_string(),
                        raw: c.to_string(),
                        link: None,
                    })
                    .collect(),
                split: true,
            }];
            let mut raw = format!("{line}\n");
            i += 1;
            while i < lines.len() && !lines[i].trim().is_empty() {
                let l = lines[i].trim();
                rows.push(Row {
                    line: i + 1,
                    cells: vec![Cell {
                        text: l.to_string(),
                        raw: l.to_string(),
                        link: None,
                    }],
                    split: false,
                });
                raw.push_str(l);
                raw.push('\n');
                i += 1;
            }
            blocks.push(Block {
                line: n,
                kind: BlockKind::Table { rows },
                raw,
            });
            continue;
        }
        if bullet(line).is_some() {
            let mut items = Vec::new();
            let mut raw = String::new();
            while i < lines.len() {
                let Some(item) = bullet(lines[i]) else { break };
                items.push(Item {
                    line: i + 1,
                    text: item.to_string(),
                    links: Vec::new(),
                });
                raw.push_str(&format!("- {item}\n"));
                i += 1;
            }
            blocks.push(Block {
                line: n,
                kind: BlockKind::List { items },
                raw,
            });
            continue;
        }
        // A paragraph: consecutive non-empty lines that are none of the above.
        let start = i;
        let mut para = Vec::new();
        while i < lines.len() {
            let l = lines[i].trim();
            if l.is_empty()
                || (i > start
                    && (hints.section_titles.contains(&l)
                        || table_header(l, hints).is_some()
                        || bullet(lines[i]).is_some()))
            {
                break;
            }
            para.push(l);
            i += 1;
        }
        let text = para.join("\n");
        blocks.push(Block {
            line: n,
            kind: BlockKind::Para {
                text: para.join(" "),
                links: Vec::new(),
            },
            raw: text,
        });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    const HINTS: TextHints<'static> = TextHints {
        section_titles: &["Example", "Parameters", "Return type"],
        table_headers: &[&["Name", "Type", "Description", "Notes"]],
        code_sections: &["Example"],
    };

    #[test]
    fn recovers_sections_tables_lists_and_code() {
        let src = "pkg.UsersApi\n\nget_user\n\nUser get_user(id)\n\nExample\n\nimport x\n\ny = 1\n\nParameters\n\nName Type Description Notes\nid str The id\n\nReturn type\n\n  • Content-Type: Not defined\n";
        let b = read(src, &HINTS);
        let kinds: Vec<&str> = b
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { .. } => "h",
                BlockKind::Para { .. } => "p",
                BlockKind::Code { .. } => "c",
                BlockKind::Table { .. } => "t",
                BlockKind::List { .. } => "l",
            })
            .collect();
        assert_eq!(kinds, ["p", "p", "p", "h", "c", "h", "t", "h", "l"]);
        assert!(matches!(&b[4].kind, BlockKind::Code { text, .. } if text == "import x\n\ny = 1\n"));
        match &b[6].kind {
            BlockKind::Table { rows } => {
                assert_eq!(rows.len(), 2);
                assert!(!rows[1].split);
                assert_eq!(rows[1].line, 16);
            }
            k => panic!("{k:?}"),
        }
    }
}
