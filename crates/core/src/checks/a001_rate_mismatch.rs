//! A001: a stated rate that its counts do not give. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::quantity::RelationKind;

pub static META: CheckMeta = CheckMeta {
    code: "A001",
    name: "RateMismatch",
    title_zh: "比率与其计数不符",
    severity: Severity::Warning,
    doc: "## What it checks
A rate stated with the counts it is computed from (`审结219件，其中纠错51件，纠错率为23.29%`),
recomputed and compared at the precision it is written with. A rate truncated instead of rounded
passes. Also any rate (`…率`) over 100%.
## Why it matters
Rates are what readers compare across reports; one that its own counts contradict undermines every
figure around it.
## Example
`审结219件，纠错51件，纠错率25%` → 51 ÷ 219 = 23.29%",
};

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
            let mut f = doc.finding(
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
            );
            f.count = 1; // one problem; the spans show the figures involved
            out.push(f);
        }
        for quantity in q.iter().filter(|x| {
            x.unit.as_deref() == Some("%") && x.value > 100.0 && x.about.ends_with('率')
        }) {
            out.push(doc.finding(
                &META,
                vec![quantity.span],
                format!("比率“{}”超过100%。", quantity.text),
                format!("The rate “{}” is over 100%.", quantity.text),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::assert_count;

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
        assert_count("A001", "满意率达120%。", 1);
        assert_count("A001", "同比增长120%。", 0);
        assert_count("A001", "纠纷1242起，调处1201起，调处成功率为96.7%。", 0);
    }
}
