use super::*;
use crate::analysis::{analyze, Options};

/// Last year's report of an invented county.
const OLD: &str = "某某县人民政府关于2022年法治政府建设情况的报告

县人大常委会：
现将我县2022年法治政府建设情况报告如下：
一、主要举措和成效
（一）深化行政执法体制改革。全年共受理行政复议案件120件，纠错率为12.5%。全县行政机关负责人出庭应诉率达到95%。全年开展普法宣传活动230场次。
（二）推进重大行政决策规范化。严格落实重大行政决策程序，全年对46件重大行政决策事项进行合法性审查。
二、存在的不足和原因
一是部分行政执法人员素质参差不齐，执法不规范的问题仍然存在。二是基层法治宣传教育的针对性和实效性有待进一步提高。三是行政规范性文件备案审查工作还不够扎实，个别文件报备不及时。
三、2023年工作安排
一是深化综合行政执法改革，推进行政执法三项制度全面落实。二是全面推行证明事项告知承诺制，减少群众办事证明材料。三是加强公职律师队伍建设，提升依法决策水平。

某某县人民政府
2023年2月10日
";

/// This year's: achievements rewritten with new figures, one figure left as it was, the problems
/// part copied, new plans.
const NEW: &str = "某某县人民政府关于2023年法治政府建设情况的报告

县人大常委会：
现将我县2023年法治政府建设情况报告如下：
一、主要举措和成效
（一）行政执法更加规范。综合行政执法改革向乡镇延伸，行政执法三项制度实现县乡两级全覆盖。全年共受理行政复议案件150件，纠错率为10.2%。全县行政机关负责人出庭应诉率达到100%。全年开展普法宣传活动230场次。
（二）依法决策水平提升。新聘公职律师18名，实现县直部门全覆盖，全年对52件重大行政决策事项进行合法性审查。
二、存在的不足和原因
一是部分行政执法人员素质参差不齐，执法不规范的问题仍然存在。二是基层法治宣传教育的针对性和实效性有待进一步提高。三是行政规范性文件备案审查工作还不够扎实，个别文件报备不及时。
三、2024年工作安排
一是推进行政复议体制改革成果巩固，提升案件办理质量。二是开展乡镇法治建设示范创建活动。

某某县人民政府
2024年2月5日
";

fn analysed(text: &str, name: &str) -> Analysis {
    analyze(
        text,
        &Options {
            name: Some(name.to_owned()),
            ..Options::default()
        },
    )
}

fn pair_of(old: &str, new: &str) -> Comparison {
    compare(
        old,
        &analysed(old, "2022.txt"),
        new,
        &analysed(new, "2023.txt"),
    )
}

#[test]
fn the_two_sides_are_named_with_unit_and_year() {
    let c = pair_of(OLD, NEW);
    assert_eq!(c.old.year, Some(2022));
    assert_eq!(c.new.year, Some(2023));
    assert_eq!(c.new.name, "2023.txt");
    assert!(c.same_unit, "{:?} {:?}", c.old.unit, c.new.unit);
}

#[test]
fn reuse_is_counted_by_sentence_and_section() {
    let c = pair_of(OLD, NEW);
    // The three problem sentences and the opening repeat; achievements were rewritten.
    let reused: Vec<&str> = c
        .reuse
        .pairs
        .iter()
        .filter_map(|p| p.span.text(NEW))
        .collect();
    assert!(
        reused.iter().any(|s| s.contains("素质参差不齐")),
        "{reused:?}"
    );
    assert!(
        !reused.iter().any(|s| s.contains("向乡镇延伸")),
        "{reused:?}"
    );
    assert!(
        c.reuse.share > 0.2 && c.reuse.share < 0.8,
        "{}",
        c.reuse.share
    );
    let problems = c
        .sections
        .iter()
        .find(|s| s.heading.contains("存在的不足"))
        .expect("section");
    assert!((problems.share - 1.0).abs() < 1e-9, "{problems:?}");
    let plans = c
        .sections
        .iter()
        .find(|s| s.heading.contains("工作安排"))
        .expect("section");
    assert_eq!(plans.reused, 0);
    for p in &c.reuse.pairs {
        assert!(p.old_span.text(OLD).is_some() && p.similarity >= reuse::REUSED);
    }
}

#[test]
fn a_copied_problems_part_is_a_finding() {
    let c = pair_of(OLD, NEW);
    let p = c.problems.as_ref().expect("problems part");
    assert!(p.repeated && p.reused == 3 && p.sentences == 3, "{p:?}");
    let f = c
        .findings
        .iter()
        .find(|f| f.code == "C001")
        .expect("C001 finding");
    assert!(f.message.contains("100%"), "{}", f.message);
    assert_eq!(f.span.text(NEW), Some("二、存在的不足和原因"));
    assert_eq!(f.spans.len(), 4);
}

#[test]
fn a_rewritten_problems_part_is_not() {
    let new = NEW.replace(
        "一是部分行政执法人员素质参差不齐，执法不规范的问题仍然存在。二是基层法治宣传教育的针对性和实效性有待进一步提高。",
        "一是乡镇综合执法队伍新组建，人员专业能力与执法任务还不匹配。二是数字法治政府建设起步较晚，执法监督平台数据尚未贯通。",
    );
    let c = pair_of(OLD, &new);
    let p = c.problems.as_ref().expect("problems part");
    assert!(!p.repeated, "{p:?}");
    assert!(c.findings.iter().all(|f| f.code != "C001"));
}

