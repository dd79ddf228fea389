//! D003: the opening speaks of another year than the title. See [`META`].

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::dates;
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "D003",
    name: "YearConsistency",
    title_zh: "正文开头年份与标题不一致",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
In an annual report (法治政府建设, 政府信息公开) whose title names one year, that year against the
year the opening sentence speaks of. The opening is the
first line of running text: a portal's date line (`2023年03月30日 09时24分`), a site clock
(`今天是2024年5月6日 星期一`) and short chrome lines (`来源：司法厅`) are skipped. A year inside a
cited title (`《法治政府建设实施纲要（2015—2020年）》`), the end of a period (`2021—2025年`), a
target (`到2025年`), a comparison (`较2021年`) or a starting point (`2021年以来`) is not the year
the text speaks of.
## Why it matters
An annual report speaks of one year, the one its title names (《法治政府建设与责任落实督察工作规定》
asks for a report on the previous year's work). A report titled for 2023 that opens with
`2022年，我市…` was copied from last year's and not fully updated.
## Example
Title `某市人民政府关于2023年法治政府建设情况的报告`, opening `2022年，我市…` → `2023年，我市…`.";

pub struct YearConsistency;

/// A short line without running text: a portal's `来源：司法厅`, `【字体：`.
fn is_chrome_like(line: &str) -> bool {
    line.chars().count() <= 30 && !line.contains(['，', ',', '。'])
}

/// The opening: the first line of running text among the first body lines, past portal date
/// lines, site clocks and short chrome; `None` when the text opens with a heading.
pub(crate) fn opening<'d>(doc: &'d Document<'_>) -> Option<(Span, &'d str)> {
    let (span, line) = doc
        .body()
        .take(6)
        .find(|(_, l)| !dates::is_stamp(l) && !is_chrome_like(l))?;
    crate::marker::parse_marker(line)
        .is_none()
        .then_some((span, line))
}

impl Check for YearConsistency {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let a = doc.analysis;
        // An annual report that speaks of the year its title names (a 政府工作报告 titled for the
        // year it is delivered in opens with the year before).
        let Some((_, title_year)) = dates::AnnualReport::of(a.genre, a.metadata.title.as_deref())
        else {
            return;
        };
        let Some((span, line)) = opening(doc) else {
            return;
        };
        let first = line.split('。').next().unwrap_or_default();
        let Some((i, y)) = dates::reported_year(first) else {
            return;
        };
        if y != title_year {
            let at = Span::new(i, i + 7).offset(span.start);
            let mut finding = doc.finding(
                &META,
                vec![at],
                format!("标题所报年度为{title_year}年，正文开头却写“{y}年”：年度报告通篇应指标题所报的同一年度。"),
                format!("The title reports on {title_year}, the opening says {y}: an annual report speaks of the year its title names."),
            );
            finding.fix = Some(Fix::replace_all(
                format!("改为“{title_year}年”"),
                [at],
                &format!("{title_year}年"),
                Applicability::Review,
            ));
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    const TITLE: &str = "某市人民政府关于2023年法治政府建设情况的报告\n";

    #[test]
    fn hits_and_near_misses() {
        assert_count(
            "D003",
            &format!("{TITLE}2023年，我市扎实推进。\n一、成效"),
            0,
        );
        assert_flags(
            "D003",
            &format!("{TITLE}2022年，我市扎实推进。\n一、成效"),
            "2022年",
        );
        assert_flags(
            "D003",
            &format!("{TITLE}来源：市司法局\n2022年，我市扎实推进。\n一、成效"),
            "2022年",
        );
        assert_count(
            "D003",
            &format!("{TITLE}今年以来，我市扎实推进。\n一、成效\n二、下一步工作打算"),
            0,
        );
        assert_count("D003", "没有标题的一段话，2022年办理案件。", 0);
        assert_count(
            "D003",
            &format!("{TITLE}2023年，我市对标2025年目标推进。\n一、成效"),
            0,
        );
        assert_count("D003", &format!("{TITLE}一、2022年工作回顾\n正文。"), 0);
        assert_count(
            "D003",
            "2023年某市政府工作报告\n2022年，全市经济稳中向好。\n一、2022年工作回顾",
            0,
        );
    }

    #[test]
    fn stamps_cited_titles_and_periods_are_not_the_opening_year() {
        assert_count(
            "D003",
            &format!("{TITLE}  • 2024年03月30日 09时24分\n  • 来源: 司法厅\n  • 2023年,省政府坚持依法行政。\n一、成效"),
            0,
        );
        assert_count(
            "D003",
            &format!("{TITLE}今天是2024年5月6日 星期一\n2023年，我市扎实推进。\n一、成效"),
            0,
        );
        assert_count(
            "D003",
            &format!(
                "{TITLE}我市认真落实《法治政府建设实施纲要(2021—2025年)》,取得新成效。\n一、成效"
            ),
            0,
        );
        assert_count(
            "D003",
            &format!("{TITLE}我市对照2021-2025年规划推进各项任务。\n一、成效"),
            0,
        );
        assert_count(
            "D003",
            &format!("{TITLE}2021年以来，我市持续推进法治政府建设。\n一、成效"),
            0,
        );
        assert_count(
            "D003",
            &format!("{TITLE}全市行政复议案件较2022年下降12%，依法行政水平提升。\n一、成效"),
            0,
        );
        assert_count(
            "D003",
            &format!("{TITLE}在市委坚强领导下，我市于2022年全面完成各项任务。\n一、成效"),
            1,
        );
    }
}
