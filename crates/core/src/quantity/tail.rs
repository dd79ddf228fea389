//! What follows a number: `余`/`多`, a multiplier, the unit, a trailing qualifier; and the
//! readings that depend on it (a slash fraction, tenths, whether a `万` stands).

use super::words::{RANGE_MARKS, UNITS};
use crate::numerals::{self, Decimal};

/// Does a `万` or `亿` that ends a number stand, given what follows it? Before a unit, `余`/`多`/`几`,
/// a range mark and a number (`1万至2万元`), punctuation or the end of the line it does; before
/// any other word it does not (`13万网民`, as the old reading of multipliers had it).
pub(super) fn multiplier_stands(after: &str) -> bool {
    !after.starts_with(|c: char| c.is_alphanumeric())
        || after.starts_with(['余', '多', '几'])
        || RANGE_MARKS.iter().any(|m| {
            after.strip_prefix(m).is_some_and(|r| {
                r.starts_with(|d: char| d.is_ascii_digit() || numerals::is_numeral_char(d))
            })
        })
        || UNITS.iter().any(|u| after.starts_with(u))
        || tenths(after).is_some()
}

/// The power of ten that `万`, `亿` and `万亿` at the end of a number stand for.
pub(super) fn trailing_multiplier(text: &str) -> u32 {
    let mut exp = 0;
    let mut t = text;
    loop {
        if let Some(r) = t.strip_suffix(['万', '萬']) {
            exp += 4;
            t = r;
        } else if let Some(r) = t.strip_suffix(['亿', '億']) {
            exp += 8;
            t = r;
        } else {
            return exp;
        }
    }
}

/// `3/5`, `2/3的`: a proper fraction written with a slash, read only where nothing makes it a
/// date, a code or a score: both parts at most three digits, the numerator smaller, and a word
/// of measure (`的`, `以上`, `左右`) or a punctuation mark after it. Returns (value, bytes after
/// the numerator).
pub(super) fn slash_fraction(num: Decimal, rest: &str) -> Option<(f64, usize)> {
    let after_slash = rest.strip_prefix('/')?;
    let (den, len) = numerals::read_arabic(after_slash)?;
    let (num, den) = (num.to_u64()?, den.to_u64()?);
    let after = &after_slash[len..];
    let closes = after.is_empty()
        || after.starts_with(['的', '，', ',', '。', '；', ';', '、', '）', ')', ' '])
        || after.starts_with("以上")
        || after.starts_with("左右");
    if !(closes && 0 < num && num < den && den <= 999 && len <= 3) {
        return None;
    }
    #[allow(clippy::cast_precision_loss)]
    Some((num as f64 / den as f64, 1 + len))
}

/// `三成`, `七成以上`: tenths, read as a percentage only where `成` ends the phrase (not `三成立`,
/// `一成不变`). Returns the bytes of `成`.
fn tenths(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix('成')?;
    let closes = after.is_empty()
        || after.starts_with([
            '的', '，', ',', '。', '；', ';', '、', '）', ')', '多', '左', '以',
        ])
        || after.starts_with("以上")
        || after.starts_with("左右");
    (closes && !after.starts_with("以来")).then_some('成'.len_utf8())
}

/// What follows a number: `余`/`多`, a multiplier, the unit, a trailing qualifier.
#[derive(Debug, Default)]
pub(super) struct Tail {
    pub qualifier: Option<&'static str>,
    pub multiplier: u32,
    pub unit: Option<&'static str>,
    pub trailing: Option<&'static str>,
    /// Bytes consumed after the number.
    pub len: usize,
}

impl Tail {
    /// Consume `w` from the front of `s`, if it is there.
    fn take(&mut self, s: &mut &str, w: &str) -> bool {
        if let Some(r) = s.strip_prefix(w) {
            self.len += w.len();
            *s = r;
            true
        } else {
            false
        }
    }

    /// `余`, `多` or `几` (三十几万, reported as its synonym `多`).
    fn approximate(&mut self, s: &mut &str) {
        for q in ["余", "多", "几"] {
            if self.take(s, q) {
                self.qualifier = Some(if q == "余" { "余" } else { "多" });
                break;
            }
        }
    }

    /// `万`, `亿`, `千万` …: a multiplier that a unit, `余`/`多` or no further word follows.
    fn multiplier(&mut self, s: &mut &str) {
        for (w, exp) in [("千万", 7), ("百万", 6), ("万亿", 12), ("万", 4), ("亿", 8)] {
            let Some(after) = s.strip_prefix(w) else {
                continue;
            };
            // `万人` after a number is 10,000 people only when a unit follows 万: `40余万人`.
            let unit_follows = UNITS.iter().any(|u| {
                after.starts_with(u) || after.starts_with('余') || after.starts_with('多')
            });
            if unit_follows || !after.starts_with(|c: char| c.is_alphanumeric()) {
                self.take(s, w);
                self.multiplier = exp;
                break;
            }
        }
    }

    /// The unit, or `成` read as tenths (with a `多` after it).
    fn unit(&mut self, s: &mut &str) {
        // A space may stand before `%` (a usage error the checks report, but still a percentage).
        let spaces = s.len() - s.trim_start_matches([' ', '\u{3000}', '\u{a0}']).len();
        let after_space = &s[spaces..];
        if let Some(u) = UNITS.iter().find(|u| after_space.starts_with(**u)) {
            if spaces == 0 || matches!(*u, "%" | "％" | "‰") {
                self.len += spaces + u.len();
                *s = &after_space[u.len()..];
                self.unit = Some(*u);
            }
        }
        if self.unit.is_none() {
            if let Some(len) = tenths(s) {
                self.len += len;
                *s = &s[len..];
                self.unit = Some("成");
                if self.qualifier.is_none() && self.take(s, "多") {
                    self.qualifier = Some("多");
                }
            }
        }
    }

    /// `以上`, `左右`, `之多`, `有余` after the unit.
    fn trailing(&mut self, s: &mut &str) {
        for q in ["以上", "左右", "之多", "有余"] {
            if self.unit.is_some() && self.take(s, q) {
                self.trailing = Some(match q {
                    "左右" => "约",
                    "之多" => "多",
                    "有余" => "余",
                    other => other,
                });
                break;
            }
        }
    }
}

/// Read what follows a number (`rest`); a multiplier only where `allow_multiplier`.
pub(super) fn read_tail(rest: &str, allow_multiplier: bool) -> Tail {
    let mut t = Tail::default();
    let mut s = rest;
    t.approximate(&mut s);
    if allow_multiplier {
        t.multiplier(&mut s);
        if t.qualifier.is_none() {
            t.approximate(&mut s);
        }
    }
    t.unit(&mut s);
    t.trailing(&mut s);
    t
}
