//! A number read from its first character, and what follows it: is it a statistic, and which.

use super::context::{ascii_digits, hyphen_range, unitless_statistic};
use super::scan::Found;
use super::tail::{read_tail, slash_fraction, trailing_multiplier, Tail};
use super::words::{
    kind_of, normal_unit, starts_with_date_word, MEETINGS, NAME_NOUNS, RANGE_MARKS,
};
use super::Kind;
use crate::numerals::{self, Decimal};

/// A number read in a line, with what stands around it.
pub(super) struct Read<'a> {
    pub line: &'a str,
    /// Where the figure starts: its sign, if it has one, else its first digit.
    pub start: usize,
    pub num_start: usize,
    pub end: usize,
    pub number: Decimal,
    /// The number as written.
    pub text: &'a str,
    /// The line after the number.
    pub rest: &'a str,
    /// The line before the number (its sign included).
    pub before: &'a str,
    pub prev: Option<char>,
    pub negative: bool,
}

impl Read<'_> {
    fn signed(&self, v: f64) -> f64 {
        if self.negative {
            -v
        } else {
            v
        }
    }

    /// Part of a code, a formula or a version (`1+8`, `0898-25514262`, `A3`, `3.2.1`): where
    /// to go on scanning, past it.
    fn glued(&self) -> Option<usize> {
        let (prev, rest) = (self.prev, self.rest);
        let glued_before = !self.negative
            && prev.is_some_and(|p| p.is_ascii_alphanumeric() || "+-/._:：#".contains(p))
            && !(prev == Some('-') && hyphen_range(&self.line[self.num_start..]));
        let next = rest.chars().next();
        let glued_after = next.is_some_and(|n| {
            n.is_ascii_alphabetic()
                || "/_#".contains(n)
                || (n == '+' && rest[1..].starts_with(|d: char| d.is_ascii_alphanumeric()))
        }) || (matches!(next, Some('-' | '.' | ':'))
            && rest[1..].starts_with(|d: char| d.is_ascii_digit())
            && !(next == Some('-') && hyphen_range(&rest[1..])));
        (glued_before || glued_after).then(|| {
            self.end
                + rest
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || "+-/._:".contains(ch)))
                    .unwrap_or(rest.len())
        })
    }

    /// The value with the tail's multiplier, `成` read as tenths; `None` when it overflows.
    fn value(&self, tail: &Tail) -> Option<f64> {
        let value = self.number.times_pow10(tail.multiplier)?.to_f64();
        Some(if tail.unit == Some("成") {
            value * 10.0
        } else {
            value
        })
    }

    /// The figure with the unit and qualifiers of `tail`.
    fn found(&self, tail: &Tail, value: f64, unit: Option<&'static str>) -> Found {
        let mut f = Found::new(
            self.start,
            self.end + tail.len,
            self.signed(value),
            kind_of(unit, self.before),
        );
        f.unit = unit;
        f.qualifier = tail.qualifier.or(tail.trailing);
        f.multiplier = trailing_multiplier(self.text) + tail.multiplier;
        f
    }
}

/// A figure in Arabic digits. Moves `pos` past a slash fraction or a code.
pub(super) fn arabic_figure(r: &Read<'_>, pos: &mut usize) -> Option<Found> {
    if r.prev != Some('/') {
        if let Some((value, len)) = slash_fraction(r.number, r.rest) {
            *pos = r.end + len;
            return Some(Found::new(
                r.start,
                r.end + len,
                r.signed(value),
                Kind::Ratio,
            ));
        }
    }
    if let Some(past) = r.glued() {
        *pos = (*pos).max(past);
        return None;
    }
    let tail = read_tail(r.rest, true);
    let after = &r.rest[tail.len..];
    let multiplier = trailing_multiplier(r.text) + tail.multiplier;
    let range_start = tail.unit.is_none()
        && RANGE_MARKS.iter().any(|m| {
            after.strip_prefix(m).is_some_and(|rest| {
                rest.starts_with(|d: char| d.is_ascii_digit() || ('０'..='９').contains(&d))
            })
        });
    let all_arabic = r.text.chars().all(|ch| !numerals::is_numeral_char(ch));
    let digits = if all_arabic {
        ascii_digits(r.text)
    } else {
        numerals::plain(r.number.to_f64())
    };
    let bare = tail.unit.is_none();
    if bare && multiplier == 0 && !range_start && !unitless_statistic(&digits, r.prev, after) {
        return None;
    }
    if (bare && starts_with_date_word(after))
        || (tail.unit == Some("次") && MEETINGS.iter().any(|w| after.starts_with(w)))
        || (tail.unit == Some("成") && r.number.to_u64().is_none_or(|n| !(1..=10).contains(&n)))
    {
        return None;
    }
    let value = r.value(&tail)?;
    let mut f = r.found(&tail, value, tail.unit.map(normal_unit));
    f.range_start = range_start;
    f.multiplier = multiplier;
    Some(f)
}

/// A figure in Chinese numerals: a statistic only with a unit, and not in a name, an idiom or
/// an article (`三项制度`, `一周`, `一个平台`).
pub(super) fn chinese_figure(r: &Read<'_>) -> Option<Found> {
    if r.prev
        .is_some_and(|p| numerals::is_numeral_char(p) || "几数".contains(p))
    {
        return None; // `二三十人`, `几十万`, `数十万`: no figure
    }
    let tail = read_tail(r.rest, true);
    let unit = tail.unit?;
    let after = &r.rest[tail.len..];
    let bare_power = r.text.starts_with(['百', '千', '万', '亿']);
    let article = r.number.to_u64().is_some_and(|n| n <= 1); // `一个平台`, `一次`
    if (bare_power || article) && tail.qualifier.is_none() {
        return None;
    }
    if unit == "期"
        || NAME_NOUNS.iter().any(|w| after.starts_with(w))
        || (unit == "次" && MEETINGS.iter().any(|w| after.starts_with(w)))
        // `三分`, `一周`, `两头`: idioms far more often than counts
        || matches!(unit, "分" | "周" | "米" | "节" | "头" | "只" | "本" | "处" | "间" | "轮")
        || (unit == "成" && r.number.to_u64().is_none_or(|n| !(2..=10).contains(&n)))
    {
        return None;
    }
    let value = r.value(&tail)?;
    Some(r.found(&tail, value, Some(normal_unit(unit))))
}
