//! Last year's plans traced into this year's measures and results.
//!
//! Each sentence of last year's plans part is a plan; its key terms are the genre's policy terms
//! and the report's keywords that stand in it, and the standard indicators its figures report.
//! A plan is `done` when most of its key terms (at least three in five) appear in this year's
//! report outside its own problems and plans parts, `partly` when some do, and `not_mentioned`
//! when none do. It is a reading aid: it says where to look, not whether the work was done.

use super::{body, flatten, outermost, reuse};
use crate::model::{Analysis, Part, PlanStatus, PlanTrace};
use crate::span::Span;

/// The share of a plan's key terms this year's report must use for it to count as done.
const DONE: f64 = 0.6;

/// Trace every plan of `old` into `new`.
pub fn trace(old_text: &str, old: &Analysis, new_text: &str, new: &Analysis) -> Vec<PlanTrace> {
    let old_flat = flatten(&old.sections);
    let plan_regions: Vec<Span> = outermost(&old_flat, Part::Plans)
        .iter()
        .map(|s| s.span)
        .collect();
    let searched = searched_regions(new_text, new);
    reuse::sentences(old_text, &plan_regions)
        .into_iter()
        .filter_map(|s| {
            let terms = key_terms(old, s.span);
            (!terms.is_empty()).then(|| follow(old_text, s.span, terms, new_text, new, &searched))
        })
        .collect()
}

/// The key terms of last year's sentence at `span`: (term, indicator id if it names one).
fn key_terms(old: &Analysis, span: Span) -> Vec<(String, Option<String>)> {
    let mut terms: Vec<(String, Option<String>)> = Vec::new();
    let mut add = |term: &str, id: Option<&str>| {
        if !terms.iter().any(|(t, _)| t == term) {
            terms.push((term.to_owned(), id.map(str::to_owned)));
        }
    };
    let inside = |spans: &[Span]| spans.iter().any(|s| span.contains(*s));
    for area in &old.policy_terms {
        for t in area.terms.iter().filter(|t| inside(&t.spans)) {
            add(&t.term, None);
        }
    }
    for k in old.keywords.iter().filter(|k| inside(&k.spans)) {
        add(&k.term, None);
    }
    for q in old.quantities.iter().filter(|q| span.contains(q.span)) {
        if let Some(id) = q.indicator.as_deref() {
            if let Some((name, _)) = crate::indicators::names(id) {
                add(name, Some(id));
            }
        }
    }
    // A term inside a longer one (执法 in 行政执法) adds nothing.
    let all: Vec<String> = terms.iter().map(|(t, _)| t.clone()).collect();
    terms.retain(|(t, _)| !all.iter().any(|o| o != t && o.contains(t.as_str())));
    terms
}

/// Where this year's report may take a plan up: its body outside the problems and plans parts.
fn searched_regions(text: &str, new: &Analysis) -> Vec<Span> {
    let whole = body(text, new);
    let flat = flatten(&new.sections);
    let mut cut: Vec<Span> = outermost(&flat, Part::Plans)
        .into_iter()
        .chain(outermost(&flat, Part::Problems))
        .map(|s| s.span)
        .collect();
    cut.sort();
    let mut out = Vec::new();
    let mut at = whole.start;
    for c in cut {
        if c.start > at {
            out.push(Span::new(at, c.start.min(whole.end)));
        }
        at = at.max(c.end);
    }
    if at < whole.end {
        out.push(Span::new(at, whole.end));
    }
    out.retain(|s| !s.is_empty());
    out
}

fn follow(
    old_text: &str,
    span: Span,
    terms: Vec<(String, Option<String>)>,
    new_text: &str,
    new: &Analysis,
    searched: &[Span],
) -> PlanTrace {
    let mut found = Vec::new();
    let mut evidence = Vec::new();
    for (term, id) in &terms {
        let at = match id {
            Some(id) => new
                .quantities
                .iter()
                .find(|q| {
                    q.indicator.as_deref() == Some(id)
                        && searched.iter().any(|s| s.contains(q.span))
                })
                .map(|q| q.span),
            None => searched.iter().find_map(|s| {
                let region = s.text(new_text)?;
                let i = region.find(term.as_str())?;
                Some(Span::new(i, i + term.len()).offset(s.start))
            }),
        };
        if let Some(at) = at {
            found.push(term.clone());
            evidence.push(at);
        }
    }
    let share = found.len() as f64 / terms.len() as f64;
    let status = if found.is_empty() {
        PlanStatus::NotMentioned
    } else if share >= DONE {
        PlanStatus::Done
    } else {
        PlanStatus::Partly
    };
    evidence.sort();
    PlanTrace {
        text: span.text(old_text).unwrap_or_default().to_owned(),
        span,
        terms: terms.into_iter().map(|(t, _)| t).collect(),
        found,
        status,
        evidence,
    }
}
