//! What the report is about: its `keywords`, its `policy_terms` and each section's terms.

use serde::{Deserialize, Serialize};

use super::Area;
use crate::span::Span;

/// One keyword of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub term: String,
    /// count × IDF, scaled so the first keyword weighs 1.
    pub weight: f64,
    pub count: usize,
    /// Whether the term is one of the genre's policy terms.
    pub policy_term: bool,
    pub spans: Vec<Span>,
}

/// How often a section uses a term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermCount {
    pub term: String,
    pub count: usize,
}

/// One term a report uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermUse {
    pub term: String,
    pub count: usize,
    pub spans: Vec<Span>,
}

/// The terms of one area that a report uses, most used first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaTerms {
    pub area: Area,
    pub terms: Vec<TermUse>,
}
