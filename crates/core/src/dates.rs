//! Calendar dates as reports and portals write them.
//!
//! `2022年12月5日`, `二〇二二年十二月五日`, `2022-12-27`, `2021/01/07`, `2021.1.7`, with or
//! without a trailing time. A date that does not exist (`2月30日`) or is cut short (`202116`) is
//! not a [`Date`]; the checks report such text, the metadata leaves the field empty.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use crate::numerals::parse_chinese;

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `None` unless the day exists in that month of that year.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let month = u8::try_from(month).ok()?;
        (day <= u32::from(days_in_month(year, month))).then_some(Self {
            year,
            month,
            day: u8::try_from(day).ok()?,
        })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

const CN_DIGITS: &str = "〇零○Ｏ一二两三四五六七八九十";

/// A date written with 年月日, in Arabic or Chinese numerals.
pub static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([0-9０-９]{{4}}|[{CN_DIGITS}]{{4}})\s*年\s*([0-9０-９]{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月\s*([0-9０-９]{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*日"
    ))
    .expect("valid date pattern")
});

/// A date written with `-`, `/` or `.` between the numbers.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})(?:$|[^\d])")
        .expect("valid date pattern")
});

fn number(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            'Ｏ' | '○' => '〇',
            _ => c,
        })
        .collect();
    if ascii.chars().all(|c| c.is_ascii_digit()) {
        return ascii.parse().ok();
    }
    parse_chinese(&ascii).and_then(|n| u32::try_from(n).ok())
}

/// Read a date at the start of `s` (a field value such as `2021年01月07日 11:11`).
pub fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(c) = YMD
        .captures(s)
        .filter(|c| c.get(0).is_some_and(|m| m.start() == 0))
    {
        return Date::new(
            i32::try_from(number(&c[1])?).ok()?,
            number(&c[2])?,
            number(&c[3])?,
        );
    }
    let c = NUMERIC.captures(s)?;
    Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A time of day after a date: `15:31:55`, `10:00`, `09时24分`, `10时`.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t\u{3000}\u{a0}]*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}\s*时(?:\s*\d{1,2}\s*分(?:\s*\d{1,2}\s*秒)?)?)")
        .expect("valid time pattern")
});

/// A date at the very start of `s` with the time of day that may follow it, as portals print a
/// page's date (`2021-03-31 15:31:55`, `2023/01/18 11:34:01`, `2023年03月30日 09时24分`):
/// the date and the byte length of what it covers. `None` when `s` does not start with a valid
/// date, or when digits run on after it (`2021-03-311`).
pub fn date_time_prefix(s: &str) -> Option<(Date, usize)> {
    let date = parse(s)?;
    let lead = s.len() - s.trim_start().len();
    let rest = &s[lead..];
    let end = if let Some(m) = YMD.find(rest).filter(|m| m.start() == 0) {
        m.end()
    } else {
        let digits = |t: &str| t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let mut end = digits(rest);
        for _ in 0..2 {
            let sep = rest[end..]
                .chars()
                .take_while(|c| c.is_whitespace() || "-/.．".contains(*c))
                .map(char::len_utf8)
                .sum::<usize>();
            end += sep;
            end += digits(&rest[end..]);
        }
        end
    };
    let mut end = lead + end;
    if let Some(m) = TIME.find(&s[end..]) {
        end += m.end();
    }
    if s[end..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((date, end))
}

/// A line that consists of a date, well-formed or not: `2022年12月5日`, `二〇二二年十二月五日`,
/// or digits that stand where a signing date stands (`202116`).
pub fn is_date_line(line: &str) -> bool {
    let compact: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    if let Some(m) = YMD.find(&compact) {
        return m.start() == 0 && m.end() == compact.len();
    }
    if NUMERIC.is_match(&compact)
        && compact
            .chars()
            .all(|c| c.is_ascii_digit() || "-/.．".contains(c))
    {
        return true;
    }
    let digits = compact.chars().count();
    (5..=8).contains(&digits)
        && compact.chars().all(|c| c.is_ascii_digit())
        && compact.starts_with("20")
}

/// A year written in four Arabic or Chinese digits (`2022`, `二〇二二`).
pub fn parse_year(s: &str) -> Option<i32> {
    number(s)
        .and_then(|n| i32::try_from(n).ok())
        .filter(|y| (1949..=2200).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_reports_use() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2022年12月5日", Some("2022-12-05")),
            ("2021年01月07日 11:11", Some("2021-01-07")),
            ("二〇二二年十二月五日", Some("2022-12-05")),
            ("二○二三年一月三十一日", Some("2023-01-31")),
            ("2022-12-27 14:10:37", Some("2022-12-27")),
            ("2021/3/30", Some("2021-03-30")),
            ("２０２１年３月３０日", Some("2021-03-30")),
            ("2021年2月29日", None),
            ("2020年2月29日", Some("2020-02-29")),
            ("2022年13月1日", None),
            ("202116", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text).map(|d| d.iso()).as_deref(), *expected, "{text}");
        }
    }

    #[test]
    fn a_page_date_with_its_time_of_day() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "2021-03-31 15:31:55 来源 : 本网",
                Some(("2021-03-31", " 来源 : 本网")),
            ),
            ("2023/01/18 11:34:01", Some(("2023-01-18", ""))),
            ("2023年03月30日 09时24分", Some(("2023-03-30", ""))),
            ("2022-03-30 15:59", Some(("2022-03-30", ""))),
            ("2017年12月13日 字号", Some(("2017-12-13", " 字号"))),
            ("2026-02-14", Some(("2026-02-14", ""))),
            ("2021-03-311", None),
            ("2021年2月30日 10:00", None),
            ("来源:本网 2021-03-31", None),
        ];
        for (text, expected) in cases {
            let got = date_time_prefix(text).map(|(d, end)| (d.iso(), &text[end..]));
            let expected = expected.map(|(d, rest)| (d.to_owned(), rest));
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn date_lines_include_malformed_signing_dates() {
        for line in [
            "2022年12月5日",
            "  二〇二二年十二月五日 ",
            "202116",
            "2021-01-07",
            "2021年2月30日",
        ] {
            assert!(is_date_line(line), "{line}");
        }
        for line in [
            "2022年12月5日召开会议。",
            "12345",
            "东方市人民政府",
            "2021年",
        ] {
            assert!(!is_date_line(line), "{line}");
        }
    }
}
