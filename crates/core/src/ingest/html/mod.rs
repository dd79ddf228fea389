//! Saved web pages → text, with our own small tokenizer (`tokens.rs`, character references in
//! `references.rs`).
//!
//! Scripts, styles and other non-content elements are dropped; block elements and `<br>` become
//! line breaks; table cells are separated by a tab; character references are decoded by the
//! tokenizer; runs of HTML whitespace collapse to one space as a browser shows them. Nothing of
//! the page is ever kept as markup: the result is plain text.

mod references;
mod tokens;

use tokens::{normalise_newlines, tokens, Token};

/// Elements whose content is never text a reader sees.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "noembed", "noframes", "template", "title", "svg", "math",
    "iframe", "object", "select", "button", "textarea",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "caption",
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
    let html = normalise_newlines(html);
    let mut out = TextSink::default();
    let mut skip_depth: Vec<String> = Vec::new();
    let mut pre_depth = 0usize;
    for token in tokens(&html) {
        match token {
            Token::Start {
                name,
                self_closing,
                alt,
            } => {
                if let Some(skipped) = skip_depth.last() {
                    if name == *skipped && !self_closing {
                        skip_depth.push(name);
                    }
                    continue;
                }
                if SKIPPED.contains(&name.as_str()) {
                    if !self_closing {
                        skip_depth.push(name);
                    }
                } else if name == "br" {
                    out.hard_break();
                } else if name == "td" || name == "th" {
                    out.cell();
                } else if BLOCKS.contains(&name.as_str()) {
                    out.block();
                    if name == "pre" {
                        pre_depth += 1;
                    }
                } else if let Some(alt) = alt {
                    out.text(&alt, pre_depth > 0);
                }
            }
            Token::End { name } => {
                if let Some(skipped) = skip_depth.last() {
                    if name == *skipped {
                        skip_depth.pop();
                    }
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    out.block();
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                } else if name == "br" {
                    out.hard_break();
                }
            }
            Token::Text(text) if skip_depth.is_empty() => out.text(text, pre_depth > 0),
            Token::Char(c) if skip_depth.is_empty() => {
                out.text(c.encode_utf8(&mut [0; 4]), pre_depth > 0);
            }
            Token::Text(_) | Token::Char(_) => {}
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
    fn table_cells_are_tabs_and_rows_are_lines() {
        let page = "<TABLE><TR><TH>项目</TH><TH>数量</TH></TR>\
                    <TR><TD class=c title='a>b'>复议</TD><TD>51</TD></TR></TABLE>";
        assert_eq!(to_text(page), "项目\t数量\n复议\t51");
    }

    #[test]
    fn entities_old_editors_write_are_decoded() {
        assert_eq!(
            to_text("<p>&ldquo;放管服&rdquo;&mdash;&hellip;&middot;&nbsp&nbsp;&copy2023</p>"),
            "“放管服”—…·  ©2023"
        );
        // A name outside the table stays as written.
        assert_eq!(to_text("<p>&check;</p>"), "&check;");
    }

    #[test]
    fn a_self_closing_script_still_reads_to_its_end_tag() {
        // The start tag switches the tokenizer whatever its `/>`; the old reader did the same.
        assert_eq!(
            to_text("<p>甲</p><script src=x /><p>乙</p></script>"),
            "甲\n<p>乙</p>"
        );
    }

    #[test]
    fn recognises_html_by_its_start() {
        assert!(looks_like_html("\u{feff}  <!DOCTYPE HTML><html>"));
        assert!(looks_like_html("<html lang=zh>"));
        assert!(!looks_like_html("一、<b>不是网页</b>"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_anything(page in "\\PC{0,300}") {
            let _ = to_text(&page);
        }

        #[test]
        fn never_panics_on_markup_like_input(
            page in "([<>&/!?=\"' a-zA-Z0-9#;\\-\\[\\]\n\r\t\0甲]|<script>|</script>|<!--|-->|&nbsp){0,80}"
        ) {
            let _ = to_text(&page);
        }

        #[test]
        fn text_outside_tags_survives(
            words in proptest::collection::vec("[^<&\\s\\x00\u{a0}]{1,12}", 1..8)
        ) {
            let page = format!(
                "<html><body><div class=\"a>b\"><p>{}</p></div></body></html>",
                words.join("</span> <br/><SPAN style='x'>")
            );
            let text = to_text(&page);
            for word in &words {
                proptest::prop_assert!(text.contains(word.as_str()), "{word:?} lost from {text:?}");
            }
        }
    }
}
