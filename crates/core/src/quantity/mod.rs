//! Quantities: every statistic in the report, read exactly, with what it measures.
//!
//! A quantity is a number with what surrounds it: an optional qualifier before it (`近`, `约`,
//! `超过`, `达到`), a sign (`负`, `-`, `−`), the number as `numerals::read_number` reads it
//! (Arabic with decimals and grouping commas, full-width digits, Chinese numerals with `点`
//! decimals, mixed forms such as `12万8千`, `百分之三十`, `三分之一`, `2/3`), a multiplier (`万`,
//! `亿`, `万亿`), `余`/`多`/`几`, the unit or measure word (`成` read as tenths, `三成` → 30%), and a
//! qualifier after it (`以上`). docs/json-format.md lists the forms and the ambiguous cases. Values are normalised (`2.2万余件` →
//! 22000 件, `9.87亿元` → 987000000 元); `text` is exactly what was written.
//!
//! What is not a statistic is left alone: years and dates, ordinals (`第14次`), numbers inside
//! quotation and title marks (`“三项制度”`, `《…十项重点任务》`), names with Chinese numerals
//! (`三项制度`, `二期`), meetings (`八次全会`), codes, phone numbers, and everything outside the
//! report's body (portal chrome, the title, the signature).
//!
//! Scanning is one left-to-right pass per line with bounded look-around, so the time is linear in
//! the text whatever its numbers look like.

mod relations;

pub use relations::{hull, parts_of, relations, Relation, RelationKind};

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize, Serializer};

use crate::clean::{Line, LineKind};
use crate::numerals::{self, parse_chinese, Decimal};
use crate::parts::Area;
use crate::span::Span;
use crate::structure::{parse_marker, Section};

/// One statistic: an element of the `quantities` array.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Exactly as written, with qualifiers and unit: `近6000人次`.
    pub text: String,
    /// The normalised value: `2.2万` → 22000; a percentage as written (`23.29`).
    #[serde(serialize_with = "plain_number")]
    pub value: f64,
    /// The upper end of a range (`15%～30%` → 30).
    #[serde(
        serialize_with = "plain_option",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub high: Option<f64>,
    /// The unit or measure word, without multipliers: `件`, `元`, `%`, `个百分点`; `null` if none.
    pub unit: Option<String>,
    /// `余 多 近 约 以上 超过 达 不到 不足 左右 逾`, or `null`.
    pub qualifier: Option<String>,
    pub kind: Kind,
    pub span: Span,
    /// The phrase the number measures: `办理市人大代表建议和市政协委员提案`.
    pub about: String,
    /// The heading of the innermost section the quantity stands in.
    pub section: Option<String>,
    pub area: Option<Area>,
    /// The id of the standard indicator the quantity reports, if any.
    pub indicator: Option<String>,
}

/// What sort of figure a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    Money,
    Percent,
    /// A change: `同比增长17.45%`, `提高3个百分点`.
    Change,
    /// `2倍`, `三分之一`, `‰`.
    Ratio,
    Range,
    /// `人均`, `每万人`.
    PerCapita,
}

fn plain_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)]
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn plain_option<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => plain_number(v, s),
        None => s.serialize_none(),
    }
}

/// Units and measure words, longest first so that `人次` wins over `人`.
const UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "个工作日",
    "千瓦时",
    "千伏安",
    "公里",
    "千米",
    "公顷",
    "千瓦",
    "千伏",
    "兆瓦",
    "㎡",
    "㎞",
    "千克",
    "公斤",
    "工作日",
    "个月",
    "小时",
    "分钟",
    "人次",
    "户次",
    "件次",
    "场次",
    "班次",
    "车次",
    "批次",
    "课时",
    "学时",
    "%",
    "％",
    "‰",
    "倍",
    "元",
    "吨",
    "亩",
    "米",
    "天",
    "周",
    "件",
    "次",
    "人",
    "项",
    "个",
    "场",
    "份",
    "期",
    "家",
    "条",
    "部",
    "名",
    "支",
    "所",
    "户",
    "宗",
    "起",
    "卷",
    "篇",
    "台",
    "辆",
    "类",
    "分",
    "套",
    "批",
    "处",
    "座",
    "间",
    "本",
    "册",
    "张",
    "组",
    "队",
    "轮",
    "节",
    "堂",
    "幅",
    "块",
    "棵",
    "株",
    "头",
    "只",
    "枚",
    "封",
    "笔",
    "盏",
    "栋",
    "例",
    "所",
];

