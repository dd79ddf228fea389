//! Parts: which of the regulation's five required items each section reports, and which of the
//! nine 纲要 areas it is about.
//!
//! 《法治政府建设与责任落实督察工作规定》 (厅字〔2019〕28号) asks every annual report for: the year's
//! measures and results, its shortcomings and their causes, how the principal leaders performed
//! their duty as first responsible persons, the next year's plans, and other matters. Level-1
//! headings are classified by what they name; a level-2 heading is classified on its own when it
//! names a part its parent does not (a level-1 that mixes parts). A plans section that opens by
//! naming the remaining problems covers the problems item too.

use std::sync::LazyLock;

use crate::marker::parse_marker;
use crate::model::Section;
pub use crate::model::{Area, Part, Parts};
use regex::Regex;

static PROBLEMS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"存在|不足|短板|差距|薄弱|瓶颈|问题[和与及、]|主要问题|困难和|困难与|问题$",
    )
    .expect("valid pattern")
});
static PLANS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(
        r"下一步|下步|下阶段|下一阶段|下一年|明年|来年|打算|工作计划|工作安排|主要安排|重点安排|工作思路|思路举措|展望|努力方向|改进措施|意见建议|工作重点$|重点任务$",
    )
    .expect("valid pattern")
});
static FIRST_RESPONSIBLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"第一责任|主要负责人|党政主要负责|一把手").expect("valid pattern")
});
static DUTY_ITEM: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(r"履行|履职情况|职责情况").expect("valid pattern"));
static OTHER: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(r"其他|其它|需要报告的").expect("valid pattern"));
static YEAR_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(\d{4})年度?(?:工作)?(?:打算|计划|安排|要点|重点|思路|目标)")
        .expect("valid pattern")
});
/// A sentence that names remaining problems.
static PROBLEM_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"(?:存在|仍有|还有|面临)[^。]{0,40}(?:问题|不足|短板|差距|薄弱)|(?:问题|不足|短板|差距)[^。]{0,10}(?:仍然|依然|还)?(?:存在|突出)")
        .expect("valid pattern")
});

/// What a heading names, in the order the kinds are checked.
fn named_parts(heading: &str, report_year: Option<i32>) -> Vec<Part> {
    let mut parts = Vec::new();
    if FIRST_RESPONSIBLE.is_match(heading) {
        parts.push(Part::FirstResponsible);
    }
    if PROBLEMS.is_match(heading) {
        parts.push(Part::Problems);
    }
    let next_year_plan = YEAR_PLAN.captures(heading).is_some_and(|c| {
        let year: Option<i32> = c.get(1).and_then(|y| y.as_str().parse().ok());
        report_year.is_none_or(|r| year.is_some_and(|y| y > r))
    });
    if PLANS.is_match(heading) || next_year_plan {
        parts.push(Part::Plans);
    }
    if parts.is_empty() && OTHER.is_match(heading) {
        parts.push(Part::Other);
    }
    parts
}

/// The primary part of a section naming `parts`: problems before plans, and a section that
/// names only the duty of the first responsible person reports achievements too.
fn primary(parts: &[Part]) -> Option<Part> {
    [
        Part::Problems,
        Part::Plans,
        Part::Other,
        Part::FirstResponsible,
    ]
    .into_iter()
    .find(|p| parts.contains(p))
}

/// What the parts stage says of one section: the item it reports and its 纲要 area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionPart {
    pub part: Part,
    pub area: Option<Area>,
}

