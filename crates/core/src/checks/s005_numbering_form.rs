//! S005: headings of one level numbered in different forms, or a level skipped. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::span::Span;
use crate::model::{MarkerStyle, Section};

pub static META: CheckMeta = CheckMeta {
    code: "S005",
    name: "NumberingForm",
    title_zh: "同级序号形式不一或层级跳跃",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Sibling headings numbered in different forms (`（一）` beside `(二)`, `1.` beside `2、`), a heading
numbered `1、` where GB/T 15834 writes `1.`, and, as information, a level skipped (`一、` followed
directly by `1.` without `（一）`).
## Why it matters
GB/T 9704-2012 numbers the levels `一、` `（一）` `1.` `（1）` in that order; one level written two
ways looks unedited and breaks automatic outlines.
## Example
`（一）…` `(二)…` → `（一）…` `（二）…`; `1、…` → `1.…`";

pub struct NumberingForm;

fn name(style: MarkerStyle) -> &'static str {
    match style {
        MarkerStyle::ChineseComma => "“一、”",
        MarkerStyle::ChineseParenFull => "全角括号“（一）”",
        MarkerStyle::ChineseParenHalf => "半角括号“(一)”",
        MarkerStyle::ArabicDot => "“1.”",
        MarkerStyle::ArabicComma => "“1、”",
        MarkerStyle::ArabicParenFull => "全角括号“（1）”",
        MarkerStyle::ArabicParenHalf => "半角括号“(1)”",
    }
}

fn check(
    doc: &Document<'_>,
    parent_level: u8,
    siblings: &[Section],
    commas: &mut Vec<Span>,
    out: &mut Vec<Finding>,
) {
    let styles: Vec<MarkerStyle> = siblings.iter().filter_map(|s| s.style).collect();
    // Each style once, in order of appearance: counting them for every sibling was quadratic.
    let mut distinct: Vec<MarkerStyle> = Vec::new();
    for st in &styles {
        if !distinct.contains(st) {
            distinct.push(*st);
        }
    }
    let majority = distinct.iter().copied().max_by_key(|st| {
        (
            styles.iter().filter(|x| *x == st).count(),
            std::cmp::Reverse(styles.iter().position(|x| x == st)),
        )
    });
    for s in siblings {
        let Some(style) = s.style else { continue };
        // Forms of one level that differ (`一、` and `一.`, `（一）` and `(一)`); forms of two levels
        // side by side (`（一）` under an unnumbered part heading, `一、` under the next) are an
        // outline with unnumbered parts, not a slip.
        if let Some(major) = majority.filter(|m| *m != style && m.level() == style.level()) {
            out.push(doc.finding(
                &META,
                vec![s.heading_span],
                format!(
                    "同级标题序号形式不一：此处用{}，其他用{}。",
                    name(style),
                    name(major)
                ),
                "Sibling headings are numbered in different forms.".to_owned(),
            ));
        } else if style == MarkerStyle::ArabicComma {
            commas.push(s.heading_span);
        }
        if parent_level > 0 && s.level > parent_level + 1 && std::ptr::eq(s, &siblings[0]) {
            let mut f = doc.finding(
                &META,
                vec![s.heading_span],
                "标题层级跳跃：上一级标题下缺少中间层级。".to_owned(),
                "A heading level is skipped.".to_owned(),
            );
            f.severity = Severity::Info;
            out.push(f);
        }
        check(doc, s.level, &s.children, commas, out);
    }
}

impl Check for NumberingForm {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let mut commas = Vec::new();
        check(doc, 0, &doc.analysis.sections, &mut commas, out);
        if !commas.is_empty() {
            let mut f = doc.grouped(
                &META,
                commas,
                |times| format!("阿拉伯数字序号后用下脚点“.”，不用顿号：“1、”应为“1.”{times}。"),
                "Arabic sequence numbers take “.”, not “、”.".to_owned(),
            );
            f.severity = Severity::Info;
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};
    use crate::checks::Severity;

    #[test]
    fn hits_and_near_misses() {
        assert_count("S005", "一、甲\n（一）子\n（二）子\n二、乙", 0);
        assert_flags("S005", "一、甲\n（一）子\n(二)子\n（三）子", "(二)子");
        assert_count("S005", "一、甲\n(一)子\n(二)子\n(三)子", 0);
        assert_count("S005", "一、甲\n（一）子\n1.孙\n2、孙\n3.孙", 1);
        assert_count("S005", "一、甲\n（一）子\n1、孙\n2、孙", 1);
        assert_count("S005", "一、甲\n1.孙\n2.孙", 1);
        assert_count("S005", "一、甲\n（一）子\n1.孙\n2.孙", 0);
        assert_count("S005", "没有标题。", 0);
        assert_count("S005", "一、甲\n二、乙\n三、丙", 0);
        assert_count(
            "S005",
            "2019年工作回顾\n（一）甲\n（二）乙\n2020年主要工作\n一、丙\n（一）丁\n二、戊",
            0,
        );
        let f = findings("S005", "一、甲\n（一）子\n1、孙");
        assert!(f.iter().all(|f| f.severity == Severity::Info));
        let f = findings("S005", "一、甲\n（一）子\n(二)子\n（三）子");
        assert!(f[0].message.contains("半角括号"), "{}", f[0].message);
    }
}
