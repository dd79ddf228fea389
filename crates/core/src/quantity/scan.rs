//! One left-to-right pass over a line: where each number starts ([`NUMBER`]), what kind of
//! number it is (a `百分之` percentage, a `…分之…` fraction, an Arabic or a Chinese figure read by
//! [`super::figure`]), then ranges merged and the figures turned into quantities.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::context::{about, chinese_decimal, is_fu_sign, is_minus, pre_qualifier, quoted_ranges};
use super::figure::{arabic_figure, chinese_figure, Read};
use super::tail::{multiplier_stands, trailing_multiplier};
use super::words::{per_capita, RANGE_MARKS, UNITS};
use super::{Kind, Quantity};
use crate::numerals::{self, parse_chinese, Decimal};
use crate::span::Span;

/// Where a number starts: `百分之…`, `…分之…`, or the first character of a number (with its
/// sign), which `numerals::read_number` then reads to its end.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?x)
        (?P<pct>百分之(?P<pctn>[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?))
        |(?P<frac>(?P<den>[一二两三四五六七八九十百千]+)分之(?P<num>[一二两三四五六七八九十百千]+))
        |(?P<sign>负|[-−－])?(?P<start>[0-9０-９零〇一二两三四五六七八九十百千万亿])",
    )
    .expect("number pattern is valid")
});

/// A number found in a line, before range merging.
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: Option<&'static str>,
    pub qualifier: Option<&'static str>,
    pub kind: Kind,
    /// A bare number kept only as the low end of a range (`3` in `3至5个`).
    pub range_start: bool,
    /// The upper end, once a range is merged.
    pub high: Option<f64>,
    /// The power of ten of the `万`/`亿` written with the number (`5万元` → 4).
    pub multiplier: u32,
}

impl Found {
    /// A figure of `kind` at `start..end`, with no unit, qualifier or multiplier yet.
    pub fn new(start: usize, end: usize, value: f64, kind: Kind) -> Self {
        Found {
            start,
            end,
            value,
            unit: None,
            qualifier: None,
            kind,
            range_start: false,
            high: None,
            multiplier: 0,
        }
    }
}

/// The quantities of one line (`offset` is where it starts in the text; numbers before `skip`,
/// the heading marker, are not read).
pub(super) fn scan_line(line: &str, skip: usize, offset: usize, out: &mut Vec<Quantity>) {
    let quoted = quoted_ranges(line);
    let in_quotes = |i: usize| quoted.iter().any(|&(s, e)| s <= i && i < e);
    let mut found: Vec<Found> = Vec::new();
    let mut pos = skip;
    while let Some(c) = NUMBER.captures_at(line, pos) {
        let Some(m) = c.get(0) else { break };
        pos = m.end().max(pos + 1);
        if m.start() < skip || in_quotes(m.start()) {
            continue;
        }
        if let Some(run) = ordinal(line, m.start()) {
            pos = pos.max(m.start() + run);
            continue;
        }
        let figure = if c.name("pct").is_some() {
            percent(line, &c)
        } else if c.name("frac").is_some() {
            fraction(&c, m.start(), m.end())
        } else {
            number(line, &c, &mut pos)
        };
        found.extend(figure);
    }
    merge_ranges(line, &mut found);
    found.retain(|f| !f.range_start || f.kind == Kind::Range);
    out.extend(found.into_iter().map(|f| quantity(line, offset, f)));
}

/// An ordinal (`第14次`, `十九届`): the bytes of its whole numeral, to skip.
fn ordinal(line: &str, start: usize) -> Option<usize> {
    let before = &line[..start];
    (before.ends_with('第') || before.ends_with("届")).then(|| {
        line[start..]
            .find(|ch: char| !(ch.is_ascii_digit() || numerals::is_numeral_char(ch)))
            .unwrap_or(line.len() - start)
    })
}

/// `百分之三十`, `负百分之三` (a sign written as a word before the percentage).
fn percent(line: &str, c: &Captures<'_>) -> Option<Found> {
    let p = c.name("pct")?;
    let v = c.name("pctn").and_then(|n| chinese_decimal(n.as_str()))?;
    let before = &line[..p.start()];
    let signed = before.strip_suffix('负').filter(|b| is_fu_sign(b));
    let mut f = Found::new(
        signed.map_or(p.start(), str::len),
        p.end(),
        if signed.is_some() { -v } else { v },
        Kind::Percent,
    );
    f.unit = Some("%");
    Some(f)
}

/// `三分之一`.
fn fraction(c: &Captures<'_>, start: usize, end: usize) -> Option<Found> {
    let den = c.name("den").and_then(|d| parse_chinese(d.as_str()))?;
    let num = c.name("num").and_then(|d| parse_chinese(d.as_str()))?;
    #[allow(clippy::cast_precision_loss)]
    (den > 0).then(|| Found::new(start, end, num as f64 / den as f64, Kind::Ratio))
}