/// The coverage of the five items, and each section's part and area in the order of
/// [`Section::walk`].
pub fn classify(
    sections: &[Section],
    text: &str,
    report_year: Option<i32>,
) -> (Parts, Vec<SectionPart>) {
    let mut parts = Parts::default();
    let mut labels = Vec::new();
    let mut seen_closing = false;
    let mut top_parts = Vec::with_capacity(sections.len());
    for section in sections {
        let heading = strip_marker(&section.heading);
        let named = if section.number.is_some() {
            named_parts(heading, report_year)
        } else {
            Vec::new()
        };
        let own = match primary(&named) {
            // A section titled as the regulation's item (`…履行…第一责任人职责情况`) reports only
            // that item; one that names the duty as a measure taken (`强化第一责任人职责落实`)
            // reports work done as well.
            Some(Part::FirstResponsible) if DUTY_ITEM.is_match(heading) => Part::FirstResponsible,
            Some(Part::FirstResponsible) | None => {
                if seen_closing {
                    Part::Other
                } else {
                    Part::Achievements
                }
            }
            Some(p) => p,
        };
        if matches!(own, Part::Problems | Part::Plans) {
            seen_closing = true;
        }
        top_parts.push(own);
        labels.push(SectionPart {
            part: own,
            area: area_of(section, text),
        });
        parts.add(own, &section.heading);
        for &p in &named {
            parts.add(p, &section.heading);
        }
        // Children inherit, unless they name a part themselves (a level-1 that mixes parts).
        let inherited = if named.contains(&Part::Problems) && named.contains(&Part::Plans) {
            Part::Plans
        } else {
            own
        };
        classify_children(
            &section.children,
            inherited,
            report_year,
            text,
            &mut parts,
            &mut labels,
        );
    }
    // A plans section that begins by naming what is still lacking reports the problems too.
    if parts.problems.is_empty() {
        let plans = sections
            .iter()
            .zip(&top_parts)
            .filter(|(_, part)| **part == Part::Plans);
        for (section, _) in plans {
            let opening: String = section
                .span
                .text(text)
                .unwrap_or_default()
                .split_inclusive('。')
                .take(3)
                .collect();
            if PROBLEM_SENTENCE.is_match(&opening) {
                parts.add(Part::Problems, &section.heading);
            }
        }
    }
    (parts, labels)
}

fn classify_children(
    children: &[Section],
    inherited: Part,
    year: Option<i32>,
    text: &str,
    parts: &mut Parts,
    labels: &mut Vec<SectionPart>,
) {
    let mut current = inherited;
    for child in children {
        let named = named_parts(strip_marker(&child.heading), year);
        if named.contains(&Part::FirstResponsible) && child.level == 2 {
            parts.add(Part::FirstResponsible, &child.heading);
        }
        let own = match primary(&named) {
            Some(p @ (Part::Problems | Part::Plans)) if child.level == 2 => {
                parts.add(p, &child.heading);
                if p == Part::Problems && named.contains(&Part::Plans) {
                    parts.add(Part::Plans, &child.heading);
                }
                current = p;
                p
            }
            _ => current,
        };
        labels.push(SectionPart {
            part: own,
            area: area_of(child, text),
        });
        classify_children(&child.children, own, year, text, parts, labels);
    }
}

/// The heading without its number marker.
fn strip_marker(heading: &str) -> &str {
    match parse_marker(heading) {
        Some(m) => heading.get(m.len..).unwrap_or(heading),
        None => heading,
    }
}

/// The areas' ids and names are read from `data/areas.tsv` ([`AREAS`]).
impl Area {
    pub fn id(self) -> &'static str {
        AREAS.iter().find(|a| a.area == self).map_or("", |a| a.id)
    }

    pub fn name_zh(self) -> &'static str {
        AREAS.iter().find(|a| a.area == self).map_or("", |a| a.name)
    }

    /// Which area a piece of text is about: heading words count three times body words, and
    /// a body word counts at most five times.
    pub fn of(heading: &str, body: &str) -> Option<Area> {
        let keywords = &*AREA_KEYWORDS;
        let mut counts = vec![(0usize, 0usize); keywords.owners.len()];
        for m in keywords.matcher.find_overlapping_iter(heading) {
            counts[m.pattern().as_usize()].0 += 1;
        }
        for m in keywords.matcher.find_overlapping_iter(body) {
            counts[m.pattern().as_usize()].1 += 1;
        }
        let mut scores = vec![0usize; AREAS.len()];
        for (k, &(in_heading, in_body)) in counts.iter().enumerate() {
            scores[keywords.owners[k]] += 3 * in_heading + in_body.min(5);
        }
        let mut best: Option<(usize, Area)> = None;
        for (entry_index, entry) in AREAS.iter().enumerate() {
            let score = scores[entry_index];
            if score >= 2 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, entry.area));
            }
        }
        best.map(|(_, a)| a)
    }
}

