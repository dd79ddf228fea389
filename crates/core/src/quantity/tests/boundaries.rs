//! What is not a statistic, what a figure is about, relations, and long digit runs.

use super::*;

#[test]
fn what_is_not_a_statistic() {
    for line in [
        "2020年7月",
        "2021-03-30",
        "(2021—2025年)",
        "(2015-2020年)",
        "第14次行政执法案卷评查",
        "第99次常务会",
        "全省排名第1",
        "全省第一个",
        "“三项制度”",
        "“1+8”",
        "通告“26条”",
        "十九届五中全会",
        "“十四五”期间",
        "“八五”普法",
        "“12.4”宪法宣传日",
        "东府〔2021〕4号",
        "0898-25514262",
        "政府网站识别码:4690070003",
        "市委3号办公楼",
        "有期徒刑1年",
        "雪亮工程(二期)",
        "省委十一届八次全会",
        "落实十项规定",
        "行政执法三项制度",
        "一个工作日内",
        "《本溪市2022年推进法治政府建设十项重点任务》",
        "‘2+4’",
        "12月上旬",
        "前三季度",
        "四位一体宣传模式",
        "六大专项整治",
        "(2022版)",
        "推进一网通办",
        "2017年以来",
    ] {
        none(line);
    }
}

#[test]
fn about_names_what_is_measured() {
    let mut out = Vec::new();
    scan_line(
        "办理市人大代表建议和市政协委员提案437件，满意率达100%。",
        0,
        0,
        &mut out,
    );
    assert_eq!(out[0].about, "办理市人大代表建议和市政协委员提案");
    assert_eq!(out[1].about, "满意率");
    let mut out = Vec::new();
    scan_line("196个村居实现全覆盖", 0, 0, &mut out);
    assert_eq!(out[0].about, "村居实现全覆盖");
}

#[test]
fn relations_pair_rates_with_counts_and_parts_with_totals() {
    let text = "审结219件，其中纠错51件，纠错率为23.29%。共清理文件312件，其中保留248件、修改41件、废止25件。";
    let mut quantities = Vec::new();
    scan_line(text, 0, 0, &mut quantities);
    let rel = relations(text, &quantities);
    assert_eq!(rel.len(), 2, "{rel:?}");
    assert_eq!(rel[0].kind, RelationKind::Rate);
    assert!(rel[0].consistent);
    assert_eq!(rel[1].kind, RelationKind::Sum);
    assert_eq!(rel[1].computed, 314.0);
    assert!(!rel[1].consistent);
    assert!(
        relations::agrees(99.9, 4706.0 / 4708.0 * 100.0, 1),
        "a truncated rate agrees"
    );
    assert!(!relations::agrees(23.3, 51.0 / 219.0 * 100.0 + 1.0, 1));
}

#[test]
fn long_digit_runs_stay_cheap_and_exact() {
    let long = "9".repeat(5000);
    let line = format!("共{long}件。");
    let got = read(&line);
    assert!(
        got.is_empty() || got[0].1.is_finite(),
        "a number too long for i128 is skipped or finite"
    );
}
