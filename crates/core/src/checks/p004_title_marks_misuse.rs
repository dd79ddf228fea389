//! P004: title marks around what is not a title. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P004",
    name: "TitleMarkMisuse",
    title_zh: "书名号、引号使用不当",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Title marks around what is not a title: a meeting (`《十九届五中全会》`), an activity, a campaign
or a reform's slogan (`《法律进乡村》活动`, `《法治宣传进万家活动》`, `《放管服》改革`), an
organisation (`《依法治县委员会》`), and a word
inside the marks that is not part of the title (`《新公务员法》`). Repeats of one kind are one
finding with every place. (A 顿号 between items in title marks is P009.)
## Why it matters
GB/T 15834-2011, 4.15 (书名号), reserves `《》` for the titles of books, articles, documents,
laws and works; a meeting, an activity or an organisation is not a work and has a name, not a
title. A name to be set off takes quotation marks (4.8, 引号). 新 or 新修订 before a law is a
comment on it, not part of its title.
## Example
`宣讲《十九届五中全会》精神` → `宣讲党的十九届五中全会精神`; `开展《法律进乡村》活动` →
`开展“法律进乡村”活动`; `学习《新公务员法》` → `学习新《公务员法》`";

pub struct TitleMarkMisuse;

static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"《[^《》]{0,20}(?:全会|全体会议|代表大会|党代会|工作会议|座谈会|大会|[一二三四五六七八九十]+大)(?:精神)?》").expect("valid pattern")
});
static NEW_LAW: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"《(?:新修订的|新修订|修订后的|新)(?P<law>[^《》]{1,12}(?:法|条例))》")
        .expect("valid pattern")
});
/// An activity's, a reform's or an organisation's name in title marks: the marks are followed by
/// the word 活动 (or a like word: 行动, 改革), or the name inside ends with one.
static NON_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(concat!(
        r"《(?P<name>[^《》]{2,20}?)》(?:活动|行动|专项行动|主题活动|系列活动|知识竞赛|竞赛|宣传月|宣传周|改革)",
        r"|《(?P<inner>[^《》]{2,20}(?:活动|专项行动|宣传月|宣传周|领导小组|委员会))》"
    ))
    .expect("valid pattern")
});
/// How the titles of documents, laws and works end: a name ending so is a title after all
/// (`《关于开展……活动的通知》` does not end in 活动; `《民法典》` is followed by 宣传活动, not 活动).
const TITLE_ENDINGS: &[&str] = &[
    "法", "法典", "条例", "规定", "办法", "细则", "规则", "方案", "意见", "通知", "决定", "纲要",
    "规划", "计划", "报告", "制度", "准则", "标准", "指引", "指南", "清单", "目录", "读本", "手册",
    "汇编", "公约", "章程", "宪法", "决议", "通告", "公告",
];

fn span_of(line_span: Span, m: &regex::Match<'_>) -> Span {
    Span::new(m.start(), m.end()).offset(line_span.start)
}

/// Edits that replace the title marks at both ends of `s` (a `《…》` span) with `open`/`close`.
fn replace_marks(s: Span, open: &str, close: &str) -> [Edit; 2] {
    [
        Edit::new(Span::new(s.start, s.start + '《'.len_utf8()), open),
        Edit::new(Span::new(s.end - '》'.len_utf8(), s.end), close),
    ]
}

impl Check for TitleMarkMisuse {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let mut meetings = Vec::new();
        let mut names = Vec::new();
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
                    new_law.push(span_of(line_span, &m));
                }
            }
            meetings.extend(MEETING.find_iter(line).map(|m| span_of(line_span, &m)));
            for c in NON_TITLE.captures_iter(line) {
                let Some(name) = c.name("name").or_else(|| c.name("inner")) else {
                    continue;
                };
                if c.name("name").is_some()
                    && TITLE_ENDINGS.iter().any(|e| name.as_str().ends_with(e))
                {
                    continue;
                }
                // The span covers the marks and the name only.
                let start = name.start() - '《'.len_utf8();
                let end = name.end() + '》'.len_utf8();
                let span = Span::new(start, end).offset(line_span.start);
                if !meetings.contains(&span) {
                    names.push(span);
                }
            }
        }
        if !meetings.is_empty() {
            let edits = meetings
                .iter()
                .flat_map(|&s| replace_marks(s, "", ""))
                .collect();
            let mut f = doc.grouped(
                &META,
                meetings,
                |times| format!("会议名称不用书名号{times}。"),
                "Meeting names take no title marks.".to_owned(),
            );
            f.fix = Some(Fix::new("去掉书名号", edits, Applicability::Review));
            out.push(f);
        }
        if !names.is_empty() {
            let edits = names
                .iter()
                .flat_map(|&s| replace_marks(s, "“", "”"))
                .collect();
            let mut f = doc.grouped(
                &META,
                names,
                |times| format!("活动、机构的名称不是书名，不用书名号，可改用引号{times}。"),
                "An activity or organisation name is not a title: no title marks.".to_owned(),
            );
            f.fix = Some(Fix::new("书名号改为引号", edits, Applicability::Review));
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
            1,
        );
        let f = findings(
            "P004",
            "学习《十九届五中全会》精神，贯彻《十九届五中全会》精神。",
        );
        assert_eq!(f[0].count, 2);
    }

    #[test]
    fn activities_and_organisations() {
        assert_flags("P004", "深入开展《法律进乡村》活动。", "《法律进乡村》");
        assert_flags("P004", "组织《宪法宣传周》系列活动。", "《宪法宣传周》");
        assert_flags(
            "P004",
            "成立《全面依法治县委员会》。",
            "《全面依法治县委员会》",
        );
        assert_flags(
            "P004",
            "开展《法治宣传进万家活动》。",
            "《法治宣传进万家活动》",
        );
        assert_count("P004", "开展“法律进乡村”活动。", 0);
        assert_flags("P004", "深化《放管服》改革。", "《放管服》");
        assert_count(
            "P004",
            "深化“放管服”改革，落实《优化营商环境条例》改革要求。",
            0,
        );
        assert_count("P004", "开展《民法典》宣传活动。", 0);
        assert_count("P004", "印发《关于开展法律进乡村活动的通知》。", 0);
        assert_count("P004", "落实《优化营商环境条例》活动方案。", 0);
        assert_count("P004", "组织《民法典》知识竞赛。", 0);
        let f = findings("P004", "开展《法律进乡村》活动和《法治进校园》活动。");
        assert_eq!(f[0].count, 2);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits[0].replacement, "“");
        assert_eq!(fix.applicability, crate::checks::Applicability::Review);
    }
}