#[test]
fn indicators_come_side_by_side_with_change_and_direction() {
    let c = pair_of(OLD, NEW);
    let by = |id: &str| c.indicators.iter().find(|i| i.id == id);
    let cases = by("admin_review_accepted").expect("复议案件");
    assert_eq!((cases.old, cases.new), (Some(120.0), Some(150.0)));
    assert_eq!(cases.change, Some(30.0));
    assert_eq!(cases.change_percent, Some(25.0));
    assert_eq!(cases.direction, Direction::Up);
    let rate = by("admin_review_correction_rate").expect("纠错率");
    assert_eq!(rate.direction, Direction::Down);
    assert_eq!(rate.change, Some(-2.3));
    assert_eq!(rate.change_percent, None, "a rate changes by points");
    for i in &c.indicators {
        if let Some(s) = i.new_span {
            assert!(s.text(NEW).is_some());
        }
        if let Some(s) = i.old_span {
            assert!(s.text(OLD).is_some());
        }
    }
}

#[test]
fn last_years_plans_are_traced() {
    let c = pair_of(OLD, NEW);
    let status = |needle: &str| {
        c.plans
            .iter()
            .find(|p| p.text.contains(needle))
            .map(|p| p.status)
    };
    assert_eq!(status("三项制度"), Some(PlanStatus::Done), "{:#?}", c.plans);
    assert_eq!(
        status("告知承诺制"),
        Some(PlanStatus::NotMentioned),
        "{:#?}",
        c.plans
    );
    assert!(matches!(
        status("公职律师"),
        Some(PlanStatus::Done | PlanStatus::Partly)
    ));
    for p in &c.plans {
        assert_eq!(p.span.text(OLD), Some(p.text.as_str()));
        assert_eq!(p.evidence.len(), p.found.len());
        for e in &p.evidence {
            let used = e.text(NEW).unwrap_or_default();
            assert!(p.found.iter().any(|t| t == used) || !used.is_empty());
        }
    }
}

#[test]
fn a_figure_left_as_last_year_is_flagged_and_updated_ones_are_not() {
    let c = pair_of(OLD, NEW);
    let texts: Vec<&str> = c.repeated_figures.iter().map(|r| r.text.as_str()).collect();
    assert!(texts.contains(&"230场次"), "{texts:?}");
    assert!(!texts.contains(&"150件"), "{texts:?}");
    let f = c
        .findings
        .iter()
        .find(|f| f.code == "C002")
        .expect("C002 finding");
    assert_eq!(f.count, c.repeated_figures.len());
    assert_eq!(f.span.text(NEW), Some("230场次"));
}

#[test]
fn a_rate_at_full_marks_and_small_counts_may_repeat() {
    let old = OLD.replace("95%", "100%");
    let c = pair_of(&old, NEW);
    assert!(c.repeated_figures.iter().all(|r| r.text != "100%"));
}

#[test]
fn the_same_report_twice_is_all_reuse() {
    let c = pair_of(OLD, OLD);
    assert!((c.reuse.share - 1.0).abs() < 1e-9);
    assert!(c.indicators.iter().all(|i| i.direction == Direction::Same));
}

#[test]
fn empty_and_unrelated_texts_compare_without_failing() {
    let c = pair_of("", NEW);
    assert_eq!(c.reuse.reused, 0);
    assert!(!c.same_unit);
    assert!(c.plans.is_empty());
    let c = pair_of(NEW, "随便写的几个字");
    assert_eq!(c.reuse.sentences, 0);
    assert!(c.problems.is_none());
    assert!(c.indicators.iter().all(|i| i.direction == Direction::Gone));
}

#[test]
fn the_comparison_reads_back_from_json() {
    let c = pair_of(OLD, NEW);
    let json = serde_json::to_string(&c).expect("serialises");
    let back: Comparison = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, c);
}

#[test]
fn reports_pair_by_unit_and_nearest_year() {
    let a = analysed(OLD, "a");
    let b = analysed(NEW, "b");
    let other = analysed(&NEW.replace("某某县", "另一县"), "c");
    let list = [&b, &other, &a];
    assert_eq!(pair(&list, 0), Some((2, 0)));
    assert_eq!(pair(&list, 2), Some((2, 0)));
    assert_eq!(pair(&list, 1), None);
    let later = analysed(&NEW.replace("2023年", "2024年"), "d");
    let list = [&a, &later, &b];
    assert_eq!(pair(&list, 2), Some((0, 2)), "last year before next");
}

#[test]
fn several_years_make_series() {
    let a = analysed(OLD, "a");
    let b = analysed(NEW, "b");
    let c = analysed(
        &NEW.replace("2023年", "2024年").replace("150件", "170件"),
        "c",
    );
    let list = [&c, &a, &b];
    let s = series(&list);
    let cases = s
        .iter()
        .find(|s| s.indicator == "admin_review_accepted")
        .expect("series");
    assert_eq!(
        cases.points,
        vec![(2022, 120.0), (2023, 150.0), (2024, 170.0)]
    );
    assert!(series(&[&a]).is_empty());
}