/// Qualifiers written before the number, longest first.
const PRE_QUALIFIERS: &[(&str, &str)] = &[
    ("多达", "达"),
    ("高达", "达"),
    ("超过", "超过"),
    ("达到", "达"),
    ("不到", "不到"),
    ("不足", "不足"),
    ("将近", "近"),
    ("接近", "近"),
    ("大约", "约"),
    ("约为", "约"),
    ("约", "约"),
    ("近", "近"),
    ("逾", "逾"),
    ("达", "达"),
    // `超1.5万套`, but not `赶超`.
    ("超", "超过"),
];

/// Words before a percentage that make it a change.
const CHANGE_WORDS: &[&str] = &[
    "增长", "下降", "提高", "降低", "减少", "上升", "增加", "提升", "回落", "增幅", "降幅", "缩短",
    "压缩",
];

/// Nouns that, right after a Chinese-numeral count, make it a name (`三项制度`, `十项规定`).
const NAME_NOUNS: &[&str] = &[
    "规定",
    "制度",
    "措施",
    "行动",
    "工程",
    "机制",
    "原则",
    "要求",
    "清单",
    "办法",
    "理念",
    "体系",
    "模式",
    "工作法",
    "举措",
    "承诺",
    "标准",
    "公开",
    "联动",
    "合一",
    "融合",
    "统一",
    "服务",
    "禁止",
    "严禁",
    "不准",
];

/// Meetings counted by ordinal: `八次全会`, `第3次市委常委会`.
const MEETINGS: &[&str] = &[
    "全会",
    "会议",
    "常务会",
    "常委会",
    "党代会",
    "代表大会",
    "全体会议",
];

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

/// Extract the quantities of the body lines.
pub fn extract(text: &str, lines: &[Line], sections: &[Section]) -> Vec<Quantity> {
    let mut flat = Vec::new();
    Section::walk(sections, &mut flat);
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| l.kind == LineKind::Body) {
        let Some(content) = line.span.text(text) else {
            continue;
        };
        let skip = parse_marker(content).map_or(0, |m| m.len);
        scan_line(content, skip, line.span.start, &mut out);
    }
    for q in &mut out {
        // `flat` is in document order, so only the sections starting before the quantity can
        // hold it, and the nearest of them usually does: scanning all sections for every
        // quantity made long reports quadratic.
        let candidates = &flat[..flat.partition_point(|s| s.span.start <= q.span.start)];
        let innermost = candidates
            .iter()
            .rev()
            .find(|s| s.number.is_some() && s.span.contains(q.span))
            .or_else(|| candidates.iter().find(|s| s.span.contains(q.span)));
        if let Some(s) = innermost {
            q.section = (!s.heading.is_empty()).then(|| s.heading.clone());
            q.area = s.area;
        }
    }
    out
}

