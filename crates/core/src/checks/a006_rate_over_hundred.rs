//! A006: a share stated over 100%. See [`META`].

use std::sync::LazyLock;

use super::{Check, CheckMeta, Document, Severity};
use crate::model::Kind;

pub static META: CheckMeta = CheckMeta {
    code: "A006",
    name: "RateOverHundred",
    title_zh: "比率超过100%",
    severity: Severity::Error,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A rate over 100% where the rate is a share of a whole: 办结率, 纠错率, 出庭应诉率, 覆盖率, 满意率,
占比 and the other shares listed in `data/rate_bounds.tsv` are errors (`办结率为986%`: a decimal
point dropped). A rate that compares with a plan or a previous period (完成率, 增长率, 自给率) may
exceed 100% and is left alone; any other `…率` over 100% is a warning. A range (`95%～105%`) is
not judged.
## Why it matters
A share counts part of a whole, so it cannot be more than the whole: a figure over 100% is a typing
slip (a dropped decimal point, a digit doubled) or a rate computed the wrong way round, and readers
of the report notice it first.
The rule rests on arithmetic alone, no standard: the report is published under article 24 of
《法治政府建设与责任落实督察工作规定》, and a published figure its own text contradicts is wrong.
## Example
`信访事项按期办结率为986%` → a share cannot exceed 100%: `98.6%`?";

pub struct RateOverHundred;

/// Whether a rate can exceed 100%, by its name, from `data/rate_bounds.tsv`: (name, is a share).
static BOUNDS: LazyLock<Vec<(&'static str, bool)>> = LazyLock::new(|| {
    let mut v: Vec<(&'static str, bool)> =
        crate::data::rows(include_str!("../../data/rate_bounds.tsv"))
            .filter_map(|cols| Some((*cols.first()?, *cols.get(1)? == "share")))
            .collect();
    // Longest names first, so that 增长率 is read before 率 names it ends with.
    v.sort_by_key(|(name, _)| std::cmp::Reverse(name.chars().count()));
    v
});

impl Check for RateOverHundred {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<super::Finding>) {
        for q in &doc.analysis.quantities {
            if q.kind != Kind::Percent || q.high.is_some() || q.value <= 100.0 {
                continue;
            }
            let name = q
                .about
                .trim_end_matches(['为', '达', '是', '均', '约', '了', '到']);
            let known = BOUNDS.iter().find(|(n, _)| name.ends_with(n));
            let severity = match known {
                Some((_, true)) => Severity::Error,
                Some((_, false)) => continue,
                None if name.ends_with('率') => Severity::Warning,
                None => continue,
            };
            // The figure without a qualifier before it (`达997%` → `997%`).
            let figure = q.text.trim_start_matches(|c: char| !c.is_ascii_digit());
            let mut f = doc.finding(
                &META,
                vec![q.span],
                format!("{name}为{figure}，超过100%：它是部分与整体之比，不会超过100%。"),
                format!("{name} is {figure}, over 100%: a share of a whole cannot exceed it."),
            );
            f.severity = severity;
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};
    use crate::checks::Severity;

    #[test]
    fn the_list_reads_both_kinds() {
        let shares = super::BOUNDS.iter().filter(|(_, s)| *s).count();
        assert!(shares >= 50 && super::BOUNDS.len() > shares);
    }

    #[test]
    fn hits_and_near_misses() {
        assert_flags("A006", "信访事项按期办结率为986%。", "986%");
        assert_count("A006", "信访事项按期办结率为98.6%。", 0);
        assert_count("A006", "满意率达120%。", 1);
        assert_count("A006", "行政机关负责人出庭应诉率达到100%。", 0);
        assert_count("A006", "行政机关负责人出庭应诉率达到100.5%。", 1);
        assert_count("A006", "全市森林覆盖率达到108.2%。", 1);
        assert_count("A006", "同比增长120%。", 0);
        assert_count("A006", "固定资产投资增长率为135%。", 0);
        assert_count("A006", "完成年度计划的102.8%。", 0);
        assert_count("A006", "重点项目投资完成率为112.5%。", 0);
        assert_count("A006", "预算执行率为101.3%。", 0);
        assert_count("A006", "粮食自给率达到105%。", 0);
        assert_count("A006", "民营企业占比为105%。", 1);
        assert_count("A006", "营收为上年的135%。", 0);
        let share = findings("A006", "行政复议纠错率为230%。");
        assert_eq!(share[0].severity, Severity::Error);
        let other = findings("A006", "项目开工率为130%。");
        assert_eq!(other[0].severity, Severity::Warning);
    }
}
