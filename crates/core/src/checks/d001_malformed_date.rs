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
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
The signing date (成文日期 in the 落款) when it is not a complete date (`202116`), and any date in the
text that does not exist: a day past the month's end (`2月30日`, `4月31日`, `2021年2月29日`) or a
month past December (`2020年14月`, `13月份`, `13月底`). A month alone is read only where it is
plainly a calendar month: after a year (`2020年14月`) or followed by 份, 日, 号, 底, 初, 末, 中旬,
上旬, 下旬 or 以来; never after 第, a range mark or a decimal point (`第13月`, `1-13月`, `5.13月`),
nor before 个 (`12个月`).
## Why it matters
GB/T 9704—2012 (7.3.5.1) asks for the signing date with year, month and day in full; the
Gregorian calendar has twelve months and a fixed number of days in each, so a date past them is a
slip of the keyboard that makes the record wrong.
## Example
`202116` → `2021年1月6日`; `于4月31日召开` and `2020年14月` are flagged for the drafter to
correct (no fix is offered: which digit slipped is not known).";

pub struct MalformedDate;

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
        .expect("valid pattern")
});

/// A month number, perhaps after a year: `2020年14月`, `13月份`.
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?P<y>\d{4}年)?(?P<m>\d{1,3})月(?P<after>份|[日号底初末]|[中上下]旬|以来)?",
    )
    .expect("valid pattern")
});

/// What may stand right before a number that is part of something else: an ordinal, a
/// decimal, a list.
const NOT_MONTH_BEFORE: &[char] = &['第', '.', '．', '·', '、', '/'];

/// Marks that, after a number, make the next number the end of a range (`1-13月`, `1至13月`).
const RANGE_MARKS: &[char] = &['-', '－', '—', '–', '~', '～', '至', '到'];

/// Whether the number at `start` continues a longer number, an ordinal, a decimal or a range.
fn part_of_other(line: &str, start: usize) -> bool {
    let mut before = line.get(..start).unwrap_or_default().chars().rev();
    let Some(b) = before.next() else {
        return false;
    };
    let range = RANGE_MARKS.contains(&b)
        && before
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '月' || c == '年');
    range || b.is_ascii_digit() || b.is_ascii_alphabetic() || NOT_MONTH_BEFORE.contains(&b)
}

/// The impossible months in a line, as byte ranges of the line.
fn impossible_months(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for c in MONTH.captures_iter(line) {
        let (Some(whole), Some(m)) = (c.get(0), c.name("m")) else {
            continue;
        };
        let Ok(month) = m.as_str().parse::<u32>() else {
            continue;
        };
        if (1..=12).contains(&month) {
            continue;
        }
        if part_of_other(line, whole.start()) {
            continue;
        }
        // Without a year, only a month the words around make a calendar month.
        if c.name("y").is_none() && c.name("after").is_none() {
            continue;
        }
        out.push((whole.start(), m.end() + '月'.len_utf8()));
    }
    out
}

impl Check for MalformedDate {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        incomplete_signing_date(doc, out);
        let year = doc.analysis.metadata.report_year.unwrap_or(2000);
        for (line_span, line) in doc.body() {
            impossible_days(doc, line_span, line, year, out);
            for (start, end) in dates::impossible_chinese_dates(line) {
                let written = &line[start..end];
                out.push(doc.finding(
                    &META,
                    vec![Span::new(start, end).offset(line_span.start)],
                    format!("日期“{written}”不存在（公历无此月日）。"),
                    format!("The date “{written}” does not exist in the Gregorian calendar."),
                ));
            }
            months_past_december(doc, line_span, line, out);
        }
    }
}

/// The signing date of the 落款 when it was found but is no complete, real date.
fn incomplete_signing_date(doc: &Document<'_>, out: &mut Vec<Finding>) {
    let a = doc.analysis;
    let (Some(span), None) = (a.frame.signed_date, a.metadata.signed_date.as_ref()) else {
        return;
    };
    let written = span.text(doc.text).unwrap_or_default();
    out.push(doc.finding(
        &META,
        vec![span],
        format!(
            "落款日期“{written}”残缺或不存在，应写完整的年月日，如“2024年3月5日”（GB/T 9704—2012 第7.3.5.1条：成文日期用阿拉伯数字将年、月、日标全）。"
        ),
        format!(
            "The signing date “{written}” is incomplete or impossible; GB/T 9704-2012 (7.3.5.1) asks for year, month and day in full."
        ),
    ));
}

