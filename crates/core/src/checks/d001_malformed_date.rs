//! D001: a date that is malformed or does not exist. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::dates;
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "D001",
    name: "MalformedDate",
    title_zh: "日期残缺或不存在",
    severity: Severity::Error,
    doc: "## What it checks
The signing date (成文日期 in the 落款) when it is not a complete date (`202116`), and any date in the
text that does not exist (`2月30日`, `13月`, `2021年2月29日`).
## Why it matters
The signing date dates the document; a truncated or impossible date makes it invalid as a record.
## Example
`202116` → `2021年1月6日`",
};

pub struct MalformedDate;

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日").expect("valid pattern")
});

impl Check for MalformedDate {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let a = doc.analysis;
        if let (Some(span), None) = (a.frame.signed_date, a.metadata.signed_date.as_ref()) {
            let written = span.text(doc.text).unwrap_or_default();
            out.push(doc.finding(
                &META,
                vec![span],
                format!("落款日期“{written}”残缺或不存在，应写完整的年月日，如“2024年3月5日”。"),
                format!("The signing date “{written}” is incomplete or impossible."),
            ));
        }
        let year = a.metadata.report_year.unwrap_or(2000);
        for (line_span, line) in doc.body() {
            for c in MONTH_DAY.captures_iter(line) {
                let (Some(m), Some(d)) = (c.name("m"), c.name("d")) else {
                    continue;
                };
                let y = c
                    .name("y")
                    .and_then(|y| y.as_str().parse().ok())
                    .unwrap_or(year);
                let (Ok(month), Ok(day)) = (m.as_str().parse::<u32>(), d.as_str().parse::<u32>())
                else {
                    continue;
                };
                // Without a year, 2月29日 may be a leap year's: only flag what no year allows.
                let valid = dates::Date::new(y, month, day).is_some()
                    || (c.name("y").is_none() && dates::Date::new(2024, month, day).is_some());
                if !valid {
                    let Some(whole) = c.get(0) else { continue };
                    let span = Span::new(
                        line_span.start + whole.start(),
                        line_span.start + whole.end(),
                    );
                    out.push(doc.finding(
                        &META,
                        vec![span],
                        format!("日期“{}”不存在。", whole.as_str()),
                        format!("The date “{}” does not exist.", whole.as_str()),
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
        assert_flags("D001", "一、成效\n正文。\n东山市人民政府\n202116", "202116");
        assert_count("D001", "一、成效\n正文。\n东山市人民政府\n2021年1月6日", 0);
        assert_count("D001", "一、成效\n正文。\n东山市人民政府\n2021年2月30日", 1);
        assert_count("D001", "于2月30日召开会议。", 1);
        assert_count("D001", "于2月29日召开会议。", 0);
        assert_count("D001", "2021年2月29日召开会议。", 1);
        assert_count("D001", "2020年2月29日召开会议。", 0);
        assert_count("D001", "于13月1日召开。", 1);
        assert_count("D001", "于4月31日召开。", 1);
        assert_count("D001", "于12月31日召开。", 0);
    }
}
