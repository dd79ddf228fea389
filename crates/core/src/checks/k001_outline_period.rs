//! K001: a central outline cited for a year it does not govern. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::dates::Date;
use crate::knowledge::{self, Outline, OUTLINES};
use crate::span::{is_han, Span};

pub static META: CheckMeta = CheckMeta {
    code: "K001",
    name: "OutlineOutOfPeriod",
    title_zh: "所引纲要与报告年度不符",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
In a report on a known year (a 法治政府建设 report, a 政府工作报告 or a 政府信息公开 annual report),
each citation of a central outline with its period — 《法治政府建设实施纲要（2015—2020年）》,
《法治政府建设实施纲要（2021—2025年）》, 《法治社会建设实施纲要（2020—2025年）》,
《法治中国建设规划（2020—2025年）》 (`data/outlines.tsv`, each with its issue date):
- a period no outline of that title has (`法治政府建设实施纲要（2020—2025年）`);
- an outline issued after the report was written (its signing date, else 31 March of the next
  year): it cannot have guided the year;
- an outline superseded before the year began, cited as the present guide (a report on 2023 that
  深入贯彻落实 the 2015—2020 outline). It stays quiet when the sentence looks back (完成, 收官,
  期间, 回顾, 以来 …) or also names the outline that replaced it.
A local outline with its own period (`《某省法治政府建设实施纲要（2021—2025年）》`) is not one of
these and stays quiet.
## Why it matters
The outline is the report's yardstick; citing the wrong one says the drafter copied an old
report, and a reviewing office sends it back.
## Example
A report on 2023: `深入贯彻落实《法治政府建设实施纲要（2015—2020年）》` → the outline for 2021—2025
(issued 2021-08-11) governs 2023.";

pub struct OutlineOutOfPeriod;

static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(法治政府建设实施纲要|法治社会建设实施纲要|法治中国建设规划)\s*[（(]\s*((?:19|20)[0-9]{2})\s*年?\s*[-—–－~～至到―]*\s*((?:19|20)[0-9]{2})\s*年?\s*[）)]")
        .expect("valid pattern")
});

/// Words that make a later outline something expected, not something cited.
const AWAITED: &[&str] = &[
    "即将",
    "将出台",
    "将印发",
    "待",
    "出台后",
    "印发后",
    "起草",
    "征求意见",
];

impl Check for OutlineOutOfPeriod {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let Some((year, written)) = doc.written_by() else {
            return;
        };
        for (line_span, line) in doc.body() {
            for c in CITATION.captures_iter(line) {
                out.extend(citation_finding(doc, line_span, line, &c, year, written));
            }
        }
    }
}

/// The finding on one citation of an outline with its period, in a report on `year` written
/// by `written`.
fn citation_finding(
    doc: &Document<'_>,
    line_span: Span,
    line: &str,
    c: &regex::Captures<'_>,
    year: i32,
    written: Date,
) -> Option<Finding> {
    let (Some(whole), Some(kind), Some(start), Some(end)) =
        (c.get(0), c.get(1), c.get(2), c.get(3))
    else {
        return None;
    };
    let (Ok(start), Ok(end)) = (start.as_str().parse::<i32>(), end.as_str().parse::<i32>()) else {
        return None;
    };
    // A local outline (`《广东省法治政府建设实施纲要（2021—2025年）》`) has its own period.
    if line[..whole.start()]
        .chars()
        .next_back()
        .is_some_and(is_han)
    {
        return None;
    }
    let kind = kind.as_str();
    let span = Span::new(whole.start(), whole.end()).offset(line_span.start);
    let sentence = knowledge::sentence_at(line, whole.start(), whole.end());
    let same_kind: Vec<&Outline> = OUTLINES.iter().filter(|o| o.kind == kind).collect();
    let Some(outline) = same_kind.iter().find(|o| o.start == start && o.end == end) else {
        return Some(unknown_period(doc, span, kind, (start, end), &same_kind));
    };
    if outline.issued > written {
        if AWAITED.iter().any(|w| sentence.contains(w)) {
            return None;
        }
        return Some(issued_later(doc, span, outline, year, written));
    }
    superseded(doc, span, sentence, outline, &same_kind, year)
}

