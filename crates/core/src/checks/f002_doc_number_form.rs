//! F002: the form of the 文号 and of the signing date. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, CheckMeta, Document, Finding, Severity};

pub static META: CheckMeta = CheckMeta {
    code: "F002",
    name: "DocNumberForm",
    title_zh: "发文字号或成文日期格式不规范",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
The 文号 in the header: the year in hexagonal brackets `〔〕` (not `[]`, `()`, `【】`), no `第`, no
leading zero (`东府〔2021〕4号`). The signing date in the 落款: Arabic numerals, complete, without
zero padding (`2024年3月5日`, not `2024年03月05日`, `2024.3.5` or `二〇二四年三月五日`).
## Why it matters
GB/T 9704-2012 fixes both forms; registries and citation rely on them.
## Example
`临政报[2025]03号` → `临政报〔2025〕3号`; `2025年03月20日` → `2025年3月20日`";

pub struct DocNumberForm;

static GOOD_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"^[\p{Han}A-Za-z]+〔\d{4}〕[1-9]\d*号$").expect("valid pattern")
});
static GOOD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"^\d{4}年[1-9]\d?月[1-9]\d?日$").expect("valid pattern")
});

impl Check for DocNumberForm {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let frame = &doc.analysis.frame;
        // Only a 文号 written in the document itself: the portal's field is not the drafter's.
        let in_header = frame.doc_number.filter(|s| {
            doc.page
                .doc_number
                .as_ref()
                .is_none_or(|f| f.span != *s)
        });
        if let Some(span) = in_header {
            let written: String = span
                .text(doc.text)
                .unwrap_or_default()
                .split_whitespace()
                .collect();
            if !GOOD_NUMBER.is_match(&written) {
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!("发文字号“{written}”不规范：年份用六角括号“〔〕”，序号不编虚位、不加“第”，如“东府〔2021〕4号”。"),
                    format!("The document number “{written}” is not in the form 代字〔YYYY〕N号."),
                ));
            }
        }
        if let (Some(span), Some(_)) = (
            frame.signed_date,
            doc.analysis.metadata.signed_date.as_ref(),
        ) {
            let written: String = span
                .text(doc.text)
                .unwrap_or_default()
                .split_whitespace()
                .collect();
            if !GOOD_DATE.is_match(&written) {
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!("成文日期“{written}”应使用阿拉伯数字、年月日齐全且不编虚位，如“2024年3月5日”。"),
                    format!("The signing date “{written}” should read like 2024年3月5日."),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    fn report(header: &str, date: &str) -> String {
        format!("{header}某市人民政府关于2023年法治政府建设情况的报告\n一、成效\n正文。\n某市人民政府\n{date}")
    }

    #[test]
    fn hits_and_near_misses() {
        assert_count("F002", &report("某政发〔2024〕3号\n", "2024年1月5日"), 0);
        assert_flags(
            "F002",
            &report("某政发[2024]3号\n", "2024年1月5日"),
            "某政发[2024]3号",
        );
        assert_count("F002", &report("某政发(2024)3号\n", "2024年1月5日"), 1);
        assert_count("F002", &report("某政发【2024】3号\n", "2024年1月5日"), 1);
        assert_count("F002", &report("某政发〔2024〕第3号\n", "2024年1月5日"), 1);
        assert_count("F002", &report("某政发〔2024〕03号\n", "2024年1月5日"), 1);
        assert_flags("F002", &report("", "2024年01月05日"), "2024年01月05日");
        assert_count("F002", &report("", "二〇二四年一月五日"), 1);
        assert_count("F002", &report("", "2024年12月25日"), 0);
        assert_count("F002", &report("", "202416"), 0);
        assert_count("F002", "文  号: 东府〔2021〕04号\n一、成效\n正文。", 0);
    }
}
