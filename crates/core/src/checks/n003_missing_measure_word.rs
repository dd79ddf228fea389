//! N003: a count without its measure word. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::quantity::Kind;

pub static META: CheckMeta = CheckMeta {
    code: "N003",
    name: "MissingMeasureWord",
    title_zh: "数字缺少量词",
    severity: Severity::Warning,
    doc: "## What it checks
A whole number that counts something but has no measure word or unit (`优化各级调委会1310,`).
## Why it matters
Chinese counts need a measure word; without one the reader cannot tell whether 1310 counts
committees, members or cases.
## Example
`优化各级调委会1310,` → `优化各级调委会1310个，`",
};

pub struct MissingMeasureWord;

impl Check for MissingMeasureWord {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for q in &doc.analysis.quantities {
            if q.unit.is_none()
                && q.kind == Kind::Count
                && q.value.fract() == 0.0
                && q.value >= 2.0
                && !q.text.contains('.')
            {
                out.push(doc.finding(
                    &META,
                    vec![q.span],
                    format!("“{}”缺少量词或单位。", q.text),
                    format!("“{}” lacks a measure word.", q.text),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("N003", "优化各级调委会1310,专职调解员315人。", "1310");
        assert_count("N003", "优化各级调委会1310个，专职调解员315人。", 0);
        assert_count("N003", "万人行政诉讼案件立案数为1.35。", 0);
        assert_count("N003", "2021年，全市推进。", 0);
        assert_count("N003", "共有调委会1310。", 1);
        assert_count("N003", "第14次会议。", 0);
        assert_count("N003", "电话25514262。", 0);
        assert_count("N003", "“1+8”模式。", 0);
        assert_count("N003", "数量为1，", 0);
        assert_count("N003", "办理案件35件，", 0);
    }
}
