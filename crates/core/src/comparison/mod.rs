//! This year's report against last year's, for one unit: the `comparison` object of
//! `docs/json-format.md`.
//!
//! [`compare`] reads two finished analyses with their texts (nothing else: it runs as well on a
//! page that received the analyses as JSON) and gives what a reviewing office looks for when it
//! lays the two side by side:
//! - **reuse**: which sentences of this year's stand in last year's ([`reuse`]), the share of the
//!   whole and of each section;
//! - **the problems part** on its own, with a [`C001`](crate::checks::pair::C001) finding when
//!   most of it repeats (问题年年写);
//! - **indicators** side by side with their change and direction;
//! - **last year's plans** traced into this year's measures and results ([`plans`]);
//! - **figures that repeat** where the year's work should have changed them
//!   ([`C002`](crate::checks::pair::C002)).
//!
//! [`pair`] finds, among loaded reports, the other year of the same unit; [`series`] lays several
//! years of one unit out as time series of their indicators.

mod figures;
mod plans;
pub mod reuse;

use crate::checks::{self, pair};
use crate::model::{Analysis, Finding, Part, Section};
pub use crate::model::{
    Comparison, Direction, IndicatorChange, PlanStatus, PlanTrace, ProblemsReuse, RepeatedFigure,
    Reuse, ReusedSentence, SectionReuse, Series, Side,
};
use crate::span::Span;

/// The share of the problems part that must repeat for [`pair::C001`].
pub const PROBLEMS_REPEATED: f64 = 0.5;

/// Compare this year's report (`new`) with last year's (`old`).
pub fn compare(old_text: &str, old: &Analysis, new_text: &str, new: &Analysis) -> Comparison {
    let old_sentences = reuse::sentences(old_text, &[body(old_text, old)]);
    let new_sentences = reuse::sentences(new_text, &[body(new_text, new)]);
    let index = reuse::Index::new(&old_sentences);
    let matched = Matched(new_sentences.iter().map(|s| (s, index.find(s))).collect());
    let (share, sentences, reused) = matched.tally(&[Span::new(0, new_text.len())]);
    let pairs = matched.pairs();
    let flat = flatten(&new.sections);
    let problem_sections = outermost(&flat, Part::Problems);
    let problems = matched.problems(&problem_sections);
    let mut findings = Vec::new();
    if let Some(p) = problems.as_ref().filter(|p| p.repeated) {
        findings.push(repeated_problems(new_text, p, &problem_sections, &pairs));
    }
    let repeated_figures = figures::repeated(old, new, &pairs);
    findings.extend(figures::finding(new_text, &repeated_figures));
    let (old_side, new_side) = (side(old), side(new));
    Comparison {
        same_unit: old_side.unit.is_some() && old_side.unit == new_side.unit,
        old: old_side,
        new: new_side,
        reuse: Reuse {
            share,
            sentences,
            reused,
            pairs,
        },
        sections: flat.iter().map(|s| matched.section(s)).collect(),
        problems,
        indicators: figures::indicator_changes(old, new),
        plans: plans::trace(old_text, old, new_text, new),
        repeated_figures,
        findings,
    }
}

/// This year's sentences, each with where it stands in last year's report, if it does.
struct Matched<'a>(Vec<(&'a reuse::Sentence, Option<reuse::Match>)>);

impl Matched<'_> {
    /// (reused share of the Han characters, sentences, reused sentences) within `within`.
    fn tally(&self, within: &[Span]) -> (f64, usize, usize) {
        let inside: Vec<_> = self
            .0
            .iter()
            .filter(|(s, _)| within.iter().any(|w| w.contains(s.span)))
            .collect();
        let all: usize = inside.iter().map(|(s, _)| s.han).sum();
        let reused: Vec<_> = inside.iter().filter(|(_, m)| m.is_some()).collect();
        let reused_han: usize = reused.iter().map(|(s, _)| s.han).sum();
        let share = if all == 0 {
            0.0
        } else {
            reused_han as f64 / all as f64
        };
        (share, inside.len(), reused.len())
    }

    /// Every reused sentence with its counterpart.
    fn pairs(&self) -> Vec<ReusedSentence> {
        self.0
            .iter()
            .filter_map(|(s, m)| {
                m.map(|m| ReusedSentence {
                    span: s.span,
                    old_span: m.old,
                    similarity: m.similarity,
                })
            })
            .collect()
    }

    fn section(&self, s: &Section) -> SectionReuse {
        let (share, sentences, reused) = self.tally(&[s.span]);
        SectionReuse {
            heading: s.heading.clone(),
            level: s.level,
            part: s.part,
            span: s.span,
            share,
            sentences,
            reused,
        }
    }

    /// The problems part on its own; `None` when the report has none.
    fn problems(&self, sections: &[&Section]) -> Option<ProblemsReuse> {
        if sections.is_empty() {
            return None;
        }
        let spans: Vec<Span> = sections.iter().map(|s| s.span).collect();
        let (share, sentences, reused) = self.tally(&spans);
        Some(ProblemsReuse {
            headings: sections.iter().map(|s| s.heading.clone()).collect(),
            share,
            sentences,
            reused,
            repeated: sentences >= 2 && share >= PROBLEMS_REPEATED,
        })
    }
}

