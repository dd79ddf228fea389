//! S001: a required part of the report is missing. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::model::{Genre, Part};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "S001",
    name: "MissingPart",
    title_zh: "缺少规定的报告内容",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Whether a report covers the parts its genre must have (the genre as recognised from its title or
opening). A 政府信息公开工作年度报告 is held to 《中华人民共和国政府信息公开条例》 第五十条 (总体情况,
主动公开, 收到和处理申请, 行政复议和行政诉讼, 存在的主要问题及改进情况, 其他需要报告的事项); a
政府工作报告, a notice or an interpretation to none. A 法治政府建设情况报告 is held to each item that 《法治政府建设与责任落实督察工作规定》 (厅字〔2019〕28号)
requires: the year's measures and results, the shortcomings and their causes, how the principal
leaders performed their duty as first responsible persons, and the next year's plans.
## Why it matters
Reports are reviewed against the regulation; the first-responsibility item and the shortcomings are
the ones most often left out or folded into other parts.
## Example
A report with sections 一、成效 and 二、下一步打算 lacks 存在的不足和原因 and 第一责任人职责情况.";

pub struct MissingPart;

impl Check for MissingPart {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let a = doc.analysis;
        // A text without headings is a fragment, not a report to hold to the regulation.
        if a.sections.iter().all(|s| s.number.is_none()) {
            return;
        }
        // A 政府信息公开工作年度报告 owes 《政府信息公开条例》 its own parts; a 政府工作报告, a
        // notice or an interpretation owes neither list.
        if a.genre == Genre::InformationDisclosure {
            disclosure_parts(doc, out);
            return;
        }
        if !a.genre.requires_rule_of_law_parts() {
            return;
        }
        let at = a
            .sections
            .first()
            .map_or(Span::default(), |s| s.heading_span);
        for part in a.parts.missing() {
            let extra = if part == Part::FirstResponsible {
                "《法治政府建设与责任落实督察工作规定》要求年度报告载明党政主要负责人履行推进法治建设第一责任人职责的情况。"
            } else {
                "《法治政府建设与责任落实督察工作规定》要求年度报告包含此项内容。"
            };
            out.push(doc.finding(
                &META,
                vec![at],
                format!("报告缺少“{}”部分。{extra}", part.name_zh()),
                format!("The report lacks the required part “{}”.", part.name_en()),
            ));
        }
    }
}

/// The parts of a 政府信息公开工作年度报告 (《中华人民共和国政府信息公开条例》 第五十条, in the
/// order of the national template of 国办公开办函〔2021〕30号), each with the words its level-one
/// heading uses.
const DISCLOSURE_PARTS: &[(&str, &str, &[&str])] = &[
    (
        "总体情况",
        "Overall situation",
        &["总体情况", "概述", "基本情况"],
    ),
    (
        "主动公开政府信息情况",
        "Information published proactively",
        &["主动公开"],
    ),
    (
        "收到和处理政府信息公开申请情况",
        "Requests received and handled",
        &["申请", "依申请"],
    ),
    (
        "政府信息公开行政复议、行政诉讼情况",
        "Reviews and lawsuits",
        &["行政复议", "行政诉讼", "复议", "诉讼"],
    ),
    (
        "存在的主要问题及改进情况",
        "Problems and improvements",
        &["问题", "改进", "不足"],
    ),
    (
        "其他需要报告的事项",
        "Other matters to report",
        &["其他需要报告", "其他事项", "其他需要说明"],
    ),
];

fn disclosure_parts(doc: &Document<'_>, out: &mut Vec<Finding>) {
    let a = doc.analysis;
    let headings: Vec<&str> = a
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.heading.as_str())
        .collect();
    let at = a
        .sections
        .first()
        .map_or(Span::default(), |s| s.heading_span);
    for (zh, en, words) in DISCLOSURE_PARTS {
        if !headings.iter().any(|h| words.iter().any(|w| h.contains(w))) {
            out.push(doc.finding(
                &META,
                vec![at],
                format!("年度报告缺少“{zh}”部分。《中华人民共和国政府信息公开条例》第五十条规定了年度报告应当包括的内容。"),
                format!("The annual report lacks the part “{en}” (Regulation on Open Government Information, art. 50)."),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, findings};

    const FULL: &str = "某县2023年法治政府建设情况报告\n一、主要成效\n正文。\n二、党政主要负责人履行第一责任人职责情况\n正文。\n三、存在的问题\n正文。\n四、下一步工作安排\n正文。";

    #[test]
    fn hits_and_near_misses() {
        assert_count("S001", FULL, 0);
        assert_count(
            "S001",
            "某县2023年法治政府建设情况报告\n一、主要成效\n正文。\n二、下一步打算\n正文。",
            2,
        );
        assert_count(
            "S001",
            "某县2023年法治政府建设情况报告\n一、主要成效\n正文。",
            3,
        );
        assert_count(
            "S001",
            "某县2023年法治政府建设情况报告\n一、存在的问题\n正文。",
            3,
        );
        assert_count(
            "S001",
            "某县2023年法治政府建设情况报告\n一、主要成效\n二、存在问题及下一步打算\n三、主要负责人履行第一责任人职责情况",
            0,
        );
        assert_count("S001", "没有标题的一段话。", 0);
        assert_count(
            "S001",
            "某县2023年法治政府建设情况报告\n一、成效\n二、存在不足\n三、明年工作打算",
            1,
        );
        assert_count(
            "S001",
            "某县2023年法治政府建设情况报告\n一、强化第一责任人职责落实\n二、存在短板\n三、下步措施",
            0,
        );
        assert_count(
            "S001",
            "某县2023年法治政府建设情况报告\n一、成效\n二、下一步打算\n仍存在一些问题和不足。\n三、主要负责人履行职责情况",
            0,
        );
        let f = findings(
            "S001",
            "某县2023年法治政府建设情况报告\n一、主要成效\n二、存在问题\n三、下一步打算",
        );
        assert!(f[0].message.contains("第一责任人"), "{}", f[0].message);
        // Other genres owe the regulation nothing: a 政府工作报告, a 通知; a 年报 owes its own list.
        assert_count("S001", "各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n二、2024年工作安排", 0);
        assert_count(
            "S001",
            "关于印发2020年度法治政府建设工作安排的通知\n一、工作目标\n二、主要任务",
            0,
        );
        // Without a title, a text about 法治政府建设 is held to it.
        assert_count(
            "S001",
            "2023年，我县深入推进法治政府建设。\n一、主要成效\n正文。",
            3,
        );
    }
}
