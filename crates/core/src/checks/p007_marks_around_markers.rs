//! P007: doubled punctuation and marks after sequence markers. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P007",
    name: "RedundantMark",
    title_zh: "标点重复或序号后多余标点",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A punctuation mark written twice (`，，`, `。。`, `、、`, `；；`), and a mark after a sequence marker
that already carries its own (`（一）、`, `（一）。`, `一、、`, `1.、`).
## Why it matters
GB/T 15834-2011: `（一）` takes nothing after it, `一、` has its 顿号 already; doubled marks are
editing slips that show in print.
## Example
`（一）、依法行政` → `（一）依法行政`; `加强监督，，推进公开` → `加强监督，推进公开`";

pub struct RedundantMark;

static DOUBLED: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(r"，，|。。|、、|；；|：：|,,").expect("valid pattern"));
static AFTER_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[（(][0-9]{1,2}[）)]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.．、])[、，,。．.]").expect("valid pattern")
});

impl Check for RedundantMark {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            let marker = AFTER_MARKER.find(line);
            let marker_end = marker.map_or(0, |m| m.end());
            if let Some(m) = marker {
                let last = m.as_str().chars().next_back().map_or(1, char::len_utf8);
                let extra = Span::new(m.end() - last, m.end()).offset(line_span.start);
                let mut f = doc.finding(
                    &META,
                    vec![Span::new(0, m.end()).offset(line_span.start)],
                    "序号后不应再加标点。".to_owned(),
                    "No punctuation after a sequence marker.".to_owned(),
                );
                f.fix = Some(Fix::replace(
                    "删去多余标点",
                    extra,
                    "",
                    Applicability::Safe,
                ));
                out.push(f);
            }
            for m in DOUBLED.find_iter(line).filter(|m| m.start() >= marker_end) {
                let span = Span::new(m.start(), m.end()).offset(line_span.start);
                let half = m.as_str().chars().next().map_or(1, char::len_utf8);
                let mut f = doc.finding(
                    &META,
                    vec![span],
                    "标点重复。".to_owned(),
                    "A punctuation mark is doubled.".to_owned(),
                );
                f.fix = Some(Fix::replace(
                    "删去重复的标点",
                    Span::new(span.start, span.start + half),
                    "",
                    Applicability::Safe,
                ));
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("P007", "一、成效\n（一）、依法行政。", "（一）、");
        assert_count("P007", "一、成效\n（一）依法行政。", 0);
        assert_count("P007", "一、、成效\n正文。", 1);
        assert_count("P007", "一、成效\n1.、强化学习。", 1);
        assert_count("P007", "一、成效\n1.强化学习。", 0);
        assert_flags("P007", "加强监督，，推进公开。", "，，");
        assert_count("P007", "加强监督。。", 1);
        assert_count("P007", "等等……", 0);
        assert_count("P007", "甲、乙、丙。", 0);
        assert_count("P007", "(二),依法行政", 1);
        assert_count("P007", "3.45亿元。", 0);
    }
}