/// The C001 finding: at the problems part's heading, with every repeated sentence.
fn repeated_problems(
    text: &str,
    p: &ProblemsReuse,
    sections: &[&Section],
    pairs: &[ReusedSentence],
) -> Finding {
    let spans: Vec<Span> = sections
        .iter()
        .map(|s| s.heading_span)
        .chain(
            pairs
                .iter()
                .filter(|r| sections.iter().any(|s| s.span.contains(r.span)))
                .map(|r| r.span),
        )
        .collect();
    let percent = (p.share * 100.0).round();
    let span = spans.first().copied().unwrap_or_default();
    Finding {
        code: pair::C001.code,
        severity: pair::C001.severity,
        message: format!(
            "“存在的不足和原因”部分有{percent}%的文字与上年报告相同（{}句中{}句）：督察所指“问题年年写”，年度报告应写明上一年度存在的不足和原因（《法治政府建设与责任落实督察工作规定》，2019年4月施行）。",
            p.sentences, p.reused
        ),
        message_en: format!(
            "{percent}% of the shortcomings part repeats last year's report ({} of {} sentences): a report must give the year's shortcomings and their causes (Regulation on supervising rule-of-law government construction, in force April 2019).",
            p.reused, p.sentences
        ),
        span,
        count: 1,
        spans,
        excerpt: checks::excerpt(text, span),
        fix: None,
    }
}

fn side(a: &Analysis) -> Side {
    Side {
        name: a.source.name.clone(),
        title: a.metadata.title.clone(),
        unit: unit_of(a),
        year: a.metadata.report_year,
    }
}

/// What says two reports are of one unit: the region, else the issuer.
fn unit_of(a: &Analysis) -> Option<String> {
    a.metadata
        .region
        .clone()
        .or_else(|| a.metadata.issuer.clone())
        .filter(|u| !u.is_empty())
}

/// The report's body: after the title, 文号 and recipient, before the signature.
fn body(text: &str, a: &Analysis) -> Span {
    let start = a
        .frame
        .title
        .iter()
        .chain(&a.frame.doc_number)
        .chain(&a.frame.recipient)
        .map(|s| s.end)
        .max()
        .unwrap_or(0)
        .min(text.len());
    let end = a
        .frame
        .signature
        .map(|s| s.start)
        .filter(|&e| e > start && e <= text.len())
        .unwrap_or(text.len());
    Span::new(start, end)
}

/// Every section in document order.
fn flatten(sections: &[Section]) -> Vec<&Section> {
    let mut out = Vec::new();
    Section::walk(sections, &mut out);
    out
}

/// The sections of `part` that no other section of `part` contains.
fn outermost<'a>(flat: &[&'a Section], part: Part) -> Vec<&'a Section> {
    let of: Vec<&Section> = flat
        .iter()
        .copied()
        .filter(|s| s.part == Some(part))
        .collect();
    of.iter()
        .copied()
        .filter(|s| {
            !of.iter()
                .any(|o| o.span != s.span && o.span.contains(s.span))
        })
        .collect()
}

/// Among `reports`, the other year of the unit of `reports[selected]`: `(old, new)` indices, the
/// nearest year, last year before next year. `None` when no other loaded report is of the unit
/// with a different year.
pub fn pair(reports: &[&Analysis], selected: usize) -> Option<(usize, usize)> {
    let me = reports.get(selected)?;
    let unit = unit_of(me)?;
    let year = me.metadata.report_year?;
    let other = reports
        .iter()
        .enumerate()
        .filter(|&(i, r)| i != selected && unit_of(r).as_deref() == Some(unit.as_str()))
        .filter_map(|(i, r)| Some((i, r.metadata.report_year?)))
        .filter(|&(_, y)| y != year)
        .min_by_key(|&(_, y)| ((y - year).abs(), y > year))?;
    Some(if other.1 < year {
        (other.0, selected)
    } else {
        (selected, other.0)
    })
}

/// The indicators of every unit with reports of two or more years, one series per indicator
/// given in at least two of those years (the first report of a year counts; a figure in another
/// unit of measure than the latest year's is left out).
pub fn series(reports: &[&Analysis]) -> Vec<Series> {
    let mut units: Vec<String> = Vec::new();
    for r in reports {
        if let Some(u) = unit_of(r) {
            if !units.contains(&u) {
                units.push(u);
            }
        }
    }
    let mut out = Vec::new();
    for unit in units {
        let mut years: Vec<(i32, &Analysis)> = Vec::new();
        for r in reports {
            let Some(y) = r.metadata.report_year else {
                continue;
            };
            if unit_of(r).as_deref() == Some(unit.as_str()) && !years.iter().any(|(x, _)| *x == y) {
                years.push((y, r));
            }
        }
        if years.len() < 2 {
            continue;
        }
        years.sort_by_key(|(y, _)| *y);
        let mut ids: Vec<&str> = Vec::new();
        for (_, r) in years.iter().rev() {
            for i in &r.indicators {
                if !ids.contains(&i.id.as_str()) {
                    ids.push(&i.id);
                }
            }
        }
        for id in ids {
            let values: Vec<(i32, &crate::model::IndicatorValue)> = years
                .iter()
                .filter_map(|(y, r)| Some((*y, r.indicators.iter().find(|i| i.id == id)?)))
                .collect();
            let Some(&(_, latest)) = values.last() else {
                continue;
            };
            let points: Vec<(i32, f64)> = values
                .iter()
                .filter(|(_, v)| v.unit == latest.unit)
                .map(|(y, v)| (*y, v.value))
                .collect();
            if points.len() >= 2 {
                out.push(Series {
                    unit: unit.clone(),
                    indicator: id.to_owned(),
                    name: latest.name.clone(),
                    name_en: latest.name_en.clone(),
                    measure: latest.unit.clone(),
                    points,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
