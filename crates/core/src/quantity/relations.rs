//! Relations between quantities, for the arithmetic checks: a rate stated with the counts it is
//! computed from (`审结219件，其中纠错51件，纠错率为23.29%`), parts stated with their total
//! (`清理312件，其中保留248件、修改41件、废止23件`), and a part stated with its whole.
//!
//! A relation is only read where the text itself establishes it: the rate names the count it
//! measures, the parts follow `其中` or stand in brackets after their total, the split is
//! `受理 … 不予受理 …` of the applications received. Figures that merely stand side by side
//! (`人大代表建议161件、政协提案122件，满意率均为100%`) are not related.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::{Kind, Quantity};
use crate::span::Span;

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
    /// For `sum` relations: the parts are the whole, not a selection (`受理79件、不予受理9件` of
    /// the applications received), so a sum short of the total is also a mismatch.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub complete: bool,
}

/// How many figures back a rate's counts are looked for.
const MAX_BACK: usize = 8;

/// Marks that end a sentence: a relation never crosses one.
const SENTENCE_END: &[char] = &['。', '；', ';', '\n', '！', '？'];

/// Words before a figure that make it a bound, not a count (`突破1000万户`).
const BOUND_WORDS: &[&str] = &["突破", "超过", "以上", "不少于"];

/// Words that make a figure a running total (`累计20项`): as a part, it may be of a larger whole
/// than the count before it.
const STOCK_WORDS: &[&str] = &["累计", "总计", "总量", "总数"];

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

/// Whether `a` and `b` share two consecutive characters.
fn shares(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    a.windows(2)
        .any(|w| b.contains(&w.iter().collect::<String>()))
}

/// The last two characters `a` and `b` have in common at their ends (`主动公开信息`,
/// `依申请公开信息`): parallel names of the parts of one whole.
fn parallel(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().rev().take(2).collect();
    let b: Vec<char> = b.chars().rev().take(2).collect();
    a.len() == 2 && a == b
}

/// Whether every bracket opened in `s` closes in it (`县(区)政府`).
fn balanced(s: &str) -> bool {
    s.matches(['（', '(']).count() == s.matches(['）', ')']).count()
}

/// Up to `n` characters of the line before `q`.
fn lead<'t>(text: &'t str, q: &Quantity, n: usize) -> &'t str {
    crate::span::line_tail(text, q.span.start, n)
}

/// Whether `q` is an exact count: no qualifier but `达` (`总量达到65万户` is 65万户), no bound
/// word before it.
fn exact(text: &str, q: &Quantity) -> bool {
    counts(q)
        && q.qualifier.as_deref().is_none_or(|w| w == "达")
        && !BOUND_WORDS.iter().any(|w| lead(text, q, 4).contains(w))
}

/// Whether the text before the rate's figure says it is stated for several objects at once
/// (`满意率均为100%`, `分别为`): each object then has its own rate.
fn several(text: &str, rate: &Quantity) -> bool {
    let lead = lead(text, rate, 6).trim_end_matches(['为', '达', '是', '约', '了', '到', ' ']);
    lead.ends_with('均') || lead.ends_with("分别") || lead.ends_with('都')
}

/// The stretch of text from the first to the last of `spans`: where an arithmetic finding points,
/// since any of the figures may be the mistyped one.
pub fn hull(spans: &[Span]) -> Span {
    let start = spans.iter().map(|s| s.start).min().unwrap_or_default();
    let end = spans.iter().map(|s| s.end).max().unwrap_or_default();
    Span::new(start, end)
}

/// Find the relations among `quantities` of `text`.
pub fn relations(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
    let mut out = rates(text, quantities);
    out.extend(sums(text, quantities));
    out.extend(splits(text, quantities));
    out.extend(outcome_runs(text, quantities));
    out.extend(part_shares(text, quantities));
    out
}

/// A part stated with its share of the whole right after it: `审结219件，其中纠错51件，占23.29%`.
/// Only a bare `占` (`占比`, `占总数的`) is read: `占全省的15%` is a share of another whole.
fn part_shares(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
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

fn between<'t>(text: &'t str, quantities: &[Quantity], a: usize, b: usize) -> &'t str {
    text.get(quantities[a].span.end..quantities[b].span.start)
        .unwrap_or("\n")
}

fn rates(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
    let mut out = Vec::new();
    let between = |a: usize, b: usize| between(text, quantities, a, b);
    for (r, rate) in quantities.iter().enumerate() {
        if rate.kind != Kind::Percent || rate.high.is_some() || several(text, rate) {
            continue;
        }
        // The rate names itself right before its figure: `纠错率为23.29%`.
        let named = rate
            .about
            .trim_end_matches(['为', '达', '是', '均', '约', '了']);
        let Some(name) = named.strip_suffix('率') else {
            continue;
        };
        let stem: String = crate::span::last_chars(name, 2).to_owned();
        if stem.chars().count() < 2 {
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
        // two counts of one unit, the second, when the rate's name repeats its words
        // (`纠纷1242起，调处1201起，调处成功率为96.7%`). Two counts listed side by side
        // (`建议161件、提案122件`) or about something else (`处置突发事件53宗，信访案件办结率`)
        // are not a rate's counts.
        let same_sentence: Vec<usize> = earlier
            .iter()
            .copied()
            .filter(|&i| !between(i, r).contains(SENTENCE_END))
            .collect();
        let named_count = earlier
            .iter()
            .copied()
            .find(|&i| quantities[i].about.contains(&stem));
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
        let Some(numerator) = named_count.or(pair) else {
            continue;
        };
        let n = &quantities[numerator];
        // The count it is a share of stands in the numerator's sentence.
        let Some(&denominator) = earlier
            .iter()
            .filter(|&&i| {
                i < numerator
                    && quantities[i].unit == n.unit
                    && quantities[i].value >= n.value
                    && quantities[i].value > 0.0
                    && !between(i, numerator).contains(SENTENCE_END)
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
            complete: false,
        });
    }
    out
}

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

fn sums(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
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
fn splits(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
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

/// (group, names the whole, word) rows of `data/outcomes.tsv`.
static OUTCOMES: LazyLock<Vec<(&'static str, bool, &'static str)>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../../data/outcomes.tsv"))
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
fn outcome_runs(text: &str, quantities: &[Quantity]) -> Vec<Relation> {
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
