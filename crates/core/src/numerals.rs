//! Chinese numerals: reading `一万零一十二` as 10012 and writing 12 as `十二`.

/// The value of a Chinese numeral digit (`〇零一二两三四五六七八九` and the financial forms).
pub fn digit_value(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | '○' | 'О' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '貳' | '贰' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The multiplier of a Chinese unit character below 万 (`十百千`, `拾佰仟`).
fn small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Is `c` a character that can be part of a Chinese numeral?
pub fn is_numeral_char(c: char) -> bool {
    digit_value(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// The power of ten of `万` and `亿`.
fn big_unit(c: char) -> Option<u32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        _ => None,
    }
}

/// The value of an Arabic digit, half-width or full-width.
fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => u8::try_from(c as u32 - '０' as u32).ok(),
        _ => None,
    }
}

/// A number read exactly: `mantissa × 10^-scale` (`1494.52` is 149452 at scale 2). Reports write
/// decimals, and `1.26万亿` must come out as 1260000000000 exactly, not as a sum of floats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: i128,
    pub scale: u32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    pub fn from_int(n: u64) -> Decimal {
        Decimal {
            mantissa: i128::from(n),
            scale: 0,
        }
    }

    /// Trailing zeros after the point dropped: `1.50` is `1.5`.
    fn normal(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    fn rescaled(self, scale: u32) -> Option<i128> {
        self.mantissa
            .checked_mul(10i128.checked_pow(scale.checked_sub(self.scale)?)?)
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let mantissa = self.rescaled(scale)?.checked_add(other.rescaled(scale)?)?;
        Some(Decimal { mantissa, scale }.normal())
    }

    /// `self × 10^exp`, exactly.
    pub fn times_pow10(self, exp: u32) -> Option<Decimal> {
        if self.scale >= exp {
            return Some(Decimal {
                mantissa: self.mantissa,
                scale: self.scale - exp,
            });
        }
        let mantissa = self
            .mantissa
            .checked_mul(10i128.checked_pow(exp - self.scale)?)?;
        Some(Decimal { mantissa, scale: 0 })
    }

    pub fn negated(self) -> Decimal {
        Decimal {
            mantissa: -self.mantissa,
            scale: self.scale,
        }
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// The value when it is a whole non-negative number.
    pub fn to_u64(self) -> Option<u64> {
        if self.normal().scale == 0 {
            u64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }

    /// The nearest float: exact integers stay exact up to 2⁵³, and `149452 / 100` rounds to the
    /// float nearest 1494.52, as reading `"1494.52"` would.
    pub fn to_f64(self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let m = self.mantissa as f64;
        if self.scale == 0 {
            m
        } else {
            m / 10f64.powi(i32::try_from(self.scale).unwrap_or(i32::MAX))
        }
    }
}

/// One piece of a written number.
#[derive(Debug, Clone, Copy)]
enum Token {
    /// A Chinese digit `一`–`九` (single) or a run of Arabic digits, maybe with a decimal point.
    Num { value: Decimal, single: bool },
    /// `零` or `〇` between the parts of a Chinese numeral.
    Zero,
    /// `十百千` (and `拾佰仟`).
    Small(u64),
    /// `万` (4) or `亿` (8).
    Big(u32),
    /// `点` and the Chinese digits after it, as a fraction below 1.
    Point(Decimal),
}

/// Tokens longer than this end a numeral: no real number is written with more, and the cap keeps
/// the longest-prefix search below linear-times-constant on hostile text.
const MAX_TOKENS: usize = 40;

/// Read an Arabic number at the start of `s`: digits (half- or full-width), grouping commas and
/// one decimal point. Returns the value and the bytes read.
///
/// A comma groups only when exactly three digits follow it and no fourth, and only after a first
/// group of one to three digits: `5,565` and `1,234,567` are numbers, `1,2,3号线` and `20,3000`
/// are lists. The full-width comma `，` groups only full-width digits (`５，５６５`): between
/// half-width digits it is the enumeration comma of Chinese text (`分别为20，300件`).
pub fn read_arabic(s: &str) -> Option<(Decimal, usize)> {
    let bytes_of_run = |t: &str| -> (usize, usize) {
        let mut n = 0;
        let mut len = 0;
        for c in t.chars() {
            if arabic_digit(c).is_none() {
                break;
            }
            n += 1;
            len += c.len_utf8();
        }
        (n, len)
    };
    let (first_digits, mut len) = bytes_of_run(s);
    if first_digits == 0 {
        return None;
    }
    let full_width = s.starts_with(|c: char| ('０'..='９').contains(&c));
    if first_digits <= 3 {
        loop {
            let rest = &s[len..];
            let comma = if rest.starts_with(',') {
                1
            } else if full_width && rest.starts_with('，') {
                '，'.len_utf8()
            } else {
                break;
            };
            let (n, run) = bytes_of_run(&rest[comma..]);
            if n != 3 {
                break;
            }
            len += comma + run;
        }
    }
    let rest = &s[len..];
    if let Some(point) = ['.', '．'].into_iter().find(|p| rest.starts_with(*p)) {
        let (n, run) = bytes_of_run(&rest[point.len_utf8()..]);
        if n > 0 {
            len += point.len_utf8() + run;
        }
    }
    let mut mantissa: i128 = 0;
    let mut scale = 0u32;
    let mut after_point = false;
    for c in s[..len].chars() {
        if let Some(d) = arabic_digit(c) {
            mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(d))?;
            if after_point {
                scale += 1;
            }
        } else if c == '.' || c == '．' {
            after_point = true;
        }
    }
    Some((Decimal { mantissa, scale }.normal(), len))
}

/// Split the start of `s` into tokens, up to the first character that is no part of a numeral.
/// Each token comes with the byte offset where it ends.
fn tokens(s: &str) -> Vec<(Token, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while out.len() < MAX_TOKENS {
        let rest = &s[pos..];
        let Some(c) = rest.chars().next() else { break };
        let token = if arabic_digit(c).is_some() {
            let Some((value, len)) = read_arabic(rest) else {
                break;
            };
            let single = len == c.len_utf8();
            pos += len;
            Token::Num { value, single }
        } else if c == '点' {
            // `点` is a decimal point only between Chinese numerals: `二十三点四`.
            let mut frac = Decimal::ZERO;
            let mut len = c.len_utf8();
            for d in rest[len..].chars() {
                let Some(v) = digit_value(d).filter(|_| d != '两') else {
                    break;
                };
                frac.mantissa = frac.mantissa * 10 + i128::from(v);
                frac.scale += 1;
                len += d.len_utf8();
                if frac.scale > 20 {
                    break;
                }
            }
            let follows_chinese = s[..pos].chars().next_back().is_some_and(is_numeral_char);
            if frac.scale == 0 || !follows_chinese {
                break;
            }
            pos += len;
            Token::Point(frac.normal())
        } else if let Some(d) = digit_value(c) {
            pos += c.len_utf8();
            if d == 0 {
                Token::Zero
            } else {
                Token::Num {
                    value: Decimal::from_int(d),
                    single: true,
                }
            }
        } else if let Some(u) = small_unit(c) {
            pos += c.len_utf8();
            Token::Small(u)
        } else if let Some(e) = big_unit(c) {
            pos += c.len_utf8();
            Token::Big(e)
        } else {
            break;
        };
        out.push((token, pos));
    }
    out
}

/// The value of a whole sequence of tokens, or `None` when it is not one well-formed number.
///
/// The grammar is the Chinese one, with a run of Arabic digits allowed wherever a digit stands:
/// `6万5000`, `12万8千`, `3千零50万`. `零` marks a skipped place (`一万零十五` = 10015, where `零十`
/// is `一十`); a lone digit right after `百`, `千`, `万` or `亿` is the next place down, as people
/// say it (`三百六` = 360, `两万五` = 25000), but never after `十` (`三十六`) or after `零`
/// (`三百零六`).
fn evaluate(tokens: &[Token]) -> Option<Decimal> {
    let mut reading = Reading::default();
    for &t in tokens {
        match t {
            Token::Num { value, single } => reading.digits(value, single)?,
            Token::Zero => reading.zero()?,
            Token::Small(u) => reading.small_unit(u)?,
            Token::Big(e) => reading.big_unit(e)?,
            Token::Point(frac) => reading.point(frac)?,
        }
    }
    reading.value()
}

/// Where [`evaluate`] stands in a numeral, token by token.
struct Reading {
    /// The 万 and 亿 groups done.
    total: Decimal,
    /// The part below 万.
    section: Decimal,
    /// The pending digit, and whether it is a single digit.
    digit: Option<(Decimal, bool)>,
    last_small: u64,
    /// The unit right before the pending digit, if adjacent.
    last_unit: Option<u64>,
    zero_seen: bool,
    decimal_done: bool,
    last_big: u32,
    last_was_unit: bool,
    digit_after_unit: bool,
    whole_before_point: bool,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            total: Decimal::ZERO,
            section: Decimal::ZERO,
            digit: None,
            last_small: u64::MAX,
            last_unit: None,
            zero_seen: false,
            decimal_done: false,
            last_big: u32::MAX,
            last_was_unit: false,
            digit_after_unit: false,
            whole_before_point: false,
        }
    }
}

