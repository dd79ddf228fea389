//! D003: years that disagree with the report's year. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::dates;
use crate::parts::Part;

pub static META: CheckMeta = CheckMeta {
    code: "D003",
    name: "YearConsistency",
    title_zh: "年份前后不一致或公开逾期",
    severity: Severity::Warning,
    doc: "## What it checks
The year in the title against the year the opening sentence reports on; a plans heading that names
a year other than the next one; and a publication date after 4月1日 of the following year, the
deadline for making the report public.
## Why it matters
A report for 2023 that opens with `2022年，我市…` or plans for `2023年` was copied from last year's
and not fully updated; late publication breaches 《法治政府建设与责任落实督察工作规定》.
## Example
Title `…2023年法治政府建设情况的报告`, plans heading `四、2023年工作安排` → should be `2024年`.",
};

pub struct YearConsistency;

fn first_year(s: &str) -> Option<(usize, i32)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().map(|x| x.1).collect();
        if w[4].1 != '年' || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        Some((w[0].0, digits.parse().ok()?))
    })
}

impl Check for YearConsistency {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let a = doc.analysis;
        let Some(year) = a.metadata.report_year else {
            return;
        };
        let title_year = a
            .metadata
            .title
            .as_deref()
            .and_then(first_year)
            .map(|(_, y)| y);
        if let (Some(t), Some((span, line))) = (title_year, doc.body().next()) {
            if let Some((i, y)) = line.split('。').next().and_then(first_year) {
                if y != t && parse_heading(line) {
                    let at = crate::span::Span::new(span.start + i, span.start + i + 7);
                    out.push(doc.finding(
                        &META,
                        vec![at],
                        format!("标题所报年度为{t}年，正文开头却写“{y}年”。"),
                        format!("The title reports on {t}, the opening says {y}."),
                    ));
                }
            }
        }
        for s in a
            .all_sections()
            .into_iter()
            .filter(|s| s.part == Some(Part::Plans) && s.level <= 2)
        {
            if let Some((i, y)) = first_year(&s.heading) {
                if y != year + 1 && s.heading.contains(['安', '计', '打', '工']) {
                    let at = crate::span::Span::new(
                        s.heading_span.start + i,
                        s.heading_span.start + i + 7,
                    );
                    out.push(doc.finding(
                        &META,
                        vec![at],
                        format!(
                            "报告年度为{year}年，下一年度安排应为{}年，此处写作“{y}年”。",
                            year + 1
                        ),
                        format!("Plans should be for {}, not {y}.", year + 1),
                    ));
                }
            }
        }
        if let (Some(published), Some(span)) = (
            a.metadata.published_date.as_deref().and_then(dates::parse),
            a.frame.published_date,
        ) {
            if dates::Date::new(year + 1, 4, 1).is_some_and(|deadline| published > deadline) {
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!(
                        "{year}年度报告应于{}年4月1日前公开，实际发布日期为{published}。",
                        year + 1
                    ),
                    format!(
                        "A report for {year} is due public by {}-04-01; published {published}.",
                        year + 1
                    ),
                ));
            }
        }
    }
}

/// The opening line is running text, not a heading.
fn parse_heading(line: &str) -> bool {
    crate::structure::parse_marker(line).is_none()
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    const TITLE: &str = "某市人民政府关于2023年法治政府建设情况的报告\n";

    #[test]
    fn hits_and_near_misses() {
        assert_count(
            "D003",
            &format!("{TITLE}2023年，我市扎实推进。\n一、成效\n二、2024年工作安排"),
            0,
        );
        assert_flags(
            "D003",
            &format!("{TITLE}2022年，我市扎实推进。\n一、成效"),
            "2022年",
        );
        assert_flags(
            "D003",
            &format!("{TITLE}2023年，我市扎实推进。\n一、成效\n二、2023年工作计划"),
            "2023年",
        );
        assert_count(
            "D003",
            &format!("{TITLE}2023年，我市扎实推进。\n一、成效\n二、2025年工作计划"),
            1,
        );
        assert_count(
            "D003",
            &format!("{TITLE}今年以来，我市扎实推进。\n一、成效\n二、下一步工作打算"),
            0,
        );
        assert_count(
            "D003",
            &format!("发布日期: 2024-05-10\n{TITLE}2023年，我市扎实推进。\n一、成效"),
            1,
        );
        assert_count(
            "D003",
            &format!("发布日期: 2024-03-10\n{TITLE}2023年，我市扎实推进。\n一、成效"),
            0,
        );
        assert_count(
            "D003",
            &format!("发布日期: 2024-04-01\n{TITLE}2023年，我市扎实推进。\n一、成效"),
            0,
        );
        assert_count("D003", "没有标题的一段话，2022年办理案件。", 0);
        assert_count(
            "D003",
            &format!("{TITLE}2023年，我市对标2025年目标推进。\n一、成效"),
            0,
        );
    }
}
