//! Relations between quantities, for the arithmetic checks: a rate stated with the counts it is
//! computed from (`审结219件，其中纠错51件，纠错率为23.29%`), and parts stated with their total
//! (`清理312件，其中保留248件、修改41件、废止23件`).

use serde::{Deserialize, Serialize};

use super::{Kind, Quantity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// `rate` = `parts[0]` / `total` × 100.
    Rate,
    /// `total` = the sum of `parts`.
    Sum,
}

/// An element of the `relations` array. Indices point into `quantities`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub kind: RelationKind,
    pub total: usize,
    pub parts: Vec<usize>,
    /// The stated rate (for `rate` relations).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rate: Option<usize>,
    /// What the figures give: the rate in percent, or the sum of the parts.
    pub computed: f64,
    /// Whether the stated figure agrees with `computed`, rounding as written (a rate stated with
    /// two decimals must agree to two decimals; a truncated rate also agrees).
    pub consistent: bool,
}

/// How many figures back a rate's counts are looked for.
const MAX_BACK: usize = 8;

fn decimals(text: &str) -> i32 {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits
        .split_once('.')
        .map_or(0, |(_, f)| i32::try_from(f.len()).unwrap_or(0))
}

/// Whether `stated` is `computed` rounded (or truncated) to the decimals it is written with.
pub fn agrees(stated: f64, computed: f64, decimals: i32) -> bool {
    let scale = 10f64.powi(decimals);
    let rounded = (computed * scale).round() / scale;
    let truncated = (computed * scale).floor() / scale;
    (rounded - stated).abs() < 0.5 / scale / 10.0 || (truncated - stated).abs() < 0.5 / scale / 10.0
}

fn counts(q: &Quantity) -> bool {
    q.kind == Kind::Count && q.unit.is_some() && q.value.fract() == 0.0
}

/// Find the relations among `quantities` of `text`.
pub fn relations(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
    let mut out = Vec::new();
    let between = |a: usize, b: usize| {
        text.get(quantities[a].span.end..quantities[b].span.start)
            .unwrap_or("\n")
    };
    for (r, rate) in quantities.iter().enumerate() {
        if rate.kind != Kind::Percent || rate.high.is_some() {
            continue;
        }
        // The rate names itself right before its figure: `纠错率为23.29%`.
        let named = rate
            .about
            .trim_end_matches(['为', '达', '是', '均', '约', '了']);
        let Some(stem) = named.strip_suffix('率') else {
            continue;
        };
        let stem: String = crate::span::last_chars(stem, 2).to_owned();
        if stem.is_empty() {
            continue;
        }
        // Counts earlier in the same paragraph, nearest first; a rate is stated within a few figures
        // of its counts, and looking no further keeps long paragraphs linear.
        let earlier: Vec<usize> = (0..r)
            .rev()
            .take(MAX_BACK)
            .take_while(|&i| !between(i, i + 1).contains('\n'))
            .filter(|&i| counts(&quantities[i]))
            .collect();
        // The count the rate names (`纠错51件` for 纠错率); failing that, in a sentence giving just
        // two counts of one unit, the second (`纠纷1242起，调处1201起，调处成功率为96.7%`).
        let same_sentence: Vec<usize> = earlier
            .iter()
            .copied()
            .filter(|&i| !between(i, r).contains(['。', '；', ';']))
            .collect();
        let named_count = earlier
            .iter()
            .copied()
            .find(|&i| quantities[i].about.contains(&stem));
        let pair = match same_sentence[..] {
            [second, first]
                if quantities[first].unit == quantities[second].unit && second + 1 == r =>
            {
                Some(second)
            }
            _ => None,
        };
        let Some(numerator) = named_count.or(pair) else {
            continue;
        };
        let n = &quantities[numerator];
        let Some(&denominator) = earlier
            .iter()
            .filter(|&&i| {
                i < numerator
                    && quantities[i].unit == n.unit
                    && quantities[i].value >= n.value
                    && quantities[i].value > 0.0
            })
            .max_by_key(|&&i| i)
        else {
            continue;
        };
        let computed = n.value / quantities[denominator].value * 100.0;
        out.push(Relation {
            kind: RelationKind::Rate,
            total: denominator,
            parts: vec![numerator],
            rate: Some(r),
            computed,
            consistent: agrees(rate.value, computed, decimals(&rate.text)),
        });
    }
    for (t, total) in quantities.iter().enumerate() {
        if !counts(total) {
            continue;
        }
        let mut parts = Vec::new();
        let mut opened = false;
        for (p, part) in quantities.iter().enumerate().skip(t + 1) {
            let gap = between(parts.last().copied().unwrap_or(t), p);
            if gap.contains(['。', '；', ';', '\n']) {
                break;
            }
            if !opened {
                if !gap.contains("其中") {
                    break;
                }
                opened = true;
            } else if !gap.contains('、') || gap.contains(['，', ',']) {
                break; // parts are listed with 顿号: `其中保留248件、修改41件、废止23件`
            }
            if counts(part) && part.unit == total.unit {
                parts.push(p);
            } else {
                break;
            }
        }
        if parts.len() >= 2 {
            let computed: f64 = parts.iter().map(|&p| quantities[p].value).sum();
            let exact = total.qualifier.is_none()
                && parts.iter().all(|&p| quantities[p].qualifier.is_none());
            out.push(Relation {
                kind: RelationKind::Sum,
                total: t,
                parts,
                rate: None,
                computed,
                consistent: !exact || (computed - total.value).abs() < 1e-9,
            });
        }
    }
    out
}
