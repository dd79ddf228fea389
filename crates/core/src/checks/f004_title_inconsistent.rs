//! F004: one document cited under two slightly different titles. See [`META`].

use super::{Check, CheckMeta, Document, Finding, Severity};
use crate::span::Span;

pub static META: CheckMeta = CheckMeta {
    code: "F004",
    name: "TitleInconsistent",
    title_zh: "文件名称前后不一致",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
Two titles in 《》 that are nearly the same — the same opening and ending, most characters shared,
neither a part of the other, the same years and numbers — and so almost certainly name one document
twice in two forms (`《陇西县重大行政决策事项程序规定》` and later `《陇西县人民政府重大行政决策程序规定》`).
Titles that differ in a year or a number (`实施纲要（2015—2020年）` and `（2021—2025年）`), in their
ending (`…实施意见`, `…实施方案`) or where one contains the other (`…条例`, `…条例实施细则`) are
different documents and are left alone.
## Why it matters
GB/T 15834-2011 4.15 marks a title with 书名号 so that the reader can find the document; a title
cited in two forms sends the reader looking for two documents, and one of the forms is wrong.
## Example
`《陇西县重大行政决策事项程序规定》…《陇西县人民政府重大行政决策程序规定》` → one title, as issued.";

pub struct TitleInconsistent;

/// The titles in 《》 of the body, in order, without nested ones.
fn titles(doc: &Document<'_>) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for (line_span, line) in doc.body() {
        let mut from = 0;
        while let Some(open) = line[from..].find('《').map(|i| from + i) {
            let inner_start = open + '《'.len_utf8();
            let Some(close) = line[inner_start..].find('》').map(|i| inner_start + i) else {
                break;
            };
            let inner = &line[inner_start..close];
            if !inner.contains('《') {
                let compact: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
                let span = Span::new(open, close + '》'.len_utf8()).offset(line_span.start);
                out.push((compact, span));
            }
            from = close + '》'.len_utf8();
        }
    }
    out
}

/// The digits and Chinese numerals of a title, in order: titles that differ in them are different
/// editions, years or documents.
fn numbers(t: &[char]) -> String {
    t.iter()
        .filter(|c| c.is_ascii_digit() || crate::numerals::is_numeral_char(**c))
        .collect()
}

/// Align `a` and `b` on a longest common subsequence; returns its length and whether, anywhere,
/// both titles have a run of two or more characters of their own at the same place — a word
/// replaced by another (`招商引资` / `科技创新`, `浙江省` / `丽水市`), which makes two documents,
/// where an inserted or dropped word (`人民政府`, `事项`) or one mistyped character does not.
fn align(a: &[char], b: &[char]) -> (usize, bool) {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut gap_a, mut gap_b, mut replaced) = (0, 0, false);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            replaced |= gap_a > 0 && gap_b > 0 && gap_a.max(gap_b) >= 2;
            gap_a = 0;
            gap_b = 0;
            i += 1;
            j += 1;
        } else if j >= m || (i < n && t[i + 1][j] >= t[i][j + 1]) {
            gap_a += 1;
            i += 1;
        } else {
            gap_b += 1;
            j += 1;
        }
    }
    replaced |= gap_a > 0 && gap_b > 0 && gap_a.max(gap_b) >= 2;
    (t[0][0], replaced)
}

/// Whether `a` and `b` are one document's title written two ways.
fn same_document(a: &[char], b: &[char]) -> bool {
    let (n, m) = (a.len(), b.len());
    if n < 8 || m < 8 || a == b {
        return false;
    }
    let contains = |long: &[char], short: &[char]| long.windows(short.len()).any(|w| w == short);
    if (n > m && contains(a, b)) || (m > n && contains(b, a)) {
        return false;
    }
    // One character mistyped anywhere (`条列` for `条例`), unless it is the level of the issuing
    // body (`某省…办法`, `某市…办法` are two documents).
    const LEVELS: &str = "省市县区州盟旗镇乡村";
    let one_typo = n == m
        && {
            let mut differ = a.iter().zip(b).filter(|(x, y)| x != y);
            matches!((differ.next(), differ.next()), (Some((x, y)), None) if !LEVELS.contains(*x) && !LEVELS.contains(*y))
        };
    a[..2] == b[..2] && (a[n - 2..] == b[m - 2..] || one_typo) && numbers(a) == numbers(b) && {
        let (common, replaced) = align(a, b);
        !replaced && common * 4 >= n.max(m) * 3
    }
}

