//! P003: a hyphen between the years of a span. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P003",
    name: "HyphenYearRange",
    title_zh: "年份起止用了连字符",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A span of years written with a hyphen (`2021-2025年`) instead of the dash GB/T 15834 prescribes
for ranges (`2021—2025年`).
## Why it matters
The hyphen joins words; ranges take the dash. Official titles such as
《法治政府建设实施纲要（2021—2025年）》 are written with the dash, and quoting them otherwise
misquotes them.
## Example
`(2021-2025年)` → `（2021—2025年）`";

pub struct HyphenYearRange;

static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(?:19|20)\d{2}(?P<h>[-－])(?:19|20)\d{2}年").expect("valid pattern")
});

impl Check for HyphenYearRange {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            for c in YEARS.captures_iter(line) {
                let (Some(m), Some(h)) = (c.get(0), c.name("h")) else {
                    continue;
                };
                let span = Span::new(m.start(), m.end()).offset(line_span.start);
                let mut f = doc.finding(
                    &META,
                    vec![span],
                    "年份起止应用一字线“—”，不用连字符“-”。".to_owned(),
                    "Use a dash (—), not a hyphen, between the years of a range.".to_owned(),
                );
                let hyphen = Span::new(h.start(), h.end()).offset(line_span.start);
                f.fix = Some(Fix::replace("改为“—”", hyphen, "—", Applicability::Safe));
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
        assert_flags("P003", "落实《纲要(2021-2025年)》。", "2021-2025年");
        assert_count("P003", "落实《纲要（2021—2025年）》。", 0);
        assert_count("P003", "2015－2020年期间", 1);
        assert_count("P003", "2021~2025年", 0);
        assert_count("P003", "2021-03-30", 0);
        assert_count("P003", "电话0898-2551", 0);
        assert_count("P003", "2021-2025", 0);
        assert_count("P003", "2019-2020年、2021-2022年", 2);
        assert_count("P003", "3-5年", 0);
        assert_count("P003", "2021至2025年", 0);
    }
}
