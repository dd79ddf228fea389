//! P002: ASCII `<…>` used as a title mark. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P002",
    name: "AsciiAngleBrackets",
    title_zh: "书名号误用尖括号",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
ASCII angle brackets `<…>` around Chinese text, used where a title mark belongs: `〈…〉` inside
`《…》`, `《…》` elsewhere.
## Why it matters
GB/T 15834-2011 marks titles with `《》` and nested titles with `〈〉`; `<>` are mathematical signs
and HTML tags, and portals may swallow them.
## Example
`《关于转发<辽宁省法治政府建设实施方案>的通知》` → `《关于转发〈辽宁省法治政府建设实施方案〉的通知》`";

pub struct AsciiAngleBrackets;

static ANGLED: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(r"<\p{Han}[^<>\n]*[^\s<>]>").expect("valid pattern"));

impl Check for AsciiAngleBrackets {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            for m in ANGLED.find_iter(line) {
                let inside_title = line[..m.start()].matches('《').count()
                    > line[..m.start()].matches('》').count();
                let (open, close) = if inside_title {
                    ("〈", "〉")
                } else {
                    ("《", "》")
                };
                let span = Span::new(m.start(), m.end()).offset(line_span.start);
                let mut f = doc.finding(
                    &META,
                    vec![span],
                    format!("书名用了半角尖括号“<>”，应为“{open}{close}”。"),
                    format!("ASCII angle brackets used as title marks; use {open}{close}."),
                );
                f.fix = Some(Fix::new(
                    format!("改为“{open}{close}”"),
                    vec![
                        Edit::new(Span::new(span.start, span.start + 1), open),
                        Edit::new(Span::new(span.end - 1, span.end), close),
                    ],
                    Applicability::Safe,
                ));
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn hits_and_near_misses() {
        assert_flags(
            "P002",
            "印发《关于转发<某省实施方案>的通知》。",
            "<某省实施方案>",
        );
        assert_count("P002", "学习<民法典>。", 1);
        assert_count("P002", "学习《民法典》。", 0);
        assert_count("P002", "印发《关于转发〈某省实施方案〉的通知》。", 0);
        assert_count("P002", "当 a<b 且 c>d 时。", 0);
        assert_count("P002", "温度<30度>。", 0);
        assert_count("P002", "<p>", 0);
        assert_count("P002", "学习<民法典>和<宪法>。", 2);
        assert_count("P002", "比例<50%", 0);
        let f = findings("P002", "印发《关于转发<某省实施方案>的通知》。");
        assert!(f[0].message.contains("〈〉"), "{}", f[0].message);
    }
}
