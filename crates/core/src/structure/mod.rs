//! Structure: the section tree of numbered headings and the `一是/二是…` enumerations inside it.
//!
//! GB/T 9704 numbers headings `一、` → `（一）` → `1.` → `（1）`; real reports also write `(一)`
//! with half-width brackets and `1、`. A heading either stands on its own line (the whole line is
//! the heading) or runs into its paragraph, in which case it ends at, and includes, the first `。`.

pub use crate::marker::{parse_marker, Marker};
pub use crate::model::{Enumeration, MarkerStyle, Section};

use std::sync::LazyLock;

use regex::Regex;

use crate::clean::{is_space, Line, LineKind};
use crate::span::Span;

/// Build the section tree from the body lines in `lines` (already stripped of the title block
/// and the signature). `text` is the decoded text the spans point into.
pub fn sections(text: &str, lines: &[Line]) -> Vec<Section> {
    let body: Vec<&Line> = lines.iter().filter(|l| l.kind == LineKind::Body).collect();
    let Some(first) = body.first() else {
        return Vec::new();
    };
    let mut flat = headings(text, &body);
    if flat.is_empty() {
        let last = body.last().map_or(first.span.end, |l| l.span.end);
        let span = Span::new(first.span.start, last);
        let mut whole = section(None, Span::new(first.span.start, first.span.start), "");
        whole.span = span;
        whole.chars = count_chars(text, &body);
        whole.enumerations = enumerations(text, span);
        return vec![whole];
    }
    extend(text, &body, &mut flat);
    nest(flat.into_iter().map(|(_, s)| s))
}

/// A section with its heading and nothing measured yet.
fn section(marker: Option<&Marker>, heading_span: Span, heading: &str) -> Section {
    Section {
        level: marker.map_or(1, |m| m.level),
        number: marker.map(|m| m.number_text.clone()),
        value: marker.map_or(0, |m| m.value),
        style: marker.map(|m| m.style),
        heading: heading.to_owned(),
        heading_span,
        span: heading_span,
        chars: 0,
        part: None,
        area: None,
        enumerations: Vec::new(),
        terms: Vec::new(),
        children: Vec::new(),
    }
}

/// The numbered headings of the body in order, each with the index of its line.
fn headings(text: &str, body: &[&Line]) -> Vec<(usize, Section)> {
    let mut flat = Vec::new();
    for (i, line) in body.iter().enumerate() {
        let Some(content) = line.span.text(text) else {
            continue;
        };
        let Some(marker) = parse_marker(content) else {
            continue;
        };
        let heading = heading_text(content, marker.len);
        let heading_span = Span::new(line.span.start, line.span.start + heading.len());
        flat.push((i, section(Some(&marker), heading_span, heading)));
    }
    flat
}

/// Each heading's section extended to where the next heading of the same or a higher level
/// begins, with its characters counted and the enumerations of its own text (up to the next
/// heading of any level) read.
fn extend(text: &str, body: &[&Line], flat: &mut [(usize, Section)]) {
    for k in 0..flat.len() {
        let level = flat[k].1.level;
        let end_line = flat[k + 1..]
            .iter()
            .find(|(_, s)| s.level <= level)
            .map_or(body.len(), |(i, _)| *i);
        let own_end_line = flat.get(k + 1).map_or(body.len(), |(i, _)| *i);
        let start_line = flat[k].0;
        let end = body[end_line.saturating_sub(1).max(start_line)].span.end;
        let own_end = body[own_end_line.saturating_sub(1).max(start_line)]
            .span
            .end;
        let section = &mut flat[k].1;
        section.span = Span::new(section.heading_span.start, end);
        section.chars = count_chars(text, &body[start_line..end_line.max(start_line + 1)]);
        let own = Span::new(
            section.heading_span.end,
            own_end.max(section.heading_span.end),
        );
        section.enumerations = enumerations(text, own);
    }
}

/// The headings nested: a heading belongs to the nearest earlier heading of a lower level
/// number.
fn nest(flat: impl Iterator<Item = Section>) -> Vec<Section> {
    let mut roots: Vec<Section> = Vec::new();
    let mut stack: Vec<Section> = Vec::new();
    for section in flat {
        while stack.last().is_some_and(|top| top.level >= section.level) {
            pop_into(&mut stack, &mut roots);
        }
        stack.push(section);
    }
    while !stack.is_empty() {
        pop_into(&mut stack, &mut roots);
    }
    roots
}

fn pop_into(stack: &mut Vec<Section>, roots: &mut Vec<Section>) {
    if let Some(done) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(done),
            None => roots.push(done),
        }
    }
}

