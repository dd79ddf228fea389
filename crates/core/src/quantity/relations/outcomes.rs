//! A total of some work (清理, 审结) followed by its outcomes (保留…修改…废止…, 维持…撤销…), which
//! add up to it; the outcome words are data (`data/outcomes.tsv`).

use std::sync::LazyLock;

use super::*;

/// (group, names the whole, word) rows of `data/outcomes.tsv`.
static OUTCOMES: LazyLock<Vec<(&'static str, bool, &'static str)>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../../../data/outcomes.tsv"))
        .filter_map(|cols| {
            let [group, role, word, ..] = cols[..] else {
                return None;
            };
            Some((group, role == "total", word))
        })
        .collect()
});

/// The outcome group `about` names as a part (`维持26件` → 复议), longest word first.
fn outcome_of(about: &str, as_total: bool) -> Option<&'static str> {
    OUTCOMES
        .iter()
        .filter(|(_, total, w)| *total == as_total && about.contains(w))
        .max_by_key(|(_, _, w)| w.len())
        .map(|(g, _, _)| *g)
}

/// A total followed, clause by clause, by the outcomes that make it up, without `其中`:
/// `共清理文件312件，保留248件，修改41件，废止23件`, `审结案件50件，维持26件，撤销10件`. The
/// total names the work (清理, 审结) and every part one outcome of it, from `data/outcomes.tsv`.
pub(super) fn outcome_runs(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
    let mut out = Vec::new();
    for (t, total) in quantities.iter().enumerate() {
        if !counts(total) || listed_parts(text, quantities, t).len() >= 2 {
            continue;
        }
        let Some(group) = outcome_of(&total.about, true) else {
            continue;
        };
        let mut parts: Vec<usize> = Vec::new();
        for (p, part) in quantities.iter().enumerate().skip(t + 1) {
            let gap = between(text, quantities, parts.last().copied().unwrap_or(t), p);
            if gap.contains(SENTENCE_END)
                || !balanced(gap)
                || !gap.contains(['，', ',', '、'])
                || !counts(part)
                || part.unit != total.unit
                || outcome_of(&part.about, false) != Some(group)
            {
                break;
            }
            parts.push(p);
        }
        if parts.len() < 2 {
            continue;
        }
        let computed: f64 = parts.iter().map(|&p| quantities[p].value).sum();
        let exact = exact(text, total) && parts.iter().all(|&p| exact(text, &quantities[p]));
        out.push(Relation {
            kind: RelationKind::Sum,
            total: t,
            parts,
            rate: None,
            computed,
            consistent: !exact || (computed - total.value).abs() < 1e-9,
            complete: false,
        });
    }
    out
}
