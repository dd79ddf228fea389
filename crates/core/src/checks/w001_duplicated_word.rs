//! W001: a word written twice in a row. See [`META`].

use super::{Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::{is_han, Span};

pub static META: CheckMeta = CheckMeta {
    code: "W001",
    name: "DuplicatedWord",
    title_zh: "词语重复",
    severity: Severity::Warning,
    doc: "## What it checks
A word of two to six Chinese characters written twice in a row (`清理清理`), also across a closing
quotation mark (`“体检活动”活动`).
## Why it matters
A doubled word is the commonest slip of editing in a draft and reads as careless in a published report.
## Example
`开展规范性文件清理清理工作` → `开展规范性文件清理工作`",
};

pub struct DuplicatedWord;

/// Verbs whose doubling is normal speech (`研究研究`), and counting patterns (`一个一个`).
const NORMAL: &[&str] = &[
    "研究", "讨论", "学习", "考虑", "商量", "看看", "试试", "了解", "一个", "一步", "一件", "一项",
    "一批", "一次", "一年", "一天",
];

/// Nouns that name what a quoted title is (`“…活动”`), so writing them again after it doubles them.
const GENERIC: &[&str] = &[
    "活动",
    "工作",
    "行动",
    "制度",
    "机制",
    "平台",
    "项目",
    "工程",
    "服务",
    "会议",
    "品牌",
    "模式",
    "体系",
    "专项行动",
];

impl Check for DuplicatedWord {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (line_span, line) in doc.body() {
            let chars: Vec<(usize, char)> = line.char_indices().collect();
            let mut k = 0;
            let same =
                |a: usize, b: usize, n: usize| (0..n).all(|i| chars[a + i].1 == chars[b + i].1);
            let word =
                |a: usize, n: usize| -> String { chars[a..a + n].iter().map(|x| x.1).collect() };
            while k < chars.len() {
                let mut hit = None;
                // Only a Han character can start a doubled word: skip the rest cheaply.
                if !is_han(chars[k].1) {
                    k += 1;
                    continue;
                }
                for n in (2..=6).rev() {
                    // `清理清理`
                    if k + 2 * n <= chars.len()
                        && same(k, k + n, n)
                        && chars[k..k + n]
                            .iter()
                            .all(|x| is_han(x.1) && !crate::numerals::is_numeral_char(x.1))
                    {
                        let a = word(k, n);
                        if !NORMAL.contains(&a.as_str()) {
                            hit = Some((k + n, k + 2 * n, a));
                            break;
                        }
                    }
                    // `“…活动”活动`: a generic noun that ends the quoted name and is written again.
                    if k + n + 1 + n <= chars.len()
                        && chars[k + n].1 == '”'
                        && same(k, k + n + 1, n)
                    {
                        let a = word(k, n);
                        if GENERIC.contains(&a.as_str()) {
                            hit = Some((k + n + 1, k + 2 * n + 1, a));
                            break;
                        }
                    }
                }
                let Some((from, to, word)) = hit else {
                    k += 1;
                    continue;
                };
                let start = line_span.start + chars[from].0;
                let end = line_span.start + chars.get(to).map_or(line.len(), |c| c.0);
                let whole = Span::new(
                    line_span.start + chars[from - word.chars().count().min(from)].0,
                    end,
                );
                let span = if chars[from - 1].1 == '”' {
                    Span::new(line_span.start + chars[k].0, end)
                } else {
                    whole
                };
                if !doc.allowed(span) {
                    let mut f = doc.finding(
                        &META,
                        vec![span],
                        format!("“{word}”重复。"),
                        format!("“{word}” is written twice."),
                    );
                    f.fix = Some(Fix {
                        applicability: super::Applicability::Review,
                        label: format!("删去重复的“{word}”"),
                        edits: vec![Edit {
                            span: Span::new(start, end),
                            replacement: String::new(),
                        }],
                    });
                    out.push(f);
                }
                k = to;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags};

    #[test]
    fn hits_and_near_misses() {
        assert_flags("W001", "开展规范性文件清理清理工作。", "清理清理");
        assert_flags("W001", "开展“涉企法治体检活动”活动。", "活动”活动");
        assert_count("W001", "加强加强监督。", 1);
        assert_count("W001", "推进法治政府建设法治政府建设。", 1);
        assert_count("W001", "清清楚楚，明明白白。", 0);
        assert_count("W001", "一个一个落实，一步一步推进。", 0);
        assert_count("W001", "请大家研究研究。", 0);
        assert_count("W001", "十四五十四五", 0);
        assert_count("W001", "人人参与，天天学法。", 0);
        assert_count("W001", "开展“法治宣传”进社区活动。", 0);
        assert_count("W001", "落实“谁执法谁普法”普法责任制。", 0);
    }
}