/// A figure from its first character: its sign, the number read to its end, then what follows
/// it. Moves `pos` past what it read (or back, to read `负百分之三` as a percentage).
fn number(line: &str, c: &Captures<'_>, pos: &mut usize) -> Option<Found> {
    let num_start = c.name("start")?.start();
    if c.name("sign").is_some() && line[num_start..].starts_with("百分之") {
        *pos = num_start; // `负百分之三`: read as a percentage from `百`
        return None;
    }
    let before = &line[..num_start];
    let sign = c.name("sign").filter(|g| {
        let before_sign = &line[..g.start()];
        if g.as_str() == "负" {
            is_fu_sign(before_sign)
        } else {
            is_minus(before_sign)
        }
    });
    let arabic = line[num_start..]
        .starts_with(|ch: char| ch.is_ascii_digit() || ('０'..='９').contains(&ch));
    let (number, len) = read_figure(line, num_start, arabic)?;
    let end = num_start + len;
    *pos = end.max(*pos);
    let read = Read {
        line,
        start: sign.map_or(num_start, |g| g.start()),
        num_start,
        end,
        number,
        text: &line[num_start..end],
        rest: &line[end..],
        before,
        prev: before.chars().next_back(),
        negative: sign.is_some(),
    };
    if arabic {
        arabic_figure(&read, pos)
    } else {
        chinese_figure(&read)
    }
}

/// The number at `num_start` and its length, without a `千`/`百` that opens a unit (`3千米` is
/// three kilometres) or a `万`/`亿` that a noun other than a unit follows (`13万网民`,
/// `221.1亿美元`: a figure without its measure is no statistic).
fn read_figure(line: &str, num_start: usize, arabic: bool) -> Option<(Decimal, usize)> {
    let (mut number, mut len) = numerals::read_number(&line[num_start..])?;
    if arabic {
        let text = &line[num_start..num_start + len];
        if let Some(cut) = text.strip_suffix(['千', '百']).filter(|_| {
            let at = &line[num_start + len - '千'.len_utf8()..];
            UNITS
                .iter()
                .any(|u| u.chars().count() > 1 && at.starts_with(u))
        }) {
            match numerals::read_number(cut) {
                Some((n, l)) if l == cut.len() => (number, len) = (n, l),
                _ => return None,
            }
        }
    }
    let multiplier = trailing_multiplier(&line[num_start..num_start + len]);
    if multiplier > 0 && !multiplier_stands(&line[num_start + len..]) {
        let mut cut = &line[num_start..num_start + len];
        while let Some(r) = cut.strip_suffix(['万', '萬', '亿', '億']) {
            cut = r;
        }
        match numerals::read_number(cut) {
            Some((n, l)) if l == cut.len() => (number, len) = (n, l),
            _ => return None,
        }
    }
    Some((number, len))
}

/// `15%～30%`, `3至5个`, `2-4倍`: two numbers joined by a range mark become one range quantity.
fn merge_ranges(line: &str, found: &mut Vec<Found>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let gap = &line[found[i].end..found[i + 1].start];
        let joined = RANGE_MARKS.contains(&gap);
        let compatible = found[i].unit.is_none() || found[i].unit == found[i + 1].unit;
        if joined && compatible && found[i + 1].unit.is_some() {
            let second = found.remove(i + 1);
            let first = &mut found[i];
            if first.unit.is_none() && first.multiplier == 0 && second.multiplier > 0 {
                // `3至5万元`: the 万 of the upper end scales the lower end too.
                first.value = Decimal::from_int(1)
                    .times_pow10(second.multiplier)
                    .map_or(first.value, |m| first.value * m.to_f64());
                first.multiplier = second.multiplier;
            }
            first.high = Some(second.value);
            first.end = second.end;
            first.unit = second.unit;
            first.kind = Kind::Range;
            first.range_start = false;
            first.qualifier = first.qualifier.or(second.qualifier);
        }
        i += 1;
    }
}

/// A found figure as a quantity: its qualifier before it joined, the phrase it measures read.
fn quantity(line: &str, offset: usize, f: Found) -> Quantity {
    let (start, qualifier) = pre_qualifier(line, f.start)
        .map_or((f.start, f.qualifier), |(s, q)| {
            (s, f.qualifier.or(Some(q)))
        });
    let kind = if f.kind == Kind::Count && per_capita(&line[..start]) {
        Kind::PerCapita
    } else {
        f.kind
    };
    Quantity {
        text: line[start..f.end].to_owned(),
        value: f.value,
        high: if kind == Kind::Range { f.high } else { None },
        unit: f.unit.map(str::to_owned),
        qualifier: qualifier.map(str::to_owned),
        kind,
        span: Span::new(start + offset, f.end + offset),
        about: about(line, start, f.end),
        section: None,
        area: None,
        indicator: None,
    }
}