impl Parts {
    /// Add `heading` to the headings of `part`, once.
    fn add(&mut self, part: Part, heading: &str) {
        let list = match part {
            Part::Achievements => &mut self.achievements,
            Part::Problems => &mut self.problems,
            Part::FirstResponsible => &mut self.first_responsible,
            Part::Plans => &mut self.plans,
            Part::Other => &mut self.other,
        };
        if !list.iter().any(|h| h == heading) {
            list.push(heading.to_owned());
        }
    }
}

/// All areas' keywords in one automaton; `owners[k]` is the index in [`AREAS`] of keyword `k`.
struct AreaKeywords {
    matcher: aho_corasick::AhoCorasick,
    owners: Vec<usize>,
}

static AREA_KEYWORDS: LazyLock<AreaKeywords> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut owners = Vec::new();
    for (i, entry) in AREAS.iter().enumerate() {
        for k in &entry.keywords {
            words.push(*k);
            owners.push(i);
        }
    }
    let matcher = aho_corasick::AhoCorasick::new(&words).expect("area keywords build an automaton");
    AreaKeywords { matcher, owners }
});

struct AreaEntry {
    area: Area,
    id: &'static str,
    name: &'static str,
    keywords: Vec<&'static str>,
}

/// The area table of `data/areas.tsv`, parsed once.
static AREAS: LazyLock<Vec<AreaEntry>> = LazyLock::new(|| {
    crate::data::rows(include_str!("../../data/areas.tsv"))
        .filter_map(|cols| {
            let [id, name, keywords, ..] = cols[..] else {
                return None;
            };
            let keywords = keywords.split(' ').filter(|k| !k.is_empty()).collect();
            let area = Area::ALL.into_iter().find(|a| {
                serde_json::to_value(a)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| s == id))
                    .unwrap_or(false)
            })?;
            Some(AreaEntry {
                area,
                id,
                name,
                keywords,
            })
        })
        .collect()
});

/// The 纲要 area of a section, from its heading and its text.
fn area_of(section: &Section, text: &str) -> Option<Area> {
    let body = section.span.text(text).unwrap_or_default();
    let body = body.get(section.heading.len()..).unwrap_or(body);
    Area::of(strip_marker(&section.heading), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_their_parts() {
        let cases: &[(&str, &[Part])] = &[
            ("2022年法治政府建设存在的问题与不足", &[Part::Problems]),
            ("存在问题及2020年工作打算", &[Part::Problems, Part::Plans]),
            ("存在短板与不足", &[Part::Problems]),
            ("下步改进措施和法治政府建设重点工作安排", &[Part::Plans]),
            ("下一步推进法治政府建设的工作安排", &[Part::Plans]),
            ("高位推动,强化第一责任人职责落实", &[Part::FirstResponsible]),
            (
                "党政主要负责人履行推进法治建设第一责任人职责情况",
                &[Part::FirstResponsible],
            ),
            ("其他需要报告的情况", &[Part::Other]),
            ("2023年工作计划", &[Part::Plans]),
            ("聚焦五个重点举措,全力推进法治政府建设提质增效", &[]),
            ("深化改革,全面依法履行政府职能", &[]),
        ];
        for (heading, expected) in cases {
            assert_eq!(named_parts(heading, Some(2022)), *expected, "{heading}");
        }
        assert_eq!(
            named_parts("2021年工作要点", Some(2021)),
            [],
            "the report year's own plan is not next year's"
        );
    }

    #[test]
    fn areas_from_keywords() {
        assert_eq!(
            Area::of("发挥复议监督", "全年办理行政复议案件51件，纠错率23.29%。"),
            Some(Area::Disputes)
        );
        assert_eq!(
            Area::of("优化政务服务", "推进一网通办"),
            Some(Area::Functions)
        );
        assert_eq!(Area::of("天气", "晴"), None);
        assert_eq!(Area::ALL.iter().filter(|a| !a.id().is_empty()).count(), 9);
        assert_eq!(Area::Disputes.name_zh(), "社会矛盾纠纷化解");
    }
}
