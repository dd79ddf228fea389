//! This year's report against last year's: the `comparison` object, and the indicator series of
//! several years.

use serde::{Deserialize, Serialize};

use super::{Finding, Part};
use crate::span::Span;

/// One of the two reports compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// The file name (or the draft's name).
    pub name: String,
    pub title: Option<String>,
    /// The region or, failing that, the issuer: what says two reports are of one unit.
    pub unit: Option<String>,
    pub year: Option<i32>,
}

/// How much of this year's report stands in last year's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    /// Reused share of the compared text (Han characters of reused sentences over all), 0 to 1.
    pub share: f64,
    /// Sentences compared (those with at least ten Han characters).
    pub sentences: usize,
    pub reused: usize,
    /// Each reused sentence: where it stands this year and last year.
    pub pairs: Vec<ReusedSentence>,
}

/// A sentence of this year's report found in last year's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReusedSentence {
    /// In this year's text.
    pub span: Span,
    /// The closest sentence in last year's text.
    pub old_span: Span,
    /// The share of the sentence's wording found in last year's report, 0.8 to 1.
    pub similarity: f64,
}

/// Reuse within one section of this year's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionReuse {
    pub heading: String,
    pub level: u8,
    pub part: Option<Part>,
    pub span: Span,
    pub share: f64,
    pub sentences: usize,
    pub reused: usize,
}

/// The problems part (存在的不足和原因) compared on its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProblemsReuse {
    /// The headings of this year's problems sections.
    pub headings: Vec<String>,
    pub share: f64,
    pub sentences: usize,
    pub reused: usize,
    /// Whether most of it repeats last year's (a `C001` finding).
    pub repeated: bool,
}

/// The `comparison` object: this year's report (`new`) against last year's (`old`). Spans of
/// `new` point into this year's text, `old_span`s into last year's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub old: Side,
    pub new: Side,
    /// Whether the two name the same unit (an unrelated pair is still compared, but says so).
    pub same_unit: bool,
    pub reuse: Reuse,
    /// Every section of this year's report, in document order.
    pub sections: Vec<SectionReuse>,
    /// `null` when this year's report has no problems part.
    pub problems: Option<ProblemsReuse>,
    /// Indicators either report gives, in this year's order and then last year's.
    pub indicators: Vec<IndicatorChange>,
    /// Last year's plans, each traced into this year's measures and results.
    pub plans: Vec<PlanTrace>,
    pub repeated_figures: Vec<RepeatedFigure>,
    /// Findings of the pair checks (`C001`, `C002`), in this year's text.
    pub findings: Vec<Finding>,
}

/// Which way an indicator moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    Same,
    /// Given this year only.
    New,
    /// Given last year only.
    Gone,
    /// Given both years in different units of measure.
    Incomparable,
}

impl Direction {
    pub const fn name_zh(self) -> &'static str {
        match self {
            Direction::Up => "上升",
            Direction::Down => "下降",
            Direction::Same => "持平",
            Direction::New => "本年新增",
            Direction::Gone => "本年未报",
            Direction::Incomparable => "单位不同",
        }
    }

    pub const fn name_en(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "unchanged",
            Direction::New => "new this year",
            Direction::Gone => "not given this year",
            Direction::Incomparable => "different units",
        }
    }
}

/// A standard indicator in both years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorChange {
    pub id: String,
    pub name: String,
    pub name_en: String,
    /// This year's unit of measure, else last year's.
    pub measure: Option<String>,
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// `new - old` (percentage points for a rate).
    pub change: Option<f64>,
    /// The change as a percentage of last year's figure (not given for rates or a zero base).
    pub change_percent: Option<f64>,
    pub direction: Direction,
    pub old_span: Option<Span>,
    pub new_span: Option<Span>,
}

/// A figure of this year's report that is exactly last year's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepeatedFigure {
    /// As written this year.
    pub text: String,
    pub about: String,
    pub span: Span,
    pub old_span: Span,
    /// The standard indicator it reports, if any.
    pub indicator: Option<String>,
}

/// What this year's report says of one of last year's plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Done,
    Partly,
    NotMentioned,
}

impl PlanStatus {
    pub const fn name_zh(self) -> &'static str {
        match self {
            PlanStatus::Done => "已有落实情况",
            PlanStatus::Partly => "部分提及",
            PlanStatus::NotMentioned => "未提及",
        }
    }

    pub const fn name_en(self) -> &'static str {
        match self {
            PlanStatus::Done => "reported",
            PlanStatus::Partly => "partly mentioned",
            PlanStatus::NotMentioned => "not mentioned",
        }
    }
}

/// One of last year's plans and where this year's report takes it up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanTrace {
    /// The plan as written last year.
    pub text: String,
    /// Where it stands in last year's text.
    pub span: Span,
    /// Its key terms (indicators by their names).
    pub terms: Vec<String>,
    /// The key terms this year's report uses.
    pub found: Vec<String>,
    pub status: PlanStatus,
    /// Where this year's report uses them (the first use of each).
    pub evidence: Vec<Span>,
}

/// One indicator of one unit over several years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub unit: String,
    pub indicator: String,
    pub name: String,
    pub name_en: String,
    /// The figure's unit (`件`, `%`).
    pub measure: Option<String>,
    /// (year, value), years ascending.
    pub points: Vec<(i32, f64)>,
}
