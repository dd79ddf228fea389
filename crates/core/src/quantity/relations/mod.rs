//! Relations between quantities, for the arithmetic checks: a rate stated with the counts it is
//! computed from (`审结219件，其中纠错51件，纠错率为23.29%`), parts stated with their total
//! (`清理312件，其中保留248件、修改41件、废止23件`), and a part stated with its whole.
//!
//! A relation is only read where the text itself establishes it: the rate names the count it
//! measures, the parts follow `其中` or stand in brackets after their total, the split is
//! `受理 … 不予受理 …` of the applications received. Figures that merely stand side by side
//! (`人大代表建议161件、政协提案122件，满意率均为100%`) are not related.

mod outcomes;
mod parts;
mod rates;

pub use parts::{listed_parts, parts_of};

use outcomes::outcome_runs;
use parts::{splits, sums};
use rates::{part_shares, rates};

use crate::model::{Kind, Quantity, Relation, RelationKind};
use crate::span::Span;

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

fn between<'t>(text: &'t str, quantities: &[Quantity], a: usize, b: usize) -> &'t str {
    text.get(quantities[a].span.end..quantities[b].span.start)
        .unwrap_or("\n")
}
