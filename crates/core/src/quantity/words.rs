//! The words around a number, as data (`data/quantity_words.tsv`), and what they make of it.

use std::sync::LazyLock;

use super::Kind;
use crate::data::{rows, words_of};

const WORDS: &str = include_str!("../../data/quantity_words.tsv");

/// Units and measure words, longest first so that `人次` wins over `人`.
pub(super) static UNITS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_of(WORDS, "unit"));

/// Qualifiers written before the number, longest first: (as written, the qualifier it stands for).
pub(super) static PRE_QUALIFIERS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| {
        rows(WORDS)
            .filter(|cols| cols.first() == Some(&"before"))
            .filter_map(|cols| Some((*cols.get(1)?, *cols.get(2)?)))
            .collect()
    });

/// Words before a percentage that make it a change.
static CHANGE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_of(WORDS, "change"));

/// Nouns that, right after a Chinese-numeral count, make it a name (`三项制度`, `十项规定`).
pub(super) static NAME_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words_of(WORDS, "name"));

/// Meetings counted by ordinal: `八次全会`, `第3次市委常委会`.
pub(super) static MEETINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words_of(WORDS, "meeting"));

/// Marks that join two numbers into a range.
pub(super) static RANGE_MARKS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words_of(WORDS, "range"));

/// A unit as the output names it: `％` and `成` (tenths) are `%`.
pub(super) fn normal_unit(unit: &'static str) -> &'static str {
    match unit {
        "％" | "成" => "%",
        other => other,
    }
}

/// What sort of figure a number with `unit` is, given the words `before` it.
pub(super) fn kind_of(unit: Option<&str>, before: &str) -> Kind {
    let change = CHANGE_WORDS.iter().any(|w| {
        let b = before.trim_end_matches(['了', '为', '至', '到', '达', '约', '近', ' ']);
        b.ends_with(w)
    });
    match unit {
        Some("%" | "％") if change => Kind::Change,
        Some("%" | "％") => Kind::Percent,
        Some("个百分点" | "百分点") => Kind::Change,
        Some("‰" | "倍") => Kind::Ratio,
        Some("元") => Kind::Money,
        _ => Kind::Count,
    }
}

/// Whether the clause before a count makes it a figure per head (`人均`, `每万人`).
pub(super) fn per_capita(before: &str) -> bool {
    let clause = before
        .rsplit(['，', ',', '。', '；', ';'])
        .next()
        .unwrap_or(before);
    ["人均", "每万人", "每千人", "每十万人", "万人", "户均"]
        .iter()
        .any(|w| clause.contains(w))
}

/// Whether a bare number is a date, a time or a place (`2021年`, `3楼`), not a count.
pub(super) fn starts_with_date_word(after: &str) -> bool {
    [
        "年", "月", "日", "号", "时", "点", "届", "版", "级", "楼", "栋", "层", "室", "路", "期间",
        "季度",
    ]
    .iter()
    .any(|w| after.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read() {
        assert_eq!(UNITS.first(), Some(&"个百分点"));
        assert!(UNITS.contains(&"人次") && UNITS.contains(&"％"));
        let person = UNITS.iter().position(|u| *u == "人");
        let times = UNITS.iter().position(|u| *u == "人次");
        assert!(times < person, "人次 before 人");
        assert!(PRE_QUALIFIERS.contains(&("超", "超过")));
        assert_eq!(PRE_QUALIFIERS.first(), Some(&("多达", "达")));
        assert!(CHANGE_WORDS.contains(&"增长"));
        assert!(NAME_NOUNS.contains(&"制度"));
        assert!(MEETINGS.contains(&"全会"));
        assert!(RANGE_MARKS.contains(&"～") && RANGE_MARKS.contains(&"-"));
    }
}
