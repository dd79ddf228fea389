//! The scanner's tests: numbers in sentences (here), what is no statistic (`boundaries`), and
//! the table of number forms (`cases`, with its sentences in `forms_chinese` and `forms_digits`).

mod boundaries;
mod cases;
mod forms_chinese;
mod forms_digits;

use super::scan::scan_line;
use super::*;

/// The quantities of one line of body text, as `(text, value, unit, qualifier)`.
fn read(line: &str) -> Vec<(String, f64, Option<String>, Option<String>)> {
    let mut out = Vec::new();
    scan_line(line, 0, 0, &mut out);
    out.into_iter()
        .map(|q| (q.text, q.value, q.unit, q.qualifier))
        .collect()
}

#[track_caller]
fn one(line: &str, text: &str, value: f64, unit: Option<&str>, qualifier: Option<&str>) {
    let got = read(line);
    assert_eq!(got.len(), 1, "{line}: {got:?}");
    let (t, v, u, q) = &got[0];
    assert_eq!(t, text, "{line}");
    assert!(
        (v - value).abs() < 1e-6 * value.abs().max(1.0),
        "{line}: {v} ≠ {value}"
    );
    assert_eq!(u.as_deref(), unit, "{line}");
    assert_eq!(q.as_deref(), qualifier, "{line}");
}

#[track_caller]
fn none(line: &str) {
    let got = read(line);
    assert!(got.is_empty(), "{line}: {got:?}");
}

fn kind(line: &str) -> Kind {
    let mut out = Vec::new();
    scan_line(line, 0, 0, &mut out);
    out.first().map_or(Kind::Count, |q| q.kind)
}

#[test]
fn arabic_counts_and_units() {
    one("办理提案437件。", "437件", 437.0, Some("件"), None);
    one("培训1345人次，", "1345人次", 1345.0, Some("人次"), None);
    one("开展活动12场次", "12场次", 12.0, Some("场次"), None);
    one("河砂2386立方米", "2386立方米", 2386.0, Some("立方米"), None);
    one(
        "总面积1243.14平方米",
        "1243.14平方米",
        1243.14,
        Some("平方米"),
        None,
    );
    one(
        "压缩至3.2个工作日",
        "3.2个工作日",
        3.2,
        Some("个工作日"),
        None,
    );
    one("共计1,234件", "1,234件", 1234.0, Some("件"), None);
    one("受理１２件", "１２件", 12.0, Some("件"), None);
    one("配备209台", "209台", 209.0, Some("台"), None);
    one("新增市场主体2960户", "2960户", 2960.0, Some("户"), None);
}

#[test]
fn multipliers_fold_into_the_value() {
    one("投入12.9万元", "12.9万元", 129_000.0, Some("元"), None);
    one(
        "涉案标的额9.87亿元",
        "9.87亿元",
        987_000_000.0,
        Some("元"),
        None,
    );
    one(
        "共处罚金1494.52万元",
        "1494.52万元",
        14_945_200.0,
        Some("元"),
        None,
    );
    one(
        "矛盾纠纷2.2万余件",
        "2.2万余件",
        22_000.0,
        Some("件"),
        Some("余"),
    );
    one(
        "信息18万余条",
        "18万余条",
        180_000.0,
        Some("条"),
        Some("余"),
    );
    one(
        "受教育群众40余万人",
        "40余万人",
        400_000.0,
        Some("人"),
        Some("余"),
    );
    one(
        "总面积2.5万平方米",
        "2.5万平方米",
        25_000.0,
        Some("平方米"),
        None,
    );
    one("项目资金3.45亿", "3.45亿", 345_000_000.0, None, None);
    one("受益群众3万人次", "3万人次", 30_000.0, Some("人次"), None);
}

#[test]
fn chinese_numerals() {
    one("组织三千余件", "三千余件", 3000.0, Some("件"), Some("余"));
    one("建成一百二十个站点", "一百二十个", 120.0, Some("个"), None);
    one("新增加两个科室", "两个", 2.0, Some("个"), None);
    one(
        "累计一万零一十二件",
        "一万零一十二件",
        10_012.0,
        Some("件"),
        None,
    );
    one("投资一万五千亿元", "一万五千亿元", 1.5e12, Some("元"), None);
    one("共两千人", "两千人", 2000.0, Some("人"), None);
    one("普法活动百余场", "百余场", 100.0, Some("场"), Some("余"));
    one("出台九个相关配套制度", "九个", 9.0, Some("个"), None);
    one("提高六个百分点", "六个百分点", 6.0, Some("个百分点"), None);
    one("占比百分之三十", "百分之三十", 30.0, Some("%"), None);
}

