//! The genre's policy terms (`data/domain_terms.tsv`): which ones a report uses, how often and
//! where, grouped by 纲要 area. Longest match wins, so `行政执法三项制度` counts as itself and not
//! also as `三项制度`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::clean::{Line, LineKind};
use crate::model::Area;
pub use crate::model::{AreaTerms, TermUse};
use crate::span::Span;

/// The term list: (term, area).
pub static TERMS: LazyLock<Vec<(&'static str, Area)>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../data/domain_terms.tsv"))
        .filter_map(|cols| {
            let [term, area] = cols[..] else {
                return None;
            };
            let area = Area::ALL.into_iter().find(|a| a.id() == area)?;
            Some((term, area))
        })
        .collect()
});

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(TERMS.iter().map(|(t, _)| *t))
        .expect("the term list builds an automaton")
});

/// The policy terms in the body lines, grouped by area in the order of [`Area::ALL`].
pub fn policy_terms(text: &str, lines: &[Line]) -> Vec<AreaTerms> {
    let mut uses: Vec<Vec<Span>> = vec![Vec::new(); TERMS.len()];
    for line in lines.iter().filter(|l| l.kind == LineKind::Body) {
        let Some(content) = line.span.text(text) else {
            continue;
        };
        for m in MATCHER.find_iter(content) {
            uses[m.pattern().as_usize()]
                .push(Span::new(m.start(), m.end()).offset(line.span.start));
        }
    }
    Area::ALL
        .into_iter()
        .filter_map(|area| {
            let mut terms: Vec<TermUse> = TERMS
                .iter()
                .zip(&uses)
                .filter(|((_, a), spans)| *a == area && !spans.is_empty())
                .map(|((t, _), spans)| TermUse {
                    term: (*t).to_owned(),
                    count: spans.len(),
                    spans: spans.clone(),
                })
                .collect();
            terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
            (!terms.is_empty()).then_some(AreaTerms { area, terms })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    #[test]
    fn the_list_parses_whole_with_three_hundred_distinct_terms() {
        let lines = crate::data::lines(include_str!("../data/domain_terms.tsv")).count();
        assert_eq!(TERMS.len(), lines, "every line names a known area");
        assert!(TERMS.len() >= 300);
        let mut terms: Vec<&str> = TERMS.iter().map(|(t, _)| *t).collect();
        terms.sort_unstable();
        terms.dedup();
        assert_eq!(terms.len(), TERMS.len(), "no term twice");
    }

    #[test]
    fn terms_are_counted_by_area_longest_first() {
        let text = "一、成效\n严格落实行政执法三项制度，推进一网通办。行政复议纠错率为10%。一网通办覆盖全市。";
        let found = policy_terms(text, &clean(text).lines);
        let functions = found
            .iter()
            .find(|a| a.area == Area::Functions)
            .expect("functions");
        assert_eq!(functions.terms[0].term, "一网通办");
        assert_eq!(functions.terms[0].count, 2);
        let enforcement = found
            .iter()
            .find(|a| a.area == Area::Enforcement)
            .expect("enforcement");
        assert!(enforcement
            .terms
            .iter()
            .any(|t| t.term == "行政执法三项制度"));
        assert!(
            !enforcement.terms.iter().any(|t| t.term == "三项制度"),
            "the longer term wins"
        );
        let span = functions.terms[0].spans[0];
        assert_eq!(span.text(text), Some("一网通办"));
    }
}
