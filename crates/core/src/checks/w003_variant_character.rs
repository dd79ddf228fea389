//! W003: a variant or look-alike character. See [`META`].

use std::sync::LazyLock;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "W003",
    name: "VariantCharacter",
    title_zh: "异体字或形近字",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Variant, traditional and Japanese-form characters in simplified-Chinese text, almost always a slip
of the input method or a pasted source: `痩` for `瘦`, `戸` for `户`, `値` for `值`, `國` for `国`
(the list is `data/variants.tsv`). One finding per character, with every place. A text with many
different ones (six or more) is written in traditional characters throughout — a page from a
big5 gateway, say — and that is a choice of script, not a slip: it is left alone.
## Why it matters
《通用规范汉字表》 is the standard for official documents; a variant looks the same on screen but
breaks search, sorting and text-to-speech.
## Example
`为审批“痩身”` → `为审批“瘦身”`";

pub struct VariantCharacter;

/// (variant, standard) pairs from `data/variants.tsv`.
static VARIANTS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../../data/variants.tsv"))
        .filter_map(|cols| {
            let variant = cols.first()?.chars().next()?;
            let standard = cols.get(1)?.chars().next()?;
            Some((variant, standard))
        })
        .collect()
});

/// The variants sorted, each with its index in [`VARIANTS`], for one lookup per character.
static SORTED: LazyLock<Vec<(char, usize)>> = LazyLock::new(|| {
    let mut v: Vec<(char, usize)> = VARIANTS
        .iter()
        .enumerate()
        .map(|(k, &(c, _))| (c, k))
        .collect();
    v.sort_unstable();
    v
});

/// How many different variants make a text one written in traditional characters.
const WHOLE_SCRIPT: usize = 6;

impl Check for VariantCharacter {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // One pass over the text, collecting the places of each variant in list order.
        let mut places: Vec<Vec<Span>> = vec![Vec::new(); VARIANTS.len()];
        for (line_span, line) in doc.body() {
            for (i, c) in line.char_indices() {
                if let Ok(k) = SORTED
                    .binary_search_by_key(&c, |&(v, _)| v)
                    .map(|j| SORTED[j].1)
                {
                    places[k].push(Span::new(i, i + c.len_utf8()).offset(line_span.start));
                }
            }
        }
        if places.iter().filter(|p| !p.is_empty()).count() >= WHOLE_SCRIPT {
            return;
        }
        for (&(variant, standard), spans) in VARIANTS.iter().zip(places) {
            if spans.is_empty() {
                continue;
            }
            let fix = Fix::replace_all(
                format!("改为“{standard}”"),
                spans.iter().copied(),
                &standard.to_string(),
                Applicability::Review,
            );
            let mut f = doc.finding(
                &META,
                spans,
                format!("“{variant}”是“{standard}”的异体字或形近字，应为“{standard}”。"),
                format!("“{variant}” is a variant of “{standard}”."),
            );
            f.fix = Some(fix);
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn the_list_has_fifty_distinct_pairs() {
        let lines = crate::data::lines(include_str!("../../data/variants.tsv")).count();
        assert_eq!(super::VARIANTS.len(), lines);
        assert!(lines >= 50);
        let mut v: Vec<char> = super::VARIANTS.iter().map(|p| p.0).collect();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v.len(), lines, "each variant once");
        assert!(super::VARIANTS.iter().all(|(a, b)| a != b));
    }

    #[test]
    fn hits_and_near_misses() {
        assert_flags("W003", "为审批“痩身”。", "痩");
        assert_count("W003", "为审批“瘦身”。", 0);
        assert_count("W003", "新增市场主体2960戸。", 1);
        assert_count("W003", "新增市场主体2960户。", 0);
        assert_count("W003", "全囯推广。", 1);
        assert_count("W003", "全国推广。", 0);
        assert_count("W003", "痩身痩身。", 1);
        assert_count("W003", "调査研究，审査备案。", 1);
        assert_count("W003", "调查研究。", 0);
        assert_count("W003", "", 0);
        assert_count("W003", "司法部堅持以習近平新時代中國特色社會主義思想為指導，落實黨中央、國務院決策部署，全體幹部參加會議，實現新發展。", 0);
        assert_count("W003", "全囯推广，调査研究，审査备案，痩身。", 3);
        let f = findings("W003", "痩身又痩身。");
        assert_eq!(f[0].count, 2);
    }
}
