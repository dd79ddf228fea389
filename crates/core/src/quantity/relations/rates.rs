//! Rates with the counts they are computed from, and parts with their share of the whole.

use super::*;

/// A part stated with its share of the whole right after it: `审结219件，其中纠错51件，占23.29%`.
/// Only a bare `占` (`占比`, `占总数的`) is read: `占全省的15%` is a share of another whole.
pub(super) fn part_shares(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
    const SHARE_WORDS: &[&str] = &[
        "占",
        "占比",
        "占比为",
        "占比达",
        "占总数的",
        "占总数",
        "占总量的",
    ];
    let mut out = Vec::new();
    for (w, p) in parts_of(text, quantities) {
        let r = p + 1;
        let Some(rate) = quantities.get(r) else {
            continue;
        };
        let (whole, part) = (&quantities[w], &quantities[p]);
        if rate.kind != Kind::Percent
            || rate.high.is_some()
            || rate.qualifier.is_some()
            || whole.value <= 0.0
            || part.value > whole.value
        {
            continue;
        }
        let gap = between(text, quantities, p, r).trim_start_matches(['，', ',']);
        if !SHARE_WORDS.contains(&gap) {
            continue;
        }
        let computed = part.value / whole.value * 100.0;
        out.push(Relation {
            kind: RelationKind::Rate,
            total: w,
            parts: vec![p],
            rate: Some(r),
            computed,
            consistent: agrees(rate.value, computed, decimals(&rate.text)),
            complete: false,
        });
    }
    out
}

/// Rates named right before their figure (`纠错率为23.29%`) with the counts they are computed
/// from, stated earlier in the same paragraph.
pub(super) fn rates(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
    let mut out = Vec::new();
    for (r, rate) in quantities.iter().enumerate() {
        if rate.kind != Kind::Percent || rate.high.is_some() || several(text, rate) {
            continue;
        }
        let Some((numerator, denominator)) = counts_of_rate(text, quantities, r) else {
            continue;
        };
        let computed = quantities[numerator].value / quantities[denominator].value * 100.0;
        out.push(Relation {
            kind: RelationKind::Rate,
            total: denominator,
            parts: vec![numerator],
            rate: Some(r),
            computed,
            consistent: agrees(rate.value, computed, decimals(&rate.text)),
            complete: false,
        });
    }
    out
}

/// The counts (numerator, denominator) the rate at `r` is computed from, if the text shows them.
fn counts_of_rate(text: &str, quantities: &[Quantity], r: usize) -> Option<(usize, usize)> {
    let between = |a: usize, b: usize| between(text, quantities, a, b);
    // The rate names itself right before its figure: `纠错率为23.29%`.
    let named = quantities[r]
        .about
        .trim_end_matches(['为', '达', '是', '均', '约', '了']);
    let name = named.strip_suffix('率')?;
    let stem = crate::span::last_chars(name, 2);
    if stem.chars().count() < 2 {
        return None;
    }
    // Counts earlier in the same paragraph, nearest first; a rate is stated within a few figures
    // of its counts, and looking no further keeps long paragraphs linear.
    let earlier: Vec<usize> = (0..r)
        .rev()
        .take(MAX_BACK)
        .take_while(|&i| !between(i, i + 1).contains('\n'))
        .filter(|&i| counts(&quantities[i]))
        .collect();
    let numerator = numerator(text, quantities, r, name, &earlier)?;
    let n = &quantities[numerator];
    // The count it is a share of stands in the numerator's sentence.
    let denominator = earlier
        .iter()
        .copied()
        .filter(|&i| {
            i < numerator
                && quantities[i].unit == n.unit
                && quantities[i].value >= n.value
                && quantities[i].value > 0.0
                && !between(i, numerator).contains(SENTENCE_END)
        })
        .max()?;
    Some((numerator, denominator))
}

/// The count the rate named `name` counts: the one its name names (`纠错51件` for 纠错率);
/// failing that, in a sentence giving just two counts of one unit, the second, when the rate's
/// name repeats its words (`纠纷1242起，调处1201起，调处成功率为96.7%`). Two counts listed
/// side by side (`建议161件、提案122件`) or about something else (`处置突发事件53宗，信访案件办结率`)
/// are not a rate's counts.
fn numerator(
    text: &str,
    quantities: &[Quantity],
    r: usize,
    name: &str,
    earlier: &[usize],
) -> Option<usize> {
    let between = |a: usize, b: usize| between(text, quantities, a, b);
    let stem = crate::span::last_chars(name, 2);
    let named_count = earlier
        .iter()
        .copied()
        .find(|&i| quantities[i].about.contains(stem));
    let same_sentence: Vec<usize> = earlier
        .iter()
        .copied()
        .filter(|&i| !between(i, r).contains(SENTENCE_END))
        .collect();
    let pair = match same_sentence[..] {
        [second, first]
            if quantities[first].unit == quantities[second].unit
                && second + 1 == r
                && !between(first, second).contains('、')
                && shares(name, &quantities[second].about) =>
        {
            Some(second)
        }
        _ => None,
    };
    named_count.or(pair)
}
