//! Every statistic and what is known of it: the `quantities`, `indicators` and `relations` of the
//! analysis.

use serde::{Deserialize, Serialize, Serializer};

use super::Area;
use crate::span::Span;

/// One statistic: an element of the `quantities` array.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Exactly as written, with qualifiers and unit: `近6000人次`.
    pub text: String,
    /// The normalised value: `2.2万` → 22000; a percentage as written (`23.29`).
    #[serde(serialize_with = "plain_number")]
    pub value: f64,
    /// The upper end of a range (`15%～30%` → 30).
    #[serde(
        serialize_with = "plain_option",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub high: Option<f64>,
    /// The unit or measure word, without multipliers: `件`, `元`, `%`, `个百分点`; `null` if none.
    pub unit: Option<String>,
    /// `余 多 近 约 以上 超过 达 不到 不足 左右 逾`, or `null`.
    pub qualifier: Option<String>,
    pub kind: Kind,
    pub span: Span,
    /// The phrase the number measures: `办理市人大代表建议和市政协委员提案`.
    pub about: String,
    /// The heading of the innermost section the quantity stands in.
    pub section: Option<String>,
    pub area: Option<Area>,
    /// The id of the standard indicator the quantity reports, if any.
    pub indicator: Option<String>,
}

/// What sort of figure a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    Money,
    Percent,
    /// A change: `同比增长17.45%`, `提高3个百分点`.
    Change,
    /// `2倍`, `三分之一`, `‰`.
    Ratio,
    Range,
    /// `人均`, `每万人`.
    PerCapita,
}

fn plain_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)]
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn plain_option<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => plain_number(v, s),
        None => s.serialize_none(),
    }
}

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

/// An element of the `indicators` array: the first figure the report gives for an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorValue {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub value: f64,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub span: Span,
    /// Where a rate lies above 100% (a count above what is plausible is not assigned at all).
    pub out_of_range: bool,
}
