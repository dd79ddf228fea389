//! N004: numbers written in forms GB/T 15835 does not use. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "N004",
    name: "NumberForm",
    title_zh: "数字写法不规范",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Forms GB/T 15835-2011 rules out: Arabic digits with 十/百/千 (`4千`), Chinese and Arabic numerals
mixed in one figure (`一年2个月`), a `+` for “more than” (`48万+`), the month and day of a named day
joined by a full stop (`“12.4”宪法宣传日`, which takes the middle dot: `“12·4”`), and a range that
does not repeat its unit (`15～30%`, `2～5万`).
## Why it matters
The standard keeps one form per figure so that numbers read unambiguously; `12.4` reads as a
decimal, `15～30%` as 15 to 30 percent only by guesswork.
## Example
`有期徒刑一年2个月` → `有期徒刑1年2个月`; `阅读量达48万+` → `阅读量达48万余次`";

pub struct NumberForm;

static FORMS: LazyLock<Vec<(Regex, &'static str, &'static str)>> = LazyLock::new(|| {
    let rule = |re: &str, zh: &'static str, en: &'static str| {
        (crate::pattern::regex(re).expect("valid pattern"), zh, en)
    };
    vec![
        rule(
            r"[0-9]+[十百千](?:[余多]|[\p{Han}&&[^万亿分之]])",
            "阿拉伯数字不与“十、百、千”连用，应写作完整的阿拉伯数字",
            "Arabic digits are not combined with 十/百/千",
        ),
        rule(
            r"[一二三四五六七八九十两]+(?:年|个月|天|小时)[0-9]+(?:个月|天|日|小时|分钟)",
            "同一数字中汉字数字与阿拉伯数字混用",
            "Chinese and Arabic numerals mixed in one figure",
        ),
        rule(
            r"[0-9]+(?:\.[0-9]+)?[万亿]?\+(?:[^0-9A-Za-z]|$)",
            "“+”是网络写法，公文应写作“余”并加量词",
            "“+” for “more than”; write 余 and a measure word",
        ),
        rule(
            r"[“\x22][0-9]{1,2}\.[0-9]{1,2}[”\x22]",
            "表示月日的数字之间应用间隔号“·”",
            "Month and day of a named day take the middle dot",
        ),
        rule(
            r"[0-9]+(?:\.[0-9]+)?[～~][0-9]+(?:\.[0-9]+)?[%％万亿]",
            "数值范围两端的单位或百分号都应写出",
            "Both ends of a range carry the unit",
        ),
    ]
});

impl Check for NumberForm {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            for (re, zh, en) in FORMS.iter() {
                for m in re.find_iter(line) {
                    // `2700千瓦`, `110千伏`: 千 begins a unit of measurement, not a numeral.
                    if m.as_str()
                        .ends_with(['瓦', '伏', '米', '克', '帕', '卡', '焦', '兆', '赫'])
                    {
                        continue;
                    }
                    let text = m.as_str().trim_end_matches(|c: char| {
                        !(c.is_alphanumeric() || "%％+”\"".contains(c))
                    });
                    let span = Span::new(m.start(), m.start() + text.len()).offset(line_span.start);
                    out.push(doc.finding(
                        &META,
                        vec![span],
                        format!("“{text}”：{zh}。"),
                        format!("“{text}”: {en}."),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_count("N004", "新增光伏发电装机2700千瓦、充电桩500个。", 0);
        assert_count("N004", "110千伏下沙输变电工程开工。", 0);
        assert_count("N004", "建成50千米绿道。", 0);
        assert_count("N004", "高新技术企业突破4千家。", 1);
        assert_flags("N004", "判处有期徒刑一年2个月。", "一年2个月");
        assert_count("N004", "判处有期徒刑1年2个月。", 0);
        assert_flags("N004", "阅读量达48万+,点赞数高。", "48万+");
        assert_count("N004", "推行“1+8”模式。", 0);
        assert_flags("N004", "开展“12.4”宪法宣传日活动。", "“12.4”");
        assert_count("N004", "开展“12·4”宪法宣传日活动。", 0);
        assert_count("N004", "增长12.4%。", 0);
        assert_count("N004", "共4千人。", 1);
        assert_count("N004", "共4000人。", 0);
        assert_count("N004", "幅度为15～30%。", 1);
        assert_count("N004", "幅度为15%～30%。", 0);
        assert_count("N004", "共3.5万人。", 0);
    }
}