impl Reading {
    /// A digit, or a run of Arabic digits.
    fn digits(&mut self, value: Decimal, single: bool) -> Option<()> {
        if self.digit.is_some() || self.decimal_done {
            return None; // `二三` is not one number
        }
        if !single || value.scale > 0 {
            // An Arabic run inside a Chinese numeral must fit its place.
            let limit: u64 = match self.last_unit {
                _ if !self.last_was_unit && !self.zero_seen => u64::MAX,
                Some(u) if self.zero_seen => u / 10,
                Some(u) => {
                    if u >= 10_000 {
                        u
                    } else {
                        return None; // `3千50`: is it 3050 or 3500?
                    }
                }
                None => u64::MAX,
            };
            if value.to_f64() >= limit as f64 {
                return None;
            }
        }
        self.digit = Some((value, single));
        self.digit_after_unit = self.last_was_unit;
        self.last_was_unit = false;
        Some(())
    }

    fn zero(&mut self) -> Option<()> {
        if self.digit.is_some() || self.decimal_done {
            return None;
        }
        if self.section.is_zero() && self.total.is_zero() {
            // `零点五`; a leading `零` is otherwise no numeral (`零十`).
            self.digit = Some((Decimal::ZERO, true));
            return Some(());
        }
        self.zero_seen = true;
        self.last_was_unit = false;
        Some(())
    }

