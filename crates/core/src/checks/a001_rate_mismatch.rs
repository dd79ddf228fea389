//! A001: a stated rate that its counts do not give. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::model::RelationKind;

pub static META: CheckMeta = CheckMeta {
    code: "A001",
    name: "RateMismatch",
    title_zh: "比率与其计数不符",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A rate stated with the counts it is computed from (`审结219件，其中纠错51件，纠错率为23.29%`),
recomputed and compared at the precision it is written with. A rate truncated instead of rounded
passes. The counts must be the rate's own: the count the rate names (`纠错51件` for 纠错率) or the
second of two counts in its sentence when the rate repeats that count's words (`纠纷1242起，调处
1201起，调处成功率为96.7%`), and its whole in the same sentence. A rate stated for several
objects at once (`满意率均为100%`) or counts listed side by side (`建议161件、提案122件`) are not
compared. A part's share stated right after it (`审结219件，其中纠错51件，占23.29%`) is a rate too;
a share of another whole (`占全省的15%`) is not compared. Rates over 100% are A006.
## Why it matters
Rates are what readers compare across reports; one that its own counts contradict undermines every
figure around it.
## Example
`审结219件，纠错51件，纠错率25%` → 51 ÷ 219 = 23.29%";

pub struct RateMismatch;

impl Check for RateMismatch {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let q = &doc.analysis.quantities;
        for r in doc
            .analysis
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Rate && !r.consistent)
        {
            let (Some(rate), Some(total), Some(part)) = (
                r.rate.and_then(|i| q.get(i)),
                q.get(r.total),
                r.parts.first().and_then(|&i| q.get(i)),
            ) else {
                continue;
            };
            out.push(doc.statement_finding(
                &META,
                vec![rate.span, part.span, total.span],
                format!(
                    "{}与计数不符：{} ÷ {} = {:.2}%。",
                    rate.text, part.text, total.text, r.computed
                ),
                format!(
                    "{} disagrees with its counts: {} / {} = {:.2}%.",
                    rate.text, part.text, total.text, r.computed
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_count("A001", "审结219件，其中纠错51件，纠错率为23.29%。", 0);
        assert_count("A001", "审结219件，其中纠错51件，纠错率为25%。", 1);
        assert_count("A001", "审结219件，其中纠错51件，纠错率为23.3%。", 0);
        assert_count("A001", "审结219件，其中纠错51件，纠错率为23%。", 0);
        assert_count(
            "A001",
            "调处纠纷4708起，成功化解4706起，调处成功率99.9%。",
            0,
        );
        assert_count("A001", "结案354件，败诉45件，败诉率12.71%。", 0);
        assert_count("A001", "结案354件，败诉45件，败诉率13.71%。", 1);
        assert_count("A001", "满意率达120%。", 0);
        assert_count(
            "A001",
            "办理人大代表建议161件、政协提案122件，满意率均为100%。",
            0,
        );
        assert_count(
            "A001",
            "办理人大代表建议243件、政协提案175件，满意率100%。",
            0,
        );
        assert_count(
            "A001",
            "调处矛盾纠纷68宗，有效处置突发事件53宗，信访案件办结率为92.7%。",
            0,
        );
        assert_count("A001", "全年审结219件。纠错51件，纠错率为25%。", 0);
        assert_count("A001", "受理信访事项68件，办结63件，办结率为92.6%。", 0);
        assert_count("A001", "受理信访事项68件，办结60件，办结率为92.7%。", 1);
        assert_count("A001", "执行案件2647件，结案1807件，结案率68.27%。", 0);
        assert_count("A001", "审结219件，其中纠错51件，占23.29%。", 0);
        assert_count("A001", "审结219件，其中纠错51件，占25.29%。", 1);
        assert_count("A001", "审结219件，其中纠错51件，占全省的25.29%。", 0);
        assert_flags(
            "A001",
            "执行案件2647件，结案1807件，结案率86.27%。",
            "2647件，结案1807件，结案率86.27%",
        );
        assert_count("A001", "纠纷1242起，调处1201起，调处成功率为96.7%。", 0);
    }
}
