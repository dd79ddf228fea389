//! K003: a meeting or formulation cited that did not yet exist when the report was written. See
//! [`META`].

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::dates::Date;
use crate::knowledge::{self, FORMULATIONS, MEETINGS};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "K003",
    name: "LaterThanReport",
    title_zh: "引用了成文时尚未召开的会议或尚未提出的表述",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
In a report on a known year, a Party congress or plenary session (`二十大`, `十九届六中全会`), the
中央全面依法治国工作会议, or a formulation (`习近平法治思想`, `两个确立`) that began after the report
was written: by its signing date, or else by 31 March of the year after the one reported on. The
meetings and their days are in `data/meetings.tsv`, the formulations and the day each was set in
`data/formulations.tsv`. A meeting is only flagged where the text treats it as held (its 精神, what
it 提出 or 部署, 以来); looking forward to it (`迎接党的二十大`, `召开之年`) stays quiet.
## Why it matters
A report cannot learn from a meeting that had not met: either the year in the title is wrong or the
text was pasted from a later report. A reviewing office sends such a report back at once.
## Example
A report on 2019 signed 2019年12月20日: `坚持以习近平法治思想为指导` → the term was set by the
中央全面依法治国工作会议 of 2020-11-16/17.";

pub struct LaterThanReport;

/// Formulations dated in the data, and the other central meetings (not congresses or sessions).
static NAMES: LazyLock<(Vec<&'static str>, AhoCorasick)> = LazyLock::new(|| {
    // A formulation whose wording changed (四个全面) is dated by its first wording, not a later one.
    let mut names: Vec<&'static str> = FORMULATIONS
        .iter()
        .filter(|f| {
            f.since.is_some()
                && !FORMULATIONS
                    .iter()
                    .any(|g| g.label == f.label && g.since < f.since)
        })
        .map(|f| f.label)
        .chain(MEETINGS.iter().filter(|m| m.term == 0).map(|m| m.name))
        .collect();
    names.dedup();
    let matcher = AhoCorasick::new(&names).expect("the names build an automaton");
    (names, matcher)
});

/// Words after a meeting's name (in its clause) that treat it as held.
const HELD: &[&str] = &[
    "精神", "提出", "作出", "部署", "确定", "报告", "以来", "决定", "公报", "强调", "明确",
];
/// Words of a clause that look forward to a meeting.
const AHEAD: &[&str] = &["迎", "召开", "即将", "将于", "筹备", "前夕"];

/// The clause after `end`: up to the next comma or stop.
fn clause_after(line: &str, end: usize) -> &str {
    let rest = line.get(end..).unwrap_or_default();
    let to = rest
        .find(['，', ',', '。', '；', ';', '！', '？'])
        .unwrap_or(rest.len());
    &rest[..to]
}

