//! Calendar dates as reports and portals write them.
//!
//! `2022年12月5日`, `二〇二二年十二月五日`, `2022-12-27`, `2021/01/07`, `2021.1.7`, with or
//! without a trailing time. A date that does not exist (`2月30日`) or is cut short (`202116`) is
//! not a [`Date`]; the checks report such text, the metadata leaves the field empty.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::Genre;
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

    /// `2024年4月1日`.
    pub fn zh(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
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
    crate::pattern::regex(&format!(
        r"([0-9０-９]{{4}}|[{CN_DIGITS}]{{4}})\s*年\s*([0-9０-９]{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月\s*([0-9０-９]{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*日"
    ))
    .expect("valid date pattern")
});

/// A date written with `-`, `/` or `.` between the numbers.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"^(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})(?:$|[^\d])")
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

/// A date written in Chinese numerals that does not exist (`二〇二一年二月二十九日`,
/// `二〇二三年十三月五日`): the byte range of each in `s`. Dates in Arabic numerals are left to the
/// caller, which reads them with more context.
pub fn impossible_chinese_dates(s: &str) -> Vec<(usize, usize)> {
    YMD.captures_iter(s)
        .filter(|c| {
            c.get(2)
                .is_some_and(|m| !m.as_str().chars().any(|ch| ch.is_ascii_digit()))
        })
        .filter_map(|c| {
            let whole = c.get(0)?;
            let year = i32::try_from(number(&c[1])?).ok()?;
            let (month, day) = (number(&c[2])?, number(&c[3])?);
            Date::new(year, month, day)
                .is_none()
                .then_some((whole.start(), whole.end()))
        })
        .collect()
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
    crate::pattern::regex(r"^[ \t\u{3000}\u{a0}]*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\d{1,2}\s*时(?:\s*\d{1,2}\s*分(?:\s*\d{1,2}\s*秒)?)?)")
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

/// A line that only stamps a time: a portal's date line (`• 2023年03月30日 09时24分`,
/// `发布时间：2023-03-30 09:24`), a site clock (`今天是2024年5月6日 星期一`) or a date alone.
/// Such a line is chrome or a signature, never the text's own words about a year.
pub fn is_stamp(line: &str) -> bool {
    let compact: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    if is_date_line(&compact) {
        return true;
    }
    let has_date = YMD.is_match(&compact) || NUMERIC_ANY.is_match(&compact);
    has_date
        && (CLOCK.is_match(&compact)
            || compact.contains("星期")
            || compact.contains("今天是")
            || (compact.chars().count() <= 40 && !compact.contains(['。', '，', ',', '；'])))
}

/// A date written with `-`, `/` or `.` anywhere in a line.
static NUMERIC_ANY: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"\d{4}[-/.．]\d{1,2}[-/.．]\d{1,2}").expect("valid pattern")
});

/// A clock time: `09:24`, `09时24分`.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*时\s*\d{1,2}\s*分")
        .expect("valid pattern")
});

/// A year in Arabic digits followed by 年: `2022年`, `2022年度`.
static ARABIC_YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(r"(?:19|20)[0-9]{2}年").expect("valid pattern"));

/// The years `s` speaks of, as (byte offset, year): each `YYYY年` that is not inside a cited
/// title (`《…纲要(2015—2020年)》`), not an end of a period (`2021—2025年`, `2020年-2021年`) and
/// not part of a time stamp (`2023年03月30日 09时24分`).
pub fn spoken_years(s: &str) -> Vec<(usize, i32)> {
    let mut out = Vec::new();
    for m in ARABIC_YEAR.find_iter(s) {
        let before = &s[..m.start()];
        let after = &s[m.end()..];
        if inside_title_marks(before) || in_range(before, after) {
            continue;
        }
        let stamped = YMD.find(&s[m.start()..]).is_some_and(|d| {
            d.start() == 0
                && CLOCK
                    .find(&s[m.start() + d.end()..])
                    .is_some_and(|c| c.start() <= 2)
        });
        if stamped {
            continue;
        }
        if let Some(year) = s
            .get(m.start()..m.start() + 4)
            .and_then(|y| y.parse().ok())
            .and_then(|y: i32| (1949..=2200).contains(&y).then_some(y))
        {
            out.push((m.start(), year));
        }
    }
    out
}