/// Quoted and bracketed stretches of a line (`“…”`, `‘…’`, `《…》`, `〈…〉`, `"…"`) no longer than
/// 40 characters: names, slogans and titles.
fn quoted_ranges(line: &str) -> Vec<(usize, usize)> {
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

fn ascii_digits(s: &str) -> String {
    s.chars()
        .filter(|c| *c != ',')
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .collect()
}

fn chinese_decimal(s: &str) -> Option<f64> {
    numerals::parse_number(s).map(Decimal::to_f64)
}

/// Is the `-`, `−` or `－` that ends `before` a minus sign rather than a hyphen? Only where no
/// figure, letter or closing bracket stands right before it: `2021-2025`, `0898-25514262`,
/// `15-20%` and `A-3` join, `增长-15.4%`, `(-3.1%)` and a line's first `-3%` are signed.
fn is_minus(before: &str) -> bool {
    !before.chars().next_back().is_some_and(|p| {
        p.is_ascii_alphanumeric()
            || p.is_numeric()
            || numerals::is_numeral_char(p)
            || "%％‰)）]】.．".contains(p)
    })
}

/// Is `负` right before a number a minus sign? Not where it ends a word: `减负400亿元` (lightening a
/// burden by), `胜负`, `担负`, `税负`.
fn is_fu_sign(before: &str) -> bool {
    !before
        .chars()
        .next_back()
        .is_some_and(|p| "减担胜抱欺辜肩自背正重不身税费债亏抵扭盈".contains(p))
}

/// Does a `万` or `亿` that ends a number stand, given what follows it? Before a unit, `余`/`多`/`几`,
/// a range mark and a number (`1万至2万元`), punctuation or the end of the line it does; before any other word it does not (`13万网民`,
/// as the old reading of multipliers had it).
fn multiplier_stands(after: &str) -> bool {
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
fn trailing_multiplier(text: &str) -> u32 {
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
fn slash_fraction(num: Decimal, rest: &str) -> Option<(f64, usize)> {
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
struct Tail {
    qualifier: Option<&'static str>,
    multiplier: u32,
    unit: Option<&'static str>,
    trailing: Option<&'static str>,
    /// Bytes consumed after the number.
    len: usize,
}

fn read_tail(rest: &str, allow_multiplier: bool) -> Tail {
    let mut t = Tail::default();
    let mut s = rest;
    let take = |s: &mut &str, t: &mut Tail, w: &str| -> bool {
        if let Some(r) = s.strip_prefix(w) {
            t.len += w.len();
            *s = r;
            true
        } else {
            false
        }
    };
    // `几` (三十几万) is reported as its synonym `多`.
    for q in ["余", "多", "几"] {
        if take(&mut s, &mut t, q) {
            t.qualifier = Some(if q == "余" { "余" } else { "多" });
            break;
        }
    }
    if allow_multiplier {
        for (w, exp) in [("千万", 7), ("百万", 6), ("万亿", 12), ("万", 4), ("亿", 8)] {
            // `万人` after a number is 10,000 people only when a unit follows 万: `40余万人`.
            if s.starts_with(w)
                && UNITS.iter().any(|u| {
                    s[w.len()..].starts_with(u)
                        || s[w.len()..].starts_with('余')
                        || s[w.len()..].starts_with('多')
                })
            {
                take(&mut s, &mut t, w);
                t.multiplier = exp;
                break;
            }
            if s.starts_with(w) && !s[w.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                take(&mut s, &mut t, w);
                t.multiplier = exp;
                break;
            }
        }
        if t.qualifier.is_none() {
            for q in ["余", "多", "几"] {
                if take(&mut s, &mut t, q) {
                    t.qualifier = Some(if q == "余" { "余" } else { "多" });
                    break;
                }
            }
        }
    }
    // A space may stand before `%` (a usage error the checks report, but still a percentage).
    let spaces = s.len() - s.trim_start_matches([' ', '\u{3000}', '\u{a0}']).len();
    let after_space = &s[spaces..];
    if let Some(u) = UNITS.iter().find(|u| after_space.starts_with(**u)) {
        if spaces == 0 || matches!(*u, "%" | "％" | "‰") {
            t.len += spaces + u.len();
            s = &after_space[u.len()..];
            t.unit = Some(u);
        }
    }
    if t.unit.is_none() {
        if let Some(len) = tenths(s) {
            t.len += len;
            s = &s[len..];
            t.unit = Some("成");
            if t.qualifier.is_none() && take(&mut s, &mut t, "多") {
                t.qualifier = Some("多");
            }
        }
    }
    for q in ["以上", "左右", "之多", "有余"] {
        if t.unit.is_some() && take(&mut s, &mut t, q) {
            t.trailing = Some(match q {
                "左右" => "约",
                "之多" => "多",
                "有余" => "余",
                other => other,
            });
            break;
        }
    }
    t
}

/// A number found in a line, before range merging.
struct Found {
    start: usize,
    end: usize,
    value: f64,
    unit: Option<&'static str>,
    qualifier: Option<&'static str>,
    kind: Kind,
    /// A bare number kept only as the low end of a range (`3` in `3至5个`).
    range_start: bool,
    /// The upper end, once a range is merged.
    high: Option<f64>,
    /// The power of ten of the `万`/`亿` written with the number (`5万元` → 4).
    multiplier: u32,
}

fn scan_line(line: &str, skip: usize, offset: usize, out: &mut Vec<Quantity>) {
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
        let before = &line[..m.start()];
        if before.ends_with('第') || before.ends_with("届") {
            // An ordinal: skip the whole numeral, not just its first character.
            let run = line[m.start()..]
                .find(|ch: char| !(ch.is_ascii_digit() || numerals::is_numeral_char(ch)))
                .unwrap_or(line.len() - m.start());
            pos = pos.max(m.start() + run);
            continue;
        }
        if let Some(p) = c.name("pct") {
            let Some(v) = c.name("pctn").and_then(|n| chinese_decimal(n.as_str())) else {
                continue;
            };
            // `负百分之三`: a sign written as a word before the percentage.
            let signed = before.strip_suffix('负').filter(|b| is_fu_sign(b));
            found.push(Found {
                start: signed.map_or(p.start(), str::len),
                end: p.end(),
                value: if signed.is_some() { -v } else { v },
                unit: Some("%"),
                qualifier: None,
                kind: Kind::Percent,
                range_start: false,
                high: None,
                multiplier: 0,
            });
            continue;
        }
        if c.name("frac").is_some() {
            let den = c.name("den").and_then(|d| parse_chinese(d.as_str()));
            let num = c.name("num").and_then(|d| parse_chinese(d.as_str()));
            if let (Some(den), Some(num)) = (den, num) {
                if den > 0 {
                    #[allow(clippy::cast_precision_loss)]
                    let v = num as f64 / den as f64;
                    found.push(Found {
                        start: m.start(),
                        end: m.end(),
                        value: v,
                        unit: None,
                        qualifier: None,
                        kind: Kind::Ratio,
                        range_start: false,
                        high: None,
                        multiplier: 0,
                    });
                }
            }
            continue;
        }
        let Some(num_start) = c.name("start").map(|n| n.start()) else {
            continue;
        };
        if c.name("sign").is_some() && line[num_start..].starts_with("百分之") {
            pos = num_start; // `负百分之三`: read as a percentage from `百`
            continue;
        }
        let before = &line[..num_start];
        let prev = before.chars().next_back();
        let sign = c.name("sign").filter(|g| {
            let before_sign = &line[..g.start()];
            if g.as_str() == "负" {
                is_fu_sign(before_sign)
            } else {
                is_minus(before_sign)
            }
        });
        let start = sign.map_or(num_start, |g| g.start());
        let arabic = line[num_start..]
            .starts_with(|ch: char| ch.is_ascii_digit() || ('０'..='９').contains(&ch));
        let Some((mut number, mut len)) = numerals::read_number(&line[num_start..]) else {
            continue;
        };
        if arabic {
            // `3千米` is three kilometres: a `千` or `百` that opens a unit is not a multiplier.
            let text = &line[num_start..num_start + len];
            if let Some(cut) = text.strip_suffix(['千', '百']).filter(|_| {
                let at = &line[num_start + len - '千'.len_utf8()..];
                UNITS
                    .iter()
                    .any(|u| u.chars().count() > 1 && at.starts_with(u))
            }) {
                match numerals::read_number(cut) {
                    Some((n, l)) if l == cut.len() => (number, len) = (n, l),
                    _ => continue,
                }
            }
        }
        // `13万网民`, `221.1亿美元`: a 万 or 亿 that a noun other than a unit follows is left
        // out, as a figure without its measure is no statistic.
        let multiplier = trailing_multiplier(&line[num_start..num_start + len]);
        if multiplier > 0 && !multiplier_stands(&line[num_start + len..]) {
            let mut cut = &line[num_start..num_start + len];
            while let Some(r) = cut.strip_suffix(['万', '萬', '亿', '億']) {
                cut = r;
            }
            match numerals::read_number(cut) {
                Some((n, l)) if l == cut.len() => (number, len) = (n, l),
                _ => continue,
            }
        }
        let end = num_start + len;
        pos = end.max(pos);
        let text = &line[num_start..end];
        let rest = &line[end..];
        let negative = sign.is_some();
        let signed = |v: f64| if negative { -v } else { v };
        if arabic {
            // Part of a code, a formula or a version: `1+8`, `0898-25514262`, `A3`, `3.2.1`.
            let glued_before = !negative
                && prev.is_some_and(|p| p.is_ascii_alphanumeric() || "+-/._:：#".contains(p))
                && !(prev == Some('-') && hyphen_range(&line[num_start..]));
            if prev != Some('/') {
                if let Some((value, len)) = slash_fraction(number, rest) {
                    found.push(Found {
                        start,
                        end: end + len,
                        value: signed(value),
                        unit: None,
                        qualifier: None,
                        kind: Kind::Ratio,
                        range_start: false,
                        high: None,
                        multiplier: 0,
                    });
                    pos = end + len;
                    continue;
                }
            }
            let next = rest.chars().next();
            let glued_after = next.is_some_and(|n| {
                n.is_ascii_alphabetic()
                    || "/_#".contains(n)
                    || (n == '+' && rest[1..].starts_with(|d: char| d.is_ascii_alphanumeric()))
            }) || (matches!(next, Some('-' | '.' | ':'))
                && rest[1..].starts_with(|d: char| d.is_ascii_digit())
                && !(next == Some('-') && hyphen_range(&rest[1..])));
            if glued_before || glued_after {
                pos = pos.max(
                    end + rest
                        .find(|ch: char| !(ch.is_ascii_alphanumeric() || "+-/._:".contains(ch)))
                        .unwrap_or(rest.len()),
                );
                continue;
            }
            let tail = read_tail(rest, true);
            let after = &rest[tail.len..];
            let multiplier = trailing_multiplier(text) + tail.multiplier;
            let range_start = tail.unit.is_none()
                && RANGE_MARKS.iter().any(|m| {
                    after.strip_prefix(m).is_some_and(|r| {
                        r.starts_with(|d: char| d.is_ascii_digit() || ('０'..='９').contains(&d))
                    })
                });
            let all_arabic = text.chars().all(|ch| !numerals::is_numeral_char(ch));
            let digits = if all_arabic {
                ascii_digits(text)
            } else {
                numerals::plain(number.to_f64())
            };
            if tail.unit.is_none()
                && multiplier == 0
                && !range_start
                && !unitless_statistic(&digits, prev, after)
            {
                continue;
            }
            if tail.unit.is_none() && starts_with_date_word(after) {
                continue;
            }
            if tail.unit == Some("次") && MEETINGS.iter().any(|w| after.starts_with(w)) {
                continue;
            }
            if tail.unit == Some("成") && number.to_u64().is_none_or(|n| !(1..=10).contains(&n)) {
                continue;
            }
            let Some(value) = number.times_pow10(tail.multiplier) else {
                continue;
            };
            let value = if tail.unit == Some("成") {
                value.to_f64() * 10.0
            } else {
                value.to_f64()
            };
            let kind = kind_of(tail.unit.map(normal_unit), before);
            found.push(Found {
                start,
                end: end + tail.len,
                value: signed(value),
                unit: tail.unit.map(normal_unit),
                qualifier: tail.qualifier.or(tail.trailing),
                kind,
                range_start,
                high: None,
                multiplier,
            });
            continue;
        }
        // A Chinese numeral.
        if prev.is_some_and(|p| numerals::is_numeral_char(p) || "几数".contains(p)) {
            continue; // `二三十人`, `几十万`, `数十万`: no figure
        }
        let tail = read_tail(rest, true);
        let Some(unit) = tail.unit else { continue };
        let after = &rest[tail.len..];
        let bare_power = text.starts_with(['百', '千', '万', '亿']);
        if bare_power && tail.qualifier.is_none() {
            continue;
        }
        if number.to_u64().is_some_and(|n| n <= 1) && tail.qualifier.is_none() {
            continue; // `一个平台`, `一次` are articles, not statistics
        }
        if unit == "期" || NAME_NOUNS.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        if unit == "次" && MEETINGS.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        if matches!(
            unit,
            "分" | "周" | "米" | "节" | "头" | "只" | "本" | "处" | "间" | "轮"
        ) {
            continue; // `三分`, `一周`, `两头`: idioms far more often than counts
        }
        if unit == "成" && number.to_u64().is_none_or(|n| !(2..=10).contains(&n)) {
            continue;
        }
        let Some(value) = number.times_pow10(tail.multiplier) else {
            continue;
        };
        let value = if unit == "成" {
            value.to_f64() * 10.0
        } else {
            value.to_f64()
        };
        found.push(Found {
            start,
            end: end + tail.len,
            value: signed(value),
            unit: Some(normal_unit(unit)),
            qualifier: tail.qualifier.or(tail.trailing),
            kind: kind_of(Some(normal_unit(unit)), before),
            range_start: false,
            high: None,
            multiplier: trailing_multiplier(text) + tail.multiplier,
        });
    }
    merge_ranges(line, &mut found);
    found.retain(|f| !f.range_start || f.kind == Kind::Range);
    for f in found {
        let (start, qualifier) = pre_qualifier(line, f.start)
            .map_or((f.start, f.qualifier), |(s, q)| {
                (s, f.qualifier.or(Some(q)))
            });
        let text = &line[start..f.end];
        let about = about(line, start, f.end);
        let kind = if f.kind == Kind::Count && per_capita(&line[..start]) {
            Kind::PerCapita
        } else {
            f.kind
        };
        out.push(Quantity {
            text: text.to_owned(),
            value: f.value,
            high: if kind == Kind::Range { f.high } else { None },
            unit: f.unit.map(str::to_owned),
            qualifier: qualifier.map(str::to_owned),
            kind,
            span: Span::new(start + offset, f.end + offset),
            about,
            section: None,
            area: None,
            indicator: None,
        });
    }
}

/// After the `-` of `2-4倍`: digits and then a unit make a range, not a code or a date.
fn hyphen_range(after_hyphen: &str) -> bool {
    let digits = after_hyphen.len()
        - after_hyphen
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    let rest = &after_hyphen[digits..];
    UNITS.iter().any(|u| rest.starts_with(u)) && !rest.starts_with('-')
}

/// A number without a unit counts only where a figure stands alone in a sentence: after a
/// Chinese word, before a punctuation mark (`调委会1310,`, `立案数为1.35。`).
fn unitless_statistic(digits: &str, prev: Option<char>, after: &str) -> bool {
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

fn starts_with_date_word(after: &str) -> bool {
    [
        "年", "月", "日", "号", "时", "点", "届", "版", "级", "楼", "栋", "层", "室", "路", "期间",
        "季度",
    ]
    .iter()
    .any(|w| after.starts_with(w))
}

fn normal_unit(unit: &'static str) -> &'static str {
    match unit {
        "％" | "成" => "%",
        other => other,
    }
}

fn kind_of(unit: Option<&str>, before: &str) -> Kind {
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

fn per_capita(before: &str) -> bool {
    let clause = before
        .rsplit(['，', ',', '。', '；', ';'])
        .next()
        .unwrap_or(before);
    ["人均", "每万人", "每千人", "每十万人", "万人", "户均"]
        .iter()
        .any(|w| clause.contains(w))
}

const RANGE_MARKS: &[&str] = &["～", "~", "至", "到", "-", "—", "－", "〜"];

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

fn pre_qualifier(line: &str, start: usize) -> Option<(usize, &'static str)> {
    let before = &line[..start];
    PRE_QUALIFIERS
        .iter()
        .find(|(w, _)| before.ends_with(w))
        .filter(|(w, _)| !(*w == "超" && before.ends_with("赶超")))
        .map(|(w, q)| (start - w.len(), *q))
}

/// The phrase a quantity measures: the clause before it, or after it when it opens the clause.
fn about(line: &str, start: usize, end: usize) -> String {
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

#[cfg(test)]
mod number_cases;
#[cfg(test)]
mod tests;
