//! P012: ASCII quotation marks in Chinese text. See [`META`].

use super::{Applicability, Check, CheckMeta, Document, Edit, Finding, Fix, Severity};
use crate::span::{is_han, Span};

pub static META: CheckMeta = CheckMeta {
    code: "P012",
    name: "AsciiQuotationMarks",
    title_zh: "中文正文使用了半角引号",
    severity: Severity::Warning,
};

/// The documentation of the check: what it checks, why it matters, an example. Apart from
/// [`META`], so that the analysis links none of it.
pub static DOC: &str = "## What it checks
ASCII double quotes `\"…\"` and single quotes `'…'` around or next to Chinese text
(`\"放管服\"改革`, `'最多跑一次'`). An apostrophe between Latin letters (`Women's`) and quotes in
Latin text are left alone. The whole document gives one finding with every place.
## Why it matters
GB/T 15834-2011, 4.8 (引号): Chinese text uses the quotation marks `“”`, with `‘’` inside
them, in their full-width forms; the ASCII `\"` and `'` are the marks of Western text and of program
code, they do not show which side opens, and portals and word processors treat them differently.
## Example
`深化\"放管服\"改革` → `深化“放管服”改革`. When the ASCII quotes of a paragraph pair up among
themselves the fix is safe; when one is left over, or full-width quotes of the same kind stand in
the same paragraph (`“放管服\"`), the fix reads the marks left to right and asks for review.";

pub struct AsciiQuotationMarks;

/// Whether `c` belongs to Chinese text: a Han character or full-width punctuation.
fn chinese(c: char) -> bool {
    is_han(c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—')
}

/// The ASCII quotes `q` of one line that stand in Chinese text, as byte offsets in the line with
/// the full-width mark each becomes, and whether the reading is certain (the quotes pair up).
fn quotes(line: &str, q: char, open: char, close: char) -> Vec<(usize, char, bool)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let marks: Vec<usize> = (0..chars.len())
        .filter(|&k| chars[k].1 == q)
        .filter(|&k| {
            // `Women's`, `don't`: an apostrophe.
            let before = k.checked_sub(1).and_then(at);
            !(q == '\''
                && before.is_some_and(|c| c.is_ascii_alphanumeric())
                && at(k + 1).is_some_and(|c| c.is_ascii_alphanumeric()))
        })
        .collect();
    let near_chinese = |k: usize| {
        let before = (0..k).rev().map(|j| chars[j].1).find(|c| *c != ' ');
        let after = chars[k + 1..].iter().map(|&(_, c)| c).find(|c| *c != ' ');
        before.is_some_and(chinese) || after.is_some_and(chinese)
    };
    let mut out = Vec::new();
    // Full-width quotes of the same kind on the line may pair with ASCII ones: no sure reading.
    let mixed = line.contains(open) || line.contains(close);
    if marks.len() % 2 == 0 && !mixed {
        for pair in marks.chunks(2) {
            let (a, b) = (pair[0], pair[1]);
            let inside_han = chars[a + 1..b].iter().any(|&(_, c)| is_han(c));
            if inside_han || near_chinese(a) || near_chinese(b) {
                out.push((chars[a].0, open, true));
                out.push((chars[b].0, close, true));
            }
        }
    } else {
        // Read the line left to right: an ASCII quote closes whatever quote is open before it
        // (full-width or an ASCII one read as opening), else it opens one.
        let mut open_before = 0isize;
        let mut last = 0usize;
        for &k in &marks {
            let between = &line[last..chars[k].0];
            open_before += between.matches(open).count() as isize;
            open_before -= between.matches(close).count() as isize;
            last = chars[k].0 + q.len_utf8();
            let mark = if open_before > 0 { close } else { open };
            open_before += if mark == open { 1 } else { -1 };
            // `3'25"`, `27"`: minutes and seconds, feet and inches.
            let after_digit = k
                .checked_sub(1)
                .and_then(at)
                .is_some_and(|c| c.is_ascii_digit());
            if near_chinese(k) && !after_digit {
                out.push((chars[k].0, mark, false));
            }
        }
    }
    out
}

impl Check for AsciiQuotationMarks {
    fn meta(&self) -> &'static CheckMeta {
        &META
    }

    fn run(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let mut spans = Vec::new();
        let mut edits = Vec::new();
        let mut certain = true;
        for (line_span, line) in doc.body() {
            let mut found = quotes(line, '"', '“', '”');
            found.extend(quotes(line, '\'', '‘', '’'));
            found.sort_unstable();
            for (i, mark, sure) in found {
                certain &= sure;
                let span = Span::new(i, i + 1).offset(line_span.start);
                spans.push(span);
                edits.push(Edit::new(span, mark));
            }
        }
        if spans.is_empty() {
            return;
        }
        let mut f = doc.grouped(
            &META,
            spans,
            |times| format!("中文正文应使用全角引号“”‘’，不用半角引号{times}。"),
            "Chinese text takes full-width quotation marks “” ‘’, not ASCII quotes.".to_owned(),
        );
        let applicability = if certain {
            Applicability::Safe
        } else {
            Applicability::Review
        };
        f.fix = Some(Fix::new("改为全角引号", edits, applicability));
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{assert_count, assert_flags, findings};
    use crate::checks::Applicability;

    #[test]
    fn hits_and_near_misses() {
        assert_flags("P012", "深化\"放管服\"改革。", "\"");
        assert_flags("P012", "推行'最多跑一次'改革。", "'");
        assert_count("P012", "深化“放管服”改革。", 0);
        assert_count("P012", "推行‘最多跑一次’改革。", 0);
        assert_count("P012", "举办WTA（Women's Tennis Association）赛事。", 0);
        assert_count("P012", "网站标注 \"Copyright 2023\" 字样。", 1);
        assert_count("P012", "Say \"hello\" to them.", 0);
        assert_count("P012", "", 0);
        assert_count(
            "P012",
            "开展\"法治进社区\"活动。\n推进\"互联网+政务服务\"。",
            1,
        );
        let text = "深化\"放管服\"改革，推行\"一网通办\"。";
        let f = findings("P012", text);
        assert_eq!(f[0].count, 4);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::Safe);
        let marks: Vec<&str> = fix.edits.iter().map(|e| e.replacement.as_str()).collect();
        assert_eq!(marks, ["“", "”", "“", "”"]);
    }

    #[test]
    fn a_quote_left_over_is_flagged_with_a_fix_to_review() {
        let f = findings("P012", "深化\"放管服改革。");
        assert_eq!(f[0].count, 1);
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::Review);
        assert_eq!(fix.edits[0].replacement, "“");
        assert_count("P012", "成绩为3'25\"，位列第一。", 0);
        assert_count("P012", "配备27\"显示屏。", 0);
        assert_count("P012", "收录\"𠀀\"字。\r\n", 1);
        let f = findings("P012", "深化“放管服\"改革。");
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits[0].replacement, "”");
        // Two ASCII quotes, but each pairs with a full-width one: no safe reading.
        let f = findings("P012", "深化“放管服\"改革，推行\"一网通办”。");
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::Review);
        assert_eq!(fix.edits[0].replacement, "”");
    }
}
