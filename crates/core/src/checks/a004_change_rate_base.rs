//! A004: a year-on-year change that no whole-number base gives. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::model::{Kind, Quantity};

pub static META: CheckMeta = CheckMeta {
    code: "A004",
    name: "ChangeRateBase",
    title_zh: "增减幅度与计数不符",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A change in percent stated right after this year's count (`纠错51件，同比下降11.76%`): the previous
year's count must be a whole number, so some whole number X must give the stated rate when
rounded as written ((X − 51) / X = 11.76% has no whole-number solution).

Where the text also gives the base (`较上年的40件增长25%` after 52件, `由40件增加到52件，增长30%`,
`受理52件（上年40件），同比增长30%`), the change is recomputed from the two figures, allowing for
the rounding of every figure as written, and a disagreement is an error.

A count that names a kind of thing (`八类案件同比下降34.4%`: the change is of the cases, not of the
eight categories) is not the changed figure: the count must end its phrase before the change.
## Why it matters
A rate that no count supports was computed from the wrong figures, often the change itself divided by
this year's count (6 / 51 = 11.76%).
## Example
`纠错51件，同比下降11.76%` → X = 58 gives 12.07%, X = 57 gives 10.53%: no base gives 11.76%.
`受理52件，较上年的40件增长25%` → (52 − 40) ÷ 40 = 30%.";

pub struct ChangeRateBase;

/// Words before a count that make it the base of a change (`较上年的40件`, `由40件`, `上年为40件`).
const BASE_LEADS: &[&str] = &["上年", "去年", "上一年", "由", "从", "比", "较"];

/// Measures other than the number of things counted: a change of these is not the count's.
const OTHER_MEASURES: &[&str] = &[
    "时长", "时限", "时间", "天数", "周期", "金额", "资金", "标的", "人数", "人次", "面积", "比重",
    "规模", "率", "均",
];

/// Words that say which way a change goes.
const FALLING: &[&str] = &["下降", "减少", "降低", "回落", "缩减", "减"];
const RISING: &[&str] = &["增长", "增加", "提高", "上升", "提升", "增"];

/// Up to `n` characters of the line before `q`.
fn lead<'t>(text: &'t str, q: &Quantity, n: usize) -> &'t str {
    crate::span::line_tail(text, q.span.start, n)
}

/// The value of `q` as a range, allowing for the rounding of its last written digit
/// (`2.5亿元` is 2.45亿 to 2.55亿; `52件` is exact). `None` for Chinese numerals.
fn interval(q: &Quantity) -> Option<(f64, f64)> {
    let written: String = q
        .text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let number: f64 = written.parse().ok()?;
    if number <= 0.0 {
        return None;
    }
    let decimals = written.split_once('.').map_or(0, |(_, f)| f.len());
    let decimals = i32::try_from(decimals).ok()?;
    let multiplier = q.value / number;
    if q.kind == Kind::Count && multiplier == 1.0 {
        return Some((q.value, q.value));
    }
    let half = 0.5 * 10f64.powi(-decimals) * multiplier;
    Some((q.value - half, q.value + half))
}

/// A change stated with its base: `52件，较上年的40件增长25%`, `由40件增加到52件，增长30%`,
/// `52件（上年40件），同比增长30%`. Returns an error finding when the figures disagree.
fn stated_base(doc: &Document<'_>, q: &[Quantity], i: usize) -> Option<Finding> {
    let change = &q[i];
    let gap = |a: usize, b: usize| doc.text.get(q[a].span.end..q[b].span.start);
    if i < 2 {
        return None;
    }
    let (a, b) = (i - 2, i - 1);
    let before_change = gap(b, i)?;
    let between = gap(a, b)?;
    if before_change.chars().count() > 10
        || between.chars().count() > 10
        || before_change.contains(['。', '；', ';', '\n'])
        || between.contains(['。', '；', ';', '\n'])
    {
        return None;
    }
    let (base, now) = base_and_now(doc, &q[a], &q[b], between)?;
    let plain = |x: &Quantity| {
        x.qualifier.is_none() && matches!(x.kind, Kind::Count | Kind::Money) && x.unit.is_some()
    };
    if !plain(base) || !plain(now) || base.unit != now.unit {
        return None;
    }
    let falling = FALLING.iter().any(|w| before_change.contains(w));
    let rising = RISING.iter().any(|w| before_change.contains(w));
    if falling == rising {
        return None;
    }
    let (lo, hi) = allowed_change(base, now, falling)?;
    let half = 0.5 * 10f64.powi(-i32::try_from(decimals(&change.text)).ok()?);
    // The stated figure, rounded or truncated as written.
    let (s_lo, s_hi) = (change.value - half, change.value + 2.0 * half);
    if s_hi + 1e-9 >= lo && s_lo - 1e-9 <= hi {
        return None;
    }
    Some(base_disagrees(doc, change, base, now, falling))
}

