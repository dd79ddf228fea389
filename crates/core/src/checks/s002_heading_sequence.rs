//! S002: heading numbers out of sequence. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::numerals::to_chinese;
use crate::model::{MarkerStyle, Section};

pub static META: CheckMeta = CheckMeta {
    code: "S002",
    name: "HeadingSequence",
    title_zh: "标题序号不连续",
    severity: Severity::Error,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Sibling headings numbered out of sequence (`一、二、四、`, `（一）（三）`), or a first subsection
that does not start at one.
## Why it matters
A skipped or repeated number is usually a deleted or moved section; readers cite sections by number.
## Example
`一、…` `二、…` `四、…` → the third heading should be `三、`.";

pub struct HeadingSequence;

fn written(style: Option<MarkerStyle>, n: u32) -> String {
    match style {
        Some(MarkerStyle::ChineseComma) => format!("{}、", to_chinese(n)),
        Some(MarkerStyle::ChineseParenFull) => format!("（{}）", to_chinese(n)),
        Some(MarkerStyle::ChineseParenHalf) => format!("({})", to_chinese(n)),
        Some(MarkerStyle::ArabicDot) => format!("{n}."),
        Some(MarkerStyle::ArabicComma) => format!("{n}、"),
        Some(MarkerStyle::ArabicParenFull) => format!("（{n}）"),
        Some(MarkerStyle::ArabicParenHalf) => format!("({n})"),
        None => n.to_string(),
    }
}

/// `last[level]`: the last number seen at each level, for lists numbered on across parents.
fn check_siblings(
    doc: &Document<'_>,
    siblings: &[Section],
    last: &mut [u32; 8],
    out: &mut Vec<Finding>,
) {
    let mut expected = 1;
    // After a number out of sequence, the next heading may follow either the number written
    // (a section was dropped) or the number that was due (only that one heading was mistyped):
    // one slip gives one finding, not one for every heading after it.
    let mut or_else = None;
    let mut prev = None;
    for (k, s) in siblings.iter().filter(|s| s.number.is_some()).enumerate() {
        let level = usize::from(s.level).min(7);
        // A list may start again at one (a new part), or number on from the previous parent's list.
        let continued = k == 0 && s.value == last[level] + 1;
        let resynced = or_else.take() == Some(s.value);
        // `6.…` `7.2018年春季学期…` `8.…`: the missing heading was there, read as a decimal.
        let swallowed = s.value == expected + 1
            && prev
                .and_then(|p: &Section| doc.text.get(p.heading_span.end..s.heading_span.start))
                .is_some_and(|between| {
                    between.lines().any(|l| {
                        let l = l.trim_start_matches([' ', '\u{3000}', '\t']);
                        l.strip_prefix(&format!("{expected}."))
                            .or_else(|| l.strip_prefix(&format!("{expected}．")))
                            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
                    })
                });
        if s.value != expected && s.value != 1 && !continued && !resynced && !swallowed {
            or_else = Some(expected + 1);
            let want = written(s.style, expected);
            let mut f = doc.finding(
                &META,
                vec![s.heading_span],
                format!(
                    "标题序号不连续：此处应为“{want}”，实为“{}”。",
                    s.number.as_deref().unwrap_or_default()
                ),
                format!(
                    "Heading out of sequence: expected {expected}, found {}.",
                    s.value
                ),
            );
            if s.level >= 3 {
                f.severity = Severity::Warning;
            }
            out.push(f);
        }
        expected = s.value + 1;
        last[level] = s.value;
        prev = Some(s);
        check_siblings(doc, &s.children, last, out);
    }
}

impl Check for HeadingSequence {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        check_siblings(doc, &doc.analysis.sections, &mut [0; 8], out);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn hits_and_near_misses() {
        assert_count("S002", "一、甲\n二、乙\n三、丙", 0);
        assert_flags("S002", "一、甲\n二、乙\n四、丁", "四、丁");
        assert_flags("S002", "一、甲\n（一）子\n（三）子", "（三）子");
        assert_flags("S002", "一、甲\n（二）子", "（二）子");
        assert_flags(
            "S002",
            "一、甲\n（一）子\n（二）子\n二、乙\n（四）子",
            "（四）子",
        );
        assert_count("S002", "一、甲\n（一）子\n二、乙\n（一）子\n（二）子", 0);
        assert_count("S002", "一、甲\n1.子\n2.子\n3.子", 0);
        assert_count("S002", "一、甲\n1.子\n3.子", 1);
        assert_count("S002", "一、甲\n二、乙\n二、乙", 1);
        assert_count("S002", "一、甲\n二、乙\n一、新的部分\n二、乙", 0);
        assert_count("S002", "一、甲\n1.子\n2.子\n二、乙\n3.子\n4.子", 0);
        assert_count("S002", "没有标题。", 0);
        assert_count("S002", "一、甲\n二、乙\n四、丁\n五、戊", 1);
        assert_count("S002", "一、甲\n二、乙\n四、丙\n四、丁\n五、戊", 1);
        assert_count(
            "S002",
            "一、甲\n1.子\n2.子\n3.2018年春季学期发放补贴。\n4.子",
            0,
        );
        assert_count("S002", "一、甲\n1.子\n2.子\n3.5万人参加培训。\n5.子", 1);
        assert_count("S002", "一、甲\n二、乙\n四、丙\n五、丁\n五、戊", 2);
        assert_count("S002", "（一）甲\n（三）乙\n（三）丙\n（四）丁", 1);
        let f = findings("S002", "一、甲\n二、乙\n四、丁");
        assert!(f[0].message.contains("应为“三、”"), "{}", f[0].message);
    }
}
