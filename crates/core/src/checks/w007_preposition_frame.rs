//! W007: a 在… frame left open (`在…工作贯彻落实`, `在推进…建设，`). See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "W007",
    name: "OpenPrepositionFrame",
    title_zh: "介词结构残缺",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A `在` whose frame is never closed, in the two shapes drafts leave behind when a word is cut:
`在` + a task + `工作` + `贯彻落实`/`推进`/`开展` at the end of a clause (`并在行政执法工作贯彻落实。`,
where `在行政执法工作中贯彻落实` is meant), and a clause that opens with `在` + a verb of the genre
(`推进`, `落实`, `开展` …) and ends at a comma with no `中`, `时`, `上`, `下`, `前`, `后`, `过程`,
`期间`, `方面`, `同时` to close it (`在推进法治政府建设，…` for `在推进法治政府建设中，…`).
The same for a clause that opens with `在` + a short noun phrase (`在主动公开的信息，` for
`在主动公开的信息中，`) or + a task ending in `工作`, `过程`, `实践` (`在信息发布过程，`).
`在` before a place (`在全市推广`) or a leadership phrase (`在市委的坚强领导下`) is not touched.
## Why it matters
A prepositional frame 在…中/在…时 that has lost its closing word leaves the sentence without a
grammatical subject for what follows; 《现代汉语词典》 and every school grammar treat it as 成分残缺,
one of the slips reviewers send drafts back for.
## Example
`并在行政执法工作贯彻落实。` → `并在行政执法工作中贯彻落实。`";

pub struct OpenPrepositionFrame;

/// `在` + a task + `工作` + a verb of carrying out, closing the clause.
static WORK_VERB: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"在[^，。,；;、：:“”]{2,14}工作(?:贯彻落实|贯彻执行|贯彻|落实|推进|开展|实施|执行|体现)[。，,；;！]")
        .expect("valid pattern")
});

/// A clause that opens with `在` (after at most a short subject: `我们`, `让人们`), up to its comma.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"(?:^|[，。；,;：:])\s*[^，。,；;：:在]{0,4}?(在[^，。,；;、“”（）()]{2,22})[，,]",
    )
    .expect("valid pattern")
});

/// Verbs of the genre that, right after `在`, make the frame an action that needs closing.
const VERBS: &[&str] = &[
    "推进", "开展", "落实", "做好", "加强", "实施", "贯彻", "深化", "处理", "办理", "推动", "抓好",
    "完成", "打造", "应对", "统筹", "参与", "执行", "履行",
];

/// Whether the words after a clause-opening `在` are an action or a noun phrase (which need
/// 中/时/上 … to close the frame) rather than a place followed by a verb (`在全市推广`).
fn needs_closing(inner: &str) -> bool {
    VERBS.iter().any(|v| inner.starts_with(v))
        // A short noun phrase (`主动公开的信息`); a long one runs on into a verb and its object
        // (`在重点领域遴选一批…的企业`).
        || (inner.contains('的') && inner.chars().count() <= 10)
        || ["工作", "过程", "实践"].iter().any(|w| inner.ends_with(w))
}

/// Words that close a 在 frame.
const CLOSERS: &[&str] = &[
    "中", "时", "上", "下", "前", "后", "里", "内", "外", "间", "期间", "方面", "同时", "之际",
    "以来", "基础", "前提",
];

impl Check for OpenPrepositionFrame {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            let mut found: Vec<Span> = Vec::new();
            for m in WORK_VERB.find_iter(line) {
                let end = m.end() - m.as_str().chars().next_back().map_or(0, char::len_utf8);
                found.push(Span::new(m.start(), end));
            }
            for c in CLAUSE.captures_iter(line) {
                let Some(frame) = c.get(1) else { continue };
                // `正在`, `处在`, `存在`, `现在`: 在 is part of a word, not a preposition.
                if line[..frame.start()]
                    .chars()
                    .next_back()
                    .is_some_and(|c| "正处存现实所好内外潜自旨意".contains(c))
                {
                    continue;
                }
                let inner = &frame.as_str()['在'.len_utf8()..];
                if needs_closing(inner) && !CLOSERS.iter().any(|w| inner.contains(w)) {
                    found.push(Span::new(frame.start(), frame.end()));
                }
            }
            for s in found {
                let span = s.offset(line_span.start);
                let written = span.text(doc.text).unwrap_or_default();
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!("“{written}”介词结构残缺：“在……”后缺少“中”“时”等方位词，如“在……中”。"),
                    format!("The frame “在…” in “{written}” is not closed (在…中 is meant)."),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags(
            "W007",
            "制定法制审核办法，并在行政执法工作贯彻落实。",
            "在行政执法工作贯彻落实",
        );
        assert_count("W007", "并在行政执法工作中贯彻落实。", 0);
        assert_count("W007", "在推进法治政府建设，我们坚持依法决策。", 1);
        assert_count("W007", "在推进法治政府建设中，我们坚持依法决策。", 0);
        assert_count("W007", "在落实助企纾困政策的同时，加大改革力度。", 0);
        assert_count("W007", "在落实更大规模减税降费政策的前提下，优化支出。", 0);
        assert_count(
            "W007",
            "在市委市政府和区委的坚强领导下，全区上下团结奋斗。",
            0,
        );
        assert_count("W007", "在全市推广，取得实效。", 0);
        assert_count("W007", "在“放管服”改革工作推进中，始终把民生放在首位。", 0);
        assert_count("W007", "在执行行政执法案卷归档方面，严格把关。", 0);
        assert_count("W007", "全年在信访工作开展。", 1);
        assert_count("W007", "在大湾区工作生活更加便利。", 0);
        assert_count("W007", "在办理行政复议案件过程中，注重调解。", 0);
        assert_count("W007", "在开展行政执法检查，发现问题及时整改。", 1);
        assert_count("W007", "在主动公开的信息，政务信息占多数。", 1);
        assert_count("W007", "在主动公开的信息中，政务信息占多数。", 0);
        assert_count("W007", "在信息发布过程，严格执行审核制度。", 1);
        assert_count("W007", "在新的发展时期，我们要再接再厉。", 0);
        assert_count("W007", "在牵动全局的改革上取得新突破，成效明显。", 0);
        assert_count("W007", "在年度考核中占的分值小，重视不够。", 0);
        assert_count("W007", "我国正处在爬坡过坎的关口，矛盾凸显。", 0);
        assert_count("W007", "已完成14项，正在推进6项，强化责任落实。", 0);
        assert_count("W007", "让人们在创造财富的过程，实现人生价值。", 1);
    }
}
