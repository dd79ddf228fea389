//! P001: half-width punctuation in Chinese text. See [`META`].

use super::{Applicability, Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::{is_han, Span};

pub static META: CheckMeta = CheckMeta {
    code: "P001",
    name: "HalfWidthPunctuation",
    title_zh: "中文正文使用了半角标点",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Half-width `,` `;` `:` `(` `)` `!` `?` next to Chinese characters. The whole document gives one
finding with the count and every place, and one fix that replaces them all.
## Why it matters
GB/T 15834-2011 uses full-width marks in Chinese text. Text copied from portals often carries
half-width marks, which look wrong in print and break the document's consistency.
## Example
`2019年,崇川区政府(区级)` → `2019年，崇川区政府（区级）`";

pub struct HalfWidthPunctuation;

/// Whether `c` belongs to East Asian text: a Han character ([`is_han`]), or a radical, mark,
/// kana, enclosed form or symbol of the CJK blocks, or a full-width form.
fn cjk(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        is_han(c)
            || matches!(c, '\u{2e80}'..='\u{33ff}' | '\u{4dc0}'..='\u{4dff}' | '\u{ff00}'..='\u{ffef}')
    })
}

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        other => other,
    }
}

/// The half-width marks of one line that stand in Chinese text, as (byte offset in line, mark).
pub(crate) fn marks(line: &str) -> Vec<(usize, char)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let neighbour = |k: usize, back: bool| -> Option<char> {
        if back {
            chars[..k].iter().rev().map(|&(_, c)| c).find(|c| *c != ' ')
        } else {
            chars[k + 1..].iter().map(|&(_, c)| c).find(|c| *c != ' ')
        }
    };
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let near_cjk = cjk(neighbour(k, true)) || cjk(neighbour(k, false));
        match c {
            ',' | ';' | '!' | '?' if near_cjk => out.push((i, c)),
            ':' if near_cjk
                && !(neighbour(k, true).is_some_and(|p| p.is_ascii_digit())
                    && neighbour(k, false).is_some_and(|n| n.is_ascii_digit())) =>
            {
                out.push((i, c));
            }
            '(' => open.push(k),
            ')' => {
                if let Some(o) = open.pop() {
                    let pair_cjk = near_cjk || cjk(neighbour(o, true)) || cjk(neighbour(o, false));
                    if pair_cjk {
                        out.push((chars[o].0, '('));
                        out.push((i, ')'));
                    }
                }
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

impl Check for HalfWidthPunctuation {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let mut found: Vec<(Span, char)> = Vec::new();
        for (span, line) in doc.body() {
            found.extend(
                marks(line)
                    .into_iter()
                    .map(|(i, c)| (Span::new(i, i + 1).offset(span.start), c)),
            );
        }
        if found.is_empty() {
            return;
        }
        let kinds = [',', '(', ';', ':', '!', '?'];
        let count = |m: char| {
            found
                .iter()
                .filter(|(_, c)| *c == m || (m == '(' && *c == ')'))
                .count()
        };
        let summary: Vec<String> = kinds
            .iter()
            .filter(|&&k| count(k) > 0)
            .map(|&k| {
                if k == '(' {
                    format!("圆括号“()”{}个", count(k))
                } else {
                    format!("“{k}”{}处", count(k))
                }
            })
            .collect();
        // Lead with the most frequent mark: that is what the reader will recognise.
        let main = kinds
            .iter()
            .copied()
            .fold(',', |best, k| if count(k) > count(best) { k } else { best });
        let mut spans: Vec<Span> = found.iter().map(|(s, _)| *s).collect();
        if let Some(first) = found.iter().position(|(_, c)| *c == main) {
            let lead = spans.remove(first);
            spans.insert(0, lead);
        }
        let edits = found
            .iter()
            .map(|&(span, c)| Edit::new(span, full_width(c)))
            .collect();
        let mut finding = doc.finding(
            &META,
            spans,
            format!(
                "中文正文使用了半角标点：{}，应改为全角“，（）；：！？”。",
                summary.join("、")
            ),
            format!(
                "Half-width punctuation in Chinese text ({} marks); use full-width marks.",
                found.len()
            ),
        );
        finding.fix = Some(Fix::new(
            format!("全部改为全角（{}处）", found.len()),
            edits,
            Applicability::Safe,
        ));
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, findings};

    #[test]
    fn hits_and_near_misses() {
        assert_count("P001", "2019年,崇川区政府认真贯彻落实。", 1);
        assert_count("P001", "一、成效\n(一)依法行政。", 1);
        assert_count("P001", "主要问题:一是不足;二是短板。", 1);
        assert_count("P001", "二〇二二年，全区推进（一）工作。", 0);
        assert_count("P001", "时间为11:11。", 0);
        assert_count("P001", "访问 https://example.cn/a,b 查看。", 0);
        assert_count("P001", "英文 a, b, c 不算。", 0);
        assert_count("P001", "完成率为98%(全省第一)。", 1);
        assert_count("P001", "全年开展活动!效果好?", 1);
        assert_count("P001", "", 0);
    }

    #[test]
    fn one_finding_with_every_place_and_a_fix_for_all() {
        let text = "甲,乙,丙(丁)。";
        let f = findings("P001", text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].count, 4);
        assert_eq!(f[0].span.text(text), Some(","));
        let fix = f[0].fix.as_ref().map(|f| f.edits.len());
        assert_eq!(fix, Some(4));
        assert!(
            f[0].message.contains("“,”2处") && f[0].message.contains("圆括号“()”2个"),
            "{}",
            f[0].message
        );
    }
}
