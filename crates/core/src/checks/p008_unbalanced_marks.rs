//! P008: quotation marks, brackets and title marks that do not pair up. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P008",
    name: "UnbalancedMarks",
    title_zh: "引号、括号或书名号不配对",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Within each paragraph: an opening `“` `‘` `（` `《` `〈` `【` without its closing mark, a closing
mark without its opening one, and marks closed in the wrong order (`《…“…》…”`). A full-width
`（` closed by a half-width `)` (or the reverse) counts as a pair: the width is P001's business.
Marks left open in the text's last line, when that line stops mid-sentence, are a text cut off
(an excerpt of a page), not a slip, and are not reported.
## Why it matters
GB/T 15834-2011 pairs these marks; an unpaired one usually means text was cut or pasted in the
middle of a quotation or title.
## Example
`开展“法治进社区活动。` → `开展“法治进社区”活动。`";

pub struct UnbalancedMarks;

fn closing(open: char) -> char {
    match open {
        '“' => '”',
        '‘' => '’',
        '（' => '）',
        '《' => '》',
        '〈' => '〉',
        '【' => '】',
        _ => open,
    }
}

impl Check for UnbalancedMarks {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let text_end = doc.text.trim_end().len();
        for (line_span, line) in doc.body() {
            let (bad, left_open) = unbalanced(line);
            let cut = line_span.end >= text_end && !ends_sentence(line);
            let Some((i, c)) = bad.or(if cut { None } else { left_open }) else {
                continue;
            };
            let span = Span::new(i, i + c.len_utf8()).offset(line_span.start);
            out.push(doc.finding(
                &META,
                vec![span],
                format!("“{c}”在本段中没有配对的标点。"),
                format!("“{c}” has no matching mark in this paragraph."),
            ));
        }
    }
}

/// Whether `line` ends a sentence: its last mark (after any closing marks) is 。！？ or the like.
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['”', '’', '）', ')', '》', '〉', '】'])
        .ends_with(['。', '！', '？', '!', '?', '…', '；', ';', '：', ':'])
}

/// A mark of a line: its byte offset in the line, and the mark.
type Mark = (usize, char);

/// The first misplaced mark of `line` (a closing mark without its opening one, or a mark left
/// open inside a pair closed around it), and the first mark left open at its end, each as (byte
/// offset, mark).
fn unbalanced(line: &str) -> (Option<Mark>, Option<Mark>) {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut bad: Option<Mark> = None;
    // Half-width `(` still open: a full-width `）` may close one.
    let mut ascii_open = 0usize;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        // `Women’s`: an apostrophe in English, not a closing quotation mark.
        let apostrophe = c == '’' && prev.is_ascii_alphabetic();
        prev = c;
        if apostrophe {
            continue;
        }
        match c {
            '(' => ascii_open += 1,
            ')' => {
                if ascii_open > 0 {
                    ascii_open -= 1;
                } else if stack.last().is_some_and(|&(o, _)| o == '（') {
                    // `（深圳)`: a pair of mixed widths.
                    stack.pop();
                }
            }
            '）' if ascii_open > 0 && !stack.iter().any(|&(o, _)| o == '（') => {
                ascii_open -= 1;
            }
            '“' | '‘' | '（' | '《' | '〈' | '【' => stack.push((c, i)),
            '”' | '’' | '）' | '》' | '〉' | '】' => {
                match stack.iter().rposition(|(o, _)| closing(*o) == c) {
                    Some(pos) if pos + 1 == stack.len() => {
                        stack.pop();
                    }
                    Some(pos) => {
                        // Closed out of order: report the mark left open inside.
                        bad.get_or_insert((stack[pos + 1].1, stack[pos + 1].0));
                        stack.truncate(pos);
                    }
                    None => {
                        bad.get_or_insert((i, c));
                    }
                }
            }
            _ => {}
        }
    }
    (bad, stack.first().map(|&(c, i)| (i, c)))
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("P008", "开展“法治进社区活动。", "“");
        assert_count("P008", "开展“法治进社区”活动。", 0);
        assert_flags("P008", "学习民法典》。", "》");
        assert_count("P008", "学习《民法典》和《宪法》。", 0);
        assert_count("P008", "印发《关于转发〈方案〉的通知》。", 0);
        assert_count("P008", "印发《关于“方案》的”通知。", 1);
        assert_count("P008", "（一）依法行政（含复议）。", 0);
        assert_count("P008", "（一）依法行政（含复议。", 1);
        assert_count("P008", "他说“要‘依法’办事”。", 0);
        assert_count("P008", "WTA：Women’s Tennis Association。", 0);
        assert_count("P008", "第一段“未完。\n第二段”未始。", 2);
    }

    #[test]
    fn mixed_widths_pair_up() {
        assert_count("P008", "引进中医体质研究院（深圳)、消化病诊疗中心。", 0);
        assert_count("P008", "引进中医体质研究院(深圳）、消化病诊疗中心。", 0);
        assert_count("P008", "按照(一)(二)项要求（含复议。", 1);
    }

    #[test]
    fn a_text_cut_in_its_last_line_is_not_a_slip() {
        assert_count("P008", "第一段完。\n深入贯彻《优化营商环境条例》《", 0);
        assert_count("P008", "第一段完。\n清单充分突出“权责", 0);
        assert_count(
            "P008",
            "第一段完。\r\n深入贯彻《优化营商环境条例》《\r\n",
            0,
        );
        // The last line ends a sentence: the mark was left open by the drafter.
        assert_count("P008", "第一段完。\n清单充分突出“权责清单。", 1);
        // Not the last line.
        assert_count("P008", "深入贯彻《优化营商环境条例》《\n第二段完。", 1);
        // A closing mark without its opening one is a slip even at the end.
        assert_count("P008", "第一段完。\n深入贯彻优化营商环境条例》", 1);
    }
}
