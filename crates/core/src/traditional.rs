//! Pages in traditional script, read as if simplified.
//!
//! Portals' big5 gateways convert a whole page to traditional characters, labels included
//! (`來源`, `字號`, `…年度報告`). The readers of the page chrome and the metadata match simplified
//! words, so they read [`simplified`]: the same text with each traditional character of
//! `data/traditional.tsv` replaced by its simplified one. Every replacement keeps the byte length,
//! so an offset in the simplified text is the same offset in the original, and what the analysis
//! reports is still taken from what the user gave.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Traditional → simplified, from `data/traditional.tsv`; rows that would change a byte length
/// are left out so that offsets stay shared.
static TABLE: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../data/traditional.tsv"))
        .filter_map(|row| {
            let mut from = row.first()?.chars();
            let mut to = row.get(1)?.chars();
            let (f, t) = (from.next()?, to.next()?);
            let single = from.next().is_none() && to.next().is_none();
            (single && f.len_utf8() == t.len_utf8()).then_some((f, t))
        })
        .collect()
});

/// `text` with its traditional characters made simplified, byte for byte the same length.
/// Borrowed when nothing changes.
pub fn simplified(text: &str) -> Cow<'_, str> {
    let table = &*TABLE;
    let Some(first) = text.char_indices().find(|(_, c)| table.contains_key(c)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first.0]);
    out.extend(
        text[first.0..]
            .chars()
            .map(|c| *table.get(&c).unwrap_or(&c)),
    );
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_one_character_for_one_of_the_same_length() {
        for row in crate::data::rows(include_str!("../data/traditional.tsv")) {
            assert_eq!(row.len(), 2, "{row:?}");
            let (from, to) = (row[0], row[1]);
            assert_eq!(from.chars().count(), 1, "{from}");
            assert_eq!(to.chars().count(), 1, "{to}");
            assert_eq!(from.len(), to.len(), "{from} → {to}");
            assert_ne!(from, to);
            assert!(
                !TABLE.contains_key(&to.chars().next().unwrap_or_default()),
                "{to} is itself replaced"
            );
        }
    }

    #[test]
    fn traditional_labels_and_titles_read_simplified_at_the_same_offsets() {
        let page = "來源: 司法部網站 字號: 默認\n某部2020年法治政府建設年度報告";
        let simple = simplified(page);
        assert_eq!(
            simple,
            "来源: 司法部网站 字号: 默认\n某部2020年法治政府建设年度报告"
        );
        assert_eq!(simple.len(), page.len());
        let at = simple.find("年度报告").unwrap_or_default();
        assert_eq!(page.get(at..at + "年度报告".len()), Some("年度報告"));
    }

    #[test]
    fn simplified_text_and_other_scripts_are_borrowed() {
        for text in ["", "法治政府建设", "𠀀 emoji 🙂 ASCII", "著作 覆盖"] {
            assert!(matches!(simplified(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