/// Words before a year that make it a target or a point of comparison, not the year spoken of.
const NOT_SPOKEN_BEFORE: &[&str] = &["到", "至", "较", "比", "对标", "同", "与"];
/// Words after a year that make it a starting point, a deadline or a target.
const NOT_SPOKEN_AFTER: &[&str] = &[
    "以来", "来", "起", "至今", "以前", "以后", "前", "后", "底前", "目标",
];

/// The years a sentence speaks of (see [`spoken_years`]) that are not a target (`到2025年`), a
/// comparison (`较2021年`) or a starting point (`2021年以来`), as (byte offset, year).
pub fn reported_years(sentence: &str) -> Vec<(usize, i32)> {
    spoken_years(sentence)
        .into_iter()
        .filter(|&(i, _)| {
            let before = sentence.get(..i).unwrap_or_default();
            let after = sentence
                .get(i + "2000年".len()..)
                .unwrap_or_default()
                .trim_start_matches('度');
            !NOT_SPOKEN_BEFORE.iter().any(|w| before.ends_with(w))
                && !NOT_SPOKEN_AFTER.iter().any(|w| after.starts_with(w))
        })
        .collect()
}

/// The year a sentence speaks of: the first of [`reported_years`].
pub fn reported_year(sentence: &str) -> Option<(usize, i32)> {
    reported_years(sentence).into_iter().next()
}

