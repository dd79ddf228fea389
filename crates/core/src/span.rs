//! Positions in the analysed text.
//!
//! Every position Baogao reports is a [`Span`]: a UTF-8 byte range, end-exclusive, into the
//! decoded input text. [`LineIndex`] is the one place that converts byte offsets to characters,
//! UTF-16 code units (what JavaScript counts) and 1-based line/column pairs; its methods return
//! `Option` and never panic on an offset that is out of range or inside a character.

use serde::{Deserialize, Serialize};

/// A UTF-8 byte range `start..end` into the decoded input text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The covered text, or `None` when the span does not fall on character boundaries of `text`.
    pub fn text<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// Shift a span found in `&text[offset..]` back into `text`'s coordinates.
    pub const fn offset(&self, offset: usize) -> Self {
        Self {
            start: self.start + offset,
            end: self.end + offset,
        }
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Up to `n` characters of `text` before byte `at`, within its line. Looks back `n` characters at
/// most, so that asking for every figure of a one-line report stays linear.
pub fn line_tail(text: &str, at: usize, n: usize) -> &str {
    let before = text.get(..at).unwrap_or_default();
    let tail = last_chars(before, n);
    tail.rsplit('\n').next().unwrap_or(tail)
}

/// The last `n` characters of `s` (all of it when shorter), without copying.
pub fn last_chars(s: &str, n: usize) -> &str {
    match n.checked_sub(1).and_then(|k| s.char_indices().rev().nth(k)) {
        Some((i, _)) => &s[i..],
        None if n == 0 => "",
        None => s,
    }
}

/// The UTF-16 offset (what JavaScript counts) of each byte offset in `sorted` (ascending), in one
/// pass over the text: the one conversion of byte offsets to UTF-16 (the wasm API rewrites every
/// span of an analysis with it). An offset inside a character counts to that character's start;
/// past the end, to the end.
pub fn utf16_offsets(text: &str, sorted: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted.len());
    let mut chars = text.char_indices().peekable();
    let mut units = 0;
    for &target in sorted {
        while let Some(&(at, c)) = chars.peek() {
            if at + c.len_utf8() > target {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        out.push(units);
    }
    out
}

/// A 1-based line and column; the column counts characters (code points).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Converts between byte offsets, character offsets, UTF-16 offsets and line/column.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, so text pasted from any system gives the same lines.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    line_starts.push(i + 2);
                    i += 1;
                }
                b'\r' => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Self { text, line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The line and column of a byte offset (`None` outside the text or inside a character).
    pub fn line_col(&self, byte: usize) -> Option<LineCol> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let line = self
            .line_starts
            .partition_point(|&s| s <= byte)
            .checked_sub(1)?;
        let start = self.line_starts[line];
        let column = self.text.get(start..byte)?.chars().count() + 1;
        Some(LineCol {
            line: line + 1,
            column,
        })
    }

    /// Byte span of a 1-based line, without its line terminator.
    pub fn line_span(&self, line: usize) -> Option<Span> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let next = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let raw = self.text.get(start..next)?;
        let content = raw.trim_end_matches(['\n', '\r']);
        Some(Span::new(start, start + content.len()))
    }

    /// Number of characters before a byte offset.
    pub fn char_offset(&self, byte: usize) -> Option<usize> {
        Some(self.text.get(..byte)?.chars().count())
    }

    /// Number of UTF-16 code units before a byte offset (JavaScript string index).
    pub fn utf16_offset(&self, byte: usize) -> Option<usize> {
        self.text.get(..byte)?;
        utf16_offsets(self.text, &[byte]).first().copied()
    }

    /// The byte offset of a UTF-16 code-unit offset, if it falls on a character boundary.
    pub fn byte_of_utf16(&self, utf16: usize) -> Option<usize> {
        let mut units = 0;
        for (byte, c) in self.text.char_indices() {
            if units == utf16 {
                return Some(byte);
            }
            units += c.len_utf16();
            if units > utf16 {
                return None;
            }
        }
        (units == utf16).then_some(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_tail_stops_at_the_line_and_the_count() {
        assert_eq!(line_tail("甲乙\n丙丁戊", "甲乙\n丙丁戊".len(), 2), "丁戊");
        assert_eq!(
            line_tail("甲乙\n丙丁戊", "甲乙\n丙丁戊".len(), 10),
            "丙丁戊"
        );
        assert_eq!(line_tail("甲乙", 1, 5), "");
    }

    #[test]
    fn last_chars_counts_characters() {
        assert_eq!(last_chars("法治政府建设", 2), "建设");
        assert_eq!(last_chars("ab", 5), "ab");
        assert_eq!(last_chars("ab", 0), "");
    }

    #[test]
    fn byte_offsets_become_utf16_offsets_in_one_pass() {
        let text = "甲𠀀😀\n乙";
        // 甲 is 3 bytes and 1 unit; 𠀀 and 😀 are 4 bytes and 2 units each.
        assert_eq!(
            utf16_offsets(text, &[0, 1, 3, 7, 11, 12, 15, 99]),
            vec![0, 0, 1, 3, 5, 6, 7, 7]
        );
        assert!(utf16_offsets(text, &[]).is_empty());
    }

    #[test]
    fn offsets_differ_for_bytes_chars_and_utf16() {
        let text = "甲𠀀😀\r\n乙\r丙";
        let index = LineIndex::new(text);
        let yi = text.find('乙').unwrap_or_default();
        assert_eq!(index.char_offset(yi), Some(5));
        assert_eq!(index.utf16_offset(yi), Some(7));
        assert_eq!(index.byte_of_utf16(7), Some(yi));
        assert_eq!(index.byte_of_utf16(2), None, "inside a surrogate pair");
        assert_eq!(index.line_col(yi), Some(LineCol { line: 2, column: 1 }));
        let bing = text.find('丙').unwrap_or_default();
        assert_eq!(index.line_col(bing), Some(LineCol { line: 3, column: 1 }));
        assert_eq!(index.line_count(), 3);
        assert_eq!(
            index.line_span(1).and_then(|s| s.text(text)),
            Some("甲𠀀😀")
        );
    }

    #[test]
    fn out_of_range_and_mid_character_offsets_are_none() {
        let index = LineIndex::new("报告");
        assert_eq!(index.line_col(1), None);
        assert_eq!(index.char_offset(99), None);
        assert_eq!(index.utf16_offset(2), None);
        assert_eq!(index.line_span(0), None);
        assert_eq!(index.line_span(2), None);
        assert_eq!(index.line_col(6), Some(LineCol { line: 1, column: 3 }));
    }
}

/// Whether `c` is a Han character: the unified ideographs, Extension A, the compatibility block and
/// the supplementary planes (Extension B onwards, such as 𠀀).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod han_tests {
    use super::is_han;

    #[test]
    fn han_includes_the_supplementary_planes() {
        for c in ['一', '龥', '㐀', '豈', '𠀀', '𪚥', '𰀀'] {
            assert!(is_han(c), "{c}");
        }
        for c in [
            'a', '1', '，', '。', '“', '〇', 'ア', '한', '😀', '\u{3000}',
        ] {
            assert!(!is_han(c), "{c:?}");
        }
    }
}
