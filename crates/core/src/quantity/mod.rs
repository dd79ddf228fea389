//! Quantities: every statistic in the report, read exactly, with what it measures.
//!
//! A quantity is a number with what surrounds it: an optional qualifier before it (`近`, `约`,
//! `超过`, `达到`), a sign (`负`, `-`, `−`), the number as `numerals::read_number` reads it
//! (Arabic with decimals and grouping commas, full-width digits, Chinese numerals with `点`
//! decimals, mixed forms such as `12万8千`, `百分之三十`, `三分之一`, `2/3`), a multiplier (`万`,
//! `亿`, `万亿`), `余`/`多`/`几`, the unit or measure word (`成` read as tenths, `三成` → 30%), and a
//! qualifier after it (`以上`). docs/json-format.md lists the forms and the ambiguous cases. Values are normalised (`2.2万余件` →
//! 22000 件, `9.87亿元` → 987000000 元); `text` is exactly what was written.
//!
//! What is not a statistic is left alone: years and dates, ordinals (`第14次`), numbers inside
//! quotation and title marks (`“三项制度”`, `《…十项重点任务》`), names with Chinese numerals
//! (`三项制度`, `二期`), meetings (`八次全会`), codes, phone numbers, and everything outside the
//! report's body (portal chrome, the title, the signature).
//!
//! Scanning is one left-to-right pass per line with bounded look-around, so the time is linear in
//! the text whatever its numbers look like.

//!
//! The scanner is in `scan.rs` (where numbers start, ranges) and `figure.rs` (a number and what
//! follows it); `tail.rs` reads what follows a number, `context.rs` what stands around it, and
//! `words.rs` holds the words as data (`data/quantity_words.tsv`).

mod context;
mod figure;
mod relations;
mod scan;
mod tail;
mod words;

pub use relations::{hull, parts_of, relations, Relation, RelationKind};

use serde::{Deserialize, Serialize, Serializer};

use crate::clean::{Line, LineKind};
use crate::parts::Area;
use crate::span::Span;
use crate::structure::{parse_marker, Section};

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

/// Extract the quantities of the body lines.
pub fn extract(text: &str, lines: &[Line], sections: &[Section]) -> Vec<Quantity> {
    let mut flat = Vec::new();
    Section::walk(sections, &mut flat);
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| l.kind == LineKind::Body) {
        let Some(content) = line.span.text(text) else {
            continue;
        };
        let skip = parse_marker(content).map_or(0, |m| m.len);
        scan::scan_line(content, skip, line.span.start, &mut out);
    }
    for q in &mut out {
        // `flat` is in document order, so only the sections starting before the quantity can
        // hold it, and the nearest of them usually does: scanning all sections for every
        // quantity made long reports quadratic.
        let candidates = &flat[..flat.partition_point(|s| s.span.start <= q.span.start)];
        let innermost = candidates
            .iter()
            .rev()
            .find(|s| s.number.is_some() && s.span.contains(q.span))
            .or_else(|| candidates.iter().find(|s| s.span.contains(q.span)));
        if let Some(s) = innermost {
            q.section = (!s.heading.is_empty()).then(|| s.heading.clone());
            q.area = s.area;
        }
    }
    out
}

#[cfg(test)]
mod number_cases;
#[cfg(test)]
mod tests;
