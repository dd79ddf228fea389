//! K005: a fixed formulation listed with a wrong member, in the wrong order, or in a wording
//! replaced before the year reported on. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::dates::Date;
use crate::knowledge::{Formulation, FORMULATIONS};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "K005",
    name: "FormulationMembers",
    title_zh: "固定提法的内容或顺序有误",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
The members of a fixed formulation (`data/formulations.tsv`: 四个意识 政治意识、大局意识、核心意识、
看齐意识; 四个自信 道路自信、理论自信、制度自信、文化自信; 四个全面) where the text lists them:
- after the formulation's name (`“四个意识”（政治意识、大局意识、核心意识、服务意识）`), a member
  that is not one of them;
- anywhere, three or more members in another order than the fixed one (`政治意识、核心意识、
  大局意识、看齐意识`);
- in a report on a year after the wording changed, the old wording: since 十九届五中全会
  (2020-10-29) the first of the 四个全面 is 全面建设社会主义现代化国家, no longer 全面建成小康社会.
## Why it matters
These formulations are quoted word for word from the central documents that set them; a member
changed or moved is a political slip that a reviewing office will not let pass.
## Example
`增强政治意识、核心意识、大局意识、看齐意识` → `政治意识、大局意识、核心意识、看齐意识`
(中共中央政治局会议, 2016-01-29).";

pub struct FormulationMembers;

/// Formulations that have members to list.
fn listed() -> impl Iterator<Item = &'static Formulation> {
    FORMULATIONS.iter().filter(|f| !f.members.is_empty())
}

/// Three or more members of any formulation joined by 、 or a comma.
static RUN: LazyLock<Regex> = LazyLock::new(|| {
    let mut members: Vec<&str> = listed().flat_map(|f| f.members.iter().copied()).collect();
    members.sort_by_key(|m| std::cmp::Reverse(m.len()));
    members.dedup();
    let alt = members
        .iter()
        .map(|m| regex::escape(m))
        .collect::<Vec<_>>()
        .join("|");
    crate::pattern::regex(&format!(r"(?:{alt})(?:\s*[、，,]\s*(?:{alt})){{2,}}"))
        .expect("valid pattern")
});

/// A formulation's name followed by its list: `四个意识”（…）`, `四个自信：…。`.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    let mut labels: Vec<&str> = listed().map(|f| f.label).collect();
    labels.dedup();
    let alt = labels
        .iter()
        .map(|l| regex::escape(l))
        .collect::<Vec<_>>()
        .join("|");
    crate::pattern::regex(&format!(
        r"({alt})[”’\x22]?\s*[（(：:]\s*(?:即)?\s*([^（）()；;。：:”\n]{{2,80}}?)\s*[）)；;。”\n]"
    ))
    .expect("valid pattern")
});

