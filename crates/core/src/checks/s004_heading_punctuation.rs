//! S004: sibling headings punctuated differently. See [`META`].

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;
use crate::model::Section;

pub static META: CheckMeta = CheckMeta {
    code: "S004",
    name: "HeadingPunctuation",
    title_zh: "同级标题末尾标点不一致",
    severity: Severity::Info,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Headings of one level that stand on their own lines, where most end without a full stop and a few
end with one (or the other way round).
## Why it matters
Headings of one level are written alike; GB/T 9704 headings on their own line take no full stop. An
odd one out is a leftover of editing.
## Example
`（一）聚焦实施重点` `（二）聚焦营商重点` `（三）聚焦执法重点。` → drop the last `。`";

pub struct HeadingPunctuation;

fn check(doc: &Document<'_>, siblings: &[Section], out: &mut Vec<Finding>) {
    // Own-line headings: the heading is the whole line.
    let own_line: Vec<&Section> = siblings
        .iter()
        .filter(|s| {
            let rest = doc.text.get(s.heading_span.end..).unwrap_or_default();
            s.number.is_some()
                && rest
                    .trim_start_matches([' ', '\u{3000}', '\t'])
                    .starts_with(['\n', '\r'])
                || rest.trim().is_empty()
        })
        .collect();
    let with_stop: Vec<&&Section> = own_line
        .iter()
        .filter(|s| s.heading.ends_with('。'))
        .collect();
    if own_line.len() >= 3 && !with_stop.is_empty() && with_stop.len() * 3 <= own_line.len() {
        for s in with_stop {
            let stop = Span::new(s.heading_span.end - '。'.len_utf8(), s.heading_span.end);
            let mut f = doc.finding(
                &META,
                vec![s.heading_span],
                "同级标题末尾均无句号，唯此处有句号。".to_owned(),
                "Sibling headings end without a full stop; this one has one.".to_owned(),
            );
            f.fix = Some(Fix::replace("删去句号", stop, "", Applicability::Review));
            out.push(f);
        }
    }
    for s in siblings {
        check(doc, &s.children, out);
    }
}

impl Check for HeadingPunctuation {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        check(doc, &doc.analysis.sections, out);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        let odd = "一、成效\n（一）聚焦实施重点\n正文。\n（二）聚焦营商重点\n正文。\n（三）聚焦执法重点。\n正文。\n（四）聚焦治理重点\n正文。";
        assert_flags("S004", odd, "（三）聚焦执法重点。");
        assert_count("S004", &odd.replace("重点。\n", "重点\n"), 0);
        assert_count(
            "S004",
            "一、成效\n（一）甲。正文。\n（二）乙。正文。\n（三）丙。正文。",
            0,
        );
        assert_count("S004", "一、成效\n（一）甲\n正文。\n（二）乙。\n正文。", 0);
        assert_count(
            "S004",
            "一、甲\n正文。\n二、乙\n正文。\n三、丙。\n正文。",
            1,
        );
        assert_count(
            "S004",
            "一、甲\n正文。\n二、乙\n正文。\n三、丙\n正文。\n四、丁。\n正文。",
            1,
        );
        assert_count(
            "S004",
            "一、甲。\n正文。\n二、乙。\n正文。\n三、丙。\n正文。\n四、丁\n正文。",
            0,
        );
        assert_count("S004", "没有标题。", 0);
        assert_count("S004", "一、甲\n二、乙\n三、丙\n四、丁", 0);
        assert_count(
            "S004",
            "一、甲\n二、乙\n三、丙\n四、丁。\n五、戊\n六、己\n七、庚。",
            2,
        );
    }
}
