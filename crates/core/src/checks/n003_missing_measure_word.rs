//! N003: a count without its measure word. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::model::Kind;
use crate::span::{is_han, Span};

pub static META: CheckMeta = CheckMeta {
    code: "N003",
    name: "MissingMeasureWord",
    title_zh: "数字缺少量词",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A whole number that counts something but has no measure word or unit (`优化各级调委会1310,`).
Not flagged: a number whose measure word comes after the next one in a 顿号 list (`14、16号线`,
`5、6号机组`), a label's number (`附件2`, `图3`, `前30`), a number inside a name (`M2`, `京基100、
城脉中心`), a figure with 万 or 亿 (`常住人口1300万`: the multiplier reads as the count, as
statistics write it), and a number with its measure word after a space (`4 家`: a stray space, not
a missing word).
## Why it matters
Chinese counts need a measure word; without one the reader cannot tell whether 1310 counts
committees, members or cases.
## Example
`优化各级调委会1310,` → `优化各级调委会1310个，`";

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
                && !q.text.contains(['万', '亿'])
                && !measured_elsewhere(doc.text, q.span)
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

/// Words after which a number labels or ranks rather than counts.
const LABELS: &[&str] = &[
    "附件", "附表", "附图", "图", "表", "第", "前", "后", "编号", "号码", "序号", "版本", "代码",
];

/// Whether the number at `span` has its measure word somewhere else, or is not a count at all.
fn measured_elsewhere(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or_default();
    let after = text.get(span.end..).unwrap_or_default();
    let prev = before.chars().next_back();
    // `M2`, `G15`, `5G`: letters and digits make a name.
    if prev.is_some_and(|c| c.is_ascii_alphabetic())
        || after.starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        return true;
    }
    if LABELS.iter().any(|l| before.ends_with(l)) {
        return true;
    }
    let mut rest = after.chars();
    match rest.next() {
        // `4 家`: the measure word is there, after a stray space (N001's business).
        Some(' ' | '\u{3000}' | '\u{a0}') => rest.clone().next().is_some_and(is_han),
        // `14、16号线`, `5、6号机组`, `2至3个`: the last number of the run carries the measure word.
        // `京基100、城脉中心`: a name in a list of names.
        Some('、' | '和' | '及' | '至' | '到' | '或' | '—' | '-' | '～' | '~') => rest
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_numeric() || is_han(c)),
        _ => false,
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
        assert_count("N003", "推进地铁14、16号线建设。", 0);
        assert_count("N003", "轨道17、22、25、27号线获批。", 0);
        assert_count("N003", "推进核电5、6号机组建设。", 0);
        assert_count("N003", "详见附件2。", 0);
        assert_count("N003", "跻身全国便利店百强榜前30。", 0);
        assert_count("N003", "广义货币M2预期增长12%左右。", 0);
        assert_count("N003", "支持京基100、城脉中心等打造示范楼宇。", 0);
        assert_count("N003", "常住人口1300万，注册志愿者105万。", 0);
        assert_count("N003", "新建4 家老年人日间照料中心。", 0);
        assert_count("N003", "全县建成调解组织209，调解员315人。", 1);
    }
}