/// Which of two figures `a`, `b` (with the text `between` them) is last year's base and which
/// this year's: `由40件增加到52件`, `52件，较上年的40件`, `52件（上年40件）`.
fn base_and_now<'q>(
    doc: &Document<'_>,
    a: &'q Quantity,
    b: &'q Quantity,
    between: &str,
) -> Option<(&'q Quantity, &'q Quantity)> {
    let lead_a = lead(doc.text, a, 2);
    let lead_b = lead(doc.text, b, 8);
    if (lead_a.ends_with('由') || lead_a.ends_with('从'))
        && ["到", "至"].iter().any(|w| between.contains(w))
    {
        Some((a, b))
    } else if ["较", "比"].iter().any(|w| lead_b.contains(w))
        && ["上年的", "去年的", "同期的", "年的"]
            .iter()
            .any(|w| lead_b.ends_with(w))
        || [
            "上年",
            "去年",
            "上年为",
            "去年为",
            "上年同期",
            "上年同期为",
            "去年同期为",
        ]
        .iter()
        .any(|w| lead_b.ends_with(w))
            && between.starts_with(['，', ',', '（', '('])
    {
        Some((b, a))
    } else {
        None
    }
}

/// The change, in percent, that `base` and `now` allow as written (each rounded), in the
/// direction the text states.
fn allowed_change(base: &Quantity, now: &Quantity, falling: bool) -> Option<(f64, f64)> {
    let (now_lo, now_hi) = interval(now)?;
    let (base_lo, base_hi) = interval(base)?;
    if base_lo <= 0.0 {
        return None;
    }
    // The change the figures allow, as a range, in the direction the text states.
    let (lo, hi) = if falling {
        ((base_lo - now_hi) / base_lo, (base_hi - now_lo) / base_hi)
    } else {
        ((now_lo - base_hi) / base_hi, (now_hi - base_lo) / base_lo)
    };
    Some((lo.min(hi) * 100.0, lo.max(hi) * 100.0))
}

/// How many decimals a figure is written with.
fn decimals(text: &str) -> usize {
    text.split_once('.')
        .map_or(0, |(_, f)| f.chars().filter(char::is_ascii_digit).count())
}

/// The error finding on a `change` that `base` and `now` do not give.
fn base_disagrees(
    doc: &Document<'_>,
    change: &Quantity,
    base: &Quantity,
    now: &Quantity,
    falling: bool,
) -> Finding {
    let exact = if falling {
        (base.value - now.value) / base.value * 100.0
    } else {
        (now.value - base.value) / base.value * 100.0
    };
    let mut f = doc.statement_finding(
        &META,
        vec![change.span, now.span, base.span],
        format!(
            "按上年{}、本年{}计算，{}幅度为{:.2}%，而文中写作{}。",
            base.text,
            now.text,
            if falling { "下降" } else { "增长" },
            exact,
            change.text
        ),
        format!(
            "From {} to {} the change is {:.2}%, the text says {}.",
            base.text, now.text, exact, change.text
        ),
    );
    f.severity = Severity::Error;
    f
}

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
            if let Some(f) = stated_base(doc, q, i) {
                out.push(f);
                continue;
            }
            out.extend(unsupported_change(doc, q, i));
        }
    }
}

