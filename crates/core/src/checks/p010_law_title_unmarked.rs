//! P010: the full title of a law or regulation written without title marks. See [`META`].

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Applicability, Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::model::Genre;
use crate::span::{is_han, last_chars, Span};

pub static META: CheckMeta = CheckMeta {
    code: "P010",
    name: "LawTitleUnmarked",
    title_zh: "法律法规名称未加书名号",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
The full title of a law, an administrative regulation or a central rule that reports cite often
(`中华人民共和国行政复议法`, `优化营商环境条例`, `重大行政决策程序暂行条例`) written without title
marks. The titles come from a list (`data/law_titles.tsv`, after the titles in 国家法律法规数据库).
It stays quiet inside `《》`, `〈〉` or quotation marks, inside a longer title (`关于修改…的决定`,
`…实施条例`), after a place or organ name that makes a different, local title, where the report
defines the title as a short name (`以下简称…`), and in a 政府工作报告 (a speech delivered to a
people's congress, whose style names laws without marks).
## Why it matters
GB/T 15834-2011, 4.15.1: title marks set off the titles of books, documents and laws. A report on
government under the rule of law cites laws as its authority; without the marks the reader cannot
see where the title begins and ends, and the report looks careless about the law it cites.
## Example
`根据中华人民共和国行政复议法规定` → `根据《中华人民共和国行政复议法》规定`";

pub struct LawTitleUnmarked;

struct Title {
    text: &'static str,
    /// Whether Han characters before it may belong to the sentence (`free`) or would make it
    /// part of a longer, local title (`bound`).
    free: bool,
}

static TITLES: LazyLock<Vec<Title>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../../data/law_titles.tsv"))
        .skip(1)
        .filter_map(|cols| {
            Some(Title {
                text: cols.first()?,
                free: *cols.get(1)? == "free",
            })
        })
        .collect()
});

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(TITLES.iter().map(|t| t.text))
        .expect("the title list builds an automaton")
});

/// Words after which a regulation's title starts a new phrase: verbs of citing and conjunctions.
const BOUNDARY_WORDS: &[&str] = &[
    "根据", "依据", "依照", "按照", "遵照", "对照", "贯彻", "落实", "实施", "执行", "施行", "学习",
    "宣传", "宣贯", "解读", "遵守", "违反", "出台", "颁布", "印发", "修订", "修改", "制定", "和",
    "与", "及", "或", "了", "将", "把", "对",
];

/// What may follow a title and make it part of a longer one (`…实施条例`, a local
/// `某省实施…办法`). Not 规定: `依照…法规定` cites the law's provisions.
const LONGER: &[&str] = &[
    "实施条例",
    "实施细则",
    "实施办法",
    "实施意见",
    "办法",
    "细则",
    "若干规定",
    "修正案",
    "修订草案",
    "草案",
    "释义",
    "（草案",
    "(草案",
    "（修订草案",
    "(修订草案",
];

/// Whether `before` leaves a mark `open` unclosed.
fn inside(before: &str, open: char, close: char) -> bool {
    before.matches(open).count() > before.matches(close).count()
}

impl Check for LawTitleUnmarked {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // A 政府工作报告 is a speech to a people's congress, whose style names laws without marks.
        if doc.analysis.genre == Genre::GovernmentWork {
            return;
        }
        let mut spans = Vec::new();
        let mut edits = Vec::new();
        for (line_span, line) in doc.body() {
            for m in MATCHER.find_iter(line) {
                let title = &TITLES[m.pattern().as_usize()];
                let before = &line[..m.start()];
                let after = &line[m.end()..];
                if inside(before, '《', '》')
                    || inside(before, '〈', '〉')
                    || inside(before, '“', '”')
                    || inside(before, '‘', '’')
                    || before.matches('"').count() % 2 == 1
                {
                    continue;
                }
                let near = last_chars(before, 8);
                if near.contains("简称") || near.contains("以下称") || near.contains("关于")
                {
                    continue;
                }
                if LONGER.iter().any(|w| after.starts_with(w)) {
                    continue;
                }
                if !title.free
                    && before.chars().next_back().is_some_and(is_han)
                    && !BOUNDARY_WORDS.iter().any(|w| before.ends_with(w))
                {
                    continue;
                }
                let span = Span::new(m.start(), m.end()).offset(line_span.start);
                if doc.allowed(span) {
                    continue;
                }
                spans.push(span);
                edits.push(Edit::new(span, format!("《{}》", title.text)));
            }
        }
        if spans.is_empty() {
            return;
        }
        let first = spans[0].text(doc.text).unwrap_or_default().to_owned();
        let mut f = doc.grouped(
            &META,
            spans,
            |times| format!("法律法规名称“{first}”等应加书名号{times}。"),
            "The title of a law or regulation takes title marks 《》.".to_owned(),
        );
        f.fix = Some(Fix::new("加书名号", edits, Applicability::Review));
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::TITLES;
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn the_list_parses_whole() {
        let rows = crate::data::rows(include_str!("../../data/law_titles.tsv")).count();
        assert_eq!(
            TITLES.len() + 1,
            rows,
            "every row but the header is a title"
        );
        assert!(TITLES.iter().all(|t| t.text.chars().count() >= 5));
    }

    #[test]
    fn hits_and_near_misses() {
        assert_flags(
            "P010",
            "根据中华人民共和国行政复议法规定，依法受理。",
            "中华人民共和国行政复议法",
        );
        assert_flags("P010", "贯彻落实优化营商环境条例。", "优化营商环境条例");
        assert_count("P010", "贯彻落实《优化营商环境条例》。", 0);
        assert_count("P010", "根据《中华人民共和国行政复议法》规定。", 0);
        assert_count("P010", "贯彻《辽宁省优化营商环境条例》。", 0);
        assert_count("P010", "贯彻辽宁省优化营商环境条例。", 0);
        assert_flags(
            "P010",
            "学习中华人民共和国行政复议法实施条例。",
            "中华人民共和国行政复议法实施条例",
        );
        assert_count(
            "P010",
            "印发《关于转发〈重大行政决策程序暂行条例〉的通知》。",
            0,
        );
        assert_count("P010", "开展“优化营商环境条例宣传月”活动。", 0);
        assert_count(
            "P010",
            "学习全国人大常委会关于修改中华人民共和国行政许可法的决定。",
            0,
        );
        assert_count("P010", "研究中华人民共和国行政复议法（修订草案）。", 0);
        assert_count("P010", "出台某省实施中华人民共和国行政许可法办法。", 0);
        assert_flags(
            "P010",
            "依照中华人民共和国刑法规定追究责任。",
            "中华人民共和国刑法",
        );
        assert_count("P010", "学习行政复议法和行政诉讼法。", 0);
        assert_count(
            "P010",
            "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n实施优化营商环境条例。",
            0,
        );
        let f = findings(
            "P010",
            "学习重大行政决策程序暂行条例、中华人民共和国政府信息公开条例。",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].count, 2);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits[0].replacement, "《重大行政决策程序暂行条例》");
        assert_eq!(
            fix.edits[1].replacement,
            "《中华人民共和国政府信息公开条例》"
        );
    }
}
