//! P004: title marks around what is not a title, and 顿号 between titled items. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P004",
    name: "TitleMarkMisuse",
    title_zh: "书名号、引号使用不当",
    severity: Severity::Warning,
    doc: "## What it checks
Title marks around a meeting (`《十九届五中全会》`), a word inside the marks that is not part of
the title (`《新公务员法》`), and a 顿号 between items each in title marks or
quotation marks (`《民法典》、《行政诉讼法》`, `“软任务”、“软指标”`). Repeats are one finding with
every place.
## Why it matters
GB/T 15834-2011 reserves `《》` for the titles of works and documents; a meeting is not one. Items
already set off by their own marks take no 顿号 between them.
## Example
`宣讲《十九届五中全会》精神` → `宣讲党的十九届五中全会精神`; `《民法典》、《自贸港政策》` → `《民法典》《自贸港政策》`",
};

pub struct TitleMarkMisuse;

static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"《[^《》]{0,20}(?:全会|全体会议|代表大会|党代会|工作会议|座谈会|大会|[一二三四五六七八九十]+大)(?:精神)?》").expect("valid pattern")
});
static NEW_LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"《(?:新修订的|新修订|修订后的|新)(?P<law>[^《》]{1,12}(?:法|条例))》")
        .expect("valid pattern")
});
static SERIAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[》”’]、[《“‘]").expect("valid pattern"));

impl Check for TitleMarkMisuse {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let mut meetings = Vec::new();
        let mut serial = Vec::new();
        let mut new_law = Vec::new();
        for (line_span, line) in doc.body() {
            for c in NEW_LAW.captures_iter(line) {
                let (Some(m), Some(law)) = (c.get(0), c.name("law")) else {
                    continue;
                };
                // `《新时代…》`, `《新型…》`: 新 belongs to such titles.
                if !["时代", "型", "冠", "闻", "兴"]
                    .iter()
                    .any(|w| law.as_str().starts_with(w))
                {
                    new_law.push(Span::new(
                        line_span.start + m.start(),
                        line_span.start + m.end(),
                    ));
                }
            }
            meetings.extend(
                MEETING
                    .find_iter(line)
                    .map(|m| Span::new(line_span.start + m.start(), line_span.start + m.end())),
            );
            serial.extend(
                SERIAL
                    .find_iter(line)
                    .map(|m| Span::new(line_span.start + m.start(), line_span.start + m.end())),
            );
        }
        if !meetings.is_empty() {
            let n = meetings.len();
            let edits = meetings
                .iter()
                .flat_map(|s| {
                    [
                        Edit {
                            span: Span::new(s.start, s.start + 3),
                            replacement: String::new(),
                        },
                        Edit {
                            span: Span::new(s.end - 3, s.end),
                            replacement: String::new(),
                        },
                    ]
                })
                .collect();
            let mut f = doc.finding(
                &META,
                meetings,
                format!("会议名称不用书名号（全文{n}处）。"),
                "Meeting names take no title marks.".to_owned(),
            );
            f.fix = Some(Fix {
                applicability: super::Applicability::Review,
                label: "去掉书名号".to_owned(),
                edits,
            });
            out.push(f);
        }
        for span in new_law {
            out.push(doc.finding(
                &META,
                vec![span],
                "“新”“新修订”等不属于法律名称，应放在书名号外，如：新《公务员法》。".to_owned(),
                "“新” is not part of a law's title; put it before the title marks.".to_owned(),
            ));
        }
        if !serial.is_empty() {
            let n = serial.len();
            let edits = serial
                .iter()
                .map(|s| Edit {
                    span: Span::new(s.start + 3, s.start + 6),
                    replacement: String::new(),
                })
                .collect();
            let mut f = doc.finding(
                &META,
                serial,
                format!("并列的书名号或引号之间不用顿号（全文{n}处）。"),
                "No 顿号 between items in title or quotation marks.".to_owned(),
            );
            f.fix = Some(Fix {
                applicability: super::Applicability::Review,
                label: "删去顿号".to_owned(),
                edits,
            });
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("P004", "宣讲《十九届五中全会》精神。", "《十九届五中全会》");
        assert_count("P004", "宣讲党的十九届五中全会精神。", 0);
        assert_count(
            "P004",
            "学习《中共中央关于全面推进依法治国若干重大问题的决定》。",
            0,
        );
        assert_flags("P004", "学习《民法典》、《自贸港政策》。", "》、《");
        assert_count("P004", "学习《民法典》《行政诉讼法》。", 0);
        assert_count("P004", "破解“软任务”、“软指标”。", 1);
        assert_count("P004", "破解“软任务”“软指标”。", 0);
        assert_count(
            "P004",
            "学习《十九届五中全会》精神，贯彻《十九届五中全会》精神。",
            1,
        );
        assert_count("P004", "召开全市法治工作会议。", 0);
        assert_flags("P004", "学习《新公务员法》。", "《新公务员法》");
        assert_count("P004", "学习新《公务员法》和《新时代文明实践规定》。", 0);
        assert_count("P004", "学习《新时代法》。", 0);
        assert_count(
            "P004",
            "学习《民法典》、《宪法》，宣讲《党的二十大精神》。",
            2,
        );
        let f = findings(
            "P004",
            "学习《十九届五中全会》精神，贯彻《十九届五中全会》精神。",
        );
        assert_eq!(f[0].count, 2);
    }
}
