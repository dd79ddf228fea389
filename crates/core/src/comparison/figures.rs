//! Figures of two years side by side: the standard indicators with their change, and the figures
//! of the year's work that are exactly last year's.

use crate::checks::{self, pair};
use crate::indicators;
use crate::model::{
    Analysis, Direction, Finding, IndicatorChange, IndicatorValue, Kind, Quantity, RepeatedFigure,
    ReusedSentence,
};

/// Every indicator either report gives: this year's first, in its order, then those only last
/// year gave.
pub fn indicator_changes(old: &Analysis, new: &Analysis) -> Vec<IndicatorChange> {
    let mut out: Vec<IndicatorChange> = new
        .indicators
        .iter()
        .map(|n| change(old.indicators.iter().find(|o| o.id == n.id), Some(n)))
        .collect();
    out.extend(
        old.indicators
            .iter()
            .filter(|o| !new.indicators.iter().any(|n| n.id == o.id))
            .map(|o| change(Some(o), None)),
    );
    out
}

fn change(old: Option<&IndicatorValue>, new: Option<&IndicatorValue>) -> IndicatorChange {
    let either = new.or(old);
    let comparable = match (old, new) {
        (Some(o), Some(n)) => o.unit == n.unit,
        _ => false,
    };
    let (change, change_percent, direction) = match (old, new) {
        (Some(o), Some(n)) if comparable => {
            let d = n.value - o.value;
            let rate = n.unit.as_deref() != Some("%") && o.value != 0.0;
            let direction = if d.abs() < 1e-9 {
                Direction::Same
            } else if d > 0.0 {
                Direction::Up
            } else {
                Direction::Down
            };
            (
                Some(round2(d)),
                rate.then(|| round2(d / o.value * 100.0)),
                direction,
            )
        }
        (Some(_), Some(_)) => (None, None, Direction::Incomparable),
        (None, _) => (None, None, Direction::New),
        (_, None) => (None, None, Direction::Gone),
    };
    IndicatorChange {
        id: either.map(|i| i.id.clone()).unwrap_or_default(),
        name: either.map(|i| i.name.clone()).unwrap_or_default(),
        name_en: either.map(|i| i.name_en.clone()).unwrap_or_default(),
        measure: either.and_then(|i| i.unit.clone()),
        old: old.map(|i| i.value),
        new: new.map(|i| i.value),
        change,
        change_percent,
        direction,
        old_span: old.map(|i| i.span),
        new_span: new.map(|i| i.span),
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Counts below this may well repeat (two study sessions a year, three pilot projects).
const SMALL_COUNT: f64 = 10.0;

/// Whether a figure says something about the year's work that a new year changes: a count, sum,
/// rate or change, of no stock indicator, not a bound a rate often sits at (0%, 100%), not a
/// small count.
fn of_the_year(q: &Quantity) -> bool {
    if q.indicator.as_deref().is_some_and(indicators::is_stock) || q.high.is_some() {
        return false;
    }
    match q.kind {
        Kind::Percent | Kind::Change => q.value != 0.0 && q.value != 100.0,
        Kind::Count | Kind::Money => q.value >= SMALL_COUNT,
        _ => false,
    }
}

fn same_figure(a: &Quantity, b: &Quantity) -> bool {
    a.kind == b.kind && a.unit == b.unit && (a.value - b.value).abs() < 1e-9
}

/// Figures of the year that repeat last year's: in a sentence carried over from last year with
/// the same figure, or as the same value of the same indicator (the figure each report gives for it).
pub fn repeated(old: &Analysis, new: &Analysis, pairs: &[ReusedSentence]) -> Vec<RepeatedFigure> {
    let mut out: Vec<RepeatedFigure> = Vec::new();
    let mut add = |n: &Quantity, o: &Quantity| {
        if !out.iter().any(|r| r.span == n.span) {
            out.push(RepeatedFigure {
                text: n.text.clone(),
                about: n.about.clone(),
                span: n.span,
                old_span: o.span,
                indicator: n.indicator.clone(),
            });
        }
    };
    for p in pairs {
        let news: Vec<&Quantity> = new
            .quantities
            .iter()
            .filter(|q| p.span.contains(q.span))
            .collect();
        let olds: Vec<&Quantity> = old
            .quantities
            .iter()
            .filter(|q| p.old_span.contains(q.span))
            .collect();
        let mut used = vec![false; olds.len()];
        for (k, n) in news.iter().enumerate() {
            // The figure in the same place of last year's sentence, else the first like it.
            let at = Some(k)
                .filter(|&k| olds.get(k).is_some_and(|o| same_figure(n, o)) && !used[k])
                .or_else(|| (0..olds.len()).find(|&j| !used[j] && same_figure(n, olds[j])));
            if let Some(j) = at {
                used[j] = true;
                if of_the_year(n) {
                    add(n, olds[j]);
                }
            }
        }
    }
    // The figure each report gives for an indicator (its first).
    let given = |a: &'_ Analysis, id: &str| -> Option<Quantity> {
        let span = a.indicators.iter().find(|i| i.id == id)?.span;
        a.quantities.iter().find(|q| q.span == span).cloned()
    };
    for i in &new.indicators {
        let (Some(n), Some(o)) = (given(new, &i.id), given(old, &i.id)) else {
            continue;
        };
        if of_the_year(&n) && same_figure(&n, &o) {
            add(&n, &o);
        }
    }
    out.sort_by_key(|r| r.span.start);
    out
}

/// The C002 finding: one for all the repeated figures, at the first.
pub fn finding(text: &str, figures: &[RepeatedFigure]) -> Option<Finding> {
    let first = figures.first()?;
    let listed: Vec<&str> = figures.iter().take(5).map(|r| r.text.as_str()).collect();
    let more = if figures.len() > 5 { "等" } else { "" };
    Some(Finding {
        code: pair::C002.code,
        severity: pair::C002.severity,
        message: format!(
            "有{}处数字与上年报告完全相同（{}{more}），请核对是否沿用了上年的数字。",
            figures.len(),
            listed.join("、")
        ),
        message_en: format!(
            "{} figure(s) are exactly last year's ({}): check that they were updated.",
            figures.len(),
            listed.join(", ")
        ),
        span: first.span,
        spans: figures.iter().map(|r| r.span).collect(),
        count: figures.len(),
        excerpt: checks::excerpt(text, first.span),
        fix: None,
    })
}
