//! P013: two sentences run together after a figure. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P013",
    name: "MissingSentenceBreak",
    title_zh: "句末缺标点，前后句粘连",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A figure that closes a sentence (an amount of money, a percentage, an area, a count of person-times)
followed straight away, with no mark between, by the subject of the next sentence — a body
(`市仲裁委`, `区政府`, `县司法局`) or `全市`, `全省`, `全年`, `我县` — and its verb or adverb:
`减免公证费近10万元市仲裁委共受理…`. Counted nouns after a measure word (`10个区政府`) are not
touched: only units that end a noun phrase (元, %, 个百分点, 人次, 亩, 吨, 平方米, 公里) are read.
## Why it matters
GB/T 15834-2011 4.1 closes a declarative sentence with a full stop; without it the figure seems to
belong to the next sentence's subject, and the reader has to re-read to find where one ends.
## Example
`减免公证费近10万元市仲裁委共受理争议351件` → `减免公证费近10万元。市仲裁委共受理争议351件`";

pub struct MissingSentenceBreak;

static RUN_ON: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"[0-9]+(?:\.[0-9]+)?[万亿]?(?:元|%|％|‰|个百分点|人次|平方米|平方公里|公里|亩|吨)(?P<next>(?:全市|全省|全区|全县|全州|全镇|我市|我省|我区|我县|全年|[市县区省][\p{Han}]{0,6}?(?:委员会|委|法院|检察院|局|办|厅|政府))(?:共|全年|累计|先后|依法|积极|深入|持续|已|认真|不断|坚持|严格|作为|率先|首创|首个|新设|新增|出台|印发|召开|制定|建立|完成|推进|落实|开展|组织|受理|办理|向|对|把|将))",
    )
    .expect("valid pattern")
});

impl Check for MissingSentenceBreak {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            for c in RUN_ON.captures_iter(line) {
                let (Some(whole), Some(next)) = (c.get(0), c.name("next")) else {
                    continue;
                };
                let span = Span::new(whole.start(), whole.end()).offset(line_span.start);
                let at = line_span.start + next.start();
                let mut f = doc.finding(
                    &META,
                    vec![span],
                    format!(
                        "“{}”前后两句粘连，数字后应加句号（或分号）。",
                        whole.as_str()
                    ),
                    format!("Two sentences run together in “{}”: a full stop is missing after the figure.", whole.as_str()),
                );
                f.fix = Some(Fix::replace_all(
                    "加句号",
                    [Span::new(at, at)],
                    "。",
                    Applicability::Review,
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
        assert_flags(
            "P013",
            "减免公证费近10万元市仲裁委共受理各类民商事争议351件。",
            "10万元市仲裁委共",
        );
        assert_count(
            "P013",
            "减免公证费近10万元。市仲裁委共受理各类民商事争议351件。",
            0,
        );
        assert_count("P013", "纠错率为40%区政府作为被复议机关，依法纠错。", 1);
        assert_count("P013", "按期办结率100%全市率先将履职情况纳入考核。", 1);
        assert_count("P013", "增收23.9亿元全年新设市场主体共5万户。", 1);
        assert_count("P013", "下发至10个区政府办公室。", 0);
        assert_count("P013", "投入资金10万元市财政补助部分按时到位。", 0);
        assert_count("P013", "实现100%全覆盖。", 0);
        assert_count("P013", "办理236件市人大代表建议。", 0);
        assert_count("P013", "比上年提高3.9个百分点，全市率先出台办法。", 0);
        assert_count("P013", "新增耕地1.65万亩全省首个跨桥项目建成。", 1);
        assert_count("P013", "没有数字的句子。", 0);
    }
}