/// `M月D日` dates (perhaps after a year) that no calendar has; without a year, `year` is assumed
/// but 2月29日 passes, as some leap year has it.
fn impossible_days(
    doc: &Document<'_>,
    line_span: Span,
    line: &str,
    year: i32,
    out: &mut Vec<Finding>,
) {
    for c in MONTH_DAY.captures_iter(line) {
        let (Some(whole), Some(m), Some(d)) = (c.get(0), c.name("m"), c.name("d")) else {
            continue;
        };
        let written_year = c.name("y").and_then(|y| y.as_str().parse().ok());
        let y = written_year.unwrap_or(year);
        let (Ok(month), Ok(day)) = (m.as_str().parse::<u32>(), d.as_str().parse::<u32>()) else {
            continue;
        };
        if c.name("y").is_none() && part_of_other(line, whole.start()) {
            continue;
        }
        let valid = dates::Date::new(y, month, day).is_some()
            || (c.name("y").is_none() && dates::Date::new(2024, month, day).is_some());
        if valid {
            continue;
        }
        let days = dates::days_in_month(y, u8::try_from(month).unwrap_or(0));
        let why = match (days, c.name("y")) {
            (0, _) => "公历一年只有12个月".to_owned(),
            (_, Some(_)) => format!("公历{y}年{month}月只有{days}天"),
            (_, None) => format!("公历{month}月只有{days}天"),
        };
        out.push(doc.finding(
            &META,
            vec![Span::new(whole.start(), whole.end()).offset(line_span.start)],
            format!("日期“{}”不存在（{why}）。", whole.as_str()),
            format!(
                "The date “{}” does not exist in the Gregorian calendar.",
                whole.as_str()
            ),
        ));
    }
}

/// Months past December standing alone (`2020年14月`, `13月底`), unless a date already
/// reported covers them.
fn months_past_december(doc: &Document<'_>, line_span: Span, line: &str, out: &mut Vec<Finding>) {
    for (start, end) in impossible_months(line) {
        let span = Span::new(start, end).offset(line_span.start);
        if out
            .iter()
            .any(|f| f.code == META.code && f.span.start <= span.start && span.start < f.span.end)
        {
            continue;
        }
        let written = &line[start..end];
        out.push(doc.finding(
            &META,
            vec![span],
            format!("“{written}”不存在：公历一年只有12个月。"),
            format!("“{written}” does not exist: the Gregorian calendar has twelve months."),
        ));
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

    #[test]
    fn months_past_december() {
        assert_flags("D001", "2020年14月，我市出台实施意见。", "2020年14月");
        assert_flags("D001", "截至13月底，共办理案件52件。", "13月");
        assert_flags("D001", "全市于13月份完成清理工作。", "13月");
        assert_count("D001", "2022年0月，我区启动专项行动。", 1);
        assert_count("D001", "2020年14月1日召开常务会议。", 1);
        assert_count("D001", "2023年12月，我市出台实施意见。", 0);
        assert_count("D001", "用时12个月完成，较计划缩短13个月。", 0);
        assert_count("D001", "第13月考核排名全省第一。", 0);
        assert_count("D001", "1-13月累计办理案件。", 0);
        assert_count("D001", "1至13月份累计办理案件。", 0);
        assert_count("D001", "共采购14月饼礼盒用于慰问。", 0);
        assert_count("D001", "5.13月度例会上通报。", 0);
        assert_count("D001", "2020年-2021年连续两年获评先进。", 0);
        assert_count("D001", "项目周期为113月。", 0);
        assert_count("D001", "学习《第13月工作法》。", 0);
        assert_count("D001", "二〇二一年二月二十九日召开常务会议。", 1);
        assert_count("D001", "二〇二〇年二月二十九日召开常务会议。", 0);
    }

    #[test]
    fn edge_cases() {
        assert_count("D001", "", 0);
        assert_count("D001", "月", 0);
        assert_count("D001", "于4月31日召开。\r\n于4月30日召开。\r\n", 1);
        assert_flags("D001", "𠀀𠀀于2月30日召开。", "2月30日");
    }
}
