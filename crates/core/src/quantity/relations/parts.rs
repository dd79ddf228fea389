//! Parts with their total: listed after `其中` or in brackets, summed, or split into
//! `受理 … 不予受理 …`.

use super::*;

/// The parts listed for the count `t`: after `其中` (`清理312件，其中保留248件、修改41件`) or in
/// brackets right after it (`不予受理9件（其中转送5件、告知3件）`). Parts are counts of the
/// total's unit, separated by `、`; by commas only in an announced list (`其中，`/`其中：`) or
/// when the parts' names run parallel (`主动公开信息1027条,依申请公开信息459条`), since
/// `其中纠错10件，办结50件` returns to the whole after the first comma.
pub fn listed_parts(text: &str, quantities: &[Quantity], t: usize) -> Vec<usize> {
    let total = &quantities[t];
    if !counts(total) {
        return Vec::new();
    }
    let after = text.get(total.span.end..).unwrap_or_default();
    let bracketed = after.starts_with(['（', '(']);
    let mut parts: Vec<usize> = Vec::new();
    let mut announced = false;
    for (p, part) in quantities.iter().enumerate().skip(t + 1) {
        let gap = between(text, quantities, parts.last().copied().unwrap_or(t), p);
        if gap.contains(SENTENCE_END) {
            break;
        }
        if parts.is_empty() {
            if bracketed {
                if gap.contains(['）', ')']) {
                    break;
                }
            } else if let Some((_, rest)) = gap.split_once("其中") {
                if !balanced(gap) {
                    break;
                }
                announced = rest.starts_with(['，', ',', '：', ':']);
            } else {
                break;
            }
        } else {
            if bracketed && gap.contains(['）', ')']) {
                break;
            }
            let comma = gap.contains(['，', ',']);
            if !gap.contains('、') && !comma || !balanced(gap) {
                break;
            }
            let first = &quantities[parts[0]];
            if comma && !bracketed && !announced && !parallel(&first.about, &part.about) {
                break;
            }
        }
        if counts(part) && part.unit == total.unit {
            parts.push(p);
        } else {
            // A breakdown in brackets mixing units is not a breakdown of the total.
            if bracketed {
                return Vec::new();
            }
            break;
        }
    }
    if bracketed {
        // The bracket must close right after the last part.
        let closes = parts.last().is_some_and(|&l| {
            text.get(quantities[l].span.end..)
                .is_some_and(|a| a.starts_with(['）', ')']))
        });
        if !closes {
            return Vec::new();
        }
    }
    parts
}

pub(super) fn sums(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
    let mut out = Vec::new();
    for (t, total) in quantities.iter().enumerate() {
        let parts = listed_parts(text, quantities, t);
        if parts.len() < 2 {
            continue;
        }
        let computed: f64 = parts.iter().map(|&p| quantities[p].value).sum();
        let exact = exact(text, total) && parts.iter().all(|&p| exact(text, &quantities[p]));
        let over_but_larger_before =
            computed > total.value && larger_before(text, quantities, t, computed);
        out.push(Relation {
            kind: RelationKind::Sum,
            total: t,
            parts,
            rate: None,
            computed,
            consistent: !exact || (computed - total.value).abs() < 1e-9 || over_but_larger_before,
            complete: false,
        });
    }
    out
}

/// Whether a count of `t`'s unit, earlier in its sentence, is at least `value`: then `其中` may
/// break down that larger whole (`经营主体1800万户、净增172.8万户，其中个体工商户1000万户`), and a
/// part above `t` is no certain slip.
fn larger_before(text: &str, quantities: &[Quantity], t: usize, value: f64) -> bool {
    // Looking a few figures back, one gap at a time, keeps a long sentence linear.
    (0..t)
        .rev()
        .take(MAX_BACK)
        .take_while(|&i| !between(text, quantities, i, i + 1).contains(SENTENCE_END))
        .any(|i| quantities[i].unit == quantities[t].unit && quantities[i].value >= value)
}

