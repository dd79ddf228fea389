//! What the report says about itself: the `metadata`, `genre` and `frame` of the analysis.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The `metadata` object of the JSON output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub region: Option<String>,
    pub level: Level,
    pub report_year: Option<i32>,
    pub doc_number: Option<String>,
    pub index_number: Option<String>,
    pub recipient: Option<String>,
    /// `YYYY-MM-DD`; `null` when there is no signing date or it is malformed.
    pub signed_date: Option<String>,
    /// `YYYY-MM-DD` from the page's 发布日期 / 发文日期.
    pub published_date: Option<String>,
}

/// The administrative level of the reporting unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Province,
    City,
    County,
    District,
    Department,
    #[default]
    Unknown,
}

impl Level {
    pub const fn name_zh(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::City => "市级",
            Level::County => "县级",
            Level::District => "区级",
            Level::Department => "部门",
            Level::Unknown => "未知",
        }
    }

    pub const fn name_en(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
            Level::District => "district",
            Level::Department => "department",
            Level::Unknown => "unknown",
        }
    }
}

/// Where the report's frame stands in the text: the `frame` object of the JSON output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frame {
    /// The title's lines (more than one when the title is split).
    pub title: Vec<Span>,
    pub doc_number: Option<Span>,
    pub recipient: Option<Span>,
    /// The issuing body in the 落款.
    pub signature: Option<Span>,
    /// The signing date as written, valid or not.
    pub signed_date: Option<Span>,
    /// The page's publication date field as written.
    pub published_date: Option<Span>,
}

/// The genre of the analysed document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// 法治政府建设情况报告 (also titled 年度报告, 工作情况, 工作总结): the regulation's five parts apply.
    RuleOfLaw,
    /// 政府工作报告, given to a people's congress.
    GovernmentWork,
    /// 政府信息公开工作年度报告 (政务公开年报), under 《政府信息公开条例》 第五十条.
    InformationDisclosure,
    /// A 解读 of another document.
    Interpretation,
    /// A 通知, 方案, 要点 or 工作安排: a document that sets work, not one that reports it.
    Notice,
    /// None of these, or too little text to say.
    #[default]
    Unknown,
}

impl Genre {
    pub const fn name_zh(self) -> &'static str {
        match self {
            Genre::RuleOfLaw => "法治政府建设情况报告",
            Genre::GovernmentWork => "政府工作报告",
            Genre::InformationDisclosure => "政府信息公开工作年度报告",
            Genre::Interpretation => "政策解读",
            Genre::Notice => "通知或工作安排",
            Genre::Unknown => "未能识别",
        }
    }

    pub const fn name_en(self) -> &'static str {
        match self {
            Genre::RuleOfLaw => "Rule-of-law government report",
            Genre::GovernmentWork => "Government work report",
            Genre::InformationDisclosure => "Information disclosure annual report",
            Genre::Interpretation => "Interpretation",
            Genre::Notice => "Notice or work plan",
            Genre::Unknown => "Not recognised",
        }
    }

    /// Whether the five parts of 《法治政府建设与责任落实督察工作规定》 are required.
    pub const fn requires_rule_of_law_parts(self) -> bool {
        matches!(self, Genre::RuleOfLaw)
    }
}
