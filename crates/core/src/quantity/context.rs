//! What stands around a number: quotation marks, signs, hyphens, the qualifier before it and
//! the phrase it measures.

use super::words::{PRE_QUALIFIERS, UNITS};
use crate::numerals::{self, Decimal};

/// Quoted and bracketed stretches of a line (`“…”`, `‘…’`, `《…》`, `〈…〉`, `"…"`) no longer than
/// 40 characters: names, slogans and titles.
pub(super) fn quoted_ranges(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut ascii_open: Option<usize> = None;
    for (i, c) in line.char_indices() {
        match c {
            '“' | '‘' | '《' | '〈' | '「' | '『' => stack.push((c, i)),
            '”' | '’' | '》' | '〉' | '」' | '』' => {
                let open = match c {
                    '”' => '“',
                    '’' => '‘',
                    '》' => '《',
                    '〉' => '〈',
                    '」' => '「',
                    _ => '『',
                };
                if let Some(pos) = stack.iter().rposition(|(o, _)| *o == open) {
                    let (_, start) = stack[pos];
                    stack.truncate(pos);
                    if line[start..i].chars().count() <= 40 || open == '《' {
                        out.push((start, i + c.len_utf8()));
                    }
                }
            }
            '"' | '\'' => match ascii_open.take() {
                Some(start) if line[start..i].chars().count() <= 40 => out.push((start, i + 1)),
                Some(_) => {}
                None => ascii_open = Some(i),
            },
            _ => {}
        }
    }
    out
}

pub(super) fn ascii_digits(s: &str) -> String {
    s.chars()
        .filter(|c| *c != ',')
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .collect()
}

pub(super) fn chinese_decimal(s: &str) -> Option<f64> {
    numerals::parse_number(s).map(Decimal::to_f64)
}

/// Is the `-`, `−` or `－` that ends `before` a minus sign rather than a hyphen? Only where no
/// figure, letter or closing bracket stands right before it: `2021-2025`, `0898-25514262`,
/// `15-20%` and `A-3` join, `增长-15.4%`, `(-3.1%)` and a line's first `-3%` are signed.
pub(super) fn is_minus(before: &str) -> bool {
    !before.chars().next_back().is_some_and(|p| {
        p.is_ascii_alphanumeric()
            || p.is_numeric()
            || numerals::is_numeral_char(p)
            || "%％‰)）]】.．".contains(p)
    })
}

/// Is `负` right before a number a minus sign? Not where it ends a word: `减负400亿元` (lightening a
/// burden by), `胜负`, `担负`, `税负`.
pub(super) fn is_fu_sign(before: &str) -> bool {
    !before
        .chars()
        .next_back()
        .is_some_and(|p| "减担胜抱欺辜肩自背正重不身税费债亏抵扭盈".contains(p))
}

/// After the `-` of `2-4倍`: digits and then a unit make a range, not a code or a date.
pub(super) fn hyphen_range(after_hyphen: &str) -> bool {
    let digits = after_hyphen.len()
        - after_hyphen
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    let rest = &after_hyphen[digits..];
    UNITS.iter().any(|u| rest.starts_with(u)) && !rest.starts_with('-')
}

/// A number without a unit counts only where a figure stands alone in a sentence: after a
/// Chinese word, before a punctuation mark (`调委会1310,`, `立案数为1.35。`).
pub(super) fn unitless_statistic(digits: &str, prev: Option<char>, after: &str) -> bool {
    let prev_ok = prev.is_some_and(|p| p > '\u{2e80}' && !"（(【[“‘《".contains(p));
    let next_ok = after.is_empty()
        || after.starts_with(['，', ',', '。', '；', ';', '、', '）', ')', ' ', '\u{3000}']);
    let int_len = digits.split('.').next().map_or(0, str::len);
    let year_like = !digits.contains('.')
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1949..=2100).contains(&y));
    prev_ok && next_ok && int_len <= 7 && !digits.starts_with('0') && !year_like
}

pub(super) fn pre_qualifier(line: &str, start: usize) -> Option<(usize, &'static str)> {
    let before = &line[..start];
    PRE_QUALIFIERS
        .iter()
        .find(|(w, _)| before.ends_with(w))
        .filter(|(w, _)| !(*w == "超" && before.ends_with("赶超")))
        .map(|(w, q)| (start - w.len(), *q))
}

/// The phrase a quantity measures: the clause before it, or after it when it opens the clause.
pub(super) fn about(line: &str, start: usize, end: usize) -> String {
    const STOPS: &[char] = &[
        '，', ',', '。', '；', ';', '：', ':', '、', '（', '(', '）', ')', '！', '？',
    ];
    let before = &line[..start];
    let clause_start = before.rfind(STOPS).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let mut phrase = before[clause_start..].trim();
    const TRAILING: &[&str] = &[
        "其中", "共计", "合计", "总计", "累计", "全年", "共", "均", "为", "是", "有", "达到", "达",
        "约", "近",
    ];
    while let Some(w) = TRAILING.iter().find(|w| phrase.ends_with(**w)) {
        phrase = &phrase[..phrase.len() - w.len()];
    }
    for w in ["其中", "全年", "共"] {
        phrase = phrase.strip_prefix(w).unwrap_or(phrase);
    }
    if phrase.chars().count() >= 2 {
        return crate::span::last_chars(phrase, 30).to_owned();
    }
    let after = &line[end..];
    let clause_end = after.find(STOPS).unwrap_or(after.len());
    after[..clause_end].chars().take(30).collect()
}