impl Check for TitleInconsistent {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // Each distinct title once, at its first place.
        let mut distinct: Vec<(Vec<char>, Span)> = Vec::new();
        for (t, span) in titles(doc) {
            let chars: Vec<char> = t.chars().collect();
            if !distinct.iter().any(|(c, _)| *c == chars) {
                distinct.push((chars, span));
            }
        }
        let mut reported = vec![false; distinct.len()];
        for j in 1..distinct.len() {
            for i in 0..j {
                if reported[i] || reported[j] || !same_document(&distinct[i].0, &distinct[j].0) {
                    continue;
                }
                reported[i] = true;
                reported[j] = true;
                let (a, b): (String, String) = (
                    distinct[i].0.iter().collect(),
                    distinct[j].0.iter().collect(),
                );
                out.push(doc.finding(
                    &META,
                    vec![distinct[i].1, distinct[j].1],
                    format!("文件名称前后不一致：《{a}》与后文《{b}》应是同一文件，名称应以正式发布的为准统一。"),
                    format!("One document cited under two titles: “{a}” and later “{b}”."),
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
        assert_flags(
            "F004",
            "制定《陇西县重大行政决策事项程序规定》。严格执行《陇西县人民政府重大行政决策程序规定》。",
            "《陇西县重大行政决策事项程序规定》",
        );
        assert_count(
            "F004",
            "印发《某市行政执法公示办法》，落实《某市行政执法公式办法》。",
            1,
        );
        assert_count(
            "F004",
            "印发《某市优化营商环境条例》，落实《某市优化营商坏境条例》。",
            1,
        );
        assert_count(
            "F004",
            "落实《某市优化营商环境条例》，再次落实《某市优化营商环境条例》。",
            0,
        );
        assert_count(
            "F004",
            "落实《法治政府建设实施纲要（2015—2020年）》和《法治政府建设实施纲要（2021—2025年）》。",
            0,
        );
        assert_count(
            "F004",
            "出台《关于加强行政执法的实施意见》和《关于加强行政执法的实施方案》。",
            0,
        );
        assert_count(
            "F004",
            "贯彻《优化营商环境条例》和《某省优化营商环境条例》。",
            0,
        );
        assert_count(
            "F004",
            "制定《某市物业管理条例》和《某市物业管理条例实施细则》。",
            0,
        );
        assert_count(
            "F004",
            "学习《中华人民共和国行政复议法》《中华人民共和国行政诉讼法》。",
            0,
        );
        assert_count(
            "F004",
            "制定《行政执法公示制度》《行政执法全过程记录制度》《重大执法决定法制审核制度》。",
            0,
        );
        assert_count(
            "F004",
            "出台《某区2023年法治政府建设工作要点》，对照《某区2024年法治政府建设工作要点》。",
            0,
        );
        assert_count("F004", "学习《宪法》《民法典》。", 0);
        assert_count(
            "F004",
            "贯彻《政府信息公开条例》，落实《政府信息公开条列》。",
            1,
        );
        assert_count(
            "F004",
            "执行《某省行政规范性文件管理办法》和《某市行政规范性文件管理办法》。",
            0,
        );
        assert_count("F004", "出台《某区产业发展专项资金招商引资实施细则》《某区产业发展专项资金科技创新实施细则》。", 0);
        assert_count(
            "F004",
            "落实《2017年浙江省政务公开工作要点》《2017年丽水市政务公开工作要点》。",
            0,
        );
        assert_count(
            "F004",
            "公布《某市乡镇级行政许可事项清单》《某市乡镇行政处罚事项清单》。",
            0,
        );
        assert_count("F004", "没有书名号。", 0);
    }
}