/// The applications received, split into those accepted and those refused:
/// `收到申请86件，不予受理9件，受理79件`. The two counts right after the total, outside brackets,
/// must be one `受理` and one `不予受理` (or `不受理`) of the total's unit.
pub(super) fn splits(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
    let mut out = Vec::new();
    let refused = |q: &Quantity| q.about.contains("不予受理") || q.about.contains("不受理");
    let accepted = |q: &Quantity| q.about.contains("受理") && !refused(q);
    for (t, total) in quantities.iter().enumerate() {
        if !exact(text, total)
            || !["收到", "收", "接到", "申请"]
                .iter()
                .any(|w| total.about.contains(w))
            || total.about.contains("受理")
        {
            continue;
        }
        let mut next = Vec::new();
        let mut depth = 0i32;
        let mut at = total.span.end;
        for (p, part) in quantities.iter().enumerate().skip(t + 1) {
            let gap = text.get(at..part.span.start).unwrap_or("\n");
            if gap.contains(SENTENCE_END) {
                break;
            }
            depth += i32::try_from(gap.matches(['（', '(']).count()).unwrap_or(0);
            depth -= i32::try_from(gap.matches(['）', ')']).count()).unwrap_or(0);
            at = part.span.end;
            if depth > 0 {
                continue;
            }
            next.push(p);
            if next.len() == 2 {
                break;
            }
        }
        let [a, b] = next[..] else {
            continue;
        };
        // A part that includes cases from elsewhere (`受理79件（含上年结转3件）`) may take the sum
        // past the applications received.
        let stretch = text
            .get(total.span.end..quantities[b].span.end)
            .unwrap_or_default();
        let after_b: String = text
            .get(quantities[b].span.end..)
            .unwrap_or_default()
            .chars()
            .take(12)
            .take_while(|c| !SENTENCE_END.contains(c))
            .collect();
        if ["结转", "上年", "含", "包括"]
            .iter()
            .any(|w| stretch.contains(w) || after_b.contains(w))
        {
            continue;
        }
        let (qa, qb) = (&quantities[a], &quantities[b]);
        let one_each = refused(qa) && accepted(qb) || accepted(qa) && refused(qb);
        if !one_each
            || qa.unit != total.unit
            || qb.unit != total.unit
            || !exact(text, qa)
            || !exact(text, qb)
        {
            continue;
        }
        let computed = qa.value + qb.value;
        out.push(Relation {
            kind: RelationKind::Sum,
            total: t,
            parts: vec![a, b],
            rate: None,
            computed,
            consistent: (computed - total.value).abs() < 1e-9,
            complete: true,
        });
    }
    out
}

/// Wholes and one of their parts, `(whole, part)`, where the text says the part is of the whole:
/// the first count after `其中` or in brackets (`审结219件，其中纠错51件`), every part of a listed
/// breakdown, and a count after `…中，` (`在受理的86件中，不予受理9件`). Both figures are exact
/// counts of one unit; bounds (`突破1000万户`, `累计`) are left out, since they may be of another
/// whole than the nearest count.
pub fn parts_of(text: &str, quantities: &[Quantity]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (w, whole) in quantities.iter().enumerate() {
        if !exact(text, whole) {
            continue;
        }
        let mut parts = listed_parts(text, quantities, w);
        if parts.is_empty() {
            // `…86件中，不予受理9件`: the whole closes a phrase with 中.
            let in_whole = w + 1 < quantities.len() && {
                let gap = between(text, quantities, w, w + 1);
                let head: String = gap.chars().take(10).collect();
                head.find('中').is_some_and(|i| {
                    let (before, after) = head.split_at(i);
                    !before.contains(['，', ',', '、', '（', '(', '：', '其'])
                        && after.trim_start_matches('中').starts_with(['，', ','])
                }) && !gap.contains(SENTENCE_END)
            };
            if in_whole {
                parts.push(w + 1);
            }
        }
        for p in parts {
            let part = &quantities[p];
            let stock = STOCK_WORDS.iter().any(|w| part.about.contains(w));
            if exact(text, part)
                && !stock
                && part.unit == whole.unit
                && !(part.value > whole.value && larger_before(text, quantities, w, part.value))
            {
                out.push((w, p));
            }
        }
    }
    out
}
