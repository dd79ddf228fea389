//! A002: parts that do not add up to their stated total. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::model::RelationKind;

pub static META: CheckMeta = CheckMeta {
    code: "A002",
    name: "SumMismatch",
    title_zh: "分项之和与总数不符",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A total followed by its parts whose parts add up to more than the total (a warning), or to less
(a note, since a `其中` list may name only some parts). Parts are read where the text lists them
as such: after `其中` (`清理312件，其中保留248件、修改41件、废止23件`), in brackets right after the
total (`不予受理9件（其中转送5件、告知3件）`), clause by clause as the outcomes of the work the
total names (`共清理文件312件，保留248件，修改41件，废止23件`; the outcomes are listed in
`data/outcomes.tsv`), or as the two outcomes of the applications received
(`收到申请86件，不予受理9件，受理79件`): accepted and refused are the whole, so any difference is
a warning. Totals or parts written as approximations (`余`, `近`, `超过`) are not compared, nor
parts over their total when an earlier count of the sentence is large enough to be their whole.
## Why it matters
A total that its own breakdown contradicts is the first thing a reviewer recomputes.
The rule rests on arithmetic alone, no standard: the report is published under article 24 of
《法治政府建设与责任落实督察工作规定》, and a published figure its own text contradicts is wrong.
## Example
`清理312件，其中保留248件、修改41件、废止25件` → 248 + 41 + 25 = 314";

pub struct SumMismatch;

impl Check for SumMismatch {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let q = &doc.analysis.quantities;
        for r in doc
            .analysis
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Sum && !r.consistent)
        {
            let Some(total) = q.get(r.total) else {
                continue;
            };
            let parts: Vec<&str> = r
                .parts
                .iter()
                .filter_map(|&i| q.get(i))
                .map(|p| p.text.as_str())
                .collect();
            // A `其中` list may name only some parts: less than the total is a question, more is an
            // error; parts that are the whole must add up exactly.
            let over = r.computed > total.value;
            let certain = over || r.complete;
            let mut spans = vec![total.span];
            spans.extend(r.parts.iter().filter_map(|&i| q.get(i)).map(|p| p.span));
            let mut f = doc.statement_finding(
                &META,
                spans,
                format!(
                    "分项之和与总数不符：{} = {}，而总数为{}{}。",
                    parts.join(" + "),
                    r.computed,
                    total.text,
                    if certain {
                        ""
                    } else {
                        "（若只列举了部分分项，可忽略）"
                    }
                ),
                format!(
                    "The parts add up to {}, the total says {}.",
                    r.computed, total.text
                ),
            );
            if !certain {
                f.severity = Severity::Info;
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};
    use crate::checks::Severity;

    #[test]
    fn hits_and_near_misses() {
        assert_count("A002", "清理312件，其中保留248件、修改41件、废止23件。", 0);
        assert_count("A002", "清理312件，其中保留248件、修改41件、废止25件。", 1);
        assert_count("A002", "清理312件，其中保留248件、修改41件。", 1);
        assert_count("A002", "清理312余件，其中保留248件、修改41件。", 0);
        assert_count("A002", "清理312件。保留248件、修改41件。", 0);
        assert_count(
            "A002",
            "共有法律顾问68人，其中市政府18人、县(区)政府25人、乡镇25人。",
            0,
        );
        assert_count(
            "A002",
            "共有法律顾问68人，其中市政府18人、县(区)政府25人、乡镇26人。",
            1,
        );
        // Outcomes of 清理 read as its parts even after commas: a note, since the list may be partial.
        assert_count("A002", "清理312件，其中保留248件，修改41件。", 1);
        assert_count("A002", "清理312件，其中保留248件，培训41件。", 0);
        assert_count("A002", "清理312件，其中保留248项、修改41项。", 0);
    }

    #[test]
    fn requests_and_their_outcomes() {
        assert_count(
            "A002",
            "收到申请86件，不予受理9件（其中转送5件、告知3件），受理79件。",
            2,
        );
        assert_flags(
            "A002",
            "收到申请86件，不予受理9件，受理79件。",
            "86件，不予受理9件，受理79件",
        );
        assert_count("A002", "收到申请86件，不予受理7件，受理79件。", 0);
        assert_count("A002", "收到申请86件，受理79件，不予受理7件，审结70件。", 0);
        assert_count("A002", "收到申请86件，受理79件，审结70件。", 0);
        assert_count("A002", "收到申请86件，告知3件，受理79件。", 0);
        assert_count(
            "A002",
            "收到申请86件，受理79件（含上年结转3件），不予受理10件。",
            0,
        );
        assert_count(
            "A002",
            "收到申请86件，不予受理10件，受理79件（含上年结转3件）。",
            0,
        );
        assert_count("A002", "不予受理9件（其中转送5件、告知4件），受理79件。", 0);
        assert_count("A002", "不予受理9件（转送5件、告知4件、撤回1件）。", 1);
        assert_count("A002", "不予受理9件（其中转送5件、涉及群众30人）。", 0);
    }

    #[test]
    fn parts_listed_after_commas() {
        assert_count(
            "A002",
            "公开信息3021条，其中主动公开1027条，依申请公开459条，不予公开1535条。",
            0,
        );
        assert_count(
            "A002",
            "公开信息3021条，其中主动公开信息1027条，依申请公开信息459条，不予公开信息1635条。",
            1,
        );
        assert_count(
            "A002",
            "事项4402项，其中，基本事项1298项，配合事项1316项，收回事项1888项。",
            1,
        );
        assert_count("A002", "受理52件，其中纠错10件，办结50件。", 0);
        assert_count(
            "A002",
            "共清理规范性文件312件，保留248件，修改41件，废止23件。",
            0,
        );
        assert_count(
            "A002",
            "共清理规范性文件312件，保留248件，修改41件，废止25件。",
            1,
        );
        assert_count(
            "A002",
            "审结复议案件50件，维持26件，驳回4件，撤销10件，确认违法4件，终止16件。",
            1,
        );
        assert_count(
            "A002",
            "审结复议案件50件，维持26件，驳回4件，撤销10件，确认违法4件，终止6件。",
            0,
        );
        assert_count(
            "A002",
            "共清理规范性文件312件，保留248件，开展培训41件，废止25件。",
            0,
        );
        assert_count("A002", "受理复议案件50件，维持26件，撤销30件。", 0);
        assert_count(
            "A002",
            "清理文件120件，其中继续有效98件，废止25件，修改7件。",
            1,
        );
        assert_count(
            "A002",
            "律师500人，新增80人，其中男律师150人、女律师200人。",
            0,
        );
        let split = findings("A002", "收到申请86件，不予受理9件，受理70件。");
        assert_eq!(split[0].severity, Severity::Warning);
        let over = findings("A002", "清理312件，其中保留248件、修改41件、废止25件。");
        assert_eq!(over[0].severity, Severity::Warning);
        let under = findings("A002", "清理312件，其中保留248件、修改41件。");
        assert_eq!(under[0].severity, Severity::Info);
    }
}
