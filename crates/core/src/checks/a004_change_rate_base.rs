//! A004: a year-on-year change that no whole-number base gives. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::quantity::Kind;

pub static META: CheckMeta = CheckMeta {
    code: "A004",
    name: "ChangeRateBase",
    title_zh: "增减幅度与计数不符",
    severity: Severity::Warning,
    doc: "## What it checks
A change in percent stated right after this year's count (`纠错51件，同比下降11.76%`): the previous
year's count must be a whole number, so some whole number X must give the stated rate when
rounded as written ((X − 51) / X = 11.76% has no whole-number solution).
## Why it matters
A rate that no count supports was computed from the wrong figures, often the change itself divided by
this year's count (6 / 51 = 11.76%).
## Example
`纠错51件，同比下降11.76%` → X = 58 gives 12.07%, X = 57 gives 10.53%: no base gives 11.76%.",
};

pub struct ChangeRateBase;

/// Whether some whole previous value (up to `now × 20 + 100`) gives `stated` percent of change
/// to `now`. The change is monotonic in the previous value, so the values that give `stated`
/// form one interval around the exact one, `now / (1 ± stated/100)`: only the whole numbers
/// next to it need trying. (Trying every value up to the bound took seconds per figure.)
fn supported(now: f64, stated: f64, decimals: i32, falling: bool) -> bool {
    let scale = 10f64.powi(decimals);
    let upper = (now * 20.0 + 100.0) as u64;
    let gives = |x: u64| {
        #[allow(clippy::cast_precision_loss)]
        let x = x as f64;
        let change = if falling {
            (x - now) / x
        } else {
            (now - x) / x
        } * 100.0;
        ((change * scale).round() / scale - stated).abs() < 0.5 / scale / 10.0
            || ((change * scale).floor() / scale - stated).abs() < 0.5 / scale / 10.0
    };
    let factor = if falling {
        1.0 - stated / 100.0
    } else {
        1.0 + stated / 100.0
    };
    let exact = if factor > 0.0 {
        now / factor
    } else {
        f64::INFINITY
    };
    if upper == 0 || exact.is_nan() {
        return false;
    }
    #[allow(clippy::cast_precision_loss)]
    let near = exact.clamp(1.0, upper as f64) as u64;
    (near.saturating_sub(2).max(1)..=near.saturating_add(2).min(upper)).any(gives)
}

impl Check for ChangeRateBase {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let q = &doc.analysis.quantities;
        for (i, change) in q.iter().enumerate().skip(1) {
            if change.kind != Kind::Change
                || change.unit.as_deref() != Some("%")
                || change.qualifier.is_some()
            {
                continue;
            }
            let count = &q[i - 1];
            let gap = doc
                .text
                .get(count.span.end..change.span.start)
                .unwrap_or("。");
            let counted = count.kind == Kind::Count
                && count.unit.is_some()
                && count.value.fract() == 0.0
                && count.qualifier.is_none();
            if !counted
                || gap.chars().count() > 12
                || gap.contains(['。', '；', '\n'])
                || !gap.contains("同比") && !gap.contains("较上年")
            {
                continue;
            }
            // The change must be about the counted thing: what the gap says besides the change
            // words is empty or names the count's subject (`纠错51件，纠错案件数量较同比下降`).
            let mut subject = gap.to_owned();
            for w in [
                "同比",
                "较上年",
                "较",
                "下降",
                "增长",
                "减少",
                "增加",
                "降低",
                "上升",
                "回落",
                "了",
                "，",
                ",",
                "、",
            ] {
                subject = subject.replace(w, "");
            }
            let about: Vec<char> = count.about.chars().collect();
            let shares = about
                .windows(2)
                .any(|w| subject.contains(&w.iter().collect::<String>()));
            if !subject.is_empty() && !shares {
                continue;
            }
            let falling = ["下降", "减少", "降低", "回落"]
                .iter()
                .any(|w| gap.contains(w));
            let decimals = change
                .text
                .split_once('.')
                .map_or(0, |(_, f)| f.chars().filter(char::is_ascii_digit).count());
            let decimals = i32::try_from(decimals).unwrap_or(0);
            if count.value <= 100_000.0 && !supported(count.value, change.value, decimals, falling)
            {
                out.push(doc.finding(
                    &META,
                    vec![change.span, count.span],
                    format!(
                        "按{}计算，没有哪个整数的上年数能得出{}。",
                        count.text, change.text
                    ),
                    format!(
                        "No whole-number previous value gives {} for {}.",
                        change.text, count.text
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::assert_count;

    #[test]
    fn hits_and_near_misses() {
        assert_count("A004", "纠错51件，纠错案件数量较同比下降11.76%。", 1);
        assert_count("A004", "纠错51件，同比下降12.07%。", 0);
        assert_count("A004", "纠错51件，同比下降10.53%。", 0);
        assert_count("A004", "新增2960户，同比增长46.67%。", 0);
        assert_count("A004", "受理12件，同比增长50%。", 0);
        assert_count("A004", "受理12件，同比增长33.33%。", 0);
        assert_count("A004", "受理12件，同比增长33.34%。", 1);
        assert_count("A004", "受理12件。同比增长33.34%。", 0);
        assert_count("A004", "受理12余件，同比增长33.34%。", 0);
        assert_count("A004", "收入12.5亿元，同比增长3.47%。", 0);
        assert_count("A004", "审批21个，固定资产投资同比增长81.3%。", 0);
    }
}
