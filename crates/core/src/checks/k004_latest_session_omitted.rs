//! K004: a guiding-thought sentence whose list of plenary sessions stops before the latest one.
//! See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::dates::Date;
use crate::knowledge::{self, Meeting, MEETINGS};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "K004",
    name: "LatestSessionOmitted",
    title_zh: "指导思想所列全会未到最近一次",
    severity: Severity::Info,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
In a report on a known year, a sentence that names the Party congress together with plenary
sessions of the same Central Committee (`党的十九大和十九届二中、三中、四中全会精神`) when those
are the sessions of the term in office at the end of the year, and the list stops before the latest
session held by 31 December of that year (first sessions, which elect the leadership, are not
counted). The sessions and their days are in `data/meetings.tsv`, from each session's 公报.
A sentence that names only one session, or none, stays quiet: choosing the latest one is usage,
listing all but the latest is what looks stale. A report that names the latest session anywhere
else stays quiet too: the drafter knew of it.
## Why it matters
Reports open with their guiding thought; a list of sessions that leaves out the latest one reads
as copied from the year before. Usage is divided when the session met late in the year (the work
was guided by the earlier ones), so this is a hint for the drafter, not a rule.
## Example
A report on 2020: `深入贯彻党的十九大和十九届二中、三中、四中全会精神` → 十九届五中全会
(2020-10-26/29) is the latest session of the year.";

pub struct LatestSessionOmitted;

/// The latest session of the term in office on `day`, not counting first sessions.
fn latest_session(day: Date) -> Option<&'static Meeting> {
    let term = MEETINGS
        .iter()
        .filter(|m| m.term > 0 && m.plenum == 0 && m.end <= day)
        .map(|m| m.term)
        .max()?;
    MEETINGS
        .iter()
        .filter(|m| m.term == term && m.plenum > 1 && m.end <= day)
        .max_by_key(|m| m.plenum)
}

impl Check for LatestSessionOmitted {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let Some((year, _)) = doc.written_by() else {
            return;
        };
        let Some(latest) = Date::new(year, 12, 31).and_then(latest_session) else {
            return;
        };
        // A report that names the latest session elsewhere knows of it: a shorter list is a
        // choice (what a study session took up), not a stale copy.
        let named_elsewhere = doc.body().any(|(_, line)| {
            knowledge::mentions(line)
                .iter()
                .any(|m| m.term == latest.term && m.plenum == latest.plenum)
        });
        if named_elsewhere {
            return;
        }
        for (line_span, line) in doc.body() {
            let mut done_until = 0;
            for m in knowledge::mentions(line) {
                if m.start < done_until {
                    continue;
                }
                let (offset, to) = knowledge::sentence_range(line, m.start, m.end);
                done_until = to;
                let sentence = line.get(offset..to).unwrap_or_default();
                let named = knowledge::mentions(sentence);
                let congress = named.iter().any(|n| n.term == latest.term && n.plenum == 0);
                let sessions: Vec<_> = named
                    .iter()
                    .filter(|n| n.term == latest.term && n.plenum > 1)
                    .collect();
                let Some(last) = sessions.iter().max_by_key(|n| n.plenum) else {
                    continue;
                };
                if !congress || sessions.len() < 2 || last.plenum >= latest.plenum {
                    continue;
                }
                let span = Span::new(offset + last.start, offset + last.end).offset(line_span.start);
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!(
                        "所列全会止于{}届{}中全会，{year}年底前最近一次为{}（{}至{}召开，见{}）：如为本年度指导思想，可补列。",
                        knowledge::term_zh(last.term),
                        "一二三四五六七八九".chars().nth(usize::from(last.plenum) - 1).unwrap_or('?'),
                        latest.name,
                        latest.start.zh(),
                        latest.end.zh(),
                        latest.source
                    ),
                    format!(
                        "The sessions listed stop before {}, the latest held in {year} ({}–{}, {}).",
                        latest.name, latest.start, latest.end, latest.source
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    fn report(year: i32, body: &str) -> String {
        format!("某县人民政府关于{year}年法治政府建设情况的报告\n{year}年，我县{body}\n一、主要成效\n正文。\n")
    }

    #[test]
    fn a_list_that_stops_before_the_latest_session() {
        assert_flags(
            "K004",
            &report(2020, "深入贯彻党的十九大和十九届二中、三中、四中全会精神。"),
            "四中",
        );
        assert_count(
            "K004",
            &report(
                2020,
                "深入贯彻党的十九大和十九届二中、三中、四中、五中全会精神。",
            ),
            0,
        );
        assert_count(
            "K004",
            &report(2025, "深入贯彻党的二十大和二十届二中、三中全会精神。"),
            1,
        );
        assert_count(
            "K004",
            &report(2025, "深入贯彻党的二十大和二十届二中、三中、四中全会精神。"),
            0,
        );
        assert_count(
            "K004",
            &report(2021, "学习贯彻党的十九大和十九届三中、四中、五中全会精神。"),
            1,
        );
    }

    #[test]
    fn it_is_a_hint() {
        let text = report(2020, "深入贯彻党的十九大和十九届二中、三中、四中全会精神。");
        let f = findings("K004", &text);
        assert_eq!(f[0].severity, crate::checks::Severity::Info);
        assert!(f[0].message.contains("十九届五中全会"));
    }

    #[test]
    fn quiet_for_one_session_or_another_term() {
        // The report names the latest session elsewhere: the shorter list is a choice.
        assert_count(
            "K004",
            &report(
                2020,
                "深入贯彻党的十九届五中全会精神。学习贯彻党的十九大和十九届二中、三中、四中全会精神。",
            ),
            0,
        );
        // Naming only the latest session, or one older one: usage.
        assert_count(
            "K004",
            &report(2020, "深入贯彻党的十九大和十九届五中全会精神。"),
            0,
        );
        assert_count("K004", &report(2020, "认真落实十九届四中全会部署。"), 0);
        // The term changed in the year: no session of the new term but its first.
        assert_count(
            "K004",
            &report(2022, "深入贯彻党的十九大和十九届二中、三中全会精神。"),
            0,
        );
        // Without the congress the sentence is not a guiding-thought list.
        assert_count("K004", &report(2020, "十九届二中、三中全会作出部署。"), 0);
        assert_count("K004", "深入贯彻党的十九大和十九届二中、三中全会精神。", 0);
    }
}
