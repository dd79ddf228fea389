//! The table of number forms: each case is a sentence as a report would write it, with the one
//! quantity the sentence holds (value, unit, qualifier). The sentences are made up for these
//! tests, one or more per form; none is taken from the test corpora.

use super::scan::scan_line;
use super::*;

/// (sentence, value, unit, qualifier)
type Case = (
    &'static str,
    f64,
    Option<&'static str>,
    Option<&'static str>,
);

const P: Option<&str> = Some("%");

const MIXED: &[Case] = &[
    (
        "全年接待来访群众6万5000人次。",
        65_000.0,
        Some("人次"),
        None,
    ),
    ("培训干部12万8千人次，", 128_000.0, Some("人次"), None),
    ("投入资金3千零50万元，", 30_500_000.0, Some("元"), None),
    ("共调解纠纷2千零5件。", 2005.0, Some("件"), None),
    (
        "全年生产总值达1.26万亿元。",
        1.26e12,
        Some("元"),
        Some("达"),
    ),
    ("社会融资规模增量35万亿元。", 3.5e13, Some("元"), None),
    ("新增就业1万5千人。", 15_000.0, Some("人"), None),
    ("累计服务4万3千余人次，", 43_000.0, Some("人次"), Some("余")),
    ("安排资金2亿3000万元。", 230_000_000.0, Some("元"), None),
    ("减税降费1亿零500万元。", 105_000_000.0, Some("元"), None),
    ("完成投资5千万元，", 50_000_000.0, Some("元"), None),
    ("财政收入3千亿元。", 3e11, Some("元"), None),
    ("受益农户2万零8户。", 20_008.0, Some("户"), None),
    ("新建农村公路1千2百公里，", 1200.0, Some("公里"), None),
    ("收到群众来信8千余件。", 8000.0, Some("件"), Some("余")),
    ("整治安全隐患3万2千处，", 32_000.0, Some("处"), None),
    ("审核专项资金7亿5千万元。", 750_000_000.0, Some("元"), None),
    ("新增贷款1万2千亿元。", 1.2e12, Some("元"), None),
    ("惠及人口2千多万人。", 2e7, Some("人"), Some("多")),
    ("营业收入12.5万亿元，", 1.25e13, Some("元"), None),
    ("发放贷款3.2千万元。", 3.2e7, Some("元"), None),
    ("办理业务5百万件，", 5e6, Some("件"), None),
    ("招聘教师2千人。", 2000.0, Some("人"), None),
    ("修建管网3千米。", 3.0, Some("千米"), None),
    ("新增绿地1万零5百平方米。", 10_500.0, Some("平方米"), None),
];

const CHINESE: &[Case] = &[
    ("全年办理案件一万零十五件。", 10_015.0, Some("件"), None),
    (
        "累计化解纠纷二百零三万零五千零十八件。",
        2_035_018.0,
        Some("件"),
        None,
    ),
    ("培训执法人员三千四百五十人，", 3450.0, Some("人"), None),
    ("建成服务站一百零八个。", 108.0, Some("个"), None),
    ("新增市场主体两千零六户。", 2006.0, Some("户"), None),
    ("受理申请一千零一件，", 1001.0, Some("件"), None),
    ("参加考试人员一万二千三百人。", 12_300.0, Some("人"), None),
    ("服务群众共四十五万人次。", 450_000.0, Some("人次"), None),
    ("涉及金额一亿二千万元。", 1.2e8, Some("元"), None),
    ("投入十二亿元，", 1.2e9, Some("元"), None),
    ("开展培训二十三场。", 23.0, Some("场"), None),
    ("设立调解室九十九个，", 99.0, Some("个"), None),
    ("办结投诉一百一十件。", 110.0, Some("件"), None),
    ("组织宣讲一千零一十场，", 1010.0, Some("场"), None),
    ("收到意见二万件。", 20_000.0, Some("件"), None),
    ("审查合同十万零五件，", 100_005.0, Some("件"), None),
    ("惠及五十万零三百户。", 500_300.0, Some("户"), None),
    ("拨付资金三亿零五万元。", 300_050_000.0, Some("元"), None),
    ("出动执法人员四千二百人次，", 4200.0, Some("人次"), None),
    ("共有律师事务所二十家。", 20.0, Some("家"), None),
    ("新增公证机构十五家，", 15.0, Some("家"), None),
    ("完成审查九千九百九十九件。", 9999.0, Some("件"), None),
    ("办理公证六百件。", 600.0, Some("件"), None),
    ("清理文件一百二十份，", 120.0, Some("份"), None),
    ("投资一万五千亿元。", 1.5e12, Some("元"), None),
    ("选聘法律顾问两百五十名。", 250.0, Some("名"), None),
    ("建成网格一万零一百个。", 10_100.0, Some("个"), None),
];

