//! The indicator catalog (`data/indicators.tsv`) and the matching of quantities against it.
//!
//! An indicator is matched when the phrase a quantity measures names it (`纠错率`), its sentence
//! names the domain (`复议`) where the phrase alone is ambiguous (`审结219件`), and the unit fits
//! (a rate needs `%`). The catalog is data: adding an indicator is one line.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::quantity::{Kind, Quantity};
use crate::span::Span;

/// What unit an indicator's figure has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitClass {
    Percent,
    Count,
    Money,
    Any,
}

/// One entry of the catalog.
#[derive(Debug)]
pub struct Indicator {
    pub id: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    about: Regex,
    context: Option<Regex>,
    pub unit: UnitClass,
    /// The measure words a count may be written with (empty: any).
    pub units: Vec<&'static str>,
    pub min: f64,
    pub max: Option<f64>,
}

impl Indicator {
    fn fits(&self, q: &Quantity) -> bool {
        let unit_ok =
            self.units.is_empty() || q.unit.as_deref().is_some_and(|u| self.units.contains(&u));
        unit_ok
            && match self.unit {
                UnitClass::Percent => {
                    q.unit.as_deref() == Some("%") && matches!(q.kind, Kind::Percent)
                }
                UnitClass::Count => {
                    matches!(q.kind, Kind::Count)
                        && !matches!(q.unit.as_deref(), Some("%" | "元" | "倍" | "‰"))
                }
                UnitClass::Money => q.kind == Kind::Money,
                UnitClass::Any => true,
            }
    }
}

/// The catalog, parsed once from `data/indicators.tsv`.
/// The Chinese and English names of the indicator `id`, read without building the catalog's
/// patterns (for a page that only shows results).
pub fn names(id: &str) -> Option<(&'static str, &'static str)> {
    NAMES
        .iter()
        .find(|(i, _, _)| *i == id)
        .map(|&(_, zh, en)| (zh, en))
}

/// (id, Chinese name, English name) of every indicator of the catalog file.
static NAMES: LazyLock<Vec<(&'static str, &'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("../data/indicators.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            Some((cols.next()?, cols.next()?, cols.next()?))
        })
        .collect()
});

pub static CATALOG: LazyLock<Vec<Indicator>> = LazyLock::new(|| {
    include_str!("../data/indicators.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let [id, name, name_en, about, context, unit, units, min, max] = cols[..] else {
                return None;
            };
            Some(Indicator {
                id,
                name,
                name_en,
                about: Regex::new(about).ok()?,
                context: (context != "-").then(|| Regex::new(context).ok()).flatten(),
                unit: match unit {
                    "percent" => UnitClass::Percent,
                    "count" => UnitClass::Count,
                    "money" => UnitClass::Money,
                    _ => UnitClass::Any,
                },
                units: if units == "-" {
                    Vec::new()
                } else {
                    units.split(' ').collect()
                },
                min: min.parse().ok()?,
                max: max.parse().ok(),
            })
        })
        .collect()
});

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
    /// Where the value lies outside the indicator's valid range (a rate over 100%).
    pub out_of_range: bool,
}

/// The sentence up to a quantity, at most 60 characters back.
fn context(text: &str, span: Span) -> &str {
    let before = text.get(..span.end).unwrap_or_default();
    let head = before.get(..span.start).unwrap_or_default();
    let start = head.rfind(['。', '；', '\n']).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let start = before[start..]
        .char_indices()
        .rev()
        .nth(60)
        .map_or(start, |(i, _)| start + i);
    before.get(start..).unwrap_or_default()
}

/// Give each quantity the id of the indicator it reports.
pub fn assign(quantities: &mut [Quantity], text: &str) {
    for q in quantities.iter_mut() {
        let ctx = context(text, q.span);
        q.indicator = CATALOG
            .iter()
            .find(|ind| {
                ind.fits(q)
                    && ind.about.is_match(&q.about)
                    && ind.context.as_ref().is_none_or(|c| c.is_match(ctx))
            })
            .map(|ind| ind.id.to_owned());
    }
}

/// The `indicators` array: one value per indicator, the first the report gives.
pub fn values(quantities: &[Quantity]) -> Vec<IndicatorValue> {
    let mut out: Vec<IndicatorValue> = Vec::new();
    for q in quantities {
        let Some(id) = q.indicator.as_deref() else {
            continue;
        };
        if out.iter().any(|v| v.id == id) {
            continue;
        }
        let Some(ind) = CATALOG.iter().find(|i| i.id == id) else {
            continue;
        };
        out.push(IndicatorValue {
            id: id.to_owned(),
            name: ind.name.to_owned(),
            name_en: ind.name_en.to_owned(),
            value: q.value,
            unit: q.unit.clone(),
            qualifier: q.qualifier.clone(),
            span: q.span,
            out_of_range: q.value < ind.min || ind.max.is_some_and(|m| q.value > m),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_agree_with_the_catalog() {
        for i in CATALOG.iter() {
            assert_eq!(names(i.id), Some((i.name, i.name_en)));
        }
        assert_eq!(names("no_such_indicator"), None);
    }

    #[test]
    fn the_catalog_parses_whole() {
        let lines = include_str!("../data/indicators.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(CATALOG.len(), lines, "every catalog line parses");
        assert!(CATALOG.len() >= 40);
        let mut ids: Vec<&str> = CATALOG.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CATALOG.len(), "ids are unique");
        assert!(CATALOG
            .iter()
            .filter(|i| i.unit == UnitClass::Percent)
            .all(|i| i.max == Some(100.0)));
    }
}
