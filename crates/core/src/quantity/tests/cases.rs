//! The table of number forms: each case is a sentence as a report would write it, with the one
//! quantity the sentence holds (value, unit, qualifier). The sentences are made up for these
//! tests, one or more per form; none is taken from the test corpora.

use super::super::scan::scan_line;
use super::super::*;
use super::forms_chinese::*;
use super::forms_digits::*;

/// (sentence, value, unit, qualifier)
pub(super) type Case = (
    &'static str,
    f64,
    Option<&'static str>,
    Option<&'static str>,
);

pub(super) const P: Option<&str> = Some("%");

fn all_cases() -> Vec<Case> {
    [
        MIXED,
        CHINESE,
        ABBREVIATED,
        CHINESE_DECIMALS,
        SIGNS,
        APPROXIMATE,
        WRITTEN_DIGITS,
        FRACTIONS,
        TENTHS,
        RATIOS_AND_POINTS,
        MULTIPLIERS,
        PLAIN,
        PERCENT_WORDS,
    ]
    .concat()
}

fn quantities(line: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    scan_line(line, 0, 0, &mut out);
    out
}

#[test]
fn every_form_is_read_in_a_sentence() {
    let cases = all_cases();
    assert!(cases.len() >= 200, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (line, value, unit, qualifier) in &cases {
        let got = quantities(line);
        let ok = got.len() == 1 && {
            let q = &got[0];
            (q.value - value).abs() <= 1e-9 * value.abs().max(1.0)
                && q.unit.as_deref() == *unit
                && q.qualifier.as_deref() == *qualifier
        };
        if !ok {
            let got: Vec<_> = got
                .iter()
                .map(|q| {
                    (
                        q.text.as_str(),
                        q.value,
                        q.unit.as_deref(),
                        q.qualifier.as_deref(),
                    )
                })
                .collect();
            failures.push(format!(
                "{line}: want {value} {unit:?} {qualifier:?}, got {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn a_sign_is_part_of_the_text() {
    for (line, text) in [
        ("增速为负2.7%，", "负2.7%"),
        ("同比增长-15.4%。", "-15.4%"),
        ("较上年−3.1%，", "−3.1%"),
    ] {
        let got = quantities(line);
        assert_eq!(got.len(), 1, "{line}");
        assert_eq!(got[0].text, text, "{line}");
    }
}

#[test]
fn a_range_keeps_both_ends_and_its_multiplier() {
    for (line, low, high) in [
        ("罚款幅度为15-20%。", 15.0, 20.0),
        ("每村配备3至5个，", 3.0, 5.0),
        ("投入3至5万元。", 30_000.0, 50_000.0),
        ("补助1万至2万元，", 10_000.0, 20_000.0),
    ] {
        let got = quantities(line);
        assert_eq!(got.len(), 1, "{line}: {got:?}");
        assert_eq!(got[0].kind, Kind::Range, "{line}");
        assert_eq!((got[0].value, got[0].high), (low, Some(high)), "{line}");
    }
}

#[test]
fn hyphens_that_are_not_signs() {
    for line in [
        "规划期为2021-2025年。",
        "咨询电话0898-25514262。",
        "编号A-3的文件",
        "《条例》(2015-2020年)",
    ] {
        let got = quantities(line);
        assert!(got.iter().all(|q| q.value >= 0.0), "{line}: {got:?}");
    }
}

#[test]
fn forms_that_are_not_one_figure() {
    for line in [
        "开通3/5日",
        "服务24/7小时",
        "群众二三十人",
        "几十万人",
        "数十万人参与",
        "一成不变",
        "三成立了",
        "“十四五”规划",
        "十四五规划",
        "第3次会议",
        "三四百件",
        "成千上万群众",
        "组建百人团",
        "截至2021/12/31",
    ] {
        let got = quantities(line);
        assert!(got.is_empty(), "{line}: {got:?}");
    }
    // A list of line numbers is no grouped number: `1,2,3` is not 123.
    let got = quantities("开通1,2,3号线，");
    assert!(got.iter().all(|q| q.value < 4.0), "{got:?}");
    // Exactly three digits after a grouping comma: `20,3000` is not 203000.
    let got = quantities("分别为20,3000件");
    assert!(got.iter().all(|q| q.value != 203_000.0), "{got:?}");
}

#[test]
fn fu_ending_a_word_is_no_sign() {
    for (line, value) in [
        ("全年为企业减负400亿元。", 4e10),
        ("减轻税负3亿元，", 3e8),
        ("其中负债2亿元", 2e8),
    ] {
        let got = quantities(line);
        assert_eq!(got.len(), 1, "{line}: {got:?}");
        assert_eq!(got[0].value, value, "{line}");
    }
}

#[test]
fn a_multiplier_before_a_noun_is_no_figure() {
    // The measure is the noun, which is no unit the reader knows: no statistic, as before.
    for line in [
        "出口总额221.1亿美元，",
        "累计13万网民参与评价",
        "超10亿企业111家",
    ] {
        let got = quantities(line);
        assert!(got.iter().all(|q| q.value < 1e4), "{line}: {got:?}");
    }
    let got = quantities("阅读量达48万+,");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].value, 480_000.0);
}

#[test]
fn an_ordinal_is_skipped_whole() {
    for line in ["第14次会议", "第十二个五年", "第1234号", "第２３届"] {
        let got = quantities(line);
        assert!(got.is_empty(), "{line}: {got:?}");
    }
}
