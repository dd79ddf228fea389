//! P011: a title inside a title in double title marks. See [`META`].

use super::{Applicability, Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P011",
    name: "NestedTitleMarks",
    title_zh: "书名号内的书名未用单书名号",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A title inside another title written with double title marks, as in
`《关于印发《法治政府建设实施方案》的通知》`. Only a pair fully inside a closed outer pair is
reported, so the fix is mechanical. The whole document gives one finding with every place.
## Why it matters
GB/T 15834-2011, 4.15.3.2 (书名号): when a title contains another title, the outer one takes `《》` and the
inner one `〈〉`. Doubled `《《` also makes it hard to see where each title ends.
## Example
`《关于印发《XX方案》的通知》` → `《关于印发〈XX方案〉的通知》`";

pub struct NestedTitleMarks;

/// The inner pairs of one line, as byte offsets in the line of their `《` and `》`: pairs directly
/// inside an outer pair that closes on the same line.
fn inner_pairs(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut pending: Vec<(usize, usize)> = Vec::new();
    for (i, c) in line.char_indices() {
        match c {
            '《' => stack.push(i),
            '》' => {
                let Some(open) = stack.pop() else {
                    // A stray closing mark: nothing around it can be trusted.
                    pending.clear();
                    continue;
                };
                match stack.len() {
                    0 => out.append(&mut pending),
                    1 => pending.push((open, i)),
                    // Deeper titles are left as written.
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out
}

impl Check for NestedTitleMarks {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let mut spans = Vec::new();
        let mut edits = Vec::new();
        for (line_span, line) in doc.body() {
            for (open, close) in inner_pairs(line) {
                let (open, close) = (line_span.start + open, line_span.start + close);
                let end = close + '》'.len_utf8();
                spans.push(Span::new(open, end));
                edits.push(Edit::new(Span::new(open, open + '《'.len_utf8()), "〈"));
                edits.push(Edit::new(Span::new(close, end), "〉"));
            }
        }
        if spans.is_empty() {
            return;
        }
        let mut f = doc.grouped(
            &META,
            spans,
            |times| format!("书名号内的书名应用单书名号“〈〉”{times}。"),
            "A title inside a title takes single title marks 〈〉.".to_owned(),
        );
        f.fix = Some(Fix::new("改为“〈〉”", edits, Applicability::Safe));
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};
    use crate::checks::Applicability;

    #[test]
    fn hits_and_near_misses() {
        assert_flags(
            "P011",
            "印发《关于印发《法治政府建设实施方案》的通知》。",
            "《法治政府建设实施方案》",
        );
        assert_count(
            "P011",
            "印发《关于印发〈法治政府建设实施方案〉的通知》。",
            0,
        );
        assert_count("P011", "学习《民法典》《行政诉讼法》。", 0);
        assert_count("P011", "学习《民法典》和《宪法》。", 0);
        assert_flags(
            "P011",
            "转发《关于贯彻《优化营商环境条例》和《行政许可法》的意见》。",
            "《优化营商环境条例》",
        );
        // The outer title is not closed: a cut or a slip for P008, not a nesting.
        assert_count("P011", "印发《关于印发《实施方案》的通知。", 0);
        assert_count("P011", "印发关于印发《实施方案》》的通知。", 0);
        assert_count("P011", "", 0);
        assert_count(
            "P011",
            "印发《关于印发《实施方案》的通知》。\n转发《关于《条例》的意见》。",
            1,
        );
        let text = "转发《关于贯彻《条例》和《规定》的意见》。";
        let f = findings("P011", text);
        assert_eq!(f[0].count, 2);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::Safe);
        assert_eq!(fix.edits.len(), 4);
        assert_eq!(fix.edits[0].span.text(text), Some("《"));
        assert_eq!(fix.edits[0].replacement, "〈");
        assert_eq!(fix.edits[1].span.text(text), Some("》"));
        assert_eq!(fix.edits[1].replacement, "〉");
    }
}
