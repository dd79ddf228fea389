//! What kind of document the text is: the genre decides which parts a report must have.
//!
//! Read from the title when there is one (its last words name the document: `…情况的报告`,
//! `…工作安排的通知`, `…文件解读`), else from the opening lines (`各位代表：` and `请予审议` open a
//! 政府工作报告; `根据《中华人民共和国政府信息公开条例》` opens a 年报) and, last, from what the body
//! keeps coming back to.

pub use crate::model::Genre;

/// Words that name the genre's subject, in simplified and traditional characters (portals' big5
/// gateways convert whole pages).
const DISCLOSURE: &[&str] = &["政府信息公开", "政务公开", "政府信息公開", "政務公開"];
const RULE_OF_LAW: &[&str] = &[
    "法治政府建设",
    "依法行政",
    "法治建设",
    "法治政府建設",
    "法治建設",
];

/// The genre named by a title, if it names one.
pub(crate) fn from_title(title: &str) -> Option<Genre> {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    // What a title ends with names the document; a title inside 《》 names another one.
    let own: String = strip_quoted(&t);
    if own.contains("解读") {
        return Some(Genre::Interpretation);
    }
    let ends = |words: &[&str]| words.iter().any(|w| own.ends_with(w));
    if own.contains("政府工作报告") || own.contains("政府工作報告") {
        return Some(Genre::GovernmentWork);
    }
    if ends(&[
        "通知", "通告", "方案", "要点", "意见", "计划", "安排", "规划",
    ]) {
        return Some(Genre::Notice);
    }
    let reports = [
        "报告",
        "年报",
        "情况",
        "总结",
        "报告书",
        "報告",
        "情況",
        "總結",
    ];
    if DISCLOSURE.iter().any(|w| own.contains(w)) && (own.contains("年度") || ends(&reports)) {
        return Some(Genre::InformationDisclosure);
    }
    if RULE_OF_LAW.iter().any(|w| own.contains(w)) && ends(&reports) {
        return Some(Genre::RuleOfLaw);
    }
    None
}

/// `t` without anything inside 《》 (the titles of other documents it cites).
fn strip_quoted(t: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The genre of a document with `title` (if found), `opening` (its first lines after the page
/// chrome, as written: recipient and body alike) and whole body text `body`. When no title was
/// found, a short line of the opening that reads as one (split over two lines, perhaps) counts.
pub fn recognise(title: Option<&str>, opening: &str, body: &str) -> Genre {
    if let Some(g) = title.and_then(from_title) {
        return g;
    }
    let heads: Vec<&str> = opening
        .lines()
        .map(str::trim)
        .take_while(|l| l.chars().count() <= 60 && !l.contains(['。', '，', ',']))
        .collect();
    for k in 0..heads.len() {
        let one = heads[k].to_owned();
        let two = heads.get(k + 1).map(|n| format!("{one}{n}"));
        if let Some(g) = two
            .as_deref()
            .and_then(from_title)
            .or_else(|| from_title(&one))
        {
            return g;
        }
    }
    let open: String = opening.chars().filter(|c| !c.is_whitespace()).collect();
    // The speech to a people's congress: `各位代表：` or `同志们：`, then `向大会…报告…请予审议`.
    if open.contains("请予审议") && (open.contains("各位代表") || open.contains("向大会"))
    {
        return Genre::GovernmentWork;
    }
    if open.contains("政府信息公开条例") && (open.contains("年度报告") || open.contains("年报"))
    {
        return Genre::InformationDisclosure;
    }
    if open.contains("解读") && open.contains("《") {
        return Genre::Interpretation;
    }
    if RULE_OF_LAW.iter().any(|w| open.contains(w)) {
        return Genre::RuleOfLaw;
    }
    // Last, what the body keeps naming: a report that never names its genre at the start still
    // names its subject throughout.
    let count = |words: &[&str]| words.iter().map(|w| body.matches(w).count()).sum::<usize>();
    let (law, disclosure) = (count(RULE_OF_LAW), count(DISCLOSURE));
    if law >= 3 && law > disclosure {
        Genre::RuleOfLaw
    } else if disclosure >= 3 && body.contains("政府信息公开条例") {
        Genre::InformationDisclosure
    } else {
        Genre::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::{recognise, Genre};

    #[track_caller]
    fn title(t: &str, g: Genre) {
        assert_eq!(recognise(Some(t), "", ""), g, "{t}");
    }

    #[test]
    fn titles_name_their_genre() {
        title(
            "德阳市人民政府关于2020年法治政府建设情况的报告",
            Genre::RuleOfLaw,
        );
        title(
            "四川省人民政府2022年度法治政府建设工作情况",
            Genre::RuleOfLaw,
        );
        title("桃源县2017年度法治政府建设工作总结", Genre::RuleOfLaw);
        title("雅安市司法局2021年法治政府建设年度报告", Genre::RuleOfLaw);
        title(
            "孝感市人民政府办公室2020年政府信息公开工作年度报告",
            Genre::InformationDisclosure,
        );
        title(
            "2022年上海市人民政府参事室政府信息公开工作年度报告",
            Genre::InformationDisclosure,
        );
        title(
            "重庆市大足区人民政府外事办公室政府信息公开工作2022年度报告",
            Genre::InformationDisclosure,
        );
        title(
            "《淮北市烈山区2024年度法治政府建设情况报告》文件解读",
            Genre::Interpretation,
        );
        title(
            "西平县人民政府办公室关于印发西平县2020年度法治政府建设工作安排的通知",
            Genre::Notice,
        );
        title("2024年深圳市南山区政府工作报告", Genre::GovernmentWork);
        title(
            "关于印发《2021年法治政府建设工作要点》的通知",
            Genre::Notice,
        );
        title(
            "关于报送《2021年度法治政府建设情况报告》的报告",
            Genre::Unknown,
        );
    }

    #[test]
    fn openings_and_bodies_name_it_without_a_title() {
        let g = recognise(
            None,
            "各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。",
            "",
        );
        assert_eq!(g, Genre::GovernmentWork);
        let g = recognise(
            None,
            "同志们：\n现在，我代表宝安区人民政府向大会作工作报告，请予审议。",
            "",
        );
        assert_eq!(g, Genre::GovernmentWork);
        let g = recognise(
            None,
            "根据《中华人民共和国政府信息公开条例》规定，现公布本机关2020年政府信息公开工作年度报告。",
            "",
        );
        assert_eq!(g, Genre::InformationDisclosure);
        let g = recognise(None, "2022年，我县深入推进法治政府建设，取得新成效。", "");
        assert_eq!(g, Genre::RuleOfLaw);
        let body = "一、依法行政\n推进法治建设。\n二、法治政府建设示范创建\n三、依法行政考核";
        assert_eq!(recognise(None, "一、总体情况", body), Genre::RuleOfLaw);
        assert_eq!(
            recognise(None, "今天天气很好。", "今天天气很好。"),
            Genre::Unknown
        );
        assert_eq!(recognise(None, "", ""), Genre::Unknown);
    }
}