const ABBREVIATED: &[Case] = &[
    ("接待来访群众三百六人。", 360.0, Some("人"), None),
    ("全年办案三百六十五天，", 365.0, Some("天"), None),
    ("培训两万五人次。", 25_000.0, Some("人次"), None),
    ("调解纠纷三千四百五件，", 3450.0, Some("件"), None),
    ("新增就业一千二人。", 1200.0, Some("人"), None),
    ("参与群众两千五人，", 2500.0, Some("人"), None),
    ("植树一万八株。", 18_000.0, Some("株"), None),
    ("覆盖人口两万三人，", 23_000.0, Some("人"), None),
    ("建成站点三百六十个。", 360.0, Some("个"), None),
    ("受理五百零六件，", 506.0, Some("件"), None),
    ("累计四万五人次。", 45_000.0, Some("人次"), None),
    ("全年七千二人次，", 7200.0, Some("人次"), None),
    ("发放手册一万二份。", 12_000.0, Some("份"), None),
    ("投资一亿五千万元。", 1.5e8, Some("元"), None),
    ("服务企业1万5家。", 15_000.0, Some("家"), None),
    ("审核九百八件，", 980.0, Some("件"), None),
];

const CHINESE_DECIMALS: &[Case] = &[
    ("人均住房二十三点四平方米。", 23.4, Some("平方米"), None),
    ("增长三点五倍，", 3.5, Some("倍"), None),
    ("提高一点二个百分点。", 1.2, Some("个百分点"), None),
    ("总额一点五万元，", 15_000.0, Some("元"), None),
    ("新建道路二十点五公里。", 20.5, Some("公里"), None),
    ("治理面积三点二平方公里，", 3.2, Some("平方公里"), None),
    ("投入零点五亿元。", 5e7, Some("元"), None),
    ("降低零点三个百分点，", 0.3, Some("个百分点"), None),
    ("人均四十一点二五平方米。", 41.25, Some("平方米"), None),
    ("增加二点零五倍，", 2.05, Some("倍"), None),
    ("达到百分之九十五点五。", 95.5, P, Some("达")),
    ("占比百分之二十三点四，", 23.4, P, None),
    ("投资十二点八亿元。", 1.28e9, Some("元"), None),
];

const SIGNS: &[Case] = &[
    ("同比增长-15.4%。", -15.4, P, None),
    ("增速为负2.7%，", -2.7, P, None),
    ("较上年−3.1%，", -3.1, P, None),
    ("利润增长－8.2%。", -8.2, P, None),
    ("工业增加值(-3.1%)", -3.1, P, None),
    ("增幅为-0.5个百分点，", -0.5, Some("个百分点"), None),
    ("增幅为负三个百分点。", -3.0, Some("个百分点"), None),
    ("净利润为-2.3亿元，", -2.3e8, Some("元"), None),
    ("同比-3.0%，", -3.0, P, None),
    ("比上年-12.6%。", -12.6, P, None),
    ("利润总额−1.2亿元，", -1.2e8, Some("元"), None),
    ("增长率为负0.8个百分点。", -0.8, Some("个百分点"), None),
    ("出口增长负十二点五%，", -12.5, P, None),
    ("增速为负百分之三，", -3.0, P, None),
    ("-4.5%的降幅", -4.5, P, None),
    ("负增长1.5%。", 1.5, P, None),
    ("负责3个项目。", 3.0, Some("个"), None),
    ("罚款幅度为15-20%。", 15.0, P, None),
];

