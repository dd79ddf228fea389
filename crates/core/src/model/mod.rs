//! The model: the JSON contract of `docs/json-format.md`, as plain data.
//!
//! Every type the analysis gives out is defined here — the [`Analysis`] of one report and the
//! [`Comparison`] of two — with its serde form and small accessors, and nothing else: no stage's
//! logic, no stage's internals. The stages import their output types from here and the model
//! imports no stage (`crates/core/tests/stages.rs` holds it to that), so a stage never has to
//! reach into another to name what it returns.
//!
//! - `source.rs`: where the text came from ([`Source`], [`Format`]);
//! - `metadata.rs`: what the report says about itself ([`Metadata`], [`Level`], [`Frame`],
//!   [`Genre`]);
//! - `sections.rs`: the section tree and the required parts ([`Section`], [`Enumeration`],
//!   [`MarkerStyle`], [`Part`], [`Parts`], [`Area`]);
//! - `quantities.rs`: statistics, indicators and relations ([`Quantity`], [`Kind`],
//!   [`IndicatorValue`], [`Relation`], [`RelationKind`]);
//! - `words.rs`: keywords and policy terms ([`Keyword`], [`TermCount`], [`TermUse`],
//!   [`AreaTerms`]);
//! - `findings.rs`: what the checks found ([`Finding`], [`Severity`], [`Fix`], [`Edit`],
//!   [`Applicability`], and [`CODES`], every code a finding may carry);
//! - `comparison.rs`: two years of one unit ([`Comparison`] and its parts, [`Series`]).

mod comparison;
mod findings;
mod metadata;
mod quantities;
mod sections;
mod source;
mod words;

use serde::{Deserialize, Serialize};

pub use comparison::{
    Comparison, Direction, IndicatorChange, PlanStatus, PlanTrace, ProblemsReuse, RepeatedFigure,
    Reuse, ReusedSentence, SectionReuse, Series, Side,
};
pub use findings::{Applicability, Edit, Finding, Fix, Severity, CODES};
pub use metadata::{Frame, Genre, Level, Metadata};
pub use quantities::{IndicatorValue, Kind, Quantity, Relation, RelationKind};
pub use sections::{Area, Enumeration, MarkerStyle, Part, Parts, Section};
pub use source::{Format, Source};
pub use words::{AreaTerms, Keyword, TermCount, TermUse};

/// The version of the JSON format described in `docs/json-format.md`.
pub const SCHEMA_VERSION: u32 = 1;

/// The result of analysing one report: the JSON document of `docs/json-format.md`. It reads back
/// from that JSON too (a web worker sends it to the page that way).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Analysis {
    pub schema_version: u32,
    pub source: Source,
    pub metadata: Metadata,
    /// What kind of document it is; the part checks follow it.
    pub genre: Genre,
    /// Where the title, recipient and signature stand.
    pub frame: Frame,
    pub sections: Vec<Section>,
    pub parts: Parts,
    pub quantities: Vec<Quantity>,
    pub indicators: Vec<IndicatorValue>,
    /// Rates with their counts and totals with their parts (indices into `quantities`).
    pub relations: Vec<Relation>,
    pub findings: Vec<Finding>,
    /// The genre's policy terms the report uses, grouped by 纲要 area.
    pub policy_terms: Vec<AreaTerms>,
    /// What the report is about, heaviest first.
    pub keywords: Vec<Keyword>,
}

impl Analysis {
    /// The analysis of nothing yet: what a page shows while the real one is being made.
    pub fn empty(name: &str) -> Self {
        Analysis {
            schema_version: SCHEMA_VERSION,
            source: Source {
                name: name.to_owned(),
                format: Format::Text,
                encoding: "UTF-8".to_owned(),
            },
            metadata: Metadata::default(),
            genre: Genre::Unknown,
            frame: Frame::default(),
            sections: Vec::new(),
            parts: Parts::default(),
            quantities: Vec::new(),
            indicators: Vec::new(),
            relations: Vec::new(),
            findings: Vec::new(),
            policy_terms: Vec::new(),
            keywords: Vec::new(),
        }
    }

    /// Sections of the tree in document order.
    pub fn all_sections(&self) -> Vec<&Section> {
        let mut out = Vec::new();
        Section::walk(&self.sections, &mut out);
        out
    }
}
