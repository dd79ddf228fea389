//! A005: a part larger than the whole it is stated as part of. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::quantity::parts_of;

pub static META: CheckMeta = CheckMeta {
    code: "A005",
    name: "PartExceedsWhole",
    title_zh: "部分大于整体",
    severity: Severity::Error,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A count stated as part of another that is larger than it, where the text itself makes it a part:
the count after `其中` (`审结案件219件，其中纠错251件`), a count in brackets right after its whole
(`不予受理9件（其中转送15件）`), each part of a listed breakdown, and a count after `…中，`
(`在受理的86件中，不予受理96件`). Both figures must be exact counts of one unit: bounds
(`突破1000万户`, `超过`, `累计`) and approximations (`余`, `近`) are left alone, since they may
belong to a larger whole than the nearest count; so may any part when a count of the same unit
at least as large stands earlier in the sentence (`律师500人，新增律师80人，其中女律师200人`).
## Why it matters
A part cannot be more than its whole: one of the two figures was mistyped, and a reader who notices
stops trusting the figures around it.
The rule rests on arithmetic alone, no standard: the report is published under article 24 of
《法治政府建设与责任落实督察工作规定》, and a published figure its own text contradicts is wrong.
## Example
`审结行政复议案件219件，其中纠错251件` → 251件 > 219件";

pub struct PartExceedsWhole;

impl Check for PartExceedsWhole {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let q = &doc.analysis.quantities;
        for (w, p) in parts_of(doc.text, q) {
            let (whole, part) = (&q[w], &q[p]);
            if part.value <= whole.value {
                continue;
            }
            out.push(doc.statement_finding(
                &META,
                vec![part.span, whole.span],
                format!(
                    "部分大于整体：{}是{}的一部分，却比它多。",
                    part.text, whole.text
                ),
                format!(
                    "A part larger than its whole: {} is part of {}.",
                    part.text, whole.text
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
        assert_flags(
            "A005",
            "审结行政复议案件219件，其中纠错251件。",
            "219件，其中纠错251件",
        );
        assert_count("A005", "审结行政复议案件219件，其中纠错51件。", 0);
        assert_count("A005", "不予受理9件（其中转送15件）。", 1);
        assert_count("A005", "不予受理9件（转送5件、告知13件）。", 1);
        assert_count("A005", "在受理的86件中，不予受理96件。", 1);
        assert_count("A005", "在受理的86件中，不予受理9件。", 0);
        assert_count("A005", "清理文件312件，其中保留348件、修改41件。", 1);
        assert_count("A005", "全年净增172.8万户，其中个体工商户突破1000万户。", 0);
        assert_count("A005", "新增市场主体300余户，其中企业350户。", 0);
        assert_count("A005", "新增8.5万户，总量达到65万户，其中企业210万户。", 1);
        assert_count("A005", "审结案件219件，其中涉及群众251人。", 0);
        assert_count("A005", "审结案件219件。其中纠错251件。", 0);
        assert_count("A005", "审结案件219件，纠错251件。", 0);
        assert_count("A005", "培训执法人员219人，其中累计考试合格251人。", 0);
        assert_count("A005", "受理52件，其中纠错10件，办结60件。", 0);
        assert_count("A005", "共有律师500人，新增律师80人，其中女律师200人。", 0);
        assert_count("A005", "共有律师500人。新增律师80人，其中女律师200人。", 1);
    }
}