fn items(list: &str) -> Vec<&str> {
    list.split(['、', '，', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The wording of `label` that stands on `day`.
fn standing(label: &str, day: Date) -> Option<&'static Formulation> {
    listed()
        .filter(|f| f.label == label)
        .filter(|f| f.since.is_none_or(|s| s <= day))
        .filter(|f| f.until.is_none_or(|u| u >= day))
        .last()
        .or_else(|| listed().find(|f| f.label == label))
}

impl Check for FormulationMembers {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let year = doc.written_by().map(|(y, _)| y);
        // The wording in force during the year reported on (its first day), else today's.
        let day = year
            .and_then(|y| Date::new(y, 1, 1))
            .or_else(|| Date::new(2200, 1, 1));
        let Some(day) = day else {
            return;
        };
        for (line_span, line) in doc.body() {
            let covered = labelled_lists(doc, line_span, line, day, out);
            for m in RUN.find_iter(line) {
                if covered.iter().any(|&(s, e)| s < m.end() && m.start() < e) {
                    continue;
                }
                let span = Span::new(m.start(), m.end()).offset(line_span.start);
                out.extend(run_finding(doc, &items(m.as_str()), span, day, year.is_some()));
            }
        }
    }
}

/// The findings on lists introduced by their label (`“三新一高”（新发展阶段、…）`) that name a
/// member the formulation does not have; returns the byte ranges of the lists read, which the
/// runs then leave alone.
fn labelled_lists(
    doc: &Document<'_>,
    line_span: Span,
    line: &str,
    day: Date,
    out: &mut Vec<Finding>,
) -> Vec<(usize, usize)> {
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for c in LABELLED.captures_iter(line) {
        let (Some(label), Some(list)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let Some(f) = standing(label.as_str(), day) else {
            continue;
        };
        let got = items(list.as_str());
        if got.len() != f.members.len() {
            continue;
        }
        let other_wording = listed().any(|g| g.label == f.label && g.members == got);
        let wrong: Vec<&str> = got
            .iter()
            .copied()
            .filter(|i| !f.members.contains(i))
            .collect();
        if wrong.is_empty() || other_wording {
            // Order and outdated wordings are read by the runs.
            continue;
        }
        covered.push((list.start(), list.end()));
        let span = Span::new(list.start(), list.end()).offset(line_span.start);
        out.push(doc.finding(
            &META,
            vec![span],
            format!(
                "“{}”为{}（{}），“{}”不在其中。",
                f.label,
                f.members.join("、"),
                f.source,
                wrong.join("、")
            ),
            format!(
                "{} is {} ({}); {} is not one of them.",
                f.label,
                f.members.join("、"),
                f.source,
                wrong.join("、")
            ),
        ));
    }
    covered
}

/// The finding on a run of members `got` at `span`: out of the formulation's order, or (when the
/// report's year is known) a wording that was replaced before `day`.
fn run_finding(
    doc: &Document<'_>,
    got: &[&str],
    span: Span,
    day: Date,
    dated: bool,
) -> Option<Finding> {
    // The formulation all the members belong to.
    let f = listed()
        .filter(|f| got.iter().all(|i| f.members.contains(i)))
        .max_by_key(|f| standing(f.label, day) == Some(*f))?;
    let now = standing(f.label, day)?;
    let positions: Vec<usize> = got
        .iter()
        .filter_map(|i| f.members.iter().position(|x| x == i))
        .collect();
    if !positions.windows(2).all(|w| w[0] < w[1]) {
        return Some(out_of_order(doc, f, got, span));
    }
    if dated && now != f && got == f.members {
        return outdated(doc, f, now, span);
    }
    None
}

fn out_of_order(doc: &Document<'_>, f: &Formulation, got: &[&str], span: Span) -> Finding {
    let mut right = got.to_vec();
    right.sort_by_key(|i| f.members.iter().position(|x| x == i));
    let right = right.join("、");
    let mut finding = doc.finding(
        &META,
        vec![span],
        format!(
            "“{}”的顺序为{}（{}），此处顺序不同。",
            f.label,
            f.members.join("、"),
            f.source
        ),
        format!(
            "{} runs {} ({}); the order here differs.",
            f.label,
            f.members.join("、"),
            f.source
        ),
    );
    finding.fix = Some(Fix::replace(
        format!("改为“{right}”"),
        span,
        right,
        Applicability::Review,
    ));
    finding
}

/// A run in the wording `f` used until `now` replaced it.
fn outdated(
    doc: &Document<'_>,
    f: &Formulation,
    now: &Formulation,
    span: Span,
) -> Option<Finding> {
    let (Some(until), Some(since)) = (f.until, now.since) else {
        return None;
    };
    let right = now.members.join("、");
    let mut finding = doc.finding(
        &META,
        vec![span],
        format!(
            "“{}”的表述自{}起为{}（{}），此处为{}前的旧表述。",
            f.label,
            since.zh(),
            right,
            now.source,
            until.zh()
        ),
        format!(
            "Since {since}, {} runs {right} ({}); this is the wording used until {until}.",
            f.label, now.source
        ),
    );
    finding.fix = Some(Fix::replace(
        format!("改为“{right}”"),
        span,
        right,
        Applicability::Review,
    ));
    Some(finding)
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    fn report(year: i32, body: &str) -> String {
        format!("某县人民政府关于{year}年法治政府建设情况的报告\n{year}年，我县{body}\n一、主要成效\n正文。\n")
    }

    #[test]
    fn members_out_of_order() {
        assert_flags(
            "K005",
            "增强政治意识、核心意识、大局意识、看齐意识。",
            "政治意识、核心意识、大局意识、看齐意识",
        );
        assert_count("K005", "增强政治意识、大局意识、核心意识、看齐意识。", 0);
        assert_count("K005", "坚定道路自信、制度自信、理论自信、文化自信。", 1);
        assert_count("K005", "坚定道路自信、理论自信、制度自信、文化自信。", 0);
        assert_count("K005", "坚定道路自信、理论自信、文化自信。", 0);
        assert_count("K005", "坚定理论自信、道路自信、文化自信。", 1);
    }

    #[test]
    fn the_fix_restores_the_order_for_review() {
        let text = "增强政治意识、核心意识、大局意识、看齐意识。";
        let f = findings("K005", text);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(
            fix.edits[0].replacement,
            "政治意识、大局意识、核心意识、看齐意识"
        );
        assert_eq!(fix.applicability, crate::checks::Applicability::Review);
    }

    #[test]
    fn a_member_that_is_not_one() {
        assert_flags(
            "K005",
            "牢固树立“四个意识”（政治意识、大局意识、核心意识、服务意识），",
            "政治意识、大局意识、核心意识、服务意识",
        );
        assert_count(
            "K005",
            "牢固树立“四个意识”（政治意识、大局意识、核心意识、看齐意识）。",
            0,
        );
        assert_count(
            "K005",
            "坚定“四个自信”：道路自信、理论自信、制度自信、历史自信。",
            1,
        );
        // Not a list of the members: the next formulation.
        assert_count(
            "K005",
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
            0,
        );
    }

    #[test]
    fn the_wording_of_the_year() {
        let old = "协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党战略布局。";
        assert_count("K005", &report(2022, old), 1);
        assert_count("K005", &report(2019, old), 0);
        assert_count("K005", &report(2020, old), 0);
        let new = "协调推进全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党战略布局。";
        assert_count("K005", &report(2022, new), 0);
        assert_count(
            "K005",
            &report(
                2022,
                "协调推进全面深化改革、全面建设社会主义现代化国家、全面依法治国、全面从严治党。",
            ),
            1,
        );
    }
}
