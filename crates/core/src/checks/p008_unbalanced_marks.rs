//! P008: quotation marks, brackets and title marks that do not pair up. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P008",
    name: "UnbalancedMarks",
    title_zh: "引号、括号或书名号不配对",
    severity: Severity::Warning,
    doc: "## What it checks
Within each paragraph: an opening `“` `‘` `（` `《` `〈` `【` without its closing mark, a closing
mark without its opening one, and marks closed in the wrong order (`《…“…》…”`).
## Why it matters
GB/T 15834-2011 pairs these marks; an unpaired one usually means text was cut or pasted in the
middle of a quotation or title.
## Example
`开展“法治进社区活动。` → `开展“法治进社区”活动。`",
};

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
        for (line_span, line) in doc.body() {
            let mut stack: Vec<(char, usize)> = Vec::new();
            let mut bad: Option<(usize, char)> = None;
            let mut prev = ' ';
            for (i, c) in line.char_indices() {
                // `Women’s`: an apostrophe in English, not a closing quotation mark.
                let apostrophe = c == '’' && prev.is_ascii_alphabetic();
                prev = c;
                if apostrophe {
                    continue;
                }
                match c {
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
            if let Some(&(c, i)) = stack.first() {
                bad.get_or_insert((i, c));
            }
            if let Some((i, c)) = bad {
                let span = Span::new(line_span.start + i, line_span.start + i + c.len_utf8());
                out.push(doc.finding(
                    &META,
                    vec![span],
                    format!("“{c}”在本段中没有配对的标点。"),
                    format!("“{c}” has no matching mark in this paragraph."),
                ));
            }
        }
    }
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
}
