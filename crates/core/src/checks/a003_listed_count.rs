//! A003: a stated count that disagrees with the items listed before it. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::numerals::parse_chinese;
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "A003",
    name: "ListedCount",
    title_zh: "列举项数与所称数量不符",
    severity: Severity::Warning,
    doc: "## What it checks
A list of items joined by 顿号 and closed with `等N个…` (or `N家`, `N项` …) that names more items
than N (`甲、乙、丙、丁、戊等4个部门`).
## Why it matters
`等` after a list may mean there are more than the listed items, never fewer; a count below the
items named is a slip the reader notices at once.
## Example
`市政府、市司法局、市自然资源和规划局、市综合行政执法局、市行政审批服务局等4个部门` → five are named.",
};

pub struct ListedCount;

static LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[^、，。,；;：:“”（）()]{1,20}、)+[^、，。,；;：:“”（）()]{1,20})等([0-9]+|[一二两三四五六七八九十]+)(?:个|家|项|类|所|支|名|条)")
        .expect("valid pattern")
});

impl Check for ListedCount {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            for c in LIST.captures_iter(line) {
                let (Some(whole), Some(items), Some(n)) = (c.get(0), c.get(1), c.get(2)) else {
                    continue;
                };
                let stated = n
                    .as_str()
                    .parse::<u64>()
                    .ok()
                    .or_else(|| parse_chinese(n.as_str()));
                let listed = items.as_str().split('、').count() as u64;
                if stated.is_some_and(|s| listed > s) {
                    let span = Span::new(
                        line_span.start + whole.start(),
                        line_span.start + whole.end(),
                    );
                    out.push(doc.finding(
                        &META,
                        vec![span],
                        format!("列举了{listed}项，却称“等{}个”。", n.as_str()),
                        format!(
                            "{listed} items are listed but the count says {}.",
                            n.as_str()
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags(
            "A003",
            "为甲局、乙局、丙局、丁局、戊局等4个部门。",
            "为甲局、乙局、丙局、丁局、戊局等4个",
        );
        assert_count("A003", "选取小汉、孝泉、金山等3个经济发达镇。", 0);
        assert_count("A003", "选取小汉、孝泉等3个镇。", 0);
        assert_count("A003", "选取小汉、孝泉、金山、双东等三个镇。", 1);
        assert_count("A003", "选取小汉、孝泉、金山等三个镇。", 0);
        assert_count(
            "A003",
            "交通事故、医患纠纷、婚姻家庭等3个行业性人民调解委员会。",
            0,
        );
        assert_count("A003", "甲、乙、丙等2家企业。", 1);
        assert_count("A003", "甲、乙、丙等企业。", 0);
        assert_count("A003", "甲，乙，丙等2家企业。", 0);
        assert_count(
            "A003",
            "制定审查备案、执法、司法、守法普法等4个协调小组。",
            0,
        );
    }
}
