//! The section tree and what each section reports: the `sections` and `parts` of the analysis.

use serde::{Deserialize, Serialize};

use super::TermCount;
use crate::span::Span;

/// A numbered section: the `sections` array of the JSON output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`.
    pub level: u8,
    /// The number as written in the marker, e.g. `一`, `3`; `null` for a text without headings.
    pub number: Option<String>,
    /// The number's value (`三` → 3; 0 for a text without headings).
    pub value: u32,
    /// How the number is written.
    pub style: Option<MarkerStyle>,
    /// The heading with its marker, as written: `（一）统筹推进有序有力。`.
    pub heading: String,
    /// Where the heading itself stands.
    pub heading_span: Span,
    /// From the heading to the end of the section's last line.
    pub span: Span,
    /// Characters in the section (whitespace not counted).
    pub chars: usize,
    /// Which of the five required items the section reports (filled by the parts stage).
    pub part: Option<Part>,
    /// Which 纲要 area the section is about (filled by the parts stage).
    pub area: Option<Area>,
    /// `一是/二是…` in the section's own text (not in its subsections).
    pub enumerations: Vec<Enumeration>,
    /// The section's most used keyword candidates (filled by the keywords stage).
    #[serde(default)]
    pub terms: Vec<TermCount>,
    pub children: Vec<Section>,
}

/// One `N是` item of an inline enumeration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enumeration {
    /// As written: `三是`.
    pub marker: String,
    pub number: u32,
    pub span: Span,
}

impl Section {
    /// All sections of a tree in document order.
    pub fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Section>) {
        for s in sections {
            out.push(s);
            Self::walk(&s.children, out);
        }
    }

    /// Call `f` on every section of a tree in document order (the order of [`Section::walk`]):
    /// the pipeline sets with it what a stage returned for each section.
    pub fn walk_mut(sections: &mut [Section], f: &mut impl FnMut(&mut Section)) {
        for s in sections {
            f(s);
            Self::walk_mut(&mut s.children, f);
        }
    }
}

/// How a heading number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerStyle {
    /// `一、`
    ChineseComma,
    /// `（一）`
    ChineseParenFull,
    /// `(一)`
    ChineseParenHalf,
    /// `1.` or `1．`
    ArabicDot,
    /// `1、`
    ArabicComma,
    /// `（1）`
    ArabicParenFull,
    /// `(1)`
    ArabicParenHalf,
}

impl MarkerStyle {
    /// The GB/T 9704 level the style stands for.
    pub const fn level(self) -> u8 {
        match self {
            Self::ChineseComma => 1,
            Self::ChineseParenFull | Self::ChineseParenHalf => 2,
            Self::ArabicDot | Self::ArabicComma => 3,
            Self::ArabicParenFull | Self::ArabicParenHalf => 4,
        }
    }
}

/// The five items of a report required by the regulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Achievements,
    Problems,
    FirstResponsible,
    Plans,
    Other,
}

impl Part {
    pub const ALL: [Part; 5] = [
        Part::Achievements,
        Part::Problems,
        Part::FirstResponsible,
        Part::Plans,
        Part::Other,
    ];

    /// The id used in the JSON output.
    pub const fn id(self) -> &'static str {
        match self {
            Part::Achievements => "achievements",
            Part::Problems => "problems",
            Part::FirstResponsible => "first_responsible",
            Part::Plans => "plans",
            Part::Other => "other",
        }
    }

    /// The item as the regulation words it, shortened.
    pub const fn name_zh(self) -> &'static str {
        match self {
            Part::Achievements => "主要举措和成效",
            Part::Problems => "存在的不足和原因",
            Part::FirstResponsible => "党政主要负责人履行第一责任人职责情况",
            Part::Plans => "下一年度主要安排",
            Part::Other => "其他需要报告的情况",
        }
    }

    pub const fn name_en(self) -> &'static str {
        match self {
            Part::Achievements => "Measures and results",
            Part::Problems => "Shortcomings and causes",
            Part::FirstResponsible => "Principal leaders' first-responsibility duty",
            Part::Plans => "Plans for next year",
            Part::Other => "Other matters",
        }
    }
}

/// The `parts` object of the JSON output: for each item, the headings of the sections that
/// report it (empty when the report lacks the item).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parts {
    pub achievements: Vec<String>,
    pub problems: Vec<String>,
    pub first_responsible: Vec<String>,
    pub plans: Vec<String>,
    pub other: Vec<String>,
}

impl Parts {
    pub fn get(&self, part: Part) -> &[String] {
        match part {
            Part::Achievements => &self.achievements,
            Part::Problems => &self.problems,
            Part::FirstResponsible => &self.first_responsible,
            Part::Plans => &self.plans,
            Part::Other => &self.other,
        }
    }

    /// Items the report does not cover.
    pub fn missing(&self) -> Vec<Part> {
        Part::ALL
            .into_iter()
            .filter(|&p| p != Part::Other && self.get(p).is_empty())
            .collect()
    }
}

/// The nine areas of 《法治政府建设实施纲要(2021-2025年)》.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Functions,
    System,
    Decision,
    Enforcement,
    Emergency,
    Disputes,
    Oversight,
    Digital,
    Leadership,
}

/// The id and the Chinese name of an area are read from `data/areas.tsv` by the parts stage.
impl Area {
    pub const ALL: [Area; 9] = [
        Area::Functions,
        Area::System,
        Area::Decision,
        Area::Enforcement,
        Area::Emergency,
        Area::Disputes,
        Area::Oversight,
        Area::Digital,
        Area::Leadership,
    ];

    pub const fn name_en(self) -> &'static str {
        match self {
            Area::Functions => "Government functions",
            Area::System => "Rules and normative documents",
            Area::Decision => "Administrative decisions",
            Area::Enforcement => "Law enforcement",
            Area::Emergency => "Emergencies",
            Area::Disputes => "Disputes and reconsideration",
            Area::Oversight => "Checks on power",
            Area::Digital => "Digital government",
            Area::Leadership => "Leadership and mechanisms",
        }
    }
}