/// A period no outline of its `kind` has.
fn unknown_period(
    doc: &Document<'_>,
    span: Span,
    kind: &str,
    (start, end): (i32, i32),
    same_kind: &[&Outline],
) -> Finding {
    let known: Vec<String> = same_kind
        .iter()
        .map(|o| format!("{}（{}，{}印发）", o.title(), o.issuer, o.issued.zh()))
        .collect();
    doc.finding(
        &META,
        vec![span],
        format!(
            "没有期限为{start}—{end}年的《{kind}》：已印发的为{}。",
            known.join("")
        ),
        format!(
            "No {kind} covers {start}–{end}; the ones issued are {}.",
            same_kind
                .iter()
                .map(|o| format!("{}–{} (issued {})", o.start, o.end, o.issued))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}

/// An outline issued after the report was written.
fn issued_later(
    doc: &Document<'_>,
    span: Span,
    outline: &Outline,
    year: i32,
    written: Date,
) -> Finding {
    let kind = outline.kind;
    doc.finding(
        &META,
        vec![span],
        format!(
            "{}于{}印发（{}），晚于本{year}年度报告的成文时间（不晚于{}），不能作为该年度工作的依据，请核对所引纲要。",
            outline.title(),
            outline.issued.zh(),
            outline.source,
            written.zh()
        ),
        format!(
            "The {kind} for {}–{} was issued on {} ({}), after this report on {year} was written (by {written}).",
            outline.start, outline.end, outline.issued, outline.source
        ),
    )
}

/// An outline superseded before the year began: the successor governed the whole year.
fn superseded(
    doc: &Document<'_>,
    span: Span,
    sentence: &str,
    outline: &Outline,
    same_kind: &[&Outline],
    year: i32,
) -> Option<Finding> {
    let kind = outline.kind;
    let successor = same_kind
        .iter()
        .filter(|o| o.start > outline.start && o.issued.year < year)
        .min_by_key(|o| o.start)?;
    if year <= outline.end
        || knowledge::looks_back(sentence)
        || sentence.contains(&format!("{}年）", successor.end))
            && sentence.matches(kind).count() > 1
    {
        return None;
    }
    Some(doc.finding(
        &META,
        vec![span],
        format!(
            "本报告为{year}年度报告，{}期限已于{}年届满，{year}年适用的是{}（{}印发）：请核对所引纲要。",
            outline.title(),
            outline.end,
            successor.title(),
            successor.issued.zh()
        ),
        format!(
            "A report on {year} cites the {kind} for {}–{} as its guide; the one for {}–{}, issued on {}, governs {year}.",
            outline.start, outline.end, successor.start, successor.end, successor.issued
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    fn report(year: i32, body: &str) -> String {
        format!("某县人民政府关于{year}年法治政府建设情况的报告\n{year}年，我县扎实推进法治政府建设。{body}\n一、主要成效\n正文。\n")
    }

    #[test]
    fn a_superseded_outline_cited_as_the_guide() {
        let text = report(
            2023,
            "我县深入贯彻落实《法治政府建设实施纲要（2015—2020年）》，推进依法行政。",
        );
        assert_flags("K001", &text, "法治政府建设实施纲要（2015—2020年）");
        assert_count(
            "K001",
            &report(2022, "对照《法治政府建设实施纲要(2015-2020年)》开展自查。"),
            1,
        );
        // The year after the period, before the successor was issued: quiet.
        assert_count(
            "K001",
            &report(
                2021,
                "对照《法治政府建设实施纲要（2015—2020年）》开展自查。",
            ),
            0,
        );
        // The period itself.
        assert_count(
            "K001",
            &report(2019, "深入贯彻《法治政府建设实施纲要（2015－2020年）》。"),
            0,
        );
        assert_count(
            "K001",
            &report(2023, "认真落实《法治政府建设实施纲要（2021—2025年）》。"),
            0,
        );
    }

    #[test]
    fn quiet_when_the_sentence_looks_back() {
        assert_count(
            "K001",
            &report(
                2023,
                "《法治政府建设实施纲要（2015—2020年）》确定的目标已圆满完成。",
            ),
            0,
        );
        assert_count(
            "K001",
            &report(
                2022,
                "回顾《法治政府建设实施纲要（2015—2020年）》实施期间的经验。",
            ),
            0,
        );
        assert_count(
            "K001",
            &report(2022, "在《法治政府建设实施纲要（2015—2020年）》基础上，落实《法治政府建设实施纲要（2021—2025年）》。"),
            0,
        );
    }

    #[test]
    fn an_outline_issued_after_the_report_was_written() {
        assert_flags(
            "K001",
            &report(2020, "全面落实《法治政府建设实施纲要（2021—2025年）》。"),
            "法治政府建设实施纲要（2021—2025年）",
        );
        assert_count(
            "K001",
            &report(2019, "贯彻《法治社会建设实施纲要（2020—2025年）》。"),
            1,
        );
        // Issued 2020-12-07, before a report on 2020 was written.
        assert_count(
            "K001",
            &report(2020, "贯彻《法治社会建设实施纲要（2020—2025年）》。"),
            0,
        );
        assert_count(
            "K001",
            &report(
                2020,
                "做好即将出台的《法治政府建设实施纲要（2021—2025年）》的贯彻准备。",
            ),
            0,
        );
    }

    #[test]
    fn a_period_no_outline_has() {
        assert_count(
            "K001",
            &report(2022, "落实《法治政府建设实施纲要（2020—2025年）》。"),
            1,
        );
        assert_count(
            "K001",
            &report(2022, "落实《法治中国建设规划（2020—2025年）》。"),
            0,
        );
        // A local outline has its own period.
        assert_count(
            "K001",
            &report(2022, "制定《某县法治政府建设实施纲要（2022—2025年）》。"),
            0,
        );
        assert_count(
            "K001",
            &report(
                2020,
                "谋划制定《某省法治政府建设实施纲要（2021—2025年）》。",
            ),
            0,
        );
        // A run-together period is read, and right.
        assert_count(
            "K001",
            &report(2025, "落实《法治政府建设实施纲要(20212025年)》。"),
            0,
        );
    }

    #[test]
    fn only_reports_on_a_known_year() {
        assert_count(
            "K001",
            "我县深入贯彻落实《法治政府建设实施纲要（2015—2020年）》。",
            0,
        );
        assert_count(
            "K001",
            "关于印发某县2023年法治政府建设工作要点的通知\n深入贯彻落实《法治政府建设实施纲要（2015—2020年）》。",
            0,
        );
    }
}
