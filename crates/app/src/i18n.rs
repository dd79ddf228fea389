//! The interface language: Chinese by default, English on request. Fixed labels are picked with
//! [`Lang::t`]; messages that carry a number are [`Msg`]s, each written once in both languages.
//! Remembering the choice is the storage service's work.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Pick the Chinese or the English text.
    pub fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The other language: what the language button switches to.
    pub fn other(self) -> Self {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The `lang` attribute for the page.
    pub fn code(self) -> &'static str {
        self.t("zh-CN", "en")
    }
}

/// A message with figures in it, written once in Chinese and once in English.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Msg {
    /// Files still in the worker: “正在分析 3 个文件…”.
    AnalysingFiles(usize),
    /// After a report's name in the list: “ · 5个问题”.
    FindingCount(usize),
    /// The error badge of a report: “2个错误”.
    ErrorCount(usize),
    /// How many places a grouped finding covers: “（3处）”.
    Places(usize),
    /// The button that applies every safe fix: “应用全部可直接应用的修改（4项）”.
    ApplyAllSafe(usize),
    /// Above the statistics table.
    StatisticsShown { total: usize, shown: usize },
    /// A length in characters: “120字”.
    Chars(usize),
    /// A number of things on a chart bar: “7个”.
    Items(usize),
    /// How often a keyword occurs, on a chart bar: “12次”.
    Times(usize),
    /// A report year: “2024年”.
    Year(i32),
    /// How much of this year's text repeats last year's, after the share in large print.
    TextReuse { sentences: usize, reused: usize },
    /// How much of the problems part repeats last year's; `share` from 0 to 1.
    ProblemsReuse {
        share: f64,
        sentences: usize,
        reused: usize,
    },
    /// What became of last year's plans.
    Plans {
        total: usize,
        done: usize,
        partly: usize,
        missing: usize,
    },
}

impl Msg {
    /// The message in `l`.
    pub fn text(self, l: Lang) -> String {
        match (self, l) {
            (Msg::AnalysingFiles(n), Lang::Zh) => format!("正在分析 {n} 个文件…"),
            (Msg::AnalysingFiles(n), Lang::En) => format!("Analysing {n} file(s)…"),
            (Msg::FindingCount(n), Lang::Zh) => format!(" · {n}个问题"),
            (Msg::FindingCount(n), Lang::En) => format!(" · {n} findings"),
            (Msg::ErrorCount(n), Lang::Zh) => format!("{n}个错误"),
            (Msg::ErrorCount(n), Lang::En) => format!("{n} errors"),
            (Msg::Places(n), Lang::Zh) => format!("（{n}处）"),
            (Msg::Places(n), Lang::En) => format!(" ({n} places)"),
            (Msg::ApplyAllSafe(n), Lang::Zh) => format!("应用全部可直接应用的修改（{n}项）"),
            (Msg::ApplyAllSafe(n), Lang::En) => format!("Apply all safe fixes ({n})"),
            (Msg::StatisticsShown { total, shown }, Lang::Zh) => {
                format!("共 {total} 个统计数字，显示 {shown} 个")
            }
            (Msg::StatisticsShown { total, shown }, Lang::En) => {
                format!("{total} statistics, {shown} shown")
            }
            (Msg::Chars(n), Lang::Zh) => format!("{n}字"),
            (Msg::Chars(n), Lang::En) => format!("{n} chars"),
            (Msg::Items(n), Lang::Zh) => format!("{n}个"),
            (Msg::Items(n), Lang::En) => n.to_string(),
            (Msg::Times(n), Lang::Zh) => format!("{n}次"),
            (Msg::Times(n), Lang::En) => format!("×{n}"),
            (Msg::Year(y), Lang::Zh) => format!("{y}年"),
            (Msg::Year(y), Lang::En) => y.to_string(),
            (Msg::TextReuse { sentences, reused }, Lang::Zh) => {
                format!(" 的文字与上年相同或基本相同（{sentences} 句中 {reused} 句）")
            }
            (Msg::TextReuse { sentences, reused }, Lang::En) => {
                format!(" of the text repeats last year's ({reused} of {sentences} sentences)")
            }
            (
                Msg::ProblemsReuse {
                    share,
                    sentences,
                    reused,
                },
                Lang::Zh,
            ) => format!(
                "存在的不足：{:.0}% 与上年相同（{sentences} 句中 {reused} 句）",
                share * 100.0
            ),
            (
                Msg::ProblemsReuse {
                    share,
                    sentences,
                    reused,
                },
                Lang::En,
            ) => format!(
                "Shortcomings: {:.0}% repeats last year's ({reused} of {sentences} sentences)",
                share * 100.0
            ),
            (
                Msg::Plans {
                    total,
                    done,
                    partly,
                    missing,
                },
                Lang::Zh,
            ) => format!(
                "{total} 项：已有落实情况 {done}，部分提及 {partly}，未提及 {missing}（按政策术语、关键词和指标在本年成效部分中的出现判断，仅供核对）"
            ),
            (
                Msg::Plans {
                    total,
                    done,
                    partly,
                    missing,
                },
                Lang::En,
            ) => format!(
                "{total}: reported {done}, partly mentioned {partly}, not mentioned {missing} (by the policy terms, keywords and indicators found in this year's results; a reading aid)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_messages_read_as_before_in_both_languages() {
        let cases = [
            (
                Msg::AnalysingFiles(2),
                "正在分析 2 个文件…",
                "Analysing 2 file(s)…",
            ),
            (Msg::FindingCount(5), " · 5个问题", " · 5 findings"),
            (Msg::ErrorCount(1), "1个错误", "1 errors"),
            (Msg::Places(3), "（3处）", " (3 places)"),
            (
                Msg::ApplyAllSafe(4),
                "应用全部可直接应用的修改（4项）",
                "Apply all safe fixes (4)",
            ),
            (
                Msg::StatisticsShown { total: 9, shown: 2 },
                "共 9 个统计数字，显示 2 个",
                "9 statistics, 2 shown",
            ),
            (Msg::Chars(120), "120字", "120 chars"),
            (Msg::Items(7), "7个", "7"),
            (Msg::Times(12), "12次", "×12"),
            (Msg::Year(2024), "2024年", "2024"),
        ];
        for (msg, zh, en) in cases {
            assert_eq!(msg.text(Lang::Zh), zh);
            assert_eq!(msg.text(Lang::En), en);
        }
    }

    #[test]
    fn the_language_button_switches_and_names_the_page_language() {
        assert_eq!(Lang::Zh.other(), Lang::En);
        assert_eq!(Lang::En.other(), Lang::Zh);
        assert_eq!(Lang::Zh.code(), "zh-CN");
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(Lang::En.t("中", "en"), "en");
    }
}