    /// `十`, `百` or `千`: `u` is 10, 100 or 1000.
    fn small_unit(&mut self, u: u64) -> Option<()> {
        if u >= self.last_small || self.decimal_done {
            return None; // `十十`, `百千`
        }
        let d = match self.digit.take() {
            None => Decimal::from_int(1),
            Some((v, _)) => match v.to_u64() {
                Some(n @ 1..=9) => Decimal::from_int(n),
                _ => return None, // `12千`, `1.5千`
            },
        };
        self.section = self.section.checked_add(d.times_pow10(u.ilog10())?)?;
        self.last_small = u;
        self.last_unit = Some(u);
        self.zero_seen = false;
        self.last_was_unit = true;
        Some(())
    }

    /// `万` or `亿`: `e` is 4 or 8.
    fn big_unit(&mut self, e: u32) -> Option<()> {
        if self.whole_before_point {
            return None;
        }
        let group = match self.digit.take() {
            Some((v, _)) => self.section.checked_add(v)?,
            None => self.section,
        };
        if group.is_zero() && self.total.is_zero() {
            return None; // a bare `万`
        }
        if e == 4 {
            if self.last_big == 4 {
                return None; // `万万`
            }
            self.total = add_wan_group(self.total, group)?;
        } else {
            self.total = self.total.checked_add(group)?.times_pow10(8)?;
        }
        self.section = Decimal::ZERO;
        self.last_small = u64::MAX;
        self.last_unit = Some(10u64.pow(e));
        self.last_big = e;
        self.zero_seen = false;
        self.last_was_unit = true;
        Some(())
    }

