//! S003: a broken `一是…二是…` enumeration. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::numerals::to_chinese;
use crate::span::Span;
use crate::model::Section;

pub static META: CheckMeta = CheckMeta {
    code: "S003",
    name: "BrokenEnumeration",
    title_zh: "分项序号残缺或不连续",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Inside a paragraph's `一是…二是…三是…` enumeration: an item that lost its number (`三是…。是优化…`)
and numbers that skip (`一是…三是`).
## Why it matters
The enumeration is how these reports list measures; a lost number breaks the sentence and the count.
## Example
`三是强化监督。是优化服务。` → `三是强化监督。四是优化服务。`";

pub struct BrokenEnumeration;

fn check(doc: &Document<'_>, s: &Section, out: &mut Vec<Finding>) {
    out_of_sequence(doc, s, out);
    run_on_items(doc, s, out);
    lost_numbers(doc, s, out);
    for c in &s.children {
        check(doc, c, out);
    }
}

/// `一是…三是…`: an item numbered out of sequence.
fn out_of_sequence(doc: &Document<'_>, s: &Section, out: &mut Vec<Finding>) {
    let mut expected = 1;
    for e in &s.enumerations {
        if e.number != expected && e.number != 1 {
            out.push(doc.finding(
                &META,
                vec![e.span],
                format!(
                    "分项序号不连续：此处应为“{}是”，实为“{}”。",
                    to_chinese(expected),
                    e.marker
                ),
                format!(
                    "Enumeration out of sequence: expected {expected}, found {}.",
                    e.number
                ),
            ));
        }
        expected = e.number + 1;
    }
}

/// Items run into the previous one: with a comma where the others open sentences of their own
/// (`二是…。三是…，四是…`), or with no mark at all (`…加强培训三是优化服务`).
fn run_on_items(doc: &Document<'_>, s: &Section, out: &mut Vec<Finding>) {
    let mark_before = |span: Span| {
        doc.text
            .get(..span.start)
            .and_then(|b| b.chars().next_back())
    };
    let by_stop = s
        .enumerations
        .iter()
        .filter(|e| e.number >= 2 && matches!(mark_before(e.span), Some('。' | '；' | ';')))
        .count();
    if by_stop > 0 {
        for e in s
            .enumerations
            .iter()
            .filter(|e| e.number >= 2 && matches!(mark_before(e.span), Some('，' | ',')))
        {
            out.push(doc.finding(
                &META,
                vec![e.span],
                format!("分项“{}”前应为句号（其他分项都另起一句）。", e.marker),
                format!(
                    "“{}” should start a new sentence like the other items.",
                    e.marker
                ),
            ));
        }
    }
    for e in s.enumerations.iter().filter(|e| e.number >= 2) {
        if mark_before(e.span).is_some_and(crate::span::is_han) {
            out.push(doc.finding(
                &META,
                vec![e.span],
                format!("分项“{}”与上一句连写，前面缺少句号。", e.marker),
                format!(
                    "“{}” runs into the previous sentence without a full stop.",
                    e.marker
                ),
            ));
        }
    }
}

/// `三是…。是优化…`: a sentence that starts with 是 after the enumeration has begun.
fn lost_numbers(doc: &Document<'_>, s: &Section, out: &mut Vec<Finding>) {
    let (Some(first), Some(own)) = (s.enumerations.first(), s.span.text(doc.text)) else {
        return;
    };
    let base = s.span.start;
    let mut count = 0;
    for (i, _) in own.match_indices('是') {
        let at = base + i;
        if at <= first.span.start {
            continue;
        }
        let before = own[..i].chars().next_back();
        let after = own[i + '是'.len_utf8()..].chars().next();
        let starts_sentence = matches!(before, Some('。' | '；' | ';'));
        let continues = after.is_some_and(|c| crate::span::is_han(c) && !"否以年非".contains(c));
        let in_own_text = s
            .children
            .iter()
            .all(|c| !c.span.contains(Span::new(at, at + 3)));
        if starts_sentence && continues && in_own_text && after_item(own, i, before) {
            count += 1;
            let n = s.enumerations.iter().filter(|e| e.span.start < at).count() + count;
            out.push(lost_number(doc, at, u32::try_from(n).unwrap_or(0)));
        }
    }
}

/// After a semicolon, the 是 at `i` of `own` carries on a numbered item only when the clause
/// before is one (`二是…；是…`); after `这是…的结果；` it is the same predicate again
/// (`是…的结果`). After any other mark it may.
fn after_item(own: &str, i: usize, before: Option<char>) -> bool {
    if before != Some('；') && before != Some(';') {
        return true;
    }
    let head = &own[..i - before.map_or(0, char::len_utf8)];
    let clause = head.rsplit(['。', '；', ';']).next().unwrap_or(head);
    let clause = clause.trim_start();
    let numeral_len = clause
        .chars()
        .take_while(|c| crate::numerals::is_numeral_char(*c))
        .map(char::len_utf8)
        .sum::<usize>();
    numeral_len > 0 && clause[numeral_len..].starts_with('是')
}

/// The finding on a 是 at `at` that lost its `number`.
fn lost_number(doc: &Document<'_>, at: usize, number: u32) -> Finding {
    let shi = Span::new(at, at + '是'.len_utf8());
    let mut f = doc.finding(
        &META,
        vec![shi],
        format!(
            "分项缺少序号：“是”前应有序号，可能应为“{}是”。",
            to_chinese(number)
        ),
        "An enumeration item lost its number.".to_owned(),
    );
    f.fix = Some(super::Fix::replace(
        format!("改为“{}是”", to_chinese(number)),
        shi,
        format!("{}是", to_chinese(number)),
        super::Applicability::Review,
    ));
    f
}

impl Check for BrokenEnumeration {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for s in &doc.analysis.sections {
            check(doc, s, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn hits_and_near_misses() {
        assert_count("S003", "一、甲\n一是规范。二是加快。三是优化。", 0);
        assert_flags(
            "S003",
            "一、甲\n一是规范。二是加快。三是强化。是优化服务。",
            "是",
        );
        assert_flags("S003", "一、甲\n一是规范。三是优化。", "三是");
        assert_count(
            "S003",
            "一、甲\n一是规范；二是加快。一是另一组；二是继续。",
            0,
        );
        assert_count("S003", "一、甲\n这是好事。是否推进仍需研究。", 0);
        assert_count(
            "S003",
            "一、甲\n一是规范。这是市委正确领导的结果；是全区人民艰苦拼搏的结果。",
            0,
        );
        assert_count("S003", "一、甲\n一是规范。二是加快建设；是优化服务。", 1);
        assert_count("S003", "一、甲\n一是规范。是否推进仍需研究。", 0);
        assert_count(
            "S003",
            "一、甲\n一是规范，二是加快，三是优化，四是完善。",
            0,
        );
        assert_count(
            "S003",
            "一、甲\n一是规范。二是加快。四是优化。五是完善。",
            1,
        );
        assert_count("S003", "没有标题。一是甲。是乙。", 1);
        assert_count(
            "S003",
            "一、甲\n一是规范。二是加快，三是优化。四是完善。",
            1,
        );
        assert_count("S003", "一、甲\n一是规范，二是加快，三是优化。", 0);
        assert_count(
            "S003",
            "一、甲\n一是规范培训。二是加快建设三是优化服务。",
            1,
        );
        let f = findings("S003", "一、甲\n一是规范。二是加快。三是强化。是优化服务。");
        assert!(f[0].message.contains("四是"), "{}", f[0].message);
    }
}