/// The heading part of a heading line: up to and including the first `。`, or the whole line.
fn heading_text(line: &str, marker_len: usize) -> &str {
    let rest = line.get(marker_len..).unwrap_or_default();
    if let Some(i) = rest.find('。') {
        return &line[..marker_len + i + '。'.len_utf8()];
    }
    // A long line without a full stop: stop at the first sentence-ending mark there is.
    if rest.chars().count() > 80 {
        if let Some((i, c)) = rest
            .char_indices()
            .find(|(_, c)| matches!(c, '；' | '！' | '？'))
        {
            return &line[..marker_len + i + c.len_utf8()];
        }
    }
    line
}

fn count_chars(text: &str, lines: &[&Line]) -> usize {
    lines
        .iter()
        .filter_map(|l| l.span.text(text))
        .map(|t| t.chars().filter(|c| !is_space(*c)).count())
        .sum()
}

/// `一是…二是…`: the marker and the character before it.
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::regex(r"([一二三四五六七八九十]{1,3})是").expect("enumeration pattern is valid")
});

/// The enumeration items of a stretch of text. An item opens a sentence or clause (after a mark
/// or at the start); one written straight after a character counts only when it continues the
/// count (`…加强培训三是…` after `二是`), so that `统一是` or `唯一是` are not items.
fn enumerations(text: &str, span: Span) -> Vec<Enumeration> {
    let Some(slice) = span.text(text) else {
        return Vec::new();
    };
    let mut out: Vec<Enumeration> = Vec::new();
    for c in ENUMERATION.captures_iter(slice) {
        let Some(number) = c.get(1) else { continue };
        let Some(value) =
            crate::numerals::parse_chinese(number.as_str()).and_then(|v| u32::try_from(v).ok())
        else {
            continue;
        };
        let before = slice[..number.start()].chars().next_back();
        let opens =
            before.is_none_or(|b| "。；;，,：:！？!?\n）)".contains(b) || b.is_whitespace());
        let word_before = before.is_some_and(|b| "是不第之统唯同万".contains(b));
        let continues = !word_before
            && out
                .last()
                .is_some_and(|last| last.number + 1 == value && value >= 2);
        if !(opens || continues) {
            continue;
        }
        let end = number.end() + '是'.len_utf8();
        out.push(Enumeration {
            marker: slice[number.start()..end].to_owned(),
            number: value,
            span: Span::new(number.start(), end).offset(span.start),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    fn tree(text: &str) -> Vec<Section> {
        sections(text, &clean(text).lines)
    }

    fn outline(sections: &[Section], depth: usize, out: &mut Vec<String>) {
        for s in sections {
            out.push(format!("{}{} {}", "  ".repeat(depth), s.level, s.heading));
            outline(&s.children, depth + 1, out);
        }
    }

    fn outline_of(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        outline(&tree(text), 0, &mut out);
        out
    }

    #[test]
    fn nests_all_four_levels_and_both_bracket_widths() {
        let text = "一、主要成效\n（一）依法履职。正文一是甲，二是乙。\n1.强化学习。正文。\n（1）细项\n2、第二项\n(二)半角括号\n二、存在问题\n正文。";
        assert_eq!(
            outline_of(text),
            [
                "1 一、主要成效",
                "  2 （一）依法履职。",
                "    3 1.强化学习。",
                "      4 （1）细项",
                "    3 2、第二项",
                "  2 (二)半角括号",
                "1 二、存在问题",
            ]
        );
    }

    #[test]
    fn enumerations_are_recorded_in_their_own_section() {
        let text = "一、成效\n一是规范职权。二是加快建设；三是优化服务。但是这不是四是。\n（一）子节。一是子项。";
        let t = tree(text);
        let markers: Vec<&str> = t[0]
            .enumerations
            .iter()
            .map(|e| e.marker.as_str())
            .collect();
        assert_eq!(markers, ["一是", "二是", "三是"]);
        assert_eq!(t[0].children[0].enumerations.len(), 1);
        let span = t[0].enumerations[1].span;
        assert_eq!(span.text(text), Some("二是"));
    }

    #[test]
    fn text_without_headings_is_one_section() {
        let text = "今年以来，我县持续推进法治政府建设。\n全年办理复议案件12件。";
        let t = tree(text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].number, None);
        assert_eq!(t[0].span.text(text), Some(text));
        assert_eq!(
            t[0].chars,
            text.chars().filter(|c| !c.is_whitespace()).count()
        );
    }

    #[test]
    fn spans_and_character_counts() {
        let text = "一、甲\n正文。\n二、乙\n  正文二。  ";
        let t = tree(text);
        assert_eq!(t[0].span.text(text), Some("一、甲\n正文。"));
        assert_eq!(t[1].span.text(text), Some("二、乙\n  正文二。"));
        assert_eq!(t[0].chars, 6);
        assert_eq!(t[1].heading_span.text(text), Some("二、乙"));
    }

    #[test]
    fn numbers_in_body_text_are_not_headings() {
        let text = "一、成效\n3.45亿元用于建设。\n2021年完成任务。\n1.5万人参加。";
        assert_eq!(outline_of(text), ["1 一、成效"]);
    }
}
