//! N002: `余`/`多` after an exact number. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};

pub static META: CheckMeta = CheckMeta {
    code: "N002",
    name: "ApproximateExactNumber",
    title_zh: "确数后用了“余”“多”",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
`余` or `多` (approximately, more than) after a number that is not round: `231余人次`.
## Why it matters
`余`/`多` mark an approximate round number (`200余人次`); after an exact figure they contradict it,
and the reader cannot tell which was meant.
## Example
`出动231余人次` → `出动231人次` (or `230余人次`)";

pub struct ApproximateExactNumber;

impl Check for ApproximateExactNumber {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for q in &doc.analysis.quantities {
            let Some(qualifier) = q.qualifier.as_deref() else {
                continue;
            };
            if !matches!(qualifier, "余" | "多") || q.value.fract() != 0.0 || q.value < 10.0 {
                continue;
            }
            // The figure as written before 余/多 and any multiplier: `231` in `231余人次`.
            let digits: String = q
                .text
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            // `18万余条` is 180000, round; `231余人次` is not.
            #[allow(clippy::cast_possible_truncation)]
            let round = (q.value as i64) % 10 == 0;
            if digits.is_empty() || digits.contains('.') || round || digits.len() < 2 {
                continue;
            }
            out.push(doc.finding(
                &META,
                vec![q.span],
                format!("“{}”是确数，后面不宜用“{qualifier}”：写确数就删去“{qualifier}”，写约数就用整数。", digits),
                format!("“{qualifier}” marks a round approximate number, but {digits} is exact."),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("N002", "出动231余人次。", "231余人次");
        assert_count("N002", "出动230余人次。", 0);
        assert_count("N002", "出动200余人次。", 0);
        assert_count("N002", "开展1100余场次。", 0);
        assert_count("N002", "矛盾纠纷2.2万余件。", 0);
        assert_count("N002", "受教育群众40余万人。", 0);
        assert_count("N002", "解决100多个难题。", 0);
        assert_count("N002", "解决123多个难题。", 1);
        assert_count("N002", "共5余人。", 0);
        assert_count("N002", "出动231人次。", 0);
        assert_count("N002", "信息18万余条。", 0);
    }
}