    /// `点` and the fraction after it.
    fn point(&mut self, frac: Decimal) -> Option<()> {
        if self.decimal_done {
            return None;
        }
        let whole = match self.digit.take() {
            Some((v, true)) => self.total.checked_add(self.section)?.checked_add(v)?,
            Some((_, false)) => return None,
            None => self.total.checked_add(self.section)?,
        };
        // `一万点五` is 10000.5; `一点五万` is 15000; `一万点五万` is nothing.
        self.whole_before_point = !self.total.is_zero();
        self.total = Decimal::ZERO;
        self.digit = Some((whole.checked_add(frac)?, false));
        self.section = Decimal::ZERO;
        self.last_small = 1;
        self.decimal_done = true;
        self.last_was_unit = false;
        Some(())
    }

    /// The value read, with a pending digit put in its place.
    fn value(self) -> Option<Decimal> {
        let rest = match self.digit {
            None => Decimal::ZERO,
            Some((v, single)) => {
                // The colloquial abbreviation: `三百六`, `两万五`, `一千二`, `1万5`.
                match self.last_unit {
                    Some(u) if single && self.digit_after_unit && u >= 100 && !self.zero_seen => {
                        v.times_pow10(u.ilog10() - 1)?
                    }
                    _ => v,
                }
            }
        };
        self.total.checked_add(self.section)?.checked_add(rest)
    }
}

/// `total` with a 万 group added: `一亿五千万` puts the 5000 below the 亿.
fn add_wan_group(total: Decimal, group: Decimal) -> Option<Decimal> {
    let scale = total.scale.max(group.scale);
    let t = total.rescaled(scale)?;
    let yi_unit = 100_000_000i128.checked_mul(10i128.checked_pow(scale)?)?;
    let below = t % yi_unit;
    let mantissa = (t - below).checked_add(
        below
            .checked_add(group.rescaled(scale)?)?
            .checked_mul(10_000)?,
    )?;
    Some(Decimal { mantissa, scale }.normal())
}

/// Read a whole Chinese integer: `十二` → 12, `一百二十` → 120, `一万零一十二` → 10012,
/// `一万零十五` → 10015, `一万五千亿` → 1.5×10¹², `两千` → 2000, `三百六` → 360, `两万五` → 25000,
/// and digit strings like `二〇二一` → 2021.
/// `None` when the string is empty, has other characters or is malformed (`十十`).
pub fn parse_chinese(s: &str) -> Option<u64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || !chars.iter().all(|&c| is_numeral_char(c)) {
        return None;
    }
    if let Some(v) = positional(&chars) {
        return v;
    }
    parse_number(s)?.to_u64()
}

/// A string of plain Chinese digits (a year, a code) is read positionally; two digits without a
/// zero (`二三`) are an approximation (`二三十人`), not a number. `None` when `chars` is not such
/// a string; `Some(None)` when it is one but too long.
fn positional(chars: &[char]) -> Option<Option<u64>> {
    let is_positional = chars.len() > 1
        && (chars.len() > 2 || chars.iter().any(|&c| digit_value(c) == Some(0)))
        && chars.iter().all(|&c| digit_value(c).is_some());
    is_positional.then(|| {
        chars.iter().try_fold(0u64, |acc, &c| {
            acc.checked_mul(10)?.checked_add(digit_value(c)?)
        })
    })
}