/// Whether the text before a position leaves a 《 or 〈 open.
fn inside_title_marks(before: &str) -> bool {
    let mut depth = 0i32;
    for c in before.chars() {
        match c {
            '《' | '〈' => depth += 1,
            '》' | '〉' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

const RANGE_MARKS: &[char] = &['—', '–', '-', '－', '~', '～', '至', '到', '―'];

/// Whether a `YYYY年` between `before` and `after` ends or starts a period of years.
fn in_range(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    let ends_range = b.ends_with(RANGE_MARKS)
        && b.trim_end_matches(RANGE_MARKS)
            .trim_end_matches('年')
            .chars()
            .rev()
            .take(4)
            .filter(char::is_ascii_digit)
            .count()
            == 4;
    let a = after.trim_start_matches('度').trim_start();
    let starts_range = a.starts_with(RANGE_MARKS)
        && a.trim_start_matches(RANGE_MARKS)
            .chars()
            .take(4)
            .filter(char::is_ascii_digit)
            .count()
            == 4;
    ends_range || starts_range
}

/// Words of a title that make the report something other than the year's annual report.
const PART_YEAR: &[&str] = &[
    "半年", "季度", "月份", "1-", "1—", "前三", "述法", "述职", "自查", "督察", "督查", "评估",
    "考核", "专项",
];

/// The kinds of annual report whose dates a regulation sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnualReport {
    /// 法治政府建设（情况）年度报告.
    RuleOfLaw,
    /// 政府信息公开工作年度报告.
    OpenGovernment,
}

impl AnnualReport {
    /// The kind of annual report a document of `genre` titled `title` is, and the year it
    /// reports on, when the title names exactly one year: `…关于2022年法治政府建设情况的报告` →
    /// (RuleOfLaw, 2022). `None` for other genres and for a report whose title is missing or
    /// names no single year (a year read from the body is a guess, not a fact to judge by).
    pub fn of(genre: Genre, title: Option<&str>) -> Option<(AnnualReport, i32)> {
        let title = title?;
        // A half-year, quarterly or monthly report, a self-inspection, a leader's 述法 report: not
        // the annual report the rules date.
        if PART_YEAR.iter().any(|w| title.contains(w)) {
            return None;
        }
        let kind = match genre {
            Genre::RuleOfLaw => AnnualReport::RuleOfLaw,
            Genre::InformationDisclosure => AnnualReport::OpenGovernment,
            _ => return None,
        };
        match spoken_years(title).as_slice() {
            [(_, year)] => Some((kind, *year)),
            _ => None,
        }
    }

    /// The latest date a report on `year` may be signed or made public, and the rule that sets it.
    pub fn deadline(self, year: i32) -> Option<Deadline> {
        let (date, publication, source_zh, source_en) = match self {
            // In force from 2019-04-15: the reports on 2019 onwards.
            AnnualReport::RuleOfLaw if year >= 2019 => (
                Date::new(year + 1, 4, 1)?,
                true,
                "《法治政府建设与责任落实督察工作规定》第二十四条：年度报告每年4月1日之前向社会公开",
                "article 24 of the regulation on rule-of-law government inspection: public before 1 April",
            ),
            // The outline sets when the report is made, not when it is published.
            AnnualReport::RuleOfLaw => (
                Date::new(year + 1, 3, 31)?,
                false,
                "《法治政府建设实施纲要（2015—2020年）》：每年第一季度报告上一年度法治政府建设情况",
                "the 2015–2020 outline for a rule-of-law government: report in the first quarter",
            ),
            // Departments publish by 31 January, the government's own report by 31 March: the
            // later date holds for every body.
            AnnualReport::OpenGovernment if year >= 2019 => (
                Date::new(year + 1, 3, 31)?,
                true,
                "《政府信息公开条例》第四十九条：年度报告最迟每年3月31日前向社会公布（县级以上政府部门为1月31日前）",
                "article 49 of the Regulations on Open Government Information: public by 31 March at the latest",
            ),
            AnnualReport::OpenGovernment => (
                Date::new(year + 1, 3, 31)?,
                true,
                "《政府信息公开条例》（2007年）第三十一条：每年3月31日前公布年度报告",
                "article 31 of the 2007 Regulations on Open Government Information: public by 31 March",
            ),
        };
        Some(Deadline {
            date,
            publication,
            source_zh,
            source_en,
        })
    }
}

/// The latest date a report may be made public, and the rule that sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub date: Date,
    /// Whether the rule binds the publication too (else only the making of the report).
    pub publication: bool,
    pub source_zh: &'static str,
    pub source_en: &'static str,
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
    fn impossible_dates_in_chinese_numerals() {
        assert_eq!(
            impossible_chinese_dates("二〇二一年二月二十九日召开"),
            vec![(0, 33)]
        );
        assert_eq!(impossible_chinese_dates("二〇二三年十三月五日").len(), 1);
        assert!(impossible_chinese_dates("二〇二〇年二月二十九日").is_empty());
        assert!(impossible_chinese_dates("二〇二三年十二月三十一日").is_empty());
        assert!(impossible_chinese_dates("2021年2月29日").is_empty());
    }

    #[test]
    fn spoken_years_skip_titles_periods_and_stamps() {
        let years = |s: &str| {
            spoken_years(s)
                .into_iter()
                .map(|(_, y)| y)
                .collect::<Vec<_>>()
        };
        assert_eq!(years("2022年，我市落实《纲要(2015—2020年)》"), vec![2022]);
        assert_eq!(
            years("对照2021-2025年规划和2020年-2021年计划"),
            Vec::<i32>::new()
        );
        assert_eq!(years("2023年03月30日 09时24分 2022年度"), vec![2022]);
        assert_eq!(
            reported_year("2021年以来，较2020年，2022年").map(|x| x.1),
            Some(2022)
        );
        assert_eq!(reported_year("到2025年基本建成"), None);
        // Full-width digits are not read as a year, and never split.
        assert_eq!(years("20２２年，我市"), Vec::<i32>::new());
    }

    #[test]
    fn stamps() {
        for line in [
            "  • 2023年03月30日 09时24分",
            "今天是2024年5月6日 星期一",
            "发布时间:2022-12-27 14:10:37",
            "2022年12月5日",
        ] {
            assert!(is_stamp(line), "{line}");
        }
        for line in ["2022年，我市扎实推进法治政府建设。", "来源：司法局", ""]
        {
            assert!(!is_stamp(line), "{line}");
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
