//! D004: an annual report signed or published outside the window its rules set. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::dates::{self, AnnualReport, Date};

pub static META: CheckMeta = CheckMeta {
    code: "D004",
    name: "ReportTiming",
    title_zh: "年度报告落款或公开时间不合规定",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
For an annual report whose title names its kind and year (a 法治政府建设 report, or a 政府信息公开
工作年度报告), the signing date (落款) and the page's publication date against the window the rules
set:
- signed before 12月1日 of the year reported on: the year is not over, so the report cannot cover it
  (a December signature is common practice and stays quiet);
- signed, or else published, after the deadline: 4月1日 of the next year for a 法治政府建设 report
  (《法治政府建设与责任落实督察工作规定》第二十四条, reports on 2019 onwards; for earlier years
  the first quarter of 《法治政府建设实施纲要（2015—2020年）》, which binds the report, not its
  publication), 3月31日 for a 政府信息公开 annual report (《政府信息公开条例》第四十九条; departments
  by 1月31日, which this check does not assume).
Only complete dates are compared; one finding per report for lateness, at the signature when the
signature is late, else at the page's date.
## Why it matters
A report dated before its year has ended leaves out the rest of the year or carries a mistyped
date; a report made or published after the deadline breaches the rule that sets it.
## Example
Title `某县人民政府关于2023年法治政府建设情况的报告`, signed `2023年11月5日` → the year was not
over; signed `2024年4月15日` → after the deadline of 2024年4月1日.";

pub struct ReportTiming;

impl Check for ReportTiming {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let a = doc.analysis;
        let title = a.metadata.title.as_deref();
        let Some((kind, year)) = AnnualReport::of(a.genre, title) else {
            return;
        };
        // The regulation's deadline is for 法治政府建设 reports, not every 法治建设 report (a
        // party committee's 述法 follows other rules).
        if kind == AnnualReport::RuleOfLaw && !title.is_some_and(|t| t.contains("法治政府")) {
            return;
        }
        let Some(deadline) = kind.deadline(year) else {
            return;
        };
        let signed = a.metadata.signed_date.as_deref().and_then(dates::parse);
        let what = match kind {
            AnnualReport::RuleOfLaw => "法治政府建设年度报告",
            AnnualReport::OpenGovernment => "政府信息公开工作年度报告",
        };
        if let (Some(signed), Some(span)) = (signed, a.frame.signed_date) {
            if Date::new(year, 12, 1).is_some_and(|december| signed < december) {
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!(
                        "本报告为{year}年度{what}，落款日期{signed}时该年度尚未结束：年度报告应报告全年情况（{}），请核对落款日期。",
                        deadline.source_zh
                    ),
                    format!(
                        "A report on {year} signed on {signed}, before the year was over; the report covers the whole year ({}).",
                        deadline.source_en
                    ),
                ));
            } else if signed > deadline.date {
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!(
                        "本报告为{year}年度{what}，落款日期{signed}晚于{}（{}）。",
                        deadline.date.zh(),
                        deadline.source_zh
                    ),
                    format!(
                        "A report on {year} signed on {signed}, after {} ({}).",
                        deadline.date, deadline.source_en
                    ),
                ));
                return;
            }
        }
        if !deadline.publication {
            return;
        }
        if let (Some(published), Some(span)) = (
            a.metadata.published_date.as_deref().and_then(dates::parse),
            a.frame.published_date,
        ) {
            if published > deadline.date {
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!(
                        "本报告为{year}年度{what}，网页发布日期{published}晚于{}（{}）。",
                        deadline.date.zh(),
                        deadline.source_zh
                    ),
                    format!(
                        "A report on {year} published on {published}, after {} ({}).",
                        deadline.date, deadline.source_en
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    const TITLE: &str = "某县人民政府关于2023年法治政府建设情况的报告\n";
    const BODY: &str = "2023年，我县扎实推进法治政府建设。\n一、主要成效\n正文。\n二、2024年工作安排\n正文。\n某县人民政府\n";

    fn report(signed: &str) -> String {
        format!("{TITLE}{BODY}{signed}")
    }

    #[test]
    fn signed_before_the_year_is_over() {
        assert_flags("D004", &report("2023年11月5日"), "2023年11月5日");
        assert_count("D004", &report("2022年12月20日"), 1);
        assert_count("D004", &report("2023年12月5日"), 0);
        assert_count("D004", &report("2024年1月15日"), 0);
    }

    #[test]
    fn signed_or_published_after_the_deadline() {
        assert_count("D004", &report("2024年3月31日"), 0);
        assert_count("D004", &report("2024年4月1日"), 0);
        assert_flags("D004", &report("2024年4月15日"), "2024年4月15日");
        // Signed late and published late: one finding, at the signature.
        assert_count(
            "D004",
            &format!("发布日期: 2024-05-10\n{}", report("2024年4月15日")),
            1,
        );
        assert_flags(
            "D004",
            &format!("发布日期: 2024-05-10\n{}", report("2024年1月15日")),
            "2024-05-10",
        );
        assert_count(
            "D004",
            &format!("发布日期: 2024-03-10\n{}", report("2024年1月15日")),
            0,
        );
    }

    #[test]
    fn which_rule_applies() {
        // Before the 2019 regulation: the outline's first quarter binds the report only.
        let old = "某县人民政府关于2017年法治政府建设情况的报告\n2017年，我县扎实推进。\n一、成效\n正文。\n某县人民政府\n";
        assert_count("D004", &format!("{old}2018年4月10日"), 1);
        assert_count("D004", &format!("{old}2018年3月20日"), 0);
        assert_count(
            "D004",
            &format!("发布日期: 2018-04-03\n{old}2018年3月20日"),
            0,
        );
        // An open-government annual report: public by 31 March at the latest.
        let gk = "某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n某县人民政府\n";
        assert_count("D004", &format!("{gk}2023年3月20日"), 0);
        assert_count("D004", &format!("{gk}2023年4月20日"), 1);
    }

    #[test]
    fn quiet_without_a_certain_year_or_date() {
        // No title: the year is only inferred.
        assert_count("D004", &format!("{BODY}2023年11月5日"), 0);
        // An interpretation of a report is not the report.
        assert_count(
            "D004",
            &format!("《某县2023年法治政府建设情况报告》解读\n{BODY}2023年11月5日"),
            0,
        );
        // A malformed signing date is D001's.
        assert_count("D004", &report("202311"), 0);
        // A half-year report is signed in the middle of the year.
        assert_count(
            "D004",
            &format!("某县人民政府关于2023年上半年法治政府建设情况的报告\n{BODY}2023年7月5日"),
            0,
        );
        // A work report is not bound by these rules.
        assert_count(
            "D004",
            "2023年某县政府工作报告\n一、2022年工作回顾\n正文。\n某县人民政府\n2023年1月5日",
            0,
        );
    }
}