impl Check for LaterThanReport {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let Some((year, written)) = doc.written_by() else {
            return;
        };
        let push = |out: &mut Vec<Finding>, span: Span, what: &str, since: Date, source: &str| {
            out.push(doc.finding(
                &META,
                vec![span],
                format!(
                    "“{what}”始于{}（{source}），晚于本{year}年度报告的成文时间（不晚于{}）：请核对报告年度或删去。",
                    since.zh(),
                    written.zh()
                ),
                format!(
                    "{what} dates from {since} ({source}), after this report on {year} was written (by {written})."
                ),
            ));
        };
        for (line_span, line) in doc.body() {
            for m in knowledge::mentions(line) {
                let Some(meeting) = knowledge::meeting(m.term, m.plenum) else {
                    continue;
                };
                if meeting.start <= written {
                    continue;
                }
                // In a list, the clause after the list's end is what treats it as held.
                let list_end = line
                    .get(m.end..)
                    .and_then(|r| r.find("全会").map(|i| m.end + i + "全会".len()))
                    .filter(|_| m.plenum > 0 && !line[m.start..m.end].ends_with("全会"))
                    .unwrap_or(m.end);
                let after = clause_after(line, list_end);
                let sentence = knowledge::sentence_at(line, m.start, m.end);
                if !HELD.iter().any(|w| after.contains(w))
                    || AHEAD.iter().any(|w| sentence.contains(w))
                {
                    continue;
                }
                let span = Span::new(m.start, m.end).offset(line_span.start);
                push(out, span, meeting.name, meeting.start, meeting.source);
            }
            let (names, matcher) = &*NAMES;
            for m in matcher.find_iter(line) {
                let name = names[m.pattern().as_usize()];
                let since = FORMULATIONS
                    .iter()
                    .find(|f| f.label == name)
                    .and_then(|f| Some((f.since?, f.source)))
                    .or_else(|| knowledge::meeting_named(name).map(|mt| (mt.start, mt.source)));
                let Some((since, source)) = since else {
                    continue;
                };
                if since <= written {
                    continue;
                }
                let sentence = knowledge::sentence_at(line, m.start(), m.end());
                if knowledge::meeting_named(name).is_some()
                    && AHEAD.iter().any(|w| sentence.contains(w))
                {
                    continue;
                }
                let span = Span::new(m.start(), m.end()).offset(line_span.start);
                push(out, span, name, since, source);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    fn report(year: i32, body: &str, signed: &str) -> String {
        format!("某县人民政府关于{year}年法治政府建设情况的报告\n{year}年，我县扎实推进法治政府建设。{body}\n一、主要成效\n正文。\n某县人民政府\n{signed}\n")
    }

    #[test]
    fn a_congress_or_session_not_yet_held() {
        assert_flags(
            "K003",
            &report(2019, "深入学习贯彻党的二十大精神。", "2019年12月20日"),
            "二十大",
        );
        // Signed in December: the session of the next February had not met.
        assert_count(
            "K003",
            &report(2022, "认真贯彻二十届二中全会精神。", "2022年12月20日"),
            1,
        );
        assert_count(
            "K003",
            &report(2021, "认真贯彻党的十九届六中全会精神。", "2021年12月20日"),
            0,
        );
        // A signature before the year was over is D004's slip, not the day of writing.
        assert_count(
            "K003",
            &report(2020, "坚持以习近平法治思想为指导。", "2020年1月6日"),
            0,
        );
        // Without a signing date: written by 31 March of the next year.
        assert_count("K003", &report(2022, "学习贯彻二十届二中全会精神。", ""), 0);
        assert_count("K003", &report(2021, "学习贯彻二十届二中全会精神。", ""), 1);
        // In a list of sessions: the one not yet held.
        assert_flags(
            "K003",
            &report(
                2019,
                "贯彻党的十九大和十九届二中、三中、四中、五中全会精神。",
                "2019年12月5日",
            ),
            "五中",
        );
    }

    #[test]
    fn a_formulation_not_yet_set() {
        assert_flags(
            "K003",
            &report(2019, "坚持以习近平法治思想为指导。", "2019年12月20日"),
            "习近平法治思想",
        );
        assert_count("K003", &report(2020, "坚持以习近平法治思想为指导。", ""), 0);
        assert_count(
            "K003",
            &report(2020, "深刻领悟“两个确立”的决定性意义。", ""),
            1,
        );
        assert_count(
            "K003",
            &report(2021, "深刻领悟“两个确立”的决定性意义。", "2021年12月30日"),
            0,
        );
        assert_count(
            "K003",
            &report(2019, "贯彻中央全面依法治国工作会议精神。", ""),
            1,
        );
    }

    #[test]
    fn quiet_when_looking_forward() {
        // 四个全面 is older than its 2020 wording: the new wording does not date the term.
        assert_count(
            "K003",
            &report(2019, "协调推进“四个全面”战略布局。", "2019年12月20日"),
            0,
        );
        assert_count(
            "K003",
            &report(2021, "以优异成绩迎接党的二十大胜利召开。", ""),
            0,
        );
        assert_count("K003", &report(2021, "2022年是党的二十大召开之年。", ""), 0);
        assert_count("K003", &report(2021, "党的二十大将于明年召开。", ""), 0);
    }

    #[test]
    fn only_reports_on_a_known_year() {
        assert_count("K003", "深入学习贯彻党的二十大精神。", 0);
        assert_count(
            "K003",
            "《某县2019年法治政府建设情况报告》解读\n深入学习贯彻党的二十大精神。",
            0,
        );
    }
}