#[test]
fn percentages_changes_and_ratios() {
    one("纠错率为23.29%", "23.29%", 23.29, Some("%"), None);
    one("纠错率为25 %,", "25 %", 25.0, Some("%"), None);
    one("比例为２３.５％", "２３.５％", 23.5, Some("%"), None);
    one("同比增长17.45%", "17.45%", 17.45, Some("%"), None);
    assert_eq!(kind("同比增长17.45%"), Kind::Change);
    assert_eq!(kind("下降11.76%"), Kind::Change);
    assert_eq!(kind("提高3个百分点"), Kind::Change);
    assert_eq!(kind("纠错率为23.29%"), Kind::Percent);
    one("提高3个百分点", "3个百分点", 3.0, Some("个百分点"), None);
    one("比例为3‰", "3‰", 3.0, Some("‰"), None);
    assert_eq!(kind("增长2倍"), Kind::Ratio);
    assert_eq!(kind("投入50万元"), Kind::Money);
    let third = read("覆盖三分之一的乡镇");
    assert_eq!(third.len(), 1);
    assert!((third[0].1 - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(kind("覆盖三分之一的乡镇"), Kind::Ratio);
}

#[test]
fn qualifiers_before_and_after() {
    one(
        "卫生监督员近6000人次",
        "近6000人次",
        6000.0,
        Some("人次"),
        Some("近"),
    );
    one("约1500人次", "约1500人次", 1500.0, Some("人次"), Some("约"));
    one("比例达到95%", "达到95%", 95.0, Some("%"), Some("达"));
    one("满意率达100%", "达100%", 100.0, Some("%"), Some("达"));
    one(
        "压缩审批时限50%以上",
        "50%以上",
        50.0,
        Some("%"),
        Some("以上"),
    );
    one("100多个难题", "100多个", 100.0, Some("个"), Some("多"));
    one(
        "出动231余人次",
        "231余人次",
        231.0,
        Some("人次"),
        Some("余"),
    );
    one("超过300件", "超过300件", 300.0, Some("件"), Some("超过"));
    one("不足20人", "不足20人", 20.0, Some("人"), Some("不足"));
    one("培训200人左右", "200人左右", 200.0, Some("人"), Some("约"));
}

#[test]
fn ranges() {
    let got = read("罚款幅度为15%～30%");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "15%～30%");
    assert_eq!(kind("罚款幅度为15%～30%"), Kind::Range);
    let mut out = Vec::new();
    scan_line("每村配备3至5个", 0, 0, &mut out);
    assert_eq!(
        (out[0].value, out[0].high, out[0].unit.as_deref()),
        (3.0, Some(5.0), Some("个"))
    );
    let mut out = Vec::new();
    scan_line("提高2-4倍", 0, 0, &mut out);
    assert_eq!(
        (out[0].kind, out[0].value, out[0].high),
        (Kind::Range, 2.0, Some(4.0))
    );
    let mut out = Vec::new();
    scan_line("幅度为15～30%", 0, 0, &mut out);
    assert_eq!((out[0].text.as_str(), out[0].high), ("15～30%", Some(30.0)));
}

#[test]
fn a_chinese_comma_splits_numbers() {
    let got = read("分别为20，300件");
    assert_eq!(
        got.iter().map(|g| g.1).collect::<Vec<_>>(),
        [20.0, 300.0],
        "{got:?}"
    );
    let got = read("受理20件，办结300件");
    assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), [20.0, 300.0]);
}

#[test]
fn unitless_figures_standing_alone() {
    one("优化各级调委会1310,", "1310", 1310.0, None, None);
    one("万人行政诉讼案件立案数为1.35。", "1.35", 1.35, None, None);
    let mut out = Vec::new();
    scan_line("万人行政诉讼案件立案数为1.35。", 0, 0, &mut out);
    assert_eq!(out[0].kind, Kind::PerCapita);
}
