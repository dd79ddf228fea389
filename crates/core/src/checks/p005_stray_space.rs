//! P005: a space inside Chinese text. See [`META`].

use super::{Applicability, Check, CheckMeta, Document, Finding, Fix, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "P005",
    name: "StraySpace",
    title_zh: "中文文字间多出空格",
    severity: Severity::Info,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
A space between Chinese characters or Chinese punctuation marks, where Chinese text takes none
(`组织 “农民工学法活动周”`, `文明· 共建`). Up to ten places give a finding each; more give one
finding with every place.
## Why it matters
Chinese is set without spaces; a stray space is left over from editing or from a web page and shows
as a gap in print.
## Example
`部门联动组织 “农民工学法活动周”` → `部门联动组织“农民工学法活动周”`";

pub struct StraySpace;

fn chinese(c: char) -> bool {
    crate::span::is_han(c) || "，。；：、“”‘’《》（）·！？".contains(c)
}

impl Check for StraySpace {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let mut spans = Vec::new();
        for (line_span, line) in doc.body() {
            let chars: Vec<(usize, char)> = line.char_indices().collect();
            let mut k = 1;
            while k + 1 < chars.len() {
                if matches!(chars[k].1, ' ' | '\u{3000}' | '\u{a0}') {
                    let run_end = (k..chars.len())
                        .find(|&j| !matches!(chars[j].1, ' ' | '\u{3000}' | '\u{a0}'))
                        .unwrap_or(chars.len());
                    if run_end < chars.len() && chinese(chars[k - 1].1) && chinese(chars[run_end].1)
                    {
                        spans.push(Span::new(chars[k].0, chars[run_end].0).offset(line_span.start));
                    }
                    k = run_end;
                } else {
                    k += 1;
                }
            }
        }
        if spans.is_empty() {
            return;
        }
        if spans.len() <= 10 {
            for s in spans {
                let mut f = doc.finding(
                    &META,
                    vec![s],
                    "中文文字之间多出空格。".to_owned(),
                    "A stray space in Chinese text.".to_owned(),
                );
                f.fix = Some(Fix::replace("删去空格", s, "", Applicability::Review));
                out.push(f);
            }
        } else {
            let n = spans.len();
            let fix = Fix::replace_all(
                format!("删去全部空格（{n}处）"),
                spans.iter().copied(),
                "",
                Applicability::Review,
            );
            let mut f = doc.grouped(
                &META,
                spans,
                |times| format!("中文文字之间多出空格{times}。"),
                format!("{n} stray spaces in Chinese text."),
            );
            f.fix = Some(fix);
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("P005", "部门联动组织 “农民工学法活动周”。", " ");
        assert_count("P005", "“德法涵养文明· 共建绿色生活”。", 1);
        assert_count("P005", "“美好城市·法律相伴” “4.8”司法日。", 1);
        assert_count("P005", "部门联动组织“农民工学法活动周”。", 0);
        assert_count("P005", "使用 Word 文档。", 0);
        assert_count("P005", "共 12 件。", 0);
        assert_count("P005", "甲  乙。", 1);
        assert_count("P005", "甲\u{3000}乙。", 1);
        assert_count("P005", "　　段首缩进。", 0);
        let many = "甲 乙".repeat(11);
        let f = findings("P005", &many);
        assert_eq!((f.len(), f[0].count), (1, 11));
    }
}
