//! N005: Chinese numerals where GB/T 15835 wants another form. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::model::Kind;
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "N005",
    name: "NumeralUsage",
    title_zh: "数字形式使用不当",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
`零` or `○` for the zero of a year (`二零二四年`, `二○二四年`: write `〇`); an abbreviated year
(`23年底` for 2023); one date in mixed forms (`二〇二四年3月5日`); and, as information, a large
statistic written in Chinese numerals (`三千二百件`), which GB/T 15835 writes in Arabic numerals.
## Why it matters
GB/T 15835-2011 writes the zero of a year as `〇`, never shortens years, keeps one form within one
date, and uses Arabic numerals for counting and statistics so figures can be read and compared.
## Example
`二零二四年` → `二〇二四年`; `23年底` → `2023年底`; `二〇二四年3月5日` → `2024年3月5日`";

pub struct NumeralUsage;

static ZERO: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"[一二][零○Ｏ〇O][零○Ｏ〇O一二三四五六七八九]{2}年")
        .expect("valid pattern")
});
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(?:^|[^0-9.．])([0-2][0-9])年(?:度|底|初|末|上半年|下半年)")
        .expect("valid pattern")
});
static MIXED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"[〇零○一二三四五六七八九]{4}年[0-9]{1,2}月|[0-9]{4}年[一二三四五六七八九十]{1,3}月",
    )
    .expect("valid pattern")
});

impl Check for NumeralUsage {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            let at = |s: usize, e: usize| Span::new(s, e).offset(line_span.start);
            for m in ZERO.find_iter(line).filter(|m| {
                !m.as_str().contains('〇') || m.as_str().contains(['零', '○', 'Ｏ', 'O'])
            }) {
                out.push(doc.finding(
                    &META,
                    vec![at(m.start(), m.end())],
                    format!("“{}”中年份的零应写作“〇”。", m.as_str()),
                    "The zero of a year is written 〇.".to_owned(),
                ));
            }
            for c in SHORT_YEAR.captures_iter(line) {
                let Some(y) = c.get(1) else { continue };
                out.push(doc.finding(
                    &META,
                    vec![at(y.start(), y.end() + '年'.len_utf8())],
                    format!(
                        "年份不应简写：“{}年”应写全，如“20{}年”。",
                        y.as_str(),
                        y.as_str()
                    ),
                    "Years are not abbreviated.".to_owned(),
                ));
            }
            for m in MIXED.find_iter(line) {
                out.push(doc.finding(
                    &META,
                    vec![at(m.start(), m.end())],
                    format!("同一日期“{}”混用汉字数字和阿拉伯数字。", m.as_str()),
                    "One date in mixed numeral forms.".to_owned(),
                ));
            }
        }
        for q in &doc.analysis.quantities {
            let chinese = q
                .text
                .chars()
                .any(|c| "一二两三四五六七八九十百千万亿".contains(c))
                && !q.text.chars().any(|c| c.is_ascii_digit());
            if chinese && q.kind == Kind::Count && q.value >= 100.0 && !q.text.starts_with("百分之")
            {
                let mut f = doc.finding(
                    &META,
                    vec![q.span],
                    format!("统计数字“{}”宜用阿拉伯数字。", q.text),
                    "Statistics are written in Arabic numerals.".to_owned(),
                );
                f.severity = Severity::Info;
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("N005", "二零二四年，全市推进。", "二零二四年");
        assert_count("N005", "二〇二四年，全市推进。", 0);
        assert_count("N005", "二○二四年，全市推进。", 1);
        assert_flags("N005", "力争23年底完成。", "23年");
        assert_count("N005", "工作23年以来。", 0);
        assert_count("N005", "确保24年上半年完成。", 1);
        assert_count("N005", "2023年底完成。", 0);
        assert_count("N005", "有期徒刑3年。", 0);
        assert_flags("N005", "于二〇二四年3月5日召开。", "二〇二四年3月");
        assert_count("N005", "于2024年3月5日召开。", 0);
        assert_count("N005", "办理案件三千二百件。", 1);
        assert_count("N005", "新增两个科室。", 0);
        assert_count("N005", "占比百分之三十。", 0);
    }
}
