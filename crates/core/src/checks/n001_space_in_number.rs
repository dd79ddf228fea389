//! N001: a space inside a number or before its `%`. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "N001",
    name: "SpaceInNumber",
    title_zh: "数字内部或百分号前有空格",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A space between a number and `%`/`‰`, or between the digits of one number (`25 %`, `1 234件`).
## Why it matters
GB/T 15835-2011 writes a number and its percent sign as one unit; a space also breaks search,
copying and line wrapping.
## Example
`纠错率为25 %` → `纠错率为25%`";

pub struct SpaceInNumber;

static SPACED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"[0-9０-９](?P<gap>[ \u{3000}\u{a0}]+)[%％‰]|[\p{Han}][0-9]{1,3}(?P<gap2>[ \u{a0}])[0-9]{3}[\p{Han}]").expect("valid pattern")
});

impl Check for SpaceInNumber {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            for c in SPACED.captures_iter(line) {
                let Some(m) = c.get(0) else { continue };
                let Some(gap) = c.name("gap").or_else(|| c.name("gap2")) else {
                    continue;
                };
                let span = Span::new(m.start(), m.end()).offset(line_span.start);
                let mut f = doc.finding(
                    &META,
                    vec![span],
                    "数字内部或数字与百分号之间不应有空格。".to_owned(),
                    "No space inside a number or before its percent sign.".to_owned(),
                );
                let gap_span =
                    Span::new(gap.start(), gap.end()).offset(line_span.start);
                f.fix = Some(Fix::replace("删去空格", gap_span, "", Applicability::Safe));
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
        assert_flags("N001", "纠错率为25 %,较上年下降。", "5 %");
        assert_count("N001", "纠错率为25%。", 0);
        assert_count("N001", "增长 17.45%。", 0);
        assert_count("N001", "比例为９８ ％。", 1);
        assert_count("N001", "占3 ‰。", 1);
        assert_count("N001", "共办理1 234件。", 1);
        assert_count("N001", "共办理1234件。", 0);
        assert_count("N001", "2021年 3月", 0);
        assert_count("N001", "第3 次会议", 0);
        assert_count("N001", "满意率达100 %。合格率达99 %。", 2);
    }
}