const APPROXIMATE: &[Case] = &[
    ("投入资金三千多万元。", 3e7, Some("元"), Some("多")),
    ("受益群众二十多万人，", 2e5, Some("人"), Some("多")),
    ("服务群众三十几万人次。", 3e5, Some("人次"), Some("多")),
    ("参加人数约2000人，", 2000.0, Some("人"), Some("约")),
    ("接待近5万人次。", 50_000.0, Some("人次"), Some("近")),
    ("培训100余人次，", 100.0, Some("人次"), Some("余")),
    ("化解矛盾1000多件。", 1000.0, Some("件"), Some("多")),
    ("设立十几个调解点，", 10.0, Some("个"), Some("多")),
    ("指导五十余家企业。", 50.0, Some("家"), Some("余")),
    ("覆盖超过1万人，", 10_000.0, Some("人"), Some("超过")),
    ("差错率不足百分之五。", 5.0, P, Some("不足")),
    ("总投资达到3.5亿元，", 3.5e8, Some("元"), Some("达")),
    ("惠及约1.2万户。", 12_000.0, Some("户"), Some("约")),
    ("招募志愿者两千余人，", 2000.0, Some("人"), Some("余")),
    ("举办讲座三百多场。", 300.0, Some("场"), Some("多")),
    ("帮扶1万余人，", 10_000.0, Some("人"), Some("余")),
    ("受教育群众40余万人。", 400_000.0, Some("人"), Some("余")),
    ("开展普法活动百余场，", 100.0, Some("场"), Some("余")),
    ("接待500人左右。", 500.0, Some("人"), Some("约")),
    ("审查1000件以上，", 1000.0, Some("件"), Some("以上")),
    ("补贴十多万元。", 100_000.0, Some("元"), Some("多")),
    ("累计二十余万元，", 200_000.0, Some("元"), Some("余")),
    ("覆盖近二十万人。", 200_000.0, Some("人"), Some("近")),
    ("培训约三千人，", 3000.0, Some("人"), Some("约")),
    ("参与逾5000人。", 5000.0, Some("人"), Some("逾")),
    ("到场五十几人，", 50.0, Some("人"), Some("多")),
    ("服务两万多人。", 20_000.0, Some("人"), Some("多")),
    ("收入9亿多元，", 9e8, Some("元"), Some("多")),
    ("建成不到30个。", 30.0, Some("个"), Some("不到")),
    ("将近2000件，", 2000.0, Some("件"), Some("近")),
    ("多达80人次。", 80.0, Some("人次"), Some("达")),
    ("高达3亿元，", 3e8, Some("元"), Some("达")),
    ("筹集住房超1.5万套。", 15_000.0, Some("套"), Some("超过")),
    ("接近3000人，", 3000.0, Some("人"), Some("近")),
    ("大约四十万元。", 400_000.0, Some("元"), Some("约")),
    ("人数约为1200人，", 1200.0, Some("人"), Some("约")),
    ("力争赶超3家企业", 3.0, Some("家"), None),
];

const WRITTEN_DIGITS: &[Case] = &[
    ("受理申请５，５６５件。", 5565.0, Some("件"), None),
    ("共计5,565件，", 5565.0, Some("件"), None),
    ("投入1,234,567元。", 1_234_567.0, Some("元"), None),
    ("办理１２３４件，", 1234.0, Some("件"), None),
    ("占比１２.５%。", 12.5, P, None),
    ("投入２０．５万元，", 205_000.0, Some("元"), None),
    ("累计12,345人次。", 12_345.0, Some("人次"), None),
    ("满意率达到１００％，", 100.0, P, Some("达")),
    ("安排资金3,200万元。", 3.2e7, Some("元"), None),
    ("合计１，２００人，", 1200.0, Some("人"), None),
    ("受理10,000余件。", 10_000.0, Some("件"), Some("余")),
    ("培训１万２千人，", 12_000.0, Some("人"), None),
    ("建成２３个。", 23.0, Some("个"), None),
    ("处理１，２３４，５６７元，", 1_234_567.0, Some("元"), None),
    ("培训1,000余人次。", 1000.0, Some("人次"), Some("余")),
];

const FRACTIONS: &[Case] = &[
    ("覆盖三分之一的乡镇。", 1.0 / 3.0, None, None),
    ("超过三分之二，", 2.0 / 3.0, None, Some("超过")),
    ("覆盖2/3的乡镇。", 2.0 / 3.0, None, None),
    ("约1/4的案件", 0.25, None, Some("约")),
    ("已完成3/5。", 0.6, None, None),
    ("占四分之一，", 0.25, None, None),
    ("压缩十分之一。", 0.1, None, None),
    ("达到3/4以上的", 0.75, None, Some("达")),
    ("五分之四的村庄", 0.8, None, None),
    ("近1/3，", 1.0 / 3.0, None, Some("近")),
];

