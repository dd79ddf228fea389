//! What the checks found: the `findings` of the analysis, and of a comparison.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const fn name_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    pub const fn name_en(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        }
    }
}

/// One edit of a fix: replace `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    /// Replace `span` with `replacement`.
    pub fn new(span: Span, replacement: impl Into<String>) -> Edit {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }
}

/// Whether a fix may be applied together with the others, unseen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Mechanical and certain (a half-width comma made full-width): "apply all" may apply it.
    Safe,
    /// Right in most texts, but a reader must look (a doubled word may be a fixed formulation):
    /// shown with its finding, never applied in bulk. The default for a fix read without one.
    #[default]
    Review,
}

impl Applicability {
    pub const fn name_zh(self) -> &'static str {
        match self {
            Applicability::Safe => "可直接应用",
            Applicability::Review => "需人工确认",
        }
    }

    pub const fn name_en(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Review => "review",
        }
    }
}

/// A fix the user can apply in one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub label: String,
    pub edits: Vec<Edit>,
    #[serde(default)]
    pub applicability: Applicability,
}

impl Fix {
    /// A fix of `edits`.
    pub fn new(label: impl Into<String>, edits: Vec<Edit>, applicability: Applicability) -> Fix {
        Fix {
            label: label.into(),
            edits,
            applicability,
        }
    }

    /// A fix of one edit: replace `span` with `with` (`""` deletes it).
    pub fn replace(
        label: impl Into<String>,
        span: Span,
        with: impl Into<String>,
        applicability: Applicability,
    ) -> Fix {
        Fix::new(label, vec![Edit::new(span, with)], applicability)
    }

    /// A fix that replaces every one of `spans` with `with`.
    pub fn replace_all(
        label: impl Into<String>,
        spans: impl IntoIterator<Item = Span>,
        with: &str,
        applicability: Applicability,
    ) -> Fix {
        let edits = spans
            .into_iter()
            .map(|span| Edit::new(span, with))
            .collect();
        Fix::new(label, edits, applicability)
    }
}

/// Every code a finding may carry: the checks of one report in the order of the registry
/// (`checks::ALL`), then the checks of a pair (`checks::pair::PAIR_METAS`). It is part of the
/// contract: a finding read back with another code is refused. A test in `checks` holds this
/// list to the registry.
pub static CODES: &[&str] = &[
    "A001", "A002", "A003", "A004", "A005", "A006", "A007", "D001", "D002", "D003", "D004", "D005",
    "F001", "F002", "F003", "F004", "K001", "K002", "K003", "K004", "K005", "K006", "N001", "N002",
    "N003", "N004", "N005", "P001", "P002", "P003", "P004", "P005", "P006", "P007", "P008", "P009",
    "P010", "P011", "P012", "P013", "S001", "S002", "S003", "S004", "S005", "W001", "W002", "W003",
    "W004", "W005", "W007", "C001", "C002",
];

/// An element of the `findings` array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub message_en: String,
    /// The first (or only) place.
    pub span: Span,
    /// Every place: each occurrence of a repeated problem, or the figures an arithmetic finding
    /// compares.
    pub spans: Vec<Span>,
    /// How many times the problem occurs.
    pub count: usize,
    /// The text around the first place.
    pub excerpt: String,
    pub fix: Option<Fix>,
}

/// A finding as JSON carries its code as a string; reading it back maps the code to its
/// `&'static str` in [`CODES`], and an unknown code is an error.
#[derive(Deserialize)]
struct FindingWire {
    code: String,
    severity: Severity,
    message: String,
    message_en: String,
    span: Span,
    spans: Vec<Span>,
    count: usize,
    excerpt: String,
    fix: Option<Fix>,
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Finding::try_from(FindingWire::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<FindingWire> for Finding {
    type Error = String;

    fn try_from(w: FindingWire) -> Result<Self, String> {
        let code = CODES
            .iter()
            .copied()
            .find(|c| c.eq_ignore_ascii_case(&w.code))
            .ok_or_else(|| format!("unknown check code {}", w.code))?;
        Ok(Finding {
            code,
            severity: w.severity,
            message: w.message,
            message_en: w.message_en,
            span: w.span,
            spans: w.spans,
            count: w.count,
            excerpt: w.excerpt,
            fix: w.fix,
        })
    }
}
