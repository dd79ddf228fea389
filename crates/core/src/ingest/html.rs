//! Saved web pages → text, with the WHATWG tokenizer of `html5gum`.
//!
//! Scripts, styles and other non-content elements are dropped; block elements and `<br>` become
//! line breaks; table cells are separated by a tab; entities are decoded by the tokenizer; runs of
//! HTML whitespace collapse to one space as a browser shows them. Nothing of the page is ever kept
//! as markup: the result is plain text.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements whose content is never text a reader sees.
const SKIPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"noembed",
    b"noframes",
    b"template",
    b"title",
    b"svg",
    b"math",
    b"iframe",
    b"object",
    b"select",
    b"button",
    b"textarea",
];

/// Elements that start and end a line.
const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"center",
    b"dd",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hr",
    b"html",
    b"li",
    b"main",
    b"menu",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"tfoot",
    b"thead",
    b"tr",
    b"ul",
    b"caption",
];

/// Does decoded text look like an HTML document (used when the file name does not say)?
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect();
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || head.starts_with("<!--") && (head.contains("<html") || head.contains("<!doctype html"))
        || head.starts_with("<head")
        || head.starts_with("<body")
        || head.starts_with("<meta")
}

/// The visible text of an HTML page, one block per line, blank lines kept (at most one in a row).
pub(crate) fn to_text(html: &str) -> String {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut out = TextSink::default();
    let mut skip_depth: Vec<Vec<u8>> = Vec::new();
    let mut pre_depth = 0usize;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if !skip_depth.is_empty() {
                    if name == skip_depth.last().map(Vec::as_slice).unwrap_or_default()
                        && !tag.self_closing
                    {
                        skip_depth.push(name.to_vec());
                    }
                    continue;
                }
                if SKIPPED.contains(&name) {
                    if !tag.self_closing {
                        skip_depth.push(name.to_vec());
                    }
                } else if name == b"br" {
                    out.hard_break();
                } else if name == b"td" || name == b"th" {
                    out.cell();
                } else if BLOCKS.contains(&name) {
                    out.block();
                    if name == b"pre" {
                        pre_depth += 1;
                    }
                } else if name == b"img" {
                    if let Some(alt) = tag.attributes.get(b"alt".as_slice()) {
                        out.text(&String::from_utf8_lossy(alt), pre_depth > 0);
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if !skip_depth.is_empty() {
                    if Some(name) == skip_depth.last().map(Vec::as_slice) {
                        skip_depth.pop();
                    }
                    continue;
                }
                if BLOCKS.contains(&name) {
                    out.block();
                    if name == b"pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                } else if name == b"br" {
                    out.hard_break();
                }
            }
            Token::String(text) if skip_depth.is_empty() => {
                out.text(&String::from_utf8_lossy(&text.value), pre_depth > 0);
            }
            _ => {}
        }
    }
    out.finish()
}

/// Accumulates visible text, collapsing whitespace the way a browser renders it.
#[derive(Default)]
struct TextSink {
    lines: Vec<String>,
    current: String,
    /// A collapsed space is pending before the next visible character.
    space: bool,
}

impl TextSink {
    fn text(&mut self, text: &str, preformatted: bool) {
        for c in text.chars() {
            if preformatted {
                if c == '\n' {
                    self.hard_break();
                } else {
                    self.current.push(c);
                }
                continue;
            }
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                self.space = !self.current.is_empty();
            } else {
                if self.space {
                    self.current.push(' ');
                    self.space = false;
                }
                // A no-break space is a space to a reader.
                self.current.push(if c == '\u{a0}' { ' ' } else { c });
            }
        }
    }

    fn cell(&mut self) {
        if !self.current.trim().is_empty() {
            self.current.push('\t');
        }
        self.space = false;
    }

    fn block(&mut self) {
        if !self.current.trim().is_empty() {
            self.hard_break();
        } else {
            self.current.clear();
            self.space = false;
        }
    }

    fn hard_break(&mut self) {
        let line = std::mem::take(&mut self.current);
        self.lines.push(line.trim_end().to_owned());
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.hard_break();
        let mut out = String::new();
        let mut blank_run = 0;
        for line in &self.lines {
            let line = line.trim_matches(|c: char| c.is_whitespace());
            if line.is_empty() {
                blank_run += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank_run > 1 { "\n\n" } else { "\n" });
            }
            blank_run = 0;
            out.push_str(line);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_styles_are_dropped_and_blocks_become_lines() {
        let page = r#"<html><head><title>标题栏</title><style>p{color:red}</style>
            <script>document.write("<p>不应出现</p>")</script></head>
            <body><div class="crumb">首页 &gt; 信息公开</div>
            <h1>某市2023年法治政府建设情况报告</h1>
            <p>一、主要成效</p><p>（一）依法履职。全年办理&nbsp;437件。</p>
            <img src="x.png" onerror="alert(1)" alt="">
            <table><tr><td>项目</td><td>数量</td></tr><tr><td>复议</td><td>51</td></tr></table>
            </body></html>"#;
        assert_eq!(
            to_text(page),
            "首页 > 信息公开\n某市2023年法治政府建设情况报告\n一、主要成效\n（一）依法履职。全年办理 437件。\n项目\t数量\n复议\t51"
        );
    }

    #[test]
    fn content_browsers_do_not_show_is_dropped() {
        let page = "<p>甲</p><noembed><script>alert(1)</script></noembed>\
                    <noframes><p>乙</p></noframes><p>丙</p>";
        assert_eq!(to_text(page), "甲\n丙");
    }

    #[test]
    fn br_breaks_lines_and_whitespace_collapses() {
        assert_eq!(to_text("<p>甲\n   乙<br>丙<br/>丁</p>"), "甲 乙\n丙\n丁");
        // Line breaks inside <pre> survive; indentation does not matter to a report.
        assert_eq!(to_text("<pre>a\n  b</pre>"), "a\nb");
        assert_eq!(to_text("<p>&lt;script&gt;&#x4E00;</p>"), "<script>一");
    }

    #[test]
    fn recognises_html_by_its_start() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE HTML><html>"));
        assert!(looks_like_html("<html lang=zh>"));
        assert!(!looks_like_html("一、<b>不是网页</b>"));
    }
}