/// Read a whole number in any form reports use: Arabic (`5,565`, `１２.５`), Chinese (`二十三点四`,
/// `二百零三万零五千零十八`), mixed (`6万5000`, `12万8千`, `3千零50万`, `1.26万亿`) and the colloquial
/// abbreviations (`三百六`, `两万五`). No sign, no unit: `None` when anything else is in `s`.
pub fn parse_number(s: &str) -> Option<Decimal> {
    let toks = tokens(s);
    let (_, end) = toks.last()?;
    if *end != s.len() {
        return None;
    }
    let only: Vec<Token> = toks.iter().map(|(t, _)| *t).collect();
    evaluate(&only)
}

/// The longest number at the start of `s` (as [`parse_number`] reads it), with its length in bytes.
/// A run of three or more Chinese digits is read positionally (`二〇二一`).
pub fn read_number(s: &str) -> Option<(Decimal, usize)> {
    let run: Vec<char> = s
        .chars()
        .take_while(|&c| digit_value(c).is_some())
        .take(MAX_TOKENS)
        .collect();
    let run_len: usize = run.iter().map(|c| c.len_utf8()).sum();
    let next_is_unit = s[run_len..]
        .starts_with(|c: char| small_unit(c).is_some() || big_unit(c).is_some() || c == '点');
    if !next_is_unit {
        if let Some(Some(v)) = positional(&run) {
            return Some((Decimal::from_int(v), run_len));
        }
    }
    let toks = tokens(s);
    let only: Vec<Token> = toks.iter().map(|(t, _)| *t).collect();
    (1..=only.len())
        .rev()
        .find_map(|n| evaluate(&only[..n]).map(|v| (v, toks[n - 1].1)))
}

/// A value as people write it: `437` rather than `437.0`, `23.29` as is.
pub fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Write a number in Chinese counting form: 1 → `一`, 10 → `十`, 21 → `二十一`, 105 → `一百零五`.
pub fn to_chinese(n: u32) -> String {
    to_chinese_u64(u64::from(n))
}

/// [`to_chinese`] for any size: 1.5×10¹² → `一万五千亿`, 100000005 → `一亿零五`.
pub fn to_chinese_u64(n: u64) -> String {
    write_chinese(n, &LOWER_DIGITS, &['十', '百', '千'], true)
}