const TENTHS: &[Case] = &[
    ("满意度提高近三成。", 30.0, P, Some("近")),
    ("占七成以上，", 70.0, P, Some("以上")),
    ("群众满意度达九成。", 90.0, P, Some("达")),
    ("五成的村建成", 50.0, P, None),
    ("约六成，", 60.0, P, Some("约")),
    ("超过八成。", 80.0, P, Some("超过")),
    ("3成左右，", 30.0, P, Some("约")),
    ("三成多。", 30.0, P, Some("多")),
    ("案件减少两成，", 20.0, P, None),
];

const RATIOS_AND_POINTS: &[Case] = &[
    ("增长2倍。", 2.0, Some("倍"), None),
    ("提高1.5倍，", 1.5, Some("倍"), None),
    ("增长三倍。", 3.0, Some("倍"), None),
    ("提高3个百分点，", 3.0, Some("个百分点"), None),
    ("下降0.5个百分点。", 0.5, Some("个百分点"), None),
    ("提高二点五个百分点，", 2.5, Some("个百分点"), None),
    ("增加两个百分点。", 2.0, Some("个百分点"), None),
    ("提高十个百分点，", 10.0, Some("个百分点"), None),
    ("增长1.2倍。", 1.2, Some("倍"), None),
    ("提高5.6个百分点，", 5.6, Some("个百分点"), None),
    ("下降十二个百分点。", 12.0, Some("个百分点"), None),
    ("比例为3‰，", 3.0, Some("‰"), None),
];

const MULTIPLIERS: &[Case] = &[
    ("投入2亿元。", 2e8, Some("元"), None),
    ("标的额9.87亿元，", 9.87e8, Some("元"), None),
    ("罚没1494.52万元。", 14_945_200.0, Some("元"), None),
    ("投资3千万元，", 3e7, Some("元"), None),
    ("减税2万亿元。", 2e12, Some("元"), None),
    ("支出8千亿元，", 8e11, Some("元"), None),
    ("补助5百万元。", 5e6, Some("元"), None),
    ("奖励1.2万元，", 12_000.0, Some("元"), None),
    ("拨付三亿元。", 3e8, Some("元"), None),
    ("投入五千万元，", 5e7, Some("元"), None),
    ("总量五万亿元。", 5e12, Some("元"), None),
    ("投资两千亿元，", 2e11, Some("元"), None),
    ("规模3.5万亿元。", 3.5e12, Some("元"), None),
    ("达1万亿元，", 1e12, Some("元"), Some("达")),
    ("受益群众3万人次。", 30_000.0, Some("人次"), None),
    ("项目资金3.45亿。", 3.45e8, None, None),
];

const PLAIN: &[Case] = &[
    ("办理提案437件。", 437.0, Some("件"), None),
    ("培训1345人次，", 1345.0, Some("人次"), None),
    ("开展活动12场次。", 12.0, Some("场次"), None),
    ("总面积1243.14平方米，", 1243.14, Some("平方米"), None),
    ("压缩至3.2个工作日。", 3.2, Some("个工作日"), None),
    ("配备执法车辆209台，", 209.0, Some("台"), None),
    ("新增市场主体2960户。", 2960.0, Some("户"), None),
    ("纠错率为23.29%，", 23.29, P, None),
    ("同比增长17.45%。", 17.45, P, None),
    ("办结率100%，", 100.0, P, None),
    ("收到建议58条。", 58.0, Some("条"), None),
    ("聘请法律顾问36名，", 36.0, Some("名"), None),
    ("清理规章12部。", 12.0, Some("部"), None),
    ("审查文件88份，", 88.0, Some("份"), None),
    ("调解纠纷1024起。", 1024.0, Some("起"), None),
    ("培训课时96课时，", 96.0, Some("课时"), None),
    ("新建公园7座。", 7.0, Some("座"), None),
    ("立案数为1.35。", 1.35, None, None),
    ("调委会1310，", 1310.0, None, None),
    ("受理１２件。", 12.0, Some("件"), None),
];

const PERCENT_WORDS: &[Case] = &[
    ("占比百分之三十。", 30.0, P, None),
    ("增长百分之五，", 5.0, P, None),
    ("覆盖率百分之百。", 100.0, P, None),
    ("降低百分之十二，", 12.0, P, None),
    ("占百分之零点五。", 0.5, P, None),
];

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
