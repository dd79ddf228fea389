//! D005: the plans part names another year than the next one. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::dates::{self, AnnualReport};
use crate::model::{Genre, Part, Section};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "D005",
    name: "PlanYear",
    title_zh: "下一年度安排的年份有误",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
In a 法治政府建设 report whose title names the year reported on (or, without a title, whose
opening sentence does: `2019年，我区…`), the year the plans part (下一年度
主要安排) names as the year being planned: a plans heading (`四、2023年工作安排`) or a sentence
of the plans part that opens with a year and says what will be done (`2022年，我们将…`). It
should be the year after the one reported on. Years that are not the year planned stay quiet:
targets (`到2025年`), periods (`2021—2025年`), cited titles (`《…(2021—2025年)》`), starting points
(`2021年以来`), comparisons (`较2022年`), and sentences that look back (`2022年，虽然取得…但仍存在…`).
## Why it matters
《法治政府建设与责任落实督察工作规定》 asks the annual report for 下一年度推进法治政府建设的主要
安排: a report on 2022 plans 2023. A plans part dated for the year just reported on, or for the
year after next, was copied from an older report or mistyped.
## Example
Title `某市人民政府关于2022年法治政府建设情况的报告`, heading `四、2022年工作安排` → `2023年`.";

pub struct PlanYear;

/// A year in a heading followed, in the same clause, by a word naming the work planned:
/// `2023年工作安排`, `2022年改进措施和重点工作安排`, `存在的问题和2025年工作计划`.
static PLAN_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"^(?:19|20)[0-9]{2}年度?[^，,、。；;：:（(0-9]{0,16}?(?:安排|计划|打算|思路|要点|重点|任务)",
    )
    .expect("valid pattern")
});

/// A sentence that opens with a year: `2023年，我们将…`, `一是2023年，…`.
static YEAR_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(?:^|[。；;：:！？\n]\s*)(?:[一二三四五六七八九十]是)?\s*((?:19|20)[0-9]{2})年度?\s*[，,]([^。；;\n]*)")
        .expect("valid pattern")
});

/// Words of a sentence that says what will be done.
const FUTURE: &[&str] = &["将", "拟", "力争", "计划", "打算"];
/// Words of a sentence that looks back, or whose year dates something done (`2021年，市政府
/// 印发的《实施方案》将继续执行`).
const PAST: &[&str] = &[
    "取得",
    "已",
    "了",
    "成效",
    "成绩",
    "虽然",
    "虽",
    "累计",
    "印发的",
    "出台的",
    "制定的",
    "发布的",
    "通过的",
    "启动的",
    "实施的",
    "开展的",
    "确定的",
];

impl Check for PlanYear {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let a = doc.analysis;
        let Some(year) = reported_year(doc) else {
            return;
        };
        let planned = year + 1;
        let sections: Vec<_> = a
            .all_sections()
            .into_iter()
            .filter(|s| s.part == Some(Part::Plans) || a.parts.plans.contains(&s.heading))
            .collect();
        let mut spans = wrong_years_in_headings(&sections, planned);
        for at in wrong_years_in_plans(doc, &sections, planned) {
            if !spans.iter().any(|x| x.start == at.start) {
                spans.push(at);
            }
        }
        for span in spans {
            let written = span.text(doc.text).unwrap_or_default().to_owned();
            let mut finding = doc.finding(
                &META,
                vec![span],
                format!(
                    "本报告为{year}年度法治政府建设报告，下一年度安排应为{planned}年，此处写作“{written}”（《法治政府建设与责任落实督察工作规定》：年度报告写下一年度推进法治政府建设的主要安排）。"
                ),
                format!(
                    "A report on {year} plans for {planned}, not {written} (the regulation on rule-of-law government inspection asks for next year's plans)."
                ),
            );
            // The drafter may have meant another sentence, not another year: a reader decides.
            finding.fix = Some(Fix::replace_all(
                format!("改为“{planned}年”"),
                [span],
                &format!("{planned}年"),
                Applicability::Review,
            ));
            out.push(finding);
        }
    }
}

/// The year a rule-of-law report reports on: its title's, or without a title the year its
/// opening sentence speaks of. `None` for other reports.
fn reported_year(doc: &Document<'_>) -> Option<i32> {
    let a = doc.analysis;
    match AnnualReport::of(a.genre, a.metadata.title.as_deref()) {
        Some((AnnualReport::RuleOfLaw, year)) => Some(year),
        None if a.metadata.title.is_none() && a.genre == Genre::RuleOfLaw => {
            let (_, line) = super::d003_year_consistency::opening(doc)?;
            let first = line.split('。').next().unwrap_or_default();
            dates::reported_year(first).map(|(_, year)| year)
        }
        _ => None,
    }
}

