//! P009: a 顿号 between items each in title marks or quotation marks. See [`META`].

use std::sync::LazyLock;

use regex::Regex;

use super::{Applicability, Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P009",
    name: "CommaBetweenMarkedItems",
    title_zh: "书名号、引号并列成分之间用了顿号",
    severity: Severity::Info,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A 顿号 between items that each stand in title marks or in quotation marks
(`《民法典》、《行政诉讼法》`, `“软任务”、“软指标”`). The whole document gives one finding with
every place.
## Why it matters
GB/T 15834-2011, 4.5.3.5: between coordinate items marked with quotation marks or title marks a
顿号 is *usually* left out, since the marks already separate them. The standard says 通常, and
proofread reports go both ways, so this is a matter of style: keep one way through the document.
A series that also has items without marks (`“一国两制”、“港人治港”、“澳人治澳”、高度自治`,
`各类园区、“产业飞地”、“反向飞地”`) keeps its 顿号 throughout and is not reported.
## Example
`学习《民法典》、《行政诉讼法》` → `学习《民法典》《行政诉讼法》`";

pub struct CommaBetweenMarkedItems;

static SERIAL: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::regex(r"[》”’]、[《“‘]").expect("valid pattern"));

fn pair(c: char) -> Option<(char, char)> {
    match c {
        '《' | '》' => Some(('《', '》')),
        '“' | '”' => Some(('“', '”')),
        '‘' | '’' => Some(('‘', '’')),
        _ => None,
    }
}

/// Whether the series around the 顿号 at char index `k` of `chars` (between a closing and an
/// opening mark) also has an item without marks: then the 顿号 separate that item too.
fn mixed_series(chars: &[char], k: usize) -> bool {
    // Leftwards: from the closing mark before the 顿号 to its opening mark, then across `、`.
    let mut close = k - 1;
    loop {
        let Some((open, _)) = pair(chars[close]) else {
            return false;
        };
        let Some(start) = chars[..close].iter().rposition(|&c| c == open) else {
            return false;
        };
        if start == 0 || chars[start - 1] != '、' {
            break;
        }
        match start.checked_sub(2).map(|j| chars[j]) {
            Some(c) if pair(c).is_some_and(|(_, shut)| shut == c) => close = start - 2,
            _ => return true,
        }
    }
    // Rightwards: from the opening mark after the 顿号 to its closing mark, then across `、`.
    let mut open = k + 1;
    loop {
        let Some((_, shut)) = pair(chars[open]) else {
            return false;
        };
        let Some(end) = chars[open..]
            .iter()
            .position(|&c| c == shut)
            .map(|e| open + e)
        else {
            return false;
        };
        if chars.get(end + 1) != Some(&'、') {
            return false;
        }
        match chars.get(end + 2) {
            Some(&c) if pair(c).is_some_and(|(o, _)| o == c) => open = end + 2,
            _ => return true,
        }
    }
}

impl Check for CommaBetweenMarkedItems {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let mut serial = Vec::new();
        for (line_span, line) in doc.body() {
            let chars: Vec<char> = line.chars().collect();
            for m in SERIAL.find_iter(line) {
                // The char index of the 顿号: one mark after the match's start.
                let k = line[..m.start()].chars().count() + 1;
                if !mixed_series(&chars, k) {
                    serial.push(Span::new(m.start(), m.end()).offset(line_span.start));
                }
            }
        }
        if serial.is_empty() {
            return;
        }
        let edits = serial
            .iter()
            .map(|s| {
                // The 顿号 sits after the closing mark (3 bytes in UTF-8).
                let start = s.start + '》'.len_utf8();
                Edit::new(Span::new(start, start + '、'.len_utf8()), "")
            })
            .collect();
        let mut f = doc.grouped(
            &META,
            serial,
            |times| format!("并列的书名号或引号之间通常不用顿号{times}。"),
            "Items in title or quotation marks usually take no 顿号 between them.".to_owned(),
        );
        f.fix = Some(Fix::new("删去顿号", edits, Applicability::Review));
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};
    use crate::checks::Severity;

    #[test]
    fn hits_and_near_misses() {
        assert_flags("P009", "学习《民法典》、《自贸港政策》。", "》、《");
        assert_count("P009", "学习《民法典》《行政诉讼法》。", 0);
        assert_count("P009", "破解“软任务”、“软指标”。", 1);
        assert_count("P009", "破解“软任务”“软指标”。", 0);
        assert_flags("P009", "攻克‘疑难案’、‘骨头案’。", "’、‘");
        assert_flags("P009", "落实“放管服”、《优化营商环境条例》。", "”、《");
        assert_count("P009", "学习民法典、行政诉讼法。", 0);
        assert_count("P009", "学习《民法典》，宣讲“八五”普法。", 0);
        assert_count("P009", "学习《民法典》、宪法和行政诉讼法。", 0);
        assert_count("P009", "", 0);
        assert_count(
            "P009",
            "贯彻“一国两制”、“港人治港”、“澳人治澳”、高度自治方针。",
            0,
        );
        assert_count(
            "P009",
            "创新各类园区、“产业飞地”、“反向飞地”利益分享机制。",
            0,
        );
        assert_count("P009", "学习《宪法》、《民法典》、行政诉讼法。", 0);
        assert_count("P009", "学习《宪法》、《民法典》和行政诉讼法。", 1);
        let f = findings("P009", "学习《民法典》、《宪法》、《行政诉讼法》。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].count, 2);
        assert_eq!(f[0].severity, Severity::Info);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits.len(), 2);
        assert_eq!(fix.edits[0].replacement, "");
        let text = "学习《民法典》、《宪法》、《行政诉讼法》。";
        assert_eq!(fix.edits[0].span.text(text), Some("、"));
    }
}