/// Write a number in the financial (大写) form: 12 → `壹拾贰`.
pub fn to_chinese_financial(n: u32) -> String {
    write_chinese(
        u64::from(n),
        &['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
        &['拾', '佰', '仟'],
        false,
    )
}

const LOWER_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Write a decimal in Chinese: 23.4 → `二十三点四`, −2.05 → `负二点零五`.
pub fn to_chinese_decimal(d: Decimal) -> String {
    let d = d.normal();
    let mut out = String::new();
    if d.mantissa < 0 {
        out.push('负');
    }
    let digits = d.mantissa.unsigned_abs().to_string();
    let scale = d.scale as usize;
    let digits = format!("{digits:0>width$}", width = scale + 1);
    let (int, frac) = digits.split_at(digits.len() - scale);
    out.push_str(&to_chinese_u64(int.parse().unwrap_or(u64::MAX)));
    if !frac.is_empty() {
        out.push('点');
        for c in frac.chars() {
            out.push(LOWER_DIGITS[c.to_digit(10).unwrap_or(0) as usize]);
        }
    }
    out
}

/// Write a number as reports mix Arabic digits with `万` and `亿`: 128000 → `12万8000`,
/// 100050000 → `1亿零5万`, 1.26×10¹² → `12600亿`.
pub fn to_mixed(n: u64) -> String {
    let groups = [
        (n / 100_000_000, "亿"),
        (n / 10_000 % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut out = String::new();
    let mut pending_zero = false;
    for (g, unit) in groups {
        if g == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (pending_zero || g < 1000) {
            out.push('零');
        }
        pending_zero = false;
        out.push_str(&g.to_string());
        out.push_str(unit);
    }
    if out.is_empty() {
        out.push('0');
    }
    out
}

fn write_chinese(n: u64, digits: &[char; 10], units: &[char; 3], drop_leading_one: bool) -> String {
    if n == 0 {
        return digits[0].to_string();
    }
    fn below_10000(n: u64, digits: &[char; 10], units: &[char; 3], out: &mut String) {
        let parts = [
            (n / 1000, Some(units[2])),
            (n / 100 % 10, Some(units[1])),
            (n / 10 % 10, Some(units[0])),
            (n % 10, None),
        ];
        let mut pending_zero = false;
        let mut started = false;
        for (d, unit) in parts {
            if d == 0 {
                pending_zero = started;
                continue;
            }
            started = true;
            if pending_zero {
                out.push(digits[0]);
                pending_zero = false;
            }
            out.push(digits[d as usize]);
            if let Some(u) = unit {
                out.push(u);
            }
        }
    }
    /// Below 10⁸: the 万 group and the rest, with `零` for a skipped place.
    fn below_yi(n: u64, digits: &[char; 10], units: &[char; 3], out: &mut String) {
        let wan = n / 10_000;
        let rest = n % 10_000;
        if wan > 0 {
            below_10000(wan, digits, units, out);
            out.push('万');
        }
        if rest > 0 {
            if wan > 0 && rest < 1000 {
                out.push(digits[0]);
            }
            below_10000(rest, digits, units, out);
        }
    }
    let mut out = String::new();
    let yi = n / 100_000_000;
    let rest = n % 100_000_000;
    if yi > 0 {
        if yi >= 100_000_000 {
            // Beyond 亿亿 nobody writes Chinese numerals; write the count of 亿 as digits.
            out.push_str(&yi.to_string());
        } else {
            below_yi(yi, digits, units, &mut out);
        }
        out.push('亿');
        if rest > 0 && rest < 10_000_000 {
            out.push(digits[0]);
        }
    }
    if rest > 0 {
        below_yi(rest, digits, units, &mut out);
    }
    if drop_leading_one && (10..20).contains(&n) {
        out.remove(0);
    }
    out
}

/// Write a number in upper-case Roman numerals (0 gives an empty string).
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while n >= value {
            out.push_str(symbol);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chinese_integers() {
        let cases: &[(&str, Option<u64>)] = &[
            ("一", Some(1)),
            ("十", Some(10)),
            ("十二", Some(12)),
            ("二十", Some(20)),
            ("一百二十", Some(120)),
            ("一百零五", Some(105)),
            ("两千", Some(2000)),
            ("三千", Some(3000)),
            ("一万零一十二", Some(10_012)),
            ("一万五千亿", Some(1_500_000_000_000)),
            ("一亿五千万", Some(150_000_000)),
            ("二〇二一", Some(2021)),
            ("壹拾贰", Some(12)),
            ("一万零十五", Some(10_015)),
            ("二百零三万零五千零十八", Some(2_035_018)),
            ("三千四百五", Some(3450)),
            ("两万五", Some(25_000)),
            ("三百六", Some(360)),
            ("三百六十五", Some(365)),
            ("三百零六", Some(306)),
            ("一千二", Some(1200)),
            ("一亿五", Some(150_000_000)),
            ("一万亿", Some(1_000_000_000_000)),
            ("十六", Some(16)),
            ("十十", None),
            ("万万", None),
            ("零十", None),
            ("二三", None),
            ("", None),
            ("十a", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_chinese(text), *expected, "{text}");
        }
    }

    #[test]
    fn reads_mixed_and_decimal_numbers() {
        let cases: &[(&str, Option<f64>)] = &[
            ("6万5000", Some(65_000.0)),
            ("12万8千", Some(128_000.0)),
            ("3千零50万", Some(30_500_000.0)),
            ("2千零5", Some(2005.0)),
            ("1.26万亿", Some(1.26e12)),
            ("35万亿", Some(3.5e13)),
            ("1万5", Some(15_000.0)),
            ("二十三点四", Some(23.4)),
            ("零点五", Some(0.5)),
            ("十点零五", Some(10.05)),
            ("一点五万", Some(15_000.0)),
            ("5,565", Some(5565.0)),
            ("５，５６５", Some(5565.0)),
            ("1,234,567.5", Some(1_234_567.5)),
            ("１２．５", Some(12.5)),
            ("3千50", None),
            ("6万50000", None),
            ("12千", None),
            ("三百点五", Some(300.5)),
            ("一万点五", Some(10_000.5)),
            ("一万点五万", None),
            ("二十三点四五六万", Some(234_560.0)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_number(text).map(Decimal::to_f64), *expected, "{text}");
        }
    }

    #[test]
    fn grouping_commas_need_three_digits() {
        assert_eq!(read_arabic("1,2,3号线").map(|(_, n)| n), Some(1));
        assert_eq!(read_arabic("20,3000").map(|(_, n)| n), Some(2));
        assert_eq!(read_arabic("20，300").map(|(_, n)| n), Some(2));
        assert_eq!(read_arabic("1234,567").map(|(_, n)| n), Some(4));
        assert_eq!(read_arabic("5,565件").map(|(_, n)| n), Some(5));
    }

    #[test]
    fn reads_the_longest_number() {
        assert_eq!(
            read_number("三千四百五十人").map(|(v, n)| (v.to_u64(), n)),
            Some((Some(3450), "三千四百五十".len()))
        );
        assert_eq!(
            read_number("二〇二一年").map(|(v, n)| (v.to_u64(), n)),
            Some((Some(2021), "二〇二一".len()))
        );
        assert_eq!(
            read_number("12三").map(|(v, n)| (v.to_u64(), n)),
            Some((Some(12), 2))
        );
        let long = "一二".repeat(3000);
        assert!(read_number(&long).is_some());
    }

    #[test]
    fn writes_chinese_integers() {
        for (n, expected) in [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (105, "一百零五"),
            (1010, "一千零一十"),
            (10_012, "一万零一十二"),
        ] {
            assert_eq!(to_chinese(n), expected);
            assert_eq!(parse_chinese(expected), Some(u64::from(n)));
        }
        assert_eq!(to_chinese_u64(1_500_000_000_000), "一万五千亿");
        assert_eq!(to_chinese_u64(100_000_005), "一亿零五");
        assert_eq!(to_chinese_u64(105_000_000), "一亿零五百万");
        assert_eq!(to_mixed(128_000), "12万8000");
        assert_eq!(to_mixed(100_050_000), "1亿零5万");
        assert_eq!(to_chinese_financial(12), "壹拾贰");
        assert_eq!(to_roman(1994), "MCMXCIV");
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn chinese_integers_round_trip(n in 0u64..=10_000_000_000_000) {
                let written = to_chinese_u64(n);
                prop_assert_eq!(parse_chinese(&written), Some(n), "{}", written);
                prop_assert_eq!(parse_number(&written).and_then(Decimal::to_u64), Some(n), "{}", written);
            }

            #[test]
            fn small_chinese_integers_round_trip(n in 0u64..=100_000) {
                prop_assert_eq!(parse_chinese(&to_chinese_u64(n)), Some(n));
            }

            #[test]
            fn mixed_integers_round_trip(n in 1u64..=10_000_000_000_000) {
                let written = to_mixed(n);
                prop_assert_eq!(parse_number(&written).and_then(Decimal::to_u64), Some(n), "{}", written);
            }

            #[test]
            fn chinese_decimals_round_trip(int in 0u64..=1_000_000_000_000, frac in 1u64..1_000_000, scale in 1u32..=6) {
                let frac = frac % 10u64.pow(scale);
                let d = Decimal { mantissa: i128::from(int) * 10i128.pow(scale) + i128::from(frac), scale }.normal();
                let written = to_chinese_decimal(d);
                prop_assert_eq!(parse_number(&written), Some(d), "{}", written);
            }

            #[test]
            fn reading_never_panics(s in "[0-9０-９,，.零〇一二两三四五六七八九十百千万亿点]{0,30}") {
                let _ = read_number(&s);
                let _ = parse_chinese(&s);
            }
        }
    }
}
