//! K002: a body abolished or renamed in the 2018 reform named as if it still existed. See [`META`].

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::knowledge::{self, Change, INSTITUTIONS};
use crate::span::{is_han, last_chars, Span};

pub static META: CheckMeta = CheckMeta {
    code: "K002",
    name: "AbolishedBody",
    title_zh: "使用机构改革前的机构名称",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
In a report on a known year, the name of a body the 2018 institutional reform abolished or
renamed (`data/institutions.tsv`: 政府法制办, 工商局, 质监局, 食药监局, 国土资源局, 环保局,
安监局, 卫计委, 农业委员会, 监察局, 国税局/地税局 …) named as a present body, in a report on a year
at least one year after the change was complete (2018 for the central bodies, the 监察 bodies and
the tax offices; 2019 for the local reforms, due by the end of March 2019). It stays quiet where the
text speaks of history or of the reform: after `原`, and in a sentence that says 更名, 改革, 划转,
整合, 组建, 撤销, 合并, 挂牌 or names a year up to the change; inside title marks; and where the
name is part of another body's name (`生态环境保护局`, `煤矿安全监察局`).
## Why it matters
A body that no longer exists cannot have done the year's work: the name was copied from an old
report, and the reviewing office reads the whole report as stale.
## Example
A report on 2022: `区安监局开展执法检查120次` → the work belongs to 应急管理局 since the 2018 reform
(《深化党和国家机构改革方案》).";

pub struct AbolishedBody;

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(INSTITUTIONS.iter().map(|i| i.old))
        .expect("the names build an automaton")
});

/// Characters that end a place or level and may open a body's name.
const LEVELS: &[char] = &['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡'];
/// Words before a name that leave it free standing in the sentence.
const FREE_BEFORE: &[&str] = &[
    "和", "与", "及", "、", "的", "由", "向", "对", "在", "经", "会同", "联合", "协调", "配合",
    "督促", "指导",
];
/// Words of a sentence about the reform or the past.
const REFORM: &[&str] = &[
    "更名",
    "改革",
    "划转",
    "整合",
    "组建",
    "撤销",
    "合并",
    "挂牌",
    "转隶",
    "改为",
    "改称",
    "前身",
    "不再保留",
];

impl Check for AbolishedBody {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let Some((year, _)) = doc.written_by() else {
            return;
        };
        for (line_span, line) in doc.body() {
            for m in MATCHER.find_iter(line) {
                let body = &INSTITUTIONS[m.pattern().as_usize()];
                if year <= body.changed {
                    continue;
                }
                let before = &line[..m.start()];
                let bound = match before.chars().next_back() {
                    None => true,
                    Some(c) if !is_han(c) => true,
                    Some(c) => {
                        LEVELS.contains(&c) || FREE_BEFORE.iter().any(|w| before.ends_with(w))
                    }
                };
                if !bound
                    || last_chars(before, 4).contains('原')
                    || before.matches('《').count() > before.matches('》').count()
                {
                    continue;
                }
                let sentence = knowledge::sentence_at(line, m.start(), m.end());
                let old_year = crate::dates::spoken_years(sentence)
                    .iter()
                    .any(|&(_, y)| y <= body.changed);
                if old_year
                    || REFORM.iter().any(|w| sentence.contains(w))
                    || knowledge::looks_back(sentence)
                {
                    continue;
                }
                let span = Span::new(m.start(), m.end()).offset(line_span.start);
                if doc.allowed(span) {
                    continue;
                }
                let how = match body.change {
                    Change::Rename => "更名为",
                    Change::Merge => "职责并入",
                };
                let how_en = match body.change {
                    Change::Rename => "renamed",
                    Change::Merge => "merged into",
                };
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!(
                        "“{}”已在机构改革中{how}{}（{}），本报告为{year}年度报告，请使用现机构名称或写作“原{}”。",
                        body.old, body.new, body.source, body.old
                    ),
                    format!(
                        "{} was {how_en} {} in the institutional reform (complete by {}; {}); a report on {year} names the present body, or writes 原{}.",
                        body.old, body.new, body.changed, body.source, body.old
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    fn report(year: i32, body: &str) -> String {
        format!("某县人民政府关于{year}年法治政府建设情况的报告\n{year}年，我县扎实推进法治政府建设。\n一、主要成效\n{body}\n")
    }

    #[test]
    fn an_abolished_body_named_as_present() {
        assert_flags(
            "K002",
            &report(2022, "县安监局开展安全生产执法检查120次。"),
            "安监局",
        );
        assert_flags(
            "K002",
            &report(2021, "县政府法制办审查规范性文件15件。"),
            "政府法制办",
        );
        // The short forms with the level only: 县法制办, 市法制办公室.
        assert_flags(
            "K002",
            &report(2022, "县法制办审查规范性文件15件。"),
            "法制办",
        );
        assert_flags(
            "K002",
            &report(2022, "由市法制办公室牵头开展清理。"),
            "法制办公室",
        );
        assert_count(
            "K002",
            &report(2023, "市场监管、环保局、卫计委等部门联合执法。"),
            2,
        );
        assert_count(
            "K002",
            &report(2020, "县国税局和地税局联合开展税法宣传。"),
            2,
        );
        // Central bodies: a report on 2019 already names the new ones.
        assert_count("K002", &report(2019, "配合国土资源部开展督察。"), 1);
    }

    #[test]
    fn quiet_before_the_change_was_complete() {
        assert_count("K002", &report(2018, "县安监局开展执法检查。"), 0);
        assert_count("K002", &report(2019, "县安监局开展执法检查。"), 0);
        assert_count("K002", &report(2018, "县国税局开展税法宣传。"), 0);
    }

    #[test]
    fn quiet_for_history_and_the_reform() {
        assert_count("K002", &report(2022, "原县安监局的执法人员已全部转隶。"), 0);
        assert_count(
            "K002",
            &report(2020, "将环保局的职责整合，组建县生态环境局。"),
            0,
        );
        assert_count(
            "K002",
            &report(
                2021,
                "2018年以前由县工商局承担的登记工作，现由市场监管局办理。",
            ),
            0,
        );
    }

    #[test]
    fn quiet_inside_another_name_or_a_title() {
        assert_count("K002", &report(2022, "县生态环境保护局开展执法检查。"), 0);
        assert_count("K002", &report(2022, "配合煤矿安全监察局开展检查。"), 0);
        assert_count("K002", &report(2022, "学习《国家税务局系统执法规范》。"), 0);
    }

    #[test]
    fn only_reports_on_a_known_year() {
        assert_count("K002", "县安监局开展执法检查。", 0);
        // The year of a starting point is not the year reported on.
        assert_count(
            "K002",
            "2018年以来，县安监局开展执法检查。\n一、主要成效\n正文。",
            0,
        );
        // A 政府工作报告 for 2019 is delivered early in 2019, about 2018.
        assert_count(
            "K002",
            "2019年某县政府工作报告\n各位代表：\n一、2018年工作回顾\n县安监局开展执法检查。\n",
            0,
        );
        assert_count(
            "K002",
            "2021年某县政府工作报告\n各位代表：\n一、2020年工作回顾\n县安监局开展执法检查。\n",
            1,
        );
    }
}