/// Years other than `planned` in plans headings that name a plan (`2022年工作安排`), unless
/// the heading looks back (`存在的问题`).
fn wrong_years_in_headings(sections: &[&Section], planned: i32) -> Vec<Span> {
    let mut spans = Vec::new();
    for s in sections {
        let heading = s.heading.as_str();
        if PAST.iter().any(|w| heading.contains(w)) {
            continue;
        }
        for (i, y) in dates::reported_years(heading) {
            let names_plan = heading.get(i..).is_some_and(|h| PLAN_HEADING.is_match(h));
            if y != planned && names_plan {
                spans.push(Span::new(i, i + 7).offset(s.heading_span.start));
            }
        }
    }
    spans
}

/// Years other than `planned` opening a sentence of the plans sections that speaks of the
/// future and not of the past. Each section's text is read once: a child inside a plans
/// parent is read with it.
fn wrong_years_in_plans(doc: &Document<'_>, sections: &[&Section], planned: i32) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut read: Vec<Span> = Vec::new();
    for s in sections {
        if read
            .iter()
            .any(|r| r.start <= s.span.start && s.span.end <= r.end)
        {
            continue;
        }
        read.push(s.span);
        let Some(text) = s.span.text(doc.text) else {
            continue;
        };
        for c in YEAR_OPENING.captures_iter(text) {
            let (Some(y), Some(rest)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let Ok(found) = y.as_str().parse::<i32>() else {
                continue;
            };
            let sentence = rest.as_str();
            let future = FUTURE.iter().any(|w| sentence.contains(w));
            let past = PAST.iter().any(|w| sentence.contains(w));
            if found != planned && future && !past {
                spans.push(Span::new(y.start(), y.end() + '年'.len_utf8()).offset(s.span.start));
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    const TITLE: &str = "某市人民政府关于2022年法治政府建设情况的报告\n2022年，我市扎实推进法治政府建设。\n一、主要成效\n正文。\n";

    fn report(plans: &str) -> String {
        format!("{TITLE}{plans}")
    }

    #[test]
    fn plans_headings() {
        assert_count("D005", &report("二、2023年工作安排\n正文。"), 0);
        assert_flags("D005", &report("二、2022年工作安排\n正文。"), "2022年");
        assert_flags("D005", &report("二、2024年工作计划\n正文。"), "2024年");
        assert_count("D005", &report("二、存在的问题和2022年工作计划\n正文。"), 1);
        assert_count("D005", &report("二、下一步工作打算\n正文。"), 0);
        assert_count(
            "D005",
            &report("二、2022年存在的问题和2023年工作打算\n正文。"),
            0,
        );
        assert_flags(
            "D005",
            &report("二、2022年存在的问题和2022年工作打算\n正文。"),
            "2022年",
        );
        assert_count(
            "D005",
            &report("二、下一步工作打算\n（一）2022年工作重点\n正文。"),
            1,
        );
    }

    #[test]
    fn plans_sentences() {
        assert_flags(
            "D005",
            &report("二、下一步工作打算\n2022年，我们将重点做好以下工作。\n（一）加强统筹。"),
            "2022年",
        );
        assert_count(
            "D005",
            &report("二、下一步工作打算\n2023年，我们将重点做好以下工作。\n（一）加强统筹。"),
            0,
        );
        assert_count(
            "D005",
            &report("二、下一步工作打算\n2022年，虽然我市取得了一些成绩，但仍存在不足。下一步，我市将持续发力。"),
            0,
        );
        assert_count(
            "D005",
            &report("二、下一步工作打算\n我市将对标到2025年基本建成法治政府的目标，落实《法治政府建设实施纲要(2021—2025年)》。"),
            0,
        );
        assert_count(
            "D005",
            &report("二、下一步工作打算\n在2022年基础上，我市将继续推进。"),
            0,
        );
        assert_count(
            "D005",
            &report("二、下一步工作打算\n一是加强统筹。2022年，我们将推动出台《实施办法》。"),
            1,
        );
        // The year of a document, not of the plans.
        assert_count(
            "D005",
            &report(
                "二、下一步工作打算\n一是加强统筹。2021年，市政府印发的《实施方案》将继续执行。",
            ),
            0,
        );
    }

    #[test]
    fn the_fix_names_the_next_year_for_review() {
        let text = report("二、2022年工作安排\n正文。");
        let found = crate::checks::testing::findings("D005", &text);
        let fix = found[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits[0].replacement, "2023年");
        assert_eq!(fix.applicability, crate::checks::Applicability::Review);
    }

    #[test]
    fn only_reports_on_a_known_year() {
        // No title: the year is only inferred.
        assert_count(
            "D005",
            "2022年，我市扎实推进。\n一、主要成效\n正文。\n二、2022年工作安排\n正文。",
            0,
        );
        // A work report plans for the year it is delivered in.
        assert_count(
            "D005",
            "2023年某市政府工作报告\n一、2022年工作回顾\n正文。\n二、2023年工作安排\n正文。",
            0,
        );
        // Sections outside the plans part speak of the year reported on.
        assert_count("D005", &report("二、2022年存在的问题\n正文。"), 0);
        assert_count(
            "D005",
            &report("二、下一步工作打算\n（一）巩固2022年示范创建成果，推进各项工作。\n正文。"),
            0,
        );
    }
}