/// The finding on the change `q[i]` when no whole previous value of the count before it gives
/// it.
fn unsupported_change(doc: &Document<'_>, q: &[Quantity], i: usize) -> Option<Finding> {
    let change = &q[i];
    // The count right before the change; or, past a rate of it, the count whose words the
    // change repeats (`纠错51件，纠错率23.29%，纠错案件数量同比下降11.76%`).
    let past_rate = i >= 2
        && q[i - 1].kind == Kind::Percent
        && doc
            .text
            .get(q[i - 2].span.end..q[i - 1].span.start)
            .is_some_and(|g| g.chars().count() <= 8 && !g.contains(['。', '；', ';', '\n']));
    let count = if past_rate { &q[i - 2] } else { &q[i - 1] };
    let gap = doc
        .text
        .get(q[i - 1].span.end..change.span.start)
        .unwrap_or("。");
    // The count ends its phrase (`受理12件，同比…`, `受理12件同比…`); `八类案件同比…`
    // changes the cases, not the categories. A count stated as the base is not this
    // year's.
    let ends_phrase = gap.starts_with(['，', ',', '、', '（', '('])
        || gap.starts_with("同比")
        || gap.starts_with('较');
    let is_base = BASE_LEADS
        .iter()
        .any(|w| lead(doc.text, count, 6).contains(w));
    if !whole_count(count)
        || !ends_phrase
        || is_base
        || gap.chars().count() > 12
        || gap.contains(['。', '；', '\n'])
        || !gap.contains("同比") && !gap.contains("较上年")
        || !about_the_count(gap, count, past_rate)
    {
        return None;
    }
    let falling = ["下降", "减少", "降低", "回落"]
        .iter()
        .any(|w| gap.contains(w));
    let decimals = i32::try_from(decimals(&change.text)).unwrap_or(0);
    let unsupported =
        count.value <= 100_000.0 && !supported(count.value, change.value, decimals, falling);
    if !unsupported {
        return None;
    }
    // Past a rate, the count is a clause away and agrees with its rate: only the change is
    // marked.
    let spans = if past_rate {
        vec![change.span]
    } else {
        vec![change.span, count.span]
    };
    Some(doc.finding(
        &META,
        spans,
        format!(
            "按{}计算，没有哪个整数的上年数能得出{}。",
            count.text, change.text
        ),
        format!(
            "No whole-number previous value gives {} for {}.",
            change.text, count.text
        ),
    ))
}

/// A count of things with a unit, written in digits, whole and unqualified.
fn whole_count(count: &Quantity) -> bool {
    count.kind == Kind::Count
        && count.unit.is_some()
        && count.value.fract() == 0.0
        && count.qualifier.is_none()
        && count
            .text
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Whether the change is about the counted thing: what the `gap` says besides the change words
/// is empty or names the count's subject (`纠错51件，纠错案件数量较同比下降`), and is no other
/// measure of the same things (`信访事项办理时长同比下降`).
fn about_the_count(gap: &str, count: &Quantity, past_rate: bool) -> bool {
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
    if (past_rate || !subject.is_empty()) && !shares {
        return false;
    }
    !OTHER_MEASURES.iter().any(|w| subject.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

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
        assert_count("A004", "八类案件同比下降34.4%。", 0);
        assert_count(
            "A004",
            "受理信访事项51件，信访事项办理时长同比下降11.76%。",
            0,
        );
        assert_count("A004", "受理信访事项51件，信访事项数量同比下降11.76%。", 1);
        assert_count(
            "A004",
            "综合纠错51件，纠错率23.29%，纠错案件数量较同比下降11.76%。",
            1,
        );
        assert_count("A004", "综合纠错51件，纠错率23.29%，同比下降11.76%。", 0);
        assert_count(
            "A004",
            "综合纠错51件，纠错率23.29%，纠错案件数量同比下降12.07%。",
            0,
        );
        assert_count("A004", "受理8类案件，同比下降34.4%。", 0);
        assert_count("A004", "受理52件，较上年的40件增长30%。", 0);
        assert_flags(
            "A004",
            "受理52件，较上年的40件增长25%。",
            "52件，较上年的40件增长25%",
        );
        assert_count("A004", "由40件增加到52件，增长30%。", 0);
        assert_count("A004", "由40件增加到52件，增长35%。", 1);
        assert_count("A004", "受理52件（上年40件），同比增长30%。", 0);
        assert_count("A004", "受理52件，上年为40件，同比增长35%。", 1);
        assert_count("A004", "受理30件，较上年的40件下降25%。", 0);
        assert_count("A004", "受理30件，较上年的40件下降20%。", 1);
        assert_count("A004", "收入2.5亿元，较上年的2.0亿元增长26%。", 0);
        assert_count("A004", "收入2.5亿元，较上年的2.0亿元增长35%。", 1);
        assert_count("A004", "上年为40件，同比增长33.34%。", 0);
    }
}
