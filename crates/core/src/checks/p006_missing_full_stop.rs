//! P006: a paragraph that ends without its full stop. See [`META`].

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;
use crate::marker::parse_marker;

pub static META: CheckMeta = CheckMeta {
    code: "P006",
    name: "MissingFullStop",
    title_zh: "段末缺句号",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A paragraph of running text (it has sentences or clauses) whose last sentence ends without a
full stop or other closing mark. Headings, titles, signatures and table rows are not paragraphs,
and neither is a field that closes a task-list item (`…建成开学。牵头单位：区教育局`,
`责任单位：县司法局`): a label and its value take no full stop.
## Why it matters
GB/T 15834-2011 closes every declarative sentence with `。`; a missing stop at a paragraph's end is
usually text cut when editing.
## Example
`…按期答复率均达100%` → `…按期答复率均达100%。`";

pub struct MissingFullStop;

impl Check for MissingFullStop {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (span, line) in doc.body() {
            // Running text: at least one finished sentence, or a long stretch of clauses. A short
            // line of clauses without a full stop is a lead-in or an unnumbered heading.
            let n = line.chars().count();
            let prose = (line.contains('。') && n >= 20)
                || (n >= 60 && line.contains(['，', ',', '；', ';']));
            if !prose
                || line.contains('\t')
                || parse_marker(line).is_some_and(|_| !line.contains('。'))
            {
                continue;
            }
            let Some(last) = line.chars().next_back() else {
                continue;
            };
            if ends_with_field(line) {
                continue;
            }
            let closed = "。！？；;!?…：:”’）)》】".contains(last) || last == '.';
            if !closed {
                let tail_start = line.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
                let mut f = doc.finding(
                    &META,
                    vec![Span::new(span.start + tail_start, span.end)],
                    "段末缺句号。".to_owned(),
                    "The paragraph ends without a full stop.".to_owned(),
                );
                f.fix = Some(Fix::replace(
                    "加句号",
                    Span::new(span.end, span.end),
                    "。",
                    Applicability::Review,
                ));
                out.push(f);
            }
        }
    }
}

/// Whether the line ends with a `label：value` field after its last sentence: the label is a short
/// name of a role or a date (`牵头单位`, `责任部门`, `完成时限`), the value has no clause of its own.
fn ends_with_field(line: &str) -> bool {
    let last = line.rsplit(['。', '；', ';']).next().unwrap_or(line);
    // The caption of a table that follows (`附表：…`), or a table's own cells (`… |`).
    if last.contains('|') {
        return true;
    }
    let Some((label, value)) = last.split_once(['：', ':']) else {
        return false;
    };
    let label = label.trim();
    let n = label.chars().count();
    (2..=8).contains(&n)
        && [
            "单位",
            "部门",
            "责任人",
            "牵头",
            "配合",
            "时限",
            "时间",
            "负责",
        ]
        .iter()
        .any(|w| label.ends_with(w) || label.starts_with(w))
        && !value.contains(['，', ','])
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("P006", "一、成效\n信访工作有序推进。全年办理信访件120件,办结率100%,按期答复率均达100%\n二、问题", "复率均达100%");
        assert_count(
            "P006",
            "一、成效\n8.新增幼儿园学位2000个，建成开学。牵头单位：区教育局",
            0,
        );
        assert_count(
            "P006",
            "一、成效\n（一）完成边坡治理，建成开学。责任单位：县司法局、县财政局",
            0,
        );
        assert_count(
            "P006",
            "一、成效\n（一）完成边坡治理，保障群众安全。完成时限：2024年12月底",
            0,
        );
        assert_count(
            "P006",
            "一、成效\n全年办理信访件120件，办结率达100%。主要做法：一是强化领导，二是压实责任",
            1,
        );
        assert_count("P006", "一、成效\n信访工作有序推进。全年办理信访件120件,办结率100%,按期答复率均达100%。\n二、问题", 0);
        assert_count("P006", "一、成效\n（一）依法全面履行政府职能\n正文。", 0);
        assert_count(
            "P006",
            "一、成效\n（一）因时因势优化防控措施，坚决打赢疫情防控阻击战\n正文。",
            0,
        );
        assert_count("P006", "一、成效\n短句没有逗号", 0);
        assert_count(
            "P006",
            "一、成效\n项目\t数量\t备注，说明情况的表格行内容",
            0,
        );
        assert_count(
            "P006",
            "一、成效\n信访工作有序推进。全年办理信访件120件，办结率100%，按期答复率均达100%！",
            0,
        );
        assert_count(
            "P006",
            "一、成效\n信访工作有序推进。全年办理信访件120件，办结率100%，具体情况如下：",
            0,
        );
        assert_count(
            "P006",
            "一、成效\n（一）依法行政。全年办理信访件120件，办结率达100%",
            1,
        );
        assert_count(
            "P006",
            "一、成效\n全年开展“法律进社区”活动，覆盖群众达到“全覆盖”",
            0,
        );
        assert_count("P006", "一、成效\n信访工作有序推进。全年办理信访件120件，办结率100%，按期答复率均达100%\n复议工作有序推进。全年办理复议案件12件，纠错2件，纠错率16.67%", 2);
    }
}
