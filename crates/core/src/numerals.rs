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
    digit_value(c).is_some() || small_unit(c).is_some() || matches!(c, '万' | '萬' | '亿' | '億')
}

/// Read a whole Chinese integer: `十二` → 12, `一百二十` → 120, `一万零一十二` → 10012,
/// `一万五千亿` → 1.5×10¹², `两千` → 2000, and digit strings like `二〇二一` → 2021.
/// `None` when the string is empty, has other characters or is malformed (`十十`).
pub fn parse_chinese(s: &str) -> Option<u64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || !chars.iter().all(|&c| is_numeral_char(c)) {
        return None;
    }
    // A string of plain digits (a year, a code) is read positionally; two digits without a zero
    // (`二三`) are an approximation (`二三十人`), not a number.
    let positional = chars.len() > 2 || chars.iter().any(|&c| digit_value(c) == Some(0));
    if chars.len() > 1 && positional && chars.iter().all(|&c| digit_value(c).is_some()) {
        return chars.iter().try_fold(0u64, |acc, &c| {
            acc.checked_mul(10)?.checked_add(digit_value(c)?)
        });
    }
    let mut total: u64 = 0; // completed 亿 groups and 万 groups
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut last_small_unit = u64::MAX;
    for &c in &chars {
        if let Some(d) = digit_value(c) {
            if digit.is_some_and(|prev| prev != 0) {
                return None; // two digits in a row: `二三` is not one number
            }
            digit = Some(d);
        } else if let Some(unit) = small_unit(c) {
            if unit >= last_small_unit {
                return None; // `十十`, `百千`
            }
            last_small_unit = unit;
            let d = digit.take().unwrap_or(1);
            section = section.checked_add(d.checked_mul(unit)?)?;
        } else {
            let big: u64 = if matches!(c, '万' | '萬') {
                10_000
            } else {
                100_000_000
            };
            let group = section.checked_add(digit.take().unwrap_or(0))?;
            if group == 0 && total == 0 {
                return None;
            }
            if big == 10_000 {
                // `一亿五千万`: the 万 group joins what is below 亿.
                let below_yi = total % 100_000_000;
                let yi = total - below_yi;
                total = yi.checked_add((below_yi + group).checked_mul(10_000)?)?;
            } else {
                total = total.checked_add(group)?.checked_mul(100_000_000)?;
            }
            section = 0;
            last_small_unit = u64::MAX;
        }
    }
    let rest = section.checked_add(digit.unwrap_or(0))?;
    total.checked_add(rest)
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
    write_chinese(
        n,
        &['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
        &['十', '百', '千'],
        true,
    )
}

/// Write a number in the financial (大写) form: 12 → `壹拾贰`.
pub fn to_chinese_financial(n: u32) -> String {
    write_chinese(
        n,
        &['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
        &['拾', '佰', '仟'],
        false,
    )
}

fn write_chinese(n: u32, digits: &[char; 10], units: &[char; 3], drop_leading_one: bool) -> String {
    if n == 0 {
        return digits[0].to_string();
    }
    fn below_10000(n: u32, digits: &[char; 10], units: &[char; 3], out: &mut String) {
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
    let mut out = String::new();
    let groups = [
        (n / 100_000_000, Some('亿')),
        (n / 10_000 % 10_000, Some('万')),
        (n % 10_000, None),
    ];
    let mut started = false;
    for (g, big) in groups {
        if g == 0 {
            continue;
        }
        if started && g < 1000 {
            out.push(digits[0]);
        }
        below_10000(g, digits, units, &mut out);
        if let Some(b) = big {
            out.push(b);
        }
        started = true;
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
            ("十十", None),
            ("二三", None),
            ("", None),
            ("十a", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_chinese(text), *expected, "{text}");
        }
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
        assert_eq!(to_chinese_financial(12), "壹拾贰");
        assert_eq!(to_roman(1994), "MCMXCIV");
    }
}
