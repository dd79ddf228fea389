//! K006: the name of a Party congress or plenary session written in a garbled form. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::knowledge;
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "K006",
    name: "MeetingNameForm",
    title_zh: "会议名称写法有误",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Garbled names of the Party congresses and plenary sessions listed in `data/meetings.tsv`:
- `党的二十大会议精神`: the formulation of the central documents is `党的二十大精神`;
- `十九大五中全会`: a plenary session belongs to the Central Committee elected by a congress, so it
  is `十九届五中全会` (届, not 大);
- `二十届三中全会议精神`: a character dropped or doubled between 全会 and 精神 (`全会精神`).
Each finding names the session as its 公报 does, with the fix for review.
## Why it matters
Names of central meetings are quoted as the communiqués write them; a garbled name in the guiding-
thought sentence is the first thing a reviewing office marks.
## Example
`深入学习贯彻党的十九大五中全会精神` → `十九届五中全会`; `党的二十大会议精神` → `党的二十大精神`.";

pub struct MeetingNameForm;

/// `十九大五中全会`, `二十大会议精神`, `二十届三中全会议精神`.
static GARBLED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(十[八九]|二十)(?:大([一二三四五六七八九])中全会|大会议精神|届([一二三四五六七八九])中全会议精神)")
        .expect("valid pattern")
});

impl Check for MeetingNameForm {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            for c in GARBLED.captures_iter(line) {
                let (Some(whole), Some(term)) = (c.get(0), c.get(1)) else {
                    continue;
                };
                let term = term.as_str();
                let (right, source) = if let Some(n) = c.get(2).or_else(|| c.get(3)) {
                    let name = format!("{term}届{}中全会", n.as_str());
                    let source = knowledge::MEETINGS.iter().find(|m| m.name == name).map_or(
                        "《中国共产党章程》（2022年10月22日党的二十大修改）：中央委员会全体会议由中央政治局召集",
                        |m| m.source,
                    );
                    let right = if c.get(2).is_some() {
                        name
                    } else {
                        format!("{name}精神")
                    };
                    (right, source)
                } else {
                    let name = format!("{term}大");
                    let source = knowledge::meeting_named(&name)
                        .map_or("党的全国代表大会", |m| m.source);
                    (format!("{name}精神"), source)
                };
                let span = Span::new(whole.start(), whole.end()).offset(line_span.start);
                let written = whole.as_str();
                let mut f = doc.finding(
                    &META,
                    vec![span],
                    format!("“{written}”应为“{right}”（{source}）。"),
                    format!("“{written}” should read “{right}” ({source})."),
                );
                f.fix = Some(Fix::replace_all(
                    format!("改为“{right}”"),
                    [span],
                    &right,
                    Applicability::Review,
                ));
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn congress_for_term() {
        assert_flags(
            "K006",
            "深入学习贯彻党的十九大五中全会精神。",
            "十九大五中全会",
        );
        assert_count("K006", "深入学习贯彻党的十九届五中全会精神。", 0);
        assert_count("K006", "贯彻二十大三中全会部署。", 1);
        assert_count("K006", "贯彻十八大四中全会精神。", 1);
        // A session the data does not list still belongs to a 届, and the rule names its source.
        let f = findings("K006", "贯彻二十大五中全会精神。");
        assert!(f[0].message.contains("2022年10月22日"));
    }

    #[test]
    fn meeting_spirit() {
        assert_flags("K006", "学习贯彻党的二十大会议精神。", "二十大会议精神");
        assert_count("K006", "学习贯彻党的二十大精神。", 0);
        assert_count("K006", "学习贯彻党的二十届三中全会议精神。", 1);
        assert_count("K006", "学习贯彻党的二十届三中全会精神。", 0);
        // A meeting that is not a congress.
        assert_count("K006", "传达省人大会议精神。", 0);
        assert_count("K006", "召开十九大代表座谈会。", 0);
    }

    #[test]
    fn fixes_name_the_session_for_review() {
        let f = findings("K006", "深入学习贯彻党的十九大五中全会精神。");
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits[0].replacement, "十九届五中全会");
        assert_eq!(fix.applicability, crate::checks::Applicability::Review);
        assert!(f[0].message.contains("2020年10月29日"));
        let f = findings("K006", "学习贯彻党的二十大会议精神。");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.edits[0].replacement.as_str()),
            Some("二十大精神")
        );
        let f = findings("K006", "学习贯彻二十届三中全会议精神。");
        assert_eq!(
            f[0].fix.as_ref().map(|x| x.edits[0].replacement.as_str()),
            Some("二十届三中全会精神")
        );
    }
}
