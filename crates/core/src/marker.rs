//! Heading number markers: `一、`, `（一）`, `(一)`, `1.`, `1．`, `1、`, `（1）`, `(1)`.

use crate::model::MarkerStyle;
use crate::numerals;

/// A heading number found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub level: u8,
    pub style: MarkerStyle,
    /// The number as written (`十二`, `3`).
    pub number_text: String,
    pub value: u32,
    /// Length of the marker in bytes.
    pub len: usize,
}

/// Recognise a heading marker at the start of `line` (already trimmed).
pub fn parse_marker(line: &str) -> Option<Marker> {
    // A table flattened into `cell | cell | cell` (a 年报's statistics) is a row, not a heading,
    // even when its first cell is numbered: `(二)部分公开 | 0 | 0 |`.
    if line.matches('|').count() >= 2 {
        return None;
    }
    let (open, inner_start) = match line.chars().next()? {
        '（' => (Some(true), '（'.len_utf8()),
        '(' => (Some(false), 1),
        _ => (None, 0),
    };
    let rest = &line[inner_start..];
    let (number_text, chinese) = marker_number(rest)?;
    let close = rest[number_text.len()..].chars().next()?;
    let style = style_of(open, chinese, close)?;
    let len = inner_start + number_text.len() + close.len_utf8();
    if !heading_follows(&line[len..], style) {
        return None;
    }
    let value = if chinese {
        numerals::parse_chinese(number_text)?
    } else {
        number_text
            .chars()
            .filter_map(|c| {
                c.to_digit(10)
                    .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
            })
            .fold(0u64, |acc, d| acc * 10 + u64::from(d))
    };
    let value = u32::try_from(value).ok().filter(|v| (1..=99).contains(v))?;
    Some(Marker {
        level: style.level(),
        style,
        number_text: number_text.to_owned(),
        value,
        len,
    })
}

/// The number a marker starts with, up to four Chinese ordinal characters or three digits
/// (ASCII or full-width), and whether it is Chinese.
fn marker_number(rest: &str) -> Option<(&str, bool)> {
    let chinese_len: usize = rest
        .chars()
        .take_while(|&c| is_ordinal_char(c))
        .take(4)
        .map(char::len_utf8)
        .sum();
    let arabic_len: usize = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .take(3)
        .map(char::len_utf8)
        .sum();
    if chinese_len > 0 {
        Some((&rest[..chinese_len], true))
    } else if arabic_len > 0 {
        Some((&rest[..arabic_len], false))
    } else {
        None
    }
}

/// The style of a marker from its opening bracket (`Some(true)` full-width, `Some(false)`
/// half-width, `None` none), its kind of number and the character closing it.
fn style_of(open: Option<bool>, chinese: bool, close: char) -> Option<MarkerStyle> {
    Some(match (open, chinese, close) {
        (Some(true), true, '）') => MarkerStyle::ChineseParenFull,
        (Some(false), true, ')') | (Some(true), true, ')') | (Some(false), true, '）') => {
            MarkerStyle::ChineseParenHalf
        }
        (Some(true), false, '）') => MarkerStyle::ArabicParenFull,
        (Some(false), false, ')') | (Some(true), false, ')') | (Some(false), false, '）') => {
            MarkerStyle::ArabicParenHalf
        }
        (None, true, '、') => MarkerStyle::ChineseComma,
        (None, false, '、') => MarkerStyle::ArabicComma,
        (None, false, '.' | '．') => MarkerStyle::ArabicDot,
        _ => return None,
    })
}

/// Whether `rest`, what follows a marker, is a heading's text: a marker needs something after
/// it, and `3.45亿元` or `1.5万人` is a number, not heading 3. After `一、` or `(一)` a digit is
/// fine: `一、2022年工作情况`.
fn heading_follows(rest: &str, style: MarkerStyle) -> bool {
    let Some(following) = rest.chars().next() else {
        return false;
    };
    let number_like = following.is_ascii_digit() || following == '%' || following == '％';
    !(style == MarkerStyle::ArabicDot && number_like && !figure_after_marker(rest))
}

/// Whether a heading's text starts with a count: `5.2所诺贝尔奖科学家实验室` is heading 5, as no
/// decimal counts institutions. (`7.2018年…` stays ambiguous here; S002 reads it in its list.)
fn figure_after_marker(rest: &str) -> bool {
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let next = rest[digits..].chars().next();
    digits > 0 && next.is_some_and(|c| "个所家项件名座条次场批部位支台辆套户".contains(c))
}

fn is_ordinal_char(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_style() {
        type Expected = Option<(u8, MarkerStyle, u32)>;
        let cases: &[(&str, Expected)] = &[
            ("一、总体情况", Some((1, MarkerStyle::ChineseComma, 1))),
            ("十二、其他", Some((1, MarkerStyle::ChineseComma, 12))),
            (
                "（三）依法决策",
                Some((2, MarkerStyle::ChineseParenFull, 3)),
            ),
            ("(四)半角", Some((2, MarkerStyle::ChineseParenHalf, 4))),
            ("1.强化学习", Some((3, MarkerStyle::ArabicDot, 1))),
            ("２．全角数字", Some((3, MarkerStyle::ArabicDot, 2))),
            ("3、顿号", Some((3, MarkerStyle::ArabicComma, 3))),
            ("（1）细项", Some((4, MarkerStyle::ArabicParenFull, 1))),
            ("(12)细项", Some((4, MarkerStyle::ArabicParenHalf, 12))),
            ("3.45亿元", None),
            (
                "一、2022年法治政府建设完成情况",
                Some((1, MarkerStyle::ChineseComma, 1)),
            ),
            (
                "(二)2023年工作打算",
                Some((2, MarkerStyle::ChineseParenHalf, 2)),
            ),
            ("2021年", None),
            ("一是规范职权", None),
            ("（一", None),
            ("一、", None),
            ("100.全部", None),
            ("0.5倍", None),
            (
                "5.2所诺贝尔奖科学家实验室",
                Some((3, MarkerStyle::ArabicDot, 5)),
            ),
            ("7.2018年春季学期向民办学校学生发放补贴", None),
            ("2.5公里绿道建成", None),
            ("1.5万人参加", None),
            ("3.2018", None),
            ("(二)部分公开(区分处理的) | 0 | 0 | 0 |", None),
            ("2.其他法律行政法规禁止公开 | 0 | 0 |", None),
            ("五十、", None),
        ];
        for (line, expected) in cases {
            let got = parse_marker(line).map(|m| (m.level, m.style, m.value));
            assert_eq!(got, *expected, "{line}");
        }
    }
}
